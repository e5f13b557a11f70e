using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Inrichting;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Koers.Web.Tests.Beveiliging;

/// <summary>
/// Real sign-in for security tests, the way a browser or API client does it (never the test header): the /inloggen
/// form with its antiforgery token (plus the TOTP step when the account has one), or POST /api/v1/inloggen.
/// </summary>
public static class Sessiehulp
{
    public const string Wachtwoord = "Koers-demo-2026";

    /// <summary>Demo accounts whose role requires two-step sign-in; they share the README's demo key.</summary>
    public static readonly string[] MetTweestaps = ["beheer@kempen.example", "auditor@kempen.example"];

    public static string? SleutelVan(string email) => MetTweestaps.Contains(email) ? DemoData.DemoAuthenticatorSleutel : null;

    /// <summary>A browser without the test header: keeps cookies, does not follow redirects.</summary>
    public static HttpClient Browser(KoersFactory factory) => factory.ClientAls(null, volgRedirects: false);

    /// <summary>A client that sends exactly the cookies it is given: a copied session cookie in another browser.</summary>
    public static HttpClient MetCookie(KoersFactory factory, string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Remove(TestAuthenticatie.Header);
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    public static string Token(string html, string? selector = null)
    {
        var pagina = new HtmlParser().ParseDocument(html);
        return pagina.QuerySelector($"{selector ?? string.Empty} input[name=__RequestVerificationToken]".Trim())!.GetAttribute("value")!;
    }

    /// <summary>Signs in through the form; returns the browser and the session cookie ("koers=...") it was given.</summary>
    public static async Task<(HttpClient Browser, string Cookie)> InloggenAsync(KoersFactory factory, string email, string? sleutel = null, string wachtwoord = Wachtwoord)
    {
        sleutel ??= SleutelVan(email);
        var browser = Browser(factory);
        var stap1 = await browser.PostAsync("/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(await browser.GetStringAsync("/inloggen")), ["Email"] = email, ["Wachtwoord"] = wachtwoord,
        }));
        Assert.True(stap1.StatusCode == HttpStatusCode.Redirect, $"Inloggen als {email}: {(int)stap1.StatusCode}");
        var antwoord = stap1;
        if (stap1.Headers.Location!.OriginalString.StartsWith("/inloggen/tweestaps", StringComparison.Ordinal))
        {
            Assert.NotNull(sleutel);
            var codePagina = await browser.GetStringAsync(stap1.Headers.Location!.OriginalString);
            antwoord = await browser.PostAsync("/inloggen/tweestaps", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Token(codePagina), ["Code"] = Totp(sleutel!, DateTimeOffset.UtcNow),
            }));
            Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        }

        var cookie = antwoord.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Last(c => c.StartsWith("koers=", StringComparison.Ordinal));
        return (browser, cookie);
    }

    /// <summary>POST /api/v1/inloggen; returns access and refresh token.</summary>
    public static async Task<(string Access, string Refresh)> TokenAsync(KoersFactory factory, string email, string? sleutel = null)
    {
        sleutel ??= SleutelVan(email);
        var client = factory.ClientAls(null);
        var antwoord = await client.PostAsJsonAsync("/api/v1/inloggen", new { email, wachtwoord = Wachtwoord, code = sleutel is null ? null : Totp(sleutel, DateTimeOffset.UtcNow) });
        Assert.True(antwoord.StatusCode == HttpStatusCode.OK, $"API-inloggen als {email}: {(int)antwoord.StatusCode} {await antwoord.Content.ReadAsStringAsync()}");
        var json = await antwoord.LeesAsync();
        return (json["accessToken"]!.GetValue<string>(), json["refreshToken"]!.GetValue<string>());
    }

    public static HttpClient MetBearer(KoersFactory factory, string token)
    {
        var client = factory.ClientAls(null, volgRedirects: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>RFC 6238 TOTP (SHA-1, 30 s, 6 digits) as authenticator apps compute it; Identity's own is internal.</summary>
    public static string Totp(string base32Sleutel, DateTimeOffset tijd)
    {
        const string alfabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(base32Sleutel.ToUpperInvariant().Where(c => c != '=' && c != ' ').Select(c => Convert.ToString(alfabet.IndexOf(c), 2).PadLeft(5, '0')));
        var sleutel = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var teller = BitConverter.GetBytes(tijd.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(teller);
        // RFC 6238 TOTP is HMAC-SHA1 by definition (what authenticator apps compute); not a choice of ours (CA5350).
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(sleutel, teller);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var code = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (code % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }
}

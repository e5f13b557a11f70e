using System.Net;
using AngleSharp.Html.Parser;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Beveiliging;

/// <summary>
/// Koers as installed (environment Production, so HSTS and the __Host- cookies apply) behind a TLS-terminating proxy:
/// Koers:Proxy:BekendeProxies names 10.0.0.5 and Koers:Proxy:BekendeNetwerken 192.168.10.0/24.
/// </summary>
public sealed class ProductieProxyFactory : KoersFactory
{
    public const string Proxy = "10.0.0.5";
    public const string ProxyInNetwerk = "192.168.10.20";
    public const string Demowachtwoord = "Eigen-Demo-2026-proxytest";

    private readonly string _pad = Path.Combine(Path.GetTempPath(), $"koers-proxy-{Guid.NewGuid():N}.db");
    public override Koers.Data.DatabaseProvider Provider => Koers.Data.DatabaseProvider.Sqlite;
    protected override string ConnectionString => $"Data Source={_pad};Pooling=false";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Koers:DemoDataInProductie", "true");
        builder.UseSetting("Koers:DemoWachtwoord", Demowachtwoord);
        builder.UseSetting("Koers:Proxy:BekendeProxies:0", Proxy);
        builder.UseSetting("Koers:Proxy:BekendeNetwerken:0", "192.168.10.0/24");
        builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, AfzenderFilter>());
    }

    /// <summary>No cookie jar: the test reads Set-Cookie itself (and HttpClient would not send Secure cookies over http).</summary>
    public HttpClient Kaal() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var bestand in new[] { _pad, _pad + "-wal", _pad + "-shm" }) if (File.Exists(bestand)) File.Delete(bestand);
    }
}

/// <summary>
/// Forwarded headers only from a configured proxy (issue #15). From the proxy, X-Forwarded-Proto: https makes the request
/// HTTPS for Koers: HSTS is sent and the session and antiforgery cookies are __Host- cookies with Secure and Path=/.
/// The same headers from any other sender change nothing. X-Forwarded-Host is not believed unless configured.
/// </summary>
public sealed class ProxyTests(ProductieProxyFactory factory) : IClassFixture<ProductieProxyFactory>
{
    private const string Host = "koers.gemeente.example";

    private static IEnumerable<string> SetCookies(HttpResponseMessage antwoord) =>
        antwoord.Headers.TryGetValues("Set-Cookie", out var c) ? c : [];

    private static void AssertHostCookie(HttpResponseMessage antwoord, string naam)
    {
        var cookie = Assert.Single(SetCookies(antwoord), c => c.StartsWith(naam + "=", StringComparison.Ordinal));
        Assert.StartsWith("__Host-", naam);
        var attributen = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributen);
        Assert.Contains("path=/", attributen);
        Assert.DoesNotContain(attributen, a => a.StartsWith("domain=", StringComparison.Ordinal));
        Assert.Contains("httponly", attributen);
    }

    private HttpRequestMessage Get(string pad, string afzender, string? extraHost = null)
    {
        var verzoek = new HttpRequestMessage(HttpMethod.Get, pad).Van(afzender, doorgestuurdVoor: "203.0.113.5", proto: "https", host: Host);
        if (extraHost is not null) verzoek.Headers.Add("X-Forwarded-Host", extraHost);
        return verzoek;
    }

    [Theory]
    [InlineData(ProductieProxyFactory.Proxy)]
    [InlineData(ProductieProxyFactory.ProxyInNetwerk)]
    public async Task Van_bekende_proxy_met_https_geldt_hsts_en_zijn_sessie_en_antiforgery_cookies_secure_host_cookies(string proxy)
    {
        var namen = factory.Services.GetRequiredService<Cookienamen>();
        var client = factory.Kaal();
        var pagina = await client.SendAsync(Get("/inloggen", proxy));
        Assert.Equal(HttpStatusCode.OK, pagina.StatusCode);
        Assert.Equal($"max-age={(int)Features.Beveiliging.Proxy.HstsDuur.TotalSeconds}", pagina.Headers.GetValues("Strict-Transport-Security").Single());
        AssertHostCookie(pagina, namen.Antiforgery);

        // A real sign-in through the form, as the browser sends it behind the proxy.
        var token = new HtmlParser().ParseDocument(await pagina.Content.ReadAsStringAsync())
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var inloggen = new HttpRequestMessage(HttpMethod.Post, "/inloggen")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Email"] = "sanne.devries@kempen.example", ["Wachtwoord"] = ProductieProxyFactory.Demowachtwoord,
            }),
        }.Van(proxy, doorgestuurdVoor: "203.0.113.5", proto: "https", host: Host);
        inloggen.Headers.Add("Cookie", string.Join("; ", SetCookies(pagina).Select(c => c.Split(';')[0])));
        var antwoord = await client.SendAsync(inloggen);
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        AssertHostCookie(antwoord, namen.Sessie);

        // The scheme is https for Koers: its own redirects say so.
        var doorsturen = await client.SendAsync(Get("/werkvoorraad", proxy));
        Assert.StartsWith($"https://{Host}/inloggen", doorsturen.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Van_onbekende_afzender_veranderen_x_forwarded_headers_het_schema_niet()
    {
        var client = factory.Kaal();
        var doorsturen = await client.SendAsync(Get("/werkvoorraad", "198.51.100.7"));
        Assert.Equal(HttpStatusCode.Redirect, doorsturen.StatusCode);
        Assert.StartsWith($"http://{Host}/inloggen", doorsturen.Headers.Location!.ToString());
        Assert.False(doorsturen.Headers.Contains("Strict-Transport-Security"), "HSTS op een http-verzoek");
        // The request stayed plain http, so no session can start on it: antiforgery (Secure always outside Development
        // and Test) refuses to issue its cookie, and the sign-in page is not served with a cookie that could leak.
        var pagina = await client.SendAsync(Get("/inloggen", "198.51.100.7"));
        Assert.NotEqual(HttpStatusCode.OK, pagina.StatusCode);
        Assert.All(SetCookies(pagina), c => Assert.Contains("secure", c.ToLowerInvariant()));
    }

    [Fact]
    public async Task X_forwarded_host_van_de_proxy_wordt_niet_geloofd_zonder_instelling()
    {
        var doorsturen = await factory.Kaal().SendAsync(Get("/werkvoorraad", ProductieProxyFactory.Proxy, extraHost: "kwaadwillend.example"));
        Assert.StartsWith($"https://{Host}/inloggen", doorsturen.Headers.Location!.ToString());
    }
}

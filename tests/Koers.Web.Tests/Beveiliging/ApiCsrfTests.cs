using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Duo;
using Koers.Web.Features.Termijnen;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Beveiliging;

/// <summary>Koers with a DUO notification token, so DUO's bearer-authenticated call can be checked beside the CSRF guard.</summary>
/// <summary>
/// CSRF on the JSON API (ApiCsrf): a request signed in by the session cookie of a real sign-in may only change
/// something with this site's Origin and a valid antiforgery token in X-CSRF-TOKEN. Each refused request is checked
/// in the database: nothing changed. Bearer tokens (API clients, DUO) need neither.
/// </summary>
public abstract class ApiCsrfTests(KoersFactory factory)
{
    private const string Wachtwoord = "Koers-demo-2026";
    private const string Beheer = "beheer@kempen.example";
    private const string Klantregisseur = "mohamed.bakker@kempen.example";
    private const string EigenOrigin = "http://localhost"; // the TestServer's own scheme and host
    private const string VreemdeOrigin = "https://kwaadwillend.example";

    /// <summary>A browser: signs in through the /inloggen form and keeps the session cookie (as BeveiligingTests does).</summary>
    private async Task<HttpClient> BrowserAsync(string email)
    {
        var (browser, _) = await Sessiehulp.InloggenAsync(factory, email, wachtwoord: Wachtwoord); // with the TOTP step for beheer
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/gemeenten")).StatusCode); // signed in by the cookie alone
        return browser;
    }

    private static async Task<string> TokenAsync(HttpClient browser)
    {
        var antwoord = await (await browser.GetAsync("/api/v1/antiforgery")).LeesAsync();
        Assert.Equal(ApiCsrf.Header, antwoord["header"]!.GetValue<string>());
        return antwoord["token"]!.GetValue<string>();
    }

    /// <summary>What a cross-site HTML form sends: the cookie (added by the browser), a foreign Origin, no token.</summary>
    private static HttpRequestMessage Verzoek(HttpMethod methode, string url, HttpContent? inhoud = null, string? origin = VreemdeOrigin, string? referer = null, string? token = null)
    {
        var verzoek = new HttpRequestMessage(methode, url) { Content = inhoud };
        if (origin is not null) verzoek.Headers.Add("Origin", origin);
        if (referer is not null) verzoek.Headers.Referrer = new Uri(referer);
        if (token is not null) verzoek.Headers.Add(ApiCsrf.Header, token);
        verzoek.Headers.Accept.ParseAdd("text/html"); // a form navigation; the refusal is still problem+json
        return verzoek;
    }

    private static async Task AssertGeweigerdAsync(HttpResponseMessage antwoord, string bevat)
    {
        Assert.Equal(HttpStatusCode.Forbidden, antwoord.StatusCode);
        Assert.Equal("application/problem+json", antwoord.Content.Headers.ContentType?.MediaType);
        var probleem = await antwoord.LeesAsync();
        Assert.Equal("Verzoek geweigerd", probleem["title"]!.GetValue<string>());
        Assert.Contains(bevat, probleem["detail"]!.GetValue<string>());
    }

    private async Task<Guid> OudAfgeslotenDossierAsync()
    {
        var api = factory.CreateClient();
        var id = (await (await api.PostJsonAsync("/api/v1/inburgeraars", Testdata.Inburgeraar(koppelingsdatum: "2022-01-10"))).LeesAsync())["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await api.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/inburgeringsplichtVoldaan", new { datum = "2024-03-01", reden = "Examens gehaald" })).StatusCode);
        return Guid.Parse(id);
    }

    private string Achternaam(Guid id) => factory.MetDatabase(db => db.Inburgeraars.AsNoTracking().Single(i => i.Id == id).Achternaam);

    private bool Geanonimiseerd(Guid id) => factory.MetDatabase(db => db.Audit.Any(a => a.InburgeraarId == id && a.Omschrijving.StartsWith("Geanonimiseerd")));

    [Fact]
    public async Task Csrf_anonimiseren_met_sessiecookie_vanaf_andere_site_of_zonder_token_wordt_geweigerd_en_verandert_niets()
    {
        var oud = await OudAfgeslotenDossierAsync();
        var beheer = await BrowserAsync(Beheer);
        var token = await TokenAsync(beheer);
        const string url = "/api/v1/beheer/bewaartermijn/uitvoeren";

        // A plain cross-site form: cookie only, foreign Origin, no body, no token.
        await AssertGeweigerdAsync(await beheer.SendAsync(Verzoek(HttpMethod.Post, url)), "andere site");
        // A valid token does not help from another origin (a sibling subdomain that got hold of one).
        await AssertGeweigerdAsync(await beheer.SendAsync(Verzoek(HttpMethod.Post, url, token: token)), "andere site");
        // The right origin without a token, and with a token of another user.
        await AssertGeweigerdAsync(await beheer.SendAsync(Verzoek(HttpMethod.Post, url, origin: EigenOrigin)), "beveiligingstoken ontbreekt");
        var anderToken = await TokenAsync(await BrowserAsync(Klantregisseur));
        await AssertGeweigerdAsync(await beheer.SendAsync(Verzoek(HttpMethod.Post, url, origin: EigenOrigin, token: anderToken)), "ongeldig");
        // No Origin: a foreign Referer is refused, and so is a request that names no origin at all (or "null").
        await AssertGeweigerdAsync(await beheer.SendAsync(Verzoek(HttpMethod.Post, url, origin: null, referer: $"{VreemdeOrigin}/formulier", token: token)), "andere site");
        await AssertGeweigerdAsync(await beheer.SendAsync(Verzoek(HttpMethod.Post, url, origin: null, token: token)), "Origin ontbreekt");
        await AssertGeweigerdAsync(await beheer.SendAsync(Verzoek(HttpMethod.Post, url, origin: "null", token: token)), "Origin ontbreekt");

        Assert.Equal("Proefpersoon", Achternaam(oud));
        Assert.False(Geanonimiseerd(oud));

        // The screens' own call: same origin (or only a same-origin Referer) and the token.
        var goed = await beheer.SendAsync(Verzoek(HttpMethod.Post, url, origin: null, referer: $"{EigenOrigin}/beheer/bewaartermijn", token: token));
        Assert.Equal(HttpStatusCode.OK, goed.StatusCode);
        Assert.True((await goed.LeesAsync())["geanonimiseerd"]!.GetValue<int>() >= 1);
        Assert.Equal("Geanonimiseerd", factory.MetDatabase(db => db.Inburgeraars.AsNoTracking().Single(i => i.Id == oud).Voornamen));
        Assert.True(Geanonimiseerd(oud));
    }

    [Fact]
    public async Task Csrf_multipart_upload_met_sessiecookie_vanaf_andere_site_wordt_geweigerd_en_slaat_niets_op()
    {
        var browser = await BrowserAsync(Klantregisseur);
        var vnummer = "9" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString("D9", CultureInfo.InvariantCulture);
        MultipartFormDataContent Bestand()
        {
            var form = new MultipartFormDataContent();
            var bestand = new ByteArrayContent(Encoding.UTF8.GetBytes(
                "vNummer;bsn;voornamen;achternaam;geboortedatum;nationaliteit;doelgroep;gemeente;koppelingsdatum;warmeOverdracht;azcLocatie;talen\n" +
                $"{vnummer};;Amanuel;Csrftest;1991-02-03;Eritrese;asielstatushouder;GM1724;2026-05-04;;AZC Budel;Tigrinya\n"));
            bestand.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(bestand, "bestand", "coa.csv");
            return form;
        }

        int Aantal() => factory.MetDatabase(db => db.Inburgeraars.AsEnumerable().Count(i => i.VNummer?.Value == vnummer));

        await AssertGeweigerdAsync(await browser.SendAsync(Verzoek(HttpMethod.Post, "/api/v1/coa/import", Bestand())), "andere site");
        await AssertGeweigerdAsync(await browser.SendAsync(Verzoek(HttpMethod.Post, "/api/v1/coa/import", Bestand(), origin: EigenOrigin)), "beveiligingstoken ontbreekt");
        Assert.Equal(0, Aantal());

        var goed = await browser.SendAsync(Verzoek(HttpMethod.Post, "/api/v1/coa/import", Bestand(), origin: EigenOrigin, token: await TokenAsync(browser)));
        Assert.Equal(HttpStatusCode.OK, goed.StatusCode);
        Assert.Equal(1, Aantal());
    }

    [Fact]
    public async Task Csrf_bodyloze_post_en_json_put_met_sessiecookie_zonder_eigen_origin_en_token_worden_geweigerd()
    {
        int Uitvoeringen() => factory.MetDatabase(db => db.Taaksloten.AsNoTracking().Where(t => t.Naam == TermijnTaak.Naam).Select(t => t.Uitvoeringen).SingleOrDefault());
        var beheer = await BrowserAsync(Beheer);
        var voor = Uitvoeringen();
        await AssertGeweigerdAsync(await beheer.SendAsync(Verzoek(HttpMethod.Post, "/api/v1/beheer/termijnen/herberekening")), "andere site");
        Assert.Equal(voor, Uitvoeringen());

        var id = factory.MetDatabase(db => db.Inburgeraars.Where(i => i.Gemeente!.Code == "GM1724").OrderBy(i => i.Id).Select(i => i.Id).First());
        DateOnly? LaatsteContact() => factory.MetDatabase(db => db.Mijlpalen.AsNoTracking()
            .Where(m => m.InburgeraarId == id && m.Soort == Koers.Domain.Dossier.Mijlpaal.LaatsteContact).Select(m => (DateOnly?)m.Datum).SingleOrDefault());
        var browser = await BrowserAsync(Klantregisseur);
        var contactVoor = LaatsteContact();
        HttpContent Json() => Infrastructure.Json.Ruw("""{"datum":"2026-06-02"}""");
        await AssertGeweigerdAsync(await browser.SendAsync(Verzoek(HttpMethod.Put, $"/api/v1/inburgeraars/{id}/mijlpalen/laatsteContact", Json(), origin: EigenOrigin)), "beveiligingstoken ontbreekt");
        Assert.Equal(contactVoor, LaatsteContact());
        var goed = await browser.SendAsync(Verzoek(HttpMethod.Put, $"/api/v1/inburgeraars/{id}/mijlpalen/laatsteContact", Json(), origin: EigenOrigin, token: await TokenAsync(browser)));
        Assert.Equal(HttpStatusCode.OK, goed.StatusCode);
        Assert.NotEqual(contactVoor, LaatsteContact());
    }

    [Fact]
    public async Task Csrf_geldt_niet_voor_bearer_tokens_van_api_clients_en_duo()
    {
        var client = factory.ClientAls(null);
        // Beheer must sign in with two steps (Koers:Beveiliging:TweestapsVerplichtVoor): the demo key's current code.
        var inloggen = await client.PostJsonAsync("/api/v1/inloggen", new { email = Beheer, wachtwoord = Wachtwoord, code = Sessiehulp.Totp(Koers.Web.Features.Inrichting.DemoData.DemoAuthenticatorSleutel, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, inloggen.StatusCode);
        var bearer = (await inloggen.LeesAsync())["accessToken"]!.GetValue<string>();

        // No Origin, no antiforgery token, and even a foreign Origin: a bearer token is no ambient credential.
        var verzoek = new HttpRequestMessage(HttpMethod.Post, "/api/v1/beheer/termijnen/herberekening");
        verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        verzoek.Headers.Add("Origin", VreemdeOrigin);
        var herberekening = await client.SendAsync(verzoek);
        Assert.Equal(HttpStatusCode.OK, herberekening.StatusCode);
        Assert.True(factory.MetDatabase(db => db.Taaksloten.Single(t => t.Naam == TermijnTaak.Naam).Uitvoeringen) >= 1);

        // DUO's notification, with DUO's own bearer token and nothing else.
        var berichtId = Guid.NewGuid();
        var duo = new HttpRequestMessage(HttpMethod.Post, DuoNotificatieApi.Pad)
        {
            Content = new StringContent("""{"registratieDatumTijd":"2026-06-15T10:00:00Z","gebeurtenisId":"E1","bsn":"999990019"}""", Encoding.UTF8, "application/json"),
        };
        // The Test environment has no DUO token (the endpoint then refuses everything); give this app one, as an install does.
        var opties = factory.Services.GetRequiredService<Koers.Web.Features.Duo.DuoOpties>();
        opties.NotificatieToken ??= "duo-csrf-test-token-6b2f0c";
        duo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", opties.NotificatieToken);
        duo.Headers.Add("bron", "00000001888888888000");
        duo.Headers.Add("doel", "00000001999999999000");
        duo.Headers.Add("berichtId", berichtId.ToString());
        var ontvangen = await factory.ClientAls(null).SendAsync(duo);
        Assert.Equal(HttpStatusCode.Created, ontvangen.StatusCode);
        Assert.True(factory.MetDatabase(db => db.DuoNotificaties.Any(n => n.BerichtId == berichtId)));
    }
}

public sealed class SqliteApiCsrfTests(SqliteFactory factory) : ApiCsrfTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresApiCsrfTests(PostgresFactory factory) : ApiCsrfTests(factory), IClassFixture<PostgresFactory>;

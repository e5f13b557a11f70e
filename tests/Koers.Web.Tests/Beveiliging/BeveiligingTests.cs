using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Beveiliging;

/// <summary>
/// Sign-in, roles, municipal isolation, audit and hostile input. Each test fails when the protection it
/// covers is removed (e.g. the Toegang filter, the antiforgery check, the body-size limit).
/// </summary>
public abstract class BeveiligingTests(KoersFactory factory)
{
    private const string Klantregisseur = "sanne.devries@kempen.example";   // Kempen: a sharing region
    private const string Weert = "fleur.hendriks@weert.example";           // Weert: no sharing
    private const string Beleid = "beleid@kempen.example";
    private const string Auditor = "auditor@kempen.example";
    private const string Wachtwoord = "Koers-demo-2026";

    private Guid DossierIn(string gemeenteCode) => factory.MetDatabase(db =>
        db.Inburgeraars.Where(i => i.Gemeente!.Code == gemeenteCode).OrderBy(i => i.Id).Select(i => i.Id).First());

    [Fact]
    public async Task Zonder_inloggen_geen_gegevens()
    {
        var anoniem = factory.ClientAls(null, volgRedirects: false);

        var api = await anoniem.GetAsync("/api/v1/inburgeraars");
        var pagina = await anoniem.GetAsync("/werkvoorraad");
        var dossier = await anoniem.GetAsync($"/inburgeraars/{DossierIn("GM1724")}");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, pagina.StatusCode);
        Assert.StartsWith("/inloggen", pagina.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, dossier.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anoniem.GetAsync("/inloggen")).StatusCode);
    }

    [Fact]
    public async Task Inloggen_met_wachtwoord_en_blokkade_na_vijf_fouten()
    {
        var browser = factory.ClientAls(null, volgRedirects: false);
        async Task<HttpResponseMessage> Probeer(string email, string wachtwoord)
        {
            var pagina = new HtmlParser().ParseDocument(await browser.GetStringAsync("/inloggen"));
            var token = pagina.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            return await browser.PostAsync("/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Email"] = email, ["Wachtwoord"] = wachtwoord,
            }));
        }

        var goed = await Probeer("lotte.jansen@kempen.example", Wachtwoord);
        Assert.Equal(HttpStatusCode.Redirect, goed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/werkvoorraad")).StatusCode);

        for (var i = 0; i < 5; i++)
        {
            var fout = await Probeer("mohamed.bakker@kempen.example", "verkeerd-wachtwoord");
            Assert.Equal(HttpStatusCode.OK, fout.StatusCode);
        }

        var geblokkeerd = await Probeer("mohamed.bakker@kempen.example", Wachtwoord);
        Assert.Equal(HttpStatusCode.OK, geblokkeerd.StatusCode);
        Assert.Contains("tijdelijk geblokkeerd", await geblokkeerd.Content.ReadAsStringAsync());

        var hash = factory.MetDatabase(db => db.Users.Single(u => u.Email == Klantregisseur).PasswordHash);
        Assert.DoesNotContain(Wachtwoord, hash);
    }

    [Fact]
    public async Task Tweestapsverificatie_met_totp_code()
    {
        const string email = "priya.vandijk@kempen.example";
        string sleutel;
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
            var gebruiker = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(gebruiker);
            sleutel = (await users.GetAuthenticatorKeyAsync(gebruiker))!;
            await users.SetTwoFactorEnabledAsync(gebruiker, true);
        }

        var browser = factory.ClientAls(null, volgRedirects: false);
        var pagina = new HtmlParser().ParseDocument(await browser.GetStringAsync("/inloggen"));
        var stap1 = await browser.PostAsync("/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = pagina.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Email"] = email, ["Wachtwoord"] = Wachtwoord,
        }));
        Assert.True(stap1.StatusCode == HttpStatusCode.Redirect, await stap1.Content.ReadAsStringAsync());
        Assert.StartsWith("/inloggen/tweestaps", stap1.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/werkvoorraad")).StatusCode); // not signed in yet

        var codePagina = new HtmlParser().ParseDocument(await browser.GetStringAsync(stap1.Headers.Location!.OriginalString));
        var stap2 = await browser.PostAsync("/inloggen/tweestaps", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = codePagina.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Code"] = Sessiehulp.Totp(sleutel, DateTimeOffset.UtcNow), // Identity checks TOTP against the system clock
        }));
        Assert.Equal(HttpStatusCode.Redirect, stap2.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/werkvoorraad")).StatusCode);
    }

    [Fact]
    public async Task Api_client_logt_in_met_bearer_token()
    {
        var client = factory.ClientAls(null);
        var fout = await client.PostAsJsonAsync("/api/v1/inloggen", new { email = Klantregisseur, wachtwoord = "fout" });
        Assert.Equal(HttpStatusCode.Unauthorized, fout.StatusCode);

        var goed = await client.PostAsJsonAsync("/api/v1/inloggen", new { email = "esra.visser@kempen.example", wachtwoord = Wachtwoord });
        Assert.Equal(HttpStatusCode.OK, goed.StatusCode);
        var token = (await goed.LeesAsync())["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/inburgeraars")).StatusCode);
    }

    [Fact]
    public async Task Beleidsmedewerker_ziet_geen_dossiers()
    {
        var beleid = factory.ClientAls(Beleid, volgRedirects: false);

        Assert.Equal(HttpStatusCode.Forbidden, (await beleid.GetAsync("/api/v1/inburgeraars")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await beleid.GetAsync($"/api/v1/inburgeraars/{DossierIn("GM1724")}")).StatusCode);
        // (With the cookie of a real sign-in this is a redirect to /geen-toegang; the test scheme answers 403.)
        Assert.Equal(HttpStatusCode.Forbidden, (await beleid.GetAsync($"/inburgeraars/{DossierIn("GM1724")}")).StatusCode);
    }

    [Fact]
    public async Task Klantregisseur_ziet_alleen_dossiers_van_de_eigen_gemeente_of_gedeelde_regio()
    {
        var weert = factory.ClientAls(Weert);
        var kempen = factory.ClientAls(Klantregisseur);

        // IDOR: guessing or copying the id of another municipality's case gives 404, as if it does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/api/v1/inburgeraars/{DossierIn("GM1724")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/api/v1/inburgeraars/{DossierIn("GM1724")}/termijnen")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/api/v1/inburgeraars/{DossierIn("GM0946")}")).StatusCode); // same region, not shared
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/inburgeraars/{DossierIn("GM1724")}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await weert.GetAsync($"/api/v1/inburgeraars/{DossierIn("GM0988")}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kempen.GetAsync($"/api/v1/inburgeraars/{DossierIn("GM1728")}")).StatusCode); // Kempen shares

        var lijst = await (await weert.GetAsync("/api/v1/inburgeraars?paginaGrootte=500")).LeesAsync();
        var zichtbaar = lijst["resultaten"]!.AsArray().Select(r => r!["gemeente"]!.GetValue<string>()).Distinct().ToList();
        Assert.Equal(["Weert"], zichtbaar);
        var werkvoorraad = await (await weert.GetAsync("/api/v1/werkvoorraad?paginaGrootte=500")).LeesAsync();
        Assert.All(werkvoorraad["regels"]!.AsArray(), r => Assert.Equal("Weert", r!["gemeente"]!.GetValue<string>()));

        var wijzig = await weert.PutJsonAsync($"/api/v1/inburgeraars/{DossierIn("GM1724")}/mijlpalen/laatsteContact", new { datum = "2026-06-01" });
        Assert.Equal(HttpStatusCode.NotFound, wijzig.StatusCode);

        var aanmaken = await weert.PostJsonAsync("/api/v1/inburgeraars", Testdata.Inburgeraar(gemeente: "GM1724"));
        Assert.Equal(HttpStatusCode.BadRequest, aanmaken.StatusCode);
        Assert.Contains("werkt niet voor gemeente", (await aanmaken.LeesAsync())["errors"]!["gemeente"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Overplaatsing_naar_een_andere_gemeente_geldt_meteen()
    {
        // The reach is cached for a minute, but a saved change to the staff member empties that cache at once.
        var weert = factory.ClientAls(Weert);
        Assert.Equal(HttpStatusCode.OK, (await weert.GetAsync($"/api/v1/inburgeraars/{DossierIn("GM0988")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/api/v1/inburgeraars/{DossierIn("GM1724")}")).StatusCode);
        int? Verplaats(string code) => factory.MetDatabase(db =>
        {
            var medewerker = db.Medewerkers.Single(m => m.Id == db.Users.Single(u => u.Email == Weert).MedewerkerId);
            var oud = medewerker.GemeenteId;
            medewerker.GemeenteId = db.Gemeenten.Single(g => g.Code == code).Id;
            db.SaveChanges();
            return oud;
        });
        var oud = Verplaats("GM1724");
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await weert.GetAsync($"/api/v1/inburgeraars/{DossierIn("GM1724")}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/api/v1/inburgeraars/{DossierIn("GM0988")}")).StatusCode);
        }
        finally
        {
            factory.MetDatabase(db =>
            {
                db.Medewerkers.Single(m => m.Id == db.Users.Single(u => u.Email == Weert).MedewerkerId).GemeenteId = oud;
                return db.SaveChanges();
            });
        }

        Assert.Equal(HttpStatusCode.OK, (await weert.GetAsync($"/api/v1/inburgeraars/{DossierIn("GM0988")}")).StatusCode);
    }

    [Fact]
    public async Task Elke_inzage_wordt_gelogd_en_alleen_de_auditor_leest_het_log()
    {
        var id = DossierIn("GM1724");
        await factory.ClientAls(Klantregisseur).GetAsync($"/api/v1/inburgeraars/{id}");

        var auditor = factory.ClientAls(Auditor);
        var log = await (await auditor.GetAsync($"/api/v1/audit?dossier={id}")).LeesAsync();
        Assert.Contains(log["regels"]!.AsArray(), r => r!["gebruiker"]!.GetValue<string>() == Klantregisseur && r["actie"]!.GetValue<string>() == "inzien");
        var csv = await auditor.GetStringAsync($"/audit?handler=Csv&Dossier={id}");
        Assert.Contains(Klantregisseur, csv);

        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls(Klantregisseur).GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync($"/api/v1/inburgeraars/{id}")).StatusCode);

        var inzage = await (await factory.ClientAls(Klantregisseur).GetAsync($"/api/v1/inburgeraars/{id}/inzage")).LeesAsync();
        Assert.Contains(inzage.AsArray(), r => r!["wie"]!.GetValue<string>() == Klantregisseur);
    }

    [Fact]
    public async Task Script_in_vrije_tekst_wordt_als_tekst_getoond()
    {
        var client = factory.CreateClient();
        var invoer = Testdata.Inburgeraar();
        invoer["voornamen"] = "<script>alert('xss')</script>";
        invoer["achternaam"] = "\"><img src=x onerror=alert(1)>";
        var id = (await (await client.PostJsonAsync("/api/v1/inburgeraars", invoer)).LeesAsync())["id"]!.GetValue<string>();
        await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/warmeOverdracht", new { datum = "2026-05-05", reden = "<script>alert(2)</script>" });

        var html = await client.GetStringAsync($"/inburgeraars/{id}");

        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(", html);
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.Empty(doc.QuerySelectorAll("img[onerror]"));
    }

    [Theory]
    [InlineData("' OR 1=1 --")]
    [InlineData("x'); DROP TABLE inburgeraar; --")]
    [InlineData("%' OR achternaam LIKE '%")]
    public async Task Sql_injectie_in_zoekterm_vindt_niets_en_breekt_niets(string zoek)
    {
        var client = factory.CreateClient();
        var voor = factory.MetDatabase(db => db.Inburgeraars.Count());

        var response = await client.GetAsync($"/api/v1/inburgeraars?zoek={Uri.EscapeDataString(zoek)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.LeesAsync())["aantal"]!.GetValue<int>());
        Assert.Equal(voor, factory.MetDatabase(db => db.Inburgeraars.Count()));
    }

    [Fact]
    public async Task Te_groot_verzoek_wordt_geweigerd()
    {
        var client = factory.CreateClient();
        var groot = new string('a', 11 * 1024 * 1024);
        var response = await client.PostAsync("/api/v1/inburgeraars", new StringContent($"{{\"voornamen\":\"{groot}\"}}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Beveiligingsheaders_op_elk_antwoord()
    {
        var client = factory.CreateClient();
        foreach (var url in new[] { "/werkvoorraad", "/api/v1/gemeenten", "/inloggen", "/css/koers.css" })
        {
            var response = await client.GetAsync(url);
            Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
    }

    [Fact]
    public async Task Bsn_komt_niet_in_urls_of_logs()
    {
        var client = factory.CreateClient();
        var bsn = Testdata.NieuwBsn();
        var response = await client.PostJsonAsync("/api/v1/inburgeraars", Testdata.Inburgeraar(bsn: bsn));
        var id = (await response.LeesAsync())["id"]!.GetValue<string>();
        var html = await client.GetStringAsync($"/inburgeraars/{id}");
        await client.PostJsonAsync("/api/v1/inburgeraars", Testdata.Inburgeraar(bsn: bsn)); // refused duplicate, logged?

        Assert.DoesNotContain(bsn, response.Headers.Location!.OriginalString);
        Assert.DoesNotContain(bsn, html); // the case page masks it
        Assert.DoesNotContain(factory.Logs.Regels, r => r.Contains(bsn));
        Assert.DoesNotContain(factory.MetDatabase(db => db.Audit.Select(a => a.Omschrijving).ToList()), o => o.Contains(bsn));
    }

    [Fact]
    public async Task Dubbel_bsn_uit_een_andere_regio_verraadt_niet_dat_de_persoon_daar_bekend_is()
    {
        var bsn = Testdata.NieuwBsn();
        Assert.Equal(HttpStatusCode.Created, (await factory.ClientAls(Klantregisseur).PostJsonAsync("/api/v1/inburgeraars", Testdata.Inburgeraar(bsn: bsn))).StatusCode);

        // Weert tries the same BSN: refused, with a message that does not say the person exists elsewhere.
        var weert = await factory.ClientAls(Weert).PostJsonAsync("/api/v1/inburgeraars", Testdata.Inburgeraar(bsn: bsn, gemeente: "GM0988"));
        Assert.Equal(HttpStatusCode.BadRequest, weert.StatusCode);
        var melding = (await weert.LeesAsync())["errors"]!["bsn"]!.AsArray().Single()!.GetValue<string>();
        Assert.Equal(Koers.Web.Kern.DossierService.BsnNietRegistreerbaar, melding);
        Assert.DoesNotContain("bestaat al", melding);

        // Within reach the klantregisseur is told plainly, so no duplicate case is made.
        var kempen = await factory.ClientAls(Klantregisseur).PostJsonAsync("/api/v1/inburgeraars", Testdata.Inburgeraar(bsn: bsn, gemeente: "GM1728"));
        Assert.Equal(Koers.Web.Kern.DossierService.BsnBestaatAl, (await kempen.LeesAsync())["errors"]!["bsn"]!.AsArray().Single()!.GetValue<string>());
    }
}

public sealed class SqliteBeveiligingTests(SqliteFactory factory) : BeveiligingTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresBeveiligingTests(PostgresFactory factory) : BeveiligingTests(factory), IClassFixture<PostgresFactory>;

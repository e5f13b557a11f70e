using System.Net;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Beveiliging;

/// <summary>
/// DigiD through the municipality's OpenID Connect broker, against a real provider the test starts on loopback
/// (<see cref="TestOidcAanbieder"/>): the whole browser round trip (sign-in page → broker → form_post back → Koers's
/// callback → /inloggen/extern). The portal account is found by BSN only; the level is checked on what the broker says.
/// </summary>
public sealed class DigiDTests(SqliteFactory basis) : IClassFixture<SqliteFactory>, IAsyncLifetime
{
    private const string Smartcard = "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard";
    private const string Sms = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract";

    private TestOidcAanbieder aanbieder = null!;
    private WebApplicationFactory<Program> factory = null!;

    public async Task InitializeAsync()
    {
        // Koers's clock on the real time, like the broker's and the browser's: the correlation and nonce cookies expire
        // by Koers's clock, and a browser (the test's cookie container too) drops a cookie that has already expired.
        basis.Tijd.Nu = DateTimeOffset.UtcNow;
        aanbieder = await TestOidcAanbieder.StartAsync("https://localhost/inloggen/digid", "https://localhost/inloggen/oidc");
        factory = basis.WithWebHostBuilder(b =>
        {
            b.UseSetting("Authentication:DigiD:Authority", aanbieder.Authority);
            b.UseSetting("Authentication:DigiD:ClientId", TestOidcAanbieder.ClientId);
            b.UseSetting("Authentication:DigiD:ClientSecret", TestOidcAanbieder.ClientSecret);
            b.UseSetting("Authentication:Oidc:Authority", aanbieder.Authority);
            b.UseSetting("Authentication:Oidc:ClientId", TestOidcAanbieder.ClientId);
            b.UseSetting("Authentication:Oidc:ClientSecret", TestOidcAanbieder.ClientSecret);
            b.UseSetting("Authentication:Oidc:Naam", "Inlogdienst Kempen");
        });
        // The first client makes the factory's own test user; made now, it does not count as an account made by a sign-in.
        Browser().Dispose();
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await aanbieder.DisposeAsync();
    }

    private HttpClient Browser() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });

    /// <summary>A browser's trip from the button on /inloggen through the broker back to Koers; Koers's answer to the last step.</summary>
    private async Task<(HttpClient Browser, HttpResponseMessage Antwoord)> InloggenViaAsync(string schema, string? taal = null)
    {
        var browser = Browser();
        browser.DefaultRequestHeaders.Remove(TestAuthenticatie.Header);
        var token = Sessiehulp.Token(await browser.GetStringAsync(taal is null ? "/inloggen" : $"/inloggen?taal={taal}"), $"form:has(input[name=schema][value={schema}])");
        var naarBroker = await browser.PostAsync("/inloggen?handler=Extern", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["schema"] = schema,
        }));
        return (browser, await aanbieder.TerugNaarKoersAsync(browser, naarBroker, $"/inloggen/{schema}"));
    }

    private (string Bsn, Guid Dossier, string Voornamen) DemoInburgeraar() => basis.MetDatabase(db =>
    {
        var id = db.Users.Single(u => u.Email == "inburgeraar@demo.example").InburgeraarId!.Value;
        var i = db.Inburgeraars.AsNoTracking().Single(x => x.Id == id);
        return (i.Bsn!.Value.Value, id, i.Voornamen);
    });

    private static async Task<bool> IsIngelogdAsync(HttpClient browser)
    {
        var mijn = await browser.GetAsync("/mijn");
        return mijn.StatusCode == HttpStatusCode.OK;
    }

    [Fact]
    public async Task Het_inlogscherm_biedt_DigiD_aan()
    {
        var html = await Browser().GetStringAsync("/inloggen");
        var knoppen = new HtmlParser().ParseDocument(html).QuerySelectorAll("form input[name=schema]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains("digid", knoppen);
        Assert.Contains("Inloggen via DigiD", html);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s00000000:")]
    public async Task DigiD_op_niveau_substantieel_opent_het_eigen_portaal_gevonden_op_BSN(string voorvoegsel)
    {
        var (bsn, dossier, voornamen) = DemoInburgeraar();
        aanbieder.VolgendeAanmelding["bsn"] = voorvoegsel + bsn;
        aanbieder.VolgendeAanmelding["acr"] = Smartcard;
        var gebruikersVoor = basis.MetDatabase(db => db.Users.Count());

        var (browser, antwoord) = await InloggenViaAsync("digid");

        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        var portaal = await browser.GetStringAsync("/mijn");
        Assert.Contains(voornamen, portaal);
        // Koers asked the broker for DigiD Substantieel, for nothing beyond openid, with PKCE.
        var verzoek = aanbieder.Verzoeken.Last();
        Assert.Equal(Smartcard, verzoek.AcrValues);
        Assert.Equal("openid", verzoek.Scope);
        Assert.Equal("S256", verzoek.CodeChallengeMethod);
        Assert.Equal(gebruikersVoor, basis.MetDatabase(db => db.Users.Count()));
        var audit = basis.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.InburgeraarId == dossier && a.Doel == DigiDAanmelding.Doel).OrderBy(a => a.Id).ToList());
        Assert.Contains(audit, a => a.Omschrijving == "Ingelogd met DigiD (niveau Substantieel)" && a.Resultaat == AuditResultaat.Toegestaan);
        Assert.DoesNotContain(audit, a => a.Omschrijving.Contains(bsn, StringComparison.Ordinal));
        Assert.DoesNotContain(basis.Logs.Regels, r => r.Contains(bsn, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DigiD_onder_het_vereiste_niveau_wordt_geweigerd_met_uitleg()
    {
        var (bsn, _, _) = DemoInburgeraar();
        aanbieder.VolgendeAanmelding["bsn"] = bsn;
        aanbieder.VolgendeAanmelding["acr"] = Sms;

        var (browser, antwoord) = await InloggenViaAsync("digid");

        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var tekst = await antwoord.Content.ReadAsStringAsync();
        Assert.Contains("niveau Midden", tekst);
        Assert.Contains("minimaal niveau Substantieel", tekst);
        Assert.False(await IsIngelogdAsync(browser));
    }

    [Fact]
    public async Task Een_BSN_zonder_portaalaccount_maakt_geen_account_aan()
    {
        // A case without a portal account: the klantregisseur has not invited this person (yet).
        var (bsn, dossier) = basis.MetDatabase(db =>
        {
            var metAccount = db.Users.Where(u => u.InburgeraarId != null).Select(u => u.InburgeraarId!.Value).ToList();
            var i = db.Inburgeraars.AsNoTracking().Where(x => x.Bsn != null && !metAccount.Contains(x.Id)).OrderBy(x => x.Id).First();
            return (i.Bsn!.Value.Value, i.Id);
        });
        aanbieder.VolgendeAanmelding["bsn"] = bsn;
        aanbieder.VolgendeAanmelding["acr"] = Smartcard;
        var gebruikersVoor = basis.MetDatabase(db => db.Users.Count());

        var (browser, antwoord) = await InloggenViaAsync("digid");

        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Contains("geen account voor Mijn inburgering", await antwoord.Content.ReadAsStringAsync());
        Assert.False(await IsIngelogdAsync(browser));
        Assert.Equal(gebruikersVoor, basis.MetDatabase(db => db.Users.Count()));
        Assert.False(basis.MetDatabase(db => db.Users.Any(u => u.InburgeraarId == dossier)));
    }

    [Fact]
    public async Task Wie_in_het_Arabisch_inlogt_leest_de_weigering_in_het_Arabisch()
    {
        var (bsn, _, _) = DemoInburgeraar();
        aanbieder.VolgendeAanmelding["bsn"] = bsn;
        aanbieder.VolgendeAanmelding["acr"] = Sms;

        var (_, antwoord) = await InloggenViaAsync("digid", "ar");

        var pagina = new HtmlParser().ParseDocument(await antwoord.Content.ReadAsStringAsync());
        Assert.Equal("ar", pagina.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", pagina.DocumentElement.GetAttribute("dir"));
        Assert.Equal("تعذّر تسجيل الدخول باستخدام DigiD", pagina.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Substantieel", pagina.QuerySelector("main p")?.TextContent ?? pagina.Body!.TextContent);
        Assert.DoesNotContain("Log opnieuw in", pagina.Body!.TextContent);
    }

    [Fact]
    public async Task Een_ongeldig_BSN_van_de_inlogdienst_wordt_geweigerd()
    {
        aanbieder.VolgendeAanmelding["bsn"] = "123456789";
        aanbieder.VolgendeAanmelding["acr"] = Smartcard;

        var (browser, antwoord) = await InloggenViaAsync("digid");

        Assert.Contains("geen geldig burgerservicenummer", await antwoord.Content.ReadAsStringAsync());
        Assert.False(await IsIngelogdAsync(browser));
    }

    [Fact]
    public async Task De_inlogdienst_voor_medewerkers_koppelt_geen_inburgeraar_op_e_mailadres()
    {
        // The same provider as the municipality's staff sign-in: a klantregisseur gets in, an inburgeraar's address does not.
        aanbieder.VolgendeAanmelding.Clear();
        aanbieder.VolgendeAanmelding["email"] = "sanne.devries@kempen.example";
        var (medewerker, welkom) = await InloggenViaAsync("oidc");
        Assert.Equal(HttpStatusCode.Redirect, welkom.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await medewerker.GetAsync("/werkvoorraad")).StatusCode);

        aanbieder.VolgendeAanmelding["email"] = "inburgeraar@demo.example";
        var (browser, antwoord) = await InloggenViaAsync("oidc");

        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Contains("Inburgeraars loggen in met DigiD", await antwoord.Content.ReadAsStringAsync());
        Assert.False(await IsIngelogdAsync(browser));
        Assert.False(basis.MetDatabase(db => db.UserLogins.Any(l => l.LoginProvider == "oidc" && db.Users.Any(u => u.Id == l.UserId && u.Email == "inburgeraar@demo.example"))));
    }
}

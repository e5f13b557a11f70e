using System.Net;
using System.Net.Http.Json;
using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Beveiliging;

/// <summary>
/// eHerkenning for chain-partner staff, against a real OpenID Connect provider on loopback: linked once by the signed-in
/// employee, then a sign-in of its own, checked each time against the organisation's KvK number, the role and the level.
/// </summary>
public sealed class EHerkenningTests(SqliteFactory basis) : IClassFixture<SqliteFactory>, IAsyncLifetime
{
    private const string Partner = "partner@taalschool.example";
    private const string Loa3 = "urn:etoegang:core:assurance-class:loa3";
    private const string Loa2 = "urn:etoegang:core:assurance-class:loa2";
    private const string Kvk = "90001234";

    private TestOidcAanbieder aanbieder = null!;
    private WebApplicationFactory<Program> factory = null!;

    public async Task InitializeAsync()
    {
        basis.Tijd.Nu = DateTimeOffset.UtcNow; // see DigiDTests: the browser drops cookies that expired by Koers's clock
        aanbieder = await TestOidcAanbieder.StartAsync("https://localhost/inloggen/eherkenning");
        factory = basis.WithWebHostBuilder(b =>
        {
            b.UseSetting("Authentication:EHerkenning:Authority", aanbieder.Authority);
            b.UseSetting("Authentication:EHerkenning:ClientId", TestOidcAanbieder.ClientId);
            b.UseSetting("Authentication:EHerkenning:ClientSecret", TestOidcAanbieder.ClientSecret);
        });
        Browser().Dispose();
        ZetKvk(Kvk);
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await aanbieder.DisposeAsync();
    }

    private void ZetKvk(string? kvk) => basis.MetDatabase(db =>
    {
        var id = db.Users.Single(u => u.Email == Partner).PartnerorganisatieId;
        var organisatie = db.Partnerorganisaties.Single(p => p.Id == id);
        organisatie.KvkNummer = kvk;
        return db.SaveChanges();
    });

    private HttpClient Browser()
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
        browser.DefaultRequestHeaders.Remove(TestAuthenticatie.Header);
        return browser;
    }

    private static async Task InloggenMetWachtwoordAsync(HttpClient browser, string email)
    {
        var antwoord = await browser.PostAsync("/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Sessiehulp.Token(await browser.GetStringAsync("/inloggen")), ["Email"] = email, ["Wachtwoord"] = Sessiehulp.Wachtwoord,
        }));
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
    }

    private void VolgendeAanmelding(string sub, string kvk, string acr)
    {
        aanbieder.VolgendeAanmelding.Clear();
        aanbieder.VolgendeAanmelding["sub"] = sub;
        aanbieder.VolgendeAanmelding["kvk"] = kvk;
        aanbieder.VolgendeAanmelding["acr"] = acr;
    }

    /// <summary>Signed in with the password, the employee links eHerkenning on Mijn account; Koers's answer to the last step.</summary>
    private async Task<HttpResponseMessage> KoppelenAsync(HttpClient browser)
    {
        var account = await browser.GetStringAsync("/account");
        Assert.Contains("eHerkenning koppelen", account);
        var naarBroker = await browser.PostAsync("/account?handler=EHerkenning", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Sessiehulp.Token(account, "form[action*=EHerkenning]"),
        }));
        return await aanbieder.TerugNaarKoersAsync(browser, naarBroker, "/inloggen/eherkenning");
    }

    private async Task<(HttpClient Browser, HttpResponseMessage Antwoord)> InloggenAsync()
    {
        var browser = Browser();
        var token = Sessiehulp.Token(await browser.GetStringAsync("/inloggen"), "form:has(input[name=schema][value=eherkenning])");
        var naarBroker = await browser.PostAsync("/inloggen?handler=Extern", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["schema"] = "eherkenning",
        }));
        return (browser, await aanbieder.TerugNaarKoersAsync(browser, naarBroker, "/inloggen/eherkenning"));
    }

    private static async Task<string?> WieAsync(HttpClient browser)
    {
        var account = await browser.GetAsync("/account");
        return account.StatusCode == HttpStatusCode.OK && (await account.Content.ReadAsStringAsync()).Contains(Partner, StringComparison.Ordinal) ? Partner : null;
    }

    [Fact]
    public async Task Gekoppeld_logt_de_medewerker_in_met_eHerkenning_zolang_het_KvK_nummer_van_de_organisatie_klopt()
    {
        var sub = "eh-" + Guid.NewGuid().ToString("N");

        // Not linked yet: refused, with the way to link.
        VolgendeAanmelding(sub, Kvk, Loa3);
        var (vooraf, geweigerd) = await InloggenAsync();
        Assert.Contains("nog niet aan een Koers-account gekoppeld", await geweigerd.Content.ReadAsStringAsync());
        Assert.Null(await WieAsync(vooraf));

        // Linked from Mijn account by the employee signed in with the password.
        var medewerker = Browser();
        await InloggenMetWachtwoordAsync(medewerker, Partner);
        var gekoppeld = await KoppelenAsync(medewerker);
        Assert.Equal(HttpStatusCode.Redirect, gekoppeld.StatusCode);
        Assert.Contains("eHerkenning is aan uw account gekoppeld", await medewerker.GetStringAsync("/account"));
        Assert.True(basis.MetDatabase(db => db.Audit.Any(a => a.Gebruiker == Partner && a.Omschrijving == "eHerkenning gekoppeld aan het account")));

        // Now eHerkenning alone signs the employee in.
        var (browser, antwoord) = await InloggenAsync();
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        Assert.Equal(Partner, await WieAsync(browser));
        Assert.True(basis.MetDatabase(db => db.Audit.Any(a => a.Gebruiker == Partner && a.Omschrijving == "Ingelogd met eHerkenning (niveau EH3)")));

        // eHerkenning for another organisation (another KvK number) does not get in.
        VolgendeAanmelding(sub, "90009999", Loa3);
        var (ander, andereKvk) = await InloggenAsync();
        Assert.Contains("andere organisatie dan", await andereKvk.Content.ReadAsStringAsync());
        Assert.Null(await WieAsync(ander));

        // Below the required level: refused.
        VolgendeAanmelding(sub, Kvk, Loa2);
        var (laag, teLaag) = await InloggenAsync();
        Assert.Contains("minimaal EH3", await teLaag.Content.ReadAsStringAsync());
        Assert.Null(await WieAsync(laag));

        // The municipality changes the organisation's KvK number: the link no longer gets in.
        VolgendeAanmelding(sub, Kvk, Loa3);
        ZetKvk("90005678");
        try
        {
            var (na, naWijziging) = await InloggenAsync();
            Assert.Equal(HttpStatusCode.OK, naWijziging.StatusCode);
            Assert.Null(await WieAsync(na));
        }
        finally
        {
            ZetKvk(Kvk);
        }
    }

    [Fact]
    public async Task Koppelen_met_eHerkenning_van_een_andere_organisatie_lukt_niet()
    {
        VolgendeAanmelding("eh-" + Guid.NewGuid().ToString("N"), "90009999", Loa3);
        var medewerker = Browser();
        await InloggenMetWachtwoordAsync(medewerker, Partner);
        var antwoord = await KoppelenAsync(medewerker);
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Contains("andere organisatie dan", await antwoord.Content.ReadAsStringAsync());
        var sub = aanbieder.VolgendeAanmelding["sub"];
        Assert.False(basis.MetDatabase(db => db.UserLogins.Any(l => l.LoginProvider == EHerkenningOpties.Schema && l.ProviderKey == sub)));
    }

    [Fact]
    public async Task Het_KvK_nummer_van_een_partner_is_8_cijfers_en_wordt_bewaard()
    {
        var client = basis.CreateClient(); // every staff role for the Kempen region
        var (id, naam, soort, regio) = basis.MetDatabase(db => db.Users.Where(u => u.Email == Partner)
            .Join(db.Partnerorganisaties, u => u.PartnerorganisatieId, p => p.Id, (u, p) => new { p.Id, p.Naam, p.Soort, p.RegioId }).AsEnumerable()
            .Select(p => (p.Id, p.Naam, p.Soort, p.RegioId)).Single());
        var fout = await client.PutAsJsonAsync($"/api/v1/beheer/partners/{id}", new { naam, soort = soort.ToString(), regioId = regio, kvkNummer = "1234ab", actief = true });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        Assert.Contains("8 cijfers", (await fout.LeesAsync())["errors"]!["kvkNummer"]![0]!.GetValue<string>());
        Assert.Equal(Kvk, basis.MetDatabase(db => db.Partnerorganisaties.Single(p => p.Id == id).KvkNummer));

        var goed = await client.PutAsJsonAsync($"/api/v1/beheer/partners/{id}", new { naam, soort = soort.ToString(), regioId = regio, kvkNummer = "9000 1234", actief = true });
        Assert.Equal(HttpStatusCode.OK, goed.StatusCode);
        Assert.Equal("90001234", (await goed.LeesAsync())["kvkNummer"]!.GetValue<string>());
    }

    [Fact]
    public async Task Een_medewerker_van_de_gemeente_krijgt_geen_eHerkenning_aangeboden()
    {
        var browser = Browser();
        await InloggenMetWachtwoordAsync(browser, "sanne.devries@kempen.example");
        Assert.DoesNotContain("eHerkenning koppelen", await browser.GetStringAsync("/account"));
        Assert.True(basis.MetDatabase(db => db.Users.Single(u => u.Email == "sanne.devries@kempen.example").PartnerorganisatieId is null));
    }
}

using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using static Koers.Web.Tests.Beveiliging.Sessiehulp;

namespace Koers.Web.Tests.Beveiliging;

/// <summary>
/// Sessions (issue #15): logout, server-side revocation of cookies and bearer tokens through the security stamp,
/// two-step sign-in required per role, and no account enumeration at sign-in. Every test signs in for real — the
/// /inloggen form or POST /api/v1/inloggen — because the test header would bypass what is tested here.
/// A user whose roles, lockout, password or 2FA a test changes is used by that test only, so tests do not depend on their order.
/// </summary>
public abstract class SessieTests(KoersFactory factory)
{
    /// <summary>A page every signed-in user may open; without a valid session it redirects to /inloggen.</summary>
    private static async Task<bool> IngelogdAsync(HttpClient client)
    {
        var antwoord = await client.GetAsync("/account");
        if (antwoord.StatusCode == HttpStatusCode.OK) return true;
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        // The inburgeraar's account is the portal: /account sends a signed-in inburgeraar there.
        if (antwoord.Headers.Location!.OriginalString == "/mijn") return true;
        Assert.StartsWith("/inloggen", antwoord.Headers.Location!.PathAndQuery);
        return false;
    }

    private static async Task<HttpStatusCode> ApiAsync(HttpClient client) => (await client.GetAsync("/api/v1/gemeenten")).StatusCode;

    private async Task MetGebruikerAsync(string email, Func<UserManager<Gebruiker>, Gebruiker, Task> werk)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        await werk(users, (await users.FindByEmailAsync(email))!);
    }

    private static async Task<HttpResponseMessage> DrukUitloggenAsync(HttpClient browser, string pagina)
    {
        var html = await browser.GetStringAsync(pagina);
        var formulier = new HtmlParser().ParseDocument(html).QuerySelector("header form[data-koers=uitloggen]");
        Assert.NotNull(formulier); // a visible logout in the page header
        Assert.Equal("/uitloggen", formulier!.GetAttribute("action"));
        var token = formulier.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.NotNull(token); // without it the logout page answers 400 and the session stays
        return await browser.PostAsync("/uitloggen", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token! }));
    }

    [Theory]
    [InlineData("mohamed.bakker@kempen.example", "/werkvoorraad")]
    [InlineData("anouk.vandenberg@kempen.example", "/werkvoorraad")]
    [InlineData("beleid@kempen.example", "/monitor")]
    [InlineData("beheer@kempen.example", "/beheer/partners")]
    [InlineData("auditor@kempen.example", "/audit")]
    [InlineData("partner@taalschool.example", "/partner")]
    [InlineData("inburgeraar@demo.example", "/mijn")]
    public async Task Uitlogknop_in_de_kop_draagt_antiforgery_token_en_beeindigt_de_sessie(string email, string pagina)
    {
        var (ander, _) = await InloggenAsync(factory, email);
        var zonderToken = await ander.PostAsync("/uitloggen", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, zonderToken.StatusCode); // a foreign site cannot log a user out
        Assert.True(await IngelogdAsync(ander));

        var (browser, _) = await InloggenAsync(factory, email);
        Assert.True(await IngelogdAsync(browser));

        var uit = await DrukUitloggenAsync(browser, pagina);

        Assert.Equal(HttpStatusCode.Redirect, uit.StatusCode);
        Assert.Equal("/inloggen", uit.Headers.Location!.OriginalString);
        Assert.False(await IngelogdAsync(browser));
    }

    [Fact]
    public async Task Uitloggen_beeindigt_ook_een_gekopieerde_cookie_en_de_bearer_tokens_van_de_gebruiker()
    {
        const string email = "mohamed.bakker@kempen.example";
        var (browser, cookie) = await InloggenAsync(factory, email);
        var (access, refresh) = await TokenAsync(factory, email);
        var kopie = MetCookie(factory, cookie);
        var api = MetBearer(factory, access);
        Assert.True(await IngelogdAsync(kopie));
        Assert.Equal(HttpStatusCode.OK, await ApiAsync(api));

        Assert.Equal(HttpStatusCode.Redirect, (await DrukUitloggenAsync(browser, "/account")).StatusCode);

        Assert.False(await IngelogdAsync(kopie)); // the stolen copy is worthless at once, not only after 8 hours
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiAsync(api));
        var vernieuw = await factory.ClientAls(null).PostAsJsonAsync("/api/v1/inloggen/vernieuwen", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.Unauthorized, vernieuw.StatusCode);
    }

    [Fact]
    public async Task Api_uitloggen_beeindigt_bearer_en_refresh_token()
    {
        var (access, refresh) = await TokenAsync(factory, "lotte.jansen@kempen.example");
        var api = MetBearer(factory, access);
        Assert.Equal(HttpStatusCode.OK, await ApiAsync(api));

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/api/v1/uitloggen", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await ApiAsync(api));
        var vernieuw = await factory.ClientAls(null).PostAsJsonAsync("/api/v1/inloggen/vernieuwen", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.Unauthorized, vernieuw.StatusCode);
    }

    [Fact]
    public async Task Bearer_token_verloopt_na_tien_minuten_en_is_met_refresh_token_te_vernieuwen()
    {
        var (access, refresh) = await TokenAsync(factory, "joost.smits@kempen.example");
        try
        {
            factory.Tijd.Nu = KoersFactory.Nu.AddMinutes(9);
            Assert.Equal(HttpStatusCode.OK, await ApiAsync(MetBearer(factory, access)));
            factory.Tijd.Nu = KoersFactory.Nu.AddMinutes(11);
            Assert.Equal(HttpStatusCode.Unauthorized, await ApiAsync(MetBearer(factory, access)));

            var vernieuw = await factory.ClientAls(null).PostAsJsonAsync("/api/v1/inloggen/vernieuwen", new { refreshToken = refresh });
            Assert.Equal(HttpStatusCode.OK, vernieuw.StatusCode);
            var nieuw = (await vernieuw.LeesAsync())["accessToken"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.OK, await ApiAsync(MetBearer(factory, nieuw)));
        }
        finally
        {
            factory.Tijd.Nu = KoersFactory.Nu;
        }
    }

    [Fact]
    public async Task Blokkeren_beeindigt_bestaande_cookie_en_bearer_token_direct()
    {
        const string email = "priya.vandijk@kempen.example";
        var (browser, _) = await InloggenAsync(factory, email);
        var (access, _) = await TokenAsync(factory, email);
        var uitlogToken = Sessiehulp.Token(await browser.GetStringAsync("/account"), "header");

        await MetGebruikerAsync(email, (users, g) => users.SetLockoutEndDateAsync(g, DateTimeOffset.MaxValue)); // deactivated

        Assert.False(await IngelogdAsync(browser));
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiAsync(MetBearer(factory, access)));
        // The logout button on the page still open in that browser does not end in a 400.
        var uit = await browser.PostAsync("/uitloggen", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = uitlogToken }));
        Assert.Equal(HttpStatusCode.Redirect, uit.StatusCode);
    }

    [Fact]
    public async Task Rolwijziging_beeindigt_bestaande_cookie_en_bearer_token_direct()
    {
        const string email = "fleur.hendriks@weert.example";
        var (browser, _) = await InloggenAsync(factory, email);
        var (access, _) = await TokenAsync(factory, email);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/inburgeraars")).StatusCode);

        await MetGebruikerAsync(email, (users, g) => users.RemoveFromRoleAsync(g, Rollen.Klantregisseur));

        // Without the stamp the old cookie would still carry the removed role and open the case list.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/inburgeraars")).StatusCode);
        Assert.False(await IngelogdAsync(browser));
        Assert.Equal(HttpStatusCode.Unauthorized, (await MetBearer(factory, access).GetAsync("/api/v1/inburgeraars")).StatusCode);
    }

    [Fact]
    public async Task Wachtwoordwijziging_beeindigt_bestaande_cookie_en_bearer_token()
    {
        const string email = "partner@vluchtelingenwerk.example";
        var (browser, _) = await InloggenAsync(factory, email);
        var (access, _) = await TokenAsync(factory, email);

        await MetGebruikerAsync(email, (users, g) => users.ChangePasswordAsync(g, Wachtwoord, "Een-nieuw-wachtwoord-2026"));

        Assert.False(await IngelogdAsync(browser));
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiAsync(MetBearer(factory, access)));
    }

    [Fact]
    public async Task Stempelwijziging_op_een_andere_instantie_beeindigt_cookie_en_token_binnen_een_minuut()
    {
        const string email = "esra.visser@kempen.example";
        var (browser, _) = await InloggenAsync(factory, email);
        var (access, _) = await TokenAsync(factory, email);
        Assert.Equal(HttpStatusCode.OK, await ApiAsync(MetBearer(factory, access)));

        // Another instance logs the user out: the database changes, this instance's cache is not told.
        factory.MetDatabase(db => db.Users.Where(u => u.Email == email)
            .ExecuteUpdate(s => s.SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N").ToUpperInvariant())));
        try
        {
            factory.Tijd.Nu = KoersFactory.Nu.AddSeconds(61);
            Assert.False(await IngelogdAsync(browser)); // Identity's cookie validator (interval 1 min) and Sessiecontrole
            Assert.Equal(HttpStatusCode.Unauthorized, await ApiAsync(MetBearer(factory, access))); // Sessiecontrole only
        }
        finally
        {
            factory.Tijd.Nu = KoersFactory.Nu;
        }
    }

    [Fact]
    public async Task Verplichte_tweestaps_laat_zonder_tweestaps_alleen_instellen_en_uitloggen_toe()
    {
        const string email = "bram.peeters@nederweert.example";
        await MetGebruikerAsync(email, (users, g) => users.AddToRoleAsync(g, Rollen.FunctioneelBeheerder));
        var (browser, _) = await InloggenAsync(factory, email);

        var werkvoorraad = await browser.GetAsync("/werkvoorraad");
        Assert.Equal(HttpStatusCode.Redirect, werkvoorraad.StatusCode);
        Assert.StartsWith("/account", werkvoorraad.Headers.Location!.OriginalString);
        var api = await browser.GetAsync("/api/v1/gemeenten");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Inloggen in twee stappen verplicht", (await api.LeesAsync())["title"]!.GetValue<string>());
        var (access, _) = await TokenAsync(factory, email);
        Assert.Equal(HttpStatusCode.Forbidden, await ApiAsync(MetBearer(factory, access)));

        var account = new HtmlParser().ParseDocument(await browser.GetStringAsync("/account"));
        Assert.NotNull(account.QuerySelector("#tweestaps-verplicht"));
        Assert.NotNull(account.QuerySelector("header form[data-koers=uitloggen]"));
        var sleutel = account.QuerySelector("#sleutel")!.TextContent;

        // Switching on asks for the password again: a code alone (a borrowed session) is not enough.
        var zonderWachtwoord = await browser.PostAsync("/account?handler=Activeren", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Sessiehulp.Token(account.DocumentElement.OuterHtml, "form[action*=Activeren]"),
            ["Code"] = Totp(sleutel, DateTimeOffset.UtcNow),
        }));
        Assert.Equal(HttpStatusCode.OK, zonderWachtwoord.StatusCode);
        Assert.False(factory.MetDatabase(db => db.Users.Single(u => u.Email == email).TwoFactorEnabled));

        var aan = await browser.PostAsync("/account?handler=Activeren", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Sessiehulp.Token(await browser.GetStringAsync("/account"), "form[action*=Activeren]"),
            ["Code"] = Totp(sleutel, DateTimeOffset.UtcNow), ["Wachtwoord"] = Wachtwoord,
        }));
        Assert.Equal(HttpStatusCode.Redirect, aan.StatusCode);
        Assert.True(factory.MetDatabase(db => db.Users.Single(u => u.Email == email).TwoFactorEnabled));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/werkvoorraad")).StatusCode); // the refreshed cookie works

        var (opnieuw, _) = await InloggenAsync(factory, email, sleutel); // and the next sign-in asks for the code
        Assert.Equal(HttpStatusCode.OK, (await opnieuw.GetAsync("/werkvoorraad")).StatusCode);
    }

    [Fact]
    public async Task Tweestaps_uitzetten_vraagt_het_wachtwoord_opnieuw()
    {
        const string email = "sanne.devries@kempen.example";
        await MetGebruikerAsync(email, async (users, g) =>
        {
            await users.SetAuthenticationTokenAsync(g, "[AspNetUserStore]", "AuthenticatorKey", Koers.Web.Features.Inrichting.DemoData.DemoAuthenticatorSleutel);
            await users.SetTwoFactorEnabledAsync(g, true);
        });
        var (browser, _) = await InloggenAsync(factory, email, Koers.Web.Features.Inrichting.DemoData.DemoAuthenticatorSleutel);
        async Task<HttpResponseMessage> Uitzetten(string? wachtwoord)
        {
            var velden = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Sessiehulp.Token(await browser.GetStringAsync("/account"), "form[action*=Uitzetten]"),
            };
            if (wachtwoord is not null) velden["Wachtwoord"] = wachtwoord;
            return await browser.PostAsync("/account?handler=Uitzetten", new FormUrlEncodedContent(velden));
        }

        Assert.Equal(HttpStatusCode.OK, (await Uitzetten(null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Uitzetten("niet-het-wachtwoord")).StatusCode);
        Assert.True(factory.MetDatabase(db => db.Users.Single(u => u.Email == email).TwoFactorEnabled));

        Assert.Equal(HttpStatusCode.Redirect, (await Uitzetten(Wachtwoord)).StatusCode);
        Assert.False(factory.MetDatabase(db => db.Users.Single(u => u.Email == email).TwoFactorEnabled));
    }

    [Fact]
    public async Task Demo_beheerder_logt_met_totp_in_via_formulier_en_api()
    {
        var (browser, _) = await InloggenAsync(factory, "auditor@kempen.example");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/audit")).StatusCode);

        var zonderCode = await factory.ClientAls(null).PostAsJsonAsync("/api/v1/inloggen", new { email = "beheer@kempen.example", wachtwoord = Wachtwoord });
        Assert.Equal(HttpStatusCode.Unauthorized, zonderCode.StatusCode);
        var (access, _) = await TokenAsync(factory, "beheer@kempen.example");
        Assert.Equal(HttpStatusCode.OK, await ApiAsync(MetBearer(factory, access)));
    }

    [Fact]
    public async Task Onbekend_emailadres_kost_een_wachtwoordhash_en_krijgt_hetzelfde_antwoord()
    {
        var teller = new Hashteller();
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<IPasswordHasher<Gebruiker>>();
            s.AddScoped<IPasswordHasher<Gebruiker>>(sp => new TellendeHasher(new PasswordHasher<Gebruiker>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()), teller));
        }));
        async Task<(HttpStatusCode Status, string Tekst)> Formulier(string email)
        {
            var browser = app.CreateClient(new() { AllowAutoRedirect = false });
            browser.DefaultRequestHeaders.Remove(Koers.Web.Features.Beveiliging.TestAuthenticatie.Header);
            var antwoord = await browser.PostAsync("/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Sessiehulp.Token(await browser.GetStringAsync("/inloggen")), ["Email"] = email, ["Wachtwoord"] = "Verkeerd-wachtwoord-1",
            }));
            return (antwoord.StatusCode, new HtmlParser().ParseDocument(await antwoord.Content.ReadAsStringAsync()).QuerySelector("main")!.TextContent);
        }

        async Task<(HttpStatusCode Status, string? Titel, string? Detail)> Api(string email)
        {
            var anoniem = app.CreateClient();
            anoniem.DefaultRequestHeaders.Remove(Koers.Web.Features.Beveiliging.TestAuthenticatie.Header);
            var antwoord = await anoniem.PostAsJsonAsync("/api/v1/inloggen", new { email, wachtwoord = "Verkeerd-wachtwoord-1" });
            var json = await antwoord.LeesAsync();
            return (antwoord.StatusCode, json["title"]?.GetValue<string>(), json["detail"]?.GetValue<string>());
        }

        const string bekend = "beleid@kempen.example";
        const string onbekend = "bestaat.niet@kempen.example";
        Assert.Equal(await Formulier(bekend), await Formulier(onbekend));
        Assert.Equal(await Api(bekend), await Api(onbekend));

        teller.Aantal = 0;
        await Formulier(onbekend);
        Assert.True(teller.Aantal >= 1, "Het formulier controleert geen wachtwoord-hash voor een onbekend e-mailadres");
        teller.Aantal = 0;
        await Api(onbekend);
        Assert.True(teller.Aantal >= 1, "De API controleert geen wachtwoord-hash voor een onbekend e-mailadres");
    }

    public sealed class Hashteller
    {
        private int _aantal;

        public int Aantal
        {
            get => Volatile.Read(ref _aantal);
            set => Volatile.Write(ref _aantal, value);
        }

        public void Tel() => Interlocked.Increment(ref _aantal);
    }

    private sealed class TellendeHasher(IPasswordHasher<Gebruiker> echt, Hashteller teller) : IPasswordHasher<Gebruiker>
    {
        public string HashPassword(Gebruiker user, string password) => echt.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(Gebruiker user, string hashedPassword, string providedPassword)
        {
            teller.Tel();
            return echt.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

public sealed class SqliteSessieTests(SqliteFactory f) : SessieTests(f), IClassFixture<SqliteFactory>;

public sealed class PostgresSessieTests(PostgresFactory f) : SessieTests(f), IClassFixture<PostgresFactory>;

/// <summary>Koers:Beveiliging:TweestapsVerplichtVoor replaces the default list instead of adding to it.</summary>
public sealed class SessieOptiesTests
{
    private static Koers.Web.Features.Beveiliging.SessieOpties Bind(Dictionary<string, string?> waarden) =>
        new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(waarden).Build()
            .GetSection(Koers.Web.Features.Beveiliging.SessieOpties.Sectie).Get<Koers.Web.Features.Beveiliging.SessieOpties>() ?? new();

    [Fact]
    public void Tweestaps_verplicht_volgt_de_configuratie_en_anders_beheer_en_auditor()
    {
        Assert.Equal([Rollen.FunctioneelBeheerder, Rollen.Auditor], Bind([]).VerplichtVoor);
        Assert.Equal([Rollen.Beleidsmedewerker], Bind(new() { ["Koers:Beveiliging:TweestapsVerplichtVoor:0"] = Rollen.Beleidsmedewerker }).VerplichtVoor);
        Assert.Empty(Bind(new() { ["Koers:Beveiliging:TweestapsVerplichtVoor:0"] = "Geen" }).VerplichtVoor);
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Beveiliging;

/// <summary>Koers with low rate limits (Koers:Beveiliging:Limieten) and one configured proxy, so the limits can be reached.</summary>
public sealed class LimietFactory : KoersFactory
{
    public const string ProxyIp = "10.0.0.5";
    public const int InloggenPerIp = 5;
    public const int InloggenPerAccount = 3;
    public const int Exports = 3;
    public const int Uploads = 2;

    private readonly string _pad = Path.Combine(Path.GetTempPath(), $"koers-limiet-{Guid.NewGuid():N}.db");
    public override Koers.Data.DatabaseProvider Provider => Koers.Data.DatabaseProvider.Sqlite;
    protected override string ConnectionString => $"Data Source={_pad};Pooling=false";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        void Limiet(string naam, int aantal)
        {
            builder.UseSetting($"Koers:Beveiliging:Limieten:{naam}:Aantal", aantal.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting($"Koers:Beveiliging:Limieten:{naam}:Venster", "01:00:00"); // no window ends during a test
        }

        Limiet("InloggenPerIp", InloggenPerIp);
        Limiet("InloggenPerAccount", InloggenPerAccount);
        Limiet("Exports", Exports);
        Limiet("Uploads", Uploads);
        builder.UseSetting("Koers:Proxy:BekendeProxies:0", ProxyIp);
        builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, AfzenderFilter>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var bestand in new[] { _pad, _pad + "-wal", _pad + "-shm" })
        {
            if (File.Exists(bestand)) File.Delete(bestand);
        }
    }
}

/// <summary>
/// Rate limits at the edge (issue #15): sign-in per client IP and per account name (form and API share the account
/// count), exports and uploads per user. Over the limit: 429, problem+json in Dutch, Retry-After. Behind a configured
/// proxy the forwarded client IP counts; an unknown sender cannot pick its own IP with X-Forwarded-For.
/// Each test uses its own addresses and accounts, so the tests do not share a bucket.
/// </summary>
public sealed class SnelheidslimietenTests(LimietFactory factory) : IClassFixture<LimietFactory>
{
    private static int _teller;

    private static string Uniek(string basis) => $"{basis}{Interlocked.Increment(ref _teller)}-{Guid.NewGuid():N}";

    /// <summary>A sign-in through the /inloggen form, as a browser does it (token from the page, same sender).</summary>
    private async Task<HttpResponseMessage> FormulierAsync(string afzender, string email, string? doorgestuurdVoor = null)
    {
        var browser = factory.ClientAls(null, volgRedirects: false);
        var pagina = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/inloggen").Van(afzender, doorgestuurdVoor));
        Assert.Equal(HttpStatusCode.OK, pagina.StatusCode);
        var token = new HtmlParser().ParseDocument(await pagina.Content.ReadAsStringAsync())
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var verzoek = new HttpRequestMessage(HttpMethod.Post, "/inloggen")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Email"] = email, ["Wachtwoord"] = "fout-wachtwoord-123",
            }),
        };
        return await browser.SendAsync(verzoek.Van(afzender, doorgestuurdVoor));
    }

    private Task<HttpResponseMessage> ApiAsync(string afzender, string email) =>
        factory.ClientAls(null).SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/inloggen")
        {
            Content = Json.Ruw($$"""{"email":"{{email}}","wachtwoord":"fout-wachtwoord-123"}"""),
        }.Van(afzender));

    private static async Task AssertTeVeelAsync(HttpResponseMessage antwoord, string bevat)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, antwoord.StatusCode);
        Assert.Equal("application/problem+json", antwoord.Content.Headers.ContentType?.MediaType);
        Assert.True(antwoord.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After ontbreekt");
        var probleem = await antwoord.LeesAsync();
        Assert.Equal(429, probleem["status"]!.GetValue<int>());
        Assert.Equal("Te veel verzoeken", probleem["title"]!.GetValue<string>());
        Assert.Contains(bevat, probleem["detail"]!.GetValue<string>());
        Assert.Contains("Probeer het over", probleem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Inlogformulier_per_clientadres_geeft_na_de_limiet_429_met_problem_json_en_retry_after()
    {
        const string ip = "203.0.113.10";
        for (var i = 0; i < LimietFactory.InloggenPerIp; i++)
        {
            // Another account each time: a password spray, which the per-account limit alone would not see.
            var poging = await FormulierAsync(ip, Uniek("spray") + "@kempen.example");
            Assert.Equal(HttpStatusCode.OK, poging.StatusCode); // the page again, with "klopt niet"
        }

        await AssertTeVeelAsync(await FormulierAsync(ip, Uniek("spray") + "@kempen.example"), "vanaf dit adres");
        // The API sign-in shares the count for this address; another address is not affected.
        await AssertTeVeelAsync(await ApiAsync(ip, Uniek("spray") + "@kempen.example"), "vanaf dit adres");
        Assert.Equal(HttpStatusCode.OK, (await FormulierAsync("203.0.113.11", Uniek("spray") + "@kempen.example")).StatusCode);
    }

    [Fact]
    public async Task Inloggen_per_account_geeft_429_ook_vanaf_steeds_andere_adressen_en_via_formulier_en_api_samen()
    {
        var account = Uniek("doelwit") + "@kempen.example";
        for (var i = 0; i < LimietFactory.InloggenPerAccount; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await ApiAsync($"198.51.100.{10 + i}", account)).StatusCode);
        }

        await AssertTeVeelAsync(await ApiAsync("198.51.100.50", account), "voor dit account");
        // The same account in other capitals, through the form and from yet another address: still the same count.
        await AssertTeVeelAsync(await FormulierAsync("198.51.100.51", "  " + account.ToUpperInvariant()), "voor dit account");
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiAsync("198.51.100.52", Uniek("ander") + "@kempen.example")).StatusCode);
    }

    [Fact]
    public async Task Achter_bekende_proxy_telt_het_doorgestuurde_clientadres_en_van_onbekende_afzender_niet()
    {
        // Behind the proxy: two clients each get their own count.
        for (var i = 0; i < LimietFactory.InloggenPerIp; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await FormulierAsync(LimietFactory.ProxyIp, Uniek("p") + "@kempen.example", doorgestuurdVoor: "192.0.2.1")).StatusCode);
        }

        await AssertTeVeelAsync(await FormulierAsync(LimietFactory.ProxyIp, Uniek("p") + "@kempen.example", doorgestuurdVoor: "192.0.2.1"), "vanaf dit adres");
        Assert.Equal(HttpStatusCode.OK, (await FormulierAsync(LimietFactory.ProxyIp, Uniek("p") + "@kempen.example", doorgestuurdVoor: "192.0.2.2")).StatusCode);

        // An unknown sender that names a new client in X-Forwarded-For each time is still counted as itself.
        const string aanvaller = "198.51.100.99";
        for (var i = 0; i < LimietFactory.InloggenPerIp; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await FormulierAsync(aanvaller, Uniek("a") + "@kempen.example", doorgestuurdVoor: $"192.0.2.{100 + i}")).StatusCode);
        }

        await AssertTeVeelAsync(await FormulierAsync(aanvaller, Uniek("a") + "@kempen.example", doorgestuurdVoor: "192.0.2.200"), "vanaf dit adres");
    }

    [Fact]
    public async Task Export_per_gebruiker_geeft_na_de_limiet_429()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < LimietFactory.Exports; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/monitor/tabellen/instroom-gemeente/csv?jaar=2025")).StatusCode);
        }

        await AssertTeVeelAsync(await client.GetAsync("/api/v1/monitor/tabellen/instroom-gemeente/xlsx?jaar=2025"), "gedownload");
        // The screens' CSV download of the audit log is an export too, and counts for the same user.
        await AssertTeVeelAsync(await client.GetAsync("/audit?handler=Csv"), "gedownload");
        // Ordinary reading is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/monitor/tabellen/instroom-gemeente?jaar=2025")).StatusCode);
    }

    [Fact]
    public async Task Upload_per_gebruiker_geeft_na_de_limiet_429_en_verwerkt_het_bestand_niet()
    {
        var email = Uniek("uploader") + "@kempen.example";
        factory.MetDatabase(db =>
        {
            var regio = db.Regios.Single(r => r.Naam.Contains("Kempen"));
            var team = db.Teams.First(t => t.RegioId == regio.Id);
            db.Medewerkers.Add(new Koers.Data.Model.Medewerker { Naam = "Uploader", Email = email, TeamId = team.Id });
            return db.SaveChanges();
        });
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Koers.Data.Model.Gebruiker>>();
            var db = scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>();
            var gebruiker = new Koers.Data.Model.Gebruiker { UserName = email, Email = email, Weergavenaam = "Uploader", MedewerkerId = db.Medewerkers.Single(m => m.Email == email).Id };
            Assert.True((await users.CreateAsync(gebruiker)).Succeeded);
            await users.AddToRolesAsync(gebruiker, [Koers.Data.Model.Rollen.Klantregisseur]);
        }

        var client = factory.ClientAls(email);
        var vnummers = new List<string>();
        MultipartFormDataContent Bestand()
        {
            var vnummer = "9" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString("D9", CultureInfo.InvariantCulture);
            vnummers.Add(vnummer);
            var form = new MultipartFormDataContent();
            var bestand = new ByteArrayContent(Encoding.UTF8.GetBytes(
                "vNummer;bsn;voornamen;achternaam;geboortedatum;nationaliteit;doelgroep;gemeente;koppelingsdatum;warmeOverdracht;azcLocatie;talen\n" +
                $"{vnummer};;Amanuel;Limiettest;1991-02-03;Eritrese;asielstatushouder;GM1724;2026-05-04;;AZC Budel;Tigrinya\n"));
            bestand.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(bestand, "bestand", "coa.csv");
            return form;
        }

        for (var i = 0; i < LimietFactory.Uploads; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/coa/import", Bestand())).StatusCode);
        }

        await AssertTeVeelAsync(await client.PostAsync("/api/v1/coa/import", Bestand()), "geüpload");
        var geweigerd = vnummers[^1];
        Assert.Equal(0, factory.MetDatabase(db => db.InburgeraarsMetVNummer(geweigerd).Count()));
        // Another user still uploads.
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().PostAsync("/api/v1/coa/import", Bestand())).StatusCode);
    }
}

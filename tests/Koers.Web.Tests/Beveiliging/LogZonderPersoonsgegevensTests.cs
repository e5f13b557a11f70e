using System.Globalization;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Data.Model.Duo;
using Koers.Data.Model.Keten;
using Koers.Domain.Identity;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Duo;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Koers.Web.Tests.Beveiliging;

/// <summary>
/// The whole klantreis with DUO traffic, every log category at Trace, every line (message, structured values,
/// scopes, exception text) captured: no BSN or V-nummer in any of it, nor in any link of a page or any Location
/// header. The test also proves the leak would be there: DUO was called with the BSN in the path, ASP.NET logged those
/// requests, and the outgoing calls were logged (as a template).
/// </summary>
public abstract class LogZonderPersoonsgegevensTests(KoersFactory basis) : IDisposable
{
    private readonly AlleLogregels _logs = new();
    private readonly ConcurrentQueue<string> _duoPaden = new();
    private readonly ConcurrentQueue<string> _locations = new();
    private bool _duoStoring;
    private WebApplicationFactory<Program>? _app;

    /// <summary>Koers with the in-process DUO simulator (as in DuoOmgeving) and logging at Trace for every category.</summary>
    private WebApplicationFactory<Program> App => _app ??= basis.WithWebHostBuilder(b =>
    {
        b.UseSetting("Duo:BaseUrl", "http://localhost/duo-simulator/v1");
        b.UseSetting("Duo:NotificatieToken", Koers.Web.Tests.Duo.DuoOmgeving.Token);
        b.UseSetting("Duo:Gemeente", "GM1724");
        b.ConfigureLogging(l =>
        {
            l.AddProvider(_logs);
            l.SetMinimumLevel(LogLevel.Trace);
            // Also above the category rules of appsettings.json (Microsoft.AspNetCore: Warning and so on).
            l.AddFilter<AlleLogregels>(null, LogLevel.Trace);
        });
        b.ConfigureTestServices(s =>
        {
            s.AddHttpClient<DuoClient>().ConfigurePrimaryHttpMessageHandler(() => new DuoKant(this) { InnerHandler = new LaterServerHandler(() => _app!.Server.CreateHandler()) });
            s.AddHttpClient(DuoSimulator.NotificatieClient)
                .ConfigureHttpClient(c => c.BaseAddress = new Uri("http://localhost/"))
                .ConfigurePrimaryHttpMessageHandler(() => _app!.Server.CreateHandler());
        });
    });

    private DuoSimulator Sim => App.Services.GetRequiredService<DuoSimulator>();

    /// <summary>A client that follows redirects and keeps cookies, and records every Location header on the way.</summary>
    private HttpClient Client(string? als = KoersFactory.TestGebruiker)
    {
        var client = App.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(), new LocationVanger(_locations));
        client.DefaultRequestHeaders.Remove(TestAuthenticatie.Header);
        if (als is not null) client.DefaultRequestHeaders.Add(TestAuthenticatie.Header, als);
        return client;
    }

    private T Db<T>(Func<Koers.Data.KoersDbContext, T> werk)
    {
        using var scope = App.Services.CreateScope();
        return werk(scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>());
    }

    private static string VNummer() => "8" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString("D9", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Klantreis_met_DUO_op_Trace_zet_geen_BSN_of_V_nummer_in_log_links_of_Location()
    {
        var client = Client();
        var bsns = new List<string>();
        var vnummers = new List<string>();
        var paginas = new List<string>();
        string Bsn() { var b = Testdata.NieuwBsn(); bsns.Add(b); return b; }
        string V() { var v = VNummer(); vnummers.Add(v); return v; }

        // 1. Registration through the API (COA koppeling with BSN and V-nummer) and the screen.
        var bsnPip = Bsn();
        var invoer = Testdata.Inburgeraar(bsn: bsnPip, koppelingsdatum: "2026-03-02");
        invoer["vNummer"] = V();
        var aangemaakt = await client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, aangemaakt.StatusCode);
        _locations.Enqueue(aangemaakt.Headers.Location!.OriginalString);
        var id = (await aangemaakt.LeesAsync())["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync("/api/v1/koppelingen", invoer)).StatusCode); // duplicate BSN, refused

        var nieuw = await PaginaAsync(client, "/inburgeraars/nieuw", paginas);
        var schermBsn = Bsn();
        var formulier = await client.PostAsync("/inburgeraars/nieuw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(nieuw), ["Invoer.Voornamen"] = "Selam", ["Invoer.Achternaam"] = "Logtest",
            ["Invoer.Geboortedatum"] = "1995-07-01", ["Invoer.Bsn"] = schermBsn, ["Invoer.VNummer"] = V(), ["Invoer.Nationaliteit"] = "Eritrese",
            ["TalenTekst"] = "Tigrinya", ["Invoer.Doelgroep"] = "Asielstatushouder", ["Invoer.Gemeente"] = "GM1728",
            ["Invoer.Koppelingsdatum"] = "2026-05-11", ["Invoer.NogNietStartklaar"] = "false",
        }));
        Assert.Equal(HttpStatusCode.OK, formulier.StatusCode);
        Assert.Matches("^/inburgeraars/[0-9a-f-]{36}$", formulier.RequestMessage!.RequestUri!.AbsolutePath); // followed the redirect

        // 2. Intake, toets, PIP vaststellen; the PIP goes to DUO through the outbox.
        Sim.Persoon(bsnPip).Plicht = new DuoInburgeringsplicht(true, new DateOnly(2026, 1, 5));
        await Testdata.PipVaststellenAsync(client, id);
        await VerstuurAsync();
        Assert.Single(Sim.Persoon(bsnPip).Pips);

        // 3. Hours to DUO: first DUO is down (503, retried later), then DUO refuses one (404 with a reason).
        var bsnGeweigerd = Bsn(); // DUO does not know this person
        var geweigerd = await client.PostJsonAsync("/api/v1/koppelingen", Testdata.Inburgeraar(bsn: bsnGeweigerd, koppelingsdatum: "2026-03-02"));
        var idGeweigerd = (await geweigerd.LeesAsync())["id"]!.GetValue<string>();
        Sim.MaakOnbekend(bsnGeweigerd);
        using (var scope = App.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<DuoOutbox>();
            await outbox.MeldGevolgdeUrenAsync(Guid.Parse(id), OutboxSoort.UrenParticipatieactiviteiten, 12);
            await outbox.MeldGevolgdeUrenAsync(Guid.Parse(idGeweigerd), OutboxSoort.UrenParticipatieactiviteiten, 40);
            await scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>().SaveChangesAsync();
        }

        _duoStoring = true;
        await VerstuurAsync();
        _duoStoring = false;
        basis.Tijd.Nu = basis.Tijd.Nu.AddHours(1);
        try
        {
            await VerstuurAsync();
        }
        finally
        {
            basis.Tijd.Nu = KoersFactory.Nu;
        }

        Assert.Equal(12, Sim.Persoon(bsnPip).Uren["participatieactiviteiten"]);
        Assert.Equal(OutboxStatus.Geweigerd, Db(db => db.DuoUitgaandeBerichten.Single(b => b.InburgeraarId == Guid.Parse(idGeweigerd)).Status));

        // 4. DUO notifications in through the Notificatie API and processed (DUO lookups by BSN), one parked.
        var bsnDuo = Bsn();
        var p = Sim.Persoon(bsnDuo);
        p.Plicht = new DuoInburgeringsplicht(true, new DateOnly(2026, 1, 5));
        p.Lbt.Add(new DuoLbtResultaat("B1-route niet haalbaar", "24,00", "28,00", new DateOnly(2026, 4, 2)));
        p.Termijn = new DuoInburgeringstermijn(new DateOnly(2026, 6, 1), new DateOnly(2029, 6, 1));
        p.Examens.Add(new DuoExamenresultaat(new DateOnly(2026, 6, 10), "Geslaagd", "KNM"));
        var t0 = new DateTimeOffset(2026, 6, 16, 7, 0, 0, TimeSpan.Zero);
        foreach (var (code, minuten) in new[] { ("SS101", 0), ("SS131", 1), ("SS102", 2), ("SS199", 3) })
        {
            Assert.Equal(HttpStatusCode.Created, (await NotificeerAsync(code, bsnDuo, t0.AddMinutes(minuten))).StatusCode);
        }

        var bsnOnbekend = Bsn(); // DUO does not know this person: parked with a reason
        await NotificeerAsync("SS101", bsnOnbekend, t0);
        Assert.Equal(HttpStatusCode.BadRequest, (await NotificeerAsync("SS101", "123456789", t0)).StatusCode); // fails the elfproef
        var simBsn = Bsn(); // the simulator's own scenario endpoint (BSN in the body)
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonAsync("/api/v1/duo-simulator/gebeurtenissen", new { bsn = simBsn, gebeurtenisId = "SS101" })).StatusCode);
        await VerwerkAsync();
        Assert.Equal(InboxStatus.Verwerkt, Db(db => db.DuoNotificaties.AsEnumerable().Single(n => n.Bsn?.Value == bsnDuo && n.GebeurtenisId == "SS199").Status));
        Assert.Equal(InboxStatus.Geparkeerd, Db(db => db.DuoNotificaties.AsEnumerable().Single(n => n.Bsn?.Value == bsnOnbekend).Status));
        var idDuo = Db(db => db.Inburgeraars.AsEnumerable().Single(i => i.Bsn?.Value == bsnDuo).Id);

        // 5. The DUO lookups the simulator serves, through the client directly.
        using (var scope = App.Services.CreateScope())
        {
            var duo = scope.ServiceProvider.GetRequiredService<DuoClient>();
            Assert.NotNull(await duo.InburgeringsplichtAsync(bsnDuo));
            await duo.DoelgroepAsync(bsnDuo);
            await duo.LbtResultatenAsync(bsnDuo);
            await duo.InburgeringstermijnAsync(bsnDuo);
            await duo.ExamenresultatenAsync(bsnDuo);
            await duo.PipAsync(bsnPip);
            Assert.Null(await duo.InburgeringsplichtAsync(bsnOnbekend)); // 404
        }

        // 6. A partner uploads an attendance list on /partner/rapportage with BSN and V-nummer columns.
        var partner = Partner(Guid.Parse(id));
        var uploadPagina = await PaginaAsync(partner, "/partner/rapportage/upload", paginas);
        var csv = string.Join("\n", "bsn;vnummer;koers_id;week;soort;uren;afwezig_uren;afwezig_gemeld",
            $"{bsnPip};;;2026-W24;taal;6;0;nee", $";{invoer["vNummer"]};;2026-W23;taal;4;1;ja", $"{bsnDuo};;;2026-W24;taal;3;;", $"{Bsn()};;;2026-W24;taal;2;;", "");
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent(Token(uploadPagina)), "__RequestVerificationToken");
            var bestand = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            bestand.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(bestand, "Bestand", "presentie.csv");
            var upload = await partner.PostAsync("/partner/rapportage/upload", form);
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
            Verzamel(await upload.Content.ReadAsStringAsync(), paginas);
        }

        Assert.True(Db(db => db.Urenregistraties.Any(u => u.InburgeraarId == Guid.Parse(id) && u.Bron == Gegevensbron.PartnerCsv)));
        Verzamel(await partner.GetStringAsync("/partner/rapportage"), paginas);

        // 7. A COA import with V-nummers and a BSN, one row refused.
        var coaBsn = Bsn();
        var coa = $"""
            vNummer;bsn;voornamen;achternaam;geboortedatum;nationaliteit;doelgroep;gemeente;koppelingsdatum;warmeOverdracht;azcLocatie;talen
            {V()};{coaBsn};Amanuel;Logcoa;1991-02-03;Eritrese;asielstatushouder;GM1724;2026-05-04;;AZC Budel;Tigrinya
            {V()};;Rahel;Logcoa;1993-04-05;Eritrese;nareiziger;GM1728;2026-05-11;2026-06-01;AZC Budel;Tigrinya
            {V()};{bsnPip};Dubbel;Logcoa;1990-01-01;Syrische;asielstatushouder;GM1724;2026-05-04;;;
            """;
        using (var form = new MultipartFormDataContent())
        {
            var bestand = new ByteArrayContent(Encoding.UTF8.GetBytes(coa));
            bestand.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(bestand, "bestand", "coa.csv");
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/coa/import", form)).StatusCode);
        }

        Assert.Equal(2, Db(db => db.Inburgeraars.Count(i => i.Achternaam == "Logcoa")));

        // 8. Searching by BSN and V-nummer: on the screen and in the API, always in the body.
        var lijst = await PaginaAsync(client, "/inburgeraars", paginas);
        Assert.Equal("post", lijst.QuerySelector("form.koers-filter")!.GetAttribute("method"));
        var gezocht = await client.PostAsync("/inburgeraars", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(lijst, "form.koers-filter"), ["zoek"] = bsnPip,
        }));
        var gevonden = Verzamel(await gezocht.Content.ReadAsStringAsync(), paginas);
        Assert.Contains($"/inburgeraars/{id}", gevonden.QuerySelectorAll("table a").Select(a => a.GetAttribute("href")));
        var api = await (await client.PostJsonAsync("/api/v1/inburgeraars/zoeken", new { zoek = invoer["vNummer"] })).LeesAsync();
        Assert.Equal(id, api["resultaten"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/inburgeraars?zoek={bsnPip}")).StatusCode); // a number in a URL is refused

        // 9. The screens a case worker opens along the way.
        foreach (var url in new[] { $"/inburgeraars/{id}", $"/inburgeraars/{idDuo}", $"/inburgeraars/{idGeweigerd}", "/werkvoorraad", "/beheer/duo", $"/api/v1/inburgeraars/{id}/duo" })
        {
            if (url.StartsWith("/api", StringComparison.Ordinal)) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            else await PaginaAsync(client, url, paginas);
        }

        // The leak would be there without the protections: DUO was called with BSNs in the path ...
        Assert.Contains($"/duo-simulator/v1/personen/{bsnPip}/PIP", _duoPaden);
        Assert.Contains($"/duo-simulator/v1/personen/{bsnGeweigerd}/uren/participatieactiviteiten", _duoPaden);
        Assert.Contains($"/duo-simulator/v1/personen/{bsnPip}/uren/participatieactiviteiten", _duoPaden);
        Assert.Contains($"/duo-simulator/v1/personen/{bsnDuo}/inburgeringsplicht", _duoPaden);
        Assert.Contains($"/duo-simulator/v1/personen/{bsnDuo}/examens/resultaten", _duoPaden);
        var regels = _logs.Regels.ToList();

        // No test person's BSN or V-nummer anywhere, and no other number that passes the elfproef.
        Assert.True(bsns.Count >= 8 && vnummers.Count >= 5);
        var lekken = regels.Where(r => bsns.Concat(vnummers).Any(n => r.Contains(n, StringComparison.Ordinal))).ToList();
        Assert.True(lekken.Count == 0, $"{lekken.Count} logregels met een BSN of V-nummer, bijvoorbeeld:\n{string.Join("\n", lekken.Take(5))}");
        var elfproef = regels.Where(r => ElfproefNummers(r).Any()).ToList();
        Assert.True(elfproef.Count == 0, $"{elfproef.Count} logregels met een getal dat de elfproef haalt, bijvoorbeeld:\n{string.Join("\n", elfproef.Take(5))}");

        // ... ASP.NET logged those requests (masked), and the outgoing calls were logged as a template.
        Assert.Contains(regels, r => r.Contains("Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal) && r.Contains("/duo-simulator/v1/personen/*********/PIP", StringComparison.Ordinal));
        Assert.Contains(regels, r => r.Contains(UitgaandVerzoekLogger.Categorie, StringComparison.Ordinal) && r.Contains("/duo-simulator/v1/personen/{bsn}/PIP antwoordde 201", StringComparison.Ordinal));
        Assert.Contains(regels, r => r.Contains("antwoordde 503", StringComparison.Ordinal));
        Assert.Contains(regels, r => r.Contains("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal));
        Assert.DoesNotContain(regels, r => r.Contains("System.Net.Http.HttpClient.", StringComparison.Ordinal));

        // Nor in any link or form action of the pages, nor in any Location header.
        Assert.True(paginas.Count >= 8);
        Assert.NotEmpty(_locations);
        foreach (var adres in paginas.Concat(_locations))
        {
            Assert.DoesNotContain(bsns.Concat(vnummers), n => adres.Contains(n, StringComparison.Ordinal));
            Assert.Empty(ElfproefNummers(adres));
        }
    }

    /// <summary>
    /// Every run of exactly 9 digits that passes the elfproef. Hex ids (GUIDs, trace and span ids, hashes) are taken out
    /// first: their digit runs are chance, not personal data.
    /// </summary>
    private static IEnumerable<string> ElfproefNummers(string tekst)
    {
        var zonderHex = Regex.Replace(tekst, "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<![0-9a-z])[0-9a-f]{16,}(?![0-9a-z])", "#");
        return Regex.Matches(zonderHex, "(?<![0-9])[0-9]{9}(?![0-9])").Select(m => m.Value).Where(Bsn.PassesElfproef);
    }

    private async Task<IHtmlDocument> PaginaAsync(HttpClient client, string url, List<string> paginas)
    {
        var antwoord = await client.GetAsync(url);
        Assert.True(antwoord.StatusCode == HttpStatusCode.OK, $"{url}: {antwoord.StatusCode}");
        return Verzamel(await antwoord.Content.ReadAsStringAsync(), paginas);
    }

    /// <summary>Keeps every URL a page points to: links, form actions, sources.</summary>
    private static IHtmlDocument Verzamel(string html, List<string> paginas)
    {
        var doc = new HtmlParser().ParseDocument(html);
        paginas.AddRange(doc.QuerySelectorAll("[href],[action],[src],[formaction]")
            .SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("action"), e.GetAttribute("src"), e.GetAttribute("formaction") })
            .OfType<string>());
        return doc;
    }

    private static string Token(IHtmlDocument doc, string form = "form[method=post]") =>
        doc.QuerySelector($"{form} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>A partner organisation in Kempen with one user and a consent for the case; a client for that user.</summary>
    private HttpClient Partner(Guid dossier)
    {
        var email = $"logpartner-{Guid.NewGuid():N}@taal.example";
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
            var org = new Partnerorganisatie { Naam = "Taalschool Logtest", Soort = Partnersoort.Taalaanbieder, RegioId = db.Regios.Single(r => r.Naam.Contains("Kempen")).Id };
            db.Partnerorganisaties.Add(org);
            db.SaveChanges();
            db.Machtigingen.Add(new Machtiging
            {
                Id = Guid.NewGuid(), InburgeraarId = dossier, PartnerorganisatieId = org.Id, Van = new DateOnly(2026, 1, 1), Vorm = "Ondertekend formulier",
                Categorieen = Gegevenscategorie.Basisgegevens | Gegevenscategorie.Leerroute | Gegevenscategorie.Voortgang, VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test",
            });
            db.SaveChanges();
            var gebruiker = new Gebruiker { UserName = email, Email = email, Weergavenaam = "Docent Logtest", PartnerorganisatieId = org.Id };
            Assert.True(users.CreateAsync(gebruiker).GetAwaiter().GetResult().Succeeded);
            users.AddToRoleAsync(gebruiker, Rollen.Partner).GetAwaiter().GetResult();
        }

        return Client(email);
    }

    private async Task<HttpResponseMessage> NotificeerAsync(string code, string bsn, DateTimeOffset tijd)
    {
        using var client = App.CreateClient();
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, DuoNotificatieApi.Pad)
        {
            Content = new StringContent($$"""{"registratieDatumTijd":"{{tijd.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","gebeurtenisId":"{{code}}","bsn":"{{bsn}}"}""", Encoding.UTF8, "application/json"),
        };
        verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Koers.Web.Tests.Duo.DuoOmgeving.Token);
        verzoek.Headers.Add("bron", "00000001888888888000");
        verzoek.Headers.Add("doel", "00000001999999999000");
        verzoek.Headers.Add("berichtId", Guid.NewGuid().ToString());
        return await client.SendAsync(verzoek);
    }

    private async Task VerwerkAsync()
    {
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DuoInbox>().VerwerkAsync();
    }

    private async Task VerstuurAsync()
    {
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DuoOutbox>().VerstuurAsync();
    }

    public void Dispose()
    {
        _app?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Between Koers's DUO client and the simulator: records the paths DUO receives, answers 503 during a failure.</summary>
    private sealed class DuoKant(LogZonderPersoonsgegevensTests test) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            test._duoPaden.Enqueue(request.RequestUri!.AbsolutePath);
            return test._duoStoring
                ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable))
                : base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class LocationVanger(ConcurrentQueue<string> locations) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var antwoord = await base.SendAsync(request, cancellationToken);
            if (antwoord.Headers.Location is { } l) locations.Enqueue(l.OriginalString);
            return antwoord;
        }
    }
}

/// <summary>
/// Captures every log line as a provider would write it: level, category, event, message, each structured value,
/// each active scope (with its values) and the full exception text.
/// </summary>
public sealed class AlleLogregels : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _regels = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyCollection<string> Regels => _regels;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static void Waarden(object? staat, StringBuilder sb)
    {
        if (staat is IEnumerable<KeyValuePair<string, object?>> paren)
        {
            foreach (var p in paren) sb.Append(" | ").Append(p.Key).Append('=').Append(p.Value);
        }
    }

    private sealed class Logger(AlleLogregels eigenaar, string categorie) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => eigenaar._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var sb = new StringBuilder().Append(logLevel).Append(' ').Append(categorie).Append('[').Append(eventId).Append("]: ").Append(formatter(state, exception));
            Waarden(state, sb);
            eigenaar._scopes?.ForEachScope((scope, b) =>
            {
                b.Append(" => ").Append(scope);
                Waarden(scope, b);
            }, sb);
            if (exception is not null) sb.Append('\n').Append(exception);
            eigenaar._regels.Enqueue(sb.ToString());
        }
    }
}

public sealed class SqliteLogZonderPersoonsgegevensTests(SqliteFactory f) : LogZonderPersoonsgegevensTests(f), IClassFixture<SqliteFactory>;

public sealed class PostgresLogZonderPersoonsgegevensTests(PostgresFactory f) : LogZonderPersoonsgegevensTests(f), IClassFixture<PostgresFactory>;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Data.Versleuteling;
using Koers.Domain.Voortgang;
using Koers.Web.Tests.Beveiliging;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace Koers.Web.Tests.Deploy;

/// <summary>
/// Issue #18: two real Koers processes (<c>dotnet Koers.Web.dll</c>) on one PostgreSQL database behind haproxy from Debian
/// (round robin, no stickiness) on loopback. A session made through one instance works on the other (the data-protection
/// key ring is in the database). Then, during partner CSV uploads and a burst of DUO notifications through the balancer,
/// one instance is killed with SIGKILL. Afterwards every accepted write is there exactly once, no DUO event is lost or
/// handled twice, and the only requests that failed are those that were being handled by the killed instance (haproxy's
/// log names the server of every request). Clients behave as the real ones do: DUO resends a notification that was not
/// answered 201 with the same berichtId, a partner uploads the same file again.
/// Needs haproxy (apt-get install haproxy; .ci/run installs it): without it the test fails, it does not skip.
/// </summary>
public sealed class HaproxyTests(ITestOutputHelper uitvoer) : IAsyncLifetime
{
    private const string DuoToken = "duo-lb-test-token-6b1e0d4c9f2a4e57";
    private const string Regisseur = "sanne.devries@kempen.example";
    private const string PartnerEmail = "partner@taalschool.example";
    private const int AantalDuo = 300;
    private const int DuoZenders = 6;
    private const int CsvUploaders = 3;
    private const int CsvBestanden = 8;
    private const int CsvDossiers = 20;
    private const int CsvWeken = 5;

    private readonly string _database = $"koers_lb_{Guid.NewGuid():N}";
    private readonly string _map = Path.Combine(Path.GetTempPath(), $"koers-lb-{Guid.NewGuid():N}");
    private readonly List<Kindproces> _processen = [];
    private Kindproces _k1 = null!;
    private Kindproces _k2 = null!;
    private Kindproces _haproxy = null!;
    private int _lbPoort;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_map);
        await Omgeving.MaakDatabaseAsync(_database);
    }

    public async Task DisposeAsync()
    {
        foreach (var p in _processen)
        {
            await p.DisposeAsync();
            // Kept for a look after a failed run (haproxy's request log, the instances' warnings).
            await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), $"koers-lb-{p.Naam}.log"), p.Uitvoer);
        }
        await PostgresFactory.VerwijderDatabaseAsync(_database);
        if (Directory.Exists(_map)) Directory.Delete(_map, recursive: true);
    }

    public static string HaproxyPad() =>
        new[] { "/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("haproxy ontbreekt: installeer het (apt-get install -y haproxy). .ci/run doet dat in CI.");

    private Dictionary<string, string> KoersOmgeving(string naam, int poort, bool demo) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{poort}",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Koers"] = Omgeving.Database(_database),
        ["Koers__DemoData"] = demo ? "true" : "false",
        ["Koers__DemoAantal"] = "40",
        ["Koers__Instantie"] = naam,
        ["Koers__Bsn__Sleutels__1"] = TestSleutels.Sleutel1,
        ["Koers__Bsn__ActieveSleutel"] = "1",
        ["Koers__Bsn__IndexSleutels__1"] = TestSleutels.IndexSleutel1,
        ["Koers__Bsn__ActieveIndexSleutel"] = "1",
        ["Koers__DataProtection__Sleutel"] = TestSleutels.DataProtectieSleutel,
        ["Koers__Proxy__BekendeProxies__0"] = "127.0.0.1",
        ["Koers__Beveiliging__Limieten__Uploads__Aantal"] = "100000",
        ["Koers__Beveiliging__Limieten__InloggenPerIp__Aantal"] = "100000",
        ["Duo__NotificatieToken"] = DuoToken,
        ["Duo__Interval"] = "00:00:00.500",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
    };

    private Kindproces StartKoers(string naam, int poort, bool demo)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Koers.Web.dll");
        var p = new Kindproces(naam, "dotnet", [dll, "--contentRoot", Path.Combine(Omgeving.Repo, "src", "Koers.Web")], KoersOmgeving(naam, poort, demo), _map);
        _processen.Add(p);
        return p;
    }

    private static async Task WachtOpAsync(Kindproces p, int poort, TimeSpan limiet)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < limiet)
        {
            if (!p.Loopt) throw new InvalidOperationException($"{p.Naam} is gestopt tijdens het starten:\n{p.Uitvoer}");
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{poort}/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{p.Naam} was na {limiet} niet bereikbaar:\n{p.Uitvoer}");
    }

    private string HaproxyConfig(int p1, int p2) => $$"""
        global
            log stdout format raw local0 info
            maxconn 2000

        defaults
            mode http
            log global
            # One line per request: our request id (header X-Verzoek), the server that handled it, status, termination state,
            # accept time (ms since epoch), total time, retries (a '+' prefix: redispatched to another server).
            log-format "koers-verzoek id=%[capture.req.hdr(0)] server=%s status=%ST staat=%tsc start=%Ts%ms tt=%Tt retries=%rc"
            # A new connection to the server per request: a killed server is then seen at connect (refused) and the request
            # goes to the other one (retries + redispatch). With idle server connections kept alive (haproxy's default), a
            # request sent just after the kill on such a dead connection fails without an answer and without a log line.
            option http-server-close
            option redispatch
            retries 3
            option forwardfor
            timeout connect 1s
            timeout client 60s
            timeout server 60s
            timeout http-request 10s

        frontend koers
            bind 127.0.0.1:{{_lbPoort}}
            capture request header X-Verzoek len 64
            default_backend koers

        backend koers
            balance roundrobin
            # Readiness, not liveness: an instance that cannot reach the database, is behind on the schema or is stopping
            # (SIGTERM) gets no new requests; /health/live would keep sending them to it.
            option httpchk GET /health/ready
            http-check expect status 200
            default-server inter 500ms fastinter 250ms downinter 1s fall 2 rise 2
            server k1 127.0.0.1:{{p1}} check
            server k2 127.0.0.1:{{p2}} check
        """;

    private sealed record Poging(string Soort, string Id, DateTime Start, DateTime Eind, int Status, string? Fout)
    {
        public bool Gelukt => Status is >= 200 and < 300;
    }

    private sealed record HaproxyRegel(string Id, string Server, int Status, string Staat, long StartMs, long TotaalMs, string Retries);

    private static readonly Regex LogRegel = new(@"koers-verzoek id=(?<id>\S*) server=(?<server>\S+) status=(?<status>-?\d+) staat=(?<staat>\S+) start=(?<start>\d+) tt=(?<tt>-?\d+) retries=(?<rc>\S+)");

    private Dictionary<string, HaproxyRegel> HaproxyLog() =>
        _haproxy.Regels.Select(r => LogRegel.Match(r)).Where(m => m.Success && m.Groups["id"].Value is { Length: > 0 } and not "-")
            .Select(m => new HaproxyRegel(m.Groups["id"].Value, m.Groups["server"].Value, int.Parse(m.Groups["status"].Value, CultureInfo.InvariantCulture),
                m.Groups["staat"].Value, long.Parse(m.Groups["start"].Value, CultureInfo.InvariantCulture), long.Parse(m.Groups["tt"].Value, CultureInfo.InvariantCulture),
                m.Groups["rc"].Value))
            .GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Last());

    private PostgresKoersDbContext Db() =>
        new(new DbContextOptionsBuilder<PostgresKoersDbContext>().UseNpgsql(Omgeving.Database(_database)).UseBsnBescherming(TestSleutels.Bescherming()).Options);

    private HttpClient Client(bool cookies = false) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false, UseCookies = cookies, CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 64,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{_lbPoort}"), Timeout = TimeSpan.FromSeconds(60),
    };

    private static long Nu() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    [Fact]
    public async Task Twee_instanties_achter_haproxy_overleven_kill_9_zonder_verloren_of_dubbele_schrijfacties()
    {
        var totaal = Stopwatch.StartNew();
        var haproxy = HaproxyPad();
        var (p1, p2) = (Omgeving.VrijePoort(), Omgeving.VrijePoort());
        _lbPoort = Omgeving.VrijePoort();

        // Instance 1 migrates and seeds the demo data; instance 2 starts on the finished database.
        _k1 = StartKoers("k1", p1, demo: true);
        await WachtOpAsync(_k1, p1, TimeSpan.FromSeconds(120));
        _k2 = StartKoers("k2", p2, demo: false);
        await WachtOpAsync(_k2, p2, TimeSpan.FromSeconds(90));
        var cfg = Path.Combine(_map, "haproxy.cfg");
        await File.WriteAllTextAsync(cfg, HaproxyConfig(p1, p2) + "\n");
        _haproxy = new Kindproces("haproxy", haproxy, ["-f", cfg, "-db"], new Dictionary<string, string>(), _map);
        _processen.Add(_haproxy);
        await WachtOpAsync(_haproxy, _lbPoort, TimeSpan.FromSeconds(20));
        var opgestart = totaal.Elapsed;

        // ---- The data the clients work on ------------------------------------------------------------------------
        var (dossiers, bsns, partnerId, kijkDossier) = await VoorbereidenAsync();
        Dictionary<Guid, int> duoVoor;
        await using (var db = Db())
        {
            duoVoor = await DuoEffectenAsync(db);
        }

        var pogingen = new ConcurrentBag<Poging>();
        var volgnummer = 0;

        async Task<Poging> VerstuurAsync(HttpClient client, string soort, Func<HttpRequestMessage> maak)
        {
            var id = $"{soort}-{Interlocked.Increment(ref volgnummer)}";
            using var verzoek = maak();
            verzoek.Headers.Add("X-Verzoek", id);
            // One connection per request. On a kept-alive client connection haproxy answers a request whose server died
            // with a silent close instead of a 502 (so the client may retry it, RFC 9112 9.3.1) and writes no log line,
            // and then nothing tells which server had it.
            verzoek.Headers.ConnectionClose = true;
            var start = DateTime.UtcNow;
            Poging p;
            try
            {
                using var antwoord = await client.SendAsync(verzoek);
                var tekst = await antwoord.Content.ReadAsStringAsync();
                p = new Poging(soort, id, start, DateTime.UtcNow, (int)antwoord.StatusCode, antwoord.IsSuccessStatusCode ? tekst : tekst[..Math.Min(300, tekst.Length)]);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                p = new Poging(soort, id, start, DateTime.UtcNow, 0, e.GetType().Name + ": " + e.Message);
            }

            pogingen.Add(p);
            return p;
        }

        // ---- Sign in through one instance, continue through the other ---------------------------------------------
        using var browser = Client(cookies: true);
        var inlogpagina = await VerstuurAsync(browser, "inloggen", () => new HttpRequestMessage(HttpMethod.Get, "/inloggen"));
        Assert.Equal(200, inlogpagina.Status);
        var inloggen = await VerstuurAsync(browser, "inloggen", () => new HttpRequestMessage(HttpMethod.Post, "/inloggen")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Sessiehulp.Token(inlogpagina.Fout!), ["Email"] = Regisseur, ["Wachtwoord"] = Sessiehulp.Wachtwoord,
            }),
        });
        Assert.True(inloggen.Status == 302, $"inloggen: {inloggen.Status} {inloggen.Fout}");
        var kijken = new List<Poging>();
        for (var i = 0; i < 10; i++) kijken.Add(await VerstuurAsync(browser, "dossierpagina", () => new HttpRequestMessage(HttpMethod.Get, $"/inburgeraars/{kijkDossier}")));
        await Task.Delay(300); // haproxy writes its log line after the response
        var log = HaproxyLog();
        var inlogServer = log[inloggen.Id].Server;
        Assert.All(kijken, k => Assert.True(k.Status == 200, $"{k.Id}: {k.Status} (server {log.GetValueOrDefault(k.Id)?.Server})"));
        var kijkServers = kijken.Select(k => log[k.Id].Server).ToList();
        Assert.Contains("k1", kijkServers);
        Assert.Contains("k2", kijkServers);
        Assert.Contains(kijken, k => log[k.Id].Server != inlogServer); // the session cookie of one instance is accepted by the other

        // ---- Partner and DUO clients --------------------------------------------------------------------------------
        using var partner = Client();
        using (var anoniem = Client())
        {
            var token = await anoniem.PostAsJsonAsync("/api/v1/inloggen", new { email = PartnerEmail, wachtwoord = Sessiehulp.Wachtwoord });
            Assert.True(token.IsSuccessStatusCode, $"API-inloggen partner: {(int)token.StatusCode} {await token.Content.ReadAsStringAsync()}");
            partner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>());
        }

        using var duo = Client();
        var vandaag = DateOnly.FromDateTime(DateTime.UtcNow);
        var dezeWeek = Week.Maandag(vandaag);
        string[] soorten = ["taal", "knm", "participatie"];

        // Each uploader reports its own kind of hours, each file five other weeks for the same 20 cases: no two files
        // touch the same row, so every accepted row can be checked for its value.
        static decimal Uren(int uploader, int bestand, int dossier, int week) => 1 + ((uploader * 7 + bestand * 5 + dossier * 3 + week) % 16) * 0.5m;
        DateOnly WeekVan(int bestand, int week) => dezeWeek.AddDays(-7 * (1 + bestand * CsvWeken + week));
        string Bestand(int uploader, int bestand)
        {
            var sb = new StringBuilder("koers_id;week;soort;uren\n");
            for (var d = 0; d < CsvDossiers; d++)
            {
                for (var w = 0; w < CsvWeken; w++)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"{dossiers[d]};{Week.IsoNotatie(WeekVan(bestand, w))};{soorten[uploader]};{Uren(uploader, bestand, d, w).ToString(CultureInfo.InvariantCulture)}\n");
                }
            }

            return sb.ToString();
        }

        var berichten = Enumerable.Range(0, AantalDuo).Select(i => (Id: Guid.NewGuid(), Bsn: bsns[i % bsns.Count], Tijd: DateTimeOffset.UtcNow.AddMinutes(-30).AddSeconds(i))).ToList();
        var duoGeaccepteerd = new ConcurrentDictionary<Guid, int>();
        var duoPogingen = new ConcurrentDictionary<string, Guid>();
        var duoVerstuurd = 0;
        var csvBezig = 0;
        var csvUitkomsten = new ConcurrentBag<(int Uploader, int Bestand, int Poging, Poging P, JsonObject? Uitkomst)>();
        var gedood = new TaskCompletionSource<(DateTime Kill, DateTime Weg)>(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task UploaderAsync(int u)
        {
            for (var b = 0; b < CsvBestanden; b++)
            {
                var inhoud = Encoding.UTF8.GetBytes(Bestand(u, b));
                for (var poging = 1; ; poging++)
                {
                    Interlocked.Increment(ref csvBezig);
                    var p = await VerstuurAsync(partner, "csv", () =>
                    {
                        var form = new MultipartFormDataContent();
                        var bestand = new ByteArrayContent(inhoud);
                        bestand.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                        form.Add(bestand, "bestand", $"presentielijst-{u}-{b}.csv");
                        return new HttpRequestMessage(HttpMethod.Post, "/api/v1/partner/uren/csv") { Content = form };
                    });
                    Interlocked.Decrement(ref csvBezig);
                    csvUitkomsten.Add((u, b, poging, p, p.Gelukt ? JsonNode.Parse(p.Fout!)!.AsObject() : null));
                    if (p.Gelukt) break;
                    Assert.True(poging < 10, $"upload {u}/{b} bleef mislukken: {p.Status} {p.Fout}");
                    await Task.Delay(200); // the partner tries the same file again
                }
            }
        }

        async Task DuoZenderAsync(int z)
        {
            for (var i = z; i < berichten.Count; i += DuoZenders)
            {
                var (id, bsn, tijd) = berichten[i];
                for (var poging = 1; ; poging++)
                {
                    var p = await VerstuurAsync(duo, "duo", () =>
                    {
                        var verzoek = new HttpRequestMessage(HttpMethod.Post, "/api/v1/duo/notificaties")
                        {
                            Content = new StringContent($$"""{"registratieDatumTijd":"{{tijd.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","gebeurtenisId":"SS137","bsn":"{{bsn}}"}""", Encoding.UTF8, "application/json"),
                        };
                        verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DuoToken);
                        verzoek.Headers.Add("bron", "00000001888888888000");
                        verzoek.Headers.Add("doel", "00000001999999999000");
                        verzoek.Headers.Add("berichtId", id.ToString());
                        return verzoek;
                    });
                    duoPogingen[p.Id] = id;
                    if (p.Status == 201)
                    {
                        duoGeaccepteerd.AddOrUpdate(id, 1, (_, n) => n + 1);
                        Interlocked.Increment(ref duoVerstuurd);
                        break;
                    }

                    Assert.True(poging < 20, $"DUO-bericht {id} bleef mislukken: {p.Status} {p.Fout}");
                    await Task.Delay(250); // DUO delivers again, with the same berichtId
                }

                await Task.Delay(15);
            }
        }

        // The kill: once a third of the DUO burst is accepted and CSV uploads are under way.
        async Task DoderAsync()
        {
            var sw = Stopwatch.StartNew();
            while (Volatile.Read(ref duoVerstuurd) < AantalDuo / 3 && sw.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(5);
            while (Volatile.Read(ref csvBezig) < 2 && sw.Elapsed < TimeSpan.FromSeconds(65)) await Task.Delay(1);
            var moment = DateTime.UtcNow;
            _k2.Kill9();
            // SIGKILL is not instant: until the kernel has torn the process down, its listening socket still accepts
            // connections, which then break. Those requests were on the killed instance too.
            await _k2.WachtOpEindeAsync();
            gedood.SetResult((moment, DateTime.UtcNow));
        }

        var lastFase = Stopwatch.StartNew();
        await Task.WhenAll([
            .. Enumerable.Range(0, CsvUploaders).Select(UploaderAsync),
            .. Enumerable.Range(0, DuoZenders).Select(DuoZenderAsync),
            DoderAsync(),
        ]);
        lastFase.Stop();
        var (killMoment, k2Weg) = await gedood.Task;
        var verlorenAntwoord = 0;
        var duoVerlorenAntwoord = 0;
        Assert.False(_k2.Loopt);

        // ---- Instance 1 works off the DUO inbox -----------------------------------------------------------------------
        var verwerking = Stopwatch.StartNew();
        await using (var db = Db())
        {
            var ids = berichten.Select(b => b.Id).ToList();
            while (verwerking.Elapsed < TimeSpan.FromSeconds(90))
            {
                var open = await db.DuoNotificaties.CountAsync(n => ids.Contains(n.BerichtId) && n.Status != Koers.Data.Model.Duo.InboxStatus.Verwerkt);
                if (open == 0) break;
                await Task.Delay(250);
            }
        }

        verwerking.Stop();
        await Task.Delay(500);
        log = HaproxyLog();

        // ---- Every accepted write exactly once ------------------------------------------------------------------------
        await using (var db = Db())
        {
            var ids = berichten.Select(b => b.Id).ToList();
            var opgeslagen = await db.DuoNotificaties.AsNoTracking().Where(n => ids.Contains(n.BerichtId)).ToListAsync();
            Assert.Equal(AantalDuo, duoGeaccepteerd.Count);
            Assert.Equal(AantalDuo, opgeslagen.Count);
            Assert.Equal(ids.Order(), opgeslagen.Select(n => n.BerichtId).Order());
            var nietVerwerkt = opgeslagen.Where(n => n.Status != Koers.Data.Model.Duo.InboxStatus.Verwerkt).ToList();
            Assert.True(nietVerwerkt.Count == 0, $"{nietVerwerkt.Count} niet verwerkt: {string.Join("; ", nietVerwerkt.Take(5).Select(n => $"{n.Status} {n.LaatsteFout}"))}");
            Assert.All(opgeslagen, n => Assert.True(n.Pogingen == 1, $"{n.GebeurtenisId} {n.Status}: {n.Pogingen} pogingen, laatste fout: {n.LaatsteFout}"));
            // A failed delivery that k2 had stored before it died: the answer was lost, the redelivery was a no-op.
            var mislukteDuo = pogingen.Where(p => p.Soort == "duo" && !p.Gelukt).Select(p => duoPogingen[p.Id]).ToHashSet();
            duoVerlorenAntwoord = opgeslagen.Count(n => mislukteDuo.Contains(n.BerichtId) && n.OntvangenOp <= k2Weg);
            // The effect of each event (an audit line on the case) exactly once per event, per person.
            var effecten = await DuoEffectenAsync(db);
            var perPersoon = opgeslagen.GroupBy(n => n.InburgeraarId!.Value).ToDictionary(g => g.Key, g => g.Count());
            var nieuw = effecten.Select(e => (e.Key, Aantal: e.Value - duoVoor.GetValueOrDefault(e.Key))).Where(e => e.Aantal != 0).ToDictionary();
            Assert.Equal(perPersoon.OrderBy(e => e.Key), nieuw.OrderBy(e => e.Key));

            // Hours: every row of every file once, with the value of its file.
            // (The demo data has hours of its own for some of these weeks; a CSV row with the same value leaves such a row as it was.)
            var eersteWeek = WeekVan(CsvBestanden - 1, CsvWeken - 1);
            var csvSoorten = soorten.Select(UrenCsvImportSoort).ToList();
            var uren = await db.Urenregistraties.AsNoTracking()
                .Where(u => u.PartnerorganisatieId == partnerId && dossiers.Contains(u.InburgeraarId) && csvSoorten.Contains(u.Soort) && u.Week >= eersteWeek && u.Week < dezeWeek)
                .ToListAsync();
            var foutregels = csvUitkomsten.Where(c => c.Uitkomst is not null).SelectMany(c => c.Uitkomst!["resultaten"]!.AsArray()
                .Where(r => r!["status"]!.GetValue<string>() == "fout").Select(r => $"{c.Uploader}/{c.Bestand} regel {r!["regel"]}: {r["reden"]}")).ToList();
            Assert.True(foutregels.Count == 0, $"{foutregels.Count} regels geweigerd: {string.Join("; ", foutregels.Take(10))}");
            Assert.Equal(CsvUploaders * CsvBestanden * CsvDossiers * CsvWeken, uren.Count);
            var index = uren.ToDictionary(u => (u.InburgeraarId, u.Soort, u.Week));
            for (var u = 0; u < CsvUploaders; u++)
            {
                for (var b = 0; b < CsvBestanden; b++)
                {
                    for (var d = 0; d < CsvDossiers; d++)
                    {
                        for (var w = 0; w < CsvWeken; w++)
                        {
                            var rij = index[(dossiers[d], UrenCsvImportSoort(soorten[u]), WeekVan(b, w))];
                            Assert.Equal(Uren(u, b, d, w), rij.Uren);
                        }
                    }
                }
            }

            // Every upload answered 200 is stored once, with its one audit line; a failed attempt is stored only if it
            // committed before the kill (its answer was lost), which the next attempt shows as 'ongewijzigd'.
            var geaccepteerd = csvUitkomsten.Where(c => c.Uitkomst is not null).ToList();
            var uploadIds = geaccepteerd.Select(c => Guid.Parse(c.Uitkomst!["uploadId"]!.GetValue<string>())).ToList();
            var uploads = await db.Urenuploads.AsNoTracking().Where(x => x.PartnerorganisatieId == partnerId).ToListAsync();
            Assert.All(uploadIds, id => Assert.Single(uploads, x => x.Id == id));
            verlorenAntwoord = geaccepteerd.Count(c => c.Poging > 1 && c.Uitkomst!["ongewijzigd"]!.GetValue<int>() == CsvDossiers * CsvWeken);
            Assert.Equal(uploadIds.Count + verlorenAntwoord, uploads.Count);
            foreach (var upload in uploads)
            {
                Assert.Equal(1, await db.Audit.CountAsync(a => a.Omschrijving.StartsWith($"CSV-upload presentielijst {upload.Id} ")));
            }
        }

        // ---- Only requests in flight on the killed instance failed ------------------------------------------------------
        var alle = pogingen.ToList();
        var mislukt = alle.Where(p => !p.Gelukt && p.Soort is "duo" or "csv").ToList();
        var killMs = new DateTimeOffset(killMoment).ToUnixTimeMilliseconds();
        var opK2BijKill = alle.Where(p => log.TryGetValue(p.Id, out var r) && r.Server == "k2" && p.Start <= k2Weg && p.Eind >= killMoment).ToList();
        uitvoer.WriteLine(string.Join("\n", mislukt.Select(f => $"mislukt: {f.Id} {f.Status} {f.Start:HH:mm:ss.fff}-{f.Eind:HH:mm:ss.fff} server {log.GetValueOrDefault(f.Id)?.Server ?? "?"} {log.GetValueOrDefault(f.Id)?.Staat} (kill {killMoment:HH:mm:ss.fff}, weg {k2Weg:HH:mm:ss.fff})")));
        foreach (var f in mislukt)
        {
            Assert.True(log.TryGetValue(f.Id, out var r), $"{f.Id} mislukte ({f.Status} {f.Fout}, {f.Start:HH:mm:ss.fff}-{f.Eind:HH:mm:ss.fff}, kill {killMoment:HH:mm:ss.fff}) maar staat niet in het haproxy-log");
            Assert.True(r!.Server == "k2" && f.Start <= k2Weg, $"{f.Id} mislukte ({f.Status}) op {r.Server}, start {f.Start:HH:mm:ss.fff}, kill {killMoment:HH:mm:ss.fff}, weg {k2Weg:HH:mm:ss.fff}: {f.Fout}");
        }

        Assert.True(mislukt.Count <= opK2BijKill.Count, $"{mislukt.Count} mislukt, {opK2BijKill.Count} onderweg op k2");
        var omgeleid = log.Values.Count(r => r.Retries.StartsWith('+'));
        var naKill = alle.Where(p => p.Start > k2Weg).ToList();
        var laatsteFout = mislukt.Count == 0 ? (DateTime?)null : mislukt.Max(f => f.Eind);
        var k2Down = _haproxy.Regels.FirstOrDefault(r => r.Contains("k2 is DOWN", StringComparison.Ordinal));

        var figuren = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Twee instanties achter haproxy ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores)")
            .AppendLine(CultureInfo.InvariantCulture, $"opstarten (k1 met demodata, k2, haproxy): {opgestart.TotalSeconds:F1} s")
            .AppendLine(CultureInfo.InvariantCulture, $"inloggen via {inlogServer}; dossierpagina's daarna via k1: {kijkServers.Count(s => s == "k1")}, via k2: {kijkServers.Count(s => s == "k2")}, allemaal 200")
            .AppendLine(CultureInfo.InvariantCulture, $"lastfase: {lastFase.Elapsed.TotalSeconds:F1} s; verzoeken: {alle.Count(p => p.Soort == "duo")} DUO, {alle.Count(p => p.Soort == "csv")} CSV-uploads ({CsvDossiers * CsvWeken} regels per bestand)")
            .AppendLine(CultureInfo.InvariantCulture, $"kill -9 van k2 bij {AantalDuo / 3}+ geaccepteerde DUO-berichten; proces weg na {(k2Weg - killMoment).TotalMilliseconds:F0} ms; onderweg op k2 (gestart vóór het einde, geëindigd na de kill): {opK2BijKill.Count} ({opK2BijKill.Count(p => p.Soort == "duo")} DUO, {opK2BijKill.Count(p => p.Soort == "csv")} CSV)")
            .AppendLine(CultureInfo.InvariantCulture, $"mislukt: {mislukt.Count} ({mislukt.Count(p => p.Soort == "duo")} DUO, {mislukt.Count(p => p.Soort == "csv")} CSV), statussen {string.Join(", ", mislukt.GroupBy(m => m.Status).Select(g => $"{g.Key}×{g.Count()}"))}; allemaal op k2 en gestart voordat k2 weg was")
            .AppendLine(CultureInfo.InvariantCulture, $"gestart nadat k2 weg was: {naKill.Count} verzoeken, waarvan mislukt: {naKill.Count(p => !p.Gelukt)}; door haproxy naar k1 omgeleid (redispatch): {omgeleid}")
            .AppendLine(CultureInfo.InvariantCulture, $"laatste fout {(laatsteFout is { } lf ? $"{(lf - killMoment).TotalMilliseconds:F0} ms" : "-")} na de kill; haproxy: {k2Down ?? "(k2 niet DOWN gemeld)"}")
            .AppendLine(CultureInfo.InvariantCulture, $"CSV: {csvUitkomsten.Count(c => c.Uitkomst is not null)} uploads geaccepteerd, {csvUitkomsten.Count(c => c.Uitkomst is null)} pogingen mislukt en opnieuw geüpload ({verlorenAntwoord} daarvan was al opgeslagen, alleen het antwoord ging verloren); uren-rijen precies één keer: {CsvUploaders * CsvBestanden * CsvDossiers * CsvWeken}")
            .AppendLine(CultureInfo.InvariantCulture, $"DUO: {AantalDuo} berichten, {alle.Count(p => p.Soort == "duo") - AantalDuo} herleveringen ({duoVerlorenAntwoord} van de mislukte leveringen was al opgeslagen: antwoord verloren, herlevering zonder effect); alle {AantalDuo} precies één keer opgeslagen en verwerkt (Pogingen = 1, één auditregel per melding); inbox leeg {verwerking.Elapsed.TotalSeconds:F1} s na de last")
            .AppendLine(CultureInfo.InvariantCulture, $"totaal: {totaal.Elapsed.TotalSeconds:F0} s");
        await using (var db = Db())
        {
            var slot = await db.Taaksloten.AsNoTracking().Where(t => t.Naam == "audit-keten").Select(t => new { t.Eigenaar, t.VerlooptOp }).FirstOrDefaultAsync();
            var onverzegeld = await db.Audit.CountAsync(a => a.Volgnummer == null);
            figuren.AppendLine(CultureInfo.InvariantCulture, $"auditketen: lease bij {slot?.Eigenaar ?? "niemand"} (tot {slot?.VerlooptOp:HH:mm:ss}), {onverzegeld} regels nog niet verzegeld");
        }

        uitvoer.WriteLine(figuren.ToString());
        Console.WriteLine(figuren.ToString());
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "koers-twee-instanties.txt"), figuren.ToString());
    }

    private static Urensoort UrenCsvImportSoort(string soort) => Koers.Web.Features.Voortgang.UrenCsvImport.Soort(soort)!.Value;

    /// <summary>The effect of the SS137 events: DuoVerwerker's audit line on the case, per case.</summary>
    private static async Task<Dictionary<Guid, int>> DuoEffectenAsync(KoersDbContext db) =>
        await db.Audit.AsNoTracking().Where(a => a.Gebruiker == "DUO (notificatie)" && a.InburgeraarId != null && a.Omschrijving.StartsWith("DUO-melding SS137"))
            .GroupBy(a => a.InburgeraarId!.Value).Select(g => new { g.Key, Aantal = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Aantal);

    /// <summary>
    /// Twenty cases of the taalschool's region with consent for progress (added here), the BSNs of twenty cases for DUO,
    /// the partner's id, and a case the klantregisseur may open.
    /// </summary>
    private async Task<(List<Guid> Dossiers, List<string> Bsns, int PartnerId, Guid KijkDossier)> VoorbereidenAsync()
    {
        await using var db = Db();
        var partnerId = await db.Users.Where(u => u.Email == PartnerEmail).Select(u => u.PartnerorganisatieId!.Value).SingleAsync();
        var regio = await db.Partnerorganisaties.Where(p => p.Id == partnerId).Select(p => p.RegioId).SingleAsync();
        var kandidaten = await db.Inburgeraars.AsNoTracking().Where(i => i.Gemeente!.RegioId == regio && i.GeanonimiseerdOp == null && i.Bsn != null)
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.Bsn }).ToListAsync();
        Assert.True(kandidaten.Count >= CsvDossiers, $"{kandidaten.Count} dossiers in de regio van de taalschool");
        var dossiers = kandidaten.Take(CsvDossiers).Select(k => k.Id).ToList();
        foreach (var id in dossiers)
        {
            db.Machtigingen.Add(new Machtiging
            {
                Id = Guid.NewGuid(), InburgeraarId = id, PartnerorganisatieId = partnerId, Categorieen = Gegevenscategorie.Basisgegevens | Gegevenscategorie.Voortgang,
                Van = new DateOnly(2021, 1, 1), Vorm = "Ondertekend formulier (test)", VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test",
            });
        }

        await db.SaveChangesAsync();
        return (dossiers, kandidaten.Select(k => k.Bsn!.Value.Value).Distinct().Take(20).ToList(), partnerId, kandidaten[0].Id);
    }
}

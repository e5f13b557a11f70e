using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;

namespace Koers.Bench;

/// <summary>
/// Load client: N virtual users in a closed loop against a running Koers (loopback), each signed in with its own
/// bearer token, after a warm-up. Per scenario the median and p99 latency, throughput and errors; then the bare SQL
/// doing the same work with Npgsql at the same concurrency, and the ratio (the application's overhead).
/// </summary>
public static class Lastclient
{
    private sealed record Gebruiker(string Email, int MedewerkerId, string Token, Guid[] Dossiers, string GemeenteCode);

    /// <param name="OpwarmenS">The warm-up this scenario got (at least <c>--opwarmen</c>, longer while Koers's JIT was still busy).</param>
    /// <param name="JitS">Seconds Koers's JIT compiled while this scenario was measured (from its /metrics); null when unknown.</param>
    /// <param name="GcS">Seconds Koers's garbage collector paused it while this scenario was measured (the same way).</param>
    /// <param name="Cpu">The machine's CPU while this scenario was measured, as shares of all cores (null when unknown).</param>
    public sealed record Meting(string Scenario, int Gelijktijdig, int Aantal, int Fouten, double MedianMs, double P99Ms, double PerSeconde, string? Eerstefout,
        double? OpwarmenS = null, double? JitS = null, double? GcS = null, Cpugebruik? Cpu = null);

    public static async Task<int> DraaiAsync(Opties opties)
    {
        var url = opties.Tekst("url") ?? "http://127.0.0.1:5080";
        var vus = opties.Getal("gebruikers", 100);
        var duur = TimeSpan.FromSeconds(opties.Getal("duur", 20));
        // 15 s per scenario: .NET compiles hot code again, optimised, after its first ~30 calls (tiered JIT), in the
        // background. With 5 s the first thousand worklist pages still paid for that compilation (measured: 14 ms of
        // app CPU per page after 200 pages, under 4 ms after 2,000), so the figures described a cold server.
        var opwarmen = TimeSpan.FromSeconds(opties.Getal("opwarmen", 15));
        // 15 s was measured on one machine. On a slower one (an AMD EPYC VM, 6 December 2026) the JIT compiled for 32 of
        // the first 40 s of the case page's load and still 2-4 % of a core after a minute (Koers's
        // dotnet.jit.compilation.time counter), so the first measured seconds were a server still compiling. After the
        // fixed warm-up each app scenario goes on warming until the JIT compiled less than 0.1 s (2 % of one core) in each
        // of the last two windows of 5 s, at most this many seconds in all; the table gives each scenario's warm-up and
        // the JIT's seconds while it was measured, so a run that measured a compiling server says so.
        var opwarmenMax = TimeSpan.FromSeconds(Math.Max(opties.Getal("opwarmenmax", 90), opwarmen.TotalSeconds));
        // 0: closed loop (the next request as soon as the answer is in: a stress test). Above 0: each user waits a
        // think time of 0.5-1.5x this many ms between requests, the way people using the screens do.
        _denktijdMs = opties.Getal("denktijd", 0);
        var uit = opties.Tekst("uit");
        var alleen = opties.Tekst("scenario");
        var pg = opties.Pg;
        var vandaag = opties.Datum("vandaag");

        // No redirects: Koers answers a failed page with a redirect to its error page, which is a 200. Following it
        // counted every failed page as served (until December 2026 the page scenarios measured the error page).
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1000, PooledConnectionLifetime = TimeSpan.FromMinutes(10), AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(120) };
        // Production Koers sits behind a proxy that terminates TLS; its cookies are Secure-only and a page refuses to
        // render over plain HTTP. run.sh names this loopback client a known proxy (Koers:Proxy:BekendeProxies), so
        // this header makes each request what it is in production: HTTPS as far as Koers is concerned.
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        await using var bron = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(pg) { MaxPoolSize = Math.Max(100, vus + 10) }.ConnectionString).Build();

        Console.WriteLine($"Koers-last: {url}, {vus} virtuele gebruikers, {duur.TotalSeconds} s per scenario na {opwarmen.TotalSeconds}-{opwarmenMax.TotalSeconds} s opwarmen");
        var jit = new Jitmeter(http);
        var gebruikers = await GebruikersAsync(http, bron, vus);
        var beleid = await TokenAsync(http, "beleid@bench.example");
        var beheer = await TokenAsync(http, "beheer@bench.example", Totp.Code(Generator.BeheerTotpSleutel, DateTimeOffset.UtcNow));
        var grootste = gebruikers.GroupBy(g => g.GemeenteCode).OrderByDescending(g => g.Count()).First().Key;

        var metingen = new List<(Meting App, Meting? Sql)>();
        async Task Scenario(string naam, int gelijktijdig, Func<int, Random, Task<(bool, string?)>> app, Func<int, Random, Task>? sql,
            bool zonderDenktijd = false)
        {
            if (alleen is not null && !naam.Contains(alleen, StringComparison.OrdinalIgnoreCase)) return;
            var denktijd = zonderDenktijd ? 0 : _denktijdMs;
            var a = await MeetAsync(naam, gelijktijdig, duur, opwarmen, app, denktijd, jit, opwarmenMax);
            Meting? s = null;
            if (sql is not null) s = await MeetAsync(naam + " (SQL)", gelijktijdig, duur, opwarmen, async (i, r) => { await sql(i, r); return (true, null); }, denktijd);
            Druk(a, s);
            metingen.Add((a, s));
        }

        // 1. The worklist of one klantregisseur (API and HTML page).
        await Scenario("werkvoorraad API", vus,
            (i, _) => Haal(http, gebruikers[i % gebruikers.Count].Token, $"/api/v1/werkvoorraad?klantregisseurId={gebruikers[i % gebruikers.Count].MedewerkerId}"),
            (i, _) => BareSql.WerkvoorraadAsync(bron, gebruikers[i % gebruikers.Count].MedewerkerId, vandaag));
        await Scenario("werkvoorraad pagina", vus,
            (i, _) => Haal(http, gebruikers[i % gebruikers.Count].Token, $"/werkvoorraad?klantregisseur={gebruikers[i % gebruikers.Count].MedewerkerId}"),
            // The page's own baseline: every statement the page needs, not only the API's (see Werkvoorraadpagina).
            (i, _) => Werkvoorraadpagina.AsyncVoor(bron, gebruikers[i % gebruikers.Count].MedewerkerId, vandaag, alleenEigen: true));

        // 1b. The same users' worklist page without a filter: every case of their municipality, or of their region when it
        //     shares cases (a team lead's view, and what a klantregisseur sees on opening the page).
        Task<(bool, string?)> RegioPagina(int i, Random _) => Haal(http, gebruikers[i % gebruikers.Count].Token, "/werkvoorraad");
        Task RegioSql(int i, Random _) => Werkvoorraadpagina.AsyncVoor(bron, gebruikers[i % gebruikers.Count].MedewerkerId, vandaag, alleenEigen: false);
        await Scenario("werkvoorraad regio pagina", vus, RegioPagina, RegioSql);
        // 1c. The same page read fresh every time ("Vernieuwen", ?vers=true): the page keeps what it read for a user for
        //     30 s (Werkvoorraadcache), so 1b is mostly served from memory; this is the work behind it.
        await Scenario("werkvoorraad regio pagina vers", vus,
            (i, _) => Haal(http, gebruikers[i % gebruikers.Count].Token, "/werkvoorraad?vers=true"),
            (i, _) => Werkvoorraadpagina.AsyncVoor(bron, gebruikers[i % gebruikers.Count].MedewerkerId, vandaag, alleenEigen: false));
        // 1d. 1b's capacity: the same users without think time. With a think time of 0.5-1.5 s, 100 users in a closed loop
        //     offer at most 100 / (1 s + mean latency) requests per second, below the 100 pages/s issue #21 asks the page
        //     to serve whatever Koers does; only a run without think time shows how many it can serve.
        await Scenario("werkvoorraad regio pagina zonder denktijd", vus, RegioPagina, RegioSql, zonderDenktijd: true);

        // 2. A case page (an audited read).
        await Scenario("dossier API", vus,
            (i, r) => { var g = gebruikers[i % gebruikers.Count]; return Haal(http, g.Token, $"/api/v1/inburgeraars/{g.Dossiers[r.Next(g.Dossiers.Length)]}"); },
            (i, r) => { var g = gebruikers[i % gebruikers.Count]; return BareSql.DossierApiAsync(bron, g.Dossiers[r.Next(g.Dossiers.Length)], g.Email); });
        await Scenario("dossier pagina", vus,
            (i, r) => { var g = gebruikers[i % gebruikers.Count]; return Haal(http, g.Token, $"/inburgeraars/{g.Dossiers[r.Next(g.Dossiers.Length)]}"); },
            (i, r) => { var g = gebruikers[i % gebruikers.Count]; return BareSql.DossierpaginaAsync(bron, g.Dossiers[r.Next(g.Dossiers.Length)], g.Email); });

        // 3. The municipal and the national dashboard (policy staff: a few at a time, not a hundred).
        var monitorVus = Math.Min(vus, opties.Getal("monitorgebruikers", 4));
        await Scenario($"monitor gemeente {grootste}", monitorVus,
            (_, _) => Haal(http, beleid, $"/api/v1/monitor?gemeente={grootste}&jaar={vandaag.Year}"),
            (_, _) => BareSql.MonitorAsync(bron, grootste, vandaag.Year));
        await Scenario("monitor landelijk", monitorVus,
            (_, _) => Haal(http, beleid, $"/api/v1/monitor?jaar={vandaag.Year}"),
            (_, _) => BareSql.MonitorAsync(bron, null, vandaag.Year));

        // 3b. The auditor's search (bench/README.md "Audit op landelijke schaal"): by case, by account and by period, on the
        //     auditor's own region, through the API and the page, and as bare SQL. A few auditors at a time.
        if (alleen is null || "audit".Contains(alleen, StringComparison.OrdinalIgnoreCase) || alleen.Contains("audit", StringComparison.OrdinalIgnoreCase))
        {
            var a = await Auditlast.VoorbereidenAsync(http, bron, vandaag);
            var auditVus = Math.Min(vus, opties.Getal("auditgebruikers", 4));
            // The API answers a page at a time (500 rows by default, `volgende` for the next); the page shows 500.
            await Scenario("audit dossier API", auditVus, (_, r) => Haal(http, a.Token, $"/api/v1/audit?dossier={a.Dossier(r)}"),
                (_, r) => BareSql.AuditAsync(bron, a, dossier: a.Dossier(r)));
            await Scenario("audit dossier pagina", auditVus, (_, r) => Haal(http, a.Token, $"/audit?Dossier={a.Dossier(r)}"),
                (_, r) => BareSql.AuditAsync(bron, a, dossier: a.Dossier(r)));
            await Scenario("audit gebruiker API", auditVus, (_, r) => Haal(http, a.Token, $"/api/v1/audit?gebruiker={Uri.EscapeDataString(a.Gebruiker(r))}"),
                (_, r) => BareSql.AuditAsync(bron, a, gebruiker: a.Gebruiker(r)));
            // A later page of the same search: the cursor is a row somewhere in the year (keyset on Id).
            await Scenario("audit gebruiker API oudere pagina", auditVus,
                (_, r) => Haal(http, a.Token, $"/api/v1/audit?gebruiker={Uri.EscapeDataString(a.Gebruiker(r))}&na={a.Cursor(r)}"),
                (_, r) => BareSql.AuditAsync(bron, a, gebruiker: a.Gebruiker(r), na: a.Cursor(r)));
            await Scenario("audit periode API", auditVus, (_, r) => { var d = a.Dag(r); return Haal(http, a.Token, $"/api/v1/audit?van={d:yyyy-MM-dd}&tot={d:yyyy-MM-dd}"); },
                (_, r) => BareSql.AuditAsync(bron, a, dag: a.Dag(r)));
            await Scenario("audit gebruiker en maand pagina", auditVus,
                (_, r) => { var d = a.Dag(r); return Haal(http, a.Token, $"/audit?Gebruiker={Uri.EscapeDataString(a.Gebruiker(r))}&Van={d:yyyy-MM}-01&Tot={d.AddMonths(1):yyyy-MM}-01"); }, null);
        }

        // 4. Deadline recomputation of all cases: once with nothing to change, once after a national policy change.
        var herberekening = new List<string>();
        if (alleen is null || "herberekening".Contains(alleen, StringComparison.OrdinalIgnoreCase))
        {
            herberekening.Add(await HerberekenAsync(http, beheer, "zonder wijzigingen"));
            await using (var cmd = bron.CreateCommand("""UPDATE gemeente SET "VoortgangsgesprekIntervalMaanden" = CASE WHEN "VoortgangsgesprekIntervalMaanden" = 3 THEN 4 ELSE 3 END"""))
            {
                await cmd.ExecuteNonQueryAsync();
            }

            herberekening.Add(await HerberekenAsync(http, beheer, "na wijziging voortgangsgesprek-interval in alle gemeenten"));
            foreach (var regel in herberekening) Console.WriteLine(regel);
        }

        // 5. Chain partners and DUO: a 10,000-row attendance CSV per taalschool, and a burst of DUO notifications with
        //    the time the inbox needs to process them. A fixed amount of work each (see Ketenlast).
        var bulk = new List<Ketenlast.Bulkregel>();

        // The DUO backlog drain (alone, or after the burst): a backlog that does not drain in time or breaks the order per
        // person is a failure of the run, like an error response (its row built on `foutbasis`).
        async Task AchterstandAsync(int instanties, Meting foutbasis)
        {
            if (await Ketenlast.DuoAchterstandAsync(bron, opties.Bsn, opties.Getal("duomeldingen", 5_000), TimeSpan.FromSeconds(opties.Getal("duodrain", 600)), instanties) is not { } achterstand) return;
            bulk.Add(achterstand);
            if (achterstand.Mislukt) metingen.Add((foutbasis with { Scenario = achterstand.Scenario, Fouten = 1, Eerstefout = achterstand.Toelichting }, null));
        }

        if (alleen is null || "partner csv".Contains(alleen, StringComparison.OrdinalIgnoreCase) || alleen.Contains("csv", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var (a, s, b) in await Ketenlast.CsvAsync(http, bron, opties.Bsn, opties.Getal("csvgebruikers", 2), opties.Getal("csvregels", 10_000), opties.Getal("csvuploads", 5), vandaag))
            {
                metingen.Add((a, s));
                bulk.Add(b);
            }
        }

        // The backlog alone (scenario 'achterstand'): bench/run.sh runs it again with a second Koers instance started
        // beside the first (--duoinstanties 2 only names the row; both instances poll the same inbox).
        if (alleen is not null && alleen.Contains("achterstand", StringComparison.OrdinalIgnoreCase))
        {
            await AchterstandAsync(opties.Getal("duoinstanties", 1), new Meting("DUO backlog drain", 1, 1, 0, 0, 0, 0, null));
        }
        else if (alleen is null || "duo burst".Contains(alleen, StringComparison.OrdinalIgnoreCase) || alleen.Contains("duo", StringComparison.OrdinalIgnoreCase))
        {
            var duo = await Ketenlast.DuoAsync(http, bron, opties.Bsn, opties.Tekst("duotoken") ?? Environment.GetEnvironmentVariable("KOERS_BENCH_DUO_TOKEN"),
                opties.Getal("duoverzenders", 20), opties.Getal("duomeldingen", 5_000), TimeSpan.FromSeconds(opties.Getal("duodrain", 600)));
            if (duo is { } d)
            {
                metingen.Add((d.App, d.Sql));
                bulk.Add(d.Eerste);
                bulk.Add(d.Bulk);
                if (d.Eerste.Mislukt)
                {
                    metingen.Add((d.App with { Scenario = "DUO inbox drain (first burst)", Fouten = 1, Eerstefout = d.Eerste.Toelichting }, null));
                }

                // An inbox that does not empty in time is a failure of the run, like an error response.
                if (d.Bulk.Mislukt)
                {
                    metingen.Add((d.App with { Scenario = "DUO inbox drain", Fouten = 1, Eerstefout = d.Bulk.Toelichting }, null));
                }

                // The inbox's own rate: a backlog of the same size, the accepting not competing for the cores.
                await AchterstandAsync(1, d.App);
            }
        }

        var md = Markdown(metingen, herberekening, bulk, vus, duur, opwarmen, opwarmenMax);
        if (uit is not null)
        {
            await File.WriteAllTextAsync(uit, md);
            Console.WriteLine($"Resultaten geschreven naar {uit}");
        }

        // A recomputation that did not answer 2xx is an error too (it was once refused for want of two-step sign-in and
        // the run still said 'no errors').
        var fouten = metingen.Sum(m => m.App.Fouten) + herberekening.Count(r => !HerberekeningGelukt(r));
        Console.WriteLine(fouten == 0 ? "Geen fouten tijdens de lastrun." : $"{fouten} fouten tijdens de lastrun!");
        return fouten == 0 ? 0 : 1;
    }

    private static async Task<List<Gebruiker>> GebruikersAsync(HttpClient http, NpgsqlDataSource bron, int aantal)
    {
        // Klantregisseurs spread over the country (every n-th by id), each with the cases they own.
        var kandidaten = new List<(int Id, string Email, string Gemeente)>();
        await using (var cmd = bron.CreateCommand("""
            SELECT m."Id", m."Email", g."Code" FROM medewerker m JOIN gemeente g ON g."Id" = m."GemeenteId"
            WHERE EXISTS (SELECT 1 FROM inburgeraar i WHERE i."KlantregisseurId" = m."Id") ORDER BY m."Id"
            """))
        await using (var rd = await cmd.ExecuteReaderAsync())
        {
            while (await rd.ReadAsync()) kandidaten.Add((rd.GetInt32(0), rd.GetString(1), rd.GetString(2)));
        }

        var stap = Math.Max(1, kandidaten.Count / aantal);
        var gekozen = kandidaten.Where((_, i) => i % stap == 0).Take(aantal).ToList();
        var lijst = new List<Gebruiker>();
        var sw = Stopwatch.StartNew();
        foreach (var k in gekozen)
        {
            var dossiers = new List<Guid>();
            await using (var cmd = bron.CreateCommand("""SELECT "Id" FROM inburgeraar WHERE "KlantregisseurId" = $1 LIMIT 40"""))
            {
                cmd.Parameters.AddWithValue(k.Id);
                await using var rd = await cmd.ExecuteReaderAsync();
                while (await rd.ReadAsync()) dossiers.Add(rd.GetGuid(0));
            }

            lijst.Add(new Gebruiker(k.Email, k.Id, await TokenAsync(http, k.Email), [.. dossiers], k.Gemeente));
        }

        Console.WriteLine($"  {lijst.Count} klantregisseurs ingelogd in {sw.Elapsed.TotalSeconds:F1} s");
        return lijst;
    }

    internal static async Task<string> TokenAsync(HttpClient http, string email, string? code = null)
    {
        var antwoord = await http.PostAsJsonAsync("/api/v1/inloggen", new { email, wachtwoord = Generator.Wachtwoord, code });
        antwoord.EnsureSuccessStatusCode();
        var json = await antwoord.Content.ReadFromJsonAsync<JsonObject>();
        return json!["accessToken"]!.GetValue<string>();
    }

    private static async Task<(bool, string?)> Haal(HttpClient http, string token, string pad)
    {
        using var verzoek = new HttpRequestMessage(HttpMethod.Get, pad);
        verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var antwoord = await http.SendAsync(verzoek, HttpCompletionOption.ResponseContentRead);
        await antwoord.Content.ReadAsByteArrayAsync();
        return antwoord.IsSuccessStatusCode ? (true, null) : (false, $"{(int)antwoord.StatusCode} {pad}");
    }

    private static bool HerberekeningGelukt(string regel) => regel.Split('|', StringSplitOptions.TrimEntries) is [_, _, var status, ..] && status.StartsWith('2');

    private static async Task<string> HerberekenAsync(HttpClient http, string token, string wat)
    {
        var sw = Stopwatch.StartNew();
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, "/api/v1/beheer/termijnen/herberekening");
        verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var antwoord = await http.SendAsync(verzoek);
        var tekst = await antwoord.Content.ReadAsStringAsync();
        return $"| herberekening {wat} | {(int)antwoord.StatusCode} | {sw.Elapsed.TotalSeconds:F2} s | `{tekst}` |";
    }

    private static int _denktijdMs;

    /// <summary>
    /// Every virtual user sends its next request when the previous answer is in, after a think time when one is set
    /// (<paramref name="denktijdMs"/>, from <c>--denktijd</c> unless the scenario runs without); latency is measured per
    /// request, never including the think time. With a <paramref name="jit"/>
    /// the warm-up lasts at least <paramref name="opwarmen"/> and then until Koers's JIT has settled (or
    /// <paramref name="opwarmenMax"/> has passed); the measurement starts from there.
    /// </summary>
    private static async Task<Meting> MeetAsync(string naam, int gelijktijdig, TimeSpan duur, TimeSpan opwarmen, Func<int, Random, Task<(bool Ok, string? Fout)>> werk,
        int denktijdMs, Jitmeter? jit = null, TimeSpan? opwarmenMax = null)
    {
        var metingen = new List<double>[gelijktijdig];
        var fouten = new int[gelijktijdig];
        string? eerste = null;
        var klok = Stopwatch.StartNew();
        // Read by every worker, written once by the warm-up below: ticks of the stopwatch, long.MaxValue until known.
        long meetVanaf = long.MaxValue, stop = long.MaxValue;
        var taken = Enumerable.Range(0, gelijktijdig).Select(i => Task.Run(async () =>
        {
            var r = new Random(i);
            metingen[i] = new List<double>(4096);
            while (klok.ElapsedTicks < Volatile.Read(ref stop))
            {
                var begin = klok.ElapsedTicks;
                bool ok;
                string? fout;
                try
                {
                    (ok, fout) = await werk(i, r);
                }
                catch (Exception e)
                {
                    (ok, fout) = (false, e.GetType().Name + ": " + e.Message);
                }

                var duurMs = Stopwatch.GetElapsedTime(0, klok.ElapsedTicks - begin).TotalMilliseconds;
                if (denktijdMs > 0) await Task.Delay(TimeSpan.FromMilliseconds(denktijdMs * (0.5 + r.NextDouble())));
                if (begin < Volatile.Read(ref meetVanaf)) continue;
                metingen[i].Add(duurMs);
                if (!ok)
                {
                    fouten[i]++;
                    eerste ??= fout; // a benign race: any one of the first errors will do
                }
            }
        })).ToArray();

        await Task.Delay(opwarmen);
        var begin = jit is null ? null : await jit.StandAsync();
        // Settled means two quiet windows of 5 s in a row: a page's rarer paths (a case with a placement, a group, a DUO
        // message) are compiled when a user first meets them, so one quiet window alone happened early and the JIT came
        // back while measuring (run 24's case page: warmed 20 s, then 2.0 s of JIT in the 20 s measured).
        for (var (vorige, stil) = (begin?.Jit, 0); vorige is not null && klok.Elapsed + TimeSpan.FromSeconds(5) <= (opwarmenMax ?? opwarmen);)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            begin = await jit!.StandAsync();
            if (begin is not { Jit: var nu }) break;
            stil = nu - vorige < 0.1 ? stil + 1 : 0;
            if (stil == 2) break;
            vorige = nu;
        }

        var opgewarmd = klok.Elapsed;
        Volatile.Write(ref stop, klok.ElapsedTicks + (long)(duur.TotalSeconds * Stopwatch.Frequency));
        Volatile.Write(ref meetVanaf, klok.ElapsedTicks);
        await Task.WhenAll(taken);
        var eind = jit is null ? null : await jit.StandAsync();
        var alle = metingen.SelectMany(m => m).Order().ToArray();
        double P(double p) => alle.Length == 0 ? double.NaN : alle[Math.Min(alle.Length - 1, (int)Math.Ceiling(p * alle.Length) - 1)];
        return new Meting(naam, gelijktijdig, alle.Length, fouten.Sum(), P(0.5), P(0.99), alle.Length / duur.TotalSeconds, eerste,
            opgewarmd.TotalSeconds, eind?.Jit - begin?.Jit, eind?.GcPauze - begin?.GcPauze, Cpugebruik.Tussen(begin, eind));
    }

    /// <summary>
    /// A fixed amount of work instead of a fixed duration: <paramref name="gelijktijdig"/> workers take the next of
    /// <paramref name="totaal"/> items (worker index, item index) until none is left. Returns the latencies and the
    /// wall time; requests per second is items / wall time.
    /// </summary>
    internal static async Task<(Meting Meting, TimeSpan Wand)> MeetReeksAsync(string naam, int gelijktijdig, int totaal, Func<int, int, Task<(bool Ok, string? Fout)>> werk)
    {
        var metingen = new List<double>[gelijktijdig];
        var fouten = new int[gelijktijdig];
        string? eerste = null;
        var volgende = -1;
        var klok = Stopwatch.StartNew();
        var taken = Enumerable.Range(0, gelijktijdig).Select(i => Task.Run(async () =>
        {
            metingen[i] = [];
            int k;
            while ((k = Interlocked.Increment(ref volgende)) < totaal)
            {
                var begin = klok.Elapsed;
                bool ok;
                string? fout;
                try
                {
                    (ok, fout) = await werk(i, k);
                }
                catch (Exception e)
                {
                    (ok, fout) = (false, e.GetType().Name + ": " + e.Message);
                }

                metingen[i].Add((klok.Elapsed - begin).TotalMilliseconds);
                if (!ok)
                {
                    fouten[i]++;
                    eerste ??= fout;
                }
            }
        })).ToArray();
        await Task.WhenAll(taken);
        var wand = klok.Elapsed;
        var alle = metingen.SelectMany(m => m).Order().ToArray();
        double P(double p) => alle.Length == 0 ? double.NaN : alle[Math.Min(alle.Length - 1, (int)Math.Ceiling(p * alle.Length) - 1)];
        return (new Meting(naam, gelijktijdig, alle.Length, fouten.Sum(), P(0.5), P(0.99), alle.Length / wand.TotalSeconds, eerste), wand);
    }

    internal static void Druk(Meting a, Meting? s) =>
        Console.WriteLine($"  {a.Scenario,-32} n={a.Aantal,7} fouten={a.Fouten,4} p50={a.MedianMs,8:F1} ms p99={a.P99Ms,8:F1} ms {a.PerSeconde,8:F1}/s"
            + (a.OpwarmenS is { } o ? $" (opgewarmd {o:F0} s, JIT {a.JitS?.ToString("F2", CultureInfo.InvariantCulture) ?? "?"} s, GC {a.GcS?.ToString("F2", CultureInfo.InvariantCulture) ?? "?"} s"
                + (a.Cpu is { } u ? $", CPU Koers {u.KoersPct.ToString("F0", CultureInfo.InvariantCulture)} % rest {u.RestPct.ToString("F0", CultureInfo.InvariantCulture)} % gestolen {u.GestolenPct.ToString("F1", CultureInfo.InvariantCulture)} %" : string.Empty) + ")" : string.Empty)
            + (s is null ? string.Empty : $" | SQL p50={s.MedianMs:F1} p99={s.P99Ms:F1} {s.PerSeconde:F1}/s | ratio p50 {a.MedianMs / s.MedianMs:F1}x")
            + (a.Eerstefout is null ? string.Empty : $"  eerste fout: {a.Eerstefout}")
            + (s?.Eerstefout is null ? string.Empty : $"  eerste fout SQL ({s.Fouten}): {s.Eerstefout}"));

    private static string Markdown(List<(Meting App, Meting? Sql)> metingen, List<string> herberekening, List<Ketenlast.Bulkregel> bulk, int vus, TimeSpan duur, TimeSpan opwarmen, TimeSpan opwarmenMax)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(string.Format(c, "Run {0:yyyy-MM-dd HH:mm} UTC; {1} virtual users, {2} s measured per scenario after a warm-up of at least {3} s that goes on " +
            "until Koers's JIT compiled less than 0.1 s in each of two windows of 5 s in a row, at most {4} s (its length, the JIT's seconds and the garbage collector's pauses while measuring are three columns; " +
            "the last is the machine's CPU while measuring, as shares of all cores: Koers, the rest of the machine (PostgreSQL, the load client, anything else) and time stolen by the hypervisor, from /proc/stat); think time {5}.",
            DateTime.UtcNow, vus, duur.TotalSeconds, opwarmen.TotalSeconds, opwarmenMax.TotalSeconds, _denktijdMs > 0 ? $"0.5-1.5 x {_denktijdMs} ms" : "none (closed loop)"));
        sb.AppendLine();
        sb.AppendLine("| scenario | concurrency | requests | errors | p50 ms | p99 ms | req/s | bare SQL p50 ms | bare SQL p99 ms | SQL req/s | ratio p50 | ratio p99 | warm-up s | JIT s measuring | GC pauses s measuring | CPU % measuring: Koers / rest / stolen |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (a, s) in metingen)
        {
            var sql = s is null ? "– | – | – | – | – |"
                : string.Format(c, "{0:F1} | {1:F1} | {2:F1} | {3:F1}× | {4:F1}× |", s.MedianMs, s.P99Ms, s.PerSeconde, a.MedianMs / s.MedianMs, a.P99Ms / s.P99Ms);
            var jit = string.Format(c, " {0} | {1} | {2} | {3} |", a.OpwarmenS is { } o ? o.ToString("F0", c) : "–", a.JitS is { } j ? j.ToString("F2", c) : "–",
                a.GcS is { } g ? g.ToString("F2", c) : "–", a.Cpu is { } u ? string.Format(c, "{0:F0} / {1:F0} / {2:F1}", u.KoersPct, u.RestPct, u.GestolenPct) : "–");
            sb.AppendLine(string.Format(c, "| {0} | {1} | {2} | {3} | {4:F1} | {5:F1} | {6:F1} | ", a.Scenario, a.Gelijktijdig, a.Aantal, a.Fouten, a.MedianMs, a.P99Ms, a.PerSeconde) + sql + jit);
        }

        if (herberekening.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("| recomputation | status | wall time | server result |");
            sb.AppendLine("|---|---|---:|---|");
            foreach (var r in herberekening) sb.AppendLine(r);
        }

        if (bulk.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Partner CSV and DUO burst: a fixed amount of work after a warm-up; their requests above are uploads and notifications.");
            sb.AppendLine();
            sb.AppendLine("| bulk scenario | work | app rows/s | bare SQL rows/s | SQL/app | outcome |");
            sb.AppendLine("|---|---|---:|---:|---:|---|");
            foreach (var b in bulk)
            {
                sb.AppendLine(string.Format(c, "| {0} | {1} | {2:F0} | {3} | {4} | {5} |", b.Scenario, b.Omvang, b.AppPerSeconde,
                    b.SqlPerSeconde is { } s ? s.ToString("F0", c) : "–", b.SqlPerSeconde is { } t ? (t / b.AppPerSeconde).ToString("F1", c) + "×" : "–", b.Toelichting));
            }
        }

        return sb.ToString();
    }
}

/// <summary>
/// The bare SQL doing the same work as the application, hand-written against the same tables, for the overhead ratio.
/// The worklist and case page are the same queries the app runs (access check included); the monitor is a
/// representative subset (inflow, PIPs and routes, deadlines) since the dashboard runs many aggregate queries.
/// </summary>
/// <summary>The auditor of the audit scenario: token, region, and cases, accounts and days to search for.</summary>
public sealed record Auditlast(string Token, int Regio, int[] Gemeenten, Guid[] Dossiers, string[] Gebruikers, DateOnly Vandaag, long MinId, long MaxId)
{
    /// <summary>A page cursor somewhere in the log (rows with a lower Id follow).</summary>
    public long Cursor(Random r) => MinId + (long)(r.NextDouble() * (MaxId - MinId));

    public Guid Dossier(Random r) => Dossiers[r.Next(Dossiers.Length)];
    public string Gebruiker(Random r) => Gebruikers[r.Next(Gebruikers.Length)];
    public DateOnly Dag(Random r) => Vandaag.AddDays(-r.Next(1, 365));

    public static async Task<Auditlast> VoorbereidenAsync(HttpClient http, NpgsqlDataSource bron, DateOnly vandaag)
    {
        var token = await Lastclient.TokenAsync(http, "auditor@bench.example", Totp.Code(Generator.AuditorTotpSleutel, DateTimeOffset.UtcNow));
        int regio;
        await using (var cmd = bron.CreateCommand("""SELECT g."RegioId" FROM "AspNetUsers" u JOIN gemeente g ON g."Id" = u."GemeenteId" WHERE u."Email" = 'auditor@bench.example'"""))
        {
            regio = (int)(await cmd.ExecuteScalarAsync())!;
        }

        var gemeenten = new List<int>();
        await using (var cmd = bron.CreateCommand("""SELECT "Id" FROM gemeente WHERE "RegioId" = $1"""))
        {
            cmd.Parameters.AddWithValue(regio);
            await using var rd = await cmd.ExecuteReaderAsync();
            while (await rd.ReadAsync()) gemeenten.Add(rd.GetInt32(0));
        }

        var dossiers = new List<Guid>();
        await using (var cmd = bron.CreateCommand("""SELECT "Id" FROM inburgeraar WHERE "GemeenteId" = ANY($1) ORDER BY "Id" LIMIT 5000"""))
        {
            cmd.Parameters.AddWithValue(gemeenten.ToArray());
            await using var rd = await cmd.ExecuteReaderAsync();
            while (await rd.ReadAsync()) dossiers.Add(rd.GetGuid(0));
        }

        var gebruikers = new List<string>();
        await using (var cmd = bron.CreateCommand("""SELECT "Email" FROM medewerker WHERE "GemeenteId" = ANY($1) ORDER BY "Id" """))
        {
            cmd.Parameters.AddWithValue(gemeenten.ToArray());
            await using var rd = await cmd.ExecuteReaderAsync();
            while (await rd.ReadAsync()) gebruikers.Add(rd.GetString(0));
        }

        long rijen;
        await using (var cmd = bron.CreateCommand("SELECT reltuples::bigint FROM pg_class WHERE relname = 'audit'"))
        {
            rijen = Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        long minId, maxId;
        await using (var cmd = bron.CreateCommand("""SELECT COALESCE(min("Id"), 0), COALESCE(max("Id"), 0) FROM audit"""))
        await using (var rd = await cmd.ExecuteReaderAsync())
        {
            await rd.ReadAsync();
            (minId, maxId) = (rd.GetInt64(0), rd.GetInt64(1));
        }

        Console.WriteLine($"  auditor: regio {regio}, {gemeenten.Count} gemeenten, {dossiers.Count} dossiers, {gebruikers.Count} accounts; auditlog ~{rijen:N0} regels (schatting)");
        return new Auditlast(token, regio, [.. gemeenten], [.. dossiers], [.. gebruikers], vandaag, minId, maxId);
    }
}

public static class BareSql
{
    /// <summary>
    /// The auditor's search as Koers does it (AuditQuery): what the region may see, the filter, a capped count, one page of
    /// the newest rows (one more than the page, to know whether there is a next page; older than the cursor <paramref
    /// name="na"/> when given), and the audit row Koers writes for the search itself.
    /// </summary>
    public static async Task AuditAsync(NpgsqlDataSource bron, Auditlast a, Guid? dossier = null, string? gebruiker = null, DateOnly? dag = null, int max = 500, long? na = null)
    {
        await using var conn = await bron.OpenConnectionAsync();
        // One statement per kind of search (not one with optional parameters), so each gets its own plan, as EF's do.
        var filter = dossier is not null ? """a."InburgeraarId" = $3""" : gebruiker is not null ? """a."Gebruiker" = $3""" : """a."Op" >= $3 AND a."Op" < $3 + interval '1 day'""";
        var zichtbaar = $"""
            FROM audit a WHERE (a."RegioId" = $1 OR (a."InburgeraarId" IS NOT NULL AND EXISTS (SELECT 1 FROM inburgeraar i WHERE i."Id" = a."InburgeraarId" AND i."GemeenteId" = ANY($2)))
                OR (a."RegioId" IS NULL AND a."InburgeraarId" IS NULL)) AND {filter}
            """;
        await using var batch = new NpgsqlBatch(conn);
        // The capped count (Koers: AuditQuery.Telgrens + 1) and the page with the columns Koers reads, as two statements of
        // one batch (Koers sends them as two round trips); both use the same indexes as Koers's (the region test from the
        // covering indexes of migration AuditZoekIndexen).
        var tel = new NpgsqlBatchCommand($"""SELECT count(*)::int FROM (SELECT 1 {zichtbaar} LIMIT 10001) t""");
        var zoek = new NpgsqlBatchCommand($"""
            SELECT a."Id", a."Op", a."Gebruiker", a."Rol", a."Organisatie", a."IpAdres", a."Actie", a."Resultaat", a."Doel", a."InburgeraarId", a."Omschrijving", a."Volgnummer"
            {zichtbaar} {(na is null ? "" : """AND a."Id" < $5""")} ORDER BY a."Id" DESC LIMIT $4
            """);
        foreach (var c in new[] { tel, zoek })
        {
            c.Parameters.Add(new() { Value = a.Regio });
            c.Parameters.Add(new() { Value = a.Gemeenten });
            if (dossier is { } id) c.Parameters.Add(new() { Value = id });
            else if (gebruiker is not null) c.Parameters.Add(new() { Value = gebruiker });
            else c.Parameters.Add(new() { Value = dag!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) });
        }

        zoek.Parameters.Add(new() { Value = max + 1 });
        if (na is { } cursor) zoek.Parameters.Add(new() { Value = cursor });
        batch.BatchCommands.Add(tel);
        batch.BatchCommands.Add(zoek);
        // Koers audits the search itself (one row, purpose 'audit', about the case when the search was by case).
        batch.BatchCommands.Add(new("""INSERT INTO audit ("Op", "Gebruiker", "Actie", "InburgeraarId", "Omschrijving", "Doel", "RegioId") VALUES (now(), 'auditor@bench.example', 'Inzien', $1, 'bench: bare SQL', 'audit', $2)""")
        {
            Parameters = { new() { Value = (object?)dossier ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid }, new() { Value = a.Regio } },
        });
        await Lees(batch);
    }

    public static async Task WerkvoorraadAsync(NpgsqlDataSource bron, int medewerker, DateOnly vandaag, bool alleenEigen = true)
    {
        await using var conn = await bron.OpenConnectionAsync();
        // Access: the user's municipalities (own, or the region when it shares cases), then counts and the first page.
        await using var cmd = new NpgsqlCommand("""
            WITH bereik AS (
                SELECT g2."Id" FROM medewerker m JOIN gemeente g ON g."Id" = m."GemeenteId" JOIN regio r ON r."Id" = g."RegioId"
                JOIN gemeente g2 ON g2."Id" = g."Id" OR (r."DeeltDossiers" AND g2."RegioId" = r."Id") WHERE m."Id" = $1),
            basis AS (
                SELECT t."InburgeraarId", t."Code", t."Soort", t."Vervaldatum", i."Achternaam", i."Voornamen", i."Fase", i."GemeenteId", i."KlantregisseurId"
                FROM termijn t JOIN inburgeraar i ON i."Id" = t."InburgeraarId"
                WHERE t."Toepasselijk" AND t."VoldaanOp" IS NULL AND t."Vervaldatum" <= $2 AND (t."Soort" = 'Uiterlijk' OR t."Vervaldatum" >= $3)
                  AND (i."KlantregisseurId" = $1 OR NOT $4) AND i."GemeenteId" IN (SELECT "Id" FROM bereik))
            SELECT (SELECT count(*) FROM basis WHERE "Vervaldatum" < $3), (SELECT count(*) FROM basis WHERE "Vervaldatum" >= $3), NULL, NULL, NULL, NULL
            UNION ALL
            SELECT * FROM (SELECT NULL::bigint, NULL::bigint, b."InburgeraarId"::text, g."Naam", k."Naam", b."Vervaldatum"::text FROM basis b
                JOIN gemeente g ON g."Id" = b."GemeenteId" LEFT JOIN medewerker k ON k."Id" = b."KlantregisseurId"
                ORDER BY b."Vervaldatum", b."Achternaam", b."InburgeraarId" LIMIT 100) p
            """, conn);
        cmd.Parameters.AddWithValue(medewerker);
        cmd.Parameters.AddWithValue(vandaag.AddDays(14));
        cmd.Parameters.AddWithValue(vandaag);
        cmd.Parameters.AddWithValue(alleenEigen);
        await Lees(cmd);
    }

    /// <summary>
    /// What Koers keeps of a user between requests (its Bereikcache, 60 s): the municipalities whose cases the user may
    /// open, and the organisation and region its audit rows carry. Read once per user here too.
    /// </summary>
    private sealed record Bereik(int[] Gemeenten, string Organisatie, int Regio);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Bereik> Bereiken = new();

    private static async Task<Bereik> BereikAsync(NpgsqlConnection conn, string gebruiker)
    {
        if (Bereiken.TryGetValue(gebruiker, out var bekend)) return bekend;
        await using var cmd = new NpgsqlCommand("""
            SELECT array_agg(g2."Id"), min('Gemeente ' || g."Naam"), min(r."Id") FROM medewerker m JOIN gemeente g ON g."Id" = m."GemeenteId"
            JOIN regio r ON r."Id" = g."RegioId" JOIN gemeente g2 ON g2."Id" = g."Id" OR (r."DeeltDossiers" AND g2."RegioId" = r."Id") WHERE m."Email" = $1
            """, conn);
        cmd.Parameters.AddWithValue(gebruiker);
        await using var rd = await cmd.ExecuteReaderAsync();
        await rd.ReadAsync();
        var bereik = new Bereik(rd.GetFieldValue<int[]>(0), rd.GetString(1), rd.GetInt32(2));
        return Bereiken[gebruiker] = bereik;
    }

    /// <summary>
    /// The case as the case page and the case API read it, in one statement: within the user's reach, with municipality,
    /// klantregisseur and team, milestones and family. Returns the blind index of the BSN (the DUO part needs it).
    /// </summary>
    private static async Task<string?> DossierMetAuditAsync(NpgsqlConnection conn, Guid id, string gebruiker, string omschrijving)
    {
        var bsnIndex = await DossierAsync(conn, id, gebruiker);

        // The read is audited: one row with the same columns Koers fills (its hash chain is sealed later, in the background).
        await using var audit = new NpgsqlCommand(AuditInsert, conn);
        audit.Parameters.AddRange(AuditParameters(gebruiker, id, omschrijving));
        await audit.PrepareAsync();
        await Lees(audit);
        return bsnIndex;
    }

    /// <summary>The parameters of <see cref="AuditInsert"/> for a read by this user (whose reach was loaded).</summary>
    private static NpgsqlParameter[] AuditParameters(string gebruiker, Guid id, string omschrijving)
    {
        var bereik = Bereiken[gebruiker];
        return [.. ((object[])[gebruiker, id, omschrijving, bereik.Organisatie, bereik.Regio]).Select(w => new NpgsqlParameter { Value = w })];
    }

    private const string AuditInsert = """
        INSERT INTO audit ("Actie", "Doel", "Gebruiker", "InburgeraarId", "IpAdres", "Omschrijving", "Op", "Organisatie", "RegioId", "Resultaat", "Rol")
        VALUES ('Inzien', 'dossierbehandeling', $1, $2, '127.0.0.1', $3, now(), $4, $5, 'Toegestaan', 'Klantregisseur') RETURNING "Id"
        """;

    /// <summary>The case read of <see cref="DossierMetAuditAsync"/> without its audit row.</summary>
    private static async Task<string?> DossierAsync(NpgsqlConnection conn, Guid id, string gebruiker)
    {
        var bereik = await BereikAsync(conn, gebruiker);
        string? bsnIndex = null;
        await using (var cmd = new NpgsqlCommand("""
            SELECT * FROM (
                SELECT i."Id" AS dossier, i.*, g.*, m."Id" AS kr_id, m."Naam" AS kr, t."Id" AS team_id, t."Naam" AS team FROM inburgeraar i JOIN gemeente g ON g."Id" = i."GemeenteId"
                LEFT JOIN medewerker m ON m."Id" = i."KlantregisseurId" LEFT JOIN team t ON t."Id" = m."TeamId"
                WHERE i."GemeenteId" = ANY ($1) AND i."Id" = $2 LIMIT 1) s
            LEFT JOIN mijlpaal m0 ON m0."InburgeraarId" = s.dossier LEFT JOIN gezinslid g0 ON g0."InburgeraarId" = s.dossier
            """, conn))
        {
            cmd.Parameters.AddWithValue(bereik.Gemeenten);
            cmd.Parameters.AddWithValue(id);
            // Prepared, as Koers's statements are (Max Auto Prepare): parsed and planned once per connection.
            await cmd.PrepareAsync();
            await using var rd = await cmd.ExecuteReaderAsync();
            var kolom = -1;
            while (await rd.ReadAsync())
            {
                if (kolom < 0) kolom = rd.GetOrdinal("BsnIndex");
                bsnIndex ??= rd.IsDBNull(kolom) ? null : rd.GetString(kolom);
            }
        }

        return bsnIndex;
    }

    /// <summary>The case API (<c>GET /api/v1/inburgeraars/{id}</c>): the case in one statement and its audit row, one after another.</summary>
    public static async Task DossierApiAsync(NpgsqlDataSource bron, Guid id, string gebruiker)
    {
        await using var conn = await bron.OpenConnectionAsync();
        await DossierMetAuditAsync(conn, id, gebruiker, "bench: bare SQL dossier-API");
    }

    /// <summary>
    /// The case page (<c>GET /inburgeraars/{id}</c>): every statement the page runs (its statement log, 5 December 2026),
    /// one after another on one connection: the case and its audit row, the history, and what each part reads
    /// (participatieladder, welzijn, placements, logistics, messages, sociale kaart with its own audit row, casusoverleg,
    /// groups and waiting lists, DUO, BRP, zaaksysteem), and at the end the two audit rows (the case's and the sociale
    /// kaart's) in one batch, as Koers saves them together before it renders (6 December 2026: 19 round trips became 18).
    /// The user's reach and the municipality's deadline alerts and
    /// logistics settings are kept between requests by Koers (Bereikcache, Instellingencache), so the reach is read once
    /// per user here (see BereikAsync) and the settings not at all (the deadline alerts were read per page until the
    /// worklist's settings cache was merged, 5 December 2026: 20 statements became 19).
    /// </summary>
    public static async Task DossierpaginaAsync(NpgsqlDataSource bron, Guid id, string gebruiker)
    {
        await using var conn = await bron.OpenConnectionAsync();
        var bsnIndex = await DossierAsync(conn, id, gebruiker);
        var bereik = Bereiken[gebruiker];
        string[] perDossier =
        [
            """SELECT * FROM mijlpaal_wijziging WHERE "InburgeraarId" = $1 ORDER BY "Id" DESC LIMIT 100""",
            """SELECT * FROM termijn_wijziging WHERE "InburgeraarId" = $1 ORDER BY "Id" DESC LIMIT 100""",
            """SELECT * FROM ladderscore WHERE "InburgeraarId" = $1 ORDER BY "Datum" DESC, "VastgelegdOp" DESC LIMIT 2""",
            """
            SELECT (SELECT count(*) FROM zorgverwijzing WHERE "InburgeraarId" = $1 AND "Status" IN ('Aangemeld', 'ZorgGestart')),
                (SELECT max("Datum") FROM welzijnsscreening WHERE "InburgeraarId" = $1),
                (SELECT max("Datum") FROM voortgangsgesprek WHERE "InburgeraarId" = $1 AND "Status" = 'Gehouden'),
                EXISTS (SELECT 1 FROM welzijnsscreening w WHERE w."InburgeraarId" = $1 AND w."Signaal" = 'Ja'
                    AND NOT EXISTS (SELECT 1 FROM welzijnsscreening l WHERE l."InburgeraarId" = $1 AND l."Datum" > w."Datum"))
            """,
            """SELECT * FROM plaatsing p LEFT JOIN werkgever w ON w."Id" = p."WerkgeverId" LEFT JOIN plaatsingsevaluatie e ON e."PlaatsingId" = p."Id" WHERE p."InburgeraarId" = $1 AND p."Uitkomst" IS NULL""",
            """SELECT * FROM reisprofiel WHERE "InburgeraarId" = $1 LIMIT 1""",
            """SELECT * FROM vervoersvoorziening WHERE "InburgeraarId" = $1""",
            """SELECT * FROM bericht WHERE "InburgeraarId" = $1 AND NOT "VanKlantregisseur" ORDER BY "Id" DESC LIMIT 50""",
            """SELECT * FROM sociale_kaart_koppeling k JOIN sociale_kaart_item s ON s."Id" = k."KaartitemId" WHERE k."InburgeraarId" = $1 ORDER BY k."Datum" DESC""",
            """SELECT * FROM casusbespreking b JOIN casusoverleg o ON o."Id" = b."CasusoverlegId" WHERE b."InburgeraarId" = $1""",
            """
            SELECT * FROM groepsdeelname d JOIN groepsaanbod a ON a."Id" = d."GroepsaanbodId" LEFT JOIN medewerker m ON m."Id" = a."OrganisatorMedewerkerId"
            LEFT JOIN partnerorganisatie p ON p."Id" = a."OrganisatorPartnerId" WHERE d."InburgeraarId" = $1
            """,
            """
            SELECT w."GroepsaanbodId", a."Naam", w."Sinds", (SELECT count(*) FROM groepswachtplaats x WHERE x."GroepsaanbodId" = w."GroepsaanbodId" AND x."Volgnummer" < w."Volgnummer")
            FROM groepswachtplaats w JOIN groepsaanbod a ON a."Id" = w."GroepsaanbodId" WHERE w."InburgeraarId" = $1
            """,
            """SELECT * FROM duo_uitgaand_bericht WHERE "InburgeraarId" = $1 ORDER BY "AangemaaktOp" DESC LIMIT 50""",
            """SELECT * FROM duo_notificatie WHERE "InburgeraarId" = $1 OR "Persoonssleutel" = ANY ($6) ORDER BY "RegistratieDatumTijd" DESC LIMIT 50""",
            """SELECT * FROM brp_signaal WHERE "InburgeraarId" = $1 AND "AfgehandeldOp" IS NULL ORDER BY "GevondenOp" """,
            """SELECT * FROM zgw_zaak WHERE "InburgeraarId" = $1 LIMIT 1""",
        ];
        string[] sleutels = bsnIndex is null ? [] : [bsnIndex];
        foreach (var sql in perDossier)
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            // Positional parameters: only those a statement uses ($1 … $6) are sent, the unused tail is left off.
            object[] waarden = [id, bereik.Gemeenten, gebruiker, bereik.Organisatie, bereik.Regio, sleutels];
            var hoogste = Enumerable.Range(1, waarden.Length).LastOrDefault(n => sql.Contains($"${n}", StringComparison.Ordinal));
            for (var n = 0; n < hoogste; n++) cmd.Parameters.Add(new NpgsqlParameter { Value = waarden[n] });
            await cmd.PrepareAsync();
            await Lees(cmd);
        }

        // The page's two audit rows, one round trip.
        await using var batch = new NpgsqlBatch(conn);
        foreach (var omschrijving in (string[])["bench: bare SQL dossierpagina", "bench: bare SQL sociale kaart"])
        {
            var c = new NpgsqlBatchCommand(AuditInsert);
            c.Parameters.AddRange(AuditParameters(gebruiker, id, omschrijving));
            batch.BatchCommands.Add(c);
        }

        await batch.PrepareAsync();
        await Lees(batch);
    }

    public static async Task MonitorAsync(NpgsqlDataSource bron, string? gemeente, int jaar)
    {
        await using var conn = await bron.OpenConnectionAsync();
        var filter = gemeente is null ? "TRUE" : """g."Code" = $3""";
        await using var batch = new NpgsqlBatch(conn);
        string[] sqls =
        [
            $"""SELECT i."Doelgroep", count(*) FROM inburgeraar i JOIN gemeente g ON g."Id" = i."GemeenteId" JOIN mijlpaal m ON m."InburgeraarId" = i."Id" AND m."Soort" = 'BrpInschrijving' WHERE m."Datum" BETWEEN $1 AND $2 AND {filter} GROUP BY 1""",
            $"""SELECT p."Leerroute", count(*), sum(CASE WHEN p."TeLaat" THEN 1 ELSE 0 END) FROM pip_versie p JOIN inburgeraar i ON i."Id" = p."InburgeraarId" JOIN gemeente g ON g."Id" = i."GemeenteId" WHERE p."Dagtekening" BETWEEN $1 AND $2 AND {filter} GROUP BY 1""",
            $"""SELECT i."Fase", count(*) FROM inburgeraar i JOIN gemeente g ON g."Id" = i."GemeenteId" WHERE {filter} GROUP BY 1""",
            $"""SELECT width_bucket(l."Score", 0, 50, 10), count(*) FROM leerbaarheidstoets l JOIN inburgeraar i ON i."Id" = l."InburgeraarId" JOIN gemeente g ON g."Id" = i."GemeenteId" WHERE l."Afgenomen" BETWEEN $1 AND $2 AND {filter} GROUP BY 1""",
        ];
        foreach (var sql in sqls)
        {
            var c = new NpgsqlBatchCommand(sql);
            c.Parameters.Add(new() { Value = new DateOnly(jaar, 1, 1) });
            c.Parameters.Add(new() { Value = new DateOnly(jaar, 12, 31) });
            if (gemeente is not null) c.Parameters.Add(new() { Value = gemeente });
            batch.BatchCommands.Add(c);
        }

        await Lees(batch);
    }

    /// <summary>Reads every result of a batch to the end (what a client does with the rows is not measured).</summary>
    private static async Task Lees(NpgsqlBatch batch)
    {
        await using var rd = await batch.ExecuteReaderAsync();
        do
        {
            while (await rd.ReadAsync())
            {
            }
        }
        while (await rd.NextResultAsync());
    }

    private static async Task Lees(NpgsqlCommand cmd)
    {
        await using var rd = await cmd.ExecuteReaderAsync();
        while (await rd.ReadAsync())
        {
        }
    }
}

/// <summary>RFC 6238 time-based one-time password (HMAC-SHA1, 30 s, 6 digits), as authenticator apps and ASP.NET Core Identity compute it.</summary>
internal static class Totp
{
    public static string Code(string base32, DateTimeOffset tijd)
    {
        var sleutel = Base32(base32);
        var stap = tijd.ToUnixTimeSeconds() / 30;
        var teller = BitConverter.GetBytes(System.Net.IPAddress.HostToNetworkOrder(stap));
#pragma warning disable CA5350 // RFC 6238 defines TOTP with HMAC-SHA1; authenticator apps and Identity use exactly that
        var hash = System.Security.Cryptography.HMACSHA1.HashData(sleutel, teller);
#pragma warning restore CA5350
        var o = hash[^1] & 0x0f;
        var getal = ((hash[o] & 0x7f) << 24) | (hash[o + 1] << 16) | (hash[o + 2] << 8) | hash[o + 3];
        return (getal % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string tekst)
    {
        const string Alfabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var waarde = 0;
        var uit = new List<byte>();
        foreach (var c in tekst.TrimEnd('=').ToUpperInvariant())
        {
            waarde = (waarde << 5) | Alfabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                uit.Add((byte)(waarde >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. uit];
    }
}

/// <summary>
/// Koers's JIT compilation time and garbage-collection pauses so far, from the runtime's own counters on its Prometheus
/// endpoint (<c>dotnet_jit_compilation_time_seconds_total</c>, <c>dotnet_gc_pause_time_seconds_total</c>, the
/// System.Runtime meter Koers exports): how the load client tells a server that still compiles its hot code from one that
/// has settled, and whether a slow row had Koers stopped by its collector. Null when /metrics does not answer (another
/// port, or an older Koers): the warm-up is then the fixed one.
/// </summary>
public sealed class Jitmeter(HttpClient http)
{
    private const string Jit = "dotnet_jit_compilation_time_seconds_total";
    private const string GcPauze = "dotnet_gc_pause_time_seconds_total";

    private const string Cpu = "dotnet_process_cpu_time_seconds_total";

    /// <summary>
    /// The counters from one scrape, with the machine's CPU ticks read at the same moment (the load client runs on Koers's
    /// machine); null when there is no JIT counter to read.
    /// </summary>
    public async Task<Meterstand?> StandAsync()
    {
        try
        {
            using var antwoord = await http.GetAsync("/metrics");
            if (!antwoord.IsSuccessStatusCode) return null;
            var machine = Cpugebruik.Machine();
            double? jit = null, pauze = null, cpu = null;
            foreach (var regel in (await antwoord.Content.ReadAsStringAsync()).Split('\n'))
            {
                if (regel.StartsWith(Jit, StringComparison.Ordinal)) jit = Waarde(regel);
                else if (regel.StartsWith(GcPauze, StringComparison.Ordinal)) pauze = Waarde(regel);
                // One line per cpu_mode (user, system): Koers's CPU is their sum.
                else if (regel.StartsWith(Cpu, StringComparison.Ordinal) && Waarde(regel) is { } t) cpu = (cpu ?? 0) + t;
            }

            return jit is { } j ? new Meterstand(j, pauze, cpu, machine) : null;
        }
        catch (HttpRequestException)
        {
        }

        return null;
    }

    private static double? Waarde(string regel) =>
        double.TryParse(regel[(regel.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : null;
}

/// <summary>One scrape of Koers's counters (seconds since its start) and the machine's CPU ticks at that moment.</summary>
public sealed record Meterstand(double Jit, double? GcPauze, double? KoersCpuS, Cpugebruik.Ticks? Machine);

/// <summary>
/// Who had the machine's cores while a scenario was measured, as shares of all cores: Koers (its own CPU counter), the
/// rest of the machine (busy time that was not Koers's: PostgreSQL, the load client, anything else) and the time the
/// hypervisor gave to other guests (steal). A row with a slow tail and a large rest or steal share had its cores taken;
/// one with a large Koers share was Koers's own doing.
/// </summary>
public sealed record Cpugebruik(double KoersPct, double RestPct, double GestolenPct)
{
    /// <summary>The first line of /proc/stat, in clock ticks: all, busy (not idle, not waiting for I/O), stolen.</summary>
    public sealed record Ticks(long Totaal, long Bezig, long Gestolen);

    /// <summary>Null where there is no /proc/stat (not Linux).</summary>
    public static Ticks? Machine()
    {
        try
        {
            return Lees(File.ReadLines("/proc/stat").First());
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Parses <c>cpu user nice system idle iowait irq softirq steal guest guest_nice</c>. Guest time is already counted
    /// in user and nice, so the total is the first eight fields.
    /// </summary>
    public static Ticks? Lees(string regel)
    {
        var velden = regel.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (velden.Length < 9 || velden[0] != "cpu") return null;
        var w = velden.Skip(1).Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var totaal = w.Sum();
        return new Ticks(totaal, totaal - w[3] - w[4], w[7]);
    }

    /// <summary>The shares between two scrapes; null when either lacks the machine's ticks or Koers's CPU. Ticks are 1/100 s (USER_HZ).</summary>
    public static Cpugebruik? Tussen(Meterstand? begin, Meterstand? eind, double ticksPerSeconde = 100)
    {
        if (begin is not { Machine: { } m0, KoersCpuS: { } k0 } || eind is not { Machine: { } m1, KoersCpuS: { } k1 }) return null;
        double totaal = m1.Totaal - m0.Totaal;
        if (totaal <= 0) return null;
        var koers = Math.Max(0, (k1 - k0) * ticksPerSeconde);
        var gestolen = m1.Gestolen - m0.Gestolen;
        var rest = Math.Max(0, m1.Bezig - m0.Bezig - gestolen - koers);
        return new Cpugebruik(100 * koers / totaal, 100 * rest / totaal, 100 * gestolen / totaal);
    }
}

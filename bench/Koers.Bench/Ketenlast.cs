using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Koers.Data.Versleuteling;
using Npgsql;
using NpgsqlTypes;

namespace Koers.Bench;

/// <summary>
/// The two bulk scenarios of issue #10 that are not request/response screens: a chain partner uploading a
/// 10,000-row attendance CSV (<c>POST /api/v1/partner/uren/csv</c>) and a burst of DUO notifications
/// (<c>POST /api/v1/duo/notificaties</c>) followed by the time the inbox needs to process them (the drain).
/// Both run a fixed amount of work (not a fixed duration): one upload takes seconds, and a burst is a number of
/// messages. Each has its bare-SQL counterpart for the overhead ratio.
/// </summary>
public static class Ketenlast
{
    public sealed record Bulkregel(string Scenario, string Omvang, double AppPerSeconde, double? SqlPerSeconde, string Toelichting, bool Mislukt = false);

    private sealed record Partner(int Id, string Email, string Token, Geval[] Gevallen);

    private sealed record Geval(Guid Id, string? Bsn, string? VNummer);

    private static readonly string[] Soorten = ["taal", "knm", "participatie", "map_theorie", "map_praktijk", "pvt"];
    private static readonly string[] SoortenOpgeslagen = ["Taal", "Knm", "Participatie", "MapTheorie", "MapPraktijk", "Pvt"];

    // ---------------------------------------------------------------- partner CSV

    /// <summary>
    /// The retry time of the bare SQL's outbox messages: the same rows as the app's, but the Koers under test must not send
    /// them. Until 7 December 2026 they were written as due, and Koers sent the baseline's messages in the background of the
    /// scenarios after it (those of cases without BSN went to <c>personen//uren/…</c>, which the simulator does not know,
    /// and DuoClient followed the redirect to the login page fifty times per message). Deleted when the CSV scenario ends.
    /// </summary>
    private static readonly DateTime NooitVerzenden = new(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Waits until Koers has sent every due outbox message (the DUO messages of the uploads before), at most two minutes,
    /// so a measured phase does not share Koers and PostgreSQL with that background work.
    /// </summary>
    private static async Task UitgaandVerzondenAsync(NpgsqlDataSource bron)
    {
        var sw = Stopwatch.StartNew();
        long wachtend;
        do
        {
            await using var cmd = bron.CreateCommand("""
                SELECT count(*) FROM duo_uitgaand_bericht WHERE "Status" = 'Wachtend' AND ("VolgendePogingOp" IS NULL OR "VolgendePogingOp" <= now())
                """);
            wachtend = (long)(await cmd.ExecuteScalarAsync())!;
            if (wachtend == 0) break;
            await Task.Delay(250);
        }
        while (sw.Elapsed < TimeSpan.FromMinutes(2));

        if (sw.Elapsed > TimeSpan.FromSeconds(1) || wachtend > 0)
        {
            Console.WriteLine(wachtend == 0
                ? $"  DUO-outbox van Koers verzonden na {sw.Elapsed.TotalSeconds:F1} s wachten"
                : $"  DUO-outbox: na {sw.Elapsed.TotalSeconds:F0} s nog {wachtend} berichten te verzenden; toch verder");
        }
    }

    /// <summary>
    /// <paramref name="gebruikers"/> taalschools at once, each uploading <paramref name="uploads"/> files of
    /// <paramref name="regels"/> rows (after one unmeasured warm-up upload). "wijzigend": every upload changes the
    /// hours of every row (real writes); "herhaald": the same file again (the idempotent path, nothing written).
    /// </summary>
    public static async Task<List<(Lastclient.Meting App, Lastclient.Meting? Sql, Bulkregel Bulk)>> CsvAsync(
        HttpClient http, NpgsqlDataSource bron, BsnBescherming bescherming, int gebruikers, int regels, int uploads, DateOnly vandaag)
    {
        var uit = new List<(Lastclient.Meting, Lastclient.Meting?, Bulkregel)>();
        var partners = await PartnersAsync(http, bron, bescherming, gebruikers);
        if (partners.Count == 0)
        {
            Console.WriteLine("  partner CSV: geen taalschool met machtigingen gevonden (genereer de data opnieuw met deze versie van de generator)");
            return uit;
        }

        await Cpu.ZoekAsync(bron, http.BaseAddress!);
        var maandag = vandaag.AddDays(-(((int)vandaag.DayOfWeek + 6) % 7)).AddDays(-7);
        var bestanden = partners.Select(p => Rijen(p, regels, maandag)).ToArray();
        Console.WriteLine($"  partner CSV: {partners.Count} taalscholen, {string.Join(", ", bestanden.Select((b, i) => $"{partners[i].Gevallen.Length} dossiers / {b.Count} regels"))}");

        // Upload number n of partner i writes hours (n + row) % 9 + 4, so every upload differs from the previous one in
        // every row. The app and the bare SQL share the counter: "herhaald" then sends exactly what is stored.
        var teller = new int[partners.Count];
        foreach (var (naam, wijzigend) in new[] { ("partner CSV wijzigend", true), ("partner CSV herhaald", false) })
        {
            var telling = new Telling();
            Task<(bool, string?)> App(int i) =>
                UploadAsync(http, partners[i], Csv(bestanden[i], wijzigend ? Interlocked.Increment(ref teller[i]) : teller[i]), telling);

            // Warm-up (not measured): one upload each.
            await Task.WhenAll(partners.Select((_, i) => App(i)));
            telling.Leeg();
            await UitgaandVerzondenAsync(bron);
            var cpu0 = Cpu.Nu();
            var (app, wand) = await Lastclient.MeetReeksAsync(naam, partners.Count, partners.Count * uploads, (i, _) => App(i));
            var cpuApp = Cpu.Nu() - cpu0;
            var rijen = telling.Toegevoegd + telling.Bijgewerkt + telling.Ongewijzigd + telling.Fouten;

            // Bare SQL: the same work as the app (BareUpsertAsync); one transaction per file. After Koers has sent the
            // messages of the app's uploads, so the bare SQL does not share PostgreSQL with that.
            await UitgaandVerzondenAsync(bron);
            var sqlRijen = 0L;
            var (sql, sqlWand) = await Lastclient.MeetReeksAsync(naam + " (SQL)", partners.Count, partners.Count * uploads, async (i, _) =>
            {
                await BareUpsertAsync(bron, bescherming, partners[i], bestanden[i], wijzigend ? Interlocked.Increment(ref teller[i]) : teller[i], vandaag);
                Interlocked.Add(ref sqlRijen, bestanden[i].Count);
                return (true, null);
            });
            var cpuSql = Cpu.Nu() - cpu0 - cpuApp;
            Lastclient.Druk(app, sql);
            var aantal = partners.Count * uploads;
            var cpu = Cpu.Bekend
                ? $"; CPU per upload: app Koers {cpuApp.KoersMs / aantal:F0} ms + PostgreSQL {cpuApp.PostgresMs / aantal:F0} ms, bare SQL PostgreSQL {cpuSql.PostgresMs / aantal:F0} ms"
                : string.Empty;
            Console.WriteLine($"  {naam}{cpu}");
            uit.Add((app, sql, new Bulkregel(naam, $"{partners.Count} partners × {uploads} uploads of {bestanden.Max(b => b.Count):N0} rows",
                rijen / wand.TotalSeconds, sqlRijen / sqlWand.TotalSeconds,
                $"app: {telling.Toegevoegd:N0} added, {telling.Bijgewerkt:N0} updated, {telling.Ongewijzigd:N0} unchanged, {telling.Fouten:N0} refused rows{cpu}")));
        }

        await using (var opruimen = bron.CreateCommand("""DELETE FROM duo_uitgaand_bericht WHERE "VolgendePogingOp" = $1"""))
        {
            opruimen.Parameters.AddWithValue(NooitVerzenden);
            await opruimen.ExecuteNonQueryAsync();
        }

        return uit;
    }

    /// <summary>
    /// CPU time (ms) of Koers and of PostgreSQL (postmaster, its finished and its live backends) from /proc: the cost per
    /// upload apart from the wall time, which on a shared machine follows the load of others. Koers is the process running
    /// Koers.Web.dll with the benchmark's URL in its environment; PostgreSQL the parent of this client's backend. Both only
    /// when they run on this machine (otherwise no CPU figures).
    /// </summary>
    private readonly record struct Cpu(double KoersMs, double PostgresMs)
    {
        private static int? Koers, Postgres;

        public static bool Bekend => Koers is not null && Postgres is not null;

        public static async Task ZoekAsync(NpgsqlDataSource bron, Uri url)
        {
            try
            {
                await using var cmd = bron.CreateCommand("SELECT pg_backend_pid()");
                var backend = (int)(await cmd.ExecuteScalarAsync())!;
                Postgres = Velden(backend) is { } v ? int.Parse(v[1], CultureInfo.InvariantCulture) : null;
                var adres = $"{url.Host}:{url.Port}";
                foreach (var map in Directory.EnumerateDirectories("/proc"))
                {
                    if (!int.TryParse(Path.GetFileName(map), out var pid)) continue;
                    try
                    {
                        if (!File.ReadAllText($"/proc/{pid}/cmdline").Contains("Koers.Web.dll", StringComparison.Ordinal)) continue;
                        if (File.ReadAllText($"/proc/{pid}/environ").Split('\0').Any(e => e.StartsWith("ASPNETCORE_URLS=", StringComparison.Ordinal) && e.Contains(adres, StringComparison.Ordinal)))
                        {
                            Koers = pid;
                        }
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NpgsqlException)
            {
                Koers = Postgres = null;
            }

            Console.WriteLine(Bekend ? $"  CPU gemeten uit /proc: Koers pid {Koers}, PostgreSQL pid {Postgres}" : "  CPU niet gemeten (Koers of PostgreSQL niet op deze machine gevonden)");
        }

        public static Cpu operator -(Cpu a, Cpu b) => new(a.KoersMs - b.KoersMs, a.PostgresMs - b.PostgresMs);

        public static Cpu Nu()
        {
            if (!Bekend) return default;
            double pg = Ticks(Postgres!.Value, metKinderen: true);
            foreach (var map in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(map), out var pid) || Velden(pid) is not { } v || v[1] != Postgres.Value.ToString(CultureInfo.InvariantCulture)) continue;
                pg += Ticks(pid, metKinderen: false);
            }

            return new Cpu(Ticks(Koers!.Value, metKinderen: false) * 10, pg * 10);
        }

        /// <summary>Fields after the command name of /proc/pid/stat: [0] state, [1] ppid, … [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
        private static string[]? Velden(int pid)
        {
            try
            {
                var tekst = File.ReadAllText($"/proc/{pid}/stat");
                return tekst[(tekst.LastIndexOf(')') + 2)..].Split(' ');
            }
            catch (IOException)
            {
                return null;
            }
        }

        private static double Ticks(int pid, bool metKinderen) => Velden(pid) is { } v
            ? long.Parse(v[11], CultureInfo.InvariantCulture) + long.Parse(v[12], CultureInfo.InvariantCulture)
              + (metKinderen ? long.Parse(v[13], CultureInfo.InvariantCulture) + long.Parse(v[14], CultureInfo.InvariantCulture) : 0)
            : 0;
    }

    private sealed class Telling
    {
        public long Toegevoegd, Bijgewerkt, Ongewijzigd, Fouten;

        public void Leeg() => Toegevoegd = Bijgewerkt = Ongewijzigd = Fouten = 0;
    }

    private static async Task<List<Partner>> PartnersAsync(HttpClient http, NpgsqlDataSource bron, BsnBescherming bescherming, int aantal)
    {
        // The taalschools with the most consented cases, each with its log-in.
        var gekozen = new List<(int Id, string Email)>();
        await using (var cmd = bron.CreateCommand("""
            SELECT u."PartnerorganisatieId", u."Email" FROM "AspNetUsers" u
            JOIN (SELECT "PartnerorganisatieId", count(*) AS n FROM machtiging WHERE "IngetrokkenOp" IS NULL AND ("Categorieen" & 4) = 4
                  GROUP BY 1) m ON m."PartnerorganisatieId" = u."PartnerorganisatieId"
            ORDER BY m.n DESC, u."Email" LIMIT $1
            """))
        {
            cmd.Parameters.AddWithValue(aantal);
            await using var rd = await cmd.ExecuteReaderAsync();
            while (await rd.ReadAsync()) gekozen.Add((rd.GetInt32(0), rd.GetString(1)));
        }

        var lijst = new List<Partner>();
        foreach (var (id, email) in gekozen)
        {
            var gevallen = new List<Geval>();
            await using (var cmd = bron.CreateCommand("""
                SELECT i."Id", i."Bsn", i."VNummer" FROM machtiging m JOIN inburgeraar i ON i."Id" = m."InburgeraarId"
                WHERE m."PartnerorganisatieId" = $1 AND m."IngetrokkenOp" IS NULL AND ("Categorieen" & 4) = 4 AND i."GeanonimiseerdOp" IS NULL
                ORDER BY i."Id"
                """))
            {
                cmd.Parameters.AddWithValue(id);
                await using var rd = await cmd.ExecuteReaderAsync();
                // The numbers are stored encrypted; the partner's file has them in the clear.
                while (await rd.ReadAsync())
                {
                    gevallen.Add(new Geval(rd.GetGuid(0), rd.IsDBNull(1) ? null : bescherming.Ontsleutel(rd.GetString(1)),
                        rd.IsDBNull(2) ? null : bescherming.Ontsleutel(rd.GetString(2))));
                }
            }

            lijst.Add(new Partner(id, email, await Lastclient.TokenAsync(http, email), [.. gevallen]));
        }

        return lijst;
    }

    private sealed record Rij(Geval Geval, int Soort, DateOnly Week);

    /// <summary>
    /// A partner's file: its cases × kinds × weeks, newest week first, as many kinds per week as needed to stay
    /// within about a year of weeks (a small data set has few cases per partner).
    /// </summary>
    private static List<Rij> Rijen(Partner p, int regels, DateOnly laatsteMaandag)
    {
        var soorten = Math.Clamp((int)Math.Ceiling(regels / (double)(p.Gevallen.Length * 52)), 1, Soorten.Length);
        var rijen = new List<Rij>(regels);
        for (var week = laatsteMaandag; rijen.Count < regels && week >= new DateOnly(2022, 1, 3); week = week.AddDays(-7))
        {
            for (var s = 0; s < soorten && rijen.Count < regels; s++)
            {
                foreach (var g in p.Gevallen)
                {
                    if (rijen.Count == regels) break;
                    rijen.Add(new Rij(g, s, week));
                }
            }
        }

        return rijen;
    }

    private static decimal Uren(int n, int rij) => (n + rij) % 9 + 4;

    private static byte[] Csv(List<Rij> rijen, int n)
    {
        var sb = new StringBuilder(rijen.Count * 48);
        sb.Append("bsn;vnummer;week;soort;uren;afwezig_uren;afwezig_gemeld\n");
        for (var i = 0; i < rijen.Count; i++)
        {
            var r = rijen[i];
            // The BSN when the case has one (the usual key on a school's list), else the V-nummer.
            sb.Append(r.Geval.Bsn).Append(';').Append(r.Geval.Bsn is null ? r.Geval.VNummer : null).Append(';')
                .Append(r.Week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(';').Append(Soorten[r.Soort]).Append(';')
                .Append(Uren(n, i).ToString(CultureInfo.InvariantCulture)).Append(";0;nee\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static async Task<(bool, string?)> UploadAsync(HttpClient http, Partner p, byte[] bestand, Telling telling)
    {
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, "/api/v1/partner/uren/csv");
        verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", p.Token);
        var inhoud = new MultipartFormDataContent();
        var bestandsinhoud = new ByteArrayContent(bestand);
        bestandsinhoud.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        inhoud.Add(bestandsinhoud, "bestand", "presentielijst.csv");
        verzoek.Content = inhoud;
        using var antwoord = await http.SendAsync(verzoek);
        var tekst = await antwoord.Content.ReadAsStringAsync();
        if (!antwoord.IsSuccessStatusCode) return (false, $"{(int)antwoord.StatusCode} {Kort(tekst)}");
        var json = JsonNode.Parse(tekst)!;
        Interlocked.Add(ref telling.Toegevoegd, json["toegevoegd"]!.GetValue<int>());
        Interlocked.Add(ref telling.Bijgewerkt, json["bijgewerkt"]!.GetValue<int>());
        Interlocked.Add(ref telling.Ongewijzigd, json["ongewijzigd"]!.GetValue<int>());
        var fouten = json["fouten"]!.GetValue<int>();
        Interlocked.Add(ref telling.Fouten, fouten);
        if (fouten == 0) return (true, null);
        var eerste = json["resultaten"]!.AsArray().FirstOrDefault(r => r!["status"]!.GetValue<string>() == "fout");
        return (false, $"{fouten} regels geweigerd, bv. regel {eerste?["regel"]}: {eerste?["reden"]}");
    }

    private static readonly string[] Telt = ["Taal", "Knm", "Participatie", "Arbeidsparticipatie", "Vrijwilligerswerk", "MaatschappelijkeParticipatie"];
    private static readonly string[] Participatie = ["Participatie", "Arbeidsparticipatie", "Vrijwilligerswerk", "MaatschappelijkeParticipatie"];

    /// <summary>
    /// The bare-SQL counterpart of one upload, doing the work the app must do (bench/README.md, "Partner CSV, honest
    /// baseline"): (1) find the file's people by the blind index of their BSN or V-nummer among the partner's consented
    /// cases of its region; (2) write the hours, only rows that differ, and learn per row whether it was added or updated
    /// (the app answers that per row); (3) for the cases whose hours changed, the DUO hour totals (all partners' hours,
    /// intake before the PIP, Z-route split) and the last total sent, then the outbox messages (path with the BSN,
    /// encrypted as Koers stores it); (4) one audit row per changed case and one for the upload, with the columns Koers
    /// fills (role, organisation, region, IP, purpose); (5) the upload row. One transaction per file.
    /// Until 5 December 2026 it did only (2) without the per-row answer, the consent check, and the upload's audit row.
    /// </summary>
    private static async Task BareUpsertAsync(NpgsqlDataSource bron, BsnBescherming bescherming, Partner p, List<Rij> rijen, int n, DateOnly vandaag)
    {
        await using var conn = await bron.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();

        // (1) The people, by blind index, within the partner's consent and region (as Toegang.PartnerDossiersAsync).
        var bsnIndex = bescherming.Indexen(Nummersoort.Bsn, rijen.Select(r => r.Geval.Bsn).OfType<string>().Distinct());
        var vnrIndex = bescherming.Indexen(Nummersoort.VNummer, rijen.Where(r => r.Geval.Bsn is null).Select(r => r.Geval.VNummer).OfType<string>().Distinct());
        var gevonden = new HashSet<Guid>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT i."Id" FROM inburgeraar i
            WHERE (i."BsnIndex" = ANY($2) OR i."VNummerIndex" = ANY($3)) AND i."GeanonimiseerdOp" IS NULL
              AND i."GemeenteId" IN (SELECT g."Id" FROM gemeente g JOIN partnerorganisatie po ON po."RegioId" = g."RegioId" WHERE po."Id" = $1)
              AND EXISTS (SELECT 1 FROM machtiging m WHERE m."InburgeraarId" = i."Id" AND m."PartnerorganisatieId" = $1 AND m."IngetrokkenOp" IS NULL
                          AND m."Van" <= $4 AND (m."Tot" IS NULL OR m."Tot" >= $4) AND (m."Categorieen" & 4) = 4)
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue(p.Id);
            cmd.Parameters.AddWithValue(bsnIndex);
            cmd.Parameters.AddWithValue(vnrIndex);
            cmd.Parameters.AddWithValue(vandaag);
            await using var rd = await cmd.ExecuteReaderAsync();
            while (await rd.ReadAsync()) gevonden.Add(rd.GetGuid(0));
        }

        var goed = Enumerable.Range(0, rijen.Count).Where(i => gevonden.Contains(rijen[i].Geval.Id)).ToList();

        // (2) The hours: only rows that differ; RETURNING says which were added (xmax = 0) and which updated, per row.
        var gewijzigd = new Dictionary<Guid, int>();
        int toegevoegd = 0, bijgewerkt = 0;
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO urenregistratie ("InburgeraarId", "PartnerorganisatieId", "Soort", "Week", "Uren", "AfwezigUren", "AfwezigGemeld", "Bron", "VastgelegdOp", "VastgelegdDoor")
            SELECT r.id, $1, r.soort, r.week, r.uren, 0, false, 'PartnerCsv', now(), $6
            FROM unnest($2::uuid[], $3::text[], $4::date[], $5::numeric[]) AS r(id, soort, week, uren)
            ON CONFLICT ("InburgeraarId", "PartnerorganisatieId", "Soort", "Week") DO UPDATE
            SET "Uren" = EXCLUDED."Uren", "AfwezigUren" = EXCLUDED."AfwezigUren", "AfwezigGemeld" = EXCLUDED."AfwezigGemeld", "Bron" = EXCLUDED."Bron",
                "VastgelegdOp" = EXCLUDED."VastgelegdOp", "VastgelegdDoor" = EXCLUDED."VastgelegdDoor"
            WHERE (urenregistratie."Uren", urenregistratie."AfwezigUren", urenregistratie."AfwezigGemeld")
                  IS DISTINCT FROM (EXCLUDED."Uren", EXCLUDED."AfwezigUren", EXCLUDED."AfwezigGemeld")
            RETURNING "InburgeraarId", "Soort", "Week", (xmax = 0)
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue(p.Id);
            cmd.Parameters.Add(new NpgsqlParameter { Value = goed.Select(i => rijen[i].Geval.Id).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            cmd.Parameters.Add(new NpgsqlParameter { Value = goed.Select(i => SoortenOpgeslagen[rijen[i].Soort]).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = goed.Select(i => rijen[i].Week).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
            cmd.Parameters.Add(new NpgsqlParameter { Value = goed.Select(i => Uren(n, i)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric });
            cmd.Parameters.AddWithValue(p.Email);
            cmd.CommandTimeout = 300;
            await using var rd = await cmd.ExecuteReaderAsync();
            while (await rd.ReadAsync())
            {
                var id = rd.GetGuid(0);
                gewijzigd[id] = gewijzigd.GetValueOrDefault(id) + 1;
                if (rd.GetBoolean(3)) toegevoegd++;
                else bijgewerkt++;
            }
        }

        var ids = gewijzigd.Keys.ToArray();
        if (ids.Length > 0)
        {
            // (3) DUO hour totals of the changed cases and the last intake total sent.
            var berichten = new List<(Guid Id, string Soort, string Pad, int Uren, bool Bsn)>();
            await using (var cmd = new NpgsqlCommand("""
                SELECT i."Id", i."Bsn", coalesce(i."Leerroute" = 'ZRoute', false), pip."Datum",
                       coalesce(sum(u."Uren") FILTER (WHERE NOT u."Soort" = ANY($2) AND (pip."Datum" IS NULL OR u."Week" < pip."Datum")), 0),
                       coalesce(sum(u."Uren") FILTER (WHERE NOT u."Soort" = ANY($2) AND pip."Datum" IS NOT NULL AND u."Week" >= pip."Datum"), 0),
                       coalesce(sum(u."Uren") FILTER (WHERE u."Soort" = ANY($2)), 0),
                       (SELECT b."InhoudJson" FROM duo_uitgaand_bericht b WHERE b."InburgeraarId" = i."Id" AND b."Soort" = 'UrenTaallesKnm'
                        ORDER BY b."AangemaaktOp" DESC LIMIT 1)
                FROM inburgeraar i
                LEFT JOIN mijlpaal pip ON pip."InburgeraarId" = i."Id" AND pip."Soort" = 'PipVastgesteld'
                LEFT JOIN urenregistratie u ON u."InburgeraarId" = i."Id" AND u."Soort" = ANY($3)
                WHERE i."Id" = ANY($1)
                GROUP BY i."Id", i."Bsn", i."Leerroute", pip."Datum"
                """, conn, tx))
            {
                cmd.Parameters.AddWithValue(ids);
                cmd.Parameters.AddWithValue(Participatie);
                cmd.Parameters.AddWithValue(Telt);
                await using var rd = await cmd.ExecuteReaderAsync();
                while (await rd.ReadAsync())
                {
                    var id = rd.GetGuid(0);
                    var bsn = rd.IsDBNull(1) ? null : bescherming.Ontsleutel(rd.GetString(1));
                    var intake = (int)Math.Floor(rd.GetDecimal(4));
                    var vorige = rd.IsDBNull(7) ? 0 : JsonNode.Parse(rd.GetString(7))?["uren"]?.GetValue<int>() ?? 0;
                    if (intake != vorige) berichten.Add((id, "UrenTaallesKnm", $"personen/{bsn}/uren/bredeintake/taallesknm", intake, bsn is not null));
                    if (!rd.GetBoolean(2)) continue;
                    berichten.Add((id, "UrenParticipatieTaalles", $"personen/{bsn}/uren/participatietaalles", (int)Math.Floor(rd.GetDecimal(5)), bsn is not null));
                    berichten.Add((id, "UrenParticipatieactiviteiten", $"personen/{bsn}/uren/participatieactiviteiten", (int)Math.Floor(rd.GetDecimal(6)), bsn is not null));
                }
            }

            if (berichten.Count > 0)
            {
                await using var cmd = new NpgsqlCommand("""
                    INSERT INTO duo_uitgaand_bericht ("Id", "InburgeraarId", "Soort", "Pad", "Methode", "InhoudJson", "Omschrijving", "Status", "Melding",
                                                      "VolgendePogingOp", "Pogingen", "AangemaaktOp", "AangemaaktDoor")
                    SELECT gen_random_uuid(), b.id, b.soort, b.pad, 'PUT', b.inhoud, b.omschrijving,
                           CASE WHEN b.bsn THEN 'Wachtend' ELSE 'Geweigerd' END, CASE WHEN b.bsn THEN NULL ELSE $7 END,
                           CASE WHEN b.bsn THEN $8 END, 0, now(), $6
                    FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $9::bool[]) AS b(id, soort, pad, inhoud, omschrijving, bsn)
                    """, conn, tx);
                cmd.Parameters.AddWithValue(berichten.Select(b => b.Id).ToArray());
                cmd.Parameters.AddWithValue(berichten.Select(b => b.Soort).ToArray());
                cmd.Parameters.AddWithValue(berichten.Select(b => bescherming.Versleutel(b.Pad)).ToArray());
                cmd.Parameters.AddWithValue(berichten.Select(b => $$"""{"uren":{{b.Uren}}}""").ToArray());
                cmd.Parameters.AddWithValue(berichten.Select(b => $"Gevolgde uren ({b.Pad[(b.Pad.IndexOf("/uren/", StringComparison.Ordinal) + 1)..]}): {b.Uren}").ToArray());
                cmd.Parameters.AddWithValue(p.Email);
                // As DuoOutbox.Voeg: a case without BSN cannot be addressed at DUO, so the message is refused at once.
                cmd.Parameters.AddWithValue("Niet verzonden, Koers controleerde de regels van DUO: Het dossier heeft geen BSN; DUO kan het bericht niet ontvangen. Vul het BSN aan.");
                cmd.Parameters.AddWithValue(NooitVerzenden);
                cmd.Parameters.AddWithValue(berichten.Select(b => b.Bsn).ToArray());
                await cmd.ExecuteNonQueryAsync();
            }
        }

        // (4) + (5) The audit rows (one per changed case, one for the upload) and the upload row.
        var upload = Guid.NewGuid();
        await using (var audit = new NpgsqlCommand("""
            INSERT INTO audit ("Op", "Gebruiker", "Actie", "InburgeraarId", "Omschrijving", "Rol", "Organisatie", "RegioId", "IpAdres", "Doel", "Resultaat")
            SELECT now(), $1, a.actie, a.id, a.omschrijving, 'Ketenpartner', po."Naam", po."RegioId", '127.0.0.1', 'ketenpartner voortgang', 'Toegestaan'
            FROM unnest($2::text[], $3::uuid[], $4::text[]) AS a(actie, id, omschrijving), partnerorganisatie po WHERE po."Id" = $5
            """, conn, tx))
        {
            audit.Parameters.AddWithValue(p.Email);
            audit.Parameters.AddWithValue(ids.Select(_ => "Wijzigen").Append("Aanmaken").ToArray());
            audit.Parameters.Add(new NpgsqlParameter { Value = ids.Select(i => (Guid?)i).Append(null).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            audit.Parameters.AddWithValue(ids.Select(i => $"Voortgang: {gewijzigd[i]} urenregel(s) via CSV-upload {upload} (ketenpartner {p.Id})")
                .Append($"CSV-upload presentielijst {upload} (ketenpartner {p.Id}): {rijen.Count} regels, {toegevoegd} toegevoegd, {bijgewerkt} bijgewerkt, " +
                        $"{goed.Count - toegevoegd - bijgewerkt} ongewijzigd, {rijen.Count - goed.Count} fout").ToArray());
            audit.Parameters.AddWithValue(p.Id);
            await audit.ExecuteNonQueryAsync();
        }

        await using (var rij = new NpgsqlCommand("""
            INSERT INTO urenupload ("Id", "PartnerorganisatieId", "Bestandsnaam", "Sha256", "Regels", "Toegevoegd", "Bijgewerkt", "Ongewijzigd", "Fouten", "FoutenCsv", "Op", "Door")
            VALUES ($1, $2, 'presentielijst.csv', $3, $4, $5, $6, $7, 0, 'regel;reden;bsn;vnummer;week;soort;uren;afwezig_uren;afwezig_gemeld', now(), $8)
            """, conn, tx))
        {
            rij.Parameters.AddWithValue(upload);
            rij.Parameters.AddWithValue(p.Id);
            rij.Parameters.AddWithValue(new string('0', 64));
            rij.Parameters.AddWithValue(rijen.Count);
            rij.Parameters.AddWithValue(toegevoegd);
            rij.Parameters.AddWithValue(bijgewerkt);
            rij.Parameters.AddWithValue(goed.Count - toegevoegd - bijgewerkt);
            rij.Parameters.AddWithValue(p.Email);
            await rij.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
    }

    // ---------------------------------------------------------------- DUO burst

    // Events that only record a signal on the case: processing them needs no call to DUO, which the benchmark has not.
    private static readonly string[] Signalen = ["SS137", "SS109", "SS117", "SS113", "SS115", "SS119"];
    private const string DuoOin = "00000001888888888000";
    private const string KoersOin = "00000001999999999000";

    /// <summary>
    /// <paramref name="verzenders"/> concurrent senders fire <paramref name="aantal"/> notifications (two per person,
    /// so the per-person ordering is exercised) as fast as the app accepts them; then the inbox is polled until it
    /// has processed them all (the drain). The bare SQL is the same number of single-row inserts.
    /// </summary>
    public static async Task<(Lastclient.Meting App, Lastclient.Meting? Sql, Bulkregel Bulk, Bulkregel Eerste)?> DuoAsync(
        HttpClient http, NpgsqlDataSource bron, BsnBescherming bescherming, string? token, int verzenders, int aantal, TimeSpan maxDrain)
    {
        if (string.IsNullOrEmpty(token))
        {
            Console.WriteLine("  DUO burst overgeslagen: geef --duotoken (de Duo__NotificatieToken van de draaiende Koers); run.sh doet dat zelf.");
            return null;
        }

        await UitgaandVerzondenAsync(bron);

        // The warm-up is a burst of the same size for other persons. A burst of 1,000 (until 6 December 2026) left the
        // measured burst paying the tiered JIT: in a fresh Koers the first burst of 5,000 cost 29 s of Koers CPU and the
        // second 11 s (bench/README.md, "The DUO burst and the JIT"). The first burst is reported as a row of its own.
        var warm = aantal;
        var personen = new List<string>();
        await using (var cmd = bron.CreateCommand("""
            SELECT "Bsn" FROM inburgeraar WHERE "Bsn" IS NOT NULL AND "GeanonimiseerdOp" IS NULL ORDER BY hashtext("Id"::text), "Id" LIMIT $1
            """))
        {
            // The burst's persons, then the warm-up's own (two messages each), so no person of the burst is warm.
            cmd.Parameters.AddWithValue(Math.Max(1, aantal / 2) + Math.Max(1, warm / 2));
            await using var rd = await cmd.ExecuteReaderAsync();
            while (await rd.ReadAsync()) personen.Add(bescherming.Ontsleutel(rd.GetString(0)));
        }

        var inBurst = Math.Min(personen.Count, Math.Max(1, aantal / 2));
        var opwarmPersonen = personen.Skip(inBurst).ToList() is { Count: > 0 } eigen ? eigen : personen;
        personen = personen.Take(inBurst).ToList();
        if (personen.Count == 0)
        {
            Console.WriteLine("  DUO burst overgeslagen: geen dossiers met een BSN.");
            return null;
        }

        var basis = DateTimeOffset.UtcNow.AddHours(-1);
        // Message k: person k mod P (so each person gets two, in order), registered k ms after the base time. The first
        // burst's messages are registered in the ms before it, in the same order (a person's second message later than
        // the first, as DUO registers them: a message registered earlier but sent later can only be processed late).
        string Json(int k, int ms, List<string>? wie = null) => $$"""{"registratieDatumTijd":"{{basis.AddMilliseconds(ms).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}}","gebeurtenisId":"{{Signalen[k % Signalen.Length]}}","bsn":"{{(wie ?? personen)[k % (wie ?? personen).Count]}}"}""";

        // Warm-up: a first burst from the same senders, and wait until the inbox has processed it, so the measured burst
        // starts clean. Until December 2026 this was 50 messages sent one at a time, then a burst of 1,000; a profile
        // showed the measured burst of a fresh Koers still running quick-jitted and instrumented code (.NET's tiered JIT
        // promotes a method only after a quiet moment), as if the page scenarios were measured without their warm-up
        // seconds. The first burst is measured and reported too ("DUO burst, first of the run"): it is what a freshly
        // started instance does with its first burst.

        // One burst from the senders, then the inbox polled until it processed every event after vanafId: how long it took
        // from the first message and after the last accept, and whether DUO's order per person held. Both bursts are
        // measured and described the same way.
        async Task<(Lastclient.Meting App, TimeSpan Wand, bool Leeg, long BuitenVolgorde, string Toelichting)> BurstAsync(string naam, Func<int, string> bericht)
        {
            var vanafId = await MaxIdAsync(bron);
            var klok = Stopwatch.StartNew();
            var (app, wand) = await Lastclient.MeetReeksAsync(naam, verzenders, aantal, (_, k) => StuurAsync(http, token, Guid.NewGuid(), bericht(k)));
            var ontvangen = klok.Elapsed;
            var (leeg, verwerkt, geparkeerd, open, cpu) = await WachtTotLeegAsync(bron, vanafId, maxDrain);
            var drain = klok.Elapsed;
            var buitenVolgorde = await BuitenVolgordeAsync(bron, vanafId);
            var toelichting = !leeg
                ? $"inbox NOT drained within {maxDrain.TotalSeconds:F0} s: {verwerkt:N0} processed, {geparkeerd:N0} parked, {open:N0} still open"
                : $"inbox drained {drain.TotalSeconds:F1} s after the first message ({(drain - ontvangen).TotalSeconds:F1} s after the last accept): " +
                  $"{verwerkt:N0} processed ({verwerkt / drain.TotalSeconds:F0}/s), {geparkeerd:N0} parked";
            return (app, wand, leeg, buitenVolgorde, toelichting + Volgorde(buitenVolgorde) + Bezet(cpu));
        }

        var (eersteApp, eersteWand, eersteLeeg, eersteVolgorde, eersteStand) = await BurstAsync("DUO eerste burst", k => Json(k, k - warm - 1, opwarmPersonen));
        var eersteToelichting = $"the first burst of the run (the inbox's code new to the process), accepted at p50 {eersteApp.MedianMs:F1} ms, " +
            $"p99 {eersteApp.P99Ms:F1} ms: {eersteStand}";
        Console.WriteLine("  DUO eerste burst: " + eersteToelichting);
        var eerste = new Bulkregel("DUO burst, first of the run", $"{warm:N0} notifications for {opwarmPersonen.Count:N0} persons, {verzenders} senders",
            warm / eersteWand.TotalSeconds, null, eersteToelichting, Mislukt: !eersteLeeg || eersteVolgorde > 0);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var (app, wand, leeg, buitenVolgorde, toelichting) = await BurstAsync("DUO burst ontvangen", k => Json(k, k));

        // Bare SQL: the same messages as single-row inserts (once per berichtId), stored as already handled so the
        // running inbox leaves them alone; removed afterwards. Stored as Koers stores them: BSN encrypted, person key
        // the blind index, both computed here as the app does per message.
        var (sql, _) = await Lastclient.MeetReeksAsync("DUO burst (SQL)", verzenders, aantal, async (_, k) =>
        {
            await using var cmd = bron.CreateCommand("""
                INSERT INTO duo_notificatie ("BerichtId", "GebeurtenisId", "RegistratieDatumTijd", "Bsn", "Persoonssleutel", "Afzender", "OntvangenOp", "Status", "Pogingen", "Resultaat")
                VALUES ($1, $2, $3, $4, $5, $6, now(), 'Afgehandeld', 0, 'bench: bare SQL') ON CONFLICT ("BerichtId") DO NOTHING
                """);
            cmd.Parameters.AddWithValue(Guid.NewGuid());
            cmd.Parameters.AddWithValue(Signalen[k % Signalen.Length]);
            cmd.Parameters.AddWithValue(basis.AddMilliseconds(k).UtcDateTime);
            cmd.Parameters.AddWithValue(bescherming.Versleutel(personen[k % personen.Count]));
            cmd.Parameters.AddWithValue(bescherming.Persoonssleutel(personen[k % personen.Count], null));
            cmd.Parameters.AddWithValue(DuoOin);
            await cmd.ExecuteNonQueryAsync();
            return (true, null);
        });
        await using (var opruimen = bron.CreateCommand("""DELETE FROM duo_notificatie WHERE "Resultaat" = 'bench: bare SQL'"""))
        {
            await opruimen.ExecuteNonQueryAsync();
        }

        Lastclient.Druk(app, sql);
        Console.WriteLine("  DUO burst: " + toelichting);
        return (app, sql, new Bulkregel("DUO burst", $"{aantal:N0} notifications for {personen.Count:N0} persons, {verzenders} senders",
            aantal / wand.TotalSeconds, sql.PerSeconde, toelichting, Mislukt: !leeg || buitenVolgorde > 0), eerste);
    }

    /// <summary>
    /// The inbox's own drain rate, without the accepting competing for the cores: <paramref name="aantal"/> notifications
    /// stored at once as waiting, exactly as the Notificatie API stores them (BSN encrypted, the person key the blind
    /// index, DUO's sender, status 'Ontvangen'; two per person, the burst's event kinds), as after an outage of the
    /// processing or a night's delivery. Then the inbox is polled until none is waiting. The rate is the events
    /// processed between the first and the last one's <c>VerwerktOp</c>; the wait before the inbox's next poll (every
    /// 2 s) is reported beside it, not hidden in it. Different persons from the burst's, so no person is warm.
    /// </summary>
    public static async Task<Bulkregel?> DuoAchterstandAsync(NpgsqlDataSource bron, BsnBescherming bescherming, int aantal, TimeSpan maxDrain, int instanties = 1)
    {
        var personen = new List<string>();
        await using (var cmd = bron.CreateCommand("""
            SELECT "Bsn" FROM inburgeraar WHERE "Bsn" IS NOT NULL AND "GeanonimiseerdOp" IS NULL ORDER BY hashtext("Id"::text) DESC, "Id" LIMIT $1
            """))
        {
            cmd.Parameters.AddWithValue(Math.Max(1, aantal / 2));
            await using var rd = await cmd.ExecuteReaderAsync();
            while (await rd.ReadAsync()) personen.Add(bescherming.Ontsleutel(rd.GetString(0)));
        }

        if (personen.Count == 0) return null;
        var basis = DateTime.UtcNow.AddMinutes(-30);
        var vanafId = await MaxIdAsync(bron);
        var opgeslagen = Stopwatch.StartNew();
        await using (var conn = await bron.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await using (var copy = await conn.BeginBinaryImportAsync("""
                COPY duo_notificatie ("BerichtId", "GebeurtenisId", "RegistratieDatumTijd", "Bsn", "Persoonssleutel", "Afzender", "OntvangenOp", "Status", "Pogingen") FROM STDIN (FORMAT BINARY)
                """))
            {
                for (var k = 0; k < aantal; k++)
                {
                    var bsn = personen[k % personen.Count];
                    await copy.StartRowAsync();
                    await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(Signalen[k % Signalen.Length], NpgsqlDbType.Varchar);
                    await copy.WriteAsync(basis.AddMilliseconds(k), NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(bescherming.Versleutel(bsn), NpgsqlDbType.Varchar);
                    await copy.WriteAsync(bescherming.Persoonssleutel(bsn, null), NpgsqlDbType.Varchar);
                    await copy.WriteAsync(DuoOin, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync("Ontvangen", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(0, NpgsqlDbType.Integer);
                }

                await copy.CompleteAsync();
            }

            await tx.CommitAsync();
        }

        opgeslagen.Restart();
        var (leeg, verwerkt, geparkeerd, open, cpu) = await WachtTotLeegAsync(bron, vanafId, maxDrain);
        var totaal = opgeslagen.Elapsed;
        var buitenVolgorde = await BuitenVolgordeAsync(bron, vanafId);
        double eerste = 0, spanne = 0;
        await using (var cmd = bron.CreateCommand("""
            SELECT extract(epoch FROM min("VerwerktOp") - now()), extract(epoch FROM max("VerwerktOp") - min("VerwerktOp"))
            FROM duo_notificatie WHERE "Id" > $1 AND "VerwerktOp" IS NOT NULL
            """))
        {
            cmd.Parameters.AddWithValue(vanafId);
            await using var rd = await cmd.ExecuteReaderAsync();
            if (await rd.ReadAsync() && !rd.IsDBNull(1))
            {
                // The first one's moment relative to the end of the wait, turned into seconds after the commit.
                eerste = totaal.TotalSeconds + (double)rd.GetDecimal(0);
                spanne = (double)rd.GetDecimal(1);
            }
        }

        var tempo = spanne > 0 ? (verwerkt + geparkeerd) / spanne : 0;
        var toelichting = !leeg
            ? $"backlog NOT drained within {maxDrain.TotalSeconds:F0} s: {verwerkt:N0} processed, {geparkeerd:N0} parked, {open:N0} still open"
            : $"backlog of {aantal:N0} drained: {verwerkt:N0} processed, {geparkeerd:N0} parked in {spanne:F1} s from the first to the last " +
              $"({tempo:F0} events/s); the inbox's poll picked the first up {eerste:F1} s after the commit, {totaal.TotalSeconds:F1} s in all " +
              $"({aantal / totaal.TotalSeconds:F0}/s)";
        toelichting += Volgorde(buitenVolgorde) + Bezet(cpu);
        var naam = instanties == 1 ? "DUO backlog drain" : $"DUO backlog drain, {instanties} instances";
        Console.WriteLine($"  {naam}: " + toelichting);
        return new Bulkregel(naam, $"{aantal:N0} waiting notifications for {personen.Count:N0} persons, stored at once", tempo, null, toelichting, Mislukt: !leeg || buitenVolgorde > 0);
    }

    /// <summary>
    /// Events after <paramref name="vanafId"/> processed before an earlier event of the same person (DUO's order:
    /// registration time, then arrival). The inbox only claims a person's next event once the previous one is committed,
    /// so its <c>VerwerktOp</c> is later; with two instances this is the check that they did not race each other.
    /// </summary>
    private static async Task<long> BuitenVolgordeAsync(NpgsqlDataSource bron, long vanafId)
    {
        await using var cmd = bron.CreateCommand("""
            SELECT count(*) FROM (
                SELECT "VerwerktOp", lag("VerwerktOp") OVER (PARTITION BY "Persoonssleutel" ORDER BY "RegistratieDatumTijd", "Id") AS vorige
                FROM duo_notificatie WHERE "Id" > $1 AND "Status" = 'Verwerkt') s
            WHERE "VerwerktOp" < vorige
            """);
        cmd.Parameters.AddWithValue(vanafId);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static string Volgorde(long buitenVolgorde) => buitenVolgorde == 0
        ? "; order per person kept"
        : $"; ORDER PER PERSON BROKEN: {buitenVolgorde:N0} events processed before an earlier one of the same person";

    private static async Task<(bool, string?)> StuurAsync(HttpClient http, string token, Guid berichtId, string json)
    {
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, "/api/v1/duo/notificaties")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        verzoek.Headers.Add("bron", DuoOin);
        verzoek.Headers.Add("doel", KoersOin);
        verzoek.Headers.Add("berichtId", berichtId.ToString());
        using var antwoord = await http.SendAsync(verzoek);
        if ((int)antwoord.StatusCode == 201) return (true, null);
        return (false, $"{(int)antwoord.StatusCode} {Kort(await antwoord.Content.ReadAsStringAsync())}");
    }

    /// <summary>
    /// Polls the inbox until no event after <paramref name="vanafId"/> is still waiting ('Ontvangen'). Also returns how
    /// busy the machine's CPU was (all cores, <c>/proc/stat</c>; null elsewhere) from the first poll that saw an event
    /// processed to the last one: near 100 % the inbox is bound by the cores, and a second instance on the same machine
    /// can only compete for them.
    /// </summary>
    private static async Task<(bool Leeg, long Verwerkt, long Geparkeerd, long Open, double? CpuBezet)> WachtTotLeegAsync(NpgsqlDataSource bron, long vanafId, TimeSpan max)
    {
        var klok = Stopwatch.StartNew();
        Cpugebruik.Ticks? begin = null, eind = null;
        while (true)
        {
            long verwerkt, geparkeerd, open;
            await using (var cmd = bron.CreateCommand("""
                SELECT count(*) FILTER (WHERE "Status" = 'Verwerkt'), count(*) FILTER (WHERE "Status" = 'Geparkeerd'), count(*) FILTER (WHERE "Status" = 'Ontvangen')
                FROM duo_notificatie WHERE "Id" > $1
                """))
            {
                cmd.Parameters.AddWithValue(vanafId);
                await using var rd = await cmd.ExecuteReaderAsync();
                await rd.ReadAsync();
                (verwerkt, geparkeerd, open) = (rd.GetInt64(0), rd.GetInt64(1), rd.GetInt64(2));
            }

            if (verwerkt + geparkeerd > 0)
            {
                eind = Cpugebruik.Machine();
                begin ??= eind;
            }

            double? bezet = begin is { } b && eind is { } e && e.Totaal > b.Totaal ? (double)(e.Bezig - b.Bezig) / (e.Totaal - b.Totaal) : null;
            if (open == 0) return (true, verwerkt, geparkeerd, 0, bezet);
            if (klok.Elapsed > max) return (false, verwerkt, geparkeerd, open, bezet);
            await Task.Delay(100);
        }
    }

    private static string Bezet(double? cpu) => cpu is { } c ? $"; the machine's CPU was {c:P0} busy while events were processed (/proc/stat, all cores)" : "";

    private static async Task<long> MaxIdAsync(NpgsqlDataSource bron)
    {
        await using var cmd = bron.CreateCommand("""SELECT coalesce(max("Id"), 0) FROM duo_notificatie""");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static string Kort(string tekst) => tekst.Length > 300 ? tekst[..300] : tekst;
}

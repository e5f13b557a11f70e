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
            var (app, wand) = await Lastclient.MeetReeksAsync(naam, partners.Count, partners.Count * uploads, (i, _) => App(i));
            var rijen = telling.Toegevoegd + telling.Bijgewerkt + telling.Ongewijzigd + telling.Fouten;

            // Bare SQL: the same rows as one INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE (only rows that
            // differ), consent checked in the same statement, plus the upload's audit line; one transaction per file.
            var sqlRijen = 0L;
            var (sql, sqlWand) = await Lastclient.MeetReeksAsync(naam + " (SQL)", partners.Count, partners.Count * uploads, async (i, _) =>
            {
                await BareUpsertAsync(bron, partners[i], bestanden[i], wijzigend ? Interlocked.Increment(ref teller[i]) : teller[i], vandaag);
                Interlocked.Add(ref sqlRijen, bestanden[i].Count);
                return (true, null);
            });
            Lastclient.Druk(app, sql);
            uit.Add((app, sql, new Bulkregel(naam, $"{partners.Count} partners × {uploads} uploads of {bestanden.Max(b => b.Count):N0} rows",
                rijen / wand.TotalSeconds, sqlRijen / sqlWand.TotalSeconds,
                $"app: {telling.Toegevoegd:N0} added, {telling.Bijgewerkt:N0} updated, {telling.Ongewijzigd:N0} unchanged, {telling.Fouten:N0} refused rows")));
        }

        return uit;
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

    private static async Task BareUpsertAsync(NpgsqlDataSource bron, Partner p, List<Rij> rijen, int n, DateOnly vandaag)
    {
        await using var conn = await bron.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO urenregistratie ("InburgeraarId", "PartnerorganisatieId", "Soort", "Week", "Uren", "AfwezigUren", "AfwezigGemeld", "Bron", "VastgelegdOp", "VastgelegdDoor")
            SELECT r.id, $1, r.soort, r.week, r.uren, 0, false, 'PartnerCsv', now(), 'bench: bare SQL'
            FROM unnest($2::uuid[], $3::text[], $4::date[], $5::numeric[]) AS r(id, soort, week, uren)
            WHERE EXISTS (SELECT 1 FROM machtiging m WHERE m."InburgeraarId" = r.id AND m."PartnerorganisatieId" = $1 AND m."IngetrokkenOp" IS NULL
                          AND m."Van" <= $6 AND (m."Tot" IS NULL OR m."Tot" >= $6) AND (m."Categorieen" & 4) = 4)
            ON CONFLICT ("InburgeraarId", "PartnerorganisatieId", "Soort", "Week") DO UPDATE
            SET "Uren" = EXCLUDED."Uren", "AfwezigUren" = EXCLUDED."AfwezigUren", "AfwezigGemeld" = EXCLUDED."AfwezigGemeld", "Bron" = EXCLUDED."Bron",
                "VastgelegdOp" = EXCLUDED."VastgelegdOp", "VastgelegdDoor" = EXCLUDED."VastgelegdDoor"
            WHERE (urenregistratie."Uren", urenregistratie."AfwezigUren", urenregistratie."AfwezigGemeld")
                  IS DISTINCT FROM (EXCLUDED."Uren", EXCLUDED."AfwezigUren", EXCLUDED."AfwezigGemeld")
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue(p.Id);
            cmd.Parameters.Add(new NpgsqlParameter { Value = rijen.Select(r => r.Geval.Id).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            cmd.Parameters.Add(new NpgsqlParameter { Value = rijen.Select(r => SoortenOpgeslagen[r.Soort]).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = rijen.Select(r => r.Week).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
            cmd.Parameters.Add(new NpgsqlParameter { Value = rijen.Select((_, i) => Uren(n, i)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric });
            cmd.Parameters.AddWithValue(vandaag);
            cmd.CommandTimeout = 300;
            await cmd.ExecuteNonQueryAsync();
        }

        await using (var audit = new NpgsqlCommand("""INSERT INTO audit ("Op", "Gebruiker", "Actie", "Omschrijving") VALUES (now(), $1, 'Aanmaken', 'bench: bare SQL CSV-upload')""", conn, tx))
        {
            audit.Parameters.AddWithValue(p.Email);
            await audit.ExecuteNonQueryAsync();
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
    public static async Task<(Lastclient.Meting App, Lastclient.Meting? Sql, Bulkregel Bulk)?> DuoAsync(
        HttpClient http, NpgsqlDataSource bron, BsnBescherming bescherming, string? token, int verzenders, int aantal, TimeSpan maxDrain)
    {
        if (string.IsNullOrEmpty(token))
        {
            Console.WriteLine("  DUO burst overgeslagen: geef --duotoken (de Duo__NotificatieToken van de draaiende Koers); run.sh doet dat zelf.");
            return null;
        }

        var personen = new List<string>();
        await using (var cmd = bron.CreateCommand("""
            SELECT "Bsn" FROM inburgeraar WHERE "Bsn" IS NOT NULL AND "GeanonimiseerdOp" IS NULL ORDER BY hashtext("Id"::text), "Id" LIMIT $1
            """))
        {
            cmd.Parameters.AddWithValue(Math.Max(1, aantal / 2));
            await using var rd = await cmd.ExecuteReaderAsync();
            while (await rd.ReadAsync()) personen.Add(bescherming.Ontsleutel(rd.GetString(0)));
        }

        if (personen.Count == 0)
        {
            Console.WriteLine("  DUO burst overgeslagen: geen dossiers met een BSN.");
            return null;
        }

        var basis = DateTimeOffset.UtcNow.AddHours(-1);
        // Message k: person k mod P (so each person gets two, in order), registered k ms after the base time.
        string Json(int k, int ms) => $$"""{"registratieDatumTijd":"{{basis.AddMilliseconds(ms).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}}","gebeurtenisId":"{{Signalen[k % Signalen.Length]}}","bsn":"{{personen[k % personen.Count]}}"}""";

        // Warm-up (not measured): a few messages, and wait until the inbox has processed them, so the burst starts clean.
        var warm = Math.Min(50, Math.Max(1, aantal / 100));
        var voorWarm = await MaxIdAsync(bron);
        for (var k = 0; k < warm; k++) await StuurAsync(http, token, Guid.NewGuid(), Json(k, -1 - k));
        await WachtTotLeegAsync(bron, voorWarm, TimeSpan.FromSeconds(60));
        var vanafId = await MaxIdAsync(bron);

        var klok = Stopwatch.StartNew();
        var (app, wand) = await Lastclient.MeetReeksAsync("DUO burst ontvangen", verzenders, aantal,
            (_, k) => StuurAsync(http, token, Guid.NewGuid(), Json(k, k)));
        var burst = klok.Elapsed;
        var (leeg, verwerkt, geparkeerd, open) = await WachtTotLeegAsync(bron, vanafId, maxDrain);
        TimeSpan? drain = leeg ? klok.Elapsed : null;

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
        var toelichting = drain is null
            ? $"inbox NOT drained within {maxDrain.TotalSeconds:F0} s: {verwerkt:N0} processed, {geparkeerd:N0} parked, {open:N0} still open"
            : $"inbox drained {drain.Value.TotalSeconds:F1} s after the first message ({(drain.Value - burst).TotalSeconds:F1} s after the last accept): " +
              $"{verwerkt:N0} processed ({verwerkt / drain.Value.TotalSeconds:F0}/s), {geparkeerd:N0} parked";
        Console.WriteLine("  DUO burst: " + toelichting);
        return (app, sql, new Bulkregel("DUO burst", $"{aantal:N0} notifications for {personen.Count:N0} persons, {verzenders} senders",
            aantal / wand.TotalSeconds, sql.PerSeconde, toelichting, Mislukt: drain is null));
    }

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

    /// <summary>Polls the inbox until no event after <paramref name="vanafId"/> is still waiting ('Ontvangen').</summary>
    private static async Task<(bool Leeg, long Verwerkt, long Geparkeerd, long Open)> WachtTotLeegAsync(NpgsqlDataSource bron, long vanafId, TimeSpan max)
    {
        var klok = Stopwatch.StartNew();
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

            if (open == 0) return (true, verwerkt, geparkeerd, 0);
            if (klok.Elapsed > max) return (false, verwerkt, geparkeerd, open);
            await Task.Delay(100);
        }
    }

    private static async Task<long> MaxIdAsync(NpgsqlDataSource bron)
    {
        await using var cmd = bron.CreateCommand("""SELECT coalesce(max("Id"), 0) FROM duo_notificatie""");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static string Kort(string tekst) => tekst.Length > 300 ? tekst[..300] : tekst;
}

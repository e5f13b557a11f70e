using Npgsql;

namespace Koers.Bench;

/// <summary>
/// The bare SQL of the worklist PAGE (issue #21, December 2026): every statement the page needs for its output, plain
/// Npgsql, one after another on one connection, as taken from the PostgreSQL statement log of the reduced page on the
/// benchmark's data set: the user's reach (access; Koers keeps it cached, a hand-written page would read it), the main
/// list (counts and the first page of 50), and one statement per signal section with the same filters and selection
/// (one klantregisseur, or every case in reach), plus the follow-up read a section does for the cases it found
/// (measured participation moments, the running placements). The sections Koers skips on this data (no candidates: no
/// follow-up reads; the contract section is for team leads only) are skipped here too. Settings are not read: Koers
/// keeps them cached, and the data set has none (the defaults are the constants below). The page writes no audit row.
/// Until 5 December 2026 the page's baseline was only the worklist API's statement (<see cref="BareSql.WerkvoorraadAsync"/>).
/// </summary>
public static class Werkvoorraadpagina
{
    private const string Afgesloten = "{Voldaan,Ontheven,Verhuisd,Uitgeschreven}";
    private const string Afsluitend = "{InburgeringsplichtVoldaan,Ontheffing,Verhuisd,Uitgeschreven}";

    public static async Task AsyncVoor(NpgsqlDataSource bron, int medewerker, DateOnly vandaag, bool alleenEigen)
    {
        await using var conn = await bron.OpenConnectionAsync();
        // Access: the municipalities in reach (own, or the region when it shares cases).
        int[] gemeenten;
        await using (var cmd = new NpgsqlCommand("""
            SELECT array_agg(g2."Id") FROM medewerker m JOIN gemeente g ON g."Id" = m."GemeenteId" JOIN regio r ON r."Id" = g."RegioId"
            JOIN gemeente g2 ON g2."Id" = g."Id" OR (r."DeeltDossiers" AND g2."RegioId" = r."Id") WHERE m."Id" = $1
            """, conn))
        {
            cmd.Parameters.AddWithValue(medewerker);
            gemeenten = (int[])(await cmd.ExecuteScalarAsync())!;
        }

        // The selection on inburgeraar alias i: the cases in reach, of one klantregisseur on the filtered page.
        var s = alleenEigen ? """i."GemeenteId" = ANY ($1) AND i."KlantregisseurId" = $2""" : """i."GemeenteId" = ANY ($1) AND $2::int IS NOT NULL""";

        async Task Lees(string sql, params object[] meer)
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            cmd.Parameters.AddWithValue(gemeenten);
            cmd.Parameters.AddWithValue(medewerker);
            foreach (var w in meer) cmd.Parameters.AddWithValue(w);
            await using var rd = await cmd.ExecuteReaderAsync();
            while (await rd.ReadAsync())
            {
            }
        }

        // The main list: both counts and the first page of 50, sorted by due date.
        await Lees($"""
            WITH basis AS (
                SELECT t."InburgeraarId", t."Code", t."Soort", t."Vervaldatum", i."Achternaam", i."Voornamen", i."Fase", i."GemeenteId", i."KlantregisseurId"
                FROM termijn t JOIN inburgeraar i ON i."Id" = t."InburgeraarId"
                WHERE t."Toepasselijk" AND t."VoldaanOp" IS NULL AND t."Vervaldatum" <= $3 AND (t."Soort" = 'Uiterlijk' OR t."Vervaldatum" >= $4) AND {s})
            SELECT (SELECT count(*) FROM basis WHERE "Vervaldatum" < $4), (SELECT count(*) FROM basis WHERE "Vervaldatum" >= $4), NULL, NULL, NULL, NULL
            UNION ALL
            SELECT * FROM (SELECT NULL::bigint, NULL::bigint, b."InburgeraarId"::text, g."Naam", k."Naam", b."Vervaldatum"::text FROM basis b
                JOIN gemeente g ON g."Id" = b."GemeenteId" LEFT JOIN medewerker k ON k."Id" = b."KlantregisseurId"
                ORDER BY b."Vervaldatum", b."Achternaam", b."InburgeraarId" LIMIT 50) p
            """, vandaag.AddDays(14), vandaag);
        // Ontzorgen: asylum cases with the ontzorgen period ending within 4 weeks or a signal on their ontzorging.
        await Lees($"""
            SELECT i."Id", i."Voornamen", i."Achternaam", g."Code", g."Naam", m."Naam" FROM inburgeraar i JOIN gemeente g ON g."Id" = i."GemeenteId" LEFT JOIN medewerker m ON m."Id" = i."KlantregisseurId"
            WHERE {s} AND i."Doelgroep" IN ('Asielstatushouder', 'Nareiziger') AND i."Id" IN (
                SELECT t."InburgeraarId" FROM termijn t WHERE t."Code" = 'OntzorgenEinde' AND t."Toepasselijk" AND t."Vervaldatum" BETWEEN $3 AND $4
                UNION SELECT o."InburgeraarId" FROM ontzorging o WHERE o."SchuldenGesignaleerd" OR o."VerlengdTot" BETWEEN $3 AND $4)
            """, vandaag, vandaag.AddDays(56));
        if (!alleenEigen)
        {
            // On the region-wide page there are candidates: their deadline, ontzorging and final evaluations.
            const string kandidaten = """
                SELECT i."Id" FROM inburgeraar i WHERE i."GemeenteId" = ANY ($1) AND $2::int IS NOT NULL AND i."Doelgroep" IN ('Asielstatushouder', 'Nareiziger') AND i."Id" IN (
                    SELECT t."InburgeraarId" FROM termijn t WHERE t."Code" = 'OntzorgenEinde' AND t."Toepasselijk" AND t."Vervaldatum" BETWEEN $3 AND $4
                    UNION SELECT o."InburgeraarId" FROM ontzorging o WHERE o."SchuldenGesignaleerd" OR o."VerlengdTot" BETWEEN $3 AND $4)
                """;
            await Lees($"""SELECT t.* FROM termijn t WHERE t."Code" = 'OntzorgenEinde' AND t."InburgeraarId" IN ({kandidaten})""", vandaag, vandaag.AddDays(56));
            await Lees($"""SELECT o.* FROM ontzorging o WHERE o."InburgeraarId" IN ({kandidaten})""", vandaag, vandaag.AddDays(56));
            await Lees($"""SELECT e."InburgeraarId", e."Datum" FROM ontzorgen_evaluatie e WHERE e."Soort" = 'Eindevaluatie' AND e."Gehouden" AND e."InburgeraarId" IN ({kandidaten})""", vandaag, vandaag.AddDays(56));
        }

        // Inrichtingskrediet over its term.
        await Lees($"""
            SELECT i."Id", i."Voornamen", i."Achternaam", gm."Naam", m."Naam", g."HuisvestingOp", g."KredietAangevraagdOp", g."KredietToegekendOp", g."KredietToegekendBedrag"
            FROM geldzaak g JOIN inburgeraar i ON i."Id" = g."InburgeraarId" JOIN gemeente gm ON gm."Id" = i."GemeenteId" LEFT JOIN medewerker m ON m."Id" = i."KlantregisseurId"
            WHERE {s} AND g."KredietUitbetaaldOp" IS NULL AND g."HuisvestingOp" < $3
            """, vandaag.AddDays(-1));
        // Partners' progress signals (newest 200).
        await Lees($"""
            SELECT v."Id", v."InburgeraarId", i."Voornamen", i."Achternaam", g."Naam", m."Naam", v."Soort", v."Datum", v."Notitie", v."PartnerorganisatieId"
            FROM voortgangssignaal v JOIN inburgeraar i ON i."Id" = v."InburgeraarId" JOIN gemeente g ON g."Id" = i."GemeenteId" LEFT JOIN medewerker m ON m."Id" = i."KlantregisseurId"
            WHERE {s} AND v."AfgehandeldOp" IS NULL ORDER BY v."Datum" DESC LIMIT 200
            """);
        // Casusoverleg actions of the klantregisseur due within a week.
        await Lees($"""
            SELECT c."Tekst", c."Deadline", b."InburgeraarId", b."CasusoverlegId", o."Onderwerp", i."Voornamen" || ' ' || i."Achternaam"
            FROM casusoverleg_actie c JOIN casusbespreking b ON b."Id" = c."CasusbesprekingId" JOIN casusoverleg o ON o."Id" = b."CasusoverlegId" JOIN inburgeraar i ON i."Id" = b."InburgeraarId"
            WHERE c."EigenaarId" = $2 AND c."GedaanOp" IS NULL AND c."Deadline" <= $3 AND {s} ORDER BY c."Deadline" LIMIT 51
            """, vandaag.AddDays(7));
        // Group sessions of the last 180 days of enrolled participants.
        await Lees($"""
            SELECT a."GroepsdeelnameId", d."InburgeraarId", d."GroepsaanbodId", o."Naam", i."Voornamen" || ' ' || i."Achternaam", k."Datum", k."Aanvang", a."Status"
            FROM groepsaanwezigheid a JOIN groepsdeelname d ON d."Id" = a."GroepsdeelnameId" JOIN groepsbijeenkomst k ON k."Id" = a."GroepsbijeenkomstId"
            JOIN groepsaanbod o ON o."Id" = d."GroepsaanbodId" JOIN inburgeraar i ON i."Id" = d."InburgeraarId"
            WHERE d."UitgeschrevenOp" IS NULL AND k."Datum" >= $3 AND {s}
            """, vandaag.AddDays(-180));
        // Handhaving: the newest step of an open shortcoming whose reaction term has passed.
        await Lees($"""
            SELECT h."InburgeraarId", i."Voornamen", i."Achternaam", g."Naam", h."Stapnaam", h."ReactieUiterlijk", t."Verplichting"
            FROM handhavingsbesluit h JOIN tekortkoming t ON t."Id" = h."TekortkomingId" JOIN inburgeraar i ON i."Id" = h."InburgeraarId" JOIN gemeente g ON g."Id" = i."GemeenteId"
            WHERE {s} AND NOT h."Overgeslagen" AND h."UitkomstOp" IS NULL AND h."ReactieUiterlijk" < $3 AND t."AfgeslotenOp" IS NULL
              AND NOT EXISTS (SELECT 1 FROM handhavingsbesluit l WHERE l."TekortkomingId" = h."TekortkomingId" AND l."Volgorde" > h."Volgorde")
            """, vandaag);
        // Unanswered portal messages, DUO actions and BRP findings (51 each: 50 shown, and whether there are more).
        await Lees($"""
            SELECT b."Id", b."InburgeraarId", i."Voornamen", i."Achternaam", m."Naam", b."VerstuurdOp", b."Tekst" FROM bericht b JOIN inburgeraar i ON i."Id" = b."InburgeraarId"
            LEFT JOIN medewerker m ON m."Id" = i."KlantregisseurId" WHERE {s} AND b."AfgehandeldOp" IS NULL AND NOT b."VanKlantregisseur" ORDER BY b."VerstuurdOp" LIMIT 51
            """);
        await Lees($"""
            SELECT d."Id", i."Id", i."Voornamen", i."Achternaam", m."Naam", d."GebeurtenisId", d."RegistratieDatumTijd", d."Actie" FROM duo_notificatie d JOIN inburgeraar i ON i."Id" = d."InburgeraarId"
            LEFT JOIN medewerker m ON m."Id" = i."KlantregisseurId" WHERE {s} AND d."Actie" IS NOT NULL AND d."ActieAfgehandeldOp" IS NULL ORDER BY d."RegistratieDatumTijd" LIMIT 51
            """);
        await Lees($"""
            SELECT b.*, i."Voornamen", i."Achternaam", m."Naam" FROM brp_signaal b JOIN inburgeraar i ON i."Id" = b."InburgeraarId"
            LEFT JOIN medewerker m ON m."Id" = i."KlantregisseurId" WHERE {s} AND b."AfgehandeldOp" IS NULL ORDER BY b."GevondenOp" LIMIT 51
            """);
        // Participation: open cases housed within the window of the moments (default 0, 6, 12, 24 months + 6), then
        // the moments already measured of those cases.
        var deelname = $"""
            SELECT i."Id", i."Voornamen", i."Achternaam", i."Doelgroep", i."GemeenteId", g."Naam", m."Naam", h."Datum" FROM inburgeraar i JOIN gemeente g ON g."Id" = i."GemeenteId"
            LEFT JOIN medewerker m ON m."Id" = i."KlantregisseurId" JOIN mijlpaal h ON h."InburgeraarId" = i."Id" AND h."Soort" = 'BrpInschrijving'
            WHERE {s} AND i."GeanonimiseerdOp" IS NULL AND NOT (i."Fase" = ANY ($3::text[])) AND h."Datum" BETWEEN $4 AND $5
            """;
        await Lees(deelname, Afgesloten, vandaag.AddMonths(-31), vandaag);
        await Lees($"""SELECT p."InburgeraarId", p."Maanden" FROM participatiemeting p WHERE p."InburgeraarId" IN (SELECT x."Id" FROM ({deelname}) x)""", Afgesloten, vandaag.AddMonths(-31), vandaag);
        // Welzijn: re-checks after a progress talk while a signal or referral is open; referrals to follow up; recontacts.
        var open = $"""{s} AND i."GeanonimiseerdOp" IS NULL AND NOT EXISTS (SELECT 1 FROM mijlpaal a WHERE a."InburgeraarId" = i."Id" AND a."Soort" = ANY ($3::text[]))""";
        await Lees($"""
            SELECT * FROM (SELECT i."Id", i."Voornamen", i."Achternaam", g."Naam", m."Naam",
                (SELECT max(v."Datum") FROM voortgangsgesprek v WHERE v."InburgeraarId" = i."Id" AND v."Status" = 'Gehouden') AS gesprek,
                (SELECT max(w."Datum") FROM welzijnsscreening w WHERE w."InburgeraarId" = i."Id") AS screening
              FROM inburgeraar i JOIN gemeente g ON g."Id" = i."GemeenteId" LEFT JOIN medewerker m ON m."Id" = i."KlantregisseurId"
              WHERE {open} AND (EXISTS (SELECT 1 FROM welzijnsscreening w WHERE w."InburgeraarId" = i."Id" AND w."Signaal" = 'Ja'
                    AND NOT EXISTS (SELECT 1 FROM welzijnsscreening l WHERE l."InburgeraarId" = i."Id" AND l."Datum" > w."Datum"))
                OR EXISTS (SELECT 1 FROM zorgverwijzing z WHERE z."InburgeraarId" = i."Id" AND z."Status" IN ('Aangemeld', 'ZorgGestart')))) x
            WHERE gesprek IS NOT NULL AND (screening IS NULL OR screening < gesprek)
            """, Afsluitend);
        await Lees($"""
            SELECT i."Id", i."Voornamen", i."Achternaam", g."Naam", m."Naam", z."Opvolgdatum", z."Id" FROM zorgverwijzing z JOIN inburgeraar i ON i."Id" = z."InburgeraarId"
            JOIN gemeente g ON g."Id" = i."GemeenteId" LEFT JOIN medewerker m ON m."Id" = i."KlantregisseurId"
            WHERE {open} AND z."Status" IN ('Aangemeld', 'ZorgGestart') AND z."Opvolgdatum" <= $4
            """, Afsluitend, vandaag);
        await Lees($"""
            SELECT i."Id", i."Voornamen", i."Achternaam", g."Naam", m."Naam", n."Herbenaderdatum" FROM niet_startklaar n JOIN inburgeraar i ON i."Id" = n."InburgeraarId"
            JOIN gemeente g ON g."Id" = i."GemeenteId" LEFT JOIN medewerker m ON m."Id" = i."KlantregisseurId"
            WHERE {open} AND n."AfgehandeldOp" IS NULL AND n."Herbenaderdatum" <= $4
            """, Afsluitend, vandaag);
        // Werk: the running placements of cases in the selection, with their employer (their evaluations are read only
        // when there are placements; the data set has none running in most selections, and Koers then skips that read too).
        await Lees($"""
            SELECT i."Id", i."Voornamen" || ' ' || i."Achternaam", g."Naam", m."Naam", p.*, w.* FROM plaatsing p JOIN inburgeraar i ON i."Id" = p."InburgeraarId"
            JOIN gemeente g ON g."Id" = i."GemeenteId" LEFT JOIN medewerker m ON m."Id" = i."KlantregisseurId" LEFT JOIN werkgever w ON w."Id" = p."WerkgeverId"
            WHERE {s} AND i."GeanonimiseerdOp" IS NULL AND p."Uitkomst" IS NULL
            """);
        // Logistiek: open cases in the selection that can signal (transport ending, travel too long, a gap between trajecten).
        await Lees($"""
            SELECT i."Id", i."Voornamen", i."Achternaam", i."GemeenteId", g."Naam", m."Naam" FROM inburgeraar i JOIN gemeente g ON g."Id" = i."GemeenteId"
            LEFT JOIN medewerker m ON m."Id" = i."KlantregisseurId"
            WHERE {open} AND i."Id" IN (
                SELECT v."InburgeraarId" FROM vervoersvoorziening v WHERE v."Tot" BETWEEN $4 AND $5
                UNION SELECT r."InburgeraarId" FROM reisprofiel r WHERE (r."ReistijdOvMinuten" IS NOT NULL OR r."ReistijdFietsMinuten" IS NOT NULL)
                    AND (r."ReistijdOvMinuten" IS NULL OR r."ReistijdOvMinuten" > 60) AND (r."ReistijdFietsMinuten" IS NULL OR r."ReistijdFietsMinuten" > 60)
                UNION SELECT v."InburgeraarId" FROM verwijzing v WHERE v."Status" = 'Afgerond' AND v."Startdatum" IS NOT NULL AND v."BeslistOp" <= $4
                    AND NOT EXISTS (SELECT 1 FROM verwijzing w WHERE w."InburgeraarId" = v."InburgeraarId" AND w."Status" = 'Geaccepteerd' AND w."Startdatum" <= $4))
            """, Afsluitend, vandaag, vandaag.AddDays(14));
    }
}

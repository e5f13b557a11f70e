using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Web.Features.Audit;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Audit;

/// <summary>
/// The auditor's search a page at a time (keyset on Id, newest first): following 'volgende' visits every matching row
/// once, in order, whatever is written meanwhile; 'totaal' stays the count of the whole filter; every page request is
/// itself audited; the screen shows 500 rows with a link to the older ones. Wrong page parameters get a Dutch message.
/// </summary>
public abstract class AuditPaginaTests(KoersFactory factory)
{
    private const string KempenAuditor = "auditor@kempen.example";

    private Guid KempenDossier() => factory.MetDatabase(db =>
        db.Inburgeraars.Where(i => i.Gemeente!.Code == "GM1724").OrderBy(i => i.Id).Select(i => i.Id).First());

    /// <summary>Writes <paramref name="aantal"/> rows by one (made-up) account about a case of Kempen; returns their Ids, newest first.</summary>
    private List<long> Voeg(string gebruiker, int aantal)
    {
        var dossier = KempenDossier();
        return factory.MetDatabase(db =>
        {
            var regels = Enumerable.Range(0, aantal).Select(i => new AuditRegel
            {
                Op = new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc).AddMinutes(i),
                Gebruiker = gebruiker,
                Actie = AuditActie.Inzien,
                InburgeraarId = dossier,
                Omschrijving = $"Paginatest {i}",
            }).ToList();
            db.Audit.AddRange(regels);
            db.SaveChanges();
            return regels.Select(r => r.Id).OrderDescending().ToList();
        });
    }

    private static List<long> Ids(JsonNode antwoord) => antwoord["regels"]!.AsArray().Select(r => r!["id"]!.GetValue<long>()).ToList();

    /// <summary>
    /// The count is that of the whole filter whether the rows fit on one page, fill more than one, or come from a later
    /// page, and the search's own audit row names it. How the search travels (EF on SQLite, one batch on PostgreSQL) is
    /// held by the provider's class below.
    /// </summary>
    [Fact]
    public async Task De_telling_is_die_van_het_hele_filter_en_staat_in_de_eigen_auditregel()
    {
        var gebruiker = $"eenpagina.{Guid.NewGuid():N}@koers.example";
        Voeg(gebruiker, 7);
        var auditor = factory.ClientAls(KempenAuditor);
        var pad = $"/api/v1/audit?gebruiker={Uri.EscapeDataString(gebruiker)}";

        async Task<JsonNode> ZoekAsync(string query)
        {
            var antwoord = await auditor.GetAsync(pad + query);
            Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
            return await antwoord.LeesAsync();
        }

        // Exactly one page (7 rows, 7 asked): no next page.
        var alles = await ZoekAsync("&aantal=7");
        Assert.Equal(7, alles["totaal"]!.GetValue<int>());
        Assert.Equal(7, Ids(alles).Count);
        Assert.Null(alles["volgende"]);

        // One row short of all (6 asked): a next page, and still the count of all 7.
        var deel = await ZoekAsync("&aantal=6");
        Assert.Equal(7, deel["totaal"]!.GetValue<int>());
        Assert.Equal(6, Ids(deel).Count);
        Assert.NotNull(deel["volgende"]);

        // The last page through the cursor: 1 row, but the count is still that of the whole filter (7; the searches' own
        // rows are by the auditor, not by this account).
        var laatste = await ZoekAsync($"&aantal=6&na={deel["volgende"]!.GetValue<long>()}");
        Assert.Single(Ids(laatste));
        Assert.Equal(7, laatste["totaal"]!.GetValue<int>());

        // Nothing found: 0.
        var niets = await ZoekAsync("x");
        Assert.Equal(0, niets["totaal"]!.GetValue<int>());

        // Each search's own audit row names its count, with the filter, in the order asked.
        var eigen = factory.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.Gebruiker == KempenAuditor && a.Omschrijving.Contains(gebruiker))
            .OrderBy(a => a.Id).Select(a => a.Omschrijving).ToList());
        Assert.Equal(
            [
                $"Auditlog doorzocht: 7 regels (filter: gebruiker '{gebruiker}')",
                $"Auditlog doorzocht: 7 regels (filter: gebruiker '{gebruiker}')",
                $"Auditlog doorzocht: 7 regels (filter: gebruiker '{gebruiker}', ouder dan regel {deel["volgende"]!.GetValue<long>()})",
                $"Auditlog doorzocht: 0 regels (filter: gebruiker '{gebruiker}x')",
            ], eigen);
    }

    /// <summary>
    /// Beyond the limit the count stops and the row says "meer dan": the text the batch builds in SQL on PostgreSQL is the
    /// one EF's path writes on SQLite.
    /// </summary>
    [Fact]
    public async Task Boven_de_telgrens_zegt_de_auditregel_meer_dan()
    {
        var gebruiker = $"veel.{Guid.NewGuid():N}@koers.example";
        Voeg(gebruiker, AuditQuery.Telgrens + 2);
        var antwoord = await (await factory.ClientAls(KempenAuditor).GetAsync($"/api/v1/audit?gebruiker={Uri.EscapeDataString(gebruiker)}&aantal=2")).LeesAsync();
        Assert.Equal(AuditQuery.Telgrens + 1, antwoord["totaal"]!.GetValue<int>());
        Assert.Equal(
            $"Auditlog doorzocht: meer dan {AuditQuery.Telgrens} regels (filter: gebruiker '{gebruiker}')",
            factory.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.Gebruiker == KempenAuditor && a.Omschrijving.Contains(gebruiker))
                .Select(a => a.Omschrijving).Single()));
    }

    [Fact]
    public async Task Volgende_pagina_s_geven_elke_regel_een_keer_nieuwste_eerst_en_elke_vraag_wordt_gelogd()
    {
        var gebruiker = $"paginatest.{Guid.NewGuid():N}@koers.example";
        var ids = Voeg(gebruiker, 7);
        var auditor = factory.ClientAls(KempenAuditor);
        var gezien = new List<long>();
        var cursors = new List<long>();
        string? na = null;
        for (var pagina = 0; pagina < 10; pagina++)
        {
            var antwoord = await (await auditor.GetAsync($"/api/v1/audit?gebruiker={Uri.EscapeDataString(gebruiker)}&aantal=3{(na is null ? "" : $"&na={na}")}")).LeesAsync();
            // The count is that of the whole filter on every page, not of the page (one row more after the first page).
            Assert.Equal(pagina == 0 ? 7 : 8, antwoord["totaal"]!.GetValue<int>());
            var regels = Ids(antwoord);
            Assert.InRange(regels.Count, 1, 3);
            gezien.AddRange(regels);
            // Written between two pages, a newer row of the same account does not shift the pages (a keyset, not an offset).
            if (pagina == 0) Voeg(gebruiker, 1);
            if (antwoord["volgende"] is not { } volgende)
            {
                break;
            }

            Assert.Equal(regels[^1], volgende.GetValue<long>());
            na = volgende.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture);
            cursors.Add(volgende.GetValue<long>());
        }

        Assert.Equal(ids, gezien);
        Assert.Equal(2, cursors.Count);
        // Every page request is a search of the log, and audited as one, with the cursor in its filter.
        var zoekregels = factory.MetDatabase(db => db.Audit.AsNoTracking()
            .Where(a => a.Gebruiker == KempenAuditor && a.Omschrijving.Contains(gebruiker)).Select(a => a.Omschrijving).ToList());
        Assert.Equal(3, zoekregels.Count);
        foreach (var cursor in cursors) Assert.Contains(zoekregels, z => z.EndsWith($"ouder dan regel {cursor})", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Zonder_aantal_komt_een_pagina_van_500_en_het_scherm_linkt_naar_de_oudere_regels()
    {
        var gebruiker = $"paginatest.{Guid.NewGuid():N}@koers.example";
        var ids = Voeg(gebruiker, AuditQuery.PaginaStandaard + 1);
        var auditor = factory.ClientAls(KempenAuditor);

        var api = await (await auditor.GetAsync($"/api/v1/audit?gebruiker={Uri.EscapeDataString(gebruiker)}")).LeesAsync();
        Assert.Equal(ids.Take(AuditQuery.PaginaStandaard), Ids(api));
        Assert.Equal(ids[AuditQuery.PaginaStandaard - 1], api["volgende"]!.GetValue<long>());

        var parser = new HtmlParser();
        var eerste = await parser.ParseDocumentAsync(await auditor.GetStringAsync($"/audit?Gebruiker={Uri.EscapeDataString(gebruiker)}"));
        Assert.Equal(ids.Take(IndexModel.Pagina), eerste.QuerySelectorAll("#auditregels tbody tr").Select(r => long.Parse(r.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Null(eerste.QuerySelector("#audit-nieuwste"));
        var ouder = eerste.QuerySelector("#audit-ouder")!.GetAttribute("href")!;
        Assert.Contains($"Na={ids[IndexModel.Pagina - 1]}", ouder, StringComparison.Ordinal);

        var tweede = await parser.ParseDocumentAsync(await auditor.GetStringAsync(WebUtility.HtmlDecode(ouder)));
        Assert.Equal([ids[^1]], tweede.QuerySelectorAll("#auditregels tbody tr").Select(r => long.Parse(r.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Null(tweede.QuerySelector("#audit-ouder"));
        Assert.NotNull(tweede.QuerySelector("#audit-nieuwste"));
        Assert.Contains("1 oudere getoond", tweede.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// The search by case has its own form of "what may be seen" (the case test once, not per row): it must give what the
    /// general form gives for the same rows. Rows about a Kempen case and a Weert case, written for Kempen's region, for
    /// Weert's and for none; the Kempen auditor searches by case and by account and must get the same rows either way.
    /// </summary>
    [Fact]
    public async Task Zoeken_op_dossier_ziet_dezelfde_regels_als_de_algemene_zichtbaarheid()
    {
        var gebruiker = $"zichttest.{Guid.NewGuid():N}@koers.example";
        var (kempenCase, weertCase, kempenRegio, weertRegio) = factory.MetDatabase(db => (
            db.Inburgeraars.Where(i => i.Gemeente!.Code == "GM1724").OrderBy(i => i.Id).Select(i => i.Id).First(),
            db.Inburgeraars.Where(i => i.Gemeente!.Code == "GM0988").OrderBy(i => i.Id).Select(i => i.Id).First(),
            db.Gemeenten.Where(g => g.Code == "GM1724").Select(g => g.RegioId).First(),
            db.Gemeenten.Where(g => g.Code == "GM0988").Select(g => g.RegioId).First()));
        Assert.NotEqual(kempenRegio, weertRegio);
        var ids = factory.MetDatabase(db =>
        {
            var regels = new List<(Guid Dossier, int? Regio, AuditRegel Regel)>();
            foreach (var dossier in new[] { kempenCase, weertCase })
            {
                foreach (var regio in new int?[] { kempenRegio, weertRegio, null })
                {
                    var r = new AuditRegel { Op = DateTime.UtcNow, Gebruiker = gebruiker, Actie = AuditActie.Inzien, InburgeraarId = dossier, RegioId = regio, Omschrijving = "Zichttest" };
                    db.Audit.Add(r);
                    regels.Add((dossier, regio, r));
                }
            }

            db.SaveChanges();
            return regels.Select(r => (r.Dossier, r.Regio, r.Regel.Id)).ToList();
        });
        var auditor = factory.ClientAls(KempenAuditor);
        var algemeen = Ids(await (await auditor.GetAsync($"/api/v1/audit?gebruiker={Uri.EscapeDataString(gebruiker)}")).LeesAsync()).ToHashSet();
        foreach (var dossier in new[] { kempenCase, weertCase })
        {
            var opDossier = Ids(await (await auditor.GetAsync($"/api/v1/audit?dossier={dossier}&aantal=1000")).LeesAsync()).ToHashSet();
            var verwacht = ids.Where(r => r.Dossier == dossier && (dossier == kempenCase || r.Regio == kempenRegio)).Select(r => r.Id).ToHashSet();
            Assert.Equal(verwacht, opDossier.Intersect(ids.Select(r => r.Id)).ToHashSet());
            Assert.Equal(verwacht, algemeen.Intersect(ids.Where(r => r.Dossier == dossier).Select(r => r.Id)).ToHashSet());
        }
    }

    [Theory]
    [InlineData("aantal=0", "aantal")]
    [InlineData("aantal=1001", "aantal")]
    [InlineData("na=0", "na")]
    public async Task Een_verkeerde_pagina_vraag_krijgt_een_Nederlandse_melding_bij_het_veld(string vraag, string veld)
    {
        var antwoord = await factory.ClientAls(KempenAuditor).GetAsync($"/api/v1/audit?{vraag}");
        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        var fouten = (await antwoord.LeesAsync())["errors"]!.AsObject();
        Assert.Equal([veld], fouten.Select(f => f.Key));
        Assert.Contains(veld == "aantal" ? "tussen 1 en 1000" : "volgende", fouten[veld]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

/// <summary>On SQLite the search goes through EF: a first page without a next one is its own count (the log read once).</summary>
public sealed class SqliteAuditPaginaTests(SqliteFactory factory) : AuditPaginaTests(factory), IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task Een_zoekvraag_die_op_een_pagina_past_leest_het_log_een_keer()
    {
        var gebruiker = $"eenpagina.{Guid.NewGuid():N}@koers.example";
        factory.MetDatabase(db =>
        {
            var dossier = db.Inburgeraars.Where(i => i.Gemeente!.Code == "GM1724").OrderBy(i => i.Id).Select(i => i.Id).First();
            db.Audit.AddRange(Enumerable.Range(0, 7).Select(i => new AuditRegel
            {
                Op = new DateTime(2026, 6, 1, 12, i, 0, DateTimeKind.Utc), Gebruiker = gebruiker, Actie = AuditActie.Inzien, InburgeraarId = dossier, Omschrijving = "Paginatest",
            }));
            return db.SaveChanges();
        });
        var auditor = factory.ClientAls("auditor@kempen.example");
        using var teller = Statementteller.VanVerzoeken();

        async Task<int> LezingenAsync(string query)
        {
            teller.Wis();
            Assert.Equal(HttpStatusCode.OK, (await auditor.SendAsync(teller.Verzoek($"/api/v1/audit?gebruiker={Uri.EscapeDataString(gebruiker)}{query}"))).StatusCode);
            // Reads of the audit log (the audit row of the search itself is an INSERT).
            return teller.Statements.Count(t => t.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                && System.Text.RegularExpressions.Regex.IsMatch(t, "FROM \"?audit\"? "));
        }

        Assert.Equal(1, await LezingenAsync("&aantal=7"));
        Assert.Equal(2, await LezingenAsync("&aantal=6"));
    }
}

/// <summary>
/// On PostgreSQL the page, the count and the search's own audit row travel as one batch: one round trip per search
/// (issue #21), and all or nothing.
/// </summary>
public sealed class PostgresAuditPaginaTests(PostgresFactory factory) : AuditPaginaTests(factory), IClassFixture<PostgresFactory>
{
    private const string Weigerterm = "weigert-auditregel";

    private Guid KempenDossier() => factory.MetDatabase(db =>
        db.Inburgeraars.Where(i => i.Gemeente!.Code == "GM1724").OrderBy(i => i.Id).Select(i => i.Id).First());

    [Fact]
    public async Task Een_zoekvraag_is_een_rondreis_met_pagina_telling_en_auditregel()
    {
        var dossier = KempenDossier();
        var auditor = factory.ClientAls("auditor@kempen.example");
        using var teller = new Rondreisteller();
        foreach (var vraag in new[] { $"dossier={dossier}", $"dossier={dossier}&aantal=1", "gebruiker=sanne", "van=2026-01-01&tot=2026-12-31&aantal=2" })
        {
            Assert.Equal(HttpStatusCode.OK, (await auditor.SendAsync(teller.Verzoek($"/api/v1/audit?{vraag}"))).StatusCode);
            // Whatever else the request sent (the user's reach, loaded once and cached), the log is read and written once.
            var metAudit = teller.Rondreizen.Where(r => System.Text.RegularExpressions.Regex.IsMatch(r, "\\baudit\\b")).ToList();
            Assert.True(metAudit.Count == 1, $"{vraag}: {metAudit.Count} rondreizen met het auditlog van {teller.Rondreizen.Count}:\n" + string.Join("\n----\n", teller.Rondreizen));
            var rondreis = metAudit[0];
            Assert.Contains("INSERT INTO audit", rondreis, StringComparison.Ordinal);
            Assert.Contains("ORDER BY", rondreis, StringComparison.Ordinal);
            teller.Wis();
        }
    }

    /// <summary>
    /// The search's row gets the same context as a row saved through EF (role, organisation, region, address, purpose,
    /// the business clock), and is about the case searched for.
    /// </summary>
    [Fact]
    public async Task De_auditregel_uit_de_batch_draagt_dezelfde_context_als_elke_andere()
    {
        var dossier = KempenDossier();
        var auditor = factory.ClientAls("auditor@kempen.example");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/v1/audit?dossier={dossier}")).StatusCode);
        var regel = factory.MetDatabase(db => db.Audit.AsNoTracking()
            .Where(a => a.Gebruiker == "auditor@kempen.example" && a.Omschrijving.Contains($"dossier {dossier}")).OrderByDescending(a => a.Id).First());
        Assert.Equal(AuditActie.Inzien, regel.Actie);
        Assert.Equal(AuditResultaat.Toegestaan, regel.Resultaat);
        Assert.Equal(dossier, regel.InburgeraarId);
        Assert.Equal("audit", regel.Doel);
        Assert.Equal("Auditor", regel.Rol);
        Assert.False(string.IsNullOrEmpty(regel.Organisatie));
        var regio = factory.MetDatabase(db => db.Gemeenten.Where(g => g.Code == "GM1724").Select(g => g.RegioId).Single());
        Assert.Equal(regio, regel.RegioId);
        Assert.Equal(KoersFactory.Nu.UtcDateTime, regel.Op, TimeSpan.FromDays(1));
        Assert.Null(regel.Volgnummer);
    }

    /// <summary>
    /// When the row cannot be written, the search answers nothing of the log (an error, no rows), and once it can again the
    /// search answers: a read is never shown without its row.
    /// </summary>
    [Fact]
    public async Task Kan_de_auditregel_niet_worden_geschreven_dan_komt_er_geen_antwoord()
    {
        var gebruiker = $"{Weigerterm}.{Guid.NewGuid():N}@koers.example";
        var dossier = KempenDossier();
        factory.MetDatabase(db =>
        {
            db.Audit.Add(new AuditRegel { Op = new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc), Gebruiker = gebruiker, Actie = AuditActie.Inzien, InburgeraarId = dossier, Omschrijving = "Geheim gezien" });
            return db.SaveChanges();
        });
        int Zoekregels() => factory.MetDatabase(db => db.Audit.Count(a => a.Gebruiker == "auditor@kempen.example" && a.Omschrijving.Contains(gebruiker)));
        factory.MetDatabase(db => db.Database.ExecuteSqlRaw($$"""
            CREATE FUNCTION test_zoekregel_weigert() RETURNS trigger LANGUAGE plpgsql AS $f$
            BEGIN IF NEW."Gebruiker" = 'auditor@kempen.example' AND NEW."Omschrijving" LIKE '%{{Weigerterm}}%' THEN RAISE EXCEPTION 'auditregel geweigerd'; END IF; RETURN NEW; END $f$;
            CREATE TRIGGER test_zoekregel_weigert BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION test_zoekregel_weigert();
            """));
        var pad = $"/api/v1/audit?gebruiker={Uri.EscapeDataString(gebruiker)}";
        var auditor = factory.ClientAls("auditor@kempen.example");
        try
        {
            var geweigerd = await auditor.GetAsync(pad);
            Assert.Equal(HttpStatusCode.InternalServerError, geweigerd.StatusCode);
            Assert.DoesNotContain("Geheim gezien", await geweigerd.Content.ReadAsStringAsync());
            Assert.Equal(0, Zoekregels());
        }
        finally
        {
            factory.MetDatabase(db => db.Database.ExecuteSqlRaw("DROP TRIGGER test_zoekregel_weigert ON audit; DROP FUNCTION test_zoekregel_weigert();"));
        }

        var antwoord = await (await auditor.GetAsync(pad)).LeesAsync();
        Assert.Equal("Geheim gezien", Assert.Single(antwoord["regels"]!.AsArray())!["omschrijving"]!.GetValue<string>());
        Assert.Equal(1, Zoekregels());
    }
}

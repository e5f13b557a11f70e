using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Groepen;
using Koers.Data.Model.Keten;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Dossier;

/// <summary>
/// The case page and the case API in statements (issue #21): one request runs a fixed, small number of database
/// statements (a regression to a query per part or an N+1 fails here), and what the fewer statements rely on is held:
/// the municipality's logistics settings kept between requests are seen changed on the next request after a save; the
/// heading's well-being line (now one statement) agrees with the Welzijn tab; the waiting-list position (now counted in
/// the same statement) is the position on the group's list.
/// </summary>
public abstract class DossierpaginaStatementsTests(KoersFactory factory)
{
    /// <summary>
    /// Statements of one warm case-page request of a new case (no parts filled) by a klantregisseur, as EF sends them: 19
    /// since the deadline alerts come from the settings cache (Kern.Instellingencache), 18 since the page's two audited
    /// reads (the case and the sociale kaart) saved their audit rows in one batch, 17 since on PostgreSQL each of those
    /// reads writes its own row in its own statement (Auditlog.MeelezenAsync). SQLite saves the two rows at the end of the
    /// page, one insert each: 19 there.
    /// </summary>
    public const int PaginaStatements = 17;

    /// <summary>Statements of one warm case-API request on PostgreSQL: the case with its family and milestones, which writes its audit row.</summary>
    public const int ApiStatements = 1;

    private readonly HttpClient _client = factory.CreateClient();

    protected HttpClient Client => _client;
    private static int _volgnummer;

    /// <summary>The surname of this test's last new case (the counter is shared by the SQLite and PostgreSQL classes, which run at once).</summary>
    private string _naam = "";

    protected async Task<Guid> DossierAsync(string gemeente = "GM1724")
    {
        var invoer = Testdata.Inburgeraar(bsn: Testdata.NieuwBsn(), gemeente: gemeente);
        invoer["achternaam"] = _naam = "Statements" + Interlocked.Increment(ref _volgnummer);
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.LeesAsync())["id"]!.GetValue<string>());
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Html(string html) => new HtmlParser().ParseDocument(html);

    [Fact]
    public async Task Een_dossierpagina_en_een_dossiervraag_via_de_API_kosten_een_vast_klein_aantal_statements()
    {
        var id = await DossierAsync();
        using var teller = Statementteller.VanVerzoeken();
        // Warm: the user's reach and the municipality's settings are loaded once, then kept (Bereikcache, Instellingencache).
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(teller.Verzoek($"/inburgeraars/{id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(teller.Verzoek($"/api/v1/inburgeraars/{id}"))).StatusCode);

        teller.Wis();
        var pagina = await _client.SendAsync(teller.Verzoek($"/inburgeraars/{id}"));
        var html = await pagina.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, pagina.StatusCode);
        Assert.Contains(_naam, Html(html).QuerySelector("h1")!.TextContent);
        Assert.NotNull(Html(html).GetElementById("termijnen"));
        Assert.NotNull(Html(html).GetElementById("logistiek-kop"));
        var opPagina = teller.Statements;
        // SQLite's EF provider does not batch and has no data-modifying WITH: the page's two audit rows are two (in-process) commands there.
        var verwacht = PaginaStatements + (factory.Provider == DatabaseProvider.Postgres ? 0 : 2);
        Assert.True(opPagina.Count == verwacht,
            $"De dossierpagina deed {opPagina.Count} statements (verwacht {verwacht}):\n" + string.Join("\n---\n", opPagina));
        // On PostgreSQL each row is part of its read's statement: no COMMIT round trip of EF's own. SQLite's two separate
        // inserts keep EF's transaction (in-process, no round trip).
        Assert.Equal(factory.Provider == DatabaseProvider.Postgres ? 0 : 1, teller.Commits);

        teller.Wis();
        var api = await _client.SendAsync(teller.Verzoek($"/api/v1/inburgeraars/{id}"));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(id.ToString(), (await api.LeesAsync())["id"]!.GetValue<string>());
        var viaApi = teller.Statements;
        var verwachtApi = ApiStatements + (factory.Provider == DatabaseProvider.Postgres ? 0 : 1);
        Assert.True(viaApi.Count == verwachtApi,
            $"De dossier-API deed {viaApi.Count} statements (verwacht {verwachtApi}):\n" + string.Join("\n---\n", viaApi));

        // Both reads are audited, each with one row (the statement counts include its insert).
        var rijen = factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id && a.Actie == AuditActie.Inzien).Select(a => a.Omschrijving).ToList());
        Assert.Equal(2, rijen.Count(o => o == "Scherm: dossier bekeken"));
        Assert.Equal(2, rijen.Count(o => o == "API: dossier opgevraagd"));
    }

    [Fact]
    public async Task De_dossierpagina_bewaart_haar_twee_auditregels_samen_en_toont_niets_als_dat_niet_lukt()
    {
        var id = await DossierAsync();
        var naam = _naam;
        int Regels() => factory.MetDatabase(db => db.Audit.Count(a => a.InburgeraarId == id && a.Actie == AuditActie.Inzien));

        // Both reads of the page are in the audit log. On PostgreSQL each read's statement writes its own row (what Npgsql
        // sent: the INSERT in a WITH in front of the read's SELECT); SQLite's provider saves the two inserts at the end of
        // the page, in-process.
        if (factory.Provider == DatabaseProvider.Postgres)
        {
            using var rondreizen = new Rondreisteller();
            Assert.Contains(naam, await (await _client.SendAsync(rondreizen.Verzoek($"/inburgeraars/{id}"))).Content.ReadAsStringAsync());
            var metRegel = rondreizen.Rondreizen.Where(s => s.Contains("INSERT INTO audit", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, metRegel.Count);
            Assert.All(metRegel, s => Assert.Matches("WITH koers_audit AS \\(\\s*INSERT INTO audit[\\s\\S]*\\)\\s*-- koers:audit-mee\\s+SELECT ", s));
            Assert.Single(metRegel, s => s.Contains("FROM inburgeraar WHERE \"Id\" =", StringComparison.Ordinal));
        }
        else
        {
            using var teller = Statementteller.VanVerzoeken();
            Assert.Contains(naam, await (await _client.SendAsync(teller.Verzoek($"/inburgeraars/{id}"))).Content.ReadAsStringAsync());
            var inserts = teller.Statements.Where(s => System.Text.RegularExpressions.Regex.IsMatch(s, "INSERT INTO \"?audit\"? ")).ToList();
            Assert.Equal(2, inserts.Count);
        }

        var omschrijvingen = factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id && a.Actie == AuditActie.Inzien).Select(a => a.Omschrijving).ToList());
        Assert.Contains("Scherm: dossier bekeken", omschrijvingen);
        Assert.Contains("Sociale kaart: koppelingen van de inburgeraar bekeken", omschrijvingen);

        // The database refuses the sociale kaart's audit row: the page shows nothing of the case. On SQLite the case's own
        // row is not stored either (the page's rows are one transaction); on PostgreSQL the case's row came with the case
        // read, which did take place (nothing of it was shown), and the sociale kaart's read failed with its row.
        var voor = Regels();
        const string Weigerregel = "Sociale kaart: koppelingen van de inburgeraar bekeken";
        var pg = factory.Provider == DatabaseProvider.Postgres;
        int Kaartregels() => factory.MetDatabase(db => db.Audit.Count(a => a.InburgeraarId == id && a.Omschrijving == Weigerregel));
        var kaartVoor = Kaartregels();
        factory.MetDatabase(db => db.Database.ExecuteSqlRaw(pg
            ? $$"""
              CREATE FUNCTION test_audit_weigert() RETURNS trigger LANGUAGE plpgsql AS $f$
              BEGIN IF NEW."Omschrijving" = '{{Weigerregel}}' THEN RAISE EXCEPTION 'auditregel geweigerd'; END IF; RETURN NEW; END $f$;
              CREATE TRIGGER test_audit_weigert BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION test_audit_weigert();
              """
            : $"""
              CREATE TRIGGER test_audit_weigert BEFORE INSERT ON audit WHEN NEW."Omschrijving" = '{Weigerregel}'
              BEGIN SELECT RAISE(ABORT, 'auditregel geweigerd'); END;
              """));
        try
        {
            // A page error ends on the error page (Program.cs: UseExceptionHandler redirects to /fout).
            var pagina = await _client.GetAsync($"/inburgeraars/{id}");
            Assert.Equal("/fout", pagina.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.DoesNotContain(naam, await pagina.Content.ReadAsStringAsync());
            Assert.Equal(voor + (pg ? 1 : 0), Regels());
            Assert.Equal(kaartVoor, Kaartregels());
        }
        finally
        {
            factory.MetDatabase(db => db.Database.ExecuteSqlRaw(pg
                ? "DROP TRIGGER test_audit_weigert ON audit; DROP FUNCTION test_audit_weigert();"
                : "DROP TRIGGER test_audit_weigert;"));
        }

        Assert.Contains(naam, await _client.GetStringAsync($"/inburgeraars/{id}"));
        Assert.Equal(voor + (pg ? 3 : 2), Regels());
    }

    [Fact]
    public async Task Een_opgeslagen_logistieke_instelling_staat_bij_het_volgende_verzoek_op_de_dossierpagina()
    {
        var id = await DossierAsync("GM1728");
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/logistiek/reizen", new { leslocatie = "Bladel", reistijdOvMinuten = 50 })).StatusCode);
        string Kop(string html) => Html(html).GetElementById("logistiek-kop")!.TextContent;

        // 50 minutes is within the default maximum of 60; the settings are now kept for this municipality.
        Assert.DoesNotContain("aandacht nodig", Kop(await _client.GetStringAsync($"/inburgeraars/{id}")));
        Assert.DoesNotContain("aandacht nodig", Kop(await _client.GetStringAsync($"/inburgeraars/{id}")));

        var opgeslagen = await _client.PutJsonAsync("/api/v1/beheer/logistiek/GM1728", new { maxReistijdMinuten = 40, vervoerEindeDagen = 14, maxTussenpozeDagen = 28 });
        Assert.Equal(HttpStatusCode.OK, opgeslagen.StatusCode);
        Assert.Contains("50 min naar Bladel · aandacht nodig", Kop(await _client.GetStringAsync($"/inburgeraars/{id}")));

        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync("/api/v1/beheer/logistiek/GM1728", new { maxReistijdMinuten = 60, vervoerEindeDagen = 14, maxTussenpozeDagen = 28 })).StatusCode);
        Assert.DoesNotContain("aandacht nodig", Kop(await _client.GetStringAsync($"/inburgeraars/{id}")));
    }

    [Fact]
    public async Task De_welzijnsregel_in_de_kop_zegt_hetzelfde_als_het_welzijnstabblad()
    {
        var vandaag = KoersFactory.Vandaag;
        Welzijnsscreening Screening(Guid id, DateOnly datum, Welzijnssignaal signaal) =>
            new() { Id = Guid.NewGuid(), InburgeraarId = id, Moment = Screeningsmoment.Tussentijds, Signaal = signaal, Datum = datum, VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test" };
        Voortgangsgesprek Gesprek(Guid id, DateOnly datum) =>
            new() { Id = Guid.NewGuid(), InburgeraarId = id, GeplandOp = datum, Datum = datum, Status = Gespreksstatus.Gehouden, VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test" };
        Zorgverwijzing Verwijzing(Guid id, Zorgstatus status) =>
            new() { Id = Guid.NewGuid(), InburgeraarId = id, Naar = Zorgsoort.Ggz, Status = status, AangemeldOp = vandaag.AddDays(-50), VastgelegdDoor = "test" };

        // Each case: what is stored, and what the heading must say (null: no heading line).
        var gevallen = new List<(string Naam, Func<Guid, object[]> Rijen, string? Kop)>
        {
            ("niets", _ => [], null),
            ("signaal op de nieuwste screening, gesprek daarna", id => [Screening(id, vandaag.AddDays(-40), Welzijnssignaal.Ja), Gesprek(id, vandaag.AddDays(-10))],
                "0 lopende zorgverwijzingen · hercheck nodig"),
            ("signaal alleen op een oudere screening", id => [Screening(id, vandaag.AddDays(-60), Welzijnssignaal.Ja), Screening(id, vandaag.AddDays(-40), Welzijnssignaal.Nee), Gesprek(id, vandaag.AddDays(-10))],
                "0 lopende zorgverwijzingen"),
            ("twee screenings op de nieuwste dag, een met signaal", id => [Screening(id, vandaag.AddDays(-40), Welzijnssignaal.Nee), Screening(id, vandaag.AddDays(-40), Welzijnssignaal.Ja), Gesprek(id, vandaag.AddDays(-10))],
                "0 lopende zorgverwijzingen · hercheck nodig"),
            ("lopende en afgeronde verwijzing, gesprek na de screening", id => [Screening(id, vandaag.AddDays(-40), Welzijnssignaal.Nee), Verwijzing(id, Zorgstatus.ZorgGestart), Verwijzing(id, Zorgstatus.Afgerond), Gesprek(id, vandaag.AddDays(-10))],
                "1 lopende zorgverwijzing · hercheck nodig"),
            ("gesprek voor de screening met signaal", id => [Gesprek(id, vandaag.AddDays(-50)), Screening(id, vandaag.AddDays(-40), Welzijnssignaal.Ja)],
                "0 lopende zorgverwijzingen"),
        };

        foreach (var (naam, rijen, kop) in gevallen)
        {
            var id = await DossierAsync();
            factory.MetDatabase(db =>
            {
                db.AddRange(rijen(id));
                return db.SaveChanges();
            });
            var regel = Html(await _client.GetStringAsync($"/inburgeraars/{id}")).GetElementById("welzijn-kop")?.TextContent.Trim();
            var tab = (await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/welzijn")).LeesAsync())["hercheckNodig"]!.GetValue<bool>();
            Assert.True(kop is null ? regel is null : regel == $"Welzijn: {kop}", $"{naam}: '{regel}'");
            Assert.True(regel is null || regel.EndsWith("hercheck nodig", StringComparison.Ordinal) == tab, $"{naam}: kop '{regel}', tabblad hercheckNodig {tab}");
        }
    }

    [Fact]
    public async Task De_plaats_op_de_wachtlijst_op_de_dossierpagina_is_die_op_de_lijst_van_de_groep()
    {
        var a = await DossierAsync();
        var b = await DossierAsync();
        var c = await DossierAsync();
        var (eerste, tweede) = factory.MetDatabase(db =>
        {
            var gemeente = db.Gemeenten.Single(g => g.Code == "GM1724").Id;
            var groepA = new Groepsaanbod { Id = Guid.NewGuid(), GemeenteId = gemeente, Naam = "Taalcafé Aa", Locatie = "Bibliotheek", Capaciteit = 1 };
            var groepB = new Groepsaanbod { Id = Guid.NewGuid(), GemeenteId = gemeente, Naam = "Taalcafé Bb", Locatie = "Bibliotheek", Capaciteit = 1 };
            db.AddRange(groepA, groepB);
            // List A: a, b, c in that order (volgnummers with a gap); list B: c alone.
            foreach (var (groep, id, volgnummer) in new[] { (groepA, a, 3), (groepA, b, 7), (groepA, c, 8), (groepB, c, 1) })
            {
                db.Add(new Groepswachtplaats { Id = Guid.NewGuid(), GroepsaanbodId = groep.Id, InburgeraarId = id, Sinds = KoersFactory.Vandaag, Volgnummer = volgnummer });
            }

            db.SaveChanges();
            return (groepA.Id, groepB.Id);
        });

        async Task<List<string>> PlaatsenAsync(Guid id) =>
            [.. Html(await _client.GetStringAsync($"/inburgeraars/{id}")).QuerySelectorAll("#dossier-wachtlijsten li").Select(li => li.TextContent.Split(',')[0].Trim())];

        Assert.Equal(["Op de wachtlijst voor Taalcafé Aa: plaats 1"], await PlaatsenAsync(a));
        Assert.Equal(["Op de wachtlijst voor Taalcafé Aa: plaats 2"], await PlaatsenAsync(b));
        Assert.Equal(["Op de wachtlijst voor Taalcafé Aa: plaats 3", "Op de wachtlijst voor Taalcafé Bb: plaats 1"], await PlaatsenAsync(c));
        Assert.NotEqual(eerste, tweede);
    }
}

public sealed class SqliteDossierpaginaStatementsTests(SqliteFactory factory) : DossierpaginaStatementsTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresDossierpaginaStatementsTests(PostgresFactory factory) : DossierpaginaStatementsTests(factory), IClassFixture<PostgresFactory>
{
    private readonly PostgresFactory _factory = factory;

    [Fact]
    public async Task De_DUO_meldingen_op_de_dossierpagina_worden_per_persoon_opgezocht_niet_door_alle_meldingen_heen()
    {
        // The case page shows the DUO events of the case and of its person not (yet) linked to it, found by the person's
        // blind BSN index. 10,000 events of other persons stand beside them: a year brings hundreds of thousands. With
        // the status leading the index, that lookup read the whole index on every case page (issue #21: 778 buffers,
        // 2.6 ms with 44,000 events, and growing).
        _factory.MetDatabase(db => db.Database.ExecuteSqlRaw("""
            INSERT INTO duo_notificatie ("BerichtId", "GebeurtenisId", "RegistratieDatumTijd", "Persoonssleutel", "Afzender", "OntvangenOp", "Status", "Pogingen")
            SELECT gen_random_uuid(), 'SS137', timestamptz '2026-01-01 00:00Z' + g * interval '1 s', 'sleuteltest-' || g, 'sleuteltest', now(),
                   CASE WHEN g % 10 = 0 THEN 'Geparkeerd' ELSE 'Verwerkt' END, 1
            FROM generate_series(1, 10000) g;
            ANALYZE duo_notificatie;
            """));
        try
        {
            var id = await DossierAsync();
            using var teller = Statementteller.VanVerzoeken();
            Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(teller.Verzoek($"/inburgeraars/{id}"))).StatusCode);
            // The page's own statement, with its parameters as it sent them: the case's id and the person's keys.
            var duo = Assert.Single(teller.Commandos, c => c.Tekst.Contains("FROM duo_notificatie", StringComparison.Ordinal));
            Assert.Contains("\"Persoonssleutel\" = ANY (", duo.Tekst);

            var plan = _factory.MetDatabase(db =>
            {
                var conn = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
                conn.Open();
                using var cmd = new Npgsql.NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + duo.Tekst, conn);
                foreach (var p in duo.Parameters) cmd.Parameters.Add(p);
                return (string)cmd.ExecuteScalar()!;
            });
            using var json = System.Text.Json.JsonDocument.Parse(plan);
            var wortel = json.RootElement[0].GetProperty("Plan");
            var buffers = wortel.GetProperty("Shared Hit Blocks").GetInt64() + wortel.GetProperty("Shared Read Blocks").GetInt64();
            // A probe per key: a few index and heap pages. The whole index of 10,000 events is over 60 pages.
            Assert.True(buffers <= 20, $"De DUO-meldingen van één dossier lazen {buffers} buffers:\n{plan}");
        }
        finally
        {
            _factory.MetDatabase(db => db.Database.ExecuteSqlRaw("""DELETE FROM duo_notificatie WHERE "Afzender" = 'sleuteltest'"""));
        }
    }
}

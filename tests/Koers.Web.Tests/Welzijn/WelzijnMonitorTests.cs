using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Web.Tests.Infrastructure;
using Koers.Web.Tests.Monitor;

namespace Koers.Web.Tests.Welzijn;

/// <summary>
/// The well-being aggregate and the Werk.Kom exit table (/monitor/welzijn, issue #22): figures against counts worked out
/// by hand from base data built here (2017, a year no demo case has), small counts hidden with their complement (one
/// hidden cell next to a shown total must not be derivable), another municipality not counted, and only the monitor
/// roles see it (a klantregisseur and a chain partner do not).
/// </summary>
public abstract class WelzijnMonitorTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();
    private static int _volgnummer;

    private async Task<Guid> DossierAsync(string gemeente)
    {
        var invoer = Testdata.Inburgeraar(bsn: Testdata.NieuwBsn(), koppelingsdatum: "2025-11-03", gemeente: gemeente);
        invoer["achternaam"] = "Welzijnsmonitor" + Interlocked.Increment(ref _volgnummer);
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.LeesAsync())["id"]!.GetValue<string>());
    }

    private static DateOnly D(int maand, int dag = 10) => new(2017, maand, dag);

    private static Welzijnsscreening Screening(Guid id, DateOnly datum, Signaalsoort? soort = null, Ernst? ernst = null) => new()
    {
        Id = Guid.NewGuid(), InburgeraarId = id, Moment = Screeningsmoment.BredeIntake, Signaal = soort is null ? Welzijnssignaal.Nee : Welzijnssignaal.Ja,
        Soort = soort, Ernst = ernst, Bron = soort is null ? null : Signaalherkomst.Klantregisseur, Datum = datum, Toelichting = "Geheim", VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test",
    };

    private static Zorgverwijzing Verwijzing(Guid id, Zorgsoort naar, DateOnly op, bool gestart) => new()
    {
        Id = Guid.NewGuid(), InburgeraarId = id, Naar = naar, Zorgaanbieder = "Geheime praktijk", AangemeldOp = op, Status = gestart ? Zorgstatus.ZorgGestart : Zorgstatus.Aangemeld,
        ZorgGestartOp = gestart ? op.AddDays(14) : null, VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test",
    };

    private static Uitstroom Uit(Guid id, Uitstroomsoort soort, DateOnly datum) => new()
    {
        Id = Guid.NewGuid(), InburgeraarId = id, Soort = soort, Datum = datum, VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test",
    };

    /// <summary>
    /// Seventeen people in Bergeijk (GM1724) and one in Bladel (GM1728). The expected figures below are counted by hand
    /// from this list, not by the code under test.
    /// </summary>
    private async Task BasisAsync()
    {
        var p = new List<Guid>();
        for (var i = 0; i < 17; i++) p.Add(await DossierAsync("GM1724"));
        var bladel = await DossierAsync("GM1728");
        factory.MetDatabase(db =>
        {
            // Signals: P0-P5 stress licht (P0 had trauma ernstig before: the latest counts), P6-P8 stress matig, P9-P13 angst licht.
            db.Add(Screening(p[0], D(1), Signaalsoort.Trauma, Ernst.Ernstig));
            for (var i = 0; i < 6; i++) db.Add(Screening(p[i], D(3), Signaalsoort.Stress, Ernst.Licht));
            for (var i = 6; i < 9; i++) db.Add(Screening(p[i], D(3), Signaalsoort.Stress, Ernst.Matig));
            for (var i = 9; i < 14; i++) db.Add(Screening(p[i], D(4), Signaalsoort.Angst, Ernst.Licht));
            db.Add(Screening(p[14], D(4)));
            db.Add(Screening(p[15], D(4)));
            // Outside the period: not counted.
            db.Add(Screening(p[16], new DateOnly(2016, 12, 31), Signaalsoort.Angst, Ernst.Ernstig));
            db.Add(Verwijzing(p[16], Zorgsoort.Ggz, new DateOnly(2016, 12, 31), true));

            // Referrals: GGZ P0-P5 (P0-P4 started), POH-GGZ P6-P8 (P6, P7 started); P9 first maatschappelijk werk (not
            // started), later GGZ (started): counted once, with the first.
            for (var i = 0; i < 6; i++) db.Add(Verwijzing(p[i], Zorgsoort.Ggz, D(5), i < 5));
            for (var i = 6; i < 9; i++) db.Add(Verwijzing(p[i], Zorgsoort.PohGgz, D(5), i < 8));
            db.Add(Verwijzing(p[9], Zorgsoort.MaatschappelijkWerk, D(2), false));
            db.Add(Verwijzing(p[9], Zorgsoort.Ggz, D(6), true));

            // Niet startklaar: P14 open, P15 closed.
            db.Add(new NietStartklaar { Id = Guid.NewGuid(), InburgeraarId = p[14], Redenen = "Psychische klachten", Datum = D(4), Herbenaderdatum = D(6), VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test" });
            db.Add(new NietStartklaar { Id = Guid.NewGuid(), InburgeraarId = p[15], Redenen = "Mantelzorg", Datum = D(4), Herbenaderdatum = D(6), AfgehandeldOp = D(8), VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test" });

            // Exits: paid work P0-P3 part time, P4-P6 full time; volunteering P7-P11; education P12; P13 education then
            // volunteering (the latest counts).
            for (var i = 0; i < 4; i++) db.Add(Uit(p[i], Uitstroomsoort.BetaaldeBaanDeeltijd, D(9)));
            for (var i = 4; i < 7; i++) db.Add(Uit(p[i], Uitstroomsoort.BetaaldeBaanVoltijd, D(9)));
            for (var i = 7; i < 12; i++) db.Add(Uit(p[i], Uitstroomsoort.Vrijwilligerswerk, D(9)));
            db.Add(Uit(p[12], Uitstroomsoort.Opleiding, D(9)));
            db.Add(Uit(p[13], Uitstroomsoort.Opleiding, D(1)));
            db.Add(Uit(p[13], Uitstroomsoort.Vrijwilligerswerk, D(6)));

            // Bladel: one of everything; never in Bergeijk's figures.
            db.Add(Screening(bladel, D(3), Signaalsoort.Stress, Ernst.Licht));
            db.Add(Verwijzing(bladel, Zorgsoort.Ggz, D(5), true));
            db.Add(Uit(bladel, Uitstroomsoort.Opleiding, D(9)));
            return db.SaveChanges();
        });
    }

    /// <summary>Bergeijk 2017, counted by hand from <see cref="BasisAsync"/>.</summary>
    private static readonly Dictionary<(string, string, string), int> Verwacht = new()
    {
        [("welzijn-keten", "gescreend", "aantal")] = 16,
        [("welzijn-keten", "signaal", "aantal")] = 14,
        [("welzijn-keten", "verwezen", "aantal")] = 10,
        [("welzijn-keten", "gestart", "aantal")] = 7,
        [("welzijn-keten", "niet-startklaar", "aantal")] = 2,
        [("welzijn-keten", "niet-startklaar-open", "aantal")] = 1,
        [("welzijn-signalen", "stress", "licht")] = 6,
        [("welzijn-signalen", "stress", "matig")] = 3,
        [("welzijn-signalen", "stress", "ernstig")] = 0,
        [("welzijn-signalen", "stress", "totaal")] = 9,
        [("welzijn-signalen", "angst", "licht")] = 5,
        [("welzijn-signalen", "angst", "totaal")] = 5,
        [("welzijn-signalen", "trauma", "totaal")] = 0,
        [("welzijn-signalen", "totaal", "licht")] = 11,
        [("welzijn-signalen", "totaal", "matig")] = 3,
        [("welzijn-signalen", "totaal", "ernstig")] = 0,
        [("welzijn-signalen", "totaal", "totaal")] = 14,
        [("welzijn-verwijzingen", "ggz", "gestart")] = 5,
        [("welzijn-verwijzingen", "ggz", "niet-gestart")] = 1,
        [("welzijn-verwijzingen", "ggz", "verwezen")] = 6,
        [("welzijn-verwijzingen", "pohggz", "gestart")] = 2,
        [("welzijn-verwijzingen", "pohggz", "niet-gestart")] = 1,
        [("welzijn-verwijzingen", "pohggz", "verwezen")] = 3,
        [("welzijn-verwijzingen", "maatschappelijkwerk", "gestart")] = 0,
        [("welzijn-verwijzingen", "maatschappelijkwerk", "verwezen")] = 1,
        [("welzijn-verwijzingen", "totaal", "gestart")] = 7,
        [("welzijn-verwijzingen", "totaal", "niet-gestart")] = 3,
        [("welzijn-verwijzingen", "totaal", "verwezen")] = 10,
        [("werkkom-uitstroom", "betaalde-baan", "aantal")] = 7,
        [("werkkom-uitstroom", "vrijwilligerswerk", "aantal")] = 6,
        [("werkkom-uitstroom", "opleiding", "aantal")] = 1,
        [("werkkom-uitstroom", "anders", "aantal")] = 0,
        [("werkkom-uitstroom", "totaal", "aantal")] = 14,
    };

    private static Onthullingsaanval.Weergave Lees(JsonNode json)
    {
        var w = Onthullingsaanval.Lees(json);
        // Relations the attacker's generic reader cannot see from the headings: started + not started = referred, and
        // the same figure in the chain table and a table's total.
        foreach (var rij in json["tabellen"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "welzijn-verwijzingen")!["rijen"]!.AsArray())
        {
            var r = rij!["sleutel"]!.GetValue<string>();
            w.Sommen.Add(([("welzijn-verwijzingen", r, "gestart"), ("welzijn-verwijzingen", r, "niet-gestart")], ("welzijn-verwijzingen", r, "verwezen")));
        }

        w.Sommen.Add(([("welzijn-signalen", "totaal", "totaal")], ("welzijn-keten", "signaal", "aantal")));
        w.Sommen.Add(([("welzijn-verwijzingen", "totaal", "verwezen")], ("welzijn-keten", "verwezen", "aantal")));
        w.Sommen.Add(([("welzijn-verwijzingen", "totaal", "gestart")], ("welzijn-keten", "gestart", "aantal")));
        return w;
    }

    [Fact]
    public async Task De_welzijnsmonitor_telt_mensen_en_verbergt_kleine_aantallen_met_hun_complement()
    {
        await BasisAsync();

        // Without suppression (a teamleider-like test user may show small counts): every figure as counted by hand.
        var open = await _client.GetAsync("/api/v1/monitor/welzijn?gemeente=GM1724&jaar=2017&verbergKleineAantallen=false");
        Assert.True(open.IsSuccessStatusCode, await open.Content.ReadAsStringAsync());
        var alles = Lees((await open.LeesAsync())!);
        foreach (var (plaats, aantal) in Verwacht) Assert.True(alles.Cellen[plaats].Waarde == aantal, $"{plaats}: {alles.Cellen[plaats].Tekst}, verwacht {aantal}");
        // Never content: no free text, no provider.
        Assert.DoesNotContain("Geheim", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The beleidsmedewerker: small counts hidden; what is shown is right; nothing hidden can be worked out.
        var beleid = factory.ClientAls("beleid@kempen.example");
        var antwoord = await beleid.GetAsync("/api/v1/monitor/welzijn?gemeente=GM1724&jaar=2017");
        Assert.True(antwoord.IsSuccessStatusCode, await antwoord.Content.ReadAsStringAsync());
        var w = Lees((await antwoord.LeesAsync())!);
        foreach (var (plaats, aantal) in Verwacht)
        {
            var cel = w.Cellen[plaats];
            if (aantal is >= 1 and < 5) Assert.True(cel.Verborgen, $"{plaats} is klein ({aantal}) maar staat er als {cel.Tekst}");
            if (!cel.Verborgen) Assert.Equal((decimal?)aantal, cel.Waarde);
        }

        // The complementary case: education (1) is hidden in the exit table whose total (14) would give it away from
        // paid work (7), volunteering (6) and "anders" (0); so a second cell or the total is hidden too.
        Assert.Equal("<5", w.Cellen[("werkkom-uitstroom", "opleiding", "aantal")].Tekst);
        Assert.Contains(new[] { "betaalde-baan", "vrijwilligerswerk", "totaal" }, r => w.Cellen[("werkkom-uitstroom", r, "aantal")].Verborgen);
        // Stress matig (3) next to stress licht (6) and the row total (9): likewise.
        Assert.Contains(new[] { "licht", "totaal" }, k => w.Cellen[("welzijn-signalen", "stress", k)].Verborgen);
        Assert.Empty(Onthullingsaanval.Bereken(w));

        // Another municipality is not counted: the region (Bergeijk and Bladel) has one more signal, referral and exit.
        var regio = Lees((await (await _client.GetAsync("/api/v1/monitor/welzijn?jaar=2017&verbergKleineAantallen=false")).LeesAsync())!);
        Assert.Equal(15m, regio.Cellen[("welzijn-keten", "signaal", "aantal")].Waarde);
        Assert.Equal(6m, regio.Cellen[("welzijn-verwijzingen", "ggz", "gestart")].Waarde);
        Assert.Equal(2m, regio.Cellen[("werkkom-uitstroom", "opleiding", "aantal")].Waarde);
        var bladel = Lees((await (await _client.GetAsync("/api/v1/monitor/welzijn?gemeente=GM1728&jaar=2017&verbergKleineAantallen=false")).LeesAsync())!);
        Assert.Equal((1m, 1m, 1m, 1m), (bladel.Cellen[("welzijn-keten", "gescreend", "aantal")].Waarde!.Value, bladel.Cellen[("welzijn-keten", "verwezen", "aantal")].Waarde!.Value,
            bladel.Cellen[("welzijn-keten", "gestart", "aantal")].Waarde!.Value, bladel.Cellen[("werkkom-uitstroom", "totaal", "aantal")].Waarde!.Value));

        // The page: the tables, the "Hoe berekend" and no names.
        var pagina = new HtmlParser().ParseDocument(await beleid.GetStringAsync("/monitor/welzijn?gemeente=GM1724&jaar=2017"));
        Assert.Contains("Gemeente Bergeijk", pagina.GetElementById("bereik")!.TextContent);
        Assert.NotNull(pagina.GetElementById("tabel-werkkom-uitstroom"));
        Assert.NotNull(pagina.GetElementById("tabel-welzijn-signalen"));
        Assert.Contains("zodat een verborgen aantal niet uit het totaal", pagina.GetElementById("hoe-berekend")!.TextContent);
        Assert.DoesNotContain("Welzijnsmonitor1", pagina.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(new HtmlParser().ParseDocument(await beleid.GetStringAsync("/monitor")).QuerySelector("a[href='/monitor/welzijn']"));
    }

    [Fact]
    public async Task Alleen_beleid_en_teamleider_zien_de_welzijnsmonitor()
    {
        foreach (var wie in new[] { "sanne.devries@kempen.example", "fleur.hendriks@weert.example", "partner@taalschool.example" })
        {
            var client = factory.ClientAls(wie, volgRedirects: false);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/monitor/welzijn?jaar=2017")).StatusCode);
            var pagina = await client.GetAsync("/monitor/welzijn?jaar=2017");
            Assert.False(pagina.IsSuccessStatusCode, $"{wie}: {pagina.StatusCode}");
        }
    }
}

public sealed class SqliteWelzijnMonitorTests(SqliteFactory factory) : WelzijnMonitorTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresWelzijnMonitorTests(PostgresFactory factory) : WelzijnMonitorTests(factory), IClassFixture<PostgresFactory>;

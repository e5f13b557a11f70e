using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Data.Model.Groepen;
using Koers.Data.Model.Keten;
using Koers.Domain.Dossier;
using Koers.Domain.Monitor;
using Koers.Web.Tests.Infrastructure;
using Koers.Web.Tests.Monitor;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Doelenboom;

/// <summary>
/// The doelenboom (issue #22): a functioneel beheerder sets a tree with KPIs; the monitor computes every KPI against
/// figures counted by hand from base data built here (2017, a year no demo case has), hides small counts as the rest of
/// the monitor does (with their complement, and with the region and its municipalities together), draws the tree with a
/// text alternative, and exports it as CSV. Only the monitor roles see it; only beheer changes it; another region's tree
/// is out of reach.
/// </summary>
public abstract class DoelenboomTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();
    private static int _volgnummer;

    private async Task<Guid> DossierAsync(string gemeente)
    {
        var invoer = Testdata.Inburgeraar(bsn: Testdata.NieuwBsn(), koppelingsdatum: "2025-11-03", gemeente: gemeente);
        invoer["achternaam"] = "Doelenboom" + Interlocked.Increment(ref _volgnummer);
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.LeesAsync())["id"]!.GetValue<string>());
    }

    private static DateOnly D(int jaar, int maand, int dag = 1) => new(jaar, maand, dag);

    private static object K(string indicator, decimal streef, int? maanden = null) =>
        new { soort = "Kpi", indicator, streefwaarde = streef, vanJaar = 2017, totJaar = 2017, maanden };

    private static object N(string soort, string naam) => new { soort, naam };

    /// <summary>A tree with every indicator; "ZorgGestart" hangs on two nodes and is one figure.</summary>
    private static readonly object[] Boom =
    [
        N("Effect", "Meedoen, liefst via betaald werk"), K("BetaaldWerkNaPip", 30, 12),
        N("Doel", "Werk"), K("PlaatsingNaPip", 60),
        N("Subdoel", "Stappen op de ladder"), K("LadderStijging", 50),
        N("Activiteit", "Groepsaanbod"), K("Groepsdeelname", 10), K("ZrouteParticipatieuren", 12),
        N("Doel", "Taal"), K("B1Behaald", 50),
        N("Doel", "Welzijn"), K("ZorgGestart", 40),
        N("Subdoel", "Zorg"), K("ZorgGestart", 40),
    ];

    /// <summary>Twelve people in Bergeijk (GM1724) and one in Bladel (GM1728); the expectations below are counted by hand.</summary>
    private async Task BasisAsync()
    {
        var p = new List<Guid>();
        for (var i = 0; i < 12; i++) p.Add(await DossierAsync("GM1724"));
        var bladel = await DossierAsync("GM1728");
        factory.MetDatabase(db =>
        {
            var bergeijk = db.Gemeenten.Single(g => g.Code == "GM1724").Id;
            PipVersie Pip(Guid id, DateOnly op) => new() { Id = Guid.NewGuid(), InburgeraarId = id, Versie = 1, Status = PipStatus.Vastgesteld, Dagtekening = op, VastgesteldDoor = "test" };
            Plaatsing Plaatsing(Guid id, Plaatsingssoort soort, DateOnly start) => new() { Id = Guid.NewGuid(), InburgeraarId = id, Soort = soort, Start = start, InternAfdeling = "Productie", VastgelegdDoor = "test" };
            Uitstroom Uit(Guid id, DateOnly op) => new() { Id = Guid.NewGuid(), InburgeraarId = id, Soort = Uitstroomsoort.BetaaldeBaanVoltijd, Datum = op, VastgelegdDoor = "test" };

            // PIP on 1 March 2017 for P0-P9; P10 in 2016 (not in the cohort); Bladel in 2017.
            for (var i = 0; i < 10; i++) db.Add(Pip(p[i], D(2017, 3)));
            db.Add(Pip(p[10], D(2016, 3)));
            db.Add(Pip(bladel, D(2017, 3)));

            // Paid work within 12 months of the PIP: P0, P1 (exit), P2 (paid placement), P3 (placement ended with a job
            // in January 2018); P4's exit in June 2018 is too late. 4 of 10.
            db.Add(Uit(p[0], D(2017, 9)));
            db.Add(Uit(p[1], D(2017, 9)));
            db.Add(Uit(p[4], D(2018, 6)));
            db.Add(Plaatsing(p[2], Plaatsingssoort.BetaaldDienstverband, D(2017, 6)));
            var baan = Plaatsing(p[3], Plaatsingssoort.Werkervaringsplaats, D(2017, 5));
            baan.Uitkomst = Plaatsingsuitkomst.Baan;
            baan.BeeindigdOp = D(2018, 1, 15);
            db.Add(baan);

            // A placement started after the PIP in 2017: P2, P3 and P4-P8; P9's started before the PIP. 7 of 10.
            for (var i = 4; i < 9; i++) db.Add(Plaatsing(p[i], Plaatsingssoort.MapPraktijk, D(2017, 4)));
            db.Add(Plaatsing(p[9], Plaatsingssoort.Taalstage, D(2017, 1)));

            // Ladder: P0-P4 from 1 to 2, P5 stays at 3; P6 has one score only. 5 of 6.
            for (var i = 0; i < 6; i++)
            {
                db.Add(new Ladderscore { Id = Guid.NewGuid(), InburgeraarId = p[i], Datum = D(2016, 6), Trede = i < 5 ? 1 : 3, TredeNaam = "x", VastgelegdDoor = "test" });
                db.Add(new Ladderscore { Id = Guid.NewGuid(), InburgeraarId = p[i], Datum = D(2017, 6), Trede = i < 5 ? 2 : 3, TredeNaam = "x", VastgelegdDoor = "test" });
            }

            db.Add(new Ladderscore { Id = Guid.NewGuid(), InburgeraarId = p[6], Datum = D(2017, 6), Trede = 2, TredeNaam = "x", VastgelegdDoor = "test" });

            // B1: P0 all four at B1; P1 three of four; P2 all four but at A2. 1 of 3.
            var onderdelen = new[] { Examenonderdeel.Lezen, Examenonderdeel.Luisteren, Examenonderdeel.Schrijven, Examenonderdeel.Spreken };
            foreach (var (wie, aantal, niveau) in new[] { (p[0], 4, "B1"), (p[1], 3, "B1"), (p[2], 4, "A2") })
            {
                foreach (var o in onderdelen.Take(aantal))
                    db.Add(new Examenresultaat { Id = Guid.NewGuid(), InburgeraarId = wie, Onderdeel = o, Datum = D(2017, 10), Niveau = niveau, Behaald = true, Bron = Gegevensbron.Duo, VastgelegdDoor = "test" });
            }

            // A group: P0-P5 enrolled in 2017; P6 only in 2018; P7 left in 2016. 6.
            var groep = new Groepsaanbod { Id = Guid.NewGuid(), GemeenteId = bergeijk, Naam = "Taalcafé Doelenboom", Soort = Groepssoort.Taalcafegroep, Locatie = "Bibliotheek", Capaciteit = 20 };
            db.Add(groep);
            for (var i = 0; i < 6; i++) db.Add(new Groepsdeelname { Id = Guid.NewGuid(), GroepsaanbodId = groep.Id, InburgeraarId = p[i], IngeschrevenOp = D(2017, 2) });
            db.Add(new Groepsdeelname { Id = Guid.NewGuid(), GroepsaanbodId = groep.Id, InburgeraarId = p[6], IngeschrevenOp = D(2018, 2) });
            db.Add(new Groepsdeelname { Id = Guid.NewGuid(), GroepsaanbodId = groep.Id, InburgeraarId = p[7], IngeschrevenOp = D(2016, 2), UitgeschrevenOp = D(2016, 12) });

            // Z-route: P6-P10 10 participation hours and 6 volunteering hours (16 each); P11 only language hours. 5 people, 16 on average.
            for (var i = 6; i < 12; i++)
            {
                var dossier = db.Inburgeraars.Single(x => x.Id == p[i]);
                dossier.Leerroute = Leerroute.ZRoute;
                if (i == 11)
                {
                    db.Add(new Urenregistratie { InburgeraarId = p[i], Soort = Urensoort.Taal, Week = D(2017, 1, 2), Uren = 30, Bron = Gegevensbron.Gemeente, VastgelegdDoor = "test" });
                    continue;
                }

                db.Add(new Urenregistratie { InburgeraarId = p[i], Soort = Urensoort.Participatie, Week = D(2017, 1, 2), Uren = 10, Bron = Gegevensbron.Gemeente, VastgelegdDoor = "test" });
                db.Add(new Urenregistratie { InburgeraarId = p[i], Soort = Urensoort.Vrijwilligerswerk, Week = D(2017, 2, 6), Uren = 6, Bron = Gegevensbron.Gemeente, VastgelegdDoor = "test" });
            }

            foreach (var id in p.Take(3)) db.Inburgeraars.Single(x => x.Id == id).Leerroute = Leerroute.B1Route;

            // Care: P0-P5 started, P6-P11 not. 6 of 12. Bladel: one, started.
            for (var i = 0; i < 12; i++)
            {
                db.Add(new Zorgverwijzing
                {
                    Id = Guid.NewGuid(), InburgeraarId = p[i], Naar = Zorgsoort.Ggz, Zorgaanbieder = "Geheime praktijk", AangemeldOp = D(2017, 5), Status = i < 6 ? Zorgstatus.ZorgGestart : Zorgstatus.Aangemeld,
                    ZorgGestartOp = i < 6 ? D(2017, 6) : null, VastgelegdDoor = "test",
                });
            }

            db.Add(new Zorgverwijzing { Id = Guid.NewGuid(), InburgeraarId = bladel, Naar = Zorgsoort.Ggz, AangemeldOp = D(2017, 5), Status = Zorgstatus.ZorgGestart, ZorgGestartOp = D(2017, 6), VastgelegdDoor = "test" });
            return db.SaveChanges();
        });
    }

    /// <summary>(KPI key, column) → count, Bergeijk 2017, by hand from <see cref="BasisAsync"/>.</summary>
    private static readonly Dictionary<(string, string, string), int> Verwacht = new()
    {
        [("doelenboom-aandelen", "betaaldwerknapip-2017-2017-12", "met")] = 4,
        [("doelenboom-aandelen", "betaaldwerknapip-2017-2017-12", "zonder")] = 6,
        [("doelenboom-aandelen", "betaaldwerknapip-2017-2017-12", "groep")] = 10,
        [("doelenboom-aandelen", "plaatsingnapip-2017-2017", "met")] = 7,
        [("doelenboom-aandelen", "plaatsingnapip-2017-2017", "zonder")] = 3,
        [("doelenboom-aandelen", "plaatsingnapip-2017-2017", "groep")] = 10,
        [("doelenboom-aandelen", "ladderstijging-2017-2017", "met")] = 5,
        [("doelenboom-aandelen", "ladderstijging-2017-2017", "zonder")] = 1,
        [("doelenboom-aandelen", "ladderstijging-2017-2017", "groep")] = 6,
        [("doelenboom-aandelen", "b1behaald-2017-2017", "met")] = 1,
        [("doelenboom-aandelen", "b1behaald-2017-2017", "zonder")] = 2,
        [("doelenboom-aandelen", "b1behaald-2017-2017", "groep")] = 3,
        [("doelenboom-aandelen", "zorggestart-2017-2017", "met")] = 6,
        [("doelenboom-aandelen", "zorggestart-2017-2017", "zonder")] = 6,
        [("doelenboom-aandelen", "zorggestart-2017-2017", "groep")] = 12,
        [("doelenboom-aantallen", "groepsdeelname-2017-2017", "aantal")] = 6,
        [("doelenboom-aantallen", "zrouteparticipatieuren-2017-2017", "aantal")] = 5,
    };

    private static Onthullingsaanval.Weergave Lees(JsonNode json)
    {
        var w = Onthullingsaanval.Lees(json);
        // The relation the generic reader cannot see from the headings: with + without = the group.
        foreach (var rij in json["tabellen"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "doelenboom-aandelen")!["rijen"]!.AsArray())
        {
            var r = rij!["sleutel"]!.GetValue<string>();
            w.Sommen.Add(([("doelenboom-aandelen", r, "met"), ("doelenboom-aandelen", r, "zonder")], ("doelenboom-aandelen", r, "groep")));
        }

        return w;
    }

    [Fact]
    public async Task De_doelenboom_berekent_de_kpis_en_verbergt_kleine_aantallen_zoals_de_monitor()
    {
        await BasisAsync();
        var opslaan = await _client.PutJsonAsync("/api/v1/beheer/doelenboom/GM1724", new { regels = Boom });
        Assert.True(opslaan.IsSuccessStatusCode, await opslaan.Content.ReadAsStringAsync());
        Assert.True(factory.MetDatabase(db => db.Audit.Any(a => a.Omschrijving.Contains("Doelenboom gemeente Bergeijk") && a.Actie == AuditActie.Wijzigen)));

        // Without suppression (the test user may show small counts): every figure as counted by hand.
        var open = await _client.GetAsync("/api/v1/monitor/doelenboom?gemeente=GM1724&verbergKleineAantallen=false");
        Assert.True(open.IsSuccessStatusCode, await open.Content.ReadAsStringAsync());
        var json = await open.LeesAsync();
        var alles = Lees(json);
        foreach (var (plaats, aantal) in Verwacht) Assert.True(alles.Cellen[plaats].Waarde == aantal, $"{plaats}: {alles.Cellen[plaats].Tekst}, verwacht {aantal}");
        var kpis = json["kpis"]!.AsArray().ToDictionary(k => k!["sleutel"]!.GetValue<string>(), k => k!);
        Assert.Equal(7, kpis.Count); // ZorgGestart on two nodes is one figure
        Assert.Equal(40m, kpis["betaaldwerknapip-2017-2017-12"]["werkelijk"]!.GetValue<decimal>());
        Assert.Equal("gehaald", kpis["betaaldwerknapip-2017-2017-12"]["stand"]!.GetValue<string>());
        Assert.Equal(70m, kpis["plaatsingnapip-2017-2017"]["werkelijk"]!.GetValue<decimal>());
        Assert.Equal("gehaald", kpis["plaatsingnapip-2017-2017"]["stand"]!.GetValue<string>());
        Assert.Equal(33.3m, kpis["b1behaald-2017-2017"]["werkelijk"]!.GetValue<decimal>());
        Assert.Equal("nietGehaald", kpis["b1behaald-2017-2017"]["stand"]!.GetValue<string>());
        Assert.Equal(6m, kpis["groepsdeelname-2017-2017"]["werkelijk"]!.GetValue<decimal>());
        Assert.Equal("nietGehaald", kpis["groepsdeelname-2017-2017"]["stand"]!.GetValue<string>());
        Assert.Equal(16m, kpis["zrouteparticipatieuren-2017-2017"]["werkelijk"]!.GetValue<decimal>());
        Assert.Equal(50m, kpis["zorggestart-2017-2017"]["werkelijk"]!.GetValue<decimal>());
        Assert.DoesNotContain("Geheim", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The region counts Bladel too (one more PIP and care started): the municipality filter works.
        var bladel = await (await _client.PutJsonAsync("/api/v1/beheer/doelenboom/GM1728", new { regels = Boom })).Content.ReadAsStringAsync();
        Assert.Contains("Welzijn", bladel, StringComparison.Ordinal);
        var bl = Lees(await (await _client.GetAsync("/api/v1/monitor/doelenboom?gemeente=GM1728&verbergKleineAantallen=false")).LeesAsync());
        Assert.Equal(1m, bl.Cellen[("doelenboom-aandelen", "zorggestart-2017-2017", "met")].Waarde);

        // The beleidsmedewerker: small counts hidden; what is shown is right; nothing hidden can be worked out, and a
        // hidden figure gets no judgement.
        var beleid = factory.ClientAls("beleid@kempen.example");
        var antwoord = await beleid.GetAsync("/api/v1/monitor/doelenboom?gemeente=GM1724");
        Assert.True(antwoord.IsSuccessStatusCode, await antwoord.Content.ReadAsStringAsync());
        var bjson = await antwoord.LeesAsync();
        var w = Lees(bjson);
        foreach (var (plaats, aantal) in Verwacht)
        {
            var cel = w.Cellen[plaats];
            if (aantal is >= 1 and < 5) Assert.True(cel.Verborgen, $"{plaats} is klein ({aantal}) maar staat er als {cel.Tekst}");
            if (!cel.Verborgen) Assert.Equal((decimal?)aantal, cel.Waarde);
        }

        // The complement: 3 without a placement next to 7 with and a group of 10 would give it away; so one more is hidden.
        Assert.Contains(new[] { "met", "groep" }, k => w.Cellen[("doelenboom-aandelen", "plaatsingnapip-2017-2017", k)].Verborgen);
        Assert.Empty(Onthullingsaanval.Bereken(w));
        var bkpis = bjson["kpis"]!.AsArray().ToDictionary(k => k!["sleutel"]!.GetValue<string>(), k => k!);
        Assert.True(bkpis["b1behaald-2017-2017"]["verborgen"]!.GetValue<bool>());
        Assert.Null(bkpis["b1behaald-2017-2017"]["werkelijk"]);
        Assert.Equal("verborgen", bkpis["b1behaald-2017-2017"]["stand"]!.GetValue<string>());
        Assert.Equal("verborgen", bkpis["plaatsingnapip-2017-2017"]["stand"]!.GetValue<string>());
        Assert.Equal(6m, bkpis["groepsdeelname-2017-2017"]["werkelijk"]!.GetValue<decimal>());

        // Region and municipalities protected together: Bladel's 1 started next to the region's total cannot be
        // differenced either. The attacker reads Bergeijk, Bladel and the region side by side.
        var bladelBeleid = Lees(await (await beleid.GetAsync("/api/v1/monitor/doelenboom?gemeente=GM1728")).LeesAsync());
        Assert.True(bladelBeleid.Cellen[("doelenboom-aandelen", "zorggestart-2017-2017", "met")].Verborgen);

        // The page: the picture with its text alternative, the list, the tables, "hoe berekend", no names.
        var pagina = new HtmlParser().ParseDocument(await beleid.GetStringAsync("/monitor/doelenboom?gemeente=GM1724"));
        var svg = pagina.QuerySelector("svg.koers-doelenboom")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Contains("maatschappelijk effect: Meedoen, liefst via betaald werk", pagina.GetElementById("boom-beschrijving")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("verborgen (kleine aantallen)", pagina.GetElementById("boom-beschrijving")!.TextContent, StringComparison.Ordinal);
        var lijst = pagina.GetElementById("doelenboom-lijst")!;
        Assert.Equal(8, lijst.QuerySelectorAll("li[data-kpi]").Length); // 7 KPIs, one on two nodes
        Assert.Equal("Verborgen", lijst.QuerySelector("li[data-kpi='b1behaald-2017-2017']")!.GetAttribute("data-stand"));
        Assert.NotNull(pagina.GetElementById("tabel-doelenboom-aandelen"));
        Assert.Contains("eerste vastgestelde PIP", pagina.GetElementById("hoe-berekend")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Doelenboom1", pagina.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(new HtmlParser().ParseDocument(await beleid.GetStringAsync("/monitor")).QuerySelector("a[href='/monitor/doelenboom']"));

        // CSV: the tree with its path, the hidden figure as hidden.
        var csv = await beleid.GetStringAsync("/api/v1/monitor/doelenboom/csv?gemeente=GM1724");
        Assert.Contains("Plaats in de boom", csv, StringComparison.Ordinal);
        Assert.Contains("Meedoen, liefst via betaald werk > Taal", csv, StringComparison.Ordinal);
        var b1 = csv.Split("\r\n").Single(l => l.Contains("B1-examens", StringComparison.Ordinal));
        Assert.Contains("(<5)", b1, StringComparison.Ordinal);
        Assert.Contains("verborgen (kleine aantallen)", b1, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beheer_krijgt_fouten_per_regel_en_de_boom_komt_terug_als_regels()
    {
        var fout = await _client.PutJsonAsync("/api/v1/beheer/doelenboom/GM1724", new
        {
            regels = new object[]
            {
                K("LadderStijging", 50), N("Effect", "Meedoen"), N("Subdoel", "Zonder doel"), N("Doel", "Werk"),
                new { soort = "Kpi", indicator = "Bestaatniet", streefwaarde = 10, vanJaar = 2017, totJaar = 2017 },
                new { soort = "Kpi", indicator = "PlaatsingNaPip", streefwaarde = 120, vanJaar = 2017, totJaar = 2016 },
                K("BetaaldWerkNaPip", 30, 7),
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        var errors = (await fout.LeesAsync())["errors"]!;
        Assert.Contains("Een KPI hoort bij een doel", errors["regels[0]"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("ontbreekt erboven", errors["regels[2]"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Kies een indicator", errors["regels[4]"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var r5 = string.Join(" ", errors["regels[5]"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Contains("percentage van 0 tot en met 100", r5, StringComparison.Ordinal);
        Assert.Contains("niet voor het beginjaar", r5, StringComparison.Ordinal);
        Assert.Contains("aantal maanden na het PIP", errors["regels[6]"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var goed = await _client.PutJsonAsync("/api/v1/beheer/doelenboom/GM1667", new { regels = Boom });
        Assert.True(goed.IsSuccessStatusCode, await goed.Content.ReadAsStringAsync());
        var terug = await (await _client.GetAsync("/api/v1/beheer/doelenboom/GM1667")).LeesAsync();
        var regels = terug["regels"]!.AsArray();
        Assert.Equal(Boom.Length, regels.Count);
        Assert.Equal("Subdoel", regels[4]!["soort"]!.GetValue<string>());
        Assert.Equal(12, regels[1]!["maanden"]!.GetValue<int>());

        // The beheer page shows the lines in the form.
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync("/beheer/doelenboom?gemeente=GM1667"));
        Assert.Equal("Stappen op de ladder", pagina.GetElementById("Regels_4_-naam")!.GetAttribute("value"));
        Assert.Equal("LadderStijging", pagina.QuerySelector("#Regels_5_-indicator option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Alleen_monitorrollen_zien_de_doelenboom_en_alleen_beheer_wijzigt_hem()
    {
        foreach (var wie in new[] { "sanne.devries@kempen.example", "fleur.hendriks@weert.example", "partner@taalschool.example" })
        {
            var client = factory.ClientAls(wie, volgRedirects: false);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/monitor/doelenboom?gemeente=GM1724")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/monitor/doelenboom/csv?gemeente=GM1724")).StatusCode);
            Assert.False((await client.GetAsync("/monitor/doelenboom")).IsSuccessStatusCode, wie);
        }

        var beleid = factory.ClientAls("beleid@kempen.example", volgRedirects: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await beleid.PutJsonAsync("/api/v1/beheer/doelenboom/GM1724", new { regels = Boom })).StatusCode);
        Assert.False((await beleid.GetAsync("/beheer/doelenboom")).IsSuccessStatusCode);

        // Weert's demo tree is another region's: neither the monitor nor beheer of Kempen reaches it.
        var weert = await beleid.GetAsync("/api/v1/monitor/doelenboom?gemeente=GM0988");
        Assert.Equal(HttpStatusCode.BadRequest, weert.StatusCode);
        Assert.DoesNotContain("betaald werk", await weert.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/beheer/doelenboom/GM0988")).StatusCode);
    }

    [Fact]
    public void De_demoboom_van_Weert_is_geldig_en_heeft_elke_indicator()
    {
        var (boom, fouten) = Doelenboomregels.Lees(Web.Features.Doelenboom.DoelenboomDemo.Regels, 2026);
        Assert.Empty(fouten);
        Assert.Equal("Snel en volwaardig meedoen, liefst via betaald werk", boom!.Naam);
        Assert.Equal(Enum.GetValues<Indicator>().Order(), boom.MetAfstammelingen().SelectMany(k => k.Kpis).Select(k => k.Indicator).Distinct().Order());
        Assert.True(factory.MetDatabase(db => db.Set<Data.Model.Doelenboom>().Any(d => db.Gemeenten.Any(g => g.Id == d.GemeenteId && g.Code == "GM0988"))));
    }

    [Fact]
    public async Task Weerts_beleidsmedewerker_ziet_de_demoboom_in_de_monitor()
    {
        var pagina = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await factory.ClientAls("beleid@weert.example").GetStringAsync("/monitor/doelenboom"));
        Assert.Contains("Snel en volwaardig meedoen, liefst via betaald werk", pagina.Body!.TextContent);
        Assert.NotNull(pagina.QuerySelector("svg"));
    }
}

public sealed class SqliteDoelenboomTests(SqliteFactory factory) : DoelenboomTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresDoelenboomTests(PostgresFactory factory) : DoelenboomTests(factory), IClassFixture<PostgresFactory>;

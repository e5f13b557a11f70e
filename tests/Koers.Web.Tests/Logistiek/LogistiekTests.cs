using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Web.Tests.Infrastructure;

namespace Koers.Web.Tests.Logistiek;

/// <summary>
/// Logistics on a case (issue #23): travel time to the lesson location, transport support with its end, impossible
/// dayparts, gaps between trajecten on the worklist; validation at the field with nothing lost; need-to-know (another
/// municipality, the policy officer for persons, the klantregisseur for the aggregate); and the aggregated demand for
/// evening and weekend classes against hand-built data, small numbers hidden. The clock stands on 16 June 2026; cases
/// are in GM1724, whose settings these tests leave at the defaults (60 minutes, 14 days, 28 days).
/// </summary>
public abstract class LogistiekTests(KoersFactory factory)
{
    private static readonly DateOnly Vandaag = new(2026, 6, 16);
    private readonly HttpClient _client = factory.CreateClient();
    private static int _volgnummer;

    private async Task<Guid> DossierAsync(string gemeente = "GM1724")
    {
        var invoer = Testdata.Inburgeraar(bsn: Testdata.NieuwBsn(), gemeente: gemeente);
        invoer["achternaam"] = "Logistiek" + Interlocked.Increment(ref _volgnummer);
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.LeesAsync())["id"]!.GetValue<string>());
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task VervoerAsync(Guid id, string soort, DateOnly van, DateOnly? tot) =>
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/logistiek/vervoer", new { soort, van = D(van), tot = tot is { } t ? D(t) : null })).StatusCode);

    private async Task ReizenAsync(Guid id, object profiel) =>
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/logistiek/reizen", profiel)).StatusCode);

    private async Task<List<(Guid Id, string Soort, string Details)>> SignalenAsync(string gemeente = "GM1724") =>
        [.. (await (await _client.GetAsync($"/api/v1/logistiek/signalen?gemeente={gemeente}")).LeesAsync()).AsArray()
            .Select(o => (Guid.Parse(o!["inburgeraarId"]!.GetValue<string>()), o["soort"]!.GetValue<string>(), o["details"]!.GetValue<string>()))];

    private void Traject(Guid id, DateOnly start, DateOnly? einde) => factory.MetDatabase(db =>
    {
        var partner = db.Partnerorganisaties.OrderBy(p => p.Id).First().Id;
        db.Verwijzingen.Add(new Verwijzing
        {
            Id = Guid.NewGuid(), InburgeraarId = id, PartnerorganisatieId = partner, Onderdeel = Onderdeel.Taal, AangemeldOp = start.AddDays(-20), AangemeldDoor = "test",
            Status = einde is null ? Verwijzingsstatus.Geaccepteerd : Verwijzingsstatus.Afgerond, Startdatum = start, BeslistOp = einde ?? start.AddDays(-10), BeslistDoor = "test",
        });
        db.SaveChanges();
        return 0;
    });

    [Fact]
    public async Task Vervoer_dat_binnen_de_termijn_eindigt_staat_op_de_werkvoorraad_maar_niet_met_opvolger_of_later()
    {
        var eindigt = await DossierAsync();
        await VervoerAsync(eindigt, "busje", Vandaag.AddDays(-32), Vandaag.AddDays(10));
        var later = await DossierAsync();
        await VervoerAsync(later, "busabonnement", Vandaag.AddDays(-32), Vandaag.AddDays(20));
        var opvolger = await DossierAsync();
        await VervoerAsync(opvolger, "busje", Vandaag.AddDays(-32), Vandaag.AddDays(5));
        await VervoerAsync(opvolger, "ovVergoeding", Vandaag.AddDays(6), null);

        var signalen = await SignalenAsync();
        var regel = Assert.Single(signalen, s => s.Id == eindigt);
        Assert.Equal("Vervoer eindigt", regel.Soort);
        Assert.Contains("Busje (vervoer geregeld) eindigt op 26 jun 2026", regel.Details);
        Assert.DoesNotContain(signalen, s => s.Id == later);
        Assert.DoesNotContain(signalen, s => s.Id == opvolger);

        // The worklist section links to the transport part of the Reizen tab; the case page shows it in the heading.
        var werkvoorraad = new HtmlParser().ParseDocument(await _client.GetStringAsync("/werkvoorraad?gemeente=GM1724"));
        Assert.Contains(werkvoorraad.GetElementById("logistiek")!.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/inburgeraars/{eindigt}/logistiek#vervoer");
        var dossier = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{eindigt}"));
        Assert.Contains("Busje (vervoer geregeld) tot 26 jun 2026 · aandacht nodig", dossier.GetElementById("logistiek-kop")!.TextContent);
        var stand = await (await _client.GetAsync($"/api/v1/inburgeraars/{opvolger}/logistiek")).LeesAsync();
        Assert.All(stand["vervoer"]!.AsArray(), v => Assert.False(v!["eindigtBinnenkort"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Reistijd_boven_het_maximum_zonder_vervoer_staat_op_de_werkvoorraad()
    {
        var teLang = await DossierAsync();
        await ReizenAsync(teLang, new { woonkern = "Luyksgestel", leslocatie = "Z-route Bladel", reistijdOvMinuten = 75 });
        var metVervoer = await DossierAsync();
        await ReizenAsync(metVervoer, new { woonkern = "Luyksgestel", leslocatie = "Z-route Bladel", reistijdOvMinuten = 75 });
        await VervoerAsync(metVervoer, "taxi", Vandaag.AddDays(-5), null);
        var kort = await DossierAsync();
        await ReizenAsync(kort, new { woonkern = "Bergeijk", leslocatie = "Z-route Bladel", reistijdOvMinuten = 55 });
        var fiets = await DossierAsync();
        await ReizenAsync(fiets, new { woonkern = "Westerhoven", leslocatie = "Z-route Bladel", reistijdOvMinuten = 90, reistijdFietsMinuten = 40 });
        var verlopen = await DossierAsync();
        await ReizenAsync(verlopen, new { woonkern = "Riethoven", leslocatie = "Z-route Bladel", reistijdOvMinuten = 80 });
        await VervoerAsync(verlopen, "busje", Vandaag.AddDays(-50), Vandaag.AddDays(-8));

        var signalen = await SignalenAsync();
        Assert.Equal("75 min naar Z-route Bladel (maximum 60), geen vervoersvoorziening", Assert.Single(signalen, s => s.Id == teLang && s.Soort == "Reistijd boven maximum").Details);
        Assert.Single(signalen, s => s.Id == verlopen && s.Soort == "Reistijd boven maximum");
        Assert.DoesNotContain(signalen, s => s.Id == metVervoer || s.Id == kort || s.Id == fiets);

        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{teLang}/logistiek"));
        Assert.Contains("75 minuten", pagina.GetElementById("reistijd-te-lang")!.TextContent);
        Assert.Null(new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{metVervoer}/logistiek")).GetElementById("reistijd-te-lang"));
    }

    [Fact]
    public async Task Tussenpoze_tussen_trajecten_boven_het_maximum_staat_op_de_werkvoorraad_zolang_het_volgende_niet_is_begonnen()
    {
        var geenVervolg = await DossierAsync();
        Traject(geenVervolg, Vandaag.AddDays(-200), Vandaag.AddDays(-40));
        var kortGeleden = await DossierAsync();
        Traject(kortGeleden, Vandaag.AddDays(-200), Vandaag.AddDays(-20));
        var snelVervolg = await DossierAsync();
        Traject(snelVervolg, Vandaag.AddDays(-200), Vandaag.AddDays(-40));
        Traject(snelVervolg, Vandaag.AddDays(-30), null);
        var laatGepland = await DossierAsync();
        Traject(laatGepland, Vandaag.AddDays(-200), Vandaag.AddDays(-10));
        Traject(laatGepland, Vandaag.AddDays(30), null);
        var voorbij = await DossierAsync();
        Traject(voorbij, Vandaag.AddDays(-300), Vandaag.AddDays(-100));
        Traject(voorbij, Vandaag.AddDays(-50), null);
        var overlap = await DossierAsync();
        Traject(overlap, Vandaag.AddDays(-200), Vandaag.AddDays(-60));
        Traject(overlap, Vandaag.AddDays(-100), null);

        var signalen = (await SignalenAsync()).Where(s => s.Soort == "Tussenpoos tussen trajecten").ToList();
        Assert.Contains("40 dagen zonder vervolgtraject (maximum 28 dagen)", Assert.Single(signalen, s => s.Id == geenVervolg).Details);
        Assert.Contains("volgend traject start pas op 16 jul 2026", Assert.Single(signalen, s => s.Id == laatGepland).Details);
        Assert.DoesNotContain(signalen, s => s.Id == kortGeleden || s.Id == snelVervolg || s.Id == voorbij || s.Id == overlap);

        // The gap that is over stays on the case as history.
        var stand = await (await _client.GetAsync($"/api/v1/inburgeraars/{voorbij}/logistiek")).LeesAsync();
        var g = Assert.Single(stand["tussenpozen"]!.AsArray())!;
        Assert.Equal((50, true, false), (g["dagen"]!.GetValue<int>(), g["teLang"]!.GetValue<bool>(), g["actueel"]!.GetValue<bool>()));
        var werkvoorraad = new HtmlParser().ParseDocument(await _client.GetStringAsync("/werkvoorraad?gemeente=GM1724"));
        Assert.Contains(werkvoorraad.GetElementById("logistiek")!.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/inburgeraars/{geenVervolg}/logistiek#trajecten");
        // Correct Dutch: "tussenpoos" (plural "tussenpozen"); "tussenpoze" is not a word.
        var tab = await _client.GetStringAsync($"/inburgeraars/{geenVervolg}/logistiek");
        Assert.Contains("maximale tussenpoos tussen trajecten", tab);
        Assert.DoesNotContain("tussenpoze ", tab, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Einddatum_voor_begindatum_wordt_bij_het_veld_geweigerd_en_niets_gaat_verloren()
    {
        var id = await DossierAsync();
        var r = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/logistiek/vervoer", new { soort = "busje", van = "2026-06-10", tot = "2026-06-01" });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("De einddatum ligt vóór de begindatum.", (await r.LeesAsync())["errors"]!["tot"]![0]!.GetValue<string>());
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Vervoersvoorziening>().Count(v => v.InburgeraarId == id)));

        var profiel = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/logistiek/reizen", new { reistijdOvMinuten = 700, onmogelijk = new[] { "ma-nacht", "di-ochtend" } });
        var errors = (await profiel.LeesAsync())["errors"]!;
        Assert.Contains("0 tot en met 600", errors["reistijdOvMinuten"]![0]!.GetValue<string>());
        Assert.Contains("leslocatie", errors["leslocatie"]![0]!.GetValue<string>());
        Assert.Contains("ma-nacht", errors["onmogelijk"]![0]!.GetValue<string>());
        Assert.Contains("Kies waarom", errors["redenen"]![0]!.GetValue<string>());
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Reisprofiel>().Count(p => p.InburgeraarId == id)));

        // The page puts the message at the field and keeps what was typed.
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/logistiek"));
        var token = pagina.QuerySelector("#vervoerformulier input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fout = new HtmlParser().ParseDocument(await (await _client.PostAsync($"/inburgeraars/{id}/logistiek/vervoer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Vervoer.Soort"] = "Busje", ["Vervoer.Omschrijving"] = "Busje voor 6 weken", ["Vervoer.Van"] = "2026-06-10", ["Vervoer.Tot"] = "2026-06-01", ["__RequestVerificationToken"] = token,
        }))).Content.ReadAsStringAsync());
        Assert.Equal("De einddatum ligt vóór de begindatum.", fout.GetElementById("Vervoer_Tot-fout")!.TextContent.Trim());
        Assert.Equal("Busje voor 6 weken", fout.QuerySelector("input[name='Vervoer.Omschrijving']")!.GetAttribute("value"));
        Assert.Equal("2026-06-01", fout.QuerySelector("input[name='Vervoer.Tot']")!.GetAttribute("value"));
        Assert.Equal("Busje", fout.QuerySelector("select[name='Vervoer.Soort'] option[selected]")!.GetAttribute("value"));
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Vervoersvoorziening>().Count(v => v.InburgeraarId == id)));
    }

    [Fact]
    public async Task Vervoer_verlengen_op_het_tabblad_haalt_het_signaal_weg_en_een_foute_datum_staat_bij_het_veld()
    {
        var id = await DossierAsync();
        await VervoerAsync(id, "busje", Vandaag.AddDays(-32), Vandaag.AddDays(10));
        Assert.Contains(await SignalenAsync(), s => s.Id == id && s.Soort == "Vervoer eindigt");
        var vid = Guid.Parse((await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/logistiek")).LeesAsync())["vervoer"]![0]!["id"]!.GetValue<string>());

        // The row links to the edit form, which shows the current values.
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/logistiek"));
        var link = pagina.QuerySelector($"#vervoertabel tr[data-id='{vid}'] a.koers-wijzig-vervoer")!.GetAttribute("href")!;
        var formulier = new HtmlParser().ParseDocument(await _client.GetStringAsync(link));
        Assert.Equal(D(Vandaag.AddDays(10)), formulier.QuerySelector("#wijzigformulier input[name='Wijzig.Tot']")!.GetAttribute("value"));
        Assert.Equal("Busje", formulier.QuerySelector("#wijzigformulier select[name='Wijzig.Soort'] option[selected]")!.GetAttribute("value"));
        var token = formulier.QuerySelector("#wijzigformulier input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Task<HttpResponseMessage> Post(Dictionary<string, string> velden)
        {
            velden["wijzig"] = vid.ToString();
            velden["__RequestVerificationToken"] = token;
            return _client.PostAsync($"/inburgeraars/{id}/logistiek/wijzig", new FormUrlEncodedContent(velden));
        }

        // A date that does not exist: the message at the field, everything typed kept, nothing saved.
        var fout = new HtmlParser().ParseDocument(await (await Post(new()
        {
            ["Wijzig.Soort"] = "Taxi", ["Wijzig.Omschrijving"] = "Taxi tot de zomer", ["Wijzig.Van"] = D(Vandaag.AddDays(-32)), ["Wijzig.Tot"] = "2026-02-31",
        })).Content.ReadAsStringAsync());
        Assert.Contains("Vul een bestaande einddatum in", fout.GetElementById("Wijzig_Tot-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-02-31", fout.QuerySelector("input[name='Wijzig.Tot']")!.GetAttribute("value"));
        Assert.Equal("Taxi tot de zomer", fout.QuerySelector("input[name='Wijzig.Omschrijving']")!.GetAttribute("value"));
        Assert.Equal("Taxi", fout.QuerySelector("select[name='Wijzig.Soort'] option[selected]")!.GetAttribute("value"));
        Assert.NotNull(fout.QuerySelector("#foutsamenvatting a[href='#Wijzig_Tot']"));
        Assert.Equal(Vandaag.AddDays(10), factory.MetDatabase(db => db.Set<Vervoersvoorziening>().Single(v => v.Id == vid).Tot));
        // An end before the start: the service's message at the field.
        var voor = new HtmlParser().ParseDocument(await (await Post(new()
        {
            ["Wijzig.Soort"] = "Busje", ["Wijzig.Van"] = D(Vandaag.AddDays(-32)), ["Wijzig.Tot"] = D(Vandaag.AddDays(-40)),
        })).Content.ReadAsStringAsync());
        Assert.Equal("De einddatum ligt vóór de begindatum.", voor.GetElementById("Wijzig_Tot-fout")!.TextContent.Trim());

        // Extending it two months and correcting the kind: saved, audited, and the worklist signal is gone.
        var ok = await Post(new() { ["Wijzig.Soort"] = "Taxi", ["Wijzig.Van"] = D(Vandaag.AddDays(-32)), ["Wijzig.Tot"] = D(Vandaag.AddDays(60)) });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode); // after the redirect
        var opgeslagen = factory.MetDatabase(db => db.Set<Vervoersvoorziening>().Single(v => v.Id == vid));
        Assert.Equal((Vervoerssoort.Taxi, (DateOnly?)Vandaag.AddDays(60)), (opgeslagen.Soort, opgeslagen.Tot));
        Assert.DoesNotContain(await SignalenAsync(), s => s.Id == id);
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id).Select(a => a.Omschrijving).ToList()),
            o => o.StartsWith("Vervoersvoorziening gewijzigd (Taxi", StringComparison.Ordinal));

        // Ending it now: yesterday is its last day, it no longer runs, and no "ends soon" signal for a deliberate end.
        Assert.Equal(HttpStatusCode.OK, (await Post(new() { ["beeindig"] = "true" })).StatusCode);
        Assert.Equal(Vandaag.AddDays(-1), factory.MetDatabase(db => db.Set<Vervoersvoorziening>().Single(v => v.Id == vid).Tot));
        Assert.DoesNotContain(await SignalenAsync(), s => s.Id == id);
    }

    [Fact]
    public async Task Reizen_en_dagdelen_worden_bewaard_en_gelogd_zonder_toelichting()
    {
        var id = await DossierAsync();
        await ReizenAsync(id, new
        {
            woonkern = "Westerhoven", leslocatie = "Stavoor Eindhoven", reistijdOvMinuten = 65, reistijdFietsMinuten = 50,
            onmogelijk = new[] { "ma-ochtend", "VR-middag" }, redenen = new[] { "kinderopvang" }, toelichting = "Jongste kind naar de opvang",
        });
        var p = (await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/logistiek")).LeesAsync())["profiel"]!;
        Assert.Equal(["ma-ochtend", "vr-middag"], p["onmogelijk"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal(("Westerhoven", 65, "kinderopvang"), (p["woonkern"]!.GetValue<string>(), p["reistijdOvMinuten"]!.GetValue<int>(), p["redenen"]![0]!.GetValue<string>()));
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/logistiek"));
        Assert.True(pagina.GetElementById("dagdeel-vr-middag")!.HasAttribute("checked"));
        Assert.False(pagina.GetElementById("dagdeel-vr-ochtend")!.HasAttribute("checked"));

        var audit = factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id).Select(a => a.Omschrijving).ToList());
        Assert.Contains("Reizen en beschikbaarheid vastgelegd", audit);
        Assert.Contains("API: reizen en beschikbaarheid opgevraagd", audit);
        Assert.Contains("Scherm: reizen en beschikbaarheid bekeken", audit);
        Assert.DoesNotContain(audit, a => a.Contains("opvang", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Andere_gemeente_beleidsmedewerker_en_klantregisseur_zien_alleen_wat_mag()
    {
        var id = await DossierAsync();
        await ReizenAsync(id, new { woonkern = "Riethoven", leslocatie = "Z-route Bladel", reistijdOvMinuten = 85 });
        var weert = factory.ClientAls("fleur.hendriks@weert.example");
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/api/v1/inburgeraars/{id}/logistiek")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/inburgeraars/{id}/logistiek")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PutJsonAsync($"/api/v1/inburgeraars/{id}/logistiek/reizen", new { leslocatie = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostJsonAsync($"/api/v1/inburgeraars/{id}/logistiek/vervoer", new { soort = "taxi", van = "2026-06-01" })).StatusCode);
        Assert.DoesNotContain((await (await weert.GetAsync("/api/v1/logistiek/signalen")).LeesAsync()).AsArray(), o => o!["inburgeraarId"]!.GetValue<string>() == id.ToString());
        Assert.Equal("Riethoven", factory.MetDatabase(db => db.Set<Reisprofiel>().Single(p => p.InburgeraarId == id).Woonkern));

        var beleid = factory.ClientAls("beleid@kempen.example", volgRedirects: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await beleid.GetAsync($"/api/v1/inburgeraars/{id}/logistiek")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await beleid.GetAsync("/api/v1/logistiek/signalen")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await beleid.GetAsync($"/inburgeraars/{id}/logistiek")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await beleid.GetAsync("/api/v1/logistiek/vraag")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await beleid.GetAsync("/logistiek")).StatusCode);

        var regisseur = factory.ClientAls("sanne.devries@kempen.example", volgRedirects: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await regisseur.GetAsync("/api/v1/logistiek/vraag")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await regisseur.GetAsync("/logistiek")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await regisseur.GetAsync($"/api/v1/inburgeraars/{id}/logistiek")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await regisseur.GetAsync("/api/v1/beheer/logistiek/GM1724")).StatusCode);
    }

    [Fact]
    public async Task Vraag_naar_avond_en_weekendlessen_telt_per_leslocatie_en_verbergt_kleine_aantallen()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var groot = $"Locatie A {tag}";
        var klein = $"Locatie B {tag}";
        var kern = $"Kern {tag}";
        string[] overdag = [.. from dag in new[] { "ma", "di", "wo", "do", "vr" } from deel in new[] { "ochtend", "middag" } select $"{dag}-{deel}"];
        string[] weekend = [.. from dag in new[] { "za", "zo" } from deel in new[] { "ochtend", "middag", "avond" } select $"{dag}-{deel}"];
        // Location A: 10 recorded; 5 cannot come by day (all 5 can in the evening, 2 also at the weekend), 5 can
        // (one of them free on only three weekday dayparts: still counts as able to come by day).
        for (var n = 0; n < 10; n++)
        {
            var id = await DossierAsync();
            string[] onmogelijk = n switch
            {
                < 2 => overdag,
                < 5 => [.. overdag, .. weekend],
                5 => [.. overdag.Skip(3)],
                _ => [],
            };
            await ReizenAsync(id, new { woonkern = kern, leslocatie = groot, reistijdOvMinuten = n < 6 ? 70 : 30, onmogelijk, redenen = onmogelijk.Length > 0 ? new[] { "werk" } : [] });
        }

        // Location B: 3 recorded, all unable by day.
        for (var n = 0; n < 3; n++)
        {
            var id = await DossierAsync();
            await ReizenAsync(id, new { leslocatie = klein, onmogelijk = overdag, redenen = new[] { "schooltijden" } });
        }

        var vraag = await (await _client.GetAsync("/api/v1/logistiek/vraag")).LeesAsync();
        Assert.Equal(5, vraag["grens"]!.GetValue<int>());
        Assert.Contains("minder dan 3 van de 10", vraag["hoeBerekend"]!.GetValue<string>());
        JsonNode Rij(string naam) => vraag["leslocaties"]!.AsArray().Single(r => r!["leslocatie"]!.GetValue<string>() == naam)!;
        int? Getal(JsonNode r, string veld) => r[veld]?.GetValue<int?>();
        var a = Rij(groot);
        Assert.Equal((10, 5, 5, (int?)null), (Getal(a, "vastgelegd"), Getal(a, "overdagNiet"), Getal(a, "avondMogelijk"), Getal(a, "weekendMogelijk")));
        var b = Rij(klein);
        Assert.Equal(((int?)null, (int?)null, (int?)null, (int?)null), (Getal(b, "vastgelegd"), Getal(b, "overdagNiet"), Getal(b, "avondMogelijk"), Getal(b, "weekendMogelijk")));
        var k = vraag["kernen"]!.AsArray().Single(r => r!["kern"]!.GetValue<string>() == kern)!;
        Assert.Equal((10, 6, 6), (Getal(k, "metReistijd")!.Value, Getal(k, "bovenMaximum")!.Value, Getal(k, "zonderVervoer")!.Value));

        // The page shows the same, the hidden ones as "<5", with how it was computed; no names.
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync("/logistiek"));
        var rij = pagina.QuerySelectorAll("#vraagtabel tbody tr").Single(r => r.QuerySelector("th")!.TextContent == groot);
        Assert.Equal(["10", "5", "5", "<5"], rij.QuerySelectorAll("td").Select(c => c.TextContent));
        Assert.Contains("ochtenden en middagen", pagina.GetElementById("hoe-berekend")!.TextContent);
        Assert.DoesNotContain("Logistiek", pagina.QuerySelector("main")?.TextContent ?? pagina.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beheer_stelt_maxima_per_gemeente_in_en_de_signalen_volgen()
    {
        var fout = await _client.PutJsonAsync("/api/v1/beheer/logistiek/GM1728", new { maxReistijdMinuten = 5, vervoerEindeDagen = 0, maxTussenpozeDagen = 400 });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        var errors = (await fout.LeesAsync())["errors"]!;
        Assert.Contains("10 tot en met 240", errors["maxReistijdMinuten"]![0]!.GetValue<string>());
        Assert.Contains("1 tot en met 90", errors["vervoerEindeDagen"]![0]!.GetValue<string>());
        Assert.Contains("1 tot en met 365", errors["maxTussenpozeDagen"]![0]!.GetValue<string>());
        Assert.True((await (await _client.GetAsync("/api/v1/beheer/logistiek/GM1728")).LeesAsync())["standaard"]!.GetValue<bool>());

        var id = await DossierAsync("GM1728");
        await VervoerAsync(id, "busje", Vandaag.AddDays(-10), Vandaag.AddDays(25));
        await ReizenAsync(id, new { leslocatie = "Z-route Bladel", reistijdFietsMinuten = 45 });
        Assert.DoesNotContain(await SignalenAsync("GM1728"), s => s.Id == id);
        var zonderVervoer = await DossierAsync("GM1728");
        await ReizenAsync(zonderVervoer, new { leslocatie = "Z-route Bladel", reistijdFietsMinuten = 45 });
        Assert.DoesNotContain(await SignalenAsync("GM1728"), s => s.Id == zonderVervoer);

        var ok = await _client.PutJsonAsync("/api/v1/beheer/logistiek/GM1728", new { maxReistijdMinuten = 40, vervoerEindeDagen = 30, maxTussenpozeDagen = 21, kernen = "Hapert\nHoogeloon\n Casteren " });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(["Hapert", "Hoogeloon", "Casteren"], (await ok.LeesAsync())["kernen"]!.AsArray().Select(x => x!.GetValue<string>()));
        // The busje now ends within 30 days; the 45 minutes by bike are over 40 only once the busje has ended, so not yet.
        Assert.Equal(["Vervoer eindigt"], (await SignalenAsync("GM1728")).Where(s => s.Id == id).Select(s => s.Soort));
        // A maximum below the default (40 < 60) and a notice above it (30 > 14) both reach the worklist: the worklist
        // reads only the cases that can signal, with the loosest setting in reach, not the default.
        Assert.Equal(["Reistijd boven maximum"], (await SignalenAsync("GM1728")).Where(s => s.Id == zonderVervoer).Select(s => s.Soort));

        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync("/beheer/logistiek?gemeente=GM1728"));
        Assert.Equal("40", pagina.QuerySelector("input[name='Invoer.MaxReistijdMinuten']")!.GetAttribute("value"));
        Assert.Contains("Hoogeloon", pagina.GetElementById("Invoer_Kernen")!.TextContent);
        var dossierpagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/logistiek"));
        Assert.Contains("Hapert, Hoogeloon, Casteren", dossierpagina.GetElementById("Profiel_Woonkern-hulp")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PutJsonAsync("/api/v1/beheer/logistiek/GM0988", new { maxReistijdMinuten = 40, vervoerEindeDagen = 3, maxTussenpozeDagen = 21 })).StatusCode);
    }
}

public sealed class SqliteLogistiekTests(SqliteFactory factory) : LogistiekTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresLogistiekTests(PostgresFactory factory) : LogistiekTests(factory), IClassFixture<PostgresFactory>;

using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Koers.Domain.Dossier;
using Koers.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Koers.Web.Tests.Monitor.Onthullingsaanval;

namespace Koers.Web.Tests.Monitor;

/// <summary>
/// An attacker with the beleidsmedewerker's login: reads every table of the monitor through the API, writes down every
/// relation a reader can see (row and column totals, the same figure in two tables, months against the year, the key
/// figures) and tries to work out each hidden count: by linear algebra over exact fractions (is the cell fixed by the
/// relations?) and by narrowing its bounds ("&lt;5" is 1 to 4, "x" at least 5 — Koers is open source, so the rule is
/// known). No hidden cell may come out as one value. Written apart from the monitor's own suppression code.
/// </summary>
public abstract class MonitorOnthullingTests<TFactory>(MonitorFixture<TFactory> fixture) where TFactory : KoersFactory, new()
{
    private const string Beleid = "beleid@kempen.example";

    private HttpClient ClientAls(string email)
    {
        var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.Remove(Koers.Web.Features.Beveiliging.TestAuthenticatie.Header);
        client.DefaultRequestHeaders.Add(Koers.Web.Features.Beveiliging.TestAuthenticatie.Header, email);
        return client;
    }

    private async Task<Weergave> HaalAsync(string query)
    {
        var response = await ClientAls(Beleid).GetAsync($"/api/v1/monitor?{query}");
        var tekst = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, tekst);
        return Lees(JsonNode.Parse(tekst)!);
    }

    public static TheoryData<string> Weergaven() =>
    [
        "gemeente=GM9801&jaar=2025",
        "gemeente=GM9802&jaar=2025",
        "gemeente=GM9801&jaar=2026",
        "gemeente=GM9802&jaar=2024",
        "regio={regio}&jaar=2025",
        "regio={regio}&jaar=2024",
        "regio={regio}&jaar=2026",
        "jaar=2025",
        "gemeente=GM1724&jaar=2025",
    ];

    [Theory]
    [MemberData(nameof(Weergaven))]
    public async Task Geen_verborgen_aantal_is_terug_te_rekenen_uit_wat_de_beleidsmedewerker_ziet(string query)
    {
        var w = await HaalAsync(query.Replace("{regio}", fixture.Data.RegioId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Empty(Bereken(w));

        // A share or a ratio next to a hidden count gives it away (count = share × total); so does a share of a hidden total.
        foreach (var c in w.Cellen.Values.Where(c => c.Aantal && c.Verborgen))
        {
            // The base row of a share table always reads 100%: that tells nothing.
            var afgeleid = w.Cellen.Values.Where(x => x.Tabel == c.Tabel && x.Rij == c.Rij && x.Kolom is "aandeel" or "realisatie" or "bezetting" && x.Waarde is not null
                && !(x.Tabel == "prestatie" && x.Rij == "cohort"));
            if (c.Kolom is "asiel" or "aantal" or "lopend" or "binnen") Assert.Empty(afgeleid);
        }

        foreach (var tabel in new[] { "fasen", "resultaten", "pip-termijn" })
        {
            var totaal = w.Cellen.Values.Single(c => c.Tabel == tabel && c.Kolom == "aantal" && c.Rij is "totaal" or "alle");
            if (totaal.Verborgen) Assert.DoesNotContain(w.Cellen.Values, c => c.Tabel == tabel && c.Kolom == "aandeel" && c.Rij is not ("totaal" or "alle") && c.Waarde is not null);
        }

        // The key figures are the table cells: hidden there, hidden here, and no raw count under them.
        var kern = w.Json["kerngetallen"]!.AsArray().ToDictionary(k => k!["titel"]!.GetValue<string>(), k => k!);
        void Gelijk(string titel, (string, string, string) cel) =>
            Assert.Equal(w.Cellen[cel].Tekst, kern[titel]!["cel"]!["tekst"]!.GetValue<string>().Replace(" dagen", "", StringComparison.Ordinal));
        Gelijk("Instroom", ("instroom-maand", "totaal", "totaal"));
        Gelijk("Lopende dossiers", ("caseload", "alle", "lopend"));
        Gelijk("Voldaan binnen termijn", ("resultaten", "VoldaanBinnenTermijn", "aantal"));
        Gelijk("Mediaan BRP → PIP", ("doorlooptijden", "BrpPip", "mediaan"));
        Gelijk("PIP binnen de termijn", ("pip-termijn", "Binnen", "aandeel"));
        var pips = w.Cellen[("doorlooptijden", "BrpPip", "aantal")];
        var toelichting = kern["Mediaan BRP → PIP"]!["toelichting"]!.GetValue<string>();
        if (pips.Verborgen) Assert.DoesNotMatch(@"^\d", toelichting);
    }

    private async Task<(Dictionary<string, Weergave> Weergaven, List<string> Gemeenten)> PlaatsenAsync(int jaar, string voorvoegsel = "")
    {
        var regio = await HaalAsync($"regio={fixture.Data.RegioId.ToString(CultureInfo.InvariantCulture)}&jaar={jaar}");
        var gemeenten = regio.Cellen.Keys.Where(k => k.Item1 == "instroom-gemeente" && k.Item2 != "totaal").Select(k => k.Item2).Distinct().ToList();
        var weergaven = new Dictionary<string, Weergave> { [$"{voorvoegsel}regio"] = regio };
        foreach (var g in gemeenten) weergaven[voorvoegsel + g] = await HaalAsync($"gemeente={g}&jaar={jaar}");
        return (weergaven, gemeenten);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2024)]
    public async Task Geen_verborgen_aantal_is_terug_te_rekenen_uit_de_regio_naast_al_haar_gemeenten(int jaar)
    {
        // Region minus the other municipalities, or the municipalities added up against a hidden region count (issue
        // #24): all views of the family together, with every relation between them.
        var (weergaven, gemeenten) = await PlaatsenAsync(jaar);
        Assert.True(gemeenten.Count >= 3, "the demo region and the two fixture municipalities");
        var samen = Samen(weergaven, Plaatssommen(weergaven, "regio", gemeenten));
        Assert.Contains(samen.Cellen.Values, c => c.Aantal && c.Verborgen);
        Assert.Empty(Bereken(samen));
    }

    [Fact]
    public async Task Geen_verborgen_aantal_is_terug_te_rekenen_uit_twee_jaren_naast_elkaar()
    {
        // Two years' views share counts: the stages and caseload of today, the development table's earlier rows and the
        // t-2 cohort of the budget. Each is shown as its own year shows it, so the years cannot be set against each other.
        var weergaven = new Dictionary<string, Weergave>();
        foreach (var jaar in new[] { 2023, 2024, 2025 })
        {
            foreach (var g in new[] { "GM9801", "GM9802" }) weergaven[$"{g}-{jaar}"] = await HaalAsync($"gemeente={g}&jaar={jaar}");
        }

        var tussen = new List<Relatie>();
        foreach (var g in new[] { "GM9801", "GM9802" })
        {
            foreach (var (a, b) in new[] { (2024, 2025), (2023, 2025), (2023, 2024) })
            {
                var (va, vb) = ($"{g}-{a}", $"{g}-{b}");
                tussen.AddRange(Gelijk(weergaven, va, vb, k => k.T is "fasen" or "caseload" || k.T == "ontwikkeling" && int.Parse(k.R, CultureInfo.InvariantCulture) <= a));
            }

            tussen.Add(new Relatie([($"{g}-2023", ("budget-aantallen", "alle", "aantal"))], ($"{g}-2025", ("prestatie", "cohort", "aantal"))));
            foreach (var jaar in new[] { 2023, 2024, 2025 })
            {
                // A year's own row of the development table is the year's inflow.
                tussen.Add(new Relatie([($"{g}-{jaar}", ("instroom-maand", "totaal", "totaal"))], ($"{g}-{jaar}", ("ontwikkeling", jaar.ToString(CultureInfo.InvariantCulture), "instroom"))));
            }
        }

        var samen = Samen(weergaven, tussen);
        Assert.Empty(Bereken(samen));

        // The earlier rows read exactly as in their own year's view, for the region and every municipality.
        var (plaatsen2025, gemeenten) = await PlaatsenAsync(2025);
        var verschillen = new List<string>();
        foreach (var jaar in new[] { 2021, 2022, 2023, 2024 })
        {
            var (plaatsen, _) = await PlaatsenAsync(jaar);
            foreach (var (plaats, w) in plaatsen)
            {
                var rij = jaar.ToString(CultureInfo.InvariantCulture);
                verschillen.AddRange(new[] { "instroom", "pip", "voldaan", "uitval", "verhuisd" }
                    .Where(k => w.Cellen[("ontwikkeling", rij, k)].Tekst != plaatsen2025[plaats].Cellen[("ontwikkeling", rij, k)].Tekst)
                    .Select(k => $"{plaats} {rij} {k}: {w.Cellen[("ontwikkeling", rij, k)].Tekst} in {jaar}, {plaatsen2025[plaats].Cellen[("ontwikkeling", rij, k)].Tekst} in 2025"));
                if (jaar == 2023 && w.Cellen[("budget-aantallen", "alle", "aantal")].Tekst != plaatsen2025[plaats].Cellen[("prestatie", "cohort", "aantal")].Tekst)
                {
                    verschillen.Add($"{plaats} cohort 2023: {w.Cellen[("budget-aantallen", "alle", "aantal")].Tekst} in 2023, {plaatsen2025[plaats].Cellen[("prestatie", "cohort", "aantal")].Tekst} in 2025");
                }
            }
        }

        Assert.True(gemeenten.Count >= 3);
        Assert.Empty(verschillen);
    }

    [Fact]
    public async Task Een_familie_over_twee_regios_wordt_geweigerd_niet_per_weergave_beschermd()
    {
        // A monitor reach is one region; were two regions ever passed in, protecting each view on its own would let
        // the regions' views be differenced, so the family refuses instead.
        using var scope = fixture.App.Services.CreateScope();
        var query = scope.ServiceProvider.GetRequiredService<Koers.Web.Features.Monitor.MonitorQuery>();
        var filter = new Koers.Web.Features.Monitor.MonitorFilter { Periode = Koers.Domain.Monitor.Periode.Jaar(2025) };
        var tweeRegios = new[] { new Koers.Web.Features.Monitor.GemeenteInfo(1, "GM0001", "Een", 1, "Regio een"), new Koers.Web.Features.Monitor.GemeenteInfo(2, "GM0002", "Twee", 2, "Regio twee") };
        var fout = await Assert.ThrowsAsync<InvalidOperationException>(() => query.FamilieAsync(filter, tweeRegios));
        Assert.Contains("één regio", fout.Message, StringComparison.Ordinal);
        var eenRegio = await query.FamilieAsync(filter, [tweeRegios[0]]);
        Assert.Equal(2, eenRegio!.Count); // the region view and its one municipality
    }

    [Fact]
    public async Task Een_pip_zonder_leerroute_telt_mee_onder_route_onbekend()
    {
        // GM9802 has no PIP in 2024 in the fixture; add one without a route.
        var c = fixture.Client;
        var invoer = Testdata.Inburgeraar(gemeente: "GM9802", doelgroep: "asielstatushouder", koppelingsdatum: "2024-01-10");
        invoer["gezinsleden"] = Array.Empty<object>();
        var r = await c.PostJsonAsync("/api/v1/inburgeraars", invoer);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var id = (await r.LeesAsync())["id"]!.GetValue<string>();
        foreach (var (soort, datum) in new[] { ("brpInschrijving", "2024-02-01"), ("pipVastgesteld", "2024-04-01") })
        {
            var m = await c.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/{soort}", new { datum });
            Assert.True(m.StatusCode == HttpStatusCode.OK, await m.Content.ReadAsStringAsync());
        }

        var o = JsonNode.Parse(await c.GetStringAsync("/api/v1/monitor?gemeente=GM9802&jaar=2024&verbergKleineAantallen=false"))!;
        var routes = o["tabellen"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "routes")!;
        var kolom = routes["kolommen"]!.AsArray().Select(k => k!["sleutel"]!.GetValue<string>()).ToList();
        var totaal = routes["rijen"]!.AsArray().Single(x => x!["sleutel"]!.GetValue<string>() == "alle")!["cellen"]!.AsArray();
        Assert.Equal(1, totaal[kolom.IndexOf("onbekend")]!["waarde"]!.GetValue<decimal>());
        Assert.Equal(1, totaal[kolom.IndexOf("totaal")]!["waarde"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Met_verborgen_kleine_aantallen_geen_losse_dagen_en_geen_klantregisseur()
    {
        // Views that differ from an offered view by a few cases are refused when small counts are hidden: a range of
        // loose days (year minus 1 January–30 December) and one klantregisseur (all minus the others). For the
        // beleidsmedewerker, who never sees small counts, only whole calendar years of all doelgroepen: their
        // suppression is decided together for the region and its municipalities; a quarter, a month, an own period or a
        // doelgroep would differ from that by a few cases.
        var beleid = ClientAls(Beleid);
        foreach (var (query, veld, tekst) in new[]
        {
            ("gemeente=GM9801&van=2025-01-05&tot=2025-02-05", "van", "hele kalenderjaren"),
            ("gemeente=GM9801&van=2025-01-01&tot=2025-05-31", "van", "hele kalenderjaren"),
            ("gemeente=GM9801&periode=kwartaal&jaar=2025&kwartaal=2", "periode", "hele kalenderjaren"),
            ("regio=" + fixture.Data.RegioId.ToString(CultureInfo.InvariantCulture) + "&periode=maand&jaar=2025&maand=5", "periode", "hele kalenderjaren"),
            ("gemeente=GM9801&jaar=2025&doelgroep=gezinsmigrant", "doelgroep", "alle doelgroepen samen"),
            ($"gemeente=GM9801&jaar=2025&klantregisseur={fixture.Data.M1}", "klantregisseur", "per klantregisseur"),
            ($"gemeente=GM9801&jaar=2025&klantregisseur={fixture.Data.M1}&verbergKleineAantallen=false", "klantregisseur", "per klantregisseur"),
        })
        {
            var antwoord = await beleid.GetAsync($"/api/v1/monitor?{query}");
            Assert.True(antwoord.StatusCode == HttpStatusCode.BadRequest, query);
            Assert.Contains(tekst, (await antwoord.LeesAsync())["errors"]![veld]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }

        // Whoever may show small counts keeps quarters, months, doelgroepen and runs of whole months with them hidden
        // (they can see every count anyway); loose days and a klantregisseur only with small counts shown.
        foreach (var query in new[] { "gemeente=GM9801&periode=kwartaal&jaar=2025&kwartaal=2", "gemeente=GM9801&jaar=2025&doelgroep=gezinsmigrant", "gemeente=GM9801&van=2025-01-01&tot=2025-05-31" })
        {
            Assert.Equal(HttpStatusCode.OK, (await fixture.Client.GetAsync($"/api/v1/monitor?{query}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Client.GetAsync("/api/v1/monitor?gemeente=GM9801&van=2025-01-05&tot=2025-02-05")).StatusCode);

        // The form does not offer what would be refused.
        var pagina = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await beleid.GetStringAsync("/monitor?gemeente=GM9801&jaar=2025"));
        Assert.Null(pagina.QuerySelector("[name='klantregisseur']"));
        Assert.Null(pagina.QuerySelector("[name='van']"));
        Assert.Null(pagina.QuerySelector("[name='doelgroep']"));
        Assert.Null(pagina.QuerySelector("[name='periode']"));
        Assert.Null(pagina.QuerySelector("[name='kwartaal']"));
        Assert.NotNull(pagina.QuerySelector("input[name='jaar']"));

        // Whoever works with the cases is offered both, and gets them with small counts shown; with them hidden, the
        // page says why at the field.
        var open = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await fixture.Client.GetStringAsync("/monitor?gemeente=GM9801&jaar=2025"));
        Assert.NotNull(open.QuerySelector("select[name='klantregisseur']"));
        Assert.NotNull(open.QuerySelector("input[name='van']"));
        Assert.NotNull(open.QuerySelector("select[name='doelgroep']"));
        Assert.NotNull(open.QuerySelector("select[name='periode']"));
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.GetAsync($"/api/v1/monitor?gemeente=GM9801&jaar=2025&klantregisseur={fixture.Data.M1}&verbergKleineAantallen=false")).StatusCode);
        var fout = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await (await fixture.Client.GetAsync($"/monitor?gemeente=GM9801&jaar=2025&klantregisseur={fixture.Data.M1}")).Content.ReadAsStringAsync());
        var link = fout.QuerySelector("[role='alert'] a[href='#klantregisseur']");
        Assert.NotNull(link);
        Assert.Contains("per klantregisseur", link!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(fout.QuerySelector("#klantregisseur"));
    }

    [Fact]
    public async Task Het_formulier_biedt_tonen_van_kleine_aantallen_alleen_aan_wie_dat_mag()
    {
        // The beleidsmedewerker always gets "<5" (the server ignores verbergKleineAantallen=false), so the form must not offer it.
        var beleid = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await ClientAls(Beleid).GetStringAsync("/monitor?gemeente=GM9801&jaar=2025"));
        Assert.NotNull(beleid.QuerySelector("form.koers-monitor-filter select[name='gemeente']"));
        Assert.Empty(beleid.QuerySelectorAll("[name='verbergKleineAantallen']"));
        Assert.DoesNotContain("Tonen</option>", beleid.DocumentElement.OuterHtml, StringComparison.Ordinal);

        // Whoever works with the cases may switch it off, and the form offers it.
        var open = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await fixture.Client.GetStringAsync("/monitor?gemeente=GM9801&jaar=2025"));
        Assert.NotNull(open.QuerySelector("select[name='verbergKleineAantallen'] option[value='false']"));
    }

    [Fact]
    public async Task Het_gemeld_voorbeeld_binnen_en_na_tien_weken_beide_klein_met_zichtbaar_totaal_komt_niet_meer_voor()
    {
        // GM9801 in 2025: 4 PIPs, 3 within and 1 after 10 weeks. The total must not stand visible next to two "<5"s
        // that it pins down, nor may the key figure print the count.
        var w = await HaalAsync("gemeente=GM9801&jaar=2025");
        Assert.Equal("<5", w.Cellen[("doorlooptijden", "BrpPip", "binnen")].Tekst);
        Assert.Equal("<5", w.Cellen[("doorlooptijden", "BrpPip", "buiten")].Tekst);
        Assert.True(w.Cellen[("doorlooptijden", "BrpPip", "aantal")].Verborgen);
        var kern = w.Json["kerngetallen"]!.AsArray().Single(k => k!["titel"]!.GetValue<string>() == "Mediaan BRP → PIP")!;
        Assert.DoesNotContain("4 PIP", kern["toelichting"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

/// <summary>
/// The same attacks with the production family cache on: every member view and every other year's rows must then come
/// from one kept decision per family, and a cached family must never answer for another period or reach.
/// </summary>
public sealed class SqliteMonitorOnthullingFamiliecacheTests(SqliteMonitorFamiliecacheFixture fixture) : MonitorOnthullingTests<SqliteFactory>(fixture), IClassFixture<SqliteMonitorFamiliecacheFixture>;

public sealed class SqliteMonitorOnthullingTests(SqliteMonitorFixture fixture) : MonitorOnthullingTests<SqliteFactory>(fixture), IClassFixture<SqliteMonitorFixture>;

public sealed class PostgresMonitorOnthullingTests(PostgresMonitorFixture fixture) : MonitorOnthullingTests<PostgresFactory>(fixture), IClassFixture<PostgresMonitorFixture>;

using System.Net;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Web.Tests.Infrastructure;

namespace Koers.Web.Tests.Monitor;

/// <summary>
/// The instroom chart as rendered on /monitor (#25): a month whose split into asiel/overig is hidden (small numbers) still
/// gets a bar for its total when that total may be shown; the legend names only what is drawn (no taakstelling entry
/// without a taakstelling line); a year view's filter shows no '1e kwartaal' or 'januari' as if they applied.
/// Own municipality GM9803 Grafiekstad in the demo region: March 2026 has 3 asielstatushouders and 14 gezinsmigranten
/// (17, the example), April 6 and 6, and no taakstelling is set for it.
/// </summary>
public abstract class MonitorGrafiekTests(KoersFactory factory)
{
    private const string Gemeente = "GM9803";
    private readonly HttpClient _client = factory.CreateClient();
    private static readonly SemaphoreSlim Slot = new(1, 1);

    private async Task ZorgVoorDataAsync()
    {
        await Slot.WaitAsync();
        try
        {
            if (factory.MetDatabase(db => db.Gemeenten.Any(g => g.Code == Gemeente))) return;
            factory.MetDatabase(db =>
            {
                var kempen = db.Gemeenten.Where(g => g.Code == "GM1724").Select(g => g.RegioId).Single();
                db.Gemeenten.Add(new Gemeente { Code = Gemeente, Naam = "Grafiekstad", RegioId = kempen });
                return db.SaveChanges();
            });

            async Task Dossier(string doelgroep, string datum)
            {
                var asiel = doelgroep == "asielstatushouder";
                var invoer = Testdata.Inburgeraar(gemeente: Gemeente, doelgroep: doelgroep, koppelingsdatum: asiel ? datum : null);
                invoer["gezinsleden"] = Array.Empty<object>();
                var r = await _client.PostJsonAsync("/api/v1/inburgeraars", invoer);
                Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
                if (asiel) return;
                var id = (await r.LeesAsync())["id"]!.GetValue<string>();
                var m = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum });
                Assert.True(m.StatusCode == HttpStatusCode.OK, await m.Content.ReadAsStringAsync());
            }

            for (var i = 0; i < 3; i++) await Dossier("asielstatushouder", $"2026-03-{2 + i:00}");
            for (var i = 0; i < 14; i++) await Dossier("gezinsmigrant", $"2026-03-{3 + i:00}");
            for (var i = 0; i < 2; i++) await Dossier("asielstatushouder", $"2026-04-{1 + i:00}");
            for (var i = 0; i < 16; i++) await Dossier("gezinsmigrant", $"2026-04-{3 + i:00}");
            for (var i = 0; i < 6; i++) await Dossier("asielstatushouder", $"2026-05-{1 + i:00}");
            for (var i = 0; i < 6; i++) await Dossier("gezinsmigrant", $"2026-05-{10 + i:00}");
        }
        finally
        {
            Slot.Release();
        }
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PaginaAsync(string query) =>
        new HtmlParser().ParseDocument(await _client.GetStringAsync($"/monitor?{query}"));

    [Fact]
    public async Task Elke_zichtbare_instroom_heeft_een_staaf_ook_bij_verborgen_verdeling()
    {
        var totaalstaven = 0;
        await ZorgVoorDataAsync();
        foreach (var query in new[] { $"gemeente={Gemeente}&jaar=2026", "jaar=2025", "jaar=2026", "gemeente=GM1724&jaar=2025", "gemeente=GM1724&jaar=2026", "gemeente=GM1728&jaar=2025",
                     "gemeente=GM0770&jaar=2025", "gemeente=GM1667&jaar=2025", "gemeente=GM1728&jaar=2026", "gemeente=GM0770&jaar=2026", "gemeente=GM1667&jaar=2026" })
        {
            var blok = (await PaginaAsync(query)).QuerySelector("#tabel-instroom-maand")!;
            var titels = blok.QuerySelectorAll("svg rect title").Select(t => t.TextContent).ToList();
            foreach (var rij in blok.QuerySelectorAll("table tbody tr").Where(r => !r.ClassList.Contains("koers-tabel__totaal")))
            {
                var label = rij.QuerySelector("th")!.TextContent.Trim();
                var cellen = rij.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
                if (label == "Totaal") continue;
                var verdelingVerborgen = cellen[0] is "<5" or "x" || cellen[1] is "<5" or "x";
                var totaalZichtbaar = int.TryParse(cellen[2], out var totaal) && totaal > 0;
                if (verdelingVerborgen && totaalZichtbaar)
                {
                    Assert.Contains(titels, t => t.StartsWith($"{label}, totaal: {totaal}", StringComparison.Ordinal));
                    totaalstaven++;
                }
                else if (totaalZichtbaar)
                {
                    Assert.Contains(titels, t => t.StartsWith($"{label}, ", StringComparison.Ordinal));
                }
            }
        }

        // (Suppression of the demo data usually hides such totals as well, so this count may be 0; the drawing itself is
        // proven on a constructed table in InstroomGrafiekTekeningTests.)
        _ = totaalstaven;
    }

    [Fact]
    public async Task Zonder_taakstellingslijn_geen_taakstelling_in_de_legenda()
    {
        await ZorgVoorDataAsync();
        var pagina = await PaginaAsync($"gemeente={Gemeente}&jaar=2026");
        foreach (var id in new[] { "#tabel-instroom-maand", "#tabel-instroom-gemeente" })
        {
            var svg = pagina.QuerySelector($"{id} svg")!;
            Assert.Empty(svg.QuerySelectorAll("line.koers-grafiek__norm"));
            Assert.DoesNotContain(svg.QuerySelectorAll("text"), t => t.TextContent.Contains("taakstelling", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Een_jaaroverzicht_toont_geen_kwartaal_of_maand_als_gekozen()
    {
        await ZorgVoorDataAsync();
        static string Gekozen(AngleSharp.Html.Dom.IHtmlDocument d, string id) => d.QuerySelector($"#{id} option[selected]")?.TextContent.Trim() ?? "";

        var jaar = await PaginaAsync($"gemeente={Gemeente}&periode=jaar&jaar=2026");
        Assert.Equal("–", Gekozen(jaar, "kwartaal"));
        Assert.Equal("–", Gekozen(jaar, "maand"));
        Assert.DoesNotContain("1e kwartaal", jaar.QuerySelectorAll("option[selected]").Select(o => o.TextContent));
        Assert.DoesNotContain("januari", jaar.QuerySelectorAll("option[selected]").Select(o => o.TextContent));

        var kwartaal = await PaginaAsync($"gemeente={Gemeente}&periode=kwartaal&jaar=2026&kwartaal=2&maand=");
        Assert.Equal("2e kwartaal", Gekozen(kwartaal, "kwartaal"));
        Assert.Equal("–", Gekozen(kwartaal, "maand"));
        var maand = await PaginaAsync($"gemeente={Gemeente}&periode=maand&jaar=2026&maand=3&kwartaal=");
        Assert.Equal("maart", Gekozen(maand, "maand"));
        Assert.Equal("–", Gekozen(maand, "kwartaal"));
        Assert.Contains("maart 2026", maand.QuerySelector("#tabel-instroom-maand table caption")!.TextContent);

        // The form as a browser submits it from a year view (empty kwartaal and maand) is accepted.
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/monitor?gemeente={Gemeente}&periode=jaar&jaar=2026&kwartaal=&maand=")).StatusCode);
    }
}

public sealed class SqliteMonitorGrafiekTests(SqliteFactory factory) : MonitorGrafiekTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresMonitorGrafiekTests(PostgresFactory factory) : MonitorGrafiekTests(factory), IClassFixture<PostgresFactory>;

/// <summary>With a taakstelling set (the monitor fixture's GM9801, 2025) the line is drawn and named in the legend.</summary>
public sealed class MonitorTaakstellingslijnTests(SqliteMonitorFixture fixture) : IClassFixture<SqliteMonitorFixture>
{
    [Fact]
    public async Task Met_taakstelling_staan_lijn_en_legenda_er_allebei()
    {
        var pagina = new HtmlParser().ParseDocument(await fixture.Client.GetStringAsync("/monitor?gemeente=GM9801&jaar=2025"));
        var svg = pagina.QuerySelector("#tabel-instroom-maand svg")!;
        Assert.NotEmpty(svg.QuerySelectorAll("line.koers-grafiek__norm"));
        Assert.Contains(svg.QuerySelectorAll("text"), t => t.TextContent == "taakstelling");
    }
}

/// <summary>
/// The chart drawn from a table shaped like 'Instroom per maand' whose March and April splits are hidden and whose
/// totals (17 and 18, the example) are shown; rendered by the same code as the page, read back as SVG.
/// </summary>
public sealed class InstroomGrafiekTekeningTests
{
    private static readonly Koers.Web.Features.Monitor.Kolom[] Kolommen =
    [
        new("asiel", "Asielstatushouders en nareizigers", Koers.Web.Features.Monitor.KolomSoort.Aantal),
        new("overig", "Overige doelgroepen", Koers.Web.Features.Monitor.KolomSoort.Aantal),
        new("totaal", "Totaal", Koers.Web.Features.Monitor.KolomSoort.Aantal),
        new("taakstelling", "Taakstelling (naar rato)", Koers.Web.Features.Monitor.KolomSoort.Getal),
    ];

    private static Koers.Web.Features.Monitor.Cel Getal(int n) => new(n, n.ToString(System.Globalization.CultureInfo.InvariantCulture));
    private static readonly Koers.Web.Features.Monitor.Cel Klein = new(null, "<5", true);
    private static readonly Koers.Web.Features.Monitor.Cel X = new(null, "x", true);

    private static AngleSharp.Dom.IElement Teken(decimal? taakstelling, Koers.Web.Features.Monitor.GrafiekSpec spec)
    {
        var t = taakstelling is { } v ? new Koers.Web.Features.Monitor.Cel(v, v.ToString(System.Globalization.CultureInfo.InvariantCulture)) : Koers.Web.Features.Monitor.Cel.Leeg;
        var tabel = new Koers.Web.Features.Monitor.Tabel("instroom-maand", "Instroom per maand, 2026", "Maand", Kolommen,
        [
            new("2026-03", "maart 2026", [Klein, X, Getal(17), t], KortLabel: "mrt"),
            new("2026-04", "april 2026", [Klein, X, Getal(18), t], KortLabel: "apr"),
            new("2026-05", "mei 2026", [Getal(6), Getal(6), Getal(12), t], KortLabel: "mei"),
            new("2026-06", "juni 2026", [X, X, X, t], KortLabel: "jun"),
            new("totaal", "Totaal", [Getal(11), Getal(36), Getal(47), t], Totaal: true),
        ], Grafiek: spec);
        var html = new System.IO.StringWriter();
        Koers.Web.Features.Monitor.SvgGrafiek.Teken(tabel).WriteTo(html, System.Text.Encodings.Web.HtmlEncoder.Default);
        return new HtmlParser().ParseDocument($"<body>{html}</body>").QuerySelector("svg")!;
    }

    private static readonly Koers.Web.Features.Monitor.GrafiekSpec Instroom =
        new(Koers.Web.Features.Monitor.GrafiekSoort.Kolommen, ["asiel", "overig"], Normkolom: "taakstelling", NormLabel: "taakstelling", Totaalkolom: "totaal");

    [Fact]
    public void Een_verborgen_verdeling_met_zichtbaar_totaal_krijgt_een_staaf()
    {
        var svg = Teken(null, Instroom);
        var totalen = svg.QuerySelectorAll("rect.koers-grafiek__totaal").ToList();
        Assert.Equal(["maart 2026, totaal: 17 (verdeling verborgen: kleine aantallen)", "april 2026, totaal: 18 (verdeling verborgen: kleine aantallen)"],
            totalen.Select(r => r.QuerySelector("title")!.TextContent));
        double Hoogte(AngleSharp.Dom.IElement r) => double.Parse(r.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Hoogte(totalen[1]) > Hoogte(totalen[0]) && Hoogte(totalen[0]) > 0);
        // May keeps its two coloured bars; June (everything hidden) gets none.
        Assert.Equal(2, svg.QuerySelectorAll("rect:not(.koers-grafiek__totaal) title").Count(t => t.TextContent.StartsWith("mei 2026", StringComparison.Ordinal)));
        Assert.DoesNotContain(svg.QuerySelectorAll("rect title"), t => t.TextContent.StartsWith("juni 2026", StringComparison.Ordinal));
        Assert.Contains(svg.QuerySelectorAll("text"), t => t.TextContent == "Totaal (verdeling verborgen: kleine aantallen)");
        Assert.Contains("maart 2026: asielstatushouders en nareizigers <5, overige doelgroepen x, totaal 17", svg.GetAttribute("aria-label"));
        // No taakstelling in this table: no line and no legend entry for one.
        Assert.Empty(svg.QuerySelectorAll("line.koers-grafiek__norm"));
        Assert.DoesNotContain(svg.QuerySelectorAll("text"), t => t.TextContent == "taakstelling");
        // Nothing of the legend runs off the picture (760 wide): it wraps.
        Assert.All(svg.QuerySelectorAll("text"), t => Assert.True(double.Parse(t.GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture) < 760));
    }

    [Fact]
    public void Met_taakstelling_lijn_en_legenda()
    {
        var svg = Teken(3m, Instroom);
        Assert.Equal(4, svg.QuerySelectorAll("line.koers-grafiek__norm").Length);
        Assert.Contains(svg.QuerySelectorAll("text"), t => t.TextContent == "taakstelling");
    }

    [Fact]
    public void Zonder_totaalkolom_blijft_het_oude_gedrag()
    {
        var svg = Teken(null, Instroom with { Totaalkolom = null });
        Assert.Empty(svg.QuerySelectorAll("rect.koers-grafiek__totaal"));
    }
}

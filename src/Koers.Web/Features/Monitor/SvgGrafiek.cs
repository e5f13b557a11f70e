using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Koers.Web.Features.Monitor;

/// <summary>
/// Server-rendered inline SVG charts of monitor tables: no script, readable without CSS, role="img" with an
/// aria-label that says every value in words. The table with the same data always follows the chart.
/// A hidden small count is drawn as no bar with the text "&lt;5", so the picture gives nothing away either.
/// </summary>
public static class SvgGrafiek
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    public static readonly string[] Kleuren = ["#1a4d8f", "#c05a00", "#2e6b30", "#7a3b8f", "#5a5a5a"];
    private const string Normkleur = "#b00020";

    /// <summary>The bar of a total whose split is hidden: grey, 5.7:1 on white, so it reads as 'not split' next to the colours.</summary>
    private const string Totaalkleur = "#666666";
    private const string TotaalLegenda = "Totaal (verdeling verborgen: kleine aantallen)";
    private const int Breedte = 760;

    public static IHtmlContent Teken(Tabel tabel)
    {
        if (tabel.Grafiek is not { } spec) return HtmlString.Empty;
        var rijen = tabel.Rijen.Where(r => !r.Totaal).ToList();
        if (rijen.Count == 0) return HtmlString.Empty;
        var svg = spec.Soort switch
        {
            GrafiekSoort.Staven => Staven(tabel, spec, rijen),
            GrafiekSoort.Kolommen => Kolommen(tabel, spec, rijen),
            _ => Gestapeld(tabel, spec, rijen),
        };
        return new HtmlString(svg);
    }

    /// <summary>The text alternative: the title and every plotted value of every row.</summary>
    public static string Beschrijving(Tabel tabel)
    {
        if (tabel.Grafiek is not { } spec) return tabel.Titel;
        var kolommen = spec.Kolommen.Select(k => (Index: tabel.Index(k), Kop: tabel.Kolommen[tabel.Index(k)].Kop)).ToList();
        var norm = spec.Normkolom is { } n ? tabel.Index(n) : -1;
        var delen = tabel.Rijen.Where(r => !r.Totaal).Select(r =>
        {
            var waarden = kolommen.Select(k => kolommen.Count == 1 ? r.Cellen[k.Index].Tekst : $"{k.Kop.ToLowerInvariant()} {r.Cellen[k.Index].Tekst}");
            if (TotaalVanVerborgenVerdeling(tabel, spec, r) is { } totaal) waarden = waarden.Append($"totaal {totaal.Tekst}");
            if (norm >= 0 && r.Cellen[norm].Waarde is not null) waarden = waarden.Append($"{spec.NormLabel ?? "norm"} {r.Cellen[norm].Tekst}");
            return $"{r.Label}: {string.Join(", ", waarden)}";
        });
        var normTekst = spec.Norm is { } v ? $" Referentielijn: {spec.NormLabel} ({v.ToString("0.#", new CultureInfo("nl-NL"))})." : string.Empty;
        return $"Grafiek: {tabel.Titel}.{normTekst} {string.Join("; ", delen)}.";
    }

    /// <summary>
    /// The total of a row whose split is hidden, when the total itself may be shown: the bar is drawn for it, so a month
    /// with 17 people is not an empty gap because 3 of them are in one group.
    /// </summary>
    private static Cel? TotaalVanVerborgenVerdeling(Tabel tabel, GrafiekSpec spec, Rij rij)
    {
        if (spec.Totaalkolom is not { } kolom) return null;
        if (!spec.Kolommen.Any(k => rij.Cellen[tabel.Index(k)].Verborgen)) return null;
        var totaal = rij.Cellen[tabel.Index(kolom)];
        return totaal is { Verborgen: false, Waarde: > 0 } ? totaal : null;
    }

    private static string Open(StringBuilder sb, Tabel tabel, int hoogte)
    {
        var titelId = $"grafiek-{tabel.Id}-titel";
        sb.Append(Inv, $"<svg class=\"koers-grafiek\" viewBox=\"0 0 {Breedte} {hoogte}\" role=\"img\" aria-label=\"{Enc(Beschrijving(tabel))}\" focusable=\"false\" preserveAspectRatio=\"xMinYMin meet\">");
        sb.Append(Inv, $"<title id=\"{titelId}\">{Enc(tabel.Titel)}</title>");
        return titelId;
    }

    private static string Staven(Tabel tabel, GrafiekSpec spec, List<Rij> rijen)
    {
        var kolom = tabel.Index(spec.Kolommen[0]);
        const int links = 250, rechts = 70, rijHoogte = 26, kop = 14;
        var hoogte = kop + rijen.Count * rijHoogte + (spec.Norm is null ? 8 : 26);
        var max = (double)Math.Max(rijen.Max(r => r.Cellen[kolom].Waarde ?? 0), spec.Norm ?? 0);
        if (max <= 0) max = 1;
        double X(double v) => links + (Breedte - links - rechts) * v / max;

        var sb = new StringBuilder();
        Open(sb, tabel, hoogte);
        for (var i = 0; i < rijen.Count; i++)
        {
            var rij = rijen[i];
            var cel = rij.Cellen[kolom];
            var y = kop + i * rijHoogte;
            sb.Append(Tekst(links - 8, y + 16, Kort(rij.Label, 38), "end", 12, "#1a1a1a"));
            if (cel.Waarde is { } w && w > 0)
            {
                var breedte = Math.Max(2, X((double)w) - links);
                sb.Append(Inv, $"<rect x=\"{links}\" y=\"{y + 4}\" width=\"{breedte:0.0}\" height=\"{rijHoogte - 8}\" fill=\"{Kleuren[0]}\" rx=\"2\"/>");
                sb.Append(Tekst(links + breedte + 6, y + 16, cel.Tekst, "start", 12, "#1a1a1a"));
            }
            else
            {
                sb.Append(Tekst(links + 6, y + 16, cel.Tekst, "start", 12, "#5a5a5a"));
            }
        }

        sb.Append(Inv, $"<line x1=\"{links}\" y1=\"{kop}\" x2=\"{links}\" y2=\"{kop + rijen.Count * rijHoogte}\" stroke=\"#5a5a5a\"/>");
        if (spec.Norm is { } norm)
        {
            var x = X((double)norm);
            sb.Append(Inv, $"<line x1=\"{x:0.0}\" y1=\"{kop - 4}\" x2=\"{x:0.0}\" y2=\"{kop + rijen.Count * rijHoogte + 4}\" stroke=\"{Normkleur}\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>");
            sb.Append(Tekst(x, kop + rijen.Count * rijHoogte + 18, spec.NormLabel ?? "norm", "middle", 11, Normkleur));
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Kolommen(Tabel tabel, GrafiekSpec spec, List<Rij> rijen)
    {
        var kolommen = spec.Kolommen.Select(tabel.Index).ToList();
        var norm = spec.Normkolom is { } n ? tabel.Index(n) : -1;
        // The legend says only what is drawn: the grey total bar when some row's split is hidden, the norm line when a
        // row has a norm (no taakstelling set, or a filter that hides it: no line, so no entry either).
        var legenda = kolommen.Select((k, s) => (Kleur: Kleuren[s % Kleuren.Length], Tekst: tabel.Kolommen[k].Kop, Lijn: false)).ToList();
        if (rijen.Any(r => TotaalVanVerborgenVerdeling(tabel, spec, r) is not null)) legenda.Add((Totaalkleur, TotaalLegenda, false));
        if (norm >= 0 && rijen.Any(r => r.Cellen[norm].Waarde is not null)) legenda.Add((Normkleur, spec.NormLabel ?? tabel.Kolommen[norm].Kop, true));
        var legendaRegels = LegendaRegels(legenda);
        const int links = 48, rechts = 12, onder = 40;
        var boven = 34 + 18 * (legendaRegels - 1);
        var hoogte = 246 + boven;
        var plotHoogte = hoogte - boven - onder;
        var waarden = rijen.SelectMany(r => kolommen.Select(k => r.Cellen[k].Waarde ?? 0));
        waarden = waarden.Concat(rijen.Select(r => TotaalVanVerborgenVerdeling(tabel, spec, r)?.Waarde ?? 0));
        if (norm >= 0) waarden = waarden.Concat(rijen.Select(r => r.Cellen[norm].Waarde ?? 0));
        var max = (double)waarden.DefaultIfEmpty(0).Max();
        var stap = Stap(max);
        var top = Math.Max(stap, Math.Ceiling(max / stap) * stap);
        double Y(double v) => boven + plotHoogte - plotHoogte * v / top;

        var sb = new StringBuilder();
        Open(sb, tabel, hoogte);
        for (var v = 0.0; v <= top + 1e-9; v += stap)
        {
            var y = Y(v);
            sb.Append(Inv, $"<line x1=\"{links}\" y1=\"{y:0.0}\" x2=\"{Breedte - rechts}\" y2=\"{y:0.0}\" stroke=\"#d0d7e2\"/>");
            sb.Append(Tekst(links - 6, y + 4, v.ToString("0.#", new CultureInfo("nl-NL")), "end", 11, "#5a5a5a"));
        }

        var groep = (Breedte - links - rechts) / (double)rijen.Count;
        var staaf = Math.Min(28, groep * 0.8 / kolommen.Count);
        for (var i = 0; i < rijen.Count; i++)
        {
            var rij = rijen[i];
            var x0 = links + i * groep + (groep - staaf * kolommen.Count) / 2;
            var totaalCel = TotaalVanVerborgenVerdeling(tabel, spec, rij);
            if (totaalCel is { Waarde: { } som })
            {
                // One bar for the whole group: the total is known, how it splits is not shown.
                sb.Append(Inv, $"<rect class=\"koers-grafiek__totaal\" x=\"{x0:0.0}\" y=\"{Y((double)som):0.0}\" width=\"{staaf * kolommen.Count - 2:0.0}\" height=\"{Y(0) - Y((double)som):0.0}\" fill=\"{Totaalkleur}\"><title>{Enc($"{rij.Label}, totaal: {totaalCel.Tekst} (verdeling verborgen: kleine aantallen)")}</title></rect>");
            }

            for (var s = 0; totaalCel is null && s < kolommen.Count; s++)
            {
                var cel = rij.Cellen[kolommen[s]];
                var x = x0 + s * staaf;
                if (cel.Waarde is { } w && w > 0)
                {
                    sb.Append(Inv, $"<rect x=\"{x:0.0}\" y=\"{Y((double)w):0.0}\" width=\"{staaf - 2:0.0}\" height=\"{Y(0) - Y((double)w):0.0}\" fill=\"{Kleuren[s % Kleuren.Length]}\"><title>{Enc($"{rij.Label}, {tabel.Kolommen[kolommen[s]].Kop}: {cel.Tekst}")}</title></rect>");
                }
                else if (cel.Verborgen)
                {
                    sb.Append(Tekst(x + staaf / 2, Y(0) - 4, cel.Tekst, "middle", 9, "#5a5a5a"));
                }
            }

            if (norm >= 0 && rij.Cellen[norm].Waarde is { } doel)
            {
                var y = Y((double)doel);
                sb.Append(Inv, $"<line class=\"koers-grafiek__norm\" x1=\"{x0 - 3:0.0}\" y1=\"{y:0.0}\" x2=\"{x0 + staaf * kolommen.Count + 1:0.0}\" y2=\"{y:0.0}\" stroke=\"{Normkleur}\" stroke-width=\"2.5\" stroke-dasharray=\"4 2\"/>");
            }

            sb.Append(Tekst(links + i * groep + groep / 2, hoogte - onder + 16, Kort(rij.KortLabel ?? rij.Label, Math.Max(4, (int)(groep / 7))), "middle", 11, "#1a1a1a"));
        }

        sb.Append(Inv, $"<line x1=\"{links}\" y1=\"{Y(0):0.0}\" x2=\"{Breedte - rechts}\" y2=\"{Y(0):0.0}\" stroke=\"#5a5a5a\"/>");
        Legenda(sb, legenda, 14);
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Gestapeld(Tabel tabel, GrafiekSpec spec, List<Rij> rijen)
    {
        var kolommen = spec.Kolommen.Select(tabel.Index).ToList();
        const int links = 280, rechts = 80, rijHoogte = 28, boven = 34;
        var hoogte = boven + rijen.Count * rijHoogte + 10;
        var max = (double)rijen.Select(r => kolommen.Sum(k => r.Cellen[k].Waarde ?? 0)).DefaultIfEmpty(0).Max();
        if (max <= 0) max = 1;
        double B(double v) => (Breedte - links - rechts) * v / max;

        var sb = new StringBuilder();
        Open(sb, tabel, hoogte);
        for (var i = 0; i < rijen.Count; i++)
        {
            var rij = rijen[i];
            var y = boven + i * rijHoogte;
            sb.Append(Tekst(links - 8, y + 17, Kort(rij.Label, 42), "end", 12, "#1a1a1a"));
            double x = links;
            var verborgen = false;
            for (var s = 0; s < kolommen.Count; s++)
            {
                var cel = rij.Cellen[kolommen[s]];
                verborgen |= cel.Verborgen;
                if (cel.Waarde is not { } w || w <= 0) continue;
                var breedte = B((double)w);
                sb.Append(Inv, $"<rect x=\"{x:0.0}\" y=\"{y + 5}\" width=\"{breedte:0.0}\" height=\"{rijHoogte - 10}\" fill=\"{Kleuren[s % Kleuren.Length]}\"><title>{Enc($"{rij.Label}, {tabel.Kolommen[kolommen[s]].Kop}: {cel.Tekst}")}</title></rect>");
                if (breedte > 22) sb.Append(Tekst(x + breedte / 2, y + 18, cel.Tekst, "middle", 11, "#ffffff"));
                x += breedte;
            }

            if (verborgen) sb.Append(Tekst(x + 6, y + 18, "deels <5", "start", 11, "#5a5a5a"));
        }

        sb.Append(Inv, $"<line x1=\"{links}\" y1=\"{boven}\" x2=\"{links}\" y2=\"{boven + rijen.Count * rijHoogte}\" stroke=\"#5a5a5a\"/>");
        Legenda(sb, kolommen.Select((k, s) => (Kleuren[s % Kleuren.Length], tabel.Kolommen[k].Kop, false)).ToList(), 14);
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static double LegendaBreedte(string tekst) => 30 + tekst.Length * 6.6;

    /// <summary>How many lines the legend takes: it wraps instead of running off the picture.</summary>
    private static int LegendaRegels(IReadOnlyList<(string Kleur, string Tekst, bool Lijn)> items)
    {
        var (regels, x) = (1, 48.0);
        foreach (var item in items)
        {
            if (x > 48 && x + LegendaBreedte(item.Tekst) > Breedte) (regels, x) = (regels + 1, 48);
            x += LegendaBreedte(item.Tekst);
        }

        return regels;
    }

    private static void Legenda(StringBuilder sb, IReadOnlyList<(string Kleur, string Tekst, bool Lijn)> items, int y)
    {
        double x = 48;
        foreach (var (kleur, tekst, lijn) in items)
        {
            if (x > 48 && x + LegendaBreedte(tekst) > Breedte) (x, y) = (48, y + 18);
            if (lijn) sb.Append(Inv, $"<line x1=\"{x:0.0}\" y1=\"{y - 4}\" x2=\"{x + 14:0.0}\" y2=\"{y - 4}\" stroke=\"{kleur}\" stroke-width=\"2.5\" stroke-dasharray=\"4 2\"/>");
            else sb.Append(Inv, $"<rect x=\"{x:0.0}\" y=\"{y - 10}\" width=\"12\" height=\"12\" fill=\"{kleur}\"/>");
            sb.Append(Tekst(x + 18, y, tekst, "start", 12, "#1a1a1a"));
            x += LegendaBreedte(tekst);
        }
    }

    private static double Stap(double max)
    {
        if (max <= 4) return 1;
        var ruw = max / 4;
        var macht = Math.Pow(10, Math.Floor(Math.Log10(ruw)));
        var f = ruw / macht;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * macht;
    }

    private static string Kort(string tekst, int max) => tekst.Length <= max ? tekst : tekst[..(max - 1)] + "…";

    private static string Tekst(double x, double y, string inhoud, string anker, int grootte, string kleur) =>
        string.Create(Inv, $"<text x=\"{x:0.0}\" y=\"{y:0.0}\" font-size=\"{grootte}\" text-anchor=\"{anker}\" fill=\"{kleur}\">{Enc(inhoud)}</text>");

    private static string Enc(string tekst) => WebUtility.HtmlEncode(tekst);
}

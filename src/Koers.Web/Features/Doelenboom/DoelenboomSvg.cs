using System.Globalization;
using System.Net;
using System.Text;
using Koers.Domain.Monitor;
using Microsoft.AspNetCore.Html;

namespace Koers.Web.Features.Doelenboom;

/// <summary>
/// The doelenboom as a server-rendered inline SVG: effect on the left, each level a column to the right, per node its
/// KPIs as chips with actual against target. No script; role="img" with a title and a description; the page always
/// follows it with the same content as a list and as tables. The state is never colour alone: each chip also says it in
/// a sign (✓ gehaald, ✗ niet gehaald, – verborgen or geen gegevens) and in words in the description. A hidden figure
/// reads as it does in the tables ("&lt;5", "(&lt;5)", "x"), so the picture gives nothing away either.
/// </summary>
public static class DoelenboomSvg
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const int Kolombreedte = 250, Knoopbreedte = 220, Kopregel = 18, Chiphoogte = 20, Tussenruimte = 12, Rand = 8;

    /// <summary>White text on these: green 6.9:1, red 6.5:1, grey 5.7:1.</summary>
    public static string Kleur(KpiStand s) => s switch
    {
        KpiStand.Gehaald => "#2e6b30",
        KpiStand.NietGehaald => "#b00020",
        _ => "#666666",
    };

    public static string Teken(KpiStand s) => s switch
    {
        KpiStand.Gehaald => "✓",
        KpiStand.NietGehaald => "✗",
        _ => "–",
    };

    private static readonly string[] Niveaukleuren = ["#1a4d8f", "#2d5f9e", "#4a74ad", "#6b8cbf"];

    public static IHtmlContent Teken(DoelenboomRapport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var sb = new StringBuilder();
        var (hoogte, _) = Plaats(r.Boom, 0, Rand, r, sb);
        var diepte = r.Boom.MetAfstammelingen().Max(k => (int)k.Niveau) + 1;
        var breedte = diepte * Kolombreedte + Rand;
        var kop = new StringBuilder();
        kop.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"koers-doelenboom\" viewBox=\"0 0 {breedte} {hoogte + Rand}\" width=\"100%\" role=\"img\" aria-labelledby=\"boom-titel boom-beschrijving\">");
        kop.Append(Inv, $"<title id=\"boom-titel\">Doelenboom {E(r.Gemeente)}</title><desc id=\"boom-beschrijving\">{E(Beschrijving(r))}</desc>");
        kop.Append(sb).Append("</svg>");
        return new HtmlString(kop.ToString());
    }

    /// <summary>The whole tree in words, for the description of the picture.</summary>
    public static string Beschrijving(DoelenboomRapport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return string.Join(" ", r.Boom.MetAfstammelingen().Select(k =>
            $"{Doelenboomregels.Omschrijving(k.Niveau)}: {k.Naam}." + string.Concat(k.Kpis.Select(kpi => " " + KpiTekst(r.Kpis[kpi.Sleutel]) + "."))));
    }

    /// <summary>One KPI in words: name, period, actual, target and state.</summary>
    public static string KpiTekst(KpiUitslag u)
    {
        ArgumentNullException.ThrowIfNull(u);
        return $"KPI {u.Naam} ({u.Periode}): werkelijk {u.Werkelijk.Tekst}, streefwaarde {Streef(u)}, {DoelenboomMonitor.Omschrijving(u.Stand)}";
    }

    public static string Streef(KpiUitslag u)
    {
        ArgumentNullException.ThrowIfNull(u);
        var s = u.Streefwaarde.ToString("0.#", new CultureInfo("nl-NL"));
        return u.Soort == Indicatorsoort.Aandeel ? s + "%" : $"{s} {u.Eenheid}";
    }

    private static int Hoogte(BoomKnoop k) => Kopregel * 2 + 10 + k.Kpis.Count * (Chiphoogte + 4);

    /// <summary>Draws the subtree from <paramref name="y"/> down; returns the y below it and the middle of the node's box (centred on its children).</summary>
    private static (int Onder, int Midden) Plaats(BoomKnoop k, int diepte, int y, DoelenboomRapport r, StringBuilder sb)
    {
        var h = Hoogte(k);
        var x = Rand + diepte * Kolombreedte;
        var middens = new List<int>();
        var onder = y;
        foreach (var kind in k.Kinderen)
        {
            (onder, var midden) = Plaats(kind, diepte + 1, onder, r, sb);
            middens.Add(midden);
        }

        var subtree = Math.Max(h, onder - Tussenruimte - y);
        var ky = middens.Count == 0 ? y : Math.Max(y, (middens[0] + middens[^1]) / 2 - h / 2);
        foreach (var cm in middens)
        {
            sb.Append(Inv, $"<path d=\"M{x + Knoopbreedte} {ky + h / 2} C{x + Knoopbreedte + 15} {ky + h / 2} {x + Kolombreedte - 15} {cm} {x + Kolombreedte} {cm}\" fill=\"none\" stroke=\"#8a8a8a\" stroke-width=\"1.5\"/>");
        }

        var kleur = Niveaukleuren[Math.Min((int)k.Niveau, Niveaukleuren.Length - 1)];
        sb.Append(Inv, $"<g><title>{E(Doelenboomregels.Omschrijving(k.Niveau))}: {E(k.Naam)}</title>");
        sb.Append(Inv, $"<rect x=\"{x}\" y=\"{ky}\" width=\"{Knoopbreedte}\" height=\"{h}\" rx=\"6\" fill=\"#ffffff\" stroke=\"{kleur}\" stroke-width=\"2\"/>");
        sb.Append(Inv, $"<text x=\"{x + 8}\" y=\"{ky + 14}\" font-size=\"11\" fill=\"#333333\">{E(Doelenboomregels.Omschrijving(k.Niveau))}</text>");
        var regels = Afbreken(k.Naam, 34, 2);
        for (var i = 0; i < regels.Count; i++) sb.Append(Inv, $"<text x=\"{x + 8}\" y=\"{ky + 14 + Kopregel * (i + 1) - 2}\" font-size=\"13\" font-weight=\"bold\" fill=\"#1a1a1a\">{E(regels[i])}</text>");
        var chipY = ky + Kopregel * 2 + 8;
        foreach (var kpi in k.Kpis)
        {
            var u = r.Kpis[kpi.Sleutel];
            sb.Append(Inv, $"<g><title>{E(KpiTekst(u))}</title><rect x=\"{x + 6}\" y=\"{chipY}\" width=\"{Knoopbreedte - 12}\" height=\"{Chiphoogte}\" rx=\"4\" fill=\"{Kleur(u.Stand)}\"/>");
            var tekst = $"{Teken(u.Stand)} {Kort(u.Naam, 18)}: {u.Werkelijk.Tekst} / {Streef(u)}";
            sb.Append(Inv, $"<text x=\"{x + 12}\" y=\"{chipY + 14}\" font-size=\"11\" fill=\"#ffffff\">{E(tekst)}</text></g>");
            chipY += Chiphoogte + 4;
        }

        sb.Append("</g>");
        return (Math.Max(y + subtree, ky + h) + Tussenruimte, ky + h / 2);
    }

    private static List<string> Afbreken(string tekst, int breedte, int max)
    {
        var regels = new List<string>();
        var huidig = new StringBuilder();
        foreach (var woord in tekst.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (huidig.Length > 0 && huidig.Length + 1 + woord.Length > breedte)
            {
                regels.Add(huidig.ToString());
                huidig.Clear();
            }

            if (huidig.Length > 0) huidig.Append(' ');
            huidig.Append(woord);
        }

        if (huidig.Length > 0) regels.Add(huidig.ToString());
        if (regels.Count > max)
        {
            regels = regels.Take(max).ToList();
            regels[^1] = Kort(regels[^1], breedte - 1) + "…";
        }

        return [.. regels.Select(l => Kort(l, breedte))];
    }

    private static string Kort(string s, int n) => s.Length <= n ? s : s[..(n - 1)].TrimEnd() + "…";

    private static string E(string s) => WebUtility.HtmlEncode(s);
}

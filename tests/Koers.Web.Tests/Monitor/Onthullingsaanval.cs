using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Koers.Domain.Dossier;

namespace Koers.Web.Tests.Monitor;

/// <summary>
/// An attacker with a login that sees small counts hidden, written apart from Koers's own suppression code: reads the
/// tables of one or more views (main monitor, participation monitor), writes down every relation a reader can see (row
/// and column totals, the same figure in two tables or two views, a region against its municipalities) and tries to
/// work out each hidden count: by linear algebra over exact fractions and by narrowing its bounds ("&lt;5" is 1 to 4,
/// "x" at least 5 — Koers is open source, so the rule is known).
/// </summary>
internal static partial class Onthullingsaanval
{
    internal sealed record Cel(string Tabel, string Rij, string Kolom, decimal? Waarde, string Tekst, bool Verborgen, bool Aantal);

    /// <summary>All cells of one view, keyed (table, row, column).</summary>
    internal sealed class Weergave(JsonNode json)
    {
        public JsonNode Json { get; } = json;
        public Dictionary<(string, string, string), Cel> Cellen { get; } = [];
        public List<(List<(string, string, string)> Delen, (string, string, string) Totaal)> Sommen { get; } = [];
    }

    internal static Weergave Lees(JsonNode json)
    {
        var w = new Weergave(json);
        foreach (var t in json["tabellen"]!.AsArray())
        {
            var id = t!["id"]!.GetValue<string>();
            var kolommen = t["kolommen"]!.AsArray().Select(k => (Sleutel: k!["sleutel"]!.GetValue<string>(), Soort: k["soort"]!.GetValue<string>())).ToList();
            var rijen = t["rijen"]!.AsArray().Select(r => (Sleutel: r!["sleutel"]!.GetValue<string>(), Totaal: r["totaal"]!.GetValue<bool>(), Cellen: r["cellen"]!.AsArray())).ToList();
            foreach (var r in rijen)
            {
                for (var i = 0; i < kolommen.Count; i++)
                {
                    var c = r.Cellen[i]!;
                    w.Cellen[(id, r.Sleutel, kolommen[i].Sleutel)] = new Cel(id, r.Sleutel, kolommen[i].Sleutel, c["waarde"]?.GetValue<decimal>(),
                        c["tekst"]!.GetValue<string>(), c["verborgen"]!.GetValue<bool>(), kolommen[i].Soort == "aantal");
                }
            }

            // What the headings say: "Totaal" is the sum of the other count columns (the lead-time table: binnen + na =
            // dossiers), and the total row the sum of the other rows.
            var aantalKolommen = kolommen.Where(k => k.Soort == "aantal").Select(k => k.Sleutel).ToList();
            var (delen, totaal) = id == "doorlooptijden"
                ? (new List<string> { "binnen", "buiten" }, "aantal")
                : id == "caseload" ? (new List<string> { "wi2021", "buiten" }, "lopend")
                : id.StartsWith("instroom-", StringComparison.Ordinal) ? (new List<string> { "asiel", "overig" }, "totaal")
                : (aantalKolommen.Where(k => k != "totaal").ToList(), aantalKolommen.Contains("totaal") ? "totaal" : null);
            if (totaal is not null)
            {
                foreach (var r in rijen) w.Sommen.Add(([.. delen.Select(k => (id, r.Sleutel, k))], (id, r.Sleutel, totaal)));
            }

            if (rijen.Count(r => r.Totaal) == 1)
            {
                var som = rijen.Single(r => r.Totaal).Sleutel;
                foreach (var k in aantalKolommen) w.Sommen.Add(([.. rijen.Where(r => !r.Totaal).Select(r => (id, r.Sleutel, k))], (id, som, k)));
            }
        }

        // The same figures side by side in two tables.
        foreach (var k in new[] { "asiel", "overig", "totaal", "gehuisvest" }) w.Sommen.Add(([("instroom-maand", "totaal", k)], ("instroom-gemeente", "totaal", k)));
        foreach (var k in new[] { "B1Route", "Onderwijsroute", "ZRoute" }) w.Sommen.Add(([("routes", "alle", k)], ("lbt", "alle", k)));
        w.Sommen.Add(([.. Enum.GetValues<Fase>().Where(f => !f.IsAfgesloten()).Select(f => ("fasen", f.ToString(), "aantal"))], ("caseload", "alle", "lopend")));
        var periode = json["filter"]?["periode"];
        if (periode?["soort"]!.GetValue<string>() == "jaar")
        {
            var jaar = periode!["van"]!.GetValue<string>()[..4];
            w.Sommen.Add(([("instroom-maand", "totaal", "totaal")], ("ontwikkeling", jaar, "instroom")));
            w.Sommen.Add(([("instroom-maand", "totaal", "gehuisvest")], ("budget-aantallen", "asielmigrant", "aantal")));
            w.Sommen.Add(([("resultaten", "VoldaanBinnenTermijn", "aantal"), ("resultaten", "VoldaanNaTermijn", "aantal"), ("resultaten", "VoldaanTermijnOnbekend", "aantal")], ("ontwikkeling", jaar, "voldaan")));
            w.Sommen.Add(([("resultaten", "Uitgeschreven", "aantal")], ("ontwikkeling", jaar, "uitval")));
            w.Sommen.Add(([("resultaten", "Verhuisd", "aantal")], ("ontwikkeling", jaar, "verhuisd")));
        }

        // Only relations over count cells that are there in this view.
        w.Sommen.RemoveAll(s => !s.Delen.Append(s.Totaal).All(c => w.Cellen.TryGetValue(c, out var cel) && cel.Aantal && (cel.Waarde is not null || cel.Verborgen)));
        return w;
    }

    [GeneratedRegex(@"^<(\d+)$")]
    private static partial Regex KleinRegex();

    /// <summary>The hidden counts that the attacker works out exactly.</summary>
    internal static List<string> Bereken(Weergave w)
    {
        var verborgen = w.Cellen.Values.Where(c => c.Aantal && c.Verborgen).Select(c => (c.Tabel, c.Rij, c.Kolom)).Distinct().ToList();
        if (verborgen.Count == 0) return [];
        var index = verborgen.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var grens = w.Cellen.Values.Select(c => KleinRegex().Match(c.Tekst)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(5).Max();

        // Bounds known beforehand.
        var laag = new long[verborgen.Count];
        var hoog = new long[verborgen.Count];
        for (var i = 0; i < verborgen.Count; i++)
        {
            // "<5": 1 to 4; "x": a count of at least 5 hidden to protect one; ".": withheld, anything from 0.
            (laag[i], hoog[i]) = w.Cellen[verborgen[i]].Tekst switch
            {
                var t when t.StartsWith('<') => (1, grens - 1),
                "x" => (grens, long.MaxValue / 4),
                _ => (0L, long.MaxValue / 4),
            };
        }

        // Each relation: coefficients over the hidden cells = minus the shown part.
        var vergelijkingen = new List<(BigInteger[] A, BigInteger B)>();
        foreach (var (delen, totaal) in w.Sommen)
        {
            var a = new BigInteger[verborgen.Count];
            BigInteger b = 0;
            foreach (var (c, teken) in delen.Select(d => (d, 1)).Append((totaal, -1)))
            {
                var cel = w.Cellen[c];
                if (cel.Verborgen) a[index[c]] += teken;
                else b -= teken * (BigInteger)cel.Waarde!.Value;
            }

            if (a.Any(x => !x.IsZero)) vergelijkingen.Add((a, b));
        }

        var uitkomst = new HashSet<string>();

        // 1. Exact linear algebra: reduce with fractions (common denominators kept by cross-multiplying).
        // The last column holds the right-hand side, so a row with one hidden cell also gives its value.
        var rijen = vergelijkingen.Select(v => v.A.Append(v.B).ToArray()).ToList();
        var pivot = 0;
        for (var k = 0; k < verborgen.Count && pivot < rijen.Count; k++)
        {
            var p = rijen.FindIndex(pivot, r => !r[k].IsZero);
            if (p < 0) continue;
            (rijen[p], rijen[pivot]) = (rijen[pivot], rijen[p]);
            for (var r = 0; r < rijen.Count; r++)
            {
                if (r == pivot || rijen[r][k].IsZero) continue;
                var (f, g) = (rijen[r][k], rijen[pivot][k]);
                for (var j = 0; j <= verborgen.Count; j++) rijen[r][j] = rijen[r][j] * g - rijen[pivot][j] * f;
            }

            pivot++;
        }

        foreach (var rij in rijen.Take(pivot))
        {
            var nietNul = Enumerable.Range(0, verborgen.Count).Where(j => !rij[j].IsZero).ToList();
            if (nietNul.Count != 1) continue;
            var waarde = rij[verborgen.Count] / rij[nietNul[0]];
            // A withheld zero that follows from the sums says "nobody": no disclosure.
            if (waarde.IsZero && w.Cellen[verborgen[nietNul[0]]].Tekst == ".") continue;
            uitkomst.Add($"{verborgen[nietNul[0]]} volgt uit de sommen: {waarde}");
        }

        // 2. Bounds: a part lies between the total minus the others' bounds; a total between its parts' bounds.
        for (var ronde = 0; ronde < 1000; ronde++)
        {
            var veranderd = false;
            foreach (var (a, b) in vergelijkingen)
            {
                // sum(a_i x_i) = b with a_i in {-1, 0, 1} (a cell in a relation once).
                for (var i = 0; i < verborgen.Count; i++)
                {
                    if (a[i].IsZero) continue;
                    long min = 0, max = 0;
                    for (var j = 0; j < verborgen.Count; j++)
                    {
                        if (j == i || a[j].IsZero) continue;
                        if (a[j] > 0) (min, max) = (min + laag[j], Math.Min(long.MaxValue / 4, max + hoog[j]));
                        else (min, max) = (min - hoog[j], max - laag[j]);
                    }

                    // a_i x_i = b - rest, rest in [min, max].
                    var (l, h) = a[i] > 0 ? ((long)b - max, (long)b - min) : (min - (long)b, max - (long)b);
                    if (l > laag[i]) (laag[i], veranderd) = (l, true);
                    if (h < hoog[i]) (hoog[i], veranderd) = (h, true);
                }
            }

            if (!veranderd) break;
        }

        for (var i = 0; i < verborgen.Count; i++)
        {
            if (laag[i] >= hoog[i] && !(laag[i] == 0 && w.Cellen[verborgen[i]].Tekst == ".")) uitkomst.Add($"{verborgen[i]} ligt vast op {laag[i]}");
        }

        return [.. uitkomst];
    }

    internal sealed record Relatie(List<(string Weergave, (string, string, string) Cel)> Delen, (string Weergave, (string, string, string) Cel) Totaal);

    /// <summary>
    /// Several views read together, as one attacker with one login can: every cell keyed by its view, every relation
    /// within each view, and <paramref name="tussen"/>, the relations between views (over count cells that are there).
    /// </summary>
    internal static Weergave Samen(IReadOnlyDictionary<string, Weergave> weergaven, IEnumerable<Relatie> tussen)
    {
        var samen = new Weergave(weergaven.Values.First().Json);
        static (string, string, string) Sleutel(string naam, (string T, string R, string K) c) => ($"{naam}|{c.T}", c.R, c.K);
        foreach (var (naam, w) in weergaven)
        {
            foreach (var (k, c) in w.Cellen) samen.Cellen[Sleutel(naam, k)] = c with { Tabel = $"{naam}|{c.Tabel}" };
            samen.Sommen.AddRange(w.Sommen.Select(s => (s.Delen.Select(d => Sleutel(naam, d)).ToList(), Sleutel(naam, s.Totaal))));
        }

        bool Telbaar((string, string, string) c) => samen.Cellen.TryGetValue(c, out var x) && x.Aantal && (x.Waarde is not null || x.Verborgen);
        foreach (var r in tussen)
        {
            var delen = r.Delen.Select(d => Sleutel(d.Weergave, d.Cel)).ToList();
            var totaal = Sleutel(r.Totaal.Weergave, r.Totaal.Cel);
            if (delen.Count > 0 && Telbaar(totaal) && delen.All(Telbaar)) samen.Sommen.Add((delen, totaal));
        }

        return samen;
    }

    /// <summary>
    /// A region's count is the sum of the same count in all its municipalities' views (a row missing in one view is 0
    /// there).
    /// </summary>
    internal static IEnumerable<Relatie> Plaatssommen(IReadOnlyDictionary<string, Weergave> weergaven, string regio, IEnumerable<string> gemeenten) =>
        weergaven[regio].Cellen.Keys.Select(k => new Relatie([.. gemeenten.Where(g => weergaven[g].Cellen.ContainsKey(k)).Select(g => (g, k))], (regio, k)));

    /// <summary>The same count in two views (the stages and caseload of "today", a year's row in the development table).</summary>
    internal static IEnumerable<Relatie> Gelijk(IReadOnlyDictionary<string, Weergave> weergaven, string a, string b, Func<(string T, string R, string K), bool> welke) =>
        weergaven[a].Cellen.Keys.Where(welke).Where(weergaven[b].Cellen.ContainsKey).Select(k => new Relatie([(a, k)], (b, k)));

}

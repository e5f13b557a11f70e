using System.Globalization;
using System.Text.Json.Serialization;
using Koers.Domain.Monitor;
using Koers.Domain.Sources;
using Microsoft.Extensions.Caching.Memory;

namespace Koers.Web.Features.Monitor;

public enum KolomSoort
{
    Aantal,
    Dagen,
    Percentage,
    Bedrag,
    Getal,
    Tekst,
}

public sealed record Kolom(string Sleutel, string Kop, KolomSoort Soort);

/// <summary>
/// One figure as shown: the number (null when hidden or not applicable), its Dutch text, whether it was hidden
/// because it is (derived from) a count under 5, and the link to the cases behind it.
/// </summary>
public sealed record Cel(decimal? Waarde, string Tekst, bool Verborgen = false, string? Link = null)
{
    public static readonly Cel Leeg = new(null, "—");

    /// <summary>
    /// The count behind a count cell, also when it is hidden: secondary suppression needs it. Never serialised, so no
    /// answer or export carries a hidden number.
    /// </summary>
    [JsonIgnore]
    public int? Ruw { get; init; }
}

/// <param name="KortLabel">A shorter label for a chart axis (e.g. "jan" for "januari 2025").</param>
public sealed record Rij(string Sleutel, string Label, IReadOnlyList<Cel> Cellen, bool Totaal = false, string? KortLabel = null);

public sealed record BronVerwijzing(string Bron, string Verwijzing, string? Citaat)
{
    public static BronVerwijzing Van(Citation c) => new(c.Source, c.Reference, c.Quote);
}

public enum GrafiekSoort
{
    /// <summary>One horizontal bar per row for one column.</summary>
    Staven,
    /// <summary>Vertical columns per row (time) for one or more columns, with an optional reference line.</summary>
    Kolommen,
    /// <summary>One stacked horizontal bar per row, one segment per column.</summary>
    Gestapeld,
}

/// <summary>
/// How to draw a table: which columns, and which column (if any) is a norm or target line. Totaalkolom: the column with
/// the sum of the plotted ones; a row whose split is hidden (small numbers) is drawn as one bar of that total.
/// </summary>
public sealed record GrafiekSpec(GrafiekSoort Soort, IReadOnlyList<string> Kolommen, string? Normkolom = null, decimal? Norm = null, string? NormLabel = null, string Eenheid = "dossiers",
    string? Totaalkolom = null);

/// <summary>A table of the monitor: what the screens show, the API returns and the exports write.</summary>
public sealed record Tabel(
    string Id,
    string Titel,
    string LabelKop,
    IReadOnlyList<Kolom> Kolommen,
    IReadOnlyList<Rij> Rijen,
    string? Toelichting = null,
    IReadOnlyList<BronVerwijzing>? Bronnen = null,
    GrafiekSpec? Grafiek = null)
{
    public int Index(string kolom) => Kolommen.ToList().FindIndex(k => k.Sleutel == kolom);

    /// <summary>The cell in the row with this key and the column with this key, or null when either is not there.</summary>
    public Cel? Zoek(string rij, string kolom) =>
        Rijen.SingleOrDefault(r => r.Sleutel == rij) is { } r && Index(kolom) is var k and >= 0 ? r.Cellen[k] : null;
}

public static class Tabellen
{
    /// <summary>A cell of one of these tables by table id, row key and column key, or null when it is not there.</summary>
    public static Cel? Zoek(this IEnumerable<Tabel> tabellen, string tabel, string rij, string kolom) =>
        tabellen.SingleOrDefault(t => t.Id == tabel)?.Zoek(rij, kolom);
}

/// <summary>
/// Makes cells under one privacy setting: with <see cref="Verberg"/> on, counts of 1 to <paramref name="grens"/>-1 read
/// "&lt;5" and figures derived from them "(&lt;5)", without a link (a list of names would give the count away).
/// </summary>
public sealed class Cellen(bool verberg, int grens = KleineAantallen.Grens)
{
    private static readonly CultureInfo Nl = new("nl-NL");
    public const string Afgeleid = "(<5)";

    public bool Verberg { get; } = verberg;

    /// <summary>The threshold: the strictest of the municipalities in the selection (Koers:Monitor:Grens).</summary>
    public int Grens { get; } = grens;

    /// <summary>The text of a figure hidden because it is derived from a hidden count, e.g. "(&lt;5)".</summary>
    public string AfgeleidTekst => $"({KleineAantallen.Tekst(Grens)})";

    public Cel Aantal(int aantal, string? link = null) =>
        Verberg && KleineAantallen.Verbergen(aantal, Grens)
            ? new Cel(null, KleineAantallen.Tekst(Grens), true) { Ruw = aantal }
            : new Cel(aantal, aantal.ToString("N0", Nl), false, aantal > 0 ? link : null) { Ruw = aantal };

    /// <summary>A share of <paramref name="noemer"/> cases, hidden when it would reveal a count under 5.</summary>
    public Cel Percentage(int teller, int noemer)
    {
        if (noemer == 0) return Cel.Leeg;
        if (Verberg && KleineAantallen.VerbergAandeel(teller, noemer, Grens)) return new Cel(null, AfgeleidTekst, true);
        var p = Math.Round(100m * teller / noemer, 1, MidpointRounding.AwayFromZero);
        return new Cel(p, p.ToString("0.#", Nl) + "%");
    }

    /// <summary>A median over <paramref name="aantal"/> cases; one or a few cases would reveal their own lead time.</summary>
    public Cel Dagen(double? dagen, int aantal)
    {
        if (aantal == 0 || dagen is null) return Cel.Leeg;
        if (Verberg && KleineAantallen.Verbergen(aantal, Grens)) return new Cel(null, AfgeleidTekst, true);
        var d = Math.Round((decimal)dagen.Value, 1, MidpointRounding.AwayFromZero);
        return new Cel(d, d.ToString("0.#", Nl));
    }

    /// <summary>An amount computed from a number of people; hidden with that number.</summary>
    public Cel Bedrag(decimal bedrag, params int[] aantallen) =>
        Verberg && aantallen.Any(a => KleineAantallen.Verbergen(a, Grens))
            ? new Cel(null, AfgeleidTekst, true)
            : new Cel(Math.Round(bedrag, 2), EuroTekst(bedrag));

    /// <summary>Policy figures that say nothing about people (a taakstelling, a norm): never hidden.</summary>
    public static Cel Getal(decimal? waarde, string formaat = "0.#") =>
        waarde is { } w ? new Cel(w, w.ToString(formaat, Nl)) : Cel.Leeg;

    public static Cel Euro(decimal? bedrag, bool verborgen = false) =>
        verborgen ? new Cel(null, Afgeleid, true) : bedrag is { } b ? new Cel(Math.Round(b, 2), EuroTekst(b)) : Cel.Leeg;

    public static Cel Tekst(string tekst) => new(null, tekst);

    public static string EuroTekst(decimal bedrag) =>
        "€ " + Math.Round(bedrag, 0, MidpointRounding.AwayFromZero).ToString("N0", Nl);
}

/// <summary>A count cell of the overview: table id, row key, column key.</summary>
public sealed record CelPlaats(string Tabel, string Rij, string Kolom);

/// <summary>A relation between tables: the parts add up to the total (one part: the same figure twice).</summary>
public sealed record Koppeling(IReadOnlyList<CelPlaats> Delen, CelPlaats Totaal);

/// <summary>
/// Which cells of a table add up: per row the part columns make the total column, per column the rows make the
/// total row. With that and the relations between tables, <see cref="Beveilig"/> runs
/// <see cref="Geheimhouding"/> over all counts of one overview at once (secondary suppression), and hides the shares
/// and amounts derived from a hidden count.
/// </summary>
/// <param name="Afgeleid">Columns derived from the counts of their row (a share, an amount, a ratio to a norm).</param>
/// <param name="AandeelVanTotaal">Columns that are a share of the total row: count / share gives the total.</param>
/// <param name="Los">Count columns outside the row sum that still add up down the rows to the total row (e.g. housed next to inflow).</param>
public sealed record Optelling(IReadOnlyList<string> Delen, string? TotaalKolom, bool TotaalRij, IReadOnlyList<string>? Afgeleid = null,
    IReadOnlyList<string>? AandeelVanTotaal = null, IReadOnlyList<string>? Los = null)
{
    public const string Tekst = "x";

    /// <summary>A count withheld with its whole group (<see cref="Onthulling.Ingetrokken"/>).</summary>
    public const string Ingetrokken = ".";

    public static IReadOnlyList<Tabel> Beveilig(IReadOnlyList<Tabel> tabellen, IReadOnlyDictionary<string, Optelling> optellingen,
        IEnumerable<Koppeling> koppelingen, Cellen c) => Beveilig([(tabellen, koppelingen)], optellingen, [], c)[0];

    /// <summary>
    /// Protects several views at once (a region and its municipalities): every count of every view is one cell of one
    /// <see cref="Geheimhouding"/> problem, with each view's own relations and <paramref name="tussen"/>, the relations
    /// between the views. A count is then hidden or shown the same way whichever view a reader puts next to another.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Tabel>> Beveilig(IReadOnlyList<(IReadOnlyList<Tabel> Tabellen, IEnumerable<Koppeling> Koppelingen)> weergaven,
        IReadOnlyDictionary<string, Optelling> optellingen, IEnumerable<Samenhang> tussen, Cellen c)
    {
        ArgumentNullException.ThrowIfNull(weergaven);
        ArgumentNullException.ThrowIfNull(optellingen);
        ArgumentNullException.ThrowIfNull(c);
        var cellen = weergaven.Select(w => w.Tabellen.Select(t => t.Rijen.Select(r => r.Cellen.ToArray()).ToArray()).ToArray()).ToArray();

        // Number every count cell of every view.
        var plaatsen = new List<(int W, int T, int R, int K)>();
        var nummer = new Dictionary<(int W, int T, int R, int K), int>();
        int? Nummer(int w, int t, int r, int k)
        {
            if (t < 0 || r < 0 || k < 0 || cellen[w][t][r][k].Ruw is null) return null;
            if (!nummer.TryGetValue((w, t, r, k), out var n))
            {
                n = plaatsen.Count;
                plaatsen.Add((w, t, r, k));
                nummer[(w, t, r, k)] = n;
            }

            return n;
        }

        var sommen = new List<Som>();
        void Voeg(IEnumerable<int?> delen, int? totaal)
        {
            var d = delen.ToList();
            // A relation with a cell that is not a count (not applicable here) is not one a reader can use.
            if (totaal is { } t && d.Count > 0 && d.All(x => x is not null)) sommen.Add(new Som([.. d.Select(x => x!.Value)], t));
        }

        int? Plaats(int w, CelPlaats p)
        {
            var tabellen = weergaven[w].Tabellen;
            var t = tabellen.ToList().FindIndex(x => x.Id == p.Tabel);
            if (t < 0) return null;
            return Nummer(w, t, tabellen[t].Rijen.ToList().FindIndex(r => r.Sleutel == p.Rij), tabellen[t].Index(p.Kolom));
        }

        for (var w = 0; w < weergaven.Count; w++)
        {
            var tabellen = weergaven[w].Tabellen;
            for (var t = 0; t < tabellen.Count; t++)
            {
                if (!optellingen.TryGetValue(tabellen[t].Id, out var o)) continue;
                var tabel = tabellen[t];
                var delen = o.Delen.Select(tabel.Index).ToList();
                var totaalKolom = o.TotaalKolom is { } tk ? tabel.Index(tk) : -1;
                var totaalRij = o.TotaalRij ? tabel.Rijen.ToList().FindIndex(r => r.Totaal) : -1;
                var gewoneRijen = Enumerable.Range(0, cellen[w][t].Length).Where(i => i != totaalRij).ToList();
                var (wi, ti) = (w, t);
                if (totaalKolom >= 0)
                {
                    foreach (var r in Enumerable.Range(0, cellen[w][t].Length)) Voeg(delen.Select(k => Nummer(wi, ti, r, k)), Nummer(wi, ti, r, totaalKolom));
                }

                if (totaalRij >= 0)
                {
                    var los = (o.Los ?? []).Select(tabel.Index).Where(i => i >= 0);
                    foreach (var k in (totaalKolom >= 0 ? [.. delen, totaalKolom] : delen).Concat(los)) Voeg(gewoneRijen.Select(r => Nummer(wi, ti, r, k)), Nummer(wi, ti, totaalRij, k));
                }
            }

            foreach (var k in weergaven[w].Koppelingen ?? []) Voeg(k.Delen.Select(d => Plaats(w, d)), Plaats(w, k.Totaal));
        }

        foreach (var s in tussen ?? []) Voeg(s.Delen.Select(d => Plaats(d.Weergave, d.Cel)), Plaats(s.Totaal.Weergave, s.Totaal.Cel));

        var staat = Besluit([.. plaatsen.Select(p => cellen[p.W][p.T][p.R][p.K].Ruw!.Value)], sommen, c.Grens);
        var geraakt = new HashSet<(int W, int T, int R)>();
        for (var n = 0; n < plaatsen.Count; n++)
        {
            var (w, t, r, k) = plaatsen[n];
            if (staat[n] == Onthulling.Zichtbaar) continue;
            geraakt.Add((w, t, r));
            if (staat[n] == Onthulling.Secundair) cellen[w][t][r][k] = new Cel(null, Tekst, true) { Ruw = cellen[w][t][r][k].Ruw };
            if (staat[n] == Onthulling.Ingetrokken) cellen[w][t][r][k] = new Cel(null, Ingetrokken, true) { Ruw = cellen[w][t][r][k].Ruw };
        }

        // A share or amount in a row gives a hidden count of that row away, and a share of a hidden total gives the
        // total away (count / share): hide them with it.
        for (var w = 0; w < weergaven.Count; w++)
        {
            var tabellen = weergaven[w].Tabellen;
            for (var t = 0; t < tabellen.Count; t++)
            {
                if (!optellingen.TryGetValue(tabellen[t].Id, out var o)) continue;
                var afgeleid = (o.Afgeleid ?? []).Select(tabellen[t].Index).Where(i => i >= 0).ToList();
                var vanTotaal = (o.AandeelVanTotaal ?? []).Select(tabellen[t].Index).Where(i => i >= 0).ToList();
                var totaalRij = tabellen[t].Rijen.ToList().FindIndex(r => r.Totaal);
                var totaalVerborgen = totaalRij >= 0 && geraakt.Contains((w, t, totaalRij));
                for (var r = 0; r < cellen[w][t].Length; r++)
                {
                    var kolommen = (geraakt.Contains((w, t, r)) ? afgeleid : []).Concat(totaalVerborgen ? vanTotaal : []);
                    foreach (var k in kolommen.Where(k => !cellen[w][t][r][k].Verborgen && cellen[w][t][r][k].Waarde is not null)) cellen[w][t][r][k] = new Cel(null, c.AfgeleidTekst, true);
                }
            }
        }

        return [.. weergaven.Select((v, w) => (IReadOnlyList<Tabel>)[.. v.Tabellen.Select((tabel, t) => tabel with { Rijen = [.. tabel.Rijen.Select((rij, r) => rij with { Cellen = cellen[w][t][r] })] })])];
    }

    private static readonly MemoryCache Besluiten = new(new MemoryCacheOptions { SizeLimit = 256 });

    /// <summary>
    /// <see cref="Geheimhouding.Bepaal"/>, remembered by its input: the same counts and relations always give the same
    /// answer, so the members of a family (a region and its municipalities) asked for one after another share one run.
    /// </summary>
    private static Onthulling[] Besluit(int[] aantallen, List<Som> sommen, int grens)
    {
        var invoer = new List<int>(aantallen.Length + sommen.Sum(s => s.Delen.Count + 2) + 2) { grens, aantallen.Length };
        invoer.AddRange(aantallen);
        foreach (var s in sommen)
        {
            invoer.Add(-1 - s.Totaal);
            invoer.AddRange(s.Delen);
        }

        var sleutel = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(invoer))));
        if (Besluiten.TryGetValue(sleutel, out Onthulling[]? bekend) && bekend is not null) return [.. bekend];
        var staat = Geheimhouding.Bepaal(aantallen, sommen, grens);
        Besluiten.Set(sleutel, staat, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return [.. staat];
    }

    /// <summary>
    /// Protects a family (index 0: the region, the others: its municipalities) as one problem: each view's own
    /// relations and, between them, <see cref="PlaatsSommen"/>.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Tabel>> BeveiligFamilie(IReadOnlyList<(IReadOnlyList<Tabel> Tabellen, IEnumerable<Koppeling> Koppelingen)> weergaven,
        IReadOnlyDictionary<string, Optelling> optellingen, Cellen c)
    {
        ArgumentNullException.ThrowIfNull(weergaven);
        return Beveilig(weergaven, optellingen, PlaatsSommen([.. weergaven.Select(w => w.Tabellen)]), c);
    }

    /// <summary>
    /// The relations between a view of a whole (index 0: a region) and the views of its parts (the others: its
    /// municipalities): each count of the whole is the sum of the same count in the parts (a row missing in a part is
    /// 0 there). Only where the numbers do add up, so a figure that is not a plain count of cases (none today) would
    /// simply add no relation.
    /// </summary>
    private static IEnumerable<Samenhang> PlaatsSommen(IReadOnlyList<IReadOnlyList<Tabel>> weergaven)
    {
        ArgumentNullException.ThrowIfNull(weergaven);
        if (weergaven.Count < 2) yield break;
        foreach (var tabel in weergaven[0])
        {
            foreach (var rij in tabel.Rijen)
            {
                for (var k = 0; k < tabel.Kolommen.Count; k++)
                {
                    if (rij.Cellen[k].Ruw is not { } totaal) continue;
                    var plaats = new CelPlaats(tabel.Id, rij.Sleutel, tabel.Kolommen[k].Sleutel);
                    var delen = new List<(int, CelPlaats)>();
                    var som = 0;
                    for (var w = 1; w < weergaven.Count; w++)
                    {
                        if (weergaven[w].Zoek(tabel.Id, rij.Sleutel, plaats.Kolom)?.Ruw is not { } deel) continue;
                        delen.Add((w, plaats));
                        som += deel;
                    }

                    if (delen.Count > 0 && som == totaal) yield return new Samenhang(delen, (0, plaats));
                }
            }
        }
    }
}

/// <summary>A relation between counts of different views: the parts (view index, cell) add up to the total.</summary>
public sealed record Samenhang(IReadOnlyList<(int Weergave, CelPlaats Cel)> Delen, (int Weergave, CelPlaats Cel) Totaal);


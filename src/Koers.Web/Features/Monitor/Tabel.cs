using System.Globalization;
using Koers.Domain.Monitor;
using Koers.Domain.Sources;

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

/// <summary>How to draw a table: which columns, and which column (if any) is a norm or target line.</summary>
public sealed record GrafiekSpec(GrafiekSoort Soort, IReadOnlyList<string> Kolommen, string? Normkolom = null, decimal? Norm = null, string? NormLabel = null, string Eenheid = "dossiers");

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
}

/// <summary>
/// Makes cells under one privacy setting: with <see cref="Verberg"/> on, counts of 1 to 4 read "&lt;5" and
/// figures derived from them "(&lt;5)", without a link (a list of names would give the count away).
/// </summary>
public sealed class Cellen(bool verberg)
{
    private static readonly CultureInfo Nl = new("nl-NL");
    public const string Afgeleid = "(<5)";

    public bool Verberg { get; } = verberg;

    public Cel Aantal(int aantal, string? link = null) =>
        Verberg && KleineAantallen.Verbergen(aantal)
            ? new Cel(null, KleineAantallen.Tekst(), true)
            : new Cel(aantal, aantal.ToString("N0", Nl), false, aantal > 0 ? link : null);

    /// <summary>A share of <paramref name="noemer"/> cases, hidden when it would reveal a count under 5.</summary>
    public Cel Percentage(int teller, int noemer)
    {
        if (noemer == 0) return Cel.Leeg;
        if (Verberg && KleineAantallen.VerbergAandeel(teller, noemer)) return new Cel(null, Afgeleid, true);
        var p = Math.Round(100m * teller / noemer, 1, MidpointRounding.AwayFromZero);
        return new Cel(p, p.ToString("0.#", Nl) + "%");
    }

    /// <summary>A median over <paramref name="aantal"/> cases; one or a few cases would reveal their own lead time.</summary>
    public Cel Dagen(double? dagen, int aantal)
    {
        if (aantal == 0 || dagen is null) return Cel.Leeg;
        if (Verberg && KleineAantallen.Verbergen(aantal)) return new Cel(null, Afgeleid, true);
        var d = Math.Round((decimal)dagen.Value, 1, MidpointRounding.AwayFromZero);
        return new Cel(d, d.ToString("0.#", Nl));
    }

    /// <summary>An amount computed from a number of people; hidden with that number.</summary>
    public Cel Bedrag(decimal bedrag, params int[] aantallen) =>
        Verberg && aantallen.Any(a => KleineAantallen.Verbergen(a))
            ? new Cel(null, Afgeleid, true)
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

/// <summary>
/// Which cells of a table add up: per row the part columns make the total column, per column the rows make the
/// total row. With that, <see cref="Secundair"/> hides a second cell wherever one hidden count could be worked
/// out by subtraction (secondary suppression), together with the shares derived from it.
/// </summary>
public sealed record Optelling(IReadOnlyList<string> Delen, string? TotaalKolom, bool TotaalRij, IReadOnlyList<string>? Afgeleid = null)
{
    public const string Tekst = "x";

    public static Tabel Secundair(Tabel tabel, Optelling optelling)
    {
        var cellen = tabel.Rijen.Select(r => r.Cellen.ToArray()).ToArray();
        var delen = optelling.Delen.Select(tabel.Index).ToList();
        var totaalKolom = optelling.TotaalKolom is { } t ? tabel.Index(t) : -1;
        var totaalRij = optelling.TotaalRij ? tabel.Rijen.ToList().FindIndex(r => r.Totaal) : -1;
        var gewoneRijen = Enumerable.Range(0, cellen.Length).Where(i => i != totaalRij).ToList();

        // Each constraint: the parts and the cell they add up to.
        var sommen = new List<(List<(int R, int K)> Delen, (int R, int K) Som)>();
        if (totaalKolom >= 0)
        {
            foreach (var r in Enumerable.Range(0, cellen.Length)) sommen.Add((delen.Select(k => (r, k)).ToList(), (r, totaalKolom)));
        }

        if (totaalRij >= 0)
        {
            foreach (var k in totaalKolom >= 0 ? [.. delen, totaalKolom] : delen) sommen.Add((gewoneRijen.Select(r => (r, k)).ToList(), (totaalRij, k)));
        }

        var extra = new HashSet<(int R, int K)>();
        for (var veranderd = true; veranderd;)
        {
            veranderd = false;
            foreach (var (onderdelen, som) in sommen)
            {
                if (cellen[som.R][som.K].Verborgen || onderdelen.Count(p => cellen[p.R][p.K].Verborgen) != 1) continue;
                var kandidaat = onderdelen.Where(p => !cellen[p.R][p.K].Verborgen && cellen[p.R][p.K].Waarde is > 0)
                    .OrderBy(p => cellen[p.R][p.K].Waarde).Cast<(int R, int K)?>().FirstOrDefault() ?? som;
                cellen[kandidaat.R][kandidaat.K] = new Cel(null, Tekst, true);
                extra.Add(kandidaat);
                veranderd = true;
            }
        }

        // A share or amount in the same row would give a secondarily hidden count away.
        var afgeleid = (optelling.Afgeleid ?? []).Select(tabel.Index).Where(i => i >= 0).ToList();
        foreach (var r in extra.Select(p => p.R).Distinct())
        {
            foreach (var k in afgeleid.Where(k => !cellen[r][k].Verborgen && cellen[r][k].Waarde is not null)) cellen[r][k] = new Cel(null, Cellen.Afgeleid, true);
        }

        return tabel with { Rijen = tabel.Rijen.Select((rij, i) => rij with { Cellen = cellen[i] }).ToList() };
    }
}

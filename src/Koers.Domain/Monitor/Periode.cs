using System.Globalization;

namespace Koers.Domain.Monitor;

public enum PeriodeSoort
{
    Jaar,
    Kwartaal,
    Maand,
    /// <summary>Any range of days, e.g. for a cohort or a drill-down into one month of a year.</summary>
    Eigen,
}

/// <summary>
/// The period a monitor figure is about: a calendar year, quarter or month, or any range of days.
/// Both ends are inclusive, as policy staff read "januari t/m maart".
/// </summary>
public sealed record Periode
{
    private static readonly CultureInfo Nl = new("nl-NL");

    private Periode(PeriodeSoort soort, DateOnly van, DateOnly tot)
    {
        Soort = soort;
        Van = van;
        Tot = tot;
    }

    public PeriodeSoort Soort { get; }
    public DateOnly Van { get; }
    public DateOnly Tot { get; }

    public static Periode Jaar(int jaar) => new(PeriodeSoort.Jaar, new DateOnly(jaar, 1, 1), new DateOnly(jaar, 12, 31));

    public static Periode Kwartaal(int jaar, int kwartaal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kwartaal, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(kwartaal, 4);
        var van = new DateOnly(jaar, 3 * (kwartaal - 1) + 1, 1);
        return new(PeriodeSoort.Kwartaal, van, van.AddMonths(3).AddDays(-1));
    }

    public static Periode Maand(int jaar, int maand)
    {
        var van = new DateOnly(jaar, maand, 1);
        return new(PeriodeSoort.Maand, van, van.AddMonths(1).AddDays(-1));
    }

    /// <summary>A range of days; a range that happens to be a whole year, quarter or month is named as one.</summary>
    public static Periode Eigen(DateOnly van, DateOnly tot)
    {
        if (tot < van) throw new ArgumentException("Het einde van de periode ligt vóór het begin.", nameof(tot));
        var eind = van.AddMonths(1).AddDays(-1);
        if (van.Day == 1 && tot == new DateOnly(van.Year, 12, 31) && van.Month == 1) return Jaar(van.Year);
        if (van.Day == 1 && van.Month % 3 == 1 && tot == van.AddMonths(3).AddDays(-1)) return Kwartaal(van.Year, (van.Month + 2) / 3);
        if (van.Day == 1 && tot == eind) return Maand(van.Year, van.Month);
        return new(PeriodeSoort.Eigen, van, tot);
    }

    public int Dagen => Tot.DayNumber - Van.DayNumber + 1;

    /// <summary>The year a budget figure belongs to: the year the period starts in.</summary>
    public int Begrotingsjaar => Van.Year;

    /// <summary>True when the period starts on the first and ends on the last day of a month.</summary>
    public bool HeleMaanden => Van.Day == 1 && Tot.AddDays(1).Day == 1;

    public bool Bevat(DateOnly datum) => datum >= Van && datum <= Tot;

    public Periode? Overlap(DateOnly van, DateOnly tot)
    {
        var begin = van > Van ? van : Van;
        var einde = tot < Tot ? tot : Tot;
        return einde < begin ? null : Eigen(begin, einde);
    }

    /// <summary>The calendar months the period touches, each cut to the period: the buckets of a trend chart.</summary>
    public IReadOnlyList<Periode> Maanden()
    {
        var lijst = new List<Periode>();
        for (var maand = new DateOnly(Van.Year, Van.Month, 1); maand <= Tot; maand = maand.AddMonths(1))
        {
            lijst.Add(Overlap(maand, maand.AddMonths(1).AddDays(-1))!);
        }

        return lijst;
    }

    public string Omschrijving => Soort switch
    {
        PeriodeSoort.Jaar => Van.Year.ToString(CultureInfo.InvariantCulture),
        PeriodeSoort.Kwartaal => $"{(Van.Month + 2) / 3}e kwartaal {Van.Year}",
        PeriodeSoort.Maand => Van.ToString("MMMM yyyy", Nl),
        _ => $"{Van.ToString("d MMM yyyy", Nl)} t/m {Tot.ToString("d MMM yyyy", Nl)}",
    };

    /// <summary>Short label for a chart axis: "jan", "2e kw.", "2026" or the day range.</summary>
    public string KorteNaam => Soort switch
    {
        PeriodeSoort.Maand => Van.ToString("MMM", Nl).TrimEnd('.'),
        PeriodeSoort.Kwartaal => $"{(Van.Month + 2) / 3}e kw.",
        PeriodeSoort.Jaar => Van.Year.ToString(CultureInfo.InvariantCulture),
        _ => $"{Van.ToString("d MMM", Nl)}–{Tot.ToString("d MMM", Nl)}",
    };

    public override string ToString() => Omschrijving;
}

/// <summary>A half-year: the Rijk sets the taakstelling twice a year (Weert, regels 282-284).</summary>
public readonly record struct Halfjaar(int Jaar, int Helft)
{
    public DateOnly Van => new(Jaar, Helft == 1 ? 1 : 7, 1);
    public DateOnly Tot => Helft == 1 ? new DateOnly(Jaar, 6, 30) : new DateOnly(Jaar, 12, 31);

    /// <summary>How the half-year is written in configuration: "2026-1" and "2026-2".</summary>
    public string Sleutel => $"{Jaar}-{Helft}";

    public string Omschrijving => $"{(Helft == 1 ? "1e" : "2e")} halfjaar {Jaar}";

    public static bool TryParse(string? tekst, out Halfjaar halfjaar)
    {
        halfjaar = default;
        var delen = tekst?.Trim().Split(['-', 'H', 'h'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (delen is not { Length: 2 }
            || !int.TryParse(delen[0], NumberStyles.None, CultureInfo.InvariantCulture, out var jaar)
            || !int.TryParse(delen[1], NumberStyles.None, CultureInfo.InvariantCulture, out var helft)
            || jaar is < 2000 or > 2100 || helft is not (1 or 2))
        {
            return false;
        }

        halfjaar = new Halfjaar(jaar, helft);
        return true;
    }

    public static IEnumerable<Halfjaar> In(Periode periode)
    {
        for (var jaar = periode.Van.Year; jaar <= periode.Tot.Year; jaar++)
        {
            foreach (var helft in new[] { 1, 2 })
            {
                var h = new Halfjaar(jaar, helft);
                if (h.Tot >= periode.Van && h.Van <= periode.Tot) yield return h;
            }
        }
    }
}

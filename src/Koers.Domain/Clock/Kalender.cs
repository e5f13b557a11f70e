namespace Koers.Domain.Clock;

/// <summary>Calendar arithmetic for terms expressed in weeks, months and years.</summary>
public static class Kalender
{
    /// <summary>
    /// The last day of a period of <paramref name="maanden"/> months that begins on <paramref name="start"/>:
    /// the day before the same day-of-month that many months later, or the last day of that month when the
    /// day does not exist there (a period from 31 August ends on the last day of February).
    /// </summary>
    public static DateOnly LaatsteDagVanPeriode(DateOnly start, int maanden)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maanden);
        var zelfdeDag = start.AddMonths(maanden); // clamps 31 → 30/28/29
        var dagBestaat = start.Day <= DateTime.DaysInMonth(zelfdeDag.Year, zelfdeDag.Month);
        return dagBestaat ? zelfdeDag.AddDays(-1) : zelfdeDag;
    }

    /// <summary>The same date <paramref name="jaren"/> years later; 29 February becomes 28 February.</summary>
    public static DateOnly JarenLater(DateOnly start, int jaren) => start.AddYears(jaren);

    /// <summary>The same day-of-month <paramref name="maanden"/> months later, clamped to the month's end.</summary>
    public static DateOnly MaandenLater(DateOnly start, int maanden) => start.AddMonths(maanden);

    public static DateOnly WekenLater(DateOnly start, int weken) => start.AddDays(7 * weken);
}

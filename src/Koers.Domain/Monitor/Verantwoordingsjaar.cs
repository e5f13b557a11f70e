using Koers.Domain.Sources;

namespace Koers.Domain.Monitor;

/// <summary>
/// The calendar year a cost is accounted in for the SPUK (the SiSa annex of the jaarrekening). Statutory basis: the
/// uitkering is yearly, for a calendar year, and accounted in the verantwoordingsinformatie of art. 17a Fvw
/// (<see cref="Wet.UitkeringPerKalenderjaar"/>, Wi2021 art. 40 lid 1, 3 en 5); an unspent part is reserved per calendar
/// year (<see cref="Wet.Reservering"/>, Besluit art. 10.5 lid 1). Practice: the costs are accounted "jaarlijks bij de
/// Sisa-verantwoording" (<see cref="MonitorBron.SisaJaarlijks"/>), and a trajectory's costs fall in the years it runs
/// (<see cref="MonitorBron.KostenNietTegelijk"/>). How a trajectory's cost is split is Koers' choice, written here once.
/// </summary>
public static class Verantwoordingsjaar
{
    public static Citation Grondslag => MonitorBron.SisaJaarlijks;

    /// <summary>The first year Koers accounts for: the Wi2021 took effect on 1 January 2022.</summary>
    public const int Eerste = 2022;

    /// <summary>
    /// The year shown when none is chosen: in the first quarter the previous year (its SiSa accounts are being drawn up
    /// for the jaarrekening), from April the current year.
    /// </summary>
    public static int Standaard(DateOnly vandaag) => vandaag.Month <= 3 ? vandaag.Year - 1 : vandaag.Year;

    /// <summary>
    /// Of the price periods begun from <paramref name="start"/> up to and including <paramref name="einde"/> (always at
    /// least the first), the number that begin in <paramref name="jaar"/>: a period is accounted in the year it begins, so
    /// the years together count every begun period exactly once.
    /// </summary>
    public static int PeriodenIn(int jaar, DateOnly start, DateOnly einde, int periodeMaanden)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periodeMaanden, 1);
        var n = 0;
        for (var k = 0; k == 0 || start.AddMonths(k * periodeMaanden) <= einde; k++)
        {
            if (start.AddMonths(k * periodeMaanden).Year == jaar) n++;
        }

        return n;
    }

    /// <summary>Whether a date (a trajectory's start for a price per trajectory, a week's Monday for hours) lies in <paramref name="jaar"/>.</summary>
    public static bool In(int jaar, DateOnly datum) => datum.Year == jaar;
}

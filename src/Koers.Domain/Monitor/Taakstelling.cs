namespace Koers.Domain.Monitor;

/// <summary>
/// The taakstelling is the number of statushouders the Rijk asks a municipality to house, set per half-year
/// (Weert, regels 282-284). The monitor compares inflow in any period with the pro-rata part of it.
/// </summary>
public static class Taakstelling
{
    /// <summary>
    /// The part of the half-year targets that falls in the period: whole months count as sixths of their
    /// half-year, other ranges by days. Null when a half-year the period touches has no target configured,
    /// because a partial sum would read as a real target.
    /// </summary>
    public static decimal? NaarRato(IReadOnlyDictionary<Halfjaar, int> taakstelling, Periode periode)
    {
        ArgumentNullException.ThrowIfNull(taakstelling);
        ArgumentNullException.ThrowIfNull(periode);
        decimal som = 0;
        foreach (var halfjaar in Halfjaar.In(periode))
        {
            if (!taakstelling.TryGetValue(halfjaar, out var aantal)) return null;
            var (teller, noemer) = Deel(periode.Overlap(halfjaar.Van, halfjaar.Tot)!, halfjaar);
            som += aantal * teller / (decimal)noemer;
        }

        return som;
    }

    /// <summary>
    /// Inflow as a percentage of the (pro-rata) taakstelling, to one decimal, from the unrounded taakstelling: a target
    /// first rounded to hundredths gives 254.0% where 253.8% is right (11 against 26/6) and 300.2% for 300.0% (13 against
    /// 26/6). Null without a positive target.
    /// </summary>
    public static decimal? Realisatie(int instroom, decimal? taakstelling) =>
        taakstelling is { } t && t > 0 ? Math.Round(100m * instroom / t, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>The share of a half-year that a period inside it covers: months of 6, or days of the half-year.</summary>
    public static (int Teller, int Noemer) Deel(Periode deel, Halfjaar halfjaar)
    {
        if (deel.HeleMaanden)
        {
            return ((deel.Tot.Year - deel.Van.Year) * 12 + deel.Tot.Month - deel.Van.Month + 1, 6);
        }

        return (deel.Dagen, halfjaar.Tot.DayNumber - halfjaar.Van.DayNumber + 1);
    }
}

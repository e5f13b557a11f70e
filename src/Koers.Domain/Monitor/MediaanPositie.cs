namespace Koers.Domain.Monitor;

/// <summary>
/// Where the median sits in an ordered list of n values: skip (n-1)/2 and take one value (n odd) or two
/// (n even, then the median is their mean).
/// </summary>
public static class MediaanPositie
{
    public static (int Overslaan, int Nemen) Van(int aantal)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(aantal);
        return ((aantal - 1) / 2, aantal % 2 == 1 ? 1 : 2);
    }

    /// <summary>The median of the one or two middle values.</summary>
    public static double Mediaan(IReadOnlyList<int> midden)
    {
        if (midden.Count is not (1 or 2)) throw new ArgumentException("Geef de één of twee middelste waarden.", nameof(midden));
        return midden.Count == 1 ? midden[0] : (midden[0] + midden[1]) / 2.0;
    }

    /// <summary>
    /// The exact median from a frequency table (value, how often), as the database returns it from a
    /// GROUP BY on the value: a lead time in days has a few hundred distinct values however many cases there are,
    /// so all lead times of all kinds come back in one small query on SQLite and PostgreSQL alike.
    /// Null when there are no values.
    /// </summary>
    public static double? UitVerdeling(IEnumerable<(int Waarde, int Aantal)> verdeling)
    {
        ArgumentNullException.ThrowIfNull(verdeling);
        var geordend = verdeling.Where(v => v.Aantal > 0).OrderBy(v => v.Waarde).ToList();
        var totaal = geordend.Sum(v => v.Aantal);
        if (totaal == 0) return null;
        var (overslaan, nemen) = Van(totaal);
        var midden = new List<int>(2);
        var gezien = 0;
        foreach (var (waarde, aantal) in geordend)
        {
            // Positions gezien .. gezien+aantal-1 hold this value; take the ones in the middle window.
            for (var positie = Math.Max(gezien, overslaan); positie < gezien + aantal && positie < overslaan + nemen; positie++)
            {
                midden.Add(waarde);
            }

            gezien += aantal;
            if (midden.Count == nemen) break;
        }

        return Mediaan(midden);
    }
}

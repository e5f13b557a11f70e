namespace Koers.Domain.Monitor;

/// <summary>
/// Where the median sits in an ordered list of n values: skip (n-1)/2 and take one value (n odd) or two
/// (n even, then the median is their mean). The monitor lets the database order and skip, so only one or
/// two numbers leave the database.
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
}

using Koers.Data.Model;

namespace Koers.Data.Versleuteling;

/// <summary>
/// Finding cases by number through the blind index (the columns themselves hold ciphertext). Compares with the index
/// under every configured index key, so a case is found during an index key rotation too.
/// </summary>
public static class BsnZoeken
{
    public static IQueryable<Inburgeraar> MetBsn(this IQueryable<Inburgeraar> dossiers, BsnBescherming bescherming, string bsn)
    {
        var indexen = bescherming.Indexen(Nummersoort.Bsn, bsn);
        return dossiers.Where(i => indexen.Contains(i.BsnIndex!));
    }

    public static IQueryable<Inburgeraar> MetVNummer(this IQueryable<Inburgeraar> dossiers, BsnBescherming bescherming, string vnummer)
    {
        var indexen = bescherming.Indexen(Nummersoort.VNummer, vnummer);
        return dossiers.Where(i => indexen.Contains(i.VNummerIndex!));
    }

    /// <summary>Cases with this BSN (when given) or this V-nummer (when given); none when neither is.</summary>
    public static IQueryable<Inburgeraar> MetBsnOfVNummer(this IQueryable<Inburgeraar> dossiers, BsnBescherming bescherming, string? bsn, string? vnummer)
    {
        var bsnIndexen = bsn is null ? [] : bescherming.Indexen(Nummersoort.Bsn, bsn);
        var vnummerIndexen = vnummer is null ? [] : bescherming.Indexen(Nummersoort.VNummer, vnummer);
        return dossiers.Where(i => bsnIndexen.Contains(i.BsnIndex!) || vnummerIndexen.Contains(i.VNummerIndex!));
    }
}

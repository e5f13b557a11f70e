using Koers.Data.Model;
using Koers.Domain.Identity;

namespace Koers.Data.Versleuteling;

/// <summary>
/// Finding cases by number through the blind index (the columns themselves hold ciphertext). Compares with the index
/// under every configured index key, so a case is found during an index key rotation too. Takes the value types, so
/// a lookup gets a number that was checked at the boundary where it came in.
/// </summary>
public static class BsnZoeken
{
    public static IQueryable<Inburgeraar> MetBsn(this IQueryable<Inburgeraar> dossiers, BsnBescherming bescherming, Bsn bsn)
    {
        var indexen = bescherming.Indexen(bsn);
        return dossiers.Where(i => indexen.Contains(i.BsnIndex!));
    }

    public static IQueryable<Inburgeraar> MetVNummer(this IQueryable<Inburgeraar> dossiers, BsnBescherming bescherming, VNummer vnummer)
    {
        var indexen = bescherming.Indexen(vnummer);
        return dossiers.Where(i => indexen.Contains(i.VNummerIndex!));
    }

    /// <summary>Cases with this BSN (when given) or this V-nummer (when given); none when neither is.</summary>
    public static IQueryable<Inburgeraar> MetBsnOfVNummer(this IQueryable<Inburgeraar> dossiers, BsnBescherming bescherming, Bsn? bsn, VNummer? vnummer)
    {
        var bsnIndexen = bsn is { } b ? bescherming.Indexen(b) : [];
        var vnummerIndexen = vnummer is { } v ? bescherming.Indexen(v) : [];
        return dossiers.Where(i => bsnIndexen.Contains(i.BsnIndex!) || vnummerIndexen.Contains(i.VNummerIndex!));
    }
}

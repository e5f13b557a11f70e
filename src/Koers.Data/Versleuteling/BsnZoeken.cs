using System.Linq.Expressions;
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
    public static IQueryable<Inburgeraar> MetBsn(this IQueryable<Inburgeraar> dossiers, BsnBescherming bescherming, Bsn bsn) =>
        dossiers.Where(Een([(i => i.BsnIndex, bescherming.Indexen(bsn))]));

    public static IQueryable<Inburgeraar> MetVNummer(this IQueryable<Inburgeraar> dossiers, BsnBescherming bescherming, VNummer vnummer) =>
        dossiers.Where(Een([(i => i.VNummerIndex, bescherming.Indexen(vnummer))]));

    /// <summary>Cases with this BSN (when given) or this V-nummer (when given); none when neither is.</summary>
    public static IQueryable<Inburgeraar> MetBsnOfVNummer(this IQueryable<Inburgeraar> dossiers, BsnBescherming bescherming, Bsn? bsn, VNummer? vnummer) =>
        dossiers.Where(Een([
            (i => i.BsnIndex, bsn is { } b ? bescherming.Indexen(b) : []),
            (i => i.VNummerIndex, vnummer is { } v ? bescherming.Indexen(v) : []),
        ]));

    /// <summary>
    /// <c>kolom = @p1 OR kolom = @p2 …</c>: one parameter per index key (one, two during a rotation). Not
    /// <c>indexen.Contains(kolom)</c>: for a nullable column EF adds <c>OR (kolom IS NULL AND array_position(@a, NULL)
    /// IS NOT NULL)</c>, and PostgreSQL's generic plan of that prepared statement (chosen after five runs, because its
    /// LIMIT 1 looks cheap) read every case instead of probing the index: 68 ms instead of 0.1 ms at 30,000 cases, on
    /// every DUO event (bench/README.md, "DUO inbox"). An equality with a parameter that is not null has no such branch.
    /// </summary>
    private static Expression<Func<Inburgeraar, bool>> Een(IReadOnlyList<(Expression<Func<Inburgeraar, string?>> Kolom, string[] Waarden)> delen)
    {
        var dossier = Expression.Parameter(typeof(Inburgeraar), "i");
        Expression? filter = null;
        foreach (var (kolom, waarden) in delen)
        {
            var veld = new VervangParameter(kolom.Parameters[0], dossier).Visit(kolom.Body);
            foreach (var waarde in waarden)
            {
                // A member of a captured object, as a closure variable would be: EF makes it a parameter, not a constant.
                var gelijk = Expression.Equal(veld, Expression.Property(Expression.Constant(new Waarde(waarde)), nameof(Waarde.Tekst)));
                filter = filter is null ? gelijk : Expression.OrElse(filter, gelijk);
            }
        }

        return Expression.Lambda<Func<Inburgeraar, bool>>(filter ?? Expression.Constant(false), dossier);
    }

    private sealed class Waarde(string tekst)
    {
        public string? Tekst { get; } = tekst;
    }

    private sealed class VervangParameter(ParameterExpression van, ParameterExpression naar) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == van ? naar : node;
    }
}

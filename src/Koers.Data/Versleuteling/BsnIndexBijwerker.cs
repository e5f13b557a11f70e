using Koers.Data.Model;
using Koers.Data.Model.Duo;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Koers.Data.Versleuteling;

/// <summary>
/// Keeps every blind index in step with its number on each save: <see cref="Inburgeraar.BsnIndex"/> and
/// <see cref="Inburgeraar.VNummerIndex"/>, and <see cref="DuoNotificatie.Persoonssleutel"/>. Done here rather than by
/// the code that sets a BSN (a form, the COA import, DUO, demo data, anonymisation …), so no path can forget it;
/// and rather than in the entity's setter, which would need the key through a static. An index made with an older
/// index key is renewed on the way (the number is in memory anyway).
/// </summary>
public sealed class BsnIndexBijwerker : SaveChangesInterceptor
{
    public static readonly BsnIndexBijwerker Instantie = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Bijwerken(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Bijwerken(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Bijwerken(DbContext? context)
    {
        if (context is null || BsnModel.BeschermingVan(context) is not { } b) return;
        foreach (var e in context.ChangeTracker.Entries<Inburgeraar>())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified)) continue;
            Zet(e, nameof(Inburgeraar.BsnIndex), e.Entity.Bsn is { } bsn ? b.Index(Nummersoort.Bsn, bsn.Value) : null);
            Zet(e, nameof(Inburgeraar.VNummerIndex), e.Entity.VNummer is { } v ? b.Index(Nummersoort.VNummer, v.Value) : null);
        }

        foreach (var e in context.ChangeTracker.Entries<DuoNotificatie>())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified)) continue;
            if (e.Entity.Bsn is null && e.Entity.VNummer is null) continue; // refused by the API before it gets here
            Zet(e, nameof(DuoNotificatie.Persoonssleutel), b.Persoonssleutel(e.Entity.Bsn, e.Entity.VNummer));
        }
    }

    /// <summary>Sets only a changed value, so an unchanged index adds nothing to the UPDATE.</summary>
    private static void Zet(EntityEntry e, string eigenschap, string? waarde)
    {
        var p = e.Property(eigenschap);
        if (!string.Equals((string?)p.CurrentValue, waarde, StringComparison.Ordinal)) p.CurrentValue = waarde;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Koers.Data;

/// <summary>An entity that records when it was made; <see cref="StempelInterceptor"/> sets it on insert.</summary>
public interface IAangemaaktOp
{
    DateTime AangemaaktOp { get; set; }
}

/// <summary>An entity that records who made it; <see cref="StempelInterceptor"/> sets it on insert.</summary>
public interface IAangemaaktDoor
{
    string AangemaaktDoor { get; set; }
}

/// <summary>An entity that records when it last changed; <see cref="StempelInterceptor"/> sets it on insert and on every update.</summary>
public interface IGewijzigdOp
{
    DateTime GewijzigdOp { get; set; }
}

/// <summary>An entity that records who changed it last; <see cref="StempelInterceptor"/> sets it on insert and on every update.</summary>
public interface IGewijzigdDoor
{
    string GewijzigdDoor { get; set; }
}

/// <summary>
/// Who and when "now" is for the stamps. Koers.Data has no clock and no user of its own: the host implements it (Koers.Web
/// from its business clock and the signed-in user, or a system name for background work), so a test's fixed clock
/// reaches the stamps too.
/// </summary>
public interface IStempelbron
{
    DateTime NuUtc { get; }
    string Wie { get; }
}

/// <summary>
/// Stamps created/modified fields (<see cref="IAangemaaktOp"/>, <see cref="IAangemaaktDoor"/>, <see cref="IGewijzigdOp"/>,
/// <see cref="IGewijzigdDoor"/>) on every save, so no feature sets them by hand or forgets to.
///
/// A value the caller set on purpose is kept: on insert a stamp that is not empty (demo data with historic dates, an
/// import carrying the source's date, a named system actor), on update a stamp the caller changed itself. Everything else
/// gets the source's time and name. Bulk updates (ExecuteUpdate) do not pass here, as they do not pass any interceptor.
/// </summary>
public sealed class StempelInterceptor(IStempelbron bron) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stempel(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Stempel(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stempel(DbContext? context)
    {
        if (context is null) return;
        // Read once per save: every row of one save carries the same moment and the same name.
        DateTime? nu = null;
        string? wie = null;
        DateTime Nu() => nu ??= bron.NuUtc;
        string Wie() => wie ??= bron.Wie;

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added)
            {
                var e = entry.Entity;
                if (e is IAangemaaktOp a && a.AangemaaktOp == default) a.AangemaaktOp = Nu();
                if (e is IAangemaaktDoor ad && string.IsNullOrEmpty(ad.AangemaaktDoor)) ad.AangemaaktDoor = Wie();
                // A new row that says when it was made has not changed since: the same moment, not a second clock read.
                if (e is IGewijzigdOp g && g.GewijzigdOp == default) g.GewijzigdOp = e is IAangemaaktOp a2 ? a2.AangemaaktOp : Nu();
                if (e is IGewijzigdDoor gd && string.IsNullOrEmpty(gd.GewijzigdDoor)) gd.GewijzigdDoor = Wie();
            }
            else if (entry.State == EntityState.Modified)
            {
                var e = entry.Entity;
                if (e is IGewijzigdOp g && !Gezet(entry, nameof(IGewijzigdOp.GewijzigdOp))) g.GewijzigdOp = Nu();
                if (e is IGewijzigdDoor gd && !Gezet(entry, nameof(IGewijzigdDoor.GewijzigdDoor))) gd.GewijzigdDoor = Wie();
            }
        }
    }

    /// <summary>Whether the caller changed the stamp itself in this unit of work (then it is meant, and kept).</summary>
    private static bool Gezet(EntityEntry entry, string eigenschap) => entry.Property(eigenschap).IsModified;
}

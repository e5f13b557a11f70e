using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Koers.Data;

/// <summary>
/// Notes what a pending save touches before it runs, and acts on that once the save has succeeded (inside the caller's
/// transaction when there is one); a failed save forgets the note. The tracked entries are only known before the save
/// (afterwards they are all unchanged), and the work must not run for a save that did not happen.
/// </summary>
public abstract class NaOpslaanInterceptor<TNotitie> : SaveChangesInterceptor where TNotitie : class
{
    private readonly ConditionalWeakTable<DbContext, TNotitie> _lopend = [];

    /// <summary>What this save touches that needs work afterwards, or null for nothing.</summary>
    protected abstract TNotitie? Noteer(DbContext context);

    /// <summary>The work after a successful save.</summary>
    protected abstract Task NaAsync(DbContext context, TNotitie notitie, CancellationToken ct);

    private void Voor(DbContext? context)
    {
        if (context is not null && Noteer(context) is { } notitie) _lopend.AddOrUpdate(context, notitie);
    }

    private TNotitie? Neem(DbContext? context) =>
        context is not null && _lopend.TryGetValue(context, out var notitie) && _lopend.Remove(context) ? notitie : null;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Voor(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Voor(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Neem(eventData.Context) is { } notitie) NaAsync(eventData.Context!, notitie, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Neem(eventData.Context) is { } notitie) await NaAsync(eventData.Context!, notitie, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Neem(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Neem(eventData.Context);
        return Task.CompletedTask;
    }
}

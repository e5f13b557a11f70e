using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Koers.Web.Kern;

/// <summary>
/// Keeps what a feature derives from its per-municipality settings (deadline alert days, participation moments, logistics
/// limits, …) for a minute, so the worklist's sections and the case page do not read the same settings rows on every
/// request. An entry is kept per settings entity type (<typeparamref name="TEntiteit"/> in <see cref="HaalAsync{TEntiteit,T}"/>):
/// any saved change (added, changed, deleted) to a row of that type empties that type's entries at once on this
/// instance (<see cref="InstellingWijzigingen"/>), so no list of settings types is kept here and a feature that caches a
/// new type gets its invalidation without touching this file. Another instance sees the change within
/// <see cref="Duur"/> at the latest, as with <see cref="Bereikcache"/>. Values must be immutable (records, read-only
/// collections built for the cache): they are shared between requests.
/// </summary>
public sealed class Instellingencache(IMemoryCache cache)
{
    public static readonly TimeSpan Duur = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<Type, CancellationTokenSource> _versies = new();

    public async Task<T> HaalAsync<TEntiteit, T>(object sleutel, Func<Task<T>> laad)
        where TEntiteit : class
    {
        var k = (typeof(TEntiteit), sleutel);
        if (cache.TryGetValue(k, out T? bekend)) return bekend!;
        // The version is taken before loading: a change saved while loading cancels it, and the value is not kept.
        var token = _versies.GetOrAdd(typeof(TEntiteit), _ => new CancellationTokenSource()).Token;
        var waarde = await laad();
        if (token.IsCancellationRequested) return waarde;
        using var entry = cache.CreateEntry(k);
        entry.Value = waarde;
        entry.AbsoluteExpirationRelativeToNow = Duur;
        entry.AddExpirationToken(new CancellationChangeToken(token));
        return waarde;
    }

    /// <summary>
    /// What a feature derives from the settings of a set of municipalities, kept per set: order and repeats in
    /// <paramref name="gemeenten"/> do not matter, and <paramref name="laad"/> gets the set sorted, each id once.
    /// </summary>
    public Task<T> VoorGemeentenAsync<TEntiteit, T>(string soort, IEnumerable<int> gemeenten, Func<List<int>, Task<T>> laad)
        where TEntiteit : class
    {
        var ids = gemeenten.Distinct().Order().ToList();
        return HaalAsync<TEntiteit, T>((soort, string.Join(',', ids)), () => laad(ids));
    }

    public void Vergeet(Type entiteit)
    {
        // Not disposed: a loader may still hold its token; a source without timers holds nothing to release.
        if (_versies.TryRemove(entiteit, out var oud)) oud.Cancel();
    }
}

/// <summary>Empties the <see cref="Instellingencache"/> entries of every cached entity type a save adds, changes or deletes.</summary>
public sealed class InstellingWijzigingen(Instellingencache cache) : Data.NaOpslaanInterceptor<HashSet<Type>>
{
    protected override HashSet<Type>? Noteer(DbContext context)
    {
        HashSet<Type>? geraakt = null;
        foreach (var e in context.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            // Every changed type, also one not cached yet: a request may start caching it before this save commits,
            // and the emptying after the save must reach that entry too.
            (geraakt ??= []).Add(e.Metadata.ClrType);
        }

        if (geraakt is null) return null;
        foreach (var type in geraakt) cache.Vergeet(type);
        return geraakt;
    }

    // Again after the save: a request that loaded the settings between the first emptying and the commit could
    // otherwise have cached the old ones.
    protected override Task NaAsync(DbContext context, HashSet<Type> notitie, CancellationToken ct)
    {
        foreach (var type in notitie) cache.Vergeet(type);
        return Task.CompletedTask;
    }
}

using Koers.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Primitives;

namespace Koers.Web.Kern;

/// <summary>
/// Keeps a municipality's settings rows of a feature (registered with <see cref="InstellingencacheRegistratie.AddGemeenteinstelling{T}"/>)
/// for <see cref="Duur"/>, so a page that shows one case does not read its municipality's settings again on every
/// request (issue #21). Any saved change to an entity of a registered type empties the whole cache at once on this
/// instance (<see cref="InstellingWijzigingen"/>, as <see cref="BereikWijzigingen"/> does for the reach); another
/// instance sees the change within <see cref="Duur"/> at the latest. What is cached is shared between requests: the
/// caller reads it and never changes or attaches it.
/// </summary>
public sealed class Instellingencache(IMemoryCache cache) : IDisposable
{
    public static readonly TimeSpan Duur = TimeSpan.FromSeconds(60);

    private CancellationTokenSource _versie = new();

    public void Dispose() => _versie.Dispose();

    /// <summary>The settings of type <typeparamref name="T"/> of one municipality (null: none saved), loaded once per <see cref="Duur"/>.</summary>
    public async Task<T?> HaalAsync<T>(int gemeenteId, Func<Task<T?>> laad) where T : class
    {
        var sleutel = (Soort: "koers-gemeenteinstelling", typeof(T), gemeenteId);
        if (cache.TryGetValue(sleutel, out T? bekend)) return bekend;
        var versie = _versie;
        var waarde = await laad();
        // Loaded while a change was saved: do not keep what may be the old state.
        if (versie.IsCancellationRequested) return waarde;
        using var entry = cache.CreateEntry(sleutel);
        entry.Value = waarde;
        entry.AbsoluteExpirationRelativeToNow = Duur;
        entry.AddExpirationToken(new CancellationChangeToken(versie.Token));
        return waarde;
    }

    public void Vergeet()
    {
        var oud = Interlocked.Exchange(ref _versie, new CancellationTokenSource());
        oud.Cancel();
        oud.Dispose();
    }
}

/// <summary>A type of per-municipality settings kept in the <see cref="Instellingencache"/>; a saved change of one empties it.</summary>
public sealed record Gemeenteinstelling(Type Soort);

/// <summary>Empties the <see cref="Instellingencache"/> when an entity of a registered settings type is saved.</summary>
public sealed class InstellingWijzigingen(Instellingencache cache, IEnumerable<Gemeenteinstelling> soorten) : NaOpslaanInterceptor<object>
{
    private static readonly object Geraakt = new();
    private readonly HashSet<Type> _soorten = [.. soorten.Select(s => s.Soort)];

    protected override object? Noteer(DbContext context)
    {
        if (!context.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && _soorten.Contains(e.Metadata.ClrType))) return null;
        cache.Vergeet();
        return Geraakt;
    }

    // Again after the commit: a request that loaded the settings between the first emptying and the commit could
    // otherwise have cached the old ones.
    protected override Task NaAsync(DbContext context, object notitie, CancellationToken ct)
    {
        cache.Vergeet();
        return Task.CompletedTask;
    }
}

public static class InstellingencacheRegistratie
{
    /// <summary>Settings of type <typeparamref name="T"/> may be kept in the <see cref="Instellingencache"/>; saving one empties it.</summary>
    public static IServiceCollection AddGemeenteinstelling<T>(this IServiceCollection services) where T : class
    {
        services.AddMemoryCache();
        services.TryAddSingleton<Instellingencache>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterceptor, InstellingWijzigingen>());
        services.AddSingleton(new Gemeenteinstelling(typeof(T)));
        return services;
    }
}

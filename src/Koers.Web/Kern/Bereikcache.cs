using Koers.Data;
using Koers.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Koers.Web.Kern;

/// <summary>
/// Keeps the database part of a user's reach (home municipality, region, own file, partner organisation and its region) for a
/// minute, so the access check does not cost two queries on every request. Roles are not cached: they come from the
/// sign-in claims on each request. Any saved change to users, staff, teams, regions or municipalities empties the
/// cache at once on this instance (<see cref="BereikWijzigingen"/>); another instance sees it within
/// <see cref="Duur"/> at the latest.
/// </summary>
public sealed class Bereikcache(IMemoryCache cache) : IDisposable
{
    public static readonly TimeSpan Duur = TimeSpan.FromSeconds(60);

    public sealed record Gegevens(IReadOnlySet<int> Gemeenten, Guid? EigenDossier, string Naam, int? MedewerkerId, int? PartnerorganisatieId,
        int? RegioId, IReadOnlySet<int> RegioGemeenten, string Organisatie);

    private CancellationTokenSource _versie = new();

    /// <summary>The container disposes the singleton at shutdown.</summary>
    public void Dispose() => _versie.Dispose();

    public Task<Gegevens?> HaalAsync(string gebruikerId, Func<Task<Gegevens?>> laad) => HaalAsync(("koers-bereik", gebruikerId), laad);

    /// <summary>
    /// Anything else that is derived only from users, staff, teams, regions and municipalities (such as the worklist's
    /// filter lists per reach) can be kept the same way, and is emptied by the same changes.
    /// </summary>
    public async Task<T> HaalAsync<T>(object sleutel, Func<Task<T>> laad)
    {
        if (cache.TryGetValue(sleutel, out T? bekend)) return bekend!;
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

    /// <summary>
    /// Fires at the next change to users, staff, teams, regions or municipalities on this instance, for caches elsewhere
    /// that hold what was read within someone's reach (the worklist page, <c>Werkvoorraadcache</c>).
    /// </summary>
    public IChangeToken Wijzigingstoken() => new CancellationChangeToken(_versie.Token);

    public void Vergeet()
    {
        var oud = Interlocked.Exchange(ref _versie, new CancellationTokenSource());
        oud.Cancel();
        oud.Dispose();
    }
}

/// <summary>Empties the <see cref="Bereikcache"/> when a change that can alter someone's reach is saved.</summary>
public sealed class BereikWijzigingen(Bereikcache cache) : NaOpslaanInterceptor<object>
{
    private static readonly object Geraakt = new();

    protected override object? Noteer(DbContext context)
    {
        if (!context.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted &&
                e.Entity is Gebruiker or Medewerker or Team or Regio or Gemeente or Data.Model.Keten.Partnerorganisatie)) return null;
        cache.Vergeet();
        return Geraakt;
    }

    // Again after the commit: a request that loaded the reach between the first emptying and the commit could
    // otherwise have cached the old one.
    protected override Task NaAsync(DbContext context, object notitie, CancellationToken ct)
    {
        cache.Vergeet();
        return Task.CompletedTask;
    }
}

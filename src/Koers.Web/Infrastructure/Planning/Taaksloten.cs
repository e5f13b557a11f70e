using Koers.Data;
using Koers.Data.Model.Planning;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Infrastructure.Planning;

/// <summary>The name of this Koers instance in leases and logs: configured, or host name plus process id.</summary>
public sealed class Instantie(IConfiguration configuration)
{
    public string Naam { get; } = configuration["Koers:Instantie"] is { Length: > 0 } naam
        ? naam
        : $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
}

/// <summary>
/// Leases for background tasks, so two instances behind one database never do the same work at once. Taking a
/// lease is one atomic UPDATE (on PostgreSQL a second concurrent UPDATE waits for the first and then sees the
/// lease taken; SQLite serialises writers), which works on both providers without advisory locks.
/// </summary>
public sealed class Taaksloten(KoersDbContext db, Klok klok, Instantie instantie, Bedrijfsvoering.KoersMetingen metingen)
{
    public string Eigenaar => instantie.Naam;

    /// <summary>
    /// Takes the lease of <paramref name="taak"/> for <paramref name="duur"/>. With a <paramref name="periode"/> the
    /// lease is refused when that period already completed, so a nightly run happens once per night in total.
    /// </summary>
    public async Task<bool> ProbeerAsync(string taak, string? periode, TimeSpan duur, CancellationToken ct = default)
    {
        await ZorgVoorRijAsync(taak, ct);
        var nu = klok.NuUtc;
        var tot = nu + duur;
        var eigenaar = instantie.Naam;
        var vrij = db.Taaksloten.Where(t => t.Naam == taak && (t.VerlooptOp == null || t.VerlooptOp < nu));
        if (periode is not null) vrij = vrij.Where(t => t.LaatstePeriode == null || t.LaatstePeriode != periode);
        var genomen = await vrij.ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Eigenaar, eigenaar)
            .SetProperty(t => t.VerlooptOp, tot), ct);
        return genomen == 1;
    }

    /// <summary>Marks the task done (for the period) and frees the lease; only the holder can do this.</summary>
    public async Task VoltooiAsync(string taak, string? periode, CancellationToken ct = default)
    {
        var nu = klok.NuUtc;
        var eigenaar = instantie.Naam;
        var rij = db.Taaksloten.Where(t => t.Naam == taak && t.Eigenaar == eigenaar);
        if (periode is null)
        {
            await rij.ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Eigenaar, (string?)null)
                .SetProperty(t => t.VerlooptOp, (DateTime?)null)
                .SetProperty(t => t.LaatstVoltooidOp, nu)
                .SetProperty(t => t.LaatstVoltooidDoor, eigenaar)
                .SetProperty(t => t.Uitvoeringen, t => t.Uitvoeringen + 1), ct);
        }
        else
        {
            await rij.ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Eigenaar, (string?)null)
                .SetProperty(t => t.VerlooptOp, (DateTime?)null)
                .SetProperty(t => t.LaatstePeriode, periode)
                .SetProperty(t => t.LaatstVoltooidOp, nu)
                .SetProperty(t => t.LaatstVoltooidDoor, eigenaar)
                .SetProperty(t => t.Uitvoeringen, t => t.Uitvoeringen + 1), ct);
        }
    }

    /// <summary>
    /// Extends the lease this instance holds to <paramref name="duur"/> from now; false when it is no longer ours (it
    /// expired and another instance took it), so the caller stops. Long work takes a short lease and renews it per
    /// step: a killed holder then blocks others for one short lease, not for the whole job's worst case.
    /// </summary>
    public async Task<bool> VerlengAsync(string taak, TimeSpan duur, CancellationToken ct = default)
    {
        var tot = klok.NuUtc + duur;
        var eigenaar = instantie.Naam;
        return await db.Taaksloten.Where(t => t.Naam == taak && t.Eigenaar == eigenaar)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.VerlooptOp, tot), ct) == 1;
    }

    /// <summary>Frees the lease after a failure, without marking the period done, so a later attempt retries.</summary>
    public async Task GeefVrijAsync(string taak, CancellationToken ct = default)
    {
        var eigenaar = instantie.Naam;
        await db.Taaksloten.Where(t => t.Naam == taak && t.Eigenaar == eigenaar).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Eigenaar, (string?)null)
            .SetProperty(t => t.VerlooptOp, (DateTime?)null), ct);
    }

    public Task<Taakslot?> StandAsync(string taak, CancellationToken ct = default) =>
        db.Taaksloten.AsNoTracking().FirstOrDefaultAsync(t => t.Naam == taak, ct);

    /// <summary>Runs <paramref name="werk"/> under the lease; null when another instance holds it (or the period is done).</summary>
    public async Task<T?> OnderSlotAsync<T>(string taak, string? periode, TimeSpan duur, Func<CancellationToken, Task<T>> werk, CancellationToken ct = default)
        where T : class
    {
        if (!await ProbeerAsync(taak, periode, duur, ct)) return null;
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var uitkomst = await werk(ct);
            await VoltooiAsync(taak, periode, CancellationToken.None);
            metingen.Taak(taak, "voltooid", System.Diagnostics.Stopwatch.GetElapsedTime(start));
            return uitkomst;
        }
        catch (Exception e)
        {
            // Also on shutdown (cancelled): the lease is freed, so another instance takes the task at once.
            await GeefVrijAsync(taak, CancellationToken.None);
            metingen.Taak(taak, e is OperationCanceledException ? "afgebroken" : "mislukt", System.Diagnostics.Stopwatch.GetElapsedTime(start));
            throw;
        }
    }

    private async Task ZorgVoorRijAsync(string taak, CancellationToken ct)
    {
        if (await db.Taaksloten.AsNoTracking().AnyAsync(t => t.Naam == taak, ct)) return;
        var rij = new Taakslot { Naam = taak };
        db.Taaksloten.Add(rij);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the row at the same moment: fine, the row exists now.
        }
        finally
        {
            db.Entry(rij).State = EntityState.Detached;
        }
    }
}

using System.Collections.Concurrent;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Data.Model.Zgw;
using Koers.Domain.Dossier;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Koers.Web.Features.Zgw;

/// <summary>Municipality id → CBS code, for the save interceptor (which may not query). Filled by the worker on every run.</summary>
public sealed class ZgwGemeenten
{
    private readonly ConcurrentDictionary<int, string> _codes = new();

    public void Vul(IEnumerable<(int Id, string Code)> gemeenten)
    {
        foreach (var (id, code) in gemeenten) _codes[id] = code;
    }

    public string? Code(int id) => _codes.TryGetValue(id, out var c) ? c : null;
}

/// <summary>
/// Writes the zaaksysteem's outbox in the same save as its cause, whichever feature made it: a new case (zaak and its
/// first status), a change of stage (status; a closing stage: resultaat, eindstatus, archive metadata), a new PIP
/// beschikking or handhaving letter (document). Watching the saves rather than calling from each feature means no
/// path that changes a stage can forget the archive. A municipality known not to archive in ZGW gets nothing; one not
/// known yet (or a letter whose case is not loaded) gets its rows, and the worker drops them if the municipality is off.
/// </summary>
public sealed class ZgwVastlegger(ZgwOpties opties, ZgwGemeenten gemeenten, TimeProvider tijd) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Leg(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Leg(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Leg(DbContext? context)
    {
        if (!opties.Aan || context is not KoersDbContext db) return;
        var nu = tijd.GetUtcNow().UtcDateTime;
        var nieuw = new List<ZgwOpdracht>();
        var dossiers = db.ChangeTracker.Entries<Inburgeraar>().ToList();
        foreach (var e in dossiers)
        {
            var i = e.Entity;
            if (e.State == EntityState.Added)
            {
                if (Uit(i.GemeenteId)) continue;
                nieuw.Add(Opdracht(i.Id, ZgwOpdrachtSoort.Zaak, $"zaak:{i.Id:N}", nu));
                nieuw.Add(Fase(i.Id, i.Fase, nu));
            }
            else if (e.State == EntityState.Modified && e.Property(x => x.Fase) is { IsModified: true } p && !Equals(p.OriginalValue, p.CurrentValue))
            {
                if (Uit(i.GemeenteId)) continue;
                nieuw.Add(Fase(i.Id, i.Fase, nu));
            }
        }

        foreach (var e in db.ChangeTracker.Entries<Beschikking>().Where(e => e.State == EntityState.Added))
        {
            if (UitVoor(dossiers, e.Entity.InburgeraarId)) continue;
            nieuw.Add(Document(e.Entity.InburgeraarId, ZgwDocumentBron.Beschikking, e.Entity.Id, nu));
        }

        foreach (var e in db.ChangeTracker.Entries<Handhavingsbesluit>())
        {
            if (e.Entity.Pdf is null || !(e.State == EntityState.Added || (e.State == EntityState.Modified && NetGevuld(e)))) continue;
            if (UitVoor(dossiers, e.Entity.InburgeraarId)) continue;
            nieuw.Add(Document(e.Entity.InburgeraarId, ZgwDocumentBron.Handhaving, e.Entity.Id, nu));
        }

        // The unique index on Sleutel is the real guard; this spares a failing save when the same cause comes twice in one unit of work.
        var bekend = db.ChangeTracker.Entries<ZgwOpdracht>().Select(x => x.Entity.Sleutel).ToHashSet(StringComparer.Ordinal);
        foreach (var o in nieuw)
        {
            if (bekend.Add(o.Sleutel)) db.ZgwOpdrachten.Add(o);
        }
    }

    private static bool NetGevuld(EntityEntry<Handhavingsbesluit> e) => e.Property(x => x.Pdf) is { IsModified: true, OriginalValue: null };

    /// <summary>True only when the municipality is known and does not archive in ZGW.</summary>
    private bool Uit(int gemeenteId) => gemeenten.Code(gemeenteId) is { } code && opties.Voor(code) is null;

    private bool UitVoor(List<EntityEntry<Inburgeraar>> dossiers, Guid inburgeraarId) =>
        dossiers.FirstOrDefault(d => d.Entity.Id == inburgeraarId) is { } d && Uit(d.Entity.GemeenteId);

    /// <summary>Every change of stage is its own step (a stage may be reached twice), hence a fresh key.</summary>
    public static ZgwOpdracht Fase(Guid id, Fase fase, DateTime nu)
    {
        var soort = ZgwGemeenteOpties.IsAfsluiting(fase) ? ZgwOpdrachtSoort.Afsluiting : ZgwOpdrachtSoort.Status;
        var o = Opdracht(id, soort, $"{(soort == ZgwOpdrachtSoort.Status ? "status" : "afsluiting")}:{id:N}:{fase}:{Guid.NewGuid():N}", nu);
        o.Fase = fase;
        return o;
    }

    public static ZgwOpdracht Document(Guid id, ZgwDocumentBron bron, Guid documentId, DateTime nu)
    {
        var o = Opdracht(id, ZgwOpdrachtSoort.Document, $"document:{bron}:{documentId:N}", nu);
        o.DocumentBron = bron;
        o.DocumentId = documentId;
        return o;
    }

    public static ZgwOpdracht Opdracht(Guid id, ZgwOpdrachtSoort soort, string sleutel, DateTime nu) => new()
    {
        InburgeraarId = id,
        Soort = soort,
        Sleutel = sleutel,
        GebeurdOp = nu,
        Status = ZgwOpdrachtStatus.Wachtend,
        AangemaaktOp = nu,
    };
}

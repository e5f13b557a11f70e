using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Netwerk;

/// <summary>
/// Who can take part in a network activity (a casusoverleg, a group offer) of a municipality: staff of its region and
/// the region's chain partners. One rule for both, so a meeting and a group cannot disagree on who belongs to a region.
/// </summary>
internal static class Regiodeelnemers
{
    /// <summary>The municipalities in reach and, from their region, the staff and partners to choose from.</summary>
    public static async Task<(List<Gemeente> Gemeenten, List<Medewerker> Medewerkers, List<Partnerorganisatie> Partners)> KeuzesAsync(
        KoersDbContext db, Kern.Toegang toegang, CancellationToken ct)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (!bereik.WerktMetDossiers) return ([], [], []);
        var gemeenten = await toegang.GemeentenInBereikAsync(ct);
        var regioIds = gemeenten.Select(g => g.RegioId).Distinct().ToList();
        var regio = await db.Gemeenten.AsNoTracking().Where(g => regioIds.Contains(g.RegioId)).Select(g => g.Id).ToListAsync(ct);
        // With municipality and team: a picker tells two staff of the same name apart by them (Keuzelabel).
        var medewerkers = await Medewerkers(db, regio).Include(m => m.Gemeente).Include(m => m.Team).OrderBy(m => m.Naam).ToListAsync(ct);
        var partners = await db.Partnerorganisaties.AsNoTracking().Where(p => regioIds.Contains(p.RegioId)).OrderBy(p => p.Naam).ToListAsync(ct);
        return (gemeenten, medewerkers, partners);
    }

    /// <summary>Staff of these municipalities, and staff of a region-wide team (no home municipality) of their region.</summary>
    public static IQueryable<Medewerker> Medewerkers(KoersDbContext db, List<int> regioGemeenten) =>
        db.Medewerkers.AsNoTracking().Where(m => (m.GemeenteId != null && regioGemeenten.Contains(m.GemeenteId.Value))
            || (m.GemeenteId == null && db.Gemeenten.Any(g => regioGemeenten.Contains(g.Id) && g.RegioId == m.Team!.RegioId)));
}

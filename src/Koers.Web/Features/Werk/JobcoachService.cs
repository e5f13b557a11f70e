using System.Security.Claims;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Web.Features.Audit;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Werk;

/// <summary>One placement in the signed-in jobcoach's own caseload.</summary>
public sealed record JobcoachPlaatsing(Guid InburgeraarId, string Naam, string Gemeente, Plaatsingsregel Regel);

/// <summary>
/// The caseload of a jobcoach who signs in (issue #22, "the jobcoach's caseload"), deny by default. A placement shows only
/// when all hold: (1) the user is a chain-partner user (role Partner with an organisation); (2) the placement is assigned to
/// this user's account (<see cref="Plaatsing.JobcoachGebruikerId"/>), not merely to a name; (3) it still runs; (4) the
/// inburgeraar's consent for the user's organisation is active today for werk en participatie (the placement) and for
/// basisgegevens (the name), decided by <see cref="Kern.Toegang.PartnerDossiersAsync"/> like every partner read (own region,
/// not anonymised). The jobcoach may record the weekly evaluation of such a placement and nothing else; every read and write
/// is audited, and an attempt on a placement outside the caseload is audited as refused.
/// </summary>
public sealed class JobcoachService(KoersDbContext db, Klok klok, Kern.Toegang toegang, Auditlog audit, Kern.AuditVerzoek verzoek, IHttpContextAccessor http, WerkService werk)
{
    /// <summary>Why a placement outside the caseload is refused (audit).</summary>
    public const string Weigering = "Jobcoach: plaatsing niet aan deze jobcoach toegewezen, beëindigd, of zonder geldige machtiging voor werk en participatie";

    /// <summary>The running placements of the signed-in jobcoach that consent opens; null for anyone who is no partner user.</summary>
    private async Task<IQueryable<Plaatsing>?> EigenAsync(CancellationToken ct)
    {
        var bereik = await toegang.BereikAsync(ct);
        var gebruikerId = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!bereik.IsPartner || string.IsNullOrEmpty(gebruikerId)) return null;
        // Two categories, each as Toegang decides it (the union of the organisation's active consents): the placement is
        // werk en participatie, the name beside it basisgegevens.
        var werkEnParticipatie = await toegang.PartnerDossiersAsync(db.Inburgeraars.AsNoTracking(), Gegevenscategorie.WerkEnParticipatie, ct);
        var zichtbaar = (await toegang.PartnerDossiersAsync(werkEnParticipatie, Gegevenscategorie.Basisgegevens, ct)).Select(i => i.Id);
        return db.Set<Plaatsing>().AsNoTracking()
            .Where(p => p.JobcoachGebruikerId == gebruikerId && p.Uitkomst == null && zichtbaar.Contains(p.InburgeraarId));
    }

    /// <summary>The own caseload (empty for a partner user without one, null for anyone else); each row shown is audited.</summary>
    public async Task<IReadOnlyList<JobcoachPlaatsing>?> CaseloadAsync(CancellationToken ct = default)
    {
        var eigen = await EigenAsync(ct);
        if (eigen is null) return null;
        var plaatsingen = await eigen.Include(p => p.Werkgever).Include(p => p.Evaluaties).AsSplitQuery().ToListAsync(ct);
        var ids = plaatsingen.Select(p => p.InburgeraarId).Distinct().ToList();
        var personen = await db.Inburgeraars.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, Naam = i.Voornamen + " " + i.Achternaam, Gemeente = i.Gemeente!.Naam }).ToDictionaryAsync(x => x.Id, ct);
        var lijst = plaatsingen.Select(p => new JobcoachPlaatsing(p.InburgeraarId, personen[p.InburgeraarId].Naam, personen[p.InburgeraarId].Gemeente, WerkService.Regel(p, klok.Vandaag)))
            .OrderBy(r => r.Naam, StringComparer.Ordinal).ThenBy(r => r.Regel.Plaatsing.Start).ToList();
        foreach (var r in lijst)
            audit.Inzien(r.InburgeraarId, $"Jobcoach: plaatsing bij {r.Regel.Waar} in de eigen caseload getoond (met evaluaties)", AuditObject.Van<Plaatsing>(r.Regel.Plaatsing.Id));
        if (lijst.Count == 0) audit.Inzien(null, "Jobcoach: eigen caseload bekeken (geen plaatsingen)");
        await db.SaveChangesAsync(ct);
        return lijst;
    }

    /// <summary>
    /// Records the weekly evaluation of a placement in the own caseload, by <see cref="WerkService"/>'s rule; a placement
    /// outside it is unknown (404) and stores nothing.
    /// </summary>
    public async Task<Uitkomst<long>> EvaluatieAsync(Guid plaatsingId, EvaluatieInvoer invoer, CancellationToken ct = default)
    {
        var eigen = await EigenAsync(ct);
        if (eigen is null) return Uitkomst<long>.Onbekend();
        var p = await eigen.Include(x => x.Werkgever).FirstOrDefaultAsync(x => x.Id == plaatsingId, ct);
        if (p is null)
        {
            // Audited as refused when the placement exists (an unknown id concerns no case); the answer is 404 either way.
            if (await db.Set<Plaatsing>().AsNoTracking().Where(x => x.Id == plaatsingId).Select(x => (Guid?)x.InburgeraarId).FirstOrDefaultAsync(ct) is { } dossier)
                verzoek.Geweigerd.TryAdd(dossier, Weigering);
            return Uitkomst<long>.Onbekend();
        }

        return await werk.EvaluatieVastleggenAsync(p, invoer, " door jobcoach", ct);
    }
}

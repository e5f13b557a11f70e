using System.Text.Json;
using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Pip;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Pip;

/// <summary>What the voorlopig-plan screen and API show for one case.</summary>
public sealed record VoorlopigPlanStand(Inburgeraar Dossier, bool GemeenteGebruiktHet, VoorlopigPlan? Plan, PipInhoud? Inhoud, VoorlopigPlanToets Toets,
    VoorlopigPlanToets Overnemen);

/// <summary>
/// The voorlopig plan (pre-PIP): made for someone in an AZC if the municipality uses it, never a beschikking, never
/// sent to DUO, no termijn; taken over as the draft PIP after BRP inschrijving. Reads are audited, changes too.
/// </summary>
public sealed class VoorlopigPlanService(KoersDbContext db, DossierService dossiers, PipService pips, Klok klok, Kern.Toegang toegang, Auditlog audit)
{
    public static bool GebruiktHet(Gemeente g) => g.VoorlopigPlan ?? VoorlopigPlanRegels.Standaard(g.Code);

    public async Task<VoorlopigPlanStand?> HaalAsync(Guid id, string doel, CancellationToken ct = default)
    {
        var dossier = await dossiers.InzienAsync(id, doel, ct);
        if (dossier is null) return null;
        return await StandAsync(dossier, ct);
    }

    private async Task<VoorlopigPlanStand> StandAsync(Inburgeraar dossier, CancellationToken ct)
    {
        var plan = await db.Set<VoorlopigPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.InburgeraarId == dossier.Id, ct);
        var concept = await db.PipVersies.AnyAsync(p => p.InburgeraarId == dossier.Id && p.Status == PipStatus.Concept, ct);
        var gebruikt = GebruiktHet(dossier.Gemeente!);
        return new VoorlopigPlanStand(dossier, gebruikt, plan, plan is null ? null : OpgeslagenInhoud.Pip(plan.InhoudJson),
            VoorlopigPlanRegels.Toets(gebruikt, dossier.Feiten()), VoorlopigPlanRegels.Overnemen(dossier.Feiten(), concept));
    }

    public async Task<Uitkomst<Guid>> OpslaanAsync(Guid id, PipInvoer invoer, CancellationToken ct = default)
    {
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var toets = VoorlopigPlanRegels.Toets(GebruiktHet(dossier.Gemeente!), dossier.Feiten());
        if (!toets.Mogelijk) return Uitkomst<Guid>.Geweigerd(new() { ["VoorlopigPlan"] = [toets.Reden] });
        var fouten = PipService.ControleerInvoer(invoer);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var plan = await db.Set<VoorlopigPlan>().FirstOrDefaultAsync(p => p.InburgeraarId == id, ct);
        if (plan is null)
        {
            plan = new VoorlopigPlan { InburgeraarId = id, OpgesteldOp = klok.Vandaag };
            db.Add(plan);
        }

        plan.InhoudJson = JsonSerializer.Serialize(invoer.AlsInhoud(), OpgeslagenInhoud.PipOpties);
        dossiers.Audit(AuditActie.Wijzigen, id, "Voorlopig plan (pre-PIP) opgeslagen; geen beschikking, geen termijn, niet naar DUO", AuditObject.Van<VoorlopigPlan>(id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(id);
    }

    /// <summary>After BRP inschrijving: the voorlopig plan becomes the draft PIP, the starting point of the formal decision.</summary>
    public async Task<Uitkomst<Guid>> OvernemenAsync(Guid id, CancellationToken ct = default)
    {
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var plan = await db.Set<VoorlopigPlan>().FirstOrDefaultAsync(p => p.InburgeraarId == id, ct);
        if (plan is null) return Uitkomst<Guid>.Geweigerd(new() { ["VoorlopigPlan"] = ["Er is geen voorlopig plan om over te nemen."] });
        var concept = await db.PipVersies.AnyAsync(p => p.InburgeraarId == id && p.Status == PipStatus.Concept, ct);
        var toets = VoorlopigPlanRegels.Overnemen(dossier.Feiten(), concept);
        if (!toets.Mogelijk) return Uitkomst<Guid>.Geweigerd(new() { ["VoorlopigPlan"] = [toets.Reden] });

        var u = await pips.ConceptOpslaanAsync(id, PipInvoer.Van(OpgeslagenInhoud.Pip(plan.InhoudJson)), ct);
        if (!u.Gelukt) return u.NietGevonden ? Uitkomst<Guid>.Onbekend() : Uitkomst<Guid>.Geweigerd(u.Fouten);
        plan.OvergenomenOp = klok.NuUtc;
        dossiers.Audit(AuditActie.Wijzigen, id, "Voorlopig plan overgenomen als concept-PIP");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(id);
    }

    /// <summary>The municipalities within the user's reach, for the beheer page's choice.</summary>
    public Task<List<Gemeente>> GemeentenAsync(CancellationToken ct = default) => toegang.GemeentenInBereikAsync(ct);

    /// <summary>A municipality's setting; one outside the user's reach is unknown.</summary>
    public async Task<Gemeente?> GemeenteAsync(string? code, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var c = code.Trim().ToUpperInvariant();
        var g = await db.Gemeenten.FirstOrDefaultAsync(x => x.Code == c, ct);
        return g is not null && (await toegang.BereikAsync(ct)).Gemeenten.Contains(g.Id) ? g : null;
    }

    public async Task<Uitkomst<string>> InstellingOpslaanAsync(string code, bool? gebruiken, CancellationToken ct = default)
    {
        var g = await GemeenteAsync(code, ct);
        if (g is null) return Uitkomst<string>.Onbekend();
        if (gebruiken is null) return Uitkomst<string>.Geweigerd(new() { ["VoorlopigPlan"] = ["Kies of de gemeente een voorlopig plan maakt (true of false)."] });
        var oud = GebruiktHet(g);
        g.VoorlopigPlan = gebruiken;
        audit.Schrijf(AuditActie.Wijzigen, null, $"PIP: voorlopig plan voor gemeente {g.Naam} {(gebruiken.Value ? "aangezet" : "uitgezet")} (was {(oud ? "aan" : "uit")})", AuditObject.Van<Gemeente>(g.Code));
        await db.SaveChangesAsync(ct);
        return Uitkomst<string>.Ok(g.Code);
    }
}

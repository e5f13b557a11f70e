using System.Security.Claims;
using Koers.Data.Model;
using Koers.Domain.Dossier;
using Koers.Web.Features.Ketenpartners;
using Koers.Web.Features.Shared;
using Koers.Web.Features.Werkvoorraad;

namespace Koers.Web.Features.Inkoop;

/// <summary>
/// The worklist section for the team lead: contracts that end within the municipality's signal term
/// (<c>Gemeente.ContractSignaalMaanden</c>) or whose bought volume is at least 90% used. It reads
/// <see cref="InkoopService.ContractenAsync"/>, the same figures as the banner on /inkoop, so the two cannot disagree.
/// A contract is the region's, not one case's: the filter on klantregisseur or team does not narrow it, the municipality does.
/// Klantregisseurs do not get the section (procurement is not their work).
/// </summary>
public sealed class ContractSignaalbron(InkoopService inkoop, IHttpContextAccessor http, Kern.Toegang toegang) : ISignaalbron
{
    public const int VolumeSignaalProcent = 90;

    public int Volgorde => SignaalbronVolgorde.Contracten;

    /// <summary>Running today (started, not ended) and at least <see cref="VolumeSignaalProcent"/>% of the volume placed.</summary>
    public static bool VolumeBijnaOp(ContractOverzichtDto c, DateOnly vandaag) =>
        c.Van <= vandaag && (c.Tot is null || c.Tot >= vandaag) && c.Volume is > 0 && c.Geplaatst * 100 >= c.Volume.Value * VolumeSignaalProcent;

    public async Task<Signaalsectie> SectieAsync(Dossierselectie selectie, DateOnly vandaag, CancellationToken ct)
    {
        var gebruiker = http.HttpContext?.User ?? new ClaimsPrincipal();
        if (!gebruiker.IsInRole(Rollen.Teamleider)) return Signaalsectie.Verborgen("inkoop-contracten");
        var contracten = await inkoop.ContractenAsync(ct);
        if (selectie.GemeenteCode is { } code)
        {
            // The region of the chosen municipality (within reach); contracts are made per region.
            var regio = (await toegang.GemeentenInBereikAsync(ct)).Where(g => g.Code == code).Select(g => (int?)g.RegioId).FirstOrDefault();
            var partnerIds = regio is null ? [] : await inkoop.PartnerIdsInRegioAsync(regio.Value, ct);
            contracten = contracten.Where(c => partnerIds.Contains(c.PartnerorganisatieId)).ToList();
        }

        var signalen = contracten.Where(c => c.LooptAf || VolumeBijnaOp(c, vandaag)).ToList();
        return new Signaalsectie(
            "inkoop-contracten",
            "Contracten",
            signalen.Select(c => new SignaalRegel(Guid.Empty, c.Partner, $"/inkoop#contracten",
                c.LooptAf ? "Loopt af" : "Volume bijna op",
                c.LooptAf && c.DagenTotEinde is <= 31 || c.GebruikProcent is >= 100,
                $"{KetenpartnersService.Omschrijving(c.Onderdeel)}{(c.Leerroute is { } r ? $" ({r.Omschrijving()})" : string.Empty)}"
                + (c.Tot is { } t ? $" · eindigt {Weergave.Datum(t)}" : " · doorlopend")
                + (c.Volume is { } v ? $" · {c.Geplaatst} van {v} plaatsen gebruikt" : string.Empty))).ToList(),
            "Geen contracten die binnenkort aflopen of waarvan het volume bijna op is.",
            [new Signaalsectie.Telling("Loopt af", signalen.Count(c => c.LooptAf)), new Signaalsectie.Telling($"Volume ≥ {VolumeSignaalProcent}%", signalen.Count(c => VolumeBijnaOp(c, vandaag)))],
            [new Signaalsectie.Link("Inkoop en contracten", "/inkoop"), new Signaalsectie.Link("Prestaties per aanbieder", "/monitor?tab=aanbieders")],
            "Contracten van de regio die binnen de signaaltermijn van de gemeente aflopen, of waarvan minstens 90% van het ingekochte volume is geplaatst.");
    }
}

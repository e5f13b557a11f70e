using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Machtigingen;
using Koers.Web.Features.Verwijzingen;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Partnerportaal;

/// <summary>The chain partner's own side of the API: the cases it was given consent for, and its referrals.</summary>
public static class PartnerportaalApi
{
    public static RouteGroupBuilder MapPartnerportaalApi(this RouteGroupBuilder api)
    {
        var partner = api.MapGroup("/partner").WithTags("Partner").RequireAuthorization(Beleid.Partner);
        partner.MapGet("/dossiers", async (PartnerInzage s, CancellationToken ct) => TypedResults.Ok(await s.DossiersAsync(ct)))
            .WithSummary("De dossiers waarvoor de inburgeraar de organisatie van de gebruiker machtigde (basisgegevens); elke inzage wordt gelogd");
        partner.MapGet("/dossiers/{id:guid}", async Task<Results<Ok<PartnerDossierDto>, ProblemHttpResult>> (Guid id, PartnerInzage s, CancellationToken ct) =>
            await s.DossierAsync(id, null, ct) is { } d ? TypedResults.Ok(d) : Problemen.NietGevonden())
            .WithSummary("Eén dossier, alleen de categorieën met een geldige machtiging; zonder machtiging 404");
        partner.MapGet("/dossiers/{id:guid}/{categorie}", async Task<Results<Ok<PartnerDossierDto>, ProblemHttpResult>> (Guid id, string categorie, PartnerInzage s, CancellationToken ct) =>
            // Read as text (camelCase like every enum in the API); an unknown category is as absent as an unconsented one.
            Enum.TryParse<Gegevenscategorie>(categorie, ignoreCase: true, out var c) && !int.TryParse(categorie, out _) && MachtigingService.Categorieen.Contains(c)
                && await s.DossierAsync(id, c, ct) is { } d
                ? TypedResults.Ok(d) : Problemen.NietGevonden())
            .WithSummary("Eén categorie van een dossier (bijvoorbeeld gezondheid); 404 zonder machtiging voor die categorie");
        partner.MapGet("/verwijzingen", async (VerwijzingService s, bool? alleenWachtend, CancellationToken ct) => TypedResults.Ok(await s.VoorPartnerAsync(alleenWachtend ?? false, ct)))
            .WithSummary("Aanmeldingen bij de eigen organisatie (alleen van dossiers met een geldige machtiging)");
        partner.MapGet("/wachtlijst", async (VerwijzingService s, CancellationToken ct) => TypedResults.Ok(await s.VoorPartnerAsync(true, ct)))
            .WithSummary("De eigen wachtlijst met wachttijd in dagen");
        partner.MapPut("/verwijzingen/{vid:guid}", async Task<Results<Ok<Guid>, ValidationProblem, ProblemHttpResult>> (Guid vid, BeslissingInvoer invoer, VerwijzingService s, CancellationToken ct) =>
        {
            var u = await s.BeslissenAsync(vid, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Ok(u.Waarde) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Aanmelding accepteren (met intake- en startdatum), afwijzen (met reden) of afronden");
        return api;
    }
}

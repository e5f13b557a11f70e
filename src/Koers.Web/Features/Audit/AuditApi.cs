using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Audit;

public sealed record InzageRegel(DateTime Op, string Wie, string Waarom);

/// <summary>One page of the auditor's search (GET /api/v1/audit): see the endpoint's description for paging.</summary>
public sealed record AuditZoekAntwoord(int Totaal, List<AuditRegelDto> Regels, long? Volgende);

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (AuditQuery query, Guid? dossier, string? gebruiker, string? actie, string? resultaat, DateOnly? van, DateOnly? tot,
                long? na, int? aantal, CancellationToken ct) =>
            {
                var fouten = new Dictionary<string, string[]>();
                if (!Keuze.TryLees<AuditActie>(actie, "actie", fouten, out var a)) return (IResult)Problemen.OngeldigeVraag(fouten);
                if (!Keuze.TryLees<AuditResultaat>(resultaat, "resultaat", fouten, out var r)) return Problemen.OngeldigeVraag(fouten);
                if (aantal is < 1 or > AuditQuery.PaginaMaximum)
                {
                    fouten["aantal"] = [$"Aantal regels per pagina moet tussen 1 en {AuditQuery.PaginaMaximum} liggen."];
                }

                if (na is < 1) fouten["na"] = ["Na moet de waarde van 'volgende' uit het vorige antwoord zijn (een regelnummer groter dan 0)."];
                if (fouten.Count > 0) return Problemen.OngeldigeVraag(fouten);
                var pagina = await query.ZoekAsync(new AuditFilter(dossier, gebruiker, a, van, tot, r), aantal ?? AuditQuery.PaginaStandaard, na, ct);
                return TypedResults.Ok(new AuditZoekAntwoord(pagina.Totaal, pagina.Regels, pagina.Volgende));
            })
            .RequireAuthorization(Beleid.Audit).WithTags("Audit").WithSummary("Auditlog van de eigen regio doorzoeken (alleen auditor)")
            .Produces<AuditZoekAntwoord>()
            .WithDescription($"Per pagina, nieuwste regel eerst: aantal regels per pagina (standaard {AuditQuery.PaginaStandaard}, hoogstens " +
                $"{AuditQuery.PaginaMaximum}). Is er meer, dan staat in 'volgende' de waarde voor na= in de vraag naar de volgende (oudere) pagina, " +
                $"met hetzelfde filter; op de laatste pagina is 'volgende' null. 'totaal' telt alle regels van het filter, niet alleen deze pagina, " +
                $"en stopt bij {AuditQuery.Telgrens + 1} (meer dan {AuditQuery.Telgrens}). Elke vraag, ook naar een volgende pagina, komt zelf in het auditlog.");

        api.MapGet("/audit/keten", async (AuditKeten keten, CancellationToken ct) => TypedResults.Ok(await keten.ControleerAsync(ct)))
            .RequireAuthorization(Beleid.Audit).WithTags("Audit")
            .WithSummary("Controle van de keten: is geen auditregel gewijzigd of verwijderd, en zo niet, vanaf welke regel is de keten verbroken");

        // AVG art. 15 inzage: who viewed this file, for the klantregisseur to hand to the inburgeraar.
        api.MapGet("/inburgeraars/{id:guid}/inzage", async Task<Results<Ok<List<InzageRegel>>, ProblemHttpResult>> (Guid id, DossierService dossiers, AuditQuery query, CancellationToken ct) =>
            {
                if (await dossiers.InzienAsync(id, "AVG-inzage: overzicht van wie het dossier bekeek", ct) is null) return Problemen.NietGevonden();
                var regels = await query.InzagesAsync(id, 10_000, ct);
                return TypedResults.Ok(regels.Select(r => new InzageRegel(r.Op, r.Gebruiker, r.Omschrijving)).ToList());
            })
            .RequireAuthorization(Beleid.Dossierwerk).WithTags("Audit").WithSummary("AVG-inzage: wie heeft dit dossier bekeken");
        return api;
    }
}

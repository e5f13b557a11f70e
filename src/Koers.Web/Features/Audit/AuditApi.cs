using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Audit;

public sealed record InzageRegel(DateTime Op, string Wie, string Waarom);

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (AuditQuery query, Guid? dossier, string? gebruiker, string? actie, string? resultaat, DateOnly? van, DateOnly? tot, CancellationToken ct) =>
            {
                var fouten = new Dictionary<string, string[]>();
                if (!Keuze.TryLees<AuditActie>(actie, "actie", fouten, out var a)) return (IResult)Problemen.Validatie(fouten);
                if (!Keuze.TryLees<AuditResultaat>(resultaat, "resultaat", fouten, out var r)) return Problemen.Validatie(fouten);
                var (totaal, regels) = await query.ZoekAsync(new AuditFilter(dossier, gebruiker, a, van, tot, r), 10_000, ct);
                return TypedResults.Ok(new { totaal, regels });
            })
            .RequireAuthorization(Beleid.Audit).WithTags("Audit").WithSummary("Auditlog van de eigen regio doorzoeken (alleen auditor)");

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

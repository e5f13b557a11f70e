using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Verwijzingen;

public static class VerwijzingenApi
{
    public static RouteGroupBuilder MapVerwijzingenApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/inburgeraars/{id:guid}/verwijzingen").WithTags("Verwijzingen").RequireAuthorization(Beleid.Dossierwerk);
        g.MapGet("/", async Task<Results<Ok<List<VerwijzingDto>>, ProblemHttpResult>> (Guid id, VerwijzingService s, Klok klok, CancellationToken ct) =>
            await s.VanDossierAsync(id, ct) is { } l ? TypedResults.Ok(l.Select(v => VerwijzingService.Dto(v, null, klok.Vandaag)).ToList()) : Problemen.NietGevonden())
            .WithSummary("Aanmeldingen van de inburgeraar bij ketenpartners met status en wachttijd");
        g.MapPost("/", async Task<Results<Created<VerwijzingDto>, ValidationProblem, ProblemHttpResult>> (Guid id, VerwijzingInvoer invoer, VerwijzingService s, Klok klok, CancellationToken ct) =>
        {
            var u = await s.AanmeldenAsync(id, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            var v = (await s.VanDossierAsync(id, ct))!.Single(x => x.Id == u.Waarde);
            return TypedResults.Created($"/api/v1/inburgeraars/{id}/verwijzingen", VerwijzingService.Dto(v, null, klok.Vandaag));
        }).WithSummary("Aanmelden bij een ketenpartner; vereist een geldige machtiging met ten minste basisgegevens");
        g.MapPost("/{vid:guid}/intrekken", async Task<Results<Ok<Guid>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid vid, VerwijzingService s, CancellationToken ct) =>
        {
            var u = await s.IntrekkenAsync(id, vid, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Ok(u.Waarde) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Lopende aanmelding intrekken");
        return api;
    }
}

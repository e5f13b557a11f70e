using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Machtigingen;

public static class MachtigingenApi
{
    public static RouteGroupBuilder MapMachtigingenApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/inburgeraars/{id:guid}/machtigingen").WithTags("Machtigingen").RequireAuthorization(Beleid.Dossierwerk);
        g.MapGet("/", async Task<Results<Ok<IReadOnlyList<MachtigingDto>>, ProblemHttpResult>> (Guid id, MachtigingService s, CancellationToken ct) =>
            await s.LijstAsync(id, ct) is { } l ? TypedResults.Ok(l) : Problemen.NietGevonden())
            .WithSummary("Machtigingen van de inburgeraar aan ketenpartners, ook ingetrokken en verlopen (historie)");
        g.MapPost("/", async Task<Results<Created<MachtigingDto>, ValidationProblem, ProblemHttpResult>> (Guid id, MachtigingInvoer invoer, MachtigingService s, CancellationToken ct) =>
        {
            var u = await s.RegistreerAsync(id, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Created($"/api/v1/inburgeraars/{id}/machtigingen", (await s.LijstAsync(id, ct))!.Single(m => m.Id == u.Waarde));
        }).WithSummary("Getekende machtiging vastleggen: partner, categorieën, periode en vorm; gezondheid naar een taalaanbieder alleen uitdrukkelijk");
        g.MapPost("/{mid:guid}/intrekken", async Task<Results<Ok<MachtigingDto>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid mid, IntrekkingInvoer invoer, MachtigingService s, CancellationToken ct) =>
        {
            var u = await s.IntrekkenAsync(id, mid, invoer.Reden, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Ok((await s.LijstAsync(id, ct))!.Single(m => m.Id == mid));
        }).WithSummary("Machtiging intrekken; de partner verliest direct de toegang");
        return api;
    }
}

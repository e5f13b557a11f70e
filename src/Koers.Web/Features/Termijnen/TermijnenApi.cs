using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure;
using Koers.Web.Infrastructure.Planning;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Termijnen;

public sealed record HerberekeningStand(string Taak, bool Bezig, string? Eigenaar, string? LaatstePeriode, DateTime? LaatstVoltooidOp,
    string? LaatstVoltooidDoor, int Uitvoeringen);

/// <summary>Beheer: the state of the deadline recomputation and a run on request (refused with 409 while one runs).</summary>
public static class TermijnenApi
{
    public static RouteGroupBuilder MapTermijnenApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/beheer/termijnen").RequireAuthorization(Beleid.Beheer).WithTags("Beheer");
        g.MapGet("/herberekening", async (Taaksloten sloten, Klok klok, CancellationToken ct) =>
            {
                var stand = await sloten.StandAsync(TermijnTaak.Naam, ct);
                return TypedResults.Ok(new HerberekeningStand(TermijnTaak.Naam,
                    stand?.VerlooptOp is { } tot && tot > klok.NuUtc, stand?.Eigenaar, stand?.LaatstePeriode,
                    stand?.LaatstVoltooidOp, stand?.LaatstVoltooidDoor, stand?.Uitvoeringen ?? 0));
            })
            .WithSummary("Stand van de herberekening van alle termijnen (laatste run, welke instantie, bezig of niet)");

        g.MapPost("/herberekening", async Task<Results<Ok<HerberekeningResultaat>, ProblemHttpResult>> (TermijnTaak taak, HuidigeGebruiker gebruiker, CancellationToken ct) =>
            {
                var uitkomst = await taak.HandmatigAsync(gebruiker.Naam, ct);
                return uitkomst is null
                    ? TypedResults.Problem(statusCode: 409, title: "De herberekening loopt al",
                        detail: "Een andere Koers-instantie herberekent de termijnen op dit moment. Probeer het later opnieuw.")
                    : TypedResults.Ok(uitkomst);
            })
            .WithSummary("Herberekent de termijnen en fase van alle open dossiers met de wettelijke klok");
        return api;
    }
}

using Koers.Domain.Besluiten;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Mandaten;

public sealed record MandaatDto(Besluitsoort Soort, string Omschrijving, string? Naam, string? Functie, DateTime? GewijzigdOp, string? GewijzigdDoor);
public sealed record MandaatregisterDto(string Gemeente, string Naam, IReadOnlyList<MandaatDto> Regels, IReadOnlyList<string> Meldingen);

/// <summary>API for the mandate register (functioneel beheer): who signs which decision letters on behalf of the college.</summary>
public static class MandaatApi
{
    public static IEndpointRouteBuilder MapMandaatApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/beheer/mandaten").WithTags("Mandaatregister").RequireAuthorization(Beveiliging.Beleid.Beheer);
        g.MapGet("/{gemeente}", async Task<Results<Ok<MandaatregisterDto>, ProblemHttpResult>> (string gemeente, MandaatService service, CancellationToken ct) =>
                await service.RegisterAsync(gemeente, ct) is { } r ? TypedResults.Ok(Dto(r.Gemeente, r.Regels)) : Onbekend(gemeente))
            .WithSummary("Mandaatregister van een gemeente: per soort besluit naam en functie van de ondertekenaar (Awb 10:10)");
        g.MapPut("/{gemeente}", async Task<Results<Ok<MandaatregisterDto>, ValidationProblem, ProblemHttpResult>> (string gemeente, MandaatInvoer invoer, MandaatService service, CancellationToken ct) =>
        {
            var u = await service.OpslaanAsync(gemeente, invoer, ct);
            if (u.NietGevonden) return Onbekend(gemeente);
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            var r = (await service.RegisterAsync(gemeente, ct))!.Value;
            return TypedResults.Ok(Dto(r.Gemeente, r.Regels));
        }).WithSummary("Mandaten opslaan; naam en functie leeg verwijdert het mandaat voor die soort besluit");
        return api;
    }

    /// <summary>The message the beheerder sees for each decision kind without a mandated signatory.</summary>
    public static IReadOnlyList<string> Meldingen(IReadOnlyList<MandaatRegel> regels) => regels.Where(r => r.Ontbreekt)
        .Select(r => $"{r.Omschrijving}: er is nog geen gemandateerde ondertekenaar. Deze brieven worden ondertekend door 'het college van burgemeester en wethouders', zonder naam en functie. Vul naam en functie in.")
        .ToList();

    private static MandaatregisterDto Dto(Data.Model.Gemeente g, IReadOnlyList<MandaatRegel> regels) =>
        new(g.Code, g.Naam, regels.Select(r => new MandaatDto(r.Soort, r.Omschrijving, r.Naam, r.Functie, r.GewijzigdOp, r.GewijzigdDoor)).ToList(), Meldingen(regels));

    private static ProblemHttpResult Onbekend(string code) =>
        TypedResults.Problem(statusCode: 404, title: "Gemeente niet gevonden", detail: $"Er is geen gemeente met code '{code}', of u mag haar niet beheren.");
}

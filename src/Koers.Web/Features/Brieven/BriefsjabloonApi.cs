using Koers.Domain.Besluiten;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Brieven;

public sealed record SjabloonVersieDto(int Versie, string Tekst, string? Toelichting, DateTime? OpgeslagenOp, string? OpgeslagenDoor);
public sealed record VastdeelDto(string Naam, string Omschrijving, bool Verplicht, string? Grondslag);
public sealed record BriefsjabloonDto(
    string Gemeente, Briefsoort Soort, string Omschrijving, int HuidigeVersie, IReadOnlyList<SjabloonVersieDto> Versies,
    IReadOnlyList<VastdeelDto> VasteDelen, IReadOnlyList<string> Velden);

/// <summary>API for letter templates per municipality (functioneel beheer): read every version, save a new one, preview.</summary>
public static class BriefsjabloonApi
{
    public static IEndpointRouteBuilder MapBriefsjabloonApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/beheer/brieven").WithTags("Briefsjablonen").RequireAuthorization(Beveiliging.Beleid.Beheer);
        g.MapGet("/{gemeente}/{soort}", async Task<Results<Ok<BriefsjabloonDto>, ProblemHttpResult>> (string gemeente, string soort, BriefsjabloonService service, CancellationToken ct) =>
                await service.GemeenteAsync(gemeente, ct) is { } gm && Soort(soort) is { } s ? TypedResults.Ok(await DtoAsync(service, gm, s, ct)) : Onbekend(gemeente, soort))
            .WithSummary("Brieftekst van een gemeente: alle versies (0 = standaardtekst van Koers), de vaste delen en de velden");
        g.MapPut("/{gemeente}/{soort}", async Task<Results<Ok<BriefsjabloonDto>, ValidationProblem, ProblemHttpResult>> (string gemeente, string soort, SjabloonInvoer invoer, BriefsjabloonService service, CancellationToken ct) =>
        {
            if (await service.GemeenteAsync(gemeente, ct) is not { } gm || Soort(soort) is not { } s) return Onbekend(gemeente, soort);
            var u = await service.OpslaanAsync(gm, s, invoer, ct);
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Ok(await DtoAsync(service, gm, s, ct));
        }).WithSummary("Nieuwe versie van de brieftekst opslaan; een tekst zonder de verplichte vaste delen wordt geweigerd");
        g.MapPost("/{gemeente}/{soort}/voorbeeld", async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> (string gemeente, string soort, SjabloonInvoer invoer, BriefsjabloonService service, CancellationToken ct) =>
        {
            if (await service.GemeenteAsync(gemeente, ct) is not { } gm || Soort(soort) is not { } s) return Onbekend(gemeente, soort);
            var u = await service.VoorbeeldAsync(gm, s, invoer, ct);
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.File(u.Waarde!, "application/pdf", $"voorbeeld-{s}.pdf");
        }).WithSummary("Voorbeeld (PDF) van de brief met deze tekst, voor een verzonnen inburgeraar; er wordt niets opgeslagen");
        return api;
    }

    private static async Task<BriefsjabloonDto> DtoAsync(BriefsjabloonService service, Data.Model.Gemeente gm, Briefsoort soort, CancellationToken ct)
    {
        var versies = await service.VersiesAsync(gm, soort, ct);
        return new BriefsjabloonDto(gm.Code, soort, soort.Omschrijving(), versies[0].Versie,
            versies.Select(v => new SjabloonVersieDto(v.Versie, v.Tekst, v.Toelichting, v.OpgeslagenOp, v.OpgeslagenDoor)).ToList(),
            Briefsjabloon.Vastdelen(soort).Select(d => new VastdeelDto(d.Naam, d.Omschrijving, d.Verplicht, d.Grondslag?.ToString())).ToList(),
            Briefsjabloon.Velden(soort).Select(v => v.Naam).ToList());
    }

    /// <summary>The kind from the path as the JSON names it (pipVaststelling) or as the screen does (PipVaststelling).</summary>
    private static Briefsoort? Soort(string soort) =>
        Enum.TryParse<Briefsoort>(soort, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(soort, out _) ? s : null;

    private static ProblemHttpResult Onbekend(string code, string soort) =>
        TypedResults.Problem(statusCode: 404, title: "Niet gevonden",
            detail: $"Er is geen gemeente met code '{code}' die u mag beheren, of geen brief '{soort}'. Brieven: {string.Join(", ", Enum.GetNames<Briefsoort>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.");
}

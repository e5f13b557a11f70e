using Koers.Domain.Pip;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Pip;

public sealed record VoorlopigPlanDto(Guid InburgeraarId, string Soort, bool IsBeschikking, bool StartTermijn, bool NaarDuo, bool GemeenteGebruiktHet,
    bool Mogelijk, string Reden, bool OvernemenMogelijk, string OvernemenReden, DateOnly? OpgesteldOp, DateTime? OvergenomenOp, PipInhoud? Inhoud,
    BronDto Bron, BronDto Praktijk);
public sealed record VoorlopigPlanInstellingDto(string Gemeente, string Naam, bool VoorlopigPlan, bool Standaard, BronDto Praktijk);
public sealed class VoorlopigPlanInstellingInvoer
{
    public bool? VoorlopigPlan { get; set; }
}

/// <summary>API for the voorlopig plan (pre-PIP): the case's plan, taking it over as the draft PIP, and the municipality's setting.</summary>
public static class VoorlopigPlanApi
{
    public static RouteGroupBuilder MapVoorlopigPlanApi(this RouteGroupBuilder api)
    {
        var d = api.MapGroup("/inburgeraars/{id:guid}/pip/voorlopig").WithTags("PIP").RequireAuthorization(Beveiliging.Beleid.Dossierwerk);
        d.MapGet("/", async Task<Results<Ok<VoorlopigPlanDto>, ProblemHttpResult>> (Guid id, VoorlopigPlanService plannen, CancellationToken ct) =>
            await plannen.HaalAsync(id, "API: voorlopig plan opgevraagd", ct) is { } s ? TypedResults.Ok(Dto(s)) : Problemen.NietGevonden())
            .WithSummary("Voorlopig plan (pre-PIP) van een inburgeraar in het AZC: geen beschikking, geen termijn, niet naar DUO");
        d.MapPut("/", async Task<Results<Ok<VoorlopigPlanDto>, ValidationProblem, ProblemHttpResult>> (Guid id, PipInvoer invoer, VoorlopigPlanService plannen, CancellationToken ct) =>
        {
            var u = await plannen.OpslaanAsync(id, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Ok(Dto((await plannen.HaalAsync(id, "API: voorlopig plan na wijziging", ct))!));
        }).WithSummary("Voorlopig plan opslaan (alleen vóór inschrijving in de BRP en als de gemeente het gebruikt)");
        d.MapPost("/overnemen", async Task<Results<Ok<VoorlopigPlanDto>, ValidationProblem, ProblemHttpResult>> (Guid id, VoorlopigPlanService plannen, CancellationToken ct) =>
        {
            var u = await plannen.OvernemenAsync(id, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Ok(Dto((await plannen.HaalAsync(id, "API: voorlopig plan na overnemen", ct))!));
        }).WithSummary("Na inschrijving in de BRP: het voorlopig plan wordt het concept-PIP, het startpunt van de beschikking");

        var b = api.MapGroup("/pip/instellingen").WithTags("PIP").RequireAuthorization(Beveiliging.Beleid.Beheer);
        b.MapGet("/{gemeente}", async Task<Results<Ok<VoorlopigPlanInstellingDto>, ProblemHttpResult>> (string gemeente, VoorlopigPlanService plannen, CancellationToken ct) =>
            await plannen.GemeenteAsync(gemeente, ct) is { } g ? TypedResults.Ok(Dto(g)) : Onbekend(gemeente))
            .WithSummary("Of de gemeente een voorlopig plan (pre-PIP) maakt voor wie nog in het AZC woont");
        b.MapPut("/{gemeente}", async Task<Results<Ok<VoorlopigPlanInstellingDto>, ValidationProblem, ProblemHttpResult>> (string gemeente, VoorlopigPlanInstellingInvoer invoer, VoorlopigPlanService plannen, CancellationToken ct) =>
        {
            var u = await plannen.InstellingOpslaanAsync(gemeente, invoer.VoorlopigPlan, ct);
            if (u.NietGevonden) return Onbekend(gemeente);
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Ok(Dto((await plannen.GemeenteAsync(gemeente, ct))!));
        }).WithSummary("Voorlopig plan aan- of uitzetten voor een gemeente");
        return api;
    }

    private static ProblemHttpResult Onbekend(string code) =>
        TypedResults.Problem(statusCode: 404, title: "Gemeente niet gevonden", detail: $"Er is geen gemeente met code '{code}' ingericht in Koers.");

    private static VoorlopigPlanInstellingDto Dto(Data.Model.Gemeente g) =>
        new(g.Code, g.Naam, VoorlopigPlanService.GebruiktHet(g), g.VoorlopigPlan is null, BronDto.Van(BronVoorlopigPlan.Praktijk));

    private static VoorlopigPlanDto Dto(VoorlopigPlanStand s) =>
        new(s.Dossier.Id, "voorlopig", false, false, false, s.GemeenteGebruiktHet, s.Toets.Mogelijk, s.Toets.Reden, s.Overnemen.Mogelijk && s.Plan is not null,
            s.Plan is null ? "Er is geen voorlopig plan." : s.Overnemen.Reden, s.Plan?.OpgesteldOp, s.Plan?.OvergenomenOp, s.Inhoud,
            BronDto.Van(s.Toets.Bron), BronDto.Van(s.Toets.Praktijk));
}

using Koers.Data.Model.Keten;
using Koers.Domain.Handhaving;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Handhaving;

public sealed record LadderstapDto(int Volgorde, Handhavingssoort Soort, string Omschrijving, string Naam, string Brieftekst, int ReactietermijnDagen, decimal? Bedrag);
public sealed record LadderDto(string Gemeente, string Naam, bool Standaard, IReadOnlyList<LadderstapDto> Stappen, IReadOnlyList<string> Plaatshouders, IReadOnlyList<BronDto> Bronnen);
public sealed record VoorstelDto(int Volgorde, Handhavingssoort Soort, string Naam, string Reden, bool ReactietermijnLoopt, bool BevestigingNodig, decimal? Bedrag);
public sealed record StapDto(Guid Id, int Volgorde, Handhavingssoort Soort, string Stapnaam, bool Overgeslagen, DateOnly Datum, string Reden, DateOnly? ReactieUiterlijk,
    decimal? Bedrag, string? BevestigdDoor, string? Uitkomst, DateOnly? UitkomstOp, string? Kenmerk, string? Sha256, string? Brief, string Door,
    DateOnly? Verzenddatum, DateOnly? BezwaarUiterlijk, string? Omstandigheden);
public sealed record TekortkomingDto(Guid Id, PipVerplichting Verplichting, string VerplichtingOmschrijving, DateOnly Datum, string Omschrijving, string VastgelegdDoor,
    DateOnly? AfgeslotenOp, string? RedenAfsluiting, VoorstelDto? Voorstel, IReadOnlyList<StapDto> Stappen);
public sealed record HandhavingDto(Guid InburgeraarId, IReadOnlyList<PipVerplichting> Verplichtingen, bool StandaardLadder, IReadOnlyList<LadderstapDto> Ladder,
    IReadOnlyList<TekortkomingDto> Tekortkomingen);

/// <summary>API for handhaving: the ladder per municipality (beheer) and the tekortkomingen, proposals, decisions and letters of a case.</summary>
public static class HandhavingApi
{
    public static IEndpointRouteBuilder MapHandhavingApi(this IEndpointRouteBuilder api)
    {
        var beheer = api.MapGroup("/handhaving").WithTags("Handhaving").RequireAuthorization(Beveiliging.Beleid.Beheer);
        beheer.MapGet("/ladder/{gemeente}", async Task<Results<Ok<LadderDto>, ProblemHttpResult>> (string gemeente, HandhavingService service, CancellationToken ct) =>
                await service.LadderAsync(gemeente, ct) is { } l ? TypedResults.Ok(Dto(l.Gemeente, l.Ladder, l.Standaard)) : GemeenteOnbekend(gemeente))
            .WithSummary("Handhavingsladder van een gemeente (de standaardladder als er geen is ingesteld)");
        beheer.MapPut("/ladder/{gemeente}", async Task<Results<Ok<LadderDto>, ValidationProblem, ProblemHttpResult>> (string gemeente, LadderInvoer invoer, HandhavingService service, CancellationToken ct) =>
        {
            var u = await service.LadderOpslaanAsync(gemeente, invoer, ct);
            if (u.NietGevonden) return GemeenteOnbekend(gemeente);
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            var l = (await service.LadderAsync(gemeente, ct))!.Value;
            return TypedResults.Ok(Dto(l.Gemeente, l.Ladder, l.Standaard));
        }).WithSummary("Ladder instellen: stappen in volgorde met soort, brieftekst, reactietermijn en (boete) bedrag");

        var g = api.MapGroup("/inburgeraars/{id:guid}/handhaving").WithTags("Handhaving").RequireAuthorization(Beveiliging.Beleid.Dossierwerk);
        g.MapGet("", async Task<Results<Ok<HandhavingDto>, ProblemHttpResult>> (Guid id, HandhavingService service, CancellationToken ct) =>
            await service.HaalAsync(id, "API: handhaving opgevraagd", ct) is { } s ? TypedResults.Ok(Dto(s)) : Problemen.NietGevonden())
            .WithSummary("Tekortkomingen met genomen stappen en het voorstel voor de volgende stap");
        g.MapPost("/tekortkomingen", async Task<Results<Created<HandhavingDto>, ValidationProblem, ProblemHttpResult>> (Guid id, TekortkomingInvoer invoer, HandhavingService service, CancellationToken ct) =>
        {
            var u = await service.TekortkomingAsync(id, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Created($"/api/v1/inburgeraars/{id}/handhaving", Dto((await service.HaalAsync(id, "API: handhaving na vastleggen", ct))!));
        }).WithSummary("Tekortkoming vastleggen: welke PIP-verplichting niet is nagekomen. Er gebeurt verder niets tot iemand besluit.");
        g.MapPost("/tekortkomingen/{tekortkomingId:guid}/besluiten", async Task<Results<Created<StapDto>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid tekortkomingId,
            StapBesluitInvoer invoer, HandhavingService service, CancellationToken ct) =>
        {
            var u = await service.BesluitAsync(id, tekortkomingId, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            var stap = (await service.HaalAsync(id, "API: handhaving na besluit", ct))!.Tekortkomingen.SelectMany(t => t.Tekortkoming.Besluiten).Single(b => b.Id == u.Waarde);
            return TypedResults.Created($"/api/v1/inburgeraars/{id}/handhaving", Dto(id, stap));
        }).WithSummary("Besluit over de voorgestelde stap: nemen (maakt de brief) of overslaan, met reden; boete/maatregel vraagt bevestigd=true");
        g.MapPut("/besluiten/{besluitId:guid}/uitkomst", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (Guid id, Guid besluitId, UitkomstInvoer invoer,
            HandhavingService service, CancellationToken ct) =>
        {
            var u = await service.UitkomstAsync(id, besluitId, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.NoContent() : Problemen.Validatie(u.Fouten);
        }).WithSummary("Uitkomst van een stap vastleggen (reactie van de inburgeraar)");
        g.MapPost("/tekortkomingen/{tekortkomingId:guid}/afsluiten", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (Guid id, Guid tekortkomingId,
            AfsluitenInvoer invoer, HandhavingService service, CancellationToken ct) =>
        {
            var u = await service.AfsluitenAsync(id, tekortkomingId, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.NoContent() : Problemen.Validatie(u.Fouten);
        }).WithSummary("Tekortkoming afsluiten met reden (geen verdere stappen)");
        g.MapGet("/brieven/{besluitId:guid}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, Guid besluitId, HandhavingService service, CancellationToken ct) =>
            await service.BriefAsync(id, besluitId, ct) is { } b ? TypedResults.File(b.Pdf!, "application/pdf", $"{b.Kenmerk}.pdf") : Problemen.NietGevonden())
            .WithSummary("De brief van een genomen stap als PDF");
        g.MapPost("/brieven/{besluitId:guid}/verzending", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (Guid id, Guid besluitId,
            Pip.VerzendingInvoer invoer, HandhavingService service, CancellationToken ct) =>
        {
            var u = await service.VerzondenAsync(id, besluitId, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.NoContent() : Problemen.Validatie(u.Fouten);
        }).WithSummary("Verzenddatum van een brief vastleggen: bij een boete of maatregel loopt de bezwaartermijn vanaf de dag erna (Awb 6:8)");
        api.MapGet("/handhaving/verstreken", async (string? gemeente, int? klantregisseurId, int? teamId, HandhavingService service, CancellationToken ct) =>
                TypedResults.Ok(await service.VerstrekenAsync(new Werkvoorraad.Dossierselectie(gemeente, klantregisseurId, teamId), ct)))
            .WithTags("Handhaving").RequireAuthorization(Beveiliging.Beleid.Dossierwerk)
            .WithSummary("Genomen stappen waarvan de reactietermijn is verstreken zonder vastgelegde uitkomst");
        return api;
    }

    private static ProblemHttpResult GemeenteOnbekend(string code) =>
        TypedResults.Problem(statusCode: 404, title: "Gemeente niet gevonden", detail: $"Er is geen gemeente met code '{code}', of u mag haar niet beheren.");

    private static LadderstapDto Dto(Ladderstap s) => new(s.Volgorde, s.Soort, s.Soort.Omschrijving(), s.Naam, s.Brieftekst, s.ReactietermijnDagen, s.Bedrag);

    private static LadderDto Dto(Data.Model.Gemeente g, IReadOnlyList<Ladderstap> ladder, bool standaard) =>
        new(g.Code, g.Naam, standaard, ladder.Select(Dto).ToList(), Handhavingsladder.Plaatshouders,
            [BronDto.Van(BronHandhaving.Ladder), BronDto.Van(BronHandhaving.MaatregelOfBoete), BronDto.Van(BronHandhaving.Omstandigheden)]);

    internal static StapDto Dto(Guid id, Handhavingsbesluit b) => new(b.Id, b.Volgorde, b.Soort, b.Stapnaam, b.Overgeslagen, b.Datum, b.Reden, b.ReactieUiterlijk, b.Bedrag,
        b.BevestigdDoor, b.Uitkomst, b.UitkomstOp, b.Kenmerk, b.Sha256, b.Pdf is null ? null : $"/api/v1/inburgeraars/{id}/handhaving/brieven/{b.Id}", b.Door,
        b.Verzenddatum, Handhavingsladder.IsSanctie(b.Soort) && b.Verzenddatum is { } v ? Domain.Clock.LegalClock.BezwaarEinde(v) : null, b.Omstandigheden);

    private static HandhavingDto Dto(HandhavingStand s) => new(s.Dossier.Id, s.Verplichtingen, s.StandaardLadder, s.Ladder.Select(Dto).ToList(),
        s.Tekortkomingen.Select(t => new TekortkomingDto(t.Tekortkoming.Id, t.Tekortkoming.Verplichting, t.Tekortkoming.Verplichting.Omschrijving(), t.Tekortkoming.Datum,
            t.Tekortkoming.Omschrijving, t.Tekortkoming.VastgelegdDoor, t.Tekortkoming.AfgeslotenOp, t.Tekortkoming.RedenAfsluiting,
            t.Voorstel is { } v ? new VoorstelDto(v.Stap.Volgorde, v.Stap.Soort, v.Stap.Naam, v.Reden, v.ReactietermijnLoopt, Handhavingsladder.IsSanctie(v.Stap.Soort), v.Stap.Bedrag) : null,
            t.Tekortkoming.Besluiten.OrderBy(b => b.Volgorde).Select(b => Dto(s.Dossier.Id, b)).ToList())).ToList());
}


using Koers.Data.Model;
using Koers.Domain.Dossier;
using Koers.Domain.Pip;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Pip;

public sealed record OvertredingDto(string Veld, string Melding, BronDto? Bron);
public sealed record ControleDto(bool MagVastgesteld, IReadOnlyList<OvertredingDto> Fouten, IReadOnlyList<OvertredingDto> Waarschuwingen)
{
    public static ControleDto Van(PipControle c) => new(c.MagVastgesteld,
        c.Fouten.Select(o => new OvertredingDto(o.Veld, o.Melding, o.Bron is null ? null : BronDto.Van(o.Bron))).ToList(),
        c.Waarschuwingen.Select(o => new OvertredingDto(o.Veld, o.Melding, o.Bron is null ? null : BronDto.Van(o.Bron))).ToList());
}

public sealed record PipVersieDto(Guid Id, int Versie, PipStatus Status, Leerroute? Leerroute, DateOnly? Dagtekening, bool TeLaat, string? RedenTeLaat, string? RedenBijstelling, PipInhoud Inhoud);
public sealed record BeschikkingDto(Guid Id, Guid PipVersieId, BeschikkingSoort Soort, DateOnly Datum, string Kenmerk, string Sha256, int Bytes, string Url,
    DateOnly? Verzenddatum, DateOnly? BezwaarUiterlijk);
public sealed record PipStandDto(DateOnly? UiterlijkeDatum, bool IntakeAfgerond, PipVersieDto? Huidige, PipVersieDto? Concept, ControleDto? Controle, IReadOnlyList<PipVersieDto> Versies, IReadOnlyList<BeschikkingDto> Beschikkingen);

/// <summary>API for the PIP: drafts, validation, vaststelling, bijstelling and the beschikkingen.</summary>
public static class PipApi
{
    public static RouteGroupBuilder MapPipApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/inburgeraars/{id:guid}").WithTags("PIP");
        g.MapGet("/pip", async Task<Results<Ok<PipStandDto>, ProblemHttpResult>> (Guid id, PipService pips, DossierService dossiers, CancellationToken ct) =>
        {
            if (await dossiers.InzienAsync(id, "API: PIP opgevraagd", ct) is null) return Problemen.NietGevonden();
            return TypedResults.Ok(Dto(id, (await pips.HaalAsync(id, ct))!));
        }).WithSummary("PIP-versies, concept met controle, beschikkingen");
        g.MapPut("/pip/concept", async Task<Results<Ok<ControleDto>, ValidationProblem, ProblemHttpResult>> (Guid id, PipInvoer invoer, PipService pips, CancellationToken ct) =>
        {
            var u = await pips.ConceptOpslaanAsync(id, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Ok(ControleDto.Van(u.Waarde!));
        }).WithSummary("Concept-PIP opslaan; antwoordt met de controle tegen de regels");
        g.MapPost("/pip/bijstelling", async Task<Results<Created, ValidationProblem, ProblemHttpResult>> (Guid id, PipService pips, CancellationToken ct) =>
        {
            var u = await pips.BijstellingStartenAsync(id, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Created($"/api/v1/inburgeraars/{id}/pip");
        }).WithSummary("Bijstelling starten: nieuw concept als kopie van het huidige PIP");
        g.MapPost("/pip/vaststellen", async Task<Results<Created<BeschikkingDto>, ValidationProblem, ProblemHttpResult>> (Guid id, VaststellingInvoer invoer, PipService pips, CancellationToken ct) =>
        {
            var u = await pips.VaststellenAsync(id, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            var b = (await pips.HaalAsync(id, ct))!.Beschikkingen.Single(x => x.Id == u.Waarde);
            var dto = Dto(id, b);
            return TypedResults.Created(dto.Url, dto);
        }).WithSummary("Concept vaststellen als beschikking (maakt de PDF)");
        g.MapPost("/pip/intrekking", async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> (Guid id, IntrekkingInvoer invoer, PipService pips, CancellationToken ct) =>
        {
            var u = await pips.IntrekkenAsync(id, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Ok() : Problemen.Validatie(u.Fouten);
        }).WithSummary("Het geldende PIP intrekken, met reden; DUO verwijdert het ook (DELETE PIP)");
        g.MapGet("/beschikkingen", async Task<Results<Ok<IReadOnlyList<BeschikkingDto>>, ProblemHttpResult>> (Guid id, PipService pips, DossierService dossiers, CancellationToken ct) =>
        {
            if (await dossiers.InzienAsync(id, "API: beschikkingen opgevraagd", ct) is null) return Problemen.NietGevonden();
            IReadOnlyList<BeschikkingDto> lijst = (await pips.HaalAsync(id, ct))!.Beschikkingen.Select(b => Dto(id, b)).ToList();
            return TypedResults.Ok(lijst);
        }).WithTags("Beschikkingen");
        g.MapGet("/beschikkingen/{beschikkingId:guid}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, Guid beschikkingId, PipService pips, CancellationToken ct) =>
        {
            var b = await pips.BeschikkingAsync(id, beschikkingId, ct);
            return b is null ? Problemen.NietGevonden() : TypedResults.File(b.Pdf, "application/pdf", $"{b.Kenmerk}.pdf");
        }).WithTags("Beschikkingen").WithSummary("De beschikking als PDF");
        g.MapPost("/beschikkingen/{beschikkingId:guid}/verzending", async Task<Results<Ok<BeschikkingDto>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid beschikkingId,
            VerzendingInvoer invoer, PipService pips, CancellationToken ct) =>
        {
            var u = await pips.VerzondenAsync(id, beschikkingId, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Ok(Dto(id, (await pips.HaalAsync(id, ct))!.Beschikkingen.Single(x => x.Id == beschikkingId)));
        }).WithTags("Beschikkingen").WithSummary("Verzenddatum vastleggen: de bezwaartermijn loopt vanaf de dag erna (Awb 6:8)");
        return api;
    }

    private static BeschikkingDto Dto(Guid id, BeschikkingInfo b) =>
        new(b.Id, b.PipVersieId, b.Soort, b.Datum, b.Kenmerk, b.Sha256, b.Bytes, $"/api/v1/inburgeraars/{id}/beschikkingen/{b.Id}",
            b.Verzenddatum, b.Verzenddatum is { } v ? Koers.Domain.Clock.LegalClock.BezwaarEinde(v) : null);

    private static PipVersieDto Dto(PipVersie v) =>
        new(v.Id, v.Versie, v.Status, v.Leerroute, v.Dagtekening, v.TeLaat, v.RedenTeLaat, v.RedenBijstelling, OpgeslagenInhoud.Pip(v.InhoudJson));

    private static PipStandDto Dto(Guid id, PipStand s) => new(
        s.UiterlijkeDatum, s.IntakeAfgerond,
        s.Huidige is null ? null : Dto(s.Huidige),
        s.Concept is null ? null : Dto(s.Concept),
        s.Controle is null ? null : ControleDto.Van(s.Controle),
        s.Versies.Select(Dto).ToList(),
        s.Beschikkingen.Select(b => Dto(id, b)).ToList());
}

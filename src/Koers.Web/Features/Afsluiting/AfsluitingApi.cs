using Koers.Data.Model.Keten;
using Koers.Domain.Afsluiting;
using Koers.Domain.Dossier;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Afsluiting;

public sealed record ExamenresultaatDto(Guid Id, Examenonderdeel Onderdeel, DateOnly Datum, string? Niveau, bool Behaald, decimal? Score, Gegevensbron Bron, string VastgelegdDoor);
public sealed record EindgesprekDto(Guid Id, DateOnly Datum, string Verslag, bool Behaald, string Door);
public sealed record VerlengingDto(Guid Id, DateOnly AangevraagdOp, string Reden, DateOnly GevraagdTot, VerlengingStatus Status, DateOnly? BesluitOp, DateOnly? ToegekendTot);
public sealed record MapPvtDto(Guid Id, Koers.Domain.Duo.MapPvtOnderdeel Onderdeel, string Omschrijving, DateOnly Datum, bool? Verwijtbaar, string? Toelichting, string Door);
public sealed record AfsluitingDto(Afsluitingssoort Soort, string Omschrijving, DateOnly Datum, string Toelichting, Ontheffingsgrond? Ontheffingsgrond, string? NieuweGemeente, string Door);
public sealed record AfsluitingStandDto(Guid InburgeraarId, Leerroute? Leerroute, Fase Fase, IReadOnlyList<ExamenresultaatDto> Examenresultaten, IReadOnlyList<EindgesprekDto> Eindgesprekken,
    IReadOnlyList<VerlengingDto> Verlengingen, IReadOnlyList<MapPvtDto> MapPvt, AfsluitingDto? Afsluiting, IReadOnlyList<string> VereistVoorVoldaan, IReadOnlyList<string> OntbreektVoorVoldaan, BronDto? BronVoldaan);

/// <summary>API for the closure of a case: exam results, eindgesprek, verlenging, afsluiting and the transfer file.</summary>
public static class AfsluitingApi
{
    public static IEndpointRouteBuilder MapAfsluitingApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/inburgeraars/{id:guid}").WithTags("Afsluiting").RequireAuthorization(Beveiliging.Beleid.Dossierwerk);
        g.MapGet("/afsluiting", async Task<Results<Ok<AfsluitingStandDto>, ProblemHttpResult>> (Guid id, AfsluitingService service, CancellationToken ct) =>
            await service.HaalAsync(id, "API: afsluiting opgevraagd", ct) is { } s ? TypedResults.Ok(Dto(s)) : Problemen.NietGevonden())
            .WithSummary("Examenresultaten, eindgesprek, verlengingen, afsluiting en wat nog ontbreekt voor 'voldaan'");
        g.MapPost("/examenresultaten", async Task<Results<Created, ValidationProblem, ProblemHttpResult>> (Guid id, ExamenresultaatInvoer invoer, AfsluitingService service, CancellationToken ct) =>
            Antwoord(await service.ExamenresultaatAsync(id, invoer, ct), id)).WithSummary("Examenresultaat vastleggen (bron: gemeente)");
        g.MapPost("/eindgesprek", async Task<Results<Created, ValidationProblem, ProblemHttpResult>> (Guid id, EindgesprekInvoer invoer, AfsluitingService service, CancellationToken ct) =>
            Antwoord(await service.EindgesprekAsync(id, invoer, ct), id)).WithSummary("Z-route eindgesprek vastleggen (datum, verslag, uitkomst)");
        g.MapPost("/map-pvt", async Task<Results<Created, ValidationProblem, ProblemHttpResult>> (Guid id, MapPvtInvoer invoer, AfsluitingService service, CancellationToken ct) =>
            Antwoord(await service.MapPvtAsync(id, invoer, ct), id))
            .WithSummary("Eindgesprek MAP of ondertekening participatieverklaring (PVT) vastleggen; gaat ook naar DUO (PUT map/pvt)");
        g.MapPost("/verlengingen", async Task<Results<Created, ValidationProblem, ProblemHttpResult>> (Guid id, VerlengingInvoer invoer, AfsluitingService service, CancellationToken ct) =>
            Antwoord(await service.VerlengingAanvragenAsync(id, invoer, ct), id)).WithSummary("Verlenging van de inburgeringstermijn aangevraagd bij DUO");
        g.MapPut("/verlengingen/{aanvraagId:guid}/besluit", async Task<Results<Created, ValidationProblem, ProblemHttpResult>> (Guid id, Guid aanvraagId, VerlengingBesluitInvoer invoer,
            AfsluitingService service, CancellationToken ct) =>
            Antwoord(await service.VerlengingBesluitAsync(id, aanvraagId, invoer, ct), id)).WithSummary("Besluit van DUO op de verlenging; toegekend verschuift de termijn");
        g.MapPost("/afsluiting", async Task<Results<Created, ValidationProblem, ProblemHttpResult>> (Guid id, AfsluitingInvoer invoer, AfsluitingService service, CancellationToken ct) =>
            Antwoord(await service.AfsluitenAsync(id, invoer, ct), id)).WithSummary("Dossier afsluiten: voldaan, ontheffing, verhuisd of einde begeleiding (één keer)");
        g.MapGet("/overdrachtsdossier", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, Overdrachtsdossier overdracht, CancellationToken ct) =>
            await overdracht.MaakAsync(id, ct) is { } b ? TypedResults.File(b.Zip, "application/zip", b.Bestandsnaam) : Problemen.NietGevonden())
            .WithSummary("Overdrachtsdossier (ZIP: dossier.json, samenvatting.html, brieven als PDF); wordt gelogd als export");
        return api;
    }

    private static Results<Created, ValidationProblem, ProblemHttpResult> Antwoord(Uitkomst<Guid> u, Guid id)
    {
        if (u.NietGevonden) return Problemen.NietGevonden();
        if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
        return TypedResults.Created($"/api/v1/inburgeraars/{id}/afsluiting");
    }

    private static AfsluitingStandDto Dto(AfsluitingStand s) => new(s.Dossier.Id, s.Dossier.Leerroute, s.Dossier.Fase,
        s.Examenresultaten.Select(e => new ExamenresultaatDto(e.Id, e.Onderdeel, e.Datum, e.Niveau, e.Behaald, e.Score, e.Bron, e.VastgelegdDoor)).ToList(),
        s.Eindgesprekken.Select(e => new EindgesprekDto(e.Id, e.Datum, e.Verslag, e.Behaald, e.Door)).ToList(),
        s.Verlengingen.Select(v => new VerlengingDto(v.Id, v.AangevraagdOp, v.Reden, v.GevraagdTot, v.Status, v.BesluitOp, v.ToegekendTot)).ToList(),
        s.MapPvt.Select(m => new MapPvtDto(m.Id, m.Onderdeel, Koers.Domain.Duo.DuoMapPvtControle.Naam(m.Onderdeel), m.Datum, m.Verwijtbaar, m.Toelichting, m.Door)).ToList(),
        s.Afsluiting is { } a ? new AfsluitingDto(a.Soort, a.Soort.Omschrijving(), a.Datum, a.Toelichting, a.Ontheffingsgrond, a.NieuweGemeente, a.Door) : null,
        s.VereistVoorVoldaan, s.OntbreektVoorVoldaan, s.BronVoldaan is { } b ? BronDto.Van(b) : null);
}

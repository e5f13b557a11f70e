using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Logistiek;

public sealed record ReisprofielDto(string? Woonkern, string? Leslocatie, int? ReistijdOvMinuten, int? ReistijdFietsMinuten, IReadOnlyList<string> Onmogelijk,
    IReadOnlyList<Beschikbaarheidsreden> Redenen, string? Toelichting, bool OverdagNiet, DateTime GewijzigdOp, string GewijzigdDoor);
public sealed record VervoersvoorzieningDto(Guid Id, Vervoerssoort Soort, string? Omschrijving, DateOnly Van, DateOnly? Tot, bool Loopt, bool EindigtBinnenkort, string VastgelegdDoor);
public sealed record TussenpozeDto(DateOnly EindeVorige, DateOnly? StartVolgende, int Dagen, bool Actueel, bool TeLang);
public sealed record TrajectDto(Guid Verwijzing, string Omschrijving, DateOnly Start, DateOnly? Einde);
public sealed record LogistiekDto(Guid InburgeraarId, ReisprofielDto? Profiel, int? Reistijd, int MaxReistijdMinuten, bool ReistijdTeLang, IReadOnlyList<VervoersvoorzieningDto> Vervoer,
    IReadOnlyList<TrajectDto> Trajecten, IReadOnlyList<TussenpozeDto> Tussenpozen, int MaxTussenpozeDagen);
public sealed record LogistiektaakDto(Guid InburgeraarId, string Naam, string Gemeente, string? Klantregisseur, string Soort, DateOnly Datum, string Details);
public sealed record LogistiekIdDto(Guid Id);
public sealed record LogistiekInrichtingDto(string Gemeente, string Naam, int MaxReistijdMinuten, int VervoerEindeDagen, int MaxTussenpozeDagen, IReadOnlyList<string> Kernen, bool Standaard);

/// <summary>
/// API for logistics: a case's travel, transport support, availability and trajecten (case workers of the municipality
/// only), the worklist signals, the municipality's settings (functioneel beheer) and the aggregated demand for evening
/// and weekend classes (policy officer and team lead, small numbers hidden).
/// </summary>
public static class LogistiekApi
{
    public static RouteGroupBuilder MapLogistiekApi(this RouteGroupBuilder api)
    {
        var d = api.MapGroup("/inburgeraars/{id:guid}/logistiek").WithTags("Logistiek").RequireAuthorization(Beleid.Dossierwerk);
        d.MapGet("", async Task<Results<Ok<LogistiekDto>, ProblemHttpResult>> (Guid id, LogistiekService service, CancellationToken ct) =>
                await service.HaalAsync(id, "API: reizen en beschikbaarheid opgevraagd", ct) is { } s ? TypedResults.Ok(Dto(s)) : Problemen.NietGevonden())
            .WithSummary("Woonkern, leslocatie met reistijd (OV, fiets), onmogelijke dagdelen, vervoersvoorzieningen en de tussenpozen tussen trajecten; wordt gelogd");
        d.MapPut("/reizen", async Task<Results<Ok<LogistiekIdDto>, ValidationProblem, ProblemHttpResult>> (Guid id, ReisprofielInvoer invoer, LogistiekService service, CancellationToken ct) =>
            {
                var u = await service.ProfielAsync(id, invoer, ct);
                if (u.NietGevonden) return Problemen.NietGevonden();
                return u.Gelukt ? TypedResults.Ok(new LogistiekIdDto(u.Waarde)) : Problemen.Validatie(u.Fouten);
            })
            .WithSummary("Reizen en beschikbaarheid vastleggen: woonkern, leslocatie, reistijd in minuten (OV, fiets), onmogelijke dagdelen ('ma-ochtend' … 'zo-avond') met redenen");
        d.MapPost("/vervoer", async Task<Results<Created<LogistiekIdDto>, ValidationProblem, ProblemHttpResult>> (Guid id, VervoerInvoer invoer, LogistiekService service, CancellationToken ct) =>
            {
                var u = await service.VervoerAsync(id, null, invoer, ct);
                if (u.NietGevonden) return Problemen.NietGevonden();
                return u.Gelukt ? TypedResults.Created($"/api/v1/inburgeraars/{id}/logistiek", new LogistiekIdDto(u.Waarde)) : Problemen.Validatie(u.Fouten);
            })
            .WithSummary("Een vervoersvoorziening vastleggen (busabonnement, OV-vergoeding, fiets, taxi, busje, anders) van een datum tot een datum (leeg: tot nader order)");
        d.MapPut("/vervoer/{voorziening:guid}", async Task<Results<Ok<LogistiekIdDto>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid voorziening, VervoerInvoer invoer, LogistiekService service, CancellationToken ct) =>
            {
                var u = await service.VervoerAsync(id, voorziening, invoer, ct);
                if (u.NietGevonden) return Problemen.NietGevonden();
                return u.Gelukt ? TypedResults.Ok(new LogistiekIdDto(u.Waarde)) : Problemen.Validatie(u.Fouten);
            })
            .WithSummary("Een vervoersvoorziening wijzigen, bijvoorbeeld verlengen met een latere einddatum");

        api.MapGet("/logistiek/signalen", async (string? gemeente, int? klantregisseurId, int? teamId, LogistiekService service, CancellationToken ct) =>
                TypedResults.Ok((await service.SignalenAsync(new Werkvoorraad.Dossierselectie(gemeente, klantregisseurId, teamId), ct))
                    .Select(t => new LogistiektaakDto(t.InburgeraarId, t.Naam, t.Gemeente, t.Klantregisseur, t.Soort, t.Datum, t.Details)).ToList()))
            .WithTags("Logistiek").RequireAuthorization(Beleid.Dossierwerk)
            .WithSummary("Dossiers binnen bereik met een vervoersvoorziening die binnenkort eindigt, een te lange reistijd zonder vervoer of een te lange tussenpoos tussen trajecten (werkvoorraad)");

        api.MapGet("/logistiek/vraag", async Task<Results<Ok<LogistiekVraagDto>, ProblemHttpResult>> (LogistiekService service, CancellationToken ct) =>
                await service.VraagAsync(ct) is { } v ? TypedResults.Ok(v) : Problemen.NietGevonden())
            .WithTags("Logistiek").RequireAuthorization(p => p.RequireRole(LogistiekService.Vraaglezers))
            .WithSummary("Per leslocatie hoeveel mensen overdag niet kunnen en of avond of weekend kan, en per kern de reistijd boven het maximum; geen personen, kleine aantallen verborgen")
            .WithDescription(LogistiekService.HoeBerekend);

        var b = api.MapGroup("/beheer/logistiek").WithTags("Logistiek: inrichting").RequireAuthorization(Beleid.Beheer);
        b.MapGet("/{gemeente}", async Task<Results<Ok<LogistiekInrichtingDto>, ProblemHttpResult>> (string gemeente, LogistiekService service, CancellationToken ct) =>
                await service.InrichtingAsync(gemeente, ct) is { } i ? TypedResults.Ok(Dto(i)) : Onbekend(gemeente))
            .WithSummary("De maximale reistijd, de signaaltermijn voor het einde van vervoer, de maximale tussenpoos tussen trajecten en de kernen van een gemeente");
        b.MapPut("/{gemeente}", async Task<Results<Ok<LogistiekInrichtingDto>, ValidationProblem, ProblemHttpResult>> (string gemeente, LogistiekInstellingenInvoer invoer, LogistiekService service, CancellationToken ct) =>
            {
                var u = await service.InrichtingOpslaanAsync(gemeente, invoer, ct);
                if (u.NietGevonden) return Onbekend(gemeente);
                if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
                return TypedResults.Ok(Dto((await service.InrichtingAsync(gemeente, ct))!));
            })
            .WithSummary("De logistieke instellingen van een gemeente opslaan (kernen één per regel); wordt gelogd");
        return api;
    }

    private static LogistiekDto Dto(LogistiekStand s)
    {
        var binnenkort = s.EindigtBinnenkort.Select(v => v.Id).ToHashSet();
        var p = s.Profiel;
        return new(s.Dossier.Id,
            p is null ? null : new ReisprofielDto(p.Woonkern, p.Leslocatie, p.ReistijdOvMinuten, p.ReistijdFietsMinuten, Logistiekregels.Codes(p.OnmogelijkeDagdelen),
                Logistiekregels.Lijst(p.Redenen), p.Toelichting, Logistiekregels.OverdagNiet(p.OnmogelijkeDagdelen), p.GewijzigdOp, p.GewijzigdDoor),
            s.Reistijd, s.Inrichting.MaxReistijdMinuten, s.ReistijdTeLang,
            [.. s.Voorzieningen.Select(v => new VervoersvoorzieningDto(v.Id, v.Soort, v.Omschrijving, v.Van, v.Tot, Logistiekregels.Loopt(v, s.Vandaag), binnenkort.Contains(v.Id), v.VastgelegdDoor))],
            [.. s.Trajecten.Select(t => new TrajectDto(t.VerwijzingId, t.Omschrijving, t.Start, t.Einde))],
            [.. s.Tussenpozen.Select(g => new TussenpozeDto(g.EindeVorige, g.StartVolgende, g.Dagen, g.Actueel, g.TeLang))], s.Inrichting.MaxTussenpozeDagen);
    }

    private static LogistiekInrichtingDto Dto(LogistiekInrichting i) =>
        new(i.Gemeente.Code, i.Gemeente.Naam, i.MaxReistijdMinuten, i.VervoerEindeDagen, i.MaxTussenpozeDagen, i.Kernen, i.Standaard);

    private static ProblemHttpResult Onbekend(string code) =>
        TypedResults.Problem(statusCode: 404, title: "Gemeente niet gevonden", detail: $"Er is geen gemeente met code '{code}', of u mag haar niet beheren.");
}

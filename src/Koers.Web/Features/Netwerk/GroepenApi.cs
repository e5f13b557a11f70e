using Koers.Data.Model.Groepen;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Netwerk;

public sealed record BijeenkomstDto(Guid Id, DateOnly Datum, TimeOnly Aanvang, TimeOnly? Einde, string Locatie);

/// <summary>An enrolled person; <see cref="InburgeraarId"/> and <see cref="Naam"/> are null for a partner without consent.</summary>
public sealed record DeelnameDto(Guid Id, Guid? InburgeraarId, string? Naam, DateOnly IngeschrevenOp, int? AanwezigPercentage,
    IReadOnlyDictionary<Guid, Aanwezigheidsstatus> Aanwezigheid);

/// <summary>A place on the waiting list: position 1 is enrolled first when a place frees up.</summary>
public sealed record WachtplaatsDto(Guid Id, Guid InburgeraarId, string Naam, int Positie, DateOnly Sinds);

/// <summary>A group; <see cref="Wachtlijst"/> is empty for the organising partner (the waiting list is the municipality's).</summary>
public sealed record GroepDto(Guid Id, string Gemeente, string Naam, Groepssoort Soort, int? OrganisatorMedewerkerId, int? OrganisatorPartnerId, string Organisator,
    string Locatie, int Capaciteit, int Ingeschreven, string? Omschrijving, IReadOnlyList<BijeenkomstDto> Bijeenkomsten, IReadOnlyList<DeelnameDto> Deelnemers,
    IReadOnlyList<WachtplaatsDto> Wachtlijst);

public sealed record GroepVanDossierDto(Guid GroepId, string Naam, Groepssoort Soort, Guid DeelnameId, DateOnly IngeschrevenOp, DateOnly? UitgeschrevenOp,
    string? Uitschrijfreden, int? AanwezigPercentage, IReadOnlyList<BijeenkomstAanwezigheidDto> Bijeenkomsten);

public sealed record BijeenkomstAanwezigheidDto(Guid BijeenkomstId, DateOnly Datum, TimeOnly Aanvang, Aanwezigheidsstatus? Status);

public static class GroepenApi
{
    public static GroepDto Dto(GroepStand s) => new(s.Groep.Id, s.Groep.Gemeente!.Code, s.Groep.Naam, s.Groep.Soort, s.Groep.OrganisatorMedewerkerId,
        s.Groep.OrganisatorPartnerId, GroepenService.Organisator(s.Groep), s.Groep.Locatie, s.Groep.Capaciteit, s.Ingeschreven, s.Groep.Omschrijving,
        [.. s.Bijeenkomsten.Select(b => new BijeenkomstDto(b.Id, b.Datum, b.Aanvang, b.Einde, b.Locatie ?? s.Groep.Locatie))],
        [.. s.Deelnemers.Select(d => new DeelnameDto(d.Deelname.Id, d.Naam is null ? null : d.Deelname.InburgeraarId, d.Naam, d.Deelname.IngeschrevenOp,
            d.Naam is null ? null : d.Percentage,
            d.Naam is null ? new Dictionary<Guid, Aanwezigheidsstatus>() : d.Deelname.Aanwezigheid.ToDictionary(a => a.GroepsbijeenkomstId, a => a.Status)))],
        [.. s.Wachtlijst.Select(w => new WachtplaatsDto(w.Plaats.Id, w.Plaats.InburgeraarId, w.Naam, w.Positie, w.Plaats.Sinds))]);

    public static GroepVanDossierDto Dto(GroepVanDossier g) => new(g.Groep.Id, g.Groep.Naam, g.Groep.Soort, g.Deelname.Id, g.Deelname.IngeschrevenOp,
        g.Deelname.UitgeschrevenOp, g.Deelname.Uitschrijfreden, g.Percentage,
        [.. g.Bijeenkomsten.Select(b => new BijeenkomstAanwezigheidDto(b.Bijeenkomst.Id, b.Bijeenkomst.Datum, b.Bijeenkomst.Aanvang, b.Status))]);

    private static Results<Ok<Guid>, ValidationProblem, ProblemHttpResult> Antwoord(Uitkomst<Guid> u) =>
        u.NietGevonden ? Problemen.NietGevonden() : u.Gelukt ? TypedResults.Ok(u.Waarde) : Problemen.Validatie(u.Fouten);

    public static RouteGroupBuilder MapGroepenApi(this RouteGroupBuilder api)
    {
        var groepen = api.MapGroup("/groepen").WithTags("Groepsaanbod").RequireAuthorization(Beleid.Dossierwerk);
        groepen.MapGet("/", async Task<Ok<IReadOnlyList<GroepRegel>>> (GroepenService s, CancellationToken ct) => TypedResults.Ok(await s.LijstAsync(ct)))
            .WithSummary("Groepsaanbod (KNM-workshops, taalcafé-groepen, groepen nog niet startklaar, sollicitatietraining) van de gemeenten waarvoor de gebruiker werkt");
        groepen.MapPost("/", async Task<Results<Created<GroepDto>, ValidationProblem, ProblemHttpResult>> (GroepInvoer invoer, GroepenService s, CancellationToken ct) =>
        {
            var u = await s.NieuwAsync(invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Created($"/api/v1/groepen/{u.Waarde}", Dto((await s.HaalAsync(u.Waarde, ct))!));
        }).WithSummary("Een groep aanmaken met organisator (medewerker of ketenpartner), locatie en capaciteit");
        groepen.MapGet("/{gid:guid}", async Task<Results<Ok<GroepDto>, ProblemHttpResult>> (Guid gid, GroepenService s, CancellationToken ct) =>
            await s.HaalAsync(gid, ct) is { } g ? TypedResults.Ok(Dto(g)) : Problemen.NietGevonden())
            .WithSummary("Een groep met bijeenkomsten, ingeschreven deelnemers en hun aanwezigheid");
        groepen.MapPut("/{gid:guid}", async Task<Results<Ok<GroepDto>, ValidationProblem, ProblemHttpResult>> (Guid gid, GroepWijzigingInvoer invoer, GroepenService s, CancellationToken ct) =>
        {
            var u = await s.WijzigenAsync(gid, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Ok(Dto((await s.HaalAsync(gid, ct))!)) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Naam, soort, locatie, capaciteit en omschrijving wijzigen; een hogere capaciteit schrijft de eersten van de wachtlijst in");
        groepen.MapPut("/{gid:guid}/bijeenkomsten/{bid:guid}", async Task<Results<Ok<Guid>, ValidationProblem, ProblemHttpResult>> (Guid gid, Guid bid, BijeenkomstInvoer invoer, GroepenService s, CancellationToken ct) =>
            Antwoord(await s.BijeenkomstWijzigenAsync(gid, bid, invoer, ct)))
            .WithSummary("Een bijeenkomst verplaatsen of corrigeren; met vastgelegde aanwezigheid liggen datum en aanvang vast");
        groepen.MapDelete("/{gid:guid}/bijeenkomsten/{bid:guid}", async Task<Results<Ok<Guid>, ValidationProblem, ProblemHttpResult>> (Guid gid, Guid bid, GroepenService s, CancellationToken ct) =>
            Antwoord(await s.BijeenkomstAfzeggenAsync(gid, bid, ct)))
            .WithSummary("Een bijeenkomst afzeggen, alleen zolang er geen aanwezigheid is vastgelegd");
        groepen.MapPost("/{gid:guid}/wachtlijst", async Task<Results<Created<Guid>, ValidationProblem, ProblemHttpResult>> (Guid gid, InschrijvingInvoer invoer, GroepenService s, CancellationToken ct) =>
        {
            var u = await s.WachtlijstAsync(gid, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Created($"/api/v1/groepen/{gid}", u.Waarde) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Een inburgeraar op de wachtlijst van een volle groep zetten; bij een vrije plaats wordt de eerste op de lijst ingeschreven");
        groepen.MapDelete("/{gid:guid}/wachtlijst/{wid:guid}", async Task<Results<Ok<Guid>, ValidationProblem, ProblemHttpResult>> (Guid gid, Guid wid, GroepenService s, CancellationToken ct) =>
            Antwoord(await s.VanWachtlijstAsync(gid, wid, ct)))
            .WithSummary("Een inburgeraar van de wachtlijst halen");
        groepen.MapPost("/{gid:guid}/bijeenkomsten", async Task<Results<Created<Guid>, ValidationProblem, ProblemHttpResult>> (Guid gid, BijeenkomstInvoer invoer, GroepenService s, CancellationToken ct) =>
        {
            var u = await s.BijeenkomstAsync(gid, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Created($"/api/v1/groepen/{gid}", u.Waarde) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Een bijeenkomst plannen (datum, tijd, eventueel een andere locatie)");
        groepen.MapPost("/{gid:guid}/deelnemers", async Task<Results<Created<Guid>, ValidationProblem, ProblemHttpResult>> (Guid gid, InschrijvingInvoer invoer, GroepenService s, CancellationToken ct) =>
        {
            var u = await s.InschrijvenAsync(gid, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Created($"/api/v1/groepen/{gid}", u.Waarde) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Een inburgeraar binnen het bereik van de gebruiker inschrijven; een volle groep weigert");
        groepen.MapPost("/{gid:guid}/deelnemers/{did:guid}/uitschrijven", async Task<Results<Ok<Guid>, ValidationProblem, ProblemHttpResult>> (Guid gid, Guid did, UitschrijvingInvoer invoer, GroepenService s, CancellationToken ct) =>
            Antwoord(await s.UitschrijvenAsync(gid, did, invoer, ct)))
            .WithSummary("Een deelnemer uitschrijven met reden; de aanwezigheid blijft bewaard");
        groepen.MapPut("/{gid:guid}/bijeenkomsten/{bid:guid}/aanwezigheid", async Task<Results<Ok<Guid>, ValidationProblem, ProblemHttpResult>> (Guid gid, Guid bid, AanwezigheidInvoer invoer, GroepenService s, CancellationToken ct) =>
            Antwoord(await s.AanwezigheidAsync(gid, bid, invoer, ct)))
            .WithSummary("Aanwezigheid vastleggen per ingeschreven deelnemer: aanwezig, afwezig met bericht of afwezig zonder bericht");

        api.MapGet("/inburgeraars/{id:guid}/groepen", async Task<Results<Ok<List<GroepVanDossierDto>>, ProblemHttpResult>> (Guid id, GroepenService s, CancellationToken ct) =>
            await s.VanDossierAsync(id, ct) is { } l ? TypedResults.Ok(l.Select(Dto).ToList()) : Problemen.NietGevonden())
            .WithTags("Groepsaanbod").RequireAuthorization(Beleid.Dossierwerk)
            .WithSummary("De groepen van een inburgeraar met aanwezigheid per bijeenkomst");

        var partner = api.MapGroup("/partner/groepen").WithTags("Groepsaanbod").RequireAuthorization(Beleid.Partner);
        partner.MapGet("/", async Task<Ok<IReadOnlyList<GroepRegel>>> (GroepenService s, CancellationToken ct) => TypedResults.Ok(await s.LijstAsync(ct)))
            .WithSummary("Groepen die de eigen organisatie organiseert");
        partner.MapGet("/{gid:guid}", async Task<Results<Ok<GroepDto>, ProblemHttpResult>> (Guid gid, GroepenService s, CancellationToken ct) =>
            await s.HaalAsync(gid, ct) is { } g ? TypedResults.Ok(Dto(g)) : Problemen.NietGevonden())
            .WithSummary("Een eigen groep: namen alleen van deelnemers die de eigen organisatie machtigden voor basisgegevens");
        partner.MapPut("/{gid:guid}/bijeenkomsten/{bid:guid}/aanwezigheid", async Task<Results<Ok<Guid>, ValidationProblem, ProblemHttpResult>> (Guid gid, Guid bid, AanwezigheidInvoer invoer, GroepenService s, CancellationToken ct) =>
            Antwoord(await s.AanwezigheidAsync(gid, bid, invoer, ct)))
            .WithSummary("Aanwezigheid vastleggen in een eigen groep, alleen voor gemachtigde deelnemers");
        return api;
    }
}

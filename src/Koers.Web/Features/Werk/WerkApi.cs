using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Werk;

public sealed record ErvaringDto(DateOnly Datum, string Tekst, string Door);

public sealed record WerkgeverDto(Guid Id, string Gemeente, string Naam, string? Sector, IReadOnlyList<Werkaanbod> Aanbod, int? Capaciteit, int LopendePlaatsingen,
    string? Taaleis, string? Contactpersoon, string? Telefoon, string? Email, bool Actief, IReadOnlyList<ErvaringDto> Ervaringen);

public sealed record EvaluatieDto(DateOnly Datum, string Tekst, int Score, string Door);

public sealed record PlaatsingDto(Guid Id, Guid? WerkgeverId, string Waar, Plaatsingssoort Soort, bool Startbaan, string? Subsidie, decimal? SubsidieBedrag,
    DateOnly Start, DateOnly? Einde, decimal? UrenPerWeek, string? Jobcoach, Plaatsingsuitkomst? Uitkomst, DateOnly? BeeindigdOp, string? Reden,
    DateOnly? LaatsteEvaluatie, bool EvaluatieTeLaat, bool EindigtBinnenkort, IReadOnlyList<EvaluatieDto> Evaluaties, string? JobcoachGebruiker = null);

/// <summary>An own placement as the inburgeraar sees it in the portal: where, what kind, when, how many hours, and whether it still runs.</summary>
public sealed record EigenPlaatsingDto(string Waar, Plaatsingssoort Soort, DateOnly Start, DateOnly? Einde, decimal? UrenPerWeek, bool Loopt, DateOnly? BeeindigdOp);

public sealed record UitstroomDto(Guid Id, Uitstroomsoort Soort, DateOnly Datum, string? Toelichting);

public sealed record WerkDto(IReadOnlyList<PlaatsingDto> Plaatsingen, IReadOnlyList<UitstroomDto> Uitstromen);

public sealed record CaseloadDto(string Jobcoach, IReadOnlyList<CaseloadRegelDto> Plaatsingen);

public sealed record CaseloadRegelDto(Guid InburgeraarId, string Naam, Guid PlaatsingId, string Waar, Plaatsingssoort Soort, DateOnly Start, DateOnly? Einde, bool EvaluatieTeLaat);

/// <summary>
/// A placement in the signed-in jobcoach's own caseload: the person's name (basisgegevens), where, what kind, when, and the
/// weekly evaluations (werk en participatie). No BSN, no other part of the case.
/// </summary>
public sealed record JobcoachPlaatsingDto(Guid PlaatsingId, string Naam, string Gemeente, string Waar, Plaatsingssoort Soort, DateOnly Start, DateOnly? Einde,
    decimal? UrenPerWeek, DateOnly? LaatsteEvaluatie, bool EvaluatieTeLaat, IReadOnlyList<EvaluatieDto> Evaluaties);

/// <summary>Work (issue #22): the employer register, placements with weekly evaluations, exits and the jobcoach caseload.</summary>
public static class WerkApi
{
    public static WerkgeverDto Dto(Werkgever w, string gemeente, int lopend) => new(w.Id, gemeente, w.Naam, w.Sector,
        WerkWeergave.AlleAanbod.Where(a => w.Aanbod.HasFlag(a)).ToList(), w.Capaciteit, lopend, w.Taaleis, w.Contactpersoon, w.Telefoon, w.Email, w.Actief,
        w.Ervaringen.OrderByDescending(e => e.Datum).ThenByDescending(e => e.Id).Select(e => new ErvaringDto(e.Datum, e.Tekst, e.Door)).ToList());

    public static PlaatsingDto Dto(Plaatsingsregel r)
    {
        var p = r.Plaatsing;
        return new(p.Id, p.WerkgeverId, r.Waar, p.Soort, p.Startbaan, p.Subsidie, p.SubsidieBedrag, p.Start, p.Einde, p.UrenPerWeek, p.Jobcoach, p.Uitkomst,
            p.BeeindigdOp, p.Reden, r.LaatsteEvaluatie, r.EvaluatieTeLaat, r.EindigtBinnenkort,
            p.Evaluaties.OrderByDescending(e => e.Datum).Select(e => new EvaluatieDto(e.Datum, e.Tekst, e.Score, e.Door)).ToList(), p.JobcoachGebruikerId);
    }

    public static JobcoachPlaatsingDto Dto(JobcoachPlaatsing r)
    {
        var p = r.Regel.Plaatsing;
        return new(p.Id, r.Naam, r.Gemeente, r.Regel.Waar, p.Soort, p.Start, p.Einde, p.UrenPerWeek, r.Regel.LaatsteEvaluatie, r.Regel.EvaluatieTeLaat,
            p.Evaluaties.OrderByDescending(e => e.Datum).Select(e => new EvaluatieDto(e.Datum, e.Tekst, e.Score, e.Door)).ToList());
    }

    public static RouteGroupBuilder MapWerkApi(this RouteGroupBuilder api)
    {
        var r = api.MapGroup("/werkgevers").WithTags("Werk").RequireAuthorization(Beleid.Dossierwerk);
        r.MapGet("/", async Task<Results<Ok<List<WerkgeverDto>>, ProblemHttpResult>> (string? gemeente, WerkService s, CancellationToken ct) =>
            await s.RegisterAsync(gemeente, ct) is { } reg
                ? TypedResults.Ok(reg.Werkgevers.Select(w => Dto(w, reg.Gemeente.Code, reg.Lopend.GetValueOrDefault(w.Id))).ToList())
                : Problemen.NietGevonden())
            .WithSummary("Werkgeversregister van een gemeente (CBS-code, standaard de eerste gemeente binnen bereik): aanbod, capaciteit, taaleis, contact en ervaringen");
        r.MapPost("/", async Task<Results<Created<Guid>, ValidationProblem, ProblemHttpResult>> (WerkgeverInvoer invoer, WerkService s, CancellationToken ct) =>
        {
            var u = await s.WerkgeverOpslaanAsync(null, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Created($"/api/v1/werkgevers/{u.Waarde}", u.Waarde) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Werkgever toevoegen aan het register van een gemeente binnen bereik");
        r.MapPut("/{wid:guid}", async Task<Results<Ok<Guid>, ValidationProblem, ProblemHttpResult>> (Guid wid, WerkgeverInvoer invoer, WerkService s, CancellationToken ct) =>
        {
            var u = await s.WerkgeverOpslaanAsync(wid, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Ok(u.Waarde) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Werkgever in het register wijzigen (of op niet-actief zetten)");
        r.MapPost("/{wid:guid}/ervaringen", async Task<Results<Created<long>, ValidationProblem, ProblemHttpResult>> (Guid wid, ErvaringInvoer invoer, WerkService s, CancellationToken ct) =>
        {
            var u = await s.ErvaringAsync(wid, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Created($"/api/v1/werkgevers/{wid}", u.Waarde) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Ervaring met een werkgever vastleggen (datum, tekst; de auteur is de ingelogde gebruiker)");

        var g = api.MapGroup("/inburgeraars/{id:guid}/werk").WithTags("Werk").RequireAuthorization(Beleid.Dossierwerk);
        g.MapGet("/", async Task<Results<Ok<WerkDto>, ProblemHttpResult>> (Guid id, WerkService s, CancellationToken ct) =>
            await s.HaalAsync(id, "API: werk opgevraagd", ct) is { } stand
                ? TypedResults.Ok(new WerkDto(stand.Plaatsingen.Select(Dto).ToList(), stand.Uitstromen.Select(u => new UitstroomDto(u.Id, u.Soort, u.Datum, u.Toelichting)).ToList()))
                : Problemen.NietGevonden())
            .WithSummary("Plaatsingen (met weekevaluaties en signalen) en uitstroom van de inburgeraar");
        g.MapPost("/plaatsingen", async Task<Results<Created<Guid>, ValidationProblem, ProblemHttpResult>> (Guid id, PlaatsingInvoer invoer, WerkService s, CancellationToken ct) =>
        {
            var u = await s.PlaatsingAsync(id, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Created($"/api/v1/inburgeraars/{id}/werk", u.Waarde) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Plaatsing vastleggen: bij een werkgever uit het register of intern, soort, startbaan, subsidie, periode en jobcoach (een naam, of jobcoachGebruiker: het account van een jobcoach in de regio)");
        g.MapPost("/plaatsingen/{pid:guid}/evaluaties", async Task<Results<Created<long>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid pid, EvaluatieInvoer invoer, WerkService s, CancellationToken ct) =>
        {
            var u = await s.EvaluatieAsync(id, pid, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Created($"/api/v1/inburgeraars/{id}/werk", u.Waarde) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Weekevaluatie van een lopende plaatsing vastleggen (datum, tekst, score 1 tot en met 5)");
        g.MapPost("/plaatsingen/{pid:guid}/beeindigen", async Task<Results<Ok<Guid>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid pid, BeeindigInvoer invoer, WerkService s, CancellationToken ct) =>
        {
            var u = await s.BeeindigenAsync(id, pid, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Ok(u.Waarde) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Plaatsing beëindigen met uitkomst; bij voortijdig beëindigen is de reden verplicht");
        g.MapPut("/plaatsingen/{pid:guid}/jobcoach", async Task<Results<Ok<Guid>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid pid, JobcoachInvoer invoer, WerkService s, CancellationToken ct) =>
        {
            var u = await s.JobcoachWijzigenAsync(id, pid, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Ok(u.Waarde) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Andere jobcoach voor een lopende plaatsing: jobcoachGebruiker (account van een jobcoach in de regio) of jobcoach (naam van een externe jobcoach), of geen; de vorige jobcoach verliest de plaatsing uit de eigen caseload; wordt gelogd");
        g.MapPost("/uitstroom", async Task<Results<Created<Guid>, ValidationProblem, ProblemHttpResult>> (Guid id, UitstroomInvoer invoer, WerkService s, CancellationToken ct) =>
        {
            var u = await s.UitstroomAsync(id, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Created($"/api/v1/inburgeraars/{id}/werk", u.Waarde) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Uitstroom vastleggen: betaalde baan (deeltijd of voltijd), vrijwilligerswerk, opleiding of anders, met datum");

        api.MapGet("/mijn/plaatsingen", async Task<Results<Ok<List<EigenPlaatsingDto>>, ProblemHttpResult>> (WerkService s, CancellationToken ct) =>
                await s.EigenAsync(ct) is { } eigen
                    ? TypedResults.Ok(eigen.Select(p => new EigenPlaatsingDto(PortaalModel.Waar(p), p.Soort, p.Start, p.Einde, p.UrenPerWeek, p.Uitkomst is null, p.BeeindigdOp)).ToList())
                    : Problemen.NietGevonden())
            .WithTags("Mijn inburgering").RequireAuthorization(Beleid.Portaal)
            .WithSummary("Uw eigen plaatsingen (werkgever, soort, begin en einde, uren per week); wordt gelogd");
        api.MapGet("/jobcoaches/caseload", async (WerkService s, CancellationToken ct) =>
                TypedResults.Ok((await s.CaseloadAsync(ct)).Select(c => new CaseloadDto(c.Jobcoach,
                    c.Plaatsingen.Select(p => new CaseloadRegelDto(p.InburgeraarId, p.Naam, p.Regel.Plaatsing.Id, p.Regel.Waar, p.Regel.Plaatsing.Soort, p.Regel.Plaatsing.Start,
                        p.Regel.Plaatsing.Einde, p.Regel.EvaluatieTeLaat)).ToList())).ToList()))
            .WithTags("Werk").RequireAuthorization(Beleid.Dossierwerk)
            .WithSummary("Caseload per jobcoach: de lopende plaatsingen binnen bereik");

        // The jobcoach's own caseload (a chain-partner user): only placements assigned to their account, with the
        // inburgeraar's consent for werk en participatie and basisgegevens; the weekly evaluation is all they may record.
        var j = api.MapGroup("/partner/caseload").WithTags("Partner").RequireAuthorization(Beleid.Partner);
        j.MapGet("/", async Task<Results<Ok<List<JobcoachPlaatsingDto>>, ProblemHttpResult>> (JobcoachService s, CancellationToken ct) =>
                await s.CaseloadAsync(ct) is { } lijst ? TypedResults.Ok(lijst.Select(Dto).ToList()) : Problemen.NietGevonden())
            .WithSummary("Eigen caseload van de jobcoach: de lopende plaatsingen die aan de gebruiker zijn toegewezen, alleen met een geldige machtiging voor werk en participatie en basisgegevens; wordt gelogd");
        j.MapPost("/{pid:guid}/evaluaties", async Task<Results<Created<long>, ValidationProblem, ProblemHttpResult>> (Guid pid, EvaluatieInvoer invoer, JobcoachService s, CancellationToken ct) =>
        {
            var u = await s.EvaluatieAsync(pid, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Created("/api/v1/partner/caseload", u.Waarde) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Weekevaluatie vastleggen van een plaatsing in de eigen caseload (datum, tekst, score 1 tot en met 5); 404 voor een plaatsing buiten de caseload");
        return api;
    }
}

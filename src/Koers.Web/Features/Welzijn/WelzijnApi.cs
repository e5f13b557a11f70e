using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Welzijn;

public sealed record ScreeningDto(Guid Id, Screeningsmoment Moment, Guid? Voortgangsgesprek, Welzijnssignaal Signaal, Signaalsoort? Soort, Ernst? Ernst, Signaalherkomst? Bron,
    DateOnly Datum, string? Toelichting, string VastgelegdDoor);
public sealed record ZorgverwijzingDto(Guid Id, Zorgsoort Naar, string? Zorgaanbieder, Zorgstatus Status, DateOnly AangemeldOp, DateOnly? ZorgGestartOp, DateOnly? BeeindigdOp,
    string? Reden, DateOnly? Opvolgdatum, Guid? Screening, IReadOnlyList<Zorgstatus> Volgende, string VastgelegdDoor,
    DateOnly? AfspraakDatum = null, TimeOnly? AfspraakTijd = null, string? AfspraakPlaats = null);
public sealed record WelzijnDto(Guid InburgeraarId, bool HercheckNodig, DateOnly? HercheckSinds, IReadOnlyList<ScreeningDto> Screenings, IReadOnlyList<ZorgverwijzingDto> Verwijzingen,
    IReadOnlyList<NietStartklaarDto> NietStartklaar);
public sealed record WelzijnstaakDto(Guid InburgeraarId, string Naam, string Gemeente, string? Klantregisseur, string Soort, DateOnly Sinds, Guid? Verwijzing);
/// <summary>The inburgeraar's own referral; the appointment only while it is still to come (<see cref="WelzijnService.AfspraakKomtNog"/>).</summary>
public sealed record EigenZorgverwijzingDto(Zorgsoort Naar, string? Zorgaanbieder, Zorgstatus Status, DateOnly AangemeldOp, DateOnly? ZorgGestartOp, DateOnly? BeeindigdOp,
    DateOnly? AfspraakDatum = null, TimeOnly? AfspraakTijd = null, string? AfspraakPlaats = null);
public sealed record WelzijnIdDto(Guid Id);
public sealed record NietStartklaarDto(Guid Id, IReadOnlyList<string> Redenen, DateOnly Datum, DateOnly Herbenaderdatum, string? Toelichting, DateOnly? AfgehandeldOp, string VastgelegdDoor);
public sealed record WelzijnInrichtingDto(string Gemeente, string Naam, IReadOnlyList<string> Redenen, int HerbenaderWeken, bool Standaard, string Grondslag);
public sealed record StartklaarInvoer(DateOnly? Datum);

/// <summary>
/// API for mental well-being: a case's screenings and health referrals (case workers of the municipality only), the
/// re-checks and follow-ups due (worklist) and the inburgeraar's own referrals (portal). Health data: beleidsmedewerkers
/// get none of it; a chain partner with the person's consent for gezondheid sees only the kind and status of referrals
/// (partner case view), never a screening, a care provider or a reason.
/// </summary>
public static class WelzijnApi
{
    public static RouteGroupBuilder MapWelzijnApi(this RouteGroupBuilder api)
    {
        var d = api.MapGroup("/inburgeraars/{id:guid}/welzijn").WithTags("Welzijn").RequireAuthorization(Beleid.Dossierwerk);
        d.MapGet("", async Task<Results<Ok<WelzijnDto>, ProblemHttpResult>> (Guid id, WelzijnService service, CancellationToken ct) =>
                await service.HaalAsync(id, "API: welzijn opgevraagd", ct) is { } s ? TypedResults.Ok(Dto(s)) : Problemen.NietGevonden())
            .WithSummary("Welzijnsscreenings (signaal, soort, ernst, bron) en zorgverwijzingen met status en opvolgdatum; gezondheidsgegevens, wordt gelogd");
        d.MapPost("/screenings", async Task<Results<Created<WelzijnIdDto>, ValidationProblem, ProblemHttpResult>> (Guid id, ScreeningInvoer invoer, WelzijnService service, CancellationToken ct) =>
                Gemaakt(id, await service.ScreeningAsync(id, invoer, ct)))
            .WithSummary("Een welzijnsscreening vastleggen (brede intake, hercheck bij een voortgangsgesprek of tussentijds); bij een signaal ook soort, ernst en bron");
        d.MapPost("/verwijzingen", async Task<Results<Created<WelzijnIdDto>, ValidationProblem, ProblemHttpResult>> (Guid id, ZorgverwijzingInvoer invoer, WelzijnService service, CancellationToken ct) =>
                Gemaakt(id, await service.VerwijzingAsync(id, invoer, ct)))
            .WithSummary("Een zorgverwijzing aanmelden (GGZ, praktijkondersteuner GGZ, traumazorg, maatschappelijk werk of anders) met een opvolgdatum");
        d.MapPost("/verwijzingen/{verwijzing:guid}/status", async Task<Results<Ok<WelzijnIdDto>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid verwijzing, ZorgstatusInvoer invoer, WelzijnService service, CancellationToken ct) =>
            {
                var u = await service.StatusAsync(id, verwijzing, invoer, ct);
                if (u.NietGevonden) return Problemen.NietGevonden();
                return u.Gelukt ? TypedResults.Ok(new WelzijnIdDto(u.Waarde)) : Problemen.Validatie(u.Fouten);
            })
            .WithSummary("De volgende stap van een zorgverwijzing: zorg gestart, afgerond, afgewezen of gestopt (met reden), met een nieuwe opvolgdatum");
        d.MapPut("/verwijzingen/{verwijzing:guid}/afspraak", async Task<Results<Ok<WelzijnIdDto>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid verwijzing, AfspraakInvoer invoer, WelzijnService service, CancellationToken ct) =>
            {
                var u = await service.AfspraakAsync(id, verwijzing, invoer, ct);
                if (u.NietGevonden) return Problemen.NietGevonden();
                return u.Gelukt ? TypedResults.Ok(new WelzijnIdDto(u.Waarde)) : Problemen.Validatie(u.Fouten);
            })
            .WithSummary("De afspraak bij de zorgaanbieder van een lopende zorgverwijzing (datum, tijd en plaats; alles leeg: verwijderen); de inburgeraar ziet een komende afspraak in Mijn inburgering; wordt gelogd");

        d.MapPost("/niet-startklaar", async Task<Results<Created<WelzijnIdDto>, ValidationProblem, ProblemHttpResult>> (Guid id, NietStartklaarInvoer invoer, WelzijnService service, CancellationToken ct) =>
                Gemaakt(id, await service.NietStartklaarAsync(id, invoer, ct)))
            .WithSummary("'Nog niet startklaar' vastleggen met redenen uit de lijst van de gemeente en een herbenaderdatum (leeg: de termijn van de gemeente)");
        d.MapPost("/startklaar", async Task<Results<Ok<WelzijnIdDto>, ValidationProblem, ProblemHttpResult>> (Guid id, StartklaarInvoer invoer, WelzijnService service, CancellationToken ct) =>
            {
                var u = await service.StartklaarAsync(id, invoer.Datum, ct);
                if (u.NietGevonden) return Problemen.NietGevonden();
                return u.Gelukt ? TypedResults.Ok(new WelzijnIdDto(u.Waarde)) : Problemen.Validatie(u.Fouten);
            })
            .WithSummary("De inburgeraar is (na herbenaderen) startklaar: het openstaande 'nog niet startklaar' wordt afgesloten");

        api.MapGet("/monitor/welzijn", async ([AsParameters] Monitor.MonitorVraag vraag, Monitor.MonitorLezer lezer, WelzijnMonitor monitor, CancellationToken ct) =>
            {
                var (filter, fouten) = await lezer.LeesAsync(vraag, ct);
                if (filter is null || fouten.Count > 0) return (IResult)Problemen.Validatie(fouten);
                return TypedResults.Ok(await monitor.BouwAsync(filter, ct));
            })
            .WithTags("Monitor").RequireAuthorization(Beleid.Monitor)
            .Produces<WelzijnRapport>()
            .ProducesValidationProblem()
            .WithSummary("Welzijnsmonitor per gemeente en periode: gescreend, signalen naar soort en ernst, verwijzingen naar zorg en gestarte zorg, nog niet startklaar, en uitstroom zoals de Werk.Kom-tabel")
            .WithDescription("Alleen aantallen mensen, nooit inhoud. Aantallen van 1 tot en met 4 staan er als \"<5\" (waarde null, verborgen true); een \"x\" verbergt een aantal of totaal waaruit een klein aantal terug te rekenen zou zijn.");

        var b = api.MapGroup("/beheer/welzijn").WithTags("Welzijn: inrichting").RequireAuthorization(Beleid.Beheer);
        b.MapGet("/{gemeente}", async Task<Results<Ok<WelzijnInrichtingDto>, ProblemHttpResult>> (string gemeente, WelzijnService service, CancellationToken ct) =>
                await service.InrichtingAsync(gemeente, ct) is { } i ? TypedResults.Ok(Dto(i)) : Onbekend(gemeente))
            .WithSummary("De redenen 'nog niet startklaar' en de termijn om opnieuw te benaderen (weken) van een gemeente");
        b.MapPut("/{gemeente}", async Task<Results<Ok<WelzijnInrichtingDto>, ValidationProblem, ProblemHttpResult>> (string gemeente, WelzijnInstellingenInvoer invoer, WelzijnService service, CancellationToken ct) =>
            {
                var u = await service.InrichtingOpslaanAsync(gemeente, invoer, ct);
                if (u.NietGevonden) return Onbekend(gemeente);
                if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
                return TypedResults.Ok(Dto((await service.InrichtingAsync(gemeente, ct))!));
            })
            .WithSummary("De redenen 'nog niet startklaar' (één per regel) en de termijn om opnieuw te benaderen (1-52 weken) opslaan; wordt gelogd");

        api.MapGet("/welzijn/open", async (string? gemeente, int? klantregisseurId, int? teamId, WelzijnService service, CancellationToken ct) =>
                TypedResults.Ok((await service.OpenAsync(new Werkvoorraad.Dossierselectie(gemeente, klantregisseurId, teamId), ct))
                    .Select(t => new WelzijnstaakDto(t.InburgeraarId, t.Naam, t.Gemeente, t.Klantregisseur, t.Soort, t.Sinds, t.VerwijzingId)).ToList()))
            .WithTags("Welzijn").RequireAuthorization(Beleid.Dossierwerk)
            .WithSummary("Dossiers binnen bereik met een hercheck welzijn na een voortgangsgesprek of een zorgverwijzing om op te volgen (werkvoorraad)");

        api.MapGet("/mijn/zorgverwijzingen", async Task<Results<Ok<List<EigenZorgverwijzingDto>>, ProblemHttpResult>> (WelzijnService service, Klok klok, CancellationToken ct) =>
                await service.EigenAsync(ct) is { } eigen
                    ? TypedResults.Ok(eigen.Select(v => WelzijnService.AfspraakKomtNog(v, klok.Vandaag)
                        ? new EigenZorgverwijzingDto(v.Naar, v.Zorgaanbieder, v.Status, v.AangemeldOp, v.ZorgGestartOp, v.BeeindigdOp, v.AfspraakDatum, v.AfspraakTijd, v.AfspraakPlaats)
                        : new EigenZorgverwijzingDto(v.Naar, v.Zorgaanbieder, v.Status, v.AangemeldOp, v.ZorgGestartOp, v.BeeindigdOp)).ToList())
                    : Problemen.NietGevonden())
            .WithTags("Mijn inburgering").RequireAuthorization(Beleid.Portaal)
            .WithSummary("Uw eigen verwijzingen naar zorg of ondersteuning met hun status en een komende afspraak; wordt gelogd");
        return api;
    }

    private static WelzijnDto Dto(WelzijnStand s) => new(s.Dossier.Id, s.HercheckNodig, s.HercheckSinds,
        s.Screenings.Select(r => new ScreeningDto(r.Id, r.Moment, r.VoortgangsgesprekId, r.Signaal, r.Soort, r.Ernst, r.Bron, r.Datum, r.Toelichting, r.VastgelegdDoor)).ToList(),
        s.Verwijzingen.Select(v => new ZorgverwijzingDto(v.Id, v.Naar, v.Zorgaanbieder, v.Status, v.AangemeldOp, v.ZorgGestartOp, v.BeeindigdOp, v.Reden, v.Opvolgdatum, v.ScreeningId,
            WelzijnService.Volgende(v.Status), v.VastgelegdDoor, v.AfspraakDatum, v.AfspraakTijd, v.AfspraakPlaats)).ToList(),
        s.NietStartklaar.Select(n => new NietStartklaarDto(n.Id, n.Redenen.Split('\n'), n.Datum, n.Herbenaderdatum, n.Toelichting, n.AfgehandeldOp, n.VastgelegdDoor)).ToList());

    private static WelzijnInrichtingDto Dto(WelzijnInrichting i) => new(i.Gemeente.Code, i.Gemeente.Naam, i.Redenen, i.HerbenaderWeken, i.Standaard,
        "Geen wettelijke termijn: de standaard (12 weken) volgt de praktijk (2-3 maanden, seed-000-002-003-practice.md §3.3); elke gemeente stelt haar eigen termijn in.");

    private static ProblemHttpResult Onbekend(string code) =>
        TypedResults.Problem(statusCode: 404, title: "Gemeente niet gevonden", detail: $"Er is geen gemeente met code '{code}', of u mag haar niet beheren.");

    private static Results<Created<WelzijnIdDto>, ValidationProblem, ProblemHttpResult> Gemaakt(Guid id, Uitkomst<Guid> u)
    {
        if (u.NietGevonden) return Problemen.NietGevonden();
        return u.Gelukt ? TypedResults.Created($"/api/v1/inburgeraars/{id}/welzijn", new WelzijnIdDto(u.Waarde)) : Problemen.Validatie(u.Fouten);
    }
}

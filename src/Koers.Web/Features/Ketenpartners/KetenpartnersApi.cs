using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Machtigingen;
using Koers.Web.Features.Verwijzingen;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Ketenpartners;

public static class Ketenpartners
{
    /// <summary>The services of chain partners, consent and referrals.</summary>
    /// <summary>All chain-partner endpoints: beheer, waiting lists, consent and referrals on the case, and the partner's own side.</summary>
    public static RouteGroupBuilder MapKetenpartnersApi(this RouteGroupBuilder api)
    {
        var beheer = api.MapGroup("/beheer/partners").WithTags("Ketenpartners").RequireAuthorization(Beleid.Beheer);
        beheer.MapGet("/", async (KetenpartnersService s, CancellationToken ct) => TypedResults.Ok(await s.LijstAsync(ct)))
            .WithSummary("Ketenpartners van de regio('s) van de gebruiker, met hun contracten");
        beheer.MapGet("/{pid:int}", async Task<Results<Ok<PartnerDto>, ProblemHttpResult>> (int pid, KetenpartnersService s, CancellationToken ct) =>
            await s.HaalAsync(pid, ct) is { } p ? TypedResults.Ok(p) : Problemen.NietGevonden()).WithSummary("Eén ketenpartner");
        beheer.MapPost("/", async Task<Results<Created<PartnerDto>, ValidationProblem, ProblemHttpResult>> (PartnerInvoer invoer, KetenpartnersService s, CancellationToken ct) =>
        {
            var u = await s.OpslaanAsync(null, invoer, ct);
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Created($"/api/v1/beheer/partners/{u.Waarde}", (await s.HaalAsync(u.Waarde, ct))!);
        }).WithSummary("Ketenpartner toevoegen (naam, soort, regio, contact, capaciteit)");
        beheer.MapPut("/{pid:int}", async Task<Results<Ok<PartnerDto>, ValidationProblem, ProblemHttpResult>> (int pid, PartnerInvoer invoer, KetenpartnersService s, CancellationToken ct) =>
        {
            var u = await s.OpslaanAsync(pid, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Ok((await s.HaalAsync(pid, ct))!);
        }).WithSummary("Ketenpartner wijzigen (ook actief/inactief)");
        beheer.MapPost("/{pid:int}/contracten", async Task<Results<Created<PartnerDto>, ValidationProblem, ProblemHttpResult>> (int pid, ContractInvoer invoer, KetenpartnersService s, CancellationToken ct) =>
        {
            var u = await s.ContractToevoegenAsync(pid, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Created($"/api/v1/beheer/partners/{pid}", (await s.HaalAsync(pid, ct))!);
        }).WithSummary("Contract toevoegen: onderdeel, leerroute, periode, prijs per traject of per uur");
        beheer.MapDelete("/{pid:int}/contracten/{cid:int}", async Task<Results<NoContent, ProblemHttpResult>> (int pid, int cid, KetenpartnersService s, CancellationToken ct) =>
            await s.ContractVerwijderenAsync(pid, cid, ct) ? TypedResults.NoContent() : Problemen.NietGevonden()).WithSummary("Contract verwijderen");

        api.MapGet("/wachtlijsten", async (KetenpartnersService s, CancellationToken ct) => TypedResults.Ok(await s.WachtlijstenAsync(null, ct)))
            .WithTags("Ketenpartners").RequireAuthorization(p => p.RequireRole(Rollen.Klantregisseur, Rollen.Teamleider, Rollen.FunctioneelBeheerder))
            .WithSummary("Wachtlijsten van alle ketenpartners: wachtend, mediane en langste wachttijd in dagen, lopende trajecten en bezetting");
        return api;
    }
}

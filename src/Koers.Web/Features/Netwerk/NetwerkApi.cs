using Koers.Data.Model;
using Koers.Data.Model.Groepen;
using Koers.Data.Model.Netwerk;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Netwerk;

public sealed record KaartitemDto(int Id, string Gemeente, string Naam, Kaartsoort Soort, string? Adres, string? Plaats, string? Contact, IReadOnlyList<string> Talen,
    string? Notities, bool Actief);

public sealed record KoppelingDto(Guid Id, int KaartitemId, string Naam, Kaartsoort Soort, DateOnly Datum, Koppelstatus Status, string? Toelichting);

public sealed record ActieDto(Guid Id, string Tekst, int EigenaarId, string? Eigenaar, DateOnly Deadline, bool Gedaan);

public sealed record BesprekingDto(Guid Id, Guid InburgeraarId, string Naam, string? Verslag, IReadOnlyList<ActieDto> Acties);

public sealed record DeelnemerDto(int? MedewerkerId, int? PartnerorganisatieId, string Naam);

public sealed record OverlegDto(Guid Id, string Gemeente, string Onderwerp, DateOnly Datum, TimeOnly? Aanvang, string? Locatie, IReadOnlyList<DeelnemerDto> Deelnemers,
    IReadOnlyList<BesprekingDto> Besprekingen, int NietZichtbaar);

/// <summary>One place of the sociale kaart the inburgeraar was linked to (no staff notes, no explanation written by staff).</summary>
public sealed record EigenPlaatsDto(string Naam, Kaartsoort Soort, string? Adres, string? Plaats, string? Contact, IReadOnlyList<string> Talen, Koppelstatus Status, DateOnly Sinds);

/// <summary>One session of an own group, with the inburgeraar's own attendance once recorded.</summary>
public sealed record EigenBijeenkomstDto(DateOnly Datum, TimeOnly Aanvang, TimeOnly? Einde, string? Locatie, bool Komend, Aanwezigheidsstatus? Aanwezigheid);

/// <summary>A group the inburgeraar is enrolled in now, with its sessions (past and coming).</summary>
public sealed record EigenGroepDto(string Naam, Groepssoort Soort, string Organisator, DateOnly IngeschrevenOp, int Aanwezig, int Geregistreerd, IReadOnlyList<EigenBijeenkomstDto> Bijeenkomsten);

/// <summary>What /mijn/netwerk shows: the own sociale-kaart places (not the stopped ones) and the own groups.</summary>
public sealed record EigenNetwerkDto(IReadOnlyList<EigenPlaatsDto> Plaatsen, IReadOnlyList<EigenGroepDto> Groepen);

public sealed record StatusInvoer(Koppelstatus? Status);

public sealed record VerslagInvoer(string? Verslag);

public static class NetwerkApi
{
    public static KaartitemDto Dto(Kaartitem i, string gemeente) => new(i.Id, gemeente, i.Naam, i.Soort, i.Adres, i.Plaats, i.Contact,
        i.Talen.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), i.Notities, i.Actief);

    public static KoppelingDto Dto(Kaartkoppeling k) => new(k.Id, k.KaartitemId, k.Kaartitem!.Naam, k.Kaartitem.Soort, k.Datum, k.Status, k.Toelichting);

    public static ActieDto Dto(Overlegactie a) => new(a.Id, a.Tekst, a.EigenaarId, a.Eigenaar?.Naam, a.Deadline, a.GedaanOp is not null);

    public static OverlegDto Dto(OverlegStand s) => new(s.Overleg.Id, s.Overleg.Gemeente!.Code, s.Overleg.Onderwerp, s.Overleg.Datum, s.Overleg.Aanvang, s.Overleg.Locatie,
        [.. s.Overleg.Deelnemers.Select(d => new DeelnemerDto(d.MedewerkerId, d.PartnerorganisatieId, d.Medewerker?.Naam ?? d.Partnerorganisatie?.Naam ?? "?"))],
        [.. s.Besprekingen.Select(b => new BesprekingDto(b.Id, b.InburgeraarId, b.Inburgeraar!.VolledigeNaam, b.Verslag, [.. b.Acties.OrderBy(a => a.Deadline).Select(Dto)]))],
        s.NietZichtbaar);

    public static RouteGroupBuilder MapNetwerkApi(this RouteGroupBuilder api)
    {
        var kaart = api.MapGroup("/sociale-kaart").WithTags("Sociale kaart")
            .RequireAuthorization(p => p.RequireRole(Rollen.Klantregisseur, Rollen.Teamleider, Rollen.FunctioneelBeheerder));
        kaart.MapGet("/{gemeente}", async Task<Results<Ok<List<KaartitemDto>>, ProblemHttpResult>> (string gemeente, SocialeKaartService s, CancellationToken ct) =>
            await s.KaartAsync(gemeente, ct) is { } k ? TypedResults.Ok(k.Items.Select(i => Dto(i, k.Gemeente.Code)).ToList()) : Problemen.NietGevonden())
            .WithSummary("De sociale kaart van een gemeente: taalcafés, verenigingen, bibliotheek, vrijwilligerswerk en taalmaatjes");
        kaart.MapPost("/{gemeente}", async Task<Results<Created<KaartitemDto>, ValidationProblem, ProblemHttpResult>> (string gemeente, KaartitemInvoer invoer, SocialeKaartService s, CancellationToken ct) =>
        {
            var u = await s.OpslaanAsync(gemeente, null, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            var k = (await s.KaartAsync(gemeente, ct))!;
            return TypedResults.Created($"/api/v1/sociale-kaart/{k.Gemeente.Code}/{u.Waarde}", Dto(k.Items.Single(i => i.Id == u.Waarde), k.Gemeente.Code));
        }).WithSummary("Een plek toevoegen aan de sociale kaart van de gemeente (klantregisseur of functioneel beheer)");
        kaart.MapPut("/{gemeente}/{id:int}", async Task<Results<Ok<KaartitemDto>, ValidationProblem, ProblemHttpResult>> (string gemeente, int id, KaartitemInvoer invoer, SocialeKaartService s, CancellationToken ct) =>
        {
            var u = await s.OpslaanAsync(gemeente, id, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            var k = (await s.KaartAsync(gemeente, ct))!;
            return TypedResults.Ok(Dto(k.Items.Single(i => i.Id == id), k.Gemeente.Code));
        }).WithSummary("Een plek van de sociale kaart wijzigen of op niet actief zetten");

        var dossier = api.MapGroup("/inburgeraars/{id:guid}/sociale-kaart").WithTags("Sociale kaart").RequireAuthorization(Beleid.Dossierwerk);
        dossier.MapGet("/", async Task<Results<Ok<List<KoppelingDto>>, ProblemHttpResult>> (Guid id, SocialeKaartService s, CancellationToken ct) =>
            await s.KoppelingenAsync(id, ct) is { } l ? TypedResults.Ok(l.Select(Dto).ToList()) : Problemen.NietGevonden())
            .WithSummary("Plekken van de sociale kaart die aan de inburgeraar gekoppeld zijn, met status");
        dossier.MapPost("/", async Task<Results<Created<KoppelingDto>, ValidationProblem, ProblemHttpResult>> (Guid id, KoppelingInvoer invoer, SocialeKaartService s, CancellationToken ct) =>
        {
            var u = await s.KoppelAsync(id, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            var k = (await s.KoppelingenAsync(id, ct))!.Single(x => x.Id == u.Waarde);
            return TypedResults.Created($"/api/v1/inburgeraars/{id}/sociale-kaart", Dto(k));
        }).WithSummary("Een plek van de sociale kaart van de eigen gemeente aan de inburgeraar koppelen");
        dossier.MapPut("/{kid:guid}/status", async Task<Results<Ok<Guid>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid kid, StatusInvoer invoer, SocialeKaartService s, CancellationToken ct) =>
        {
            var u = await s.StatusAsync(id, kid, invoer.Status, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Ok(u.Waarde) : Problemen.Validatie(u.Fouten);
        }).WithSummary("De status van een koppeling verder zetten: gestart of gestopt");

        var overleg = api.MapGroup("/casusoverleggen").WithTags("Casusoverleg").RequireAuthorization(Beleid.Dossierwerk);
        overleg.MapGet("/", async Task<Ok<IReadOnlyList<OverlegRegel>>> (CasusoverlegService s, CancellationToken ct) => TypedResults.Ok(await s.LijstAsync(ct)))
            .WithSummary("Casusoverleggen van de gemeenten waarvoor de gebruiker werkt, nieuwste eerst");
        overleg.MapPost("/", async Task<Results<Created<OverlegDto>, ValidationProblem, ProblemHttpResult>> (OverlegInvoer invoer, CasusoverlegService s, CancellationToken ct) =>
        {
            var u = await s.NieuwAsync(invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Created($"/api/v1/casusoverleggen/{u.Waarde}", Dto((await s.HaalAsync(u.Waarde, ct))!));
        }).WithSummary("Een casusoverleg plannen met medewerkers en ketenpartners");
        overleg.MapGet("/{oid:guid}", async Task<Results<Ok<OverlegDto>, ProblemHttpResult>> (Guid oid, CasusoverlegService s, CancellationToken ct) =>
            await s.HaalAsync(oid, ct) is { } o ? TypedResults.Ok(Dto(o)) : Problemen.NietGevonden())
            .WithSummary("Een casusoverleg met de besproken dossiers binnen het bereik van de gebruiker, verslagen en acties");
        overleg.MapPost("/{oid:guid}/besprekingen", async Task<Results<Created<Guid>, ValidationProblem, ProblemHttpResult>> (Guid oid, BesprekingInvoer invoer, CasusoverlegService s, CancellationToken ct) =>
        {
            var u = await s.BesprekingAsync(oid, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Created($"/api/v1/casusoverleggen/{oid}", u.Waarde) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Een dossier binnen het bereik van de gebruiker op de agenda zetten, met verslag");
        overleg.MapPut("/{oid:guid}/besprekingen/{bid:guid}/verslag", async Task<Results<Ok<Guid>, ValidationProblem, ProblemHttpResult>> (Guid oid, Guid bid, VerslagInvoer invoer, CasusoverlegService s, CancellationToken ct) =>
        {
            var u = await s.VerslagAsync(oid, bid, invoer.Verslag, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Ok(u.Waarde) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Het verslag van de bespreking van een dossier bijwerken");
        overleg.MapPost("/{oid:guid}/besprekingen/{bid:guid}/acties", async Task<Results<Created<Guid>, ValidationProblem, ProblemHttpResult>> (Guid oid, Guid bid, ActieInvoer invoer, CasusoverlegService s, CancellationToken ct) =>
        {
            var u = await s.ActieAsync(oid, bid, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Created($"/api/v1/casusoverleggen/{oid}", u.Waarde) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Een actie afspreken met eigenaar (deelnemer) en deadline; zij verschijnt in de werkvoorraad van de eigenaar");
        overleg.MapPost("/acties/{aid:guid}/gedaan", async Task<Results<Ok<Guid>, ValidationProblem, ProblemHttpResult>> (Guid aid, CasusoverlegService s, CancellationToken ct) =>
        {
            var u = await s.GedaanAsync(aid, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Ok(u.Waarde) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Een actie afronden; zij verdwijnt uit de werkvoorraad");

        // The portal page /mijn/netwerk as data (issue #22): only the signed-in inburgeraar's own case (the services take
        // it from the login, never from the request), both reads audited by the services. Staff and partners are refused
        // by the portal policy (403), as on the other /mijn endpoints.
        api.MapGet("/mijn/netwerk", async Task<Results<Ok<EigenNetwerkDto>, ProblemHttpResult>> (SocialeKaartService kaart, GroepenService groepen, Klok klok, CancellationToken ct) =>
            {
                if (await kaart.EigenAsync(ct) is not { } plaatsen) return Problemen.NietGevonden();
                var eigen = await groepen.EigenAsync(ct) ?? [];
                return TypedResults.Ok(new EigenNetwerkDto(
                    [.. plaatsen.Select(k => new EigenPlaatsDto(k.Kaartitem!.Naam, k.Kaartitem.Soort, k.Kaartitem.Adres, k.Kaartitem.Plaats, k.Kaartitem.Contact,
                        k.Kaartitem.Talen.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), k.Status, k.Datum))],
                    [.. eigen.Select(g => new EigenGroepDto(g.Groep.Naam, g.Groep.Soort, GroepenService.Organisator(g.Groep), g.Deelname.IngeschrevenOp, g.Aanwezig, g.Geregistreerd,
                        [.. g.Bijeenkomsten.Select(b => new EigenBijeenkomstDto(b.Bijeenkomst.Datum, b.Bijeenkomst.Aanvang, b.Bijeenkomst.Einde, b.Bijeenkomst.Locatie ?? g.Groep.Locatie,
                            b.Bijeenkomst.Datum >= klok.Vandaag, b.Status))]))]));
            })
            .WithTags("Mijn inburgering").RequireAuthorization(Beleid.Portaal)
            .Produces<EigenNetwerkDto>()
            .WithSummary("Uw eigen plekken op de sociale kaart (niet de gestopte) en de groepen waarin u bent ingeschreven, met hun bijeenkomsten; wordt gelogd")
            .WithDescription("Alleen uw eigen dossier. Per bijeenkomst: komend of geweest, en uw aanwezigheid zodra die is geregistreerd. Zonder notities of toelichting van medewerkers.");

        var partner = api.MapGroup("/partner/casusoverleggen").WithTags("Casusoverleg").RequireAuthorization(Beleid.Partner);
        partner.MapGet("/", async Task<Ok<IReadOnlyList<OverlegRegel>>> (CasusoverlegService s, CancellationToken ct) => TypedResults.Ok(await s.LijstAsync(ct)))
            .WithSummary("Casusoverleggen waaraan de eigen organisatie deelneemt");
        partner.MapGet("/{oid:guid}", async Task<Results<Ok<OverlegDto>, ProblemHttpResult>> (Guid oid, CasusoverlegService s, CancellationToken ct) =>
            await s.HaalAsync(oid, ct) is { } o ? TypedResults.Ok(Dto(o)) : Problemen.NietGevonden())
            .WithSummary("Een casusoverleg: alleen dossiers waarvoor de inburgeraar de eigen organisatie machtigde (basisgegevens en voortgang)");
        return api;
    }
}

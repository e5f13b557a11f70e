using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Sources;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Dossier;

public sealed record GemeenteRef(string Code, string Naam);
public sealed record MedewerkerRef(int Id, string Naam);
public sealed record GezinslidDto(string Naam, DateOnly? Geboortedatum, string Relatie, Guid? GekoppeldDossierId);

public sealed record InburgeraarDto(
    Guid Id, string Voornamen, string Achternaam, DateOnly Geboortedatum, string? Bsn, string? VNummer,
    string Nationaliteit, IReadOnlyList<string> Talen, Doelgroep Doelgroep, GemeenteRef Gemeente,
    MedewerkerRef? Klantregisseur, string? Telefoon, string? Email, string? Adres, string? AzcLocatie,
    bool NogNietStartklaar, Leerroute? Leerroute, Registratiebron Bron, Fase Fase,
    DateTime AangemaaktOp, DateTime GewijzigdOp, IReadOnlyList<GezinslidDto> Gezinsleden);

public sealed record InburgeraarSamenvatting(Guid Id, string Naam, DateOnly Geboortedatum, Doelgroep Doelgroep, string Gemeente, string? Klantregisseur, Fase Fase);
public sealed record Lijst<T>(int Aantal, int Pagina, int PaginaGrootte, IReadOnlyList<T> Resultaten);
public sealed record MijlpaalDto(Mijlpaal Soort, string Omschrijving, DateOnly? Datum);
public sealed record MijlpaalInvoer(DateOnly? Datum, string? Reden);

public sealed record TermijnDto(
    TermijnCode Code, string Omschrijving, TermijnSoort Soort, TermijnStatus Status, DateOnly? Startdatum,
    DateOnly? Vervaldatum, DateOnly? VoldaanOp, int? DagenResterend, string Toelichting, BronDto Bron);

public sealed record UrennormDto(string Onderdeel, int Uren, int? WaarvanPraktijk, string Toelichting, BronDto Bron);
public sealed record KlokDto(DateOnly Vandaag, Fase Fase, IReadOnlyList<TermijnDto> Termijnen, IReadOnlyList<UrennormDto> Urennormen);
public sealed record MijlpaalWijzigingDto(Mijlpaal Soort, DateOnly? OudeDatum, DateOnly? NieuweDatum, string Door, DateTime Op, string? Reden);
public sealed record TermijnWijzigingDto(TermijnCode Code, DateOnly? OudeVervaldatum, DateOnly? NieuweVervaldatum, string Aanleiding, DateTime Op);
public sealed record HistorieDto(IReadOnlyList<MijlpaalWijzigingDto> Mijlpalen, IReadOnlyList<TermijnWijzigingDto> Termijnen);

/// <summary>JSON API for case files, milestones and the legal clock under /api/v1.</summary>
public static class DossierApi
{
    public static RouteGroupBuilder MapDossierApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/inburgeraars").WithTags("Inburgeraars");

        g.MapGet("/", Lijst).WithSummary("Inburgeraars filteren en op naam zoeken (zoeken op BSN of V-nummer: POST /zoeken)");
        g.MapPost("/zoeken", (ZoekInvoer invoer, KoersDbContext db, Kern.Toegang toegang, Koers.Data.Versleuteling.BsnBescherming bescherming, CancellationToken ct) =>
                Zoek(db, toegang, bescherming, invoer.Gemeente, invoer.Fase, invoer.KlantregisseurId, invoer.Zoek, invoer.Pagina ?? 1, invoer.PaginaGrootte ?? 50, ct))
            .WithSummary("Inburgeraars zoeken, ook op BSN of V-nummer (in de body, nooit in de URL)");
        g.MapPost("/", Registreer).WithSummary("Inburgeraar handmatig registreren");
        g.MapGet("/{id:guid}", Haal).WithSummary("Eén dossier");
        g.MapPut("/{id:guid}", Wijzig).WithSummary("Persoonsgegevens wijzigen (mijlpalen via /mijlpalen)");
        g.MapGet("/{id:guid}/mijlpalen", Mijlpalen).WithSummary("Alle mijlpalen van de klantreis");
        g.MapPut("/{id:guid}/mijlpalen/{soort}", ZetMijlpaal).WithSummary("Een mijlpaaldatum zetten; datum null wist hem");
        g.MapDelete("/{id:guid}/mijlpalen/{soort}", WisMijlpaal).WithSummary("Een mijlpaaldatum wissen");
        g.MapGet("/{id:guid}/termijnen", Termijnen).WithSummary("Berekende termijnen met bron");
        g.MapGet("/{id:guid}/historie", Historie).WithSummary("Wijzigingen van mijlpalen en termijnen");

        api.MapPost("/koppelingen", Koppeling).WithTags("Inburgeraars").WithSummary("COA-koppeling registreren (maakt een dossier)");
        return api;
    }

    private static async Task<Results<Ok<Lijst<InburgeraarSamenvatting>>, ValidationProblem>> Lijst(
        KoersDbContext db, Kern.Toegang toegang, Koers.Data.Versleuteling.BsnBescherming bescherming, string? gemeente, string? fase, int? klantregisseurId, string? zoek, int pagina = 1, int paginaGrootte = 50, CancellationToken ct = default)
    {
        // A BSN or V-nummer in a query string reaches access logs and proxies: refused, so clients learn to POST it.
        if (Zoekterm.IsNummer(zoek))
        {
            return Problemen.Validatie(new() { ["zoek"] = ["Zoek op BSN of V-nummer met POST /api/v1/inburgeraars/zoeken: een BSN of V-nummer hoort niet in een URL."] });
        }

        return await Zoek(db, toegang, bescherming, gemeente, fase, klantregisseurId, zoek, pagina, paginaGrootte, ct);
    }

    private static async Task<Results<Ok<Lijst<InburgeraarSamenvatting>>, ValidationProblem>> Zoek(
        KoersDbContext db, Kern.Toegang toegang, Koers.Data.Versleuteling.BsnBescherming bescherming, string? gemeente, string? fase, int? klantregisseurId, string? zoek, int pagina, int paginaGrootte, CancellationToken ct)
    {
        var fouten = new Dictionary<string, string[]>();
        if (!Keuze.TryLees<Fase>(fase, "fase", fouten, out var faseKeuze)) return Problemen.Validatie(fouten);
        var q = await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct);
        if (!string.IsNullOrWhiteSpace(gemeente))
        {
            var code = gemeente.Trim().ToUpperInvariant();
            q = q.Where(i => i.Gemeente!.Code == code);
        }
        if (faseKeuze is { } f) q = q.Where(i => i.Fase == f);
        if (klantregisseurId is { } k) q = q.Where(i => i.KlantregisseurId == k);
        q = Zoekterm.Filter(q, zoek, bescherming);

        paginaGrootte = Math.Clamp(paginaGrootte, 1, 500);
        pagina = Math.Max(1, pagina);
        var aantal = await q.CountAsync(ct);
        var rijen = await q.OrderBy(i => i.Achternaam).ThenBy(i => i.Voornamen).ThenBy(i => i.Id)
            .Skip((pagina - 1) * paginaGrootte).Take(paginaGrootte)
            .Select(i => new InburgeraarSamenvatting(i.Id, i.Voornamen + " " + i.Achternaam, i.Geboortedatum, i.Doelgroep,
                i.Gemeente!.Naam, i.Klantregisseur != null ? i.Klantregisseur.Naam : null, i.Fase))
            .ToListAsync(ct);
        return TypedResults.Ok(new Lijst<InburgeraarSamenvatting>(aantal, pagina, paginaGrootte, rijen));
    }

    private static async Task<Results<Created<InburgeraarDto>, ValidationProblem>> Registreer(
        InburgeraarInvoer invoer, DossierService service, CancellationToken ct) =>
        await Maak(invoer, Registratiebron.Handmatig, service, ct);

    private static async Task<Results<Created<InburgeraarDto>, ValidationProblem>> Koppeling(
        InburgeraarInvoer invoer, DossierService service, CancellationToken ct) =>
        await Maak(invoer, Registratiebron.CoaKoppeling, service, ct);

    private static async Task<Results<Created<InburgeraarDto>, ValidationProblem>> Maak(
        InburgeraarInvoer invoer, Registratiebron bron, DossierService service, CancellationToken ct)
    {
        var uitkomst = await service.RegistreerAsync(invoer, bron, ct);
        if (!uitkomst.Gelukt) return Problemen.Validatie(uitkomst.Fouten);
        var dossier = await service.InzienAsync(uitkomst.Waarde, "API: antwoord op registratie", ct);
        return TypedResults.Created($"/api/v1/inburgeraars/{uitkomst.Waarde}", AlsDto(dossier!));
    }

    private static async Task<Results<Ok<InburgeraarDto>, ProblemHttpResult>> Haal(Guid id, DossierService service, CancellationToken ct)
    {
        var dossier = await service.InzienAsync(id, "API: dossier opgevraagd", ct);
        return dossier is null ? Problemen.NietGevonden() : TypedResults.Ok(AlsDto(dossier));
    }

    private static async Task<Results<Ok<InburgeraarDto>, ValidationProblem, ProblemHttpResult>> Wijzig(
        Guid id, InburgeraarInvoer invoer, DossierService service, CancellationToken ct)
    {
        var uitkomst = await service.WijzigAsync(id, invoer, ct);
        if (uitkomst.NietGevonden) return Problemen.NietGevonden();
        if (!uitkomst.Gelukt) return Problemen.Validatie(uitkomst.Fouten);
        var dossier = await service.InzienAsync(id, "API: antwoord op wijziging", ct);
        return TypedResults.Ok(AlsDto(dossier!));
    }

    private static async Task<Results<Ok<IReadOnlyList<MijlpaalDto>>, ProblemHttpResult>> Mijlpalen(Guid id, DossierService service, CancellationToken ct)
    {
        var dossier = await service.InzienAsync(id, "API: mijlpalen opgevraagd", ct);
        if (dossier is null) return Problemen.NietGevonden();
        var feiten = dossier.Feiten();
        IReadOnlyList<MijlpaalDto> lijst = MijlpaalInfo.All.Select(m => new MijlpaalDto(m, m.Omschrijving(), feiten.Datum(m))).ToList();
        return TypedResults.Ok(lijst);
    }

    private static async Task<Results<Ok<IReadOnlyList<MijlpaalDto>>, ValidationProblem, ProblemHttpResult>> ZetMijlpaal(
        Guid id, string soort, MijlpaalInvoer invoer, DossierService service, CancellationToken ct) =>
        await Zet(id, soort, invoer.Datum, invoer.Reden, service, ct);

    private static async Task<Results<Ok<IReadOnlyList<MijlpaalDto>>, ValidationProblem, ProblemHttpResult>> WisMijlpaal(
        Guid id, string soort, string? reden, DossierService service, CancellationToken ct) =>
        await Zet(id, soort, null, reden, service, ct);

    private static async Task<Results<Ok<IReadOnlyList<MijlpaalDto>>, ValidationProblem, ProblemHttpResult>> Zet(
        Guid id, string soort, DateOnly? datum, string? reden, DossierService service, CancellationToken ct)
    {
        if (!MijlpaalInfo.TryParse(soort, out var mijlpaal))
        {
            return Problemen.Validatie(new() { ["soort"] = [$"Onbekende mijlpaal '{soort}'. Kies uit: {string.Join(", ", MijlpaalInfo.All)}."] });
        }

        var uitkomst = await service.ZetMijlpalenAsync(id, new Dictionary<Mijlpaal, DateOnly?> { [mijlpaal] = datum }, reden, ct);
        if (uitkomst.NietGevonden) return Problemen.NietGevonden();
        if (!uitkomst.Gelukt) return Problemen.Validatie(uitkomst.Fouten);
        return await Mijlpalen(id, service, ct) switch
        {
            { Result: Ok<IReadOnlyList<MijlpaalDto>> ok } => ok,
            _ => Problemen.NietGevonden(),
        };
    }

    private static async Task<Results<Ok<KlokDto>, ProblemHttpResult>> Termijnen(Guid id, DossierService service, Klok klok, CancellationToken ct)
    {
        var dossier = await service.InzienAsync(id, "API: termijnen opgevraagd", ct);
        if (dossier is null) return Problemen.NietGevonden();
        return TypedResults.Ok(Klok(dossier, klok.Vandaag));
    }

    private static async Task<Results<Ok<HistorieDto>, ProblemHttpResult>> Historie(Guid id, DossierService service, KoersDbContext db, CancellationToken ct)
    {
        var dossier = await service.InzienAsync(id, "API: historie opgevraagd", ct);
        if (dossier is null) return Problemen.NietGevonden();
        var mijlpalen = await db.MijlpaalWijzigingen.AsNoTracking().Where(w => w.InburgeraarId == id).OrderBy(w => w.Id)
            .Select(w => new MijlpaalWijzigingDto(w.Soort, w.OudeDatum, w.NieuweDatum, w.Door, w.Op, w.Reden)).ToListAsync(ct);
        var termijnen = await db.TermijnWijzigingen.AsNoTracking().Where(w => w.InburgeraarId == id).OrderBy(w => w.Id)
            .Select(w => new TermijnWijzigingDto(w.Code, w.OudeVervaldatum, w.NieuweVervaldatum, w.Aanleiding, w.Op)).ToListAsync(ct);
        return TypedResults.Ok(new HistorieDto(mijlpalen, termijnen));
    }

    public static KlokDto Klok(Inburgeraar dossier, DateOnly vandaag)
    {
        var feiten = dossier.Feiten();
        var termijnen = LegalClock.Bereken(feiten, dossier.Gemeente!.Instellingen)
            .Select(t => new TermijnDto(t.Code, t.Omschrijving, t.Soort, t.Status(vandaag), t.Startdatum, t.Vervaldatum,
                t.VoldaanOp, t.DagenResterend(vandaag), t.Toelichting, BronDto.Van(t.Bron)))
            .ToList();
        var normen = LegalClock.Urennormen(feiten)
            .Select(n => new UrennormDto(n.Onderdeel, n.Uren, n.WaarvanPraktijk, n.Toelichting, BronDto.Van(n.Bron)))
            .ToList();
        return new KlokDto(vandaag, FaseBepaling.Bepaal(feiten), termijnen, normen);
    }

    public static InburgeraarDto AlsDto(Inburgeraar i) => new(
        i.Id, i.Voornamen, i.Achternaam, i.Geboortedatum, i.Bsn?.Value, i.VNummer?.Value, i.Nationaliteit, i.TalenLijst, i.Doelgroep,
        new GemeenteRef(i.Gemeente!.Code, i.Gemeente.Naam),
        i.Klantregisseur is { } k ? new MedewerkerRef(k.Id, k.Naam) : null,
        i.Telefoon, i.Email, i.Adres, i.AzcLocatie, i.NogNietStartklaar, i.Leerroute, i.Bron, i.Fase,
        i.AangemaaktOp, i.GewijzigdOp,
        i.Gezinsleden.OrderBy(g => g.Id).Select(g => new GezinslidDto(g.Naam, g.Geboortedatum, g.Relatie, g.GekoppeldDossierId)).ToList());
}

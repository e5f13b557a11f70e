using Koers.Data.Model;
using Koers.Domain.Dossier;
using Koers.Domain.Intake;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Intake;

public sealed record IntakeGesprekDto(long Id, DateOnly Datum, TolkSoort Tolk, string? Tolktaal, string? Aanwezigen, bool NoShow, string? Notities, string VastgelegdDoor);
public sealed record LeefgebiedDto(Leefgebied Leefgebied, string Titel, bool Gezondheidsgegeven, bool Volledig, IReadOnlyDictionary<string, string?> Antwoorden, string? Notities);
public sealed record DiplomaDto(long Id, string Omschrijving, string? Land, int? Jaar, Diplomawaardering Waardering, string? WaarderingUitkomst);
public sealed record OntbrekendDto(string Veld, string Melding);
public sealed record IntakeDto(DateOnly? AfgerondOp, IReadOnlyList<IntakeGesprekDto> Gesprekken, IReadOnlyList<LeefgebiedDto> Leefgebieden, IReadOnlyList<DiplomaDto> Diplomas, IReadOnlyList<OntbrekendDto> Ontbrekend);
public sealed record AfrondenInvoer(DateOnly? Datum);
public sealed record LbtDto(DateOnly? Aangemeld, DateOnly? Afgenomen, string? Afnemer, int? Score, int? CesuurVolgensDuo, bool Overgeslagen, string? RedenOverslaan,
    int? Cesuur, string? Band, LbtUitkomst Uitkomst, Leerroute? Advies, LbtBron Bron);
public sealed record VeldDefinitieDto(string Sleutel, string Label, VeldSoort Soort, bool Verplicht, IReadOnlyList<string>? Opties);
public sealed record LeefgebiedDefinitieDto(Leefgebied Leefgebied, string Titel, string Omschrijving, bool Verplicht, bool Gezondheidsgegeven, IReadOnlyList<VeldDefinitieDto> Velden);

/// <summary>API for the brede intake and the leerbaarheidstoets.</summary>
public static class IntakeApi
{
    public static RouteGroupBuilder MapIntakeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/leefgebieden", () => TypedResults.Ok(Leefgebieden.Alle.Select(d => new LeefgebiedDefinitieDto(d.Leefgebied, d.Titel, d.Omschrijving, d.Verplicht,
                d.Gezondheidsgegeven, d.Velden.Select(v => new VeldDefinitieDto(v.Sleutel, v.Label, v.Soort, v.Verplicht, v.Opties)).ToList())).ToList()))
            .WithTags("Brede intake").WithSummary("De 13 leefgebieden met hun velden");

        var g = api.MapGroup("/inburgeraars/{id:guid}").WithTags("Brede intake");
        g.MapGet("/intake", Haal).WithSummary("Stand van de brede intake");
        g.MapPost("/intake/gesprekken", async Task<Results<Created<IntakeGesprekDto>, ValidationProblem, ProblemHttpResult>> (Guid id, GesprekInvoer invoer, IntakeService intake, CancellationToken ct) =>
        {
            var u = await intake.GesprekToevoegenAsync(id, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            var stand = (await intake.HaalAsync(id, ct))!;
            return TypedResults.Created($"/api/v1/inburgeraars/{id}/intake", Dto(stand.Gesprekken.Single(x => x.Id == u.Waarde)));
        }).WithSummary("Intakegesprek vastleggen");
        g.MapPut("/intake/leefgebieden/{leefgebied}", async Task<Results<Ok<IntakeDto>, ValidationProblem, ProblemHttpResult>> (Guid id, string leefgebied, LeefgebiedInvoer invoer, IntakeService intake, CancellationToken ct) =>
        {
            var fouten = new Dictionary<string, string[]>();
            if (!Keuze.TryLees<Leefgebied>(leefgebied, "leefgebied", fouten, out var gebied) || gebied is null) return Problemen.Validatie(fouten.Count > 0 ? fouten : new() { ["leefgebied"] = ["Kies een leefgebied."] });
            var u = await intake.LeefgebiedOpslaanAsync(id, gebied.Value, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Ok(Dto((await intake.HaalAsync(id, ct))!));
        }).WithSummary("Leefgebied opslaan (concept)");
        g.MapPost("/intake/welzijnsscreening", async Task<Results<Created<Welzijn.WelzijnIdDto>, ValidationProblem, ProblemHttpResult>> (Guid id, Welzijn.ScreeningInvoer invoer, Welzijn.WelzijnService welzijn, CancellationToken ct) =>
        {
            // The brede intake's well-being screening: stored by Welzijn with the moment 'brede intake' whatever is sent.
            var u = await welzijn.IntakeScreeningAsync(id, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            return u.Gelukt ? TypedResults.Created($"/api/v1/inburgeraars/{id}/welzijn", new Welzijn.WelzijnIdDto(u.Waarde)) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Screening mentaal welbevinden bij de brede intake (signaal, soort, ernst, bron, datum); vastgelegd als welzijnsscreening met moment 'brede intake'; gezondheidsgegeven, alleen klantregisseur en teamleider");
        g.MapPost("/intake/diplomas", async Task<Results<Created<DiplomaDto>, ValidationProblem, ProblemHttpResult>> (Guid id, DiplomaInvoer invoer, IntakeService intake, CancellationToken ct) =>
        {
            var u = await intake.DiplomaToevoegenAsync(id, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            var d = (await intake.HaalAsync(id, ct))!.Diplomas.Single(x => x.Id == u.Waarde);
            return TypedResults.Created($"/api/v1/inburgeraars/{id}/intake", new DiplomaDto(d.Id, d.Omschrijving, d.Land, d.Jaar, d.Waardering, d.WaarderingUitkomst));
        }).WithSummary("Diploma toevoegen");
        g.MapPost("/intake/afronden", async Task<Results<Ok<IntakeDto>, ValidationProblem, ProblemHttpResult>> (Guid id, AfrondenInvoer invoer, IntakeService intake, CancellationToken ct) =>
        {
            var u = await intake.AfrondenAsync(id, invoer.Datum, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Ok(Dto((await intake.HaalAsync(id, ct))!));
        }).WithSummary("Brede intake afronden (alle verplichte leefgebieden ingevuld)");

        var t = api.MapGroup("/inburgeraars/{id:guid}/leerbaarheidstoets").WithTags("Leerbaarheidstoets");
        t.MapGet("/", async Task<Results<Ok<LbtDto>, ProblemHttpResult>> (Guid id, IntakeService intake, DossierService dossiers, CancellationToken ct) =>
        {
            if (await dossiers.InzienAsync(id, "API: leerbaarheidstoets opgevraagd", ct) is null) return Problemen.NietGevonden();
            var toets = (await intake.HaalAsync(id, ct))!.Toets;
            return toets is null
                ? TypedResults.Problem(statusCode: 404, title: "Nog geen leerbaarheidstoets", detail: "Voor dit dossier is nog geen leerbaarheidstoets vastgelegd.")
                : TypedResults.Ok(Dto(toets));
        });
        t.MapPut("/", async Task<Results<Ok<LbtDto>, ValidationProblem, ProblemHttpResult>> (Guid id, LbtInvoer invoer, IntakeService intake, CancellationToken ct) =>
        {
            var u = await intake.LeerbaarheidstoetsOpslaanAsync(id, invoer, ct: ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Ok(Dto((await intake.HaalAsync(id, ct))!.Toets!));
        }).WithSummary("Leerbaarheidstoets vastleggen (aanmelding, afname, score, of overgeslagen met reden)");
        return api;
    }

    private static async Task<Results<Ok<IntakeDto>, ProblemHttpResult>> Haal(Guid id, IntakeService intake, DossierService dossiers, CancellationToken ct)
    {
        if (await dossiers.InzienAsync(id, "API: brede intake opgevraagd", ct) is null) return Problemen.NietGevonden();
        return TypedResults.Ok(Dto((await intake.HaalAsync(id, ct))!));
    }

    private static IntakeGesprekDto Dto(Intakegesprek g) => new(g.Id, g.Datum, g.Tolk, g.Tolktaal, g.Aanwezigen, g.NoShow, g.Notities, g.VastgelegdDoor);

    private static IntakeDto Dto(IntakeStand s) => new(
        s.AfgerondOp,
        s.Gesprekken.Select(Dto).ToList(),
        Leefgebieden.Alle.Select(d => new LeefgebiedDto(d.Leefgebied, d.Titel, d.Gezondheidsgegeven,
            s.Leefgebieden.ContainsKey(d.Leefgebied) && !s.Ontbrekend.Any(o => o.Veld.StartsWith(d.Leefgebied + ".", StringComparison.Ordinal)),
            s.Leefgebieden.TryGetValue(d.Leefgebied, out var v) ? v.Antwoorden : new Dictionary<string, string?>(),
            s.Leefgebieden.TryGetValue(d.Leefgebied, out var w) ? w.Notities : null)).ToList(),
        s.Diplomas.Select(d => new DiplomaDto(d.Id, d.Omschrijving, d.Land, d.Jaar, d.Waardering, d.WaarderingUitkomst)).ToList(),
        s.Ontbrekend.Select(o => new OntbrekendDto(o.Veld, o.Melding)).ToList());

    public static LbtDto Dto(Data.Model.Leerbaarheidstoets t)
    {
        var f = t.Feiten();
        int? cesuur = f.Afgenomen is { } a ? LbtRegels.Cesuur(a, f.CesuurVolgensDuo) : null;
        return new LbtDto(t.Aangemeld, t.Afgenomen, t.Afnemer, t.Score, t.CesuurVolgensDuo, t.Overgeslagen, t.RedenOverslaan,
            cesuur, t.Score is { } s ? LbtRegels.Band(s) : null, LbtRegels.Uitkomst(f), LbtRegels.Advies(f), t.Bron);
    }
}

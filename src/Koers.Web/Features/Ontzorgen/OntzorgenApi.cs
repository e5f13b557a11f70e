using Koers.Data.Model.Ontzorgen;
using Koers.Domain.Ontzorgen;
using Koers.Domain.Sources;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Ontzorgen;

public sealed record BetalingDto(Guid Id, Begunstigde Soort, string? Omschrijving, string Naam, string Iban, string? Bic, string Betalingskenmerk,
    decimal BedragPerMaand, DateOnly? Vanaf, DateOnly? Tot);
public sealed record EvaluatieDto(long Id, EvaluatieSoort Soort, DateOnly Datum, bool Gehouden, string? Verslag);
public sealed record AfbouwplanDto(string? TrainingNaam, DateOnly? TrainingGepland, DateOnly? TrainingAfgerond, string? Afspraken, string? OverdrachtAan,
    IReadOnlyList<EvaluatieDto> Evaluaties);
public sealed record SchuldenDto(bool Gesignaleerd, DateOnly? Op, string? Notitie, DateOnly? AfgehandeldOp);
public sealed record SignaalDto(OntzorgenSignaalSoort Soort, string Omschrijving, DateOnly Datum, string Toelichting, BronDto Bron);
public sealed record BetaaldDto(string Maand, Guid BetalingId, Begunstigde Soort, string CrediteurNaam, decimal Bedrag, DateOnly Van, DateOnly Tot, Guid BetaalrunId, string MsgId);

public sealed record OntzorgenDto(
    Guid InburgeraarId, bool VanToepassing, string? Reden, string Gemeente, OntzorgenBenadering Benadering, OntzorgenBesluit VoorgesteldBesluit,
    DateOnly? StartBijstand, DateOnly? StandaardEinde, DateOnly? Einde, DateOnly? GestoptOp,
    OntzorgenBesluit? Besluit, string? BesluitReden, DateOnly? Besluitdatum, DateOnly? VerlengdTot,
    IReadOnlyList<BetalingDto> Betalingen, AfbouwplanDto Afbouwplan, SchuldenDto Schulden, IReadOnlyList<SignaalDto> Signalen,
    IReadOnlyList<string> Waarschuwingen, IReadOnlyList<BetaaldDto> Betaald, BronDto Bron);

public sealed record BeleidDto(string Gemeente, string Naam, OntzorgenBenadering Benadering, int OntzorgenMaanden, bool Huur, bool GasEnStroom, bool Water,
    bool Zorgverzekering, string? OverigeLasten, bool VerlengenToegestaan, string? TrainingAanbod, string DebiteurNaam, string? DebiteurIban, string? DebiteurBic,
    DateTime GewijzigdOp, string GewijzigdDoor);

public sealed record BetaalregelDto(Guid InburgeraarId, string? Naam, Guid BetalingId, Begunstigde Soort, string CrediteurNaam, string Iban, string? Bic,
    string Omschrijving, string EndToEndId, decimal Bedrag, decimal BedragPerMaand, DateOnly Van, DateOnly Tot, int Dagen, int DagenInMaand);
public sealed record OvergeslagenDto(Guid InburgeraarId, string Naam, string Reden);
public sealed record BetaalVoorstelDto(string Gemeente, string Maand, IReadOnlyList<BetaalregelDto> Nieuw, int AantalNieuw, decimal TotaalNieuw, int AlBetaald,
    decimal AlBetaaldBedrag, IReadOnlyList<OvergeslagenDto> Overgeslagen);
public sealed record BetaalrunDto(Guid Id, string Gemeente, string Maand, int Volgnummer, string MsgId, DateOnly Uitvoerdatum, int AantalTransacties,
    decimal Totaal, string Sha256, DateTime AangemaaktOp, string AangemaaktDoor, string BestandUrl, IReadOnlyList<BetaalregelDto> Regels);
public sealed record BetaalrunResultaatDto(bool Aangemaakt, string Melding, BetaalrunDto? Betaalrun, BetaalVoorstelDto Voorstel);

/// <summary>API for financieel ontzorgen: policy per municipality, the case's decision, payees and afbouwplan, payment runs and signals.</summary>
public static class OntzorgenApi
{
    public static RouteGroupBuilder MapOntzorgenApi(this RouteGroupBuilder api)
    {
        var d = api.MapGroup("/inburgeraars/{id:guid}/ontzorgen").WithTags("Ontzorgen").RequireAuthorization(Beveiliging.Beleid.Dossierwerk);
        d.MapGet("/", async Task<Results<Ok<OntzorgenDto>, ProblemHttpResult>> (Guid id, OntzorgenService ontzorgen, CancellationToken ct) =>
        {
            var stand = await ontzorgen.HaalAsync(id, "API: ontzorgen opgevraagd", ct);
            return stand is null ? Problemen.NietGevonden() : TypedResults.Ok(Dto(stand));
        }).WithSummary("Financieel ontzorgen van een dossier; voor andere doelgroepen dan asielstatushouders en nareizigers met de reden waarom niet");
        d.MapPut("/besluit", async Task<Results<Ok<OntzorgenDto>, ValidationProblem, ProblemHttpResult>> (Guid id, BesluitInvoer invoer, OntzorgenService ontzorgen, CancellationToken ct) =>
            await Antwoord(id, await ontzorgen.BesluitAsync(id, invoer, ct), ontzorgen, ct))
            .WithSummary("Besluit vastleggen: toepassen, afzien (met reden) of verlengen (met reden en nieuwe einddatum)");
        d.MapPost("/brieven/{briefId:guid}/verzending", async Task<Results<Ok<OntzorgenDto>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid briefId, Pip.VerzendingInvoer invoer, OntzorgenService ontzorgen, CancellationToken ct) =>
            await Antwoord(id, await ontzorgen.VerzendingAsync(id, briefId, invoer, ct), ontzorgen, ct))
            .WithSummary("Verzenddatum van een besluitbrief vastleggen (eenmalig); daarna noemen scherm en portaal de laatste dag voor bezwaar");
        d.MapPost("/betalingen", async Task<Results<Created<BetalingDto>, ValidationProblem, ProblemHttpResult>> (Guid id, BetalingInvoer invoer, OntzorgenService ontzorgen, CancellationToken ct) =>
        {
            var u = await ontzorgen.BetalingToevoegenAsync(id, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            var stand = (await ontzorgen.HaalAsync(id, "API: ontvanger toegevoegd", ct))!;
            return TypedResults.Created($"/api/v1/inburgeraars/{id}/ontzorgen", Dto(stand.Betalingen.Single(b => b.Id == u.Waarde)));
        }).WithSummary("Ontvanger toevoegen (IBAN met modulus-97-controle, bedrag per maand)");
        d.MapPut("/betalingen/{betalingId:guid}", async Task<Results<Ok<OntzorgenDto>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid betalingId, BetalingInvoer invoer, OntzorgenService ontzorgen, CancellationToken ct) =>
            await Antwoord(id, await ontzorgen.BetalingWijzigenAsync(id, betalingId, invoer, ct), ontzorgen, ct))
            .WithSummary("Ontvanger wijzigen");
        d.MapDelete("/betalingen/{betalingId:guid}", async Task<Results<Ok<OntzorgenDto>, ValidationProblem, ProblemHttpResult>> (Guid id, Guid betalingId, OntzorgenService ontzorgen, CancellationToken ct) =>
            await Antwoord(id, await ontzorgen.BetalingVerwijderenAsync(id, betalingId, ct), ontzorgen, ct))
            .WithSummary("Ontvanger verwijderen (betaalde maanden blijven in de historie)");
        d.MapPut("/afbouwplan", async Task<Results<Ok<OntzorgenDto>, ValidationProblem, ProblemHttpResult>> (Guid id, AfbouwplanInvoer invoer, OntzorgenService ontzorgen, CancellationToken ct) =>
            await Antwoord(id, await ontzorgen.AfbouwplanAsync(id, invoer, ct), ontzorgen, ct))
            .WithSummary("Afbouwplan: training financiële zelfredzaamheid, afspraken, overdracht en evaluatiemomenten");
        d.MapPost("/afbouwplan/standaardevaluaties", async Task<Results<Ok<OntzorgenDto>, ValidationProblem, ProblemHttpResult>> (Guid id, OntzorgenService ontzorgen, CancellationToken ct) =>
        {
            var u = await ontzorgen.EvaluatiesInplannenAsync(id, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Ok(Dto((await ontzorgen.HaalAsync(id, "API: evaluaties ingepland", ct))!));
        }).WithSummary("De standaard evaluatiemomenten inplannen (tussenevaluatie, eindevaluatie, uitstroomgesprek)");
        d.MapPut("/schulden", async Task<Results<Ok<OntzorgenDto>, ValidationProblem, ProblemHttpResult>> (Guid id, SchuldenInvoer invoer, OntzorgenService ontzorgen, CancellationToken ct) =>
            await Antwoord(id, await ontzorgen.SchuldenAsync(id, invoer, ct), ontzorgen, ct))
            .WithSummary("Schulden gesignaleerd (met datum en notitie), of het signaal afhandelen");

        var o = api.MapGroup("/ontzorgen").WithTags("Ontzorgen").RequireAuthorization(Beveiliging.Beleid.Dossierwerk);
        var b = api.MapGroup("/ontzorgen").WithTags("Ontzorgen").RequireAuthorization(Beveiliging.Beleid.Beheer);
        b.MapGet("/beleid/{gemeente}", async Task<Results<Ok<BeleidDto>, ProblemHttpResult>> (string gemeente, OntzorgenBeleidService beleid, CancellationToken ct) =>
            await beleid.HaalAsync(gemeente, ct) is { } gevonden ? TypedResults.Ok(Dto(gevonden.Gemeente, gevonden.Beleid)) : GemeenteOnbekend(gemeente))
            .WithSummary("Beleid financieel ontzorgen van een gemeente (standaard als het nog niet is ingesteld)");
        b.MapPut("/beleid/{gemeente}", async Task<Results<Ok<BeleidDto>, ValidationProblem, ProblemHttpResult>> (string gemeente, BeleidInvoer invoer, OntzorgenBeleidService beleid, CancellationToken ct) =>
        {
            var u = await beleid.OpslaanAsync(gemeente, invoer, ct);
            if (u.NietGevonden) return GemeenteOnbekend(gemeente);
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            var (g, b) = (await beleid.HaalAsync(gemeente, ct))!.Value;
            return TypedResults.Ok(Dto(g, b));
        }).WithSummary("Beleid wijzigen: ja/nee tenzij, standaardduur, vaste lasten, verlengen, training, rekening van de gemeente");

        o.MapGet("/signalen", async Task<Results<Ok<IReadOnlyList<OntzorgenSignaalRegel>>, ValidationProblem>> (string? gemeente, int? klantregisseurId, int? teamId, OntzorgenSignalenQuery query,
            OntzorgenBeleidService beleid, Klok klok, CancellationToken ct) =>
        {
            if (!string.IsNullOrWhiteSpace(gemeente) && (await beleid.GemeentenAsync(ct)).All(g => !string.Equals(g.Code, gemeente.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                return Problemen.Validatie(new() { ["gemeente"] = [$"Onbekende gemeente '{gemeente.Trim()}'. Gebruik een CBS-code, bijvoorbeeld GM1724."] });
            }

            return TypedResults.Ok(await query.HaalAsync(new Werkvoorraad.Dossierselectie(gemeente, klantregisseurId, teamId), klok.Vandaag, ct));
        }).WithSummary("Signalen: ontzorgen eindigt binnen 4 weken, verlenging beoordelen, schulden gesignaleerd (optioneel per gemeente, klantregisseur of team)");

        o.MapGet("/betaalruns", async (string? gemeente, BetaalrunService runs, CancellationToken ct) =>
                TypedResults.Ok((await runs.LijstAsync(gemeente, ct)).Select(r => Dto(r, [], null)).ToList()))
            .WithSummary("Betaalruns, nieuwste eerst (zonder regels)");
        o.MapGet("/betaalruns/voorstel", async Task<Results<Ok<BetaalVoorstelDto>, ValidationProblem>> (string? gemeente, string? maand, BetaalrunService runs, CancellationToken ct) =>
        {
            var u = await runs.VoorstelAsync(gemeente, maand, ct);
            return u.Gelukt ? TypedResults.Ok(Dto(u.Waarde!)) : Problemen.Validatie(u.Fouten);
        }).WithSummary("Wat een betaalrun voor deze maand nu zou betalen (er wordt niets opgeslagen)");
        o.MapPost("/betaalruns", async Task<Results<Created<BetaalrunResultaatDto>, Ok<BetaalrunResultaatDto>, ValidationProblem>> (BetaalrunInvoer invoer, BetaalrunService runs, CancellationToken ct) =>
        {
            var u = await runs.UitvoerenAsync(invoer, ct);
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            var uitkomst = u.Waarde!;
            if (uitkomst.BetaalrunId is not { } runId) return TypedResults.Ok(new BetaalrunResultaatDto(false, uitkomst.Melding, null, Dto(uitkomst.Voorstel)));
            var (run, namen) = (await runs.HaalAsync(runId, ct: ct))!.Value;
            var dto = Dto(run, run.Regels, namen);
            return TypedResults.Created($"/api/v1/ontzorgen/betaalruns/{runId}", new BetaalrunResultaatDto(true, uitkomst.Melding, dto, Dto(uitkomst.Voorstel)));
        }).WithSummary("Betaalrun maken voor een maand; betaalt alleen wat nog niet betaald is. Niets nieuws: 200 zonder bestand");
        o.MapGet("/betaalruns/{runId:guid}", async Task<Results<Ok<BetaalrunDto>, ProblemHttpResult>> (Guid runId, BetaalrunService runs, CancellationToken ct) =>
            await runs.HaalAsync(runId, "API: ontzorgen", ct) is { } gevonden ? TypedResults.Ok(Dto(gevonden.Run, gevonden.Run.Regels, gevonden.Namen)) : RunOnbekend())
            .WithSummary("Eén betaalrun met regels en totalen");
        o.MapGet("/betaalruns/{runId:guid}/pain001", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid runId, BetaalrunService runs, CancellationToken ct) =>
            await runs.BestandAsync(runId, ct) is { } run ? TypedResults.File(run.Xml, "application/xml", $"{run.MsgId}.xml") : RunOnbekend())
            .WithSummary("Het SEPA-betaalbestand (ISO 20022 pain.001.001.03)");
        return api;
    }

    private static async Task<Results<Ok<OntzorgenDto>, ValidationProblem, ProblemHttpResult>> Antwoord(Guid id, Uitkomst<Guid> u, OntzorgenService ontzorgen, CancellationToken ct)
    {
        if (u.NietGevonden) return Problemen.NietGevonden();
        if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
        return TypedResults.Ok(Dto((await ontzorgen.HaalAsync(id, "API: ontzorgen na wijziging", ct))!));
    }

    private static ProblemHttpResult GemeenteOnbekend(string code) =>
        TypedResults.Problem(statusCode: 404, title: "Gemeente niet gevonden", detail: $"Er is geen gemeente met code '{code}' ingericht in Koers.");

    private static ProblemHttpResult RunOnbekend() =>
        TypedResults.Problem(statusCode: 404, title: "Betaalrun niet gevonden", detail: "Er is geen betaalrun met deze id.");

    internal static OntzorgenDto Dto(OntzorgenStand s)
    {
        var o = s.Ontzorging;
        return new OntzorgenDto(
            s.Dossier.Id, s.VanToepassing, s.NietVanToepassing, s.Dossier.Gemeente!.Code, s.Beleid.Benadering, s.VoorgesteldBesluit,
            s.StartBijstand, s.StandaardEinde, s.Periode?.Einde, s.Periode?.GestoptOp,
            o?.Besluit, o?.Reden, o?.Besluitdatum, o?.VerlengdTot,
            s.Betalingen.Select(Dto).ToList(),
            new AfbouwplanDto(o?.TrainingNaam, o?.TrainingGepland, o?.TrainingAfgerond, o?.Afspraken, o?.OverdrachtAan,
                s.Evaluaties.Select(e => new EvaluatieDto(e.Id, e.Soort, e.Datum, e.Gehouden, e.Verslag)).ToList()),
            new SchuldenDto(o?.SchuldenGesignaleerd ?? false, o?.SchuldenOp, o?.SchuldenNotitie, o?.SchuldenAfgehandeldOp),
            s.Signalen.Select(x => new SignaalDto(x.Soort, x.Soort.Omschrijving(), x.Datum, x.Toelichting, BronDto.Van(x.Bron))).ToList(),
            s.Waarschuwingen,
            s.Betaald.Select(b => new BetaaldDto(OntzorgenWeergave.MaandCode(b.Maand), b.BetalingId, b.Soort, b.CrediteurNaam, b.Bedrag, b.Van, b.Tot, b.BetaalrunId, b.MsgId)).ToList(),
            BronDto.Van(s.VanToepassing ? Bron.OntzorgenParticipatiewet : Bron.OntzorgenDoelgroep));
    }

    private static BetalingDto Dto(OntzorgenBetaling b) =>
        new(b.Id, b.Soort, b.Omschrijving, b.Naam, b.Iban, b.Bic, b.Betalingskenmerk, b.BedragPerMaand, b.Vanaf, b.Tot);

    private static BeleidDto Dto(Data.Model.Gemeente g, OntzorgenBeleid b) =>
        new(g.Code, g.Naam, b.Benadering, g.OntzorgenMaanden, b.Huur, b.GasEnStroom, b.Water, b.Zorgverzekering, b.OverigeLasten, b.VerlengenToegestaan,
            b.TrainingAanbod, b.DebiteurNaam, b.DebiteurIban, b.DebiteurBic, b.GewijzigdOp, b.GewijzigdDoor);

    private static BetaalregelDto Dto(Betaalregel r, IReadOnlyDictionary<Guid, string>? namen) =>
        new(r.InburgeraarId, namen?.GetValueOrDefault(r.InburgeraarId), r.BetalingId, r.Soort, r.CrediteurNaam, r.Iban, r.Bic, r.Omschrijving, r.EndToEndId,
            r.Bedrag, r.BedragPerMaand, r.Van, r.Tot, r.Dagen, r.DagenInMaand);

    private static BetaalrunDto Dto(Betaalrun r, IEnumerable<Betaalregel> regels, IReadOnlyDictionary<Guid, string>? namen) =>
        new(r.Id, r.Gemeente!.Code, OntzorgenWeergave.MaandCode(r.Maand), r.Volgnummer, r.MsgId, r.Uitvoerdatum, r.AantalTransacties, r.Totaal, r.Sha256,
            r.AangemaaktOp, r.AangemaaktDoor, $"/api/v1/ontzorgen/betaalruns/{r.Id}/pain001", regels.Select(x => Dto(x, namen)).ToList());

    private static BetaalVoorstelDto Dto(BetaalVoorstel v) =>
        new(v.Gemeente.Code, OntzorgenWeergave.MaandCode(v.Maand),
            v.Nieuw.Select(r => new BetaalregelDto(r.InburgeraarId, r.Naam, r.BetalingId, r.Soort, r.CrediteurNaam, r.Iban, r.Bic, r.Omschrijving, r.EndToEndId,
                r.Deel.Bedrag, r.BedragPerMaand, r.Deel.Van, r.Deel.Tot, r.Deel.Dagen, r.Deel.DagenInMaand)).ToList(),
            v.Nieuw.Count, v.TotaalNieuw, v.AlBetaald, v.AlBetaaldBedrag,
            v.Overgeslagen.Select(x => new OvergeslagenDto(x.InburgeraarId, x.Naam, x.Reden)).ToList());
}

using Koers.Data.Model;
using Koers.Domain.Participatie;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Dossier;
using Koers.Web.Features.Monitor;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Participatie;

public sealed record MeetmomentDto(int Maanden, string Omschrijving, DateOnly? Datum, DateOnly? OpenTot, MeetmomentStatus Status, BronDto Bron);
/// <param name="Tekst">The question as the measurement's own version asked it (a later change or removal does not rewrite it).</param>
/// <param name="Keuze">For an own meerkeuze question: the option code chosen (Waarde is then 0); Antwoord is its Dutch label in that version.</param>
public sealed record AntwoordDto(string Vraag, Participatiedomein Domein, int Waarde, string Antwoord, string Tekst, bool Eigen, string? Keuze = null);
public sealed record MetingDto(Guid Id, int Maanden, DateOnly Datum, Invulwijze Invulwijze, string? Taal, string Versie, string VastgelegdDoor, DateTime VastgelegdOp,
    IReadOnlyList<AntwoordDto> Antwoorden);
public sealed record LadderscoreDto(Guid Id, DateOnly Datum, int Trede, string TredeNaam, Beweging Beweging, int? VorigeTrede, Guid? Voortgangsgesprek, string? Toelichting,
    string VastgelegdDoor, BronDto Bron);
public sealed record TredeDto(int Niveau, string Naam);
public sealed record OptieDto(int Waarde, string Tekst);
/// <param name="Code">What is sent and stored as the answer (keuzes in a measurement).</param>
/// <param name="Tekst">The label in the language asked for, or the Dutch label (Vertaald false).</param>
/// <param name="Teksten">The label per language: nl always, plus the translations.</param>
public sealed record KeuzeDto(string Code, string Tekst, bool Vertaald, IReadOnlyDictionary<string, string> Teksten);
/// <param name="Opties">The options of a scale question (jaNee, eens5); empty for meerkeuze.</param>
/// <param name="Keuzes">The municipality's own options of a meerkeuze question, in order; empty for a scale.</param>
public sealed record VraagDto(string Code, Participatiedomein Domein, Antwoordschaal Schaal, string Tekst, bool Vertaald, IReadOnlyList<OptieDto> Opties, BronDto Bron,
    bool Eigen, IReadOnlyDictionary<string, string> Teksten, IReadOnlyList<KeuzeDto> Keuzes);
public sealed record VersieDto(int Nummer, string Code, DateTime VastgesteldOp, string VastgesteldDoor, string Wijziging, IReadOnlyList<VraagDto> Vragen);
public sealed record InrichtingDto(string Gemeente, string Naam, Meetanker Anker, IReadOnlyList<int> Maanden, bool Standaard, string Versie, IReadOnlyList<VraagDto> Vragen,
    IReadOnlyList<string> UitgezetteVragen, IReadOnlyList<TredeDto> Ladder, string Grondslag);
public sealed record ParticipatieDto(Guid InburgeraarId, Meetanker Anker, IReadOnlyList<MeetmomentDto> Momenten, IReadOnlyList<MetingDto> Metingen,
    IReadOnlyList<LadderscoreDto> Ladderscores, IReadOnlyList<TredeDto> Ladder, string Grondslag);
public sealed record OpenMetingDto(Guid InburgeraarId, string Naam, string Gemeente, string? Klantregisseur, int Maanden, DateOnly Datum, DateOnly OpenTot);
public sealed record PortaalVragenlijstDto(MeetmomentDto? Open, string Taal, IReadOnlyList<VraagDto> Vragen, IReadOnlyList<int> Ingevuld);
public sealed record IdDto(Guid Id);

/// <summary>
/// API for participation monitoring: a case's questionnaires and ladder scores (case workers of the municipality), the
/// questionnaires due (worklist), the settings per municipality (functioneel beheer), the inburgeraar's own
/// questionnaire (portal) and the cohort figures (monitor). Chain partners have no access to any of it.
/// </summary>
public static class ParticipatieApi
{
    public static RouteGroupBuilder MapParticipatieApi(this RouteGroupBuilder api)
    {
        var d = api.MapGroup("/inburgeraars/{id:guid}/participatie").WithTags("Participatie").RequireAuthorization(Beleid.Dossierwerk);
        d.MapGet("", async Task<Results<Ok<ParticipatieDto>, ProblemHttpResult>> (Guid id, ParticipatieService service, CancellationToken ct) =>
                await service.HaalAsync(id, "API: participatie opgevraagd", ct) is { } s ? TypedResults.Ok(Dto(s)) : Problemen.NietGevonden())
            .WithSummary("Meetmomenten, ingevulde participatievragenlijsten en scores op de participatieladder (met beweging); wordt gelogd");
        d.MapPost("/metingen", async Task<Results<Created<IdDto>, ValidationProblem, ProblemHttpResult>> (Guid id, MetingInvoer invoer, ParticipatieService service, CancellationToken ct) =>
                Gemaakt(id, await service.GesprekAsync(id, invoer, ct)))
            .WithSummary("Een participatievragenlijst vastleggen die in een gesprek is ingevuld (antwoorden per vraagcode; leeg = niet beantwoord)")
            .WithDescription("antwoorden: vraagcode → waarde op de schaal; keuzes: vraagcode → code van een antwoord van een eigen meerkeuzevraag. Een code die geen antwoord van de huidige versie is, wordt geweigerd.");
        d.MapPost("/ladder", async Task<Results<Created<IdDto>, ValidationProblem, ProblemHttpResult>> (Guid id, LadderInvoer invoer, ParticipatieService service, CancellationToken ct) =>
                Gemaakt(id, await service.LadderAsync(id, invoer, ct)))
            .WithSummary("Een score op de participatieladder vastleggen, bij een gehouden voortgangsgesprek of op een eigen datum");

        api.MapGet("/participatie/open", async (string? gemeente, int? klantregisseurId, int? teamId, ParticipatieService service, CancellationToken ct) =>
                TypedResults.Ok((await service.OpenAsync(new Werkvoorraad.Dossierselectie(gemeente, klantregisseurId, teamId), ct))
                    .Select(o => new OpenMetingDto(o.InburgeraarId, o.Naam, o.Gemeente, o.Klantregisseur, o.Moment.Maanden, o.Moment.Datum!.Value, o.Moment.OpenTot!.Value)).ToList()))
            .WithTags("Participatie").RequireAuthorization(Beleid.Dossierwerk)
            .WithSummary("Dossiers binnen bereik met een participatievragenlijst die nu openstaat (werkvoorraad)");

        var b = api.MapGroup("/beheer/participatie").WithTags("Participatie: inrichting").RequireAuthorization(Beleid.Beheer);
        b.MapGet("/{gemeente}", async Task<Results<Ok<InrichtingDto>, ProblemHttpResult>> (string gemeente, ParticipatieService service, CancellationToken ct) =>
                await service.InrichtingAsync(gemeente, ct) is { } i ? TypedResults.Ok(Dto(i)) : Onbekend(gemeente))
            .WithSummary("De participatiemonitor van een gemeente: ankermoment, meetmomenten, vragen en participatieladder");
        b.MapPut("/{gemeente}", async Task<Results<Ok<InrichtingDto>, ValidationProblem, ProblemHttpResult>> (string gemeente, InstellingenInvoer invoer, ParticipatieService service, CancellationToken ct) =>
            {
                var u = await service.InrichtingOpslaanAsync(gemeente, invoer, ct);
                if (u.NietGevonden) return Onbekend(gemeente);
                if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
                return TypedResults.Ok(Dto((await service.InrichtingAsync(gemeente, ct))!));
            })
            .WithSummary("Ankermoment, meetmomenten (maanden), de vragen die aan staan en de treden van de ladder (laagste eerst) opslaan; wordt gelogd")
            .WithDescription("Aan- of uitzetten van vragen maakt een nieuwe versie van de vragenlijst; eigen vragen blijven staan.");
        b.MapPost("/{gemeente}/vragen", async Task<Results<Created<VraagDto>, ValidationProblem, ProblemHttpResult>> (string gemeente, EigenVraagInvoer invoer, ParticipatieService service, CancellationToken ct) =>
            {
                var u = await service.EigenVraagAsync(gemeente, null, invoer, ct);
                if (u.NietGevonden) return Onbekend(gemeente);
                if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
                var vraag = (await service.InrichtingAsync(gemeente, ct))!.Vragenlijst.Zoek(u.Waarde!)!;
                return TypedResults.Created($"/api/v1/beheer/participatie/{gemeente}/vragen/{vraag.Code}", Dto(vraag, "nl"));
            })
            .WithSummary("Een eigen vraag toevoegen aan een domein (Nederlandse tekst, schaal jaNee, eens5 of meerkeuze met eigen antwoorden, vertalingen per portaaltaal); maakt een nieuwe versie")
            .WithDescription("vertalingen: en, ar, fa, ti, tr, uk. Zonder vertaling toont het portaal de Nederlandse tekst met de melding dat de vraag alleen in het Nederlands is. " +
                "Bij schaal meerkeuze: opties, 2 tot en met 10, elk met code (kleine letters, cijfers, streepjes; uniek), nl en vertalingen per portaaltaal. Het antwoord is de code.");
        b.MapPut("/{gemeente}/vragen/{code}", async Task<Results<Ok<VraagDto>, ValidationProblem, ProblemHttpResult>> (string gemeente, string code, EigenVraagInvoer invoer, ParticipatieService service, CancellationToken ct) =>
            {
                var u = await service.EigenVraagAsync(gemeente, code, invoer, ct);
                if (u.NietGevonden) return OnbekendeVraag(gemeente, code);
                if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
                return TypedResults.Ok(Dto((await service.InrichtingAsync(gemeente, ct))!.Vragenlijst.Zoek(u.Waarde!)!, "nl"));
            })
            .WithSummary("Een eigen vraag wijzigen, ook haar meerkeuzeantwoorden; maakt een nieuwe versie (eerdere metingen houden de oude tekst en antwoorden)");
        b.MapDelete("/{gemeente}/vragen/{code}", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (string gemeente, string code, ParticipatieService service, CancellationToken ct) =>
            {
                var u = await service.EigenVraagVerwijderenAsync(gemeente, code, ct);
                if (u.NietGevonden) return OnbekendeVraag(gemeente, code);
                return u.Gelukt ? TypedResults.NoContent() : Problemen.Validatie(u.Fouten);
            })
            .WithSummary("Een eigen vraag verwijderen; maakt een nieuwe versie (eerdere metingen houden de vraag met haar tekst)");
        b.MapGet("/{gemeente}/versies", async Task<Results<Ok<List<VersieDto>>, ProblemHttpResult>> (string gemeente, ParticipatieService service, CancellationToken ct) =>
                await service.VersiesAsync(gemeente, ct) is { } versies
                    ? TypedResults.Ok(versies.Select(v => new VersieDto(v.Nummer, v.Code, v.VastgesteldOp, v.VastgesteldDoor, v.Wijziging, v.Vragenlijst.Vragen.Select(q => Dto(q, "nl")).ToList())).ToList())
                    : Onbekend(gemeente))
            .WithSummary("De versies van de vragenlijst van een gemeente, nieuwste eerst: nummer, code (zoals een meting die bewaart), datum, door wie, wat er veranderde en de vragen");

        var p = api.MapGroup("/mijn/participatie").WithTags("Mijn inburgering").RequireAuthorization(Beleid.Portaal);
        p.MapGet("", async Task<Results<Ok<PortaalVragenlijstDto>, ProblemHttpResult>> (string? taal, ParticipatieService service, CancellationToken ct) =>
            {
                var t = Kern.Talen.Bestaat(taal) ? taal! : "nl";
                return await service.EigenAsync(ct) is { } e
                    ? TypedResults.Ok(new PortaalVragenlijstDto(e.Open is { } o ? Dto(o) : null, t, e.Vragenlijst.Vragen.Select(v => Dto(v, t)).ToList(), e.Eerder.Select(m => m.Maanden).ToList()))
                    : Problemen.NietGevonden();
            })
            .WithSummary("De participatievragenlijst die nu voor u openstaat, in uw taal (taal=nl, en, ar, fa, ti, tr, uk; zonder vertaling in het Nederlands)");
        p.MapPost("", async Task<Results<Created<IdDto>, ValidationProblem, ProblemHttpResult>> (string? taal, MetingInvoer invoer, ParticipatieService service, CancellationToken ct) =>
            {
                var u = await service.PortaalAsync(invoer, Kern.Talen.Bestaat(taal) ? taal! : "nl", ct);
                if (u.NietGevonden) return Problemen.NietGevonden();
                return u.Gelukt ? TypedResults.Created("/api/v1/mijn/participatie", new IdDto(u.Waarde)) : Problemen.Validatie(u.Fouten);
            })
            .WithSummary("Uw antwoorden op de open participatievragenlijst versturen (antwoorden per vraagcode; keuzes: de code van uw antwoord op een meerkeuzevraag)");

        api.MapGet("/monitor/participatie", async ([AsParameters] MonitorVraag vraag, string? leerroute, MonitorLezer lezer, ParticipatieMonitor monitor, KleineAantallenBeleid beleid, CancellationToken ct) =>
            {
                var (filter, fouten) = await lezer.LeesAsync(vraag, ct);
                Keuze.TryLees<Koers.Domain.Dossier.Leerroute>(leerroute, "leerroute", fouten, out var route, r => Koers.Domain.Dossier.DoelgroepRegels.Omschrijving(r), metCodes: true);
                MonitorFilter.WeigerLeerroute(leerroute, !beleid.MagDoorklikken, fouten);
                if (filter is null || fouten.Count > 0) return (IResult)Problemen.Validatie(fouten);
                return TypedResults.Ok(await monitor.BouwAsync(filter, route, ct));
            })
            .WithTags("Monitor").RequireAuthorization(Beleid.Monitor)
            .Produces<ParticipatieRapport>()
            .ProducesValidationProblem()
            .WithSummary("Participatiemonitor per cohort (brede intake in de periode): participatie per meetmoment en domein, en de participatieladder")
            .WithDescription("Aantallen van 1 tot en met 4 staan er als \"<5\" (waarde null, verborgen true); afgeleide percentages worden meeverborgen. " +
                "Een groter aantal staat er als \"x\" als er anders een klein aantal uit terug te rekenen is, ook een verschil dat niet in de tabel staat " +
                "(ingevuld min positief per domein, ingevuld min gekozen antwoorden bij een meerkeuzevraag, cohort min ingevuld).");
        api.MapGet("/monitor/participatie/csv", async ([AsParameters] MonitorVraag vraag, string? leerroute, MonitorLezer lezer, ParticipatieMonitor monitor, KleineAantallenBeleid beleid, CancellationToken ct) =>
            {
                var (filter, fouten) = await lezer.LeesAsync(vraag, ct);
                Keuze.TryLees<Koers.Domain.Dossier.Leerroute>(leerroute, "leerroute", fouten, out var route, r => Koers.Domain.Dossier.DoelgroepRegels.Omschrijving(r), metCodes: true);
                MonitorFilter.WeigerLeerroute(leerroute, !beleid.MagDoorklikken, fouten);
                if (filter is null || fouten.Count > 0) return (IResult)Problemen.Validatie(fouten);
                var rapport = await monitor.BouwAsync(filter, route, ct);
                var naam = $"koers-participatiemonitor-{filter.GemeenteCode ?? "regio"}-{filter.Periode.Van:yyyyMMdd}-{filter.Periode.Tot:yyyyMMdd}.csv";
                return TypedResults.File(TabelExport.Csv(rapport.Export()), TabelExport.CsvType, naam);
            })
            .WithTags("Monitor").RequireAuthorization(Beleid.Monitor)
            .Produces(200, contentType: TabelExport.CsvType)
            .ProducesValidationProblem()
            .WithSummary("De participatiemonitor als CSV: dezelfde cijfers als het scherm, met dezelfde verborgen kleine aantallen")
            .WithDescription("Puntkomma's, decimale komma, UTF-8 met BOM. Eerst de omvang van het cohort, dan de tabellen.");
        return api;
    }

    private static ProblemHttpResult OnbekendeVraag(string gemeente, string code) =>
        TypedResults.Problem(statusCode: 404, title: "Vraag niet gevonden", detail: $"Gemeente '{gemeente}' heeft geen eigen vraag '{code}', of u mag haar niet beheren.");

    private static Results<Created<IdDto>, ValidationProblem, ProblemHttpResult> Gemaakt(Guid id, Uitkomst<Guid> u)
    {
        if (u.NietGevonden) return Problemen.NietGevonden();
        return u.Gelukt ? TypedResults.Created($"/api/v1/inburgeraars/{id}/participatie", new IdDto(u.Waarde)) : Problemen.Validatie(u.Fouten);
    }

    private static ProblemHttpResult Onbekend(string code) =>
        TypedResults.Problem(statusCode: 404, title: "Gemeente niet gevonden", detail: $"Er is geen gemeente met code '{code}', of u mag haar niet beheren.");

    public static MeetmomentDto Dto(Meetmoment m) => new(m.Maanden, m.Omschrijving, m.Datum, m.OpenTot, m.Status, BronDto.Van(m.Bron));

    public static VraagDto Dto(Vraag v, string taal)
    {
        var (tekst, vertaald) = v.Tekst(taal);
        return new(v.Code, v.Domein, v.Schaal, tekst, vertaald, v.Opties.Select(o => new OptieDto(o.Waarde, o.Tekst(taal))).ToList(), BronDto.Van(v.Bron),
            v.Eigen, v.Teksten, v.Keuzes.Select(k =>
            {
                var (label, labelVertaald) = k.Tekst(taal);
                return new KeuzeDto(k.Code, label, labelVertaald, k.Teksten);
            }).ToList());
    }

    public static InrichtingDto Dto(Inrichting i) => new(i.Gemeente.Code, i.Gemeente.Naam, i.Instellingen.Anker, i.Instellingen.Maanden, i.Standaard, i.Vragenlijst.Versie,
        i.Vragenlijst.Vragen.Select(v => Dto(v, "nl")).ToList(), i.Instellingen.UitgezetteVragen, i.Ladder.Select(t => new TredeDto(t.Niveau, t.Naam)).ToList(),
        BronParticipatie.GeenWettelijkeBasis);

    public static ParticipatieDto Dto(ParticipatieStand s) => new(
        s.Dossier.Id,
        s.Inrichting.Instellingen.Anker,
        s.Momenten.Select(Dto).ToList(),
        s.Metingen.Select(m => new MetingDto(m.Id, m.Maanden, m.Datum, m.Invulwijze, m.Taal, m.Versie, m.VastgelegdDoor, m.VastgelegdOp,
            m.Antwoorden.Select(a => s.VragenVan(m).Zoek(a.VraagCode) is { } v
                ? new AntwoordDto(a.VraagCode, v.Domein, a.Waarde, a.Keuze is { } k ? v.Keuze(k)?.Teksten["nl"] ?? k : v.Opties.FirstOrDefault(o => o.Waarde == a.Waarde)?.Nl ?? "",
                    v.Teksten["nl"], v.Eigen, a.Keuze)
                : null).OfType<AntwoordDto>().ToList())).ToList(),
        s.Ladderscores.Select(r => new LadderscoreDto(r.Score.Id, r.Score.Datum, r.Score.Trede, r.Score.TredeNaam, r.Beweging.Beweging, r.Beweging.Van,
            r.Score.VoortgangsgesprekId, r.Score.Toelichting, r.Score.VastgelegdDoor, BronDto.Van(r.Beweging.Bron))).ToList(),
        s.Inrichting.Ladder.Select(t => new TredeDto(t.Niveau, t.Naam)).ToList(),
        BronParticipatie.GeenWettelijkeBasis);
}

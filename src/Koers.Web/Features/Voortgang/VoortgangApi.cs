using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Voortgang;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Voortgang;

public sealed record NormDto(NormOnderdeel Onderdeel, string Omschrijving, int Vereist, int? WaarvanPraktijk, decimal Gedaan, decimal? PraktijkGedaan, int Procent, bool Voldaan,
    string Tekst, BronDto Bron, IReadOnlyList<UrenDeelDto> Delen);

/// <summary>Hours of one kind within a norm (Z-route: taal and KNM; participation by kind), all counting towards the same norm.</summary>
public sealed record UrenDeelDto(string Soort, decimal Uren, int Procent);
public sealed record UrenDto(Urensoort Soort, string Week, DateOnly Maandag, decimal Uren, decimal AfwezigUren, bool AfwezigGemeld, Gegevensbron Bron, string Partner);
public sealed record WeekDto(DateOnly Week, decimal Uren, decimal Afwezig, decimal AfwezigOngemeld);
public sealed record VaardigheidDto(Guid Id, Vaardigheid Vaardigheid, DateOnly Datum, string Niveau, string? Notitie, string Partner);
public sealed record ExamenDto(Guid Id, Examenonderdeel Onderdeel, DateOnly Datum, string? Niveau, bool Behaald, decimal? Score, Gegevensbron Bron, string Partner);
public sealed record VoortgangSignaalDto(Guid Id, Voortgangssignaalsoort Soort, DateOnly Datum, string Notitie, string Partner, bool Open, string? Afhandeling);
public sealed record AfspraakDto(long Id, string Omschrijving, string Eigenaar, DateOnly? Uiterlijk, bool Gedaan);
public sealed record GesprekDto(Guid Id, DateOnly GeplandOp, Gespreksstatus Status, DateOnly? Datum, string? Aanwezigen, string? Verslag, IReadOnlyList<AfspraakDto> Afspraken);
/// <param name="Participatie">All participation hours; <paramref name="Arbeid"/>, <paramref name="Vrijwilligerswerk"/> and <paramref name="Maatschappelijk"/> are the kinds within it.</param>
public sealed record TotalenDto(decimal Taal, decimal Knm, decimal Participatie, decimal MapTheorie, decimal MapPraktijk, decimal Pvt, decimal Afwezig,
    decimal Arbeid, decimal Vrijwilligerswerk, decimal Maatschappelijk);
public sealed record VoortgangDto(Guid InburgeraarId, IReadOnlyList<NormDto> Normen, TotalenDto Totalen, int? AfwezigProcent, int? AfwezigProcentLaatste4Weken,
    IReadOnlyList<WeekDto> Weken, IReadOnlyList<VaardigheidDto> Vaardigheden, IReadOnlyList<ExamenDto> Examens, IReadOnlyList<VoortgangSignaalDto> Signalen,
    IReadOnlyList<GesprekDto> Gesprekken, DateOnly? VolgendGesprekUiterlijk, BronDto GesprekBron);
public sealed record OpslagDto(Opslagresultaat Resultaat);
public sealed record AfspraakStatusInvoer(bool Gedaan);
public sealed record PartnerDossierRegelDto(Guid Id, string Weergave, DateOnly? LaatsteWeek, decimal UrenLaatsteWeek, int OpenSignalen);
public sealed record PartnerVoortgangDto(Guid InburgeraarId, string Weergave, string Partner, IReadOnlyList<UrenDto> Uren, IReadOnlyList<VaardigheidDto> Vaardigheden,
    IReadOnlyList<ExamenDto> Examens, IReadOnlyList<VoortgangSignaalDto> Signalen);

/// <summary>
/// API for progress: the case's progress and talks for municipal staff, and partner reporting (hours, skills, exams,
/// signals and the CSV attendance list) for chain partners with consent.
/// </summary>
public static class VoortgangApi
{
    public static RouteGroupBuilder MapVoortgangApi(this RouteGroupBuilder api)
    {
        var d = api.MapGroup("/inburgeraars/{id:guid}").WithTags("Voortgang").RequireAuthorization(Beveiliging.Beleid.Dossierwerk);
        d.MapGet("/voortgang", async Task<Results<Ok<VoortgangDto>, ProblemHttpResult>> (Guid id, VoortgangService voortgang, CancellationToken ct) =>
                await voortgang.HaalAsync(id, "API: voortgang opgevraagd", ct) is { } stand ? TypedResults.Ok(Dto(stand)) : Problemen.NietGevonden())
            .WithSummary("Uren tegen de normen van het PIP, uren per week, afwezigheid, vaardigheden, examens, signalen en voortgangsgesprekken");
        MapRapportage(d.MapGroup("/voortgang"));
        d.MapPost("/voortgang/signalen/{signaalId:guid}/afhandeling", async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> (Guid id, Guid signaalId, AfhandelInvoer invoer,
                VoortgangService voortgang, CancellationToken ct) => Leeg(await voortgang.SignaalAfhandelenAsync(id, signaalId, invoer, ct)))
            .WithSummary("Een signaal afhandelen (met wat ermee is gedaan); het verdwijnt dan van de werkvoorraad");
        d.MapPost("/voortgangsgesprekken", async Task<Results<Created<IdDto>, ValidationProblem, ProblemHttpResult>> (Guid id, GesprekPlanInvoer invoer, VoortgangService voortgang, CancellationToken ct) =>
                Gemaakt(id, await voortgang.PlanAsync(id, invoer, ct)))
            .WithSummary("Een voortgangsgesprek inplannen");
        d.MapPost("/voortgangsgesprekken/gevoerd", async Task<Results<Created<IdDto>, ValidationProblem, ProblemHttpResult>> (Guid id, GesprekVerslagInvoer invoer, VoortgangService voortgang, CancellationToken ct) =>
                Gemaakt(id, await voortgang.VastleggenAsync(id, null, invoer, ct)))
            .WithSummary("Een gevoerd (niet eerder ingepland) gesprek vastleggen: gehouden met verslag en afspraken, of niet verschenen");
        d.MapPut("/voortgangsgesprekken/{gesprekId:guid}", async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> (Guid id, Guid gesprekId, GesprekVerslagInvoer invoer,
                VoortgangService voortgang, CancellationToken ct) => Leeg(await voortgang.VastleggenAsync(id, gesprekId, invoer, ct)))
            .WithSummary("Een ingepland gesprek vastleggen als gehouden (zet de mijlpaal 'laatste voortgangsgesprek') of niet verschenen");
        d.MapPut("/voortgangsgesprekken/{gesprekId:guid}/planning", async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> (Guid id, Guid gesprekId, GesprekPlanInvoer invoer,
                VoortgangService voortgang, CancellationToken ct) => Leeg(await voortgang.VerplaatsAsync(id, gesprekId, invoer, ct)))
            .WithSummary("Een gepland voortgangsgesprek verplaatsen (dag, tijd, plaats); de inburgeraar krijgt de wijziging voor de agenda als die berichten wil");
        d.MapPost("/voortgangsgesprekken/{gesprekId:guid}/annulering", async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> (Guid id, Guid gesprekId,
                VoortgangService voortgang, CancellationToken ct) => Leeg(await voortgang.AnnuleerAsync(id, gesprekId, ct)))
            .WithSummary("Een gepland voortgangsgesprek annuleren; de inburgeraar krijgt een annulering voor de agenda als die berichten wil");
        d.MapPut("/voortgangsgesprekken/afspraken/{afspraakId:long}", async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> (Guid id, long afspraakId, AfspraakStatusInvoer invoer,
                VoortgangService voortgang, CancellationToken ct) => Leeg(await voortgang.AfspraakAsync(id, afspraakId, invoer.Gedaan, ct)))
            .WithSummary("Een afspraak uit een voortgangsgesprek afvinken (of weer openzetten)");

        api.MapGet("/voortgang/signalen", async (string? gemeente, int? klantregisseurId, int? teamId, VoortgangService voortgang, CancellationToken ct) =>
                TypedResults.Ok(await voortgang.OpenSignalenAsync(new Werkvoorraad.Dossierselectie(gemeente, klantregisseurId, teamId), ct)))
            .WithTags("Voortgang").RequireAuthorization(Beveiliging.Beleid.Dossierwerk)
            .WithSummary("Open signalen van ketenpartners (afwezigheid, (dreigende) uitval) in de dossiers binnen bereik");

        var p = api.MapGroup("/partner").WithTags("Ketenpartner: rapportage").RequireAuthorization(b => b.RequireRole(Rollen.Partner));
        p.MapGet("/inburgeraars", async (VoortgangService voortgang, CancellationToken ct) =>
                TypedResults.Ok((await voortgang.PartnerLijstAsync(ct)).Select(r => new PartnerDossierRegelDto(r.Id, r.Weergave, r.LaatsteWeek, r.UrenLaatsteWeek, r.OpenSignalen)).ToList()))
            .WithSummary("De inburgeraars met een actieve machtiging voor voortgang van uw organisatie");
        p.MapGet("/inburgeraars/{id:guid}/voortgang", async Task<Results<Ok<PartnerVoortgangDto>, ProblemHttpResult>> (Guid id, VoortgangService voortgang, CancellationToken ct) =>
                await voortgang.PartnerDossierAsync(id, ct) is { } pd ? TypedResults.Ok(Dto(pd)) : Problemen.NietGevonden())
            .WithSummary("Wat uw organisatie over deze inburgeraar heeft gerapporteerd (wordt gelogd)");
        MapRapportage(p.MapGroup("/inburgeraars/{id:guid}"));
        p.MapPost("/uren/csv", async Task<Results<Ok<CsvUitkomst>, ValidationProblem>> (HttpRequest request, UrenCsvImport import, CancellationToken ct) =>
            {
                // The file comes as multipart form field 'bestand', or as the raw body (text/csv).
                if (request.HasFormContentType)
                {
                    var form = await request.ReadFormAsync(ct);
                    var bestand = form.Files.GetFile("bestand") ?? (form.Files.Count > 0 ? form.Files[0] : null);
                    if (bestand is null) return Problemen.Validatie(new() { ["Bestand"] = ["Kies een CSV-bestand (formulierveld 'bestand')."] });
                    await using var stroom = bestand.OpenReadStream();
                    return Csv(await import.VerwerkAsync(stroom, bestand.Length, bestand.FileName, ct));
                }

                return Csv(await import.VerwerkAsync(request.Body, request.ContentLength ?? 0, null, ct));
            })
            .Accepts<string>("text/csv", "multipart/form-data")
            .WithSummary("Presentielijst als CSV (kolommen: bsn of vnummer of koers_id; week; soort; uren; afwezig_uren; afwezig_gemeld). " +
                "Goede regels worden bewaard, foute regels komen terug met regelnummer en reden; hetzelfde bestand opnieuw verandert niets.");
        p.MapGet("/uren/csv/{uploadId:guid}/fouten", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid uploadId, UrenCsvImport import, CancellationToken ct) =>
                await import.HaalAsync(uploadId, ct) is { } upload
                    ? TypedResults.File(FoutenBestand(upload), "text/csv; charset=utf-8", $"fouten-{upload.Id:N}.csv")
                    : Problemen.NietGevonden())
            .WithSummary("De afgewezen regels van een upload als CSV");
        return api;
    }

    public sealed record IdDto(Guid Id);

    /// <summary>The four reports, identical for staff (under the case) and partners (under /partner); access is decided in the service.</summary>
    private static void MapRapportage(RouteGroupBuilder g)
    {
        g.MapPut("/uren", async Task<Results<Ok<OpslagDto>, ValidationProblem, ProblemHttpResult>> (Guid id, UrenInvoer invoer, RapportageService rapportage, CancellationToken ct) =>
            {
                var u = await rapportage.UrenAsync(id, invoer, ct);
                if (u.NietGevonden) return Problemen.NietGevonden();
                return u.Gelukt ? TypedResults.Ok(new OpslagDto(u.Waarde)) : Problemen.Validatie(u.Fouten);
            })
            .WithSummary("Uren van één soort in één week (maandag of jjjj-Www) met afwezigheid; dezelfde week opnieuw vervangt de vorige melding");
        g.MapPost("/vaardigheden", async Task<Results<Created<IdDto>, ValidationProblem, ProblemHttpResult>> (Guid id, VaardigheidInvoer invoer, RapportageService rapportage, CancellationToken ct) =>
                Gemaakt(id, await rapportage.VaardigheidAsync(id, invoer, ct)))
            .WithSummary("Inschatting van het huidige niveau voor lezen, luisteren, schrijven, spreken of KNM");
        g.MapPost("/examens", async Task<Results<Created<IdDto>, ValidationProblem, ProblemHttpResult>> (Guid id, ExamenInvoer invoer, RapportageService rapportage, CancellationToken ct) =>
                Gemaakt(id, await rapportage.ExamenAsync(id, invoer, ct)))
            .WithSummary("Examenresultaat per onderdeel; met een kenmerk wordt hetzelfde resultaat niet dubbel bewaard");
        g.MapPost("/signalen", async Task<Results<Created<IdDto>, ValidationProblem, ProblemHttpResult>> (Guid id, SignaalInvoer invoer, RapportageService rapportage, CancellationToken ct) =>
                Gemaakt(id, await rapportage.SignaalAsync(id, invoer, ct)))
            .WithSummary("Signaal: afwezigheid, dreigende uitval, uitval of overig, met toelichting");
    }

    private static Results<Created<IdDto>, ValidationProblem, ProblemHttpResult> Gemaakt(Guid id, Uitkomst<Guid> u)
    {
        if (u.NietGevonden) return Problemen.NietGevonden();
        return u.Gelukt ? TypedResults.Created($"/api/v1/inburgeraars/{id}/voortgang", new IdDto(u.Waarde)) : Problemen.Validatie(u.Fouten);
    }

    private static Results<Ok, ValidationProblem, ProblemHttpResult> Leeg(Uitkomst<Guid> u)
    {
        if (u.NietGevonden) return Problemen.NietGevonden();
        return u.Gelukt ? TypedResults.Ok() : Problemen.Validatie(u.Fouten);
    }

    private static Results<Ok<CsvUitkomst>, ValidationProblem> Csv(Uitkomst<CsvUitkomst> u) =>
        u.Gelukt ? TypedResults.Ok(u.Waarde!) : Problemen.Validatie(u.Fouten);

    /// <summary>UTF-8 with BOM, so spreadsheet programs show accents in the reasons correctly.</summary>
    public static byte[] FoutenBestand(Urenupload upload) => [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(upload.FoutenCsv)];

    private static UrenDto Dto(Urenregistratie u, Func<int?, string> partner) =>
        new(u.Soort, Week.IsoNotatie(u.Week), u.Week, u.Uren, u.AfwezigUren, u.AfwezigGemeld, u.Bron, partner(u.PartnerorganisatieId));
    private static VaardigheidDto Dto(Vaardigheidsvoortgang v, Func<int?, string> partner) => new(v.Id, v.Vaardigheid, v.Datum, v.Niveau, v.Notitie, partner(v.PartnerorganisatieId));
    private static ExamenDto Dto(Examenresultaat e, Func<int?, string> partner) => new(e.Id, e.Onderdeel, e.Datum, e.Niveau, e.Behaald, e.Score, e.Bron, partner(e.PartnerorganisatieId));
    private static VoortgangSignaalDto Dto(Voortgangssignaal s, Func<int?, string> partner) =>
        new(s.Id, s.Soort, s.Datum, s.Notitie, partner(s.PartnerorganisatieId), s.AfgehandeldOp is null, s.Afhandeling);

    public static VoortgangDto Dto(VoortgangStand s) => new(
        s.Dossier.Id,
        s.Normen.Select(n => new NormDto(n.Onderdeel, n.Norm.Onderdeel, n.Norm.Uren, n.Norm.WaarvanPraktijk, n.Gedaan, n.PraktijkGedaan, n.Procent, n.Voldaan, n.Tekst, BronDto.Van(n.Norm.Bron),
            [.. n.Delen.Select(d => new UrenDeelDto(d.Soort, d.Uren, d.Procent))])).ToList(),
        new TotalenDto(s.Totalen.Taal, s.Totalen.Knm, Voortgangsberekening.Gedaan(NormOnderdeel.ZRouteParticipatie, s.Totalen), s.Totalen.MapTheorie, s.Totalen.MapPraktijk, s.Totalen.Pvt, s.AfwezigTotaal,
            s.Totalen.Arbeid, s.Totalen.Vrijwilligerswerk, s.Totalen.Maatschappelijk),
        s.AfwezigProcent, s.AfwezigProcentRecent,
        s.Weken.Select(w => new WeekDto(w.Week, w.Uren, w.Afwezig, w.AfwezigOngemeld)).ToList(),
        s.Vaardigheden.Select(v => Dto(v, s.Partner)).ToList(),
        s.Examens.Select(e => Dto(e, s.Partner)).ToList(),
        s.Signalen.Select(x => Dto(x, s.Partner)).ToList(),
        s.Gesprekken.Select(g => new GesprekDto(g.Id, g.GeplandOp, g.Status, g.Datum, g.Aanwezigen, g.Verslag,
            g.Afspraken.OrderBy(a => a.Id).Select(a => new AfspraakDto(a.Id, a.Omschrijving, a.Eigenaar, a.Uiterlijk, a.Gedaan)).ToList())).ToList(),
        s.VolgendGesprekUiterlijk,
        BronDto.Van(Koers.Domain.Sources.Bron.VoortgangsgesprekCadans));

    private static PartnerVoortgangDto Dto(PartnerDossier p)
    {
        string Partner(int? _) => p.Partner;
        return new PartnerVoortgangDto(p.Id, p.Weergave, p.Partner, p.Uren.Select(u => Dto(u, Partner)).ToList(), p.Vaardigheden.Select(v => Dto(v, Partner)).ToList(),
            p.Examens.Select(e => Dto(e, Partner)).ToList(), p.Signalen.Select(s => Dto(s, Partner)).ToList());
    }
}

using Koers.Data.Model.Geldzaken;
using Koers.Domain.Geldzaken;
using Koers.Domain.Ontzorgen;
using Koers.Web.Features.Dossier;
using Koers.Web.Features.Ontzorgen;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koers.Web.Features.Geldzaken;

public sealed record KredietDto(KredietStatus Status, string StatusOmschrijving, DateOnly? HuisvestingOp, int TermijnDagen, DateOnly? Uiterlijk, int? DagenResterend,
    bool TermijnVerstreken, DateOnly? AangevraagdOp, DateOnly? ToegekendOp, decimal? ToegekendBedrag, DateOnly? UitbetaaldOp, decimal? UitbetaaldBedrag,
    string? Notitie, string Toelichting, BronDto Bron);
public sealed record GeldzakenDto(Guid InburgeraarId, string Gemeente, KredietDto Inrichtingskrediet, decimal? NettoBijstandPerMaand);
public sealed record OverzichtRegelDto(Begunstigde Soort, string Last, string Aan, decimal Bedrag, DateOnly Van, DateOnly Tot, bool Betaald);
public sealed record MaandoverzichtDto(Guid InburgeraarId, string Maand, string MaandNaam, IReadOnlyList<OverzichtRegelDto> Regels, decimal Totaal,
    decimal? NettoBijstand, decimal? Restant, DateOnly? OntzorgenTot, bool OntzorgenLoopt, string? NietVanToepassing, string BriefUrl, BronDto Bron);
public sealed record InstellingenDto(string Gemeente, string Naam, int InrichtingskredietTermijnDagen, bool Standaard, BronDto Bron);

/// <summary>API for the money around the person: inrichtingskrediet, monthly statement (also as letter), signals and settings.</summary>
public static class GeldzakenApi
{
    public static RouteGroupBuilder MapGeldzakenApi(this RouteGroupBuilder api)
    {
        var d = api.MapGroup("/inburgeraars/{id:guid}/geldzaken").WithTags("Geldzaken").RequireAuthorization(Beveiliging.Beleid.Dossierwerk);
        d.MapGet("/", async Task<Results<Ok<GeldzakenDto>, ProblemHttpResult>> (Guid id, GeldzakenService geldzaken, CancellationToken ct) =>
            await geldzaken.HaalAsync(id, "API: geldzaken opgevraagd", ct) is { } stand ? TypedResults.Ok(Dto(stand)) : Problemen.NietGevonden())
            .WithSummary("Inrichtingskrediet van een dossier: status, bedragen en de termijn vanaf huisvesting");
        d.MapPut("/inrichtingskrediet", async Task<Results<Ok<GeldzakenDto>, ValidationProblem, ProblemHttpResult>> (Guid id, KredietInvoer invoer, GeldzakenService geldzaken, CancellationToken ct) =>
        {
            var u = await geldzaken.KredietOpslaanAsync(id, invoer, ct);
            if (u.NietGevonden) return Problemen.NietGevonden();
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            return TypedResults.Ok(Dto((await geldzaken.HaalAsync(id, "API: geldzaken na wijziging", ct))!));
        }).WithSummary("Inrichtingskrediet vastleggen: huisvesting, aangevraagd, toegekend en uitbetaald (met datum en bedrag), en de netto bijstand per maand");
        d.MapGet("/maandoverzicht", async Task<Results<Ok<MaandoverzichtDto>, ValidationProblem, ProblemHttpResult>> (Guid id, string? maand, GeldzakenService geldzaken, Klok klok, CancellationToken ct) =>
        {
            if (!LeesMaand(maand, klok, out var m, out var fouten)) return Problemen.OngeldigeVraag(fouten);
            return await geldzaken.MaandoverzichtAsync(id, m, $"API: maandoverzicht {OntzorgenRegels.MaandNaam(m)} opgevraagd", ct) is { } o
                ? TypedResults.Ok(Dto(o, $"/api/v1/inburgeraars/{id}/geldzaken/maandoverzicht/brief?maand={OntzorgenWeergave.MaandCode(m)}"))
                : Problemen.NietGevonden();
        }).WithSummary("Maandoverzicht voor de inburgeraar: wat de gemeente die maand van de bijstand betaalde, aan wie, wat overblijft en tot wanneer (maand als JJJJ-MM, standaard deze maand)");
        d.MapGet("/maandoverzicht/brief", async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> (Guid id, string? maand, string? taal, GeldzakenService geldzaken, Klok klok, CancellationToken ct) =>
        {
            if (!LeesMaand(maand, klok, out var m, out var fouten)) return Problemen.OngeldigeVraag(fouten);
            if (!string.IsNullOrEmpty(taal) && !Talen.Bestaat(taal))
            {
                fouten.Voeg("taal", $"'{(taal.Length > 10 ? taal[..10] : taal).Trim()}' is geen taal van het portaal. Kies uit {string.Join(", ", Talen.Lijst.Select(t => t.Code))}, of laat de taal weg voor de taal van de inburgeraar.");
                return Problemen.OngeldigeVraag(fouten);
            }

            return await geldzaken.BriefAsync(id, m, taal, ct) is { } brief ? TypedResults.File(brief.Pdf, "application/pdf", brief.Bestandsnaam) : Problemen.NietGevonden();
        }).WithSummary("Het maandoverzicht als brief (PDF) in eenvoudige taal, om te versturen of mee te geven: in de taal die de inburgeraar in het portaal koos "
            + "(of 'taal': nl, en, ar, fa, ti, tr, uk; nl voor een Nederlandse versie)");

        api.MapGroup("/geldzaken").WithTags("Geldzaken").RequireAuthorization(Beveiliging.Beleid.Dossierwerk)
            .MapGet("/signalen", async Task<Results<Ok<IReadOnlyList<KredietSignaalRegel>>, ValidationProblem>> (string? gemeente, int? klantregisseurId, int? teamId,
                KredietSignalenQuery query, Klok klok, CancellationToken ct) =>
                TypedResults.Ok(await query.HaalAsync(new Werkvoorraad.Dossierselectie(gemeente, klantregisseurId, teamId), klok.Vandaag, ct)))
            .WithSummary("Signalen: gehuisvest, maar het inrichtingskrediet is niet uitbetaald binnen de termijn van de gemeente");

        var b = api.MapGroup("/geldzaken").WithTags("Geldzaken").RequireAuthorization(Beveiliging.Beleid.Beheer);
        b.MapGet("/instellingen/{gemeente}", async Task<Results<Ok<InstellingenDto>, ProblemHttpResult>> (string gemeente, GeldzakenService geldzaken, CancellationToken ct) =>
            await geldzaken.InstellingenAsync(gemeente, ct) is { } g ? TypedResults.Ok(Dto(g.Gemeente, g.Instellingen)) : GemeenteOnbekend(gemeente))
            .WithSummary("Instellingen geldzaken van een gemeente (standaard als ze nog niet zijn ingesteld)");
        b.MapPut("/instellingen/{gemeente}", async Task<Results<Ok<InstellingenDto>, ValidationProblem, ProblemHttpResult>> (string gemeente, InstellingenInvoer invoer, GeldzakenService geldzaken, CancellationToken ct) =>
        {
            var u = await geldzaken.InstellingenOpslaanAsync(gemeente, invoer, ct);
            if (u.NietGevonden) return GemeenteOnbekend(gemeente);
            if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
            var g = (await geldzaken.InstellingenAsync(gemeente, ct))!.Value;
            return TypedResults.Ok(Dto(g.Gemeente, g.Instellingen));
        }).WithSummary("Termijn van het inrichtingskrediet wijzigen (dagen na huisvesting)");

        api.MapGroup("/mijn").WithTags("Geldzaken").RequireAuthorization(Beveiliging.Beleid.Portaal)
            .MapGet("/maandoverzicht", async Task<Results<Ok<MaandoverzichtDto>, ValidationProblem, ProblemHttpResult>> (string? maand, GeldzakenService geldzaken,
                Kern.Toegang toegang, Klok klok, CancellationToken ct) =>
            {
                if (!LeesMaand(maand, klok, out var m, out var fouten)) return Problemen.OngeldigeVraag(fouten);
                // Only the signed-in inburgeraar's own case: there is no id to ask for another one.
                if ((await toegang.BereikAsync(ct)).EigenDossier is not { } eigen) return Problemen.NietGevonden();
                return await geldzaken.MaandoverzichtAsync(eigen, m, MijnModel.Doel, ct) is { } o
                    ? TypedResults.Ok(Dto(o, $"/mijn/geld/brief?maand={OntzorgenWeergave.MaandCode(m)}"))
                    : Problemen.NietGevonden();
            }).WithSummary("Het eigen maandoverzicht van de ingelogde inburgeraar");
        return api;
    }

    /// <summary>"2026-07" (or nothing: this month); a month before ontzorgen existed or more than one ahead is refused.</summary>
    internal static bool LeesMaand(string? tekst, Klok klok, out DateOnly maand, out Dictionary<string, string[]> fouten)
    {
        fouten = Veldfouten.Nieuw();
        var vandaag = klok.Vandaag;
        maand = new DateOnly(vandaag.Year, vandaag.Month, 1);
        if (string.IsNullOrWhiteSpace(tekst)) return true;
        if (!OntzorgenWeergave.TryMaand(tekst, out var gelezen))
        {
            fouten.Voeg("maand", $"'{(tekst.Length > 20 ? tekst[..20] : tekst).Trim()}' is geen maand. Schrijf de maand als JJJJ-MM, bijvoorbeeld 2026-07.");
            return false;
        }

        if (gelezen < BetaalrunService.EersteMaand || gelezen > maand.AddMonths(1))
        {
            fouten.Voeg("maand", $"Kies een maand vanaf januari 2022 tot en met {OntzorgenRegels.MaandNaam(maand.AddMonths(1))}.");
            return false;
        }

        maand = gelezen;
        return true;
    }

    private static ProblemHttpResult GemeenteOnbekend(string code) =>
        TypedResults.Problem(statusCode: 404, title: "Gemeente niet gevonden", detail: $"Er is geen gemeente met code '{code}' ingericht in Koers.");

    internal static GeldzakenDto Dto(GeldzakenStand s)
    {
        var g = s.Geldzaak;
        var k = s.Krediet;
        return new GeldzakenDto(s.Dossier.Id, s.Dossier.Gemeente!.Code,
            new KredietDto(k.Status, k.Status.Omschrijving(), g?.HuisvestingOp, s.TermijnDagen, k.Uiterlijk, k.DagenResterend, k.TermijnVerstreken,
                g?.KredietAangevraagdOp, g?.KredietToegekendOp, g?.KredietToegekendBedrag, g?.KredietUitbetaaldOp, g?.KredietUitbetaaldBedrag, g?.KredietNotitie,
                k.Toelichting, BronDto.Van(k.Bron)),
            g?.NettoBijstandPerMaand);
    }

    internal static MaandoverzichtDto Dto(OverzichtStand s, string briefUrl)
    {
        var o = s.Overzicht;
        return new MaandoverzichtDto(s.Dossier.Id, OntzorgenWeergave.MaandCode(o.Maand), OntzorgenRegels.MaandNaam(o.Maand),
            o.Regels.Select(r => new OverzichtRegelDto(r.Soort, r.Soort == Begunstigde.Overig && r.Omschrijving is { } om ? om : r.Soort.Last(), r.Aan, r.Bedrag, r.Van, r.Tot, r.Betaald)).ToList(),
            o.Totaal, o.NettoBijstand, o.Restant, o.OntzorgenTot, o.OntzorgenLoopt, s.NietVanToepassing, briefUrl, BronDto.Van(o.Bron));
    }

    private static InstellingenDto Dto(Data.Model.Gemeente g, GeldzakenInstellingen i) =>
        new(g.Code, g.Naam, i.InrichtingskredietTermijnDagen, i.GewijzigdOp == DateTime.MinValue, BronDto.Van(BronGeldzaken.InrichtingskredietTweeWeken));
}

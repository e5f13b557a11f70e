using Koers.Domain.Monitor;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Monitor;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Koers.Web.Features.Doelenboom;

public sealed record DoelenboomInvoer(List<Boomregel>? Regels);
public sealed record DoelenboomInrichtingDto(string Gemeente, string Naam, IReadOnlyList<Boomregel> Regels, BoomKnoop? Boom, DateTime? GewijzigdOp, string? GewijzigdDoor);
public sealed record KpiDto(string Sleutel, string Naam, string Periode, Indicatorsoort Soort, string Eenheid, decimal Streefwaarde, decimal? Werkelijk, string WerkelijkTekst, bool Verborgen,
    KpiStand Stand, string Definitie, string Bron);
public sealed record DoelenboomMonitorDto(string Gemeente, string Naam, BoomKnoop Boom, IReadOnlyList<KpiDto> Kpis, IReadOnlyList<Tabel> Tabellen);

/// <summary>API of the doelenboom: the configuration (functioneel beheer) and the KPIs in the monitor (beleid, teamleider).</summary>
public static class DoelenboomApi
{
    public static RouteGroupBuilder MapDoelenboomApi(this RouteGroupBuilder api)
    {
        api.MapGet("/monitor/doelenboom", async ([FromQuery] string? gemeente, [FromQuery] bool? verbergKleineAantallen, DoelenboomMonitor monitor, CancellationToken ct) =>
            {
                var (r, fouten, _) = await monitor.LeesAsync(gemeente, verbergKleineAantallen, ct);
                return r is null ? (IResult)Problemen.Validatie(fouten) : TypedResults.Ok(Dto(r));
            })
            .WithTags("Monitor").RequireAuthorization(Beleid.Monitor)
            .Produces<DoelenboomMonitorDto>()
            .ProducesValidationProblem()
            .WithSummary("De doelenboom van een gemeente (effect → doelen → subdoelen → activiteiten) met per KPI de werkelijke waarde tegen de streefwaarde")
            .WithDescription("Alleen aantallen mensen. Kleine aantallen worden verborgen zoals in de hele monitor (\"<5\", afgeleid \"(<5)\", \"x\"); een verborgen KPI krijgt geen oordeel. Zonder gemeente: de eerste gemeente in uw regio met een doelenboom.");

        api.MapGet("/monitor/doelenboom/csv", async ([FromQuery] string? gemeente, [FromQuery] bool? verbergKleineAantallen, DoelenboomMonitor monitor, Klok klok, CancellationToken ct) =>
            {
                var (r, fouten, _) = await monitor.LeesAsync(gemeente, verbergKleineAantallen, ct);
                if (r is null) return (IResult)Problemen.Validatie(fouten);
                return TypedResults.File(TabelExport.Csv([Overzicht(r)]), TabelExport.CsvType,
                    $"koers-doelenboom-{r.GemeenteCode.ToLowerInvariant()}-{klok.Vandaag:yyyy-MM-dd}.csv");
            })
            .WithTags("Monitor").RequireAuthorization(Beleid.Monitor)
            .Produces(200, contentType: TabelExport.CsvType)
            .ProducesValidationProblem()
            .WithSummary("De doelenboom met per onderdeel de KPI's, werkelijk tegen streefwaarde, als CSV (puntkomma's, UTF-8 met BOM)");

        var b = api.MapGroup("/beheer/doelenboom").WithTags("Doelenboom: inrichting").RequireAuthorization(Beleid.Beheer);
        b.MapGet("/indicatoren", () => TypedResults.Ok(Indicatorcatalogus.Alle))
            .WithSummary("De vaste lijst indicatoren die Koers kan berekenen, met hun definitie en bron");
        b.MapGet("/{gemeente}", async Task<Results<Ok<DoelenboomInrichtingDto>, ProblemHttpResult>> (string gemeente, DoelenboomService service, CancellationToken ct) =>
                await service.InrichtingAsync(gemeente, ct) is { } i ? TypedResults.Ok(Dto(i)) : Onbekend(gemeente))
            .WithSummary("De doelenboom van een gemeente, als boom en als regels (zoals het formulier)");
        b.MapPut("/{gemeente}", async Task<Results<Ok<DoelenboomInrichtingDto>, ValidationProblem, ProblemHttpResult>> (string gemeente, DoelenboomInvoer invoer, DoelenboomService service, CancellationToken ct) =>
            {
                var u = await service.OpslaanAsync(gemeente, invoer.Regels, ct);
                if (u.NietGevonden) return Onbekend(gemeente);
                if (!u.Gelukt) return Problemen.Validatie(u.Fouten);
                return TypedResults.Ok(Dto((await service.InrichtingAsync(gemeente, ct))!));
            })
            .WithSummary("De doelenboom van een gemeente vervangen; regels van boven naar beneden: soort (Effect, Doel, Subdoel, Activiteit of Kpi), naam, of bij een KPI indicator, streefwaarde, vanJaar, totJaar en maanden; wordt gelogd");
        return api;
    }

    /// <summary>The tree flattened for the CSV: one row per node and KPI, with the path from the effect.</summary>
    public static Tabel Overzicht(DoelenboomRapport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var rijen = new List<Rij>();
        void Voeg(BoomKnoop k, string pad)
        {
            var hier = pad.Length == 0 ? k.Naam : $"{pad} > {k.Naam}";
            var n = rijen.Count;
            var niveau = Cellen.Tekst(Doelenboomregels.Omschrijving(k.Niveau));
            if (k.Kpis.Count == 0) rijen.Add(new Rij($"r{n}", k.Naam, [niveau, Cellen.Tekst(hier), Cel.Leeg, Cel.Leeg, Cel.Leeg, Cel.Leeg, Cel.Leeg]));
            foreach (var kpi in k.Kpis)
            {
                var u = r.Kpis[kpi.Sleutel];
                rijen.Add(new Rij($"r{rijen.Count}", k.Naam, [niveau, Cellen.Tekst(hier), Cellen.Tekst(u.Naam), Cellen.Tekst(u.Periode), u.Werkelijk with { Link = null },
                    Cellen.Getal(u.Streefwaarde), Cellen.Tekst(DoelenboomMonitor.Omschrijving(u.Stand))]));
            }

            foreach (var kind in k.Kinderen) Voeg(kind, hier);
        }

        Voeg(r.Boom, string.Empty);
        return new Tabel("doelenboom", $"Doelenboom {r.Gemeente}", "Onderdeel",
        [
            new("niveau", "Niveau", KolomSoort.Tekst), new("pad", "Plaats in de boom", KolomSoort.Tekst), new("kpi", "KPI", KolomSoort.Tekst), new("periode", "Periode", KolomSoort.Tekst),
            new("werkelijk", "Werkelijk", KolomSoort.Getal), new("streef", "Streefwaarde", KolomSoort.Getal), new("stand", "Stand", KolomSoort.Tekst),
        ], rijen);
    }

    private static DoelenboomMonitorDto Dto(DoelenboomRapport r) => new(r.GemeenteCode, r.Gemeente, r.Boom,
        [.. r.Kpis.Values.Select(u => new KpiDto(u.Sleutel, u.Naam, u.Periode, u.Soort, u.Eenheid, u.Streefwaarde, u.Werkelijk.Waarde, u.Werkelijk.Tekst, u.Werkelijk.Verborgen, u.Stand, u.Definitie, u.Bron))],
        r.Tabellen);

    private static DoelenboomInrichtingDto Dto(DoelenboomInrichting i) =>
        new(i.Gemeente.Code, i.Gemeente.Naam, i.Boom is null ? [] : Doelenboomregels.AlsRegels(i.Boom), i.Boom, i.GewijzigdOp, i.GewijzigdDoor);

    private static ProblemHttpResult Onbekend(string code) =>
        TypedResults.Problem(statusCode: 404, title: "Gemeente niet gevonden", detail: $"Er is geen gemeente met code '{code}', of u mag haar niet beheren.");
}

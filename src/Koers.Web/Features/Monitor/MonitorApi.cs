using System.Globalization;
using Koers.Data;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Monitor;

/// <summary>The monitor under /api/v1/monitor: all figures as tables, exports, and the cases behind a figure.</summary>
public static class MonitorApi
{
    public static RouteGroupBuilder MapMonitorApi(this RouteGroupBuilder api)
    {
        // The figures are for policy staff and team leads; the names behind them only for those who work with cases.
        var monitor = api.MapGroup("/monitor").WithTags("Monitor");
        var g = monitor.MapGroup("").RequireAuthorization(Beleid.Monitor);

        g.MapGet("/", async ([AsParameters] MonitorVraag vraag, MonitorLezer lezer, MonitorOverzichtBouwer bouwer, CancellationToken ct) =>
            {
                var (filter, fouten) = await lezer.LeesAsync(vraag, ct);
                return filter is null ? (IResult)Problemen.Validatie(fouten) : TypedResults.Ok(await bouwer.BouwAsync(filter, ct));
            })
            .Produces<MonitorOverzicht>()
            .ProducesValidationProblem()
            .WithSummary("Alle cijfers van de monitor voor een gemeente of regio en een periode")
            .WithDescription("Aantallen van 1 tot en met 4 staan er als \"<5\" (waarde null, verborgen true), tenzij verbergKleineAantallen=false.");

        g.MapGet("/tabellen/{tabel}", async (string tabel, [AsParameters] MonitorVraag vraag, MonitorLezer lezer, MonitorOverzichtBouwer bouwer, CancellationToken ct) =>
            {
                var (filter, fouten) = await lezer.LeesAsync(vraag, ct);
                if (filter is null) return (IResult)Problemen.Validatie(fouten);
                var overzicht = await bouwer.BouwAsync(filter, ct);
                return overzicht.Tabellen.FirstOrDefault(t => string.Equals(t.Id, tabel, StringComparison.OrdinalIgnoreCase)) is { } t
                    ? TypedResults.Ok(t)
                    : OnbekendeTabel(tabel, overzicht);
            })
            .Produces<Tabel>()
            .ProducesValidationProblem()
            .WithSummary("Eén tabel van de monitor");

        // Not "{tabel}.{formaat}": a path segment is kebab-case or one parameter (NL API Design Rules, /core/path-segments-kebab-case).
        g.MapGet("/tabellen/{tabel}/{formaat}", Export)
            .Produces(200, contentType: TabelExport.CsvType)
            .Produces(200, contentType: TabelExport.XlsxType)
            .ProducesValidationProblem()
            .WithSummary("Een tabel (of 'alle') als CSV of Excel")
            .WithDescription("formaat: csv (puntkomma's, decimale komma, UTF-8 met BOM) of xlsx (één blad per tabel en een blad 'toelichting').");

        monitor.MapGet("/dossiers", async ([AsParameters] MonitorVraag vraag, string? figuur, string? sleutel, int? pagina, int? paginaGrootte,
                MonitorLezer lezer, MonitorDoorklik doorklik, CancellationToken ct) =>
            {
                var (filter, fouten) = await lezer.LeesAsync(vraag, ct);
                Keuze.TryLees<Figuur>(figuur, "figuur", fouten, out var f);
                if (f is null && !fouten.ContainsKey("figuur")) fouten["figuur"] = ["Kies een figuur: " + string.Join(", ", Enum.GetNames<Figuur>().Select(n => char.ToLowerInvariant(n[0]) + n[1..])) + "."];
                if (filter is null || fouten.Count > 0) return (IResult)Problemen.Validatie(fouten);
                var lijst = await doorklik.HaalAsync(f!.Value, sleutel, filter, pagina ?? 1, paginaGrootte ?? 100, ct);
                return lijst is null
                    ? Problemen.Validatie(new() { ["sleutel"] = [$"Onbekende sleutel '{sleutel}' voor figuur {f}."] })
                    : TypedResults.Ok(lijst);
            })
            .RequireAuthorization(Beleid.Dossierwerk)
            .Produces<DoorklikLijst>()
            .ProducesValidationProblem()
            .WithSummary("De dossiers achter een cijfer (namen en links; elk opvragen komt in de audit met doel 'Monitor: doorklik')");

        return api;
    }

    private static async Task<IResult> Export(string tabel, string formaat, [AsParameters] MonitorVraag vraag,
        MonitorLezer lezer, MonitorOverzichtBouwer bouwer, CancellationToken ct)
    {
        var (filter, fouten) = await lezer.LeesAsync(vraag, ct);
        var soort = formaat.ToLowerInvariant();
        if (soort is not ("csv" or "xlsx")) fouten["formaat"] = [$"Onbekend formaat '{formaat}'. Kies csv of xlsx."];
        if (filter is null || fouten.Count > 0) return Problemen.Validatie(fouten);

        var overzicht = await bouwer.BouwAsync(filter, ct);
        var tabellen = string.Equals(tabel, "alle", StringComparison.OrdinalIgnoreCase)
            ? overzicht.Tabellen
            : overzicht.Tabellen.Where(t => string.Equals(t.Id, tabel, StringComparison.OrdinalIgnoreCase)).ToList();
        if (tabellen.Count == 0) return OnbekendeTabel(tabel, overzicht);

        var naam = $"koers-monitor-{(tabellen.Count == 1 ? tabellen[0].Id : "alle")}-{Bestandsdeel(filter)}";
        return soort == "csv"
            ? TypedResults.File(TabelExport.Csv(tabellen), TabelExport.CsvType, naam + ".csv")
            : TypedResults.File(TabelExport.Xlsx(tabellen, Toelichting(overzicht)), TabelExport.XlsxType, naam + ".xlsx");
    }

    public static IReadOnlyList<(string, string)> Toelichting(MonitorOverzicht o) =>
    [
        ("Selectie", o.Bereik),
        ("Periode", $"{o.Filter.Periode.Omschrijving} ({o.Filter.Periode.Van:yyyy-MM-dd} t/m {o.Filter.Periode.Tot:yyyy-MM-dd})"),
        ("Gemaakt op", o.Vandaag.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ("Kleine aantallen", o.Filter.VerbergKleineAantallen
            ? "Aantallen van 1 tot en met 4 zijn verborgen (<5); cijfers die daarvan zijn afgeleid ook ((<5)); x is een aantal dat verborgen is omdat er anders een klein aantal uit terug te rekenen is; . is een cijfer uit een groep die samen te klein is om iets van te tonen."
            : "Alle aantallen zijn zichtbaar (verbergen uitgezet)."),
        ("Budgetmodel", o.Budget.Model),
    ];

    private static string Bestandsdeel(MonitorFilter f) =>
        (f.GemeenteCode ?? (f.RegioId is { } r ? $"regio{r}" : "alle")).ToLowerInvariant() + "-" + f.Periode.Van.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + f.Periode.Tot.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static ProblemHttpResult OnbekendeTabel(string tabel, MonitorOverzicht overzicht) =>
        TypedResults.Problem(statusCode: 404, title: "Tabel niet gevonden",
            detail: $"Er is geen tabel '{tabel}'. Kies uit: alle, {string.Join(", ", overzicht.Tabellen.Select(t => t.Id))}.");
}

/// <summary>
/// Reads a monitor request for the screens and the API alike, limits it to the user's region, and checks that the place and
/// person exist there. A municipality, region or klantregisseur of another region is answered exactly as an unknown one,
/// so the monitor cannot be used to find out what exists elsewhere.
/// </summary>
public sealed class MonitorLezer(KoersDbContext db, Klok klok, KleineAantallenBeleid beleid, Toegang toegang)
{
    /// <summary>
    /// Reads the request. A user who never sees small counts is held to whole calendar years of all doelgroepen
    /// (<see cref="MonitorFilter.WeigerVerschilweergaven"/>): suppression is decided per year for a region and its
    /// municipalities together, in the main monitor and the participation monitor alike.
    /// </summary>
    public async Task<(MonitorFilter? Filter, Dictionary<string, string[]> Fouten)> LeesAsync(MonitorVraag vraag, CancellationToken ct = default)
    {
        var fouten = new Dictionary<string, string[]>();
        var bereik = await toegang.BereikAsync(ct);
        var regioGemeenten = (await toegang.MonitorGemeentenAsync(ct)).ToList();
        var filter = MonitorFilter.Lees(vraag, klok.Vandaag, beleid.Verberg(vraag.VerbergKleineAantallen), fouten, alleenJaren: !beleid.MagDoorklikken) is { } gelezen
            ? gelezen with { MetDoorklik = beleid.MagDoorklikken, Bereik = regioGemeenten }
            : null;
        int? gemeenteId = null;
        if (filter?.GemeenteCode is { } code)
        {
            gemeenteId = await db.Gemeenten.Where(g => g.Code == code && regioGemeenten.Contains(g.Id)).Select(g => (int?)g.Id).FirstOrDefaultAsync(ct);
            if (gemeenteId is null) fouten["gemeente"] = [$"Onbekende gemeente '{code}'."];
        }

        if (filter?.RegioId is { } regio && regio != bereik.RegioId)
        {
            fouten["regio"] = [$"Onbekende regio {regio}."];
        }

        if (filter?.KlantregisseurId is { } k && !await db.Medewerkers.AnyAsync(m => m.Id == k && m.Team!.RegioId == bereik.RegioId, ct))
        {
            fouten["klantregisseur"] = [$"Onbekende klantregisseur {k}."];
        }

        // Counts under 5 only of cases the user may open: a team lead of a region that does not share case files sees the
        // other municipality's figures suppressed, whatever verbergKleineAantallen says.
        if (filter is { VerbergKleineAantallen: false })
        {
            IEnumerable<int> selectie = gemeenteId is { } g ? [g] : regioGemeenten;
            if (!selectie.All(bereik.Gemeenten.Contains)) filter = filter with { VerbergKleineAantallen = true };
        }

        return (fouten.Count > 0 ? null : filter, fouten);
    }

    /// <summary>What the filter form offers: the user's region, its municipalities and its klantregisseurs (nothing of another region).</summary>
    public async Task<FilterKeuzes> KeuzesAsync(CancellationToken ct = default)
    {
        var regio = (await toegang.BereikAsync(ct)).RegioId;
        var regios = await db.Regios.AsNoTracking().Where(r => r.Id == regio).OrderBy(r => r.Naam).Select(r => new { r.Id, r.Naam }).ToListAsync(ct);
        var gemeenten = await db.Gemeenten.AsNoTracking().Where(g => g.RegioId == regio).OrderBy(g => g.Naam).Select(g => new { g.Code, g.Naam, Regio = g.Regio!.Naam }).ToListAsync(ct);
        var regisseurs = await db.Medewerkers.AsNoTracking().Where(m => m.Team!.RegioId == regio).OrderBy(m => m.Naam).Select(m => new { m.Id, m.Naam }).ToListAsync(ct);
        return new FilterKeuzes(
            regios.Select(r => (r.Id, r.Naam)).ToList(),
            gemeenten.Select(g => (g.Code, g.Naam, g.Regio)).ToList(),
            regisseurs.Select(m => (m.Id, m.Naam)).ToList());
    }
}

using Koers.Data;
using Koers.Domain.Dossier;
using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Monitor;

/// <summary>What the filter form offers: the user's region, its municipalities and its klantregisseurs (nothing of another region).</summary>
public sealed record FilterKeuzes(
    IReadOnlyList<(int Id, string Naam)> Regios,
    IReadOnlyList<(string Code, string Naam, string Regio)> Gemeenten,
    IReadOnlyList<(int Id, string Naam)> Klantregisseurs)
{
    public static async Task<FilterKeuzes> LaadAsync(KoersDbContext db, Toegang toegang, CancellationToken ct)
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

/// <summary>Shared by the dashboard and the printable report: read the filter, build the overview.</summary>
public abstract class MonitorPagina(MonitorLezer lezer, MonitorOverzichtBouwer bouwer, KoersDbContext db, Toegang toegang) : PageModel
{
    public MonitorVraag Vraag { get; private set; } = new();
    public MonitorFilter? Filter { get; private set; }
    public MonitorOverzicht? Overzicht { get; private set; }
    public Dictionary<string, string[]> Fouten { get; private set; } = [];
    public FilterKeuzes Keuzes { get; private set; } = new([], [], []);

    public async Task<IActionResult> OnGetAsync([FromQuery] MonitorVraag vraag, CancellationToken ct)
    {
        Vraag = vraag;
        Keuzes = await FilterKeuzes.LaadAsync(db, toegang, ct);
        (Filter, Fouten) = await lezer.LeesAsync(vraag, ct);
        if (Filter is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Overzicht = await bouwer.BouwAsync(Filter, ct);
        return Page();
    }

    public string Link(string pad, IDictionary<string, string?>? extra = null) => Filter?.Url(pad, extra) ?? pad;

    public static IEnumerable<Doelgroep> Doelgroepen => Enum.GetValues<Doelgroep>();
}

public sealed class IndexModel(MonitorLezer lezer, MonitorOverzichtBouwer bouwer, KoersDbContext db, Toegang toegang) : MonitorPagina(lezer, bouwer, db, toegang);

public sealed class RapportModel(MonitorLezer lezer, MonitorOverzichtBouwer bouwer, KoersDbContext db, Toegang toegang) : MonitorPagina(lezer, bouwer, db, toegang);

/// <summary>The cases behind one figure: names and links, audited per case as 'Monitor: doorklik'.</summary>
public sealed class DossiersModel(MonitorLezer lezer, MonitorDoorklik doorklik) : PageModel
{
    public const int PaginaGrootte = 100;

    public DoorklikLijst? Lijst { get; private set; }
    public MonitorFilter? Filter { get; private set; }
    public Dictionary<string, string[]> Fouten { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] MonitorVraag vraag, [FromQuery] string? figuur, [FromQuery] string? sleutel, [FromQuery] int? pagina, CancellationToken ct)
    {
        // Names of people: never cached by a browser or proxy.
        Response.Headers.CacheControl = "no-store";
        (Filter, Fouten) = await lezer.LeesAsync(vraag, ct);
        Infrastructure.Keuze.TryLees<Figuur>(figuur, "figuur", Fouten, out var f);
        if (f is null && !Fouten.ContainsKey("figuur")) Fouten["figuur"] = ["Er is geen cijfer gekozen."];
        if (Filter is not null && f is { } keuze)
        {
            Lijst = await doorklik.HaalAsync(keuze, sleutel, Filter, pagina ?? 1, PaginaGrootte, ct);
            if (Lijst is null)
            {
                Fouten["sleutel"] = [keuze == Figuur.Caseload ? "Deze klantregisseur is onbekend in uw regio." : $"Onbekende sleutel '{sleutel}' voor dit cijfer."];
            }
        }

        if (Lijst is null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string PaginaLink(int pagina) =>
        Filter!.Url("/monitor/dossiers", new Dictionary<string, string?>
        {
            ["figuur"] = Lijst!.Figuur.ToString(), ["sleutel"] = Lijst.Sleutel, ["pagina"] = pagina.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
}

/// <summary>A table on a page: with export links on the dashboard, without in the printed report.</summary>
public sealed record TabelWeergave(Tabel Tabel, MonitorFilter Filter, bool Export);

/// <summary>All sections of the monitor, for the dashboard (with links and exports) and the report.</summary>
public sealed record OverzichtWeergave(MonitorOverzicht Overzicht, MonitorFilter Filter, bool Export)
{
    public TabelWeergave Tabel(string id) => new(Overzicht.Tabel(id), Filter, Export);
}

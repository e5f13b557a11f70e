using Koers.Domain.Dossier;
using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Monitor;

/// <summary>What the filter form offers: the user's region, its municipalities and its klantregisseurs (nothing of another region).</summary>
public sealed record FilterKeuzes(
    IReadOnlyList<(int Id, string Naam)> Regios,
    IReadOnlyList<(string Code, string Naam, string Regio)> Gemeenten,
    IReadOnlyList<(int Id, string Naam)> Klantregisseurs);

/// <summary>Shared by the dashboard and the printable report: read the filter, build the overview.</summary>
public abstract class MonitorPagina(MonitorLezer lezer, MonitorOverzichtBouwer bouwer) : PageModel
{
    public MonitorVraag Vraag { get; private set; } = new();
    public MonitorFilter? Filter { get; private set; }
    public MonitorOverzicht? Overzicht { get; private set; }
    public Dictionary<string, string[]> Fouten { get; private set; } = [];
    public FilterKeuzes Keuzes { get; private set; } = new([], [], []);

    public async Task<IActionResult> OnGetAsync([FromQuery] MonitorVraag vraag, CancellationToken ct)
    {
        Vraag = vraag;
        Keuzes = await lezer.KeuzesAsync(ct);
        (Filter, Fouten) = await lezer.LeesAsync(vraag, ct);
        if (Filter is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (OverzichtNodig) Overzicht = await bouwer.BouwAsync(Filter, ct);
        await NaFilterAsync(Filter, ct);
        return Page();
    }

    /// <summary>Whether the main overview is built (a tab shows something else instead).</summary>
    protected virtual bool OverzichtNodig => true;

    /// <summary>Work after the filter is read and valid (a tab builds its own content here).</summary>
    protected virtual Task NaFilterAsync(MonitorFilter filter, CancellationToken ct) => Task.CompletedTask;

    public string Link(string pad, IDictionary<string, string?>? extra = null) => Filter?.Url(pad, extra) ?? pad;

    public static IEnumerable<Doelgroep> Doelgroepen => Enum.GetValues<Doelgroep>();
}

/// <summary>
/// The dashboard: the overview, or one of the tabs other features add (<see cref="IMonitorTabblad"/>, e.g. provider performance)
/// under the same filter. A tab the user may not see is answered as an unknown one.
/// </summary>
public sealed class IndexModel(MonitorLezer lezer, MonitorOverzichtBouwer bouwer, IEnumerable<IMonitorTabblad> tabbladen) : MonitorPagina(lezer, bouwer)
{
    [BindProperty(SupportsGet = true, Name = "tab")]
    public string? Tab { get; set; }

    /// <summary>The tab's own route choice (only tabs use it; the overview counts all routes).</summary>
    [BindProperty(SupportsGet = true, Name = "leerroute")]
    public string? Leerroute { get; set; }

    public IReadOnlyList<IMonitorTabblad> Tabbladen { get; } = [.. tabbladen];

    public IMonitorTabblad? Tabblad { get; private set; }

    public MonitorTabbladInhoud? TabInhoud { get; private set; }

    /// <summary>The tabs this user sees.</summary>
    public IEnumerable<IMonitorTabblad> ZichtbareTabbladen => Tabbladen.Where(t => t.MagZien(User));

    protected override bool OverzichtNodig => string.IsNullOrWhiteSpace(Tab);

    protected override async Task NaFilterAsync(MonitorFilter filter, CancellationToken ct)
    {
        Tabblad = Kies();
        if (!string.IsNullOrWhiteSpace(Tab) && Tabblad is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (Tabblad is not null) TabInhoud = await Tabblad.BouwAsync(filter, Leerroute, User, ct);
    }

    private IMonitorTabblad? Kies() =>
        string.IsNullOrWhiteSpace(Tab) ? null : ZichtbareTabbladen.FirstOrDefault(t => string.Equals(t.Sleutel, Tab.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>A link to a tab (null: the overview) under the current filter.</summary>
    public string TabLink(string? tab, string? leerroute = null) =>
        Link("/monitor", new Dictionary<string, string?> { ["tab"] = tab, ["leerroute"] = leerroute });
}

public sealed class RapportModel(MonitorLezer lezer, MonitorOverzichtBouwer bouwer) : MonitorPagina(lezer, bouwer);

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
/// <param name="Doorklik">Show the cells' links without the export links (a tab's tables are not in the monitor's export).</param>
public sealed record TabelWeergave(Tabel Tabel, MonitorFilter Filter, bool Export, bool Doorklik = false);

/// <summary>All sections of the monitor, for the dashboard (with links and exports) and the report.</summary>
public sealed record OverzichtWeergave(MonitorOverzicht Overzicht, MonitorFilter Filter, bool Export)
{
    public TabelWeergave Tabel(string id) => new(Overzicht.Tabel(id), Filter, Export);
}

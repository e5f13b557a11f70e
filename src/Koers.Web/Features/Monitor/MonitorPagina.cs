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

        Overzicht = await bouwer.BouwAsync(Filter, ct);
        return Page();
    }

    public string Link(string pad, IDictionary<string, string?>? extra = null) => Filter?.Url(pad, extra) ?? pad;

    public static IEnumerable<Doelgroep> Doelgroepen => Enum.GetValues<Doelgroep>();
}

public sealed class IndexModel(MonitorLezer lezer, MonitorOverzichtBouwer bouwer) : MonitorPagina(lezer, bouwer);

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
public sealed record TabelWeergave(Tabel Tabel, MonitorFilter Filter, bool Export);

/// <summary>All sections of the monitor, for the dashboard (with links and exports) and the report.</summary>
public sealed record OverzichtWeergave(MonitorOverzicht Overzicht, MonitorFilter Filter, bool Export)
{
    public TabelWeergave Tabel(string id) => new(Overzicht.Tabel(id), Filter, Export);
}

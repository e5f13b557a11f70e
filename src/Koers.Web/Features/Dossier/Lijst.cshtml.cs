using System.Globalization;
using Koers.Domain.Dossier;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Dossier;

public sealed class LijstModel(Dossierlijst lijst) : PageModel
{
    /// <summary>'kop' when the search came from the header's search box: one exact hit on a number then opens that case.</summary>
    [BindProperty] public string? Bron { get; set; }

    /// <summary>Name, BSN or V-nummer. Posted, never in the URL: a URL lands in access logs and browser history.</summary>
    [BindProperty] public string? Zoek { get; set; }
    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }
    [BindProperty(SupportsGet = true)] public Fase? Fase { get; set; }
    [BindProperty(SupportsGet = true)] public int Pagina { get; set; } = 1;
    public const int PaginaGrootte = 50;

    public int Totaal { get; private set; }
    public List<InburgeraarSamenvatting> Regels { get; private set; } = [];
    public List<(string Code, string Naam)> Gemeenten { get; private set; } = [];
    public Dictionary<Fase, int> PerFase { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct)
    {
        Zoek = null;
        return LaadAsync(ct);
    }

    /// <summary>After a search: what was searched for, in words (never the number itself).</summary>
    public string? ZoekSoort => string.IsNullOrWhiteSpace(Zoek) ? null : Zoekterm.Soort(Zoek);

    /// <summary>
    /// A search (list filters or the header's search box). Only cases within the user's reach are searched (the same rule
    /// as every case read); the search is audited: one line per case listed, or one line saying nothing was found. The
    /// term itself is never written down, only its kind: a BSN must not end up in the audit text, a log or a URL.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LaadAsync(ct);
        if (string.IsNullOrWhiteSpace(Zoek)) return Page();

        var soort = Zoekterm.Soort(Zoek);
        await lijst.NoteerZoekopdrachtAsync($"Zoeken op {soort}", Regels, ct);
        // From the header: a BSN or V-nummer is one person, so go straight to that case (its id in the URL, not the number).
        if (Bron == "kop" && soort != "naam" && Totaal == 1) return Redirect($"/inburgeraars/{Regels[0].Id}");
        return Page();
    }

    private async Task LaadAsync(CancellationToken ct)
    {
        var pagina = await lijst.HaalAsync(Gemeente, Fase, Zoek, Pagina, PaginaGrootte, ct);
        (Gemeenten, PerFase, Totaal, Pagina, Regels) = (pagina.Gemeenten, pagina.PerFase, pagina.Totaal, pagina.Pagina, pagina.Regels);
    }

    /// <summary>Paging link without a search term (a search pages through posted forms).</summary>
    public string Link(int pagina) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/inburgeraars",
        new Dictionary<string, string?> { ["gemeente"] = Gemeente, ["fase"] = Fase?.ToString(), ["pagina"] = pagina.ToString(CultureInfo.InvariantCulture) }
            .Where(kv => !string.IsNullOrEmpty(kv.Value)));
}

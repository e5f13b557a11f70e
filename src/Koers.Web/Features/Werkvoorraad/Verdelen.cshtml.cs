using System.Globalization;
using Koers.Data.Model;
using Koers.Domain.Dossier;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Werkvoorraad;

/// <summary>
/// Werk verdelen (teamleider): filter the open cases within reach, tick them, and give them to one klantregisseur whose
/// caseload is shown while choosing. A klantregisseur without the teamleider role does not get this page.
/// </summary>
public sealed class VerdelenModel(Werkverdeling verdeling) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }

    /// <summary>The current klantregisseur to filter on: an id, <see cref="VerdeelFilter.NietToegewezen"/>, or empty for all.</summary>
    [BindProperty(SupportsGet = true)] public string? Klantregisseur { get; set; }
    [BindProperty(SupportsGet = true)] public Fase? Fase { get; set; }
    [BindProperty(SupportsGet = true)] public Leerroute? Leerroute { get; set; }

    /// <summary>Tick every case shown (a link, so it works without script).</summary>
    [BindProperty(SupportsGet = true)] public bool Alles { get; set; }

    [BindProperty] public List<Guid> Dossiers { get; set; } = [];

    /// <summary>The klantregisseur who gets the chosen cases.</summary>
    [BindProperty] public int? Naar { get; set; }

    public List<(int Id, string Code, string Naam)> Gemeenten { get; private set; } = [];
    public List<KlantregisseurCaseload> Regisseurs { get; private set; } = [];
    public int NietToegewezen { get; private set; }
    public int Totaal { get; private set; }
    public List<VerdeelRegel> Regels { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LaadAsync(ct);
        if (Alles) Dossiers = Regels.Select(r => r.Id).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Only the two fields of the assignment decide; a filter value the binder could not read does not block it.
        foreach (var sleutel in ModelState.Keys.Where(k => k is not nameof(Dossiers) and not nameof(Naar)).ToList()) ModelState.Remove(sleutel);
        if (ModelState.IsValid)
        {
            var u = await verdeling.ToewijzenAsync(Dossiers, Naar, ct);
            if (u.Gelukt)
            {
                var r = u.Waarde!;
                var melding = $"{r.Aantal} {(r.Aantal == 1 ? "dossier" : "dossiers")} toegewezen aan {r.Klantregisseur}.";
                if (r.AlToegewezen > 0) melding += $" {r.AlToegewezen} {(r.AlToegewezen == 1 ? "dossier had" : "dossiers hadden")} deze klantregisseur al.";
                TempData["Melding"] = melding;
                return Redirect(Link());
            }

            ModelState.VoegToe(u.Fouten, veld => veld == "Klantregisseur" ? nameof(Naar) : veld);
        }

        await LaadAsync(ct); // the ticked cases and the chosen klantregisseur stay as they were posted
        return Page();
    }

    private async Task LaadAsync(CancellationToken ct)
    {
        Gemeenten = await verdeling.GemeentenAsync(ct);
        Regisseurs = await verdeling.KlantregisseursAsync(ct);
        NietToegewezen = await verdeling.NietToegewezenAsync(ct);
        (Totaal, Regels) = await verdeling.ZoekAsync(new VerdeelFilter(Gemeente, Klantregisseur, Fase, Leerroute), ct);
    }

    /// <summary>This page with the current filter (and optionally every case ticked).</summary>
    public string Link(bool alles = false) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/werkvoorraad/verdelen",
        new Dictionary<string, string?>
        {
            ["gemeente"] = Gemeente,
            ["klantregisseur"] = Klantregisseur,
            ["fase"] = Fase?.ToString(),
            ["leerroute"] = Leerroute?.ToString(),
            ["alles"] = alles ? "true" : null,
        }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public static string Aantal(int n) => n.ToString(CultureInfo.GetCultureInfo("nl-NL"));
}

using Koers.Data.Model.Brp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Brp;

/// <summary>
/// The case's BRP page: ask the BRP (a button, not on opening the page: every lookup is a processing of personal data
/// with a purpose and is logged), compare with Koers, and take the data over only after the klantregisseur confirms.
/// </summary>
public sealed class IndexModel(BrpService brp) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public string Naam { get; private set; } = string.Empty;
    public BrpVergelijking? Vergelijking { get; private set; }
    public string? Fout { get; private set; }
    public IReadOnlyList<BrpSignaal> Signalen { get; private set; } = [];

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        if (await brp.DossierAsync(Id, ct) is not { } dossier) return false;
        Naam = dossier.Naam;
        Signalen = dossier.Signalen;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LaadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRaadplegenAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        var uitkomst = await brp.VergelijkAsync(Id, ct);
        if (uitkomst.NietToegestaan) return NotFound();
        Vergelijking = uitkomst.Waarde;
        Fout = uitkomst.Fout;
        return Page();
    }

    public async Task<IActionResult> OnPostOvernemenAsync(string? versie, CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        var uitkomst = await brp.OvernemenAsync(Id, versie, ct);
        if (uitkomst.NietToegestaan) return NotFound();
        if (uitkomst.Waarde is { } gewijzigd)
        {
            TempData["Melding"] = gewijzigd.Count == 0
                ? "De gegevens in Koers kwamen al overeen met de BRP; er is niets gewijzigd."
                : "Overgenomen uit de BRP: " + string.Join(", ", gewijzigd) + ".";
            return Redirect($"/inburgeraars/{Id}");
        }

        Fout = uitkomst.Fout;
        return Page();
    }

    public async Task<IActionResult> OnPostAfgehandeldAsync(long signaal, CancellationToken ct)
    {
        if (!await brp.AfhandelenAsync(Id, signaal, ct)) return NotFound();
        TempData["Melding"] = "Het BRP-signaal is afgehandeld. Het dossier zelf is niet gewijzigd.";
        return Redirect($"/inburgeraars/{Id}#brp");
    }
}

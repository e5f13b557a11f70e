using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Zgw;

/// <summary>The case's zaak in the zaaksysteem: identificatie, archive metadata, every step with its status, and retry for a failed one.</summary>
public sealed class DossierModel(ZgwService zgw) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    public string Naam { get; private set; } = string.Empty;
    public ZgwZaakStand Stand { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LaadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOpnieuwAsync(long stap, CancellationToken ct)
    {
        // Only a step of this case: the id in the form cannot reach another case's step through this page.
        switch (await zgw.OpnieuwVoorDossierAsync(Id, stap, ct))
        {
            case null:
                return NotFound();
            case false:
                ModelState.AddModelError("stap", "Alleen een mislukte stap kan opnieuw worden aangeboden.");
                return await LaadAsync(ct) ? Page() : NotFound();
            default:
                TempData["Melding"] = "De stap is opnieuw aangeboden; Koers voert hem zo uit.";
                return Redirect($"/inburgeraars/{Id}/zaaksysteem");
        }
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        if (await zgw.DossierAsync(Id, ct) is not { } dossier) return false;
        Stand = dossier.Stand;
        Naam = dossier.Naam;
        return true;
    }
}

using Koers.Data.Model;
using Koers.Web.Features.Dossier;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Intake;

public sealed class LeerbaarheidstoetsModel(IntakeService intake, DossierService dossiers) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public LbtInvoer Toets { get; set; } = new();

    public Inburgeraar Dossier { get; private set; } = null!;
    public Data.Model.Leerbaarheidstoets? Opgeslagen { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync("Scherm: leerbaarheidstoets bekeken", ct)) return NotFound();
        if (Opgeslagen is { } t)
        {
            Toets = new LbtInvoer
            {
                Aangemeld = t.Aangemeld, Afgenomen = t.Afgenomen, Afnemer = t.Afnemer, Score = t.Score,
                CesuurVolgensDuo = t.CesuurVolgensDuo, Overgeslagen = t.Overgeslagen, RedenOverslaan = t.RedenOverslaan,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var uitkomst = await intake.LeerbaarheidstoetsOpslaanAsync(Id, Toets, ct: ct);
            if (uitkomst.NietGevonden) return NotFound();
            if (uitkomst.Gelukt)
            {
                TempData["Melding"] = "De leerbaarheidstoets is opgeslagen.";
                return Redirect($"/inburgeraars/{Id}/leerbaarheidstoets");
            }

            ModelState.VoegToe(uitkomst.Fouten, "Toets");
        }

        return await LaadAsync("Scherm: leerbaarheidstoets na geweigerde invoer", ct) ? Page() : NotFound();
    }

    private async Task<bool> LaadAsync(string doel, CancellationToken ct)
    {
        var dossier = await dossiers.InzienAsync(Id, doel, ct);
        if (dossier is null) return false;
        Dossier = dossier;
        Opgeslagen = (await intake.HaalAsync(Id, ct))!.Toets;
        return true;
    }
}

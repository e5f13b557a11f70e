using Koers.Data;
using Koers.Data.Model;
using Microsoft.AspNetCore.Mvc;

namespace Koers.Web.Features.Dossier;

public sealed class NieuwModel(KoersDbContext db, DossierService service) : FormulierBasis(db)
{
    /// <summary>'coa' when registering a koppeling from the COA (koppelingsdatum required).</summary>
    [BindProperty(SupportsGet = true)] public string? Bron { get; set; }

    public bool IsCoa => string.Equals(Bron, "coa", StringComparison.OrdinalIgnoreCase);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // No doelgroep is preselected, not even on the COA form: the COA couples nareizigers too, and a preselected
        // 'asielstatushouder' would be chosen for the user without a word. An empty form says 'Kies een doelgroep'.
        await LaadKeuzesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        NormaliseerFormulier();
        if (ModelState.IsValid)
        {
            var uitkomst = await service.RegistreerAsync(Invoer, IsCoa ? Registratiebron.CoaKoppeling : Registratiebron.Handmatig, ct);
            if (uitkomst.Gelukt)
            {
                TempData["Melding"] = IsCoa ? "De koppeling is geregistreerd en het dossier is aangemaakt." : "Het dossier is aangemaakt.";
                return Redirect($"/inburgeraars/{uitkomst.Waarde}");
            }

            ToonFouten(uitkomst.Fouten);
        }

        await LaadKeuzesAsync(ct);
        return Page();
    }
}

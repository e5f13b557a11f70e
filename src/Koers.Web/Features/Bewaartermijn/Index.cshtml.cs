using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Bewaartermijn;

public sealed class IndexModel(BewaartermijnService service) : PageModel
{
    [BindProperty] public bool Bevestigd { get; set; }
    public BewaarRapport Rapport { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Rapport = await service.ProefAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Bevestigd)
        {
            ModelState.AddModelError(nameof(Bevestigd), "Vink aan dat u het proefrapport hebt gecontroleerd.");
            Rapport = await service.ProefAsync(ct);
            return Page();
        }

        var aantal = await service.UitvoerenAsync(ct);
        TempData["Melding"] = $"{aantal} dossiers geanonimiseerd.";
        return RedirectToPage();
    }
}

using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Partnerportaal;

/// <summary>One case as the partner may see it: only the consented categories. Without consent: 404.</summary>
public sealed class PartnerDossierModel(PartnerInzage inzage) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public PartnerDossierDto Dossier { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var d = await inzage.DossierAsync(Id, null, ct);
        if (d is null) return NotFound();
        Dossier = d;
        return Page();
    }
}

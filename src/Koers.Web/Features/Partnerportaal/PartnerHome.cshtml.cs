using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Partnerportaal;

/// <summary>The chain partner's home: the cases its organisation has consent for, and its open referrals.</summary>
public sealed class PartnerHomeModel(PartnerInzage inzage, Toegang toegang) : PageModel
{
    public IReadOnlyList<PartnerDossierRegel> Dossiers { get; private set; } = [];
    public bool Gekoppeld { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Gekoppeld = (await toegang.BereikAsync(ct)).IsPartner;
        if (Gekoppeld) Dossiers = await inzage.DossiersAsync(ct);
        return Page();
    }
}

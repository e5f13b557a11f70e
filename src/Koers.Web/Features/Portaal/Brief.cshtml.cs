using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Handhaving;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Portaal;

/// <summary>One of the inburgeraar's own handhaving letters as PDF; any other id answers 404. Opening it is audited.</summary>
[Authorize(Policy = Beleid.Portaal)]
public sealed class BriefModel(Toegang toegang, HandhavingService handhaving) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (bereik.EigenDossier is not { } eigen) return NotFound();
        var b = await handhaving.BriefAsync(eigen, id, ct);
        if (b is null) return NotFound();
        return File(b.Pdf!, "application/pdf", $"{b.Kenmerk}.pdf");
    }
}

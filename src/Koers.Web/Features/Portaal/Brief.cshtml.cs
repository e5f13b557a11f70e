using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Handhaving;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Portaal;

/// <summary>One of the inburgeraar's own handhaving or ontzorgen letters as PDF; any other id answers 404. Opening it is audited.</summary>
public sealed class BriefModel(Toegang toegang, HandhavingService handhaving, Ontzorgen.OntzorgenService ontzorgen) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (bereik.EigenDossier is not { } eigen) return NotFound();
        if (await handhaving.BriefAsync(eigen, id, ct) is { } h) return File(h.Pdf!, "application/pdf", $"{h.Kenmerk}.pdf");
        if (await ontzorgen.BriefAsync(eigen, id, ct) is { } o) return File(o.Pdf, "application/pdf", $"{o.Kenmerk}.pdf");
        return NotFound();
    }
}

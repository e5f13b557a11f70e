using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Pip;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Portaal;

/// <summary>One of the inburgeraar's own beschikkingen as PDF; any other id answers 404. Opening it is audited.</summary>
public sealed class BeschikkingModel(Toegang toegang, PipService pips) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (bereik.EigenDossier is not { } eigen) return NotFound();
        var b = await pips.BeschikkingAsync(eigen, id, ct);
        if (b is null) return NotFound();
        return File(b.Pdf, "application/pdf", $"{b.Kenmerk}.pdf");
    }
}

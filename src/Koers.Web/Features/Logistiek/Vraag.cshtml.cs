using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Logistiek;

/// <summary>For the policy officer and team lead: demand for evening and weekend classes per lesson location, and reachability per kern; no person shown.</summary>
public sealed class VraagModel(LogistiekService logistiek) : PageModel
{
    public LogistiekVraagDto Vraag { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await logistiek.VraagAsync(ct) is not { } vraag) return NotFound();
        Vraag = vraag;
        return Page();
    }
}

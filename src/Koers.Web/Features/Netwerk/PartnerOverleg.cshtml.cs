using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Netwerk;

/// <summary>A casusoverleg as a participating chain partner sees it: only the cases it has consent for, read only.</summary>
public sealed class PartnerOverlegModel(CasusoverlegService overleggen) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public OverlegStand Stand { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var s = await overleggen.HaalAsync(Id, ct);
        if (s is null || !s.IsPartner) return NotFound();
        Stand = s;
        return Page();
    }
}

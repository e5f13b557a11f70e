using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Netwerk;

/// <summary>A group as its organising partner sees it: sessions, and the names of the enrolled persons that gave consent.</summary>
public sealed class PartnerGroepModel(GroepenService groepen) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public GroepStand Stand { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var s = await groepen.HaalAsync(Id, ct);
        if (s is null || !s.IsPartner) return NotFound();
        Stand = s;
        return Page();
    }
}

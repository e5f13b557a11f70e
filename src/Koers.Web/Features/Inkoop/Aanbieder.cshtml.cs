using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Inkoop;

/// <summary>The persons behind one provider's figures (team lead only; each listed person is audited).</summary>
public sealed class AanbiederModel(AanbiedersService service) : PageModel
{
    public AanbiederPersonenDto Lijst { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var lijst = await service.PersonenAsync(id, ct);
        if (lijst is null) return NotFound();
        Lijst = lijst;
        return Page();
    }
}

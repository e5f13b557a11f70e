using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Inkoop;

/// <summary>The persons behind one provider's figures (team lead only; each listed person is audited).</summary>
public sealed class AanbiederModel(AanbiedersService service) : PageModel
{
    public AanbiederPersonenDto Lijst { get; private set; } = null!;

    /// <summary>The year asked for could not be used; the page shows the default year and says why.</summary>
    public string? JaarFout { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? jaar, [FromServices] Infrastructure.Klok klok, CancellationToken ct)
    {
        JaarFout = AanbiedersService.JaarFout(jaar, klok.Vandaag);
        var lijst = await service.PersonenAsync(id, JaarFout is null ? jaar : null, ct);
        if (lijst is null) return NotFound();
        Lijst = lijst;
        return Page();
    }
}

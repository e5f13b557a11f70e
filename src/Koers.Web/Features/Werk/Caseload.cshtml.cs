using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Werk;

/// <summary>The jobcoach's caseload: running placements within reach, per jobcoach.</summary>
public sealed class CaseloadModel(WerkService werk) : PageModel
{
    public IReadOnlyList<Caseload> Lijst { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Lijst = await werk.CaseloadAsync(ct);
}

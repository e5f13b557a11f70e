using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Netwerk;

/// <summary>The chain partner's casusoverleggen: those its organisation takes part in.</summary>
public sealed class PartnerOverleggenModel(CasusoverlegService overleggen) : PageModel
{
    public IReadOnlyList<OverlegRegel> Lijst { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Lijst = await overleggen.LijstAsync(ct);
}

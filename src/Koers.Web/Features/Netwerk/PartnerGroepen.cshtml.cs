using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Netwerk;

/// <summary>The chain partner's groups: those its organisation organises.</summary>
public sealed class PartnerGroepenModel(GroepenService groepen) : PageModel
{
    public IReadOnlyList<GroepRegel> Lijst { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Lijst = await groepen.LijstAsync(ct);
}

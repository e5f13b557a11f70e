using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Inkoop;

/// <summary>Procurement overview: contracts whose end is near, use against volume, and the forecast per route.</summary>
public sealed class IndexModel(InkoopService inkoop, InkoopPrognose prognose) : PageModel
{
    public IReadOnlyList<ContractOverzichtDto> Contracten { get; private set; } = [];
    public IReadOnlyList<ProductDto> Producten { get; private set; } = [];
    public bool MagBeheren { get; private set; }
    public PrognoseDto Prognose { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Contracten = await inkoop.ContractenAsync(ct);
        Producten = await inkoop.ProductenAsync(ct);
        MagBeheren = InkoopModule.Beheerders.Any(User.IsInRole);
        Prognose = await prognose.BerekenAsync(null, ct);
    }
}

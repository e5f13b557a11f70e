using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Inkoop;

/// <summary>Procurement overview: contracts whose end is near, use against volume, and the forecast per route.</summary>
public sealed class IndexModel(InkoopService inkoop, InkoopPrognose prognose, IAuthorizationService autorisatie) : PageModel
{
    public IReadOnlyList<ContractOverzichtDto> Contracten { get; private set; } = [];
    public IReadOnlyList<ProductDto> Producten { get; private set; } = [];
    public bool MagBeheren { get; private set; }

    /// <summary>Functioneel beheer reads procurement but not the monitor: the link to the monitor's tab is only for those who may open it.</summary>
    public bool MagMonitor { get; private set; }
    public PrognoseDto Prognose { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Contracten = await inkoop.ContractenAsync(ct);
        Producten = await inkoop.ProductenAsync(ct);
        MagBeheren = InkoopModule.Beheerders.Any(User.IsInRole);
        MagMonitor = (await autorisatie.AuthorizeAsync(User, Beveiliging.Beleid.Monitor)).Succeeded;
        Prognose = await prognose.BerekenAsync(null, ct);
    }
}

using Koers.Data.Model;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Ketenpartners;

/// <summary>Waiting lists of all partners of the region(s), for klantregisseurs, teamleiders and beheer.</summary>
public sealed class WachtlijstenModel(KetenpartnersService partners) : PageModel
{
    public IReadOnlyList<WachtlijstDto> Lijst { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Lijst = await partners.WachtlijstenAsync(null, ct);
}

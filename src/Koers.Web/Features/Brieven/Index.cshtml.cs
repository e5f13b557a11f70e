using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Brieven;

/// <summary>Functioneel beheer: the letter kinds of one municipality with the version of their text in use.</summary>
public sealed class IndexModel(BriefsjabloonService sjablonen) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }

    public List<Data.Model.Gemeente> Gemeenten { get; private set; } = [];
    public Data.Model.Gemeente Huidige { get; private set; } = null!;
    public IReadOnlyList<SjabloonStand> Overzicht { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Gemeenten = await sjablonen.GemeentenAsync(ct);
        Gemeente ??= Gemeenten.FirstOrDefault()?.Code;
        if (await sjablonen.GemeenteAsync(Gemeente, ct) is not { } g) return NotFound();
        Huidige = g;
        Overzicht = await sjablonen.OverzichtAsync(g, ct);
        return Page();
    }
}

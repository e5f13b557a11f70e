using Koers.Data.Model.Ontzorgen;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Ontzorgen;

/// <summary>One payment run: the human-readable overview with totals, and the download of its SEPA file.</summary>
public sealed class BetaalrunModel(BetaalrunService runs) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid RunId { get; set; }

    public Betaalrun Run { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> Namen { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var gevonden = await runs.HaalAsync(RunId, "Scherm: ontzorgen", ct);
        if (gevonden is null) return NotFound();
        (Run, Namen) = gevonden.Value;
        return Page();
    }

    public async Task<IActionResult> OnGetXmlAsync(CancellationToken ct)
    {
        var run = await runs.BestandAsync(RunId, ct);
        return run is null ? NotFound() : File(run.Xml, "application/xml", $"{run.MsgId}.xml");
    }
}

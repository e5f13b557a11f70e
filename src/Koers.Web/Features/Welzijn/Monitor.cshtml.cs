using Koers.Web.Features.Monitor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Welzijn;

/// <summary>The well-being aggregate in the Monitor (beleidsmedewerker, teamleider): people, never content.</summary>
public sealed class MonitorModel(MonitorLezer lezer, WelzijnMonitor monitor) : PageModel
{
    public MonitorVraag Vraag { get; private set; } = new();
    public MonitorFilter? Filter { get; private set; }
    public WelzijnRapport? Rapport { get; private set; }
    public Dictionary<string, string[]> Fouten { get; private set; } = [];
    public FilterKeuzes Keuzes { get; private set; } = new([], [], []);

    public async Task<IActionResult> OnGetAsync([FromQuery] MonitorVraag vraag, CancellationToken ct)
    {
        Vraag = vraag;
        Keuzes = await lezer.KeuzesAsync(ct);
        (Filter, Fouten) = await lezer.LeesAsync(vraag, ct);
        if (Filter is null || Fouten.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Rapport = await monitor.BouwAsync(Filter, ct);
        return Page();
    }
}

using Koers.Domain.Dossier;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Monitor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Participatie;

/// <summary>The participation monitor's cohort report in the Monitor: by intake period, municipality, doelgroep and leerroute.</summary>
public sealed class MonitorModel(MonitorLezer lezer, ParticipatieMonitor monitor, KleineAantallenBeleid beleid) : PageModel
{
    public MonitorVraag Vraag { get; private set; } = new();
    public string? Leerroute { get; private set; }
    public MonitorFilter? Filter { get; private set; }
    public ParticipatieRapport? Rapport { get; private set; }
    public Dictionary<string, string[]> Fouten { get; private set; } = [];
    public FilterKeuzes Keuzes { get; private set; } = new([], [], []);

    public async Task<IActionResult> OnGetAsync([FromQuery] MonitorVraag vraag, [FromQuery] string? leerroute, CancellationToken ct)
    {
        (Vraag, Leerroute) = (vraag, leerroute);
        Keuzes = await lezer.KeuzesAsync(ct);
        (Filter, Fouten) = await lezer.LeesAsync(vraag, ct);
        Infrastructure.Keuze.TryLees<Leerroute>(leerroute, "leerroute", Fouten, out var route, r => r.Omschrijving());
        MonitorFilter.WeigerLeerroute(leerroute, !beleid.MagDoorklikken, Fouten);
        if (Filter is null || Fouten.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Rapport = await monitor.BouwAsync(Filter, route, ct);
        return Page();
    }
}

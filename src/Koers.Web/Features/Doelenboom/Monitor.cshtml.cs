using Koers.Web.Features.Monitor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Doelenboom;

/// <summary>The doelenboom in the monitor (beleidsmedewerker, teamleider): the tree as a picture, a list and tables.</summary>
public sealed class MonitorModel(DoelenboomMonitor monitor) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "gemeente")] public string? Gemeente { get; set; }
    [BindProperty(SupportsGet = true, Name = "verbergKleineAantallen")] public bool? VerbergKleineAantallen { get; set; }

    public DoelenboomRapport? Rapport { get; private set; }
    public Dictionary<string, string[]> Fouten { get; private set; } = [];
    public List<(string Code, string Naam)> MetBoom { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        (Rapport, Fouten, MetBoom) = await monitor.LeesAsync(Gemeente, VerbergKleineAantallen, ct);
        if (Rapport is null && MetBoom.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string CsvLink => $"/api/v1/monitor/doelenboom/csv?gemeente={Uri.EscapeDataString(Rapport?.GemeenteCode ?? string.Empty)}"
                             + (VerbergKleineAantallen is { } v ? $"&verbergKleineAantallen={(v ? "true" : "false")}" : string.Empty);

    /// <summary>The monitor's table partial; without export it reads nothing of the filter (each KPI has its own period).</summary>
    public static TabelWeergave Weergave(Tabel t) => new(t, GeenFilter, false);

    private static readonly MonitorFilter GeenFilter = new() { Periode = Domain.Monitor.Periode.Jaar(2022) };
}

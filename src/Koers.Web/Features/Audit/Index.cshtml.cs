using System.Text;
using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Audit;

public sealed class IndexModel(AuditQuery query, AuditKeten keten) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Dossier { get; set; }
    [BindProperty(SupportsGet = true)] public string? Gebruiker { get; set; }
    [BindProperty(SupportsGet = true)] public AuditActie? Actie { get; set; }
    [BindProperty(SupportsGet = true)] public AuditResultaat? Resultaat { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Van { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Tot { get; set; }
    public int Totaal { get; private set; }
    public List<AuditRegelDto> Regels { get; private set; } = [];

    /// <summary>The outcome of "Controle van de keten", when the auditor asked for it.</summary>
    public KetenControle? Keten { get; private set; }

    private AuditFilter Filter => new(Dossier, Gebruiker, Actie, Van, Tot, Resultaat);

    public async Task OnGetAsync(CancellationToken ct) => (Totaal, Regels) = await query.ZoekAsync(Filter, 500, ct);

    /// <summary>Checks the whole hash chain (it reads every row, so only on request) and shows the log as usual.</summary>
    public async Task OnGetKetenAsync(CancellationToken ct)
    {
        Keten = await keten.ControleerAsync(ct);
        await OnGetAsync(ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var (_, regels) = await query.ZoekAsync(Filter, 100_000, ct);
        return File(Encoding.UTF8.GetBytes(AuditQuery.AlsCsv(regels)), "text/csv; charset=utf-8", "koers-audit.csv");
    }
}

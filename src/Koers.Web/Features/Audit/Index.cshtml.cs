using System.Text;
using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Audit;

[Authorize(Policy = Beleid.Audit)]
public sealed class IndexModel(AuditQuery query) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Dossier { get; set; }
    [BindProperty(SupportsGet = true)] public string? Gebruiker { get; set; }
    [BindProperty(SupportsGet = true)] public AuditActie? Actie { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Van { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Tot { get; set; }
    public int Totaal { get; private set; }
    public List<AuditRegelDto> Regels { get; private set; } = [];

    private AuditFilter Filter => new(Dossier, Gebruiker, Actie, Van, Tot);

    public async Task OnGetAsync(CancellationToken ct) => (Totaal, Regels) = await query.ZoekAsync(Filter, 500, ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var (_, regels) = await query.ZoekAsync(Filter, 100_000, ct);
        return File(Encoding.UTF8.GetBytes(AuditQuery.AlsCsv(regels)), "text/csv; charset=utf-8", "koers-audit.csv");
    }
}

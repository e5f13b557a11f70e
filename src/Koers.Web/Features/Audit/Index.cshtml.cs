using System.Text;
using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Shared;
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

    /// <summary>The cursor of an older page (rows with a lower Id); empty for the newest page.</summary>
    [BindProperty(SupportsGet = true)] public long? Na { get; set; }
    public int Totaal { get; private set; }
    public List<AuditRegelDto> Regels { get; private set; } = [];

    /// <summary>The cursor of the next (older) page; null on the last.</summary>
    public long? Volgende { get; private set; }

    /// <summary>Rows per page on the screen.</summary>
    public const int Pagina = 500;

    /// <summary>The outcome of "Controle van de keten", when the auditor asked for it.</summary>
    public KetenControle? Keten { get; private set; }

    private AuditFilter Filter => new(Dossier, Gebruiker, Actie, Van, Tot, Resultaat);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var pagina = await query.ZoekAsync(Filter, Pagina, Na is > 0 ? Na : null, ct);
        (Totaal, Regels, Volgende) = (pagina.Totaal, pagina.Regels, pagina.Volgende);
    }

    /// <summary>Checks the whole hash chain (it reads every row, so only on request) and shows the log as usual.</summary>
    /// <summary>The link to the page after this one (or back to the newest), with the same filter.</summary>
    public string PaginaLink(long? na) =>
        $"/audit?Dossier={Dossier}&Gebruiker={Uri.EscapeDataString(Gebruiker ?? string.Empty)}&Actie={Actie}&Resultaat={Resultaat}" +
        $"&Van={Weergave.DatumInvoer(Van)}&Tot={Weergave.DatumInvoer(Tot)}" + (na is { } n ? $"&Na={n}" : string.Empty);

    public async Task OnGetKetenAsync(CancellationToken ct)
    {
        Keten = await keten.ControleerAsync(ct);
        await OnGetAsync(ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        // The export is the whole filter from the newest row (up to 100,000 rows), whatever page the screen showed.
        var pagina = await query.ZoekAsync(Filter, 100_000, null, ct);
        return File(Encoding.UTF8.GetBytes(AuditQuery.AlsCsv(pagina.Regels)), "text/csv; charset=utf-8", "koers-audit.csv");
    }
}

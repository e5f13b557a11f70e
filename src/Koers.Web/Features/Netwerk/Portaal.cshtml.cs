using Koers.Data.Model.Netwerk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Netwerk;

/// <summary>
/// The inburgeraar's own sociale kaart entries (not the stopped ones) and groups with their upcoming sessions, in the
/// portal's language. Own case only; audited.
/// </summary>
public sealed class PortaalModel(SocialeKaartService kaart, GroepenService groepen, Infrastructure.Klok klok) : PageModel
{
    public IReadOnlyList<Kaartkoppeling> Koppelingen { get; private set; } = [];
    public IReadOnlyList<GroepVanDossier> Groepen { get; private set; } = [];
    public DateOnly Vandaag => klok.Vandaag;
    public string Taal => Talen.Huidig;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var taal = Request.Query[Talen.Parameter].ToString();
        if (Talen.Bestaat(taal)) Talen.Onthoud(HttpContext, taal);
        var lijst = await kaart.EigenAsync(ct);
        if (lijst is null) return NotFound();
        Koppelingen = lijst;
        Groepen = await groepen.EigenAsync(ct) ?? [];
        return Page();
    }
}

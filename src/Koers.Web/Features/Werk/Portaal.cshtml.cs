using Koers.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Werk;

/// <summary>
/// The inburgeraar's own placements (issue #22, "in the portal where it concerns the inburgeraar"): employer, kind,
/// start and end, hours per week, in the portal's language. Not the evaluations, subsidy or jobcoach notes: those are the
/// case workers'. Own case only (the account's link); every view audited.
/// </summary>
public sealed class PortaalModel(WerkService werk) : PageModel
{
    public IReadOnlyList<Plaatsing> Plaatsingen { get; private set; } = [];
    public string Taal => Talen.Huidig;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var taal = Request.Query[Talen.Parameter].ToString();
        if (Talen.Bestaat(taal)) Talen.Onthoud(HttpContext, taal);
        var eigen = await werk.EigenAsync(ct);
        if (eigen is null) return NotFound();
        Plaatsingen = eigen;
        return Page();
    }

    /// <summary>The employer's name, or the department of an internal placement; null for an internal one without a department.</summary>
    public static string Waar(Plaatsing p) => p.Werkgever?.Naam ?? p.InternAfdeling ?? "Intern";
}

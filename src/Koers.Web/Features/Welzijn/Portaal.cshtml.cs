using Koers.Data.Model;
using Koers.Web.Features.Portaal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Welzijn;

/// <summary>
/// The inburgeraar's own referrals to care with their status, in the portal's language (Dutch, English; others fall
/// back to Dutch). Not the screenings: those are the klantregisseur's working notes. Own case only; every view audited.
/// A referral's appointment with the care provider shows only while it is still to come and the referral runs: it is
/// something to go to, which the person knows of already; a past one is not repeated here.
/// </summary>
public sealed class PortaalModel(WelzijnService welzijn, Infrastructure.Klok klok) : PageModel
{
    public DateOnly Vandaag => klok.Vandaag;

    public IReadOnlyList<Zorgverwijzing> Verwijzingen { get; private set; } = [];
    public string Taal => Talen.Huidig;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var taal = Request.Query[Talen.Parameter].ToString();
        if (Talen.Bestaat(taal)) Talen.Onthoud(HttpContext, taal);
        var eigen = await welzijn.EigenAsync(ct);
        if (eigen is null) return NotFound();
        Verwijzingen = eigen;
        return Page();
    }
}

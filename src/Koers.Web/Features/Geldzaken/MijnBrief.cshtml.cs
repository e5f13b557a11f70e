using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Geldzaken;

/// <summary>
/// The inburgeraar's own monthly statement as a letter (PDF) in their language; only their own case, audited like every read.
/// </summary>
public sealed class MijnBriefModel(Toegang toegang, GeldzakenService geldzaken, Klok klok) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? maand, CancellationToken ct)
    {
        if ((await toegang.BereikAsync(ct)).EigenDossier is not { } id) return NotFound();
        if (!GeldzakenApi.LeesMaand(maand, klok, out var m, out _)) return NotFound();
        // The language the portal shows this person now, when they (or the link) chose one; otherwise the one kept on
        // their case. Without a choice in this browser the page falls back to Dutch, but the letter need not.
        var gekozen = HttpContext.Features.Get<IRequestCultureFeature>()?.Provider is not null ? Talen.Huidig : null;
        var brief = await geldzaken.BriefAsync(id, m, gekozen, ct);
        return brief is { } b ? File(b.Pdf, "application/pdf", b.Bestandsnaam) : NotFound();
    }
}

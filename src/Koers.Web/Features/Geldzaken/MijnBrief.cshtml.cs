using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Geldzaken;

/// <summary>The inburgeraar's own monthly statement as a letter (PDF); only their own case, audited like every read.</summary>
public sealed class MijnBriefModel(Toegang toegang, GeldzakenService geldzaken, Klok klok) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? maand, CancellationToken ct)
    {
        if ((await toegang.BereikAsync(ct)).EigenDossier is not { } id) return NotFound();
        if (!GeldzakenApi.LeesMaand(maand, klok, out var m, out _)) return NotFound();
        var brief = await geldzaken.BriefAsync(id, m, ct);
        return brief is { } b ? File(b.Pdf, "application/pdf", b.Bestandsnaam) : NotFound();
    }
}

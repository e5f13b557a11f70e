using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Werk;

/// <summary>
/// The signed-in jobcoach's own caseload (a chain-partner user): the running placements assigned to them with the
/// inburgeraar's consent, each with its weekly evaluations and a form to record this week's (see <see cref="JobcoachService"/>).
/// </summary>
public sealed class JobcoachCaseloadModel(JobcoachService jobcoach, Klok klok) : PageModel
{
    [BindProperty] public EvaluatieInvoer Evaluatie { get; set; } = new();

    public IReadOnlyList<JobcoachPlaatsing> Lijst { get; private set; } = [];
    public DateOnly Vandaag => klok.Vandaag;

    /// <summary>The placement whose form was refused, so it shows the errors and keeps what was typed.</summary>
    public Guid? FoutPlaatsing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await jobcoach.CaseloadAsync(ct) is not { } lijst) return NotFound();
        Lijst = lijst;
        return Page();
    }

    public async Task<IActionResult> OnPostEvaluatieAsync(Guid plaatsing, CancellationToken ct)
    {
        var u = await jobcoach.EvaluatieAsync(plaatsing, Evaluatie, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "De weekevaluatie is vastgelegd; de klantregisseur ziet haar bij de plaatsing.";
            return Redirect($"/partner/caseload#plaatsing-{plaatsing}");
        }

        ModelState.VoegToe(u.Fouten, nameof(Evaluatie));
        FoutPlaatsing = plaatsing;
        if (await jobcoach.CaseloadAsync(ct) is not { } lijst) return NotFound();
        Lijst = lijst;
        return Page();
    }

    public IReadOnlyList<string> FoutenVoor(string key) =>
        ModelState.TryGetValue(key, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

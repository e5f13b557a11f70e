using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Participatie;

/// <summary>
/// The Participatie tab of a case: the measurement moments and answered questionnaires over time, the form to fill in a
/// questionnaire together during a talk, and the participatieladder with its movement.
/// </summary>
public sealed class IndexModel(ParticipatieService participatie, Infrastructure.Klok klok) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public MetingInvoer Meting { get; set; } = new();
    [BindProperty] public LadderInvoer Ladder { get; set; } = new();

    /// <summary>Preselects a held voortgangsgesprek for the ladder form (the link from the Voortgang tab).</summary>
    [BindProperty(SupportsGet = true)] public Guid? Gesprek { get; set; }

    public ParticipatieStand Stand { get; private set; } = null!;
    public DateOnly Vandaag => klok.Vandaag;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        Meting.Maanden ??= Stand.Open?.Maanden;
        Meting.Datum ??= Vandaag;
        Ladder.Voortgangsgesprek ??= Gesprek;
        return Page();
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        var stand = await participatie.HaalAsync(Id, "Scherm: participatie bekeken", ct);
        if (stand is null) return false;
        Stand = stand;
        return true;
    }

    public async Task<IActionResult> OnPostMetingAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await LaadAsync(ct) ? Page() : NotFound();
        var u = await participatie.GesprekAsync(Id, Meting, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "De vragenlijst is vastgelegd.";
            return Redirect($"/inburgeraars/{Id}/participatie#metingen");
        }

        return await FoutAsync(u.Fouten, nameof(Meting), ct);
    }

    public async Task<IActionResult> OnPostLadderAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await LaadAsync(ct) ? Page() : NotFound();
        var u = await participatie.LadderAsync(Id, Ladder, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "De score op de participatieladder is vastgelegd.";
            return Redirect($"/inburgeraars/{Id}/participatie#ladder");
        }

        return await FoutAsync(u.Fouten, nameof(Ladder), ct);
    }

    private async Task<IActionResult> FoutAsync(Dictionary<string, string[]> fouten, string prefix, CancellationToken ct)
    {
        ModelState.VoegToe(fouten, prefix);

        return await LaadAsync(ct) ? Page() : NotFound(); // what was typed stays in the form
    }
}

using Koers.Domain.Pip;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Pip;

/// <summary>The voorlopig plan (pre-PIP) of one case: made while in the AZC, taken over as the draft PIP after BRP inschrijving.</summary>
public sealed class VoorlopigModel(VoorlopigPlanService plannen) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public PipInvoer Invoer { get; set; } = new();

    public VoorlopigPlanStand Stand { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync("Scherm: voorlopig plan bekeken", ct)) return NotFound();
        if (Stand.Inhoud is { } inhoud) Invoer = PipInvoer.Van(inhoud);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var u = await plannen.OpslaanAsync(Id, Invoer, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt)
            {
                TempData["Melding"] = "Het voorlopig plan is opgeslagen. Het is geen besluit en gaat niet naar DUO.";
                return Redirect($"/inburgeraars/{Id}/pip/voorlopig");
            }

            ModelState.VoegToe(u.Fouten, veld => veld == "VoorlopigPlan" ? veld : $"{nameof(Invoer)}.{veld}");
        }

        if (!await LaadAsync("Scherm: voorlopig plan na geweigerde invoer", ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostOvernemenAsync(CancellationToken ct)
    {
        var u = await plannen.OvernemenAsync(Id, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "Het voorlopig plan is overgenomen als concept-PIP. Pas het aan en stel het vast.";
            return Redirect($"/inburgeraars/{Id}/pip");
        }

        ModelState.VoegToe(u.Fouten, _ => "VoorlopigPlan");

        if (!await LaadAsync("Scherm: voorlopig plan na geweigerde overname", ct)) return NotFound();
        if (Stand.Inhoud is { } inhoud) Invoer = PipInvoer.Van(inhoud);
        return Page();
    }

    private async Task<bool> LaadAsync(string doel, CancellationToken ct)
    {
        var stand = await plannen.HaalAsync(Id, doel, ct);
        if (stand is null) return false;
        Stand = stand;
        return true;
    }
}

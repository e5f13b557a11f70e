using Koers.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Pip;

/// <summary>
/// Functioneel beheer: whether a municipality makes a voorlopig plan (pre-PIP) for people still in an AZC. The same
/// setting as PUT /api/v1/pip/instellingen/{gemeente}; before this page it could only be changed through the API.
/// </summary>
public sealed class VoorlopigPlanBeheerModel(VoorlopigPlanService plannen) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }
    [BindProperty] public bool? VoorlopigPlan { get; set; }

    public List<Gemeente> Gemeenten { get; private set; } = [];
    public Gemeente Huidige { get; private set; } = null!;
    public bool GebruiktHet { get; private set; }
    public bool IsStandaard { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        VoorlopigPlan = GebruiktHet;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var u = await plannen.InstellingOpslaanAsync(Gemeente ?? string.Empty, VoorlopigPlan, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = VoorlopigPlan == true ? "Het voorlopig plan staat aan voor deze gemeente." : "Het voorlopig plan staat uit voor deze gemeente.";
            return Redirect($"/beheer/voorlopig-plan?gemeente={Uri.EscapeDataString(u.Waarde!)}");
        }

        ModelState.VoegToe(u.Fouten);
        if (!await LaadAsync(ct)) return NotFound();
        return Page();
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        Gemeenten = await plannen.GemeentenAsync(ct);
        if (Gemeenten.Count == 0) return false;
        Gemeente ??= Gemeenten[0].Code;
        var g = await plannen.GemeenteAsync(Gemeente, ct);
        if (g is null) return false;
        Huidige = g;
        Gemeente = g.Code;
        GebruiktHet = VoorlopigPlanService.GebruiktHet(g);
        IsStandaard = g.VoorlopigPlan is null;
        return true;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Logistiek;

/// <summary>
/// The Reizen tab of a case: home kern, lesson location with travel time, impossible dayparts, transport support with
/// its end date, and the trajecten with the gaps between them. Only the municipality's case workers.
/// </summary>
public sealed class IndexModel(LogistiekService logistiek) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ReisprofielInvoer Profiel { get; set; } = new();
    [BindProperty] public VervoerInvoer Vervoer { get; set; } = new();

    public LogistiekStand Stand { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        if (Stand.Profiel is { } p)
        {
            Profiel = new ReisprofielInvoer
            {
                Woonkern = p.Woonkern, Leslocatie = p.Leslocatie, ReistijdOvMinuten = p.ReistijdOvMinuten, ReistijdFietsMinuten = p.ReistijdFietsMinuten,
                Onmogelijk = [.. Logistiekregels.Codes(p.OnmogelijkeDagdelen)], Redenen = [.. Logistiekregels.Lijst(p.Redenen)], Toelichting = p.Toelichting,
            };
        }

        Vervoer.Van ??= Stand.Vandaag;
        return Page();
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        var stand = await logistiek.HaalAsync(Id, "Scherm: reizen en beschikbaarheid bekeken", ct);
        if (stand is null) return false;
        Stand = stand;
        return true;
    }

    public async Task<IActionResult> OnPostProfielAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await LaadAsync(ct) ? Page() : NotFound();
        var u = await logistiek.ProfielAsync(Id, Profiel, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "Reizen en beschikbaarheid zijn vastgelegd.";
            return Redirect($"/inburgeraars/{Id}/logistiek#reizen");
        }

        ModelState.VoegToe(u.Fouten, nameof(Profiel));
        return await LaadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostVervoerAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await LaadAsync(ct) ? Page() : NotFound();
        var u = await logistiek.VervoerAsync(Id, null, Vervoer, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "De vervoersvoorziening is vastgelegd.";
            return Redirect($"/inburgeraars/{Id}/logistiek#vervoer");
        }

        ModelState.VoegToe(u.Fouten, nameof(Vervoer));
        return await LaadAsync(ct) ? Page() : NotFound();
    }
}

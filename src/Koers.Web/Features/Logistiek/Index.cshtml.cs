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

    /// <summary>The transport support being edited (GET ?wijzig=, or the one posted back), and what was typed for it.</summary>
    [BindProperty(SupportsGet = true, Name = "wijzig")] public Guid? WijzigId { get; set; }
    [BindProperty] public VervoerInvoer Wijzig { get; set; } = new();

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
        if (WijzigId is { } w)
        {
            if (Stand.Voorzieningen.FirstOrDefault(v => v.Id == w) is not { } v) return NotFound();
            Wijzig = new VervoerInvoer { Soort = v.Soort, Omschrijving = v.Omschrijving, Van = v.Van, Tot = v.Tot };
        }

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

    /// <summary>
    /// Extend, correct or end one transport support. Ending it now makes yesterday its last day (today there is no transport
    /// any more), or its first day when it starts today or later. A date the browser cannot make into a date gets a message at
    /// that field, and the typed text stays in it (the view shows the attempted value).
    /// </summary>
    public async Task<IActionResult> OnPostWijzigAsync(bool beeindig, CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        if (WijzigId is not { } w || Stand.Voorzieningen.FirstOrDefault(v => v.Id == w) is not { } bestaand) return NotFound();
        foreach (var veld in new[] { nameof(VervoerInvoer.Van), nameof(VervoerInvoer.Tot) })
        {
            var sleutel = $"{nameof(Wijzig)}.{veld}";
            if (ModelState.TryGetValue(sleutel, out var e) && e.Errors.Count > 0)
            {
                e.Errors.Clear();
                ModelState.AddModelError(sleutel, veld == nameof(VervoerInvoer.Van)
                    ? "Vul een bestaande begindatum in, bijvoorbeeld 1 juni 2026."
                    : "Vul een bestaande einddatum in, bijvoorbeeld 30 juni 2026, of laat het veld leeg voor tot nader order.");
            }
        }

        if (beeindig)
        {
            ModelState.Clear();
            var gisteren = Stand.Vandaag.AddDays(-1);
            Wijzig = new VervoerInvoer { Soort = bestaand.Soort, Omschrijving = bestaand.Omschrijving, Van = bestaand.Van, Tot = bestaand.Van > gisteren ? bestaand.Van : gisteren };
        }

        if (!ModelState.IsValid) return Page();
        var u = await logistiek.VervoerAsync(Id, w, Wijzig, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = beeindig ? "De vervoersvoorziening is beëindigd." : "De vervoersvoorziening is gewijzigd.";
            return Redirect($"/inburgeraars/{Id}/logistiek#vervoer");
        }

        ModelState.VoegToe(u.Fouten, nameof(Wijzig));
        return Page();
    }
}

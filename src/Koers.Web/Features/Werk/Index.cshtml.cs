using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Werk;

/// <summary>The Werk tab of a case: placements with weekly evaluations and their end, and exits.</summary>
public sealed class IndexModel(WerkService werk, Klok klok) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public PlaatsingInvoer Invoer { get; set; } = new();
    [BindProperty] public EvaluatieInvoer Evaluatie { get; set; } = new();
    [BindProperty] public BeeindigInvoer Einde { get; set; } = new();
    [BindProperty] public UitstroomInvoer Uitstroom { get; set; } = new();
    [BindProperty] public JobcoachInvoer Coach { get; set; } = new();

    public WerkStand Stand { get; private set; } = null!;
    public DateOnly Vandaag => klok.Vandaag;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LaadAsync("Scherm: werk bekeken", ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var u = await werk.PlaatsingAsync(Id, Invoer, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt) return Klaar("De plaatsing is vastgelegd.", "#plaatsingen");
        ModelState.VoegToe(u.Fouten, nameof(Invoer));
        return await LaadAsync("Scherm: werk na geweigerde plaatsing", ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostEvaluatieAsync(Guid plaatsing, CancellationToken ct)
    {
        var u = await werk.EvaluatieAsync(Id, plaatsing, Evaluatie, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt) return Klaar("De weekevaluatie is vastgelegd.", $"#plaatsing-{plaatsing}");
        ModelState.VoegToe(u.Fouten, f => $"{nameof(Evaluatie)}.{f}.{plaatsing}");
        return await LaadAsync("Scherm: werk na geweigerde evaluatie", ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostBeeindigenAsync(Guid plaatsing, CancellationToken ct)
    {
        var u = await werk.BeeindigenAsync(Id, plaatsing, Einde, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt) return Klaar("De plaatsing is beëindigd.", $"#plaatsing-{plaatsing}");
        ModelState.VoegToe(u.Fouten, f => $"{nameof(Einde)}.{f}.{plaatsing}");
        return await LaadAsync("Scherm: werk na geweigerde beëindiging", ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostJobcoachAsync(Guid plaatsing, CancellationToken ct)
    {
        var u = await werk.JobcoachWijzigenAsync(Id, plaatsing, Coach, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt) return Klaar("De jobcoach is gewijzigd.", $"#plaatsing-{plaatsing}");
        ModelState.VoegToe(u.Fouten, f => $"{nameof(Coach)}.{f}.{plaatsing}");
        CoachPlaatsing = plaatsing;
        return await LaadAsync("Scherm: werk na geweigerde jobcoachwijziging", ct) ? Page() : NotFound();
    }

    /// <summary>The placement whose jobcoach form was refused: it shows what the user chose or typed again.</summary>
    public Guid? CoachPlaatsing { get; private set; }

    public async Task<IActionResult> OnPostUitstroomAsync(CancellationToken ct)
    {
        var u = await werk.UitstroomAsync(Id, Uitstroom, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt) return Klaar("De uitstroom is vastgelegd.", "#uitstroom");
        ModelState.VoegToe(u.Fouten, nameof(Uitstroom));
        return await LaadAsync("Scherm: werk na geweigerde uitstroom", ct) ? Page() : NotFound();
    }

    private RedirectResult Klaar(string melding, string anker)
    {
        TempData["Melding"] = melding;
        return Redirect($"/inburgeraars/{Id}/werk{anker}");
    }

    private async Task<bool> LaadAsync(string doel, CancellationToken ct)
    {
        var s = await werk.HaalAsync(Id, doel, ct);
        if (s is null) return false;
        Stand = s;
        return true;
    }

    public IReadOnlyList<string> FoutenVoor(string key) =>
        ModelState.TryGetValue(key, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

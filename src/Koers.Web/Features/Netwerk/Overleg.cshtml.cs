using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Netwerk;

/// <summary>One casusoverleg: the cases discussed (within the user's reach), minutes per case and actions.</summary>
public sealed class OverlegModel(CasusoverlegService overleggen) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public BesprekingInvoer Bespreking { get; set; } = new();
    [BindProperty] public ActieInvoer Actie { get; set; } = new();

    /// <summary>The discussion the action form that failed belongs to, so its errors show there.</summary>
    public Guid? ActieVoor { get; private set; }

    public OverlegStand Stand { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Naam)> Kandidaten { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LaadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostBesprekingAsync(CancellationToken ct)
    {
        var u = await overleggen.BesprekingAsync(Id, Bespreking, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt) return Klaar("Het dossier staat op de agenda.", $"#b-{u.Waarde}");
        ModelState.VoegToe(u.Fouten, nameof(Bespreking));
        return await LaadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostVerslagAsync(Guid bespreking, string? verslag, CancellationToken ct)
    {
        var u = await overleggen.VerslagAsync(Id, bespreking, verslag, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt) return Klaar("Het verslag is opgeslagen.", $"#b-{bespreking}");
        ModelState.VoegToe(u.Fouten, $"Verslag-{bespreking}");
        return await LaadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostActieAsync(Guid bespreking, CancellationToken ct)
    {
        var u = await overleggen.ActieAsync(Id, bespreking, Actie, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt) return Klaar("De actie is vastgelegd; zij staat in de werkvoorraad van de eigenaar.", $"#b-{bespreking}");
        ActieVoor = bespreking;
        ModelState.VoegToe(u.Fouten, nameof(Actie));
        return await LaadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostGedaanAsync(Guid actie, CancellationToken ct)
    {
        var u = await overleggen.GedaanAsync(actie, ct);
        if (u.NietGevonden) return NotFound();
        return Klaar(u.Gelukt ? "De actie is afgerond." : string.Join(" ", u.Fouten.Values.SelectMany(x => x)), "#besprekingen");
    }

    private RedirectResult Klaar(string melding, string anker)
    {
        TempData["Melding"] = melding;
        return Redirect($"/casusoverleg/{Id}{anker}");
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        var s = await overleggen.HaalAsync(Id, ct);
        if (s is null || s.IsPartner) return false;
        Stand = s;
        Kandidaten = await overleggen.KandidatenAsync(Id, ct);
        return true;
    }

    public IReadOnlyList<string> FoutenVoor(string key) =>
        ModelState.TryGetValue(key, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

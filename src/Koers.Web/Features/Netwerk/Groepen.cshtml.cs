using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Netwerk;

/// <summary>The group offers of the user's municipalities, and creating a new group.</summary>
public sealed class GroepenModel(GroepenService groepen) : PageModel
{
    [BindProperty] public GroepInvoer Invoer { get; set; } = new();

    public IReadOnlyList<GroepRegel> Lijst { get; private set; } = [];
    public IReadOnlyList<Gemeente> Gemeenten { get; private set; } = [];
    public IReadOnlyList<Medewerker> Medewerkers { get; private set; } = [];
    public IReadOnlyList<Partnerorganisatie> Partners { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LaadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? organisator, CancellationToken ct)
    {
        // One select holds both kinds of organiser ("m-12" or "p-3"): a group has exactly one.
        Invoer.MedewerkerId = organisator?.StartsWith("m-", StringComparison.Ordinal) == true && int.TryParse(organisator[2..], out var m) ? m : null;
        Invoer.PartnerId = organisator?.StartsWith("p-", StringComparison.Ordinal) == true && int.TryParse(organisator[2..], out var p) ? p : null;
        var u = await groepen.NieuwAsync(Invoer, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt) return Redirect($"/groepen/{u.Waarde}");
        ModelState.VoegToe(u.Fouten, nameof(Invoer));
        await LaadAsync(ct);
        return Page();
    }

    private async Task LaadAsync(CancellationToken ct)
    {
        Lijst = await groepen.LijstAsync(ct);
        (Gemeenten, Medewerkers, Partners) = await groepen.KeuzesAsync(ct);
    }

    public IReadOnlyList<string> FoutenVoor(string key) =>
        ModelState.TryGetValue(key, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

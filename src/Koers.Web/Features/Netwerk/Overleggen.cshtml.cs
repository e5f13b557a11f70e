using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Netwerk;

/// <summary>The casusoverleggen of the user's municipalities, and planning a new one.</summary>
public sealed class OverleggenModel(CasusoverlegService overleggen, Infrastructure.Klok klok) : PageModel
{
    [BindProperty] public OverlegInvoer Invoer { get; set; } = new();

    public IReadOnlyList<OverlegRegel> Lijst { get; private set; } = [];
    public IReadOnlyList<Gemeente> Gemeenten { get; private set; } = [];
    public IReadOnlyList<Medewerker> Medewerkers { get; private set; } = [];
    public IReadOnlyList<Partnerorganisatie> Partners { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Invoer.Datum = klok.Vandaag;
        await LaadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var u = await overleggen.NieuwAsync(Invoer, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt) return Redirect($"/casusoverleg/{u.Waarde}");
            ModelState.VoegToe(u.Fouten, nameof(Invoer));
        }

        await LaadAsync(ct);
        return Page();
    }

    private async Task LaadAsync(CancellationToken ct)
    {
        Lijst = await overleggen.LijstAsync(ct);
        (Gemeenten, Medewerkers, Partners) = await overleggen.KeuzesAsync(ct);
    }

    public IReadOnlyList<string> FoutenVoor(string key) =>
        ModelState.TryGetValue(key, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

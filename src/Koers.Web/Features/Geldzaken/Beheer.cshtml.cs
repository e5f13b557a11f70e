using Koers.Data.Model;
using Koers.Data.Model.Geldzaken;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Geldzaken;

/// <summary>Functioneel beheer: the geldzaken settings of one municipality (the term of the inrichtingskrediet).</summary>
public sealed class BeheerModel(GeldzakenService geldzaken) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }
    [BindProperty] public InstellingenInvoer Invoer { get; set; } = new();

    public List<Gemeente> Gemeenten { get; private set; } = [];
    public Gemeente Huidige { get; private set; } = null!;
    public GeldzakenInstellingen Instellingen { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        Invoer = new InstellingenInvoer { InrichtingskredietTermijnDagen = Instellingen.InrichtingskredietTermijnDagen };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var u = await geldzaken.InstellingenOpslaanAsync(Gemeente ?? string.Empty, Invoer, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt)
            {
                TempData["Melding"] = "De instellingen zijn opgeslagen.";
                return Redirect($"/beheer/geldzaken?gemeente={u.Waarde}");
            }

            ModelState.VoegToe(u.Fouten, nameof(Invoer));
        }

        if (!await LaadAsync(ct)) return NotFound();
        return Page();
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        Gemeenten = await geldzaken.GemeentenAsync(ct);
        if (Gemeenten.Count == 0) return false;
        Gemeente ??= Gemeenten[0].Code;
        var gevonden = await geldzaken.InstellingenAsync(Gemeente, ct);
        if (gevonden is null) return false;
        (Huidige, Instellingen) = gevonden.Value;
        Gemeente = Huidige.Code;
        return true;
    }
}

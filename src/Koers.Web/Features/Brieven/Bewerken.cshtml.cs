using Koers.Domain.Besluiten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Brieven;

/// <summary>
/// Functioneel beheer: edit the text of one letter of one municipality, see it as the real PDF before saving, save it
/// as a new version, and read (or start again from) any earlier version or Koers's standard text.
/// </summary>
public sealed class BewerkenModel(BriefsjabloonService sjablonen) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }
    [BindProperty(SupportsGet = true)] public Briefsoort Soort { get; set; }

    /// <summary>A version to start from (GET ?versie=n); without it the version in use.</summary>
    [BindProperty(SupportsGet = true)] public int? Versie { get; set; }
    [BindProperty] public SjabloonInvoer Invoer { get; set; } = new();

    public Data.Model.Gemeente Huidige { get; private set; } = null!;
    public IReadOnlyList<SjabloonVersieInfo> Versies { get; private set; } = [];
    public int HuidigeVersie => Versies.Count > 0 ? Versies[0].Versie : 0;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        var gekozen = Versie is { } v ? Versies.FirstOrDefault(x => x.Versie == v) : Versies[0];
        if (gekozen is null) return NotFound();
        Invoer = new SjabloonInvoer { Tekst = gekozen.Tekst };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        var u = await sjablonen.OpslaanAsync(Huidige, Soort, Invoer, ct);
        if (u.Gelukt)
        {
            TempData["Melding"] = $"{Soort.Omschrijving()}: versie {u.Waarde} is opgeslagen. Brieven die vanaf nu worden gemaakt, gebruiken deze tekst.";
            return Redirect($"/beheer/brieven?gemeente={Uri.EscapeDataString(Huidige.Code)}");
        }

        return Fouten(u.Fouten);
    }

    /// <summary>The PDF as it would look; shown in a new tab, so the text in the editor stays where it was.</summary>
    public async Task<IActionResult> OnPostVoorbeeldAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        var u = await sjablonen.VoorbeeldAsync(Huidige, Soort, Invoer, ct);
        if (u.Gelukt) return File(u.Waarde!, "application/pdf");
        return Fouten(u.Fouten);
    }

    private PageResult Fouten(Dictionary<string, string[]> fouten)
    {
        ModelState.VoegToe(fouten, nameof(Invoer));
        return Page(); // what was typed stays in the form
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        Gemeente ??= (await sjablonen.GemeentenAsync(ct)).FirstOrDefault()?.Code;
        if (!Enum.IsDefined(Soort) || await sjablonen.GemeenteAsync(Gemeente, ct) is not { } g) return false;
        Huidige = g;
        Versies = await sjablonen.VersiesAsync(g, Soort, ct);
        return true;
    }
}

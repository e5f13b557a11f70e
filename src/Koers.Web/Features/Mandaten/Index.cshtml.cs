using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Mandaten;

/// <summary>Functioneel beheer: the mandate register of one municipality (who signs which decision letters, Awb 10:10).</summary>
public sealed class IndexModel(MandaatService mandaten) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }
    [BindProperty] public List<MandaatRegelInvoer> Regels { get; set; } = [];

    public List<Data.Model.Gemeente> Gemeenten { get; private set; } = [];
    public Data.Model.Gemeente Huidige { get; private set; } = null!;
    public IReadOnlyList<MandaatRegel> Register { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        Regels = Register.Select(r => new MandaatRegelInvoer { Soort = r.Soort, Naam = r.Naam, Functie = r.Functie }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var u = await mandaten.OpslaanAsync(Gemeente ?? string.Empty, new MandaatInvoer { Regels = Regels }, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "Het mandaatregister is opgeslagen. Nieuwe brieven gebruiken deze ondertekening.";
            return Redirect($"/beheer/mandaten?gemeente={Uri.EscapeDataString(u.Waarde!)}");
        }

        ModelState.VoegToe(u.Fouten);
        if (!await LaadAsync(ct)) return NotFound();
        return Page(); // what was typed stays in the form
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        Gemeenten = await mandaten.GemeentenAsync(ct);
        Gemeente ??= Gemeenten.FirstOrDefault()?.Code;
        var register = await mandaten.RegisterAsync(Gemeente, ct);
        if (register is null) return false;
        (Huidige, Register) = (register.Value.Gemeente, register.Value.Regels);
        return true;
    }
}

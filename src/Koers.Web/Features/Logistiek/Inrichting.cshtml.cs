using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Logistiek;

/// <summary>Functioneel beheer: a municipality's maximum travel time, the days before transport support ends, the maximum gap between trajecten, and its kernen.</summary>
public sealed class InrichtingModel(LogistiekService logistiek) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }
    [BindProperty] public LogistiekInstellingenInvoer Invoer { get; set; } = new();

    public List<Data.Model.Gemeente> Gemeenten { get; private set; } = [];
    public LogistiekInrichting Huidige { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        Invoer = new LogistiekInstellingenInvoer
        {
            MaxReistijdMinuten = Huidige.MaxReistijdMinuten, VervoerEindeDagen = Huidige.VervoerEindeDagen, MaxTussenpozeDagen = Huidige.MaxTussenpozeDagen,
            Kernen = string.Join("\n", Huidige.Kernen),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var u = await logistiek.InrichtingOpslaanAsync(Gemeente ?? string.Empty, Invoer, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "De instellingen voor reizen en trajecten zijn opgeslagen.";
            return Redirect($"/beheer/logistiek?gemeente={Uri.EscapeDataString(u.Waarde!)}");
        }

        ModelState.VoegToe(u.Fouten, "Invoer");
        return await LaadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        Gemeenten = await logistiek.GemeentenAsync(ct);
        Gemeente ??= Gemeenten.FirstOrDefault()?.Code;
        var inrichting = await logistiek.InrichtingAsync(Gemeente, ct);
        if (inrichting is null) return false;
        Huidige = inrichting;
        return true;
    }
}

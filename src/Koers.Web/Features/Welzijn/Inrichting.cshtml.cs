using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Welzijn;

/// <summary>Functioneel beheer: a municipality's reasons for "nog niet startklaar" and the default term to contact again.</summary>
public sealed class InrichtingModel(WelzijnService welzijn) : PageModel
{
    /// <summary>Empty rows offered below the reasons, so a beheerder can add reasons without script.</summary>
    public const int ExtraRedenen = 2;

    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }
    [BindProperty] public WelzijnInstellingenInvoer Invoer { get; set; } = new();

    public List<Data.Model.Gemeente> Gemeenten { get; private set; } = [];
    public WelzijnInrichting Huidige { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        Invoer = new WelzijnInstellingenInvoer { Redenen = Huidige.Redenen.ToList(), HerbenaderWeken = Huidige.HerbenaderWeken };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var u = await welzijn.InrichtingOpslaanAsync(Gemeente ?? string.Empty, Invoer, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "De instellingen voor welzijn zijn opgeslagen.";
            return Redirect($"/beheer/welzijn?gemeente={Uri.EscapeDataString(u.Waarde!)}");
        }

        ModelState.VoegToe(u.Fouten, "Invoer");
        return await LaadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        Gemeenten = await welzijn.GemeentenAsync(ct);
        Gemeente ??= Gemeenten.FirstOrDefault()?.Code;
        var inrichting = await welzijn.InrichtingAsync(Gemeente, ct);
        if (inrichting is null) return false;
        Huidige = inrichting;
        return true;
    }
}

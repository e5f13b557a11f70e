using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Participatie;

/// <summary>Functioneel beheer: a municipality's participation monitor (anchor, moments, questions) and participatieladder.</summary>
public sealed class InrichtingModel(ParticipatieService participatie) : PageModel
{
    /// <summary>Empty rung rows offered below the ladder, so a beheerder can add rungs without script.</summary>
    public const int ExtraTreden = 2;

    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }
    [BindProperty] public InstellingenInvoer Invoer { get; set; } = new();

    public List<Data.Model.Gemeente> Gemeenten { get; private set; } = [];
    public Inrichting Huidige { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        Invoer = new InstellingenInvoer
        {
            Anker = Huidige.Instellingen.Anker,
            Maanden = string.Join(", ", Huidige.Instellingen.Maanden),
            Vragen = Huidige.Vragenlijst.Vragen.Select(v => v.Code).ToList(),
            Treden = Huidige.Ladder.Select(t => t.Naam).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var u = await participatie.InrichtingOpslaanAsync(Gemeente ?? string.Empty, Invoer, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "De participatiemonitor is opgeslagen. Meetmomenten en werkvoorraad volgen direct de nieuwe instelling.";
            return Redirect($"/beheer/participatie?gemeente={Uri.EscapeDataString(u.Waarde!)}");
        }

        ModelState.VoegToe(u.Fouten, "Invoer");
        return await LaadAsync(ct) ? Page() : NotFound(); // what was typed stays in the form
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        Gemeenten = await participatie.GemeentenAsync(ct);
        Gemeente ??= Gemeenten.FirstOrDefault()?.Code;
        var inrichting = await participatie.InrichtingAsync(Gemeente, ct);
        if (inrichting is null) return false;
        Huidige = inrichting;
        return true;
    }
}

using Koers.Data.Model;
using Koers.Data.Model.Ontzorgen;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Ontzorgen;

/// <summary>Functioneel beheer: the ontzorgen policy of one municipality.</summary>
public sealed class BeleidModel(OntzorgenBeleidService beleidService) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }
    [BindProperty] public BeleidInvoer Invoer { get; set; } = new();

    public List<Gemeente> Gemeenten { get; private set; } = [];
    public Gemeente Huidige { get; private set; } = null!;
    public OntzorgenBeleid Beleid { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        Invoer = new BeleidInvoer
        {
            Benadering = Beleid.Benadering,
            OntzorgenMaanden = Huidige.OntzorgenMaanden,
            Huur = Beleid.Huur,
            GasEnStroom = Beleid.GasEnStroom,
            Water = Beleid.Water,
            Zorgverzekering = Beleid.Zorgverzekering,
            OverigeLasten = Beleid.OverigeLasten,
            VerlengenToegestaan = Beleid.VerlengenToegestaan,
            TrainingAanbod = Beleid.TrainingAanbod,
            DebiteurNaam = Beleid.DebiteurNaam,
            DebiteurIban = Beleid.DebiteurIban is { } iban ? Koers.Domain.Ontzorgen.Iban.Groepeer(iban) : null,
            DebiteurBic = Beleid.DebiteurBic,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var u = await beleidService.OpslaanAsync(Gemeente ?? string.Empty, Invoer, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt)
            {
                TempData["Melding"] = "Het beleid is opgeslagen.";
                return Redirect($"/beheer/ontzorgen?gemeente={u.Waarde}");
            }

            ModelState.VoegToe(u.Fouten, nameof(Invoer));
        }

        if (!await LaadAsync(ct)) return NotFound();
        return Page();
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        Gemeenten = await beleidService.GemeentenAsync(ct);
        if (Gemeenten.Count == 0) return false;
        Gemeente ??= Gemeenten[0].Code;
        var gevonden = await beleidService.HaalAsync(Gemeente, ct);
        if (gevonden is null) return false;
        (Huidige, Beleid) = gevonden.Value;
        Gemeente = Huidige.Code;
        return true;
    }
}

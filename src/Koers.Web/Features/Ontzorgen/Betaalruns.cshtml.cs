using Koers.Data.Model;
using Koers.Data.Model.Ontzorgen;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Ontzorgen;

/// <summary>The monthly payment run of a municipality: what would be paid now, create the run, earlier runs.</summary>
public sealed class BetaalrunsModel(BetaalrunService runs, OntzorgenBeleidService beleidService) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }
    [BindProperty(SupportsGet = true)] public string? Maand { get; set; }
    [BindProperty] public DateOnly? Uitvoerdatum { get; set; }

    public List<Gemeente> Gemeenten { get; private set; } = [];
    public BetaalVoorstel? Voorstel { get; private set; }
    public List<Betaalrun> Runs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LaadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var u = await runs.UitvoerenAsync(new BetaalrunInvoer { Gemeente = Gemeente, Maand = Maand, Uitvoerdatum = Uitvoerdatum }, ct);
            if (u.Gelukt)
            {
                TempData["Melding"] = u.Waarde!.Melding;
                return u.Waarde.BetaalrunId is { } id
                    ? Redirect($"/beheer/ontzorgen/betaalruns/{id}")
                    : Redirect($"/beheer/ontzorgen/betaalruns?gemeente={Uri.EscapeDataString(Gemeente ?? string.Empty)}&maand={Uri.EscapeDataString(Maand ?? string.Empty)}");
            }

            ModelState.VoegToe(u.Fouten);
        }

        await LaadAsync(ct);
        return Page();
    }

    private async Task LaadAsync(CancellationToken ct)
    {
        Gemeenten = await beleidService.GemeentenAsync(ct);
        Gemeente ??= Gemeenten.FirstOrDefault()?.Code;
        Maand ??= OntzorgenWeergave.MaandCode(runs.StandaardMaand);
        var voorstel = await runs.VoorstelAsync(Gemeente, Maand, ct);
        if (voorstel.Gelukt) Voorstel = voorstel.Waarde;
        else ModelState.VoegToe(voorstel.Fouten);

        if (Voorstel is not null) Uitvoerdatum ??= runs.StandaardUitvoerdatum(Voorstel.Maand);
        Runs = await runs.LijstAsync(Gemeente, ct);
    }
}

using Koers.Data.Model.Duo;
using Koers.Domain.Duo;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Duo;

/// <summary>
/// /beheer/duo: DUO events that could not be processed (parked, with the reason) to retry or mark resolved, and
/// the most recent processed ones. With the simulator on, a form lets the demo make DUO "do something".
/// </summary>
public sealed class BeheerModel(DuoOverzicht overzicht, DuoInbox inbox, DuoOutbox outbox, DuoSimulator simulator, DuoOpties opties, HuidigeGebruiker gebruiker) : PageModel
{
    public IReadOnlyList<InboxRegel> Geparkeerd { get; private set; } = [];
    public IReadOnlyList<InboxRegel> Verwerkt { get; private set; } = [];
    public IReadOnlyList<InboxRegel> Wachtend { get; private set; } = [];
    public IReadOnlyList<(UitgaandRegel Bericht, Guid InburgeraarId)> Geweigerd { get; private set; } = [];
    public bool Simulator => opties.Simulator;

    [BindProperty] public SimGebeurtenis Simulatie { get; set; } = new();
    [BindProperty] public string? Toelichting { get; set; }

    public static IReadOnlyList<DuoGebeurtenis> Simuleerbaar { get; } =
        new[] { "SS101", "SS121", "SS137", "SS131", "SS102", "SS103", "SS199", "SS109", "SS117", "SS119", "SS113", "SS118", "SS106", "SS108", "SS110", "SS111" }.Select(c => DuoGebeurtenissen.Zoek(c)!).ToList();

    public async Task OnGetAsync(CancellationToken ct) => await LaadAsync(ct);

    public async Task<IActionResult> OnPostOpnieuwAsync(long id, CancellationToken ct)
    {
        if (!await overzicht.MagAsync(id, ct)) return NotFound();
        TempData["Melding"] = await inbox.OpnieuwAsync(id, gebruiker.Naam, ct)
            ? $"Melding {id} wordt opnieuw verwerkt."
            : $"Melding {id} is niet (meer) geparkeerd.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostVerstuurOpnieuwAsync(Guid bericht, CancellationToken ct)
    {
        if (!await overzicht.MagBerichtAsync(bericht, ct)) return NotFound();
        TempData["Melding"] = await outbox.OpnieuwAsync(bericht, ct)
            ? "Het bericht wordt opnieuw naar DUO verstuurd."
            : "Dit bericht kan niet opnieuw worden verstuurd.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAfhandelenAsync(long id, CancellationToken ct)
    {
        if (Toelichting?.Length > 1000)
        {
            ModelState.AddModelError($"Toelichting-{id}", "De toelichting is hoogstens 1000 tekens.");
            await LaadAsync(ct);
            return Page();
        }

        if (!await overzicht.MagAsync(id, ct)) return NotFound();
        TempData["Melding"] = await inbox.AfhandelenAsync(id, gebruiker.Naam, Toelichting, ct)
            ? $"Melding {id} is als afgehandeld gemarkeerd."
            : $"Melding {id} is niet (meer) geparkeerd.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSimuleerAsync(CancellationToken ct)
    {
        if (!opties.Simulator) return NotFound();
        var (id, fout) = await simulator.SpeelAfAsync(Simulatie, ct);
        if (fout is not null)
        {
            ModelState.AddModelError(fout.Contains("gebeurtenis", StringComparison.OrdinalIgnoreCase) ? "Simulatie.GebeurtenisId" : "Simulatie.Bsn", fout);
            await LaadAsync(ct);
            return Page();
        }

        TempData["Melding"] = $"De DUO-simulator stuurde {Simulatie.GebeurtenisId} (bericht {id}). Koers verwerkt de melding binnen enkele seconden.";
        return RedirectToPage();
    }

    private async Task LaadAsync(CancellationToken ct)
    {
        Geparkeerd = await overzicht.InboxAsync(InboxStatus.Geparkeerd, ct);
        Wachtend = await overzicht.InboxAsync(InboxStatus.Ontvangen, ct);
        Geweigerd = await overzicht.WeigeringenAsync(ct);
        Verwerkt = (await overzicht.InboxAsync(InboxStatus.Verwerkt, ct)).Take(20).ToList();
    }
}

using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Duo;

/// <summary>
/// /beheer/duo/contactpersonen for functioneel beheer: registers the region's klantregisseurs as DUO's contactpersoon
/// (their running cases are then linked at DUO, see <see cref="DuoContactpersonen"/>), and shows DUO's list of providers
/// with a keurmerk, whose numbers the partner form takes.
/// </summary>
public sealed class ContactpersonenModel(DuoContactpersonen contactpersonen, DuoClient duo) : PageModel
{
    public IReadOnlyList<ContactpersoonRegel> Regels { get; private set; } = [];
    public IReadOnlyList<DuoInstelling> Instellingen { get; private set; } = [];
    public string? InstellingenFout { get; private set; }

    [BindProperty] public int MedewerkerId { get; set; }
    [BindProperty] public string? Telefoon { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LaadAsync(ct);

    public async Task<IActionResult> OnPostAanmeldenAsync(CancellationToken ct)
    {
        var u = await contactpersonen.AanmeldenAsync(MedewerkerId, Telefoon, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = $"Aangemeld bij DUO als contactpersoon (DUO-id {u.Waarde}). De lopende dossiers van deze medewerker worden aan DUO gekoppeld.";
            return RedirectToPage();
        }

        ModelState.VoegToe(u.Fouten, _ => $"Telefoon-{MedewerkerId}");

        await LaadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAfmeldenAsync(CancellationToken ct)
    {
        var u = await contactpersonen.AfmeldenAsync(MedewerkerId, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "Afgemeld bij DUO. DUO heeft de koppelingen met de inburgeraars van deze medewerker verwijderd.";
            return RedirectToPage();
        }

        ModelState.VoegToe(u.Fouten, _ => $"Telefoon-{MedewerkerId}");
        await LaadAsync(ct);
        return Page();
    }

    private async Task LaadAsync(CancellationToken ct)
    {
        Regels = await contactpersonen.OverzichtAsync(ct);
        try
        {
            Instellingen = await duo.InstellingenAsync(ct);
        }
        catch (Exception e) when (e is DuoOnbereikbaarException or DuoWeigeringException)
        {
            InstellingenFout = "De lijst van DUO is nu niet op te halen: " + e.Message;
        }
    }

    /// <summary>The phone number to show in the row's field: what was typed on a refused post, else what is stored.</summary>
    public string? TelefoonVoor(ContactpersoonRegel r) => Request.HasFormContentType && MedewerkerId == r.MedewerkerId ? Telefoon : r.Telefoon;
}

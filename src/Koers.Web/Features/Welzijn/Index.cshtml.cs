using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Welzijn;

/// <summary>
/// The Welzijn tab of a case: the well-being screenings (brede intake, re-check at each voortgangsgesprek) and the
/// referrals to health care with their status and follow-up date. Health data: only the municipality's case workers.
/// </summary>
public sealed class IndexModel(WelzijnService welzijn, Infrastructure.Klok klok) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ScreeningInvoer Screening { get; set; } = new();
    [BindProperty] public ZorgverwijzingInvoer Verwijzing { get; set; } = new();
    [BindProperty] public ZorgstatusInvoer Status { get; set; } = new();
    [BindProperty] public Guid? VerwijzingId { get; set; }
    [BindProperty] public AfspraakInvoer Afspraak { get; set; } = new();

    /// <summary>The appointment form of <see cref="VerwijzingId"/> was refused: it shows what was typed, not what is stored.</summary>
    public bool AfspraakGeweigerd { get; private set; }
    [BindProperty] public NietStartklaarInvoer NietStartklaar { get; set; } = new();
    [BindProperty] public DateOnly? StartklaarOp { get; set; }

    public WelzijnStand Stand { get; private set; } = null!;
    public DateOnly Vandaag => klok.Vandaag;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        Screening.Datum ??= Vandaag;
        Verwijzing.AangemeldOp ??= Vandaag;
        NietStartklaar.Datum ??= Vandaag;
        return Page();
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        var stand = await welzijn.HaalAsync(Id, "Scherm: welzijn bekeken", ct);
        if (stand is null) return false;
        Stand = stand;
        return true;
    }

    public async Task<IActionResult> OnPostScreeningAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await LaadAsync(ct) ? Page() : NotFound();
        var u = await welzijn.ScreeningAsync(Id, Screening, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "De welzijnsscreening is vastgelegd.";
            return Redirect($"/inburgeraars/{Id}/welzijn#screening");
        }

        return await FoutAsync(u.Fouten, nameof(Screening), ct);
    }

    public async Task<IActionResult> OnPostVerwijzingAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await LaadAsync(ct) ? Page() : NotFound();
        var u = await welzijn.VerwijzingAsync(Id, Verwijzing, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "De zorgverwijzing is vastgelegd.";
            return Redirect($"/inburgeraars/{Id}/welzijn#verwijzingen");
        }

        return await FoutAsync(u.Fouten, nameof(Verwijzing), ct);
    }

    public async Task<IActionResult> OnPostStatusAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || VerwijzingId is not { } vid) return await LaadAsync(ct) ? Page() : NotFound();
        var u = await welzijn.StatusAsync(Id, vid, Status, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "De status van de zorgverwijzing is bijgewerkt.";
            return Redirect($"/inburgeraars/{Id}/welzijn#verwijzingen");
        }

        return await FoutAsync(u.Fouten, nameof(Status), ct);
    }

    public async Task<IActionResult> OnPostAfspraakAsync(CancellationToken ct)
    {
        if (VerwijzingId is not { } vid) return await LaadAsync(ct) ? Page() : NotFound();
        AfspraakGeweigerd = true;
        if (!ModelState.IsValid) return await LaadAsync(ct) ? Page() : NotFound();
        var u = await welzijn.AfspraakAsync(Id, vid, Afspraak, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = Afspraak.Datum is null ? "De afspraak is verwijderd." : "De afspraak is vastgelegd; de inburgeraar ziet hem in Mijn inburgering.";
            return Redirect($"/inburgeraars/{Id}/welzijn#verwijzingen");
        }

        return await FoutAsync(u.Fouten, nameof(Afspraak), ct);
    }

    public async Task<IActionResult> OnPostNietStartklaarAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await LaadAsync(ct) ? Page() : NotFound();
        var u = await welzijn.NietStartklaarAsync(Id, NietStartklaar, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "'Nog niet startklaar' is vastgelegd; de inburgeraar komt op de herbenaderdatum op de werkvoorraad.";
            return Redirect($"/inburgeraars/{Id}/welzijn#startklaar");
        }

        return await FoutAsync(u.Fouten, nameof(NietStartklaar), ct);
    }

    public async Task<IActionResult> OnPostStartklaarAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await LaadAsync(ct) ? Page() : NotFound();
        var u = await welzijn.StartklaarAsync(Id, StartklaarOp, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "De inburgeraar is startklaar.";
            return Redirect($"/inburgeraars/{Id}/welzijn#startklaar");
        }

        ModelState.VoegToe(u.Fouten, _ => nameof(StartklaarOp));
        return await LaadAsync(ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> FoutAsync(Dictionary<string, string[]> fouten, string prefix, CancellationToken ct)
    {
        ModelState.VoegToe(fouten, prefix);
        return await LaadAsync(ct) ? Page() : NotFound();
    }
}

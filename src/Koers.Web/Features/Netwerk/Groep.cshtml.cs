using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Netwerk;

/// <summary>
/// One group: its details (editable), sessions, enrolment up to the capacity and a waiting list beyond it, unenrolment
/// with a reason, attendance per person.
/// </summary>
public sealed class GroepModel(GroepenService groepen) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public BijeenkomstInvoer Bijeenkomst { get; set; } = new();
    [BindProperty] public InschrijvingInvoer Inschrijving { get; set; } = new();
    [BindProperty] public UitschrijvingInvoer Uitschrijving { get; set; } = new();
    [BindProperty] public GroepWijzigingInvoer Wijziging { get; set; } = new();

    /// <summary>Whether the edit form failed, so it opens with its errors and what was typed.</summary>
    public bool WijzigingFout { get; private set; }

    /// <summary>The enrolment whose unenrol form failed, so its error shows there.</summary>
    public Guid? UitschrijvingVoor { get; private set; }

    public GroepStand Stand { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Naam)> Kandidaten { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        var g = Stand.Groep;
        Wijziging = new GroepWijzigingInvoer { Naam = g.Naam, Soort = g.Soort, Locatie = g.Locatie, Capaciteit = g.Capaciteit, Omschrijving = g.Omschrijving };
        return Page();
    }

    public async Task<IActionResult> OnPostWijzigenAsync(CancellationToken ct)
    {
        var voor = await groepen.BezettingAsync(Id, ct);
        var u = await groepen.WijzigenAsync(Id, Wijziging, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt) return Klaar("De groep is gewijzigd." + VanWachtlijst(voor, await groepen.BezettingAsync(Id, ct)), "");

        WijzigingFout = true;
        ModelState.VoegToe(u.Fouten, nameof(Wijziging));
        return await LaadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostWachtlijstAsync(CancellationToken ct)
    {
        var u = await groepen.WachtlijstAsync(Id, Inschrijving, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt) return Klaar("De inburgeraar staat op de wachtlijst.", "#wachtlijst");
        ModelState.VoegToe(u.Fouten, nameof(Inschrijving));
        return await LaadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostVanWachtlijstAsync(Guid wachtplaats, CancellationToken ct)
    {
        var u = await groepen.VanWachtlijstAsync(Id, wachtplaats, ct);
        if (u.NietGevonden) return NotFound();
        return Klaar("De inburgeraar is van de wachtlijst gehaald.", "#wachtlijst");
    }

    public async Task<IActionResult> OnPostBijeenkomstAsync(CancellationToken ct)
    {
        var u = await groepen.BijeenkomstAsync(Id, Bijeenkomst, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt) return Klaar("De bijeenkomst is gepland.", "#bijeenkomsten");
        ModelState.VoegToe(u.Fouten, nameof(Bijeenkomst));
        return await LaadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostInschrijvenAsync(CancellationToken ct)
    {
        var u = await groepen.InschrijvenAsync(Id, Inschrijving, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt) return Klaar("De inburgeraar is ingeschreven.", "#deelnemers");
        ModelState.VoegToe(u.Fouten, nameof(Inschrijving));
        return await LaadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostUitschrijvenAsync(Guid deelname, CancellationToken ct)
    {
        var voor = await groepen.BezettingAsync(Id, ct);
        var u = await groepen.UitschrijvenAsync(Id, deelname, Uitschrijving, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt) return Klaar("De deelnemer is uitgeschreven." + VanWachtlijst(voor, await groepen.BezettingAsync(Id, ct)), "#deelnemers");
        UitschrijvingVoor = deelname;
        ModelState.VoegToe(u.Fouten, nameof(Uitschrijving));
        return await LaadAsync(ct) ? Page() : NotFound();
    }

    /// <summary>Says how many persons the change enrolled from the waiting list, if any.</summary>
    private static string VanWachtlijst((int Ingeschreven, int Wachtend) voor, (int Ingeschreven, int Wachtend) na) =>
        voor.Wachtend - na.Wachtend is var n && n > 0 ? $" {n} {(n == 1 ? "persoon is" : "personen zijn")} van de wachtlijst ingeschreven." : "";

    private RedirectResult Klaar(string melding, string anker)
    {
        TempData["Melding"] = melding;
        return Redirect($"/groepen/{Id}{anker}");
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        var s = await groepen.HaalAsync(Id, ct);
        if (s is null || s.IsPartner) return false;
        Stand = s;
        Kandidaten = await groepen.KandidatenAsync(Id, ct);
        return true;
    }

    public IReadOnlyList<string> FoutenVoor(string key) =>
        ModelState.TryGetValue(key, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

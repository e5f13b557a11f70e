using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Netwerk;

/// <summary>One group: sessions, enrolment (up to the capacity) and unenrolment with a reason, attendance per person.</summary>
public sealed class GroepModel(GroepenService groepen) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public BijeenkomstInvoer Bijeenkomst { get; set; } = new();
    [BindProperty] public InschrijvingInvoer Inschrijving { get; set; } = new();
    [BindProperty] public UitschrijvingInvoer Uitschrijving { get; set; } = new();

    /// <summary>The enrolment whose unenrol form failed, so its error shows there.</summary>
    public Guid? UitschrijvingVoor { get; private set; }

    public GroepStand Stand { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Naam)> Kandidaten { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LaadAsync(ct) ? Page() : NotFound();

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
        var u = await groepen.UitschrijvenAsync(Id, deelname, Uitschrijving, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt) return Klaar("De deelnemer is uitgeschreven.", "#deelnemers");
        UitschrijvingVoor = deelname;
        ModelState.VoegToe(u.Fouten, nameof(Uitschrijving));
        return await LaadAsync(ct) ? Page() : NotFound();
    }

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

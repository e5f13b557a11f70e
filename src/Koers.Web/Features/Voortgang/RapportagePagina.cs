using Koers.Data.Model.Keten;
using Koers.Domain.Voortgang;
using Koers.Web.Features.Dossier;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Voortgang;

/// <summary>The hours form as typed: numbers stay text until parsed, so "12,5" and "12.5" both work and a typo is shown back.</summary>
public sealed class UrenFormulier
{
    public string? Week { get; set; }
    public Urensoort? Soort { get; set; }
    public string? Uren { get; set; }
    public string? AfwezigUren { get; set; }
    public bool AfwezigGemeld { get; set; }
}

public sealed class ExamenFormulier
{
    public Examenonderdeel? Onderdeel { get; set; }
    public DateOnly? Datum { get; set; }
    public string? Niveau { get; set; }
    public bool Behaald { get; set; }
    public string? Score { get; set; }
    public string? Kenmerk { get; set; }
}

/// <summary>
/// A page with the four report forms (hours, skill, exam, signal), shared by the klantregisseur's Voortgang tab and
/// the partner's case page. Access is decided by <see cref="RapportageService"/>; refused input is shown back as typed.
/// </summary>
public abstract class RapportagePagina(RapportageService rapportage) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public UrenFormulier Uren { get; set; } = new();
    [BindProperty] public VaardigheidInvoer Vaardigheid { get; set; } = new();
    [BindProperty] public ExamenFormulier Examen { get; set; } = new();
    [BindProperty] public SignaalInvoer Signaal { get; set; } = new();

    /// <summary>Where to go after a saved report.</summary>
    protected abstract string Terug { get; }

    /// <summary>Loads what the page shows; false when the case is out of reach.</summary>
    protected abstract Task<bool> LaadAsync(CancellationToken ct);

    public async Task<IActionResult> OnPostUrenAsync(CancellationToken ct)
    {
        var invoer = new UrenInvoer { Week = Uren.Week, Soort = Uren.Soort, AfwezigGemeld = Uren.AfwezigGemeld };
        if (Urenregels.TryParse(Uren.Uren, out var uren)) invoer.Uren = uren;
        else if (!string.IsNullOrWhiteSpace(Uren.Uren)) ModelState.AddModelError("Uren.Uren", $"'{Uren.Uren}' is geen aantal uren (bijvoorbeeld 12 of 12,5).");
        if (string.IsNullOrWhiteSpace(Uren.AfwezigUren)) invoer.AfwezigUren = 0;
        else if (Urenregels.TryParse(Uren.AfwezigUren, out var afwezig)) invoer.AfwezigUren = afwezig;
        else ModelState.AddModelError("Uren.AfwezigUren", $"'{Uren.AfwezigUren}' is geen aantal uren (bijvoorbeeld 2 of 1,5).");
        if (!ModelState.IsValid) return await OpnieuwAsync(ct);

        var u = await rapportage.UrenAsync(Id, invoer, ct);
        if (u.NietGevonden) return NotFound();
        if (!u.Gelukt) return await FoutAsync(u.Fouten, nameof(Uren), ct);
        var week = Domain.Voortgang.Week.TryParse(invoer.Week, out var maandag, out _) ? Domain.Voortgang.Week.IsoNotatie(maandag) : invoer.Week;
        return Klaar(u.Waarde switch
        {
            Opslagresultaat.Toegevoegd => $"De {invoer.Soort!.Value.Omschrijving()}-uren van week {week} zijn vastgelegd.",
            Opslagresultaat.Bijgewerkt => $"De {invoer.Soort!.Value.Omschrijving()}-uren van week {week} zijn gewijzigd.",
            _ => $"Niets gewijzigd: deze uren van week {week} stonden er al zo.",
        }, "uren");
    }

    public async Task<IActionResult> OnPostVaardigheidAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await OpnieuwAsync(ct);
        var u = await rapportage.VaardigheidAsync(Id, Vaardigheid, ct);
        if (u.NietGevonden) return NotFound();
        return u.Gelukt ? Klaar("De inschatting van de vaardigheid is vastgelegd.", "vaardigheden") : await FoutAsync(u.Fouten, nameof(Vaardigheid), ct);
    }

    public async Task<IActionResult> OnPostExamenAsync(CancellationToken ct)
    {
        var invoer = new ExamenInvoer { Onderdeel = Examen.Onderdeel, Datum = Examen.Datum, Niveau = Examen.Niveau, Behaald = Examen.Behaald, Kenmerk = Examen.Kenmerk };
        if (!string.IsNullOrWhiteSpace(Examen.Score))
        {
            if (Urenregels.TryParse(Examen.Score, out var score)) invoer.Score = score;
            else ModelState.AddModelError("Examen.Score", $"'{Examen.Score}' is geen getal.");
        }

        if (!ModelState.IsValid) return await OpnieuwAsync(ct);
        var u = await rapportage.ExamenAsync(Id, invoer, ct);
        if (u.NietGevonden) return NotFound();
        return u.Gelukt ? Klaar("Het examenresultaat is vastgelegd.", "examens") : await FoutAsync(u.Fouten, nameof(Examen), ct);
    }

    public async Task<IActionResult> OnPostSignaalAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await OpnieuwAsync(ct);
        var u = await rapportage.SignaalAsync(Id, Signaal, ct);
        if (u.NietGevonden) return NotFound();
        return u.Gelukt ? Klaar("Het signaal is gemeld; het staat op de werkvoorraad van de klantregisseur.", "signalen") : await FoutAsync(u.Fouten, nameof(Signaal), ct);
    }

    protected IActionResult Klaar(string melding, string anker)
    {
        TempData["Melding"] = melding;
        return Redirect($"{Terug}#{anker}");
    }

    protected async Task<IActionResult> FoutAsync(Dictionary<string, string[]> fouten, string prefix, CancellationToken ct)
    {
        ModelState.VoegToe(fouten, prefix);

        return await OpnieuwAsync(ct);
    }

    protected async Task<IActionResult> OpnieuwAsync(CancellationToken ct) => await LaadAsync(ct) ? Page() : NotFound();
}

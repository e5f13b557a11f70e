using System.Globalization;
using Koers.Data.Model;
using Koers.Domain.Intake;
using Koers.Web.Features.Dossier;
using Koers.Web.Features.Welzijn;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Intake;

public sealed class IndexModel(IntakeService intake, DossierService dossiers, WelzijnService welzijn, Klok klok) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public GesprekInvoer Gesprek { get; set; } = new();
    [BindProperty] public DiplomaInvoer Diploma { get; set; } = new();
    [BindProperty] public LeefgebiedInvoer Verslag { get; set; } = new();
    [BindProperty] public Leefgebied? Gebied { get; set; }
    [BindProperty] public DateOnly? AfgerondOp { get; set; }

    /// <summary>The well-being screening in the leefgebied "Mentale gezondheid" (issue #22); stored by Welzijn as a screening at the brede intake.</summary>
    [BindProperty] public ScreeningInvoer Screening { get; set; } = new();

    public Inburgeraar Dossier { get; private set; } = null!;
    public IntakeStand Stand { get; private set; } = null!;
    public Leefgebied? OpenGebied { get; private set; }
    public string? Formulier { get; private set; }

    /// <summary>The screenings recorded at the brede intake; null when the user may not see health data (the Welzijn tab's rule).</summary>
    public IReadOnlyList<Welzijnsscreening>? IntakeScreenings { get; private set; }

    /// <summary>The leefgebied whose form carries the well-being screening.</summary>
    public const Leefgebied ScreeningGebied = Leefgebied.MentaleGezondheid;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LaadAsync("Scherm: brede intake bekeken", ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGesprekAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var uitkomst = await intake.GesprekToevoegenAsync(Id, Gesprek, ct);
            if (uitkomst.NietGevonden) return NotFound();
            if (uitkomst.Gelukt) return Klaar("Het intakegesprek is vastgelegd.", "gesprekken");
            ModelState.VoegToe(uitkomst.Fouten, "Gesprek");
        }

        Formulier = "gesprek";
        return await LaadAsync("Scherm: brede intake na geweigerde invoer", ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostLeefgebiedAsync(CancellationToken ct)
    {
        if (Gebied is not { } gebied || !Enum.IsDefined(gebied)) return BadRequest();
        // The screening only travels with the leefgebied that carries it, and only when something of it was filled in
        // (the date is prefilled): leaving it empty saves the leefgebied alone, as before.
        var metScreening = gebied == ScreeningGebied && (Screening.Signaal is not null || Screening.Soort is not null || Screening.Ernst is not null
            || Screening.Bron is not null || !string.IsNullOrWhiteSpace(Screening.Toelichting));
        if (metScreening)
        {
            if (!await welzijn.MagGezondheidAsync(ct)) return Forbid();
            Screening.Moment = Screeningsmoment.BredeIntake;
            Screening.Voortgangsgesprek = null;
            var screeningFouten = await welzijn.ControleerScreeningAsync(Id, Screening, ct);
            if (screeningFouten.Count > 0)
            {
                // Both refused together: nothing stored, every message at its field, everything typed shown again.
                ModelState.VoegToe(screeningFouten, nameof(Screening));
                ModelState.VoegToe(IntakeService.ControleerLeefgebied(gebied, Verslag), "Verslag");
                OpenGebied = gebied;
                return await LaadAsync("Scherm: brede intake na geweigerde invoer", ct) ? Page() : NotFound();
            }
        }

        var uitkomst = await intake.LeefgebiedOpslaanAsync(Id, gebied, Verslag, ct);
        if (uitkomst.NietGevonden) return NotFound();
        if (uitkomst.Gelukt && metScreening)
        {
            var screening = await welzijn.IntakeScreeningAsync(Id, Screening, ct);
            if (screening.NietGevonden) return NotFound();
            if (screening.Gelukt) return Klaar($"{Leefgebieden.Van(gebied).Titel} is opgeslagen (concept) en de welzijnsscreening is vastgelegd.", $"gebied-{gebied}");
            ModelState.VoegToe(screening.Fouten, nameof(Screening));
        }
        else if (uitkomst.Gelukt)
        {
            return Klaar($"{Leefgebieden.Van(gebied).Titel} is opgeslagen (concept).", $"gebied-{gebied}");
        }
        else
        {
            ModelState.VoegToe(uitkomst.Fouten, "Verslag");
        }

        OpenGebied = gebied;
        return await LaadAsync("Scherm: brede intake na geweigerde invoer", ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDiplomaAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var uitkomst = await intake.DiplomaToevoegenAsync(Id, Diploma, ct);
            if (uitkomst.NietGevonden) return NotFound();
            if (uitkomst.Gelukt) return Klaar("Het diploma is toegevoegd.", "diplomas");
            ModelState.VoegToe(uitkomst.Fouten, "Diploma");
        }

        Formulier = "diploma";
        return await LaadAsync("Scherm: brede intake na geweigerde invoer", ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAfrondenAsync(CancellationToken ct)
    {
        var uitkomst = await intake.AfrondenAsync(Id, AfgerondOp, ct);
        if (uitkomst.NietGevonden) return NotFound();
        if (uitkomst.Gelukt) return Klaar("De brede intake is afgerond. De mijlpaal staat in het dossier.", "afronden");
        ModelState.VoegToe(uitkomst.Fouten, "Afronden");
        Formulier = "afronden";
        return await LaadAsync("Scherm: brede intake na geweigerde afronding", ct) ? Page() : NotFound();
    }

    private IActionResult Klaar(string melding, string anker)
    {
        TempData["Melding"] = melding;
        return Redirect($"/inburgeraars/{Id}/intake#{anker}");
    }

    private async Task<bool> LaadAsync(string doel, CancellationToken ct)
    {
        var dossier = await dossiers.InzienAsync(Id, doel, ct);
        if (dossier is null) return false;
        Dossier = dossier;
        Stand = (await intake.HaalAsync(Id, ct))!;
        IntakeScreenings = await welzijn.IntakeScreeningsAsync(Id, ct);
        Gesprek.Datum ??= klok.Vandaag;
        // Today as the default, but not over a date field the user just emptied (its message says to fill it in).
        if (!ModelState.ContainsKey("Screening.Datum")) Screening.Datum ??= klok.Vandaag;
        return true;
    }

    public IReadOnlyList<string> FoutenVoor(string key) =>
        ModelState.TryGetValue(key, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];

    /// <summary>The value to show in a field: what was just typed (after a refusal) or what is stored.</summary>
    public string? Waarde(Leefgebied gebied, string sleutel)
    {
        if (OpenGebied == gebied) return Verslag.Antwoorden.GetValueOrDefault(sleutel);
        return Stand.Leefgebieden.TryGetValue(gebied, out var v) ? v.Antwoorden.GetValueOrDefault(sleutel) : null;
    }

    public string? Notities(Leefgebied gebied) =>
        OpenGebied == gebied ? Verslag.Notities : Stand.Leefgebieden.TryGetValue(gebied, out var v) ? v.Notities : null;

    public int Ingevuld => Leefgebieden.Alle.Count(d => !Stand.Ontbrekend.Any(o => o.Veld.StartsWith(d.Leefgebied + ".", StringComparison.Ordinal)) && Stand.Leefgebieden.ContainsKey(d.Leefgebied));

    public static string Datum(DateOnly d) => d.ToString("d MMMM yyyy", new CultureInfo("nl-NL"));
}

using System.Globalization;
using Koers.Data.Model;
using Koers.Domain.Intake;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Intake;

public sealed class IndexModel(IntakeService intake, DossierService dossiers, Klok klok) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public GesprekInvoer Gesprek { get; set; } = new();
    [BindProperty] public DiplomaInvoer Diploma { get; set; } = new();
    [BindProperty] public LeefgebiedInvoer Verslag { get; set; } = new();
    [BindProperty] public Leefgebied? Gebied { get; set; }
    [BindProperty] public DateOnly? AfgerondOp { get; set; }

    public Inburgeraar Dossier { get; private set; } = null!;
    public IntakeStand Stand { get; private set; } = null!;
    public Leefgebied? OpenGebied { get; private set; }
    public string? Formulier { get; private set; }

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
        var uitkomst = await intake.LeefgebiedOpslaanAsync(Id, gebied, Verslag, ct);
        if (uitkomst.NietGevonden) return NotFound();
        if (uitkomst.Gelukt) return Klaar($"{Leefgebieden.Van(gebied).Titel} is opgeslagen (concept).", $"gebied-{gebied}");
        ModelState.VoegToe(uitkomst.Fouten, "Verslag");
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
        Gesprek.Datum ??= klok.Vandaag;
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

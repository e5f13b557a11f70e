using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Participatie;

/// <summary>Functioneel beheer: a municipality's participation monitor (anchor, moments, questions) and participatieladder.</summary>
public sealed class InrichtingModel(ParticipatieService participatie) : PageModel
{
    /// <summary>Empty rung rows offered below the ladder, so a beheerder can add rungs without script.</summary>
    public const int ExtraTreden = 2;

    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }
    [BindProperty] public InstellingenInvoer Invoer { get; set; } = new();
    [BindProperty] public EigenVraagInvoer Eigen { get; set; } = new();

    /// <summary>The own question being edited (its code), or null for a new one.</summary>
    [BindProperty(SupportsGet = true)] public string? Bewerk { get; set; }

    public IReadOnlyList<Vragenlijstversie> Versies { get; private set; } = [];

    public List<Data.Model.Gemeente> Gemeenten { get; private set; } = [];
    public Inrichting Huidige { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        Invoer = new InstellingenInvoer
        {
            Anker = Huidige.Instellingen.Anker,
            Maanden = string.Join(", ", Huidige.Instellingen.Maanden),
            Vragen = Huidige.Vragenlijst.Vragen.Select(v => v.Code).ToList(),
            Treden = Huidige.Ladder.Select(t => t.Naam).ToList(),
        };
        if (Bewerk is not null)
        {
            if (Huidige.Vragenlijst.Vragen.FirstOrDefault(v => v.Eigen && v.Code == Bewerk) is not { } vraag) return NotFound();
            Eigen = new EigenVraagInvoer
            {
                Domein = vraag.Domein, Schaal = vraag.Schaal, Nl = vraag.Teksten["nl"],
                Vertalingen = vraag.Teksten.Where(t => t.Key != "nl").ToDictionary(t => t.Key, t => (string?)t.Value),
                Opties = vraag.Keuzes.Select(k => new KeuzeoptieInvoer
                {
                    Code = k.Code, Nl = k.Teksten["nl"], Vertalingen = k.Teksten.Where(t => t.Key != "nl").ToDictionary(t => t.Key, t => (string?)t.Value),
                }).ToList(),
            };
        }

        return Page();
    }

    /// <summary>Adds an own question, or changes the one in <see cref="Bewerk"/>: a new version of the questionnaire.</summary>
    public async Task<IActionResult> OnPostEigenAsync(CancellationToken ct)
    {
        var bewerk = string.IsNullOrWhiteSpace(Bewerk) ? null : Bewerk;
        var u = await participatie.EigenVraagAsync(Gemeente ?? string.Empty, bewerk, Eigen, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = bewerk is null ? "De eigen vraag is toegevoegd: een nieuwe versie van de vragenlijst." : "De eigen vraag is gewijzigd: een nieuwe versie van de vragenlijst.";
            return Redirect($"/beheer/participatie?gemeente={Uri.EscapeDataString(Gemeente!)}#eigen-vragen");
        }

        ModelState.VoegToe(u.Fouten, nameof(Eigen));
        if (!await LaadAsync(ct)) return NotFound();
        VulInstellingen();
        return Page(); // what was typed stays in the form
    }

    /// <summary>Removes an own question: a new version without it; earlier measurements keep it.</summary>
    public async Task<IActionResult> OnPostVerwijderAsync(string code, CancellationToken ct)
    {
        var u = await participatie.EigenVraagVerwijderenAsync(Gemeente ?? string.Empty, code, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "De eigen vraag is verwijderd: een nieuwe versie van de vragenlijst. Eerdere metingen houden de vraag.";
            return Redirect($"/beheer/participatie?gemeente={Uri.EscapeDataString(Gemeente!)}#eigen-vragen");
        }

        ModelState.VoegToe(u.Fouten, nameof(Eigen));
        if (!await LaadAsync(ct)) return NotFound();
        VulInstellingen();
        return Page();
    }

    private void VulInstellingen() => Invoer = new InstellingenInvoer
    {
        Anker = Huidige.Instellingen.Anker,
        Maanden = string.Join(", ", Huidige.Instellingen.Maanden),
        Vragen = Huidige.Vragenlijst.Vragen.Select(v => v.Code).ToList(),
        Treden = Huidige.Ladder.Select(t => t.Naam).ToList(),
    };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var u = await participatie.InrichtingOpslaanAsync(Gemeente ?? string.Empty, Invoer, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "De participatiemonitor is opgeslagen. Meetmomenten en werkvoorraad volgen direct de nieuwe instelling.";
            return Redirect($"/beheer/participatie?gemeente={Uri.EscapeDataString(u.Waarde!)}");
        }

        ModelState.VoegToe(u.Fouten, "Invoer");
        return await LaadAsync(ct) ? Page() : NotFound(); // what was typed stays in the form
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        Gemeenten = await participatie.GemeentenAsync(ct);
        Gemeente ??= Gemeenten.FirstOrDefault()?.Code;
        var inrichting = await participatie.InrichtingAsync(Gemeente, ct);
        if (inrichting is null) return false;
        Huidige = inrichting;
        Versies = await participatie.VersiesAsync(Gemeente, ct) ?? [];
        return true;
    }
}

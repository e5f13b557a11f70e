using Koers.Data.Model;
using Microsoft.AspNetCore.Mvc;

namespace Koers.Web.Features.Dossier;

public sealed class NieuwModel(DossierService service, Brp.BrpService brp) : FormulierBasis(service)
{
    /// <summary>What the BRP said after "Ophalen uit de BRP" (shown next to the form, nothing saved).</summary>
    public Brp.BrpPersoon? Brp { get; private set; }

    public string? BrpFout { get; private set; }

    public string? BrpMelding { get; private set; }

    /// <summary>
    /// The BRP's date of inschrijving in the chosen municipality, set when the klantregisseur took the BRP data over;
    /// saved as the milestone 'Inschrijving BRP' together with the new case.
    /// </summary>
    [BindProperty] public DateOnly? BrpInschrijving { get; set; }

    /// <summary>The BSN and municipality the BRP data were taken over for: a date for another person or municipality is never saved.</summary>
    [BindProperty] public string? BrpVoor { get; set; }

    private string Sleutel => $"{Invoer.Bsn?.Trim()}|{Invoer.Gemeente?.Trim().ToUpperInvariant()}";

    /// <summary>'coa' when registering a koppeling from the COA (koppelingsdatum required).</summary>
    [BindProperty(SupportsGet = true)] public string? Bron { get; set; }

    public bool IsCoa => string.Equals(Bron, "coa", StringComparison.OrdinalIgnoreCase);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // No doelgroep is preselected, not even on the COA form: the COA couples nareizigers too, and a preselected
        // 'asielstatushouder' would be chosen for the user without a word. An empty form says 'Kies een doelgroep'.
        await LaadKeuzesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        NormaliseerFormulier();
        if (BrpInschrijving is not null && BrpVoor != Sleutel)
        {
            // The BSN or municipality changed after the BRP data were taken over: that date may belong to someone else.
            BrpInschrijving = null;
            ModelState.AddModelError("Invoer.Bsn", "U wijzigde het BSN of de gemeente nadat u de gegevens uit de BRP overnam. Haal ze opnieuw op uit de BRP, of maak het dossier aan zonder datum van inschrijving.");
        }

        if (ModelState.IsValid)
        {
            var uitkomst = await Service.RegistreerAsync(Invoer, IsCoa ? Registratiebron.CoaKoppeling : Registratiebron.Handmatig, ct);
            if (uitkomst.Gelukt && BrpInschrijving is { } inschrijving)
            {
                var mijlpaal = await Service.ZetMijlpalenAsync(uitkomst.Waarde, new Dictionary<Koers.Domain.Dossier.Mijlpaal, DateOnly?> { [Koers.Domain.Dossier.Mijlpaal.BrpInschrijving] = inschrijving },
                    "Overgenomen uit de BRP bij registratie", ct);
                if (!mijlpaal.Gelukt)
                {
                    TempData["Melding"] = "Het dossier is aangemaakt, maar de datum van inschrijving uit de BRP kon niet als mijlpaal worden vastgelegd: "
                                          + string.Join(" ", mijlpaal.Fouten.Values.SelectMany(f => f)) + " Vul de mijlpaal op het dossier in.";
                    return Redirect($"/inburgeraars/{uitkomst.Waarde}");
                }
            }

            if (uitkomst.Gelukt)
            {
                TempData["Melding"] = IsCoa ? "De koppeling is geregistreerd en het dossier is aangemaakt." : "Het dossier is aangemaakt.";
                return Redirect($"/inburgeraars/{uitkomst.Waarde}");
            }

            ToonFouten(uitkomst.Fouten);
        }

        await LaadKeuzesAsync(ct);
        return Page();
    }

    /// <summary>"Ophalen uit de BRP": asks the BRP for the BSN typed (audited, with its purpose) and shows the answer; the form stays as typed.</summary>
    public async Task<IActionResult> OnPostBrpAsync(CancellationToken ct)
    {
        NormaliseerFormulier();
        ModelState.Clear();
        await HaalBrpAsync(ct);
        await LaadKeuzesAsync(ct);
        return Page();
    }

    /// <summary>
    /// The klantregisseur confirms: the BRP is asked again and its data fill the form (name, birth date, address, household,
    /// date of inschrijving). Still nothing is saved until the form is sent.
    /// </summary>
    public async Task<IActionResult> OnPostBrpOvernemenAsync(CancellationToken ct)
    {
        NormaliseerFormulier();
        ModelState.Clear();
        if (await HaalBrpAsync(ct) is { } p)
        {
            if (p.Overleden)
            {
                BrpFout = "Volgens de BRP is deze persoon overleden. Er is niets overgenomen.";
            }
            else
            {
                Invoer.Voornamen = p.Voornamen ?? Invoer.Voornamen;
                Invoer.Achternaam = p.Achternaam ?? Invoer.Achternaam;
                Invoer.Geboortedatum = p.Geboortedatum ?? Invoer.Geboortedatum;
                Invoer.Adres = p.Adres ?? Invoer.Adres;
                foreach (var lid in p.Gezinsleden.Where(l => !Invoer.Gezinsleden.Any(g => string.Equals(g.Naam, l.Naam, StringComparison.OrdinalIgnoreCase))))
                {
                    Invoer.Gezinsleden.Add(new GezinslidInvoer { Naam = lid.Naam, Relatie = lid.Relatie, Geboortedatum = lid.Geboortedatum });
                }

                var zelfdeGemeente = string.Equals(p.GemeenteCbs, Invoer.Gemeente, StringComparison.OrdinalIgnoreCase);
                BrpInschrijving = zelfdeGemeente ? p.DatumInschrijvingInGemeente : null;
                BrpVoor = Sleutel;
                BrpMelding = "De gegevens uit de BRP staan nu in het formulier. Er is nog niets opgeslagen: controleer ze en maak dan het dossier aan."
                             + (zelfdeGemeente ? "" : " De BRP schrijft deze persoon in bij een andere gemeente; de datum van inschrijving is daarom niet overgenomen.");
            }
        }

        await LaadKeuzesAsync(ct);
        return Page();
    }

    private async Task<Brp.BrpPersoon?> HaalBrpAsync(CancellationToken ct)
    {
        var uitkomst = await brp.VoorRegistratieAsync(Invoer.Bsn, Invoer.Gemeente, ct);
        Brp = uitkomst.Waarde;
        // Another municipality than the user's: the same neutral message as for any refusal, no BRP data.
        BrpFout = uitkomst.NietToegestaan ? "U kunt de BRP alleen raadplegen voor een gemeente waarvoor u werkt. Kies uw eigen gemeente." : uitkomst.Fout;
        return Brp;
    }
}

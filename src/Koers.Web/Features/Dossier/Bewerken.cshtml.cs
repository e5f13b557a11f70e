using Microsoft.AspNetCore.Mvc;

namespace Koers.Web.Features.Dossier;

public sealed class BewerkenModel(DossierService service) : FormulierBasis(service)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public string Naam { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var dossier = await Service.InzienAsync(Id, "Scherm: gegevens bewerken", ct);
        if (dossier is null) return NotFound();
        Naam = dossier.VolledigeNaam;
        Invoer = new InburgeraarInvoer
        {
            Voornamen = dossier.Voornamen,
            Achternaam = dossier.Achternaam,
            Geboortedatum = dossier.Geboortedatum,
            Bsn = dossier.Bsn?.Value,
            VNummer = dossier.VNummer?.Value,
            Nationaliteit = dossier.Nationaliteit,
            Doelgroep = dossier.Doelgroep,
            Gemeente = dossier.Gemeente!.Code,
            KlantregisseurId = dossier.KlantregisseurId,
            Telefoon = dossier.Telefoon,
            Email = dossier.Email,
            Adres = dossier.Adres,
            AzcLocatie = dossier.AzcLocatie,
            NogNietStartklaar = dossier.NogNietStartklaar,
            Leerroute = dossier.Leerroute,
            Gezinsleden = dossier.Gezinsleden.OrderBy(g => g.Id).Select(g => new GezinslidInvoer { Naam = g.Naam, Relatie = g.Relatie, Geboortedatum = g.Geboortedatum }).ToList(),
        };
        TalenTekst = string.Join(", ", dossier.TalenLijst);
        await LaadKeuzesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        NormaliseerFormulier();
        if (ModelState.IsValid)
        {
            var uitkomst = await Service.WijzigAsync(Id, Invoer, ct);
            if (uitkomst.NietGevonden) return NotFound();
            if (uitkomst.Gelukt)
            {
                TempData["Melding"] = "De gegevens zijn opgeslagen.";
                return Redirect($"/inburgeraars/{Id}");
            }

            ToonFouten(uitkomst.Fouten);
        }

        Naam = $"{Invoer.Voornamen} {Invoer.Achternaam}";
        await LaadKeuzesAsync(ct);
        return Page();
    }
}

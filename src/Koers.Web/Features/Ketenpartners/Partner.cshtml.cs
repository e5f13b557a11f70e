using System.Globalization;
using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Ketenpartners;

/// <summary>One chain partner: its details, contracts and waiting list.</summary>
public sealed class PartnerModel(KetenpartnersService partners) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public PartnerInvoer Invoer { get; set; } = new();
    [BindProperty] public ContractInvoer Contract { get; set; } = new();

    /// <summary>The price as typed (1250,00 or 1250.00), read culture-independently.</summary>
    [BindProperty] public string? PrijsTekst { get; set; }

    public PartnerDto Partner { get; private set; } = null!;
    public IReadOnlyList<Regio> Regios { get; private set; } = [];
    public WachtlijstDto? Wachtlijst { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        Invoer = new PartnerInvoer
        {
            Naam = Partner.Naam, Soort = Partner.Soort, RegioId = Partner.RegioId, Contactpersoon = Partner.Contactpersoon, Email = Partner.Email,
            Telefoon = Partner.Telefoon, Capaciteit = Partner.Capaciteit, KvkNummer = Partner.KvkNummer, DuoInstellingsnummer = Partner.DuoInstellingsnummer, Actief = Partner.Actief,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var u = await partners.OpslaanAsync(Id, Invoer, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt) return Klaar("De gegevens zijn opgeslagen.");
            ModelState.VoegToe(u.Fouten, nameof(Invoer));
        }

        return await LaadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostContractAsync(CancellationToken ct)
    {
        var tekst = PrijsTekst?.Trim().Replace("€", string.Empty).Trim();
        if (!string.IsNullOrEmpty(tekst))
        {
            if (decimal.TryParse(tekst.Replace(',', '.'), NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var prijs)) Contract.Prijs = prijs;
            else ModelState.AddModelError(nameof(PrijsTekst), "Vul de prijs in als een bedrag, bijvoorbeeld 1250,00.");
        }

        if (ModelState.IsValid)
        {
            var u = await partners.ContractToevoegenAsync(Id, Contract, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt) return Klaar("Het contract is toegevoegd.");
            ModelState.VoegToe(u.Fouten, veld => veld == nameof(ContractInvoer.Prijs) ? nameof(PrijsTekst) : $"{nameof(Contract)}.{veld}");
        }

        if (!await LaadAsync(ct)) return NotFound();
        Invoer = new PartnerInvoer { Naam = Partner.Naam, Soort = Partner.Soort, RegioId = Partner.RegioId, Contactpersoon = Partner.Contactpersoon, Email = Partner.Email, Telefoon = Partner.Telefoon, Capaciteit = Partner.Capaciteit, KvkNummer = Partner.KvkNummer, DuoInstellingsnummer = Partner.DuoInstellingsnummer, Actief = Partner.Actief };
        return Page();
    }

    public async Task<IActionResult> OnPostVerwijderContractAsync(int contract, CancellationToken ct)
    {
        if (!await partners.ContractVerwijderenAsync(Id, contract, ct)) return NotFound();
        return Klaar("Het contract is verwijderd.");
    }

    private IActionResult Klaar(string melding)
    {
        TempData["Melding"] = melding;
        return Redirect($"/beheer/partners/{Id}");
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        var p = await partners.HaalAsync(Id, ct);
        if (p is null) return false;
        Partner = p;
        Regios = await partners.RegiosAsync(ct);
        Wachtlijst = await partners.WachtlijstenAsync(Id, ct) is [var eerste, ..] ? eerste : null;
        return true;
    }

    public IReadOnlyList<string> FoutenVoor(string key) =>
        ModelState.TryGetValue(key, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

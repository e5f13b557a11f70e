using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Inkoop;

/// <summary>The product catalogue (add a product, or a new version of one) and the contract signal term per municipality.</summary>
public sealed class ProductenModel(InkoopService inkoop) : PageModel
{
    [BindProperty] public ProductInvoer Product { get; set; } = new();

    /// <summary>For a new version: the product it belongs to; empty for a new product.</summary>
    [BindProperty] public Guid? Productsleutel { get; set; }

    /// <summary>The price as typed (1250,00 or 1250.00), read culture-independently.</summary>
    [BindProperty] public string? PrijsTekst { get; set; }

    [BindProperty] public int GemeenteId { get; set; }
    [BindProperty] public InkoopInstellingInvoer Instelling { get; set; } = new();

    public IReadOnlyList<ProductDto> Producten { get; private set; } = [];
    public IReadOnlyList<(int Id, string Naam)> Partners { get; private set; } = [];
    public IReadOnlyList<InkoopInstellingDto> Instellingen { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Product.PeriodeMaanden = 1;
        await LaadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var tekst = PrijsTekst?.Trim().Replace("€", string.Empty).Trim();
        if (!string.IsNullOrEmpty(tekst))
        {
            if (decimal.TryParse(tekst.Replace(',', '.'), NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var prijs)) Product.PrijsPerPeriode = prijs;
            else ModelState.AddModelError(nameof(PrijsTekst), "Vul de prijs in als een bedrag, bijvoorbeeld 1250,00.");
        }

        if (ModelState.IsValid)
        {
            var u = Productsleutel is { } sleutel ? await inkoop.NieuweVersieAsync(sleutel, Product, ct) : await inkoop.ProductToevoegenAsync(Product, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt)
            {
                TempData["Melding"] = Productsleutel is null ? "Het product is toegevoegd." : "De nieuwe versie is opgeslagen; de eerdere versies blijven bestaan.";
                return Redirect("/inkoop/producten");
            }

            ModelState.VoegToe(u.Fouten, veld => veld == nameof(ProductInvoer.PrijsPerPeriode) ? nameof(PrijsTekst) : $"{nameof(Product)}.{veld}");
        }

        await LaadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostInstellingAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var u = await inkoop.InstellingOpslaanAsync(GemeenteId, Instelling, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt)
            {
                TempData["Melding"] = "De signaaltermijn is opgeslagen.";
                return Redirect("/inkoop/producten");
            }

            ModelState.VoegToe(u.Fouten, veld => $"{nameof(Instelling)}.{veld}");
        }

        await LaadAsync(ct);
        return Page();
    }

    private async Task LaadAsync(CancellationToken ct)
    {
        Producten = await inkoop.ProductenAsync(ct);
        Partners = await inkoop.PartnersAsync(ct);
        Instellingen = await inkoop.InstellingenAsync(ct);
    }

    public IReadOnlyList<string> FoutenVoor(string key) =>
        ModelState.TryGetValue(key, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

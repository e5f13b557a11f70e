using Koers.Data.Model;
using Koers.Data.Model.Netwerk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Netwerk;

/// <summary>The Netwerk tab of a case: sociale kaart entries linked to the person, and the casusoverleggen that discussed them.</summary>
public sealed class DossierModel(SocialeKaartService kaart, CasusoverlegService overleggen, DossierService dossiers, Infrastructure.Klok klok) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public KoppelingInvoer Invoer { get; set; } = new();

    public Inburgeraar Dossier { get; private set; } = null!;
    public IReadOnlyList<Kaartkoppeling> Koppelingen { get; private set; } = [];
    public IReadOnlyList<Kaartitem> Keuzes { get; private set; } = [];
    public IReadOnlyList<BesprekingVanDossier> Besprekingen { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Invoer.Datum = klok.Vandaag;
        return await LaadAsync("Scherm: netwerk bekeken", ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var u = await kaart.KoppelAsync(Id, Invoer, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt)
            {
                TempData["Melding"] = "De plek is gekoppeld; de inburgeraar ziet haar in Mijn inburgering.";
                return Redirect($"/inburgeraars/{Id}/netwerk");
            }

            ModelState.VoegToe(u.Fouten, nameof(Invoer));
        }

        return await LaadAsync("Scherm: netwerk na geweigerde koppeling", ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid koppeling, Koppelstatus? status, CancellationToken ct)
    {
        var u = await kaart.StatusAsync(Id, koppeling, status, ct);
        if (u.NietGevonden) return NotFound();
        TempData["Melding"] = u.Gelukt ? "De status is bijgewerkt." : string.Join(" ", u.Fouten.Values.SelectMany(x => x));
        return Redirect($"/inburgeraars/{Id}/netwerk");
    }

    private async Task<bool> LaadAsync(string doel, CancellationToken ct)
    {
        var d = await dossiers.InzienAsync(Id, doel, ct);
        if (d is null) return false;
        Dossier = d;
        Koppelingen = await kaart.KoppelingenAsync(Id, ct) ?? [];
        Keuzes = await kaart.KeuzesAsync(Id, ct) ?? [];
        Besprekingen = await overleggen.VanDossierAsync(Id, ct) ?? [];
        return true;
    }

    public IReadOnlyList<string> FoutenVoor(string key) =>
        ModelState.TryGetValue(key, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

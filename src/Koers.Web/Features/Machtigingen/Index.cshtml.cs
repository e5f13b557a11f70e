using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Machtigingen;

/// <summary>The case's consents to chain partners: register a signed consent, withdraw one, see the history.</summary>
public sealed class IndexModel(MachtigingService machtigingen, DossierService dossiers, Klok klok) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public MachtigingInvoer Invoer { get; set; } = new();

    public Inburgeraar Dossier { get; private set; } = null!;
    public IReadOnlyList<MachtigingDto> Lijst { get; private set; } = [];
    public IReadOnlyList<Partnerorganisatie> Partners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Invoer = new MachtigingInvoer { Van = klok.Vandaag, Vorm = "Ondertekend formulier", Categorieen = [Gegevenscategorie.Basisgegevens] };
        return await LaadAsync("Scherm: machtigingen bekeken", ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var u = await machtigingen.RegistreerAsync(Id, Invoer, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt)
            {
                TempData["Melding"] = "De machtiging is vastgelegd.";
                return Redirect($"/inburgeraars/{Id}/machtigingen");
            }

            ModelState.VoegToe(u.Fouten, nameof(Invoer));
        }

        return await LaadAsync("Scherm: machtigingen na geweigerde invoer", ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostIntrekkenAsync(Guid machtiging, string? reden, CancellationToken ct)
    {
        var u = await machtigingen.IntrekkenAsync(Id, machtiging, reden, ct);
        if (u.NietGevonden) return NotFound();
        TempData["Melding"] = u.Gelukt ? "De machtiging is ingetrokken. De partner ziet de gegevens vanaf nu niet meer." : string.Join(" ", u.Fouten.Values.SelectMany(x => x));
        return Redirect($"/inburgeraars/{Id}/machtigingen#historie");
    }

    private async Task<bool> LaadAsync(string doel, CancellationToken ct)
    {
        var d = await dossiers.InzienAsync(Id, doel, ct);
        if (d is null) return false;
        Dossier = d;
        Lijst = (await machtigingen.LijstAsync(Id, ct)) ?? [];
        Partners = await machtigingen.PartnersVoorAsync(Id, ct);
        return true;
    }

    public IReadOnlyList<string> FoutenVoor(string key) =>
        ModelState.TryGetValue(key, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

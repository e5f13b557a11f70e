using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Dossier;
using Koers.Web.Features.Machtigingen;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Verwijzingen;

/// <summary>Referrals of the case to chain partners: refer, withdraw, follow status and waiting time.</summary>
public sealed class IndexModel(VerwijzingService verwijzingen, MachtigingService machtigingen, DossierService dossiers, Duo.DuoAanbod aanbod, Klok klok) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public VerwijzingInvoer Invoer { get; set; } = new();
    [BindProperty] public Duo.AanbodInvoer Aanbod { get; set; } = new();

    /// <summary>The inburgeringsaanbod reported to DUO (Wi2021 art. 16), with where each stands at DUO.</summary>
    public IReadOnlyList<Duo.AanbodDto> Aanbiedingen { get; private set; } = [];

    /// <summary>Partners of the region with DUO's instellingsnummer: where an aanbod can be reported.</summary>
    public IReadOnlyList<Partnerorganisatie> Instellingen { get; private set; } = [];

    public Inburgeraar Dossier { get; private set; } = null!;
    public IReadOnlyList<Verwijzing> Lijst { get; private set; } = [];
    public IReadOnlyList<Partnerorganisatie> Partners { get; private set; } = [];
    public IReadOnlyList<MachtigingDto> Machtigingen { get; private set; } = [];
    public DateOnly Vandaag => klok.Vandaag;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LaadAsync("Scherm: verwijzingen bekeken", ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var u = await verwijzingen.AanmeldenAsync(Id, Invoer, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt)
            {
                TempData["Melding"] = "De inburgeraar is aangemeld; de partner ziet de aanmelding op de eigen wachtlijst.";
                return Redirect($"/inburgeraars/{Id}/verwijzingen");
            }

            ModelState.VoegToe(u.Fouten, nameof(Invoer));
        }

        return await LaadAsync("Scherm: verwijzingen na geweigerde invoer", ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostIntrekkenAsync(Guid verwijzing, CancellationToken ct)
    {
        var u = await verwijzingen.IntrekkenAsync(Id, verwijzing, ct);
        if (u.NietGevonden) return NotFound();
        TempData["Melding"] = u.Gelukt ? "De aanmelding is ingetrokken." : string.Join(" ", u.Fouten.Values.SelectMany(x => x));
        return Redirect($"/inburgeraars/{Id}/verwijzingen");
    }

    public async Task<IActionResult> OnPostAanbodAsync(CancellationToken ct)
    {
        var u = await aanbod.MeldenAsync(Id, Aanbod, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "Het inburgeringsaanbod is vastgelegd en wordt aan DUO gemeld.";
            return Redirect($"/inburgeraars/{Id}/verwijzingen#aanbod");
        }

        ModelState.VoegToe(u.Fouten, nameof(Aanbod));

        return await LaadAsync("Scherm: verwijzingen na geweigerd inburgeringsaanbod", ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAanbodIntrekkenAsync(Guid aanbodId, CancellationToken ct)
    {
        var u = await aanbod.IntrekkenAsync(Id, aanbodId, ct);
        if (u.NietGevonden) return NotFound();
        TempData["Melding"] = u.Gelukt ? "Het inburgeringsaanbod is ingetrokken; DUO krijgt bericht." : string.Join(" ", u.Fouten.Values.SelectMany(x => x));
        return Redirect($"/inburgeraars/{Id}/verwijzingen#aanbod");
    }

    private async Task<bool> LaadAsync(string doel, CancellationToken ct)
    {
        var d = await dossiers.InzienAsync(Id, doel, ct);
        if (d is null) return false;
        Dossier = d;
        Lijst = (await verwijzingen.VanDossierAsync(Id, ct)) ?? [];
        Partners = await machtigingen.PartnersVoorAsync(Id, ct);
        Machtigingen = (await machtigingen.LijstAsync(Id, ct)) ?? [];
        Aanbiedingen = (await aanbod.VanDossierAsync(Id, ct)) ?? [];
        Instellingen = await aanbod.InstellingenVoorAsync(Id, ct);
        return true;
    }

    public bool HeeftMachtiging(int partner) =>
        Machtigingen.Any(m => m.PartnerorganisatieId == partner && m.Actief && m.Categorieen.Contains(Gegevenscategorie.Basisgegevens));

    public IReadOnlyList<string> FoutenVoor(string key) =>
        ModelState.TryGetValue(key, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

using Koers.Data.Model;
using Koers.Domain.Pip;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Pip;

public sealed class IndexModel(PipService pips, DossierService dossiers, Klok klok) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public PipInvoer Pip { get; set; } = new();
    [BindProperty] public Dictionary<string, string?> NiveauTekst { get; set; } = [];
    [BindProperty] public string? SubdoelenTekst { get; set; }
    [BindProperty] public VaststellingInvoer Vaststelling { get; set; } = new();
    [BindProperty] public VerzendingInvoer Verzending { get; set; } = new();
    [BindProperty] public IntrekkingInvoer Intrekking { get; set; } = new();

    public Inburgeraar Dossier { get; private set; } = null!;
    public PipStand Stand { get; private set; } = null!;
    public PipControle? Controle { get; private set; }
    public DateOnly Vandaag => klok.Vandaag;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync("Scherm: PIP bekeken", ct)) return NotFound();
        if (Stand.ConceptInhoud is { } inhoud) VulFormulier(inhoud);
        Controle = Stand.Controle;
        Vaststelling.Dagtekening ??= klok.Vandaag;
        return Page();
    }

    public async Task<IActionResult> OnPostConceptAsync(CancellationToken ct)
    {
        LeesFormulier();
        if (ModelState.IsValid)
        {
            var uitkomst = await pips.ConceptOpslaanAsync(Id, Pip, ct);
            if (uitkomst.NietGevonden) return NotFound();
            if (uitkomst.Gelukt)
            {
                TempData["Melding"] = uitkomst.Waarde!.MagVastgesteld
                    ? "Het concept is opgeslagen. Het voldoet aan alle regels en kan worden vastgesteld."
                    : "Het concept is opgeslagen. Los de punten hieronder op voordat u het vaststelt.";
                return Redirect($"/inburgeraars/{Id}/pip#controle");
            }

            ModelState.VoegToe(uitkomst.Fouten, "Pip");
        }

        if (!await LaadAsync("Scherm: PIP na geweigerde invoer", ct)) return NotFound();
        Vaststelling.Dagtekening ??= klok.Vandaag;
        return Page();
    }

    public async Task<IActionResult> OnPostVaststellenAsync(CancellationToken ct)
    {
        var uitkomst = await pips.VaststellenAsync(Id, Vaststelling, ct);
        if (uitkomst.NietGevonden) return NotFound();
        if (uitkomst.Gelukt)
        {
            TempData["Melding"] = "Het PIP is vastgesteld. De beschikking staat hieronder en in het dossier.";
            return Redirect($"/inburgeraars/{Id}/pip#beschikkingen");
        }

        ModelState.VoegToe(uitkomst.Fouten, "Vaststelling");

        if (!await LaadAsync("Scherm: PIP na geweigerde vaststelling", ct)) return NotFound();
        if (Stand.ConceptInhoud is { } inhoud) VulFormulier(inhoud);
        Controle = Stand.Controle;
        return Page();
    }

    public async Task<IActionResult> OnPostIntrekkenAsync(CancellationToken ct)
    {
        var uitkomst = await pips.IntrekkenAsync(Id, Intrekking, ct);
        if (uitkomst.NietGevonden) return NotFound();
        if (uitkomst.Gelukt)
        {
            TempData["Melding"] = "Het PIP is ingetrokken. Koers vraagt DUO het PIP te verwijderen.";
            return Redirect($"/inburgeraars/{Id}/pip#beschikkingen");
        }

        ModelState.VoegToe(uitkomst.Fouten, "Intrekking");

        if (!await LaadAsync("Scherm: PIP na geweigerde intrekking", ct)) return NotFound();
        if (Stand.ConceptInhoud is { } inhoud) VulFormulier(inhoud);
        return Page();
    }

    public async Task<IActionResult> OnPostBijstellenAsync(CancellationToken ct)
    {
        var uitkomst = await pips.BijstellingStartenAsync(Id, ct);
        if (uitkomst.NietGevonden) return NotFound();
        TempData["Melding"] = uitkomst.Gelukt
            ? $"Bijstelling gestart: versie {uitkomst.Waarde} is een kopie van het huidige PIP. Pas aan wat verandert."
            : string.Join(" ", uitkomst.Fouten.SelectMany(f => f.Value));
        return Redirect($"/inburgeraars/{Id}/pip");
    }

    public async Task<IActionResult> OnPostVerzondenAsync(Guid beschikking, CancellationToken ct)
    {
        var uitkomst = await pips.VerzondenAsync(Id, beschikking, Verzending, ct);
        if (uitkomst.NietGevonden) return NotFound();
        TempData["Melding"] = uitkomst.Gelukt
            ? "De verzenddatum is vastgelegd. De bezwaartermijn loopt vanaf de dag erna."
            : string.Join(" ", uitkomst.Fouten.SelectMany(f => f.Value));
        return Redirect($"/inburgeraars/{Id}/pip#beschikkingen");
    }

    public async Task<IActionResult> OnGetBeschikkingAsync(Guid beschikking, CancellationToken ct)
    {
        var b = await pips.BeschikkingAsync(Id, beschikking, ct);
        if (b is null) return NotFound();
        return File(b.Pdf, "application/pdf", $"{b.Kenmerk}.pdf");
    }

    private async Task<bool> LaadAsync(string doel, CancellationToken ct)
    {
        var dossier = await dossiers.InzienAsync(Id, doel, ct);
        if (dossier is null) return false;
        Dossier = dossier;
        Stand = (await pips.HaalAsync(Id, ct))!;
        return true;
    }

    private void VulFormulier(PipInhoud inhoud)
    {
        Pip = PipInvoer.Van(inhoud);
        NiveauTekst = inhoud.Niveaus.ToDictionary(n => n.Key.ToString(), n => (string?)n.Value.ToString());
        SubdoelenTekst = string.Join(Environment.NewLine, inhoud.Subdoelen);
    }

    private void LeesFormulier()
    {
        Pip.Niveaus = [];
        foreach (var v in Enum.GetValues<Vaardigheid>())
        {
            var tekst = NiveauTekst.GetValueOrDefault(v.ToString());
            if (string.IsNullOrWhiteSpace(tekst)) continue;
            if (Enum.TryParse<Taalniveau>(tekst, out var niveau) && Enum.IsDefined(niveau)) Pip.Niveaus[v] = niveau;
            else ModelState.AddModelError($"NiveauTekst[{v}]", $"Onbekend niveau '{tekst}' voor {v.Omschrijving().InZin()}.");
        }

        Pip.Subdoelen = (SubdoelenTekst ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    public IReadOnlyList<string> FoutenVoor(string key) =>
        ModelState.TryGetValue(key, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

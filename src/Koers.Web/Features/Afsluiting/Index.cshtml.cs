using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Afsluiting;

/// <summary>Closure of one case: exam results, Z-route eindgesprek, verlenging, afsluiting and the transfer file.</summary>
public sealed class IndexModel(AfsluitingService afsluiting, Overdrachtsdossier overdracht) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ExamenresultaatInvoer Examen { get; set; } = new();
    [BindProperty] public EindgesprekInvoer Eindgesprek { get; set; } = new();
    [BindProperty] public MapPvtInvoer MapPvt { get; set; } = new();
    [BindProperty] public VerlengingInvoer Verlenging { get; set; } = new();
    [BindProperty] public VerlengingBesluitInvoer VerlengingBesluit { get; set; } = new();
    [BindProperty] public Guid? Aanvraag { get; set; }
    [BindProperty] public AfsluitingInvoer Afsluiting { get; set; } = new();

    public AfsluitingStand Stand { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LaadAsync("Scherm: afsluiting bekeken", ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostExamenAsync(CancellationToken ct) =>
        VerwerkAsync(nameof(Examen), () => afsluiting.ExamenresultaatAsync(Id, Examen, ct), "Het examenresultaat is vastgelegd.", "examens", ct);

    public Task<IActionResult> OnPostEindgesprekAsync(CancellationToken ct) =>
        VerwerkAsync(nameof(Eindgesprek), () => afsluiting.EindgesprekAsync(Id, Eindgesprek, ct), "Het eindgesprek is vastgelegd.", "eindgesprek", ct);

    public Task<IActionResult> OnPostMapPvtAsync(CancellationToken ct) =>
        VerwerkAsync(nameof(MapPvt), () => afsluiting.MapPvtAsync(Id, MapPvt, ct),
            $"{(MapPvt.Onderdeel is { } o ? Koers.Domain.Duo.DuoMapPvtControle.Naam(o) : "De afronding")} is vastgelegd en wordt aan DUO doorgegeven.", "map-pvt", ct);

    public Task<IActionResult> OnPostVerlengingAsync(CancellationToken ct) =>
        VerwerkAsync(nameof(Verlenging), () => afsluiting.VerlengingAanvragenAsync(Id, Verlenging, ct), "De aanvraag bij DUO is vastgelegd.", "verlenging", ct);

    public Task<IActionResult> OnPostVerlengingBesluitAsync(CancellationToken ct) =>
        VerwerkAsync(nameof(VerlengingBesluit), () => afsluiting.VerlengingBesluitAsync(Id, Aanvraag ?? Guid.Empty, VerlengingBesluit, ct),
            VerlengingBesluit.Toegekend ? "De verlenging is vastgelegd; de inburgeringstermijn is verschoven." : "De afwijzing is vastgelegd.", "verlenging", ct);

    public Task<IActionResult> OnPostAfsluitenAsync(CancellationToken ct) =>
        VerwerkAsync(nameof(Afsluiting), () => afsluiting.AfsluitenAsync(Id, Afsluiting, ct), "Het dossier is afgesloten.", "afsluiten", ct);

    public async Task<IActionResult> OnGetOverdrachtAsync(CancellationToken ct)
    {
        var bestand = await overdracht.MaakAsync(Id, ct);
        return bestand is null ? NotFound() : File(bestand.Zip, "application/zip", bestand.Bestandsnaam);
    }

    public IReadOnlyList<string> FoutenVoor(string sleutel) =>
        ModelState.TryGetValue(sleutel, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];

    private async Task<IActionResult> VerwerkAsync(string prefix, Func<Task<Kern.Uitkomst<Guid>>> actie, string melding, string anker, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var u = await actie();
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt)
            {
                TempData["Melding"] = melding;
                return Redirect($"/inburgeraars/{Id}/afsluiting#{anker}");
            }

            ModelState.VoegToe(u.Fouten, prefix);
        }

        return await LaadAsync("Scherm: afsluiting (invoer hersteld)", ct) ? Page() : NotFound();
    }

    private async Task<bool> LaadAsync(string doel, CancellationToken ct)
    {
        var stand = await afsluiting.HaalAsync(Id, doel, ct);
        if (stand is null) return false;
        Stand = stand;
        return true;
    }
}

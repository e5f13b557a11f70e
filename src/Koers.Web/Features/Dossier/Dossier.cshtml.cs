using System.Globalization;
using Koers.Data.Model;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Dossier;

/// <summary>
/// The case page. What other features show on it (DUO, BRP, zaaksysteem, the inburgeraar's messages, the participatieladder)
/// comes from the parts they register (<see cref="IDossieronderdeel"/>); the page knows none of those features.
/// </summary>
public sealed class DossierModel(DossierService service, Klok klok, Koers.Web.Features.Termijnen.SignaleringService signalering,
    IEnumerable<IDossieronderdeel> onderdelen, Dossierdelen delen, Auditlog audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>Milestone dates as typed (yyyy-MM-dd), keyed by milestone name.</summary>
    [BindProperty] public Dictionary<string, string?> Mijlpalen { get; set; } = [];
    [BindProperty] public string? Reden { get; set; }

    public Inburgeraar Dossier { get; private set; } = null!;
    public DossierFeiten Feiten { get; private set; } = null!;
    public IReadOnlyList<Termijn> Termijnen { get; private set; } = [];

    /// <summary>The municipality's deadline alerts: how many days ahead an open deadline turns orange.</summary>
    public Koers.Web.Features.Termijnen.Signaleringen Signalering { get; private set; } = Koers.Web.Features.Termijnen.Signaleringen.Standaard;
    public IReadOnlyList<Urennorm> Urennormen { get; private set; } = [];
    public List<MijlpaalWijziging> MijlpaalHistorie { get; private set; } = [];
    public List<TermijnWijziging> TermijnHistorie { get; private set; } = [];
    public IReadOnlyList<(Dossierplek Plek, Dossierdeel Deel)> Delen { get; private set; } = [];
    public DateOnly Vandaag { get; private set; }
    public Fase Fase { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync("Scherm: dossier bekeken", ct)) return NotFound();
        Mijlpalen = MijlpaalInfo.All.ToDictionary(m => m.ToString(), m => (string?)Shared.Weergave.DatumInvoer(Feiten.Datum(m)));
        return Page();
    }

    /// <summary>
    /// A button in a part of another feature (a message handled, a DUO action done, a DUO message offered again): the part
    /// that owns the handler checks access and does it; unknown, out of reach or not this case's item is a 404.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var handler = Handler;
        var doel = onderdelen.SelectMany(o => o.Handlers.Select(h => (Onderdeel: o, Naam: h)))
            .FirstOrDefault(x => string.Equals(x.Naam, handler, StringComparison.OrdinalIgnoreCase));
        if (doel.Onderdeel is null) return NotFound();
        var anker = await doel.Onderdeel.HandelAfAsync(doel.Naam, Id, Request.HasFormContentType ? Request.Form : FormCollection.Empty, ct);
        return anker is null ? NotFound() : Redirect($"/inburgeraars/{Id}{anker}");
    }

    public async Task<IActionResult> OnPostMijlpalenAsync(CancellationToken ct)
    {
        var wijzigingen = new Dictionary<Mijlpaal, DateOnly?>();
        foreach (var mijlpaal in MijlpaalInfo.All)
        {
            var tekst = Mijlpalen.GetValueOrDefault(mijlpaal.ToString())?.Trim();
            if (string.IsNullOrEmpty(tekst))
            {
                wijzigingen[mijlpaal] = null;
            }
            else if (DateOnly.TryParseExact(tekst, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var datum)
                     || DateOnly.TryParseExact(tekst, "d-M-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out datum))
            {
                wijzigingen[mijlpaal] = datum;
            }
            else
            {
                ModelState.AddModelError($"Mijlpalen[{mijlpaal}]", $"{mijlpaal.Omschrijving()}: '{tekst}' is geen datum. Gebruik dd-mm-jjjj.");
            }
        }

        if (ModelState.IsValid)
        {
            var uitkomst = await service.ZetMijlpalenAsync(Id, wijzigingen, Reden, ct);
            if (uitkomst.NietGevonden) return NotFound();
            if (uitkomst.Gelukt)
            {
                TempData["Melding"] = "De mijlpalen zijn opgeslagen en de termijnen zijn opnieuw berekend.";
                return Redirect($"/inburgeraars/{Id}#termijnen");
            }

            ModelState.VoegToe(uitkomst.Fouten, veld => MijlpaalInfo.TryParse(veld, out var m) ? $"Mijlpalen[{m}]" : veld);
        }

        if (!await LaadAsync("Scherm: dossier bekeken na geweigerde wijziging", ct)) return NotFound();
        return Page();
    }

    // The page's audited reads (the case, the sociale kaart) are saved together before anything is rendered.
    private Task<bool> LaadAsync(string doel, CancellationToken ct) => audit.GebundeldAsync(() => LeesAsync(doel, ct), ct);

    private async Task<bool> LeesAsync(string doel, CancellationToken ct)
    {
        var dossier = await service.InzienAsync(Id, doel, ct);
        if (dossier is null) return false;
        Dossier = dossier;
        Feiten = dossier.Feiten();
        Vandaag = klok.Vandaag;
        Fase = FaseBepaling.Bepaal(Feiten);
        Termijnen = LegalClock.Bereken(Feiten, dossier.Gemeente!.Instellingen);
        Urennormen = LegalClock.Urennormen(Feiten);
        // The other features' parts, each read on a connection of its own, while the page reads its own history.
        Delen = await delen.LaadAsync(Id, Handler, async () =>
        {
            Signalering = await signalering.VoorAsync([dossier.GemeenteId], ct);
            (MijlpaalHistorie, TermijnHistorie) = await service.RecenteHistorieAsync(Id, ct);
        }, ct);
        return true;
    }

    /// <summary>The parts other features show at one place of the page, in their order.</summary>
    public IEnumerable<Dossierdeel> Op(Dossierplek plek) => Delen.Where(d => d.Plek == plek).Select(d => d.Deel);

    /// <summary>The page handler asked for (<c>?handler=…</c>, as Razor Pages reads it), null for the plain page.</summary>
    private string? Handler => RouteData.Values["handler"] as string ?? (Request.Query.TryGetValue("handler", out var h) ? h.ToString() : null);

    /// <summary>The status label's class: an open deadline further away than the municipality's alert days is not orange.</summary>
    public string StatusKlasse(Termijn t, TermijnStatus status) =>
        status == TermijnStatus.Open && t.DagenResterend(Vandaag) is { } dagen && !Signalering.Signaleert(Dossier.GemeenteId, t.Code, dagen)
            ? "koers-status koers-status--neutraal"
            : Shared.Weergave.StatusKlasse(status);

    public IReadOnlyList<string> Fouten(Mijlpaal mijlpaal) =>
        ModelState.TryGetValue($"Mijlpalen[{mijlpaal}]", out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

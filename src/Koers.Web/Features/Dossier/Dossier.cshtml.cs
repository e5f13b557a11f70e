using System.Globalization;
using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Dossier;

public sealed class DossierModel(DossierService service, KoersDbContext db, Klok klok, Portaal.BerichtSignalen berichten, Duo.DuoActies duoActies,
    Koers.Web.Features.Termijnen.SignaleringService signalering) : PageModel
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
    public List<Bericht> Berichten { get; private set; } = [];
    public DateOnly Vandaag { get; private set; }
    public Fase Fase { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync("Scherm: dossier bekeken", ct)) return NotFound();
        Mijlpalen = MijlpaalInfo.All.ToDictionary(m => m.ToString(), m => (string?)Shared.Weergave.DatumInvoer(Feiten.Datum(m)));
        return Page();
    }

    /// <summary>DUO's data for this person, read from DUO on request (audited by <see cref="Duo.DuoGegevens"/>).</summary>
    public Duo.DuoGegevensStand? DuoGegevens { get; private set; }

    public async Task<IActionResult> OnGetDuoGegevensAsync([FromServices] Duo.DuoGegevens gegevens, CancellationToken ct)
    {
        if (!await LaadAsync("Scherm: dossier bekeken", ct)) return NotFound();
        Mijlpalen = MijlpaalInfo.All.ToDictionary(m => m.ToString(), m => (string?)Shared.Weergave.DatumInvoer(Feiten.Datum(m)));
        DuoGegevens = await gegevens.LeesAsync(Id, ct);
        return Page();
    }

    /// <summary>A message from the inburgeraar is answered or dealt with: off the worklist, audited.</summary>
    public async Task<IActionResult> OnPostBerichtAfgehandeldAsync(long bericht, CancellationToken ct)
    {
        // Only the message is needed: the case itself is not loaded (nor logged as read) to set one flag.
        if (!await berichten.AfhandelenAsync(Id, bericht, ct)) return NotFound();
        return Redirect($"/inburgeraars/{Id}#berichten");
    }

    /// <summary>The action a DUO event asked for (a death, a decision, a PIP taken over) is done: off the worklist, audited.</summary>
    public async Task<IActionResult> OnPostDuoActieAfgehandeldAsync(long melding, CancellationToken ct)
    {
        if (!await duoActies.AfhandelenAsync(Id, melding, ct)) return NotFound();
        return Redirect($"/inburgeraars/{Id}#duo");
    }

    /// <summary>A parked DUO event of this case is offered again (after the case was corrected).</summary>
    public async Task<IActionResult> OnPostDuoMeldingOpnieuwAsync(long melding, [FromServices] Duo.DuoInbox inbox, [FromServices] Kern.Toegang toegang,
        [FromServices] HuidigeGebruiker gebruiker, CancellationToken ct)
    {
        if (!await toegang.MagDossierAsync(Id, ct) || !await inbox.OpnieuwVoorDossierAsync(Id, melding, gebruiker.Naam, ct)) return NotFound();
        return Redirect($"/inburgeraars/{Id}#duo");
    }

    /// <summary>A message DUO refused is offered again (DUO's data may have changed since).</summary>
    public async Task<IActionResult> OnPostDuoBerichtOpnieuwAsync(Guid bericht, [FromServices] Duo.DuoOutbox outbox, [FromServices] Kern.Toegang toegang, CancellationToken ct)
    {
        var vanDitDossier = await db.DuoUitgaandeBerichten.AsNoTracking().AnyAsync(b => b.Id == bericht && b.InburgeraarId == Id, ct);
        if (!vanDitDossier || !await toegang.MagDossierAsync(Id, ct) || !await outbox.OpnieuwAsync(bericht, ct)) return NotFound();
        return Redirect($"/inburgeraars/{Id}#duo");
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

    private async Task<bool> LaadAsync(string doel, CancellationToken ct)
    {
        var dossier = await service.InzienAsync(Id, doel, ct);
        if (dossier is null) return false;
        Dossier = dossier;
        Feiten = dossier.Feiten();
        Vandaag = klok.Vandaag;
        Fase = FaseBepaling.Bepaal(Feiten);
        Termijnen = LegalClock.Bereken(Feiten, dossier.Gemeente!.Instellingen);
        Signalering = await signalering.VoorAsync([dossier.GemeenteId], ct);
        Urennormen = LegalClock.Urennormen(Feiten);
        MijlpaalHistorie = await db.MijlpaalWijzigingen.AsNoTracking().Where(w => w.InburgeraarId == Id).OrderByDescending(w => w.Id).Take(100).ToListAsync(ct);
        Berichten = await db.Berichten.AsNoTracking().Where(b => b.InburgeraarId == Id && !b.VanKlantregisseur).OrderByDescending(b => b.Id).Take(50).ToListAsync(ct);
        TermijnHistorie = await db.TermijnWijzigingen.AsNoTracking().Where(w => w.InburgeraarId == Id).OrderByDescending(w => w.Id).Take(100).ToListAsync(ct);
        return true;
    }

    /// <summary>The status label's class: an open deadline further away than the municipality's alert days is not orange.</summary>
    public string StatusKlasse(Termijn t, TermijnStatus status) =>
        status == TermijnStatus.Open && t.DagenResterend(Vandaag) is { } dagen && !Signalering.Signaleert(Dossier.GemeenteId, t.Code, dagen)
            ? "koers-status koers-status--neutraal"
            : Shared.Weergave.StatusKlasse(status);

    public IReadOnlyList<string> Fouten(Mijlpaal mijlpaal) =>
        ModelState.TryGetValue($"Mijlpalen[{mijlpaal}]", out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

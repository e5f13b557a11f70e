using Koers.Data.Model.Keten;
using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Mvc;
using Koers.Web.Features.Shared;

namespace Koers.Web.Features.Voortgang;

/// <summary>The Voortgang tab of a case: hours against the PIP, weekly chart, absence, skills, exams, signals and progress talks.</summary>
public sealed class IndexModel(VoortgangService voortgang, RapportageService rapportage, Infrastructure.Klok klok) : RapportagePagina(rapportage)
{
    [BindProperty] public GesprekPlanInvoer Plan { get; set; } = new();
    [BindProperty] public GesprekVerslagInvoer Verslag { get; set; } = new() { Afspraken = [] };

    /// <summary>The planned talk the report form records; empty for a talk that was not planned in Koers.</summary>
    [BindProperty] public Guid? Gesprek { get; set; }
    [BindProperty] public string? Afhandeling { get; set; }

    /// <summary>The signal whose handling was refused, so its error shows at that signal.</summary>
    public Guid? FoutSignaal { get; private set; }

    public VoortgangStand Stand { get; private set; } = null!;
    public DateOnly Vandaag => klok.Vandaag;
    protected override string Terug => $"/inburgeraars/{Id}/voortgang";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LaadAsync(ct) ? Page() : NotFound();

    protected override async Task<bool> LaadAsync(CancellationToken ct)
    {
        var stand = await voortgang.HaalAsync(Id, "Scherm: voortgang bekeken", ct);
        if (stand is null) return false;
        Stand = stand;
        Plan.GeplandOp ??= stand.VolgendGesprekUiterlijk is { } v && v >= Vandaag ? v : null;
        Verslag.Afspraken ??= [];
        while (Verslag.Afspraken.Count < 3) Verslag.Afspraken.Add(new AfspraakInvoer());
        return true;
    }

    public async Task<IActionResult> OnPostPlanAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await OpnieuwAsync(ct);
        var u = await voortgang.PlanAsync(Id, Plan, ct);
        if (u.NietGevonden) return NotFound();
        return u.Gelukt ? Klaar($"Het voortgangsgesprek is gepland op {Weergave.Datum(Plan.GeplandOp)}.", "gesprekken") : await FoutAsync(u.Fouten, nameof(Plan), ct);
    }

    public async Task<IActionResult> OnPostAnnuleerAsync(Guid gesprek, CancellationToken ct)
    {
        var u = await voortgang.AnnuleerAsync(Id, gesprek, ct);
        if (u.NietGevonden) return NotFound();
        return Klaar("Het voortgangsgesprek is geannuleerd.", "gesprekken");
    }

    public async Task<IActionResult> OnPostVerslagAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await OpnieuwAsync(ct);
        var u = await voortgang.VastleggenAsync(Id, Gesprek, Verslag, ct);
        if (u.NietGevonden) return NotFound();
        return u.Gelukt
            ? Klaar(Verslag.Status == Gespreksstatus.Gehouden
                ? "Het gesprek is vastgelegd. De datum van het laatste voortgangsgesprek en de termijn voor het volgende zijn bijgewerkt."
                : "Vastgelegd dat de inburgeraar niet verscheen. Plan een nieuw gesprek.", "gesprekken")
            : await FoutAsync(u.Fouten, nameof(Verslag), ct);
    }

    public async Task<IActionResult> OnPostAfspraakAsync(long afspraak, bool gedaan, CancellationToken ct)
    {
        var u = await voortgang.AfspraakAsync(Id, afspraak, gedaan, ct);
        if (u.NietGevonden) return NotFound();
        return Klaar(gedaan ? "De afspraak is afgevinkt." : "De afspraak staat weer open.", "gesprekken");
    }

    public async Task<IActionResult> OnPostAfhandelenAsync(Guid signaal, CancellationToken ct)
    {
        var u = await voortgang.SignaalAfhandelenAsync(Id, signaal, new AfhandelInvoer { Afhandeling = Afhandeling }, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt) return Klaar("Het signaal is afgehandeld.", "signalen");
        FoutSignaal = signaal;
        ModelState.VoegToe(u.Fouten, _ => nameof(Afhandeling));

        return await OpnieuwAsync(ct);
    }
}

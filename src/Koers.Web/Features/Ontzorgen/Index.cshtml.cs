using Koers.Domain.Ontzorgen;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Ontzorgen;

/// <summary>Financieel ontzorgen of one case: decision, payees, payments made, afbouwplan and debts signal.</summary>
public sealed class IndexModel(OntzorgenService ontzorgen, Klok klok) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>The payee shown in the form for editing (?bewerk=…); none: the form adds a new payee.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Bewerk { get; set; }

    [BindProperty] public BesluitInvoer Besluit { get; set; } = new();
    [BindProperty] public BetalingInvoer Betaling { get; set; } = new();

    /// <summary>The monthly amount as typed (725,50 or 725.50); read by <see cref="Bedrag.TryParse"/>, not by the culture.</summary>
    [BindProperty] public string? BedragTekst { get; set; }
    [BindProperty] public AfbouwplanInvoer Afbouwplan { get; set; } = new();
    [BindProperty] public SchuldenInvoer Schulden { get; set; } = new();

    public OntzorgenStand Stand { get; private set; } = null!;

    /// <summary>The decision letters made so far, newest first.</summary>
    public List<(Guid Id, OntzorgenBesluit Besluit, DateOnly Datum, string Kenmerk, DateOnly? Verzenddatum)> Brieven { get; private set; } = [];
    public DateOnly Vandaag => klok.Vandaag;

    private enum Formulier { Geen, Besluit, Betaling, Afbouwplan, Schulden }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync("Scherm: ontzorgen bekeken", Formulier.Geen, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnGetBriefAsync(Guid brief, CancellationToken ct)
    {
        var b = await ontzorgen.BriefAsync(Id, brief, ct);
        return b is null ? NotFound() : File(b.Pdf, "application/pdf", $"{b.Kenmerk}.pdf");
    }

    /// <summary>Records the date a besluitbrief was sent (once); refused dates show at the letter.</summary>
    public async Task<IActionResult> OnPostVerzendingAsync(Guid brief, DateOnly? verzenddatum, CancellationToken ct)
    {
        var u = await ontzorgen.VerzendingAsync(Id, brief, new Pip.VerzendingInvoer { Verzenddatum = verzenddatum }, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt) return Klaar("De verzenddatum van de besluitbrief is vastgelegd.", "besluit");
        VerzendFout = (brief, string.Join(" ", u.Fouten.Values.SelectMany(f => f)));
        return await OpnieuwAsync(Formulier.Geen, ct);
    }

    /// <summary>The letter whose sending date was refused, and why.</summary>
    public (Guid Brief, string Melding)? VerzendFout { get; private set; }

    public async Task<IActionResult> OnPostBesluitAsync(CancellationToken ct)
    {
        if (Besluit.Besluit != OntzorgenBesluit.Verlengen) Besluit.VerlengdTot = null;
        if (ModelState.IsValid)
        {
            var u = await ontzorgen.BesluitAsync(Id, Besluit, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt) return Klaar("Het besluit is vastgelegd.", "besluit");
            Toon(u.Fouten, nameof(Besluit));
        }

        return await OpnieuwAsync(Formulier.Besluit, ct);
    }

    public async Task<IActionResult> OnPostBetalingAsync(CancellationToken ct)
    {
        if (Bedrag.TryParse(BedragTekst, out var bedrag, out var fout)) Betaling.BedragPerMaand = bedrag;
        else ModelState.AddModelError(nameof(BedragTekst), fout!);

        if (ModelState.IsValid)
        {
            var u = Bewerk is { } betalingId
                ? await ontzorgen.BetalingWijzigenAsync(Id, betalingId, Betaling, ct)
                : await ontzorgen.BetalingToevoegenAsync(Id, Betaling, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt) return Klaar(Bewerk is null ? "De ontvanger is toegevoegd." : "De ontvanger is gewijzigd.", "betalingen", bewerk: false);
            ModelState.VoegToe(u.Fouten, veld => veld == nameof(BetalingInvoer.BedragPerMaand) ? nameof(BedragTekst) : $"{nameof(Betaling)}.{veld}");
        }

        return await OpnieuwAsync(Formulier.Betaling, ct);
    }

    public async Task<IActionResult> OnPostVerwijderAsync(Guid betaling, CancellationToken ct)
    {
        var u = await ontzorgen.BetalingVerwijderenAsync(Id, betaling, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt) return Klaar("De ontvanger is verwijderd. Betaalde maanden blijven zichtbaar onder ‘Betaald’.", "betalingen", bewerk: false);
        Toon(u.Fouten, nameof(Betaling));
        return await OpnieuwAsync(Formulier.Geen, ct);
    }

    public async Task<IActionResult> OnPostAfbouwplanAsync(CancellationToken ct)
    {
        // Empty rows of the form (offered to add a moment) are not evaluation moments.
        Afbouwplan.Evaluaties = (Afbouwplan.Evaluaties ?? [])
            .Where(e => e.Datum is not null || e.Gehouden || !string.IsNullOrWhiteSpace(e.Verslag))
            .ToList();
        if (ModelState.IsValid)
        {
            var u = await ontzorgen.AfbouwplanAsync(Id, Afbouwplan, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt) return Klaar("Het afbouwplan is opgeslagen.", "afbouwplan");
            Toon(u.Fouten, nameof(Afbouwplan));
        }

        return await OpnieuwAsync(Formulier.Afbouwplan, ct);
    }

    public async Task<IActionResult> OnPostEvaluatiesAsync(CancellationToken ct)
    {
        var u = await ontzorgen.EvaluatiesInplannenAsync(Id, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            return Klaar(u.Waarde == 0 ? "De standaard evaluatiemomenten stonden al gepland." : $"{u.Waarde} evaluatiemoment(en) ingepland.", "afbouwplan");
        }

        Toon(u.Fouten, nameof(Afbouwplan));
        return await OpnieuwAsync(Formulier.Geen, ct);
    }

    public async Task<IActionResult> OnPostSchuldenAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var u = await ontzorgen.SchuldenAsync(Id, Schulden, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt) return Klaar(Schulden.Gesignaleerd ? "Het schuldensignaal is vastgelegd; het staat op de werkvoorraad." : "Het schuldensignaal is afgehandeld.", "schulden");
            Toon(u.Fouten, nameof(Schulden));
        }

        return await OpnieuwAsync(Formulier.Schulden, ct);
    }

    private IActionResult Klaar(string melding, string anker, bool bewerk = true)
    {
        TempData["Melding"] = melding;
        var query = bewerk && Bewerk is { } b ? $"?bewerk={b}" : string.Empty;
        return Redirect($"/inburgeraars/{Id}/ontzorgen{query}#{anker}");
    }

    private void Toon(Dictionary<string, string[]> fouten, string prefix)
    {
        // A refusal for the whole case (wrong target group) or the decision belongs to no single field of this form.
        ModelState.VoegToe(fouten, veld => veld is "Doelgroep" or "Besluit" && prefix != nameof(Besluit) ? veld : $"{prefix}.{veld}");
    }

    private async Task<IActionResult> OpnieuwAsync(Formulier gepost, CancellationToken ct)
    {
        if (!await LaadAsync("Scherm: ontzorgen na geweigerde invoer", gepost, ct)) return NotFound();
        return Page();
    }

    /// <summary>Loads the case; fills every form from the stored data except the one just posted (that keeps what was typed).</summary>
    private async Task<bool> LaadAsync(string doel, Formulier gepost, CancellationToken ct)
    {
        var stand = await ontzorgen.HaalAsync(Id, doel, ct);
        if (stand is null) return false;
        Stand = stand;
        Brieven = await ontzorgen.BrievenAsync(Id, ct);
        var o = stand.Ontzorging;
        if (gepost != Formulier.Besluit)
        {
            Besluit = new BesluitInvoer
            {
                Besluit = o?.Besluit ?? stand.VoorgesteldBesluit,
                Reden = o?.Reden,
                Besluitdatum = o?.Besluitdatum ?? klok.Vandaag,
                VerlengdTot = o?.VerlengdTot,
            };
        }

        if (gepost != Formulier.Betaling)
        {
            var b = Bewerk is { } id ? stand.Betalingen.FirstOrDefault(x => x.Id == id) : null;
            if (b is null) Bewerk = null;
            Betaling = b is null
                ? new BetalingInvoer()
                : new BetalingInvoer
                {
                    Soort = b.Soort, Omschrijving = b.Omschrijving, Naam = b.Naam, Iban = Iban.Groepeer(b.Iban), Bic = b.Bic,
                    Betalingskenmerk = b.Betalingskenmerk, BedragPerMaand = b.BedragPerMaand, Vanaf = b.Vanaf, Tot = b.Tot,
                };
            BedragTekst = OntzorgenWeergave.BedragInvoer(Betaling.BedragPerMaand);
        }

        if (gepost != Formulier.Afbouwplan)
        {
            Afbouwplan = new AfbouwplanInvoer
            {
                TrainingNaam = o?.TrainingNaam ?? stand.Beleid.TrainingAanbod,
                TrainingGepland = o?.TrainingGepland,
                TrainingAfgerond = o?.TrainingAfgerond,
                Afspraken = o?.Afspraken,
                OverdrachtAan = o?.OverdrachtAan,
                Evaluaties = stand.Evaluaties.Select(e => new EvaluatieInvoer { Soort = e.Soort, Datum = e.Datum, Gehouden = e.Gehouden, Verslag = e.Verslag }).ToList(),
            };
        }

        // Two empty rows, so a moment can be added without scripts.
        Afbouwplan.Evaluaties = [.. Afbouwplan.Evaluaties ?? [], new EvaluatieInvoer(), new EvaluatieInvoer()];

        if (gepost != Formulier.Schulden)
        {
            Schulden = new SchuldenInvoer { Gesignaleerd = o?.SchuldenGesignaleerd ?? false, Datum = o?.SchuldenGesignaleerd == true ? o.SchuldenOp : klok.Vandaag, Notitie = o?.SchuldenNotitie };
        }

        return true;
    }

    public IReadOnlyList<string> FoutenVoor(string key) =>
        ModelState.TryGetValue(key, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

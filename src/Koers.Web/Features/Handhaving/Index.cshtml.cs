using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Handhaving;

/// <summary>Handhaving on one case: tekortkomingen, the proposed next step, the decisions and their letters.</summary>
public sealed class IndexModel(HandhavingService handhaving) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>The tekortkoming (or step) whose form was posted: its fields get the ids the error summary links to.</summary>
    [BindProperty] public Guid? Actief { get; set; }
    [BindProperty] public TekortkomingInvoer Tekortkoming { get; set; } = new();
    [BindProperty] public StapBesluitInvoer Besluit { get; set; } = new();
    [BindProperty] public UitkomstInvoer Uitkomst { get; set; } = new();
    [BindProperty] public AfsluitenInvoer Afsluiten { get; set; } = new();
    [BindProperty] public Pip.VerzendingInvoer Verzending { get; set; } = new();

    public HandhavingStand Stand { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Actief = null;
        return await LaadAsync("Scherm: handhaving bekeken", ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostTekortkomingAsync(CancellationToken ct)
    {
        Actief = null;
        if (ModelState.IsValid)
        {
            var u = await handhaving.TekortkomingAsync(Id, Tekortkoming, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt) return Klaar("De tekortkoming is vastgelegd. Koers stelt hieronder een stap voor; er gebeurt niets tot u besluit.", u.Waarde);
            ModelState.VoegToe(u.Fouten, nameof(Tekortkoming));
        }

        return await OpnieuwAsync(ct);
    }

    public async Task<IActionResult> OnPostBesluitAsync(CancellationToken ct)
    {
        if (Actief is not { } tid) return BadRequest();
        if (ModelState.IsValid)
        {
            var u = await handhaving.BesluitAsync(Id, tid, Besluit, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt) return Klaar(Besluit.Actie == BesluitActie.Overslaan ? "De stap is overgeslagen." : "De stap is vastgelegd.", tid);
            ModelState.VoegToe(u.Fouten, nameof(Besluit));
        }

        return await OpnieuwAsync(ct);
    }

    public async Task<IActionResult> OnPostUitkomstAsync(CancellationToken ct)
    {
        if (Actief is not { } bid) return BadRequest();
        if (ModelState.IsValid)
        {
            var u = await handhaving.UitkomstAsync(Id, bid, Uitkomst, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt) return Klaar("De uitkomst is vastgelegd.", null);
            ModelState.VoegToe(u.Fouten, nameof(Uitkomst));
        }

        return await OpnieuwAsync(ct);
    }

    /// <summary>The date a letter went out, recorded afterwards: the bezwaar term of a boete or maatregel runs from the next day.</summary>
    public async Task<IActionResult> OnPostVerzondenAsync(CancellationToken ct)
    {
        if (Actief is not { } bid) return BadRequest();
        if (ModelState.IsValid)
        {
            var u = await handhaving.VerzondenAsync(Id, bid, Verzending, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt) return Klaar("De verzenddatum van de brief is vastgelegd.", null);
            ModelState.VoegToe(u.Fouten, nameof(Verzending));
        }

        return await OpnieuwAsync(ct);
    }

    public async Task<IActionResult> OnPostAfsluitenAsync(CancellationToken ct)
    {
        if (Actief is not { } tid) return BadRequest();
        if (ModelState.IsValid)
        {
            var u = await handhaving.AfsluitenAsync(Id, tid, Afsluiten, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt) return Klaar("De tekortkoming is afgesloten.", tid);
            ModelState.VoegToe(u.Fouten, nameof(Afsluiten));
        }

        return await OpnieuwAsync(ct);
    }

    public async Task<IActionResult> OnGetBriefAsync(Guid besluit, CancellationToken ct)
    {
        var b = await handhaving.BriefAsync(Id, besluit, ct);
        return b is null ? NotFound() : File(b.Pdf!, "application/pdf", $"{b.Kenmerk}.pdf");
    }

    /// <summary>The id of a field: the canonical one in the posted form (the summary links there), unique elsewhere.</summary>
    public string VeldId(string sleutel, Guid eigenaar) => Actief == eigenaar ? Shared.Veld.Id(sleutel) : $"{Shared.Veld.Id(sleutel)}-{eigenaar:N}";

    public IReadOnlyList<string> FoutenVoor(string sleutel, Guid? eigenaar = null) =>
        (eigenaar is null || Actief == eigenaar) && ModelState.TryGetValue(sleutel, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];

    private IActionResult Klaar(string melding, Guid? anker)
    {
        TempData["Melding"] = melding;
        return Redirect($"/inburgeraars/{Id}/handhaving" + (anker is { } a ? $"#t-{a:N}" : string.Empty));
    }

    private async Task<IActionResult> OpnieuwAsync(CancellationToken ct) =>
        await LaadAsync("Scherm: handhaving (invoer hersteld)", ct) ? Page() : NotFound();

    private async Task<bool> LaadAsync(string doel, CancellationToken ct)
    {
        var stand = await handhaving.HaalAsync(Id, doel, ct);
        if (stand is null) return false;
        Stand = stand;
        return true;
    }
}

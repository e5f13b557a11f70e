using System.Globalization;
using Koers.Domain.Handhaving;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Handhaving;

/// <summary>One row of the ladder form; the amount as typed (250,00 or 250.00).</summary>
public sealed class LadderRij
{
    public Handhavingssoort? Soort { get; set; }
    public string? Naam { get; set; }
    public string? Brieftekst { get; set; }
    public int? ReactietermijnDagen { get; set; }
    public string? Bedrag { get; set; }

    public bool IsLeeg => string.IsNullOrWhiteSpace(Naam) && string.IsNullOrWhiteSpace(Brieftekst) && string.IsNullOrWhiteSpace(Bedrag);
}

/// <summary>Functioneel beheer: the escalation ladder of one municipality.</summary>
public sealed class LadderModel(HandhavingService handhaving) : PageModel
{
    public const int LegeRijen = 2;

    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }
    [BindProperty] public List<LadderRij> Stappen { get; set; } = [];

    public List<Data.Model.Gemeente> Gemeenten { get; private set; } = [];
    public Data.Model.Gemeente Huidige { get; private set; } = null!;
    public bool Standaard { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var ladder = await LaadAsync(ct);
        if (ladder is null) return NotFound();
        Stappen = ladder.Select(s => new LadderRij
        {
            Soort = s.Soort, Naam = s.Naam, Brieftekst = s.Brieftekst, ReactietermijnDagen = s.ReactietermijnDagen,
            Bedrag = s.Bedrag?.ToString("0.00", CultureInfo.GetCultureInfo("nl-NL")),
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Empty rows (offered to add a step) are not steps; the order of the rows is the order of the ladder.
        var rijen = (Stappen ?? []).Where(r => !r.IsLeeg).ToList();
        var invoer = new LadderInvoer();
        for (var i = 0; i < rijen.Count; i++)
        {
            decimal? bedrag = null;
            if (!string.IsNullOrWhiteSpace(rijen[i].Bedrag))
            {
                var tekst = rijen[i].Bedrag!.Replace("€", string.Empty).Trim().Replace(',', '.');
                if (decimal.TryParse(tekst, NumberStyles.Number, CultureInfo.InvariantCulture, out var b)) bedrag = b;
                else ModelState.AddModelError($"Stappen[{i}].Bedrag", $"Stap {i + 1}: vul het bedrag in als getal, bijvoorbeeld 250,00.");
            }

            invoer.Stappen.Add(new LadderstapInvoer
            {
                Soort = rijen[i].Soort, Naam = rijen[i].Naam, Brieftekst = rijen[i].Brieftekst, ReactietermijnDagen = rijen[i].ReactietermijnDagen, Bedrag = bedrag,
            });
        }

        Stappen = rijen;
        if (ModelState.IsValid)
        {
            var u = await handhaving.LadderOpslaanAsync(Gemeente ?? string.Empty, invoer, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt)
            {
                TempData["Melding"] = "De ladder is opgeslagen.";
                return Redirect($"/beheer/handhaving?gemeente={u.Waarde}");
            }

            ModelState.VoegToe(u.Fouten);
        }

        return await LaadAsync(ct) is null ? NotFound() : Page();
    }

    private async Task<IReadOnlyList<Ladderstap>?> LaadAsync(CancellationToken ct)
    {
        Gemeenten = await handhaving.GemeentenAsync(ct);
        if (Gemeenten.Count == 0) return null;
        Gemeente ??= Gemeenten[0].Code;
        var gevonden = await handhaving.LadderAsync(Gemeente, ct);
        if (gevonden is null) return null;
        Huidige = gevonden.Value.Gemeente;
        Gemeente = Huidige.Code;
        Standaard = gevonden.Value.Standaard;
        return gevonden.Value.Ladder;
    }
}

using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Coa;

/// <summary>/inburgeraars/import: upload a COA file (koppelingen, warme overdracht); the report is shown after the import.</summary>
public sealed class ImportModel(CoaImport import) : PageModel
{
    [BindProperty] public IFormFile? Bestand { get; set; }

    public CoaRapport? Rapport { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Bestand is null)
        {
            ModelState.AddModelError(nameof(Bestand), "Kies een CSV- of JSON-bestand van het COA.");
            return Page();
        }

        if (Bestand.Length > CoaImport.MaxBytes)
        {
            ModelState.AddModelError(nameof(Bestand), $"Het bestand is groter dan {CoaImport.MaxBytes / 1024 / 1024} MB. Splits het in kleinere bestanden.");
            return Page();
        }

        // Only the content is read; the uploaded file name is never used for anything.
        await using var stroom = Bestand.OpenReadStream();
        var rapport = await import.ImporteerAsync(stroom, ct);
        if (rapport.BestandFout is { } fout)
        {
            ModelState.AddModelError(nameof(Bestand), fout);
            return Page();
        }

        Rapport = rapport;
        return Page();
    }
}

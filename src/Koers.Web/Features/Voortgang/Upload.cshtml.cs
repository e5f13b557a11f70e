using System.Globalization;
using CsvHelper;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Voortgang;

/// <summary>Upload of a CSV attendance list; shows the result per row, keeps the refused rows for download.</summary>
[RequestSizeLimit(UrenCsvImport.MaxBytes + 64 * 1024)]
public sealed class UploadModel(UrenCsvImport import) : PageModel
{
    [BindProperty] public IFormFile? Bestand { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Upload { get; set; }

    /// <summary>The result just after an upload, with a status per row.</summary>
    public CsvUitkomst? Resultaat { get; private set; }

    /// <summary>An earlier upload (?upload=…), with its refused rows.</summary>
    public Urenupload? Eerder { get; private set; }
    public IReadOnlyList<string[]> FoutRegels { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Upload is { } id)
        {
            Eerder = await import.HaalAsync(id, ct);
            if (Eerder is null) return NotFound();
            FoutRegels = Lees(Eerder.FoutenCsv);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetFoutenAsync(CancellationToken ct)
    {
        if (Upload is not { } id || await import.HaalAsync(id, ct) is not { } upload) return NotFound();
        return File(VoortgangApi.FoutenBestand(upload), "text/csv; charset=utf-8", $"fouten-{upload.Id:N}.csv");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Bestand is null || Bestand.Length == 0)
        {
            ModelState.AddModelError(nameof(Bestand), Bestand is null ? "Kies een CSV-bestand." : "Het bestand is leeg.");
            return Page();
        }

        await using var stroom = Bestand.OpenReadStream();
        var u = await import.VerwerkAsync(stroom, Bestand.Length, Bestand.FileName, ct);
        if (!u.Gelukt)
        {
            ModelState.VoegToe(u.Fouten, _ => nameof(Bestand));
            return Page();
        }

        Resultaat = u.Waarde;
        return Page();
    }

    private static List<string[]> Lees(string csv)
    {
        var regels = new List<string[]>();
        using var lezer = CsvReader.FromText(csv, new CsvReaderOptions { Separator = ';', HasHeader = true, FieldCountMismatch = CsvFieldCountHandling.Allow });
        while (lezer.Read())
        {
            var velden = new string[lezer.FieldCount];
            for (var i = 0; i < velden.Length; i++) velden[i] = lezer.GetString(i);
            regels.Add(velden);
        }

        return regels;
    }
}

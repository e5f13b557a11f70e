using System.Globalization;
using System.Text;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Inkoop;

/// <summary>
/// Provider performance: figures per provider, each with how it is computed; the persons behind them for the team lead. The cost
/// columns are over one verantwoordingsjaar (query parameter jaar); a year that cannot be accounted for gets a message at the field
/// and the default year is shown, with the typed value kept in the field.
/// </summary>
public sealed class AanbiedersModel(AanbiedersService service, Klok klok) : PageModel
{
    public AanbiedersDto Overzicht { get; private set; } = null!;
    public bool MagPersonenZien { get; private set; }

    /// <summary>The year as typed (kept on an error); not an int, so "abc" reaches the field message instead of disappearing.</summary>
    [BindProperty(SupportsGet = true, Name = "jaar")]
    public string? JaarInvoer { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Overzicht = await service.OverzichtAsync(Jaar(), ct);
        MagPersonenZien = AanbiedersService.MagPersonenZien(User);
    }

    /// <summary>The same figures as CSV (semicolon-separated, as Dutch spreadsheets open it); hidden figures stay hidden.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var jaar = Jaar();
        if (!ModelState.IsValid) return BadRequest(string.Join(" ", ModelState["jaar"]!.Errors.Select(e => e.ErrorMessage)));
        var o = await service.OverzichtAsync(jaar, ct);
        var sb = new StringBuilder();
        sb.AppendLine("aanbieder;regio;in_traject;aanwezigheid;op_schema;routewissels;afschalingen;wachttijd_mediaan_dagen;examens_behaald_afgelegd;"
            + "verantwoordingsjaar;kosten_per_persoon_per_onderdeel;kosten_totaal;kosten_spuk;zonder_prijs");
        static string V(string s) => s.Contains(';') || s.Contains('"') ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
        foreach (var a in o.Aanbieders)
        {
            sb.AppendLine(string.Join(';', new[]
            {
                V(a.Partner), V(a.Regio), a.InTraject.Tekst, a.Aanwezigheid.Tekst, a.OpSchema.Tekst, a.Routewissels.Tekst, a.Afschalingen.Tekst,
                a.WachttijdMediaan.Tekst, a.Examens.Tekst, o.Jaar.ToString(CultureInfo.InvariantCulture), PerOnderdeel(a), a.KostenTotaal.Tekst, a.KostenSpuk.Tekst,
                a.ZonderPrijs.ToString(CultureInfo.InvariantCulture),
            }.Select(V)));
        }

        return File(new UTF8Encoding(true).GetBytes(sb.ToString()), "text/csv; charset=utf-8", $"aanbieders-{o.Jaar}-{o.Peildatum:yyyy-MM-dd}.csv");
    }

    /// <summary>The cost per person per onderdeel as the page lists it: "Taal: € 1.200,00 (10 pers.) | …".</summary>
    public static string PerOnderdeel(AanbiederPrestatieDto a) => a.Kosten.Count == 0 ? "—"
        : string.Join(" | ", a.Kosten.Select(k => $"{Ketenpartners.KetenpartnersService.Omschrijving(k.Onderdeel)}: {k.KostenPerPersoon.Tekst} ({k.Personen.Tekst} pers.)"));

    /// <summary>The chosen year, or null (the default) with a message at the field when it is not a year that can be accounted for.</summary>
    private int? Jaar()
    {
        if (string.IsNullOrWhiteSpace(JaarInvoer)) return null;
        var fout = int.TryParse(JaarInvoer.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var j) ? AanbiedersService.JaarFout(j, klok.Vandaag)
            : AanbiedersService.JaarFout(0, klok.Vandaag);
        if (fout is null) return j;
        ModelState.AddModelError("jaar", fout);
        return null;
    }
}

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Inkoop;

/// <summary>Provider performance: figures per provider, each with how it is computed; the persons behind them for the team lead.</summary>
public sealed class AanbiedersModel(AanbiedersService service) : PageModel
{
    public AanbiedersDto Overzicht { get; private set; } = null!;
    public bool MagPersonenZien { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Overzicht = await service.OverzichtAsync(ct);
        MagPersonenZien = AanbiedersService.MagPersonenZien(User);
    }

    /// <summary>The same figures as CSV (semicolon-separated, as Dutch spreadsheets open it); hidden figures stay hidden.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var o = await service.OverzichtAsync(ct);
        var sb = new StringBuilder();
        sb.AppendLine("aanbieder;regio;in_traject;aanwezigheid;op_schema;routewissels;afschalingen;wachttijd_mediaan_dagen;examens_behaald_afgelegd;kosten_totaal;kosten_spuk;zonder_prijs");
        static string V(string s) => s.Contains(';') || s.Contains('"') ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
        foreach (var a in o.Aanbieders)
        {
            sb.AppendLine(string.Join(';', new[]
            {
                V(a.Partner), V(a.Regio), a.InTraject.Tekst, a.Aanwezigheid.Tekst, a.OpSchema.Tekst, a.Routewissels.Tekst, a.Afschalingen.Tekst,
                a.WachttijdMediaan.Tekst, a.Examens.Tekst, a.KostenTotaal.Tekst, a.KostenSpuk.Tekst, a.ZonderPrijs.ToString(CultureInfo.InvariantCulture),
            }.Select(V)));
        }

        return File(new UTF8Encoding(true).GetBytes(sb.ToString()), "text/csv; charset=utf-8", $"aanbieders-{o.Peildatum:yyyy-MM-dd}.csv");
    }
}

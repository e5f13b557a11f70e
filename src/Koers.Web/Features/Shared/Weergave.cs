using System.Globalization;
using Koers.Domain.Clock;

namespace Koers.Web.Features.Shared;

/// <summary>Formatting for screens: Dutch dates and the colour of a deadline status.</summary>
public static class Weergave
{
    private static readonly CultureInfo Nl = new("nl-NL");

    public static string Datum(DateOnly? datum) => datum?.ToString("d MMM yyyy", Nl) ?? "—";

    /// <summary>A stored UTC moment as Dutch local time: "16 juni 2026 10:00".</summary>
    public static string Tijdstip(DateTime utc) => Infrastructure.Klok.NaarNederlandseTijd(utc).ToString("d MMMM yyyy HH:mm", Nl);

    public static string DatumInvoer(DateOnly? datum) => datum?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string StatusKlasse(TermijnStatus status) => status switch
    {
        TermijnStatus.Verlopen or TermijnStatus.TeLaat => "koers-status koers-status--fout",
        TermijnStatus.Open => "koers-status koers-status--open",
        TermijnStatus.Gehaald or TermijnStatus.Afgelopen => "koers-status koers-status--ok",
        TermijnStatus.NietBerekenbaar => "koers-status koers-status--waarschuwing",
        _ => "koers-status koers-status--neutraal",
    };

    public static string Dagen(int dagen) => dagen switch
    {
        0 => "vandaag",
        1 => "morgen",
        -1 => "gisteren",
        > 0 => $"over {dagen} dagen",
        _ => $"{-dagen} dagen geleden",
    };
}

/// <summary>SVG &lt;text&gt; elements, written from C# because Razor reserves the &lt;text&gt; tag.</summary>
public static class Svg
{
    public static Microsoft.AspNetCore.Html.HtmlString Tekst(double x, double y, int grootte, string kleur, string inhoud, string anker = "middle") =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"<text x=\"{x:0.0}\" y=\"{y:0.0}\" font-size=\"{grootte}\" text-anchor=\"{anker}\" fill=\"{System.Net.WebUtility.HtmlEncode(kleur)}\">{System.Net.WebUtility.HtmlEncode(inhoud)}</text>"));
}

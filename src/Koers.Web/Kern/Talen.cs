using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Koers.Web.Kern;

/// <summary>
/// The languages of the inburgeraar's portal. Only the UI language changes (by '?taal=' or a cookie); dates and
/// numbers keep Dutch formatting rules, and staff screens stay Dutch.
/// </summary>
public static class Talen
{
    public const string Parameter = "taal";

    /// <summary>Code and the language's own name, in the order of the language switch.</summary>
    public static readonly IReadOnlyList<(string Code, string Naam)> Lijst =
    [
        ("nl", "Nederlands"),
        ("en", "English"),
        ("ar", "العربية"),
        ("fa", "فارسی"),
        ("ti", "ትግርኛ"),
        ("tr", "Türkçe"),
        ("uk", "Українська"),
    ];

    public static readonly CultureInfo[] Culturen = Lijst.Select(t => new CultureInfo(t.Code)).ToArray();

    public static bool Bestaat(string? code) => code is not null && Lijst.Any(t => t.Code == code);

    public static string Huidig => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var c && Bestaat(c) ? c : "nl";

    public static bool RechtsNaarLinks(string code) => new CultureInfo(code).TextInfo.IsRightToLeft;

    /// <summary>Remembers the choice for a year; formatting stays nl-NL.</summary>
    public static void Onthoud(HttpContext http, string code) =>
        http.Response.Cookies.Append(http.RequestServices.GetRequiredService<Koers.Web.Kern.Cookienamen>().Taal,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(new CultureInfo("nl-NL"), new CultureInfo(code))),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.RequestServices.GetRequiredService<Koers.Web.Kern.Cookienamen>().Veilig(http.Request),
                Path = "/",
            });

    /// <summary>A date as words in the chosen language, always on the Gregorian calendar (legal dates are Dutch dates).</summary>
    /// <summary>A number of hours in the current language's notation ('12,5' in Dutch, '12.5' in English).</summary>
    public static string Getal(decimal getal) => getal.ToString("0.##", CultureInfo.CurrentCulture);

    public static string Datum(DateOnly datum)
    {
        try
        {
            var cultuur = CultureInfo.CurrentUICulture;
            if (cultuur.IsNeutralCulture) cultuur = CultureInfo.CreateSpecificCulture(cultuur.Name);
            var opmaak = (CultureInfo)cultuur.Clone();
            if (opmaak.DateTimeFormat.Calendar is not GregorianCalendar)
            {
                var gregoriaans = opmaak.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault();
                if (gregoriaans is null) return datum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
                opmaak.DateTimeFormat.Calendar = gregoriaans;
            }

            return datum.ToString("d MMMM yyyy", opmaak);
        }
        catch (CultureNotFoundException)
        {
            return datum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        }
    }
}

using System.Globalization;

namespace Koers.Domain.Voortgang;

/// <summary>
/// Plausibility rules for reported hours of one kind in one week. Not law but a guard against typos
/// (1200 instead of 12,00): nobody follows more than 60 hours of one component in a week.
/// </summary>
public static class Urenregels
{
    public const decimal MaxPerWeek = 60m;

    /// <summary>Accepts "12", "12,5" and "12.5" whatever the culture; at most two decimals.</summary>
    public static bool TryParse(string? tekst, out decimal uren)
    {
        uren = 0;
        // A typographic minus (U+2212) or en dash, as Word and Excel on a Dutch machine type it, is a minus: "−3" must
        // be refused as negative rather than read as text or, worse, have its sign lost.
        var t = (tekst?.Trim() ?? string.Empty).Replace('\u2212', '-').Replace('\u2013', '-');
        if (t.Length == 0) return false;
        if (t.Count(c => c is ',' or '.') > 1) return false;
        return decimal.TryParse(t.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out uren)
            && decimal.Round(uren, 2) == uren;
    }

    private static string Getal(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>The reasons these hours are refused; empty when they are plausible.</summary>
    public static IReadOnlyList<(string Veld, string Melding)> Controleer(decimal uren, decimal afwezigUren, DateOnly week, DateOnly vandaag)
    {
        var fouten = new List<(string Veld, string Melding)>();
        if (uren < 0) fouten.Add(("Uren", $"aanwezige uren zijn negatief ({Getal(uren)}): vul 0 of meer in"));
        else if (uren > MaxPerWeek) fouten.Add(("Uren", $"aanwezige uren: meer dan {MaxPerWeek:0} uur in één week ({Getal(uren)}) kan niet"));
        if (afwezigUren < 0) fouten.Add(("AfwezigUren", $"afwezige uren zijn negatief ({Getal(afwezigUren)}): vul 0 of meer in"));
        else if (afwezigUren > MaxPerWeek) fouten.Add(("AfwezigUren", $"afwezige uren: meer dan {MaxPerWeek:0} uur in één week ({Getal(afwezigUren)}) kan niet"));
        else if (uren >= 0 && uren <= MaxPerWeek && uren + afwezigUren > MaxPerWeek)
        {
            fouten.Add(("AfwezigUren", $"aanwezige en afwezige uren samen meer dan {MaxPerWeek:0} in één week"));
        }

        if (week > Week.Maandag(vandaag)) fouten.Add(("Week", $"week {Week.IsoNotatie(week)} ligt in de toekomst"));
        if (week < new DateOnly(2021, 12, 27)) fouten.Add(("Week", "week ligt vóór de Wet inburgering 2021 (1 januari 2022)"));
        return fouten;
    }
}

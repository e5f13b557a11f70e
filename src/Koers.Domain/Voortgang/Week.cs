using System.Globalization;
using System.Text.RegularExpressions;

namespace Koers.Domain.Voortgang;

/// <summary>
/// Weeks as partners write them: the ISO date of the Monday (2026-06-08) or an ISO week (2026-W24). Hours are
/// stored on the Monday, so the same week written either way is the same week.
/// </summary>
public static partial class Week
{
    [GeneratedRegex(@"^(\d{4})-?W(\d{1,2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsoWeek();

    public static DateOnly Maandag(DateOnly dag) => dag.AddDays(-(((int)dag.DayOfWeek + 6) % 7));

    public static string IsoNotatie(DateOnly maandag) =>
        $"{ISOWeek.GetYear(maandag.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(maandag.ToDateTime(TimeOnly.MinValue)):00}";

    public static bool TryParse(string? tekst, out DateOnly maandag, out string? fout)
    {
        maandag = default;
        fout = null;
        var t = tekst?.Trim() ?? string.Empty;
        if (t.Length == 0)
        {
            fout = "week ontbreekt";
            return false;
        }

        if (IsoWeek().Match(t) is { Success: true } m)
        {
            var jaar = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var nummer = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (jaar < 2000 || nummer < 1 || nummer > ISOWeek.GetWeeksInYear(jaar))
            {
                fout = $"week '{t}' bestaat niet";
                return false;
            }

            maandag = DateOnly.FromDateTime(ISOWeek.ToDateTime(jaar, nummer, DayOfWeek.Monday));
            return true;
        }

        if (!DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dag))
        {
            fout = $"week '{t}' is geen datum (jjjj-mm-dd van de maandag) of ISO-week (jjjj-Www)";
            return false;
        }

        if (dag.DayOfWeek != DayOfWeek.Monday)
        {
            fout = $"{t} is geen maandag; gebruik de maandag van de week ({Maandag(dag):yyyy-MM-dd}) of {IsoNotatie(Maandag(dag))}";
            return false;
        }

        maandag = dag;
        return true;
    }
}

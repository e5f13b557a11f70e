using System.Globalization;
using System.Text;

namespace Koers.Domain.Ontzorgen;

/// <summary>
/// Text for SEPA fields in the Latin character set every bank in the SEPA area accepts (EPC 217-08, "SEPA
/// Requirements for an Extended Character Set", section 2.1: a-z A-Z 0-9 / - ? : ( ) . , ' + and space).
/// <list type="number">
/// <item>Letters that are a base letter plus accents lose the accents (é → e, ş → s, ğ → g, ő → o).</item>
/// <item>Letters that do not decompose get a fixed transliteration from <see cref="Latijn"/> (Ł → L, ı → i, ß → ss,
///   Ø → O, Æ → AE, Đ → D, Þ → TH, ...), so "Łódź" becomes "Lodz" and "Işık" becomes "Isik", never "odz" or "Is k".</item>
/// <item>Ukrainian Cyrillic follows the official Ukrainian romanisation (Cabinet of Ministers resolution no. 55 of
///   27 January 2010, the one Ukrainian passports use): Шевченко → Shevchenko, Юлія → Yuliia, with the word-initial forms
///   of Є Ї Й Ю Я (Ye Yi Y Yu Ya) and "зг" → "zgh". Russian-only letters get the common passport forms (Ы → Y, Э → E).</item>
/// <item>Anything else (Arabic, Ge'ez, Persian script) becomes a space; a name in such a script must be recorded in its
///   Latin form, as the BRP does. <see cref="HeeftLatijn"/> tells the caller whether anything is left.</item>
/// </list>
/// A reference never starts with '/' or holds '//'.
/// </summary>
public static class SepaTekst
{
    private const string Toegestaan = "/-?:().,'+ ";

    /// <summary>Latin letters without a canonical decomposition, and typographic signs with a SEPA equivalent.</summary>
    public static readonly IReadOnlyDictionary<char, string> Latijn = new Dictionary<char, string>
    {
        ['ß'] = "ss", ['ẞ'] = "SS",
        ['Æ'] = "AE", ['æ'] = "ae", ['Œ'] = "OE", ['œ'] = "oe",
        ['Ø'] = "O", ['ø'] = "o",
        ['Ł'] = "L", ['ł'] = "l", ['Ŀ'] = "L", ['ŀ'] = "l",
        ['ı'] = "i", // Turkish dotless i; the dotted capital İ decomposes to I + dot
        ['Đ'] = "D", ['đ'] = "d", ['Ð'] = "D", ['ð'] = "d",
        ['Þ'] = "TH", ['þ'] = "th",
        ['Ħ'] = "H", ['ħ'] = "h", ['Ŧ'] = "T", ['ŧ'] = "t",
        ['Ŋ'] = "N", ['ŋ'] = "n", ['ĸ'] = "q", ['ſ'] = "s",
        ['Ə'] = "A", ['ə'] = "a", // Azerbaijani schwa, as Azerbaijani passports write it (Məmmədov → Mammadov)
        ['ʼ'] = "'", ['’'] = "'", ['‘'] = "'", ['`'] = "'", ['´'] = "'",
        ['–'] = "-", ['—'] = "-", ['&'] = "+", ['_'] = "-",
    };

    /// <summary>Ukrainian (KMU 2010) and common Russian letters, lower case; the first value is the word-initial form.</summary>
    private static readonly Dictionary<char, (string Begin, string Midden)> Cyrillisch = new()
    {
        ['а'] = ("a", "a"), ['б'] = ("b", "b"), ['в'] = ("v", "v"), ['г'] = ("h", "h"), ['ґ'] = ("g", "g"), ['д'] = ("d", "d"),
        ['е'] = ("e", "e"), ['є'] = ("ye", "ie"), ['ж'] = ("zh", "zh"), ['з'] = ("z", "z"), ['и'] = ("y", "y"), ['і'] = ("i", "i"),
        ['ї'] = ("yi", "i"), ['й'] = ("y", "i"), ['к'] = ("k", "k"), ['л'] = ("l", "l"), ['м'] = ("m", "m"), ['н'] = ("n", "n"),
        ['о'] = ("o", "o"), ['п'] = ("p", "p"), ['р'] = ("r", "r"), ['с'] = ("s", "s"), ['т'] = ("t", "t"), ['у'] = ("u", "u"),
        ['ф'] = ("f", "f"), ['х'] = ("kh", "kh"), ['ц'] = ("ts", "ts"), ['ч'] = ("ch", "ch"), ['ш'] = ("sh", "sh"),
        ['щ'] = ("shch", "shch"), ['ь'] = ("", ""), ['ю'] = ("yu", "iu"), ['я'] = ("ya", "ia"), ['ʼ'] = ("", ""),
        ['ы'] = ("y", "y"), ['э'] = ("e", "e"), ['ё'] = ("e", "e"), ['ъ'] = ("", ""),
    };

    public static string Schoon(string? tekst, int maximum)
    {
        var latijn = Romaniseer((tekst ?? string.Empty).Normalize(NormalizationForm.FormC));
        var ontleed = latijn.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(ontleed.Length);
        foreach (var c in ontleed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (Latijn.TryGetValue(c, out var vervanging)) sb.Append(vervanging);
            else if (char.IsAsciiLetterOrDigit(c) || Toegestaan.Contains(c)) sb.Append(c);
            else sb.Append(' ');
        }

        var schoon = string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        while (schoon.Contains("//", StringComparison.Ordinal)) schoon = schoon.Replace("//", "/", StringComparison.Ordinal);
        schoon = schoon.TrimStart('/').Trim();
        return schoon.Length > maximum ? schoon[..maximum].TrimEnd() : schoon;
    }

    /// <summary>Whether the text keeps at least one letter or digit in the SEPA set (a name in Arabic script does not).</summary>
    public static bool HeeftLatijn(string? tekst) => Schoon(tekst, 140).Any(char.IsAsciiLetterOrDigit);

    /// <summary>Cyrillic to Latin, letter by letter, keeping the case of the source letter (Ж → Zh, ЖУК → ZhUK).</summary>
    private static string Romaniseer(string tekst)
    {
        if (!tekst.Any(IsCyrillisch)) return tekst;
        var sb = new StringBuilder(tekst.Length + 8);
        for (var i = 0; i < tekst.Length; i++)
        {
            var c = tekst[i];
            var klein = char.ToLowerInvariant(c);
            // The Ukrainian apostrophe between letters is not written (Знам'янка → Znamianka).
            if (IsApostrof(c) && i > 0 && IsCyrillisch(tekst[i - 1]) && i + 1 < tekst.Length && IsCyrillisch(tekst[i + 1])) continue;
            if (!Cyrillisch.TryGetValue(klein, out var vorm))
            {
                sb.Append(c);
                continue;
            }

            var begin = i == 0 || !(char.IsLetter(tekst[i - 1]) || IsApostrof(tekst[i - 1]));
            // "зг" is written "zgh" so it is not read as the digraph "zh" (KMU 2010, note to the table).
            var latijn = klein == 'г' && i > 0 && char.ToLowerInvariant(tekst[i - 1]) == 'з' ? "gh" : begin ? vorm.Begin : vorm.Midden;
            if (latijn.Length == 0) continue;
            if (char.IsUpper(c))
            {
                var allesHoofd = (i + 1 < tekst.Length && char.IsUpper(tekst[i + 1])) || (i > 0 && char.IsUpper(tekst[i - 1]) && !(i + 1 < tekst.Length && char.IsLower(tekst[i + 1])));
                latijn = allesHoofd ? latijn.ToUpperInvariant() : char.ToUpperInvariant(latijn[0]) + latijn[1..];
            }

            sb.Append(latijn);
        }

        return sb.ToString();
    }

    private static bool IsCyrillisch(char c) => c is >= '\u0400' and <= '\u04FF';

    private static bool IsApostrof(char c) => c is '\'' or '’' or 'ʼ';
}

using System.Globalization;
using System.Text;

namespace Koers.Domain.Ontzorgen;

/// <summary>
/// Text for SEPA fields in the Latin character set every bank in the SEPA area accepts (EPC: a-z A-Z 0-9 / - ? : ( ) . , ' +
/// and space). Accents are dropped (é → e), other characters become a space; a reference never starts with '/' or holds '//'.
/// </summary>
public static class SepaTekst
{
    private const string Toegestaan = "/-?:().,'+ ";

    public static string Schoon(string? tekst, int maximum)
    {
        var ontleed = (tekst ?? string.Empty).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(ontleed.Length);
        foreach (var c in ontleed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c switch
            {
                'ß' => "ss",
                'Æ' => "AE",
                'æ' => "ae",
                'Ø' => "O",
                'ø' => "o",
                'Œ' => "OE",
                'œ' => "oe",
                '&' => "+",
                '_' => "-",
                _ when char.IsAsciiLetterOrDigit(c) || Toegestaan.Contains(c) => c.ToString(),
                _ => " ",
            });
        }

        var schoon = string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        while (schoon.Contains("//", StringComparison.Ordinal)) schoon = schoon.Replace("//", "/", StringComparison.Ordinal);
        schoon = schoon.TrimStart('/').Trim();
        return schoon.Length > maximum ? schoon[..maximum].TrimEnd() : schoon;
    }
}

using System.Text.RegularExpressions;

namespace Koers.Domain.Ontzorgen;

/// <summary>
/// An International Bank Account Number (ISO 13616) in electronic form: no spaces, upper case. Valid when the
/// country is a SEPA country, the length is that country's length (NL: 18), and the mod-97 check gives 1
/// (<see cref="BronOntzorgen.Iban"/>). Only SEPA countries, because ontzorgen pays by SEPA credit transfer.
/// </summary>
public readonly record struct Iban
{
    /// <summary>IBAN lengths of the SEPA countries and territories with their own IBAN prefix (SWIFT IBAN registry).</summary>
    public static readonly IReadOnlyDictionary<string, int> SepaLengtes = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AL"] = 28, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24,
        ["DE"] = 22, ["DK"] = 18, ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FR"] = 27, ["GB"] = 22, ["GI"] = 23,
        ["GR"] = 27, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IS"] = 26, ["IT"] = 27, ["LI"] = 21, ["LT"] = 20,
        ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MT"] = 31, ["NL"] = 18,
        ["NO"] = 15, ["PL"] = 28, ["PT"] = 25, ["RO"] = 24, ["RS"] = 22, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24,
        ["SM"] = 27, ["VA"] = 22,
    };

    public string Value { get; }

    private Iban(string value) => Value = value;

    public string Land => Value[..2];

    /// <summary>The paper format: groups of four, e.g. NL91 ABNA 0417 1643 00.</summary>
    public string Weergave => Groepeer(Value);

    public static string Groepeer(string waarde) =>
        string.Join(' ', Enumerable.Range(0, (waarde.Length + 3) / 4).Select(i => waarde.Substring(i * 4, Math.Min(4, waarde.Length - i * 4))));

    public static bool TryParse(string? input, out Iban iban, out string? fout)
    {
        iban = default;
        var waarde = Normaliseer(input);
        fout = Controleer(waarde);
        if (fout is not null) return false;
        iban = new Iban(waarde);
        return true;
    }

    /// <summary>Spaces, dots and dashes as people type them are dropped; letters become upper case.</summary>
    public static string Normaliseer(string? input) =>
        new((input ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-').Select(char.ToUpperInvariant).ToArray());

    private static string? Controleer(string waarde)
    {
        if (waarde.Length == 0) return "Vul een IBAN in.";
        if (!waarde.All(char.IsAsciiLetterOrDigit)) return "Een IBAN bevat alleen letters en cijfers (spaties mogen).";
        if (waarde.Length < 4 || !char.IsAsciiLetter(waarde[0]) || !char.IsAsciiLetter(waarde[1]))
        {
            return "Een IBAN begint met de landcode in twee letters, bijvoorbeeld NL.";
        }

        if (!char.IsAsciiDigit(waarde[2]) || !char.IsAsciiDigit(waarde[3]))
        {
            return "Na de landcode van een IBAN volgen twee controlecijfers, bijvoorbeeld NL91.";
        }

        var land = waarde[..2];
        if (!SepaLengtes.TryGetValue(land, out var lengte))
        {
            return $"Landcode '{land}' hoort niet bij een SEPA-land; ontzorgen betaalt alleen naar rekeningen in SEPA-landen.";
        }

        if (waarde.Length != lengte)
        {
            return land == "NL"
                ? $"Een Nederlands IBAN heeft 18 tekens (bijvoorbeeld NL91 ABNA 0417 1643 00); dit IBAN heeft er {waarde.Length}."
                : $"Een IBAN uit {land} heeft {lengte} tekens; dit IBAN heeft er {waarde.Length}.";
        }

        if (land == "NL" && !(waarde[4..8].All(char.IsAsciiLetter) && waarde[8..].All(char.IsAsciiDigit)))
        {
            return "Een Nederlands IBAN heeft na NL en de twee controlecijfers vier letters (de bank) en tien cijfers (het rekeningnummer).";
        }

        if (!Modulus97(waarde))
        {
            return "Dit IBAN bestaat niet: de controlecijfers kloppen niet bij het rekeningnummer (ISO 13616, modulus 97). Controleer of er een tikfout in zit.";
        }

        return null;
    }

    /// <summary>
    /// The ISO 13616 check: move the first four characters to the end, replace letters by 10..35 and take the
    /// remainder by 97, digit by digit so no big integers are needed. Valid when the remainder is 1.
    /// </summary>
    public static bool Modulus97(string waarde)
    {
        var herschikt = waarde[4..] + waarde[..4];
        var rest = 0;
        foreach (var c in herschikt)
        {
            if (char.IsAsciiDigit(c))
            {
                rest = (rest * 10 + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                rest = (rest * 100 + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return rest == 1;
    }

    public override string ToString() => Value;
}

/// <summary>A Business Identifier Code (ISO 9362) as the pain.001 schema accepts it: 8 or 11 characters.</summary>
public static partial class Bic
{
    [GeneratedRegex("^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$")]
    private static partial Regex Patroon();

    public static bool TryNormaliseer(string? input, out string bic, out string? fout)
    {
        bic = new string((input ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());
        if (Patroon().IsMatch(bic))
        {
            fout = null;
            return true;
        }

        fout = "Een BIC heeft 8 of 11 tekens: 4 letters voor de bank, 2 voor het land, 2 voor de plaats en eventueel 3 voor het filiaal (bijvoorbeeld RABONL2U).";
        return false;
    }

    /// <summary>Positions 5 and 6 of a BIC are the country of the bank.</summary>
    public static string Land(string bic) => bic.Substring(4, 2);
}

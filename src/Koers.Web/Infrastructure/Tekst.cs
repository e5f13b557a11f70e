namespace Koers.Web.Infrastructure;

/// <summary>Small Dutch text helpers for messages that put a label inside a sentence.</summary>
public static class Tekst
{
    /// <summary>
    /// A label as it reads inside a sentence: the first letter lower case, unless the first word is an abbreviation
    /// ("Koppeling door COA" → "koppeling door COA", "PIP vastgesteld" stays, "DUO" stays). ToLowerInvariant would also
    /// lower the abbreviations ("koppeling door coa").
    /// </summary>
    public static string InZin(this string label)
    {
        if (label.Length == 0 || !char.IsUpper(label[0])) return label;
        if (label.Length > 1 && char.IsUpper(label[1])) return label; // PIP, DUO, KNM, MAP, B1 ...
        return char.ToLowerInvariant(label[0]) + label[1..];
    }
}

namespace Koers.Web.Infrastructure;

/// <summary>Small Dutch text helpers for messages that put a label inside a sentence.</summary>
public static class Tekst
{
    /// <summary>
    /// A label as it reads inside a sentence: the first letter lower case only when a lower-case letter follows it, so an
    /// abbreviation or code stays ("Koppeling door COA" → "koppeling door COA", "PIP vastgesteld", "DUO", "B1-route" and
    /// "Z-route" stay). ToLowerInvariant would also lower the abbreviations ("koppeling door coa").
    /// </summary>
    public static string InZin(this string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && char.IsLower(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;
}

using Koers.Domain.Dossier;

namespace Koers.Web.Infrastructure;

/// <summary>
/// The one way Koers collects validation messages per field: a dictionary from field name to messages, which is
/// exactly the "errors" member of a problem+json answer and what pages copy into ModelState. A field can collect
/// several messages; domain rules deliver theirs as <see cref="Overtreding"/>s.
/// </summary>
public static class Veldfouten
{
    public static Dictionary<string, string[]> Nieuw() => new(StringComparer.OrdinalIgnoreCase);

    public static Dictionary<string, string[]> Van(IEnumerable<Overtreding> overtredingen) => Nieuw().Voeg(overtredingen);

    /// <summary>Adds a message to a field; the same message twice (a form check and a domain rule that agree) is kept once.</summary>
    public static Dictionary<string, string[]> Voeg(this Dictionary<string, string[]> fouten, string veld, string melding)
    {
        if (fouten.TryGetValue(veld, out var al) && al.Contains(melding)) return fouten;
        fouten[veld] = al is not null ? [.. al, melding] : [melding];
        return fouten;
    }

    /// <summary>Adds the domain's findings; <paramref name="veldNaam"/> maps a rule's field to the form's field where they differ.</summary>
    public static Dictionary<string, string[]> Voeg(
        this Dictionary<string, string[]> fouten, IEnumerable<Overtreding> overtredingen, Func<string, string>? veldNaam = null)
    {
        foreach (var o in overtredingen) fouten.Voeg(veldNaam?.Invoke(o.Veld) ?? o.Veld, o.Melding);
        return fouten;
    }

    /// <summary>A free-text field longer than its column: refused rather than cut off silently, naming the field.</summary>
    public static Dictionary<string, string[]> Lengte(this Dictionary<string, string[]> fouten, string? waarde, string veld, int max) =>
        waarde is not null && waarde.Trim().Length > max ? fouten.Voeg(veld, TeLang(Label(veld), max, waarde.Trim().Length)) : fouten;

    /// <summary>
    /// "Telefoon: hoogstens 40 tekens (nu 52)." The error summary lists messages without their form, so the message itself
    /// names the field and says by how much it is over.
    /// </summary>
    public static string TeLang(string label, int max, int lengte) => $"{label}: hoogstens {max} tekens (nu {lengte}).";

    /// <summary>A field name as words: "WaarderingUitkomst" → "Waardering uitkomst", "Gezinsleden[0].Naam" → "Naam".</summary>
    public static string Label(string veld)
    {
        var naam = veld[(veld.LastIndexOf('.') + 1)..];
        var sb = new System.Text.StringBuilder(naam.Length + 4);
        for (var i = 0; i < naam.Length; i++)
        {
            var c = naam[i];
            if (i > 0 && char.IsUpper(c) && char.IsLower(naam[i - 1])) sb.Append(' ').Append(char.ToLowerInvariant(c));
            else sb.Append(c);
        }

        return sb.ToString();
    }
}

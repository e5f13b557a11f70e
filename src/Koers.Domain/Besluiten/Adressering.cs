using System.Text.RegularExpressions;

namespace Koers.Domain.Besluiten;

/// <summary>
/// The addressee block of a decision letter. A decision is made known by sending it to the person concerned (Awb 3:41
/// lid 1), so the letter carries the name and a full postal address: street and number, postcode and place. The
/// address of the case is used, else the azc location; without a full one no decision letter is made.
/// </summary>
public static partial class Adressering
{
    [GeneratedRegex(@"\b[1-9][0-9]{3}\s?[A-Za-z]{2}\b")]
    private static partial Regex Postcode();

    [GeneratedRegex(@"\p{L}.*\d|\d.*\p{L}")]
    private static partial Regex StraatMetNummer();

    /// <summary>The address the letter goes to: the home address when there is one, else the azc.</summary>
    public static string? Adres(string? adres, string? azcLocatie) =>
        !string.IsNullOrWhiteSpace(adres) ? adres.Trim() : string.IsNullOrWhiteSpace(azcLocatie) ? null : azcLocatie.Trim();

    public static IReadOnlyList<string> Regels(string naam, string? adres, string? azcLocatie) =>
        [naam, .. (Adres(adres, azcLocatie) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>Why no decision letter can be addressed, or null when the address is full.</summary>
    public static string? Fout(string? adres, string? azcLocatie)
    {
        var gekozen = Adres(adres, azcLocatie);
        if (gekozen is null)
            return "Er is geen adres van de inburgeraar. Een besluit wordt aan de inburgeraar verzonden: vul eerst het adres in (straat en huisnummer, postcode en plaats) bij de gegevens van het dossier.";
        var delen = gekozen.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var postcodeDeel = delen.FirstOrDefault(d => Postcode().IsMatch(d));
        var heeftPlaats = postcodeDeel is not null && Postcode().Replace(postcodeDeel, string.Empty).Trim().Length > 0;
        var heeftStraat = delen.Any(d => d != postcodeDeel && StraatMetNummer().IsMatch(d)) || (postcodeDeel is not null && StraatMetNummer().IsMatch(Postcode().Replace(postcodeDeel, string.Empty)));
        return postcodeDeel is not null && heeftPlaats && heeftStraat
            ? null
            : $"Het adres '{gekozen}' is niet volledig. Een besluit heeft een volledig adres nodig: straat en huisnummer, postcode en plaats, gescheiden door een komma (bijvoorbeeld: Kerkstraat 12, 5571 AB Bergeijk).";
    }
}

using System.Globalization;
using Koers.Domain.Dossier;
using Koers.Domain.Sources;

namespace Koers.Domain.Intake;

/// <summary>
/// Checks the answers of the brede intake: each value must fit its field (<see cref="ControleerWaarden"/>)
/// and every mandatory field of every mandatory leefgebied must be filled (<see cref="ControleerVolledigheid"/>).
/// Answers are keyed by <see cref="IntakeVeld.Sleutel"/>; empty (null or whitespace) means "not answered".
/// </summary>
public static class IntakeRegels
{
    public const int MaxTekstLengte = 4000;
    public const int MinGetal = 0;
    public const int MaxGetal = 100;
    public const string Ja = "ja";
    public const string Nee = "nee";

    public static Citation Bron => Sources.Bron.BredeIntakeVerplicht;

    /// <summary>
    /// Format checks for the answers of one leefgebied. Empty answers are fine here (completeness is a
    /// separate check). These are input checks, not legal rules, so they carry no citation.
    /// </summary>
    public static IReadOnlyList<Overtreding> ControleerWaarden(Leefgebied leefgebied, IReadOnlyDictionary<string, string?> antwoorden)
    {
        ArgumentNullException.ThrowIfNull(antwoorden);
        var definitie = Leefgebieden.Van(leefgebied);
        var velden = definitie.Velden.ToDictionary(v => v.Sleutel, StringComparer.Ordinal);
        var fouten = new List<Overtreding>();

        foreach (var (sleutel, waarde) in antwoorden.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var veldnaam = $"{leefgebied}.{sleutel}";
            if (!velden.TryGetValue(sleutel, out var veld))
            {
                fouten.Add(new(veldnaam, $"{definitie.Titel}: het veld '{sleutel}' bestaat niet bij dit leefgebied."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(waarde))
            {
                continue;
            }

            var melding = veld.Soort switch
            {
                VeldSoort.Keuze when veld.Opties is not { } opties || !opties.Contains(waarde, StringComparer.Ordinal) =>
                    $"Kies bij '{veld.Label}' een van de mogelijkheden: {string.Join(", ", veld.Opties ?? [])}.",
                VeldSoort.JaNee when waarde is not (Ja or Nee) =>
                    $"Vul bij '{veld.Label}' 'ja' of 'nee' in.",
                VeldSoort.Getal when !IsGetal(waarde) =>
                    $"Vul bij '{veld.Label}' een heel getal in van {MinGetal} tot en met {MaxGetal}.",
                _ when waarde.Length > MaxTekstLengte =>
                    $"De tekst bij '{veld.Label}' is te lang: maximaal {MaxTekstLengte} tekens, nu {waarde.Length}.",
                _ => null,
            };

            if (melding is not null)
            {
                fouten.Add(new(veldnaam, $"{definitie.Titel}: {melding}"));
            }
        }

        return fouten;
    }

    /// <summary>
    /// One <see cref="Overtreding"/> for every mandatory field of a mandatory leefgebied that is missing or
    /// empty (a leefgebied without answers counts as all its fields empty). Veld is "Leefgebied.sleutel".
    /// </summary>
    public static IReadOnlyList<Overtreding> ControleerVolledigheid(
        IReadOnlyDictionary<Leefgebied, IReadOnlyDictionary<string, string?>> antwoorden)
    {
        ArgumentNullException.ThrowIfNull(antwoorden);
        var fouten = new List<Overtreding>();
        foreach (var definitie in Leefgebieden.Alle.Where(d => d.Verplicht))
        {
            antwoorden.TryGetValue(definitie.Leefgebied, out var gegeven);
            foreach (var veld in definitie.Velden.Where(v => v.Verplicht))
            {
                string? waarde = null;
                if (gegeven?.TryGetValue(veld.Sleutel, out waarde) == true && !string.IsNullOrWhiteSpace(waarde))
                {
                    continue;
                }

                fouten.Add(new($"{definitie.Leefgebied}.{veld.Sleutel}",
                    $"Leefgebied '{definitie.Titel}': '{veld.Label}' is nog niet ingevuld. Dit is nodig om de brede intake af te ronden.",
                    Bron));
            }
        }

        return fouten;
    }

    public static bool IsVolledig(IReadOnlyDictionary<Leefgebied, IReadOnlyDictionary<string, string?>> antwoorden) =>
        ControleerVolledigheid(antwoorden).Count == 0;

    private static bool IsGetal(string waarde) =>
        int.TryParse(waarde, NumberStyles.None, CultureInfo.InvariantCulture, out var getal)
        && getal is >= MinGetal and <= MaxGetal;
}

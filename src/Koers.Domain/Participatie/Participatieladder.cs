using Koers.Domain.Sources;

namespace Koers.Domain.Participatie;

/// <summary>One rung of a participatieladder: its level (1 = lowest) and name.</summary>
public sealed record Trede(int Niveau, string Naam);

public enum Beweging
{
    /// <summary>The first score: nothing to compare with.</summary>
    Eerste,
    Omhoog,
    Gelijk,
    Omlaag,
}

/// <summary>The movement between two scores, with the source of the ladder.</summary>
public sealed record Ladderbeweging(Beweging Beweging, int? Van, int Naar, Citation Bron)
{
    public string Omschrijving => Beweging switch
    {
        Beweging.Eerste => "eerste score",
        Beweging.Omhoog => $"omhoog ({Van} → {Naar})",
        Beweging.Omlaag => $"omlaag ({Van} → {Naar})",
        _ => $"gelijk ({Naar})",
    };
}

/// <summary>
/// The participatieladder: Weert's group offer helps statushouders "stappen op de participatielader te maken"
/// (003:L603-610), but the seed defines no rungs, so the ladder is configuration per municipality (practice notes §4.2).
/// The default is the common six-rung ladder used by Dutch municipalities. No statutory basis.
/// </summary>
public static class Participatieladder
{
    public const int MaxTreden = 10;

    public static readonly IReadOnlyList<Trede> Standaard =
    [
        new(1, "Geïsoleerd"),
        new(2, "Sociale contacten buiten de deur"),
        new(3, "Deelname georganiseerde activiteiten"),
        new(4, "Onbetaald werk"),
        new(5, "Betaald werk met ondersteuning"),
        new(6, "Betaald werk"),
    ];

    public static Ladderbeweging Beweging(int? vorige, int huidige) => new(
        vorige is not { } v ? Participatie.Beweging.Eerste : huidige > v ? Participatie.Beweging.Omhoog : huidige < v ? Participatie.Beweging.Omlaag : Participatie.Beweging.Gelijk,
        vorige, huidige, BronParticipatie.Participatieladder);

    /// <summary>Checks rung names a beheerder enters, lowest first: two to ten, each named, no duplicates.</summary>
    public static IReadOnlyList<Antwoordfout> ControleerTreden(IReadOnlyList<string> namen)
    {
        ArgumentNullException.ThrowIfNull(namen);
        var fouten = new List<Antwoordfout>();
        var bron = BronParticipatie.Participatieladder;
        if (namen.Count < 2) fouten.Add(new("Treden", "Een ladder heeft ten minste twee treden.", bron));
        if (namen.Count > MaxTreden) fouten.Add(new("Treden", $"Hoogstens {MaxTreden} treden.", bron));
        if (namen.Any(string.IsNullOrWhiteSpace)) fouten.Add(new("Treden", "Geef elke trede een naam.", bron));
        if (namen.Any(n => n?.Trim().Length > 100)) fouten.Add(new("Treden", "Een trede heeft hoogstens 100 tekens.", bron));
        if (namen.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != namen.Count(n => !string.IsNullOrWhiteSpace(n)))
            fouten.Add(new("Treden", "Elke trede heeft een andere naam.", bron));
        return fouten;
    }
}

using Koers.Domain.Handhaving;

namespace Koers.Domain.Besluiten;

/// <summary>The kinds of decision letter Koers makes; each has its own mandated signatory per municipality.</summary>
public enum Besluitsoort
{
    /// <summary>PIP vaststelling and bijstelling.</summary>
    PipBeschikking,

    /// <summary>Handhaving letters before a sanction (brief, aangetekende waarschuwing).</summary>
    HandhavingBrief,

    /// <summary>Boete (Wet inburgering 2021) or maatregel (Participatiewet).</summary>
    Sanctie,

    /// <summary>Financieel ontzorgen: toepassen, verlengen or afzien (Participatiewet art. 56a, 57).</summary>
    OntzorgenBesluit,
}

/// <summary>
/// Who signs a decision letter. A decision taken under mandate states on whose behalf it was taken (Awb 10:10), so the
/// letter reads "namens het college van burgemeester en wethouders van &lt;gemeente&gt;" with the name and function of
/// the mandated official. Without a registered mandate the letter is signed by the college itself, which is lawful
/// but anonymous; the beheerder sees which decision kinds still lack a signatory.
/// </summary>
public sealed record Ondertekening(string Gemeente, string? Naam, string? Functie)
{
    public bool Gemandateerd => !string.IsNullOrWhiteSpace(Naam) && !string.IsNullOrWhiteSpace(Functie);

    /// <summary>The lines under "Met vriendelijke groet,".</summary>
    public string Tekst => Gemandateerd
        ? $"namens het college van burgemeester en wethouders van {Gemeente},\n\n{Naam}\n{Functie}"
        : $"het college van burgemeester en wethouders van {Gemeente}";
}

public static class BesluitsoortInfo
{
    public static string Omschrijving(this Besluitsoort soort) => soort switch
    {
        Besluitsoort.PipBeschikking => "PIP-beschikking (vaststelling en bijstelling)",
        Besluitsoort.HandhavingBrief => "Handhaving: brief en aangetekende waarschuwing",
        Besluitsoort.Sanctie => "Handhaving: boete of maatregel",
        Besluitsoort.OntzorgenBesluit => "Financieel ontzorgen: toepassen, verlengen of afzien",
        _ => soort.ToString(),
    };

    public static Besluitsoort VoorHandhaving(Handhavingssoort soort) =>
        Handhavingsladder.IsSanctie(soort) ? Besluitsoort.Sanctie : Besluitsoort.HandhavingBrief;
}

namespace Koers.Domain.Intake;

/// <summary>The 13 areas of life the brede intake covers (Wi2021 art. 14 lid 3, Besluit art. 5.2; see seed 001 §4.2).</summary>
public enum Leefgebied
{
    Leerbaarheid,
    Opleiding,
    Werkervaring,
    PraktischeVaardigheden,
    Werknemersvaardigheden,
    Taalniveau,
    MotivatieEnInteresses,
    Zelfredzaamheid,
    DigitaleVaardigheden,
    Gezinssituatie,
    FysiekeGezondheid,
    MentaleGezondheid,
    SociaalNetwerk,
}

public enum VeldSoort
{
    Tekst,
    Keuze,
    JaNee,
    Getal,
}

/// <summary>One structured field of a leefgebied, e.g. 'hoogst afgeronde opleiding' with its options.</summary>
public sealed record IntakeVeld(string Sleutel, string Label, VeldSoort Soort, bool Verplicht, IReadOnlyList<string>? Opties = null, string? Hulp = null);

/// <summary>A leefgebied with its fields and whether it must be filled before the intake can be completed.</summary>
public sealed record LeefgebiedDefinitie(Leefgebied Leefgebied, string Titel, string Omschrijving, bool Verplicht, IReadOnlyList<IntakeVeld> Velden, bool Gezondheidsgegeven);

public enum TolkSoort
{
    Geen,
    Telefoontolk,
    Videotolk,
    TolkAanwezig,
    Cultuurvertaler,
    Collega,
}

public enum Diplomawaardering
{
    NietAangevraagd,
    Aangevraagd,
    Gewaardeerd,
    NietMogelijk,
}

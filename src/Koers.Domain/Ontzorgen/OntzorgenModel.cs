using Koers.Domain.Sources;

namespace Koers.Domain.Ontzorgen;

/// <summary>The municipality's default for a new case (beleidskeuze P1).</summary>
public enum OntzorgenBenadering
{
    /// <summary>Ontzorgen unless the client is clearly zelfredzaam; not applying it needs a reason.</summary>
    JaTenzij,
    /// <summary>No ontzorgen unless there is a reason; applying it needs a reason.</summary>
    NeeTenzij,
}

/// <summary>The decision about ontzorgen for one case.</summary>
public enum OntzorgenBesluit
{
    Toepassen,
    Afzien,
    Verlengen,
}

/// <summary>Who the municipality pays on the client's behalf; each stands for one fixed charge.</summary>
public enum Begunstigde
{
    Verhuurder,
    Energieleverancier,
    Waterbedrijf,
    Zorgverzekeraar,
    Overig,
}

public enum EvaluatieSoort
{
    Tussenevaluatie,
    Eindevaluatie,
    Uitstroomgesprek,
    Overig,
}

public enum OntzorgenSignaalSoort
{
    EindigtBinnenkort,
    SchuldenGesignaleerd,
    VerlengingBeoordelen,
}

public static class OntzorgenOmschrijvingen
{
    public static string Omschrijving(this OntzorgenBenadering b) => b switch
    {
        OntzorgenBenadering.JaTenzij => "Ja, tenzij: standaard ontzorgen",
        OntzorgenBenadering.NeeTenzij => "Nee, tenzij: alleen ontzorgen met een reden",
        _ => b.ToString(),
    };

    public static string Omschrijving(this OntzorgenBesluit b) => b switch
    {
        OntzorgenBesluit.Toepassen => "Ontzorgen toepassen",
        OntzorgenBesluit.Afzien => "Afzien van ontzorgen",
        OntzorgenBesluit.Verlengen => "Ontzorgen verlengen",
        _ => b.ToString(),
    };

    public static string Omschrijving(this Begunstigde b) => b switch
    {
        Begunstigde.Verhuurder => "Verhuurder (huur)",
        Begunstigde.Energieleverancier => "Energieleverancier (gas en stroom)",
        Begunstigde.Waterbedrijf => "Waterbedrijf (water)",
        Begunstigde.Zorgverzekeraar => "Zorgverzekeraar (zorgverzekering)",
        Begunstigde.Overig => "Overige vaste last",
        _ => b.ToString(),
    };

    /// <summary>
    /// What a decision of this kind rests on: applying means paying the fixed charges (Participatiewet art. 56a lid 2),
    /// deviating from that standard form rests on the minister's wider reading since 2023, extending on art. 57.
    /// </summary>
    public static Citation Bron(this OntzorgenBesluit b) => b switch
    {
        OntzorgenBesluit.Toepassen => BronOntzorgen.VasteLasten,
        OntzorgenBesluit.Afzien => BronOntzorgen.AfwijkenSinds2023,
        _ => BronOntzorgen.VerlengenMag,
    };

    /// <summary>The fixed charge this payee stands for, in the words of the law.</summary>
    public static string Last(this Begunstigde b) => b switch
    {
        Begunstigde.Verhuurder => "huur",
        Begunstigde.Energieleverancier => "gas en stroom",
        Begunstigde.Waterbedrijf => "water",
        Begunstigde.Zorgverzekeraar => "zorgverzekering",
        Begunstigde.Overig => "overige vaste lasten",
        _ => b.ToString(),
    };

    public static string Omschrijving(this EvaluatieSoort s) => s switch
    {
        EvaluatieSoort.Tussenevaluatie => "Tussenevaluatie",
        EvaluatieSoort.Eindevaluatie => "Eindevaluatie (verlengen of uitstromen)",
        EvaluatieSoort.Uitstroomgesprek => "Uitstroomgesprek",
        EvaluatieSoort.Overig => "Overig gesprek",
        _ => s.ToString(),
    };

    public static string Omschrijving(this OntzorgenSignaalSoort s) => s switch
    {
        OntzorgenSignaalSoort.EindigtBinnenkort => "Ontzorgen eindigt binnen 4 weken",
        OntzorgenSignaalSoort.SchuldenGesignaleerd => "Schulden gesignaleerd",
        OntzorgenSignaalSoort.VerlengingBeoordelen => "Verlenging beoordelen",
        _ => s.ToString(),
    };
}

/// <summary>What the municipality's policy includes: which fixed charges, and whether it extends.</summary>
public sealed record OntzorgenBeleidsregels
{
    public OntzorgenBenadering Benadering { get; init; } = OntzorgenBenadering.JaTenzij;
    public bool Huur { get; init; } = true;
    public bool GasEnStroom { get; init; } = true;
    public bool Water { get; init; } = true;
    public bool Zorgverzekering { get; init; } = true;

    /// <summary>Other fixed charges the municipality pays (stadsverwarming, eigen risico, ...); empty: none.</summary>
    public string? OverigeLasten { get; init; }
    public bool VerlengenToegestaan { get; init; } = true;

    public bool Omvat(Begunstigde b) => b switch
    {
        Begunstigde.Verhuurder => Huur,
        Begunstigde.Energieleverancier => GasEnStroom,
        Begunstigde.Waterbedrijf => Water,
        Begunstigde.Zorgverzekeraar => Zorgverzekering,
        Begunstigde.Overig => !string.IsNullOrWhiteSpace(OverigeLasten),
        _ => false,
    };
}

/// <summary>
/// The period of ontzorgen for one case: from the first day of bijstand to the end of the legal period, or to
/// the extended date; a case that moved away or was deregistered stops the day before.
/// </summary>
public sealed record OntzorgenPeriode(DateOnly Start, DateOnly StandaardEinde, DateOnly Einde, DateOnly? VerlengdTot, DateOnly? GestoptOp)
{
    public bool Verlengd => VerlengdTot is not null;
    public bool IsLeeg => Einde < Start;
    public bool Bevat(DateOnly datum) => datum >= Start && datum <= Einde;
}

/// <summary>A planned evaluation moment of the afbouwplan.</summary>
public sealed record GeplandeEvaluatie(EvaluatieSoort Soort, DateOnly Datum, string Omschrijving);

/// <summary>A signal for the worklist, with the date it is about and why.</summary>
public sealed record OntzorgenSignaal(OntzorgenSignaalSoort Soort, DateOnly Datum, string Toelichting, Koers.Domain.Sources.Citation Bron);

/// <summary>The part of one month a payment covers: from, to (inclusive), days covered, days in the month, and the amount.</summary>
public sealed record MaandDeel(DateOnly Van, DateOnly Tot, int Dagen, int DagenInMaand, decimal Bedrag)
{
    public bool HeleMaand => Dagen == DagenInMaand;
}

using Koers.Domain.Sources;

namespace Koers.Domain.Clock;

public enum TermijnCode
{
    PipVaststelling,
    Inburgeringstermijn,
    OntzorgenEinde,
    Voortgangsgesprek,
    Hercontact,
    Bezwaartermijn,
}

public enum TermijnSoort
{
    /// <summary>Something must be done before this date; passing it makes the case overdue.</summary>
    Uiterlijk,
    /// <summary>A period that ends on this date; passing it is not a fault, but people must act before it.</summary>
    PeriodeEinde,
}

public enum TermijnStatus
{
    Open,
    Verlopen,
    Gehaald,
    TeLaat,
    Afgelopen,
    NietBerekenbaar,
    NietVanToepassing,
}

/// <summary>
/// One computed deadline of a case. A deadline that cannot be computed has no date and says why
/// (<see cref="Toelichting"/>); one that does not apply says that too.
/// </summary>
public sealed record Termijn(
    TermijnCode Code,
    TermijnSoort Soort,
    bool Toepasselijk,
    DateOnly? Startdatum,
    DateOnly? Vervaldatum,
    DateOnly? VoldaanOp,
    string Toelichting,
    Citation Bron)
{
    public string Omschrijving => Code.Omschrijving();

    public TermijnStatus Status(DateOnly vandaag)
    {
        if (!Toepasselijk) return TermijnStatus.NietVanToepassing;
        if (VoldaanOp is { } voldaan)
        {
            return Vervaldatum is { } v && voldaan > v ? TermijnStatus.TeLaat : TermijnStatus.Gehaald;
        }

        if (Vervaldatum is not { } vervaldatum) return TermijnStatus.NietBerekenbaar;
        if (vandaag <= vervaldatum) return TermijnStatus.Open;
        return Soort == TermijnSoort.Uiterlijk ? TermijnStatus.Verlopen : TermijnStatus.Afgelopen;
    }

    /// <summary>Days left until the deadline (negative when passed); null when there is nothing to count.</summary>
    public int? DagenResterend(DateOnly vandaag) =>
        Status(vandaag) is TermijnStatus.Open or TermijnStatus.Verlopen or TermijnStatus.Afgelopen && Vervaldatum is { } v
            ? v.DayNumber - vandaag.DayNumber
            : null;
}

public static class TermijnInfo
{
    public static string Omschrijving(this TermijnCode code) => code switch
    {
        TermijnCode.PipVaststelling => "PIP vaststellen (10 weken na BRP)",
        TermijnCode.Inburgeringstermijn => "Einde inburgeringstermijn",
        TermijnCode.OntzorgenEinde => "Einde financieel ontzorgen",
        TermijnCode.Voortgangsgesprek => "Volgend voortgangsgesprek",
        TermijnCode.Hercontact => "Opnieuw contact (nog niet startklaar)",
        TermijnCode.Bezwaartermijn => "Einde bezwaartermijn PIP-beschikking",
        _ => code.ToString(),
    };

    public static string Omschrijving(this TermijnStatus status) => status switch
    {
        TermijnStatus.Open => "Open",
        TermijnStatus.Verlopen => "Verlopen",
        TermijnStatus.Gehaald => "Gehaald",
        TermijnStatus.TeLaat => "Te laat gehaald",
        TermijnStatus.Afgelopen => "Afgelopen",
        TermijnStatus.NietBerekenbaar => "Niet te berekenen",
        TermijnStatus.NietVanToepassing => "Niet van toepassing",
        _ => status.ToString(),
    };

    public static bool TryParse(string? value, out TermijnCode code) =>
        Enum.TryParse(value, ignoreCase: true, out code) && Enum.IsDefined(code);
}

/// <summary>An hours requirement of the route (MAP, PVT, Z-route) to be met within the inburgeringstermijn.</summary>
public sealed record Urennorm(string Onderdeel, int Uren, int? WaarvanPraktijk, string Toelichting, Citation Bron);

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
/// (<see cref="Toelichting"/>); one that does not apply says that too. Built only through the three named cases
/// (<see cref="Loopt"/>, <see cref="NogNietTeBerekenen"/>, <see cref="NietVanToepassing"/>), so a caller states
/// which case it means instead of lining up eight positional arguments; the kind follows from the code.
/// </summary>
public sealed record Termijn
{
    private Termijn(TermijnCode code, bool toepasselijk, DateOnly? startdatum, DateOnly? vervaldatum, DateOnly? voldaanOp, string toelichting, Citation bron)
    {
        Code = code;
        Toepasselijk = toepasselijk;
        Startdatum = startdatum;
        Vervaldatum = vervaldatum;
        VoldaanOp = voldaanOp;
        Toelichting = toelichting;
        Bron = bron;
    }

    /// <summary>A running deadline: from <paramref name="start"/> to <paramref name="vervaldatum"/>, met or not.</summary>
    public static Termijn Loopt(TermijnCode code, DateOnly start, DateOnly vervaldatum, DateOnly? voldaanOp, string toelichting, Citation bron) =>
        new(code, true, start, vervaldatum, voldaanOp, toelichting, bron);

    /// <summary>Applies, but a fact it counts from is missing (the reason says which); possibly met already.</summary>
    public static Termijn NogNietTeBerekenen(TermijnCode code, string toelichting, Citation bron, DateOnly? voldaanOp = null) =>
        new(code, true, null, null, voldaanOp, toelichting, bron);

    /// <summary>Does not apply to this case (the reason says why); dates known so far are kept for the record.</summary>
    public static Termijn NietVanToepassing(TermijnCode code, string toelichting, Citation bron, DateOnly? start = null, DateOnly? vervaldatum = null) =>
        new(code, false, start, vervaldatum, null, toelichting, bron);

    /// <summary>The same deadline, taken off every worklist (the case closed before it was met); its dates stay.</summary>
    public Termijn BuitenToepassing(string toelichting) => this with { Toepasselijk = false, Toelichting = toelichting };

    public TermijnCode Code { get; }
    public TermijnSoort Soort => Code.Soort();
    public bool Toepasselijk { get; private init; }
    public DateOnly? Startdatum { get; }
    public DateOnly? Vervaldatum { get; }
    public DateOnly? VoldaanOp { get; }
    public string Toelichting { get; private init; }
    public Citation Bron { get; }

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
    /// <summary>Whether passing the date is a fault (uiterlijk) or only the end of a period.</summary>
    public static TermijnSoort Soort(this TermijnCode code) => code switch
    {
        TermijnCode.OntzorgenEinde or TermijnCode.Bezwaartermijn => TermijnSoort.PeriodeEinde,
        _ => TermijnSoort.Uiterlijk,
    };

    public static string Omschrijving(this TermijnCode code) => code switch
    {
        TermijnCode.PipVaststelling => "PIP vaststellen (10 weken)",
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

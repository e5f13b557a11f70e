namespace Koers.Domain.Dossier;

/// <summary>The dated facts of the klantreis, in the order they normally happen.</summary>
public enum Mijlpaal
{
    Koppeling,
    WarmeOverdracht,
    BrpInschrijving,
    /// <summary>
    /// The day DUO (for the minister) notified the person in writing of the inburgeringsplicht: from 1 January 2023
    /// the 10-week PIP term counts from it (Besluit inburgering 2021 art. 5.3 lid 1). DUO delivers it as
    /// datumKennisgevingInburgeringsplicht (Inburgeringsplicht API); a klantregisseur may enter it from the letter.
    /// </summary>
    KennisgevingInburgeringsplicht,
    StartBijstand,
    BredeIntake,
    Leerbaarheidstoets,
    /// <summary>
    /// The college asked a third party (a doctor, school, COA, IND…) for information it cannot set the PIP without
    /// (Besluit inburgering 2021 art. 5.3 lid 2, from 2023): while it waits, the 10-week term does not run out.
    /// </summary>
    InformatieDerdeGevraagd,
    /// <summary>That information arrived: the PIP is due at the latest two weeks later (art. 5.3 lid 2, second sentence).</summary>
    InformatieDerdeOntvangen,
    PipVastgesteld,
    StartLeerroute,
    /// <summary>Not an event but a new end date: DUO extended the inburgeringstermijn until this day.</summary>
    TermijnVerlengdTot,
    LaatsteVoortgangsgesprek,
    LaatsteContact,
    EindgesprekOfExamens,
    InburgeringsplichtVoldaan,
    Ontheffing,
    Verhuisd,
    Uitgeschreven,
}

public static class MijlpaalInfo
{
    public static readonly IReadOnlyList<Mijlpaal> All = Enum.GetValues<Mijlpaal>();

    /// <summary>Milestones that end the guidance; a case has at most one of them.</summary>
    public static readonly IReadOnlyList<Mijlpaal> Afsluitend =
        [Mijlpaal.InburgeringsplichtVoldaan, Mijlpaal.Ontheffing, Mijlpaal.Verhuisd, Mijlpaal.Uitgeschreven];

    public static string Omschrijving(this Mijlpaal mijlpaal) => mijlpaal switch
    {
        Mijlpaal.Koppeling => "Koppeling door COA",
        Mijlpaal.WarmeOverdracht => "Warme overdracht",
        Mijlpaal.BrpInschrijving => "Inschrijving BRP",
        Mijlpaal.KennisgevingInburgeringsplicht => "Kennisgeving inburgeringsplicht (DUO)",
        Mijlpaal.StartBijstand => "Ingang bijstand",
        Mijlpaal.BredeIntake => "Brede intake afgerond",
        Mijlpaal.Leerbaarheidstoets => "Leerbaarheidstoets afgenomen",
        Mijlpaal.InformatieDerdeGevraagd => "Informatie van derde gevraagd (voor PIP)",
        Mijlpaal.InformatieDerdeOntvangen => "Informatie van derde ontvangen (voor PIP)",
        Mijlpaal.PipVastgesteld => "PIP vastgesteld",
        Mijlpaal.StartLeerroute => "Start leerroute",
        Mijlpaal.TermijnVerlengdTot => "Inburgeringstermijn verlengd tot",
        Mijlpaal.LaatsteVoortgangsgesprek => "Laatste voortgangsgesprek",
        Mijlpaal.LaatsteContact => "Laatste contact",
        Mijlpaal.EindgesprekOfExamens => "Eindgesprek / examens",
        Mijlpaal.InburgeringsplichtVoldaan => "Inburgeringsplicht voldaan",
        Mijlpaal.Ontheffing => "Ontheffing",
        Mijlpaal.Verhuisd => "Verhuisd naar andere gemeente",
        Mijlpaal.Uitgeschreven => "Uitgeschreven",
        _ => mijlpaal.ToString(),
    };

    /// <summary>Only the verlenging is a date that may lie in the future; all others record what happened.</summary>
    public static bool MagInToekomst(this Mijlpaal mijlpaal) => mijlpaal == Mijlpaal.TermijnVerlengdTot;

    public static bool TryParse(string? value, out Mijlpaal mijlpaal) =>
        Enum.TryParse(value, ignoreCase: true, out mijlpaal) && Enum.IsDefined(mijlpaal);
}

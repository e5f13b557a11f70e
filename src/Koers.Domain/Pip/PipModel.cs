using Koers.Domain.Dossier;
using Koers.Domain.Intake;

namespace Koers.Domain.Pip;

/// <summary>Language level per skill, as DUO codes them.</summary>
public enum Taalniveau
{
    A2,
    B1,
    B2,
}

public enum Vaardigheid
{
    Lezen,
    Luisteren,
    Schrijven,
    Spreken,
}

/// <summary>DUO indicatorAlfabetiseringsonderwijs: A = alfabetisering, AA = aanvullend, NVT = not applicable.</summary>
public enum Alfabetisering
{
    Nvt,
    A,
    AA,
}

public enum ParticipatieVorm
{
    Geen,
    Werk,
    Vrijwilligerswerk,
    Dagbesteding,
    Opleiding,
}

/// <summary>PIP hoofddoel, from the GGM Model Inburgering enumeration.</summary>
public enum Hoofddoel
{
    BetaaldWerken,
    BetaaldWerkenNaarVermogen,
    MaatschappelijkFitWorden,
    Ondernemen,
    OpleidingMetStudiefinanciering,
    WerkfitWorden,
}

/// <summary>PIP aandachtspunten, from the GGM Model Inburgering enumeration.</summary>
public enum Aandachtspunt
{
    DigitaleVaardigheden,
    Financien,
    Justitie,
    LichamelijkeGezondheid,
    PsychischeGezondheid,
    Taal,
    Verslaving,
    Woonsituatie,
    Zorgtaken,
}

/// <summary>The content of one version of a PIP, as the klantregisseur drafts it.</summary>
public sealed record PipInhoud
{
    public Leerroute? Leerroute { get; init; }
    public IReadOnlyDictionary<Vaardigheid, Taalniveau> Niveaus { get; init; } = new Dictionary<Vaardigheid, Taalniveau>();
    public bool Knm { get; init; } = true;
    public Alfabetisering Alfabetisering { get; init; } = Alfabetisering.Nvt;
    public bool Pvt { get; init; } = true;
    public bool Map { get; init; } = true;
    public ParticipatieVorm Participatie { get; init; }
    public string? ParticipatieOmschrijving { get; init; }
    public bool MaatschappelijkeBegeleiding { get; init; }
    public bool Ontzorgen { get; init; }
    public Hoofddoel? Hoofddoel { get; init; }
    public IReadOnlyList<string> Subdoelen { get; init; } = [];
    public IReadOnlyList<Aandachtspunt> Aandachtspunten { get; init; } = [];
    public string? Aanbieder { get; init; }
    public DateOnly? GeplandeStart { get; init; }

    /// <summary>DUO geschatteIntensiteitB1Route in hours (1-9999); B1-route for asielstatushouders only.</summary>
    public int? GeschatteIntensiteitB1 { get; init; }

    /// <summary>Required when the leerroute differs from the leerbaarheidstoets advice (seed 001 L1785-1787).</summary>
    public string? MotivatieAfwijkingLbt { get; init; }

    public int? AantalVoortgangsgesprekkenPerJaar { get; init; }
}

/// <summary>Everything the PIP rules need to know besides the plan itself.</summary>
public sealed record PipContext
{
    public required Doelgroep Doelgroep { get; init; }
    public required DateOnly Dagtekening { get; init; }
    public DateOnly? Koppeling { get; init; }
    public DateOnly? BrpInschrijving { get; init; }

    /// <summary>DUO's written notice of the inburgeringsplicht: from 2023 the PIP term counts from it (<see cref="Clock.PipTermijn"/>).</summary>
    public DateOnly? KennisgevingInburgeringsplicht { get; init; }

    /// <summary>A third party's information the college waited for (Besluit art. 5.3 lid 2): moves the term's last day.</summary>
    public Clock.InformatieDerde? InformatieDerde { get; init; }
    public LbtFeiten? Leerbaarheidstoets { get; init; }
    public bool IntakeAfgerond { get; init; }

    /// <summary>The dagtekening of the PIP currently in force, if any (a bijstelling follows it).</summary>
    public DateOnly? VorigeDagtekening { get; init; }
    public PipInhoud? VorigePip { get; init; }

    /// <summary>
    /// The start of the inburgeringsplicht as DUO has it (null when DUO has not told us): DUO refuses a PIP dated
    /// before it, and only DUO knows the date, so Koers checks it with DUO's own value.
    /// </summary>
    public DateOnly? DuoPlichtSinds { get; init; }

    /// <summary>True when this person has had a PIP before, in any municipality (DUO rule on A2 with B1).</summary>
    public bool HeeftEerderPipGehad { get; init; }
    public DateOnly Vandaag { get; init; }
}

using Koers.Data;
using Koers.Domain.Dossier;
using Koers.Domain.Intake;

namespace Koers.Data.Model;

/// <summary>One talk of the brede intake: when, with which interpreter, who was there, or a no-show.</summary>
public class Intakegesprek
{
    public long Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public DateOnly Datum { get; set; }
    public TolkSoort Tolk { get; set; }
    public string? Tolktaal { get; set; }
    public string? Aanwezigen { get; set; }
    public bool NoShow { get; set; }
    public string? Notities { get; set; }
    public required string VastgelegdDoor { get; set; }
    public DateTime VastgelegdOp { get; set; }
}

/// <summary>The answers for one leefgebied: structured fields as JSON (keys from the domain definition) plus free notes.</summary>
public class LeefgebiedVerslag : IGewijzigdOp, IGewijzigdDoor
{
    public Guid InburgeraarId { get; set; }
    public Leefgebied Leefgebied { get; set; }
    public string AntwoordenJson { get; set; } = "{}";
    public string? Notities { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;
    public DateTime GewijzigdOp { get; set; }
}

public class Diploma
{
    public long Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public required string Omschrijving { get; set; }
    public string? Land { get; set; }
    public int? Jaar { get; set; }
    public Diplomawaardering Waardering { get; set; }
    public string? WaarderingUitkomst { get; set; }
}

/// <summary>The state of the brede intake of a case; completed only when every mandatory leefgebied is filled.</summary>
public class BredeIntake
{
    public Guid InburgeraarId { get; set; }
    public DateOnly? AfgerondOp { get; set; }
    public string? AfgerondDoor { get; set; }
}

public enum LbtBron
{
    Gemeente,
    Duo,
}

/// <summary>The leerbaarheidstoets of a case (one per case; changes are kept in the audit log).</summary>
public class Leerbaarheidstoets : IGewijzigdOp
{
    public Guid InburgeraarId { get; set; }
    public DateOnly? Aangemeld { get; set; }
    public DateOnly? Afgenomen { get; set; }
    public string? Afnemer { get; set; }
    public int? Score { get; set; }
    public int? CesuurVolgensDuo { get; set; }
    public bool Overgeslagen { get; set; }
    public string? RedenOverslaan { get; set; }
    public LbtBron Bron { get; set; }
    public DateTime GewijzigdOp { get; set; }

    public LbtFeiten Feiten() => new()
    {
        Aangemeld = Aangemeld,
        Afgenomen = Afgenomen,
        Afnemer = Afnemer,
        Score = Score,
        CesuurVolgensDuo = CesuurVolgensDuo,
        Overgeslagen = Overgeslagen,
        RedenOverslaan = RedenOverslaan,
    };
}

public enum PipStatus
{
    Concept,
    Vastgesteld,
    Vervangen,
    /// <summary>Withdrawn (herroepen) by the municipality; no longer in force, kept with its reason.</summary>
    Ingetrokken,
}

/// <summary>
/// One version of the PIP. The content is a JSON snapshot of <see cref="Koers.Domain.Pip.PipInhoud"/>, frozen once
/// vastgesteld; a bijstelling is a new version. Leerroute and dates are columns so reports can query them.
/// </summary>
public class PipVersie : IAangemaaktOp, IGewijzigdOp
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public int Versie { get; set; }
    public PipStatus Status { get; set; }
    public Leerroute? Leerroute { get; set; }
    public string InhoudJson { get; set; } = "{}";
    public DateOnly? Dagtekening { get; set; }
    public string? RedenBijstelling { get; set; }

    /// <summary>Why the PIP was set more than 10 weeks after BRP inschrijving, for the monitor.</summary>
    public string? RedenTeLaat { get; set; }
    public bool TeLaat { get; set; }
    public string? VastgesteldDoor { get; set; }

    /// <summary>Withdrawal: when, by whom and why (Awb 7:11 lid 2); only for status Ingetrokken.</summary>
    public DateTime? IngetrokkenOp { get; set; }
    public string? IngetrokkenDoor { get; set; }
    public string? RedenIntrekking { get; set; }
    public DateTime AangemaaktOp { get; set; }
    public DateTime GewijzigdOp { get; set; }
}

public enum BeschikkingSoort
{
    PipVaststelling,
    PipBijstelling,
}

/// <summary>A formal decision letter (PDF) stored with the case, immutable, with its hash for integrity.</summary>
public class Beschikking : IAangemaaktOp, IAangemaaktDoor
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public Guid PipVersieId { get; set; }
    public BeschikkingSoort Soort { get; set; }
    public DateOnly Datum { get; set; }
    public required string Kenmerk { get; set; }
    public required byte[] Pdf { get; set; }
    public required string Sha256 { get; set; }
    public string AangemaaktDoor { get; set; } = string.Empty;
    public DateTime AangemaaktOp { get; set; }

    /// <summary>
    /// Date the letter was sent (bekendmaking, Awb 3:41); the bezwaartermijn runs from the day after (Awb 6:8 lid 1).
    /// Null until someone records it. The letter states a fixed last day only when this was known when it was made.
    /// </summary>
    public DateOnly? Verzenddatum { get; set; }
    public string? VerzondenGeregistreerdDoor { get; set; }

    /// <summary>The municipality's template version the letter was made with (<see cref="Briefsjabloonversie"/>); 0: Koers's standard text.</summary>
    public int Sjabloonversie { get; set; }
}

/// <summary>A message from the inburgeraar to their klantregisseur, sent from the portal.</summary>
public class Bericht
{
    public const int MaxLengte = 2000;

    public long Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public required string Tekst { get; set; }
    public DateTime VerstuurdOp { get; set; }
    public required string Afzender { get; set; }

    /// <summary>
    /// A message from the klantregisseur to the inburgeraar (shown in the portal, announced by e-mail or SMS when
    /// the person opted in); false: a message from the inburgeraar, a signal on the worklist until handled.
    /// </summary>
    public bool VanKlantregisseur { get; set; }

    /// <summary>When a staff member marked the message handled; until then it is a signal on the worklist.</summary>
    public DateTime? AfgehandeldOp { get; set; }

    public string? AfgehandeldDoor { get; set; }
}

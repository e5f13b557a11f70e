using Koers.Data;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Identity;

namespace Koers.Data.Model;

/// <summary>A regional cooperation of municipalities sharing teams and partners.</summary>
public class Regio
{
    public int Id { get; set; }
    public required string Naam { get; set; }

    /// <summary>
    /// A regional cooperation may let its staff work on the cases of all its municipalities; without this,
    /// a klantregisseur sees only the cases of their own municipality.
    /// </summary>
    public bool DeeltDossiers { get; set; }
    public List<Gemeente> Gemeenten { get; set; } = [];
    public List<Team> Teams { get; set; } = [];
}

public class Gemeente
{
    public int Id { get; set; }

    /// <summary>CBS municipality code, e.g. GM0340.</summary>
    public required string Code { get; set; }
    public required string Naam { get; set; }
    public int RegioId { get; set; }
    public Regio? Regio { get; set; }

    // Local policy the legal clock needs; configuration, not code.
    public int VoortgangsgesprekIntervalMaanden { get; set; } = 3;
    public int HercontactIntervalMaanden { get; set; } = 3;
    public int OntzorgenMaanden { get; set; } = 6;

    /// <summary>Whether a voorlopig plan (pre-PIP) is made for someone still in an AZC; null: the default for this municipality.</summary>
    public bool? VoorlopigPlan { get; set; }

    /// <summary>
    /// Whether the klantregisseurs get a daily e-mail listing their cases whose deadlines are orange or overdue (set by
    /// functioneel beheer at /beheer/termijnen; off by default). A klantregisseur can opt out on /account.
    /// </summary>
    public bool DagelijkseTermijnmail { get; set; }

    /// <summary>
    /// How many months before a partner contract ends the team lead and policy officer are warned. The sources name the
    /// end dates (000:L843-863) but no lead time, so the default is 3 months; set per municipality at /inkoop/instellingen.
    /// </summary>
    public int ContractSignaalMaanden { get; set; } = 3;

    // Letterhead of decision letters (beschikkingen); configuration per municipality.
    public string Afdeling { get; set; } = "Team Inburgering";
    public string? Postadres { get; set; }
    public string? Telefoon { get; set; }
    public string? Website { get; set; }
    public string? BezwaarAdres { get; set; }

    public ClockSettings Instellingen => new()
    {
        VoortgangsgesprekIntervalMaanden = VoortgangsgesprekIntervalMaanden,
        HercontactIntervalMaanden = HercontactIntervalMaanden,
        OntzorgenMaanden = OntzorgenMaanden,
    };
}

public class Team
{
    public int Id { get; set; }
    public required string Naam { get; set; }
    public int RegioId { get; set; }
    public Regio? Regio { get; set; }
    public List<Medewerker> Leden { get; set; } = [];
}

/// <summary>A municipal employee; for now the klantregisseurs who own cases.</summary>
public class Medewerker
{
    public int Id { get; set; }
    public required string Naam { get; set; }
    public required string Email { get; set; }

    /// <summary>The municipality the employee works for; with a sharing region, they see the whole region.</summary>
    public int? GemeenteId { get; set; }
    public Gemeente? Gemeente { get; set; }
    public int TeamId { get; set; }
    public Team? Team { get; set; }

    /// <summary>Work telephone number: DUO's Contactpersoon API requires one for the chain's questions.</summary>
    public string? Telefoon { get; set; }

    /// <summary>
    /// DUO's id of this employee as contactpersoon of the municipality (Contactpersoon API, POST /contactpersonen);
    /// null while not registered at DUO. The employee's running cases are then linked to it.
    /// </summary>
    public int? DuoContactpersoonId { get; set; }

    /// <summary>The employee declined the daily e-mail about deadlines (their own choice on /account).</summary>
    public bool GeenTermijnmail { get; set; }
}

public enum Registratiebron
{
    Handmatig,
    CoaKoppeling,
    /// <summary>Created from a DUO notification (SS101 and the like) for an unknown BSN.</summary>
    DuoMelding,
}

/// <summary>The case file of one inburgeraar. The id is a random GUID so it can be in URLs; the BSN never is.</summary>
public class Inburgeraar : IAangemaaktOp, IGewijzigdOp
{
    public Guid Id { get; set; }
    public required string Voornamen { get; set; }
    public required string Achternaam { get; set; }
    public DateOnly Geboortedatum { get; set; }
    /// <summary>
    /// A value type, masked when printed (<c>$"{i.Bsn}"</c> shows three digits); the full number is
    /// <c>Bsn.Value</c>. Encrypted in the database (Koers.Data/Versleuteling). Find a case by BSN through <see cref="BsnIndex"/>.
    /// </summary>
    public Bsn? Bsn { get; set; }

    /// <summary>Masked when printed and encrypted in the database, like <see cref="Bsn"/>.</summary>
    public VNummer? VNummer { get; set; }

    /// <summary>Blind index (keyed hash) of <see cref="Bsn"/>, kept on every save by BsnIndexBijwerker; what lookups compare.</summary>
    public string? BsnIndex { get; private set; }

    /// <summary>Blind index of <see cref="VNummer"/>.</summary>
    public string? VNummerIndex { get; private set; }
    public required string Nationaliteit { get; set; }

    /// <summary>Languages spoken, in the order given, separated by ';'.</summary>
    public string Talen { get; set; } = string.Empty;
    public Doelgroep Doelgroep { get; set; }
    public int GemeenteId { get; set; }
    public Gemeente? Gemeente { get; set; }
    public int? KlantregisseurId { get; set; }
    public Medewerker? Klantregisseur { get; set; }
    public string? Telefoon { get; set; }
    public string? Email { get; set; }

    /// <summary>
    /// The language the person last chose in the portal (nl, en, ar, fa, ti, tr, uk): e-mails and SMS to them are
    /// written in it. Null: Dutch.
    /// </summary>
    public string? PortaalTaal { get; set; }
    public string? Adres { get; set; }
    public string? AzcLocatie { get; set; }
    public bool NogNietStartklaar { get; set; }
    public Leerroute? Leerroute { get; set; }
    public Registratiebron Bron { get; set; }

    /// <summary>Ontzorgen decision copied onto the case so the legal clock (and the worklist) knows it.</summary>
    public DateOnly? OntzorgenVerlengdTot { get; set; }
    public bool OntzorgenAfgezien { get; set; }

    /// <summary>Set when the retention period after closure has passed and personal data was removed.</summary>
    public DateTime? GeanonimiseerdOp { get; set; }

    /// <summary>Date of sending (bekendmaking) of the newest beschikking; starts the bezwaartermijn. Null while not sent.</summary>
    public DateOnly? LaatsteBeschikkingOp { get; set; }

    /// <summary>The newest beschikking was made but its date of sending is not recorded yet (no bezwaartermijn yet).</summary>
    public bool LaatsteBeschikkingNietVerzonden { get; set; }

    /// <summary>
    /// The start of the inburgeringsplicht as DUO registered it (Inburgeringsplicht API, begindatum): DUO refuses a
    /// PIP dated before it, and only DUO knows it.
    /// </summary>
    public DateOnly? DuoPlichtSinds { get; set; }

    /// <summary>
    /// The dagtekening of the PIP a previous municipality made, taken over from DUO (SS121): such a person's next PIP
    /// is not their first, which Koers' own records cannot know.
    /// </summary>
    public DateOnly? PipVorigeGemeenteOp { get; set; }

    /// <summary>DUO's four-digit code of the municipality that made that PIP.</summary>
    public string? PipVorigeGemeente { get; set; }

    /// <summary>
    /// The DUO contactpersoon id last reported to DUO for this person (null: none). DuoContactpersonen compares it with the
    /// klantregisseur's id and reports the difference, whichever way the klantregisseur changed.
    /// </summary>
    public int? DuoContactpersoonGemeld { get; set; }

    /// <summary>Derived from the milestones on every change; stored so lists can filter on it in SQL.</summary>
    public Fase Fase { get; set; }
    public DateTime AangemaaktOp { get; set; }
    public DateTime GewijzigdOp { get; set; }

    public List<MijlpaalRegel> Mijlpalen { get; set; } = [];
    public List<Termijnregel> Termijnen { get; set; } = [];
    public List<Gezinslid> Gezinsleden { get; set; } = [];

    public string VolledigeNaam => $"{Voornamen} {Achternaam}";

    public IReadOnlyList<string> TalenLijst =>
        Talen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public DossierFeiten Feiten() => new()
    {
        Doelgroep = Doelgroep,
        Geboortedatum = Geboortedatum,
        Leerroute = Leerroute,
        NogNietStartklaar = NogNietStartklaar,
        LaatsteBeschikking = LaatsteBeschikkingOp,
        LaatsteBeschikkingNietVerzonden = LaatsteBeschikkingNietVerzonden,
        OntzorgenVerlengdTot = OntzorgenVerlengdTot,
        OntzorgenAfgezien = OntzorgenAfgezien,
        Mijlpalen = Mijlpalen.ToDictionary(m => m.Soort, m => m.Datum),
    };
}

public class MijlpaalRegel
{
    public Guid InburgeraarId { get; set; }
    public Mijlpaal Soort { get; set; }
    public DateOnly Datum { get; set; }
}

/// <summary>
/// A computed deadline, stored so worklists over many thousands of cases are one indexed SQL query.
/// Rewritten from <see cref="Koers.Domain.Clock.LegalClock"/> whenever the facts of the case change.
/// </summary>
public class Termijnregel
{
    public Guid InburgeraarId { get; set; }
    public Inburgeraar? Inburgeraar { get; set; }
    public TermijnCode Code { get; set; }
    public TermijnSoort Soort { get; set; }
    public bool Toepasselijk { get; set; }
    public DateOnly? Startdatum { get; set; }
    public DateOnly? Vervaldatum { get; set; }
    public DateOnly? VoldaanOp { get; set; }
    public required string Toelichting { get; set; }

    public static Termijnregel Uit(Guid inburgeraarId, Termijn t) => new()
    {
        InburgeraarId = inburgeraarId,
        Code = t.Code,
        Soort = t.Soort,
        Toepasselijk = t.Toepasselijk,
        Startdatum = t.Startdatum,
        Vervaldatum = t.Vervaldatum,
        VoldaanOp = t.VoldaanOp,
        Toelichting = t.Toelichting,
    };
}

public class Gezinslid
{
    public int Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public required string Naam { get; set; }
    public DateOnly? Geboortedatum { get; set; }
    public required string Relatie { get; set; }

    /// <summary>When the family member has a case of their own (mixed statuses in one household).</summary>
    public Guid? GekoppeldDossierId { get; set; }
}

/// <summary>Append-only history of milestone changes: who changed which date, when and why.</summary>
public class MijlpaalWijziging
{
    public long Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public Mijlpaal Soort { get; set; }
    public DateOnly? OudeDatum { get; set; }
    public DateOnly? NieuweDatum { get; set; }
    public required string Door { get; set; }
    public DateTime Op { get; set; }
    public string? Reden { get; set; }
}

/// <summary>Append-only history of recomputed deadlines: a changed fact that moved a deadline.</summary>
public class TermijnWijziging
{
    public long Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public TermijnCode Code { get; set; }
    public DateOnly? OudeVervaldatum { get; set; }
    public DateOnly? NieuweVervaldatum { get; set; }
    public required string Aanleiding { get; set; }
    public DateTime Op { get; set; }
}

public enum AuditActie
{
    Inzien,
    Aanmaken,
    Wijzigen,
}

/// <summary>Whether the attempt recorded in an audit row was allowed or refused by the access checks.</summary>
public enum AuditResultaat
{
    Toegestaan,
    Geweigerd,
}

/// <summary>
/// Append-only log of every read and change of a case, and of every refused attempt. Holds no BSN, only the case id.
/// Who (user, role, organisation, IP address), when, what, for which purpose (doelbinding) and with what result.
/// Rows are chained: <see cref="Volgnummer"/>, <see cref="VorigeHash"/> and <see cref="Hash"/> are set by the sealing
/// step (Koers.Web Features/Audit/AuditKeten), not by the writer, so writing stays one plain INSERT.
/// </summary>
public class AuditRegel
{
    public long Id { get; set; }
    public DateTime Op { get; set; }

    /// <summary>The account name (e-mail) of the signed-in user, or the name of a system actor (e.g. the DUO link).</summary>
    public required string Gebruiker { get; set; }
    public AuditActie Actie { get; set; }
    public Guid? InburgeraarId { get; set; }

    /// <summary>What kind of object the action was about, where there is one: the entity's type name (e.g. "Mandaat", "Betaalrun").</summary>
    public string? ObjectSoort { get; set; }

    /// <summary>The id of that object (a GUID, a number, a municipality code) as text; null when the action concerns no single object.</summary>
    public string? ObjectId { get; set; }

    public required string Omschrijving { get; set; }

    /// <summary>The roles of the user at that moment (comma separated), or "Systeem".</summary>
    public string? Rol { get; set; }

    /// <summary>The organisation the user acted for: a municipality, a region, a chain partner; "Koers" for the system.</summary>
    public string? Organisatie { get; set; }

    /// <summary>The region of the acting user's organisation; with the case's region it decides which auditor sees the row.</summary>
    public int? RegioId { get; set; }

    /// <summary>The client address of the request (behind a proxy: as set by the forwarded-headers middleware).</summary>
    public string? IpAdres { get; set; }

    /// <summary>The purpose of the processing (doelbinding), e.g. "dossierbehandeling", "ketenpartner voortgang", "monitor", "audit".</summary>
    public string Doel { get; set; } = string.Empty;
    public AuditResultaat Resultaat { get; set; }

    /// <summary>Position in the hash chain (1, 2, …), set when the row is sealed; null while not yet sealed.</summary>
    public long? Volgnummer { get; set; }

    /// <summary>The <see cref="Hash"/> of the row before it in the chain (64 zeros for the first).</summary>
    public string? VorigeHash { get; set; }

    /// <summary>SHA-256 (hex) over the canonical content of this row and <see cref="VorigeHash"/>.</summary>
    public string? Hash { get; set; }
}

using Koers.Data;
using Koers.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model.Duo;

public enum InboxStatus
{
    /// <summary>Stored, waiting to be processed (or to be retried after <see cref="DuoNotificatie.VolgendePogingOp"/>).</summary>
    Ontvangen,
    Verwerkt,
    /// <summary>Could not be processed; a person must look at it (retry or mark resolved).</summary>
    Geparkeerd,
    /// <summary>Parked and then marked resolved by a person, without processing.</summary>
    Afgehandeld,
}

/// <summary>
/// One notification DUO sent to our Notificatie API, stored before anything else happens ("store first, process
/// after"). Unique on DUO's berichtId, so a notification delivered twice is stored once. Processed per person in
/// DUO's order (registratieDatumTijd, then arrival).
/// </summary>
public class DuoNotificatie
{
    public long Id { get; set; }

    /// <summary>DUO's berichtId header (a UUID): the idempotency key.</summary>
    public Guid BerichtId { get; set; }
    public required string GebeurtenisId { get; set; }
    public DateTime RegistratieDatumTijd { get; set; }
    /// <summary>Masked when printed; encrypted in the database. DUO sends the V-nummer as a number: stored as that number's text.</summary>
    public Bsn? Bsn { get; set; }
    public VNummer? VNummer { get; set; }

    /// <summary>The blind index of the BSN (or else of the V-nummer): events of one person are processed in order.</summary>
    public required string Persoonssleutel { get; set; }

    /// <summary>The OIN of the sender (bron header).</summary>
    public required string Afzender { get; set; }
    public DateTime OntvangenOp { get; set; }
    public InboxStatus Status { get; set; }
    public int Pogingen { get; set; }
    public DateTime? VolgendePogingOp { get; set; }
    public string? LaatsteFout { get; set; }
    public DateTime? VerwerktOp { get; set; }

    /// <summary>What processing did, in Dutch, for the beheer page.</summary>
    public string? Resultaat { get; set; }
    public Guid? InburgeraarId { get; set; }
    public string? AfgehandeldDoor { get; set; }

    /// <summary>What the klantregisseur must do because of this event (from DUO's catalogue); null when nothing.</summary>
    public string? Actie { get; set; }

    /// <summary>When and by whom the action was done: until then the event is on the worklist.</summary>
    public DateTime? ActieAfgehandeldOp { get; set; }
    public string? ActieAfgehandeldDoor { get; set; }
}

public enum OutboxSoort
{
    Pip,
    UrenTaallesKnm,
    UrenParticipatieactiviteiten,
    UrenParticipatieTaalles,
    /// <summary>The Z-route completed (MAP,PVT,Zroute API: PUT /personen/{bsn}/zroute).</summary>
    ZrouteAfgerond,
    /// <summary>The MAP eindgesprek (MAP,PVT,Zroute API: PUT /personen/{bsn}/map, schema ResultaatMap).</summary>
    MapEindgesprek,
    /// <summary>The participatieverklaring signed (MAP,PVT,Zroute API: PUT /personen/{bsn}/pvt, schema ResultaatPvt).</summary>
    PvtOndertekend,
    /// <summary>The PIP in force withdrawn (PIP API: DELETE /personen/{bsn}/PIP, no body).</summary>
    PipIngetrokken,
    /// <summary>The leerbaarheidstoets skipped, so DUO withdraws the exam number (Leerbaarheidstoets API: DELETE …/lbt/examennummer).</summary>
    LbtOvergeslagen,
    /// <summary>A course offered at an instelling (Inburgeringsaanbod API: POST /personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}).</summary>
    Inburgeringsaanbod,
    /// <summary>That offer withdrawn (Inburgeringsaanbod API: DELETE, same path).</summary>
    InburgeringsaanbodVerwijderd,
    /// <summary>The case's klantregisseur made DUO's contact for the person (Contactpersoon API: POST /contactpersonen/{id}/personen/{bsn}).</summary>
    ContactpersoonGekoppeld,
    /// <summary>No contact for the person any more (Contactpersoon API: DELETE /contactpersonen/{id}/personen/{bsn}).</summary>
    ContactpersoonOntkoppeld,
}

public enum OutboxStatus
{
    Wachtend,
    Verzonden,
    /// <summary>DUO (or our own check of DUO's rules) refused the message; shown on the case.</summary>
    Geweigerd,
    /// <summary>DUO could not be reached after all retries; a person must look at it.</summary>
    Mislukt,
}

/// <summary>
/// A message for DUO, written in the same transaction as the change it reports (a PIP vastgesteld, hours), and
/// sent afterwards by the sender, which records DUO's answer. A refusal stays visible on the case.
/// </summary>
public class DuoUitgaandBericht : IAangemaaktOp, IAangemaaktDoor
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public OutboxSoort Soort { get; set; }

    /// <summary>Path under DUO's base address, e.g. personen/{bsn}/PIP; holds a BSN, so encrypted at rest and never logged.</summary>
    public required string Pad { get; set; }
    public required string Methode { get; set; }
    public required string InhoudJson { get; set; }
    public required string Omschrijving { get; set; }
    public OutboxStatus Status { get; set; }
    public int Pogingen { get; set; }
    public DateTime? VolgendePogingOp { get; set; }
    public int? Antwoordcode { get; set; }

    /// <summary>DUO's fouttekst(en) on a refusal, or our own reason.</summary>
    public string? Melding { get; set; }
    public DateTime AangemaaktOp { get; set; }
    public string AangemaaktDoor { get; set; } = string.Empty;
    public DateTime? VerzondenOp { get; set; }
}

public sealed class DuoConfiguratie : IEntityTypeConfiguration<DuoNotificatie>, IEntityTypeConfiguration<DuoUitgaandBericht>
{
    public void Configure(EntityTypeBuilder<DuoNotificatie> e)
    {
        e.ToTable("duo_notificatie");
        // Bsn, VNummer (encrypted) and Persoonssleutel (blind index): Versleuteling/BsnModel.cs.
        e.Property(x => x.GebeurtenisId).HasMaxLength(6);
        e.Property(x => x.Afzender).HasMaxLength(20);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.LaatsteFout).HasMaxLength(2000);
        e.Property(x => x.Resultaat).HasMaxLength(2000);
        e.Property(x => x.AfgehandeldDoor).HasMaxLength(200);
        e.Property(x => x.Actie).HasMaxLength(500);
        e.Property(x => x.ActieAfgehandeldDoor).HasMaxLength(200);
        e.HasIndex(x => x.BerichtId).IsUnique();
        // The processor asks: open events of this person, in DUO's order; the case page and the DUO actions ask: every
        // event of this person (Persoonssleutel = ANY(…), any status). The person key leads so both are a probe: with
        // the status first, the case page's lookup scanned the whole index (2.6 ms, 778 buffers with 44,000 events,
        // growing with every event a year brings; issue #21).
        e.HasIndex(x => new { x.Persoonssleutel, x.Status, x.RegistratieDatumTijd });
        // … and takes the first 50 of them in that order. Only the waiting events, in the order asked, so the query
        // reads 50 index entries instead of sorting the whole backlog on every round: 0.5 ms instead of 15 ms with
        // 5,000 waiting and 40-55 ms with 50,000 (EXPLAIN ANALYZE on PostgreSQL 15, bench/README.md).
        e.HasIndex(x => new { x.RegistratieDatumTijd, x.Id }).HasDatabaseName("IX_duo_notificatie_wachtend")
            .HasFilter("\"Status\" = 'Ontvangen'");
        e.HasIndex(x => x.InburgeraarId);
    }

    public void Configure(EntityTypeBuilder<DuoUitgaandBericht> e)
    {
        e.ToTable("duo_uitgaand_bericht");
        // Pad (encrypted, it holds the BSN): Versleuteling/BsnModel.cs.
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Methode).HasMaxLength(10);
        e.Property(x => x.InhoudJson).HasMaxLength(4000);
        e.Property(x => x.Omschrijving).HasMaxLength(300);
        e.Property(x => x.Melding).HasMaxLength(4000);
        e.Property(x => x.AangemaaktDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.Status, x.AangemaaktOp });
        e.HasIndex(x => x.InburgeraarId);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
    }
}

using Koers.Data;
using Koers.Domain.Dossier;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model.Zgw;

/// <summary>What one step in the zaaksysteem does.</summary>
public enum ZgwOpdrachtSoort
{
    /// <summary>Make sure the case has its zaak (found by identificatie first, so never twice).</summary>
    Zaak,

    /// <summary>A new status on the zaak for the case's stage.</summary>
    Status,

    /// <summary>A letter as an enkelvoudig informatieobject, linked to the zaak.</summary>
    Document,

    /// <summary>The case closed: resultaat, eindstatus and the archive metadata on the zaak.</summary>
    Afsluiting,
}

/// <summary>Wachtend (also between retries) → Klaar; Mislukt after the last retry or on a refusal; Vervallen when the municipality does not archive in ZGW.</summary>
public enum ZgwOpdrachtStatus
{
    Wachtend,
    Klaar,
    Mislukt,
    Vervallen,
}

/// <summary>Which Koers letter a <see cref="ZgwOpdrachtSoort.Document"/> step carries.</summary>
public enum ZgwDocumentBron
{
    Beschikking,
    Handhaving,
}

/// <summary>
/// The outbox towards the municipality's zaaksysteem (ZGW Zaken and Documenten APIs). Written in the same save as its
/// cause (a new case, a stage change, a letter), so nothing is lost; carried out in order per case by <c>ZgwVerwerker</c>.
/// Every step looks up what it would create before creating it, so a retry after a lost answer never makes a
/// second zaak, status or document.
/// </summary>
public class ZgwOpdracht : IAangemaaktOp
{
    public long Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public ZgwOpdrachtSoort Soort { get; set; }

    /// <summary>What caused it (e.g. 'zaak:{case}', 'document:Beschikking:{id}'): unique, so the same cause never queues twice.</summary>
    public required string Sleutel { get; set; }

    /// <summary>For a status or closure: the stage reached.</summary>
    public Fase? Fase { get; set; }

    public ZgwDocumentBron? DocumentBron { get; set; }
    public Guid? DocumentId { get; set; }

    /// <summary>When it happened in Koers: the status's datumStatusGezet, and how a retry recognises its own status.</summary>
    public DateTime GebeurdOp { get; set; }

    public ZgwOpdrachtStatus Status { get; set; }
    public int Pogingen { get; set; }
    public DateTime? VolgendePogingOp { get; set; }

    /// <summary>Claimed by a worker since (another instance leaves it alone for a while).</summary>
    public DateTime? BezigSinds { get; set; }

    /// <summary>The last error, in Dutch, with the zaaksysteem's own reason when it gave one. Never personal data.</summary>
    public string? Melding { get; set; }

    /// <summary>What the step made or found in the zaaksysteem (status, informatieobject or zaak URL).</summary>
    public string? Url { get; set; }

    public DateTime AangemaaktOp { get; set; }
    public DateTime? VerwerktOp { get; set; }
}

/// <summary>The zaak of a case in the municipality's zaaksysteem, and the archive metadata it was given when it closed.</summary>
public class ZgwZaak : IAangemaaktOp
{
    public Guid InburgeraarId { get; set; }
    public required string Url { get; set; }
    public required string Identificatie { get; set; }
    public DateTime AangemaaktOp { get; set; }
    public DateOnly? Einddatum { get; set; }

    /// <summary>'vernietigen' or 'blijvend_bewaren', from the resultaattype (which takes it from the selectielijst).</summary>
    public string? Archiefnominatie { get; set; }
    public DateOnly? Archiefactiedatum { get; set; }
}

public sealed class ZgwConfiguratie : IEntityTypeConfiguration<ZgwOpdracht>, IEntityTypeConfiguration<ZgwZaak>
{
    public void Configure(EntityTypeBuilder<ZgwOpdracht> e)
    {
        e.ToTable("zgw_opdracht");
        e.Property(x => x.Sleutel).HasMaxLength(200);
        e.HasIndex(x => x.Sleutel).IsUnique();
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.DocumentBron).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Melding).HasMaxLength(2000);
        e.Property(x => x.Url).HasMaxLength(1000);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId).OnDelete(DeleteBehavior.Cascade);
        // The worker asks: what is waiting, oldest first; the case page asks: the steps of one case.
        e.HasIndex(x => new { x.Status, x.Id });
        e.HasIndex(x => new { x.InburgeraarId, x.Id });
    }

    public void Configure(EntityTypeBuilder<ZgwZaak> e)
    {
        e.ToTable("zgw_zaak");
        e.HasKey(x => x.InburgeraarId);
        e.Property(x => x.Url).HasMaxLength(1000);
        e.Property(x => x.Identificatie).HasMaxLength(40);
        e.Property(x => x.Archiefnominatie).HasMaxLength(20);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Koers.Data;
using Koers.Domain.Participatie;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model;

/// <summary>
/// A municipality's participation monitoring (functioneel beheer): anchor event, measurement moments, questions of the
/// default instrument it switched off, and the rungs of its participatieladder. No row: the defaults of the domain.
/// </summary>
public class ParticipatieInstelling : IGewijzigdOp, IGewijzigdDoor
{
    public int Id { get; set; }
    public int GemeenteId { get; set; }
    public Meetanker Anker { get; set; } = Meetanker.Huisvesting;

    /// <summary>Months after the anchor, comma separated ("0,6,12,24").</summary>
    public string Maanden { get; set; } = "0,6,12,24";

    /// <summary>Question codes switched off, comma separated.</summary>
    public string UitgezetteVragen { get; set; } = string.Empty;

    /// <summary>The rung names, lowest first, one per line.</summary>
    public string Ladder { get; set; } = string.Empty;

    public DateTime GewijzigdOp { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;
}

/// <summary>How a measurement was entered.</summary>
public enum Invulwijze
{
    /// <summary>By the inburgeraar in Mijn inburgering.</summary>
    Portaal,

    /// <summary>By the klantregisseur during a talk, with the inburgeraar.</summary>
    Gesprek,
}

/// <summary>
/// One filled-in participation questionnaire of one person at one moment (months after the anchor). One per moment:
/// a second entry for the same moment is refused, so the series over time stays one answer per moment.
/// </summary>
public class Participatiemeting
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public int Maanden { get; set; }
    public required string Versie { get; set; }
    public DateOnly Datum { get; set; }
    public Invulwijze Invulwijze { get; set; }

    /// <summary>The language the questions were shown in (portal) or null (talk).</summary>
    public string? Taal { get; set; }

    public DateTime VastgelegdOp { get; set; }
    public required string VastgelegdDoor { get; set; }
    public List<Participatieantwoord> Antwoorden { get; set; } = [];
}

/// <summary>
/// One answered question; a question left open has no row. The value is encrypted at rest (Koers.Data/Versleuteling,
/// the BSN mechanism): answers on well-being are special-category data, and a database dump must not show them.
/// </summary>
public class Participatieantwoord
{
    public long Id { get; set; }
    public Guid ParticipatiemetingId { get; set; }
    public required string VraagCode { get; set; }

    /// <summary>The value on the question's scale; 0 (unused) for a meerkeuze question, whose answer is <see cref="Keuze"/>.</summary>
    public int Waarde { get; set; }

    /// <summary>The code of the option chosen on an own meerkeuze question (encrypted like the value); null for a scale question.</summary>
    public string? Keuze { get; set; }
}

/// <summary>
/// One version of a municipality's questionnaire: every saved change of its questions (switched on or off, an own
/// question added, changed or removed) is a new version, numbered per municipality, with when and by whom. The
/// questions are kept as they were (JSON: code, domain, scale, texts per language, own or default), so a measurement
/// answered with this version (<see cref="Participatiemeting.Versie"/> = <see cref="Code"/>) always shows these texts.
/// The newest version is the municipality's questionnaire now. No rows: the default instrument.
/// </summary>
public class Participatievragenlijstversie
{
    public int Id { get; set; }
    public int GemeenteId { get; set; }
    public int Nummer { get; set; }

    /// <summary>What a measurement stores as its version, e.g. "GM1728-v2".</summary>
    public required string Code { get; set; }

    public required string Vragen { get; set; }

    /// <summary>What changed, in Dutch, for the list of versions.</summary>
    public required string Wijziging { get; set; }

    public DateTime VastgesteldOp { get; set; }
    public required string VastgesteldDoor { get; set; }
}

/// <summary>A score on the municipality's participatieladder, given at a voortgangsgesprek (or without one).</summary>
public class Ladderscore
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public Guid? VoortgangsgesprekId { get; set; }
    public DateOnly Datum { get; set; }
    public int Trede { get; set; }

    /// <summary>The rung's name when scored: a later change of the ladder does not rewrite history.</summary>
    public required string TredeNaam { get; set; }

    public string? Toelichting { get; set; }
    public DateTime VastgelegdOp { get; set; }
    public required string VastgelegdDoor { get; set; }
}

public sealed class ParticipatieConfiguratie :
    IEntityTypeConfiguration<ParticipatieInstelling>,
    IEntityTypeConfiguration<Participatiemeting>,
    IEntityTypeConfiguration<Participatieantwoord>,
    IEntityTypeConfiguration<Ladderscore>,
    IEntityTypeConfiguration<Participatievragenlijstversie>
{
    public void Configure(EntityTypeBuilder<Participatievragenlijstversie> e)
    {
        e.ToTable("participatie_vragenlijstversie");
        e.Property(x => x.Code).HasMaxLength(40);
        e.Property(x => x.Wijziging).HasMaxLength(1000);
        e.Property(x => x.VastgesteldDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.GemeenteId, x.Nummer }).IsUnique();
        e.HasIndex(x => x.Code).IsUnique();
        e.HasOne<Gemeente>().WithMany().HasForeignKey(x => x.GemeenteId);
    }

    public void Configure(EntityTypeBuilder<ParticipatieInstelling> e)
    {
        e.ToTable("participatie_instelling");
        e.Property(x => x.Anker).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Maanden).HasMaxLength(100);
        e.Property(x => x.UitgezetteVragen).HasMaxLength(2000);
        e.Property(x => x.Ladder).HasMaxLength(1200);
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        e.HasIndex(x => x.GemeenteId).IsUnique();
        e.HasOne<Gemeente>().WithMany().HasForeignKey(x => x.GemeenteId);
    }

    public void Configure(EntityTypeBuilder<Participatiemeting> e)
    {
        e.ToTable("participatiemeting");
        e.Property(x => x.Versie).HasMaxLength(40);
        e.Property(x => x.Invulwijze).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Taal).HasMaxLength(10);
        e.Property(x => x.VastgelegdDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.InburgeraarId, x.Maanden }).IsUnique();
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        e.HasMany(x => x.Antwoorden).WithOne().HasForeignKey(x => x.ParticipatiemetingId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Participatieantwoord> e)
    {
        e.ToTable("participatieantwoord");
        e.Property(x => x.VraagCode).HasMaxLength(40);
        e.HasIndex(x => new { x.ParticipatiemetingId, x.VraagCode }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Ladderscore> e)
    {
        e.ToTable("ladderscore");
        e.Property(x => x.TredeNaam).HasMaxLength(100);
        e.Property(x => x.Toelichting).HasMaxLength(2000);
        e.Property(x => x.VastgelegdDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.InburgeraarId, x.Datum });
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        e.HasOne<Keten.Voortgangsgesprek>().WithMany().HasForeignKey(x => x.VoortgangsgesprekId).OnDelete(DeleteBehavior.SetNull);
    }
}

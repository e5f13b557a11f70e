using Koers.Data.Model.Keten;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model.Groepen;

/// <summary>The kind of a group offer (issue #22: KNM workshops, a group for those not yet ready for work).</summary>
public enum Groepssoort
{
    KnmWorkshop,
    Taalcafegroep,
    NogNietStartklaar,
    Sollicitatietraining,
    Anders,
}

/// <summary>
/// A group offer of a municipality: a series of sessions for several inburgeraars at once, organised by a staff member
/// or by a partner organisation, with a capacity. Practice: KNM taught in groups and group activities for those not yet
/// ready for work (000:L528-538, seed-000-002-003-practice.md §6.2).
/// </summary>
public class Groepsaanbod : IAangemaaktOp, IAangemaaktDoor
{
    public Guid Id { get; set; }
    public int GemeenteId { get; set; }
    public Gemeente? Gemeente { get; set; }
    public required string Naam { get; set; }
    public Groepssoort Soort { get; set; }

    /// <summary>The organiser: a staff member or a partner organisation (exactly one of the two).</summary>
    public int? OrganisatorMedewerkerId { get; set; }
    public Medewerker? OrganisatorMedewerker { get; set; }
    public int? OrganisatorPartnerId { get; set; }
    public Partnerorganisatie? OrganisatorPartner { get; set; }

    public required string Locatie { get; set; }
    public int Capaciteit { get; set; }
    public string? Omschrijving { get; set; }
    public List<Groepsbijeenkomst> Bijeenkomsten { get; set; } = [];
    public List<Groepsdeelname> Deelnames { get; set; } = [];
    public DateTime AangemaaktOp { get; set; }
    public string AangemaaktDoor { get; set; } = string.Empty;
}

/// <summary>One session of a group; <see cref="Locatie"/> overrides the group's location for this session only.</summary>
public class Groepsbijeenkomst : IAangemaaktOp, IAangemaaktDoor
{
    public Guid Id { get; set; }
    public Guid GroepsaanbodId { get; set; }
    public Groepsaanbod? Groepsaanbod { get; set; }
    public DateOnly Datum { get; set; }
    public TimeOnly Aanvang { get; set; }
    public TimeOnly? Einde { get; set; }
    public string? Locatie { get; set; }
    public DateTime AangemaaktOp { get; set; }
    public string AangemaaktDoor { get; set; } = string.Empty;
}

/// <summary>A person enrolled in a group; unenrolled with a reason (the row stays, so attendance history stays).</summary>
public class Groepsdeelname : IGewijzigdOp, IGewijzigdDoor
{
    public Guid Id { get; set; }
    public Guid GroepsaanbodId { get; set; }
    public Groepsaanbod? Groepsaanbod { get; set; }
    public Guid InburgeraarId { get; set; }
    public Inburgeraar? Inburgeraar { get; set; }
    public DateOnly IngeschrevenOp { get; set; }
    public DateOnly? UitgeschrevenOp { get; set; }
    public string? Uitschrijfreden { get; set; }
    public List<Groepsaanwezigheid> Aanwezigheid { get; set; } = [];
    public DateTime GewijzigdOp { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;
}

/// <summary>
/// A place on a full group's waiting list. When a place frees up (someone unenrols, the capacity is raised) the first in
/// line is enrolled, in the order they were put on the list; the row is then removed and the audit log keeps the history.
/// Practice: group offers are small and fill up, and the Kempen evaluation asks that nobody falls out of view while
/// waiting (000:L528-538, seed-000-002-003-practice.md §6.2).
/// </summary>
public class Groepswachtplaats : IAangemaaktOp, IAangemaaktDoor
{
    public Guid Id { get; set; }
    public Guid GroepsaanbodId { get; set; }
    public Groepsaanbod? Groepsaanbod { get; set; }
    public Guid InburgeraarId { get; set; }
    public Inburgeraar? Inburgeraar { get; set; }
    public DateOnly Sinds { get; set; }

    /// <summary>Order of arrival within the group (1, 2, …); the clock's time is not enough, two can arrive in one tick.</summary>
    public int Volgnummer { get; set; }

    public DateTime AangemaaktOp { get; set; }
    public string AangemaaktDoor { get; set; } = string.Empty;
}

public enum Aanwezigheidsstatus
{
    Aanwezig,
    AfwezigMetBericht,
    AfwezigZonderBericht,
}

/// <summary>Whether an enrolled person came to one session; one row per session and person.</summary>
public class Groepsaanwezigheid : IGewijzigdOp, IGewijzigdDoor
{
    public Guid Id { get; set; }
    public Guid GroepsbijeenkomstId { get; set; }
    public Groepsbijeenkomst? Groepsbijeenkomst { get; set; }
    public Guid GroepsdeelnameId { get; set; }
    public Groepsdeelname? Groepsdeelname { get; set; }
    public Aanwezigheidsstatus Status { get; set; }
    public DateTime GewijzigdOp { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;
}

public sealed class GroepenConfiguratie :
    IEntityTypeConfiguration<Groepsaanbod>,
    IEntityTypeConfiguration<Groepsbijeenkomst>,
    IEntityTypeConfiguration<Groepsdeelname>,
    IEntityTypeConfiguration<Groepsaanwezigheid>,
    IEntityTypeConfiguration<Groepswachtplaats>
{
    public void Configure(EntityTypeBuilder<Groepswachtplaats> e)
    {
        e.ToTable("groepswachtplaats");
        e.Property(x => x.AangemaaktDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.GroepsaanbodId, x.InburgeraarId }).IsUnique();
        e.HasIndex(x => x.InburgeraarId);
        e.HasOne(x => x.Groepsaanbod).WithMany().HasForeignKey(x => x.GroepsaanbodId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Inburgeraar).WithMany().HasForeignKey(x => x.InburgeraarId);
    }

    public void Configure(EntityTypeBuilder<Groepsaanbod> e)
    {
        e.ToTable("groepsaanbod");
        e.Property(x => x.Naam).HasMaxLength(200);
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Locatie).HasMaxLength(200);
        e.Property(x => x.Omschrijving).HasMaxLength(2000);
        e.Property(x => x.AangemaaktDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.GemeenteId, x.Naam }).IsUnique();
        e.HasIndex(x => x.OrganisatorPartnerId);
        e.HasOne(x => x.Gemeente).WithMany().HasForeignKey(x => x.GemeenteId);
        e.HasOne(x => x.OrganisatorMedewerker).WithMany().HasForeignKey(x => x.OrganisatorMedewerkerId);
        e.HasOne(x => x.OrganisatorPartner).WithMany().HasForeignKey(x => x.OrganisatorPartnerId);
        e.HasMany(x => x.Bijeenkomsten).WithOne(x => x.Groepsaanbod).HasForeignKey(x => x.GroepsaanbodId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Deelnames).WithOne(x => x.Groepsaanbod).HasForeignKey(x => x.GroepsaanbodId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Groepsbijeenkomst> e)
    {
        e.ToTable("groepsbijeenkomst");
        e.Property(x => x.Locatie).HasMaxLength(200);
        e.Property(x => x.AangemaaktDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.GroepsaanbodId, x.Datum });
    }

    public void Configure(EntityTypeBuilder<Groepsdeelname> e)
    {
        e.ToTable("groepsdeelname");
        e.Property(x => x.Uitschrijfreden).HasMaxLength(500);
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.GroepsaanbodId, x.InburgeraarId });
        e.HasIndex(x => x.InburgeraarId);
        e.HasOne(x => x.Inburgeraar).WithMany().HasForeignKey(x => x.InburgeraarId);
        e.HasMany(x => x.Aanwezigheid).WithOne(x => x.Groepsdeelname).HasForeignKey(x => x.GroepsdeelnameId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Groepsaanwezigheid> e)
    {
        e.ToTable("groepsaanwezigheid");
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.GroepsbijeenkomstId, x.GroepsdeelnameId }).IsUnique();
        e.HasOne(x => x.Groepsbijeenkomst).WithMany().HasForeignKey(x => x.GroepsbijeenkomstId).OnDelete(DeleteBehavior.Cascade);
    }
}

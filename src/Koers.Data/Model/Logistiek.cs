using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model;

/// <summary>What kind of transport support a municipality gives to reach the lesson location.</summary>
public enum Vervoerssoort
{
    Busabonnement,
    OvVergoeding,
    Fiets,
    Taxi,
    Busje,
    Anders,
}

/// <summary>Why dayparts are impossible (more than one may apply); stored as flags.</summary>
[Flags]
public enum Beschikbaarheidsreden
{
    Geen = 0,
    Kinderopvang = 1,
    Schooltijden = 2,
    Werk = 4,
    Mantelzorg = 8,
    Anders = 16,
}

/// <summary>
/// Travel and availability of one person (issue #23, logistics): where they live (kern), the lesson location they go to
/// now, the travel time to it by public transport and by bike as the klantregisseur recorded it, and the dayparts that
/// are impossible (childcare, school hours, work). One row per person; no row: nothing recorded yet.
/// </summary>
public class Reisprofiel : IGewijzigdOp, IGewijzigdDoor
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public string? Woonkern { get; set; }
    public string? Leslocatie { get; set; }
    public int? ReistijdOvMinuten { get; set; }
    public int? ReistijdFietsMinuten { get; set; }

    /// <summary>The impossible dayparts as bits: bit (day × 3 + part), day 0 = Monday … 6 = Sunday, part 0 ochtend, 1 middag, 2 avond.</summary>
    public int OnmogelijkeDagdelen { get; set; }
    public Beschikbaarheidsreden Redenen { get; set; }
    public string? Toelichting { get; set; }
    public DateTime GewijzigdOp { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;
}

/// <summary>Transport support for one person for a period (a bus for six weeks, an OV-vergoeding); no end date: until further notice.</summary>
public class Vervoersvoorziening
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public Vervoerssoort Soort { get; set; }
    public string? Omschrijving { get; set; }
    public DateOnly Van { get; set; }
    public DateOnly? Tot { get; set; }
    public DateTime VastgelegdOp { get; set; }
    public required string VastgelegdDoor { get; set; }
}

/// <summary>
/// A municipality's logistics settings (functioneel beheer): the maximum travel time without transport support, how many
/// days before transport support ends the worklist warns, the maximum gap between two trajecten, and the list of kernen
/// (one per line) offered as home location. No row: the defaults.
/// </summary>
public class LogistiekInstelling : IGewijzigdOp, IGewijzigdDoor
{
    public int Id { get; set; }
    public int GemeenteId { get; set; }
    public int MaxReistijdMinuten { get; set; }
    public int VervoerEindeDagen { get; set; }
    public int MaxTussenpozeDagen { get; set; }
    public string Kernen { get; set; } = string.Empty;
    public DateTime GewijzigdOp { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;
}

public sealed class LogistiekConfiguratie :
    IEntityTypeConfiguration<Reisprofiel>,
    IEntityTypeConfiguration<Vervoersvoorziening>,
    IEntityTypeConfiguration<LogistiekInstelling>
{
    public void Configure(EntityTypeBuilder<Reisprofiel> e)
    {
        e.ToTable("reisprofiel");
        e.Property(x => x.Woonkern).HasMaxLength(100);
        e.Property(x => x.Leslocatie).HasMaxLength(200);
        e.Property(x => x.Toelichting).HasMaxLength(2000);
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        e.HasIndex(x => x.InburgeraarId).IsUnique();
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
    }

    public void Configure(EntityTypeBuilder<Vervoersvoorziening> e)
    {
        e.ToTable("vervoersvoorziening");
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Omschrijving).HasMaxLength(200);
        e.Property(x => x.VastgelegdDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.InburgeraarId, x.Tot });
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
    }

    public void Configure(EntityTypeBuilder<LogistiekInstelling> e)
    {
        e.ToTable("logistiek_instelling");
        e.Property(x => x.Kernen).HasMaxLength(2000);
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        e.HasIndex(x => x.GemeenteId).IsUnique();
        e.HasOne<Gemeente>().WithMany().HasForeignKey(x => x.GemeenteId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model;

/// <summary>
/// What an employer is willing to offer inburgeraars. The kinds are the practice's: MAP practice days at an external
/// employer, taalstages, werkervaringsplaatsen, startbanen and paid jobs
/// (../shared/domain/seed-000-002-003-practice.md §3.10, 000:L679-680, L715-716, L813).
/// </summary>
[Flags]
public enum Werkaanbod
{
    Geen = 0,
    MapPraktijk = 1,
    Taalstage = 2,
    Werkervaringsplaats = 4,
    Startbaan = 8,
    BetaaldeBaan = 16,
}

/// <summary>An employer in a municipality's register (werkgeversregister), kept by klantregisseurs and jobcoaches.</summary>
public class Werkgever : IGewijzigdOp, IGewijzigdDoor
{
    public Guid Id { get; set; }
    public int GemeenteId { get; set; }
    public required string Naam { get; set; }
    public string? Sector { get; set; }
    public Werkaanbod Aanbod { get; set; }

    /// <summary>How many inburgeraars the employer can take at a time; null when not agreed.</summary>
    public int? Capaciteit { get; set; }

    /// <summary>The language level the employer asks for (A0, A1, A2, B1, B2); null when none.</summary>
    public string? Taaleis { get; set; }

    public string? Contactpersoon { get; set; }
    public string? Telefoon { get; set; }
    public string? Email { get; set; }
    public bool Actief { get; set; } = true;
    public List<Werkgeverervaring> Ervaringen { get; set; } = [];
    public DateTime GewijzigdOp { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;
}

/// <summary>An experience with an employer (how a placement went, an agreement), dated and signed.</summary>
public class Werkgeverervaring
{
    public long Id { get; set; }
    public Guid WerkgeverId { get; set; }
    public DateOnly Datum { get; set; }
    public required string Tekst { get; set; }
    public required string Door { get; set; }
    public DateTime VastgelegdOp { get; set; }
}

/// <summary>The kinds of placement (../shared/domain/seed-000-002-003-practice.md §3.10: 000:L679-680, L715-716, L813).</summary>
public enum Plaatsingssoort
{
    MapPraktijk,
    Taalstage,
    Werkervaringsplaats,
    Werkstage,
    Proefplaatsing,
    BetaaldDienstverband,
    Vrijwilligerswerk,
}

/// <summary>How a placement ended.</summary>
public enum Plaatsingsuitkomst
{
    /// <summary>Completed as planned.</summary>
    Afgerond,

    /// <summary>Led to a paid job (at this or another employer).</summary>
    Baan,

    /// <summary>Ended early or failed; a reason is required.</summary>
    Mislukt,
}

/// <summary>
/// A placement of one inburgeraar: at an employer of the register or internal (e.g. a sociale werkvoorziening
/// department, 000:L724-726), with its subsidy, period, jobcoach and weekly evaluations (000:L696-701).
/// </summary>
public class Plaatsing
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }

    /// <summary>The employer; null for an internal placement.</summary>
    public Guid? WerkgeverId { get; set; }
    public Werkgever? Werkgever { get; set; }

    /// <summary>The department of an internal placement (productie, groenvoorziening, …).</summary>
    public string? InternAfdeling { get; set; }

    public Plaatsingssoort Soort { get; set; }
    public bool Startbaan { get; set; }
    public string? Subsidie { get; set; }
    public decimal? SubsidieBedrag { get; set; }
    public DateOnly Start { get; set; }

    /// <summary>The planned end.</summary>
    public DateOnly? Einde { get; set; }

    public decimal? UrenPerWeek { get; set; }

    /// <summary>The jobcoach who guides employer and employee (003:L674-678).</summary>
    public string? Jobcoach { get; set; }

    /// <summary>
    /// The jobcoach's own account (issue #22, "the jobcoach's caseload"): a partner user of a jobcoach organisation of the
    /// case's region, who then sees this placement in their caseload (with the inburgeraar's consent) and records its weekly
    /// evaluations. Null for an external coach without an account, who is named in <see cref="Jobcoach"/> only.
    /// </summary>
    public string? JobcoachGebruikerId { get; set; }
    public Gebruiker? JobcoachGebruiker { get; set; }

    public Plaatsingsuitkomst? Uitkomst { get; set; }
    public DateOnly? BeeindigdOp { get; set; }
    public string? Reden { get; set; }
    public List<Plaatsingsevaluatie> Evaluaties { get; set; } = [];
    public DateTime VastgelegdOp { get; set; }
    public required string VastgelegdDoor { get; set; }
}

/// <summary>A weekly evaluation of a placement: date, what was seen, a score from 1 (poor) to 5 (very good).</summary>
public class Plaatsingsevaluatie
{
    public long Id { get; set; }
    public Guid PlaatsingId { get; set; }
    public DateOnly Datum { get; set; }
    public required string Tekst { get; set; }
    public int Score { get; set; }
    public required string Door { get; set; }
    public DateTime VastgelegdOp { get; set; }
}

/// <summary>Where a person went: Werk.Kom's exit categories (003:L307-318), paid work split in part and full time.</summary>
public enum Uitstroomsoort
{
    BetaaldeBaanDeeltijd,
    BetaaldeBaanVoltijd,
    Vrijwilligerswerk,
    Opleiding,
    Anders,
}

/// <summary>An exit (uitstroom) of one person, on a date.</summary>
public class Uitstroom
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public Uitstroomsoort Soort { get; set; }
    public DateOnly Datum { get; set; }
    public string? Toelichting { get; set; }
    public DateTime VastgelegdOp { get; set; }
    public required string VastgelegdDoor { get; set; }
}

public sealed class WerkConfiguratie :
    IEntityTypeConfiguration<Werkgever>,
    IEntityTypeConfiguration<Werkgeverervaring>,
    IEntityTypeConfiguration<Plaatsing>,
    IEntityTypeConfiguration<Plaatsingsevaluatie>,
    IEntityTypeConfiguration<Uitstroom>
{
    public void Configure(EntityTypeBuilder<Werkgever> e)
    {
        e.ToTable("werkgever");
        e.Property(x => x.Naam).HasMaxLength(200);
        e.Property(x => x.Sector).HasMaxLength(100);
        e.Property(x => x.Taaleis).HasMaxLength(10);
        e.Property(x => x.Contactpersoon).HasMaxLength(200);
        e.Property(x => x.Telefoon).HasMaxLength(40);
        e.Property(x => x.Email).HasMaxLength(200);
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.GemeenteId, x.Naam });
        e.HasOne<Gemeente>().WithMany().HasForeignKey(x => x.GemeenteId);
        e.HasMany(x => x.Ervaringen).WithOne().HasForeignKey(x => x.WerkgeverId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Werkgeverervaring> e)
    {
        e.ToTable("werkgeverervaring");
        e.Property(x => x.Tekst).HasMaxLength(2000);
        e.Property(x => x.Door).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<Plaatsing> e)
    {
        e.ToTable("plaatsing");
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Uitkomst).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.InternAfdeling).HasMaxLength(200);
        e.Property(x => x.Subsidie).HasMaxLength(200);
        e.Property(x => x.SubsidieBedrag).HasPrecision(10, 2);
        e.Property(x => x.UrenPerWeek).HasPrecision(5, 1);
        e.Property(x => x.Jobcoach).HasMaxLength(200);
        e.Property(x => x.Reden).HasMaxLength(2000);
        e.Property(x => x.VastgelegdDoor).HasMaxLength(200);
        e.HasIndex(x => x.InburgeraarId);
        e.HasIndex(x => x.Jobcoach);
        // An account that is removed leaves the placement with its free-text name, not without its history.
        e.HasOne(x => x.JobcoachGebruiker).WithMany().HasForeignKey(x => x.JobcoachGebruikerId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        e.HasOne(x => x.Werkgever).WithMany().HasForeignKey(x => x.WerkgeverId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Evaluaties).WithOne().HasForeignKey(x => x.PlaatsingId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Plaatsingsevaluatie> e)
    {
        e.ToTable("plaatsingsevaluatie");
        e.Property(x => x.Tekst).HasMaxLength(2000);
        e.Property(x => x.Door).HasMaxLength(200);
        e.HasIndex(x => new { x.PlaatsingId, x.Datum });
    }

    public void Configure(EntityTypeBuilder<Uitstroom> e)
    {
        e.ToTable("uitstroom");
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Toelichting).HasMaxLength(2000);
        e.Property(x => x.VastgelegdDoor).HasMaxLength(200);
        e.HasIndex(x => x.InburgeraarId);
        e.HasIndex(x => x.Datum);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
    }
}

using Koers.Data.Model.Keten;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model.Netwerk;

/// <summary>The kind of an entry on a municipality's sociale kaart (000:L528-538: taalcafé, bibliotheek, verenigingen).</summary>
public enum Kaartsoort
{
    Taalcafe,
    Vereniging,
    Bibliotheek,
    Vrijwilligerswerk,
    Taalmaatje,
    Anders,
}

/// <summary>
/// One place or activity on a municipality's sociale kaart, kept by its klantregisseurs and functioneel beheer: the
/// activity catalogue per municipality that practice asks for (seed 000 vervolgactie 6, 000:L528-538).
/// </summary>
public class Kaartitem : IGewijzigdOp, IGewijzigdDoor
{
    public int Id { get; set; }
    public int GemeenteId { get; set; }
    public required string Naam { get; set; }
    public Kaartsoort Soort { get; set; }
    public string? Adres { get; set; }
    public string? Plaats { get; set; }
    public string? Contact { get; set; }

    /// <summary>Languages spoken there, comma separated as written ("Nederlands, Arabisch").</summary>
    public string Talen { get; set; } = string.Empty;

    public string? Notities { get; set; }
    public bool Actief { get; set; } = true;
    public DateTime GewijzigdOp { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;
}

public enum Koppelstatus
{
    Voorgesteld,
    Gestart,
    Gestopt,
}

/// <summary>An entry of the sociale kaart linked to one person by the klantregisseur, with its status.</summary>
public class Kaartkoppeling : IGewijzigdOp, IGewijzigdDoor
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public int KaartitemId { get; set; }
    public Kaartitem? Kaartitem { get; set; }
    public DateOnly Datum { get; set; }
    public Koppelstatus Status { get; set; }
    public string? Toelichting { get; set; }
    public DateTime GewijzigdOp { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;
}

/// <summary>
/// A casusoverleg: a meeting of a municipality's staff with chain partners about some of its cases ("periodieke
/// casus-overleggen en intensievere afstemming over casuïstiek", 000:L444-447).
/// </summary>
public class Casusoverleg : IAangemaaktOp, IAangemaaktDoor
{
    public Guid Id { get; set; }
    public int GemeenteId { get; set; }
    public Gemeente? Gemeente { get; set; }
    public required string Onderwerp { get; set; }
    public DateOnly Datum { get; set; }
    public TimeOnly? Aanvang { get; set; }
    public string? Locatie { get; set; }
    public List<Overlegdeelnemer> Deelnemers { get; set; } = [];
    public List<Casusbespreking> Besprekingen { get; set; } = [];
    public DateTime AangemaaktOp { get; set; }
    public string AangemaaktDoor { get; set; } = string.Empty;
}

/// <summary>A participant: a staff member or a partner organisation (exactly one of the two).</summary>
public class Overlegdeelnemer
{
    public long Id { get; set; }
    public Guid CasusoverlegId { get; set; }
    public int? MedewerkerId { get; set; }
    public Medewerker? Medewerker { get; set; }
    public int? PartnerorganisatieId { get; set; }
    public Partnerorganisatie? Partnerorganisatie { get; set; }
}

/// <summary>One case discussed in a casusoverleg, with the minutes of that discussion.</summary>
public class Casusbespreking : IGewijzigdOp, IGewijzigdDoor
{
    public Guid Id { get; set; }
    public Guid CasusoverlegId { get; set; }
    public Casusoverleg? Casusoverleg { get; set; }
    public Guid InburgeraarId { get; set; }
    public Inburgeraar? Inburgeraar { get; set; }
    public string? Verslag { get; set; }
    public List<Overlegactie> Acties { get; set; } = [];
    public DateTime GewijzigdOp { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;
}

/// <summary>An action agreed on a case: who does it ("wie waarover gaat", 000:L445) and by when; on the owner's worklist.</summary>
public class Overlegactie : IAangemaaktOp, IAangemaaktDoor
{
    public Guid Id { get; set; }
    public Guid CasusbesprekingId { get; set; }
    public Casusbespreking? Casusbespreking { get; set; }
    public required string Tekst { get; set; }
    public int EigenaarId { get; set; }
    public Medewerker? Eigenaar { get; set; }
    public DateOnly Deadline { get; set; }
    public DateTime? GedaanOp { get; set; }
    public string? GedaanDoor { get; set; }
    public DateTime AangemaaktOp { get; set; }
    public string AangemaaktDoor { get; set; } = string.Empty;
}

public sealed class NetwerkConfiguratie :
    IEntityTypeConfiguration<Kaartitem>,
    IEntityTypeConfiguration<Kaartkoppeling>,
    IEntityTypeConfiguration<Casusoverleg>,
    IEntityTypeConfiguration<Overlegdeelnemer>,
    IEntityTypeConfiguration<Casusbespreking>,
    IEntityTypeConfiguration<Overlegactie>
{
    public void Configure(EntityTypeBuilder<Kaartitem> e)
    {
        e.ToTable("sociale_kaart_item");
        e.Property(x => x.Naam).HasMaxLength(200);
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Adres).HasMaxLength(300);
        e.Property(x => x.Plaats).HasMaxLength(100);
        e.Property(x => x.Contact).HasMaxLength(300);
        e.Property(x => x.Talen).HasMaxLength(300);
        e.Property(x => x.Notities).HasMaxLength(2000);
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.GemeenteId, x.Naam }).IsUnique();
        e.HasOne<Gemeente>().WithMany().HasForeignKey(x => x.GemeenteId);
    }

    public void Configure(EntityTypeBuilder<Kaartkoppeling> e)
    {
        e.ToTable("sociale_kaart_koppeling");
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Toelichting).HasMaxLength(1000);
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        e.HasIndex(x => x.InburgeraarId);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        e.HasOne(x => x.Kaartitem).WithMany().HasForeignKey(x => x.KaartitemId);
    }

    public void Configure(EntityTypeBuilder<Casusoverleg> e)
    {
        e.ToTable("casusoverleg");
        e.Property(x => x.Onderwerp).HasMaxLength(200);
        e.Property(x => x.Locatie).HasMaxLength(200);
        e.Property(x => x.AangemaaktDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.GemeenteId, x.Datum });
        e.HasOne(x => x.Gemeente).WithMany().HasForeignKey(x => x.GemeenteId);
        e.HasMany(x => x.Deelnemers).WithOne().HasForeignKey(x => x.CasusoverlegId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Besprekingen).WithOne(x => x.Casusoverleg).HasForeignKey(x => x.CasusoverlegId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Overlegdeelnemer> e)
    {
        e.ToTable("casusoverleg_deelnemer");
        e.HasOne(x => x.Medewerker).WithMany().HasForeignKey(x => x.MedewerkerId);
        e.HasOne(x => x.Partnerorganisatie).WithMany().HasForeignKey(x => x.PartnerorganisatieId);
    }

    public void Configure(EntityTypeBuilder<Casusbespreking> e)
    {
        e.ToTable("casusbespreking");
        e.Property(x => x.Verslag).HasMaxLength(4000);
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.CasusoverlegId, x.InburgeraarId }).IsUnique();
        e.HasIndex(x => x.InburgeraarId);
        e.HasOne(x => x.Inburgeraar).WithMany().HasForeignKey(x => x.InburgeraarId);
        e.HasMany(x => x.Acties).WithOne(x => x.Casusbespreking).HasForeignKey(x => x.CasusbesprekingId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Overlegactie> e)
    {
        e.ToTable("casusoverleg_actie");
        e.Property(x => x.Tekst).HasMaxLength(500);
        e.Property(x => x.GedaanDoor).HasMaxLength(200);
        e.Property(x => x.AangemaaktDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.EigenaarId, x.GedaanOp });
        e.HasOne(x => x.Eigenaar).WithMany().HasForeignKey(x => x.EigenaarId);
    }
}

using Koers.Domain.Afsluiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model.Keten;

/// <summary>How and when the guidance of a case ended. One per case (the key is the case): closing twice is refused.</summary>
public class Afsluiting
{
    public Guid InburgeraarId { get; set; }
    public Afsluitingssoort Soort { get; set; }
    public DateOnly Datum { get; set; }
    public required string Toelichting { get; set; }
    public Ontheffingsgrond? Ontheffingsgrond { get; set; }

    /// <summary>Verhuizing: the municipality the case moves to (CBS code or name).</summary>
    public string? NieuweGemeente { get; set; }
    public required string Door { get; set; }
    public DateTime Op { get; set; }
}

/// <summary>The Z-route eindgesprek: date, report and outcome; a passed one also counts as the Z-route's result.</summary>
public class Eindgesprek
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public DateOnly Datum { get; set; }
    public required string Verslag { get; set; }
    public bool Behaald { get; set; }
    public required string Door { get; set; }
    public DateTime Op { get; set; }
}

/// <summary>
/// The end of the MAP (date of the eindgesprek) or of the PVT (date the participatieverklaring was signed), as the
/// municipality recorded it; with DUO's 'verwijtbaar' indicator when the termijn was overschreden. Every recording is
/// kept; the newest per part is the current one and is what DUO receives (a PUT replaces DUO's whole resource).
/// </summary>
public class MapPvtAfronding
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public Koers.Domain.Duo.MapPvtOnderdeel Onderdeel { get; set; }
    public DateOnly Datum { get; set; }
    public bool? Verwijtbaar { get; set; }
    public string? Toelichting { get; set; }
    public required string Door { get; set; }
    public DateTime Op { get; set; }
}

public enum VerlengingStatus
{
    Aangevraagd,
    Toegekend,
    Afgewezen,
}

/// <summary>A request to DUO to extend the inburgeringstermijn; when granted, the new end is the milestone TermijnVerlengdTot.</summary>
public class Verlengingsaanvraag
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public DateOnly AangevraagdOp { get; set; }
    public required string Reden { get; set; }
    public DateOnly GevraagdTot { get; set; }
    public VerlengingStatus Status { get; set; }
    public DateOnly? BesluitOp { get; set; }
    public DateOnly? ToegekendTot { get; set; }
    public required string Door { get; set; }
    public DateTime Op { get; set; }
}

public sealed class AfsluitingConfiguratie :
    IEntityTypeConfiguration<Afsluiting>,
    IEntityTypeConfiguration<Eindgesprek>,
    IEntityTypeConfiguration<Verlengingsaanvraag>,
    IEntityTypeConfiguration<MapPvtAfronding>
{
    public void Configure(EntityTypeBuilder<MapPvtAfronding> e)
    {
        e.ToTable("map_pvt_afronding");
        e.Property(x => x.Onderdeel).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Toelichting).HasMaxLength(2000);
        e.Property(x => x.Door).HasMaxLength(200);
        e.HasIndex(x => new { x.InburgeraarId, x.Onderdeel });
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
    }

    public void Configure(EntityTypeBuilder<Afsluiting> e)
    {
        e.ToTable("afsluiting");
        e.HasKey(x => x.InburgeraarId);
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Ontheffingsgrond).HasConversion<string>().HasMaxLength(60);
        e.Property(x => x.Toelichting).HasMaxLength(2000);
        e.Property(x => x.NieuweGemeente).HasMaxLength(200);
        e.Property(x => x.Door).HasMaxLength(200);
        e.HasOne<Inburgeraar>().WithOne().HasForeignKey<Afsluiting>(x => x.InburgeraarId);
    }

    public void Configure(EntityTypeBuilder<Eindgesprek> e)
    {
        e.ToTable("eindgesprek");
        e.Property(x => x.Verslag).HasMaxLength(8000);
        e.Property(x => x.Door).HasMaxLength(200);
        e.HasIndex(x => x.InburgeraarId);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
    }

    public void Configure(EntityTypeBuilder<Verlengingsaanvraag> e)
    {
        e.ToTable("verlengingsaanvraag");
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Reden).HasMaxLength(2000);
        e.Property(x => x.Door).HasMaxLength(200);
        e.HasIndex(x => x.InburgeraarId);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
    }
}

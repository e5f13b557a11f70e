using Koers.Data;
using Koers.Domain.Handhaving;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model.Keten;

/// <summary>One step of a municipality's escalation ladder (functioneel beheer). Unique per (gemeente, volgorde).</summary>
public class HandhavingLadderstap : IGewijzigdOp, IGewijzigdDoor
{
    public int Id { get; set; }
    public int GemeenteId { get; set; }
    public int Volgorde { get; set; }
    public Handhavingssoort Soort { get; set; }
    public required string Naam { get; set; }

    /// <summary>Letter text with placeholders such as {naam} and {reactiedatum}; empty for a talk.</summary>
    public string Brieftekst { get; set; } = string.Empty;
    public int ReactietermijnDagen { get; set; }

    /// <summary>Only for a boete: the amount, from the municipality's verordening.</summary>
    public decimal? Bedrag { get; set; }
    public DateTime GewijzigdOp { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;

    public Ladderstap AlsStap() => new(Volgorde, Soort, Naam, Brieftekst, ReactietermijnDagen, Bedrag);
}

/// <summary>
/// A PIP obligation the inburgeraar did not meet, recorded by the klantregisseur. The ladder runs per tekortkoming,
/// until a person closes it (with a reason).
/// </summary>
public class Tekortkoming
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public PipVerplichting Verplichting { get; set; }
    public DateOnly Datum { get; set; }
    public required string Omschrijving { get; set; }
    public required string VastgelegdDoor { get; set; }
    public DateTime VastgelegdOp { get; set; }
    public DateOnly? AfgeslotenOp { get; set; }
    public string? AfgeslotenDoor { get; set; }
    public string? RedenAfsluiting { get; set; }
    public List<Handhavingsbesluit> Besluiten { get; set; } = [];
}

/// <summary>
/// A person's decision on a proposed ladder step: taken (with its letter) or skipped, who, when, why, the response
/// deadline and later the outcome. Append-only apart from the outcome.
/// </summary>
public class Handhavingsbesluit
{
    public Guid Id { get; set; }
    public Guid TekortkomingId { get; set; }
    public Guid InburgeraarId { get; set; }
    public int Volgorde { get; set; }
    public Handhavingssoort Soort { get; set; }
    public required string Stapnaam { get; set; }
    public bool Overgeslagen { get; set; }
    public DateOnly Datum { get; set; }
    public required string Reden { get; set; }
    public DateOnly? ReactieUiterlijk { get; set; }
    public decimal? Bedrag { get; set; }

    /// <summary>For a boete or maatregel: the explicit confirmation that the circumstances were weighed.</summary>
    public string? BevestigdDoor { get; set; }
    public string? Uitkomst { get; set; }
    public DateOnly? UitkomstOp { get; set; }
    public string? Kenmerk { get; set; }
    public byte[]? Pdf { get; set; }
    public string? Sha256 { get; set; }

    /// <summary>With a letter: the template version of the letter's frame (<see cref="Briefsjabloonversie"/>); 0: Koers's standard text.</summary>
    public int? Sjabloonversie { get; set; }
    public required string Door { get; set; }
    public DateTime Op { get; set; }

    /// <summary>
    /// For a boete or maatregel: the personal circumstances that were weighed, in the decider's words. Required (CJEU
    /// 4 February 2025, ECLI:EU:C:2025:52, Keren; ABRvS 9 July 2025, ECLI:NL:RVS:2025:3087) and printed in the letter.
    /// </summary>
    public string? Omstandigheden { get; set; }

    /// <summary>Date the letter was sent (bekendmaking, Awb 3:41); for a sanction the bezwaartermijn runs from it.</summary>
    public DateOnly? Verzenddatum { get; set; }
}

public sealed class HandhavingConfiguratie :
    IEntityTypeConfiguration<HandhavingLadderstap>,
    IEntityTypeConfiguration<Tekortkoming>,
    IEntityTypeConfiguration<Handhavingsbesluit>
{
    public void Configure(EntityTypeBuilder<HandhavingLadderstap> e)
    {
        e.ToTable("handhaving_ladderstap");
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Naam).HasMaxLength(200);
        e.Property(x => x.Brieftekst).HasMaxLength(8000);
        e.Property(x => x.Bedrag).HasPrecision(9, 2);
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.GemeenteId, x.Volgorde }).IsUnique();
        e.HasOne<Gemeente>().WithMany().HasForeignKey(x => x.GemeenteId);
    }

    public void Configure(EntityTypeBuilder<Tekortkoming> e)
    {
        e.ToTable("tekortkoming");
        e.Property(x => x.Verplichting).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Omschrijving).HasMaxLength(2000);
        e.Property(x => x.VastgelegdDoor).HasMaxLength(200);
        e.Property(x => x.AfgeslotenDoor).HasMaxLength(200);
        e.Property(x => x.RedenAfsluiting).HasMaxLength(2000);
        e.HasIndex(x => x.InburgeraarId);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        e.HasMany(x => x.Besluiten).WithOne().HasForeignKey(x => x.TekortkomingId);
    }

    public void Configure(EntityTypeBuilder<Handhavingsbesluit> e)
    {
        e.ToTable("handhavingsbesluit");
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Stapnaam).HasMaxLength(200);
        e.Property(x => x.Reden).HasMaxLength(2000);
        e.Property(x => x.Bedrag).HasPrecision(9, 2);
        e.Property(x => x.BevestigdDoor).HasMaxLength(200);
        e.Property(x => x.Uitkomst).HasMaxLength(2000);
        e.Property(x => x.Kenmerk).HasMaxLength(100);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.Door).HasMaxLength(200);
        e.HasIndex(x => x.InburgeraarId);
        // The worklist asks for open response deadlines that passed.
        e.HasIndex(x => new { x.ReactieUiterlijk, x.UitkomstOp });
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
    }
}

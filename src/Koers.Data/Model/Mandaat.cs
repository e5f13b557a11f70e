using Koers.Data;
using Koers.Domain.Besluiten;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model;

/// <summary>
/// Mandate register: per municipality and decision kind, the official who signs on behalf of the college (Awb 10:10).
/// Edited by the functioneel beheerder; every change is audited. Unique per (gemeente, besluitsoort).
/// </summary>
public class Mandaat : IGewijzigdOp, IGewijzigdDoor
{
    public int Id { get; set; }
    public int GemeenteId { get; set; }
    public Besluitsoort Besluitsoort { get; set; }
    public required string Naam { get; set; }
    public required string Functie { get; set; }
    public DateTime GewijzigdOp { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;
}

public sealed class MandaatConfiguratie : IEntityTypeConfiguration<Mandaat>
{
    public void Configure(EntityTypeBuilder<Mandaat> e)
    {
        e.ToTable("mandaat");
        e.Property(x => x.Besluitsoort).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Naam).HasMaxLength(200);
        e.Property(x => x.Functie).HasMaxLength(200);
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.GemeenteId, x.Besluitsoort }).IsUnique();
        e.HasOne<Gemeente>().WithMany().HasForeignKey(x => x.GemeenteId);
    }
}

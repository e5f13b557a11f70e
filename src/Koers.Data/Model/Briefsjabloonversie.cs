using Koers.Domain.Besluiten;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model;

/// <summary>
/// One saved version of a municipality's letter template (see <see cref="Briefsjabloon"/>). Versions are never changed
/// or deleted: a change is a new row with the next number, so every letter can say which text it was made with
/// (<see cref="Beschikking.Sjabloonversie"/>, <see cref="Handhavingsbesluit.Sjabloonversie"/>) and that text can be
/// shown again in bezwaar. Version 0 is Koers's standard text and has no row.
/// </summary>
public class Briefsjabloonversie
{
    public int Id { get; set; }
    public int GemeenteId { get; set; }
    public Briefsoort Soort { get; set; }
    public int Versie { get; set; }
    public required string Tekst { get; set; }

    /// <summary>Why it changed, in the beheerder's words (shown in the version list).</summary>
    public string? Toelichting { get; set; }
    public DateTime OpgeslagenOp { get; set; }
    public required string OpgeslagenDoor { get; set; }
}

public sealed class BriefsjabloonversieConfiguratie : IEntityTypeConfiguration<Briefsjabloonversie>
{
    public void Configure(EntityTypeBuilder<Briefsjabloonversie> e)
    {
        e.ToTable("briefsjabloonversie");
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Tekst).HasMaxLength(Briefsjabloon.MaxLengte);
        e.Property(x => x.Toelichting).HasMaxLength(500);
        e.Property(x => x.OpgeslagenDoor).HasMaxLength(200);

        // Two beheerders saving at once both ask for the next number; the unique index lets only one of them have it.
        e.HasIndex(x => new { x.GemeenteId, x.Soort, x.Versie }).IsUnique();
        e.HasOne<Gemeente>().WithMany().HasForeignKey(x => x.GemeenteId);
    }
}

using Koers.Data;
using Koers.Domain.Geldzaken;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model.Geldzaken;

/// <summary>
/// A municipality's settings for the money around the person (functioneel beheer): the term within which the
/// inrichtingskrediet should be paid after housing. A municipality without a row has the default.
/// </summary>
public class GeldzakenInstellingen : IGewijzigdOp, IGewijzigdDoor
{
    public int GemeenteId { get; set; }
    public Gemeente? Gemeente { get; set; }
    public int InrichtingskredietTermijnDagen { get; set; } = InrichtingskredietRegels.StandaardTermijnDagen;
    public DateTime GewijzigdOp { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;
}

/// <summary>
/// The money of one case outside the monthly ontzorgen payments: the inrichtingskrediet (bijzondere bijstand) with
/// the housing date its term starts from, and the net bijstand per month the statement subtracts the fixed charges from.
/// </summary>
public class Geldzaak : IGewijzigdOp, IGewijzigdDoor
{
    public Guid InburgeraarId { get; set; }
    public DateOnly? HuisvestingOp { get; set; }
    public DateOnly? KredietAangevraagdOp { get; set; }
    public DateOnly? KredietToegekendOp { get; set; }
    public decimal? KredietToegekendBedrag { get; set; }
    public DateOnly? KredietUitbetaaldOp { get; set; }
    public decimal? KredietUitbetaaldBedrag { get; set; }
    public string? KredietNotitie { get; set; }

    /// <summary>The net bijstand per month before the municipality pays the fixed charges; null while unknown.</summary>
    public decimal? NettoBijstandPerMaand { get; set; }
    public DateTime GewijzigdOp { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;

    public KredietFeiten Krediet() => new()
    {
        HuisvestingOp = HuisvestingOp,
        AangevraagdOp = KredietAangevraagdOp,
        ToegekendOp = KredietToegekendOp,
        ToegekendBedrag = KredietToegekendBedrag,
        UitbetaaldOp = KredietUitbetaaldOp,
        UitbetaaldBedrag = KredietUitbetaaldBedrag,
    };
}

public sealed class GeldzakenInstellingenConfiguratie : IEntityTypeConfiguration<GeldzakenInstellingen>
{
    public void Configure(EntityTypeBuilder<GeldzakenInstellingen> e)
    {
        e.ToTable("geldzaken_instellingen");
        e.HasKey(x => x.GemeenteId);
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        e.HasOne(x => x.Gemeente).WithOne().HasForeignKey<GeldzakenInstellingen>(x => x.GemeenteId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class GeldzaakConfiguratie : IEntityTypeConfiguration<Geldzaak>
{
    public void Configure(EntityTypeBuilder<Geldzaak> e)
    {
        e.ToTable("geldzaak");
        e.HasKey(x => x.InburgeraarId);
        e.Property(x => x.KredietToegekendBedrag).HasPrecision(10, 2);
        e.Property(x => x.KredietUitbetaaldBedrag).HasPrecision(10, 2);
        e.Property(x => x.NettoBijstandPerMaand).HasPrecision(10, 2);
        e.Property(x => x.KredietNotitie).HasMaxLength(1000);
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        // The worklist looks for housed cases whose krediet is not paid yet.
        e.HasIndex(x => new { x.KredietUitbetaaldOp, x.HuisvestingOp });
        e.HasOne<Inburgeraar>().WithOne().HasForeignKey<Geldzaak>(x => x.InburgeraarId);
    }
}

using Koers.Data;
using Koers.Domain.Ontzorgen;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model.Ontzorgen;

/// <summary>
/// A municipality's policy for financieel ontzorgen (beleidskeuzes P1-P3, P5): the default, which fixed charges it
/// pays, whether it extends, its training offer, and the account it pays from. The standard duration is
/// <see cref="Gemeente.OntzorgenMaanden"/>, because the legal clock reads it there.
/// </summary>
public class OntzorgenBeleid : IGewijzigdOp, IGewijzigdDoor
{
    public int GemeenteId { get; set; }
    public Gemeente? Gemeente { get; set; }
    public OntzorgenBenadering Benadering { get; set; }
    public bool Huur { get; set; } = true;
    public bool GasEnStroom { get; set; } = true;
    public bool Water { get; set; } = true;
    public bool Zorgverzekering { get; set; } = true;

    /// <summary>Other fixed charges the municipality pays, in words (stadsverwarming, eigen risico, ...).</summary>
    public string? OverigeLasten { get; set; }
    public bool VerlengenToegestaan { get; set; } = true;

    /// <summary>The training in financial self-reliance the municipality offers, proposed for each case.</summary>
    public string? TrainingAanbod { get; set; }

    // The debtor of the SEPA credit transfers: the municipality's own account.
    public required string DebiteurNaam { get; set; }
    public string? DebiteurIban { get; set; }
    public string? DebiteurBic { get; set; }

    public DateTime GewijzigdOp { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;

    public OntzorgenBeleidsregels Regels() => new()
    {
        Benadering = Benadering,
        Huur = Huur,
        GasEnStroom = GasEnStroom,
        Water = Water,
        Zorgverzekering = Zorgverzekering,
        OverigeLasten = OverigeLasten,
        VerlengenToegestaan = VerlengenToegestaan,
    };
}

public sealed class OntzorgenBeleidConfiguratie : IEntityTypeConfiguration<OntzorgenBeleid>
{
    public void Configure(EntityTypeBuilder<OntzorgenBeleid> e)
    {
        e.ToTable("ontzorgen_beleid");
        e.HasKey(x => x.GemeenteId);
        e.Property(x => x.Benadering).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.OverigeLasten).HasMaxLength(500);
        e.Property(x => x.TrainingAanbod).HasMaxLength(200);
        e.Property(x => x.DebiteurNaam).HasMaxLength(70);
        e.Property(x => x.DebiteurIban).HasMaxLength(34);
        e.Property(x => x.DebiteurBic).HasMaxLength(11);
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        e.HasOne(x => x.Gemeente).WithOne().HasForeignKey<OntzorgenBeleid>(x => x.GemeenteId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Koers.Data;
using Koers.Domain.Ontzorgen;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model.Ontzorgen;

/// <summary>
/// The decision letter of a financieel ontzorgen besluit (toepassen, verlengen, afzien; Participatiewet art. 56a/57),
/// stored with the case, immutable, with its hash; one per recorded decision.
/// </summary>
public class Ontzorgenbrief : IAangemaaktOp, IAangemaaktDoor
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public OntzorgenBesluit Besluit { get; set; }
    public DateOnly Datum { get; set; }
    public required string Kenmerk { get; set; }
    public required byte[] Pdf { get; set; }
    public required string Sha256 { get; set; }

    /// <summary>The municipality's template version the letter was made with; 0: Koers's standard text.</summary>
    public int Sjabloonversie { get; set; }

    /// <summary>Date of sending when recorded with the decision; the bezwaar term runs from the day after.</summary>
    public DateOnly? Verzenddatum { get; set; }
    public string AangemaaktDoor { get; set; } = string.Empty;
    public DateTime AangemaaktOp { get; set; }
}

public sealed class OntzorgenbriefConfiguratie : IEntityTypeConfiguration<Ontzorgenbrief>
{
    public void Configure(EntityTypeBuilder<Ontzorgenbrief> e)
    {
        e.ToTable("ontzorgenbrief");
        e.Property(x => x.Besluit).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Kenmerk).HasMaxLength(60);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.AangemaaktDoor).HasMaxLength(200);
        e.HasIndex(x => x.InburgeraarId);
        e.HasIndex(x => x.Kenmerk).IsUnique();
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
    }
}

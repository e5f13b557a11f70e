using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model.Brp;

public enum BrpSignaalSoort
{
    /// <summary>The BRP registers the person in another municipality than the case's.</summary>
    VerhuisdBuitenGemeente,

    /// <summary>The BRP registers the person as deceased.</summary>
    Overleden,
}

/// <summary>
/// What the periodic BRP check found on an open case: a move out of the municipality or a death. A signal for the
/// klantregisseur, never an automatic closure: the move may be a mistake in the BRP, and closing a case has legal
/// consequences a person decides on.
/// </summary>
public class BrpSignaal
{
    public long Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public BrpSignaalSoort Soort { get; set; }

    /// <summary>For a move: the BRP's four-digit code of the new municipality of registration.</summary>
    public string? Gemeentecode { get; set; }

    /// <summary>For a move: the BRP's name of the new municipality.</summary>
    public string? Gemeentenaam { get; set; }

    /// <summary>The date the BRP gives: date of inschrijving in the new municipality, or date of death.</summary>
    public DateOnly? Datum { get; set; }

    public DateTime GevondenOp { get; set; }
    public DateTime? AfgehandeldOp { get; set; }
    public string? AfgehandeldDoor { get; set; }
}

public sealed class BrpSignaalConfiguratie : IEntityTypeConfiguration<BrpSignaal>
{
    public void Configure(EntityTypeBuilder<BrpSignaal> e)
    {
        e.ToTable("brp_signaal");
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Gemeentecode).HasMaxLength(4);
        e.Property(x => x.Gemeentenaam).HasMaxLength(200);
        e.Property(x => x.AfgehandeldDoor).HasMaxLength(200);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId).OnDelete(DeleteBehavior.Cascade);
        // The worklist and the check ask: open signals per case.
        e.HasIndex(x => new { x.InburgeraarId, x.AfgehandeldOp });
    }
}

using Koers.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model;

/// <summary>
/// A voorlopig plan (pre-PIP) made while the person is still in an AZC: the same content as a PIP, but no
/// beschikking, no termijn and nothing for DUO. Kept after it has been taken over as the draft PIP, with that moment.
/// </summary>
public class VoorlopigPlan : IGewijzigdOp, IGewijzigdDoor
{
    public Guid InburgeraarId { get; set; }
    public string InhoudJson { get; set; } = "{}";
    public DateOnly OpgesteldOp { get; set; }
    public DateTime? OvergenomenOp { get; set; }
    public DateTime GewijzigdOp { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;
}

public sealed class VoorlopigPlanConfiguratie : IEntityTypeConfiguration<VoorlopigPlan>
{
    public void Configure(EntityTypeBuilder<VoorlopigPlan> e)
    {
        e.ToTable("voorlopig_plan");
        e.HasKey(x => x.InburgeraarId);
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        e.HasOne<Inburgeraar>().WithOne().HasForeignKey<VoorlopigPlan>(x => x.InburgeraarId);
    }
}

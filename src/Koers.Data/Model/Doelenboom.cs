using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model;

/// <summary>
/// A municipality's doelenboom (issue #22; 003:L13-19): effect → doelen → subdoelen → activiteiten with KPIs, configured
/// by the functioneel beheerder. One row per municipality; the tree is a JSON snapshot of
/// <see cref="Koers.Domain.Monitor.BoomKnoop"/>: it is read and written whole, never queried by part, and holds no
/// personal data.
/// </summary>
public class Doelenboom : IGewijzigdOp, IGewijzigdDoor
{
    public int Id { get; set; }
    public int GemeenteId { get; set; }
    public string InhoudJson { get; set; } = "{}";
    public DateTime GewijzigdOp { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;
}

public sealed class DoelenboomConfiguratie : IEntityTypeConfiguration<Doelenboom>
{
    public void Configure(EntityTypeBuilder<Doelenboom> e)
    {
        e.ToTable("doelenboom");
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        e.HasIndex(x => x.GemeenteId).IsUnique();
        e.HasOne<Gemeente>().WithMany().HasForeignKey(x => x.GemeenteId);
    }
}

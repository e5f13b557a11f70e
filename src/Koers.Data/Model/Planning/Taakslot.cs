using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model.Planning;

/// <summary>
/// A lease for one background task (e.g. the nightly deadline recomputation). Several Koers instances share one
/// database; an instance runs a task only after it took the lease with one atomic UPDATE, so the same work is
/// never done twice at the same time. A row per task, so it works on SQLite and PostgreSQL alike.
/// </summary>
public class Taakslot
{
    public required string Naam { get; set; }

    /// <summary>The instance that holds the lease now (null when free).</summary>
    public string? Eigenaar { get; set; }

    /// <summary>Until when the lease holds; a crashed instance loses it after this moment.</summary>
    public DateTime? VerlooptOp { get; set; }

    /// <summary>The last period (e.g. the date of a nightly run) that completed, so a period runs once.</summary>
    public string? LaatstePeriode { get; set; }
    public DateTime? LaatstVoltooidOp { get; set; }
    public string? LaatstVoltooidDoor { get; set; }
    public int Uitvoeringen { get; set; }
}

public sealed class TaakslotConfiguratie : IEntityTypeConfiguration<Taakslot>
{
    public void Configure(EntityTypeBuilder<Taakslot> e)
    {
        e.ToTable("taakslot");
        e.HasKey(x => x.Naam);
        e.Property(x => x.Naam).HasMaxLength(100);
        e.Property(x => x.Eigenaar).HasMaxLength(200);
        e.Property(x => x.LaatstePeriode).HasMaxLength(100);
        e.Property(x => x.LaatstVoltooidDoor).HasMaxLength(200);
    }
}

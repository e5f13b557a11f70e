using Koers.Domain.Dossier;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model.Keten;

/// <summary>How a trajectory product is given (000:L1094-1103, vervolgactie 10: digital education for a small group).</summary>
public enum Lesvorm
{
    Klassikaal,
    Online,
    Zelfstudie,
    Gemengd,
}

/// <summary>
/// One version of a trajectory product in a partner's catalogue: route, onderdeel, level, delivery mode, price per
/// period and whether the SPUK pays for it (practice: "configurable trajectory products with a funding-source flag",
/// seed-000-002-003-practice.md §6.2 A22). A change is a new row with the same <see cref="Productsleutel"/>, a higher
/// <see cref="Versie"/> and a later <see cref="GeldigVanaf"/>; earlier versions stay, so a trajectory that started under
/// one keeps its price. A version is in force from its own date up to the day before the next version's.
/// </summary>
public class Trajectproduct : IAangemaaktOp, IAangemaaktDoor
{
    public int Id { get; set; }

    /// <summary>The same for every version of one product.</summary>
    public Guid Productsleutel { get; set; }
    public int Versie { get; set; }
    public int PartnerorganisatieId { get; set; }
    public Partnerorganisatie? Partnerorganisatie { get; set; }
    public required string Naam { get; set; }
    public Onderdeel Onderdeel { get; set; }

    /// <summary>Only for this leerroute; null: every route (KNM, MAP, PVT are the same for all).</summary>
    public Leerroute? Leerroute { get; set; }

    /// <summary>The level the product aims at, such as A1, A2, B1 or B2 (free text, at most 20).</summary>
    public string? Niveau { get; set; }
    public Lesvorm Lesvorm { get; set; }
    public decimal PrijsPerPeriode { get; set; }

    /// <summary>The length of one price period in months (1 = per month, 12 = per year).</summary>
    public int PeriodeMaanden { get; set; } = 1;

    /// <summary>Whether the cost may be charged to the specific grant (SPUK) and so counts in the SiSa accountability.</summary>
    public bool SpukDeclarabel { get; set; }
    public DateOnly GeldigVanaf { get; set; }
    public DateTime AangemaaktOp { get; set; }
    public string AangemaaktDoor { get; set; } = string.Empty;
}

public sealed class InkoopConfiguratie : IEntityTypeConfiguration<Trajectproduct>
{
    public void Configure(EntityTypeBuilder<Trajectproduct> e)
    {
        e.ToTable("trajectproduct");
        e.Property(x => x.Naam).HasMaxLength(200);
        e.Property(x => x.Onderdeel).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Leerroute).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Lesvorm).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Niveau).HasMaxLength(20);
        e.Property(x => x.PrijsPerPeriode).HasPrecision(10, 2);
        e.Property(x => x.AangemaaktDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.Productsleutel, x.Versie }).IsUnique();
        e.HasIndex(x => x.PartnerorganisatieId);
        e.HasOne(x => x.Partnerorganisatie).WithMany().HasForeignKey(x => x.PartnerorganisatieId).OnDelete(DeleteBehavior.Restrict);
    }
}

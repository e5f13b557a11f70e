using Koers.Data;
using Koers.Domain.Ontzorgen;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model.Ontzorgen;

/// <summary>
/// One monthly payment run of a municipality: the SEPA credit-transfer file (pain.001.001.03) as sent, immutable,
/// with its hash. A month can have several runs; each pays only what earlier runs of that month did not.
/// </summary>
public class Betaalrun : IAangemaaktOp, IAangemaaktDoor
{
    public Guid Id { get; set; }
    public int GemeenteId { get; set; }
    public Gemeente? Gemeente { get; set; }

    /// <summary>The first day of the month paid.</summary>
    public DateOnly Maand { get; set; }

    /// <summary>1 for the first run of this month, 2 for a supplementary run, …</summary>
    public int Volgnummer { get; set; }
    public required string MsgId { get; set; }
    public DateOnly Uitvoerdatum { get; set; }
    public int AantalTransacties { get; set; }
    public decimal Totaal { get; set; }
    public required string DebiteurNaam { get; set; }
    public required string DebiteurIban { get; set; }
    public string? DebiteurBic { get; set; }
    public required byte[] Xml { get; set; }
    public required string Sha256 { get; set; }
    public DateTime AangemaaktOp { get; set; }
    public string AangemaaktDoor { get; set; } = string.Empty;
    public List<Betaalregel> Regels { get; set; } = [];
}

/// <summary>
/// One transfer of a run. Unique per (municipality, month, case, payee): that key is what makes a second run of
/// the same month pay nothing twice, also when two runs are started at once. Holds the payee's data as paid.
/// </summary>
public class Betaalregel
{
    public long Id { get; set; }
    public Guid BetaalrunId { get; set; }
    public int GemeenteId { get; set; }
    public DateOnly Maand { get; set; }
    public Guid InburgeraarId { get; set; }
    public Guid BetalingId { get; set; }
    public Begunstigde Soort { get; set; }
    public required string CrediteurNaam { get; set; }
    public required string Iban { get; set; }
    public string? Bic { get; set; }
    public required string Omschrijving { get; set; }
    public required string EndToEndId { get; set; }
    public decimal Bedrag { get; set; }
    public decimal BedragPerMaand { get; set; }
    public DateOnly Van { get; set; }
    public DateOnly Tot { get; set; }
    public int Dagen { get; set; }
    public int DagenInMaand { get; set; }
}

public sealed class BetaalrunConfiguratie : IEntityTypeConfiguration<Betaalrun>
{
    public void Configure(EntityTypeBuilder<Betaalrun> e)
    {
        e.ToTable("ontzorgen_betaalrun");
        e.Property(x => x.MsgId).HasMaxLength(35);
        e.Property(x => x.Totaal).HasPrecision(12, 2);
        e.Property(x => x.DebiteurNaam).HasMaxLength(70);
        e.Property(x => x.DebiteurIban).HasMaxLength(34);
        e.Property(x => x.DebiteurBic).HasMaxLength(11);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.AangemaaktDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.GemeenteId, x.Maand, x.Volgnummer }).IsUnique();
        e.HasIndex(x => x.MsgId).IsUnique();
        e.HasOne(x => x.Gemeente).WithMany().HasForeignKey(x => x.GemeenteId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Regels).WithOne().HasForeignKey(x => x.BetaalrunId);
    }
}

public sealed class BetaalregelConfiguratie : IEntityTypeConfiguration<Betaalregel>
{
    public void Configure(EntityTypeBuilder<Betaalregel> e)
    {
        e.ToTable("ontzorgen_betaalregel");
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.CrediteurNaam).HasMaxLength(70);
        e.Property(x => x.Iban).HasMaxLength(34);
        e.Property(x => x.Bic).HasMaxLength(11);
        e.Property(x => x.Omschrijving).HasMaxLength(140);
        e.Property(x => x.EndToEndId).HasMaxLength(35);
        e.Property(x => x.Bedrag).HasPrecision(10, 2);
        e.Property(x => x.BedragPerMaand).HasPrecision(10, 2);
        e.HasIndex(x => new { x.GemeenteId, x.Maand, x.InburgeraarId, x.BetalingId }).IsUnique();
        e.HasIndex(x => x.InburgeraarId);
        e.HasOne<Gemeente>().WithMany().HasForeignKey(x => x.GemeenteId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<OntzorgenBetaling>().WithMany().HasForeignKey(x => x.BetalingId).OnDelete(DeleteBehavior.Restrict);
    }
}

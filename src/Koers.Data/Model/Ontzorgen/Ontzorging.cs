using Koers.Data;
using Koers.Domain.Ontzorgen;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model.Ontzorgen;

/// <summary>
/// Financieel ontzorgen of one case: the decision, the afbouwplan towards self-reliance (training, agreements for
/// the transition, handover) and the debts signal. The period itself follows the legal clock; only an extension
/// is stored here.
/// </summary>
public class Ontzorging : IGewijzigdOp, IGewijzigdDoor
{
    public Guid InburgeraarId { get; set; }

    /// <summary>Null while no decision is recorded (the afbouwplan or a debts signal may come first).</summary>
    public OntzorgenBesluit? Besluit { get; set; }
    public string? Reden { get; set; }
    public DateOnly? Besluitdatum { get; set; }
    public DateOnly? VerlengdTot { get; set; }

    public string? TrainingNaam { get; set; }
    public DateOnly? TrainingGepland { get; set; }
    public DateOnly? TrainingAfgerond { get; set; }

    /// <summary>Agreements for the moment the client pays the fixed charges again.</summary>
    public string? Afspraken { get; set; }

    /// <summary>Who takes over after ontzorgen, e.g. a budgetcoach.</summary>
    public string? OverdrachtAan { get; set; }

    public bool SchuldenGesignaleerd { get; set; }
    public DateOnly? SchuldenOp { get; set; }
    public string? SchuldenNotitie { get; set; }
    public DateOnly? SchuldenAfgehandeldOp { get; set; }

    public DateTime GewijzigdOp { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;
}

/// <summary>A payee the municipality pays each month on the client's behalf, with the amount for a whole month.</summary>
public class OntzorgenBetaling : IAangemaaktOp, IGewijzigdOp
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public Begunstigde Soort { get; set; }

    /// <summary>For <see cref="Begunstigde.Overig"/>: which fixed charge.</summary>
    public string? Omschrijving { get; set; }
    public required string Naam { get; set; }
    public required string Iban { get; set; }
    public string? Bic { get; set; }
    public required string Betalingskenmerk { get; set; }
    public decimal BedragPerMaand { get; set; }

    /// <summary>Optional narrowing of the case's period for this payee (a new contract, the client takes over).</summary>
    public DateOnly? Vanaf { get; set; }
    public DateOnly? Tot { get; set; }

    /// <summary>Removed payees stay for the payment history.</summary>
    public bool Verwijderd { get; set; }
    public DateTime AangemaaktOp { get; set; }
    public DateTime GewijzigdOp { get; set; }
}

/// <summary>An evaluation moment of the afbouwplan, planned or held.</summary>
public class OntzorgenEvaluatie
{
    public long Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public EvaluatieSoort Soort { get; set; }
    public DateOnly Datum { get; set; }
    public bool Gehouden { get; set; }
    public string? Verslag { get; set; }
}

public sealed class OntzorgingConfiguratie : IEntityTypeConfiguration<Ontzorging>
{
    public void Configure(EntityTypeBuilder<Ontzorging> e)
    {
        e.ToTable("ontzorging");
        e.HasKey(x => x.InburgeraarId);
        e.Property(x => x.Besluit).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Reden).HasMaxLength(2000);
        e.Property(x => x.TrainingNaam).HasMaxLength(200);
        e.Property(x => x.Afspraken).HasMaxLength(4000);
        e.Property(x => x.OverdrachtAan).HasMaxLength(200);
        e.Property(x => x.SchuldenNotitie).HasMaxLength(1000);
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        // The worklist signals look for extended periods and open debt signals.
        e.HasIndex(x => x.VerlengdTot);
        e.HasIndex(x => x.SchuldenGesignaleerd);
        e.HasOne<Inburgeraar>().WithOne().HasForeignKey<Ontzorging>(x => x.InburgeraarId);
    }
}

public sealed class OntzorgenBetalingConfiguratie : IEntityTypeConfiguration<OntzorgenBetaling>
{
    public void Configure(EntityTypeBuilder<OntzorgenBetaling> e)
    {
        e.ToTable("ontzorgen_betaling");
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Omschrijving).HasMaxLength(100);
        e.Property(x => x.Naam).HasMaxLength(70);
        e.Property(x => x.Iban).HasMaxLength(34);
        e.Property(x => x.Bic).HasMaxLength(11);
        e.Property(x => x.Betalingskenmerk).HasMaxLength(100);
        e.Property(x => x.BedragPerMaand).HasPrecision(10, 2);
        e.HasIndex(x => x.InburgeraarId);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
    }
}

public sealed class OntzorgenEvaluatieConfiguratie : IEntityTypeConfiguration<OntzorgenEvaluatie>
{
    public void Configure(EntityTypeBuilder<OntzorgenEvaluatie> e)
    {
        e.ToTable("ontzorgen_evaluatie");
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Verslag).HasMaxLength(2000);
        e.HasIndex(x => x.InburgeraarId);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
    }
}

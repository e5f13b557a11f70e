using Koers.Data;
using Koers.Domain.Clock;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model;

/// <summary>
/// Per municipality and kind of deadline: how many days before its date an open deadline turns orange (on the worklist
/// and the case page). Set by functioneel beheer; every change is audited. No row: <see cref="Standaard"/> days, the
/// fixed horizon Koers had before this was configurable. Unique per (gemeente, termijn).
/// </summary>
public class Termijnsignalering : IGewijzigdOp, IGewijzigdDoor
{
    public const int Standaard = 14;
    public const int Maximum = 365;

    public int Id { get; set; }
    public int GemeenteId { get; set; }
    public TermijnCode Termijn { get; set; }
    public int DagenVooraf { get; set; }
    public DateTime GewijzigdOp { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;
}

public sealed class TermijnsignaleringConfiguratie : IEntityTypeConfiguration<Termijnsignalering>
{
    public void Configure(EntityTypeBuilder<Termijnsignalering> e)
    {
        e.ToTable("termijnsignalering");
        e.Property(x => x.Termijn).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.GemeenteId, x.Termijn }).IsUnique();
        e.HasOne<Gemeente>().WithMany().HasForeignKey(x => x.GemeenteId);
    }
}

/// <summary>
/// The daily e-mail about deadlines to one klantregisseur on one Dutch date: the row is the claim, inserted before the
/// mail is sent. The unique index on (medewerker, datum) lets only one instance claim a person's day, so two Koers
/// instances never both send it. <see cref="VerzondenOp"/> is set once the mail server accepted the mail; a claim whose
/// send failed is removed again, so a later round retries.
/// </summary>
public class Termijnmail
{
    public long Id { get; set; }
    public int MedewerkerId { get; set; }
    public DateOnly Datum { get; set; }
    public int Aantal { get; set; }
    public DateTime GeclaimdOp { get; set; }
    public required string GeclaimdDoor { get; set; }
    public DateTime? VerzondenOp { get; set; }
}

public sealed class TermijnmailConfiguratie : IEntityTypeConfiguration<Termijnmail>
{
    public void Configure(EntityTypeBuilder<Termijnmail> e)
    {
        e.ToTable("termijnmail");
        e.Property(x => x.GeclaimdDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.MedewerkerId, x.Datum }).IsUnique();
        e.HasOne<Medewerker>().WithMany().HasForeignKey(x => x.MedewerkerId).OnDelete(DeleteBehavior.Cascade);
    }
}

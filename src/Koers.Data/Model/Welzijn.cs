using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model;

/// <summary>When a mental well-being screening was done: at the brede intake or as the re-check at a voortgangsgesprek.</summary>
public enum Screeningsmoment
{
    BredeIntake,
    Voortgangsgesprek,
    Tussentijds,
}

/// <summary>Whether the screening found a signal of mental problems.</summary>
public enum Welzijnssignaal
{
    Nee,
    Ja,
    Onbekend,
}

/// <summary>What kind of signal (a coarse category; no diagnosis is recorded).</summary>
public enum Signaalsoort
{
    Stress,
    Somberheid,
    Angst,
    Trauma,
    Slaapproblemen,
    Verslaving,
    Overig,
}

public enum Ernst
{
    Licht,
    Matig,
    Ernstig,
}

/// <summary>Who raised the signal.</summary>
public enum Signaalherkomst
{
    EigenMelding,
    Klantregisseur,
    Partner,
    Huisarts,
    Overig,
}

/// <summary>Where a health referral goes.</summary>
public enum Zorgsoort
{
    Ggz,
    PohGgz,
    Traumazorg,
    MaatschappelijkWerk,
    Overig,
}

/// <summary>The status flow of a health referral: aangemeld → zorg gestart → afgerond, or afgewezen / gestopt with a reason.</summary>
public enum Zorgstatus
{
    Aangemeld,
    ZorgGestart,
    Afgerond,
    Afgewezen,
    Gestopt,
}

/// <summary>
/// One mental well-being screening of one person (special-category health data, AVG art. 9): the signal, its kind,
/// severity and source, on a date, by whom. Only the case workers of the municipality read it.
/// </summary>
public class Welzijnsscreening
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public Screeningsmoment Moment { get; set; }
    public Guid? VoortgangsgesprekId { get; set; }
    public Welzijnssignaal Signaal { get; set; }
    public Signaalsoort? Soort { get; set; }
    public Ernst? Ernst { get; set; }
    public Signaalherkomst? Bron { get; set; }
    public DateOnly Datum { get; set; }
    public string? Toelichting { get; set; }
    public DateTime VastgelegdOp { get; set; }
    public required string VastgelegdDoor { get; set; }
}

/// <summary>A referral to health care (GGZ, POH-GGZ, trauma care, …) with its status and a follow-up date for the worklist.</summary>
public class Zorgverwijzing
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public Guid? ScreeningId { get; set; }
    public Zorgsoort Naar { get; set; }

    /// <summary>The care provider's name ('Stichting Papili'), optional.</summary>
    public string? Zorgaanbieder { get; set; }

    public Zorgstatus Status { get; set; }
    public DateOnly AangemeldOp { get; set; }
    public DateOnly? ZorgGestartOp { get; set; }
    public DateOnly? BeeindigdOp { get; set; }

    /// <summary>Why the referral was refused or stopped.</summary>
    public string? Reden { get; set; }

    /// <summary>When the klantregisseur checks on it; reaches the worklist when due, cleared when the referral ends.</summary>
    public DateOnly? Opvolgdatum { get; set; }

    /// <summary>
    /// The person's appointment with the care provider (intake or first session), when the klantregisseur knows it; shown
    /// to the inburgeraar in the portal while it is upcoming. Date, optional time and place.
    /// </summary>
    public DateOnly? AfspraakDatum { get; set; }
    public TimeOnly? AfspraakTijd { get; set; }
    public string? AfspraakPlaats { get; set; }

    public DateTime VastgelegdOp { get; set; }
    public required string VastgelegdDoor { get; set; }
    public DateTime? GewijzigdOp { get; set; }
    public string? GewijzigdDoor { get; set; }
}

/// <summary>
/// A municipality's well-being settings (functioneel beheer): the reasons someone is "nog niet startklaar", one per line,
/// and the default term in weeks until the klantregisseur contacts them again. No row: the defaults.
/// </summary>
public class WelzijnInstelling : IGewijzigdOp, IGewijzigdDoor
{
    public int Id { get; set; }
    public int GemeenteId { get; set; }
    public string Redenen { get; set; } = string.Empty;
    public int HerbenaderWeken { get; set; }
    public DateTime GewijzigdOp { get; set; }
    public string GewijzigdDoor { get; set; } = string.Empty;
}

/// <summary>
/// "Nog niet startklaar": the inburgeraar cannot start yet for the reasons given, and is contacted again on
/// <see cref="Herbenaderdatum"/>. Open until <see cref="AfgehandeldOp"/> (startklaar, or a new registration replaced it).
/// </summary>
public class NietStartklaar
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }

    /// <summary>The reasons chosen from the municipality's list, one per line (the text as it was then).</summary>
    public required string Redenen { get; set; }

    public DateOnly Datum { get; set; }
    public DateOnly Herbenaderdatum { get; set; }
    public string? Toelichting { get; set; }
    public DateOnly? AfgehandeldOp { get; set; }
    public DateTime VastgelegdOp { get; set; }
    public required string VastgelegdDoor { get; set; }
}

public sealed class WelzijnConfiguratie :
    IEntityTypeConfiguration<Welzijnsscreening>,
    IEntityTypeConfiguration<Zorgverwijzing>,
    IEntityTypeConfiguration<WelzijnInstelling>,
    IEntityTypeConfiguration<NietStartklaar>
{
    public void Configure(EntityTypeBuilder<Welzijnsscreening> e)
    {
        e.ToTable("welzijnsscreening");
        e.Property(x => x.Moment).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Signaal).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Ernst).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Bron).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Toelichting).HasMaxLength(2000);
        e.Property(x => x.VastgelegdDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.InburgeraarId, x.Datum });
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        e.HasOne<Keten.Voortgangsgesprek>().WithMany().HasForeignKey(x => x.VoortgangsgesprekId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<Zorgverwijzing> e)
    {
        e.ToTable("zorgverwijzing");
        e.Property(x => x.Naar).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Zorgaanbieder).HasMaxLength(200);
        e.Property(x => x.AfspraakPlaats).HasMaxLength(200);
        e.Property(x => x.Reden).HasMaxLength(2000);
        e.Property(x => x.VastgelegdDoor).HasMaxLength(200);
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.InburgeraarId, x.Status });
        e.HasIndex(x => x.Opvolgdatum);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        e.HasOne<Welzijnsscreening>().WithMany().HasForeignKey(x => x.ScreeningId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<WelzijnInstelling> e)
    {
        e.ToTable("welzijn_instelling");
        e.Property(x => x.Redenen).HasMaxLength(2000);
        e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
        e.HasIndex(x => x.GemeenteId).IsUnique();
        e.HasOne<Gemeente>().WithMany().HasForeignKey(x => x.GemeenteId);
    }

    public void Configure(EntityTypeBuilder<NietStartklaar> e)
    {
        e.ToTable("niet_startklaar");
        e.Property(x => x.Redenen).HasMaxLength(2000);
        e.Property(x => x.Toelichting).HasMaxLength(2000);
        e.Property(x => x.VastgelegdDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.InburgeraarId, x.AfgehandeldOp });
        e.HasIndex(x => x.Herbenaderdatum);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
    }
}

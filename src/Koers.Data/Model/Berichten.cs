using Koers.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model;

/// <summary>How Koers may reach an inburgeraar outside the portal.</summary>
public enum Berichtkanaal
{
    Email,
    Sms,
}

/// <summary>Who recorded a consent: the person themselves in the portal, or the klantregisseur (on paper, by phone, at the desk).</summary>
public enum ToestemmingBron
{
    Portaal,
    Klantregisseur,
}

/// <summary>
/// One recorded choice (opt-in or opt-out) for notifications on one channel. Never updated: every change is a new
/// row, so it can always be shown who chose what, when and how (AVG art. 7 lid 1: the controller must be able to
/// demonstrate consent). The newest row per channel is the one in force; no row means no consent.
/// </summary>
public class Berichttoestemming
{
    public long Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public Berichtkanaal Kanaal { get; set; }
    public bool Aan { get; set; }
    public DateTime Op { get; set; }

    /// <summary>The account that recorded it (the inburgeraar's own, or the klantregisseur's).</summary>
    public required string Door { get; set; }
    public ToestemmingBron Via { get; set; }

    /// <summary>For a consent recorded by the klantregisseur: how the person gave it ("telefonisch", "formulier aan de balie").</summary>
    public string? Toelichting { get; set; }
}

public enum NotificatieSoort
{
    AfspraakGepland,
    AfspraakGewijzigd,
    AfspraakGeannuleerd,
    NieuweBrief,
    BerichtKlantregisseur,
}

/// <summary>
/// The life of an outgoing notification. Wachtend → Bezig (claimed, committed before the SMTP conversation starts)
/// → Verzonden. A message found Bezig after a crash is not sent again automatically (it may have left): it becomes
/// Onzeker for beheer to decide. Mislukt after the last retry; Vervallen when the person withdrew consent before it left.
/// </summary>
public enum NotificatieStatus
{
    Wachtend,
    Bezig,
    Verzonden,
    Mislukt,
    Onzeker,
    Vervallen,
}

/// <summary>
/// An e-mail or SMS to the inburgeraar, written in the same transaction as its cause (the appointment, the letter,
/// the message) and sent later by <c>BerichtVerzender</c>. The text is fixed when the row is written, in the
/// person's portal language, so what was sent can be shown exactly. No special-category data and no BSN in it.
/// </summary>
public class Notificatie : IAangemaaktOp, IAangemaaktDoor
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }

    /// <summary>
    /// What caused it, per channel (e.g. 'afspraak:{id}:3:Email'): unique, so the same cause never makes a second
    /// message, however often the code that adds it runs.
    /// </summary>
    public required string Sleutel { get; set; }
    public NotificatieSoort Soort { get; set; }
    public Berichtkanaal Kanaal { get; set; }

    /// <summary>The portal language the text is in (nl, en, ar, fa, ti, tr, uk).</summary>
    public required string Taal { get; set; }

    /// <summary>E-mail address or phone number at the time of writing.</summary>
    public required string Aan { get; set; }
    public required string Onderwerp { get; set; }
    public required string Tekst { get; set; }

    /// <summary>iCalendar attachment (text/calendar) for appointments.</summary>
    public string? Ics { get; set; }

    /// <summary>'REQUEST' or 'CANCEL' for the iCalendar part's method parameter.</summary>
    public string? IcsMethode { get; set; }
    public NotificatieStatus Status { get; set; }
    public int Pogingen { get; set; }
    public DateTime? VolgendePogingOp { get; set; }
    public DateTime? BezigSinds { get; set; }
    public string? Melding { get; set; }
    public DateTime AangemaaktOp { get; set; }
    public string AangemaaktDoor { get; set; } = string.Empty;
    public DateTime? VerzondenOp { get; set; }
}

public sealed class BerichtenConfiguratie : IEntityTypeConfiguration<Berichttoestemming>, IEntityTypeConfiguration<Notificatie>
{
    public void Configure(EntityTypeBuilder<Berichttoestemming> e)
    {
        e.ToTable("berichttoestemming");
        e.Property(x => x.Kanaal).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Via).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Door).HasMaxLength(200);
        e.Property(x => x.Toelichting).HasMaxLength(500);
        e.HasIndex(x => new { x.InburgeraarId, x.Kanaal, x.Id });
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
    }

    public void Configure(EntityTypeBuilder<Notificatie> e)
    {
        e.ToTable("notificatie");
        e.Property(x => x.Sleutel).HasMaxLength(200);
        e.HasIndex(x => x.Sleutel).IsUnique();
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Kanaal).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Taal).HasMaxLength(5);
        e.Property(x => x.Aan).HasMaxLength(200);
        e.Property(x => x.Onderwerp).HasMaxLength(300);
        e.Property(x => x.Tekst).HasMaxLength(4000);
        e.Property(x => x.Ics).HasMaxLength(8000);
        e.Property(x => x.IcsMethode).HasMaxLength(10);
        e.Property(x => x.Melding).HasMaxLength(2000);
        e.Property(x => x.AangemaaktDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.Status, x.AangemaaktOp });
        e.HasIndex(x => x.InburgeraarId);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
    }
}

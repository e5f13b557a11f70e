using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model.Keten;

/// <summary>
/// The skills a language partner reports progress on: exactly the four language skills of
/// <see cref="Koers.Domain.Pip.Vaardigheid"/> (the PIP's levels, as DUO codes them) plus KNM, which has no language
/// level and so is not a PIP skill. It stays a separate enum because the PIP's skills must not include KNM (the PIP
/// keys language levels on them). The shared members take their values from the domain enum, so renaming or
/// removing a PIP skill breaks the build here, and VaardigheidTests fails when a skill is added to one side only.
/// Stored as strings: the names must stay. Where both namespaces are in scope, say which one is meant (as
/// PartnerInzage does with a using-alias).
/// </summary>
public enum Vaardigheid
{
    Lezen = (int)Koers.Domain.Pip.Vaardigheid.Lezen,
    Luisteren = (int)Koers.Domain.Pip.Vaardigheid.Luisteren,
    Schrijven = (int)Koers.Domain.Pip.Vaardigheid.Schrijven,
    Spreken = (int)Koers.Domain.Pip.Vaardigheid.Spreken,
    Knm,
}

/// <summary>A dated estimate of the current level in one skill, by a partner or the municipality.</summary>
public class Vaardigheidsvoortgang
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public int? PartnerorganisatieId { get; set; }
    public Vaardigheid Vaardigheid { get; set; }
    public DateOnly Datum { get; set; }

    /// <summary>CEFR estimate: A0, A1, A1+, A2, A2+, B1, B1+, B2 (for KNM: "onvoldoende", "voldoende").</summary>
    public required string Niveau { get; set; }
    public string? Notitie { get; set; }
    public Gegevensbron Bron { get; set; }
    public DateTime VastgelegdOp { get; set; }
    public required string VastgelegdDoor { get; set; }
}

public enum Voortgangssignaalsoort
{
    Afwezigheid,
    DreigendeUitval,
    Uitval,
    Overig,
}

/// <summary>
/// A warning from a partner (or the municipality) that the trajectory is at risk. It stays open on the
/// klantregisseur's worklist until a person handles it; nothing follows from it automatically.
/// </summary>
public class Voortgangssignaal
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public int? PartnerorganisatieId { get; set; }
    public Voortgangssignaalsoort Soort { get; set; }
    public DateOnly Datum { get; set; }
    public required string Notitie { get; set; }
    public Gegevensbron Bron { get; set; }
    public DateTime VastgelegdOp { get; set; }
    public required string VastgelegdDoor { get; set; }
    public DateTime? AfgehandeldOp { get; set; }
    public string? AfgehandeldDoor { get; set; }
    public string? Afhandeling { get; set; }
}

public enum Gespreksstatus
{
    Gepland,
    Gehouden,
    NietVerschenen,
    /// <summary>Cancelled before it took place; the inburgeraar gets a calendar cancellation when opted in.</summary>
    Geannuleerd,
}

/// <summary>A progress talk about the PIP: planned, then held (with report and agreed actions) or a no-show.</summary>
public class Voortgangsgesprek
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public DateOnly GeplandOp { get; set; }

    /// <summary>Start time (Dutch local time) of a planned talk; null: only the day is known.</summary>
    public TimeOnly? Tijd { get; set; }

    /// <summary>Where the talk is held, as told to the inburgeraar ('Gemeentehuis Eersel, Markt 2').</summary>
    public string? Locatie { get; set; }

    /// <summary>
    /// Raised on every change of day, time, place or status of a planned talk: the iCalendar SEQUENCE, so the
    /// person's calendar replaces the earlier entry (same UID) instead of adding a second one.
    /// </summary>
    public int Volgnummer { get; set; }
    public Gespreksstatus Status { get; set; }

    /// <summary>The day the talk was held (or the no-show happened).</summary>
    public DateOnly? Datum { get; set; }
    public string? Aanwezigen { get; set; }
    public string? Verslag { get; set; }
    public List<Voortgangsafspraak> Afspraken { get; set; } = [];
    public DateTime VastgelegdOp { get; set; }
    public required string VastgelegdDoor { get; set; }
}

/// <summary>An action agreed in a progress talk: who does what by when, and whether it was done.</summary>
public class Voortgangsafspraak
{
    public long Id { get; set; }
    public Guid VoortgangsgesprekId { get; set; }
    public required string Omschrijving { get; set; }
    public required string Eigenaar { get; set; }
    public DateOnly? Uiterlijk { get; set; }
    public bool Gedaan { get; set; }
}

/// <summary>One CSV attendance upload by a partner: counts and the refused rows, so the result can be shown and downloaded again.</summary>
public class Urenupload
{
    public Guid Id { get; set; }
    public int PartnerorganisatieId { get; set; }

    /// <summary>The uploaded file's name, for display only (never used as a path).</summary>
    public required string Bestandsnaam { get; set; }
    public required string Sha256 { get; set; }
    public int Regels { get; set; }
    public int Toegevoegd { get; set; }
    public int Bijgewerkt { get; set; }
    public int Ongewijzigd { get; set; }
    public int Fouten { get; set; }

    /// <summary>The refused rows as CSV (regel;reden;original columns), for the download on the result page.</summary>
    public required string FoutenCsv { get; set; }
    public DateTime Op { get; set; }
    public required string Door { get; set; }
}

public sealed class VoortgangConfiguratie :
    IEntityTypeConfiguration<Vaardigheidsvoortgang>,
    IEntityTypeConfiguration<Voortgangssignaal>,
    IEntityTypeConfiguration<Voortgangsgesprek>,
    IEntityTypeConfiguration<Voortgangsafspraak>,
    IEntityTypeConfiguration<Urenupload>
{
    public void Configure(EntityTypeBuilder<Vaardigheidsvoortgang> e)
    {
        e.ToTable("vaardigheidsvoortgang");
        e.Property(x => x.Vaardigheid).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Bron).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Niveau).HasMaxLength(20);
        e.Property(x => x.Notitie).HasMaxLength(2000);
        e.Property(x => x.VastgelegdDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.InburgeraarId, x.Vaardigheid, x.Datum });
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        e.HasOne<Partnerorganisatie>().WithMany().HasForeignKey(x => x.PartnerorganisatieId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Voortgangssignaal> e)
    {
        e.ToTable("voortgangssignaal");
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Bron).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Notitie).HasMaxLength(2000);
        e.Property(x => x.VastgelegdDoor).HasMaxLength(200);
        e.Property(x => x.AfgehandeldDoor).HasMaxLength(200);
        e.Property(x => x.Afhandeling).HasMaxLength(2000);
        e.HasIndex(x => new { x.InburgeraarId, x.AfgehandeldOp });
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        e.HasOne<Partnerorganisatie>().WithMany().HasForeignKey(x => x.PartnerorganisatieId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Voortgangsgesprek> e)
    {
        e.ToTable("voortgangsgesprek");
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Locatie).HasMaxLength(300);
        e.Property(x => x.Aanwezigen).HasMaxLength(500);
        e.Property(x => x.Verslag).HasMaxLength(8000);
        e.Property(x => x.VastgelegdDoor).HasMaxLength(200);
        e.HasIndex(x => x.InburgeraarId);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        e.HasMany(x => x.Afspraken).WithOne().HasForeignKey(x => x.VoortgangsgesprekId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Voortgangsafspraak> e)
    {
        e.ToTable("voortgangsafspraak");
        e.Property(x => x.Omschrijving).HasMaxLength(1000);
        e.Property(x => x.Eigenaar).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<Urenupload> e)
    {
        e.ToTable("urenupload");
        e.Property(x => x.Bestandsnaam).HasMaxLength(260);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.Door).HasMaxLength(200);
        e.HasIndex(x => new { x.PartnerorganisatieId, x.Op });
        e.HasOne<Partnerorganisatie>().WithMany().HasForeignKey(x => x.PartnerorganisatieId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model.Keten;

/// <summary>What kind of work a chain partner does for the municipality.</summary>
public enum Partnersoort
{
    Taalaanbieder,
    MaatschappelijkeBegeleiding,
    MapJobcoach,
    PvtAanbieder,
    Budgetbeheer,
    Kinderopvang,
    Ggz,
}

/// <summary>
/// The kinds of personal data a consent (machtiging) can open to a partner. A partner sees a case only with an
/// active consent, and within it only the categories consented to: health data never reaches a language school
/// unless the inburgeraar signed for exactly that.
/// </summary>
[Flags]
public enum Gegevenscategorie
{
    Geen = 0,
    /// <summary>Name, date of birth, contact details, languages: needed for any referral.</summary>
    Basisgegevens = 1,
    /// <summary>The PIP: leerroute, level, components and their hour norms.</summary>
    Leerroute = 2,
    /// <summary>Attendance, hours, progress per skill, exam results, signals.</summary>
    Voortgang = 4,
    /// <summary>Health and wellbeing (leefgebied gezondheid, GGZ).</summary>
    Gezondheid = 8,
    /// <summary>Income, fixed costs, debts, ontzorgen.</summary>
    Financien = 16,
    /// <summary>Work, education and participation history.</summary>
    WerkEnParticipatie = 32,
    /// <summary>Household members and childcare.</summary>
    Gezin = 64,
}

/// <summary>A chain partner organisation, working for one region (and so for all its municipalities).</summary>
public class Partnerorganisatie
{
    public int Id { get; set; }
    public required string Naam { get; set; }
    public Partnersoort Soort { get; set; }
    public int RegioId { get; set; }
    public Regio? Regio { get; set; }
    public string? Contactpersoon { get; set; }
    public string? Email { get; set; }
    public string? Telefoon { get; set; }

    /// <summary>
    /// The organisation's KvK number (8 digits). Staff of this partner may sign in with eHerkenning only when the KvK number
    /// the eHerkenning broker passes is this one; empty: no eHerkenning for this partner.
    /// </summary>
    [System.ComponentModel.DataAnnotations.MaxLength(8)]
    public string? KvkNummer { get; set; }

    /// <summary>
    /// DUO's instellingsnummer (10 characters) of a course provider with the Blik op Werk or TST keurmerk, from DUO's list
    /// (Inburgeringsaanbod API, GET /instellingen). Needed to report an inburgeringsaanbod at this partner.
    /// </summary>
    [System.ComponentModel.DataAnnotations.MaxLength(10)]
    public string? DuoInstellingsnummer { get; set; }

    /// <summary>How many inburgeraars the partner can serve at the same time (places); null is unlimited.</summary>
    public int? Capaciteit { get; set; }
    public bool Actief { get; set; } = true;
}

/// <summary>
/// The inburgeraar's signed consent that one partner may see given categories of their data, for a period.
/// Withdrawal ends it at once; the record itself stays (who consented to what, when, and when it ended).
/// </summary>
public class Machtiging
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public int PartnerorganisatieId { get; set; }
    public Partnerorganisatie? Partnerorganisatie { get; set; }
    public Gegevenscategorie Categorieen { get; set; }
    public DateOnly Van { get; set; }
    public DateOnly? Tot { get; set; }

    /// <summary>How the consent was given, e.g. "Ondertekend formulier" or "Akkoord in Mijn inburgering".</summary>
    public required string Vorm { get; set; }
    public DateTime VastgelegdOp { get; set; }
    public required string VastgelegdDoor { get; set; }
    public DateTime? IngetrokkenOp { get; set; }
    public string? IngetrokkenDoor { get; set; }
    public string? RedenIntrekking { get; set; }

    public bool IsActiefOp(DateOnly dag) => IngetrokkenOp is null && Van <= dag && (Tot is null || dag <= Tot);
}

/// <summary>The kinds of hours the law counts against the PIP (Z-route 800 + 800, MAP 108 with 40 practical, PVT 12).</summary>
public enum Urensoort
{
    Taal,
    Knm,
    Participatie,
    MapTheorie,
    MapPraktijk,
    Pvt,

    // Z-route participation by kind (issue #22; Besluit inburgering 2021 art. 3.14 lid 2 onder b: "activiteiten gericht
    // op zelfredzaamheid, activering en participatie"; the split arbeid/maatschappelijk is maatwerk, 000:L727-729, with
    // vrijwilligerswerk as Werk.Kom counts it, 003:L309-316). Participatie above stays "kind not given". Appended at the
    // end: the column stores the name, so existing rows keep their meaning.
    Arbeidsparticipatie,
    Vrijwilligerswerk,
    MaatschappelijkeParticipatie,
}

public static class UrensoortInfo
{
    /// <summary>Hours that count towards the Z-route's 800 participation hours, whatever their kind.</summary>
    public static bool IsParticipatie(this Urensoort s) =>
        s is Urensoort.Participatie or Urensoort.Arbeidsparticipatie or Urensoort.Vrijwilligerswerk or Urensoort.MaatschappelijkeParticipatie;
}

/// <summary>Who put a fact into Koers.</summary>
public enum Gegevensbron
{
    Gemeente,
    Partner,
    PartnerCsv,
    Duo,
}

/// <summary>
/// Hours of one kind in one week for one case, as reported by one partner (or the municipality). Unique per
/// (case, partner, kind, week): a report for the same week replaces the earlier one, so an upload done twice
/// changes nothing.
/// </summary>
public class Urenregistratie
{
    public long Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public int? PartnerorganisatieId { get; set; }
    public Urensoort Soort { get; set; }

    /// <summary>The Monday of the ISO week the hours belong to.</summary>
    public DateOnly Week { get; set; }
    public decimal Uren { get; set; }

    /// <summary>Hours the inburgeraar was expected but absent (with or without notice).</summary>
    public decimal AfwezigUren { get; set; }
    public bool AfwezigGemeld { get; set; }
    public Gegevensbron Bron { get; set; }
    public DateTime VastgelegdOp { get; set; }
    public required string VastgelegdDoor { get; set; }
}

/// <summary>The exam components of the inburgeringsexamen and the other results that can end the plicht.</summary>
public enum Examenonderdeel
{
    Lezen,
    Luisteren,
    Schrijven,
    Spreken,
    Knm,
    /// <summary>The Z-route has no exam but an eindgesprek about the progress made.</summary>
    ZRouteEindgesprek,
    /// <summary>Onderwijsroute: the diploma or the final assessment of the education.</summary>
    Onderwijsroute,
}

/// <summary>One exam result (or Z-route eindgesprek), from DUO, a partner or the municipality.</summary>
public class Examenresultaat
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public Examenonderdeel Onderdeel { get; set; }
    public DateOnly Datum { get; set; }

    /// <summary>CEFR level taken (A1, A2, B1, …) where it applies.</summary>
    public string? Niveau { get; set; }
    public bool Behaald { get; set; }
    public decimal? Score { get; set; }
    public Gegevensbron Bron { get; set; }

    /// <summary>DUO's or the partner's own key for this result, so the same result delivered twice is kept once.</summary>
    public string? ExternKenmerk { get; set; }
    public int? PartnerorganisatieId { get; set; }
    public DateTime VastgelegdOp { get; set; }
    public required string VastgelegdDoor { get; set; }
}

public sealed class KetenConfiguratie :
    IEntityTypeConfiguration<Partnerorganisatie>,
    IEntityTypeConfiguration<Machtiging>,
    IEntityTypeConfiguration<Urenregistratie>,
    IEntityTypeConfiguration<Examenresultaat>
{
    public void Configure(EntityTypeBuilder<Partnerorganisatie> e)
    {
        e.ToTable("partnerorganisatie");
        e.Property(x => x.Naam).HasMaxLength(200);
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Contactpersoon).HasMaxLength(200);
        e.Property(x => x.Email).HasMaxLength(200);
        e.Property(x => x.Telefoon).HasMaxLength(40);
        e.HasOne(x => x.Regio).WithMany().HasForeignKey(x => x.RegioId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Machtiging> e)
    {
        e.ToTable("machtiging");
        // Flags as an integer: "does this consent include category X" stays one bitwise test in SQL.
        e.Property(x => x.Categorieen).HasConversion<int>();
        e.Property(x => x.Vorm).HasMaxLength(200);
        e.Property(x => x.VastgelegdDoor).HasMaxLength(200);
        e.Property(x => x.IngetrokkenDoor).HasMaxLength(200);
        e.Property(x => x.RedenIntrekking).HasMaxLength(1000);
        e.HasIndex(x => new { x.PartnerorganisatieId, x.InburgeraarId });
        e.HasIndex(x => x.InburgeraarId);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        e.HasOne(x => x.Partnerorganisatie).WithMany().HasForeignKey(x => x.PartnerorganisatieId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Urenregistratie> e)
    {
        e.ToTable("urenregistratie");
        e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Bron).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Uren).HasPrecision(7, 2);
        e.Property(x => x.AfwezigUren).HasPrecision(7, 2);
        e.Property(x => x.VastgelegdDoor).HasMaxLength(200);
        e.HasIndex(x => new { x.InburgeraarId, x.PartnerorganisatieId, x.Soort, x.Week }).IsUnique();
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        e.HasOne<Partnerorganisatie>().WithMany().HasForeignKey(x => x.PartnerorganisatieId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Examenresultaat> e)
    {
        e.ToTable("examenresultaat");
        e.Property(x => x.Onderdeel).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Bron).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Niveau).HasMaxLength(10);
        e.Property(x => x.Score).HasPrecision(7, 2);
        e.Property(x => x.ExternKenmerk).HasMaxLength(100);
        e.Property(x => x.VastgelegdDoor).HasMaxLength(200);
        e.HasIndex(x => x.InburgeraarId);
        e.HasIndex(x => new { x.Bron, x.ExternKenmerk }).IsUnique();
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        e.HasOne<Partnerorganisatie>().WithMany().HasForeignKey(x => x.PartnerorganisatieId).OnDelete(DeleteBehavior.Restrict);
    }
}

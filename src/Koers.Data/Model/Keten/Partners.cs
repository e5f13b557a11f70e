using Koers.Data;
using Koers.Domain.Dossier;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model.Keten;

/// <summary>The part of the inburgering a partner is contracted or asked for.</summary>
public enum Onderdeel
{
    Taal,
    Knm,
    Map,
    Pvt,
    Participatie,
    MaatschappelijkeBegeleiding,
    Jobcoaching,
    Budgetbeheer,
    Kinderopvang,
    Ggz,
}

public enum Tariefsoort
{
    PerTraject,
    PerUur,
}

/// <summary>
/// A contract between the municipality (region) and a partner for one onderdeel, optionally for one leerroute,
/// for a period, at a price per trajectory or per hour.
/// </summary>
public class Partnercontract
{
    public int Id { get; set; }
    public int PartnerorganisatieId { get; set; }
    public Onderdeel Onderdeel { get; set; }

    /// <summary>Only for this leerroute; null is every route.</summary>
    public Leerroute? Leerroute { get; set; }
    public DateOnly Van { get; set; }
    public DateOnly? Tot { get; set; }
    public Tariefsoort Tariefsoort { get; set; }
    public decimal Prijs { get; set; }
    public string? Kenmerk { get; set; }

    /// <summary>
    /// The number of places (persons) bought for the contract period; null: no agreed volume. Compared with the persons
    /// placed via referrals, because route volumes can lie far from the estimate (000:L1094-1095, vervolgactie 9).
    /// </summary>
    public int? Volume { get; set; }
}

public enum Verwijzingsstatus
{
    /// <summary>Sent to the partner; waiting for its answer.</summary>
    Aangemeld,
    /// <summary>The partner accepted; waiting for (or past) the start date.</summary>
    Geaccepteerd,
    Afgewezen,
    /// <summary>Withdrawn by the municipality before the partner started.</summary>
    Ingetrokken,
    Afgerond,
}

/// <summary>
/// A referral (aanmelding) of a case at a partner for one onderdeel. The waiting time runs from the aanmelding to
/// the start date, or to today while the inburgeraar is still waiting.
/// </summary>
public class Verwijzing : IGewijzigdOp
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public int PartnerorganisatieId { get; set; }
    public Partnerorganisatie? Partnerorganisatie { get; set; }
    public Onderdeel Onderdeel { get; set; }
    public Verwijzingsstatus Status { get; set; }
    public DateOnly AangemeldOp { get; set; }
    public required string AangemeldDoor { get; set; }
    public string? Toelichting { get; set; }
    public DateOnly? BeslistOp { get; set; }
    public string? BeslistDoor { get; set; }
    public string? RedenAfwijzing { get; set; }
    public DateOnly? Intakedatum { get; set; }
    public DateOnly? Startdatum { get; set; }
    public DateTime GewijzigdOp { get; set; }

    /// <summary>Still waiting for a place: not refused or withdrawn or finished, and not yet started.</summary>
    public bool WachtOp(DateOnly vandaag) =>
        Status is Verwijzingsstatus.Aangemeld or Verwijzingsstatus.Geaccepteerd && (Startdatum is null || Startdatum > vandaag);

    /// <summary>Started and running: takes one of the partner's places.</summary>
    public bool LooptOp(DateOnly vandaag) => Status == Verwijzingsstatus.Geaccepteerd && Startdatum is { } s && s <= vandaag;

    /// <summary>
    /// Days from aanmelding to start; while waiting, to today. A refused or withdrawn referral that never started
    /// has no waiting time (null).
    /// </summary>
    public int? Wachtdagen(DateOnly vandaag)
    {
        if (Startdatum is { } start && start <= vandaag) return start.DayNumber - AangemeldOp.DayNumber;
        if (WachtOp(vandaag)) return Math.Max(0, vandaag.DayNumber - AangemeldOp.DayNumber);
        return null;
    }
}

/// <summary>
/// The inburgeringsaanbod: the course the municipality offers an asielmigrant at a provider (instelling) to meet the
/// leerroute of the PIP (Wi2021 art. 16; DUO's Inburgeringsaanbod API). DUO keeps one current offer per person and
/// instelling: a new report for the same instelling replaces the earlier one, a withdrawal deletes it.
/// </summary>
public class Inburgeringsaanbod
{
    public Guid Id { get; set; }
    public Guid InburgeraarId { get; set; }
    public int PartnerorganisatieId { get; set; }
    public Partnerorganisatie? Partnerorganisatie { get; set; }

    /// <summary>The referral the offer came from, when there was one.</summary>
    public Guid? VerwijzingId { get; set; }

    /// <summary>DUO's instellingsnummer at the time of reporting (the partner's number may change later).</summary>
    public required string Instellingsnummer { get; set; }

    /// <summary>datumInburgeringsaanbod: the enrolment date; for the B1 and Z route also the start of language and KNM lessons.</summary>
    public DateOnly DatumAanbod { get; set; }
    public DateOnly? VerwachteStart { get; set; }

    /// <summary>verwachteEinddatumOpleiding: DUO's period end, exclusive.</summary>
    public DateOnly? VerwachteEinde { get; set; }
    public Koers.Domain.Pip.Alfabetisering Alfabetisering { get; set; }
    public DateTime GemeldOp { get; set; }
    public required string GemeldDoor { get; set; }
    public DateTime? IngetrokkenOp { get; set; }
    public string? IngetrokkenDoor { get; set; }
}

public sealed class PartnersConfiguratie : IEntityTypeConfiguration<Partnercontract>, IEntityTypeConfiguration<Verwijzing>, IEntityTypeConfiguration<Inburgeringsaanbod>
{
    public void Configure(EntityTypeBuilder<Inburgeringsaanbod> e)
    {
        e.ToTable("inburgeringsaanbod");
        e.Property(x => x.Instellingsnummer).HasMaxLength(10);
        e.Property(x => x.Alfabetisering).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.GemeldDoor).HasMaxLength(200);
        e.Property(x => x.IngetrokkenDoor).HasMaxLength(200);
        e.HasIndex(x => x.InburgeraarId);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        e.HasOne(x => x.Partnerorganisatie).WithMany().HasForeignKey(x => x.PartnerorganisatieId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Partnercontract> e)
    {
        e.ToTable("partnercontract");
        e.Property(x => x.Onderdeel).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Leerroute).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Tariefsoort).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Prijs).HasPrecision(10, 2);
        e.Property(x => x.Kenmerk).HasMaxLength(100);
        e.HasIndex(x => x.PartnerorganisatieId);
        e.HasOne<Partnerorganisatie>().WithMany().HasForeignKey(x => x.PartnerorganisatieId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Verwijzing> e)
    {
        e.ToTable("verwijzing");
        e.Property(x => x.Onderdeel).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.AangemeldDoor).HasMaxLength(200);
        e.Property(x => x.BeslistDoor).HasMaxLength(200);
        e.Property(x => x.Toelichting).HasMaxLength(2000);
        e.Property(x => x.RedenAfwijzing).HasMaxLength(1000);
        e.HasIndex(x => new { x.PartnerorganisatieId, x.Status });
        e.HasIndex(x => x.InburgeraarId);
        e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        e.HasOne(x => x.Partnerorganisatie).WithMany().HasForeignKey(x => x.PartnerorganisatieId).OnDelete(DeleteBehavior.Restrict);
    }
}

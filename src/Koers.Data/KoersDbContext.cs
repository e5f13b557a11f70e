using Koers.Data.Model;
using Koers.Data.Model.Monitor;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Koers.Data;

/// <summary>
/// The one model of Koers. Each provider has its own subclass so each keeps its own migrations
/// (SQLite for the embedded default, PostgreSQL for production).
/// </summary>
public abstract class KoersDbContext(DbContextOptions options) : IdentityDbContext<Gebruiker>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core data-protection keys, shared by all instances (mapping: Model/DataProtectionSleutel.cs).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Regio> Regios => Set<Regio>();
    public DbSet<Gemeente> Gemeenten => Set<Gemeente>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Medewerker> Medewerkers => Set<Medewerker>();
    public DbSet<Inburgeraar> Inburgeraars => Set<Inburgeraar>();
    public DbSet<MijlpaalRegel> Mijlpalen => Set<MijlpaalRegel>();
    public DbSet<MonitorDossier> MonitorDossiers => Set<MonitorDossier>();
    public DbSet<Termijnregel> Termijnen => Set<Termijnregel>();
    public DbSet<Gezinslid> Gezinsleden => Set<Gezinslid>();
    public DbSet<MijlpaalWijziging> MijlpaalWijzigingen => Set<MijlpaalWijziging>();
    public DbSet<TermijnWijziging> TermijnWijzigingen => Set<TermijnWijziging>();
    public DbSet<AuditRegel> Audit => Set<AuditRegel>();
    public DbSet<Intakegesprek> Intakegesprekken => Set<Intakegesprek>();
    public DbSet<LeefgebiedVerslag> Leefgebieden => Set<LeefgebiedVerslag>();
    public DbSet<Diploma> Diplomas => Set<Diploma>();
    public DbSet<BredeIntake> BredeIntakes => Set<BredeIntake>();
    public DbSet<Leerbaarheidstoets> Leerbaarheidstoetsen => Set<Leerbaarheidstoets>();
    public DbSet<PipVersie> PipVersies => Set<PipVersie>();
    public DbSet<Beschikking> Beschikkingen => Set<Beschikking>();
    public DbSet<Bericht> Berichten => Set<Bericht>();
    public DbSet<Berichttoestemming> Berichttoestemmingen => Set<Berichttoestemming>();
    public DbSet<Notificatie> Notificaties => Set<Notificatie>();
    public DbSet<Model.Keten.Partnerorganisatie> Partnerorganisaties => Set<Model.Keten.Partnerorganisatie>();
    public DbSet<Model.Keten.Machtiging> Machtigingen => Set<Model.Keten.Machtiging>();
    public DbSet<Model.Keten.Urenregistratie> Urenregistraties => Set<Model.Keten.Urenregistratie>();
    public DbSet<Model.Keten.Examenresultaat> Examenresultaten => Set<Model.Keten.Examenresultaat>();
    public DbSet<Model.Keten.Partnercontract> Partnercontracten => Set<Model.Keten.Partnercontract>();
    public DbSet<Model.Keten.Verwijzing> Verwijzingen => Set<Model.Keten.Verwijzing>();
    public DbSet<Model.Keten.Trajectproduct> Trajectproducten => Set<Model.Keten.Trajectproduct>();
    public DbSet<Model.Keten.Inburgeringsaanbod> Inburgeringsaanbiedingen => Set<Model.Keten.Inburgeringsaanbod>();
    public DbSet<Model.Keten.Vaardigheidsvoortgang> Vaardigheidsvoortgang => Set<Model.Keten.Vaardigheidsvoortgang>();
    public DbSet<Model.Keten.Voortgangssignaal> Voortgangssignalen => Set<Model.Keten.Voortgangssignaal>();
    public DbSet<Model.Keten.Voortgangsgesprek> Voortgangsgesprekken => Set<Model.Keten.Voortgangsgesprek>();
    public DbSet<Model.Keten.Urenupload> Urenuploads => Set<Model.Keten.Urenupload>();
    public DbSet<Model.Planning.Taakslot> Taaksloten => Set<Model.Planning.Taakslot>();
    public DbSet<Model.Duo.DuoNotificatie> DuoNotificaties => Set<Model.Duo.DuoNotificatie>();
    public DbSet<Model.Duo.DuoUitgaandBericht> DuoUitgaandeBerichten => Set<Model.Duo.DuoUitgaandBericht>();
    public DbSet<Model.Brp.BrpSignaal> BrpSignalen => Set<Model.Brp.BrpSignaal>();
    public DbSet<Model.Zgw.ZgwOpdracht> ZgwOpdrachten => Set<Model.Zgw.ZgwOpdracht>();
    public DbSet<Model.Zgw.ZgwZaak> ZgwZaken => Set<Model.Zgw.ZgwZaak>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as their names: readable in SQL and stable when members are added.
        configurationBuilder.Properties<Doelgroep>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<Leerroute>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<Fase>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<Mijlpaal>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<TermijnCode>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<TermijnSoort>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<Registratiebron>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<AuditActie>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<Koers.Domain.Intake.TolkSoort>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<Koers.Domain.Intake.Leefgebied>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<Koers.Domain.Intake.Diplomawaardering>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<LbtBron>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<PipStatus>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<BeschikkingSoort>().HaveConversion<string>().HaveMaxLength(40);
    }

    /// <summary>
    /// Keeps the monitor's per-case table (Model/Monitor/MonitorDossier.cs) in step with every save. The app's options have
    /// it already (DatabaseSetup): adding it again would make new options for every context, which a pooled context
    /// refuses and which costs an unpooled one EF's lookup of its internal services by those options. Contexts made
    /// otherwise (design time, tools) get it here.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors?.Contains(MonitorDossierBijwerker.Instantie) != true)
        {
            optionsBuilder.AddInterceptors(MonitorDossierBijwerker.Instantie);
        }
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.Entity<Gebruiker>(e =>
        {
            e.Property(x => x.Weergavenaam).HasMaxLength(200);
            e.HasOne(x => x.Medewerker).WithMany().HasForeignKey(x => x.MedewerkerId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => x.InburgeraarId);
            e.HasOne<Model.Keten.Partnerorganisatie>().WithMany().HasForeignKey(x => x.PartnerorganisatieId).OnDelete(DeleteBehavior.SetNull);
        });

        b.Entity<Regio>(e =>
        {
            e.ToTable("regio");
            e.Property(x => x.Naam).HasMaxLength(200);
        });

        b.Entity<Gemeente>(e =>
        {
            e.ToTable("gemeente");
            e.Property(x => x.Code).HasMaxLength(6);
            e.Property(x => x.Naam).HasMaxLength(200);
            e.Property(x => x.Afdeling).HasMaxLength(200);
            e.Property(x => x.Postadres).HasMaxLength(300);
            e.Property(x => x.Telefoon).HasMaxLength(40);
            e.Property(x => x.Website).HasMaxLength(200);
            e.Property(x => x.BezwaarAdres).HasMaxLength(300);
            e.HasIndex(x => x.Code).IsUnique();
            e.HasOne(x => x.Regio).WithMany(r => r.Gemeenten).HasForeignKey(x => x.RegioId);
            e.Ignore(x => x.Instellingen);
        });

        b.Entity<Team>(e =>
        {
            e.ToTable("team");
            e.Property(x => x.Naam).HasMaxLength(200);
            e.HasOne(x => x.Regio).WithMany(r => r.Teams).HasForeignKey(x => x.RegioId);
        });

        b.Entity<Medewerker>(e =>
        {
            e.ToTable("medewerker");
            e.Property(x => x.Naam).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(200);
            e.Property(x => x.Telefoon).HasMaxLength(22);
            e.HasOne(x => x.Team).WithMany(t => t.Leden).HasForeignKey(x => x.TeamId);
            e.HasOne(x => x.Gemeente).WithMany().HasForeignKey(x => x.GemeenteId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Inburgeraar>(e =>
        {
            e.ToTable("inburgeraar");
            e.Property(x => x.Voornamen).HasMaxLength(200);
            e.Property(x => x.Achternaam).HasMaxLength(200);
            e.Property(x => x.Nationaliteit).HasMaxLength(100);
            e.Property(x => x.Talen).HasMaxLength(500);
            e.Property(x => x.Telefoon).HasMaxLength(40);
            e.Property(x => x.Email).HasMaxLength(200);
            e.Property(x => x.PortaalTaal).HasMaxLength(5);
            e.Property(x => x.Adres).HasMaxLength(300);
            e.Property(x => x.AzcLocatie).HasMaxLength(200);
            e.Property(x => x.PipVorigeGemeente).HasMaxLength(4);
            e.HasIndex(x => new { x.GemeenteId, x.Fase });
            // Issue #21 (h-audit): the auditor's search asks "is this row about a case of my region" as a hash of the region's
            // case ids, built once per statement; with the ids in the index it is read from the index alone (~80 pages for
            // 10,000 cases) instead of a heap page per case (~5,400 pages, 27-58 ms).
            e.HasIndex(x => new { x.GemeenteId, x.Id });
            e.HasIndex(x => x.KlantregisseurId);
            e.HasIndex(x => x.Achternaam);
            e.HasOne(x => x.Gemeente).WithMany().HasForeignKey(x => x.GemeenteId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Klantregisseur).WithMany().HasForeignKey(x => x.KlantregisseurId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Mijlpalen).WithOne().HasForeignKey(x => x.InburgeraarId);
            e.HasMany(x => x.Termijnen).WithOne(t => t.Inburgeraar).HasForeignKey(x => x.InburgeraarId);
            e.HasMany(x => x.Gezinsleden).WithOne().HasForeignKey(x => x.InburgeraarId);
            e.Ignore(x => x.VolledigeNaam);
            e.Ignore(x => x.TalenLijst);
        });

        b.Entity<MijlpaalRegel>(e =>
        {
            e.ToTable("mijlpaal");
            e.HasKey(x => new { x.InburgeraarId, x.Soort });
            // Monitor: counts per milestone kind and period read only that kind's rows (index-only on PostgreSQL),
            // not the whole table; at national scale this halved the dashboard (bench/README.md).
            e.HasIndex(x => new { x.Soort, x.Datum }).IncludeProperties(x => x.InburgeraarId);
        });

        b.Entity<Termijnregel>(e =>
        {
            e.ToTable("termijn");
            e.HasKey(x => new { x.InburgeraarId, x.Code });
            e.Property(x => x.Toelichting).HasMaxLength(1000);
            // The worklist asks: open, applicable deadlines up to a date.
            e.HasIndex(x => new { x.Toepasselijk, x.Vervaldatum });
            // Monitor and signals ask for one deadline kind across all cases (e.g. the inburgeringstermijn).
            e.HasIndex(x => new { x.Code, x.Vervaldatum }).IncludeProperties(x => new { x.InburgeraarId, x.Toepasselijk, x.VoldaanOp });
            // The worklist of a municipality, region or klantregisseur goes from the cases to their open deadlines:
            // only open ones are indexed, with what the worklist reads, so each case costs one index-only probe.
            e.HasIndex(x => x.InburgeraarId).HasDatabaseName("IX_termijn_open")
                .HasFilter("\"Toepasselijk\" AND \"VoldaanOp\" IS NULL")
                .IncludeProperties(x => new { x.Code, x.Soort, x.Vervaldatum });
        });

        b.Entity<Gezinslid>(e =>
        {
            e.ToTable("gezinslid");
            e.Property(x => x.Naam).HasMaxLength(200);
            e.Property(x => x.Relatie).HasMaxLength(100);
        });

        b.Entity<MijlpaalWijziging>(e =>
        {
            e.ToTable("mijlpaal_wijziging");
            e.Property(x => x.Door).HasMaxLength(200);
            e.Property(x => x.Reden).HasMaxLength(1000);
            e.HasIndex(x => x.InburgeraarId);
        });

        b.Entity<TermijnWijziging>(e =>
        {
            e.ToTable("termijn_wijziging");
            e.Property(x => x.Aanleiding).HasMaxLength(1000);
            e.HasIndex(x => x.InburgeraarId);
        });

        b.Entity<Intakegesprek>(e =>
        {
            e.ToTable("intakegesprek");
            e.Property(x => x.Tolktaal).HasMaxLength(100);
            e.Property(x => x.Aanwezigen).HasMaxLength(500);
            e.Property(x => x.Notities).HasMaxLength(4000);
            e.Property(x => x.VastgelegdDoor).HasMaxLength(200);
            e.HasIndex(x => x.InburgeraarId);
            e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        });

        b.Entity<LeefgebiedVerslag>(e =>
        {
            e.ToTable("leefgebied_verslag");
            e.HasKey(x => new { x.InburgeraarId, x.Leefgebied });
            e.Property(x => x.AntwoordenJson).HasMaxLength(20000);
            e.Property(x => x.Notities).HasMaxLength(4000);
            e.Property(x => x.GewijzigdDoor).HasMaxLength(200);
            e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        });

        b.Entity<Diploma>(e =>
        {
            e.ToTable("diploma");
            e.Property(x => x.Omschrijving).HasMaxLength(300);
            e.Property(x => x.Land).HasMaxLength(100);
            e.Property(x => x.WaarderingUitkomst).HasMaxLength(300);
            e.HasIndex(x => x.InburgeraarId);
            e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        });

        b.Entity<BredeIntake>(e =>
        {
            e.ToTable("brede_intake");
            e.HasKey(x => x.InburgeraarId);
            e.Property(x => x.AfgerondDoor).HasMaxLength(200);
            e.HasOne<Inburgeraar>().WithOne().HasForeignKey<BredeIntake>(x => x.InburgeraarId);
        });

        b.Entity<Leerbaarheidstoets>(e =>
        {
            e.ToTable("leerbaarheidstoets");
            e.HasKey(x => x.InburgeraarId);
            e.Property(x => x.Afnemer).HasMaxLength(200);
            e.Property(x => x.RedenOverslaan).HasMaxLength(1000);
            e.HasOne<Inburgeraar>().WithOne().HasForeignKey<Leerbaarheidstoets>(x => x.InburgeraarId);
        });

        b.Entity<PipVersie>(e =>
        {
            e.ToTable("pip_versie");
            e.Property(x => x.InhoudJson).HasMaxLength(50000);
            e.Property(x => x.RedenBijstelling).HasMaxLength(2000);
            e.Property(x => x.RedenTeLaat).HasMaxLength(2000);
            e.Property(x => x.VastgesteldDoor).HasMaxLength(200);
            e.Property(x => x.IngetrokkenDoor).HasMaxLength(200);
            e.Property(x => x.RedenIntrekking).HasMaxLength(2000);
            e.HasIndex(x => new { x.InburgeraarId, x.Versie }).IsUnique();
            e.HasIndex(x => new { x.Status, x.Leerroute });
            e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        });

        b.Entity<Beschikking>(e =>
        {
            e.ToTable("beschikking");
            e.Property(x => x.Kenmerk).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.AangemaaktDoor).HasMaxLength(200);
            e.HasIndex(x => x.InburgeraarId);
            e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
            e.HasOne<PipVersie>().WithMany().HasForeignKey(x => x.PipVersieId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Bericht>(e =>
        {
            e.ToTable("bericht");
            e.Property(x => x.Tekst).HasMaxLength(Bericht.MaxLengte);
            e.Property(x => x.Afzender).HasMaxLength(200);
            e.HasIndex(x => x.InburgeraarId);
            e.HasOne<Inburgeraar>().WithMany().HasForeignKey(x => x.InburgeraarId);
        });

        b.Entity<AuditRegel>(e =>
        {
            e.ToTable("audit");
            e.Property(x => x.Gebruiker).HasMaxLength(200);
            e.Property(x => x.Omschrijving).HasMaxLength(1000);
            e.Property(x => x.Rol).HasMaxLength(200);
            e.Property(x => x.Organisatie).HasMaxLength(200);
            e.Property(x => x.IpAdres).HasMaxLength(45);
            e.Property(x => x.ObjectSoort).HasMaxLength(100);
            e.Property(x => x.ObjectId).HasMaxLength(100);
            // Defaults so plain INSERTs that predate these columns (bench generator, bare-SQL scenarios) still work.
            e.Property(x => x.Doel).HasMaxLength(100).HasDefaultValue(string.Empty);
            e.Property(x => x.Resultaat).HasConversion<string>().HasMaxLength(20).HasDefaultValue(AuditResultaat.Toegestaan).HasSentinel((AuditResultaat)(-1));
            e.Property(x => x.VorigeHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
            // Sealing sets it once; as a concurrency token a second sealer that raced for the same row fails instead of overwriting.
            e.Property(x => x.Volgnummer).IsConcurrencyToken();
            e.HasIndex(x => x.InburgeraarId);
            // The auditor's search by period: the region test ("RegioId", "InburgeraarId") read from the index, so the capped
            // count of a day of national audit is an index-only scan instead of a heap fetch per row (AuditQuery).
            e.HasIndex(x => x.Op).IncludeProperties(x => new { x.RegioId, x.InburgeraarId });
            // One row per position: two sealers can never both extend the chain from the same row (no fork).
            e.HasIndex(x => x.Volgnummer).IsUnique();
            // The rows still to be sealed, found without scanning the whole log.
            e.HasIndex(x => x.Id).HasDatabaseName("IX_audit_onverzegeld").HasFilter("\"Volgnummer\" IS NULL");
            e.HasIndex(x => x.RegioId);
            // The auditor's search by account (AuditQuery): one user's newest rows first, without scanning the log; with the
            // columns of the region test included, its capped count is an index-only scan (no heap fetch per row).
            e.HasIndex(x => new { x.Gebruiker, x.Id }).IncludeProperties(x => new { x.RegioId, x.InburgeraarId });
        });

        // Feature areas (ontzorgen, monitor, …) keep their mapping next to their entities.
        b.ApplyConfigurationsFromAssembly(typeof(KoersDbContext).Assembly);

        // BSNs, V-nummers and what carries them are encrypted at rest, with a blind index to find them by.
        Versleuteling.BsnModel.Configureer(b, Versleuteling.BsnModel.BeschermingVan(this));
    }
}

public sealed class SqliteKoersDbContext(DbContextOptions<SqliteKoersDbContext> options) : KoersDbContext(options);

public sealed class PostgresKoersDbContext(DbContextOptions<PostgresKoersDbContext> options) : KoersDbContext(options);

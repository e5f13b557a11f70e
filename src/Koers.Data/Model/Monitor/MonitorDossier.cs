using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model.Monitor;

/// <summary>
/// One row per case with what the monitor counts: the case's dimensions and the dates of its milestones side by
/// side (a materialised pivot of inburgeraar, mijlpaal and the inburgeringstermijn). At national scale (issue #10,
/// 150,000 cases) counting the monitor's figures from the normalised tables needs joins of milestone with milestone
/// and with the case for every figure (seconds per dashboard); on this narrow table each figure is one range scan.
///
/// It is derived data only, never edited by hand: <see cref="MonitorDossierBijwerker"/> rewrites a case's row in
/// the same SaveChanges that changes the case, its milestones or its inburgeringstermijn, and
/// <see cref="MonitorDossiers.VernieuwAllesAsync"/> rebuilds all rows (at start-up and nightly, for data written
/// outside EF such as bulk loads). The case's own row goes with it (cascade).
/// </summary>
public class MonitorDossier
{
    public Guid InburgeraarId { get; set; }
    public int GemeenteId { get; set; }
    public int? KlantregisseurId { get; set; }
    public Doelgroep Doelgroep { get; set; }

    /// <summary>
    /// The route as set in the PIP (issue #24): the leerroute of the first PIP version that was vastgesteld (the one
    /// whose dagtekening is the milestone PipVastgesteld; later bijstellingen and the case's current route do not
    /// move it). Only for a case without any PIP version in Koers (a PIP recorded as a date only, e.g. taken over from
    /// an earlier system) the case's route stands in, the only route known for it.
    /// </summary>
    public Leerroute? Leerroute { get; set; }
    public Fase Fase { get; set; }

    /// <summary>Inflow date: the koppeling, or the BRP date when there was no koppeling.</summary>
    public DateOnly? Instroom { get; set; }
    public DateOnly? Koppeling { get; set; }
    public DateOnly? Brp { get; set; }
    public DateOnly? Intake { get; set; }
    public DateOnly? Pip { get; set; }
    public DateOnly? StartLeerroute { get; set; }
    public DateOnly? Voldaan { get; set; }
    public DateOnly? Ontheffing { get; set; }
    public DateOnly? Verhuisd { get; set; }
    public DateOnly? Uitgeschreven { get; set; }

    /// <summary>End of the inburgeringstermijn (incl. DUO's extension), as the legal clock stored it.</summary>
    public DateOnly? TermijnEinde { get; set; }

    /// <summary>
    /// The last day for the first PIP as the legal clock stored it (Besluit inburgering 2021 art. 5.3 lid 1 with the
    /// Algemene termijnenwet, <c>PipTermijn</c>): the PIP-on-time figure reads this date, so the monitor and the case's
    /// deadline cannot disagree. Null when no term applies (Wi2013, vrijgesteld) or it cannot be computed yet.
    /// </summary>
    public DateOnly? PipUiterlijk { get; set; }

    /// <summary>Score of the leerbaarheidstoets; null when skipped or without a result.</summary>
    public int? LbtScore { get; set; }

    /// <summary>The cesuur that applies to that score: DUO's benodigde score, else 31 before 12 April 2023 and 28 from then on.</summary>
    public int? LbtCesuur { get; set; }
}

public sealed class MonitorDossierConfiguratie : IEntityTypeConfiguration<MonitorDossier>
{
    public void Configure(EntityTypeBuilder<MonitorDossier> e)
    {
        e.ToTable("monitor_dossier");
        e.HasKey(x => x.InburgeraarId);
        e.HasOne<Inburgeraar>().WithOne().HasForeignKey<MonitorDossier>(x => x.InburgeraarId).OnDelete(DeleteBehavior.Cascade);
        // Each period figure reads one date range; the included columns make it index-only on PostgreSQL.
        // Inflow by range, and the five-year development (inflow, PIP, voldaan, drop-out per year) as one
        // index-only pass, half the cost of reading the table.
        e.HasIndex(x => new { x.Instroom, x.Pip, x.Voldaan, x.Verhuisd, x.Uitgeschreven }).IncludeProperties(x => new { x.GemeenteId, x.Doelgroep });
        e.HasIndex(x => x.Brp).IncludeProperties(x => new { x.Koppeling, x.Doelgroep, x.Voldaan, x.TermijnEinde });
        e.HasIndex(x => x.Pip).IncludeProperties(x => new { x.Brp, x.Doelgroep, x.Leerroute, x.LbtScore, x.LbtCesuur, x.PipUiterlijk });
        e.HasIndex(x => x.PipUiterlijk).IncludeProperties(x => new { x.Pip, x.Doelgroep });
        e.HasIndex(x => x.Intake).IncludeProperties(x => x.Brp);
        e.HasIndex(x => x.StartLeerroute).IncludeProperties(x => x.Pip);
        // Closing dates are empty for most cases: partial indexes (PostgreSQL and SQLite both have them).
        e.HasIndex(x => x.Voldaan).HasFilter("\"Voldaan\" IS NOT NULL").IncludeProperties(x => x.TermijnEinde);
        e.HasIndex(x => x.Ontheffing).HasFilter("\"Ontheffing\" IS NOT NULL");
        e.HasIndex(x => x.Verhuisd).HasFilter("\"Verhuisd\" IS NOT NULL");
        e.HasIndex(x => x.Uitgeschreven).HasFilter("\"Uitgeschreven\" IS NOT NULL");
        // Stage and caseload of all cases: an index-only scan instead of reading the table.
        e.HasIndex(x => new { x.Fase, x.KlantregisseurId });
        e.HasIndex(x => x.GemeenteId);
        e.HasIndex(x => x.KlantregisseurId);
    }
}

/// <summary>Rewrites rows of <see cref="MonitorDossier"/> from the normalised tables, in SQL both providers accept.</summary>
public static class MonitorDossiers
{
    private static string Max(Mijlpaal soort) => $"MAX(CASE WHEN m.\"Soort\" = '{soort}' THEN m.\"Datum\" END)";

    private static readonly Mijlpaal[] Gebruikt =
    [
        Mijlpaal.Koppeling, Mijlpaal.BrpInschrijving, Mijlpaal.BredeIntake, Mijlpaal.PipVastgesteld, Mijlpaal.StartLeerroute,
        Mijlpaal.InburgeringsplichtVoldaan, Mijlpaal.Ontheffing, Mijlpaal.Verhuisd, Mijlpaal.Uitgeschreven,
    ];

    // The route of the first PIP version that was set (Vastgesteld, or Vervangen by a bijstelling since); a withdrawn
    // PIP is no PIP. Without any PIP version (PIP recorded as a milestone only), the case's route.
    private const string PipRoute = """
        CASE WHEN EXISTS (SELECT 1 FROM pip_versie pv WHERE pv."InburgeraarId" = i."Id")
            THEN (SELECT pv."Leerroute" FROM pip_versie pv WHERE pv."InburgeraarId" = i."Id" AND pv."Status" IN ('Vastgesteld', 'Vervangen')
                  ORDER BY pv."Versie" LIMIT 1)
            ELSE i."Leerroute" END
        """;

    // An upsert (INSERT ... ON CONFLICT DO UPDATE, the same on PostgreSQL and SQLite) so two saves of one case
    // at the same time cannot collide on the key.
    private static string Sql(string waar) => $"""
        INSERT INTO monitor_dossier ("InburgeraarId", "GemeenteId", "KlantregisseurId", "Doelgroep", "Leerroute", "Fase",
            "Instroom", "Koppeling", "Brp", "Intake", "Pip", "StartLeerroute", "Voldaan", "Ontheffing", "Verhuisd", "Uitgeschreven", "TermijnEinde",
            "PipUiterlijk", "LbtScore", "LbtCesuur")
        SELECT i."Id", i."GemeenteId", i."KlantregisseurId", i."Doelgroep", {PipRoute}, i."Fase",
            COALESCE({Max(Mijlpaal.Koppeling)}, {Max(Mijlpaal.BrpInschrijving)}),
            {Max(Mijlpaal.Koppeling)}, {Max(Mijlpaal.BrpInschrijving)}, {Max(Mijlpaal.BredeIntake)}, {Max(Mijlpaal.PipVastgesteld)},
            {Max(Mijlpaal.StartLeerroute)}, {Max(Mijlpaal.InburgeringsplichtVoldaan)}, {Max(Mijlpaal.Ontheffing)},
            {Max(Mijlpaal.Verhuisd)}, {Max(Mijlpaal.Uitgeschreven)},
            t."Vervaldatum", tp."Vervaldatum",
            CASE WHEN l."Overgeslagen" OR l."Afgenomen" IS NULL THEN NULL ELSE l."Score" END,
            CASE WHEN l."Overgeslagen" OR l."Afgenomen" IS NULL OR l."Score" IS NULL THEN NULL
                ELSE COALESCE(l."CesuurVolgensDuo", CASE WHEN l."Afgenomen" < '{LbtRegels.HuidigeCesuurVanaf:yyyy-MM-dd}' THEN {LbtRegels.OudeCesuur} ELSE {LbtRegels.HuidigeCesuur} END) END
        FROM inburgeraar i
        LEFT JOIN termijn t ON t."InburgeraarId" = i."Id" AND t."Code" = '{TermijnCode.Inburgeringstermijn}'
        LEFT JOIN termijn tp ON tp."InburgeraarId" = i."Id" AND tp."Code" = '{TermijnCode.PipVaststelling}'
        LEFT JOIN leerbaarheidstoets l ON l."InburgeraarId" = i."Id"
        LEFT JOIN mijlpaal m ON m."InburgeraarId" = i."Id" AND m."Soort" IN ({string.Join(", ", Gebruikt.Select(s => $"'{s}'"))})
        WHERE {waar}
        GROUP BY i."Id", i."GemeenteId", i."KlantregisseurId", i."Doelgroep", i."Leerroute", i."Fase",
            t."Vervaldatum", tp."Vervaldatum", l."Overgeslagen", l."Afgenomen", l."Score", l."CesuurVolgensDuo"
        ON CONFLICT ("InburgeraarId") DO UPDATE SET
            "GemeenteId" = excluded."GemeenteId", "KlantregisseurId" = excluded."KlantregisseurId", "Doelgroep" = excluded."Doelgroep",
            "Leerroute" = excluded."Leerroute", "Fase" = excluded."Fase", "Instroom" = excluded."Instroom", "Koppeling" = excluded."Koppeling",
            "Brp" = excluded."Brp", "Intake" = excluded."Intake", "Pip" = excluded."Pip", "StartLeerroute" = excluded."StartLeerroute",
            "Voldaan" = excluded."Voldaan", "Ontheffing" = excluded."Ontheffing", "Verhuisd" = excluded."Verhuisd",
            "Uitgeschreven" = excluded."Uitgeschreven", "TermijnEinde" = excluded."TermijnEinde", "PipUiterlijk" = excluded."PipUiterlijk",
            "LbtScore" = excluded."LbtScore", "LbtCesuur" = excluded."LbtCesuur"
        WHERE {Verschil}
        """;

    // Only rows that differ are written: a rebuild at start-up leaves unchanged rows (and PostgreSQL's
    // visibility map, which keeps the monitor's scans index-only) alone.
    private static readonly string Verschil = string.Join(" OR ",
        new[]
        {
            "GemeenteId", "KlantregisseurId", "Doelgroep", "Leerroute", "Fase", "Instroom", "Koppeling", "Brp", "Intake", "Pip",
            "StartLeerroute", "Voldaan", "Ontheffing", "Verhuisd", "Uitgeschreven", "TermijnEinde", "PipUiterlijk", "LbtScore", "LbtCesuur",
        }.Select(k => $"monitor_dossier.\"{k}\" IS DISTINCT FROM excluded.\"{k}\""));

    private const int Blok = 200;

    /// <summary>Rewrites the rows of these cases (a case that no longer exists has lost its row by cascade).</summary>
    public static async Task VernieuwAsync(DbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        foreach (var blok in ids.Distinct().Chunk(Blok))
        {
            var plaatsen = string.Join(", ", blok.Select((_, n) => $"{{{n}}}"));
            await db.Database.ExecuteSqlRawAsync(Sql($"i.\"Id\" IN ({plaatsen})"), blok.Cast<object>().ToArray(), ct);
        }
    }

    /// <summary>Rebuilds every row: after loads that bypass EF, and as the nightly check.</summary>
    public static async Task<int> VernieuwAllesAsync(DbContext db, CancellationToken ct = default)
    {
        // A national rebuild reads every milestone: seconds, more on a busy machine than the default 30 s allow.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        try
        {
            return await db.Database.ExecuteSqlRawAsync(Sql("1 = 1"), ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }
}

/// <summary>
/// Keeps <see cref="MonitorDossier"/> in step with every SaveChanges: notes which cases had their dimensions,
/// milestones, leerbaarheidstoets, inburgeringstermijn or PIP term changed, and rewrites those rows right after the save (inside the caller's
/// transaction when there is one).
/// </summary>
public sealed class MonitorDossierBijwerker : NaOpslaanInterceptor<HashSet<Guid>>
{
    public static readonly MonitorDossierBijwerker Instantie = new();

    private static readonly string[] Dimensies =
    [
        nameof(Inburgeraar.GemeenteId), nameof(Inburgeraar.KlantregisseurId), nameof(Inburgeraar.Doelgroep),
        nameof(Inburgeraar.Leerroute), nameof(Inburgeraar.Fase),
    ];

    /// <summary>
    /// The leerbaarheidstoets's columns the monitor reads (score and cesuur, see the upsert). A toets that was only read,
    /// or of which only the registration changed, leaves the row as it is: a DUO inbox that notes "aangemeld voor de
    /// toets" refreshed the monitor row for every such event, reading all the case's milestones to write nothing: in the
    /// benchmark's DUO sequence (11,000 events) 2,502 refreshes of 0.9 ms of PostgreSQL each, none of which changed a row.
    /// </summary>
    private static readonly string[] ToetsVelden =
    [
        nameof(Leerbaarheidstoets.Overgeslagen), nameof(Leerbaarheidstoets.Afgenomen), nameof(Leerbaarheidstoets.Score),
        nameof(Leerbaarheidstoets.CesuurVolgensDuo),
    ];

    protected override HashSet<Guid>? Noteer(DbContext db)
    {
        var ids = new HashSet<Guid>();
        foreach (var e in db.ChangeTracker.Entries())
        {
            switch (e.Entity)
            {
                case Inburgeraar i when e.State == EntityState.Added
                                        || (e.State == EntityState.Modified && Dimensies.Any(p => e.Property(p).IsModified)):
                    ids.Add(i.Id);
                    break;
                case MijlpaalRegel m when e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    ids.Add(m.InburgeraarId);
                    break;
                case Leerbaarheidstoets l when e.State is EntityState.Added or EntityState.Deleted
                                               || (e.State == EntityState.Modified && ToetsVelden.Any(p => e.Property(p).IsModified)):
                    ids.Add(l.InburgeraarId);
                    break;
                case PipVersie p when e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    ids.Add(p.InburgeraarId);
                    break;
                case Termijnregel t when t.Code is TermijnCode.Inburgeringstermijn or TermijnCode.PipVaststelling
                                         && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    ids.Add(t.InburgeraarId);
                    break;
            }
        }

        return ids.Count == 0 ? null : ids;
    }

    protected override Task NaAsync(DbContext db, HashSet<Guid> ids, CancellationToken ct) => MonitorDossiers.VernieuwAsync(db, ids, ct);
}

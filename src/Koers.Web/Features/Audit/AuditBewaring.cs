using System.Globalization;
using Koers.Data;
using Koers.Data.Model;
using Koers.Web.Infrastructure;
using Koers.Web.Infrastructure.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Koers.Web.Features.Audit;

/// <summary>What the retention of the audit log removed: per month the rows, and whether a whole partition went.</summary>
public sealed record AuditMaandVerwijderd(DateOnly Maand, long Regels, bool Partitie);

/// <summary>
/// The audit log at national scale. Every read is audited, so the table grows by tens of millions of rows a year.
///
/// On PostgreSQL the table <c>audit</c> is partitioned by month on <c>Op</c> (migration AuditPartities): one partition
/// <c>audit_pJJJJMM</c> per calendar month (UTC), plus <c>audit_default</c> so an insert never fails, whatever its time.
/// This class makes the partitions ahead of time (this month and the next <see cref="MaandenVooruit"/>, idempotent; a
/// month whose rows already landed in the default partition is moved out of it first), and enforces the retention
/// term by dropping whole months (DETACH + DROP: no row-wise DELETE of millions of rows, no bloat, no long lock).
/// On SQLite the table is a plain table and retention deletes rows; the outcome for the auditor is the same.
///
/// Retention term: <c>Koers:Audit:BewaarMaanden</c>, default 60 months. No statute sets a term for an access log: the
/// Wet inburgering 2021 does not, and the AVG only demands that personal data are kept no longer than needed (art. 5
/// lid 1 onder e AVG) while the controller must be able to show lawful processing (art. 5 lid 2 AVG; BIO 12.4.1 asks
/// for logging, not for a term). The municipality sets the term in its own policy (archive selection list); 60 months
/// covers a whole inburgering trajectory (3 years plus extensions) and the AVG inzage over it, and is a setting, not law.
///
/// The hash chain survives: before a month goes, the rows are sealed, and the last chain position removed with its
/// hash becomes the chain's begin anchor (lease row <see cref="BeginAnker"/>), from which <see cref="AuditKeten"/> checks.
/// </summary>
public sealed class AuditBewaring(KoersDbContext db, Klok klok, IConfiguration configuration, AuditKeten keten, Auditlog audit, ILogger<AuditBewaring> log)
{
    public const string Taak = "audit-bewaren";

    /// <summary>The lease row (table taakslot) whose LaatstePeriode holds "position:hash" of the last removed chain row.</summary>
    public const string BeginAnker = "audit-keten-begin";

    public const string Systeem = "Koers (bewaartermijn audit)";
    public const string Standaardpartitie = "audit_default";

    /// <summary>Key of the transaction-scoped advisory lock around partition DDL: two instances never race on it ("AUDITP").</summary>
    private const long DdlSlot = 0x415544495450;

    public int BewaarMaanden => Math.Clamp(configuration.GetValue("Koers:Audit:BewaarMaanden", 60), 1, 1200);

    public int MaandenVooruit => Math.Clamp(configuration.GetValue("Koers:Audit:PartitiesVooruit", 3), 1, 120);

    public static string PartitieNaam(DateOnly maand) => $"audit_p{maand:yyyyMM}";

    private static DateOnly Maand(DateOnly d) => new(d.Year, d.Month, 1);

    private static DateTime Utc(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The first month that is kept: everything before the first day of the month that lies the term ago goes.</summary>
    public DateOnly Grens => Maand(klok.Vandaag.AddMonths(-BewaarMaanden));

    /// <summary>True on PostgreSQL once the migration made <c>audit</c> a partitioned table.</summary>
    public async Task<bool> GepartitioneerdAsync(CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql()) return false;
        return await Scalar<bool>("SELECT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'audit' AND relkind = 'p' AND relnamespace = current_schema()::regnamespace)", ct);
    }

    /// <summary>The monthly partitions that exist now, oldest first (PostgreSQL; empty elsewhere).</summary>
    public async Task<List<string>> PartitiesAsync(CancellationToken ct = default)
    {
        if (!await GepartitioneerdAsync(ct)) return [];
        var namen = await db.Database.SqlQueryRaw<string>(
            """
            SELECT c.relname AS "Value" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'audit'::regclass ORDER BY c.relname
            """).ToListAsync(ct);
        return namen;
    }

    /// <summary>The default partition and the months from this one to <see cref="MaandenVooruit"/> ahead. Idempotent.</summary>
    public async Task<int> ZorgVoorPartitiesAsync(CancellationToken ct = default)
    {
        if (!await GepartitioneerdAsync(ct)) return 0;
        var maand = Maand(klok.Vandaag);
        var gemaakt = 0;
        for (var i = 0; i <= MaandenVooruit; i++)
        {
            if (await MaakMaandAsync(maand.AddMonths(i), ct)) gemaakt++;
        }

        return gemaakt;
    }

    /// <summary>
    /// Makes the partition of one month if it is not there; true when it was made. Rows of that month that are in the
    /// default partition (written before the partition existed) are moved into it, so attaching cannot fail on them.
    /// </summary>
    public async Task<bool> ZorgVoorMaandAsync(DateOnly maand, CancellationToken ct = default) =>
        await GepartitioneerdAsync(ct) && await MaakMaandAsync(maand, ct);

    /// <summary>The work of <see cref="ZorgVoorMaandAsync"/> once the caller knows the table is partitioned (the start-up
    /// loop asks the catalog once, not once per month).</summary>
    private async Task<bool> MaakMaandAsync(DateOnly maand, CancellationToken ct)
    {
        maand = Maand(maand);
        var naam = PartitieNaam(maand);
        var van = Utc(maand).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var tot = Utc(maand.AddMonths(1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Uitvoeren($"SELECT pg_advisory_xact_lock({DdlSlot})", ct);
        await Uitvoeren($"CREATE TABLE IF NOT EXISTS {Standaardpartitie} PARTITION OF audit DEFAULT", ct);
        if (await Scalar<bool>($"SELECT to_regclass('{naam}') IS NOT NULL", ct))
        {
            await tx.CommitAsync(ct);
            return false;
        }

        // Both bounds as UTC instants: the column is timestamp with time zone, the session's time zone must not shift them.
        var bereik = $"FROM ('{van} 00:00:00+00') TO ('{tot} 00:00:00+00')";
        var inStandaard = await Scalar<bool>($"""SELECT EXISTS (SELECT 1 FROM {Standaardpartitie} WHERE "Op" >= '{van} 00:00:00+00' AND "Op" < '{tot} 00:00:00+00')""", ct);
        if (!inStandaard)
        {
            await Uitvoeren($"CREATE TABLE {naam} PARTITION OF audit FOR VALUES {bereik}", ct);
        }
        else
        {
            // A plain table of the same shape takes the month's rows out of the default partition, then joins as the
            // month's partition (attaching builds the parent's indexes on it).
            await Uitvoeren($"CREATE TABLE {naam} (LIKE audit INCLUDING DEFAULTS INCLUDING CONSTRAINTS)", ct);
            await Uitvoeren($"""
                WITH weg AS (DELETE FROM {Standaardpartitie} WHERE "Op" >= '{van} 00:00:00+00' AND "Op" < '{tot} 00:00:00+00' RETURNING *)
                INSERT INTO {naam} SELECT * FROM weg
                """, ct);
            await Uitvoeren($"ALTER TABLE audit ATTACH PARTITION {naam} FOR VALUES {bereik}", ct);
            log.LogInformation("Auditpartitie {Partitie} gemaakt; regels uit de standaardpartitie erheen verplaatst", naam);
        }

        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Removes what is older than the term: on PostgreSQL each expired month's partition whole (DETACH + DROP) and the
    /// expired rows of the default partition; on SQLite the rows. Every removed month is written to the audit log (how
    /// many rows, which month), and the chain's begin anchor moves past the removed rows, in the same transaction.
    /// </summary>
    public async Task<List<AuditMaandVerwijderd>> VerwijderVerlopenAsync(CancellationToken ct = default)
    {
        var grens = Grens;
        var grensUtc = Utc(grens);
        // Sealed first: the begin anchor must cover every removed row, and an unsealed row has no place in the chain yet.
        await keten.VerzegelAsync(ct);

        var gepartitioneerd = await GepartitioneerdAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (gepartitioneerd) await Uitvoeren($"SELECT pg_advisory_xact_lock({DdlSlot})", ct);

        // The last chain position among the removed rows, and its hash: where the check starts from now on.
        var laatste = await db.Audit.AsNoTracking().Where(a => a.Op < grensUtc && a.Volgnummer != null)
            .OrderByDescending(a => a.Volgnummer).Select(a => new { a.Volgnummer, a.Hash }).FirstOrDefaultAsync(ct);

        var verwijderd = new List<AuditMaandVerwijderd>();
        if (gepartitioneerd)
        {
            foreach (var partitie in await PartitiesAsync(ct))
            {
                if (!partitie.StartsWith("audit_p", StringComparison.Ordinal) ||
                    !DateOnly.TryParseExact(partitie["audit_p".Length..] + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var maand) ||
                    maand.AddMonths(1) > grens)
                {
                    continue;
                }

                var regels = await Scalar<long>($"SELECT count(*) FROM {partitie}", ct);
                await Uitvoeren($"ALTER TABLE audit DETACH PARTITION {partitie}", ct);
                await Uitvoeren($"DROP TABLE {partitie}", ct);
                verwijderd.Add(new AuditMaandVerwijderd(maand, regels, true));
            }
        }

        // Rows not in a monthly partition (SQLite; on PostgreSQL what the default partition holds): row by row, per month.
        var rest = await db.Audit.AsNoTracking().Where(a => a.Op < grensUtc)
            .GroupBy(a => new { a.Op.Year, a.Op.Month }).Select(g => new { g.Key.Year, g.Key.Month, Aantal = g.LongCount() }).ToListAsync(ct);
        if (rest.Count > 0)
        {
            await db.Audit.Where(a => a.Op < grensUtc).ExecuteDeleteAsync(ct);
            verwijderd.AddRange(rest.Select(r => new AuditMaandVerwijderd(new DateOnly(r.Year, r.Month, 1), r.Aantal, false)));
        }

        if (laatste is { Volgnummer: { } positie, Hash: { } hash })
        {
            var huidig = Anker((await db.Taaksloten.AsNoTracking().FirstOrDefaultAsync(t => t.Naam == BeginAnker, ct))?.LaatstePeriode);
            if (huidig is null || huidig.Value.Volgnummer < positie)
            {
                var tekst = $"{positie}:{hash}";
                if (huidig is null) db.Taaksloten.Add(new Data.Model.Planning.Taakslot { Naam = BeginAnker, LaatstePeriode = tekst });
                else await db.Taaksloten.Where(t => t.Naam == BeginAnker).ExecuteUpdateAsync(s => s.SetProperty(t => t.LaatstePeriode, tekst), ct);
            }
        }

        foreach (var m in verwijderd.GroupBy(v => v.Maand).OrderBy(g => g.Key))
        {
            var aantal = m.Sum(v => v.Regels);
            var hoe = m.Any(v => v.Partitie) ? "partitie verwijderd" : "regels verwijderd";
            audit.Schrijf(AuditActie.Wijzigen, null,
                $"Auditlog van {m.Key:yyyy-MM} verwijderd ({hoe}): {aantal.ToString("N0", Nl)} regels; bewaartermijn van {BewaarMaanden} maanden verstreken",
                new AuditObject("Auditmaand", m.Key.ToString("yyyy-MM", CultureInfo.InvariantCulture)), door: Systeem, doel: "bewaartermijn");
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var v in verwijderd) log.LogInformation("Auditlog {Maand:yyyy-MM}: {Regels} regels verwijderd (bewaartermijn)", v.Maand, v.Regels);
        return verwijderd;
    }

    /// <summary>The begin anchor: the chain position and hash of the last row removed by retention, or null.</summary>
    public static (long Volgnummer, string Hash)? Anker(string? tekst) =>
        tekst?.Split(':') is [var n, var h] && long.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? (v, h) : null;

    private static readonly CultureInfo Nl = new("nl-NL");

    // Names and dates in these statements come from this class (partition names it made, dates it formatted), never from input.
#pragma warning disable EF1002
    private Task<int> Uitvoeren(string sql, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(sql, ct);
#pragma warning restore EF1002

    private async Task<T> Scalar<T>(string sql, CancellationToken ct)
    {
        var verbinding = (NpgsqlConnection)db.Database.GetDbConnection();
        var open = verbinding.State == System.Data.ConnectionState.Open;
        if (!open) await verbinding.OpenAsync(ct);
        try
        {
            await using var cmd = verbinding.CreateCommand();
            cmd.CommandText = sql;
            cmd.Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            return (T)Convert.ChangeType((await cmd.ExecuteScalarAsync(ct))!, typeof(T), CultureInfo.InvariantCulture);
        }
        finally
        {
            if (!open) await verbinding.CloseAsync();
        }
    }
}

/// <summary>
/// Keeps the audit partitions ahead and applies the retention term: at start and every hour the partitions, once a day
/// (under the lease <see cref="AuditBewaring.Taak"/>, so one instance) the retention. Koers:Audit:Onderhoud turns it off
/// (off in the Test environment, where tests call <see cref="AuditBewaring"/> themselves). Inserts never wait for it:
/// a month without its partition lands in the default partition and is moved out when the partition is made.
/// </summary>
public sealed class AuditOnderhoud(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment env, ILogger<AuditOnderhoud> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Koers:Audit:Onderhoud", !env.IsEnvironment("Test"))) return;
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var bewaring = scope.ServiceProvider.GetRequiredService<AuditBewaring>();
                await bewaring.ZorgVoorPartitiesAsync(stoppingToken);
                var vandaag = scope.ServiceProvider.GetRequiredService<Klok>().Vandaag.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                await scope.ServiceProvider.GetRequiredService<Taaksloten>()
                    .OnderSlotAsync(AuditBewaring.Taak, vandaag, TimeSpan.FromMinutes(30), bewaring.VerwijderVerlopenAsync, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Onderhoud van het auditlog (partities, bewaartermijn) mislukt; volgende ronde opnieuw");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

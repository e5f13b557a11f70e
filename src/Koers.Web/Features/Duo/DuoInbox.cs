using Koers.Data;
using Koers.Data.Model.Duo;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Duo;

/// <summary>A reason an event cannot be processed that no retry will fix: parked at once for a person.</summary>
public sealed class DuoFunctioneleFout(string melding) : Exception(melding);

/// <summary>
/// Processes stored DUO notifications: per person in DUO's order (registratieDatumTijd, then arrival), each in its
/// own transaction together with its effects, so a crash leaves the event unprocessed and nothing half-done. An event
/// waits while an earlier event of the same person is open or parked. Failures are retried with backoff and parked
/// after <see cref="DuoOpties.MaxPogingen"/>. On PostgreSQL each event is claimed with FOR UPDATE SKIP LOCKED, so
/// several Koers instances never process the same event; on SQLite one instance is assumed.
///
/// Different persons are independent, so on PostgreSQL one instance works on up to <see cref="DuoOpties.Verwerkers"/>
/// events at once, each worker with its own scope (context, transaction, connection). A round's candidates hold at
/// most one event per person (the oldest open one: any later event of that person still has it open before it), so
/// two workers never hold events of the same person, and a person's next event becomes a candidate only after the
/// transaction of the one before it has committed. Each event stays one transaction with its effects, its audit row
/// and its status, as before.
/// </summary>
public sealed class DuoInbox(KoersDbContext db, DuoVerwerker verwerker, DuoOpties opties, Klok klok, ILogger<DuoInbox> log, Koers.Data.Versleuteling.BsnBescherming bescherming, IServiceScopeFactory scopes)
{
    /// <summary>Candidates per round when processing one at a time (as before the workers).</summary>
    private const int Ronde = 50;

    /// <summary>Processes what is due now; returns how many events were handled (processed, retried or parked).</summary>
    public async Task<int> VerwerkAsync(CancellationToken ct = default)
    {
        // SQLite serialises writers (and is one instance): one event at a time there.
        var verwerkers = db.Database.IsNpgsql() ? Math.Max(1, opties.Verwerkers) : 1;
        var totaal = 0;
        while (!ct.IsCancellationRequested)
        {
            // With several workers a round holds a few events per worker, so a slow event (DUO answering late) does
            // not leave the other workers idle for long before the next round's query.
            var ids = (await KandidatenAsync(Math.Max(Ronde, verwerkers * 8), ct)).ToArray();
            if (ids.Length == 0) break;
            var gedaan = verwerkers == 1 || ids.Length == 1
                ? await ReeksAsync(this, new Rondekandidaten(ids), ct)
                : await ParallelAsync(ids, Math.Min(verwerkers, ids.Length), ct);

            totaal += gedaan;
            if (gedaan == 0) break; // everything we saw was taken by another instance
        }

        return totaal;
    }

    /// <summary>
    /// One worker: takes the next position of the round not yet handed out on this instance, claims the first event from
    /// there on that nobody holds or has finished, processes it, and repeats until none is left. A worker handed a fixed
    /// event instead spent a transaction whenever the other Koers instance (whose round holds nearly the same candidates)
    /// had taken it: with two instances 4,197 of 9,197 claims for a backlog of 5,000 found nothing (bench/README.md,
    /// "Two instances and the order per person"). From its position on, it passes over those to the next free one.
    /// </summary>
    private static async Task<int> ReeksAsync(DuoInbox inbox, Rondekandidaten ronde, CancellationToken ct)
    {
        var gedaan = 0;
        // Stop between events, never inside one: a claimed event is finished with its effects even when the host is
        // stopping (SIGTERM), within the shutdown timeout, so a rolling update does not redo work.
        while (!ct.IsCancellationRequested && !ronde.Op && await inbox.VerwerkVolgendeAsync(ronde, CancellationToken.None)) gedaan++;

        return gedaan;
    }

    /// <summary>
    /// A round's candidates (oldest first, as the candidate query returned them) and where the next worker of this
    /// instance starts looking. Every claim first takes a position, so once every position was handed out this instance
    /// has claimed (or tried) the whole round and no worker of it asks the database again. With one instance each claim
    /// looks at exactly one row: the position handed out.
    /// </summary>
    private sealed class Rondekandidaten(long[] ids)
    {
        private int _volgende;

        public bool Op => Volatile.Read(ref _volgende) >= ids.Length;

        /// <summary>
        /// The round from the next position not yet handed out to a worker of this instance; empty when none is left.
        /// Earlier positions are held by this instance's other workers (or done), so they need not be looked at again.
        /// </summary>
        public long[] Vanaf()
        {
            var plek = Interlocked.Increment(ref _volgende) - 1;
            return plek < ids.Length ? ids[plek..] : [];
        }
    }

    private async Task<int> ParallelAsync(long[] ids, int verwerkers, CancellationToken ct)
    {
        var ronde = new Rondekandidaten(ids);
        var werk = new List<Task<int>> { ReeksAsync(this, ronde, ct) };
        for (var w = 1; w < verwerkers; w++)
        {
            werk.Add(Task.Run(async () =>
            {
                // Its own scope: a DbContext (and its connection and transaction) serves one worker at a time.
                await using var scope = scopes.CreateAsyncScope();
                return await ReeksAsync(scope.ServiceProvider.GetRequiredService<DuoInbox>(), ronde, ct);
            }, CancellationToken.None));
        }

        return (await Task.WhenAll(werk)).Sum();
    }

    /// <summary>
    /// The candidates on PostgreSQL: the same condition as the LINQ below, written so its plan cannot depend on the
    /// table's statistics. PostgreSQL turns a plain NOT EXISTS into an anti join; when the statistics still say almost
    /// nothing is waiting (a burst after a quiet period: autovacuum analyses only after 10 % of the table changed, so on
    /// a table of a year's events practically never), it scans every open event once per candidate, without the
    /// person key: 140-330 ms per round with 5,000 waiting instead of 1 ms, and the rounds are sequential, so the
    /// burst of issue #21 drained at a third of its rate. OFFSET 0 keeps the subquery a per-row sub-plan, which always
    /// probes the index on (Persoonssleutel, Status, RegistratieDatumTijd) with the row's person key.
    /// </summary>
    internal static FormattableString KandidatenSql(DateTime nu, int aantal) => $"""
        SELECT d."Id" AS "Value"
        FROM duo_notificatie AS d
        WHERE d."Status" = 'Ontvangen' AND (d."VolgendePogingOp" IS NULL OR d."VolgendePogingOp" <= {nu})
          AND NOT EXISTS (
            SELECT 1 FROM duo_notificatie AS p
            WHERE p."Status" IN ('Ontvangen', 'Geparkeerd') AND p."Persoonssleutel" = d."Persoonssleutel"
              AND (p."RegistratieDatumTijd" < d."RegistratieDatumTijd" OR (p."RegistratieDatumTijd" = d."RegistratieDatumTijd" AND p."Id" < d."Id"))
            OFFSET 0)
        ORDER BY d."RegistratieDatumTijd", d."Id"
        LIMIT {aantal}
        """;

    /// <remarks>
    /// On PostgreSQL the statement is planned at every call, with the values of that call and the table as it is then
    /// (<c>plan_cache_mode = force_custom_plan</c> for its own short transaction). A connection that prepares its
    /// statements (Npgsql's <c>Max Auto Prepare</c>, as the benchmark's) otherwise keeps PostgreSQL's generic plan, and
    /// that plan was made while the inbox polled an empty table every two seconds: a sequential scan of the table per
    /// candidate. With a burst waiting that took 2.0 s per round of 50 instead of 0.2 ms (national runs 18 and 19, the
    /// burst at 201–281 events/s with the CPU 59–69 % busy; bench/README.md, "The DUO candidate query's cached plan").
    /// </remarks>
    internal async Task<List<long>> KandidatenAsync(int aantal, CancellationToken ct)
    {
        var nu = klok.NuUtc;
        if (db.Database.IsNpgsql())
        {
            await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await db.Database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_custom_plan", ct);
            var kandidaten = await db.Database.SqlQuery<long>(KandidatenSql(nu, aantal)).ToListAsync(ct);
            if (tx is not null) await tx.CommitAsync(ct);
            return kandidaten;
        }

        var open = new[] { InboxStatus.Ontvangen, InboxStatus.Geparkeerd };
        return await db.DuoNotificaties.AsNoTracking()
            .Where(n => n.Status == InboxStatus.Ontvangen && (n.VolgendePogingOp == null || n.VolgendePogingOp <= nu))
            .Where(n => !db.DuoNotificaties.Any(p => p.Persoonssleutel == n.Persoonssleutel && open.Contains(p.Status) &&
                (p.RegistratieDatumTijd < n.RegistratieDatumTijd || (p.RegistratieDatumTijd == n.RegistratieDatumTijd && p.Id < n.Id))))
            .OrderBy(n => n.RegistratieDatumTijd).ThenBy(n => n.Id)
            .Select(n => n.Id)
            .Take(aantal)
            .ToListAsync(ct);
    }

    /// <summary>Claims and processes the next event of the round; false when none of it is left to claim.</summary>
    private async Task<bool> VerwerkVolgendeAsync(Rondekandidaten ronde, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        // The savepoint below already undoes the effects of a failed save; EF's own savepoint around SaveChanges
        // would add a RELEASE round trip per event and change nothing.
        db.Database.AutoSavepointsEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var vanaf = ronde.Vanaf();
        var n = vanaf.Length == 0 ? null : await ClaimAsync(vanaf, ct);
        if (n is null)
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        var id = n.Id;

        await tx.CreateSavepointAsync("effecten", ct);
        try
        {
            var effect = await verwerker.VerwerkAsync(n, ct);
            n.Status = InboxStatus.Verwerkt;
            n.VerwerktOp = klok.NuUtc;
            n.Resultaat = Kort(effect.Resultaat);
            n.InburgeraarId = effect.InburgeraarId ?? n.InburgeraarId;
            n.Actie = effect.Actie;
            n.LaatsteFout = null;
            n.Pogingen++;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Undo the effects only; the claim (row lock) is kept while the failure is recorded.
            await tx.RollbackToSavepointAsync("effecten", ct);
            db.ChangeTracker.Clear();
            n = await db.DuoNotificaties.FirstAsync(x => x.Id == id, ct);
            n.Pogingen++;
            var functioneel = e is DuoFunctioneleFout or DuoWeigeringException;
            n.LaatsteFout = Kort(e is DuoFunctioneleFout or DuoWeigeringException or DuoOnbereikbaarException
                ? e.Message
                : "Technische fout bij verwerken: " + e.GetType().Name);
            if (functioneel || n.Pogingen >= opties.MaxPogingen)
            {
                n.Status = InboxStatus.Geparkeerd;
                n.VolgendePogingOp = null;
            }
            else
            {
                n.VolgendePogingOp = klok.NuUtc + DuoOpties.Wachttijd(n.Pogingen);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            // The event id and code only: a BSN never reaches a log line.
            log.LogWarning("DUO-notificatie {Id} ({Gebeurtenis}) niet verwerkt, poging {Poging}: {Fout}", id, n.GebeurtenisId, n.Pogingen, n.Status);
            return true;
        }
    }

    /// <summary>
    /// The first event of <paramref name="ids"/> (a round from this worker's position on, oldest first) that is still
    /// waiting and due and that no other worker (of this or another instance) holds: on PostgreSQL FOR UPDATE SKIP LOCKED
    /// passes over the rows other transactions locked. An event that failed in this round has its next attempt set in the
    /// future, so it is not taken again in the same round. Every candidate is the oldest open event of its person when the
    /// round was read, so any of them may go first.
    /// </summary>
    /// <remarks>
    /// The ids are probed in the round's order (<c>unnest … WITH ORDINALITY</c>, a nested loop over the primary key that
    /// stops at the first row it can lock), so a claim reads one row when nobody else took it. Sorting the round by
    /// registration time in the claim instead (<c>"Id" = ANY(…) ORDER BY "RegistratieDatumTijd"</c>) read and sorted all
    /// 128 candidates on every claim: 0.6 ms instead of 0.04 ms (EXPLAIN ANALYZE, 150,000 cases, backlog of 5,000), and
    /// 11 of PostgreSQL's CPU seconds per 10,000 events (pg_stat_statements, bench/README.md).
    /// <para>
    /// The status test stands outside the probe (<c>OFFSET 0</c> keeps it there), so the probe is the primary key's and
    /// its plan cannot depend on the statistics. With <c>"Status" = 'Ontvangen'</c> beside the id, the partial index of
    /// waiting events qualifies; when the table was last analysed with nothing waiting (after a drain) and then a backlog
    /// arrived, PostgreSQL believed that index empty and read all of it on every claim: hashed 5,000 waiting events per
    /// claim, 4.8 ms each: the national run's sequence (recomputation, partner CSV, burst) left one instance draining
    /// at 209 events/s; with this probe 766/s on the same set, 1,168/s in national run 14 (issue #21, bench/README.md).
    /// The lock is taken in the probe, before the status test: a row another worker finished in the meantime is locked
    /// and passed over (the lock ends with the transaction), one held by another worker is skipped.
    /// </para>
    /// </remarks>
    internal static FormattableString ClaimSql(long[] ids, DateTime nu) => $"""
        SELECT d.* FROM unnest({ids}::bigint[]) WITH ORDINALITY AS r("Id", "Plek")
        CROSS JOIN LATERAL (SELECT x.* FROM duo_notificatie AS x WHERE x."Id" = r."Id" OFFSET 0) AS d
        WHERE d."Status" = 'Ontvangen' AND (d."VolgendePogingOp" IS NULL OR d."VolgendePogingOp" <= {nu})
        ORDER BY r."Plek"
        LIMIT 1
        FOR UPDATE OF d SKIP LOCKED
        """;

    private async Task<DuoNotificatie?> ClaimAsync(long[] ids, CancellationToken ct)
    {
        var nu = klok.NuUtc;
        if (db.Database.IsNpgsql())
        {
            return await db.DuoNotificaties.FromSql(ClaimSql(ids, nu)).FirstOrDefaultAsync(ct);
        }

        // SQLite: one worker, one instance; the round is in this order, so this is the first waiting one of the rest.
        return await db.DuoNotificaties
            .Where(n => ids.Contains(n.Id) && n.Status == InboxStatus.Ontvangen && (n.VolgendePogingOp == null || n.VolgendePogingOp <= nu))
            .OrderBy(n => n.RegistratieDatumTijd).ThenBy(n => n.Id)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>A person asks to try a parked event again (it then waits its turn per person again).</summary>
    public async Task<bool> OpnieuwAsync(long id, string door, CancellationToken ct = default)
    {
        var n = await db.DuoNotificaties.FirstOrDefaultAsync(x => x.Id == id && x.Status == InboxStatus.Geparkeerd, ct);
        if (n is null) return false;
        n.Status = InboxStatus.Ontvangen;
        n.Pogingen = 0;
        n.VolgendePogingOp = null;
        n.AfgehandeldDoor = Kort($"Opnieuw aangeboden door {door}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The same from the case page: only a parked event linked to (or with the BSN of) this case.</summary>
    public async Task<bool> OpnieuwVoorDossierAsync(Guid inburgeraarId, long id, string door, CancellationToken ct = default)
    {
        var bsn = await db.Inburgeraars.AsNoTracking().Where(i => i.Id == inburgeraarId).Select(i => i.Bsn).FirstOrDefaultAsync(ct);
        var sleutels = bsn is { } b ? bescherming.Indexen(b) : [];
        var vanDitDossier = await db.DuoNotificaties.AnyAsync(n => n.Id == id && (n.InburgeraarId == inburgeraarId || sleutels.Contains(n.Persoonssleutel)), ct);
        return vanDitDossier && await OpnieuwAsync(id, door, ct);
    }

    /// <summary>A person resolved a parked event by hand; later events of the person are no longer held up by it.</summary>
    public async Task<bool> AfhandelenAsync(long id, string door, string? toelichting, CancellationToken ct = default)
    {
        var n = await db.DuoNotificaties.FirstOrDefaultAsync(x => x.Id == id && x.Status == InboxStatus.Geparkeerd, ct);
        if (n is null) return false;
        n.Status = InboxStatus.Afgehandeld;
        n.AfgehandeldDoor = door;
        n.Resultaat = Kort("Handmatig afgehandeld" + (string.IsNullOrWhiteSpace(toelichting) ? "" : ": " + toelichting.Trim()));
        n.VerwerktOp = klok.NuUtc;
        await db.SaveChangesAsync(ct);
        return true;
    }

    internal static string Kort(string tekst) => tekst.Length > 2000 ? tekst[..2000] : tekst;
}

/// <summary>Runs the inbox processor and the outbox sender in the background, one pass every few seconds.</summary>
public sealed class DuoAchtergrond(IServiceScopeFactory scopes, DuoOpties opties, ILogger<DuoAchtergrond> log) : BackgroundService
{
    /// <summary>
    /// How often the contactpersoon links are compared (one query over the running cases): a changed klantregisseur
    /// reaches DUO within this time, without a full scan every two seconds.
    /// </summary>
    public static readonly TimeSpan ContactpersoonInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var volgendeVergelijking = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (DateTime.UtcNow >= volgendeVergelijking)
                {
                    await scope.ServiceProvider.GetRequiredService<DuoContactpersonen>().SynchroniseerAsync(stoppingToken);
                    volgendeVergelijking = DateTime.UtcNow + ContactpersoonInterval;
                }

                await scope.ServiceProvider.GetRequiredService<DuoInbox>().VerwerkAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<DuoOutbox>().VerstuurAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "DUO-uitwisseling: ronde mislukt");
            }

            try
            {
                await Task.Delay(opties.Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Koers.Data;
using Koers.Data.Model;
using Koers.Web.Infrastructure.Planning;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Audit;

/// <summary>The outcome of the chain check, with the first row from which the chain is broken.</summary>
public sealed record KetenControle(bool Intact, long Gecontroleerd, long Onverzegeld, long? RegelId, long? Volgnummer, string Melding);

/// <summary>
/// The hash chain over the audit log. Writers insert plain rows (no hash, one INSERT, no lock); a sealing step chains the
/// rows that are not sealed yet, in Id order: each gets the next <see cref="AuditRegel.Volgnummer"/>, the previous row's
/// hash as <see cref="AuditRegel.VorigeHash"/>, and <see cref="AuditRegel.Hash"/> = SHA-256 over its canonical content and
/// that previous hash. A changed row no longer matches its hash, a deleted row leaves a gap in the positions and a wrong
/// previous hash in the next row, and a deleted tail no longer reaches the anchor (the last sealed position and hash, kept
/// in the sealing task's lease row).
///
/// Concurrency: only the sealer extends the chain, and there is one at a time: an in-process lock, the lease of
/// <see cref="Taaksloten"/> across instances, and should both ever fail, the unique index on the position and the position
/// as a concurrency token (a second sealer's UPDATE ... WHERE "Volgnummer" IS NULL finds nothing and its transaction rolls
/// back), so the chain cannot fork. A row that commits late (a lower Id than rows already sealed) simply gets a later
/// position; the chain is the order of sealing, not of Ids.
/// </summary>
public sealed class AuditKeten(KoersDbContext db, Taaksloten sloten, AuditKetenSlot slot, ILogger<AuditKeten> log)
{
    public const string Taak = "audit-keten";
    public const int Batch = 2000;
    public static readonly string Begin = new('0', 64);
    /// <summary>
    /// Short, renewed after every batch (a batch of 2,000 rows takes well under a second): an instance killed while
    /// sealing leaves new audit rows unsealed for at most this long (it was 5 minutes, and 863 rows stayed unsealed
    /// that long in the haproxy kill test, bench/README.md).
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>Seals every row that is waiting; 0 when another sealer holds the lease. Returns the number of rows sealed.</summary>
    public async Task<int> VerzegelAsync(CancellationToken ct = default)
    {
        await slot.Slot.WaitAsync(ct);
        try
        {
            if (!await sloten.ProbeerAsync(Taak, null, Lease, ct)) return 0;
            var totaal = 0;
            try
            {
                int n;
                do
                {
                    n = await BatchAsync(ct);
                    totaal += n;
                }
                while (n == Batch && await sloten.VerlengAsync(Taak, Lease, ct));
            }
            finally
            {
                // Frees the lease and keeps the anchor (LaatstePeriode).
                await sloten.GeefVrijAsync(Taak, CancellationToken.None);
            }

            return totaal;
        }
        finally
        {
            slot.Slot.Release();
        }
    }

    private async Task<int> BatchAsync(CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var laatste = await db.Audit.AsNoTracking().Where(a => a.Volgnummer != null).OrderByDescending(a => a.Volgnummer)
                .Select(a => new { a.Volgnummer, a.Hash }).FirstOrDefaultAsync(ct);
            var wachtend = db.Audit.Where(a => a.Volgnummer == null);
            if (db.Database.IsNpgsql()) wachtend = wachtend.AsNoTracking(); // written by SchrijfAsync's one statement
            var rijen = await wachtend.OrderBy(a => a.Id).Take(Batch).ToListAsync(ct);
            if (rijen.Count == 0) return 0;

            var positie = laatste?.Volgnummer ?? 0;
            var vorige = laatste?.Hash ?? Begin;
            foreach (var r in rijen)
            {
                r.Volgnummer = ++positie;
                r.VorigeHash = vorige;
                r.Hash = vorige = Bereken(r);
            }

            await SchrijfAsync(db, rijen, ct);
            var anker = $"{positie}:{vorige}";
            var eigenaar = sloten.Eigenaar;
            var gezet = await db.Taaksloten.Where(t => t.Naam == Taak && t.Eigenaar == eigenaar)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LaatstePeriode, anker), ct);
            if (gezet != 1) throw new DbUpdateConcurrencyException("De lease van het verzegelen is verlopen; een andere instantie verzegelt.");
            await tx.CommitAsync(ct);
            return rijen.Count;
        }
        catch (Exception e) when (e is DbUpdateException or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Another sealer was first (position taken, row already sealed): nothing is kept, the next round continues.
            await tx.RollbackAsync(CancellationToken.None);
            log.LogWarning(e, "Verzegelen van het auditlog overgeslagen: een andere verzegeling was eerder");
            return 0;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Stores the positions and hashes of a batch, each only on a row that is still unsealed; when any row was sealed by
    /// someone else in the meantime the whole batch is refused (<see cref="DbUpdateConcurrencyException"/>, the caller
    /// rolls back), so the chain cannot fork.
    /// </summary>
    /// <remarks>
    /// PostgreSQL: one UPDATE for the batch, joined on the partition key too, so each row is one probe of one month's
    /// primary key. Saved row by row (EF's batch of single-row UPDATEs, each probing all months' partitions) the sealing
    /// after the national run's deadline recomputation and partner uploads cost PostgreSQL 22.7 s for 231,452 rows while
    /// the DUO inbox was draining (pg_stat_statements, bench/README.md). SQLite: the tracked rows, the position as the
    /// concurrency token (<c>WHERE "Volgnummer" IS NULL</c>).
    /// </remarks>
    internal static async Task SchrijfAsync(KoersDbContext db, IReadOnlyList<AuditRegel> rijen, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        var ids = rijen.Select(r => r.Id).ToArray();
        var op = rijen.Select(r => r.Op).ToArray();
        var volgnummers = rijen.Select(r => r.Volgnummer!.Value).ToArray();
        var vorige = rijen.Select(r => r.VorigeHash!).ToArray();
        var hashes = rijen.Select(r => r.Hash!).ToArray();
        var gezet = await db.Database.ExecuteSqlAsync($"""
            UPDATE audit AS a SET "Volgnummer" = u.volgnummer, "VorigeHash" = u.vorige, "Hash" = u.hash
            FROM unnest({ids}::bigint[], {op}::timestamptz[], {volgnummers}::bigint[], {vorige}::varchar[], {hashes}::varchar[]) AS u(id, op, volgnummer, vorige, hash)
            WHERE a."Id" = u.id AND a."Op" = u.op AND a."Volgnummer" IS NULL
            """, ct);
        if (gezet != rijen.Count)
        {
            throw new DbUpdateConcurrencyException($"{rijen.Count - gezet} van {rijen.Count} auditregels waren al verzegeld door een andere verzegeling.");
        }
    }

    /// <summary>
    /// Seals what is waiting, then recomputes the whole chain in order and compares it with what is stored. Reports the first
    /// row from which the chain is broken (changed, removed, or the tail cut off), in Dutch for the auditor.
    /// </summary>
    public async Task<KetenControle> ControleerAsync(CancellationToken ct = default)
    {
        await VerzegelAsync(ct);
        // The anchor before the rows: it only moves forward, so every row it covers is in what we read next.
        var anker = Anker((await sloten.StandAsync(Taak, ct))?.LaatstePeriode);
        var onverzegeld = await db.Audit.LongCountAsync(a => a.Volgnummer == null, ct);
        // After the retention term removed the oldest months (AuditBewaring), the chain starts after the last removed
        // position, from that row's hash: what is left must still link up exactly from there.
        var begin = AuditBewaring.Anker((await sloten.StandAsync(AuditBewaring.BeginAnker, ct))?.LaatstePeriode);
        long verwacht = (begin?.Volgnummer ?? 0) + 1;
        var vorige = begin?.Hash ?? Begin;
        long? vorigeId = null;
        string? hashOpAnker = null;
        await foreach (var r in db.Audit.AsNoTracking().Where(a => a.Volgnummer != null).OrderBy(a => a.Volgnummer).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (r.Volgnummer < verwacht)
            {
                // A row from just after a removed month that was sealed before the month's last rows (sealing follows
                // commit order, months follow the clock): its predecessor is gone, so only its own content is checked.
                if (Bereken(r) != r.Hash)
                {
                    return Breuk(0, onverzegeld, r.Id, r.Volgnummer!.Value,
                        $"De keten is verbroken bij regel {r.Id} (volgnummer {r.Volgnummer}): de inhoud van deze regel is gewijzigd nadat hij werd verzegeld.");
                }

                continue;
            }

            if (r.Volgnummer != verwacht)
            {
                var tussen = vorigeId is { } v ? $"tussen regel {v} en regel {r.Id}" : $"vóór regel {r.Id}";
                var welke = r.Volgnummer == verwacht + 1 ? $"volgnummer {verwacht}" : $"volgnummers {verwacht} tot en met {r.Volgnummer - 1}";
                return Breuk(verwacht - 1, onverzegeld, r.Id, verwacht, $"De keten is verbroken: de regel met {welke} ontbreekt ({tussen}); die is verwijderd.");
            }

            if (Bereken(r) != r.Hash)
            {
                return Breuk(verwacht - 1, onverzegeld, r.Id, verwacht,
                    $"De keten is verbroken vanaf regel {r.Id} (volgnummer {verwacht}): de inhoud van deze regel is gewijzigd nadat hij werd verzegeld.");
            }

            if (r.VorigeHash != vorige)
            {
                return Breuk(verwacht - 1, onverzegeld, r.Id, verwacht,
                    $"De keten is verbroken vanaf regel {r.Id} (volgnummer {verwacht}): de regel ervoor{(vorigeId is { } v2 ? $" (regel {v2})" : string.Empty)} is gewijzigd of vervangen.");
            }

            if (anker is { } a1 && r.Volgnummer == a1.Volgnummer) hashOpAnker = r.Hash;
            vorige = r.Hash!;
            vorigeId = r.Id;
            verwacht++;
        }

        // The last position reached, and how many rows were checked from the begin anchor on.
        var eind = verwacht - 1;
        var gecontroleerd = eind - (begin?.Volgnummer ?? 0);
        if (anker is { } a && (eind < a.Volgnummer || hashOpAnker != a.Hash))
        {
            return Breuk(gecontroleerd, onverzegeld, vorigeId, eind < a.Volgnummer ? eind + 1 : a.Volgnummer,
                eind < a.Volgnummer
                    ? $"De keten is verbroken: de laatste regels ontbreken. De keten eindigt bij volgnummer {eind}{(vorigeId is { } v3 ? $" (regel {v3})" : string.Empty)}, maar was verzegeld tot en met volgnummer {a.Volgnummer}."
                    : $"De keten is verbroken: de regel met volgnummer {a.Volgnummer} is niet meer de regel die werd verzegeld.");
        }

        var wacht = onverzegeld > 0 ? $" {onverzegeld} nieuwe regel(s) worden nog verzegeld." : string.Empty;
        return new KetenControle(true, gecontroleerd, onverzegeld, null, null,
            $"De keten is intact: {gecontroleerd.ToString("N0", Nl)} regels gecontroleerd, geen regel gewijzigd of verwijderd.{wacht}");
    }

    private static KetenControle Breuk(long gecontroleerd, long onverzegeld, long? regel, long volgnummer, string melding) =>
        new(false, gecontroleerd, onverzegeld, regel, volgnummer, melding);

    private static readonly CultureInfo Nl = new("nl-NL");

    private static (long Volgnummer, string Hash)? Anker(string? tekst) =>
        tekst?.Split(':') is [var n, var h] && long.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var volgnummer) ? (volgnummer, h) : null;

    /// <summary>
    /// SHA-256 (lowercase hex) over the row's canonical content: every column except the hash itself, each as length and
    /// text (so no two different rows read the same), timestamps to the tick, then the previous row's hash. The "|object"
    /// marker cannot be confused with a field, which always starts "|-" or "|" and a length.
    /// </summary>
    public static string Bereken(AuditRegel r)
    {
        var sb = new StringBuilder("koers-audit-v1");
        void Veld(string? waarde)
        {
            if (waarde is null) sb.Append("|-");
            else sb.Append('|').Append(waarde.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(waarde);
        }

        Veld(r.Volgnummer?.ToString(CultureInfo.InvariantCulture));
        Veld(r.Id.ToString(CultureInfo.InvariantCulture));
        Veld(r.Op.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
        Veld(r.Gebruiker);
        Veld(r.Rol);
        Veld(r.Organisatie);
        Veld(r.RegioId?.ToString(CultureInfo.InvariantCulture));
        Veld(r.IpAdres);
        Veld(r.Actie.ToString());
        Veld(r.Resultaat.ToString());
        Veld(r.Doel);
        Veld(r.InburgeraarId?.ToString("D"));
        Veld(r.Omschrijving);
        // The object columns came later: only a row that names an object hashes them, so every row sealed before still
        // matches its hash, and clearing or changing the object of a row that had one still breaks it.
        if (r.ObjectSoort is not null || r.ObjectId is not null)
        {
            sb.Append("|object");
            Veld(r.ObjectSoort);
            Veld(r.ObjectId);
        }

        Veld(r.VorigeHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}

/// <summary>One sealer at a time within this instance (the lease does it across instances).</summary>
public sealed class AuditKetenSlot
{
    public SemaphoreSlim Slot { get; } = new(1, 1);
}

/// <summary>
/// Seals new audit rows every few seconds (Koers:Audit:VerzegelSeconden, default 10; Koers:Audit:Verzegelen turns it
/// off, as it is in the Test environment, where the chain check seals on demand). Runs on real time, not the business
/// clock: how soon a row is sealed is a matter of seconds on the wall.
/// </summary>
public sealed class AuditVerzegelaar(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment env, ILogger<AuditVerzegelaar> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Koers:Audit:Verzegelen", !env.IsEnvironment("Test"))) return;
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Koers:Audit:VerzegelSeconden", 10)));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditKeten>().VerzegelAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Verzegelen van het auditlog mislukt; volgende ronde opnieuw");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class AuditKetenRegistratie
{
    public static IServiceCollection AddAuditKeten(this IServiceCollection services)
    {
        services.AddSingleton<AuditKetenSlot>();
        services.AddScoped<AuditKeten>();
        services.AddHostedService<AuditVerzegelaar>();
        // Monthly partitions on PostgreSQL and the retention term of the log (AuditBewaring).
        services.AddScoped<AuditBewaring>();
        services.AddHostedService<AuditOnderhoud>();
        return services;
    }
}

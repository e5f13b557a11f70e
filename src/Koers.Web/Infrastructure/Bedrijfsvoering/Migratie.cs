using Koers.Data;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Inrichting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Koers.Web.Infrastructure.Bedrijfsvoering;

/// <summary>The migration did not finish, or the schema stayed behind while this instance waited for it.</summary>
public sealed class MigratieException(string melding) : Exception(melding);

/// <summary>
/// Bringing the database to this version: EF migrations, then the data steps that belong to a version (encrypting
/// BSNs stored before encryption, demo data when asked, rebuilding the monitor table). Run either as its own step
/// (<c>Koers.Web migrate</c>, a Kubernetes Job before the rolling update) or at start-up
/// (<c>Koers:Database:MigrerenBijStart</c>, default true, for a single server and <c>dotnet run</c>).
/// </summary>
public static class Migratie
{
    /// <summary>The verb on the command line that migrates and exits.</summary>
    public const string Opdracht = "migrate";

    /// <summary>
    /// Key of the PostgreSQL advisory lock held for the whole preparation. EF Core locks its own migration step,
    /// but not the data steps after it: two instances starting at once would both seed the demo or both rebuild the
    /// monitor table. Any 64-bit constant will do; this one is "KOERS" in ASCII.
    /// </summary>
    public const long Slot = 0x4B4F455253;

    public static bool MigrerenBijStart(IConfiguration configuration) => configuration.GetValue("Koers:Database:MigrerenBijStart", true);

    /// <summary>
    /// Migrates under the lock; a second caller waits until the first is done, then finds nothing left to do. Gives
    /// up after <c>Koers:Database:MigratieWachttijdSeconden</c> (default 600) of waiting for the lock.
    /// </summary>
    public static async Task VoerUitAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct = default)
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Koers.Migratie");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KoersDbContext>();
        await using var slot = await NeemSlotAsync(db, configuration, log, ct);
        await VoorbereidenAsync(scope.ServiceProvider, configuration, ct);
        log.LogInformation("Database bijgewerkt");
    }

    /// <summary>
    /// Start-up without migrating: waits (up to <c>Koers:Database:SchemaWachttijdSeconden</c>, default 300) until
    /// the migration step has run, then does the safety checks. Throws when the schema stays behind, so the
    /// orchestrator restarts the instance instead of it serving on tables it does not know.
    /// </summary>
    public static async Task WachtOpSchemaAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct = default)
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Koers.Migratie");
        var stand = services.GetRequiredService<Schemastand>();
        var tot = DateTime.UtcNow.AddSeconds(configuration.GetValue("Koers:Database:SchemaWachttijdSeconden", 300));
        while (true)
        {
            IReadOnlyList<string> open;
            try
            {
                open = await stand.VernieuwAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                open = ["(database niet bereikbaar: " + e.GetType().Name + ")"];
            }

            if (open.Count == 0) break;
            if (DateTime.UtcNow >= tot)
            {
                throw new MigratieException($"Koers start niet: de database loopt achter ({open.Count} migratie(s) open, nieuwste {open[^1]}). " +
                    $"Voer eerst 'Koers.Web {Opdracht}' uit (de migratie-Job), of zet Koers__Database__MigrerenBijStart=true.");
            }

            log.LogWarning("Wacht op de migratiestap: {Aantal} migratie(s) open", open.Count);
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }

        await using var scope = services.CreateAsyncScope();
        var env = scope.ServiceProvider.GetRequiredService<IHostEnvironment>();
        var db = scope.ServiceProvider.GetRequiredService<KoersDbContext>();
        Startcontroles.ControleerLoggen(db, configuration, env);
        if (Startcontroles.DemodataGevraagd(configuration, env))
        {
            log.LogWarning("Koers:DemoData staat aan maar Koers:Database:MigrerenBijStart niet: demodata wordt alleen door de migratiestap geladen");
        }

        await Startcontroles.ControleerDemowachtwoordAsync(scope.ServiceProvider, env, ct);
    }

    private static async Task VoorbereidenAsync(IServiceProvider sp, IConfiguration configuration, CancellationToken ct)
    {
        var env = sp.GetRequiredService<IHostEnvironment>();
        var db = sp.GetRequiredService<KoersDbContext>();
        Startcontroles.ControleerLoggen(db, configuration, env);
        var demo = Startcontroles.DemodataGevraagd(configuration, env);
        await db.Database.MigrateAsync(ct);
        // PostgreSQL: the audit log's partitions for this month and the next ones, before anything writes a row.
        await sp.GetRequiredService<Features.Audit.AuditBewaring>().ZorgVoorPartitiesAsync(ct);
        // Before anything reads or adds a BSN: clear values from before encryption are encrypted (Koers:Bsn).
        await BsnRegistratie.BijwerkenAsync(sp, configuration);
        if (demo)
        {
            await sp.GetRequiredService<DemoData>().SeedAsync(configuration.GetValue("Koers:DemoAantal", 200), ct);
        }

        await Startcontroles.ControleerDemowachtwoordAsync(sp, env, ct);

        // The monitor's per-case table: rebuilt for rows written outside EF (bulk loads, older versions).
        await Koers.Data.Model.Monitor.MonitorDossiers.VernieuwAllesAsync(db, ct);
    }

    /// <summary>
    /// PostgreSQL: a session advisory lock on a connection of its own, held until disposed (also released by the
    /// server if this process dies). SQLite: nothing; one file is one server, and SQLite serialises writers.
    /// </summary>
    private static async Task<IAsyncDisposable> NeemSlotAsync(KoersDbContext db, IConfiguration configuration, ILogger log, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return new Niets();
        // The lock lives in the database itself, so that must exist first (a managed service usually made it; a
        // test or a fresh server did not). Two instances creating it at once: the second finds it made.
        var maker = db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>();
        if (!await maker.ExistsAsync(ct))
        {
            try
            {
                await maker.CreateAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
            }
        }

        var verbinding = new NpgsqlConnection(db.Database.GetConnectionString());
        await verbinding.OpenAsync(ct);
        var tot = DateTime.UtcNow.AddSeconds(configuration.GetValue("Koers:Database:MigratieWachttijdSeconden", 600));
        var gemeld = false;
        while (true)
        {
            await using (var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock(@k)", verbinding))
            {
                cmd.Parameters.AddWithValue("k", Slot);
                if (await cmd.ExecuteScalarAsync(ct) is true) return new Slotverbinding(verbinding);
            }

            if (DateTime.UtcNow >= tot)
            {
                await verbinding.DisposeAsync();
                throw new MigratieException("Geen migratieslot gekregen: een andere instantie migreert al langer dan de wachttijd (Koers:Database:MigratieWachttijdSeconden).");
            }

            if (!gemeld)
            {
                log.LogInformation("Een andere instantie migreert; wacht tot die klaar is");
                gemeld = true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
    }

    private sealed class Slotverbinding(NpgsqlConnection verbinding) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var cmd = new NpgsqlCommand("SELECT pg_advisory_unlock(@k)", verbinding);
                cmd.Parameters.AddWithValue("k", Slot);
                await cmd.ExecuteScalarAsync();
            }
            finally
            {
                await verbinding.DisposeAsync();
            }
        }
    }

    private sealed class Niets : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

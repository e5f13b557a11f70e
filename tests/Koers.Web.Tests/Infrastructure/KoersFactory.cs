using Koers.Data;
using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Koers.Web.Tests.Infrastructure;

/// <summary>A clock stopped at one moment, so deadlines in tests do not depend on the day they run.</summary>
public sealed class VasteTijd(DateTimeOffset nu) : TimeProvider
{
    public DateTimeOffset Nu { get; set; } = nu;
    public override DateTimeOffset GetUtcNow() => Nu;
}

/// <summary>
/// Koers on a fresh database of the given provider: a temporary SQLite file, or a new database on the
/// PostgreSQL server in KOERS_TEST_PG (scripts/test.sh starts one). Migrated and seeded with demo data.
/// </summary>
public abstract class KoersFactory : WebApplicationFactory<Program>
{
    /// <summary>Tuesday 16 June 2026, 10:00 in Amsterdam.</summary>
    public static readonly DateTimeOffset Nu = new(2026, 6, 16, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Vandaag = new(2026, 6, 16);

    public VasteTijd Tijd { get; } = new(Nu);

    /// <summary>Everything the app logged, to prove that no BSN ever reaches a log line.</summary>
    public LogVanger Logs { get; } = new();
    public abstract DatabaseProvider Provider { get; }
    protected abstract string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Test");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Koers", ConnectionString);
        builder.UseSetting("Koers:DemoData", "true");
        builder.UseSetting("Koers:DemoAantal", "60");
        // Tests change cases and then read the monitor: compute its protected figures for every request.
        builder.UseSetting("Koers:Monitor:FamilieBewaarSeconden", "0");
        // The worklist page's short cache (Werkvoorraadcache) would hide a change a test makes straight in the database;
        // WerkvoorraadcacheTests switch it on.
        builder.UseSetting("Koers:Werkvoorraad:BewaarSeconden", "0");
        TestSleutels.Instellen(builder);
        // The rate limits (Koers:Beveiliging:Limieten) are raised far above what any test does: the other tests share one
        // client IP and one user. SnelheidslimietenTests lower them again for their own hosts.
        foreach (var limiet in new[] { "InloggenPerIp", "InloggenPerAccount", "Exports", "Uploads" })
        {
            builder.UseSetting($"Koers:Beveiliging:Limieten:{limiet}:Aantal", "1000000");
        }
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Tijd);
            // The contexts are pooled (DatabaseSetup), and a pooled context's logger keeps its answer to "is anyone listening"
            // for a second (EF's LoggingCacheTime): a Statementteller made during a test would miss the commands of a context
            // that asked just before. The tests' contexts ask every time.
            services.ConfigureDbContext<PostgresKoersDbContext>(o => o.ConfigureLoggingCacheTime(TimeSpan.Zero));
            services.ConfigureDbContext<SqliteKoersDbContext>(o => o.ConfigureLoggingCacheTime(TimeSpan.Zero));
        });
    }

    /// <summary>
    /// The default user of test clients: a case worker with every staff role for the whole Kempen region, so
    /// feature tests run as a signed-in user. Security tests use <see cref="ClientAls"/> for a specific user.
    /// </summary>
    public const string TestGebruiker = "test@koers.example";

    private int _testGebruikerGemaakt;

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        MaakTestGebruiker();
        client.DefaultRequestHeaders.Add(TestAuthenticatie.Header, TestGebruiker);
    }

    /// <summary>A client signed in as the given demo user (or anonymous with null).</summary>
    public HttpClient ClientAls(string? email, bool volgRedirects = true)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = volgRedirects });
        client.DefaultRequestHeaders.Remove(TestAuthenticatie.Header);
        if (email is not null) client.DefaultRequestHeaders.Add(TestAuthenticatie.Header, email);
        return client;
    }

    private void MaakTestGebruiker()
    {
        if (Interlocked.Exchange(ref _testGebruikerGemaakt, 1) == 1) return;
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        var db = scope.ServiceProvider.GetRequiredService<KoersDbContext>();
        if (users.FindByEmailAsync(TestGebruiker).GetAwaiter().GetResult() is not null) return;
        var regio = db.Regios.Single(r => r.Naam.Contains("Kempen"));
        var team = db.Teams.First(t => t.RegioId == regio.Id);
        var medewerker = new Medewerker { Naam = "Test Gebruiker", Email = TestGebruiker, TeamId = team.Id };
        db.Medewerkers.Add(medewerker);
        db.SaveChanges();
        var gebruiker = new Gebruiker { UserName = TestGebruiker, Email = TestGebruiker, Weergavenaam = "Test Gebruiker", MedewerkerId = medewerker.Id };
        users.CreateAsync(gebruiker).GetAwaiter().GetResult();
        users.AddToRolesAsync(gebruiker, [Rollen.Klantregisseur, Rollen.Teamleider, Rollen.Beleidsmedewerker, Rollen.FunctioneelBeheerder, Rollen.Auditor])
            .GetAwaiter().GetResult();
    }

    public T MetDatabase<T>(Func<KoersDbContext, T> werk)
    {
        using var scope = Services.CreateScope();
        return werk(scope.ServiceProvider.GetRequiredService<KoersDbContext>());
    }
}

public sealed class SqliteFactory : KoersFactory
{
    private readonly string _pad = Path.Combine(Path.GetTempPath(), $"koers-test-{Guid.NewGuid():N}.db");
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override string ConnectionString => $"Data Source={_pad}";

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        using (var verbinding = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString)) Microsoft.Data.Sqlite.SqliteConnection.ClearPool(verbinding);
        foreach (var bestand in new[] { _pad, _pad + "-wal", _pad + "-shm" })
        {
            if (File.Exists(bestand)) File.Delete(bestand);
        }
    }
}

public sealed class PostgresFactory : KoersFactory
{
    private readonly string _database = $"koers_test_{Guid.NewGuid():N}";

    public static string PgServer =>
        Environment.GetEnvironmentVariable("KOERS_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "KOERS_TEST_PG is niet gezet. Start de tests met 'bash scripts/test.sh'; dat start een PostgreSQL-server op loopback.");

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(PgServer) { Database = _database }.ConnectionString;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        VerwijderDatabaseAsync(_database).GetAwaiter().GetResult();
    }

    /// <summary>Drops a test database on the test server (open connections included), after clearing the pools that hold it.</summary>
    public static async Task VerwijderDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PgServer) { Database = "postgres" }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

public sealed class LogVanger : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _regels = new();

    public IReadOnlyCollection<string> Regels => _regels;

    public ILogger CreateLogger(string categoryName) => new Vanger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Vanger(LogVanger eigenaar, string categorie) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            eigenaar._regels.Enqueue($"{categorie}: {formatter(state, exception)} {exception}");
    }
}

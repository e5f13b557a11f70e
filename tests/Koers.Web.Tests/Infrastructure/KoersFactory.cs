using Koers.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
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
    public abstract DatabaseProvider Provider { get; }
    protected abstract string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Test");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Koers", ConnectionString);
        builder.UseSetting("Koers:DemoData", "true");
        builder.UseSetting("Koers:DemoAantal", "60");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Tijd);
        });
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
    protected override string ConnectionString => $"Data Source={_pad};Pooling=false";

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
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
        NpgsqlConnection.ClearAllPools();
        using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PgServer) { Database = "postgres" }.ConnectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)";
        cmd.ExecuteNonQuery();
    }
}

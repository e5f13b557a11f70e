using Koers.Data.Versleuteling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=koers.db";

    /// <summary>
    /// Registers <see cref="KoersDbContext"/> (with every <see cref="IInterceptor"/> registered as a service) for the provider in `Database:Provider` (Sqlite by default,
    /// or Postgres) with the connection string `ConnectionStrings:Koers`. The BSN keys (<see cref="BsnBescherming"/>) must be registered too.
    /// </summary>
    public static IServiceCollection AddKoersData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        // The options are built once (singleton), not per request: building them per scope ran the UseNpgsql/AddInterceptors
        // lambda and EF's lookup of its internal service provider by options on every request, about 6 % of Koers's CPU
        // on the case API (issue #21, perf profile). Everything the lambda resolves is a singleton (the interceptors, the
        // BSN keys). The contexts are pooled: a scope leases one and gives it back reset, so EF's set-up of a context (its
        // internal service scope and the lookup of its internal provider by options) is not paid per request again, which
        // was ~10 % of the case page's CPU once its parts read on contexts of their own (Kern.Dossierdelen). Nothing in
        // KoersDbContext holds state of its own beyond what EF resets.
        var provider = ReadProvider(configuration);
        var connectionString = configuration.GetConnectionString("Koers");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres, maar ConnectionStrings:Koers ontbreekt (zet bijvoorbeeld ConnectionStrings__Koers).");
            }

            services.AddDbContextPool<KoersDbContext, PostgresKoersDbContext>((sp, o) => Gemeenschappelijk(sp, o.UseNpgsql(connectionString)));
        }
        else
        {
            var sqlite = ResolveSqlitePath(connectionString ?? DefaultSqlite, contentRoot);
            services.AddDbContextPool<KoersDbContext, SqliteKoersDbContext>((sp, o) => Gemeenschappelijk(sp, o.UseSqlite(sqlite)));
        }

        return services;
    }

    /// <summary>What both providers' options share: every registered interceptor plus the monitor's, and the BSN keys.</summary>
    private static void Gemeenschappelijk(IServiceProvider sp, DbContextOptionsBuilder o) =>
        o.AddInterceptors([.. sp.GetServices<IInterceptor>(), Model.Monitor.MonitorDossierBijwerker.Instantie])
            .UseBsnBescherming(sp.GetRequiredService<BsnBescherming>());

    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        return value.Trim().ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"Onbekende Database:Provider '{value}'. Kies Sqlite of Postgres."),
        };
    }

    /// <summary>A relative SQLite file is placed under the content root, so the app finds it wherever it is started.</summary>
    private static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        return builder.ToString();
    }
}

// Design-time factories: `dotnet ef migrations add X --context SqliteKoersDbContext|PostgresKoersDbContext`.
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteKoersDbContext>
{
    public SqliteKoersDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKoersDbContext>().UseSqlite(DatabaseSetup.DefaultSqlite).Options);
}

public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresKoersDbContext>
{
    public PostgresKoersDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKoersDbContext>().UseNpgsql("Host=localhost;Database=koers_design").Options);
}

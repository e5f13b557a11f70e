using Koers.Data;
using Koers.Web.Infrastructure.Bedrijfsvoering;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Koers.Web.Tests.Bedrijfsvoering;

/// <summary>Koers on one named PostgreSQL database, so several hosts can start on the same database at once.</summary>
public sealed class GedeeldePostgresFactory(string database, Action<IWebHostBuilder>? extra = null) : KoersFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresFactory.PgServer) { Database = database }.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        extra?.Invoke(builder);
    }
}

/// <summary>
/// N instances starting at once on one database (#18): the preparation (migrations, then the demo data and the monitor
/// table) runs once, under the advisory lock, and never races. PostgreSQL only: the lock is PostgreSQL's; SQLite is
/// one file for one server.
/// </summary>
public sealed class MigratieTests : IAsyncLifetime
{
    private readonly string _database = $"koers_test_{Guid.NewGuid():N}";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => PostgresFactory.VerwijderDatabaseAsync(_database);

    [Fact]
    public async Task Drie_instanties_tegelijk_op_een_lege_database_migreren_en_vullen_een_keer()
    {
        var factories = Enumerable.Range(0, 3).Select(_ => new GedeeldePostgresFactory(_database)).ToList();
        try
        {
            // Each host runs the whole preparation while it starts; start all three at the same moment.
            using var start = new Barrier(3);
            await Task.WhenAll(factories.Select(f => Task.Run(() =>
            {
                start.SignalAndWait();
                _ = f.Server;
            })));

            var (migraties, bekend) = factories[0].MetDatabase(db => (db.Database.GetAppliedMigrations().Count(), db.Database.GetMigrations().Count()));
            Assert.Equal(bekend, migraties);
            // The demo data (60 cases, one region Kempen, one account per person) exactly once, not three times.
            Assert.Equal(60, factories[0].MetDatabase(db => db.Inburgeraars.Count()));
            Assert.Equal(1, factories[0].MetDatabase(db => db.Users.Count(u => u.Email == "sanne.devries@kempen.example")));
            Assert.Equal(1, factories[0].MetDatabase(db => db.Regios.Count(r => r.Naam.Contains("Kempen"))));
            // The monitor table has one row per case, not three.
            Assert.Equal(60, factories[0].MetDatabase(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM monitor_dossier").Single()));
            foreach (var f in factories) Assert.Empty(await f.Services.GetRequiredService<Schemastand>().VernieuwAsync());
        }
        finally
        {
            foreach (var f in factories) f.Dispose();
        }
    }

    [Fact]
    public async Task Een_instantie_die_niet_zelf_migreert_wacht_op_de_migratiestap_en_start_dan()
    {
        // The migration Job is "running": it holds the lock while this instance starts with MigrerenBijStart=false.
        var zonderMigratie = new GedeeldePostgresFactory(_database, b => b
            .UseSetting("Koers:Database:MigrerenBijStart", "false")
            .UseSetting("Koers:Database:SchemaWachttijdSeconden", "60"));
        var job = new GedeeldePostgresFactory(_database);
        try
        {
            var wachtend = Task.Run(() => _ = zonderMigratie.Server);
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.False(wachtend.IsCompleted, "De instantie startte op een lege database zonder te migreren.");
            await Task.Run(() => _ = job.Server);
            await wachtend.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Empty(await zonderMigratie.Services.GetRequiredService<Schemastand>().VernieuwAsync());
        }
        finally
        {
            job.Dispose();
            zonderMigratie.Dispose();
        }
    }

    [Fact]
    public async Task Zonder_migratiestap_weigert_de_instantie_te_starten_met_een_duidelijke_melding()
    {
        using var factory = new GedeeldePostgresFactory(_database, b => b
            .UseSetting("Koers:Database:MigrerenBijStart", "false")
            .UseSetting("Koers:Database:SchemaWachttijdSeconden", "1"));
        // Program logs the reason and ends with exit code 1 (ProcesTests sees the code); the host never serves.
        _ = factory.Server;
        var melding = Assert.Single(factory.Logs.Regels, r => r.Contains("loopt achter"));
        Assert.Contains("Koers.Web migrate", melding);
        Assert.Contains("MigrerenBijStart", melding);
    }
}

using Koers.Data;
using Koers.Web.Features.Termijnen;
using Koers.Web.Infrastructure.Planning;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Koers.Web.Tests.Schaal;

/// <summary>One Koers instance of several on the same PostgreSQL database (the database is named, not random).</summary>
public sealed class GedeeldePostgresFactory(string database, string instantie) : KoersFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresFactory.PgServer) { Database = database }.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Koers:Instantie", instantie);
    }
}

/// <summary>
/// Scale-out: two Koers instances (two hosts, each its own DI container and connection pool) behind one PostgreSQL
/// database. Started on both at the very same moment, the nightly recomputation runs exactly once; the lease row
/// shows which instance did it; a run on request while the other instance holds the lease is refused.
/// </summary>
public sealed class TweeInstantiesTests : IAsyncLifetime
{
    private readonly string _database = $"koers_schaal_{Guid.NewGuid():N}";
    private GedeeldePostgresFactory _a = null!;
    private GedeeldePostgresFactory _b = null!;

    public Task InitializeAsync()
    {
        // The first instance migrates and seeds; only then the second starts (as a rolling deploy would).
        _a = new GedeeldePostgresFactory(_database, "instantie-a");
        _ = _a.Services;
        _b = new GedeeldePostgresFactory(_database, "instantie-b");
        _ = _b.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await PostgresFactory.VerwijderDatabaseAsync(_database);
    }

    private static async Task<HerberekeningResultaat?> NachtAsync(KoersFactory factory, Barrier start)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var taak = scope.ServiceProvider.GetRequiredService<TermijnTaak>();
        await Task.Run(() => start.SignalAndWait(TimeSpan.FromSeconds(30)));
        return await taak.NachtelijkAsync();
    }

    [Fact]
    public async Task De_nachtelijke_herberekening_draait_een_keer_ook_als_beide_instanties_tegelijk_starten()
    {
        // Give the run real work: a policy change that moves deadlines in one municipality.
        _a.MetDatabase(db => db.Gemeenten.Where(g => g.Code == "GM1724").ExecuteUpdate(s => s.SetProperty(g => g.VoortgangsgesprekIntervalMaanden, 5)));

        for (var ronde = 0; ronde < 3; ronde++)
        {
            using var start = new Barrier(2);
            var uitkomsten = await Task.WhenAll(NachtAsync(_a, start), NachtAsync(_b, start));
            // The first round runs once in total; later rounds of the same night find it done.
            Assert.Equal(ronde == 0 ? 1 : 0, uitkomsten.Count(u => u is not null));
        }

        var slot = _b.MetDatabase(db => db.Taaksloten.AsNoTracking().Single(t => t.Naam == TermijnTaak.Naam));
        Assert.Equal(1, slot.Uitvoeringen);
        Assert.Equal(TermijnTaak.Nachtperiode(KoersFactory.Vandaag), slot.LaatstePeriode);
        Assert.Contains(slot.LaatstVoltooidDoor, new[] { "instantie-a", "instantie-b" });
        Assert.Null(slot.Eigenaar);
        Assert.Equal(1, _a.MetDatabase(db => db.Audit.Count(a => a.Omschrijving.StartsWith("Nachtelijke herberekening"))));

        // One history row per moved deadline, not two: the work was not done twice.
        var dubbel = _a.MetDatabase(db => db.TermijnWijzigingen.Where(w => w.Aanleiding.StartsWith("Nachtelijke herberekening"))
            .GroupBy(w => new { w.InburgeraarId, w.Code }).Count(g => g.Count() > 1));
        Assert.True(_a.MetDatabase(db => db.TermijnWijzigingen.Any(w => w.Aanleiding.StartsWith("Nachtelijke herberekening"))));
        Assert.Equal(0, dubbel);

        // The next night (clock of both instances moves on) runs again, once.
        _a.Tijd.Nu = _a.Tijd.Nu.AddDays(1);
        _b.Tijd.Nu = _b.Tijd.Nu.AddDays(1);
        using var volgende = new Barrier(2);
        var morgen = await Task.WhenAll(NachtAsync(_a, volgende), NachtAsync(_b, volgende));
        Assert.Equal(1, morgen.Count(u => u is not null));
        Assert.Equal(2, _a.MetDatabase(db => db.Taaksloten.AsNoTracking().Single(t => t.Naam == TermijnTaak.Naam).Uitvoeringen));
    }

    [Fact]
    public async Task Een_instantie_neemt_het_slot_niet_over_zolang_de_ander_het_vasthoudt()
    {
        await using var scopeA = _a.Services.CreateAsyncScope();
        await using var scopeB = _b.Services.CreateAsyncScope();
        var slotA = scopeA.ServiceProvider.GetRequiredService<Taaksloten>();
        var slotB = scopeB.ServiceProvider.GetRequiredService<Taaksloten>();

        // While instance A holds the recomputation, a run on request on instance B is refused (the API answers 409).
        var taakB = scopeB.ServiceProvider.GetRequiredService<TermijnTaak>();
        Assert.True(await slotA.ProbeerAsync(TermijnTaak.Naam, null, TermijnTaak.Lease));
        Assert.Null(await taakB.HandmatigAsync("test"));
        var api = await _b.CreateClient().PostAsync("/api/v1/beheer/termijnen/herberekening", null);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, api.StatusCode);
        await slotA.GeefVrijAsync(TermijnTaak.Naam);
        Assert.NotNull(await taakB.HandmatigAsync("test"));

        Assert.True(await slotA.ProbeerAsync("schaal-test", null, TimeSpan.FromMinutes(5)));
        Assert.False(await slotB.ProbeerAsync("schaal-test", null, TimeSpan.FromMinutes(5)));

        // After the lease expires (the holder crashed), the other instance may take over.
        _b.Tijd.Nu = _b.Tijd.Nu.AddMinutes(6);
        Assert.True(await slotB.ProbeerAsync("schaal-test", null, TimeSpan.FromMinutes(5)));
        Assert.Equal("instantie-b", (await slotB.StandAsync("schaal-test"))!.Eigenaar);

        // The former holder cannot release a lease that is no longer its own.
        await slotA.GeefVrijAsync("schaal-test");
        Assert.Equal("instantie-b", (await slotB.StandAsync("schaal-test"))!.Eigenaar);
    }
}

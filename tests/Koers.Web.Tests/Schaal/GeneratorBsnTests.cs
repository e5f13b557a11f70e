using Koers.Bench;
using Koers.Data;
using Koers.Data.Versleuteling;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Koers.Web.Tests.Schaal;

/// <summary>
/// The benchmark generator writes BSNs and V-nummers as Koers stores them (encrypted, with their blind index, by
/// binary COPY), so a Koers started on the generated database reads and finds its cases and has nothing to fix.
/// </summary>
public sealed class GeneratorBsnTests : IAsyncLifetime
{
    private readonly string _database = $"koers_genbsn_{Guid.NewGuid():N}";
    private string Verbinding => new NpgsqlConnectionStringBuilder(PostgresFactory.PgServer) { Database = _database }.ConnectionString;

    public Task InitializeAsync() => new Generator(Verbinding, 200, 11, new DateOnly(2026, 6, 16), TestSleutels.Bescherming()).GenereerAsync();

    public Task DisposeAsync() => PostgresFactory.VerwijderDatabaseAsync(_database);

    [Fact]
    public async Task De_generator_schrijft_versleuteld_met_index_en_Koers_vindt_de_gevallen_op_bsn_en_vnummer()
    {
        // The raw columns: ciphertext under key 1 and an index under index key 1, never a clear number.
        var rijen = new List<(string? Bsn, string? BsnIndex, string? VNummer, string? VNummerIndex)>();
        await using (var conn = new NpgsqlConnection(Verbinding))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""SELECT "Bsn", "BsnIndex", "VNummer", "VNummerIndex" FROM inburgeraar""", conn);
            await using var rd = await cmd.ExecuteReaderAsync();
            while (await rd.ReadAsync())
            {
                rijen.Add((rd.IsDBNull(0) ? null : rd.GetString(0), rd.IsDBNull(1) ? null : rd.GetString(1), rd.IsDBNull(2) ? null : rd.GetString(2), rd.IsDBNull(3) ? null : rd.GetString(3)));
            }
        }

        Assert.Equal(200, rijen.Count);
        Assert.All(rijen, r =>
        {
            Assert.True(r.Bsn is null || (r.Bsn.StartsWith("v1:", StringComparison.Ordinal) && r.BsnIndex!.StartsWith("1:", StringComparison.Ordinal)), r.Bsn);
            Assert.True(r.VNummer is null || (r.VNummer.StartsWith("v1:", StringComparison.Ordinal) && r.VNummerIndex!.StartsWith("1:", StringComparison.Ordinal)), r.VNummer);
            Assert.Equal(r.Bsn is null, r.BsnIndex is null);
            Assert.Equal(r.VNummer is null, r.VNummerIndex is null);
        });

        // Koers with the same keys on this database: the start-up step finds nothing to rewrite, and the cases are found.
        using var koers = new GedeeldePostgresFactory(_database, "generator");
        using var scope = koers.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KoersDbContext>();
        Assert.Equal(0, (await BsnOpslag.BijwerkenAsync(db, herversleutelen: false)).Herschreven);
        var b = scope.ServiceProvider.GetRequiredService<BsnBescherming>();
        var metBsn = await db.Inburgeraars.Where(i => i.Bsn != null).OrderBy(i => i.Id).Select(i => new { i.Id, i.Bsn }).Take(20).ToListAsync();
        Assert.Equal(20, metBsn.Count);
        foreach (var g in metBsn)
        {
            Assert.Matches("^999[0-9]{6}$", g.Bsn!.Value.Value);
            Assert.Equal(g.Id, (await db.Inburgeraars.MetBsn(b, g.Bsn.Value).SingleAsync()).Id);
        }

        var metVNummer = await db.Inburgeraars.Where(i => i.VNummer != null).Select(i => new { i.Id, i.VNummer }).FirstAsync();
        Assert.Equal(metVNummer.Id, (await db.Inburgeraars.MetVNummer(b, metVNummer.VNummer!.Value).SingleAsync()).Id);
    }
}

using System.Net;
using Koers.Data;
using Koers.Web.Features.Audit;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Koers.Web.Tests.Deploy;

/// <summary>
/// Issue #18: scripts/backup.sh dumps a populated Koers database, scripts/restore.sh puts it into a NEW database, and
/// everything is back: every case (by id and a hash of the whole row), every letter (the PDF bytes), every audit row, every
/// other table and the identity sequences; Koers started on the restored database with the same keys reads the BSNs and
/// finds the audit hash chain intact. A second restore into the now non-empty database is refused.
/// </summary>
public sealed class BackupHerstelTests : IAsyncLifetime
{
    /// <summary>The demo municipalities within the test user's reach.</summary>
    private static readonly string[] Kempen = ["GM1724", "GM1728", "GM0770", "GM1667"];

    private readonly PostgresFactory _bron = new();
    private readonly string _herstel = $"koers_herstel_{Guid.NewGuid():N}";
    private readonly string _map = Path.Combine(Path.GetTempPath(), $"koers-backup-{Guid.NewGuid():N}");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_map);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _bron.Dispose();
        await PostgresFactory.VerwijderDatabaseAsync(_herstel);
        if (Directory.Exists(_map)) Directory.Delete(_map, recursive: true);
    }

    [Fact]
    public async Task Een_teruggezette_dump_bevat_elk_dossier_elke_brief_en_elke_auditregel_en_de_auditketen_klopt()
    {
        // The source: demo data (cases, PIP decisions and enforcement letters as PDF), audit rows from real requests,
        // part of them sealed in the chain and part still waiting for the sealer, as in a running Koers.
        var client = _bron.CreateClient();
        var ids = _bron.MetDatabase(db => db.Inburgeraars.Where(i => Kempen.Contains(i.Gemeente!.Code)).OrderBy(i => i.Id).Select(i => i.Id).Take(6).ToList());
        foreach (var id in ids.Take(3)) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/inburgeraars/{id}")).StatusCode);
        var verzegeld = await KetenAsync(_bron.Services);
        Assert.True(verzegeld.Intact, verzegeld.Melding);
        foreach (var id in ids.Skip(3)) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/inburgeraars/{id}")).StatusCode);
        var bronDb = _bron.MetDatabase(db => db.Database.GetDbConnection().Database);
        var bsnBron = _bron.MetDatabase(db => db.Inburgeraars.Where(i => i.Bsn != null).OrderBy(i => i.Id).Select(i => new { i.Id, i.Bsn }).First());

        var voor = await InhoudAsync(bronDb);
        Assert.True(voor.Dossiers.Count >= 60, $"{voor.Dossiers.Count} dossiers");
        Assert.NotEmpty(voor.Beschikkingen);
        Assert.NotEmpty(voor.Handhavingsbrieven);
        Assert.Contains(voor.Audit, a => a.Value.Verzegeld);
        Assert.Contains(voor.Audit, a => !a.Value.Verzegeld);

        // Backup and restore with the scripts, as an operator does.
        var dump = Path.Combine(_map, "koers.dump");
        var backup = await Omgeving.VoerUitAsync("bash", ["scripts/backup.sh", dump], Omgeving.LibpqOmgeving(bronDb));
        Assert.True(backup.Code == 0, $"backup.sh: {backup.Code}\n{backup.Fout}");
        Assert.True(File.Exists(dump) && File.Exists(dump + ".sha256"));
        var restore = await Omgeving.VoerUitAsync("bash", ["scripts/restore.sh", dump], Omgeving.LibpqOmgeving(_herstel));
        Assert.True(restore.Code == 0, $"restore.sh: {restore.Code}\n{restore.Fout}");

        var na = await InhoudAsync(_herstel);
        Assert.Equal(voor.Dossiers, na.Dossiers);
        Assert.Equal(voor.Beschikkingen.Keys.Order(), na.Beschikkingen.Keys.Order());
        foreach (var (id, pdf) in voor.Beschikkingen) Assert.True(pdf.AsSpan().SequenceEqual(na.Beschikkingen[id]), $"beschikking {id}");
        Assert.Equal(voor.Handhavingsbrieven.Keys.Order(), na.Handhavingsbrieven.Keys.Order());
        foreach (var (id, pdf) in voor.Handhavingsbrieven) Assert.True(pdf.AsSpan().SequenceEqual(na.Handhavingsbrieven[id]), $"handhavingsbrief {id}");
        Assert.Equal(voor.Audit, na.Audit);
        Assert.Equal(voor.Tabellen, na.Tabellen);
        Assert.Equal(voor.Reeksen, na.Reeksen);

        // Restoring again over the restored database is refused and changes nothing.
        var nogmaals = await Omgeving.VoerUitAsync("bash", ["scripts/restore.sh", dump], Omgeving.LibpqOmgeving(_herstel));
        Assert.Equal(2, nogmaals.Code);
        Assert.Contains("niet leeg", nogmaals.Fout);
        Assert.Equal(voor.Tabellen, (await InhoudAsync(_herstel)).Tabellen);

        // Koers on the restored database, with the same keys: BSNs readable, the chain intact over every row, new work continues.
        await using var hersteld = _bron.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Koers", Omgeving.Database(_herstel)));
        using (var scope = hersteld.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KoersDbContext>();
            Assert.Equal(_herstel, db.Database.GetDbConnection().Database);
            Assert.Equal(bsnBron.Bsn, await db.Inburgeraars.Where(i => i.Id == bsnBron.Id).Select(i => i.Bsn).SingleAsync());
        }

        Assert.Equal(HttpStatusCode.OK, (await hersteld.CreateClient().GetAsync($"/api/v1/inburgeraars/{ids[0]}")).StatusCode);
        var keten = await KetenAsync(hersteld.Services);
        Assert.True(keten.Intact, keten.Melding);
        Assert.True(keten.Gecontroleerd > voor.Audit.Count, $"{keten.Gecontroleerd} gecontroleerd, {voor.Audit.Count} in de dump");
        Assert.Equal(0, keten.Onverzegeld);
    }

    private static async Task<KetenControle> KetenAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AuditKeten>().ControleerAsync();
    }

    private sealed record Auditregel(string Hash, bool Verzegeld);

    private sealed record Inhoud(
        Dictionary<Guid, string> Dossiers, Dictionary<Guid, byte[]> Beschikkingen, Dictionary<Guid, byte[]> Handhavingsbrieven,
        Dictionary<long, Auditregel> Audit, SortedDictionary<string, string> Tabellen, SortedDictionary<string, long> Reeksen);

    /// <summary>
    /// What is in a database, to compare two: per case and audit row the md5 of the whole row as PostgreSQL prints it, the
    /// letters' bytes, per table the row count and an md5 over its rows' md5s (order-independent), and each sequence's position.
    /// </summary>
    private static async Task<Inhoud> InhoudAsync(string database)
    {
        await using var conn = new NpgsqlConnection(Omgeving.Database(database));
        await conn.OpenAsync();

        async Task<List<T>> Lees<T>(string sql, Func<NpgsqlDataReader, T> rij)
        {
            var lijst = new List<T>();
            await using var cmd = new NpgsqlCommand(sql, conn);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) lijst.Add(rij(r));
            return lijst;
        }

        var dossiers = (await Lees("SELECT \"Id\", md5(t::text) FROM inburgeraar t", r => (r.GetGuid(0), r.GetString(1)))).ToDictionary();
        var beschikkingen = (await Lees("SELECT \"Id\", \"Pdf\" FROM beschikking", r => (r.GetGuid(0), (byte[])r[1]))).ToDictionary();
        var brieven = (await Lees("SELECT \"Id\", \"Pdf\" FROM handhavingsbesluit WHERE \"Pdf\" IS NOT NULL", r => (r.GetGuid(0), (byte[])r[1]))).ToDictionary();
        var audit = (await Lees("SELECT \"Id\", md5(t::text), \"Hash\" IS NOT NULL FROM audit t", r => (r.GetInt64(0), new Auditregel(r.GetString(1), r.GetBoolean(2))))).ToDictionary();

        var namen = await Lees("SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public'", r => r.GetString(0));
        var tabellen = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var naam in namen)
        {
            var (aantal, hash) = (await Lees($"SELECT count(*), coalesce(md5(string_agg(md5(t::text), ',' ORDER BY md5(t::text))), '') FROM {naam} t",
                r => (r.GetInt64(0), r.GetString(1)))).Single();
            tabellen[naam] = $"{aantal}:{hash}";
        }

        var reeksen = new SortedDictionary<string, long>(
            (await Lees("SELECT sequencename, coalesce(last_value, 0) FROM pg_sequences WHERE schemaname = 'public'", r => (r.GetString(0), r.GetInt64(1)))).ToDictionary(),
            StringComparer.Ordinal);
        return new Inhoud(dossiers, beschikkingen, brieven, audit, tabellen, reeksen);
    }
}

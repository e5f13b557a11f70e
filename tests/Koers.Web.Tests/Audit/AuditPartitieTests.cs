using Koers.Data;
using Koers.Data.Model;
using Koers.Web.Features.Audit;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Audit;

/// <summary>
/// The audit log at national scale (AuditBewaring): on PostgreSQL monthly partitions made ahead, idempotently, with a
/// default partition so no insert fails; retention drops whole months (gone from pg_class and pg_inherits) and audits
/// the drop; on SQLite the same retention deletes rows. Either way the hash chain stays intact from its begin anchor and
/// the auditor's search finds rows across months. The test clock stands on 16 June 2026; the term is 60 months, so
/// everything before June 2021 goes.
/// </summary>
public abstract class AuditPartitieTests(KoersFactory factory)
{
    private const string KempenAuditor = "auditor@kempen.example";
    private bool Pg => factory.Provider == DatabaseProvider.Postgres;

    private async Task<T> MetAsync<T>(Func<AuditBewaring, KoersDbContext, Task<T>> werk)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await werk(scope.ServiceProvider.GetRequiredService<AuditBewaring>(), scope.ServiceProvider.GetRequiredService<KoersDbContext>());
    }

    private async Task<KetenControle> KetenAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditKeten>().ControleerAsync();
    }

    private long Voeg(DateTime op, string omschrijving, Guid? dossier = null) => factory.MetDatabase(db =>
    {
        var r = new AuditRegel { Op = op, Gebruiker = "partitietest@koers.example", Actie = AuditActie.Inzien, InburgeraarId = dossier, Omschrijving = omschrijving };
        db.Audit.Add(r);
        db.SaveChanges();
        return r.Id;
    });

    private static DateTime Utc(int jaar, int maand, int dag) => new(jaar, maand, dag, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>The partition a row is stored in (PostgreSQL).</summary>
    private string PartitieVan(long id) => factory.MetDatabase(db =>
        db.Database.SqlQueryRaw<string>("""SELECT tableoid::regclass::text AS "Value" FROM audit WHERE "Id" = {0}""", id).Single());

    private bool Bestaat(string tabel) => factory.MetDatabase(db =>
        db.Database.SqlQueryRaw<bool>("""SELECT EXISTS (SELECT 1 FROM pg_class WHERE relname = {0}) AS "Value" """, tabel).Single());

    private bool IsPartitie(string tabel) => factory.MetDatabase(db =>
        db.Database.SqlQueryRaw<bool>("""SELECT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit'::regclass AND c.relname = {0}) AS "Value" """, tabel).Single());

    /// <summary>
    /// Issue #21: the auditor's search by account and by period counts (up to 10,001) and filters on the region test
    /// ("RegioId", "InburgeraarId"). Those columns are in the account and period indexes of the parent and of every
    /// partition, including one made later, so the count is an index-only scan and not a heap fetch per row; and the
    /// region's case ids come from an index on inburgeraar (GemeenteId, Id). PostgreSQL only (SQLite has no INCLUDE).
    /// </summary>
    [Fact]
    public async Task De_zoekindexen_van_de_auditor_dragen_de_regiokolommen_op_elke_partitie()
    {
        if (!Pg) return;
        Assert.True(await MetAsync((b, _) => b.ZorgVoorMaandAsync(new DateOnly(2041, 7, 1))));
        var indexen = factory.MetDatabase(db => db.Database.SqlQueryRaw<string>("""
            SELECT c.relname || ': ' || pg_get_indexdef(x.indexrelid) AS "Value"
            FROM pg_class c JOIN pg_index x ON x.indrelid = c.oid
            WHERE c.relname = 'audit' OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = 'audit'::regclass)
            """).ToList());
        var tabellen = indexen.Select(i => i[..i.IndexOf(':', StringComparison.Ordinal)]).Distinct().ToList();
        Assert.Contains("audit_p204107", tabellen);
        Assert.Contains(AuditBewaring.Standaardpartitie, tabellen);
        foreach (var tabel in tabellen)
        {
            Assert.Contains(indexen, i => i.StartsWith(tabel + ":", StringComparison.Ordinal)
                && i.EndsWith("""("Gebruiker", "Id") INCLUDE ("RegioId", "InburgeraarId")""", StringComparison.Ordinal));
            Assert.Contains(indexen, i => i.StartsWith(tabel + ":", StringComparison.Ordinal)
                && i.EndsWith("""("Op") INCLUDE ("RegioId", "InburgeraarId")""", StringComparison.Ordinal));
        }

        var dossierindex = factory.MetDatabase(db => db.Database.SqlQueryRaw<string>(
            """SELECT indexdef AS "Value" FROM pg_indexes WHERE tablename = 'inburgeraar' AND indexname = 'IX_inburgeraar_GemeenteId_Id'""").Single());
        Assert.EndsWith("""("GemeenteId", "Id")""", dossierindex, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partities_maken_is_idempotent_en_een_regel_ver_in_de_toekomst_landt()
    {
        // The start-up step already made this month and the next three; doing it again makes nothing.
        Assert.Equal(0, await MetAsync((b, _) => b.ZorgVoorPartitiesAsync()));
        var partities = await MetAsync((b, _) => b.PartitiesAsync());
        if (Pg)
        {
            Assert.True(await MetAsync((b, _) => b.GepartitioneerdAsync()));
            foreach (var naam in new[] { "audit_p202606", "audit_p202607", "audit_p202608", "audit_p202609", AuditBewaring.Standaardpartitie }) Assert.Contains(naam, partities);
            Assert.DoesNotContain("audit_p202610", partities);
        }
        else
        {
            Assert.Empty(partities);
        }

        // A row of a month nobody made a partition for is not refused: it waits in the default partition ...
        var ver = Voeg(Utc(2040, 3, 5), "Ver in de toekomst");
        if (Pg) Assert.Equal(AuditBewaring.Standaardpartitie, PartitieVan(ver));

        // ... and moves into its month when that partition is made (once; the second time nothing happens).
        Assert.Equal(Pg, await MetAsync((b, _) => b.ZorgVoorMaandAsync(new DateOnly(2040, 3, 1))));
        Assert.False(await MetAsync((b, _) => b.ZorgVoorMaandAsync(new DateOnly(2040, 3, 17))));
        if (Pg)
        {
            Assert.Equal("audit_p204003", PartitieVan(ver));
            Assert.True(IsPartitie("audit_p204003"));
            // The partition carries the parent's indexes (made from the parent's definitions on attach).
            var indexen = factory.MetDatabase(db => db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM pg_indexes WHERE tablename = 'audit_p204003'""").Single());
            Assert.True(indexen >= 7, $"{indexen} indexen op audit_p204003");
        }

        var regel = factory.MetDatabase(db => db.Audit.AsNoTracking().Single(a => a.Id == ver));
        Assert.Equal("Ver in de toekomst", regel.Omschrijving);
        Assert.True((await KetenAsync()).Intact);
    }

    [Fact]
    public async Task Bewaartermijn_verwijdert_oude_maanden_houdt_de_rest_en_de_keten_en_legt_het_vast()
    {
        if (Pg)
        {
            await MetAsync((b, _) => b.ZorgVoorMaandAsync(new DateOnly(2020, 1, 1)));
            await MetAsync((b, _) => b.ZorgVoorMaandAsync(new DateOnly(2020, 2, 1)));
        }

        foreach (var dag in new[] { 3, 10, 20 }) Voeg(Utc(2020, 1, dag), "Oud januari");
        foreach (var dag in new[] { 4, 11 }) Voeg(Utc(2020, 2, dag), "Oud februari");
        // A month without its own partition: in the default partition, removed row by row.
        Voeg(Utc(2019, 12, 30), "Oud december");
        // Inside the term: kept (the first month kept is June 2021).
        var binnen = Voeg(Utc(2021, 6, 1), "Net binnen de termijn");
        var nu = Voeg(KoersFactory.Nu.UtcDateTime, "Vandaag");
        var voor = factory.MetDatabase(db => db.Audit.Count());
        // What the demo data may have that old too (counted, not assumed).
        var grens = new DateTime(2021, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var oudPerMaand = factory.MetDatabase(db => db.Audit.Where(a => a.Op < grens).AsEnumerable()
            .GroupBy(a => new DateOnly(a.Op.Year, a.Op.Month, 1)).ToDictionary(g => g.Key, g => (long)g.Count()));
        Assert.True((await KetenAsync()).Intact);

        var verwijderd = await MetAsync((b, _) => b.VerwijderVerlopenAsync());

        var perMaand = verwijderd.GroupBy(v => v.Maand).ToDictionary(g => g.Key, g => g.Sum(v => v.Regels));
        Assert.Equal(oudPerMaand, perMaand);
        Assert.True(perMaand[new DateOnly(2020, 1, 1)] >= 3 && perMaand[new DateOnly(2020, 2, 1)] >= 2 && perMaand[new DateOnly(2019, 12, 1)] >= 1);
        Assert.All(verwijderd, v => Assert.True(v.Maand < new DateOnly(2021, 6, 1)));
        if (Pg)
        {
            // Whole partitions: gone from the catalogue, not emptied.
            Assert.Contains(verwijderd, v => v.Maand == new DateOnly(2020, 1, 1) && v.Partitie);
            Assert.False(Bestaat("audit_p202001"));
            Assert.False(Bestaat("audit_p202002"));
            Assert.False(IsPartitie("audit_p202001"));
            Assert.True(IsPartitie("audit_p202606"));
            Assert.Equal(AuditBewaring.Standaardpartitie, PartitieVan(binnen));
        }

        factory.MetDatabase(db =>
        {
            Assert.False(db.Audit.Any(a => a.Op < new DateTime(2021, 6, 1, 0, 0, 0, DateTimeKind.Utc)));
            Assert.True(db.Audit.Any(a => a.Id == binnen));
            Assert.True(db.Audit.Any(a => a.Id == nu));
            // The drop is itself audited, per month, with the count, by the system.
            var vastgelegd = db.Audit.AsNoTracking().Where(a => a.ObjectSoort == "Auditmaand").OrderBy(a => a.ObjectId).ToList();
            Assert.Equal(oudPerMaand.Keys.Order().Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)), vastgelegd.Select(a => a.ObjectId!));
            var januari = vastgelegd.Single(a => a.ObjectId == "2020-01");
            Assert.Contains("Auditlog van 2020-01 verwijderd", januari.Omschrijving);
            Assert.Contains($": {oudPerMaand[new DateOnly(2020, 1, 1)]} regels", januari.Omschrijving);
            Assert.Contains(Pg ? "partitie verwijderd" : "regels verwijderd", januari.Omschrijving);
            Assert.Equal(AuditBewaring.Systeem, januari.Gebruiker);
            // The old rows went, one record per month came.
            Assert.Equal(voor - oudPerMaand.Values.Sum() + oudPerMaand.Count, db.Audit.Count());
            return 0;
        });

        // The chain is intact from its new begin, and still catches a row removed after it.
        var keten = await KetenAsync();
        Assert.True(keten.Intact, keten.Melding);
        Assert.Empty(await MetAsync((b, _) => b.VerwijderVerlopenAsync()));

        var weg = factory.MetDatabase(db => db.Audit.AsNoTracking().Single(a => a.Id == binnen));
        factory.MetDatabase(db => db.Audit.Where(a => a.Id == binnen).ExecuteDelete());
        var gebroken = await KetenAsync();
        Assert.False(gebroken.Intact);
        Assert.Contains("verwijderd", gebroken.Melding);
        factory.MetDatabase(db =>
        {
            db.Audit.Add(weg);
            return db.SaveChanges();
        });
        Assert.True((await KetenAsync()).Intact);
    }

    [Fact]
    public async Task De_auditor_vindt_regels_over_maanden_en_partities_heen()
    {
        var dossier = factory.MetDatabase(db => db.Inburgeraars.Where(i => i.Gemeente!.Code == "GM1724").OrderBy(i => i.Id).Select(i => i.Id).First());
        if (Pg) await MetAsync((b, _) => b.ZorgVoorMaandAsync(new DateOnly(2026, 4, 1)));
        var april = Voeg(Utc(2026, 4, 14), "Zoektest april", dossier);
        var mei = Voeg(Utc(2026, 5, 14), "Zoektest mei", dossier);
        var juni = Voeg(Utc(2026, 6, 15), "Zoektest juni", dossier);
        if (Pg)
        {
            Assert.Equal("audit_p202604", PartitieVan(april));
            Assert.Equal(AuditBewaring.Standaardpartitie, PartitieVan(mei));
            Assert.Equal("audit_p202606", PartitieVan(juni));
        }

        var auditor = factory.ClientAls(KempenAuditor);
        var alle = await (await auditor.GetAsync($"/api/v1/audit?dossier={dossier}")).LeesAsync();
        var ids = alle["regels"]!.AsArray().Where(r => r!["omschrijving"]!.GetValue<string>().StartsWith("Zoektest", StringComparison.Ordinal))
            .Select(r => r!["id"]!.GetValue<long>()).ToList();
        // Newest first, from three partitions.
        Assert.Equal([juni, mei, april], ids);

        var mai = await (await auditor.GetAsync($"/api/v1/audit?dossier={dossier}&van=2026-05-01&tot=2026-05-31")).LeesAsync();
        Assert.Equal([mei], mai["regels"]!.AsArray().Where(r => r!["omschrijving"]!.GetValue<string>().StartsWith("Zoektest", StringComparison.Ordinal))
            .Select(r => r!["id"]!.GetValue<long>()).ToList());

        // By account: the full name is matched exactly, part of it still finds it.
        foreach (var term in new[] { "partitietest@koers.example", "partitietest" })
        {
            var opNaam = await (await auditor.GetAsync($"/api/v1/audit?gebruiker={Uri.EscapeDataString(term)}&van=2026-04-01")).LeesAsync();
            var gevonden = opNaam["regels"]!.AsArray().Select(r => r!["id"]!.GetValue<long>()).ToHashSet();
            Assert.Contains(april, gevonden);
            Assert.Contains(juni, gevonden);
        }

        var deel = await (await auditor.GetAsync("/api/v1/audit?gebruiker=partitietest%40koers")).LeesAsync();
        Assert.DoesNotContain(deel["regels"]!.AsArray(), r => r!["id"]!.GetValue<long>() == april);
    }
}

public sealed class SqliteAuditPartitieTests(SqliteFactory factory) : AuditPartitieTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresAuditPartitieTests(PostgresFactory factory) : AuditPartitieTests(factory), IClassFixture<PostgresFactory>;

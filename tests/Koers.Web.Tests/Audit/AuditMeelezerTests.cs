using Koers.Data;
using Koers.Data.Model;
using Koers.Web.Kern;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Audit;

/// <summary>
/// A read's audit row in the read's own statement (Auditlog.MeelezenAsync, Kern.AuditMeelezer), on PostgreSQL: only the
/// tagged query of the same context carries it; a read that did not carry it fails loudly; the row is written only when
/// the read's condition holds.
/// </summary>
public sealed class AuditMeelezerTests(PostgresFactory factory) : IClassFixture<PostgresFactory>
{
    private static readonly Guid Onbekend = Guid.Parse("00000000-0000-0000-0000-00000000a0d1");

    private int Regels(string omschrijving) => factory.MetDatabase(db => db.Audit.Count(a => a.Omschrijving == omschrijving));

    private async Task<T> InScopeAsync<T>(Func<Auditlog, KoersDbContext, Task<T>> werk)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await werk(scope.ServiceProvider.GetRequiredService<Auditlog>(), scope.ServiceProvider.GetRequiredService<KoersDbContext>());
    }

    [Fact]
    public async Task Alleen_de_getagde_lezing_neemt_de_regel_mee_en_een_lezing_zonder_tag_faalt_hardop()
    {
        var omschrijving = $"meelezer-test {Guid.NewGuid():N}";
        var fout = await InScopeAsync(async (audit, db) =>
        {
            using var mee = await audit.MeelezenAsync(AuditActie.Inzien, Onbekend, omschrijving, alleenAlsDossierIn: null, CancellationToken.None);
            // An untagged read on the same context: runs as it is, without the row.
            Assert.True(await db.Gemeenten.AsNoTracking().AnyAsync());
            return Assert.Throws<InvalidOperationException>(mee.Bevestig);
        });
        Assert.Contains(omschrijving, fout.Message, StringComparison.Ordinal);
        Assert.Equal(0, Regels(omschrijving));

        // The tagged read carries it: one row, with the same context as any other (here: a system actor outside a request).
        await InScopeAsync(async (audit, db) =>
        {
            using var mee = await audit.MeelezenAsync(AuditActie.Inzien, Onbekend, omschrijving, alleenAlsDossierIn: null, CancellationToken.None);
            await db.Gemeenten.TagWith(Auditlog.MeeTag).AsNoTracking().ToListAsync();
            mee.Bevestig();
            return 0;
        });
        var regel = factory.MetDatabase(db => db.Audit.AsNoTracking().Single(a => a.Omschrijving == omschrijving));
        Assert.Equal((AuditActie.Inzien, AuditResultaat.Toegestaan, Onbekend), (regel.Actie, regel.Resultaat, regel.InburgeraarId));
        Assert.Equal(("Systeem", "Koers"), (regel.Rol, regel.Organisatie));

        // After the handle is gone, the tagged query carries nothing.
        await InScopeAsync(async (_, db) => await db.Gemeenten.TagWith(Auditlog.MeeTag).AsNoTracking().ToListAsync());
        Assert.Equal(1, Regels(omschrijving));
    }

    [Fact]
    public async Task Met_een_voorwaarde_komt_de_regel_er_alleen_als_het_dossier_binnen_de_gemeenten_valt()
    {
        var (dossier, gemeente, andere) = factory.MetDatabase(db =>
        {
            var i = db.Inburgeraars.AsNoTracking().OrderBy(x => x.Id).Select(x => new { x.Id, x.GemeenteId }).First();
            return (i.Id, i.GemeenteId, db.Gemeenten.Where(g => g.Id != i.GemeenteId).Select(g => g.Id).First());
        });
        var omschrijving = $"meelezer-voorwaarde {Guid.NewGuid():N}";

        async Task LeesAsync(int[] gemeenten) => await InScopeAsync(async (audit, db) =>
        {
            using var mee = await audit.MeelezenAsync(AuditActie.Inzien, dossier, omschrijving, alleenAlsDossierIn: gemeenten, CancellationToken.None);
            await db.Inburgeraars.TagWith(Auditlog.MeeTag).AsNoTracking().Where(i => i.Id == dossier && gemeenten.Contains(i.GemeenteId)).ToListAsync();
            mee.Bevestig();
            return 0;
        });

        await LeesAsync([andere]);
        Assert.Equal(0, Regels(omschrijving));
        await LeesAsync([andere, gemeente]);
        Assert.Equal(1, Regels(omschrijving));
    }
}

using System.Net;
using Koers.Data.Model;
using Koers.Web.Features.Audit;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Audit;

/// <summary>
/// Audit and stamps as infrastructure, seen from outside: an action through the API writes exactly one audit row whose
/// structured fields (who, what, which case, which object, when) come from the Auditlog service, and the entity it saved
/// carries created/modified stamps from the StempelInterceptor: the business clock's time and the signed-in user's name.
/// The hash chain covers the object columns.
/// </summary>
public abstract class AuditlogTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private static readonly object Plan = new { leerroute = "b1Route", hoofddoel = "betaaldWerken", aanbieder = "Taalles op het AZC", knm = true, pvt = true, map = false };

    private async Task<Guid> DossierAsync(string naam)
    {
        var invoer = Testdata.Inburgeraar(gemeente: "GM1724", koppelingsdatum: "2026-05-04");
        invoer["achternaam"] = naam;
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.LeesAsync())["id"]!.GetValue<string>());
    }

    private List<AuditRegel> Regels(Guid dossier, string objectSoort) => factory.MetDatabase(db =>
        db.Audit.AsNoTracking().Where(a => a.InburgeraarId == dossier && a.ObjectSoort == objectSoort).OrderBy(a => a.Id).ToList());

    [Fact]
    public async Task Een_actie_schrijft_een_auditregel_met_gebruiker_actie_dossier_object_en_tijd_van_de_klok()
    {
        var id = await DossierAsync("Auditlog");

        var opgeslagen = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/pip/voorlopig", Plan);
        Assert.True(opgeslagen.StatusCode == HttpStatusCode.OK, await opgeslagen.Content.ReadAsStringAsync());

        var regel = Assert.Single(Regels(id, nameof(VoorlopigPlan)));
        Assert.Equal(KoersFactory.TestGebruiker, regel.Gebruiker);
        Assert.Equal(AuditActie.Wijzigen, regel.Actie);
        Assert.Equal(id, regel.InburgeraarId);
        Assert.Equal(id.ToString("D"), regel.ObjectId);
        Assert.Equal(factory.Tijd.Nu.UtcDateTime, regel.Op);
        Assert.Equal("Voorlopig plan (pre-PIP) opgeslagen; geen beschikking, geen termijn, niet naar DUO", regel.Omschrijving);
        Assert.Equal(AuditResultaat.Toegestaan, regel.Resultaat);
        // The context is still filled when the row is saved (AuditAanvuller): the user's roles, not the system's.
        Assert.NotNull(regel.Rol);
        Assert.NotEqual(AuditAanvuller.Systeem, regel.Rol);
        Assert.Equal(AuditDoel.Dossierbehandeling, regel.Doel);
    }

    [Fact]
    public async Task Een_opgeslagen_entiteit_krijgt_haar_stempels_van_de_interceptor()
    {
        var id = await DossierAsync("Stempels");
        var (aangemaakt, gewijzigd) = factory.MetDatabase(db => db.Inburgeraars.Where(i => i.Id == id).Select(i => new { i.AangemaaktOp, i.GewijzigdOp }).Single() is var r
            ? (r.AangemaaktOp, r.GewijzigdOp) : default);
        Assert.Equal(factory.Tijd.Nu.UtcDateTime, aangemaakt);
        Assert.Equal(aangemaakt, gewijzigd);

        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/pip/voorlopig", Plan)).StatusCode);
        var eerst = factory.MetDatabase(db => db.Set<VoorlopigPlan>().AsNoTracking().Single(p => p.InburgeraarId == id));
        Assert.Equal(factory.Tijd.Nu.UtcDateTime, eerst.GewijzigdOp);
        Assert.Equal(KoersFactory.TestGebruiker, eerst.GewijzigdDoor);

        // An update later, by someone else: both stamps move with it. The clock is this class's own (its own factory).
        var voor = factory.Tijd.Nu;
        try
        {
            factory.Tijd.Nu = voor.AddHours(3);
            var ander = factory.ClientAls("sanne.devries@kempen.example");
            var bijgewerkt = await ander.PutJsonAsync($"/api/v1/inburgeraars/{id}/pip/voorlopig", new { leerroute = "b1Route", hoofddoel = "betaaldWerken", aanbieder = "Taalles in de bibliotheek", knm = true, pvt = true, map = false });
            Assert.True(bijgewerkt.StatusCode == HttpStatusCode.OK, await bijgewerkt.Content.ReadAsStringAsync());
            var daarna = factory.MetDatabase(db => db.Set<VoorlopigPlan>().AsNoTracking().Single(p => p.InburgeraarId == id));
            Assert.Equal(voor.AddHours(3).UtcDateTime, daarna.GewijzigdOp);
            Assert.Equal("sanne.devries@kempen.example", daarna.GewijzigdDoor);
        }
        finally
        {
            factory.Tijd.Nu = voor;
        }
    }

    [Fact]
    public async Task De_hashketen_dekt_het_object_van_een_regel()
    {
        var id = await DossierAsync("Keten");
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/pip/voorlopig", Plan)).StatusCode);
        var intact = await ControleerAsync();
        Assert.True(intact.Intact, intact.Melding);

        var regel = Assert.Single(Regels(id, nameof(VoorlopigPlan)));
        Assert.NotNull(regel.Volgnummer);
        try
        {
            // A DBA pointing the row at another object, or taking the object away: both break the chain at that row.
            factory.MetDatabase(db => db.Audit.Where(a => a.Id == regel.Id).ExecuteUpdate(s => s.SetProperty(a => a.ObjectId, Guid.Empty.ToString("D"))));
            var ander = await ControleerAsync();
            Assert.False(ander.Intact);
            Assert.Equal(regel.Id, ander.RegelId);

            factory.MetDatabase(db => db.Audit.Where(a => a.Id == regel.Id).ExecuteUpdate(s => s
                .SetProperty(a => a.ObjectId, (string?)null).SetProperty(a => a.ObjectSoort, (string?)null)));
            var weg = await ControleerAsync();
            Assert.False(weg.Intact);
            Assert.Equal(regel.Id, weg.RegelId);
        }
        finally
        {
            factory.MetDatabase(db => db.Audit.Where(a => a.Id == regel.Id).ExecuteUpdate(s => s
                .SetProperty(a => a.ObjectId, regel.ObjectId).SetProperty(a => a.ObjectSoort, regel.ObjectSoort)));
        }

        Assert.True((await ControleerAsync()).Intact);
    }

    private async Task<KetenControle> ControleerAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditKeten>().ControleerAsync();
    }
}

public sealed class SqliteAuditlogTests(SqliteFactory factory) : AuditlogTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresAuditlogTests(PostgresFactory factory) : AuditlogTests(factory), IClassFixture<PostgresFactory>;

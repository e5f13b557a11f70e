using Koers.Bench;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Versleuteling;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koers.Web.Tests.Schaal;

/// <summary>
/// The benchmark's data generator on a small set (500 cases; the national run is bench/run.sh, outside the test run):
/// it fills an empty PostgreSQL database, its stored deadlines and phases are what the legal clock computes, its
/// distributions are roughly those of the sources, and its log-ins work with the Identity hasher.
/// </summary>
public sealed class GeneratorTests : IAsyncLifetime
{
    private static readonly DateOnly Peildatum = new(2026, 6, 16);
    private readonly string _database = $"koers_gen_{Guid.NewGuid():N}";
    private string Verbinding => new NpgsqlConnectionStringBuilder(PostgresFactory.PgServer) { Database = _database }.ConnectionString;

    public Task InitializeAsync() => new Generator(Verbinding, 500, 7, Peildatum, TestSleutels.Bescherming()).GenereerAsync();

    public Task DisposeAsync() => PostgresFactory.VerwijderDatabaseAsync(_database);

    private PostgresKoersDbContext Db() => new(new DbContextOptionsBuilder<PostgresKoersDbContext>().UseNpgsql(Verbinding).UseBsnBescherming(TestSleutels.Bescherming()).Options);

    [Fact]
    public async Task Vult_een_lege_database_consistent_met_de_wettelijke_klok()
    {
        await using var db = Db();
        Assert.Equal(500, await db.Inburgeraars.CountAsync());
        Assert.Equal(Generator.Gemeenten, await db.Gemeenten.CountAsync());
        Assert.Equal(500 * 6, await db.Termijnen.CountAsync());
        Assert.True(await db.Urenregistraties.AnyAsync());
        Assert.True(await db.PipVersies.AnyAsync());
        Assert.Equal(1000, await db.Audit.CountAsync());

        var dossiers = await db.Inburgeraars.Include(i => i.Gemeente).Include(i => i.Mijlpalen).Include(i => i.Termijnen).AsSplitQuery().ToListAsync();
        foreach (var i in dossiers)
        {
            var feiten = i.Feiten();
            Assert.Empty(MijlpaalRegels.Controleer(feiten, Peildatum));
            Assert.Equal(FaseBepaling.Bepaal(feiten), i.Fase);
            foreach (var t in LegalClock.Bereken(feiten, i.Gemeente!.Instellingen))
            {
                var opgeslagen = i.Termijnen.Single(x => x.Code == t.Code);
                Assert.True(Features.Termijnen.TermijnHerberekening.Gelijk(Termijnregel.Uit(i.Id, t), opgeslagen), $"{i.Id} {t.Code}");
            }
        }

        // Roughly the source mix: 38% gezins-/overige migrants among Wi2021 cases, B1 the most common route.
        var wi2021 = dossiers.Where(d => d.Doelgroep.ValtOnderWi2021()).ToList();
        var gezins = wi2021.Count(d => d.Doelgroep is Doelgroep.Gezinsmigrant or Doelgroep.OverigeMigrant) / (double)wi2021.Count;
        Assert.InRange(gezins, 0.28, 0.48);
        Assert.Equal(Leerroute.B1Route, wi2021.Where(d => d.Leerroute is not null).GroupBy(d => d.Leerroute).MaxBy(g => g.Count())!.Key);
        Assert.All(dossiers, d => Assert.True(d.Bsn is not null || d.VNummer is not null));
    }

    [Fact]
    public async Task Klantregisseurs_kunnen_inloggen_met_het_benchwachtwoord()
    {
        await using var db = Db();
        var gebruiker = await db.Users.FirstAsync(u => u.MedewerkerId != null);
        var hasher = new PasswordHasher<Gebruiker>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(gebruiker, gebruiker.PasswordHash!, Generator.Wachtwoord));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(gebruiker, gebruiker.PasswordHash!, "fout-wachtwoord-1"));
        var rol = await db.Roles.SingleAsync(r => r.Name == Rollen.Klantregisseur);
        Assert.True(await db.UserRoles.AnyAsync(ur => ur.UserId == gebruiker.Id && ur.RoleId == rol.Id));

        // Every case with a klantregisseur is within that person's municipality.
        Assert.False(await db.Inburgeraars.AnyAsync(i => i.Klantregisseur != null && i.Klantregisseur.GemeenteId != i.GemeenteId));
    }

    [Fact]
    public async Task Taalscholen_hebben_een_inlog_en_machtigingen_voor_de_lopende_dossiers_van_hun_regio()
    {
        await using var db = Db();
        var partnerRol = await db.Roles.SingleAsync(r => r.Name == Rollen.Partner);
        var eerste = await db.Users.SingleAsync(u => u.Email == Generator.PartnerEmail(0));
        Assert.NotNull(eerste.PartnerorganisatieId);
        Assert.True(await db.UserRoles.AnyAsync(ur => ur.UserId == eerste.Id && ur.RoleId == partnerRol.Id));
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<Gebruiker>().VerifyHashedPassword(eerste, eerste.PasswordHash!, Generator.Wachtwoord));
        Assert.Equal(Generator.Regios, await db.Users.CountAsync(u => u.PartnerorganisatieId != null));

        // Consents only for cases in the partner's own region, for progress data, and for every case with reported hours.
        var machtigingen = await db.Machtigingen.AsNoTracking().ToListAsync();
        Assert.NotEmpty(machtigingen);
        var regioVanPartner = await db.Partnerorganisaties.ToDictionaryAsync(p => p.Id, p => p.RegioId);
        var regioVanDossier = await db.Inburgeraars.Select(i => new { i.Id, i.Gemeente!.RegioId }).ToDictionaryAsync(x => x.Id, x => x.RegioId);
        Assert.All(machtigingen, m =>
        {
            Assert.Equal(regioVanPartner[m.PartnerorganisatieId], regioVanDossier[m.InburgeraarId]);
            Assert.True(m.Categorieen.HasFlag(Data.Model.Keten.Gegevenscategorie.Voortgang));
            Assert.True(m.IsActiefOp(Peildatum));
        });
        var gemachtigd = machtigingen.Select(m => (m.InburgeraarId, m.PartnerorganisatieId)).ToHashSet();
        var uren = await db.Urenregistraties.Select(u => new { u.InburgeraarId, u.PartnerorganisatieId }).Distinct().ToListAsync();
        Assert.All(uren, u => Assert.Contains((u.InburgeraarId, u.PartnerorganisatieId!.Value), gemachtigd));
    }
}

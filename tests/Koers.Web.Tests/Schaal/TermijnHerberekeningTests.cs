using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Web.Features.Dossier;
using Koers.Web.Features.Termijnen;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Schaal;

/// <summary>
/// The bulk recomputation of all deadlines gives exactly what the per-case path (DossierService.PasMijlpalenToe with the
/// legal clock) gives, writes only what changed, keeps the history of moved due dates, and is idempotent.
/// Each test changes a municipal setting of its own municipality, so the tests of a class do not disturb each other.
/// </summary>
public abstract class TermijnHerberekeningTests(KoersFactory factory)
{
    private async Task<HerberekeningResultaat> HerberekenAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TermijnHerberekening>().HerberekenAlleAsync("Test: herberekening");
    }

    private void ZetInterval(string gemeente, int voortgang, int hercontact) => factory.MetDatabase(db =>
        db.Gemeenten.Where(g => g.Code == gemeente).ExecuteUpdate(s => s
            .SetProperty(g => g.VoortgangsgesprekIntervalMaanden, voortgang)
            .SetProperty(g => g.HercontactIntervalMaanden, hercontact)));

    /// <summary>The cases of a municipality where the per-case path would still change a stored deadline or phase.</summary>
    private List<Guid> AfwijkendVanPerDossierPad(string gemeente)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KoersDbContext>();
        var dossiers = scope.ServiceProvider.GetRequiredService<DossierService>();
        var afwijkend = new List<Guid>();
        var ids = db.Inburgeraars.Where(i => i.Gemeente!.Code == gemeente).Select(i => i.Id).ToList();
        Assert.NotEmpty(ids);
        foreach (var id in ids)
        {
            var inburgeraar = db.Inburgeraars.Include(i => i.Gemeente).Include(i => i.Mijlpalen).Include(i => i.Termijnen).Include(i => i.Gezinsleden)
                .AsSplitQuery().Single(i => i.Id == id);
            if (inburgeraar.Feiten().Afsluiting is not null) continue;
            var fase = inburgeraar.Fase;
            Assert.Empty(dossiers.PasMijlpalenToe(inburgeraar, new Dictionary<Mijlpaal, DateOnly?>(), null, aanleiding: "Controle per dossier"));
            var gewijzigd = db.ChangeTracker.Entries<Termijnregel>().Any(e => e.State != EntityState.Unchanged) || inburgeraar.Fase != fase;
            if (gewijzigd) afwijkend.Add(id);
            db.ChangeTracker.Clear(); // nothing of the per-case path is saved: it is only the yardstick
        }

        return afwijkend;
    }

    [Fact]
    public async Task Geeft_hetzelfde_als_het_pad_per_dossier_en_schrijft_alleen_wat_verandert()
    {
        // Bladel holds a progress talk every 2 months in the demo; policy moves it to 5 and recontact to 4.
        ZetInterval("GM1728", 5, 4);
        var voor = AfwijkendVanPerDossierPad("GM1728");
        Assert.NotEmpty(voor); // the setting really changes deadlines, so this test can fail
        var historieVoor = factory.MetDatabase(db => db.TermijnWijzigingen.Count(w => w.Aanleiding == "Test: herberekening"));

        var uitkomst = await HerberekenAsync();

        Assert.True(uitkomst.TermijnenGewijzigd >= voor.Count, $"{uitkomst.TermijnenGewijzigd} termijnen gewijzigd voor {voor.Count} dossiers");
        Assert.True(uitkomst.OpenDossiers > 0 && uitkomst.OpenDossiers <= uitkomst.Dossiers);
        Assert.Empty(AfwijkendVanPerDossierPad("GM1728"));

        // Every moved due date is in the history with its old and new date, like a change by hand.
        var historie = factory.MetDatabase(db => db.TermijnWijzigingen.Where(w => w.Aanleiding == "Test: herberekening").ToList());
        Assert.Equal(uitkomst.VervaldatumsVerschoven, historie.Count - historieVoor);
        Assert.Contains(historie, w => w.Code == TermijnCode.Voortgangsgesprek && voor.Contains(w.InburgeraarId)
            && w.OudeVervaldatum is { } oud && w.NieuweVervaldatum is { } nieuw && nieuw > oud);

        // The stored rows equal the legal clock on the case's facts, field by field.
        factory.MetDatabase(db =>
        {
            foreach (var i in db.Inburgeraars.Include(x => x.Gemeente).Include(x => x.Mijlpalen).Include(x => x.Termijnen)
                         .Where(x => voor.Contains(x.Id)).AsSplitQuery().ToList())
            {
                var verwacht = LegalClock.Bereken(i.Feiten(), i.Gemeente!.Instellingen).Select(t => Termijnregel.Uit(i.Id, t)).ToList();
                Assert.Equal(verwacht.Count, i.Termijnen.Count);
                Assert.All(verwacht, v => Assert.True(TermijnHerberekening.Gelijk(v, i.Termijnen.Single(t => t.Code == v.Code)), $"{i.Id} {v.Code}"));
                Assert.Equal(FaseBepaling.Bepaal(i.Feiten()), i.Fase);
            }

            return 0;
        });

        // A second run finds nothing left to do.
        var nogmaals = await HerberekenAsync();
        Assert.Equal(0, nogmaals.TermijnenGewijzigd);
        Assert.Equal(0, nogmaals.FasesGewijzigd);
        Assert.Equal(uitkomst.OpenDossiers, nogmaals.OpenDossiers);
    }

    [Fact]
    public async Task In_kleine_batches_tegelijk_geeft_hetzelfde_als_het_pad_per_dossier()
    {
        // On PostgreSQL the batches run side by side on their own connections (Werkers). Batches of three cases, three at
        // a time, so every batch of the demo data set goes through that path; on SQLite the same run is sequential.
        // Every kind of write at once: moved due dates in every municipality (values no other test sets), a missing
        // deadline row (insert), a wrong phase and a wrong end of the inburgeringstermijn with their monitor row. The intervals
        // are shorter than any other test of the class sets, so their due dates still move later after this test.
        factory.MetDatabase(db => db.Gemeenten.ExecuteUpdate(s => s
            .SetProperty(g => g.VoortgangsgesprekIntervalMaanden, 1).SetProperty(g => g.HercontactIntervalMaanden, 2)));
        var (id, fase, einde) = factory.MetDatabase(db => db.Termijnen
            .Where(t => t.Code == TermijnCode.Inburgeringstermijn && t.Toepasselijk && t.Vervaldatum != null && t.VoldaanOp == null
                && t.Inburgeraar!.Fase == Fase.InUitvoering)
            .Select(t => new { t.InburgeraarId, t.Inburgeraar!.Fase, t.Vervaldatum }).AsEnumerable()
            .Select(x => (x.InburgeraarId, x.Fase, x.Vervaldatum!.Value)).Last());
        var ontbrekend = factory.MetDatabase(db => db.Termijnen
            .Where(t => t.Code == TermijnCode.Voortgangsgesprek && t.InburgeraarId != id && t.Inburgeraar!.Fase == Fase.InUitvoering)
            .Select(t => t.InburgeraarId).First());
        factory.MetDatabase(db =>
        {
            db.Inburgeraars.Where(i => i.Id == id).ExecuteUpdate(u => u.SetProperty(i => i.Fase, Fase.Intake));
            db.Termijnen.Where(t => t.InburgeraarId == id && t.Code == TermijnCode.Inburgeringstermijn).ExecuteUpdate(u => u.SetProperty(t => t.Vervaldatum, einde.AddDays(-50)));
            db.MonitorDossiers.Where(m => m.InburgeraarId == id).ExecuteUpdate(u => u.SetProperty(m => m.Fase, Fase.Intake).SetProperty(m => m.TermijnEinde, einde.AddDays(-50)));
            return db.Termijnen.Where(t => t.InburgeraarId == ontbrekend && t.Code == TermijnCode.Voortgangsgesprek).ExecuteDelete();
        });
        var gemeenten = factory.MetDatabase(db => db.Inburgeraars.Select(i => i.Gemeente!.Code).Distinct().ToList());
        Assert.True(gemeenten.Count > 1);
        Assert.NotEmpty(gemeenten.SelectMany(AfwijkendVanPerDossierPad)); // there is work to do, so this test can fail

        HerberekeningResultaat uitkomst;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var herberekening = scope.ServiceProvider.GetRequiredService<TermijnHerberekening>();
            herberekening.Batchgrootte = 3;
            herberekening.Werkers = 3;
            uitkomst = await herberekening.HerberekenAlleAsync("Test: parallel");
        }

        // Deadlines and phase of every case as the per-case path has them.
        Assert.All(gemeenten, g => Assert.Empty(AfwijkendVanPerDossierPad(g)));
        Assert.True(uitkomst.FasesGewijzigd >= 1);
        Assert.Equal(fase, factory.MetDatabase(db => db.Inburgeraars.Single(i => i.Id == id).Fase));

        // One history row per moved due date, ending at the stored date; the re-inserted row starts from nothing.
        factory.MetDatabase(db =>
        {
            var historie = db.TermijnWijzigingen.Where(w => w.Aanleiding == "Test: parallel").ToList();
            Assert.Equal(uitkomst.VervaldatumsVerschoven, historie.Count);
            Assert.Equal(historie.Count, historie.Select(w => (w.InburgeraarId, w.Code)).Distinct().Count());
            var opgeslagen = db.Termijnen.ToDictionary(t => (t.InburgeraarId, t.Code), t => t.Vervaldatum);
            Assert.All(historie, w => Assert.Equal(opgeslagen[(w.InburgeraarId, w.Code)], w.NieuweVervaldatum));
            Assert.Null(historie.Single(w => w.InburgeraarId == ontbrekend && w.Code == TermijnCode.Voortgangsgesprek).OudeVervaldatum);
            Assert.Contains(historie, w => w.InburgeraarId == id && w.Code == TermijnCode.Inburgeringstermijn && w.NieuweVervaldatum == einde);
            return 0;
        });

        // The monitor's per-case table equals a full rebuild: the rebuild finds no row to write.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KoersDbContext>();
            Assert.Equal(0, await Koers.Data.Model.Monitor.MonitorDossiers.VernieuwAllesAsync(db));
            var monitor = await db.MonitorDossiers.Where(m => m.InburgeraarId == id).Select(m => new { m.Fase, m.TermijnEinde }).SingleAsync();
            Assert.Equal((fase, einde), (monitor.Fase, monitor.TermijnEinde));
        }

        var nogmaals = await HerberekenAsync();
        Assert.Equal(0, nogmaals.TermijnenGewijzigd);
        Assert.Equal(0, nogmaals.FasesGewijzigd);
    }

    [Fact]
    public async Task Een_andere_toelichting_of_soort_bij_dezelfde_datum_wordt_hersteld_zonder_historie()
    {
        // On PostgreSQL the stored explanation is compared in a character buffer as it streams in, not as a string: a text
        // of the same length with one character different, a longer one and a shorter one with the same start must each
        // count as different, and so must another kind of deadline. Their due dates are right, so no history row.
        var id = factory.MetDatabase(db => db.Inburgeraars.Where(i => i.Fase == Fase.InUitvoering && i.GeanonimiseerdOp == null)
            .Where(i => i.Termijnen.Count(t => t.Toelichting.Length > 10) >= 4).OrderBy(i => i.Id).Select(i => i.Id).First());
        var juist = factory.MetDatabase(db => db.Termijnen.Where(t => t.InburgeraarId == id && t.Toelichting.Length > 10)
            .OrderBy(t => t.Code).Take(4).ToList());
        string Anders(string t) => t[..^1] + (t[^1] == '!' ? '?' : '!');
        var fout = new[] { Anders(juist[0].Toelichting), juist[1].Toelichting + " (oud)", juist[2].Toelichting[..^1], juist[3].Toelichting };
        var foutSoort = juist[3].Soort == TermijnSoort.Uiterlijk ? TermijnSoort.PeriodeEinde : TermijnSoort.Uiterlijk;
        factory.MetDatabase(db =>
        {
            for (var k = 0; k < 3; k++)
            {
                var (code, tekst) = (juist[k].Code, fout[k]);
                db.Termijnen.Where(t => t.InburgeraarId == id && t.Code == code).ExecuteUpdate(u => u.SetProperty(t => t.Toelichting, tekst));
            }

            return db.Termijnen.Where(t => t.InburgeraarId == id && t.Code == juist[3].Code).ExecuteUpdate(u => u.SetProperty(t => t.Soort, foutSoort));
        });
        Assert.Equal(fout.Take(3), factory.MetDatabase(db => db.Termijnen.Where(t => t.InburgeraarId == id).OrderBy(t => t.Code).Take(4)
            .Select(t => t.Toelichting).ToList()).Take(3));

        // Another test of the class may have moved this case's dates before (same reason text): only new rows count.
        int Historie() => factory.MetDatabase(db => db.TermijnWijzigingen.Count(w => w.InburgeraarId == id));
        var historieVoor = Historie();

        var uitkomst = await HerberekenAsync();

        Assert.True(uitkomst.TermijnenGewijzigd >= 4, $"{uitkomst.TermijnenGewijzigd} termijnen gewijzigd");
        var nu = factory.MetDatabase(db => db.Termijnen.Where(t => t.InburgeraarId == id).ToDictionary(t => t.Code));
        Assert.All(juist, j => Assert.True(TermijnHerberekening.Gelijk(j, nu[j.Code]), $"{j.Code}: '{nu[j.Code].Toelichting}' ({nu[j.Code].Soort})"));
        Assert.Equal(historieVoor, Historie());
    }

    [Fact]
    public async Task Monitor_volgt_de_fase_en_het_termijneinde_van_de_herberekening()
    {
        // The recomputation writes set-based, past the EF interceptor that keeps monitor_dossier in step; it must
        // refresh the monitor rows of the cases it changed itself.
        var (id, fase, einde) = factory.MetDatabase(db => db.Termijnen
            .Where(t => t.Code == TermijnCode.Inburgeringstermijn && t.Toepasselijk && t.Vervaldatum != null && t.VoldaanOp == null
                && t.Inburgeraar!.Fase == Fase.InUitvoering)
            .Select(t => new { t.InburgeraarId, t.Inburgeraar!.Fase, t.Vervaldatum }).AsEnumerable()
            .Select(x => (x.InburgeraarId, x.Fase, x.Vervaldatum!.Value)).First());
        var fout = einde.AddDays(-100);
        factory.MetDatabase(db =>
        {
            db.Inburgeraars.Where(i => i.Id == id).ExecuteUpdate(u => u.SetProperty(i => i.Fase, Fase.Intake));
            db.Termijnen.Where(t => t.InburgeraarId == id && t.Code == TermijnCode.Inburgeringstermijn).ExecuteUpdate(u => u.SetProperty(t => t.Vervaldatum, fout));
            return db.MonitorDossiers.Where(m => m.InburgeraarId == id).ExecuteUpdate(u => u.SetProperty(m => m.Fase, Fase.Intake).SetProperty(m => m.TermijnEinde, fout));
        });

        var uitkomst = await HerberekenAsync();

        Assert.True(uitkomst.FasesGewijzigd >= 1);
        var (inburgeraar, monitor) = factory.MetDatabase(db => (
            db.Inburgeraars.Where(i => i.Id == id).Select(i => i.Fase).Single(),
            db.MonitorDossiers.Where(m => m.InburgeraarId == id).Select(m => new { m.Fase, m.TermijnEinde }).Single()));
        Assert.Equal(fase, inburgeraar);
        Assert.Equal(fase, monitor.Fase);
        Assert.Equal(einde, monitor.TermijnEinde);
    }

    [Fact]
    public async Task Laat_afgesloten_dossiers_ongemoeid_behalve_hun_PIP_termijn()
    {
        // A closed case keeps the deadlines it had when it closed, even when the policy changes afterwards. Only its PIP
        // term follows the law's reading (the monitor's PIP-on-time figure counts closed cases too, issue #24).
        ZetInterval("GM1667", 6, 5);
        var afgesloten = factory.MetDatabase(db => db.Inburgeraars.Include(i => i.Mijlpalen).Include(i => i.Termijnen)
            .Where(i => i.Gemeente!.Code == "GM1667").AsSplitQuery().ToList()
            .Where(i => i.Feiten().Afsluiting is not null)
            .ToDictionary(i => i.Id, i => i.Termijnen.Where(t => t.Code != TermijnCode.PipVaststelling).OrderBy(t => t.Code)
                .Select(t => (t.Code, t.Vervaldatum, t.Toelichting)).ToList()));
        Assert.NotEmpty(afgesloten);

        // One closed case still has a PIP term stored as an older reading would have (ten weeks, no Algemene termijnenwet).
        var (oud, juist) = factory.MetDatabase(db => db.Termijnen
            .Where(t => afgesloten.Keys.Contains(t.InburgeraarId) && t.Code == TermijnCode.PipVaststelling && t.Vervaldatum != null)
            .Select(t => new { t.InburgeraarId, t.Vervaldatum }).AsEnumerable().Select(t => (t.InburgeraarId, t.Vervaldatum!.Value)).First());
        var verouderd = juist.AddDays(-3);
        factory.MetDatabase(db =>
        {
            db.Termijnen.Where(t => t.InburgeraarId == oud && t.Code == TermijnCode.PipVaststelling).ExecuteUpdate(u => u.SetProperty(t => t.Vervaldatum, verouderd));
            return db.MonitorDossiers.Where(m => m.InburgeraarId == oud).ExecuteUpdate(u => u.SetProperty(m => m.PipUiterlijk, verouderd));
        });

        await HerberekenAsync();

        factory.MetDatabase(db =>
        {
            foreach (var (id, termijnen) in afgesloten)
            {
                var nu = db.Termijnen.Where(t => t.InburgeraarId == id && t.Code != TermijnCode.PipVaststelling)
                    .Select(t => new { t.Code, t.Vervaldatum, t.Toelichting }).ToList().OrderBy(t => t.Code);
                Assert.Equal(termijnen, nu.Select(t => (t.Code, t.Vervaldatum, t.Toelichting)).ToList());
            }

            Assert.Equal(juist, db.Termijnen.Single(t => t.InburgeraarId == oud && t.Code == TermijnCode.PipVaststelling).Vervaldatum);
            Assert.Equal(juist, db.MonitorDossiers.Single(m => m.InburgeraarId == oud).PipUiterlijk);
            return 0;
        });
    }

    [Fact]
    public async Task Beheer_start_de_herberekening_via_de_api_en_ziet_de_stand()
    {
        var client = factory.CreateClient();
        var antwoord = await client.PostAsync("/api/v1/beheer/termijnen/herberekening", null);
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var uitkomst = await antwoord.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(uitkomst!["openDossiers"]!.GetValue<int>() > 0);

        var stand = await client.GetFromJsonAsync<JsonObject>("/api/v1/beheer/termijnen/herberekening");
        Assert.False(stand!["bezig"]!.GetValue<bool>());
        Assert.True(stand["uitvoeringen"]!.GetValue<int>() >= 1);
        Assert.NotNull(stand["laatstVoltooidDoor"]?.GetValue<string>());
        Assert.True(factory.MetDatabase(db => db.Audit.Any(a => a.Omschrijving.StartsWith("Herberekening van de termijnen op verzoek van"))));

        // A klantregisseur is no beheerder.
        var regisseur = factory.ClientAls("sanne.devries@kempen.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await regisseur.PostAsync("/api/v1/beheer/termijnen/herberekening", null)).StatusCode);
    }
}

public sealed class SqliteTermijnHerberekeningTests(SqliteFactory factory) : TermijnHerberekeningTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresTermijnHerberekeningTests(PostgresFactory factory) : TermijnHerberekeningTests(factory), IClassFixture<PostgresFactory>;

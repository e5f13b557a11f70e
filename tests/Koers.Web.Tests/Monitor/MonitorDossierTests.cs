using System.Net;
using System.Text.Json.Nodes;
using Koers.Data.Model.Monitor;
using Koers.Domain.Dossier;
using Koers.Domain.Monitor;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Monitor;

/// <summary>
/// The monitor counts from monitor_dossier, a per-case table derived from the cases, milestones, leerbaarheidstoets
/// and inburgeringstermijn (issue #10). These tests show it stays correct: every change through the application is in
/// it right after the save, the figures move with it, and the rows kept up to date case by case are exactly the rows a
/// full rebuild from the source tables gives.
/// </summary>
public abstract class MonitorDossierTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private MonitorDossier? Rij(Guid id) =>
        factory.MetDatabase(db => db.MonitorDossiers.AsNoTracking().SingleOrDefault(d => d.InburgeraarId == id));

    private List<MonitorDossier> AlleRijen() =>
        factory.MetDatabase(db => db.MonitorDossiers.AsNoTracking().OrderBy(d => d.InburgeraarId).ToList());

    private static string Sleutel(MonitorDossier d) => System.Text.Json.JsonSerializer.Serialize(d);

    private async Task MijlpaalAsync(Guid id, string soort, string? datum)
    {
        var r = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/{soort}", new { datum });
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{soort}: {await r.Content.ReadAsStringAsync()}");
    }

    private async Task<decimal?> InstroomAsiel2026Async()
    {
        var o = JsonNode.Parse(await _client.GetStringAsync("/api/v1/monitor?gemeente=GM1724&jaar=2026&verbergKleineAantallen=false"))!;
        var tabel = o["tabellen"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "instroom-maand")!;
        var kolom = tabel["kolommen"]!.AsArray().Select(k => k!["sleutel"]!.GetValue<string>()).ToList().IndexOf("asiel");
        var rij = tabel["rijen"]!.AsArray().Single(r => r!["sleutel"]!.GetValue<string>() == "totaal")!;
        return rij["cellen"]![kolom]!["waarde"]?.GetValue<decimal>();
    }

    [Fact]
    public async Task Elke_wijziging_staat_meteen_in_de_monitortabel_en_in_de_cijfers()
    {
        var voor = await InstroomAsiel2026Async() ?? 0;
        var invoer = Testdata.Inburgeraar(koppelingsdatum: "2026-02-02");
        invoer["achternaam"] = "Monitortabel";
        var r = await _client.PostJsonAsync("/api/v1/inburgeraars", invoer);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var id = Guid.Parse((await r.LeesAsync())["id"]!.GetValue<string>());

        // New case: in the table with its koppeling as inflow date, and counted in the figure at once.
        var rij = Rij(id)!;
        Assert.Equal(new DateOnly(2026, 2, 2), rij.Koppeling);
        Assert.Equal(new DateOnly(2026, 2, 2), rij.Instroom);
        Assert.Equal(Doelgroep.Asielstatushouder, rij.Doelgroep);
        Assert.Equal(voor + 1, await InstroomAsiel2026Async());

        await MijlpaalAsync(id, "brpInschrijving", "2026-03-02");
        await MijlpaalAsync(id, "pipVastgesteld", "2026-04-20");
        var lbt = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/leerbaarheidstoets", new { afgenomen = "2026-03-20", score = 30, afnemer = "Toetslocatie" });
        Assert.True(lbt.StatusCode == HttpStatusCode.OK, await lbt.Content.ReadAsStringAsync());
        rij = Rij(id)!;
        Assert.Equal(new DateOnly(2026, 3, 2), rij.Brp);
        Assert.Equal(new DateOnly(2026, 4, 20), rij.Pip);
        Assert.Equal(30, rij.LbtScore);
        Assert.Equal(28, rij.LbtCesuur);
        Assert.NotNull(rij.TermijnEinde);
        Assert.Equal(Fase.PipVastgesteld, rij.Fase);

        // Clearing a milestone clears it here too; without a koppeling the inflow date falls back to BRP.
        await MijlpaalAsync(id, "koppeling", null);
        rij = Rij(id)!;
        Assert.Null(rij.Koppeling);
        Assert.Equal(new DateOnly(2026, 3, 2), rij.Instroom);
        Assert.Equal(voor + 1, await InstroomAsiel2026Async());

        // Case by case kept up to date == rebuilt from the source tables (the start-up and after-bulk-load path).
        var bijgehouden = AlleRijen().Select(Sleutel).ToList();
        Assert.True(bijgehouden.Count >= 60, $"maar {bijgehouden.Count} rijen");
        var herbouwd = factory.MetDatabase(db =>
        {
            db.MonitorDossiers.ExecuteDelete();
            MonitorDossiers.VernieuwAllesAsync(db).GetAwaiter().GetResult();
            return db.MonitorDossiers.AsNoTracking().OrderBy(d => d.InburgeraarId).ToList().Select(Sleutel).ToList();
        });
        Assert.Equal(bijgehouden, herbouwd);
        Assert.Equal(factory.MetDatabase(db => db.Inburgeraars.Count()), herbouwd.Count);
    }

    [Fact]
    public async Task Een_toets_die_alleen_is_gelezen_of_aangemeld_laat_de_monitorrij_staan_een_nieuwe_score_niet()
    {
        var invoer = Testdata.Inburgeraar(koppelingsdatum: "2026-02-02");
        invoer["achternaam"] = "Monitortoets";
        var r = await _client.PostJsonAsync("/api/v1/inburgeraars", invoer);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var id = Guid.Parse((await r.LeesAsync())["id"]!.GetValue<string>());
        var lbt = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/leerbaarheidstoets", new { afgenomen = "2026-03-20", score = 30, afnemer = "Toetslocatie" });
        Assert.True(lbt.StatusCode == HttpStatusCode.OK, await lbt.Content.ReadAsStringAsync());
        Assert.Equal(30, Rij(id)!.LbtScore);

        // A marker the upsert would overwrite: whether a save refreshed the row shows in whether the marker is gone.
        void Markeer() => factory.MetDatabase(db => db.MonitorDossiers.Where(d => d.InburgeraarId == id).ExecuteUpdate(u => u.SetProperty(d => d.LbtScore, 99)));
        void Bewaar(Action<Koers.Data.Model.Leerbaarheidstoets> wijzig) => factory.MetDatabase(db =>
        {
            var toets = db.Leerbaarheidstoetsen.Single(t => t.InburgeraarId == id);
            wijzig(toets);
            return db.SaveChanges();
        });

        Markeer();
        Bewaar(_ => { });
        Assert.Equal(99, Rij(id)!.LbtScore);

        // Registering for the toets (what DUO's "aangemeld" event does) changes nothing the monitor reads.
        Bewaar(t => t.Aangemeld = new DateOnly(2026, 3, 1));
        Assert.Equal(99, Rij(id)!.LbtScore);

        // A new score does: the row follows at once.
        Bewaar(t => t.Score = 31);
        Assert.Equal(31, Rij(id)!.LbtScore);

        // So does the cesuur DUO reports, and the toets being skipped.
        Markeer();
        Bewaar(t => t.CesuurVolgensDuo = 25);
        Assert.Equal(31, Rij(id)!.LbtScore);
        Bewaar(t => t.Overgeslagen = true);
        Assert.Null(Rij(id)!.LbtScore);
    }

    private async Task<int> RouteAsync(string doelgroep, string route)
    {
        var o = JsonNode.Parse(await _client.GetStringAsync("/api/v1/monitor?gemeente=GM1724&jaar=2026&verbergKleineAantallen=false"))!;
        var tabel = o["tabellen"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "routes")!;
        var kolom = tabel["kolommen"]!.AsArray().Select(k => k!["sleutel"]!.GetValue<string>()).ToList().IndexOf(route);
        var rij = tabel["rijen"]!.AsArray().SingleOrDefault(r => r!["sleutel"]!.GetValue<string>() == doelgroep);
        return rij?["cellen"]![kolom]!["waarde"]?.GetValue<int>() ?? 0;
    }

    [Fact]
    public async Task De_route_is_die_van_het_vastgestelde_pip_niet_de_huidige_route_van_het_dossier()
    {
        var (b1, z) = (await RouteAsync("Asielstatushouder", "B1Route"), await RouteAsync("Asielstatushouder", "ZRoute"));
        var invoer = Testdata.Inburgeraar();
        invoer["achternaam"] = "Routevanhetpip";
        var r = await _client.PostJsonAsync("/api/v1/inburgeraars", invoer);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var id = (await r.LeesAsync())["id"]!.GetValue<string>();
        await Testdata.PipVaststellenAsync(_client, id); // B1-route, dagtekening 15 June 2026
        Assert.Equal(b1 + 1, await RouteAsync("Asielstatushouder", "B1Route"));

        // Later the case's route changes (say to the Z-route, before a bijstelling is written): the PIP set in 2026 still
        // set the B1-route, and that is what the route table counts.
        factory.MetDatabase(db =>
        {
            var i = db.Inburgeraars.Single(x => x.Id == Guid.Parse(id));
            i.Leerroute = Leerroute.ZRoute;
            return db.SaveChanges();
        });
        Assert.Equal(Leerroute.B1Route, Rij(Guid.Parse(id))!.Leerroute);
        Assert.Equal(b1 + 1, await RouteAsync("Asielstatushouder", "B1Route"));
        Assert.Equal(z, await RouteAsync("Asielstatushouder", "ZRoute"));
    }

    private async Task<int> CelAsync(string tabel, string rij, string kolom)
    {
        var o = JsonNode.Parse(await _client.GetStringAsync("/api/v1/monitor?gemeente=GM1724&jaar=2026&verbergKleineAantallen=false"))!;
        var t = o["tabellen"]!.AsArray().Single(x => x!["id"]!.GetValue<string>() == tabel)!;
        var k = t["kolommen"]!.AsArray().Select(x => x!["sleutel"]!.GetValue<string>()).ToList().IndexOf(kolom);
        Assert.True(k >= 0, $"{tabel} heeft geen kolom {kolom}");
        var r = t["rijen"]!.AsArray().SingleOrDefault(x => x!["sleutel"]!.GetValue<string>() == rij);
        return r?["cellen"]![k]!["waarde"]?.GetValue<int>() ?? 0;
    }

    [Fact]
    public async Task Wie_buiten_de_wi2021_valt_staat_apart_in_de_caseload_en_telt_niet_mee_voor_de_pip_termijn()
    {
        var (geen, wi2021, buiten, lopend) = (await CelAsync("pip-termijn", "Geen", "aantal"), await CelAsync("caseload", "alle", "wi2021"),
            await CelAsync("caseload", "alle", "buiten"), await CelAsync("caseload", "alle", "lopend"));
        var invoer = Testdata.Inburgeraar(doelgroep: "ondertussengroep", koppelingsdatum: null);
        invoer["achternaam"] = "Ondertussengroep";
        var r = await _client.PostJsonAsync("/api/v1/inburgeraars", invoer);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var id = Guid.Parse((await r.LeesAsync())["id"]!.GetValue<string>());
        // In the BRP on 2 March 2026: 10 weeks later (11 May) lies in 2026 and before today (16 June), and there is no PIP.
        await MijlpaalAsync(id, "brpInschrijving", "2026-03-02");

        // No PIP term under the Wi2013: not counted as 'nog geen PIP'.
        Assert.Equal(geen, await CelAsync("pip-termijn", "Geen", "aantal"));
        // Running, outside the Wi2021: in the caseload apart, and in the total of running cases.
        Assert.Equal(wi2021, await CelAsync("caseload", "alle", "wi2021"));
        Assert.Equal(buiten + 1, await CelAsync("caseload", "alle", "buiten"));
        Assert.Equal(lopend + 1, await CelAsync("caseload", "alle", "lopend"));
    }

    [Fact]
    public async Task Mediaan_in_sql_is_de_mediaan_van_alle_doorlooptijden_in_het_geheugen()
    {
        // The lead time BRP → PIP of every case with a PIP in 2026 in GM1724, sorted in memory, against the monitor.
        var dagen = factory.MetDatabase(db =>
        {
            var gemeente = db.Gemeenten.Single(g => g.Code == "GM1724").Id;
            var ids = db.Inburgeraars.Where(i => i.GemeenteId == gemeente).Select(i => i.Id).ToList();
            var m = db.Mijlpalen.AsNoTracking().Where(x => ids.Contains(x.InburgeraarId)).ToList().GroupBy(x => x.InburgeraarId)
                .Select(g => g.ToDictionary(x => x.Soort, x => x.Datum)).ToList();
            return m.Where(x => x.TryGetValue(Mijlpaal.PipVastgesteld, out var p) && p.Year == 2026 && x.ContainsKey(Mijlpaal.BrpInschrijving))
                .Select(x => x[Mijlpaal.PipVastgesteld].DayNumber - x[Mijlpaal.BrpInschrijving].DayNumber).Order().ToList();
        });
        Assert.True(dagen.Count >= 2, $"maar {dagen.Count} PIP's in 2026");
        var verwacht = dagen.Count % 2 == 1 ? dagen[dagen.Count / 2] : (dagen[dagen.Count / 2 - 1] + dagen[dagen.Count / 2]) / 2.0;

        var o = JsonNode.Parse(await _client.GetStringAsync("/api/v1/monitor?gemeente=GM1724&jaar=2026&verbergKleineAantallen=false"))!;
        var tabel = o["tabellen"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "doorlooptijden")!;
        var kolommen = tabel["kolommen"]!.AsArray().Select(k => k!["sleutel"]!.GetValue<string>()).ToList();
        var rij = tabel["rijen"]!.AsArray().Single(r => r!["sleutel"]!.GetValue<string>() == nameof(Koers.Web.Features.Monitor.Doorlooptijd.BrpPip))!;
        Assert.Equal(dagen.Count, rij["cellen"]![kolommen.IndexOf("aantal")]!["waarde"]!.GetValue<int>());
        Assert.Equal((decimal)verwacht, rij["cellen"]![kolommen.IndexOf("mediaan")]!["waarde"]!.GetValue<decimal>());
        Assert.Equal(verwacht, MediaanPositie.UitVerdeling(dagen.GroupBy(d => d).Select(g => (g.Key, g.Count()))));
    }
}

public sealed class SqliteMonitorDossierTests(SqliteFactory factory) : MonitorDossierTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresMonitorDossierTests(PostgresFactory factory) : MonitorDossierTests(factory), IClassFixture<PostgresFactory>;

using System.Net;
using System.Text.Json.Nodes;
using Koers.Data.Model;
using Koers.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Monitor;

/// <summary>
/// "PIP on time" in the monitor is the term of Besluit inburgering 2021 art. 5.3 lid 1 (from 2023: ten weeks after
/// DUO's notice of the inburgeringsplicht, or after the BRP registration when an asielstatushouder was not yet
/// registered on the day of the notice) with the Algemene termijnenwet (an end on a weekend or holiday runs on to the
/// next working day), and it is the same last day the case's own deadline shows (issue #24). Five cases of one new
/// klantregisseur, entered through the API; the expected figures are worked out below from the law's text. Under the
/// old reading (BRP + 70 calendar days) none of the four Wi2021 PIPs would have been in time.
/// </summary>
public abstract class MonitorPipTermijnTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<int> KlantregisseurAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>();
        var gemeente = db.Gemeenten.Single(g => g.Code == "GM1724");
        var team = db.Teams.First(t => t.RegioId == gemeente.RegioId);
        var medewerker = new Medewerker { Naam = $"Regisseur PIP-termijn {Guid.NewGuid():N}", Email = $"piptermijn-{Guid.NewGuid():N}@kempen.example", TeamId = team.Id, GemeenteId = gemeente.Id };
        db.Medewerkers.Add(medewerker);
        await db.SaveChangesAsync();
        return medewerker.Id;
    }

    private async Task<Guid> DossierAsync(int regisseur, string doelgroep, params (string Soort, string Datum)[] mijlpalen)
    {
        var invoer = Testdata.Inburgeraar(doelgroep: doelgroep, koppelingsdatum: doelgroep == "asielstatushouder" ? "2026-01-12" : null, klantregisseurId: regisseur);
        var r = await _client.PostJsonAsync("/api/v1/inburgeraars", invoer);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var id = Guid.Parse((await r.LeesAsync())["id"]!.GetValue<string>());
        foreach (var (soort, datum) in mijlpalen)
        {
            var m = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/{soort}", new { datum });
            Assert.True(m.StatusCode == HttpStatusCode.OK, $"{soort}: {await m.Content.ReadAsStringAsync()}");
        }

        return id;
    }

    private async Task<JsonNode> PipTermijnAsync(Guid id)
    {
        var klok = JsonNode.Parse(await _client.GetStringAsync($"/api/v1/inburgeraars/{id}/termijnen"))!;
        return klok["termijnen"]!.AsArray().Single(t => t!["code"]!.GetValue<string>() == "pipVaststelling")!;
    }

    private static int? Cel(JsonNode overzicht, string tabel, string rij, string kolom) => (int?)MonitorJson.Waarde(overzicht, tabel, rij, kolom);

    [Fact]
    public async Task PIP_op_tijd_volgt_de_kennisgeving_van_DUO_en_de_Algemene_termijnenwet_net_als_de_termijn_in_het_dossier()
    {
        var regisseur = await KlantregisseurAsync();
        // A: DUO's letter in the azc (5 Jan), settled 16 March: ten weeks from the registration end on Tweede
        // Pinksterdag, 25 May 2026, so the last day is Tuesday 26 May; a PIP that day is in time (day 71 after BRP).
        var a = await DossierAsync(regisseur, "asielstatushouder",
            ("kennisgevingInburgeringsplicht", "2026-01-05"), ("brpInschrijving", "2026-03-16"), ("pipVastgesteld", "2026-05-26"));
        // B: a family migrant registered 5 January, DUO's letter 2 February: ten weeks from the letter, 13 April; PIP on
        // 1 April is in time (86 days after BRP).
        var b = await DossierAsync(regisseur, "gezinsmigrant",
            ("brpInschrijving", "2026-01-05"), ("kennisgevingInburgeringsplicht", "2026-02-02"), ("pipVastgesteld", "2026-04-01"));
        // C: letter on Friday 23 January: ten weeks end on Goede Vrijdag, 3 April, then the weekend and Tweede Paasdag:
        // the last day is Tuesday 7 April. No PIP yet.
        var c = await DossierAsync(regisseur, "gezinsmigrant",
            ("kennisgevingInburgeringsplicht", "2026-01-23"), ("brpInschrijving", "2026-01-26"));
        // D: letter 5 January, settled 2 February: last day 13 April; PIP on the 14th is late.
        var d = await DossierAsync(regisseur, "asielstatushouder",
            ("kennisgevingInburgeringsplicht", "2026-01-05"), ("brpInschrijving", "2026-02-02"), ("pipVastgesteld", "2026-04-14"));
        // E: the ondertussengroep (Wet inburgering 2013) has no PIP term.
        await DossierAsync(regisseur, "ondertussengroep", ("brpInschrijving", "2026-02-02"), ("pipVastgesteld", "2026-04-01"));

        // The case's deadline: the same last days, with the law named.
        foreach (var (id, uiterlijk) in new[] { (a, "2026-05-26"), (b, "2026-04-13"), (c, "2026-04-07"), (d, "2026-04-13") })
        {
            var termijn = await PipTermijnAsync(id);
            Assert.Equal(uiterlijk, termijn["vervaldatum"]!.GetValue<string>());
            Assert.Contains("art. 5.3 lid 1", termijn["bron"]!.ToJsonString());
        }

        Assert.Contains("Tweede Pinksterdag", (await PipTermijnAsync(a))["toelichting"]!.GetValue<string>());
        Assert.Contains("Goede Vrijdag", (await PipTermijnAsync(c))["toelichting"]!.GetValue<string>());

        var o = JsonNode.Parse(await _client.GetStringAsync($"/api/v1/monitor?gemeente=GM1724&klantregisseur={regisseur}&jaar=2026&verbergKleineAantallen=false"))!;
        // Everyone whose term ended in 2026 before today (16 June): A and B in time, D late, C still waiting; not E.
        Assert.Equal(2, Cel(o, "pip-termijn", "Binnen", "aantal"));
        Assert.Equal(1, Cel(o, "pip-termijn", "TeLaat", "aantal"));
        Assert.Equal(1, Cel(o, "pip-termijn", "Geen", "aantal"));
        Assert.Equal(4, Cel(o, "pip-termijn", "alle", "aantal"));
        // PIPs set in 2026 after a BRP registration: A, B, D and E; E without a term.
        Assert.Equal(4, Cel(o, "doorlooptijden", "BrpPip", "aantal"));
        Assert.Equal(2, Cel(o, "doorlooptijden", "BrpPip", "binnen"));
        Assert.Equal(1, Cel(o, "doorlooptijden", "BrpPip", "buiten"));
        Assert.Equal(1, Cel(o, "doorlooptijden", "BrpPip", "zonder"));

        // The page says how it counts, citing the Besluit and the Algemene termijnenwet.
        var tabel = MonitorJson.Tabel(o, "pip-termijn");
        Assert.Contains("kennisgeving van de inburgeringsplicht door DUO", tabel["toelichting"]!.GetValue<string>());
        Assert.Contains("Algemene termijnenwet", tabel["toelichting"]!.GetValue<string>());
        var bronnen = tabel["bronnen"]!.ToJsonString();
        Assert.Contains("art. 5.3 lid 1", bronnen);
        Assert.Contains("art. 5", bronnen);
    }

    [Fact]
    public async Task De_kennisgeving_in_het_dossier_bepaalt_de_termijn_en_zonder_telt_Koers_vanaf_de_inschrijving()
    {
        // Set the notice by hand, then clear it: the term falls back to the BRP registration and says why.
        var regisseur = await KlantregisseurAsync();
        var id = await DossierAsync(regisseur, "gezinsmigrant", ("brpInschrijving", "2026-03-02"), ("kennisgevingInburgeringsplicht", "2026-03-16"));
        Assert.Equal("2026-05-26", (await PipTermijnAsync(id))["vervaldatum"]!.GetValue<string>());

        var leeg = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/kennisgevingInburgeringsplicht", new { datum = (string?)null });
        Assert.Equal(HttpStatusCode.OK, leeg.StatusCode);
        var termijn = await PipTermijnAsync(id);
        Assert.Equal("2026-05-11", termijn["vervaldatum"]!.GetValue<string>());
        Assert.Contains("kennisgeving van DUO is onbekend", termijn["toelichting"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wachten_op_informatie_van_een_derde_houdt_de_termijn_open_tot_twee_weken_na_ontvangst()
    {
        // Besluit inburgering 2021 art. 5.3 lid 2: ten weeks from DUO's letter of 2 March end on 11 May; the college asked a
        // third party on 20 April. While it waits the case has no last day and is not counted late; received on 20 May,
        // the last day is 3 June.
        var regisseur = await KlantregisseurAsync();
        var id = await DossierAsync(regisseur, "gezinsmigrant", ("brpInschrijving", "2026-01-05"), ("kennisgevingInburgeringsplicht", "2026-03-02"));
        Assert.Equal("2026-05-11", (await PipTermijnAsync(id))["vervaldatum"]!.GetValue<string>());

        var zonderVraag = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/informatieDerdeOntvangen", new { datum = "2026-05-20" });
        Assert.Equal(HttpStatusCode.BadRequest, zonderVraag.StatusCode);
        Assert.Contains("pas ontvangen zijn als ze gevraagd is", await zonderVraag.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/informatieDerdeGevraagd", new { datum = "2026-04-20" })).StatusCode);
        var wachtend = await PipTermijnAsync(id);
        Assert.Null(wachtend["vervaldatum"]);
        Assert.Contains("wacht op informatie van een derde, gevraagd op 20-04-2026", wachtend["toelichting"]!.GetValue<string>());
        Assert.Contains("art. 5.3 lid 2", wachtend["bron"]!.ToJsonString());
        string Monitor() => $"/api/v1/monitor?gemeente=GM1724&klantregisseur={regisseur}&jaar=2026&verbergKleineAantallen=false";
        var o = JsonNode.Parse(await _client.GetStringAsync(Monitor()))!;
        Assert.Equal(0, Cel(o, "pip-termijn", "alle", "aantal") ?? 0); // no term that has passed: not late, not counted

        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/informatieDerdeOntvangen", new { datum = "2026-05-20" })).StatusCode);
        var ontvangen = await PipTermijnAsync(id);
        Assert.Equal("2026-06-03", ontvangen["vervaldatum"]!.GetValue<string>());
        Assert.Contains("Twee weken na ontvangst van de informatie van een derde op 20-05-2026", ontvangen["toelichting"]!.GetValue<string>());
        o = JsonNode.Parse(await _client.GetStringAsync(Monitor()))!;
        Assert.Equal(1, Cel(o, "pip-termijn", "Geen", "aantal")); // 3 June has passed (today is 16 June) without a PIP

        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/pipVastgesteld", new { datum = "2026-06-02" })).StatusCode);
        o = JsonNode.Parse(await _client.GetStringAsync(Monitor()))!;
        Assert.Equal(1, Cel(o, "pip-termijn", "Binnen", "aantal")); // after the ten weeks, but within two weeks of receipt
        Assert.Equal(1, Cel(o, "pip-termijn", "alle", "aantal"));
    }
}

public sealed class SqliteMonitorPipTermijnTests(SqliteFactory factory) : MonitorPipTermijnTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresMonitorPipTermijnTests(PostgresFactory factory) : MonitorPipTermijnTests(factory), IClassFixture<PostgresFactory>;

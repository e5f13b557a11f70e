using System.Net;
using Koers.Data.Model;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests;

/// <summary>The case-file API, run against SQLite and against PostgreSQL (see the two subclasses below).</summary>
public abstract class DossierApiTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> RegistreerAsync(Dictionary<string, object?>? invoer = null)
    {
        var response = await _client.PostJsonAsync("/api/v1/inburgeraars", invoer ?? Testdata.Inburgeraar());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.LeesAsync();
        return json["id"]!.GetValue<string>();
    }

    private int AantalDossiers() => factory.MetDatabase(db => db.Inburgeraars.Count());

    [Fact]
    public async Task Registreren_maakt_dossier_met_fase_en_gezinsleden()
    {
        var id = await RegistreerAsync();

        var response = await _client.GetAsync($"/api/v1/inburgeraars/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.LeesAsync();
        Assert.Equal("Proefpersoon", json["achternaam"]!.GetValue<string>());
        Assert.Equal("gekoppeld", json["fase"]!.GetValue<string>());
        Assert.Equal("GM1724", json["gemeente"]!["code"]!.GetValue<string>());
        Assert.Equal(2, json["talen"]!.AsArray().Count);
        Assert.Equal("kind", json["gezinsleden"]![0]!["relatie"]!.GetValue<string>());
        Assert.StartsWith("/api/v1/inburgeraars/", (await _client.PostJsonAsync("/api/v1/inburgeraars", Testdata.Inburgeraar())).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Ongeldig_bsn_geeft_problem_json_in_het_nederlands_en_slaat_niets_op()
    {
        var voor = AantalDossiers();
        var invoer = Testdata.Inburgeraar(bsn: "123456789");

        var response = await _client.PostJsonAsync("/api/v1/inburgeraars", invoer);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var json = await response.LeesAsync();
        Assert.Contains("elfproef", json["errors"]!["bsn"]![0]!.GetValue<string>());
        Assert.Equal(voor, AantalDossiers());
    }

    [Fact]
    public async Task Onbekende_gemeente_en_ontbrekende_velden_worden_per_veld_gemeld()
    {
        var invoer = Testdata.Inburgeraar(gemeente: "GM9999");
        invoer["voornamen"] = "  ";
        invoer["bsn"] = null;

        var response = await _client.PostJsonAsync("/api/v1/inburgeraars", invoer);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fouten = (await response.LeesAsync())["errors"]!;
        Assert.Contains("Onbekende gemeente", fouten["gemeente"]![0]!.GetValue<string>());
        Assert.NotNull(fouten["voornamen"]);
        Assert.Contains("BSN of een V-nummer", fouten["bsn"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Kapotte_json_en_verkeerde_datum_geven_400_problem_json()
    {
        var voor = AantalDossiers();

        var kapot = await _client.PostAsync("/api/v1/inburgeraars", Json.Ruw("{\"voornamen\": \"A\", "));
        var datum = await _client.PostAsync("/api/v1/inburgeraars", Json.Ruw("{\"voornamen\": \"A\", \"geboortedatum\": \"31-02-1990\"}"));

        foreach (var response in new[] { kapot, datum })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }

        Assert.Equal("Het verzoek is geen geldige JSON", (await kapot.LeesAsync())["title"]!.GetValue<string>());
        Assert.Contains("geboortedatum", (await datum.LeesAsync())["detail"]!.GetValue<string>());
        Assert.Equal(voor, AantalDossiers());
    }

    [Fact]
    public async Task Velden_die_de_server_bepaalt_kunnen_niet_worden_meegestuurd()
    {
        var invoer = Testdata.Inburgeraar();
        invoer["fase"] = "voldaan";
        invoer["id"] = Guid.NewGuid();

        var response = await _client.PostJsonAsync("/api/v1/inburgeraars", invoer);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Onbekend veld", (await response.LeesAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dubbel_bsn_wordt_geweigerd()
    {
        var bsn = Testdata.NieuwBsn();
        await RegistreerAsync(Testdata.Inburgeraar(bsn: bsn));

        var response = await _client.PostJsonAsync("/api/v1/inburgeraars", Testdata.Inburgeraar(bsn: bsn));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("bestaat al", (await response.LeesAsync())["errors"]!["bsn"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Coa_koppeling_zonder_koppelingsdatum_wordt_geweigerd()
    {
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", Testdata.Inburgeraar(koppelingsdatum: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.LeesAsync())["errors"]!["koppelingsdatum"]);

        var ok = await _client.PostJsonAsync("/api/v1/koppelingen", Testdata.Inburgeraar());
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal("coaKoppeling", (await ok.LeesAsync())["bron"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pip_termijn_volgt_brp_inschrijving_en_wijziging_wordt_herberekend_met_historie()
    {
        var id = await RegistreerAsync();

        var zonderBrp = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/termijnen")).LeesAsync();
        var pip = zonderBrp["termijnen"]!.AsArray().Single(t => t!["code"]!.GetValue<string>() == "pipVaststelling")!;
        Assert.Equal("nietBerekenbaar", pip["status"]!.GetValue<string>());
        Assert.Contains("BRP", pip["toelichting"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(pip["bron"]!["verwijzing"]!.GetValue<string>()));

        var zet = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = "2026-05-20", reden = "Sleuteloverdracht" });
        Assert.Equal(HttpStatusCode.OK, zet.StatusCode);

        var met = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/termijnen")).LeesAsync();
        pip = met["termijnen"]!.AsArray().Single(t => t!["code"]!.GetValue<string>() == "pipVaststelling")!;
        Assert.Equal("2026-07-29", pip["vervaldatum"]!.GetValue<string>()); // 20 May + 10 weeks
        Assert.Equal("open", pip["status"]!.GetValue<string>());
        Assert.Equal(43, pip["dagenResterend"]!.GetValue<int>()); // from 16 June 2026
        Assert.Equal("gevestigd", met["fase"]!.GetValue<string>());

        await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = "2026-04-01", reden = "Verkeerde datum gecorrigeerd" });
        var gecorrigeerd = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/termijnen")).LeesAsync();
        pip = gecorrigeerd["termijnen"]!.AsArray().Single(t => t!["code"]!.GetValue<string>() == "pipVaststelling")!;
        Assert.Equal("2026-06-10", pip["vervaldatum"]!.GetValue<string>());
        Assert.Equal("verlopen", pip["status"]!.GetValue<string>());

        var historie = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/historie")).LeesAsync();
        var brpWijzigingen = historie["mijlpalen"]!.AsArray().Where(w => w!["soort"]!.GetValue<string>() == "brpInschrijving").ToList();
        Assert.Equal(2, brpWijzigingen.Count);
        Assert.Equal("2026-05-20", brpWijzigingen[1]!["oudeDatum"]!.GetValue<string>());
        Assert.Equal("Verkeerde datum gecorrigeerd", brpWijzigingen[1]!["reden"]!.GetValue<string>());
        var pipWijzigingen = historie["termijnen"]!.AsArray().Where(w => w!["code"]!.GetValue<string>() == "pipVaststelling").ToList();
        Assert.Equal(["2026-07-29", "2026-06-10"], pipWijzigingen.Select(w => w!["nieuweVervaldatum"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Pip_vaststellen_start_inburgeringstermijn_en_bezwaartermijn()
    {
        var id = await RegistreerAsync();
        await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = "2026-05-04" });
        var zet = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/pipVastgesteld", new { datum = "2026-06-01" });
        Assert.Equal(HttpStatusCode.OK, zet.StatusCode);

        var klok = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/termijnen")).LeesAsync();
        string Veld(string code, string veld) =>
            klok["termijnen"]!.AsArray().Single(t => t!["code"]!.GetValue<string>() == code)![veld]!.GetValue<string>();
        Assert.Equal("gehaald", Veld("pipVaststelling", "status"));
        Assert.Equal("2029-06-01", Veld("inburgeringstermijn", "vervaldatum"));
        Assert.Equal("2026-07-13", Veld("bezwaartermijn", "vervaldatum")); // 1 June + 6 weeks, a Monday
        Assert.Equal("2026-09-01", Veld("voortgangsgesprek", "vervaldatum"));
        Assert.Equal("pipVastgesteld", klok["fase"]!.GetValue<string>());
    }

    [Fact]
    public async Task Einde_voor_begin_en_toekomstige_datum_worden_geweigerd_zonder_wijziging()
    {
        var id = await RegistreerAsync(); // koppeling 1 May 2026

        var voorKoppeling = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/warmeOverdracht", new { datum = "2026-04-20" });
        var toekomst = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = "2026-07-01" });
        var onbekend = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/verjaardag", new { datum = "2026-05-01" });

        Assert.Equal(HttpStatusCode.BadRequest, voorKoppeling.StatusCode);
        Assert.Contains("vóór", (await voorKoppeling.LeesAsync())["errors"]!["warmeOverdracht"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, toekomst.StatusCode);
        Assert.Contains("toekomst", (await toekomst.LeesAsync())["errors"]!["brpInschrijving"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, onbekend.StatusCode);

        var mijlpalen = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/mijlpalen")).LeesAsync();
        var gezet = mijlpalen.AsArray().Where(m => m!["datum"] is not null).Select(m => m!["soort"]!.GetValue<string>()).ToList();
        Assert.Equal(["koppeling"], gezet);
    }

    [Fact]
    public async Task Mijlpaal_wissen_zet_fase_terug()
    {
        var id = await RegistreerAsync();
        await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = "2026-05-20" });

        var wis = await _client.DeleteAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving?reden=fout");

        Assert.Equal(HttpStatusCode.OK, wis.StatusCode);
        Assert.Equal("gekoppeld", (await (await _client.GetAsync($"/api/v1/inburgeraars/{id}")).LeesAsync())["fase"]!.GetValue<string>());
    }

    [Fact]
    public async Task Onbekend_dossier_geeft_404_problem_json()
    {
        var response = await _client.GetAsync($"/api/v1/inburgeraars/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Inzien_en_wijzigen_worden_gelogd_zonder_bsn()
    {
        var bsn = Testdata.NieuwBsn();
        var id = Guid.Parse(await RegistreerAsync(Testdata.Inburgeraar(bsn: bsn)));
        await _client.GetAsync($"/api/v1/inburgeraars/{id}");

        var regels = factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id).OrderBy(a => a.Id).ToList());

        Assert.Contains(regels, r => r.Actie == AuditActie.Aanmaken);
        Assert.Contains(regels, r => r.Actie == AuditActie.Inzien && r.Omschrijving.Contains("dossier opgevraagd"));
        Assert.DoesNotContain(regels, r => r.Omschrijving.Contains(bsn));
    }

    [Fact]
    public async Task Wijzigen_van_persoonsgegevens_valideert_en_bewaart()
    {
        var id = await RegistreerAsync();
        var invoer = Testdata.Inburgeraar();
        invoer["achternaam"] = "Gewijzigd";
        invoer["email"] = "geen-email";

        var fout = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}", invoer);
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        Assert.Equal("Proefpersoon", (await (await _client.GetAsync($"/api/v1/inburgeraars/{id}")).LeesAsync())["achternaam"]!.GetValue<string>());

        invoer["email"] = "testa@voorbeeld.example";
        var ok = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}", invoer);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("Gewijzigd", (await ok.LeesAsync())["achternaam"]!.GetValue<string>());
    }

    [Fact]
    public async Task Werkvoorraad_toont_verlopen_en_komende_termijnen_per_klantregisseur_en_team()
    {
        var medewerkers = await (await _client.GetAsync("/api/v1/medewerkers")).LeesAsync();
        var regisseur = medewerkers.AsArray().First()!;
        var regisseurId = regisseur["id"]!.GetValue<int>();
        var teamId = regisseur["teamId"]!.GetValue<int>();
        var anderTeam = medewerkers.AsArray().First(m => m!["teamId"]!.GetValue<int>() != teamId)!["teamId"]!.GetValue<int>();

        var binnenkort = await RegistreerAsync(Testdata.Inburgeraar(klantregisseurId: regisseurId));
        await _client.PutJsonAsync($"/api/v1/inburgeraars/{binnenkort}/mijlpalen/brpInschrijving", new { datum = "2026-04-14" }); // PIP due 23 June
        var verlopen = await RegistreerAsync(Testdata.Inburgeraar(klantregisseurId: regisseurId));
        await _client.PutJsonAsync($"/api/v1/inburgeraars/{verlopen}/mijlpalen/brpInschrijving", new { datum = "2026-03-02" }); // PIP due 11 May
        var verweg = await RegistreerAsync(Testdata.Inburgeraar(klantregisseurId: regisseurId));
        await _client.PutJsonAsync($"/api/v1/inburgeraars/{verweg}/mijlpalen/brpInschrijving", new { datum = "2026-06-01" }); // PIP due 10 Aug

        var lijst = await (await _client.GetAsync($"/api/v1/werkvoorraad?klantregisseurId={regisseurId}&termijn=pipVaststelling&paginaGrootte=500")).LeesAsync();
        var regels = lijst["regels"]!.AsArray();
        var vanMij = regels.Where(r => new[] { binnenkort, verlopen, verweg }.Contains(r!["inburgeraarId"]!.GetValue<string>())).ToList();
        Assert.Equal(2, vanMij.Count);
        Assert.Equal(verlopen, vanMij[0]!["inburgeraarId"]!.GetValue<string>()); // sorted by due date
        Assert.True(vanMij[0]!["verlopen"]!.GetValue<bool>());
        Assert.Equal(7, vanMij[1]!["dagenResterend"]!.GetValue<int>());
        Assert.All(regels, r => Assert.Equal("pipVaststelling", r!["code"]!.GetValue<string>()));

        var alleenVerlopen = await (await _client.GetAsync($"/api/v1/werkvoorraad?klantregisseurId={regisseurId}&signaal=verlopen&paginaGrootte=500")).LeesAsync();
        Assert.All(alleenVerlopen["regels"]!.AsArray(), r => Assert.True(r!["verlopen"]!.GetValue<bool>()));
        Assert.Contains(alleenVerlopen["regels"]!.AsArray(), r => r!["inburgeraarId"]!.GetValue<string>() == verlopen);
        Assert.DoesNotContain(alleenVerlopen["regels"]!.AsArray(), r => r!["inburgeraarId"]!.GetValue<string>() == binnenkort);

        var team = await (await _client.GetAsync($"/api/v1/werkvoorraad?teamId={teamId}&paginaGrootte=500")).LeesAsync();
        Assert.Contains(team["regels"]!.AsArray(), r => r!["inburgeraarId"]!.GetValue<string>() == verlopen);
        var ander = await (await _client.GetAsync($"/api/v1/werkvoorraad?teamId={anderTeam}&paginaGrootte=500")).LeesAsync();
        Assert.DoesNotContain(ander["regels"]!.AsArray(), r => r!["inburgeraarId"]!.GetValue<string>() == verlopen);
    }

    [Fact]
    public void Opgeslagen_termijnen_komen_overeen_met_de_wettelijke_klok()
    {
        // The worklist reads stored deadlines; they must equal a fresh computation for every demo case.
        var verschillen = factory.MetDatabase(db =>
        {
            var dossiers = db.Inburgeraars.Include(i => i.Mijlpalen).Include(i => i.Termijnen).Include(i => i.Gemeente).AsSplitQuery().ToList();
            Assert.True(dossiers.Count >= 50);
            return dossiers.SelectMany(d =>
                Koers.Domain.Clock.LegalClock.Bereken(d.Feiten(), d.Gemeente!.Instellingen)
                    .Where(t => d.Termijnen.Single(s => s.Code == t.Code) is var s && (s.Vervaldatum != t.Vervaldatum || s.Toepasselijk != t.Toepasselijk || s.VoldaanOp != t.VoldaanOp))
                    .Select(t => $"{d.Id} {t.Code}"))
                .ToList();
        });
        Assert.Empty(verschillen);
    }

    [Fact]
    public async Task OpenApi_document_beschrijft_de_api()
    {
        var response = await _client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.LeesAsync();
        Assert.Equal("Koers API", doc["info"]!["title"]!.GetValue<string>());
        var paden = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/inburgeraars", paden);
        Assert.Contains("/inburgeraars/{id}/termijnen", paden);
        Assert.Contains("/inburgeraars/{id}/mijlpalen/{soort}", paden);
        Assert.Contains("/werkvoorraad", paden);
    }
}

public sealed class SqliteDossierApiTests(SqliteFactory factory) : DossierApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresDossierApiTests(PostgresFactory factory) : DossierApiTests(factory), IClassFixture<PostgresFactory>;

using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Koers.Domain.Dossier;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Afsluiting;

/// <summary>
/// Closure: exam results, the Z-route eindgesprek, verlenging at DUO, the closing itself (once, with the rules for
/// voldaan) through the milestones, and the transfer file for a move. The clock stands on 16 June 2026.
/// </summary>
public abstract class AfsluitingApiTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> DossierAsync(Leerroute? route, string naam, string? bsn = null)
    {
        var invoer = Testdata.Inburgeraar(bsn: bsn, koppelingsdatum: "2023-01-05");
        invoer["achternaam"] = naam;
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.LeesAsync())["id"]!.GetValue<string>();
        if (route is not null)
        {
            // The leerroute normally comes with the PIP; here only the route matters.
            factory.MetDatabase(db => db.Inburgeraars.Where(i => i.Id == Guid.Parse(id)).ExecuteUpdate(s => s.SetProperty(i => i.Leerroute, route)));
        }

        return id;
    }

    private Task<HttpResponseMessage> AfsluitenAsync(string id, object invoer) => _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/afsluiting", invoer);

    private async Task<JsonNode> StandAsync(string id) => await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/afsluiting")).LeesAsync();

    private async Task ResultaatAsync(string id, string onderdeel, bool behaald = true) =>
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/examenresultaten",
            new { onderdeel, datum = "2026-05-12", niveau = "B1", behaald, score = 12 })).StatusCode);

    private static async Task<JsonObject> FoutenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.LeesAsync())["errors"]!.AsObject();
    }

    [Fact]
    public async Task Voldaan_vraagt_alle_examenonderdelen_en_sluit_maar_een_keer_af()
    {
        var id = await DossierAsync(Leerroute.B1Route, "Examen");
        var voldaan = new { soort = "inburgeringsplichtVoldaan", datum = "2026-06-10", toelichting = "Alle examens behaald." };

        await ResultaatAsync(id, "lezen");
        await ResultaatAsync(id, "luisteren");
        await ResultaatAsync(id, "schrijven", behaald: false);
        var melding = (await FoutenAsync(await AfsluitenAsync(id, voldaan)))["soort"]![0]!.GetValue<string>();
        Assert.Contains("Schrijven, Spreken, KNM", melding);
        Assert.Contains("Beleids- en actieplan", melding); // the rule cites its source

        var stand = await StandAsync(id);
        Assert.Equal(3, stand["examenresultaten"]!.AsArray().Count);
        Assert.All(stand["examenresultaten"]!.AsArray(), e => Assert.Equal("gemeente", e!["bron"]!.GetValue<string>()));
        Assert.Equal(["Schrijven", "Spreken", "Knm"], stand["ontbreektVoorVoldaan"]!.AsArray().Select(o => o!.GetValue<string>()));

        await ResultaatAsync(id, "schrijven");
        await ResultaatAsync(id, "spreken");
        await ResultaatAsync(id, "knm");
        Assert.Equal(HttpStatusCode.Created, (await AfsluitenAsync(id, voldaan)).StatusCode);
        var dossier = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}")).LeesAsync();
        Assert.Equal("voldaan", dossier["fase"]!.GetValue<string>());
        var mijlpaal = factory.MetDatabase(db => db.Mijlpalen.Single(m => m.InburgeraarId == Guid.Parse(id) && m.Soort == Mijlpaal.InburgeringsplichtVoldaan));
        Assert.Equal(new DateOnly(2026, 6, 10), mijlpaal.Datum);

        var tweede = (await FoutenAsync(await AfsluitenAsync(id, new { soort = "eindeBegeleiding", datum = "2026-06-11", toelichting = "Nogmaals" })))["soort"]![0]!.GetValue<string>();
        Assert.Contains("al afgesloten op 10-06-2026", tweede);
        Assert.Equal("inburgeringsplichtVoldaan", (await StandAsync(id))["afsluiting"]!["soort"]!.GetValue<string>());
    }

    [Fact]
    public async Task Z_route_sluit_af_met_een_behaald_eindgesprek()
    {
        var id = await DossierAsync(Leerroute.ZRoute, "Zroute");
        var voldaan = new { soort = "inburgeringsplichtVoldaan", datum = "2026-06-12", toelichting = "Eindgesprek gevoerd." };
        Assert.Contains("Eindgesprek Z-route", (await FoutenAsync(await AfsluitenAsync(id, voldaan)))["soort"]![0]!.GetValue<string>());
        Assert.Contains("verslag", (await FoutenAsync(await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/eindgesprek", new { datum = "2026-06-11", behaald = true }))).Select(f => f.Key));
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/eindgesprek",
            new { datum = "2026-06-11", verslag = "800 uur taal en participatie gehaald; werkt als vrijwilliger.", behaald = true })).StatusCode);
        var stand = await StandAsync(id);
        Assert.Single(stand["eindgesprekken"]!.AsArray());
        Assert.Empty(stand["ontbreektVoorVoldaan"]!.AsArray());
        Assert.Equal(HttpStatusCode.Created, (await AfsluitenAsync(id, voldaan)).StatusCode);
        Assert.True(factory.MetDatabase(db => db.Mijlpalen.Any(m => m.InburgeraarId == Guid.Parse(id) && m.Soort == Mijlpaal.EindgesprekOfExamens)));

        // An eindgesprek belongs to the Z-route only.
        var b1 = await DossierAsync(Leerroute.B1Route, "Geeneindgesprek");
        Assert.Contains("datum", (await FoutenAsync(await _client.PostJsonAsync($"/api/v1/inburgeraars/{b1}/eindgesprek",
            new { datum = "2026-06-11", verslag = "x", behaald = true }))).Select(f => f.Key));
    }

    [Fact]
    public async Task Ontheffing_vraagt_een_grond_en_verlenging_verschuift_de_termijn()
    {
        var id = await DossierAsync(Leerroute.B1Route, "Verlengd");
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/pipVastgesteld", new { datum = "2023-03-01" })).StatusCode);
        Assert.Contains("gevraagdTot", (await FoutenAsync(await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/verlengingen",
            new { datum = "2026-06-01", reden = "Ziekte", gevraagdTot = "2026-01-01" }))).Select(f => f.Key));
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/verlengingen",
            new { datum = "2026-06-01", reden = "Langdurige ziekte (verklaring huisarts).", gevraagdTot = "2026-09-01" })).StatusCode);
        var aanvraag = (await StandAsync(id))["verlengingen"]![0]!;
        Assert.Equal("aangevraagd", aanvraag["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/verlengingen/{aanvraag["id"]!.GetValue<string>()}/besluit",
            new { toegekend = true, datum = "2026-06-15", toegekendTot = "2026-09-01" })).StatusCode);
        var termijn = (await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/termijnen")).LeesAsync())["termijnen"]!.AsArray()
            .Single(t => t!["code"]!.GetValue<string>() == "inburgeringstermijn")!;
        Assert.Equal("2026-09-01", termijn["vervaldatum"]!.GetValue<string>());
        var nogmaals = await FoutenAsync(await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/verlengingen/{aanvraag["id"]!.GetValue<string>()}/besluit",
            new { toegekend = false, datum = "2026-06-16" }));
        Assert.Contains("al besloten", nogmaals["toegekend"]![0]!.GetValue<string>());
        Assert.Equal("toegekend", (await StandAsync(id))["verlengingen"]![0]!["status"]!.GetValue<string>());

        var fouten = await FoutenAsync(await AfsluitenAsync(id, new { soort = "ontheffing", datum = "2026-06-15", toelichting = "Medisch advies" }));
        Assert.Contains("ontheffingsgrond", fouten.Select(f => f.Key));
        Assert.Null((await StandAsync(id))["afsluiting"]);
        Assert.Equal(HttpStatusCode.Created, (await AfsluitenAsync(id, new { soort = "ontheffing", datum = "2026-06-15", toelichting = "Medisch advies", ontheffingsgrond = "medisch" })).StatusCode);
        Assert.Equal("medisch", (await StandAsync(id))["afsluiting"]!["ontheffingsgrond"]!.GetValue<string>());
    }

    [Fact]
    public async Task Verhuizing_levert_een_overdrachtsdossier_met_alleen_dit_dossier()
    {
        var bsnAnder = Testdata.NieuwBsn();
        var ander = await DossierAsync(Leerroute.B1Route, "Buurman", bsnAnder);
        await ResultaatAsync(ander, "lezen");
        var bsn = Testdata.NieuwBsn();
        var id = await DossierAsync(Leerroute.B1Route, "Verhuizer", bsn);
        await ResultaatAsync(id, "knm");
        var tekortkoming = await (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/handhaving/tekortkomingen",
            new { verplichting = "bredeIntakeEnPip", datum = "2026-05-01", omschrijving = "Niet gekomen." })).LeesAsync();
        var tid = tekortkoming["tekortkomingen"]![0]!["id"]!.GetValue<string>();
        await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/handhaving/tekortkomingen/{tid}/besluiten", new { actie = "overslaan", volgorde = 1, datum = "2026-05-02", reden = "Meteen brief." });
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/handhaving/tekortkomingen/{tid}/besluiten",
            new { actie = "nemen", volgorde = 2, datum = "2026-05-03", reden = "Herinnering." })).StatusCode);

        // A progress talk with an agreed action: the new municipality must be able to carry on with it.
        factory.MetDatabase(db =>
        {
            db.Voortgangsgesprekken.Add(new Koers.Data.Model.Keten.Voortgangsgesprek
            {
                Id = Guid.NewGuid(), InburgeraarId = Guid.Parse(id), GeplandOp = new DateOnly(2026, 5, 10), Datum = new DateOnly(2026, 5, 10),
                Status = Koers.Data.Model.Keten.Gespreksstatus.Gehouden, Verslag = "Gaat goed met taal.", VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test",
                Afspraken = [new Koers.Data.Model.Keten.Voortgangsafspraak { Omschrijving = "Aanmelden bij vrijwilligerswerk", Eigenaar = "inburgeraar" }],
            });
            return db.SaveChanges();
        });
        Assert.Contains("nieuweGemeente", (await FoutenAsync(await AfsluitenAsync(id, new { soort = "verhuisd", datum = "2026-06-01", toelichting = "Verhuisd" }))).Select(f => f.Key));
        Assert.Equal(HttpStatusCode.Created, (await AfsluitenAsync(id, new { soort = "verhuisd", datum = "2026-06-01", toelichting = "Verhuisd naar familie.", nieuweGemeente = "Eindhoven (GM0772)" })).StatusCode);

        var response = await _client.GetAsync($"/api/v1/inburgeraars/{id}/overdrachtsdossier");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var namen = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("dossier.json", namen);
        Assert.Contains("samenvatting.html", namen);
        Assert.Single(namen, n => n.StartsWith("handhaving/", StringComparison.Ordinal) && n.EndsWith(".pdf", StringComparison.Ordinal));
        string Lees(string naam) { using var r = new StreamReader(zip.GetEntry(naam)!.Open(), Encoding.UTF8); return r.ReadToEnd(); }
        var jsonTekst = Lees("dossier.json");
        var json = JsonNode.Parse(jsonTekst)!;
        Assert.Equal(id, json["persoon"]!["id"]!.GetValue<string>());
        Assert.Equal(bsn, json["persoon"]!["bsn"]!.GetValue<string>());
        Assert.Equal("Eindhoven (GM0772)", json["naarGemeente"]!.GetValue<string>());
        Assert.Single(json["examenresultaten"]!.AsArray());
        Assert.Equal(2, json["handhaving"]![0]!["stappen"]!.AsArray().Count);
        Assert.Contains(json["mijlpalen"]!.AsArray(), m => m!["soort"]!.GetValue<string>() == "verhuisd");
        Assert.NotEmpty(json["termijnen"]!.AsArray());
        var gesprek = Assert.Single(json["voortgangsgesprekken"]!.AsArray());
        Assert.Equal("Aanmelden bij vrijwilligerswerk", gesprek!["afspraken"]![0]!["omschrijving"]!.GetValue<string>());
        Assert.NotNull(json["verwijzingen"]);
        // Nothing of the other case.
        Assert.DoesNotContain(ander, jsonTekst);
        Assert.DoesNotContain(bsnAnder, jsonTekst);
        Assert.DoesNotContain("Buurman", jsonTekst);
        var html = Lees("samenvatting.html");
        Assert.Contains("Testa Verhuizer", html);
        Assert.DoesNotContain("Buurman", html);
        // Read by people at the new municipality: words, not code names ('PipVaststelling', 'Verhuisd' as enum, 'B1Route').
        Assert.Contains("Verhuisd naar een andere gemeente", html);
        var zichtbaar = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " ");
        Assert.DoesNotMatch(@"\b[A-Za-z]*[a-z][A-Z][A-Za-z]*\b", zichtbaar);
        Assert.True(factory.MetDatabase(db => db.Audit.Any(a => a.InburgeraarId == Guid.Parse(id) && a.Omschrijving.StartsWith("Export: overdrachtsdossier"))));

        // Another municipality gets nothing.
        var weert = factory.ClientAls("fleur.hendriks@weert.example");
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/api/v1/inburgeraars/{id}/overdrachtsdossier")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/api/v1/inburgeraars/{id}/afsluiting")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostJsonAsync($"/api/v1/inburgeraars/{ander}/afsluiting", new { soort = "eindeBegeleiding", datum = "2026-06-01", toelichting = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostJsonAsync($"/api/v1/inburgeraars/{ander}/examenresultaten", new { onderdeel = "lezen", datum = "2026-06-01", behaald = true })).StatusCode);
        Assert.Null((await StandAsync(ander))["afsluiting"]);
    }
}

public sealed class SqliteAfsluitingApiTests(SqliteFactory factory) : AfsluitingApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresAfsluitingApiTests(PostgresFactory factory) : AfsluitingApiTests(factory), IClassFixture<PostgresFactory>;

using System.Net;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Werk;

/// <summary>
/// Work (issue #22): the employer register of a municipality, placements with weekly evaluations and their signals on the
/// worklist, the end of a placement (a failed one needs its reason), exits and the jobcoach caseload; and refusals: another
/// region sees nothing (404), a chain partner is refused, a refused entry stores nothing. The clock stands on 16 June 2026
/// (a Tuesday); cases are in GM1724 (Bergeijk).
/// </summary>
public abstract class WerkTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();
    private static int _volgnummer;

    private async Task<Guid> DossierAsync()
    {
        var invoer = Testdata.Inburgeraar(bsn: Testdata.NieuwBsn(), koppelingsdatum: "2025-11-03");
        invoer["achternaam"] = "Werk" + Interlocked.Increment(ref _volgnummer);
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.LeesAsync())["id"]!.GetValue<string>());
    }

    private async Task<Guid> WerkgeverAsync(string naam)
    {
        var r = await _client.PostJsonAsync("/api/v1/werkgevers", new
        {
            gemeente = "GM1724", naam, sector = "Zorg", aanbod = new[] { "mapPraktijk", "taalstage" }, capaciteit = 2, taaleis = "a2",
            contactpersoon = "Mw. Voorbeeld", email = "werk@voorbeeld.example",
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return Guid.Parse((await r.LeesAsync()).GetValue<string>());
    }

    private static string Token(AngleSharp.Html.Dom.IHtmlDocument doc, string form) =>
        doc.QuerySelector($"{form} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    [Fact]
    public async Task Werkgeversregister_bewaart_aanbod_en_ervaringen_en_weigert_onvolledige_invoer()
    {
        var naam = "Zorgcentrum Test " + Guid.NewGuid().ToString("N")[..6];
        var id = await WerkgeverAsync(naam);
        var lijst = (await (await _client.GetAsync("/api/v1/werkgevers?gemeente=GM1724")).LeesAsync()).AsArray();
        var w = lijst.Single(x => x!["id"]!.GetValue<string>() == id.ToString())!;
        Assert.Equal(["mapPraktijk", "taalstage"], w["aanbod"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("A2", w["taaleis"]!.GetValue<string>());
        Assert.Equal(2, w["capaciteit"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/werkgevers/{id}/ervaringen", new { datum = "2026-06-10", tekst = "Goede begeleiding." })).StatusCode);

        // Refused: at the field, and nothing stored.
        var voor = factory.MetDatabase(db => db.Set<Werkgever>().Count());
        var fout = await _client.PostJsonAsync("/api/v1/werkgevers", new { gemeente = "GM1724", naam = " ", aanbod = Array.Empty<string>(), taaleis = "C2", email = "geen-adres" });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        var errors = (await fout.LeesAsync())["errors"]!;
        Assert.Contains("naam van de werkgever", errors["naam"]![0]!.GetValue<string>());
        Assert.Contains("ten minste één vorm", errors["aanbod"]![0]!.GetValue<string>());
        Assert.Contains("A0, A1, A2, B1 of B2", errors["taaleis"]![0]!.GetValue<string>());
        Assert.Contains("geldig e-mailadres", errors["email"]![0]!.GetValue<string>());
        Assert.Equal(voor, factory.MetDatabase(db => db.Set<Werkgever>().Count()));
        var ervFout = await _client.PostJsonAsync($"/api/v1/werkgevers/{id}/ervaringen", new { datum = "2026-07-10", tekst = "" });
        Assert.Contains("toekomst", (await ervFout.LeesAsync())["errors"]!["datum"]![0]!.GetValue<string>());
        Assert.Equal(1, factory.MetDatabase(db => db.Set<Werkgeverervaring>().Count(e => e.WerkgeverId == id)));

        // The page shows the employer, its offer and the experience with its author.
        var doc = new HtmlParser().ParseDocument(await _client.GetStringAsync("/werkgevers?gemeente=GM1724"));
        var rij = doc.GetElementById($"werkgever-{id}")!;
        Assert.Contains(naam, rij.TextContent);
        Assert.Contains("MAP-praktijk, Taalstage", rij.TextContent);
        Assert.Contains("Goede begeleiding.", rij.TextContent);
        Assert.Contains(KoersFactory.TestGebruiker, rij.TextContent);

        // The page refuses at the field too, and stores nothing.
        var post = await _client.PostAsync("/werkgevers?gemeente=GM1724", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc, "#werkgeverformulier"), ["Invoer.Naam"] = "Zonder aanbod", ["Invoer.Actief"] = "true",
        }));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var na = new HtmlParser().ParseDocument(await post.Content.ReadAsStringAsync());
        Assert.Contains("ten minste één vorm", na.GetElementById("Invoer_Aanbod")!.TextContent);
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Werkgever>().Count(x => x.Naam == "Zonder aanbod")));

        Assert.Contains(factory.MetDatabase(db => db.Audit.Select(a => a.Omschrijving).Where(o => o.StartsWith("Werkgeversregister")).ToList()),
            o => o == $"Werkgeversregister: werkgever '{naam}' toegevoegd");

        // Another region: the register is out of reach (404), its employer cannot be changed.
        var weert = factory.ClientAls("fleur.hendriks@weert.example");
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync("/api/v1/werkgevers?gemeente=GM1724")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync("/werkgevers?gemeente=GM1724")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PutJsonAsync($"/api/v1/werkgevers/{id}", new { naam = "Overgenomen", aanbod = new[] { "startbaan" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostJsonAsync($"/api/v1/werkgevers/{id}/ervaringen", new { datum = "2026-06-10", tekst = "x" })).StatusCode);
        Assert.Equal(naam, factory.MetDatabase(db => db.Set<Werkgever>().Single(x => x.Id == id).Naam));
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("partner@taalschool.example").GetAsync("/api/v1/werkgevers")).StatusCode);
    }

    [Fact]
    public async Task Plaatsing_met_weekevaluaties_geeft_en_verliest_signalen_en_mislukt_alleen_met_reden()
    {
        var id = await DossierAsync();
        var werkgever = await WerkgeverAsync("Bakkerij Test " + Guid.NewGuid().ToString("N")[..6]);
        var r = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/werk/plaatsingen", new
        {
            werkgever, soort = "werkervaringsplaats", startbaan = true, subsidie = "Loonkostensubsidie", subsidieBedrag = 1200.50m,
            start = "2026-06-01", einde = "2026-09-01", urenPerWeek = 16, jobcoach = "Jobcoach Test " + id.ToString("N")[..6],
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var pid = Guid.Parse((await r.LeesAsync()).GetValue<string>());

        // Started 1 June without an evaluation: overdue (more than 7 days) in the API and on the worklist.
        var werk = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/werk")).LeesAsync();
        var p = werk["plaatsingen"]!.AsArray().Single()!;
        Assert.True(p["evaluatieTeLaat"]!.GetValue<bool>());
        Assert.False(p["eindigtBinnenkort"]!.GetValue<bool>());
        Assert.True(p["startbaan"]!.GetValue<bool>());
        Assert.Equal(1200.50m, p["subsidieBedrag"]!.GetValue<decimal>());
        Assert.Contains(await WerkvoorraadRegelsAsync(), t => t.Contains($"/inburgeraars/{id}/werk") && t.Contains("Weekevaluatie te laat"));

        // An evaluation this week clears it.
        var fout = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/werk/plaatsingen/{pid}/evaluaties", new { datum = "2026-06-15", tekst = "Goed", score = 7 });
        Assert.Contains("score van 1", (await fout.LeesAsync())["errors"]!["score"]![0]!.GetValue<string>());
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Plaatsingsevaluatie>().Count(e => e.PlaatsingId == pid)));
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/werk/plaatsingen/{pid}/evaluaties", new { datum = "2026-06-15", tekst = "Op tijd en leergierig.", score = 4 })).StatusCode);
        Assert.False((await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/werk")).LeesAsync())["plaatsingen"]![0]!["evaluatieTeLaat"]!.GetValue<bool>());
        Assert.DoesNotContain(await WerkvoorraadRegelsAsync(), t => t.Contains($"/inburgeraars/{id}/werk"));

        // A second placement ending within two weeks shows as ending soon.
        var intern = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/werk/plaatsingen", new { internAfdeling = "Groenvoorziening", soort = "taalstage", start = "2026-06-15", einde = "2026-06-26" });
        Assert.Equal(HttpStatusCode.Created, intern.StatusCode);
        Assert.Contains(await WerkvoorraadRegelsAsync(), t => t.Contains($"/inburgeraars/{id}/werk") && t.Contains("Eindigt binnenkort") && t.Contains("Intern: Groenvoorziening"));

        // Failing without a reason is refused and changes nothing; with one it ends.
        var zonder = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/werk/plaatsingen/{pid}/beeindigen", new { datum = "2026-06-16", uitkomst = "mislukt" });
        Assert.Equal(HttpStatusCode.BadRequest, zonder.StatusCode);
        Assert.Contains("reden", (await zonder.LeesAsync())["errors"]!["reden"]![0]!.GetValue<string>());
        Assert.Null(factory.MetDatabase(db => db.Set<Plaatsing>().Single(x => x.Id == pid).Uitkomst));
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/werk/plaatsingen/{pid}/beeindigen",
            new { datum = "2026-06-16", uitkomst = "mislukt", reden = "Reistijd te lang." })).StatusCode);
        var geeindigd = factory.MetDatabase(db => db.Set<Plaatsing>().Single(x => x.Id == pid));
        Assert.Equal((Plaatsingsuitkomst.Mislukt, "Reistijd te lang."), (geeindigd.Uitkomst!.Value, geeindigd.Reden!));
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id).Select(a => a.Omschrijving).ToList()),
            o => o.StartsWith("Plaatsing bij Bakkerij Test", StringComparison.Ordinal) && o.EndsWith("beëindigd: Voortijdig beëindigd", StringComparison.Ordinal));

        // The case page shows the running placement in its heading; the Werk tab shows both with the reason.
        var dossier = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}"));
        Assert.Contains("Taalstage bij Intern: Groenvoorziening", dossier.GetElementById("plaatsingen-kop")!.TextContent);
        var tab = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/werk"));
        Assert.Contains("Voortijdig beëindigd op 16 jun 2026. Reden: Reistijd te lang.", tab.QuerySelector($"#plaatsing-{pid} .plaatsing-stand")!.TextContent);
    }

    [Fact]
    public async Task Uitstroom_en_caseload_en_een_andere_regio_ziet_niets()
    {
        var id = await DossierAsync();
        var jobcoach = "Jobcoach Caseload " + id.ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/werk/plaatsingen",
            new { internAfdeling = "Productie", soort = "mapPraktijk", start = "2026-06-10", jobcoach })).StatusCode);

        var fout = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/werk/uitstroom", new { datum = "2026-06-10" });
        Assert.Contains("Kies waarnaar", (await fout.LeesAsync())["errors"]!["soort"]![0]!.GetValue<string>());
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Uitstroom>().Count(u => u.InburgeraarId == id)));
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/werk/uitstroom", new { soort = "betaaldeBaanDeeltijd", datum = "2026-06-12" })).StatusCode);
        Assert.Equal("betaaldeBaanDeeltijd", (await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/werk")).LeesAsync())["uitstromen"]![0]!["soort"]!.GetValue<string>());

        var caseload = (await (await _client.GetAsync("/api/v1/jobcoaches/caseload")).LeesAsync()).AsArray();
        Assert.Equal([id.ToString()], caseload.Single(c => c!["jobcoach"]!.GetValue<string>() == jobcoach)!["plaatsingen"]!.AsArray().Select(p => p!["inburgeraarId"]!.GetValue<string>()));
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync("/jobcoaches"));
        Assert.Contains(pagina.QuerySelectorAll("section.jobcoach"), s => s.TextContent.Contains(jobcoach) && s.TextContent.Contains("MAP-praktijk bij Intern: Productie"));

        var weert = factory.ClientAls("fleur.hendriks@weert.example");
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/api/v1/inburgeraars/{id}/werk")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/inburgeraars/{id}/werk")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostJsonAsync($"/api/v1/inburgeraars/{id}/werk/uitstroom", new { soort = "opleiding", datum = "2026-06-12" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostJsonAsync($"/api/v1/inburgeraars/{id}/werk/plaatsingen", new { internAfdeling = "X", soort = "taalstage", start = "2026-06-12" })).StatusCode);
        Assert.DoesNotContain((await (await weert.GetAsync("/api/v1/jobcoaches/caseload")).LeesAsync()).AsArray(), c => c!["jobcoach"]!.GetValue<string>() == jobcoach);
        Assert.Equal(1, factory.MetDatabase(db => db.Set<Uitstroom>().Count(u => u.InburgeraarId == id)));
        Assert.Equal(1, factory.MetDatabase(db => db.Set<Plaatsing>().Count(u => u.InburgeraarId == id)));
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("partner@taalschool.example").GetAsync($"/api/v1/inburgeraars/{id}/werk")).StatusCode);
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id && a.Resultaat == AuditResultaat.Geweigerd).Select(a => a.Gebruiker).ToList()),
            g => g == "fleur.hendriks@weert.example");
    }

    private async Task<List<string>> WerkvoorraadRegelsAsync()
    {
        var doc = new HtmlParser().ParseDocument(await _client.GetStringAsync("/werkvoorraad"));
        return doc.QuerySelectorAll("#werk-plaatsingen li").Select(li => li.InnerHtml).ToList();
    }
}

public sealed class SqliteWerkTests(SqliteFactory factory) : WerkTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresWerkTests(PostgresFactory factory) : WerkTests(factory), IClassFixture<PostgresFactory>;

using System.Net;
using System.Text.Json.Nodes;
using Koers.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Koers.Web.Tests;

/// <summary>The first phase of the klantreis through the API: brede intake, leerbaarheidstoets, PIP and beschikking.</summary>
public abstract class KlantreisApiTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> NieuwDossierAsync(string brp = "2026-04-14", string naam = "Klantreis")
    {
        var invoer = Testdata.Inburgeraar(koppelingsdatum: "2026-03-02");
        invoer["achternaam"] = naam;
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.LeesAsync())["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = brp })).StatusCode);
        return id;
    }

    private Task IntakeVolledigAsync(string id) => Testdata.IntakeVolledigAsync(_client, id);

    private async Task LbtAsync(string id, int score) =>
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/leerbaarheidstoets",
            new { aangemeld = "2026-04-20", afgenomen = "2026-05-06", afnemer = "Afnemer", score })).StatusCode);

    private static object GeldigB1Pip(Dictionary<string, string>? niveaus = null) => new
    {
        leerroute = "b1Route",
        niveaus = niveaus ?? new Dictionary<string, string>(),
        knm = true,
        pvt = true,
        map = true,
        participatie = "vrijwilligerswerk",
        maatschappelijkeBegeleiding = true,
        ontzorgen = true,
        hoofddoel = "betaaldWerken",
        subdoelen = new[] { "Ik werk als kok" },
        aanbieder = "Taalschool De Brug",
        geplandeStart = "2026-07-01",
    };

    private async Task<JsonNode> TermijnAsync(string id, string code) =>
        (await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/termijnen")).LeesAsync())["termijnen"]!.AsArray()
            .Single(t => t!["code"]!.GetValue<string>() == code)!;

    [Fact]
    public async Task Intake_wordt_pas_afgerond_als_alle_leefgebieden_zijn_ingevuld()
    {
        var id = await NieuwDossierAsync();
        await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/intake/leefgebieden/opleiding",
            new { antwoorden = new Dictionary<string, string?> { ["hoogsteOpleiding"] = "basisonderwijs" } });

        var teVroeg = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/intake/afronden", new { datum = "2026-05-20" });
        Assert.Equal(HttpStatusCode.BadRequest, teVroeg.StatusCode);
        var fouten = (await teVroeg.LeesAsync())["errors"]!.AsObject();
        Assert.Contains(fouten, f => f.Key.StartsWith("mentaleGezondheid", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(fouten, f => f.Key.Contains("jarenOnderwijs", StringComparison.OrdinalIgnoreCase));

        var ongeldig = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/intake/leefgebieden/opleiding",
            new { antwoorden = new Dictionary<string, string?> { ["hoogsteOpleiding"] = "raketgeleerde" } });
        Assert.Equal(HttpStatusCode.BadRequest, ongeldig.StatusCode);
        var stand = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/intake")).LeesAsync();
        var opleiding = stand["leefgebieden"]!.AsArray().Single(l => l!["leefgebied"]!.GetValue<string>() == "opleiding")!;
        Assert.Equal("basisonderwijs", opleiding["antwoorden"]!["hoogsteOpleiding"]!.GetValue<string>());

        await IntakeVolledigAsync(id);
        var mijlpalen = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/mijlpalen")).LeesAsync();
        Assert.Equal("2026-05-20", mijlpalen.AsArray().Single(m => m!["soort"]!.GetValue<string>() == "bredeIntake")!["datum"]!.GetValue<string>());
        Assert.Equal("intake", (await (await _client.GetAsync($"/api/v1/inburgeraars/{id}")).LeesAsync())["fase"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("2023-04-11", 30, "b1NietHaalbaar", 31)]
    [InlineData("2023-04-12", 28, "b1Haalbaar", 28)]
    [InlineData("2026-05-06", 27, "b1NietHaalbaar", 28)]
    public async Task Leerbaarheidstoets_gebruikt_de_grens_van_de_afnamedatum(string afgenomen, int score, string uitkomst, int cesuur)
    {
        var id = await NieuwDossierAsync();
        // A test before the koppeling is impossible for this case; use a case linked long ago.
        await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/koppeling", new { datum = "2023-01-02" });

        var response = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/leerbaarheidstoets", new { afgenomen, score, afnemer = "X" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.LeesAsync();
        Assert.Equal(uitkomst, json["uitkomst"]!.GetValue<string>());
        Assert.Equal(cesuur, json["cesuur"]!.GetValue<int>());
        Assert.Equal(uitkomst == "b1Haalbaar" ? "b1Route" : "zRoute", json["advies"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ongeldige_toets_wordt_geweigerd()
    {
        var id = await NieuwDossierAsync();

        var teHoog = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/leerbaarheidstoets", new { afgenomen = "2026-05-06", score = 45 });
        var zonderReden = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/leerbaarheidstoets", new { overgeslagen = true });

        Assert.Equal(HttpStatusCode.BadRequest, teHoog.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, zonderReden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/inburgeraars/{id}/leerbaarheidstoets")).StatusCode);
    }

    [Fact]
    public async Task Pip_dat_regels_breekt_kan_niet_worden_vastgesteld()
    {
        var id = await NieuwDossierAsync();

        // No intake, no LBT, onderwijsroute with an A2 level: each rule is reported.
        var controle = await (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/pip/concept", new
        {
            leerroute = "onderwijsroute",
            niveaus = new Dictionary<string, string> { ["Spreken"] = "A2" },
            hoofddoel = "opleidingMetStudiefinanciering",
        })).LeesAsync();

        Assert.False(controle["magVastgesteld"]!.GetValue<bool>());
        var meldingen = controle["fouten"]!.AsArray().Select(f => f!["melding"]!.GetValue<string>()).ToList();
        Assert.Contains(meldingen, m => m.Contains("intake", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(meldingen, m => m.Contains("leerbaarheidstoets", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(meldingen, m => m.Contains("A2"));
        Assert.All(controle["fouten"]!.AsArray(), f => Assert.NotNull(f!["bron"]));

        var vaststellen = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/pip/vaststellen", new { dagtekening = "2026-06-15" });
        Assert.Equal(HttpStatusCode.BadRequest, vaststellen.StatusCode);
        Assert.Equal("gevestigd", (await (await _client.GetAsync($"/api/v1/inburgeraars/{id}")).LeesAsync())["fase"]!.GetValue<string>());
    }

    [Fact]
    public async Task Afwijken_van_de_toets_vraagt_een_motivatie()
    {
        var id = await NieuwDossierAsync();
        await IntakeVolledigAsync(id);
        await LbtAsync(id, 30); // B1 feasible

        var zonder = await (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/pip/concept", new
        {
            leerroute = "zRoute", participatie = "dagbesteding", hoofddoel = "maatschappelijkFitWorden",
        })).LeesAsync();
        Assert.Contains(zonder["fouten"]!.AsArray(), f => f!["veld"]!.GetValue<string>().Contains("Motivatie", StringComparison.OrdinalIgnoreCase));

        var met = await (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/pip/concept", new
        {
            leerroute = "zRoute", participatie = "dagbesteding", hoofddoel = "maatschappelijkFitWorden",
            motivatieAfwijkingLbt = "Ernstige concentratieproblemen na trauma; advies van de huisarts en de taalschool.",
            maatschappelijkeBegeleiding = true, ontzorgen = true, aanbieder = "Taalschool", geplandeStart = "2026-07-01",
        })).LeesAsync();
        Assert.True(met["magVastgesteld"]!.GetValue<bool>(), string.Join("; ", met["fouten"]!.AsArray().Select(f => f!["melding"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Vaststellen_maakt_beschikking_start_termijn_en_bijstelling_maakt_nieuwe_versie()
    {
        var id = await NieuwDossierAsync(naam: "Beschikking");
        await IntakeVolledigAsync(id);
        await LbtAsync(id, 30);
        var controle = await (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/pip/concept", GeldigB1Pip())).LeesAsync();
        Assert.True(controle["magVastgesteld"]!.GetValue<bool>(), controle.ToJsonString());

        var vastgesteld = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/pip/vaststellen", new { dagtekening = "2026-06-15", verzenddatum = "2026-06-15" });
        Assert.Equal(HttpStatusCode.Created, vastgesteld.StatusCode);
        var beschikking = await vastgesteld.LeesAsync();
        Assert.Equal("pipVaststelling", beschikking["soort"]!.GetValue<string>());

        var pdfResponse = await _client.GetAsync(beschikking["url"]!.GetValue<string>());
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType!.MediaType);
        var bytes = await pdfResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(beschikking["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        using (var pdf = PdfDocument.Open(bytes))
        {
            var tekst = string.Join("\n", pdf.GetPages().Select(p => p.Text));
            Assert.Contains("Beschikking", tekst);
            Assert.Contains("B1-route", tekst);
            Assert.Contains("27 juli 2026", tekst); // bezwaar until 15 June (sent) + 6 weeks
            Assert.Contains("Gemeente Bergeijk", tekst);
        }

        // Legal basis with articles and a motivation from this case's own recorded facts (toets score 30, intake answers).
        var gelezen = Pdf.GelezenPdf.Lees(bytes);
        Assert.Contains("op grond van de artikelen 14, 15 en 16 van de Wet inburgering 2021", gelezen.Tekst);
        Assert.Contains("Waarom wij dit besluiten", gelezen.Tekst);
        Assert.Contains("U had bij de leerbaarheidstoets 30 van de 40 vragen goed.", gelezen.Tekst);
        Assert.Contains("Daarom volgt u de B1-route.", gelezen.Tekst);
        Assert.Contains("hoogst gevolgde opleiding geen, 4 jaar onderwijs", gelezen.Tekst);
        Assert.Contains("U zorgt voor 4 kinderen.", gelezen.Tekst);
        Assert.Contains("Testa Beschikking Teststraat 1 5571 AA Bergeijk", gelezen.Tekst); // addressee with full address

        Assert.Equal("2029-06-15", (await TermijnAsync(id, "inburgeringstermijn"))["vervaldatum"]!.GetValue<string>());
        Assert.Equal("gehaald", (await TermijnAsync(id, "pipVaststelling"))["status"]!.GetValue<string>());
        Assert.Equal("b1Route", (await (await _client.GetAsync($"/api/v1/inburgeraars/{id}")).LeesAsync())["leerroute"]!.GetValue<string>());

        // Bijstelling: afschaling of speaking to A2 is allowed now that there was a PIP, and needs a reason.
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync($"/api/v1/inburgeraars/{id}/pip/bijstelling", null)).StatusCode);
        var bijgesteld = await (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/pip/concept", GeldigB1Pip(new() { ["Spreken"] = "A2" }))).LeesAsync();
        Assert.True(bijgesteld["magVastgesteld"]!.GetValue<bool>(), bijgesteld.ToJsonString());
        var zonderReden = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/pip/vaststellen", new { dagtekening = "2026-06-16" });
        Assert.Equal(HttpStatusCode.BadRequest, zonderReden.StatusCode);
        var metReden = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/pip/vaststellen",
            new { dagtekening = "2026-06-16", verzenddatum = "2026-06-16", redenBijstelling = "Spreken op B1 blijkt na de eerste maanden niet haalbaar." });
        Assert.Equal(HttpStatusCode.Created, metReden.StatusCode);

        var stand = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/pip")).LeesAsync();
        Assert.Equal([2, 1], stand["versies"]!.AsArray().Select(v => v!["versie"]!.GetValue<int>()));
        Assert.Equal(["vastgesteld", "vervangen"], stand["versies"]!.AsArray().Select(v => v!["status"]!.GetValue<string>()));
        Assert.Equal(2, stand["beschikkingen"]!.AsArray().Count);
        Assert.Equal("2029-06-15", (await TermijnAsync(id, "inburgeringstermijn"))["vervaldatum"]!.GetValue<string>()); // termijn runs on
        Assert.Equal("2026-07-28", (await TermijnAsync(id, "bezwaartermijn"))["vervaldatum"]!.GetValue<string>()); // from the new beschikking

        var tweede = stand["beschikkingen"]!.AsArray().Single(b => b!["soort"]!.GetValue<string>() == "pipBijstelling")!;
        using var pdf2 = PdfDocument.Open(await _client.GetByteArrayAsync(tweede["url"]!.GetValue<string>()));
        var tekst2 = string.Join("\n", pdf2.GetPages().Select(p => p.Text));
        Assert.Contains("niet haalbaar", tekst2);
        Assert.Contains("A2", tekst2);
    }

    [Fact]
    public async Task Bezwaartermijn_loopt_vanaf_de_vastgelegde_verzenddatum_en_schuift_over_het_weekend()
    {
        var id = await NieuwDossierAsync(naam: "Verzending");
        await IntakeVolledigAsync(id);
        await LbtAsync(id, 30);
        await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/pip/concept", GeldigB1Pip());

        // A date of sending before the dagtekening or in the future (the clock stands on 16 June) is refused, nothing stored.
        foreach (var fout in new[] { "2026-06-04", "2026-06-17" })
        {
            var geweigerd = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/pip/vaststellen", new { dagtekening = "2026-06-05", verzenddatum = fout });
            Assert.Equal(HttpStatusCode.BadRequest, geweigerd.StatusCode);
            Assert.NotNull((await geweigerd.LeesAsync())["errors"]!["verzenddatum"]);
        }

        // Vastgesteld Friday 5 June, not sent yet: the letter states the rule, the clock has no date rather than a wrong one.
        var beschikking = await (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/pip/vaststellen", new { dagtekening = "2026-06-05" })).LeesAsync();
        Assert.Null(beschikking["verzenddatum"]);
        var brief = Pdf.GelezenPdf.Lees(await _client.GetByteArrayAsync(beschikking["url"]!.GetValue<string>()));
        Assert.Contains("binnen zes weken na de dag van verzending van deze brief", brief.Tekst);
        Assert.DoesNotContain("17 juli 2026", brief.Tekst); // dagtekening + 6 weeks would be a wrong fixed date
        Assert.DoesNotContain("uiterlijk op", brief.Tekst);
        var termijn = await TermijnAsync(id, "bezwaartermijn");
        Assert.Null(termijn["vervaldatum"]);
        Assert.Equal("nietBerekenbaar", termijn["status"]!.GetValue<string>());

        Assert.Contains("Verzending vastleggen", await _client.GetStringAsync($"/inburgeraars/{id}/pip"));
        var url = $"/api/v1/inburgeraars/{id}/beschikkingen/{beschikking["id"]!.GetValue<string>()}/verzending";
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostJsonAsync(url, new { verzenddatum = "2026-06-04" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostJsonAsync(url, new { })).StatusCode);

        // Sent Saturday 6 June (digitally): six weeks end Saturday 18 July, the Algemene termijnenwet moves it to Monday 20 July.
        var verzonden = await _client.PostJsonAsync(url, new { verzenddatum = "2026-06-06" });
        Assert.Equal(HttpStatusCode.OK, verzonden.StatusCode);
        var dto = await verzonden.LeesAsync();
        Assert.Equal("2026-06-06", dto["verzenddatum"]!.GetValue<string>());
        Assert.Equal("2026-07-20", dto["bezwaarUiterlijk"]!.GetValue<string>());
        termijn = await TermijnAsync(id, "bezwaartermijn");
        Assert.Equal("2026-07-20", termijn["vervaldatum"]!.GetValue<string>());
        Assert.Equal("2026-06-07", termijn["startdatum"]!.GetValue<string>());
        Assert.DoesNotContain("Verzending vastleggen", await _client.GetStringAsync($"/inburgeraars/{id}/pip"));

        // Recorded once; the recording is audited.
        var nogmaals = await _client.PostJsonAsync(url, new { verzenddatum = "2026-06-08" });
        Assert.Equal(HttpStatusCode.BadRequest, nogmaals.StatusCode);
        Assert.Equal("2026-07-20", (await TermijnAsync(id, "bezwaartermijn"))["vervaldatum"]!.GetValue<string>());
        var audit = factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == Guid.Parse(id)).Select(a => a.Omschrijving).ToList());
        Assert.Contains(audit, a => a.Contains("Verzenddatum van beschikking") && a.Contains("06-06-2026"));
    }

    [Fact]
    public async Task Zonder_volledig_adres_geen_beschikking()
    {
        var id = await NieuwDossierAsync(naam: "Zonderadres");
        await IntakeVolledigAsync(id);
        await LbtAsync(id, 30);
        await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/pip/concept", GeldigB1Pip());
        var dossier = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}")).LeesAsync();
        Assert.Equal("Teststraat 1, 5571 AA Bergeijk", dossier["adres"]!.GetValue<string>());
        factory.MetDatabase(db =>
        {
            db.Inburgeraars.Single(i => i.Id == Guid.Parse(id)).Adres = "Teststraat 1, Bergeijk"; // no postcode
            return db.SaveChanges();
        });

        var geweigerd = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/pip/vaststellen", new { dagtekening = "2026-06-15" });
        Assert.Equal(HttpStatusCode.BadRequest, geweigerd.StatusCode);
        Assert.Contains("niet volledig", (await geweigerd.LeesAsync())["errors"]!["adres"]![0]!.GetValue<string>());
        Assert.Empty((await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/pip")).LeesAsync())["beschikkingen"]!.AsArray());
    }

    [Fact]
    public async Task Te_laat_vastgesteld_pip_vraagt_en_bewaart_een_reden()
    {
        var id = await NieuwDossierAsync(brp: "2026-03-02"); // due 11 May 2026
        await IntakeVolledigAsync(id);
        await LbtAsync(id, 30);
        await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/pip/concept", GeldigB1Pip());

        var zonder = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/pip/vaststellen", new { dagtekening = "2026-06-15" });
        Assert.Equal(HttpStatusCode.BadRequest, zonder.StatusCode);
        Assert.NotNull((await zonder.LeesAsync())["errors"]!["redenTeLaat"]);

        var met = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/pip/vaststellen",
            new { dagtekening = "2026-06-15", redenTeLaat = "Wachtlijst taalschoolintake van zes weken." });
        Assert.Equal(HttpStatusCode.Created, met.StatusCode);
        var huidige = (await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/pip")).LeesAsync())["huidige"]!;
        Assert.True(huidige["teLaat"]!.GetValue<bool>());
        Assert.Equal("Wachtlijst taalschoolintake van zes weken.", huidige["redenTeLaat"]!.GetValue<string>());
        Assert.Equal("teLaat", (await TermijnAsync(id, "pipVaststelling"))["status"]!.GetValue<string>());
    }
}

public sealed class SqliteKlantreisApiTests(SqliteFactory factory) : KlantreisApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresKlantreisApiTests(PostgresFactory factory) : KlantreisApiTests(factory), IClassFixture<PostgresFactory>;

using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Koers.Data.Model.Zgw;
using Koers.Web.Features.Zgw;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Zgw;

/// <summary>
/// Koers with the zaaksysteem stand-in wired in-process (ZgwClient goes through the test server to /zgw-simulator),
/// archiving switched on for Bergeijk (GM1724) only. The outbox is run by hand.
/// </summary>
public abstract class ZgwOmgeving(KoersFactory basis) : KoppelingOmgeving(basis, (b, handler) =>
{
    b.UseSetting("Zgw:Gemeenten:GM1724:Rsin", Rsin);
    b.UseSetting("Zgw:Secret", Geheim);
    b.UseSetting("Zgw:ClientId", "koers-test");
    b.UseSetting("Zgw:ZakenUrl", "http://localhost" + ZgwSimulator.ApiPad(ZgwApi.Zaken));
    b.UseSetting("Zgw:DocumentenUrl", "http://localhost" + ZgwSimulator.ApiPad(ZgwApi.Documenten));
    b.UseSetting("Zgw:CatalogiUrl", "http://localhost" + ZgwSimulator.ApiPad(ZgwApi.Catalogi));
    b.ConfigureTestServices(s => s.AddHttpClient<ZgwClient>().ConfigurePrimaryHttpMessageHandler(handler));
})
{
    public const string Rsin = "123456782";
    public const string Geheim = "zgw-test-geheim-van-minstens-tweeendertig-tekens";

    public ZgwSimulator Sim => App.Services.GetRequiredService<ZgwSimulator>();

    /// <summary>Runs the outbox until nothing more is done now (a step waiting for a retry stays).</summary>
    public async Task VerwerkAsync()
    {
        for (var i = 0; i < 20; i++)
        {
            using var scope = App.Services.CreateScope();
            if (await scope.ServiceProvider.GetRequiredService<ZgwVerwerker>().VerwerkAsync() == 0) return;
        }
    }
}

public sealed class ZgwSqliteOmgeving() : ZgwOmgeving(new SqliteFactory());

public sealed class ZgwPostgresOmgeving() : ZgwOmgeving(new PostgresFactory());

public abstract class ZgwTests(ZgwOmgeving omgeving)
{
    private const string Sanne = "sanne.devries@kempen.example";
    private const string Fleur = "fleur.hendriks@weert.example";

    private readonly Dictionary<string, string> _bsn = [];

    private async Task<string> DossierAsync(string gemeente = "GM1724")
    {
        var bsn = Testdata.NieuwBsn();
        var r = await omgeving.Als().PostJsonAsync("/api/v1/koppelingen", Testdata.Inburgeraar(bsn: bsn, gemeente: gemeente, koppelingsdatum: "2026-03-02"));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var id = (await r.LeesAsync())["id"]!.GetValue<string>();
        _bsn[id] = bsn;
        return id;
    }

    private Task PipVaststellenAsync(string id) => Testdata.PipVaststellenAsync(omgeving.Als(), id);

    private JsonObject Zaak(string id) => Assert.Single(omgeving.Sim.Zaken(), z => (string?)z["identificatie"] == ZgwVerwerker.Identificatie(Guid.Parse(id)));

    private IReadOnlyList<string> Statussen(JsonObject zaak) =>
        omgeving.Sim.Statussen((string)zaak["url"]!).OrderBy(s => (string?)s["datumStatusGezet"]).Select(s => (string)s["statustoelichting"]!).ToList();

    private static string Token(AngleSharp.Html.Dom.IHtmlDocument doc, string form) =>
        doc.QuerySelector($"{form} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    [Fact]
    public async Task Een_nieuw_dossier_wordt_een_zaak_elke_fase_een_status_en_de_PIP_beschikking_een_document()
    {
        var id = await DossierAsync();
        await omgeving.VerwerkAsync();
        var zaak = Zaak(id);
        Assert.Equal(ZgwOmgeving.Rsin, (string?)zaak["bronorganisatie"]);
        Assert.Equal(ZgwOmgeving.Rsin, (string?)zaak["verantwoordelijkeOrganisatie"]);
        Assert.EndsWith("/zaaktypen/" + ZgwSimulator.DemoZaaktype, (string?)zaak["zaaktype"]);
        Assert.Equal("vertrouwelijk", (string?)zaak["vertrouwelijkheidaanduiding"]);
        Assert.Equal(["Fase in Koers: Gekoppeld"], Statussen(zaak));
        // On whom: the inburgeraar as belanghebbende, with BSN and name (in the body only).
        var rol = Assert.Single(omgeving.Sim.Rollen((string)zaak["url"]!));
        Assert.Equal("natuurlijk_persoon", (string?)rol["betrokkeneType"]);
        Assert.Equal("belanghebbende", (string?)rol["omschrijvingGeneriek"]);
        Assert.Equal(_bsn[id], (string?)rol["betrokkeneIdentificatie"]!["inpBsn"]);
        Assert.DoesNotContain(omgeving.Sim.Verzoeken, v => (v.Pad + v.Query).Contains(_bsn[id], StringComparison.Ordinal));

        omgeving.Basis.Tijd.Nu = omgeving.Basis.Tijd.Nu.AddMinutes(1);
        await PipVaststellenAsync(id);
        await omgeving.VerwerkAsync();
        zaak = Zaak(id);
        var statussen = Statussen(zaak);
        Assert.Equal("Fase in Koers: Gekoppeld", statussen[0]);
        Assert.Contains("Fase in Koers: Gevestigd (BRP)", statussen);
        Assert.Contains("Fase in Koers: Brede intake", statussen);
        Assert.Equal("Fase in Koers: PIP vastgesteld", statussen[^1]);

        // The letter, byte for byte, with its hash, type and confidentiality, linked to the zaak once.
        var beschikking = omgeving.Db(db => db.Beschikkingen.AsNoTracking().Single(b => b.InburgeraarId == Guid.Parse(id)));
        var document = Assert.Single(omgeving.Sim.Documenten((string)zaak["url"]!));
        Assert.Equal(beschikking.Pdf, omgeving.Sim.Inhoud((string)document["url"]!));
        Assert.Equal(beschikking.Sha256, (string?)document["integriteit"]!["waarde"]);
        Assert.Equal("application/pdf", (string?)document["formaat"]);
        Assert.Equal("vertrouwelijk", (string?)document["vertrouwelijkheidaanduiding"]);
        Assert.Equal("Beschikking PIP", (string?)document["titel"]);
        Assert.Equal(ZgwVerwerker.Identificatie(beschikking.Id), (string?)document["identificatie"]);
        Assert.Equal(1, omgeving.Sim.Koppelingen((string)zaak["url"]!));

        // What the klantregisseur sees: the zaak on the case page and every step done.
        var client = omgeving.Als(Sanne);
        var dossier = await (await client.GetAsync($"/inburgeraars/{id}")).Content.ReadAsStringAsync();
        Assert.Contains(ZgwVerwerker.Identificatie(Guid.Parse(id)), dossier);
        var stand = await (await client.GetAsync($"/api/v1/inburgeraars/{id}/zaaksysteem")).LeesAsync();
        Assert.Equal(ZgwVerwerker.Identificatie(Guid.Parse(id)), stand["identificatie"]!.GetValue<string>());
        Assert.All(stand["stappen"]!.AsArray(), s => Assert.Equal("klaar", s!["status"]!.GetValue<string>()));
        Assert.Contains(stand["stappen"]!.AsArray(), s => s!["omschrijving"]!.GetValue<string>() == "PIP-beschikking archiveren");
        Assert.Contains(omgeving.Db(db => db.Audit.Where(a => a.InburgeraarId == Guid.Parse(id)).Select(a => a.Omschrijving).ToList()), o => o.Contains("als document bij de zaak gezet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Afsluiten_geeft_resultaat_eindstatus_en_archiefnominatie_met_archiefactiedatum_uit_het_resultaattype()
    {
        var id = await DossierAsync();
        await omgeving.VerwerkAsync();
        omgeving.Basis.Tijd.Nu = omgeving.Basis.Tijd.Nu.AddMinutes(1);
        var r = await omgeving.Als().PostJsonAsync($"/api/v1/inburgeraars/{id}/afsluiting", new { soort = "verhuisd", datum = "2026-06-01", toelichting = "Verhuisd naar familie.", nieuweGemeente = "Eindhoven (GM0772)" });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        await omgeving.VerwerkAsync();

        var zaak = Zaak(id);
        var resultaat = Assert.Single(omgeving.Sim.Resultaten((string)zaak["url"]!));
        Assert.Equal((string?)resultaat["url"], (string?)zaak["resultaat"]);
        Assert.Equal("Afgesloten in Koers: Verhuisd", (string?)resultaat["toelichting"]);
        Assert.Equal("Afgesloten in Koers: Verhuisd", Statussen(zaak)[^1]);
        var einddatum = DateOnly.Parse((string)zaak["einddatum"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.FromDateTime(omgeving.Basis.Tijd.Nu.UtcDateTime), einddatum);
        // The demo resultaattype 'Verhuisd naar andere gemeente': vernietigen, P5Y from the day the zaak was closed.
        Assert.Equal("vernietigen", (string?)zaak["archiefnominatie"]);
        Assert.Equal(einddatum.AddYears(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string?)zaak["archiefactiedatum"]);
        // Koers set them itself (PATCH), not only the zaaksysteem's derivation.
        Assert.Contains(omgeving.Sim.Verzoeken, v => v.Methode == "PATCH" && v.Pad.EndsWith((string)zaak["uuid"]!, StringComparison.Ordinal) && v.Body!.Contains("\"archiefactiedatum\"", StringComparison.Ordinal));

        var zgw = omgeving.Db(db => db.ZgwZaken.AsNoTracking().Single(z => z.InburgeraarId == Guid.Parse(id)));
        Assert.Equal("vernietigen", zgw.Archiefnominatie);
        Assert.Equal(einddatum.AddYears(5), zgw.Archiefactiedatum);
        var pagina = await (await omgeving.Als(Sanne).GetAsync($"/inburgeraars/{id}/zaaksysteem")).Content.ReadAsStringAsync();
        var doc = new HtmlParser().ParseDocument(pagina);
        Assert.Contains("vernietigen", doc.GetElementById("zgw-zaak")!.TextContent);
        Assert.Contains(einddatum.AddYears(5).ToString("d-M-yyyy", System.Globalization.CultureInfo.InvariantCulture), doc.GetElementById("zgw-zaak")!.TextContent);
    }

    [Fact]
    public async Task Een_verloren_antwoord_maakt_bij_de_nieuwe_poging_niets_dubbel()
    {
        var id = await DossierAsync();
        omgeving.Sim.VerliesAntwoord = "/zaken";
        await omgeving.VerwerkAsync();
        Assert.Single(omgeving.Sim.Zaken(), z => (string?)z["identificatie"] == ZgwVerwerker.Identificatie(Guid.Parse(id)));
        var stap = omgeving.Db(db => db.ZgwOpdrachten.AsNoTracking().Where(o => o.InburgeraarId == Guid.Parse(id)).OrderBy(o => o.Id).First());
        Assert.Equal(ZgwOpdrachtStatus.Wachtend, stap.Status);
        Assert.Equal(1, stap.Pogingen);
        Assert.Contains("503", stap.Melding);
        Assert.NotNull(stap.VolgendePogingOp);

        omgeving.Basis.Tijd.Nu = omgeving.Basis.Tijd.Nu.AddMinutes(2);
        await omgeving.VerwerkAsync();
        var zaak = Zaak(id); // still one
        Assert.Single(Statussen(zaak));
        Assert.Single(omgeving.Sim.Rollen((string)zaak["url"]!));
        Assert.Equal(ZgwOpdrachtStatus.Klaar, omgeving.Db(db => db.ZgwOpdrachten.AsNoTracking().Single(o => o.Id == stap.Id)).Status);

        // The same for a document and its link.
        omgeving.Basis.Tijd.Nu = omgeving.Basis.Tijd.Nu.AddMinutes(1);
        omgeving.Sim.VerliesAntwoord = "/enkelvoudiginformatieobjecten";
        await PipVaststellenAsync(id);
        await omgeving.VerwerkAsync();
        omgeving.Basis.Tijd.Nu = omgeving.Basis.Tijd.Nu.AddMinutes(2);
        await omgeving.VerwerkAsync();
        Assert.Single(omgeving.Sim.Documenten((string)zaak["url"]!));
        Assert.Equal(1, omgeving.Sim.Koppelingen((string)zaak["url"]!));
        Assert.Single(omgeving.Sim.Verzoeken, v => v.Methode == "POST" && v.Pad.EndsWith("/zaakinformatieobjecten", StringComparison.Ordinal) && v.Status == 201
            && v.Body!.Contains(((string)zaak["url"]!).Split('/')[^1], StringComparison.Ordinal));
        Assert.All(omgeving.Db(db => db.ZgwOpdrachten.AsNoTracking().Where(o => o.InburgeraarId == Guid.Parse(id)).ToList()), o => Assert.Equal(ZgwOpdrachtStatus.Klaar, o.Status));
    }

    [Fact]
    public async Task Een_weigering_staat_op_het_dossier_en_bij_beheer_en_kan_opnieuw()
    {
        var id = await DossierAsync();
        await omgeving.VerwerkAsync();
        omgeving.Basis.Tijd.Nu = omgeving.Basis.Tijd.Nu.AddMinutes(1);
        omgeving.Sim.Weiger = "/statussen";
        Assert.Equal(HttpStatusCode.OK, (await omgeving.Als().PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = "2026-04-14" })).StatusCode);
        await omgeving.VerwerkAsync();
        var stap = omgeving.Db(db => db.ZgwOpdrachten.AsNoTracking().Where(o => o.InburgeraarId == Guid.Parse(id)).OrderByDescending(o => o.Id).First());
        Assert.Equal(ZgwOpdrachtStatus.Mislukt, stap.Status);
        Assert.Contains("Geweigerd door een regel van het zaaksysteem", stap.Melding);
        Assert.Contains("status 400", stap.Melding);

        var client = omgeving.Als(Sanne, volgRedirects: false);
        var dossier = await (await client.GetAsync($"/inburgeraars/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("1 stap naar het zaaksysteem is mislukt", dossier);
        var pagina = new HtmlParser().ParseDocument(await (await client.GetAsync($"/inburgeraars/{id}/zaaksysteem")).Content.ReadAsStringAsync());
        var rij = pagina.GetElementById("zgw-stappen")!.QuerySelectorAll("tr").First(t => t.TextContent.Contains("Mislukt", StringComparison.Ordinal));
        Assert.Contains("status 'Gevestigd (BRP)' zetten", rij.TextContent);
        Assert.Contains("Geweigerd door een regel", rij.TextContent);

        var beheer = new HtmlParser().ParseDocument(await (await omgeving.Als(KoersFactory.TestGebruiker).GetAsync("/beheer/zgw")).Content.ReadAsStringAsync());
        Assert.Contains("Geweigerd door een regel", beheer.GetElementById($"stap-{stap.Id}")!.TextContent);

        // Another region cannot see or retry it.
        Assert.Equal(HttpStatusCode.NotFound, (await omgeving.Als(Fleur).GetAsync($"/api/v1/inburgeraars/{id}/zaaksysteem")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await omgeving.Als(Fleur).PostAsync($"/api/v1/zaaksysteem/stappen/{stap.Id}/opnieuw", null)).StatusCode);
        Assert.Equal(ZgwOpdrachtStatus.Mislukt, omgeving.Db(db => db.ZgwOpdrachten.AsNoTracking().Single(o => o.Id == stap.Id)).Status);

        var opnieuw = await client.PostAsync($"/inburgeraars/{id}/zaaksysteem?handler=Opnieuw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(pagina, "form"),
            ["stap"] = stap.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.Redirect, opnieuw.StatusCode);
        await omgeving.VerwerkAsync();
        Assert.Equal(ZgwOpdrachtStatus.Klaar, omgeving.Db(db => db.ZgwOpdrachten.AsNoTracking().Single(o => o.Id == stap.Id)).Status);
        Assert.Contains("Fase in Koers: Gevestigd (BRP)", Statussen(Zaak(id)));
        Assert.Contains(omgeving.Db(db => db.Audit.Where(a => a.InburgeraarId == Guid.Parse(id)).ToList()),
            a => a.Gebruiker == Sanne && a.Omschrijving.Contains("opnieuw aangeboden", StringComparison.Ordinal));
    }

    /// <summary>
    /// The case's zaaksysteem page names the person, is a 404 out of reach, and its retry button only reaches the
    /// steps of its own case: another case's failed step posted through it is a 404 and stays failed.
    /// </summary>
    [Fact]
    public async Task De_zaakpagina_noemt_de_persoon_en_biedt_geen_stap_van_een_ander_dossier_opnieuw_aan()
    {
        var id = await DossierAsync();
        var ander = await DossierAsync();
        await omgeving.VerwerkAsync();
        omgeving.Basis.Tijd.Nu = omgeving.Basis.Tijd.Nu.AddMinutes(1);
        omgeving.Sim.Weiger = "/statussen";
        Assert.Equal(HttpStatusCode.OK, (await omgeving.Als().PutJsonAsync($"/api/v1/inburgeraars/{ander}/mijlpalen/brpInschrijving", new { datum = "2026-04-14" })).StatusCode);
        await omgeving.VerwerkAsync();
        var stap = omgeving.Db(db => db.ZgwOpdrachten.AsNoTracking().Where(o => o.InburgeraarId == Guid.Parse(ander)).OrderByDescending(o => o.Id).First());
        Assert.Equal(ZgwOpdrachtStatus.Mislukt, stap.Status);

        var client = omgeving.Als(Sanne, volgRedirects: false);
        var pagina = new HtmlParser().ParseDocument(await (await client.GetAsync($"/inburgeraars/{id}/zaaksysteem")).Content.ReadAsStringAsync());
        var naam = omgeving.Db(db => db.Inburgeraars.Where(i => i.Id == Guid.Parse(id)).Select(i => i.Voornamen + " " + i.Achternaam).Single());
        Assert.Equal($"← {naam}", pagina.QuerySelector("nav.utrecht-breadcrumb-nav a")!.TextContent.Trim());
        Assert.Contains(ZgwVerwerker.Identificatie(Guid.Parse(id)), pagina.GetElementById("zgw-zaak")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await omgeving.Als(Fleur, volgRedirects: false).GetAsync($"/inburgeraars/{id}/zaaksysteem")).StatusCode);

        var viaDitDossier = await client.PostAsync($"/inburgeraars/{id}/zaaksysteem?handler=Opnieuw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(pagina, "form"),
            ["stap"] = stap.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.NotFound, viaDitDossier.StatusCode);
        Assert.Equal(ZgwOpdrachtStatus.Mislukt, omgeving.Db(db => db.ZgwOpdrachten.AsNoTracking().Single(o => o.Id == stap.Id)).Status);
    }

    [Fact]
    public async Task Een_gemeente_die_niet_archiveert_krijgt_geen_zaak()
    {
        await omgeving.VerwerkAsync(); // the worker learns the municipalities
        var id = await DossierAsync("GM1728");
        Assert.Empty(omgeving.Db(db => db.ZgwOpdrachten.Where(o => o.InburgeraarId == Guid.Parse(id)).ToList()));
        await omgeving.VerwerkAsync();
        Assert.DoesNotContain(omgeving.Sim.Zaken(), z => (string?)z["identificatie"] == ZgwVerwerker.Identificatie(Guid.Parse(id)));
        var dossier = await (await omgeving.Als(Sanne).GetAsync($"/inburgeraars/{id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"zaaksysteem\"", dossier);
    }

    [Fact]
    public async Task Beheer_ziet_per_gemeente_of_de_catalogus_elk_type_heeft()
    {
        var html = await (await omgeving.Als(KoersFactory.TestGebruiker).GetAsync("/beheer/zgw")).Content.ReadAsStringAsync();
        var doc = new HtmlParser().ParseDocument(html);
        var controle = doc.GetElementById("controle-GM1724")!.TextContent;
        var bergeijk = omgeving.Db(db => db.Gemeenten.Single(g => g.Code == "GM1724").Naam);
        Assert.Equal($"{bergeijk} (GM1724)", doc.GetElementById("gemeente-GM1724")!.TextContent.Trim());
        Assert.Contains("Inburgering", controle);
        Assert.Contains("statustype 'Brede intake'", controle);
        Assert.Contains("archiefnominatie vernietigen, archiefactietermijn P10Y", controle);
        Assert.DoesNotContain("NEE", controle);
        Assert.Null(doc.GetElementById("controle-GM1728"));
        var klantregisseur = await omgeving.Als(Sanne, volgRedirects: false).GetAsync("/beheer/zgw");
        Assert.Equal(HttpStatusCode.Forbidden, klantregisseur.StatusCode);
        Assert.DoesNotContain("controle-GM1724", await klantregisseur.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Elk_verzoek_en_antwoord_volgt_de_gepubliceerde_specs()
    {
        await omgeving.VerwerkAsync();
        var eerder = omgeving.Sim.Verzoeken.Count; // the fixture is shared: only this test's own requests
        // The catalogus is cached; the beheer page reads it afresh, so its answers are checked here too.
        Assert.Equal(HttpStatusCode.OK, (await omgeving.Als(KoersFactory.TestGebruiker).GetAsync("/beheer/zgw")).StatusCode);
        var id = await DossierAsync();
        await PipVaststellenAsync(id);
        await omgeving.VerwerkAsync();
        omgeving.Basis.Tijd.Nu = omgeving.Basis.Tijd.Nu.AddMinutes(1);
        Assert.Equal(HttpStatusCode.Created, (await omgeving.Als().PostJsonAsync($"/api/v1/inburgeraars/{id}/afsluiting",
            new { soort = "verhuisd", datum = "2026-06-01", toelichting = "Verhuisd.", nieuweGemeente = "Eindhoven (GM0772)" })).StatusCode);
        await omgeving.VerwerkAsync();

        var verzoeken = omgeving.Sim.Verzoeken.Skip(eerder).ToList();
        Assert.NotEmpty(verzoeken);
        var gebruikt = new HashSet<string>();
        foreach (var v in verzoeken)
        {
            var api = v.Pad.Split('/')[1];
            var doc = ZgwSpec.Doc(api);
            var pad = v.Pad[$"/{api}/api/v1".Length..];
            var sjabloon = ZgwSpec.Sjabloon(doc, pad);
            Assert.True(sjabloon is not null, $"{v.Methode} {v.Pad} staat niet in de {api}-spec");
            var op = ZgwSpec.Operatie(doc, sjabloon!, v.Methode);
            gebruikt.Add($"{api} {v.Methode} {sjabloon}");

            // Every query parameter Koers sends is one the operation declares.
            foreach (var naam in System.Web.HttpUtility.ParseQueryString(v.Query).AllKeys)
            {
                Assert.True(op.GetProperty("parameters").EnumerateArray().Any(p => p.TryGetProperty("name", out var n) && n.GetString() == naam), $"{v.Methode} {sjabloon}: parameter {naam}");
            }

            // Headers the operation requires (Accept-Crs, Content-Crs on /zaken) are there.
            foreach (var p in op.GetProperty("parameters").EnumerateArray().Where(p => p.TryGetProperty("in", out var i) && i.GetString() == "header" && p.TryGetProperty("required", out var r) && r.GetBoolean()))
            {
                var naam = p.GetProperty("name").GetString();
                if (naam == "Accept-Crs") Assert.Equal(ZgwClient.Crs, v.AcceptCrs);
                if (naam == "Content-Crs") Assert.Equal(ZgwClient.Crs, v.ContentCrs);
            }

            // The JWT: HS256 over the shared secret, with the claims the standard asks.
            var claims = await ZgwClient.ControleerAsync(v.Authorization!["Bearer ".Length..], ZgwOmgeving.Geheim, omgeving.Basis.Tijd);
            Assert.NotNull(claims);
            Assert.Equal("koers-test", claims!.FindFirst("client_id")!.Value);
            Assert.Equal("koers-test", claims.FindFirst("iss")!.Value);
            Assert.NotNull(claims.FindFirst("user_id"));
            Assert.NotNull(claims.FindFirst("iat"));

            if (v.Body is not null && ZgwSpec.Vraagschema(op) is { } vraag)
            {
                var fouten = ZgwSpec.Valideer(JsonDocument.Parse(v.Body).RootElement, vraag, doc, vraag: true);
                Assert.True(fouten.Count == 0, $"{v.Methode} {sjabloon}: {string.Join("; ", fouten)}");
            }

            if (v.Antwoord is not null && v.Status is 200 or 201 && ZgwSpec.Antwoordschema(op, v.Status) is { } antwoord)
            {
                var fouten = ZgwSpec.Valideer(JsonDocument.Parse(v.Antwoord).RootElement, antwoord, doc, vraag: false);
                Assert.True(fouten.Count == 0, $"antwoord op {v.Methode} {sjabloon}: {string.Join("; ", fouten)}");
            }
        }

        // The run used every operation Koers knows.
        Assert.Superset(new HashSet<string>
        {
            "zaken POST /zaken", "zaken GET /zaken", "zaken POST /statussen", "zaken GET /statussen", "zaken POST /resultaten", "zaken PATCH /zaken/{uuid}",
            "zaken POST /zaakinformatieobjecten", "zaken GET /zaakinformatieobjecten", "zaken POST /rollen", "zaken GET /rollen", "catalogi GET /roltypen", "documenten POST /enkelvoudiginformatieobjecten",
            "documenten GET /enkelvoudiginformatieobjecten", "catalogi GET /zaaktypen/{uuid}", "catalogi GET /statustypen", "catalogi GET /resultaattypen",
            "catalogi GET /informatieobjecttypen",
        }, gebruikt);
    }

    [Fact]
    public async Task Zonder_geldig_token_of_Crs_weigert_het_zaaksysteem()
    {
        var http = omgeving.Als(null);
        var zaken = ZgwSimulator.ApiPad(ZgwApi.Zaken) + "/zaken";
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(zaken)).StatusCode);
        using var scope = omgeving.App.Services.CreateScope();
        var token = scope.ServiceProvider.GetRequiredService<ZgwClient>().Token();
        using var zonderCrs = new HttpRequestMessage(HttpMethod.Get, zaken);
        zonderCrs.Headers.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await http.SendAsync(zonderCrs)).StatusCode);
        using var vervalst = new HttpRequestMessage(HttpMethod.Get, ZgwSimulator.ApiPad(ZgwApi.Catalogi) + "/statustypen");
        vervalst.Headers.Authorization = new("Bearer", token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA"));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(vervalst)).StatusCode);
    }
}

public sealed class SqliteZgwTests(ZgwSqliteOmgeving omgeving) : ZgwTests(omgeving), IClassFixture<ZgwSqliteOmgeving>;

public sealed class PostgresZgwTests(ZgwPostgresOmgeving omgeving) : ZgwTests(omgeving), IClassFixture<ZgwPostgresOmgeving>;

/// <summary>The copies of VNG's specs are the published ones, byte for byte, and the versions Koers claims.</summary>
public sealed class ZgwContractTests
{
    [Fact]
    public void De_kopieen_zijn_byte_gelijk_aan_de_gepubliceerde_commits()
    {
        var regels = File.ReadAllLines(Path.Combine(ZgwSpec.Map, "herkomst.tsv")).Where(r => !r.StartsWith('#') && r.Length > 0).Select(r => r.Split('\t')).ToList();
        Assert.Equal(["catalogi.openapi.yaml", "documenten.openapi.yaml", "zaken.openapi.yaml"], regels.Select(r => r[3]).Order());
        foreach (var r in regels) Assert.Equal(r[4], Git.BlobId(File.ReadAllBytes(Path.Combine(ZgwSpec.Map, r[3]))));
        Assert.Equal("1.5.1", ZgwSpec.Doc("zaken").GetProperty("info").GetProperty("version").GetString());
        Assert.Equal("1.5.0", ZgwSpec.Doc("documenten").GetProperty("info").GetProperty("version").GetString());
        Assert.Equal("1.3.1", ZgwSpec.Doc("catalogi").GetProperty("info").GetProperty("version").GetString());
    }

    [Theory]
    [InlineData(null, "2026-06-16", null)]
    [InlineData("P5Y", "2026-06-16", "2031-06-16")]
    [InlineData("P1Y6M", "2026-06-16", "2027-12-16")]
    [InlineData("P2W3D", "2026-06-16", "2026-07-03")]
    [InlineData("PT5H", "2026-06-16", null)]
    [InlineData("P", "2026-06-16", null)]
    public void Archiefactietermijn_is_een_ISO_8601_periode(string? termijn, string van, string? tot)
    {
        var f = ZgwVerwerker.Termijn(termijn);
        Assert.Equal(tot, f?.Invoke(DateOnly.Parse(van, System.Globalization.CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}

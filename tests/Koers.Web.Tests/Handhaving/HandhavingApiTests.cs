using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Koers.Web.Tests.Infrastructure;
using Koers.Web.Tests.Pdf;

namespace Koers.Web.Tests.Handhaving;

/// <summary>
/// The escalation ladder: configuration per municipality, the proposal order, nothing happening without a person's
/// decision, letters as PDF with their hash, the worklist of passed response deadlines, and access. The clock stands
/// on 16 June 2026. Ladder changes use GM1667, cases GM1724 (default ladder), so tests do not see each other's changes.
/// </summary>
public abstract class HandhavingApiTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> DossierAsync(string gemeente = "GM1724", string naam = "Proefpersoon")
    {
        var invoer = Testdata.Inburgeraar(gemeente: gemeente, koppelingsdatum: "2026-01-05");
        invoer["achternaam"] = naam;
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.LeesAsync())["id"]!.GetValue<string>();
    }

    private async Task<(string Id, JsonNode Stand)> TekortkomingAsync(string id, string verplichting = "bredeIntakeEnPip", string datum = "2026-05-01")
    {
        var response = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/handhaving/tekortkomingen",
            new { verplichting, datum, omschrijving = "Drie afspraken voor de brede intake niet gekomen, zonder bericht." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stand = await response.LeesAsync();
        return (stand["tekortkomingen"]![0]!["id"]!.GetValue<string>(), stand);
    }

    private Task<HttpResponseMessage> BesluitAsync(string id, string tid, string actie, int? volgorde, string datum, bool bevestigd = false, string reden = "Afgewogen in teamoverleg.",
        string? verzenddatum = null, string? omstandigheden = null, string? verwijtbaarheid = null) =>
        _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/handhaving/tekortkomingen/{tid}/besluiten", new { actie, volgorde, datum, reden, bevestigd, verzenddatum, omstandigheden, verwijtbaarheid });

    private async Task<JsonNode> TekortkomingStandAsync(string id, string tid) =>
        (await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/handhaving")).LeesAsync())["tekortkomingen"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == tid)!;

    private static async Task<string[]> FoutveldenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.LeesAsync())["errors"]!.AsObject().Select(e => e.Key).ToArray();
    }

    [Fact]
    public async Task Standaardladder_zonder_inrichting_en_eigen_ladder_per_gemeente()
    {
        var standaard = await (await _client.GetAsync("/api/v1/handhaving/ladder/GM1728")).LeesAsync();
        Assert.True(standaard["standaard"]!.GetValue<bool>());
        Assert.Equal(["contact", "brief", "aangetekendeWaarschuwing", "boeteWi2021"], standaard["stappen"]!.AsArray().Select(s => s!["soort"]!.GetValue<string>()));

        var ladder = new
        {
            stappen = new object[]
            {
                new { soort = "brief", naam = "Eerste brief", brieftekst = "Beste {naam}, u kwam niet: {verplichting}. Reageer vóór {reactiedatum}.", reactietermijnDagen = 10 },
                new { soort = "maatregelParticipatiewet", naam = "Maatregel bijstand", brieftekst = "Wij verlagen uw bijstand.", reactietermijnDagen = 0 },
                new { soort = "boeteWi2021", naam = "Boete", brieftekst = "Boete van {bedrag}.", reactietermijnDagen = 42, bedrag = 340m },
            },
        };
        var opgeslagen = await _client.PutJsonAsync("/api/v1/handhaving/ladder/GM1667", ladder);
        Assert.Equal(HttpStatusCode.OK, opgeslagen.StatusCode);
        var eigen = await (await _client.GetAsync("/api/v1/handhaving/ladder/GM1667")).LeesAsync();
        Assert.False(eigen["standaard"]!.GetValue<bool>());
        Assert.Equal(["brief", "maatregelParticipatiewet", "boeteWi2021"], eigen["stappen"]!.AsArray().Select(s => s!["soort"]!.GetValue<string>()));
        Assert.Equal(340m, eigen["stappen"]![2]!["bedrag"]!.GetValue<decimal>());
        // Another municipality keeps the default.
        Assert.True((await (await _client.GetAsync("/api/v1/handhaving/ladder/GM1728")).LeesAsync())["standaard"]!.GetValue<bool>());

        // A case in GM1667 gets that municipality's first step proposed.
        var id = await DossierAsync("GM1667");
        var (_, stand) = await TekortkomingAsync(id);
        Assert.Equal("Eerste brief", stand["tekortkomingen"]![0]!["voorstel"]!["naam"]!.GetValue<string>());
    }

    [Fact]
    public async Task Openapi_beschrijft_de_handhaving_en_afsluiting()
    {
        var paden = (await (await _client.GetAsync("/openapi/v1.json")).LeesAsync())["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/handhaving/ladder/{gemeente}", paden);
        Assert.Contains("/inburgeraars/{id}/handhaving/tekortkomingen/{tekortkomingId}/besluiten", paden);
        Assert.Contains("/inburgeraars/{id}/handhaving/brieven/{besluitId}", paden);
        Assert.Contains("/inburgeraars/{id}/afsluiting", paden);
        Assert.Contains("/inburgeraars/{id}/overdrachtsdossier", paden);
    }

    [Fact]
    public async Task Ongeldige_ladder_wordt_geweigerd_met_reden_per_veld()
    {
        var zonderBedragEnTeVroeg = new
        {
            stappen = new object[]
            {
                new { soort = "contact", naam = "Gesprek", reactietermijnDagen = 7 },
                new { soort = "boeteWi2021", naam = "Boete", brieftekst = "Boete {onbekend}", reactietermijnDagen = 42, bedrag = 0m },
            },
        };
        var velden = await FoutveldenAsync(await _client.PutJsonAsync("/api/v1/handhaving/ladder/GM1728", zonderBedragEnTeVroeg));
        Assert.Contains("stappen[1].bedrag", velden);
        Assert.Contains("stappen[1].brieftekst", velden);
        Assert.Contains("stappen", velden); // a boete without an earlier letter or warning
        Assert.Contains("stappen", await FoutveldenAsync(await _client.PutJsonAsync("/api/v1/handhaving/ladder/GM1728", new { stappen = Array.Empty<object>() })));
        Assert.True((await (await _client.GetAsync("/api/v1/handhaving/ladder/GM1728")).LeesAsync())["standaard"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/handhaving/ladder/GM0988")).StatusCode); // Weert: outside the reach
    }

    [Fact]
    public async Task Voorstel_volgt_de_ladder_en_er_gebeurt_niets_zonder_besluit()
    {
        var id = await DossierAsync(naam: "Ladder");
        var (tid, stand) = await TekortkomingAsync(id);
        var t = stand["tekortkomingen"]![0]!;
        Assert.Empty(t["stappen"]!.AsArray());
        Assert.Equal(1, t["voorstel"]!["volgorde"]!.GetValue<int>());
        Assert.Equal("contact", t["voorstel"]!["soort"]!.GetValue<string>());

        // Reading again (time passing, pages opened) takes no step.
        t = await TekortkomingStandAsync(id, tid);
        Assert.Empty(t["stappen"]!.AsArray());
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Koers.Data.Model.Keten.Handhavingsbesluit>().Count(b => b.TekortkomingId == Guid.Parse(tid))));

        // Step 1 taken: a talk has no letter; the response period is 14 days.
        Assert.Equal(HttpStatusCode.Created, (await BesluitAsync(id, tid, "nemen", 1, "2026-06-01")).StatusCode);
        t = await TekortkomingStandAsync(id, tid);
        var stap1 = t["stappen"]![0]!;
        Assert.Equal("2026-06-15", stap1["reactieUiterlijk"]!.GetValue<string>());
        Assert.Null(stap1["brief"]);
        Assert.Equal(2, t["voorstel"]!["volgorde"]!.GetValue<int>());
        Assert.Contains("verstreken", t["voorstel"]!["reden"]!.GetValue<string>());

        // A stale page that still shows step 1 cannot decide again; step 2 skipped with a reason.
        Assert.Contains("volgorde", await FoutveldenAsync(await BesluitAsync(id, tid, "nemen", 1, "2026-06-02")));
        Assert.Contains("reden", await FoutveldenAsync(await BesluitAsync(id, tid, "overslaan", 2, "2026-06-02", reden: " ")));
        Assert.Equal(HttpStatusCode.Created, (await BesluitAsync(id, tid, "overslaan", 2, "2026-06-02", reden: "Gesprek was al helder; meteen waarschuwen.")).StatusCode);
        t = await TekortkomingStandAsync(id, tid);
        Assert.True(t["stappen"]![1]!["overgeslagen"]!.GetValue<bool>());
        Assert.Null(t["stappen"]![1]!["brief"]);
        Assert.Equal("aangetekendeWaarschuwing", t["voorstel"]!["soort"]!.GetValue<string>());

        // Step 3: the warning letter, generated, stored, hashed.
        var genomen = await BesluitAsync(id, tid, "nemen", 3, "2026-06-03");
        Assert.Equal(HttpStatusCode.Created, genomen.StatusCode);
        var stap3 = await genomen.LeesAsync();
        Assert.Equal("2026-06-17", stap3["reactieUiterlijk"]!.GetValue<string>());
        var pdf = await _client.GetByteArrayAsync(stap3["brief"]!.GetValue<string>());
        Assert.Equal(stap3["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(pdf)));
        var brief = GelezenPdf.Lees(pdf);
        Assert.Contains("Gemeente Bergeijk", brief.Tekst);
        Assert.Contains("Beste Testa Ladder", brief.Tekst);
        Assert.Contains("Testa Ladder Teststraat 1 5571 AA Bergeijk", brief.Tekst); // addressee with full address
        Assert.Contains("Dit is een waarschuwing", brief.Tekst);
        Assert.Contains("Meewerken aan de brede intake en het PIP", brief.Tekst);
        Assert.Contains("17 juni 2026", brief.Tekst);
        // One phrasing for the deadline: the template's sentence and 'Wat moet u doen?' both say 'uiterlijk', never 'vóór'.
        var doorlopend = System.Text.RegularExpressions.Regex.Replace(brief.Tekst, @"\s+", " ");
        Assert.DoesNotContain("vóór", doorlopend);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(doorlopend, "uiterlijk 17 juni 2026"));
        Assert.Contains(stap3["kenmerk"]!.GetValue<string>(), brief.Tekst);
        Assert.DoesNotContain("{", brief.Tekst);
        Assert.Contains("reactietermijn loopt nog", (await TekortkomingStandAsync(id, tid))["voorstel"]!["reden"]!.GetValue<string>());

        // Step 4, the boete: refused without the explicit confirmation, nothing stored; then taken.
        Assert.Contains("bevestigd", await FoutveldenAsync(await BesluitAsync(id, tid, "nemen", 4, "2026-06-16")));
        Assert.Equal(3, (await TekortkomingStandAsync(id, tid))["stappen"]!.AsArray().Count);
        // Confirmed but without the circumstances weighed (Keren, ECLI:EU:C:2025:52): refused with a clear message, nothing stored.
        var zonderOmstandigheden = await BesluitAsync(id, tid, "nemen", 4, "2026-06-16", bevestigd: true);
        Assert.Contains("omstandigheden", await FoutveldenAsync(zonderOmstandigheden));
        var teKort = await BesluitAsync(id, tid, "nemen", 4, "2026-06-16", bevestigd: true, omstandigheden: "geen");
        Assert.Contains("minstens 30 tekens", (await teKort.LeesAsync())["errors"]!["omstandigheden"]![0]!.GetValue<string>());
        Assert.Equal(3, (await TekortkomingStandAsync(id, tid))["stappen"]!.AsArray().Count);
        const string omstandigheden = "Alleenstaande ouder van twee kinderen; opvang geregeld sinds april. Geen gezondheidsklachten gemeld; de afspraak is met tolk uitgelegd.";
        var boete = await (await BesluitAsync(id, tid, "nemen", 4, "2026-06-16", bevestigd: true, verzenddatum: "2026-06-16", omstandigheden: omstandigheden,
            reden: "Na de waarschuwing van 3 juni nog steeds niet gekomen, zonder bericht.")).LeesAsync();
        Assert.Equal(omstandigheden, boete["omstandigheden"]!.GetValue<string>());
        Assert.Equal(250m, boete["bedrag"]!.GetValue<decimal>());
        Assert.Equal(KoersFactory.TestGebruiker, boete["bevestigdDoor"]!.GetValue<string>());
        var boeteBrief = GelezenPdf.Lees(await _client.GetByteArrayAsync(boete["brief"]!.GetValue<string>()));
        Assert.Contains("€ 250,00", boeteBrief.Tekst.Replace('\u00A0', ' '));
        // The motivation: facts of this case, the circumstances weighed, why still needed, the amount and its basis.
        Assert.Contains("Waarom wij dit besluiten", boeteBrief.Tekst);
        Assert.Contains("Drie afspraken voor de brede intake niet gekomen, zonder bericht.", boeteBrief.Tekst);
        Assert.Contains("Op 3 juni 2026: aangetekende waarschuwing.", boeteBrief.Tekst);
        Assert.Contains(omstandigheden, boeteBrief.Tekst);
        Assert.Contains("Waarom dit besluit toch nodig is: Na de waarschuwing van 3 juni nog steeds niet gekomen", boeteBrief.Tekst);
        Assert.Contains("Bestuurlijke boete (Wet inburgering 2021)", boeteBrief.Tekst); // the ladder step the amount comes from
        // Not appearing for the brede intake: the boete of Wi2021 art. 22 (art. 35 is about exchanging data).
        Assert.Contains("artikel 22, eerste lid, van de Wet inburgering 2021", boeteBrief.Tekst);
        Assert.Contains("ECLI:EU:C:2025:52", boeteBrief.Tekst);
        Assert.Contains("ECLI:NL:RVS:2025:3087", boeteBrief.Tekst);
        Assert.Contains("Testa Ladder Teststraat 1 5571 AA Bergeijk", boeteBrief.Tekst);
        Assert.Contains("bezwaar", boeteBrief.Tekst);
        Assert.Contains("verzonden op 16 juni 2026", boeteBrief.Tekst);
        Assert.Contains("uiterlijk op 28 juli 2026", boeteBrief.Tekst); // six weeks after sending on 16 June
        Assert.Equal("2026-07-28", boete["bezwaarUiterlijk"]!.GetValue<string>());

        // The ladder is finished: no proposal, no further step; closing needs a reason and happens once.
        t = await TekortkomingStandAsync(id, tid);
        Assert.Null(t["voorstel"]);
        Assert.Contains("actie", await FoutveldenAsync(await BesluitAsync(id, tid, "nemen", 5, "2026-06-16")));
        Assert.Contains("reden", await FoutveldenAsync(await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/handhaving/tekortkomingen/{tid}/afsluiten", new { reden = "" })));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/handhaving/tekortkomingen/{tid}/afsluiten", new { reden = "Boete betaald, weer aanwezig." })).StatusCode);
        Assert.Contains("reden", await FoutveldenAsync(await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/handhaving/tekortkomingen/{tid}/afsluiten", new { reden = "Nogmaals." })));

        var audit = factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == Guid.Parse(id)).Select(a => a.Omschrijving).ToList());
        Assert.Contains(audit, a => a.Contains("stap 'Gesprek over de afspraken' genomen"));
        Assert.Contains(audit, a => a.Contains("overgeslagen"));
        Assert.Contains(audit, a => a.Contains($"Handhavingsbrief {stap3["kenmerk"]!.GetValue<string>()} geopend"));
    }

    /// <summary>
    /// Wi2021 art. 26 lid 1: no boete above € 800 in a ladder (onder c), and none above € 250 for the brede intake
    /// (onder a, a boete under art. 22): a ladder of € 340, lawful for the PIP, cannot be imposed for the intake.
    /// </summary>
    [Fact]
    public async Task Een_boete_boven_het_wettelijk_maximum_wordt_niet_ingesteld_en_niet_opgelegd()
    {
        var teHoog = new
        {
            stappen = new object[]
            {
                new { soort = "brief", naam = "Brief", brieftekst = "Beste {naam}, reageer uiterlijk {reactiedatum}.", reactietermijnDagen = 0 },
                new { soort = "boeteWi2021", naam = "Boete", brieftekst = "Boete van {bedrag}.", reactietermijnDagen = 42, bedrag = 801m },
            },
        };
        var geweigerd = (await (await _client.PutJsonAsync("/api/v1/handhaving/ladder/GM0770", teHoog)).LeesAsync())["errors"]!["stappen[1].bedrag"]![0]!.GetValue<string>();
        Assert.Contains("hoogstens € 800", geweigerd);
        Assert.Contains("Wet inburgering 2021", geweigerd);
        Assert.Contains("art. 26 lid 1", geweigerd);

        var ladder = new
        {
            stappen = new object[]
            {
                new { soort = "brief", naam = "Brief", brieftekst = "Beste {naam}, reageer uiterlijk {reactiedatum}.", reactietermijnDagen = 0 },
                new { soort = "boeteWi2021", naam = "Boete", brieftekst = "Boete van {bedrag}.", reactietermijnDagen = 42, bedrag = 340m },
            },
        };
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync("/api/v1/handhaving/ladder/GM0770", ladder)).StatusCode);
        var id = await DossierAsync("GM0770", "Maximum");
        var (tid, _) = await TekortkomingAsync(id);
        Assert.Equal(HttpStatusCode.Created, (await BesluitAsync(id, tid, "nemen", 1, "2026-06-01", verzenddatum: "2026-06-01")).StatusCode);

        var boete = await BesluitAsync(id, tid, "nemen", 2, "2026-06-16", bevestigd: true,
            omstandigheden: "Geen bijzondere omstandigheden gemeld; de afspraak is met tolk uitgelegd en schriftelijk bevestigd.");
        var melding = (await boete.LeesAsync())["errors"]!["actie"]![0]!.GetValue<string>();
        Assert.Contains("€ 340", melding);
        Assert.Contains("hoogstens € 250", melding);
        Assert.Contains("art. 26 lid 1", melding);
        Assert.Single((await TekortkomingStandAsync(id, tid))["stappen"]!.AsArray());
    }

    private const string Omstandigheden = "Geen bijzondere omstandigheden gemeld; de afspraak is met tolk uitgelegd en schriftelijk bevestigd.";

    /// <summary>A case with a vastgesteld PIP in the B1-route (so 'taal' is an obligation) and, optionally, an earlier boete.</summary>
    private async Task<string> DossierMetPipAsync(string gemeente, string naam, bool eerdereBoete)
    {
        var id = await DossierAsync(gemeente, naam);
        factory.MetDatabase(db =>
        {
            var inburgeraar = Guid.Parse(id);
            db.PipVersies.Add(new Koers.Data.Model.PipVersie
            {
                Id = Guid.NewGuid(), InburgeraarId = inburgeraar, Versie = 1, Status = Koers.Data.Model.PipStatus.Vastgesteld, InhoudJson = "{\"leerroute\":\"B1Route\"}",
                Dagtekening = new DateOnly(2025, 9, 1), VastgesteldDoor = "test", AangemaaktOp = DateTime.UtcNow, GewijzigdOp = DateTime.UtcNow,
            });
            if (eerdereBoete)
            {
                // A boete of € 50 for an overtreding constated on 10 January 2026, sent on 20 January: onherroepelijk since March.
                var t = new Koers.Data.Model.Keten.Tekortkoming
                {
                    Id = Guid.NewGuid(), InburgeraarId = inburgeraar, Verplichting = Koers.Domain.Handhaving.PipVerplichting.Taal, Datum = new DateOnly(2026, 1, 10),
                    Omschrijving = "Twee weken niet bij de taalles.", VastgelegdDoor = "test", VastgelegdOp = DateTime.UtcNow, AfgeslotenOp = new DateOnly(2026, 3, 15),
                };
                db.Add(t);
                db.Add(new Koers.Data.Model.Keten.Handhavingsbesluit
                {
                    Id = Guid.NewGuid(), TekortkomingId = t.Id, InburgeraarId = inburgeraar, Volgorde = 4, Soort = Koers.Domain.Handhaving.Handhavingssoort.BoeteWi2021,
                    Stapnaam = "Bestuurlijke boete", Datum = new DateOnly(2026, 1, 20), Reden = "Eerder", Bedrag = 50m, Door = "test", Op = DateTime.UtcNow,
                    Verzenddatum = new DateOnly(2026, 1, 20),
                });
            }

            return db.SaveChanges();
        });
        return id;
    }

    /// <summary>
    /// Besluit inburgering 2021 art. 7.1: the amount follows from the earlier boetes and the culpability, not from the
    /// ladder. A second boete within twelve months doubles € 50 to € 100; grove schuld makes it 75 %: € 75.
    /// </summary>
    [Fact]
    public async Task Een_boete_krijgt_het_bedrag_van_het_besluit_inburgering()
    {
        var id = await DossierMetPipAsync("GM1724", "Tweedeboete", eerdereBoete: true);
        var (tid, _) = await TekortkomingAsync(id, "taal", "2026-05-01");
        Assert.Equal(HttpStatusCode.Created, (await BesluitAsync(id, tid, "nemen", 1, "2026-05-04")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await BesluitAsync(id, tid, "nemen", 2, "2026-05-20", verzenddatum: "2026-05-20")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await BesluitAsync(id, tid, "nemen", 3, "2026-06-05", verzenddatum: "2026-06-05")).StatusCode);

        // Before deciding, the form shows what the boete would be for each degree of culpability (€ 100 after the earlier boete).
        var pagina = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/handhaving"));
        var keuzes = pagina.QuerySelectorAll("input[name='Besluit.Verwijtbaarheid'] + label").Select(l => l.TextContent.Replace('\u00A0', ' ').Trim()).ToList();
        Assert.Equal(["Opzet (100 %): € 100,00", "Grove schuld (75 %): € 75,00", "Geen opzet of grove schuld (50 %): € 50,00", "Verminderde verwijtbaarheid (25 %): € 25,00"], keuzes);

        // Without the culpability there is no amount: refused, nothing stored.
        var zonder = await BesluitAsync(id, tid, "nemen", 4, "2026-06-16", bevestigd: true, omstandigheden: Omstandigheden);
        Assert.Contains("art. 7.1 lid 4", (await zonder.LeesAsync())["errors"]!["verwijtbaarheid"]![0]!.GetValue<string>());
        Assert.Equal(3, (await TekortkomingStandAsync(id, tid))["stappen"]!.AsArray().Count);

        var boete = await (await BesluitAsync(id, tid, "nemen", 4, "2026-06-16", bevestigd: true, omstandigheden: Omstandigheden, verwijtbaarheid: "groveSchuld")).LeesAsync();
        Assert.Equal(75m, boete["bedrag"]!.GetValue<decimal>());
        var brief = GelezenPdf.Lees(await _client.GetByteArrayAsync(boete["brief"]!.GetValue<string>())).Tekst.Replace('\u00A0', ' ');
        Assert.Contains("De boete is € 75,00", brief);
        Assert.Contains("verhoogd met 100 procent tot € 100,00", brief);
        Assert.Contains("grove schuld, dus 75 procent: € 75,00 (artikel 7.1, vierde lid)", brief);
        Assert.Contains("artikel 23, eerste lid, van de Wet inburgering 2021", brief);
        Assert.Contains("Daarom leggen wij u een bestuurlijke boete op van € 75,00.", brief);
    }

    /// <summary>A ladder amount above what the Besluit prescribes for this boete is refused, with the article.</summary>
    [Fact]
    public async Task Een_ladderbedrag_boven_het_besluit_wordt_niet_opgelegd()
    {
        var ladder = new
        {
            stappen = new object[]
            {
                new { soort = "brief", naam = "Brief", brieftekst = "Beste {naam}, reageer uiterlijk {reactiedatum}.", reactietermijnDagen = 0 },
                new { soort = "boeteWi2021", naam = "Boete", brieftekst = "Boete van {bedrag}.", reactietermijnDagen = 42, bedrag = 340m },
            },
        };
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync("/api/v1/handhaving/ladder/GM0770", ladder)).StatusCode);
        var id = await DossierMetPipAsync("GM0770", "Eersteboete", eerdereBoete: false);
        var (tid, _) = await TekortkomingAsync(id, "taal", "2026-05-01");
        Assert.Equal(HttpStatusCode.Created, (await BesluitAsync(id, tid, "nemen", 1, "2026-06-01", verzenddatum: "2026-06-01")).StatusCode);

        var geweigerd = await BesluitAsync(id, tid, "nemen", 2, "2026-06-16", bevestigd: true, omstandigheden: Omstandigheden, verwijtbaarheid: "opzet");
        var melding = (await geweigerd.LeesAsync())["errors"]!["actie"]![0]!.GetValue<string>();
        Assert.Contains("€ 340,00 uit de ladder is hoger dan het Besluit inburgering 2021 hier voorschrijft: € 50,00", melding);
        Assert.Contains("artikel 7.1, tweede lid", melding);
        Assert.Single((await TekortkomingStandAsync(id, tid))["stappen"]!.AsArray());
    }

    [Fact]
    public async Task Verplichting_moet_in_het_pip_staan_en_invoer_wordt_gecontroleerd()
    {
        var id = await DossierAsync(naam: "Zonderpip");
        var geweigerd = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/handhaving/tekortkomingen", new { verplichting = "knm", datum = "2026-06-01", omschrijving = "KNM gemist" });
        var fout = await geweigerd.LeesAsync();
        Assert.Equal(HttpStatusCode.BadRequest, geweigerd.StatusCode);
        Assert.Contains("staat niet in het huidige PIP", fout["errors"]!["verplichting"]![0]!.GetValue<string>());
        var velden = await FoutveldenAsync(await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/handhaving/tekortkomingen", new { datum = "2026-07-01" }));
        Assert.Equal(["datum", "omschrijving", "verplichting"], velden.Order());
        Assert.Empty((await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/handhaving")).LeesAsync())["tekortkomingen"]!.AsArray());
        Assert.Equal(["bredeIntakeEnPip"], (await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/handhaving")).LeesAsync())["verplichtingen"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task Een_tekortkoming_op_een_pip_verplichting_gedateerd_voor_de_dagtekening_van_het_pip_wordt_geweigerd()
    {
        var id = await DossierAsync(naam: "Metpip");
        factory.MetDatabase(db =>
        {
            db.PipVersies.Add(new Koers.Data.Model.PipVersie
            {
                Id = Guid.NewGuid(), InburgeraarId = Guid.Parse(id), Versie = 1, Status = Koers.Data.Model.PipStatus.Vastgesteld, InhoudJson = "{}",
                Dagtekening = new DateOnly(2026, 3, 2), VastgesteldDoor = "test", AangemaaktOp = DateTime.UtcNow, GewijzigdOp = DateTime.UtcNow,
            });
            return db.SaveChanges();
        });
        var url = $"/api/v1/inburgeraars/{id}/handhaving/tekortkomingen";
        var geweigerd = await _client.PostJsonAsync(url, new { verplichting = "knm", datum = "2026-03-01", omschrijving = "KNM-les gemist" });
        Assert.Equal(HttpStatusCode.BadRequest, geweigerd.StatusCode);
        var melding = (await geweigerd.LeesAsync())["errors"]!["datum"]![0]!.GetValue<string>();
        Assert.Contains("01-03-2026 ligt voor de dagtekening van het PIP (02-03-2026)", melding);
        Assert.Empty((await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/handhaving")).LeesAsync())["tekortkomingen"]!.AsArray());

        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync(url, new { verplichting = "knm", datum = "2026-03-02", omschrijving = "KNM-les gemist" })).StatusCode);
        // Not cooperating with the intake and the PIP itself comes before the PIP.
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync(url, new { verplichting = "bredeIntakeEnPip", datum = "2026-02-01", omschrijving = "Niet op intake" })).StatusCode);
    }

    [Fact]
    public async Task Verstreken_reactietermijn_staat_op_de_werkvoorraad_tot_de_uitkomst_is_vastgelegd()
    {
        var id = await DossierAsync(naam: "Termijn");
        var (tid, _) = await TekortkomingAsync(id);
        Assert.Equal(HttpStatusCode.Created, (await BesluitAsync(id, tid, "nemen", 1, "2026-05-01")).StatusCode); // reactie uiterlijk 15 May
        async Task<bool> OpLijstAsync() => (await (await _client.GetAsync("/api/v1/handhaving/verstreken?gemeente=GM1724")).LeesAsync()).AsArray()
            .Any(r => r!["inburgeraarId"]!.GetValue<string>() == id);
        Assert.True(await OpLijstAsync());
        var werkvoorraad = await _client.GetStringAsync("/werkvoorraad?gemeente=GM1724");
        Assert.Contains($"/inburgeraars/{id}/handhaving", werkvoorraad);

        var stap = (await TekortkomingStandAsync(id, tid))["stappen"]![0]!["id"]!.GetValue<string>();
        Assert.Contains("datum", await FoutveldenAsync(await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/handhaving/besluiten/{stap}/uitkomst", new { uitkomst = "Gebeld", datum = "2026-04-01" })));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/handhaving/besluiten/{stap}/uitkomst", new { uitkomst = "Gebeld; komt weer.", datum = "2026-05-20" })).StatusCode);
        Assert.False(await OpLijstAsync());
    }

    [Fact]
    public async Task Andere_gemeente_en_andere_rollen_krijgen_niets()
    {
        var id = await DossierAsync(naam: "Afgeschermd");
        var (tid, _) = await TekortkomingAsync(id);
        var stap = await (await BesluitAsync(id, tid, "nemen", 1, "2026-06-01")).LeesAsync();
        var weert = factory.ClientAls("fleur.hendriks@weert.example");
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/api/v1/inburgeraars/{id}/handhaving")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostJsonAsync($"/api/v1/inburgeraars/{id}/handhaving/tekortkomingen",
            new { verplichting = "bredeIntakeEnPip", datum = "2026-06-01", omschrijving = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostJsonAsync($"/api/v1/inburgeraars/{id}/handhaving/tekortkomingen/{tid}/besluiten",
            new { actie = "nemen", volgorde = 2, datum = "2026-06-02", reden = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/api/v1/inburgeraars/{id}/handhaving/brieven/{stap["id"]!.GetValue<string>()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/inburgeraars/{id}/handhaving")).StatusCode);
        Assert.DoesNotContain(id, await weert.GetStringAsync("/api/v1/handhaving/verstreken"));
        Assert.Single((await TekortkomingStandAsync(id, tid))["stappen"]!.AsArray());

        // A chain partner or an inburgeraar has no handhaving at all; a klantregisseur cannot change the ladder.
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("partner@taalschool.example").GetAsync($"/api/v1/inburgeraars/{id}/handhaving")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("sanne.devries@kempen.example").PutJsonAsync("/api/v1/handhaving/ladder/GM1724",
            new { stappen = new[] { new { soort = "contact", naam = "x", reactietermijnDagen = 1 } } })).StatusCode);
    }
}

public sealed class SqliteHandhavingApiTests(SqliteFactory factory) : HandhavingApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresHandhavingApiTests(PostgresFactory factory) : HandhavingApiTests(factory), IClassFixture<PostgresFactory>;

using System.Net;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Besluiten;
using Koers.Web.Tests.Infrastructure;
using Koers.Web.Tests.Pdf;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Brieven;

/// <summary>
/// Letter templates per municipality (issue #16): the functioneel beheerder edits the text on the screen, sees the real
/// PDF before saving, saves versions; a text without a legal part is refused with the reason and nothing is lost or
/// stored; letters made afterwards use the new text and record the version; other roles cannot touch it.
/// Bergeijk (GM1724) for PIP letters, Eersel (GM0770) for handhaving, so the tests do not see each other's versions.
/// </summary>
public abstract class BriefsjabloonTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static string Token(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        doc.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PaginaAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private async Task<(string Url, string Id)> PipVastgesteldAsync(string naam, string gemeente = "GM1724")
    {
        var c = factory.CreateClient();
        var invoer = Testdata.Inburgeraar(gemeente: gemeente, koppelingsdatum: "2026-03-02");
        invoer["achternaam"] = naam;
        var id = (await (await c.PostJsonAsync("/api/v1/koppelingen", invoer)).LeesAsync())["id"]!.GetValue<string>();
        await c.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = "2026-04-14" });
        await Testdata.IntakeVolledigAsync(c, id);
        await c.PutJsonAsync($"/api/v1/inburgeraars/{id}/leerbaarheidstoets", new { aangemeld = "2026-04-20", afgenomen = "2026-05-06", afnemer = "Afnemer", score = 30 });
        await c.PutJsonAsync($"/api/v1/inburgeraars/{id}/pip/concept", new
        {
            leerroute = "b1Route", knm = true, pvt = true, map = true, participatie = "vrijwilligerswerk", maatschappelijkeBegeleiding = true,
            hoofddoel = "betaaldWerken", subdoelen = new[] { "Ik werk als kok" }, aanbieder = "Taalschool De Brug", geplandeStart = "2026-07-01",
        });
        var vastgesteld = await c.PostJsonAsync($"/api/v1/inburgeraars/{id}/pip/vaststellen", new { dagtekening = "2026-06-15", verzenddatum = "2026-06-15" });
        Assert.Equal(HttpStatusCode.Created, vastgesteld.StatusCode);
        return ((await vastgesteld.LeesAsync())["url"]!.GetValue<string>(), id);
    }

    /// <summary>
    /// Every kind of letter has a preview: the feature that sends it draws it (IBriefvoorbeeld, registered in its module),
    /// with the municipality's text in it. A kind without a registered preview would fail here with a 500.
    /// </summary>
    [Theory]
    [InlineData(Briefsoort.PipVaststelling, "Voorbeeld Klantregisseur")]
    [InlineData(Briefsoort.PipBijstelling, "U gaat meer uren per week naar school.")]
    [InlineData(Briefsoort.OntzorgenBesluit, "De reden die bij het besluit is vastgelegd.")]
    [InlineData(Briefsoort.HandhavingBrief, "Hier staat de tekst van deze stap uit de handhavingsladder van de gemeente.")]
    [InlineData(Briefsoort.Sanctie, "De persoonlijke omstandigheden die zijn meegewogen.")]
    public async Task Elke_soort_brief_heeft_een_voorbeeld_met_de_tekst_van_de_gemeente(Briefsoort soort, string vanDeFeature)
    {
        Assert.Equal(5, Enum.GetValues<Briefsoort>().Length); // a new kind needs a row here
        var tekst = Koers.Web.Features.Brieven.Standaardbrieven.Tekst(soort) + "\n\nDeze zin komt van de gemeente Bergeijk.";
        var naam = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(soort.ToString());
        var antwoord = await factory.CreateClient().PostJsonAsync($"/api/v1/beheer/brieven/GM1724/{naam}/voorbeeld", new { tekst });
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Equal("application/pdf", antwoord.Content.Headers.ContentType!.MediaType);
        var brief = GelezenPdf.Lees(await antwoord.Content.ReadAsByteArrayAsync());
        var doorlopend = System.Text.RegularExpressions.Regex.Replace(brief.Tekst, @"\s+", " ");
        Assert.Contains("Deze zin komt van de gemeente Bergeijk.", doorlopend);
        Assert.Contains(vanDeFeature, doorlopend);
        Assert.Contains("Gemeente Bergeijk", doorlopend);
    }

    [Fact]
    public async Task Beheerder_past_de_PIP_brief_aan_met_voorbeeld_en_versie_en_de_wettelijke_delen_blijven()
    {
        const string url = "/beheer/brieven/PipVaststelling?gemeente=GM1724";
        var doc = await PaginaAsync(url);
        var standaard = doc.GetElementById("Invoer_Tekst")!.TextContent;
        Assert.Contains("[bezwaar]", standaard);
        Assert.Contains("Nu geldt de standaardtekst van Koers", doc.QuerySelector("main, body")!.TextContent);

        // Deleting the bezwaar clause is refused: the reason names the part and its basis, the typed text stays,
        // nothing is stored.
        var eigen = standaard.Replace("U moet inburgeren.", "Welkom in Bergeijk! U moet inburgeren.", StringComparison.Ordinal);
        var zonderBezwaar = eigen.Replace("[bezwaar]", string.Empty, StringComparison.Ordinal);
        var geweigerd = await _client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc), ["Gemeente"] = "GM1724", ["Invoer.Tekst"] = zonderBezwaar, ["Invoer.Toelichting"] = "Korter",
        }));
        Assert.Equal(HttpStatusCode.OK, geweigerd.StatusCode);
        var foutDoc = new HtmlParser().ParseDocument(await geweigerd.Content.ReadAsStringAsync());
        var fout = foutDoc.GetElementById("Invoer_Tekst-fout")!.TextContent;
        Assert.Contains("Het vaste deel [bezwaar] ontbreekt", fout);
        Assert.Contains("art. 3:45", fout);
        Assert.Contains("#Invoer_Tekst", foutDoc.QuerySelector("#foutsamenvatting a")!.GetAttribute("href"));
        Assert.Equal(zonderBezwaar.Replace("\r\n", "\n"), foutDoc.GetElementById("Invoer_Tekst")!.TextContent.Replace("\r\n", "\n"));
        Assert.Equal("Korter", foutDoc.GetElementById("Invoer_Toelichting")!.GetAttribute("value"));
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Briefsjabloonversie>().Count(v => v.Soort == Briefsoort.PipVaststelling)));

        // The preview is the real letter with the typed text, on Bergeijk's letterhead, for a made-up person; nothing stored.
        var voorbeeld = await _client.PostAsync(url + "&handler=Voorbeeld", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc), ["Gemeente"] = "GM1724", ["Invoer.Tekst"] = eigen,
        }));
        Assert.Equal("application/pdf", voorbeeld.Content.Headers.ContentType!.MediaType);
        var voorbeeldBrief = GelezenPdf.Lees(await voorbeeld.Content.ReadAsByteArrayAsync());
        Assert.Contains("Welkom in Bergeijk! U moet inburgeren.", voorbeeldBrief.Tekst);
        Assert.Contains("Beste Voorbeeld Inburgeraar,", voorbeeldBrief.Tekst);
        Assert.Contains("Gemeente Bergeijk", voorbeeldBrief.Tekst);
        Assert.Contains("U kunt bezwaar maken binnen zes weken", voorbeeldBrief.Tekst);
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Briefsjabloonversie>().Count(v => v.Soort == Briefsoort.PipVaststelling)));

        // Saved as version 1, audited; the overview says so.
        var opgeslagen = await _client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc), ["Gemeente"] = "GM1724", ["Invoer.Tekst"] = eigen, ["Invoer.Toelichting"] = "Welkomstzin",
        }));
        Assert.Equal(HttpStatusCode.Redirect, opgeslagen.StatusCode);
        var overzicht = await PaginaAsync("/beheer/brieven?gemeente=GM1724");
        Assert.Contains("PIP-beschikking: vaststelling Versie 1, opgeslagen door", System.Text.RegularExpressions.Regex.Replace(overzicht.GetElementById("brieven")!.TextContent, @"\s+", " "));
        Assert.Contains(factory.MetDatabase(db => db.Audit.Select(a => a.Omschrijving).ToList()),
            a => a == "Briefsjabloon gemeente Bergeijk: PIP-beschikking: vaststelling versie 1 opgeslagen (was versie 0)");

        // A letter made now uses the text and records the version; the legal parts Koers writes are all there.
        var (briefUrl, id) = await PipVastgesteldAsync("Sjabloon");
        var brief = GelezenPdf.Lees(await factory.CreateClient().GetByteArrayAsync(briefUrl));
        Assert.Contains("Welkom in Bergeijk! U moet inburgeren.", brief.Tekst);
        Assert.Contains("Wij nemen dit besluit op grond van de artikelen 14, 15 en 16 van de Wet inburgering 2021", brief.Tekst);
        Assert.Contains("Waarom wij dit besluiten", brief.Tekst);
        // Wi2021 art. 11 lid 2: the term starts the day after the dagtekening (15 June) and lasts three years.
        Assert.Contains("Uw inburgeringstermijn loopt van 16 juni 2026 tot en met 15 juni 2029.", brief.Tekst);
        Assert.Contains("Met vriendelijke groet, het college van burgemeester en wethouders van Bergeijk", brief.Tekst);
        Assert.Equal(1, factory.MetDatabase(db => db.Beschikkingen.Single(b => b.InburgeraarId == Guid.Parse(id)).Sjabloonversie));

        // Saving the same text again makes no version; another kind of letter is untouched.
        doc = await PaginaAsync(url);
        var gelijk = await _client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc), ["Gemeente"] = "GM1724", ["Invoer.Tekst"] = doc.GetElementById("Invoer_Tekst")!.TextContent,
        }));
        Assert.Contains("gelijk aan de versie die nu geldt (versie 1)", await gelijk.Content.ReadAsStringAsync());
        Assert.Equal(1, factory.MetDatabase(db => db.Set<Briefsjabloonversie>().Count(v => v.Soort == Briefsoort.PipVaststelling)));
        var bijstelling = await (await factory.CreateClient().GetAsync("/api/v1/beheer/brieven/GM1724/pipBijstelling")).LeesAsync();
        Assert.Equal(0, bijstelling["huidigeVersie"]!.GetValue<int>());

        // The standard text can be taken back from the version list; the older version stays readable.
        var terug = await PaginaAsync(url + "&versie=0");
        Assert.DoesNotContain("Welkom in Bergeijk!", terug.GetElementById("Invoer_Tekst")!.TextContent);
        var api = await (await factory.CreateClient().GetAsync("/api/v1/beheer/brieven/GM1724/pipVaststelling")).LeesAsync();
        Assert.Equal([1, 0], api["versies"]!.AsArray().Select(v => v!["versie"]!.GetValue<int>()));
        Assert.Equal("Welkomstzin", api["versies"]![0]!["toelichting"]!.GetValue<string>());
    }

    [Fact]
    public async Task Handhavingsbrief_volgt_de_tekst_van_de_gemeente_en_onthoudt_de_versie()
    {
        var c = factory.CreateClient();
        var standaard = Koers.Web.Features.Brieven.Standaardbrieven.Tekst(Briefsoort.HandhavingBrief);

        // The API refuses the same deletions as the screen, field by field, and a field that does not exist.
        var zonder = await c.PutJsonAsync("/api/v1/beheer/brieven/GM0770/handhavingBrief", new { tekst = standaard.Replace("[feiten]", "Tot ziens, {voornaam}.", StringComparison.Ordinal) });
        Assert.Equal(HttpStatusCode.BadRequest, zonder.StatusCode);
        var fouten = string.Join(" ", (await zonder.LeesAsync())["errors"]!["tekst"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Contains("[feiten] ontbreekt", fouten);
        Assert.Contains("{voornaam} bestaat niet", fouten);

        var eigen = standaard.Replace("## Heeft u vragen?", "## Hulp nodig? Kom langs op het gemeentehuis van {gemeente}.", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await c.PutJsonAsync("/api/v1/beheer/brieven/GM0770/handhavingBrief", new { tekst = eigen })).StatusCode);

        var invoer = Testdata.Inburgeraar(gemeente: "GM0770", koppelingsdatum: "2026-01-05");
        invoer["achternaam"] = "[bezwaar] {naam}"; // a value is printed as it is, never read as template text
        var id = (await (await c.PostJsonAsync("/api/v1/koppelingen", invoer)).LeesAsync())["id"]!.GetValue<string>();
        var t = await (await c.PostJsonAsync($"/api/v1/inburgeraars/{id}/handhaving/tekortkomingen",
            new { verplichting = "bredeIntakeEnPip", datum = "2026-05-01", omschrijving = "Niet gekomen." })).LeesAsync();
        var tid = t["tekortkomingen"]![0]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Created, (await c.PostJsonAsync($"/api/v1/inburgeraars/{id}/handhaving/tekortkomingen/{tid}/besluiten",
            new { actie = "overslaan", volgorde = 1, datum = "2026-06-01", reden = "Meteen schriftelijk." })).StatusCode);
        var stap = await (await c.PostJsonAsync($"/api/v1/inburgeraars/{id}/handhaving/tekortkomingen/{tid}/besluiten",
            new { actie = "nemen", volgorde = 2, datum = "2026-06-02", reden = "Brief sturen." })).LeesAsync();
        var brief = GelezenPdf.Lees(await c.GetByteArrayAsync(stap["brief"]!.GetValue<string>()));
        Assert.Contains("Hulp nodig? Kom langs op het gemeentehuis van Eersel.", brief.Tekst);
        Assert.Contains("Waarom u deze brief krijgt", brief.Tekst);
        Assert.Contains("[bezwaar] {naam}", brief.Tekst);
        Assert.DoesNotContain("Niet eens met dit besluit?", brief.Tekst); // no decision, no bezwaar clause
        Assert.Equal(1, factory.MetDatabase(db => db.Set<Handhavingsbesluit>().Single(b => b.InburgeraarId == Guid.Parse(id) && b.Pdf != null).Sjabloonversie));
    }

    [Fact]
    public async Task Alleen_de_functioneel_beheerder_binnen_het_eigen_bereik()
    {
        var klantregisseur = factory.ClientAls("sanne.devries@kempen.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await klantregisseur.PutJsonAsync("/api/v1/beheer/brieven/GM1724/sanctie",
            new { tekst = Koers.Web.Features.Brieven.Standaardbrieven.Tekst(Briefsoort.Sanctie) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/beheer/brieven/Sanctie?gemeente=GM0988")).StatusCode); // Weert: outside the reach
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/api/v1/beheer/brieven/GM0988/sanctie")).StatusCode);
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Briefsjabloonversie>().Count(v => v.Soort == Briefsoort.Sanctie)));
    }
}

public sealed class SqliteBriefsjabloonTests(SqliteFactory factory) : BriefsjabloonTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresBriefsjabloonTests(PostgresFactory factory) : BriefsjabloonTests(factory), IClassFixture<PostgresFactory>;

using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Koers.Data.Model.Ontzorgen;
using Koers.Domain.Dossier;
using Koers.Web.Tests.Infrastructure;
using Koers.Web.Tests.Pdf;

namespace Koers.Web.Tests.Ontzorgen;

/// <summary>
/// The ontzorgen besluit is a decision (#16): recording it makes a letter with the decision, the period, Participatiewet
/// art. 56a (57 for verlengen), a motivation from the case (bijstand start, recorded reason), the bezwaarclausule and the
/// mandated signatory; stored with hash and template version, shown on the ontzorgen screen and in the portal with a
/// summary in the person's language. Without a full address no decision is recorded. Clock: 16 June 2026; Bergeijk.
/// </summary>
public abstract class OntzorgenBesluitBriefTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> DossierAsync(string naam, string? adres = null)
    {
        var invoer = Testdata.Inburgeraar(doelgroep: "asielstatushouder", koppelingsdatum: "2026-01-05");
        invoer["achternaam"] = naam;
        if (adres is not null) invoer["adres"] = adres;
        var id = (await (await _client.PostJsonAsync("/api/v1/koppelingen", invoer)).LeesAsync())["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/startBijstand", new { datum = "2026-05-01" })).StatusCode);
        return id;
    }

    [Fact]
    public async Task Besluit_toepassen_en_verlengen_geeft_elk_een_brief_met_grondslag_motivering_en_bezwaar()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync("/api/v1/beheer/mandaten/GM1724",
            new { regels = new[] { new { soort = "ontzorgenBesluit", naam = "Fatima El Amrani", functie = "teamleider Werk en Inkomen" } } })).StatusCode);
        var id = await DossierAsync("Ontzorgbrief");
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/ontzorgen/besluit",
            new { besluit = "toepassen", besluitdatum = "2026-06-01" })).StatusCode);

        var brieven = factory.MetDatabase(db => db.Set<Ontzorgenbrief>().Where(b => b.InburgeraarId == Guid.Parse(id)).ToList());
        var brief = Assert.Single(brieven);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(brief.Pdf)), brief.Sha256);
        Assert.Equal(0, brief.Sjabloonversie);
        var tekst = GelezenPdf.Lees(brief.Pdf).Tekst;
        Assert.Contains("Besluit: wij betalen uw vaste lasten voor u", tekst);
        Assert.Contains("van 1 mei 2026 tot en met", tekst);
        Assert.Contains("op grond van artikel 56a van de Participatiewet", tekst);
        Assert.Contains("U heeft een bijstandsuitkering sinds 1 mei 2026.", tekst);
        Assert.Contains("U kunt bezwaar maken binnen zes weken", tekst);
        Assert.Contains(brief.Kenmerk, tekst);
        Assert.Contains("namens het college van burgemeester en wethouders van Bergeijk, Fatima El Amrani teamleider Werk en Inkomen", tekst);

        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/ontzorgen/besluit",
            new { besluit = "verlengen", besluitdatum = "2026-06-10", reden = "Huurachterstand dreigt; nog geen budgettraining gevolgd.", verlengdTot = "2027-01-31", verzenddatum = "2026-06-11" })).StatusCode);
        var verlengd = factory.MetDatabase(db => db.Set<Ontzorgenbrief>().Where(b => b.InburgeraarId == Guid.Parse(id) && b.Besluit == Koers.Domain.Ontzorgen.OntzorgenBesluit.Verlengen).Single());
        var verlengdTekst = GelezenPdf.Lees(verlengd.Pdf).Tekst;
        Assert.Contains("tot en met 31 januari 2027", verlengdTekst);
        Assert.Contains("op grond van de artikelen 56a en 57 van de Participatiewet", verlengdTekst);
        Assert.Contains("Huurachterstand dreigt; nog geen budgettraining gevolgd.", verlengdTekst);
        // Sent 11 June 2026: six weeks from the next day end on 23 July 2026 (Awb 6:7, 6:8).
        Assert.Contains("Wij hebben deze brief verzonden op 11 juni 2026. Uw bezwaarschrift moet dus uiterlijk op 23 juli 2026 bij ons zijn.", verlengdTekst);
        Assert.DoesNotContain("uiterlijk op", tekst); // the first letter's sending was not known: the rule, no date
        Assert.NotEqual(brief.Kenmerk, verlengd.Kenmerk);

        // The screen lists both letters; the link gives the stored PDF and is audited.
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/ontzorgen"));
        var links = pagina.QuerySelectorAll("#ontzorgenbrieven a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2, links.Count);
        var pdf = await _client.GetByteArrayAsync(links[0]);
        Assert.Equal(verlengd.Sha256, Convert.ToHexStringLower(SHA256.HashData(pdf)));
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == Guid.Parse(id)).Select(a => a.Omschrijving).ToList()),
            a => a == $"Ontzorgenbrief {verlengd.Kenmerk} geopend");

        // The first letter's sending is recorded afterwards, once; a date before the letter is refused.
        var url = $"/api/v1/inburgeraars/{id}/ontzorgen/brieven/{brief.Id}/verzending";
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostJsonAsync(url, new { verzenddatum = "2026-05-31" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync(url, new { verzenddatum = "2026-06-02" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostJsonAsync(url, new { verzenddatum = "2026-06-03" })).StatusCode);
        Assert.Equal(new DateOnly(2026, 6, 2), factory.MetDatabase(db => db.Set<Ontzorgenbrief>().Single(b => b.Id == brief.Id).Verzenddatum));
        var scherm = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/ontzorgen"));
        Assert.Contains("Verzonden op 2 jun 2026; bezwaar kan tot en met 14 jul 2026.", System.Text.RegularExpressions.Regex.Replace(scherm.GetElementById("ontzorgenbrieven")!.TextContent, @"\s+", " "));
    }

    [Fact]
    public async Task Zonder_volledig_adres_geen_besluit()
    {
        var id = await DossierAsync("Zonderadres", adres: "Kerkstraat 12");
        var geweigerd = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/ontzorgen/besluit", new { besluit = "toepassen", besluitdatum = "2026-06-01" });
        Assert.Equal(HttpStatusCode.BadRequest, geweigerd.StatusCode);
        Assert.Contains("niet volledig", (await geweigerd.LeesAsync())["errors"]!["besluit"]![0]!.GetValue<string>());
        Assert.False(factory.MetDatabase(db => db.Set<Ontzorgenbrief>().Any(b => b.InburgeraarId == Guid.Parse(id))));
        Assert.False(factory.MetDatabase(db => db.Set<Ontzorging>().Any(o => o.InburgeraarId == Guid.Parse(id) && o.Besluit != null)));
    }

    [Fact]
    public async Task In_het_portaal_met_samenvatting_in_de_eigen_taal()
    {
        var eigen = factory.MetDatabase(db => db.Users.Single(u => u.Email == "inburgeraar@demo.example").InburgeraarId!.Value);
        var doelgroep = factory.MetDatabase(db => db.Inburgeraars.Single(i => i.Id == eigen).Doelgroep);
        Assert.True(doelgroep.IsAsielgerelateerd(), "de demo-inburgeraar is statushouder");
        await _client.PutJsonAsync($"/api/v1/inburgeraars/{eigen}/mijlpalen/startBijstand", new { datum = "2026-05-01" });
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{eigen}/ontzorgen/besluit",
            new { besluit = "toepassen", besluitdatum = "2026-06-01" })).StatusCode);
        var kenmerk = factory.MetDatabase(db => db.Set<Ontzorgenbrief>().Single(b => b.InburgeraarId == eigen).Kenmerk);

        var client = factory.ClientAls("inburgeraar@demo.example");
        var tr = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn?taal=tr"));
        var item = tr.QuerySelectorAll("#brieven li").Single(li => li.TextContent.Contains(kenmerk, StringComparison.Ordinal));
        Assert.Contains("Karar: belediye sabit giderlerinizi ödüyor", item.TextContent);
        Assert.Contains("Belediye bir süre kiranızı", item.TextContent);
        Assert.Contains("itiraz", item.TextContent);
        var pdf = await client.GetAsync(item.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains(kenmerk, GelezenPdf.Lees(await pdf.Content.ReadAsByteArrayAsync()).Tekst);
    }
}

public sealed class SqliteOntzorgenBesluitBriefTests(SqliteFactory factory) : OntzorgenBesluitBriefTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresOntzorgenBesluitBriefTests(PostgresFactory factory) : OntzorgenBesluitBriefTests(factory), IClassFixture<PostgresFactory>;

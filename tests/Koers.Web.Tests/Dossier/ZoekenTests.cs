using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Dossier;

/// <summary>
/// The search box in the header (#25): on every staff page of a case worker, posted (never a number in a URL), by BSN or
/// V-nummer (exact) or name, only within the user's reach (the same rule as opening a case), and audited without the
/// number itself. From the header one exact hit on a number opens that case.
/// </summary>
public abstract class ZoekenTests(KoersFactory factory)
{
    private const string Sanne = "sanne.devries@kempen.example";
    private const string Fleur = "fleur.hendriks@weert.example";

    private static IHtmlDocument Html(string html) => new HtmlParser().ParseDocument(html);

    private async Task<(string Id, string Bsn, string VNummer, string Naam)> DossierAsync(string gemeente, string naam, string? als = null)
    {
        var invoer = Testdata.Inburgeraar(gemeente: gemeente);
        var vnummer = "8" + Testdata.NieuwBsn()[..9];
        invoer["vNummer"] = vnummer;
        invoer["achternaam"] = naam;
        var r = await (als is null ? factory.CreateClient() : factory.ClientAls(als)).PostJsonAsync("/api/v1/inburgeraars", invoer);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return ((await r.LeesAsync())["id"]!.GetValue<string>(), (string)invoer["bsn"]!, vnummer, naam);
    }

    /// <summary>Submits the header's search form of a page, as a browser does.</summary>
    private static async Task<HttpResponseMessage> ZoekViaKopAsync(HttpClient client, string zoek, string pagina = "/werkvoorraad")
    {
        var doc = Html(await client.GetStringAsync(pagina));
        var form = doc.QuerySelector("header form[role=search]")!;
        var velden = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        velden["zoek"] = zoek;
        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(velden));
    }

    private List<(string Gebruiker, Guid? Id, string Omschrijving)> Audit(string gebruiker) =>
        factory.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.Gebruiker == gebruiker && a.Omschrijving.StartsWith("Zoeken op"))
            .Select(a => new { a.Gebruiker, a.InburgeraarId, a.Omschrijving }).ToList()).Select(a => (a.Gebruiker, a.InburgeraarId, a.Omschrijving)).ToList();

    [Fact]
    public async Task Zoekvak_in_de_kop_alleen_voor_dossierwerk_en_altijd_gepost()
    {
        var doc = Html(await factory.ClientAls(Sanne).GetStringAsync("/werkvoorraad"));
        var form = doc.QuerySelector("header form[role=search]");
        Assert.NotNull(form);
        Assert.Equal("post", form!.GetAttribute("method"));
        Assert.Equal("/inburgeraars", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal("Naam, BSN of V-nummer", form.QuerySelector("label[for=kop-zoek]")!.TextContent.Trim());

        Assert.Null(Html(await factory.ClientAls("beleid@kempen.example").GetStringAsync("/monitor")).QuerySelector("header form[role=search]"));
        Assert.Null(Html(await factory.ClientAls("partner@taalschool.example").GetStringAsync("/partner")).QuerySelector("header form[role=search]"));
        Assert.Null(Html(await factory.ClientAls("inburgeraar@demo.example").GetStringAsync("/mijn")).QuerySelector("header form[role=search]"));
        // Posting the search anyway: refused for a role without case work.
        var partner = factory.ClientAls("partner@taalschool.example", volgRedirects: false);
        var geweigerd = await partner.PostAsync("/inburgeraars", new FormUrlEncodedContent(new Dictionary<string, string> { ["zoek"] = "Proef" }));
        Assert.NotEqual(HttpStatusCode.OK, geweigerd.StatusCode);
    }

    [Fact]
    public async Task Op_bsn_en_vnummer_exact_en_direct_naar_het_dossier_zonder_nummer_in_de_url()
    {
        var (id, bsn, vnummer, _) = await DossierAsync("GM1724", "Zoekbaar");
        var client = factory.ClientAls(Sanne, volgRedirects: false);

        foreach (var (term, soort) in new[] { (bsn, "BSN"), ($"{bsn[..3]}.{bsn[3..6]}.{bsn[6..]}", "BSN"), (vnummer, "V-nummer") })
        {
            var antwoord = await ZoekViaKopAsync(client, term);
            Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
            Assert.Equal($"/inburgeraars/{id}", antwoord.Headers.Location!.OriginalString);
            Assert.Contains(Audit(Sanne), a => a.Id == Guid.Parse(id) && a.Omschrijving == $"Zoeken op {soort}: gevonden");
        }

        // Exact: part of the number finds nothing (it is then read as a name), never a near match.
        var deel = Html(await (await ZoekViaKopAsync(factory.ClientAls(Sanne), bsn[..7])).Content.ReadAsStringAsync());
        Assert.DoesNotContain(deel.QuerySelectorAll("table a"), a => a.GetAttribute("href") == $"/inburgeraars/{id}");
        // The number is in no audit line and in no URL.
        Assert.DoesNotContain(factory.MetDatabase(db => db.Audit.AsNoTracking().Select(a => a.Omschrijving).ToList()), o => o.Contains(bsn, StringComparison.Ordinal) || o.Contains(vnummer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Op_naam_een_lijst_binnen_bereik()
    {
        var (id, _, _, naam) = await DossierAsync("GM0770", "Naamzoekertje");
        var pagina = await ZoekViaKopAsync(factory.ClientAls(Sanne), naam.ToLowerInvariant()[..8], "/inburgeraars");
        Assert.Equal(HttpStatusCode.OK, pagina.StatusCode);
        var doc = Html(await pagina.Content.ReadAsStringAsync());
        Assert.Contains(doc.QuerySelectorAll("table a"), a => a.GetAttribute("href") == $"/inburgeraars/{id}");
        Assert.StartsWith("1 dossier gevonden bij zoeken op naam", doc.QuerySelector("#zoekresultaat")!.TextContent.Trim());
        Assert.Contains(Audit(Sanne), a => a.Id == Guid.Parse(id) && a.Omschrijving == "Zoeken op naam: gevonden");
    }

    [Fact]
    public async Task Een_dossier_van_een_andere_regio_wordt_niet_gevonden()
    {
        var (id, bsn, vnummer, naam) = await DossierAsync("GM1724", "Buitenbereik");
        var fleur = factory.ClientAls(Fleur, volgRedirects: false);
        foreach (var term in new[] { bsn, vnummer, naam })
        {
            var antwoord = await ZoekViaKopAsync(fleur, term);
            Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
            var html = await antwoord.Content.ReadAsStringAsync();
            Assert.DoesNotContain($"/inburgeraars/{id}", html);
            Assert.DoesNotContain("Buitenbereik", Html(html).QuerySelector("table")!.TextContent);
            Assert.StartsWith("0 dossiers gevonden", Html(html).QuerySelector("#zoekresultaat")!.TextContent.Trim());
        }

        var audit = Audit(Fleur);
        Assert.DoesNotContain(audit, a => a.Id == Guid.Parse(id));
        Assert.Contains(audit, a => a.Id is null && a.Omschrijving == "Zoeken op BSN: geen dossier gevonden binnen het bereik");

        // The other way round: Weert's own case is not found from the Kempen.
        var (weertId, weertBsn, _, _) = await DossierAsync("GM0988", "Weertzaak", Fleur);
        var kempen = await ZoekViaKopAsync(factory.ClientAls(Sanne, volgRedirects: false), weertBsn);
        Assert.Equal(HttpStatusCode.OK, kempen.StatusCode);
        Assert.DoesNotContain($"/inburgeraars/{weertId}", await kempen.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteZoekenTests(SqliteFactory factory) : ZoekenTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresZoekenTests(PostgresFactory factory) : ZoekenTests(factory), IClassFixture<PostgresFactory>;

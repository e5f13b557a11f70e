using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Koers.Web.Tests;

/// <summary>
/// The server-rendered screens as a user meets them: forms with antiforgery tokens, Dutch error messages
/// next to the fields, nothing lost on a refused post.
/// </summary>
public sealed class SchermTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private readonly HttpClient _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<IHtmlDocument> PaginaAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static string Token(IHtmlDocument doc, string? formSelector = null) =>
        doc.QuerySelector($"{formSelector ?? "form[method=post]"} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static Dictionary<string, string> GeldigFormulier(string token, string bsn) => new()
    {
        ["__RequestVerificationToken"] = token,
        ["Invoer.Voornamen"] = "Selam",
        ["Invoer.Achternaam"] = "Formulier",
        ["Invoer.Geboortedatum"] = "1995-07-01",
        ["Invoer.Bsn"] = bsn,
        ["Invoer.Nationaliteit"] = "Eritrese",
        ["TalenTekst"] = "Tigrinya, Arabisch",
        ["Invoer.Doelgroep"] = "Asielstatushouder",
        ["Invoer.Gemeente"] = "GM1728",
        ["Invoer.Koppelingsdatum"] = "2026-05-11",
        ["Invoer.NogNietStartklaar"] = "false",
        ["Invoer.Gezinsleden[0].Naam"] = "Partner Formulier",
        ["Invoer.Gezinsleden[0].Relatie"] = "partner",
        ["Invoer.Gezinsleden[1].Naam"] = "",
        ["Invoer.Gezinsleden[1].Relatie"] = "",
    };

    [Fact]
    public async Task Werkvoorraad_is_nederlands_en_heeft_doorklikbare_regels()
    {
        var doc = await PaginaAsync("/werkvoorraad");

        Assert.Equal("nl", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Werkvoorraad", doc.QuerySelector("h1")!.TextContent.Trim());
        var links = doc.QuerySelectorAll("table a[href^='/inburgeraars/']").ToList();
        Assert.NotEmpty(links);
        var dossier = await PaginaAsync(links[0].GetAttribute("href")!);
        Assert.NotNull(dossier.QuerySelector("#termijnen table"));
        Assert.NotNull(dossier.QuerySelector("ol.koers-stappen li[aria-current=step]"));
    }

    [Fact]
    public async Task Werkvoorraad_filtert_op_signaal()
    {
        var doc = await PaginaAsync("/werkvoorraad?signaal=Verlopen");
        var rijen = doc.QuerySelectorAll("tbody tr").ToList();

        Assert.NotEmpty(rijen);
        Assert.All(rijen, r => Assert.Contains("Verlopen", r.TextContent));
    }

    [Fact]
    public async Task Ongeldig_formulier_toont_meldingen_en_bewaart_de_invoer()
    {
        var doc = await PaginaAsync("/inburgeraars/nieuw");
        var velden = GeldigFormulier(Token(doc), "123456789");
        var aantal = factory.MetDatabase(db => db.Inburgeraars.Count());

        var response = await _client.PostAsync("/inburgeraars/nieuw", new FormUrlEncodedContent(velden));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pagina = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var samenvatting = pagina.QuerySelector("#foutsamenvatting")!;
        Assert.Contains("elfproef", samenvatting.TextContent);
        Assert.Equal("#Invoer_Bsn", samenvatting.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("true", pagina.QuerySelector("#Invoer_Bsn")!.GetAttribute("aria-invalid"));
        Assert.Equal("Selam", pagina.QuerySelector("#Invoer_Voornamen")!.GetAttribute("value"));
        Assert.Equal("Tigrinya, Arabisch", pagina.QuerySelector("#TalenTekst")!.GetAttribute("value"));
        Assert.Equal("Partner Formulier", pagina.QuerySelector("#Invoer_Gezinsleden_0__Naam")!.GetAttribute("value"));
        Assert.Equal(aantal, factory.MetDatabase(db => db.Inburgeraars.Count()));
    }

    [Fact]
    public async Task Post_zonder_antiforgery_token_wordt_geweigerd()
    {
        var velden = GeldigFormulier("ongeldig", Testdata.NieuwBsn());

        var response = await _client.PostAsync("/inburgeraars/nieuw", new FormUrlEncodedContent(velden));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Registreren_bewerken_en_mijlpalen_via_de_schermen()
    {
        var doc = await PaginaAsync("/inburgeraars/nieuw?bron=coa");
        var response = await _client.PostAsync("/inburgeraars/nieuw?bron=coa", new FormUrlEncodedContent(GeldigFormulier(Token(doc), Testdata.NieuwBsn())));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.OriginalString;

        var dossier = await PaginaAsync(url);
        Assert.Equal("Selam Formulier", dossier.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("COA-koppeling", dossier.Body!.TextContent);
        Assert.Contains("Partner Formulier", dossier.Body!.TextContent);
        Assert.Equal("2026-05-11", dossier.QuerySelector("#Mijlpalen_Koppeling_")!.GetAttribute("value"));

        // End before start: warme overdracht before the koppeling is refused, the typed dates stay.
        var mijlpalen = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(dossier, "form[action*=Mijlpalen]"),
            ["Mijlpalen[Koppeling]"] = "2026-05-11",
            ["Mijlpalen[WarmeOverdracht]"] = "2026-05-01",
            ["Mijlpalen[BrpInschrijving]"] = "2026-06-01",
            ["Reden"] = "Overdracht gehad",
        };
        var fout = await _client.PostAsync($"{url}?handler=Mijlpalen", new FormUrlEncodedContent(mijlpalen));
        Assert.Equal(HttpStatusCode.OK, fout.StatusCode);
        var foutPagina = new HtmlParser().ParseDocument(await fout.Content.ReadAsStringAsync());
        Assert.Contains("kan niet vóór", foutPagina.QuerySelector("#foutsamenvatting")!.TextContent);
        Assert.Equal("2026-06-01", foutPagina.QuerySelector("#Mijlpalen_BrpInschrijving_")!.GetAttribute("value"));
        Assert.Equal("gekoppeld", await FaseAsync(url));

        mijlpalen["Mijlpalen[WarmeOverdracht]"] = "2026-05-20";
        var ok = await _client.PostAsync($"{url}?handler=Mijlpalen", new FormUrlEncodedContent(mijlpalen));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var bijgewerkt = await PaginaAsync(url);
        Assert.Contains("10 aug 2026", bijgewerkt.QuerySelector("#termijnen")!.TextContent); // 1 June + 10 weeks
        Assert.Contains("Overdracht gehad", bijgewerkt.Body!.TextContent);
        Assert.Equal("gevestigd", await FaseAsync(url));

        var bewerk = await PaginaAsync($"{url}/bewerken");
        Assert.Equal("Selam", bewerk.QuerySelector("#Invoer_Voornamen")!.GetAttribute("value"));
        var velden = GeldigFormulier(Token(bewerk), bewerk.QuerySelector("#Invoer_Bsn")!.GetAttribute("value")!);
        velden["Invoer.Achternaam"] = "Nieuwenaam";
        velden["Invoer.NogNietStartklaar"] = "true";
        var opgeslagen = await _client.PostAsync($"{url}/bewerken", new FormUrlEncodedContent(velden));
        Assert.Equal(HttpStatusCode.Redirect, opgeslagen.StatusCode);
        var na = await PaginaAsync(url);
        Assert.Equal("Selam Nieuwenaam", na.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Nog niet startklaar", na.Body!.TextContent);
    }

    private async Task<string> FaseAsync(string url)
    {
        var json = await (await _client.GetAsync($"/api/v1{url}")).LeesAsync();
        return json["fase"]!.GetValue<string>();
    }
}

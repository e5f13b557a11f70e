using System.Net;
using AngleSharp.Html.Parser;
using Koers.Web.Infrastructure;
using Koers.Web.Tests.Infrastructure;

namespace Koers.Web.Tests;

/// <summary>Words on screen as a Dutch user expects them: abbreviations kept in sentences, no developer links in daily menus, a sign-in error that says what happened.</summary>
public sealed class UiTekstTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Theory]
    [InlineData("Koppeling door COA", "koppeling door COA")]
    [InlineData("PIP vastgesteld", "PIP vastgesteld")]
    [InlineData("DUO-examen", "DUO-examen")]
    [InlineData("Gezinsmigrant", "gezinsmigrant")]
    [InlineData("", "")]
    public void Label_in_een_zin_houdt_afkortingen(string label, string verwacht) => Assert.Equal(verwacht, label.InZin());

    private static List<(string Tekst, string Href)> Menu(string html) =>
        [.. new HtmlParser().ParseDocument(html).QuerySelectorAll("nav a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href") ?? ""))];

    [Fact]
    public async Task De_api_beschrijving_staat_alleen_in_het_menu_van_functioneel_beheer()
    {
        var regisseur = Menu(await factory.ClientAls("sanne.devries@kempen.example").GetStringAsync("/werkvoorraad"));
        Assert.DoesNotContain(regisseur, l => l.Href.StartsWith("/openapi", StringComparison.Ordinal));
        Assert.DoesNotContain(regisseur, l => l.Tekst.Contains("OpenAPI", StringComparison.Ordinal));

        var beheer = Menu(await factory.ClientAls("beheer@kempen.example").GetStringAsync("/account"));
        Assert.Contains(("API-beschrijving", "/openapi/v1.json"), beheer);
    }

    [Fact]
    public async Task Mislukt_inloggen_zegt_niet_dat_er_niets_is_opgeslagen()
    {
        var browser = factory.ClientAls(null);
        var token = new HtmlParser().ParseDocument(await browser.GetStringAsync("/inloggen"))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var antwoord = await browser.PostAsync("/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Email"] = "sanne.devries@kempen.example", ["Wachtwoord"] = "helemaal-fout-123",
        }));
        var samenvatting = new HtmlParser().ParseDocument(await antwoord.Content.ReadAsStringAsync()).QuerySelector("#foutsamenvatting")!.TextContent;
        Assert.Contains("Inloggen is niet gelukt", samenvatting);
        Assert.Contains("wachtwoord klopt niet", samenvatting);
        Assert.DoesNotContain("opgeslagen", samenvatting);
    }

    [Theory]
    [InlineData("WaarderingUitkomst", "Waardering uitkomst")]
    [InlineData("Gezinsleden[0].Naam", "Naam")]
    [InlineData("Telefoon", "Telefoon")]
    public void Veldnaam_als_woorden(string veld, string label) => Assert.Equal(label, Koers.Web.Infrastructure.Veldfouten.Label(veld));

    [Fact]
    public async Task Te_lange_invoer_noemt_het_veld_en_hoeveel_te_lang_zodat_de_foutsamenvatting_leesbaar_is()
    {
        var invoer = Testdata.Inburgeraar();
        invoer["telefoon"] = new string('1', 50);
        var antwoord = await factory.CreateClient().PostJsonAsync("/api/v1/inburgeraars", invoer);
        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        var melding = (await antwoord.LeesAsync())["errors"]!["telefoon"]!.AsArray().Single()!.GetValue<string>();
        Assert.Equal("Telefoon: hoogstens 40 tekens (nu 50).", melding);
    }
}

using System.Net;
using AngleSharp.Html.Parser;
using Koers.Domain.Dossier;
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
    [InlineData("B1-route", "B1-route")]
    [InlineData("Z-route", "Z-route")]
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

    [Fact]
    public async Task Een_te_lange_notitie_wordt_geweigerd_met_veld_en_lengte_en_niet_door_de_browser_stil_afgekapt()
    {
        var client = factory.CreateClient();
        var id = (await (await client.PostJsonAsync("/api/v1/inburgeraars", Testdata.Inburgeraar())).LeesAsync())["id"]!.GetValue<string>();
        // A maxlength on a free-text field makes the browser cut pasted text without a word; the server refuses instead.
        foreach (var pad in new[] { "/intake", "/pip", "/handhaving", "/afsluiting", "/voortgang" })
        {
            var pagina = new HtmlParser().ParseDocument(await client.GetStringAsync($"/inburgeraars/{id}{pad}"));
            var afgekapt = pagina.QuerySelectorAll("textarea[maxlength], input[maxlength]").Select(e => e.GetAttribute("name")).ToList();
            Assert.True(afgekapt.Count == 0, $"{pad}: maxlength op {string.Join(", ", afgekapt)}");
        }

        var url = $"/inburgeraars/{id}/intake";
        var token = new HtmlParser().ParseDocument(await client.GetStringAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var notities = string.Concat(Enumerable.Repeat("Spreekt thuis Tigrinya, wil snel aan het werk. ", 120))[..5600];
        var antwoord = await client.PostAsync($"{url}?handler=Gesprek", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Gesprek.Datum"] = "2026-01-05", ["Gesprek.Tolk"] = "Geen", ["Gesprek.Notities"] = notities,
        }));
        var doc = new HtmlParser().ParseDocument(await antwoord.Content.ReadAsStringAsync());
        Assert.Contains("Notities: hoogstens 4000 tekens (nu 5600).", doc.QuerySelector("#foutsamenvatting")?.TextContent ?? "(geen foutsamenvatting)");
        Assert.Equal(notities, doc.QuerySelector("#Gesprek_Notities")!.TextContent);
        Assert.Equal(0, factory.MetDatabase(db => db.Intakegesprekken.Count(g => g.InburgeraarId == Guid.Parse(id))));
    }

    [Theory]
    [InlineData("/inburgeraars/nieuw")]
    [InlineData("/inburgeraars/nieuw?bron=coa")]
    public async Task Een_geboortedatum_in_de_toekomst_staat_een_keer_in_de_foutsamenvatting(string url)
    {
        var client = factory.CreateClient();
        var token = new HtmlParser().ParseDocument(await client.GetStringAsync(url)).QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var antwoord = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Invoer.Voornamen"] = "Amal", ["Invoer.Achternaam"] = "Haddad", ["Invoer.Nationaliteit"] = "Syrisch",
            ["Invoer.Geboortedatum"] = "2099-01-01", ["Invoer.Bsn"] = Testdata.NieuwBsn(), ["Invoer.Koppelingsdatum"] = "2026-01-05",
        }));
        var samenvatting = new HtmlParser().ParseDocument(await antwoord.Content.ReadAsStringAsync()).QuerySelector("#foutsamenvatting")?.TextContent ?? "";
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(samenvatting, "geboortedatum ligt in de toekomst"));

        var invoer = Testdata.Inburgeraar();
        invoer["geboortedatum"] = "2099-01-01";
        var api = await client.PostJsonAsync("/api/v1/inburgeraars", invoer);
        Assert.Single((await api.LeesAsync())["errors"]!["geboortedatum"]!.AsArray());
    }

    [Fact]
    public async Task Het_lege_coa_formulier_noemt_kies_een_doelgroep_in_de_foutsamenvatting()
    {
        var client = factory.CreateClient();
        var formulier = new HtmlParser().ParseDocument(await client.GetStringAsync("/inburgeraars/nieuw?bron=coa")).QuerySelector("main form[method=post]")!;
        // What the browser sends when nothing is filled in: empty text fields, each select's preselected (or first) option,
        // the hidden fields. A preselected doelgroep would be chosen for the user without a word; the user chooses it.
        static string Gekozen(AngleSharp.Dom.IElement select) =>
            (select.QuerySelector("option[selected]") ?? select.QuerySelector("option"))?.GetAttribute("value") ?? "";
        var velden = formulier.QuerySelectorAll("input[name], select[name], textarea[name]")
            .Where(e => e.GetAttribute("type") is not ("checkbox" or "radio"))
            .Select(e => (Naam: e.GetAttribute("name")!, Waarde: e.TagName == "SELECT" ? Gekozen(e) : e.GetAttribute("type") == "hidden" ? e.GetAttribute("value") ?? "" : ""))
            .ToList();
        var antwoord = await client.PostAsync("/inburgeraars/nieuw", new FormUrlEncodedContent(velden.Select(v => new KeyValuePair<string, string>(v.Naam, v.Waarde))));
        var doc = new HtmlParser().ParseDocument(await antwoord.Content.ReadAsStringAsync());
        var samenvatting = doc.QuerySelector("#foutsamenvatting")?.TextContent ?? "(geen foutsamenvatting)";
        Assert.Contains("Kies een doelgroep", samenvatting);
        Assert.Contains("Vul de achternaam in", samenvatting);
        Assert.NotNull(doc.QuerySelector("#foutsamenvatting a[href='#Invoer_Doelgroep']"));
    }

    /// <summary>
    /// Enum values whose code name is not a Dutch word (PipVastgesteld, B1Route, InUitvoering …): where one reaches the
    /// screen, a developer's name stands where the user expects 'PIP vastgesteld' or 'B1-route'.
    /// </summary>
    private static IEnumerable<string> Codenamen() =>
        Enum.GetValues<Fase>().Select(f => f.ToString())
            .Concat(Enum.GetValues<Leerroute>().Select(l => l.ToString()))
            .Concat(Enum.GetValues<Doelgroep>().Select(d => d.ToString()))
            // A name written together with an inner capital or a digit is code; 'Gevestigd' or 'Intake' is a word.
            .Where(n => System.Text.RegularExpressions.Regex.IsMatch(n, "[a-z][A-Z]|[0-9]|^[A-Z][A-Z]"));

    [Fact]
    public async Task Dossierpaginas_tonen_fase_leerroute_en_doelgroep_in_woorden_niet_als_codenaam()
    {
        var client = factory.ClientAls("sanne.devries@kempen.example");
        // Cases in every phase with a leerroute, so each page has a phase and a route to show.
        var dossiers = factory.MetDatabase(db => db.Inburgeraars.Where(i => i.Leerroute != null && i.Gemeente!.Regio!.Naam.Contains("Kempen"))
            .GroupBy(i => i.Fase).Select(g => g.OrderBy(i => i.Id).First().Id).ToList());
        Assert.NotEmpty(dossiers);
        var namen = Codenamen().ToList();
        Assert.Contains("PipVastgesteld", namen);
        Assert.Contains("B1Route", namen);
        foreach (var id in dossiers)
        {
            foreach (var pad in new[] { "", "/afsluiting", "/pip", "/intake", "/leerbaarheidstoets", "/voortgang", "/handhaving", "/bewerken" })
            {
                using var antwoord = await client.GetAsync($"/inburgeraars/{id}{pad}");
                Assert.True(antwoord.StatusCode == HttpStatusCode.OK, $"/inburgeraars/{id}{pad}: {antwoord.StatusCode}");
                var doc = new HtmlParser().ParseDocument(await antwoord.Content.ReadAsStringAsync());
                foreach (var weg in doc.QuerySelectorAll("script, style, option").ToList()) weg.Remove();
                // Text node by text node: 'Leerroute' in a <dt> and 'ZRoute' in the <dd> must not melt into one word.
                var tekst = string.Join(' ', AngleSharp.Dom.NodeExtensions.GetDescendants(doc.Body!).OfType<AngleSharp.Dom.IText>().Select(t => t.Data));
                foreach (var naam in namen)
                {
                    Assert.False(System.Text.RegularExpressions.Regex.IsMatch(tekst, $@"\b{naam}\b"), $"/inburgeraars/{id}{pad} toont '{naam}'");
                }
            }
        }
    }

    [Fact]
    public async Task Elke_pagina_heeft_een_favicon_dat_bestaat()
    {
        var client = factory.ClientAls(null);
        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync("/inloggen"));
        var href = doc.QuerySelector("link[rel=icon]")?.GetAttribute("href");
        Assert.Equal("/favicon.svg", href);
        using var icoon = await client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, icoon.StatusCode);
        Assert.Equal("image/svg+xml", icoon.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await icoon.Content.ReadAsStringAsync());
    }

    /// <summary>The beheer start page lists the settings for travel/trajectories and the contract signal (reported missing).</summary>
    [Fact]
    public async Task Beheer_startpagina_linkt_naar_logistiek_en_contractsignaal()
    {
        var doc = new HtmlParser().ParseDocument(await factory.ClientAls("beheer@kempen.example").GetStringAsync("/beheer"));
        var links = doc.QuerySelectorAll("#beheeronderdelen a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Contains(("/beheer/logistiek", "Reizen en trajecten"), links);
        Assert.Contains(("/inkoop/producten#signaaltermijn", "Producten en contractsignaal"), links);
    }

    /// <summary>Every link a role sees on its pages opens for that role: no "Uw rol geeft geen toegang", no 404.</summary>
    [Theory]
    [InlineData("beheer@kempen.example", "/beheer", new[] { "/beheer", "/beheer/ontzorgen", "/beheer/geldzaken", "/beheer/voorlopig-plan", "/beheer/handhaving", "/beheer/mandaten", "/beheer/brieven", "/beheer/brieven/PipVaststelling", "/beheer/termijnen", "/beheer/partners", "/beheer/duo", "/beheer/duo/contactpersonen", "/beheer/bewaartermijn", "/beheer/logistiek", "/inkoop/producten" })]
    [InlineData("anouk.vandenberg@kempen.example", "/werkvoorraad", new[] { "/werkvoorraad", "/werkvoorraad/verdelen", "/beheer/ontzorgen/betaalruns", "/monitor", "/beheer/duo", "/inkoop", "/werkgevers" })]
    [InlineData("beleid@kempen.example", "/monitor", new[] { "/monitor", "/inkoop", "/inkoop/producten" })]
    public async Task Geen_doodlopende_links_voor_de_rol(string email, string start, string[] paginas)
    {
        var client = factory.ClientAls(email);
        using (var begin = await client.GetAsync("/"))
        {
            Assert.Equal(start, begin.RequestMessage!.RequestUri!.AbsolutePath);
        }

        var links = new HashSet<string>();
        foreach (var pagina in paginas)
        {
            using var antwoord = await client.GetAsync(pagina);
            Assert.True(antwoord.StatusCode == HttpStatusCode.OK && antwoord.RequestMessage!.RequestUri!.AbsolutePath == pagina,
                $"{email} op {pagina}: {antwoord.StatusCode} {antwoord.RequestMessage!.RequestUri}");
            var doc = new HtmlParser().ParseDocument(await antwoord.Content.ReadAsStringAsync());
            foreach (var a in doc.QuerySelectorAll("a[href^='/']"))
            {
                var href = a.GetAttribute("href")!.Split('#')[0];
                if (href.Length > 0) links.Add(href);
            }
        }

        Assert.Contains(links, l => l != start);
        foreach (var link in links)
        {
            using var antwoord = await client.GetAsync(link);
            var eind = antwoord.RequestMessage!.RequestUri!.AbsolutePath;
            Assert.True(antwoord.StatusCode == HttpStatusCode.OK && eind != "/geen-toegang",
                $"{email}: de link {link} eindigt op {eind} ({(int)antwoord.StatusCode})");
        }
    }
}

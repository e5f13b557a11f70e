using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Koers.Web.Tests.Infrastructure;
using Koers.Web.Tests.Pdf;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Koers.Web.Tests.Handhaving;

/// <summary>
/// The handhaving, afsluiting and ladder screens as a klantregisseur and a beheerder meet them: error summary linking
/// to existing fields, nothing lost on a refused post, the proposal and decision forms, the letter link, closing.
/// </summary>
public abstract class HandhavingSchermTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<IHtmlDocument> PaginaAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static string Token(IHtmlDocument doc, string formSelector) =>
        doc.QuerySelector($"{formSelector} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static void FoutsamenvattingWijstNaarVelden(IHtmlDocument doc)
    {
        var links = doc.QuerySelectorAll("#foutsamenvatting a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.NotNull(doc.GetElementById(href.TrimStart('#'))));
        var ids = doc.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    private async Task<string> DossierAsync(string naam)
    {
        var invoer = Testdata.Inburgeraar(koppelingsdatum: "2026-01-05");
        invoer["achternaam"] = naam;
        var response = await factory.CreateClient().PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.LeesAsync())["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Tekortkoming_voorstel_en_besluit_via_het_scherm()
    {
        var id = await DossierAsync("Scherm");
        var url = $"/inburgeraars/{id}/handhaving";
        var doc = await PaginaAsync(url);
        Assert.Equal("Handhaving", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(url, doc.QuerySelector(".koers-tabs a[aria-current=page]")!.GetAttribute("href"));
        Assert.Equal(4, doc.QuerySelectorAll("#ladderstappen li").Length);

        // Refused: the text typed stays, the summary links to the fields.
        var fout = await _client.PostAsync($"{url}/Tekortkoming", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc, "form[action$=Tekortkoming]"),
            ["Tekortkoming.Verplichting"] = "",
            ["Tekortkoming.Datum"] = "2026-06-01",
            ["Tekortkoming.Omschrijving"] = "Twee keer niet op intake.",
        }));
        Assert.Equal(HttpStatusCode.OK, fout.StatusCode);
        var foutDoc = new HtmlParser().ParseDocument(await fout.Content.ReadAsStringAsync());
        FoutsamenvattingWijstNaarVelden(foutDoc);
        Assert.Equal("Twee keer niet op intake.", foutDoc.GetElementById("Tekortkoming_Omschrijving")!.TextContent);

        var ok = await _client.PostAsync($"{url}/Tekortkoming", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc, "form[action$=Tekortkoming]"),
            ["Tekortkoming.Verplichting"] = "BredeIntakeEnPip",
            ["Tekortkoming.Datum"] = "2026-06-01",
            ["Tekortkoming.Omschrijving"] = "Twee keer niet op intake.",
        }));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        doc = await PaginaAsync(url);
        var voorstel = doc.QuerySelector("[id^=voorstel-]")!;
        Assert.Contains("Voorstel: stap 1, Gesprek over de afspraken", voorstel.TextContent);
        var tid = doc.QuerySelector("form[action$=Besluit] input[name=Actief]")!.GetAttribute("value")!;

        // A decision without reason is refused, with the summary pointing at this form's fields.
        var besluit = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc, "form[action$=Besluit]"),
            ["Actief"] = tid, ["Besluit.Volgorde"] = "1", ["Besluit.Actie"] = "Overslaan", ["Besluit.Datum"] = "2026-06-02", ["Besluit.Reden"] = "",
        };
        var geweigerd = await _client.PostAsync($"{url}/Besluit", new FormUrlEncodedContent(besluit));
        Assert.Equal(HttpStatusCode.OK, geweigerd.StatusCode);
        FoutsamenvattingWijstNaarVelden(new HtmlParser().ParseDocument(await geweigerd.Content.ReadAsStringAsync()));

        besluit["Besluit.Reden"] = "Meteen schriftelijk.";
        Assert.Equal(HttpStatusCode.Redirect, (await _client.PostAsync($"{url}/Besluit", new FormUrlEncodedContent(besluit))).StatusCode);
        doc = await PaginaAsync(url);
        besluit = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc, "form[action$=Besluit]"),
            ["Actief"] = tid, ["Besluit.Volgorde"] = "2", ["Besluit.Actie"] = "Nemen", ["Besluit.Datum"] = "2026-06-03", ["Besluit.Reden"] = "Herinnering sturen.",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await _client.PostAsync($"{url}/Besluit", new FormUrlEncodedContent(besluit))).StatusCode);
        doc = await PaginaAsync(url);
        var brief = doc.QuerySelector("a[href*='/handhaving/Brief']")!;
        Assert.Contains("(PDF)", brief.TextContent);
        var pdf = await _client.GetAsync(brief.GetAttribute("href"));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Twee keer niet op intake.", GelezenPdf.Lees(await pdf.Content.ReadAsByteArrayAsync()).Tekst);
        Assert.Contains("Voorstel: stap 3, Aangetekende waarschuwing", doc.QuerySelector("[id^=voorstel-]")!.TextContent);

        // The letter went out a day later: its sending date is recorded on the screen. Empty is refused with the
        // summary pointing at the field; then the date shows and the form is gone.
        var verzendForm = doc.QuerySelector("form[action$=Verzonden]")!;
        var bid = verzendForm.QuerySelector("input[name=Actief]")!.GetAttribute("value")!;
        var verzending = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc, "form[action$=Verzonden]"), ["Actief"] = bid, ["Verzending.Verzenddatum"] = "",
        };
        var leeg = await _client.PostAsync($"{url}/Verzonden", new FormUrlEncodedContent(verzending));
        Assert.Equal(HttpStatusCode.OK, leeg.StatusCode);
        var leegDoc = new HtmlParser().ParseDocument(await leeg.Content.ReadAsStringAsync());
        FoutsamenvattingWijstNaarVelden(leegDoc);
        Assert.Contains("Vul de datum in waarop de brief is verzonden", leegDoc.QuerySelector("#foutsamenvatting")!.TextContent);
        verzending["Verzending.Verzenddatum"] = "2026-06-04";
        Assert.Equal(HttpStatusCode.Redirect, (await _client.PostAsync($"{url}/Verzonden", new FormUrlEncodedContent(verzending))).StatusCode);
        doc = await PaginaAsync(url);
        Assert.Contains("Verzonden op 4 jun 2026", doc.QuerySelector($"#t-{Guid.Parse(tid):N}")!.TextContent);
        Assert.DoesNotContain(doc.QuerySelectorAll("form[action$=Verzonden] input[name=Actief]"), i => i.GetAttribute("value") == bid);
        Assert.Equal(new DateOnly(2026, 6, 4), factory.MetDatabase(db => db.Set<Koers.Data.Model.Keten.Handhavingsbesluit>().Single(b => b.Id == Guid.Parse(bid)).Verzenddatum));

        // The boete without the circumstances weighed is refused with a Dutch message; what was typed stays.
        besluit = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc, "form[action$=Besluit]"),
            ["Actief"] = tid, ["Besluit.Volgorde"] = "3", ["Besluit.Actie"] = "Nemen", ["Besluit.Datum"] = "2026-06-04", ["Besluit.Reden"] = "Waarschuwen.",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await _client.PostAsync($"{url}/Besluit", new FormUrlEncodedContent(besluit))).StatusCode);
        doc = await PaginaAsync(url);
        Assert.NotNull(doc.QuerySelector("textarea[name='Besluit.Omstandigheden']"));
        besluit = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc, "form[action$=Besluit]"),
            ["Actief"] = tid, ["Besluit.Volgorde"] = "4", ["Besluit.Actie"] = "Nemen", ["Besluit.Datum"] = "2026-06-16",
            ["Besluit.Reden"] = "Na de waarschuwing nog steeds niet gekomen.", ["Besluit.Bevestigd"] = "true", ["Besluit.Omstandigheden"] = "",
        };
        var zonder = await _client.PostAsync($"{url}/Besluit", new FormUrlEncodedContent(besluit));
        Assert.Equal(HttpStatusCode.OK, zonder.StatusCode);
        var zonderDoc = new HtmlParser().ParseDocument(await zonder.Content.ReadAsStringAsync());
        FoutsamenvattingWijstNaarVelden(zonderDoc);
        Assert.Contains("Beschrijf welke persoonlijke omstandigheden u hebt meegewogen", zonderDoc.QuerySelector("#foutsamenvatting")!.TextContent);
        Assert.Equal("Na de waarschuwing nog steeds niet gekomen.", zonderDoc.QuerySelector("textarea[name='Besluit.Reden']")!.TextContent);
        Assert.Equal(3, factory.MetDatabase(db => db.Set<Koers.Data.Model.Keten.Handhavingsbesluit>().Count(b => b.TekortkomingId == Guid.Parse(tid))));
    }

    [Fact]
    public async Task Ladder_beheren_via_het_scherm()
    {
        var doc = await PaginaAsync("/beheer/handhaving?gemeente=GM0770");
        Assert.Equal("Handhavingsladder", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Gesprek over de afspraken", doc.GetElementById("Stappen_0__Naam")!.GetAttribute("value"));
        var velden = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc, "form[method=post]"),
            ["Gemeente"] = "GM0770",
            ["Stappen[0].Soort"] = "Brief", ["Stappen[0].Naam"] = "Brief", ["Stappen[0].ReactietermijnDagen"] = "14", ["Stappen[0].Brieftekst"] = "Beste {naam}.",
            ["Stappen[1].Soort"] = "BoeteWi2021", ["Stappen[1].Naam"] = "Boete", ["Stappen[1].ReactietermijnDagen"] = "42", ["Stappen[1].Brieftekst"] = "Boete {bedrag}.", ["Stappen[1].Bedrag"] = "veel",
            ["Stappen[2].Soort"] = "Contact", ["Stappen[2].Naam"] = "", ["Stappen[2].Brieftekst"] = "",
        };
        var fout = await _client.PostAsync("/beheer/handhaving", new FormUrlEncodedContent(velden));
        Assert.Equal(HttpStatusCode.OK, fout.StatusCode);
        var foutDoc = new HtmlParser().ParseDocument(await fout.Content.ReadAsStringAsync());
        FoutsamenvattingWijstNaarVelden(foutDoc);
        Assert.Equal("veel", foutDoc.GetElementById("Stappen_1__Bedrag")!.GetAttribute("value"));

        velden["Stappen[1].Bedrag"] = "275,50";
        Assert.Equal(HttpStatusCode.Redirect, (await _client.PostAsync("/beheer/handhaving", new FormUrlEncodedContent(velden))).StatusCode);
        var ladder = await (await factory.CreateClient().GetAsync("/api/v1/handhaving/ladder/GM0770")).LeesAsync();
        Assert.Equal(2, ladder["stappen"]!.AsArray().Count);
        Assert.Equal(275.50m, ladder["stappen"]![1]!["bedrag"]!.GetValue<decimal>());
        var regisseur = await factory.ClientAls("sanne.devries@kempen.example", volgRedirects: false).GetAsync("/beheer/handhaving");
        Assert.NotEqual(HttpStatusCode.OK, regisseur.StatusCode); // a klantregisseur does not manage the ladder
    }

    [Fact]
    public async Task Afsluiten_via_het_scherm_eenmaal()
    {
        var id = await DossierAsync("Afsluitscherm");
        var url = $"/inburgeraars/{id}/afsluiting";
        var doc = await PaginaAsync(url);
        Assert.Equal("Afsluiting", doc.QuerySelector("h1")!.TextContent.Trim());
        var velden = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc, "form[action$=Afsluiten]"),
            ["Afsluiting.Soort"] = "Verhuisd", ["Afsluiting.Datum"] = "2026-06-01", ["Afsluiting.Toelichting"] = "Naar familie.", ["Afsluiting.NieuweGemeente"] = "",
        };
        var fout = await _client.PostAsync($"{url}/Afsluiten", new FormUrlEncodedContent(velden));
        Assert.Equal(HttpStatusCode.OK, fout.StatusCode);
        var foutDoc = new HtmlParser().ParseDocument(await fout.Content.ReadAsStringAsync());
        FoutsamenvattingWijstNaarVelden(foutDoc);
        Assert.Equal("Naar familie.", foutDoc.GetElementById("Afsluiting_Toelichting")!.TextContent);

        velden["Afsluiting.NieuweGemeente"] = "Eindhoven";
        Assert.Equal(HttpStatusCode.Redirect, (await _client.PostAsync($"{url}/Afsluiten", new FormUrlEncodedContent(velden))).StatusCode);
        doc = await PaginaAsync(url);
        Assert.Contains("Verhuisd naar een andere gemeente", doc.GetElementById("afgesloten")!.TextContent);
        Assert.Null(doc.QuerySelector("form[action$=Afsluiten]"));
        var zip = await _client.GetAsync(doc.QuerySelector("a[href$='/afsluiting/Overdracht']")!.GetAttribute("href"));
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientAls("fleur.hendriks@weert.example").GetAsync(url)).StatusCode);
    }
}

public sealed class SqliteHandhavingSchermTests(SqliteFactory factory) : HandhavingSchermTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresHandhavingSchermTests(PostgresFactory factory) : HandhavingSchermTests(factory), IClassFixture<PostgresFactory>;

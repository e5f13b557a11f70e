using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Koers.Domain.Clock;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Werkvoorraad;

/// <summary>
/// Termijnsignalering per gemeente (#25): functioneel beheer sets at /beheer/termijnen how many days ahead each kind of
/// deadline turns orange. Two cases with the same PIP deadline (24 days ahead), one in Bergeijk and one in Bladel: by
/// default (14 days) neither is on the worklist nor orange on the case page; with Bergeijk's PIP setting at 30 days the
/// Bergeijk case is on the worklist and orange, the Bladel case still not. Audited, validated, beheer only.
/// </summary>
public abstract class TermijnsignaleringTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<Guid> DossierAsync(string achternaam, string gemeente)
    {
        var invoer = Testdata.Inburgeraar(gemeente: gemeente);
        invoer["achternaam"] = achternaam;
        var antwoord = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, antwoord.StatusCode);
        var id = (await antwoord.LeesAsync())["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = "2026-05-01" })).StatusCode);
        return Guid.Parse(id);
    }

    private async Task<IHtmlDocument> PaginaAsync(string url)
    {
        var antwoord = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        return new HtmlParser().ParseDocument(await antwoord.Content.ReadAsStringAsync());
    }

    private async Task<bool> OpWerkvoorraadAsync(Guid id, string gemeente)
    {
        var doc = await PaginaAsync($"/werkvoorraad?gemeente={gemeente}&termijn=PipVaststelling");
        return doc.QuerySelectorAll("a[href]").Any(a => a.GetAttribute("href") == $"/inburgeraars/{id}");
    }

    private async Task<string> PipKlasseAsync(Guid id)
    {
        var doc = await PaginaAsync($"/inburgeraars/{id}");
        return doc.QuerySelector("#termijnen tr[data-termijn=PipVaststelling] .koers-status")!.ClassName!;
    }

    private static FormUrlEncodedContent Formulier(IHtmlDocument doc, string gemeente, params (string Code, string Dagen)[] dagen) =>
        new([
            new("__RequestVerificationToken", doc.QuerySelector("#signaleringformulier input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Gemeente", gemeente),
            .. dagen.Select(d => new KeyValuePair<string, string>($"Dagen[{d.Code}]", d.Dagen)),
        ]);

    [Fact]
    public async Task Instelling_van_een_gemeente_maakt_alleen_haar_eigen_dossier_oranje()
    {
        var bergeijk = await DossierAsync("Signaal-Bergeijk", "GM1724");
        var bladel = await DossierAsync("Signaal-Bladel", "GM1728");
        var vervaldatum = factory.MetDatabase(db => db.Termijnen.AsNoTracking()
            .Where(t => t.InburgeraarId == bergeijk && t.Code == TermijnCode.PipVaststelling).Select(t => t.Vervaldatum).Single());
        Assert.Equal(new DateOnly(2026, 7, 10), vervaldatum); // 10 weeks after the BRP registration: 24 days after 16 June
        Assert.Equal(vervaldatum, factory.MetDatabase(db => db.Termijnen.AsNoTracking()
            .Where(t => t.InburgeraarId == bladel && t.Code == TermijnCode.PipVaststelling).Select(t => t.Vervaldatum).Single()));

        // Default (14 days, as before): not yet on the worklist, not orange on the case page.
        Assert.False(await OpWerkvoorraadAsync(bergeijk, "GM1724"));
        Assert.False(await OpWerkvoorraadAsync(bladel, "GM1728"));
        Assert.Contains("koers-status--neutraal", await PipKlasseAsync(bergeijk));
        Assert.Contains("koers-status--neutraal", await PipKlasseAsync(bladel));

        var doc = await PaginaAsync("/beheer/termijnen?gemeente=GM1724");
        Assert.Equal("14", doc.GetElementById("Dagen_PipVaststelling_")!.GetAttribute("value"));
        var opgeslagen = await _client.PostAsync("/beheer/termijnen?gemeente=GM1724", Formulier(doc, "GM1724", ("PipVaststelling", "30")));
        Assert.Equal(HttpStatusCode.Redirect, opgeslagen.StatusCode);
        var na = await PaginaAsync(opgeslagen.Headers.Location!.OriginalString);
        Assert.Equal("30", na.GetElementById("Dagen_PipVaststelling_")!.GetAttribute("value"));
        Assert.Contains("De termijnsignalering is opgeslagen.", na.GetElementById("signalering-melding")!.TextContent);

        // Bergeijk's case turns orange and appears on the worklist; Bladel's identical case does not.
        Assert.True(await OpWerkvoorraadAsync(bergeijk, "GM1724"));
        Assert.Contains("koers-status--open", await PipKlasseAsync(bergeijk));
        Assert.False(await OpWerkvoorraadAsync(bladel, "GM1728"));
        Assert.Contains("koers-status--neutraal", await PipKlasseAsync(bladel));
        // Also on the unfiltered worklist (all municipalities in reach at once) each case follows its own municipality.
        var alles = await PaginaAsync("/werkvoorraad?termijn=PipVaststelling&signaal=Binnenkort");
        var links = alles.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/inburgeraars/{bergeijk}", links);
        Assert.DoesNotContain($"/inburgeraars/{bladel}", links);

        var audit = factory.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.Omschrijving.StartsWith("Termijnsignalering gemeente")).ToList());
        var regel = Assert.Single(audit);
        Assert.Equal("Termijnsignalering gemeente Bergeijk: PIP vaststellen (10 weken) 14 → 30 dagen vooraf", regel.Omschrijving);
        Assert.Equal(KoersFactory.TestGebruiker, regel.Gebruiker);

        // Back to 10 days: Bergeijk's case drops off again.
        doc = await PaginaAsync("/beheer/termijnen?gemeente=GM1724");
        Assert.Equal(HttpStatusCode.Redirect, (await _client.PostAsync("/beheer/termijnen?gemeente=GM1724", Formulier(doc, "GM1724", ("PipVaststelling", "10")))).StatusCode);
        Assert.False(await OpWerkvoorraadAsync(bergeijk, "GM1724"));
        Assert.Contains("koers-status--neutraal", await PipKlasseAsync(bergeijk));
    }

    [Fact]
    public async Task Onjuiste_invoer_geeft_een_foutsamenvatting_en_houdt_wat_getypt_is()
    {
        var doc = await PaginaAsync("/beheer/termijnen?gemeente=GM0770");
        var fout = await _client.PostAsync("/beheer/termijnen?gemeente=GM0770", Formulier(doc, "GM0770", ("Voortgangsgesprek", "veertig"), ("Bezwaartermijn", "400"), ("Hercontact", "21")));
        var pagina = new HtmlParser().ParseDocument(await fout.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, fout.StatusCode);
        var links = pagina.QuerySelectorAll("#foutsamenvatting a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(["#Dagen_Bezwaartermijn_", "#Dagen_Voortgangsgesprek_"], links.Order());
        Assert.All(links, l => Assert.NotNull(pagina.GetElementById(l.TrimStart('#'))));
        Assert.Contains("vul een heel aantal dagen in van 0 tot en met 365", pagina.GetElementById("foutsamenvatting")!.TextContent);
        Assert.Equal("veertig", pagina.GetElementById("Dagen_Voortgangsgesprek_")!.GetAttribute("value"));
        Assert.Equal("21", pagina.GetElementById("Dagen_Hercontact_")!.GetAttribute("value"));
        // Nothing saved, not even the valid value.
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Data.Model.Termijnsignalering>().Count(s => s.GemeenteId == db.Gemeenten.Single(g => g.Code == "GM0770").Id)));
    }

    [Fact]
    public async Task Alleen_functioneel_beheer_van_de_eigen_regio()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("sanne.devries@kempen.example", volgRedirects: false).GetAsync("/beheer/termijnen")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("anouk.vandenberg@kempen.example", volgRedirects: false).GetAsync("/beheer/termijnen")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/beheer/termijnen?gemeente=GM0988")).StatusCode); // Weert: outside the reach
        var doc = await PaginaAsync("/beheer/termijnen");
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/beheer/termijnen", Formulier(doc, "GM0988", ("PipVaststelling", "60")))).StatusCode);
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Data.Model.Termijnsignalering>().Count(s => s.GemeenteId == db.Gemeenten.Single(g => g.Code == "GM0988").Id)));
    }
}

public sealed class SqliteTermijnsignaleringTests(SqliteFactory factory) : TermijnsignaleringTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresTermijnsignaleringTests(PostgresFactory factory) : TermijnsignaleringTests(factory), IClassFixture<PostgresFactory>;

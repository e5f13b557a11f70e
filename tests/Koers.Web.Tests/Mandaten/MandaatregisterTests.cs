using System.Net;
using AngleSharp.Html.Parser;
using Koers.Web.Tests.Infrastructure;
using Koers.Web.Tests.Pdf;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Koers.Web.Tests.Mandaten;

/// <summary>
/// The mandate register (Awb 10:10): the functioneel beheerder sets per municipality and decision kind who signs;
/// letters made afterwards say "namens het college" with that name and function; changes are audited; a kind without a
/// signatory shows a message to the beheerder; others cannot change it. Uses GM1724 (Bergeijk).
/// </summary>
public abstract class MandaatregisterTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> PipVastgesteldAsync(string naam)
    {
        var invoer = Testdata.Inburgeraar(koppelingsdatum: "2026-03-02");
        invoer["achternaam"] = naam;
        var id = (await (await _client.PostJsonAsync("/api/v1/koppelingen", invoer)).LeesAsync())["id"]!.GetValue<string>();
        await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = "2026-04-14" });
        await Testdata.IntakeVolledigAsync(_client, id);
        await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/leerbaarheidstoets", new { aangemeld = "2026-04-20", afgenomen = "2026-05-06", afnemer = "Afnemer", score = 30 });
        await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/pip/concept", new
        {
            leerroute = "b1Route", knm = true, pvt = true, map = true, participatie = "vrijwilligerswerk", maatschappelijkeBegeleiding = true, ontzorgen = true,
            hoofddoel = "betaaldWerken", subdoelen = new[] { "Ik werk als kok" }, aanbieder = "Taalschool De Brug", geplandeStart = "2026-07-01",
        });
        var vastgesteld = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/pip/vaststellen", new { dagtekening = "2026-06-15", verzenddatum = "2026-06-15" });
        Assert.Equal(HttpStatusCode.Created, vastgesteld.StatusCode);
        return (await vastgesteld.LeesAsync())["url"]!.GetValue<string>();
    }

    [Fact]
    public async Task Brief_ondertekent_namens_het_college_met_naam_en_functie_uit_het_register()
    {
        // Not yet registered: the beheerder sees which decision kinds lack a signatory; the letter is signed by the college.
        var leeg = await (await _client.GetAsync("/api/v1/beheer/mandaten/GM1724")).LeesAsync();
        Assert.Equal(4, leeg["meldingen"]!.AsArray().Count);
        Assert.Contains("PIP-beschikking", leeg["meldingen"]![0]!.GetValue<string>());
        Assert.Contains("nog geen gemandateerde ondertekenaar", leeg["meldingen"]![0]!.GetValue<string>());
        var zonder = GelezenPdf.Lees(await _client.GetByteArrayAsync(await PipVastgesteldAsync("Zondermandaat")));
        Assert.Contains("Met vriendelijke groet, het college van burgemeester en wethouders van Bergeijk", zonder.Tekst);
        Assert.DoesNotContain("namens", zonder.Tekst);

        // Half a row (name without function) is refused per field; nothing stored.
        var half = await _client.PutJsonAsync("/api/v1/beheer/mandaten/GM1724", new { regels = new[] { new { soort = "pipBeschikking", naam = "Joëlle van Dijk", functie = "" } } });
        Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
        Assert.NotNull((await half.LeesAsync())["errors"]!["regels[0].functie"]);

        var opgeslagen = await _client.PutJsonAsync("/api/v1/beheer/mandaten/GM1724",
            new { regels = new[] { new { soort = "pipBeschikking", naam = "Joëlle van Dijk", functie = "teamleider Inburgering" } } });
        Assert.Equal(HttpStatusCode.OK, opgeslagen.StatusCode);
        var register = await opgeslagen.LeesAsync();
        Assert.Equal(3, register["meldingen"]!.AsArray().Count); // handhaving and ontzorgen kinds still without a signatory
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/beheer/mandaten?gemeente=GM1724")).StatusCode);
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync("/beheer/mandaten?gemeente=GM1724"));
        Assert.Contains("Handhaving: boete of maatregel: er is nog geen gemandateerde ondertekenaar", pagina.GetElementById("ontbrekende-mandaten")!.TextContent);

        var met = GelezenPdf.Lees(await _client.GetByteArrayAsync(await PipVastgesteldAsync("Metmandaat")));
        Assert.Contains("Met vriendelijke groet, namens het college van burgemeester en wethouders van Bergeijk, Joëlle van Dijk teamleider Inburgering", met.Tekst);

        var audit = factory.MetDatabase(db => db.Audit.Where(a => a.Omschrijving.StartsWith("Mandaatregister gemeente Bergeijk")).Select(a => a.Omschrijving).ToList());
        Assert.Contains(audit, a => a.Contains("Joëlle van Dijk (teamleider Inburgering)"));
    }

    [Fact]
    public async Task Alleen_de_functioneel_beheerder_van_de_gemeente_wijzigt_het_register()
    {
        var klantregisseur = factory.ClientAls("sanne.devries@kempen.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await klantregisseur.PutJsonAsync("/api/v1/beheer/mandaten/GM1724",
            new { regels = new[] { new { soort = "sanctie", naam = "X", functie = "Y" } } })).StatusCode);
        var beheerPagina = await factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/beheer/mandaten?gemeente=GM0988");
        Assert.Equal(HttpStatusCode.NotFound, beheerPagina.StatusCode); // Weert: outside the reach
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PutJsonAsync("/api/v1/beheer/mandaten/GM0988",
            new { regels = new[] { new { soort = "sanctie", naam = "X", functie = "Y" } } })).StatusCode);
    }
}

public sealed class SqliteMandaatregisterTests(SqliteFactory factory) : MandaatregisterTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresMandaatregisterTests(PostgresFactory factory) : MandaatregisterTests(factory), IClassFixture<PostgresFactory>;

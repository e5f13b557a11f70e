using System.Net;
using AngleSharp.Html.Parser;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Pip;

/// <summary>
/// The voorlopig plan (pre-PIP) end to end: made in the AZC where the municipality uses it, never a beschikking, no
/// DUO message, no PIP version; after BRP inschrijving it is taken over as the draft PIP.
/// </summary>
public abstract class VoorlopigPlanTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> DossierAsync(string gemeente, string naam)
    {
        var invoer = Testdata.Inburgeraar(gemeente: gemeente, koppelingsdatum: "2026-05-04");
        invoer["achternaam"] = naam;
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.LeesAsync())["id"]!.GetValue<string>();
    }

    private static readonly object Plan = new { leerroute = "b1Route", hoofddoel = "betaaldWerken", aanbieder = "Taalles op het AZC", knm = true, pvt = true, map = false };

    [Fact]
    public async Task Voorlopig_plan_in_het_azc_en_daarna_overnemen_als_concept_pip()
    {
        var id = await DossierAsync("GM1724", "Voorlopig");
        var opgeslagen = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/pip/voorlopig", Plan);
        Assert.True(opgeslagen.StatusCode == HttpStatusCode.OK, await opgeslagen.Content.ReadAsStringAsync());
        var plan = await opgeslagen.LeesAsync();
        Assert.Equal("voorlopig", plan["soort"]!.GetValue<string>());
        Assert.False(plan["isBeschikking"]!.GetValue<bool>());
        Assert.Equal("Taalles op het AZC", plan["inhoud"]!["aanbieder"]!.GetValue<string>());

        var guid = Guid.Parse(id);
        Assert.Equal((0, 0, 0), factory.MetDatabase(db => (db.PipVersies.Count(p => p.InburgeraarId == guid), db.Beschikkingen.Count(b => b.InburgeraarId == guid),
            db.DuoUitgaandeBerichten.Count(b => b.InburgeraarId == guid))));
        var termijn = (await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/termijnen")).LeesAsync())["termijnen"]!.AsArray()
            .Single(t => t!["code"]!.GetValue<string>() == "inburgeringstermijn")!;
        Assert.Null(termijn["vervaldatum"]);

        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/pip/voorlopig"));
        Assert.Equal("voorlopig · geen besluit", pagina.QuerySelector("#label-voorlopig")!.TextContent);
        Assert.Contains("geen beschikking", pagina.QuerySelector("#VoorlopigPlan")!.TextContent);
        Assert.Null(pagina.QuerySelector("#overnemen-formulier"));

        var teVroeg = await _client.PostAsync($"/api/v1/inburgeraars/{id}/pip/voorlopig/overnemen", null);
        Assert.Equal(HttpStatusCode.BadRequest, teVroeg.StatusCode);
        Assert.Contains("nog niet ingeschreven in de BRP", (await teVroeg.LeesAsync())["errors"]!["voorlopigPlan"]![0]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = "2026-06-08" })).StatusCode);
        var naBrp = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/pip/voorlopig", Plan);
        Assert.Equal(HttpStatusCode.BadRequest, naBrp.StatusCode);
        Assert.Contains("ingeschreven in de BRP: stel nu het PIP vast", (await naBrp.LeesAsync())["errors"]!["voorlopigPlan"]![0]!.GetValue<string>());

        var over = await _client.PostAsync($"/api/v1/inburgeraars/{id}/pip/voorlopig/overnemen", null);
        Assert.True(over.StatusCode == HttpStatusCode.OK, await over.Content.ReadAsStringAsync());
        var pip = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/pip")).LeesAsync();
        Assert.Equal("b1Route", pip["concept"]!["leerroute"]!.GetValue<string>());
        Assert.Equal("Taalles op het AZC", pip["concept"]!["inhoud"]!["aanbieder"]!.GetValue<string>());
        Assert.Equal((0, 0), factory.MetDatabase(db => (db.Beschikkingen.Count(b => b.InburgeraarId == guid), db.DuoUitgaandeBerichten.Count(b => b.InburgeraarId == guid))));
        Assert.Contains(factory.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.InburgeraarId == guid).Select(a => a.Omschrijving).ToList()),
            o => o == "Voorlopig plan overgenomen als concept-PIP");
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsync($"/api/v1/inburgeraars/{id}/pip/voorlopig/overnemen", null)).StatusCode); // a draft exists now
    }

    [Fact]
    public async Task Gemeente_zonder_voorlopig_plan_weigert_en_alleen_dossierwerk_binnen_bereik()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("sanne.devries@kempen.example").PutJsonAsync("/api/v1/pip/instellingen/GM1667", new { voorlopigPlan = false })).StatusCode);
        var uit = await _client.PutJsonAsync("/api/v1/pip/instellingen/GM1667", new { voorlopigPlan = false });
        Assert.Equal(HttpStatusCode.OK, uit.StatusCode);
        Assert.False((await uit.LeesAsync())["voorlopigPlan"]!.GetValue<bool>());
        var id = await DossierAsync("GM1667", "Geenvoorlopig");
        var geweigerd = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/pip/voorlopig", Plan);
        Assert.Equal(HttpStatusCode.BadRequest, geweigerd.StatusCode);
        Assert.Contains("maakt geen voorlopig plan", (await geweigerd.LeesAsync())["errors"]!["voorlopigPlan"]![0]!.GetValue<string>());
        Assert.False(factory.MetDatabase(db => db.Set<Data.Model.VoorlopigPlan>().Any(p => p.InburgeraarId == Guid.Parse(id))));

        var kempen = await DossierAsync("GM1724", "Bereikvoorlopig");
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientAls("fleur.hendriks@weert.example").GetAsync($"/api/v1/inburgeraars/{kempen}/pip/voorlopig")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("partner@taalschool.example").GetAsync($"/api/v1/inburgeraars/{kempen}/pip/voorlopig")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("inburgeraar@demo.example").GetAsync($"/api/v1/inburgeraars/{kempen}/pip/voorlopig")).StatusCode);
    }

    [Fact]
    public async Task Beheer_zet_het_voorlopig_plan_per_gemeente_aan_en_uit_op_het_scherm()
    {
        var beheer = factory.ClientAls("beheer@kempen.example", volgRedirects: false);
        var parser = new HtmlParser();
        var doc = parser.ParseDocument(await beheer.GetStringAsync("/beheer/voorlopig-plan?gemeente=GM1728"));
        Assert.Equal("Gemeente Bladel", doc.QuerySelector("form[method=post] h2")!.TextContent.Trim());
        Assert.Contains("aan", doc.QuerySelector("#voorlopig-stand strong")!.TextContent); // Kempen default
        var token = doc.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // No choice: refused at the field, nothing changed.
        var fout = await beheer.PostAsync("/beheer/voorlopig-plan", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Gemeente"] = "GM1728" }));
        Assert.Equal(HttpStatusCode.OK, fout.StatusCode);
        var foutDoc = parser.ParseDocument(await fout.Content.ReadAsStringAsync());
        Assert.Contains("Kies of de gemeente een voorlopig plan maakt", foutDoc.QuerySelector("#VoorlopigPlan .utrecht-form-field-error-message")!.TextContent);
        Assert.Null(factory.MetDatabase(db => db.Gemeenten.AsNoTracking().Single(g => g.Code == "GM1728").VoorlopigPlan));

        var uit = await beheer.PostAsync("/beheer/voorlopig-plan", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Gemeente"] = "GM1728", ["VoorlopigPlan"] = "false" }));
        Assert.Equal(HttpStatusCode.Redirect, uit.StatusCode);
        Assert.False(factory.MetDatabase(db => db.Gemeenten.AsNoTracking().Single(g => g.Code == "GM1728").VoorlopigPlan));
        Assert.Contains(factory.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.InburgeraarId == null).Select(a => a.Omschrijving).ToList()),
            o => o == "PIP: voorlopig plan voor gemeente Bladel uitgezet (was aan)");
        doc = parser.ParseDocument(await beheer.GetStringAsync("/beheer/voorlopig-plan?gemeente=GM1728"));
        Assert.Contains("uit", doc.QuerySelector("#voorlopig-stand strong")!.TextContent);
        Assert.Contains("door beheer ingesteld", doc.QuerySelector("#voorlopig-stand")!.TextContent);
        Assert.Equal("false", doc.QuerySelector("input[name=VoorlopigPlan][checked]")!.GetAttribute("value"));
        Assert.False((await (await factory.CreateClient().GetAsync("/api/v1/pip/instellingen/GM1728")).LeesAsync())["voorlopigPlan"]!.GetValue<bool>());

        // A municipality outside the beheerder's reach is unknown; a klantregisseur does not get the page.
        Assert.Equal(HttpStatusCode.NotFound, (await beheer.GetAsync("/beheer/voorlopig-plan?gemeente=GM0988")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await factory.ClientAls("sanne.devries@kempen.example", volgRedirects: false).GetAsync("/beheer/voorlopig-plan?gemeente=GM1728")).StatusCode);
        Assert.Contains("/beheer/voorlopig-plan", await beheer.GetStringAsync("/beheer"));
    }

    [Fact]
    public void Demodata_heeft_voorlopige_plannen_voor_mensen_in_het_azc()
    {
        var plannen = factory.MetDatabase(db => db.Set<Data.Model.VoorlopigPlan>().AsNoTracking().Where(p => p.GewijzigdDoor == "demodata")
            .Join(db.Inburgeraars, p => p.InburgeraarId, i => i.Id, (p, i) => new { i.AzcLocatie, Brp = i.Mijlpalen.Any(m => m.Soort == Koers.Domain.Dossier.Mijlpaal.BrpInschrijving) }).ToList());
        Assert.NotEmpty(plannen);
        Assert.All(plannen, p => Assert.True(p.AzcLocatie is not null && !p.Brp));
    }
}

public sealed class SqliteVoorlopigPlanTests(SqliteFactory factory) : VoorlopigPlanTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresVoorlopigPlanTests(PostgresFactory factory) : VoorlopigPlanTests(factory), IClassFixture<PostgresFactory>;

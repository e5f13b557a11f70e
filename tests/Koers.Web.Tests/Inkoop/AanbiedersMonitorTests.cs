using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Inkoop;

/// <summary>
/// Provider performance as a tab of the monitor (issue #23, outside probe: it was only reached by a link from the monitor).
/// The same base data as the other provider tests (<see cref="Bouw"/>): ten Bergeijk persons in a language trajectory at one
/// partner (two route switches, one afschaling) and three at a small partner.
/// </summary>
public abstract partial class AanbiedersTests
{
    private static IElement? MonitorRij(IDocument doc, int partner) => doc.QuerySelector($"#tabel-aanbieders tr[data-rij='{partner}']");

    private static string CelTekst(IElement rij, string kolom) => rij.QuerySelector($"td[data-kolom='{kolom}']")!.TextContent.Replace("dossiers tonen", "").Trim();

    [Fact]
    public async Task Monitor_toont_prestaties_per_aanbieder_met_kleine_aantallen_verborgen_en_doorklik_voor_de_teamleider()
    {
        var b = Bouw();
        var teamleider = factory.ClientAls(Teamleider);
        // The overview offers the tab; the tab is part of /monitor, under the monitor's filter form.
        var overzicht = new HtmlParser().ParseDocument(await teamleider.GetStringAsync("/monitor"));
        Assert.Contains("tab=aanbieders", overzicht.QuerySelector("#monitor-tabs a#tab-aanbieders")!.GetAttribute("href"), StringComparison.Ordinal);

        var doc = new HtmlParser().ParseDocument(await teamleider.GetStringAsync("/monitor?jaar=2026&tab=aanbieders"));
        Assert.NotNull(doc.QuerySelector("form.koers-monitor-filter input[name='tab'][value='aanbieders']"));
        var rij = MonitorRij(doc, b.Partner)!;
        Assert.Equal(b.Naam, rij.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal("10", CelTekst(rij, "inTraject"));
        // Drill-down from the number to the persons behind it, for the verantwoordingsjaar of the chosen period.
        Assert.Equal($"/inkoop/aanbieders/{b.Partner}?jaar=2026", rij.QuerySelector("td[data-kolom='inTraject'] a")!.GetAttribute("href"));
        Assert.Equal($"/inkoop/aanbieders/{b.Partner}?jaar=2026", rij.QuerySelector("td[data-kolom='personen'] a")!.GetAttribute("href"));
        // Two route switches and one afschaling: small numbers, hidden, without a link.
        Assert.Equal("<5", CelTekst(rij, "routewissels"));
        Assert.Equal("<5", CelTekst(rij, "afschalingen"));
        Assert.NotNull(rij.QuerySelector("td[data-kolom='routewissels'] .koers-monitor-verborgen"));
        Assert.Null(rij.QuerySelector("td[data-kolom='routewissels'] a"));
        // Five of the partner's ten results passed, plus the DUO result attributed to it (passed).
        Assert.Equal("6 / 11", CelTekst(rij, "examens"));

        // The small partner (three persons): its count hidden and no drill-down from it.
        var klein = MonitorRij(doc, b.Klein)!;
        Assert.Equal("<5", CelTekst(klein, "inTraject"));
        Assert.Null(klein.QuerySelector("td[data-kolom='inTraject'] a"));

        // The drill-down lists exactly the persons behind the 10.
        var pagina = new HtmlParser().ParseDocument(await teamleider.GetStringAsync($"/inkoop/aanbieders/{b.Partner}?jaar=2026"));
        Assert.Equal(b.Personen.OrderBy(x => x), pagina.QuerySelectorAll("#personentabel tr[data-persoon]").Select(r => Guid.Parse(r.GetAttribute("data-persoon")!)).OrderBy(x => x));

        // An unknown tab is not the overview in disguise.
        Assert.Equal(HttpStatusCode.NotFound, (await teamleider.GetAsync("/monitor?tab=bestaat-niet")).StatusCode);
    }

    [Fact]
    public async Task Monitorfilter_gemeente_en_leerroute_gelden_voor_de_prestaties_per_aanbieder()
    {
        var b = Bouw();
        var teamleider = factory.ClientAls(Teamleider);
        async Task<string> InTraject(string query) =>
            CelTekst(MonitorRij(new HtmlParser().ParseDocument(await teamleider.GetStringAsync($"/monitor?jaar=2026&tab=aanbieders&{query}")), b.Partner)!, "inTraject");

        // All ten live in Bergeijk.
        Assert.Equal("10", await InTraject("gemeente=GM1724"));
        Assert.Equal("0", await InTraject("gemeente=GM1728"));
        // All ten are on the Z-route.
        Assert.Equal("10", await InTraject("leerroute=ZRoute"));
        Assert.Equal("0", await InTraject("leerroute=B1Route"));
        // Another region's municipality is refused by the monitor's filter, not silently widened.
        Assert.Equal(HttpStatusCode.BadRequest, (await teamleider.GetAsync("/monitor?jaar=2026&tab=aanbieders&gemeente=GM0988")).StatusCode);
    }

    [Fact]
    public async Task Beleid_ziet_in_de_monitor_alleen_cijfers_Weert_ziet_Kempen_niet_en_een_partner_komt_er_niet_in()
    {
        var b = Bouw();
        // The policy officer of the Kempen: the figures, no names behind them.
        var beleid = factory.ClientAls(Beleid);
        var doc = new HtmlParser().ParseDocument(await beleid.GetStringAsync("/monitor?jaar=2026&tab=aanbieders"));
        var rij = MonitorRij(doc, b.Partner)!;
        Assert.Equal("10", CelTekst(rij, "inTraject"));
        Assert.Null(rij.QuerySelector("a"));
        Assert.Null(rij.QuerySelector("td[data-kolom='personen']"));
        Assert.Contains("U ziet alleen cijfers", doc.QuerySelector("#tabel-aanbieders")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await beleid.GetAsync($"/inkoop/aanbieders/{b.Partner}")).StatusCode);

        // Weert: neither its policy officer nor its team lead sees the Kempen partner, and the team lead cannot open its persons.
        foreach (var (email, rol) in new[] { (WeertBeleid, Rollen.Beleidsmedewerker), ("teamleider.aanbieders@weert.example", Rollen.Teamleider) })
        {
            var weert = factory.ClientAls(WeertGebruiker(email, rol));
            var wdoc = new HtmlParser().ParseDocument(await weert.GetStringAsync("/monitor?jaar=2026&tab=aanbieders"));
            Assert.NotNull(wdoc.QuerySelector("#tabblad-aanbieders"));
            Assert.Null(MonitorRij(wdoc, b.Partner));
            Assert.DoesNotContain(b.Naam, wdoc.Body!.TextContent);
            Assert.NotEqual(HttpStatusCode.OK, (await weert.GetAsync($"/inkoop/aanbieders/{b.Partner}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientAls(WeertGebruiker("teamleider.aanbieders@weert.example", Rollen.Teamleider)).GetAsync($"/inkoop/aanbieders/{b.Partner}")).StatusCode);

        // A partner and a klantregisseur do not get into the monitor, nor to the persons.
        foreach (var wie in new[] { "partner@taalschool.example", Klantregisseur })
        {
            var c = factory.ClientAls(wie, volgRedirects: false);
            Assert.NotEqual(HttpStatusCode.OK, (await c.GetAsync("/monitor?tab=aanbieders")).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await c.GetAsync($"/inkoop/aanbieders/{b.Partner}")).StatusCode);
        }
    }

    private string WeertGebruiker(string email, string rol)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        if (users.FindByEmailAsync(email).GetAwaiter().GetResult() is not null) return email;
        var db = scope.ServiceProvider.GetRequiredService<Data.KoersDbContext>();
        var weert = db.Gemeenten.Single(g => g.Code == "GM0988");
        var g = new Gebruiker { UserName = email, Email = email, Weergavenaam = $"Weert {rol}", GemeenteId = weert.Id };
        Assert.True(users.CreateAsync(g).GetAwaiter().GetResult().Succeeded);
        Assert.True(users.AddToRoleAsync(g, rol).GetAwaiter().GetResult().Succeeded);
        return email;
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Koers.Web.Tests.Infrastructure;

namespace Koers.Web.Tests.Monitor;

/// <summary>
/// The budget amounts are a count × a published amount per person: next to a hidden count ("&lt;5" or "x") the amount
/// would give the count away (amount / price). Outside probe, December 2026.
/// </summary>
public sealed class MonitorBudgetOnthullingTests(SqliteMonitorFixture fixture) : IClassFixture<SqliteMonitorFixture>
{
    private const string Beleid = "beleid@kempen.example";

    private HttpClient ClientAls(string email)
    {
        var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.Remove(Koers.Web.Features.Beveiliging.TestAuthenticatie.Header);
        client.DefaultRequestHeaders.Add(Koers.Web.Features.Beveiliging.TestAuthenticatie.Header, email);
        return client;
    }

    private static async Task<JsonNode> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var tekst = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, tekst);
        return JsonNode.Parse(tekst)!;
    }

    private static IEnumerable<(string Rij, string Kolom, JsonNode Cel)> Cellen(JsonNode o, string tabel)
    {
        var t = MonitorJson.Tabel(o, tabel);
        var kolommen = t["kolommen"]!.AsArray().Select(k => k!["sleutel"]!.GetValue<string>()).ToList();
        foreach (var r in t["rijen"]!.AsArray())
        {
            for (var k = 0; k < kolommen.Count; k++) yield return (r!["sleutel"]!.GetValue<string>(), kolommen[k], r["cellen"]![k]!);
        }
    }

    [Fact]
    public async Task Een_bedrag_bij_een_verborgen_aantal_staat_nergens_en_wie_kleine_aantallen_mag_zien_ziet_het_wel()
    {
        var regio = fixture.Data.RegioId.ToString(CultureInfo.InvariantCulture);
        var beleid = ClientAls(Beleid);
        var getoetst = 0;
        foreach (var query in new[] { "gemeente=GM9801&jaar=2025", "gemeente=GM9802&jaar=2025", "gemeente=GM9801&jaar=2026", "gemeente=GM9802&jaar=2026", $"regio={regio}&jaar=2025", $"regio={regio}&jaar=2026" })
        {
            var o = await JsonAsync(beleid, $"/api/v1/monitor?{query}");
            if (!o["tabellen"]!.AsArray().Any(t => t!["id"]!.GetValue<string>() == "budget-componenten")) continue;
            var asiel = MonitorJson.Cel(o, "budget-aantallen", "asielmigrant", "aantal")["verborgen"]!.GetValue<bool>();
            var gezin = MonitorJson.Cel(o, "budget-aantallen", "gezinsmigrant", "aantal")["verborgen"]!.GetValue<bool>();
            if (!asiel && !gezin) continue;
            getoetst++;

            // Whoever may see small counts sees the amounts; those are the strings that must not appear for the policy officer.
            var open = await JsonAsync(fixture.Client, $"/api/v1/monitor?{query}&verbergKleineAantallen=false");
            var geheim = Cellen(open, "budget-componenten")
                .Where(c => c.Kolom == "totaal" || (asiel && c.Kolom == "asielmigranten") || (gezin && c.Kolom == "gezinsmigranten"))
                .Concat(Cellen(open, "budget-raming").Where(c => c.Rij != "meegenomen"))
                .Where(c => c.Cel["waarde"] is { } w && w.GetValue<decimal>() != 0)
                .Select(c => (c.Rij, c.Kolom, Tekst: c.Cel["tekst"]!.GetValue<string>())).ToList();
            Assert.NotEmpty(geheim);
            foreach (var (rij, kolom, _) in geheim)
            {
                var tabel = kolom == "bedrag" ? "budget-raming" : "budget-componenten";
                var cel = MonitorJson.Cel(o, tabel, rij, kolom);
                Assert.True(cel["waarde"] is null && cel["verborgen"]!.GetValue<bool>(), $"{query}: {tabel} {rij} {kolom} = {cel["tekst"]}");
            }

            // Nor in the page: none of the amounts derived from the hidden count, in the budget section.
            var pagina = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await beleid.GetStringAsync($"/monitor?{query}"));
            var budget = pagina.QuerySelector("#kop-budget")!.ParentElement!.TextContent;
            var perPersoon = Cellen(open, "budget-componenten").Where(c => c.Kolom.StartsWith("per", StringComparison.Ordinal)).Select(c => c.Cel["tekst"]!.GetValue<string>()).ToHashSet();
            foreach (var (rij, kolom, tekst) in geheim.Where(g => !perPersoon.Contains(g.Tekst)))
            {
                Assert.DoesNotContain(tekst, budget, StringComparison.Ordinal);
            }

            var openPagina = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await fixture.Client.GetStringAsync($"/monitor?{query}&verbergKleineAantallen=false"));
            Assert.Contains(geheim[0].Tekst, openPagina.QuerySelector("#kop-budget")!.ParentElement!.TextContent, StringComparison.Ordinal);
        }

        Assert.True(getoetst > 0, "geen weergave met een verborgen aantal in de budgettelling");
    }

    [Fact]
    public async Task De_werkelijke_kosten_verwijzen_naar_inkoop_voor_wie_die_pagina_mag_openen()
    {
        var beleid = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await ClientAls(Beleid).GetStringAsync("/monitor?gemeente=GM9801&jaar=2026"));
        // Issue #23: the provider performance is a tab of the monitor, under the same filter.
        Assert.Matches(@"^/monitor\?(?=.*gemeente=GM9801)(?=.*jaar=2026)(?=.*tab=aanbieders)", beleid.QuerySelector("#budget-kosten a")!.GetAttribute("href")!);
        Assert.DoesNotContain("registreert Koers nog niet", beleid.Body!.TextContent, StringComparison.Ordinal);
        // The monitor's roles (beleidsmedewerker, teamleider) can both open the Inkoop page; the neutral sentence is the fallback for any other.
        var teamleider = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await ClientAls("anouk.vandenberg@kempen.example").GetStringAsync("/monitor?gemeente=GM9801&jaar=2026"));
        // Issue #23: the provider performance is a tab of the monitor, under the same filter.
        Assert.Matches(@"^/monitor\?(?=.*gemeente=GM9801)(?=.*jaar=2026)(?=.*tab=aanbieders)", teamleider.QuerySelector("#budget-kosten a")!.GetAttribute("href")!);
    }
}

using System.Net;
using AngleSharp.Html.Parser;
using Koers.Web.Tests.Infrastructure;
using Koers.Web.Tests.Pdf;

namespace Koers.Web.Tests.Portaal;

/// <summary>
/// Every letter in the portal (#16): the PIP beschikking and the handhaving letters, each with the Dutch original as
/// PDF and a short summary in the person's own language (what it means, until when to react or object). Only the own
/// letters open; opening one is audited. Clock: 16 June 2026.
/// </summary>
public abstract class PortaalBrievenTests(KoersFactory factory)
{
    private const string Inburgeraar = "inburgeraar@demo.example";

    private static string Tekst(AngleSharp.Dom.IElement? e) =>
        System.Text.RegularExpressions.Regex.Replace((e?.TextContent ?? string.Empty).Replace('\u00A0', ' '), @"\s+", " ");

    private Guid EigenDossier => factory.MetDatabase(db => db.Users.Single(u => u.Email == Inburgeraar).InburgeraarId!.Value);

    /// <summary>The klantregisseur takes a letter step on the person's own case (a warning, response in 14 days).</summary>
    private async Task<string> WaarschuwingAsync(Guid dossier)
    {
        var c = factory.CreateClient();
        var t = await (await c.PostJsonAsync($"/api/v1/inburgeraars/{dossier}/handhaving/tekortkomingen",
            new { verplichting = "bredeIntakeEnPip", datum = "2026-05-01", omschrijving = "Twee keer niet naar de les." })).LeesAsync();
        var tid = t["tekortkomingen"]!.AsArray().Last()!["id"]!.GetValue<string>();
        foreach (var volgorde in new[] { 1, 2 })
            Assert.Equal(HttpStatusCode.Created, (await c.PostJsonAsync($"/api/v1/inburgeraars/{dossier}/handhaving/tekortkomingen/{tid}/besluiten",
                new { actie = "overslaan", volgorde, datum = "2026-06-02", reden = "Meteen waarschuwen." })).StatusCode);
        var stap = await c.PostJsonAsync($"/api/v1/inburgeraars/{dossier}/handhaving/tekortkomingen/{tid}/besluiten",
            new { actie = "nemen", volgorde = 3, datum = "2026-06-03", reden = "Waarschuwing sturen." });
        Assert.Equal(HttpStatusCode.Created, stap.StatusCode);
        return (await stap.LeesAsync())["kenmerk"]!.GetValue<string>();
    }

    [Fact]
    public async Task Elke_brief_staat_in_het_portaal_met_een_samenvatting_in_de_eigen_taal()
    {
        var kenmerk = await WaarschuwingAsync(EigenDossier);
        var client = factory.ClientAls(Inburgeraar);

        // Dutch: both letters, each with its summary; the decision with the bezwaar sentence, the warning with its deadline.
        var nl = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn?taal=nl"));
        var items = nl.QuerySelectorAll("#brieven li").Select(Tekst).ToList();
        var waarschuwing = Assert.Single(items, i => i.Contains(kenmerk, StringComparison.Ordinal));
        Assert.Contains("Waarschuwing (aangetekende brief) van 3 juni 2026 (PDF)", waarschuwing);
        Assert.Contains("In het kort: Dit is een waarschuwing.", waarschuwing);
        Assert.Contains("Neem uiterlijk 17 juni 2026 contact op met de gemeente.", waarschuwing);
        Assert.DoesNotContain("bezwaar", waarschuwing); // no decision
        var pip = Assert.Single(items, i => i.Contains("Besluit over uw plan", StringComparison.Ordinal));
        Assert.Contains("De gemeente heeft uw plan (PIP) vastgesteld.", pip);
        Assert.Contains("Dan kunt u bezwaar maken", pip);
        Assert.Contains("Alleen de Nederlandse brief geldt officieel.", pip);

        // Arabic: the same summaries in Arabic, the kenmerk as it is, the Dutch letter behind the link.
        var ar = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn?taal=ar"));
        var arWaarschuwing = Tekst(ar.QuerySelectorAll("#brieven li").Single(li => li.TextContent.Contains(kenmerk, StringComparison.Ordinal)));
        Assert.Contains("هذا إنذار.", arWaarschuwing);
        Assert.Contains("تواصل مع البلدية في موعد أقصاه", arWaarschuwing);
        Assert.DoesNotContain("Dit is een waarschuwing", arWaarschuwing);

        // The link gives the Dutch letter itself; opening it is audited; another person's letter answers 404.
        var href = nl.QuerySelectorAll("#brieven a").Select(a => a.GetAttribute("href")!).Single(h => h.StartsWith("/mijn/brieven/", StringComparison.Ordinal));
        var pdf = await client.GetAsync(href);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Twee keer niet naar de les.", GelezenPdf.Lees(await pdf.Content.ReadAsByteArrayAsync()).Tekst);
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == EigenDossier && a.Gebruiker == Inburgeraar).Select(a => a.Omschrijving).ToList()),
            a => a == $"Handhavingsbrief {kenmerk} geopend");

        var ander = Testdata.Inburgeraar(koppelingsdatum: "2026-01-05");
        ander["achternaam"] = "Anderpersoon";
        var anderId = Guid.Parse((await (await factory.CreateClient().PostJsonAsync("/api/v1/koppelingen", ander)).LeesAsync())["id"]!.GetValue<string>());
        var anderKenmerk = await WaarschuwingAsync(anderId);
        var anderBrief = factory.MetDatabase(db => db.Set<Koers.Data.Model.Keten.Handhavingsbesluit>().Single(b => b.Kenmerk == anderKenmerk).Id);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/mijn/brieven/{anderBrief}")).StatusCode);
    }
}

public sealed class SqlitePortaalBrievenTests(SqliteFactory factory) : PortaalBrievenTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresPortaalBrievenTests(PostgresFactory factory) : PortaalBrievenTests(factory), IClassFixture<PostgresFactory>;

using System.Net;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Data.Model.Ontzorgen;
using Koers.Domain.Dossier;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Geldzaken;

/// <summary>
/// The demo seed (issue #23): payment runs of the three months before today made through the real payment-run service, so the
/// demo inburgeraar finds a monthly statement per paid month among their letters; and two route switches by PIP bijstelling,
/// so the provider page has switches to show. The clock stands on 16 June 2026: the runs are March, April and May.
/// </summary>
public abstract class DemoGeldTests(KoersFactory factory)
{
    private const string Demo = "inburgeraar@demo.example";
    private const string Teamleider = "anouk.vandenberg@kempen.example";

    [Fact]
    public async Task Na_de_demoseed_heeft_de_demo_inburgeraar_maandoverzichten_bij_de_brieven()
    {
        var eigen = factory.MetDatabase(db => db.Users.Single(u => u.Email == Demo).InburgeraarId!.Value);
        var maanden = factory.MetDatabase(db => db.Set<Betaalregel>().AsNoTracking().Where(r => r.InburgeraarId == eigen).Select(r => r.Maand).Distinct().ToList())
            .Order().ToList();
        Assert.NotEmpty(maanden);
        Assert.All(maanden, m => Assert.InRange(m, new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 1)));
        // Made by the service: one run per month with its SEPA file, each row of the demo case in a run of its municipality.
        var runs = factory.MetDatabase(db => db.Set<Betaalrun>().AsNoTracking().Where(r => r.AangemaaktDoor == Teamleider || r.MsgId.StartsWith("KOERS-"))
            .Select(r => new { r.MsgId, r.Maand, r.AantalTransacties, Xml = r.Xml.Length }).ToList());
        Assert.All(maanden, m => Assert.Contains(runs, r => r.Maand == m && r.AantalTransacties > 0 && r.Xml > 0));

        var client = factory.ClientAls(Demo);
        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn?taal=nl"));
        var links = doc.QuerySelectorAll(".koers-portaal__brieven a[href^='/mijn/geld/brief?maand=']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(maanden.Select(m => $"/mijn/geld/brief?maand={m:yyyy-MM}").Order(StringComparer.Ordinal), links.Order(StringComparer.Ordinal));
        Assert.Contains("Maandoverzicht", doc.QuerySelector(".koers-portaal__brieven")!.TextContent, StringComparison.OrdinalIgnoreCase);
        var pdf = await client.GetAsync(links[0]);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Na_de_demoseed_toont_de_aanbiederspagina_routewissels()
    {
        var gewisseld = factory.MetDatabase(db => db.PipVersies.AsNoTracking().Where(v => v.RedenBijstelling == Web.Features.Inkoop.AanbiedersDemo.BijstellingReden)
            .Select(v => new { v.InburgeraarId, v.Leerroute }).ToList());
        // At least two, at most the demo's number (issue #23: a few, scaling down first so there are afschalingen too).
        Assert.InRange(gewisseld.Count, 2, Web.Features.Inkoop.AanbiedersDemo.Wissels);
        // The route really changed: the replaced version before it had another one.
        foreach (var g in gewisseld)
        {
            var versies = factory.MetDatabase(db => db.PipVersies.AsNoTracking().Where(v => v.InburgeraarId == g.InburgeraarId && v.Status == PipStatus.Vervangen)
                .OrderByDescending(v => v.Versie).Select(v => v.Leerroute).First());
            Assert.NotEqual(g.Leerroute, versies);
        }

        var taalschool = factory.MetDatabase(db => db.Partnerorganisaties.Single(p => p.Naam == "Taalschool De Kempen").Id);

        // The team lead's drill-down counts one switch for each of them (the figure behind the table).
        var personen = (await (await factory.ClientAls(Teamleider).GetAsync($"/api/v1/inkoop/aanbieders/{taalschool}/personen")).LeesAsync())["personen"]!.AsArray();
        var wissels = personen.Where(p => p!["routewissels"]!.GetValue<int>() > 0).Select(p => Guid.Parse(p!["id"]!.GetValue<string>())).ToList();
        Assert.All(gewisseld, g => Assert.Contains(g.InburgeraarId, wissels));

        // The table shows the count, or the small-number marker when it is under the threshold.
        var doc = new HtmlParser().ParseDocument(await factory.ClientAls(Teamleider).GetStringAsync("/inkoop/aanbieders"));
        var cel = doc.QuerySelector($"#aanbiederstabel tr[data-partner='{taalschool}'] .koers-routewissels")!.TextContent.Trim();
        Assert.Equal(wissels.Count < 5 ? "<5" : wissels.Count.ToString(System.Globalization.CultureInfo.GetCultureInfo("nl-NL")), cel);
        Assert.NotEqual("0", cel);
    }
}

public sealed class SqliteDemoGeldTests(SqliteFactory factory) : DemoGeldTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresDemoGeldTests(PostgresFactory factory) : DemoGeldTests(factory), IClassFixture<PostgresFactory>;

using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Monitor;

/// <summary>
/// Monitor figures stay within the user's region: staff of Weert never see Kempen figures (and the other way round), not
/// by asking for a Kempen municipality, the Kempen region or a Kempen klantregisseur, not in exports or the drill-down, not
/// in the filter choices, and switching off small-number suppression reveals nothing outside the user's own case files.
/// On the demo data: Kempen (4 municipalities, sharing case files) and Weert (Weert and Nederweert, not sharing).
/// </summary>
public abstract class MonitorIsolatieTests(KoersFactory factory)
{
    private static readonly string[] KempenCodes = ["GM1724", "GM1728", "GM0770", "GM1667"];

    private int RegioVan(string code) => factory.MetDatabase(db => db.Gemeenten.Where(g => g.Code == code).Select(g => g.RegioId).Single());

    /// <summary>A Weert team lead (case files of Weert only: the region does not share) and a Weert policy officer.</summary>
    private (string Teamleider, string Beleid) WeertGebruikers()
    {
        const string teamleider = "teamleider@weert.example", beleid = "beleid@weert.example";
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        if (users.FindByEmailAsync(teamleider).GetAwaiter().GetResult() is not null) return (teamleider, beleid);
        var db = scope.ServiceProvider.GetRequiredService<Data.KoersDbContext>();
        var weert = db.Gemeenten.Single(g => g.Code == "GM0988");
        var team = db.Teams.First(t => t.RegioId == weert.RegioId);
        var medewerker = new Medewerker { Naam = "Tom Teamleider Weert", Email = teamleider, TeamId = team.Id, GemeenteId = weert.Id };
        db.Medewerkers.Add(medewerker);
        db.SaveChanges();
        Maak(users, new Gebruiker { UserName = teamleider, Email = teamleider, Weergavenaam = "Tom Teamleider Weert", MedewerkerId = medewerker.Id }, Rollen.Teamleider);
        // The demo data has Weert's policy officer (for the doelenboom); without demo data the test makes one.
        if (users.FindByEmailAsync(beleid).GetAwaiter().GetResult() is null)
            Maak(users, new Gebruiker { UserName = beleid, Email = beleid, Weergavenaam = "Bea Beleid Weert", GemeenteId = weert.Id }, Rollen.Beleidsmedewerker);
        return (teamleider, beleid);
    }

    private static void Maak(UserManager<Gebruiker> users, Gebruiker g, string rol)
    {
        Assert.True(users.CreateAsync(g).GetAwaiter().GetResult().Succeeded);
        Assert.True(users.AddToRoleAsync(g, rol).GetAwaiter().GetResult().Succeeded);
    }

    private static IEnumerable<string> Rijsleutels(JsonNode overzicht, string tabel) =>
        overzicht["tabellen"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == tabel)!["rijen"]!.AsArray().Select(r => r!["sleutel"]!.GetValue<string>());

    [Fact]
    public async Task Weert_krijgt_via_de_api_geen_monitorcijfers_van_de_Kempen_ook_niet_zonder_verbergen()
    {
        var (teamleider, beleid) = WeertGebruikers();
        var kempenRegio = RegioVan("GM1724");
        var kempenRegisseur = factory.MetDatabase(db => db.Medewerkers.Single(m => m.Email == "sanne.devries@kempen.example").Id);
        foreach (var client in new[] { factory.ClientAls(teamleider), factory.ClientAls(beleid) })
        {
            foreach (var code in KempenCodes)
            {
                foreach (var url in new[]
                         {
                             $"/api/v1/monitor?gemeente={code}&jaar=2026", $"/api/v1/monitor?gemeente={code}&jaar=2026&verbergKleineAantallen=false",
                             $"/api/v1/monitor/tabellen/fasen?gemeente={code}", $"/api/v1/monitor/tabellen/alle/csv?gemeente={code}",
                             $"/api/v1/monitor/tabellen/instroom-gemeente/xlsx?gemeente={code}&verbergKleineAantallen=false",
                         })
                {
                    var antwoord = await client.GetAsync(url);
                    Assert.True(antwoord.StatusCode == HttpStatusCode.BadRequest, $"{url}: {antwoord.StatusCode}");
                    // Answered as an unknown municipality: the monitor does not confirm that a Kempen code exists.
                    Assert.Equal($"Onbekende gemeente '{code}'.", (await antwoord.LeesAsync())["errors"]!["gemeente"]![0]!.GetValue<string>());
                }
            }

            Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/monitor?regio={kempenRegio}&verbergKleineAantallen=false")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/monitor?klantregisseur={kempenRegisseur}")).StatusCode);

            // Without a place: the user's own region, and only that.
            var eigen = await (await client.GetAsync("/api/v1/monitor?jaar=2026&verbergKleineAantallen=false")).LeesAsync();
            Assert.Equal(["GM0946", "GM0988"], Rijsleutels(eigen, "instroom-gemeente").Where(s => s.StartsWith("GM", StringComparison.Ordinal)).Order().ToArray());
            Assert.DoesNotContain("Kempen", eigen["bereik"]!.GetValue<string>());
            Assert.DoesNotContain(Rijsleutels(eigen, "caseload"), s => s == kempenRegisseur.ToString(CultureInfo.InvariantCulture));
        }

        // The drill-down (case workers only): no Kempen municipality, and the names are only of the user's own cases.
        var tl = factory.ClientAls(teamleider);
        Assert.Equal(HttpStatusCode.BadRequest, (await tl.GetAsync("/api/v1/monitor/dossiers?gemeente=GM1724&figuur=fase&sleutel=alle&verbergKleineAantallen=false")).StatusCode);
        var lijst = await (await tl.GetAsync("/api/v1/monitor/dossiers?figuur=caseload&sleutel=alle&paginaGrootte=500")).LeesAsync();
        var weertIds = factory.MetDatabase(db => db.Inburgeraars.Where(i => i.Gemeente!.Code == "GM0988").Select(i => i.Id).ToHashSet());
        Assert.NotEmpty(lijst["dossiers"]!.AsArray());
        Assert.All(lijst["dossiers"]!.AsArray(), d => Assert.Contains(Guid.Parse(d!["id"]!.GetValue<string>()), weertIds));
    }

    [Fact]
    public async Task Verbergen_van_kleine_aantallen_gaat_alleen_uit_voor_eigen_dossiers()
    {
        var (teamleider, _) = WeertGebruikers();
        var client = factory.ClientAls(teamleider);

        // Weert's own municipality: the team lead works with these case files, so exact counts.
        var weert = await (await client.GetAsync("/api/v1/monitor?gemeente=GM0988&verbergKleineAantallen=false")).LeesAsync();
        Assert.False(weert["filter"]!["verbergKleineAantallen"]!.GetValue<bool>());
        var aantal = factory.MetDatabase(db => db.MonitorDossiers.AsNoTracking().Count(d => d.GemeenteId == db.Gemeenten.Single(g => g.Code == "GM0988").Id));
        var totaal = weert["tabellen"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "fasen")!["rijen"]!.AsArray()
            .Single(r => r!["sleutel"]!.GetValue<string>() == "totaal")!["cellen"]![0]!["waarde"]!.GetValue<int>();
        Assert.Equal(aantal, totaal);

        // Nederweert (same region, case files not shared) and the region as a whole: suppression stays on.
        foreach (var q in new[] { "gemeente=GM0946", "" })
        {
            var o = await (await client.GetAsync($"/api/v1/monitor?{q}&verbergKleineAantallen=false")).LeesAsync();
            Assert.True(o["filter"]!["verbergKleineAantallen"]!.GetValue<bool>(), q);
        }

        // A Kempen team lead cannot switch it off for Weert either: Weert is not even a choice.
        var kempen = factory.ClientAls("anouk.vandenberg@kempen.example");
        Assert.Equal(HttpStatusCode.BadRequest, (await kempen.GetAsync("/api/v1/monitor?gemeente=GM0988&verbergKleineAantallen=false")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await kempen.GetAsync($"/api/v1/monitor?regio={RegioVan("GM0988")}&verbergKleineAantallen=false")).StatusCode);
    }

    [Fact]
    public async Task Weert_ziet_op_de_monitorpagina_en_het_rapport_niets_van_de_Kempen()
    {
        var (teamleider, beleid) = WeertGebruikers();
        foreach (var client in new[] { factory.ClientAls(teamleider), factory.ClientAls(beleid) })
        {
            foreach (var url in new[] { "/monitor?gemeente=GM1724", "/monitor?gemeente=GM1724&verbergKleineAantallen=false", $"/monitor/rapport?regio={RegioVan("GM1724")}" })
            {
                var antwoord = await client.GetAsync(url);
                Assert.True(antwoord.StatusCode == HttpStatusCode.BadRequest, $"{url}: {antwoord.StatusCode}");
                Assert.DoesNotContain("Bergeijk", await antwoord.Content.ReadAsStringAsync());
            }

            var html = await client.GetStringAsync("/monitor?verbergKleineAantallen=false");
            var pagina = new HtmlParser().ParseDocument(html);
            var gemeenten = pagina.QuerySelectorAll("#gemeente option").Select(o => o.TextContent.Trim()).Where(t => t.Length > 0).ToList();
            Assert.Contains("Weert", gemeenten);
            // (The configured taakstelling source names the Kempen demo values; that is configuration, not data.)
            foreach (var kempen in new[] { "Bergeijk", "Bladel", "Eersel", "Reusel-De Mierden", "Sanne de Vries", "Mohamed Bakker" })
            {
                Assert.DoesNotContain(kempen, html);
            }
        }

        var doorklik = await factory.ClientAls(teamleider).GetAsync("/monitor/dossiers?gemeente=GM1724&figuur=fase&sleutel=alle");
        Assert.Equal(HttpStatusCode.BadRequest, doorklik.StatusCode);
    }
}

public sealed class SqliteMonitorIsolatieTests(SqliteFactory factory) : MonitorIsolatieTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresMonitorIsolatieTests(PostgresFactory factory) : MonitorIsolatieTests(factory), IClassFixture<PostgresFactory>;

using System.Net;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Monitor;

/// <summary>
/// The monitor's drill-down for a klantregisseur's caseload (#25): named, never 'klantregisseur 9'; another region's
/// klantregisseur is unknown (no empty list with a number in it); in a region that does not share case files the list
/// says that it holds only the cases the user may open instead of a bare '0 dossiers'.
/// </summary>
public abstract class MonitorDoorklikTests(KoersFactory factory)
{
    private const string WeertTeamleider = "teamleider.doorklik@weert.example";

    private void MaakWeertTeamleider()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        if (users.FindByEmailAsync(WeertTeamleider).GetAwaiter().GetResult() is not null) return;
        var db = scope.ServiceProvider.GetRequiredService<Data.KoersDbContext>();
        var weert = db.Gemeenten.Single(g => g.Code == "GM0988");
        var team = db.Teams.First(t => t.RegioId == weert.RegioId);
        var medewerker = new Medewerker { Naam = "Tine Teamleider Weert", Email = WeertTeamleider, TeamId = team.Id, GemeenteId = weert.Id };
        db.Medewerkers.Add(medewerker);
        db.SaveChanges();
        var gebruiker = new Gebruiker { UserName = WeertTeamleider, Email = WeertTeamleider, Weergavenaam = "Tine Teamleider Weert", MedewerkerId = medewerker.Id };
        Assert.True(users.CreateAsync(gebruiker).GetAwaiter().GetResult().Succeeded);
        Assert.True(users.AddToRoleAsync(gebruiker, Rollen.Teamleider).GetAwaiter().GetResult().Succeeded);
    }

    private int Medewerker(string email) => factory.MetDatabase(db => db.Medewerkers.Single(m => m.Email == email).Id);

    private static string Tekst(string html) => new HtmlParser().ParseDocument(html).Body!.TextContent.Replace('\u00A0', ' ');

    [Fact]
    public async Task Caseload_van_een_klantregisseur_uit_een_andere_regio_is_onbekend()
    {
        MaakWeertTeamleider();
        var sanne = Medewerker("sanne.devries@kempen.example");
        var client = factory.ClientAls(WeertTeamleider);

        var pagina = await client.GetAsync($"/monitor/dossiers?figuur=Caseload&sleutel={sanne}");
        Assert.Equal(HttpStatusCode.BadRequest, pagina.StatusCode);
        var tekst = Tekst(await pagina.Content.ReadAsStringAsync());
        Assert.Contains("Deze klantregisseur is onbekend in uw regio.", tekst);
        Assert.DoesNotContain("Sanne", tekst);
        Assert.DoesNotContain("0 dossiers", tekst);
        Assert.DoesNotContain($"klantregisseur {sanne}", tekst);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/monitor/dossiers?figuur=caseload&sleutel={sanne}")).StatusCode);
        // Nothing of those cases was listed, so nothing was written as read.
        Assert.DoesNotContain(factory.MetDatabase(db => db.Audit.Where(a => a.Gebruiker == WeertTeamleider).Select(a => a.Omschrijving).ToList()),
            o => o.Contains("Sanne", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Caseload_in_een_regio_die_niet_deelt_noemt_de_naam_en_zegt_waarom_de_lijst_leeg_is()
    {
        MaakWeertTeamleider();
        var bram = Medewerker("bram.peeters@nederweert.example");
        var html = await factory.ClientAls(WeertTeamleider).GetStringAsync($"/monitor/dossiers?figuur=Caseload&sleutel={bram}");
        var tekst = Tekst(html);
        Assert.Contains("Lopende dossiers van Bram Peeters (stand van vandaag)", tekst);
        Assert.DoesNotContain($"klantregisseur {bram}", tekst);
        Assert.DoesNotContain("0 dossiers", tekst);
        Assert.Contains("Geen dossiers die u mag openen.", tekst);
        Assert.Contains("hier staan alleen dossiers van de gemeente(n) waar u dossiers van mag openen", tekst);
        // Not one Nederweert case behind it.
        var nederweert = factory.MetDatabase(db => db.Inburgeraars.Where(i => i.Gemeente!.Code == "GM0946").Select(i => i.Id.ToString()).ToList());
        Assert.DoesNotContain(nederweert, id => html.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Caseload_binnen_de_eigen_regio_noemt_de_naam_en_toont_de_dossiers()
    {
        var sanne = Medewerker("sanne.devries@kempen.example");
        var html = await factory.ClientAls("anouk.vandenberg@kempen.example").GetStringAsync($"/monitor/dossiers?figuur=Caseload&sleutel={sanne}");
        var pagina = new HtmlParser().ParseDocument(html);
        var tekst = Tekst(html);
        Assert.Contains("Lopende dossiers van Sanne de Vries (stand van vandaag)", tekst);
        Assert.DoesNotContain($"klantregisseur {sanne}", tekst);
        // Kempen shares case files: no remark about a partial list.
        Assert.DoesNotContain("hier staan alleen dossiers", tekst);
        var ids = pagina.QuerySelectorAll(".koers-monitor-dossiers a").Select(a => Guid.Parse(a.GetAttribute("href")!.Split('/')[^1])).ToList();
        Assert.NotEmpty(ids);
        Assert.Contains($"{ids.Count} dossier", tekst);
        var vanSanne = factory.MetDatabase(db => db.Inburgeraars.Where(i => i.KlantregisseurId == sanne).Select(i => i.Id).ToHashSet());
        Assert.All(ids, id => Assert.Contains(id, vanSanne));
    }
}

public sealed class SqliteMonitorDoorklikTests(SqliteFactory factory) : MonitorDoorklikTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresMonitorDoorklikTests(PostgresFactory factory) : MonitorDoorklikTests(factory), IClassFixture<PostgresFactory>;

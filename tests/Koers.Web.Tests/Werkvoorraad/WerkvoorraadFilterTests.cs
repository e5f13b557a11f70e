using AngleSharp.Html.Parser;
using Koers.Web.Tests.Infrastructure;

namespace Koers.Web.Tests.Werkvoorraad;

/// <summary>
/// The worklist's filter lists (klantregisseur, team, gemeente) hold only what is within the user's reach, sorted by name:
/// a sharing region offers all its municipalities, a municipality that keeps its own cases only itself.
/// </summary>
public sealed class WerkvoorraadFilterTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private async Task<(List<string> Regisseurs, List<string> Teams, List<string> Gemeenten)> KeuzesAsync(string email)
    {
        var html = new HtmlParser().ParseDocument(await factory.ClientAls(email).GetStringAsync("/werkvoorraad"));
        List<string> Opties(string id) => html.QuerySelectorAll($"#{id} option").Where(o => o.GetAttribute("value") != "").Select(o => o.TextContent.Trim()).ToList();
        return (Opties("klantregisseur"), Opties("team"), Opties("gemeente"));
    }

    [Fact]
    public async Task De_filters_van_de_werkvoorraad_tonen_alleen_wat_binnen_het_bereik_valt()
    {
        var kempen = await KeuzesAsync("sanne.devries@kempen.example");
        Assert.Equal(["Bergeijk", "Bladel", "Eersel", "Reusel-De Mierden"], kempen.Gemeenten);
        Assert.Equal(["Team Inburgering Noord", "Team Inburgering Zuid"], kempen.Teams);
        Assert.Contains("Sanne de Vries (Team Inburgering Noord)", kempen.Regisseurs);
        Assert.Contains("Priya van Dijk (Team Inburgering Zuid)", kempen.Regisseurs);
        Assert.DoesNotContain(kempen.Regisseurs, r => r.StartsWith("Fleur Hendriks", StringComparison.Ordinal));
        Assert.Equal(kempen.Regisseurs.Order(StringComparer.Ordinal), kempen.Regisseurs);

        // Weert keeps its own cases: not Nederweert's municipality nor its klantregisseur.
        var weert = await KeuzesAsync("fleur.hendriks@weert.example");
        Assert.Equal(["Weert"], weert.Gemeenten);
        Assert.Equal(["Team Statushouders Weert"], weert.Teams);
        Assert.Contains("Fleur Hendriks (Team Statushouders Weert)", weert.Regisseurs);
        Assert.DoesNotContain(weert.Regisseurs, r => r.StartsWith("Bram Peeters", StringComparison.Ordinal) || r.StartsWith("Sanne de Vries", StringComparison.Ordinal));
    }
}

using System.Net;
using AngleSharp.Html.Parser;
using Koers.Web.Tests.Infrastructure;

namespace Koers.Web.Tests.Dossier;

/// <summary>
/// The case page's compiled queries (Koers.Data.Gecompileerd) in a process that holds both providers, as the PostgreSQL
/// test run does: each provider's context gets the query compiled for its own model. A compiled query kept once per
/// process was compiled for whichever provider ran first and sent that provider's SQL to the other (10ecf24).
/// </summary>
public sealed class PostgresGecompileerdTests(SqliteFactory sqlite, PostgresFactory postgres) : IClassFixture<SqliteFactory>, IClassFixture<PostgresFactory>
{
    private static int _volgnummer;

    private static async Task<(Guid Id, string Naam)> DossierAsync(HttpClient client)
    {
        var invoer = Testdata.Inburgeraar(bsn: Testdata.NieuwBsn());
        var naam = "Gecompileerd" + Interlocked.Increment(ref _volgnummer);
        invoer["achternaam"] = naam;
        var response = await client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid.Parse((await response.LeesAsync())["id"]!.GetValue<string>()), naam);
    }

    [Fact]
    public async Task De_dossierpagina_leest_op_SQLite_en_PostgreSQL_in_een_proces_elk_met_zijn_eigen_SQL()
    {
        var clients = new[] { ("SQLite", sqlite.CreateClient()), ("PostgreSQL", postgres.CreateClient()) };
        var dossiers = new List<(string Provider, HttpClient Client, Guid Id, string Naam)>();
        foreach (var (provider, client) in clients)
        {
            var (id, naam) = await DossierAsync(client);
            dossiers.Add((provider, client, id, naam));
        }

        // Alternating, so whichever provider compiled first, the other runs after it, and back.
        for (var ronde = 0; ronde < 2; ronde++)
        {
            foreach (var (provider, client, id, naam) in dossiers)
            {
                var pagina = await client.GetAsync($"/inburgeraars/{id}");
                var html = await pagina.Content.ReadAsStringAsync();
                Assert.True(pagina.StatusCode == HttpStatusCode.OK, $"{provider}, ronde {ronde}: {(int)pagina.StatusCode}\n{html[..Math.Min(html.Length, 2000)]}");
                var document = new HtmlParser().ParseDocument(html);
                Assert.Contains(naam, document.QuerySelector("h1")!.TextContent);
                // The parts read through compiled queries are on the page.
                Assert.NotNull(document.GetElementById("termijnen"));
                Assert.NotNull(document.GetElementById("logistiek-kop"));
            }
        }
    }
}

using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Werkvoorraad;

/// <summary>
/// Counts the database statements of one worklist request (issue #21: the page's cost follows its number of queries,
/// one per signal section). A warm request (reach, filter lists and per-municipality settings cached) must not need
/// more statements than now: a section that starts querying per case, or a settings read that loses its cache, fails
/// here. The bounds are the counts measured when they were set (December 2026), not a margin above them. Also: a saved
/// settings row is seen by the next request (the settings cache is emptied on save).
/// </summary>
public abstract class WerkvoorraadStatementsTests : IDisposable
{
    private readonly WebApplicationFactory<Program> _app;
    private readonly Statementteller _teller = Statementteller.VanVerzoeken();

    protected WerkvoorraadStatementsTests(KoersFactory basis)
    {
        Basis = basis;
        _app = basis.WithWebHostBuilder(_ => { });
    }

    protected KoersFactory Basis { get; }

    public void Dispose()
    {
        _teller.Dispose();
        _app.Dispose();
        GC.SuppressFinalize(this);
    }

    private const string Klantregisseur = "sanne.devries@kempen.example";

    /// <summary>One request as <paramref name="email"/>; its HTML and the statements it ran.</summary>
    private async Task<(string Html, List<string> Statements)> VraagAsync(string email, string url)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Remove(TestAuthenticatie.Header); // the factory's default user
        client.DefaultRequestHeaders.Add(TestAuthenticatie.Header, email);
        _teller.Wis();
        var antwoord = await client.SendAsync(_teller.Verzoek(url));
        Assert.Equal(System.Net.HttpStatusCode.OK, antwoord.StatusCode);
        var html = await antwoord.Content.ReadAsStringAsync();
        return (html, [.. _teller.Statements]);
    }

    private int MedewerkerId(string email) => Basis.MetDatabase(db => db.Medewerkers.Single(m => m.Email == email).Id);

    private static void Hoogstens(int grens, List<string> statements, string wat) =>
        Assert.True(statements.Count <= grens,
            $"{wat}: {statements.Count} statements, at most {grens} allowed (issue #21). Statements:\n" + string.Join("\n---\n", statements));

    // The bounds: one klantregisseur's page and the region-wide page of the Kempen region (demo data, 4 municipalities
    // sharing cases, with something in most sections, so most sections run their follow-up reads), and the worklist
    // API (the main list; settings cached). Measured on this build without the test sign-in's Identity statements.
    public const int GrensPaginaKlantregisseur = 26;
    // Region-wide 27 since the main list reads the case and due date of every row, then the page's rows by key
    // (WerkvoorraadQuery.PerDatumAsync): one statement more, instead of reading every full row of the region.
    public const int GrensPaginaRegio = 27;
    public const int GrensApi = 1;

    [Fact]
    public async Task Een_warme_werkvoorraadpagina_blijft_binnen_het_aantal_statements()
    {
        var id = MedewerkerId(Klantregisseur);
        foreach (var (url, grens) in new[] { ($"/werkvoorraad?klantregisseur={id}", GrensPaginaKlantregisseur), ("/werkvoorraad", GrensPaginaRegio), ($"/api/v1/werkvoorraad?klantregisseurId={id}", GrensApi) })
        {
            await VraagAsync(Klantregisseur, url); // cold: reach, filter lists and settings are read and kept
            var (html, statements) = await VraagAsync(Klantregisseur, url);
            Assert.NotEmpty(statements);
            Hoogstens(grens, statements, url);
            if (!url.StartsWith("/api", StringComparison.Ordinal))
            {
                // The page still shows its sections: the count is not low because sections went missing.
                var doc = new HtmlParser().ParseDocument(html);
                foreach (var sectie in new[] { "signalen-ontzorgen", "signalen-voortgang", "participatiemetingen", "welzijn", "logistiek" })
                    Assert.NotNull(doc.GetElementById(sectie));
            }
        }
    }

    [Fact]
    public async Task Een_opgeslagen_instelling_geldt_bij_het_volgende_verzoek()
    {
        // The participation section reads the municipalities' settings from the settings cache. With the moments moved
        // to 60 months after the anchor no demo case has a questionnaire open; the next request must show that.
        static int Open(string html)
        {
            var sectie = new HtmlParser().ParseDocument(html).GetElementById("participatiemetingen")!;
            var telling = sectie.QuerySelectorAll(".koers-signalen__telling").Single(t => t.TextContent.StartsWith("Open", StringComparison.Ordinal));
            return int.Parse(telling.QuerySelector("strong")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        }

        var voor = Open((await VraagAsync(Klantregisseur, "/werkvoorraad")).Html);
        Assert.True(voor > 0, "the demo data has questionnaires due in the Kempen region");
        Assert.Equal(voor, Open((await VraagAsync(Klantregisseur, "/werkvoorraad")).Html)); // now from the cache

        var kempen = Basis.MetDatabase(db => db.Gemeenten.Where(g => g.Regio!.Naam.Contains("Kempen")).Select(g => g.Id).ToList());
        Dictionary<int, string> oud;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.KoersDbContext>();
            var bestaand = await db.Set<ParticipatieInstelling>().Where(x => kempen.Contains(x.GemeenteId)).ToListAsync();
            oud = bestaand.ToDictionary(x => x.GemeenteId, x => x.Maanden);
            foreach (var g in kempen)
            {
                var rij = bestaand.FirstOrDefault(x => x.GemeenteId == g) ?? db.Add(new ParticipatieInstelling { GemeenteId = g, GewijzigdDoor = "test" }).Entity;
                rij.Maanden = "60";
            }

            await db.SaveChangesAsync();
        }

        try
        {
            Assert.Equal(0, Open((await VraagAsync(Klantregisseur, "/werkvoorraad")).Html));
        }
        finally
        {
            // Leave the shared demo data as it was for the other test in this class.
            using var scope = _app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Data.KoersDbContext>();
            foreach (var rij in await db.Set<ParticipatieInstelling>().Where(x => kempen.Contains(x.GemeenteId)).ToListAsync())
            {
                if (oud.TryGetValue(rij.GemeenteId, out var maanden)) rij.Maanden = maanden;
                else db.Remove(rij);
            }

            await db.SaveChangesAsync();
        }

        Assert.Equal(voor, Open((await VraagAsync(Klantregisseur, "/werkvoorraad")).Html));
    }
}

public sealed class SqliteWerkvoorraadStatementsTests(SqliteFactory factory) : WerkvoorraadStatementsTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresWerkvoorraadStatementsTests(PostgresFactory factory) : WerkvoorraadStatementsTests(factory), IClassFixture<PostgresFactory>;

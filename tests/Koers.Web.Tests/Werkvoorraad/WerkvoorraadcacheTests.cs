using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Koers.Data;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Werkvoorraad;

/// <summary>
/// The worklist page keeps what it read for a user for a short while (<see cref="Werkvoorraadcache"/>, issue #21: the
/// region-wide page 100 times a second). What must hold: a change made by someone else shows after the term or at
/// "Vernieuwen", never sooner than the page says; the user's own change (any POST/PUT, on any instance) shows at once;
/// another user never gets what was read for this one; a change to someone's reach empties it. The page says when it
/// was read. Other test hosts switch the cache off (KoersFactory); this one switches it on.
/// </summary>
public abstract class WerkvoorraadcacheTests : IDisposable
{
    private readonly KoersFactory _basis;
    private readonly WebApplicationFactory<Program> _app;
    private const string Sanne = "sanne.devries@kempen.example";

    protected WerkvoorraadcacheTests(KoersFactory basis)
    {
        _basis = basis;
        _app = basis.WithWebHostBuilder(b => b.UseSetting("Koers:Werkvoorraad:BewaarSeconden", "30"));
    }

    public void Dispose()
    {
        _basis.Tijd.Nu = KoersFactory.Nu;
        _app.Dispose();
        GC.SuppressFinalize(this);
    }

    private HttpClient Client(string email)
    {
        // A browser: it keeps the cookies Koers sets.
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Remove(TestAuthenticatie.Header);
        client.DefaultRequestHeaders.Add(TestAuthenticatie.Header, email);
        return client;
    }

    private T MetDatabase<T>(Func<KoersDbContext, T> werk)
    {
        // This host's own services: its save interceptors empty its own caches.
        using var scope = _app.Services.CreateScope();
        return werk(scope.ServiceProvider.GetRequiredService<KoersDbContext>());
    }

    /// <summary>A Bergeijk case whose PIP is due in 3 days, so it is on the worklist as "binnenkort".</summary>
    private async Task<Guid> DossierAsync(HttpClient client, string achternaam)
    {
        var invoer = Testdata.Inburgeraar(gemeente: "GM1724");
        invoer["achternaam"] = achternaam;
        var antwoord = await client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, antwoord.StatusCode);
        var id = Guid.Parse((await antwoord.LeesAsync())["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = "2026-04-10" })).StatusCode);
        return id;
    }

    private const string Url = "/werkvoorraad?gemeente=GM1724&termijn=PipVaststelling";

    private static async Task<IHtmlDocument> PaginaAsync(HttpClient client, string url = Url)
    {
        var antwoord = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        return new HtmlParser().ParseDocument(await antwoord.Content.ReadAsStringAsync());
    }

    /// <summary>The name the worklist table shows for the case.</summary>
    private static string? Naam(IHtmlDocument doc, Guid id) =>
        doc.QuerySelectorAll("a[href]").FirstOrDefault(a => a.GetAttribute("href") == $"/inburgeraars/{id}")?.TextContent.Trim();

    private void Hernoem(Guid id, string achternaam) =>
        MetDatabase(db => db.Inburgeraars.Where(i => i.Id == id).ExecuteUpdate(s => s.SetProperty(i => i.Achternaam, achternaam)));

    [Fact]
    public async Task Een_collega_ziet_de_wijziging_na_de_termijn_of_bij_vernieuwen_en_de_gebruiker_zijn_eigen_wijziging_direct()
    {
        var sanne = Client(Sanne);
        var id = await DossierAsync(Client(KoersFactory.TestGebruiker), "Cache-Eerst");

        var eerst = await PaginaAsync(sanne);
        Assert.Contains("Cache-Eerst", Naam(eerst, id));
        // When it was read, in Dutch time (the fixed clock: 16 June 2026 10:00 in Amsterdam), and the way to read it now.
        var stand = eerst.QuerySelector("#werkvoorraad-stand")!;
        Assert.Contains("Stand van 10:00:00", stand.TextContent);
        Assert.Contains("binnen 30 seconden", stand.TextContent);
        var vernieuwen = stand.QuerySelector("#werkvoorraad-vernieuwen")!.GetAttribute("href")!;
        Assert.Contains("vers=true", vernieuwen);
        Assert.Contains("gemeente=GM1724", vernieuwen);

        // A colleague renames the case (straight in the database: no request of Sanne's). Within the term Sanne's page
        // still shows what it read, and says so: "Stand van 10:00:00" while the clock says 10:00:14. (An entry is kept
        // for between half the term and the whole term, at random, so 14 of 30 seconds is always within it.)
        Hernoem(id, "Cache-Collega");
        _basis.Tijd.Nu = KoersFactory.Nu.AddSeconds(14);
        var binnen = await PaginaAsync(sanne);
        Assert.Contains("Cache-Eerst", Naam(binnen, id));
        Assert.Contains("Stand van 10:00:00", binnen.QuerySelector("#werkvoorraad-stand")!.TextContent);

        // Another klantregisseur of the same region (same role, same reach, same filter) does not get what was read for
        // Sanne.
        Assert.Contains("Cache-Collega", Naam(await PaginaAsync(Client("mohamed.bakker@kempen.example")), id));

        // "Vernieuwen" reads it now, and what it read is what the page keeps from then on.
        var vers = await PaginaAsync(sanne, vernieuwen);
        Assert.Contains("Cache-Collega", Naam(vers, id));
        Assert.Contains("Stand van 10:00:14", vers.QuerySelector("#werkvoorraad-stand")!.TextContent);
        Assert.Contains("Cache-Collega", Naam(await PaginaAsync(sanne), id));

        // After the term the page reads again by itself.
        Hernoem(id, "Cache-Later");
        _basis.Tijd.Nu = KoersFactory.Nu.AddSeconds(28);
        Assert.Contains("Cache-Collega", Naam(await PaginaAsync(sanne), id));
        _basis.Tijd.Nu = KoersFactory.Nu.AddSeconds(45);
        Assert.Contains("Cache-Later", Naam(await PaginaAsync(sanne), id));

        // Sanne's own change: any request that may change something gives her browser a new worklist cookie, and her next
        // worklist is read fresh (on any instance: the cookie is part of what the page is kept under).
        Hernoem(id, "Cache-Eigen");
        Assert.Contains("Cache-Later", Naam(await PaginaAsync(sanne), id));
        var wijziging = await sanne.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = "2026-04-10" });
        Assert.Equal(HttpStatusCode.OK, wijziging.StatusCode);
        var cookie = Assert.Single(wijziging.Headers.GetValues("Set-Cookie"), c => c.StartsWith(Werkvoorraadcache.Cookie + "=", StringComparison.Ordinal));
        Assert.Contains("path=/werkvoorraad", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Cache-Eigen", Naam(await PaginaAsync(sanne), id));

        // A read does not count as a change: no new cookie on a GET.
        var lezen = await sanne.GetAsync($"/inburgeraars/{id}");
        Assert.False(lezen.Headers.TryGetValues("Set-Cookie", out var gezet) && gezet.Any(c => c.StartsWith(Werkvoorraadcache.Cookie, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Een_wijziging_van_het_bereik_leegt_wat_de_werkvoorraad_bewaarde()
    {
        var sanne = Client(Sanne);
        var id = await DossierAsync(Client(KoersFactory.TestGebruiker), "Bereik-Eerst");
        Assert.Contains("Bereik-Eerst", Naam(await PaginaAsync(sanne), id));

        Hernoem(id, "Bereik-Daarna");
        Assert.Contains("Bereik-Eerst", Naam(await PaginaAsync(sanne), id));

        // Functioneel beheer changes a municipality (saved through EF on this instance): whoever's reach that may
        // change, the worklist is read again at once.
        var naam = MetDatabase(db => db.Gemeenten.Single(g => g.Code == "GM1724").Naam);
        try
        {
            MetDatabase(db =>
            {
                db.Gemeenten.Single(g => g.Code == "GM1724").Naam = naam + " (gewijzigd)";
                return db.SaveChanges();
            });
            Assert.Contains("Bereik-Daarna", Naam(await PaginaAsync(sanne), id));
        }
        finally
        {
            MetDatabase(db => db.Gemeenten.Where(g => g.Code == "GM1724").ExecuteUpdate(s => s.SetProperty(g => g.Naam, naam)));
        }
    }

    [Fact]
    public async Task Zonder_bewaartermijn_leest_de_werkvoorraad_altijd_vers_en_noemt_geen_stand()
    {
        // The other test hosts (KoersFactory: 0 seconds).
        var client = _basis.ClientAls(Sanne, volgRedirects: false);
        var id = await DossierAsync(_basis.CreateClient(), "Uit-Eerst");
        var doc = await PaginaAsync(client);
        Assert.Contains("Uit-Eerst", Naam(doc, id));
        Assert.Null(doc.QuerySelector("#werkvoorraad-stand"));
        Hernoem(id, "Uit-Daarna");
        Assert.Contains("Uit-Daarna", Naam(await PaginaAsync(client), id));
        // Nothing to keep fresh, so no cookie either.
        var wijziging = await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = "2026-04-10" });
        Assert.Equal(HttpStatusCode.OK, wijziging.StatusCode);
        Assert.False(wijziging.Headers.TryGetValues("Set-Cookie", out var gezet) && gezet.Any(c => c.StartsWith(Werkvoorraadcache.Cookie, StringComparison.Ordinal)));
    }
}

public sealed class SqliteWerkvoorraadcacheTests(SqliteFactory factory) : WerkvoorraadcacheTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresWerkvoorraadcacheTests(PostgresFactory factory) : WerkvoorraadcacheTests(factory), IClassFixture<PostgresFactory>;

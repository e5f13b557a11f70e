using System.Net;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Domain.Clock;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Werkvoorraad;

/// <summary>
/// The worklist's rows, counts and order, as the user must see them, on data where the paths differ (issue #21):
/// without a klantregisseur and sorted by due date the counts and the page come from SQL per due date (only the page's
/// dates are read in full); with a klantregisseur every row is read and sorted in memory. Both must give exactly these
/// fixed rows: a tie on the due date sorted by surname the Dutch way (case-insensitive, an accented letter with its
/// letter: bakker, Çelik, Cohen; ordinal order would be Cohen, bakker, Çelik), a page boundary inside such a tie,
/// each municipality's own alert days per kind (Bergeijk's PIP at 30 days, Bladel's default 14, inclusive), an ended
/// period left out while a missed deadline stays, met and not applicable deadlines left out, both directions, both
/// signal filters, and a page past the end.
/// </summary>
public abstract class WerkvoorraadVolgordeTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private static readonly DateOnly Vandaag = KoersFactory.Vandaag; // Tuesday 16 June 2026

    // (surname, municipality, kind, sort, due date, applicable, met)
    private static readonly (string Achternaam, string Gemeente, TermijnCode Code, TermijnSoort Soort, DateOnly Vervaldatum, bool Toepasselijk, DateOnly? Voldaan)[] Rijen =
    [
        ("Zwart", "GM1728", TermijnCode.Hercontact, TermijnSoort.Uiterlijk, new(2025, 1, 1), true, null),
        ("Çelik", "GM1728", TermijnCode.PipVaststelling, TermijnSoort.Uiterlijk, new(2026, 6, 10), true, null),
        ("bakker", "GM1724", TermijnCode.Inburgeringstermijn, TermijnSoort.Uiterlijk, new(2026, 6, 10), true, null),
        ("Cohen", "GM1724", TermijnCode.Voortgangsgesprek, TermijnSoort.Uiterlijk, new(2026, 6, 10), true, null),
        ("Öztürk", "GM1724", TermijnCode.Hercontact, TermijnSoort.Uiterlijk, Vandaag, true, null),
        ("Jansen", "GM1724", TermijnCode.Voortgangsgesprek, TermijnSoort.Uiterlijk, Vandaag, true, null),
        ("Boer", "GM1728", TermijnCode.OntzorgenEinde, TermijnSoort.PeriodeEinde, new(2026, 6, 30), true, null), // 14 days: in
        ("de Boer", "GM1724", TermijnCode.PipVaststelling, TermijnSoort.Uiterlijk, new(2026, 7, 10), true, null), // 24 days, Bergeijk 30: in
        ("Aarts", "GM1728", TermijnCode.PipVaststelling, TermijnSoort.Uiterlijk, new(2026, 7, 10), true, null), // 24 days, Bladel 14: out
        ("Evers", "GM1728", TermijnCode.OntzorgenEinde, TermijnSoort.PeriodeEinde, new(2026, 7, 1), true, null), // 15 days: out
        ("Visser", "GM1724", TermijnCode.OntzorgenEinde, TermijnSoort.PeriodeEinde, new(2026, 6, 1), true, null), // ended period: out
        ("Mulder", "GM1724", TermijnCode.PipVaststelling, TermijnSoort.Uiterlijk, new(2026, 6, 12), true, new(2026, 6, 11)), // met: out
        ("Smit", "GM1728", TermijnCode.Inburgeringstermijn, TermijnSoort.Uiterlijk, new(2026, 6, 12), false, null), // not applicable: out
    ];

    private static readonly string[] Oplopend = ["Zwart", "bakker", "Çelik", "Cohen", "Jansen", "Öztürk", "Boer", "de Boer"];
    private static readonly string[] Aflopend = ["de Boer", "Boer", "Jansen", "Öztürk", "bakker", "Çelik", "Cohen", "Zwart"];

    private int _regisseur;
    private Dictionary<Guid, string> _namen = [];

    private async Task ZetKlaarAsync()
    {
        if (_namen.Count > 0) return;
        _regisseur = factory.MetDatabase(db => db.Medewerkers.Single(m => m.Email == "sanne.devries@kempen.example").Id);
        var ids = new List<Guid>();
        foreach (var rij in Rijen)
        {
            var invoer = Testdata.Inburgeraar(gemeente: rij.Gemeente, klantregisseurId: _regisseur);
            invoer["voornamen"] = "Test";
            invoer["achternaam"] = rij.Achternaam;
            var antwoord = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
            Assert.Equal(HttpStatusCode.Created, antwoord.StatusCode);
            ids.Add(Guid.Parse((await antwoord.LeesAsync())["id"]!.GetValue<string>()));
        }

        // Only these deadlines exist, with these dates (this class has its own database).
        factory.MetDatabase(db =>
        {
            db.Termijnen.ExecuteDelete();
            var bergeijk = db.Gemeenten.Single(g => g.Code == "GM1724").Id;
            if (!db.Set<Termijnsignalering>().Any())
                db.Add(new Termijnsignalering { GemeenteId = bergeijk, Termijn = TermijnCode.PipVaststelling, DagenVooraf = 30, GewijzigdDoor = "test" });
            db.AddRange(Rijen.Select((r, i) => new Termijnregel
            {
                InburgeraarId = ids[i], Code = r.Code, Soort = r.Soort, Toepasselijk = r.Toepasselijk, Vervaldatum = r.Vervaldatum, VoldaanOp = r.Voldaan, Toelichting = "test",
            }));
            return db.SaveChanges();
        });
        _namen = ids.Select((id, i) => (id, Rijen[i].Achternaam)).ToDictionary();
    }

    private async Task<(int Totaal, int Verlopen, int Binnenkort, List<string> Namen)> ApiAsync(string query, bool metRegisseur)
    {
        var url = $"/api/v1/werkvoorraad?{query}" + (metRegisseur ? $"&klantregisseurId={_regisseur}" : "");
        var json = await (await _client.GetAsync(url)).LeesAsync();
        var regels = json["regels"]!.AsArray().Select(r => _namen[Guid.Parse(r!["inburgeraarId"]!.GetValue<string>())]).ToList();
        return (json["totaal"]!.GetValue<int>(), json["verlopen"]!.GetValue<int>(), json["binnenkort"]!.GetValue<int>(), regels);
    }

    private async Task IsAsync(int totaal, int verlopen, int binnenkort, string[] namen, string query, bool metRegisseur)
    {
        var (t, v, b, n) = await ApiAsync(query, metRegisseur);
        Assert.Equal(namen, n);
        Assert.Equal((totaal, verlopen, binnenkort), (t, v, b));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task De_werkvoorraad_toont_de_vaste_rijen_in_de_goede_volgorde(bool metRegisseur)
    {
        await ZetKlaarAsync();

        await IsAsync(8, 4, 4, Oplopend, "paginaGrootte=50", metRegisseur);
        await IsAsync(8, 4, 4, Aflopend, "paginaGrootte=50&aflopend=true", metRegisseur);
        // Pages of 3: the tie on 10 June spans the first two pages.
        await IsAsync(8, 4, 4, Oplopend[..3], "paginaGrootte=3&pagina=1", metRegisseur);
        await IsAsync(8, 4, 4, Oplopend[3..6], "paginaGrootte=3&pagina=2", metRegisseur);
        await IsAsync(8, 4, 4, Oplopend[6..], "paginaGrootte=3&pagina=3", metRegisseur);
        await IsAsync(8, 4, 4, [], "paginaGrootte=3&pagina=4", metRegisseur);
        await IsAsync(8, 4, 4, Aflopend[3..6], "paginaGrootte=3&pagina=2&aflopend=true", metRegisseur);
        // A signal filter: the tiles keep both numbers, the list and its total only that kind.
        await IsAsync(4, 4, 4, ["Cohen"], "paginaGrootte=3&pagina=2&signaal=verlopen", metRegisseur);
        await IsAsync(4, 4, 4, ["Jansen", "Öztürk", "Boer"], "paginaGrootte=3&signaal=binnenkort", metRegisseur);
        await IsAsync(4, 4, 4, ["de Boer", "Boer"], "paginaGrootte=2&signaal=binnenkort&aflopend=true", metRegisseur);
        // The other filters narrow both paths the same way.
        await IsAsync(5, 2, 3, ["bakker", "Cohen", "Jansen", "Öztürk", "de Boer"], "gemeente=GM1724", metRegisseur);
        await IsAsync(2, 1, 1, ["Çelik", "de Boer"], "termijn=pipVaststelling", metRegisseur);

        // The page (50 rows): the tiles and the rows in the same order.
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync("/werkvoorraad" + (metRegisseur ? $"?klantregisseur={_regisseur}" : "")));
        Assert.Equal(["4", "4"], pagina.QuerySelectorAll(".koers-tegel__getal").Select(t => t.TextContent.Trim()).Take(2));
        var links = pagina.QuerySelectorAll("table a[href^='/inburgeraars/']").Select(a => Guid.Parse(a.GetAttribute("href")!["/inburgeraars/".Length..]))
            .Where(_namen.ContainsKey).Select(id => _namen[id]).ToList();
        Assert.Equal(Oplopend, links);
    }
}

public sealed class SqliteWerkvoorraadVolgordeTests(SqliteFactory factory) : WerkvoorraadVolgordeTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresWerkvoorraadVolgordeTests(PostgresFactory factory) : WerkvoorraadVolgordeTests(factory), IClassFixture<PostgresFactory>;

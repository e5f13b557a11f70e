using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Werkvoorraad;

/// <summary>
/// Werk verdelen (#25): the Kempen teamleider (Anouk) gives many cases at once to one klantregisseur over HTTP, as the page
/// posts it. Exactly the ticked cases change, one audit row each (from, to, by whom), the caseload on the page is the
/// database's count; an id from another region refuses the whole post and changes nothing; a klantregisseur without the
/// teamleider role gets no page; a refused post keeps the ticks and the choice and links its errors to the fields.
/// </summary>
public abstract class WerkVerdelenTests(KoersFactory factory)
{
    private const string Teamleider = "anouk.vandenberg@kempen.example";
    private const string Pagina = "/werkvoorraad/verdelen";
    private readonly HttpClient _teamleider = factory.ClientAls(Teamleider, volgRedirects: false);

    private int Medewerker(string email) => factory.MetDatabase(db => db.Medewerkers.Single(m => m.Email == email).Id);

    private async Task<Guid> DossierAsync(string achternaam, int? klantregisseur, string gemeente = "GM1724")
    {
        var invoer = Testdata.Inburgeraar(gemeente: gemeente, klantregisseurId: klantregisseur);
        invoer["achternaam"] = achternaam;
        var antwoord = await factory.CreateClient().PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, antwoord.StatusCode);
        return Guid.Parse((await antwoord.LeesAsync())["id"]!.GetValue<string>());
    }

    private static async Task<IHtmlDocument> LeesAsync(HttpResponseMessage antwoord)
    {
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        return new HtmlParser().ParseDocument(await antwoord.Content.ReadAsStringAsync());
    }

    private static string Token(IHtmlDocument doc) =>
        doc.QuerySelector("#verdeelformulier input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static FormUrlEncodedContent Formulier(IHtmlDocument doc, IEnumerable<Guid> dossiers, int? naar) =>
        new([
            new("__RequestVerificationToken", Token(doc)),
            .. dossiers.Select(d => new KeyValuePair<string, string>("Dossiers", d.ToString())),
            new("Naar", naar?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
        ]);

    private Dictionary<Guid, int?> Toewijzingen() => factory.MetDatabase(db => db.Inburgeraars.AsNoTracking().ToDictionary(i => i.Id, i => i.KlantregisseurId));

    private static readonly Domain.Dossier.Fase[] Afgesloten =
        [Domain.Dossier.Fase.Voldaan, Domain.Dossier.Fase.Ontheven, Domain.Dossier.Fase.Verhuisd, Domain.Dossier.Fase.Uitgeschreven];

    /// <summary>Every row of the caseload table equals the number of open cases in the database (computed here on its own).</summary>
    private Dictionary<string, int> CaseloadKlopt(IHtmlDocument doc)
    {
        var opPagina = doc.QuerySelectorAll("#caseload tbody tr").ToDictionary(
            tr => tr.GetAttribute("data-medewerker")!, tr => int.Parse(tr.QuerySelector("[data-lopend]")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture));
        var kempen = factory.MetDatabase(db => db.Gemeenten.Where(g => g.Regio!.Naam.Contains("Kempen")).Select(g => g.Id).ToList());
        var lopend = factory.MetDatabase(db => db.Inburgeraars.AsNoTracking().Select(i => new { i.KlantregisseurId, i.Fase, i.GemeenteId }).ToList())
            .Where(i => !Afgesloten.Contains(i.Fase)).ToList();
        Assert.True(opPagina.Count > 2, "De caseload-tabel is leeg.");
        foreach (var (sleutel, aantal) in opPagina)
        {
            var verwacht = sleutel == "geen"
                ? lopend.Count(i => i.KlantregisseurId == null && kempen.Contains(i.GemeenteId))
                : lopend.Count(i => i.KlantregisseurId == int.Parse(sleutel, System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(verwacht == aantal, $"Caseload van {sleutel}: pagina {aantal}, database {verwacht}");
        }

        return opPagina;
    }

    [Fact]
    public async Task Teamleider_verdeelt_precies_de_gekozen_dossiers_met_een_auditregel_per_dossier()
    {
        var mohamed = Medewerker("mohamed.bakker@kempen.example");
        var priya = Medewerker("priya.vandijk@kempen.example");
        var gekozen = new List<Guid>
        {
            await DossierAsync("Verdeel-een", mohamed), await DossierAsync("Verdeel-twee", mohamed, "GM1728"), await DossierAsync("Verdeel-drie", mohamed),
            await DossierAsync("Verdeel-vier", null, "GM0770"),
        };
        var blijft = await DossierAsync("Verdeel-blijft", mohamed);
        var voor = Toewijzingen();

        // The filter finds the new cases: Mohamed's open cases, and the unassigned ones.
        var doc = await LeesAsync(await _teamleider.GetAsync($"{Pagina}?klantregisseur={mohamed}"));
        var getoond = doc.QuerySelectorAll("#verdeel-dossiers input[name=Dossiers]").Select(i => Guid.Parse(i.GetAttribute("value")!)).ToList();
        Assert.Contains(gekozen[0], getoond);
        Assert.Contains(blijft, getoond);
        Assert.DoesNotContain(gekozen[3], getoond);
        Assert.Equal(factory.MetDatabase(db => db.Inburgeraars.Count(i => i.KlantregisseurId == mohamed && !Afgesloten.Contains(i.Fase))), getoond.Count);
        var ongezien = await LeesAsync(await _teamleider.GetAsync($"{Pagina}?klantregisseur=geen&gemeente=GM0770"));
        Assert.Contains(gekozen[3].ToString(), ongezien.QuerySelectorAll("#verdeel-dossiers input[name=Dossiers]").Select(i => i.GetAttribute("value")));
        var caseloadVoor = CaseloadKlopt(doc);
        // The target list shows each klantregisseur's caseload while choosing.
        Assert.Contains($"Priya van Dijk (Team Inburgering Zuid), nu {caseloadVoor[priya.ToString(System.Globalization.CultureInfo.InvariantCulture)]} lopende dossiers",
            doc.QuerySelector($"#Naar option[value='{priya}']")!.TextContent);

        var antwoord = await _teamleider.PostAsync($"{Pagina}?klantregisseur={mohamed}", Formulier(doc, gekozen, priya));
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
        var na = await LeesAsync(await _teamleider.GetAsync(antwoord.Headers.Location!.OriginalString));
        Assert.Equal("4 dossiers toegewezen aan Priya van Dijk.", na.GetElementById("verdeel-melding")!.TextContent.Trim());

        // Exactly the chosen cases changed, nothing else.
        var daarna = Toewijzingen();
        foreach (var (id, regisseur) in daarna)
        {
            Assert.Equal(gekozen.Contains(id) ? priya : voor[id], regisseur);
        }

        // The caseloads on the page follow at once, and still equal the database.
        var caseloadNa = CaseloadKlopt(na);
        Assert.Equal(caseloadVoor[priya.ToString(System.Globalization.CultureInfo.InvariantCulture)] + 4, caseloadNa[priya.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal(caseloadVoor[mohamed.ToString(System.Globalization.CultureInfo.InvariantCulture)] - 3, caseloadNa[mohamed.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal(caseloadVoor["geen"] - 1, caseloadNa["geen"]);

        // One audit row per case: from whom, to whom, by the teamleider.
        var audit = factory.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.Omschrijving.StartsWith("Klantregisseur gewijzigd (werk verdelen)")).ToList());
        foreach (var id in gekozen)
        {
            var regel = Assert.Single(audit, a => a.InburgeraarId == id);
            Assert.Equal(Teamleider, regel.Gebruiker);
            Assert.Equal(AuditActie.Wijzigen, regel.Actie);
            Assert.Equal(AuditResultaat.Toegestaan, regel.Resultaat);
            Assert.Contains("Teamleider", regel.Rol);
            Assert.Equal(id == gekozen[3] ? "Klantregisseur gewijzigd (werk verdelen): van niet toegewezen naar Priya van Dijk"
                : "Klantregisseur gewijzigd (werk verdelen): van Mohamed Bakker naar Priya van Dijk", regel.Omschrijving);
        }

        Assert.DoesNotContain(audit, a => a.InburgeraarId == blijft);

        // The case page shows the new klantregisseur.
        Assert.Contains("klantregisseur Priya van Dijk", await factory.ClientAls(Teamleider).GetStringAsync($"/inburgeraars/{gekozen[1]}"));
    }

    [Fact]
    public async Task Een_dossier_van_een_andere_regio_weigert_de_hele_toewijzing()
    {
        var joost = Medewerker("joost.smits@kempen.example");
        var eigen = await DossierAsync("Verdeel-eigen", null);
        var weert = factory.MetDatabase(db => db.Inburgeraars.First(i => i.Gemeente!.Code == "GM0988").Id);
        var weertRegisseur = factory.MetDatabase(db => db.Inburgeraars.Single(i => i.Id == weert).KlantregisseurId);
        var voor = Toewijzingen();

        var doc = await LeesAsync(await _teamleider.GetAsync(Pagina));
        // The page never offers a case of Weert, nor a Weert klantregisseur.
        Assert.DoesNotContain(weert.ToString(), doc.QuerySelectorAll("input[name=Dossiers]").Select(i => i.GetAttribute("value")));
        Assert.DoesNotContain("Fleur Hendriks", doc.QuerySelector("#Naar")!.TextContent);

        var fout = await LeesAsync(await _teamleider.PostAsync(Pagina, Formulier(doc, [eigen, weert], joost)));
        Assert.Contains("Eén gekozen dossier is niet gevonden binnen uw gemeenten. Er is niets toegewezen.", fout.QuerySelector("#foutsamenvatting")!.TextContent);
        Assert.Equal(voor, Toewijzingen());
        Assert.Equal(weertRegisseur, factory.MetDatabase(db => db.Inburgeraars.Single(i => i.Id == weert).KlantregisseurId));
        var geweigerd = factory.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.InburgeraarId == weert && a.Gebruiker == Teamleider).ToList());
        Assert.Contains(geweigerd, a => a.Resultaat == AuditResultaat.Geweigerd);
        Assert.DoesNotContain(factory.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.InburgeraarId == eigen).Select(a => a.Omschrijving).ToList()),
            o => o.Contains("werk verdelen"));

        // Only the reach decides here: a klantregisseur of a Kempen team whose home municipality is Weert may work in both
        // regions, so the target check would let the Weert case through; the teamleider's reach must not.
        var grens = Grensregisseur();
        var metGrens = await LeesAsync(await _teamleider.GetAsync(Pagina));
        Assert.NotNull(metGrens.QuerySelector($"#Naar option[value='{grens}']"));
        var viaGrens = await LeesAsync(await _teamleider.PostAsync(Pagina, Formulier(metGrens, [eigen, weert], grens)));
        Assert.Contains("Eén gekozen dossier is niet gevonden binnen uw gemeenten. Er is niets toegewezen.", viaGrens.QuerySelector("#foutsamenvatting")!.TextContent);
        Assert.Equal(voor, Toewijzingen());

        // A Weert klantregisseur as target (posted by hand) is refused too.
        var fleur = Medewerker("fleur.hendriks@weert.example");
        var naarWeert = await LeesAsync(await _teamleider.PostAsync(Pagina, Formulier(doc, [eigen], fleur)));
        Assert.Contains("Deze klantregisseur is onbekend of werkt niet in uw gemeenten.", naarWeert.QuerySelector("#foutsamenvatting")!.TextContent);
        Assert.Equal(voor, Toewijzingen());
    }

    [Fact]
    public async Task Nieuwe_klantregisseur_moet_in_de_gemeente_van_elk_dossier_mogen_werken()
    {
        // Weert does not share case files: a region-wide Weert teamleider reaches Weert and Nederweert, but Bram (Nederweert)
        // may not take a Weert case.
        var teamleider = WeertTeamleider();
        var client = factory.ClientAls(teamleider, volgRedirects: false);
        var bram = Medewerker("bram.peeters@nederweert.example");
        var (weert, nederweert) = factory.MetDatabase(db => (
            db.Inburgeraars.Where(i => i.Gemeente!.Code == "GM0988" && !Afgesloten.Contains(i.Fase)).OrderBy(i => i.Id).First().Id,
            db.Inburgeraars.Where(i => i.Gemeente!.Code == "GM0946" && !Afgesloten.Contains(i.Fase)).OrderBy(i => i.Id).First().Id));
        var voor = Toewijzingen();

        var doc = await LeesAsync(await client.GetAsync(Pagina));
        Assert.NotNull(doc.QuerySelector($"#Naar option[value='{bram}']"));
        Assert.Null(doc.QuerySelector($"#Naar option[value='{Medewerker("sanne.devries@kempen.example")}']"));
        var fout = await LeesAsync(await client.PostAsync(Pagina, Formulier(doc, [weert, nederweert], bram)));
        Assert.Contains("Bram Peeters werkt niet in gemeente Weert (1 gekozen dossier). Er is niets toegewezen.", fout.QuerySelector("#foutsamenvatting")!.TextContent);
        Assert.Equal(voor, Toewijzingen());

        // The same klantregisseur for the Nederweert case alone is fine.
        var goed = await client.PostAsync(Pagina, Formulier(doc, [nederweert], bram));
        Assert.Equal(HttpStatusCode.Redirect, goed.StatusCode);
        Assert.Equal(bram, Toewijzingen()[nederweert]);
    }

    /// <summary>A klantregisseur in a Kempen team with Weert as home municipality (reach: Weert and the sharing Kempen region).</summary>
    private int Grensregisseur()
    {
        const string email = "grens.regisseur@kempen.example";
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        var db = scope.ServiceProvider.GetRequiredService<Data.KoersDbContext>();
        if (db.Medewerkers.FirstOrDefault(m => m.Email == email) is { } bestaand) return bestaand.Id;
        var team = db.Teams.First(t => t.Regio!.Gemeenten.Any(g => g.Code == "GM1724"));
        var medewerker = new Medewerker { Naam = "Gijs Grens", Email = email, TeamId = team.Id, GemeenteId = db.Gemeenten.Single(g => g.Code == "GM0988").Id };
        db.Medewerkers.Add(medewerker);
        db.SaveChanges();
        var gebruiker = new Gebruiker { UserName = email, Email = email, Weergavenaam = "Gijs Grens", MedewerkerId = medewerker.Id };
        Assert.True(users.CreateAsync(gebruiker).GetAwaiter().GetResult().Succeeded);
        Assert.True(users.AddToRoleAsync(gebruiker, Rollen.Klantregisseur).GetAwaiter().GetResult().Succeeded);
        return medewerker.Id;
    }

    private string WeertTeamleider()
    {
        const string email = "verdeel.teamleider@weert.example";
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        if (users.FindByEmailAsync(email).GetAwaiter().GetResult() is not null) return email;
        var db = scope.ServiceProvider.GetRequiredService<Data.KoersDbContext>();
        var team = db.Teams.First(t => t.Regio!.Gemeenten.Any(g => g.Code == "GM0988"));
        var medewerker = new Medewerker { Naam = "Wim Teamleider Weert", Email = email, TeamId = team.Id }; // no home municipality: the whole region
        db.Medewerkers.Add(medewerker);
        db.SaveChanges();
        var gebruiker = new Gebruiker { UserName = email, Email = email, Weergavenaam = "Wim Teamleider Weert", MedewerkerId = medewerker.Id };
        Assert.True(users.CreateAsync(gebruiker).GetAwaiter().GetResult().Succeeded);
        Assert.True(users.AddToRoleAsync(gebruiker, Rollen.Teamleider).GetAwaiter().GetResult().Succeeded);
        return email;
    }

    [Fact]
    public async Task Klantregisseur_zonder_teamleiderrol_kan_niet_verdelen()
    {
        var sanne = factory.ClientAls("sanne.devries@kempen.example", volgRedirects: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await sanne.GetAsync(Pagina)).StatusCode);
        var eigen = await DossierAsync("Verdeel-sanne", null);
        var doc = await LeesAsync(await _teamleider.GetAsync(Pagina));
        var voor = Toewijzingen();
        // Even with a valid form token of another user's page the post is refused before anything is read.
        var post = await sanne.PostAsync(Pagina, Formulier(doc, [eigen], Medewerker("sanne.devries@kempen.example")));
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, post.StatusCode.ToString());
        Assert.Equal(voor, Toewijzingen());

        // The worklist links the page for the teamleider only, so the klantregisseur meets no dead link.
        Assert.Null(new HtmlParser().ParseDocument(await sanne.GetStringAsync("/werkvoorraad")).GetElementById("werk-verdelen"));
        Assert.Equal(Pagina, new HtmlParser().ParseDocument(await _teamleider.GetStringAsync("/werkvoorraad")).GetElementById("werk-verdelen")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Api_verdeelt_alles_of_niets_met_problem_json_bij_fouten()
    {
        var api = factory.ClientAls(Teamleider);
        var esra = Medewerker("esra.visser@kempen.example");
        var a = await DossierAsync("Verdeel-api-a", null);
        var b = await DossierAsync("Verdeel-api-b", null, "GM1728");
        var weert = factory.MetDatabase(db => db.Inburgeraars.First(i => i.Gemeente!.Code == "GM0946").Id);
        var voor = Toewijzingen();

        var caseload = (await (await api.GetAsync("/api/v1/werkvoorraad/caseload")).LeesAsync()).AsArray();
        var esraVoor = caseload.Single(k => k!["id"]!.GetValue<int>() == esra)!["lopend"]!.GetValue<int>();
        Assert.DoesNotContain(caseload, k => k!["naam"]!.GetValue<string>() == "Fleur Hendriks");

        var leeg = await api.PostJsonAsync("/api/v1/werkvoorraad/verdelen", new { dossiers = Array.Empty<Guid>() });
        Assert.Equal(HttpStatusCode.BadRequest, leeg.StatusCode);
        Assert.Equal("application/problem+json", leeg.Content.Headers.ContentType!.MediaType);
        var fouten = (await leeg.LeesAsync())["errors"]!;
        Assert.Equal("Kies een of meer dossiers om toe te wijzen.", fouten["dossiers"]![0]!.GetValue<string>());
        Assert.Equal("Kies de klantregisseur die de dossiers krijgt.", fouten["klantregisseurId"]![0]!.GetValue<string>());

        var buiten = await api.PostJsonAsync("/api/v1/werkvoorraad/verdelen", new { dossiers = new[] { a, weert }, klantregisseurId = esra });
        Assert.Equal(HttpStatusCode.BadRequest, buiten.StatusCode);
        Assert.Equal(voor, Toewijzingen());

        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("sanne.devries@kempen.example")
            .PostJsonAsync("/api/v1/werkvoorraad/verdelen", new { dossiers = new[] { a }, klantregisseurId = esra })).StatusCode);
        Assert.Equal(voor, Toewijzingen());

        var goed = await api.PostJsonAsync("/api/v1/werkvoorraad/verdelen", new { dossiers = new[] { a, b }, klantregisseurId = esra });
        Assert.Equal(HttpStatusCode.OK, goed.StatusCode);
        var resultaat = await goed.LeesAsync();
        Assert.Equal(2, resultaat["aantal"]!.GetValue<int>());
        Assert.Equal("Esra Visser", resultaat["klantregisseur"]!.GetValue<string>());
        Assert.Equal(esra, Toewijzingen()[a]);
        Assert.Equal(esra, Toewijzingen()[b]);
        var na = (await (await api.GetAsync("/api/v1/werkvoorraad/caseload")).LeesAsync()).AsArray();
        Assert.Equal(esraVoor + 2, na.Single(k => k!["id"]!.GetValue<int>() == esra)!["lopend"]!.GetValue<int>());
    }

    [Fact]
    public async Task Zonder_keuze_een_foutsamenvatting_naar_de_velden_en_de_vinkjes_blijven_staan()
    {
        var a = await DossierAsync("Verdeel-vinkje-a", null, "GM1667");
        var b = await DossierAsync("Verdeel-vinkje-b", null, "GM1667");
        var url = $"{Pagina}?gemeente=GM1667&klantregisseur=geen";
        var doc = await LeesAsync(await _teamleider.GetAsync(url));
        var voor = Toewijzingen();

        var leeg = await LeesAsync(await _teamleider.PostAsync(url, Formulier(doc, [], null)));
        var links = leeg.QuerySelectorAll("#foutsamenvatting a").ToDictionary(l => l.GetAttribute("href")!, l => l.TextContent);
        Assert.Equal("Kies een of meer dossiers om toe te wijzen.", links["#Dossiers"]);
        Assert.Equal("Kies de klantregisseur die de dossiers krijgt.", links["#Naar"]);
        Assert.All(links.Keys, href => Assert.NotNull(leeg.GetElementById(href.TrimStart('#'))));
        Assert.StartsWith("Fout", leeg.Title);

        // Cases ticked, no klantregisseur: the ticks stay, and so does the filter.
        var zonderDoel = await LeesAsync(await _teamleider.PostAsync(url, new FormUrlEncodedContent([
            new("__RequestVerificationToken", Token(doc)), new("Gemeente", "GM1667"), new("Klantregisseur", "geen"),
            new("Dossiers", a.ToString()), new("Dossiers", b.ToString()), new("Naar", ""),
        ])));
        Assert.Equal(["#Naar"], zonderDoel.QuerySelectorAll("#foutsamenvatting a").Select(l => l.GetAttribute("href")));
        var aangevinkt = zonderDoel.QuerySelectorAll("input[name=Dossiers]:checked").Select(i => Guid.Parse(i.GetAttribute("value")!)).ToList();
        Assert.Equal(new[] { a, b }.Order(), aangevinkt.Order());
        Assert.Equal("GM1667", zonderDoel.QuerySelector("#Gemeente option[selected]")!.GetAttribute("value"));

        // A klantregisseur chosen, no case ticked: the choice stays.
        var lotte = Medewerker("lotte.jansen@kempen.example");
        var zonderDossier = await LeesAsync(await _teamleider.PostAsync(url, Formulier(doc, [], lotte)));
        Assert.Equal(lotte.ToString(System.Globalization.CultureInfo.InvariantCulture), zonderDossier.QuerySelector("#Naar option[selected]")!.GetAttribute("value"));

        // A teamleider (not a klantregisseur) is no target.
        var anouk = Medewerker(Teamleider);
        Assert.Null(doc.QuerySelector($"#Naar option[value='{anouk}']"));
        var naarTeamleider = await LeesAsync(await _teamleider.PostAsync(url, Formulier(doc, [a], anouk)));
        Assert.Contains("Deze klantregisseur is onbekend of werkt niet in uw gemeenten.", naarTeamleider.QuerySelector("#foutsamenvatting")!.TextContent);
        Assert.Equal(voor, Toewijzingen());

        // "Alle getoonde dossiers aanvinken" ticks every case shown, without script.
        var alles = await LeesAsync(await _teamleider.GetAsync(doc.QuerySelector("a[href*='alles=true']")!.GetAttribute("href")!));
        Assert.Equal(alles.QuerySelectorAll("input[name=Dossiers]").Length, alles.QuerySelectorAll("input[name=Dossiers]:checked").Length);
    }
}

public sealed class SqliteWerkVerdelenTests(SqliteFactory factory) : WerkVerdelenTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresWerkVerdelenTests(PostgresFactory factory) : WerkVerdelenTests(factory), IClassFixture<PostgresFactory>;

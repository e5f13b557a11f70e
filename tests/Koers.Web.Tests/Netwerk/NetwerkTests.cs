using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Koers.Data.Model.Netwerk;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Netwerk;

/// <summary>
/// The network around the inburgeraar: the sociale kaart per municipality (kept through page and API, linked to a person,
/// seen in the portal) and casusoverleg (cases discussed only within reach, partners only with consent, actions on the
/// owner's worklist when due and gone when done). Refusals store nothing; another municipality gets 404.
/// The clock stands on 16 June 2026; cases are in GM1724 (Bergeijk, Kempen).
/// </summary>
public abstract class NetwerkTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();
    private static int _volgnummer;

    private async Task<Guid> DossierAsync(string gemeente = "GM1724")
    {
        var invoer = Testdata.Inburgeraar(bsn: Testdata.NieuwBsn(), koppelingsdatum: "2025-11-03", gemeente: gemeente);
        invoer["achternaam"] = "Netwerk" + Interlocked.Increment(ref _volgnummer);
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.LeesAsync())["id"]!.GetValue<string>());
    }

    private async Task<int> KaartitemAsync(string gemeente, string naam, string soort = "taalcafe")
    {
        var r = await _client.PostJsonAsync($"/api/v1/sociale-kaart/{gemeente}", new { naam, soort, plaats = "Bergeijk", talen = "Nederlands, Arabisch" });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.LeesAsync())["id"]!.GetValue<int>();
    }

    /// <summary>A portal login (role Inburgeraar) for the given case; returns its e-mail.</summary>
    private async Task<string> InburgeraarMetLoginAsync(Guid dossier)
    {
        var email = $"netwerk{Interlocked.Increment(ref _volgnummer)}-{Guid.NewGuid():N}@demo.example";
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Koers.Data.Model.Gebruiker>>();
        var gebruiker = new Koers.Data.Model.Gebruiker { UserName = email, Email = email, Weergavenaam = "Inburgeraar", InburgeraarId = dossier };
        Assert.True((await users.CreateAsync(gebruiker)).Succeeded);
        Assert.True((await users.AddToRoleAsync(gebruiker, Koers.Data.Model.Rollen.Inburgeraar)).Succeeded);
        return email;
    }

    private int Medewerker(string email) => factory.MetDatabase(db => db.Medewerkers.Single(m => m.Email == email).Id);

    [Fact]
    public async Task Sociale_kaart_beheren_koppelen_en_weigeren_zonder_iets_op_te_slaan()
    {
        var naam = "Taalcafé De Brug " + Interlocked.Increment(ref _volgnummer);
        var item = await KaartitemAsync("GM1724", naam);
        var lijst = await (await _client.GetAsync("/api/v1/sociale-kaart/GM1724")).LeesAsync();
        var rij = lijst.AsArray().Single(x => x!["naam"]!.GetValue<string>() == naam)!;
        Assert.Equal("taalcafe", rij["soort"]!.GetValue<string>());
        Assert.Equal(["Nederlands", "Arabisch"], rij["talen"]!.AsArray().Select(t => t!.GetValue<string>()));

        // Validation: no name, no kind, and a second entry with the same name: 400 at the fields, nothing stored.
        var aantal = factory.MetDatabase(db => db.Set<Kaartitem>().Count());
        var fout = await _client.PostJsonAsync("/api/v1/sociale-kaart/GM1724", new { naam = "" });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        var fouten = (await fout.LeesAsync())["errors"]!;
        Assert.Equal("Vul de naam in.", fouten["naam"]![0]!.GetValue<string>());
        Assert.Contains("Kies de soort", fouten["soort"]![0]!.GetValue<string>());
        var dubbel = await _client.PostJsonAsync("/api/v1/sociale-kaart/GM1724", new { naam, soort = "vereniging" });
        Assert.Contains("staat al op de sociale kaart van Bergeijk", (await dubbel.LeesAsync())["errors"]!["naam"]![0]!.GetValue<string>());
        Assert.Equal(aantal, factory.MetDatabase(db => db.Set<Kaartitem>().Count()));

        // The page lists it; another municipality's user gets 404 on page and API.
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync("/sociale-kaart?gemeente=GM1724"));
        Assert.Contains(naam, pagina.QuerySelector("#kaart")!.TextContent);
        var weert = factory.ClientAls("fleur.hendriks@weert.example");
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync("/sociale-kaart?gemeente=GM1724")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync("/api/v1/sociale-kaart/GM1724")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostJsonAsync("/api/v1/sociale-kaart/GM1724", new { naam = "Kaping", soort = "anders" })).StatusCode);

        // Linking: an entry of another municipality (Bladel) is refused at the field; the case's own is linked and audited.
        var id = await DossierAsync();
        var bladel = await KaartitemAsync("GM1728", "Bibliotheek Bladel " + Interlocked.Increment(ref _volgnummer), "bibliotheek");
        var verkeerd = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/sociale-kaart", new { kaartitemId = bladel, datum = "2026-06-16" });
        Assert.Equal(HttpStatusCode.BadRequest, verkeerd.StatusCode);
        Assert.Equal("Deze plek staat niet op de sociale kaart van Bergeijk.", (await verkeerd.LeesAsync())["errors"]!["kaartitemId"]![0]!.GetValue<string>());
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Kaartkoppeling>().Count(k => k.InburgeraarId == id)));

        var gekoppeld = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/sociale-kaart", new { kaartitemId = item, datum = "2026-06-16" });
        Assert.Equal(HttpStatusCode.Created, gekoppeld.StatusCode);
        var koppeling = await gekoppeld.LeesAsync();
        Assert.Equal("voorgesteld", koppeling["status"]!.GetValue<string>());
        var nogmaals = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/sociale-kaart", new { kaartitemId = item, datum = "2026-06-16" });
        Assert.Contains("al gekoppeld", (await nogmaals.LeesAsync())["errors"]!["kaartitemId"]![0]!.GetValue<string>());
        Assert.Equal(1, factory.MetDatabase(db => db.Set<Kaartkoppeling>().Count(k => k.InburgeraarId == id)));
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id).Select(a => a.Omschrijving).ToList()),
            o => o == $"Sociale kaart: '{naam}' gekoppeld (voorgesteld)");

        // Status moves on, never back.
        var kid = koppeling["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/sociale-kaart/{kid}/status", new { status = "gestart" })).StatusCode);
        var terug = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/sociale-kaart/{kid}/status", new { status = "voorgesteld" });
        Assert.Equal(HttpStatusCode.BadRequest, terug.StatusCode);
        Assert.Equal(Koppelstatus.Gestart, factory.MetDatabase(db => db.Set<Kaartkoppeling>().Single(k => k.InburgeraarId == id).Status));

        // The case's Netwerk tab and the case page show it; another municipality gets 404.
        var tab = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/netwerk"));
        Assert.Contains(naam, tab.QuerySelector("#koppelingen")!.TextContent);
        Assert.Contains("Gestart", tab.QuerySelector("#koppelingen")!.TextContent);
        var dossier = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}"));
        Assert.Contains(naam, dossier.QuerySelector("#netwerk-koppelingen")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/inburgeraars/{id}/netwerk")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/api/v1/inburgeraars/{id}/sociale-kaart")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostJsonAsync($"/api/v1/inburgeraars/{id}/sociale-kaart", new { kaartitemId = item, datum = "2026-06-16" })).StatusCode);
    }

    [Fact]
    public async Task Sociale_kaart_pagina_weigert_invoer_bij_het_veld()
    {
        var client = factory.ClientAls(KoersFactory.TestGebruiker);
        var pagina = new HtmlParser().ParseDocument(await client.GetStringAsync("/sociale-kaart?gemeente=GM0770"));
        var token = pagina.QuerySelector("#formulier input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var aantal = factory.MetDatabase(db => db.Set<Kaartitem>().Count());
        var antwoord = await client.PostAsync("/sociale-kaart", new FormUrlEncodedContent([
            new("__RequestVerificationToken", token), new("Gemeente", "GM0770"), new("Invoer.Naam", "Zonder soort"), new("Invoer.Actief", "true"),
        ]));
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var fout = new HtmlParser().ParseDocument(await antwoord.Content.ReadAsStringAsync());
        Assert.Contains("Kies de soort", fout.QuerySelector("#Invoer_Soort-fout")!.TextContent);
        Assert.Equal(aantal, factory.MetDatabase(db => db.Set<Kaartitem>().Count()));
    }

    [Fact]
    public async Task Portaal_toont_de_eigen_gekoppelde_plekken_in_het_Nederlands_en_Engels()
    {
        var inburgeraar = factory.ClientAls("inburgeraar@demo.example");
        var nl = new HtmlParser().ParseDocument(await inburgeraar.GetStringAsync("/mijn/netwerk?taal=nl"));
        Assert.Equal("Activiteiten bij u in de buurt", nl.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Taalcafé bibliotheek Bergeijk", nl.Body!.TextContent);
        Assert.Contains("U doet mee", nl.Body.TextContent);
        var en = new HtmlParser().ParseDocument(await inburgeraar.GetStringAsync("/mijn/netwerk?taal=en"));
        Assert.Equal("Activities near you", en.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Language buddy", en.Body!.TextContent);
        // Staff and partners have no portal page.
        Assert.NotEqual(HttpStatusCode.OK, (await factory.ClientAls("partner@taalschool.example", volgRedirects: false).GetAsync("/mijn/netwerk")).StatusCode);
    }

    [Fact]
    public async Task Het_portaal_laat_een_gestopte_plek_weg_die_de_klantregisseur_wel_ziet()
    {
        // The case page and the portal read the links with one query; the portal leaves the stopped ones out itself.
        var id = await DossierAsync();
        var n = Interlocked.Increment(ref _volgnummer);
        var (loopt, gestopt) = ($"Taalcafé loopt {n}", $"Zwemles gestopt {n}");
        foreach (var (naam, status) in new[] { (loopt, "gestart"), (gestopt, "gestopt") })
        {
            var item = await KaartitemAsync("GM1724", naam);
            var gekoppeld = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/sociale-kaart", new { kaartitemId = item, datum = "2026-06-16", status });
            Assert.Equal(HttpStatusCode.Created, gekoppeld.StatusCode);
        }

        var email = await InburgeraarMetLoginAsync(id);
        var inburgeraar = factory.ClientAls(email);

        var api = await (await inburgeraar.GetAsync("/api/v1/mijn/netwerk")).LeesAsync();
        Assert.Equal([loopt], api["plaatsen"]!.AsArray().Select(p => p!["naam"]!.GetValue<string>()));
        var portaal = new HtmlParser().ParseDocument(await inburgeraar.GetStringAsync("/mijn/netwerk?taal=nl")).Body!.TextContent;
        Assert.Contains(loopt, portaal);
        Assert.DoesNotContain(gestopt, portaal);

        // The klantregisseur sees both, on the case page and in the API.
        var dossierpagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}")).Body!.TextContent;
        Assert.Contains(loopt, dossierpagina);
        Assert.Contains(gestopt, dossierpagina);
        var staf = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/sociale-kaart")).LeesAsync();
        Assert.Equal(2, staf.AsArray().Count);
    }

    [Fact]
    public async Task Portaal_api_geeft_alleen_de_eigen_plekken_en_groepen_met_bijeenkomsten()
    {
        var eigen = factory.MetDatabase(db => db.Users.Single(u => u.Email == "inburgeraar@demo.example").InburgeraarId!.Value);
        int Gelogd() => factory.MetDatabase(db => db.Audit.Count(a => a.InburgeraarId == eigen && (a.Omschrijving == "Portaal: sociale kaart bekeken" || a.Omschrijving == "Portaal: groepen bekeken")));
        var voor = Gelogd();
        var antwoord = await factory.ClientAls("inburgeraar@demo.example").GetAsync("/api/v1/mijn/netwerk");
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var json = await antwoord.LeesAsync();
        var plek = json["plaatsen"]!.AsArray().Single(p => p!["naam"]!.GetValue<string>() == "Taalcafé bibliotheek Bergeijk")!;
        Assert.NotNull(plek["status"]);
        Assert.NotNull(plek["sinds"]);
        // What staff wrote about the person or the place is not theirs to read here.
        Assert.DoesNotContain("\"notities\"", json.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"toelichting\"", json.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        var groep = json["groepen"]!.AsArray().Single(g => g!["naam"]!.GetValue<string>() == "KNM-workshop Bergeijk voorjaar")!;
        Assert.Equal("Taalschool De Kempen", groep["organisator"]!.GetValue<string>());
        Assert.Equal((3, 4), (groep["aanwezig"]!.GetValue<int>(), groep["geregistreerd"]!.GetValue<int>()));
        var komend = groep["bijeenkomsten"]!.AsArray().Where(b => b!["komend"]!.GetValue<bool>()).ToList();
        Assert.Equal(["Gemeentehuis Bergeijk (excursie)", "Bibliotheek Bergeijk, zaal 2"], komend.Select(b => b!["locatie"]!.GetValue<string>()));
        Assert.Equal(4, groep["bijeenkomsten"]!.AsArray().Count(b => b!["aanwezigheid"] is not null));
        Assert.DoesNotContain(json["groepen"]!.AsArray(), g => g!["naam"]!.GetValue<string>() == "Groep nog niet startklaar");
        Assert.Equal(voor + 2, Gelogd());

        // Another inburgeraar gets their own (empty) network, never this one: the case comes from the login, not the request.
        var ander = await DossierAsync();
        var email = await InburgeraarMetLoginAsync(ander);
        var leeg = await (await factory.ClientAls(email).GetAsync("/api/v1/mijn/netwerk")).LeesAsync();
        Assert.Empty(leeg["plaatsen"]!.AsArray());
        Assert.Empty(leeg["groepen"]!.AsArray());
        Assert.DoesNotContain("Taalcafé bibliotheek Bergeijk", leeg.ToJsonString());

        // Staff and partner logins are refused, as on the other /mijn endpoints.
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("sanne.devries@kempen.example", volgRedirects: false).GetAsync("/api/v1/mijn/netwerk")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("partner@taalschool.example", volgRedirects: false).GetAsync("/api/v1/mijn/netwerk")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.GetAsync("/api/v1/mijn/netwerk")).StatusCode);
    }

    [Fact]
    public async Task Twee_plekken_met_dezelfde_naam_zijn_in_de_keuzelijst_te_onderscheiden()
    {
        // The kaart refuses the same name twice, but not one that differs only in capitals: in a list they read the same.
        var naam = "Buurthuis De Linde " + Interlocked.Increment(ref _volgnummer);
        foreach (var (n, plaats) in new[] { (naam, "Bergeijk"), (naam.ToLowerInvariant(), "Westerhoven") })
            Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/api/v1/sociale-kaart/GM1724", new { naam = n, soort = "taalcafe", plaats })).StatusCode);
        var id = await DossierAsync();
        var opties = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/netwerk")).QuerySelectorAll("#Invoer_KaartitemId option")
            .Select(o => o.TextContent.Trim()).Where(t => t.StartsWith(naam, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(2, opties.Count);
        Assert.Equal(2, opties.Distinct().Count());
        Assert.Contains(opties, o => o.Contains("Westerhoven", StringComparison.Ordinal));
    }

    private async Task<Guid> OverlegAsync(int[] medewerkers, int[] partners)
    {
        var r = await _client.PostJsonAsync("/api/v1/casusoverleggen", new
        {
            gemeente = "GM1724", onderwerp = "Casusoverleg test " + Interlocked.Increment(ref _volgnummer), datum = "2026-06-15", aanvang = "10:00",
            medewerkers, partners,
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return Guid.Parse((await r.LeesAsync())["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Casusoverleg_bespreekt_alleen_dossiers_binnen_bereik_en_weigert_zonder_op_te_slaan()
    {
        var ik = Medewerker(KoersFactory.TestGebruiker);
        var aantal = factory.MetDatabase(db => db.Set<Casusoverleg>().Count());
        var fout = await _client.PostJsonAsync("/api/v1/casusoverleggen", new { gemeente = "GM0988", onderwerp = "", datum = "2026-06-15", medewerkers = Array.Empty<int>() });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        var fouten = (await fout.LeesAsync())["errors"]!;
        Assert.Equal("Kies een gemeente waarvoor u werkt.", fouten["gemeente"]![0]!.GetValue<string>());
        Assert.Equal("Vul het onderwerp in.", fouten["onderwerp"]![0]!.GetValue<string>());
        Assert.Equal("Kies ten minste één medewerker die deelneemt.", fouten["medewerkers"]![0]!.GetValue<string>());
        Assert.Equal(aantal, factory.MetDatabase(db => db.Set<Casusoverleg>().Count()));

        var overleg = await OverlegAsync([ik], []);
        var id = await DossierAsync();
        var weertDossier = factory.MetDatabase(db => db.Inburgeraars.First(i => i.Gemeente!.Code == "GM0988").Id);
        var buiten = await _client.PostJsonAsync($"/api/v1/casusoverleggen/{overleg}/besprekingen", new { inburgeraarId = weertDossier, verslag = "Mag niet" });
        Assert.Equal(HttpStatusCode.BadRequest, buiten.StatusCode);
        Assert.Equal("Er is geen dossier binnen uw bereik met dit kenmerk.", (await buiten.LeesAsync())["errors"]!["inburgeraarId"]![0]!.GetValue<string>());
        Assert.False(factory.MetDatabase(db => db.Set<Casusbespreking>().Any(b => b.InburgeraarId == weertDossier && b.CasusoverlegId == overleg)));

        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/casusoverleggen/{overleg}/besprekingen", new { inburgeraarId = id, verslag = "Wil vrijwilligerswerk." })).StatusCode);
        var json = await (await _client.GetAsync($"/api/v1/casusoverleggen/{overleg}")).LeesAsync();
        var b = json["besprekingen"]!.AsArray().Single()!;
        Assert.Equal(id.ToString(), b["inburgeraarId"]!.GetValue<string>());
        Assert.Equal("Wil vrijwilligerswerk.", b["verslag"]!.GetValue<string>());

        // The page shows the case and its minutes; the case's tab shows the meeting; Weert gets 404 everywhere.
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/casusoverleg/{overleg}"));
        Assert.Contains("Wil vrijwilligerswerk.", pagina.QuerySelector("#besprekingen")!.TextContent);
        var tab = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/netwerk"));
        Assert.Contains("Wil vrijwilligerswerk.", tab.QuerySelector("#casusoverleg")!.TextContent);
        var weert = factory.ClientAls("fleur.hendriks@weert.example");
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/casusoverleg/{overleg}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/api/v1/casusoverleggen/{overleg}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostJsonAsync($"/api/v1/casusoverleggen/{overleg}/besprekingen", new { inburgeraarId = id })).StatusCode);
        Assert.DoesNotContain((await (await weert.GetAsync("/api/v1/casusoverleggen")).LeesAsync()).AsArray(), o => o!["id"]!.GetValue<string>() == overleg.ToString());
        // Reading the meeting is audited per case shown.
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id).Select(a => a.Omschrijving).ToList()),
            o => o.StartsWith("Casusoverleg 'Casusoverleg test", StringComparison.Ordinal) && o.EndsWith("bespreking bekeken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Partner_ziet_een_besproken_dossier_alleen_met_machtiging()
    {
        var ik = Medewerker(KoersFactory.TestGebruiker);
        var taalschool = factory.MetDatabase(db => db.Partnerorganisaties.Single(p => p.Naam == "Taalschool De Kempen").Id);
        var overleg = await OverlegAsync([ik], [taalschool]);
        var met = await DossierAsync();
        var zonder = await DossierAsync();
        var machtiging = await _client.PostJsonAsync($"/api/v1/inburgeraars/{met}/machtigingen",
            new { partnerorganisatieId = taalschool, categorieen = new[] { "basisgegevens", "voortgang" }, van = "2026-06-01", vorm = "Ondertekend formulier" });
        Assert.Equal(HttpStatusCode.Created, machtiging.StatusCode);
        // Basisgegevens alone is not enough to see the minutes.
        var alleenBasis = await DossierAsync();
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{alleenBasis}/machtigingen",
            new { partnerorganisatieId = taalschool, categorieen = new[] { "basisgegevens" }, van = "2026-06-01", vorm = "Ondertekend formulier" })).StatusCode);
        foreach (var d in new[] { met, zonder, alleenBasis })
            Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/casusoverleggen/{overleg}/besprekingen", new { inburgeraarId = d, verslag = $"Verslag {d}" })).StatusCode);

        var partner = factory.ClientAls("partner@taalschool.example");
        var json = await (await partner.GetAsync($"/api/v1/partner/casusoverleggen/{overleg}")).LeesAsync();
        Assert.Equal([met.ToString()], json["besprekingen"]!.AsArray().Select(b => b!["inburgeraarId"]!.GetValue<string>()));
        Assert.Equal(2, json["nietZichtbaar"]!.GetValue<int>());
        var pagina = new HtmlParser().ParseDocument(await partner.GetStringAsync($"/partner/casusoverleg/{overleg}"));
        Assert.Contains($"Verslag {met}", pagina.QuerySelector("#besprekingen")!.TextContent);
        Assert.DoesNotContain($"Verslag {zonder}", pagina.Body!.TextContent);
        Assert.DoesNotContain($"Verslag {alleenBasis}", pagina.Body.TextContent);
        Assert.Contains("2 besproken dossiers vallen buiten uw bereik of machtiging", pagina.QuerySelector("#niet-zichtbaar")!.TextContent);

        // A partner that does not take part sees nothing of the meeting; a partner cannot use the staff API.
        var vwn = factory.ClientAls("partner@vluchtelingenwerk.example");
        Assert.Equal(HttpStatusCode.NotFound, (await vwn.GetAsync($"/api/v1/partner/casusoverleggen/{overleg}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/casusoverleggen/{overleg}")).StatusCode);
    }

    [Fact]
    public async Task Actie_verschijnt_in_de_werkvoorraad_van_de_eigenaar_als_zij_bijna_moet_en_verdwijnt_als_zij_af_is()
    {
        var ik = Medewerker(KoersFactory.TestGebruiker);
        var sanne = Medewerker("sanne.devries@kempen.example");
        var overleg = await OverlegAsync([ik, sanne], []);
        var id = await DossierAsync();
        var b = await _client.PostJsonAsync($"/api/v1/casusoverleggen/{overleg}/besprekingen", new { inburgeraarId = id });
        var bespreking = (await b.LeesAsync()).GetValue<string>();

        // Refusals: no owner among the participants, a due date before the meeting; nothing stored.
        var buitenstaander = Medewerker("fleur.hendriks@weert.example");
        var fout = await _client.PostJsonAsync($"/api/v1/casusoverleggen/{overleg}/besprekingen/{bespreking}/acties",
            new { tekst = "Bellen", eigenaarId = buitenstaander, deadline = "2026-06-01" });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        var fouten = (await fout.LeesAsync())["errors"]!;
        Assert.Equal("Kies een medewerker die deelneemt aan dit overleg.", fouten["eigenaarId"]![0]!.GetValue<string>());
        Assert.Contains("vóór het overleg", fouten["deadline"]![0]!.GetValue<string>());
        Assert.False(factory.MetDatabase(db => db.Set<Overlegactie>().Any(a => a.Casusbespreking!.CasusoverlegId == overleg)));

        var tekst = "Taalmaatje zoeken " + Interlocked.Increment(ref _volgnummer);
        var later = "Later bellen " + _volgnummer;
        var nu = await _client.PostJsonAsync($"/api/v1/casusoverleggen/{overleg}/besprekingen/{bespreking}/acties", new { tekst, eigenaarId = ik, deadline = "2026-06-19" });
        Assert.Equal(HttpStatusCode.Created, nu.StatusCode);
        var actie = (await nu.LeesAsync()).GetValue<string>();
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/casusoverleggen/{overleg}/besprekingen/{bespreking}/acties",
            new { tekst = later, eigenaarId = ik, deadline = "2026-07-30" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/casusoverleggen/{overleg}/besprekingen/{bespreking}/acties",
            new { tekst = tekst + " voor Sanne", eigenaarId = sanne, deadline = "2026-06-17" })).StatusCode);

        string Sectie(string html) => new HtmlParser().ParseDocument(html).QuerySelector("#signalen-casusoverleg")?.TextContent ?? "";
        var werk = Sectie(await _client.GetStringAsync("/werkvoorraad"));
        Assert.Contains(tekst, werk);
        Assert.Contains("deadline 19 jun 2026", werk);
        Assert.DoesNotContain(later, werk); // due in six weeks: not yet
        Assert.DoesNotContain(tekst + " voor Sanne", werk); // another owner's
        Assert.Contains(tekst + " voor Sanne", Sectie(await factory.ClientAls("sanne.devries@kempen.example").GetStringAsync("/werkvoorraad")));

        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientAls("fleur.hendriks@weert.example").PostAsync($"/api/v1/casusoverleggen/acties/{actie}/gedaan", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync($"/api/v1/casusoverleggen/acties/{actie}/gedaan", null)).StatusCode);
        Assert.DoesNotContain(tekst + "<", Sectie(await _client.GetStringAsync("/werkvoorraad")) + "<");
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id).Select(a => a.Omschrijving).ToList()), o => o.EndsWith("actie afgerond", StringComparison.Ordinal));
    }
}

public sealed class SqliteNetwerkTests(SqliteFactory factory) : NetwerkTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresNetwerkTests(PostgresFactory factory) : NetwerkTests(factory), IClassFixture<PostgresFactory>;

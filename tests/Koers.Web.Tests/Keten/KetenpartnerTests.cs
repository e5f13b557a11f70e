using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Keten;

/// <summary>
/// Chain partners: consent decides what a partner sees (404 without it, per category, at once after withdrawal), every
/// partner read is audited, referrals need consent, waiting time, and partner beheer. The clock stands on 16 June 2026.
/// Each test makes its own cases, partner organisations and partner users, so demo data does not matter.
/// </summary>
public abstract class KetenpartnerTests(KoersFactory factory)
{
    private readonly HttpClient _staf = factory.CreateClient();

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static string Uniek() => Guid.NewGuid().ToString("N")[..8];

    private async Task<Guid> DossierAsync(string gemeente = "GM1724")
    {
        var invoer = Testdata.Inburgeraar(gemeente: gemeente);
        invoer["achternaam"] = "Keten" + Uniek();
        var response = await _staf.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.LeesAsync())["id"]!.GetValue<string>());
    }

    private int Partner(Partnersoort soort, string regio = "Kempen") => factory.MetDatabase(db =>
    {
        var p = new Partnerorganisatie { Naam = $"Test {soort} {Uniek()}", Soort = soort, RegioId = db.Regios.First(r => r.Naam.Contains(regio)).Id, Capaciteit = 4 };
        db.Partnerorganisaties.Add(p);
        db.SaveChanges();
        return p.Id;
    });

    private string PartnerGebruiker(int partnerId)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        var email = $"partner-{Uniek()}@test.example";
        var g = new Gebruiker { UserName = email, Email = email, Weergavenaam = "Pim Partner", PartnerorganisatieId = partnerId };
        Assert.True(users.CreateAsync(g).GetAwaiter().GetResult().Succeeded);
        Assert.True(users.AddToRoleAsync(g, Rollen.Partner).GetAwaiter().GetResult().Succeeded);
        return email;
    }

    private Guid Machtig(Guid id, int partner, Gegevenscategorie cat, DateOnly? van = null, DateOnly? tot = null, bool ingetrokken = false) => factory.MetDatabase(db =>
    {
        var m = new Machtiging
        {
            Id = Guid.NewGuid(), InburgeraarId = id, PartnerorganisatieId = partner, Categorieen = cat, Van = van ?? KoersFactory.Vandaag.AddDays(-10), Tot = tot,
            Vorm = "Ondertekend formulier", VastgelegdOp = KoersFactory.Nu.UtcDateTime, VastgelegdDoor = "test",
            IngetrokkenOp = ingetrokken ? KoersFactory.Nu.UtcDateTime : null,
        };
        db.Machtigingen.Add(m);
        db.SaveChanges();
        return m.Id;
    });

    private (Guid Dossier, int Partner, HttpClient Client) Opzet(Partnersoort soort = Partnersoort.Taalaanbieder)
    {
        var id = DossierAsync().GetAwaiter().GetResult();
        var partner = Partner(soort);
        return (id, partner, factory.ClientAls(PartnerGebruiker(partner)));
    }

    // ---- consent enforcement ------------------------------------------------------------------------------------

    [Fact]
    public async Task Partner_zonder_machtiging_krijgt_404_op_pagina_en_api_en_ziet_het_dossier_niet_in_de_lijst()
    {
        var (id, partner, client) = Opzet();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/partner/dossiers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/partner/dossiers/{id}")).StatusCode);
        Assert.DoesNotContain((await (await client.GetAsync("/api/v1/partner/dossiers")).LeesAsync()).AsArray(), d => d!["id"]!.GetValue<string>() == id.ToString());
        // Not even a case worker's endpoint opens to a partner.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/inburgeraars/{id}")).StatusCode);

        Machtig(id, partner, Gegevenscategorie.Basisgegevens);
        var dossier = await (await client.GetAsync($"/api/v1/partner/dossiers/{id}")).LeesAsync();
        Assert.StartsWith("Keten", dossier["basisgegevens"]!["achternaam"]!.GetValue<string>());
        Assert.Contains((await (await client.GetAsync("/api/v1/partner/dossiers")).LeesAsync()).AsArray(), d => d!["id"]!.GetValue<string>() == id.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/partner/dossiers/{id}")).StatusCode);
    }

    [Fact]
    public async Task Ingetrokken_verlopen_of_nog_niet_geldige_machtiging_geeft_404()
    {
        var (id, partner, client) = Opzet();
        Machtig(id, partner, Gegevenscategorie.Basisgegevens, tot: KoersFactory.Vandaag.AddDays(-1));
        Machtig(id, partner, Gegevenscategorie.Basisgegevens, ingetrokken: true);
        Machtig(id, partner, Gegevenscategorie.Basisgegevens, van: KoersFactory.Vandaag.AddDays(1));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/partner/dossiers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/partner/dossiers/{id}")).StatusCode);

        // The last day of a consent still counts.
        Machtig(id, partner, Gegevenscategorie.Basisgegevens, tot: KoersFactory.Vandaag);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/partner/dossiers/{id}")).StatusCode);
    }

    [Fact]
    public async Task Alleen_de_gemachtigde_categorieen_zijn_zichtbaar()
    {
        var (id, partner, client) = Opzet();
        Machtig(id, partner, Gegevenscategorie.Basisgegevens | Gegevenscategorie.Leerroute);
        var dossier = await (await client.GetAsync($"/api/v1/partner/dossiers/{id}")).LeesAsync();
        Assert.NotNull(dossier["leerroute"]);
        Assert.Null(dossier["gezondheid"]);
        Assert.Null(dossier["gezin"]);
        Assert.Equal(["basisgegevens", "leerroute"], dossier["categorieen"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/partner/dossiers/{id}/leerroute")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/partner/dossiers/{id}/gezondheid")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/partner/dossiers/{id}/gezin")).StatusCode);

        var html = await (await client.GetAsync($"/partner/dossiers/{id}")).Content.ReadAsStringAsync();
        var pagina = new HtmlParser().ParseDocument(html);
        Assert.NotNull(pagina.QuerySelector("#leerroute"));
        Assert.Null(pagina.QuerySelector("#gezondheid"));
        Assert.Null(pagina.QuerySelector("#gezin"));
        // The key the partner's attendance CSV needs (koers_id), so hours can be reported without the BSN.
        var sleutel = pagina.QuerySelector("#koers-id")!.TextContent;
        Assert.Contains(id.ToString(), sleutel);
        Assert.Contains(Koers.Web.Features.Voortgang.UrenCsvImport.Kolommen.Single(k => k == "koers_id"), sleutel);
    }

    [Fact]
    public async Task Ingetrokken_categorie_verdwijnt_uit_het_gecombineerde_dossier_terwijl_een_andere_machtiging_actief_blijft()
    {
        // Two consents of the same partner: one for Gezin (withdrawn), one for Basisgegevens and Leerroute (still active).
        // The combined view (page, API and list) must show only what the active one opens.
        var (id, partner, client) = Opzet(Partnersoort.MaatschappelijkeBegeleiding);
        Machtig(id, partner, Gegevenscategorie.Gezin, ingetrokken: true);
        Machtig(id, partner, Gegevenscategorie.Basisgegevens | Gegevenscategorie.Leerroute);

        var dossier = await (await client.GetAsync($"/api/v1/partner/dossiers/{id}")).LeesAsync();
        Assert.Equal(["basisgegevens", "leerroute"], dossier["categorieen"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray());
        Assert.Null(dossier["gezin"]);
        Assert.NotNull(dossier["leerroute"]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/partner/dossiers/{id}/gezin")).StatusCode);

        var pagina = new HtmlParser().ParseDocument(await client.GetStringAsync($"/partner/dossiers/{id}"));
        Assert.Null(pagina.QuerySelector("#gezin"));
        Assert.NotNull(pagina.QuerySelector("#leerroute"));

        var regel = (await (await client.GetAsync("/api/v1/partner/dossiers")).LeesAsync()).AsArray().Single(d => d!["id"]!.GetValue<string>() == id.ToString())!;
        Assert.DoesNotContain("gezin", regel["categorieen"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task Gezondheid_gaat_alleen_uitdrukkelijk_naar_een_taalaanbieder()
    {
        var id = await DossierAsync();
        var taal = Partner(Partnersoort.Taalaanbieder);
        var begeleiding = Partner(Partnersoort.MaatschappelijkeBegeleiding);
        object Invoer(int p, bool uitdrukkelijk) => new
        {
            partnerorganisatieId = p, categorieen = new[] { "basisgegevens", "gezondheid" }, van = "2026-06-01", vorm = "Ondertekend formulier",
            gezondheidUitdrukkelijk = uitdrukkelijk,
        };

        var geweigerd = await _staf.PostJsonAsync($"/api/v1/inburgeraars/{id}/machtigingen", Invoer(taal, false));
        Assert.Equal(HttpStatusCode.BadRequest, geweigerd.StatusCode);
        Assert.Contains("taalaanbieder", (await geweigerd.LeesAsync())["errors"]!["gezondheidUitdrukkelijk"]![0]!.GetValue<string>());
        Assert.Empty((await (await _staf.GetAsync($"/api/v1/inburgeraars/{id}/machtigingen")).LeesAsync()).AsArray());
        var taalClient = factory.ClientAls(PartnerGebruiker(taal));
        Assert.Equal(HttpStatusCode.NotFound, (await taalClient.GetAsync($"/api/v1/partner/dossiers/{id}")).StatusCode);

        // Maatschappelijke begeleiding may get health data without the extra tick; the language school only with it.
        Assert.Equal(HttpStatusCode.Created, (await _staf.PostJsonAsync($"/api/v1/inburgeraars/{id}/machtigingen", Invoer(begeleiding, false))).StatusCode);
        var uitdrukkelijk = await _staf.PostJsonAsync($"/api/v1/inburgeraars/{id}/machtigingen", Invoer(taal, true));
        Assert.Equal(HttpStatusCode.Created, uitdrukkelijk.StatusCode);
        Assert.Contains("gezondheid", (await uitdrukkelijk.LeesAsync())["categorieen"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await taalClient.GetAsync($"/api/v1/partner/dossiers/{id}/gezondheid")).StatusCode);
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id).Select(a => a.Omschrijving).ToList()), o => o.StartsWith("Machtiging vastgelegd", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Partner_van_een_andere_regio_krijgt_geen_machtiging_en_geen_inzage()
    {
        var id = await DossierAsync("GM1724");
        var weert = Partner(Partnersoort.Taalaanbieder, "Weert");
        var response = await _staf.PostJsonAsync($"/api/v1/inburgeraars/{id}/machtigingen",
            new { partnerorganisatieId = weert, categorieen = new[] { "basisgegevens" }, van = "2026-06-01", vorm = "Formulier" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.LeesAsync())["errors"]!["partnerorganisatieId"]);
        var client = factory.ClientAls(PartnerGebruiker(weert));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/partner/dossiers/{id}")).StatusCode);
        Assert.Empty((await (await client.GetAsync("/api/v1/partner/dossiers")).LeesAsync()).AsArray());
    }

    /// <summary>
    /// The read side of region isolation on its own: a consent row that names a partner of another region (the write side
    /// refuses it, see above; here it is put in the database directly, as a migration or a bug might) still opens nothing.
    /// </summary>
    [Fact]
    public async Task Regio_isolatie_aan_de_leeskant_een_machtiging_voor_een_partner_uit_een_andere_regio_opent_niets()
    {
        var id = await DossierAsync("GM1724");
        var weert = Partner(Partnersoort.Taalaanbieder, "Weert");
        Machtig(id, weert, Gegevenscategorie.Basisgegevens | Gegevenscategorie.Voortgang);
        var client = factory.ClientAls(PartnerGebruiker(weert));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/partner/dossiers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/partner/dossiers/{id}/voortgang")).StatusCode);
        Assert.Empty((await (await client.GetAsync("/api/v1/partner/dossiers")).LeesAsync()).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/partner/dossiers/{id}")).StatusCode);

        // The same consent for a partner of the case's own region does open it: the refusal above is the region rule.
        var kempen = Partner(Partnersoort.Taalaanbieder);
        Machtig(id, kempen, Gegevenscategorie.Basisgegevens | Gegevenscategorie.Voortgang);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAls(PartnerGebruiker(kempen)).GetAsync($"/api/v1/partner/dossiers/{id}")).StatusCode);
    }

    [Fact]
    public async Task Elke_partnerinzage_staat_in_het_auditlog_met_account_organisatie_en_doel()
    {
        var id = await DossierAsync();
        var partner = Partner(Partnersoort.MaatschappelijkeBegeleiding);
        var email = PartnerGebruiker(partner);
        var client = factory.ClientAls(email);
        Machtig(id, partner, Gegevenscategorie.Basisgegevens | Gegevenscategorie.Gezin);
        var org = factory.MetDatabase(db => db.Partnerorganisaties.Single(p => p.Id == partner).Naam);
        int Inzages() => factory.MetDatabase(db => db.Audit.Count(a => a.InburgeraarId == id && a.Actie == AuditActie.Inzien
            && a.Resultaat == AuditResultaat.Toegestaan && a.Organisatie == org));

        Assert.Equal(0, Inzages());
        await client.GetAsync("/api/v1/partner/dossiers");
        Assert.Equal(1, Inzages());
        await client.GetAsync($"/api/v1/partner/dossiers/{id}");
        await client.GetAsync($"/api/v1/partner/dossiers/{id}/gezin");
        await client.GetAsync($"/partner/dossiers/{id}");
        Assert.Equal(4, Inzages());
        var regels = factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id && a.Organisatie == org).ToList());
        Assert.All(regels, a =>
        {
            Assert.Equal(email, a.Gebruiker);
            Assert.Equal("Ketenpartner", a.Rol);
            Assert.Equal("ketenpartner begeleiding", a.Doel);
        });

        // A refused read leaves no trace of data, and no false "read": it is a refused attempt, with its reason.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/partner/dossiers/{id}/gezondheid")).StatusCode);
        Assert.Equal(4, Inzages());
        var geweigerd = factory.MetDatabase(db => db.Audit.Single(a => a.InburgeraarId == id && a.Resultaat == AuditResultaat.Geweigerd));
        Assert.Equal(email, geweigerd.Gebruiker);
        Assert.Equal(org, geweigerd.Organisatie);
        Assert.Contains("zonder geldige machtiging voor Gezondheid", geweigerd.Omschrijving);
    }

    [Fact]
    public async Task Lezen_verwijzen_en_rapporteren_door_een_partner_staan_onder_een_en_dezelfde_identiteit()
    {
        // Before: the consented read was logged as "Pim Partner (organisation)", the referral list as "Pim Partner" and a
        // progress report under the e-mail address. An auditor searching on one of them missed the others.
        var id = await DossierAsync();
        var partner = Partner(Partnersoort.Taalaanbieder);
        var email = PartnerGebruiker(partner);
        var client = factory.ClientAls(email);
        Machtig(id, partner, Gegevenscategorie.Basisgegevens | Gegevenscategorie.Voortgang);
        Assert.Equal(HttpStatusCode.Created, (await _staf.PostJsonAsync($"/api/v1/inburgeraars/{id}/verwijzingen", new { partnerorganisatieId = partner, onderdeel = "taal" })).StatusCode);
        var org = factory.MetDatabase(db => db.Partnerorganisaties.Single(p => p.Id == partner).Naam);
        var voor = factory.MetDatabase(db => db.Audit.Max(a => a.Id));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/partner/dossiers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/partner/verwijzingen")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/partner/inburgeraars/{id}/voortgang")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/partner/inburgeraars/{id}/uren", new { week = "2026-W23", soort = "taal", uren = 6 })).StatusCode);

        var regels = factory.MetDatabase(db => db.Audit.Where(a => a.Id > voor && a.Organisatie == org).ToList());
        Assert.True(regels.Count >= 4, string.Join("\n", regels.Select(r => r.Omschrijving)));
        Assert.All(regels, a => Assert.Equal(email, a.Gebruiker));
        Assert.Empty(factory.MetDatabase(db => db.Audit.Where(a => a.Id > voor && (a.Gebruiker.Contains("Pim Partner") || a.Gebruiker.Contains(org))).ToList()));
        Assert.Contains(regels, a => a.Doel == "ketenpartner voortgang");
        Assert.Contains(regels, a => a.Doel == "ketenpartner begeleiding");
    }

    [Fact]
    public async Task Staf_en_inburgeraar_kunnen_niet_bij_de_partnerkant()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _staf.GetAsync("/api/v1/partner/dossiers")).StatusCode);
        var inburgeraar = factory.ClientAls("inburgeraar@demo.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await inburgeraar.GetAsync("/api/v1/partner/dossiers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAls(null).GetAsync("/api/v1/partner/dossiers")).StatusCode);
    }

    // ---- withdrawal -------------------------------------------------------------------------------------------

    [Fact]
    public async Task Intrekken_door_de_klantregisseur_werkt_direct_en_de_historie_blijft()
    {
        var (id, partner, client) = Opzet();
        var m = Machtig(id, partner, Gegevenscategorie.Basisgegevens);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/partner/dossiers/{id}")).StatusCode);
        var response = await _staf.PostJsonAsync($"/api/v1/inburgeraars/{id}/machtigingen/{m}/intrekken", new { reden = "Op verzoek" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await response.LeesAsync())["actief"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/partner/dossiers/{id}")).StatusCode);
        var lijst = (await (await _staf.GetAsync($"/api/v1/inburgeraars/{id}/machtigingen")).LeesAsync()).AsArray();
        Assert.Equal("Op verzoek", Assert.Single(lijst)!["redenIntrekking"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await _staf.PostJsonAsync($"/api/v1/inburgeraars/{id}/machtigingen/{m}/intrekken", new { })).StatusCode);
    }

    [Fact]
    public async Task Inburgeraar_trekt_een_machtiging_in_via_het_portaal_na_bevestiging_en_dat_werkt_direct()
    {
        var (id, partner, client) = Opzet();
        Machtig(id, partner, Gegevenscategorie.Basisgegevens);
        var org = factory.MetDatabase(db => db.Partnerorganisaties.Single(p => p.Id == partner).Naam);
        string email;
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
            email = $"inburgeraar-{Uniek()}@test.example";
            var g = new Gebruiker { UserName = email, Email = email, Weergavenaam = "Testa", InburgeraarId = id };
            Assert.True((await users.CreateAsync(g)).Succeeded);
            await users.AddToRoleAsync(g, Rollen.Inburgeraar);
        }

        var portaal = factory.ClientAls(email);
        var pagina = new HtmlParser().ParseDocument(await portaal.GetStringAsync("/mijn"));
        var sectie = pagina.QuerySelector("#machtigingen")!;
        Assert.Contains(org, sectie.TextContent);
        var formulier = sectie.QuerySelector("form")!;
        var token = formulier.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var actie = formulier.GetAttribute("action")!;

        // Without the confirmation tick nothing happens.
        var zonder = await portaal.PostAsync(actie, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, zonder.StatusCode);
        Assert.Contains("echt wilt intrekken", await zonder.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/partner/dossiers/{id}")).StatusCode);

        var met = await portaal.PostAsync(actie, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["bevestigd"] = "true" }));
        Assert.Equal(HttpStatusCode.OK, met.StatusCode); // followed the redirect back to /mijn
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/partner/dossiers/{id}")).StatusCode);
        var na = new HtmlParser().ParseDocument(await portaal.GetStringAsync("/mijn"));
        Assert.DoesNotContain(org, na.QuerySelector("#machtigingen")!.TextContent);
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id).Select(a => a.Omschrijving).ToList()), o => o.Contains("door de inburgeraar"));

        // Another person's consent cannot be withdrawn from the portal.
        var ander = await DossierAsync();
        var vreemd = Machtig(ander, partner, Gegevenscategorie.Basisgegevens);
        var poging = await portaal.PostAsync($"/mijn?handler=Intrekken&machtiging={vreemd}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["bevestigd"] = "true" }));
        Assert.Equal(HttpStatusCode.NotFound, poging.StatusCode);
        Assert.Null(factory.MetDatabase(db => db.Machtigingen.Single(m => m.Id == vreemd).IngetrokkenOp));
    }

    // ---- referrals --------------------------------------------------------------------------------------------

    [Fact]
    public async Task Aanmelden_zonder_machtiging_wordt_geweigerd_met_een_duidelijke_melding()
    {
        var (id, partner, client) = Opzet();
        var zonder = await _staf.PostJsonAsync($"/api/v1/inburgeraars/{id}/verwijzingen", new { partnerorganisatieId = partner, onderdeel = "taal" });
        Assert.Equal(HttpStatusCode.BadRequest, zonder.StatusCode);
        Assert.Contains("geen geldige machtiging", (await zonder.LeesAsync())["errors"]!["partnerorganisatieId"]![0]!.GetValue<string>());

        // A consent without basisgegevens is not enough either.
        Machtig(id, partner, Gegevenscategorie.Voortgang);
        Assert.Equal(HttpStatusCode.BadRequest, (await _staf.PostJsonAsync($"/api/v1/inburgeraars/{id}/verwijzingen", new { partnerorganisatieId = partner, onderdeel = "taal" })).StatusCode);
        Assert.Empty((await (await _staf.GetAsync($"/api/v1/inburgeraars/{id}/verwijzingen")).LeesAsync()).AsArray());

        Machtig(id, partner, Gegevenscategorie.Basisgegevens);
        var met = await _staf.PostJsonAsync($"/api/v1/inburgeraars/{id}/verwijzingen", new { partnerorganisatieId = partner, onderdeel = "taal", toelichting = "Graag avondles" });
        Assert.Equal(HttpStatusCode.Created, met.StatusCode);
        Assert.Equal("aangemeld", (await met.LeesAsync())["status"]!.GetValue<string>());
        var wachtlijst = (await (await client.GetAsync("/api/v1/partner/wachtlijst")).LeesAsync()).AsArray();
        Assert.Equal("Graag avondles", Assert.Single(wachtlijst)!["toelichting"]!.GetValue<string>());
        // The same referral twice is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await _staf.PostJsonAsync($"/api/v1/inburgeraars/{id}/verwijzingen", new { partnerorganisatieId = partner, onderdeel = "taal" })).StatusCode);

        // The screen shows the message too, and keeps the case's tab.
        var html = await _staf.GetStringAsync($"/inburgeraars/{id}/verwijzingen");
        Assert.Contains("Aangemeld, wacht op antwoord", html);
    }

    [Fact]
    public async Task Wachttijd_loopt_tot_vandaag_en_stopt_bij_de_start()
    {
        var (id, partner, client) = Opzet();
        Machtig(id, partner, Gegevenscategorie.Basisgegevens);
        var response = await _staf.PostJsonAsync($"/api/v1/inburgeraars/{id}/verwijzingen", new { partnerorganisatieId = partner, onderdeel = "knm" });
        var vid = Guid.Parse((await response.LeesAsync())["id"]!.GetValue<string>());
        factory.MetDatabase(db =>
        {
            db.Verwijzingen.Single(v => v.Id == vid).AangemeldOp = new DateOnly(2026, 6, 1);
            return db.SaveChanges();
        });
        async Task<JsonNode> VerwijzingAsync() => (await (await _staf.GetAsync($"/api/v1/inburgeraars/{id}/verwijzingen")).LeesAsync()).AsArray().Single()!;

        Assert.Equal(15, (await VerwijzingAsync())["wachtdagen"]!.GetValue<int>()); // 1 → 16 June, still waiting
        var wachtlijsten = (await (await _staf.GetAsync("/api/v1/wachtlijsten")).LeesAsync()).AsArray().Single(w => w!["partnerorganisatieId"]!.GetValue<int>() == partner)!;
        Assert.Equal(1, wachtlijsten["wachtend"]!.GetValue<int>());
        Assert.Equal(15, wachtlijsten["mediaanWachtdagen"]!.GetValue<int>());

        // Accepted with a start in the future: still waiting, still counting.
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/partner/verwijzingen/{vid}", new { besluit = "accepteren", intakedatum = "2026-06-20", startdatum = "2026-07-01" })).StatusCode);
        Assert.Equal(15, (await VerwijzingAsync())["wachtdagen"]!.GetValue<int>());
        Assert.True((await VerwijzingAsync())["wachtend"]!.GetValue<bool>());

        // A start before the intake is refused; a start on 10 June ends the wait at 9 days and takes a place.
        var fout = await client.PutJsonAsync($"/api/v1/partner/verwijzingen/{vid}", new { besluit = "accepteren", intakedatum = "2026-06-12", startdatum = "2026-06-10" });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        Assert.NotNull((await fout.LeesAsync())["errors"]!["startdatum"]);
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/partner/verwijzingen/{vid}", new { besluit = "accepteren", intakedatum = "2026-06-05", startdatum = "2026-06-10" })).StatusCode);
        var gestart = await VerwijzingAsync();
        Assert.Equal(9, gestart["wachtdagen"]!.GetValue<int>());
        Assert.False(gestart["wachtend"]!.GetValue<bool>());
        var na = (await (await _staf.GetAsync("/api/v1/wachtlijsten")).LeesAsync()).AsArray().Single(w => w!["partnerorganisatieId"]!.GetValue<int>() == partner)!;
        Assert.Equal(0, na["wachtend"]!.GetValue<int>());
        Assert.Equal(1, na["lopend"]!.GetValue<int>());
        Assert.Equal(25, na["bezettingProcent"]!.GetValue<int>()); // 1 of 4 places
    }

    [Fact]
    public void Wachtdagen_regel()
    {
        var vandaag = new DateOnly(2026, 6, 16);
        Verwijzing V(Verwijzingsstatus s, DateOnly? start = null) => new() { AangemeldDoor = "t", AangemeldOp = new DateOnly(2026, 6, 1), Status = s, Startdatum = start };
        Assert.Equal(15, V(Verwijzingsstatus.Aangemeld).Wachtdagen(vandaag));
        Assert.Equal(15, V(Verwijzingsstatus.Geaccepteerd, new DateOnly(2026, 7, 1)).Wachtdagen(vandaag));
        Assert.Equal(9, V(Verwijzingsstatus.Geaccepteerd, new DateOnly(2026, 6, 10)).Wachtdagen(vandaag));
        Assert.Equal(9, V(Verwijzingsstatus.Afgerond, new DateOnly(2026, 6, 10)).Wachtdagen(vandaag));
        Assert.Null(V(Verwijzingsstatus.Afgewezen).Wachtdagen(vandaag));
        Assert.Null(V(Verwijzingsstatus.Ingetrokken).Wachtdagen(vandaag));
        Assert.Equal(2, Koers.Web.Features.Ketenpartners.KetenpartnersService.Mediaan([1, 3]));
        Assert.Equal(3, Koers.Web.Features.Ketenpartners.KetenpartnersService.Mediaan([1, 3, 40]));
    }

    [Fact]
    public async Task Afwijzen_vraagt_een_reden_en_na_intrekken_van_de_machtiging_verdwijnt_de_aanmelding()
    {
        var (id, partner, client) = Opzet();
        var m = Machtig(id, partner, Gegevenscategorie.Basisgegevens);
        var vid = (await (await _staf.PostJsonAsync($"/api/v1/inburgeraars/{id}/verwijzingen", new { partnerorganisatieId = partner, onderdeel = "taal" })).LeesAsync())["id"]!.GetValue<string>();
        var zonderReden = await client.PutJsonAsync($"/api/v1/partner/verwijzingen/{vid}", new { besluit = "afwijzen" });
        Assert.Equal(HttpStatusCode.BadRequest, zonderReden.StatusCode);
        Assert.NotNull((await zonderReden.LeesAsync())["errors"]!["reden"]);

        // Another partner cannot answer this referral.
        var ander = factory.ClientAls(PartnerGebruiker(Partner(Partnersoort.Taalaanbieder)));
        Assert.Equal(HttpStatusCode.NotFound, (await ander.PutJsonAsync($"/api/v1/partner/verwijzingen/{vid}", new { besluit = "afwijzen", reden = "x" })).StatusCode);

        await _staf.PostJsonAsync($"/api/v1/inburgeraars/{id}/machtigingen/{m}/intrekken", new { });
        Assert.Empty((await (await client.GetAsync("/api/v1/partner/verwijzingen")).LeesAsync()).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutJsonAsync($"/api/v1/partner/verwijzingen/{vid}", new { besluit = "afwijzen", reden = "Vol" })).StatusCode);
    }

    // ---- beheer -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Beheer_legt_partners_en_contracten_vast_met_validatie()
    {
        var leeg = await _staf.PostJsonAsync("/api/v1/beheer/partners", new { capaciteit = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, leeg.StatusCode);
        var fouten = (await leeg.LeesAsync())["errors"]!;
        Assert.NotNull(fouten["naam"]);
        Assert.NotNull(fouten["soort"]);
        Assert.NotNull(fouten["capaciteit"]);

        var response = await _staf.PostJsonAsync("/api/v1/beheer/partners", new { naam = "Jobcoach Test " + Uniek(), soort = "mapJobcoach", capaciteit = 12, email = "info@jobcoach.example", actief = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var partner = await response.LeesAsync();
        var pid = partner["id"]!.GetValue<int>();
        Assert.Contains("Kempen", partner["regio"]!.GetValue<string>());

        var contract = await _staf.PostJsonAsync($"/api/v1/beheer/partners/{pid}/contracten", new { onderdeel = "map", van = "2026-01-01", tot = "2025-12-31", tariefsoort = "perUur", prijs = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, contract.StatusCode);
        Assert.NotNull((await contract.LeesAsync())["errors"]!["tot"]);
        var goed = await _staf.PostJsonAsync($"/api/v1/beheer/partners/{pid}/contracten", new { onderdeel = "map", van = "2026-01-01", tariefsoort = "perUur", prijs = 62.5m });
        Assert.Equal(HttpStatusCode.Created, goed.StatusCode);
        Assert.Equal(62.5m, (await goed.LeesAsync())["contracten"]![0]!["prijs"]!.GetValue<decimal>());

        // A Weert partner is outside the Kempen user's reach... but the test user has Kempen only; a Weert id is 404.
        var weert = Partner(Partnersoort.Taalaanbieder, "Weert");
        Assert.Equal(HttpStatusCode.NotFound, (await _staf.GetAsync($"/api/v1/beheer/partners/{weert}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _staf.GetAsync("/beheer/partners")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _staf.GetAsync($"/beheer/partners/{pid}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _staf.GetAsync("/wachtlijsten")).StatusCode);

        // A klantregisseur is not functioneel beheer.
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("sanne.devries@kempen.example").GetAsync("/api/v1/beheer/partners")).StatusCode);
    }

    [Fact]
    public async Task Schermen_van_machtigingen_en_verwijzingen_tonen_historie_en_status()
    {
        var (id, partner, _) = Opzet();
        Machtig(id, partner, Gegevenscategorie.Basisgegevens, ingetrokken: true);
        Machtig(id, partner, Gegevenscategorie.Basisgegevens | Gegevenscategorie.Voortgang);
        var pagina = new HtmlParser().ParseDocument(await _staf.GetStringAsync($"/inburgeraars/{id}/machtigingen"));
        Assert.Equal(2, pagina.QuerySelectorAll("#historie tbody tr").Length);
        Assert.Contains("Ingetrokken", pagina.QuerySelector("#historie")!.TextContent);
        Assert.Contains("Voortgang", pagina.QuerySelector("#actief")!.TextContent);
        Assert.NotNull(pagina.QuerySelector("nav.koers-tabs a[aria-current=page][href$='/machtigingen']"));
        var ids = pagina.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Scherm_waarschuwt_bij_gezondheid_naar_een_taalaanbieder_en_bewaart_de_invoer()
    {
        var id = await DossierAsync();
        var taal = Partner(Partnersoort.Taalaanbieder);
        var pagina = new HtmlParser().ParseDocument(await _staf.GetStringAsync($"/inburgeraars/{id}/machtigingen"));
        var token = pagina.QuerySelector("#nieuw form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var velden = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token), new("Invoer.PartnerorganisatieId", taal.ToString(CultureInfo.InvariantCulture)), new("Invoer.Categorieen", "Basisgegevens"),
            new("Invoer.Categorieen", "Gezondheid"), new("Invoer.Van", "2026-06-01"), new("Invoer.Vorm", "Formulier met tolk"),
        };
        var antwoord = await _staf.PostAsync($"/inburgeraars/{id}/machtigingen", new FormUrlEncodedContent(velden));
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var na = new HtmlParser().ParseDocument(await antwoord.Content.ReadAsStringAsync());
        Assert.Contains("taalaanbieder", na.QuerySelector("#foutsamenvatting")!.TextContent);
        Assert.True(na.QuerySelector("#categorie-Gezondheid")!.HasAttribute("checked"));
        Assert.Equal("Formulier met tolk", na.QuerySelector("#Invoer_Vorm")!.GetAttribute("value"));
        Assert.Equal(0, factory.MetDatabase(db => db.Machtigingen.Count(m => m.InburgeraarId == id)));

        velden.Add(new("Invoer.GezondheidUitdrukkelijk", "true"));
        var goed = await _staf.PostAsync($"/inburgeraars/{id}/machtigingen", new FormUrlEncodedContent(velden));
        Assert.Equal(HttpStatusCode.OK, goed.StatusCode); // redirected back to the tab
        Assert.Contains("De machtiging is vastgelegd.", await goed.Content.ReadAsStringAsync());
        Assert.Equal(Gegevenscategorie.Basisgegevens | Gegevenscategorie.Gezondheid, factory.MetDatabase(db => db.Machtigingen.Single(m => m.InburgeraarId == id).Categorieen));
    }

    [Fact]
    public async Task Partner_accepteert_een_aanmelding_op_het_scherm()
    {
        var (id, partner, client) = Opzet();
        Machtig(id, partner, Gegevenscategorie.Basisgegevens);
        Assert.Equal(HttpStatusCode.Created, (await _staf.PostJsonAsync($"/api/v1/inburgeraars/{id}/verwijzingen", new { partnerorganisatieId = partner, onderdeel = "taal" })).StatusCode);
        var pagina = new HtmlParser().ParseDocument(await client.GetStringAsync("/partner/wachtlijst"));
        var formulier = Assert.Single(pagina.QuerySelectorAll("form.utrecht-form"));
        var token = formulier.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var actie = formulier.GetAttribute("action")!;

        var zonderReden = await client.PostAsync(actie, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Beslissing.Besluit"] = "Afwijzen" }));
        Assert.Contains("reden van de afwijzing", await zonderReden.Content.ReadAsStringAsync());
        var ok = await client.PostAsync(actie, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Beslissing.Besluit"] = "Accepteren", ["Beslissing.Intakedatum"] = "2026-06-22", ["Beslissing.Startdatum"] = "2026-08-31",
        }));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var v = factory.MetDatabase(db => db.Verwijzingen.Single(x => x.InburgeraarId == id));
        Assert.Equal(Verwijzingsstatus.Geaccepteerd, v.Status);
        Assert.Equal(new DateOnly(2026, 8, 31), v.Startdatum);
        Assert.Contains("Geaccepteerd, wacht op start", await _staf.GetStringAsync($"/inburgeraars/{id}/verwijzingen"));
    }

    [Fact]
    public async Task Demo_partners_zien_hun_dossiers_en_de_taalschool_krijgt_nooit_gezondheid()
    {
        var taalschool = factory.ClientAls("partner@taalschool.example");
        var lijst = (await (await taalschool.GetAsync("/api/v1/partner/dossiers")).LeesAsync()).AsArray();
        Assert.NotEmpty(lijst);
        Assert.All(lijst, d => Assert.DoesNotContain("gezondheid", d!["categorieen"]!.AsArray().Select(c => c!.GetValue<string>())));
        // (Only the demo's consents: another test here gives one explicitly, which is allowed.)
        Assert.Equal(0, factory.MetDatabase(db => db.Machtigingen.Count(m => m.VastgelegdDoor == "demodata" && m.Partnerorganisatie!.Soort == Partnersoort.Taalaanbieder
            && ((int)m.Categorieen & (int)Gegevenscategorie.Gezondheid) != 0)));
        Assert.True(factory.MetDatabase(db => db.Machtigingen.Count(m => m.VastgelegdDoor == "demodata")) > 10);
        Assert.Equal(HttpStatusCode.OK, (await taalschool.GetAsync("/partner")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await taalschool.GetAsync("/partner/wachtlijst")).StatusCode);
        Assert.NotEmpty((await (await factory.ClientAls("partner@vluchtelingenwerk.example").GetAsync("/api/v1/partner/dossiers")).LeesAsync()).AsArray());
        // Every status appears in the demo referrals.
        var statussen = factory.MetDatabase(db => db.Verwijzingen.Select(v => v.Status).Distinct().ToList());
        Assert.Equal(Enum.GetValues<Verwijzingsstatus>().Length, statussen.Count);
    }

    [Fact]
    public async Task OpenApi_beschrijft_de_ketenpartner_endpoints()
    {
        var doc = await (await factory.ClientAls(null).GetAsync("/openapi/v1.json")).LeesAsync();
        var paden = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/beheer/partners", paden);
        Assert.Contains("/beheer/partners/{pid}/contracten", paden);
        Assert.Contains("/inburgeraars/{id}/machtigingen", paden);
        Assert.Contains("/inburgeraars/{id}/machtigingen/{mid}/intrekken", paden);
        Assert.Contains("/inburgeraars/{id}/verwijzingen", paden);
        Assert.Contains("/partner/dossiers/{id}/{categorie}", paden);
        Assert.Contains("/partner/verwijzingen/{vid}", paden);
        Assert.Contains("/wachtlijsten", paden);
    }
}

public sealed class SqliteKetenpartnerTests(SqliteFactory factory) : KetenpartnerTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresKetenpartnerTests(PostgresFactory factory) : KetenpartnerTests(factory), IClassFixture<PostgresFactory>;

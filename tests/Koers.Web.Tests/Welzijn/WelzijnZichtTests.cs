using System.Net;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Intake;
using Koers.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Welzijn;

/// <summary>
/// Issue #22, each part where it is needed: the well-being screening inside the brede intake form (stored by Welzijn as
/// a screening at the brede intake; a refusal keeps everything typed and stores nothing), the re-check on the worklist only
/// while a signal or a referral is open, the partner's case view by consent (running placements under werk en
/// participatie, referrals' kind and status under gezondheid, nothing without), and the inburgeraar's own placements in
/// the portal in seven languages. The clock stands on 16 June 2026; cases are in GM1724.
/// </summary>
public abstract class WelzijnZichtTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();
    private static int _volgnummer;

    private async Task<Guid> DossierAsync()
    {
        var invoer = Testdata.Inburgeraar(bsn: Testdata.NieuwBsn(), koppelingsdatum: "2025-11-03");
        invoer["achternaam"] = "Zicht" + Interlocked.Increment(ref _volgnummer);
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.LeesAsync())["id"]!.GetValue<string>());
    }

    private void GehoudenGesprek(Guid id, DateOnly datum) => factory.MetDatabase(db =>
    {
        db.Add(new Voortgangsgesprek { Id = Guid.NewGuid(), InburgeraarId = id, GeplandOp = datum, Volgnummer = 1, Status = Gespreksstatus.Gehouden, Datum = datum, VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test" });
        return db.SaveChanges();
    });

    private async Task<string> PlaatsingAsync(Guid id, string werkgeverNaam)
    {
        var w = await _client.PostJsonAsync("/api/v1/werkgevers", new { gemeente = "GM1724", naam = werkgeverNaam, aanbod = new[] { "taalstage" } });
        Assert.Equal(HttpStatusCode.Created, w.StatusCode);
        var werkgever = (await w.LeesAsync()).GetValue<string>();
        var p = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/werk/plaatsingen", new { werkgever, soort = "werkervaringsplaats", start = "2026-06-01", einde = "2026-09-01", urenPerWeek = 16 });
        Assert.Equal(HttpStatusCode.Created, p.StatusCode);
        return werkgeverNaam;
    }

    private async Task VerwijzingAsync(Guid id)
    {
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/screenings",
            new { moment = "bredeIntake", signaal = "ja", soort = "trauma", ernst = "matig", bron = "eigenMelding", datum = "2026-06-10", toelichting = "Slaapt slecht sinds de vlucht" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/verwijzingen",
            new { naar = "traumazorg", zorgaanbieder = "Stichting Papili", aangemeldOp = "2026-06-11" })).StatusCode);
    }

    private async Task MachtigingAsync(Guid id, params string[] categorieen)
    {
        var taalschool = factory.MetDatabase(db => db.Partnerorganisaties.Single(p => p.Naam == "Taalschool De Kempen").Id);
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/machtigingen",
            new { partnerorganisatieId = taalschool, categorieen, van = "2026-06-01", vorm = "Ondertekend formulier", gezondheidUitdrukkelijk = categorieen.Contains("gezondheid") })).StatusCode);
    }

    private static Dictionary<string, string> MentaleGezondheid(string token, Dictionary<string, string> screening) => new(screening)
    {
        ["__RequestVerificationToken"] = token, ["Gebied"] = nameof(Leefgebied.MentaleGezondheid),
        ["Verslag.Antwoorden[signalenPsychischeKlachten]"] = "ja", ["Verslag.Antwoorden[doorverwijzing]"] = "Huisarts Bergeijk",
        ["Verslag.Notities"] = "Notitie die niet verloren mag gaan",
    };

    private async Task<string> IntakeTokenAsync(Guid id)
    {
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/intake"));
        // The screening sits in the form of the leefgebied "Mentale gezondheid", for a klantregisseur.
        Assert.NotNull(pagina.QuerySelector("#gebied-MentaleGezondheid #intake-screening select[name='Screening.Signaal']"));
        Assert.Null(pagina.QuerySelector("#gebied-Opleiding #intake-screening"));
        return pagina.QuerySelector("#gebied-MentaleGezondheid form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    [Fact]
    public async Task Brede_intake_met_screening_legt_een_welzijnssignaal_vast_met_moment_brede_intake()
    {
        var id = await DossierAsync();
        var token = await IntakeTokenAsync(id);
        var r = await _client.PostAsync($"/inburgeraars/{id}/intake?handler=Leefgebied", new FormUrlEncodedContent(MentaleGezondheid(token, new()
        {
            ["Screening.Signaal"] = "Ja", ["Screening.Soort"] = "Angst", ["Screening.Ernst"] = "Licht", ["Screening.Bron"] = "Klantregisseur", ["Screening.Datum"] = "2026-06-12",
            // Sent, but the intake form always records a screening at the brede intake.
            ["Screening.Moment"] = "Voortgangsgesprek",
        })));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var s = factory.MetDatabase(db => db.Set<Welzijnsscreening>().Single(x => x.InburgeraarId == id));
        Assert.Equal((Screeningsmoment.BredeIntake, Welzijnssignaal.Ja, (Signaalsoort?)Signaalsoort.Angst, (Ernst?)Ernst.Licht, (Signaalherkomst?)Signaalherkomst.Klantregisseur, new DateOnly(2026, 6, 12)),
            (s.Moment, s.Signaal, s.Soort, s.Ernst, s.Bron, s.Datum));
        Assert.Contains("Huisarts Bergeijk", factory.MetDatabase(db => db.Leefgebieden.Single(l => l.InburgeraarId == id && l.Leefgebied == Leefgebied.MentaleGezondheid).AntwoordenJson));

        // The Welzijn tab shows it, and the intake form says it was recorded.
        var welzijn = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/welzijn")).LeesAsync();
        Assert.Equal("bredeIntake", welzijn["screenings"]![0]!["moment"]!.GetValue<string>());
        var intake = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/intake"));
        Assert.Contains("laatst op 12 jun 2026", intake.GetElementById("intake-screening-eerder")!.TextContent);
        var audit = factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id).Select(a => a.Omschrijving).ToList());
        Assert.Contains("Welzijnsscreening vastgelegd (brede intake, 12 jun 2026)", audit);
        Assert.DoesNotContain(audit, a => a.Contains("Angst", StringComparison.OrdinalIgnoreCase));

        // Leaving the screening empty saves the leefgebied alone.
        token = await IntakeTokenAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync($"/inburgeraars/{id}/intake?handler=Leefgebied", new FormUrlEncodedContent(MentaleGezondheid(token, new()
        {
            ["Screening.Signaal"] = "", ["Screening.Datum"] = "2026-06-16",
        })))).StatusCode);
        Assert.Equal(1, factory.MetDatabase(db => db.Set<Welzijnsscreening>().Count(x => x.InburgeraarId == id)));

        // The API: the same, the moment is always the brede intake.
        var api = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/intake/welzijnsscreening", new { moment = "tussentijds", signaal = "nee", datum = "2026-06-15" });
        Assert.Equal(HttpStatusCode.Created, api.StatusCode);
        Assert.Equal(2, factory.MetDatabase(db => db.Set<Welzijnsscreening>().Count(x => x.InburgeraarId == id && x.Moment == Screeningsmoment.BredeIntake)));
    }

    [Fact]
    public async Task Foute_screening_in_de_brede_intake_bewaart_niets_en_houdt_alles_wat_getypt_is()
    {
        var id = await DossierAsync();
        var token = await IntakeTokenAsync(id);
        var r = await _client.PostAsync($"/inburgeraars/{id}/intake?handler=Leefgebied", new FormUrlEncodedContent(MentaleGezondheid(token, new()
        {
            ["Screening.Signaal"] = "Ja", ["Screening.Soort"] = "Trauma", ["Screening.Datum"] = "2026-06-12", ["Screening.Toelichting"] = "Getypte toelichting",
        })));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
        // The messages at their fields.
        Assert.Contains("Kies de ernst", doc.GetElementById("Screening_Ernst-fout")!.TextContent);
        Assert.Contains("Kies de bron", doc.GetElementById("Screening_Bron-fout")!.TextContent);
        Assert.Equal("true", doc.GetElementById("Screening_Ernst")!.GetAttribute("aria-invalid"));
        // Everything typed is still there: the screening and the rest of the leefgebied.
        Assert.NotNull(doc.QuerySelector("#gebied-MentaleGezondheid[open]"));
        Assert.Equal("Trauma", doc.QuerySelector("#Screening_Soort option[selected]")!.GetAttribute("value"));
        Assert.Equal("Getypte toelichting", doc.GetElementById("Screening_Toelichting")!.GetAttribute("value"));
        Assert.Equal("2026-06-12", doc.GetElementById("Screening_Datum")!.GetAttribute("value"));
        Assert.Equal("Huisarts Bergeijk", doc.GetElementById("veld-MentaleGezondheid-doorverwijzing")!.GetAttribute("value"));
        Assert.NotNull(doc.QuerySelector("#gebied-MentaleGezondheid input[name='Verslag.Antwoorden[signalenPsychischeKlachten]'][value=ja][checked]"));
        Assert.Equal("Notitie die niet verloren mag gaan", doc.GetElementById("notities-MentaleGezondheid")!.TextContent);
        // Nothing stored: neither the screening nor the leefgebied.
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Welzijnsscreening>().Count(x => x.InburgeraarId == id)));
        Assert.Equal(0, factory.MetDatabase(db => db.Leefgebieden.Count(l => l.InburgeraarId == id)));

        // Another municipality cannot record it, by page or API.
        var weert = factory.ClientAls("fleur.hendriks@weert.example");
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostJsonAsync($"/api/v1/inburgeraars/{id}/intake/welzijnsscreening", new { signaal = "nee", datum = "2026-06-15" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/inburgeraars/{id}/intake")).StatusCode);
        // Roles that may not see health data do not reach it.
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("partner@taalschool.example").PostJsonAsync($"/api/v1/inburgeraars/{id}/intake/welzijnsscreening", new { signaal = "nee", datum = "2026-06-15" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("beleid@kempen.example").PostJsonAsync($"/api/v1/inburgeraars/{id}/intake/welzijnsscreening", new { signaal = "nee", datum = "2026-06-15" })).StatusCode);
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Welzijnsscreening>().Count(x => x.InburgeraarId == id)));
    }

    [Fact]
    public async Task Hercheck_alleen_bij_een_open_signaal_of_lopende_verwijzing_en_dan_precies_een_keer()
    {
        var zonder = await DossierAsync();
        var metSignaal = await DossierAsync();
        var metVerwijzing = await DossierAsync();
        var nooitGescreend = await DossierAsync();
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{zonder}/welzijn/screenings", new { moment = "bredeIntake", signaal = "nee", datum = "2026-05-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{metSignaal}/welzijn/screenings",
            new { moment = "bredeIntake", signaal = "ja", soort = "stress", ernst = "licht", bron = "eigenMelding", datum = "2026-05-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{metVerwijzing}/welzijn/verwijzingen", new { naar = "pohGgz", aangemeldOp = "2026-05-02" })).StatusCode);
        foreach (var id in new[] { zonder, metSignaal, metVerwijzing, nooitGescreend })
        {
            GehoudenGesprek(id, new DateOnly(2026, 5, 20));
            GehoudenGesprek(id, new DateOnly(2026, 6, 1));
        }

        var open = (await (await _client.GetAsync("/api/v1/welzijn/open?gemeente=GM1724")).LeesAsync()).AsArray();
        int Herchecks(Guid id) => open.Count(o => o!["inburgeraarId"]!.GetValue<string>() == id.ToString() && o["soort"]!.GetValue<string>() == "Hercheck welzijn");
        Assert.Equal((0, 1, 1, 0), (Herchecks(zonder), Herchecks(metSignaal), Herchecks(metVerwijzing), Herchecks(nooitGescreend)));
        Assert.Equal("2026-06-01", open.Single(o => o!["inburgeraarId"]!.GetValue<string>() == metSignaal.ToString())!["sinds"]!.GetValue<string>());

        // The Welzijn tab and its API agree with the worklist.
        Assert.False((await (await _client.GetAsync($"/api/v1/inburgeraars/{zonder}/welzijn")).LeesAsync())["hercheckNodig"]!.GetValue<bool>());
        Assert.True((await (await _client.GetAsync($"/api/v1/inburgeraars/{metSignaal}/welzijn")).LeesAsync())["hercheckNodig"]!.GetValue<bool>());
        Assert.Null(new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{zonder}/welzijn")).GetElementById("hercheck"));

        // The re-check at the voortgangsgesprek ends it, even when it finds the signal again: due again after the next one.
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{metSignaal}/welzijn/screenings",
            new { moment = "tussentijds", signaal = "ja", soort = "stress", ernst = "licht", bron = "eigenMelding", datum = "2026-06-01" })).StatusCode);
        open = (await (await _client.GetAsync("/api/v1/welzijn/open?gemeente=GM1724")).LeesAsync()).AsArray();
        Assert.Equal(0, Herchecks(metSignaal));
    }

    [Fact]
    public async Task Partner_ziet_plaatsingen_en_zorgverwijzingen_alleen_met_machtiging_voor_die_categorie()
    {
        var werk = await DossierAsync();
        var gezond = await DossierAsync();
        var alleenBasis = await DossierAsync();
        var naam = "Zichtbakkerij " + Guid.NewGuid().ToString("N")[..6];
        foreach (var id in new[] { werk, gezond, alleenBasis })
        {
            await PlaatsingAsync(id, naam);
            await VerwijzingAsync(id);
        }

        await MachtigingAsync(werk, "basisgegevens", "werkEnParticipatie");
        await MachtigingAsync(gezond, "basisgegevens", "gezondheid");
        await MachtigingAsync(alleenBasis, "basisgegevens");
        var partner = factory.ClientAls("partner@taalschool.example");

        // Werk en participatie: the running placement, not the referrals.
        var json = await (await partner.GetAsync($"/api/v1/partner/dossiers/{werk}")).LeesAsync();
        var p = json["plaatsingen"]!.AsArray().Single()!;
        Assert.Equal((naam, "werkervaringsplaats", "2026-06-01", "2026-09-01", 16m), (p["waar"]!.GetValue<string>(), p["soort"]!.GetValue<string>(), p["start"]!.GetValue<string>(), p["einde"]!.GetValue<string>(), p["urenPerWeek"]!.GetValue<decimal>()));
        Assert.Null(json["zorgverwijzingen"]);
        var pagina = new HtmlParser().ParseDocument(await partner.GetStringAsync($"/partner/dossiers/{werk}"));
        Assert.Contains(naam, pagina.GetElementById("plaatsingen")!.TextContent);
        Assert.Contains("16 uur per week", pagina.GetElementById("plaatsingen")!.TextContent);
        Assert.Null(pagina.GetElementById("zorgverwijzingen"));
        Assert.DoesNotContain("Traumazorg", pagina.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == werk).Select(a => a.Omschrijving).ToList()),
            a => a.StartsWith("Ketenpartner: dossier ingezien", StringComparison.Ordinal) && a.Contains("getoond: lopende plaatsingen", StringComparison.Ordinal)
            && !a.Contains("zorgverwijzingen", StringComparison.Ordinal));

        // Gezondheid: the referral's kind and status only, never the screening, the provider; no placements.
        var gz = await (await partner.GetAsync($"/api/v1/partner/dossiers/{gezond}")).LeesAsync();
        var v = gz["zorgverwijzingen"]!.AsArray().Single()!.AsObject();
        Assert.Equal(["naar", "status"], v.Select(x => x.Key).OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(("traumazorg", "aangemeld"), (v["naar"]!.GetValue<string>(), v["status"]!.GetValue<string>()));
        Assert.Null(gz["plaatsingen"]);
        var gzTekst = gz.ToJsonString();
        Assert.DoesNotContain("Papili", gzTekst, StringComparison.Ordinal);
        Assert.DoesNotContain("Slaapt", gzTekst, StringComparison.Ordinal);
        Assert.DoesNotContain(naam, gzTekst, StringComparison.Ordinal);
        var gzPagina = new HtmlParser().ParseDocument(await partner.GetStringAsync($"/partner/dossiers/{gezond}"));
        Assert.Contains("Traumazorg: Aangemeld", gzPagina.GetElementById("zorgverwijzingen")!.TextContent);
        Assert.Null(gzPagina.GetElementById("plaatsingen"));
        Assert.DoesNotContain("Papili", gzPagina.Body!.TextContent, StringComparison.Ordinal);

        // Basisgegevens only: nothing of either, not even a count, in page or JSON; the category route is 404.
        var basis = await (await partner.GetAsync($"/api/v1/partner/dossiers/{alleenBasis}")).LeesAsync();
        Assert.Null(basis["plaatsingen"]);
        Assert.Null(basis["zorgverwijzingen"]);
        Assert.DoesNotContain(naam, basis.ToJsonString(), StringComparison.Ordinal);
        var basisPagina = new HtmlParser().ParseDocument(await partner.GetStringAsync($"/partner/dossiers/{alleenBasis}"));
        Assert.Null(basisPagina.GetElementById("plaatsingen"));
        Assert.Null(basisPagina.GetElementById("zorgverwijzingen"));
        Assert.DoesNotContain(naam, basisPagina.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Traumazorg", basisPagina.Body.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/partner/dossiers/{alleenBasis}/werkEnParticipatie")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/partner/dossiers/{werk}/gezondheid")).StatusCode);

        // Another partner without any consent: 404.
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientAls("partner@vluchtelingenwerk.example").GetAsync($"/api/v1/partner/dossiers/{werk}")).StatusCode);
    }

    private HttpClient Inburgeraar(Guid id)
    {
        var email = $"inburgeraar-zicht{Interlocked.Increment(ref _volgnummer)}-{Guid.NewGuid():N}@demo.example";
        factory.MetDatabase(db =>
        {
            using var scope = factory.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Gebruiker>>();
            var gebruiker = new Gebruiker { UserName = email, Email = email, Weergavenaam = "Inburgeraar", InburgeraarId = id };
            Assert.True(users.CreateAsync(gebruiker).GetAwaiter().GetResult().Succeeded);
            return users.AddToRoleAsync(gebruiker, Rollen.Inburgeraar).GetAwaiter().GetResult();
        });
        return factory.ClientAls(email);
    }

    [Fact]
    public async Task De_inburgeraar_ziet_de_eigen_plaatsingen_in_zeven_talen_en_nooit_die_van_een_ander()
    {
        var id = await DossierAsync();
        var ander = await DossierAsync();
        var eigen = await PlaatsingAsync(id, "Eigen werkgever " + Guid.NewGuid().ToString("N")[..6]);
        var vreemd = await PlaatsingAsync(ander, "Andermans werkgever " + Guid.NewGuid().ToString("N")[..6]);
        var client = Inburgeraar(id);

        var start = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn?taal=nl"));
        Assert.Equal("/mijn/werk", start.QuerySelector("#werk-link a")!.GetAttribute("href"));

        var nl = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn/werk?taal=nl"));
        Assert.Equal("Mijn werk en stages", nl.QuerySelector("h1")!.TextContent.Trim());
        var lijst = nl.GetElementById("plaatsingen")!.TextContent;
        Assert.Contains(eigen, lijst);
        Assert.Contains("Werkervaringsplaats", lijst);
        Assert.Contains("Van 1 juni 2026 tot 1 september 2026", lijst);
        Assert.Contains("16 uur per week", lijst);
        Assert.DoesNotContain(vreemd, nl.Body!.TextContent, StringComparison.Ordinal);

        var titels = new HashSet<string>();
        foreach (var taal in new[] { "nl", "en", "ar", "fa", "ti", "tr", "uk" })
        {
            var doc = new HtmlParser().ParseDocument(await client.GetStringAsync($"/mijn/werk?taal={taal}"));
            Assert.Equal(taal, doc.DocumentElement.GetAttribute("lang"));
            Assert.True(titels.Add(doc.QuerySelector("h1")!.TextContent.Trim()), $"{taal}: de titel is niet vertaald");
            Assert.Contains(eigen, doc.GetElementById("plaatsingen")!.TextContent);
        }

        var en = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn/werk?taal=en"));
        Assert.Contains("Work experience placement", en.GetElementById("plaatsingen")!.TextContent);
        Assert.Contains("16 hours a week", en.GetElementById("plaatsingen")!.TextContent);

        var api = (await (await client.GetAsync("/api/v1/mijn/plaatsingen")).LeesAsync()).AsArray();
        Assert.Equal([eigen], api.Select(x => x!["waar"]!.GetValue<string>()));
        Assert.True(api.Single()!["loopt"]!.GetValue<bool>());
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id).Select(a => a.Omschrijving).ToList()), a => a == "Portaal: eigen plaatsingen bekeken");
        Assert.DoesNotContain(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == ander).Select(a => a.Omschrijving).ToList()), a => a.StartsWith("Portaal:", StringComparison.Ordinal));

        // The own referrals stay on /mijn/welzijn; the case workers do not reach the portal page.
        Assert.NotEqual(HttpStatusCode.OK, (await factory.ClientAls(KoersFactory.TestGebruiker, volgRedirects: false).GetAsync("/mijn/werk")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await factory.ClientAls(KoersFactory.TestGebruiker, volgRedirects: false).GetAsync("/api/v1/mijn/plaatsingen")).StatusCode);
    }
}

public sealed class SqliteWelzijnZichtTests(SqliteFactory factory) : WelzijnZichtTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresWelzijnZichtTests(PostgresFactory factory) : WelzijnZichtTests(factory), IClassFixture<PostgresFactory>;

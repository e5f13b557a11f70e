using System.Net;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Participatie;

/// <summary>
/// The participation monitor on a case: moments from the anchor (huisvesting), the questionnaire entered in a talk
/// (stored per moment with who and when, audited without the answers), the worklist, the participatieladder with its
/// movement, and refusals: another region's klantregisseur and a chain partner see nothing and change nothing.
/// The clock stands on 16 June 2026; cases are in GM1724 (Bergeijk, Kempen).
/// </summary>
public abstract class ParticipatieTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();
    private static int _volgnummer;

    /// <summary>A case housed (BRP) on 10 December 2025: the nulmeting was missed, the 6-month moment is open since 10 June.</summary>
    private async Task<Guid> DossierAsync(string? brp = "2025-12-10", string? gemeente = null, string koppeling = "2025-11-03")
    {
        var invoer = gemeente is null ? Testdata.Inburgeraar(bsn: Testdata.NieuwBsn(), koppelingsdatum: koppeling)
            : Testdata.Inburgeraar(bsn: Testdata.NieuwBsn(), koppelingsdatum: koppeling, gemeente: gemeente);
        invoer["achternaam"] = "Participatie" + Interlocked.Increment(ref _volgnummer);
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = Guid.Parse((await response.LeesAsync())["id"]!.GetValue<string>());
        if (brp is not null)
            Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = brp })).StatusCode);
        return id;
    }

    private static object Antwoorden(int maanden, string datum = "2026-06-15") => new
    {
        maanden, datum,
        antwoorden = new Dictionary<string, int?> { ["werk-betaald"] = 0, ["maatschappelijk-vereniging"] = 1, ["welbevinden-tevreden"] = 4, ["competentie-taal"] = null },
    };

    [Fact]
    public async Task Vragenlijst_in_een_gesprek_wordt_per_moment_bewaard_met_wie_en_wanneer()
    {
        var id = await DossierAsync();
        var stand = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/participatie")).LeesAsync();
        var momenten = stand["momenten"]!.AsArray();
        Assert.Equal([0, 6, 12, 24], momenten.Select(m => m!["maanden"]!.GetValue<int>()));
        Assert.Equal(["gemist", "open", "nogNiet", "nogNiet"], momenten.Select(m => m!["status"]!.GetValue<string>()));
        Assert.Equal("2026-06-10", momenten[1]!["datum"]!.GetValue<string>());
        Assert.Contains("Geen wettelijke grondslag", stand["grondslag"]!.GetValue<string>());

        var opgeslagen = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/metingen", Antwoorden(6));
        Assert.Equal(HttpStatusCode.Created, opgeslagen.StatusCode);

        var meting = factory.MetDatabase(db => db.Set<Participatiemeting>().Include(m => m.Antwoorden).Single(m => m.InburgeraarId == id));
        Assert.Equal(6, meting.Maanden);
        Assert.Equal(new DateOnly(2026, 6, 15), meting.Datum);
        Assert.Equal(Invulwijze.Gesprek, meting.Invulwijze);
        Assert.Equal(KoersFactory.TestGebruiker, meting.VastgelegdDoor);
        // The skipped question has no row: "liever niet" is never stored as "nee".
        Assert.Equal(["maatschappelijk-vereniging:1", "welbevinden-tevreden:4", "werk-betaald:0"],
            meting.Antwoorden.Select(a => $"{a.VraagCode}:{a.Waarde}").Order(StringComparer.Ordinal));

        // Audited as a change of the case, without the answers themselves.
        var audit = factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id && a.Omschrijving.StartsWith("Participatiemeting")).Select(a => a.Omschrijving).ToList());
        Assert.Equal(["Participatiemeting '6 maanden' vastgelegd (in een gesprek, 3 van 13 vragen beantwoord)"], audit);

        // The same moment twice is refused; the missed nulmeting may be entered late; a future moment may not.
        var dubbel = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/metingen", Antwoorden(6));
        Assert.Equal(HttpStatusCode.BadRequest, dubbel.StatusCode);
        Assert.Contains("al ingevuld", (await dubbel.LeesAsync())["errors"]!["maanden"]![0]!.GetValue<string>());
        var toekomst = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/metingen", Antwoorden(12));
        Assert.Contains("pas vanaf 10 dec 2026", (await toekomst.LeesAsync())["errors"]!["maanden"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/metingen", Antwoorden(0, "2026-06-16"))).StatusCode);

        var na = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/participatie")).LeesAsync();
        Assert.Equal(["gedaan", "gedaan", "nogNiet", "nogNiet"], na["momenten"]!.AsArray().Select(m => m!["status"]!.GetValue<string>()));
        Assert.Equal("Ja", na["metingen"]!.AsArray().Single(m => m!["maanden"]!.GetValue<int>() == 6)!["antwoorden"]!.AsArray()
            .Single(a => a!["vraag"]!.GetValue<string>() == "maatschappelijk-vereniging")!["antwoord"]!.GetValue<string>());
        Assert.Equal(2, factory.MetDatabase(db => db.Audit.Count(a => a.InburgeraarId == id && a.Omschrijving == "API: participatie opgevraagd")));
    }

    [Fact]
    public async Task Foute_antwoorden_worden_per_vraag_geweigerd_en_niets_bewaard()
    {
        var id = await DossierAsync();
        var fout = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/metingen",
            new { maanden = 6, datum = "2026-06-15", antwoorden = new Dictionary<string, int?> { ["werk-betaald"] = 3, ["bestaat-niet"] = 1 } });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        var errors = (await fout.LeesAsync())["errors"]!;
        Assert.Contains("geen antwoord op deze vraag", errors["antwoorden[werk-betaald]"]![0]!.GetValue<string>());
        Assert.Contains("Onbekende vraag", errors["antwoorden[bestaat-niet]"]![0]!.GetValue<string>());
        var leeg = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/metingen", new { maanden = 6, datum = "2026-06-15", antwoorden = new Dictionary<string, int?>() });
        Assert.Contains("ten minste één", (await leeg.LeesAsync())["errors"]!["antwoorden"]![0]!.GetValue<string>());
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Participatiemeting>().Count(m => m.InburgeraarId == id)));

        // Without the anchor in the case there is no date yet.
        var zonder = await DossierAsync(brp: null);
        var geenAnker = await _client.PostJsonAsync($"/api/v1/inburgeraars/{zonder}/participatie/metingen", Antwoorden(0));
        Assert.Contains("ankermoment", (await geenAnker.LeesAsync())["errors"]!["maanden"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Een_open_meting_staat_op_de_werkvoorraad_en_verdwijnt_als_hij_is_ingevuld()
    {
        var id = await DossierAsync();
        var open = (await (await _client.GetAsync("/api/v1/participatie/open?gemeente=GM1724")).LeesAsync()).AsArray();
        var regel = open.Single(o => o!["inburgeraarId"]!.GetValue<string>() == id.ToString());
        Assert.Equal(6, regel!["maanden"]!.GetValue<int>());
        Assert.Equal("2026-12-09", regel["openTot"]!.GetValue<string>());

        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync("/werkvoorraad?gemeente=GM1724"));
        var sectie = pagina.GetElementById("participatiemetingen")!;
        Assert.Contains(sectie.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/inburgeraars/{id}/participatie#meting");

        await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/metingen", Antwoorden(6));
        var daarna = (await (await _client.GetAsync("/api/v1/participatie/open?gemeente=GM1724")).LeesAsync()).AsArray();
        Assert.DoesNotContain(daarna, o => o!["inburgeraarId"]!.GetValue<string>() == id.ToString());
    }

    [Fact]
    public async Task Een_gemeente_met_een_laat_meetmoment_ziet_het_op_de_werkvoorraad_en_een_afgesloten_dossier_niet()
    {
        // Eersel (GM0770) measures at 0 and 48 months, far beyond the default's last moment (24 months plus a window of
        // 6): the worklist reads only cases housed within the loosest window in reach, so that window must follow the
        // municipality's own months. Housed on 10 April 2022, the 48-month moment is open from 10 April 2026.
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync("/api/v1/beheer/participatie/GM0770",
            new { anker = "huisvesting", maanden = "0, 48", vragen = new[] { "werk-betaald" }, treden = new[] { "Thuis", "Werk" } })).StatusCode);
        var laat = await DossierAsync(brp: "2022-04-10", gemeente: "GM0770", koppeling: "2022-03-01");
        var verhuisd = await DossierAsync(brp: "2022-04-10", gemeente: "GM0770", koppeling: "2022-03-01");
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{verhuisd}/mijlpalen/verhuisd", new { datum = "2026-05-01" })).StatusCode);
        // Housed three years ago in Bergeijk (default moments): every moment has passed, so not on the worklist.
        var voorbij = await DossierAsync(brp: "2023-05-10", koppeling: "2023-04-01");

        var open = (await (await _client.GetAsync("/api/v1/participatie/open")).LeesAsync()).AsArray();
        var regel = open.Single(o => o!["inburgeraarId"]!.GetValue<string>() == laat.ToString());
        Assert.Equal(48, regel!["maanden"]!.GetValue<int>());
        Assert.Equal("2026-10-09", regel["openTot"]!.GetValue<string>());
        Assert.DoesNotContain(open, o => o!["inburgeraarId"]!.GetValue<string>() == verhuisd.ToString());
        Assert.DoesNotContain(open, o => o!["inburgeraarId"]!.GetValue<string>() == voorbij.ToString());

        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync("/werkvoorraad?gemeente=GM0770"));
        Assert.Contains(pagina.GetElementById("participatiemetingen")!.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/inburgeraars/{laat}/participatie#meting");
    }

    [Fact]
    public async Task Het_scherm_toont_momenten_antwoorden_en_het_formulier_met_foutsamenvatting()
    {
        var id = await DossierAsync();
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/participatie"));
        Assert.Equal("Open", pagina.QuerySelector("#momententabel tr[data-maanden='6'] .koers-status")!.TextContent.Trim());
        Assert.Equal("6", pagina.QuerySelector("#Meting_Maanden option[selected]")!.GetAttribute("value"));
        Assert.Contains("Heeft u op dit moment betaald werk?", pagina.GetElementById("metingformulier")!.TextContent);

        // A value outside the scale comes back with the summary, linked to the question, and nothing is stored.
        var form = new Dictionary<string, string>
        {
            ["Meting.Maanden"] = "6", ["Meting.Datum"] = "2026-06-15", ["Meting.Antwoorden[werk-betaald]"] = "7", ["Meting.Antwoorden[welbevinden-goed]"] = "5",
            ["__RequestVerificationToken"] = Token(pagina),
        };
        var fout = new HtmlParser().ParseDocument(await (await _client.PostAsync($"/inburgeraars/{id}/participatie?handler=Meting", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync());
        Assert.Contains(fout.QuerySelectorAll("#foutsamenvatting a"), a => a.GetAttribute("href") == "#Meting_Antwoorden_werk-betaald_");
        Assert.NotNull(fout.QuerySelector("#Meting_Antwoorden_werk-betaald_ .utrecht-form-field-error-message"));
        Assert.Equal("checked", fout.QuerySelector("#Meting_Antwoorden_welbevinden-goed_-5")!.GetAttribute("checked") is null ? null : "checked");
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Participatiemeting>().Count(m => m.InburgeraarId == id)));

        form["Meting.Antwoorden[werk-betaald]"] = "1";
        var ok = await _client.PostAsync($"/inburgeraars/{id}/participatie?handler=Meting", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var na = new HtmlParser().ParseDocument(await ok.Content.ReadAsStringAsync());
        Assert.Contains("De vragenlijst is vastgelegd.", na.QuerySelector(".utrecht-alert--ok")!.TextContent);
        Assert.Equal("Ja", na.QuerySelector("#metingentabel tr[data-vraag='werk-betaald'] td")!.TextContent.Trim());
        Assert.Equal("Helemaal eens", na.QuerySelector("#metingentabel tr[data-vraag='welbevinden-goed'] td")!.TextContent.Trim());
        Assert.Contains("in gesprek door " + KoersFactory.TestGebruiker, na.QuerySelector("#metingentabel th[data-maanden='6']")!.TextContent);
    }

    [Fact]
    public async Task Ladder_bij_een_voortgangsgesprek_met_beweging_op_het_dossier()
    {
        var id = await DossierAsync();
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/pipVastgesteld", new { datum = "2026-02-02" })).StatusCode);
        var gesprek = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/voortgangsgesprekken/gevoerd",
            new { status = "gehouden", datum = "2026-05-04", verslag = "Besproken: vrijwilligerswerk bij de voedselbank." });
        Assert.Equal(HttpStatusCode.Created, gesprek.StatusCode);
        var gesprekId = (await gesprek.LeesAsync())["id"]!.GetValue<string>();
        // The Voortgang tab links each held talk to the ladder form, with the talk chosen.
        var voortgang = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/voortgang"));
        var link = voortgang.QuerySelectorAll("#gesprekslijst a").Single(a => a.TextContent.Contains("Participatieladder", StringComparison.Ordinal)).GetAttribute("href")!;
        var formulier = new HtmlParser().ParseDocument(await _client.GetStringAsync(link));
        Assert.Equal(gesprekId, formulier.QuerySelector("#Ladder_Voortgangsgesprek option[selected]")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/ladder", new { trede = 2, datum = "2026-03-02" })).StatusCode);
        // At the talk: the date is the talk's.
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/ladder", new { trede = 4, voortgangsgesprek = gesprekId, toelichting = "Vrijwilligerswerk" })).StatusCode);
        var fout = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/ladder", new { trede = 7, datum = "2026-06-01" });
        Assert.Contains("1 tot en met 6", (await fout.LeesAsync())["errors"]!["trede"]![0]!.GetValue<string>());

        var stand = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/participatie")).LeesAsync();
        var scores = stand["ladderscores"]!.AsArray();
        Assert.Equal(["2026-05-04:4:omhoog:Onbetaald werk", "2026-03-02:2:eerste:Sociale contacten buiten de deur"],
            scores.Select(s => $"{s!["datum"]}:{s["trede"]}:{s["beweging"]}:{s["tredeNaam"]}"));
        Assert.Equal(gesprekId, scores[0]!["voortgangsgesprek"]!.GetValue<string>());

        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/participatie"));
        Assert.Contains("trede 4, Onbetaald werk", pagina.GetElementById("ladder-stand")!.TextContent);
        Assert.Contains("omhoog (2 → 4)", pagina.GetElementById("ladder-stand")!.TextContent);
        var dossier = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}"));
        Assert.Equal("Participatieladder: trede 4, Onbetaald werk (omhoog (2 → 4), 4 mei 2026)", dossier.GetElementById("participatieladder-kop")!.TextContent.Trim());
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id).Select(a => a.Omschrijving).ToList()),
            a => a == "Participatieladder gescoord op 4 mei 2026: trede 4 (omhoog (2 → 4))");
    }

    [Fact]
    public async Task Een_andere_regio_en_een_ketenpartner_zien_niets_en_wijzigen_niets()
    {
        var id = await DossierAsync();
        var weert = factory.ClientAls("fleur.hendriks@weert.example");
        // Due, but not on another region's worklist.
        Assert.Contains((await (await _client.GetAsync("/api/v1/participatie/open")).LeesAsync()).AsArray(), o => o!["inburgeraarId"]!.GetValue<string>() == id.ToString());
        Assert.DoesNotContain((await (await weert.GetAsync("/api/v1/participatie/open")).LeesAsync()).AsArray(), o => o!["inburgeraarId"]!.GetValue<string>() == id.ToString());
        await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/metingen", Antwoorden(6, "2026-06-12"));

        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/api/v1/inburgeraars/{id}/participatie")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/inburgeraars/{id}/participatie")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/ladder", new { trede = 1, datum = "2026-06-01" })).StatusCode);

        var partner = factory.ClientAls("partner@taalschool.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/v1/inburgeraars/{id}/participatie")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/metingen", Antwoorden(0))).StatusCode);

        Assert.Equal(0, factory.MetDatabase(db => db.Set<Ladderscore>().Count(l => l.InburgeraarId == id)));
        Assert.Equal(1, factory.MetDatabase(db => db.Set<Participatiemeting>().Count(m => m.InburgeraarId == id)));
        // The refused read of the other region is in the audit trail.
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id && a.Resultaat == AuditResultaat.Geweigerd).Select(a => a.Gebruiker).ToList()),
            g => g == "fleur.hendriks@weert.example");
    }

    [Fact]
    public async Task De_beheerder_stelt_anker_momenten_vragen_en_ladder_in_per_gemeente()
    {
        // Bladel (GM1728), so the other tests keep Bergeijk's defaults.
        var standaard = await (await _client.GetAsync("/api/v1/beheer/participatie/GM1728")).LeesAsync();
        Assert.True(standaard["standaard"]!.GetValue<bool>());
        Assert.Equal(6, standaard["ladder"]!.AsArray().Count);

        var fout = await _client.PutJsonAsync("/api/v1/beheer/participatie/GM1728",
            new { anker = "bredeIntake", maanden = "0, zes", vragen = new[] { "werk-betaald" }, treden = new[] { "Thuis", "thuis" } });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        var errors = (await fout.LeesAsync())["errors"]!;
        Assert.Contains("'zes' is geen aantal maanden", errors["maanden"]![0]!.GetValue<string>());
        Assert.Contains("andere naam", errors["treden"]![0]!.GetValue<string>());

        var ok = await _client.PutJsonAsync("/api/v1/beheer/participatie/GM1728",
            new { anker = "bredeIntake", maanden = "3, 0", vragen = new[] { "werk-betaald", "welbevinden-tevreden" }, treden = new[] { "Thuis", "Buiten de deur", "Vrijwilligerswerk", "Werk" } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var inrichting = await ok.LeesAsync();
        Assert.Equal([0, 3], inrichting["maanden"]!.AsArray().Select(m => m!.GetValue<int>()));
        Assert.Equal(["werk-betaald", "welbevinden-tevreden"], inrichting["vragen"]!.AsArray().Select(v => v!["code"]!.GetValue<string>()));
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.Omschrijving.StartsWith("Participatiemonitor gemeente Bladel")).Select(a => a.Omschrijving).ToList()),
            a => a.Contains("anker Brede intake afgerond, meetmomenten 0,3 maanden, 2 vragen aan, 11 uit, ladder met 4 treden", StringComparison.Ordinal));

        // A case in Bladel now follows it: moments from the brede intake, only the questions switched on, the four rungs.
        var invoer = Testdata.Inburgeraar(bsn: Testdata.NieuwBsn(), gemeente: "GM1728", koppelingsdatum: "2026-01-05");
        var id = (await (await _client.PostJsonAsync("/api/v1/koppelingen", invoer)).LeesAsync())["id"]!.GetValue<string>();
        factory.MetDatabase(db =>
        {
            db.Mijlpalen.Add(new MijlpaalRegel { InburgeraarId = Guid.Parse(id), Soort = Koers.Domain.Dossier.Mijlpaal.BredeIntake, Datum = new DateOnly(2026, 4, 1) });
            return db.SaveChanges();
        });
        var stand = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/participatie")).LeesAsync();
        Assert.Equal(["2026-04-01:open", "2026-07-01:nogNiet"], stand["momenten"]!.AsArray().Select(m => $"{m!["datum"]}:{m["status"]}"));
        Assert.Equal("Werk", stand["ladder"]!.AsArray()[3]!["naam"]!.GetValue<string>());
        var uit = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/metingen",
            new { maanden = 0, datum = "2026-06-01", antwoorden = new Dictionary<string, int?> { ["werk-opleiding"] = 1 } });
        Assert.Contains("Onbekende vraag", (await uit.LeesAsync())["errors"]!["antwoorden[werk-opleiding]"]![0]!.GetValue<string>());

        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync("/beheer/participatie?gemeente=GM1728"));
        Assert.Contains("laatst gewijzigd door " + KoersFactory.TestGebruiker, pagina.GetElementById("inrichting-stand")!.TextContent);
        Assert.Equal("Werk", pagina.GetElementById("trede-3")!.GetAttribute("value"));
        Assert.Null(pagina.GetElementById("vraag-werk-opleiding")!.GetAttribute("checked"));

        // Only the functioneel beheerder, and only within reach.
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("sanne.devries@kempen.example").GetAsync("/api/v1/beheer/participatie/GM1728")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PutJsonAsync("/api/v1/beheer/participatie/GM0988",
            new { anker = "pip", maanden = "0", vragen = new[] { "werk-betaald" }, treden = new[] { "a", "b" } })).StatusCode);
    }

    [Fact]
    public async Task De_inburgeraar_vult_de_vragenlijst_in_in_het_portaal_in_eigen_taal()
    {
        var id = await DossierAsync();
        var email = $"inburgeraar{Interlocked.Increment(ref _volgnummer)}-{Guid.NewGuid():N}@demo.example";
        factory.MetDatabase(db =>
        {
            using var scope = factory.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Gebruiker>>();
            var gebruiker = new Gebruiker { UserName = email, Email = email, Weergavenaam = "Inburgeraar", InburgeraarId = id };
            Assert.True(users.CreateAsync(gebruiker).GetAwaiter().GetResult().Succeeded);
            return users.AddToRoleAsync(gebruiker, Rollen.Inburgeraar).GetAwaiter().GetResult();
        });
        var client = factory.ClientAls(email);

        Assert.NotNull(new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn")).GetElementById("participatie-open"));
        var en = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn/participatie?taal=en"));
        Assert.Equal("Questionnaire: taking part in the Netherlands", en.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Do you currently have paid work?", en.QuerySelector("[data-vraag='werk-betaald'] legend")!.TextContent.Trim());
        Assert.Null(en.GetElementById("niet-vertaald"));

        // Every portal language asks the default questions in that language (issue #22): question, answers and domain
        // heading, marked with the language, and no note that the questions are only in Dutch.
        var standaard = Koers.Domain.Participatie.Vragenlijsten.Standaard;
        foreach (var taal in new[] { "nl", "en", "ar", "fa", "ti", "tr", "uk" })
        {
            var doc = new HtmlParser().ParseDocument(await client.GetStringAsync($"/mijn/participatie?taal={taal}"));
            Assert.Null(doc.GetElementById("niet-vertaald"));
            Assert.Empty(doc.QuerySelectorAll(".koers-alleen-nl"));
            foreach (var vraag in standaard.Vragen)
            {
                var legend = doc.QuerySelector($"[data-vraag='{vraag.Code}'] legend")!;
                Assert.Equal((vraag.Teksten[taal], taal), (legend.TextContent.Trim(), legend.GetAttribute("lang")));
                var labels = doc.QuerySelectorAll($"[data-vraag='{vraag.Code}'] label[lang]").Select(l => (l.TextContent.Trim(), l.GetAttribute("lang"))).ToList();
                Assert.Equal(vraag.Opties.Select(o => (o.Tekst(taal), (string?)taal)), labels);
            }

            Assert.All(doc.QuerySelectorAll("#vragenlijst h3"), h => Assert.Equal(taal, h.GetAttribute("lang")));
            if (taal != "nl") Assert.DoesNotContain("Heeft u op dit moment betaald werk?", doc.Body!.TextContent, StringComparison.Ordinal);
        }

        // The translations are the language's own script, not Dutch copied in.
        Assert.Matches(@"^\p{IsArabic}", standaard.Vragen[0].Teksten["ar"]);
        Assert.Matches(@"^\p{IsArabic}", standaard.Vragen[0].Teksten["fa"]);
        Assert.Matches(@"^\p{IsEthiopic}", standaard.Vragen[0].Teksten["ti"]);
        Assert.Matches(@"^\p{IsCyrillic}", standaard.Vragen[0].Teksten["uk"]);
        Assert.Equal("Şu anda ücretli bir işiniz var mı?", standaard.Vragen[0].Teksten["tr"]);

        // Arabic: the interface in Arabic, right to left, the questions in Arabic.
        var ar = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn/participatie?taal=ar"));
        Assert.Equal("rtl", ar.DocumentElement.GetAttribute("dir"));
        Assert.Equal("هل لديك عمل مدفوع الأجر في الوقت الحالي؟", ar.QuerySelector("[data-vraag='werk-betaald'] legend")!.TextContent.Trim());

        var token = ar.QuerySelector("#vragenlijst input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var leeg = new HtmlParser().ParseDocument(await (await client.PostAsync("/mijn/participatie",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Meting.Maanden"] = "6", ["__RequestVerificationToken"] = token }))).Content.ReadAsStringAsync());
        Assert.Contains("يرجى الإجابة عن سؤال واحد على الأقل.", leeg.GetElementById("foutsamenvatting")!.TextContent);

        var verstuurd = await client.PostAsync("/mijn/participatie", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Meting.Maanden"] = "6", ["Meting.Antwoorden[werk-betaald]"] = "0", ["Meting.Antwoorden[sociaal-netwerk]"] = "2", ["__RequestVerificationToken"] = token,
        }));
        var na = new HtmlParser().ParseDocument(await verstuurd.Content.ReadAsStringAsync());
        Assert.Equal("شكرًا لك. تم إرسال إجاباتك.", na.GetElementById("verstuurd")!.TextContent.Trim());
        Assert.NotNull(na.GetElementById("geen-vragenlijst"));
        var meting = factory.MetDatabase(db => db.Set<Participatiemeting>().Include(m => m.Antwoorden).Single(m => m.InburgeraarId == id));
        Assert.Equal((Invulwijze.Portaal, "ar", email, new DateOnly(2026, 6, 16), 2), (meting.Invulwijze, meting.Taal, meting.VastgelegdDoor, meting.Datum, meting.Antwoorden.Count));
        Assert.Null(new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn")).GetElementById("participatie-open"));
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id && a.Gebruiker == email).Select(a => a.Omschrijving).ToList()),
            a => a == "Participatiemeting '6 maanden' vastgelegd (door de inburgeraar in het portaal, 2 van 13 vragen beantwoord)");

        // The klantregisseur sees it on the case; staff cannot use the portal page.
        var stand = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/participatie")).LeesAsync();
        Assert.Equal("portaal", stand["metingen"]![0]!["invulwijze"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("sanne.devries@kempen.example", volgRedirects: false).GetAsync("/api/v1/mijn/participatie")).StatusCode);
    }

    [Fact]
    public async Task De_monitor_telt_per_cohort_met_kleine_aantallen_verborgen()
    {
        // Seven people with their brede intake on 7 March 2019 (a year no demo case has), housed 1 March 2019. The cohort is
        // the whole year: for policy staff a month, a doelgroep or a leerroute is refused, because its difference with
        // the year or the total could give a hidden count away (issue #24, differencing).
        var ids = new List<Guid>();
        for (var n = 0; n < 7; n++)
        {
            var id = await DossierAsync(brp: null);
            factory.MetDatabase(db =>
            {
                db.Mijlpalen.Add(new MijlpaalRegel { InburgeraarId = id, Soort = Koers.Domain.Dossier.Mijlpaal.BrpInschrijving, Datum = new DateOnly(2019, 3, 1) });
                db.Mijlpalen.Add(new MijlpaalRegel { InburgeraarId = id, Soort = Koers.Domain.Dossier.Mijlpaal.BredeIntake, Datum = new DateOnly(2019, 3, 7) });
                return db.SaveChanges();
            });
            var antwoorden = new Dictionary<string, int?> { ["werk-betaald"] = n < 6 ? 1 : 0, ["maatschappelijk-vereniging"] = n < 2 ? 1 : 0 };
            Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/metingen", new { maanden = 6, datum = "2026-06-01", antwoorden })).StatusCode);
            ids.Add(id);
        }

        await _client.PostJsonAsync($"/api/v1/inburgeraars/{ids[0]}/participatie/ladder", new { trede = 2, datum = "2026-01-10" });
        await _client.PostJsonAsync($"/api/v1/inburgeraars/{ids[0]}/participatie/ladder", new { trede = 3, datum = "2026-05-10" });

        var beleid = factory.ClientAls("beleid@kempen.example");
        foreach (var (query, veld) in new[] { ("van=2019-03-01&tot=2019-03-31", "van"), ("jaar=2019&doelgroep=asielstatushouder", "doelgroep"), ("jaar=2019&leerroute=B1Route", "leerroute") })
        {
            var geweigerd = await beleid.GetAsync($"/api/v1/monitor/participatie?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, geweigerd.StatusCode);
            var fouten = (await geweigerd.LeesAsync())["errors"]!;
            Assert.True(fouten[veld] is not null, fouten.ToJsonString());
        }

        var antwoord = await beleid.GetAsync("/api/v1/monitor/participatie?jaar=2019");
        Assert.True(antwoord.IsSuccessStatusCode, await antwoord.Content.ReadAsStringAsync());
        var rapport = await antwoord.LeesAsync();
        Assert.Equal("7", rapport["personen"]!["tekst"]!.GetValue<string>());
        var perMoment = rapport["tabellen"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "participatie-per-moment")!;
        var rij = perMoment["rijen"]!.AsArray().Single()!;
        Assert.Equal("6 maanden", rij["label"]!.GetValue<string>());
        var cellen = rij["cellen"]!.AsArray().Select(c => c!["tekst"]!.GetValue<string>()).ToList();
        // gemeten 7; werk 6 would give away the one person without paid work (7 - 6 = 1, issue #22): "x", with its share;
        // maatschappelijk 2 is small: "<5", and its share is hidden with it.
        Assert.Equal("7", cellen[0]);
        Assert.Equal("x", cellen[1]);
        Assert.Equal("(<5)", cellen[2]);
        Assert.Equal("<5", cellen[3]);
        Assert.Equal("(<5)", cellen[4]);
        Assert.DoesNotContain(rij["cellen"]!.AsArray(), c => c!["tekst"]!.GetValue<string>() is "2" or "6" or "85,7%");
        // The reader's differences: wherever a domain's count and the number measured are both shown, the rest is 0 or at
        // least 5; in the CSV too.
        var kolommen = perMoment["kolommen"]!.AsArray().Select(k => k!["sleutel"]!.GetValue<string>()).ToList();
        foreach (var r in perMoment["rijen"]!.AsArray())
        {
            var c = r!["cellen"]!.AsArray();
            var gemeten = c[kolommen.IndexOf("gemeten")]!["waarde"]?.GetValue<int>();
            foreach (var d in new[] { "werk", "maatschappelijk", "sociaal", "competenties", "welbevinden" })
            {
                if (gemeten is { } g && c[kolommen.IndexOf(d)]!["waarde"]?.GetValue<int>() is { } n) Assert.True(g - n is 0 or >= 5, $"{d}: {g} - {n}");
            }
        }

        var csv = System.Text.Encoding.UTF8.GetString(await (await beleid.GetAsync("/api/v1/monitor/participatie/csv?jaar=2019")).Content.ReadAsByteArrayAsync());
        var csvRij = csv.Split('\n').Single(l => l.StartsWith("6 maanden;", StringComparison.Ordinal)).Trim().Split(';');
        Assert.Equal(["6 maanden", "7", "x", "(<5)", "<5", "(<5)"], csvRij.Take(6));
        Assert.DoesNotContain("Verschil", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(rapport["tabellen"]!.AsArray(), t => t!["id"]!.GetValue<string>() == "participatie-verschillen");
        var beweging = rapport["tabellen"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "participatieladder-beweging")!;
        Assert.All(beweging["rijen"]!.AsArray(), r => Assert.True(r!["cellen"]![0]!["verborgen"]!.GetValue<bool>() || r["cellen"]![0]!["tekst"]!.GetValue<string>() == "0"));

        var pagina = new HtmlParser().ParseDocument(await beleid.GetStringAsync("/monitor/participatie?jaar=2019"));
        Assert.Contains("brede intake van 1 jan 2019 tot en met 31 dec 2019", pagina.GetElementById("cohort")!.TextContent);
        Assert.NotNull(pagina.GetElementById("tabel-participatie-per-moment"));
        // The form offers no filter that would be refused; whoever may show small counts keeps them.
        Assert.Null(pagina.QuerySelector("[name='leerroute']"));
        Assert.Null(pagina.QuerySelector("[name='doelgroep']"));
        Assert.NotNull(new HtmlParser().ParseDocument(await _client.GetStringAsync("/monitor/participatie?jaar=2019")).QuerySelector("select[name='leerroute']"));

        // An unknown leerroute is refused with the Dutch names on the page (issue #22: not "b1Route, onderwijsroute, zRoute"),
        // and with the codes to send beside them in the API.
        var fout = await _client.GetAsync("/monitor/participatie?jaar=2019&leerroute=A2Route");
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        var melding = new HtmlParser().ParseDocument(await fout.Content.ReadAsStringAsync()).QuerySelector(".utrecht-alert--error li")!.TextContent.Trim();
        Assert.Equal("Onbekende waarde 'A2Route'. Kies uit: B1-route, onderwijsroute, Z-route.", melding);
        var apiFout = await (await _client.GetAsync("/api/v1/monitor/participatie?jaar=2019&leerroute=A2Route")).LeesAsync();
        Assert.Equal("Onbekende waarde 'A2Route'. Kies uit: B1-route (b1Route), onderwijsroute (onderwijsroute), Z-route (zRoute).", apiFout["errors"]!["leerroute"]![0]!.GetValue<string>());

        // Case workers of another region and partners have no monitor; a klantregisseur has no monitor role either.
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("partner@taalschool.example").GetAsync("/api/v1/monitor/participatie")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("fleur.hendriks@weert.example").GetAsync("/api/v1/monitor/participatie")).StatusCode);
    }

    [Fact]
    public async Task De_monitor_geeft_geen_klein_aantal_prijs_als_de_regio_naast_haar_gemeenten_staat()
    {
        // A 2018 cohort (a year no demo case has): seven people in Bergeijk, three in Bladel, all measured at 6 months.
        // Protected view by view, the region's 10 minus Bergeijk's 7 gives Bladel's hidden 3; decided together for the
        // region and all its municipalities (issue #24), no hidden count follows from the views side by side.
        foreach (var (gemeente, aantal) in new[] { ("GM1724", 7), ("GM1728", 3) })
        {
            for (var n = 0; n < aantal; n++)
            {
                var id = await DossierAsync(brp: null, gemeente: gemeente);
                factory.MetDatabase(db =>
                {
                    db.Mijlpalen.Add(new MijlpaalRegel { InburgeraarId = id, Soort = Koers.Domain.Dossier.Mijlpaal.BrpInschrijving, Datum = new DateOnly(2018, 2, 1) });
                    db.Mijlpalen.Add(new MijlpaalRegel { InburgeraarId = id, Soort = Koers.Domain.Dossier.Mijlpaal.BredeIntake, Datum = new DateOnly(2018, 3, 7) });
                    return db.SaveChanges();
                });
                var antwoorden = new Dictionary<string, int?> { ["werk-betaald"] = 1, ["maatschappelijk-vereniging"] = 0 };
                Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/metingen", new { maanden = 6, datum = "2026-06-01", antwoorden })).StatusCode);
            }
        }

        var beleid = factory.ClientAls("beleid@kempen.example");
        async Task<Koers.Web.Tests.Monitor.Onthullingsaanval.Weergave> Haal(string query)
        {
            var antwoord = await beleid.GetAsync($"/api/v1/monitor/participatie?{query}");
            var tekst = await antwoord.Content.ReadAsStringAsync();
            Assert.True(antwoord.IsSuccessStatusCode, tekst);
            return Koers.Web.Tests.Monitor.Onthullingsaanval.Lees(System.Text.Json.Nodes.JsonNode.Parse(tekst)!);
        }

        var hoofd = (await (await beleid.GetAsync("/api/v1/monitor?jaar=2018")).LeesAsync())["tabellen"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "instroom-gemeente")!;
        var gemeenten = hoofd["rijen"]!.AsArray().Select(r => r!["sleutel"]!.GetValue<string>()).Where(k => k != "totaal").ToList();
        var weergaven = new Dictionary<string, Koers.Web.Tests.Monitor.Onthullingsaanval.Weergave> { ["regio"] = await Haal("jaar=2018") };
        foreach (var g in gemeenten) weergaven[g] = await Haal($"gemeente={g}&jaar=2018");
        Assert.Contains("GM1728", gemeenten);
        Assert.True(weergaven["GM1728"].Cellen[("participatie-per-moment", "6", "gemeten")].Verborgen);

        var samen = Koers.Web.Tests.Monitor.Onthullingsaanval.Samen(weergaven, Koers.Web.Tests.Monitor.Onthullingsaanval.Plaatssommen(weergaven, "regio", gemeenten));
        Assert.Empty(Koers.Web.Tests.Monitor.Onthullingsaanval.Bereken(samen));
    }

    [Fact]
    public async Task De_demodata_heeft_metingen_ladderscores_en_open_vragenlijsten()
    {
        var (metingen, portaal, scores, bijGesprek) = factory.MetDatabase(db => (
            db.Set<Participatiemeting>().Count(m => m.VastgelegdDoor == "demodata"),
            db.Set<Participatiemeting>().Count(m => m.VastgelegdDoor == "demodata" && m.Invulwijze == Invulwijze.Portaal),
            db.Set<Ladderscore>().Count(l => l.VastgelegdDoor == "demodata"),
            db.Set<Ladderscore>().Count(l => l.VastgelegdDoor == "demodata" && l.VoortgangsgesprekId != null)));
        // h-demo (#22): moments before 1 January 2026 have no questionnaire (version 2026.1 did not exist yet), so fewer than before.
        Assert.True(metingen > 12 && portaal > 0 && scores > 10 && bijGesprek > 0, $"{metingen} metingen ({portaal} portaal), {scores} scores ({bijGesprek} bij een gesprek)");
        Assert.NotEmpty((await (await _client.GetAsync("/api/v1/participatie/open")).LeesAsync()).AsArray());
        Assert.True(factory.MetDatabase(db => db.Set<Participatieantwoord>().Count()) > metingen * 5);
    }

    private static string Token(AngleSharp.Dom.IDocument pagina) =>
        pagina.QuerySelector("#metingformulier input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}

public sealed class SqliteParticipatieTests(SqliteFactory factory) : ParticipatieTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresParticipatieTests(PostgresFactory factory) : ParticipatieTests(factory), IClassFixture<PostgresFactory>;

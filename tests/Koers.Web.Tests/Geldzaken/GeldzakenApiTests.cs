using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Data.Model.Geldzaken;
using Koers.Web.Tests.Infrastructure;
using Koers.Web.Tests.Pdf;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Geldzaken;

/// <summary>
/// Geldzaken end to end: the inrichtingskrediet with its term from huisvesting (per municipality) and the worklist
/// signal, and the monthly statement from the ontzorgen data in the API, on the staff screen, in the portal (in a
/// second language) and as a PDF letter; who may read it. The clock stands on 16 June 2026.
/// </summary>
public abstract class GeldzakenApiTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> DossierAsync(string gemeente, string naam, string? startBijstand = null, string doelgroep = "asielstatushouder")
    {
        var invoer = Testdata.Inburgeraar(gemeente: gemeente, doelgroep: doelgroep, koppelingsdatum: "2026-01-05");
        invoer["achternaam"] = naam;
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.LeesAsync())["id"]!.GetValue<string>();
        if (startBijstand is not null)
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/startBijstand", new { datum = startBijstand })).StatusCode);
        }

        return id;
    }

    private Task<HttpResponseMessage> KredietAsync(string id, object invoer) => _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/geldzaken/inrichtingskrediet", invoer);

    private async Task<JsonNode> GeldzakenAsync(string id, HttpClient? client = null) =>
        await (await (client ?? _client).GetAsync($"/api/v1/inburgeraars/{id}/geldzaken")).LeesAsync();

    private async Task<List<JsonNode>> SignalenAsync() =>
        (await (await _client.GetAsync("/api/v1/geldzaken/signalen")).LeesAsync()).AsArray().Select(n => n!).ToList();

    private static string Tekst(string html) => new HtmlParser().ParseDocument(html).Body!.TextContent.Replace('\u00A0', ' ');

    /// <summary>
    /// A case with ontzorgen from 15 June 2026: rent 620 and insurance 130 a month, net bijstand 1300; June is paid
    /// pro rata for 16 of 30 days (330,67 and 69,33), so 900,00 is left.
    /// </summary>
    private async Task<string> OntzorgdDossierAsync(string naam)
    {
        var id = await DossierAsync("GM0770", naam, startBijstand: "2026-06-15");
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/ontzorgen/besluit", new { besluit = "toepassen", besluitdatum = "2026-06-15" })).StatusCode);
        foreach (var (soort, naamOntvanger, iban, bedrag) in new[] { ("verhuurder", "Woonstichting Eersel", "NL91ABNA0417164300", 620m), ("zorgverzekeraar", "Zorgverzekeraar Zuid", "NL20INGB0001234567", 130m) })
        {
            var r = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/ontzorgen/betalingen",
                new { soort, naam = naamOntvanger, iban, betalingskenmerk = $"K-{naam}", bedragPerMaand = bedrag });
            Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.OK, (await KredietAsync(id, new { nettoBijstandPerMaand = 1300m })).StatusCode);
        return id;
    }

    /// <summary>A second inburgeraar account, for the case <paramref name="id"/>: the portal must show this person only their own money.</summary>
    private string InburgeraarAccount(string id, string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        if (users.FindByEmailAsync(email).GetAwaiter().GetResult() is null)
        {
            var g = new Gebruiker { UserName = email, Email = email, Weergavenaam = "Tweede inburgeraar", InburgeraarId = Guid.Parse(id) };
            Assert.True(users.CreateAsync(g).GetAwaiter().GetResult().Succeeded);
            Assert.True(users.AddToRoleAsync(g, Rollen.Inburgeraar).GetAwaiter().GetResult().Succeeded);
        }

        return email;
    }

    // ---- inrichtingskrediet ------------------------------------------------------------------------------------

    [Fact]
    public async Task Krediet_over_de_termijn_staat_op_de_werkvoorraad_tot_het_is_uitbetaald()
    {
        var id = await DossierAsync("GM0770", "Krediettelaat");
        var opgeslagen = await KredietAsync(id, new { huisvestingOp = "2026-05-20", aangevraagdOp = "2026-05-20", toegekendOp = "2026-05-25", toegekendBedrag = 2750.00m });
        Assert.True(opgeslagen.StatusCode == HttpStatusCode.OK, await opgeslagen.Content.ReadAsStringAsync());

        var k = (await GeldzakenAsync(id))["inrichtingskrediet"]!;
        Assert.Equal("toegekend", k["status"]!.GetValue<string>());
        Assert.Equal(14, k["termijnDagen"]!.GetValue<int>());
        Assert.Equal("2026-06-03", k["uiterlijk"]!.GetValue<string>());
        Assert.Equal(-13, k["dagenResterend"]!.GetValue<int>());
        Assert.True(k["termijnVerstreken"]!.GetValue<bool>());
        Assert.Equal("regels 626-629", k["bron"]!["verwijzing"]!.GetValue<string>());

        var signaal = Assert.Single(await SignalenAsync(), s => s["inburgeraarId"]!.GetValue<string>() == id);
        Assert.Equal(13, signaal["dagenTeLaat"]!.GetValue<int>());
        var werkvoorraad = Tekst(await _client.GetStringAsync("/werkvoorraad?gemeente=GM0770"));
        Assert.Contains("Inrichtingskrediet te laat", werkvoorraad);
        Assert.Contains("Testa Krediettelaat", werkvoorraad);

        var scherm = Tekst(await _client.GetStringAsync($"/inburgeraars/{id}/geldzaken"));
        Assert.Contains("Te laat.", scherm);
        Assert.Contains("€ 2.750,00", scherm);

        Assert.Equal(HttpStatusCode.OK, (await KredietAsync(id, new
        {
            huisvestingOp = "2026-05-20", aangevraagdOp = "2026-05-20", toegekendOp = "2026-05-25", toegekendBedrag = 2750.00m, uitbetaaldOp = "2026-06-10", uitbetaaldBedrag = 2750.00m,
        })).StatusCode);
        Assert.DoesNotContain(await SignalenAsync(), s => s["inburgeraarId"]!.GetValue<string>() == id);
        var betaald = (await GeldzakenAsync(id))["inrichtingskrediet"]!;
        Assert.Equal("uitbetaald", betaald["status"]!.GetValue<string>());
        Assert.Contains("7 dag(en) na het einde van de termijn", betaald["toelichting"]!.GetValue<string>());

        var rij = factory.MetDatabase(db => db.Set<Geldzaak>().AsNoTracking().Single(g => g.InburgeraarId == Guid.Parse(id)));
        Assert.Equal((new DateOnly(2026, 6, 10), 2750.00m), (rij.KredietUitbetaaldOp!.Value, rij.KredietUitbetaaldBedrag!.Value));
        Assert.Contains(factory.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.InburgeraarId == Guid.Parse(id)).Select(a => a.Omschrijving).ToList()),
            o => o == "Geldzaken: inrichtingskrediet vastgelegd (status ‘uitbetaald’, uitbetaald € 2.750,00)");
    }

    [Fact]
    public async Task Stappen_buiten_volgorde_worden_geweigerd_en_niets_wordt_opgeslagen()
    {
        var id = await DossierAsync("GM0770", "Kredietfout");
        var response = await KredietAsync(id, new { huisvestingOp = "2026-06-01", toegekendOp = "2026-06-05", toegekendBedrag = 1000m, uitbetaaldBedrag = 1200m });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fouten = (await response.LeesAsync())["errors"]!;
        Assert.Contains("toekennen kan alleen na een aanvraag", fouten["aangevraagdOp"]![0]!.GetValue<string>());
        Assert.Contains("meer uitbetaald dan toegekend", fouten["uitbetaaldBedrag"]!.AsArray().Select(x => x!.GetValue<string>()).Last());
        Assert.False(factory.MetDatabase(db => db.Set<Geldzaak>().Any(g => g.InburgeraarId == Guid.Parse(id))));

        // The screen: the summary at the top, the message at the field, what was typed kept.
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync($"/inburgeraars/{id}/geldzaken"));
        var token = doc.QuerySelector("#krediet-formulier input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await client.PostAsync($"/inburgeraars/{id}/geldzaken?handler=Krediet", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Krediet.HuisvestingOp"] = "2026-06-01", ["Krediet.UitbetaaldOp"] = "2026-06-04", ["UitbetaaldTekst"] = "1.250,00",
        }));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var na = new HtmlParser().ParseDocument(await post.Content.ReadAsStringAsync());
        var samenvatting = na.QuerySelector("#foutsamenvatting")!;
        Assert.Contains("uitbetalen kan alleen na toekenning", samenvatting.TextContent);
        Assert.Equal("#Krediet_ToegekendOp", samenvatting.QuerySelectorAll("a").First(a => a.TextContent.Contains("uitbetalen kan alleen", StringComparison.Ordinal)).GetAttribute("href"));
        Assert.Equal("1.250,00", na.QuerySelector("#UitbetaaldTekst")!.GetAttribute("value"));
        Assert.False(factory.MetDatabase(db => db.Set<Geldzaak>().Any(g => g.InburgeraarId == Guid.Parse(id))));
    }

    [Fact]
    public async Task Termijn_is_per_gemeente_in_te_stellen_door_beheer()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("sanne.devries@kempen.example").PutJsonAsync("/api/v1/geldzaken/instellingen/GM1728", new { inrichtingskredietTermijnDagen = 30 })).StatusCode);
        var standaard = await (await _client.GetAsync("/api/v1/geldzaken/instellingen/GM1728")).LeesAsync();
        Assert.Equal(14, standaard["inrichtingskredietTermijnDagen"]!.GetValue<int>());
        Assert.True(standaard["standaard"]!.GetValue<bool>());

        var fout = await _client.PutJsonAsync("/api/v1/geldzaken/instellingen/GM1728", new { inrichtingskredietTermijnDagen = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        Assert.Contains("minstens 1 dag", (await fout.LeesAsync())["errors"]!["inrichtingskredietTermijnDagen"]![0]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync("/api/v1/geldzaken/instellingen/GM1728", new { inrichtingskredietTermijnDagen = 30 })).StatusCode);
        var id = await DossierAsync("GM1728", "Bladeltermijn");
        Assert.Equal(HttpStatusCode.OK, (await KredietAsync(id, new { huisvestingOp = "2026-05-20" })).StatusCode);
        var k = (await GeldzakenAsync(id))["inrichtingskrediet"]!;
        Assert.Equal("2026-06-19", k["uiterlijk"]!.GetValue<string>());
        Assert.False(k["termijnVerstreken"]!.GetValue<bool>());
        Assert.DoesNotContain(await SignalenAsync(), s => s["inburgeraarId"]!.GetValue<string>() == id);
        Assert.Contains(factory.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.InburgeraarId == null).Select(a => a.Omschrijving).ToList()),
            o => o == "Geldzaken: termijn inrichtingskrediet gemeente Bladel gewijzigd van 14 naar 30 dagen");

        var beheer = Tekst(await factory.ClientAls("beheer@kempen.example").GetStringAsync("/beheer/geldzaken?gemeente=GM1728"));
        Assert.Contains("Gemeente Bladel", beheer);
    }

    // ---- maandoverzicht ----------------------------------------------------------------------------------------

    [Fact]
    public async Task Maandoverzicht_van_de_ontzorgen_betalingen_in_api_scherm_en_brief()
    {
        var id = await OntzorgdDossierAsync("Maandoverzicht");
        var o = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/geldzaken/maandoverzicht?maand=2026-06")).LeesAsync();
        var regels = o["regels"]!.AsArray();
        Assert.Equal(["huur:330.67", "zorgverzekering:69.33"], regels.Select(r => $"{r!["last"]!.GetValue<string>()}:{r["bedrag"]!.GetValue<decimal>().ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        Assert.All(regels, r => Assert.False(r!["betaald"]!.GetValue<bool>()));
        Assert.Equal(400.00m, o["totaal"]!.GetValue<decimal>());
        Assert.Equal(900.00m, o["restant"]!.GetValue<decimal>());
        Assert.Equal("2026-12-14", o["ontzorgenTot"]!.GetValue<string>());

        // After the payment run the lines are 'betaald', with the amounts the run transferred.
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync("/api/v1/ontzorgen/beleid/GM0770", new
        {
            benadering = "jaTenzij", ontzorgenMaanden = 6, huur = true, gasEnStroom = true, water = true, zorgverzekering = true, overigeLasten = (string?)null,
            verlengenToegestaan = true, trainingAanbod = (string?)null, debiteurNaam = "Gemeente Eersel", debiteurIban = "NL02ABNA0123456789", debiteurBic = "ABNANL2A",
        })).StatusCode);
        var run = await _client.PostJsonAsync("/api/v1/ontzorgen/betaalruns", new { gemeente = "GM0770", maand = "2026-06" });
        Assert.True(run.StatusCode == HttpStatusCode.Created, await run.Content.ReadAsStringAsync());
        var na = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/geldzaken/maandoverzicht?maand=2026-06")).LeesAsync();
        Assert.All(na["regels"]!.AsArray(), r => Assert.True(r!["betaald"]!.GetValue<bool>()));
        Assert.Equal(400.00m, na["totaal"]!.GetValue<decimal>());

        var scherm = Tekst(await _client.GetStringAsync($"/inburgeraars/{id}/geldzaken?maand=2026-06"));
        Assert.Contains("€ 330,67", scherm);
        Assert.Contains("€ 900,00", scherm);

        var pdf = await _client.GetAsync($"/api/v1/inburgeraars/{id}/geldzaken/maandoverzicht/brief?maand=2026-06");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var brief = GelezenPdf.Lees(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("Uw geld in juni 2026", brief.Tekst);
        Assert.Contains("Huur aan Woonstichting Eersel € 330,67", brief.Tekst);
        Assert.Contains("Voor u blijft over € 900,00", brief.Tekst);
        Assert.Contains("tot en met 14 december 2026", brief.Tekst);
        Assert.DoesNotContain("bezwaar", brief.Tekst, StringComparison.OrdinalIgnoreCase); // information, not a decision
        var schermBrief = await _client.GetAsync($"/inburgeraars/{id}/geldzaken?handler=Brief&maand=2026-06");
        Assert.Equal("application/pdf", schermBrief.Content.Headers.ContentType!.MediaType);

        var onzin = await _client.GetAsync($"/api/v1/inburgeraars/{id}/geldzaken/maandoverzicht?maand=juni");
        Assert.Equal(HttpStatusCode.BadRequest, onzin.StatusCode);
        var onzinProbleem = await onzin.LeesAsync();
        Assert.Contains("JJJJ-MM", onzinProbleem["errors"]!["maand"]![0]!.GetValue<string>());
        // A read stores nothing, so the problem must not say "Er is niets opgeslagen".
        Assert.DoesNotContain("opgeslagen", onzinProbleem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Gezinsmigrant_krijgt_geen_ontzorgen_overzicht()
    {
        var id = await DossierAsync("GM0770", "Gezin", doelgroep: "gezinsmigrant");
        var o = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/geldzaken/maandoverzicht?maand=2026-06")).LeesAsync();
        Assert.Contains("alleen voor asielstatushouders", o["nietVanToepassing"]!.GetValue<string>());
        Assert.Empty(o["regels"]!.AsArray());
    }

    [Fact]
    public async Task Inburgeraar_ziet_alleen_het_eigen_overzicht_in_de_eigen_taal()
    {
        var id = await OntzorgdDossierAsync("Portaalgeld");
        var tweede = factory.ClientAls(InburgeraarAccount(id, $"geld-{factory.Provider}@demo.example".ToLowerInvariant()));

        var api = await (await tweede.GetAsync("/api/v1/mijn/maandoverzicht?maand=2026-06")).LeesAsync();
        Assert.Equal(id, api["inburgeraarId"]!.GetValue<string>());
        Assert.Equal(900.00m, api["restant"]!.GetValue<decimal>());

        var nl = Tekst(await tweede.GetStringAsync("/mijn/geld?maand=2026-06&taal=nl"));
        Assert.Contains("Uw geld per maand", nl);
        Assert.Contains("Huur", nl);
        Assert.Contains("€ 330,67", nl);
        var en = Tekst(await tweede.GetStringAsync("/mijn/geld?maand=2026-06&taal=en"));
        Assert.Contains("Your money per month", en);
        Assert.Contains("Rent", en);
        Assert.Contains("Health insurance", en);
        Assert.Contains("Left for you", en);
        Assert.Contains("€ 900,00", en);
        Assert.Contains("14 December 2026", en);
        var ar = await tweede.GetStringAsync("/mijn/geld?maand=2026-06&taal=ar");
        var arDoc = new HtmlParser().ParseDocument(ar);
        Assert.Equal(("ar", "rtl"), (arDoc.DocumentElement.GetAttribute("lang"), arDoc.DocumentElement.GetAttribute("dir")));
        Assert.Contains("الإيجار", Tekst(ar));

        // Ukrainian: "за червень 2026" (за + nominative); "у червень" is the wrong case.
        var uk = Tekst(await tweede.GetStringAsync("/mijn/geld?maand=2026-06&taal=uk"));
        Assert.Contains("за червень 2026", uk);
        Assert.DoesNotContain("у червень", uk);
        // A month that is not one: the page says so in the chosen language; the API does not claim nothing was stored.
        Assert.Contains("Deze maand kunt u niet kiezen", Tekst(await tweede.GetStringAsync("/mijn/geld?maand=xx&taal=nl")));
        var fout = await tweede.GetAsync("/api/v1/mijn/maandoverzicht?maand=xx");
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        Assert.DoesNotContain("opgeslagen", (await fout.LeesAsync())["detail"]!.GetValue<string>());

        var pdf = await tweede.GetAsync("/mijn/geld/brief?maand=2026-06");
        Assert.Contains("Voor u blijft over € 900,00", GelezenPdf.Lees(await pdf.Content.ReadAsByteArrayAsync()).Tekst);
        Assert.Contains(factory.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.InburgeraarId == Guid.Parse(id)).Select(a => a.Omschrijving).ToList()),
            o => o == "Portaal: eigen maandoverzicht bekeken");

        // The demo inburgeraar sees their own case, never this one.
        var demo = factory.ClientAls("inburgeraar@demo.example");
        var eigen = await (await demo.GetAsync("/api/v1/mijn/maandoverzicht?maand=2026-06")).LeesAsync();
        Assert.NotEqual(id, eigen["inburgeraarId"]!.GetValue<string>());
        Assert.DoesNotContain("Woonstichting Eersel", await demo.GetStringAsync("/mijn/geld?maand=2026-06"));
        // ... and cannot reach this case through the staff API.
        Assert.Equal(HttpStatusCode.Forbidden, (await demo.GetAsync($"/api/v1/inburgeraars/{id}/geldzaken/maandoverzicht?maand=2026-06")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await demo.GetAsync($"/api/v1/inburgeraars/{id}/geldzaken/maandoverzicht/brief?maand=2026-06")).StatusCode);
    }

    [Fact]
    public async Task Betaalde_maand_staat_als_brief_tussen_de_brieven_in_het_portaal()
    {
        var id = await OntzorgdDossierAsync("Portaalbrief");
        var tweede = factory.ClientAls(InburgeraarAccount(id, $"geldbrief-{factory.Provider}@demo.example".ToLowerInvariant()));
        static List<string> Brieven(string html) =>
            new HtmlParser().ParseDocument(html).QuerySelectorAll("#brieven li").Select(li => System.Text.RegularExpressions.Regex.Replace(li.TextContent.Replace('\u00A0', ' '), @"\s+", " ")).ToList();

        // Nothing paid yet: no statement among the letters (a month with nothing paid is not a letter).
        Assert.DoesNotContain(Brieven(await tweede.GetStringAsync("/mijn?taal=nl")), b => b.Contains("Maandoverzicht", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync("/api/v1/ontzorgen/beleid/GM0770", new
        {
            benadering = "jaTenzij", ontzorgenMaanden = 6, huur = true, gasEnStroom = true, water = true, zorgverzekering = true, overigeLasten = (string?)null,
            verlengenToegestaan = true, trainingAanbod = (string?)null, debiteurNaam = "Gemeente Eersel", debiteurIban = "NL02ABNA0123456789", debiteurBic = "ABNANL2A",
        })).StatusCode);
        var run = await _client.PostJsonAsync("/api/v1/ontzorgen/betaalruns", new { gemeente = "GM0770", maand = "2026-06" });
        Assert.True(run.StatusCode == HttpStatusCode.Created, await run.Content.ReadAsStringAsync());

        // Paid: June's statement is a letter, with the total paid from the bijstand (330,67 + 69,33), in the person's language.
        var nl = await tweede.GetStringAsync("/mijn?taal=nl");
        var brief = Assert.Single(Brieven(nl), b => b.Contains("maandoverzicht-2026-06", StringComparison.Ordinal));
        Assert.Contains("Maandoverzicht: wat de gemeente van uw uitkering betaalde van 1 juni 2026 (PDF)", brief);
        Assert.Contains("De gemeente betaalde deze maand € 400,00 van uw bijstandsuitkering aan uw vaste lasten.", brief);
        Assert.DoesNotContain("bezwaar", brief); // information, not a decision
        var en = Assert.Single(Brieven(await tweede.GetStringAsync("/mijn?taal=en")), b => b.Contains("maandoverzicht-2026-06", StringComparison.Ordinal));
        Assert.Contains("This month the municipality paid € 400,00 from your social assistance benefit", en);

        // The link opens the letter itself: the PDF of that month, in the language the person chose last (English).
        var href = new HtmlParser().ParseDocument(nl).QuerySelectorAll("#brieven a").Select(a => a.GetAttribute("href")!).Single(h => h.StartsWith("/mijn/geld/brief", StringComparison.Ordinal));
        Assert.Equal("/mijn/geld/brief?maand=2026-06", href);
        var pdf = GelezenPdf.Lees(await (await tweede.GetAsync(href)).Content.ReadAsByteArrayAsync()).Tekst;
        Assert.Contains("Your money in June 2026", pdf);
        Assert.Contains("Rent to Woonstichting Eersel € 330,67", pdf);
        Assert.DoesNotContain("Uw geld", pdf);

        // Another person's list never shows this statement.
        Assert.DoesNotContain(Brieven(await factory.ClientAls("inburgeraar@demo.example").GetStringAsync("/mijn?taal=nl")),
            b => b.Contains("€ 400,00", StringComparison.Ordinal) && b.Contains("maandoverzicht-2026-06", StringComparison.Ordinal));
    }

    /// <summary>An Arabic monthly statement for the case made by <see cref="OntzorgdDossierAsync"/>: Arabic words in the Arabic font, no Dutch.</summary>
    private static void IsArabischeBrief(byte[] pdf)
    {
        Bewaar(pdf, "ar");
        var letters = MeertaligePdf.Letters(pdf);
        Assert.Contains(letters, l => (l.FontName ?? "").Contains("NotoSansArabic", StringComparison.Ordinal));
        var gelezen = MeertaligePdf.Visueel(pdf);
        // Geld_BetaaldKop 'ما دفعته البلدية عنك', Geld_Over 'المتبقي لك', Last_Verhuurder 'الإيجار' (its 'لإ' is one ligature glyph,
        // so only the rest is compared), Brief_VragenKop 'هل لديك أسئلة؟'
        foreach (var woord in new[] { "البلدية", "المتبقي", "يجار", "أسئلة" }) Assert.Contains(MeertaligePdf.Omgekeerd(woord), gelezen);
        Assert.Contains("Woonstichting Eersel", gelezen);
        Assert.Contains("€ 330,67", gelezen);
        Assert.Contains("€ 900,00", gelezen);
        foreach (var nederlands in new[] { "Uw geld", "Huur aan", "Voor u blijft over", "Hoe lang nog", "Beste", "Pagina 1" }) Assert.DoesNotContain(nederlands, gelezen);
    }

    /// <summary>With KOERS_BRIEF_MAP set, the letters are written there to look at (e.g. pdftoppm); otherwise nothing.</summary>
    private static void Bewaar(byte[] pdf, string taal)
    {
        if (Environment.GetEnvironmentVariable("KOERS_BRIEF_MAP") is { Length: > 0 } map) File.WriteAllBytes(Path.Combine(map, $"maandoverzicht-{taal}.pdf"), pdf);
    }

    [Fact]
    public async Task Brief_in_de_taal_die_de_inburgeraar_in_het_portaal_koos_ook_voor_de_klantregisseur()
    {
        var id = await OntzorgdDossierAsync("Taalbrief");
        var email = InburgeraarAccount(id, $"taalbrief-{factory.Provider}@demo.example".ToLowerInvariant());
        var inburgeraar = factory.ClientAls(email);
        static AngleSharp.Dom.IElement Brieflinks(string html) => new HtmlParser().ParseDocument(html).GetElementById("overzicht-brief")!;

        // No language chosen yet: Dutch, and the staff screen says why.
        var voor = await _client.GetStringAsync($"/inburgeraars/{id}/geldzaken?maand=2026-06");
        Assert.Contains("(PDF, in het Nederlands)", Brieflinks(voor).TextContent);
        Assert.Contains("nog) geen andere taal gekozen", Tekst(voor));
        Assert.Contains("Uw geld in juni 2026", GelezenPdf.Lees(await _client.GetByteArrayAsync($"/api/v1/inburgeraars/{id}/geldzaken/maandoverzicht/brief?maand=2026-06")).Tekst);

        // The person switches the portal to Arabic; the case keeps the choice.
        await inburgeraar.GetStringAsync("/mijn?taal=ar");

        // The klantregisseur's download: Arabic, with a Dutch version beside it.
        var links = Brieflinks(await _client.GetStringAsync($"/inburgeraars/{id}/geldzaken?maand=2026-06")).QuerySelectorAll("a").ToList();
        Assert.Equal(2, links.Count);
        Assert.Contains("(PDF, in het Arabisch)", links[0].TextContent);
        Assert.Equal("Nederlandse versie", links[1].TextContent.Trim());
        var schermBrief = await _client.GetAsync(links[0].GetAttribute("href")!);
        Assert.Equal("maandoverzicht-2026-06-ar.pdf", schermBrief.Content.Headers.ContentDisposition!.FileNameStar ?? schermBrief.Content.Headers.ContentDisposition.FileName);
        IsArabischeBrief(await schermBrief.Content.ReadAsByteArrayAsync());
        var nederlands = GelezenPdf.Lees(await _client.GetByteArrayAsync(links[1].GetAttribute("href")!)).Tekst;
        Assert.Contains("Uw geld in juni 2026", nederlands);
        Assert.Contains("Huur aan Woonstichting", nederlands); // the label wraps beside the amount
        Assert.Contains("€ 330,67", nederlands);

        // The API: the case's language by default, another on request, an unknown one refused at the field.
        IsArabischeBrief(await _client.GetByteArrayAsync($"/api/v1/inburgeraars/{id}/geldzaken/maandoverzicht/brief?maand=2026-06"));
        Assert.Contains("Voor u blijft over € 900,00", GelezenPdf.Lees(await _client.GetByteArrayAsync($"/api/v1/inburgeraars/{id}/geldzaken/maandoverzicht/brief?maand=2026-06&taal=nl")).Tekst);
        var ti = await _client.GetByteArrayAsync($"/api/v1/inburgeraars/{id}/geldzaken/maandoverzicht/brief?maand=2026-06&taal=ti");
        Bewaar(ti, "ti");
        Assert.Contains(MeertaligePdf.Letters(ti), l => (l.FontName ?? "").Contains("NotoSansEthiopic", StringComparison.Ordinal));
        var tiTekst = GelezenPdf.Lees(ti).Tekst;
        Assert.Contains("ክራይ ናብ Woonstichting Eersel", tiTekst); // Last_Verhuurder + Brief_LastAan
        Assert.Contains("ንዓኹም ዝተረፈ € 900,00", tiTekst); // Geld_Over
        Assert.DoesNotContain("Voor u blijft over", tiTekst);
        var onbekend = await _client.GetAsync($"/api/v1/inburgeraars/{id}/geldzaken/maandoverzicht/brief?maand=2026-06&taal=xx");
        Assert.Equal(HttpStatusCode.BadRequest, onbekend.StatusCode);
        Assert.Contains("geen taal van het portaal", (await onbekend.LeesAsync())["errors"]!["taal"]![0]!.GetValue<string>());

        // The person's own download follows their language: in this browser (cookie) and in a new one (the case).
        IsArabischeBrief(await inburgeraar.GetByteArrayAsync("/mijn/geld/brief?maand=2026-06"));
        IsArabischeBrief(await factory.ClientAls(email).GetByteArrayAsync("/mijn/geld/brief?maand=2026-06"));
        // The page's link carries the language the page is shown in.
        var pagina = new HtmlParser().ParseDocument(await inburgeraar.GetStringAsync("/mijn/geld?maand=2026-06&taal=tr"));
        var href = pagina.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").Single(h => h.StartsWith("/mijn/geld/brief", StringComparison.Ordinal));
        Assert.Equal("/mijn/geld/brief?maand=2026-06&taal=tr", href);
        Assert.Contains("Haziran 2026 ayında paranız", GelezenPdf.Lees(await inburgeraar.GetByteArrayAsync(href)).Tekst);
    }

    [Theory]
    [InlineData("fleur.hendriks@weert.example", HttpStatusCode.NotFound)] // another municipality: the case does not exist for them
    [InlineData("partner@taalschool.example", HttpStatusCode.Forbidden)]
    [InlineData("beleid@kempen.example", HttpStatusCode.Forbidden)]
    [InlineData("beheer@kempen.example", HttpStatusCode.Forbidden)]
    public async Task Geldzaken_van_een_dossier_alleen_voor_dossierwerk_binnen_bereik(string email, HttpStatusCode verwacht)
    {
        var id = await OntzorgdDossierAsync("Bereik" + email[..4]);
        var client = factory.ClientAls(email, volgRedirects: false);
        foreach (var pad in new[] { "", "/maandoverzicht?maand=2026-06", "/maandoverzicht/brief?maand=2026-06" })
        {
            var response = await client.GetAsync($"/api/v1/inburgeraars/{id}/geldzaken{pad}");
            Assert.True(response.StatusCode == verwacht, $"{email} {pad}: {response.StatusCode}");
            // No amount leaks: neither the Dutch nor the JSON form of June's rent share (a bare "330" also occurs in trace ids).
            var tekst = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("330,67", tekst);
            Assert.DoesNotContain("330.67", tekst);
        }

        // Writes are refused the same way: outside reach the case does not exist, for another role the door is shut.
        Assert.Equal(verwacht, (await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/geldzaken/inrichtingskrediet", new { huisvestingOp = "2026-06-01" })).StatusCode);
        Assert.Equal(1300m, factory.MetDatabase(db => db.Set<Geldzaak>().AsNoTracking().Single(g => g.InburgeraarId == Guid.Parse(id)).NettoBijstandPerMaand));
        Assert.Null(factory.MetDatabase(db => db.Set<Geldzaak>().AsNoTracking().Single(g => g.InburgeraarId == Guid.Parse(id)).HuisvestingOp));
        // No read was granted to them in the audit.
        Assert.DoesNotContain(factory.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.InburgeraarId == Guid.Parse(id) && a.Gebruiker == email).ToList()),
            a => a.Resultaat == AuditResultaat.Toegestaan);

        var pagina = await client.GetAsync($"/inburgeraars/{id}/geldzaken");
        Assert.NotEqual(HttpStatusCode.OK, pagina.StatusCode);
    }

    [Fact]
    public async Task Klantregisseur_van_de_regio_mag_wel()
    {
        var id = await OntzorgdDossierAsync("Regio");
        var response = await factory.ClientAls("sanne.devries@kempen.example").GetAsync($"/api/v1/inburgeraars/{id}/geldzaken/maandoverzicht?maand=2026-06");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(900.00m, (await response.LeesAsync())["restant"]!.GetValue<decimal>());
        Assert.Contains(factory.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.InburgeraarId == Guid.Parse(id) && a.Gebruiker == "sanne.devries@kempen.example").Select(a => a.Omschrijving).ToList()),
            o => o == "API: maandoverzicht juni 2026 opgevraagd");
    }

    [Fact]
    public async Task Demodata_heeft_kredieten_op_elke_stap_en_een_overzicht_voor_de_demo_inburgeraar()
    {
        var statussen = factory.MetDatabase(db => db.Set<Geldzaak>().AsNoTracking().Where(g => g.HuisvestingOp != null).ToList());
        Assert.Contains(statussen, g => g.KredietUitbetaaldOp is not null);
        Assert.Contains(statussen, g => g.KredietToegekendOp is not null && g.KredietUitbetaaldOp is null);
        var eigen = factory.MetDatabase(db => db.Users.Single(u => u.Email == "inburgeraar@demo.example").InburgeraarId!.Value);
        Assert.Equal(4, factory.MetDatabase(db => db.Set<Data.Model.Ontzorgen.OntzorgenBetaling>().Count(b => b.InburgeraarId == eigen)));
        var demo = factory.ClientAls("inburgeraar@demo.example");
        var overzicht = await (await demo.GetAsync("/api/v1/mijn/maandoverzicht?maand=2026-05")).LeesAsync();
        Assert.Equal(eigen.ToString(), overzicht["inburgeraarId"]!.GetValue<string>());
        Assert.Equal(1389.72m, overzicht["nettoBijstand"]!.GetValue<decimal>());
        Assert.Equal(["Energie Brabant (demo)", "Waterbedrijf Zuid (demo)", "Woonstichting De Kempen (demo)", "Zorgverzekeraar Kempen (demo)"],
            overzicht["regels"]!.AsArray().Select(r => r!["aan"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        // Ontzorgen of the demo case ended in May: the portal opens on that last month, and says it stopped.
        var pagina = Tekst(await demo.GetStringAsync("/mijn/geld?taal=nl"));
        Assert.Contains("Woonstichting De Kempen (demo)", pagina);
        Assert.Contains($"Het ontzorgen is gestopt op {overzicht["ontzorgenTot"]!.GetValue<string>() switch { var d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")) }}", pagina);
        Assert.Contains("/mijn/geld", await demo.GetStringAsync("/mijn"));
    }
}

public sealed class SqliteGeldzakenApiTests(SqliteFactory factory) : GeldzakenApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresGeldzakenApiTests(PostgresFactory factory) : GeldzakenApiTests(factory), IClassFixture<PostgresFactory>;

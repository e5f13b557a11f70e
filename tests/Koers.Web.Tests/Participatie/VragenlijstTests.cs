using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Participatie;

/// <summary>
/// The municipality's own questions and the versions of its questionnaire (issue #22): an own question reaches the
/// klantregisseur's form and the portal (in Dutch with a translated note where it has no translation), every saved change
/// is a version, an old measurement keeps the questions of its version, the cohort report compares only the questions
/// every version asks the same way, its CSV has the page's figures and suppression, and answers are encrypted at rest.
/// Each test uses its own municipality or cohort year, so they do not see each other's versions.
/// </summary>
public abstract partial class VragenlijstTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();
    private static int _volgnummer;

    /// <summary>The factory, for the other part of this class (KeuzevraagTests.cs).</summary>
    private KoersFactory Fabriek => factory;

    private async Task<Guid> DossierAsync(string gemeente, string? brp = "2025-12-10")
    {
        var invoer = Testdata.Inburgeraar(bsn: Testdata.NieuwBsn(), koppelingsdatum: "2025-11-03", gemeente: gemeente);
        invoer["achternaam"] = "Vragenlijst" + Interlocked.Increment(ref _volgnummer);
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = Guid.Parse((await response.LeesAsync())["id"]!.GetValue<string>());
        if (brp is not null)
            Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = brp })).StatusCode);
        return id;
    }

    private static string Token(AngleSharp.Dom.IDocument pagina, string formulier) =>
        pagina.QuerySelector($"#{formulier} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    [Fact]
    public async Task Een_eigen_vraag_staat_in_het_formulier_van_de_klantregisseur_en_in_het_portaal()
    {
        // Eersel (GM0770). A refused question keeps what was typed and says at the field what is wrong, in Dutch.
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync("/beheer/participatie?gemeente=GM0770"));
        Assert.NotNull(pagina.GetElementById("geen-eigen-vragen"));
        Assert.NotNull(pagina.GetElementById("geen-versies"));
        var fout = await _client.PostAsync("/beheer/participatie?handler=Eigen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Gemeente"] = "GM0770", ["Eigen.Domein"] = "MaatschappelijkeParticipatie", ["Eigen.Nl"] = "  ",
            ["Eigen.Vertalingen[en]"] = "Do you go to the library?", ["__RequestVerificationToken"] = Token(pagina, "eigen-formulier"),
        }));
        var foutPagina = new HtmlParser().ParseDocument(await fout.Content.ReadAsStringAsync());
        Assert.Equal("Vul de vraag in het Nederlands in.", foutPagina.GetElementById("Eigen_Nl-fout")!.TextContent.Trim());
        Assert.Contains("ja/nee of eens/oneens", foutPagina.GetElementById("Eigen_Schaal")!.TextContent);
        Assert.Equal("Do you go to the library?", foutPagina.QuerySelector("input[name='Eigen.Vertalingen[en]']")!.GetAttribute("value"));
        Assert.NotNull(foutPagina.QuerySelector("#Eigen_Domein option[value='MaatschappelijkeParticipatie'][selected]"));
        Assert.Contains("Vul de vraag in het Nederlands in.", foutPagina.GetElementById("foutsamenvatting")!.TextContent);
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Participatievragenlijstversie>().Count(v => v.Code.StartsWith("GM0770"))));

        var ok = await _client.PostAsync("/beheer/participatie?handler=Eigen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Gemeente"] = "GM0770", ["Eigen.Domein"] = "MaatschappelijkeParticipatie", ["Eigen.Schaal"] = "JaNee", ["Eigen.Nl"] = "Gaat u weleens naar de bibliotheek in Eersel?",
            ["Eigen.Vertalingen[en]"] = "Do you ever go to the library in Eersel?", ["Eigen.Vertalingen[ar]"] = "", ["__RequestVerificationToken"] = Token(pagina, "eigen-formulier"),
        }));
        var beheer = new HtmlParser().ParseDocument(await ok.Content.ReadAsStringAsync());
        var rij = beheer.QuerySelector("#eigen-vragentabel tr[data-vraag]")!;
        var code = rij.GetAttribute("data-vraag")!;
        Assert.StartsWith("eigen-", code);
        Assert.Contains("Gaat u weleens naar de bibliotheek in Eersel?", rij.TextContent);
        Assert.Contains("en", rij.QuerySelectorAll("td")[3].TextContent);
        var versie = beheer.QuerySelector("#versietabel tr[data-versie='1']")!;
        Assert.Contains("GM0770-v1", versie.TextContent);
        Assert.Contains(KoersFactory.TestGebruiker, versie.TextContent);
        Assert.Contains("eigen vraag toegevoegd", versie.TextContent);

        // The klantregisseur's form asks it, in its domain.
        var id = await DossierAsync("GM0770");
        var dossier = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/participatie"));
        Assert.Equal("Gaat u weleens naar de bibliotheek in Eersel?", dossier.QuerySelector($"#metingformulier [data-vraag='{code}'] legend")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/metingen",
            new { maanden = 6, datum = "2026-06-15", antwoorden = new Dictionary<string, int?> { [code] = 1, ["werk-betaald"] = 0 } })).StatusCode);
        var meting = factory.MetDatabase(db => db.Set<Participatiemeting>().Include(m => m.Antwoorden).Single(m => m.InburgeraarId == id));
        Assert.Equal(("GM0770-v1", 1), (meting.Versie, meting.Antwoorden.Single(a => a.VraagCode == code).Waarde));

        // The portal: in English the translation; in Arabic the Dutch text (lang=nl) with the short note in Arabic at that question.
        var portaalDossier = await DossierAsync("GM0770");
        var client = Inburgeraar(portaalDossier);
        var en = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn/participatie?taal=en"));
        Assert.Equal("Do you ever go to the library in Eersel?", en.QuerySelector($"[data-vraag='{code}'] legend")!.TextContent.Trim());
        Assert.Null(en.QuerySelector($"[data-vraag='{code}'] .koers-alleen-nl"));
        var ar = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn/participatie?taal=ar"));
        var legend = ar.QuerySelector($"[data-vraag='{code}'] legend")!;
        Assert.Equal(("Gaat u weleens naar de bibliotheek in Eersel?", "nl"), (legend.TextContent.Trim(), legend.GetAttribute("lang")));
        var notitie = ar.QuerySelector($"[data-vraag='{code}'] .koers-alleen-nl")!;
        Assert.Equal(("متوفر باللغة الهولندية فقط", "ar"), (notitie.TextContent.Trim(), notitie.GetAttribute("lang")));
        var api = await (await client.GetAsync("/api/v1/mijn/participatie?taal=ar")).LeesAsync();
        var vraag = api["vragen"]!.AsArray().Single(v => v!["code"]!.GetValue<string>() == code)!;
        Assert.Equal((false, true), (vraag["vertaald"]!.GetValue<bool>(), vraag["eigen"]!.GetValue<bool>()));

        // A klantregisseur cannot change the questionnaire; another region cannot see Eersel's.
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("sanne.devries@kempen.example").PostJsonAsync("/api/v1/beheer/participatie/GM0770/vragen",
            new { domein = "welbevinden", schaal = "jaNee", nl = "Voelt u zich thuis?" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.DeleteAsync($"/api/v1/beheer/participatie/GM0988/vragen/{code}")).StatusCode);
    }

    private HttpClient Inburgeraar(Guid id)
    {
        var email = $"vragenlijst{Interlocked.Increment(ref _volgnummer)}-{Guid.NewGuid():N}@demo.example";
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
    public async Task Een_oude_meting_houdt_de_vragen_van_haar_versie_na_wijzigen_en_verwijderen()
    {
        // Bladel (GM1728): version 1 adds an own question; a measurement answers it; version 2 changes its text, version 3 removes it.
        var fout = await _client.PostJsonAsync("/api/v1/beheer/participatie/GM1728/vragen",
            new { domein = "welbevinden", schaal = "eens5", nl = new string('x', 301), vertalingen = new Dictionary<string, string> { ["xx"] = "?" } });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        var errors = (await fout.LeesAsync())["errors"]!;
        Assert.Contains("te lang", errors["nl"]![0]!.GetValue<string>());
        Assert.Contains("Onbekende taal", errors["vertalingen[xx]"]![0]!.GetValue<string>());

        var toegevoegd = await _client.PostJsonAsync("/api/v1/beheer/participatie/GM1728/vragen",
            new { domein = "welbevinden", schaal = "eens5", nl = "Ik voel mij welkom in Bladel.", vertalingen = new Dictionary<string, string> { ["tr"] = "Bladel'de kendimi hoş karşılanmış hissediyorum." } });
        Assert.Equal(HttpStatusCode.Created, toegevoegd.StatusCode);
        var code = (await toegevoegd.LeesAsync())["code"]!.GetValue<string>();
        var id = await DossierAsync("GM1728");
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/metingen",
            new { maanden = 6, datum = "2026-06-15", antwoorden = new Dictionary<string, int?> { [code] = 5, ["werk-betaald"] = 1 } })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/beheer/participatie/GM1728/vragen/{code}",
            new { domein = "welbevinden", schaal = "eens5", nl = "Ik voel mij thuis in Bladel." })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/beheer/participatie/GM1728/vragen/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.DeleteAsync($"/api/v1/beheer/participatie/GM1728/vragen/{code}")).StatusCode);
        // Saving the settings without changing a question is no new version.
        var zelfde = await _client.PutJsonAsync("/api/v1/beheer/participatie/GM1728",
            new { anker = "huisvesting", maanden = "0, 6, 12, 24", vragen = Koers.Domain.Participatie.Vragenlijsten.Standaard.Vragen.Select(v => v.Code), treden = Koers.Domain.Participatie.Participatieladder.Standaard.Select(t => t.Naam) });
        Assert.Equal(HttpStatusCode.OK, zelfde.StatusCode);

        var versies = (await (await _client.GetAsync("/api/v1/beheer/participatie/GM1728/versies")).LeesAsync()).AsArray();
        Assert.Equal(["3:GM1728-v3", "2:GM1728-v2", "1:GM1728-v1"], versies.Select(v => $"{v!["nummer"]}:{v["code"]!.GetValue<string>()}"));
        Assert.All(versies, v => Assert.Equal(KoersFactory.TestGebruiker, v!["vastgesteldDoor"]!.GetValue<string>()));
        Assert.Contains("eigen vraag gewijzigd", versies[1]!["wijziging"]!.GetValue<string>());
        Assert.DoesNotContain(versies[0]!["vragen"]!.AsArray(), v => v!["code"]!.GetValue<string>() == code);
        Assert.Equal("Ik voel mij welkom in Bladel.", versies[2]!["vragen"]!.AsArray().Single(v => v!["code"]!.GetValue<string>() == code)!["tekst"]!.GetValue<string>());

        // The old measurement still shows the question as version 1 asked it, with its answer; today's form no longer asks it.
        var stand = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/participatie")).LeesAsync();
        var meting = stand["metingen"]!.AsArray().Single()!;
        Assert.Equal("GM1728-v1", meting["versie"]!.GetValue<string>());
        var antwoord = meting["antwoorden"]!.AsArray().Single(a => a!["vraag"]!.GetValue<string>() == code)!;
        Assert.Equal(("Ik voel mij welkom in Bladel.", "Helemaal eens", true), (antwoord["tekst"]!.GetValue<string>(), antwoord["antwoord"]!.GetValue<string>(), antwoord["eigen"]!.GetValue<bool>()));
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/participatie"));
        var rijen = pagina.QuerySelectorAll($"#metingentabel tr[data-vraag='{code}']");
        var rij = Assert.Single(rijen);
        Assert.Contains("Ik voel mij welkom in Bladel.", rij.TextContent);
        Assert.DoesNotContain("thuis", rij.TextContent);
        Assert.Equal(("nee", "Helemaal eens"), (rij.GetAttribute("data-nu"), rij.QuerySelector("td[data-maanden='6']")!.TextContent.Trim()));
        Assert.Null(pagina.QuerySelector($"#metingformulier [data-vraag='{code}']"));
        Assert.Equal(3, new HtmlParser().ParseDocument(await _client.GetStringAsync("/beheer/participatie?gemeente=GM1728")).QuerySelectorAll("#versietabel tr[data-versie]").Length);
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.Omschrijving.StartsWith("Participatievragenlijst gemeente Bladel")).Select(a => a.Omschrijving).ToList()),
            a => a.Contains("versie 3 (GM1728-v3) vastgesteld: eigen vraag verwijderd", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Antwoorden_staan_versleuteld_in_de_database_en_het_scherm_toont_ze()
    {
        var id = await DossierAsync("GM1724");
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/metingen",
            new { maanden = 6, datum = "2026-06-15", antwoorden = new Dictionary<string, int?> { ["werk-betaald"] = 1, ["welbevinden-tevreden"] = 2, ["welbevinden-goed"] = 4 } })).StatusCode);
        var metingId = factory.MetDatabase(db => db.Set<Participatiemeting>().Single(m => m.InburgeraarId == id).Id);

        var ruw = RuweWaarden(metingId);
        Assert.Equal(3, ruw.Count);
        foreach (var (vraag, waarde) in ruw)
        {
            // v{key id}:{base64}: no digit of an answer, no option text, and two encryptions of one answer differ.
            Assert.Matches(VersleuteldPatroon(), waarde);
            Assert.True(waarde.Length > 30, waarde);
            Assert.False(int.TryParse(waarde, out _), $"{vraag}: {waarde}");
        }

        Assert.Equal(3, ruw.Select(r => r.Waarde).Distinct().Count());

        // The app reads them back: the API and the case page show the answers.
        var stand = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/participatie")).LeesAsync();
        Assert.Equal(["welbevinden-goed:Eens", "welbevinden-tevreden:Oneens", "werk-betaald:Ja"], stand["metingen"]![0]!["antwoorden"]!.AsArray()
            .Select(a => $"{a!["vraag"]!.GetValue<string>()}:{a["antwoord"]!.GetValue<string>()}").Order(StringComparer.Ordinal));
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/participatie"));
        Assert.Equal("Oneens", pagina.QuerySelector("#metingentabel tr[data-vraag='welbevinden-tevreden'] td[data-maanden='6']")!.TextContent.Trim());

        // A value still in clear text (from before encryption) is read as it is and encrypted by the start-up step.
        factory.MetDatabase(db => db.Database.ExecuteSqlRaw(
            "UPDATE \"participatieantwoord\" SET \"Waarde\" = '5' WHERE \"ParticipatiemetingId\" = {0} AND \"VraagCode\" = 'welbevinden-goed'", Sleutel(db, metingId)));
        Assert.Contains(("welbevinden-goed", "5"), RuweWaarden(metingId));
        Assert.Equal(5, factory.MetDatabase(db => db.Set<Participatieantwoord>().Single(a => a.ParticipatiemetingId == metingId && a.VraagCode == "welbevinden-goed").Waarde));
        factory.MetDatabase(db => Koers.Data.Versleuteling.BsnOpslag.BijwerkenAsync(db, false).GetAwaiter().GetResult());
        Assert.All(RuweWaarden(metingId), r => Assert.Matches(VersleuteldPatroon(), r.Waarde));
        Assert.Equal(5, factory.MetDatabase(db => db.Set<Participatieantwoord>().AsNoTracking().Single(a => a.ParticipatiemetingId == metingId && a.VraagCode == "welbevinden-goed").Waarde));
    }

    /// <summary>A Guid as the provider stores it: native on PostgreSQL, upper-case text on SQLite.</summary>
    private static object Sleutel(Koers.Data.KoersDbContext db, Guid id) =>
        db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal) ? id : id.ToString().ToUpperInvariant();

    [GeneratedRegex(@"^v\d+:[A-Za-z0-9+/]+=*$")]
    private static partial Regex VersleuteldPatroon();

    /// <summary>The stored column as the database has it, past EF and its converter.</summary>
    private List<(string Vraag, string Waarde)> RuweWaarden(Guid metingId) => factory.MetDatabase(db =>
    {
        var verbinding = db.Database.GetDbConnection();
        db.Database.OpenConnection();
        try
        {
            using var cmd = verbinding.CreateCommand();
            cmd.CommandText = "SELECT \"VraagCode\", \"Waarde\" FROM \"participatieantwoord\" WHERE \"ParticipatiemetingId\" = @m";
            var p = cmd.CreateParameter();
            p.ParameterName = "@m";
            p.Value = Sleutel(db, metingId);
            cmd.Parameters.Add(p);
            using var rd = cmd.ExecuteReader();
            var uit = new List<(string, string)>();
            while (rd.Read()) uit.Add((rd.GetString(0), Convert.ToString(rd.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)!));
            return uit;
        }
        finally
        {
            db.Database.CloseConnection();
        }
    });

    [Fact]
    public async Task De_cohort_CSV_heeft_de_cijfers_van_het_scherm_en_vergelijkt_alleen_vragen_van_alle_versies()
    {
        // A 2017 cohort in Bergeijk: seven people measured at 6 months with the default instrument (six with paid work,
        // two in a club). Then Bergeijk adds an own question on work, and five of them answer the (missed) nulmeting with
        // that version: "ja" on the own question, "nee" on paid work. The own question is not in both versions, so it
        // must not count: work at the nulmeting stays 0.
        var ids = new List<Guid>();
        for (var n = 0; n < 7; n++)
        {
            var id = await DossierAsync("GM1724", brp: null);
            factory.MetDatabase(db =>
            {
                db.Mijlpalen.Add(new MijlpaalRegel { InburgeraarId = id, Soort = Koers.Domain.Dossier.Mijlpaal.BrpInschrijving, Datum = new DateOnly(2017, 3, 1) });
                db.Mijlpalen.Add(new MijlpaalRegel { InburgeraarId = id, Soort = Koers.Domain.Dossier.Mijlpaal.BredeIntake, Datum = new DateOnly(2017, 3, 7) });
                return db.SaveChanges();
            });
            var antwoorden = new Dictionary<string, int?> { ["werk-betaald"] = n < 6 ? 1 : 0, ["maatschappelijk-vereniging"] = n < 2 ? 1 : 0 };
            Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/metingen", new { maanden = 6, datum = "2026-06-01", antwoorden })).StatusCode);
            ids.Add(id);
        }

        var eigen = await _client.PostJsonAsync("/api/v1/beheer/participatie/GM1724/vragen", new { domein = "werkEnOpleiding", schaal = "jaNee", nl = "Heeft u een stageplek?" });
        var code = (await eigen.LeesAsync())["code"]!.GetValue<string>();
        foreach (var id in ids.Take(5))
        {
            Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/metingen",
                new { maanden = 0, datum = "2026-06-02", antwoorden = new Dictionary<string, int?> { [code] = 1, ["werk-betaald"] = 0 } })).StatusCode);
        }

        // Policy staff: small counts hidden, the page, the API and the CSV show the same.
        var beleid = factory.ClientAls("beleid@kempen.example");
        var json = await (await beleid.GetAsync("/api/v1/monitor/participatie?gemeente=GM1724&jaar=2017")).LeesAsync();
        Assert.Contains("2 versies", json["vergelijking"]!.GetValue<string>());
        Assert.Contains("alleen de 13 vragen die in al deze versies op dezelfde manier voorkomen; niet meegeteld: 1 vraag", json["vergelijking"]!.GetValue<string>());
        var csvAntwoord = await beleid.GetAsync("/api/v1/monitor/participatie/csv?gemeente=GM1724&jaar=2017");
        Assert.Equal(HttpStatusCode.OK, csvAntwoord.StatusCode);
        Assert.Equal("text/csv", csvAntwoord.Content.Headers.ContentType!.MediaType);
        var csv = Encoding.UTF8.GetString(await csvAntwoord.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var regels = csv.Split("\r\n");
        Assert.Contains("Mensen in het cohort;7", regels);
        var perMoment = json["tabellen"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "participatie-per-moment")!;
        foreach (var rij in perMoment["rijen"]!.AsArray())
        {
            var verwacht = string.Join(';', new[] { rij!["label"]!.GetValue<string>() }.Concat(rij["cellen"]!.AsArray().Select(c =>
                c!["verborgen"]!.GetValue<bool>() ? c["tekst"]!.GetValue<string>()
                : c["waarde"] is { } w ? w.GetValue<decimal>().ToString("0.##", new System.Globalization.CultureInfo("nl-NL"))
                : "")));
            Assert.True(regels.Contains(verwacht), verwacht + "\n" + csv);
        }

        var nul = regels.Single(r => r.StartsWith("Nulmeting;", StringComparison.Ordinal)).Split(';');
        var zes = regels.Single(r => r.StartsWith("6 maanden;", StringComparison.Ordinal)).Split(';');
        Assert.Equal(("5", "0"), (nul[1], nul[2])); // the own question's five "ja" do not count as work
        Assert.Equal(("7", "x", "(<5)", "<5", "(<5)"), (zes[1], zes[2], zes[3], zes[4], zes[5])); // 7 - 6 would give the one "nee" away (issue #22)
        Assert.DoesNotContain(";2;", csv);

        var pagina = new HtmlParser().ParseDocument(await beleid.GetStringAsync("/monitor/participatie?gemeente=GM1724&jaar=2017"));
        Assert.Contains("2 versies", pagina.GetElementById("vergelijking")!.TextContent);
        Assert.Equal("/api/v1/monitor/participatie/csv?gemeente=GM1724&jaar=2017", pagina.GetElementById("csv-link")!.GetAttribute("href"));
        var paginaRij = pagina.QuerySelectorAll("#tabel-participatie-per-moment tbody tr").Single(r => r.TextContent.Contains("6 maanden", StringComparison.Ordinal));
        // The page hides as the CSV does: werk's 6 of 7 (the one "nee" would follow) and the small 2, each with its share.
        Assert.Equal(["7", "x", "(<5)", "<5", "(<5)"], paginaRij.QuerySelectorAll("td").Take(5).Select(c => c.TextContent.Trim()));

        // Whoever may see small counts and asks for them gets them, with their shares, in the API and the CSV alike.
        var open = await (await _client.GetAsync("/api/v1/monitor/participatie?gemeente=GM1724&jaar=2017&verbergKleineAantallen=false")).LeesAsync();
        var openRij = open["tabellen"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "participatie-per-moment")!["rijen"]!.AsArray()
            .Single(r => r!["label"]!.GetValue<string>() == "6 maanden")!["cellen"]!.AsArray().Select(c => c!["tekst"]!.GetValue<string>()).ToList();
        Assert.Equal(["7", "6", "85,7%", "2", "28,6%"], openRij.Take(5));
        var openCsv = Encoding.UTF8.GetString(await (await _client.GetAsync("/api/v1/monitor/participatie/csv?gemeente=GM1724&jaar=2017&verbergKleineAantallen=false")).Content.ReadAsByteArrayAsync());
        Assert.Contains("6 maanden;7;6;85,7;2;28,6;", openCsv);

        // The ladder's tables hold sums (rungs add up to the total), so there the secondary suppression acts: six people on
        // rung 2 and one on rung 3. Policy staff get the 1 hidden and one more count hidden with it; whoever may see small
        // counts and asks for them gets every count (before the fix they got an "x" all the same).
        for (var n = 0; n < 7; n++)
            Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{ids[n]}/participatie/ladder", new { trede = n < 6 ? 2 : 3, datum = "2026-05-10" })).StatusCode);
        static List<(string Sleutel, string Tekst, bool Verborgen)> Treden(System.Text.Json.Nodes.JsonNode rapport) => rapport["tabellen"]!.AsArray()
            .Single(t => t!["id"]!.GetValue<string>() == "participatieladder-trede")!["rijen"]!.AsArray()
            .Select(r => (r!["sleutel"]!.GetValue<string>(), r["cellen"]![0]!["tekst"]!.GetValue<string>(), r["cellen"]![0]!["verborgen"]!.GetValue<bool>())).ToList();
        var alles = Treden(await (await _client.GetAsync("/api/v1/monitor/participatie?gemeente=GM1724&jaar=2017&verbergKleineAantallen=false")).LeesAsync());
        Assert.Equal([("2", "6", false), ("3", "1", false), ("totaal", "7", false)], alles);
        var beschermd = Treden(await (await beleid.GetAsync("/api/v1/monitor/participatie?gemeente=GM1724&jaar=2017")).LeesAsync());
        Assert.True(beschermd.Single(t => t.Sleutel == "3").Verborgen);
        Assert.Contains(beschermd, t => t.Sleutel != "3" && t.Verborgen);

        // No CSV for those without the monitor.
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("partner@taalschool.example").GetAsync("/api/v1/monitor/participatie/csv?jaar=2017")).StatusCode);
    }
}

public sealed class SqliteVragenlijstTests(SqliteFactory factory) : VragenlijstTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresVragenlijstTests(PostgresFactory factory) : VragenlijstTests(factory), IClassFixture<PostgresFactory>;

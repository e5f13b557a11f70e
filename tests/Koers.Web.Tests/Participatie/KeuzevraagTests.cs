using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Participatie;

/// <summary>
/// Own meerkeuze questions (issue #22): a municipality gives an own question its own options, the portal and the talk form
/// offer them (translated where the municipality translated them), the answer stored is the option's code (encrypted),
/// a code that is no option of the version is refused, a change of options is a new version that earlier measurements
/// do not follow, and the cohort report counts per option where every version asks the question the same way.
/// All in Reusel-De Mierden (GM1667), whose demo questionnaire has a meerkeuze question already; each test its own question.
/// </summary>
public abstract partial class VragenlijstTests
{
    private static object Optie(string code, string nl, Dictionary<string, string>? vertalingen = null) => new { code, nl, vertalingen = vertalingen ?? [] };

    private async Task<string> MeerkeuzevraagAsync(string nl, Dictionary<string, string>? vertalingen, params object[] opties)
    {
        var antwoord = await _client.PostJsonAsync("/api/v1/beheer/participatie/GM1667/vragen",
            new { domein = "maatschappelijkeParticipatie", schaal = "meerkeuze", nl, vertalingen = vertalingen ?? [], opties });
        Assert.Equal(HttpStatusCode.Created, antwoord.StatusCode);
        return (await antwoord.LeesAsync())["code"]!.GetValue<string>();
    }

    private int Versies(string gemeente) => Fabriek.MetDatabase(db => db.Set<Participatievragenlijstversie>().Count(v => v.Code.StartsWith(gemeente)));

    [Fact]
    public async Task Een_meerkeuzevraag_staat_met_haar_antwoorden_in_het_portaal_en_bewaart_alleen_een_eigen_code()
    {
        // The demo's question is in the table with its options.
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync("/beheer/participatie?gemeente=GM1667"));
        Assert.Contains("Meerkeuze: Met de fiets (fiets), Lopend (lopen)", pagina.QuerySelector("#eigen-vragentabel tr[data-vraag='eigen-demo-vervoer']")!.TextContent);

        // The page refuses a duplicate code and an option without Dutch text, at the row, and keeps what was typed.
        var voor = Versies("GM1667");
        var fout = await _client.PostAsync("/beheer/participatie?handler=Eigen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Gemeente"] = "GM1667", ["Eigen.Domein"] = "WerkEnOpleiding", ["Eigen.Schaal"] = "Meerkeuze", ["Eigen.Nl"] = "Wat doet u overdag het meest?",
            ["Eigen.Opties[0].Code"] = "werk", ["Eigen.Opties[0].Nl"] = "Werken",
            ["Eigen.Opties[1].Code"] = "werk", ["Eigen.Opties[1].Nl"] = "", ["Eigen.Opties[1].Vertalingen[en]"] = "Studying",
            ["Eigen.Opties[2].Code"] = "", ["Eigen.Opties[2].Nl"] = "",
            ["__RequestVerificationToken"] = Token(pagina, "eigen-formulier"),
        }));
        var foutPagina = new HtmlParser().ParseDocument(await fout.Content.ReadAsStringAsync());
        Assert.Equal("De code 'werk' staat al bij een ander antwoord; elke code komt één keer voor.", foutPagina.GetElementById("Eigen_Opties_1__Code-fout")!.TextContent.Trim());
        Assert.Equal("Vul de Nederlandse tekst van antwoord 2 in.", foutPagina.GetElementById("Eigen_Opties_1__Nl-fout")!.TextContent.Trim());
        Assert.Equal("Studying", foutPagina.QuerySelector("input[name='Eigen.Opties[1].Vertalingen[en]']")!.GetAttribute("value"));
        Assert.Equal("Werken", foutPagina.QuerySelector("input[name='Eigen.Opties[0].Nl']")!.GetAttribute("value"));
        Assert.NotNull(foutPagina.QuerySelector("#schaal-Meerkeuze[checked]"));
        Assert.Equal(voor, Versies("GM1667"));

        // The API: fewer than two options is refused; then the question with three, translated into English and Ukrainian
        // (the third option not into Ukrainian).
        var eenOptie = await _client.PostJsonAsync("/api/v1/beheer/participatie/GM1667/vragen",
            new { domein = "werkEnOpleiding", schaal = "meerkeuze", nl = "Wat doet u overdag het meest?", opties = new[] { Optie("werk", "Werken") } });
        Assert.Equal(HttpStatusCode.BadRequest, eenOptie.StatusCode);
        Assert.Equal("Geef ten minste 2 antwoorden (nu 1).", (await eenOptie.LeesAsync())["errors"]!["opties"]![0]!.GetValue<string>());
        Assert.Equal(voor, Versies("GM1667"));
        var code = await MeerkeuzevraagAsync("Wat doet u overdag het meest?",
            new() { ["en"] = "What do you do most during the day?", ["uk"] = "Чим ви найбільше займаєтеся вдень?" },
            Optie("werk", "Werken", new() { ["en"] = "Working", ["uk"] = "Працюю" }),
            Optie("school", "Naar school of cursus", new() { ["en"] = "School or a course", ["uk"] = "Навчаюся" }),
            Optie("thuis", "Thuis, voor het gezin", new() { ["en"] = "At home, for the family" }));
        Assert.Equal(voor + 1, Versies("GM1667"));
        var inrichting = await (await _client.GetAsync("/api/v1/beheer/participatie/GM1667")).LeesAsync();
        var vraag = inrichting["vragen"]!.AsArray().Single(v => v!["code"]!.GetValue<string>() == code)!;
        Assert.Equal(["werk:Werken:Working", "school:Naar school of cursus:School or a course", "thuis:Thuis, voor het gezin:At home, for the family"],
            vraag["keuzes"]!.AsArray().Select(k => $"{k!["code"]}:{k["tekst"]}:{k["teksten"]!["en"]}"));

        // The portal in Dutch and in Ukrainian: radio buttons with the codes; the untranslated option in Dutch, with the note.
        var dossier = await DossierAsync("GM1667");
        var client = Inburgeraar(dossier);
        var nl = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn/participatie?taal=nl"));
        var knoppen = nl.QuerySelectorAll($"[data-vraag='{code}'] input[type=radio]");
        Assert.Equal(["werk", "school", "thuis", ""], knoppen.Select(k => k.GetAttribute("value")!));
        Assert.All(knoppen, k => Assert.Equal($"Meting.Keuzes[{code}]", k.GetAttribute("name")));
        Assert.Equal(["Werken", "Naar school of cursus", "Thuis, voor het gezin"], nl.QuerySelectorAll($"[data-vraag='{code}'] label").Take(3).Select(l => l.TextContent.Trim()));
        var uk = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn/participatie?taal=uk"));
        Assert.Equal("Чим ви найбільше займаєтеся вдень?", uk.QuerySelector($"[data-vraag='{code}'] legend")!.TextContent.Trim());
        var labels = uk.QuerySelectorAll($"[data-vraag='{code}'] label").Take(3).Select(l => (l.TextContent.Trim(), l.GetAttribute("lang"))).ToList();
        Assert.Equal([("Працюю", "uk"), ("Навчаюся", "uk"), ("Thuis, voor het gezin", "nl")], labels);
        Assert.Equal("Доступно лише нідерландською", uk.QuerySelector($"[data-vraag='{code}'] .koers-alleen-nl")!.TextContent.Trim());
        var en = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn/participatie?taal=en"));
        Assert.Null(en.QuerySelector($"[data-vraag='{code}'] .koers-alleen-nl"));

        // A code that is not an option of this question (the demo question's "fiets") is refused at the question, in the
        // reader's language, and nothing is stored; by the API too, and a number on the meerkeuze question as well.
        var nlOpnieuw = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn/participatie?taal=nl"));
        var geweigerd = await client.PostAsync("/mijn/participatie", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Meting.Maanden"] = "6", [$"Meting.Keuzes[{code}]"] = "fiets", ["__RequestVerificationToken"] = Token(nlOpnieuw, "vragenlijst"),
        }));
        var geweigerdPagina = new HtmlParser().ParseDocument(await geweigerd.Content.ReadAsStringAsync());
        Assert.Equal("Kies een van de antwoorden.", geweigerdPagina.QuerySelector($"[data-vraag='{code}'] .utrecht-form-field-error-message")!.TextContent.Trim());
        var api = await client.PostJsonAsync("/api/v1/mijn/participatie?taal=nl", new { maanden = 6, keuzes = new Dictionary<string, string> { [code] = "fiets" } });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("'fiets' is geen antwoord op deze vraag; kies een van de mogelijkheden.", (await api.LeesAsync())["errors"]![$"keuzes[{code}]"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync("/api/v1/mijn/participatie?taal=nl",
            new { maanden = 6, antwoorden = new Dictionary<string, int?> { [code] = 1 } })).StatusCode);
        Assert.Equal(0, Fabriek.MetDatabase(db => db.Set<Participatiemeting>().Count(m => m.InburgeraarId == dossier)));

        // A valid code is stored as the code, encrypted; the case worker sees the Dutch label.
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/v1/mijn/participatie?taal=uk",
            new { maanden = 6, keuzes = new Dictionary<string, string> { [code] = "school" }, antwoorden = new Dictionary<string, int?> { ["werk-betaald"] = 0 } })).StatusCode);
        var meting = Fabriek.MetDatabase(db => db.Set<Participatiemeting>().Include(m => m.Antwoorden).Single(m => m.InburgeraarId == dossier));
        Assert.Equal(("school", 0), (meting.Antwoorden.Single(a => a.VraagCode == code).Keuze, meting.Antwoorden.Single(a => a.VraagCode == code).Waarde));
        Assert.Null(meting.Antwoorden.Single(a => a.VraagCode == "werk-betaald").Keuze);
        var ruw = RuweKeuze(meting.Id, code);
        Assert.Matches(VersleuteldPatroon(), ruw);
        Assert.DoesNotContain("school", ruw, StringComparison.Ordinal);
        var stand = await (await _client.GetAsync($"/api/v1/inburgeraars/{dossier}/participatie")).LeesAsync();
        var antwoord = stand["metingen"]![0]!["antwoorden"]!.AsArray().Single(a => a!["vraag"]!.GetValue<string>() == code)!;
        Assert.Equal(("school", "Naar school of cursus"), (antwoord["keuze"]!.GetValue<string>(), antwoord["antwoord"]!.GetValue<string>()));

        // The klantregisseur's form offers the same options.
        var gesprek = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{await DossierAsync("GM1667")}/participatie"));
        Assert.Equal(["werk", "school", "thuis", ""], gesprek.QuerySelectorAll($"#metingformulier [data-vraag='{code}'] input[type=radio]").Select(k => k.GetAttribute("value")!));
    }

    [Fact]
    public async Task Andere_antwoorden_zijn_een_nieuwe_versie_en_een_oude_meting_houdt_de_hare()
    {
        var code = await MeerkeuzevraagAsync("Waar spreekt u Nederlands?", null,
            Optie("werk", "Op het werk"), Optie("winkel", "In de winkel"), Optie("buren", "Met de buren"));
        var eerst = await DossierAsync("GM1667");
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{eerst}/participatie/metingen",
            new { maanden = 6, datum = "2026-06-15", keuzes = new Dictionary<string, string> { [code] = "buren" } })).StatusCode);
        var oudeVersie = Fabriek.MetDatabase(db => db.Set<Participatiemeting>().Single(m => m.InburgeraarId == eerst).Versie);

        // The same question and options again: no new version. Other options: a new one.
        var voor = Versies("GM1667");
        var zelfde = new
        {
            domein = "maatschappelijkeParticipatie", schaal = "meerkeuze", nl = "Waar spreekt u Nederlands?",
            opties = new[] { Optie("werk", "Op het werk"), Optie("winkel", "In de winkel"), Optie("buren", "Met de buren") }
        };
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/beheer/participatie/GM1667/vragen/{code}", zelfde)).StatusCode);
        Assert.Equal(voor, Versies("GM1667"));
        var gewijzigd = await _client.PutJsonAsync($"/api/v1/beheer/participatie/GM1667/vragen/{code}", new
        {
            domein = "maatschappelijkeParticipatie", schaal = "meerkeuze", nl = "Waar spreekt u Nederlands?",
            opties = new[] { Optie("werk", "Op het werk"), Optie("buren", "Met buren of vrienden"), Optie("school", "Op school") },
        });
        Assert.Equal(HttpStatusCode.OK, gewijzigd.StatusCode);
        Assert.Equal(["werk", "buren", "school"], (await gewijzigd.LeesAsync())["keuzes"]!.AsArray().Select(k => k!["code"]!.GetValue<string>()));
        Assert.Equal(voor + 1, Versies("GM1667"));

        // The old measurement keeps its version's options and label; the list of versions keeps the old options.
        var stand = await (await _client.GetAsync($"/api/v1/inburgeraars/{eerst}/participatie")).LeesAsync();
        var meting = stand["metingen"]!.AsArray().Single()!;
        Assert.Equal(oudeVersie, meting["versie"]!.GetValue<string>());
        Assert.Equal("Met de buren", meting["antwoorden"]!.AsArray().Single(a => a!["vraag"]!.GetValue<string>() == code)!["antwoord"]!.GetValue<string>());
        var versies = (await (await _client.GetAsync("/api/v1/beheer/participatie/GM1667/versies")).LeesAsync()).AsArray();
        Assert.Equal(["werk", "winkel", "buren"], versies.Single(v => v!["code"]!.GetValue<string>() == oudeVersie)!["vragen"]!.AsArray()
            .Single(v => v!["code"]!.GetValue<string>() == code)!["keuzes"]!.AsArray().Select(k => k!["code"]!.GetValue<string>()));
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{eerst}/participatie"));
        var oud = pagina.QuerySelectorAll($"#metingentabel tr[data-vraag='{code}']").Single(r => r.GetAttribute("data-nu") == "nee");
        Assert.Equal("Met de buren", oud.QuerySelector("td[data-maanden='6']")!.TextContent.Trim());

        // A new measurement gets today's options: "winkel" (an option of the old version only) is refused, nothing stored.
        var later = await DossierAsync("GM1667");
        var nu = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{later}/participatie"));
        Assert.Equal(["Op het werk", "Met buren of vrienden", "Op school"], nu.QuerySelectorAll($"#metingformulier [data-vraag='{code}'] label").Take(3).Select(l => l.TextContent.Trim()));
        var winkel = await _client.PostJsonAsync($"/api/v1/inburgeraars/{later}/participatie/metingen",
            new { maanden = 6, datum = "2026-06-15", keuzes = new Dictionary<string, string> { [code] = "winkel" } });
        Assert.Equal(HttpStatusCode.BadRequest, winkel.StatusCode);
        Assert.Contains("'winkel' is geen antwoord op deze vraag", (await winkel.LeesAsync())["errors"]![$"keuzes[{code}]"]![0]!.GetValue<string>());
        Assert.Equal(0, Fabriek.MetDatabase(db => db.Set<Participatiemeting>().Count(m => m.InburgeraarId == later)));
    }

    [Fact]
    public async Task Het_cohortrapport_telt_per_antwoord_en_vergelijkt_alleen_gelijke_vraag_en_antwoorden()
    {
        // A 2016 cohort in Reusel-De Mierden: five people heard of activities via internet, one via the paper.
        var code = await MeerkeuzevraagAsync("Hoe hoort u van activiteiten in de buurt?", null,
            Optie("krant", "Via de krant"), Optie("buren", "Via de buren"), Optie("internet", "Via internet"));
        var ids = new List<Guid>();
        for (var n = 0; n < 7; n++)
        {
            var id = await DossierAsync("GM1667", brp: null);
            Fabriek.MetDatabase(db =>
            {
                db.Mijlpalen.Add(new MijlpaalRegel { InburgeraarId = id, Soort = Koers.Domain.Dossier.Mijlpaal.BrpInschrijving, Datum = new DateOnly(2016, 3, 1) });
                db.Mijlpalen.Add(new MijlpaalRegel { InburgeraarId = id, Soort = Koers.Domain.Dossier.Mijlpaal.BredeIntake, Datum = new DateOnly(2016, 3, 7) });
                return db.SaveChanges();
            });
            ids.Add(id);
        }

        for (var n = 0; n < 6; n++)
        {
            Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{ids[n]}/participatie/metingen",
                new { maanden = 6, datum = "2026-06-01", keuzes = new Dictionary<string, string> { [code] = n == 0 ? "krant" : "internet" } })).StatusCode);
        }

        static List<(string Sleutel, string Tekst, bool Verborgen)> Keuzes(System.Text.Json.Nodes.JsonNode rapport) =>
            rapport["tabellen"]!.AsArray().SingleOrDefault(t => t!["id"]!.GetValue<string>() == "participatie-keuzes") is { } t
                ? t["rijen"]!.AsArray().Select(r => (r!["sleutel"]!.GetValue<string>(), r["cellen"]![0]!["tekst"]!.GetValue<string>(), r["cellen"]![0]!["verborgen"]!.GetValue<bool>())).ToList()
                : [];
        var open = await (await _client.GetAsync("/api/v1/monitor/participatie?gemeente=GM1667&jaar=2016&verbergKleineAantallen=false")).LeesAsync();
        Assert.Equal([($"{code}|krant", "1", false), ($"{code}|buren", "0", false), ($"{code}|internet", "5", false)], Keuzes(open).Where(k => k.Sleutel.StartsWith(code, StringComparison.Ordinal)));
        Assert.StartsWith("Alle vragenlijsten in dit cohort zijn ingevuld met dezelfde versie", open["vergelijking"]!.GetValue<string>());
        var openCsv = Encoding.UTF8.GetString(await (await _client.GetAsync("/api/v1/monitor/participatie/csv?gemeente=GM1667&jaar=2016&verbergKleineAantallen=false")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Hoe hoort u van activiteiten in de buurt? · Via internet (internet);5", openCsv);

        // Policy staff: the single "krant" is hidden, on the page, in the API and in the CSV.
        var beleid = Fabriek.ClientAls("beleid@kempen.example");
        var beschermd = Keuzes(await (await beleid.GetAsync("/api/v1/monitor/participatie?gemeente=GM1667&jaar=2016")).LeesAsync());
        Assert.Equal(("<5", true), beschermd.Where(k => k.Sleutel == $"{code}|krant").Select(k => (k.Tekst, k.Verborgen)).Single());
        // Six measured, buren 0: a shown "internet 5" would give "krant" away as 6 - 5 - 0 = 1 (issue #22), so it is hidden too.
        Assert.Equal(("x", true), beschermd.Where(k => k.Sleutel == $"{code}|internet").Select(k => (k.Tekst, k.Verborgen)).Single());
        var csv = Encoding.UTF8.GetString(await (await beleid.GetAsync("/api/v1/monitor/participatie/csv?gemeente=GM1667&jaar=2016")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Hoe hoort u van activiteiten in de buurt? · Via de krant (krant);<5", csv);
        var pagina = new HtmlParser().ParseDocument(await beleid.GetStringAsync("/monitor/participatie?gemeente=GM1667&jaar=2016"));
        Assert.Contains("Via de krant", pagina.GetElementById("tabel-participatie-keuzes")!.TextContent);

        // Other options make another question: once a measurement answers the new version, the report no longer compares it.
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/beheer/participatie/GM1667/vragen/{code}", new
        {
            domein = "maatschappelijkeParticipatie", schaal = "meerkeuze", nl = "Hoe hoort u van activiteiten in de buurt?",
            opties = new[] { Optie("krant", "Via de krant"), Optie("buren", "Via de buren"), Optie("internet", "Via internet"), Optie("anders", "Anders") },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{ids[6]}/participatie/metingen",
            new { maanden = 6, datum = "2026-06-01", keuzes = new Dictionary<string, string> { [code] = "anders" } })).StatusCode);
        var twee = await (await _client.GetAsync("/api/v1/monitor/participatie?gemeente=GM1667&jaar=2016&verbergKleineAantallen=false")).LeesAsync();
        Assert.DoesNotContain(Keuzes(twee), k => k.Sleutel.StartsWith(code, StringComparison.Ordinal));
        var vergelijking = twee["vergelijking"]!.GetValue<string>();
        Assert.Contains("2 versies", vergelijking);
        Assert.Contains("een meerkeuzevraag met andere antwoorden telt als gewijzigd", vergelijking);
    }

    /// <summary>The stored option code of one answer, past EF and its converter.</summary>
    private string RuweKeuze(Guid metingId, string vraag) => Fabriek.MetDatabase(db =>
    {
        var verbinding = db.Database.GetDbConnection();
        db.Database.OpenConnection();
        try
        {
            using var cmd = verbinding.CreateCommand();
            cmd.CommandText = "SELECT \"Keuze\" FROM \"participatieantwoord\" WHERE \"ParticipatiemetingId\" = @m AND \"VraagCode\" = @v";
            var m = cmd.CreateParameter();
            m.ParameterName = "@m";
            m.Value = Sleutel(db, metingId);
            cmd.Parameters.Add(m);
            var v = cmd.CreateParameter();
            v.ParameterName = "@v";
            v.Value = vraag;
            cmd.Parameters.Add(v);
            return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
        }
        finally
        {
            db.Database.CloseConnection();
        }
    });
}

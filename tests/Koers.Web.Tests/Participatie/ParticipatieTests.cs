using System.Net;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
    private async Task<Guid> DossierAsync(string? brp = "2025-12-10")
    {
        var invoer = Testdata.Inburgeraar(bsn: Testdata.NieuwBsn(), koppelingsdatum: "2025-11-03");
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

    private static string Token(AngleSharp.Dom.IDocument pagina) =>
        pagina.QuerySelector("#metingformulier input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}

public sealed class SqliteParticipatieTests(SqliteFactory factory) : ParticipatieTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresParticipatieTests(PostgresFactory factory) : ParticipatieTests(factory), IClassFixture<PostgresFactory>;

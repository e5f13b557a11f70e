using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Koers.Web.Tests.Infrastructure;

namespace Koers.Web.Tests.Partnerportaal;

/// <summary>
/// Issue #22, the participation monitor in the partner's case view: with the person's consent for werk en participatie
/// the partner sees the participatieladder's rungs (date, rung; never the note) and the completed measurements with a
/// count per domain (never an answer; well-being only with consent for gezondheid too); without that consent nothing of
/// it, not even in the JSON; once the consent is withdrawn, gone again. The clock stands on 16 June 2026; cases in GM1724.
/// </summary>
public abstract class PartnerParticipatieTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();
    private static int _volgnummer;
    private const string Toelichting = "Vrijwilligerswerk bij de voedselbank";

    /// <summary>A case housed on 10 December 2025 (6-month moment open), measured and scored twice on the ladder.</summary>
    private async Task<Guid> GemetenDossierAsync()
    {
        var invoer = Testdata.Inburgeraar(bsn: Testdata.NieuwBsn(), koppelingsdatum: "2025-11-03");
        invoer["achternaam"] = "Partnerladder" + Interlocked.Increment(ref _volgnummer);
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = Guid.Parse((await response.LeesAsync())["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = "2025-12-10" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/metingen", new
        {
            maanden = 6, datum = "2026-06-15",
            antwoorden = new Dictionary<string, int?> { ["werk-betaald"] = 1, ["werk-opleiding"] = 0, ["maatschappelijk-vereniging"] = 1, ["welbevinden-tevreden"] = 4 },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/ladder", new { trede = 2, datum = "2026-03-02" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/participatie/ladder", new { trede = 4, datum = "2026-05-04", toelichting = Toelichting })).StatusCode);
        return id;
    }

    private async Task<Guid> MachtigingAsync(Guid id, params string[] categorieen)
    {
        var taalschool = factory.MetDatabase(db => db.Partnerorganisaties.Single(p => p.Naam == "Taalschool De Kempen").Id);
        var r = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/machtigingen",
            new { partnerorganisatieId = taalschool, categorieen, van = "2026-06-01", vorm = "Ondertekend formulier", gezondheidUitdrukkelijk = categorieen.Contains("gezondheid") });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return Guid.Parse((await r.LeesAsync())["id"]!.GetValue<string>());
    }

    private static void NietsVanParticipatie(JsonNode json, AngleSharp.Dom.IDocument pagina)
    {
        Assert.Null(json["participatieladder"]);
        Assert.Null(json["participatiemetingen"]);
        foreach (var tekst in new[] { "Onbetaald werk", "Sociale contacten buiten de deur", "positief" })
        {
            Assert.DoesNotContain(tekst, json.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain(tekst, pagina.Body!.TextContent, StringComparison.Ordinal);
        }

        Assert.Null(pagina.GetElementById("participatieladder"));
        Assert.Null(pagina.GetElementById("participatiemetingen"));
    }

    [Fact]
    public async Task Met_machtiging_werk_en_participatie_ziet_de_partner_de_treden_en_metingen_zonder_en_na_intrekken_niets()
    {
        var id = await GemetenDossierAsync();
        var basis = await MachtigingAsync(id, "basisgegevens");
        var partner = factory.ClientAls("partner@taalschool.example");

        // Basisgegevens only: the case opens, its participation does not.
        NietsVanParticipatie(await (await partner.GetAsync($"/api/v1/partner/dossiers/{id}")).LeesAsync(),
            new HtmlParser().ParseDocument(await partner.GetStringAsync($"/partner/dossiers/{id}")));
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/partner/dossiers/{id}/werkEnParticipatie")).StatusCode);

        var werk = await MachtigingAsync(id, "werkEnParticipatie");
        var json = await (await partner.GetAsync($"/api/v1/partner/dossiers/{id}")).LeesAsync();
        var ladder = json["participatieladder"]!.AsArray();
        Assert.Equal([("2026-05-04", 4, "Onbetaald werk"), ("2026-03-02", 2, "Sociale contacten buiten de deur")],
            ladder.Select(l => (l!["datum"]!.GetValue<string>(), l["trede"]!.GetValue<int>(), l["tredeNaam"]!.GetValue<string>())));
        // Date, rung and name only: the note stays with the municipality.
        Assert.Equal(["datum", "trede", "tredeNaam"], ladder[0]!.AsObject().Select(x => x.Key).OrderBy(k => k, StringComparer.Ordinal));
        var meting = json["participatiemetingen"]!.AsArray().Single()!;
        Assert.Equal((6, "6 maanden", "2026-06-15"), (meting["maanden"]!.GetValue<int>(), meting["moment"]!.GetValue<string>(), meting["datum"]!.GetValue<string>()));
        // Per domain how many were answered, never how (no positive count: with two questions it gives the answers away);
        // well-being (health data) not under werk en participatie alone.
        Assert.Equal([("werkEnOpleiding", 2), ("maatschappelijkeParticipatie", 1)],
            meting["domeinen"]!.AsArray().Select(d => (d!["domein"]!.GetValue<string>(), d["beantwoord"]!.GetValue<int>())));
        Assert.All(meting["domeinen"]!.AsArray(), d => Assert.Equal(["beantwoord", "domein"], d!.AsObject().Select(x => x.Key).OrderBy(k => k, StringComparer.Ordinal)));
        var tekst = json.ToJsonString();
        Assert.DoesNotContain(Toelichting, tekst, StringComparison.Ordinal);
        Assert.DoesNotContain("welbevinden", tekst, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("werk-betaald", tekst, StringComparison.Ordinal);

        var pagina = new HtmlParser().ParseDocument(await partner.GetStringAsync($"/partner/dossiers/{id}"));
        var treden = pagina.GetElementById("participatieladder")!.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["4 mei 2026: trede 4, Onbetaald werk", "2 mrt 2026: trede 2, Sociale contacten buiten de deur"], treden);
        Assert.Equal("6 maanden, ingevuld op 15 jun 2026: Werk en opleiding 2 vragen beantwoord; Maatschappelijke participatie 1 vraag beantwoord",
            pagina.GetElementById("participatiemetingen")!.QuerySelector("li")!.TextContent.Trim());
        Assert.DoesNotContain(Toelichting, pagina.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Welbevinden", pagina.Body.TextContent, StringComparison.Ordinal);

        // The category route gives the same.
        var categorie = await (await partner.GetAsync($"/api/v1/partner/dossiers/{id}/werkEnParticipatie")).LeesAsync();
        Assert.Equal(2, categorie["participatieladder"]!.AsArray().Count);

        // Audited like every partner read, saying what was shown, never a rung or an answer.
        var audit = factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id && a.Omschrijving.StartsWith("Ketenpartner: dossier ingezien")).Select(a => a.Omschrijving).ToList());
        Assert.Contains(audit, a => a.Contains("participatieladder (treden)", StringComparison.Ordinal) && a.Contains("participatiemetingen", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => a.Contains("Onbetaald", StringComparison.Ordinal));

        // Another partner without consent: nothing at all.
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientAls("partner@vluchtelingenwerk.example").GetAsync($"/api/v1/partner/dossiers/{id}")).StatusCode);

        // Withdrawn: gone again, while the case itself stays open under the other consent.
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/machtigingen/{werk}/intrekken", new { reden = "Op verzoek" })).StatusCode);
        var na = await (await partner.GetAsync($"/api/v1/partner/dossiers/{id}")).LeesAsync();
        Assert.NotNull(na["basisgegevens"]);
        NietsVanParticipatie(na, new HtmlParser().ParseDocument(await partner.GetStringAsync($"/partner/dossiers/{id}")));
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/partner/dossiers/{id}/werkEnParticipatie")).StatusCode);
        Assert.NotEqual(Guid.Empty, basis);
    }

    [Fact]
    public async Task Welbevinden_telt_alleen_mee_met_machtiging_voor_gezondheid_erbij()
    {
        var id = await GemetenDossierAsync();
        await MachtigingAsync(id, "basisgegevens", "werkEnParticipatie", "gezondheid");
        var json = await (await factory.ClientAls("partner@taalschool.example").GetAsync($"/api/v1/partner/dossiers/{id}")).LeesAsync();
        var domeinen = json["participatiemetingen"]!.AsArray().Single()!["domeinen"]!.AsArray();
        Assert.Equal(("welbevinden", 1), domeinen.Select(d => (d!["domein"]!.GetValue<string>(), d["beantwoord"]!.GetValue<int>())).Last());
    }
}

public sealed class SqlitePartnerParticipatieTests(SqliteFactory factory) : PartnerParticipatieTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresPartnerParticipatieTests(PostgresFactory factory) : PartnerParticipatieTests(factory), IClassFixture<PostgresFactory>;

using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Koers.Data.Model.Duo;
using Koers.Data.Model.Keten;
using Koers.Domain.Duo;
using Koers.Web.Features.Duo;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Duo;

/// <summary>
/// The MAP eindgesprek and the PVT signing (#17): recorded on the case (API and the Afsluiting page), checked against
/// DUO's rules, queued in the same transaction as PUT /personen/{bsn}/map and …/pvt, validated against DUO's published
/// schema, and followed to the simulator, which answers with DUO's refusals.
/// </summary>
public abstract class DuoMapPvtTests(DuoOmgeving omgeving)
{
    private T Db<T>(Func<Koers.Data.KoersDbContext, T> werk) => omgeving.Db(werk);

    private List<DuoUitgaandBericht> Berichten(string id, OutboxSoort soort) =>
        Db(db => db.DuoUitgaandeBerichten.AsNoTracking().Where(b => b.InburgeraarId == Guid.Parse(id) && b.Soort == soort).OrderBy(b => b.AangemaaktOp).ToList());

    private static void GeldigVolgensDuo(DuoUitgaandBericht bericht, string pad)
    {
        var spec = Spec.Laad("MapPvtZroute");
        var fouten = Spec.Valideer(System.Text.Json.JsonDocument.Parse(bericht.InhoudJson).RootElement, Spec.Antwoord(spec, pad, "put", "request"), spec);
        Assert.Empty(fouten);
    }

    [Fact]
    public async Task Map_en_pvt_worden_vastgelegd_en_gaan_naar_DUO()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await omgeving.DossierMetVastgesteldPipAsync(bsn, "b1Route");
        var client = omgeving.App.CreateClient();

        var map = await client.PostJsonAsync($"/api/v1/inburgeraars/{id}/map-pvt", new { onderdeel = "map", datum = "2026-06-16", toelichting = "Eindgesprek met Werk.Kom." });
        Assert.True(map.StatusCode == HttpStatusCode.Created, await map.Content.ReadAsStringAsync());
        var pvt = await client.PostJsonAsync($"/api/v1/inburgeraars/{id}/map-pvt", new { onderdeel = "pvt", datum = "2026-06-15" });
        Assert.Equal(HttpStatusCode.Created, pvt.StatusCode);

        // Koers's own record, in the API and the audit trail.
        var stand = await (await client.GetAsync($"/api/v1/inburgeraars/{id}/afsluiting")).LeesAsync();
        var lijst = stand["mapPvt"]!.AsArray();
        Assert.Equal(2, lijst.Count);
        Assert.Equal(("map", "2026-06-16", "Eindgesprek MAP"), (lijst[0]!["onderdeel"]!.GetValue<string>(), lijst[0]!["datum"]!.GetValue<string>(), lijst[0]!["omschrijving"]!.GetValue<string>()));
        Assert.Equal(("pvt", "2026-06-15"), (lijst[1]!["onderdeel"]!.GetValue<string>(), lijst[1]!["datum"]!.GetValue<string>()));
        Assert.True(Db(db => db.Audit.Any(a => a.InburgeraarId == Guid.Parse(id) && a.Omschrijving == "Eindgesprek MAP vastgelegd op 16-06-2026")));

        // The messages: DUO's paths, bodies valid against DUO's published schema, no verwijtbaar within the termijn.
        var mapBericht = Assert.Single(Berichten(id, OutboxSoort.MapEindgesprek));
        Assert.Equal(("PUT", $"personen/{bsn}/map", OutboxStatus.Wachtend), (mapBericht.Methode, mapBericht.Pad, mapBericht.Status));
        Assert.Equal("""{"datumEindgesprekMap":"2026-06-16"}""", mapBericht.InhoudJson);
        GeldigVolgensDuo(mapBericht, "/personen/{bsn}/map");
        var pvtBericht = Assert.Single(Berichten(id, OutboxSoort.PvtOndertekend));
        Assert.Equal(("PUT", $"personen/{bsn}/pvt"), (pvtBericht.Methode, pvtBericht.Pad));
        Assert.Equal("""{"datumOndertekeningPvt":"2026-06-15"}""", pvtBericht.InhoudJson);
        GeldigVolgensDuo(pvtBericht, "/personen/{bsn}/pvt");

        await omgeving.VerstuurAsync(); // the PIP first (older), then MAP and PVT
        Assert.All(Berichten(id, OutboxSoort.MapEindgesprek).Concat(Berichten(id, OutboxSoort.PvtOndertekend)), b => Assert.Equal(OutboxStatus.Verzonden, b.Status));
        var duo = omgeving.Sim.Persoon(bsn);
        Assert.Equal(new DuoResultaatMap(new DateOnly(2026, 6, 16)), duo.Map);
        Assert.Equal(new DuoResultaatPvt(new DateOnly(2026, 6, 15)), duo.Pvt);

        // Koers reads it back through DUO's GET (schema DatumMap / DatumPvt).
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(omgeving.App.Services);
        var duoClient = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<DuoClient>(scope.ServiceProvider);
        Assert.Equal(new DateOnly(2026, 6, 16), (await duoClient.MapAsync(bsn))!.DatumEindgesprekMap);
        Assert.Equal(new DateOnly(2026, 6, 15), (await duoClient.PvtAsync(bsn))!.DatumOndertekeningPvt);
    }

    [Fact]
    public async Task Koers_weigert_wat_DUO_niet_aanneemt_en_verstuurt_dan_niets()
    {
        var client = omgeving.App.CreateClient();

        // No PIP yet: DUO wants a current PIP of this municipality.
        var zonderPip = await omgeving.DossierMetPipConceptAsync(Testdata.NieuwBsn(), "b1Route");
        var r = await client.PostJsonAsync($"/api/v1/inburgeraars/{zonderPip}/map-pvt", new { onderdeel = "pvt", datum = "2026-06-10" });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("nog geen vastgesteld PIP", await r.Content.ReadAsStringAsync());

        var id = await omgeving.DossierMetVastgesteldPipAsync(Testdata.NieuwBsn(), "b1Route");
        // In the future; before the start of the termijn (the PIP's dagtekening, 15 June); verwijtbaar within the termijn.
        foreach (var (body, veld, tekst) in new (object, string, string)[]
                 {
                     (new { onderdeel = "map", datum = "2026-06-17" }, "datum", "ligt in de toekomst"),
                     (new { onderdeel = "map", datum = "2026-06-14" }, "datum", "vóór de start van de inburgeringstermijn (15-06-2026)"),
                     (new { onderdeel = "pvt", datum = "2026-06-16", verwijtbaar = false }, "verwijtbaar", "geen overschrijding en blijft verwijtbaarheid leeg"),
                     (new { datum = "2026-06-16" }, "onderdeel", "Kies wat er is afgerond"),
                 })
        {
            var antwoord = await client.PostJsonAsync($"/api/v1/inburgeraars/{id}/map-pvt", body);
            Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
            var fouten = (await antwoord.LeesAsync())["errors"]!.AsObject();
            Assert.Contains(fouten, f => f.Key.Equals(veld, StringComparison.OrdinalIgnoreCase) && f.Value!.AsArray().Any(m => m!.GetValue<string>().Contains(tekst, StringComparison.Ordinal)));
        }

        Assert.Empty(Berichten(id, OutboxSoort.MapEindgesprek));
        Assert.Empty(Berichten(id, OutboxSoort.PvtOndertekend));
        Assert.False(Db(db => db.Set<MapPvtAfronding>().Any(m => m.InburgeraarId == Guid.Parse(id))));

        // After a completed Z-route DUO takes no MAP or PVT any more.
        var z = await omgeving.DossierMetVastgesteldPipAsync(Testdata.NieuwBsn(), "zRoute");
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync($"/api/v1/inburgeraars/{z}/eindgesprek", new { datum = "2026-06-16", verslag = "Z-route afgerond.", behaald = true })).StatusCode);
        var naZ = await client.PostJsonAsync($"/api/v1/inburgeraars/{z}/map-pvt", new { onderdeel = "pvt", datum = "2026-06-16" });
        Assert.Equal(HttpStatusCode.BadRequest, naZ.StatusCode);
        Assert.Contains("al voldaan via de Z-route", await naZ.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DUO_weigert_een_datum_voor_zijn_termijn_en_dat_staat_op_het_dossier()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await omgeving.DossierMetVastgesteldPipAsync(bsn, "b1Route");
        await omgeving.VerstuurAsync();
        // DUO's termijn starts a day later than Koers's (Koers cannot know this until SS102 arrives).
        omgeving.Sim.Persoon(bsn).Termijn = new DuoInburgeringstermijn(new DateOnly(2026, 6, 16), new DateOnly(2029, 6, 16));
        Assert.Equal(HttpStatusCode.Created, (await omgeving.App.CreateClient().PostJsonAsync($"/api/v1/inburgeraars/{id}/map-pvt", new { onderdeel = "map", datum = "2026-06-15" })).StatusCode);
        await omgeving.VerstuurAsync();

        var bericht = Assert.Single(Berichten(id, OutboxSoort.MapEindgesprek));
        Assert.Equal((OutboxStatus.Geweigerd, 403), (bericht.Status, bericht.Antwoordcode));
        Assert.Contains("mag niet voor de startdatum van de inburgeringstermijn liggen", bericht.Melding);
        Assert.Null(omgeving.Sim.Persoon(bsn).Map);
        var html = await omgeving.App.CreateClient().GetStringAsync($"/inburgeraars/{id}");
        Assert.Contains("DUO heeft 1 bericht(en) niet aangenomen", html);
        Assert.Contains("Eindgesprek MAP op 15-06-2026", html);
    }

    [Fact]
    public async Task Afsluitingspagina_legt_pvt_vast_in_duidelijk_Nederlands()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await omgeving.DossierMetVastgesteldPipAsync(bsn, "b1Route");
        var client = omgeving.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var url = $"/inburgeraars/{id}/afsluiting";
        var doc = await PaginaAsync(client, url);
        Assert.Equal("MAP en participatieverklaring (PVT)", doc.QuerySelector("#map-pvt-titel")!.TextContent.Trim());
        Assert.Equal("Nog niets vastgelegd.", doc.QuerySelector("#map-pvt-stand")!.TextContent.Trim());

        // Refused: the message says why in Dutch, the summary links to the field, nothing is saved.
        var fout = await client.PostAsync($"{url}/MapPvt", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc), ["MapPvt.Onderdeel"] = "Pvt", ["MapPvt.Datum"] = "2026-06-20", ["MapPvt.Verwijtbaar"] = "",
        }));
        Assert.Equal(HttpStatusCode.OK, fout.StatusCode);
        var foutDoc = new HtmlParser().ParseDocument(await fout.Content.ReadAsStringAsync());
        Assert.Contains("De datum van ondertekening van de participatieverklaring ligt in de toekomst.", foutDoc.QuerySelector("#map-pvt")!.TextContent);
        Assert.Empty(Berichten(id, OutboxSoort.PvtOndertekend));

        var ok = await client.PostAsync($"{url}/MapPvt", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc), ["MapPvt.Onderdeel"] = "Pvt", ["MapPvt.Datum"] = "2026-06-16", ["MapPvt.Verwijtbaar"] = "",
            ["MapPvt.Toelichting"] = "Ondertekend na de derde workshop.",
        }));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var na = await PaginaAsync(client, url);
        var rij = na.QuerySelector("#map-pvt-stand tbody tr")!.TextContent;
        Assert.Contains("Ondertekening participatieverklaring (PVT)", rij);
        Assert.Contains("16 jun 2026", rij);
        Assert.Contains("Ondertekend na de derde workshop.", rij);
        Assert.Contains("wordt aan DUO doorgegeven", na.QuerySelector("[role=status]")!.TextContent);
        Assert.Single(Berichten(id, OutboxSoort.PvtOndertekend));
    }

    private static async Task<IHtmlDocument> PaginaAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static string Token(IHtmlDocument doc) =>
        doc.QuerySelector("form[action$=MapPvt] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}

public sealed class SqliteDuoMapPvtTests(DuoSqliteOmgeving omgeving) : DuoMapPvtTests(omgeving), IClassFixture<DuoSqliteOmgeving>;

public sealed class PostgresDuoMapPvtTests(DuoPostgresOmgeving omgeving) : DuoMapPvtTests(omgeving), IClassFixture<DuoPostgresOmgeving>;

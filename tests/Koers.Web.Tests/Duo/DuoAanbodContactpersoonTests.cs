using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Koers.Data.Model.Duo;
using Koers.Web.Features.Duo;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Duo;

/// <summary>
/// The last DUO operations of #17, followed from the screen or API to the simulated DUO: the inburgeringsaanbod
/// (POST/DELETE /personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}, Wi2021 art. 16), the contactpersoon (POST, PUT,
/// DELETE /contactpersonen and the link per person, kept in step with the case's klantregisseur) and the withdrawal of
/// the toets's exam number when the toets is skipped (DELETE …/lbt/examennummer). Every body Koers sends is validated
/// against DUO's published schema.
/// </summary>
public abstract class DuoAanbodContactpersoonTests(DuoOmgeving omgeving)
{
    private const string Taalschool = "1000000001"; // the demo's Taalschool De Kempen, on the simulated DUO's list

    private T Db<T>(Func<Koers.Data.KoersDbContext, T> werk) => omgeving.Db(werk);

    private List<DuoUitgaandBericht> Berichten(string id, OutboxSoort soort) =>
        Db(db => db.DuoUitgaandeBerichten.AsNoTracking().Where(b => b.InburgeraarId == Guid.Parse(id) && b.Soort == soort).OrderBy(b => b.AangemaaktOp).ToList());

    private int PartnerId(string naam) => Db(db => db.Partnerorganisaties.Single(p => p.Naam == naam).Id);

    private static void GeldigVolgensDuo(string api, string pad, string methode, string json)
    {
        var spec = Spec.Laad(api);
        Assert.Empty(Spec.Valideer(JsonDocument.Parse(json).RootElement, Spec.Antwoord(spec, pad, methode, "request"), spec));
    }

    [Fact]
    public async Task Een_inburgeringsaanbod_gaat_naar_DUO_en_intrekken_ook()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await omgeving.DossierMetVastgesteldPipAsync(bsn, "b1Route"); // dagtekening 15 June 2026
        var client = omgeving.App.CreateClient();
        var school = PartnerId("Taalschool De Kempen");

        var r = await client.PostJsonAsync($"/api/v1/inburgeraars/{id}/inburgeringsaanbod",
            new { partnerorganisatieId = school, datumAanbod = "2026-06-16", verwachteStart = "2026-07-01", verwachteEinde = "2027-07-01" });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());

        var bericht = Assert.Single(Berichten(id, OutboxSoort.Inburgeringsaanbod));
        Assert.Equal(("POST", $"personen/{bsn}/Inburgeringsaanbod/{Taalschool}"), (bericht.Methode, bericht.Pad));
        // Alfabetisering as in the PIP (NVT), DUO's field names and date format.
        Assert.Equal("""{"indicatorAlfabetiseringsonderwijs":"NVT","datumInburgeringsaanbod":"2026-06-16","verwachteStartdatumOpleiding":"2026-07-01","verwachteEinddatumOpleiding":"2027-07-01"}""", bericht.InhoudJson);
        GeldigVolgensDuo("Inburgeringsaanbod", "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}", "post", bericht.InhoudJson);
        Assert.True(Db(db => db.Audit.Where(a => a.InburgeraarId == Guid.Parse(id)).AsEnumerable().Any(a => a.Omschrijving.StartsWith("Inburgeringsaanbod bij Taalschool De Kempen gemeld aan DUO", StringComparison.Ordinal))));

        await omgeving.VerstuurAsync();
        Assert.Equal(OutboxStatus.Verzonden, Assert.Single(Berichten(id, OutboxSoort.Inburgeringsaanbod)).Status);
        Assert.Equal(new DuoInburgeringsaanbod("NVT", new DateOnly(2026, 6, 16), new DateOnly(2026, 7, 1), new DateOnly(2027, 7, 1)), omgeving.Sim.Persoon(bsn).Aanbod[Taalschool]);

        // The case shows it, with where it stands at DUO.
        var lijst = (await (await client.GetAsync($"/api/v1/inburgeraars/{id}/inburgeringsaanbod")).LeesAsync()).AsArray().Single()!;
        Assert.Equal(("door DUO aangenomen", Taalschool), (lijst["duoStatus"]!.GetValue<string>(), lijst["instellingsnummer"]!.GetValue<string>()));

        // A second report at the same school replaces the first, at DUO and in Koers.
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync($"/api/v1/inburgeraars/{id}/inburgeringsaanbod",
            new { partnerorganisatieId = school, datumAanbod = "2026-06-16", verwachteStart = "2026-08-01" })).StatusCode);
        await omgeving.VerstuurAsync();
        Assert.Equal(new DateOnly(2026, 8, 1), omgeving.Sim.Persoon(bsn).Aanbod[Taalschool].VerwachteStartdatumOpleiding);
        Assert.Equal(1, Db(db => db.Inburgeringsaanbiedingen.Count(a => a.InburgeraarId == Guid.Parse(id))));

        var aanbodId = lijst["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/inburgeraars/{id}/inburgeringsaanbod/{aanbodId}")).StatusCode);
        var weg = Assert.Single(Berichten(id, OutboxSoort.InburgeringsaanbodVerwijderd));
        Assert.Equal(("DELETE", $"personen/{bsn}/Inburgeringsaanbod/{Taalschool}", ""), (weg.Methode, weg.Pad, weg.InhoudJson));
        await omgeving.VerstuurAsync();
        Assert.False(omgeving.Sim.Persoon(bsn).Aanbod.ContainsKey(Taalschool));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.DeleteAsync($"/api/v1/inburgeraars/{id}/inburgeringsaanbod/{aanbodId}")).StatusCode);

        // Another region's klantregisseur cannot see or report it.
        var weert = omgeving.Als("fleur.hendriks@weert.example");
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/api/v1/inburgeraars/{id}/inburgeringsaanbod")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostJsonAsync($"/api/v1/inburgeraars/{id}/inburgeringsaanbod", new { partnerorganisatieId = school, datumAanbod = "2026-06-16" })).StatusCode);
    }

    [Fact]
    public async Task Koers_weigert_een_aanbod_dat_DUO_niet_aanneemt_en_stuurt_dan_niets()
    {
        var client = omgeving.App.CreateClient();
        var school = PartnerId("Taalschool De Kempen");
        var zonderNummer = PartnerId("VluchtelingenWerk Zuid-Nederland");
        var id = await omgeving.DossierMetVastgesteldPipAsync(Testdata.NieuwBsn(), "b1Route");
        var zonderPip = await omgeving.DossierMetPipConceptAsync(Testdata.NieuwBsn(), "b1Route");

        foreach (var (dossier, body, veld, tekst) in new (string, object, string, string)[]
                 {
                     (id, new { partnerorganisatieId = school, datumAanbod = "2026-06-14" }, "datumAanbod", "vóór de dagtekening van het PIP (15-06-2026)"),
                     (id, new { partnerorganisatieId = school, datumAanbod = "2026-06-16", verwachteStart = "2026-09-01", verwachteEinde = "2026-09-01" }, "verwachteEinde", "niet na de verwachte startdatum"),
                     (id, new { partnerorganisatieId = zonderNummer, datumAanbod = "2026-06-16" }, "partnerorganisatieId", "geen instellingsnummer van DUO"),
                     (id, new { datumAanbod = "2026-06-16" }, "partnerorganisatieId", "Kies de instelling"),
                     (id, new { partnerorganisatieId = school }, "datumAanbod", "Vul de datum van het aanbod in"),
                     (zonderPip, new { partnerorganisatieId = school, datumAanbod = "2026-06-16" }, "datumAanbod", "nog geen vastgesteld PIP"),
                 })
        {
            var antwoord = await client.PostJsonAsync($"/api/v1/inburgeraars/{dossier}/inburgeringsaanbod", body);
            Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
            var fouten = (await antwoord.LeesAsync())["errors"]!.AsObject();
            Assert.True(fouten.Any(f => f.Key.Equals(veld, StringComparison.OrdinalIgnoreCase) && f.Value!.AsArray().Any(m => m!.GetValue<string>().Contains(tekst, StringComparison.Ordinal))),
                $"{veld}: {tekst} — {fouten.ToJsonString()}");
        }

        // A gezinsmigrant gets no inburgeringsaanbod at DUO (asielmigrants only).
        var gezin = await client.PostJsonAsync("/api/v1/inburgeraars", Testdata.Inburgeraar(doelgroep: "gezinsmigrant", koppelingsdatum: null));
        var gezinId = (await gezin.LeesAsync())["id"]!.GetValue<string>();
        var g = await client.PostJsonAsync($"/api/v1/inburgeraars/{gezinId}/inburgeringsaanbod", new { partnerorganisatieId = school, datumAanbod = "2026-06-16" });
        Assert.Contains("alleen voor asielstatushouders en nareizigers", await g.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Without a BSN DUO cannot receive it: refused before anything is recorded (the demo has such cases).
        var zonderBsn = await omgeving.DossierMetVastgesteldPipAsync(Testdata.NieuwBsn(), "b1Route");
        Db(db =>
        {
            var d = db.Inburgeraars.Single(i => i.Id == Guid.Parse(zonderBsn));
            d.Bsn = null;
            d.VNummer = Koers.Domain.Identity.VNummer.Parse("8" + Testdata.NieuwBsn());
            return db.SaveChanges();
        });
        var b = await client.PostJsonAsync($"/api/v1/inburgeraars/{zonderBsn}/inburgeringsaanbod", new { partnerorganisatieId = school, datumAanbod = "2026-06-16" });
        Assert.Equal(HttpStatusCode.BadRequest, b.StatusCode);
        Assert.Contains("heeft geen BSN", await b.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Berichten(zonderBsn, OutboxSoort.Inburgeringsaanbod));

        Assert.Empty(Berichten(id, OutboxSoort.Inburgeringsaanbod));
        Assert.False(Db(db => db.Inburgeringsaanbiedingen.Any(a => a.InburgeraarId == Guid.Parse(id) || a.InburgeraarId == Guid.Parse(zonderPip) || a.InburgeraarId == Guid.Parse(zonderBsn))));
    }

    [Fact]
    public async Task Op_het_scherm_meldt_de_klantregisseur_het_aanbod_en_ziet_een_weigering_bij_het_veld()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await omgeving.DossierMetVastgesteldPipAsync(bsn, "b1Route");
        var client = omgeving.App.CreateClient();
        var pagina = await PaginaAsync(client, $"/inburgeraars/{id}/verwijzingen");
        var form = pagina.QuerySelector("form[action$='handler=Aanbod']")!;
        var keuze = form.QuerySelectorAll("#Aanbod_PartnerorganisatieId option").Single(o => o.TextContent.Contains("Taalschool De Kempen", StringComparison.Ordinal));

        // A date before the PIP: refused at the field, what was typed kept, nothing queued.
        var fout = await client.PostAsync($"/inburgeraars/{id}/verwijzingen?handler=Aanbod", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form), ["Aanbod.PartnerorganisatieId"] = keuze.GetAttribute("value")!, ["Aanbod.DatumAanbod"] = "2026-06-01",
            ["Aanbod.VerwachteStart"] = "2026-07-01",
        }));
        Assert.Equal(HttpStatusCode.OK, fout.StatusCode);
        var foutPagina = new HtmlParser().ParseDocument(await fout.Content.ReadAsStringAsync());
        Assert.Contains("ligt vóór de dagtekening van het PIP", foutPagina.QuerySelector("#Aanbod_DatumAanbod-fout")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(foutPagina.QuerySelector(".utrecht-form-field-error-message, [role=alert]"));
        Assert.Equal("2026-07-01", foutPagina.QuerySelector<IHtmlInputElement>("#Aanbod_VerwachteStart")!.Value);
        Assert.Empty(Berichten(id, OutboxSoort.Inburgeringsaanbod));

        var goed = await client.PostAsync($"/inburgeraars/{id}/verwijzingen?handler=Aanbod", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(foutPagina.QuerySelector("form[action$='handler=Aanbod']")!), ["Aanbod.PartnerorganisatieId"] = keuze.GetAttribute("value")!,
            ["Aanbod.DatumAanbod"] = "2026-06-16", ["Aanbod.Alfabetisering"] = "A",
        }));
        Assert.Equal(HttpStatusCode.OK, goed.StatusCode); // followed the redirect back to the page
        await omgeving.VerstuurAsync();
        Assert.Equal("A", omgeving.Sim.Persoon(bsn).Aanbod[Taalschool].IndicatorAlfabetiseringsonderwijs);
        var na = await PaginaAsync(client, $"/inburgeraars/{id}/verwijzingen");
        var rij = na.QuerySelector("#aanbiedingen tbody tr")!.TextContent;
        Assert.Contains("Taalschool De Kempen", rij, StringComparison.Ordinal);
        Assert.Contains("door DUO aangenomen", rij, StringComparison.Ordinal);
        Assert.Contains("16 jun 2026", rij, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_klantregisseur_wordt_contactpersoon_bij_DUO_en_de_koppeling_volgt_het_dossier()
    {
        var client = omgeving.App.CreateClient();
        var (sanne, naam, email) = Db(db => db.Medewerkers.Where(m => m.Email == "sanne.devries@kempen.example").Select(m => new Tuple<int, string, string>(m.Id, m.Naam, m.Email)).Single());
        var ander = Db(db => db.Medewerkers.First(m => m.Email != "sanne.devries@kempen.example" && m.Team!.Regio!.Naam.Contains("Kempen") && m.DuoContactpersoonId == null).Id);
        var bsn = Testdata.NieuwBsn();
        var r = await client.PostJsonAsync("/api/v1/koppelingen", Testdata.Inburgeraar(bsn: bsn, klantregisseurId: sanne));
        var id = (await r.LeesAsync())["id"]!.GetValue<string>();

        // A phone number DUO would refuse: refused at the field, nothing registered.
        var pagina = await PaginaAsync(client, "/beheer/duo/contactpersonen");
        var fout = await AanmeldenAsync(client, pagina, sanne, "bel me maar");
        var foutPagina = new HtmlParser().ParseDocument(await fout.Content.ReadAsStringAsync());
        Assert.Contains("Dit telefoonnummer neemt DUO niet aan", foutPagina.QuerySelector($"#Telefoon-{sanne}-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("bel me maar", foutPagina.QuerySelector<IHtmlInputElement>($"#Telefoon-{sanne}")!.Value);
        Assert.Null(Db(db => db.Medewerkers.Single(m => m.Id == sanne).DuoContactpersoonId));

        Assert.Equal(HttpStatusCode.OK, (await AanmeldenAsync(client, foutPagina, sanne, "040 123 4567")).StatusCode);
        var duoId = Db(db => db.Medewerkers.Single(m => m.Id == sanne).DuoContactpersoonId)!.Value;
        Assert.Equal(new DuoContactpersoongegevens(naam, email, "040 123 4567"), omgeving.Sim.Contactpersonen[duoId]);
        Assert.True(Db(db => db.Audit.Where(a => a.InburgeraarId == null).AsEnumerable().Any(a => a.Omschrijving.Contains($"DUO-contactpersoon {naam}", StringComparison.Ordinal))));

        // Registering queued the link of her running case; sent, DUO knows her as the person's contact.
        var koppeling = Assert.Single(Berichten(id, OutboxSoort.ContactpersoonGekoppeld));
        Assert.Equal(("POST", $"contactpersonen/{duoId}/personen/{bsn}", ""), (koppeling.Methode, koppeling.Pad, koppeling.InhoudJson));
        await omgeving.VerstuurAsync();
        Assert.Equal(duoId, omgeving.Sim.Persoon(bsn).Contactpersoon);
        Assert.Contains($"aangemeld (DUO-id {duoId})", (await PaginaAsync(client, "/beheer/duo/contactpersonen")).QuerySelectorAll("#contactpersonen tbody tr")
            .Single(t => t.TextContent.Contains(email, StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);

        // The case goes to a colleague who is not registered, by whatever path: DUO's link is removed ...
        Db(db => db.Inburgeraars.Where(i => i.Id == Guid.Parse(id)).ExecuteUpdate(s => s.SetProperty(i => i.KlantregisseurId, ander)));
        Assert.Equal(1, await SynchroniseerAsync());
        Assert.Equal(0, await SynchroniseerAsync()); // reported once, not every round
        var weg = Assert.Single(Berichten(id, OutboxSoort.ContactpersoonOntkoppeld));
        Assert.Equal(("DELETE", $"contactpersonen/{duoId}/personen/{bsn}"), (weg.Methode, weg.Pad));
        await omgeving.VerstuurAsync();
        Assert.Null(omgeving.Sim.Persoon(bsn).Contactpersoon);

        // ... and back to her: linked again.
        Db(db => db.Inburgeraars.Where(i => i.Id == Guid.Parse(id)).ExecuteUpdate(s => s.SetProperty(i => i.KlantregisseurId, sanne)));
        Assert.Equal(1, await SynchroniseerAsync());
        await omgeving.VerstuurAsync();
        Assert.Equal(duoId, omgeving.Sim.Persoon(bsn).Contactpersoon);

        // Afmelden: DUO drops her and her links; Koers records that nothing is linked and reports nothing more.
        var afmelden = await PaginaAsync(client, "/beheer/duo/contactpersonen");
        var form = afmelden.QuerySelectorAll("form[action$='handler=Afmelden']").Single(f => f.QuerySelector("input[name=MedewerkerId]")!.GetAttribute("value") == sanne.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/beheer/duo/contactpersonen?handler=Afmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form), ["MedewerkerId"] = sanne.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }))).StatusCode);
        Assert.False(omgeving.Sim.Contactpersonen.ContainsKey(duoId));
        Assert.Null(omgeving.Sim.Persoon(bsn).Contactpersoon);
        Assert.Null(Db(db => db.Inburgeraars.Single(i => i.Id == Guid.Parse(id)).DuoContactpersoonGemeld));
        Assert.Equal(0, await SynchroniseerAsync());

        // A klantregisseur cannot open the page; another region's staff are not listed.
        Assert.Equal(HttpStatusCode.Forbidden, (await omgeving.Als("sanne.devries@kempen.example").GetAsync("/beheer/duo/contactpersonen")).StatusCode);
        Assert.DoesNotContain("weert.example", (await PaginaAsync(client, "/beheer/duo/contactpersonen")).QuerySelector("#contactpersonen")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_overgeslagen_toets_trekt_het_examennummer_bij_DUO_in()
    {
        var client = omgeving.App.CreateClient();
        foreach (var (metNummer, verwacht) in new[] { (true, 200), (false, 404) })
        {
            var bsn = Testdata.NieuwBsn();
            var r = await client.PostJsonAsync("/api/v1/koppelingen", Testdata.Inburgeraar(bsn: bsn));
            var id = (await r.LeesAsync())["id"]!.GetValue<string>();
            omgeving.Sim.Persoon(bsn);
            if (metNummer)
            {
                using var scope = omgeving.App.Services.CreateScope();
                Assert.NotNull(await scope.ServiceProvider.GetRequiredService<DuoClient>().LbtExamennummerAsync(bsn));
            }

            Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/leerbaarheidstoets",
                new { overgeslagen = true, redenOverslaan = "Vrijstelling op grond van een diploma." })).StatusCode);
            // Saved again unchanged: not a second message.
            Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/leerbaarheidstoets",
                new { overgeslagen = true, redenOverslaan = "Vrijstelling op grond van een diploma (aangevuld)." })).StatusCode);
            var bericht = Assert.Single(Berichten(id, OutboxSoort.LbtOvergeslagen));
            Assert.Equal(("DELETE", $"personen/{bsn}/lbt/examennummer"), (bericht.Methode, bericht.Pad));

            await omgeving.VerstuurAsync();
            bericht = Assert.Single(Berichten(id, OutboxSoort.LbtOvergeslagen));
            // Without a number DUO answers 404: nothing to withdraw, which is what was asked, so no refusal on the case.
            Assert.Equal((OutboxStatus.Verzonden, verwacht), (bericht.Status, bericht.Antwoordcode));
            Assert.Equal(metNummer, omgeving.Sim.Persoon(bsn).ExamennummerIngetrokken);
        }
    }

    [Fact]
    public async Task Een_instellingsnummer_van_een_partner_moet_op_de_lijst_van_DUO_staan()
    {
        var client = omgeving.App.CreateClient();
        object Partner(string? nummer) => new { naam = "Taalcentrum Proef", soort = "taalaanbieder", contactpersoon = "Proef", duoInstellingsnummer = nummer };

        var onbekend = await client.PostJsonAsync("/api/v1/beheer/partners", Partner("9999999999"));
        Assert.Equal(HttpStatusCode.BadRequest, onbekend.StatusCode);
        Assert.Contains("DUO kent geen instelling met dit nummer", await onbekend.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("10 tekens", await (await client.PostJsonAsync("/api/v1/beheer/partners", Partner("123"))).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // DUO away: nothing saved, and the reason says so.
        omgeving.DuoStoring = true;
        try
        {
            var weg = await client.PostJsonAsync("/api/v1/beheer/partners", Partner(DuoSimulator.Instellingen[2].Instellingsnummer));
            Assert.Equal(HttpStatusCode.BadRequest, weg.StatusCode);
            Assert.Contains("DUO is nu niet bereikbaar", await weg.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            omgeving.DuoStoring = false;
        }

        var goed = await client.PostJsonAsync("/api/v1/beheer/partners", Partner(DuoSimulator.Instellingen[2].Instellingsnummer));
        Assert.Equal(HttpStatusCode.Created, goed.StatusCode);
        Assert.Equal(DuoSimulator.Instellingen[2].Instellingsnummer, (await goed.LeesAsync())["duoInstellingsnummer"]!.GetValue<string>());
    }

    private async Task<int> SynchroniseerAsync()
    {
        using var scope = omgeving.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DuoContactpersonen>().SynchroniseerAsync();
    }

    private static async Task<HttpResponseMessage> AanmeldenAsync(HttpClient client, IHtmlDocument pagina, int medewerker, string telefoon)
    {
        var waarde = medewerker.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var form = pagina.QuerySelectorAll("form[action$='handler=Aanmelden']").Single(f => f.QuerySelector("input[name=MedewerkerId]")!.GetAttribute("value") == waarde);
        return await client.PostAsync("/beheer/duo/contactpersonen?handler=Aanmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form), ["MedewerkerId"] = waarde, ["Telefoon"] = telefoon,
        }));
    }

    private static async Task<IHtmlDocument> PaginaAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static string Token(AngleSharp.Dom.IElement form) => form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}

public sealed class SqliteDuoAanbodContactpersoonTests(DuoSqliteOmgeving omgeving) : DuoAanbodContactpersoonTests(omgeving), IClassFixture<DuoSqliteOmgeving>;

public sealed class PostgresDuoAanbodContactpersoonTests(DuoPostgresOmgeving omgeving) : DuoAanbodContactpersoonTests(omgeving), IClassFixture<DuoPostgresOmgeving>;

using System.Net;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Welzijn;

/// <summary>
/// Mental well-being on a case (issue #22): the screening at the brede intake, the re-check due after a voortgangsgesprek
/// (worklist), referrals to health care with their status flow and follow-up date, the inburgeraar's own referrals in the
/// portal, and need-to-know: another municipality, the beleidsmedewerker and a chain partner see nothing. The audit
/// names what was done, never the signal or a free text. The clock stands on 16 June 2026; cases are in GM1724.
/// </summary>
public abstract class WelzijnTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();
    private static int _volgnummer;

    private async Task<Guid> DossierAsync()
    {
        var invoer = Testdata.Inburgeraar(bsn: Testdata.NieuwBsn(), koppelingsdatum: "2025-11-03");
        invoer["achternaam"] = "Welzijn" + Interlocked.Increment(ref _volgnummer);
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.LeesAsync())["id"]!.GetValue<string>());
    }

    private Guid GehoudenGesprek(Guid id, DateOnly datum) => factory.MetDatabase(db =>
    {
        var g = new Voortgangsgesprek { Id = Guid.NewGuid(), InburgeraarId = id, GeplandOp = datum, Volgnummer = 1, Status = Gespreksstatus.Gehouden, Datum = datum, VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test" };
        db.Add(g);
        db.SaveChanges();
        return g.Id;
    });

    private static object Signaal(string datum = "2026-06-10") => new
    {
        moment = "bredeIntake", signaal = "ja", soort = "trauma", ernst = "matig", bron = "eigenMelding", datum, toelichting = "Slaapt slecht sinds de vlucht",
    };

    [Fact]
    public async Task Screening_wordt_bewaard_en_gelogd_zonder_inhoud()
    {
        var id = await DossierAsync();
        var r = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/screenings", Signaal());
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var stand = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/welzijn")).LeesAsync();
        var s = stand["screenings"]!.AsArray().Single()!;
        Assert.Equal(("ja", "trauma", "matig", "eigenMelding", "2026-06-10"),
            (s["signaal"]!.GetValue<string>(), s["soort"]!.GetValue<string>(), s["ernst"]!.GetValue<string>(), s["bron"]!.GetValue<string>(), s["datum"]!.GetValue<string>()));

        var audit = factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id).Select(a => a.Omschrijving).ToList());
        Assert.Contains("Welzijnsscreening vastgelegd (brede intake, 10 jun 2026)", audit);
        Assert.Contains("API: welzijn opgevraagd", audit);
        Assert.DoesNotContain(audit, a => a.Contains("trauma", StringComparison.OrdinalIgnoreCase) || a.Contains("slaapt", StringComparison.OrdinalIgnoreCase));

        // The page shows it in the table.
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/welzijn"));
        Assert.Contains("Trauma", pagina.GetElementById("screeningtabel")!.TextContent);
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id).Select(a => a.Omschrijving).ToList()), a => a == "Scherm: welzijn bekeken");
    }

    [Fact]
    public async Task Foute_screening_wordt_per_veld_geweigerd_en_niets_bewaard()
    {
        var id = await DossierAsync();
        var r = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/screenings", new { moment = "voortgangsgesprek", signaal = "ja", datum = "2026-07-01" });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var errors = (await r.LeesAsync())["errors"]!;
        Assert.Contains("voortgangsgesprek", errors["voortgangsgesprek"]![0]!.GetValue<string>());
        Assert.Contains("soort", errors["soort"]![0]!.GetValue<string>());
        Assert.Contains("ernst", errors["ernst"]![0]!.GetValue<string>());
        Assert.Contains("bron", errors["bron"]![0]!.GetValue<string>());
        Assert.Contains("toekomst", errors["datum"]![0]!.GetValue<string>());
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Welzijnsscreening>().Count(s => s.InburgeraarId == id)));

        // The page puts the message at the field and keeps nothing.
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/welzijn"));
        var token = pagina.QuerySelector("#screeningformulier input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fout = new HtmlParser().ParseDocument(await (await _client.PostAsync($"/inburgeraars/{id}/welzijn/screening", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Screening.Moment"] = "BredeIntake", ["Screening.Signaal"] = "Ja", ["Screening.Datum"] = "2026-06-10", ["__RequestVerificationToken"] = token,
        }))).Content.ReadAsStringAsync());
        Assert.Contains("Kies de ernst", fout.GetElementById("foutsamenvatting")!.TextContent);
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Welzijnsscreening>().Count(s => s.InburgeraarId == id)));
    }

    [Fact]
    public async Task Hercheck_staat_op_de_werkvoorraad_na_een_voortgangsgesprek_en_verdwijnt_na_screening()
    {
        var id = await DossierAsync();
        await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/screenings", Signaal("2026-05-01"));
        async Task<bool> OpenAsync() => (await (await _client.GetAsync("/api/v1/welzijn/open?gemeente=GM1724")).LeesAsync()).AsArray()
            .Any(o => o!["inburgeraarId"]!.GetValue<string>() == id.ToString() && o["soort"]!.GetValue<string>() == "Hercheck welzijn");
        Assert.False(await OpenAsync());

        var gesprek = GehoudenGesprek(id, new DateOnly(2026, 6, 1));
        Assert.True(await OpenAsync());
        var werkvoorraad = new HtmlParser().ParseDocument(await _client.GetStringAsync("/werkvoorraad?gemeente=GM1724"));
        Assert.Contains(werkvoorraad.GetElementById("welzijn")!.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/inburgeraars/{id}/welzijn#screening");
        // The worklist line never names the signal.
        Assert.DoesNotContain("trauma", werkvoorraad.GetElementById("welzijn")!.TextContent, StringComparison.OrdinalIgnoreCase);
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/welzijn"));
        Assert.NotNull(pagina.GetElementById("hercheck"));

        var r = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/screenings", new { moment = "voortgangsgesprek", voortgangsgesprek = gesprek, signaal = "nee" });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        Assert.False(await OpenAsync());
        Assert.Equal(new DateOnly(2026, 6, 1), factory.MetDatabase(db => db.Set<Welzijnsscreening>().Single(s => s.InburgeraarId == id && s.Moment == Screeningsmoment.Voortgangsgesprek).Datum));
    }

    [Fact]
    public async Task Verwijzing_doorloopt_de_statussen_en_opvolging_staat_op_de_werkvoorraad()
    {
        var id = await DossierAsync();
        var r = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/verwijzingen", new { naar = "traumazorg", zorgaanbieder = "Stichting Papili", aangemeldOp = "2026-05-01", opvolgdatum = "2026-06-01" });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var vid = (await r.LeesAsync())["id"]!.GetValue<string>();
        async Task<bool> OpvolgenAsync() => (await (await _client.GetAsync("/api/v1/welzijn/open?gemeente=GM1724")).LeesAsync()).AsArray()
            .Any(o => o!["verwijzing"]?.GetValue<string>() == vid);
        Assert.True(await OpvolgenAsync());

        // Not allowed: straight to afgerond; stopping without a reason; a date before the referral.
        var fout = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/verwijzingen/{vid}/status", new { status = "afgerond", datum = "2026-06-02" });
        Assert.Contains("Zorg gestart", (await fout.LeesAsync())["errors"]!["status"]![0]!.GetValue<string>());
        var zonderReden = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/verwijzingen/{vid}/status", new { status = "gestopt", datum = "2026-04-01" });
        var errors = (await zonderReden.LeesAsync())["errors"]!;
        Assert.Contains("reden", errors["reden"]![0]!.GetValue<string>());
        Assert.Contains("vóór", errors["datum"]![0]!.GetValue<string>());
        Assert.Equal(Zorgstatus.Aangemeld, factory.MetDatabase(db => db.Set<Zorgverwijzing>().Single(v => v.InburgeraarId == id).Status));

        var gestart = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/verwijzingen/{vid}/status", new { status = "zorgGestart", datum = "2026-06-02", opvolgdatum = "2026-09-01" });
        Assert.Equal(HttpStatusCode.OK, gestart.StatusCode);
        Assert.False(await OpvolgenAsync());
        var stand = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/welzijn")).LeesAsync();
        var v = stand["verwijzingen"]!.AsArray().Single()!;
        Assert.Equal(("zorgGestart", "2026-06-02", "2026-09-01"), (v["status"]!.GetValue<string>(), v["zorgGestartOp"]!.GetValue<string>(), v["opvolgdatum"]!.GetValue<string>()));
        Assert.Equal(["afgerond", "gestopt"], v["volgende"]!.AsArray().Select(x => x!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/verwijzingen/{vid}/status", new { status = "afgerond", datum = "2026-06-15" })).StatusCode);
        var klaar = factory.MetDatabase(db => db.Set<Zorgverwijzing>().Single(x => x.InburgeraarId == id));
        Assert.Equal((Zorgstatus.Afgerond, new DateOnly(2026, 6, 15), (DateOnly?)null), (klaar.Status, klaar.BeeindigdOp!.Value, klaar.Opvolgdatum));
        var audit = factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id && a.Omschrijving.StartsWith("Zorgverwijzing")).Select(a => a.Omschrijving).ToList());
        Assert.Equal(3, audit.Count);
        Assert.DoesNotContain(audit, a => a.Contains("Papili", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Andere_gemeente_beleidsmedewerker_en_partner_zien_niets()
    {
        var id = await DossierAsync();
        await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/screenings", Signaal());
        var weert = factory.ClientAls("fleur.hendriks@weert.example");
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/api/v1/inburgeraars/{id}/welzijn")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/inburgeraars/{id}/welzijn")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/screenings", Signaal())).StatusCode);
        Assert.DoesNotContain((await (await weert.GetAsync("/api/v1/welzijn/open")).LeesAsync()).AsArray(), o => o!["inburgeraarId"]!.GetValue<string>() == id.ToString());
        Assert.Equal(1, factory.MetDatabase(db => db.Set<Welzijnsscreening>().Count(s => s.InburgeraarId == id)));

        var beleid = factory.ClientAls("beleid@kempen.example", volgRedirects: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await beleid.GetAsync($"/api/v1/inburgeraars/{id}/welzijn")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await beleid.GetAsync("/api/v1/welzijn/open")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await beleid.GetAsync($"/inburgeraars/{id}/welzijn")).StatusCode);
        var partner = factory.ClientAls("partner@taalschool.example", volgRedirects: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/v1/inburgeraars/{id}/welzijn")).StatusCode);
    }

    [Fact]
    public async Task De_inburgeraar_ziet_de_eigen_verwijzingen_in_het_portaal()
    {
        var id = await DossierAsync();
        await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/screenings", Signaal());
        await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/verwijzingen", new { naar = "pohGgz", aangemeldOp = "2026-06-11" });
        var email = $"inburgeraar-welzijn{Interlocked.Increment(ref _volgnummer)}-{Guid.NewGuid():N}@demo.example";
        factory.MetDatabase(db =>
        {
            using var scope = factory.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Gebruiker>>();
            var gebruiker = new Gebruiker { UserName = email, Email = email, Weergavenaam = "Inburgeraar", InburgeraarId = id };
            Assert.True(users.CreateAsync(gebruiker).GetAwaiter().GetResult().Succeeded);
            return users.AddToRoleAsync(gebruiker, Rollen.Inburgeraar).GetAwaiter().GetResult();
        });
        var client = factory.ClientAls(email);

        var nl = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn/welzijn?taal=nl"));
        Assert.Equal("Mijn verwijzingen naar zorg", nl.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Praktijkondersteuner GGZ bij de huisarts", nl.GetElementById("verwijzingen")!.TextContent);
        var en = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn/welzijn?taal=en"));
        Assert.Equal("My referrals to care", en.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Registered", en.GetElementById("verwijzingen")!.TextContent);
        // The screening (signal, kind) is not shown to the inburgeraar.
        Assert.DoesNotContain("rauma", en.Body!.TextContent, StringComparison.Ordinal);

        var api = (await (await client.GetAsync("/api/v1/mijn/zorgverwijzingen")).LeesAsync()).AsArray();
        Assert.Equal("pohGgz", api.Single()!["naar"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/inburgeraars/{id}/welzijn")).StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
            ? HttpStatusCode.NotFound : HttpStatusCode.OK);
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id).Select(a => a.Omschrijving).ToList()), a => a == "Portaal: eigen zorgverwijzingen bekeken");
    }

    [Fact]
    public async Task Nog_niet_startklaar_komt_op_de_werkvoorraad_na_de_termijn_en_verdwijnt_als_startklaar()
    {
        var id = await DossierAsync();
        var standaard = await (await _client.GetAsync("/api/v1/beheer/welzijn/GM1724")).LeesAsync();
        Assert.Equal(12, standaard["herbenaderWeken"]!.GetValue<int>());
        Assert.Contains("Psychische klachten", standaard["redenen"]!.AsArray().Select(r => r!.GetValue<string>()));

        var fout = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/niet-startklaar", new { redenen = new[] { "Heimwee" }, datum = "2026-03-01" });
        Assert.Contains("geen reden van gemeente", (await fout.LeesAsync())["errors"]!["redenen"]![0]!.GetValue<string>());
        Assert.Equal(0, factory.MetDatabase(db => db.Set<NietStartklaar>().Count(n => n.InburgeraarId == id)));

        var r = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/niet-startklaar",
            new { redenen = new[] { "Psychische klachten", "Zorgen rondom gezinshereniging" }, datum = "2026-04-01" });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        // Twelve weeks after 1 April: 24 June, not yet due on 16 June.
        Assert.Equal(new DateOnly(2026, 6, 24), factory.MetDatabase(db => db.Set<NietStartklaar>().Single(n => n.InburgeraarId == id).Herbenaderdatum));
        async Task<bool> OpenAsync() => (await (await _client.GetAsync("/api/v1/welzijn/open?gemeente=GM1724")).LeesAsync()).AsArray()
            .Any(o => o!["inburgeraarId"]!.GetValue<string>() == id.ToString() && o["soort"]!.GetValue<string>().StartsWith("Herbenaderen", StringComparison.Ordinal));
        Assert.False(await OpenAsync());

        // A new registration with an earlier recontact date replaces the open one and is due.
        await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/niet-startklaar", new { redenen = new[] { "Werk" }, datum = "2026-04-02", herbenaderdatum = "2026-06-01" });
        Assert.True(await OpenAsync());
        Assert.Equal(1, factory.MetDatabase(db => db.Set<NietStartklaar>().Count(n => n.InburgeraarId == id && n.AfgehandeldOp == null)));
        var werkvoorraad = new HtmlParser().ParseDocument(await _client.GetStringAsync("/werkvoorraad?gemeente=GM1724"));
        Assert.Contains(werkvoorraad.GetElementById("welzijn")!.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/inburgeraars/{id}/welzijn#startklaar");
        Assert.DoesNotContain("Psychische", werkvoorraad.GetElementById("welzijn")!.TextContent, StringComparison.Ordinal);
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/welzijn"));
        Assert.Contains("Werk", pagina.GetElementById("open-startklaar")!.TextContent);

        Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/startklaar", new { datum = "2026-06-16" })).StatusCode);
        Assert.False(await OpenAsync());
        var audit = factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id).Select(a => a.Omschrijving).ToList());
        Assert.Contains("Nog niet startklaar vastgelegd, herbenaderen op 24 jun 2026", audit);
        Assert.DoesNotContain(audit, a => a.Contains("Psychische", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Beheer_stelt_redenen_en_termijn_per_gemeente_in()
    {
        var leeg = await _client.PutJsonAsync("/api/v1/beheer/welzijn/GM1728", new { redenen = new[] { " " }, herbenaderWeken = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, leeg.StatusCode);
        var errors = (await leeg.LeesAsync())["errors"]!;
        Assert.Contains("ten minste één reden", errors["redenen"]![0]!.GetValue<string>());
        Assert.Contains("1 tot en met 52", errors["herbenaderWeken"]![0]!.GetValue<string>());
        Assert.True((await (await _client.GetAsync("/api/v1/beheer/welzijn/GM1728")).LeesAsync())["standaard"]!.GetValue<bool>());

        var ok = await _client.PutJsonAsync("/api/v1/beheer/welzijn/GM1728", new { redenen = new[] { "Psychische klachten", "Mantelzorg" }, herbenaderWeken = 8 });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync("/beheer/welzijn?gemeente=GM1728"));
        Assert.Equal("Mantelzorg", pagina.GetElementById("reden-1")!.GetAttribute("value"));
        Assert.Equal("8", pagina.QuerySelector("input[name='Invoer.HerbenaderWeken']")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("sanne.devries@kempen.example").GetAsync("/api/v1/beheer/welzijn/GM1728")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PutJsonAsync("/api/v1/beheer/welzijn/GM0988", new { redenen = new[] { "a" }, herbenaderWeken = 4 })).StatusCode);
    }
}

public sealed class SqliteWelzijnTests(SqliteFactory factory) : WelzijnTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresWelzijnTests(PostgresFactory factory) : WelzijnTests(factory), IClassFixture<PostgresFactory>;

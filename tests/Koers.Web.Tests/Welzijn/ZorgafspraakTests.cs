using System.Net;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Welzijn;

/// <summary>
/// Issue #22, the portal part of a health referral: the klantregisseur records the appointment with the care provider
/// (date, time, place) on the Welzijn tab or through the API; the inburgeraar sees the upcoming appointment on
/// /mijn/welzijn in the portal's languages, nobody else's; a refused appointment keeps what was typed, with the message at
/// its field. The clock stands on 16 June 2026; cases are in GM1724.
/// </summary>
public abstract class ZorgafspraakTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();
    private static int _volgnummer;
    private const string Plaats = "Praktijk Zuid, Hoofdstraat 3";

    private async Task<(Guid Dossier, Guid Verwijzing)> VerwijzingAsync()
    {
        var invoer = Testdata.Inburgeraar(bsn: Testdata.NieuwBsn(), koppelingsdatum: "2025-11-03");
        invoer["achternaam"] = "Afspraak" + Interlocked.Increment(ref _volgnummer);
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = Guid.Parse((await response.LeesAsync())["id"]!.GetValue<string>());
        var v = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/verwijzingen", new { naar = "pohGgz", zorgaanbieder = "Huisarts Zuid", aangemeldOp = "2026-06-11" });
        Assert.Equal(HttpStatusCode.Created, v.StatusCode);
        return (id, Guid.Parse((await v.LeesAsync())["id"]!.GetValue<string>()));
    }

    private HttpClient Inburgeraar(Guid id)
    {
        var email = $"inburgeraar-afspraak{Interlocked.Increment(ref _volgnummer)}-{Guid.NewGuid():N}@demo.example";
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

    private async Task<HttpResponseMessage> PostAfspraakAsync(Guid id, Guid verwijzing, string datum, string tijd, string plaats)
    {
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/welzijn"));
        var formulier = pagina.QuerySelector($"form[data-afspraakformulier='{verwijzing}']")!;
        var token = formulier.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await _client.PostAsync($"/inburgeraars/{id}/welzijn?handler=Afspraak", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["VerwijzingId"] = verwijzing.ToString(), ["Afspraak.Datum"] = datum, ["Afspraak.Tijd"] = tijd, ["Afspraak.Plaats"] = plaats,
        }));
    }

    [Fact]
    public async Task Klantregisseur_legt_de_afspraak_vast_en_de_inburgeraar_ziet_hem_in_het_portaal_een_ander_niet()
    {
        var (id, verwijzing) = await VerwijzingAsync();
        var (ander, _) = await VerwijzingAsync();
        var r = await PostAfspraakAsync(id, verwijzing, "2026-06-25", "10:30", Plaats);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var v = factory.MetDatabase(db => db.Set<Zorgverwijzing>().Single(x => x.Id == verwijzing));
        Assert.Equal((new DateOnly(2026, 6, 25), (TimeOnly?)new TimeOnly(10, 30), Plaats), (v.AfspraakDatum!.Value, v.AfspraakTijd, v.AfspraakPlaats));
        var tab = new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
        Assert.Contains("25 jun 2026 om 10:30", tab.QuerySelector($"article[data-verwijzing='{verwijzing}'] [data-afspraak]")!.TextContent);

        // Audited with the date, never the place.
        var audit = factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id).Select(a => a.Omschrijving).ToList());
        Assert.Contains("Zorgverwijzing: afspraak vastgelegd op 25 jun 2026 om 10:30", audit);
        Assert.DoesNotContain(audit, a => a.Contains("Hoofdstraat", StringComparison.Ordinal));

        var client = Inburgeraar(id);
        var nl = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn/welzijn?taal=nl"));
        var regel = nl.QuerySelector("#verwijzingen [data-afspraak]")!.TextContent;
        Assert.Contains("U heeft een afspraak op 25 juni 2026 om 10:30", regel);
        Assert.Contains(Plaats, regel);
        var en = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn/welzijn?taal=en"));
        Assert.Contains("You have an appointment on 25 June 2026 at 10:30", en.QuerySelector("#verwijzingen [data-afspraak]")!.TextContent);
        foreach (var taal in new[] { "ar", "fa", "ti", "tr", "uk" })
        {
            var doc = new HtmlParser().ParseDocument(await client.GetStringAsync($"/mijn/welzijn?taal={taal}"));
            var t = doc.QuerySelector("#verwijzingen [data-afspraak]")!.TextContent;
            Assert.Contains("10:30", t);
            Assert.DoesNotContain("U heeft een afspraak", t, StringComparison.Ordinal);
        }

        var api = (await (await client.GetAsync("/api/v1/mijn/zorgverwijzingen")).LeesAsync()).AsArray().Single()!;
        Assert.Equal(("2026-06-25", "10:30:00", Plaats), (api["afspraakDatum"]!.GetValue<string>(), api["afspraakTijd"]!.GetValue<string>(), api["afspraakPlaats"]!.GetValue<string>()));

        // The other inburgeraar has a referral of their own, without an appointment, and sees none of this one.
        var andere = Inburgeraar(ander);
        var anderPagina = await andere.GetStringAsync("/mijn/welzijn?taal=nl");
        Assert.DoesNotContain("afspraak op", anderPagina, StringComparison.Ordinal);
        Assert.DoesNotContain("Hoofdstraat", anderPagina, StringComparison.Ordinal);
        Assert.Null((await (await andere.GetAsync("/api/v1/mijn/zorgverwijzingen")).LeesAsync()).AsArray().Single()!["afspraakDatum"]);

        // Another region's klantregisseur cannot set it.
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientAls("fleur.hendriks@weert.example")
            .PutJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/verwijzingen/{verwijzing}/afspraak", new { datum = "2026-06-30" })).StatusCode);

        // Ended: the appointment is no longer shown in the portal.
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/verwijzingen/{verwijzing}/status", new { status = "gestopt", datum = "2026-06-16", reden = "Verhuisd" })).StatusCode);
        Assert.Null(new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn/welzijn?taal=nl")).QuerySelector("#verwijzingen [data-afspraak]"));
    }

    [Fact]
    public async Task De_demo_inburgeraar_ziet_een_komende_afspraak_bij_de_praktijkondersteuner()
    {
        var doc = new HtmlParser().ParseDocument(await factory.ClientAls("inburgeraar@demo.example").GetStringAsync("/mijn/welzijn?taal=nl"));
        var regel = doc.QuerySelector("#verwijzingen [data-afspraak]")!.TextContent;
        Assert.Contains("U heeft een afspraak op 22 juni 2026 om 14:00", regel);
        Assert.Contains("Huisartsenpraktijk De Kempen", regel);
    }

    [Fact]
    public async Task Een_afspraak_voor_de_aanmelding_wordt_geweigerd_bij_het_veld_en_wat_getypt_is_blijft_staan()
    {
        var (id, verwijzing) = await VerwijzingAsync();
        var r = await PostAfspraakAsync(id, verwijzing, "2026-06-01", "09:15", Plaats);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
        var formulier = doc.QuerySelector($"form[data-afspraakformulier='{verwijzing}']")!;
        Assert.Equal("De afspraak ligt vóór de aanmelding (11 jun 2026).", formulier.QuerySelector("#Afspraak_Datum-fout")!.TextContent.Trim());
        Assert.Equal("true", formulier.QuerySelector("#Afspraak_Datum")!.GetAttribute("aria-invalid"));
        Assert.Equal("2026-06-01", formulier.QuerySelector("#Afspraak_Datum")!.GetAttribute("value"));
        Assert.Equal("09:15", formulier.QuerySelector("#Afspraak_Tijd")!.GetAttribute("value"));
        Assert.Equal(Plaats, formulier.QuerySelector("#Afspraak_Plaats")!.GetAttribute("value"));
        Assert.Null(factory.MetDatabase(db => db.Set<Zorgverwijzing>().Single(x => x.Id == verwijzing).AfspraakDatum));

        // A time or place without a date, and a year typed wrong: refused through the API too, with Dutch messages.
        var zonderDatum = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/verwijzingen/{verwijzing}/afspraak", new { tijd = "09:15", plaats = Plaats });
        Assert.Equal(HttpStatusCode.BadRequest, zonderDatum.StatusCode);
        Assert.Contains("Vul de datum van de afspraak in.", (await zonderDatum.LeesAsync())["errors"]!.ToJsonString());
        var verVooruit = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/verwijzingen/{verwijzing}/afspraak", new { datum = "2062-06-25" });
        Assert.Contains("Klopt het jaartal?", (await verVooruit.LeesAsync())["errors"]!.ToJsonString());
        Assert.Null(factory.MetDatabase(db => db.Set<Zorgverwijzing>().Single(x => x.Id == verwijzing).AfspraakDatum));

        // Set by the API, then removed with all fields empty.
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/verwijzingen/{verwijzing}/afspraak", new { datum = "2026-06-20" })).StatusCode);
        Assert.Equal("2026-06-20", (await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/welzijn")).LeesAsync())["verwijzingen"]![0]!["afspraakDatum"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/welzijn/verwijzingen/{verwijzing}/afspraak", new { })).StatusCode);
        Assert.Null(factory.MetDatabase(db => db.Set<Zorgverwijzing>().Single(x => x.Id == verwijzing).AfspraakDatum));
        Assert.Contains("Zorgverwijzing: afspraak verwijderd", factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == id).Select(a => a.Omschrijving).ToList()));
    }
}

public sealed class SqliteZorgafspraakTests(SqliteFactory factory) : ZorgafspraakTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresZorgafspraakTests(PostgresFactory factory) : ZorgafspraakTests(factory), IClassFixture<PostgresFactory>;

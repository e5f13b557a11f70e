using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Data.Model.Brp;
using Koers.Domain.Dossier;
using Koers.Web.Features.Brp;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Brp;

/// <summary>Koers with the BRP stand-in wired in-process: BrpClient goes through the test server to /brp-simulator.</summary>
public abstract class BrpOmgeving(KoersFactory basis) : KoppelingOmgeving(basis, (b, handler) =>
{
    b.UseSetting("Brp:BaseUrl", "http://localhost" + BrpSimulator.Pad);
    b.UseSetting("Brp:ApiKey", "brp-test-sleutel");
    b.ConfigureTestServices(s => s.AddHttpClient<BrpClient>().ConfigurePrimaryHttpMessageHandler(handler));
})
{
    public BrpSimulator Sim => App.Services.GetRequiredService<BrpSimulator>();
}

public sealed class BrpSqliteOmgeving() : BrpOmgeving(new SqliteFactory());

public sealed class BrpPostgresOmgeving() : BrpOmgeving(new PostgresFactory());

/// <summary>
/// The BRP link over HTTP from outside: lookup and confirmation on the case page and the API, access, audit, the
/// periodic check's signals on the worklist and the case, and no BSN in addresses or logs.
/// </summary>
public abstract class BrpTests(BrpOmgeving omgeving)
{
    private const string Sanne = "sanne.devries@kempen.example";

    private async Task<(string Id, string Bsn)> DossierAsync(string? koppeling = "2026-03-02")
    {
        var bsn = Testdata.NieuwBsn();
        var r = await omgeving.Als().PostJsonAsync("/api/v1/koppelingen", Testdata.Inburgeraar(bsn: bsn, koppelingsdatum: koppeling));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return ((await r.LeesAsync())["id"]!.GetValue<string>(), bsn);
    }

    private static string Token(AngleSharp.Html.Dom.IHtmlDocument doc, string form) =>
        doc.QuerySelector($"{form} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    [Fact]
    public async Task Ophalen_op_de_pagina_toont_de_BRP_en_bevestigen_vult_de_mijlpaal()
    {
        var (id, bsn) = await DossierAsync();
        var p = omgeving.Sim.Persoon(bsn)!;
        p.Voornamen = "Testa Maria";
        p.DatumInschrijving = new DateOnly(2026, 4, 14);
        p.Gezin.Add(("Samuel", "Proefpersoon", new DateOnly(1988, 1, 2), true));
        var client = omgeving.Als(Sanne, volgRedirects: false);
        var pagina = await client.GetAsync($"/inburgeraars/{id}/brp");
        Assert.Equal(HttpStatusCode.OK, pagina.StatusCode);
        var doc = new HtmlParser().ParseDocument(await pagina.Content.ReadAsStringAsync());
        Assert.Null(doc.GetElementById("vergelijking")); // opening the page asks the BRP nothing

        var antwoord = await client.PostAsync($"/inburgeraars/{id}/brp?handler=Raadplegen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc, "form"),
        }));
        var html = await antwoord.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        doc = new HtmlParser().ParseDocument(html);
        Assert.Contains("Testa Maria", doc.GetElementById("vergelijking")!.TextContent);
        Assert.Contains("14 apr 2026", doc.GetElementById("brp-inschrijving")!.TextContent);
        Assert.Contains("Samuel Proefpersoon (partner", html);
        Assert.Equal(BrpOpties_Doel(), omgeving.Sim.LaatsteDoelbinding);
        // Shown, not saved.
        Assert.Null(omgeving.Db(db => db.Mijlpalen.FirstOrDefault(m => m.InburgeraarId == Guid.Parse(id) && m.Soort == Mijlpaal.BrpInschrijving)));
        Assert.Equal("Testa", omgeving.Db(db => db.Inburgeraars.Single(i => i.Id == Guid.Parse(id)).Voornamen));

        var bevestig = await client.PostAsync($"/inburgeraars/{id}/brp?handler=Overnemen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc, "form[action$=Overnemen]"),
            ["versie"] = doc.QuerySelector("input[name=versie]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.Redirect, bevestig.StatusCode);
        Assert.Equal(new DateOnly(2026, 4, 14), omgeving.Db(db => db.Mijlpalen.Single(m => m.InburgeraarId == Guid.Parse(id) && m.Soort == Mijlpaal.BrpInschrijving).Datum));
        var dossier = omgeving.Db(db => db.Inburgeraars.Include(i => i.Gezinsleden).Single(i => i.Id == Guid.Parse(id)));
        Assert.Equal("Testa Maria", dossier.Voornamen);
        Assert.Contains(dossier.Gezinsleden, g => g.Naam == "Samuel Proefpersoon" && g.Relatie == "partner");
        Assert.Equal(Fase.Gevestigd, dossier.Fase);

        // Audited: who, which case, purpose, outcome, and never the BSN.
        var audit = omgeving.Db(db => db.Audit.AsNoTracking().Where(a => a.InburgeraarId == Guid.Parse(id) && a.Doel == BrpService.AuditDoelRegistratie).ToList());
        Assert.Equal(2, audit.Count(a => a.Actie == AuditActie.Inzien && a.Gebruiker == Sanne)); // shown, and asked again on confirming
        Assert.Contains(audit, a => a.Actie == AuditActie.Wijzigen && a.Omschrijving.Contains("inschrijving BRP", StringComparison.Ordinal));
        Assert.All(audit, a => Assert.DoesNotContain(bsn, a.Omschrijving, StringComparison.Ordinal));
        Assert.DoesNotContain(omgeving.Basis.Logs.Regels, r => r.Contains(bsn, StringComparison.Ordinal));
    }

    private string BrpOpties_Doel() => omgeving.App.Services.GetRequiredService<BrpOpties>().DoelRegistratie;

    [Fact]
    public async Task Bevestigen_neemt_niets_over_als_de_BRP_intussen_iets_anders_zegt()
    {
        var (id, bsn) = await DossierAsync();
        var client = omgeving.Als(Sanne);
        var gezien = await (await client.PostAsync($"/api/v1/inburgeraars/{id}/brp/raadplegen", null)).LeesAsync();
        omgeving.Sim.Persoon(bsn)!.Geslachtsnaam = "Anders";
        var r = await client.PostJsonAsync($"/api/v1/inburgeraars/{id}/brp/overnemen", new { versie = gezien["versie"]!.GetValue<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("andere gegevens", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Proefpersoon", omgeving.Db(db => db.Inburgeraars.Single(i => i.Id == Guid.Parse(id)).Achternaam));
    }

    [Fact]
    public async Task Niet_gevonden_en_onbereikbaar_geven_een_Nederlandse_melding_en_wijzigen_niets()
    {
        var (id, bsn) = await DossierAsync();
        var client = omgeving.Als(Sanne);
        omgeving.Sim.MaakOnbekend(bsn);
        var r = await client.PostAsync($"/api/v1/inburgeraars/{id}/brp/raadplegen", null);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("niet gevonden in de BRP", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (id2, _) = await DossierAsync();
        omgeving.Sim.Storing = true;
        try
        {
            r = await client.PostAsync($"/api/v1/inburgeraars/{id2}/brp/raadplegen", null);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("niet bereikbaar", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            omgeving.Sim.Storing = false;
        }

        Assert.Contains(omgeving.Db(db => db.Audit.Where(a => a.InburgeraarId == Guid.Parse(id2) && a.Doel == BrpService.AuditDoelRegistratie).Select(a => a.Omschrijving).ToList()),
            o => o.EndsWith("uitkomst: mislukt", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fleur.hendriks@weert.example", HttpStatusCode.NotFound)]
    [InlineData("partner@taalschool.example", HttpStatusCode.Forbidden)]
    [InlineData("beleid@kempen.example", HttpStatusCode.Forbidden)]
    public async Task Een_ander_dan_de_eigen_klantregisseur_of_teamleider_mag_de_BRP_niet_raadplegen(string email, HttpStatusCode verwacht)
    {
        var (id, _) = await DossierAsync();
        var vraag = omgeving.Sim.LaatsteVraag;
        var client = omgeving.Als(email);
        Assert.Equal(verwacht, (await client.PostAsync($"/api/v1/inburgeraars/{id}/brp/raadplegen", null)).StatusCode);
        Assert.Equal(verwacht, (await client.PostJsonAsync($"/api/v1/inburgeraars/{id}/brp/overnemen", new { versie = "x" })).StatusCode);
        var registratie = await client.PostJsonAsync("/api/v1/brp/registratie/raadplegen", new { bsn = "999880007", gemeente = "GM1724" });
        Assert.Equal(verwacht, registratie.StatusCode);
        Assert.Same(vraag, omgeving.Sim.LaatsteVraag); // the BRP was not asked
        Assert.Empty(omgeving.Db(db => db.Audit.Where(a => a.Gebruiker == email && a.Doel == BrpService.AuditDoelRegistratie).ToList()));
    }


    /// <summary>All named fields of the page's main form as the browser would send them (inputs and selected options).</summary>
    private static Dictionary<string, string> Formulier(AngleSharp.Html.Dom.IHtmlDocument doc)
    {
        var velden = new Dictionary<string, string>();
        foreach (var e in doc.QuerySelectorAll("form.utrecht-form input[name]"))
        {
            if (e.GetAttribute("type") == "checkbox" && !e.HasAttribute("checked")) continue;
            velden[e.GetAttribute("name")!] = e.GetAttribute("value") ?? string.Empty;
        }

        foreach (var select in doc.QuerySelectorAll("form.utrecht-form select[name]"))
        {
            velden[select.GetAttribute("name")!] = select.QuerySelector("option[selected]")?.GetAttribute("value") ?? string.Empty;
        }

        return velden;
    }

    [Fact]
    public async Task Bij_de_COA_koppeling_ophalen_en_bevestigen_vult_het_formulier_en_bij_opslaan_de_mijlpaal()
    {
        const string bsn = "999880007";
        int Vragen() => omgeving.Db(db => db.Audit.Count(a => a.Gebruiker == Sanne && a.InburgeraarId == null && a.Doel == BrpService.AuditDoelRegistratie));
        var vragenVoor = Vragen();
        var client = omgeving.Als(Sanne, volgRedirects: false);
        var doc = new HtmlParser().ParseDocument(await (await client.GetAsync("/inburgeraars/nieuw?bron=coa")).Content.ReadAsStringAsync());
        var velden = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc, "form.utrecht-form"),
            ["bron"] = "coa",
            ["Invoer.Bsn"] = bsn,
            ["Invoer.Gemeente"] = "GM1724",
            ["Invoer.Nationaliteit"] = "Syrische",
            ["TalenTekst"] = "Arabisch",
            ["Invoer.Doelgroep"] = "Asielstatushouder",
            ["Invoer.Koppelingsdatum"] = "2026-04-01",
        };
        var r = await client.PostAsync("/inburgeraars/nieuw?handler=Brp", new FormUrlEncodedContent(velden));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        doc = new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
        Assert.Contains("Amina Haddad", doc.GetElementById("brp-gegevens")!.TextContent);
        Assert.Contains("Samir Haddad (partner)", doc.GetElementById("brp-gegevens")!.TextContent);
        Assert.Equal("Syrische", doc.QuerySelector("input[name='Invoer.Nationaliteit']")!.GetAttribute("value")); // nothing typed is lost
        Assert.Equal("", doc.QuerySelector("input[name='Invoer.Voornamen']")!.GetAttribute("value") ?? ""); // shown, not yet taken over
        Assert.Empty(omgeving.Db(db => db.InburgeraarsMetBsn(bsn).ToList()));

        velden["__RequestVerificationToken"] = Token(doc, "form.utrecht-form");
        r = await client.PostAsync("/inburgeraars/nieuw?handler=BrpOvernemen", new FormUrlEncodedContent(velden));
        doc = new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
        Assert.NotNull(doc.GetElementById("brp-melding"));
        Assert.Equal("Amina", doc.QuerySelector("input[name='Invoer.Voornamen']")!.GetAttribute("value"));
        Assert.Equal("2026-05-04", doc.QuerySelector("input[name=BrpInschrijving]")!.GetAttribute("value"));
        Assert.Empty(omgeving.Db(db => db.InburgeraarsMetBsn(bsn).ToList())); // still nothing saved

        // Another municipality after taking over: refused, the BRP's date is not saved for it.
        var anders = Formulier(doc);
        anders["Invoer.Gemeente"] = "GM1728";
        var geweigerd = await client.PostAsync("/inburgeraars/nieuw", new FormUrlEncodedContent(anders));
        Assert.Equal(HttpStatusCode.OK, geweigerd.StatusCode);
        Assert.Contains("Haal ze opnieuw op uit de BRP", await geweigerd.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(omgeving.Db(db => db.InburgeraarsMetBsn(bsn).ToList()));

        var opslaan = await client.PostAsync("/inburgeraars/nieuw", new FormUrlEncodedContent(Formulier(doc)));
        Assert.Equal(HttpStatusCode.Redirect, opslaan.StatusCode);
        var dossier = omgeving.Db(db => db.InburgeraarsMetBsn(bsn).Include(i => i.Mijlpalen).Include(i => i.Gezinsleden).Single());
        Assert.Equal("Haddad", dossier.Achternaam);
        Assert.Equal(new DateOnly(2026, 5, 4), dossier.Mijlpalen.Single(m => m.Soort == Mijlpaal.BrpInschrijving).Datum);
        Assert.Equal(new DateOnly(2026, 4, 1), dossier.Mijlpalen.Single(m => m.Soort == Mijlpaal.Koppeling).Datum);
        Assert.Equal(2, dossier.Gezinsleden.Count);
        Assert.Equal(vragenVoor + 2, Vragen()); // asked twice: shown, and again on confirming
    }

    [Fact]
    public async Task Bij_registratie_geeft_een_onbekend_BSN_een_melding_en_blijft_het_formulier_staan()
    {
        var client = omgeving.Als(Sanne, volgRedirects: false);
        var doc = new HtmlParser().ParseDocument(await (await client.GetAsync("/inburgeraars/nieuw")).Content.ReadAsStringAsync());
        omgeving.Sim.MaakOnbekend("999880044");
        var r = await client.PostAsync("/inburgeraars/nieuw?handler=Brp", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc, "form.utrecht-form"),
            ["Invoer.Bsn"] = "999880044",
            ["Invoer.Gemeente"] = "GM1724",
            ["Invoer.Voornamen"] = "Getypt",
        }));
        doc = new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
        Assert.Contains("niet gevonden in de BRP", doc.GetElementById("brp-fout")!.TextContent);
        Assert.Equal("Getypt", doc.QuerySelector("input[name='Invoer.Voornamen']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Bij_registratie_zonder_dossier_alleen_binnen_de_eigen_gemeenten()
    {
        var client = omgeving.Als(Sanne);
        var r = await client.PostJsonAsync("/api/v1/brp/registratie/raadplegen", new { bsn = "999880007", gemeente = "GM1724" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var persoon = await r.LeesAsync();
        Assert.Equal("Haddad", persoon["achternaam"]!.GetValue<string>());
        Assert.Equal(2, persoon["gezinsleden"]!.AsArray().Count);
        Assert.Equal("2026-05-04", persoon["datumInschrijvingInGemeente"]!.GetValue<string>());
        // Weert is not Sanne's: refused as if unknown, and the BRP is not asked.
        var weert = omgeving.Db(db => db.Gemeenten.Where(g => g.Regio!.Naam.Contains("Weert")).Select(g => g.Code).FirstOrDefault());
        if (weert is not null)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostJsonAsync("/api/v1/brp/registratie/raadplegen", new { bsn = "999880007", gemeente = weert })).StatusCode);
        }

        var audit = omgeving.Db(db => db.Audit.Where(a => a.Gebruiker == Sanne && a.InburgeraarId == null && a.Doel == BrpService.AuditDoelRegistratie).Select(a => a.Omschrijving).ToList());
        Assert.Contains(audit, o => o.Contains("bij registratie", StringComparison.Ordinal) && o.EndsWith("uitkomst: gevonden", StringComparison.Ordinal));
        Assert.All(audit, o => Assert.DoesNotMatch(@"\d{9}", o)); // no BSN, of any lookup
    }

    [Fact]
    public async Task De_controle_geeft_een_signaal_bij_verhuizing_en_overlijden_tot_het_is_afgehandeld()
    {
        var (verhuisd, bsnV) = await DossierAsync();
        var (overleden, bsnO) = await DossierAsync();
        var (blijft, bsnB) = await DossierAsync();
        omgeving.Sim.Verhuis(bsnV, "0363", "Amsterdam", new DateOnly(2026, 6, 1));
        omgeving.Sim.Overlijd(bsnO, new DateOnly(2026, 6, 10));
        _ = omgeving.Sim.Persoon(bsnB);

        var client = omgeving.Als();
        var r = await client.PostAsync("/api/v1/brp/controle", null);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.True((await r.LeesAsync())["nieuweSignalen"]!.GetValue<int>() >= 2);
        Assert.Equal(omgeving.App.Services.GetRequiredService<BrpOpties>().DoelControle, omgeving.Sim.LaatsteDoelbinding);

        var werkvoorraad = new HtmlParser().ParseDocument(await (await omgeving.Als(Sanne).GetAsync("/werkvoorraad")).Content.ReadAsStringAsync());
        var sectie = werkvoorraad.GetElementById("signalen-brp")!.TextContent;
        Assert.Contains("Verhuisd naar Amsterdam", sectie);
        Assert.Contains("Overleden volgens de BRP op 10-06-2026", sectie);
        Assert.Empty(omgeving.Db(db => db.BrpSignalen.Where(s => s.InburgeraarId == Guid.Parse(blijft)).ToList()));

        // On the case, with its action; the case is not closed.
        var sanne = omgeving.Als(Sanne, volgRedirects: false);
        var dossierHtml = await (await sanne.GetAsync($"/inburgeraars/{verhuisd}")).Content.ReadAsStringAsync();
        var dossier = new HtmlParser().ParseDocument(dossierHtml);
        Assert.Contains("Verhuisd naar Amsterdam", dossier.GetElementById("brp")!.TextContent);
        Assert.False(omgeving.Db(db => db.Inburgeraars.Single(i => i.Id == Guid.Parse(overleden)).Fase).IsAfgesloten());

        var afgehandeld = await sanne.PostAsync($"/inburgeraars/{verhuisd}/brp?handler=Afgehandeld", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(dossier, "#brp form"),
            ["signaal"] = dossier.QuerySelector("#brp input[name=signaal]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.Redirect, afgehandeld.StatusCode);
        Assert.Null(new HtmlParser().ParseDocument(await (await omgeving.Als(Sanne).GetAsync($"/inburgeraars/{verhuisd}")).Content.ReadAsStringAsync()).GetElementById("brp"));

        // Another region cannot handle it; the next run does not bring the handled signal back.
        var signaalO = omgeving.Db(db => db.BrpSignalen.Single(s => s.InburgeraarId == Guid.Parse(overleden)).Id);
        Assert.Equal(HttpStatusCode.NotFound, (await omgeving.Als("fleur.hendriks@weert.example").PostAsync($"/api/v1/inburgeraars/{overleden}/brp/signalen/{signaalO}/afgehandeld", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/brp/controle", null)).StatusCode);
        Assert.Single(omgeving.Db(db => db.BrpSignalen.Where(s => s.InburgeraarId == Guid.Parse(verhuisd)).ToList()));
        Assert.Null(omgeving.Db(db => db.BrpSignalen.Single(s => s.InburgeraarId == Guid.Parse(overleden)).AfgehandeldOp));

        // Audited per case with the purpose of the check, by name; no BSN in audit or logs.
        var audit = omgeving.Db(db => db.Audit.Where(a => a.InburgeraarId == Guid.Parse(overleden) && a.Doel == BrpService.AuditDoelControle).Select(a => a.Omschrijving).ToList());
        Assert.Contains(audit, o => o.Contains("signaal: Overleden", StringComparison.Ordinal));
        foreach (var bsn in new[] { bsnV, bsnO, bsnB })
        {
            Assert.DoesNotContain(omgeving.Basis.Logs.Regels, r => r.Contains(bsn, StringComparison.Ordinal));
        }
    }


    [Fact]
    public async Task Een_onbereikbare_BRP_stopt_de_controle_na_drie_vragen_en_zonder_koppeling_start_die_niet()
    {
        var client = omgeving.Als();
        // More open cases than three groups of 20, so a run that does not stop would ask more than three times.
        int Groepen() => (omgeving.Db(db => db.Inburgeraars.Count(i => i.GeanonimiseerdOp == null && i.BsnIndex != null
            && i.Fase != Fase.Voldaan && i.Fase != Fase.Ontheven && i.Fase != Fase.Verhuisd && i.Fase != Fase.Uitgeschreven)) + BrpClient.MaxPerVraag - 1) / BrpClient.MaxPerVraag;
        while (Groepen() <= BrpControle.MaxOnbereikbaarNaElkaar + 1) await DossierAsync();

        // Down: three questions (each with the client's own retries), then the run stops; every open case counts as failed.
        omgeving.Sim.Storing = true;
        try
        {
            // One question to a down BRP, as the client makes it (with its retries): the unit to count in.
            var (id, _) = await DossierAsync();
            var voor = omgeving.Sim.Vragen;
            Assert.Equal(HttpStatusCode.BadRequest, (await omgeving.Als(Sanne).PostAsync($"/api/v1/inburgeraars/{id}/brp/raadplegen", null)).StatusCode);
            var perVraag = omgeving.Sim.Vragen - voor;
            Assert.True(perVraag > 0);

            voor = omgeving.Sim.Vragen;
            var r = await client.PostAsync("/api/v1/brp/controle", null);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var uitkomst = await r.LeesAsync();
            Assert.Equal(0, uitkomst["gecontroleerd"]!.GetValue<int>());
            Assert.True(uitkomst["mislukt"]!.GetValue<int>() > BrpControle.MaxOnbereikbaarNaElkaar * BrpClient.MaxPerVraag);
            Assert.Equal(BrpControle.MaxOnbereikbaarNaElkaar * perVraag, omgeving.Sim.Vragen - voor); // not one per group of 20
        }
        finally
        {
            omgeving.Sim.Storing = false;
        }

        // Not configured at all (no address, no stand-in): the daily run does not start, asks nothing, takes no lease.
        var opties = omgeving.App.Services.GetRequiredService<BrpOpties>();
        var (adres, sim) = (opties.BaseUrl, opties.Simulator);
        try
        {
            (opties.BaseUrl, opties.Simulator) = (null, false);
            var voor = omgeving.Sim.Vragen;
            string Slot() => omgeving.Db(db => string.Join('|', db.Set<Koers.Data.Model.Planning.Taakslot>().Where(t => t.Naam == BrpControle.Taak)
                .Select(t => t.Eigenaar + "/" + t.VerlooptOp + "/" + t.LaatstePeriode).ToList()));
            var slot = Slot();
            await using var scope = omgeving.App.Services.CreateAsyncScope();
            Assert.Null(await scope.ServiceProvider.GetRequiredService<BrpControle>().DagelijksAsync());
            Assert.Equal(voor, omgeving.Sim.Vragen);
            Assert.Equal(slot, Slot());
        }
        finally
        {
            (opties.BaseUrl, opties.Simulator) = (adres, sim);
        }
    }

    [Fact]
    public async Task De_beheerpagina_start_de_controle_en_toont_de_uitkomst()
    {
        var (id, bsn) = await DossierAsync();
        omgeving.Sim.Overlijd(bsn, new DateOnly(2026, 6, 12));
        var beheer = omgeving.Als("beheer@kempen.example", volgRedirects: false);
        var doc = new HtmlParser().ParseDocument(await (await beheer.GetAsync("/beheer/brp")).Content.ReadAsStringAsync());
        Assert.Contains("X-Doelbinding", doc.GetElementById("brp-instellingen")!.TextContent);
        var r = await beheer.PostAsync("/beheer/brp?handler=Controle", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(doc, "form"),
        }));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("Controle uitgevoerd", new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync()).GetElementById("brp-uitkomst")!.TextContent);
        Assert.Single(omgeving.Db(db => db.BrpSignalen.Where(s => s.InburgeraarId == Guid.Parse(id) && s.Soort == BrpSignaalSoort.Overleden).ToList()));
        Assert.Contains(omgeving.Db(db => db.Audit.Where(a => a.InburgeraarId == Guid.Parse(id) && a.Doel == BrpService.AuditDoelControle).Select(a => a.Gebruiker).ToList()),
            g => g == "beheer@kempen.example");
        // A klantregisseur does not get the page.
        Assert.NotEqual(HttpStatusCode.OK, (await omgeving.Als(Sanne, volgRedirects: false).GetAsync("/beheer/brp")).StatusCode);
    }

    /// <summary>The case's BRP page before any lookup: whose case, its open signals; out of reach a 404.</summary>
    [Fact]
    public async Task De_BRP_pagina_van_het_dossier_toont_naam_en_open_signalen_en_is_dicht_buiten_bereik()
    {
        var (id, bsn) = await DossierAsync();
        omgeving.Sim.Overlijd(bsn, new DateOnly(2026, 6, 12));
        Assert.Equal(HttpStatusCode.OK, (await omgeving.Als().PostAsync("/api/v1/brp/controle", null)).StatusCode);
        var naam = omgeving.Db(db => db.Inburgeraars.Where(i => i.Id == Guid.Parse(id)).Select(i => i.Voornamen + " " + i.Achternaam).Single());

        var doc = new HtmlParser().ParseDocument(await omgeving.Als(Sanne).GetStringAsync($"/inburgeraars/{id}/brp"));
        Assert.Equal($"← {naam}", doc.QuerySelector("nav.utrecht-breadcrumb-nav a")!.TextContent.Trim());
        Assert.Contains("Overleden volgens de BRP op 12-06-2026", doc.GetElementById("brp")!.TextContent);
        Assert.Null(doc.GetElementById("vergelijking"));
        Assert.Equal(HttpStatusCode.NotFound, (await omgeving.Als("fleur.hendriks@weert.example", volgRedirects: false).GetAsync($"/inburgeraars/{id}/brp")).StatusCode);
    }

    [Fact]
    public async Task Een_partner_of_klantregisseur_mag_de_controle_niet_starten()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await omgeving.Als("partner@taalschool.example").PostAsync("/api/v1/brp/controle", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await omgeving.Als(Sanne).PostAsync("/api/v1/brp/controle", null)).StatusCode);
    }

    [Fact]
    public async Task Vraag_en_antwoord_voldoen_aan_de_gepubliceerde_spec()
    {
        var (id, bsn) = await DossierAsync();
        omgeving.Sim.Overlijd(bsn, new DateOnly(2026, 6, 10));
        Assert.Equal(HttpStatusCode.OK, (await omgeving.Als(Sanne).PostAsync($"/api/v1/inburgeraars/{id}/brp/raadplegen", null)).StatusCode);
        var vraag = JsonDocument.Parse(omgeving.Sim.LaatsteVraag!).RootElement;
        Assert.Empty(BrpSpec.Valideer(vraag, BrpSpec.Vraag));
        Assert.Equal(bsn, vraag.GetProperty("burgerservicenummer")[0].GetString());

        // What the stand-in answers for the same question, taken from the wire.
        using var http = omgeving.App.CreateClient();
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, BrpSimulator.Pad + "/personen") { Content = Json.Ruw(vraag.GetRawText()) };
        verzoek.Headers.Add("X-API-KEY", "brp-test-sleutel");
        var antwoord = await http.SendAsync(verzoek);
        Assert.Equal("application/json; charset=utf-8", antwoord.Content.Headers.ContentType!.ToString());
        var json = JsonDocument.Parse(await antwoord.Content.ReadAsStringAsync()).RootElement;
        Assert.Empty(BrpSpec.Valideer(json, BrpSpec.Antwoord));
        Assert.True(json.GetProperty("personen")[0].TryGetProperty("overlijden", out _));
        Assert.Equal(1, json.GetProperty("personen")[0].GetProperty("kinderen").GetArrayLength());

        // The validator itself can fail: a wrong date type, an unknown field, a BSN of 8 digits.
        var fout = JsonNode.Parse(json.GetRawText())!;
        fout["personen"]![0]!["datumInschrijvingInGemeente"]!["type"] = "Dag";
        fout["personen"]![0]!["geboorteplaats"] = "Asmara";
        Assert.Equal(2, BrpSpec.Valideer(JsonDocument.Parse(fout.ToJsonString()).RootElement, BrpSpec.Antwoord).Count);
        Assert.NotEmpty(BrpSpec.Valideer(JsonSerializer.SerializeToElement(BrpClient.Vraag(["12345678"]), BrpClient.Json), BrpSpec.Vraag));
    }

    [Fact]
    public async Task Zonder_geldige_api_sleutel_weigert_de_stand_in()
    {
        using var http = omgeving.App.CreateClient();
        var r = await http.PostAsync(BrpSimulator.Pad + "/personen", Json.Ruw(JsonSerializer.Serialize(BrpClient.Vraag(["999880007"]), BrpClient.Json)));
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
    }
}

public sealed class SqliteBrpTests(BrpSqliteOmgeving omgeving) : BrpTests(omgeving), IClassFixture<BrpSqliteOmgeving>;

public sealed class PostgresBrpTests(BrpPostgresOmgeving omgeving) : BrpTests(omgeving), IClassFixture<BrpPostgresOmgeving>;

/// <summary>The copy of the spec is the published one, byte for byte.</summary>
public sealed class BrpContractTests
{
    [Fact]
    public void De_kopie_van_de_spec_is_byte_gelijk_aan_de_gepubliceerde_commit()
    {
        var regels = File.ReadAllLines(Path.Combine(BrpSpec.Map, "herkomst.tsv")).Where(r => !r.StartsWith('#') && r.Length > 0).Select(r => r.Split('\t')).ToList();
        Assert.Equal(2, regels.Count);
        foreach (var r in regels) Assert.Equal(r[2], Git.BlobId(File.ReadAllBytes(Path.Combine(BrpSpec.Map, r[1]))));
        Assert.Equal(["personen.openapi.json", "personen.openapi.yaml"], Directory.GetFiles(BrpSpec.Map, "personen.openapi.*").Select(Path.GetFileName).Order());
        Assert.Equal("2.7.0", BrpSpec.Doc.GetProperty("info").GetProperty("version").GetString());
    }

    [Fact]
    public void De_velden_die_Koers_vraagt_bestaan_in_het_schema_Persoon()
    {
        var persoon = BrpSpec.Schema("Persoon").GetProperty("properties");
        Assert.All(BrpClient.Velden, v => Assert.True(persoon.TryGetProperty(v, out _), v));
        Assert.True(BrpSpec.Schema("PersonenQuery").GetProperty("discriminator").GetProperty("mapping").TryGetProperty(BrpClient.Type, out _));
    }
}

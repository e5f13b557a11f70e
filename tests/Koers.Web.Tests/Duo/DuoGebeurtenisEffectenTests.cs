using System.Net;
using System.Net.Http.Json;
using Koers.Data.Model.Duo;
using Koers.Domain.Afsluiting;
using Koers.Domain.Dossier;
using Koers.Domain.Duo;
using Koers.Web.Features.Duo;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Duo;

/// <summary>
/// Every DUO event has its documented effect on the case (issue #17): an ended plicht or a death closes the case,
/// stops payments and letters and asks the klantregisseur to act; DUO's decisions on vrijstelling and ontheffing are
/// read from DUO and recorded; SS121 takes over the previous municipality's PIP and termijn; events DUO does not use
/// yet are stored and shown, not parked. Refusals and parked events can be retried from the case and the DUO page.
/// </summary>
public abstract class DuoGebeurtenisEffectenTests(DuoOmgeving omgeving)
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);

    private T Db<T>(Func<Koers.Data.KoersDbContext, T> werk) => omgeving.Db(werk);

    private DuoNotificatie Melding(string bsn, string code) =>
        Db(db => db.DuoNotificatiesVan(bsn).AsNoTracking().Single(n => n.GebeurtenisId == code));

    private async Task<string> KoppelingAsync(string bsn, string naam, string gemeente = "GM1724")
    {
        var invoer = Testdata.Inburgeraar(bsn: bsn, gemeente: gemeente, koppelingsdatum: "2026-02-02");
        invoer["achternaam"] = naam;
        var r = await omgeving.App.CreateClient().PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.LeesAsync())["id"]!.GetValue<string>();
    }

    private HttpClient Als(string email) => omgeving.Als(email);

    private async Task SimuleerAsync(object gebeurtenis)
    {
        var r = await omgeving.App.CreateClient().PostJsonAsync("/api/v1/duo-simulator/gebeurtenissen", gebeurtenis);
        Assert.True(r.StatusCode == HttpStatusCode.Accepted, await r.Content.ReadAsStringAsync());
        await omgeving.VerwerkAsync();
    }

    [Fact]
    public async Task Overlijden_sluit_het_dossier_stopt_betalingen_en_brieven_en_vraagt_om_actie()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await KoppelingAsync(bsn, "Overleden-Test");
        var client = omgeving.App.CreateClient();
        // Ontzorgen runs from 1 April: rent paid each month to the landlord.
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/startBijstand", new { datum = "2026-04-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync("/api/v1/ontzorgen/beleid/GM1724", new
        {
            benadering = "jaTenzij", ontzorgenMaanden = 6, huur = true, gasEnStroom = true, water = true, zorgverzekering = true, overigeLasten = (string?)null,
            verlengenToegestaan = true, trainingAanbod = "Eurowijzer", debiteurNaam = "Gemeente Bergeijk", debiteurIban = "NL02ABNA0123456789", debiteurBic = "ABNANL2A",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/ontzorgen/besluit", new { besluit = "toepassen", besluitdatum = "2026-04-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync($"/api/v1/inburgeraars/{id}/ontzorgen/betalingen",
            new { soort = "verhuurder", naam = "Woonstichting", iban = "NL91ABNA0417164300", betalingskenmerk = "HUUR-1", bedragPerMaand = 600m })).StatusCode);
        async Task<bool> BetaaldInJuliAsync() =>
            (await (await client.GetAsync("/api/v1/ontzorgen/betaalruns/voorstel?gemeente=GM1724&maand=2026-07")).LeesAsync())["nieuw"]!.AsArray()
            .Any(r => r!["inburgeraarId"]!.GetValue<string>() == id);
        Assert.True(await BetaaldInJuliAsync());
        // A tekortkoming can be recorded while the case is open (proves the refusal below is about the closing).
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync($"/api/v1/inburgeraars/{id}/handhaving/tekortkomingen",
            new { verplichting = "bredeIntakeEnPip", datum = "2026-05-01", omschrijving = "Niet gekomen op de intake." })).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await omgeving.NotificeerAsync("SS111", bsn, T0)).StatusCode);
        await omgeving.VerwerkAsync();

        var melding = Melding(bsn, "SS111");
        Assert.Equal(InboxStatus.Verwerkt, melding.Status);
        Assert.Contains("Dossier afgesloten op 10-06-2026", melding.Resultaat);
        Assert.Equal(DuoGebeurtenissen.Zoek("SS111")!.Actie, melding.Actie);
        var afsluiting = Db(db => db.Set<Koers.Data.Model.Keten.Afsluiting>().AsNoTracking().Single(a => a.InburgeraarId == Guid.Parse(id)));
        Assert.Equal((Afsluitingssoort.EindeBegeleiding, new DateOnly(2026, 6, 10), "DUO (notificatie)"), (afsluiting.Soort, afsluiting.Datum, afsluiting.Door));
        Assert.Equal(Fase.Uitgeschreven, Db(db => db.Inburgeraars.AsNoTracking().Single(i => i.Id == Guid.Parse(id)).Fase));

        // Payments stop (the day before), letters stop.
        Assert.False(await BetaaldInJuliAsync());
        var brief = await client.PostJsonAsync($"/api/v1/inburgeraars/{id}/handhaving/tekortkomingen",
            new { verplichting = "bredeIntakeEnPip", datum = "2026-05-02", omschrijving = "Nog een keer." });
        Assert.Equal(HttpStatusCode.BadRequest, brief.StatusCode);
        Assert.Contains("er gaan geen besluiten of brieven meer uit", await brief.Content.ReadAsStringAsync());

        // The klantregisseur sees it on the worklist and on the case, and marks it done.
        var werkvoorraad = await client.GetStringAsync("/werkvoorraad");
        Assert.Contains("Meldingen van DUO die om actie vragen", werkvoorraad);
        Assert.Contains("Overleden-Test", werkvoorraad);
        var dossier = await client.GetStringAsync($"/inburgeraars/{id}");
        Assert.Contains("DUO vraagt om actie", dossier);
        Assert.Contains("Zeg lopende trajecten en afspraken af", dossier);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/inburgeraars/{id}/duo/meldingen/{melding.Id}/actie-afgehandeld", null)).StatusCode);
        Assert.DoesNotContain("Overleden-Test", await client.GetStringAsync("/werkvoorraad"));
        Assert.DoesNotContain("DUO vraagt om actie", await client.GetStringAsync($"/inburgeraars/{id}"));
        Assert.True(Db(db => db.Audit.Any(a => a.InburgeraarId == Guid.Parse(id) && a.Omschrijving == "Actie op DUO-melding SS111 afgehandeld")));
        // Once only.
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/inburgeraars/{id}/duo/meldingen/{melding.Id}/actie-afgehandeld", null)).StatusCode);

        // The same event again (DUO delivers twice with a new berichtId): nothing changes, no second action.
        await omgeving.NotificeerAsync("SS110", bsn, T0.AddHours(1));
        await omgeving.VerwerkAsync();
        var tweede = Melding(bsn, "SS110");
        Assert.Equal(InboxStatus.Verwerkt, tweede.Status);
        Assert.Contains("was al afgesloten op 10-06-2026", tweede.Resultaat);
        Assert.Null(tweede.Actie);
    }

    [Fact]
    public async Task Een_klantregisseur_van_een_andere_gemeente_kan_de_actie_niet_afhandelen()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await KoppelingAsync(bsn, "Buiten-Bereik");
        await omgeving.NotificeerAsync("SS110", bsn, T0);
        await omgeving.VerwerkAsync();
        var melding = Melding(bsn, "SS110");
        Assert.NotNull(melding.Actie);
        // Weert is outside Kempen's reach.
        var weert = Als("fleur.hendriks@weert.example");
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostAsync($"/api/v1/inburgeraars/{id}/duo/meldingen/{melding.Id}/actie-afgehandeld", null)).StatusCode);
        Assert.DoesNotContain("Buiten-Bereik", await weert.GetStringAsync("/werkvoorraad"));
        Assert.Null(Melding(bsn, "SS110").ActieAfgehandeldOp);
    }

    [Fact]
    public async Task Gedeeltelijke_vrijstelling_wordt_met_het_besluit_van_DUO_vastgelegd_en_het_dossier_blijft_open()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await KoppelingAsync(bsn, "Vrijgesteld-Deels");
        await SimuleerAsync(new { bsn, gebeurtenisId = "SS117", onderdeel = "SP", datum = "2026-06-08" });
        var melding = Melding(bsn, "SS117");
        Assert.Equal(InboxStatus.Verwerkt, melding.Status);
        Assert.Contains("Gedeeltelijke vrijstelling: toegekend op 08-06-2026, reden DIP, onderdeel spreken.", melding.Resultaat);
        Assert.Equal("Stel het PIP bij: voor het vrijgestelde onderdeel is geen examen meer nodig.", melding.Actie);
        Assert.False(Db(db => db.Inburgeraars.AsNoTracking().Single(i => i.Id == Guid.Parse(id)).Fase.IsAfgesloten()));
        Assert.Contains("Gedeeltelijke vrijstelling: toegekend op 08-06-2026", await omgeving.App.CreateClient().GetStringAsync($"/inburgeraars/{id}"));
    }

    [Fact]
    public async Task Gehele_ontheffing_sluit_het_dossier_met_de_grond_die_DUO_geeft()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await KoppelingAsync(bsn, "Ontheven-Geheel");
        await SimuleerAsync(new { bsn, gebeurtenisId = "SS108", datum = "2026-06-05" });
        var afsluiting = Db(db => db.Set<Koers.Data.Model.Keten.Afsluiting>().AsNoTracking().Single(a => a.InburgeraarId == Guid.Parse(id)));
        Assert.Equal((Afsluitingssoort.Ontheffing, Ontheffingsgrond.Medisch), (afsluiting.Soort, afsluiting.Ontheffingsgrond));
        Assert.Contains("Gehele ontheffing: toegekend op 05-06-2026, grond medisch.", afsluiting.Toelichting);
        Assert.Equal(Fase.Ontheven, Db(db => db.Inburgeraars.AsNoTracking().Single(i => i.Id == Guid.Parse(id)).Fase));
    }

    [Fact]
    public async Task Afgewezen_verzoek_zet_een_actie_zonder_iets_aan_het_dossier_te_veranderen()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await KoppelingAsync(bsn, "Afgewezen-Ontheffing");
        var fase = Db(db => db.Inburgeraars.AsNoTracking().Single(i => i.Id == Guid.Parse(id)).Fase);
        await SimuleerAsync(new { bsn, gebeurtenisId = "SS118", datum = "2026-06-01" });
        var melding = Melding(bsn, "SS118");
        Assert.Contains("Gehele ontheffing: afgewezen op 01-06-2026", melding.Resultaat);
        Assert.Contains("Informeer de inburgeraar", melding.Actie);
        Assert.Equal(fase, Db(db => db.Inburgeraars.AsNoTracking().Single(i => i.Id == Guid.Parse(id)).Fase));
        Assert.False(Db(db => db.Set<Koers.Data.Model.Keten.Afsluiting>().Any(a => a.InburgeraarId == Guid.Parse(id))));
    }

    [Fact]
    public async Task Gebeurtenis_die_DUO_nog_niet_gebruikt_wordt_opgeslagen_en_getoond_niet_geparkeerd()
    {
        var bekend = Testdata.NieuwBsn();
        var id = await KoppelingAsync(bekend, "Attentie-Signaal");
        var onbekend = Testdata.NieuwBsn();
        await omgeving.NotificeerAsync("SS142", bekend, T0);
        await omgeving.NotificeerAsync("SS126", onbekend, T0);
        await omgeving.VerwerkAsync();
        var opDossier = Melding(bekend, "SS142");
        Assert.Equal((InboxStatus.Verwerkt, Guid.Parse(id)), (opDossier.Status, opDossier.InburgeraarId));
        Assert.Contains("DUO gebruikt deze gebeurtenis nog niet", opDossier.Resultaat);
        Assert.Null(opDossier.Actie);
        Assert.Equal(InboxStatus.Verwerkt, Melding(onbekend, "SS126").Status);
        Assert.Contains("wegens uitschrijving (", await omgeving.App.CreateClient().GetStringAsync($"/inburgeraars/{id}"));
        // A code nobody knows still parks: that one needs a person.
        await omgeving.NotificeerAsync("SS999", onbekend, T0.AddMinutes(1));
        await omgeving.VerwerkAsync();
        Assert.Equal(InboxStatus.Geparkeerd, Melding(onbekend, "SS999").Status);
    }

    [Fact]
    public async Task SS121_neemt_het_PIP_en_de_termijn_van_de_vorige_gemeente_over()
    {
        var bsn = Testdata.NieuwBsn();
        await SimuleerAsync(new { bsn, gebeurtenisId = "SS121", gemeentecode = "0758", datum = "2026-06-12" });
        var melding = Melding(bsn, "SS121");
        Assert.True(melding.Status == InboxStatus.Verwerkt, melding.LaatsteFout);
        var dossier = Db(db => db.InburgeraarsMetBsn(bsn).AsNoTracking().Include(i => i.Mijlpalen).Single());
        var dagtekening = new DateOnly(2026, 6, 12).AddDays(-56);
        Assert.Equal((dagtekening, "0758", Leerroute.B1Route), (dossier.PipVorigeGemeenteOp, dossier.PipVorigeGemeente, dossier.Leerroute));
        Assert.Equal(dagtekening, dossier.Mijlpalen.Single(m => m.Soort == Mijlpaal.PipVastgesteld).Datum);
        Assert.Contains($"PIP van gemeente 0758 met dagtekening {dagtekening:dd-MM-yyyy} overgenomen", melding.Resultaat);
        Assert.Contains($"inburgeringstermijn {dagtekening:dd-MM-yyyy} t/m {dagtekening.AddYears(3):dd-MM-yyyy}", melding.Resultaat);
        Assert.NotNull(melding.Actie);
        var termijnen = await (await omgeving.App.CreateClient().GetAsync($"/api/v1/inburgeraars/{dossier.Id}/termijnen")).LeesAsync();
        Assert.Contains(termijnen["termijnen"]!.AsArray(), t => t!["vervaldatum"]?.GetValue<string>() == dagtekening.AddYears(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Dagtekening_voor_de_start_van_de_plicht_volgens_DUO_houdt_Koers_zelf_tegen()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await omgeving.DossierMetPipConceptAsync(bsn, "b1Route", duoPlichtSinds: new DateOnly(2026, 6, 16));
        // DUO tells Koers the plicht (SS139 for a person already known): the start date is kept on the case.
        await omgeving.NotificeerAsync("SS139", bsn, T0);
        await omgeving.VerwerkAsync();
        var weigering = await omgeving.VaststellenAsync(id);
        Assert.Equal(HttpStatusCode.BadRequest, weigering.StatusCode);
        Assert.Contains("ligt vóór de start van de inburgeringsplicht volgens DUO (16-06-2026)", await weigering.Content.ReadAsStringAsync());
        Assert.False(Db(db => db.DuoUitgaandeBerichten.Any(b => b.InburgeraarId == Guid.Parse(id))));
    }

    [Fact]
    public async Task Simulator_kent_elke_persoon_die_Koers_registreert()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await omgeving.DossierMetVastgesteldPipAsync(bsn, "b1Route", simKent: false);
        await omgeving.VerstuurAsync();
        var bericht = Db(db => db.DuoUitgaandeBerichten.AsNoTracking().Single(b => b.InburgeraarId == Guid.Parse(id)));
        Assert.True((OutboxStatus.Verzonden, 201) == (bericht.Status, bericht.Antwoordcode), bericht.Melding);
        Assert.Single(omgeving.Sim.Bekend(bsn)!.Pips);
        // A BSN no case has is still unknown to DUO.
        Assert.Null(omgeving.Sim.Bekend(Testdata.NieuwBsn()));
    }

    [Fact]
    public async Task Weigering_kan_vanaf_het_dossier_en_de_DUO_pagina_opnieuw_worden_verstuurd()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await omgeving.DossierMetVastgesteldPipAsync(bsn, "b1Route", duoPlichtSinds: new DateOnly(2026, 6, 16));
        await omgeving.VerstuurAsync();
        var bericht = Db(db => db.DuoUitgaandeBerichten.AsNoTracking().Single(b => b.InburgeraarId == Guid.Parse(id)));
        Assert.Equal(OutboxStatus.Geweigerd, bericht.Status);

        var client = omgeving.App.CreateClient();
        var beheer = await client.GetStringAsync("/beheer/duo");
        Assert.Contains("Berichten naar DUO die niet zijn aangenomen", beheer);
        Assert.Contains(bericht.Id.ToString(), beheer);
        Assert.Contains("Opnieuw versturen", await client.GetStringAsync($"/inburgeraars/{id}"));

        // Another municipality's klantregisseur cannot touch it.
        var weert = Als("fleur.hendriks@weert.example");
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostAsync($"/api/v1/duo/uitgaand/{bericht.Id}/opnieuw", null)).StatusCode);

        // DUO corrected the plicht; offered again, the PIP is accepted and the red banner is gone.
        omgeving.Sim.Persoon(bsn).Plicht = new DuoInburgeringsplicht(true, new DateOnly(2026, 1, 5));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/duo/uitgaand/{bericht.Id}/opnieuw", null)).StatusCode);
        await omgeving.VerstuurAsync();
        Assert.Equal(OutboxStatus.Verzonden, Db(db => db.DuoUitgaandeBerichten.AsNoTracking().Single(b => b.Id == bericht.Id)).Status);
        Assert.DoesNotContain("niet aangenomen", await client.GetStringAsync($"/inburgeraars/{id}"));
        Assert.True(Db(db => db.Audit.Any(a => a.InburgeraarId == Guid.Parse(id) && a.Omschrijving.StartsWith("Opnieuw aangeboden aan DUO door"))));
        // Sent is sent: not again.
        var nogmaals = await client.PostAsync($"/api/v1/duo/uitgaand/{bericht.Id}/opnieuw", null);
        Assert.Equal(HttpStatusCode.BadRequest, nogmaals.StatusCode);
    }

    [Fact]
    public async Task Geparkeerde_melding_kan_vanaf_het_dossier_opnieuw_worden_aangeboden()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await KoppelingAsync(bsn, "Geparkeerd-Dossier");
        // SS102 while DUO has no termijn: parked.
        omgeving.Sim.Persoon(bsn);
        await omgeving.NotificeerAsync("SS102", bsn, T0);
        await omgeving.VerwerkAsync();
        var melding = Melding(bsn, "SS102");
        Assert.Equal(InboxStatus.Geparkeerd, melding.Status);
        Assert.Contains("Opnieuw aanbieden", await omgeving.App.CreateClient().GetStringAsync($"/inburgeraars/{id}"));

        var ander = await KoppelingAsync(Testdata.NieuwBsn(), "Ander-Dossier");
        var client = omgeving.App.CreateClient();
        // Not through another case.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/api/v1/inburgeraars/{ander}/duo/meldingen/{melding.Id}/opnieuw", null)).StatusCode);
        Assert.Equal(InboxStatus.Geparkeerd, Melding(bsn, "SS102").Status);

        omgeving.Sim.Persoon(bsn).Termijn = new DuoInburgeringstermijn(new DateOnly(2026, 6, 1), new DateOnly(2029, 6, 1));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/inburgeraars/{id}/duo/meldingen/{melding.Id}/opnieuw", null)).StatusCode);
        await omgeving.VerwerkAsync();
        Assert.Equal(InboxStatus.Verwerkt, Melding(bsn, "SS102").Status);
    }

    /// <summary>
    /// The buttons of the DUO part on the case page post to the case page (<c>?handler=…</c>), as the API does: out of reach
    /// is a 404, an item of another case is a 404, done is a redirect back to <c>#duo</c> with the audit row.
    /// </summary>
    [Fact]
    public async Task De_knoppen_van_DUO_op_het_dossier_doen_wat_de_API_doet()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await KoppelingAsync(bsn, "Knoppen-Dossier");
        await omgeving.NotificeerAsync("SS110", bsn, T0);
        // A second case with an event parked (SS102 while DUO has no termijn).
        var bsn2 = Testdata.NieuwBsn();
        var id2 = await KoppelingAsync(bsn2, "Geparkeerd-Knoppen");
        omgeving.Sim.Persoon(bsn2);
        await omgeving.NotificeerAsync("SS102", bsn2, T0);
        await omgeving.VerwerkAsync();
        var actie = Melding(bsn, "SS110");
        var geparkeerd = Melding(bsn2, "SS102");
        Assert.NotNull(actie.Actie);
        Assert.Equal(InboxStatus.Geparkeerd, geparkeerd.Status);

        var client = omgeving.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        async Task<string> Token(string dossier, string handler, string veld, string waarde) =>
            new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync($"/inburgeraars/{dossier}")).QuerySelectorAll("#duo form")
                .Single(f => f.GetAttribute("action") == $"/inburgeraars/{dossier}?handler={handler}" && f.QuerySelector($"input[name={veld}]")!.GetAttribute("value") == waarde)
                .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Task<HttpResponseMessage> Post(HttpClient c, string dossier, string handler, string token, string veld, string waarde) =>
            c.PostAsync($"/inburgeraars/{dossier}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, [veld] = waarde }));
        var melding = actie.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tokenActie = await Token(id, "DuoActieAfgehandeld", "melding", melding);

        // Another municipality's klantregisseur, with a valid token of their own: 404, the action stays open.
        var weert = omgeving.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        weert.DefaultRequestHeaders.Remove(Koers.Web.Features.Beveiliging.TestAuthenticatie.Header);
        weert.DefaultRequestHeaders.Add(Koers.Web.Features.Beveiliging.TestAuthenticatie.Header, "fleur.hendriks@weert.example");
        var weertToken = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await weert.GetStringAsync("/inburgeraars/nieuw"))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.NotFound, (await Post(weert, id, "DuoActieAfgehandeld", weertToken, "melding", melding)).StatusCode);
        Assert.Null(Melding(bsn, "SS110").ActieAfgehandeldOp);

        var gedaan = await Post(client, id, "DuoActieAfgehandeld", tokenActie, "melding", melding);
        Assert.Equal(HttpStatusCode.Redirect, gedaan.StatusCode);
        Assert.Equal($"/inburgeraars/{id}#duo", gedaan.Headers.Location!.OriginalString);
        Assert.NotNull(Melding(bsn, "SS110").ActieAfgehandeldOp);
        Assert.True(Db(db => db.Audit.Any(a => a.InburgeraarId == Guid.Parse(id) && a.Omschrijving == "Actie op DUO-melding SS110 afgehandeld")));
        // Once only; and a handler no part has is a 404 too.
        Assert.Equal(HttpStatusCode.NotFound, (await Post(client, id, "DuoActieAfgehandeld", tokenActie, "melding", melding)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(client, id, "Onbekend", tokenActie, "melding", melding)).StatusCode);

        // The parked event: not through another case (404, still parked), then offered again from its own.
        var parkeer = geparkeerd.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tokenOpnieuw = await Token(id2, "DuoMeldingOpnieuw", "melding", parkeer);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(client, id, "DuoMeldingOpnieuw", tokenOpnieuw, "melding", parkeer)).StatusCode);
        Assert.Equal(InboxStatus.Geparkeerd, Melding(bsn2, "SS102").Status);
        omgeving.Sim.Persoon(bsn2).Termijn = new DuoInburgeringstermijn(new DateOnly(2026, 6, 1), new DateOnly(2029, 6, 1));
        var opnieuw = await Post(client, id2, "DuoMeldingOpnieuw", tokenOpnieuw, "melding", parkeer);
        Assert.Equal(HttpStatusCode.Redirect, opnieuw.StatusCode);
        Assert.Equal($"/inburgeraars/{id2}#duo", opnieuw.Headers.Location!.OriginalString);
        await omgeving.VerwerkAsync();
        Assert.Equal(InboxStatus.Verwerkt, Melding(bsn2, "SS102").Status);
    }

    [Fact]
    public async Task Een_weigering_wordt_vanaf_het_dossier_opnieuw_verstuurd_maar_niet_via_een_ander_dossier()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await omgeving.DossierMetVastgesteldPipAsync(bsn, "b1Route", duoPlichtSinds: new DateOnly(2026, 6, 16));
        await omgeving.VerstuurAsync();
        var bericht = Db(db => db.DuoUitgaandeBerichten.AsNoTracking().Single(b => b.InburgeraarId == Guid.Parse(id)));
        Assert.Equal(OutboxStatus.Geweigerd, bericht.Status);

        var client = omgeving.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var formulier = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync($"/inburgeraars/{id}"))
            .QuerySelectorAll("#duo form").Single(f => f.GetAttribute("action") == $"/inburgeraars/{id}?handler=DuoBerichtOpnieuw");
        Assert.Equal(bericht.Id.ToString(), formulier.QuerySelector("input[name=bericht]")!.GetAttribute("value"));
        var velden = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = formulier.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["bericht"] = bericht.Id.ToString(),
        };
        var ander = await KoppelingAsync(Testdata.NieuwBsn(), "Ander-Weigering");
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/inburgeraars/{ander}?handler=DuoBerichtOpnieuw", new FormUrlEncodedContent(velden))).StatusCode);
        Assert.Equal(OutboxStatus.Geweigerd, Db(db => db.DuoUitgaandeBerichten.AsNoTracking().Single(b => b.Id == bericht.Id)).Status);

        var opnieuw = await client.PostAsync($"/inburgeraars/{id}?handler=DuoBerichtOpnieuw", new FormUrlEncodedContent(velden));
        Assert.Equal(HttpStatusCode.Redirect, opnieuw.StatusCode);
        Assert.Equal($"/inburgeraars/{id}#duo", opnieuw.Headers.Location!.OriginalString);
        Assert.Equal(OutboxStatus.Wachtend, Db(db => db.DuoUitgaandeBerichten.AsNoTracking().Single(b => b.Id == bericht.Id)).Status);
        Assert.True(Db(db => db.Audit.Any(a => a.InburgeraarId == Guid.Parse(id) && a.Omschrijving.StartsWith("Opnieuw aangeboden aan DUO door"))));
    }
}

public sealed class SqliteDuoGebeurtenisEffectenTests(DuoSqliteOmgeving omgeving) : DuoGebeurtenisEffectenTests(omgeving), IClassFixture<DuoSqliteOmgeving>;

public sealed class PostgresDuoGebeurtenisEffectenTests(DuoPostgresOmgeving omgeving) : DuoGebeurtenisEffectenTests(omgeving), IClassFixture<DuoPostgresOmgeving>;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koers.Data.Model;
using Koers.Data.Model.Duo;
using Koers.Data.Model.Keten;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Web.Features.Duo;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Duo;

/// <summary>
/// The whole exchange with DUO through the simulator: notifications in (idempotent, ordered per person, retried,
/// parked, never lost) and messages out (PIP checked first, DUO's refusal shown on the case).
/// </summary>
public abstract class DuoUitwisselingTests(DuoOmgeving omgeving)
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 16, 7, 0, 0, TimeSpan.Zero);

    private T Db<T>(Func<Koers.Data.KoersDbContext, T> werk) => omgeving.Db(werk);

    private SimPersoon Plichtig(string bsn, string indeling = "Asielstatushouder")
    {
        var p = omgeving.Sim.Persoon(bsn);
        p.Plicht = new DuoInburgeringsplicht(true, new DateOnly(2026, 1, 5));
        p.Doelgroep = new DuoDoelgroep(indeling, new DateOnly(2026, 1, 5));
        return p;
    }

    private List<DuoNotificatie> Meldingen(string bsn) =>
        Db(db => db.DuoNotificatiesVan(bsn).AsNoTracking().OrderBy(n => n.RegistratieDatumTijd).ToList());

    private Inburgeraar? Dossier(string bsn) =>
        Db(db => db.InburgeraarsMetBsn(bsn).AsNoTracking().Include(i => i.Mijlpalen).FirstOrDefault());

    [Fact]
    public async Task Zonder_token_of_met_fout_token_401_en_niets_opgeslagen()
    {
        var bsn = Testdata.NieuwBsn();
        var json = $$"""{"registratieDatumTijd":"2026-06-16T07:00:00Z","gebeurtenisId":"SS101","bsn":"{{bsn}}"}""";
        Assert.Equal(HttpStatusCode.Unauthorized, (await omgeving.NotificeerAsync(json, token: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await omgeving.NotificeerAsync(json, token: "fout")).StatusCode);
        Assert.Empty(Meldingen(bsn));
    }

    public static TheoryData<string, string> Misvormd => new()
    {
        { """{"registratieDatumTijd":"2026-06-16T07:00:00Z","bsn":"BSN"}""", "gebeurtenisId" },
        { """{"registratieDatumTijd":"2026-06-16T07:00:00Z","gebeurtenisId":"ss101","bsn":"BSN"}""", "gebeurtenisId" },
        { """{"registratieDatumTijd":"2026-06-16T07:00:00Z","gebeurtenisId":"SS1011","bsn":"BSN"}""", "none" },
        { """{"registratieDatumTijd":"16-06-2026","gebeurtenisId":"SS101","bsn":"BSN"}""", "registratieDatumTijd" },
        { """{"gebeurtenisId":"SS101","bsn":"BSN"}""", "registratieDatumTijd" },
        { """{"registratieDatumTijd":"2026-06-16T07:00:00Z","gebeurtenisId":"SS101","bsn":"123456789"}""", "bsn" },
        { """{"registratieDatumTijd":"2026-06-16T07:00:00Z","gebeurtenisId":"SS101","bsn":12345678}""", "bsn" },
        { """{"registratieDatumTijd":"2026-06-16T07:00:00Z","gebeurtenisId":"SS101","vNummer":99999999999}""", "vNummer" },
        { """{"registratieDatumTijd":"2026-06-16T07:00:00Z","gebeurtenisId":"SS101"}""", "bsn" },
        { """{"registratieDatumTijd":"2026-06-16T07:00:00Z","gebeurtenisId":"SS101","bsn":"BSN" """, "body" },
        { """["SS101"]""", "body" },
    };

    [Theory]
    [MemberData(nameof(Misvormd))]
    public async Task Misvormde_notificatie_400_problem_json_en_niets_opgeslagen(string sjabloon, string veld)
    {
        var bsn = Testdata.NieuwBsn();
        var voor = Db(db => db.DuoNotificaties.Count());
        var antwoord = await omgeving.NotificeerAsync(sjabloon.Replace("BSN", bsn, StringComparison.Ordinal));
        if (veld == "none")
        {
            // "SS1011" is 6 characters of [0-9A-Z]: valid per the pattern, so stored (and later parked as unknown code).
            Assert.Equal(HttpStatusCode.Created, antwoord.StatusCode);
            return;
        }

        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        Assert.Equal("application/problem+json", antwoord.Content.Headers.ContentType!.MediaType);
        var probleem = await antwoord.LeesAsync();
        Assert.NotNull(probleem["errors"]![veld]);
        Assert.Equal(voor, Db(db => db.DuoNotificaties.Count()));
    }

    [Fact]
    public async Task Notificatie_zonder_berichtId_header_400()
    {
        var antwoord = await omgeving.NotificeerAsync("""{"registratieDatumTijd":"2026-06-16T07:00:00Z","gebeurtenisId":"SS101","bsn":"999990019"}""", metKoppen: false);
        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        Assert.NotNull((await antwoord.LeesAsync())["errors"]!["berichtId"]);
    }

    [Fact]
    public async Task Dezelfde_notificatie_twee_keer_wordt_een_keer_opgeslagen_en_verwerkt()
    {
        var bsn = Testdata.NieuwBsn();
        Plichtig(bsn, "Gezinsmigrant en overige migrant");
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await omgeving.NotificeerAsync("SS101", bsn, T0, id)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await omgeving.NotificeerAsync("SS101", bsn, T0, id)).StatusCode);
        Assert.Single(Meldingen(bsn));

        await omgeving.VerwerkAsync();
        await omgeving.VerwerkAsync();
        var dossier = Dossier(bsn);
        Assert.NotNull(dossier);
        Assert.Equal(Doelgroep.Gezinsmigrant, dossier.Doelgroep);
        Assert.Equal(Registratiebron.DuoMelding, dossier.Bron);
        Assert.Equal("GM1724", Db(db => db.Gemeenten.Single(g => g.Id == dossier.GemeenteId).Code));

        // The same event again but as a new DUO message: noted, no second case.
        Assert.Equal(HttpStatusCode.Created, (await omgeving.NotificeerAsync("SS101", bsn, T0.AddMinutes(1))).StatusCode);
        await omgeving.VerwerkAsync();
        Assert.Equal(1, Db(db => db.InburgeraarsMetBsn(bsn).Count()));
        Assert.All(Meldingen(bsn), n => Assert.Equal(InboxStatus.Verwerkt, n.Status));
        Assert.Contains("bestond al", Meldingen(bsn)[1].Resultaat);
        Assert.Equal(1, Db(db => db.Audit.Count(a => a.InburgeraarId == dossier.Id && a.Actie == AuditActie.Aanmaken)));
    }

    [Fact]
    public async Task De_kennisgeving_van_DUO_komt_in_het_dossier_en_start_de_termijn_voor_het_PIP()
    {
        // Besluit inburgering 2021 art. 5.3 lid 1: the PIP is due ten weeks after DUO's written notice. DUO delivers its date
        // as datumKennisgevingInburgeringsplicht; Koers takes it as a milestone and counts the term from it.
        var bsn = Testdata.NieuwBsn();
        var p = Plichtig(bsn, "Gezinsmigrant en overige migrant");
        p.Plicht = new DuoInburgeringsplicht(true, new DateOnly(2026, 3, 2), DatumKennisgevingInburgeringsplicht: new DateOnly(2026, 3, 2));
        await omgeving.NotificeerAsync("SS101", bsn, T0);
        await omgeving.VerwerkAsync();

        var dossier = Dossier(bsn)!;
        Assert.Equal(new DateOnly(2026, 3, 2), dossier.Mijlpalen.Single(m => m.Soort == Mijlpaal.KennisgevingInburgeringsplicht).Datum);
        DateOnly? Uiterlijk() => Db(db => db.Termijnen.AsNoTracking().Single(t => t.InburgeraarId == dossier.Id && t.Code == TermijnCode.PipVaststelling).Vervaldatum);
        Assert.Equal(new DateOnly(2026, 5, 11), Uiterlijk());

        // DUO corrects the date (16 March): the case follows, and ten weeks then end on Tweede Pinksterdag → Tuesday 26 May.
        p.Plicht = p.Plicht with { DatumKennisgevingInburgeringsplicht = new DateOnly(2026, 3, 16) };
        await omgeving.NotificeerAsync("SS101", bsn, T0.AddMinutes(5));
        await omgeving.VerwerkAsync();
        Assert.Equal(new DateOnly(2026, 3, 16), Dossier(bsn)!.Mijlpalen.Single(m => m.Soort == Mijlpaal.KennisgevingInburgeringsplicht).Datum);
        Assert.Equal(new DateOnly(2026, 5, 26), Uiterlijk());
        Assert.Contains("Kennisgeving van DUO op 16-03-2026 overgenomen", Meldingen(bsn)[^1].Resultaat);
    }

    /// <summary>Cancels the host's stopping token at the moment the event's own result is written (SIGTERM mid-event).</summary>
    private sealed class StopTijdensVerwerken(CancellationTokenSource stop) : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private void Kijk(System.Data.Common.DbCommand c)
        {
            if (c.CommandText.Contains("UPDATE", StringComparison.Ordinal) && c.CommandText.Contains("duo_notificatie", StringComparison.Ordinal)) stop.Cancel();
        }

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Kijk(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> NonQueryExecutingAsync(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Kijk(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task Bij_stoppen_wordt_de_melding_in_behandeling_afgemaakt_en_de_volgende_blijft_liggen()
    {
        var eerste = Testdata.NieuwBsn();
        var tweede = Testdata.NieuwBsn();
        Plichtig(eerste, "Gezinsmigrant en overige migrant");
        Plichtig(tweede, "Gezinsmigrant en overige migrant");
        Assert.Equal(HttpStatusCode.Created, (await omgeving.NotificeerAsync("SS101", eerste, T0.AddYears(-5))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await omgeving.NotificeerAsync("SS101", tweede, T0.AddYears(-5).AddMinutes(1))).StatusCode);

        // SIGTERM arrives while the first event's result is being written.
        using var stop = new CancellationTokenSource();
        using var app = omgeving.App.WithWebHostBuilder(b => Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(b,
            s => s.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(new StopTijdensVerwerken(stop))));
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DuoInbox>().VerwerkAsync(stop.Token);
        }

        Assert.True(stop.IsCancellationRequested, "De stop kwam niet tijdens het verwerken.");
        // The claimed event is finished with its effect (a case), not rolled back to be done again by another instance …
        Assert.Equal(InboxStatus.Verwerkt, Assert.Single(Meldingen(eerste)).Status);
        Assert.NotNull(Dossier(eerste));
        // … and the next one is left for the instance that takes over.
        Assert.Equal(InboxStatus.Ontvangen, Assert.Single(Meldingen(tweede)).Status);
        Assert.Null(Dossier(tweede));
        await omgeving.VerwerkAsync();
        Assert.Equal(InboxStatus.Verwerkt, Assert.Single(Meldingen(tweede)).Status);
    }

    [Fact]
    public async Task Meldingen_die_in_omgekeerde_volgorde_binnenkomen_worden_in_DUO_volgorde_verwerkt()
    {
        var bsn = Testdata.NieuwBsn();
        var p = Plichtig(bsn);
        p.Lbt.Add(new DuoLbtResultaat("B1-route niet haalbaar", "24,00", "28,00", new DateOnly(2026, 4, 2)));
        p.Termijn = new DuoInburgeringstermijn(new DateOnly(2026, 6, 1), new DateOnly(2029, 6, 1));
        p.Examens.Add(new DuoExamenresultaat(new DateOnly(2026, 6, 10), "Geslaagd", "KNM"));
        p.Examens.Add(new DuoExamenresultaat(new DateOnly(2026, 6, 11), "Gezakt", "SP", Niveau: "A2"));
        p.Examens.Add(new DuoExamenresultaat(new DateOnly(2026, 6, 12), "Geen", "LE", "Absent"));

        // Arrival order: exam, termijn, toets, new person. DUO's order is the reverse.
        await omgeving.NotificeerAsync("SS199", bsn, T0.AddMinutes(30));
        await omgeving.NotificeerAsync("SS102", bsn, T0.AddMinutes(20));
        await omgeving.NotificeerAsync("SS131", bsn, T0.AddMinutes(10));
        await omgeving.NotificeerAsync("SS101", bsn, T0);
        await omgeving.VerwerkAsync();

        var meldingen = Meldingen(bsn);
        Assert.All(meldingen, n => Assert.Equal(InboxStatus.Verwerkt, n.Status));
        var dossier = Dossier(bsn)!;
        Assert.Equal(new DateOnly(2026, 4, 2), dossier.Mijlpalen.Single(m => m.Soort == Mijlpaal.Leerbaarheidstoets).Datum);
        Assert.Equal(new DateOnly(2026, 6, 1), dossier.Mijlpalen.Single(m => m.Soort == Mijlpaal.PipVastgesteld).Datum);
        var toets = Db(db => db.Leerbaarheidstoetsen.AsNoTracking().Single(t => t.InburgeraarId == dossier.Id));
        Assert.Equal((LbtBron.Duo, 24, 28), (toets.Bron, toets.Score, toets.CesuurVolgensDuo));
        var examens = Db(db => db.Examenresultaten.AsNoTracking().Where(e => e.InburgeraarId == dossier.Id).OrderBy(e => e.Datum).ToList());
        Assert.Equal([(Examenonderdeel.Knm, true), (Examenonderdeel.Spreken, false)], examens.Select(e => (e.Onderdeel, e.Behaald)));
        Assert.All(examens, e => Assert.Equal(Gegevensbron.Duo, e.Bron));

        // Processed in DUO's order: the case was created before the toets, the toets before the termijn.
        var audit = Db(db => db.Audit.AsNoTracking().Where(a => a.InburgeraarId == dossier.Id && a.Gebruiker == DuoVerwerker.Gebruiker).OrderBy(a => a.Id).Select(a => a.Omschrijving).ToList());
        Assert.StartsWith("Dossier aangemaakt uit DUO-melding SS101", audit[0]);
        Assert.Contains("SS131", audit[1]);
        Assert.Contains("SS102", audit[2]);
        Assert.Contains("SS199", audit[3]);

        // Delivering the exam event again (a new message) adds no second copy of the results.
        await omgeving.NotificeerAsync("SS199", bsn, T0.AddMinutes(40));
        await omgeving.VerwerkAsync();
        Assert.Equal(2, Db(db => db.Examenresultaten.Count(e => e.InburgeraarId == dossier.Id)));
    }

    [Fact]
    public async Task Verlenging_door_DUO_verschuift_het_einde_van_de_termijn_met_historie()
    {
        var bsn = Testdata.NieuwBsn();
        var p = Plichtig(bsn);
        p.Termijn = new DuoInburgeringstermijn(new DateOnly(2026, 6, 1), new DateOnly(2029, 6, 1));
        await omgeving.NotificeerAsync("SS101", bsn, T0);
        await omgeving.NotificeerAsync("SS102", bsn, T0.AddMinutes(1));
        await omgeving.VerwerkAsync();
        p.Termijn = p.Termijn with { Einddatum = new DateOnly(2029, 12, 1), Verlengingsgrondomschrijving = "Ambtshalve" };
        await omgeving.NotificeerAsync("SS103", bsn, T0.AddMinutes(2));
        await omgeving.VerwerkAsync();

        var dossier = Dossier(bsn)!;
        Assert.Equal(new DateOnly(2029, 12, 1), dossier.Mijlpalen.Single(m => m.Soort == Mijlpaal.TermijnVerlengdTot).Datum);
        Assert.True(Db(db => db.MijlpaalWijzigingen.Any(w => w.InburgeraarId == dossier.Id && w.Soort == Mijlpaal.TermijnVerlengdTot && w.Reden!.Contains("DUO"))));
    }

    [Fact]
    public async Task Een_klantregisseur_ziet_alleen_DUO_meldingen_van_dossiers_binnen_zijn_bereik()
    {
        var bsn = Testdata.NieuwBsn();
        Plichtig(bsn);
        await omgeving.NotificeerAsync("SS101", bsn, T0);
        await omgeving.VerwerkAsync();
        var melding = Assert.Single(Meldingen(bsn));
        Assert.NotNull(melding.InburgeraarId); // a case in GM1724 (Kempen)

        HttpClient Als(string email) => omgeving.Als(email);

        async Task<bool> ZietAsync(string email)
        {
            var lijst = (await (await Als(email).GetAsync("/api/v1/duo/inbox?status=Verwerkt")).LeesAsync()).AsArray();
            return lijst.Any(r => r!["id"]!.GetValue<long>() == melding.Id);
        }

        Assert.True(await ZietAsync("sanne.devries@kempen.example"));
        Assert.False(await ZietAsync("fleur.hendriks@weert.example"));
        // Nor can Weert act on it: the event is 'not found' for them.
        var weert = Als("fleur.hendriks@weert.example");
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostAsync($"/api/v1/duo/inbox/{melding.Id}/opnieuw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostAsJsonAsync($"/api/v1/duo/inbox/{melding.Id}/afhandelen", new { toelichting = "x" })).StatusCode);
    }

    [Fact]
    public async Task Onverwerkbare_melding_wordt_geparkeerd_en_houdt_latere_meldingen_van_die_persoon_vast()
    {
        var bsn = Testdata.NieuwBsn();
        // DUO does not know the person yet: SS101 cannot be reconciled.
        await omgeving.NotificeerAsync("SS101", bsn, T0);
        await omgeving.NotificeerAsync("SS137", bsn, T0.AddMinutes(5));
        await omgeving.VerwerkAsync();
        var meldingen = Meldingen(bsn);
        Assert.Equal(InboxStatus.Geparkeerd, meldingen[0].Status);
        Assert.Contains("DUO kent deze persoon niet", meldingen[0].LaatsteFout);
        Assert.Equal(InboxStatus.Ontvangen, meldingen[1].Status); // waits for its predecessor
        Assert.Null(Dossier(bsn));

        // The beheer page shows it with the reason and without the full BSN.
        var html = await omgeving.App.CreateClient().GetStringAsync("/beheer/duo");
        Assert.Contains("DUO kent deze persoon niet", html);
        Assert.DoesNotContain(bsn, html);
        var inbox = (await (await omgeving.App.CreateClient().GetAsync("/api/v1/duo/inbox?status=Geparkeerd")).LeesAsync()).AsArray();
        Assert.Contains(inbox, r => r!["id"]!.GetValue<long>() == meldingen[0].Id);

        // DUO now knows the person; a person offers the event again: both are processed, in order.
        Plichtig(bsn);
        var opnieuw = await omgeving.App.CreateClient().PostAsync($"/api/v1/duo/inbox/{meldingen[0].Id}/opnieuw", null);
        Assert.Equal(HttpStatusCode.NoContent, opnieuw.StatusCode);
        await omgeving.VerwerkAsync();
        Assert.All(Meldingen(bsn), n => Assert.Equal(InboxStatus.Verwerkt, n.Status));
        Assert.NotNull(Dossier(bsn));
    }

    [Fact]
    public async Task Storing_bij_DUO_wordt_opnieuw_geprobeerd_met_wachttijd_en_daarna_geparkeerd()
    {
        var bsn = Testdata.NieuwBsn();
        Plichtig(bsn);
        await omgeving.NotificeerAsync("SS101", bsn, T0);
        var nu = omgeving.Basis.Tijd.Nu;
        try
        {
            omgeving.DuoStoring = true;
            await omgeving.VerwerkAsync();
            var n = Meldingen(bsn).Single();
            Assert.Equal((InboxStatus.Ontvangen, 1), (n.Status, n.Pogingen));
            Assert.True(n.VolgendePogingOp > nu.UtcDateTime);
            Assert.Null(Dossier(bsn)); // nothing half-done

            // Not due yet: nothing happens.
            await omgeving.VerwerkAsync();
            Assert.Equal(1, Meldingen(bsn).Single().Pogingen);

            // Past the backoff it is retried, and after the last attempt parked with the reason.
            for (var i = 0; i < 4; i++)
            {
                omgeving.Basis.Tijd.Nu = omgeving.Basis.Tijd.Nu.AddHours(2);
                await omgeving.VerwerkAsync();
            }

            n = Meldingen(bsn).Single();
            Assert.Equal((InboxStatus.Geparkeerd, 5), (n.Status, n.Pogingen));
            Assert.Contains("503", n.LaatsteFout);

            omgeving.DuoStoring = false;
            Assert.Equal(HttpStatusCode.NoContent, (await omgeving.App.CreateClient().PostAsync($"/api/v1/duo/inbox/{n.Id}/opnieuw", null)).StatusCode);
            await omgeving.VerwerkAsync();
            Assert.Equal(InboxStatus.Verwerkt, Meldingen(bsn).Single().Status);
            Assert.NotNull(Dossier(bsn));
        }
        finally
        {
            omgeving.DuoStoring = false;
            omgeving.Basis.Tijd.Nu = nu;
        }
    }

    [Fact]
    public async Task Crash_tussen_ontvangen_en_verwerken_verliest_niets()
    {
        var bsn = Testdata.NieuwBsn();
        Plichtig(bsn);
        await omgeving.NotificeerAsync("SS101", bsn, T0);
        Assert.Equal(InboxStatus.Ontvangen, Meldingen(bsn).Single().Status);

        // The instance that received it is gone before processing; a new one starts on the same database.
        omgeving.Herstart();
        Plichtig(bsn); // the new instance's simulator (DUO) still knows the person
        await omgeving.VerwerkAsync();
        Assert.Equal(InboxStatus.Verwerkt, Meldingen(bsn).Single().Status);
        Assert.NotNull(Dossier(bsn));
    }

    [Fact]
    public async Task Simulator_maakt_via_de_echte_Notificatie_API_een_dossier_aan()
    {
        var bsn = Testdata.NieuwBsn();
        var client = omgeving.App.CreateClient();
        var antwoord = await client.PostJsonAsync("/api/v1/duo-simulator/gebeurtenissen", new { bsn, gebeurtenisId = "SS101", doelgroep = "Asielstatushouder" });
        Assert.Equal(HttpStatusCode.Accepted, antwoord.StatusCode);
        await omgeving.VerwerkAsync();
        var dossier = Dossier(bsn)!;
        Assert.Equal(Doelgroep.Asielstatushouder, dossier.Doelgroep);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonAsync("/api/v1/duo-simulator/gebeurtenissen", new { bsn, gebeurtenisId = "SS131", behaaldeScore = "29,00" })).StatusCode);
        await omgeving.VerwerkAsync();
        Assert.Equal(29, Db(db => db.Leerbaarheidstoetsen.Single(t => t.InburgeraarId == dossier.Id).Score));

        var fout = await client.PostJsonAsync("/api/v1/duo-simulator/gebeurtenissen", new { bsn = "123456789", gebeurtenisId = "SS101" });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
    }

    [Fact]
    public async Task Vastgesteld_PIP_gaat_via_de_outbox_naar_DUO()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await omgeving.DossierMetVastgesteldPipAsync(bsn, "b1Route");
        var bericht = Db(db => db.DuoUitgaandeBerichten.AsNoTracking().Single(b => b.InburgeraarId == Guid.Parse(id)));
        Assert.Equal((OutboxSoort.Pip, OutboxStatus.Wachtend), (bericht.Soort, bericht.Status));
        var pip = Spec.Laad("PIP");
        Assert.Empty(Spec.Valideer(System.Text.Json.JsonDocument.Parse(bericht.InhoudJson).RootElement, Spec.Antwoord(pip, "/personen/{bsn}/PIP", "post", "request"), pip));

        await omgeving.VerstuurAsync();
        bericht = Db(db => db.DuoUitgaandeBerichten.AsNoTracking().Single(b => b.Id == bericht.Id));
        Assert.Equal((OutboxStatus.Verzonden, 201), (bericht.Status, bericht.Antwoordcode));
        var ontvangen = Assert.Single(omgeving.Sim.Persoon(bsn).Pips);
        Assert.Equal((new DateOnly(2026, 6, 15), "B", "B1"), (ontvangen.DagtekeningPip, ontvangen.Leerroute, ontvangen.Niveau));

        // Sending again changes nothing: the message is done.
        await omgeving.VerstuurAsync();
        Assert.Single(omgeving.Sim.Persoon(bsn).Pips);
    }

    [Fact]
    public async Task Afgeronde_Z_route_gaat_naar_DUO_na_het_PIP()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await omgeving.DossierMetVastgesteldPipAsync(bsn, "zRoute");
        var client = omgeving.App.CreateClient();
        var gesprek = await client.PostJsonAsync($"/api/v1/inburgeraars/{id}/eindgesprek", new { datum = "2026-06-16", verslag = "Z-route afgerond: zelfstandig boodschappen, bus en huisarts.", behaald = true });
        Assert.True(gesprek.StatusCode == HttpStatusCode.Created, await gesprek.Content.ReadAsStringAsync());
        var bericht = Db(db => db.DuoUitgaandeBerichten.AsNoTracking().Single(b => b.InburgeraarId == Guid.Parse(id) && b.Soort == OutboxSoort.ZrouteAfgerond));
        Assert.Equal(("PUT", $"personen/{bsn}/zroute"), (bericht.Methode, bericht.Pad));
        var spec = Spec.Laad("MapPvtZroute");
        Assert.Empty(Spec.Valideer(System.Text.Json.JsonDocument.Parse(bericht.InhoudJson).RootElement, Spec.Antwoord(spec, "/personen/{bsn}/zroute", "put", "request"), spec));

        await omgeving.VerstuurAsync(); // the PIP first (older), then the Z-route
        Assert.Equal(OutboxStatus.Verzonden, Db(db => db.DuoUitgaandeBerichten.AsNoTracking().Single(b => b.Id == bericht.Id)).Status);
        Assert.Equal(new DateOnly(2026, 6, 16), omgeving.Sim.Persoon(bsn).ZrouteAfgerond);

        // A Z-route eindgesprek that did not end the route sends nothing.
        var ander = await omgeving.DossierMetVastgesteldPipAsync(Testdata.NieuwBsn(), "zRoute");
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync($"/api/v1/inburgeraars/{ander}/eindgesprek", new { datum = "2026-06-16", verslag = "Nog niet zover.", behaald = false })).StatusCode);
        Assert.False(Db(db => db.DuoUitgaandeBerichten.Any(b => b.InburgeraarId == Guid.Parse(ander) && b.Soort == OutboxSoort.ZrouteAfgerond)));
    }

    [Fact]
    public async Task Weigering_door_DUO_staat_op_het_dossier()
    {
        var bsn = Testdata.NieuwBsn();
        // DUO has the plicht start after the dagtekening: DUO refuses (Koers cannot know this date).
        var id = await omgeving.DossierMetVastgesteldPipAsync(bsn, "b1Route", duoPlichtSinds: new DateOnly(2026, 6, 16));
        await omgeving.VerstuurAsync();
        var bericht = Db(db => db.DuoUitgaandeBerichten.AsNoTracking().Single(b => b.InburgeraarId == Guid.Parse(id)));
        Assert.Equal((OutboxStatus.Geweigerd, 403), (bericht.Status, bericht.Antwoordcode));
        Assert.Contains("begindatum van de inburgeringsplicht", bericht.Melding);
        Assert.Empty(omgeving.Sim.Persoon(bsn).Pips);

        var api = await (await omgeving.App.CreateClient().GetAsync($"/api/v1/inburgeraars/{id}/duo")).LeesAsync();
        Assert.Equal("geweigerd", api["uitgaand"]![0]!["status"]!.GetValue<string>());
        var html = await omgeving.App.CreateClient().GetStringAsync($"/inburgeraars/{id}");
        Assert.Contains("DUO heeft 1 bericht(en) niet aangenomen", html);
        Assert.Contains("begindatum van de inburgeringsplicht", html);
    }

    [Fact]
    public async Task Gevolgde_uren_gaan_via_de_outbox_en_een_dossier_zonder_BSN_wordt_niet_verstuurd()
    {
        var bsn = Testdata.NieuwBsn();
        Plichtig(bsn);
        await omgeving.NotificeerAsync("SS101", bsn, T0);
        await omgeving.VerwerkAsync();
        var dossier = Dossier(bsn)!;
        using (var scope = omgeving.App.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<DuoOutbox>();
            Assert.NotNull(await outbox.MeldGevolgdeUrenAsync(dossier.Id, OutboxSoort.UrenParticipatieactiviteiten, 40));
            Assert.Equal(OutboxStatus.Geweigerd, (await outbox.MeldGevolgdeUrenAsync(dossier.Id, OutboxSoort.UrenTaallesKnm, 10000))!.Status);
            await scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>().SaveChangesAsync();
        }

        await omgeving.VerstuurAsync();
        Assert.Equal(40, omgeving.Sim.Persoon(bsn).Uren["participatieactiviteiten"]);
        Assert.False(omgeving.Sim.Persoon(bsn).Uren.ContainsKey("bredeintake/taallesknm"));
    }
}

public sealed class SqliteDuoUitwisselingTests(DuoSqliteOmgeving omgeving) : DuoUitwisselingTests(omgeving), IClassFixture<DuoSqliteOmgeving>;

public sealed class PostgresDuoUitwisselingTests(DuoPostgresOmgeving omgeving) : DuoUitwisselingTests(omgeving), IClassFixture<DuoPostgresOmgeving>
{
    private readonly DuoPostgresOmgeving _omgeving = omgeving;

    [Fact]
    public async Task Parallelle_verwerkers_houden_de_DUO_volgorde_per_persoon_en_verwerken_elke_melding_een_keer()
    {
        // 20 persons with a case, 4 events each; DUO answers slowly, so the inbox's workers overlap in time.
        var bsns = Enumerable.Range(0, 20).Select(_ => Testdata.NieuwBsn()).ToList();
        var t = new DateTimeOffset(2026, 6, 17, 6, 0, 0, TimeSpan.Zero);
        foreach (var bsn in bsns)
        {
            _omgeving.Sim.Persoon(bsn).Plicht = new DuoInburgeringsplicht(true, new DateOnly(2026, 1, 5));
            await _omgeving.NotificeerAsync("SS101", bsn, t);
        }

        await _omgeving.VerwerkAsync();
        for (var j = 0; j < bsns.Count; j++)
        {
            // Half the persons' events arrive in reverse order: DUO's order (registratieDatumTijd) decides, not arrival.
            var volgorde = j % 2 == 0 ? new[] { 1, 2, 3, 4 } : [4, 3, 2, 1];
            foreach (var i in volgorde) await _omgeving.NotificeerAsync(i % 2 == 1 ? "SS109" : "SS137", bsns[j], t.AddMinutes(i));
        }

        _omgeving.DuoVertraging = TimeSpan.FromMilliseconds(40);
        _omgeving.NulMaxLopend();
        try
        {
            await _omgeving.VerwerkAsync();
        }
        finally
        {
            _omgeving.DuoVertraging = TimeSpan.Zero;
        }

        // The parallel path ran: several SS109 decisions were being read from DUO at the same moment.
        Assert.True(_omgeving.DuoMaxLopend >= 2, $"hoogstens {_omgeving.DuoMaxLopend} aanroep(en) naar DUO tegelijk");
        using var scope = _omgeving.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>();
        var meldingen = await db.DuoNotificatiesVan(bsns).AsNoTracking().Where(n => n.GebeurtenisId != "SS101").ToListAsync();
        Assert.Equal(80, meldingen.Count);
        Assert.All(meldingen, n => Assert.Equal((InboxStatus.Verwerkt, 1), (n.Status, n.Pogingen)));
        var dossiers = await db.InburgeraarsMetBsn(bsns).Select(i => i.Id).ToListAsync();
        Assert.Equal(20, dossiers.Count);
        var audit = await db.Audit.AsNoTracking().Where(a => dossiers.Contains(a.InburgeraarId!.Value) && a.Gebruiker == DuoVerwerker.Gebruiker && a.Actie == AuditActie.Wijzigen)
            .OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(80, audit.Count); // each event's effect exactly once
        foreach (var d in dossiers)
        {
            // In DUO's order per person, whichever worker took each event: the audit ids follow the commits.
            var codes = audit.Where(a => a.InburgeraarId == d).Select(a => a.Omschrijving[12..17]).ToList();
            Assert.Equal(["SS109", "SS137", "SS109", "SS137"], codes);
        }
    }

    [Fact]
    public async Task De_kandidaten_van_de_inbox_zoeken_per_persoon_ook_als_de_statistieken_zeggen_dat_niets_wacht()
    {
        // A quiet period (many handled events, analysed), then a burst the statistics have not seen: the state in which
        // PostgreSQL planned the plain NOT EXISTS as an anti join over every open event per candidate (issue #21).
        using var scope = _omgeving.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO duo_notificatie ("BerichtId", "GebeurtenisId", "RegistratieDatumTijd", "Persoonssleutel", "Afzender", "OntvangenOp", "Status", "Pogingen")
            SELECT gen_random_uuid(), 'SS137', now() - interval '2 days' + g * interval '1 ms', 'plantest-oud-' || g, 'plantest', now(), 'Verwerkt', 1
            FROM generate_series(1, 4000) g;
            ANALYZE duo_notificatie;
            INSERT INTO duo_notificatie ("BerichtId", "GebeurtenisId", "RegistratieDatumTijd", "Persoonssleutel", "Afzender", "OntvangenOp", "Status", "Pogingen")
            SELECT gen_random_uuid(), 'SS137', timestamptz '2000-01-01 00:00Z' + g * interval '1 ms', 'plantest-' || (g % 2000), 'plantest', now(), 'Ontvangen', 0
            FROM generate_series(1, 4000) g;
            """);
        try
        {
            // The inbox's own statement, its parameters as it sends them.
            var sql = DuoInbox.KandidatenSql(DateTime.UtcNow, 50);
            var conn = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
            await conn.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand("EXPLAIN " + System.Text.RegularExpressions.Regex.Replace(sql.Format, @"\{(\d+)\}", m => "$" + (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1)), conn);
            foreach (var waarde in sql.GetArguments()) cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = waarde });
            var plan = new System.Text.StringBuilder();
            await using (var lezer = await cmd.ExecuteReaderAsync())
            {
                while (await lezer.ReadAsync()) plan.AppendLine(lezer.GetString(0));
            }

            // Per candidate one probe of the person's open events, never a scan of all of them.
            Assert.DoesNotContain("Anti Join", plan.ToString());
            Assert.Contains("SubPlan", plan.ToString());
            Assert.Matches(@"Index Cond: .*""Persoonssleutel""\)::text = \(d\.""Persoonssleutel""\)", plan.ToString());

            // And the statement still answers what the inbox asks: the oldest waiting event per person, in DUO's order
            // (the test's events are dated 2000, before any other test's).
            var ids = await db.Database.SqlQuery<long>(sql).ToListAsync();
            var eerste = await db.DuoNotificaties.AsNoTracking().Where(n => n.Afzender == "plantest" && n.Status == InboxStatus.Ontvangen)
                .OrderBy(n => n.RegistratieDatumTijd).ThenBy(n => n.Id).Take(50).Select(n => new { n.Id, n.Persoonssleutel }).ToListAsync();
            Assert.Equal(eerste.Select(n => n.Id), ids);
            Assert.Equal(50, eerste.Select(n => n.Persoonssleutel).Distinct().Count());
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM duo_notificatie WHERE "Afzender" = 'plantest'""");
        }
    }

    [Fact]
    public async Task De_kandidaten_van_de_inbox_worden_gepland_met_de_tabel_van_nu_ook_op_een_verbinding_die_statements_bewaart()
    {
        // The national runs' state (issue #21, runs 18 and 19): the inbox polled a quiet table every two seconds on a
        // connection that prepares its statements (Npgsql's Max Auto Prepare, as the benchmark's connection string), so
        // PostgreSQL kept a generic plan made for that table. Then a burst arrived, and every round of candidates scanned
        // the whole table once per candidate.
        using var scope = _omgeving.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>();
        var bewaart = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { MaxAutoPrepare = 20, AutoPrepareMinUsages = 2 };
        await using var verbinding = new Npgsql.NpgsqlConnection(bewaart.ConnectionString);
        await verbinding.OpenAsync();
        var eigen = db.Database.GetConnectionString();
        db.Database.SetDbConnection(verbinding);
        var inbox = scope.ServiceProvider.GetRequiredService<DuoInbox>();
        await db.Database.ExecuteSqlRawAsync("""
            ALTER TABLE duo_notificatie SET (autovacuum_enabled = false);
            ANALYZE duo_notificatie;
            """);
        try
        {
            for (var i = 0; i < 10; i++) _ = await inbox.KandidatenAsync(50, default); // the polls of a quiet inbox
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO duo_notificatie ("BerichtId", "GebeurtenisId", "RegistratieDatumTijd", "Persoonssleutel", "Afzender", "OntvangenOp", "Status", "Pogingen")
                SELECT gen_random_uuid(), 'SS137', timestamptz '2000-01-01 00:00Z' + g * interval '1 ms', 'plancache-' || (g % 1000), 'plancache', now(), 'Ontvangen', 0
                FROM generate_series(1, 2000) g;
                """);

            // Rows PostgreSQL read by sequential scans of the table, from its statistics (flushed by this session first).
            async Task<long> SequentieelGelezenAsync()
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_stat_force_next_flush()");
                return await db.Database.SqlQuery<long>($"""SELECT seq_tup_read AS "Value" FROM pg_stat_user_tables WHERE relname = 'duo_notificatie'""").SingleAsync();
            }

            var rijen = await db.DuoNotificaties.LongCountAsync();
            var voor = await SequentieelGelezenAsync();
            var kandidaten = await inbox.KandidatenAsync(50, default);
            var gelezen = await SequentieelGelezenAsync() - voor;

            // The round is still the oldest waiting event per person, in DUO's order (the test's events are dated 2000).
            var eerste = await db.DuoNotificaties.AsNoTracking().Where(n => n.Afzender == "plancache")
                .OrderBy(n => n.RegistratieDatumTijd).ThenBy(n => n.Id).Take(50).Select(n => n.Id).ToListAsync();
            Assert.Equal(eerste, kandidaten);
            // At most one pass over the table, never one per candidate: the generic plan read 2,000 times the table.
            Assert.True(gelezen <= rijen, $"{gelezen:N0} rows read by sequential scans for one round, the table has {rijen:N0}");
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("""
                DELETE FROM duo_notificatie WHERE "Afzender" = 'plancache';
                ALTER TABLE duo_notificatie RESET (autovacuum_enabled);
                """);
            // The context is pooled: it goes back with a connection of its own, not this test's (disposed at the end).
            db.Database.SetDbConnection(null);
            db.Database.SetConnectionString(eigen);
        }
    }

    [Fact]
    public async Task De_claim_van_een_werker_leest_alleen_de_melding_op_zijn_plek_in_de_ronde()
    {
        // A backlog of 2,000 waiting events, of which the round is the first 128 (the inbox's round with 16 workers),
        // oldest first, as the candidate query gives it. The statistics are those of the national run's drain: the
        // table was last analysed when none of them was waiting yet (autovacuum held off, as it had not come round yet
        // there), so the planner believes the partial index of waiting events empty.
        using var scope = _omgeving.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>();
        await db.Database.ExecuteSqlRawAsync("""
            ALTER TABLE duo_notificatie SET (autovacuum_enabled = false);
            INSERT INTO duo_notificatie ("BerichtId", "GebeurtenisId", "RegistratieDatumTijd", "Persoonssleutel", "Afzender", "OntvangenOp", "Status", "Pogingen")
            SELECT gen_random_uuid(), 'SS137', timestamptz '2000-01-01 00:00Z' + g * interval '1 ms', 'claimtest-' || g, 'claimtest', now(), 'Verwerkt', 1
            FROM generate_series(1, 2000) g;
            ANALYZE duo_notificatie;
            UPDATE duo_notificatie SET "Status" = 'Ontvangen', "Pogingen" = 0 WHERE "Afzender" = 'claimtest';
            """);
        try
        {
            var ronde = await db.DuoNotificaties.AsNoTracking().Where(n => n.Afzender == "claimtest")
                .OrderBy(n => n.RegistratieDatumTijd).ThenBy(n => n.Id).Select(n => n.Id).Take(128).ToArrayAsync();
            Assert.Equal(128, ronde.Length);
            var conn = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
            await conn.OpenAsync();

            async Task<string> PlanAsync(long[] ids)
            {
                var sql = DuoInbox.ClaimSql(ids, DateTime.UtcNow);
                await using var tx = await conn.BeginTransactionAsync();
                await using var cmd = new Npgsql.NpgsqlCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + System.Text.RegularExpressions.Regex.Replace(sql.Format, @"\{(\d+)\}", m => "$" + (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1)), conn, tx);
                foreach (var waarde in sql.GetArguments()) cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = waarde });
                var plan = (string)(await cmd.ExecuteScalarAsync())!;
                await tx.RollbackAsync(); // EXPLAIN ANALYZE took the lock; give it back
                return plan;
            }

            // The rows the plan read from duo_notificatie, over all its loops.
            static long GelezenRijen(string plan)
            {
                long som = 0;
                void Loop(System.Text.Json.JsonElement knoop)
                {
                    if (knoop.TryGetProperty("Relation Name", out var r) && r.GetString() == "duo_notificatie")
                    {
                        som += (long)(knoop.GetProperty("Actual Rows").GetDouble() * knoop.GetProperty("Actual Loops").GetDouble());
                        if (knoop.TryGetProperty("Rows Removed by Filter", out var weg)) som += (long)(weg.GetDouble() * knoop.GetProperty("Actual Loops").GetDouble());
                    }

                    if (knoop.TryGetProperty("Plans", out var kinderen))
                    {
                        foreach (var k in kinderen.EnumerateArray()) Loop(k);
                    }
                }

                using var doc = System.Text.Json.JsonDocument.Parse(plan);
                Loop(doc.RootElement[0].GetProperty("Plan"));
                return som;
            }

            // A worker at position 40 with nobody else about: one row read, through the primary key, none sorted. Before:
            // all 128 read and sorted on every claim (0.6 ms instead of 0.04 ms on the national set); then, with these
            // statistics, all 2,000 waiting events read through the partial index and hashed (4.8 ms per claim).
            var plan = await PlanAsync(ronde[40..]);
            Assert.Equal(1, GelezenRijen(plan));
            Assert.DoesNotContain("\"Sort\"", plan);
            Assert.Contains("\"Index Name\": \"PK_duo_notificatie\"", plan);

            // And the claim takes the first free one from the position on: events finished (by the other instance) are
            // passed over, the rest in the round's order.
            await db.Database.ExecuteSqlRawAsync("""UPDATE duo_notificatie SET "Status" = 'Verwerkt' WHERE "Id" = ANY({0})""", ronde[40..43]);
            var geclaimd = await db.DuoNotificaties.FromSql(DuoInbox.ClaimSql(ronde[40..], DateTime.UtcNow)).AsNoTracking().Select(n => n.Id).FirstAsync();
            Assert.Equal(ronde[43], geclaimd);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("""
                DELETE FROM duo_notificatie WHERE "Afzender" = 'claimtest';
                ALTER TABLE duo_notificatie RESET (autovacuum_enabled);
                """);
        }
    }

    [Fact]
    public async Task Twee_instanties_verwerken_een_stoot_meldingen_elk_precies_een_keer()
    {
        // 15 persons with a case, 4 events each, in DUO's order per person.
        var bsns = Enumerable.Range(0, 15).Select(_ => Testdata.NieuwBsn()).ToList();
        var t = new DateTimeOffset(2026, 6, 16, 6, 0, 0, TimeSpan.Zero);
        foreach (var bsn in bsns)
        {
            var p = _omgeving.Sim.Persoon(bsn);
            p.Plicht = new DuoInburgeringsplicht(true, new DateOnly(2026, 1, 5));
            await _omgeving.NotificeerAsync("SS101", bsn, t);
        }

        await _omgeving.VerwerkAsync();
        var ids = new List<Guid>();
        foreach (var bsn in bsns)
        {
            for (var i = 1; i <= 4; i++) await _omgeving.NotificeerAsync(i % 2 == 0 ? "SS137" : "SS109", bsn, t.AddMinutes(i));
        }

        // A second Koers instance on the same database, processing at the same time as the first.
        var tweede = _omgeving.Maak();
        try
        {
            await Task.WhenAll(
                Task.Run(() => _omgeving.VerwerkAsync()), Task.Run(() => _omgeving.VerwerkAsync(tweede)),
                Task.Run(() => _omgeving.VerwerkAsync()), Task.Run(() => _omgeving.VerwerkAsync(tweede)));
        }
        finally
        {
            tweede.Dispose();
        }

        using var scope = _omgeving.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>();
        var meldingen = await db.DuoNotificatiesVan(bsns).AsNoTracking().Where(n => n.GebeurtenisId != "SS101").ToListAsync();
        Assert.Equal(60, meldingen.Count);
        Assert.All(meldingen, n => Assert.Equal((InboxStatus.Verwerkt, 1), (n.Status, n.Pogingen)));
        var dossiers = await db.InburgeraarsMetBsn(bsns).Select(i => i.Id).ToListAsync();
        Assert.Equal(15, dossiers.Count);
        var audit = await db.Audit.AsNoTracking().Where(a => dossiers.Contains(a.InburgeraarId!.Value) && a.Gebruiker == DuoVerwerker.Gebruiker && a.Actie == AuditActie.Wijzigen)
            .OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(60, audit.Count); // each event's effect exactly once
        // And per person in DUO's order: SS109, SS137, SS109, SS137.
        foreach (var d in dossiers)
        {
            var codes = audit.Where(a => a.InburgeraarId == d).Select(a => a.Omschrijving[12..17]).ToList();
            Assert.Equal(["SS109", "SS137", "SS109", "SS137"], codes);
        }
    }

    [Fact]
    public async Task Twee_instanties_verdelen_een_ronde_zonder_pogingen_te_verspillen_aan_meldingen_van_de_ander()
    {
        // 40 persons with a case, one event each: one round holds them all, in both instances. DUO answers slowly, so the
        // two instances work on the same round at the same time.
        var bsns = Enumerable.Range(0, 40).Select(_ => Testdata.NieuwBsn()).ToList();
        var t = new DateTimeOffset(2026, 6, 15, 6, 0, 0, TimeSpan.Zero);
        foreach (var bsn in bsns)
        {
            _omgeving.Sim.Persoon(bsn).Plicht = new DuoInburgeringsplicht(true, new DateOnly(2026, 1, 5));
            await _omgeving.NotificeerAsync("SS101", bsn, t);
        }

        await _omgeving.VerwerkAsync();
        foreach (var bsn in bsns) await _omgeving.NotificeerAsync("SS109", bsn, t.AddMinutes(1));
        HashSet<long> ids;
        using (var scope = _omgeving.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>();
            ids = [.. await db.DuoNotificatiesVan(bsns).Where(n => n.GebeurtenisId == "SS109").Select(n => n.Id).ToListAsync()];
        }

        Assert.Equal(40, ids.Count);
        var tweede = _omgeving.Maak();
        // The inbox's claim statements (FOR UPDATE SKIP LOCKED) that concern these events: by their ids, as the inbox runs
        // in the background of no request.
        using var claims = new Statementteller(data => data.Command.CommandText.Contains("SKIP LOCKED", StringComparison.Ordinal) &&
            data.Command.Parameters.Cast<System.Data.Common.DbParameter>().Any(p => p.Value is long id && ids.Contains(id) || p.Value is IEnumerable<long> lijst && lijst.Any(ids.Contains)));
        _omgeving.DuoVertraging = TimeSpan.FromMilliseconds(40);
        try
        {
            await Task.WhenAll(Task.Run(() => _omgeving.VerwerkAsync()), Task.Run(() => _omgeving.VerwerkAsync(tweede)));
        }
        finally
        {
            _omgeving.DuoVertraging = TimeSpan.Zero;
            tweede.Dispose();
        }

        using (var scope = _omgeving.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>();
            var meldingen = await db.DuoNotificaties.AsNoTracking().Where(n => ids.Contains(n.Id)).ToListAsync();
            Assert.All(meldingen, n => Assert.Equal((InboxStatus.Verwerkt, 1), (n.Status, n.Pogingen)));
        }

        // Each event is claimed once by whoever takes it; what is left over is at most one empty claim per worker per round
        // (two instances, each with its workers, and a last round that finds only events the other still holds). Handing
        // each worker fixed positions in its instance's round made both instances try all 40: 40 claims wasted.
        var verwerkers = new Koers.Web.Features.Duo.DuoOpties().Verwerkers;
        Assert.InRange(claims.Aantal - 40, 0, 2 * 2 * verwerkers);
        Assert.True(claims.Aantal - 40 < 40, $"{claims.Aantal - 40} claims op meldingen die de andere instantie al had");
    }
}

using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Dossier;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Inkoop;

/// <summary>
/// Provider performance (issue #23) and the contract signal on the team lead's worklist. Each test builds its own partner,
/// persons, referrals, hours, exams and prices; the expected figures are computed here from that base data with the rules
/// as written under "Hoe berekend", not read from the service. The clock stands on 16 June 2026.
/// </summary>
public abstract partial class AanbiedersTests(KoersFactory factory)
{
    private static readonly DateOnly Vandaag = KoersFactory.Vandaag;
    private const string Teamleider = "anouk.vandenberg@kempen.example";
    private const string Beleid = "beleid@kempen.example";
    private const string Klantregisseur = "sanne.devries@kempen.example";
    private const string WeertBeleid = "beleid.aanbieders@weert.example";

    private static string Uniek() => Guid.NewGuid().ToString("N")[..8];

    private sealed record Basis(int Partner, string Naam, int Klein, List<Guid> Personen, Guid Weert, int VolumeContract, int KnmContract, int InVenster, int BuitenVenster);

    /// <summary>
    /// Ten Z-route persons in Bergeijk with a running language trajectory at one new partner (five with many hours, five with few),
    /// one Weert person with one too (outside a Kempen user's reach), one KNM trajectory priced by contract, two PIP bijstellingen,
    /// eleven exam results, a catalogue product, and a second partner with three persons (small numbers).
    /// </summary>
    private Basis Bouw() => factory.MetDatabase(db =>
    {
        var kempen = db.Regios.First(r => r.Naam.Contains("Kempen")).Id;
        var bergeijk = db.Gemeenten.Single(g => g.Code == "GM1724").Id;
        var weert = db.Gemeenten.Single(g => g.Code == "GM0988").Id;
        var naam = $"Aanbieder {Uniek()}";
        var p = new Partnerorganisatie { Naam = naam, Soort = Partnersoort.Taalaanbieder, RegioId = kempen };
        var klein = new Partnerorganisatie { Naam = $"Kleine aanbieder {Uniek()}", Soort = Partnersoort.Taalaanbieder, RegioId = kempen };
        db.Partnerorganisaties.AddRange(p, klein);
        Inburgeraar Persoon(int gemeente, int i) => new()
        {
            Id = Guid.NewGuid(), Voornamen = "Test", Achternaam = $"Aanbieder {i:00} {Uniek()}", Nationaliteit = "Syrische", Doelgroep = Doelgroep.Asielstatushouder,
            GemeenteId = gemeente, Leerroute = Leerroute.ZRoute,
        };
        var personen = Enumerable.Range(0, 10).Select(i => Persoon(bergeijk, i)).ToList();
        var vanWeert = Persoon(weert, 99);
        db.Inburgeraars.AddRange(personen);
        db.Inburgeraars.Add(vanWeert);
        db.SaveChanges();

        Verwijzing Verwijs(Guid id, int partner, Onderdeel o, Verwijzingsstatus s, DateOnly aangemeld, DateOnly? start) => new()
        {
            Id = Guid.NewGuid(), InburgeraarId = id, PartnerorganisatieId = partner, Onderdeel = o, Status = s, AangemeldOp = aangemeld, AangemeldDoor = "test", Startdatum = start,
        };
        for (var i = 0; i < 10; i++)
        {
            db.Verwijzingen.Add(Verwijs(personen[i].Id, p.Id, Onderdeel.Taal, Verwijzingsstatus.Geaccepteerd, new DateOnly(2025, 12, 1).AddDays(i * 3), new DateOnly(2026, 1, 5).AddDays(7 * i)));
            db.Urenregistraties.Add(new Urenregistratie
            {
                InburgeraarId = personen[i].Id, PartnerorganisatieId = p.Id, Soort = Urensoort.Taal, Week = new DateOnly(2026, 6, 1),
                Uren = i < 5 ? 500 : 10, AfwezigUren = i < 5 ? 20 : 5, Bron = Gegevensbron.Partner, VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test",
            });
        }

        // Not counted: refused, not yet started, and the Weert person (another municipality).
        db.Verwijzingen.Add(Verwijs(personen[0].Id, p.Id, Onderdeel.Taal, Verwijzingsstatus.Afgewezen, new DateOnly(2025, 11, 1), null));
        db.Verwijzingen.Add(Verwijs(personen[1].Id, p.Id, Onderdeel.Taal, Verwijzingsstatus.Geaccepteerd, new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1)));
        db.Verwijzingen.Add(Verwijs(vanWeert.Id, p.Id, Onderdeel.Taal, Verwijzingsstatus.Geaccepteerd, new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 5)));
        db.Urenregistraties.Add(new Urenregistratie
        {
            InburgeraarId = vanWeert.Id, PartnerorganisatieId = p.Id, Soort = Urensoort.Taal, Week = new DateOnly(2026, 6, 1), Uren = 0, AfwezigUren = 400,
            Bron = Gegevensbron.Partner, VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test",
        });
        // KNM for one person, priced by the contract (per trajectory, not SPUK).
        db.Verwijzingen.Add(Verwijs(personen[0].Id, p.Id, Onderdeel.Knm, Verwijzingsstatus.Geaccepteerd, new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1)));
        var knm = new Partnercontract { PartnerorganisatieId = p.Id, Onderdeel = Onderdeel.Knm, Van = new DateOnly(2026, 1, 1), Tariefsoort = Tariefsoort.PerTraject, Prijs = 650m, Volume = 10 };
        var volume = new Partnercontract { PartnerorganisatieId = p.Id, Onderdeel = Onderdeel.Taal, Van = new DateOnly(2026, 1, 1), Tot = new DateOnly(2027, 12, 31), Tariefsoort = Tariefsoort.PerTraject, Prijs = 1m, Volume = 12 };
        var inVenster = new Partnercontract { PartnerorganisatieId = p.Id, Onderdeel = Onderdeel.Participatie, Van = new DateOnly(2025, 1, 1), Tot = new DateOnly(2026, 9, 16), Tariefsoort = Tariefsoort.PerUur, Prijs = 1m };
        var buitenVenster = new Partnercontract { PartnerorganisatieId = p.Id, Onderdeel = Onderdeel.Pvt, Van = new DateOnly(2025, 1, 1), Tot = new DateOnly(2026, 9, 17), Tariefsoort = Tariefsoort.PerUur, Prijs = 1m };
        db.Partnercontracten.AddRange(knm, volume, inVenster, buitenVenster);
        db.Trajectproducten.Add(new Trajectproduct
        {
            Productsleutel = Guid.NewGuid(), Versie = 1, PartnerorganisatieId = p.Id, Naam = "Z-route taal", Onderdeel = Onderdeel.Taal, Leerroute = Leerroute.ZRoute, Lesvorm = Lesvorm.Klassikaal,
            PrijsPerPeriode = 400m, PeriodeMaanden = 1, SpukDeclarabel = true, GeldigVanaf = new DateOnly(2025, 1, 1),
        });

        // Bijstellingen: person 0 from B1 to Z after the start here (switch and afschaling), person 1 from Z to B1 (switch only),
        // person 2 from B1 to Z before the start here (not counted).
        void Pip(Guid id, Leerroute eerst, DateOnly d1, Leerroute dan, DateOnly d2)
        {
            db.PipVersies.Add(new PipVersie { Id = Guid.NewGuid(), InburgeraarId = id, Versie = 1, Status = PipStatus.Vervangen, Leerroute = eerst, Dagtekening = d1 });
            db.PipVersies.Add(new PipVersie { Id = Guid.NewGuid(), InburgeraarId = id, Versie = 2, Status = PipStatus.Vastgesteld, Leerroute = dan, Dagtekening = d2, RedenBijstelling = "test" });
        }

        Pip(personen[0].Id, Leerroute.B1Route, new DateOnly(2025, 11, 1), Leerroute.ZRoute, new DateOnly(2026, 2, 1));
        Pip(personen[1].Id, Leerroute.ZRoute, new DateOnly(2025, 10, 1), Leerroute.B1Route, new DateOnly(2026, 3, 1));
        Pip(personen[2].Id, Leerroute.B1Route, new DateOnly(2025, 10, 1), Leerroute.ZRoute, new DateOnly(2025, 12, 1));

        // Ten results of this partner (five passed), one DUO result after person 3's start here (attributed, passed) and one
        // DUO result before any start (not attributed).
        for (var i = 0; i < 10; i++)
        {
            db.Examenresultaten.Add(new Examenresultaat
            {
                Id = Guid.NewGuid(), InburgeraarId = personen[i].Id, Onderdeel = Examenonderdeel.Lezen, Datum = new DateOnly(2026, 5, 1), Behaald = i % 2 == 0,
                Bron = Gegevensbron.Partner, PartnerorganisatieId = p.Id, VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test",
            });
        }

        db.Examenresultaten.Add(new Examenresultaat
        {
            Id = Guid.NewGuid(), InburgeraarId = personen[3].Id, Onderdeel = Examenonderdeel.Spreken, Datum = new DateOnly(2026, 5, 20), Behaald = true,
            Bron = Gegevensbron.Duo, VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test",
        });
        db.Examenresultaten.Add(new Examenresultaat
        {
            Id = Guid.NewGuid(), InburgeraarId = personen[4].Id, Onderdeel = Examenonderdeel.Spreken, Datum = new DateOnly(2025, 6, 1), Behaald = false,
            Bron = Gegevensbron.Duo, VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test",
        });

        db.SaveChanges();
        // The small partner: three persons with a participation trajectory.
        for (var i = 0; i < 3; i++)
        {
            db.Verwijzingen.Add(Verwijs(personen[i].Id, klein.Id, Onderdeel.Participatie, Verwijzingsstatus.Geaccepteerd, new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1)));
            db.Urenregistraties.Add(new Urenregistratie
            {
                InburgeraarId = personen[i].Id, PartnerorganisatieId = klein.Id, Soort = Urensoort.Participatie, Week = new DateOnly(2026, 6, 8), Uren = 8, AfwezigUren = 0,
                Bron = Gegevensbron.Partner, VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test",
            });
        }

        db.SaveChanges();
        return new Basis(p.Id, naam, klein.Id, personen.Select(x => x.Id).ToList(), vanWeert.Id, volume.Id, knm.Id, inVenster.Id, buitenVenster.Id);
    });

    private static int BegonnenMaanden(DateOnly start, DateOnly tot) =>
        (tot.Year - start.Year) * 12 + tot.Month - start.Month + (tot.Day >= start.Day ? 1 : 0);

    private static System.Text.Json.Nodes.JsonNode Rij(System.Text.Json.Nodes.JsonNode json, int partner) =>
        json["aanbieders"]!.AsArray().Single(a => a!["partnerorganisatieId"]!.GetValue<int>() == partner)!;

    [Fact]
    public async Task Cijfers_per_aanbieder_kloppen_met_de_basisgegevens_en_kleine_aantallen_zijn_verborgen()
    {
        var b = Bouw();
        var starts = Enumerable.Range(0, 10).Select(i => new DateOnly(2026, 1, 5).AddDays(7 * i)).ToList();
        var aangemeld = Enumerable.Range(0, 10).Select(i => new DateOnly(2025, 12, 1).AddDays(i * 3)).ToList();

        // Presence: (5 × 500 + 5 × 10) present of that plus (5 × 20 + 5 × 5) absent; the Weert person's 400 absent hours do not count.
        var aanwezigheid = Math.Round(100m * 2550 / (2550 + 125), 0, MidpointRounding.AwayFromZero);
        // Waiting time: the median over the ten started language referrals and the KNM one (1 Feb → 1 Mar = 28 days).
        var wacht = starts.Zip(aangemeld, (s, a) => s.DayNumber - a.DayNumber).Append(28).Order().ToList();
        var mediaan = (decimal)wacht[wacht.Count / 2];
        // On schedule: Z-route language norm 800 hours (language + KNM), against the share of three years since the start.
        var termijnen = factory.MetDatabase(db => db.MonitorDossiers.AsNoTracking().Where(m => b.Personen.Contains(m.InburgeraarId))
            .ToDictionary(m => m.InburgeraarId, m => (m.StartLeerroute, m.TermijnEinde)));
        var opSchema = Enumerable.Range(0, 10).Count(i =>
        {
            var (s, e) = termijnen.GetValueOrDefault(b.Personen[i]);
            var van = s ?? starts[i];
            var tot = e ?? van.AddYears(3);
            var verwacht = (int)Math.Floor(100m * (Vandaag.DayNumber - van.DayNumber) / (tot.DayNumber - van.DayNumber));
            var uren = i < 5 ? 500m : 10m;
            return uren >= 800 || (int)Math.Floor(uren * 100 / 800) >= verwacht;
        });
        // Cost: 400 per begun month from the start to today for each language trajectory (SPUK), plus 650 once for the KNM contract (not SPUK).
        var taal = starts.Sum(s => 400m * BegonnenMaanden(s, Vandaag));

        var json = await (await factory.ClientAls(Beleid).GetAsync("/api/v1/inkoop/aanbieders")).LeesAsync();
        var rij = Rij(json, b.Partner);
        Assert.Equal(10, rij["inTraject"]!["waarde"]!.GetValue<decimal>());
        Assert.Equal(aanwezigheid, rij["aanwezigheid"]!["waarde"]!.GetValue<decimal>());
        Assert.Equal(mediaan, rij["wachttijdMediaan"]!["waarde"]!.GetValue<decimal>());
        Assert.Equal(Math.Round(100m * opSchema / 10, 0, MidpointRounding.AwayFromZero), rij["opSchema"]!["waarde"]!.GetValue<decimal>());
        Assert.Equal(5, opSchema); // the five with 500 hours, not the five with 10
        Assert.Equal("6 / 11", rij["examens"]!["tekst"]!.GetValue<string>());
        Assert.Equal(taal + 650m, rij["kostenTotaal"]!["waarde"]!.GetValue<decimal>());
        Assert.Equal(taal, rij["kostenSpuk"]!["waarde"]!.GetValue<decimal>());
        var kosten = rij["kosten"]!.AsArray();
        // KNM is hidden (one person) and the total is shown: total minus language would give KNM away, so language is
        // hidden as well (secondary suppression; it is the only other onderdeel).
        var taalKosten = kosten.Single(k => k!["onderdeel"]!.GetValue<string>() == "taal")!;
        Assert.True(taalKosten["kostenPerPersoon"]!["verborgen"]!.GetValue<bool>());
        Assert.Null(taalKosten["kostenPerPersoon"]!["waarde"]);
        Assert.Equal("10", taalKosten["personen"]!["tekst"]!.GetValue<string>());
        // Small numbers: one KNM person, two route switches, one afschaling.
        var knm = kosten.Single(k => k!["onderdeel"]!.GetValue<string>() == "knm")!;
        Assert.True(knm["kostenPerPersoon"]!["verborgen"]!.GetValue<bool>());
        Assert.Null(knm["kostenPerPersoon"]!["waarde"]);
        Assert.Equal("<5", rij["routewissels"]!["tekst"]!.GetValue<string>());
        Assert.Equal("<5", rij["afschalingen"]!["tekst"]!.GetValue<string>());
        Assert.Contains("geplande uren", json["hoeBerekend"]!["aanwezigheid"]!.GetValue<string>());

        var klein = Rij(json, b.Klein);
        foreach (var kolom in new[] { "inTraject", "aanwezigheid", "wachttijdMediaan" })
        {
            Assert.True(klein[kolom]!["verborgen"]!.GetValue<bool>(), kolom);
            Assert.Null(klein[kolom]!["waarde"]);
            Assert.Equal(kolom == "wachttijdMediaan" ? "–" : "<5", klein[kolom]!["tekst"]!.GetValue<string>());
        }

        // The page shows the same, with a "hoe berekend" per column.
        var doc = new HtmlParser().ParseDocument(await factory.ClientAls(Beleid).GetStringAsync("/inkoop/aanbieders"));
        var tr = doc.QuerySelector($"#aanbiederstabel tr[data-partner='{b.Partner}']")!;
        Assert.Equal("10", tr.QuerySelector(".koers-in-traject")!.TextContent.Trim());
        Assert.Equal($"{aanwezigheid}%", tr.QuerySelector(".koers-aanwezigheid")!.TextContent.Trim());
        Assert.Equal("<5", doc.QuerySelector($"#aanbiederstabel tr[data-partner='{b.Klein}'] .koers-in-traject")!.TextContent.Trim());
        foreach (var k in new[] { "inTraject", "aanwezigheid", "opSchema", "routewissels", "afschalingen", "wachttijd", "examens", "kosten" })
        {
            Assert.False(string.IsNullOrWhiteSpace(doc.QuerySelector($"#hoe-{k} + dd")?.TextContent), k);
        }

        // The teamleider's drill-down shows the route switches per person (the figures the table hides).
        var personen = await (await factory.ClientAls(Teamleider).GetAsync($"/api/v1/inkoop/aanbieders/{b.Partner}/personen")).LeesAsync();
        var lijst = personen["personen"]!.AsArray();
        int Waarde(int i, string veld) => lijst.Single(x => x!["id"]!.GetValue<Guid>() == b.Personen[i])![veld]!.GetValue<int>();
        Assert.Equal(1, Waarde(0, "routewissels"));
        Assert.Equal(1, Waarde(0, "afschalingen"));
        Assert.Equal(1, Waarde(1, "routewissels"));
        Assert.Equal(0, Waarde(1, "afschalingen"));
        Assert.Equal(0, Waarde(2, "routewissels"));
    }

    /// <summary>
    /// Five persons with a monthly language product (€ 300, SPUK) from 15 Nov 2025, one with a KNM contract price (€ 650 per trajectory)
    /// from 1 Dec 2025, and a small partner with two persons on the same product. Today is 16 Jun 2026.
    /// </summary>
    private (int Partner, int Klein) BouwOverJaargrens() => factory.MetDatabase(db =>
    {
        var kempen = db.Regios.First(r => r.Naam.Contains("Kempen")).Id;
        var bergeijk = db.Gemeenten.Single(g => g.Code == "GM1724").Id;
        var p = new Partnerorganisatie { Naam = $"Jaargrens {Uniek()}", Soort = Partnersoort.Taalaanbieder, RegioId = kempen };
        var klein = new Partnerorganisatie { Naam = $"Jaargrens klein {Uniek()}", Soort = Partnersoort.Taalaanbieder, RegioId = kempen };
        db.Partnerorganisaties.AddRange(p, klein);
        db.SaveChanges();
        var personen = Enumerable.Range(0, 7).Select(i => new Inburgeraar
        {
            Id = Guid.NewGuid(), Voornamen = "Test", Achternaam = $"Jaargrens {i} {Uniek()}", Nationaliteit = "Syrische", Doelgroep = Doelgroep.Asielstatushouder,
            GemeenteId = bergeijk, Leerroute = Leerroute.ZRoute,
        }).ToList();
        db.Inburgeraars.AddRange(personen);
        Verwijzing Verwijs(Guid id, int partner, Onderdeel o, DateOnly start) => new()
        {
            Id = Guid.NewGuid(), InburgeraarId = id, PartnerorganisatieId = partner, Onderdeel = o, Status = Verwijzingsstatus.Geaccepteerd,
            AangemeldOp = start.AddDays(-14), AangemeldDoor = "test", Startdatum = start,
        };
        for (var i = 0; i < 5; i++) db.Verwijzingen.Add(Verwijs(personen[i].Id, p.Id, Onderdeel.Taal, new DateOnly(2025, 11, 15)));
        db.Verwijzingen.Add(Verwijs(personen[0].Id, p.Id, Onderdeel.Knm, new DateOnly(2025, 12, 1)));
        for (var i = 5; i < 7; i++) db.Verwijzingen.Add(Verwijs(personen[i].Id, klein.Id, Onderdeel.Taal, new DateOnly(2025, 11, 15)));
        db.Partnercontracten.Add(new Partnercontract { PartnerorganisatieId = p.Id, Onderdeel = Onderdeel.Knm, Van = new DateOnly(2025, 1, 1), Tariefsoort = Tariefsoort.PerTraject, Prijs = 650m });
        foreach (var partner in new[] { p.Id, klein.Id })
        {
            db.Trajectproducten.Add(new Trajectproduct
            {
                Productsleutel = Guid.NewGuid(), Versie = 1, PartnerorganisatieId = partner, Naam = "Z-route taal", Onderdeel = Onderdeel.Taal, Leerroute = Leerroute.ZRoute,
                Lesvorm = Lesvorm.Klassikaal, PrijsPerPeriode = 300m, PeriodeMaanden = 1, SpukDeclarabel = true, GeldigVanaf = new DateOnly(2025, 1, 1),
            });
        }

        db.SaveChanges();
        return (p.Id, klein.Id);
    });

    [Fact]
    public async Task Kosten_over_de_jaargrens_worden_per_verantwoordingsjaar_verdeeld_en_de_csv_is_gelijk_aan_de_pagina()
    {
        var (partner, klein) = BouwOverJaargrens();
        var beleid = factory.ClientAls(Beleid);
        // Periods begin 15 Nov and 15 Dec 2025 (2 × € 300 per person) and 15 Jan … 15 Jun 2026 (6 × € 300); KNM € 650 once, in 2025 (its start).
        var j2025 = Rij(await (await beleid.GetAsync("/api/v1/inkoop/aanbieders?jaar=2025")).LeesAsync(), partner);
        Assert.Equal(5 * 600m + 650m, j2025["kostenTotaal"]!["waarde"]!.GetValue<decimal>());
        Assert.Equal(5 * 600m, j2025["kostenSpuk"]!["waarde"]!.GetValue<decimal>());
        // 2025: KNM (one person) is hidden and the total shown, so language is hidden too (else 3.650 − 5 × 600 gives KNM's 650).
        Assert.Null(j2025["kosten"]!.AsArray().Single(k => k!["onderdeel"]!.GetValue<string>() == "taal")!["kostenPerPersoon"]!["waarde"]);
        var standaard = await (await beleid.GetAsync("/api/v1/inkoop/aanbieders")).LeesAsync();
        Assert.Equal(2026, standaard["jaar"]!.GetValue<int>()); // June: the current year
        var j2026 = Rij(standaard, partner);
        Assert.Equal(5 * 1800m, j2026["kostenTotaal"]!["waarde"]!.GetValue<decimal>());
        Assert.Equal(5 * 1800m, j2026["kostenSpuk"]!["waarde"]!.GetValue<decimal>());
        // 2026: the KNM trajectory still runs (€ 0 this year, but a reader cannot know that), hidden; so language is hidden with it.
        Assert.Null(j2026["kosten"]!.AsArray().Single(k => k!["onderdeel"]!.GetValue<string>() == "taal")!["kostenPerPersoon"]!["waarde"]);
        // Nothing before the trajectories; together the two years are the whole cost (8 begun months × € 300 × 5, plus € 650).
        Assert.Equal("—", Rij(await (await beleid.GetAsync("/api/v1/inkoop/aanbieders?jaar=2024")).LeesAsync(), partner)["kostenTotaal"]!["tekst"]!.GetValue<string>());
        Assert.Equal(5 * 8 * 300m + 650m, j2025["kostenTotaal"]!["waarde"]!.GetValue<decimal>() + j2026["kostenTotaal"]!["waarde"]!.GetValue<decimal>());
        // The team lead's drill-down splits each person's cost by the same rule: the year's costs add up to the table's
        // total, and the two years to each person's total.
        var teamleider = factory.ClientAls(Teamleider);
        var p2025 = (await (await teamleider.GetAsync($"/api/v1/inkoop/aanbieders/{partner}/personen?jaar=2025")).LeesAsync())["personen"]!.AsArray();
        var p2026 = (await (await teamleider.GetAsync($"/api/v1/inkoop/aanbieders/{partner}/personen?jaar=2026")).LeesAsync())["personen"]!.AsArray();
        Assert.Equal(5, p2025.Count);
        Assert.Equal(5 * 600m + 650m, p2025.Sum(p => p!["kostenJaar"]!.GetValue<decimal>()));
        Assert.Equal(5 * 1800m, p2026.Sum(p => p!["kostenJaar"]!.GetValue<decimal>()));
        Assert.All(p2025, p => Assert.Equal(p!["kosten"]!.GetValue<decimal>(),
            p["kostenJaar"]!.GetValue<decimal>() + p2026.Single(q => q!["id"]!.GetValue<string>() == p["id"]!.GetValue<string>())!["kostenJaar"]!.GetValue<decimal>()));
        var drill = new HtmlParser().ParseDocument(await teamleider.GetStringAsync($"/inkoop/aanbieders/{partner}?jaar=2025"));
        Assert.Equal("Kosten 2025", drill.QuerySelector("#kosten-jaar-kop")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.BadRequest, (await teamleider.GetAsync($"/api/v1/inkoop/aanbieders/{partner}/personen?jaar=1999")).StatusCode);
        Assert.Contains("Kies een verantwoordingsjaar", new HtmlParser().ParseDocument(await teamleider.GetStringAsync($"/inkoop/aanbieders/{partner}?jaar=1999")).QuerySelector("#jaar-fout")!.TextContent);

        // The small partner stays hidden in every year.
        foreach (var jaar in new[] { 2025, 2026 })
        {
            var k = Rij(await (await beleid.GetAsync($"/api/v1/inkoop/aanbieders?jaar={jaar}")).LeesAsync(), klein);
            Assert.True(k["kostenTotaal"]!["verborgen"]!.GetValue<bool>());
            Assert.Null(k["kostenTotaal"]!["waarde"]);
            Assert.Null(k["kostenSpuk"]!["waarde"]);
        }

        // The page for 2025 and its CSV show the same figures.
        var doc = new HtmlParser().ParseDocument(await beleid.GetStringAsync("/inkoop/aanbieders?jaar=2025"));
        Assert.Equal("2025", doc.QuerySelector("#getoond-jaar")!.TextContent);
        Assert.NotNull(doc.QuerySelector("#jaar option[value='2025'][selected]"));
        Assert.Contains("art. 40", doc.QuerySelector("#hoe-jaar + dd")!.TextContent, StringComparison.Ordinal);
        var csv = await beleid.GetStringAsync(doc.QuerySelector("#csv-link")!.GetAttribute("href")!);
        var regels = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => r.TrimEnd('\r')).ToList();
        var kop = regels[0].Split(';').ToList();
        foreach (var (id, naam) in new[] { (partner, "partner"), (klein, "klein") })
        {
            var tr = doc.QuerySelector($"#aanbiederstabel tr[data-partner='{id}']")!;
            var cellen = Velden(regels.Single(r => r.StartsWith(tr.QuerySelector("th")!.ChildNodes[0].TextContent.Trim() + ";", StringComparison.Ordinal)));
            string Kolom(string k) => cellen[kop.IndexOf(k)];
            foreach (var sr in tr.QuerySelectorAll(".koers-sr").ToList()) sr.Remove(); // "verborgen: klein aantal" for screen readers only
            Assert.Equal(tr.QuerySelector(".koers-totaal")!.TextContent.Trim(), Kolom("kosten_totaal"));
            Assert.Equal(tr.QuerySelector(".koers-spuk")!.TextContent.Trim(), Kolom("kosten_spuk"));
            Assert.Equal("2025", Kolom("verantwoordingsjaar"));
            var lijst = string.Join(" | ", tr.QuerySelectorAll(".koers-kosten li").Select(li => System.Text.RegularExpressions.Regex.Replace(li.TextContent.Trim(), @"\s+", " ")));
            Assert.Equal(lijst, Kolom("kosten_per_persoon_per_onderdeel"));
            if (naam == "partner") Assert.Equal("€ 3.650,00", Kolom("kosten_totaal"));
            else Assert.Equal("–", Kolom("kosten_totaal"));
        }
    }

    [Fact]
    public async Task Geen_rij_toont_een_totaal_naast_precies_een_verborgen_onderdeel_en_verborgen_bedragen_lezen_niet_als_kleiner_dan_5()
    {
        var b = Bouw();
        var beleid = factory.ClientAls(Beleid);
        var gezien = 0;
        foreach (var jaar in new[] { 2025, 2026 })
        {
            var json = await (await beleid.GetAsync($"/api/v1/inkoop/aanbieders?jaar={jaar}")).LeesAsync();
            foreach (var rij in json["aanbieders"]!.AsArray())
            {
                var kosten = rij!["kosten"]!.AsArray();
                var verborgen = kosten.Count(k => k!["kostenPerPersoon"]!["verborgen"]!.GetValue<bool>());
                var naam = rij["partner"]!.GetValue<string>();
                foreach (var totaal in new[] { "kostenTotaal", "kostenSpuk" })
                {
                    if (rij[totaal]!["waarde"] is not null) Assert.True(verborgen != 1, $"{jaar} {naam}: {totaal} zichtbaar naast precies één verborgen onderdeel");
                }

                // A hidden amount or median is a neutral dash, never "<5" (that reads as "less than 5 euros/days").
                foreach (var cel in kosten.SelectMany(k => new[] { k!["kostenPerPersoon"]!, k["spukPerPersoon"]! }).Append(rij["kostenTotaal"]!).Append(rij["kostenSpuk"]!).Append(rij["wachttijdMediaan"]!))
                {
                    if (cel["verborgen"]!.GetValue<bool>()) Assert.Equal("–", cel["tekst"]!.GetValue<string>());
                }

                if (verborgen > 0) gezien++;
            }
        }

        Assert.True(gezien > 0, "geen rij met een verborgen onderdeel");

        // The page explains the dash and says it to a screen reader.
        var doc = new HtmlParser().ParseDocument(await beleid.GetStringAsync("/inkoop/aanbieders"));
        Assert.Contains("–", doc.QuerySelector("#legenda-verborgen")!.TextContent, StringComparison.Ordinal);
        var knm = doc.QuerySelector($"#aanbiederstabel tr[data-partner='{b.Partner}'] li[data-onderdeel='Knm'] .koers-per-persoon")!;
        Assert.Equal("verborgen: klein aantal", knm.QuerySelector(".koers-sr")!.TextContent);
        Assert.DoesNotContain("<5", knm.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_ongeldig_jaar_geeft_de_melding_bij_het_veld()
    {
        var beleid = factory.ClientAls(Beleid);
        var api = await beleid.GetAsync("/api/v1/inkoop/aanbieders?jaar=2021");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("Kies een verantwoordingsjaar van 2022 tot en met 2026", (await api.LeesAsync())["errors"]!["jaar"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var doc = new HtmlParser().ParseDocument(await beleid.GetStringAsync("/inkoop/aanbieders?jaar=abc"));
        Assert.Contains("Kies een verantwoordingsjaar", doc.QuerySelector("#jaar-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", doc.QuerySelector("#jaar")!.GetAttribute("aria-invalid"));
        Assert.Equal("2026", doc.QuerySelector("#getoond-jaar")!.TextContent); // the default is shown meanwhile
        Assert.Equal(HttpStatusCode.BadRequest, (await beleid.GetAsync("/inkoop/aanbieders?handler=csv&jaar=2030")).StatusCode);
    }

    /// <summary>One CSV line split on semicolons outside quotes, quotes removed.</summary>
    private static List<string> Velden(string regel)
    {
        var velden = new List<string>();
        var sb = new System.Text.StringBuilder();
        var tussen = false;
        for (var i = 0; i < regel.Length; i++)
        {
            var c = regel[i];
            if (c == '"' && tussen && i + 1 < regel.Length && regel[i + 1] == '"') { sb.Append('"'); i++; }
            else if (c == '"') tussen = !tussen;
            else if (c == ';' && !tussen) { velden.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }

        velden.Add(sb.ToString());
        return velden;
    }

    [Fact]
    public async Task Klantregisseur_mag_niet_beleid_ziet_geen_personen_teamleider_wel_binnen_bereik_met_audit()
    {
        var b = Bouw();
        var regisseur = factory.ClientAls(Klantregisseur);
        Assert.Equal(HttpStatusCode.Forbidden, (await regisseur.GetAsync("/api/v1/inkoop/aanbieders")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await regisseur.GetAsync("/inkoop/aanbieders")).StatusCode);

        var beleid = factory.ClientAls(Beleid);
        var doc = new HtmlParser().ParseDocument(await beleid.GetStringAsync("/inkoop/aanbieders"));
        Assert.NotNull(doc.QuerySelector($"#aanbiederstabel tr[data-partner='{b.Partner}']"));
        Assert.Null(doc.QuerySelector("#aanbiederstabel a.koers-doorklik"));
        Assert.NotNull(doc.QuerySelector("#alleen-cijfers"));
        Assert.Equal(HttpStatusCode.Forbidden, (await beleid.GetAsync($"/api/v1/inkoop/aanbieders/{b.Partner}/personen")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await beleid.GetAsync($"/inkoop/aanbieders/{b.Partner}")).StatusCode);

        var teamleider = factory.ClientAls(Teamleider);
        var tdoc = new HtmlParser().ParseDocument(await teamleider.GetStringAsync("/inkoop/aanbieders"));
        Assert.NotNull(tdoc.QuerySelector($"#aanbiederstabel tr[data-partner='{b.Partner}'] a.koers-doorklik[href='/inkoop/aanbieders/{b.Partner}?jaar=2026']"));
        var pagina = new HtmlParser().ParseDocument(await teamleider.GetStringAsync($"/inkoop/aanbieders/{b.Partner}"));
        var rijen = pagina.QuerySelectorAll("#personentabel tr[data-persoon]").Select(r => Guid.Parse(r.GetAttribute("data-persoon")!)).ToList();
        Assert.Equal(b.Personen.OrderBy(x => x), rijen.OrderBy(x => x));
        Assert.DoesNotContain(b.Weert, rijen);
        var audit = factory.MetDatabase(db => db.Audit.AsNoTracking().Where(a => a.InburgeraarId != null && b.Personen.Contains(a.InburgeraarId!.Value)
            && a.Omschrijving.StartsWith("Inkoop: prestaties aanbieder")).Select(a => a.InburgeraarId!.Value).Distinct().ToList());
        Assert.Equal(10, audit.Count);

        // Weert: the Kempen partner is not in its list, and its persons cannot be asked for.
        var weert = factory.ClientAls(WeertBeleidsmedewerker());
        var wjson = await (await weert.GetAsync("/api/v1/inkoop/aanbieders")).LeesAsync();
        Assert.DoesNotContain(wjson["aanbieders"]!.AsArray(), a => a!["partnerorganisatieId"]!.GetValue<int>() == b.Partner);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientAls(Teamleider).GetAsync("/api/v1/inkoop/aanbieders/999999/personen")).StatusCode);
    }

    [Fact]
    public async Task Contractsignaal_staat_alleen_bij_de_teamleider_en_alleen_binnen_het_venster_of_bij_volume_vanaf_90_procent()
    {
        var b = Bouw();
        var doc = new HtmlParser().ParseDocument(await factory.ClientAls(Teamleider).GetStringAsync("/werkvoorraad"));
        var sectie = doc.QuerySelector("#inkoop-contracten");
        Assert.NotNull(sectie);
        var regels = sectie!.QuerySelectorAll("li").Select(l => l.TextContent).Where(t => t.Contains(b.Naam, StringComparison.Ordinal)).ToList();
        // Participatie ends 16 Sep 2026 (three months from today): in; PVT ends a day later: out.
        Assert.Contains(regels, t => t.Contains("Loopt af", StringComparison.Ordinal) && t.Contains("Participatie", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(regels, t => t.Contains("PVT", StringComparison.OrdinalIgnoreCase));
        // Taal: 11 of 12 places placed (the ten Bergeijk persons and the Weert person) = 92%: in; KNM 1 of 10: out.
        Assert.Contains(regels, t => t.Contains("Volume bijna op", StringComparison.Ordinal) && t.Contains("11 van 12", StringComparison.Ordinal));
        Assert.DoesNotContain(regels, t => t.Contains("1 van 10", StringComparison.Ordinal));
        Assert.Equal(2, regels.Count);

        var regisseur = new HtmlParser().ParseDocument(await factory.ClientAls(Klantregisseur).GetStringAsync("/werkvoorraad"));
        Assert.Null(regisseur.QuerySelector("#inkoop-contracten"));
        Assert.NotNull(regisseur.QuerySelector(".koers-signalen")); // the other sections are still there
    }

    [Fact]
    public async Task OpenApi_beschrijft_de_aanbiedersendpoints()
    {
        var doc = await (await factory.ClientAls(null).GetAsync("/openapi/v1.json")).LeesAsync();
        var paden = doc["paths"]!.AsObject();
        Assert.False(string.IsNullOrEmpty(paden["/inkoop/aanbieders"]!["get"]!["summary"]!.GetValue<string>()));
        Assert.True(paden.ContainsKey("/inkoop/aanbieders/{id}/personen"));
    }

    private string WeertBeleidsmedewerker()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        if (users.FindByEmailAsync(WeertBeleid).GetAwaiter().GetResult() is not null) return WeertBeleid;
        var db = scope.ServiceProvider.GetRequiredService<Data.KoersDbContext>();
        var weert = db.Gemeenten.Single(g => g.Code == "GM0988");
        var g = new Gebruiker { UserName = WeertBeleid, Email = WeertBeleid, Weergavenaam = "Wil Beleid Weert", GemeenteId = weert.Id };
        Assert.True(users.CreateAsync(g).GetAwaiter().GetResult().Succeeded);
        Assert.True(users.AddToRoleAsync(g, Rollen.Beleidsmedewerker).GetAwaiter().GetResult().Succeeded);
        return WeertBeleid;
    }
}

public sealed class SqliteAanbiedersTests(SqliteFactory factory) : AanbiedersTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresAanbiedersTests(PostgresFactory factory) : AanbiedersTests(factory), IClassFixture<PostgresFactory>;

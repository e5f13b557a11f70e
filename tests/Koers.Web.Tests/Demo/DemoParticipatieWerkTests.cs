using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Participatie;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Demo;

/// <summary>
/// The demo shows issue #22's features with content (h-demo): the participatieladder moves in the monitor, Weert has
/// groups, a casusoverleg with actions on the worklist and placements, the Z-route's participation hours have a kind,
/// "nog niet startklaar" reaches the worklist, a partner login sees well-being, and no questionnaire answer predates
/// its version. Demo data of 60 cases (KoersFactory); clock 16 June 2026. Read through the pages and API as users see them.
/// </summary>
public abstract class DemoParticipatieWerkTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Monitor_toont_beweging_op_de_participatieladder_voor_de_Kempen()
    {
        // Several scores per person (intake and every held talk), not one.
        var meer = factory.MetDatabase(db => db.Set<Ladderscore>().Where(l => l.VastgelegdDoor == "demodata").GroupBy(l => l.InburgeraarId).Count(g => g.Count() >= 3));
        Assert.True(meer >= 5, $"{meer} mensen met drie of meer scores");

        // The policy officer (small counts hidden, whole years only) sees a shown, non-zero movement cell in some intake year.
        var beleid = factory.ClientAls("beleid@kempen.example");
        var gevonden = new List<string>();
        var alles = new List<string>();
        for (var jaar = 2020; jaar <= 2026; jaar++)
        {
            var r = await beleid.GetAsync($"/api/v1/monitor/participatie?jaar={jaar}");
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
            var tabel = (await r.LeesAsync())["tabellen"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "participatieladder-beweging")!;
            foreach (var rij in tabel["rijen"]!.AsArray().Where(x => x!["sleutel"]?.GetValue<string>() is "omhoog" or "gelijk" or "omlaag" || x!["label"]!.GetValue<string>() is "Omhoog" or "Gelijk" or "Omlaag"))
            {
                var cel = rij!["cellen"]![0]!;
                alles.Add($"{jaar} {rij["label"]}: {cel["tekst"]}");
                if (!cel["verborgen"]!.GetValue<bool>() && int.TryParse(cel["tekst"]!.GetValue<string>(), out var n) && n > 0)
                    gevonden.Add($"{jaar} {rij["label"]}: {n}");
            }
        }

        Assert.True(gevonden.Count > 0, string.Join("; ", alles));
    }

    [Fact]
    public async Task Weert_heeft_groepen_een_casusoverleg_met_acties_op_de_werkvoorraad_en_plaatsingen()
    {
        var fleur = factory.ClientAls("fleur.hendriks@weert.example");
        var groepen = new HtmlParser().ParseDocument(await fleur.GetStringAsync("/groepen"));
        Assert.Contains("KNM-workshop Weert najaar", groepen.Body!.TextContent);
        Assert.Contains("Groep nog niet startklaar Weert", groepen.Body!.TextContent);
        Assert.DoesNotContain("Bergeijk", groepen.Body!.TextContent);
        var knm = factory.MetDatabase(db => db.Set<Koers.Data.Model.Groepen.Groepsaanbod>().Include(g => g.Deelnames).ThenInclude(d => d.Aanwezigheid)
            .Single(g => g.Naam == "KNM-workshop Weert najaar"));
        Assert.Equal(3, knm.Deelnames.Count);
        Assert.All(knm.Deelnames, d => Assert.Equal(3, d.Aanwezigheid.Count));
        var groep = await fleur.GetStringAsync($"/groepen/{knm.Id}");
        Assert.Contains("Bibliotheek Weert", groep);

        var overleggen = await fleur.GetStringAsync("/casusoverleg");
        Assert.Contains("Casusoverleg Weert met Taalhuis en VluchtelingenWerk", overleggen);
        var werkvoorraad = new HtmlParser().ParseDocument(await fleur.GetStringAsync("/werkvoorraad"));
        var acties = werkvoorraad.GetElementById("signalen-casusoverleg")!.TextContent;
        Assert.Contains("Fietsles bevestigen bij VluchtelingenWerk", acties);
        Assert.Contains("Zorgcentrum benaderen voor een taalstage", acties);
        Assert.DoesNotContain("Brief over de schoolkeuze nabellen", acties); // done

        // Weert's placements, at Weert's own employers, seen by Weert's klantregisseur.
        var weertId = factory.MetDatabase(db => db.Gemeenten.Single(g => g.Code == "GM0988").Id);
        var plaatsingen = factory.MetDatabase(db => db.Set<Plaatsing>().Include(p => p.Werkgever)
            .Where(p => db.Inburgeraars.Any(i => i.Id == p.InburgeraarId && i.GemeenteId == weertId)).ToList());
        Assert.True(plaatsingen.Count >= 3, $"{plaatsingen.Count} plaatsingen in Weert");
        Assert.All(plaatsingen, p => Assert.EndsWith(" Weert", p.Werkgever!.Naam, StringComparison.Ordinal));
        var werk = await (await fleur.GetAsync($"/api/v1/inburgeraars/{plaatsingen[0].InburgeraarId}/werk")).LeesAsync();
        Assert.NotEmpty(werk["plaatsingen"]!.AsArray());
    }

    [Fact]
    public async Task Z_route_participatie_uren_hebben_een_soort()
    {
        Assert.False(factory.MetDatabase(db => db.Urenregistraties.Any(u => u.VastgelegdDoor == "demodata" && u.Soort == Urensoort.Participatie)));
        var ids = factory.MetDatabase(db => db.Urenregistraties.Where(u => u.Soort == Urensoort.MaatschappelijkeParticipatie)
            .Select(u => u.InburgeraarId).Distinct().ToList());
        Assert.NotEmpty(ids);
        var soorten = new HashSet<string>();
        foreach (var id in ids)
        {
            var r = await _client.GetAsync($"/api/v1/inburgeraars/{id}/voortgang");
            if (r.StatusCode != HttpStatusCode.OK) continue; // Weert's cases are outside the test user's reach
            var norm = (await r.LeesAsync())["normen"]!.AsArray().Single(n => n!["onderdeel"]!.GetValue<string>() == "zRouteParticipatie")!;
            var delen = norm["delen"]!.AsArray().Where(d => d!["uren"]!.GetValue<decimal>() > 0).Select(d => d!["soort"]!.GetValue<string>()).ToList();
            Assert.DoesNotContain("Participatie, soort niet opgegeven", delen);
            soorten.UnionWith(delen);
        }

        Assert.Contains("Maatschappelijke participatie", soorten);
        Assert.Contains("Vrijwilligerswerk", soorten);
        Assert.Contains("Werk (arbeidsparticipatie)", soorten);
    }

    [Fact]
    public async Task Nog_niet_startklaar_staat_in_de_demo_en_op_de_werkvoorraad()
    {
        var open = factory.MetDatabase(db => db.Set<NietStartklaar>().Where(n => n.AfgehandeldOp == null).ToList());
        var vandaag = new DateOnly(2026, 6, 16);
        Assert.Contains(open, n => n.Herbenaderdatum > vandaag && n.Herbenaderdatum <= vandaag.AddDays(7)); // due soon
        Assert.All(open, n => Assert.False(string.IsNullOrWhiteSpace(n.Redenen)));
        var taken = (await (await _client.GetAsync("/api/v1/welzijn/open")).LeesAsync()).AsArray();
        var herbenaderen = taken.Where(t => t!["soort"]!.GetValue<string>().StartsWith("Herbenaderen", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(herbenaderen);
        var id = herbenaderen[0]!["inburgeraarId"]!.GetValue<string>();
        var werkvoorraad = new HtmlParser().ParseDocument(await _client.GetStringAsync("/werkvoorraad"));
        Assert.Contains(werkvoorraad.GetElementById("welzijn")!.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/inburgeraars/{id}/welzijn#startklaar");
    }

    [Fact]
    public async Task Partner_met_machtiging_voor_gezondheid_ziet_het_welzijnsdeel()
    {
        var partner = factory.ClientAls("partner@vluchtelingenwerk.example");
        var lijst = (await (await partner.GetAsync("/api/v1/partner/dossiers")).LeesAsync()).AsArray();
        var ruim = lijst.Where(d => d!.ToJsonString().Contains("gezondheid", StringComparison.OrdinalIgnoreCase)
            && d.ToJsonString().Contains("werkEnParticipatie", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(ruim);
        var getoond = false;
        foreach (var d in ruim)
        {
            var dossier = await (await partner.GetAsync($"/api/v1/partner/dossiers/{d!["id"]!.GetValue<string>()}")).LeesAsync();
            var zorg = dossier["zorgverwijzingen"]?.AsArray();
            var metingen = dossier["participatiemetingen"]?.AsArray();
            if (zorg is { Count: > 0 } && metingen is not null && metingen.ToJsonString().Contains("welbevinden", StringComparison.OrdinalIgnoreCase)) getoond = true;
        }

        Assert.True(getoond, "geen dossier met zorgverwijzingen en het domein welbevinden");
    }

    [Fact]
    public void Geen_antwoord_in_de_demo_ligt_voor_de_geldigheid_van_zijn_vragenlijstversie()
    {
        var (metingen, versies) = factory.MetDatabase(db => (
            (from m in db.Set<Participatiemeting>()
             join i in db.Inburgeraars on m.InburgeraarId equals i.Id
             where m.VastgelegdDoor == "demodata"
             select new { m.InburgeraarId, m.Datum, m.Versie, i.GemeenteId }).ToList(),
            db.Set<Participatievragenlijstversie>().Select(v => new { v.GemeenteId, v.Code, v.VastgesteldOp }).ToList()));
        Assert.NotEmpty(metingen);
        Assert.NotEmpty(versies);
        foreach (var m in metingen)
        {
            Assert.True(m.Datum >= new DateOnly(2026, 1, 1), $"meting van {m.Datum} op {m.Versie}");
            var geldend = versies.Where(v => v.GemeenteId == m.GemeenteId && DateOnly.FromDateTime(v.VastgesteldOp) <= m.Datum).MaxBy(v => v.VastgesteldOp)?.Code
                ?? Vragenlijsten.StandaardVersie;
            Assert.Equal(geldend, m.Versie);
        }

        Assert.All(versies, v => Assert.True(v.VastgesteldOp >= new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), $"{v.Code} vastgesteld {v.VastgesteldOp}"));
    }
}

public sealed class SqliteDemoParticipatieWerkTests(SqliteFactory factory) : DemoParticipatieWerkTests(factory), IClassFixture<SqliteFactory>;

using System.Net;
using System.Text.Json.Nodes;
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
/// Procurement (issue #23): the versioned catalogue, contracts with use against volume and the signal before they end,
/// the settings per municipality; on both providers. The clock stands on 16 June 2026. Each test makes its own partners,
/// so the demo data does not matter.
/// </summary>
public abstract class InkoopTests(KoersFactory factory)
{
    private readonly HttpClient _staf = factory.CreateClient();
    private const string WeertBeleid = "beleid.inkoop@weert.example";

    private static string Uniek() => Guid.NewGuid().ToString("N")[..8];

    private int Partner(string regio = "Kempen") => factory.MetDatabase(db =>
    {
        var p = new Partnerorganisatie { Naam = $"Inkoop partner {Uniek()}", Soort = Partnersoort.Taalaanbieder, RegioId = db.Regios.First(r => r.Naam.Contains(regio)).Id };
        db.Partnerorganisaties.Add(p);
        db.SaveChanges();
        return p.Id;
    });

    private int Contract(int partner, DateOnly van, DateOnly? tot, int? volume, Onderdeel onderdeel = Onderdeel.Taal, Leerroute? route = null) => factory.MetDatabase(db =>
    {
        var c = new Partnercontract { PartnerorganisatieId = partner, Onderdeel = onderdeel, Leerroute = route, Van = van, Tot = tot, Tariefsoort = Tariefsoort.PerTraject, Prijs = 1000m, Volume = volume };
        db.Partnercontracten.Add(c);
        db.SaveChanges();
        return c.Id;
    });

    private string WeertBeleidsmedewerker()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        if (users.FindByEmailAsync(WeertBeleid).GetAwaiter().GetResult() is not null) return WeertBeleid;
        var db = scope.ServiceProvider.GetRequiredService<Data.KoersDbContext>();
        var weert = db.Gemeenten.Single(g => g.Code == "GM0988");
        var g = new Gebruiker { UserName = WeertBeleid, Email = WeertBeleid, Weergavenaam = "Wim Beleid Weert", GemeenteId = weert.Id };
        Assert.True(users.CreateAsync(g).GetAwaiter().GetResult().Succeeded);
        Assert.True(users.AddToRoleAsync(g, Rollen.Beleidsmedewerker).GetAwaiter().GetResult().Succeeded);
        return WeertBeleid;
    }

    private static object ProductJson(int partner, string naam, decimal prijs, string vanaf, bool spuk = true) => new
    {
        partnerorganisatieId = partner, naam, onderdeel = "taal", leerroute = "b1Route", niveau = "B1", lesvorm = "online", prijsPerPeriode = prijs, periodeMaanden = 1,
        spukDeclarabel = spuk, geldigVanaf = vanaf,
    };

    private int Productrijen(int partner) => factory.MetDatabase(db => db.Trajectproducten.Count(p => p.PartnerorganisatieId == partner));

    // ---- catalogue ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Nieuwe_versie_laat_de_oude_staan_en_geldt_pas_vanaf_haar_datum()
    {
        var partner = Partner();
        var r = await _staf.PostJsonAsync("/api/v1/inkoop/producten", ProductJson(partner, "B1 online", 800m, "2026-01-01"));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var product = await r.LeesAsync();
        var sleutel = product["productsleutel"]!.GetValue<string>();
        Assert.Single(product["versies"]!.AsArray());

        // Not after the previous version: refused at the field, nothing stored.
        var fout = await _staf.PostJsonAsync($"/api/v1/inkoop/producten/{sleutel}/versies", ProductJson(partner, "B1 online", 850m, "2026-01-01"));
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        Assert.NotNull((await fout.LeesAsync())["errors"]!["geldigVanaf"]);
        Assert.Equal(1, Productrijen(partner));

        var v2 = await _staf.PostJsonAsync($"/api/v1/inkoop/producten/{sleutel}/versies", ProductJson(partner, "B1 online", 850m, "2026-07-01", spuk: false));
        Assert.Equal(HttpStatusCode.Created, v2.StatusCode);
        var na = await (await _staf.GetAsync($"/api/v1/inkoop/producten/{sleutel}")).LeesAsync();
        var versies = na["versies"]!.AsArray();
        Assert.Equal(2, versies.Count);
        // Newest first; the old version keeps its price and now ends the day before the new one.
        Assert.Equal(2, versies[0]!["versie"]!.GetValue<int>());
        Assert.Equal(850m, versies[0]!["prijsPerPeriode"]!.GetValue<decimal>());
        Assert.False(versies[0]!["spukDeclarabel"]!.GetValue<bool>());
        Assert.Equal(800m, versies[1]!["prijsPerPeriode"]!.GetValue<decimal>());
        Assert.Equal("2026-06-30", versies[1]!["geldigTot"]!.GetValue<string>());
        // On 16 June 2026 version 1 is still the one in force.
        Assert.Equal(1, na["actueel"]!["versie"]!.GetValue<int>());
        Assert.Equal(800m, factory.MetDatabase(db => db.Trajectproducten.Single(p => p.PartnerorganisatieId == partner && p.Versie == 1).PrijsPerPeriode));

        // The page shows the version in force and both versions.
        var doc = new HtmlParser().ParseDocument(await _staf.GetStringAsync("/inkoop/producten"));
        var rij = doc.QuerySelector($"#producttabel tr[data-product='{sleutel}']")!;
        Assert.Contains("800,00", rij.QuerySelector(".koers-prijs")!.TextContent);
        Assert.Equal("ja", rij.QuerySelector(".koers-spuk")!.TextContent.Trim());
        Assert.Equal(2, rij.QuerySelectorAll("li[data-versie]").Length);
        // Version 2 starts after today: announced as not yet valid, not "– heden"; version 1 ends the day before it.
        var v2Tekst = rij.QuerySelector("li[data-versie='2']")!.TextContent;
        Assert.Contains("vanaf 1 jul 2026 (nog niet geldig)", v2Tekst);
        Assert.DoesNotContain("heden", v2Tekst);
        Assert.Contains("– 30 jun 2026", rij.QuerySelector("li[data-versie='1']")!.TextContent);
    }

    [Fact]
    public async Task Product_met_fouten_wordt_geweigerd_bij_elk_veld_en_slaat_niets_op()
    {
        var partner = Partner();
        var r = await _staf.PostJsonAsync("/api/v1/inkoop/producten", new { partnerorganisatieId = partner, naam = " ", prijsPerPeriode = 10.005m, periodeMaanden = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var errors = (await r.LeesAsync())["errors"]!.AsObject();
        foreach (var veld in new[] { "naam", "onderdeel", "lesvorm", "prijsPerPeriode", "periodeMaanden", "geldigVanaf" })
        {
            Assert.True(errors.ContainsKey(veld), veld);
        }

        Assert.Equal(0, Productrijen(partner));
    }

    [Fact]
    public async Task Andere_gemeente_ziet_het_product_niet_en_krijgt_404()
    {
        var partner = Partner();
        var r = await _staf.PostJsonAsync("/api/v1/inkoop/producten", ProductJson(partner, "Kempen-product " + Uniek(), 700m, "2026-01-01"));
        var sleutel = (await r.LeesAsync())["productsleutel"]!.GetValue<string>();
        var weert = factory.ClientAls(WeertBeleidsmedewerker());
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/api/v1/inkoop/producten/{sleutel}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostJsonAsync($"/api/v1/inkoop/producten/{sleutel}/versies", ProductJson(partner, "x", 1m, "2027-01-01"))).StatusCode);
        Assert.DoesNotContain((await (await weert.GetAsync("/api/v1/inkoop/producten")).LeesAsync()).AsArray(), p => p!["productsleutel"]!.GetValue<string>() == sleutel);
        var html = new HtmlParser().ParseDocument(await weert.GetStringAsync("/inkoop"));
        Assert.Null(html.QuerySelector($"tr[data-product='{sleutel}']"));
        // A Weert user cannot add a product for a Kempen partner.
        var vreemd = await weert.PostJsonAsync("/api/v1/inkoop/producten", ProductJson(partner, "x", 1m, "2026-01-01"));
        Assert.Equal(HttpStatusCode.BadRequest, vreemd.StatusCode);
        Assert.NotNull((await vreemd.LeesAsync())["errors"]!["partnerorganisatieId"]);
        Assert.Equal(1, Productrijen(partner));
    }

    [Fact]
    public async Task Klantregisseur_mag_niet_en_teamleider_mag_lezen_maar_niet_wijzigen()
    {
        var regisseur = factory.ClientAls("sanne.devries@kempen.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await regisseur.GetAsync("/api/v1/inkoop/contracten")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await regisseur.GetAsync("/api/v1/inkoop/producten")).StatusCode);
        var teamleider = factory.ClientAls("anouk.vandenberg@kempen.example");
        Assert.Equal(HttpStatusCode.OK, (await teamleider.GetAsync("/api/v1/inkoop/contracten")).StatusCode);
        var partner = Partner();
        Assert.Equal(HttpStatusCode.Forbidden, (await teamleider.PostJsonAsync("/api/v1/inkoop/producten", ProductJson(partner, "x", 1m, "2026-01-01"))).StatusCode);
        Assert.Equal(0, Productrijen(partner));
    }

    // ---- contracts ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Signaal_verschijnt_vanaf_drie_maanden_voor_het_einde_en_niet_eerder_en_volgt_de_instelling()
    {
        var partner = Partner();
        var opGrens = Contract(partner, new DateOnly(2025, 1, 1), new DateOnly(2026, 9, 16), 10);    // 16 June + 3 months
        var dagLater = Contract(partner, new DateOnly(2025, 1, 1), new DateOnly(2026, 9, 17), 10);   // one day too early for the signal
        var voorbij = Contract(partner, new DateOnly(2025, 1, 1), new DateOnly(2026, 6, 15), 10);    // ended yesterday
        async Task<Dictionary<int, bool>> Signalen() => (await (await _staf.GetAsync("/api/v1/inkoop/contracten")).LeesAsync()).AsArray()
            .Where(c => c!["partnerorganisatieId"]!.GetValue<int>() == partner).ToDictionary(c => c!["id"]!.GetValue<int>(), c => c!["looptAf"]!.GetValue<bool>());

        var s = await Signalen();
        Assert.True(s[opGrens]);
        Assert.False(s[dagLater]);
        Assert.False(s[voorbij]);
        var signalen = (await (await _staf.GetAsync("/api/v1/inkoop/signalen")).LeesAsync()).AsArray().Select(c => c!["id"]!.GetValue<int>()).ToList();
        Assert.Contains(opGrens, signalen);
        Assert.DoesNotContain(dagLater, signalen);
        var doc = new HtmlParser().ParseDocument(await _staf.GetStringAsync("/inkoop"));
        Assert.Contains("loopt af", doc.QuerySelector($"#contracttabel tr[data-contract='{opGrens}'] .koers-einde")!.TextContent);
        Assert.DoesNotContain("loopt af", doc.QuerySelector($"#contracttabel tr[data-contract='{dagLater}'] .koers-einde")!.TextContent);
        Assert.Contains("16 sep 2026", doc.QuerySelector("#aflopend")!.TextContent);

        // Four months for one Kempen municipality: now the later contract is signalled too.
        var bergeijk = factory.MetDatabase(db => db.Gemeenten.Single(g => g.Code == "GM1724").Id);
        var fout = await _staf.PutJsonAsync($"/api/v1/inkoop/instellingen/{bergeijk}", new { contractSignaalMaanden = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        Assert.NotNull((await fout.LeesAsync())["errors"]!["contractSignaalMaanden"]);
        Assert.Equal(3, factory.MetDatabase(db => db.Gemeenten.Single(g => g.Id == bergeijk).ContractSignaalMaanden));
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await _staf.PutJsonAsync($"/api/v1/inkoop/instellingen/{bergeijk}", new { contractSignaalMaanden = 4 })).StatusCode);
            s = await Signalen();
            Assert.True(s[dagLater]);
            Assert.False(s[voorbij]);
        }
        finally
        {
            await _staf.PutJsonAsync($"/api/v1/inkoop/instellingen/{bergeijk}", new { contractSignaalMaanden = 3 });
        }

        // Weert may not change a Kempen municipality's setting.
        var weert = factory.ClientAls(WeertBeleidsmedewerker());
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PutJsonAsync($"/api/v1/inkoop/instellingen/{bergeijk}", new { contractSignaalMaanden = 9 })).StatusCode);
        Assert.Equal(3, factory.MetDatabase(db => db.Gemeenten.Single(g => g.Id == bergeijk).ContractSignaalMaanden));
        Assert.DoesNotContain((await (await weert.GetAsync("/api/v1/inkoop/contracten")).LeesAsync()).AsArray(), c => c!["partnerorganisatieId"]!.GetValue<int>() == partner);
    }

    [Fact]
    public async Task Gebruik_telt_verschillende_personen_die_binnen_de_contractperiode_startten()
    {
        var partner = Partner();
        var contract = Contract(partner, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), 4, Onderdeel.Taal, Leerroute.B1Route);
        var (b1, z) = factory.MetDatabase(db =>
        {
            var ids = db.Inburgeraars.AsNoTracking().Where(i => i.Leerroute == Leerroute.B1Route).Select(i => i.Id).Take(2).ToList();
            var zid = db.Inburgeraars.AsNoTracking().Where(i => i.Leerroute == Leerroute.ZRoute).Select(i => i.Id).First();
            return (ids, zid);
        });
        void Verwijs(Guid id, Verwijzingsstatus status, DateOnly? start, Onderdeel o = Onderdeel.Taal) => factory.MetDatabase(db =>
        {
            db.Verwijzingen.Add(new Verwijzing
            {
                Id = Guid.NewGuid(), InburgeraarId = id, PartnerorganisatieId = partner, Onderdeel = o, Status = status, AangemeldOp = new DateOnly(2025, 11, 1),
                AangemeldDoor = "test", Startdatum = start,
            });
            return db.SaveChanges();
        });
        Verwijs(b1[0], Verwijzingsstatus.Geaccepteerd, new DateOnly(2026, 2, 1));  // counts
        Verwijs(b1[0], Verwijzingsstatus.Afgerond, new DateOnly(2026, 3, 1));      // same person: counted once
        Verwijs(b1[1], Verwijzingsstatus.Geaccepteerd, new DateOnly(2025, 12, 1)); // started before the contract
        Verwijs(b1[1], Verwijzingsstatus.Afgewezen, null);                          // refused
        Verwijs(b1[1], Verwijzingsstatus.Geaccepteerd, new DateOnly(2026, 4, 1), Onderdeel.Knm); // another onderdeel
        Verwijs(z, Verwijzingsstatus.Geaccepteerd, new DateOnly(2026, 2, 1));      // another leerroute

        var c = (await (await _staf.GetAsync("/api/v1/inkoop/contracten")).LeesAsync()).AsArray().Single(x => x!["id"]!.GetValue<int>() == contract)!;
        Assert.Equal(1, c["geplaatst"]!.GetValue<int>());
        Assert.Equal(4, c["volume"]!.GetValue<int>());
        Assert.Equal(25, c["gebruikProcent"]!.GetValue<int>());
        var doc = new HtmlParser().ParseDocument(await _staf.GetStringAsync("/inkoop"));
        Assert.Contains("1 / 4", doc.QuerySelector($"#contracttabel tr[data-contract='{contract}'] .koers-gebruik")!.TextContent);
    }

    /// <summary>
    /// Issue #23 finding: 'geplaatst' counted planned starts and the route a person has today. A placement is a person who actually
    /// started (start date within the contract period and not after today, 16 June 2026) on the route of the PIP that applied on the
    /// start date. Persons built here with their own PIP history, so the expected count follows from the rule alone.
    /// </summary>
    [Fact]
    public async Task Geplaatst_telt_alleen_wie_echt_startte_op_de_leerroute_van_dat_moment()
    {
        var partner = Partner();
        var contract = Contract(partner, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), 10, Onderdeel.Taal, Leerroute.ZRoute);
        factory.MetDatabase(db =>
        {
            var bergeijk = db.Gemeenten.Single(g => g.Code == "GM1724").Id;
            Guid Persoon(Leerroute nu, params (Leerroute Route, DateOnly Dag)[] pips)
            {
                var id = Guid.NewGuid();
                db.Inburgeraars.Add(new Inburgeraar
                {
                    Id = id, Voornamen = "Test", Achternaam = $"Plaatsing {Guid.NewGuid():N}"[..24], Nationaliteit = "Syrische", Doelgroep = Doelgroep.Asielstatushouder,
                    GemeenteId = bergeijk, Leerroute = nu,
                });
                for (var i = 0; i < pips.Length; i++)
                {
                    db.PipVersies.Add(new PipVersie
                    {
                        Id = Guid.NewGuid(), InburgeraarId = id, Versie = i + 1, Status = i == pips.Length - 1 ? PipStatus.Vastgesteld : PipStatus.Vervangen,
                        Leerroute = pips[i].Route, Dagtekening = pips[i].Dag,
                    });
                }

                return id;
            }

            void Verwijs(Guid id, DateOnly start) => db.Verwijzingen.Add(new Verwijzing
            {
                Id = Guid.NewGuid(), InburgeraarId = id, PartnerorganisatieId = partner, Onderdeel = Onderdeel.Taal, Status = Verwijzingsstatus.Geaccepteerd,
                AangemeldOp = new DateOnly(2025, 12, 1), AangemeldDoor = "test", Startdatum = start,
            });

            // Counts: Z-route at the start, started in the past.
            Verwijs(Persoon(Leerroute.ZRoute, (Leerroute.ZRoute, new DateOnly(2025, 12, 1))), new DateOnly(2026, 2, 1));
            // Counts: Z-route at the start, switched to the B1-route afterwards (today's route would leave it out).
            Verwijs(Persoon(Leerroute.B1Route, (Leerroute.ZRoute, new DateOnly(2025, 12, 1)), (Leerroute.B1Route, new DateOnly(2026, 4, 1))), new DateOnly(2026, 2, 1));
            // Not counted: the start is planned, after today.
            Verwijs(Persoon(Leerroute.ZRoute, (Leerroute.ZRoute, new DateOnly(2025, 12, 1))), new DateOnly(2026, 7, 1));
            // Not counted: B1-route at the start, Z-route only since a later bijstelling (today's route would count it).
            Verwijs(Persoon(Leerroute.ZRoute, (Leerroute.B1Route, new DateOnly(2025, 12, 1)), (Leerroute.ZRoute, new DateOnly(2026, 5, 1))), new DateOnly(2026, 2, 1));
            return db.SaveChanges();
        });

        var c = (await (await _staf.GetAsync("/api/v1/inkoop/contracten")).LeesAsync()).AsArray().Single(x => x!["id"]!.GetValue<int>() == contract)!;
        Assert.Equal(2, c["geplaatst"]!.GetValue<int>());
        var doc = new HtmlParser().ParseDocument(await _staf.GetStringAsync("/inkoop"));
        Assert.Contains("2 / 10", doc.QuerySelector($"#contracttabel tr[data-contract='{contract}'] .koers-gebruik")!.TextContent);
        // The rule is on the page in words.
        Assert.Contains("niet na vandaag", doc.QuerySelector("#uitleg-geplaatst")!.TextContent);
        Assert.Contains("PIP dat op de startdatum gold", doc.QuerySelector("#uitleg-geplaatst")!.TextContent);
    }

    [Fact]
    public async Task Volume_op_een_contract_wordt_gecontroleerd_en_opgeslagen()
    {
        var partner = Partner();
        var fout = await _staf.PostJsonAsync($"/api/v1/beheer/partners/{partner}/contracten", new { onderdeel = "taal", van = "2026-01-01", tariefsoort = "perTraject", prijs = 900m, volume = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        Assert.NotNull((await fout.LeesAsync())["errors"]!["volume"]);
        Assert.Equal(0, factory.MetDatabase(db => db.Partnercontracten.Count(c => c.PartnerorganisatieId == partner)));
        var goed = await _staf.PostJsonAsync($"/api/v1/beheer/partners/{partner}/contracten", new { onderdeel = "taal", van = "2026-01-01", tariefsoort = "perTraject", prijs = 900m, volume = 25 });
        Assert.Equal(HttpStatusCode.Created, goed.StatusCode);
        Assert.Equal(25, (await goed.LeesAsync())["contracten"]![0]!["volume"]!.GetValue<int>());
    }

    [Fact]
    public async Task OpenApi_beschrijft_de_inkoopendpoints()
    {
        var doc = await (await factory.ClientAls(null).GetAsync("/openapi/v1.json")).LeesAsync();
        var paden = doc["paths"]!.AsObject();
        foreach (var pad in new[] { "/inkoop/producten", "/inkoop/producten/{sleutel}/versies", "/inkoop/contracten", "/inkoop/instellingen/{gemeenteId}" })
        {
            Assert.True(paden.ContainsKey(pad), pad);
        }

        Assert.False(string.IsNullOrEmpty(paden["/inkoop/contracten"]!["get"]!["summary"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Prognose_is_taakstelling_maal_routeverdeling_naast_werkelijk_met_kleine_aantallen_verborgen()
    {
        // Bergeijk (GM1724): taakstelling 2026 is 7 + 6 = 13 in budget.json; independent of the service's code.
        const decimal taakstelling = 13m;
        var (gemeenteId, rijen) = factory.MetDatabase(db =>
        {
            var id = db.Gemeenten.Single(g => g.Code == "GM1724").Id;
            return (id, db.MonitorDossiers.AsNoTracking().Where(d => d.GemeenteId == id && (d.Doelgroep == Doelgroep.Asielstatushouder || d.Doelgroep == Doelgroep.Nareiziger))
                .Select(d => new { d.Leerroute, d.Instroom }).ToList());
        });
        var metRoute = rijen.Where(r => r.Leerroute != null && r.Instroom <= KoersFactory.Vandaag).ToList();
        var json = await (await _staf.GetAsync("/api/v1/inkoop/prognose?jaar=2026")).LeesAsync();
        Assert.Contains("taakstelling", json["hoeBerekend"]!.GetValue<string>());
        var g = json["gemeenten"]!.AsArray().Single(x => x!["gemeenteId"]!.GetValue<int>() == gemeenteId)!;
        Assert.Equal(taakstelling, g["taakstelling"]!.GetValue<decimal>());
        var doc = new HtmlParser().ParseDocument(await _staf.GetStringAsync("/inkoop"));
        Assert.NotNull(doc.QuerySelector("#hoe-berekend"));
        foreach (var route in Enum.GetValues<Leerroute>())
        {
            var n = metRoute.Count(r => r.Leerroute == route);
            var werkelijk = rijen.Count(r => r.Leerroute == route && r.Instroom >= new DateOnly(2026, 1, 1) && r.Instroom <= new DateOnly(2026, 12, 31));
            var klein = (int x) => x is > 0 and < 5;
            var aandeelVerborgen = klein(n) || klein(metRoute.Count) || klein(metRoute.Count - n);
            var r = g["routes"]!.AsArray().Single(x => x!["route"]!.GetValue<string>() == JsonNamingPolicyCamel(route.ToString()))!;
            decimal? verwacht = aandeelVerborgen || metRoute.Count == 0 ? null : Math.Round(taakstelling * n / metRoute.Count, 1, MidpointRounding.AwayFromZero);
            Assert.Equal(verwacht, r["verwacht"]?.GetValue<decimal>());
            Assert.Equal(klein(werkelijk) ? null : werkelijk, r["werkelijk"]?.GetValue<int>());
            var cel = doc.QuerySelector($"#prognosetabel tr[data-gemeente='{gemeenteId}'][data-route='{route}'] .koers-werkelijk")!.TextContent.Trim();
            Assert.Equal(klein(werkelijk) ? "<5" : werkelijk.ToString(System.Globalization.CultureInfo.InvariantCulture), cel);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAls("sanne.devries@kempen.example").GetAsync("/api/v1/inkoop/prognose")).StatusCode);
        var weert = await (await factory.ClientAls(WeertBeleidsmedewerker()).GetAsync("/api/v1/inkoop/prognose")).LeesAsync();
        Assert.DoesNotContain(weert["gemeenten"]!.AsArray(), x => x!["gemeenteId"]!.GetValue<int>() == gemeenteId);
    }

    private static string JsonNamingPolicyCamel(string naam) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(naam);
}

public sealed class SqliteInkoopTests(SqliteFactory factory) : InkoopTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresInkoopTests(PostgresFactory factory) : InkoopTests(factory), IClassFixture<PostgresFactory>;

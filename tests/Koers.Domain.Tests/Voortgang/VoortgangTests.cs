using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Voortgang;
using static Koers.Domain.Tests.TestFeiten;

namespace Koers.Domain.Tests.Voortgang;

public class VoortgangsberekeningTests
{
    private static DossierFeiten Route(Leerroute route, Doelgroep doelgroep = Doelgroep.Asielstatushouder) =>
        Feiten(doelgroep, (Mijlpaal.Koppeling, "2025-01-06"), (Mijlpaal.PipVastgesteld, "2025-03-03")) with { Leerroute = route };

    [Fact]
    public void Z_route_telt_taal_en_knm_voor_de_800_taaluren_en_participatie_apart()
    {
        var normen = Voortgangsberekening.Bereken(Route(Leerroute.ZRoute), new UrenTotalen(Taal: 300, Knm: 100, Participatie: 200, MapTheorie: 0, MapPraktijk: 0, Pvt: 0));
        var taal = normen.Single(n => n.Onderdeel == NormOnderdeel.ZRouteTaal);
        Assert.Equal((800, 400m, 50, false), (taal.Norm.Uren, taal.Gedaan, taal.Procent, taal.Voldaan));
        var participatie = normen.Single(n => n.Onderdeel == NormOnderdeel.ZRouteParticipatie);
        Assert.Equal((800, 200m, 25), (participatie.Norm.Uren, participatie.Gedaan, participatie.Procent));
        Assert.Equal("400 van 800 uur (50%)", taal.Tekst);
    }

    [Fact]
    public void Z_route_participatie_telt_per_soort_tegen_de_ene_800()
    {
        // Besluit inburgering 2021 art. 3.14 lid 2 onder b: one norm of 800 hours for all participation; the kinds are
        // maatwerk (000:L727-729). 250 work + 150 volunteering + 120 society + 80 not given = 600 of 800 (75%).
        var uren = new UrenTotalen(Taal: 500, Knm: 100, Participatie: 80, MapTheorie: 0, MapPraktijk: 0, Pvt: 0, Arbeid: 250, Vrijwilligerswerk: 150, Maatschappelijk: 120);
        var normen = Voortgangsberekening.Bereken(Route(Leerroute.ZRoute), uren);
        var p = normen.Single(n => n.Onderdeel == NormOnderdeel.ZRouteParticipatie);
        Assert.Equal((600m, 75, false, "600 van 800 uur (75%)"), (p.Gedaan, p.Procent, p.Voldaan, p.Tekst));
        Assert.Equal(
            [("Werk (arbeidsparticipatie)", 250m, 31), ("Vrijwilligerswerk", 150m, 18), ("Maatschappelijke participatie", 120m, 15), ("Participatie, soort niet opgegeven", 80m, 10)],
            p.Delen.Select(d => (d.Soort, d.Uren, d.Procent)).ToList());
        Assert.Equal(p.Gedaan, p.Delen.Sum(d => d.Uren));

        // Taal and KNM together make the other 800; the kinds are shown, KNM counts (Bron.ZRouteUren).
        var taal = normen.Single(n => n.Onderdeel == NormOnderdeel.ZRouteTaal);
        Assert.Equal([("Taal", 500m, 62), ("KNM", 100m, 12)], taal.Delen.Select(d => (d.Soort, d.Uren, d.Procent)).ToList());

        // 800 reached only with all kinds together: no kind has a norm of its own.
        var vol = Voortgangsberekening.Bereken(Route(Leerroute.ZRoute), uren with { Arbeid = 450 }).Single(n => n.Onderdeel == NormOnderdeel.ZRouteParticipatie);
        Assert.True(vol.Voldaan);
        // Hours without a kind are left out of the split when there are none; other norms have no split.
        Assert.DoesNotContain(Voortgangsberekening.Bereken(Route(Leerroute.ZRoute), uren with { Participatie = 0 }).Single(n => n.Onderdeel == NormOnderdeel.ZRouteParticipatie).Delen,
            d => d.Soort.Contains("niet opgegeven", StringComparison.Ordinal));
        Assert.Empty(normen.Single(n => n.Onderdeel == NormOnderdeel.Map).Delen);
    }

    [Theory]
    [InlineData(108, 0, false)]   // enough hours, no practice
    [InlineData(68, 39, false)]   // 107 hours
    [InlineData(68, 40, true)]    // 108 with 40 practical
    [InlineData(100, 45, true)]   // more than enough
    public void Map_vraagt_108_uur_waarvan_minstens_40_praktijk(int theorie, int praktijk, bool voldaan)
    {
        var map = Voortgangsberekening.Bereken(Route(Leerroute.B1Route), new UrenTotalen(0, 0, 0, theorie, praktijk, 0)).Single(n => n.Onderdeel == NormOnderdeel.Map);
        Assert.Equal(108, map.Norm.Uren);
        Assert.Equal(voldaan, map.Voldaan);
        Assert.Equal(praktijk, map.PraktijkGedaan);
        Assert.Contains($"waarvan {praktijk} van minimaal 40 uur praktijk", map.Tekst);
    }

    [Fact]
    public void Pvt_is_voldaan_vanaf_12_uur_en_procent_loopt_niet_boven_100()
    {
        var normen = Voortgangsberekening.Bereken(Route(Leerroute.B1Route), new UrenTotalen(0, 0, 0, 0, 0, 11.5m));
        Assert.False(normen.Single(n => n.Onderdeel == NormOnderdeel.Pvt).Voldaan);
        Assert.Equal(95, normen.Single(n => n.Onderdeel == NormOnderdeel.Pvt).Procent);
        var ruim = Voortgangsberekening.Bereken(Route(Leerroute.B1Route), new UrenTotalen(0, 0, 0, 0, 0, 30)).Single(n => n.Onderdeel == NormOnderdeel.Pvt);
        Assert.Equal((100, true), (ruim.Procent, ruim.Voldaan));
    }

    [Fact]
    public void Onderwijsroute_heeft_geen_map_en_niet_wi2021_heeft_geen_normen()
    {
        Assert.Equal([NormOnderdeel.Pvt], Voortgangsberekening.Bereken(Route(Leerroute.Onderwijsroute), UrenTotalen.Geen).Select(n => n.Onderdeel));
        Assert.Empty(Voortgangsberekening.Bereken(Route(Leerroute.ZRoute, Doelgroep.Vrijgesteld), UrenTotalen.Geen));
    }

    [Fact]
    public void Elke_urennorm_van_de_klok_is_een_bekend_onderdeel()
    {
        // Guards the mapping from the clock's norms (by source and shape) to the hours that count for them.
        foreach (var route in Enum.GetValues<Leerroute>())
        {
            foreach (var doelgroep in Enum.GetValues<Doelgroep>())
            {
                foreach (var norm in LegalClock.Urennormen(Route(route, doelgroep)))
                {
                    _ = Voortgangsberekening.Onderdeel(norm);
                }
            }
        }

        Assert.Equal(4, LegalClock.Urennormen(Route(Leerroute.ZRoute)).Select(Voortgangsberekening.Onderdeel).Distinct().Count());
    }

    [Theory]
    [InlineData(90, 10, 10)]
    [InlineData(0, 0, null)]
    [InlineData(2, 1, 33)]
    [InlineData(1, 1, 50)]
    public void Afwezigheid_is_het_deel_van_de_verwachte_uren(int aanwezig, int afwezig, int? procent) =>
        Assert.Equal(procent, Voortgangsberekening.AfwezigheidsProcent(aanwezig, afwezig));
}

public class WeekTests
{
    [Theory]
    [InlineData("2026-06-08", "2026-06-08")]
    [InlineData("2026-W24", "2026-06-08")]
    [InlineData("2026w24", "2026-06-08")]
    [InlineData(" 2020-W53 ", "2020-12-28")] // 2020 has 53 ISO weeks
    public void Maandag_of_iso_week(string tekst, string maandag)
    {
        Assert.True(Week.TryParse(tekst, out var week, out _));
        Assert.Equal(D(maandag), week);
    }

    [Theory]
    [InlineData("2026-06-10", "geen maandag")]
    [InlineData("10-06-2026", "geen datum")]
    [InlineData("2026-W00", "bestaat niet")]
    [InlineData("2021-W53", "bestaat niet")]
    [InlineData("", "ontbreekt")]
    public void Foute_week_met_reden(string tekst, string reden)
    {
        Assert.False(Week.TryParse(tekst, out _, out var fout));
        Assert.Contains(reden, fout);
    }

    [Fact]
    public void Iso_notatie_rond_de_jaarwisseling() =>
        Assert.Equal("2026-W01", Week.IsoNotatie(D("2025-12-29")));
}

public class UrenregelsTests
{
    private static readonly DateOnly Vandaag = D("2026-06-16");

    [Theory]
    [InlineData("12", 12)]
    [InlineData("12,5", 12.5)]
    [InlineData("12.25", 12.25)]
    [InlineData("-1", -1)]
    public void Uren_lezen_met_komma_of_punt(string tekst, double verwacht)
    {
        Assert.True(Urenregels.TryParse(tekst, out var uren));
        Assert.Equal((decimal)verwacht, uren);
    }

    [Theory]
    [InlineData("1.000,5")]
    [InlineData("twaalf")]
    [InlineData("1,234")]
    [InlineData("")]
    public void Onzin_is_geen_aantal_uren(string tekst) => Assert.False(Urenregels.TryParse(tekst, out _));

    [Fact]
    public void Grenzen_per_week()
    {
        var week = D("2026-06-08");
        Assert.Empty(Urenregels.Controleer(60, 0, week, Vandaag));
        Assert.Empty(Urenregels.Controleer(0, 0, week, Vandaag));
        Assert.Contains(Urenregels.Controleer(60.5m, 0, week, Vandaag), f => f.Veld == "Uren");
        Assert.Contains(Urenregels.Controleer(-1, 0, week, Vandaag), f => f.Veld == "Uren");
        Assert.Contains(Urenregels.Controleer(10, -1, week, Vandaag), f => f.Veld == "AfwezigUren");
        Assert.Contains(Urenregels.Controleer(40, 21, week, Vandaag), f => f.Melding.Contains("samen"));
        Assert.Empty(Urenregels.Controleer(10, 0, D("2026-06-15"), Vandaag)); // the current week
        Assert.Contains(Urenregels.Controleer(10, 0, D("2026-06-22"), Vandaag), f => f.Veld == "Week" && f.Melding.Contains("toekomst"));
        Assert.Contains(Urenregels.Controleer(10, 0, D("2021-06-07"), Vandaag), f => f.Veld == "Week");
    }
}

public class GespreksplanningTests
{
    [Fact]
    public void Volgend_gesprek_is_de_klok_interval_na_pip_of_laatste_gesprek()
    {
        var metPip = Statushouder((Mijlpaal.Koppeling, "2025-01-06"), (Mijlpaal.PipVastgesteld, "2025-03-03"));
        Assert.Equal(D("2025-06-03"), Gespreksplanning.VolgendeUiterlijk(metPip, ClockSettings.Default));
        Assert.Equal(D("2025-05-03"), Gespreksplanning.VolgendeUiterlijk(metPip, new ClockSettings { VoortgangsgesprekIntervalMaanden = 2 }));
        var naGesprek = metPip.Met(Mijlpaal.LaatsteVoortgangsgesprek, D("2025-07-15"));
        Assert.Equal(D("2025-10-15"), Gespreksplanning.VolgendeUiterlijk(naGesprek, ClockSettings.Default));
        Assert.Null(Gespreksplanning.VolgendeUiterlijk(Statushouder((Mijlpaal.Koppeling, "2025-01-06")), ClockSettings.Default));
        Assert.Null(Gespreksplanning.VolgendeUiterlijk(metPip.Met(Mijlpaal.Verhuisd, D("2025-08-01")), ClockSettings.Default));
    }

    [Fact]
    public void Gesprek_vastleggen_niet_in_de_toekomst_en_niet_voor_het_pip()
    {
        var metPip = Statushouder((Mijlpaal.Koppeling, "2025-01-06"), (Mijlpaal.PipVastgesteld, "2025-03-03"));
        var vandaag = D("2025-06-16");
        Assert.Empty(Gespreksplanning.ControleerUitvoering(metPip, D("2025-06-16"), vandaag));
        Assert.Contains(Gespreksplanning.ControleerUitvoering(metPip, D("2025-06-17"), vandaag), o => o.Melding.Contains("toekomst"));
        Assert.Contains(Gespreksplanning.ControleerUitvoering(metPip, D("2025-03-02"), vandaag), o => o.Melding.Contains("PIP"));
        Assert.Contains(Gespreksplanning.ControleerUitvoering(Statushouder((Mijlpaal.Koppeling, "2025-01-06")), D("2025-06-01"), vandaag), o => o.Melding.Contains("nog geen PIP"));
    }

    [Fact]
    public void Een_later_ingevoerd_ouder_gesprek_zet_de_klok_niet_terug()
    {
        Assert.Equal(D("2025-07-15"), Gespreksplanning.NieuweLaatste(D("2025-07-15"), D("2025-04-01")));
        Assert.Equal(D("2025-09-01"), Gespreksplanning.NieuweLaatste(D("2025-07-15"), D("2025-09-01")));
        Assert.Equal(D("2025-04-01"), Gespreksplanning.NieuweLaatste(null, D("2025-04-01")));
    }
}

using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Intake;
using Koers.Domain.Pip;
using Koers.Domain.Sources;
using static Koers.Domain.Tests.PipVoorbeelden;
using static Koers.Domain.Tests.TestFeiten;

namespace Koers.Domain.Tests;

public class PipRegelsTests
{
    private static readonly PipContext Asiel = Context(Doelgroep.Asielstatushouder);
    private static readonly PipInhoud B1Asiel = Inhoud(Leerroute.B1Route, Doelgroep.Asielstatushouder);

    private static Overtreding EnigeFout(PipControle controle, string veld)
    {
        var fout = Assert.Single(controle.Fouten);
        Assert.Equal(veld, fout.Veld);
        Assert.NotNull(fout.Bron);
        Assert.False(controle.MagVastgesteld);
        return fout;
    }

    private static void Geldig(PipControle controle)
    {
        Assert.Empty(controle.Fouten);
        Assert.True(controle.MagVastgesteld);
    }

    public static TheoryData<Leerroute, Doelgroep> ToegestaneCombinaties()
    {
        var data = new TheoryData<Leerroute, Doelgroep>();
        foreach (var route in Enum.GetValues<Leerroute>())
        {
            foreach (var doelgroep in Wi2021Doelgroepen)
            {
                data.Add(route, doelgroep);
            }
        }

        return data;
    }

    #region Geldige PIP's

    [Theory]
    [MemberData(nameof(ToegestaneCombinaties))]
    public void Geldig_PIP_voor_elke_route_en_doelgroep(Leerroute route, Doelgroep doelgroep)
    {
        var controle = PipRegels.Controleer(Inhoud(route, doelgroep), Context(doelgroep, route));

        Geldig(controle);
        var gezinsOnderwijs = doelgroep is Doelgroep.Gezinsmigrant or Doelgroep.OverigeMigrant && route == Leerroute.Onderwijsroute;
        if (gezinsOnderwijs)
        {
            Assert.Equal(nameof(PipInhoud.Leerroute), Assert.Single(controle.Waarschuwingen).Veld);
        }
        else
        {
            Assert.Empty(controle.Waarschuwingen);
        }
    }

    [Fact]
    public void PipControle_mag_vastgesteld_alleen_zonder_fouten()
    {
        Assert.True(new PipControle([], [new Overtreding("X", "let op")]).MagVastgesteld);
        Assert.False(new PipControle([new Overtreding("X", "fout")], []).MagVastgesteld);
    }

    #endregion

    #region Verplichte inhoud

    [Fact]
    public void Leerroute_is_verplicht()
    {
        var fout = EnigeFout(PipRegels.Controleer(B1Asiel with { Leerroute = null, GeschatteIntensiteitB1 = null }, Asiel), nameof(PipInhoud.Leerroute));
        Assert.Equal(Bron.PipInhoudLeerrouteMapPvt, fout.Bron);
    }

    [Fact]
    public void Hoofddoel_is_verplicht()
    {
        var fout = EnigeFout(PipRegels.Controleer(B1Asiel with { Hoofddoel = null }, Asiel), nameof(PipInhoud.Hoofddoel));
        Assert.Equal(Bron.PipEinddoelen, fout.Bron);
    }

    #endregion

    #region Dagtekening

    [Fact]
    public void Dagtekening_vandaag_mag_in_de_toekomst_niet()
    {
        Geldig(PipRegels.Controleer(B1Asiel with { GeplandeStart = Vandaag }, Asiel with { Dagtekening = Vandaag, BrpInschrijving = D("2026-05-01") }));

        var fout = EnigeFout(
            PipRegels.Controleer(B1Asiel with { GeplandeStart = Vandaag.AddDays(7) }, Asiel with { Dagtekening = Vandaag.AddDays(1), BrpInschrijving = D("2026-05-01") }),
            nameof(PipContext.Dagtekening));
        Assert.Contains("toekomst", fout.Melding);
    }

    [Fact]
    public void Dagtekening_niet_voor_de_koppeling()
    {
        var context = Asiel with { Dagtekening = Koppeling.AddDays(-1) };
        var controle = PipRegels.Controleer(B1Asiel, context);

        var fout = EnigeFout(controle, nameof(PipContext.Dagtekening));
        Assert.Equal(Bron.DuoDagtekeningNaVestiging, fout.Bron);
        Assert.Contains("koppeling", fout.Melding);

        Geldig(PipRegels.Controleer(B1Asiel, Asiel with { Dagtekening = Koppeling }));
    }

    [Fact]
    public void Met_koppeling_mag_het_PIP_voor_de_BRP_inschrijving_nog_in_het_azc()
    {
        Geldig(PipRegels.Controleer(B1Asiel, Asiel with { Dagtekening = Brp.AddDays(-14) }));
    }

    [Fact]
    public void Zonder_koppeling_niet_voor_de_BRP_inschrijving()
    {
        var context = Context(Doelgroep.Gezinsmigrant);
        var inhoud = Inhoud(Leerroute.B1Route, Doelgroep.Gezinsmigrant);

        var fout = EnigeFout(PipRegels.Controleer(inhoud, context with { Dagtekening = Brp.AddDays(-1) }), nameof(PipContext.Dagtekening));
        Assert.Equal(Bron.DuoDagtekeningNaVestiging, fout.Bron);
        Assert.Contains("BRP", fout.Melding);

        Geldig(PipRegels.Controleer(inhoud, context with { Dagtekening = Brp }));
    }

    [Fact]
    public void Dagtekening_niet_voor_die_van_het_vorige_PIP()
    {
        var fout = EnigeFout(PipRegels.Controleer(B1Asiel, Asiel with { VorigeDagtekening = Dagtekening.AddDays(1) }), nameof(PipContext.Dagtekening));
        Assert.Equal(Bron.DuoDagtekeningNaVorigePip, fout.Bron);

        Geldig(PipRegels.Controleer(B1Asiel, Asiel with { VorigeDagtekening = Dagtekening }));
    }

    #endregion

    #region Niveaus per route (DUO)

    [Theory]
    [InlineData(Vaardigheid.Lezen)]
    [InlineData(Vaardigheid.Spreken)]
    public void Onderwijsroute_geen_A2(Vaardigheid vaardigheid)
    {
        var inhoud = Inhoud(Leerroute.Onderwijsroute, Doelgroep.Asielstatushouder);
        var niveaus = new Dictionary<Vaardigheid, Taalniveau>(inhoud.Niveaus) { [vaardigheid] = Taalniveau.A2 };

        var fout = EnigeFout(PipRegels.Controleer(inhoud with { Niveaus = niveaus }, Context(Doelgroep.Asielstatushouder, Leerroute.Onderwijsroute)),
            $"Niveaus.{vaardigheid}");
        Assert.Equal(Bron.DuoGeenA2Onderwijsroute, fout.Bron);
    }

    [Fact]
    public void Onderwijsroute_met_B1_en_B2_mag()
    {
        var inhoud = Inhoud(Leerroute.Onderwijsroute, Doelgroep.Asielstatushouder);
        Assert.Contains(Taalniveau.B2, inhoud.Niveaus.Values);
        Geldig(PipRegels.Controleer(inhoud, Context(Doelgroep.Asielstatushouder, Leerroute.Onderwijsroute)));
    }

    [Theory]
    [InlineData(Taalniveau.B1)]
    [InlineData(Taalniveau.B2)]
    public void ZRoute_geen_B1_of_B2(Taalniveau niveau)
    {
        var inhoud = Inhoud(Leerroute.ZRoute, Doelgroep.Asielstatushouder) with
        {
            Niveaus = new Dictionary<Vaardigheid, Taalniveau> { [Vaardigheid.Luisteren] = niveau },
        };

        var fout = EnigeFout(PipRegels.Controleer(inhoud, Context(Doelgroep.Asielstatushouder, Leerroute.ZRoute)), "Niveaus.Luisteren");
        Assert.Equal(Bron.DuoGeenB1ZRoute, fout.Bron);
    }

    [Fact]
    public void ZRoute_met_A2_opplussen_of_zonder_niveaus_mag()
    {
        var context = Context(Doelgroep.Asielstatushouder, Leerroute.ZRoute);
        var opgeplust = Inhoud(Leerroute.ZRoute, Doelgroep.Asielstatushouder) with
        {
            Niveaus = Enum.GetValues<Vaardigheid>().ToDictionary(v => v, _ => Taalniveau.A2),
        };

        Geldig(PipRegels.Controleer(opgeplust, context));
        Geldig(PipRegels.Controleer(opgeplust with { Niveaus = new Dictionary<Vaardigheid, Taalniveau>() }, context));
    }

    [Fact]
    public void B1Route_afschalen_naar_A2_niet_in_het_eerste_PIP()
    {
        var niveaus = new Dictionary<Vaardigheid, Taalniveau>(B1Asiel.Niveaus) { [Vaardigheid.Schrijven] = Taalniveau.A2 };

        var fout = EnigeFout(PipRegels.Controleer(B1Asiel with { Niveaus = niveaus }, Asiel), "Niveaus.Schrijven");
        Assert.Equal(Bron.DuoGeenA2EerstePip, fout.Bron);
    }

    [Fact]
    public void B1Route_afschalen_naar_A2_mag_na_een_eerder_PIP()
    {
        var niveaus = new Dictionary<Vaardigheid, Taalniveau>(B1Asiel.Niveaus) { [Vaardigheid.Schrijven] = Taalniveau.A2 };
        var inhoud = B1Asiel with { Niveaus = niveaus };

        Geldig(PipRegels.Controleer(inhoud, Asiel with { HeeftEerderPipGehad = true }));      // DUO: a PIP in any municipality
        Geldig(PipRegels.Controleer(inhoud, Asiel with { VorigeDagtekening = D("2026-04-01") })); // an earlier PIP in this case
        Geldig(PipRegels.Controleer(inhoud, Asiel with { VorigePip = B1Asiel }));
    }

    #endregion

    #region Normaliseer

    [Theory]
    [InlineData(Leerroute.B1Route)]
    [InlineData(Leerroute.Onderwijsroute)]
    public void Ontbrekend_niveau_wordt_B1_bij_B1_route_en_onderwijsroute(Leerroute route)
    {
        var inhoud = new PipInhoud
        {
            Leerroute = route,
            Niveaus = new Dictionary<Vaardigheid, Taalniveau> { [Vaardigheid.Spreken] = Taalniveau.B2 },
        };

        var genormaliseerd = PipRegels.Normaliseer(inhoud);

        Assert.Equal(4, genormaliseerd.Niveaus.Count);
        Assert.Equal(Taalniveau.B2, genormaliseerd.Niveaus[Vaardigheid.Spreken]);
        Assert.Equal(Taalniveau.B1, genormaliseerd.Niveaus[Vaardigheid.Lezen]);
        Assert.Equal(Taalniveau.B1, genormaliseerd.Niveaus[Vaardigheid.Luisteren]);
        Assert.Equal(Taalniveau.B1, genormaliseerd.Niveaus[Vaardigheid.Schrijven]);
        Assert.Single(inhoud.Niveaus); // the input is not changed
        Assert.Contains("Niveau B1 vastgesteld", Bron.DuoStandaardNiveauB1.Quote);
    }

    [Fact]
    public void ZRoute_krijgt_geen_standaardniveau()
    {
        var leeg = new PipInhoud { Leerroute = Leerroute.ZRoute };
        Assert.Empty(PipRegels.Normaliseer(leeg).Niveaus);

        var opgeplust = leeg with { Niveaus = new Dictionary<Vaardigheid, Taalniveau> { [Vaardigheid.Lezen] = Taalniveau.A2 } };
        Assert.Equal(Taalniveau.A2, Assert.Single(PipRegels.Normaliseer(opgeplust).Niveaus).Value);
    }

    [Fact]
    public void Zonder_leerroute_verandert_niets()
    {
        var inhoud = new PipInhoud();
        Assert.Same(inhoud, PipRegels.Normaliseer(inhoud));
    }

    #endregion

    #region Geschatte intensiteit B1-route

    [Theory]
    [InlineData(1)]
    [InlineData(9999)]
    public void Intensiteit_bij_B1_route_voor_asiel_van_1_tot_9999(int uren)
    {
        Geldig(PipRegels.Controleer(B1Asiel with { GeschatteIntensiteitB1 = uren }, Asiel));
        Geldig(PipRegels.Controleer(Inhoud(Leerroute.B1Route, Doelgroep.Nareiziger) with { GeschatteIntensiteitB1 = uren }, Context(Doelgroep.Nareiziger)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10000)]
    public void Intensiteit_buiten_bereik(int uren)
    {
        var fout = EnigeFout(PipRegels.Controleer(B1Asiel with { GeschatteIntensiteitB1 = uren }, Asiel), nameof(PipInhoud.GeschatteIntensiteitB1));
        Assert.Equal(Bron.DuoIntensiteitB1, fout.Bron);
        Assert.Contains("9999", fout.Melding);
    }

    [Theory]
    [InlineData(Leerroute.Onderwijsroute)]
    [InlineData(Leerroute.ZRoute)]
    public void Intensiteit_alleen_bij_de_B1_route(Leerroute route)
    {
        var inhoud = Inhoud(route, Doelgroep.Asielstatushouder) with { GeschatteIntensiteitB1 = 600 };

        var fout = EnigeFout(PipRegels.Controleer(inhoud, Context(Doelgroep.Asielstatushouder, route)), nameof(PipInhoud.GeschatteIntensiteitB1));
        Assert.Contains("B1-route", fout.Melding);
    }

    [Theory]
    [InlineData(Doelgroep.Gezinsmigrant)]
    [InlineData(Doelgroep.OverigeMigrant)]
    public void Intensiteit_alleen_voor_asielstatushouders_en_nareizigers(Doelgroep doelgroep)
    {
        var inhoud = Inhoud(Leerroute.B1Route, doelgroep) with { GeschatteIntensiteitB1 = 600 };

        var fout = EnigeFout(PipRegels.Controleer(inhoud, Context(doelgroep)), nameof(PipInhoud.GeschatteIntensiteitB1));
        Assert.Contains("asielstatushouders", fout.Melding);
    }

    #endregion

    #region Begeleiding en ontzorgen alleen voor asiel

    [Theory]
    [InlineData(Doelgroep.Gezinsmigrant)]
    [InlineData(Doelgroep.OverigeMigrant)]
    public void Maatschappelijke_begeleiding_niet_voor_gezinsmigranten(Doelgroep doelgroep)
    {
        var inhoud = Inhoud(Leerroute.B1Route, doelgroep) with { MaatschappelijkeBegeleiding = true };

        var fout = EnigeFout(PipRegels.Controleer(inhoud, Context(doelgroep)), nameof(PipInhoud.MaatschappelijkeBegeleiding));
        Assert.Equal(Bron.OntzorgenDoelgroep, fout.Bron);
    }

    [Theory]
    [InlineData(Doelgroep.Gezinsmigrant)]
    [InlineData(Doelgroep.OverigeMigrant)]
    public void Ontzorgen_niet_voor_gezinsmigranten(Doelgroep doelgroep)
    {
        var inhoud = Inhoud(Leerroute.B1Route, doelgroep) with { Ontzorgen = true };

        var fout = EnigeFout(PipRegels.Controleer(inhoud, Context(doelgroep)), nameof(PipInhoud.Ontzorgen));
        Assert.Equal(Bron.OntzorgenDoelgroep, fout.Bron);
    }

    [Theory]
    [InlineData(Doelgroep.Asielstatushouder)]
    [InlineData(Doelgroep.Nareiziger)]
    public void Begeleiding_en_ontzorgen_mogen_voor_asiel_maar_hoeven_niet(Doelgroep doelgroep)
    {
        var inhoud = Inhoud(Leerroute.B1Route, doelgroep);
        Assert.True(inhoud.MaatschappelijkeBegeleiding && inhoud.Ontzorgen);

        Geldig(PipRegels.Controleer(inhoud, Context(doelgroep)));
        Geldig(PipRegels.Controleer(inhoud with { MaatschappelijkeBegeleiding = false, Ontzorgen = false }, Context(doelgroep)));
    }

    #endregion

    #region Modules: PVT, MAP, KNM, participatie

    [Theory]
    [MemberData(nameof(ToegestaneCombinaties))]
    public void PVT_is_verplicht_voor_iedereen(Leerroute route, Doelgroep doelgroep)
    {
        var fout = EnigeFout(PipRegels.Controleer(Inhoud(route, doelgroep) with { Pvt = false }, Context(doelgroep, route)), nameof(PipInhoud.Pvt));

        var verwacht = doelgroep is Doelgroep.Gezinsmigrant or Doelgroep.OverigeMigrant ? Bron.MapPvtGezinsmigranten : Bron.PvtUren;
        Assert.Equal(verwacht, fout.Bron);
    }

    [Theory]
    [InlineData(Leerroute.B1Route, Doelgroep.Asielstatushouder)]
    [InlineData(Leerroute.ZRoute, Doelgroep.Nareiziger)]
    [InlineData(Leerroute.B1Route, Doelgroep.Gezinsmigrant)]
    [InlineData(Leerroute.ZRoute, Doelgroep.OverigeMigrant)]
    public void MAP_is_verplicht_behalve_in_de_onderwijsroute(Leerroute route, Doelgroep doelgroep)
    {
        var fout = EnigeFout(PipRegels.Controleer(Inhoud(route, doelgroep) with { Map = false }, Context(doelgroep, route)), nameof(PipInhoud.Map));

        var verwacht = doelgroep is Doelgroep.Gezinsmigrant or Doelgroep.OverigeMigrant ? Bron.MapPvtGezinsmigranten : Bron.MapUren;
        Assert.Equal(verwacht, fout.Bron);
    }

    [Fact]
    public void Onderwijsroute_is_vrijgesteld_van_de_MAP_maar_mag_hem_wel_hebben()
    {
        var inhoud = Inhoud(Leerroute.Onderwijsroute, Doelgroep.Asielstatushouder);
        var context = Context(Doelgroep.Asielstatushouder, Leerroute.Onderwijsroute);

        Geldig(PipRegels.Controleer(inhoud with { Map = false }, context));
        Geldig(PipRegels.Controleer(inhoud with { Map = true }, context));
    }

    [Fact]
    public void KNM_is_verplicht()
    {
        var fout = EnigeFout(PipRegels.Controleer(B1Asiel with { Knm = false }, Asiel), nameof(PipInhoud.Knm));
        Assert.Equal(Bron.PipModulesKnm, fout.Bron);
    }

    [Fact]
    public void ZRoute_vraagt_een_vorm_van_participatie()
    {
        var context = Context(Doelgroep.Asielstatushouder, Leerroute.ZRoute);
        var inhoud = Inhoud(Leerroute.ZRoute, Doelgroep.Asielstatushouder);

        var fout = EnigeFout(PipRegels.Controleer(inhoud with { Participatie = ParticipatieVorm.Geen }, context), nameof(PipInhoud.Participatie));
        Assert.Equal(Bron.ZRouteUren, fout.Bron);
        Assert.Contains("800", fout.Melding);

        foreach (var vorm in Enum.GetValues<ParticipatieVorm>().Where(v => v != ParticipatieVorm.Geen))
        {
            Geldig(PipRegels.Controleer(inhoud with { Participatie = vorm }, context));
        }
    }

    [Fact]
    public void B1_route_zonder_participatie_is_geen_fout()
    {
        Geldig(PipRegels.Controleer(B1Asiel with { Participatie = ParticipatieVorm.Geen }, Asiel));
    }

    #endregion

    #region Brede intake en leerbaarheidstoets

    [Fact]
    public void Brede_intake_moet_afgerond_zijn()
    {
        var fout = EnigeFout(PipRegels.Controleer(B1Asiel, Asiel with { IntakeAfgerond = false }), nameof(PipContext.IntakeAfgerond));
        Assert.Equal(Bron.BredeIntakeVerplicht, fout.Bron);
    }

    [Fact]
    public void Zonder_leerbaarheidstoets_geen_PIP()
    {
        var fout = EnigeFout(PipRegels.Controleer(B1Asiel, Asiel with { Leerbaarheidstoets = null }), nameof(PipContext.Leerbaarheidstoets));
        Assert.Equal(Bron.LbtVoorIedereen, fout.Bron);
    }

    [Fact]
    public void Toets_aangemeld_maar_nog_niet_gemaakt_is_niet_genoeg()
    {
        EnigeFout(PipRegels.Controleer(B1Asiel, Asiel with { Leerbaarheidstoets = new LbtFeiten { Aangemeld = D("2026-03-10") } }),
            nameof(PipContext.Leerbaarheidstoets));
        EnigeFout(PipRegels.Controleer(B1Asiel, Asiel with { Leerbaarheidstoets = Lbt(32) with { Score = null } }),
            nameof(PipContext.Leerbaarheidstoets));
        EnigeFout(PipRegels.Controleer(B1Asiel, Asiel with { Leerbaarheidstoets = Lbt(32) with { Afgenomen = null } }),
            nameof(PipContext.Leerbaarheidstoets));
    }

    [Fact]
    public void Overgeslagen_toets_met_reden_is_genoeg_zonder_reden_niet()
    {
        var overgeslagen = new LbtFeiten { Overgeslagen = true, RedenOverslaan = "Zintuiglijke beperking: slechtziend" };

        Geldig(PipRegels.Controleer(B1Asiel, Asiel with { Leerbaarheidstoets = overgeslagen }));
        Geldig(PipRegels.Controleer(Inhoud(Leerroute.ZRoute, Doelgroep.Asielstatushouder), Asiel with { Leerbaarheidstoets = overgeslagen }));

        EnigeFout(PipRegels.Controleer(B1Asiel, Asiel with { Leerbaarheidstoets = overgeslagen with { RedenOverslaan = " " } }),
            nameof(PipContext.Leerbaarheidstoets));
    }

    [Fact]
    public void IsLbtBruikbaar()
    {
        Assert.False(PipRegels.IsLbtBruikbaar(null));
        Assert.False(PipRegels.IsLbtBruikbaar(new LbtFeiten()));
        Assert.True(PipRegels.IsLbtBruikbaar(Lbt(0)));
        Assert.True(PipRegels.IsLbtBruikbaar(new LbtFeiten { Overgeslagen = true, RedenOverslaan = "Doof" }));
        Assert.False(PipRegels.IsLbtBruikbaar(new LbtFeiten { Overgeslagen = true }));
    }

    [Theory]
    [InlineData(Leerroute.B1Route, 27)]        // omhoog
    [InlineData(Leerroute.Onderwijsroute, 20)] // omhoog
    [InlineData(Leerroute.ZRoute, 28)]         // omlaag
    [InlineData(Leerroute.ZRoute, 35)]
    public void Afwijken_van_de_toets_vraagt_een_motivatie(Leerroute route, int score)
    {
        var context = Context(Doelgroep.Asielstatushouder, route) with { Leerbaarheidstoets = Lbt(score) };
        var inhoud = Inhoud(route, Doelgroep.Asielstatushouder);

        var zonder = EnigeFout(PipRegels.Controleer(inhoud, context), nameof(PipInhoud.MotivatieAfwijkingLbt));
        Assert.Equal(Bron.AfwijkingLbtMotiveren, zonder.Bron);
        Assert.Contains(route.Omschrijving(), zonder.Melding);

        var witruimte = EnigeFout(PipRegels.Controleer(inhoud with { MotivatieAfwijkingLbt = "   " }, context), nameof(PipInhoud.MotivatieAfwijkingLbt));
        Assert.Equal(zonder.Melding, witruimte.Melding);

        var kort = EnigeFout(PipRegels.Controleer(inhoud with { MotivatieAfwijkingLbt = "Taalschool zegt ok." }, context), nameof(PipInhoud.MotivatieAfwijkingLbt));
        Assert.Contains("20 tekens", kort.Melding);

        // Exactly 20 characters after trimming is enough.
        const string Twintig = "Proefles ging goed!!";
        Assert.Equal(20, Twintig.Length);
        Geldig(PipRegels.Controleer(inhoud with { MotivatieAfwijkingLbt = "  " + Twintig + "  " }, context));
        Geldig(PipRegels.Controleer(inhoud with { MotivatieAfwijkingLbt = "Proefles bij de taalschool laat zien dat deze route beter past." }, context));
    }

    [Theory]
    [InlineData(Leerroute.B1Route, 28)]
    [InlineData(Leerroute.Onderwijsroute, 40)]
    [InlineData(Leerroute.ZRoute, 27)]
    public void Conform_de_toets_is_geen_motivatie_nodig(Leerroute route, int score)
    {
        var context = Context(Doelgroep.Asielstatushouder, route) with { Leerbaarheidstoets = Lbt(score) };
        Geldig(PipRegels.Controleer(Inhoud(route, Doelgroep.Asielstatushouder), context));
    }

    [Fact]
    public void Afwijking_volgt_de_oude_cesuur_voor_een_toets_voor_12_april_2023()
    {
        // 30 points on 11 April 2023 was below the cesuur of 31: the Z-route is conform, the B1-route deviates.
        var oud = new LbtFeiten { Aangemeld = D("2023-04-01"), Afgenomen = D("2023-04-11"), Score = 30 };
        var context = Asiel with { Leerbaarheidstoets = oud };

        Geldig(PipRegels.Controleer(Inhoud(Leerroute.ZRoute, Doelgroep.Asielstatushouder), context));
        EnigeFout(PipRegels.Controleer(B1Asiel, context), nameof(PipInhoud.MotivatieAfwijkingLbt));
    }

    #endregion

    #region Geplande start

    [Fact]
    public void Geplande_start_niet_voor_de_dagtekening()
    {
        var fout = EnigeFout(PipRegels.Controleer(B1Asiel with { GeplandeStart = Dagtekening.AddDays(-1) }, Asiel), nameof(PipInhoud.GeplandeStart));
        Assert.Equal(Bron.DuoAanbodNietVoorPip, fout.Bron);

        Geldig(PipRegels.Controleer(B1Asiel with { GeplandeStart = Dagtekening }, Asiel));
    }

    [Fact]
    public void Ongewijzigde_start_uit_het_vorige_PIP_mag_voor_een_latere_bijstelling_liggen()
    {
        // The route started on 4 May; a bijstelling dated 26 May keeps that start.
        var bijstelling = Asiel with { Dagtekening = D("2026-05-26"), VorigeDagtekening = Dagtekening, VorigePip = B1Asiel };

        Geldig(PipRegels.Controleer(B1Asiel, bijstelling));
        EnigeFout(PipRegels.Controleer(B1Asiel with { GeplandeStart = D("2026-05-11") }, bijstelling), nameof(PipInhoud.GeplandeStart));
    }

    #endregion

    #region Waarschuwingen

    [Theory]
    [InlineData(Doelgroep.Gezinsmigrant)]
    [InlineData(Doelgroep.OverigeMigrant)]
    public void Waarschuwing_onderwijsroute_voor_gezinsmigrant(Doelgroep doelgroep)
    {
        var controle = PipRegels.Controleer(Inhoud(Leerroute.Onderwijsroute, doelgroep), Context(doelgroep, Leerroute.Onderwijsroute));

        Geldig(controle);
        var waarschuwing = Assert.Single(controle.Waarschuwingen);
        Assert.Equal(Bron.OnderwijsrouteNietLeenbaar, waarschuwing.Bron);
        Assert.Contains("lenen", waarschuwing.Melding);
    }

    [Fact]
    public void Te_laat_PIP_telt_de_informatie_van_een_derde_mee()
    {
        // Ten weeks from DUO's notice of 2 March 2026 end on 11 May; the PIP is dated 20 May.
        var laat = Context(Doelgroep.Gezinsmigrant) with
        {
            BrpInschrijving = D("2026-01-05"),
            KennisgevingInburgeringsplicht = D("2026-03-02"),
            Dagtekening = D("2026-05-20"),
        };
        var inhoud = Inhoud(Leerroute.B1Route, Doelgroep.Gezinsmigrant);

        var waarschuwing = Assert.Single(PipRegels.Controleer(inhoud, laat).Waarschuwingen, w => w.Veld == nameof(PipContext.Dagtekening));
        Assert.Contains("moest uiterlijk 11-05-2026 klaar zijn", waarschuwing.Melding);
        Assert.Equal(Bron.PipTermijnBesluit, waarschuwing.Bron);

        // Information asked on 20 April and received on 15 May: due two weeks later (29 May), so 20 May is on time.
        var metDerde = laat with { InformatieDerde = new InformatieDerde(D("2026-04-20"), D("2026-05-15")) };
        Assert.DoesNotContain(PipRegels.Controleer(inhoud, metDerde).Waarschuwingen, w => w.Veld == nameof(PipContext.Dagtekening));

        // Received well within the ten weeks: the term stands and the PIP is late.
        var vroeg = laat with { InformatieDerde = new InformatieDerde(D("2026-04-06"), D("2026-04-20")) };
        Assert.Contains(PipRegels.Controleer(inhoud, vroeg).Waarschuwingen, w => w.Veld == nameof(PipContext.Dagtekening));
    }

    [Fact]
    public void Geen_waarschuwing_onderwijsroute_voor_asiel()
    {
        var controle = PipRegels.Controleer(Inhoud(Leerroute.Onderwijsroute, Doelgroep.Asielstatushouder), Context(Doelgroep.Asielstatushouder, Leerroute.Onderwijsroute));
        Assert.Empty(controle.Waarschuwingen);
    }

    [Theory]
    [InlineData(Doelgroep.Asielstatushouder)]
    [InlineData(Doelgroep.Nareiziger)]
    public void Waarschuwing_asiel_zonder_aanbieder_of_startdatum(Doelgroep doelgroep)
    {
        var inhoud = Inhoud(Leerroute.B1Route, doelgroep);
        var context = Context(doelgroep);

        var zonderAanbieder = PipRegels.Controleer(inhoud with { Aanbieder = " " }, context);
        Geldig(zonderAanbieder);
        Assert.Equal(nameof(PipInhoud.Aanbieder), Assert.Single(zonderAanbieder.Waarschuwingen).Veld);

        var zonderStart = PipRegels.Controleer(inhoud with { GeplandeStart = null }, context);
        Assert.Equal(nameof(PipInhoud.GeplandeStart), Assert.Single(zonderStart.Waarschuwingen).Veld);

        var zonderBeide = PipRegels.Controleer(inhoud with { Aanbieder = null, GeplandeStart = null }, context);
        Assert.Equal(2, zonderBeide.Waarschuwingen.Count);
        Assert.All(zonderBeide.Waarschuwingen, w => Assert.Equal(Bron.InburgeringsaanbodGemeente, w.Bron));
    }

    [Fact]
    public void Geen_waarschuwing_zonder_aanbieder_voor_gezinsmigrant()
    {
        var inhoud = Inhoud(Leerroute.B1Route, Doelgroep.Gezinsmigrant);
        Assert.Null(inhoud.Aanbieder);
        Assert.Empty(PipRegels.Controleer(inhoud, Context(Doelgroep.Gezinsmigrant)).Waarschuwingen);
    }

    [Fact]
    public void Waarschuwing_PIP_later_dan_tien_weken_na_BRP()
    {
        // BRP Monday 2 March 2026: on time up to and including Monday 11 May 2026.
        var opTijd = PipRegels.Controleer(B1Asiel with { GeplandeStart = D("2026-05-18") }, Asiel with { Dagtekening = D("2026-05-11") });
        Assert.Empty(opTijd.Waarschuwingen);

        var teLaat = PipRegels.Controleer(B1Asiel with { GeplandeStart = D("2026-05-18") }, Asiel with { Dagtekening = D("2026-05-12") });
        Geldig(teLaat);
        var waarschuwing = Assert.Single(teLaat.Waarschuwingen);
        Assert.Equal(nameof(PipContext.Dagtekening), waarschuwing.Veld);
        Assert.Equal(Bron.PipTermijnBesluit, waarschuwing.Bron);
        Assert.Contains("11-05-2026", waarschuwing.Melding);
        Assert.Contains("waarom", waarschuwing.Melding);
    }

    [Fact]
    public void Waarschuwing_volgt_de_kennisgeving_van_DUO_en_de_Algemene_termijnenwet()
    {
        // Registered 2 March, DUO's letter 16 March: ten weeks from the letter end on Tweede Pinksterdag (25 May 2026),
        // so the PIP is in time up to and including Tuesday 26 May (Besluit art. 5.3 lid 1, Atw art. 1 and 5).
        var context = Asiel with { KennisgevingInburgeringsplicht = D("2026-03-16") };
        var inhoud = B1Asiel with { GeplandeStart = D("2026-06-01") };

        Assert.Empty(PipRegels.Controleer(inhoud, context with { Dagtekening = D("2026-05-26") }).Waarschuwingen);
        var waarschuwing = Assert.Single(PipRegels.Controleer(inhoud, context with { Dagtekening = D("2026-05-27") }).Waarschuwingen);
        Assert.Contains("26-05-2026", waarschuwing.Melding);
        Assert.Contains("kennisgeving", waarschuwing.Melding);
    }

    [Fact]
    public void Geen_te_laat_waarschuwing_bij_een_bijstelling_of_zonder_BRP()
    {
        var laat = Asiel with { Dagtekening = D("2026-05-20") };
        var inhoud = B1Asiel with { GeplandeStart = D("2026-05-25") };

        Assert.Single(PipRegels.Controleer(inhoud, laat).Waarschuwingen);
        Assert.Empty(PipRegels.Controleer(inhoud, laat with { VorigeDagtekening = Dagtekening }).Waarschuwingen);
        Assert.Empty(PipRegels.Controleer(inhoud, laat with { BrpInschrijving = null }).Waarschuwingen);
    }

    #endregion

    #region Bronnen

    [Fact]
    public void Elke_fout_heeft_een_bron_ook_als_alles_mis_is()
    {
        var alles = new PipInhoud
        {
            Leerroute = Leerroute.ZRoute,
            Niveaus = new Dictionary<Vaardigheid, Taalniveau> { [Vaardigheid.Lezen] = Taalniveau.B1, [Vaardigheid.Spreken] = Taalniveau.B2 },
            Knm = false,
            Pvt = false,
            Map = false,
            Participatie = ParticipatieVorm.Geen,
            MaatschappelijkeBegeleiding = true,
            Ontzorgen = true,
            Hoofddoel = null,
            GeplandeStart = D("2026-01-01"),
            GeschatteIntensiteitB1 = 0,
        };
        var context = new PipContext
        {
            Doelgroep = Doelgroep.Gezinsmigrant,
            Dagtekening = Vandaag.AddDays(1),
            BrpInschrijving = Vandaag.AddDays(5),
            VorigeDagtekening = Vandaag.AddDays(10),
            Leerbaarheidstoets = null,
            IntakeAfgerond = false,
            Vandaag = Vandaag,
        };

        var controle = PipRegels.Controleer(alles, context);

        Assert.False(controle.MagVastgesteld);
        Assert.All(controle.Fouten, f => Assert.NotNull(f.Bron));
        Assert.All(controle.Waarschuwingen, w => Assert.NotNull(w.Bron));
        var velden = controle.Fouten.Select(f => f.Veld).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                nameof(PipInhoud.Hoofddoel), nameof(PipContext.Dagtekening), "Niveaus.Lezen", "Niveaus.Spreken",
                nameof(PipInhoud.GeschatteIntensiteitB1), nameof(PipInhoud.MaatschappelijkeBegeleiding), nameof(PipInhoud.Ontzorgen),
                nameof(PipInhoud.Pvt), nameof(PipInhoud.Map), nameof(PipInhoud.Knm), nameof(PipInhoud.Participatie),
                nameof(PipContext.Leerbaarheidstoets), nameof(PipContext.IntakeAfgerond), nameof(PipInhoud.GeplandeStart),
            },
            velden);
        Assert.Equal(3, controle.Fouten.Count(f => f.Veld == nameof(PipContext.Dagtekening))); // future, before BRP, before previous PIP
        Assert.Equal(3, controle.Fouten.Count(f => f.Veld == nameof(PipInhoud.GeschatteIntensiteitB1))); // route, doelgroep, range
    }

    [Fact]
    public void DUO_regels_noemen_het_koppelvlak()
    {
        foreach (var bron in new[]
                 {
                     Bron.DuoDagtekeningNaVestiging, Bron.DuoDagtekeningNaVorigePip, Bron.DuoGeenA2Onderwijsroute,
                     Bron.DuoGeenB1ZRoute, Bron.DuoGeenA2EerstePip, Bron.DuoStandaardNiveauB1, Bron.DuoIntensiteitB1,
                 })
        {
            Assert.Equal("DUO M2M-koppelvlak PIP (duonl/gemeente-m2m-inburgering)", bron.Source);
            Assert.StartsWith("API/PIP validatieregels", bron.Reference);
            Assert.False(string.IsNullOrWhiteSpace(bron.Quote));
        }
    }

    #endregion

    #region Omschrijvingen

    [Fact]
    public void Omschrijvingen_in_gewoon_Nederlands()
    {
        Assert.Equal("A2", Taalniveau.A2.Omschrijving());
        Assert.Equal("B2", Taalniveau.B2.Omschrijving());
        Assert.Equal("Spreken", Vaardigheid.Spreken.Omschrijving());
        Assert.Equal("Niet van toepassing", Alfabetisering.Nvt.Omschrijving());
        Assert.Equal("Alfabetisering", Alfabetisering.A.Omschrijving());
        Assert.Equal("Aanvullende alfabetisering", Alfabetisering.AA.Omschrijving());
        Assert.Equal("Betaald werk", ParticipatieVorm.Werk.Omschrijving());
        Assert.Equal("Betaald werken", Hoofddoel.BetaaldWerken.Omschrijving());
        Assert.Equal("Opleiding met studiefinanciering", Hoofddoel.OpleidingMetStudiefinanciering.Omschrijving());
        Assert.Equal("Financiën", Aandachtspunt.Financien.Omschrijving());
        Assert.Equal("Psychische gezondheid", Aandachtspunt.PsychischeGezondheid.Omschrijving());
    }

    [Fact]
    public void Elke_enumwaarde_heeft_een_eigen_omschrijving()
    {
        static void Uniek<T>(Func<T, string> omschrijving) where T : struct, Enum
        {
            var waarden = Enum.GetValues<T>();
            var teksten = waarden.Select(omschrijving).ToList();
            Assert.All(teksten, t => Assert.False(string.IsNullOrWhiteSpace(t)));
            Assert.Equal(waarden.Length, teksten.Distinct().Count());
        }

        Uniek<Taalniveau>(x => x.Omschrijving());
        Uniek<Vaardigheid>(x => x.Omschrijving());
        Uniek<Alfabetisering>(x => x.Omschrijving());
        Uniek<ParticipatieVorm>(x => x.Omschrijving());
        Uniek<Hoofddoel>(x => x.Omschrijving());
        Uniek<Aandachtspunt>(x => x.Omschrijving());
        Uniek<LbtUitkomst>(x => x.Omschrijving());
        Uniek<TolkSoort>(x => x.Omschrijving());
        Uniek<Diplomawaardering>(x => x.Omschrijving());
        Uniek<Leefgebied>(x => x.Omschrijving());
    }

    #endregion
}

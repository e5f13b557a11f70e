using Koers.Domain.Dossier;
using Koers.Domain.Intake;
using Koers.Domain.Sources;
using static Koers.Domain.Tests.TestFeiten;

namespace Koers.Domain.Tests;

public class LbtRegelsTests
{
    private static LbtFeiten Toets(string afgenomen, int? score, int? cesuurVolgensDuo = null) => new()
    {
        Aangemeld = D(afgenomen).AddDays(-7),
        Afgenomen = D(afgenomen),
        Score = score,
        CesuurVolgensDuo = cesuurVolgensDuo,
    };

    #region Cesuur

    public class Cesuur
    {
        [Theory]
        [InlineData("2022-01-03", 31)]
        [InlineData("2023-04-11", 31)] // last day of the old cesuur
        [InlineData("2023-04-12", 28)] // first day of the new cesuur
        [InlineData("2023-04-13", 28)]
        [InlineData("2026-06-01", 28)]
        public void Volgens_de_tabel_31_tot_12_april_2023_daarna_28(string afgenomen, int verwacht)
        {
            Assert.Equal(verwacht, LbtRegels.Cesuur(D(afgenomen), null));
        }

        [Theory]
        [InlineData("2023-04-11", 28)] // DUO already applied 28 (e.g. re-judged): DUO wins over the old table value 31
        [InlineData("2024-01-10", 31)] // DUO says 31 after the change: DUO still wins
        [InlineData("2024-01-10", 30)]
        public void Cesuur_van_DUO_gaat_voor(string afgenomen, int duo)
        {
            Assert.Equal(duo, LbtRegels.Cesuur(D(afgenomen), duo));
        }

        [Fact]
        public void Grensdatum_en_bron()
        {
            Assert.Equal(D("2023-04-12"), LbtRegels.HuidigeCesuurVanaf);
            Assert.Equal(Bron.LbtCesuur, LbtRegels.CesuurBron);
            Assert.Contains("2031-2033", LbtRegels.CesuurBron.Reference);
        }
    }

    #endregion

    #region Uitkomst en advies

    public class Uitkomst
    {
        [Theory]
        [InlineData("2023-04-12", 27, LbtUitkomst.B1NietHaalbaar)]
        [InlineData("2023-04-12", 28, LbtUitkomst.B1Haalbaar)]
        [InlineData("2023-04-12", 30, LbtUitkomst.B1Haalbaar)]
        [InlineData("2023-04-12", 31, LbtUitkomst.B1Haalbaar)]
        [InlineData("2023-04-11", 27, LbtUitkomst.B1NietHaalbaar)]
        [InlineData("2023-04-11", 28, LbtUitkomst.B1NietHaalbaar)] // 28 was not enough under the old cesuur
        [InlineData("2023-04-11", 30, LbtUitkomst.B1NietHaalbaar)]
        [InlineData("2023-04-11", 31, LbtUitkomst.B1Haalbaar)]
        [InlineData("2026-03-20", 0, LbtUitkomst.B1NietHaalbaar)]
        [InlineData("2026-03-20", 40, LbtUitkomst.B1Haalbaar)]
        public void Score_tegen_de_cesuur_van_de_afnamedag(string afgenomen, int score, LbtUitkomst verwacht)
        {
            Assert.Equal(verwacht, LbtRegels.Uitkomst(Toets(afgenomen, score)));
        }

        [Theory]
        [InlineData("2026-03-20", 28, 30, LbtUitkomst.B1NietHaalbaar)] // DUO's higher mark wins
        [InlineData("2023-04-11", 28, 28, LbtUitkomst.B1Haalbaar)]     // DUO's 28 before the change wins
        [InlineData("2026-03-20", 30, 30, LbtUitkomst.B1Haalbaar)]
        public void Cesuur_van_DUO_bepaalt_de_uitkomst(string afgenomen, int score, int duo, LbtUitkomst verwacht)
        {
            Assert.Equal(verwacht, LbtRegels.Uitkomst(Toets(afgenomen, score, duo)));
        }

        [Fact]
        public void Onbekend_bij_overslaan_zonder_score_of_zonder_datum()
        {
            Assert.Equal(LbtUitkomst.Onbekend, LbtRegels.Uitkomst(new LbtFeiten { Overgeslagen = true, RedenOverslaan = "Blind" }));
            Assert.Equal(LbtUitkomst.Onbekend, LbtRegels.Uitkomst(Toets("2026-03-20", 35) with { Overgeslagen = true }));
            Assert.Equal(LbtUitkomst.Onbekend, LbtRegels.Uitkomst(Toets("2026-03-20", null)));
            Assert.Equal(LbtUitkomst.Onbekend, LbtRegels.Uitkomst(new LbtFeiten { Score = 35 }));
            Assert.Equal(LbtUitkomst.Onbekend, LbtRegels.Uitkomst(new LbtFeiten()));
        }

        [Theory]
        [InlineData(27, Leerroute.ZRoute)]
        [InlineData(28, Leerroute.B1Route)]
        [InlineData(35, Leerroute.B1Route)]
        public void Advies_volgt_de_uitkomst(int score, Leerroute verwacht)
        {
            Assert.Equal(verwacht, LbtRegels.Advies(Toets("2026-03-20", score)));
        }

        [Fact]
        public void Geen_advies_bij_onbekende_uitkomst()
        {
            Assert.Null(LbtRegels.Advies(Toets("2026-03-20", null)));
            Assert.Null(LbtRegels.Advies(new LbtFeiten { Overgeslagen = true, RedenOverslaan = "Doof" }));
        }
    }

    #endregion

    #region Afwijken van de uitslag (seed 001 L6920-6926)

    public class WijktAf
    {
        [Theory]
        [InlineData(27, Leerroute.B1Route, true)]        // omhoog
        [InlineData(27, Leerroute.Onderwijsroute, true)] // omhoog
        [InlineData(27, Leerroute.ZRoute, false)]        // conform
        [InlineData(0, Leerroute.B1Route, true)]
        [InlineData(28, Leerroute.ZRoute, true)]         // omlaag
        [InlineData(28, Leerroute.B1Route, false)]
        [InlineData(28, Leerroute.Onderwijsroute, false)]
        [InlineData(30, Leerroute.ZRoute, true)]
        [InlineData(31, Leerroute.B1Route, false)]
        [InlineData(40, Leerroute.ZRoute, true)]
        public void Volgens_score_en_gekozen_route(int score, Leerroute gekozen, bool verwacht)
        {
            Assert.Equal(verwacht, LbtRegels.WijktAf(gekozen, Toets("2026-03-20", score)));
        }

        [Theory]
        [InlineData(28, Leerroute.B1Route, true)]  // before 12 April 2023, 28 was below the cesuur of 31
        [InlineData(30, Leerroute.ZRoute, false)]
        [InlineData(31, Leerroute.ZRoute, true)]
        public void Met_de_oude_cesuur(int score, Leerroute gekozen, bool verwacht)
        {
            Assert.Equal(verwacht, LbtRegels.WijktAf(gekozen, Toets("2023-04-11", score)));
        }

        [Theory]
        [InlineData(Leerroute.B1Route)]
        [InlineData(Leerroute.Onderwijsroute)]
        [InlineData(Leerroute.ZRoute)]
        public void Nooit_bij_overgeslagen_of_onbekende_toets(Leerroute gekozen)
        {
            Assert.False(LbtRegels.WijktAf(gekozen, new LbtFeiten { Overgeslagen = true, RedenOverslaan = "Blind" }));
            Assert.False(LbtRegels.WijktAf(gekozen, Toets("2026-03-20", null)));
            Assert.False(LbtRegels.WijktAf(gekozen, new LbtFeiten()));
        }
    }

    #endregion

    #region DUO-banden

    public class Band
    {
        [Theory]
        [InlineData(0, "<20")]
        [InlineData(19, "<20")]
        [InlineData(20, "20-27")]
        [InlineData(27, "20-27")]
        [InlineData(28, "28-30")]
        [InlineData(30, "28-30")]
        [InlineData(31, ">30")]
        [InlineData(40, ">30")]
        public void Score_valt_in_de_juiste_band(int score, string band)
        {
            Assert.Equal(band, LbtRegels.Band(score));
        }

        [Fact]
        public void Bron_is_de_DUO_tabel()
        {
            Assert.Equal(Bron.LbtScoreBanden, LbtRegels.BandBron);
        }
    }

    #endregion

    #region Controleer

    public class Controleer
    {
        private static readonly DateOnly Vandaag = D("2026-06-01");

        private static LbtFeiten Geldig() => new()
        {
            Aangemeld = D("2026-03-10"),
            Afgenomen = D("2026-03-20"),
            Afnemer = "J. de Vries",
            Score = 30,
            CesuurVolgensDuo = 28,
        };

        private static Overtreding Enige(IReadOnlyList<Overtreding> fouten, string veld)
        {
            var fout = Assert.Single(fouten);
            Assert.Equal(veld, fout.Veld);
            Assert.NotNull(fout.Bron);
            return fout;
        }

        [Fact]
        public void Geldige_toets_geeft_geen_fouten()
        {
            Assert.Empty(LbtRegels.Controleer(Geldig(), Vandaag));
            Assert.Empty(LbtRegels.Controleer(Geldig() with { Afgenomen = Vandaag, Aangemeld = Vandaag }, Vandaag));
        }

        [Fact]
        public void Nog_niets_ingevuld_is_geen_fout()
        {
            Assert.Empty(LbtRegels.Controleer(new LbtFeiten(), Vandaag));
            Assert.Empty(LbtRegels.Controleer(new LbtFeiten { Aangemeld = D("2026-05-01") }, Vandaag));
        }

        [Theory]
        [InlineData(0, true)]
        [InlineData(40, true)]
        [InlineData(-1, false)]
        [InlineData(41, false)]
        public void Score_van_0_tot_en_met_40(int score, bool geldig)
        {
            var fouten = LbtRegels.Controleer(Geldig() with { Score = score }, Vandaag);

            if (geldig)
            {
                Assert.Empty(fouten);
            }
            else
            {
                var fout = Enige(fouten, nameof(LbtFeiten.Score));
                Assert.Equal(Bron.LbtVeertigVragen, fout.Bron);
                Assert.Contains("40", fout.Melding);
            }
        }

        [Theory]
        [InlineData(0, true)]
        [InlineData(40, true)]
        [InlineData(-1, false)]
        [InlineData(41, false)]
        public void Cesuur_van_DUO_van_0_tot_en_met_40(int cesuur, bool geldig)
        {
            var fouten = LbtRegels.Controleer(Geldig() with { CesuurVolgensDuo = cesuur }, Vandaag);

            if (geldig)
            {
                Assert.Empty(fouten);
            }
            else
            {
                Enige(fouten, nameof(LbtFeiten.CesuurVolgensDuo));
            }
        }

        [Fact]
        public void Afname_in_de_toekomst_is_een_fout()
        {
            var fout = Enige(LbtRegels.Controleer(Geldig() with { Afgenomen = Vandaag.AddDays(1) }, Vandaag), nameof(LbtFeiten.Afgenomen));
            Assert.Contains("toekomst", fout.Melding);
        }

        [Fact]
        public void Aanmelding_in_de_toekomst_is_een_fout()
        {
            var fouten = LbtRegels.Controleer(new LbtFeiten { Aangemeld = Vandaag.AddDays(1) }, Vandaag);
            var fout = Enige(fouten, nameof(LbtFeiten.Aangemeld));
            Assert.Contains("toekomst", fout.Melding);
        }

        [Fact]
        public void Afname_voor_aanmelding_is_een_fout_op_dezelfde_dag_niet()
        {
            var fout = Enige(LbtRegels.Controleer(Geldig() with { Aangemeld = D("2026-03-21") }, Vandaag), nameof(LbtFeiten.Afgenomen));
            Assert.Contains("vóór de aanmelding", fout.Melding);

            Assert.Empty(LbtRegels.Controleer(Geldig() with { Aangemeld = D("2026-03-20") }, Vandaag));
        }

        [Fact]
        public void Afgenomen_zonder_score_is_een_fout()
        {
            var fout = Enige(LbtRegels.Controleer(Geldig() with { Score = null }, Vandaag), nameof(LbtFeiten.Score));
            Assert.Equal(Bron.LbtVoorIedereen, fout.Bron);
        }

        [Fact]
        public void Score_zonder_afnamedatum_is_een_fout()
        {
            var fout = Enige(LbtRegels.Controleer(Geldig() with { Afgenomen = null }, Vandaag), nameof(LbtFeiten.Afgenomen));
            Assert.Equal(Bron.LbtCesuur, fout.Bron);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("   ")]
        public void Overgeslagen_vraagt_een_reden(string? reden)
        {
            var fouten = LbtRegels.Controleer(new LbtFeiten { Overgeslagen = true, RedenOverslaan = reden }, Vandaag);

            var fout = Enige(fouten, nameof(LbtFeiten.RedenOverslaan));
            Assert.Equal(Bron.LbtVoorIedereen, fout.Bron);
        }

        [Fact]
        public void Overgeslagen_met_reden_is_goed_ook_met_datum_zonder_score()
        {
            Assert.Empty(LbtRegels.Controleer(new LbtFeiten { Overgeslagen = true, RedenOverslaan = "Zintuiglijke beperking: blind" }, Vandaag));
            Assert.Empty(LbtRegels.Controleer(
                new LbtFeiten { Overgeslagen = true, RedenOverslaan = "Blind", Aangemeld = D("2026-03-10"), Afgenomen = D("2026-03-20") }, Vandaag));
        }

        [Fact]
        public void Overgeslagen_sluit_een_score_uit()
        {
            var fouten = LbtRegels.Controleer(Geldig() with { Overgeslagen = true, RedenOverslaan = "Blind" }, Vandaag);

            var fout = Enige(fouten, nameof(LbtFeiten.Score));
            Assert.Contains("overgeslagen", fout.Melding);
        }

        [Fact]
        public void Meerdere_fouten_tegelijk_elk_met_bron()
        {
            var fouten = LbtRegels.Controleer(new LbtFeiten
            {
                Aangemeld = Vandaag.AddDays(3),
                Afgenomen = Vandaag.AddDays(2),
                Score = 45,
                CesuurVolgensDuo = 50,
                Overgeslagen = true,
            }, Vandaag);

            Assert.Equal(
                [nameof(LbtFeiten.Aangemeld), nameof(LbtFeiten.Afgenomen), nameof(LbtFeiten.Afgenomen), nameof(LbtFeiten.CesuurVolgensDuo),
                 nameof(LbtFeiten.RedenOverslaan), nameof(LbtFeiten.Score), nameof(LbtFeiten.Score)],
                fouten.Select(f => f.Veld).Order(StringComparer.Ordinal));
            Assert.All(fouten, f => Assert.NotNull(f.Bron));
        }
    }

    #endregion

    [Fact]
    public void Omschrijving_van_de_uitkomst()
    {
        Assert.Equal("B1-route haalbaar", LbtUitkomst.B1Haalbaar.Omschrijving());
        Assert.Equal("B1-route niet haalbaar", LbtUitkomst.B1NietHaalbaar.Omschrijving());
        Assert.Equal("Onbekend", LbtUitkomst.Onbekend.Omschrijving());
    }
}

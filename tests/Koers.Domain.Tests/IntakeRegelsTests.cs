using System.Text.RegularExpressions;
using Koers.Domain.Intake;
using Koers.Domain.Sources;

namespace Koers.Domain.Tests;

public class IntakeRegelsTests
{
    private static Dictionary<string, string?> Antwoorden(params (string Sleutel, string? Waarde)[] paren) =>
        paren.ToDictionary(p => p.Sleutel, p => p.Waarde);

    /// <summary>A valid answer for a field, taken from its definition.</summary>
    private static string GeldigeWaarde(IntakeVeld veld) => veld.Soort switch
    {
        VeldSoort.Keuze => veld.Opties![^1],
        VeldSoort.JaNee => "nee",
        VeldSoort.Getal => "3",
        _ => "Een korte toelichting.",
    };

    /// <summary>Every field of every leefgebied filled with a valid value.</summary>
    private static Dictionary<Leefgebied, IReadOnlyDictionary<string, string?>> VolledigIngevuld() =>
        Leefgebieden.Alle.ToDictionary(
            d => d.Leefgebied,
            d => (IReadOnlyDictionary<string, string?>)d.Velden.ToDictionary(v => v.Sleutel, v => (string?)GeldigeWaarde(v)));

    #region Leefgebieden

    public class Definities
    {
        [Fact]
        public void Alle_dertien_leefgebieden_in_de_volgorde_van_de_enum()
        {
            Assert.Equal(13, Leefgebieden.Alle.Count);
            Assert.Equal(Enum.GetValues<Leefgebied>(), Leefgebieden.Alle.Select(d => d.Leefgebied));
        }

        [Fact]
        public void Van_geeft_de_definitie_van_dat_leefgebied()
        {
            foreach (var leefgebied in Enum.GetValues<Leefgebied>())
            {
                var definitie = Leefgebieden.Van(leefgebied);
                Assert.Equal(leefgebied, definitie.Leefgebied);
                Assert.Same(Leefgebieden.Alle[(int)leefgebied], definitie);
            }
        }

        [Fact]
        public void Van_met_onbekende_waarde_gooit()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => Leefgebieden.Van((Leefgebied)99));
        }

        [Fact]
        public void Elk_leefgebied_is_verplicht_met_titel_en_omschrijving_van_een_regel()
        {
            Assert.All(Leefgebieden.Alle, d =>
            {
                Assert.True(d.Verplicht);
                Assert.False(string.IsNullOrWhiteSpace(d.Titel));
                Assert.False(string.IsNullOrWhiteSpace(d.Omschrijving));
                Assert.DoesNotContain('\n', d.Omschrijving);
            });
            Assert.Equal(13, Leefgebieden.Alle.Select(d => d.Titel).Distinct().Count());
        }

        [Fact]
        public void Alleen_fysieke_en_mentale_gezondheid_zijn_gezondheidsgegevens()
        {
            Assert.Equal(
                [Leefgebied.FysiekeGezondheid, Leefgebied.MentaleGezondheid],
                Leefgebieden.Alle.Where(d => d.Gezondheidsgegeven).Select(d => d.Leefgebied));
        }

        [Fact]
        public void Elk_leefgebied_heeft_2_tot_5_velden_waarvan_1_of_2_verplicht()
        {
            Assert.All(Leefgebieden.Alle, d =>
            {
                Assert.InRange(d.Velden.Count, 2, 5);
                Assert.InRange(d.Velden.Count(v => v.Verplicht), 1, 2);
            });
        }

        [Fact]
        public void Sleutels_zijn_camelCase_ascii_en_uniek_binnen_een_leefgebied()
        {
            var camelCase = new Regex("^[a-z][A-Za-z0-9]*$");
            Assert.All(Leefgebieden.Alle, d =>
            {
                Assert.All(d.Velden, v => Assert.Matches(camelCase, v.Sleutel));
                Assert.Equal(d.Velden.Count, d.Velden.Select(v => v.Sleutel).Distinct(StringComparer.Ordinal).Count());
                Assert.All(d.Velden, v => Assert.False(string.IsNullOrWhiteSpace(v.Label)));
            });
        }

        [Fact]
        public void Keuzevelden_hebben_opties_en_andere_velden_niet()
        {
            var velden = Leefgebieden.Alle.SelectMany(d => d.Velden).ToList();
            Assert.All(velden.Where(v => v.Soort == VeldSoort.Keuze), v =>
            {
                Assert.NotNull(v.Opties);
                Assert.True(v.Opties!.Count >= 2);
                Assert.Equal(v.Opties.Count, v.Opties.Distinct().Count());
            });
            Assert.All(velden.Where(v => v.Soort != VeldSoort.Keuze), v => Assert.Null(v.Opties));
        }

        [Fact]
        public void Opleiding_en_taalniveau_volgen_de_afgesproken_velden()
        {
            var opleiding = Leefgebieden.Van(Leefgebied.Opleiding).Velden.ToDictionary(v => v.Sleutel);
            Assert.Equal(VeldSoort.Keuze, opleiding["hoogsteOpleiding"].Soort);
            Assert.Equal(["geen", "basisonderwijs", "voortgezet onderwijs", "mbo/vakopleiding", "hbo/universiteit"], opleiding["hoogsteOpleiding"].Opties!);
            Assert.True(opleiding["hoogsteOpleiding"].Verplicht);
            Assert.Equal(VeldSoort.Getal, opleiding["jarenOnderwijs"].Soort);
            Assert.Equal(VeldSoort.Tekst, opleiding["landVanOpleiding"].Soort);

            var taal = Leefgebieden.Van(Leefgebied.Taalniveau).Velden.ToDictionary(v => v.Sleutel);
            Assert.Equal(["geen", "A0", "A1", "A2", "B1", "hoger"], taal["niveauNederlands"].Opties!);
            Assert.Equal(VeldSoort.JaNee, taal["latijnsSchriftBeheerst"].Soort);
            Assert.Equal(VeldSoort.JaNee, taal["analfabeet"].Soort);
        }

        [Fact]
        public void Gezin_werk_en_mentale_gezondheid_hebben_de_wettelijke_onderwerpen()
        {
            var gezin = Leefgebieden.Van(Leefgebied.Gezinssituatie).Velden.ToDictionary(v => v.Sleutel);
            Assert.Equal(VeldSoort.JaNee, gezin["kinderopvangNodig"].Soort);
            Assert.Equal(VeldSoort.JaNee, gezin["vveIndicatieKinderen"].Soort);
            Assert.Contains("2,5 tot 4 jaar", gezin["vveIndicatieKinderen"].Hulp);

            Assert.Contains(Leefgebieden.Van(Leefgebied.Werkervaring).Velden, v => v.Sleutel == "vrijwilligerswerk");

            var mentaal = Leefgebieden.Van(Leefgebied.MentaleGezondheid).Velden.ToDictionary(v => v.Sleutel);
            Assert.Equal(VeldSoort.JaNee, mentaal["signalenPsychischeKlachten"].Soort);
            Assert.True(mentaal["signalenPsychischeKlachten"].Verplicht);
            Assert.Equal(VeldSoort.Tekst, mentaal["doorverwijzing"].Soort);

            var leerbaarheid = Leefgebieden.Van(Leefgebied.Leerbaarheid).Velden.Select(v => v.Sleutel).ToList();
            Assert.Contains("leerstijl", leerbaarheid);
            Assert.Contains("concentratie", leerbaarheid);
        }

        [Fact]
        public void Omschrijving_van_een_leefgebied_is_de_titel()
        {
            Assert.All(Leefgebieden.Alle, d => Assert.Equal(d.Titel, d.Leefgebied.Omschrijving()));
            Assert.Equal("Mentale gezondheid", Leefgebied.MentaleGezondheid.Omschrijving());
            Assert.Equal("Motivatie en interesses", Leefgebied.MotivatieEnInteresses.Omschrijving());
        }
    }

    #endregion

    #region ControleerWaarden

    public class ControleerWaarden
    {
        [Fact]
        public void Alle_velden_geldig_ingevuld_geeft_geen_fouten()
        {
            foreach (var (leefgebied, antwoorden) in VolledigIngevuld())
            {
                Assert.Empty(IntakeRegels.ControleerWaarden(leefgebied, antwoorden));
            }
        }

        [Fact]
        public void Lege_antwoorden_zijn_hier_geen_fout()
        {
            var fouten = IntakeRegels.ControleerWaarden(Leefgebied.Opleiding,
                Antwoorden(("hoogsteOpleiding", null), ("jarenOnderwijs", ""), ("diplomaAanwezig", "  ")));

            Assert.Empty(fouten);
            Assert.Empty(IntakeRegels.ControleerWaarden(Leefgebied.Opleiding, Antwoorden()));
        }

        [Fact]
        public void Onbekende_sleutel_is_een_fout()
        {
            var fout = Assert.Single(IntakeRegels.ControleerWaarden(Leefgebied.Opleiding, Antwoorden(("schoenmaat", "42"))));

            Assert.Equal("Opleiding.schoenmaat", fout.Veld);
            Assert.Contains("schoenmaat", fout.Melding);
        }

        [Fact]
        public void Sleutel_van_een_ander_leefgebied_is_onbekend()
        {
            var fout = Assert.Single(IntakeRegels.ControleerWaarden(Leefgebied.Taalniveau, Antwoorden(("hoogsteOpleiding", "geen"))));

            Assert.Equal("Taalniveau.hoogsteOpleiding", fout.Veld);
        }

        [Theory]
        [InlineData("mbo/vakopleiding", true)]
        [InlineData("geen", true)]
        [InlineData("MBO/vakopleiding", false)]
        [InlineData("universiteit", false)]
        public void Keuze_moet_een_van_de_opties_zijn(string waarde, bool geldig)
        {
            var fouten = IntakeRegels.ControleerWaarden(Leefgebied.Opleiding, Antwoorden(("hoogsteOpleiding", waarde)));

            if (geldig)
            {
                Assert.Empty(fouten);
            }
            else
            {
                var fout = Assert.Single(fouten);
                Assert.Equal("Opleiding.hoogsteOpleiding", fout.Veld);
                Assert.Contains("hbo/universiteit", fout.Melding); // lists the options
            }
        }

        [Theory]
        [InlineData("0", true)]
        [InlineData("12", true)]
        [InlineData("100", true)]
        [InlineData("101", false)]
        [InlineData("-1", false)]
        [InlineData("1.5", false)]
        [InlineData("1,5", false)]
        [InlineData("twaalf", false)]
        [InlineData(" 5", false)]
        [InlineData("99999999999", false)]
        public void Getal_is_een_heel_getal_van_0_tot_en_met_100(string waarde, bool geldig)
        {
            var fouten = IntakeRegels.ControleerWaarden(Leefgebied.Opleiding, Antwoorden(("jarenOnderwijs", waarde)));

            if (geldig)
            {
                Assert.Empty(fouten);
            }
            else
            {
                var fout = Assert.Single(fouten);
                Assert.Equal("Opleiding.jarenOnderwijs", fout.Veld);
                Assert.Contains("0 tot en met 100", fout.Melding);
            }
        }

        [Theory]
        [InlineData("ja", true)]
        [InlineData("nee", true)]
        [InlineData("Ja", false)]
        [InlineData("yes", false)]
        [InlineData("true", false)]
        public void JaNee_is_ja_of_nee(string waarde, bool geldig)
        {
            var fouten = IntakeRegels.ControleerWaarden(Leefgebied.Taalniveau, Antwoorden(("analfabeet", waarde)));

            if (geldig)
            {
                Assert.Empty(fouten);
            }
            else
            {
                Assert.Equal("Taalniveau.analfabeet", Assert.Single(fouten).Veld);
            }
        }

        [Theory]
        [InlineData(4000, true)]
        [InlineData(4001, false)]
        public void Tekst_maximaal_4000_tekens(int lengte, bool geldig)
        {
            var fouten = IntakeRegels.ControleerWaarden(Leefgebied.MentaleGezondheid, Antwoorden(("doorverwijzing", new string('x', lengte))));

            if (geldig)
            {
                Assert.Empty(fouten);
            }
            else
            {
                var fout = Assert.Single(fouten);
                Assert.Equal("MentaleGezondheid.doorverwijzing", fout.Veld);
                Assert.Contains("4000", fout.Melding);
            }
        }

        [Fact]
        public void Meerdere_fouten_elk_apart()
        {
            var fouten = IntakeRegels.ControleerWaarden(Leefgebied.Gezinssituatie, Antwoorden(
                ("burgerlijkeStaat", "ongehuwd"),
                ("aantalKinderen", "veel"),
                ("kinderopvangNodig", "misschien"),
                ("vveIndicatieKinderen", "ja"),
                ("huisdier", "kat")));

            Assert.Equal(
                ["Gezinssituatie.aantalKinderen", "Gezinssituatie.burgerlijkeStaat", "Gezinssituatie.huisdier", "Gezinssituatie.kinderopvangNodig"],
                fouten.Select(f => f.Veld).Order(StringComparer.Ordinal));
            Assert.All(fouten, f => Assert.StartsWith("Gezinssituatie", f.Melding));
        }
    }

    #endregion

    #region ControleerVolledigheid

    public class ControleerVolledigheid
    {
        private static readonly int AantalVerplichteVelden =
            Leefgebieden.Alle.Where(d => d.Verplicht).Sum(d => d.Velden.Count(v => v.Verplicht));

        [Fact]
        public void Alles_ingevuld_is_volledig()
        {
            var antwoorden = VolledigIngevuld();

            Assert.Empty(IntakeRegels.ControleerVolledigheid(antwoorden));
            Assert.True(IntakeRegels.IsVolledig(antwoorden));
        }

        [Fact]
        public void Alleen_de_verplichte_velden_ingevuld_is_ook_volledig()
        {
            var antwoorden = Leefgebieden.Alle.ToDictionary(
                d => d.Leefgebied,
                d => (IReadOnlyDictionary<string, string?>)d.Velden.Where(v => v.Verplicht).ToDictionary(v => v.Sleutel, v => (string?)GeldigeWaarde(v)));

            Assert.True(IntakeRegels.IsVolledig(antwoorden));
        }

        [Fact]
        public void Niets_ingevuld_geeft_een_melding_per_verplicht_veld_met_bron()
        {
            var fouten = IntakeRegels.ControleerVolledigheid(new Dictionary<Leefgebied, IReadOnlyDictionary<string, string?>>());

            Assert.Equal(AantalVerplichteVelden, fouten.Count);
            Assert.True(fouten.Count >= 13);
            Assert.All(fouten, f => Assert.Equal(Bron.BredeIntakeVerplicht, f.Bron));
            Assert.Contains(fouten, f => f.Veld == "Opleiding.hoogsteOpleiding");
            Assert.Contains(fouten, f => f.Veld == "MentaleGezondheid.signalenPsychischeKlachten");
            Assert.False(IntakeRegels.IsVolledig(new Dictionary<Leefgebied, IReadOnlyDictionary<string, string?>>()));
        }

        [Fact]
        public void Bron_noemt_de_verplichte_intake_en_de_onderwerpen()
        {
            Assert.Contains("1716", Bron.BredeIntakeVerplicht.Reference);
            Assert.Contains("1733-1747", Bron.BredeIntakeVerplicht.Reference);
            Assert.Contains("art. 14 lid 3", Bron.BredeIntakeVerplicht.Reference);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("   ")]
        public void Een_leeg_verplicht_veld_geeft_precies_een_melding(string? leeg)
        {
            var antwoorden = VolledigIngevuld();
            var opleiding = new Dictionary<string, string?>(antwoorden[Leefgebied.Opleiding]) { ["hoogsteOpleiding"] = leeg };
            antwoorden[Leefgebied.Opleiding] = opleiding;

            var fout = Assert.Single(IntakeRegels.ControleerVolledigheid(antwoorden));

            Assert.Equal("Opleiding.hoogsteOpleiding", fout.Veld);
            Assert.Contains("Opleiding", fout.Melding);
            Assert.Contains("Hoogst gevolgde opleiding", fout.Melding);
            Assert.False(IntakeRegels.IsVolledig(antwoorden));
        }

        [Fact]
        public void Een_ontbrekend_leefgebied_geeft_een_melding_per_verplicht_veld_daarvan()
        {
            var antwoorden = VolledigIngevuld();
            antwoorden.Remove(Leefgebied.Taalniveau);

            var fouten = IntakeRegels.ControleerVolledigheid(antwoorden);

            Assert.Equal(["Taalniveau.latijnsSchriftBeheerst", "Taalniveau.niveauNederlands"], fouten.Select(f => f.Veld).Order(StringComparer.Ordinal));
        }

        [Fact]
        public void Een_leeg_optioneel_veld_is_geen_probleem()
        {
            var antwoorden = VolledigIngevuld();
            var opleiding = new Dictionary<string, string?>(antwoorden[Leefgebied.Opleiding]) { ["landVanOpleiding"] = null };
            antwoorden[Leefgebied.Opleiding] = opleiding;

            Assert.True(IntakeRegels.IsVolledig(antwoorden));
        }
    }

    #endregion

    [Fact]
    public void Omschrijvingen_van_tolk_en_diplomawaardering()
    {
        Assert.Equal("Geen tolk", TolkSoort.Geen.Omschrijving());
        Assert.Equal("Cultuurvertaler", TolkSoort.Cultuurvertaler.Omschrijving());
        Assert.Equal("Niet aangevraagd", Diplomawaardering.NietAangevraagd.Omschrijving());
        Assert.Equal("Niet mogelijk", Diplomawaardering.NietMogelijk.Omschrijving());
        Assert.All(Enum.GetValues<TolkSoort>(), t => Assert.False(string.IsNullOrWhiteSpace(t.Omschrijving())));
        Assert.Equal(Enum.GetValues<TolkSoort>().Length, Enum.GetValues<TolkSoort>().Select(t => t.Omschrijving()).Distinct().Count());
        Assert.Equal(Enum.GetValues<Diplomawaardering>().Length, Enum.GetValues<Diplomawaardering>().Select(t => t.Omschrijving()).Distinct().Count());
    }
}

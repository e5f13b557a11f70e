using Koers.Domain.Dossier;
using Koers.Domain.Pip;
using Koers.Domain.Sources;
using static Koers.Domain.Tests.PipVoorbeelden;
using static Koers.Domain.Tests.TestFeiten;

namespace Koers.Domain.Tests;

public class BijstellingRegelsTests
{
    private const string Reden = "Taalschool adviseert afschalen van schrijven.";

    private static readonly PipInhoud Vorige = Inhoud(Leerroute.B1Route, Doelgroep.Asielstatushouder);

    /// <summary>The context of the new version: dated after the first PIP of 20 April 2026.</summary>
    private static readonly PipContext Nieuw = Context(Doelgroep.Asielstatushouder) with
    {
        Dagtekening = D("2026-05-26"),
        VorigeDagtekening = Dagtekening,
    };

    private static PipInhoud Afgeschaald(Vaardigheid vaardigheid = Vaardigheid.Schrijven) =>
        Vorige with { Niveaus = new Dictionary<Vaardigheid, Taalniveau>(Vorige.Niveaus) { [vaardigheid] = Taalniveau.A2 } };

    #region Controleer

    public class Controleer
    {
        [Fact]
        public void Geldige_bijstelling_geeft_geen_fouten()
        {
            Assert.Empty(BijstellingRegels.Controleer(Vorige, Afgeschaald(), Nieuw, Reden));
        }

        [Fact]
        public void Afschalen_naar_A2_mag_bij_een_bijstelling_ook_zonder_vlag_van_DUO()
        {
            Assert.False(Nieuw.HeeftEerderPipGehad);

            var fouten = BijstellingRegels.Controleer(Vorige, Afgeschaald(), Nieuw with { VorigeDagtekening = null, VorigePip = null }, Reden);

            Assert.DoesNotContain(fouten, f => f.Veld.StartsWith("Niveaus", StringComparison.Ordinal));
            Assert.Equal(nameof(PipContext.VorigeDagtekening), Assert.Single(fouten).Veld);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("    ")]
        [InlineData("Te kort.")]
        [InlineData("  123456789  ")] // 9 characters after trimming
        public void Reden_is_verplicht_en_minstens_10_tekens(string? reden)
        {
            var fout = Assert.Single(BijstellingRegels.Controleer(Vorige, Afgeschaald(), Nieuw, reden));

            Assert.Equal("Reden", fout.Veld);
            Assert.Equal(Bron.Motiveringsbeginsel, fout.Bron);
            Assert.Equal("art. 3:46", fout.Bron!.Reference);
        }

        [Fact]
        public void Reden_van_precies_10_tekens_is_genoeg()
        {
            Assert.Empty(BijstellingRegels.Controleer(Vorige, Afgeschaald(), Nieuw, " 1234567890 "));
        }

        [Fact]
        public void Nieuwe_dagtekening_niet_voor_de_vorige()
        {
            var fouten = BijstellingRegels.Controleer(Vorige, Afgeschaald(), Nieuw with { Dagtekening = Dagtekening.AddDays(-1) }, Reden);

            var fout = Assert.Single(fouten);
            Assert.Equal(nameof(PipContext.Dagtekening), fout.Veld);
            Assert.Equal(Bron.DuoDagtekeningNaVorigePip, fout.Bron);
        }

        [Fact]
        public void Nieuwe_dagtekening_op_dezelfde_dag_als_de_vorige_mag()
        {
            Assert.Empty(BijstellingRegels.Controleer(Vorige, Afgeschaald(), Nieuw with { Dagtekening = Dagtekening }, Reden));
        }

        [Fact]
        public void Zonder_dagtekening_van_het_vorige_PIP_kan_niet_gecontroleerd_worden()
        {
            var fout = Assert.Single(BijstellingRegels.Controleer(Vorige, Afgeschaald(), Nieuw with { VorigeDagtekening = null }, Reden));

            Assert.Equal(nameof(PipContext.VorigeDagtekening), fout.Veld);
            Assert.NotNull(fout.Bron);
        }

        [Fact]
        public void Een_bijstelling_zonder_wijziging_is_een_fout()
        {
            var fout = Assert.Single(BijstellingRegels.Controleer(Vorige, Vorige with { }, Nieuw, Reden));

            Assert.Equal("Bijstelling", fout.Veld);
            Assert.Equal(Bron.PipTussentijdsWijzigen, fout.Bron);
            Assert.Contains("niets veranderd", fout.Melding);
        }

        [Fact]
        public void Alleen_het_standaardniveau_invullen_is_geen_wijziging()
        {
            var zonderNiveaus = Vorige with { Niveaus = new Dictionary<Vaardigheid, Taalniveau>() };

            Assert.Equal("Bijstelling", Assert.Single(BijstellingRegels.Controleer(zonderNiveaus, Vorige, Nieuw, Reden)).Veld);
        }

        [Fact]
        public void Alle_PIP_fouten_gelden_ook_bij_een_bijstelling()
        {
            var nieuwe = Afgeschaald() with { Pvt = false, Hoofddoel = null };

            var fouten = BijstellingRegels.Controleer(Vorige, nieuwe, Nieuw with { IntakeAfgerond = false }, Reden);

            Assert.Equal(
                [nameof(PipInhoud.Hoofddoel), nameof(PipContext.IntakeAfgerond), nameof(PipInhoud.Pvt)],
                fouten.Select(f => f.Veld).Order(StringComparer.Ordinal));
            Assert.All(fouten, f => Assert.NotNull(f.Bron));
        }

        [Fact]
        public void Routewissel_naar_Z_route_tegen_de_toets_vraagt_motivatie()
        {
            var zRoute = Inhoud(Leerroute.ZRoute, Doelgroep.Asielstatushouder);

            var fout = Assert.Single(BijstellingRegels.Controleer(Vorige, zRoute, Nieuw, Reden));
            Assert.Equal(nameof(PipInhoud.MotivatieAfwijkingLbt), fout.Veld);

            Assert.Empty(BijstellingRegels.Controleer(Vorige,
                zRoute with { MotivatieAfwijkingLbt = "Na een half jaar blijkt de B1-route te zwaar door ziekte." }, Nieuw, Reden));
        }

        [Fact]
        public void Waarschuwingen_tellen_niet_mee()
        {
            // Later than ten weeks after BRP, without a planned start: warnings in a first PIP, never errors.
            var nieuwe = Afgeschaald() with { GeplandeStart = null };
            Assert.Empty(BijstellingRegels.Controleer(Vorige, nieuwe, Nieuw with { Dagtekening = D("2026-05-30") }, Reden));
        }

        [Fact]
        public void Meerdere_fouten_tegelijk_elk_met_bron()
        {
            var fouten = BijstellingRegels.Controleer(Vorige, Vorige, Nieuw with { Dagtekening = Dagtekening.AddDays(-3), VorigeDagtekening = Dagtekening }, null);

            Assert.Equal(["Bijstelling", nameof(PipContext.Dagtekening), "Reden"], fouten.Select(f => f.Veld).Order(StringComparer.Ordinal));
            Assert.All(fouten, f => Assert.NotNull(f.Bron));
        }
    }

    #endregion

    #region Wijzigingen

    public class Wijzigingen
    {
        [Fact]
        public void Geen_wijzigingen_geeft_een_lege_lijst()
        {
            Assert.Empty(BijstellingRegels.Wijzigingen(Vorige, Vorige));
            Assert.Empty(BijstellingRegels.Wijzigingen(Vorige, Vorige with { Subdoelen = [.. Vorige.Subdoelen] }));
        }

        [Fact]
        public void Leerroute_en_niveau_in_de_vorm_van_de_brief()
        {
            var nieuwe = Vorige with
            {
                Leerroute = Leerroute.ZRoute,
                Niveaus = new Dictionary<Vaardigheid, Taalniveau> { [Vaardigheid.Spreken] = Taalniveau.A2 },
            };

            var regels = BijstellingRegels.Wijzigingen(Vorige, nieuwe);

            Assert.Equal(
                [
                    "Leerroute: B1-route → Z-route",
                    "Niveau lezen: B1 → geen",
                    "Niveau luisteren: B1 → geen",
                    "Niveau schrijven: B1 → geen",
                    "Niveau spreken: B1 → A2",
                ],
                regels);
        }

        [Fact]
        public void Een_niveau_afgeschaald()
        {
            Assert.Equal(["Niveau spreken: B1 → A2"], BijstellingRegels.Wijzigingen(Vorige, Afgeschaald(Vaardigheid.Spreken)));
        }

        [Fact]
        public void Standaardniveau_B1_telt_niet_als_wijziging()
        {
            var zonderNiveaus = Vorige with { Niveaus = new Dictionary<Vaardigheid, Taalniveau>() };

            Assert.Empty(BijstellingRegels.Wijzigingen(zonderNiveaus, Vorige));
        }

        [Fact]
        public void Alle_velden_worden_vergeleken()
        {
            var nieuwe = Vorige with
            {
                Knm = false,
                Alfabetisering = Alfabetisering.AA,
                Pvt = false,
                Map = false,
                Participatie = ParticipatieVorm.Vrijwilligerswerk,
                ParticipatieOmschrijving = "Drie dagdelen per week",
                MaatschappelijkeBegeleiding = false,
                Ontzorgen = false,
                Hoofddoel = null,
                Subdoelen = ["Ik fiets naar de taalschool"],
                Aandachtspunten = [Aandachtspunt.Zorgtaken, Aandachtspunt.Financien],
                Aanbieder = "Taalhuis Oost",
                GeplandeStart = D("2026-06-15"),
                GeschatteIntensiteitB1 = 800,
                MotivatieAfwijkingLbt = "Nieuwe uitleg over de afwijking van de toets.",
                AantalVoortgangsgesprekkenPerJaar = 2,
            };

            var regels = BijstellingRegels.Wijzigingen(Vorige, nieuwe);

            Assert.Equal(
                [
                    "Alfabetisering: Niet van toepassing → Aanvullende alfabetisering",
                    "KNM: ja → nee",
                    "PVT: ja → nee",
                    "MAP: ja → nee",
                    "Participatie: Betaald werk → Vrijwilligerswerk",
                    "Omschrijving participatie: Twee dagdelen per week → Drie dagdelen per week",
                    "Maatschappelijke begeleiding: ja → nee",
                    "Financieel ontzorgen: ja → nee",
                    "Hoofddoel: Betaald werken → geen",
                    "Subdoel toegevoegd: Ik fiets naar de taalschool",
                    "Subdoel vervallen: Ik heb kinderopvang voor mijn kinderen",
                    "Aandachtspunt toegevoegd: Financiën",
                    "Aanbieder: Taalschool De Brug → Taalhuis Oost",
                    "Geplande start: 04-05-2026 → 15-06-2026",
                    "Geschatte uren B1-route: 600 uur → 800 uur",
                    "Voortgangsgesprekken per jaar: 4 → 2",
                    "Uitleg afwijking leerbaarheidstoets: toegevoegd",
                ],
                regels);
        }

        [Fact]
        public void Verwijderde_waarden_worden_geen()
        {
            var nieuwe = Vorige with { Aanbieder = null, GeplandeStart = null, GeschatteIntensiteitB1 = null, Aandachtspunten = [] };

            Assert.Equal(
                ["Aandachtspunt vervallen: Zorgtaken", "Aanbieder: Taalschool De Brug → geen", "Geplande start: 04-05-2026 → geen", "Geschatte uren B1-route: 600 uur → geen"],
                BijstellingRegels.Wijzigingen(Vorige, nieuwe));
        }

        [Fact]
        public void Witruimte_in_tekst_is_geen_wijziging()
        {
            var nieuwe = Vorige with { Aanbieder = "  Taalschool De Brug ", ParticipatieOmschrijving = "Twee dagdelen per week\n", Subdoelen = [" Ik heb kinderopvang voor mijn kinderen"] };

            Assert.Empty(BijstellingRegels.Wijzigingen(Vorige, nieuwe));
        }

        [Fact]
        public void Motivatie_aangepast_of_vervallen()
        {
            var met = Vorige with { MotivatieAfwijkingLbt = "Eerste uitleg over de afwijking." };

            Assert.Equal(["Uitleg afwijking leerbaarheidstoets: aangepast"],
                BijstellingRegels.Wijzigingen(met, met with { MotivatieAfwijkingLbt = "Tweede uitleg over de afwijking." }));
            Assert.Equal(["Uitleg afwijking leerbaarheidstoets: vervallen"],
                BijstellingRegels.Wijzigingen(met, met with { MotivatieAfwijkingLbt = "  " }));
        }

        [Fact]
        public void Van_geen_leerroute_naar_een_route()
        {
            var regels = BijstellingRegels.Wijzigingen(new PipInhoud(), new PipInhoud { Leerroute = Leerroute.Onderwijsroute });

            Assert.Equal("Leerroute: geen → Onderwijsroute", regels[0]);
            Assert.Contains("Niveau lezen: geen → B1", regels); // DUO default for the onderwijsroute
        }
    }

    #endregion
}

using System.Globalization;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Sources;
using static Koers.Domain.Tests.TestFeiten;

namespace Koers.Domain.Tests;

public class LegalClockTests
{
    #region PIP vaststellen (10 weken: Besluit inburgering 2021 art. 5.3)

    public class PipVaststelling
    {
        // BRP Monday 2 March 2026 + 70 days = Monday 11 May 2026.
        private static readonly DossierFeiten MetBrp = Statushouder((Mijlpaal.BrpInschrijving, "2026-03-02"));

        [Theory]
        [InlineData("2026-03-02", "2026-05-11")]
        [InlineData("2026-12-10", "2027-02-18")] // over a year end
        [InlineData("2028-01-03", "2028-03-13")] // through a leap February
        public void Uiterlijk_tien_weken_na_BRP_inschrijving(string brp, string uiterlijk)
        {
            var termijn = LegalClock.PipVaststelling(Statushouder((Mijlpaal.BrpInschrijving, brp)));

            Assert.Equal(TermijnCode.PipVaststelling, termijn.Code);
            Assert.Equal(TermijnSoort.Uiterlijk, termijn.Soort);
            Assert.True(termijn.Toepasselijk);
            Assert.Equal(D(brp), termijn.Startdatum);
            Assert.Equal(D(uiterlijk), termijn.Vervaldatum);
            Assert.Equal(70, termijn.Vervaldatum!.Value.DayNumber - D(brp).DayNumber);
            Assert.Null(termijn.VoldaanOp);
            Assert.Contains(D(brp).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), termijn.Toelichting);
        }

        [Theory]
        [InlineData("2026-04-01", TermijnStatus.Open, 40)]
        [InlineData("2026-05-10", TermijnStatus.Open, 1)]
        [InlineData("2026-05-11", TermijnStatus.Open, 0)]       // the last day itself is still on time
        [InlineData("2026-05-12", TermijnStatus.Verlopen, -1)]
        [InlineData("2026-06-11", TermijnStatus.Verlopen, -31)]
        public void Zonder_PIP_open_of_verlopen_afhankelijk_van_vandaag(string vandaag, TermijnStatus status, int dagen)
        {
            var termijn = LegalClock.PipVaststelling(MetBrp);

            Assert.Equal(status, termijn.Status(D(vandaag)));
            Assert.Equal(dagen, termijn.DagenResterend(D(vandaag)));
        }

        [Theory]
        [InlineData("2026-04-15", TermijnStatus.Gehaald)]
        [InlineData("2026-05-11", TermijnStatus.Gehaald)] // on the last day
        [InlineData("2026-05-12", TermijnStatus.TeLaat)]  // one day late
        [InlineData("2026-08-01", TermijnStatus.TeLaat)]
        [InlineData("2026-02-15", TermijnStatus.Gehaald)] // PIP before BRP (e.g. still in the azc)
        public void Met_PIP_gehaald_of_te_laat(string pip, TermijnStatus status)
        {
            var termijn = LegalClock.PipVaststelling(MetBrp.Met(Mijlpaal.PipVastgesteld, D(pip)));

            Assert.Equal(D(pip), termijn.VoldaanOp);
            Assert.Equal(D("2026-05-11"), termijn.Vervaldatum);
            // Status of a met deadline does not depend on today.
            Assert.Equal(status, termijn.Status(D("2026-05-01")));
            Assert.Equal(status, termijn.Status(D("2030-01-01")));
            Assert.Null(termijn.DagenResterend(D("2026-05-01")));
        }

        [Fact]
        public void Zonder_BRP_niet_berekenbaar_met_reden()
        {
            var termijn = LegalClock.PipVaststelling(Statushouder((Mijlpaal.Koppeling, "2026-01-10")));

            Assert.True(termijn.Toepasselijk);
            Assert.Null(termijn.Vervaldatum);
            Assert.Equal(TermijnStatus.NietBerekenbaar, termijn.Status(D("2026-06-01")));
            Assert.Contains("BRP", termijn.Toelichting);
            Assert.Null(termijn.DagenResterend(D("2026-06-01")));
        }

        [Fact]
        public void PIP_zonder_BRP_is_gehaald()
        {
            var termijn = LegalClock.PipVaststelling(Statushouder((Mijlpaal.PipVastgesteld, "2026-02-01")));

            Assert.Equal(D("2026-02-01"), termijn.VoldaanOp);
            Assert.Null(termijn.Vervaldatum);
            Assert.Equal(TermijnStatus.Gehaald, termijn.Status(D("2026-06-01")));
            Assert.Contains("BRP", termijn.Toelichting);
        }

        [Theory]
        [InlineData(Doelgroep.Ondertussengroep, "ondertussengroep")]
        [InlineData(Doelgroep.Vrijgesteld, "vrijgesteld")]
        public void Niet_van_toepassing_buiten_Wi2021(Doelgroep doelgroep, string inToelichting)
        {
            var termijn = LegalClock.PipVaststelling(Feiten(doelgroep, (Mijlpaal.BrpInschrijving, "2026-03-02")));

            Assert.False(termijn.Toepasselijk);
            Assert.Null(termijn.Vervaldatum);
            Assert.Equal(TermijnStatus.NietVanToepassing, termijn.Status(D("2026-06-01")));
            Assert.Contains(inToelichting, termijn.Toelichting);
        }

        [Fact]
        public void Ondertussengroep_noemt_de_bron_waarom_Wi2021_niet_geldt()
        {
            var termijn = LegalClock.PipVaststelling(Feiten(Doelgroep.Ondertussengroep, (Mijlpaal.BrpInschrijving, "2026-03-02")));

            Assert.Contains(Bron.Ondertussengroep.Reference, termijn.Toelichting);
        }

        [Theory]
        [InlineData(Doelgroep.Nareiziger)]
        [InlineData(Doelgroep.Gezinsmigrant)]
        [InlineData(Doelgroep.OverigeMigrant)]
        public void Geldt_voor_alle_Wi2021_doelgroepen(Doelgroep doelgroep)
        {
            var termijn = LegalClock.PipVaststelling(Feiten(doelgroep, (Mijlpaal.BrpInschrijving, "2026-03-02")));

            Assert.True(termijn.Toepasselijk);
            Assert.Equal(D("2026-05-11"), termijn.Vervaldatum);
        }

        [Fact]
        public void Afgesloten_voordat_een_PIP_nodig_was_is_niet_van_toepassing()
        {
            var termijn = LegalClock.PipVaststelling(MetBrp.Met(Mijlpaal.Ontheffing, D("2026-04-01")));

            Assert.False(termijn.Toepasselijk);
            Assert.Equal(TermijnStatus.NietVanToepassing, termijn.Status(D("2026-06-01")));
            Assert.Contains("ontheffing", termijn.Toelichting);
        }

        [Theory]
        [InlineData(Mijlpaal.Ontheffing)]
        [InlineData(Mijlpaal.InburgeringsplichtVoldaan)]
        [InlineData(Mijlpaal.Verhuisd)]
        public void Afgesloten_zonder_BRP_en_zonder_PIP_is_niet_van_toepassing(Mijlpaal afsluiting)
        {
            // Closed while still in the azc: no BRP date will ever come, so nothing is missing.
            var termijn = LegalClock.PipVaststelling(Statushouder((Mijlpaal.Koppeling, "2026-01-10"), (afsluiting, "2026-02-01")));

            Assert.Equal(TermijnStatus.NietVanToepassing, termijn.Status(D("2026-06-01")));
            Assert.Contains("afgesloten", termijn.Toelichting);
        }

        [Fact]
        public void Gewijzigde_BRP_datum_geeft_nieuwe_termijn_en_laat_oude_feiten_ongemoeid()
        {
            var oud = MetBrp;
            var nieuw = oud.Met(Mijlpaal.BrpInschrijving, D("2026-03-09"));

            Assert.Equal(D("2026-05-18"), LegalClock.PipVaststelling(nieuw).Vervaldatum);
            Assert.Equal(D("2026-05-11"), LegalClock.PipVaststelling(oud).Vervaldatum);
            Assert.Equal(D("2026-03-02"), oud.Datum(Mijlpaal.BrpInschrijving));
            Assert.NotEqual(LegalClock.PipVaststelling(oud), LegalClock.PipVaststelling(nieuw));
        }

        [Fact]
        public void Bron_is_het_Besluit_inburgering_artikel_5_3()
        {
            Assert.Equal(Bron.PipTermijnBesluit, LegalClock.PipVaststelling(MetBrp).Bron);
            Assert.Equal("art. 5.3 lid 1", Bron.PipTermijnBesluit.Reference);
            Assert.Contains("vanaf 1 januari 2023", Bron.PipTermijnBesluit.Source);
            Assert.Contains("schriftelijk in kennis heeft gesteld van de inburgeringsplicht", Bron.PipTermijnBesluit.Quote);
        }

        // ---- Besluit inburgering 2021 art. 5.3 lid 1 (from 2023) and the Algemene termijnenwet

        [Theory]
        // Tweede Pinksterdag 2026 (25 May): ten weeks after Monday 16 March → Tuesday 26 May.
        [InlineData("2026-03-16", "2026-05-25", "2026-05-26", "Tweede Pinksterdag")]
        // Goede Vrijdag 2026 (3 April), then the weekend and Tweede Paasdag → Tuesday 7 April.
        [InlineData("2026-01-23", "2026-04-03", "2026-04-07", "Goede Vrijdag")]
        // A notice dated on a Saturday ends on a Saturday ten weeks later → Monday.
        [InlineData("2026-02-07", "2026-04-18", "2026-04-20", "zaterdag")]
        // Hemelvaart 2026 (14 May), the Friday after it equated by decree (Atw art. 3 lid 3) → Monday 18 May.
        [InlineData("2026-03-05", "2026-05-14", "2026-05-18", "Hemelvaartsdag")]
        public void Einde_op_weekend_of_feestdag_loopt_door_tot_de_volgende_werkdag(string kennisgeving, string tienWeken, string uiterlijk, string soort)
        {
            Assert.Equal(D(tienWeken), D(kennisgeving).AddDays(70)); // guard the table itself
            var feiten = Gezinsmigrant((Mijlpaal.BrpInschrijving, "2026-01-05"), (Mijlpaal.KennisgevingInburgeringsplicht, kennisgeving));

            var termijn = LegalClock.PipVaststelling(feiten);

            Assert.Equal(D(kennisgeving), termijn.Startdatum);
            Assert.Equal(D(uiterlijk), termijn.Vervaldatum);
            Assert.Contains($"{D(tienWeken):dd-MM-yyyy} is een {soort}", termijn.Toelichting);
            Assert.Contains("Algemene termijnenwet", termijn.Toelichting);
            // The extended last day is still on time; the day after it is late.
            Assert.Equal(TermijnStatus.Open, termijn.Status(D(uiterlijk)));
            Assert.Equal(TermijnStatus.Verlopen, termijn.Status(D(uiterlijk).AddDays(1)));
        }

        [Fact]
        public void Gezinsmigrant_telt_vanaf_de_kennisgeving_van_DUO_ook_als_de_inschrijving_eerder_was()
        {
            // Registered on 2 February, DUO's letter on 2 March: ten weeks from the letter (art. 5.3 lid 1, first sentence).
            var feiten = Gezinsmigrant((Mijlpaal.BrpInschrijving, "2026-02-02"), (Mijlpaal.KennisgevingInburgeringsplicht, "2026-03-02"));

            var termijn = LegalClock.PipVaststelling(feiten);

            Assert.Equal(D("2026-03-02"), termijn.Startdatum);
            Assert.Equal(D("2026-05-11"), termijn.Vervaldatum);
            Assert.Contains("na de kennisgeving van de inburgeringsplicht door DUO op 02-03-2026", termijn.Toelichting);
        }

        [Fact]
        public void Asielstatushouder_nog_niet_ingeschreven_bij_de_kennisgeving_telt_vanaf_de_inschrijving()
        {
            // The letter reached him in the azc on 5 January; he settled on 2 February: ten weeks from the registration.
            var feiten = Statushouder((Mijlpaal.KennisgevingInburgeringsplicht, "2026-01-05"), (Mijlpaal.BrpInschrijving, "2026-02-02"));

            var termijn = LegalClock.PipVaststelling(feiten);

            Assert.Equal(D("2026-02-02"), termijn.Startdatum);
            Assert.Equal(D("2026-04-13"), termijn.Vervaldatum);
            Assert.Contains("later dan de kennisgeving van DUO op 05-01-2026", termijn.Toelichting);
        }

        [Fact]
        public void Asielstatushouder_al_ingeschreven_bij_de_kennisgeving_telt_vanaf_de_kennisgeving()
        {
            var feiten = Statushouder((Mijlpaal.BrpInschrijving, "2026-02-02"), (Mijlpaal.KennisgevingInburgeringsplicht, "2026-02-09"));

            Assert.Equal(D("2026-04-20"), LegalClock.PipVaststelling(feiten).Vervaldatum);
        }

        [Fact]
        public void Asielstatushouder_met_kennisgeving_maar_zonder_inschrijving_is_nog_niet_te_berekenen()
        {
            var termijn = LegalClock.PipVaststelling(Statushouder((Mijlpaal.KennisgevingInburgeringsplicht, "2026-01-05")));

            Assert.True(termijn.Toepasselijk);
            Assert.Null(termijn.Vervaldatum);
            Assert.Contains("begint bij de inschrijving in de gemeente van huisvesting", termijn.Toelichting);
        }

        [Fact]
        public void Gezinsmigrant_met_kennisgeving_zonder_inschrijving_telt_vanaf_de_kennisgeving()
        {
            Assert.Equal(D("2026-05-11"), LegalClock.PipVaststelling(Gezinsmigrant((Mijlpaal.KennisgevingInburgeringsplicht, "2026-03-02"))).Vervaldatum);
        }

        [Fact]
        public void Zonder_datum_van_de_kennisgeving_telt_Koers_voorlopig_vanaf_de_inschrijving_en_zegt_dat()
        {
            var termijn = LegalClock.PipVaststelling(Gezinsmigrant((Mijlpaal.BrpInschrijving, "2026-03-02")));

            Assert.Equal(D("2026-05-11"), termijn.Vervaldatum);
            Assert.Contains("de datum van de kennisgeving van DUO is onbekend", termijn.Toelichting);
            Assert.Contains("Kennisgeving inburgeringsplicht", termijn.Toelichting);
        }

        [Theory]
        // 2022: art. 5.3 lid 1 counted from the BRP registration, whatever the date of DUO's letter.
        [InlineData("2022-03-01", "2022-04-01", "2022-05-10")]
        [InlineData("2022-10-03", "2022-11-14", "2022-12-12")]
        // Both facts in 2022, the term running into 2023: still the 2022 text (the version in force when it started).
        [InlineData("2022-11-21", "2022-12-05", "2023-01-30")]
        // The letter in 2023: the 2023 text, ten weeks from the letter.
        [InlineData("2022-12-12", "2023-01-09", "2023-03-20")]
        public void Voor_2023_telt_de_inschrijving_in_de_BRP(string brp, string kennisgeving, string uiterlijk)
        {
            var termijn = LegalClock.PipVaststelling(Gezinsmigrant((Mijlpaal.BrpInschrijving, brp), (Mijlpaal.KennisgevingInburgeringsplicht, kennisgeving)));

            Assert.Equal(D(uiterlijk), termijn.Vervaldatum);
            Assert.Equal(D(kennisgeving) >= PipTermijn.KennisgevingVanaf ? Bron.PipTermijnBesluit : Bron.PipTermijnBesluit2022, termijn.Bron);
        }

        [Fact]
        public void PIP_check_en_termijnbewaking_noemen_hetzelfde_einde()
        {
            // The late-PIP warning of the PIP form uses the same term: Tweede Pinksterdag moves it to 26 May.
            var feiten = Gezinsmigrant((Mijlpaal.BrpInschrijving, "2026-03-02"), (Mijlpaal.KennisgevingInburgeringsplicht, "2026-03-16"));
            Assert.Equal(D("2026-05-26"), LegalClock.PipVaststelling(feiten).Vervaldatum);
            Assert.Equal(D("2026-05-26"), PipTermijn.Bereken(Doelgroep.Gezinsmigrant, D("2026-03-02"), D("2026-03-16"), out _)?.Uiterlijk);
        }

        // Besluit inburgering 2021 art. 5.3 lid 2 (text from 2023): waiting for a third party's information. Notice on
        // Monday 2 March 2026, so the ten weeks end on Monday 11 May.
        private static DossierFeiten MetVraag(string? gevraagd, string? ontvangen = null)
        {
            var feiten = Gezinsmigrant((Mijlpaal.BrpInschrijving, "2026-01-05"), (Mijlpaal.KennisgevingInburgeringsplicht, "2026-03-02"));
            if (gevraagd is not null) feiten = feiten.Met(Mijlpaal.InformatieDerdeGevraagd, D(gevraagd));
            return ontvangen is null ? feiten : feiten.Met(Mijlpaal.InformatieDerdeOntvangen, D(ontvangen));
        }

        [Theory]
        [InlineData("2026-04-20")]
        [InlineData("2026-05-11")] // asked on the last day of the term: still within it
        public void Wachten_op_informatie_van_een_derde_houdt_de_termijn_open(string gevraagd)
        {
            var termijn = LegalClock.PipVaststelling(MetVraag(gevraagd));

            Assert.True(termijn.Toepasselijk);
            Assert.Null(termijn.Vervaldatum);
            Assert.Equal(Bron.PipTermijnInformatieDerde, termijn.Bron);
            Assert.Equal(TermijnStatus.NietBerekenbaar, termijn.Status(D("2026-08-01"))); // not late while waiting
            Assert.Contains($"wacht op informatie van een derde, gevraagd op {D(gevraagd):dd-MM-yyyy}", termijn.Toelichting);
            Assert.Contains("(tot 11-05-2026)", termijn.Toelichting);
        }

        [Fact]
        public void Na_ontvangst_volgt_het_PIP_uiterlijk_twee_weken_later()
        {
            // Received Wednesday 20 May: the last day is Wednesday 3 June; 4 June is late.
            var termijn = LegalClock.PipVaststelling(MetVraag("2026-04-20", "2026-05-20"));

            Assert.Equal(D("2026-03-02"), termijn.Startdatum);
            Assert.Equal(D("2026-06-03"), termijn.Vervaldatum);
            Assert.Equal(Bron.PipTermijnInformatieDerde, termijn.Bron);
            Assert.Contains("Twee weken na ontvangst van de informatie van een derde op 20-05-2026 (gevraagd op 20-04-2026", termijn.Toelichting);
            Assert.Equal(TermijnStatus.Open, termijn.Status(D("2026-06-03")));
            Assert.Equal(TermijnStatus.Verlopen, termijn.Status(D("2026-06-04")));
            Assert.Equal(TermijnStatus.Gehaald, LegalClock.PipVaststelling(MetVraag("2026-04-20", "2026-05-20").Met(Mijlpaal.PipVastgesteld, D("2026-06-03"))).Status(D("2026-07-01")));
        }

        [Fact]
        public void De_twee_weken_na_ontvangst_volgen_de_Algemene_termijnenwet()
        {
            // Received Monday 11 May: two weeks end on Tweede Pinksterdag (25 May), so Tuesday 26 May.
            var termijn = LegalClock.PipVaststelling(MetVraag("2026-04-20", "2026-05-11"));

            Assert.Equal(D("2026-05-26"), termijn.Vervaldatum);
            Assert.Contains("25-05-2026 is een Tweede Pinksterdag", termijn.Toelichting);
        }

        [Fact]
        public void Informatie_ruim_binnen_de_termijn_ontvangen_verkort_noch_verlengt()
        {
            // Received 20 April: two weeks later (4 May) is before 11 May; the ten weeks stand (the lid never shortens).
            var termijn = LegalClock.PipVaststelling(MetVraag("2026-04-06", "2026-04-20"));

            Assert.Equal(D("2026-05-11"), termijn.Vervaldatum);
            Assert.Equal(Bron.PipTermijnBesluit, termijn.Bron);
            Assert.Contains("ruim binnen de termijn", termijn.Toelichting);
        }

        [Fact]
        public void Informatie_gevraagd_na_het_einde_van_de_termijn_verlengt_niet()
        {
            var termijn = LegalClock.PipVaststelling(MetVraag("2026-05-12"));

            Assert.Equal(D("2026-05-11"), termijn.Vervaldatum);
            Assert.Equal(TermijnStatus.Verlopen, termijn.Status(D("2026-05-12")));
            Assert.Contains("na het einde van de termijn", termijn.Toelichting);
        }

        [Fact]
        public void De_tekst_van_2022_kent_geen_uitzondering_voor_informatie_van_een_derde()
        {
            // Registered 1 March 2022: ten weeks end on 10 May 2022 whatever the college waited for.
            var feiten = Gezinsmigrant((Mijlpaal.BrpInschrijving, "2022-03-01"), (Mijlpaal.InformatieDerdeGevraagd, "2022-04-01"));

            var termijn = LegalClock.PipVaststelling(feiten);

            Assert.Equal(D("2022-05-10"), termijn.Vervaldatum);
            Assert.Equal(Bron.PipTermijnBesluit2022, termijn.Bron);
            Assert.Contains("pas vanaf 1 januari 2023", termijn.Toelichting);
        }

        [Fact]
        public void Een_PIP_terwijl_het_college_nog_wacht_is_niet_te_laat()
        {
            var termijn = LegalClock.PipVaststelling(MetVraag("2026-04-20").Met(Mijlpaal.PipVastgesteld, D("2026-06-20")));

            Assert.Equal(TermijnStatus.Gehaald, termijn.Status(D("2026-07-01")));
        }

    }

    #endregion

    #region Inburgeringstermijn (3 jaar na PIP)

    public class Inburgeringstermijn
    {
        private static readonly DossierFeiten MetPip = Statushouder(
            (Mijlpaal.BrpInschrijving, "2026-03-02"), (Mijlpaal.PipVastgesteld, "2026-05-11"));

        [Theory]
        [InlineData("2026-05-11", "2029-05-11")]
        [InlineData("2024-02-29", "2027-02-28")] // leap-day PIP: 29 February does not exist in 2027
        [InlineData("2025-03-01", "2028-03-01")]
        public void Drie_jaar_na_vaststelling_PIP(string pip, string einde)
        {
            var termijn = LegalClock.Inburgeringstermijn(Statushouder((Mijlpaal.PipVastgesteld, pip)));

            Assert.Equal(TermijnCode.Inburgeringstermijn, termijn.Code);
            Assert.True(termijn.Toepasselijk);
            Assert.Equal(D(pip), termijn.Startdatum);
            Assert.Equal(D(einde), termijn.Vervaldatum);
            Assert.Null(termijn.VoldaanOp);
            Assert.Equal(Bron.InburgeringstermijnWet, termijn.Bron);
        }

        [Theory]
        [InlineData("2026-05-11", "2026-05-12")]
        [InlineData("2026-12-31", "2027-01-01")]
        [InlineData("2024-02-28", "2024-02-29")]
        public void De_termijn_begint_de_dag_na_de_dagtekening_van_het_PIP(string dagtekening, string eersteDag)
        {
            // Wi2021 art. 11 lid 2; three years from that day end on the date Drie_jaar_na_vaststelling_PIP gives.
            Assert.Equal(D(eersteDag), LegalClock.EersteDagInburgeringstermijn(D(dagtekening)));
            Assert.Equal("art. 11 lid 1 en 2", Bron.InburgeringstermijnWet.Reference);
        }

        [Theory]
        [InlineData("2029-05-11", TermijnStatus.Open)]
        [InlineData("2029-05-12", TermijnStatus.Verlopen)]
        public void Open_tot_en_met_de_einddatum(string vandaag, TermijnStatus status)
        {
            Assert.Equal(status, LegalClock.Inburgeringstermijn(MetPip).Status(D(vandaag)));
        }

        [Fact]
        public void Verlenging_door_DUO_verschuift_het_einde()
        {
            var termijn = LegalClock.Inburgeringstermijn(MetPip.Met(Mijlpaal.TermijnVerlengdTot, D("2029-11-11")));

            Assert.Equal(D("2029-11-11"), termijn.Vervaldatum);
            Assert.Equal(D("2026-05-11"), termijn.Startdatum);
            Assert.Contains("verlengd", termijn.Toelichting);
            Assert.Contains("11-05-2029", termijn.Toelichting); // the original end is kept in the explanation
            Assert.Equal(TermijnStatus.Open, termijn.Status(D("2029-06-01")));
        }

        [Theory]
        [InlineData("2028-01-01")] // before the original end
        [InlineData("2029-05-11")] // equal to the original end
        public void Eerdere_verlengingsdatum_verkort_de_termijn_niet(string verlengd)
        {
            var termijn = LegalClock.Inburgeringstermijn(MetPip.Met(Mijlpaal.TermijnVerlengdTot, D(verlengd)));

            Assert.Equal(D("2029-05-11"), termijn.Vervaldatum);
            Assert.DoesNotContain("verlengd", termijn.Toelichting);
        }

        [Theory]
        [InlineData(Mijlpaal.InburgeringsplichtVoldaan, "2028-06-01", TermijnStatus.Gehaald)]
        [InlineData(Mijlpaal.Ontheffing, "2027-02-01", TermijnStatus.Gehaald)]
        [InlineData(Mijlpaal.InburgeringsplichtVoldaan, "2029-05-11", TermijnStatus.Gehaald)]
        [InlineData(Mijlpaal.InburgeringsplichtVoldaan, "2029-06-01", TermijnStatus.TeLaat)]
        public void Voldaan_of_ontheffing_sluit_de_termijn(Mijlpaal afsluiting, string datum, TermijnStatus status)
        {
            var termijn = LegalClock.Inburgeringstermijn(MetPip.Met(afsluiting, D(datum)));

            Assert.Equal(D(datum), termijn.VoldaanOp);
            Assert.Equal(status, termijn.Status(D("2030-01-01")));
        }

        [Fact]
        public void Voldaan_binnen_verlengde_termijn_is_gehaald()
        {
            var termijn = LegalClock.Inburgeringstermijn(MetPip
                .Met(Mijlpaal.TermijnVerlengdTot, D("2029-11-11"))
                .Met(Mijlpaal.InburgeringsplichtVoldaan, D("2029-10-01")));

            Assert.Equal(TermijnStatus.Gehaald, termijn.Status(D("2030-01-01")));
        }

        [Theory]
        [InlineData(Mijlpaal.Verhuisd)]
        [InlineData(Mijlpaal.Uitgeschreven)]
        public void Verhuizing_of_uitschrijving_is_geen_voldoening(Mijlpaal afsluiting)
        {
            var termijn = LegalClock.Inburgeringstermijn(MetPip.Met(afsluiting, D("2027-01-01")));

            Assert.Null(termijn.VoldaanOp);
        }

        [Fact]
        public void Zonder_PIP_niet_berekenbaar()
        {
            var termijn = LegalClock.Inburgeringstermijn(Statushouder((Mijlpaal.BrpInschrijving, "2026-03-02")));

            Assert.True(termijn.Toepasselijk);
            Assert.Null(termijn.Vervaldatum);
            Assert.Equal(TermijnStatus.NietBerekenbaar, termijn.Status(D("2026-06-01")));
            Assert.Contains("PIP", termijn.Toelichting);
        }

        [Theory]
        [InlineData(Mijlpaal.Ontheffing)]
        [InlineData(Mijlpaal.InburgeringsplichtVoldaan)]
        public void Afgesloten_voordat_het_PIP_er_was_is_niet_van_toepassing(Mijlpaal afsluiting)
        {
            // E.g. a medical ontheffing granted during the brede intake: there is no term left to compute.
            var termijn = LegalClock.Inburgeringstermijn(
                Statushouder((Mijlpaal.BrpInschrijving, "2026-03-02"), (afsluiting, "2026-04-15")));

            Assert.Equal(TermijnStatus.NietVanToepassing, termijn.Status(D("2026-06-01")));
            Assert.Contains("afgesloten", termijn.Toelichting);
            Assert.Contains(afsluiting.Omschrijving().ToLowerInvariant(), termijn.Toelichting);
        }

        [Theory]
        [InlineData(Doelgroep.Ondertussengroep)]
        [InlineData(Doelgroep.Vrijgesteld)]
        public void Niet_van_toepassing_buiten_Wi2021(Doelgroep doelgroep)
        {
            var termijn = LegalClock.Inburgeringstermijn(Feiten(doelgroep, (Mijlpaal.PipVastgesteld, "2026-05-11")));

            Assert.Equal(TermijnStatus.NietVanToepassing, termijn.Status(D("2026-06-01")));
            Assert.Null(termijn.Vervaldatum);
        }
    }

    #endregion

    #region Einde financieel ontzorgen (6 maanden na ingang bijstand)

    public class OntzorgenEinde
    {
        [Theory]
        [InlineData(Doelgroep.Asielstatushouder, "2026-03-15", "2026-09-14")] // mid-month
        [InlineData(Doelgroep.Nareiziger, "2026-03-15", "2026-09-14")]
        [InlineData(Doelgroep.Asielstatushouder, "2026-01-01", "2026-06-30")]
        [InlineData(Doelgroep.Asielstatushouder, "2026-08-31", "2027-02-28")] // month end
        [InlineData(Doelgroep.Asielstatushouder, "2027-08-31", "2028-02-29")] // month end, leap year
        public void Zes_maanden_vanaf_ingang_bijstand(Doelgroep doelgroep, string start, string einde)
        {
            var termijn = LegalClock.OntzorgenEinde(Feiten(doelgroep, (Mijlpaal.StartBijstand, start)), ClockSettings.Default);

            Assert.Equal(TermijnCode.OntzorgenEinde, termijn.Code);
            Assert.Equal(TermijnSoort.PeriodeEinde, termijn.Soort);
            Assert.True(termijn.Toepasselijk);
            Assert.Equal(D(start), termijn.Startdatum);
            Assert.Equal(D(einde), termijn.Vervaldatum);
            Assert.Equal(Bron.OntzorgenParticipatiewet, termijn.Bron);
        }

        [Theory]
        [InlineData("2026-09-14", TermijnStatus.Open)]
        [InlineData("2026-09-15", TermijnStatus.Afgelopen)] // a period ending is not a fault: Afgelopen, not Verlopen
        public void Na_afloop_afgelopen_niet_verlopen(string vandaag, TermijnStatus status)
        {
            var termijn = LegalClock.OntzorgenEinde(Statushouder((Mijlpaal.StartBijstand, "2026-03-15")), ClockSettings.Default);

            Assert.Equal(status, termijn.Status(D(vandaag)));
        }

        [Theory]
        [InlineData(12, "2026-03-15", "2027-03-14")]
        [InlineData(9, "2026-05-31", "2027-02-28")]
        [InlineData(1, "2028-01-31", "2028-02-29")]
        public void Gemeentelijke_instelling_voor_aantal_maanden_wordt_gevolgd(int maanden, string start, string einde)
        {
            var instellingen = new ClockSettings { OntzorgenMaanden = maanden };

            var termijn = LegalClock.OntzorgenEinde(Statushouder((Mijlpaal.StartBijstand, start)), instellingen);

            Assert.Equal(D(einde), termijn.Vervaldatum);
            Assert.Contains($"{maanden} maanden", termijn.Toelichting);
        }

        [Fact]
        public void Zonder_ingang_bijstand_niet_berekenbaar()
        {
            var termijn = LegalClock.OntzorgenEinde(Statushouder((Mijlpaal.BrpInschrijving, "2026-03-02")), ClockSettings.Default);

            Assert.True(termijn.Toepasselijk);
            Assert.Equal(TermijnStatus.NietBerekenbaar, termijn.Status(D("2026-06-01")));
            Assert.Contains("bijstand", termijn.Toelichting);
        }

        [Fact]
        public void Afgesloten_dossier_zonder_ingang_bijstand_is_niet_van_toepassing()
        {
            var termijn = LegalClock.OntzorgenEinde(
                Statushouder((Mijlpaal.BrpInschrijving, "2026-03-02"), (Mijlpaal.Ontheffing, "2026-04-01")), ClockSettings.Default);

            Assert.Equal(TermijnStatus.NietVanToepassing, termijn.Status(D("2026-06-01")));
            Assert.Contains("afgesloten", termijn.Toelichting);
        }

        [Fact]
        public void Lopende_periode_blijft_staan_na_ontheffing()
        {
            // Only Verhuisd/Uitgeschreven take running periods off the lists; the ontzorgen period is kept.
            var termijn = LegalClock.OntzorgenEinde(
                Statushouder((Mijlpaal.StartBijstand, "2026-03-15"), (Mijlpaal.Ontheffing, "2026-04-01")), ClockSettings.Default);

            Assert.Equal(D("2026-09-14"), termijn.Vervaldatum);
            Assert.Equal(TermijnStatus.Open, termijn.Status(D("2026-06-01")));
        }

        [Theory]
        [InlineData(Doelgroep.Gezinsmigrant)]
        [InlineData(Doelgroep.OverigeMigrant)]
        [InlineData(Doelgroep.Ondertussengroep)]
        [InlineData(Doelgroep.Vrijgesteld)]
        public void Alleen_voor_asielstatushouders_en_nareizigers(Doelgroep doelgroep)
        {
            var termijn = LegalClock.OntzorgenEinde(Feiten(doelgroep, (Mijlpaal.StartBijstand, "2026-03-15")), ClockSettings.Default);

            Assert.False(termijn.Toepasselijk);
            Assert.Null(termijn.Vervaldatum);
            Assert.Equal(TermijnStatus.NietVanToepassing, termijn.Status(D("2026-06-01")));
            Assert.Contains(Bron.OntzorgenDoelgroep.Source, termijn.Toelichting);
        }
    }

    #endregion

    #region Volgend voortgangsgesprek (elke 3 maanden na PIP)

    public class Voortgangsgesprek
    {
        private static readonly DossierFeiten MetPip = Statushouder((Mijlpaal.PipVastgesteld, "2026-05-11"));

        [Fact]
        public void Standaard_drie_maanden_na_PIP()
        {
            var termijn = LegalClock.Voortgangsgesprek(MetPip, ClockSettings.Default);

            Assert.Equal(TermijnCode.Voortgangsgesprek, termijn.Code);
            Assert.Equal(TermijnSoort.Uiterlijk, termijn.Soort);
            Assert.Equal(D("2026-05-11"), termijn.Startdatum);
            Assert.Equal(D("2026-08-11"), termijn.Vervaldatum);
            Assert.Contains("PIP", termijn.Toelichting);
            Assert.Equal(TermijnStatus.Open, termijn.Status(D("2026-08-11")));
            Assert.Equal(TermijnStatus.Verlopen, termijn.Status(D("2026-08-12")));
        }

        [Fact]
        public void Instelling_van_twee_maanden_wordt_gevolgd()
        {
            var termijn = LegalClock.Voortgangsgesprek(MetPip, new ClockSettings { VoortgangsgesprekIntervalMaanden = 2 });

            Assert.Equal(D("2026-07-11"), termijn.Vervaldatum);
            Assert.Contains("Elke 2 maanden", termijn.Toelichting);
        }

        [Fact]
        public void Laatste_gesprek_na_PIP_is_de_nieuwe_basis()
        {
            var termijn = LegalClock.Voortgangsgesprek(MetPip.Met(Mijlpaal.LaatsteVoortgangsgesprek, D("2026-09-01")), ClockSettings.Default);

            Assert.Equal(D("2026-09-01"), termijn.Startdatum);
            Assert.Equal(D("2026-12-01"), termijn.Vervaldatum);
            Assert.Contains("laatste gesprek op 01-09-2026", termijn.Toelichting);
        }

        [Fact]
        public void Laatste_gesprek_voor_PIP_telt_niet()
        {
            var termijn = LegalClock.Voortgangsgesprek(MetPip.Met(Mijlpaal.LaatsteVoortgangsgesprek, D("2026-04-01")), ClockSettings.Default);

            Assert.Equal(D("2026-05-11"), termijn.Startdatum);
            Assert.Equal(D("2026-08-11"), termijn.Vervaldatum);
        }

        [Theory]
        [InlineData("2027-01-31", "2027-02-28")]
        [InlineData("2028-01-31", "2028-02-29")]
        [InlineData("2026-03-31", "2026-04-30")]
        public void Maandeinde_wordt_afgekapt(string pip, string volgende)
        {
            var termijn = LegalClock.Voortgangsgesprek(
                Statushouder((Mijlpaal.PipVastgesteld, pip)), new ClockSettings { VoortgangsgesprekIntervalMaanden = 1 });

            Assert.Equal(D(volgende), termijn.Vervaldatum);
        }

        [Fact]
        public void Zonder_PIP_niet_berekenbaar()
        {
            var termijn = LegalClock.Voortgangsgesprek(Statushouder((Mijlpaal.BrpInschrijving, "2026-03-02")), ClockSettings.Default);

            Assert.Equal(TermijnStatus.NietBerekenbaar, termijn.Status(D("2026-06-01")));
            Assert.Contains("PIP", termijn.Toelichting);
        }

        [Fact]
        public void Afgesloten_dossier_heeft_geen_gesprekken_meer()
        {
            var termijn = LegalClock.Voortgangsgesprek(MetPip.Met(Mijlpaal.InburgeringsplichtVoldaan, D("2027-01-01")), ClockSettings.Default);

            Assert.Equal(TermijnStatus.NietVanToepassing, termijn.Status(D("2027-06-01")));
            Assert.Contains("afgesloten", termijn.Toelichting);
        }

        [Theory]
        [InlineData(Doelgroep.Ondertussengroep)]
        [InlineData(Doelgroep.Vrijgesteld)]
        public void Niet_van_toepassing_buiten_Wi2021(Doelgroep doelgroep)
        {
            var termijn = LegalClock.Voortgangsgesprek(Feiten(doelgroep, (Mijlpaal.PipVastgesteld, "2026-05-11")), ClockSettings.Default);

            Assert.Equal(TermijnStatus.NietVanToepassing, termijn.Status(D("2026-06-01")));
        }
    }

    #endregion

    #region Opnieuw contact (nog niet startklaar)

    public class Hercontact
    {
        private static DossierFeiten NietStartklaar(params (Mijlpaal, string)[] mijlpalen) =>
            Statushouder(mijlpalen) with { NogNietStartklaar = true };

        [Fact]
        public void Vanaf_BRP_als_er_niets_anders_is()
        {
            var termijn = LegalClock.Hercontact(NietStartklaar((Mijlpaal.BrpInschrijving, "2026-03-02")), ClockSettings.Default);

            Assert.Equal(TermijnCode.Hercontact, termijn.Code);
            Assert.Equal(D("2026-03-02"), termijn.Startdatum);
            Assert.Equal(D("2026-06-02"), termijn.Vervaldatum);
        }

        [Fact]
        public void Koppeling_gaat_voor_BRP()
        {
            var termijn = LegalClock.Hercontact(
                NietStartklaar((Mijlpaal.Koppeling, "2026-01-15"), (Mijlpaal.BrpInschrijving, "2026-03-02")), ClockSettings.Default);

            Assert.Equal(D("2026-01-15"), termijn.Startdatum);
            Assert.Equal(D("2026-04-15"), termijn.Vervaldatum);
        }

        [Fact]
        public void Laatste_contact_gaat_voor_alles()
        {
            var termijn = LegalClock.Hercontact(
                NietStartklaar((Mijlpaal.Koppeling, "2026-01-15"), (Mijlpaal.BrpInschrijving, "2026-03-02"), (Mijlpaal.LaatsteContact, "2026-05-20")),
                ClockSettings.Default);

            Assert.Equal(D("2026-05-20"), termijn.Startdatum);
            Assert.Equal(D("2026-08-20"), termijn.Vervaldatum);
            Assert.Equal(TermijnStatus.Open, termijn.Status(D("2026-08-20")));
            Assert.Equal(TermijnStatus.Verlopen, termijn.Status(D("2026-08-21")));
        }

        [Fact]
        public void Instelling_van_twee_maanden_wordt_gevolgd()
        {
            var termijn = LegalClock.Hercontact(
                NietStartklaar((Mijlpaal.LaatsteContact, "2026-05-20")), new ClockSettings { HercontactIntervalMaanden = 2 });

            Assert.Equal(D("2026-07-20"), termijn.Vervaldatum);
            Assert.Contains("Elke 2 maanden", termijn.Toelichting);
        }

        [Fact]
        public void Zonder_basisdatum_niet_berekenbaar()
        {
            var termijn = LegalClock.Hercontact(NietStartklaar((Mijlpaal.StartBijstand, "2026-03-02")), ClockSettings.Default);

            Assert.True(termijn.Toepasselijk);
            Assert.Equal(TermijnStatus.NietBerekenbaar, termijn.Status(D("2026-06-01")));
        }

        [Fact]
        public void Niet_als_iemand_startklaar_is()
        {
            var termijn = LegalClock.Hercontact(Statushouder((Mijlpaal.BrpInschrijving, "2026-03-02")), ClockSettings.Default);

            Assert.Equal(TermijnStatus.NietVanToepassing, termijn.Status(D("2026-06-01")));
        }

        [Fact]
        public void Niet_als_er_al_een_PIP_is()
        {
            var termijn = LegalClock.Hercontact(
                NietStartklaar((Mijlpaal.BrpInschrijving, "2026-03-02"), (Mijlpaal.PipVastgesteld, "2026-05-01")), ClockSettings.Default);

            Assert.Equal(TermijnStatus.NietVanToepassing, termijn.Status(D("2026-06-01")));
        }

        [Fact]
        public void Niet_voor_vrijgestelden_of_afgesloten_dossiers()
        {
            var vrijgesteld = Feiten(Doelgroep.Vrijgesteld, (Mijlpaal.BrpInschrijving, "2026-03-02")) with { NogNietStartklaar = true };
            var afgesloten = NietStartklaar((Mijlpaal.BrpInschrijving, "2026-03-02"), (Mijlpaal.Ontheffing, "2026-04-01"));

            Assert.Equal(TermijnStatus.NietVanToepassing, LegalClock.Hercontact(vrijgesteld, ClockSettings.Default).Status(D("2026-06-01")));
            Assert.Equal(TermijnStatus.NietVanToepassing, LegalClock.Hercontact(afgesloten, ClockSettings.Default).Status(D("2026-06-01")));
        }
    }

    #endregion

    #region Bezwaartermijn PIP-beschikking (6 weken, Awb 6:7-6:8, Algemene termijnenwet)

    public class Bezwaartermijn
    {
        [Fact]
        public void Zes_weken_na_bekendmaking_en_begint_de_dag_erna()
        {
            // Tuesday 10 March 2026 + 42 days = Tuesday 21 April 2026: a working day.
            var termijn = LegalClock.Bezwaartermijn(Statushouder((Mijlpaal.PipVastgesteld, "2026-03-10")));

            Assert.Equal(TermijnCode.Bezwaartermijn, termijn.Code);
            Assert.Equal(TermijnSoort.PeriodeEinde, termijn.Soort);
            Assert.Equal(D("2026-03-11"), termijn.Startdatum);
            Assert.Equal(D("2026-04-21"), termijn.Vervaldatum);
            Assert.DoesNotContain("Verschoven", termijn.Toelichting);
            Assert.Equal(TermijnStatus.Open, termijn.Status(D("2026-04-21")));
            Assert.Equal(TermijnStatus.Afgelopen, termijn.Status(D("2026-04-22")));
            Assert.Equal(Bron.BezwaarZesWeken, termijn.Bron);
        }

        [Theory]
        [InlineData("2026-03-07", "2026-04-18", "2026-04-20")] // ends Saturday → Monday
        [InlineData("2026-02-23", "2026-04-06", "2026-04-07")] // ends on Tweede Paasdag → Tuesday
        [InlineData("2026-03-16", "2026-04-27", "2026-04-28")] // Koningsdag → Tuesday
        [InlineData("2026-03-24", "2026-05-05", "2026-05-06")] // Bevrijdingsdag → Wednesday
        [InlineData("2026-04-02", "2026-05-14", "2026-05-18")] // Hemelvaartsdag, equated Friday, weekend → Monday
        [InlineData("2026-04-13", "2026-05-25", "2026-05-26")] // Tweede Pinksterdag → Tuesday
        [InlineData("2026-11-13", "2026-12-25", "2026-12-28")] // Christmas Friday, Saturday, Sunday → Monday
        [InlineData("2026-11-20", "2027-01-01", "2027-01-04")] // New Year Friday, weekend → Monday
        public void Einde_op_weekend_of_feestdag_schuift_door_naar_de_volgende_werkdag(string pip, string zesWeken, string einde)
        {
            Assert.Equal(D(zesWeken), D(pip).AddDays(42)); // guard the table itself

            var termijn = LegalClock.Bezwaartermijn(Statushouder((Mijlpaal.PipVastgesteld, pip)));

            Assert.Equal(D(einde), termijn.Vervaldatum);
            Assert.Equal(D(pip).AddDays(1), termijn.Startdatum);
            Assert.Contains($"Verschoven van {D(zesWeken):dd-MM-yyyy} naar {D(einde):dd-MM-yyyy}", termijn.Toelichting);
            Assert.Contains("Algemene termijnenwet", termijn.Toelichting);
        }

        [Fact]
        public void Zonder_PIP_niet_van_toepassing()
        {
            var termijn = LegalClock.Bezwaartermijn(Statushouder((Mijlpaal.BrpInschrijving, "2026-03-02")));

            Assert.False(termijn.Toepasselijk);
            Assert.Equal(TermijnStatus.NietVanToepassing, termijn.Status(D("2026-06-01")));
        }

        [Fact]
        public void Na_een_bijstelling_loopt_de_termijn_vanaf_de_laatste_beschikking()
        {
            // PIP 10 March 2026, bijstelling published Tuesday 2 June 2026 + 42 days = Tuesday 14 July 2026.
            var feiten = Statushouder((Mijlpaal.PipVastgesteld, "2026-03-10")) with { LaatsteBeschikking = D("2026-06-02") };

            var termijn = LegalClock.Bezwaartermijn(feiten);

            Assert.True(termijn.Toepasselijk);
            Assert.Equal(D("2026-06-03"), termijn.Startdatum);
            Assert.Equal(D("2026-07-14"), termijn.Vervaldatum);
            Assert.Contains("verzending van de laatste PIP-beschikking op 02-06-2026", termijn.Toelichting);
            Assert.Equal(Bron.BezwaarZesWeken, termijn.Bron);
        }

        [Fact]
        public void Laatste_beschikking_op_de_dag_van_het_PIP_is_de_PIP_beschikking()
        {
            var feiten = Statushouder((Mijlpaal.PipVastgesteld, "2026-03-10")) with { LaatsteBeschikking = D("2026-03-10") };

            var termijn = LegalClock.Bezwaartermijn(feiten);

            Assert.Equal(D("2026-04-21"), termijn.Vervaldatum);
            Assert.Contains("verzending van de laatste PIP-beschikking op 10-03-2026", termijn.Toelichting);
        }

        [Fact]
        public void Bijstelling_met_einde_op_feestdag_schuift_ook_door()
        {
            // Bijstelling Friday 13 November 2026 + 42 days = Friday 25 December 2026 → Monday 28 December.
            var feiten = Statushouder((Mijlpaal.PipVastgesteld, "2026-03-10")) with { LaatsteBeschikking = D("2026-11-13") };

            Assert.Equal(D("2026-12-28"), LegalClock.Bezwaartermijn(feiten).Vervaldatum);
        }

        [Fact]
        public void Zonder_bijstelling_blijft_de_PIP_datum_gelden()
        {
            var termijn = LegalClock.Bezwaartermijn(Statushouder((Mijlpaal.PipVastgesteld, "2026-03-10")));

            Assert.Null(Statushouder().LaatsteBeschikking);
            Assert.Equal(D("2026-04-21"), termijn.Vervaldatum);
            Assert.Contains("de PIP-beschikking", termijn.Toelichting);
            Assert.DoesNotContain("bijstelling", termijn.Toelichting);
        }

        [Fact]
        public void Niet_verzonden_beschikking_geeft_geen_datum_in_plaats_van_een_verkeerde()
        {
            // Vastgesteld on 10 March, letter not sent yet: the dagtekening is not the bekendmaking (Awb 6:8 lid 1).
            var feiten = Statushouder((Mijlpaal.PipVastgesteld, "2026-03-10")) with { LaatsteBeschikkingNietVerzonden = true };

            var termijn = LegalClock.Bezwaartermijn(feiten);

            Assert.True(termijn.Toepasselijk);
            Assert.Null(termijn.Vervaldatum);
            Assert.Equal(TermijnStatus.NietBerekenbaar, termijn.Status(D("2026-06-01")));
            Assert.Contains("nog niet als verzonden geregistreerd", termijn.Toelichting);
        }

        [Fact]
        public void Termijn_loopt_vanaf_de_verzenddatum_niet_vanaf_de_dagtekening()
        {
            // Dagtekening Tuesday 10 March 2026, sent Friday 13 March: 13 March + 42 days = Friday 24 April 2026.
            var feiten = Statushouder((Mijlpaal.PipVastgesteld, "2026-03-10")) with { LaatsteBeschikking = D("2026-03-13") };

            var termijn = LegalClock.Bezwaartermijn(feiten);

            Assert.Equal(D("2026-03-14"), termijn.Startdatum);
            Assert.Equal(D("2026-04-24"), termijn.Vervaldatum);
        }

        [Theory]
        [InlineData("2026-06-06", "2026-07-20")] // sent on a Saturday (digital): ends Saturday 18 July → Monday 20 July
        [InlineData("2026-11-13", "2026-12-28")] // ends on Christmas (Friday), then a weekend → Monday
        [InlineData("2026-06-15", "2026-07-27")] // a working day: unchanged
        public void Bezwaareinde_vanaf_verzending_met_termijnenwet(string verzonden, string einde) =>
            Assert.Equal(D(einde), LegalClock.BezwaarEinde(D(verzonden)));

        [Fact]
        public void Laatste_beschikking_niet_voor_de_ondertussengroep()
        {
            var feiten = Feiten(Doelgroep.Ondertussengroep, (Mijlpaal.PipVastgesteld, "2026-03-10")) with { LaatsteBeschikking = D("2026-06-02") };

            Assert.False(LegalClock.Bezwaartermijn(feiten).Toepasselijk);
        }

        [Fact]
        public void Niet_voor_de_ondertussengroep()
        {
            var termijn = LegalClock.Bezwaartermijn(Feiten(Doelgroep.Ondertussengroep, (Mijlpaal.PipVastgesteld, "2026-03-10")));

            Assert.Equal(TermijnStatus.NietVanToepassing, termijn.Status(D("2026-04-01")));
        }
    }

    #endregion

    #region Bereken: alle termijnen samen, afsluiting, herberekening, bronnen

    public class Bereken
    {
        private static readonly DossierFeiten Lopend = Statushouder(
            (Mijlpaal.Koppeling, "2026-01-15"),
            (Mijlpaal.BrpInschrijving, "2026-03-02"),
            (Mijlpaal.StartBijstand, "2026-03-02"));

        [Fact]
        public void Geeft_elke_termijn_precies_een_keer_in_vaste_volgorde()
        {
            var termijnen = LegalClock.Bereken(Lopend);

            Assert.Equal(Enum.GetValues<TermijnCode>(), termijnen.Select(t => t.Code));
        }

        [Fact]
        public void Berekent_dezelfde_termijnen_als_de_losse_regels_met_standaardinstellingen()
        {
            var termijnen = LegalClock.Bereken(Lopend).ToDictionary(t => t.Code);

            Assert.Equal(D("2026-05-11"), termijnen[TermijnCode.PipVaststelling].Vervaldatum);
            Assert.Equal(D("2026-09-01"), termijnen[TermijnCode.OntzorgenEinde].Vervaldatum);
            Assert.Equal(TermijnStatus.NietBerekenbaar, termijnen[TermijnCode.Inburgeringstermijn].Status(D("2026-04-01")));
            Assert.Equal(TermijnStatus.NietBerekenbaar, termijnen[TermijnCode.Voortgangsgesprek].Status(D("2026-04-01")));
            Assert.Equal(TermijnStatus.NietVanToepassing, termijnen[TermijnCode.Hercontact].Status(D("2026-04-01")));
            Assert.Equal(TermijnStatus.NietVanToepassing, termijnen[TermijnCode.Bezwaartermijn].Status(D("2026-04-01")));
        }

        [Fact]
        public void Instellingen_worden_doorgegeven()
        {
            var instellingen = new ClockSettings { OntzorgenMaanden = 12, VoortgangsgesprekIntervalMaanden = 2 };
            var feiten = Lopend.Met(Mijlpaal.PipVastgesteld, D("2026-05-01"));

            var termijnen = LegalClock.Bereken(feiten, instellingen).ToDictionary(t => t.Code);

            Assert.Equal(D("2027-03-01"), termijnen[TermijnCode.OntzorgenEinde].Vervaldatum);
            Assert.Equal(D("2026-07-01"), termijnen[TermijnCode.Voortgangsgesprek].Vervaldatum);
        }

        [Fact]
        public void Dezelfde_feiten_geven_dezelfde_termijnen()
        {
            var feiten = Lopend.Met(Mijlpaal.PipVastgesteld, D("2026-05-01"));

            Assert.Equal(LegalClock.Bereken(feiten), LegalClock.Bereken(feiten));
        }

        [Fact]
        public void Gewijzigd_feit_geeft_herberekende_termijn_en_oude_feiten_blijven_gelijk()
        {
            var oud = Lopend;
            var nieuw = oud.Met(Mijlpaal.BrpInschrijving, D("2026-03-16"));

            var pipOud = LegalClock.Bereken(oud).Single(t => t.Code == TermijnCode.PipVaststelling);
            var pipNieuw = LegalClock.Bereken(nieuw).Single(t => t.Code == TermijnCode.PipVaststelling);

            Assert.Equal(D("2026-05-11"), pipOud.Vervaldatum);
            Assert.Equal(D("2026-05-26"), pipNieuw.Vervaldatum); // 25 May 2026 is Tweede Pinksterdag (Algemene termijnenwet)
            Assert.Equal(D("2026-03-02"), oud.Datum(Mijlpaal.BrpInschrijving));
            Assert.Equal(D("2026-03-16"), nieuw.Datum(Mijlpaal.BrpInschrijving));
            // Computing again from the old instance still gives the old deadline.
            Assert.Equal(pipOud, LegalClock.Bereken(oud).Single(t => t.Code == TermijnCode.PipVaststelling));
        }

        [Fact]
        public void Verwijderd_feit_maakt_termijn_weer_niet_berekenbaar()
        {
            var zonderBrp = Lopend.Met(Mijlpaal.BrpInschrijving, null);

            var pip = LegalClock.Bereken(zonderBrp).Single(t => t.Code == TermijnCode.PipVaststelling);

            Assert.Equal(TermijnStatus.NietBerekenbaar, pip.Status(D("2026-04-01")));
            Assert.NotNull(Lopend.Datum(Mijlpaal.BrpInschrijving));
        }

        [Theory]
        [InlineData(Mijlpaal.Verhuisd, "verhuisd")]
        [InlineData(Mijlpaal.Uitgeschreven, "uitgeschreven")]
        public void Verhuisd_of_uitgeschreven_maakt_alle_open_termijnen_niet_van_toepassing(Mijlpaal afsluiting, string inReden)
        {
            var feiten = Lopend
                .Met(Mijlpaal.PipVastgesteld, D("2026-05-01"))
                .Met(Mijlpaal.LaatsteVoortgangsgesprek, D("2026-07-01"))
                .Met(afsluiting, D("2026-08-15"));

            var voor = LegalClock.Bereken(feiten.Met(afsluiting, null)).ToDictionary(t => t.Code);
            var termijnen = LegalClock.Bereken(feiten);

            // The PIP was met in time: that stays on record.
            var pip = termijnen.Single(t => t.Code == TermijnCode.PipVaststelling);
            Assert.Equal(TermijnStatus.Gehaald, pip.Status(D("2026-09-01")));

            foreach (var termijn in termijnen.Where(t => t.Code != TermijnCode.PipVaststelling))
            {
                Assert.Equal(TermijnStatus.NietVanToepassing, termijn.Status(D("2026-09-01")));
                if (voor[termijn.Code].Toepasselijk)
                {
                    // Was running before the case was closed: now says why it stopped.
                    Assert.Contains("afgesloten", termijn.Toelichting);
                }
            }

            // Inburgeringstermijn, ontzorgen, voortgangsgesprek and bezwaartermijn were running before.
            Assert.Equal(4, voor.Values.Count(t => t.Toepasselijk && t.VoldaanOp is null));

            var inburgering = termijnen.Single(t => t.Code == TermijnCode.Inburgeringstermijn);
            Assert.Contains(inReden, inburgering.Toelichting);
            Assert.Contains("15-08-2026", inburgering.Toelichting);
            // The dates are kept for the record.
            Assert.Equal(D("2029-05-01"), inburgering.Vervaldatum);
        }

        [Fact]
        public void Verhuisd_zonder_PIP_maakt_ook_de_PIP_termijn_niet_van_toepassing()
        {
            var termijnen = LegalClock.Bereken(Lopend.Met(Mijlpaal.Verhuisd, D("2026-04-01")));

            Assert.All(termijnen, t => Assert.Equal(TermijnStatus.NietVanToepassing, t.Status(D("2026-06-01"))));
        }

        [Fact]
        public void Voldaan_sluit_de_inburgeringstermijn_als_gehaald()
        {
            var feiten = Lopend
                .Met(Mijlpaal.PipVastgesteld, D("2026-05-01"))
                .Met(Mijlpaal.InburgeringsplichtVoldaan, D("2028-05-01"));

            var termijnen = LegalClock.Bereken(feiten).ToDictionary(t => t.Code);

            Assert.Equal(TermijnStatus.Gehaald, termijnen[TermijnCode.Inburgeringstermijn].Status(D("2028-06-01")));
            Assert.Equal(TermijnStatus.NietVanToepassing, termijnen[TermijnCode.Voortgangsgesprek].Status(D("2028-06-01")));
        }

        [Theory]
        [InlineData(Mijlpaal.Ontheffing)]
        [InlineData(Mijlpaal.InburgeringsplichtVoldaan)]
        [InlineData(Mijlpaal.Verhuisd)]
        [InlineData(Mijlpaal.Uitgeschreven)]
        public void Afgesloten_dossier_heeft_geen_termijnen_die_om_ontbrekende_gegevens_vragen(Mijlpaal afsluiting)
        {
            // A closed case must not show up as "niet te berekenen" (missing BRP/PIP) on any worklist.
            var zonderBrp = Statushouder((Mijlpaal.Koppeling, "2026-01-10"), (afsluiting, "2026-02-01"));
            var zonderPip = Statushouder((Mijlpaal.Koppeling, "2026-01-10"), (Mijlpaal.BrpInschrijving, "2026-01-20"), (afsluiting, "2026-02-01"));

            foreach (var feiten in new[] { zonderBrp, zonderPip })
            {
                Assert.All(LegalClock.Bereken(feiten), t =>
                    Assert.NotEqual(TermijnStatus.NietBerekenbaar, t.Status(D("2026-06-01"))));
            }
        }

        public static TheoryData<string, DossierFeiten> VerschillendeDossiers => new()
        {
            { "leeg", Statushouder() },
            { "lopend", Lopend },
            { "met PIP", Lopend.Met(Mijlpaal.PipVastgesteld, D("2026-05-01")) },
            { "verlengd", Lopend.Met(Mijlpaal.PipVastgesteld, D("2026-05-01")).Met(Mijlpaal.TermijnVerlengdTot, D("2030-01-01")) },
            { "niet startklaar", Lopend with { NogNietStartklaar = true } },
            { "verhuisd", Lopend.Met(Mijlpaal.Verhuisd, D("2026-04-01")) },
            { "voldaan", Lopend.Met(Mijlpaal.PipVastgesteld, D("2026-05-01")).Met(Mijlpaal.InburgeringsplichtVoldaan, D("2028-05-01")) },
            { "gezinsmigrant", Feiten(Doelgroep.Gezinsmigrant, (Mijlpaal.BrpInschrijving, "2026-03-02")) },
            { "ondertussengroep", Feiten(Doelgroep.Ondertussengroep, (Mijlpaal.BrpInschrijving, "2026-03-02")) },
            { "vrijgesteld", Feiten(Doelgroep.Vrijgesteld) },
        };

        [Theory]
        [MemberData(nameof(VerschillendeDossiers))]
        public void Elke_termijn_heeft_een_bron_en_een_toelichting(string omschrijving, DossierFeiten feiten)
        {
            var termijnen = LegalClock.Bereken(feiten);

            Assert.Equal(6, termijnen.Count);
            Assert.All(termijnen, t =>
            {
                Assert.NotNull(t.Bron);
                Assert.False(string.IsNullOrWhiteSpace(t.Bron.Source), $"{omschrijving}: {t.Code} zonder bron");
                Assert.False(string.IsNullOrWhiteSpace(t.Bron.Reference), $"{omschrijving}: {t.Code} zonder vindplaats");
                Assert.False(string.IsNullOrWhiteSpace(t.Toelichting), $"{omschrijving}: {t.Code} zonder toelichting");
                Assert.False(string.IsNullOrWhiteSpace(t.Omschrijving));
                // The source's text names the statute first when the rule is practice resting on one.
                Assert.EndsWith($"{t.Bron.Source}, {t.Bron.Reference}", t.Bron.ToString(), StringComparison.Ordinal);
                if (t.Bron.Grondslag is { } wet) Assert.StartsWith($"{wet.Source}, {wet.Reference}; praktijk: ", t.Bron.ToString(), StringComparison.Ordinal);
            });
        }

        [Fact]
        public void Een_termijn_die_niet_berekend_kan_worden_heeft_geen_datum_maar_wel_een_reden()
        {
            foreach (var termijn in LegalClock.Bereken(Statushouder()))
            {
                if (termijn.Status(D("2026-01-01")) == TermijnStatus.NietBerekenbaar)
                {
                    Assert.Null(termijn.Vervaldatum);
                    Assert.False(string.IsNullOrWhiteSpace(termijn.Toelichting));
                }
            }
        }
    }

    #endregion

    #region Urennormen (Z-route, MAP, PVT)

    public class Urennormen
    {
        [Fact]
        public void ZRoute_geeft_800_taal_800_participatie_MAP_en_PVT()
        {
            var normen = LegalClock.Urennormen(Statushouder() with { Leerroute = Leerroute.ZRoute });

            Assert.Equal(new[] { 800, 800, 108, 12 }, normen.Select(n => n.Uren));
            Assert.Equal(2, normen.Count(n => n.Bron == Bron.ZRouteUren));
            Assert.Equal(1720, normen.Sum(n => n.Uren));
        }

        [Theory]
        [InlineData(Leerroute.B1Route)]
        [InlineData(Leerroute.ZRoute)]
        [InlineData(null)]
        public void MAP_is_108_uur_waarvan_40_praktijk_en_PVT_12_uur(Leerroute? route)
        {
            var normen = LegalClock.Urennormen(Statushouder() with { Leerroute = route });

            var map = Assert.Single(normen, n => n.Onderdeel.StartsWith("MAP", StringComparison.Ordinal));
            Assert.Equal(108, map.Uren);
            Assert.Equal(40, map.WaarvanPraktijk);
            Assert.Equal(Bron.MapUren, map.Bron);

            var pvt = Assert.Single(normen, n => n.Onderdeel.StartsWith("PVT", StringComparison.Ordinal));
            Assert.Equal(12, pvt.Uren);
            Assert.Null(pvt.WaarvanPraktijk);
            Assert.Equal(Bron.PvtUren, pvt.Bron);
        }

        [Fact]
        public void B1_route_heeft_geen_Z_route_uren()
        {
            var normen = LegalClock.Urennormen(Statushouder() with { Leerroute = Leerroute.B1Route });

            Assert.Equal(2, normen.Count);
            Assert.DoesNotContain(normen, n => n.Bron == Bron.ZRouteUren);
        }

        [Fact]
        public void Onderwijsroute_heeft_geen_MAP_wel_PVT()
        {
            var normen = LegalClock.Urennormen(Statushouder() with { Leerroute = Leerroute.Onderwijsroute });

            var enige = Assert.Single(normen);
            Assert.Equal(12, enige.Uren);
            Assert.StartsWith("PVT", enige.Onderdeel);
        }

        [Theory]
        [InlineData(Doelgroep.Gezinsmigrant)]
        [InlineData(Doelgroep.OverigeMigrant)]
        public void Gezinsmigranten_MAP_verwijst_naar_de_eigen_bron(Doelgroep doelgroep)
        {
            var normen = LegalClock.Urennormen(Feiten(doelgroep) with { Leerroute = Leerroute.B1Route });

            Assert.Equal(Bron.MapPvtGezinsmigranten, Assert.Single(normen, n => n.Onderdeel.StartsWith("MAP", StringComparison.Ordinal)).Bron);
        }

        [Theory]
        [InlineData(Doelgroep.Ondertussengroep)]
        [InlineData(Doelgroep.Vrijgesteld)]
        public void Geen_normen_buiten_Wi2021(Doelgroep doelgroep)
        {
            Assert.Empty(LegalClock.Urennormen(Feiten(doelgroep) with { Leerroute = Leerroute.ZRoute }));
        }

        [Theory]
        [InlineData(Leerroute.B1Route)]
        [InlineData(Leerroute.Onderwijsroute)]
        [InlineData(Leerroute.ZRoute)]
        public void Elke_norm_heeft_een_bron(Leerroute route)
        {
            Assert.All(LegalClock.Urennormen(Statushouder() with { Leerroute = route }), n =>
            {
                Assert.False(string.IsNullOrWhiteSpace(n.Bron.Source));
                Assert.False(string.IsNullOrWhiteSpace(n.Bron.Reference));
                Assert.True(n.Uren > 0);
            });
        }
    }

    #endregion

    #region Termijn.Status en DagenResterend

    public class StatusEnDagen
    {
        // The kind follows from the code: the PIP deadline is 'uiterlijk', the end of ontzorgen a period.
        private static Termijn Maak(TermijnSoort soort, bool toepasselijk, string? verval, string? voldaan)
        {
            var code = soort == TermijnSoort.Uiterlijk ? TermijnCode.PipVaststelling : TermijnCode.OntzorgenEinde;
            Assert.Equal(soort, code.Soort());
            DateOnly? voldaanOp = voldaan is null ? null : D(voldaan);
            if (!toepasselijk) return Termijn.NietVanToepassing(code, "test", Bron.PipBinnenTienWeken, vervaldatum: verval is null ? null : D(verval));
            return verval is null
                ? Termijn.NogNietTeBerekenen(code, "test", Bron.PipBinnenTienWeken, voldaanOp)
                : Termijn.Loopt(code, D(verval).AddDays(-70), D(verval), voldaanOp, "test", Bron.PipBinnenTienWeken);
        }

        [Theory]
        [InlineData(TermijnSoort.Uiterlijk, true, "2026-05-11", null, "2026-05-10", TermijnStatus.Open)]
        [InlineData(TermijnSoort.Uiterlijk, true, "2026-05-11", null, "2026-05-11", TermijnStatus.Open)]
        [InlineData(TermijnSoort.Uiterlijk, true, "2026-05-11", null, "2026-05-12", TermijnStatus.Verlopen)]
        [InlineData(TermijnSoort.PeriodeEinde, true, "2026-05-11", null, "2026-05-12", TermijnStatus.Afgelopen)]
        [InlineData(TermijnSoort.Uiterlijk, true, "2026-05-11", "2026-05-11", "2027-01-01", TermijnStatus.Gehaald)]
        [InlineData(TermijnSoort.Uiterlijk, true, "2026-05-11", "2026-05-12", "2026-01-01", TermijnStatus.TeLaat)]
        [InlineData(TermijnSoort.Uiterlijk, true, null, "2026-05-12", "2026-01-01", TermijnStatus.Gehaald)]
        [InlineData(TermijnSoort.Uiterlijk, true, null, null, "2026-01-01", TermijnStatus.NietBerekenbaar)]
        [InlineData(TermijnSoort.Uiterlijk, false, "2026-05-11", null, "2027-01-01", TermijnStatus.NietVanToepassing)]
        [InlineData(TermijnSoort.Uiterlijk, false, "2026-05-11", "2026-05-12", "2027-01-01", TermijnStatus.NietVanToepassing)]
        public void Status(TermijnSoort soort, bool toepasselijk, string? verval, string? voldaan, string vandaag, TermijnStatus verwacht)
        {
            Assert.Equal(verwacht, Maak(soort, toepasselijk, verval, voldaan).Status(D(vandaag)));
        }

        [Theory]
        [InlineData(TermijnSoort.Uiterlijk, "2026-05-01", 10)]
        [InlineData(TermijnSoort.Uiterlijk, "2026-05-11", 0)]
        [InlineData(TermijnSoort.Uiterlijk, "2026-05-21", -10)]
        [InlineData(TermijnSoort.PeriodeEinde, "2026-05-21", -10)]
        [InlineData(TermijnSoort.Uiterlijk, "2025-05-11", 365)]
        public void DagenResterend(TermijnSoort soort, string vandaag, int verwacht)
        {
            Assert.Equal(verwacht, Maak(soort, true, "2026-05-11", null).DagenResterend(D(vandaag)));
        }

        [Fact]
        public void Geen_dagen_resterend_als_er_niets_te_tellen_is()
        {
            Assert.Null(Maak(TermijnSoort.Uiterlijk, true, "2026-05-11", "2026-05-01").DagenResterend(D("2026-05-01")));
            Assert.Null(Maak(TermijnSoort.Uiterlijk, true, null, null).DagenResterend(D("2026-05-01")));
            Assert.Null(Maak(TermijnSoort.Uiterlijk, false, "2026-05-11", null).DagenResterend(D("2026-05-01")));
        }

        [Theory]
        [InlineData("PipVaststelling", true, TermijnCode.PipVaststelling)]
        [InlineData("bezwaartermijn", true, TermijnCode.Bezwaartermijn)]
        [InlineData("99", false, default(TermijnCode))]
        [InlineData("Onbekend", false, default(TermijnCode))]
        [InlineData(null, false, default(TermijnCode))]
        public void TermijnCode_TryParse(string? invoer, bool gelukt, TermijnCode verwacht)
        {
            Assert.Equal(gelukt, TermijnInfo.TryParse(invoer, out var code));
            if (gelukt) Assert.Equal(verwacht, code);
        }

        [Fact]
        public void Elke_code_en_status_heeft_een_eigen_omschrijving()
        {
            var codes = Enum.GetValues<TermijnCode>().Select(c => c.Omschrijving()).ToList();
            var statussen = Enum.GetValues<TermijnStatus>().Select(s => s.Omschrijving()).ToList();

            Assert.Equal(codes.Count, codes.Distinct().Count());
            Assert.Equal(statussen.Count, statussen.Distinct().Count());
            Assert.Equal("Te laat gehaald", TermijnStatus.TeLaat.Omschrijving());
        }
    }

    #endregion

    /// <summary>
    /// The PIP term alone (what the national recomputation computes for a closed case) is the one of the whole clock, for
    /// every kind of case: 3,000 generated ones, open and closed in every way.
    /// </summary>
    [Fact]
    public void PIP_termijn_alleen_is_die_van_de_hele_klok()
    {
        var r = new Random(2026);
        var soorten = Enum.GetValues<Mijlpaal>();
        var doelgroepen = Enum.GetValues<Doelgroep>();
        int voorPip = 0, gesloten = 0;
        for (var n = 0; n < 3_000; n++)
        {
            var feiten = new DossierFeiten { Doelgroep = doelgroepen[r.Next(doelgroepen.Length)] };
            var datum = new DateOnly(2022, 1, 1).AddDays(r.Next(400));
            foreach (var soort in soorten)
            {
                // Most milestones two times in three; the PIP one time in three and each way of closing one time in four,
                // so open, closed-before-the-PIP and closed-after-it all come up.
                var kans = soort switch
                {
                    Mijlpaal.PipVastgesteld => 3,
                    Mijlpaal.Verhuisd or Mijlpaal.Uitgeschreven or Mijlpaal.InburgeringsplichtVoldaan or Mijlpaal.Ontheffing => 4,
                    _ => 0,
                };
                if (kans == 0 ? r.Next(3) == 0 : r.Next(kans) != 0) continue;
                datum = datum.AddDays(r.Next(120));
                feiten = feiten.Met(soort, datum);
            }

            var verwacht = LegalClock.Bereken(feiten).Single(t => t.Code == TermijnCode.PipVaststelling);
            var alleen = LegalClock.PipVaststellingNaAfsluiting(feiten);
            Assert.Equal(verwacht, alleen);
            if (feiten.Afsluiting is not null) gesloten++;
            if (alleen.Toelichting.StartsWith("Dossier afgesloten (", StringComparison.Ordinal)) voorPip++;
        }

        // Not vacuous: closed cases, and cases closed before a PIP was needed, are among them.
        Assert.InRange(gesloten, 500, 3_000);
        Assert.InRange(voorPip, 50, 3_000);
    }

    /// <summary>
    /// The explanations are made once per distinct input and shared (<c>Tekstcache</c>); they must stay exactly the texts
    /// the clock formatted in place before. 4,000 generated cases (every doelgroep, milestones at random dates from 2021 to
    /// 2026 so both versions of the PIP term and weekends and holidays come up, DUO's extension, bijstand, sent and unsent
    /// letters, municipal intervals of 1 to 12 months), each computed twice (the second time from the shared texts), and
    /// all their explanations hashed: the digest is the one of the clock before the texts were shared (commit 3897092).
    /// A deliberate change of a text changes it; the failure prints the new digest.
    /// </summary>
    [Fact]
    public void De_toelichtingen_zijn_die_van_de_klok_zonder_gedeelde_teksten()
    {
        var r = new Random(7122026);
        var soorten = Enum.GetValues<Mijlpaal>();
        var doelgroepen = Enum.GetValues<Doelgroep>();
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var verschillend = new HashSet<string>();
        for (var n = 0; n < 4_000; n++)
        {
            var basis = new DateOnly(2021, 1, 1).AddDays(r.Next(1_800));
            var feiten = new DossierFeiten
            {
                Doelgroep = doelgroepen[r.Next(doelgroepen.Length)],
                NogNietStartklaar = r.Next(3) == 0,
                LaatsteBeschikking = r.Next(3) == 0 ? basis.AddDays(r.Next(200)) : null,
                LaatsteBeschikkingNietVerzonden = r.Next(8) == 0,
                OntzorgenVerlengdTot = r.Next(5) == 0 ? basis.AddDays(r.Next(100, 500)) : null,
                OntzorgenAfgezien = r.Next(10) == 0,
            };
            var datum = basis;
            foreach (var soort in soorten)
            {
                if (r.Next(soort is Mijlpaal.Verhuisd or Mijlpaal.Uitgeschreven or Mijlpaal.InburgeringsplichtVoldaan or Mijlpaal.Ontheffing ? 5 : 2) != 0) continue;
                datum = soort == Mijlpaal.TermijnVerlengdTot ? datum.AddDays(r.Next(900, 1_400)) : datum.AddDays(r.Next(90));
                feiten = feiten.Met(soort, datum);
            }

            var instellingen = new ClockSettings
            {
                VoortgangsgesprekIntervalMaanden = r.Next(1, 13),
                HercontactIntervalMaanden = r.Next(1, 13),
                OntzorgenMaanden = r.Next(6, 13),
            };
            for (var keer = 0; keer < 2; keer++)
            {
                foreach (var t in LegalClock.Bereken(feiten, instellingen))
                {
                    hash.AppendData(System.Text.Encoding.UTF8.GetBytes(t.Toelichting + "\n"));
                    verschillend.Add(t.Toelichting);
                }
            }
        }

        // Not vacuous: thousands of different texts, from every template.
        Assert.InRange(verschillend.Count, 3_000, 24_000);
        var digest = Convert.ToHexString(hash.GetHashAndReset());
        Assert.True(digest == "F54754E10443861EDD53F1D6451B41C393F1885952CB37EFEE89AD8DD238ACE6", $"De toelichtingen zijn veranderd: digest {digest}");
    }
}

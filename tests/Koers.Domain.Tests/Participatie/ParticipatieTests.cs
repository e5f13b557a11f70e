using Koers.Domain.Dossier;
using Koers.Domain.Participatie;
using static Koers.Domain.Tests.TestFeiten;

namespace Koers.Domain.Tests.Participatie;

/// <summary>Measurement moments relative to an anchor, the questionnaire's answer check, and the participatieladder.</summary>
public sealed class ParticipatieTests
{
    private static readonly Participatieinstellingen Standaard = Participatieinstellingen.Standaard;

    [Theory]
    [InlineData(Meetanker.Huisvesting, "huisvesting (inschrijving BRP)")]
    [InlineData(Meetanker.BredeIntake, "brede intake afgerond")]
    [InlineData(Meetanker.Pip, "PIP vastgesteld")]
    public void In_een_zin_blijven_afkortingen_hoofdletters(Meetanker anker, string verwacht) => Assert.Equal(verwacht, anker.InZin());

    [Fact]
    public void Zonder_ankermoment_is_er_nog_geen_datum()
    {
        var momenten = Meetmomenten.Bepaal(Statushouder((Mijlpaal.Koppeling, "2026-01-05")), Standaard, new HashSet<int>(), D("2026-06-16"));
        Assert.Equal([0, 6, 12, 24], momenten.Select(m => m.Maanden));
        Assert.All(momenten, m => Assert.Equal(MeetmomentStatus.AnkerOnbekend, m.Status));
        Assert.All(momenten, m => Assert.Null(m.Datum));
    }

    [Theory]
    // Housing on 2025-12-10: the 6-month moment is due from 2026-06-10 up to the day before the 12-month one.
    [InlineData("2026-06-09", 0, MeetmomentStatus.Open)]
    [InlineData("2026-06-10", 0, MeetmomentStatus.Gemist)]
    [InlineData("2026-06-10", 6, MeetmomentStatus.Open)]
    [InlineData("2026-12-09", 6, MeetmomentStatus.Open)]
    [InlineData("2026-12-10", 6, MeetmomentStatus.Gemist)]
    [InlineData("2026-12-10", 12, MeetmomentStatus.Open)]
    [InlineData("2026-06-16", 24, MeetmomentStatus.NogNiet)]
    // The last moment stays open for six months.
    [InlineData("2028-06-09", 24, MeetmomentStatus.Open)]
    [InlineData("2028-06-10", 24, MeetmomentStatus.Gemist)]
    public void Een_moment_staat_open_van_zijn_datum_tot_het_volgende(string vandaag, int maanden, MeetmomentStatus verwacht)
    {
        var feiten = Statushouder((Mijlpaal.BrpInschrijving, "2025-12-10"));
        var moment = Meetmomenten.Bepaal(feiten, Standaard, new HashSet<int>(), D(vandaag)).Single(m => m.Maanden == maanden);
        Assert.Equal(verwacht, moment.Status);
        Assert.Equal(D("2025-12-10").AddMonths(maanden), moment.Datum);
        Assert.Contains("regels 83-88", moment.Bron.Reference, StringComparison.Ordinal);
    }

    [Fact]
    public void Een_gemeten_moment_is_gedaan_en_niet_meer_open()
    {
        var feiten = Statushouder((Mijlpaal.BrpInschrijving, "2025-12-10"));
        Assert.Equal(6, Meetmomenten.Open(feiten, Standaard, new HashSet<int> { 0 }, D("2026-06-16"))!.Maanden);
        Assert.Null(Meetmomenten.Open(feiten, Standaard, new HashSet<int> { 0, 6 }, D("2026-06-16")));
        Assert.Equal(MeetmomentStatus.Gedaan, Meetmomenten.Bepaal(feiten, Standaard, new HashSet<int> { 6 }, D("2026-06-16")).Single(m => m.Maanden == 6).Status);
    }

    [Fact]
    public void Het_anker_is_instelbaar_intake_of_pip()
    {
        var feiten = Statushouder((Mijlpaal.BrpInschrijving, "2025-12-10"), (Mijlpaal.BredeIntake, "2026-02-02"), (Mijlpaal.PipVastgesteld, "2026-03-20"));
        var intake = Standaard with { Anker = Meetanker.BredeIntake };
        var pip = Standaard with { Anker = Meetanker.Pip, Maanden = [3, 9] };
        Assert.Equal(D("2026-02-02"), Meetmomenten.Bepaal(feiten, intake, new HashSet<int>(), D("2026-06-16"))[0].Datum);
        var pipMomenten = Meetmomenten.Bepaal(feiten, pip, new HashSet<int>(), D("2026-06-16"));
        Assert.Equal([D("2026-06-20"), D("2026-12-20")], pipMomenten.Select(m => m.Datum!.Value));
        Assert.Equal(MeetmomentStatus.NogNiet, pipMomenten[0].Status);
    }

    [Fact]
    public void Na_afsluiting_vervallen_de_momenten()
    {
        var feiten = Statushouder((Mijlpaal.BrpInschrijving, "2025-12-10"), (Mijlpaal.Verhuisd, "2026-05-01"));
        var momenten = Meetmomenten.Bepaal(feiten, Standaard, new HashSet<int>(), D("2026-06-16"));
        Assert.Equal(MeetmomentStatus.Gemist, momenten[0].Status);
        Assert.All(momenten.Skip(1), m => Assert.Equal(MeetmomentStatus.Vervallen, m.Status));
    }

    [Theory]
    [InlineData(new int[0], "ten minste één")]
    [InlineData(new[] { 0, 6, 6 }, "één keer")]
    [InlineData(new[] { 0, 61 }, "tussen 0 en 60")]
    [InlineData(new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8 }, "Hoogstens 8")]
    public void Meetmomenten_van_de_beheerder_worden_gecontroleerd(int[] maanden, string melding)
    {
        var fouten = Meetmomenten.ControleerMaanden(maanden);
        Assert.Contains(fouten, f => f.Melding.Contains(melding, StringComparison.Ordinal));
        Assert.Empty(Meetmomenten.ControleerMaanden([0, 6, 12, 24]));
    }

    [Fact]
    public void Het_standaardinstrument_dekt_de_vijf_domeinen_in_alle_portaaltalen()
    {
        var lijst = Vragenlijsten.Standaard;
        Assert.Equal(Enum.GetValues<Participatiedomein>(), lijst.Vragen.Select(v => v.Domein).Distinct().Order());
        string[] talen = ["nl", "en", "ar", "fa", "ti", "tr", "uk"];
        // Every question, every answer and every domain heading in all seven portal languages (issue #22), each its own text.
        Assert.All(lijst.Vragen, v => Assert.Equal(talen.Order(), v.Teksten.Keys.Order()));
        Assert.All(lijst.Vragen, v => Assert.Equal(talen.Length, v.Teksten.Values.Distinct().Count()));
        Assert.All(lijst.Vragen.SelectMany(v => v.Opties), o => Assert.All(talen, t => Assert.True(o.HeeftTaal(t) && o.Tekst(t).Length > 0, $"{o.Waarde} {t}")));
        Assert.All(Enum.GetValues<Participatiedomein>(), d => Assert.Equal(talen.Length, talen.Select(t => d.Omschrijving(t)).Distinct().Count()));
        Assert.Equal(lijst.Vragen.Count, lijst.Vragen.Select(v => v.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(lijst.Vragen, v => Assert.Contains("seed 00", v.Bron.Reference, StringComparison.Ordinal));

        Assert.Equal(("هل لديك عمل مدفوع الأجر في الوقت الحالي؟", true), lijst.Vragen[0].Tekst("ar"));
        // A language the portal does not have: Dutch, marked as not translated.
        Assert.Equal(("Heeft u op dit moment betaald werk?", false), lijst.Vragen[0].Tekst("pl"));
        Assert.Equal(("Do you currently have paid work?", true), lijst.Vragen[0].Tekst("en"));
    }

    [Fact]
    public void Antwoorden_buiten_de_schaal_of_geen_enkel_antwoord_worden_geweigerd()
    {
        var lijst = Vragenlijsten.Standaard;
        Assert.Empty(Vragenlijsten.Controleer(lijst, new Dictionary<string, int?> { ["werk-betaald"] = 1, ["welbevinden-tevreden"] = null }));
        Assert.Contains(Vragenlijsten.Controleer(lijst, new Dictionary<string, int?> { ["werk-betaald"] = 3 }), f => f.Veld == "werk-betaald");
        Assert.Contains(Vragenlijsten.Controleer(lijst, new Dictionary<string, int?> { ["competentie-taal"] = 6 }), f => f.Veld == "competentie-taal");
        Assert.Contains(Vragenlijsten.Controleer(lijst, new Dictionary<string, int?> { ["bestaat-niet"] = 1 }), f => f.Melding.Contains("Onbekende vraag", StringComparison.Ordinal));
        Assert.Contains(Vragenlijsten.Controleer(lijst, new Dictionary<string, int?> { ["werk-betaald"] = null }), f => f.Melding.Contains("ten minste één", StringComparison.Ordinal));

        // A question the municipality switched off is not part of its instrument.
        var zonder = lijst.Zonder(["werk-opleiding"]);
        Assert.Contains(Vragenlijsten.Controleer(zonder, new Dictionary<string, int?> { ["werk-opleiding"] = 1 }), f => f.Veld == "werk-opleiding");
    }

    [Theory]
    [InlineData(null, 3, Beweging.Eerste)]
    [InlineData(2, 4, Beweging.Omhoog)]
    [InlineData(4, 4, Beweging.Gelijk)]
    [InlineData(5, 1, Beweging.Omlaag)]
    public void De_ladderbeweging_vergelijkt_met_de_vorige_score(int? vorige, int huidige, Beweging verwacht)
    {
        var b = Participatieladder.Beweging(vorige, huidige);
        Assert.Equal(verwacht, b.Beweging);
        Assert.Contains("603-610", b.Bron.Reference, StringComparison.Ordinal);
    }

    [Fact]
    public void De_standaardladder_heeft_zes_treden_en_de_beheerder_wordt_gecontroleerd()
    {
        Assert.Equal(["Geïsoleerd", "Sociale contacten buiten de deur", "Deelname georganiseerde activiteiten", "Onbetaald werk", "Betaald werk met ondersteuning", "Betaald werk"],
            Participatieladder.Standaard.Select(t => t.Naam));
        Assert.Equal([1, 2, 3, 4, 5, 6], Participatieladder.Standaard.Select(t => t.Niveau));
        Assert.Empty(Participatieladder.ControleerTreden(Participatieladder.Standaard.Select(t => t.Naam).ToList()));
        Assert.NotEmpty(Participatieladder.ControleerTreden(["Eén"]));
        Assert.NotEmpty(Participatieladder.ControleerTreden(["Eén", "eén"]));
        Assert.NotEmpty(Participatieladder.ControleerTreden(["Eén", " "]));
    }
}

using Koers.Domain.Handhaving;
using Koers.Domain.Sources;

namespace Koers.Domain.Tests.Handhaving;

/// <summary>Besluit inburgering 2021 art. 7.1 at its boundaries (text in docs/bronnen/BWBR0045555.md).</summary>
public class BoeteberekeningTests
{
    private static readonly DateOnly Constatering = new(2026, 6, 16);
    private const Verwijtbaarheid Opzet = Verwijtbaarheid.Opzet;

    private static EerdereBoete Taal(DateOnly constatering, decimal bedrag = 50m, bool onherroepelijk = true) =>
        new(PipVerplichting.Taal, constatering, bedrag, onherroepelijk);

    private static decimal Bedrag(Verwijtbaarheid? v, params EerdereBoete[] eerder) =>
        Boeteberekening.Bereken(PipVerplichting.Taal, Constatering, v, eerder).Bedrag;

    [Fact]
    public void Eerste_tweede_en_derde_boete_verdubbelen_vanaf_vijftig_euro()
    {
        Assert.Equal(50m, Bedrag(Opzet));
        Assert.Equal(100m, Bedrag(Opzet, Taal(new(2026, 3, 1))));
        var derde = Boeteberekening.Bereken(PipVerplichting.Taal, Constatering, Opzet, [Taal(new(2025, 9, 1)), Taal(new(2026, 3, 1), 100m)]);
        Assert.Equal(200m, derde.Bedrag);
        Assert.Equal(2, derde.Verhogingen);
        Assert.Contains("verhoogd met 100 procent tot € 200,00", derde.Toelichting[0]);
        Assert.Equal(Wet.BoeteBedrag, derde.Bronnen[0]); // statute first
    }

    [Fact]
    public void De_verhoging_stopt_bij_achthonderd_euro()
    {
        EerdereBoete[] vijf = [.. Enumerable.Range(1, 5).Select(m => Taal(new DateOnly(2026, m, 1)))];
        Assert.Equal(800m, Bedrag(Opzet, vijf[..4])); // 50 -> 100 -> 200 -> 400 -> 800
        Assert.Equal(800m, Bedrag(Opzet, vijf));
        Assert.Equal(400m, Bedrag(Opzet, vijf[..3]));
    }

    [Fact]
    public void Alleen_een_eerdere_overtreding_in_de_twaalf_maanden_ervoor_telt()
    {
        // The twelve months before 16 June 2026 start on 16 June 2025.
        Assert.Equal(100m, Bedrag(Opzet, Taal(new(2025, 6, 16))));
        Assert.Equal(50m, Bedrag(Opzet, Taal(new(2025, 6, 15))));
        // "voorafgaand aan de dag van constatering": the same day is not before it.
        Assert.Equal(50m, Bedrag(Opzet, Taal(Constatering)));
    }

    [Fact]
    public void Alleen_een_onherroepelijke_boete_voor_artikel_23_verhoogt()
    {
        Assert.Equal(50m, Bedrag(Opzet, Taal(new(2026, 3, 1), onherroepelijk: false)));
        Assert.Equal(50m, Bedrag(Opzet, new EerdereBoete(PipVerplichting.BredeIntakeEnPip, new(2026, 3, 1), 250m, true)));
    }

    [Theory]
    [InlineData(Verwijtbaarheid.Opzet, 100, 200)]
    [InlineData(Verwijtbaarheid.GroveSchuld, 75, 150)]
    [InlineData(Verwijtbaarheid.GeenOpzetOfGroveSchuld, 50, 100)]
    [InlineData(Verwijtbaarheid.Verminderd, 25, 50)]
    public void De_verwijtbaarheid_bepaalt_het_percentage_van_het_verhoogde_bedrag(Verwijtbaarheid v, int percentage, decimal verwacht)
    {
        var b = Boeteberekening.Bereken(PipVerplichting.Knm, Constatering, v, [Taal(new(2025, 12, 1)), Taal(new(2026, 2, 1), 100m)]);
        Assert.Equal(percentage, b.Percentage);
        Assert.Equal(200m, b.Basisbedrag);
        Assert.Equal(verwacht, b.Bedrag);
        Assert.Contains($"{percentage} procent", b.Toelichting[1]);
    }

    [Fact]
    public void Een_eerste_boete_zonder_opzet_of_grove_schuld_is_vijfentwintig_euro()
    {
        Assert.Equal(25m, Bedrag(Verwijtbaarheid.GeenOpzetOfGroveSchuld));
        Assert.Equal(12.5m, Bedrag(Verwijtbaarheid.Verminderd));
    }

    [Fact]
    public void Artikel_23_zonder_verwijtbaarheid_kan_niet_worden_berekend() =>
        Assert.Throws<ArgumentException>(() => Bedrag(null));

    [Fact]
    public void De_brede_intake_heeft_een_vast_bedrag_zonder_percentage()
    {
        var b = Boeteberekening.Bereken(PipVerplichting.BredeIntakeEnPip, Constatering, null, [Taal(new(2026, 3, 1))]);
        Assert.Equal(250m, b.Bedrag);
        Assert.Equal(100, b.Percentage);
        Assert.Equal(Wet.BoeteBedragBredeIntake, b.Bronnen[0]);
    }

    [Fact]
    public void Samen_hoogstens_tweeduizend_vierhonderd_euro_in_de_termijn()
    {
        // Earlier boetes of 2,300 (outside the twelve months, so no raise): 100 is left of 2,400.
        EerdereBoete[] eerder = [Taal(new(2024, 1, 1), 800m), Taal(new(2024, 3, 1), 800m), Taal(new(2024, 5, 1), 700m)];
        Assert.Equal(50m, Bedrag(Opzet, eerder));
        var intake = Boeteberekening.Bereken(PipVerplichting.BredeIntakeEnPip, Constatering, null, eerder);
        Assert.Equal(100m, intake.Bedrag);
        Assert.True(intake.DoorTotaalBegrensd);
        Assert.Contains("ten hoogste € 2.400,00", intake.Toelichting[^1]);

        EerdereBoete[] vol = [.. eerder, Taal(new(2024, 7, 1), 100m)];
        var geen = Boeteberekening.Bereken(PipVerplichting.Taal, Constatering, Opzet, vol);
        Assert.Equal(0m, geen.Bedrag);
        Assert.Contains("art. 7.1 lid 5", Boeteberekening.BovenWettelijk(null, geen));

        EerdereBoete[] bijna = [.. eerder, Taal(new(2024, 7, 1), 99m)];
        Assert.Equal(1m, Bedrag(Opzet, bijna));
    }

    [Fact]
    public void Een_ladderbedrag_boven_het_wettelijke_wordt_geweigerd_met_het_artikel()
    {
        var wettelijk = Boeteberekening.Bereken(PipVerplichting.Taal, Constatering, Verwijtbaarheid.GroveSchuld, []);
        Assert.Equal(37.5m, wettelijk.Bedrag);
        Assert.Null(Boeteberekening.BovenWettelijk(null, wettelijk));
        Assert.Null(Boeteberekening.BovenWettelijk(37.5m, wettelijk));
        var fout = Boeteberekening.BovenWettelijk(37.51m, wettelijk);
        Assert.NotNull(fout);
        Assert.Contains("artikel 7.1, vierde lid", fout);
    }
}

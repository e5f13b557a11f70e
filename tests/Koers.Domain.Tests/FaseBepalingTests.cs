using Koers.Domain.Dossier;
using static Koers.Domain.Tests.TestFeiten;

namespace Koers.Domain.Tests;

public class FaseBepalingTests
{
    /// <summary>A complete, ongoing klantreis in the order the milestones normally happen.</summary>
    private static readonly (Mijlpaal Mijlpaal, string Datum)[] Klantreis =
    [
        (Mijlpaal.Koppeling, "2026-01-10"),
        (Mijlpaal.WarmeOverdracht, "2026-01-20"),
        (Mijlpaal.BrpInschrijving, "2026-02-01"),
        (Mijlpaal.BredeIntake, "2026-02-15"),
        (Mijlpaal.PipVastgesteld, "2026-03-15"),
        (Mijlpaal.StartLeerroute, "2026-04-01"),
        (Mijlpaal.EindgesprekOfExamens, "2028-12-01"),
    ];

    [Fact]
    public void Zonder_mijlpalen_aangemeld()
    {
        Assert.Equal(Fase.Aangemeld, FaseBepaling.Bepaal(Statushouder()));
    }

    [Theory]
    [InlineData(Mijlpaal.StartBijstand)]
    [InlineData(Mijlpaal.LaatsteContact)]
    [InlineData(Mijlpaal.TermijnVerlengdTot)]
    [InlineData(Mijlpaal.LaatsteVoortgangsgesprek)]
    public void Mijlpalen_die_geen_fase_bepalen_laten_het_dossier_aangemeld(Mijlpaal mijlpaal)
    {
        Assert.Equal(Fase.Aangemeld, FaseBepaling.Bepaal(Statushouder((mijlpaal, "2026-01-01"))));
    }

    [Theory]
    [InlineData(1, Fase.Gekoppeld)]
    [InlineData(2, Fase.WarmeOverdracht)]
    [InlineData(3, Fase.Gevestigd)]
    [InlineData(4, Fase.Intake)]
    [InlineData(5, Fase.PipVastgesteld)]
    [InlineData(6, Fase.InUitvoering)]
    [InlineData(7, Fase.Eindfase)]
    public void Elke_stap_in_de_klantreis_geeft_de_volgende_fase(int aantalMijlpalen, Fase verwacht)
    {
        var feiten = Statushouder(Klantreis.Take(aantalMijlpalen).ToArray());

        Assert.Equal(verwacht, FaseBepaling.Bepaal(feiten));
        Assert.False(verwacht.IsAfgesloten());
    }

    [Fact]
    public void Fasen_van_de_klantreis_volgen_de_doorloop()
    {
        var fasen = Enumerable.Range(0, Klantreis.Length + 1)
            .Select(n => FaseBepaling.Bepaal(Statushouder(Klantreis.Take(n).ToArray())))
            .ToList();

        Assert.Equal(FaseBepaling.Doorloop.Take(fasen.Count), fasen);
    }

    [Theory]
    [InlineData(Mijlpaal.Koppeling, Fase.Gekoppeld)]
    [InlineData(Mijlpaal.WarmeOverdracht, Fase.WarmeOverdracht)]
    [InlineData(Mijlpaal.BrpInschrijving, Fase.Gevestigd)]       // e.g. a gezinsmigrant: no COA koppeling
    [InlineData(Mijlpaal.BredeIntake, Fase.Intake)]
    [InlineData(Mijlpaal.Leerbaarheidstoets, Fase.Intake)]
    [InlineData(Mijlpaal.PipVastgesteld, Fase.PipVastgesteld)]
    [InlineData(Mijlpaal.StartLeerroute, Fase.InUitvoering)]
    [InlineData(Mijlpaal.EindgesprekOfExamens, Fase.Eindfase)]
    public void Een_enkele_mijlpaal_bepaalt_de_fase(Mijlpaal mijlpaal, Fase verwacht)
    {
        Assert.Equal(verwacht, FaseBepaling.Bepaal(Feiten(Doelgroep.Gezinsmigrant, (mijlpaal, "2026-02-01"))));
    }

    [Fact]
    public void Verste_mijlpaal_telt_ook_als_eerdere_ontbreken()
    {
        // Intake without BRP yet (still in the azc): the intake counts, not the missing BRP.
        var feiten = Statushouder((Mijlpaal.Koppeling, "2026-01-10"), (Mijlpaal.Leerbaarheidstoets, "2026-01-25"));

        Assert.Equal(Fase.Intake, FaseBepaling.Bepaal(feiten));
    }

    [Theory]
    [InlineData(Mijlpaal.InburgeringsplichtVoldaan, Fase.Voldaan)]
    [InlineData(Mijlpaal.Ontheffing, Fase.Ontheven)]
    [InlineData(Mijlpaal.Verhuisd, Fase.Verhuisd)]
    [InlineData(Mijlpaal.Uitgeschreven, Fase.Uitgeschreven)]
    public void Afsluiting_gaat_voor_elke_andere_mijlpaal(Mijlpaal afsluiting, Fase verwacht)
    {
        var feiten = Statushouder(Klantreis).Met(afsluiting, D("2029-01-15"));

        var fase = FaseBepaling.Bepaal(feiten);

        Assert.Equal(verwacht, fase);
        Assert.True(fase.IsAfgesloten());
    }

    [Theory]
    [InlineData(Mijlpaal.Verhuisd, Fase.Verhuisd)]
    [InlineData(Mijlpaal.Uitgeschreven, Fase.Uitgeschreven)]
    public void Afsluiting_zonder_andere_mijlpalen(Mijlpaal afsluiting, Fase verwacht)
    {
        Assert.Equal(verwacht, FaseBepaling.Bepaal(Statushouder((afsluiting, "2026-01-15"))));
    }

    [Fact]
    public void Afsluiting_ongedaan_maken_brengt_de_lopende_fase_terug()
    {
        var afgesloten = Statushouder(Klantreis.Take(5).ToArray()).Met(Mijlpaal.Verhuisd, D("2026-06-01"));
        var heropend = afgesloten.Met(Mijlpaal.Verhuisd, null);

        Assert.Equal(Fase.Verhuisd, FaseBepaling.Bepaal(afgesloten));
        Assert.Equal(Fase.PipVastgesteld, FaseBepaling.Bepaal(heropend));
    }

    [Fact]
    public void Afsluiting_geeft_soort_en_datum()
    {
        var feiten = Statushouder((Mijlpaal.Koppeling, "2026-01-10"), (Mijlpaal.Ontheffing, "2026-05-01"));

        Assert.Equal((Mijlpaal.Ontheffing, D("2026-05-01")), feiten.Afsluiting);
        Assert.Null(Statushouder((Mijlpaal.Koppeling, "2026-01-10")).Afsluiting);
    }

    [Fact]
    public void Alleen_de_vier_eindfasen_zijn_afgesloten()
    {
        var afgesloten = Enum.GetValues<Fase>().Where(f => f.IsAfgesloten()).ToHashSet();

        Assert.Equal(new HashSet<Fase> { Fase.Voldaan, Fase.Ontheven, Fase.Verhuisd, Fase.Uitgeschreven }, afgesloten);
    }

    [Fact]
    public void Doorloop_begint_bij_aangemeld_en_eindigt_bij_voldaan_zonder_dubbele_fasen()
    {
        Assert.Equal(Fase.Aangemeld, FaseBepaling.Doorloop[0]);
        Assert.Equal(Fase.Voldaan, FaseBepaling.Doorloop[^1]);
        Assert.Equal(FaseBepaling.Doorloop.Count, FaseBepaling.Doorloop.Distinct().Count());
    }

    [Fact]
    public void Elke_fase_heeft_een_eigen_omschrijving()
    {
        var omschrijvingen = Enum.GetValues<Fase>().Select(f => f.Omschrijving()).ToList();

        Assert.Equal(omschrijvingen.Count, omschrijvingen.Distinct().Count());
        Assert.DoesNotContain(omschrijvingen, string.IsNullOrWhiteSpace);
    }
}

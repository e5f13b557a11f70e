using Koers.Domain.Dossier;
using Koers.Domain.Intake;
using Koers.Domain.Monitor;
using static Koers.Domain.Tests.TestFeiten;

namespace Koers.Domain.Tests.Monitor;

public class SpecifiekeUitkeringTests
{
    /// <summary>The table of the Dongemond framework, regels 1509-1528.</summary>
    private static UitkeringsRegels Regels(int jaar = 2026) => new()
    {
        Jaar = jaar,
        Bedragen =
        [
            new(Budgetcomponent.Leerroutes, 10000, 0),
            new(Budgetcomponent.Map, 136, 195),
            new(Budgetcomponent.MaatschappelijkeBegeleiding, 1944, 0),
            new(Budgetcomponent.Pvt, 216, 216),
            new(Budgetcomponent.Tolkvoorziening, 417, 179),
        ],
        Prestatieaandeel = 0.10m,
    };

    [Fact]
    public void Basis_is_aantal_maal_bedrag_per_component()
    {
        var r = SpecifiekeUitkering.Bereken(Regels(2025), 2025, asielmigranten: 3, gezinsmigranten: 2, prestatieCohort: 0, prestatieVoldaan: 0, meegenomen: 1000);

        Assert.Equal(30000m, r.PerComponent.Single(c => c.Component == Budgetcomponent.Leerroutes).Totaal);
        Assert.Equal(3 * 136m + 2 * 195m, r.PerComponent.Single(c => c.Component == Budgetcomponent.Map).Totaal);
        Assert.Equal(3 * 12713m + 2 * 590m, r.Basis);
        Assert.False(r.PrestatieVanToepassing);
        Assert.Equal(r.Basis, r.VerwachteUitkering);
        Assert.Equal(r.Basis + 1000, r.Beschikbaar);
    }

    [Fact]
    public void Vanaf_2026_hangt_tien_procent_af_van_het_resultaat_van_t_min_2()
    {
        var r = SpecifiekeUitkering.Bereken(Regels(), 2026, asielmigranten: 2, gezinsmigranten: 1, prestatieCohort: 4, prestatieVoldaan: 3, meegenomen: 5000);

        Assert.Equal(26016m, r.Basis);
        Assert.True(r.PrestatieVanToepassing);
        Assert.Equal(2024, r.PrestatieJaar);
        Assert.Equal(2601.60m, r.PrestatieMaximaal);
        Assert.Equal(23414.40m, r.VastDeel);
        Assert.Equal(0.75m, r.PrestatieResultaat);
        Assert.Equal(1951.20m, r.PrestatieVerwacht);
        Assert.Equal(25365.60m, r.VerwachteUitkering);
        Assert.Equal(30365.60m, r.Beschikbaar);
    }

    [Fact]
    public void Zonder_cohort_in_t_min_2_is_het_prestatiedeel_onbekend()
    {
        var r = SpecifiekeUitkering.Bereken(Regels(), 2026, 1, 0, 0, 0, 0);

        Assert.Null(r.PrestatieResultaat);
        Assert.Null(r.PrestatieVerwacht);
        Assert.Equal(r.VastDeel, r.VerwachteUitkering);
    }

    [Fact]
    public void Meer_geslaagden_dan_cohort_kan_niet() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SpecifiekeUitkering.Bereken(Regels(), 2026, 1, 0, 2, 3, 0));

    [Theory]
    [InlineData(Doelgroep.Asielstatushouder, Uitkeringsgroep.Asielmigrant)]
    [InlineData(Doelgroep.Nareiziger, Uitkeringsgroep.Asielmigrant)]
    [InlineData(Doelgroep.Gezinsmigrant, Uitkeringsgroep.Gezinsmigrant)]
    [InlineData(Doelgroep.OverigeMigrant, null)]
    [InlineData(Doelgroep.Ondertussengroep, null)]
    [InlineData(Doelgroep.Vrijgesteld, null)]
    public void Doelgroep_bepaalt_de_kolom_van_de_tabel(Doelgroep doelgroep, Uitkeringsgroep? groep) =>
        Assert.Equal(groep, SpecifiekeUitkering.Groep(doelgroep));
}

public class LbtVergelijkingTests
{
    private static LbtFeiten Toets(string afgenomen, int score, int? duo = null) => new() { Afgenomen = D(afgenomen), Score = score, CesuurVolgensDuo = duo };

    [Theory]
    [InlineData(30, Leerroute.B1Route, LbtVergelijking.Conform)]
    [InlineData(30, Leerroute.Onderwijsroute, LbtVergelijking.Conform)]
    [InlineData(30, Leerroute.ZRoute, LbtVergelijking.AfwijkingOmlaag)]
    [InlineData(28, Leerroute.ZRoute, LbtVergelijking.AfwijkingOmlaag)]
    [InlineData(27, Leerroute.ZRoute, LbtVergelijking.Conform)]
    [InlineData(27, Leerroute.B1Route, LbtVergelijking.AfwijkingOmhoog)]
    [InlineData(10, Leerroute.Onderwijsroute, LbtVergelijking.AfwijkingOmhoog)]
    public void Route_tegenover_de_toets_volgens_de_evaluatie(int score, Leerroute route, LbtVergelijking verwacht)
    {
        var toets = Toets("2025-03-01", score);
        Assert.Equal(verwacht, LbtVergelijkingRegels.Vergelijk(route, toets));
        // Agrees with the PIP rule: every deviation is one LbtRegels.WijktAf reports, and only those.
        Assert.Equal(verwacht is LbtVergelijking.AfwijkingOmhoog or LbtVergelijking.AfwijkingOmlaag, LbtRegels.WijktAf(route, toets));
    }

    [Fact]
    public void De_cesuur_van_de_afnamedatum_en_van_duo_telt()
    {
        Assert.Equal(LbtVergelijking.AfwijkingOmhoog, LbtVergelijkingRegels.Vergelijk(Leerroute.B1Route, Toets("2023-04-11", 30))); // cesuur 31
        Assert.Equal(LbtVergelijking.Conform, LbtVergelijkingRegels.Vergelijk(Leerroute.B1Route, Toets("2023-04-12", 28)));       // cesuur 28
        Assert.Equal(LbtVergelijking.AfwijkingOmhoog, LbtVergelijkingRegels.Vergelijk(Leerroute.B1Route, Toets("2025-01-01", 29, duo: 30)));
    }

    [Fact]
    public void Zonder_uitslag_is_er_niets_om_van_af_te_wijken()
    {
        Assert.Equal(LbtVergelijking.GeenUitslag, LbtVergelijkingRegels.Vergelijk(Leerroute.ZRoute, null));
        Assert.Equal(LbtVergelijking.GeenUitslag, LbtVergelijkingRegels.Vergelijk(Leerroute.B1Route, new LbtFeiten { Overgeslagen = true, RedenOverslaan = "x" }));
        Assert.Equal(LbtVergelijking.GeenUitslag, LbtVergelijkingRegels.Vergelijk(Leerroute.B1Route, new LbtFeiten { Score = 30 }));
    }
}

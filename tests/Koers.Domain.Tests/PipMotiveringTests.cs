using Koers.Domain.Dossier;
using Koers.Domain.Intake;
using Koers.Domain.Pip;

namespace Koers.Domain.Tests;

/// <summary>The motivation of the PIP beschikking follows from the recorded facts, and changes when they change.</summary>
public class PipMotiveringTests
{
    private static readonly PipInhoud B1 = new() { Leerroute = Leerroute.B1Route, Map = true, Pvt = true, Hoofddoel = Hoofddoel.BetaaldWerken, Ontzorgen = true };

    private static LbtFeiten Toets(int score) => new() { Afgenomen = new DateOnly(2026, 5, 6), Score = score };

    private static Dictionary<Leefgebied, IReadOnlyDictionary<string, string?>> Intake(params (Leefgebied, string, string)[] antwoorden) =>
        antwoorden.GroupBy(a => a.Item1).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, string?>)g.ToDictionary(a => a.Item2, a => (string?)a.Item3));

    [Theory]
    [InlineData(31, "31 van de 40 vragen goed", "Dat is bij u zo. Daarom volgt u de B1-route.")]
    [InlineData(28, "28 van de 40 vragen goed", "Dat is bij u zo. Daarom volgt u de B1-route.")]
    public void Toets_boven_de_cesuur_motiveert_de_B1_route_met_de_score(int score, string scoreZin, string gevolg)
    {
        var redenen = PipMotivering.Redenen(B1, Toets(score), Intake(), Doelgroep.Asielstatushouder);

        Assert.Contains(redenen, r => r.Contains(scoreZin) && r.Contains("Vanaf 28 goed") && r.Contains(gevolg));
    }

    [Fact]
    public void Z_route_onder_de_cesuur_is_conform_en_afwijking_verwijst_naar_de_reden()
    {
        var z = B1 with { Leerroute = Leerroute.ZRoute };
        Assert.Contains(PipMotivering.Redenen(z, Toets(20), Intake(), Doelgroep.Asielstatushouder), r => r.Contains("20 van de 40") && r.Contains("Daarom volgt u de Z-route"));
        Assert.Contains(PipMotivering.Redenen(z, Toets(33), Intake(), Doelgroep.Asielstatushouder), r => r.Contains("Toch kiezen wij voor de Z-route"));
    }

    [Fact]
    public void Intakefeiten_komen_in_de_motivering_met_hun_eigen_waarden()
    {
        var intake = Intake(
            (Leefgebied.Opleiding, "hoogsteOpleiding", "mbo/vakopleiding"), (Leefgebied.Opleiding, "jarenOnderwijs", "11"),
            (Leefgebied.Werkervaring, "werkervaringHerkomst", "ja"), (Leefgebied.Werkervaring, "beroep", "kok"), (Leefgebied.Werkervaring, "jarenWerkervaring", "6"),
            (Leefgebied.Gezinssituatie, "aantalKinderen", "2"), (Leefgebied.Gezinssituatie, "kinderopvangNodig", "ja"),
            (Leefgebied.Leerbaarheid, "belastbaarheidUrenPerWeek", "16"),
            (Leefgebied.MentaleGezondheid, "signalenPsychischeKlachten", "ja"), (Leefgebied.MentaleGezondheid, "toelichting", "nachtmerries"));

        var redenen = PipMotivering.Redenen(B1, Toets(30), intake, Doelgroep.Asielstatushouder);
        var tekst = string.Join(" ", redenen);

        Assert.Contains("hoogst gevolgde opleiding mbo/vakopleiding, 11 jaar onderwijs", tekst);
        Assert.Contains("als kok, 6 jaar. Dat past bij uw hoofddoel: betaald werken.", tekst);
        Assert.Contains("U zorgt voor 2 kinderen. U heeft kinderopvang nodig", tekst);
        Assert.Contains("ongeveer 16 uur per week", tekst);
        Assert.Contains("over uw gezondheid gesproken", tekst);
        Assert.DoesNotContain("nachtmerries", tekst); // health details stay out of the letter
        Assert.Contains("asielstatushouder of nareiziger en krijgt bijstand", tekst);

        // Other facts, other sentences: nothing is fixed text.
        var ander = string.Join(" ", PipMotivering.Redenen(B1 with { Ontzorgen = false }, Toets(30),
            Intake((Leefgebied.Gezinssituatie, "aantalKinderen", "0"), (Leefgebied.Werkervaring, "werkervaringHerkomst", "nee")), Doelgroep.Gezinsmigrant));
        Assert.DoesNotContain("kinderen", ander);
        Assert.DoesNotContain("kok", ander);
        Assert.DoesNotContain("ontzorgen", ander);
    }

    [Fact]
    public void Overgeslagen_toets_noemt_de_reden()
    {
        var redenen = PipMotivering.Redenen(B1, new LbtFeiten { Overgeslagen = true, RedenOverslaan = "Blind; toets niet aangepast beschikbaar." }, Intake(), Doelgroep.Asielstatushouder);

        Assert.Contains(redenen, r => r.Contains("niet afgenomen (Blind; toets niet aangepast beschikbaar)"));
    }

    [Fact]
    public void Grondslag_noemt_artikelnummers()
    {
        Assert.Contains("artikelen 14, 15 en 16 van de Wet inburgering 2021", PipMotivering.GrondslagZin);
        Assert.Contains("artikelen 5.2 en 5.3 van het Besluit inburgering 2021", PipMotivering.GrondslagZin);
        Assert.All(PipMotivering.Grondslag, c => Assert.False(string.IsNullOrWhiteSpace(c.Reference)));
    }
}

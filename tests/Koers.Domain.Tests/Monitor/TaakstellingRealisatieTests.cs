using Koers.Domain.Monitor;

namespace Koers.Domain.Tests.Monitor;

public class TaakstellingRealisatieTests
{
    // 26 statushouders in the first half of 2026: one month is 26/6 = 4.333…, shown as 4,33.
    private static readonly Dictionary<Halfjaar, int> Doel = new() { [new Halfjaar(2026, 1)] = 26 };

    [Theory]
    [InlineData(11, "253.8")] // from the rounded 4.33 it would read 254.0
    [InlineData(13, "300.0")] // from the rounded 4.33 it would read 300.2
    public void Realisatie_rekent_met_de_onafgeronde_taakstelling(int instroom, string verwacht)
    {
        var taak = Taakstelling.NaarRato(Doel, Periode.Maand(2026, 3));

        Assert.Equal(decimal.Parse(verwacht, System.Globalization.CultureInfo.InvariantCulture), Taakstelling.Realisatie(instroom, taak));
        Assert.NotEqual(Taakstelling.Realisatie(instroom, Math.Round(taak!.Value, 2)), Taakstelling.Realisatie(instroom, taak));
    }

    [Fact]
    public void Zonder_taakstelling_geen_realisatie()
    {
        Assert.Null(Taakstelling.Realisatie(5, null));
        Assert.Null(Taakstelling.Realisatie(5, 0));
    }
}

using Koers.Domain.Pip;

namespace Koers.Domain.Tests.Duo;

/// <summary>Withdrawing the PIP: a reason, the first PIP only, and not once DUO set the termijn (DUO's delete conditions).</summary>
public sealed class PipIntrekkingTests
{
    private const string Reden = "Bezwaar gegrond verklaard.";

    [Fact]
    public void Eerste_PIP_met_reden_voor_DUOs_termijn_mag() => Assert.Empty(PipIntrekking.Controleer(new(true, true, false, Reden)));

    [Theory]
    [InlineData(true, true, false, "kort", "Reden", "minstens 10 tekens")]
    [InlineData(false, true, false, Reden, "Pip", "geen vastgesteld PIP")]
    [InlineData(true, false, false, Reden, "Pip", "bijstelling")]
    [InlineData(true, true, true, Reden, "Pip", "DUO heeft de inburgeringstermijn al vastgesteld")]
    public void Geweigerd(bool pip, bool eerste, bool duoTermijn, string reden, string veld, string verwacht)
    {
        var fouten = PipIntrekking.Controleer(new(pip, eerste, duoTermijn, reden));
        Assert.Contains(fouten, f => f.Veld == veld && f.Melding.Contains(verwacht, StringComparison.Ordinal));
    }

    [Fact]
    public void DUOs_voorwaarden_noemen_DUO_als_bron() =>
        Assert.All(PipIntrekking.Controleer(new(true, true, true, Reden)), f => Assert.Equal(PipIntrekking.DuoVerwijderen, f.Bron));
}

using Koers.Domain.Clock;
using Koers.Domain.Dossier;

namespace Koers.Domain.Tests;

public sealed class OntzorgenKlokTests
{
    private static DossierFeiten Feiten(DateOnly? verlengd = null, bool afgezien = false) => new DossierFeiten
    {
        Doelgroep = Doelgroep.Asielstatushouder,
        OntzorgenVerlengdTot = verlengd,
        OntzorgenAfgezien = afgezien,
    }.Met(Mijlpaal.StartBijstand, new DateOnly(2026, 1, 15));

    [Fact]
    public void Verlenging_schuift_het_einde_op() =>
        Assert.Equal(new DateOnly(2026, 10, 31), LegalClock.OntzorgenEinde(Feiten(new DateOnly(2026, 10, 31)), ClockSettings.Default).Vervaldatum);

    [Fact]
    public void Verlenging_voor_het_wettelijke_einde_verkort_niet() =>
        Assert.Equal(new DateOnly(2026, 7, 14), LegalClock.OntzorgenEinde(Feiten(new DateOnly(2026, 5, 1)), ClockSettings.Default).Vervaldatum);

    [Fact]
    public void Afzien_maakt_de_termijn_niet_van_toepassing()
    {
        var termijn = LegalClock.OntzorgenEinde(Feiten(afgezien: true), ClockSettings.Default);
        Assert.Equal(TermijnStatus.NietVanToepassing, termijn.Status(new DateOnly(2026, 3, 1)));
        Assert.Contains("af te zien", termijn.Toelichting);
    }
}

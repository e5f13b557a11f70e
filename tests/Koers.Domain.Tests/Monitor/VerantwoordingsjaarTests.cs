using Koers.Domain.Monitor;
using static Koers.Domain.Tests.TestFeiten;

namespace Koers.Domain.Tests.Monitor;

public class VerantwoordingsjaarTests
{
    [Theory]
    [InlineData("2026-01-01", 2025)]
    [InlineData("2026-03-31", 2025)]
    [InlineData("2026-04-01", 2026)]
    [InlineData("2026-12-31", 2026)]
    public void In_het_eerste_kwartaal_is_het_vorige_jaar_de_standaard(string vandaag, int jaar) =>
        Assert.Equal(jaar, Verantwoordingsjaar.Standaard(D(vandaag)));

    [Fact]
    public void Perioden_over_de_jaargrens_tellen_in_het_jaar_waarin_ze_beginnen_en_samen_precies_eenmaal()
    {
        // Monthly from 15 Nov 2025 to 16 Jun 2026: periods begin 15 Nov, 15 Dec (2025) and 15 Jan … 15 Jun (2026).
        Assert.Equal(2, Verantwoordingsjaar.PeriodenIn(2025, D("2025-11-15"), D("2026-06-16"), 1));
        Assert.Equal(6, Verantwoordingsjaar.PeriodenIn(2026, D("2025-11-15"), D("2026-06-16"), 1));
        Assert.Equal(0, Verantwoordingsjaar.PeriodenIn(2024, D("2025-11-15"), D("2026-06-16"), 1));
        // Quarterly from 1 Dec 2025: 1 Dec (2025), 1 Mar and 1 Jun (2026).
        Assert.Equal(1, Verantwoordingsjaar.PeriodenIn(2025, D("2025-12-01"), D("2026-06-16"), 3));
        Assert.Equal(2, Verantwoordingsjaar.PeriodenIn(2026, D("2025-12-01"), D("2026-06-16"), 3));
        // An end before the start still counts the first period (as the whole-trajectory count does).
        Assert.Equal(1, Verantwoordingsjaar.PeriodenIn(2026, D("2026-05-01"), D("2026-04-01"), 1));
    }
}

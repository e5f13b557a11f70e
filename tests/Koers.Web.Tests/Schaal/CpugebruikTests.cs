using Koers.Bench;

namespace Koers.Web.Tests.Schaal;

/// <summary>
/// The benchmark's CPU column (who had the cores while a scenario was measured): /proc/stat's first line and Koers's own
/// CPU counter, turned into shares of all cores. Made-up lines, so every share is known exactly.
/// </summary>
public sealed class CpugebruikTests
{
    [Fact]
    public void Leest_de_cpu_regel_zonder_gasttijd_dubbel_te_tellen()
    {
        // user nice system idle iowait irq softirq steal guest guest_nice: guest (500) is already inside user.
        var t = Cpugebruik.Lees("cpu  1000 10 200 5000 40 0 30 20 500 0");
        Assert.NotNull(t);
        Assert.Equal(6300, t.Totaal);
        Assert.Equal(6300 - 5000 - 40, t.Bezig);
        Assert.Equal(20, t.Gestolen);
        Assert.Null(Cpugebruik.Lees("cpu0 1 2 3 4 5 6 7 8 9 10"));
        Assert.Null(Cpugebruik.Lees("intr 1 2 3"));
    }

    [Fact]
    public void Deelt_de_kernen_tussen_Koers_de_rest_en_gestolen_tijd()
    {
        // 20 s on 2 cores = 4,000 ticks; 1,400 busy of which 100 stolen; Koers 6 s = 600 ticks: the rest is 700.
        var begin = new Meterstand(10, 1, 100, new Cpugebruik.Ticks(10_000, 3_000, 50));
        var eind = new Meterstand(10.5, 1.2, 106, new Cpugebruik.Ticks(14_000, 4_400, 150));
        var u = Cpugebruik.Tussen(begin, eind);
        Assert.NotNull(u);
        Assert.Equal(15, u.KoersPct, 6);
        Assert.Equal(17.5, u.RestPct, 6);
        Assert.Equal(2.5, u.GestolenPct, 6);
    }

    [Fact]
    public void Zonder_machine_of_Koers_teller_geen_cijfer()
    {
        var met = new Meterstand(1, null, 5, new Cpugebruik.Ticks(100, 50, 0));
        Assert.Null(Cpugebruik.Tussen(met with { Machine = null }, met));
        Assert.Null(Cpugebruik.Tussen(met, met with { KoersCpuS = null }));
        Assert.Null(Cpugebruik.Tussen(null, met));
        Assert.Null(Cpugebruik.Tussen(met, met)); // no ticks passed
    }
}

using Koers.Domain.Monitor;
using static Koers.Domain.Tests.TestFeiten;

namespace Koers.Domain.Tests.Monitor;

public class PeriodeTests
{
    [Theory]
    [InlineData(1, "2026-01-01", "2026-03-31")]
    [InlineData(2, "2026-04-01", "2026-06-30")]
    [InlineData(3, "2026-07-01", "2026-09-30")]
    [InlineData(4, "2026-10-01", "2026-12-31")]
    public void Kwartalen_lopen_van_de_eerste_tot_en_met_de_laatste_dag(int kwartaal, string van, string tot)
    {
        var p = Periode.Kwartaal(2026, kwartaal);
        Assert.Equal(D(van), p.Van);
        Assert.Equal(D(tot), p.Tot);
        Assert.Equal($"{kwartaal}e kwartaal 2026", p.Omschrijving);
    }

    [Fact]
    public void Februari_in_een_schrikkeljaar_heeft_29_dagen()
    {
        var p = Periode.Maand(2024, 2);
        Assert.Equal(D("2024-02-29"), p.Tot);
        Assert.Equal(29, p.Dagen);
        Assert.Equal("februari 2024", p.Omschrijving);
    }

    [Theory]
    [InlineData("2025-01-01", "2025-12-31", PeriodeSoort.Jaar)]
    [InlineData("2025-04-01", "2025-06-30", PeriodeSoort.Kwartaal)]
    [InlineData("2025-03-01", "2025-03-31", PeriodeSoort.Maand)]
    [InlineData("2025-02-01", "2025-04-30", PeriodeSoort.Eigen)]
    [InlineData("2025-01-05", "2025-02-05", PeriodeSoort.Eigen)]
    public void Een_eigen_periode_die_een_jaar_kwartaal_of_maand_is_heet_ook_zo(string van, string tot, PeriodeSoort soort) =>
        Assert.Equal(soort, Periode.Eigen(D(van), D(tot)).Soort);

    [Fact]
    public void Einde_voor_begin_kan_niet() =>
        Assert.Throws<ArgumentException>(() => Periode.Eigen(D("2025-02-01"), D("2025-01-31")));

    [Fact]
    public void Maanden_zijn_de_vakken_van_een_trend_afgekapt_op_de_periode()
    {
        var vakken = Periode.Eigen(D("2025-01-15"), D("2025-03-10")).Maanden();

        Assert.Equal(3, vakken.Count);
        Assert.Equal((D("2025-01-15"), D("2025-01-31")), (vakken[0].Van, vakken[0].Tot));
        Assert.Equal(PeriodeSoort.Maand, vakken[1].Soort);
        Assert.Equal((D("2025-03-01"), D("2025-03-10")), (vakken[2].Van, vakken[2].Tot));
        Assert.Equal(12, Periode.Jaar(2026).Maanden().Count);
    }

    [Theory]
    [InlineData("2026-1", true, 2026, 1)]
    [InlineData("2026-2", true, 2026, 2)]
    [InlineData("2026H2", true, 2026, 2)]
    [InlineData("2026-3", false, 0, 0)]
    [InlineData("26-1", false, 0, 0)]
    [InlineData("", false, 0, 0)]
    public void Halfjaar_wordt_gelezen_zoals_het_in_de_instellingen_staat(string tekst, bool ok, int jaar, int helft)
    {
        Assert.Equal(ok, Halfjaar.TryParse(tekst, out var h));
        if (ok) Assert.Equal(new Halfjaar(jaar, helft), h);
    }
}

public class TaakstellingTests
{
    private static readonly Dictionary<Halfjaar, int> Taak = new()
    {
        [new Halfjaar(2025, 1)] = 6,
        [new Halfjaar(2025, 2)] = 4,
    };

    [Fact]
    public void Een_jaar_telt_beide_halfjaren() => Assert.Equal(10m, Taakstelling.NaarRato(Taak, Periode.Jaar(2025)));

    [Fact]
    public void Hele_maanden_tellen_als_zesde_deel_van_hun_halfjaar()
    {
        Assert.Equal(1m, Taakstelling.NaarRato(Taak, Periode.Maand(2025, 1)));
        Assert.Equal(3m, Taakstelling.NaarRato(Taak, Periode.Kwartaal(2025, 2)));
        // June (6/6) and July (4/6) across the turn of the half-year.
        Assert.Equal(1m + 4m / 6m, Taakstelling.NaarRato(Taak, Periode.Eigen(D("2025-06-01"), D("2025-07-31")))!.Value, 10);
    }

    [Fact]
    public void Een_losse_reeks_dagen_telt_naar_dagen()
    {
        // 1-10 January: 10 of the 181 days of the first half of 2025.
        Assert.Equal(6m * 10 / 181, Taakstelling.NaarRato(Taak, Periode.Eigen(D("2025-01-01"), D("2025-01-10")))!.Value, 10);
    }

    [Fact]
    public void Zonder_taakstelling_voor_een_geraakt_halfjaar_is_er_geen_getal() =>
        Assert.Null(Taakstelling.NaarRato(Taak, Periode.Eigen(D("2025-12-01"), D("2026-01-31"))));
}

public class KleineAantallenTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(120, false)]
    public void Een_tot_en_met_vier_wordt_verborgen_nul_niet(int aantal, bool verbergen)
    {
        Assert.Equal(verbergen, KleineAantallen.Verbergen(aantal));
        Assert.Equal("<5", KleineAantallen.Tekst());
    }

    [Theory]
    [InlineData(3, 20, true)]   // 3 people
    [InlineData(18, 20, true)]  // the other 2 people
    [InlineData(10, 20, false)]
    [InlineData(4, 4, true)]
    [InlineData(0, 10, false)]
    [InlineData(10, 10, false)]
    public void Een_aandeel_verbergt_als_teller_noemer_of_rest_klein_is(int teller, int noemer, bool verbergen) =>
        Assert.Equal(verbergen, KleineAantallen.VerbergAandeel(teller, noemer));
}

public class MediaanPositieTests
{
    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(2, 0, 2)]
    [InlineData(3, 1, 1)]
    [InlineData(4, 1, 2)]
    [InlineData(7, 3, 1)]
    [InlineData(10, 4, 2)]
    public void Overslaan_en_nemen_wijzen_de_middelste_waarden_aan(int n, int overslaan, int nemen)
    {
        Assert.Equal((overslaan, nemen), MediaanPositie.Van(n));
        // Same answer as sorting everything in memory.
        var waarden = Enumerable.Range(0, n).Select(i => (i * 37) % 101).Order().ToList();
        var verwacht = n % 2 == 1 ? waarden[n / 2] : (waarden[n / 2 - 1] + waarden[n / 2]) / 2.0;
        Assert.Equal(verwacht, MediaanPositie.Mediaan(waarden.Skip(overslaan).Take(nemen).ToList()));
    }

    [Fact]
    public void Zonder_waarden_is_er_geen_mediaan() => Assert.Throws<ArgumentOutOfRangeException>(() => MediaanPositie.Van(0));
}

public class MediaanUitVerdelingTests
{
    private static double MediaanInGeheugen(List<int> waarden)
    {
        var s = waarden.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2.0;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(7, 3)]
    [InlineData(10, 4)]
    [InlineData(101, 40)]
    [InlineData(1000, 400)]
    public void Gelijk_aan_de_mediaan_van_alle_waarden_gesorteerd(int n, int spreiding)
    {
        // Many repeats (as lead times in days have), in random order, also with negative values (dates entered wrongly).
        var random = new Random(n * 31 + spreiding);
        var waarden = Enumerable.Range(0, n).Select(_ => random.Next(-3, spreiding)).ToList();
        var verdeling = waarden.GroupBy(w => w).Select(g => (g.Key, g.Count())).Reverse();
        Assert.Equal(MediaanInGeheugen(waarden), MediaanPositie.UitVerdeling(verdeling));
    }

    [Fact]
    public void Even_aantal_over_twee_verschillende_waarden_is_hun_gemiddelde() =>
        // 46, 61 (the 2024 BRP → PIP of the monitor's own test data): 53.5.
        Assert.Equal(53.5, MediaanPositie.UitVerdeling([(61, 1), (46, 1)]));

    [Fact]
    public void Lege_verdeling_heeft_geen_mediaan() => Assert.Null(MediaanPositie.UitVerdeling([(5, 0)]));
}

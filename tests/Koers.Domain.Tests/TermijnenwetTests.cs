using Koers.Domain.Clock;
using static Koers.Domain.Tests.TestFeiten;

namespace Koers.Domain.Tests;

public class TermijnenwetTests
{
    [Theory]
    [InlineData(1818, "1818-03-22")] // earliest possible Easter
    [InlineData(1943, "1943-04-25")] // latest possible Easter
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2016, "2016-03-27")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Paaszondag(int jaar, string verwacht)
    {
        var pasen = Termijnenwet.Paaszondag(jaar);

        Assert.Equal(D(verwacht), pasen);
        Assert.Equal(DayOfWeek.Sunday, pasen.DayOfWeek);
    }

    [Fact]
    public void Paaszondag_valt_altijd_op_zondag_tussen_22_maart_en_25_april()
    {
        for (var jaar = 1900; jaar <= 2200; jaar++)
        {
            var pasen = Termijnenwet.Paaszondag(jaar);
            Assert.Equal(DayOfWeek.Sunday, pasen.DayOfWeek);
            Assert.InRange(pasen, new DateOnly(jaar, 3, 22), new DateOnly(jaar, 4, 25));
        }
    }

    [Theory]
    [InlineData("2026-01-01")] // Nieuwjaarsdag (Thursday)
    [InlineData("2026-04-06")] // Tweede Paasdag
    [InlineData("2026-04-27")] // Koningsdag (Monday)
    [InlineData("2026-05-05")] // Bevrijdingsdag (Tuesday)
    [InlineData("2026-05-14")] // Hemelvaartsdag
    [InlineData("2026-05-25")] // Tweede Pinksterdag
    [InlineData("2026-12-25")] // Eerste Kerstdag (Friday)
    [InlineData("2026-12-26")] // Tweede Kerstdag (Saturday)
    [InlineData("2025-04-26")] // Koningsdag 2025: 27 April was a Sunday, so Saturday 26 April
    [InlineData("2031-04-26")] // idem 2031
    [InlineData("2024-04-01")] // Tweede Paasdag 2024
    [InlineData("2038-04-26")] // Tweede Paasdag 2038, the day before Koningsdag
    [InlineData("2038-04-27")] // Koningsdag 2038
    [InlineData("2016-05-05")] // Hemelvaart and Bevrijdingsdag on the same day
    public void Feestdagen_volgens_artikel_3(string datum)
    {
        Assert.True(Termijnenwet.IsFeestdag(D(datum)));
        Assert.True(Termijnenwet.IsWeekendOfFeestdag(D(datum)));
    }

    [Theory]
    [InlineData("2026-04-03")] // Goede Vrijdag is not an algemeen erkende feestdag
    [InlineData("2026-04-05")] // Paaszondag: a Sunday, but not listed itself
    [InlineData("2026-05-24")] // Pinksterzondag
    [InlineData("2026-04-26")] // 26 April is only Koningsdag when 27 April is a Sunday
    [InlineData("2025-04-27")] // 27 April 2025 was a Sunday: Koningsdag moved to the 26th
    [InlineData("2026-12-24")] // Kerstavond
    [InlineData("2026-12-31")] // Oudejaarsdag
    [InlineData("2026-12-27")]
    [InlineData("2026-05-04")] // Dodenherdenking
    public void Geen_feestdagen(string datum)
    {
        Assert.False(Termijnenwet.IsFeestdag(D(datum)));
    }

    [Theory]
    [InlineData("2025-04-27", true)]  // Sunday
    [InlineData("2026-04-05", true)]  // Easter Sunday: weekend
    [InlineData("2026-04-04", true)]  // Saturday
    [InlineData("2026-04-03", false)] // Good Friday: an ordinary working day here
    [InlineData("2026-04-07", false)] // Tuesday after Easter
    [InlineData("2026-05-05", true)]  // Bevrijdingsdag on a Tuesday
    public void IsWeekendOfFeestdag(string datum, bool verwacht)
    {
        Assert.Equal(verwacht, Termijnenwet.IsWeekendOfFeestdag(D(datum)));
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2030)]
    [InlineData(2038)]
    public void Elk_jaar_heeft_acht_feestdagen(int jaar)
    {
        Assert.Equal(8, AlleDagen(jaar).Count(Termijnenwet.IsFeestdag));
    }

    [Fact]
    public void In_2016_vielen_Hemelvaart_en_5_mei_samen_dus_zeven_feestdagen()
    {
        Assert.Equal(D("2016-05-05"), Termijnenwet.Paaszondag(2016).AddDays(39));
        Assert.Equal(7, AlleDagen(2016).Count(Termijnenwet.IsFeestdag));
    }

    [Theory]
    [InlineData("2026-03-18", "2026-03-18")] // Wednesday: stays
    [InlineData("2026-03-21", "2026-03-23")] // Saturday → Monday
    [InlineData("2026-03-22", "2026-03-23")] // Sunday → Monday
    [InlineData("2026-04-03", "2026-04-03")] // Good Friday: stays
    [InlineData("2026-04-04", "2026-04-07")] // Saturday, Easter Sunday, Tweede Paasdag → Tuesday
    [InlineData("2026-04-06", "2026-04-07")] // Tweede Paasdag → Tuesday
    [InlineData("2026-04-27", "2026-04-28")] // Koningsdag → Tuesday
    [InlineData("2026-05-05", "2026-05-06")] // Bevrijdingsdag → Wednesday
    [InlineData("2026-05-14", "2026-05-15")] // Hemelvaart (Thursday) → Friday
    [InlineData("2026-05-23", "2026-05-26")] // Saturday, Pinksterzondag, Tweede Pinksterdag → Tuesday
    [InlineData("2025-04-26", "2025-04-28")] // Koningsdag 2025 (Saturday), Sunday → Monday
    [InlineData("2026-12-25", "2026-12-28")] // Friday Christmas, Sat 26 (2nd Christmas), Sun 27 → Monday 28
    [InlineData("2026-12-24", "2026-12-24")] // Christmas Eve (Thursday): stays
    [InlineData("2027-12-24", "2027-12-24")] // Friday 24 December: stays
    [InlineData("2027-12-25", "2027-12-27")] // Saturday Christmas, Sunday 2nd Christmas → Monday 27 (no holiday)
    [InlineData("2027-01-01", "2027-01-04")] // Friday New Year, weekend → Monday
    [InlineData("2026-12-31", "2026-12-31")] // Oudejaarsdag (Thursday): stays
    public void Verschuif(string einde, string verwacht)
    {
        Assert.Equal(D(verwacht), Termijnenwet.Verschuif(D(einde)));
    }

    [Fact]
    public void Verschuif_eindigt_op_de_eerste_werkdag_en_slaat_alleen_vrije_dagen_over()
    {
        for (var dag = D("2024-01-01"); dag < D("2031-01-01"); dag = dag.AddDays(1))
        {
            var verschoven = Termijnenwet.Verschuif(dag);

            Assert.True(verschoven >= dag);
            Assert.False(Termijnenwet.IsWeekendOfFeestdag(verschoven), $"{dag} → {verschoven}");
            Assert.InRange(verschoven.DayNumber - dag.DayNumber, 0, 4); // longest run: Sat-Sun-holiday or Easter
            for (var tussen = dag; tussen < verschoven; tussen = tussen.AddDays(1))
            {
                Assert.True(Termijnenwet.IsWeekendOfFeestdag(tussen), $"{dag} → {verschoven} slaat werkdag {tussen} over");
            }
        }
    }

    [Fact]
    public void Bron_is_de_Algemene_termijnenwet()
    {
        Assert.Equal("Algemene termijnenwet", Termijnenwet.Bron.Source);
        Assert.Equal("art. 1 en 3", Termijnenwet.Bron.Reference);
        Assert.Contains("zaterdag", Termijnenwet.Bron.Quote);
    }

    private static IEnumerable<DateOnly> AlleDagen(int jaar)
    {
        for (var dag = new DateOnly(jaar, 1, 1); dag.Year == jaar; dag = dag.AddDays(1))
        {
            yield return dag;
        }
    }
}

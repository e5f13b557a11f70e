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
    [InlineData("2026-04-03")] // Goede Vrijdag: "gelijkgesteld" by art. 3 lid 2
    [InlineData("2025-04-18")] // Goede Vrijdag 2025
    public void Feestdagen_volgens_artikel_3(string datum)
    {
        Assert.True(Termijnenwet.IsFeestdag(D(datum)));
        Assert.True(Termijnenwet.IsWeekendOfFeestdag(D(datum)));
    }

    [Theory]
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
    [InlineData("2026-04-03", true)]  // Good Friday (art. 3 lid 2)
    [InlineData("2026-05-15", true)]  // Friday after Hemelvaart 2026, equated by decree (art. 3 lid 3)
    [InlineData("2026-01-02", true)]  // Friday after New Year 2026, idem
    [InlineData("2025-05-30", true)]  // Friday after Hemelvaart 2025, idem
    [InlineData("2027-05-14", false)] // not equated: an ordinary Friday
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
    public void Elk_jaar_heeft_acht_feestdagen_en_Goede_Vrijdag(int jaar)
    {
        Assert.Equal(9, AlleDagen(jaar).Count(Termijnenwet.IsFeestdag));
        Assert.Equal("Goede Vrijdag", Termijnenwet.Feestdag(Termijnenwet.Paaszondag(jaar).AddDays(-2)));
    }

    [Fact]
    public void In_2016_vielen_Hemelvaart_en_5_mei_samen_dus_acht()
    {
        Assert.Equal(D("2016-05-05"), Termijnenwet.Paaszondag(2016).AddDays(39));
        Assert.Equal(8, AlleDagen(2016).Count(Termijnenwet.IsFeestdag));
    }

    [Fact]
    public void Gelijkgestelde_dagen_zijn_vrijdagen_en_geen_feestdag_van_artikel_3_lid_1()
    {
        // The decrees equate bridge days; each of them is a Friday or Monday next to a holiday, never a holiday itself.
        Assert.All(Termijnenwet.GelijkgesteldeDagen, d =>
        {
            Assert.Contains(d.DayOfWeek, new[] { DayOfWeek.Friday, DayOfWeek.Monday });
            Assert.False(Termijnenwet.IsFeestdag(d));
            Assert.True(Termijnenwet.IsFeestdag(d.AddDays(-1)) || Termijnenwet.IsFeestdag(d.AddDays(1)), $"{d} ligt niet naast een feestdag");
        });
        // As the decree of 24 October 2016 (BWBR0038666) lists them for 2017.
        Assert.Contains(D("2017-04-28"), Termijnenwet.GelijkgesteldeDagen);
        Assert.Contains(D("2017-05-26"), Termijnenwet.GelijkgesteldeDagen);
    }

    [Theory]
    [InlineData("2026-03-18", "2026-03-18")] // Wednesday: stays
    [InlineData("2026-03-21", "2026-03-23")] // Saturday → Monday
    [InlineData("2026-03-22", "2026-03-23")] // Sunday → Monday
    [InlineData("2026-04-03", "2026-04-07")] // Good Friday, weekend, Tweede Paasdag → Tuesday
    [InlineData("2026-04-02", "2026-04-02")] // Thursday before Easter: stays
    [InlineData("2026-04-04", "2026-04-07")] // Saturday, Easter Sunday, Tweede Paasdag → Tuesday
    [InlineData("2026-04-06", "2026-04-07")] // Tweede Paasdag → Tuesday
    [InlineData("2026-04-27", "2026-04-28")] // Koningsdag → Tuesday
    [InlineData("2026-05-05", "2026-05-06")] // Bevrijdingsdag → Wednesday
    [InlineData("2026-05-14", "2026-05-18")] // Hemelvaart (Thursday), equated Friday, weekend → Monday
    [InlineData("2027-05-06", "2027-05-10")] // Hemelvaart 2027, equated Friday 7 May, weekend → Monday
    [InlineData("2025-12-25", "2025-12-29")] // Christmas Thursday/Friday, weekend → Monday
    [InlineData("2024-12-25", "2024-12-30")] // Christmas Wednesday/Thursday, equated Friday 27th, weekend → Monday
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

    [Theory]
    [InlineData(10, "2026-05-25", "2026-05-26")] // ten weeks: art. 1 lid 1 moves it past Tweede Pinksterdag
    [InlineData(12, "2026-05-25", "2026-05-26")] // twelve weeks is still within art. 4 onderdeel a
    [InlineData(13, "2026-05-25", "2026-05-25")] // "in meer dan twaalf weken": the Atw does not apply
    [InlineData(156, "2026-05-25", "2026-05-25")] // three years
    public void Termijn_van_meer_dan_twaalf_weken_schuift_niet(int weken, string einde, string verwacht)
    {
        Assert.Equal(D(verwacht), Termijnenwet.VerschuifTermijnInWeken(D(einde), weken));
    }

    [Fact]
    public void Verschuif_eindigt_op_de_eerste_werkdag_en_slaat_alleen_vrije_dagen_over()
    {
        for (var dag = D("2024-01-01"); dag < D("2031-01-01"); dag = dag.AddDays(1))
        {
            var verschoven = Termijnenwet.Verschuif(dag);

            Assert.True(verschoven >= dag);
            Assert.False(Termijnenwet.IsWeekendOfFeestdag(verschoven), $"{dag} → {verschoven}");
            Assert.InRange(verschoven.DayNumber - dag.DayNumber, 0, 5); // longest run: Christmas 2024, Wednesday to Monday
            for (var tussen = dag; tussen < verschoven; tussen = tussen.AddDays(1))
            {
                Assert.True(Termijnenwet.IsWeekendOfFeestdag(tussen), $"{dag} → {verschoven} slaat werkdag {tussen} over");
            }
        }
    }

    [Fact]
    public void Bron_is_de_Algemene_termijnenwet()
    {
        Assert.StartsWith("Algemene termijnenwet (BWBR0002448", Termijnenwet.Bron.Source);
        Assert.Equal("art. 1 lid 1 en art. 3", Termijnenwet.Bron.Reference);
        Assert.StartsWith("Een in een wet gestelde termijn die op een zaterdag", Termijnenwet.Bron.Quote);
    }

    private static IEnumerable<DateOnly> AlleDagen(int jaar)
    {
        for (var dag = new DateOnly(jaar, 1, 1); dag.Year == jaar; dag = dag.AddDays(1))
        {
            yield return dag;
        }
    }
}

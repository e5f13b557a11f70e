using Koers.Domain.Clock;
using static Koers.Domain.Tests.TestFeiten;

namespace Koers.Domain.Tests;

public class KalenderTests
{
    [Theory]
    [InlineData("2026-01-01", 6, "2026-06-30")]
    [InlineData("2026-03-15", 6, "2026-09-14")]
    [InlineData("2026-08-31", 6, "2027-02-28")] // 31 February does not exist: last day of February
    [InlineData("2027-08-31", 6, "2028-02-29")] // leap year: 29 February
    [InlineData("2026-08-28", 6, "2027-02-27")] // 28 February exists: the day before it
    [InlineData("2026-08-29", 6, "2027-02-28")] // 29 February 2027 does not exist
    [InlineData("2027-08-29", 6, "2028-02-28")] // 29 February 2028 exists: the day before it
    [InlineData("2026-03-31", 1, "2026-04-30")] // 31 April does not exist
    [InlineData("2026-03-01", 6, "2026-08-31")] // day before 1 September
    [InlineData("2026-07-15", 6, "2027-01-14")] // over a year end
    [InlineData("2026-12-31", 6, "2027-06-30")] // 31 June does not exist
    [InlineData("2026-03-15", 12, "2027-03-14")]
    [InlineData("2026-01-01", 1, "2026-01-31")]
    public void LaatsteDagVanPeriode(string start, int maanden, string verwacht)
    {
        Assert.Equal(D(verwacht), Kalender.LaatsteDagVanPeriode(D(start), maanden));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void LaatsteDagVanPeriode_zonder_positief_aantal_maanden_is_een_fout(int maanden)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Kalender.LaatsteDagVanPeriode(D("2026-01-01"), maanden));
    }

    [Fact]
    public void LaatsteDagVanPeriode_schuift_nooit_terug_en_een_periode_van_6_maanden_duurt_181_tot_184_dagen()
    {
        // Over three years of start dates (incl. a leap year), a later start never gives an earlier end, and a
        // six-month period (start and end day included) is 181 to 184 days long. The end depends only on the
        // target month: starts on 29, 30 and 31 August all end on the last day of February.
        var start = D("2026-01-01");
        var vorige = Kalender.LaatsteDagVanPeriode(start, 6);
        for (var dag = start.AddDays(1); dag < D("2029-01-01"); dag = dag.AddDays(1))
        {
            var einde = Kalender.LaatsteDagVanPeriode(dag, 6);
            Assert.True(einde >= vorige, $"{dag}: {einde} ligt voor {vorige}");
            Assert.InRange(einde.DayNumber - dag.DayNumber + 1, 181, 184);
            vorige = einde;
        }
    }

    [Fact]
    public void LaatsteDagVanPeriode_sluit_aan_op_de_volgende_periode_bij_starten_op_de_eerste()
    {
        // A period starting on the 1st ends on the last day of the month before; the next one starts the day after.
        for (var maand = 1; maand <= 12; maand++)
        {
            var start = new DateOnly(2027, maand, 1);
            var einde = Kalender.LaatsteDagVanPeriode(start, 1);
            Assert.Equal(start.Month, einde.Month);
            Assert.Equal(DateTime.DaysInMonth(2027, maand), einde.Day);
            Assert.Equal(1, einde.AddDays(1).Day);
        }
    }

    [Theory]
    [InlineData("2024-02-29", 3, "2027-02-28")] // leap day → 28 February
    [InlineData("2024-02-29", 4, "2028-02-29")] // leap year again
    [InlineData("2026-05-11", 3, "2029-05-11")]
    [InlineData("2025-12-31", 3, "2028-12-31")]
    public void JarenLater(string start, int jaren, string verwacht)
    {
        Assert.Equal(D(verwacht), Kalender.JarenLater(D(start), jaren));
    }

    [Theory]
    [InlineData("2027-01-31", 1, "2027-02-28")] // clamped to month end
    [InlineData("2028-01-31", 1, "2028-02-29")] // leap year
    [InlineData("2026-05-11", 3, "2026-08-11")]
    [InlineData("2026-11-30", 3, "2027-02-28")]
    [InlineData("2026-10-15", 3, "2027-01-15")] // over a year end
    public void MaandenLater(string start, int maanden, string verwacht)
    {
        Assert.Equal(D(verwacht), Kalender.MaandenLater(D(start), maanden));
    }

    [Theory]
    [InlineData("2026-12-10", 10, "2027-02-18")] // over a year end
    [InlineData("2026-03-02", 10, "2026-05-11")]
    [InlineData("2027-12-24", 6, "2028-02-04")]
    [InlineData("2028-02-01", 4, "2028-02-29")] // lands on a leap day
    public void WekenLater(string start, int weken, string verwacht)
    {
        var uitkomst = Kalender.WekenLater(D(start), weken);

        Assert.Equal(D(verwacht), uitkomst);
        Assert.Equal(D(start).DayOfWeek, uitkomst.DayOfWeek);
        Assert.Equal(7 * weken, uitkomst.DayNumber - D(start).DayNumber);
    }
}

using Koers.Domain.Sources;

namespace Koers.Domain.Clock;

/// <summary>
/// Algemene termijnenwet: a statutory term that ends on a Saturday, Sunday or generally recognised
/// holiday runs on to the next day that is none of those (art. 1). Art. 3 lists the holidays.
/// </summary>
public static class Termijnenwet
{
    public static Citation Bron => Sources.Bron.AlgemeneTermijnenwet;

    public static DateOnly Verschuif(DateOnly einde)
    {
        while (IsWeekendOfFeestdag(einde))
        {
            einde = einde.AddDays(1);
        }

        return einde;
    }

    public static bool IsWeekendOfFeestdag(DateOnly datum) =>
        datum.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || IsFeestdag(datum);

    /// <summary>
    /// Nieuwjaarsdag, Tweede Paasdag, Hemelvaartsdag, Tweede Pinksterdag, Koningsdag, 5 mei and both
    /// Christmas days (Atw art. 3 lid 1). Koningsdag moves to 26 April when 27 April is a Sunday.
    /// </summary>
    public static bool IsFeestdag(DateOnly datum)
    {
        var jaar = datum.Year;
        var pasen = Paaszondag(jaar);
        var koningsdag = new DateOnly(jaar, 4, 27);
        if (koningsdag.DayOfWeek == DayOfWeek.Sunday)
        {
            koningsdag = koningsdag.AddDays(-1);
        }

        return datum == new DateOnly(jaar, 1, 1)
            || datum == pasen.AddDays(1)
            || datum == pasen.AddDays(39)
            || datum == pasen.AddDays(50)
            || datum == koningsdag
            || datum == new DateOnly(jaar, 5, 5)
            || datum == new DateOnly(jaar, 12, 25)
            || datum == new DateOnly(jaar, 12, 26);
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Meeus/Jones/Butcher algorithm).</summary>
    public static DateOnly Paaszondag(int jaar)
    {
        var a = jaar % 19;
        var b = jaar / 100;
        var c = jaar % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var maand = (h + l - (7 * m) + 114) / 31;
        var dag = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(jaar, maand, dag);
    }
}

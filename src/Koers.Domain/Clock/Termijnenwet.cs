using Koers.Domain.Sources;

namespace Koers.Domain.Clock;

/// <summary>
/// Algemene termijnenwet (BWBR0002448, text in force since 10 October 2010): a term set in a wet (art. 1 lid 1) or,
/// by art. 5, in an algemene maatregel van bestuur, that ends on a Saturday, Sunday or generally recognised holiday
/// runs on to the next day that is none of those. Art. 3 lists the holidays (lid 1) and puts Goede Vrijdag on a par
/// with them (lid 2). Art. 4 onderdeel a leaves out terms "omschreven in uren, in meer dan 90 dagen, in meer dan
/// twaalf weken, in meer dan drie maanden, of in een of meer jaren".
/// <para>
/// Art. 3 lid 3 lets the Crown equate further days with the holidays, by decree in the Staatscourant, usually for three
/// years at a time (bridge days). <see cref="GelijkgesteldeDagen"/> holds them: 2017-2019 as read in the decree of
/// 24 October 2016 (BWBR0038666, art. 1); 2023-2028 as the decrees' titles name them ("Besluit gelijkstelling van
/// 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag",
/// Stcrt. 2022, 7812, and "... van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 ...",
/// Stcrt. 2025, 24713), quoted by secondary sources; the Staatscourant text itself was not available to Koers. The
/// decree for 2020-2022 was not found: days of those years count as working days (docs/monitor.md).
/// </para>
/// </summary>
public static class Termijnenwet
{
    public static Citation Bron => Sources.Bron.AlgemeneTermijnenwet;

    /// <summary>Art. 4 onderdeel a: no extension for a term of more than twelve weeks.</summary>
    public const int LangsteTermijnInWeken = 12;

    public static DateOnly Verschuif(DateOnly einde)
    {
        while (IsWeekendOfFeestdag(einde))
        {
            einde = einde.AddDays(1);
        }

        return einde;
    }

    /// <summary>
    /// The end of a statutory term of <paramref name="weken"/> weeks ending on <paramref name="einde"/>: moved past a
    /// weekend or holiday (art. 1 lid 1), unless the term is longer than twelve weeks (art. 4 onderdeel a).
    /// </summary>
    public static DateOnly VerschuifTermijnInWeken(DateOnly einde, int weken) =>
        weken > LangsteTermijnInWeken ? einde : Verschuif(einde);

    public static bool IsWeekendOfFeestdag(DateOnly datum) =>
        datum.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || IsFeestdag(datum) || GelijkgesteldeDagen.Contains(datum);

    /// <summary>Days equated with a generally recognised holiday by royal decree (art. 3 lid 3); see the class summary.</summary>
    public static readonly IReadOnlySet<DateOnly> GelijkgesteldeDagen = new HashSet<DateOnly>
    {
        new(2017, 4, 28), new(2017, 5, 26), new(2018, 5, 11), new(2018, 12, 24), new(2018, 12, 31), new(2019, 5, 31), new(2019, 12, 27),
        new(2023, 4, 28), new(2023, 5, 19), new(2024, 5, 10), new(2024, 12, 27), new(2025, 5, 30),
        new(2026, 1, 2), new(2026, 5, 15), new(2027, 5, 7), new(2028, 4, 28), new(2028, 5, 26),
    };

    /// <summary>
    /// Nieuwjaarsdag, Tweede Paasdag, Hemelvaartsdag, Tweede Pinksterdag, Koningsdag, 5 mei and both Christmas days
    /// (art. 3 lid 1), and Goede Vrijdag (art. 3 lid 2). Koningsdag moves to 26 April when 27 April is a Sunday
    /// (the day "waarop de verjaardag van de Koning wordt gevierd").
    /// </summary>
    public static bool IsFeestdag(DateOnly datum) => Feestdag(datum) is not null;

    /// <summary>The name of the holiday on this day, or null.</summary>
    public static string? Feestdag(DateOnly datum)
    {
        var jaar = datum.Year;
        var pasen = Paaszondag(jaar);
        var koningsdag = new DateOnly(jaar, 4, 27);
        if (koningsdag.DayOfWeek == DayOfWeek.Sunday)
        {
            koningsdag = koningsdag.AddDays(-1);
        }

        if (datum == new DateOnly(jaar, 1, 1)) return "Nieuwjaarsdag";
        if (datum == pasen.AddDays(-2)) return "Goede Vrijdag";
        if (datum == pasen.AddDays(1)) return "Tweede Paasdag";
        if (datum == pasen.AddDays(39)) return "Hemelvaartsdag";
        if (datum == pasen.AddDays(50)) return "Tweede Pinksterdag";
        if (datum == koningsdag) return "Koningsdag";
        if (datum == new DateOnly(jaar, 5, 5)) return "Bevrijdingsdag (5 mei)";
        if (datum == new DateOnly(jaar, 12, 25)) return "Eerste Kerstdag";
        if (datum == new DateOnly(jaar, 12, 26)) return "Tweede Kerstdag";
        return null;
    }

    /// <summary>"zaterdag", "zondag" or the holiday's name, for the explanation of a moved end.</summary>
    public static string Soort(DateOnly datum) =>
        Feestdag(datum) ?? (GelijkgesteldeDagen.Contains(datum) ? "met een feestdag gelijkgestelde dag" : null) ?? (datum.DayOfWeek == DayOfWeek.Saturday ? "zaterdag" : datum.DayOfWeek == DayOfWeek.Sunday ? "zondag" : "werkdag");

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

using Koers.Domain.Duo;

namespace Koers.Domain.Tests.Duo;

/// <summary>DUO's rules for the MAP eindgesprek and the PVT signing (README, MAP and PVT), including 'verwijtbaar'.</summary>
public sealed class DuoMapPvtControleTests
{
    private static readonly DateOnly Vandaag = new(2029, 9, 1);
    private static readonly DateOnly Start = new(2026, 6, 15);
    private static readonly DateOnly Einde = new(2029, 6, 15);

    private static MapPvtFeiten Feiten(DateOnly datum, bool? verwijtbaar = null, bool pip = true, DateOnly? zroute = null, DateOnly? einde = null, bool termijnBekend = true) =>
        new(MapPvtOnderdeel.Map, datum, verwijtbaar, Vandaag, pip, zroute, termijnBekend ? Start : null, termijnBekend ? einde ?? Einde : null);

    private static IReadOnlyList<string> Fouten(MapPvtFeiten f) => DuoMapPvtControle.Controleer(f).Select(x => x.Melding).ToList();

    [Theory]
    [InlineData("2027-01-10", null)] // within the termijn: no indicator
    [InlineData("2029-06-15", null)] // on the last day: not yet overschreden
    [InlineData("2029-07-20", false)] // overschreden by five weeks: may be niet verwijtbaar
    [InlineData("2029-07-20", true)]
    [InlineData("2029-08-30", true)] // more than two months late: only verwijtbaar
    public void Wat_DUO_aanneemt(string datum, bool? verwijtbaar) => Assert.Empty(Fouten(Feiten(DateOnly.Parse(datum, System.Globalization.CultureInfo.InvariantCulture), verwijtbaar)));

    [Theory]
    [InlineData("2029-07-20", null, "Geef aan of de overschrijding verwijtbaar is")]
    [InlineData("2027-01-10", false, "blijft verwijtbaarheid leeg")]
    [InlineData("2027-01-10", true, "blijft verwijtbaarheid leeg")]
    [InlineData("2029-06-15", true, "kan alleen als de inburgeringstermijn is overschreden")]
    [InlineData("2029-08-30", false, "binnen twee maanden")]
    [InlineData("2026-06-14", null, "vóór de start van de inburgeringstermijn")]
    [InlineData("2029-09-02", null, "in de toekomst")]
    public void Wat_DUO_weigert(string datum, bool? verwijtbaar, string verwacht)
    {
        var fouten = Fouten(Feiten(DateOnly.Parse(datum, System.Globalization.CultureInfo.InvariantCulture), verwijtbaar));
        Assert.Contains(fouten, f => f.Contains(verwacht, StringComparison.Ordinal));
    }

    [Fact]
    public void Zonder_PIP_na_de_Z_route_en_zonder_termijn()
    {
        Assert.Contains(Fouten(Feiten(new DateOnly(2027, 1, 1), pip: false)), f => f.Contains("nog geen vastgesteld PIP", StringComparison.Ordinal));
        Assert.Contains(Fouten(Feiten(new DateOnly(2027, 1, 1), zroute: new DateOnly(2026, 12, 1))), f => f.Contains("al voldaan via de Z-route", StringComparison.Ordinal));
        Assert.Contains(Fouten(Feiten(new DateOnly(2027, 1, 1), verwijtbaar: true, termijnBekend: false)), f => f.Contains("nog niet bekend", StringComparison.Ordinal));
        Assert.Empty(Fouten(Feiten(new DateOnly(2027, 1, 1), termijnBekend: false)));
    }

    [Fact]
    public void Elke_fout_noemt_zijn_regel() =>
        Assert.All(DuoMapPvtControle.Controleer(Feiten(new DateOnly(2029, 9, 2), true, pip: false, zroute: new DateOnly(2026, 12, 1))),
            f => Assert.StartsWith("DUO M2M-koppelvlak", f.Bron.Source, StringComparison.Ordinal));

    [Fact]
    public void Verwijtbaar_in_DUOs_codes()
    {
        Assert.Equal("Ja", DuoMapPvtControle.JaNee(true));
        Assert.Equal("Nee", DuoMapPvtControle.JaNee(false));
        Assert.Null(DuoMapPvtControle.JaNee(null));
    }
}

using Koers.Domain.Dossier;
using Koers.Domain.Duo;
using Koers.Domain.Pip;

namespace Koers.Domain.Tests.Duo;

public sealed class DuoRegelsTests
{
    private static DuoPipVelden Pip(string route = "B", string? niveau = "B1", int? uren = null, bool asiel = true, bool eerste = true, DateOnly? vorige = null) =>
        new(new DateOnly(2026, 6, 15), route, niveau, uren, "NVT", asiel, eerste, vorige);

    [Fact]
    public void Geldig_PIP_heeft_geen_fouten() => Assert.Empty(DuoPipControle.Controleer(Pip(uren: 600)));

    [Theory]
    [InlineData("O", "A2", true, "onderwijsroute")]
    [InlineData("Z", "B1", true, "Z-route")]
    [InlineData("B", "A2", true, "eerste PIP")]
    [InlineData("X", "B1", true, "kent DUO niet")]
    public void Combinaties_die_DUO_weigert(string route, string niveau, bool eerste, string verwacht)
    {
        var fout = Assert.Single(DuoPipControle.Controleer(Pip(route, niveau, eerste: eerste)));
        Assert.Contains(verwacht, fout);
    }

    [Fact]
    public void A2_in_de_B1_route_mag_bij_een_later_PIP() => Assert.Empty(DuoPipControle.Controleer(Pip("B", "A2", eerste: false)));

    [Theory]
    [InlineData("O", 600, true)]
    [InlineData("B", 600, false)]
    [InlineData("B", 0, true)]
    [InlineData("B", 10000, true)]
    public void Geschatte_intensiteit_alleen_B1_route_asiel_en_binnen_bereik(string route, int uren, bool asiel) =>
        Assert.NotEmpty(DuoPipControle.Controleer(Pip(route, route == "B" ? "B1" : null, uren, asiel)));

    [Fact]
    public void Dagtekening_voor_vorig_PIP_wordt_geweigerd() =>
        Assert.Contains(DuoPipControle.Controleer(Pip(eerste: false, vorige: new DateOnly(2026, 7, 1))), f => f.Contains("vorige PIP"));

    [Theory]
    [InlineData("28,00", 28)]
    [InlineData("31,50", 31)]
    [InlineData("0,00", 0)]
    public void Score_van_DUO_wordt_gelezen(string tekst, int verwacht)
    {
        Assert.True(DuoVertaling.TryScore(tekst, out var score));
        Assert.Equal(verwacht, score);
    }

    [Theory]
    [InlineData("28.00")]
    [InlineData("28")]
    [InlineData("1000,00")]
    [InlineData(null)]
    public void Score_in_een_andere_vorm_wordt_geweigerd(string? tekst) => Assert.False(DuoVertaling.TryScore(tekst, out _));

    [Fact]
    public void Vertalingen_naar_DUO_codes()
    {
        Assert.Equal("0340", DuoVertaling.Gemeentecode("GM0340"));
        Assert.Null(DuoVertaling.Gemeentecode("0340"));
        Assert.Equal(Doelgroep.Nareiziger, DuoVertaling.Doelgroep("Asielstatushouder", Doelgroep.Nareiziger));
        Assert.Equal(Doelgroep.Asielstatushouder, DuoVertaling.Doelgroep("Asielstatushouder", Doelgroep.Gezinsmigrant));
        Assert.Equal(Doelgroep.OverigeMigrant, DuoVertaling.Doelgroep("Gezinsmigrant en overige migrant", Doelgroep.OverigeMigrant));
        var velden = DuoPipControle.Velden(new PipInhoud { Leerroute = Leerroute.ZRoute, Alfabetisering = Alfabetisering.AA }, new DateOnly(2026, 6, 15), Doelgroep.Gezinsmigrant, true, null);
        Assert.Equal(("Z", null, "AA", false), (velden.Leerroute, velden.Niveau, velden.Alfabetisering, velden.Asielmigrant));
    }

    [Fact]
    public void Onbekende_gebeurtenis_staat_niet_in_de_catalogus()
    {
        Assert.Null(DuoGebeurtenissen.Zoek("SS999"));
        Assert.Equal(DuoGebeurtenissen.Catalogus.Count, DuoGebeurtenissen.Catalogus.Select(g => g.Code).Distinct().Count());
    }
}

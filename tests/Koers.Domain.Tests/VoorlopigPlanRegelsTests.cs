using Koers.Domain.Dossier;
using Koers.Domain.Pip;

namespace Koers.Domain.Tests;

public class VoorlopigPlanRegelsTests
{
    private static DossierFeiten Feiten(params (Mijlpaal Soort, DateOnly Datum)[] mijlpalen) => new()
    {
        Doelgroep = Doelgroep.Asielstatushouder,
        Mijlpalen = mijlpalen.ToDictionary(m => m.Soort, m => m.Datum),
    };

    [Fact]
    public void In_het_azc_mag_een_voorlopig_plan_als_de_gemeente_het_gebruikt()
    {
        var toets = VoorlopigPlanRegels.Toets(true, Feiten((Mijlpaal.Koppeling, new(2026, 5, 1))));
        Assert.True(toets.Mogelijk);
        Assert.Contains("start geen inburgeringstermijn", toets.Reden);
        Assert.StartsWith("Besluit inburgering 2021", toets.Bron.Source, StringComparison.Ordinal); // art. 5.3: the PIP term starts at the notice or the registration
        Assert.Equal("regels 299-301", toets.Praktijk.Reference);
    }

    [Fact]
    public void Niet_als_de_gemeente_het_niet_gebruikt_of_na_inschrijving_of_na_het_pip()
    {
        Assert.Contains("maakt geen voorlopig plan", VoorlopigPlanRegels.Toets(false, Feiten()).Reden);
        var brp = VoorlopigPlanRegels.Toets(true, Feiten((Mijlpaal.BrpInschrijving, new(2026, 6, 1))));
        Assert.False(brp.Mogelijk);
        Assert.Contains("sinds 01-06-2026 ingeschreven in de BRP", brp.Reden);
        Assert.False(VoorlopigPlanRegels.Toets(true, Feiten((Mijlpaal.PipVastgesteld, new(2026, 6, 1)))).Mogelijk);
    }

    [Fact]
    public void Overnemen_pas_na_inschrijving_en_zonder_concept()
    {
        Assert.False(VoorlopigPlanRegels.Overnemen(Feiten(), false).Mogelijk);
        Assert.False(VoorlopigPlanRegels.Overnemen(Feiten((Mijlpaal.BrpInschrijving, new(2026, 6, 1))), true).Mogelijk);
        Assert.True(VoorlopigPlanRegels.Overnemen(Feiten((Mijlpaal.BrpInschrijving, new(2026, 6, 1))), false).Mogelijk);
    }

    [Theory]
    [InlineData("GM1724", true)] // Bergeijk, Kempen
    [InlineData("gm0770", true)]
    [InlineData("GM0988", false)] // Weert
    public void Standaard_volgt_de_kempen(string code, bool verwacht) => Assert.Equal(verwacht, VoorlopigPlanRegels.Standaard(code));
}

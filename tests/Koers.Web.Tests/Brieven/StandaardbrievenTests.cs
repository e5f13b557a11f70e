using Koers.Domain.Besluiten;
using Koers.Web.Features.Brieven;

namespace Koers.Web.Tests.Brieven;

public class StandaardbrievenTests
{
    /// <summary>Koers's own texts pass the same check as a municipality's, with every part the law requires.</summary>
    [Theory]
    [InlineData(Briefsoort.PipVaststelling)]
    [InlineData(Briefsoort.PipBijstelling)]
    [InlineData(Briefsoort.HandhavingBrief)]
    [InlineData(Briefsoort.Sanctie)]
    [InlineData(Briefsoort.OntzorgenBesluit)]
    public void Standaardtekst_is_geldig_en_heeft_alle_vaste_delen(Briefsoort soort)
    {
        var (sjabloon, fouten) = Briefsjabloon.Lees(soort, Standaardbrieven.Tekst(soort));

        Assert.Empty(fouten);
        var blokken = sjabloon!.Delen.OfType<SjabloonBlok>().Select(b => b.Naam).ToList();
        Assert.Equal(Briefsjabloon.Vastdelen(soort).Select(d => d.Naam).Order(), blokken.Order());
        Assert.Equal(SjabloonAlinea("Beste {naam},"), sjabloon.Delen[0]);
    }

    private static SjabloonAlinea SjabloonAlinea(string tekst) => new(tekst);
}

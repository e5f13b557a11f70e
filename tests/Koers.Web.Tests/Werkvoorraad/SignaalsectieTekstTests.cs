using Koers.Web.Features.Werkvoorraad;

namespace Koers.Web.Tests.Werkvoorraad;

/// <summary>The fold-out caption of a signal section counts in correct Dutch: one hidden line is "signaal", more are "signalen".</summary>
public sealed class SignaalsectieTekstTests
{
    private static Signaalsectie Met(int aantal) => new("test", "Test",
        [.. Enumerable.Range(0, aantal).Select(i => new SignaalRegel(Guid.NewGuid(), $"Naam {i}", "/x", "Label", false, "details"))],
        "Leeg", [], []);

    [Fact]
    public void Een_verborgen_regel_is_enkelvoud_meer_is_meervoud()
    {
        Assert.Equal("Nog 1 signaal", Met(Signaalsectie.Zichtbaar + 1).MeerTekst);
        Assert.Equal("Nog 2 signalen", Met(Signaalsectie.Zichtbaar + 2).MeerTekst);
    }
}

using Koers.Domain.Besluiten;

namespace Koers.Domain.Tests;

public class AdresseringTests
{
    [Theory]
    [InlineData("Kerkstraat 12, 5571 AB Bergeijk", null)]
    [InlineData("Kerkstraat 12a, 5571AB Bergeijk", null)]
    [InlineData(null, "azc Budel, Hoofdstraat 1, 6021 AA Budel")]
    public void Volledig_adres_is_goed(string? adres, string? azc) => Assert.Null(Adressering.Fout(adres, azc));

    [Theory]
    [InlineData(null, null, "geen adres")]
    [InlineData("Demostraat 12, Bergeijk", null, "niet volledig")] // no postcode
    [InlineData("5571 AB Bergeijk", null, "niet volledig")] // no street
    [InlineData("Kerkstraat 12, 5571 AB", null, "niet volledig")] // no place
    public void Onvolledig_adres_wordt_genoemd(string? adres, string? azc, string melding) =>
        Assert.Contains(melding, Adressering.Fout(adres, azc));

    [Fact]
    public void Regels_zijn_naam_en_adresdelen() =>
        Assert.Equal(["Amina Haddad", "Kerkstraat 12", "5571 AB Bergeijk"], Adressering.Regels("Amina Haddad", "Kerkstraat 12, 5571 AB Bergeijk", "azc X"));
}

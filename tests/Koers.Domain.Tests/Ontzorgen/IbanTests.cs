using System.Globalization;
using System.Numerics;
using Koers.Domain.Ontzorgen;

namespace Koers.Domain.Tests.Ontzorgen;

public class IbanTests
{
    /// <summary>
    /// Independent reference for ISO 13616: move the first four characters to the end, letters become 10..35, and the
    /// whole number modulo 97 must be 1. Written with a big integer, not the digit-by-digit way of the code under test.
    /// </summary>
    private static bool ReferentieGeldig(string iban)
    {
        var herschikt = iban[4..] + iban[..4];
        var cijfers = string.Concat(herschikt.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        return BigInteger.Parse(cijfers, CultureInfo.InvariantCulture) % 97 == 1;
    }

    /// <summary>Makes a valid IBAN from a country and a BBAN by computing the check digits: 98 − (number with "00") mod 97.</summary>
    private static string MaakGeldig(string land, string bban)
    {
        var cijfers = string.Concat((bban + land + "00").Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        var controle = 98 - (int)(BigInteger.Parse(cijfers, CultureInfo.InvariantCulture) % 97);
        return $"{land}{controle:00}{bban}";
    }

    [Theory]
    [InlineData("NL91ABNA0417164300")] // the example of the Dutch banks
    [InlineData("NL91 ABNA 0417 1643 00")]
    [InlineData("nl91abna0417164300")]
    [InlineData("DE89370400440532013000")]
    [InlineData("BE68539007547034")]
    [InlineData("GB82WEST12345698765432")]
    [InlineData("FR1420041010050500013M02606")]
    public void Bekende_geldige_ibans(string invoer)
    {
        Assert.True(Iban.TryParse(invoer, out var iban, out var fout), fout);
        Assert.Null(fout);
        Assert.True(ReferentieGeldig(iban.Value));
        Assert.DoesNotContain(' ', iban.Value);
        Assert.Equal(iban.Value.ToUpperInvariant(), iban.Value);
    }

    [Fact]
    public void Gemaakte_nederlandse_ibans_zijn_geldig_en_elke_cijferwijziging_wordt_gevonden()
    {
        var random = new Random(13616);
        string[] banken = ["ABNA", "RABO", "INGB", "BNGH", "TRIO", "SNSB"];
        for (var n = 0; n < 200; n++)
        {
            var rekening = string.Concat(Enumerable.Range(0, 10).Select(_ => random.Next(10)));
            var iban = MaakGeldig("NL", banken[n % banken.Length] + rekening);
            Assert.Equal(18, iban.Length);
            Assert.True(Iban.TryParse(iban, out _, out var fout), $"{iban}: {fout}");

            // Mod 97 catches every change of a single digit.
            var positie = 8 + random.Next(10);
            var ander = (char)('0' + (iban[positie] - '0' + 1 + random.Next(9)) % 10);
            var fout1 = iban[..positie] + ander + iban[(positie + 1)..];
            Assert.False(ReferentieGeldig(fout1));
            Assert.False(Iban.TryParse(fout1, out _, out var melding));
            Assert.Contains("modulus 97", melding);
        }
    }

    [Theory]
    [InlineData("NL91ABNA0417164301", "modulus 97")] // one digit off
    [InlineData("NL19ABNA0417164300", "modulus 97")] // check digits swapped
    [InlineData("NL91ABNA041716430", "18 tekens")] // 17 characters
    [InlineData("NL91ABNA04171643000", "18 tekens")] // 19 characters
    [InlineData("NL91ABN10417164300", "vier letters")] // bank code with a digit
    [InlineData("XX91ABNA0417164300", "SEPA")]
    [InlineData("US64SVBKUS6S3300958879", "SEPA")]
    [InlineData("NLAAABNA0417164300", "controlecijfers")]
    [InlineData("91ABNA0417164300", "landcode")]
    [InlineData("NL91-ABNA_0417164300", "letters en cijfers")]
    [InlineData("", "Vul een IBAN in")]
    [InlineData("DE8937040044053201300", "22 tekens")]
    public void Ongeldige_ibans_krijgen_een_duidelijke_nederlandse_melding(string invoer, string inMelding)
    {
        Assert.False(Iban.TryParse(invoer, out _, out var fout));
        Assert.Contains(inMelding, fout);
    }

    [Fact]
    public void Groeperen_in_blokken_van_vier()
    {
        Assert.Equal("NL91 ABNA 0417 1643 00", Iban.Groepeer("NL91ABNA0417164300"));
    }

    [Theory]
    [InlineData("RABONL2U", true)]
    [InlineData("abnanl2a", true)]
    [InlineData("BNGHNL2G", true)]
    [InlineData("INGBNL2AXXX", true)]
    [InlineData("RABONL2", false)]
    [InlineData("RABONL2UX", false)]
    [InlineData("RAB0NL2U", false)] // a digit in the bank code
    [InlineData("RABONL1U", false)] // location codes do not start with 0 or 1
    public void Bic(string invoer, bool geldig)
    {
        Assert.Equal(geldig, Koers.Domain.Ontzorgen.Bic.TryNormaliseer(invoer, out var bic, out var fout));
        if (geldig) Assert.Equal(invoer.ToUpperInvariant(), bic);
        else Assert.Contains("8 of 11 tekens", fout);
    }
}

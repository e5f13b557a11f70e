using System.Globalization;
using Koers.Domain.Identity;

namespace Koers.Domain.Tests;

public class BsnTests
{
    /// <summary>
    /// Independent reference for the elfproef, written out plainly: weights 9..2 for the first eight digits,
    /// −1 for the last; the sum must be a non-zero multiple of 11.
    /// </summary>
    private static bool ReferentieElfproef(string negenCijfers)
    {
        int[] gewichten = [9, 8, 7, 6, 5, 4, 3, 2, -1];
        var som = 0;
        for (var i = 0; i < 9; i++)
        {
            som += gewichten[i] * (negenCijfers[i] - '0');
        }

        return som != 0 && som % 11 == 0;
    }

    /// <summary>Completes eight digits to a BSN by finding the one check digit that makes the elfproef work, if any.</summary>
    private static string? MaakGeldig(string achtCijfers)
    {
        for (var laatste = 0; laatste <= 9; laatste++)
        {
            var kandidaat = achtCijfers + laatste;
            if (ReferentieElfproef(kandidaat))
            {
                return kandidaat;
            }
        }

        return null;
    }

    // Hand-checked:
    // 999999990: 9·(9+8+7+6+5+4+3+2) − 0 = 9·44 = 396 = 36·11
    // 111222333: (9+8+7) + 2·(6+5+4) + 3·(3+2) − 3 = 24 + 30 + 15 − 3 = 66 = 6·11
    // 123456782: 9+16+21+24+25+24+21+16 − 2 = 154 = 14·11
    // 012345672: 0+8+14+18+20+20+18+14 − 2 = 110 = 10·11
    [Theory]
    [InlineData("999999990")]
    [InlineData("111222333")]
    [InlineData("123456782")]
    [InlineData("012345672")]
    public void Bekende_geldige_nummers_worden_geaccepteerd(string invoer)
    {
        Assert.True(Bsn.TryParse(invoer, out var bsn, out var fout));
        Assert.Null(fout);
        Assert.Equal(invoer, bsn.Value);
        Assert.Equal("******" + invoer[^3..], bsn.ToString());
        Assert.True(Bsn.PassesElfproef(invoer));
    }

    [Fact]
    public void Gegenereerde_nummers_met_juist_controlecijfer_zijn_geldig_en_elk_ander_laatste_cijfer_niet()
    {
        var random = new Random(20210101);
        var getest = 0;
        for (var n = 0; n < 300; n++)
        {
            var acht = random.Next(10_000_000, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
            if (MaakGeldig(acht) is not { } geldig)
            {
                continue; // no check digit 0-9 fits (the needed one would be 10)
            }

            getest++;
            Assert.True(Bsn.TryParse(geldig, out var bsn, out _), geldig);
            Assert.Equal(geldig, bsn.Value);

            for (var ander = 0; ander <= 9; ander++)
            {
                var fout = acht + ander;
                if (fout == geldig) continue;
                Assert.False(Bsn.TryParse(fout, out _, out var melding), fout);
                Assert.Contains("elfproef", melding);
            }
        }

        Assert.True(getest > 200, $"te weinig geldige nummers gegenereerd: {getest}");
    }

    [Fact]
    public void PassesElfproef_komt_overeen_met_de_referentie_voor_willekeurige_nummers()
    {
        var random = new Random(42);
        var geldig = 0;
        for (var n = 0; n < 5_000; n++)
        {
            var nummer = random.Next(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
            var verwacht = ReferentieElfproef(nummer);
            Assert.Equal(verwacht, Bsn.PassesElfproef(nummer));
            if (verwacht) geldig++;
        }

        // Roughly one in eleven random numbers passes; make sure both branches were exercised.
        Assert.InRange(geldig, 300, 700);
    }

    [Theory]
    [InlineData("999999991")] // 396 − 1 = 395, not a multiple of 11
    [InlineData("123456789")] // 156 − 9 = 147
    [InlineData("123456783")] // 156 − 3 = 153
    [InlineData("213456782")] // two digits swapped: 18+8+21+24+25+24+21+16 − 2 = 155
    public void Verkeerd_controlecijfer_wordt_afgewezen_met_melding_over_de_elfproef(string invoer)
    {
        Assert.False(Bsn.TryParse(invoer, out var bsn, out var fout));
        Assert.Equal(default, bsn);
        Assert.NotNull(fout);
        Assert.Contains("elfproef", fout);
    }

    [Theory]
    [InlineData("000000000")] // sum 0: divisible by 11, but not a BSN
    [InlineData("000000012")] // 2·1 − 2 = 0
    [InlineData("00000000")]  // eight zeros, padded to nine
    public void Som_nul_wordt_afgewezen(string invoer)
    {
        Assert.False(Bsn.TryParse(invoer, out _, out var fout));
        Assert.Contains("elfproef", fout);
        Assert.False(Bsn.PassesElfproef(invoer.PadLeft(9, '0')));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1234567")]       // 7 digits
    [InlineData("1234567820")]    // 10 digits
    [InlineData("12345678a")]     // letter
    [InlineData("a12345672")]
    [InlineData("1234567a")]      // 8 characters, not all digits: not padded
    [InlineData("123-456-782")]   // dashes are not stripped
    [InlineData("١٢٣٤٥٦٧٨٢")]     // Arabic-Indic digits are not ASCII digits
    [InlineData(null)]
    public void Verkeerde_lengte_of_tekens_geven_melding_over_9_cijfers(string? invoer)
    {
        Assert.False(Bsn.TryParse(invoer, out _, out var fout));
        Assert.Equal("Een BSN bestaat uit 9 cijfers.", fout);
    }

    [Theory]
    [InlineData("12345672", "012345672")]
    [InlineData("12.345.672", "012345672")]
    [InlineData(" 1234 5672 ", "012345672")]
    public void Oud_nummer_van_8_cijfers_krijgt_een_voorloopnul(string invoer, string verwacht)
    {
        Assert.True(Bsn.TryParse(invoer, out var bsn, out var fout));
        Assert.Null(fout);
        Assert.Equal(verwacht, bsn.Value);
    }

    [Fact]
    public void Acht_cijfers_die_met_voorloopnul_de_elfproef_niet_halen_worden_afgewezen()
    {
        // 0+8+14+18+20+20+18+14 − 3 = 109: not a multiple of 11.
        Assert.False(Bsn.TryParse("12345673", out _, out var fout));
        Assert.Contains("elfproef", fout);
    }

    [Theory]
    [InlineData("123.456.782")]
    [InlineData("123 456 782")]
    [InlineData("  123456782\t")]
    [InlineData("1 2 3 . 4 5 6 . 7 8 2")]
    public void Punten_en_spaties_worden_verwijderd(string invoer)
    {
        Assert.True(Bsn.TryParse(invoer, out var bsn, out _));
        Assert.Equal("123456782", bsn.Value);
    }

    [Fact]
    public void Masked_toont_alleen_de_laatste_drie_cijfers()
    {
        Assert.True(Bsn.TryParse("123456782", out var bsn, out _));

        Assert.Equal("******782", bsn.Masked);
        Assert.Equal(9, bsn.Masked.Length);
        Assert.Equal(3, bsn.Masked.Count(char.IsAsciiDigit));
        Assert.DoesNotContain("123456", bsn.Masked);
    }

    [Fact]
    public void Een_bsn_of_vnummer_dat_per_ongeluk_in_tekst_belandt_toont_alleen_drie_cijfers()
    {
        Assert.True(Bsn.TryParse("123456782", out var bsn, out _));
        Assert.True(VNummer.TryParse("12 3456 7890", out var vnummer, out _));
        Assert.Equal("1234567890", vnummer.Value);

        var tekst = $"{bsn} {vnummer} " + string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}", bsn) + " " + new { bsn, vnummer };
        Assert.DoesNotContain("123456", tekst);
        Assert.DoesNotContain("1234567", tekst.Replace("123456782", "", StringComparison.Ordinal));
        Assert.Contains("******782", tekst);
        Assert.Contains("*******890", tekst);
        Assert.False(VNummer.TryParse("12345", out _, out var fout));
        Assert.Equal("Een V-nummer bestaat uit 10 cijfers.", fout);
    }

    [Fact]
    public void Gelijke_nummers_zijn_gelijk_ongeacht_schrijfwijze()
    {
        Assert.True(Bsn.TryParse("123.456.782", out var a, out _));
        Assert.True(Bsn.TryParse("123456782", out var b, out _));
        Assert.True(Bsn.TryParse("111222333", out var c, out _));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData("1234567890", "1234567890")]
    [InlineData(" 12 3456 7890 ", "1234567890")]
    [InlineData("123.456.7890", "1234567890")]
    [InlineData("0000000001", "0000000001")]
    public void VNummer_van_10_cijfers_wordt_genormaliseerd(string invoer, string verwacht)
    {
        Assert.True(VNummer.TryNormalize(invoer, out var vnummer, out var fout));
        Assert.Null(fout);
        Assert.Equal(verwacht, vnummer);
    }

    [Theory]
    [InlineData("123456789")]   // 9 digits
    [InlineData("12345678901")] // 11 digits
    [InlineData("12345678a0")]
    [InlineData("")]
    [InlineData(null)]
    public void VNummer_zonder_precies_10_cijfers_wordt_afgewezen(string? invoer)
    {
        Assert.False(VNummer.TryNormalize(invoer, out _, out var fout));
        Assert.Equal("Een V-nummer bestaat uit 10 cijfers.", fout);
    }
}

using System.Text;
using Koers.Web.Infrastructure.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Koers.Web.Tests.Pdf;

/// <summary>
/// Letters in Arabic (joined letters, right to left) and Tigrinya (Ethiopic script, which DejaVu does not have): the
/// right fonts are embedded, the text is there and reads back, amounts and dates keep their own order inside an
/// Arabic line, and the body is right aligned. Dutch letters keep DejaVu only.
/// </summary>
public class MeertaligeBriefTests
{
    private static readonly Briefteksten Arabisch = new("الصفحة {0} من {1}", "الهاتف", true);
    private static readonly Briefteksten Tigrinya = new("ገጽ {0} ካብ {1}", "ተሌፎን", false);
    private const float Mm = 72f / 25.4f;

    [Fact]
    public void Arabische_brief_in_Noto_Sans_Arabic_van_rechts_naar_links_met_bedragen_en_datums_in_hun_eigen_volgorde()
    {
        var pdf = new BriefPdf(Voorbeeld.Bergeijk).Taal(Arabisch)
            .Kop("ما دفعته البلدية عنك")
            .Alinea("تدفع البلدية هذه الفواتير عنك حتى 14 ديسمبر 2026. بعد ذلك تدفعها بنفسك.")
            .Tabel([("الإيجار إلى Woonstichting Eersel", "€ 330,67"), ("المجموع", "€ 400,00")])
            .Maak();

        var letters = MeertaligePdf.Letters(pdf);
        Assert.Contains(letters, l => (l.FontName ?? "").Contains("NotoSansArabic-Bold", StringComparison.Ordinal)); // the heading
        var arabisch = letters.Where(l => MeertaligePdf.IsArabisch(l.Value)).ToList();
        Assert.True(arabisch.Count > 50);
        Assert.All(arabisch, l => Assert.Contains("NotoSansArabic", l.FontName ?? "", StringComparison.Ordinal));

        // Read back as drawn (left to right on the page): every Arabic word appears mirrored, joined forms back to letters.
        var gelezen = MeertaligePdf.Visueel(pdf);
        foreach (var woord in new[] { "البلدية", "الفواتير", "المجموع", "الصفحة", "الهاتف" })
            Assert.Contains(MeertaligePdf.Omgekeerd(woord), gelezen);
        // "14 ديسمبر 2026" read right to left: on the page the year is left, the day right; the amounts read left to right.
        Assert.Contains($"2026 {MeertaligePdf.Omgekeerd("ديسمبر")} 14", gelezen);
        Assert.Contains("€ 330,67", gelezen);
        Assert.Contains("€ 400,00", gelezen);
        Assert.Contains("Woonstichting Eersel", gelezen);
        Assert.Contains("14 0497", gelezen); // the phone number after the Arabic label in the letterhead

        // Right aligned: the heading ends at the right margin; the label column is at the right, the amounts left of it.
        using var document = PdfDocument.Open(pdf);
        var pagina = document.GetPage(1);
        var rechts = pagina.Width - 20 * Mm;
        var kop = letters.Where(l => (l.FontName ?? "").Contains("NotoSansArabic-Bold", StringComparison.Ordinal)).ToList();
        Assert.InRange(kop.Max(l => l.BoundingBox.Right), rechts - 2, rechts + 1);
        Assert.True(kop.Min(l => l.BoundingBox.Left) > pagina.Width / 2);
        var euros = letters.Where(l => l.Value == "€").ToList();
        Assert.Equal(2, euros.Count);
        foreach (var euro in euros)
        {
            var rij = letters.Where(l => Math.Abs(l.StartBaseLine.Y - euro.StartBaseLine.Y) < 1 && MeertaligePdf.IsArabisch(l.Value)).ToList();
            Assert.NotEmpty(rij);
            Assert.True(rij.Min(l => l.BoundingBox.Left) > euro.BoundingBox.Right + 20, "het label staat rechts van het bedrag");
        }
    }

    [Fact]
    public void Tigrinya_brief_in_Noto_Sans_Ethiopic()
    {
        const string kop = "ምምሕዳር ከተማ ኣብ ክንዳኹም ዝኸፈሎ";
        const string zin = "ምምሕዳር ከተማ ነዞም ሕሳባት ክሳብ 14 ዲሰምበር 2026 ኣብ ክንዳኹም ይኸፍል።";
        var pdf = new BriefPdf(Voorbeeld.Bergeijk).Taal(Tigrinya).Kop(kop).Alinea(zin).Tabel([("ክራይ ናብ Woonstichting Eersel", "€ 330,67")]).Maak();

        var letters = MeertaligePdf.Letters(pdf);
        var ethiopisch = letters.Where(l => l.Value.Length > 0 && l.Value[0] is >= '\u1200' and <= '\u139F').ToList();
        Assert.True(ethiopisch.Count > 40);
        Assert.All(ethiopisch, l => Assert.Contains("NotoSansEthiopic", l.FontName ?? "", StringComparison.Ordinal));
        Assert.Contains(ethiopisch, l => (l.FontName ?? "").Contains("NotoSansEthiopic-Bold", StringComparison.Ordinal));
        var tekst = GelezenPdf.Lees(pdf).Tekst;
        Assert.Contains(kop, tekst);
        Assert.Contains(zin, tekst);
        Assert.Contains("ክራይ ናብ Woonstichting Eersel € 330,67", tekst);
        Assert.Contains("ገጽ 1 ካብ 1", tekst);
    }

    [Fact]
    public void Nederlandse_brief_gebruikt_alleen_DejaVu()
    {
        var pdf = new BriefPdf(Voorbeeld.Bergeijk).Kop("Wat de gemeente voor u betaalde").Alinea("Huur aan Woonstichting Eersel: € 330,67 tot en met 14 december 2026.").Maak();

        Assert.All(MeertaligePdf.Letters(pdf), l => Assert.Contains("DejaVuSans", l.FontName ?? "", StringComparison.Ordinal));
        Assert.DoesNotContain("Noto", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Assert.Contains("Huur aan Woonstichting Eersel: € 330,67 tot en met 14 december 2026. Gemeente Bergeijk Pagina 1 van 1", GelezenPdf.Lees(pdf).Tekst);
    }

    [Fact]
    public void Bidi_niveaus_van_een_Arabische_regel()
    {
        const string regel = "المجموع € 330,67 (Woonstichting)";
        var niveaus = Vormgever.Niveaus(regel, 1);
        string Op(int niveau) => new(regel.Where((_, i) => niveaus[i] == niveau).ToArray());
        Assert.Equal("€ 330,67Woonstichting", Op(2)); // the amount as one unit, the Latin name: left to right
        Assert.Equal("المجموع  ()", Op(1));
        Assert.All(Vormgever.Niveaus("Huur € 330,67", 0), n => Assert.Equal(0, n));

        // A Latin name with brackets after Latin text keeps its brackets around its own words (UAX #9 N0); without
        // that the closing bracket went to the line's far end: "(Waterbedrijf Zuid (demo".
        const string naam = "الماء إلى Waterbedrijf Zuid (demo)";
        var n2 = Vormgever.Niveaus(naam, 1);
        Assert.Equal("Waterbedrijf Zuid (demo)", new string(naam.Where((_, i) => n2[i] == 2).ToArray()));
    }
}

/// <summary>Reading back letters in other scripts.</summary>
internal static class MeertaligePdf
{
    public static List<Letter> Letters(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().SelectMany(p => p.Letters).ToList();
    }

    /// <summary>The text in page order (left to right), Arabic presentation forms (joined letters) normalised to letters.</summary>
    public static string Visueel(byte[] pdf) => GelezenPdf.Lees(pdf).Tekst.Normalize(NormalizationForm.FormKC);

    public static string Omgekeerd(string woord) => new(woord.Reverse().ToArray());

    public static bool IsArabisch(string s) => s.Length > 0 && s[0] is >= '\u0600' and <= '\u06FF' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';
}

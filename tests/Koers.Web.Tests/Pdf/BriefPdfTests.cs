using Koers.Web.Infrastructure.Pdf;

namespace Koers.Web.Tests.Pdf;

public class BriefPdfTests
{
    [Fact]
    public void Nederlandse_tekens_blijven_heel()
    {
        const string zin = "Één café in Enschede: geïnteresseerd? Kosten € 12,50 – “gratis” voor ‘u’; ë, ï, é, ü, ó, à, ĳ.";
        var pdf = new BriefPdf(Voorbeeld.Bergeijk)
            .Kop("Ölçü: reünie – “test”")
            .Alinea(zin)
            .Opsomming([zin])
            .Tabel([("Geïnteresseerd", zin)])
            .Maak();

        var brief = GelezenPdf.Lees(pdf);
        Assert.Contains("Ölçü: reünie – “test”", brief.Tekst);
        Assert.Equal(3, brief.Telling(zin));
        Assert.Contains("Team Werk en Inkomen – Inburgering", brief.Tekst);
    }

    /// <summary>
    /// PDF/A-2b as far as it can be checked here (no PDF/A validator such as veraPDF is in the Debian, NuGet or npm
    /// registries CI may use): the XMP identification, the output intent, every font embedded, no encryption and no
    /// JavaScript or external references. Checked on the real PIP and handhaving letters.
    /// </summary>
    [Fact]
    public void Brieven_zijn_PDF_A_2b()
    {
        foreach (var pdf in new[] { Koers.Web.Features.Pip.Beschikking.BeschikkingBrief.Maak(Voorbeeld.Vaststelling()), new BriefPdf(Voorbeeld.Bergeijk).Alinea("Kort.").Maak() })
        {
            using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
            Assert.True(document.TryGetXmpMetadata(out var xmp), "geen XMP-metadata");
            var xml = xmp.GetXDocument().ToString();
            Assert.Matches(@"pdfaid:part(>|="")2", xml);
            Assert.Matches(@"pdfaid:conformance(>|="")B", xml);
            Assert.False(document.IsEncrypted);
            var catalogus = document.Structure.Catalog.CatalogDictionary;
            Assert.True(catalogus.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.OutputIntents), "geen OutputIntents");

            var ruw = System.Text.Encoding.Latin1.GetString(pdf);
            Assert.Contains("/GTS_PDFA1", ruw);
            var beschrijvingen = System.Text.RegularExpressions.Regex.Count(ruw, "/Type /FontDescriptor");
            Assert.True(beschrijvingen > 0);
            Assert.Equal(beschrijvingen, System.Text.RegularExpressions.Regex.Count(ruw, "/FontFile[23]? "));
            Assert.DoesNotContain("/JavaScript", ruw);
            Assert.DoesNotContain("/URI", ruw);
        }
    }

    [Fact]
    public void Woord_langer_dan_een_regel_wordt_afgebroken_zonder_verlies()
    {
        var woord = string.Concat(Enumerable.Range(0, 40).Select(i => $"deel{i:00}"));
        var pdf = new BriefPdf(Voorbeeld.Bergeijk).Alinea($"Begin {woord} eind.").Maak();

        var zonderSpaties = GelezenPdf.Lees(pdf).Tekst.Replace(" ", "");
        Assert.Contains($"Begin{woord}eind.", zonderSpaties);
    }

    [Fact]
    public void Metadata_en_titel_uit_onderwerp()
    {
        var pdf = new BriefPdf(Voorbeeld.Bergeijk)
            .Kenmerken([("Datum", "1 maart 2027"), ("Onderwerp", "Uw aanvraag")])
            .Alinea("Tekst.")
            .Maak();

        var brief = GelezenPdf.Lees(pdf);
        Assert.Equal("Uw aanvraag", brief.Titel);
        Assert.Equal("Gemeente Bergeijk", brief.Auteur);
        Assert.Equal("Koers", brief.Maker);
    }

    [Fact]
    public void Kop_en_inleiding_blijven_bij_wat_volgt_waar_de_pagina_ook_breekt()
    {
        // shift the heading line by line over the foot of page 1 and 2
        for (var vulling = 30; vulling < 80; vulling += 3)
        {
            var brief = new BriefPdf(Voorbeeld.Bergeijk);
            for (var i = 0; i < vulling; i++) brief.Opsomming([$"Vulregel {i:00}"]);
            var gelezen = GelezenPdf.Lees(brief
                .Kop("Kop boven de lijst")
                .Alinea("Dit is de inleiding:")
                .Opsomming(["Eerste punt", "Tweede punt"])
                .Maak());

            var pagina = Assert.Single(gelezen.Paginas, p => p.Contains("Kop boven de lijst"));
            Assert.Contains("Dit is de inleiding: • Eerste punt", pagina);
        }
    }

    [Fact]
    public void Lege_brief_heeft_een_pagina_met_briefhoofd()
    {
        var brief = GelezenPdf.Lees(new BriefPdf(Voorbeeld.Bergeijk).Maak());

        Assert.Equal(1, brief.Aantal);
        Assert.Contains("Pagina 1 van 1", brief.Tekst);
    }

    [Fact]
    public void Veel_alineas_lopen_door_en_elke_pagina_telt_mee()
    {
        var brief = new BriefPdf(Voorbeeld.Bergeijk);
        for (var i = 0; i < 120; i++) brief.Alinea($"Alinea {i:000} met wat tekst die de regel vult en daarna netjes doorloopt op de volgende regel van de brief.");
        brief.Ruimte();
        for (var i = 0; i < 40; i++) brief.Tabel([($"Label {i:00}", $"Waarde {i:00} die ook best wat langer mag zijn zodat hij over meer dan één regel wordt verdeeld in de rechterkolom.")]);

        var gelezen = GelezenPdf.Lees(brief.Maak());
        Assert.True(gelezen.Aantal > 3);
        for (var i = 0; i < 120; i++) Assert.Equal(1, gelezen.Telling($"Alinea {i:000} met"));
        for (var i = 0; i < 40; i++) Assert.Equal(1, gelezen.Telling($"Waarde {i:00} die"));
        for (var p = 0; p < gelezen.Aantal; p++) Assert.Contains($"Pagina {p + 1} van {gelezen.Aantal}", gelezen.Paginas[p]);
    }
}

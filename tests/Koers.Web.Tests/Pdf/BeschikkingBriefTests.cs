using Koers.Web.Features.Pip.Beschikking;

namespace Koers.Web.Tests.Pdf;

public class BeschikkingBriefTests
{
    [Fact]
    public void Vaststelling_is_een_pdf_met_de_inhoud_van_het_plan()
    {
        var pdf = BeschikkingBrief.Maak(Voorbeeld.Vaststelling());
        BewaarVoorbeeld("beschikking-vaststelling.pdf", pdf);

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var brief = GelezenPdf.Lees(pdf);
        Assert.Contains("Beste Amina Haddad,", brief.Tekst);
        Assert.Contains("Besluit: wij stellen uw persoonlijk plan inburgering en participatie (PIP) vast", brief.Tekst);
        Assert.Contains("B1-route", brief.Tekst);
        foreach (var onderdeel in Voorbeeld.Onderdelen) Assert.Contains(onderdeel, brief.Tekst);
        Assert.Contains("Uw inburgeringstermijn loopt van 1 september 2026 tot en met 31 augustus 2029.", brief.Tekst);
        Assert.Contains("24 november 2026", brief.Tekst);
        Assert.Contains("Wij spreken u elke 3 maanden.", brief.Tekst);
        Assert.Contains(
            "U kunt bezwaar maken binnen zes weken na de dag van verzending van deze brief. Wij hebben deze brief verzonden op 24 november 2026. "
            + "Uw bezwaarschrift moet dus uiterlijk op 5 januari 2027 bij ons zijn.",
            brief.Tekst);
        Assert.Contains("Postbus 10000 5570 GA Bergeijk", brief.Tekst);
        Assert.Contains("Wij nemen dit besluit op grond van de artikelen 14, 15 en 16 van de Wet inburgering 2021", brief.Tekst);
        Assert.Contains("Waarom wij dit besluiten", brief.Tekst);
        foreach (var reden in Voorbeeld.Vaststelling().Motivering) Assert.Contains(reden, brief.Tekst);
        Assert.Contains("uw handtekening", brief.Tekst);
        Assert.Contains("Met vriendelijke groet, het college van burgemeester en wethouders van Bergeijk", brief.Tekst);
        Assert.DoesNotContain("Waarom wij afwijken", brief.Tekst);
        Assert.DoesNotContain("versie", brief.Tekst);
    }

    [Fact]
    public void Zonder_verzenddatum_noemt_de_bezwaarclausule_de_regel_en_geen_datum()
    {
        // Dagtekening 24 November: a date computed from it (5 January) would be wrong if the letter leaves later.
        var brief = GelezenPdf.Lees(BeschikkingBrief.Maak(Voorbeeld.Vaststelling() with { Verzenddatum = null }));

        Assert.Contains("U kunt bezwaar maken binnen zes weken na de dag van verzending van deze brief. De termijn begint op de dag nadat wij deze brief hebben verzonden.", brief.Tekst);
        Assert.DoesNotContain("uiterlijk op", brief.Tekst);
        Assert.DoesNotContain("5 januari 2027", brief.Tekst);
    }

    [Fact]
    public void Bezwaareinde_op_een_feestdag_schuift_in_de_brief_door_naar_de_werkdag()
    {
        // Sent Friday 13 November 2026: six weeks end on Christmas Day (Friday), then a weekend: Monday 28 December.
        var brief = GelezenPdf.Lees(BeschikkingBrief.Maak(Voorbeeld.Vaststelling() with { Datum = new DateOnly(2026, 11, 12), Verzenddatum = new DateOnly(2026, 11, 13) }));

        Assert.Contains("Wij hebben deze brief verzonden op 13 november 2026. Uw bezwaarschrift moet dus uiterlijk op 28 december 2026 bij ons zijn.", brief.Tekst);
    }

    [Fact]
    public void Elke_pagina_heeft_briefhoofd_en_paginanummer_van_het_totaal()
    {
        var brief = GelezenPdf.Lees(BeschikkingBrief.Maak(Voorbeeld.Vaststelling()));

        Assert.True(brief.Aantal >= 2, $"verwacht een brief van meer pagina's, kreeg {brief.Aantal}");
        for (var i = 0; i < brief.Aantal; i++)
        {
            Assert.Contains($"Pagina {i + 1} van {brief.Aantal}", brief.Paginas[i]);
            Assert.StartsWith("Gemeente Bergeijk", brief.Paginas[i]);
        }
    }

    [Fact]
    public void Metadata_noemt_gemeente_en_onderwerp()
    {
        var brief = GelezenPdf.Lees(BeschikkingBrief.Maak(Voorbeeld.Vaststelling()));

        Assert.Equal("Gemeente Bergeijk", brief.Auteur);
        Assert.Equal("Koers", brief.Maker);
        Assert.Contains("PIP-2026-00123", brief.Titel);
    }

    [Fact]
    public void Lang_plan_loopt_over_meer_paginas_zonder_tekst_te_verliezen()
    {
        var subdoelen = Enumerable.Range(1, 60)
            .Select(i => $"Subdoel {i:00}: oefenen met een gesprek op het werk, zodat deze regel te lang is voor één regel en moet afbreken [{i:00}].")
            .ToList();
        var pdf = BeschikkingBrief.Maak(Voorbeeld.Vaststelling() with { Subdoelen = subdoelen });
        BewaarVoorbeeld("beschikking-lang.pdf", pdf);

        var brief = GelezenPdf.Lees(pdf);
        Assert.True(brief.Aantal >= 4, $"verwacht minstens 4 pagina's, kreeg {brief.Aantal}");
        foreach (var subdoel in subdoelen) Assert.Equal(1, brief.Telling(subdoel));
        Assert.Contains($"Pagina {brief.Aantal} van {brief.Aantal}", brief.Paginas[^1]);
        Assert.Contains("Met vriendelijke groet,", brief.Paginas[^1]);
    }

    [Fact]
    public void Bijstelling_noemt_versie_reden_en_wijzigingen()
    {
        var g = Voorbeeld.Bijstelling();
        var pdf = BeschikkingBrief.Maak(g);
        BewaarVoorbeeld("beschikking-bijstelling.pdf", pdf);
        var brief = GelezenPdf.Lees(pdf);

        Assert.Contains("Besluit: wij wijzigen uw PIP (versie 2)", brief.Tekst);
        Assert.Contains("versie 2 van uw PIP", brief.Tekst);
        Assert.Contains(g.RedenBijstelling!, brief.Tekst);
        foreach (var wijziging in g.Wijzigingen) Assert.Contains(wijziging, brief.Tekst);
        Assert.Contains("uiterlijk op 24 mei 2027", brief.Tekst);
        Assert.DoesNotContain("wij stellen uw persoonlijk plan", brief.Tekst);
    }

    [Fact]
    public void Motivatie_afwijking_leerbaarheidstoets_alleen_als_die_er_is()
    {
        const string motivatie = "U heeft in de intake laten zien dat u snel leert. U heeft al een diploma uit Syrië.";
        var met = GelezenPdf.Lees(BeschikkingBrief.Maak(Voorbeeld.Vaststelling() with
        {
            MotivatieAfwijkingLbt = motivatie,
            LbtUitslag = "advies Z-route",
        }));
        var zonder = GelezenPdf.Lees(BeschikkingBrief.Maak(Voorbeeld.Vaststelling()));

        Assert.Contains("Waarom wij afwijken van de uitslag van de leerbaarheidstoets", met.Tekst);
        Assert.Contains("De uitslag was: advies Z-route.", met.Tekst);
        Assert.Contains(motivatie, met.Tekst);
        Assert.DoesNotContain("Waarom wij afwijken", zonder.Tekst);
    }

    [Fact]
    public void Zonder_optionele_gegevens_komen_er_geen_lege_regels()
    {
        var brief = GelezenPdf.Lees(BeschikkingBrief.Maak(Voorbeeld.Vaststelling() with
        {
            Klantregisseur = null,
            Participatie = null,
            Aanbieder = null,
            GeplandeStart = null,
            Aandachtspunten = [],
            Subdoelen = [],
        }));

        Assert.DoesNotContain("Contactpersoon", brief.Tekst);
        Assert.DoesNotContain("Geplande start", brief.Tekst);
        Assert.DoesNotContain("Waar wij rekening mee houden", brief.Tekst);
        Assert.Contains("Neem dan contact op met ons. Bel ons op 14 0497", brief.Tekst);
    }

    [Fact]
    public void Datum_is_Nederlands()
    {
        Assert.Equal("24 november 2026", BeschikkingBrief.Datum(new DateOnly(2026, 11, 24)));
        Assert.Equal("1 maart 2027", BeschikkingBrief.Datum(new DateOnly(2027, 3, 1)));
    }

    /// <summary>With KOERS_PDF_VOORBEELD=/some/dir the letters are also written there, to look at.</summary>
    private static void BewaarVoorbeeld(string naam, byte[] pdf)
    {
        if (Environment.GetEnvironmentVariable("KOERS_PDF_VOORBEELD") is { Length: > 0 } map)
            File.WriteAllBytes(Path.Combine(map, naam), pdf);
    }
}

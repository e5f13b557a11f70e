using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Koers.Web.Features.Ontzorgen;

namespace Koers.Web.Tests.Ontzorgen;

/// <summary>The pain.001.001.03 writer on its own, against the official ISO 20022 schema; and proof that the schema check bites.</summary>
public class Pain001Tests
{
    private static readonly XNamespace Pain = Pain001.Namespace;

    private static XmlSchemaSet Schema([CallerFilePath] string bron = "")
    {
        var set = new XmlSchemaSet();
        using var lezer = XmlReader.Create(Path.Combine(Path.GetDirectoryName(bron)!, "..", "..", "..", "src", "Koers.Web", "Features", "Ontzorgen", "xsd", "pain.001.001.03.xsd"));
        set.Add(null, lezer);
        set.Compile();
        return set;
    }

    private static List<string> Fouten(XDocument doc)
    {
        var fouten = new List<string>();
        doc.Validate(Schema(), (_, e) => fouten.Add(e.Message));
        return fouten;
    }

    private static Pain001Opdracht Opdracht(string? debiteurBic = null, params Pain001Transactie[] transacties) => new(
        "KOERS-GM1724-202607-1", new DateTime(2026, 6, 16, 10, 0, 0), "KOERS-GM1724-202607-1-1", new DateOnly(2026, 7, 1),
        "Gemeente Bergeijk", "NL02ABNA0123456789", debiteurBic,
        transacties.Length > 0 ? transacties : [new("ONTZ-202607-AAAA", 725.50m, "Woonstichting De Kempen", "NL91ABNA0417164300", null, "HC-1 juli 2026")]);

    [Fact]
    public void Bestand_zonder_bic_is_geldig_met_notprovided()
    {
        var doc = XDocument.Parse(System.Text.Encoding.UTF8.GetString(Pain001.Maak(Opdracht())));

        Assert.Empty(Fouten(doc));
        Assert.Equal("NOTPROVIDED", doc.Descendants(Pain + "DbtrAgt").Descendants(Pain + "Id").Single().Value);
        Assert.Equal("2026-07-01", doc.Descendants(Pain + "ReqdExctnDt").Single().Value);
        Assert.Equal("2026-06-16T10:00:00", doc.Descendants(Pain + "CreDtTm").Single().Value);
    }

    [Fact]
    public void Lange_en_bijzondere_teksten_worden_ingekort_tot_de_sepa_tekenset()
    {
        var lang = new string('x', 200);
        var doc = XDocument.Parse(System.Text.Encoding.UTF8.GetString(Pain001.Maak(Opdracht("RABONL2U",
            new("ONTZ-1", 0.01m, "Müller & Zöhne ‘Energie’ " + lang, "DE89370400440532013000", "COBADEFFXXX", "Kenmerk ä/ö " + lang),
            new("ONTZ-2", 9999.99m, "CZ", "NL91ABNA0417164300", null, "Z-1 juli 2026")))));

        Assert.Empty(Fouten(doc));
        var nm = doc.Descendants(Pain + "Cdtr").First().Element(Pain + "Nm")!.Value;
        Assert.StartsWith("Muller + Zohne 'Energie' x", nm); // typographic quotes become the SEPA apostrophe
        Assert.Equal(70, nm.Length);
        Assert.Equal(140, doc.Descendants(Pain + "Ustrd").First().Value.Length);
        Assert.Equal("10000.00", doc.Descendants(Pain + "GrpHdr").Single().Element(Pain + "CtrlSum")!.Value);
        Assert.Equal("2", doc.Descendants(Pain + "PmtInf").Single().Element(Pain + "NbOfTxs")!.Value);
    }

    [Fact]
    public void De_schemacontrole_vangt_een_kapot_bestand()
    {
        var doc = XDocument.Parse(System.Text.Encoding.UTF8.GetString(Pain001.Maak(Opdracht())));
        doc.Descendants(Pain + "NbOfTxs").First().Remove();
        doc.Descendants(Pain + "IBAN").First().Value = "NL 91";
        doc.Descendants(Pain + "InstdAmt").Single().Attribute("Ccy")!.Value = "euro";

        Assert.True(Fouten(doc).Count >= 3);
    }

    [Fact]
    public void Zonder_transacties_geen_bestand()
    {
        Assert.Throws<ArgumentException>(() => Pain001.Maak(Opdracht() with { Transacties = [] }));
    }

    [Fact]
    public void Maak_geeft_nooit_een_bestand_dat_niet_aan_het_schema_voldoet()
    {
        // A BIC of three letters and a receiver name that keeps no SEPA character: both break the schema.
        var fout = Assert.Throws<OngeldigBetaalbestandException>(() => Pain001.Maak(Opdracht("ABC",
            new Pain001Transactie("ONTZ-202607-BBBB", 10m, "سكن", "NL91ABNA0417164300", null, "H-1"))));
        Assert.True(fout.Fouten.Count >= 2, string.Join(" | ", fout.Fouten));
        Assert.Contains(fout.Fouten, f => f.Contains("BIC", StringComparison.Ordinal));
        Assert.Contains(fout.Fouten, f => f.Contains("Nm", StringComparison.Ordinal));
    }

    [Fact]
    public void Controle_tegen_het_ingebouwde_schema_vindt_wat_de_losse_xsd_vindt()
    {
        var goed = Pain001.Maak(Opdracht());
        Assert.Empty(Pain001.Controleer(goed));
        var kapot = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(goed).Replace("<PmtMtd>TRF</PmtMtd>", "<PmtMtd>XXX</PmtMtd>", StringComparison.Ordinal));
        Assert.NotEmpty(Pain001.Controleer(kapot));
        Assert.NotEmpty(Fouten(XDocument.Parse(System.Text.Encoding.UTF8.GetString(kapot))));
    }
}

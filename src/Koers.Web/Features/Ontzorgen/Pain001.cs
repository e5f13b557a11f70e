using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Schema;
using Koers.Domain.Ontzorgen;

namespace Koers.Web.Features.Ontzorgen;

public sealed record Pain001Transactie(string EndToEndId, decimal Bedrag, string CrediteurNaam, string Iban, string? Bic, string Omschrijving);

public sealed record Pain001Opdracht(
    string MsgId,
    DateTime AangemaaktOp,
    string PmtInfId,
    DateOnly Uitvoerdatum,
    string DebiteurNaam,
    string DebiteurIban,
    string? DebiteurBic,
    IReadOnlyList<Pain001Transactie> Transacties);

/// <summary>
/// Writes an ISO 20022 customer credit transfer initiation, pain.001.001.03, in the SEPA subset (EPC implementation
/// guidelines): one group header, one payment information block with the municipality as debtor, and one
/// transaction per payment. Texts are reduced to the SEPA character set and cut to the field lengths.
/// </summary>
public static class Pain001
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";

    /// <summary>The standard this file follows (group header, debtor, one transaction per payment).</summary>
    public static Koers.Domain.Sources.Citation Bron => Koers.Domain.Ontzorgen.BronOntzorgen.Sepa;

    public static byte[] Maak(Pain001Opdracht o)
    {
        if (o.Transacties.Count == 0) throw new ArgumentException("Een betaalbestand heeft minstens één transactie.", nameof(o));

        var totaal = o.Transacties.Sum(t => t.Bedrag);
        var aantal = o.Transacties.Count.ToString(CultureInfo.InvariantCulture);
        using var stream = new MemoryStream();
        var instellingen = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  " };
        using (var w = XmlWriter.Create(stream, instellingen))
        {
            w.WriteStartDocument();
            w.WriteStartElement("Document", Namespace);
            w.WriteStartElement("CstmrCdtTrfInitn", Namespace);

            w.WriteStartElement("GrpHdr", Namespace);
            Element(w, "MsgId", Id(o.MsgId));
            Element(w, "CreDtTm", o.AangemaaktOp.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            Element(w, "NbOfTxs", aantal);
            Element(w, "CtrlSum", Bedrag(totaal));
            w.WriteStartElement("InitgPty", Namespace);
            Element(w, "Nm", SepaTekst.Schoon(o.DebiteurNaam, 70));
            w.WriteEndElement();
            w.WriteEndElement();

            w.WriteStartElement("PmtInf", Namespace);
            Element(w, "PmtInfId", Id(o.PmtInfId));
            Element(w, "PmtMtd", "TRF");
            Element(w, "BtchBookg", "true");
            Element(w, "NbOfTxs", aantal);
            Element(w, "CtrlSum", Bedrag(totaal));
            w.WriteStartElement("PmtTpInf", Namespace);
            w.WriteStartElement("SvcLvl", Namespace);
            Element(w, "Cd", "SEPA");
            w.WriteEndElement();
            w.WriteEndElement();
            Element(w, "ReqdExctnDt", o.Uitvoerdatum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteStartElement("Dbtr", Namespace);
            Element(w, "Nm", SepaTekst.Schoon(o.DebiteurNaam, 70));
            w.WriteEndElement();
            Rekening(w, "DbtrAcct", o.DebiteurIban);
            // The debtor agent is mandatory; without a BIC the EPC guidelines allow 'NOTPROVIDED' (IBAN-only).
            w.WriteStartElement("DbtrAgt", Namespace);
            w.WriteStartElement("FinInstnId", Namespace);
            if (o.DebiteurBic is { Length: > 0 } bic)
            {
                Element(w, "BIC", bic);
            }
            else
            {
                w.WriteStartElement("Othr", Namespace);
                Element(w, "Id", "NOTPROVIDED");
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
            Element(w, "ChrgBr", "SLEV");

            foreach (var t in o.Transacties)
            {
                w.WriteStartElement("CdtTrfTxInf", Namespace);
                w.WriteStartElement("PmtId", Namespace);
                Element(w, "EndToEndId", Id(t.EndToEndId));
                w.WriteEndElement();
                w.WriteStartElement("Amt", Namespace);
                w.WriteStartElement("InstdAmt", Namespace);
                w.WriteAttributeString("Ccy", "EUR");
                w.WriteString(Bedrag(t.Bedrag));
                w.WriteEndElement();
                w.WriteEndElement();
                if (t.Bic is { Length: > 0 } cbic)
                {
                    w.WriteStartElement("CdtrAgt", Namespace);
                    w.WriteStartElement("FinInstnId", Namespace);
                    Element(w, "BIC", cbic);
                    w.WriteEndElement();
                    w.WriteEndElement();
                }

                w.WriteStartElement("Cdtr", Namespace);
                Element(w, "Nm", SepaTekst.Schoon(t.CrediteurNaam, 70));
                w.WriteEndElement();
                Rekening(w, "CdtrAcct", t.Iban);
                w.WriteStartElement("RmtInf", Namespace);
                Element(w, "Ustrd", SepaTekst.Schoon(t.Omschrijving, 140));
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }

        var bestand = stream.ToArray();
        var fouten = Controleer(bestand);
        if (fouten.Count > 0) throw new OngeldigBetaalbestandException(fouten);
        return bestand;
    }

    /// <summary>The official schema (embedded, see xsd/README.md), compiled once.</summary>
    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        var set = new XmlSchemaSet();
        using var bron = typeof(Pain001).Assembly.GetManifestResourceStream("Koers.Web.Features.Ontzorgen.pain.001.001.03.xsd")
            ?? throw new InvalidOperationException("Het schema pain.001.001.03.xsd ontbreekt in Koers.Web.");
        using var lezer = XmlReader.Create(bron);
        set.Add(Namespace, lezer);
        set.Compile();
        return set;
    });

    /// <summary>Validates a file against the ISO 20022 schema; the messages of every violation, none when valid.</summary>
    public static List<string> Controleer(byte[] bestand)
    {
        var fouten = new List<string>();
        var instellingen = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema.Value, DtdProcessing = DtdProcessing.Prohibit };
        instellingen.ValidationEventHandler += (_, e) => fouten.Add(e.Message);
        using var lezer = XmlReader.Create(new MemoryStream(bestand), instellingen);
        while (lezer.Read())
        {
        }

        return fouten;
    }

    /// <summary>Amounts with a decimal point and two decimals, as the schema and the EPC rules want.</summary>
    public static string Bedrag(decimal bedrag) => bedrag.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Id(string id) => SepaTekst.Schoon(id, 35).Replace(" ", string.Empty, StringComparison.Ordinal);

    private static void Element(XmlWriter w, string naam, string waarde) => w.WriteElementString(naam, Namespace, waarde);

    private static void Rekening(XmlWriter w, string naam, string iban)
    {
        w.WriteStartElement(naam, Namespace);
        w.WriteStartElement("Id", Namespace);
        Element(w, "IBAN", iban);
        w.WriteEndElement();
        w.WriteEndElement();
    }
}

/// <summary>A betaalbestand that does not meet the pain.001.001.03 schema: it is not stored and not handed out.</summary>
public sealed class OngeldigBetaalbestandException(IReadOnlyList<string> fouten)
    : Exception("Het betaalbestand voldoet niet aan het schema pain.001.001.03: " + string.Join("; ", fouten))
{
    public IReadOnlyList<string> Fouten { get; } = fouten;
}

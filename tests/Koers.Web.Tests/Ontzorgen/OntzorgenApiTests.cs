using System.Globalization;
using System.Net;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using AngleSharp.Html.Parser;
using Koers.Data.Model.Ontzorgen;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Ontzorgen;

/// <summary>
/// Financieel ontzorgen through the API and the screens: policy, decision, payees with IBAN check, the monthly payment
/// run (pro rata, idempotent, a valid ISO 20022 pain.001.001.03 file) and the worklist signals. The clock stands on
/// 16 June 2026. Each test uses its own municipality or its own months, so the tests of a class do not see each other's payments.
/// </summary>
public abstract class OntzorgenApiTests(KoersFactory factory)
{
    private static readonly XNamespace Pain = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";
    private readonly HttpClient _client = factory.CreateClient();

    // ---- helpers ------------------------------------------------------------------------------------------------

    /// <summary>A valid Dutch IBAN for a bank code and account number: check digits 98 − (BBAN + "NL00" as a number) mod 97.</summary>
    private static string NlIban(string bank, long rekening)
    {
        var bban = bank + rekening.ToString("D10", CultureInfo.InvariantCulture);
        var cijfers = string.Concat((bban + "NL00").Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        return $"NL{98 - (int)(BigInteger.Parse(cijfers, CultureInfo.InvariantCulture) % 97):00}{bban}";
    }

    private static decimal NaarRato(decimal bedrag, int dagen, int dagenInMaand) => Math.Round(bedrag * dagen / dagenInMaand, 2, MidpointRounding.AwayFromZero);

    private async Task<string> DossierAsync(string gemeente, string? startBijstand, string doelgroep = "asielstatushouder", string naam = "Ontzorgd")
    {
        var invoer = Testdata.Inburgeraar(gemeente: gemeente, doelgroep: doelgroep, koppelingsdatum: "2022-01-03");
        invoer["achternaam"] = naam;
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.LeesAsync())["id"]!.GetValue<string>();
        if (startBijstand is not null) await MijlpaalAsync(id, "startBijstand", startBijstand);
        return id;
    }

    private async Task MijlpaalAsync(string id, string soort, string datum) =>
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/{soort}", new { datum })).StatusCode);

    [Fact]
    public async Task Verlengen_en_afzien_verschuiven_de_termijn_op_de_werkvoorraad()
    {
        var id = await DossierAsync("GM1724", "2026-01-01"); // legal end 30 June 2026
        async Task<JsonNode> TermijnAsync() => (await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/termijnen")).LeesAsync())["termijnen"]!.AsArray()
            .Single(t => t!["code"]!.GetValue<string>() == "ontzorgenEinde")!;
        bool OpWerkvoorraad(JsonNode lijst) => lijst["regels"]!.AsArray().Any(r => r!["inburgeraarId"]!.GetValue<string>() == id && r["code"]!.GetValue<string>() == "ontzorgenEinde");

        Assert.Equal("2026-06-30", (await TermijnAsync())["vervaldatum"]!.GetValue<string>());
        Assert.True(OpWerkvoorraad(await (await _client.GetAsync("/api/v1/werkvoorraad?termijn=ontzorgenEinde&paginaGrootte=500")).LeesAsync()));

        Assert.Equal(HttpStatusCode.OK, (await BesluitAsync(id, "verlengen", "Eindevaluatie: nog niet zelfredzaam.", "2026-09-30")).StatusCode);
        var verlengd = await TermijnAsync();
        Assert.Equal("2026-09-30", verlengd["vervaldatum"]!.GetValue<string>());
        Assert.Contains("verlengd", verlengd["toelichting"]!.GetValue<string>());
        Assert.False(OpWerkvoorraad(await (await _client.GetAsync("/api/v1/werkvoorraad?termijn=ontzorgenEinde&paginaGrootte=500")).LeesAsync()));
        var historie = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/historie")).LeesAsync();
        Assert.Contains(historie["termijnen"]!.AsArray(), w => w!["code"]!.GetValue<string>() == "ontzorgenEinde" && w["nieuweVervaldatum"]?.GetValue<string>() == "2026-09-30");

        Assert.Equal(HttpStatusCode.OK, (await BesluitAsync(id, "afzien", "Klant is aantoonbaar financieel zelfredzaam.")).StatusCode);
        Assert.Equal("nietVanToepassing", (await TermijnAsync())["status"]!.GetValue<string>());
    }

    private async Task<JsonNode> OntzorgenAsync(string id) => await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/ontzorgen")).LeesAsync();

    private async Task<HttpResponseMessage> BesluitAsync(string id, string besluit = "toepassen", string? reden = null, string? verlengdTot = null) =>
        await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/ontzorgen/besluit", new { besluit, besluitdatum = "2026-06-01", reden, verlengdTot });

    private async Task<HttpResponseMessage> OntvangerAsync(string id, string soort, decimal bedrag, string iban, string kenmerk = "KENMERK-1", string naam = "Woonstichting De Kempen", string? bic = null) =>
        await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/ontzorgen/betalingen", new { soort, naam, iban, bic, betalingskenmerk = kenmerk, bedragPerMaand = bedrag });

    private async Task<string> OntvangerOkAsync(string id, string soort, decimal bedrag, string iban, string kenmerk = "KENMERK-1", string naam = "Woonstichting De Kempen", string? bic = null)
    {
        var response = await OntvangerAsync(id, soort, bedrag, iban, kenmerk, naam, bic);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.LeesAsync())["id"]!.GetValue<string>();
    }

    private static object Beleid(int maanden = 6, bool water = true, string benadering = "jaTenzij", string? iban = "NL02ABNA0123456789", string? bic = "ABNANL2A", string naam = "Gemeente Eersel") => new
    {
        benadering, ontzorgenMaanden = maanden, huur = true, gasEnStroom = true, water, zorgverzekering = true, overigeLasten = (string?)null,
        verlengenToegestaan = true, trainingAanbod = "Eurowijzer (VluchtelingenWerk)", debiteurNaam = naam, debiteurIban = iban, debiteurBic = bic,
    };

    private async Task RekeningAsync(string gemeente) =>
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/ontzorgen/beleid/{gemeente}", Beleid())).StatusCode);

    private async Task<HttpResponseMessage> RunAsync(string gemeente, string maand, string? uitvoerdatum = null) =>
        await _client.PostJsonAsync("/api/v1/ontzorgen/betaalruns", new { gemeente, maand, uitvoerdatum });

    private async Task<(JsonNode Run, XDocument Xml)> RunOkAsync(string gemeente, string maand)
    {
        var response = await RunAsync(gemeente, maand);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var run = (await response.LeesAsync())["betaalrun"]!;
        var bytes = await _client.GetByteArrayAsync(run["bestandUrl"]!.GetValue<string>());
        Assert.Equal(run["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        return (run, ValideerTegenXsd(bytes));
    }

    private static string XsdPad([CallerFilePath] string bron = "") => Path.Combine(Path.GetDirectoryName(bron)!, "..", "..", "..", "src", "Koers.Web", "Features", "Ontzorgen", "xsd", "pain.001.001.03.xsd");

    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        var set = new XmlSchemaSet();
        using var lezer = XmlReader.Create(XsdPad());
        set.Add(null, lezer);
        set.Compile();
        return set;
    });

    /// <summary>Validates against the official ISO 20022 schema; every error and warning fails the test.</summary>
    private static XDocument ValideerTegenXsd(byte[] xml)
    {
        using var stream = new MemoryStream(xml);
        var doc = XDocument.Load(stream);
        var meldingen = new List<string>();
        doc.Validate(Schema.Value, (_, e) => meldingen.Add($"{e.Severity}: {e.Message}"));
        Assert.True(meldingen.Count == 0, string.Join(Environment.NewLine, meldingen));
        Assert.Equal(Pain + "Document", doc.Root!.Name);
        return doc;
    }

    /// <summary>The visible text of a page; amounts are written with a non-breaking space after the euro sign.</summary>
    private static string Tekst(string html) => new HtmlParser().ParseDocument(html).Body!.TextContent.Replace('\u00A0', ' ');

    private static List<XElement> Transacties(XDocument xml) => xml.Descendants(Pain + "CdtTrfTxInf").ToList();

    private static decimal Bedrag(XElement tx) => decimal.Parse(tx.Element(Pain + "Amt")!.Element(Pain + "InstdAmt")!.Value, CultureInfo.InvariantCulture);

    private static string Iban(XElement tx) => tx.Element(Pain + "CdtrAcct")!.Descendants(Pain + "IBAN").Single().Value;

    // ---- target group -------------------------------------------------------------------------------------------

    [Fact]
    public async Task Andere_doelgroep_krijgt_uitleg_en_wordt_geweigerd()
    {
        var id = await DossierAsync("GM1724", "2026-05-01", doelgroep: "gezinsmigrant", naam: "Gezinsmigrant");

        var stand = await OntzorgenAsync(id);
        Assert.False(stand["vanToepassing"]!.GetValue<bool>());
        Assert.Contains("alleen voor asielstatushouders en nareizigers", stand["reden"]!.GetValue<string>());

        var besluit = await BesluitAsync(id);
        var ontvanger = await OntvangerAsync(id, "verhuurder", 700m, "NL91ABNA0417164300");
        var schulden = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/ontzorgen/schulden", new { gesignaleerd = true, datum = "2026-06-01", notitie = "Huurachterstand" });
        var afbouw = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/ontzorgen/afbouwplan", new { trainingNaam = "Eurowijzer" });
        foreach (var response in new[] { besluit, ontvanger, schulden, afbouw })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("asielstatushouders", (await response.LeesAsync())["errors"]!["doelgroep"]![0]!.GetValue<string>());
        }

        Assert.Null((await OntzorgenAsync(id))["besluit"]);
        Assert.False(factory.MetDatabase(db => db.Set<Ontzorging>().Any(o => o.InburgeraarId == Guid.Parse(id))));

        var pagina = await _client.GetStringAsync($"/inburgeraars/{id}/ontzorgen");
        Assert.Contains("Niet van toepassing", pagina);
        Assert.DoesNotContain("Besluit vastleggen", pagina);
    }

    [Fact]
    public async Task Onbekend_dossier_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/inburgeraars/{Guid.NewGuid()}/ontzorgen")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{Guid.NewGuid()}/ontzorgen/besluit", new { besluit = "toepassen" })).StatusCode);
    }

    // ---- decision and payees ------------------------------------------------------------------------------------

    [Fact]
    public async Task Besluit_volgt_het_beleid_en_verlengen_schuift_het_einde()
    {
        var id = await DossierAsync("GM1724", "2026-01-01", naam: "Besluit");
        var stand = await OntzorgenAsync(id);
        Assert.Equal("toepassen", stand["voorgesteldBesluit"]!.GetValue<string>());
        Assert.Equal("2026-06-30", stand["standaardEinde"]!.GetValue<string>());

        // Ja, tenzij: afzien without a reason is refused; nothing is saved.
        var zonderReden = await BesluitAsync(id, "afzien");
        Assert.Equal(HttpStatusCode.BadRequest, zonderReden.StatusCode);
        Assert.Contains("ja, tenzij", (await zonderReden.LeesAsync())["errors"]!["reden"]![0]!.GetValue<string>());
        Assert.Null((await OntzorgenAsync(id))["besluit"]);

        // No payees before the decision to apply.
        var teVroeg = await OntvangerAsync(id, "verhuurder", 700m, "NL91ABNA0417164300");
        Assert.Equal(HttpStatusCode.BadRequest, teVroeg.StatusCode);
        Assert.NotNull((await teVroeg.LeesAsync())["errors"]!["besluit"]);

        Assert.Equal(HttpStatusCode.OK, (await BesluitAsync(id)).StatusCode);

        var teKort = await BesluitAsync(id, "verlengen", "Eindevaluatie: nog niet zelfredzaam.", "2026-06-30");
        Assert.Equal(HttpStatusCode.BadRequest, teKort.StatusCode);
        Assert.NotNull((await teKort.LeesAsync())["errors"]!["verlengdTot"]);

        var verlengd = await BesluitAsync(id, "verlengen", "Eindevaluatie: nog niet zelfredzaam, advies VluchtelingenWerk.", "2026-09-30");
        Assert.Equal(HttpStatusCode.OK, verlengd.StatusCode);
        var na = await verlengd.LeesAsync();
        Assert.Equal("verlengen", na["besluit"]!.GetValue<string>());
        Assert.Equal("2026-09-30", na["einde"]!.GetValue<string>());
        Assert.Equal("2026-06-30", na["standaardEinde"]!.GetValue<string>());

        var audit = factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == Guid.Parse(id)).Select(a => a.Omschrijving).ToList());
        Assert.Contains(audit, a => a.Contains("Ontzorgen: besluit ‘ontzorgen toepassen’"));
        Assert.Contains(audit, a => a.Contains("verlengd tot 30-09-2026"));
    }

    [Theory]
    [InlineData("NL91ABNA0417164301", "modulus 97")]
    [InlineData("NL91ABNA041716430", "18 tekens")]
    [InlineData("NL91 ABNA 0417 1643 0000", "18 tekens")]
    [InlineData("US64SVBKUS6S3300958879", "SEPA")]
    [InlineData("", "Vul een IBAN in")]
    public async Task Ongeldig_iban_wordt_geweigerd_en_niets_opgeslagen(string iban, string inMelding)
    {
        var id = await DossierAsync("GM1724", "2026-05-01", naam: "Iban");
        await BesluitAsync(id);

        var response = await OntvangerAsync(id, "verhuurder", 700m, iban);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(inMelding, (await response.LeesAsync())["errors"]!["iban"]![0]!.GetValue<string>());
        Assert.Empty((await OntzorgenAsync(id))["betalingen"]!.AsArray());
    }

    [Fact]
    public async Task Geldig_iban_wordt_genormaliseerd_en_dubbele_ontvanger_geweigerd()
    {
        var id = await DossierAsync("GM1724", "2026-05-01", naam: "IbanGoed");
        await BesluitAsync(id);

        var betalingId = await OntvangerOkAsync(id, "energieleverancier", 98.5m, "nl91 abna 0417 1643 00", bic: "abnanl2a");
        var stand = await OntzorgenAsync(id);
        var ontvanger = stand["betalingen"]!.AsArray().Single()!;
        Assert.Equal("NL91ABNA0417164300", ontvanger["iban"]!.GetValue<string>());
        Assert.Equal("ABNANL2A", ontvanger["bic"]!.GetValue<string>());
        Assert.Equal(98.5m, ontvanger["bedragPerMaand"]!.GetValue<decimal>());

        var dubbel = await OntvangerAsync(id, "energieleverancier", 98.5m, "NL91ABNA0417164300");
        Assert.Equal(HttpStatusCode.BadRequest, dubbel.StatusCode);
        Assert.Contains("dubbel", (await dubbel.LeesAsync())["errors"]!["iban"]![0]!.GetValue<string>());

        var bicVanAnderLand = await OntvangerAsync(id, "waterbedrijf", 20m, NlIban("RABO", 1234567), "W-1", "Brabant Water", bic: "DEUTDEFF");
        Assert.Equal(HttpStatusCode.BadRequest, bicVanAnderLand.StatusCode);

        // Changing and removing keep the history and are audited.
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/ontzorgen/betalingen/{betalingId}",
            new { soort = "energieleverancier", naam = "Energie BV", iban = "NL91ABNA0417164300", betalingskenmerk = "E-77", bedragPerMaand = 110m })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.DeleteAsync($"/api/v1/inburgeraars/{id}/ontzorgen/betalingen/{betalingId}")).StatusCode);
        Assert.Empty((await OntzorgenAsync(id))["betalingen"]!.AsArray());
        Assert.True(factory.MetDatabase(db => db.Set<OntzorgenBetaling>().Any(b => b.Id == Guid.Parse(betalingId) && b.Verwijderd && b.BedragPerMaand == 110m)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-25")]
    [InlineData("10000.01")]
    [InlineData("12.345")]
    public async Task Bedrag_moet_tussen_nul_en_tienduizend_in_centen(string bedrag)
    {
        var id = await DossierAsync("GM1724", "2026-05-01", naam: "Bedrag");
        await BesluitAsync(id);

        var response = await OntvangerAsync(id, "verhuurder", decimal.Parse(bedrag, CultureInfo.InvariantCulture), "NL91ABNA0417164300");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.LeesAsync())["errors"]!["bedragPerMaand"]);
        Assert.Equal(HttpStatusCode.Created, (await OntvangerAsync(id, "verhuurder", 10_000m, "NL91ABNA0417164300")).StatusCode);
    }

    // ---- payment runs -------------------------------------------------------------------------------------------

    [Fact]
    public async Task Betaalrun_rekent_naar_rato_en_maakt_een_geldig_pain001_bestand()
    {
        await RekeningAsync("GM0770");
        var huur = 725.50m;
        var zorg = 131.45m;
        var energie = 98.00m;
        var energieIban = NlIban("RABO", 3_456_789_012);

        // Bijstand from 15 March 2024: the legal clock ends ontzorgen on 14 September 2024.
        var id = await DossierAsync("GM0770", "2024-03-15", naam: "Naarrato");
        Assert.Equal(HttpStatusCode.OK, (await BesluitAsync(id)).StatusCode);
        var huurId = await OntvangerOkAsync(id, "verhuurder", huur, "NL91ABNA0417164300", "HC-2024/0042", "Wóonstichting ‘De Kempen’");
        await OntvangerOkAsync(id, "zorgverzekeraar", zorg, "NL02ABNA0123456789", "POLIS 778899", "Zilveren Kruis");
        await OntvangerOkAsync(id, "energieleverancier", energie, energieIban, "KLANT 1234", "Energie Direct", "RABONL2U");

        // March: 15..31 = 17 of 31 days.
        var (maart, maartXml) = await RunOkAsync("GM0770", "2024-03");
        var txMaart = Transacties(maartXml);
        Assert.Equal(3, txMaart.Count);
        Assert.Equal(397.85m, Bedrag(txMaart.Single(t => Iban(t) == "NL91ABNA0417164300"))); // 725.50 × 17 / 31 = 397.854…
        Assert.Equal(NaarRato(zorg, 17, 31), Bedrag(txMaart.Single(t => Iban(t) == "NL02ABNA0123456789")));
        Assert.Equal(NaarRato(energie, 17, 31), Bedrag(txMaart.Single(t => Iban(t) == energieIban)));
        var totaal = NaarRato(huur, 17, 31) + NaarRato(zorg, 17, 31) + NaarRato(energie, 17, 31);

        var hdr = maartXml.Descendants(Pain + "GrpHdr").Single();
        Assert.Equal(maart["msgId"]!.GetValue<string>(), hdr.Element(Pain + "MsgId")!.Value);
        Assert.Equal("KOERS-GM0770-202403-1", hdr.Element(Pain + "MsgId")!.Value);
        Assert.Equal("3", hdr.Element(Pain + "NbOfTxs")!.Value);
        Assert.Equal(totaal, decimal.Parse(hdr.Element(Pain + "CtrlSum")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal("Gemeente Eersel", hdr.Element(Pain + "InitgPty")!.Element(Pain + "Nm")!.Value);
        Assert.Equal(2026, DateTime.Parse(hdr.Element(Pain + "CreDtTm")!.Value, CultureInfo.InvariantCulture).Year);
        var pmtInf = maartXml.Descendants(Pain + "PmtInf").Single();
        Assert.Equal("TRF", pmtInf.Element(Pain + "PmtMtd")!.Value);
        Assert.Equal("3", pmtInf.Element(Pain + "NbOfTxs")!.Value);
        Assert.Equal("2026-06-16", pmtInf.Element(Pain + "ReqdExctnDt")!.Value); // a past month is paid today
        Assert.Equal("NL02ABNA0123456789", pmtInf.Element(Pain + "DbtrAcct")!.Descendants(Pain + "IBAN").Single().Value);
        Assert.Equal("ABNANL2A", pmtInf.Element(Pain + "DbtrAgt")!.Descendants(Pain + "BIC").Single().Value);
        Assert.Equal(totaal, maart["totaal"]!.GetValue<decimal>());

        var huurTx = txMaart.Single(t => Iban(t) == "NL91ABNA0417164300");
        Assert.Equal("Woonstichting 'De Kempen'", huurTx.Element(Pain + "Cdtr")!.Element(Pain + "Nm")!.Value); // SEPA character set
        Assert.Equal("HC-2024/0042 maart 2024 dag 15-31", huurTx.Descendants(Pain + "Ustrd").Single().Value);
        Assert.Equal("EUR", huurTx.Descendants(Pain + "InstdAmt").Single().Attribute("Ccy")!.Value);
        Assert.StartsWith("ONTZ-202403-", huurTx.Descendants(Pain + "EndToEndId").Single().Value);
        Assert.Equal("RABONL2U", txMaart.Single(t => Iban(t) == energieIban).Element(Pain + "CdtrAgt")!.Descendants(Pain + "BIC").Single().Value);
        Assert.Equal(3, txMaart.Select(t => t.Descendants(Pain + "EndToEndId").Single().Value).Distinct().Count());

        // A whole month in between: the monthly amounts.
        var (_, juniXml) = await RunOkAsync("GM0770", "2024-06");
        Assert.Equal([huur, zorg, energie], Transacties(juniXml).Select(Bedrag).OrderByDescending(b => b));
        Assert.Equal("HC-2024/0042 juni 2024", Transacties(juniXml).Single(t => Iban(t) == "NL91ABNA0417164300").Descendants(Pain + "Ustrd").Single().Value);

        // September: the period ends on the 14th, 14 of 30 days; October pays nothing.
        var (_, septXml) = await RunOkAsync("GM0770", "2024-09");
        Assert.Equal(338.57m, Bedrag(Transacties(septXml).Single(t => Iban(t) == "NL91ABNA0417164300"))); // 725.50 × 14 / 30 = 338.566…
        var oktober = await RunAsync("GM0770", "2024-10");
        Assert.Equal(HttpStatusCode.OK, oktober.StatusCode);
        Assert.False((await oktober.LeesAsync())["aangemaakt"]!.GetValue<bool>());

        // The case shows what was paid.
        var betaald = (await OntzorgenAsync(id))["betaald"]!.AsArray();
        Assert.Equal(9, betaald.Count);
        Assert.Equal(NaarRato(huur, 17, 31) + huur + NaarRato(huur, 14, 30),
            betaald.Where(b => b!["betalingId"]!.GetValue<string>() == huurId).Sum(b => b!["bedrag"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task Februari_in_een_schrikkeljaar_en_een_verhuizing_midden_in_de_maand()
    {
        await RekeningAsync("GM0770");

        // Bijstand from 31 August 2023: the period ends on 29 February 2024 (leap year), so February is a whole month.
        var schrikkel = await DossierAsync("GM0770", "2023-08-31", naam: "Schrikkel");
        await BesluitAsync(schrikkel);
        var schrikkelIban = NlIban("INGB", 55_667_788);
        await OntvangerOkAsync(schrikkel, "verhuurder", 812.34m, schrikkelIban, "HUUR-29");
        var (_, feb) = await RunOkAsync("GM0770", "2024-02");
        Assert.Equal(812.34m, Bedrag(Transacties(feb).Single(t => Iban(t) == schrikkelIban)));
        var (_, aug) = await RunOkAsync("GM0770", "2023-08");
        Assert.Equal(NaarRato(812.34m, 1, 31), Bedrag(Transacties(aug).Single(t => Iban(t) == schrikkelIban))); // one day: 31 August

        // Bijstand from 15 February 2025 (no leap year): 14 of 28 days; moved on 10 April: April pays 1..9 = 9 of 30 days.
        var verhuisd = await DossierAsync("GM0770", "2025-02-15", naam: "Verhuisd");
        await BesluitAsync(verhuisd);
        await OntvangerOkAsync(verhuisd, "zorgverzekeraar", 131.45m, NlIban("ABNA", 987_654_321), "POLIS-9");
        await MijlpaalAsync(verhuisd, "verhuisd", "2025-04-10");
        Assert.Equal("2025-04-09", (await OntzorgenAsync(verhuisd))["einde"]!.GetValue<string>());
        var (_, feb25) = await RunOkAsync("GM0770", "2025-02");
        Assert.Equal(65.73m, Bedrag(Transacties(feb25).Single())); // 65.725: away from zero, not banker's 65.72
        var (_, apr25) = await RunOkAsync("GM0770", "2025-04");
        Assert.Equal(NaarRato(131.45m, 9, 30), Bedrag(Transacties(apr25).Single()));
        Assert.Contains("dag 1-9", Transacties(apr25).Single().Descendants(Pain + "Ustrd").Single().Value);
        var mei = await (await RunAsync("GM0770", "2025-05")).LeesAsync();
        Assert.False(mei["aangemaakt"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Dezelfde_maand_twee_keer_betaalt_niets_dubbel_en_een_nieuw_dossier_alleen_zijn_eigen_regels()
    {
        await RekeningAsync("GM0770");
        var eerste = await DossierAsync("GM0770", "2023-01-01", naam: "Eerste");
        await BesluitAsync(eerste);
        await OntvangerOkAsync(eerste, "verhuurder", 650m, NlIban("SNSB", 11_223_344), "H-1");
        await OntvangerOkAsync(eerste, "waterbedrijf", 21.10m, NlIban("BNGH", 285_001_234), "W-1", "Brabant Water");

        var (run1, xml1) = await RunOkAsync("GM0770", "2023-02");
        Assert.Equal(2, Transacties(xml1).Count);
        Assert.All(run1["regels"]!.AsArray(), r => Assert.Equal(eerste, r!["inburgeraarId"]!.GetValue<string>()));

        // Same month again: nothing new, no file, no run.
        var nogmaals = await RunAsync("GM0770", "2023-02");
        Assert.Equal(HttpStatusCode.OK, nogmaals.StatusCode);
        var uitkomst = await nogmaals.LeesAsync();
        Assert.False(uitkomst["aangemaakt"]!.GetValue<bool>());
        Assert.Null(uitkomst["betaalrun"]);
        Assert.Contains("niets nieuws", uitkomst["melding"]!.GetValue<string>());
        Assert.Equal(2, uitkomst["voorstel"]!["alBetaald"]!.GetValue<int>());
        int RunsVanFebruari() => factory.MetDatabase(db => db.Set<Betaalrun>().Count(r => r.MsgId.StartsWith("KOERS-GM0770-202302-")));
        Assert.Equal(1, RunsVanFebruari());

        // A case added later: the next run of February pays only its lines.
        var later = await DossierAsync("GM0770", "2023-02-10", naam: "Later");
        await BesluitAsync(later);
        await OntvangerOkAsync(later, "verhuurder", 700m, NlIban("TRIO", 2_020_202_020), "H-2");
        var voorstel = await (await _client.GetAsync("/api/v1/ontzorgen/betaalruns/voorstel?gemeente=GM0770&maand=2023-02")).LeesAsync();
        Assert.Equal(1, voorstel["aantalNieuw"]!.GetValue<int>());

        var (run2, xml2) = await RunOkAsync("GM0770", "2023-02");
        Assert.Equal("KOERS-GM0770-202302-2", run2["msgId"]!.GetValue<string>());
        Assert.Equal(2, run2["volgnummer"]!.GetValue<int>());
        var regel = run2["regels"]!.AsArray().Single()!;
        Assert.Equal(later, regel["inburgeraarId"]!.GetValue<string>());
        Assert.Equal(NaarRato(700m, 19, 28), Bedrag(Transacties(xml2).Single())); // 10..28 February 2023
        Assert.Equal("1", xml2.Descendants(Pain + "GrpHdr").Single().Element(Pain + "NbOfTxs")!.Value);

        Assert.False((await (await RunAsync("GM0770", "2023-02")).LeesAsync())["aangemaakt"]!.GetValue<bool>());
        Assert.Equal(2, RunsVanFebruari());
        var regels = factory.MetDatabase(db => db.Set<Betaalregel>().Where(r => r.Maand == new DateOnly(2023, 2, 1)).Select(r => new { r.InburgeraarId, r.BetalingId }).ToList());
        Assert.Equal(3, regels.Count);
        Assert.Equal(3, regels.Distinct().Count());
    }

    [Fact]
    public async Task Namen_gaan_getranslitereerd_in_het_bestand_en_een_naam_zonder_latijnse_letters_houdt_de_run_tegen()
    {
        await RekeningAsync("GM1728");
        var id = await DossierAsync("GM1728", "2023-01-01", naam: "Translit");
        await BesluitAsync(id);
        await OntvangerOkAsync(id, "verhuurder", 500m, NlIban("SNSB", 55_667_788), "H-9", "Spółdzielnia Mieszkaniowa Łódź");
        await OntvangerOkAsync(id, "waterbedrijf", 20m, NlIban("BNGH", 285_009_876), "W-9", "Işık Su İdaresi");

        var (_, xml) = await RunOkAsync("GM1728", "2023-03");
        var namen = xml.Descendants(Pain + "Cdtr").Select(c => c.Element(Pain + "Nm")!.Value).ToList();
        Assert.Contains("Spoldzielnia Mieszkaniowa Lodz", namen);
        Assert.Contains("Isik Su Idaresi", namen);

        // Entry refuses a name in another script (OntzorgenRegels); a row that got one anyway (an import, older data) must
        // still not reach a file: no file, a message naming it, nothing stored.
        var tweede = await DossierAsync("GM1728", "2023-01-01", naam: "Zonderlatijn");
        await BesluitAsync(tweede);
        var betaling = Guid.Parse(await OntvangerOkAsync(tweede, "verhuurder", 400m, NlIban("TRIO", 2_020_303_030), "H-10", "Sakan Kempen"));
        factory.MetDatabase(db => db.Set<Koers.Data.Model.Ontzorgen.OntzorgenBetaling>().Where(b => b.Id == betaling)
            .ExecuteUpdate(u => u.SetProperty(b => b.Naam, "سكن الكمبين")));
        var geweigerd = await RunAsync("GM1728", "2023-04");
        Assert.Equal(HttpStatusCode.BadRequest, geweigerd.StatusCode);
        var melding = (await geweigerd.LeesAsync())["errors"]!["ontvangers"]![0]!.GetValue<string>();
        Assert.Contains("سكن الكمبين", melding);
        Assert.Contains("Latijnse letters", melding);
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Betaalrun>().Count(r => r.MsgId.StartsWith("KOERS-GM1728-202304-"))));
    }

    [Fact]
    public async Task Betaalrun_weigert_zonder_rekening_en_met_ongeldige_maand_of_datum()
    {
        // Reusel-De Mierden has no account of its own yet (its default policy).
        var zonderRekening = await RunAsync("GM1667", "2026-06");
        Assert.Equal(HttpStatusCode.BadRequest, zonderRekening.StatusCode);
        Assert.Contains("IBAN", (await zonderRekening.LeesAsync())["errors"]!["debiteur"]![0]!.GetValue<string>());

        await RekeningAsync("GM0770");
        Assert.NotNull((await (await RunAsync("GM0770", "2026-08")).LeesAsync())["errors"]!["maand"]); // more than a month ahead
        Assert.NotNull((await (await RunAsync("GM0770", "juni")).LeesAsync())["errors"]!["maand"]);
        Assert.NotNull((await (await RunAsync("GM0770", "2021-12")).LeesAsync())["errors"]!["maand"]);
        Assert.NotNull((await (await RunAsync("GM0770", "2026-06", "2026-06-15")).LeesAsync())["errors"]!["uitvoerdatum"]);
        Assert.NotNull((await (await RunAsync("GM9999", "2026-06")).LeesAsync())["errors"]!["gemeente"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/ontzorgen/betaalruns/{Guid.NewGuid()}/pain001")).StatusCode);
    }

    // ---- policy -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Beleid_heeft_standaardwaarden_en_wijzigen_herberekent_het_einde()
    {
        var standaard = await (await _client.GetAsync("/api/v1/ontzorgen/beleid/gm1667")).LeesAsync();
        Assert.Equal("jaTenzij", standaard["benadering"]!.GetValue<string>());
        Assert.Equal(6, standaard["ontzorgenMaanden"]!.GetValue<int>());
        Assert.Contains("Eurowijzer", standaard["trainingAanbod"]!.GetValue<string>());
        Assert.Equal("Gemeente Reusel-De Mierden", standaard["debiteurNaam"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/ontzorgen/beleid/GM9999")).StatusCode);

        var id = await DossierAsync("GM1667", "2026-01-01", naam: "Beleid");
        async Task<string> EindeAsync() => (await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/termijnen")).LeesAsync())["termijnen"]!.AsArray()
            .Single(t => t!["code"]!.GetValue<string>() == "ontzorgenEinde")!["vervaldatum"]!.GetValue<string>();
        Assert.Equal("2026-06-30", await EindeAsync());

        var teKort = await _client.PutJsonAsync("/api/v1/ontzorgen/beleid/GM1667", Beleid(maanden: 5, naam: "Gemeente Reusel-De Mierden"));
        Assert.Equal(HttpStatusCode.BadRequest, teKort.StatusCode);
        Assert.NotNull((await teKort.LeesAsync())["errors"]!["ontzorgenMaanden"]);
        var foutIban = await _client.PutJsonAsync("/api/v1/ontzorgen/beleid/GM1667", Beleid(iban: "NL02ABNA0123456788", naam: "Gemeente Reusel-De Mierden"));
        Assert.NotNull((await foutIban.LeesAsync())["errors"]!["debiteurIban"]);
        Assert.Null((await (await _client.GetAsync("/api/v1/ontzorgen/beleid/GM1667")).LeesAsync())["debiteurIban"]);

        var negen = await _client.PutJsonAsync("/api/v1/ontzorgen/beleid/GM1667", Beleid(maanden: 9, water: false, naam: "Gemeente Reusel-De Mierden"));
        Assert.Equal(HttpStatusCode.OK, negen.StatusCode);
        Assert.Equal("2026-09-30", await EindeAsync());
        var historie = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/historie")).LeesAsync();
        Assert.Contains(historie["termijnen"]!.AsArray(), t => t!["code"]!.GetValue<string>() == "ontzorgenEinde" && t["nieuweVervaldatum"]!.GetValue<string>() == "2026-09-30");

        // Water is no longer in the policy: a water company cannot be added.
        await BesluitAsync(id);
        var water = await OntvangerAsync(id, "waterbedrijf", 20m, NlIban("BNGH", 1), "W-9", "Brabant Water");
        Assert.Equal(HttpStatusCode.BadRequest, water.StatusCode);
        Assert.Contains("water", (await water.LeesAsync())["errors"]!["soort"]![0]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync("/api/v1/ontzorgen/beleid/GM1667", Beleid(maanden: 6, iban: null, bic: null, naam: "Gemeente Reusel-De Mierden"))).StatusCode);
        Assert.Equal("2026-06-30", await EindeAsync());
        Assert.True(factory.MetDatabase(db => db.Audit.Any(a => a.InburgeraarId == null && a.Omschrijving.Contains("beleid gemeente Reusel-De Mierden gewijzigd"))));
    }

    // ---- signals ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Signalen_per_klantregisseur_zijn_precies_die_van_zijn_dossiers()
    {
        // One klantregisseur's signals are found by probing their cases; a municipality's from the deadlines within
        // the horizon. Both paths must give the same signals.
        var eindigt = await DossierAsync("GM1728", "2026-01-01", naam: "Eindigt");
        await BesluitAsync(eindigt);
        var schulden = await DossierAsync("GM1728", "2025-10-01", naam: "Schulden");
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{schulden}/ontzorgen/schulden",
            new { gesignaleerd = true, datum = "2026-06-10", notitie = "Huurachterstand." })).StatusCode);
        var andere = await DossierAsync("GM1728", "2026-01-01", naam: "Andere");
        var (regisseur, collega) = factory.MetDatabase(db =>
        {
            var twee = db.Medewerkers.Where(m => m.Gemeente!.Code == "GM1728").OrderBy(m => m.Id).Select(m => m.Id).Take(2).ToList();
            return (twee[0], twee[1]);
        });
        factory.MetDatabase(db =>
        {
            db.Inburgeraars.Where(i => i.Id == Guid.Parse(eindigt) || i.Id == Guid.Parse(schulden)).ExecuteUpdate(u => u.SetProperty(i => i.KlantregisseurId, regisseur));
            return db.Inburgeraars.Where(i => i.Id == Guid.Parse(andere)).ExecuteUpdate(u => u.SetProperty(i => i.KlantregisseurId, collega));
        });

        async Task<List<(string Id, string Soort)>> SignalenAsync(string filter) =>
            (await (await _client.GetAsync("/api/v1/ontzorgen/signalen?" + filter)).LeesAsync()).AsArray()
            .Select(s => (s!["inburgeraarId"]!.GetValue<string>(), s["soort"]!.GetValue<string>())).ToList();
        var gemeente = await SignalenAsync("gemeente=GM1728");
        var vanRegisseur = factory.MetDatabase(db => db.Inburgeraars.Where(i => i.KlantregisseurId == regisseur).Select(i => i.Id).ToList()).Select(i => i.ToString()).ToHashSet();

        var perRegisseur = await SignalenAsync($"klantregisseurId={regisseur}");
        Assert.Contains((eindigt, "eindigtBinnenkort"), perRegisseur);
        Assert.Contains((schulden, "schuldenGesignaleerd"), perRegisseur);
        Assert.DoesNotContain(perRegisseur, s => s.Id == andere);
        Assert.Equal(gemeente.Where(s => vanRegisseur.Contains(s.Id)).Order(), perRegisseur.Order());
        Assert.Contains(await SignalenAsync($"klantregisseurId={collega}"), s => s.Id == andere);

        // The worklist page filtered on the klantregisseur shows their signals, not their colleague's.
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/werkvoorraad?klantregisseur={regisseur}"));
        var sectie = pagina.QuerySelector("#signalen-ontzorgen")!;
        Assert.NotNull(sectie.QuerySelector($"a[href='/inburgeraars/{eindigt}/ontzorgen']"));
        Assert.Null(sectie.QuerySelector($"a[href='/inburgeraars/{andere}/ontzorgen']"));
    }

    [Fact]
    public async Task Signalen_op_de_werkvoorraad()
    {
        // Bijstand from 1 January 2026: ontzorgen ends 30 June, 14 days from today.
        var eindigt = await DossierAsync("GM1728", "2026-01-01", naam: "Eindigt");
        await BesluitAsync(eindigt);
        var schulden = await DossierAsync("GM1728", "2025-10-01", naam: "Schulden");
        var signaal = await _client.PutJsonAsync($"/api/v1/inburgeraars/{schulden}/ontzorgen/schulden",
            new { gesignaleerd = true, datum = "2026-06-10", notitie = "Huurachterstand van twee maanden, melding woningcorporatie." });
        Assert.Equal(HttpStatusCode.OK, signaal.StatusCode);

        async Task<List<(string Id, string Soort)>> SignalenAsync() =>
            (await (await _client.GetAsync("/api/v1/ontzorgen/signalen?gemeente=GM1728")).LeesAsync()).AsArray()
            .Select(s => (s!["inburgeraarId"]!.GetValue<string>(), s["soort"]!.GetValue<string>())).ToList();

        var lijst = await SignalenAsync();
        Assert.Contains((eindigt, "eindigtBinnenkort"), lijst);
        Assert.Contains((eindigt, "verlengingBeoordelen"), lijst);
        Assert.Contains((schulden, "schuldenGesignaleerd"), lijst);
        Assert.DoesNotContain(lijst, s => s.Id == schulden && s.Soort != "schuldenGesignaleerd"); // its period ended on 31 March

        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync("/werkvoorraad?gemeente=GM1728"));
        var sectie = pagina.QuerySelector("#signalen-ontzorgen")!;
        Assert.Contains("Signalen ontzorgen", sectie.TextContent);
        Assert.NotNull(sectie.QuerySelector($"a[href='/inburgeraars/{eindigt}/ontzorgen']"));
        Assert.NotNull(sectie.QuerySelector($"a[href='/inburgeraars/{schulden}/ontzorgen']"));
        Assert.Null(sectie.QuerySelector("table")); // the worklist's own table stays the only table

        // The eindevaluatie is held: the extension question is answered.
        var afbouw = await _client.PutJsonAsync($"/api/v1/inburgeraars/{eindigt}/ontzorgen/afbouwplan", new
        {
            trainingNaam = "Inloopavond financiën (Vluchtelingenhulp Bladel)", trainingGepland = "2026-06-20",
            evaluaties = new[] { new { soort = "eindevaluatie", datum = "2026-06-01", gehouden = true, verslag = "Zelfredzaam genoeg." } },
        });
        Assert.Equal(HttpStatusCode.OK, afbouw.StatusCode);
        lijst = await SignalenAsync();
        Assert.Contains((eindigt, "eindigtBinnenkort"), lijst);
        Assert.DoesNotContain((eindigt, "verlengingBeoordelen"), lijst);

        // Extended: no longer ending soon. Debts handled: the signal goes.
        await BesluitAsync(eindigt, "verlengen", "Toch nog schulden bij de energieleverancier.", "2026-12-31");
        await _client.PutJsonAsync($"/api/v1/inburgeraars/{schulden}/ontzorgen/schulden", new { gesignaleerd = false, datum = "2026-06-15" });
        lijst = await SignalenAsync();
        Assert.DoesNotContain(lijst, s => s.Id == eindigt || s.Id == schulden);

        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/v1/ontzorgen/signalen?gemeente=GM9999")).StatusCode);
    }

    // ---- screens ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Scherm_bewaart_invoer_bij_fout_iban_en_slaat_het_bedrag_in_nederlandse_notatie_op()
    {
        var id = await DossierAsync("GM1724", "2026-05-01", naam: "Scherm");
        await BesluitAsync(id);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var url = $"/inburgeraars/{id}/ontzorgen";
        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync(url));
        Assert.Equal("page", doc.QuerySelector("nav.koers-tabs a[href$='/ontzorgen']")!.GetAttribute("aria-current"));
        var token = doc.QuerySelector("#betaling-formulier input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Dictionary<string, string> Formulier(string iban) => new()
        {
            ["__RequestVerificationToken"] = token,
            ["Betaling.Soort"] = "Verhuurder",
            ["Betaling.Naam"] = "Woonstichting De Kempen",
            ["Betaling.Iban"] = iban,
            ["Betaling.Betalingskenmerk"] = "HC-88",
            ["BedragTekst"] = "1.234,56",
        };

        var fout = await client.PostAsync($"{url}?handler=Betaling", new FormUrlEncodedContent(Formulier("NL91 ABNA 0417 1643 01")));
        Assert.Equal(HttpStatusCode.OK, fout.StatusCode);
        var pagina = new HtmlParser().ParseDocument(await fout.Content.ReadAsStringAsync());
        Assert.Contains("modulus 97", pagina.QuerySelector("#foutsamenvatting")!.TextContent);
        Assert.Equal("NL91 ABNA 0417 1643 01", pagina.QuerySelector("#Betaling_Iban")!.GetAttribute("value"));
        Assert.Equal("1.234,56", pagina.QuerySelector("#BedragTekst")!.GetAttribute("value"));
        Assert.Empty((await OntzorgenAsync(id))["betalingen"]!.AsArray());

        var goed = await client.PostAsync($"{url}?handler=Betaling", new FormUrlEncodedContent(Formulier("NL91 ABNA 0417 1643 00")));
        Assert.Equal(HttpStatusCode.Redirect, goed.StatusCode);
        Assert.Equal(1234.56m, (await OntzorgenAsync(id))["betalingen"]!.AsArray().Single()!["bedragPerMaand"]!.GetValue<decimal>());
        var na = Tekst(await client.GetStringAsync(url));
        Assert.Contains("NL91 ABNA 0417 1643 00", na);
        Assert.Contains("€ 1.234,56", na);
    }

    [Fact]
    public async Task Scherm_besluit_afbouwplan_en_schulden()
    {
        var id = await DossierAsync("GM1724", "2026-03-15", naam: "Formulieren");
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var url = $"/inburgeraars/{id}/ontzorgen";
        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync(url));
        var token = doc.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.NotNull(doc.QuerySelector("input[name='Besluit.Besluit'][value=Toepassen][checked]")); // the policy's default
        Assert.Null(doc.QuerySelector("#betaling-formulier")); // no payees before the decision
        Assert.Equal("Eurowijzer (VluchtelingenWerk)", doc.QuerySelector("#Afbouwplan_TrainingNaam")!.GetAttribute("value"));

        async Task<HttpResponseMessage> PostAsync(string handler, Dictionary<string, string> velden)
        {
            velden["__RequestVerificationToken"] = token;
            return await client.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(velden));
        }

        var zonderReden = await PostAsync("Besluit", new() { ["Besluit.Besluit"] = "Afzien", ["Besluit.Besluitdatum"] = "2026-06-01" });
        Assert.Equal(HttpStatusCode.OK, zonderReden.StatusCode);
        var fout = new HtmlParser().ParseDocument(await zonderReden.Content.ReadAsStringAsync());
        Assert.Contains("ja, tenzij", fout.QuerySelector("#foutsamenvatting")!.TextContent);
        Assert.NotNull(fout.QuerySelector("input[name='Besluit.Besluit'][value=Afzien][checked]"));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("Besluit", new() { ["Besluit.Besluit"] = "Toepassen", ["Besluit.Besluitdatum"] = "2026-06-01", ["Besluit.VerlengdTot"] = "2026-12-31" })).StatusCode);
        Assert.Null((await OntzorgenAsync(id))["verlengdTot"]); // an end date only counts with 'verlengen'

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("Evaluaties", [])).StatusCode);
        var gepland = (await OntzorgenAsync(id))["afbouwplan"]!["evaluaties"]!.AsArray();
        Assert.Equal(["2026-05-15", "2026-08-15", "2026-09-14"], gepland.Select(e => e!["datum"]!.GetValue<string>()));

        var afbouw = await PostAsync("Afbouwplan", new()
        {
            ["Afbouwplan.TrainingNaam"] = "Eurowijzer (VluchtelingenWerk)",
            ["Afbouwplan.TrainingGepland"] = "2026-07-01",
            ["Afbouwplan.Afspraken"] = "Automatische incasso's voor huur en zorgverzekering vanaf 15 september.",
            ["Afbouwplan.Evaluaties[0].Soort"] = "Tussenevaluatie",
            ["Afbouwplan.Evaluaties[0].Datum"] = "2026-05-15",
            ["Afbouwplan.Evaluaties[0].Gehouden"] = "true",
            ["Afbouwplan.Evaluaties[0].Verslag"] = "Betalingen lopen goed.",
            ["Afbouwplan.Evaluaties[1].Soort"] = "Tussenevaluatie",
            ["Afbouwplan.Evaluaties[1].Datum"] = "",
            ["Afbouwplan.Evaluaties[1].Gehouden"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, afbouw.StatusCode);
        var plan = (await OntzorgenAsync(id))["afbouwplan"]!;
        Assert.Equal("2026-07-01", plan["trainingGepland"]!.GetValue<string>());
        Assert.True(plan["evaluaties"]!.AsArray().Single()!["gehouden"]!.GetValue<bool>());

        var toekomst = await PostAsync("Afbouwplan", new() { ["Afbouwplan.TrainingNaam"] = "Eurowijzer", ["Afbouwplan.TrainingAfgerond"] = "2026-07-01" });
        Assert.Equal(HttpStatusCode.OK, toekomst.StatusCode);
        Assert.Equal("2026-07-01", (await OntzorgenAsync(id))["afbouwplan"]!["trainingGepland"]!.GetValue<string>()); // nothing half-saved

        Assert.Equal(HttpStatusCode.OK, (await PostAsync("Schulden", new() { ["Schulden.Gesignaleerd"] = "true", ["Schulden.Datum"] = "2026-06-12" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("Schulden", new() { ["Schulden.Gesignaleerd"] = "true", ["Schulden.Datum"] = "2026-06-12", ["Schulden.Notitie"] = "Achterstand zorgverzekering." })).StatusCode);
        var stand = await OntzorgenAsync(id);
        Assert.True(stand["schulden"]!["gesignaleerd"]!.GetValue<bool>());
        Assert.Contains(stand["signalen"]!.AsArray(), s => s!["soort"]!.GetValue<string>() == "schuldenGesignaleerd");
        var audit = factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == Guid.Parse(id)).Select(a => a.Omschrijving).ToList());
        Assert.Contains(audit, a => a.StartsWith("Ontzorgen: afbouwplan bijgewerkt", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.StartsWith("Ontzorgen: schulden gesignaleerd op 12-06-2026", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.StartsWith("Scherm: ontzorgen bekeken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Beheerschermen_en_betaaloverzicht_tonen_totalen()
    {
        await RekeningAsync("GM0770");
        var id = await DossierAsync("GM0770", "2022-03-01", naam: "Overzicht");
        await BesluitAsync(id);
        await OntvangerOkAsync(id, "verhuurder", 600m, NlIban("ABNA", 4_242_424_242), "H-42");
        await OntvangerOkAsync(id, "zorgverzekeraar", 120.10m, NlIban("INGB", 7_777_777), "Z-42", "CZ");

        var beleid = new HtmlParser().ParseDocument(await _client.GetStringAsync("/beheer/ontzorgen?gemeente=GM0770"));
        Assert.Equal("Beleid financieel ontzorgen", beleid.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("NL02 ABNA 0123 4567 89", beleid.QuerySelector("#Invoer_DebiteurIban")!.GetAttribute("value"));

        var voorstel = Tekst(await _client.GetStringAsync("/beheer/ontzorgen/betaalruns?gemeente=GM0770&maand=2022-04"));
        Assert.Contains("€ 720,10", voorstel);

        var (run, _) = await RunOkAsync("GM0770", "2022-04");
        var overzicht = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/beheer/ontzorgen/betaalruns/{run["id"]!.GetValue<string>()}"));
        Assert.Equal(2, overzicht.QuerySelectorAll("#regels tbody tr").Length);
        Assert.Contains("€ 720,10", overzicht.QuerySelector("#regels tfoot")!.TextContent.Replace('\u00A0', ' '));
        var download = await _client.GetAsync($"/beheer/ontzorgen/betaalruns/{run["id"]!.GetValue<string>()}?handler=Xml");
        Assert.Equal("application/xml", download.Content.Headers.ContentType!.MediaType);
        ValideerTegenXsd(await download.Content.ReadAsByteArrayAsync());
        Assert.True(factory.MetDatabase(db => db.Audit.Any(a => a.Omschrijving.Contains("betaalbestand KOERS-GM0770-202204-1 gedownload"))));
    }
}

public sealed class SqliteOntzorgenApiTests(SqliteFactory factory) : OntzorgenApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresOntzorgenApiTests(PostgresFactory factory) : OntzorgenApiTests(factory), IClassFixture<PostgresFactory>;

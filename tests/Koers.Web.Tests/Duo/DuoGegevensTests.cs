using System.Net;
using AngleSharp.Html.Parser;
using Koers.Web.Features.Duo;
using Koers.Web.Tests.Infrastructure;

namespace Koers.Web.Tests.Duo;

/// <summary>
/// DUO's data on the case page (#17): the historie operations, the verlengingsgronden, the free exam attempts and the
/// leerbaarheidstoets exam number, read from DUO only when asked, shown read-only and audited, within reach only.
/// </summary>
public abstract class DuoGegevensTests(DuoOmgeving omgeving)
{
    [Fact]
    public async Task Gegevens_bij_DUO_op_het_dossier()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await omgeving.DossierMetVastgesteldPipAsync(bsn, "b1Route");
        var p = omgeving.Sim.Persoon(bsn);
        // DUO's history: the termijn set (SS102), then extended on DUO's own initiative (SS103); one exam taken.
        foreach (var g in new[] { "SS102", "SS103" })
        {
            Assert.Null((await omgeving.Sim.SpeelAfAsync(new SimGebeurtenis { Bsn = bsn, GebeurtenisId = g, Datum = new DateOnly(2026, 6, 15) })).Fout);
        }

        p.Examens.Add(new DuoExamenresultaat(new DateOnly(2026, 6, 1), "Gezakt", "LE", Niveau: "B1"));
        // Hours and a MAP date as DUO holds them (GET uren, GET map); no PVT yet.
        p.Uren["bredeintake/taallesknm"] = 36;
        p.Map = new DuoResultaatMap(new DateOnly(2026, 6, 10));

        var client = omgeving.App.CreateClient();
        var voor = new HtmlParser().ParseDocument(await client.GetStringAsync($"/inburgeraars/{id}"));
        Assert.Equal("Gegevens bij DUO opvragen", voor.QuerySelector("#duo-gegevens a")!.TextContent.Trim());
        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync(voor.QuerySelector("#duo-gegevens a")!.GetAttribute("href")!.Split('#')[0]));
        var termijn = doc.QuerySelectorAll("#duo-termijn li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Einde 15 jun. 2029", "Einde 15 dec. 2029, gewijzigd 15 jun. 2026, verlengd: Ambtshalve verlenging door DUO (AMBT)"],
            termijn.Select(t => t.Replace("jun ", "jun. ", StringComparison.Ordinal).Replace("dec ", "dec. ", StringComparison.Ordinal)));
        var pogingen = doc.QuerySelectorAll("#duo-gratispogingen tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList())
            .ToDictionary(c => c[0], c => c[1]);
        Assert.Equal(("2", "3"), (pogingen["Lezen"], pogingen["Spreken"]));
        Assert.StartsWith("Inburgeringsplichtig van 5 jan", doc.QuerySelector("#duo-plicht li")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Asielstatushouder", doc.QuerySelector("#duo-doelgroep")!.TextContent);
        var nummer = doc.QuerySelector("#duo-lbt-examennummer")!.TextContent;
        Assert.Matches(@"Examennummer leerbaarheidstoets: LBT\d{9}$", nummer.Trim());
        Assert.DoesNotContain(bsn, nummer);
        Assert.True(omgeving.Db(db => db.Audit.Any(a => a.InburgeraarId == Guid.Parse(id) && a.Omschrijving == DuoGegevens.Doel)));
        var uren = doc.QuerySelectorAll("#duo-uren tbody tr td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["1724", "36", "—", "—"], uren.Take(4));
        Assert.Equal("Eindgesprek MAP: 10 jun 2026. Participatieverklaring ondertekend: niet bekend bij DUO.", doc.QuerySelector("#duo-map-pvt")!.TextContent.Trim());

        // The API gives the same, checked against what the simulator holds.
        var api = await (await client.GetAsync($"/api/v1/inburgeraars/{id}/duo/gegevens")).LeesAsync();
        Assert.Equal(p.LbtExamennummer, api["lbtExamennummer"]!.GetValue<string>());
        Assert.Equal(2, api["termijn"]!.AsArray().Count);
        Assert.Equal("AMBT", api["termijn"]![1]!["verlengingsgrondcode"]!.GetValue<string>());

        // Out of reach: another region's klantregisseur gets nothing, and DUO is not asked.
        var ander = omgeving.Als("fleur.hendriks@weert.example");
        Assert.Equal(HttpStatusCode.NotFound, (await ander.GetAsync($"/api/v1/inburgeraars/{id}/duo/gegevens")).StatusCode);
    }

    [Fact]
    public async Task DUO_onbereikbaar_geeft_een_duidelijke_melding()
    {
        var id = await omgeving.DossierMetVastgesteldPipAsync(Testdata.NieuwBsn(), "b1Route");
        omgeving.DuoStoring = true;
        try
        {
            var doc = new HtmlParser().ParseDocument(await omgeving.App.CreateClient().GetStringAsync($"/inburgeraars/{id}?handler=DuoGegevens"));
            Assert.Equal("DUO is nu niet bereikbaar. Probeer het later opnieuw.", doc.QuerySelector("#duo-gegevens [role=status]")!.TextContent.Trim());
        }
        finally
        {
            omgeving.DuoStoring = false;
        }
    }
}

public sealed class SqliteDuoGegevensTests(DuoSqliteOmgeving omgeving) : DuoGegevensTests(omgeving), IClassFixture<DuoSqliteOmgeving>;

public sealed class PostgresDuoGegevensTests(DuoPostgresOmgeving omgeving) : DuoGegevensTests(omgeving), IClassFixture<DuoPostgresOmgeving>;

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Koers.Data.Model;
using Koers.Domain.Dossier;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Coa;

/// <summary>COA import of koppelingen and warme overdracht: row-level validation, a report, and re-import changes nothing.</summary>
public abstract class CoaImportTests(KoersFactory factory)
{
    private static string VNummer() => "9" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString("D9", CultureInfo.InvariantCulture);

    private async Task<HttpResponseMessage> ImporteerAsync(byte[] inhoud, string bestandsnaam = "coa.csv", HttpClient? client = null)
    {
        using var form = new MultipartFormDataContent();
        var bestand = new ByteArrayContent(inhoud);
        bestand.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(bestand, "bestand", bestandsnaam);
        return await (client ?? factory.CreateClient()).PostAsync("/api/v1/coa/import", form);
    }

    private Task<HttpResponseMessage> ImporteerAsync(string tekst, string bestandsnaam = "coa.csv", HttpClient? client = null) =>
        ImporteerAsync(Encoding.UTF8.GetBytes(tekst), bestandsnaam, client);

    private static JsonNode Regel(JsonNode rapport, int rij) => rapport["regels"]!.AsArray().Single(r => r!["rij"]!.GetValue<int>() == rij)!;

    [Fact]
    public async Task Talen_met_het_scheidingsteken_erin_worden_niet_stil_afgekapt()
    {
        var (los, gequote) = (VNummer(), VNummer());
        var csv = $"""
            vNummer;bsn;voornamen;achternaam;geboortedatum;nationaliteit;doelgroep;gemeente;koppelingsdatum;warmeOverdracht;azcLocatie;talen
            {los};;Deniz;Scheiding;1990-02-03;Turkse;asielstatushouder;GM1724;2026-05-04;;AZC Budel;Turks;Koerdisch
            {gequote};;Rojin;Scheiding;1991-02-03;Turkse;asielstatushouder;GM1724;2026-05-04;;AZC Budel;"Turks;Koerdisch"
            """;
        var rapport = await (await ImporteerAsync(csv)).LeesAsync();

        // Unquoted: refused with the reason, not imported with "Turks" only.
        var fout = Regel(rapport, 2);
        Assert.Equal("fout", fout["uitkomst"]!.GetValue<string>());
        Assert.Contains("aanhalingstekens", fout["melding"]!.GetValue<string>());
        Assert.Equal(0, factory.MetDatabase(db => db.Inburgeraars.AsEnumerable().Count(i => i.VNummer?.Value == los)));

        // Quoted: both languages kept.
        Assert.Equal("aangemaakt", Regel(rapport, 3)["uitkomst"]!.GetValue<string>());
        var talen = factory.MetDatabase(db => db.Inburgeraars.AsEnumerable().Single(i => i.VNummer?.Value == gequote).TalenLijst);
        Assert.Equal(["Turks", "Koerdisch"], talen);
    }

    [Fact]
    public async Task Talen_met_een_ander_teken_dan_het_scheidingsteken_blijven_alle_bewaard_en_een_verschoven_rij_wordt_geweigerd()
    {
        var (pijp, komma, verschoven) = (VNummer(), VNummer(), VNummer());
        var csv = $"""
            vNummer;bsn;voornamen;achternaam;geboortedatum;nationaliteit;doelgroep;gemeente;koppelingsdatum;warmeOverdracht;azcLocatie;talen;telefoon
            {pijp};;Deniz;Talen;1990-02-03;Turkse;asielstatushouder;GM1724;2026-05-04;;AZC Budel;Turks | Koerdisch | Arabisch;0612345678
            {komma};;Rojin;Talen;1991-02-03;Turkse;asielstatushouder;GM1724;2026-05-04;;AZC Budel;Turks, Koerdisch;
            {verschoven};;Berfin;Talen;1992-02-03;Turkse;asielstatushouder;GM1724;2026-05-04;;AZC Budel;Turks;Koerdisch;
            """;
        var rapport = await (await ImporteerAsync(csv)).LeesAsync();

        Assert.Equal("aangemaakt", Regel(rapport, 2)["uitkomst"]!.GetValue<string>());
        Assert.Equal(["Turks", "Koerdisch", "Arabisch"], factory.MetDatabase(db => db.Inburgeraars.AsEnumerable().Single(i => i.VNummer?.Value == pijp).TalenLijst));
        Assert.Equal("aangemaakt", Regel(rapport, 3)["uitkomst"]!.GetValue<string>());
        Assert.Equal(["Turks", "Koerdisch"], factory.MetDatabase(db => db.Inburgeraars.AsEnumerable().Single(i => i.VNummer?.Value == komma).TalenLijst));

        // "Turks;Koerdisch;" under talen;telefoon: Koerdisch would land in telefoon and the extra value is empty. Refused, row 4.
        var fout = Regel(rapport, 4);
        Assert.Equal("fout", fout["uitkomst"]!.GetValue<string>());
        Assert.Contains("14 waarden en de kopregel 13 kolommen", fout["melding"]!.GetValue<string>());
        Assert.Contains("'|'", fout["melding"]!.GetValue<string>());
        Assert.Equal(0, factory.MetDatabase(db => db.Inburgeraars.AsEnumerable().Count(i => i.VNummer?.Value == verschoven)));
    }

    [Fact]
    public async Task Goede_rijen_worden_ingelezen_foute_gemeld_met_rijnummer_en_opnieuw_inlezen_verandert_niets()
    {
        var (v1, v2, v3) = (VNummer(), VNummer(), VNummer());
        var bsn = Testdata.NieuwBsn();
        var csv = $"""
            vNummer;bsn;voornamen;achternaam;geboortedatum;nationaliteit;doelgroep;gemeente;koppelingsdatum;warmeOverdracht;azcLocatie;talen
            {v1};{bsn};Amanuel;Coatest;1991-02-03;Eritrese;asielstatushouder;GM1724;2026-05-04;;AZC Budel;Tigrinya,Arabisch
            {v2};;Rahel;Coatest;1993-04-05;Eritrese;nareiziger;GM1728;2026-05-11;2026-06-01;AZC Budel;Tigrinya
            {v3};;Samir;Coatest;1989-07-08;Syrische;asielstatushouder;GM0770;15-05-2026;;;Arabisch
            {VNummer()};123456789;Fout;Bsn;1990-01-01;Syrische;asielstatushouder;GM1724;2026-05-04;;;
            {VNummer()};;Fout;Datum;1990-13-01;Syrische;asielstatushouder;GM1724;2026-05-04;;;
            {VNummer()};;Fout;Doelgroep;1990-01-01;Syrische;toerist;GM1724;2026-05-04;;;
            ;;Fout;Vnummer;1990-01-01;Syrische;asielstatushouder;GM1724;2026-05-04;;;
            {VNummer()};;Fout;Gemeente;1990-01-01;Syrische;asielstatushouder;GM9999;2026-05-04;;;
            {VNummer()};;Fout;Overdracht;1990-01-01;Syrische;asielstatushouder;GM1724;2026-05-04;2026-05-01;;
            {VNummer()};;Fout;Toekomst;1990-01-01;Syrische;asielstatushouder;GM1724;2026-07-01;;;
            """;
        var antwoord = await ImporteerAsync(csv, "../../etc/passwd");
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        var rapport = await antwoord.LeesAsync();
        Assert.Equal((3, 0, 0, 7), (rapport["aangemaakt"]!.GetValue<int>(), rapport["bijgewerkt"]!.GetValue<int>(), rapport["ongewijzigd"]!.GetValue<int>(), rapport["fouten"]!.GetValue<int>()));
        Assert.Contains("BSN", Regel(rapport, 5)["melding"]!.GetValue<string>());
        Assert.Contains("Geboortedatum", Regel(rapport, 6)["melding"]!.GetValue<string>());
        Assert.Contains("doelgroep", Regel(rapport, 7)["melding"]!.GetValue<string>());
        Assert.Contains("V-nummer", Regel(rapport, 8)["melding"]!.GetValue<string>());
        Assert.Contains("GM9999", Regel(rapport, 9)["melding"]!.GetValue<string>());
        Assert.Contains("vóór de koppeling", Regel(rapport, 10)["melding"]!.GetValue<string>());
        Assert.Equal("fout", Regel(rapport, 11)["uitkomst"]!.GetValue<string>());

        var dossiers = factory.MetDatabase(db => db.Inburgeraars.AsNoTracking().Include(i => i.Mijlpalen).Where(i => i.Achternaam == "Coatest").ToList());
        Assert.Equal(3, dossiers.Count);
        Assert.All(dossiers, d => Assert.Equal(Registratiebron.CoaKoppeling, d.Bron));
        var rahel = dossiers.Single(d => d.VNummer?.Value == v2);
        Assert.Equal(new DateOnly(2026, 6, 1), rahel.Mijlpalen.Single(m => m.Soort == Mijlpaal.WarmeOverdracht).Datum);
        Assert.Equal(new DateOnly(2026, 5, 15), dossiers.Single(d => d.VNummer?.Value == v3).Mijlpalen.Single(m => m.Soort == Mijlpaal.Koppeling).Datum);
        Assert.Equal(Doelgroep.Nareiziger, rahel.Doelgroep);
        Assert.Equal(["Tigrinya", "Arabisch"], dossiers.Single(d => d.VNummer?.Value == v1).TalenLijst);
        Assert.False(factory.MetDatabase(db => db.Inburgeraars.Any(i => i.Achternaam == "Bsn" || i.Achternaam == "Toekomst" || i.Achternaam == "Gemeente")));

        // The same file again: recognised on V-nummer, nothing changes.
        var tweede = await (await ImporteerAsync(csv)).LeesAsync();
        Assert.Equal((0, 0, 3, 7), (tweede["aangemaakt"]!.GetValue<int>(), tweede["bijgewerkt"]!.GetValue<int>(), tweede["ongewijzigd"]!.GetValue<int>(), tweede["fouten"]!.GetValue<int>()));
        Assert.Equal(3, factory.MetDatabase(db => db.Inburgeraars.Count(i => i.Achternaam == "Coatest")));
    }

    [Fact]
    public async Task Warme_overdracht_in_een_later_bestand_wordt_bij_het_bestaande_dossier_vastgelegd()
    {
        var v = VNummer();
        var eerste = await (await ImporteerAsync($"vNummer,voornamen,achternaam,geboortedatum,nationaliteit,doelgroep,gemeente,koppelingsdatum\n{v},Yonas,Overdracht,1995-01-01,Eritrese,asielstatushouder,GM1724,2026-05-04\n")).LeesAsync();
        Assert.Equal(1, eerste["aangemaakt"]!.GetValue<int>());

        // JSON this time, with the V-nummer as a number; matched on V-nummer, only the date is needed.
        var json = $$"""[{"vNummer": {{v}}, "achternaam": "Overdracht", "koppelingsdatum": "2026-05-04", "warmeOverdracht": "2026-06-02"}]""";
        var tweede = await (await ImporteerAsync(json, "x.json")).LeesAsync();
        Assert.Equal("bijgewerkt", Regel(tweede, 1)["uitkomst"]!.GetValue<string>());
        var id = factory.MetDatabase(db => db.InburgeraarsMetVNummer(v).Single().Id);
        Assert.Equal(new DateOnly(2026, 6, 2), factory.MetDatabase(db => db.Mijlpalen.Single(m => m.InburgeraarId == id && m.Soort == Mijlpaal.WarmeOverdracht).Datum));

        var derde = await (await ImporteerAsync(json, "x.json")).LeesAsync();
        Assert.Equal("ongewijzigd", Regel(derde, 1)["uitkomst"]!.GetValue<string>());
        Assert.Equal(1, factory.MetDatabase(db => db.MijlpaalWijzigingen.Count(w => w.InburgeraarId == id && w.Soort == Mijlpaal.WarmeOverdracht)));
    }

    [Fact]
    public async Task Een_klantregisseur_kan_niet_importeren_voor_een_gemeente_waarvoor_hij_niet_werkt()
    {
        var v = VNummer();
        var weert = factory.ClientAls("fleur.hendriks@weert.example");
        var rapport = await (await ImporteerAsync($"vNummer;voornamen;achternaam;geboortedatum;nationaliteit;doelgroep;gemeente;koppelingsdatum\n{v};A;Buitenregio;1995-01-01;Eritrese;asielstatushouder;GM1724;2026-05-04\n", client: weert)).LeesAsync();
        Assert.Equal("fout", Regel(rapport, 2)["uitkomst"]!.GetValue<string>());
        Assert.Contains("werkt niet voor gemeente", Regel(rapport, 2)["melding"]!.GetValue<string>());
        Assert.False(factory.MetDatabase(db => db.InburgeraarsMetVNummer(v).Any()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await ImporteerAsync("x", client: factory.ClientAls(null))).StatusCode);
    }

    [Theory]
    [InlineData("", "leeg")]
    [InlineData("naam;datum\nA;2026-01-01\n", "mist de kolom")]
    [InlineData("[{\"vNummer\": ", "JSON")]
    public async Task Onleesbaar_bestand_wordt_geweigerd_en_er_wordt_niets_ingelezen(string inhoud, string verwacht)
    {
        var voor = factory.MetDatabase(db => db.Inburgeraars.Count());
        var antwoord = await ImporteerAsync(inhoud);
        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        Assert.Equal("application/problem+json", antwoord.Content.Headers.ContentType!.MediaType);
        Assert.Contains(verwacht, (await antwoord.LeesAsync())["errors"]!["bestand"]![0]!.GetValue<string>());
        Assert.Equal(voor, factory.MetDatabase(db => db.Inburgeraars.Count()));
    }

    [Fact]
    public async Task Te_groot_of_geen_UTF8_bestand_wordt_geweigerd()
    {
        var groot = new byte[2 * 1024 * 1024 + 10];
        Array.Fill(groot, (byte)'a');
        Assert.Contains("groter dan", (await (await ImporteerAsync(groot)).LeesAsync())["errors"]!["bestand"]![0]!.GetValue<string>());
        Assert.Contains("UTF-8", (await (await ImporteerAsync([0x76, 0xFF, 0xFE, 0x41])).LeesAsync())["errors"]!["bestand"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Importpagina_toont_formulier_met_label()
    {
        var html = await factory.CreateClient().GetStringAsync("/inburgeraars/import");
        Assert.Contains("<label class=\"utrecht-form-label\" for=\"Bestand\">", html);
        Assert.Contains("enctype=\"multipart/form-data\"", html);
    }
}

public sealed class SqliteCoaImportTests(SqliteFactory factory) : CoaImportTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresCoaImportTests(PostgresFactory factory) : CoaImportTests(factory), IClassFixture<PostgresFactory>;

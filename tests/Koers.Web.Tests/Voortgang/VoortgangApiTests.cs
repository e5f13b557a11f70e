using System.Globalization;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Dossier;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Voortgang;

/// <summary>
/// Partner reporting and progress: consent enforcement (no, withdrawn, expired or Voortgang-less consent answers 404 and
/// stores nothing), the hours upsert, the CSV attendance list (row-level validation, idempotent re-upload, no existence
/// leak, size and header checks, 10,000 rows), progress against the PIP norms, talks and their milestone, and the
/// worklist signals. The clock stands on Tuesday 16 June 2026 (week 2026-W25). Each test makes its own partner and cases.
/// </summary>
public abstract class VoortgangApiTests(KoersFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();
    private static int _volgnummer;

    // ---- helpers ------------------------------------------------------------------------------------------------

    /// <summary>A case in GM1724 (Kempen) with a PIP on 2 March 2026, Z-route unless said otherwise.</summary>
    private async Task<(Guid Id, string Bsn)> DossierAsync(Leerroute leerroute = Leerroute.ZRoute, string? pip = "2026-03-02")
    {
        var bsn = Testdata.NieuwBsn();
        var invoer = Testdata.Inburgeraar(bsn: bsn, koppelingsdatum: "2026-01-05");
        invoer["achternaam"] = "Voortgang" + Interlocked.Increment(ref _volgnummer);
        var response = await _client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = Guid.Parse((await response.LeesAsync())["id"]!.GetValue<string>());
        factory.MetDatabase(db =>
        {
            db.Inburgeraars.Single(i => i.Id == id).Leerroute = leerroute;
            return db.SaveChanges();
        });
        if (pip is not null)
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/pipVastgesteld", new { datum = pip })).StatusCode);
        }

        return (id, bsn);
    }

    /// <summary>A partner organisation in the Kempen region with one signed-in user; returns a client for that user.</summary>
    private (HttpClient Client, int PartnerId, string Email) Partner()
    {
        var n = Interlocked.Increment(ref _volgnummer);
        var email = $"partner{n}-{Guid.NewGuid():N}@taal.example";
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        var regio = db.Regios.Single(r => r.Naam.Contains("Kempen"));
        var org = new Partnerorganisatie { Naam = $"Taalschool {n}", Soort = Partnersoort.Taalaanbieder, RegioId = regio.Id };
        db.Partnerorganisaties.Add(org);
        db.SaveChanges();
        var gebruiker = new Gebruiker { UserName = email, Email = email, Weergavenaam = $"Docent {n}", PartnerorganisatieId = org.Id };
        Assert.True(users.CreateAsync(gebruiker).GetAwaiter().GetResult().Succeeded);
        users.AddToRoleAsync(gebruiker, Rollen.Partner).GetAwaiter().GetResult();
        return (factory.ClientAls(email), org.Id, email);
    }

    private void Machtig(int partnerId, Guid id, Gegevenscategorie categorieen, DateOnly? van = null, DateOnly? tot = null, bool ingetrokken = false) =>
        factory.MetDatabase(db =>
        {
            db.Machtigingen.Add(new Machtiging
            {
                Id = Guid.NewGuid(), InburgeraarId = id, PartnerorganisatieId = partnerId, Categorieen = categorieen, Van = van ?? new DateOnly(2026, 1, 1), Tot = tot,
                Vorm = "Ondertekend formulier", VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test",
                IngetrokkenOp = ingetrokken ? new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc) : null, IngetrokkenDoor = ingetrokken ? "inburgeraar" : null,
            });
            return db.SaveChanges();
        });

    private const Gegevenscategorie Volledig = Gegevenscategorie.Basisgegevens | Gegevenscategorie.Leerroute | Gegevenscategorie.Voortgang;

    private int AantalUren(Guid id) => factory.MetDatabase(db => db.Urenregistraties.Count(u => u.InburgeraarId == id));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string inhoud, string naam = "lijst.csv", bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(inhoud);
        if (bom) bytes = [.. Encoding.UTF8.GetPreamble(), .. bytes];
        return await UploadAsync(client, bytes, naam);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string naam)
    {
        var form = new MultipartFormDataContent();
        var bestand = new ByteArrayContent(bytes);
        bestand.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(bestand, "bestand", naam);
        return await client.PostAsync("/api/v1/partner/uren/csv", form);
    }

    private static async Task<string> FoutAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return string.Join(" ", (await response.LeesAsync())["errors"]!.AsObject().SelectMany(e => e.Value!.AsArray().Select(m => m!.GetValue<string>())));
    }

    // ---- consent enforcement ------------------------------------------------------------------------------------

    [Fact]
    public async Task Zonder_geldige_machtiging_voor_voortgang_antwoordt_404_en_wordt_niets_bewaard()
    {
        var (partner, pid, _) = Partner();
        var (geen, _) = await DossierAsync();
        var (ingetrokken, _) = await DossierAsync();
        var (zonderVoortgang, _) = await DossierAsync();
        var (verlopen, _) = await DossierAsync();
        var (welGemachtigd, _) = await DossierAsync();
        Machtig(pid, ingetrokken, Volledig, ingetrokken: true);
        Machtig(pid, zonderVoortgang, Gegevenscategorie.Basisgegevens | Gegevenscategorie.Gezondheid);
        Machtig(pid, verlopen, Volledig, tot: new DateOnly(2026, 5, 31));
        Machtig(pid, welGemachtigd, Volledig);
        // Another partner's consent for the same case opens nothing for this partner.
        var (_, anderePid, _) = Partner();
        Machtig(anderePid, geen, Volledig);

        foreach (var id in new[] { geen, ingetrokken, zonderVoortgang, verlopen })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await partner.PutJsonAsync($"/api/v1/partner/inburgeraars/{id}/uren", new { week = "2026-W24", soort = "taal", uren = 8 })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await partner.PostJsonAsync($"/api/v1/partner/inburgeraars/{id}/signalen", new { soort = "uitval", datum = "2026-06-15", notitie = "Weg" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await partner.PostJsonAsync($"/api/v1/partner/inburgeraars/{id}/vaardigheden", new { vaardigheid = "lezen", datum = "2026-06-15", niveau = "A2" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await partner.PostJsonAsync($"/api/v1/partner/inburgeraars/{id}/examens", new { onderdeel = "lezen", datum = "2026-06-15", niveau = "A2", behaald = true })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/partner/inburgeraars/{id}/voortgang")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/partner/rapportage/{id}")).StatusCode);
            Assert.Equal(0, AantalUren(id));
            Assert.False(factory.MetDatabase(db => db.Voortgangssignalen.Any(s => s.InburgeraarId == id) || db.Vaardigheidsvoortgang.Any(s => s.InburgeraarId == id)
                || db.Examenresultaten.Any(s => s.InburgeraarId == id)));
        }

        var ok = await partner.PutJsonAsync($"/api/v1/partner/inburgeraars/{welGemachtigd}/uren", new { week = "2026-W24", soort = "taal", uren = 8 });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(1, AantalUren(welGemachtigd));
        Assert.Equal(pid, factory.MetDatabase(db => db.Urenregistraties.Single(u => u.InburgeraarId == welGemachtigd).PartnerorganisatieId));

        // The partner list shows exactly the consented case; the staff API stays closed to partners.
        var lijst = (await (await partner.GetAsync("/api/v1/partner/inburgeraars")).LeesAsync()).AsArray();
        Assert.Equal([welGemachtigd.ToString()], lijst.Select(x => x!["id"]!.GetValue<string>()).ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/v1/inburgeraars/{welGemachtigd}/voortgang")).StatusCode);

        // Withdrawing the consent closes the case at once.
        factory.MetDatabase(db =>
        {
            db.Machtigingen.Single(m => m.InburgeraarId == welGemachtigd && m.PartnerorganisatieId == pid).IngetrokkenOp = DateTime.UtcNow;
            return db.SaveChanges();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PutJsonAsync($"/api/v1/partner/inburgeraars/{welGemachtigd}/uren", new { week = "2026-W23", soort = "taal", uren = 8 })).StatusCode);
        Assert.Equal(1, AantalUren(welGemachtigd));
    }

    [Fact]
    public async Task Partner_inzage_wordt_gelogd_en_naam_alleen_met_basisgegevens()
    {
        var (partner, pid, email) = Partner();
        var (metNaam, _) = await DossierAsync();
        var (zonderNaam, _) = await DossierAsync();
        Machtig(pid, metNaam, Volledig);
        Machtig(pid, zonderNaam, Gegevenscategorie.Voortgang);

        var lijst = (await (await partner.GetAsync("/api/v1/partner/inburgeraars")).LeesAsync()).AsArray();
        Assert.StartsWith("Testa Voortgang", lijst.Single(x => x!["id"]!.GetValue<string>() == metNaam.ToString())!["weergave"]!.GetValue<string>());
        Assert.StartsWith("Inburgeraar ", lijst.Single(x => x!["id"]!.GetValue<string>() == zonderNaam.ToString())!["weergave"]!.GetValue<string>());

        var pagina = await partner.GetAsync($"/partner/rapportage/{metNaam}");
        Assert.Equal(HttpStatusCode.OK, pagina.StatusCode);
        Assert.True(factory.MetDatabase(db => db.Audit.Any(a => a.InburgeraarId == metNaam && a.Actie == AuditActie.Inzien && a.Gebruiker == email)));
        var home = new HtmlParser().ParseDocument(await partner.GetStringAsync("/partner/rapportage"));
        Assert.Equal(2, home.QuerySelectorAll("#dossiertabel tbody tr").Length);
    }

    // ---- hours --------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Uren_per_week_worden_bijgewerkt_op_de_unieke_sleutel_en_onzin_wordt_geweigerd()
    {
        var (partner, pid, _) = Partner();
        var (id, _) = await DossierAsync();
        Machtig(pid, id, Volledig);
        async Task<string> ResultaatAsync(object body)
        {
            var r = await partner.PutJsonAsync($"/api/v1/partner/inburgeraars/{id}/uren", body);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return (await r.LeesAsync())["resultaat"]!.GetValue<string>();
        }

        Assert.Equal("toegevoegd", await ResultaatAsync(new { week = "2026-06-08", soort = "taal", uren = 10, afwezigUren = 2, afwezigGemeld = true }));
        // The same week written as ISO week is the same week: nothing changes.
        Assert.Equal("ongewijzigd", await ResultaatAsync(new { week = "2026-W24", soort = "taal", uren = 10, afwezigUren = 2, afwezigGemeld = true }));
        Assert.Equal("bijgewerkt", await ResultaatAsync(new { week = "2026-W24", soort = "taal", uren = 12.5, afwezigUren = 0 }));
        Assert.Equal("toegevoegd", await ResultaatAsync(new { week = "2026-W24", soort = "knm", uren = 2 }));
        Assert.Equal(2, AantalUren(id));
        Assert.Equal(12.5m, factory.MetDatabase(db => db.Urenregistraties.Single(u => u.InburgeraarId == id && u.Soort == Urensoort.Taal).Uren));

        Assert.Contains("geen maandag", await FoutAsync(await partner.PutJsonAsync($"/api/v1/partner/inburgeraars/{id}/uren", new { week = "2026-06-10", soort = "taal", uren = 1 })));
        Assert.Contains("negatief", await FoutAsync(await partner.PutJsonAsync($"/api/v1/partner/inburgeraars/{id}/uren", new { week = "2026-W23", soort = "taal", uren = -1 })));
        Assert.Contains("60", await FoutAsync(await partner.PutJsonAsync($"/api/v1/partner/inburgeraars/{id}/uren", new { week = "2026-W23", soort = "taal", uren = 61 })));
        Assert.Contains("toekomst", await FoutAsync(await partner.PutJsonAsync($"/api/v1/partner/inburgeraars/{id}/uren", new { week = "2026-W27", soort = "taal", uren = 4 })));
        Assert.Equal(2, AantalUren(id));
    }

    [Fact]
    public async Task Uren_van_een_zroute_gaan_als_totaal_per_soort_naar_duo_en_van_een_b1_route_niet()
    {
        var (partner, pid, _) = Partner();
        var (z, _) = await DossierAsync(Leerroute.ZRoute);
        var (b1, _) = await DossierAsync(Leerroute.B1Route);
        Machtig(pid, z, Volledig);
        Machtig(pid, b1, Volledig);
        foreach (var body in new object[]
                 {
                     new { week = "2026-W23", soort = "taal", uren = 10 }, new { week = "2026-W24", soort = "taal", uren = 6.5 },
                     new { week = "2026-W24", soort = "knm", uren = 2 }, new { week = "2026-W24", soort = "participatie", uren = 8 },
                 })
        {
            Assert.Equal(HttpStatusCode.OK, (await partner.PutJsonAsync($"/api/v1/partner/inburgeraars/{z}/uren", body)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await partner.PutJsonAsync($"/api/v1/partner/inburgeraars/{b1}/uren", new { week = "2026-W24", soort = "taal", uren = 9 })).StatusCode);

        var berichten = factory.MetDatabase(db => db.DuoUitgaandeBerichten.Where(b => b.InburgeraarId == z || b.InburgeraarId == b1).ToList());
        Assert.DoesNotContain(berichten, b => b.InburgeraarId == b1);
        // DUO keeps one total per kind: language + KNM together (10 + 6.5 + 2, whole hours), participation apart.
        Assert.Contains(berichten, b => b.Soort == Koers.Data.Model.Duo.OutboxSoort.UrenParticipatieTaalles && b.Methode == "PUT"
            && b.Pad.EndsWith("/uren/participatietaalles", StringComparison.Ordinal) && b.InhoudJson.Replace(" ", "").Contains(":18}"));
        Assert.Contains(berichten, b => b.Soort == Koers.Data.Model.Duo.OutboxSoort.UrenParticipatieactiviteiten && b.InhoudJson.Replace(" ", "").Contains(":8}"));
        Assert.DoesNotContain(berichten, b => b.InhoudJson.Replace(" ", "").Contains(":19}"));
    }

    // ---- CSV ----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Csv_met_goede_en_foute_regels_bewaart_de_goede_en_noemt_per_foute_regel_de_reden()
    {
        var (partner, pid, _) = Partner();
        var (a, bsnA) = await DossierAsync();
        var (b, _) = await DossierAsync();
        var (nietGemachtigd, bsnNietGemachtigd) = await DossierAsync();
        Machtig(pid, a, Volledig);
        Machtig(pid, b, Volledig);
        var onbekendBsn = Testdata.NieuwBsn();
        var csv = string.Join("\n",
            "bsn;koers_id;week;soort;uren;afwezig_uren;afwezig_gemeld",
            $"{bsnA};;2026-06-08;taal;10;2;ja",                 // 2 good
            $";{b};2026-W24;participatie;8,5;;",                // 3 good
            $"{bsnA};;2026-06-10;taal;4;;",                     // 4 not a Monday
            $"{bsnA};;2026-W24;zwemmen;4;;",                    // 5 unknown kind
            $"{bsnA};;2026-W23;taal;-3;;",                      // 6 negative
            $"{bsnA};;2026-W22;taal;70;;",                      // 7 > 60
            $"{onbekendBsn};;2026-W24;taal;4;;",                // 8 not in Koers
            $"{bsnNietGemachtigd};;2026-W24;taal;4;;",          // 9 in Koers, no consent
            $"{bsnA};;2026-W24;taal;3;;",                       // 10 duplicate of row 2
            $"{bsnA};;2026-W21;knm;2;1;misschien",              // 11 bad flag
            $"{bsnA};;2026-W21;knm",                            // 12 too few columns
            "");
        var response = await UploadAsync(partner, csv, "../../etc/presentie week 24.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var r = await response.LeesAsync();
        Assert.Equal(11, r["regels"]!.GetValue<int>());
        Assert.Equal(2, r["toegevoegd"]!.GetValue<int>());
        Assert.Equal(9, r["fouten"]!.GetValue<int>());
        var regels = r["resultaten"]!.AsArray().ToDictionary(x => x!["regel"]!.GetValue<int>(), x => x!);
        string Reden(int regel) => regels[regel]["reden"]?.GetValue<string>() ?? "";
        Assert.Equal("toegevoegd", regels[2]["status"]!.GetValue<string>());
        Assert.Equal("toegevoegd", regels[3]["status"]!.GetValue<string>());
        Assert.Contains("geen maandag", Reden(4));
        Assert.Contains("onbekende soort 'zwemmen'", Reden(5));
        Assert.Contains("negatief", Reden(6));
        Assert.Contains("meer dan 60", Reden(7));
        // An unknown person and a person without consent get the same answer: the upload reveals nothing.
        Assert.Equal("geen machtiging voor deze persoon", Reden(8));
        Assert.Equal(Reden(8), Reden(9));
        Assert.Contains("dubbele regel", Reden(10));
        Assert.Contains("regel 2", Reden(10));
        Assert.Contains("afwezig_gemeld", Reden(11));
        Assert.Contains("kolommen", Reden(12));

        Assert.Equal(1, AantalUren(a));
        Assert.Equal(1, AantalUren(b));
        Assert.Equal(0, AantalUren(nietGemachtigd));
        var opgeslagen = factory.MetDatabase(db => db.Urenregistraties.Single(u => u.InburgeraarId == b));
        Assert.Equal((8.5m, Urensoort.Participatie, new DateOnly(2026, 6, 8), Gegevensbron.PartnerCsv), (opgeslagen.Uren, opgeslagen.Soort, opgeslagen.Week, opgeslagen.Bron));

        // The file name is shown, never used as a path; the refused rows download as CSV, only for this partner.
        var uploadId = r["uploadId"]!.GetValue<string>();
        Assert.Equal("presentie week 24.csv", r["bestandsnaam"]!.GetValue<string>());
        var download = await partner.GetAsync($"/api/v1/partner/uren/csv/{uploadId}/fouten");
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        var fouten = await download.Content.ReadAsStringAsync();
        Assert.Contains("regel;reden;bsn", fouten);
        Assert.Contains("onbekende soort", fouten);
        Assert.Equal(10, fouten.Trim().Split('\n').Length);
        var (ander, _, _) = Partner();
        Assert.Equal(HttpStatusCode.NotFound, (await ander.GetAsync($"/api/v1/partner/uren/csv/{uploadId}/fouten")).StatusCode);
        var pagina = new HtmlParser().ParseDocument(await partner.GetStringAsync($"/partner/rapportage/upload?upload={uploadId}"));
        Assert.Equal(9, pagina.QuerySelectorAll("#foutregels li").Length);
        Assert.True(factory.MetDatabase(db => db.Audit.Any(x => x.Omschrijving.Contains($"CSV-upload presentielijst {uploadId}"))));
        Assert.True(factory.MetDatabase(db => db.Audit.Any(x => x.InburgeraarId == a && x.Omschrijving.Contains(uploadId))));
    }

    [Fact]
    public async Task Een_bsn_dat_op_twee_gemachtigde_dossiers_staat_wijst_geen_persoon_aan_en_de_rest_van_de_lijst_wordt_bewaard()
    {
        // Two consented cases with the same BSN (stored as such, e.g. a person registered twice in a sharing region): the
        // row cannot say whose hours they are, so it is refused with the answer every unmatched row gets; the file's other
        // rows are kept. (Before 6 December 2026 the upload failed as a whole with a 500.)
        var (partner, pid, _) = Partner();
        var (a, bsnA) = await DossierAsync();
        var (b, _) = await DossierAsync();
        var (c, bsnC) = await DossierAsync();
        foreach (var id in new[] { a, b, c }) Machtig(pid, id, Volledig);
        factory.MetDatabase(db =>
        {
            db.Inburgeraars.Single(i => i.Id == b).Bsn = Koers.Domain.Identity.Bsn.Parse(bsnA);
            return db.SaveChanges();
        });
        Assert.Equal(1, factory.MetDatabase(db => db.Inburgeraars.Where(i => i.Id == a || i.Id == b).Select(i => i.BsnIndex).Distinct().Count()));

        try
        {
            var antwoord = await (await UploadAsync(partner, $"bsn;koers_id;week;soort;uren\n{bsnA};;2026-W24;taal;6\n{bsnC};;2026-W24;taal;5\n;{b};2026-W24;taal;4\n")).LeesAsync();
            var regels = antwoord["resultaten"]!.AsArray().Select(r => (r!["status"]!.GetValue<string>(), r["reden"]?.GetValue<string>())).ToArray();
            Assert.Equal(("fout", GeenMachtigingTekst), regels[0]);
            Assert.Equal(("toegevoegd", (string?)null), regels[1]);
            Assert.Equal(("toegevoegd", (string?)null), regels[2]);
            Assert.Equal((0, 1, 1), (AantalUren(a), AantalUren(b), AantalUren(c)));
        }
        finally
        {
            // The class's other tests pick Kempen cases by BSN: give B its own number back.
            factory.MetDatabase(db =>
            {
                db.Inburgeraars.Single(i => i.Id == b).Bsn = Koers.Domain.Identity.Bsn.Parse(Testdata.NieuwBsn());
                return db.SaveChanges();
            });
        }
    }

    private const string GeenMachtigingTekst = Koers.Web.Features.Voortgang.UrenCsvImport.GeenMachtiging;

    [Fact]
    public async Task Dezelfde_csv_nogmaals_uploaden_verandert_niets_en_meldt_ongewijzigd_per_regel()
    {
        var (partner, pid, _) = Partner();
        var (a, bsnA) = await DossierAsync();
        Machtig(pid, a, Volledig);
        // Comma-separated, with BOM, header in another case and order, V-less: only bsn.
        var csv = "\r\nWeek,Soort,BSN,Uren,Afwezig_Uren,Afwezig_Gemeld\r\n2026-W22,taal,{0},6,0,nee\r\n2026-W23,taal,{0},\"7,5\",1,ja\r\n2026-W24,map_praktijk,{0},4,0,\r\n";
        csv = string.Format(CultureInfo.InvariantCulture, csv, bsnA).TrimStart();
        var eerste = await (await UploadAsync(partner, csv, bom: true)).LeesAsync();
        Assert.Equal(3, eerste["toegevoegd"]!.GetValue<int>());
        Assert.Equal(0, eerste["fouten"]!.GetValue<int>());
        var vastgelegd = factory.MetDatabase(db => db.Urenregistraties.Where(u => u.InburgeraarId == a).OrderBy(u => u.Week).Select(u => new { u.Id, u.Uren, u.VastgelegdOp }).ToList());
        Assert.Equal([6m, 7.5m, 4m], vastgelegd.Select(x => x.Uren).ToArray());

        factory.Tijd.Nu = factory.Tijd.Nu.AddMinutes(5);
        try
        {
            var tweede = await (await UploadAsync(partner, csv, bom: true)).LeesAsync();
            Assert.Equal(0, tweede["toegevoegd"]!.GetValue<int>());
            Assert.Equal(0, tweede["bijgewerkt"]!.GetValue<int>());
            Assert.Equal(3, tweede["ongewijzigd"]!.GetValue<int>());
            Assert.All(tweede["resultaten"]!.AsArray(), x => Assert.Equal("ongewijzigd", x!["status"]!.GetValue<string>()));
            var daarna = factory.MetDatabase(db => db.Urenregistraties.Where(u => u.InburgeraarId == a).OrderBy(u => u.Week).Select(u => new { u.Id, u.Uren, u.VastgelegdOp }).ToList());
            Assert.Equal(vastgelegd, daarna);

            // One changed row: only that row is updated.
            var gewijzigd = await (await UploadAsync(partner, csv.Replace(",6,0,nee", ",5,1,nee"))).LeesAsync();
            Assert.Equal(1, gewijzigd["bijgewerkt"]!.GetValue<int>());
            Assert.Equal(2, gewijzigd["ongewijzigd"]!.GetValue<int>());
        }
        finally
        {
            factory.Tijd.Nu = KoersFactory.Nu;
        }
    }

    [Fact]
    public async Task Leeg_bestand_alleen_kopregel_verkeerde_kolommen_en_te_groot_geven_een_duidelijke_melding()
    {
        var (partner, _, _) = Partner();
        Assert.Contains("leeg", await FoutAsync(await UploadAsync(partner, "")));
        Assert.Contains("leeg", await FoutAsync(await UploadAsync(partner, "\r\n  \r\n", bom: true)));
        Assert.Contains("alleen een kopregel", await FoutAsync(await UploadAsync(partner, "bsn;week;soort;uren\r\n")));
        var verkeerd = await FoutAsync(await UploadAsync(partner, "persoon;datum;uren\n123456782;2026-06-08;4\n"));
        Assert.Contains("Onbekende kolom", verkeerd);
        Assert.Contains("'persoon'", verkeerd);
        Assert.Contains("Verplichte kolom(men) ontbreken: soort", await FoutAsync(await UploadAsync(partner, "bsn;week;uren\n123456782;2026-W24;4\n")));
        Assert.Contains("bsn, vnummer of koers_id", await FoutAsync(await UploadAsync(partner, "week;soort;uren\n2026-W24;taal;4\n")));
        Assert.Contains("UTF-8", await FoutAsync(await UploadAsync(partner, [0x62, 0x73, 0x6E, 0x3B, 0xE9, 0xFF, 0x0A], "latin1.csv")));
        var groot = new byte[5 * 1024 * 1024];
        Array.Fill(groot, (byte)'a');
        Assert.Contains("te groot", await FoutAsync(await UploadAsync(partner, groot, "groot.csv")));
        // Staff are no partner: the upload is closed to them.
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(_client, "bsn;week;soort;uren\n")).StatusCode);
    }

    [Fact]
    public async Task Tienduizend_regels_worden_in_een_keer_verwerkt()
    {
        var (partner, pid, _) = Partner();
        var dossiers = factory.MetDatabase(db => db.Inburgeraars.Where(i => i.Bsn != null && i.Gemeente!.Regio!.Naam.Contains("Kempen") && i.GeanonimiseerdOp == null)
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.Bsn }).Take(50).ToList());
        Assert.Equal(50, dossiers.Count);
        foreach (var d in dossiers) Machtig(pid, d.Id, Volledig);
        var regels = new StringBuilder("bsn;week;soort;uren;afwezig_uren;afwezig_gemeld\n");
        var start = new DateOnly(2022, 1, 3);
        foreach (var d in dossiers)
        {
            for (var w = 0; w < 200; w++) regels.Append(d.Bsn?.Value).Append(';').Append(start.AddDays(7 * w).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(";taal;").Append(w % 20).Append(";1;nee\n");
        }

        var klok = Stopwatch.StartNew();
        var r = await (await UploadAsync(partner, regels.ToString())).LeesAsync();
        klok.Stop();
        Assert.Equal(10_000, r["regels"]!.GetValue<int>());
        Assert.Equal(10_000, r["toegevoegd"]!.GetValue<int>());
        Assert.True(klok.Elapsed < TimeSpan.FromSeconds(60), $"10.000 regels duurden {klok.Elapsed}");
        var ids = dossiers.Select(d => d.Id).ToList();
        Assert.Equal(10_000, factory.MetDatabase(db => db.Urenregistraties.Count(u => u.PartnerorganisatieId == pid && ids.Contains(u.InburgeraarId))));

        var opnieuw = await (await UploadAsync(partner, regels.ToString())).LeesAsync();
        Assert.Equal(10_000, opnieuw["ongewijzigd"]!.GetValue<int>());
    }

    /// <summary>
    /// On PostgreSQL the upload writes set-based (binary COPY, UPDATE … FROM, INSERT); the EF path stays for SQLite and as a
    /// fall-back (Koers:Voortgang:CsvSetGewijs). The same file on two identical sets of cases, once per path: the stored
    /// hours, the answer per row, the stored upload, the audit rows and the DUO hour messages must be the same, for an
    /// added, an updated and an unchanged row, a row without consent, a refused and a duplicate row. (On SQLite both rounds
    /// take the EF path.)
    /// </summary>
    [Fact]
    public async Task Csv_setgewijs_en_via_ef_geven_dezelfde_uren_antwoorden_audit_en_duo_berichten()
    {
        var schrijfwijze = factory.Services.GetRequiredService<Koers.Web.Features.Voortgang.UrenCsvSchrijfwijze>();

        async Task<string> RondeAsync(bool setGewijs)
        {
            var (partner, pid, email) = Partner();
            var (a, bsnA) = await DossierAsync();                                 // Z-route with PIP: two participation messages
            var (b, bsnB) = await DossierAsync(Leerroute.B1Route, pip: null);     // no PIP yet: its hours are intake hours
            var (c, bsnC) = await DossierAsync();                                 // no consent
            Machtig(pid, a, Volledig);
            Machtig(pid, b, Volledig);
            var organisatie = factory.MetDatabase(db => db.Partnerorganisaties.Single(o => o.Id == pid).Naam);
            schrijfwijze.SetGewijs = setGewijs;
            try
            {
                var vooraf = await (await UploadAsync(partner, $"bsn;week;soort;uren;afwezig_uren;afwezig_gemeld\n{bsnA};2026-W22;taal;6;0;nee\n{bsnA};2026-W23;taal;7;0;nee\n")).LeesAsync();
                Assert.Equal(2, vooraf["toegevoegd"]!.GetValue<int>());
                var vanafAudit = factory.MetDatabase(db => db.Audit.Max(x => x.Id));
                var csv = string.Join("\n",
                    "bsn;week;soort;uren;afwezig_uren;afwezig_gemeld",
                    $"{bsnA};2026-W22;taal;6;0;nee",          // 2 unchanged
                    $"{bsnA};2026-W23;taal;8;1;ja",           // 3 updated
                    $"{bsnA};2026-W24;participatie;5,5;;",    // 4 added
                    $"{bsnB};2026-W24;knm;3;;",               // 5 added (intake hours)
                    $"{bsnC};2026-W24;taal;4;;",              // 6 no consent
                    $"{bsnA};2026-W24;zwemmen;2;;",           // 7 unknown kind
                    $"{bsnA};2026-W24;participatie;9;;",      // 8 duplicate of row 4
                    "");
                var antwoord = await (await UploadAsync(partner, csv)).LeesAsync();
                var upload = antwoord["uploadId"]!.GetValue<string>();
                var dossiers = new[] { a, b, c };
                string Anoniem(string? tekst) => (tekst ?? "")
                    .Replace(upload, "UPLOAD").Replace(bsnA, "BSN-A").Replace(bsnB, "BSN-B").Replace(bsnC, "BSN-C").Replace(email, "PARTNER")
                    .Replace($"ketenpartner {pid}", "ketenpartner P").Replace(organisatie, "ORGANISATIE")
                    .Replace(a.ToString(), "A").Replace(b.ToString(), "B").Replace(c.ToString(), "C");
                string Naam(Guid? id) => id == a ? "A" : id == b ? "B" : id == c ? "C" : "-";
                return factory.MetDatabase(db =>
                {
                    var uren = db.Urenregistraties.AsNoTracking().Where(u => dossiers.Contains(u.InburgeraarId)).OrderBy(u => u.Id).ToList()
                        .Select(u => $"{Naam(u.InburgeraarId)} {u.PartnerorganisatieId == pid} {u.Soort} {u.Week:yyyy-MM-dd} {u.Uren} {u.AfwezigUren} {u.AfwezigGemeld} {u.Bron} {u.VastgelegdOp:O} {Anoniem(u.VastgelegdDoor)}");
                    var opgeslagen = db.Urenuploads.AsNoTracking().Single(u => u.Id == Guid.Parse(upload));
                    var audit = db.Audit.AsNoTracking().Where(x => x.Id > vanafAudit).OrderBy(x => x.Id).ToList()
                        .Select(x => $"{x.Op:O} {Anoniem(x.Gebruiker)} {x.Actie} {Naam(x.InburgeraarId)} {x.Rol} {Anoniem(x.Organisatie)} {x.RegioId} {x.IpAdres} {x.Doel} {x.Resultaat} {Anoniem(x.Omschrijving)}");
                    var duo = db.DuoUitgaandeBerichten.AsNoTracking().Where(m => dossiers.Contains(m.InburgeraarId)).ToList()
                        .Select(m => $"{Naam(m.InburgeraarId)} {m.Soort} {m.Methode} {Anoniem(m.Pad)} {m.InhoudJson} {Anoniem(m.Omschrijving)} {m.Status} {m.Melding} {m.AangemaaktOp:O} {Anoniem(m.AangemaaktDoor)}")
                        .OrderBy(x => x, StringComparer.Ordinal);
                    return string.Join("\n", [
                        "antwoord: " + Anoniem(antwoord.ToJsonString()),
                        $"upload: {opgeslagen.Bestandsnaam} {opgeslagen.Regels} {opgeslagen.Toegevoegd} {opgeslagen.Bijgewerkt} {opgeslagen.Ongewijzigd} {opgeslagen.Fouten} {opgeslagen.Op:O} {Anoniem(opgeslagen.Door)}",
                        "fouten: " + Anoniem(opgeslagen.FoutenCsv),
                        .. uren.Select(x => "uren: " + x), .. audit.Select(x => "audit: " + x), .. duo.Select(x => "duo: " + x)]);
                });
            }
            finally
            {
                schrijfwijze.SetGewijs = true;
            }
        }

        var ef = await RondeAsync(setGewijs: false);
        var setGewijs = await RondeAsync(setGewijs: true);
        Assert.Equal(ef, setGewijs);
        // The comparison covers every kind of row: the rounds are not equal by being empty.
        foreach (var verwacht in new[] { "\"ongewijzigd\"", "\"bijgewerkt\"", "\"toegevoegd\"", "geen machtiging voor deze persoon", "onbekende soort", "dubbele regel",
                     "uren: A True Taal 2026-05-25 6", "uren: A True Taal 2026-06-01 8", "uren: A True Participatie 2026-06-08 5", "uren: B True Knm 2026-06-08 3",
                     "audit: ", "Wijzigen A", "Wijzigen B", "CSV-upload presentielijst UPLOAD", "duo: A UrenParticipatieactiviteiten", "duo: B UrenTaallesKnm" })
        {
            Assert.Contains(verwacht, setGewijs);
        }

        Assert.DoesNotContain("uren: C", setGewijs);
        Assert.DoesNotContain("Wijzigen C", setGewijs);
    }

    // ---- progress, talks and signals ---------------------------------------------------------------------------

    [Fact]
    public async Task Voortgang_telt_uren_tegen_de_normen_van_de_route()
    {
        var (partner, pid, _) = Partner();
        var (id, _) = await DossierAsync(Leerroute.ZRoute);
        Machtig(pid, id, Volledig);
        foreach (var (soort, week, uren) in new[] { ("taal", "2026-W20", 30m), ("knm", "2026-W20", 10m), ("participatie", "2026-W21", 16m), ("mapTheorie", "2026-W22", 50m), ("mapTheorie", "2026-W23", 58m), ("pvt", "2026-W24", 12m) })
        {
            Assert.Equal(HttpStatusCode.OK, (await partner.PutJsonAsync($"/api/v1/partner/inburgeraars/{id}/uren", new { week, soort, uren, afwezigUren = soort == "taal" ? 10 : 0 })).StatusCode);
        }

        var v = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/voortgang")).LeesAsync();
        var normen = v["normen"]!.AsArray().ToDictionary(n => n!["onderdeel"]!.GetValue<string>(), n => n!);
        Assert.Equal(40m, normen["zRouteTaal"]["gedaan"]!.GetValue<decimal>()); // taal + KNM count for the 800
        Assert.Equal(5, normen["zRouteTaal"]["procent"]!.GetValue<int>());
        Assert.Equal(16m, normen["zRouteParticipatie"]["gedaan"]!.GetValue<decimal>());
        Assert.Equal(108m, normen["map"]["gedaan"]!.GetValue<decimal>());
        Assert.False(normen["map"]["voldaan"]!.GetValue<bool>()); // 108 hours, but no practical hours
        Assert.True(normen["pvt"]["voldaan"]!.GetValue<bool>());
        Assert.Equal(5, v["afwezigProcent"]!.GetValue<int>()); // 10 absent of 186 expected hours
        Assert.Equal(16, v["weken"]!.AsArray().Count);

        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/inburgeraars/{id}/voortgang"));
        var map = pagina.QuerySelector("#norm-map")!;
        Assert.Equal("progress", map.TagName.ToLowerInvariant());
        Assert.Equal("108", map.GetAttribute("max"));
        Assert.Contains("waarvan 0 van minimaal 40 uur praktijk", pagina.QuerySelector("#norm-map-tekst")!.TextContent);
        Assert.NotNull(pagina.QuerySelector("label[for=norm-map]"));
        Assert.Equal(16, pagina.QuerySelectorAll("#weektabel tbody tr").Length);
    }

    [Fact]
    public async Task Gehouden_gesprek_zet_de_mijlpaal_en_schuift_de_termijn_niet_verschenen_niet()
    {
        var (id, _) = await DossierAsync(pip: "2026-01-12");
        async Task<string?> VervaldatumAsync() => (await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/termijnen")).LeesAsync())["termijnen"]!.AsArray()
            .Single(t => t!["code"]!.GetValue<string>() == "voortgangsgesprek")!["vervaldatum"]?.GetValue<string>();
        Assert.Equal("2026-04-12", await VervaldatumAsync()); // 3 months after the PIP: overdue
        Assert.Contains((await (await _client.GetAsync("/api/v1/werkvoorraad?termijn=voortgangsgesprek&paginaGrootte=500")).LeesAsync())["regels"]!.AsArray(),
            r => r!["inburgeraarId"]!.GetValue<string>() == id.ToString());

        Assert.Contains("voorbij", await FoutAsync(await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/voortgangsgesprekken", new { geplandOp = "2026-06-01" })));
        var plan = await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/voortgangsgesprekken", new { geplandOp = "2026-06-18" });
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        var gesprek = (await plan.LeesAsync())["id"]!.GetValue<string>();

        // A future date, or a held talk without a report, is refused; nothing moves.
        Assert.Contains("toekomst", await FoutAsync(await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/voortgangsgesprekken/{gesprek}", new { status = "gehouden", datum = "2026-06-18", verslag = "x" })));
        Assert.Contains("verslag", await FoutAsync(await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/voortgangsgesprekken/{gesprek}", new { status = "gehouden", datum = "2026-06-15" })));

        // A no-show is recorded but is no talk: the deadline stays.
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/voortgangsgesprekken/gevoerd", new { status = "nietVerschenen", datum = "2026-06-08" })).StatusCode);
        Assert.Equal("2026-04-12", await VervaldatumAsync());

        var gehouden = await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/voortgangsgesprekken/{gesprek}", new
        {
            status = "gehouden", datum = "2026-06-15", aanwezigen = "inburgeraar, klantregisseur", verslag = "Taal gaat goed, participatieplek gezocht.",
            afspraken = new object[] { new { omschrijving = "Participatieplek zoeken", eigenaar = "Jobcoach", uiterlijk = "2026-07-31" }, new { omschrijving = "", eigenaar = "" } },
        });
        Assert.Equal(HttpStatusCode.OK, gehouden.StatusCode);
        Assert.Equal("2026-09-15", await VervaldatumAsync());
        Assert.Equal(new DateOnly(2026, 6, 15), factory.MetDatabase(db => db.Mijlpalen.Single(m => m.InburgeraarId == id && m.Soort == Mijlpaal.LaatsteVoortgangsgesprek).Datum));
        Assert.DoesNotContain((await (await _client.GetAsync("/api/v1/werkvoorraad?termijn=voortgangsgesprek&paginaGrootte=500")).LeesAsync())["regels"]!.AsArray(),
            r => r!["inburgeraarId"]!.GetValue<string>() == id.ToString());
        var historie = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/historie")).LeesAsync();
        Assert.Contains(historie["termijnen"]!.AsArray(), w => w!["code"]!.GetValue<string>() == "voortgangsgesprek" && w["nieuweVervaldatum"]?.GetValue<string>() == "2026-09-15");

        // A talk entered late (older than the last one) does not move the clock back.
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/voortgangsgesprekken/gevoerd", new { status = "gehouden", datum = "2026-03-02", verslag = "Eerder gesprek nagetekend." })).StatusCode);
        Assert.Equal("2026-09-15", await VervaldatumAsync());

        var v = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/voortgang")).LeesAsync();
        var vastgelegd = v["gesprekken"]!.AsArray().Single(g => g!["id"]!.GetValue<string>() == gesprek)!;
        var afspraak = vastgelegd["afspraken"]!.AsArray().Single()!;
        Assert.Equal("Jobcoach", afspraak["eigenaar"]!.GetValue<string>());
        Assert.Equal("2026-09-15", v["volgendGesprekUiterlijk"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/voortgangsgesprekken/afspraken/{afspraak["id"]!.GetValue<long>()}", new { gedaan = true })).StatusCode);
        Assert.True(factory.MetDatabase(db => db.Set<Voortgangsafspraak>().Single(a => a.Omschrijving == "Participatieplek zoeken" && a.VoortgangsgesprekId == Guid.Parse(gesprek)).Gedaan));
    }

    [Fact]
    public async Task Signaalsectie_op_de_werkvoorraad_is_begrensd()
    {
        // 60 open signals on one case: the section shows 8, folds out 42 more, and says how many it did not show.
        var (id, _) = await DossierAsync();
        var notitie = $"Begrenzing {Guid.NewGuid():N}";
        factory.MetDatabase(db =>
        {
            db.Voortgangssignalen.AddRange(Enumerable.Range(0, 60).Select(n => new Voortgangssignaal
            {
                Id = Guid.NewGuid(), InburgeraarId = id, Soort = Voortgangssignaalsoort.Afwezigheid,
                Datum = new DateOnly(2026, 1, 1).AddDays(n), Notitie = notitie, VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test",
            }));
            return db.SaveChanges();
        });
        try
        {
            var gemeente = factory.MetDatabase(db => db.Inburgeraars.Where(i => i.Id == id).Select(i => i.Gemeente!.Code).Single());
            var sectie = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/werkvoorraad?gemeente={gemeente}")).QuerySelector("#signalen-voortgang")!;
            var eigen = sectie.QuerySelectorAll("li").Where(li => li.TextContent.Contains(notitie)).ToList();
            Assert.InRange(eigen.Count, 1, Koers.Web.Features.Werkvoorraad.Signaalsectie.Maximaal);
            Assert.Equal(Koers.Web.Features.Werkvoorraad.Signaalsectie.Maximaal, sectie.QuerySelectorAll("li").Length);
            Assert.Equal(Koers.Web.Features.Werkvoorraad.Signaalsectie.Zichtbaar, sectie.QuerySelectorAll(":scope > ul > li").Length);
            Assert.Contains("niet getoond", sectie.QuerySelector("details")!.TextContent);
            Assert.Contains("Afwezigheid: <strong>", sectie.InnerHtml);
        }
        finally
        {
            factory.MetDatabase(db => db.Voortgangssignalen.Where(v => v.Notitie == notitie).ExecuteDelete());
        }
    }

    [Fact]
    public async Task Signaal_van_partner_staat_op_de_werkvoorraad_tot_het_is_afgehandeld()
    {
        var (partner, pid, _) = Partner();
        var (id, _) = await DossierAsync();
        Machtig(pid, id, Volledig);
        Assert.Contains("Beschrijf", await FoutAsync(await partner.PostJsonAsync($"/api/v1/partner/inburgeraars/{id}/signalen", new { soort = "dreigendeUitval", datum = "2026-06-15", notitie = " " })));
        var gemeld = await partner.PostJsonAsync($"/api/v1/partner/inburgeraars/{id}/signalen", new { soort = "dreigendeUitval", datum = "2026-06-15", notitie = "Drie weken niet op les, telefoon wordt niet opgenomen." });
        Assert.Equal(HttpStatusCode.Created, gemeld.StatusCode);
        var signaal = (await gemeld.LeesAsync())["id"]!.GetValue<string>();

        var open = (await (await _client.GetAsync("/api/v1/voortgang/signalen")).LeesAsync()).AsArray();
        Assert.Contains(open, s => s!["id"]!.GetValue<string>() == signaal && s["melder"]!.GetValue<string>().StartsWith("Taalschool", StringComparison.Ordinal));
        var werkvoorraad = new HtmlParser().ParseDocument(await _client.GetStringAsync("/werkvoorraad"));
        Assert.Contains(werkvoorraad.QuerySelectorAll("#signalen-voortgang a"), a => a.GetAttribute("href") == $"/inburgeraars/{id}/voortgang#signalen");

        Assert.Contains("Beschrijf", await FoutAsync(await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/voortgang/signalen/{signaal}/afhandeling", new { afhandeling = "" })));
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync($"/api/v1/inburgeraars/{id}/voortgang/signalen/{signaal}/afhandeling", new { afhandeling = "Gebeld, ziek geweest; start weer volgende week." })).StatusCode);
        Assert.DoesNotContain((await (await _client.GetAsync("/api/v1/voortgang/signalen")).LeesAsync()).AsArray(), s => s!["id"]!.GetValue<string>() == signaal);

        // Skills and exam results by the partner show on the case; an exam with the same key is kept once.
        Assert.Equal(HttpStatusCode.Created, (await partner.PostJsonAsync($"/api/v1/partner/inburgeraars/{id}/vaardigheden", new { vaardigheid = "spreken", datum = "2026-06-15", niveau = "a2" })).StatusCode);
        Assert.Contains("niveau", (await FoutAsync(await partner.PostJsonAsync($"/api/v1/partner/inburgeraars/{id}/vaardigheden", new { vaardigheid = "knm", datum = "2026-06-15", niveau = "B1" }))).ToLowerInvariant());
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await partner.PostJsonAsync($"/api/v1/partner/inburgeraars/{id}/examens", new { onderdeel = "lezen", datum = "2026-06-10", niveau = "A2", behaald = true, kenmerk = "EX-1" })).StatusCode);
        }

        var v = await (await _client.GetAsync($"/api/v1/inburgeraars/{id}/voortgang")).LeesAsync();
        Assert.Equal("A2", v["vaardigheden"]!.AsArray().Single()!["niveau"]!.GetValue<string>());
        var examen = v["examens"]!.AsArray().Single()!;
        Assert.Equal("partner", examen["bron"]!.GetValue<string>());
        Assert.True(examen["behaald"]!.GetValue<bool>());
    }

    // ---- screens ------------------------------------------------------------------------------------------------

    private static string Token(AngleSharp.Html.Dom.IHtmlDocument doc, string formSelector) =>
        doc.QuerySelector($"{formSelector} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    [Fact]
    public async Task Negatieve_en_absurde_uren_worden_geweigerd_ook_met_een_typografisch_minteken()
    {
        var (id, bsn) = await DossierAsync(pip: "2026-01-12");
        var url = $"/inburgeraars/{id}/voortgang";
        var token = Token(new HtmlParser().ParseDocument(await _client.GetStringAsync(url)), "#uren-invoer form");
        foreach (var (uren, verwacht) in new[] { ("\u22123", "Aanwezige uren zijn negatief (-3)"), ("-3", "Aanwezige uren zijn negatief (-3)"), ("1200", "meer dan 60 uur in één week (1200)") })
        {
            var fout = await _client.PostAsync($"{url}?handler=Uren", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Uren.Week"] = "2026-W23", ["Uren.Soort"] = "Taal", ["Uren.Uren"] = uren,
            }));
            var pagina = new HtmlParser().ParseDocument(await fout.Content.ReadAsStringAsync());
            Assert.Contains(verwacht, pagina.QuerySelector("#foutsamenvatting")?.TextContent ?? "(geen foutsamenvatting)");
            Assert.Equal(uren, pagina.QuerySelector("#Uren_Uren")!.GetAttribute("value"));
        }

        Assert.Contains("Afwezige uren zijn negatief (-2)", await FoutAsync(await _client.PutJsonAsync($"/api/v1/inburgeraars/{id}/voortgang/uren", new { week = "2026-W23", soort = "taal", uren = 1, afwezigUren = -2 })));

        var (partner, pid, _) = Partner();
        Machtig(pid, id, Volledig);
        var csv = string.Join("\n", "bsn;week;soort;uren;afwezig_uren", $"{bsn};2026-W23;taal;\u22123;", $"{bsn};2026-W22;taal;2;\u22121", "");
        var r = await (await UploadAsync(partner, csv)).LeesAsync();
        var regels = r["resultaten"]!.AsArray().ToDictionary(x => x!["regel"]!.GetValue<int>(), x => x!["reden"]?.GetValue<string>() ?? "");
        Assert.Contains("aanwezige uren zijn negatief (-3)", regels[2]);
        Assert.Contains("afwezige uren zijn negatief (-1)", regels[3]);
        Assert.Equal(0, AantalUren(id));
    }

    [Fact]
    public async Task Scherm_uren_en_gesprek_vastleggen_met_foutmeldingen_die_de_invoer_bewaren()
    {
        var (id, _) = await DossierAsync(pip: "2026-01-12");
        var url = $"/inburgeraars/{id}/voortgang";
        var pagina = new HtmlParser().ParseDocument(await _client.GetStringAsync(url));
        Assert.Equal("page", pagina.QuerySelector($"nav.koers-tabs a[href='{url}']")!.GetAttribute("aria-current"));
        var token = Token(pagina, "#uren-invoer form");

        var fout = await _client.PostAsync($"{url}?handler=Uren", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Uren.Week"] = "2026-06-10", ["Uren.Soort"] = "Taal", ["Uren.Uren"] = "12,5", ["Uren.AfwezigUren"] = "abc",
        }));
        Assert.Equal(HttpStatusCode.OK, fout.StatusCode);
        var foutPagina = new HtmlParser().ParseDocument(await fout.Content.ReadAsStringAsync());
        Assert.Contains("geen aantal uren", foutPagina.QuerySelector("#foutsamenvatting")!.TextContent);
        Assert.Equal("12,5", foutPagina.QuerySelector("#Uren_Uren")!.GetAttribute("value"));
        Assert.Equal("2026-06-10", foutPagina.QuerySelector("#Uren_Week")!.GetAttribute("value"));
        Assert.Equal(0, AantalUren(id));

        var weekFout = await _client.PostAsync($"{url}?handler=Uren", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Uren.Week"] = "2026-06-10", ["Uren.Soort"] = "Taal", ["Uren.Uren"] = "12,5",
        }));
        var weekPagina = new HtmlParser().ParseDocument(await weekFout.Content.ReadAsStringAsync());
        Assert.Contains("geen maandag", weekPagina.QuerySelector("#Uren_Week-fout")!.TextContent);
        Assert.Equal("true", weekPagina.QuerySelector("#Uren_Week")!.GetAttribute("aria-invalid"));

        var goed = await _client.PostAsync($"{url}?handler=Uren", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Uren.Week"] = "2026-W24", ["Uren.Soort"] = "Taal", ["Uren.Uren"] = "12,5", ["Uren.AfwezigUren"] = "1.5", ["Uren.AfwezigGemeld"] = "true",
        }));
        Assert.Equal(HttpStatusCode.OK, goed.StatusCode); // followed the redirect
        var na = new HtmlParser().ParseDocument(await goed.Content.ReadAsStringAsync());
        Assert.Contains("week 2026-W24 zijn vastgelegd", na.QuerySelector("[role=status]")!.TextContent);
        var regel = factory.MetDatabase(db => db.Urenregistraties.Single(u => u.InburgeraarId == id));
        Assert.Equal((12.5m, 1.5m, true, (int?)null, Gegevensbron.Gemeente), (regel.Uren, regel.AfwezigUren, regel.AfwezigGemeld, regel.PartnerorganisatieId, regel.Bron));

        var gesprek = await _client.PostAsync($"{url}?handler=Verslag", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Verslag.Status"] = "Gehouden", ["Verslag.Datum"] = "2026-06-12", ["Verslag.Verslag"] = "Goed gesprek.",
            ["Verslag.Afspraken[0].Omschrijving"] = "Bibliotheekpas aanvragen", ["Verslag.Afspraken[0].Eigenaar"] = "",
        }));
        var gesprekFout = new HtmlParser().ParseDocument(await gesprek.Content.ReadAsStringAsync());
        Assert.Contains("vul in wie dit doet", gesprekFout.QuerySelector("#foutsamenvatting")!.TextContent);
        Assert.Equal("Bibliotheekpas aanvragen", gesprekFout.QuerySelector("#Verslag_Afspraken_0__Omschrijving")!.GetAttribute("value"));
        Assert.False(factory.MetDatabase(db => db.Mijlpalen.Any(m => m.InburgeraarId == id && m.Soort == Mijlpaal.LaatsteVoortgangsgesprek)));

        await _client.PostAsync($"{url}?handler=Verslag", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Verslag.Status"] = "Gehouden", ["Verslag.Datum"] = "2026-06-12", ["Verslag.Verslag"] = "Goed gesprek.",
            ["Verslag.Afspraken[0].Omschrijving"] = "Bibliotheekpas aanvragen", ["Verslag.Afspraken[0].Eigenaar"] = "Inburgeraar",
        }));
        Assert.Equal(new DateOnly(2026, 6, 12), factory.MetDatabase(db => db.Mijlpalen.Single(m => m.InburgeraarId == id && m.Soort == Mijlpaal.LaatsteVoortgangsgesprek).Datum));
        var daarna = new HtmlParser().ParseDocument(await _client.GetStringAsync(url));
        Assert.Contains("12 sep 2026", daarna.QuerySelector("#volgend-gesprek")!.TextContent);
        Assert.Contains("Bibliotheekpas aanvragen", daarna.QuerySelector("#gesprekslijst")!.TextContent);
        var ids = daarna.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Scherm_partner_uploadt_presentielijst_en_ziet_het_resultaat()
    {
        var (partner, pid, _) = Partner();
        var (id, bsn) = await DossierAsync();
        Machtig(pid, id, Volledig);
        var pagina = new HtmlParser().ParseDocument(await partner.GetStringAsync("/partner/rapportage/upload"));
        var form = new MultipartFormDataContent
        {
            { new StringContent(Token(pagina, "#uploadformulier")), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes($"bsn;week;soort;uren\n{bsn};2026-W24;taal;9\n{bsn};2026-W24;zwemmen;2\n")), "Bestand", "lijst.csv" },
        };
        var response = await partner.PostAsync("/partner/rapportage/upload", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var resultaat = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("Toegevoegd: 1", resultaat.QuerySelector("#tellingen")!.TextContent.Replace("\n", " ").Replace("  ", " "));
        Assert.Contains("onbekende soort", resultaat.QuerySelector("#foutregels")!.TextContent);
        var download = resultaat.QuerySelector("a[download]")!.GetAttribute("href")!;
        Assert.Contains("onbekende soort", await partner.GetStringAsync(download));
        Assert.Equal(1, AantalUren(id));

        var leeg = await partner.PostAsync("/partner/rapportage/upload", new MultipartFormDataContent { { new StringContent(Token(pagina, "#uploadformulier")), "__RequestVerificationToken" } });
        Assert.Contains("Kies een CSV-bestand", new HtmlParser().ParseDocument(await leeg.Content.ReadAsStringAsync()).QuerySelector("#foutsamenvatting")!.TextContent);

        // Staff cannot open the partner pages.
        var staff = await factory.ClientAls(KoersFactory.TestGebruiker, volgRedirects: false).GetAsync("/partner/rapportage");
        Assert.NotEqual(HttpStatusCode.OK, staff.StatusCode);
    }
}

public sealed class SqliteVoortgangApiTests(SqliteFactory factory) : VoortgangApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresVoortgangApiTests(PostgresFactory factory) : VoortgangApiTests(factory), IClassFixture<PostgresFactory>;

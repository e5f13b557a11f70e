using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Werk;

/// <summary>
/// The jobcoach's own caseload (issue #22), deny by default: a jobcoach (a chain-partner user of a jobcoach organisation)
/// sees only running placements assigned to their account AND with the inburgeraar's consent for their organisation (werk en
/// participatie and basisgegevens); consent given opens one, withdrawn closes it at once; the weekly evaluation is all they
/// may record, and only for such a placement (otherwise 404, nothing stored, audited as refused); staff pages stay closed.
/// The klantregisseur may assign only a jobcoach of the case's region. The clock stands on 16 June 2026; cases in GM1724.
/// Each test makes its own cases, organisations and users, so demo data does not matter (except the demo test).
/// </summary>
public abstract class JobcoachTests(KoersFactory factory)
{
    private readonly HttpClient _staf = factory.CreateClient();

    private static string Uniek() => Guid.NewGuid().ToString("N")[..8];

    private async Task<(Guid Id, string Achternaam)> DossierAsync()
    {
        var invoer = Testdata.Inburgeraar(bsn: Testdata.NieuwBsn(), koppelingsdatum: "2025-11-03");
        var achternaam = "Coachdossier" + Uniek();
        invoer["achternaam"] = achternaam;
        var response = await _staf.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid.Parse((await response.LeesAsync())["id"]!.GetValue<string>()), achternaam);
    }

    private int Organisatie(Partnersoort soort = Partnersoort.MapJobcoach, string regio = "Kempen") => factory.MetDatabase(db =>
    {
        var p = new Partnerorganisatie { Naam = $"Jobcoaches {soort} {Uniek()}", Soort = soort, RegioId = db.Regios.First(r => r.Naam.Contains(regio)).Id };
        db.Partnerorganisaties.Add(p);
        db.SaveChanges();
        return p.Id;
    });

    private (string Email, string Id) Jobcoach(int organisatie, string naam = "Pim Coach")
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        var email = $"jobcoach-{Uniek()}@test.example";
        var g = new Gebruiker { UserName = email, Email = email, Weergavenaam = naam, PartnerorganisatieId = organisatie };
        Assert.True(users.CreateAsync(g).GetAwaiter().GetResult().Succeeded);
        Assert.True(users.AddToRoleAsync(g, Rollen.Partner).GetAwaiter().GetResult().Succeeded);
        return (email, g.Id);
    }

    private async Task<Guid> PlaatsingAsync(Guid dossier, string? jobcoachGebruiker)
    {
        var r = await _staf.PostJsonAsync($"/api/v1/inburgeraars/{dossier}/werk/plaatsingen",
            new { internAfdeling = "Productie", soort = "mapPraktijk", start = "2026-06-01", einde = "2026-09-01", urenPerWeek = 16, jobcoachGebruiker });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return Guid.Parse((await r.LeesAsync()).GetValue<string>());
    }

    private async Task<Guid> MachtigAsync(Guid dossier, int organisatie, params string[] categorieen)
    {
        var r = await _staf.PostJsonAsync($"/api/v1/inburgeraars/{dossier}/machtigingen",
            new { partnerorganisatieId = organisatie, categorieen, van = "2026-06-01", vorm = "Ondertekend formulier" });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return Guid.Parse((await r.LeesAsync())["id"]!.GetValue<string>());
    }

    private static async Task<List<JsonNode>> CaseloadAsync(HttpClient client)
    {
        var r = await client.GetAsync("/api/v1/partner/caseload");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return (await r.LeesAsync()).AsArray().Select(x => x!).ToList();
    }

    private static async Task<List<string>> PlaatsingenAsync(HttpClient client) =>
        (await CaseloadAsync(client)).Select(p => p["plaatsingId"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();

    private static List<string> Ids(params Guid[] ids) => ids.Select(i => i.ToString()).Order(StringComparer.Ordinal).ToList();

    private static readonly string[] Werkcategorieen = ["basisgegevens", "werkEnParticipatie"];

    [Fact]
    public async Task Jobcoach_ziet_alleen_eigen_plaatsingen_met_machtiging_en_verliest_ze_bij_intrekking()
    {
        var org = Organisatie();
        var (email1, coach1) = Jobcoach(org, "Pim Coach");
        var (email2, coach2) = Jobcoach(org, "Ria Coach");
        var (x, naamX) = await DossierAsync();
        var (y, naamY) = await DossierAsync();
        var (z, naamZ) = await DossierAsync();
        var px = await PlaatsingAsync(x, coach1);
        var py = await PlaatsingAsync(y, coach2);
        var pz = await PlaatsingAsync(z, coach1);
        await MachtigAsync(x, org, Werkcategorieen);
        await MachtigAsync(y, org, Werkcategorieen);
        var client1 = factory.ClientAls(email1);
        var client2 = factory.ClientAls(email2);

        // Own and consented: X only. Not Y (another jobcoach's, though consented), not Z (own, but no consent).
        var lijst = await CaseloadAsync(client1);
        Assert.Equal(Ids(px), lijst.Select(p => p["plaatsingId"]!.GetValue<string>()).ToList());
        Assert.Contains(naamX, lijst[0]["naam"]!.GetValue<string>());
        Assert.Equal("Intern: Productie", lijst[0]["waar"]!.GetValue<string>());
        Assert.Equal(Ids(py), await PlaatsingenAsync(client2));
        var pagina = await client1.GetStringAsync("/partner/caseload");
        var doc = new HtmlParser().ParseDocument(pagina);
        Assert.Equal([$"plaatsing-{px}"], doc.QuerySelectorAll("article.jobcoach-plaatsing").Select(a => a.Id!));
        Assert.Contains(naamX, doc.GetElementById($"plaatsing-{px}")!.TextContent);
        Assert.DoesNotContain(naamY, pagina);
        Assert.DoesNotContain(naamZ, pagina);

        // A consent without werk en participatie does not open Z; one with it does; withdrawn, it is gone at once.
        await MachtigAsync(z, org, "basisgegevens", "leerroute");
        Assert.Equal(Ids(px), await PlaatsingenAsync(client1));
        var mz = await MachtigAsync(z, org, "werkEnParticipatie");
        Assert.Equal(Ids(px, pz), await PlaatsingenAsync(client1));
        Assert.Contains(naamZ, await client1.GetStringAsync("/partner/caseload"));
        Assert.Equal(HttpStatusCode.OK, (await _staf.PostJsonAsync($"/api/v1/inburgeraars/{z}/machtigingen/{mz}/intrekken", new { reden = "Wil het niet meer" })).StatusCode);
        Assert.Equal(Ids(px), await PlaatsingenAsync(client1));
        Assert.DoesNotContain(naamZ, await client1.GetStringAsync("/partner/caseload"));

        // A placement that has ended leaves the caseload.
        Assert.Equal(HttpStatusCode.OK, (await _staf.PostJsonAsync($"/api/v1/inburgeraars/{x}/werk/plaatsingen/{px}/beeindigen", new { datum = "2026-06-15", uitkomst = "afgerond" })).StatusCode);
        Assert.Empty(await CaseloadAsync(client1));
        Assert.Contains("geen lopende plaatsingen", new HtmlParser().ParseDocument(await client1.GetStringAsync("/partner/caseload")).GetElementById("geen-plaatsingen")!.TextContent);

        // Every row shown was audited under the jobcoach's account; the other jobcoach never read X.
        var audit = factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == x && a.Actie == AuditActie.Inzien).Select(a => new { a.Gebruiker, a.Omschrijving }).ToList());
        Assert.Contains(audit, a => a.Gebruiker == email1 && a.Omschrijving.StartsWith("Jobcoach: plaatsing bij Intern: Productie in de eigen caseload getoond", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => a.Gebruiker == email2);
    }

    [Fact]
    public async Task Jobcoach_legt_alleen_voor_eigen_plaatsing_met_machtiging_een_weekevaluatie_vast()
    {
        var org = Organisatie();
        var (email1, coach1) = Jobcoach(org);
        var (_, coach2) = Jobcoach(org);
        var (x, _) = await DossierAsync();
        var (y, _) = await DossierAsync();
        var (z, _) = await DossierAsync();
        var px = await PlaatsingAsync(x, coach1);
        var py = await PlaatsingAsync(y, coach2);
        var pz = await PlaatsingAsync(z, coach1);
        await MachtigAsync(x, org, Werkcategorieen);
        await MachtigAsync(y, org, Werkcategorieen);
        var client = factory.ClientAls(email1);
        int Evaluaties(Guid p) => factory.MetDatabase(db => db.Set<Plaatsingsevaluatie>().Count(e => e.PlaatsingId == p));

        // Refused at the field (the Werk rule) and nothing stored; then recorded, visible to the klantregisseur.
        var fout = await client.PostJsonAsync($"/api/v1/partner/caseload/{px}/evaluaties", new { datum = "2026-06-15", tekst = "", score = 7 });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        var errors = (await fout.LeesAsync())["errors"]!;
        Assert.Contains("score van 1", errors["score"]![0]!.GetValue<string>());
        Assert.Contains("Beschrijf hoe de week ging", errors["tekst"]![0]!.GetValue<string>());
        Assert.Equal(0, Evaluaties(px));
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync($"/api/v1/partner/caseload/{px}/evaluaties", new { datum = "2026-06-15", tekst = "Goede week op de werkvloer.", score = 4 })).StatusCode);
        var e = factory.MetDatabase(db => db.Set<Plaatsingsevaluatie>().Single(v => v.PlaatsingId == px));
        Assert.Equal(("Goede week op de werkvloer.", 4, email1), (e.Tekst, e.Score, e.Door));
        var tab = new HtmlParser().ParseDocument(await _staf.GetStringAsync($"/inburgeraars/{x}/werk"));
        Assert.Contains("Goede week op de werkvloer.", tab.GetElementById($"plaatsing-{px}")!.TextContent);
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == x && a.Gebruiker == email1 && a.Actie == AuditActie.Wijzigen).Select(a => a.Omschrijving).ToList()),
            o => o.StartsWith("Weekevaluatie van plaatsing bij intern vastgelegd", StringComparison.Ordinal) && o.EndsWith("door jobcoach", StringComparison.Ordinal));

        // Another jobcoach's placement, and an own one without consent: 404 on API and page, nothing stored, audited as refused.
        foreach (var (dossier, p) in new[] { (y, py), (z, pz) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostJsonAsync($"/api/v1/partner/caseload/{p}/evaluaties", new { datum = "2026-06-15", tekst = "Ingebroken", score = 3 })).StatusCode);
            Assert.Equal(0, Evaluaties(p));
            Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == dossier && a.Resultaat == AuditResultaat.Geweigerd).Select(a => a.Gebruiker).ToList()), g => g == email1);
        }

        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync("/partner/caseload"));
        var token = doc.QuerySelector($"#plaatsing-{px} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Task<HttpResponseMessage> Post(Guid p, string tekst, string score) => client.PostAsync($"/partner/caseload?handler=Evaluatie&plaatsing={p}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Evaluatie.Datum"] = "2026-06-16", ["Evaluatie.Tekst"] = tekst, ["Evaluatie.Score"] = score }));
        Assert.Equal(HttpStatusCode.NotFound, (await Post(py, "Via het scherm", "3")).StatusCode);
        Assert.Equal(0, Evaluaties(py));

        // The page refuses at the field and keeps what was typed.
        var geweigerd = await Post(px, "Tekst die blijft staan", "");
        Assert.Equal(HttpStatusCode.OK, geweigerd.StatusCode);
        var na = new HtmlParser().ParseDocument(await geweigerd.Content.ReadAsStringAsync());
        Assert.Contains("score van 1", na.GetElementById($"plaatsing-{px}")!.TextContent);
        Assert.Equal("Tekst die blijft staan", na.GetElementById($"evaluatie-tekst-{px}")!.TextContent);
        Assert.Equal(1, Evaluaties(px));
    }

    [Fact]
    public async Task Jobcoach_opent_geen_medewerkerschermen_en_een_medewerker_heeft_geen_jobcoachcaseload()
    {
        var org = Organisatie();
        var (email, coach) = Jobcoach(org);
        var (x, naamX) = await DossierAsync();
        var px = await PlaatsingAsync(x, coach);
        await MachtigAsync(x, org, "basisgegevens", "werkEnParticipatie", "leerroute", "voortgang");
        var client = factory.ClientAls(email, volgRedirects: false);
        var volgt = factory.ClientAls(email);
        foreach (var pad in new[] { "/jobcoaches", $"/inburgeraars/{x}", $"/inburgeraars/{x}/werk", "/werkvoorraad", "/werkgevers" })
        {
            var antwoord = await client.GetAsync(pad);
            Assert.True(antwoord.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                || (antwoord.StatusCode == HttpStatusCode.Redirect && antwoord.Headers.Location!.OriginalString.Contains("geen-toegang")), $"{pad}: {antwoord.StatusCode}");
            Assert.DoesNotContain(naamX, await (await volgt.GetAsync(pad)).Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/jobcoaches/caseload")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/inburgeraars/{x}/werk")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync($"/api/v1/inburgeraars/{x}/werk/plaatsingen/{px}/evaluaties", new { datum = "2026-06-15", tekst = "Langs de achterdeur", score = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync($"/api/v1/inburgeraars/{x}/werk/plaatsingen/{px}/beeindigen", new { datum = "2026-06-15", uitkomst = "afgerond" })).StatusCode);
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Plaatsingsevaluatie>().Count(e => e.PlaatsingId == px)));
        Assert.Null(factory.MetDatabase(db => db.Set<Plaatsing>().Single(p => p.Id == px).Uitkomst));
        // The caseload itself still opens for them: the refusals above are of the staff pages, not of the jobcoach.
        Assert.Contains(naamX, await volgt.GetStringAsync("/partner/caseload"));

        // A klantregisseur has no jobcoach caseload (partner policy), and a language-school partner user sees an empty one.
        Assert.Equal(HttpStatusCode.Forbidden, (await _staf.GetAsync("/api/v1/partner/caseload")).StatusCode);
        var taal = Organisatie(Partnersoort.Taalaanbieder);
        await MachtigAsync(x, taal, Werkcategorieen);
        Assert.Empty(await CaseloadAsync(factory.ClientAls(Jobcoach(taal).Email)));
    }

    [Fact]
    public async Task Klantregisseur_kiest_alleen_een_jobcoach_uit_de_regio_en_krijgt_de_melding_bij_het_veld()
    {
        var org = Organisatie();
        var (_, coach) = Jobcoach(org, "Pim Coach");
        var (_, weertCoach) = Jobcoach(Organisatie(regio: "Weert"), "Wout Weert");
        var (_, taalPartner) = Jobcoach(Organisatie(Partnersoort.Taalaanbieder), "Tineke Taal");
        var staf = factory.MetDatabase(db => db.Users.Single(u => u.Email == "sanne.devries@kempen.example").Id);
        var (x, _) = await DossierAsync();

        foreach (var vreemd in new[] { weertCoach, taalPartner, staf, "bestaat-niet" })
        {
            var r = await _staf.PostJsonAsync($"/api/v1/inburgeraars/{x}/werk/plaatsingen", new { internAfdeling = "Productie", soort = "mapPraktijk", start = "2026-06-01", jobcoachGebruiker = vreemd });
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("jobcoachorganisatie in de regio", (await r.LeesAsync())["errors"]!["jobcoachGebruiker"]![0]!.GetValue<string>());
        }

        var beide = await _staf.PostJsonAsync($"/api/v1/inburgeraars/{x}/werk/plaatsingen", new { internAfdeling = "Productie", soort = "mapPraktijk", start = "2026-06-01", jobcoachGebruiker = coach, jobcoach = "Externe Els" });
        Assert.Contains("niet allebei", (await beide.LeesAsync())["errors"]!["jobcoach"]![0]!.GetValue<string>());
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Plaatsing>().Count(p => p.InburgeraarId == x)));

        // The form offers the region's jobcoaches only; a refused choice is shown at the field and the input is kept.
        var doc = new HtmlParser().ParseDocument(await _staf.GetStringAsync($"/inburgeraars/{x}/werk"));
        var opties = doc.QuerySelectorAll("#Invoer_JobcoachGebruiker option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(coach, opties);
        Assert.DoesNotContain(weertCoach, opties);
        Assert.DoesNotContain(taalPartner, opties);
        var post = await _staf.PostAsync($"/inburgeraars/{x}/werk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = doc.QuerySelector("#plaatsingformulier input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Invoer.InternAfdeling"] = "Magazijn", ["Invoer.Soort"] = "MapPraktijk", ["Invoer.Start"] = "2026-06-01", ["Invoer.JobcoachGebruiker"] = weertCoach,
        }));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var na = new HtmlParser().ParseDocument(await post.Content.ReadAsStringAsync());
        Assert.Contains("jobcoachorganisatie in de regio", na.QuerySelector("#Invoer_JobcoachGebruiker")!.ParentElement!.TextContent);
        Assert.Equal("Magazijn", na.GetElementById("Invoer_InternAfdeling")!.GetAttribute("value"));
        Assert.Equal(0, factory.MetDatabase(db => db.Set<Plaatsing>().Count(p => p.InburgeraarId == x)));

        // Through the page with the region's jobcoach: stored with the account and the name beside it.
        var ok = await _staf.PostAsync($"/inburgeraars/{x}/werk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = doc.QuerySelector("#plaatsingformulier input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Invoer.InternAfdeling"] = "Magazijn", ["Invoer.Soort"] = "MapPraktijk", ["Invoer.Start"] = "2026-06-01", ["Invoer.JobcoachGebruiker"] = coach,
        }));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var p = factory.MetDatabase(db => db.Set<Plaatsing>().Single(x2 => x2.InburgeraarId == x));
        Assert.Equal(coach, p.JobcoachGebruikerId);
        Assert.StartsWith("Pim Coach (Jobcoaches MapJobcoach", p.Jobcoach, StringComparison.Ordinal);
        Assert.Equal(coach, (await (await _staf.GetAsync($"/api/v1/inburgeraars/{x}/werk")).LeesAsync())["plaatsingen"]![0]!["jobcoachGebruiker"]!.GetValue<string>());
    }

    [Fact]
    public async Task Klantregisseur_wijst_een_andere_jobcoach_toe_en_de_caseload_volgt()
    {
        // h-demo (#22): reassigning on an existing placement, with the rule of a new placement; audited; the old jobcoach
        // loses the caseload row at once and the new one sees it (both organisations consented).
        var org = Organisatie();
        var (email1, coach1) = Jobcoach(org, "Pim Coach");
        var (email2, coach2) = Jobcoach(org, "Ria Coach");
        var (_, weertCoach) = Jobcoach(Organisatie(regio: "Weert"), "Wout Weert");
        var (x, naamX) = await DossierAsync();
        var px = await PlaatsingAsync(x, coach1);
        await MachtigAsync(x, org, Werkcategorieen);
        var client1 = factory.ClientAls(email1);
        var client2 = factory.ClientAls(email2);
        Assert.Equal(Ids(px), await PlaatsingenAsync(client1));
        Assert.Empty(await CaseloadAsync(client2));

        // Refused as for a new placement: a coach of another region, or an account and a name; nothing changes.
        var vreemd = await _staf.PutJsonAsync($"/api/v1/inburgeraars/{x}/werk/plaatsingen/{px}/jobcoach", new { jobcoachGebruiker = weertCoach });
        Assert.Equal(HttpStatusCode.BadRequest, vreemd.StatusCode);
        Assert.Contains("jobcoachorganisatie in de regio", (await vreemd.LeesAsync())["errors"]!["jobcoachGebruiker"]![0]!.GetValue<string>());
        var beide = await _staf.PutJsonAsync($"/api/v1/inburgeraars/{x}/werk/plaatsingen/{px}/jobcoach", new { jobcoachGebruiker = coach2, jobcoach = "Externe Els" });
        Assert.Contains("niet allebei", (await beide.LeesAsync())["errors"]!["jobcoach"]![0]!.GetValue<string>());
        Assert.Equal(coach1, factory.MetDatabase(db => db.Set<Plaatsing>().Single(p => p.Id == px).JobcoachGebruikerId));
        // A jobcoach (partner) cannot reassign: staff API only.
        Assert.Equal(HttpStatusCode.Forbidden, (await client1.PutJsonAsync($"/api/v1/inburgeraars/{x}/werk/plaatsingen/{px}/jobcoach", new { jobcoachGebruiker = coach1 })).StatusCode);

        // Through the page: the refused choice shows at the placement's form, the choice kept.
        var doc = new HtmlParser().ParseDocument(await _staf.GetStringAsync($"/inburgeraars/{x}/werk"));
        var formulier = doc.QuerySelector($"#plaatsing-{px} form.jobcoach-wijzigen")!;
        Assert.Equal(coach1, formulier.QuerySelector("select option[selected]")!.GetAttribute("value"));
        var token = formulier.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fout = await _staf.PostAsync($"/inburgeraars/{x}/werk?handler=Jobcoach&plaatsing={px}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Coach.JobcoachGebruiker"] = coach2, ["Coach.Jobcoach"] = "Externe Els",
        }));
        Assert.Equal(HttpStatusCode.OK, fout.StatusCode);
        var na = new HtmlParser().ParseDocument(await fout.Content.ReadAsStringAsync());
        Assert.Contains("niet allebei", na.GetElementById($"jobcoach-fout-{px}")!.TextContent);
        Assert.Equal("Externe Els", na.GetElementById($"coach-naam-{px}")!.GetAttribute("value"));
        Assert.Equal(coach2, na.QuerySelector($"#coach-gebruiker-{px} option[selected]")!.GetAttribute("value"));

        var ok = await _staf.PostAsync($"/inburgeraars/{x}/werk?handler=Jobcoach&plaatsing={px}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Coach.JobcoachGebruiker"] = coach2,
        }));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("De jobcoach is gewijzigd.", await ok.Content.ReadAsStringAsync());
        var p = factory.MetDatabase(db => db.Set<Plaatsing>().Single(p2 => p2.Id == px));
        Assert.Equal(coach2, p.JobcoachGebruikerId);
        Assert.StartsWith("Ria Coach (", p.Jobcoach, StringComparison.Ordinal);
        Assert.Empty(await CaseloadAsync(client1));
        Assert.DoesNotContain(naamX, await client1.GetStringAsync("/partner/caseload"));
        Assert.Equal(Ids(px), await PlaatsingenAsync(client2));
        Assert.Contains(naamX, await client2.GetStringAsync("/partner/caseload"));
        Assert.Contains(factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == x && a.Actie == AuditActie.Wijzigen).Select(a => a.Omschrijving).ToList()),
            a => a.StartsWith("Jobcoach van plaatsing bij intern gewijzigd: Pim Coach (", StringComparison.Ordinal) && a.Contains("→ Ria Coach (", StringComparison.Ordinal));

        // To an external coach by API: no account any more, so nobody's caseload; the same choice twice is refused.
        Assert.Equal(HttpStatusCode.OK, (await _staf.PutJsonAsync($"/api/v1/inburgeraars/{x}/werk/plaatsingen/{px}/jobcoach", new { jobcoach = "Externe Els" })).StatusCode);
        Assert.Empty(await CaseloadAsync(client2));
        var weer = await _staf.PutJsonAsync($"/api/v1/inburgeraars/{x}/werk/plaatsingen/{px}/jobcoach", new { jobcoach = "Externe Els" });
        Assert.Contains("al de jobcoach", (await weer.LeesAsync())["errors"]!["jobcoachGebruiker"]![0]!.GetValue<string>());

        // An ended placement keeps its jobcoach.
        Assert.Equal(HttpStatusCode.OK, (await _staf.PostJsonAsync($"/api/v1/inburgeraars/{x}/werk/plaatsingen/{px}/beeindigen", new { datum = "2026-06-15", uitkomst = "afgerond" })).StatusCode);
        var beeindigd = await _staf.PutJsonAsync($"/api/v1/inburgeraars/{x}/werk/plaatsingen/{px}/jobcoach", new { jobcoachGebruiker = coach1 });
        Assert.Contains("beëindigd", (await beeindigd.LeesAsync())["errors"]!["jobcoachGebruiker"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Demo_jobcoach_ziet_een_gevulde_caseload_met_machtiging()
    {
        var lijst = await CaseloadAsync(factory.ClientAls("jobcoach@kempenwerkt.example"));
        Assert.Equal(3, lijst.Count);
        var ids = lijst.Select(p => Guid.Parse(p["plaatsingId"]!.GetValue<string>())).ToList();
        Assert.All(factory.MetDatabase(db => db.Set<Plaatsing>().Where(p => ids.Contains(p.Id)).Select(p => p.JobcoachGebruikerId).ToList()), Assert.NotNull);
    }
}

public sealed class SqliteJobcoachTests(SqliteFactory factory) : JobcoachTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresJobcoachTests(PostgresFactory factory) : JobcoachTests(factory), IClassFixture<PostgresFactory>;

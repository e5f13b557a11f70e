using System.Globalization;
using System.Net;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Web.Features.Portaal;
using Koers.Web.Tests.Infrastructure;

namespace Koers.Web.Tests.Portaal;

/// <summary>The inburgeraar's own page: languages, own file only, roles, and the audit of every visit.</summary>
public sealed class PortaalTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private const string Inburgeraar = "inburgeraar@demo.example";
    private const string Klantregisseur = "sanne.devries@kempen.example";
    private static readonly string[] Talen = ["en", "ar", "fa", "ti", "tr", "uk"];

    private Guid EigenDossier => factory.MetDatabase(db => db.Users.Single(u => u.Email == Inburgeraar).InburgeraarId!.Value);

    private static string ResourcesMap(string feature)
    {
        var map = new DirectoryInfo(AppContext.BaseDirectory);
        while (map is not null && !File.Exists(Path.Combine(map.FullName, "Koers.sln"))) map = map.Parent;
        Assert.NotNull(map);
        return Path.Combine(map.FullName, "src", "Koers.Web", "Features", feature, "Resources");
    }

    /// <summary>The portal's own texts and the shared header/footer the portal shows around them.</summary>
    public static TheoryData<string, string> Tekstbestanden => new()
    {
        { "Portaal", "Portaal" },
        { "Shared", "Kop" },
        { "Participatie", "PortaalVragen" },
        { "Berichten", "Berichten" },
        { "Geldzaken", "GeldBrief" }, // the monthly statement letter's own words
    };

    private static Dictionary<string, string> LeesResx(string pad) =>
        XDocument.Load(pad).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? string.Empty);

    [Theory]
    [MemberData(nameof(Tekstbestanden))]
    public void Elke_tekst_bestaat_in_elke_taal(string feature, string naam)
    {
        var map = ResourcesMap(feature);
        var nl = LeesResx(Path.Combine(map, $"{naam}.resx"));
        Assert.NotEmpty(nl);
        Assert.All(nl, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), $"{naam}.resx: '{kv.Key}' is leeg"));
        var fouten = new List<string>();
        foreach (var taal in Talen)
        {
            var bestand = Path.Combine(map, $"{naam}.{taal}.resx");
            Assert.True(File.Exists(bestand), $"{bestand} ontbreekt");
            var vertaling = LeesResx(bestand);
            fouten.AddRange(nl.Keys.Where(k => !vertaling.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v)).Select(k => $"{taal}: {k}"));
            fouten.AddRange(vertaling.Keys.Except(nl.Keys).Select(k => $"{taal}: onbekende sleutel {k}"));
            // Placeholders must survive translation: '{0}' in Dutch is '{0}' in every language.
            fouten.AddRange(nl.Where(kv => vertaling.TryGetValue(kv.Key, out var v) && !Plekken(kv.Value).SetEquals(Plekken(v)))
                .Select(kv => $"{taal}: {kv.Key} heeft andere {{n}}-plekken"));
        }

        Assert.Empty(fouten);
    }

    private static HashSet<string> Plekken(string tekst) => Regex.Matches(tekst, @"\{\d+\}").Select(m => m.Value).ToHashSet();

    [Theory]
    [MemberData(nameof(Tekstbestanden))]
    public void Elke_taal_zit_als_satellietassembly_in_de_build(string feature, string naam)
    {
        var bron = new ResourceManager($"Koers.Web.Features.{feature}.Resources.{naam}", typeof(Program).Assembly);
        var nl = bron.GetResourceSet(CultureInfo.InvariantCulture, true, false)!.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToList();
        foreach (var taal in Talen)
        {
            var set = bron.GetResourceSet(new CultureInfo(taal), true, tryParents: false);
            Assert.True(set is not null, $"Geen satellietassembly voor '{taal}' (SatelliteResourceLanguages?)");
            Assert.All(nl, k => Assert.False(string.IsNullOrWhiteSpace(set!.GetString(k)), $"{taal}: {k}"));
        }
    }

    [Fact]
    public async Task Portaal_in_het_Nederlands_en_in_het_Arabisch_van_rechts_naar_links()
    {
        var client = factory.ClientAls(Inburgeraar);

        var nl = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn"));
        Assert.Equal("nl", nl.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", nl.DocumentElement.GetAttribute("dir"));
        Assert.Equal("Mijn inburgering", nl.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(nl.QuerySelector("#plan"));
        Assert.NotNull(nl.QuerySelector("#data"));
        Assert.NotNull(nl.QuerySelector("#brieven"));
        Assert.NotNull(nl.QuerySelector("#contact"));
        Assert.NotNull(nl.QuerySelector("#inzage"));
        Assert.Contains("Wie heeft uw dossier bekeken?", nl.Body!.TextContent);

        var ar = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn?taal=ar"));
        Assert.Equal("ar", ar.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", ar.DocumentElement.GetAttribute("dir"));
        Assert.Equal("اندماجي", ar.QuerySelector("h1")!.TextContent.Trim());
        Assert.Matches(@"\p{IsArabic}{4,}", ar.QuerySelector("#inzage")!.TextContent);
        // The shared header and footer follow the portal's language too.
        Assert.Equal("انتقل إلى المحتوى", ar.QuerySelector(".koers-skiplink")!.TextContent.Trim());
        Assert.Equal("القائمة الرئيسية", ar.QuerySelector("nav.koers-nav")!.GetAttribute("aria-label"));
        Assert.Matches(@"\p{IsArabic}{4,}", ar.QuerySelector("footer")!.TextContent);
        Assert.DoesNotContain("Direct naar de inhoud", ar.DocumentElement.OuterHtml);

        // The choice is remembered in a cookie: the next visit without '?taal' is still Arabic.
        var weer = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn"));
        Assert.Equal("rtl", weer.DocumentElement.GetAttribute("dir"));

        // Farsi is right-to-left too; Ukrainian is not.
        var fa = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn?taal=fa"));
        Assert.Equal("rtl", fa.DocumentElement.GetAttribute("dir"));
        var uk = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn?taal=uk"));
        Assert.Equal("ltr", uk.DocumentElement.GetAttribute("dir"));
        Assert.Equal("Моя інтеграція", uk.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Taalkeuze_met_formulier_zet_een_cookie()
    {
        var client = factory.ClientAls(Inburgeraar);
        var pagina = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn?taal=nl"));
        var formulier = pagina.QuerySelector("form.koers-portaal__taal")!;
        var token = formulier.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var antwoord = await client.PostAsync(formulier.GetAttribute("action") ?? "/mijn?handler=Taal", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["taal"] = "tr",
        }));
        antwoord.EnsureSuccessStatusCode();
        var tr = new HtmlParser().ParseDocument(await antwoord.Content.ReadAsStringAsync());
        Assert.Equal("tr", tr.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Uyumum", tr.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Alleen_eigen_beschikkingen()
    {
        var eigen = EigenDossier;
        var andere = factory.MetDatabase(db => db.Beschikkingen.Where(b => b.InburgeraarId != eigen).Select(b => b.Id).First());
        var client = factory.ClientAls(Inburgeraar, volgRedirects: false);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/mijn/beschikkingen/{andere}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/mijn/beschikkingen/{Guid.NewGuid()}")).StatusCode);

        var eigenBeschikking = factory.MetDatabase(db => db.Beschikkingen.Where(b => b.InburgeraarId == eigen).Select(b => (Guid?)b.Id).FirstOrDefault());
        if (eigenBeschikking is { } id)
        {
            var pdf = await client.GetAsync($"/mijn/beschikkingen/{id}");
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
            var html = await client.GetStringAsync("/mijn");
            Assert.Contains($"/mijn/beschikkingen/{id}", html);
        }
    }

    [Fact]
    public async Task Medewerker_kan_het_portaal_niet_openen()
    {
        foreach (var email in new[] { Klantregisseur, "auditor@kempen.example", "beleid@kempen.example" })
        {
            var antwoord = await factory.ClientAls(email, volgRedirects: false).GetAsync("/mijn");
            Assert.True(antwoord.StatusCode is HttpStatusCode.Forbidden
                || (antwoord.StatusCode == HttpStatusCode.Redirect && antwoord.Headers.Location!.OriginalString.Contains("geen-toegang")),
                $"{email}: {antwoord.StatusCode}");
        }
    }

    [Fact]
    public async Task Inburgeraar_kan_geen_werkschermen_of_api_openen()
    {
        var client = factory.ClientAls(Inburgeraar, volgRedirects: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/inburgeraars")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/inburgeraars/{EigenDossier}")).StatusCode);
        foreach (var pad in new[] { "/werkvoorraad", "/inburgeraars", $"/inburgeraars/{EigenDossier}", "/monitor", "/audit" })
        {
            var antwoord = await client.GetAsync(pad);
            Assert.True(antwoord.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                || (antwoord.StatusCode == HttpStatusCode.Redirect && antwoord.Headers.Location!.OriginalString.Contains("geen-toegang")),
                $"{pad}: {antwoord.StatusCode}");
        }

        var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/mijn", start.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Elk_bezoek_staat_in_de_audit_maar_eigen_bezoek_niet_in_de_inzage()
    {
        var eigen = EigenDossier;
        int Tel() => factory.MetDatabase(db => db.Audit.Count(a => a.InburgeraarId == eigen && a.Actie == AuditActie.Inzien && a.Omschrijving == IndexModel.Doel));
        var voor = Tel();
        var client = factory.ClientAls(Inburgeraar);

        await client.GetStringAsync("/mijn");
        var html = await client.GetStringAsync("/mijn?taal=en");

        Assert.Equal(voor + 2, Tel());
        var inzage = new HtmlParser().ParseDocument(html).QuerySelector("#inzage")!;
        var gebruiker = factory.MetDatabase(db => db.Audit.Where(a => a.InburgeraarId == eigen && a.Omschrijving == IndexModel.Doel).OrderByDescending(a => a.Id).Select(a => a.Gebruiker).First());
        // Every visit is audited, but the list shows who else looked: not the person's own visits (#25).
        Assert.Equal("inburgeraar@demo.example", gebruiker);
        Assert.DoesNotContain(gebruiker, inzage.TextContent);
        Assert.Contains("Who has looked at your file?", inzage.TextContent);
    }

    [Fact]
    public async Task Bericht_aan_de_klantregisseur_komt_op_het_dossier()
    {
        var client = factory.ClientAls(Inburgeraar, volgRedirects: false);
        async Task<HttpResponseMessage> Stuur(string tekst)
        {
            var pagina = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync("/mijn"));
            var token = pagina.QuerySelector("form[action*=Bericht] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            return await client.PostAsync("/mijn?handler=Bericht", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["tekst"] = tekst,
            }));
        }

        var leeg = await Stuur("   ");
        Assert.Equal(System.Net.HttpStatusCode.OK, leeg.StatusCode);
        Assert.Contains("Schrijf eerst een bericht", await leeg.Content.ReadAsStringAsync());
        var teLang = new string('x', Koers.Data.Model.Bericht.MaxLengte + 1);
        var lang = await Stuur(teLang);
        Assert.Equal(System.Net.HttpStatusCode.OK, lang.StatusCode);
        var langDoc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await lang.Content.ReadAsStringAsync());
        Assert.Contains("Uw bericht is te lang", langDoc.GetElementById("tekst-fout")!.TextContent);
        Assert.Equal(teLang, langDoc.QuerySelector("textarea[name=tekst]")!.TextContent); // nothing typed is lost
        Assert.Equal(0, factory.MetDatabase(db => db.Berichten.Count(b => b.Tekst == teLang)));

        var tekst = $"Ik ben volgende week ziek, testbericht {Guid.NewGuid():N}";
        var goed = await Stuur(tekst);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, goed.StatusCode);

        var id = factory.MetDatabase(db => db.Users.Single(u => u.Email == Inburgeraar).InburgeraarId!.Value);
        var dossier = await factory.ClientAls(Klantregisseur).GetStringAsync($"/inburgeraars/{id}");
        Assert.Contains(tekst, dossier);
        Assert.Equal(1, factory.MetDatabase(db => db.Berichten.Count(b => b.InburgeraarId == id && b.Tekst == tekst)));
    }

    [Fact]
    public async Task Een_bericht_staat_op_de_werkvoorraad_tot_een_medewerker_het_afhandelt()
    {
        var client = factory.ClientAls(Inburgeraar, volgRedirects: false);
        var pagina = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn"));
        var token = pagina.QuerySelector("form[action*=Bericht] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var tekst = $"Mag mijn afspraak een week later? {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/mijn?handler=Bericht", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["tekst"] = tekst,
        }))).StatusCode);
        var id = EigenDossier;
        var bericht = factory.MetDatabase(db => db.Berichten.Single(b => b.InburgeraarId == id && b.Tekst == tekst).Id);

        string? Sectie(string html) => new HtmlParser().ParseDocument(html).QuerySelector("#signalen-berichten")?.TextContent;
        var regisseur = factory.ClientAls(Klantregisseur, volgRedirects: false);
        Assert.Contains(tekst[..40], Sectie(await regisseur.GetStringAsync("/werkvoorraad")));
        // Another region's klantregisseur does not see it.
        Assert.DoesNotContain(tekst[..40], Sectie(await factory.ClientAls("fleur.hendriks@weert.example").GetStringAsync("/werkvoorraad")) ?? "");

        // The klantregisseur marks it handled on the case page: off the worklist, audited, shown as handled.
        var dossier = new HtmlParser().ParseDocument(await regisseur.GetStringAsync($"/inburgeraars/{id}"));
        var formulier = dossier.QuerySelectorAll("#berichten form").Single(f => f.QuerySelector("input[name=bericht]")!.GetAttribute("value") == bericht.ToString(CultureInfo.InvariantCulture));
        // Another region's klantregisseur, with a valid token of their own, cannot mark it handled: 404, and it stays open.
        var weert = factory.ClientAls("fleur.hendriks@weert.example", volgRedirects: false);
        var weertToken = new HtmlParser().ParseDocument(await weert.GetStringAsync("/inburgeraars/nieuw"))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostAsync($"/inburgeraars/{id}?handler=BerichtAfgehandeld", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = weertToken, ["bericht"] = bericht.ToString(CultureInfo.InvariantCulture) }))).StatusCode);
        Assert.Null(factory.MetDatabase(db => db.Berichten.Single(b => b.Id == bericht).AfgehandeldOp));

        var afgehandeld = await regisseur.PostAsync($"/inburgeraars/{id}?handler=BerichtAfgehandeld", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = formulier.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["bericht"] = bericht.ToString(CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.Redirect, afgehandeld.StatusCode);
        Assert.DoesNotContain(tekst[..40], Sectie(await regisseur.GetStringAsync("/werkvoorraad")) ?? "");
        Assert.NotNull(factory.MetDatabase(db => db.Berichten.Single(b => b.Id == bericht).AfgehandeldOp));
        Assert.True(factory.MetDatabase(db => db.Audit.Any(a => a.InburgeraarId == id && a.Omschrijving.StartsWith("Bericht van de inburgeraar") && a.Gebruiker == Klantregisseur)));
        Assert.Contains("afgehandeld", new HtmlParser().ParseDocument(await regisseur.GetStringAsync($"/inburgeraars/{id}")).QuerySelector("#berichten")!.TextContent);

    }

    [Fact]
    public async Task Inloggen_in_de_gekozen_taal_en_anders_in_het_Nederlands()
    {
        var anoniem = factory.CreateClient(new() { AllowAutoRedirect = false });
        var nl = new HtmlParser().ParseDocument(await anoniem.GetStringAsync("/inloggen"));
        Assert.Equal("Inloggen bij Koers", nl.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("ltr", nl.DocumentElement.GetAttribute("dir"));

        var ar = await anoniem.GetAsync("/inloggen?taal=ar");
        var arDoc = new HtmlParser().ParseDocument(await ar.Content.ReadAsStringAsync());
        Assert.Equal("rtl", arDoc.DocumentElement.GetAttribute("dir"));
        Assert.Equal("تسجيل الدخول إلى Koers", arDoc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("كلمة المرور", arDoc.QuerySelector("label[for=Wachtwoord]")!.TextContent.Trim());
        Assert.DoesNotContain("Wachtwoord<", arDoc.Body!.InnerHtml);
        // The choice is remembered for the portal after login.
        Assert.Contains(ar.Headers.GetValues("Set-Cookie"), c => c.Contains("uic%3Dar", StringComparison.Ordinal));

        // A wrong password is explained in the chosen language, in the translated error summary.
        var token = arDoc.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fout = await anoniem.PostAsync("/inloggen?taal=ar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Email"] = "niemand@demo.example", ["Wachtwoord"] = "fout",
        }));
        var foutDoc = new HtmlParser().ParseDocument(await fout.Content.ReadAsStringAsync());
        Assert.Equal("لم ينجح تسجيل الدخول:", foutDoc.QuerySelector("#foutsamenvatting-titel")!.TextContent.Trim()); // sign-in saves nothing, so the heading says what failed
        Assert.Contains("البريد الإلكتروني أو كلمة المرور غير صحيحة.", foutDoc.QuerySelector("#foutsamenvatting")!.TextContent);
    }

    [Fact]
    public async Task Wie_heeft_uw_dossier_bekeken_noemt_medewerkers_bij_naam_zonder_e_mailadres_en_niet_de_persoon_zelf()
    {
        // A staff member opens the case; the person opens the portal twice.
        var medewerker = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await medewerker.GetAsync($"/inburgeraars/{EigenDossier}")).StatusCode);
        var client = factory.ClientAls(Inburgeraar);
        await client.GetStringAsync("/mijn");
        await Task.Delay(300); // the request audit is written after the response
        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn"));
        var wie = doc.QuerySelectorAll("#inzage tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

        var naam = factory.MetDatabase(db => db.Users.Single(u => u.UserName == KoersFactory.TestGebruiker).Weergavenaam);
        Assert.Contains(wie, w => w.StartsWith(naam, StringComparison.Ordinal));
        Assert.DoesNotContain(wie, w => w.Contains('@'));
        var eigenNaam = factory.MetDatabase(db => db.Users.Single(u => u.Email == Inburgeraar).Weergavenaam);
        Assert.DoesNotContain(wie, w => w.Contains(eigenNaam, StringComparison.Ordinal) || w.Contains(Inburgeraar, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Een_onbekende_taal_houdt_de_gekozen_taal_en_zegt_dat_de_taal_er_niet_is()
    {
        var client = factory.ClientAls(Inburgeraar);
        await client.GetStringAsync("/mijn?taal=ar");
        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn?taal=%3Cb%3Exx"));
        Assert.Equal("ar", doc.DocumentElement.GetAttribute("lang"));
        var melding = doc.QuerySelector("#taal-onbekend");
        Assert.NotNull(melding);
        Assert.Contains("<b>xx", melding.TextContent); // shown back as text …
        Assert.Null(melding.QuerySelector("b"));          // … never as markup
        Assert.Matches(@"\p{IsArabic}{4,}", melding.TextContent);
        // A known language: no notice.
        Assert.Null(new HtmlParser().ParseDocument(await client.GetStringAsync("/mijn?taal=nl")).QuerySelector("#taal-onbekend"));
    }
}

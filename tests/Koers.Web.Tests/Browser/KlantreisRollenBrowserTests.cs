using System.Text.RegularExpressions;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Koers.Web.Tests.Browser;

/// <summary>
/// The klantreis across roles in one run, in Chromium, as each role signs in through the login page: the klantregisseur
/// registers a person and takes them to a vastgesteld PIP with its letter, records consent and refers them to the
/// language school, the school records hours, the klantregisseur plans a voortgangsgesprek and records a handhaving
/// step; functioneel beheer sets the municipality's bank account, the klantregisseur decides on financieel ontzorgen and
/// adds the landlord, the teamleider makes the month's payment run (SEPA file); the person reads their plan in Arabic;
/// the klantregisseur closes the case (moved away) and downloads the transfer file. Dates are typed as a Dutch user
/// types them (dd-mm-jjjj). Each step is asserted on what the page says and kept as a screenshot in
/// TestResults/artefacten/klantreis (<see cref="Artefacten"/>; the README shows some of them).
/// </summary>
public sealed partial class KlantreisRollenBrowserTests(BrowserFactory browser) : IClassFixture<BrowserFactory>
{
    private static readonly string Map = Artefacten.Map("klantreis");
    private int _stap;

    /// <summary>The whole page as a step's artefact; for the README also the first screen (1280 × 800), which is small.</summary>
    private async Task FotoAsync(IPage page, string naam, bool readme = false)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(Map, $"{++_stap:00}-{naam}.png"), FullPage = true });
        if (!readme) return;
        // From the top, as the page opens (a form that was sent scrolls to its result).
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Map, "readme", $"klantreis-{naam}.png") });
    }

    /// <summary>After a submit: no error summary (and if there is one, its text is the failure message).</summary>
    private static async Task GeenFoutAsync(IPage page)
    {
        await page.WaitForLoadStateAsync();
        var fouten = await page.Locator("#foutsamenvatting").AllInnerTextsAsync();
        Assert.True(fouten.Count == 0, $"{page.Url}: {string.Join(" | ", fouten)}");
    }

    private async Task<IPage> InloggenAsync(string email)
    {
        var context = await browser.NieuweContextAsync(new() { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/inloggen");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Wachtwoord", "Koers-demo-2026");
        await page.ClickAsync("button:has-text('Inloggen')");
        if (Beveiliging.Sessiehulp.SleutelVan(email) is { } sleutel)
        {
            // Functioneel beheer signs in with two steps: the code of the demo account's authenticator key (README).
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/inloggen/tweestaps"));
            await page.FillAsync("#Code", Beveiliging.Sessiehulp.Totp(sleutel, DateTimeOffset.UtcNow));
            await page.ClickAsync("button:has-text('Verder')");
        }

        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/inloggen"));
        return page;
    }

    /// <summary>A Dutch IBAN with valid check digits (ISO 13616: mod 97 of the account with "NL00" moved to the end).</summary>
    private static string NlIban(string bank, long rekening)
    {
        var bban = $"{bank}{rekening:D10}";
        var cijfers = string.Concat((bban + "NL00").Select(c => char.IsLetter(c) ? (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture) : c.ToString()));
        var rest = cijfers.Aggregate(0, (r, c) => (r * 10 + (c - '0')) % 97);
        return $"NL{98 - rest:D2}{bban}";
    }

    [Fact]
    public async Task De_klantreis_van_registratie_tot_het_plan_in_het_Arabisch_over_alle_rollen()
    {
        Directory.CreateDirectory(Path.Combine(Map, "readme"));
        foreach (var oud in Directory.GetFiles(Map, "*.png", SearchOption.AllDirectories)) File.Delete(oud);
        var bsn = Testdata.NieuwBsn();

        // 1. Registration by the klantregisseur, through the form.
        var regisseur = await InloggenAsync("sanne.devries@kempen.example");
        await Assertions.Expect(regisseur.Locator("h1")).ToHaveTextAsync("Werkvoorraad");
        await FotoAsync(regisseur, "werkvoorraad", readme: true);
        await regisseur.GotoAsync($"{browser.BaseUrl}/inburgeraars/nieuw");
        await regisseur.FillAsync("#Invoer_Voornamen", "Amal");
        await regisseur.FillAsync("#Invoer_Achternaam", "Klantreis");
        // Typed as a Dutch user types it: day, month, year. The field shows dd-mm-jjjj (BrowserFactory starts Chromium
        // in Dutch); in Chromium's default US English it would read 12 March as 3 December.
        await regisseur.Locator("#Invoer_Geboortedatum").FocusAsync();
        await regisseur.Keyboard.TypeAsync("12031994");
        await Assertions.Expect(regisseur.Locator("#Invoer_Geboortedatum")).ToHaveValueAsync("1994-03-12");
        await regisseur.FillAsync("#Invoer_Bsn", bsn);
        await regisseur.FillAsync("#Invoer_Nationaliteit", "Syrisch");
        await regisseur.SelectOptionAsync("#Invoer_Doelgroep", "Asielstatushouder");
        await regisseur.SelectOptionAsync("#Invoer_Gemeente", "GM1724");
        await regisseur.FillAsync("#Invoer_Koppelingsdatum", "2026-03-02");
        await regisseur.FillAsync("#Invoer_Adres", "Markt 12, 5521 AJ Eersel");
        await regisseur.ClickAsync("button:has-text('Dossier aanmaken')");
        await GeenFoutAsync(regisseur);
        await Assertions.Expect(regisseur.Locator("h1")).ToHaveTextAsync("Amal Klantreis");
        var id = IdUitUrl().Match(regisseur.Url).Value;
        Assert.False(string.IsNullOrEmpty(id), regisseur.Url);
        await FotoAsync(regisseur, "dossier-nieuw");

        // The BRP inschrijving comes from the BRP in production (a BRP check, not a form): set through the API here.
        Assert.True((await browser.Factory.CreateClient().PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = "2026-04-14" })).IsSuccessStatusCode);
        var definities = (await (await browser.Factory.CreateClient().GetAsync("/api/v1/leefgebieden")).LeesAsync()).AsArray();

        // 2. Brede intake: a talk, every leefgebied's required fields, then complete.
        await regisseur.GotoAsync($"{browser.BaseUrl}/inburgeraars/{id}/intake");
        await regisseur.GetByText("Gesprek toevoegen").ClickAsync();
        await regisseur.FillAsync("#Gesprek_Datum", "2026-05-04");
        await regisseur.SelectOptionAsync("#Gesprek_Tolk", "Telefoontolk");
        await regisseur.FillAsync("#Gesprek_Tolktaal", "Arabisch");
        await regisseur.ClickAsync("button:has-text('Gesprek opslaan')");
        await Assertions.Expect(regisseur.Locator("#gesprekken table")).ToContainTextAsync("Telefoontolk");
        foreach (var definitie in definities)
        {
            var gebied = definitie!["leefgebied"]!.GetValue<string>();
            var naam = char.ToUpperInvariant(gebied[0]) + gebied[1..];
            var details = regisseur.Locator($"#gebied-{naam}");
            await details.Locator("summary").ClickAsync();
            foreach (var veld in definitie["velden"]!.AsArray().Where(v => v!["verplicht"]!.GetValue<bool>()))
            {
                var sleutel = veld!["sleutel"]!.GetValue<string>();
                var selector = $"#veld-{naam}-{sleutel}";
                switch (veld["soort"]!.GetValue<string>())
                {
                    case "keuze": await regisseur.SelectOptionAsync(selector, veld["opties"]![0]!.GetValue<string>()); break;
                    case "jaNee": await details.Locator($"input[name='Verslag.Antwoorden[{sleutel}]'][value=nee]").CheckAsync(); break;
                    case "getal": await regisseur.FillAsync(selector, "6"); break;
                    default: await regisseur.FillAsync(selector, "Besproken in het intakegesprek"); break;
                }
            }

            await details.Locator("button[type=submit]").ClickAsync();
            await Assertions.Expect(regisseur.Locator($"#gebied-{naam} summary")).ToContainTextAsync("Volledig");
        }

        await regisseur.FillAsync("#AfgerondOp", "2026-05-20");
        await regisseur.ClickAsync("button:has-text('Brede intake afronden')");
        await Assertions.Expect(regisseur.GetByRole(AriaRole.Status).First).ToContainTextAsync("afgerond");
        await FotoAsync(regisseur, "brede-intake");

        // 3. Leerbaarheidstoets.
        await regisseur.GotoAsync($"{browser.BaseUrl}/inburgeraars/{id}/leerbaarheidstoets");
        await regisseur.FillAsync("#Toets_Aangemeld", "2026-04-20");
        await regisseur.FillAsync("#Toets_Afgenomen", "2026-05-06");
        await regisseur.FillAsync("#Toets_Afnemer", "Gecertificeerde afnemer");
        await regisseur.FillAsync("#Toets_Score", "30");
        await regisseur.ClickAsync("button:has-text('Opslaan')");
        await Assertions.Expect(regisseur.Locator("main")).ToContainTextAsync("B1-route haalbaar");

        // 4. PIP, set, with its letter as PDF.
        await regisseur.GotoAsync($"{browser.BaseUrl}/inburgeraars/{id}/pip");
        await regisseur.SelectOptionAsync("#Pip_Leerroute", "B1Route");
        await regisseur.SelectOptionAsync("#Pip_Hoofddoel", "BetaaldWerken");
        await regisseur.SelectOptionAsync("#Pip_Participatie", "Vrijwilligerswerk");
        await regisseur.FillAsync("#Pip_Aanbieder", "Taalschool De Kempen");
        await regisseur.FillAsync("#Pip_GeplandeStart", "2026-07-01");
        await regisseur.FillAsync("#SubdoelenTekst", "Ik spreek Nederlands op mijn werk\nIk heb een vrijwilligersbaan");
        await regisseur.ClickAsync("button:has-text('Concept opslaan')");
        await Assertions.Expect(regisseur.Locator("#controle")).ToContainTextAsync("Voldoet");
        await FotoAsync(regisseur, "pip-concept", readme: true);
        await regisseur.FillAsync("#Vaststelling_Dagtekening", "2026-06-15");
        await regisseur.FillAsync("#Vaststelling_Verzenddatum", "2026-06-15");
        await regisseur.ClickAsync("button:has-text('PIP vaststellen')");
        await GeenFoutAsync(regisseur);
        await Assertions.Expect(regisseur.Locator("#beschikkingen")).ToContainTextAsync("(PDF)");
        var brief = await regisseur.Locator("#beschikkingen a:has-text('(PDF)')").First.GetAttributeAsync("href");
        var pdf = await regisseur.Context.APIRequest.GetAsync($"{browser.BaseUrl}{brief}");
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]));
        await FotoAsync(regisseur, "pip-vastgesteld");

        // 5. Consent for the language school, then the referral.
        await regisseur.GotoAsync($"{browser.BaseUrl}/inburgeraars/{id}/machtigingen");
        var taalschool = await regisseur.Locator("#Invoer_PartnerorganisatieId option", new() { HasText = "Taalschool De Kempen" }).GetAttributeAsync("value");
        await regisseur.SelectOptionAsync("#Invoer_PartnerorganisatieId", taalschool!);
        foreach (var categorie in new[] { "Basisgegevens", "Leerroute", "Voortgang" }) await regisseur.CheckAsync($"#categorie-{categorie}");
        await regisseur.FillAsync("#Invoer_Van", "2026-06-15");
        await regisseur.FillAsync("#Invoer_Vorm", "Ondertekend formulier, met tolk besproken");
        await regisseur.ClickAsync("button:has-text('Machtiging vastleggen')");
        await GeenFoutAsync(regisseur);
        await Assertions.Expect(regisseur.Locator("#actief")).ToContainTextAsync("Taalschool De Kempen");
        await FotoAsync(regisseur, "machtiging");

        await regisseur.GotoAsync($"{browser.BaseUrl}/inburgeraars/{id}/verwijzingen");
        await regisseur.SelectOptionAsync("#Invoer_PartnerorganisatieId", taalschool!);
        await regisseur.SelectOptionAsync("#Invoer_Onderdeel", "Taal");
        await regisseur.FillAsync("#Invoer_Toelichting", "B1-route, start 1 juli");
        await regisseur.ClickAsync("button:has-text('Aanmelden')");
        await GeenFoutAsync(regisseur);
        await Assertions.Expect(regisseur.Locator("#lijst")).ToContainTextAsync("Taalschool De Kempen");
        await FotoAsync(regisseur, "verwijzing");

        // 6. The language school records the hours of a week.
        var partner = await InloggenAsync("partner@taalschool.example");
        await partner.GotoAsync($"{browser.BaseUrl}/partner/rapportage/{id}");
        await Assertions.Expect(partner.Locator("h1")).ToContainTextAsync("Amal Klantreis");
        await partner.FillAsync("#Uren_Week", "2026-06-08");
        await partner.SelectOptionAsync("#Uren_Soort", "Taal");
        await partner.FillAsync("#Uren_Uren", "12");
        await partner.ClickAsync("button:has-text('Uren opslaan')");
        await GeenFoutAsync(partner);
        await Assertions.Expect(partner.Locator("#urentabel")).ToContainTextAsync("12");
        await FotoAsync(partner, "partner-uren", readme: true);

        // 7. The klantregisseur sees the hours and plans a voortgangsgesprek.
        await regisseur.GotoAsync($"{browser.BaseUrl}/inburgeraars/{id}/voortgang");
        await Assertions.Expect(regisseur.Locator("main")).ToContainTextAsync("12");
        await regisseur.FillAsync("#Plan_GeplandOp", "2026-07-06");
        await regisseur.FillAsync("#Plan_Tijd", "10:30");
        await regisseur.FillAsync("#Plan_Locatie", "Gemeentehuis Bergeijk");
        await regisseur.ClickAsync("button:has-text('Plannen')");
        await GeenFoutAsync(regisseur);
        await Assertions.Expect(regisseur.Locator("main")).ToContainTextAsync("Gemeentehuis Bergeijk");
        await FotoAsync(regisseur, "voortgangsgesprek");

        // 8. A handhaving step: a tekortkoming on the taal obligation.
        await regisseur.GotoAsync($"{browser.BaseUrl}/inburgeraars/{id}/handhaving");
        await regisseur.FillAsync("#Tekortkoming_Datum", "2026-06-16");
        await regisseur.SelectOptionAsync("#Tekortkoming_Verplichting", "Taal");
        await regisseur.FillAsync("#Tekortkoming_Omschrijving", "Drie lessen niet gevolgd zonder bericht");
        await regisseur.ClickAsync("button:has-text('Tekortkoming vastleggen')");
        await GeenFoutAsync(regisseur);
        await Assertions.Expect(regisseur.Locator("main")).ToContainTextAsync("Drie lessen niet gevolgd zonder bericht");
        await FotoAsync(regisseur, "handhaving");

        // 9. Financieel ontzorgen. Functioneel beheer sets the account the municipality pays from (two-step sign-in).
        var gemeenteIban = NlIban("BNGH", 285_041_724);
        var beheer = await InloggenAsync("beheer@kempen.example");
        await beheer.GotoAsync($"{browser.BaseUrl}/beheer/ontzorgen?gemeente=GM1724");
        await Assertions.Expect(beheer.Locator("h1")).ToHaveTextAsync("Beleid financieel ontzorgen");
        await beheer.FillAsync("#Invoer_DebiteurNaam", "Gemeente Bergeijk");
        await beheer.FillAsync("#Invoer_DebiteurIban", gemeenteIban);
        await beheer.FillAsync("#Invoer_DebiteurBic", "BNGHNL2G");
        await beheer.ClickAsync("button:has-text('Beleid opslaan')");
        await GeenFoutAsync(beheer);
        await Assertions.Expect(beheer.GetByRole(AriaRole.Status).First).ToContainTextAsync("Het beleid is opgeslagen");
        await Assertions.Expect(beheer.Locator("#Invoer_DebiteurIban")).ToHaveValueAsync(new Regex("^NL\\d{2} BNGH"));
        await FotoAsync(beheer, "ontzorgen-beleid-rekening");

        // The klantregisseur records the start of the bijstand (a mijlpaal), decides to ontzorgen and adds the landlord.
        await regisseur.GotoAsync($"{browser.BaseUrl}/inburgeraars/{id}");
        await regisseur.FillAsync("#Mijlpalen_StartBijstand_", "2026-04-01");
        await regisseur.ClickAsync("button:has-text('Mijlpalen opslaan')");
        await GeenFoutAsync(regisseur);
        await Assertions.Expect(regisseur.GetByRole(AriaRole.Status).First).ToContainTextAsync("De mijlpalen zijn opgeslagen");
        await regisseur.GotoAsync($"{browser.BaseUrl}/inburgeraars/{id}/ontzorgen");
        await Assertions.Expect(regisseur.Locator("#stand")).ToContainTextAsync("1 apr 2026");
        await regisseur.CheckAsync("#Besluit_Besluit");
        await regisseur.FillAsync("#Besluit_Reden", "Net verhuisd naar een eigen woning; vaste lasten nog niet zelf geregeld");
        await regisseur.ClickAsync("button:has-text('Besluit vastleggen')");
        await GeenFoutAsync(regisseur);
        await Assertions.Expect(regisseur.Locator("#stand")).ToContainTextAsync("Ontzorgen toepassen");
        await regisseur.SelectOptionAsync("#Betaling_Soort", "Verhuurder");
        await regisseur.FillAsync("#Betaling_Naam", "Woonstichting De Kempen");
        await regisseur.FillAsync("#Betaling_Iban", "NL91 ABNA 0417 1643 00");
        await regisseur.FillAsync("#Betaling_Betalingskenmerk", "HUUR-0412");
        await regisseur.FillAsync("#BedragTekst", "612,40");
        await regisseur.ClickAsync("button:has-text('Ontvanger toevoegen')");
        await GeenFoutAsync(regisseur);
        await Assertions.Expect(regisseur.Locator("#betalingen table")).ToContainTextAsync("Woonstichting De Kempen");
        await Assertions.Expect(regisseur.Locator("#betalingen table")).ToContainTextAsync("612,40");
        await FotoAsync(regisseur, "ontzorgen");

        // The teamleider makes June's payment run for Bergeijk: the case's rent is in it, and the SEPA file pays it
        // from the municipality's account.
        var teamleider = await InloggenAsync("anouk.vandenberg@kempen.example");
        await teamleider.GotoAsync($"{browser.BaseUrl}/beheer/ontzorgen/betaalruns?gemeente=GM1724&maand=2026-06");
        var rij = teamleider.Locator("#voorstel tbody tr", new() { HasText = "Amal Klantreis" });
        await Assertions.Expect(rij).ToContainTextAsync("Woonstichting De Kempen");
        await Assertions.Expect(rij).ToContainTextAsync("612,40");
        await teamleider.ClickAsync("button:has-text('Betaalrun aanmaken')");
        await GeenFoutAsync(teamleider);
        await Assertions.Expect(teamleider.Locator("h1")).ToHaveTextAsync(new Regex("^Betaalrun juni 2026, gemeente Bergeijk"));
        await Assertions.Expect(teamleider.Locator("main")).ToContainTextAsync("Gemeente Bergeijk");
        await Assertions.Expect(teamleider.Locator("#regels tr", new() { HasText = "Amal Klantreis" })).ToContainTextAsync("612,40");
        await FotoAsync(teamleider, "betaalrun");
        var xml = await teamleider.RunAndWaitForDownloadAsync(() => teamleider.ClickAsync("a:has-text('Betaalbestand downloaden')"));
        var sepa = await File.ReadAllTextAsync((await xml.PathAsync())!);
        Assert.Contains("pain.001.001.03", sepa);
        Assert.Contains(gemeenteIban, sepa);
        Assert.Contains("<IBAN>NL91ABNA0417164300</IBAN>", sepa);
        Assert.Contains("612.40", sepa);

        // 10. The person reads their plan in Arabic. Their portal account is linked to the case at the first DigiD
        // sign-in (DigiDTests); here the demo account is linked to this case in the database.
        using (var scope = browser.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>();
            var gebruiker = await db.Users.SingleAsync(u => u.Email == "inburgeraar@demo.example");
            gebruiker.InburgeraarId = Guid.Parse(id);
            await db.SaveChangesAsync();
        }

        var inburgeraar = await InloggenAsync("inburgeraar@demo.example");
        await inburgeraar.GotoAsync($"{browser.BaseUrl}/mijn?taal=ar");
        await Assertions.Expect(inburgeraar.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(inburgeraar.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(inburgeraar.Locator("#plan-kop")).ToHaveTextAsync("خطتك");
        await Assertions.Expect(inburgeraar.Locator("#plan")).ToContainTextAsync("Ik spreek Nederlands op mijn werk");
        await Assertions.Expect(inburgeraar.Locator("#afspraken")).ToContainTextAsync("Gemeentehuis Bergeijk");
        // Both decisions of this walk, each with its Arabic summary: the PIP and the ontzorgen besluit (#16).
        await Assertions.Expect(inburgeraar.Locator("#brieven a[href^='/mijn/beschikkingen/']")).ToContainTextAsync("PDF");
        await Assertions.Expect(inburgeraar.Locator("#brieven li").Filter(new() { Has = inburgeraar.Locator("a[href^='/mijn/brieven/']") }))
            .ToContainTextAsync("تدفع البلدية لفترة من إعانتك");
        Assert.Matches(@"\p{IsArabic}", await inburgeraar.Locator("#plan").InnerTextAsync());
        await FotoAsync(inburgeraar, "portaal-arabisch", readme: true);

        // 11. Afsluiting: the person moves to Eindhoven. The klantregisseur closes the case and downloads the transfer
        // file for the new municipality; the ontzorgen stops on the day the case closes.
        await regisseur.GotoAsync($"{browser.BaseUrl}/inburgeraars/{id}/afsluiting");
        await regisseur.CheckAsync("#soort-Verhuisd");
        await regisseur.Locator("#Afsluiting_Datum").FocusAsync();
        await regisseur.Keyboard.TypeAsync("16062026");
        await Assertions.Expect(regisseur.Locator("#Afsluiting_Datum")).ToHaveValueAsync("2026-06-16");
        await regisseur.FillAsync("#Afsluiting_NieuweGemeente", "Eindhoven");
        await regisseur.FillAsync("#Afsluiting_Toelichting", "Verhuisd naar Eindhoven; overdrachtsdossier meegegeven");
        await regisseur.ClickAsync("button:has-text('Dossier afsluiten')");
        await GeenFoutAsync(regisseur);
        await Assertions.Expect(regisseur.Locator("#afgesloten")).ToContainTextAsync("Verhuisd naar een andere gemeente");
        await Assertions.Expect(regisseur.Locator("#afgesloten")).ToContainTextAsync("naar Eindhoven");
        var zip = await regisseur.RunAndWaitForDownloadAsync(() => regisseur.ClickAsync("a:has-text('Overdrachtsdossier downloaden')"));
        using (var archief = System.IO.Compression.ZipFile.OpenRead((await zip.PathAsync())!))
        {
            var samenvatting = archief.Entries.Single(e => e.Name == "samenvatting.html");
            using var lezer = new StreamReader(samenvatting.Open());
            var html = await lezer.ReadToEndAsync();
            Assert.Contains("Amal Klantreis", html);
            Assert.Contains("Eindhoven", html);
        }

        await FotoAsync(regisseur, "afsluiting");
        await regisseur.GotoAsync($"{browser.BaseUrl}/inburgeraars/{id}/ontzorgen");
        await Assertions.Expect(regisseur.Locator("#stand")).ToContainTextAsync("gestopt: dossier afgesloten op 16 jun 2026");
        await FotoAsync(regisseur, "ontzorgen-gestopt");

        await inburgeraar.Context.CloseAsync();
        await teamleider.Context.CloseAsync();
        await beheer.Context.CloseAsync();
        await partner.Context.CloseAsync();
        await regisseur.Context.CloseAsync();
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex IdUitUrl();
}

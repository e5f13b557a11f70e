using System.Text.Json.Nodes;
using Koers.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Koers.Web.Tests.Browser;

/// <summary>Koers on a real port, so Debian's Chromium (driven by Playwright) can use it like a person would.</summary>
public sealed class BrowserFactory : IAsyncLifetime
{
    public SqliteFactory Factory { get; } = new();
    public string BaseUrl { get; private set; } = string.Empty;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseUrl = Factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        // Chromium draws a date field in its own interface language, which comes from the environment (LANGUAGE) and
        // needs that language's pack (Debian: chromium-l10n); the context's Locale only sets Accept-Language and Intl.
        // So in Dutch, as the users see it: dd-mm-jjjj, not mm/dd/yyyy.
        var omgeving = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        (omgeving["LANGUAGE"], omgeving["LANG"]) = ("nl", "nl_NL.UTF-8");
        omgeving.Remove("LC_ALL");
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("KOERS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--disable-gpu", "--disable-quic", "--lang=nl"],
            Env = omgeving,
        });
    }

    /// <summary>
    /// A browser context as a Dutch user has it: locale nl-NL, time zone Europe/Amsterdam, 1280 × 800 unless the
    /// caller sets other options. Every browser test creates its contexts here.
    /// </summary>
    public Task<IBrowserContext> NieuweContextAsync(BrowserNewContextOptions? opties = null)
    {
        opties ??= new();
        opties.Locale ??= "nl-NL";
        opties.TimezoneId ??= "Europe/Amsterdam";
        opties.ViewportSize ??= new() { Width = 1280, Height = 800 };
        return Browser.NewContextAsync(opties);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Factory.DisposeAsync();
    }
}

public sealed class KlantreisBrowserTests(BrowserFactory browser) : IClassFixture<BrowserFactory>
{
    private static readonly string Artefacten = Infrastructure.Artefacten.Map();

    [Fact]
    public async Task Klantregisseur_loopt_van_intake_tot_vastgesteld_pip_met_beschikking()
    {
        var api = browser.Factory.CreateClient();
        var invoer = Testdata.Inburgeraar(koppelingsdatum: "2026-03-02");
        invoer["voornamen"] = "Rahel";
        invoer["achternaam"] = "Browsertest";
        var created = await api.PostJsonAsync("/api/v1/koppelingen", invoer);
        var id = (await created.LeesAsync())["id"]!.GetValue<string>();
        await api.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = "2026-04-14" });
        var definities = (await (await api.GetAsync("/api/v1/leefgebieden")).LeesAsync()).AsArray();

        var context = await browser.NieuweContextAsync(new() { AcceptDownloads = true });
        var page = await context.NewPageAsync();

        // Sign in as a klantregisseur of the region, through the login page.
        await page.GotoAsync($"{browser.BaseUrl}/inburgeraars/{id}/intake");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/inloggen"));
        await page.FillAsync("#Email", "sanne.devries@kempen.example");
        await page.FillAsync("#Wachtwoord", "Koers-demo-2026");
        await page.ClickAsync("button:has-text('Inloggen')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Brede intake");

        // Brede intake: one talk, then every leefgebied with its mandatory fields, then complete.
        await page.GetByText("Gesprek toevoegen").ClickAsync();
        await page.FillAsync("#Gesprek_Datum", "2026-05-04");
        await page.SelectOptionAsync("#Gesprek_Tolk", "Telefoontolk");
        await page.FillAsync("#Gesprek_Tolktaal", "Tigrinya");
        await page.ClickAsync("button:has-text('Gesprek opslaan')");
        await Assertions.Expect(page.Locator("#gesprekken table")).ToContainTextAsync("Telefoontolk");

        foreach (var definitie in definities)
        {
            var gebied = definitie!["leefgebied"]!.GetValue<string>();
            var naam = char.ToUpperInvariant(gebied[0]) + gebied[1..];
            var details = page.Locator($"#gebied-{naam}");
            await details.Locator("summary").ClickAsync();
            foreach (var veld in definitie["velden"]!.AsArray().Where(v => v!["verplicht"]!.GetValue<bool>()))
            {
                var sleutel = veld!["sleutel"]!.GetValue<string>();
                var selector = $"#veld-{naam}-{sleutel}";
                switch (veld["soort"]!.GetValue<string>())
                {
                    case "keuze": await page.SelectOptionAsync(selector, veld["opties"]![0]!.GetValue<string>()); break;
                    case "jaNee": await details.Locator($"input[name='Verslag.Antwoorden[{sleutel}]'][value=nee]").CheckAsync(); break;
                    case "getal": await page.FillAsync(selector, "6"); break;
                    default: await page.FillAsync(selector, "Ingevuld in de browsertest"); break;
                }
            }

            await details.Locator("button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator($"#gebied-{naam} summary")).ToContainTextAsync("Volledig");
        }

        await page.FillAsync("#AfgerondOp", "2026-05-20");
        await page.ClickAsync("button:has-text('Brede intake afronden')");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("afgerond");

        // Leerbaarheidstoets: 30 of 40 on a date after 12 April 2023, so the pass mark is 28 and B1 is feasible.
        await page.GotoAsync($"{browser.BaseUrl}/inburgeraars/{id}/leerbaarheidstoets");
        await page.FillAsync("#Toets_Aangemeld", "2026-04-20");
        await page.FillAsync("#Toets_Afgenomen", "2026-05-06");
        await page.FillAsync("#Toets_Afnemer", "Gecertificeerde afnemer");
        await page.FillAsync("#Toets_Score", "30");
        await page.ClickAsync("button:has-text('Opslaan')");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("B1-route haalbaar");

        // PIP: a draft that breaks a rule is shown with the rule, then fixed and set.
        await page.GotoAsync($"{browser.BaseUrl}/inburgeraars/{id}/pip");
        await page.SelectOptionAsync("#Pip_Leerroute", "ZRoute");
        await page.SelectOptionAsync("#Pip_Hoofddoel", "BetaaldWerken");
        await page.ClickAsync("button:has-text('Concept opslaan')");
        await Assertions.Expect(page.Locator("#controle")).ToContainTextAsync("leerbaarheidstoets");

        await page.SelectOptionAsync("#Pip_Leerroute", "B1Route");
        await page.SelectOptionAsync("#Pip_Participatie", "Vrijwilligerswerk");
        await page.FillAsync("#Pip_Aanbieder", "Taalschool De Brug");
        await page.FillAsync("#Pip_GeplandeStart", "2026-07-01");
        await page.FillAsync("#SubdoelenTekst", "Ik spreek Nederlands op mijn werk\nIk heb een vrijwilligersbaan");
        await page.ClickAsync("button:has-text('Concept opslaan')");
        await Assertions.Expect(page.Locator("#controle")).ToContainTextAsync("Voldoet");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artefacten, "pip-concept.png"), FullPage = true });

        await page.FillAsync("#Vaststelling_Dagtekening", "2026-06-15");
        // Sent the same day: the bezwaar term runs from the day after sending (Awb 6:8), so the letter can name the date.
        await page.FillAsync("#Vaststelling_Verzenddatum", "2026-06-15");
        await page.ClickAsync("button:has-text('PIP vaststellen')");
        await Assertions.Expect(page.Locator("#beschikkingen")).ToContainTextAsync("(PDF)");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#beschikkingen a:has-text('(PDF)')").ClickAsync());
        var pad = Path.Combine(Artefacten, "beschikking.pdf");
        await download.SaveAsAsync(pad);
        using var pdf = PdfDocument.Open(pad);
        var tekst = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Rahel Browsertest", tekst);
        Assert.Contains("B1-route", tekst);
        Assert.Contains("Taalschool De Brug", tekst);
        Assert.Contains("27 juli 2026", tekst); // bezwaar: sent 15 June, six weeks from the next day
        Assert.Contains("15 juni 2029", tekst); // end of the inburgeringstermijn

        // The clock started: the dossier shows the termijn and the phase.
        await page.GotoAsync($"{browser.BaseUrl}/inburgeraars/{id}");
        await Assertions.Expect(page.Locator("#termijnen")).ToContainTextAsync("15 jun 2029");
        await Assertions.Expect(page.Locator(".koers-fase")).ToContainTextAsync("PIP vastgesteld");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artefacten, "dossier-na-pip.png"), FullPage = true });
        await context.CloseAsync();
    }

    [Fact]
    public async Task Na_een_mislukte_verzending_staat_de_focus_op_de_foutsamenvatting_en_zegt_de_titel_fout()
    {
        var context = await browser.NieuweContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/inloggen");
        await page.FillAsync("#Email", "sanne.devries@kempen.example");
        await page.FillAsync("#Wachtwoord", "helemaal-fout-123");
        await page.ClickAsync("button:has-text('Inloggen')");
        await Assertions.Expect(page.Locator("#foutsamenvatting")).ToBeVisibleAsync();
        // A keyboard or screen reader user starts at the errors, not at the top of the page, and the title says so.
        Assert.Equal("foutsamenvatting", await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''"));
        Assert.StartsWith("Fout: ", await page.TitleAsync());

        // A page without errors keeps its plain title.
        await page.GotoAsync($"{browser.BaseUrl}/inloggen");
        Assert.DoesNotContain("Fout", await page.TitleAsync());
        await context.CloseAsync();
    }
}

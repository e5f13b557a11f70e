using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Koers.Web.Tests.Browser;

/// <summary>
/// WCAG 2.1 AA: axe-core (Browser/axe/axe.min.js, MPL-2.0) runs on every page, per role, in Chromium;
/// and the main flow (inloggen, werkvoorraad, dossier) works with the keyboard only.
/// </summary>
public sealed class ToegankelijkheidTests(BrowserFactory browser) : IClassFixture<BrowserFactory>
{
    private const string Wachtwoord = "Koers-demo-2026";

    // Results axe can only report as "needs review" (incomplete) but that are always errors for our pages.
    private const string OokOnvolledig = "['duplicate-id', 'duplicate-id-active', 'duplicate-id-aria', 'aria-prohibited-attr']";
    private static readonly string AxePad = Path.Combine(AppContext.BaseDirectory, "Browser", "axe", "axe.min.js");

    [Fact]
    public async Task Inlogpagina_voldoet_aan_wcag_21_aa()
    {
        var (context, page) = await NieuwePaginaAsync();
        var fouten = new StringBuilder();
        await ControleerAsync(page, "/inloggen", fouten);
        await context.CloseAsync();
        Assert.True(fouten.Length == 0, fouten.ToString());
    }

    [Fact]
    public async Task Schermen_van_de_klantregisseur_voldoen_aan_wcag_21_aa()
    {
        var (context, page) = await NieuwePaginaAsync();
        await InloggenAsync(page, "sanne.devries@kempen.example");
        var id = await page.EvaluateAsync<string>(
            "async () => { const r = await fetch('/api/v1/inburgeraars?fase=inUitvoering&paginaGrootte=1'); const j = await r.json(); return j.resultaten[0].id; }");
        Assert.False(string.IsNullOrEmpty(id));

        var fouten = new StringBuilder();
        foreach (var pad in new[]
                 {
                     "/werkvoorraad", "/inburgeraars", "/inburgeraars/nieuw", "/inburgeraars/nieuw?bron=coa",
                     $"/inburgeraars/{id}", $"/inburgeraars/{id}/intake", $"/inburgeraars/{id}/leerbaarheidstoets",
                     $"/inburgeraars/{id}/pip", $"/inburgeraars/{id}/pip/voorlopig", $"/inburgeraars/{id}/ontzorgen", $"/inburgeraars/{id}/geldzaken", $"/inburgeraars/{id}/bewerken", $"/inburgeraars/{id}/voortgang",
                     $"/inburgeraars/{id}/machtigingen", $"/inburgeraars/{id}/verwijzingen", "/wachtlijsten",
                     $"/inburgeraars/{id}/handhaving", $"/inburgeraars/{id}/afsluiting", $"/inburgeraars/{id}/participatie", $"/inburgeraars/{id}/brp",
                     "/beheer/ontzorgen/betaalruns", "/account",
                 })
        {
            await ControleerAsync(page, pad, fouten);
        }

        await context.CloseAsync();
        Assert.True(fouten.Length == 0, fouten.ToString());
    }

    [Fact]
    public async Task Schermen_van_ketenpartner_dossier_en_partnerbeheer_voldoen_aan_wcag_21_aa()
    {
        var fouten = new StringBuilder();
        var (context, page) = await NieuwePaginaAsync();
        await InloggenAsync(page, "partner@vluchtelingenwerk.example");
        var id = await page.EvaluateAsync<string>("async () => (await (await fetch('/api/v1/partner/dossiers')).json())[0].id");
        await ControleerAsync(page, $"/partner/dossiers/{id}", fouten);
        await context.CloseAsync();

        (context, page) = await NieuwePaginaAsync();
        await InloggenAsync(page, "beheer@kempen.example");
        var partner = await page.EvaluateAsync<int>("async () => (await (await fetch('/api/v1/beheer/partners')).json())[0].id");
        await ControleerAsync(page, $"/beheer/partners/{partner}", fouten);
        await context.CloseAsync();
        Assert.True(fouten.Length == 0, fouten.ToString());
    }

    [Theory]
    [InlineData("beleid@kempen.example", "/monitor")]
    [InlineData("anouk.vandenberg@kempen.example", "/werkvoorraad/verdelen")]
    [InlineData("auditor@kempen.example", "/audit")]
    [InlineData("beheer@kempen.example", "/beheer")]
    [InlineData("beheer@kempen.example", "/beheer/bewaartermijn")]
    [InlineData("beheer@kempen.example", "/beheer/brp")]
    [InlineData("beheer@kempen.example", "/beheer/ontzorgen?gemeente=GM1724")]
    [InlineData("beheer@kempen.example", "/beheer/partners")]
    [InlineData("beheer@kempen.example", "/beheer/mandaten")]
    [InlineData("beheer@kempen.example", "/beheer/brieven")]
    [InlineData("beheer@kempen.example", "/beheer/brieven/Sanctie?gemeente=GM1724")]
    [InlineData("beheer@kempen.example", "/beheer/duo/contactpersonen")]
    [InlineData("beheer@kempen.example", "/beheer/termijnen?gemeente=GM1724")]
    [InlineData("beheer@kempen.example", "/beheer/participatie")]
    [InlineData("beleid@kempen.example", "/monitor/participatie")]
    [InlineData("inburgeraar@demo.example", "/mijn/participatie?taal=ar")]
    [InlineData("partner@taalschool.example", "/partner")]
    [InlineData("partner@taalschool.example", "/partner/wachtlijst")]
    [InlineData("partner@vluchtelingenwerk.example", "/partner")]
    [InlineData("beheer@kempen.example", "/beheer/handhaving?gemeente=GM1724")]
    [InlineData("inburgeraar@demo.example", "/mijn")]
    [InlineData("inburgeraar@demo.example", "/mijn?taal=ar")]
    [InlineData("inburgeraar@demo.example", "/mijn/geld")]
    [InlineData("inburgeraar@demo.example", "/mijn/geld?taal=ar")]
    [InlineData("beheer@kempen.example", "/beheer/geldzaken?gemeente=GM1724")]
    [InlineData("beheer@kempen.example", "/beheer/voorlopig-plan?gemeente=GM1724")]
    [InlineData("inburgeraar@demo.example", "/account")]
    [InlineData("partner@taalschool.example", "/partner/rapportage")]
    [InlineData("partner@taalschool.example", "/partner/rapportage/upload")]
    public async Task Scherm_voldoet_aan_wcag_21_aa(string email, string pad)
    {
        var (context, page) = await NieuwePaginaAsync();
        await InloggenAsync(page, email);
        var fouten = new StringBuilder();
        await ControleerAsync(page, pad, fouten);
        await context.CloseAsync();
        Assert.True(fouten.Length == 0, fouten.ToString());
    }

    [Fact]
    public async Task Hoofdroute_werkt_alleen_met_het_toetsenbord()
    {
        var (context, page) = await NieuwePaginaAsync();
        await page.GotoAsync($"{browser.BaseUrl}/inloggen");

        // The skip link is the first Tab stop.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Direct naar de inhoud", (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim());

        // Tab to the e-mail field, type, Tab to the password, type, Enter.
        await TabNaarAsync(page, "() => document.activeElement.id === 'Email'");
        await page.Keyboard.TypeAsync("sanne.devries@kempen.example");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Wachtwoord", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync(Wachtwoord);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/werkvoorraad"));

        // The worklist's own skip link passes the signal sections above the list; from there, Tab to the first case
        // link and open it with Enter. (Without the skip link the route needs more than MaxTabs stops.)
        await TabNaarAsync(page, "() => document.activeElement.id === 'naar-termijnen'");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("termijnen", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await TabNaarAsync(page, "() => { const a = document.activeElement; return a && a.tagName === 'A' && /^\\/inburgeraars\\/[0-9a-f-]{36}$/i.test(a.getAttribute('href') || ''); }");
        var href = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(href) + "$"));
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    /// <summary>
    /// WCAG 1.4.11 / 2.4.7: every Tab stop shows a focus ring of at least 2 px whose colour has 3:1 contrast with the
    /// background it sits on (links, buttons, inputs, selects, checkboxes, the file input, tabs, scroll boxes, the nav).
    /// </summary>
    [Theory]
    [InlineData("sanne.devries@kempen.example", "/inburgeraars/nieuw")]
    [InlineData("sanne.devries@kempen.example", "/werkvoorraad")]
    [InlineData("partner@taalschool.example", "/partner/rapportage/upload")]
    public async Task Focus_is_zichtbaar_met_minstens_3_op_1_contrast(string email, string pad)
    {
        var (context, page) = await NieuwePaginaAsync();
        await InloggenAsync(page, email);
        await page.GotoAsync($"{browser.BaseUrl}{pad}");
        var fouten = new List<string>();
        var gezien = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 45; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var r = await page.EvaluateAsync<JsonElement>(FocusMeting);
            if (r.ValueKind == JsonValueKind.Null) continue;
            var wat = r.GetProperty("wat").GetString()!;
            gezien.Add(r.GetProperty("soort").GetString()!);
            var breedte = r.GetProperty("breedte").GetDouble();
            var contrast = r.GetProperty("contrast").GetDouble();
            if (breedte < 2 || contrast < 3)
            {
                fouten.Add(string.Create(CultureInfo.InvariantCulture, $"{wat}: ring {breedte} px, {r.GetProperty("kleur").GetString()} op {r.GetProperty("achtergrond").GetString()} = {contrast:0.0}:1"));
            }
        }

        await context.CloseAsync();
        Assert.True(gezien.Count >= 3, $"te weinig soorten Tab-stops op {pad}: {string.Join(", ", gezien)}");
        Assert.True(fouten.Count == 0, $"{pad}:\n" + string.Join("\n", fouten.Distinct()));
    }

    // The focused element's outline (width, colour) against the first opaque background behind it; WCAG relative
    // luminance and contrast ratio.
    private const string FocusMeting = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return null;
          const st = getComputedStyle(e);
          const rgb = c => { const m = c.match(/[\d.]+/g); return m ? m.map(Number) : [0, 0, 0, 0]; };
          const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          let bg = [255, 255, 255], n = e.parentElement;
          while (n) { const c = rgb(getComputedStyle(n).backgroundColor); if ((c.length < 4 || c[3] > 0.5) && !(c[0] === 0 && c[1] === 0 && c[2] === 0 && c.length === 4 && c[3] === 0)) { bg = c; break; } n = n.parentElement; }
          const breedte = st.outlineStyle === 'none' ? 0 : parseFloat(st.outlineWidth);
          const kleur = rgb(st.outlineColor);
          const a = lum(kleur), b = lum(bg);
          const contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          const soort = e.tagName.toLowerCase() + (e.type ? '[' + e.type + ']' : '');
          return { wat: soort + (e.id ? '#' + e.id : '') + ' "' + (e.textContent || e.value || '').trim().slice(0, 30) + '"', soort, breedte, kleur: st.outlineColor, achtergrond: 'rgb(' + bg.slice(0, 3).join(', ') + ')', contrast };
        }
        """;

    // A keyboard user reaches each goal within this many Tab stops (the worklist's signal sections are passed by its
    // own skip link, so their number does not count).
    private const int MaxTabs = 40;

    private static async Task TabNaarAsync(IPage page, string isDoel)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>(isDoel))
            {
                return;
            }
        }

        Assert.Fail($"Na {MaxTabs} keer Tab niet bij het doel ({isDoel}) op {page.Url}");
    }

    private async Task<(IBrowserContext, IPage)> NieuwePaginaAsync()
    {
        // axe is injected as a script tag; the app's CSP (script-src 'self') would block it, so bypass CSP in the test browser only.
        var context = await browser.NieuweContextAsync(new() { BypassCSP = true, ViewportSize = new() { Width = 1280, Height = 720 } });
        return (context, await context.NewPageAsync());
    }

    private async Task InloggenAsync(IPage page, string email)
    {
        await page.GotoAsync($"{browser.BaseUrl}/inloggen");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Wachtwoord", Wachtwoord);
        await page.ClickAsync("button:has-text('Inloggen')");
        if (Koers.Web.Tests.Beveiliging.Sessiehulp.SleutelVan(email) is { } sleutel)
        {
            // Beheer and auditor must sign in with two steps; the demo accounts have the README's fixed key.
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/inloggen/tweestaps"));
            await page.FillAsync("#Code", Koers.Web.Tests.Beveiliging.Sessiehulp.Totp(sleutel, DateTimeOffset.UtcNow));
            await page.ClickAsync("button:has-text('Verder')");
        }

        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/inloggen"));
    }

    private async Task ControleerAsync(IPage page, string pad, StringBuilder fouten)
    {
        var response = await page.GotoAsync($"{browser.BaseUrl}{pad}");
        if (response is null || !response.Ok || page.Url.Contains("/inloggen", StringComparison.Ordinal) != pad.StartsWith("/inloggen", StringComparison.Ordinal))
        {
            fouten.AppendLine(CultureInfo.InvariantCulture, $"{pad}: pagina niet geopend (status {response?.Status}, url {page.Url})");
            return;
        }

        await page.AddScriptTagAsync(new() { Path = AxePad });
        await AxeAsync(page, pad, fouten);

        // WCAG 1.4.10 reflow: at 320 CSS px (400% zoom of 1280) the page does not scroll sideways; wide tables scroll
        // inside their own box, which must take keyboard focus (axe: scrollable-region-focusable, only seen when they
        // actually overflow).
        await page.SetViewportSizeAsync(320, 640);
        try
        {
            var breedte = await page.EvaluateAsync<JsonElement>(
                "() => ({ pagina: document.documentElement.scrollWidth, venster: window.innerWidth, " +
                "breed: [...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > window.innerWidth + 1 && !e.closest('[data-scroll], .koers-scroll, .koers-monitor-scroll, .koers-tijdlijn'); })" +
                ".slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)') })");
            var pagina = breedte.GetProperty("pagina").GetInt32();
            var venster = breedte.GetProperty("venster").GetInt32();
            if (pagina > venster)
            {
                var teBreed = string.Join(", ", breedte.GetProperty("breed").EnumerateArray().Select(e => e.GetString()));
                fouten.AppendLine(CultureInfo.InvariantCulture, $"{pad} (320 px): de pagina is {pagina} px breed en scrollt opzij; te breed: {teBreed}");
            }

            await AxeAsync(page, pad + " (320 px)", fouten);
        }
        finally
        {
            await page.SetViewportSizeAsync(1280, 720);
        }
    }

    private static async Task AxeAsync(IPage page, string pad, StringBuilder fouten)
    {
        var resultaat = await page.EvaluateAsync<JsonElement>(
            "() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })" +
            ".then(r => r.violations.concat(r.incomplete.filter(i => " + OokOnvolledig + ".includes(i.id))).map(v => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, " +
            "nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ') + (n.failureSummary ? ' — ' + n.failureSummary.replace(/\\s+/g, ' ') : '')) })))");
        foreach (var v in resultaat.EnumerateArray())
        {
            fouten.AppendLine(CultureInfo.InvariantCulture, $"{pad}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) {v.GetProperty("help").GetString()} " +
                              $"[{v.GetProperty("nodes").GetInt32()} elementen] {v.GetProperty("helpUrl").GetString()}");
            foreach (var t in v.GetProperty("targets").EnumerateArray())
            {
                fouten.AppendLine(CultureInfo.InvariantCulture, $"    {t.GetString()}");
            }
        }
    }
}

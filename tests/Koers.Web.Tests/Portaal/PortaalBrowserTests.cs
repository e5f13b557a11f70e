using System.Text.RegularExpressions;
using Koers.Web.Tests.Browser;
using Microsoft.Playwright;

namespace Koers.Web.Tests.Portaal;

/// <summary>The inburgeraar signs in, reads their page in Dutch, switches to Arabic; screenshots are kept as artefacts.</summary>
public sealed class PortaalBrowserTests(BrowserFactory browser) : IClassFixture<BrowserFactory>
{
    private static readonly string Artefacten = Koers.Web.Tests.Infrastructure.Artefacten.Map();

    [Fact]
    public async Task Inburgeraar_logt_in_en_leest_het_portaal_in_het_Nederlands_en_Arabisch()
    {
        var context = await browser.NieuweContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{browser.BaseUrl}/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/inloggen"));
        await page.FillAsync("#Email", "inburgeraar@demo.example");
        await page.FillAsync("#Wachtwoord", "Koers-demo-2026");
        await page.ClickAsync("button:has-text('Inloggen')");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/mijn$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mijn inburgering");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artefacten, "portaal-nl.png"), FullPage = true });

        await page.SelectOptionAsync("#taal", "ar");
        await page.ClickAsync("form.koers-portaal__taal button[type=submit]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("اندماجي");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artefacten, "portaal-ar.png"), FullPage = true });

        // Mobile first: on a 390px wide phone nothing may be wider than the screen.
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artefacten, "portaal-ar-mobiel.png"), FullPage = true });
        var breedte = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(breedte <= 390, $"De pagina is {breedte}px breed op een scherm van 390px.");

        await page.SelectOptionAsync("#taal", "nl");
        await page.ClickAsync("form.koers-portaal__taal button[type=submit]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artefacten, "portaal-nl-mobiel.png"), FullPage = true });
        breedte = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(breedte <= 390, $"De pagina is {breedte}px breed op een scherm van 390px.");

        // Logout from the header really ends the session (the form carries its antiforgery token).
        await page.ClickAsync("header form[data-koers=uitloggen] button");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/inloggen"));
        await page.GotoAsync($"{browser.BaseUrl}/mijn");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/inloggen"));
        await context.CloseAsync();
    }
}

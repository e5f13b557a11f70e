using AngleSharp.Html.Parser;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Koers.Web.Tests.Beveiliging;

/// <summary>The sign-in page offers only buttons that lead somewhere: an identity provider when one is configured, never Koers's own scheme.</summary>
public sealed class InloggenSchermTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static List<string> ExterneKnoppen(string html) =>
        [.. new HtmlParser().ParseDocument(html).QuerySelectorAll("form input[name=schema]").Select(i => i.GetAttribute("value")!)];

    [Fact]
    public async Task Zonder_eigen_inlogdienst_staat_er_geen_dode_knop_inloggen_via()
    {
        var html = await factory.ClientAls(null).GetStringAsync("/inloggen");
        Assert.Empty(ExterneKnoppen(html));
        Assert.DoesNotContain("Inloggen via Koers", html);
    }

    [Fact]
    public async Task Met_openid_connect_staat_alleen_de_inlogdienst_van_de_gemeente_er()
    {
        // The handler fetches the provider's metadata only on a challenge, so rendering the page needs no network.
        using var metOidc = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Authentication:Oidc:Authority", "https://login.gemeente.example");
            b.UseSetting("Authentication:Oidc:ClientId", "koers");
            b.UseSetting("Authentication:Oidc:Naam", "Inlogdienst Kempen");
        });
        var html = await metOidc.CreateClient().GetStringAsync("/inloggen");
        Assert.Equal(["oidc"], ExterneKnoppen(html));
        Assert.Contains("Inlogdienst Kempen", html);
        Assert.DoesNotContain("Inloggen via Koers", html);
    }
}

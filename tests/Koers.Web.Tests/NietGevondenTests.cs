using System.Net;
using AngleSharp.Html.Parser;
using Koers.Web.Tests.Infrastructure;

namespace Koers.Web.Tests;

/// <summary>No dead ends in the browser's own English: an unknown page or id gets Koers's 404 page (in the portal's language when chosen); the API keeps problem+json.</summary>
public sealed class NietGevondenTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static (string Kop, string? Taal, string? Richting) Lees(string html)
    {
        var doc = new HtmlParser().ParseDocument(html);
        return (doc.QuerySelector("h1")!.TextContent.Trim(), doc.DocumentElement.GetAttribute("lang"), doc.DocumentElement.GetAttribute("dir"));
    }

    [Theory]
    [InlineData("/bestaat-niet")]
    [InlineData("/inburgeraars/00000000-0000-0000-0000-000000000001")]
    public async Task Onbekende_pagina_of_id_geeft_de_eigen_404_pagina_in_het_nederlands(string pad)
    {
        var antwoord = await factory.CreateClient().GetAsync(pad);

        Assert.Equal(HttpStatusCode.NotFound, antwoord.StatusCode);
        Assert.Equal("text/html", antwoord.Content.Headers.ContentType?.MediaType);
        var (kop, taal, _) = Lees(await antwoord.Content.ReadAsStringAsync());
        Assert.Equal("Pagina niet gevonden", kop);
        Assert.Equal("nl", taal);
    }

    [Fact]
    public async Task Api_houdt_problem_json_bij_404()
    {
        var antwoord = await factory.CreateClient().GetAsync("/api/v1/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, antwoord.StatusCode);
        Assert.Equal("application/problem+json", antwoord.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task In_het_portaal_spreken_404_en_geen_toegang_de_gekozen_taal()
    {
        var inburgeraar = factory.ClientAls("inburgeraar@demo.example");

        var nietGevonden = await inburgeraar.GetAsync("/mijn/bestaat-niet?taal=ar");
        Assert.Equal(HttpStatusCode.NotFound, nietGevonden.StatusCode);
        Assert.Equal(("الصفحة غير موجودة", "ar", "rtl"), Lees(await nietGevonden.Content.ReadAsStringAsync()));

        var geenToegang = await inburgeraar.GetStringAsync("/geen-toegang?taal=uk");
        Assert.Equal(("Немає доступу", "uk", "ltr"), Lees(geenToegang));
    }
}

using AngleSharp.Html.Parser;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Codebase;

/// <summary>
/// How the features depend on each other, read from the compiled app (<see cref="Featuregraaf"/>). The worklist reaches
/// the features that give it signals only through <see cref="ISignaalbron"/>; and no new cycle between features may
/// appear: the cycles that exist are listed below and the list can only shrink.
/// </summary>
[Trait("Categorie", "Codebase")]
public sealed class ArchitectuurTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static readonly Lazy<Featuregraaf> Graaf = new(Featuregraaf.Lees);

    /// <summary>
    /// The edges on a cycle between features today (feature → feature it uses), in two knots: the decisions and their
    /// letters (Brieven previews the PIP, ontzorgen and handhaving letters, which use Brieven's templates; PIP and intake
    /// report to DUO, whose notices act on the PIP) and the chain partners (consent and referrals ask the partner
    /// register, which lists both). A new edge on a cycle fails the test; an edge no longer on one must be taken off this
    /// list, so it only shrinks. (Before the kernel moved to src/Koers.Web/Kern there were 95.)
    /// </summary>
    private static readonly string[] BekendeKringKanten =
    [
        "Brieven -> Handhaving", "Brieven -> Ontzorgen", "Brieven -> Pip",
        "Duo -> Pip",
        "Handhaving -> Brieven", "Handhaving -> Pip",
        "Intake -> Duo",
        "Ketenpartners -> Machtigingen", "Ketenpartners -> Verwijzingen",
        "Machtigingen -> Ketenpartners",
        "Ontzorgen -> Brieven", "Ontzorgen -> Pip",
        "Pip -> Brieven", "Pip -> Duo", "Pip -> Intake", "Pip -> Ontzorgen",
        "Verwijzingen -> Ketenpartners", "Verwijzingen -> Machtigingen",
    ];

    [Fact]
    public void De_werkvoorraad_gebruikt_geen_feature_die_hem_signalen_geeft()
    {
        using var scope = factory.Services.CreateScope();
        var bronnen = scope.ServiceProvider.GetServices<ISignaalbron>().ToList();
        var features = bronnen.Select(b => b.GetType().Namespace!.Split('.')[^1]).ToList();
        Assert.Equal(8, features.Distinct().Count());
        Assert.Equal(bronnen.Count, bronnen.Select(b => b.Volgorde).Distinct().Count());

        var gebruikt = Graaf.Value.Gebruikt("Werkvoorraad");
        var fout = features.Where(gebruikt.Contains).Select(f => Graaf.Value.Voorbeeld("Werkvoorraad", f)).ToList();
        Assert.True(fout.Count == 0, "De werkvoorraad hoort zijn signalen alleen via ISignaalbron te kennen:\n" + string.Join("\n", fout));
        // The graph sees what the worklist used before the change: without this the check above could pass on an empty graph.
        Assert.Contains("Termijnen", gebruikt);
        Assert.Contains("Werkvoorraad", Graaf.Value.Gebruikt("Ontzorgen"));
    }

    [Fact]
    public async Task De_werkvoorraad_toont_de_secties_van_elke_signaalbron_in_de_afgesproken_volgorde()
    {
        var antwoord = await factory.ClientAls("sanne.devries@kempen.example").GetAsync("/werkvoorraad");
        antwoord.EnsureSuccessStatusCode();
        var html = new HtmlParser().ParseDocument(await antwoord.Content.ReadAsStringAsync());
        var secties = html.QuerySelectorAll("section.koers-signalen").Select(s => s.Id).ToList();
        Assert.Equal(
        [
            "signalen-ontzorgen", "signalen-inrichtingskrediet", "signalen-voortgang", "signalen-handhaving",
            "signalen-berichten", "signalen-duo", "signalen-brp", "participatiemetingen",
        ], secties);
    }

    /// <summary>The kernel every feature uses (access, reading a case, the result type) depends on no feature.</summary>
    [Fact]
    public void De_kern_gebruikt_geen_feature()
    {
        var gebruikt = Graaf.Value.Gebruikt("Kern").Select(f => Graaf.Value.Voorbeeld("Kern", f)).ToList();
        Assert.True(gebruikt.Count == 0, "De kern (src/Koers.Web/Kern) hoort geen feature te gebruiken:\n" + string.Join("\n", gebruikt));
        Assert.Contains("Kern", Graaf.Value.Gebruikt("Pip"));
    }

    [Fact]
    public void Geen_nieuwe_kringen_tussen_features()
    {
        var kringen = Graaf.Value.KringKanten();
        var nieuw = kringen.Except(BekendeKringKanten, StringComparer.Ordinal)
            .Select(k => $"{k}   ({Graaf.Value.Voorbeeld(k.Split(" -> ")[0], k.Split(" -> ")[1])})").ToList();
        Assert.True(nieuw.Count == 0, "Nieuwe afhankelijkheid in een kring tussen features (gebruik een interface die de ene feature aanbiedt en de andere registreert, zoals ISignaalbron):\n" + string.Join("\n", nieuw));
        var weg = BekendeKringKanten.Except(kringen, StringComparer.Ordinal).ToList();
        Assert.True(weg.Count == 0, "Deze kanten liggen niet meer in een kring; haal ze van de lijst BekendeKringKanten:\n" + string.Join("\n", weg));
    }
}

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
    /// The edges on a cycle between features today (feature → feature it uses). Most run through the shared kernel that
    /// still lives in feature folders (Dossier: the case; Beveiliging: access; Audit) and through the letters that PIP,
    /// ontzorgen and handhaving share (Brieven, Mandaten); issue #20 moves the kernel into one shared folder. A new edge
    /// on a cycle fails the test; an edge that is no longer on one must be taken off this list (so it only shrinks).
    /// </summary>
    private static readonly string[] BekendeKringKanten =
    [
        "Audit -> Beveiliging", "Audit -> Dossier",
        "Berichten -> Beveiliging", "Berichten -> Dossier", "Berichten -> Portaal",
        "Beveiliging -> Audit", "Beveiliging -> Portaal",
        "Brieven -> Beveiliging", "Brieven -> Dossier", "Brieven -> Handhaving", "Brieven -> Mandaten", "Brieven -> Ontzorgen", "Brieven -> Pip",
        "Brp -> Beveiliging", "Brp -> Dossier", "Brp -> Duo", "Brp -> Werkvoorraad",
        "Dossier -> Beveiliging", "Dossier -> Brp", "Dossier -> Duo", "Dossier -> Participatie", "Dossier -> Portaal", "Dossier -> Termijnen",
        "Duo -> Beveiliging", "Duo -> Dossier", "Duo -> Pip", "Duo -> Werkvoorraad",
        "Handhaving -> Beveiliging", "Handhaving -> Brieven", "Handhaving -> Dossier", "Handhaving -> Mandaten", "Handhaving -> Pip", "Handhaving -> Werkvoorraad",
        "Intake -> Beveiliging", "Intake -> Dossier", "Intake -> Duo",
        "Ketenpartners -> Beveiliging", "Ketenpartners -> Dossier", "Ketenpartners -> Duo", "Ketenpartners -> Machtigingen", "Ketenpartners -> Pip", "Ketenpartners -> Verwijzingen", "Ketenpartners -> Voortgang",
        "Machtigingen -> Beveiliging", "Machtigingen -> Dossier", "Machtigingen -> Ketenpartners",
        "Mandaten -> Beveiliging", "Mandaten -> Dossier",
        "Monitor -> Beveiliging",
        "Ontzorgen -> Beveiliging", "Ontzorgen -> Brieven", "Ontzorgen -> Dossier", "Ontzorgen -> Mandaten", "Ontzorgen -> Pip", "Ontzorgen -> Werkvoorraad",
        "Participatie -> Beveiliging", "Participatie -> Dossier", "Participatie -> Monitor", "Participatie -> Portaal", "Participatie -> Voortgang", "Participatie -> Werkvoorraad",
        "Pip -> Berichten", "Pip -> Beveiliging", "Pip -> Brieven", "Pip -> Dossier", "Pip -> Duo", "Pip -> Intake", "Pip -> Mandaten", "Pip -> Ontzorgen",
        "Portaal -> Berichten", "Portaal -> Beveiliging", "Portaal -> Dossier", "Portaal -> Handhaving", "Portaal -> Machtigingen", "Portaal -> Ontzorgen", "Portaal -> Participatie", "Portaal -> Pip", "Portaal -> Voortgang", "Portaal -> Werkvoorraad",
        "Termijnen -> Berichten", "Termijnen -> Beveiliging", "Termijnen -> Dossier",
        "Verwijzingen -> Beveiliging", "Verwijzingen -> Dossier", "Verwijzingen -> Duo", "Verwijzingen -> Ketenpartners", "Verwijzingen -> Machtigingen",
        "Voortgang -> Berichten", "Voortgang -> Beveiliging", "Voortgang -> Dossier", "Voortgang -> Duo", "Voortgang -> Werkvoorraad",
        "Werkvoorraad -> Beveiliging", "Werkvoorraad -> Dossier", "Werkvoorraad -> Termijnen",
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

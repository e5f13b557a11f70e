using System.Reflection;
using AngleSharp.Html.Parser;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Codebase;

/// <summary>
/// How the features depend on each other, read from the compiled app (<see cref="Featuregraaf"/>). The worklist reaches
/// the features that give it signals only through <see cref="ISignaalbron"/>, the kernel uses no feature, and there is no
/// cycle between features.
/// </summary>
[Trait("Categorie", "Codebase")]
public sealed class ArchitectuurTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static readonly Lazy<Featuregraaf> Graaf = new(Featuregraaf.Lees);

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

    /// <summary>
    /// The case page shows what other features put on it (DUO, BRP, zaaksysteem, messages, participatieladder) only through
    /// <see cref="IDossieronderdeel"/>: its page model and view name none of those features, so a part never closes a cycle.
    /// </summary>
    [Fact]
    public void De_dossierpagina_kent_de_features_met_een_onderdeel_erop_niet()
    {
        using var scope = factory.Services.CreateScope();
        var onderdelen = scope.ServiceProvider.GetServices<IDossieronderdeel>().ToList();
        var features = onderdelen.Select(o => o.GetType().Namespace!.Split('.')[^1]).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Brp", "Duo", "Participatie", "Portaal", "Zgw"], features);
        Assert.Equal(onderdelen.Count, onderdelen.Select(o => (o.Plek, o.Volgorde)).Distinct().Count());
        // Each handler belongs to one part: the page hands a post to the first part that names it.
        var handlers = onderdelen.SelectMany(o => o.Handlers).ToList();
        Assert.Equal(handlers.Count, handlers.Distinct(StringComparer.OrdinalIgnoreCase).Count());

        // The page model and its compiled view (Features_Dossier_Dossier), with their lambdas and state machines.
        var pagina = Featuregraaf.Lees(t => t.Namespace == "Koers.Web.Features.Dossier" && t.Name is "DossierModel" or "Features_Dossier_Dossier");
        var gebruikt = pagina.Gebruikt("Dossier");
        var fout = features.Where(gebruikt.Contains).Select(f => pagina.Voorbeeld("Dossier", f)).ToList();
        Assert.True(fout.Count == 0, "De dossierpagina hoort de onderdelen van andere features alleen via IDossieronderdeel te kennen:\n" + string.Join("\n", fout));
        // The graph sees the page: it uses the kernel (DossierService, IDossieronderdeel) and the deadline alerts.
        Assert.Contains("Kern", gebruikt);
        Assert.Contains("Termijnen", gebruikt);
    }

    [Fact]
    public async Task De_dossierpagina_toont_de_onderdelen_op_hun_plek()
    {
        var id = factory.MetDatabase(db => db.Inburgeraars.Where(i => i.Gemeente!.Code == "GM1724").OrderBy(i => i.Id).Select(i => i.Id).First());
        var antwoord = await factory.ClientAls("sanne.devries@kempen.example").GetAsync($"/inburgeraars/{id}");
        antwoord.EnsureSuccessStatusCode();
        var html = new HtmlParser().ParseDocument(await antwoord.Content.ReadAsStringAsync());
        var secties = html.QuerySelectorAll("section[aria-labelledby]").Select(s => s.GetAttribute("aria-labelledby")).ToList();
        // DUO's data (always offered) stands after the klantreis and before the legal deadlines.
        var klantreis = secties.IndexOf("klantreis-titel");
        var duo = secties.IndexOf("duo-gegevens-titel");
        Assert.True(klantreis >= 0 && duo == klantreis + 1 + (secties.Contains("duo-titel") ? 1 : 0) && secties.IndexOf("termijnen-titel") > duo, string.Join(", ", secties));
        Assert.Equal($"/inburgeraars/{id}?handler=DuoGegevens#duo-gegevens", html.QuerySelector("#duo-gegevens a")!.GetAttribute("href"));
    }

    /// <summary>The kernel every feature uses (access, reading a case, the result type) depends on no feature.</summary>
    [Fact]
    public void De_kern_gebruikt_geen_feature()
    {
        var gebruikt = Graaf.Value.Gebruikt("Kern").Select(f => Graaf.Value.Voorbeeld("Kern", f)).ToList();
        Assert.True(gebruikt.Count == 0, "De kern (src/Koers.Web/Kern) hoort geen feature te gebruiken:\n" + string.Join("\n", gebruikt));
        Assert.Contains("Kern", Graaf.Value.Gebruikt("Pip"));
    }

    /// <summary>
    /// No feature uses, directly or through others, a feature that uses it. The cycles there were (95 edges: the kernel
    /// inside feature folders, the worklist knowing its signal sources, letter previews in Brieven, the partner's own view
    /// inside the partner register, the stored PIP and intake read through their services) were taken apart with the
    /// kernel, ISignaalbron, IBriefvoorbeeld, the Partnerportaal feature and OpgeslagenInhoud; a new one names its edges.
    /// </summary>
    [Fact]
    public void Geen_kringen_tussen_features()
    {
        var graaf = Graaf.Value;
        var kringen = graaf.KringKanten().Select(k => $"{k}   ({graaf.Voorbeeld(k.Split(" -> ")[0], k.Split(" -> ")[1])})").ToList();
        Assert.True(kringen.Count == 0, "Kring tussen features (gebruik een interface die de ene feature aanbiedt en de andere in haar module registreert, zoals ISignaalbron of IBriefvoorbeeld, of zet het gedeelde in src/Koers.Web/Kern):\n" + string.Join("\n", kringen));
        // The graph is not empty: features do use each other, one way.
        Assert.Contains("Pip", graaf.Gebruikt("Ontzorgen"));
        Assert.Contains("Brieven", graaf.Gebruikt("Pip"));
    }

    /// <summary>
    /// Page models that take the database themselves instead of going through a service (issue #20: "page models through
    /// services"). No new one may: a new page gets a service, as the API uses the same one. This list may only shrink; a
    /// page that stops taking the database must be taken off it.
    /// </summary>
    private static readonly string[] PaginasMetDatabase =
    [
        "Berichten.DossierModel", "Berichten.MijnModel", "Beveiliging.AccountModel", "Brp.BeheerModel", "Brp.IndexModel",
        "Portaal.IndexModel", "Zgw.BeheerModel", "Zgw.DossierModel",
    ];

    [Fact]
    public void Een_nieuwe_pagina_gebruikt_de_database_niet_zelf()
    {
        static bool Neemt(MethodBase m) => m.GetParameters().Any(p => p.ParameterType == typeof(Koers.Data.KoersDbContext));
        var metDatabase = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => t.GetConstructors().Any(Neemt) || t.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly).Any(Neemt))
            .Select(t => t.FullName!.Replace("Koers.Web.Features.", "", StringComparison.Ordinal))
            .ToList();
        Assert.True(metDatabase.Count > 0, "geen enkele pagina gevonden die de database neemt; klopt de zoekopdracht nog?");
        var nieuw = metDatabase.Except(PaginasMetDatabase, StringComparer.Ordinal).ToList();
        Assert.True(nieuw.Count == 0, "Pagina's die de database zelf lezen of schrijven; gebruik een service (dezelfde als de API):\n" + string.Join("\n", nieuw));
        var weg = PaginasMetDatabase.Except(metDatabase, StringComparer.Ordinal).ToList();
        Assert.True(weg.Count == 0, "Deze pagina's gebruiken de database niet meer zelf; haal ze van de lijst PaginasMetDatabase:\n" + string.Join("\n", weg));
    }
}

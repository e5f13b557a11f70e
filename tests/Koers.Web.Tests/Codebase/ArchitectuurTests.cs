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
        // 13 with Logistiek and Inkoop's contract signal (issue #23; the latter shown to the team lead only, so the klantregisseur's order below does not list it).
        Assert.Equal(13, features.Distinct().Count());
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
            "signalen-ontzorgen", "signalen-inrichtingskrediet", "signalen-voortgang", "signalen-casusoverleg", "signalen-groepen", "signalen-handhaving",
            "signalen-berichten", "signalen-duo", "signalen-brp", "participatiemetingen", "welzijn", "werk-plaatsingen", "logistiek",
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
        Assert.Equal(["Brp", "Duo", "Logistiek", "Netwerk", "Participatie", "Portaal", "Welzijn", "Werk", "Zgw"], features);
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
    /// Page models go through services (issue #20): a page reads and writes what the API reads and writes, with the same
    /// access check and audit, so no page model names <see cref="Koers.Data.KoersDbContext"/> anywhere — not as a
    /// constructor or handler parameter, a field, a local, nor in a method body (RequestServices.GetRequiredService&lt;KoersDbContext&gt;()
    /// counts too). Read from the compiled Koers.Web.dll with Mono.Cecil, lambdas and async state machines included.
    /// The 16 pages that still did were moved to their features' services; the list of exceptions is gone.
    /// </summary>
    [Fact]
    public void Geen_pagina_gebruikt_de_database_zelf()
    {
        using var assembly = Mono.Cecil.AssemblyDefinition.ReadAssembly(typeof(Program).Assembly.Location);
        var paginas = assembly.MainModule.Types.Where(IsPagina).ToList();
        Assert.True(paginas.Count > 40, $"maar {paginas.Count} pagina's gevonden; klopt de zoekopdracht nog?");
        var fout = paginas.Where(NoemtDatabase).Select(t => t.FullName.Replace("Koers.Web.Features.", "", StringComparison.Ordinal)).ToList();
        Assert.True(fout.Count == 0, "Pagina's die de database zelf lezen of schrijven; gebruik de service van het onderwerp (dezelfde als de API):\n" + string.Join("\n", fout));
    }

    /// <summary>The scan sees each way a page could reach the database (else the test above could never fail).</summary>
    [Fact]
    public void De_databasescan_ziet_elke_weg_naar_de_database()
    {
        using var assembly = Mono.Cecil.AssemblyDefinition.ReadAssembly(typeof(ArchitectuurTests).Assembly.Location);
        Mono.Cecil.TypeDefinition Type<T>() => assembly.MainModule.GetType(typeof(T).FullName!.Replace('+', '/'));
        Assert.True(IsPagina(Type<VoorbeeldMetParameter>()));
        Assert.True(NoemtDatabase(Type<VoorbeeldMetParameter>()));
        Assert.True(NoemtDatabase(Type<VoorbeeldViaDiensten>()));
        Assert.True(NoemtDatabase(Type<VoorbeeldInLambda>()));
        Assert.False(NoemtDatabase(Type<VoorbeeldMetService>()));
    }

    private static bool IsPagina(Mono.Cecil.TypeDefinition type)
    {
        for (var b = type.BaseType; b is not null; b = b.Resolve()?.BaseType)
        {
            if (b.FullName == typeof(PageModel).FullName) return true; // abstract bases (FormulierBasis, RapportagePagina) too
        }

        return false;
    }

    private static bool NoemtDatabase(Mono.Cecil.TypeDefinition type)
    {
        static bool Is(Mono.Cecil.TypeReference? t) => t switch
        {
            null => false,
            Mono.Cecil.GenericInstanceType g => Is(g.ElementType) || g.GenericArguments.Any(Is),
            Mono.Cecil.TypeSpecification s => Is(s.ElementType),
            _ => t.FullName == typeof(Koers.Data.KoersDbContext).FullName,
        };

        static bool Operand(object? operand) => operand switch
        {
            Mono.Cecil.TypeReference t => Is(t),
            Mono.Cecil.GenericInstanceMethod g => Is(g.DeclaringType) || g.GenericArguments.Any(Is) || g.Parameters.Any(p => Is(p.ParameterType)),
            Mono.Cecil.MethodReference m => Is(m.DeclaringType) || Is(m.ReturnType) || m.Parameters.Any(p => Is(p.ParameterType)),
            Mono.Cecil.FieldReference f => Is(f.DeclaringType) || Is(f.FieldType),
            _ => false,
        };

        return type.Fields.Any(f => Is(f.FieldType))
            || type.Methods.Any(m => m.Parameters.Any(p => Is(p.ParameterType))
                || (m.HasBody && (m.Body.Variables.Any(v => Is(v.VariableType)) || m.Body.Instructions.Any(i => Operand(i.Operand)))))
            || type.NestedTypes.Any(NoemtDatabase);
    }

    private sealed class VoorbeeldMetParameter(Koers.Data.KoersDbContext db) : PageModel
    {
        public int Aantal() => db.Inburgeraars.Count();
    }

    private sealed class VoorbeeldViaDiensten : PageModel
    {
        public object Lees() => HttpContext.RequestServices.GetRequiredService<Koers.Data.KoersDbContext>();
    }

    private sealed class VoorbeeldInLambda : PageModel
    {
        public Func<IServiceProvider, object> Lees() => s => s.GetRequiredService<Koers.Data.KoersDbContext>().Gemeenten;
    }

    private sealed class VoorbeeldMetService(Koers.Web.Kern.Toegang toegang) : PageModel
    {
        public object Lees() => toegang;
    }
}

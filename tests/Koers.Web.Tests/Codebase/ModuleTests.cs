using System.Reflection;
using System.Text.RegularExpressions;
using Koers.Web.Infrastructure.Modules;
using Koers.Web.Tests.Deploy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Tests.Codebase;

/// <summary>
/// Every feature plugs in one way: a module (<see cref="IKoersModule"/>) in <c>Program.Modules</c> registers its
/// services, declares its pages' access and maps its API. What the access is, the inventory in docs/toegang.md checks
/// (ToegangsinventarisTests); these tests keep the one way the only way.
/// </summary>
[Trait("Categorie", "Codebase")]
public sealed partial class ModuleTests
{
    private static readonly Assembly App = typeof(Program).Assembly;
    private static readonly string Features = Path.Combine(Repo.Root, "src", "Koers.Web", "Features");

    [Fact]
    public void Elke_feature_heeft_een_module_en_elke_module_staat_in_de_lijst()
    {
        var modules = App.GetTypes().Where(t => typeof(IKoersModule).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false }).ToList();
        var inLijst = Program.Modules.Select(m => m.GetType()).ToList();
        Assert.Equal(inLijst.Count, inLijst.Distinct().Count());
        Assert.Empty(modules.Except(inLijst).Select(t => t.FullName));

        // A folder under Features with pages or an API is a feature (Shared holds the layout and partials only).
        var mappen = Directory.GetDirectories(Features).Select(m => Path.GetFileName(m)!).Where(m => m != "Shared").Order(StringComparer.Ordinal).ToList();
        Assert.True(mappen.Count > 20, $"maar {mappen.Count} features gevonden");
        Assert.Equal(mappen, Program.Modules.Select(m => Program.Map(m).TrimStart('/')).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Een_pagina_krijgt_zijn_toegang_alleen_van_zijn_module()
    {
        var paginas = App.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t)).ToList();
        Assert.True(paginas.Count > 50, $"maar {paginas.Count} pagina's gevonden");
        var metAttribuut = paginas
            .Where(t => t.GetCustomAttributes(inherit: true).Any(a => a is IAuthorizeData or IAllowAnonymous))
            .Select(t => t.FullName).ToList();
        Assert.True(metAttribuut.Count == 0, "Toegang als attribuut op een pagina; verklaar die in de module van de feature:\n" + string.Join("\n", metAttribuut));

        var viaView = Directory.GetFiles(Features, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => AttribuutInView().IsMatch(File.ReadAllText(f))).Select(f => Path.GetRelativePath(Repo.Root, f)).ToList();
        Assert.True(viaView.Count == 0, "Toegang als @attribute in een view; verklaar die in de module van de feature:\n" + string.Join("\n", viaView));
    }

    [Fact]
    public void Program_cs_registreert_en_mapt_geen_feature_zelf()
    {
        var program = File.ReadAllText(Path.Combine(Repo.Root, "src", "Koers.Web", "Program.cs"));
        // The app's own infrastructure (clock, current user) may be registered there; no service of a feature.
        var featureTypes = App.GetTypes().Where(t => t.Namespace?.StartsWith("Koers.Web.Features.", StringComparison.Ordinal) == true).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var diensten = DienstInProgram().Matches(program).Select(m => m.Groups[1].Value.Split('.')[^1]).ToList();
        Assert.Contains("HuidigeGebruiker", diensten);
        var vanFeatures = diensten.Where(featureTypes.Contains).ToList();
        Assert.True(vanFeatures.Count == 0, "Program.cs registreert diensten van een feature; dat hoort in haar module: " + string.Join(", ", vanFeatures));
        Assert.False(MapApiInProgram().IsMatch(program), "Program.cs mapt zelf een API van een feature; dat hoort in haar module.");
        foreach (var patroon in new[] { "AuthorizeFolder", "AuthorizePage", "RequireAuthorization(" })
        {
            Assert.False(program.Contains(patroon, StringComparison.Ordinal), $"Program.cs bevat '{patroon}': dat hoort in de module van de feature.");
        }

        Assert.Contains("foreach (var module in Program.Modules)", program, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Add(?:Scoped|Singleton|Transient)<([\w.]+)")]
    private static partial Regex DienstInProgram();

    [GeneratedRegex(@"\.Map\w+(Api)?\(api")]
    private static partial Regex MapApiInProgram();

    [GeneratedRegex(@"@attribute\s*\[[^\]]*(Authorize|AllowAnonymous)")]
    private static partial Regex AttribuutInView();
}

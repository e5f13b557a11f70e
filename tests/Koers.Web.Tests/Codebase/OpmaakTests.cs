using System.Xml.Linq;
using Koers.Web.Tests.Deploy;

namespace Koers.Web.Tests.Codebase;

/// <summary>
/// The whitespace of every C# file follows .editorconfig at the repository root (indentation, braces, line ends, final
/// newline, no trailing spaces): <c>dotnet format whitespace --folder</c> finds nothing to change. It reads the files
/// only (no build, no MSBuild workspace). Fix a failure with <c>dotnet format whitespace Koers.sln</c>.
/// </summary>
[Trait("Categorie", "Codebase")]
public sealed class OpmaakTests
{
    [Fact]
    public void Dotnet_format_whitespace_vindt_niets_te_veranderen()
    {
        var (code, uitvoer) = Proces.Draai("dotnet", ["format", "whitespace", "--folder", "--verify-no-changes", Repo.Root], Repo.Root, TimeSpan.FromMinutes(5));
        Assert.True(code == 0, $"dotnet format whitespace --verify-no-changes gaf {code}; herstel met 'dotnet format whitespace Koers.sln':\n{uitvoer}");
    }

    /// <summary>
    /// The build keeps the habits: recommended analyzers with every warning an error (opt-outs only in .editorconfig,
    /// with a reason), and one version per package in Directory.Packages.props (two ASP.NET Core packages on different
    /// patch versions was how it went wrong before).
    /// </summary>
    [Fact]
    public void Analyzers_zijn_fouten_en_elk_pakket_heeft_een_versie_op_een_plek()
    {
        var props = XDocument.Load(Path.Combine(Repo.Root, "Directory.Build.props"));
        string? Waarde(string naam) => props.Descendants(naam).SingleOrDefault()?.Value.Trim();
        Assert.Equal("true", Waarde("TreatWarningsAsErrors"));
        Assert.Equal("Recommended", Waarde("AnalysisMode"));

        var centraal = XDocument.Load(Path.Combine(Repo.Root, "Directory.Packages.props"));
        Assert.Equal("true", centraal.Descendants("ManagePackageVersionsCentrally").Single().Value.Trim());
        var versies = centraal.Descendants("PackageVersion").Select(p => (string)p.Attribute("Include")!).ToList();
        Assert.Equal(versies.Count, versies.Distinct(StringComparer.OrdinalIgnoreCase).Count());

        var projecten = Directory.GetFiles(Repo.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(projecten);
        foreach (var project in projecten)
        {
            foreach (var verwijzing in XDocument.Load(project).Descendants("PackageReference"))
            {
                var naam = (string)verwijzing.Attribute("Include")!;
                Assert.True(verwijzing.Attribute("Version") is null, $"{Path.GetFileName(project)}: {naam} heeft een eigen versie; zet die in Directory.Packages.props");
                Assert.Contains(naam, versies);
                Assert.True(verwijzing.Parent?.Attribute("Condition") is null, $"{Path.GetFileName(project)}: {naam} alleen onder een voorwaarde");
            }
        }
    }
}

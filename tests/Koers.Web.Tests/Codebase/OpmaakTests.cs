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
}

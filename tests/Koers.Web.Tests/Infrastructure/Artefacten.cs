namespace Koers.Web.Tests.Infrastructure;

/// <summary>
/// Where tests keep what a person should be able to look at after a run (screenshots, letters): one stable folder
/// that CI keeps with the test results, not the build output. KOERS_ARTEFACTEN when set (scripts/test.sh sets it to
/// TestResults/artefacten), otherwise TestResults/artefacten at the repository root (next to Koers.sln), so a plain
/// `dotnet test` puts them in the same place.
/// </summary>
public static class Artefacten
{
    public static string Basis { get; } = Zoek();

    /// <summary>A folder under the artefact folder, created when missing.</summary>
    public static string Map(params string[] delen)
    {
        var map = Path.Combine([Basis, .. delen]);
        Directory.CreateDirectory(map);
        return map;
    }

    private static string Zoek()
    {
        if (Environment.GetEnvironmentVariable("KOERS_ARTEFACTEN") is { Length: > 0 } pad) return Path.GetFullPath(pad);
        var map = new DirectoryInfo(AppContext.BaseDirectory);
        while (map is not null && !File.Exists(Path.Combine(map.FullName, "Koers.sln"))) map = map.Parent;
        // Outside the repository (a copied test binary): next to the binary, as before.
        return map is null ? Path.Combine(AppContext.BaseDirectory, "artefacten") : Path.Combine(map.FullName, "TestResults", "artefacten");
    }
}

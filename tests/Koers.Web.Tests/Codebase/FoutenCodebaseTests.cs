using Koers.Web.Tests.Deploy;

namespace Koers.Web.Tests.Codebase;

/// <summary>
/// A service's refusal reaches a form in one way: ModelState.VoegToe (src/Koers.Web/Kern/ModelStateFouten.cs), which
/// also shows a message once when a form check and the service agree. Pages used to copy the error dictionary into
/// ModelState with their own loop (21 times, with and without that de-duplication); this scan names any loop that
/// comes back.
/// </summary>
[Trait("Categorie", "Codebase")]
public sealed class FoutenCodebaseTests
{
    private static readonly string Eigen = Path.Combine("src", "Koers.Web", "Kern", "ModelStateFouten.cs");

    [Fact]
    public void Paginas_kopieren_fouten_niet_met_een_eigen_lus()
    {
        var treffers = new List<string>();
        foreach (var bestand in Directory.EnumerateFiles(Path.Combine(Repo.Root, "src", "Koers.Web"), "*.cs", SearchOption.AllDirectories))
        {
            var relatief = Path.GetRelativePath(Repo.Root, bestand);
            var delen = relatief.Split(Path.DirectorySeparatorChar);
            if (delen.Contains("bin") || delen.Contains("obj") || relatief == Eigen) continue;
            treffers.AddRange(LussenMetAddModelError(File.ReadAllLines(bestand)).Select(i => $"{relatief}:{i + 1}"));
        }

        Assert.True(treffers.Count == 0,
            "Kopieer de fouten van een service met ModelState.VoegToe(fouten, voorvoegsel of sleutel), niet met een eigen lus:\n"
            + string.Join("\n", treffers));
    }

    /// <summary>The scan finds the old shapes (else the test above could never fail) and leaves a single message alone.</summary>
    [Fact]
    public void De_scan_herkent_een_eigen_lus()
    {
        Assert.Single(LussenMetAddModelError(
        [
            "foreach (var (veld, meldingen) in u.Fouten)",
            "{",
            "    foreach (var m in meldingen) ModelState.AddModelError($\"Invoer.{veld}\", m);",
            "}",
        ]));
        Assert.Single(LussenMetAddModelError(["foreach (var m in u.Fouten.Values.SelectMany(x => x)) ModelState.AddModelError(\"X\", m);"]));
        Assert.Single(LussenMetAddModelError(
        [
            "foreach (var (veld, meldingen) in fouten)",
            "{",
            "    var key = veld == \"Talen\" ? \"TalenTekst\" : veld;",
            "    foreach (var melding in meldingen)",
            "    {",
            "        ModelState.AddModelError(key, melding);",
        ]));
        Assert.Empty(LussenMetAddModelError(["if (Bestand is null) ModelState.AddModelError(nameof(Bestand), \"Kies een bestand.\");"]));
        Assert.Empty(LussenMetAddModelError(
        [
            "foreach (var v in Enum.GetValues<Vaardigheid>())",
            "{",
            "    if (!Enum.TryParse<Taalniveau>(tekst, out var niveau)) ModelState.AddModelError($\"NiveauTekst[{v}]\", \"Onbekend niveau.\");",
        ]));
    }

    /// <summary>A loop over an error dictionary or its messages (a loop over the form's own fields is not one).</summary>
    private static bool IsLusOverFouten(string regel) =>
        regel.Contains("foreach", StringComparison.Ordinal)
        && (regel.Contains("fouten", StringComparison.OrdinalIgnoreCase) || regel.Contains("meldingen", StringComparison.Ordinal));

    /// <summary>Line numbers of an AddModelError inside a loop over errors: on that line or one of the five before it.</summary>
    private static IEnumerable<int> LussenMetAddModelError(string[] regels)
    {
        for (var i = 0; i < regels.Length; i++)
        {
            if (!regels[i].Contains("AddModelError(", StringComparison.Ordinal)) continue;
            if (regels[Math.Max(0, i - 5)..(i + 1)].Any(IsLusOverFouten)) yield return i;
        }
    }
}

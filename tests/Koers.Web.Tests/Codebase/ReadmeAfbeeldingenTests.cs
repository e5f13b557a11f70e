using System.Text.RegularExpressions;

namespace Koers.Web.Tests.Codebase;

/// <summary>
/// The README shows Koers before anyone runs it: screenshots of the klantreis (made by KlantreisRollenBrowserTests,
/// copied to docs/img). Every image it names exists, is a PNG of 1280 px wide, and all of them stay small.
/// </summary>
public sealed partial class ReadmeAfbeeldingenTests
{
    [Fact]
    public void De_afbeeldingen_in_de_readme_bestaan_en_zijn_klein()
    {
        var root = Koers.Web.Tests.Deploy.Repo.Root;
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var paden = Afbeelding().Matches(readme).Select(m => m.Groups[1].Value).ToList();
        Assert.True(paden.Count >= 4, $"de README toont {paden.Count} afbeeldingen");

        long totaal = 0;
        foreach (var pad in paden)
        {
            var bestand = Path.Combine(root, pad);
            Assert.True(File.Exists(bestand), $"{pad} ontbreekt");
            var bytes = File.ReadAllBytes(bestand);
            Assert.True(bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), $"{pad} is geen PNG");
            var breedte = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
            Assert.Equal(1280, breedte);
            totaal += bytes.Length;
        }

        Assert.True(totaal < 1_500_000, $"de afbeeldingen samen zijn {totaal} bytes");

        // The first screen keeps only the two commands: the pictures come after the first code block.
        Assert.True(readme.IndexOf("```", readme.IndexOf("```", StringComparison.Ordinal) + 3, StringComparison.Ordinal) < readme.IndexOf("![", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"!\[[^\]]*\]\((docs/img/[^)]+\.png)\)")]
    private static partial Regex Afbeelding();
}

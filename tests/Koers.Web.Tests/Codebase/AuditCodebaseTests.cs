using System.Text.RegularExpressions;
using Koers.Web.Tests.Deploy;

namespace Koers.Web.Tests.Codebase;

/// <summary>
/// Audit rows are written in one place: src/Koers.Web/Kern/Auditlog.cs. A feature that builds an AuditRegel
/// itself, or adds one to the context directly, bypasses the structured fields (object, actor) and the business clock;
/// this scan of src (C# files, reading only) names the file and line so the fix is to call Auditlog instead.
/// </summary>
[Trait("Categorie", "Codebase")]
public sealed partial class AuditCodebaseTests
{
    private static readonly string Auditlog = Path.Combine("src", "Koers.Web", "Kern", "Auditlog.cs");

    /// <summary>`new AuditRegel`, a target-typed `AuditRegel x = new()`, or adding straight to the audit set.</summary>
    [GeneratedRegex(@"new\s+([\w.]+\.)?AuditRegel\b|AuditRegel\??\s+\w+\s*=\s*new\s*\(|AuditRegel\s+\w+\s*\([^)]*\)\s*=>\s*new\b|\.Audit\s*\.\s*(Add|AddRange|AddAsync|AddRangeAsync|Attach)\s*\(|Set<AuditRegel>\s*\(\s*\)\s*\.\s*(Add|AddRange|AddAsync|AddRangeAsync)\s*\(")]
    private static partial Regex AuditRegelSchrijven();

    [Fact]
    public void Alleen_Auditlog_schrijft_auditregels()
    {
        var treffers = Treffers(Path.Combine(Repo.Root, "src"));
        Assert.True(treffers.Count == 0,
            "Een auditregel hoort via Koers.Web.Kern.Auditlog (Schrijf/Inzien/Aanmaken/Wijzigen) te worden geschreven, niet met de hand:\n"
            + string.Join("\n", treffers));
    }

    /// <summary>The scan itself finds what it is meant to find (else the test above could never fail).</summary>
    [Fact]
    public void De_scan_herkent_een_handgeschreven_auditregel()
    {
        Assert.Matches(AuditRegelSchrijven(), "db.Audit.Add(new AuditRegel { Op = klok.NuUtc });");
        Assert.Matches(AuditRegelSchrijven(), "AuditRegel Regel(Guid? d) => new() { Gebruiker = naam };");
        Assert.Matches(AuditRegelSchrijven(), "var r = new Koers.Data.Model.AuditRegel { };");
        Assert.Matches(AuditRegelSchrijven(), "x.Add(new Data.Model.AuditRegel { });");
        Assert.Matches(AuditRegelSchrijven(), "db.Audit.AddRange(regels);");
        Assert.Matches(AuditRegelSchrijven(), "db.Set<AuditRegel>().Add(r);");
        Assert.DoesNotMatch(AuditRegelSchrijven(), "audit.Schrijf(AuditActie.Wijzigen, id, \"Opgeslagen\");");
        Assert.DoesNotMatch(AuditRegelSchrijven(), ".Select(a => new AuditRegelDto(a.Id, a.Op))");
    }

    private static List<string> Treffers(string map)
    {
        var treffers = new List<string>();
        foreach (var bestand in Directory.EnumerateFiles(map, "*.cs", SearchOption.AllDirectories))
        {
            var relatief = Path.GetRelativePath(Repo.Root, bestand);
            var delen = relatief.Split(Path.DirectorySeparatorChar);
            if (delen.Contains("bin") || delen.Contains("obj") || delen.Contains("Migrations") || relatief == Auditlog) continue;
            var regels = File.ReadAllLines(bestand);
            for (var i = 0; i < regels.Length; i++)
            {
                if (AuditRegelSchrijven().IsMatch(regels[i])) treffers.Add($"{relatief}:{i + 1}: {regels[i].Trim()}");
            }
        }

        return treffers;
    }
}

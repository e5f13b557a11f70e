using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Koers.Domain.Sources;

namespace Koers.Domain.Tests.Sources;

/// <summary>
/// The rule register (issue #20): every citation of the domain with its kind (statute, case law, DUO interface,
/// practice), its source, the code that applies it and the tests that exercise that code, generated from the source
/// tree into docs/regelregister.md, which lists apart the citations no code applies yet. A register that differs from
/// the code fails (run with KOERS_SCHRIJF_REGISTER=1 to rewrite it, then review the diff).
/// </summary>
public class RegelregisterTests
{
    private static readonly string Wortel = BronTekstTests.Wortel;

    private static IReadOnlyList<(string Pad, string Tekst)> Bestanden(string map, params string[] extensies) =>
        Directory.EnumerateFiles(Path.Combine(Wortel, map), "*.*", SearchOption.AllDirectories)
            .Where(p => extensies.Contains(Path.GetExtension(p), StringComparer.Ordinal))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => (Path.GetRelativePath(Wortel, p).Replace('\\', '/'), File.ReadAllText(p)))
            .OrderBy(b => b.Item1, StringComparer.Ordinal)
            .ToList();

    // "praktijk" is a document in ../shared/seeds; a law named without its BWB number (its text not in docs/bronnen, so
    // unchecked) and a technical norm are counted apart instead of passing for practice.
    private static string Soort(Citation c) =>
        c.Bwb is not null ? "wet"
        : c.Source.Contains("ECLI", StringComparison.Ordinal) ? "rechtspraak"
        : c.Source.Contains("DUO", StringComparison.Ordinal) || c.Source.Contains("API", StringComparison.Ordinal) || c.Source.Contains("koppelvlak", StringComparison.OrdinalIgnoreCase) ? "koppelvlak"
        : BronTekstTests.Praktijk.ContainsKey(c.Source) ? "praktijk"
        : c.Source.StartsWith("ISO", StringComparison.Ordinal) || c.Source.StartsWith("RvIG", StringComparison.Ordinal) ? "norm"
        : "wet zonder tekst";

    private static readonly string[] Soorten = ["wet", "wet zonder tekst", "rechtspraak", "koppelvlak", "praktijk", "norm"];

    /// <summary>The statutory basis as the register shows it first: the statute itself, or a practice rule's Grondslag, linked to wetten.overheid.nl.</summary>
    private static string Wettelijk(Citation c)
    {
        var wet = c.Bwb is not null ? c : c.Grondslag;
        if (wet is null) return "—";
        // The statute's name without its version note ("Wet inburgering 2021 (BWBR0044770, ...)" becomes "Wet inburgering 2021").
        var naam = wet.Source.Split(" (", 2)[0];
        var tekst = $"{naam} {wet.Reference}";
        return wet.Link is { } link ? $"[{Cel(tekst)}]({link})" : Cel(tekst);
    }

    private static string Cel(string tekst) => tekst.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Register(out List<string> ongebruikt)
    {
        var src = Bestanden("src", ".cs", ".cshtml");
        var tests = Bestanden("tests", ".cs");
        ongebruikt = [];
        var sb = new StringBuilder();
        sb.Append("# Regelregister\n\n");
        sb.Append("Gegenereerd door `tests/Koers.Domain.Tests/Sources/RegelregisterTests.cs` uit de broncode (niet met de hand bijwerken;\n");
        sb.Append("`KOERS_SCHRIJF_REGISTER=1 dotnet test tests/Koers.Domain.Tests --filter Regelregister` schrijft het opnieuw).\n");
        sb.Append("Per regel: eerst de wettelijke grondslag (artikel en lid, met een link naar de versie op wetten.overheid.nl; tekst in\n");
        sb.Append("`docs/bronnen/`), dan de bron zelf (voor een praktijkregel het document in `../shared/seeds/` en de regels),\n");
        sb.Append("de code die de regel toepast (bestanden die de bron noemen) en de tests die die code aanroepen (testbestanden die de\n");
        sb.Append("regel of een type uit die bestanden noemen). Dat de citaten kloppen met hun bron, controleert `BronTekstTests`.\n\n");
        var bronnen = BronTekstTests.AlleBronnen(metAliassen: true).ToList();
        var perSoort = bronnen.GroupBy(b => Soort(b.Bron)).ToDictionary(g => g.Key, g => g.Count());
        var praktijk = bronnen.Where(b => Soort(b.Bron) == "praktijk").ToList();
        sb.Append(CultureInfo.InvariantCulture, $"{bronnen.Count} regels: {string.Join(", ", Soorten.Select(s => $"{perSoort.GetValueOrDefault(s)} {s}"))}.\n");
        sb.Append(CultureInfo.InvariantCulture, $"Van de {praktijk.Count} praktijkregels noemen er {praktijk.Count(b => b.Bron.Grondslag is not null)} hun wettelijke grondslag (kolom Wettelijke grondslag);\n");
        sb.Append("de uitzonderingen en waarom staan in `BronTekstTests.ZonderGrondslag`. \"Wet zonder tekst\" noemt een wet waarvan de tekst nog niet in\n");
        sb.Append("`docs/bronnen/` staat, zodat het citaat niet gecontroleerd wordt.\n\n");
        sb.Append("| Regel | Soort | Wettelijke grondslag | Bron | Waar | Toegepast in | Getest in |\n|---|---|---|---|---|---|---|\n");
        var nietToegepast = new List<string>();
        foreach (var (naam, bron) in bronnen)
        {
            var verwijzing = new Regex($@"\b{Regex.Escape(naam)}\b");
            var veld = naam[(naam.IndexOf('.', StringComparison.Ordinal) + 1)..];
            var definitie = new Regex($@"\b(Citation|Bron)\s+{Regex.Escape(veld)}\b");
            var gebruik = src.Where(b => verwijzing.IsMatch(b.Tekst)
                                         || (definitie.IsMatch(b.Tekst) && new Regex($@"(?<![\w.]){Regex.Escape(veld)}\b").Count(b.Tekst) > 1))
                .Select(b => b.Pad).ToList();
            if (gebruik.Count == 0) nietToegepast.Add($"`{naam}` ({Soort(bron)}: {Cel(bron.Source)}, {Cel(bron.Reference)})");
            // The types of the C# files that apply the rule (a view's name, "Index", says nothing about which tests reach it).
            var typen = gebruik.Where(p => p.EndsWith(".cs", StringComparison.Ordinal)).Select(p => Path.GetFileNameWithoutExtension(p)).Distinct().ToList();
            var getest = tests.Where(t => verwijzing.IsMatch(t.Tekst) || typen.Any(ty => new Regex($@"\b{Regex.Escape(ty)}\b").IsMatch(t.Tekst)))
                .Select(t => t.Pad.Replace("tests/", "", StringComparison.Ordinal)).ToList();
            string Lijst(IReadOnlyList<string> l, int max) => l.Count == 0 ? "—"
                : string.Join(", ", l.Take(max).Select(p => $"`{p}`")) + (l.Count > max ? " en meer" : "");
            sb.Append(CultureInfo.InvariantCulture,
                $"| `{naam}` | {Soort(bron)} | {Wettelijk(bron)} | {Cel(bron.Source)} | {Cel(bron.Reference)} | {Lijst(gebruik.Select(p => p.Replace("src/", "", StringComparison.Ordinal)).ToList(), 4)} | {Lijst(getest, 3)} |\n");
        }

        // A value counts as applied when any of its names is (LbtRegels.BandBron is Bron.LbtScoreBanden).
        var toegepast = bronnen.Where(b => !nietToegepast.Any(n => n.StartsWith($"`{b.Naam}`", StringComparison.Ordinal))).Select(b => b.Bron).ToHashSet();
        ongebruikt = bronnen.Where(b => !toegepast.Contains(b.Bron)).Select(b => b.Naam).ToList();
        sb.Append(CultureInfo.InvariantCulture, $"\n## Nog niet toegepast ({ongebruikt.Count})\n\nBronnen die in het domein staan maar door geen code worden genoemd: beschrijving of voorbereiding, nog geen regel.\n\n");
        foreach (var n in ongebruikt) sb.Append(CultureInfo.InvariantCulture, $"- `{n}`\n");
        return sb.ToString();
    }

    [Fact]
    public void Register_in_docs_is_actueel()
    {
        var tekst = Register(out var ongebruikt);
        // Applied rules are the rule: the list of not-yet-applied ones may only shrink by hand-checked decisions.
        // 2 left: Bron.LeeftijdInburgeringsplicht (DUO, not Koers, decides who is inburgeringsplichtig) and
        // Bron.ZRouteOpplussen (Koers sends no A2 level for the Z-route yet; Besluit art. 3.14 lid 7 is not modelled).
        Assert.True(ongebruikt.Count <= 2, "Meer bronnen zonder toepassing dan vastgelegd:\n" + string.Join("\n", ongebruikt));

        var bestand = Path.Combine(Wortel, "docs", "regelregister.md");
        if (Environment.GetEnvironmentVariable("KOERS_SCHRIJF_REGISTER") == "1") File.WriteAllText(bestand, tekst);
        Assert.True(File.Exists(bestand), "docs/regelregister.md ontbreekt; draai deze test met KOERS_SCHRIJF_REGISTER=1");
        var vastgelegd = File.ReadAllText(bestand).ReplaceLineEndings("\n");
        Assert.True(vastgelegd == tekst, "docs/regelregister.md wijkt af van de code; draai deze test met KOERS_SCHRIJF_REGISTER=1 en bekijk de wijziging.");
    }
}

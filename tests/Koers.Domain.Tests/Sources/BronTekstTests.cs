using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Koers.Domain.Sources;

namespace Koers.Domain.Tests.Sources;

/// <summary>
/// Every citation in the domain says what its source says (issue #20): a citation of a statute quotes a passage that is
/// in the statute's text kept in docs/bronnen (read from wetten.overheid.nl), and a citation of a practice document quotes
/// what is on the lines it names in that document (../shared/seeds). A quote may leave out words with "..." and
/// run over line breaks; everything else must match, so a changed line number or a paraphrase fails here.
/// </summary>
public partial class BronTekstTests
{
    /// <summary>The repository root (where Koers.sln is); the source tree and docs are read from there.</summary>
    internal static readonly string Wortel = ZoekWortel();

    private static string ZoekWortel()
    {
        var map = new DirectoryInfo(AppContext.BaseDirectory);
        while (map is not null && !File.Exists(Path.Combine(map.FullName, "Koers.sln"))) map = map.Parent;
        return map?.FullName ?? throw new InvalidOperationException("Koers.sln niet gevonden");
    }

    /// <summary>The practice documents by the name the citations use; the seeds lie beside the repository.</summary>
    internal static readonly Dictionary<string, string> Praktijk = new(StringComparer.Ordinal)
    {
        ["Evaluatie eerste fase Wi2021 (RadarAdvies 2024)"] = "001_c13641733e4b7143.txt",
        ["Evaluatie Wet Inburgering Kempen 2024"] = "000_8b556ead87268ff8.txt",
        ["Beleidsplan statushouders Weert 2023-2025"] = "003_f486892e5cf4b065.txt",
        ["Beleids- en actieplan integratie en participatie van statushouders 2023-2025"] = "003_f486892e5cf4b065.txt",
        ["Beleidskader Wet inburgering Dongemond"] = "004_72a82e6882dc76da.txt",
        ["Evaluatie pilot Inburgering+ Hart van Brabant (Verwey-Jonker Instituut 2021)"] = "002_a18e65e1d6593d70.txt",
    };

    /// <summary>Every citation the domain declares (static fields and properties), each value once unless <paramref name="metAliassen"/>.</summary>
    public static IEnumerable<(string Naam, Citation Bron)> AlleBronnen(bool metAliassen = false) =>
        typeof(Citation).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(Citation) && f.IsInitOnly)
                .Select(f => ($"{t.Name}.{f.Name}", (Citation)f.GetValue(null)!)))
            .Concat(typeof(Citation).Assembly.GetTypes()
                .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static)
                    .Where(p => p.PropertyType == typeof(Citation) && p.GetMethod is { IsStatic: true })
                    .Select(p => ($"{t.Name}.{p.Name}", (Citation)p.GetValue(null)!))))
            .OrderBy(b => b.Item1, StringComparer.Ordinal)
            .DistinctBy(b => metAliassen ? (object)b.Item1 : b.Item2);

    /// <summary>Letters and digits only, lower case: line breaks, hyphenation at a line end, quotes and punctuation do not count.</summary>
    private static string Kaal(string tekst)
    {
        var zonderAfbreking = AfbrekingRegex().Replace(tekst, "$1$2");
        var sb = new StringBuilder(zonderAfbreking.Length);
        foreach (var c in zonderAfbreking.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static IEnumerable<string> Stukken(string citaat) =>
        EllipsRegex().Split(citaat).Select(Kaal).Where(s => s.Length > 0);

    /// <summary>The quote's pieces (split at "...") each occur, in order, in the text.</summary>
    private static string? Ontbreekt(string citaat, string tekst)
    {
        var kaal = Kaal(tekst);
        var vanaf = 0;
        foreach (var stuk in Stukken(citaat))
        {
            var plek = kaal.IndexOf(stuk, vanaf, StringComparison.Ordinal);
            if (plek < 0) return stuk;
            vanaf = plek + stuk.Length;
        }

        return null;
    }

    /// <summary>The line numbers after "regel(s)", leaving out what is in parentheses: "regels 1716, 1733-1747 (Wi2021 art. 14)".</summary>
    private static IEnumerable<(int Van, int Tot)> Regels(string verwijzing) =>
        RegelsRegex().Matches(RegelDeelRegex().Match(HaakjesRegex().Replace(verwijzing, "")).Value).Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));

    [Fact]
    public void Elke_praktijkbron_citeert_wat_op_de_genoemde_regels_staat()
    {
        var seeds = Path.GetFullPath(Path.Combine(Wortel, "..", "shared", "seeds"));
        Assert.True(Directory.Exists(seeds), $"De brondocumenten ontbreken: {seeds} (CI legt ../shared naast de repository).");
        var fouten = new List<string>();
        var gecontroleerd = 0;
        foreach (var (naam, bron) in AlleBronnen())
        {
            if (bron.Quote is null || !Praktijk.TryGetValue(bron.Source, out var bestand)) continue;
            var regels = File.ReadAllLines(Path.Combine(seeds, bestand));
            var bereiken = Regels(bron.Reference).ToList();
            if (bereiken.Count == 0)
            {
                fouten.Add($"{naam}: geen regelnummers in '{bron.Reference}'");
                continue;
            }

            // The named lines, a line either side (a sentence may start or end just outside the range).
            // Footnote markers glued to a sentence ("educatie.34") or a word ("begeleiding53,", "SPUK5") are not part of the text.
            var tekst = string.Join("\n", bereiken.SelectMany(b => regels.Skip(Math.Max(0, b.Van - 2)).Take(b.Tot - b.Van + 3)));
            tekst = VoetnootNaWoordRegex().Replace(VoetnootRegex().Replace(tekst, ""), "");
            if (Ontbreekt(bron.Quote, tekst) is { } stuk) fouten.Add($"{naam} ({bron}): '{stuk}' staat niet op die regels");
            gecontroleerd++;
        }

        Assert.True(gecontroleerd >= 30, $"maar {gecontroleerd} praktijkbronnen gecontroleerd");
        Assert.True(fouten.Count == 0, string.Join("\n", fouten));
    }

    /// <summary>Article numbers named in a reference: "art. 14, 15 en 16", "art. 1 lid 1, art. 4 onderdeel a en art. 5", "art. 56a".</summary>
    private static IEnumerable<string> Artikelen(string verwijzing) =>
        ArtikelRegex().Matches(verwijzing).SelectMany(m => LijstRegex().Split(m.Groups[1].Value)).Select(a => a.Trim()).Where(a => a.Length > 0);

    /// <summary>What is wrong with a statute citation: its text is missing from docs/bronnen, an article it names is not there, or its quote is not in the text.</summary>
    private static IEnumerable<string> Wetsfouten(string naam, Citation bron)
    {
        if (bron.Bwb is not { } bwb)
        {
            yield return $"{naam}: geen BWB-nummer in '{bron.Source}'";
            yield break;
        }

        var pad = Path.Combine(Wortel, "docs", "bronnen", bwb + ".md");
        if (!File.Exists(pad))
        {
            yield return $"{naam}: docs/bronnen/{bwb}.md ontbreekt";
            yield break;
        }

        var wet = File.ReadAllText(pad);
        var artikelen = Artikelen(bron.Reference).ToList();
        if (artikelen.Count == 0) yield return $"{naam}: geen artikel in '{bron.Reference}'";
        foreach (var artikel in artikelen.Where(a => !wet.Contains($"## Artikel {a}\n", StringComparison.Ordinal)))
        {
            yield return $"{naam}: artikel {artikel} staat niet in docs/bronnen/{bwb}.md";
        }

        // A citation of the statute together with a DUO interface ("Wet ...; DUO M2M-koppelvlak ...") quotes the
        // interface's rule; its articles are checked above, its quote is not the statute's.
        var alleenDeWet = !bron.Source.Contains(';', StringComparison.Ordinal);
        if (alleenDeWet && bron.Quote is not null && Ontbreekt(bron.Quote, wet) is { } stuk) yield return $"{naam} ({bron}): '{stuk}' staat niet in de wettekst";
    }

    [Fact]
    public void Elke_wetsbron_citeert_de_wettekst_in_docs_bronnen()
    {
        var wetsbronnen = AlleBronnen().Where(b => b.Bron.Bwb is not null).ToList();
        var fouten = wetsbronnen.SelectMany(b => Wetsfouten(b.Naam, b.Bron)).ToList();
        Assert.True(wetsbronnen.Count >= 8, $"maar {wetsbronnen.Count} wetsbronnen gecontroleerd");
        Assert.True(fouten.Count == 0, string.Join("\n", fouten));
    }

    /// <summary>
    /// Practice rules that no statute article stands behind, not even one that leaves the choice to the college, each
    /// with why. A ratchet: an entry may go (when a Grondslag is found), none may be added, so the count only goes down.
    /// </summary>
    private static readonly Dictionary<string, string> ZonderGrondslag = new(StringComparer.Ordinal)
    {
        // The Wet inburgering 2021 prescribes neither a participation questionnaire nor a participatieladder (see
        // BronParticipatie.GeenWettelijkeBasis): the monitor follows the Hart van Brabant pilot and is the municipality's own.
        ["BronParticipatie.BetaaldWerk"] = "geen wettelijke participatiemonitor",
        ["BronParticipatie.Competenties"] = "geen wettelijke participatiemonitor",
        ["BronParticipatie.MeetmomentNaHuisvesting"] = "geen wettelijke participatiemonitor",
        ["BronParticipatie.Participatieladder"] = "geen wettelijke participatieladder",
        ["BronParticipatie.Uitstroomcategorieen"] = "geen wettelijke participatiemonitor",
        ["BronParticipatie.Vragenlijst"] = "geen wettelijke participatiemonitor",
        ["BronParticipatie.Welbevinden"] = "geen wettelijke participatiemonitor",
        ["BronParticipatie.WerkEnOpleiding"] = "geen wettelijke participatiemonitor",
    };

    /// <summary>The ratchet's ceiling: lower it when an exception goes, never raise it.</summary>
    private const int MaxZonderGrondslag = 8;

    [Fact]
    public void Elke_praktijkbron_noemt_eerst_zijn_wettelijke_grondslag()
    {
        var praktijk = AlleBronnen().Where(b => Praktijk.ContainsKey(b.Bron.Source)).ToList();
        var zonder = praktijk.Where(b => b.Bron.Grondslag is null).Select(b => b.Naam).ToList();
        var nieuw = zonder.Where(n => !ZonderGrondslag.ContainsKey(n)).ToList();
        var achterhaald = ZonderGrondslag.Keys.Where(n => !zonder.Contains(n)).ToList();

        Assert.True(praktijk.Count >= 60, $"maar {praktijk.Count} praktijkbronnen gevonden");
        Assert.True(nieuw.Count == 0, "Praktijkbronnen zonder wettelijke grondslag (geef Grondslag: Wet.…, of het artikel dat de keuze aan het college laat):\n" + string.Join("\n", nieuw));
        Assert.True(achterhaald.Count == 0, "Uitzonderingen die er geen meer zijn (haal ze uit ZonderGrondslag en verlaag MaxZonderGrondslag):\n" + string.Join("\n", achterhaald));
        Assert.True(ZonderGrondslag.Count <= MaxZonderGrondslag, $"{ZonderGrondslag.Count} uitzonderingen; er mogen er niet meer bij dan {MaxZonderGrondslag}.");
    }

    [Fact]
    public void Elke_grondslag_is_een_wetsbron_die_de_wettekst_citeert()
    {
        // Every Grondslag, also one written inline rather than as a named field, so AlleBronnen alone would miss it.
        var metGrondslag = AlleBronnen(metAliassen: true).Where(b => b.Bron.Grondslag is not null).ToList();
        var fouten = metGrondslag
            .SelectMany(b => Wetsfouten($"{b.Naam}.Grondslag", b.Bron.Grondslag!)
                .Concat(b.Bron.Grondslag!.Quote is null ? [$"{b.Naam}.Grondslag: geen citaat"] : [])
                .Concat(b.Bron.Grondslag!.Grondslag is not null ? [$"{b.Naam}.Grondslag: een wet heeft zelf geen grondslag"] : [])
                .Concat(b.Bron.Grondslag!.Link is null ? [$"{b.Naam}.Grondslag: geen link naar wetten.overheid.nl"] : []))
            .Distinct()
            .ToList();
        Assert.True(metGrondslag.Count >= 60, $"maar {metGrondslag.Count} bronnen met een grondslag");
        Assert.True(fouten.Count == 0, string.Join("\n", fouten));
    }

    [Fact]
    public void Tekst_zet_de_wet_voor_de_praktijk_en_de_link_wijst_naar_de_geciteerde_versie()
    {
        var bron = Bron.TermijnDrieJaar;
        Assert.StartsWith($"{bron.Grondslag!.Source}, {bron.Grondslag.Reference}; praktijk: {bron.Source}, {bron.Reference}", bron.ToString(), StringComparison.Ordinal);
        Assert.Equal(new Uri("https://wetten.overheid.nl/BWBR0044770/2022-01-01#Artikel11"), Bron.InburgeringstermijnWet.Link);
        Assert.Equal(new Uri("https://wetten.overheid.nl/BWBR0045555/2023-01-01#Artikel5.3"), Bron.PipTermijnBesluit.Link);
        Assert.Null(bron.Link);
    }

    [Fact]
    public void Elke_bron_noemt_een_bekend_document_of_een_wet()
    {
        var onbekend = AlleBronnen()
            .Where(b => !Praktijk.ContainsKey(b.Bron.Source) && !WetRegex().IsMatch(b.Bron.Source))
            .Select(b => $"{b.Naam}: {b.Bron.Source}")
            .ToList();
        Assert.True(onbekend.Count == 0, string.Join("\n", onbekend));
    }

    [GeneratedRegex(@"(\p{L})-\s*\n\s*(\p{Ll})")]
    private static partial Regex AfbrekingRegex();

    [GeneratedRegex(@"(?<=\p{L}[.,;:”’)])\d{1,3}(?=\s|$)", RegexOptions.Multiline)]
    private static partial Regex VoetnootRegex();

    [GeneratedRegex(@"(?<=\p{L}{3})\d{1,2}(?=[\s,.;:)]|$)", RegexOptions.Multiline)]
    private static partial Regex VoetnootNaWoordRegex();

    [GeneratedRegex(@"\.\.\.|…|\[\.\.\.\]")]
    private static partial Regex EllipsRegex();

    [GeneratedRegex(@"\bart\.\s*(\d+(?:[.:]\d+)?[a-z]?(?:\s*(?:,|en)\s*\d+(?:[.:]\d+)?[a-z]?(?![\d.]))*)")]
    private static partial Regex ArtikelRegex();

    [GeneratedRegex(@"\s*(?:,|\ben\b)\s*")]
    private static partial Regex LijstRegex();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex HaakjesRegex();

    [GeneratedRegex(@"regels?\s.*")]
    private static partial Regex RegelDeelRegex();

    [GeneratedRegex(@"(\d+)(?:\s*[-–]\s*(\d+))?")]
    private static partial Regex RegelsRegex();

    [GeneratedRegex(@"BWBR\d{7}|ECLI|wet|Wet|Besluit|Regeling|Awb|DUO|API|Logius|RvIG|NEN|ISO|AVG|Participatiewet")]
    private static partial Regex WetRegex();
}

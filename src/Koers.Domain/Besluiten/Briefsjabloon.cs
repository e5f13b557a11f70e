using System.Text;
using System.Text.RegularExpressions;
using Koers.Domain.Sources;

namespace Koers.Domain.Besluiten;

/// <summary>The kinds of letter whose text a municipality can set; each has its own template and versions.</summary>
public enum Briefsoort
{
    /// <summary>The beschikking that sets the first PIP.</summary>
    PipVaststelling,

    /// <summary>The beschikking that changes a PIP (bijstelling).</summary>
    PipBijstelling,

    /// <summary>A handhaving letter before a sanction (brief, aangetekende waarschuwing).</summary>
    HandhavingBrief,

    /// <summary>A boete (Wet inburgering 2021) or maatregel (Participatiewet): a punitive decision.</summary>
    Sanctie,

    /// <summary>The decision on financieel ontzorgen: toepassen, verlengen or afzien.</summary>
    OntzorgenBesluit,
}

/// <summary>One part of a parsed template, in reading order.</summary>
public abstract record Sjabloondeel;

/// <summary>A heading: a paragraph whose first line starts with "## ".</summary>
public sealed record SjabloonKop(string Tekst) : Sjabloondeel;

/// <summary>A paragraph of running text, fields such as {naam} not yet filled in.</summary>
public sealed record SjabloonAlinea(string Tekst) : Sjabloondeel;

/// <summary>A bulleted list: consecutive lines starting with "- ".</summary>
public sealed record SjabloonOpsomming(IReadOnlyList<string> Punten) : Sjabloondeel;

/// <summary>A part Koers writes from the case itself, e.g. [besluit] or [bezwaar]: a paragraph of only "[naam]".</summary>
public sealed record SjabloonBlok(string Naam) : Sjabloondeel;

/// <summary>A part Koers fills in: its name in the template, what it holds, and why a letter must have it.</summary>
/// <param name="Naam">As written in the template, without brackets, e.g. "bezwaar".</param>
/// <param name="Omschrijving">What the part holds, for the beheerder.</param>
/// <param name="Grondslag">The rule that makes the part required; null for an optional part.</param>
public sealed record Vastdeel(string Naam, string Omschrijving, Citation? Grondslag)
{
    public bool Verplicht => Grondslag is not null;
}

/// <summary>A field that may stand in the running text, e.g. {naam}, with what it is replaced by.</summary>
public sealed record Sjabloonveld(string Naam, string Omschrijving);

/// <summary>A template that passed <see cref="Briefsjabloon.Lees"/>: its parts, ready to be filled in and laid out.</summary>
public sealed record GelezenSjabloon(Briefsoort Soort, IReadOnlyList<Sjabloondeel> Delen);

/// <summary>
/// The text of a letter as the municipality writes it, around the parts the law requires. A municipality may change
/// the wording, order and tone of a letter (its own B1 style, its own information on rights and duties), but a decision
/// must keep what makes it lawful. Those parts are written by Koers from the case and appear in the template only as a
/// marker such as <c>[bezwaar]</c>; <see cref="Lees"/> refuses a template in which a required marker is missing or
/// doubled, so editing can move a legal part but never delete it:
/// <list type="bullet">
/// <item>the decision and the article it rests on (Awb art. 3:47 lid 1 and 2; Wet inburgering 2021 art. 14-16 for
/// the PIP, art. 22 and 23 for a boete);</item>
/// <item>the motivation from the case's own facts (Awb art. 3:46; for a sanction also the facts and the
/// circumstances weighed, Awb art. 5:9 and ECLI:EU:C:2025:52);</item>
/// <item>the rechtsmiddelenclausule: where, with whom and within which term to object (Awb art. 3:45), for every
/// decision;</item>
/// <item>the signature, "namens het college" under mandate (Awb art. 10:10).</item>
/// </list>
/// A handhaving letter before a sanction is no decision (it only announces); it keeps the facts, the deadline and the
/// signature.
/// Syntax (plain text, so a beheerder needs no editor): paragraphs are separated by an empty line; a paragraph
/// starting with "## " is a heading (its other lines a paragraph under it); lines starting with "- " are a list;
/// a paragraph of only "[name]" is a part Koers writes; "{name}" in text is replaced by a field. Values are filled in
/// after parsing, so a name or a note that contains "[bezwaar]" or "{naam}" is printed as it is.
/// </summary>
public static partial class Briefsjabloon
{
    /// <summary>Longest template text accepted (a long letter is about 6,000 characters).</summary>
    public const int MaxLengte = 20_000;

    private static readonly Citation Grondslagvermelding = new(
        "Algemene wet bestuursrecht (BWBR0005537, tekst geldend vanaf 1 juli 2026)", "art. 3:47 lid 1 en 2",
        "De motivering wordt vermeld bij de bekendmaking van het besluit. ... Daarbij wordt zo mogelijk vermeld krachtens welk wettelijk voorschrift het besluit wordt genomen.");

    private static readonly Citation Rechtsmiddelenclausule = new(
        "Algemene wet bestuursrecht (BWBR0005537, tekst geldend vanaf 1 juli 2026)", "art. 3:45 lid 1 en 2 (termijn: art. 6:7 en 6:8)",
        "Indien tegen een besluit bezwaar kan worden gemaakt of beroep kan worden ingesteld, wordt daarvan bij de bekendmaking en bij de mededeling van het besluit melding gemaakt. ... Hierbij wordt vermeld door wie, binnen welke termijn en bij welk orgaan bezwaar kan worden gemaakt of beroep kan worden ingesteld.");

    private static readonly Citation Mandaat = new(
        "Algemene wet bestuursrecht", "art. 10:10",
        "Een krachtens mandaat genomen besluit vermeldt namens welk bestuursorgaan het besluit is genomen.");

    private static readonly Citation SanctieMotivering = new(
        "Algemene wet bestuursrecht", "art. 3:46 en 5:9; HvJ EU 4 februari 2025, ECLI:EU:C:2025:52; ABRvS 9 juli 2025, ECLI:NL:RVS:2025:3087");

    private static readonly Citation Afzender = new(
        "Algemene wet bestuursrecht", "art. 10:10 (wie de brief namens het college stuurt)");

    // The boetes of the college: art. 22 (brede intake) and art. 23 (the ondersteuning en begeleiding of the PIP). This
    // cited art. 35 before, which is about exchanging data, not about handhaving.
    private static readonly Citation Feitenvermelding = new(
        "Wet inburgering 2021 (BWBR0044770, in werking 1 januari 2022)", "art. 22 lid 1 en art. 23 lid 1 (handhaving van de brede intake en van afspraken uit het PIP)",
        "Het college legt een bestuurlijke boete op aan de inburgeringsplichtige als deze niet is verschenen binnen de in artikel 14, eerste lid, tweede zin, bedoelde termijn of als deze onvoldoende meewerkt aan de brede intake ... Het college legt een boete op aan de inburgeringsplichtige als die niet of onvoldoende meewerkt aan de geboden ondersteuning en begeleiding, bedoeld in artikel 15, eerste lid, onderdeel b,");

    /// <summary>The parts Koers writes for a kind of letter; the required ones cannot be left out.</summary>
    public static IReadOnlyList<Vastdeel> Vastdelen(Briefsoort soort) => soort switch
    {
        Briefsoort.PipVaststelling or Briefsoort.PipBijstelling =>
        [
            new("besluit", "Het besluit (vaststelling of wijziging van het PIP) met de wetsartikelen waarop het rust; bij een wijziging ook de reden en wat er verandert.", Grondslagvermelding),
            new("plan", "Het plan zelf: leerroute, niveaus, onderdelen, doelen, aandachtspunten en begeleiding.", Bron.PipVaststellingGrondslag),
            new("motivering", "Waarom dit plan: de feiten uit de brede intake en de leerbaarheidstoets, en waarom afgeweken wordt van de toets.", Bron.Motiveringsbeginsel),
            new("termijn", "De inburgeringstermijn met begin- en einddatum.", Bron.InburgeringstermijnWet),
            new("bezwaar", "Hoe en wanneer de inburgeraar bezwaar kan maken, met de termijn vanaf de verzenddatum.", Rechtsmiddelenclausule),
            new("ondertekening", "'Met vriendelijke groet' en namens wie, met naam en functie uit het mandaatregister.", Mandaat),
        ],
        Briefsoort.Sanctie =>
        [
            new("staptekst", "De tekst van deze stap uit de handhavingsladder van de gemeente.", null),
            new("motivering", "De feiten, de persoonlijke omstandigheden die zijn meegewogen, waarom het besluit toch nodig is, het bedrag en het wetsartikel.", SanctieMotivering),
            new("bezwaar", "Hoe en wanneer de inburgeraar bezwaar kan maken, met de termijn vanaf de verzenddatum.", Rechtsmiddelenclausule),
            new("ondertekening", "'Met vriendelijke groet' en namens wie, met naam en functie uit het mandaatregister.", Mandaat),
        ],
        Briefsoort.OntzorgenBesluit =>
        [
            new("besluit", "Het besluit (ontzorgen toepassen, verlengen of afzien) met de periode en de wetsartikelen waarop het rust.", Grondslagvermelding),
            new("motivering", "Waarom: de datum waarop de bijstand begon, de periode, wat de gemeente betaalt, en de reden die is vastgelegd.", Bron.Motiveringsbeginsel),
            new("bezwaar", "Hoe en wanneer de inburgeraar bezwaar kan maken, met de termijn vanaf de verzenddatum.", Rechtsmiddelenclausule),
            new("ondertekening", "'Met vriendelijke groet' en namens wie, met naam en functie uit het mandaatregister.", Mandaat),
        ],
        Briefsoort.HandhavingBrief =>
        [
            new("staptekst", "De tekst van deze stap uit de handhavingsladder van de gemeente.", null),
            new("feiten", "Waarom de inburgeraar deze brief krijgt: de tekortkoming en de stappen die al genomen zijn.", Feitenvermelding),
            new("reactie", "Tot wanneer de inburgeraar contact moet opnemen (als de stap een reactietermijn heeft).", null),
            new("ondertekening", "'Met vriendelijke groet' en namens wie, met naam en functie uit het mandaatregister.", Afzender),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(soort)),
    };

    /// <summary>The fields that may stand in the running text of a kind of letter.</summary>
    public static IReadOnlyList<Sjabloonveld> Velden(Briefsoort soort)
    {
        List<Sjabloonveld> velden =
        [
            new("naam", "de naam van de inburgeraar"),
            new("kenmerk", "het kenmerk van de brief"),
            new("datum", "de dagtekening, bijvoorbeeld 16 juni 2026"),
            new("gemeente", "de naam van de gemeente, bijvoorbeeld Bergeijk"),
            new("telefoon", "het telefoonnummer van de gemeente"),
            new("contactpersoon", "'uw klantregisseur, <naam>', of 'ons' als er geen klantregisseur is"),
        ];
        if (soort is Briefsoort.PipVaststelling or Briefsoort.PipBijstelling)
        {
            velden.Add(new("voortgangsgesprekken", "hoe vaak de voortgangsgesprekken zijn, bijvoorbeeld 'elke 3 maanden'"));
            velden.Add(new("versie", "de versie van het PIP"));
            velden.Add(new("termijn_einde", "de laatste dag van de inburgeringstermijn"));
        }

        return velden;
    }

    public static string Omschrijving(this Briefsoort soort) => soort switch
    {
        Briefsoort.PipVaststelling => "PIP-beschikking: vaststelling",
        Briefsoort.PipBijstelling => "PIP-beschikking: wijziging (bijstelling)",
        Briefsoort.HandhavingBrief => "Handhaving: brief en aangetekende waarschuwing",
        Briefsoort.Sanctie => "Handhaving: besluit boete of maatregel",
        Briefsoort.OntzorgenBesluit => "Financieel ontzorgen: besluit",
        _ => soort.ToString(),
    };

    /// <summary>Whether a letter of this kind is a decision (and so carries a bezwaarclausule).</summary>
    public static bool IsBesluit(Briefsoort soort) => soort is not Briefsoort.HandhavingBrief;

    [GeneratedRegex(@"^\[([a-z_]+)\]$")]
    private static partial Regex BlokRegel();

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Veld();

    [GeneratedRegex(@"\[[a-z_]+\]")]
    private static partial Regex BlokInTekst();

    /// <summary>
    /// Parses and checks a template. Errors are in Dutch, one per problem, naming the part or field; the template is
    /// returned only when there are none.
    /// </summary>
    public static (GelezenSjabloon? Sjabloon, IReadOnlyList<string> Fouten) Lees(Briefsoort soort, string? tekst)
    {
        var fouten = new List<string>();
        if (string.IsNullOrWhiteSpace(tekst)) return (null, ["De brieftekst is leeg. Begin met de standaardtekst en pas die aan."]);
        if (tekst.Length > MaxLengte)
            return (null, [$"De brieftekst is {tekst.Length:N0} tekens lang; het maximum is {MaxLengte:N0}. Er is niets ingekort of opgeslagen."]);

        var vast = Vastdelen(soort);
        var veldnamen = Velden(soort).Select(v => v.Naam).ToHashSet(StringComparer.Ordinal);
        var delen = new List<Sjabloondeel>();
        var alinea = new StringBuilder();
        var punten = new List<string>();

        void SluitAlinea()
        {
            if (alinea.Length > 0) delen.Add(new SjabloonAlinea(alinea.ToString()));
            alinea.Clear();
        }

        void SluitOpsomming()
        {
            if (punten.Count > 0) delen.Add(new SjabloonOpsomming([.. punten]));
            punten.Clear();
        }

        var alineas = tekst.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        foreach (var ruw in alineas)
        {
            var regels = ruw.Split('\n').Select(r => r.Trim()).Where(r => r.Length > 0).ToList();
            if (regels.Count == 0) continue;
            if (regels.Count == 1 && BlokRegel().Match(regels[0]) is { Success: true } blok)
            {
                var naam = blok.Groups[1].Value;
                if (vast.All(v => v.Naam != naam))
                    fouten.Add($"Het vaste deel [{naam}] bestaat niet in deze brief. Kies uit: {string.Join(", ", vast.Select(v => $"[{v.Naam}]"))}.");
                else delen.Add(new SjabloonBlok(naam));
                continue;
            }

            var start = 0;
            if (regels[0].StartsWith("## ", StringComparison.Ordinal) || regels[0] == "##")
            {
                var kop = regels[0][2..].Trim();
                if (kop.Length == 0) fouten.Add("Een kop ('## ') zonder tekst. Zet de tekst van de kop achter '## '.");
                else delen.Add(new SjabloonKop(kop));
                start = 1;
            }

            foreach (var regel in regels.Skip(start))
            {
                if (regel.StartsWith("- ", StringComparison.Ordinal))
                {
                    SluitAlinea();
                    punten.Add(regel[2..].Trim());
                }
                else
                {
                    SluitOpsomming();
                    if (alinea.Length > 0) alinea.Append('\n');
                    alinea.Append(regel);
                }
            }

            SluitAlinea();
            SluitOpsomming();
        }

        foreach (var deel in delen)
        {
            IEnumerable<string> teksten = deel switch
            {
                SjabloonKop k => [k.Tekst],
                SjabloonAlinea a => [a.Tekst],
                SjabloonOpsomming o => o.Punten,
                _ => [],
            };
            foreach (var t in teksten)
            {
                foreach (Match m in Veld().Matches(t))
                {
                    var naam = m.Groups[1].Value;
                    if (!veldnamen.Contains(naam))
                        fouten.Add($"Het veld {{{naam}}} bestaat niet in deze brief. Kies uit: {string.Join(", ", veldnamen.Select(v => $"{{{v}}}"))}.");
                }

                if (BlokInTekst().Match(t) is { Success: true } los)
                    fouten.Add($"{los.Value} staat midden in een alinea. Een vast deel staat op een eigen regel, met een lege regel ervoor en erna.");
            }
        }

        foreach (var deel in vast.Where(v => v.Verplicht))
        {
            var aantal = delen.OfType<SjabloonBlok>().Count(b => b.Naam == deel.Naam);
            if (aantal == 0)
                fouten.Add($"Het vaste deel [{deel.Naam}] ontbreekt. Dit deel is verplicht ({deel.Grondslag}): {deel.Omschrijving} Zet [{deel.Naam}] terug op een eigen regel.");
            else if (aantal > 1)
                fouten.Add($"Het vaste deel [{deel.Naam}] staat {aantal} keer in de brief. Laat het één keer staan.");
        }

        foreach (var deel in vast.Where(v => !v.Verplicht))
        {
            if (delen.OfType<SjabloonBlok>().Count(b => b.Naam == deel.Naam) > 1)
                fouten.Add($"Het vaste deel [{deel.Naam}] staat meer dan één keer in de brief. Laat het hooguit één keer staan.");
        }

        return fouten.Count > 0 ? (null, fouten.Distinct().ToList()) : (new GelezenSjabloon(soort, delen), []);
    }

    /// <summary>Replaces each {field} in <paramref name="tekst"/> by its value; values are not read as template text.</summary>
    public static string VulIn(string tekst, IReadOnlyDictionary<string, string> waarden)
    {
        ArgumentNullException.ThrowIfNull(tekst);
        ArgumentNullException.ThrowIfNull(waarden);
        return Veld().Replace(tekst, m => waarden.TryGetValue(m.Groups[1].Value, out var w) ? w : m.Value);
    }
}

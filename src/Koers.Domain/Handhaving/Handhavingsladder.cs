using System.Globalization;
using Koers.Domain.Dossier;
using Koers.Domain.Pip;
using Koers.Domain.Sources;

namespace Koers.Domain.Handhaving;

/// <summary>The kinds of step on the escalation ladder, from mild to heavy.</summary>
public enum Handhavingssoort
{
    Contact,
    Brief,
    AangetekendeWaarschuwing,
    BoeteWi2021,
    MaatregelParticipatiewet,
}

/// <summary>The PIP obligation that was not met; only those in the current PIP can be chosen (brede intake/PIP always).</summary>
public enum PipVerplichting
{
    BredeIntakeEnPip,
    Taal,
    Knm,
    Map,
    Pvt,
    Participatie,
}

/// <summary>One configured step of a municipality's ladder.</summary>
public sealed record Ladderstap(int Volgorde, Handhavingssoort Soort, string Naam, string Brieftekst, int ReactietermijnDagen, decimal? Bedrag);

/// <summary>A step already decided on for one tekortkoming: taken or skipped.</summary>
public sealed record GenomenStap(int Volgorde, bool Overgeslagen, DateOnly Datum, DateOnly? ReactieUiterlijk);

/// <summary>What Koers proposes as the next step, and why. Only a proposal: a person decides.</summary>
/// <summary>The proposed next step and why; the ladder it follows is the municipality's handhavingsbeleid (<see cref="Bron"/>).</summary>
public sealed record Voorstel(Ladderstap Stap, string Reden, bool ReactietermijnLoopt)
{
    public Citation Bron => BronHandhaving.Ladder;
}

public static class Handhavingsladder
{
    /// <summary>
    /// The highest boete a college may impose, Wet inburgering 2021 art. 26 lid 1 onder c (art. 23, the PIP); a ladder
    /// step above it could never be imposed lawfully (<see cref="Wet.BoeteMaximum"/>).
    /// </summary>
    public const decimal MaximaalBedrag = 800m;

    /// <summary>
    /// The highest boete for the obligation not complied with, Wi2021 art. 26 lid 1: € 250 for the brede intake
    /// (onder a, a boete under art. 22), € 800 for the ondersteuning en begeleiding the PIP sets (onder c, art. 23).
    /// The ladder is one per municipality for both, so a step's amount is checked again when it is imposed.
    /// </summary>
    public static decimal MaximumBoete(PipVerplichting verplichting) =>
        verplichting == PipVerplichting.BredeIntakeEnPip ? 250m : MaximaalBedrag;

    /// <summary>Why <paramref name="bedrag"/> may not be imposed for <paramref name="verplichting"/>, or null when it may.</summary>
    public static string? BoeteBovenMaximum(decimal? bedrag, PipVerplichting verplichting) =>
        bedrag is { } b && b > MaximumBoete(verplichting)
            ? $"De boete van € {b:N0} uit de ladder is hoger dan de wet toestaat bij '{verplichting.Omschrijving()}': hoogstens € {MaximumBoete(verplichting):N0} ({Wet.BoeteMaximum}). Pas de ladder aan of sla deze stap over."
            : null;
    public const int MaximaalStappen = 10;

    /// <summary>The placeholders a letter template may use.</summary>
    public static readonly IReadOnlyList<string> Plaatshouders =
        ["{naam}", "{verplichting}", "{omschrijving}", "{datum}", "{reactiedatum}", "{bedrag}", "{gemeente}"];

    /// <summary>
    /// The ladder of the sources (gesprek, waarschuwingen, boete) for a municipality that configured none. The boete has
    /// no amount of its own: it is the amount Besluit inburgering 2021 art. 7.1 prescribes (<see cref="Boeteberekening"/>).
    /// </summary>
    public static IReadOnlyList<Ladderstap> Standaard { get; } =
    [
        new(1, Handhavingssoort.Contact, "Gesprek over de afspraken", string.Empty, 14, null),
        new(2, Handhavingssoort.Brief, "Brief: herinnering aan de afspraken",
            "Op {datum} hebben wij vastgesteld dat u zich niet houdt aan deze afspraak uit uw PIP: {verplichting}. {omschrijving}\n\n"
            + "Wij vragen u om uiterlijk {reactiedatum} contact met ons op te nemen. Dan bespreken wij samen hoe u weer meedoet.", 14, null),
        new(3, Handhavingssoort.AangetekendeWaarschuwing, "Aangetekende waarschuwing",
            "U houdt zich nog steeds niet aan deze afspraak uit uw PIP: {verplichting}. {omschrijving}\n\n"
            + "Dit is een waarschuwing. Houdt u zich uiterlijk {reactiedatum} weer aan de afspraak? Dan volgt er geen boete. "
            + "Doet u dat niet, dan kunnen wij u een bestuurlijke boete opleggen.", 14, null),
        new(4, Handhavingssoort.BoeteWi2021, "Bestuurlijke boete (Wet inburgering 2021)",
            "Wij hebben u eerder gewaarschuwd, maar u houdt zich nog steeds niet aan deze afspraak uit uw PIP: {verplichting}. {omschrijving}\n\n"
            + "Daarom leggen wij u een bestuurlijke boete op van {bedrag}. Wij hebben daarbij rekening gehouden met uw omstandigheden.", 42, null),
    ];

    /// <summary>
    /// The next step: the first configured step after the heaviest one already decided on (taken or skipped).
    /// Null when the ladder is finished. The proposal says whether the previous response period still runs, so the
    /// person deciding sees it; it never takes the step itself.
    /// </summary>
    public static Voorstel? Volgende(IReadOnlyList<Ladderstap> ladder, IReadOnlyList<GenomenStap> genomen, DateOnly vandaag)
    {
        var gesorteerd = ladder.OrderBy(s => s.Volgorde).ToList();
        var laatste = genomen.OrderBy(g => g.Volgorde).ThenBy(g => g.Datum).LastOrDefault();
        var volgende = laatste is null ? gesorteerd.FirstOrDefault() : gesorteerd.FirstOrDefault(s => s.Volgorde > laatste.Volgorde);
        if (volgende is null) return null;
        if (laatste is null) return new(volgende, $"Eerste stap van de ladder: {volgende.Naam}.", false);

        var vorige = gesorteerd.FirstOrDefault(s => s.Volgorde == laatste.Volgorde)?.Naam ?? $"stap {laatste.Volgorde}";
        var wat = laatste.Overgeslagen ? "overgeslagen" : "genomen";
        if (laatste.ReactieUiterlijk is { } uiterlijk && !laatste.Overgeslagen)
        {
            return uiterlijk >= vandaag
                ? new(volgende, $"Vorige stap '{vorige}' {wat} op {Datum(laatste.Datum)}; de reactietermijn loopt nog tot en met {Datum(uiterlijk)}.", true)
                : new(volgende, $"Vorige stap '{vorige}' {wat} op {Datum(laatste.Datum)}; de reactietermijn is verstreken op {Datum(uiterlijk)}.", false);
        }

        return new(volgende, $"Vorige stap '{vorige}' {wat} op {Datum(laatste.Datum)}.", false);
    }

    /// <summary>Checks a configured ladder; returns (field, message) pairs, fields indexed like "Stappen[2].Bedrag".</summary>
    public static IReadOnlyList<Overtreding> Controleer(IReadOnlyList<Ladderstap> ladder)
    {
        var fouten = new List<Overtreding>();
        if (ladder.Count == 0) fouten.Add(new("Stappen", "Een ladder heeft minstens één stap."));
        if (ladder.Count > MaximaalStappen) fouten.Add(new("Stappen", $"Een ladder heeft hoogstens {MaximaalStappen} stappen."));
        for (var i = 0; i < ladder.Count; i++)
        {
            var s = ladder[i];
            var veld = $"Stappen[{i}]";
            if (!Enum.IsDefined(s.Soort)) fouten.Add(new($"{veld}.Soort", $"Stap {i + 1}: onbekende soort."));
            if (string.IsNullOrWhiteSpace(s.Naam)) fouten.Add(new($"{veld}.Naam", $"Stap {i + 1}: vul een naam in."));
            else if (s.Naam.Length > 200) fouten.Add(new($"{veld}.Naam", $"Stap {i + 1}: de naam is hoogstens 200 tekens."));
            if (s.ReactietermijnDagen is < 0 or > 365) fouten.Add(new($"{veld}.ReactietermijnDagen", $"Stap {i + 1}: de reactietermijn is 0 tot 365 dagen."));
            if (HeeftBrief(s.Soort) && string.IsNullOrWhiteSpace(s.Brieftekst))
                fouten.Add(new($"{veld}.Brieftekst", $"Stap {i + 1}: een {Omschrijving(s.Soort).ToLowerInvariant()} heeft een brieftekst nodig."));
            if (s.Brieftekst?.Length > 8000) fouten.Add(new($"{veld}.Brieftekst", $"Stap {i + 1}: de brieftekst is hoogstens 8000 tekens."));
            if (s.Brieftekst is { } tekst && OnbekendePlaatshouders(tekst) is { Count: > 0 } onbekend)
                fouten.Add(new($"{veld}.Brieftekst", $"Stap {i + 1}: onbekende plaatshouder {string.Join(", ", onbekend)}. Gebruik {string.Join(", ", Plaatshouders)}."));
            if (s.Soort == Handhavingssoort.BoeteWi2021)
            {
                // No amount: the amount the Besluit prescribes (Boeteberekening), which is what the law wants anyway.
                if (s.Bedrag is <= 0) fouten.Add(new($"{veld}.Bedrag", $"Stap {i + 1}: laat het bedrag leeg (dan geldt het wettelijke bedrag) of vul een bedrag groter dan € 0 in."));
                else if (s.Bedrag > MaximaalBedrag) fouten.Add(new($"{veld}.Bedrag", $"Stap {i + 1}: de wet staat een boete van hoogstens € {MaximaalBedrag:N0} toe ({Wet.BoeteMaximum})."));
            }
            else if (s.Bedrag is not null) fouten.Add(new($"{veld}.Bedrag", $"Stap {i + 1}: alleen een boete heeft een bedrag."));
        }

        var soorten = ladder.Select(s => s.Soort).ToList();
        if (soorten.Any(s => s is Handhavingssoort.BoeteWi2021 or Handhavingssoort.MaatregelParticipatiewet)
            && !soorten.TakeWhile(s => s is not (Handhavingssoort.BoeteWi2021 or Handhavingssoort.MaatregelParticipatiewet))
                .Any(s => s is Handhavingssoort.Brief or Handhavingssoort.AangetekendeWaarschuwing))
        {
            // The sources: first a talk, then warnings, only then a boete.
            fouten.Add(new("Stappen", "Vóór een boete of maatregel staat minstens één brief of waarschuwing op de ladder."));
        }

        return fouten;
    }

    public static bool HeeftBrief(Handhavingssoort soort) => soort != Handhavingssoort.Contact;

    /// <summary>Shortest account of weighed circumstances accepted: a tick box or "geen" is not a weighing.</summary>
    public const int MinimaalOmstandigheden = 30;

    /// <summary>
    /// Why a sanction cannot be taken with this account of the circumstances, or null when it can. A boete for an
    /// asylum status holder is allowed only after weighing the person's circumstances, and the weighing must be on
    /// record (CJEU 4 February 2025, ECLI:EU:C:2025:52, Keren; ABRvS 9 July 2025, ECLI:NL:RVS:2025:3087 —
    /// BronHandhaving.OmstandighedenKeren); the practice source asks the same (Dongemond 338-343).
    /// </summary>
    public static string? OmstandighedenFout(Handhavingssoort soort, string? omstandigheden)
    {
        if (!IsSanctie(soort)) return null;
        var tekst = omstandigheden?.Trim() ?? string.Empty;
        if (tekst.Length == 0)
            return $"Beschrijf welke persoonlijke omstandigheden u hebt meegewogen (bijvoorbeeld gezondheid, zorg voor kinderen, geldzaken, begrip van de afspraak). Zonder deze afweging mag geen {Omschrijving(soort).InZinLokaal()} worden opgelegd.";
        if (tekst.Length < MinimaalOmstandigheden)
            return $"Beschrijf de meegewogen omstandigheden in minstens {MinimaalOmstandigheden} tekens: wat speelt er bij deze persoon, en waarom is de {Omschrijving(soort).InZinLokaal()} toch nodig?";
        return tekst.Length > 4000 ? "De omstandigheden zijn hoogstens 4000 tekens." : null;
    }

    private static string InZinLokaal(this string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];

    /// <summary>
    /// The article a boete of the college under the Wet inburgering 2021 rests on, by the obligation not complied with:
    /// art. 22 lid 1 for the brede intake, art. 23 lid 1 for the ondersteuning en begeleiding the PIP sets.
    /// </summary>
    public static Citation BoeteGrondslag(PipVerplichting verplichting) =>
        verplichting == PipVerplichting.BredeIntakeEnPip ? Wet.BoeteBredeIntake : Wet.Boete;

    /// <summary>A boete or maatregel is a sanction (a besluit open to bezwaar): it needs an explicit confirmation.</summary>
    public static bool IsSanctie(Handhavingssoort soort) => soort is Handhavingssoort.BoeteWi2021 or Handhavingssoort.MaatregelParticipatiewet;

    /// <summary>The obligations that can be broken under this PIP (without a PIP only the brede intake/PIP cooperation).</summary>
    /// <summary>
    /// Why a tekortkoming on this date cannot be recorded, or null when it can. Handhaving under Wet inburgering 2021
    /// art. 23 concerns obligations the PIP imposes (besides cooperating with the brede intake and the PIP itself,
    /// art. 14-16): before the PIP's dagtekening there is no such obligation, so nothing can have been not complied with.
    /// <paramref name="eerstePip"/> is the dagtekening of the first PIP that was vastgesteld; null when there is none.
    /// </summary>
    public static string? DatumFout(PipVerplichting verplichting, DateOnly datum, DateOnly? eerstePip)
    {
        if (verplichting == PipVerplichting.BredeIntakeEnPip) return null;
        if (eerstePip is null) return $"Er is nog geen vastgesteld PIP: '{verplichting.Omschrijving()}' is pas een verplichting vanaf de dagtekening van het PIP.";
        return datum < eerstePip
            ? $"De datum {datum:dd-MM-yyyy} ligt voor de dagtekening van het PIP ({eerstePip:dd-MM-yyyy}). '{verplichting.Omschrijving()}' is pas een verplichting vanaf die dag (art. 23 Wet inburgering 2021 gaat over verplichtingen uit het PIP)."
            : null;
    }

    public static IReadOnlyList<PipVerplichting> Verplichtingen(PipInhoud? pip)
    {
        var lijst = new List<PipVerplichting> { PipVerplichting.BredeIntakeEnPip };
        if (pip is null) return lijst;
        if (pip.Leerroute is not null) lijst.Add(PipVerplichting.Taal);
        if (pip.Knm) lijst.Add(PipVerplichting.Knm);
        if (pip.Map) lijst.Add(PipVerplichting.Map);
        if (pip.Pvt) lijst.Add(PipVerplichting.Pvt);
        if (pip.Participatie != ParticipatieVorm.Geen || pip.Leerroute == Leerroute.ZRoute) lijst.Add(PipVerplichting.Participatie);
        return lijst;
    }

    /// <summary>
    /// Fills in the placeholders. The letter states the response date once more under 'Wat moet u doen?' as "uiterlijk
    /// &lt;datum&gt;"; a template that says "vóór {reactiedatum}" (the old default, still in ladders copied from it) would
    /// then give two different deadlines for the same day ("vóór 16 december" is the 15th). One phrasing: uiterlijk.
    /// </summary>
    public static string VulIn(string sjabloon, IReadOnlyDictionary<string, string> waarden)
    {
        var tekst = System.Text.RegularExpressions.Regex.Replace(sjabloon, @"\b(?:v[óo]{1,2}r|V[óo]{1,2}r)(\s+)\{reactiedatum\}",
            m => (char.IsUpper(m.Value[0]) ? "Uiterlijk" : "uiterlijk") + m.Groups[1].Value + "{reactiedatum}");
        foreach (var (sleutel, waarde) in waarden) tekst = tekst.Replace(sleutel, waarde, StringComparison.Ordinal);
        return tekst;
    }

    private static List<string> OnbekendePlaatshouders(string tekst) =>
        System.Text.RegularExpressions.Regex.Matches(tekst, @"\{[a-z]+\}").Select(m => m.Value).Where(p => !Plaatshouders.Contains(p)).Distinct().ToList();

    public static string Omschrijving(this Handhavingssoort soort) => soort switch
    {
        Handhavingssoort.Contact => "Contact (gesprek)",
        Handhavingssoort.Brief => "Brief",
        Handhavingssoort.AangetekendeWaarschuwing => "Aangetekende waarschuwing",
        Handhavingssoort.BoeteWi2021 => "Boete (Wet inburgering 2021)",
        Handhavingssoort.MaatregelParticipatiewet => "Maatregel (Participatiewet)",
        _ => soort.ToString(),
    };

    public static string Omschrijving(this PipVerplichting verplichting) => verplichting switch
    {
        PipVerplichting.BredeIntakeEnPip => "Meewerken aan de brede intake en het PIP",
        PipVerplichting.Taal => "Aanwezig zijn bij de taallessen",
        PipVerplichting.Knm => "Kennis van de Nederlandse Maatschappij (KNM)",
        PipVerplichting.Map => "Module Arbeidsmarkt en Participatie (MAP)",
        PipVerplichting.Pvt => "Participatieverklaringstraject (PVT)",
        PipVerplichting.Participatie => "Participatie (werk, vrijwilligerswerk of activering)",
        _ => verplichting.ToString(),
    };

    private static string Datum(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));
}

using Koers.Domain.Sources;

namespace Koers.Domain.Participatie;

/// <summary>The domains of the Hart van Brabant pilot (practice notes §4.1) plus well-being (§4.4).</summary>
public enum Participatiedomein
{
    WerkEnOpleiding,
    MaatschappelijkeParticipatie,
    SocialeParticipatie,
    Competenties,
    Welbevinden,
}

/// <summary>How a question is answered. Every question may be left open ("zeg ik liever niet").</summary>
public enum Antwoordschaal
{
    /// <summary>0 = nee, 1 = ja.</summary>
    JaNee,

    /// <summary>1 = helemaal oneens … 5 = helemaal eens.</summary>
    Eens5,

    /// <summary>
    /// One of the municipality's own options (<see cref="Vraag.Keuzes"/>), answered with the option's code. Own questions
    /// only; no option is "positive", so the per-domain figure leaves these out and the report counts per option.
    /// </summary>
    Meerkeuze,
}

/// <summary>
/// One option of an own meerkeuze question: a code (what is stored as the answer) and its label per language ("nl"
/// always; a language without a label shows the Dutch one, as a question text does).
/// </summary>
public sealed record Keuzeoptie(string Code, IReadOnlyDictionary<string, string> Teksten)
{
    /// <summary>The label in <paramref name="taal"/>, or the Dutch label with Vertaald = false.</summary>
    public (string Tekst, bool Vertaald) Tekst(string taal) =>
        Teksten.TryGetValue(taal, out var t) ? (t, true) : (Teksten["nl"], taal == "nl");
}

/// <summary>One answer option of a scale, in Dutch and English (the portal's other languages fall back to Dutch).</summary>
public sealed record Antwoordoptie(int Waarde, string Nl, string En);

/// <summary>
/// One question of the instrument. Texts per language code ("nl" always; "en" in the default instrument); a language
/// without a text falls back to Dutch and the screen says so.
/// </summary>
public sealed record Vraag(string Code, Participatiedomein Domein, Antwoordschaal Schaal, IReadOnlyDictionary<string, string> Teksten, Citation Bron)
{
    /// <summary>The text in <paramref name="taal"/>, or the Dutch text with Vertaald = false.</summary>
    public (string Tekst, bool Vertaald) Tekst(string taal) =>
        Teksten.TryGetValue(taal, out var t) ? (t, true) : (Teksten["nl"], taal == "nl");

    public IReadOnlyList<Antwoordoptie> Opties => Vragenlijsten.Opties(Schaal);

    /// <summary>The own options of a meerkeuze question, in the order the municipality gave them; empty for a scale.</summary>
    public IReadOnlyList<Keuzeoptie> Keuzes { get; init; } = [];

    public bool IsGeldig(int waarde) => Opties.Any(o => o.Waarde == waarde);

    /// <summary>Whether <paramref name="code"/> is an option of this question (this version's options; exact code).</summary>
    public bool IsKeuze(string code) => Schaal == Antwoordschaal.Meerkeuze && Keuzes.Any(k => k.Code == code);

    public Keuzeoptie? Keuze(string code) => Keuzes.FirstOrDefault(k => k.Code == code);

    /// <summary>
    /// Whether an answer counts as taking part / doing well in the domain, for the cohort report: "ja", or
    /// "eens" / "helemaal eens" on a statement (all statements in the default instrument are phrased positively).
    /// </summary>
    public bool IsPositief(int waarde) => Schaal switch
    {
        Antwoordschaal.JaNee => waarde == 1,
        Antwoordschaal.Eens5 => waarde >= 4,
        _ => false, // a meerkeuze option is no better or worse than another
    };

    /// <summary>A question the municipality wrote itself (functioneel beheer), not one of the default instrument.</summary>
    public bool Eigen { get; init; }

    /// <summary>
    /// What makes two versions' questions the same question for a comparison over time: code, domain, scale and the
    /// Dutch text, and for a meerkeuze question its options (codes and Dutch labels, in order). An own question whose
    /// text or options were changed is another question: its answers are not comparable.
    /// </summary>
    public string Vergelijksleutel => Keuzes.Count == 0
        ? $"{Code}|{Domein}|{Schaal}|{Teksten["nl"]}"
        : $"{Code}|{Domein}|{Schaal}|{Teksten["nl"]}|{string.Join("|", Keuzes.Select(k => $"{k.Code}={k.Teksten["nl"]}"))}";
}

/// <summary>A versioned set of questions; a stored measurement keeps the version it was answered with.</summary>
public sealed record Vragenlijst(string Versie, IReadOnlyList<Vraag> Vragen)
{
    public Vraag? Zoek(string code) => Vragen.FirstOrDefault(v => v.Code == code);

    /// <summary>The instrument as a municipality configured it: the default without the questions it switched off.</summary>
    public Vragenlijst Zonder(IReadOnlyCollection<string> uitgezet) => this with { Vragen = Vragen.Where(v => !uitgezet.Contains(v.Code)).ToList() };

    /// <summary>
    /// The questions every one of <paramref name="lijsten"/> asks in the same way (<see cref="Vraag.Vergelijksleutel"/>):
    /// a figure over measurements answered with different versions compares only these, so a question added, changed or
    /// removed between the versions does not make a domain look better or worse.
    /// </summary>
    public static IReadOnlySet<string> Gemeenschappelijk(IReadOnlyCollection<Vragenlijst> lijsten)
    {
        ArgumentNullException.ThrowIfNull(lijsten);
        if (lijsten.Count == 0) return new HashSet<string>(StringComparer.Ordinal);
        var samen = lijsten.First().Vragen.Select(v => v.Vergelijksleutel).ToHashSet(StringComparer.Ordinal);
        foreach (var l in lijsten.Skip(1)) samen.IntersectWith(l.Vragen.Select(v => v.Vergelijksleutel));
        return samen;
    }
}

/// <summary>An answer or a refusal of the whole set, with where the rule comes from.</summary>
public sealed record Antwoordfout(string Veld, string Melding, Citation Bron);

/// <summary>
/// The default participation questionnaire. The seed does not list the pilot's items ("The seed text does not list the
/// measurement moments or the questionnaire items", practice notes §4.1), so these are NOT the Verwey-Jonker items:
/// each question is derived from what the cited lines say was measured, kept short and concrete so it can be asked
/// with or without an interpreter, and the municipality switches off what it does not want. Replacing them with the
/// full report's items ("Bijlage 1 Onderzoeksverantwoording vragenlijstonderzoek") is a new version, not an edit.
/// </summary>
public static class Vragenlijsten
{
    public const string StandaardVersie = "participatiemonitor-2026.1";

    private static readonly IReadOnlyList<Antwoordoptie> JaNee = [new(1, "Ja", "Yes"), new(0, "Nee", "No")];

    private static readonly IReadOnlyList<Antwoordoptie> Eens5 =
    [
        new(1, "Helemaal oneens", "Strongly disagree"),
        new(2, "Oneens", "Disagree"),
        new(3, "Niet eens, niet oneens", "Neither agree nor disagree"),
        new(4, "Eens", "Agree"),
        new(5, "Helemaal eens", "Strongly agree"),
    ];

    /// <summary>The longest question text the municipality may write (one sentence, readable with an interpreter).</summary>
    public const int MaxVraagtekst = 300;

    /// <summary>The portal languages a municipality may translate an own question into (Dutch is the question itself).</summary>
    public static readonly IReadOnlyList<string> Vertaaltalen = ["en", "ar", "fa", "ti", "tr", "uk"];

    public static IReadOnlyList<Antwoordoptie> Opties(Antwoordschaal schaal) => schaal switch
    {
        Antwoordschaal.JaNee => JaNee,
        Antwoordschaal.Eens5 => Eens5,
        _ => [], // meerkeuze: the question's own options (Vraag.Keuzes)
    };

    /// <summary>A meerkeuze question has at least two and at most ten options (a longer list is not readable with an interpreter).</summary>
    public const int MinKeuzes = 2;

    public const int MaxKeuzes = 10;

    /// <summary>The longest option label, per language.</summary>
    public const int MaxKeuzetekst = 100;

    /// <summary>An option code: lower-case letters, digits and hyphens, as stored with the answer and in the CSV.</summary>
    public const int MaxKeuzecode = 40;

    private static Vraag V(string code, Participatiedomein domein, Antwoordschaal schaal, string nl, string en, Citation bron) =>
        new(code, domein, schaal, new Dictionary<string, string> { ["nl"] = nl, ["en"] = en }, bron);

    public static readonly Vragenlijst Standaard = new(StandaardVersie,
    [
        // Werk en opleiding: 002:L80-81; the Werk.Kom exits (003:L309-316) and the goal "liefst via betaald werk" (003:L17-18).
        V("werk-betaald", Participatiedomein.WerkEnOpleiding, Antwoordschaal.JaNee,
            "Heeft u op dit moment betaald werk?", "Do you currently have paid work?", BronParticipatie.BetaaldWerk),
        V("werk-opleiding", Participatiedomein.WerkEnOpleiding, Antwoordschaal.JaNee,
            "Volgt u op dit moment een opleiding of cursus, naast de inburgering?", "Are you currently following a course or training, besides your integration programme?",
            BronParticipatie.Uitstroomcategorieen),

        // Maatschappelijke participatie: the examples of 002:L84-88.
        V("maatschappelijk-vereniging", Participatiedomein.MaatschappelijkeParticipatie, Antwoordschaal.JaNee,
            "Bent u lid van een vereniging of club (bijvoorbeeld sport, muziek of cultuur)?", "Are you a member of a club or association (for example sports, music or culture)?",
            BronParticipatie.MeetmomentNaHuisvesting),
        V("maatschappelijk-buurt", Participatiedomein.MaatschappelijkeParticipatie, Antwoordschaal.JaNee,
            "Bent u actief in uw buurt, in een geloofsgemeenschap of op de school van uw kinderen?", "Are you active in your neighbourhood, in a religious community or at your children's school?",
            BronParticipatie.MeetmomentNaHuisvesting),
        V("maatschappelijk-vrijwilligerswerk", Participatiedomein.MaatschappelijkeParticipatie, Antwoordschaal.JaNee,
            "Doet u vrijwilligerswerk?", "Do you do volunteer work?", BronParticipatie.Uitstroomcategorieen),

        // Sociale participatie: "ondersteunen, helpen of verzorgen andere mensen" (002:L87-88), the network (002:L161-162).
        V("sociaal-helpen", Participatiedomein.SocialeParticipatie, Antwoordschaal.JaNee,
            "Helpt, ondersteunt of verzorgt u andere mensen buiten uw eigen gezin?", "Do you help, support or care for other people outside your own family?",
            BronParticipatie.MeetmomentNaHuisvesting),
        V("sociaal-netwerk", Participatiedomein.SocialeParticipatie, Antwoordschaal.Eens5,
            "Ik ken mensen in mijn woonplaats bij wie ik terecht kan als ik hulp nodig heb.", "I know people where I live whom I can turn to when I need help.",
            BronParticipatie.Competenties),

        // Competenties: the self-reported outcomes of 002:L160-164.
        V("competentie-taal", Participatiedomein.Competenties, Antwoordschaal.Eens5,
            "Ik kan mij in het dagelijks leven in het Nederlands verstaanbaar maken.", "I can make myself understood in Dutch in daily life.", BronParticipatie.Competenties),
        V("competentie-samenleving", Participatiedomein.Competenties, Antwoordschaal.Eens5,
            "Ik weet hoe de Nederlandse samenleving werkt (bijvoorbeeld zorg, school en gemeente).", "I know how Dutch society works (for example healthcare, school and the municipality).",
            BronParticipatie.Competenties),
        V("competentie-werk-vinden", Participatiedomein.Competenties, Antwoordschaal.Eens5,
            "Ik weet hoe ik werk of vrijwilligerswerk kan vinden.", "I know how to find work or volunteer work.", BronParticipatie.Competenties),
        V("competentie-zelfvertrouwen", Participatiedomein.Competenties, Antwoordschaal.Eens5,
            "Ik heb vertrouwen in mijzelf.", "I have confidence in myself.", BronParticipatie.Competenties),

        // Welbevinden: 000:L303-304 (mentaal welbevinden), practice notes §4.4.
        V("welbevinden-tevreden", Participatiedomein.Welbevinden, Antwoordschaal.Eens5,
            "Ik ben tevreden met mijn leven op dit moment.", "I am satisfied with my life at the moment.", BronParticipatie.Welbevinden),
        V("welbevinden-goed", Participatiedomein.Welbevinden, Antwoordschaal.Eens5,
            "Ik voel mij de laatste tijd meestal goed, lichamelijk en geestelijk.", "Lately I mostly feel well, physically and mentally.", BronParticipatie.Welbevinden),
    ]);

    /// <summary>
    /// Checks an own question of a municipality: a Dutch text (it is the question; the portal falls back to it), a domain
    /// and a scale of the instrument, and translations only for portal languages, each within the length limit.
    /// The field names are those of the form (Nl, Domein, Schaal, Vertalingen[xx]).
    /// </summary>
    public static IReadOnlyList<Antwoordfout> ControleerEigenVraag(string? nl, Participatiedomein? domein, Antwoordschaal? schaal,
        IReadOnlyDictionary<string, string?> vertalingen)
    {
        ArgumentNullException.ThrowIfNull(vertalingen);
        var fouten = new List<Antwoordfout>();
        if (string.IsNullOrWhiteSpace(nl)) fouten.Add(new("Nl", "Vul de vraag in het Nederlands in.", BronParticipatie.Vragenlijst));
        else if (nl.Trim().Length > MaxVraagtekst) fouten.Add(new("Nl", $"De vraag is te lang: ten hoogste {MaxVraagtekst} tekens (nu {nl.Trim().Length}).", BronParticipatie.Vragenlijst));
        if (domein is not { } d || !Enum.IsDefined(d)) fouten.Add(new("Domein", "Kies het domein waar de vraag bij hoort.", BronParticipatie.Vragenlijst));
        if (schaal is not { } s || !Enum.IsDefined(s))
            fouten.Add(new("Schaal", "Kies hoe de vraag beantwoord wordt: ja/nee of eens/oneens (vijf keuzes), of meerkeuze met eigen antwoorden.", BronParticipatie.Vragenlijst));
        foreach (var (taal, tekst) in vertalingen)
        {
            if (!Vertaaltalen.Contains(taal)) fouten.Add(new($"Vertalingen[{taal}]", $"Onbekende taal '{(taal.Length > 10 ? taal[..10] : taal)}'.", BronParticipatie.Vragenlijst));
            else if (tekst is not null && tekst.Trim().Length > MaxVraagtekst)
                fouten.Add(new($"Vertalingen[{taal}]", $"De vertaling is te lang: ten hoogste {MaxVraagtekst} tekens (nu {tekst.Trim().Length}).", BronParticipatie.Vragenlijst));
        }

        return fouten;
    }

    /// <summary>
    /// Checks the options of an own meerkeuze question as typed: rows left wholly empty (the form offers spare rows) do
    /// not count; of the others each needs a code (lower-case letters, digits, hyphens; unique within the question) and a
    /// Dutch label, translations only for portal languages, and there must be <see cref="MinKeuzes"/> to
    /// <see cref="MaxKeuzes"/> of them. Field names are the form's, by the row's own index (Opties[2].Code), so a message
    /// stands at the row it is about.
    /// </summary>
    public static IReadOnlyList<Antwoordfout> ControleerKeuzes(IReadOnlyList<(string? Code, string? Nl, IReadOnlyDictionary<string, string?> Vertalingen)> opties)
    {
        ArgumentNullException.ThrowIfNull(opties);
        var fouten = new List<Antwoordfout>();
        var gezien = new HashSet<string>(StringComparer.Ordinal);
        var aantal = 0;
        for (var i = 0; i < opties.Count; i++)
        {
            var (code, nl, vertalingen) = opties[i];
            if (string.IsNullOrWhiteSpace(code) && string.IsNullOrWhiteSpace(nl) && vertalingen.Values.All(string.IsNullOrWhiteSpace)) continue;
            aantal++;
            var c = code?.Trim() ?? string.Empty;
            if (c.Length == 0) fouten.Add(new($"Opties[{i}].Code", $"Vul de code van antwoord {i + 1} in (bijvoorbeeld: fiets).", BronParticipatie.Vragenlijst));
            else if (c.Length > MaxKeuzecode || !c.All(t => t is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
                fouten.Add(new($"Opties[{i}].Code", $"De code van antwoord {i + 1} mag alleen kleine letters, cijfers en streepjes bevatten (ten hoogste {MaxKeuzecode} tekens).", BronParticipatie.Vragenlijst));
            else if (!gezien.Add(c)) fouten.Add(new($"Opties[{i}].Code", $"De code '{c}' staat al bij een ander antwoord; elke code komt één keer voor.", BronParticipatie.Vragenlijst));
            if (string.IsNullOrWhiteSpace(nl)) fouten.Add(new($"Opties[{i}].Nl", $"Vul de Nederlandse tekst van antwoord {i + 1} in.", BronParticipatie.Vragenlijst));
            else if (nl.Trim().Length > MaxKeuzetekst)
                fouten.Add(new($"Opties[{i}].Nl", $"De tekst van antwoord {i + 1} is te lang: ten hoogste {MaxKeuzetekst} tekens (nu {nl.Trim().Length}).", BronParticipatie.Vragenlijst));
            foreach (var (taal, tekst) in vertalingen)
            {
                if (!Vertaaltalen.Contains(taal)) fouten.Add(new($"Opties[{i}].Vertalingen[{taal}]", $"Onbekende taal '{(taal.Length > 10 ? taal[..10] : taal)}'.", BronParticipatie.Vragenlijst));
                else if (tekst is not null && tekst.Trim().Length > MaxKeuzetekst)
                    fouten.Add(new($"Opties[{i}].Vertalingen[{taal}]", $"De vertaling is te lang: ten hoogste {MaxKeuzetekst} tekens (nu {tekst.Trim().Length}).", BronParticipatie.Vragenlijst));
            }
        }

        if (aantal < MinKeuzes) fouten.Add(new("Opties", $"Geef ten minste {MinKeuzes} antwoorden (nu {aantal}).", BronParticipatie.Vragenlijst));
        else if (aantal > MaxKeuzes) fouten.Add(new("Opties", $"Geef ten hoogste {MaxKeuzes} antwoorden (nu {aantal}).", BronParticipatie.Vragenlijst));
        return fouten;
    }

    /// <summary>Where each domain of the monitor comes from (the pilot's observations; no statute prescribes a monitor).</summary>
    public static Citation Bron(this Participatiedomein d) => d switch
    {
        Participatiedomein.WerkEnOpleiding => BronParticipatie.WerkEnOpleiding,
        Participatiedomein.MaatschappelijkeParticipatie or Participatiedomein.SocialeParticipatie => BronParticipatie.MeetmomentNaHuisvesting,
        Participatiedomein.Competenties => BronParticipatie.Competenties,
        _ => BronParticipatie.Welbevinden,
    };

    public static string Omschrijving(this Participatiedomein d) => d switch
    {
        Participatiedomein.WerkEnOpleiding => "Werk en opleiding",
        Participatiedomein.MaatschappelijkeParticipatie => "Maatschappelijke participatie",
        Participatiedomein.SocialeParticipatie => "Sociale participatie",
        Participatiedomein.Competenties => "Competenties",
        _ => "Welbevinden",
    };

    public static string OmschrijvingEn(this Participatiedomein d) => d switch
    {
        Participatiedomein.WerkEnOpleiding => "Work and education",
        Participatiedomein.MaatschappelijkeParticipatie => "Taking part in society",
        Participatiedomein.SocialeParticipatie => "Social contacts",
        Participatiedomein.Competenties => "Skills",
        _ => "Well-being",
    };

    /// <summary>
    /// Checks a set of answers (question code → value on a scale; question code → option code for a meerkeuze question)
    /// against the instrument: unknown questions, values outside the scale and codes that are not an option of this
    /// version are refused, and at least one question must be answered. Unanswered questions are allowed: a person may
    /// prefer not to say, and that is recorded as no answer, never as "nee". A scale answer's field is the question code;
    /// a meerkeuze answer's is "Keuzes[code]".
    /// </summary>
    public static IReadOnlyList<Antwoordfout> Controleer(Vragenlijst lijst, IReadOnlyDictionary<string, int?> antwoorden, IReadOnlyDictionary<string, string?>? keuzes = null)
    {
        ArgumentNullException.ThrowIfNull(lijst);
        ArgumentNullException.ThrowIfNull(antwoorden);
        keuzes ??= new Dictionary<string, string?>();
        var fouten = new List<Antwoordfout>();
        foreach (var (code, waarde) in antwoorden)
        {
            if (lijst.Zoek(code) is not { } vraag) fouten.Add(new(code, $"Onbekende vraag '{code}'.", BronParticipatie.Vragenlijst));
            else if (waarde is { } w && !vraag.IsGeldig(w))
                fouten.Add(new(code, $"'{w}' is geen antwoord op deze vraag; kies een van de mogelijkheden.", vraag.Bron));
        }

        foreach (var (code, keuze) in keuzes)
        {
            var veld = $"Keuzes[{code}]";
            if (lijst.Zoek(code) is not { } vraag) fouten.Add(new(veld, $"Onbekende vraag '{code}'.", BronParticipatie.Vragenlijst));
            else if (string.IsNullOrEmpty(keuze)) continue;
            else if (vraag.Schaal != Antwoordschaal.Meerkeuze) fouten.Add(new(veld, "Deze vraag is geen meerkeuzevraag; kies een van de mogelijkheden.", vraag.Bron));
            else if (!vraag.IsKeuze(keuze))
                fouten.Add(new(veld, $"'{(keuze.Length > 40 ? keuze[..40] : keuze)}' is geen antwoord op deze vraag; kies een van de mogelijkheden.", vraag.Bron));
        }

        if (fouten.Count == 0 && !antwoorden.Values.Any(w => w is not null) && !keuzes.Values.Any(k => !string.IsNullOrEmpty(k)))
            fouten.Add(new(string.Empty, "Beantwoord ten minste één vraag. Vragen die u liever niet beantwoordt, mag u overslaan.", BronParticipatie.Vragenlijst));
        return fouten;
    }
}

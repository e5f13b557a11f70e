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

/// <summary>One answer option of a scale, with its label in every portal language (nl, en, ar, fa, ti, tr, uk).</summary>
public sealed record Antwoordoptie(int Waarde, IReadOnlyDictionary<string, string> Teksten)
{
    public string Nl => Teksten["nl"];

    public string En => Teksten["en"];

    /// <summary>The label in <paramref name="taal"/>, or the Dutch label for a language without one.</summary>
    public string Tekst(string taal) => Teksten.TryGetValue(taal, out var t) ? t : Nl;

    /// <summary>Whether the label exists in <paramref name="taal"/> (else the screen shows the Dutch one, marked lang=nl).</summary>
    public bool HeeftTaal(string taal) => Teksten.ContainsKey(taal);
}

/// <summary>
/// One question of the instrument. Texts per language code ("nl" always; all seven portal languages in the default
/// instrument, issue #22; an own question in the languages the municipality translated it into); a language without a
/// text falls back to Dutch and the screen says so.
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

    // The default instrument's texts in the seven portal languages (issue #22: an inburgeraar answers in their own
    // language). Plain words, "u"-form where the language has one, statements in the first person as in Dutch; the
    // Dutch text is the question (Vergelijksleutel), the others are its translations.
    private static Dictionary<string, string> T(string nl, string en, string ar, string fa, string ti, string tr, string uk) =>
        new() { ["nl"] = nl, ["en"] = en, ["ar"] = ar, ["fa"] = fa, ["ti"] = ti, ["tr"] = tr, ["uk"] = uk };

    private static readonly IReadOnlyList<Antwoordoptie> JaNee =
    [
        new(1, T("Ja", "Yes", "نعم", "بله", "እወ", "Evet", "Так")),
        new(0, T("Nee", "No", "لا", "خیر", "ኣይፋል", "Hayır", "Ні")),
    ];

    private static readonly IReadOnlyList<Antwoordoptie> Eens5 =
    [
        new(1, T("Helemaal oneens", "Strongly disagree", "غير موافق إطلاقًا", "کاملاً مخالفم", "ብፍጹም ኣይሰማማዕን", "Kesinlikle katılmıyorum", "Зовсім не погоджуюся")),
        new(2, T("Oneens", "Disagree", "غير موافق", "مخالفم", "ኣይሰማማዕን", "Katılmıyorum", "Не погоджуюся")),
        new(3, T("Niet eens, niet oneens", "Neither agree nor disagree", "لا موافق ولا غير موافق", "نه موافقم، نه مخالف", "ኣይሰማማዕን ኣይቃወምን", "Ne katılıyorum ne katılmıyorum",
            "Ні погоджуюся, ні не погоджуюся")),
        new(4, T("Eens", "Agree", "موافق", "موافقم", "እሰማማዕ", "Katılıyorum", "Погоджуюся")),
        new(5, T("Helemaal eens", "Strongly agree", "موافق تمامًا", "کاملاً موافقم", "ብምሉኡ እሰማማዕ", "Kesinlikle katılıyorum", "Повністю погоджуюся")),
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

    private static Vraag V(string code, Participatiedomein domein, Antwoordschaal schaal, Dictionary<string, string> teksten, Citation bron) =>
        new(code, domein, schaal, teksten, bron);

    public static readonly Vragenlijst Standaard = new(StandaardVersie,
    [
        // Werk en opleiding: 002:L80-81; the Werk.Kom exits (003:L309-316) and the goal "liefst via betaald werk" (003:L17-18).
        V("werk-betaald", Participatiedomein.WerkEnOpleiding, Antwoordschaal.JaNee, T(
            "Heeft u op dit moment betaald werk?", "Do you currently have paid work?",
            "هل لديك عمل مدفوع الأجر في الوقت الحالي؟", "آیا در حال حاضر کار با حقوق دارید؟",
            "ኣብዚ እዋን እዚ ደሞዝ ዝኽፈሎ ስራሕ ኣሎኩም ድዩ?", "Şu anda ücretli bir işiniz var mı?",
            "Чи маєте ви зараз оплачувану роботу?"),
            BronParticipatie.BetaaldWerk),
        V("werk-opleiding", Participatiedomein.WerkEnOpleiding, Antwoordschaal.JaNee, T(
            "Volgt u op dit moment een opleiding of cursus, naast de inburgering?", "Are you currently following a course or training, besides your integration programme?",
            "هل تتابع حاليًا دراسة أو دورة تدريبية، إلى جانب برنامج الاندماج؟", "آیا در حال حاضر، علاوه بر برنامه‌ی ادغام (inburgering)، در یک دوره‌ی آموزشی یا کلاس شرکت می‌کنید؟",
            "ኣብዚ እዋን እዚ፡ ብዘይካ መደብ ምውህሃድ (inburgering)፡ ትምህርቲ ወይ ኮርስ ትከታተሉ ዶ?", "Uyum programınızın (inburgering) yanı sıra şu anda bir eğitime veya kursa gidiyor musunuz?",
            "Чи навчаєтеся ви зараз на курсі або в навчальному закладі, окрім програми інтеграції (inburgering)?"),
            BronParticipatie.Uitstroomcategorieen),

        // Maatschappelijke participatie: the examples of 002:L84-88.
        V("maatschappelijk-vereniging", Participatiedomein.MaatschappelijkeParticipatie, Antwoordschaal.JaNee, T(
            "Bent u lid van een vereniging of club (bijvoorbeeld sport, muziek of cultuur)?", "Are you a member of a club or association (for example sports, music or culture)?",
            "هل أنت عضو في نادٍ أو جمعية (مثلًا للرياضة أو الموسيقى أو الثقافة)؟", "آیا عضو یک باشگاه یا انجمن هستید (برای مثال ورزشی، موسیقی یا فرهنگی)؟",
            "ኣባል ክለብ ወይ ማሕበር (ንኣብነት ስፖርት፡ ሙዚቃ ወይ ባህሊ) ዲኹም?", "Bir kulübe veya derneğe üye misiniz (örneğin spor, müzik veya kültür)?",
            "Чи є ви членом клубу або товариства (наприклад, спортивного, музичного чи культурного)?"),
            BronParticipatie.MeetmomentNaHuisvesting),
        V("maatschappelijk-buurt", Participatiedomein.MaatschappelijkeParticipatie, Antwoordschaal.JaNee, T(
            "Bent u actief in uw buurt, in een geloofsgemeenschap of op de school van uw kinderen?", "Are you active in your neighbourhood, in a religious community or at your children's school?",
            "هل أنت نشيط في حيّك، أو في جماعة دينية، أو في مدرسة أطفالك؟", "آیا در محله‌تان، در یک جامعه‌ی دینی یا در مدرسه‌ی فرزندانتان فعالیت دارید؟",
            "ኣብ ከባቢኹም፡ ኣብ ሃይማኖታዊ ማሕበረሰብ ወይ ኣብ ቤት ትምህርቲ ደቅኹም ንጡፋት ዲኹም?", "Mahallenizde, bir dini toplulukta veya çocuklarınızın okulunda etkin misiniz?",
            "Чи берете ви активну участь у житті свого району, релігійної громади або школи ваших дітей?"),
            BronParticipatie.MeetmomentNaHuisvesting),
        V("maatschappelijk-vrijwilligerswerk", Participatiedomein.MaatschappelijkeParticipatie, Antwoordschaal.JaNee, T(
            "Doet u vrijwilligerswerk?", "Do you do volunteer work?",
            "هل تقوم بعمل تطوعي؟", "آیا کار داوطلبانه انجام می‌دهید؟",
            "ናይ ወለንታ ስራሕ ትሰርሑ ዶ?", "Gönüllü olarak çalışıyor musunuz?",
            "Чи займаєтеся ви волонтерською роботою?"),
            BronParticipatie.Uitstroomcategorieen),

        // Sociale participatie: "ondersteunen, helpen of verzorgen andere mensen" (002:L87-88), the network (002:L161-162).
        V("sociaal-helpen", Participatiedomein.SocialeParticipatie, Antwoordschaal.JaNee, T(
            "Helpt, ondersteunt of verzorgt u andere mensen buiten uw eigen gezin?", "Do you help, support or care for other people outside your own family?",
            "هل تساعد أشخاصًا آخرين من خارج عائلتك، أو تدعمهم أو ترعاهم؟", "آیا به افراد دیگری بیرون از خانواده‌ی خودتان کمک می‌کنید، از آن‌ها حمایت می‌کنید یا از آن‌ها مراقبت می‌کنید؟",
            "ንኻልኦት ሰባት ካብ ስድራቤትኩም ወጻኢ ትሕግዙ፡ ትድግፉ ወይ ትከናኸኑ ዶ?", "Kendi ailenizin dışındaki insanlara yardım ediyor, destek oluyor veya bakıyor musunuz?",
            "Чи допомагаєте ви іншим людям поза власною сім'єю, чи підтримуєте їх або доглядаєте за ними?"),
            BronParticipatie.MeetmomentNaHuisvesting),
        V("sociaal-netwerk", Participatiedomein.SocialeParticipatie, Antwoordschaal.Eens5, T(
            "Ik ken mensen in mijn woonplaats bij wie ik terecht kan als ik hulp nodig heb.", "I know people where I live whom I can turn to when I need help.",
            "أعرف أشخاصًا في مكان سكني يمكنني اللجوء إليهم عندما أحتاج إلى المساعدة.", "در جایی که زندگی می‌کنم کسانی را می‌شناسم که وقتی به کمک نیاز دارم، می‌توانم به آن‌ها مراجعه کنم.",
            "ኣብ ዝቕመጠሉ ቦታ፡ ሓገዝ ምስ ዘድልየኒ ክቐርቦም ዝኽእል ሰባት እፈልጥ እየ።", "Yaşadığım yerde, yardıma ihtiyacım olduğunda başvurabileceğim insanlar tanıyorum.",
            "Я знаю людей там, де живу, до яких можу звернутися, коли мені потрібна допомога."),
            BronParticipatie.Competenties),

        // Competenties: the self-reported outcomes of 002:L160-164.
        V("competentie-taal", Participatiedomein.Competenties, Antwoordschaal.Eens5, T(
            "Ik kan mij in het dagelijks leven in het Nederlands verstaanbaar maken.", "I can make myself understood in Dutch in daily life.",
            "أستطيع في الحياة اليومية أن أُفهِم الآخرين ما أريد باللغة الهولندية.", "می‌توانم در زندگی روزمره منظورم را به زبان هلندی بفهمانم.",
            "ኣብ መዓልታዊ ህይወት ብቋንቋ ሆላንድ ሓሳበይ ከረድእ እኽእል እየ።", "Günlük hayatta kendimi Hollandaca anlatabiliyorum.",
            "У повсякденному житті я можу порозумітися нідерландською мовою."),
            BronParticipatie.Competenties),
        V("competentie-samenleving", Participatiedomein.Competenties, Antwoordschaal.Eens5, T(
            "Ik weet hoe de Nederlandse samenleving werkt (bijvoorbeeld zorg, school en gemeente).", "I know how Dutch society works (for example healthcare, school and the municipality).",
            "أعرف كيف يعمل المجتمع الهولندي (مثلًا الرعاية الصحية والمدرسة والبلدية).", "می‌دانم جامعه‌ی هلند چگونه کار می‌کند (برای مثال خدمات درمانی، مدرسه و شهرداری).",
            "ሕብረተሰብ ሆላንድ ብኸመይ ከም ዝሰርሕ እፈልጥ እየ (ንኣብነት ክንክን ጥዕና፡ ቤት ትምህርቲ ከምኡ'ውን ምምሕዳር ከተማ)።", "Hollanda toplumunun nasıl işlediğini biliyorum (örneğin sağlık hizmetleri, okul ve belediye).",
            "Я знаю, як влаштоване нідерландське суспільство (наприклад, охорона здоров'я, школа та муніципалітет)."),
            BronParticipatie.Competenties),
        V("competentie-werk-vinden", Participatiedomein.Competenties, Antwoordschaal.Eens5, T(
            "Ik weet hoe ik werk of vrijwilligerswerk kan vinden.", "I know how to find work or volunteer work.",
            "أعرف كيف أجد عملًا أو عملًا تطوعيًا.", "می‌دانم چطور کار یا کار داوطلبانه پیدا کنم.",
            "ስራሕ ወይ ናይ ወለንታ ስራሕ ብኸመይ ከም ዝረክብ እፈልጥ እየ።", "İş veya gönüllü bir iş bulmayı biliyorum.",
            "Я знаю, як знайти роботу або волонтерську діяльність."),
            BronParticipatie.Competenties),
        V("competentie-zelfvertrouwen", Participatiedomein.Competenties, Antwoordschaal.Eens5, T(
            "Ik heb vertrouwen in mijzelf.", "I have confidence in myself.",
            "لديّ ثقة بنفسي.", "به خودم اعتماد دارم.",
            "ኣብ ርእሰይ እምነት ኣሎኒ።", "Kendime güveniyorum.",
            "Я вірю в себе."),
            BronParticipatie.Competenties),

        // Welbevinden: 000:L303-304 (mentaal welbevinden), practice notes §4.4.
        V("welbevinden-tevreden", Participatiedomein.Welbevinden, Antwoordschaal.Eens5, T(
            "Ik ben tevreden met mijn leven op dit moment.", "I am satisfied with my life at the moment.",
            "أشعر بالرضا عن حياتي في الوقت الحالي.", "در حال حاضر از زندگی‌ام راضی هستم.",
            "ኣብዚ እዋን እዚ ብህይወተይ ዕጉብ እየ።", "Şu anda hayatımdan memnunum.",
            "Зараз моє життя мене задовольняє."),
            BronParticipatie.Welbevinden),
        V("welbevinden-goed", Participatiedomein.Welbevinden, Antwoordschaal.Eens5, T(
            "Ik voel mij de laatste tijd meestal goed, lichamelijk en geestelijk.", "Lately I mostly feel well, physically and mentally.",
            "في الفترة الأخيرة أشعر بأنني بخير في أغلب الأوقات، جسديًا ونفسيًا.", "این اواخر بیشتر وقت‌ها از نظر جسمی و روحی حالم خوب است.",
            "ኣብዚ ቀረባ እዋን መብዛሕትኡ ግዜ ብኣካልን ብኣእምሮን ጽቡቕ ይስምዓኒ።", "Son zamanlarda kendimi çoğunlukla bedenen ve ruhen iyi hissediyorum.",
            "Останнім часом я здебільшого почуваюся добре, фізично і психічно."),
            BronParticipatie.Welbevinden),
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

    /// <summary>The domain's name in a portal language (the heading above its questions); Dutch for another language.</summary>
    public static string Omschrijving(this Participatiedomein d, string taal) => taal switch
    {
        "en" => d.OmschrijvingEn(),
        "ar" => d switch
        {
            Participatiedomein.WerkEnOpleiding => "العمل والتعليم",
            Participatiedomein.MaatschappelijkeParticipatie => "المشاركة في المجتمع",
            Participatiedomein.SocialeParticipatie => "العلاقات الاجتماعية",
            Participatiedomein.Competenties => "المهارات",
            _ => "الصحة والرضا",
        },
        "fa" => d switch
        {
            Participatiedomein.WerkEnOpleiding => "کار و تحصیل",
            Participatiedomein.MaatschappelijkeParticipatie => "مشارکت در جامعه",
            Participatiedomein.SocialeParticipatie => "ارتباطات اجتماعی",
            Participatiedomein.Competenties => "مهارت‌ها",
            _ => "سلامت و رضایت",
        },
        "ti" => d switch
        {
            Participatiedomein.WerkEnOpleiding => "ስራሕን ትምህርትን",
            Participatiedomein.MaatschappelijkeParticipatie => "ተሳትፎ ኣብ ሕብረተሰብ",
            Participatiedomein.SocialeParticipatie => "ማሕበራዊ ርክባት",
            Participatiedomein.Competenties => "ክእለታት",
            _ => "ጥዕናን ዕግበትን",
        },
        "tr" => d switch
        {
            Participatiedomein.WerkEnOpleiding => "İş ve eğitim",
            Participatiedomein.MaatschappelijkeParticipatie => "Topluma katılım",
            Participatiedomein.SocialeParticipatie => "Sosyal ilişkiler",
            Participatiedomein.Competenties => "Beceriler",
            _ => "Sağlık ve memnuniyet",
        },
        "uk" => d switch
        {
            Participatiedomein.WerkEnOpleiding => "Робота та навчання",
            Participatiedomein.MaatschappelijkeParticipatie => "Участь у житті суспільства",
            Participatiedomein.SocialeParticipatie => "Соціальні контакти",
            Participatiedomein.Competenties => "Навички",
            _ => "Самопочуття",
        },
        _ => d.Omschrijving(),
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

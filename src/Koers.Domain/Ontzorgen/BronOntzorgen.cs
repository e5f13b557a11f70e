using Koers.Domain.Sources;

namespace Koers.Domain.Ontzorgen;

/// <summary>
/// The sources of the financieel-ontzorgen rules. Seed documents are in shared/seeds; line numbers as `sed -n` counts
/// them (001 = Evaluatie eerste fase Wi2021, 000 = Evaluatie Wet Inburgering Kempen). The statutory six months and the
/// target group are <see cref="Bron.OntzorgenZesMaanden"/> and <see cref="Bron.OntzorgenDoelgroep"/>.
/// </summary>
public static class BronOntzorgen
{
    private const string Evaluatie = "Evaluatie eerste fase Wi2021 (RadarAdvies 2024)";
    private const string Kempen = "Evaluatie Wet Inburgering Kempen 2024";

    public static readonly Citation VasteLasten = new(
        Evaluatie, "regels 1855-1859",
        "Dit ontzorgen houdt in dat de gemeente gedurende die periode de huur, de rekeningen voor gas, water en stroom en de rekening voor de zorgverzekering vanuit de bijstand betaalt.",
        Grondslag: Bron.OntzorgenParticipatiewet);

    public static readonly Citation StartBijIngangBijstand = new(
        Evaluatie, "regels 4501-4503",
        "De start van het financieel ontzorgen valt in alle gemeenten gelijk met de ingang van de bijstandsuitkering.",
        Grondslag: Bron.OntzorgenParticipatiewet);

    public static readonly Citation VerlengenMag = new(
        Evaluatie, "regels 1884-1888",
        "De ontzorging is verplicht (zowel voor gemeente als voor de inburgeraar) gedurende een periode van zes maanden. Daarna kan de gemeente de ontzorging nog verlengen indien dat wenselijk wordt geacht.",
        Grondslag: Wet.OntzorgenVerlengen);

    public static readonly Citation VerlengenWanneer = new(
        Evaluatie, "regels 4699-4709",
        "Een verlenging wordt met name ingezet bij inburgeraars die kwetsbaar zijn of bij wie uit de eerste zes maanden blijkt dat er een aanvullende behoefte aan begeleiding ligt.",
        Grondslag: Wet.OntzorgenVerlengen);

    /// <summary>
    /// The room to deviate from the standard form is not in a statute: Participatiewet art. 56a lid 2 makes ontzorgen
    /// compulsory ("verbindt"), and since April 2023 the minister gives that article a wider reading (Kamerbrief, as
    /// the source reports) pending an amendment. The Grondslag is therefore art. 56a itself, the article read more
    /// widely; it was art. 18 lid 1 (maatwerk in bijstand), which the source does not invoke for this.
    /// </summary>
    public static readonly Citation AfwijkenSinds2023 = new(
        Evaluatie, "regels 1986-1996, 4665-4669",
        "tijdelijk een ruimere uitleg te geven aan het wetsartikel over financieel ontzorgen ... de gemeente blijft verplicht om te ontzorgen, maar de gemeente mag afwijken van de standaard vorm van ontzorgen.",
        Grondslag: Bron.OntzorgenParticipatiewet);

    public static readonly Citation GeenHardeCriteria = new(
        Evaluatie, "regels 4671-4679",
        "Consulenten hebben geen richtlijnen benoemd om te bepalen wie wel ontzorging aangeboden krijgt en wie niet. ... We hebben niet gehoord dat er objectieve of ‘harde’ criteria gebruikt worden om dat te bepalen.",
        Grondslag: Wet.BijstandMaatwerk);

    public static readonly Citation JaTenzij = new(
        Kempen, "regels 1143-1146",
        "Er wordt gewerkt met een ‘ja, tenzij’ benadering, wat wil zeggen dat financieel ontzorgen standaard wordt toegepast, behalve als duidelijk blijkt dat de klant zelfredzaam genoeg is om zelf de vaste lasten te betalen.",
        Grondslag: Wet.BijstandMaatwerk);

    public static readonly Citation NeeTenzij = new(
        Kempen, "regels 1154-1156",
        "De gemeente Oirschot werkt bijvoorbeeld al in de praktijk met ‘nee, tenzij benadering’ vanwege de adviezen van de maatschappelijke partners.",
        Grondslag: Wet.BijstandMaatwerk);

    public static readonly Citation Maatwerk = new(
        Kempen, "regels 1133-1141",
        "Bij de aanvraag van een uitkering wordt bekeken of klanten zelf in staat zijn om (een deel van) de vaste lasten te betalen ... worden dus niet standaard alle rekeningen voor hen betaald.",
        Grondslag: Wet.BijstandMaatwerk);

    public static readonly Citation VerlengingenBladel = new(
        Kempen, "regels 1157-1159",
        "In de gemeente Bladel vinden er meer verlengingen plaats en dit komt vanwege de adviezen van de maatschappelijke partners dat de inburgeraars meer tijd nodig hebben om financieel zelfredzaam te worden.",
        Grondslag: Wet.OntzorgenVerlengen);

    public static readonly Citation Evaluatiemomenten = new(
        Evaluatie, "regels 13147-13157",
        "Na twee of drie maanden is er een evaluatiemoment ... In een eindevaluatie na vijf maanden wordt bepaald of de statushouder zelfredzaam is en kan uitstromen.",
        Grondslag: Bron.OntzorgenParticipatiewet);

    public static readonly Citation Uitstroomgesprek = new(
        Evaluatie, "regels 10759-10765",
        "Na zes maanden vindt een uitstroomgesprek plaats. Tijdens dit gesprek wordt gekeken of de ontzorging kan worden gestopt. In principe stromen mensen na zes maanden uit, dan worden zij gekoppeld aan een budgetcoach.",
        Grondslag: Bron.OntzorgenParticipatiewet);

    public static readonly Citation TrainingVoorEinde = new(
        Evaluatie, "regels 4782-4786",
        "In verschillende gemeenten lukt het niet altijd om de cursus te laten plaatsvinden vóór het einde van de periode van ontzorging. Hierdoor gebeurt het dat inburgeraars uitstromen zonder dat ze veel begeleiding hebben gekregen.",
        Grondslag: Bron.OntzorgenParticipatiewet);

    public static readonly Citation TrainingAanbod = new(
        Kempen, "regels 553-555",
        "De gemeenten Bergeijk en Reusel-De Mierden maken gebruik van het aanbod van de training Eurowijzer van Vluchtelingenwerk.",
        Grondslag: Wet.MaatschappelijkeBegeleiding);

    public static readonly Citation Overgang = new(
        Kempen, "regels 1186-1190",
        "Wanneer het financieel ontzorgen eindigt ... Dit is een cruciaal moment waar duidelijkheid over moet bestaan, goede communicatie over moet zijn en duidelijke afspraken over moeten worden gemaakt.",
        Grondslag: Bron.OntzorgenParticipatiewet);

    public static readonly Citation Schulden = new(
        Evaluatie, "regels 2301-2303, 7636-7642",
        "In redelijk veel gevallen komen zij via vroegsignalering vanuit de gemeente, woningcorporatie of nutsbedrijven alsnog weer binnen bij budgetbeheer op het moment dat er sprake is van wanbetaling.",
        Grondslag: Wet.OntzorgenVerlengen);

    public static readonly Citation EinddatumInDeMaand = new(
        Evaluatie, "regels 8544-8546",
        "Soms valt de einddatum net op een onhandig punt in de maand, wat beter afgestemd zou moeten worden.",
        Grondslag: Bron.OntzorgenParticipatiewet);

    public static readonly Citation Iban = new(
        "ISO 13616-1:2020 (IBAN)", "controlegetal modulus 97-10 (ISO/IEC 7064); lengte per land volgens het SWIFT IBAN-register",
        "Een IBAN is geldig als het getal, na verplaatsing van de eerste vier tekens naar het eind en vervanging van letters door 10..35, bij deling door 97 de rest 1 geeft.");

    public static readonly Citation Sepa = new(
        "ISO 20022 pain.001.001.03 / EPC SEPA Credit Transfer Implementation Guidelines", "CustomerCreditTransferInitiationV03",
        "Eén bestand met een groepskop (MsgId, CreDtTm, NbOfTxs, CtrlSum, InitgPty) en per betaalopdracht de debiteur en per transactie EndToEndId, bedrag in EUR, crediteur, IBAN en omschrijving.");
}

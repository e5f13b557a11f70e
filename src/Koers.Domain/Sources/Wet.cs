namespace Koers.Domain.Sources;

/// <summary>
/// The statute articles the practice rules rest on (their <see cref="Citation.Grondslag"/>). Each quotes the article
/// verbatim from docs/bronnen, where BronTekstTests checks it, so a rule's legal basis can be read and verified without
/// leaving the repository. Kept apart from <see cref="Bron"/> so that the practice citations there, which refer to
/// these, never read a field that is not yet initialised.
/// </summary>
public static class Wet
{
    // The Wet inburgering 2021 took effect on 1 January 2022; the quoted text is the version in docs/bronnen.
    private const string Wi2021 = "Wet inburgering 2021 (BWBR0044770, in werking 1 januari 2022; tekst geldend vanaf 21 oktober 2025)";

    // Articles of the Besluit that docs/bronnen holds in the 2023 text and has compared with it.
    private const string Besluit2023 = "Besluit inburgering 2021 (BWBR0045555), tekst geldend vanaf 1 januari 2023";

    // Articles of the Besluit that docs/bronnen holds only in the newest text, not compared with earlier versions.
    private const string Besluit2026 = "Besluit inburgering 2021 (BWBR0045555), tekst geldend vanaf 2 april 2026";

    private const string Participatiewet = "Participatiewet (BWBR0015703), tekst geldend vanaf 1 juli 2026";

    public static readonly Citation Inburgeringsplichtig = new(
        Wi2021, "art. 3 lid 1",
        "Inburgeringsplichtig is de vreemdeling, die rechtmatig verblijf verkrijgt in de zin van artikel 8, onderdelen a en c, van de Vreemdelingenwet 2000, die 16 jaar of ouder is en de pensioengerechtigde leeftijd, bedoeld in artikel 7a, eerste lid, van de Algemene Ouderdomswet, nog niet heeft bereikt");

    public static readonly Citation Inburgeringsplicht = new(
        Wi2021, "art. 6 lid 1 en 3",
        "De inburgeringsplicht bestaat uit: a. het afronden van het participatieverklaringstraject; b. het afronden van de module Arbeidsmarkt en Participatie; en c. het behalen van het inburgeringsexamen, de onderwijsroute of de zelfredzaamheidsroute. ... Het college biedt het participatieverklaringstraject en de module Arbeidsmarkt en Participatie aan.");

    public static readonly Citation Inburgeringsexamen = new(
        Wi2021, "art. 7 lid 1",
        "Het inburgeringsexamen bestaat uit: a. de examinering van mondelinge en schriftelijke vaardigheden in de Nederlandse taal op ten minste het niveau B1 van het Gemeenschappelijk Europees Referentiekader voor Moderne Vreemde Talen; en b. de examinering van de kennis van de Nederlandse maatschappij.");

    public static readonly Citation Onderwijsroute = new(
        Wi2021, "art. 8 lid 1",
        "De inburgeringsplichtige die tijdens de brede intake aangeeft een opleiding in het beroeps- of hoger onderwijs te willen volgen, volgt het taalschakeltraject indien naar het oordeel van het college een grote kans bestaat dat deze na het volgen van dat traject in staat is om in het genoemde onderwijs een diploma te behalen.");

    public static readonly Citation TermijnVerlenging = new(
        Wi2021, "art. 12 lid 1",
        "Onze Minister verlengt telkens de termijn, bedoeld in artikel 11, eerste lid, als de inburgeringsplichtige aannemelijk maakt dat: a. het overschrijden van die termijn hem niet te verwijten valt; of b. na aanzienlijke inspanningen van de inburgeringsplichtige, verlenging leidt tot het voldoen aan de inburgeringsplicht conform de op grond van artikel 15 vastgestelde leerroute.");

    public static readonly Citation BredeIntake = new(
        Wi2021, "art. 14 lid 3",
        "De brede intake is een onderzoek naar de mogelijkheden die de inburgeringsplichtige heeft om aan de inburgeringsplicht te voldoen. De brede intake bestaat in ieder geval uit: a. een leerbaarheidstoets, ... b. een onderzoek omtrent gevolgd onderwijs en werkervaring in het land van herkomst; c. een verkenning naar de persoonlijke omstandigheden, waaronder mede verstaan wordt de fysieke en mentale gezondheid, met het oog op het bieden van maatwerk tijdens het inburgeringstraject; en d. voor zover van toepassing, een verkenning van de mogelijkheden om het kind van de inburgeringsplichtige deel te laten nemen aan de voorschoolse educatie");

    /// <summary>The test itself (lid 3 onderdeel a) and who takes it and advises the college (lid 5); its questions and cut-off are DUO's.</summary>
    public static readonly Citation Leerbaarheidstoets = new(
        Wi2021, "art. 14 lid 3 onderdeel a en lid 5",
        "een leerbaarheidstoets, waarmee inzicht wordt gegeven in het te behalen niveau van de Nederlandse taal van het Gemeenschappelijk Europees Referentiekader voor Moderne Vreemde talen binnen de termijn, bedoeld in artikel 11, eerste lid; ... De leerbaarheidstoets wordt afgenomen door een of meer bij ministeriële regeling aangewezen instanties, waaronder mede kan worden verstaan het college. Indien een andere instantie dan het college wordt aangewezen, adviseren deze instantie of instanties het college over de vaststelling, bedoeld in artikel 15, eerste lid, onderdeel a.");

    /// <summary>The college sets the leerroute on the basis of the brede intake, which includes the leerbaarheidstoets.</summary>
    public static readonly Citation Leerroute = new(
        Wi2021, "art. 15 lid 1 onderdeel a",
        "Het college stelt op basis van de brede intake vast: a. de door de inburgeringsplichtige te volgen leerroute;");

    /// <summary>Only for asielstatushouders (art. 13 lid 1) does the college set how intensive the leerroute is.</summary>
    public static readonly Citation IntensiteitLeerroute = new(
        Wi2021, "art. 15 lid 2",
        "Het college stelt voor een inburgeringsplichtige als bedoeld in artikel 13, eerste lid, de intensiteit van de leerroute vast.");

    public static readonly Citation Inburgeringsaanbod = new(
        Wi2021, "art. 16 lid 1",
        "Het college biedt de inburgeringsplichtige als bedoeld in artikel 13, eerste lid, tijdig een cursus of opleiding aan waarmee die inburgeringsplichtige aan de op grond van artikel 15 vastgestelde leerroute kan voldoen.");

    /// <summary>
    /// The college sets the ondersteuning en begeleiding so that it keeps sight of progress; how often it sees someone
    /// (a cadence, a renewed contact, a caseload) is left to the college. Rules that are such a choice cite this.
    /// </summary>
    public static readonly Citation Begeleiding = new(
        Wi2021, "art. 17 lid 1",
        "De vaststelling van de ondersteuning en begeleiding, bedoeld in artikel 15, eerste lid, onderdeel b, is zodanig dat het college voldoende zicht heeft op de voortgang van het voldoen aan de inburgeringsplicht door de inburgeringsplichtige.");

    public static readonly Citation A2Examinering = new(
        Wi2021, "art. 17 lid 3",
        "Wanneer, na aanzienlijke inspanningen van de inburgeringsplichtige die de leerroute, bedoeld in artikel 7 volgt, uit de relevante feiten en omstandigheden blijkt dat deze inburgeringsplichtige niet in staat is het niveau B1 van het Gemeenschappelijk Europees Referentiekader voor Moderne Vreemde Talen te behalen ... kan het college bepalen dat de mondelinge en schriftelijke vaardigheden in de Nederlandse taal, in afwijking van artikel 7, eerste lid, onderdeel a, geheel of gedeeltelijk op het niveau A2 worden geëxamineerd.");

    public static readonly Citation Lening = new(
        Wi2021, "art. 19 en 20 lid 1",
        "Dit hoofdstuk is van toepassing op de inburgeringsplichtige die verblijf heeft op grond van een verblijfsvergunning regulier voor bepaalde tijd, met uitzondering van een inburgeringsplichtige als bedoeld in artikel 13, eerste lid, onderdeel b. ... Onze Minister verstrekt op aanvraag aan de inburgeringsplichtige die voldoet aan de bij of krachtens algemene maatregel van bestuur gestelde voorwaarden een lening voor de kosten van de cursus, de opleiding of het examen waarmee de inburgeringsplichtige aan de op grond van artikel 15 vastgestelde leerroute kan voldoen.");

    public static readonly Citation BoeteBredeIntake = new(
        Wi2021, "art. 22 lid 1",
        "Het college legt een bestuurlijke boete op aan de inburgeringsplichtige als deze niet is verschenen binnen de in artikel 14, eerste lid, tweede zin, bedoelde termijn of als deze onvoldoende meewerkt aan de brede intake, waaronder het afleggen van de leerbaarheidstoets, bedoeld in artikel 14, derde lid, onderdeel a.");

    public static readonly Citation Boete = new(
        Wi2021, "art. 23 lid 1",
        "Het college legt een boete op aan de inburgeringsplichtige als die niet of onvoldoende meewerkt aan de geboden ondersteuning en begeleiding, bedoeld in artikel 15, eerste lid, onderdeel b,");

    /// <summary>
    /// The highest boete the college may impose: € 800 (art. 23), € 250 for the brede intake (art. 22); the amounts
    /// themselves are in Besluit art. 7.1 (<see cref="BoeteBedrag"/>, applied by Handhaving.Boeteberekening).
    /// </summary>
    public static readonly Citation BoeteMaximum = new(
        Wi2021, "art. 26 lid 1 onder a en c",
        "De bestuurlijke boetes, bedoeld in de artikelen 22, 23, 24 en 25, zijn niet hoger dan: a. € 250 voor de boetes, bedoeld in artikel 22; ... c. € 800 voor de boetes, bedoeld in artikel 23;");

    public static readonly Citation Uitkering = new(
        Wi2021, "art. 40 lid 1 en 4",
        "Onze Minister verstrekt jaarlijks ten laste van ’s Rijks kas aan het college een uitkering voor de kosten van voorzieningen, niet zijnde uitvoeringskosten, die bijdragen aan het voldoen aan de inburgeringsplicht. ... Bij of krachtens algemene maatregel van bestuur worden regels gesteld over de verdeling van de uitkering onder de gemeenten");

    /// <summary>
    /// The uitkering is a yearly one for a calendar year, and the college accounts for it in the verantwoordingsinformatie
    /// of art. 17a Financiële-verhoudingswet (the SiSa annex of the jaarrekening): costs are accounted per calendar year.
    /// </summary>
    public static readonly Citation UitkeringPerKalenderjaar = new(
        Wi2021, "art. 40 lid 1, 3 en 5",
        "Onze Minister verstrekt jaarlijks ten laste van ’s Rijks kas aan het college een uitkering voor de kosten van voorzieningen, niet zijnde uitvoeringskosten, die bijdragen aan het voldoen aan de inburgeringsplicht. ... De uitkering aan het college wordt ten minste drie maanden voorafgaand aan het kalenderjaar waarop zij betrekking heeft bekend gemaakt door Onze Minister. ... Het college verstrekt de gegevens voor de verdeling van de uitkering als onderdeel van de verantwoordingsinformatie, bedoeld in artikel 17a van de Financiële-verhoudingswet.");

    public static readonly Citation Overgangsrecht = new(
        Wi2021, "art. 54 lid 1",
        "De Wet inburgering wordt ingetrokken, met dien verstande dat zij van toepassing blijft op de personen op wie deze wet van toepassing was op de dag voorafgaand aan de inwerkingtreding van deze wet.");

    public static readonly Citation Huisvestingstaakstelling = new(
        Besluit2026, "art. 1.1 (landelijke halfjaarlijkse huisvestingstaakstelling)",
        "landelijke halfjaarlijkse huisvestingstaakstelling: het door Onze Minister van Justitie en Veiligheid in de Staatscourant bekendgemaakte totale aantal vergunninghouders in wier huisvesting in het daarbij aangegeven kalenderhalfjaar naar verwachting voorzien zal moeten worden");

    public static readonly Citation PvtUren = new(
        Besluit2026, "art. 3.1 lid 3",
        "Het participatieverklaringstraject omvat ten minste 12 uren.");

    /// <summary>The themes of the MAP; the Besluit leaves its hours to a ministeriële regeling, so a municipality's hours are its own choice within that.</summary>
    public static readonly Citation Map = new(
        Besluit2026, "art. 3.2 lid 1 en 4",
        "De inburgeringsplichtige neemt in het kader van de module Arbeidsmarkt en Participatie deel aan activiteiten die erop zijn gericht zijn kennis en vaardigheden te vergroten ... Bij ministeriële regeling kunnen nadere regels worden gesteld met betrekking tot de onderdelen, bedoeld in het eerste en tweede lid, waaronder een urennorm.");

    public static readonly Citation ZRoute = new(
        Besluit2026, "art. 3.14 lid 2 en 3",
        "De zelfredzaamheidsroute bestaat voor asielstatushouders uit de volgende onderdelen: a. in totaal 800 cursusuren gevolgd bij een cursusinstelling ... b. in totaal 800 uren besteed aan activiteiten gericht op zelfredzaamheid, activering en participatie in de Nederlandse maatschappij ... c. een eindgesprek met het college. ... Het tweede lid, onderdeel a en c, zijn van toepassing op gezinsmigranten en overige migranten.");

    public static readonly Citation ZRouteA2 = new(
        Besluit2026, "art. 3.14 lid 7",
        "Indien de inburgeringsplichtige een of meerdere van de examenonderdelen, genoemd in artikel 3.3, aanhef en onderdeel a tot en met d, op het niveau A2, of het examenonderdeel, genoemd in artikel 3.4, wenst af te leggen en het college de inburgeringsplichtige daartoe in staat acht, legt het college dit vast in het persoonlijk plan inburgering en participatie.");

    public static readonly Citation MaatschappelijkeBegeleiding = new(
        Besluit2023, "art. 5.1",
        "b. voorlichting over basisvoorzieningen in de Nederlandse samenleving: voorlichting over basisvoorzieningen en thema’s zoals wonen, inkomen, werk, zorg, onderwijs, opvoeding en kennismaking met maatschappelijke organisaties.");

    /// <summary>The college sets the number of voortgangsgesprekken in the PIP; the law names no cadence.</summary>
    public static readonly Citation Voortgangsgesprekken = new(
        Besluit2023, "art. 5.3 lid 4",
        "Het college legt het aantal te voeren voortgangsgesprekken met de inburgeringsplichtige vast in het persoonlijk plan inburgering en participatie.");

    /// <summary>What is done before the PIP does not count towards the plicht, so an offer or a module dated before it cannot either.</summary>
    public static readonly Citation InspanningenVoorPip = new(
        Besluit2023, "art. 5.3 lid 5",
        "Inspanningen die een inburgeringsplichtige heeft verricht voorafgaand aan het vaststellen van het persoonlijk plan inburgering en participatie, wegen niet mee voor het voldoen aan de inburgeringsplicht, tenzij uitdrukkelijk anders is bepaald.");

    public static readonly Citation PipAanpassen = new(
        Besluit2023, "art. 5.3 lid 6",
        "Indien het college de leerroute van de inburgeringsplichtige ingevolge artikel 17, tweede lid, van de wet, opnieuw vaststelt, of ingevolge artikel 17, derde lid, van de wet besluit dat de mondelinge en schriftelijke vaardigheden in de Nederlandse taal, in afwijking van artikel 7, eerste lid, onderdeel a, van de wet geheel of gedeeltelijk op het niveau A2 worden geëxamineerd, past het college het persoonlijk plan inburgering en participatie conform deze wijziging aan.");

    public static readonly Citation BoeteOmstandigheden = new(
        Besluit2026, "art. 7.1 lid 6",
        "Indien het college op de hoogte is van bijzondere omstandigheden, wordt bij het opleggen van de bestuurlijke boete daarmee rekening gehouden.");

    /// <summary>The amount of a boete for the brede intake (Wi2021 art. 22): one amount, no raise or culpability steps.</summary>
    public static readonly Citation BoeteBedragBredeIntake = new(
        Besluit2026, "art. 7.1 lid 1",
        "De bestuurlijke boete, bedoeld in artikel 22 van de wet, bedraagt € 250.");

    /// <summary>The amount of a boete under Wi2021 art. 23: € 50, doubled for each repeat within twelve months up to € 800.</summary>
    public static readonly Citation BoeteBedrag = new(
        Besluit2026, "art. 7.1 lid 2 en 3",
        "De bestuurlijke boete, bedoeld in artikel 23 van de wet, bedraagt € 50. ... De boete, bedoeld in het tweede lid, wordt steeds met 100 procent van het boetebedrag verhoogd tot een bedrag van ten hoogste € 800, indien binnen een tijdvak van twaalf maanden voorafgaand aan de dag van constatering van de overtreding een eerdere overtreding, bestaande uit het niet naleven van het bepaalde in artikel 23 van de wet is geconstateerd, en de bestuurlijke boete wegens de eerdere overtreding onherroepelijk is geworden.");

    /// <summary>The culpability steps for the art. 23 boete.</summary>
    public static readonly Citation BoeteVerwijtbaarheid = new(
        Besluit2026, "art. 7.1 lid 4",
        "Bij het opleggen van de boete, bedoeld in het tweede lid, worden de volgende uitgangspunten in acht genomen: a. indien er sprake is van opzet, wordt de bestuurlijke boete vastgesteld op 100 procent; b. indien er sprake is van grove schuld, wordt de boete vastgesteld op 75 procent; c. indien er geen sprake is van opzet of grove schuld wordt de bestuurlijke boete vastgesteld op 50 procent; d. indien er sprake is van verminderde verwijtbaarheid wordt de bestuurlijke boete vastgesteld op 25 procent.");

    /// <summary>All boetes of the college together during the inburgeringstermijn (the lower totals for a new termijn are not modelled).</summary>
    public static readonly Citation BoeteTotaal = new(
        Besluit2026, "art. 7.1 lid 5",
        "Het totaal aan opgelegde boetes, bedoeld in het eerste en tweede lid, beloopt gedurende de termijn, genoemd in artikel 11, eerste lid, van de wet, of de op grond van artikel 12 van de wet verlengde termijn, ten hoogste € 2.400");

    /// <summary>The uitkering follows the cohort of the year of housing and, with a weight, the trajectories completed with a diploma or certificate.</summary>
    public static readonly Citation Uitkeringsverdeling = new(
        Besluit2026, "art. 10.1 lid 4 onderdeel e en f",
        "e. Cohort het jaar aangeeft waarin de asielstatushouders in een Nederlandse gemeente zijn gehuisvest; f. AIA staat voor het aantal met een inburgeringsdiploma of inburgeringscertificaat afgeronde inburgeringstrajecten van asielstatushouders in het aangegeven jaar t-2 in de gemeente");

    public static readonly Citation Reservering = new(
        Besluit2026, "art. 10.5 lid 1",
        "Indien in een kalenderjaar de uitkering, bedoeld in artikel 40, eerste lid, van de wet, niet volledig is besteed, kan het college het niet bestede bedrag reserveren tot een maximum van de reserveringsruimte voor besteding aan inburgeringsvoorzieningen in het daaropvolgende kalenderjaar.");

    /// <summary>
    /// What the Wabb asks of a user of the BSN: make sure it belongs to the person. The Wabb has no elfproef; Koers's
    /// elfproef (<see cref="Bron.Bsn11Proef"/>) is a typing check on the way to this, not a statutory rule.
    /// </summary>
    public static readonly Citation BsnVergewissen = new(
        "Wet algemene bepalingen burgerservicenummer (BWBR0022428), tekst geldend vanaf 11 november 2025", "art. 1 onder b en art. 12",
        "burgerservicenummer: het als zodanig overeenkomstig deze wet aan een natuurlijke persoon toegekend nummer; ... Indien bij het verwerken van persoonsgegevens een burgerservicenummer wordt gebruikt, vergewist de gebruiker zich ervan dat het burgerservicenummer betrekking heeft op de persoon wiens persoonsgegevens hij verwerkt.");

    /// <summary>Maatwerk in bijstand and its obligations: the basis for deciding per person whether and how to ontzorgen.</summary>
    public static readonly Citation BijstandMaatwerk = new(
        Participatiewet, "art. 18 lid 1",
        "Het college stemt de bijstand en de daaraan verbonden verplichtingen af op de omstandigheden, mogelijkheden en middelen van de belanghebbende.");

    /// <summary>Bijzondere bijstand, of which the inrichtingskrediet is a form; how it is granted is the municipality's own regeling.</summary>
    public static readonly Citation BijzondereBijstand = new(
        Participatiewet, "art. 35 lid 1",
        "Onverminderd paragraaf 2.2, heeft de alleenstaande of het gezin recht op bijzondere bijstand voor zover de alleenstaande of het gezin niet beschikt over de middelen om te voorzien in de uit bijzondere omstandigheden voortvloeiende noodzakelijke kosten van het bestaan");

    /// <summary>Ontzorgen beyond the statutory six months: payments by the college while someone cannot yet manage alone.</summary>
    public static readonly Citation OntzorgenVerlengen = new(
        Participatiewet, "art. 57",
        "Indien en zolang er gegronde redenen zijn om aan te nemen dat de belanghebbende zonder hulp niet in staat is tot een verantwoorde besteding van zijn bestaansmiddelen, kan het college: a. aan de bijstand de verplichting verbinden dat de belanghebbende eraan meewerkt dat het college in naam van de belanghebbende noodzakelijke betalingen uit de toegekende bijstand verricht;");
}

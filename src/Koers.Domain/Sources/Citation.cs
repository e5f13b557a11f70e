namespace Koers.Domain.Sources;

/// <summary>
/// Where a rule comes from: a law article or a source document with line numbers.
/// Every rule in Koers carries one so a klantregisseur (or a bezwaarcommissie) can check it.
/// </summary>
/// <param name="Source">The document: a statute with its BWB number and the date its cited text applies from, or a practice document.</param>
/// <param name="Reference">Article and lid for a statute; line numbers for a practice document.</param>
/// <param name="Quote">The passage the rule relies on, verbatim (words may be left out with "...").</param>
/// <param name="Grondslag">
/// For a practice (or interface) citation: the statute article the rule rests on, itself a statute citation (see
/// <see cref="Wet"/>). The statute comes first because a decision can only rest on the law; the practice document says
/// how municipalities carry it out. Null for a statute citation and for the few practice rules no law stands behind.
/// </param>
public sealed partial record Citation(string Source, string Reference, string? Quote = null, Citation? Grondslag = null)
{
    /// <summary>The statute first, then the practice source: "Wet inburgering 2021 (...), art. 17 lid 1; praktijk: Evaluatie ..., regels ...".</summary>
    public override string ToString() =>
        Grondslag is { } wet ? $"{wet}; praktijk: {Source}, {Reference}" : $"{Source}, {Reference}";

    /// <summary>The BWB number of a statute citation (e.g. BWBR0044770), or null for any other source.</summary>
    public string? Bwb => BwbRegex().Match(Source) is { Success: true } m ? m.Value : null;

    /// <summary>
    /// The official text on wetten.overheid.nl, derived from the BWB number, the date in <see cref="Source"/> ("in werking
    /// 1 januari 2022", "geldend vanaf ...") and the first article of <see cref="Reference"/>; null without a BWB number.
    /// The date opens the version that applied then, so the link shows the text the rule was written against.
    /// </summary>
    public Uri? Link
    {
        get
        {
            if (Bwb is not { } bwb) return null;
            var pad = bwb;
            // The version of the quoted text ("tekst geldend vanaf") if named, else the date the statute took effect.
            var datum = TekstDatumRegex().Match(Source) is { Success: true } tekst ? tekst : InWerkingRegex().Match(Source);
            if (datum is { Success: true } d && Array.IndexOf(Maanden, d.Groups[2].Value) is var maand and >= 0)
            {
                pad += FormattableString.Invariant($"/{int.Parse(d.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture):D4}-{maand + 1:D2}-{int.Parse(d.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture):D2}");
            }

            // wetten.overheid.nl anchors an article as #Artikel11 or #Artikel5.3; an Awb article (3:46) has a longer anchor, so none.
            if (ArtikelRegex().Match(Reference) is { Success: true } a && !a.Groups[1].Value.Contains(':', StringComparison.Ordinal)) pad += "#Artikel" + a.Groups[1].Value;
            return new Uri("https://wetten.overheid.nl/" + pad);
        }
    }

    private static readonly string[] Maanden =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    [System.Text.RegularExpressions.GeneratedRegex(@"BWBR\d{7}")]
    private static partial System.Text.RegularExpressions.Regex BwbRegex();

    [System.Text.RegularExpressions.GeneratedRegex(@"geldend van(?:af)?\s+(\d{1,2})\s+([a-z]+)\s+(\d{4})")]
    private static partial System.Text.RegularExpressions.Regex TekstDatumRegex();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:in werking|per)\s+(\d{1,2})\s+([a-z]+)\s+(\d{4})")]
    private static partial System.Text.RegularExpressions.Regex InWerkingRegex();

    [System.Text.RegularExpressions.GeneratedRegex(@"\bart\.\s*(\d+(?:[.:]\d+)?[a-z]?)")]
    private static partial System.Text.RegularExpressions.Regex ArtikelRegex();
}

/// <summary>
/// The sources the rules cite. Seed documents are in shared/seeds; line numbers as `sed -n` counts them.
/// </summary>
public static class Bron
{
    private const string Evaluatie = "Evaluatie eerste fase Wi2021 (RadarAdvies 2024)";
    private const string Kempen = "Evaluatie Wet Inburgering Kempen 2024";
    private const string Dongemond = "Beleidskader Wet inburgering Dongemond";

    // The statute citations first: the practice citations below name them as their Grondslag, and a static field
    // read before its own initialiser has run would be null.
    /// <summary>The statute itself for the inburgeringstermijn; <see cref="TermijnDrieJaar"/> is the practice source.</summary>
    public static readonly Citation InburgeringstermijnWet = new(
        "Wet inburgering 2021 (BWBR0044770, in werking 1 januari 2022)", "art. 11 lid 1 en 2",
        "1 De inburgeringsplichtige voldoet binnen drie jaar aan de inburgeringsplicht. 2 De termijn vangt aan op de dag na die van dagtekening van het persoonlijk plan inburgering en participatie, bedoeld in artikel 15, derde lid.");

    /// <summary>
    /// The statute of financieel ontzorgen: Participatiewet art. 56a (inserted by the Wet inburgering 2021, in force
    /// 1 January 2022), with art. 57 for ontzorgen beyond the period and art. 18 for not cooperating. Text in
    /// docs/bronnen/BWBR0015703.md.
    /// </summary>
    public static readonly Citation OntzorgenParticipatiewet = new(
        "Participatiewet (BWBR0015703), zoals gewijzigd bij de Wet inburgering 2021 per 1 januari 2022", "art. 56a lid 1 en 2 (verlenging: art. 57; niet meewerken: art. 18)",
        "Dit artikel is van toepassing op de belanghebbende die: a. inburgeringsplichtig is op grond van de Wet inburgering 2021; en b. verblijf heeft op grond van een verblijfsvergunning asiel voor bepaalde tijd ... Het college verbindt aan de bijstand van de belanghebbende de verplichting om gedurende een periode van zes maanden, gerekend vanaf de dag waarop het recht op bijstand ontstaat, mee te werken aan het door het college in naam van de belanghebbende verrichten van betalingen uit de toegekende bijstand van huur, gas, water en stroom en de verplichte zorgverzekering.");

    /// <summary>The 10-week PIP term as the Besluit set it in 2022: from the BRP registration.</summary>
    public static readonly Citation PipTermijnBesluit2022 = new(
        "Besluit inburgering 2021 (BWBR0045555), tekst geldend van 1 januari 2022 tot en met 31 december 2022", "art. 5.3 lid 1",
        "Het college stelt het persoonlijk plan inburgering en participatie vast binnen uiterlijk 10 weken na de dag waarop de inburgeringsplichtige in de basisregistratie personen is ingeschreven, met dien verstande dat als hij rechtmatig verblijf heeft op grond van een verblijfsvergunning asiel voor bepaalde tijd, het gaat om de inschrijving in de gemeente waar hij op grond van artikel 28 van de Huisvestingswet 2014 is gehuisvest.");

    /// <summary>The 10-week PIP term from 1 January 2023: from DUO's notice, or the later BRP registration in the housing municipality.</summary>
    public static readonly Citation PipTermijnBesluit = new(
        "Besluit inburgering 2021 (BWBR0045555), tekst geldend vanaf 1 januari 2023", "art. 5.3 lid 1",
        "Het college stelt het persoonlijk plan inburgering en participatie vast uiterlijk 10 weken na de dag waarop Onze Minister de inburgeringsplichtige schriftelijk in kennis heeft gesteld van de inburgeringsplicht. Indien de inburgeringsplichtige op de datum van deze kennisgeving nog niet is ingeschreven in de gemeente waar hij op grond van artikel 28 van de Huisvestingswet 2014 wordt gehuisvest, stelt het college het plan vast uiterlijk 10 weken na de dag waarop de inburgeringsplichtige in de basisregistratie personen is ingeschreven in de gemeente waar hij op grond van artikel 28 van de Huisvestingswet 2014 is gehuisvest.");

    /// <summary>
    /// The one ground to go past the 10-week term (text from 1 January 2023; the 2022 text has no such lid): waiting for
    /// a third party's information without which the PIP cannot reasonably be set; then two weeks after receiving it.
    /// </summary>
    public static readonly Citation PipTermijnInformatieDerde = new(
        "Besluit inburgering 2021 (BWBR0045555), tekst geldend vanaf 1 januari 2023", "art. 5.3 lid 2",
        "Het college kan afwijken van de termijn, bedoeld in het eerste lid, uitsluitend indien het redelijkerwijs niet mogelijk is om het persoonlijk plan inburgering en participatie binnen deze termijn vast te stellen zonder informatie van een derde, van welke informatie het college in afwachting is. Uiterlijk twee weken na ontvangst van deze informatie stelt het college het plan alsnog vast.");

    /// <summary>
    /// The articles of the PIP decision itself: art. 14 (brede intake), 15 (what the college sets, which together is the
    /// PIP) and 16 (the offer of a course); text in docs/bronnen/BWBR0044770.md. Practice: <see cref="PipIsBeschikking"/>.
    /// </summary>
    public static readonly Citation PipVaststellingGrondslag = new(
        "Wet inburgering 2021 (BWBR0044770, in werking 1 januari 2022)", "art. 14, 15 en 16 (Evaluatie regels 1796, 1843-1849)",
        "Het college stelt op basis van de brede intake vast: a. de door de inburgeringsplichtige te volgen leerroute; b. de daarvoor nodige ondersteuning en begeleiding; ... wat tezamen het persoonlijk plan inburgering en participatie vormt.");

    public static readonly Citation PipBinnenTienWeken = new(
        Evaluatie, "regels 1835-1837",
        "Het PIP moet binnen tien weken na inschrijving in de Basis Registratie Personen (BRP), dus na vestiging in de gemeente, zijn vastgesteld.",
        Grondslag: PipTermijnBesluit);

    public static readonly Citation TermijnDrieJaar = new(
        Evaluatie, "regels 348-350, 4940-4942",
        "Na het vaststellen van het PIP gaat immers de inburgeringstermijn van drie jaar in.",
        Grondslag: InburgeringstermijnWet);

    public static readonly Citation TermijnVerlengingDoorDuo = new(
        Evaluatie, "regels 9783-9785",
        "helpt het dat de termijn verlengd kan worden door DUO",
        Grondslag: Wet.TermijnVerlenging);

    public static readonly Citation OntzorgenZesMaanden = new(
        Evaluatie, "regels 1853-1855, 1884-1888",
        "bijstandsgerechtigde inburgeraars in de eerste zes maanden nadat het recht op bijstand ingaat financieel te ontzorgen",
        Grondslag: OntzorgenParticipatiewet);

    public static readonly Citation OntzorgenDoelgroep = new(
        Evaluatie, "regels 1950-1957",
        "gezinsmigranten geen recht op maatschappelijke begeleiding, financiële ontzorging en financiering van het taalonderwijs",
        Grondslag: OntzorgenParticipatiewet);

    /// <summary>
    /// The three-month cadence is Kempen's choice: the source calls it "wettelijk voorgeschreven", but no statute sets a
    /// cadence. Besluit inburgering 2021 art. 5.3 lid 4 only makes the college set the number of voortgangsgesprekken in
    /// the PIP (<see cref="Wet.Voortgangsgesprekken"/>, the Grondslag); three months is Koers's default for that choice
    /// (ClockSettings.VoortgangsgesprekIntervalMaanden, per municipality).
    /// </summary>
    public static readonly Citation VoortgangsgesprekCadans = new(
        Kempen, "regels 345-346",
        // The words left out, "zoals wettelijk voorgeschreven", are the source's and wrong (see the summary): Koers
        // shows this quote as the basis of its default and must not repeat that claim.
        "De overleggen ... (een cadans van 3 maanden) worden gevoerd.",
        Grondslag: Wet.Voortgangsgesprekken);

    /// <summary>A municipal choice: no statute sets a recontact interval; Wi2021 art. 17 lid 1 leaves the begeleiding to the college.</summary>
    public static readonly Citation HercontactNietStartklaar = new(
        Kempen, "regels 185-186",
        "Wanneer iemand niet gemotiveerd is, neemt KempenPlus gemiddeld om de 2 à 3 maanden opnieuw contact op",
        Grondslag: Wet.Begeleiding);

    /// <summary>Verbatim from docs/bronnen (the earlier quote joined 6:7 and 6:8 into one sentence the Awb does not have).</summary>
    public static readonly Citation BezwaarZesWeken = new(
        "Algemene wet bestuursrecht (BWBR0005537, tekst geldend vanaf 1 juli 2026)", "art. 6:7 en 6:8 lid 1",
        "De termijn voor het indienen van een bezwaar- of beroepschrift bedraagt zes weken. ... De termijn vangt aan met ingang van de dag na die waarop het besluit op de voorgeschreven wijze is bekendgemaakt.");

    public static readonly Citation AlgemeneTermijnenwet = new(
        "Algemene termijnenwet (BWBR0002448, tekst geldend vanaf 10 oktober 2010)", "art. 1 lid 1 en art. 3",
        "Een in een wet gestelde termijn die op een zaterdag, zondag of algemeen erkende feestdag eindigt, wordt verlengd tot en met de eerstvolgende dag die niet een zaterdag, zondag of algemeen erkende feestdag is.");

    /// <summary>
    /// Why the Atw reaches a term set in the Besluit inburgering 2021 (an AMvB): art. 5, with art. 4 onderdeel a for
    /// the terms it leaves out. The Besluit says nothing otherwise (its full text has no mention of the Atw).
    /// </summary>
    public static readonly Citation TermijnenwetAmvb = new(
        "Algemene termijnenwet (BWBR0002448, tekst geldend vanaf 10 oktober 2010)", "art. 1 lid 1, art. 4 onderdeel a en art. 5",
        "Op in een algemene maatregel van bestuur gestelde termijnen zijn de artikelen 1-4 van overeenkomstige toepassing, tenzij bij algemene maatregel van bestuur iets anders is bepaald.");

    public static readonly Citation PipIsBeschikking = new(
        Evaluatie, "regels 1843-1849",
        "Het PIP heeft de vorm van een beschikking.",
        Grondslag: PipVaststellingGrondslag);

    public static readonly Citation ZRouteUren = new(
        Evaluatie, "regels 1925-1928",
        "Binnen deze route moeten inburgeraars 800 uur aan taallessen volgen en 800 uur besteden aan het onderdeel participatie.",
        Grondslag: Wet.ZRoute);

    /// <summary>The hours are Kempen's: the Besluit (art. 3.2 lid 4) leaves a MAP urennorm to a ministeriële regeling, which sets none we cite.</summary>
    public static readonly Citation MapUren = new(
        Kempen, "regels 683, 692",
        "De MAP bestaat uit een praktijkelement van minimaal 40 uur en een theoretisch element ... De MAP omvat nu 108 uren",
        Grondslag: Wet.Map);

    public static readonly Citation PvtUren = new(
        Dongemond, "regels 975-978",
        "Het verzorgen van het participatieverklaringstraject (PVT) ... blijft onder de nieuwe Wet Inburgering een verplicht onderdeel ... Het PVT bestaat uit de volgende onderdelen en bedraagt minimaal 12 uur",
        Grondslag: Wet.PvtUren);

    public static readonly Citation MapPvtGezinsmigranten = new(
        Evaluatie, "regels 1963-1964",
        "Gezinsmigranten zijn verplicht deel te nemen aan de MAP en PVT.",
        Grondslag: Wet.Inburgeringsplicht);

    public static readonly Citation Ondertussengroep = new(
        Kempen, "regels 139-140",
        "Einde Lening InburgeringsPlicht, ook wel ondertussengroep genoemd. Zij vallen nog onder de oude Wet Inburgering",
        Grondslag: Wet.Overgangsrecht);

    public static readonly Citation LeeftijdInburgeringsplicht = new(
        "Beleidsplan statushouders Weert 2023-2025", "regels 72-73",
        "Inburgering is volgens de Wet inburgering verplicht voor iedereen van 16 jaar tot de AOW-leeftijd",
        Grondslag: Wet.Inburgeringsplichtig);

    /// <summary>
    /// The elfproef is not in a statute: the Wet algemene bepalingen burgerservicenummer (docs/bronnen/BWBR0022428.md)
    /// defines the BSN only as the number assigned under it (art. 1 onder b) and has no check digit. (The earlier quote,
    /// "Een burgerservicenummer bestaat uit negen cijfers en voldoet aan de elfproef", is in no version of that law.)
    /// The check is the technical specification of the numbers RvIG's beheervoorziening issues (Wabb art. 3 lid 1
    /// onder a); Koers uses it to catch a mistyped number, as a first step of what art. 12 asks: that the BSN is the
    /// person's. No quote: the specification's text is not in the repository, so none is claimed.
    /// </summary>
    public static readonly Citation Bsn11Proef = new(
        "RvIG, technische specificatie van het burgerservicenummer (Logisch Ontwerp BRP)",
        "elfproef: 9·d1 + 8·d2 + 7·d3 + 6·d4 + 5·d5 + 4·d6 + 3·d7 + 2·d8 − 1·d9 is deelbaar door 11",
        Grondslag: Wet.BsnVergewissen);

    // Brede intake, leerbaarheidstoets and PIP (seed 001; DUO M2M rules: duonl/gemeente-m2m-inburgering README).
    private const string DuoPip = "DUO M2M-koppelvlak PIP (duonl/gemeente-m2m-inburgering)";
    private const string DuoPipRegels = "API/PIP validatieregels";

    public static readonly Citation BredeIntakeVerplicht = new(
        Evaluatie, "regels 1716, 1733-1747 (Wi2021 art. 14 lid 3; Besluit inburgering 2021 art. 5.2)",
        "De brede intake is verplicht voor elke inburgeraar. ... De onderwerpen die volgens de Wet inburgering in ieder geval aan bod dienen te komen bij de brede intake zijn: gevolgd onderwijs en werkervaring in land van herkomst, persoonlijke omstandigheden waaronder de fysieke en mentale gezondheid van de inburgeraar, en indien relevant een verkenning van mogelijkheden om kind(eren) van de inburgeraar deel te laten namen aan voorschoolse educatie. Daarnaast ligt het in de rede dat er ook wordt geïnformeerd naar gezinssituatie en het sociale netwerk in Nederland. Het besluit inburgering voegt hier nog drie onderwerpen aan toe: taalniveau, de mogelijkheden tot arbeidsparticipatie en de zelfredzaamheid.",
        Grondslag: Wet.BredeIntake);

    public static readonly Citation VoorschoolseEducatie = new(
        Evaluatie, "regels 3508-3512",
        "Voorschoolse educatie houdt in dat jonge kinderen (tussen de 2,5 en 4 jaar oud) van inburgeraars voor een aantal uur per week naar een voorschool kunnen. Vroegschoolse educatie is extra educatie voor kleuters (groep 1 en 2) die daar een indicatie voor hebben.",
        Grondslag: Wet.BredeIntake);

    public static readonly Citation LbtVoorIedereen = new(
        Evaluatie, "regels 227-229",
        "Een onderdeel van de brede intake is de leerbaarheidstoets. Gemeenten zijn verplicht om deze voor alle inburgeraars af te nemen.",
        Grondslag: Wet.Leerbaarheidstoets);

    public static readonly Citation LbtVeertigVragen = new(
        Evaluatie, "regels 229-233",
        "De leerbaarheidstoets is een digitale toets, bestaande uit veertig vragen, die antwoord geeft op de vraag: kan deze inburgeraar naar verwachting binnen drie jaar de B1-route succesvol afleggen?",
        Grondslag: Wet.Leerbaarheidstoets);

    public static readonly Citation LbtCesuur = new(
        Evaluatie, "regels 2031-2033, 4090-4094 (cesuur 28 sinds 12 april 2023: Divosa, maatregelen leerbaarheidstoets)",
        "voorheen kreeg men het oordeel ‘haalbaar’ als men 31 van de 40 vragen goed had; dit werd naar beneden bijgesteld naar 28 van de 40",
        Grondslag: Wet.Leerbaarheidstoets);

    public static readonly Citation LbtConformOfAfwijkend = new(
        Evaluatie, "regels 6920-6926, 4136-4140",
        "wanneer iemand tussen 0-27 punten scoort op de LBT scoort en toch in de B1-route of de O-route wordt ingedeeld, dan is deze indeling ‘in tegenstelling tot de uitslag van de LBT’. En als iemand tussen 0-27 punten scoort en in de Z-route wordt ingedeeld, dan is dit ‘conform de uitslag van de LBT’.",
        Grondslag: Wet.Leerroute);

    public static readonly Citation LbtScoreBanden = new(
        Evaluatie, "regels 4068-4084 (tabel 1, bron DUO), 6927-6928 (voetnoot 72)",
        "Score ... Nog niet bekend ... <20 ... 20-27 ... 28-30 ... >30 ... Deze inburgeraars hebben wel al een LBT gemaakt maar nog geen leeroute toegewezen gekregen",
        Grondslag: Wet.Leerbaarheidstoets);

    public static readonly Citation DuoLbtResultaat = new(
        "DUO M2M-koppelvlak Leerbaarheidstoets (duonl/gemeente-m2m-inburgering)", "API/Leerbaarheidstoets openapi.yml, Resultaat",
        "benodigdeScore: De grenswaarde vanaf waar de B1 route mogelijk zou moeten zijn. datumAfname: De datum waarop de uitslag van de leerbaarheidstoets is geregistreerd door DUO.");

    public static readonly Citation AfwijkingLbtMotiveren = new(
        Evaluatie, "regels 1785-1787",
        "Indien er bij de vaststelling van de leerroute wordt afgeweken van de uitkomst van de leerbaarheidstoets, dan moeten de redenen daarvoor worden opgenomen in het PIP.",
        Grondslag: Wet.Leerroute);

    public static readonly Citation PipEinddoelen = new(
        Evaluatie, "regels 309-315",
        "In dit PIP moeten persoonlijke einddoelen voor de inburgering worden opgenomen, wordt een keuze voor de leerroute gemaakt en geeft de gemeente aan welke begeleiding en ondersteuning de gemeente zal bieden.",
        Grondslag: PipVaststellingGrondslag);

    public static readonly Citation PipInhoudLeerrouteMapPvt = new(
        Evaluatie, "regels 1823-1827",
        "Er moet in ieder geval in komen te staan welke leerroute de inburgeraar gaat volgen, hoe de MAP en PVT worden ingevuld en hoe er invulling wordt gegeven aan voor- en vroegschoolse educatie (VVE).",
        Grondslag: PipVaststellingGrondslag);

    public static readonly Citation PipModulesKnm = new(
        Evaluatie, "regels 4294-4298",
        "Dit format bevat informatie over de leerroute die de inburgeraar zal volgen, KNM, PvT, MAP en deelname aan voorschoolse educatie.",
        Grondslag: PipVaststellingGrondslag);

    public static readonly Citation OnderwijsrouteNietLeenbaar = new(
        Evaluatie, "regels 4891-4893",
        "Gezinsmigranten komen vaak in de B1-route terecht. Zij kunnen vaak niet in de onderwijsroute terecht omdat zij het bedrag voor deze route niet kunnen lenen bij DUO.",
        Grondslag: Wet.Lening);

    public static readonly Citation InburgeringsaanbodGemeente = new(
        Evaluatie, "regels 761-767",
        "Gemeenten zijn verantwoordelijk geworden om de inburgeraar te leren kennen, een passend inburgeringsaanbod te doen en de inburgeraar te begeleiden gedurende de gehele inburgeringstermijn.",
        Grondslag: Wet.Inburgeringsaanbod);

    public static readonly Citation PipTussentijdsWijzigen = new(
        Evaluatie, "regels 12210-12211",
        "Daarnaast is er de mogelijkheid om het PIP, afhankelijk van de voortgang, tussentijds te wijzigen.",
        Grondslag: Wet.PipAanpassen);

    public static readonly Citation PipBegeleidingInPlan = new(
        Evaluatie, "regels 1827-1831, 1873 (Besluit inburgering 2021 art. 5.3)",
        "Ook de manier waarop de gemeente begeleiding en ondersteuning zal bieden moet worden opgenomen, bijvoorbeeld het aantal voortgangsgesprekken dat wordt ingepland.",
        Grondslag: Wet.Voortgangsgesprekken);

    public static readonly Citation Motiveringsbeginsel = new(
        "Algemene wet bestuursrecht (BWBR0005537, tekst geldend vanaf 1 juli 2026)", "art. 3:46",
        "Een besluit dient te berusten op een deugdelijke motivering.");

    public static readonly Citation DuoDagtekeningIsOndertekening = new(
        DuoPip, "API/PIP openapi.yml, dagtekeningPip",
        "dagtekeningPip: De datum wanneer het document ondertekend is.",
        Grondslag: InburgeringstermijnWet);

    public static readonly Citation DuoDagtekeningNaVestiging = new(
        DuoPip, DuoPipRegels,
        "De datum dagtekening mag niet voor de vestiging van de inburgeraar bij de gemeente liggen.");

    public static readonly Citation DuoDagtekeningNaStartPlicht = new(
        DuoPip, DuoPipRegels,
        "De datum dagtekening mag niet voor de start van de inburgeringsplicht liggen.");

    public static readonly Citation DuoDagtekeningNaVorigePip = new(
        DuoPip, DuoPipRegels,
        "De datum dagtekening mag bij een gewijzigde PIP niet voor de start van de datum dagtekening van de initiële PIP OF voor de datum dagtekening van de actuele PIP liggen.");

    public static readonly Citation DuoGeenA2Onderwijsroute = new(
        DuoPip, DuoPipRegels,
        "Niveau A2 mag niet in combinatie met de onderwijsroute worden aangeleverd.");

    public static readonly Citation DuoGeenB1ZRoute = new(
        DuoPip, DuoPipRegels,
        "Niveau B1 mag niet in combinatie met de Z-route worden aangeleverd.");

    public static readonly Citation DuoGeenA2EerstePip = new(
        DuoPip, DuoPipRegels,
        "Niveau A2 mag niet in combinatie met de B1-route worden aangeleverd als dit de eerste PIP is die wordt aangeleverd voor de persoon ongeacht welke gemeente.",
        Grondslag: Wet.A2Examinering);

    public static readonly Citation DuoStandaardNiveauB1 = new(
        DuoPip, DuoPipRegels,
        "Als het Niveau niet wordt aangeleverd in het verzoekbericht dan wordt Niveau B1 vastgesteld als er sprake is van de B1-route of onderwijsroute");

    public static readonly Citation DuoIntensiteitB1 = new(
        DuoPip, DuoPipRegels + " (geschatteIntensiteitB1Route: minimum 1, maximum 9999)",
        "Geschatte intensiteit B1 route mag alleen aangeleverd worden bij een de B1-route en bij asielmigranten.",
        Grondslag: Wet.IntensiteitLeerroute);

    public static readonly Citation DuoAanbodNietVoorPip = new(
        "DUO M2M-koppelvlak Inburgeringsaanbod (duonl/gemeente-m2m-inburgering)", "API/Inburgeringsaanbod validatieregels",
        "De data van het inburgeringsaanbod ligt niet voor de dagtekening van de actuele PIP",
        Grondslag: Wet.InspanningenVoorPip);

    public static readonly Citation ZRouteOpplussen = new(
        Evaluatie, "regels 6996-6997",
        "Al is het wel mogelijk om de Z-route ‘op te plussen’ en examens te laten doen op A2-niveau.",
        Grondslag: Wet.ZRouteA2);

    public static readonly Citation B1RouteAfschalen = new(
        Evaluatie, "regels 1914-1916",
        "Wanneer na verloop van tijd blijkt dat B1 niveau toch niet (op alle onderdelen) haalbaar is kan de inburgeraar (onderdelen van) het inburgeringsexamen op A2-niveau doen.",
        Grondslag: Wet.A2Examinering);
}

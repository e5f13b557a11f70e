namespace Koers.Domain.Intake;

/// <summary>
/// The 13 leefgebieden of the brede intake with their structured fields. The statutory topics
/// (Wi2021 art. 14 lid 3, Besluit inburgering 2021 art. 5.2; seed 001 L1733-1747) are onderwijs and
/// werkervaring, fysieke en mentale gezondheid, VVE for young children, gezinssituatie, sociaal netwerk,
/// taalniveau, arbeidsparticipatie and zelfredzaamheid; the rest follows local practice (seed 001 §4.2).
/// Every area is mandatory: the intake is complete only when each one has its key fields filled.
/// </summary>
public static class Leefgebieden
{
    private static readonly string[] Beoordeling = ["goed", "voldoende", "aandachtspunt"];
    private static readonly string[] Hulpnodig = ["zelfstandig", "met wat hulp", "met veel hulp"];

    public static IReadOnlyList<LeefgebiedDefinitie> Alle { get; } =
    [
        new(Leefgebied.Leerbaarheid, "Leerbaarheid",
            "Hoe iemand leert: leerstijl, concentratie en hoeveel uur per week iemand aankan.", true,
            [
                Keuze("leerstijl", "Hoe leert iemand het best?", true, "vooral door te doen", "vooral door te kijken", "vooral door te luisteren", "vooral door te lezen", "weet ik niet"),
                Keuze("concentratie", "Concentratie tijdens les of gesprek", true, "goed", "wisselend", "moeilijk"),
                Getal("belastbaarheidUrenPerWeek", "Hoeveel uur per week kan iemand leren of werken?", false),
                Tekst("toelichting", "Toelichting (bijvoorbeeld uitkomst van een extra test)", false),
            ],
            Gezondheidsgegeven: false),

        new(Leefgebied.Opleiding, "Opleiding",
            "Gevolgd onderwijs in het land van herkomst en in Nederland, en diploma's.", true,
            [
                Keuze("hoogsteOpleiding", "Hoogst gevolgde opleiding", true, "geen", "basisonderwijs", "voortgezet onderwijs", "mbo/vakopleiding", "hbo/universiteit"),
                Getal("jarenOnderwijs", "Aantal jaren onderwijs", true),
                Tekst("landVanOpleiding", "Land waar de opleiding is gevolgd", false),
                JaNee("diplomaAanwezig", "Is er een diploma of getuigschrift?", false),
                Keuze("diplomawaardering", "Diplomawaardering (IDW/Nuffic)", false,
                    Diplomawaardering.NietAangevraagd.Omschrijving(), Diplomawaardering.Aangevraagd.Omschrijving(),
                    Diplomawaardering.Gewaardeerd.Omschrijving(), Diplomawaardering.NietMogelijk.Omschrijving()),
            ],
            Gezondheidsgegeven: false),

        new(Leefgebied.Werkervaring, "Werkervaring",
            "Werk en vrijwilligerswerk in het land van herkomst en in Nederland.", true,
            [
                JaNee("werkervaringHerkomst", "Heeft iemand gewerkt in het land van herkomst?", true),
                Tekst("beroep", "Beroep of soort werk", false),
                Getal("jarenWerkervaring", "Aantal jaren werkervaring", false),
                JaNee("vrijwilligerswerk", "Doet of deed iemand vrijwilligerswerk?", false),
                JaNee("werkervaringNederland", "Heeft iemand al in Nederland gewerkt?", false),
            ],
            Gezondheidsgegeven: false),

        new(Leefgebied.PraktischeVaardigheden, "Praktische vaardigheden",
            "Dagelijkse praktische dingen: fietsen, reizen met het openbaar vervoer, rijbewijs.", true,
            [
                JaNee("kanFietsen", "Kan iemand fietsen?", true),
                JaNee("reistZelfstandigMetOv", "Reist iemand zelf met bus of trein?", true),
                JaNee("rijbewijs", "Heeft iemand een rijbewijs?", false),
                Tekst("toelichting", "Toelichting", false),
            ],
            Gezondheidsgegeven: false),

        new(Leefgebied.Werknemersvaardigheden, "Werknemersvaardigheden",
            "Vaardigheden voor werk: afspraken nakomen, samenwerken en instructies opvolgen.", true,
            [
                Keuze("afsprakenNakomen", "Op tijd komen en afspraken nakomen", true, Beoordeling),
                Keuze("samenwerken", "Samenwerken met anderen", false, Beoordeling),
                Keuze("instructiesOpvolgen", "Instructies begrijpen en opvolgen", false, Beoordeling),
                Tekst("toelichting", "Toelichting", false),
            ],
            Gezondheidsgegeven: false),

        new(Leefgebied.Taalniveau, "Taalniveau",
            "Hoe goed iemand Nederlands en andere talen spreekt, leest en schrijft.", true,
            [
                Keuze("niveauNederlands", "Niveau Nederlands nu", true, "geen", "A0", "A1", "A2", "B1", "hoger"),
                JaNee("latijnsSchriftBeheerst", "Kan iemand lezen en schrijven in het Latijnse schrift?", true),
                JaNee("analfabeet", "Kan iemand in geen enkele taal lezen of schrijven?", false),
                Tekst("moedertaal", "Moedertaal", false),
                Tekst("andereTalen", "Andere talen", false),
            ],
            Gezondheidsgegeven: false),

        new(Leefgebied.MotivatieEnInteresses, "Motivatie en interesses",
            "Wat iemand wil bereiken en waar iemand energie van krijgt.", true,
            [
                Tekst("doelenEnWensen", "Doelen en wensen voor de toekomst", true),
                Keuze("motivatie", "Motivatie om in te burgeren", true, "hoog", "gemiddeld", "laag"),
                Tekst("interesses", "Interesses en hobby's", false),
            ],
            Gezondheidsgegeven: false),

        new(Leefgebied.Zelfredzaamheid, "Zelfredzaamheid",
            "Zelf dingen regelen: post, geldzaken, afspraken en wonen.", true,
            [
                Keuze("postEnAdministratie", "Post en administratie regelen", true, Hulpnodig),
                Keuze("geldzaken", "Geldzaken regelen", true, Hulpnodig),
                JaNee("schulden", "Zijn er schulden?", false),
                Keuze("woonsituatie", "Woonsituatie", false, "eigen woning", "tijdelijke woning", "azc", "anders"),
                Tekst("toelichting", "Toelichting", false),
            ],
            Gezondheidsgegeven: false),

        new(Leefgebied.DigitaleVaardigheden, "Digitale vaardigheden",
            "Omgaan met smartphone, computer, e-mail en DigiD.", true,
            [
                Keuze("niveauDigitaal", "Hoe goed kan iemand met een computer of smartphone werken?", true, "niet", "een beetje", "goed"),
                JaNee("digidAanwezig", "Heeft iemand een DigiD?", true),
                JaNee("heeftSmartphone", "Heeft iemand een smartphone?", false),
                JaNee("toegangTotComputer", "Kan iemand thuis een computer of laptop gebruiken?", false),
            ],
            Gezondheidsgegeven: false),

        new(Leefgebied.Gezinssituatie, "Gezinssituatie",
            "Wie hoort bij het gezin, zorg voor kinderen, kinderopvang en voorschoolse educatie (VVE).", true,
            [
                Keuze("burgerlijkeStaat", "Burgerlijke staat", true, "alleenstaand", "getrouwd of samenwonend", "gescheiden", "weduwe of weduwnaar"),
                Getal("aantalKinderen", "Aantal kinderen", true),
                JaNee("kinderopvangNodig", "Is kinderopvang nodig om te kunnen leren of werken?", false),
                // VVE: voorschoolse educatie for children aged 2.5-4 (seed 001 L3508-3512, Bron.VoorschoolseEducatie).
                JaNee("vveIndicatieKinderen", "Kan een kind naar de voorschool (VVE)?", false,
                    "Voor kinderen van 2,5 tot 4 jaar. Vraag of er een VVE-indicatie is of nodig is."),
                JaNee("gezinsledenVerwacht", "Komen er nog gezinsleden naar Nederland (nareizigers)?", false),
            ],
            Gezondheidsgegeven: false),

        new(Leefgebied.FysiekeGezondheid, "Fysieke gezondheid",
            "Lichamelijke gezondheid en beperkingen die leren of werken moeilijker maken.", true,
            [
                JaNee("beperkingenLerenOfWerken", "Zijn er lichamelijke klachten die leren of werken moeilijker maken?", true),
                JaNee("zintuiglijkeBeperking", "Is er een beperking in zien of horen?", false),
                JaNee("medischeBehandeling", "Is iemand onder behandeling van een arts?", false),
                Tekst("toelichting", "Toelichting (alleen wat nodig is voor het plan)", false),
            ],
            Gezondheidsgegeven: true),

        new(Leefgebied.MentaleGezondheid, "Mentale gezondheid",
            "Psychisch welzijn, stress en zorgen; signalen en doorverwijzing.", true,
            [
                JaNee("signalenPsychischeKlachten", "Zijn er signalen van psychische klachten?", true),
                JaNee("inBehandeling", "Is iemand hiervoor in behandeling?", false),
                Tekst("doorverwijzing", "Doorverwezen naar (bijvoorbeeld huisarts of ggz)", false),
                Tekst("toelichting", "Toelichting (alleen wat nodig is voor het plan)", false),
            ],
            Gezondheidsgegeven: true),

        new(Leefgebied.SociaalNetwerk, "Sociaal netwerk",
            "Contacten in Nederland en familie in het land van herkomst.", true,
            [
                Keuze("netwerkInNederland", "Hoe groot is het netwerk in Nederland?", true, "geen", "klein", "groot"),
                JaNee("familieInNederland", "Woont er familie in Nederland?", false),
                JaNee("contactMetNederlanders", "Heeft iemand contact met Nederlanders?", false),
                Tekst("toelichting", "Toelichting", false),
            ],
            Gezondheidsgegeven: false),
    ];

    private static readonly Dictionary<Leefgebied, LeefgebiedDefinitie> PerLeefgebied =
        Alle.ToDictionary(d => d.Leefgebied);

    public static LeefgebiedDefinitie Van(Leefgebied leefgebied) =>
        PerLeefgebied.TryGetValue(leefgebied, out var definitie)
            ? definitie
            : throw new ArgumentOutOfRangeException(nameof(leefgebied), leefgebied, "Onbekend leefgebied.");

    private static IntakeVeld Keuze(string sleutel, string label, bool verplicht, params string[] opties) =>
        new(sleutel, label, VeldSoort.Keuze, verplicht, opties);

    private static IntakeVeld JaNee(string sleutel, string label, bool verplicht, string? hulp = null) =>
        new(sleutel, label, VeldSoort.JaNee, verplicht, null, hulp);

    private static IntakeVeld Getal(string sleutel, string label, bool verplicht) =>
        new(sleutel, label, VeldSoort.Getal, verplicht);

    private static IntakeVeld Tekst(string sleutel, string label, bool verplicht) =>
        new(sleutel, label, VeldSoort.Tekst, verplicht);
}

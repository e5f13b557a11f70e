using System.Globalization;
using Koers.Domain.Afsluiting;
using Koers.Domain.Dossier;
using Koers.Domain.Pip;
using Koers.Domain.Sources;

namespace Koers.Domain.Duo;

/// <summary>What Koers does when DUO notifies an event: which DUO API it queries to reconcile the case.</summary>
public enum DuoReactie
{
    /// <summary>New inburgeringsplichtige (or new to this municipality): create the case if the person is unknown.</summary>
    NieuwePlichtige,
    /// <summary>The target group changed: re-read doelgroep.</summary>
    DoelgroepGewijzigd,
    /// <summary>The leerbaarheidstoets result is known: read lbt/resultaten.</summary>
    ToetsResultaat,
    /// <summary>The inburgeringstermijn started: read inburgeringstermijn (start = PIP dagtekening).</summary>
    TermijnGestart,
    /// <summary>The termijn was extended: read inburgeringstermijn (new einddatum).</summary>
    TermijnVerlengd,
    /// <summary>An exam result is known: read examens/resultaten.</summary>
    Examenresultaat,
    /// <summary>SS121: settled here with a PIP from the previous municipality: take over that PIP's date and the termijn.</summary>
    PipVorigeGemeente,
    /// <summary>SS137: registered for the leerbaarheidstoets: the date of registration goes on the case.</summary>
    ToetsAangemeld,
    /// <summary>The plicht ended (diploma, whole vrijstelling or ontheffing, withdrawn, death): the case is closed.</summary>
    PlichtBeeindigd,
    /// <summary>DUO decided on a request (vrijstelling, ontheffing, verlenging): recorded on the case for the klantregisseur.</summary>
    DuoBesluit,
    /// <summary>
    /// An event DUO lists as planned but not yet in use (Attentiesignalen.md, "voorlopig nog niet relevant"): stored and
    /// shown on the case, never parked as an error, so the day DUO starts sending it nothing breaks.
    /// </summary>
    NogNietInGebruik,
}

/// <summary>Which DUO API holds the details of a decision DUO notified.</summary>
public enum DuoBesluitbron
{
    Geen,
    Vrijstelling,
    Ontheffing,
}

/// <summary>
/// One entry of DUO's event catalogue and what it means for the case: the reaction, how the case closes when the
/// plicht ended, where DUO keeps the decision, and what the klantregisseur must do (null when nothing).
/// </summary>
public sealed record DuoGebeurtenis(string Code, string Omschrijving, DuoReactie Reactie)
{
    public Afsluitingssoort? Afsluiting { get; init; }
    public DuoBesluitbron Besluitbron { get; init; } = DuoBesluitbron.Geen;

    /// <summary>The source of <c>Actie</c> when it is DUO's own advice (SS109-SS111: complete the record of efforts).</summary>
    public Citation? Advies { get; init; }
    public string? Actie { get; init; }
}

/// <summary>
/// DUO's event catalogue for the municipality (Gebeurtenissen/Gebeurtenissen.md in duonl/gemeente-m2m-inburgering).
/// The code is all DUO sends (a thin notification); the reaction says which DUO API to read next.
/// </summary>
public static class DuoGebeurtenissen
{
    public static readonly Citation Bron = new(
        "DUO M2M-koppelvlak inburgering (duonl/gemeente-m2m-inburgering, f4973d4)", "Gebeurtenissen/Gebeurtenissen.md",
        "DUO signaleert de gemeente van de Inburgeringsplichtige zodra als de gemeente waaronder de inburgeringsplichtige valt vastgesteld is.");

    public static readonly Citation Notificeren = new(
        "DUO M2M-koppelvlak inburgering (duonl/gemeente-m2m-inburgering, f4973d4)", "API/Notificatie/openapi.yml 1.8.0, POST /notificaties",
        "Het aanmaken (of aanleveren) van een notificatie zodat de ontvangende ketenpartner op de hoogte gesteld wordt van een gebeurtenis bij een andere ketenpartner en actie kan ondernemen.");

    /// <summary>DUO's own advice on SS109-SS111 (Gebeurtenissen.md, "Intrekken Inburgeringsplicht").</summary>
    public static readonly Citation BronIntrekken = new(
        "DUO M2M-koppelvlak inburgering (duonl/gemeente-m2m-inburgering, f4973d4)", "Gebeurtenissen/Gebeurtenissen.md, Intrekken Inburgeringsplicht",
        "De gemeente kan deze gebeurtenissen zien als aansporing om de administratie van verrichte inspanningen en resultaten voor zover relevant aan te vullen. Deze administratie is relevant voor het hervatten inburgeringsplicht, tenzij de persoon is overleden.");

    /// <summary>The planned signals DUO does not send yet (Attentiesignalen.md).</summary>
    public static readonly Citation BronNogNietInGebruik = new(
        "DUO M2M-koppelvlak inburgering (duonl/gemeente-m2m-inburgering, f4973d4)", "Gebeurtenissen/Attentiesignalen.md",
        "Alle informatie m.b.t. attentiesignalen even op deze pagina gezet als mental note. Is voorlopig nog niet relevant.");

    private const string AanvullenInspanningen =
        "Vul de vastgelegde inspanningen en resultaten aan: die tellen mee als de inburgeringsplicht later herleeft (DUO).";

    private const string VerzoekAfgewezen =
        "Informeer de inburgeraar over het besluit van DUO en bespreek het vervolg; de leerroute en de termijn lopen door.";

    private static readonly DuoGebeurtenis[] Alle =
    [
        new("SS101", "Persoon is inburgeringsplichtig", DuoReactie.NieuwePlichtige),
        new("SS128", "Persoon is inburgeringsplichtig, maar bereikt AOW-leeftijd binnen 6 maanden", DuoReactie.NieuwePlichtige),
        new("SS139", "Persoon is inburgeringsplichtig en de termijn van 10 weken voor vaststellen leerroute is gestart", DuoReactie.NieuwePlichtige),
        new("SS129", "Tijdelijke vrijstelling ingetrokken, nog geen leerroute bekend", DuoReactie.NieuwePlichtige),
        new("SS120", "Inburgeringsplichtige in gemeente gevestigd zonder PIP", DuoReactie.NieuwePlichtige),
        new("SS121", "Inburgeringsplichtige in gemeente gevestigd met PIP vorige gemeente", DuoReactie.PipVorigeGemeente)
        {
            Actie = "Het PIP en de termijn van de vorige gemeente zijn overgenomen. Plan een gesprek en stel zo nodig het PIP bij.",
        },
        new("SS124", "Doelgroep van asielstatushouder naar gezinsmigrant en overige migrant gewijzigd", DuoReactie.DoelgroepGewijzigd),
        new("SS125", "Doelgroep van gezinsmigrant en overige migrant naar asielstatushouder gewijzigd", DuoReactie.DoelgroepGewijzigd),
        new("SS109", "Tijdelijke vrijstelling toegekend", DuoReactie.DuoBesluit)
        {
            Advies = DuoGebeurtenissen.BronIntrekken,
            Besluitbron = DuoBesluitbron.Vrijstelling,
            Actie = "De inburgeringsplicht rust tijdelijk. " + AanvullenInspanningen,
        },
        new("SS110", "Inburgeringsplicht ingetrokken", DuoReactie.PlichtBeeindigd)
        {
            Advies = DuoGebeurtenissen.BronIntrekken,
            Afsluiting = Afsluitingssoort.EindeBegeleiding,
            Actie = "Het dossier is afgesloten: stop lopende trajecten en afspraken. " + AanvullenInspanningen,
        },
        new("SS111", "Persoon is overleden", DuoReactie.PlichtBeeindigd)
        {
            Advies = DuoGebeurtenissen.BronIntrekken,
            Afsluiting = Afsluitingssoort.EindeBegeleiding,
            Actie = "Het dossier is afgesloten; betalingen en brieven zijn gestopt. Zeg lopende trajecten en afspraken af en informeer de ketenpartners.",
        },
        new("SS106", "Diploma behaald", DuoReactie.PlichtBeeindigd)
        {
            Afsluiting = Afsluitingssoort.InburgeringsplichtVoldaan,
            Actie = "De inburgeringsplicht is voldaan en het dossier is afgesloten: rond lopende trajecten en ontzorgen af.",
        },
        new("SS107", "Gehele vrijstelling toegekend", DuoReactie.PlichtBeeindigd)
        {
            Afsluiting = Afsluitingssoort.EindeBegeleiding,
            Besluitbron = DuoBesluitbron.Vrijstelling,
            Actie = "Er geldt geen inburgeringsplicht meer en het dossier is afgesloten: rond lopende trajecten af.",
        },
        new("SS108", "Gehele ontheffing toegekend", DuoReactie.PlichtBeeindigd)
        {
            Afsluiting = Afsluitingssoort.Ontheffing,
            Besluitbron = DuoBesluitbron.Ontheffing,
            Actie = "De inburgeraar is ontheven en het dossier is afgesloten: rond lopende trajecten af.",
        },
        new("SS137", "Persoon is aangemeld voor de leerbaarheidstoets", DuoReactie.ToetsAangemeld),
        new("SS131", "Leerbaarheidstoets is afgenomen en resultaat is bekend", DuoReactie.ToetsResultaat),
        new("SS102", "Inburgeringstermijn gestart", DuoReactie.TermijnGestart),
        new("SS199", "Examenresultaat bekend", DuoReactie.Examenresultaat),
        new("SS103", "Inburgeringstermijn ambtshalve verlengd", DuoReactie.TermijnVerlengd),
        new("SS104", "Inburgeringstermijn op verzoek verlengd", DuoReactie.TermijnVerlengd),
        new("SS130", "Tijdelijke vrijstelling ingetrokken, PIP al bekend", DuoReactie.TermijnVerlengd),
        new("SS113", "Verlenging inburgeringstermijn afgewezen", DuoReactie.DuoBesluit)
        {
            Actie = "Bespreek met de inburgeraar dat de einddatum van de termijn blijft staan en wat nodig is om op tijd te voldoen.",
        },
        new("SS114", "Gehele vrijstelling afgewezen", DuoReactie.DuoBesluit) { Besluitbron = DuoBesluitbron.Vrijstelling, Actie = VerzoekAfgewezen },
        new("SS115", "Tijdelijke vrijstelling afgewezen", DuoReactie.DuoBesluit) { Besluitbron = DuoBesluitbron.Vrijstelling, Actie = VerzoekAfgewezen },
        new("SS116", "Gedeeltelijke vrijstelling afgewezen", DuoReactie.DuoBesluit) { Besluitbron = DuoBesluitbron.Vrijstelling, Actie = VerzoekAfgewezen },
        new("SS117", "Gedeeltelijke vrijstelling toegekend", DuoReactie.DuoBesluit)
        {
            Besluitbron = DuoBesluitbron.Vrijstelling,
            Actie = "Stel het PIP bij: voor het vrijgestelde onderdeel is geen examen meer nodig.",
        },
        new("SS118", "Ontheffing afgewezen", DuoReactie.DuoBesluit) { Besluitbron = DuoBesluitbron.Ontheffing, Actie = VerzoekAfgewezen },
        new("SS119", "Gedeeltelijke ontheffing toegekend", DuoReactie.DuoBesluit)
        {
            Besluitbron = DuoBesluitbron.Ontheffing,
            Actie = "Stel het PIP bij: voor het ontheven onderdeel is geen examen meer nodig.",
        },

        // Planned attention signals (SDI008), not sent yet: known, stored and shown.
        new("SS112", "Verzoek verlenging ingediend", DuoReactie.NogNietInGebruik),
        new("SS122", "Vertrokken naar andere gemeente", DuoReactie.NogNietInGebruik),
        new("SS123", "Vertrokken uit Nederland", DuoReactie.NogNietInGebruik),
        new("SS126", "Tien weken verstreken zonder leerroute", DuoReactie.NogNietInGebruik),
        new("SS127", "Nog geen inburgeringsaanbod ontvangen", DuoReactie.NogNietInGebruik),
        new("SS132", "Opleidingscontract ontvangen (nog geen PIP)", DuoReactie.NogNietInGebruik),
        new("SS133", "Opleidingscontract ontvangen met taalniveau niet conform de leerroute", DuoReactie.NogNietInGebruik),
        new("SS135", "Opleidingscontract ontvangen met te hoog taalniveau (Z-route)", DuoReactie.NogNietInGebruik),
        new("SS136", "Opleidingscontract voor taalschakeltraject ontvangen, geen onderwijsroute", DuoReactie.NogNietInGebruik),
        new("SS140", "Verzoek ontheffing op bijzondere individuele omstandigheden: advies gevraagd", DuoReactie.NogNietInGebruik),
        new("SS141", "Z-route voldaan: tekst voor het certificaat beschikbaar", DuoReactie.NogNietInGebruik),
        new("SS142", "Niet-vrijstellende opleiding beëindigd wegens uitschrijving", DuoReactie.NogNietInGebruik),
    ];

    private static readonly Dictionary<string, DuoGebeurtenis> PerCode = Alle.ToDictionary(g => g.Code, StringComparer.Ordinal);

    public static IReadOnlyList<DuoGebeurtenis> Catalogus => Alle;

    /// <summary>The catalogue entry, or null for a code DUO may add later (such an event is parked for a person).</summary>
    public static DuoGebeurtenis? Zoek(string code) => PerCode.GetValueOrDefault(code);
}

/// <summary>Conversions between DUO's coded values (OpenAPI enums) and Koers' domain.</summary>
public static class DuoVertaling
{
    public static readonly Citation BronPip = new(
        "DUO M2M-koppelvlak PIP (duonl/gemeente-m2m-inburgering, f4973d4)", "API/PIP/openapi.yml 1.2.0, schema PIP",
        "leerroute B/O/Z; niveau A2/B1; indicatorAlfabetiseringsonderwijs A/AA/NVT; geschatteIntensiteitB1Route 1-9999");

    /// <summary>
    /// DUO's 'indeling' has two groups; Koers distinguishes nareizigers and overige migranten too, so an existing
    /// finer value inside the same DUO group is kept.
    /// </summary>
    public static Doelgroep? Doelgroep(string? indeling, Doelgroep? huidige = null) => indeling switch
    {
        "Asielstatushouder" => huidige is Dossier.Doelgroep.Asielstatushouder or Dossier.Doelgroep.Nareiziger ? huidige : Dossier.Doelgroep.Asielstatushouder,
        "Gezinsmigrant en overige migrant" => huidige is Dossier.Doelgroep.Gezinsmigrant or Dossier.Doelgroep.OverigeMigrant ? huidige : Dossier.Doelgroep.Gezinsmigrant,
        _ => null,
    };

    /// <summary>DUO scores are text "ddd,dd" (pattern ^(\d{1,3}\,\d{2})$); Koers keeps whole points, as the toets has.</summary>
    public static bool TryScore(string? tekst, out int score)
    {
        score = 0;
        if (tekst is null || !System.Text.RegularExpressions.Regex.IsMatch(tekst, @"^\d{1,3},\d{2}$")) return false;
        var waarde = decimal.Parse(tekst.Replace(',', '.'), CultureInfo.InvariantCulture);
        score = (int)Math.Floor(waarde);
        return true;
    }

    public static string Leerroute(Leerroute route) => route switch
    {
        Dossier.Leerroute.B1Route => "B",
        Dossier.Leerroute.Onderwijsroute => "O",
        Dossier.Leerroute.ZRoute => "Z",
        _ => throw new ArgumentOutOfRangeException(nameof(route)),
    };

    public static string Alfabetisering(Alfabetisering a) => a switch
    {
        Pip.Alfabetisering.A => "A",
        Pip.Alfabetisering.AA => "AA",
        _ => "NVT",
    };

    /// <summary>
    /// The rules <see cref="Niveau"/> follows: the values of DUO's PIP schema, DUO's own B1 for the B1-route and
    /// onderwijsroute (sent explicitly, so the PIP never rests on DUO's default), and A2 only after afschalen in the
    /// B1-route (Wi2021 art. 17 lid 3, through the practice source).
    /// </summary>
    public static IReadOnlyList<Citation> NiveauBronnen { get; } = [Sources.Bron.B1RouteAfschalen, BronPip, Sources.Bron.DuoStandaardNiveauB1];

    /// <summary>
    /// DUO knows one level per PIP (A2 or B1); Koers sets it per skill. Any A2 skill (afschalen) makes the PIP A2;
    /// the Z-route sends no level (DUO: B1 is not allowed with the Z-route). B2 goals count as B1 for DUO.
    /// </summary>
    public static string? Niveau(PipInhoud inhoud)
    {
        // The rules followed are NiveauBronnen.
        if (inhoud.Leerroute is Dossier.Leerroute.ZRoute or null) return null;
        return inhoud.Niveaus.Values.Any(n => n == Taalniveau.A2) ? "A2" : "B1";
    }

    /// <summary>DUO exam component codes (ExamenonderdeelWI2021Inburgering).</summary>
    public static string? Examenonderdeel(string code) => code switch
    {
        "KNM" => "Knm",
        "LE" => "Lezen",
        "LU" => "Luisteren",
        "SC" => "Schrijven",
        "SP" => "Spreken",
        _ => null,
    };

    /// <summary>The municipality code DUO uses: the four digits of the CBS code (GM0340 → 0340).</summary>
    public static string? Gemeentecode(string cbsCode) =>
        cbsCode.Length == 6 && cbsCode.StartsWith("GM", StringComparison.OrdinalIgnoreCase) && cbsCode[2..].All(char.IsAsciiDigit)
            ? cbsCode[2..]
            : null;
}

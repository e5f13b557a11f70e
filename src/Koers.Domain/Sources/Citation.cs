namespace Koers.Domain.Sources;

/// <summary>
/// Where a rule comes from: a law article or a source document with line numbers.
/// Every rule in Koers carries one so a klantregisseur (or a bezwaarcommissie) can check it.
/// </summary>
public sealed record Citation(string Source, string Reference, string? Quote = null)
{
    public override string ToString() => $"{Source}, {Reference}";
}

/// <summary>
/// The sources the rules cite. Seed documents are in shared/seeds; line numbers as `sed -n` counts them.
/// </summary>
public static class Bron
{
    private const string Evaluatie = "Evaluatie eerste fase Wi2021 (RadarAdvies 2024)";
    private const string Kempen = "Evaluatie Wet Inburgering Kempen 2024";
    private const string Dongemond = "Beleidskader Wet inburgering Dongemond";

    public static readonly Citation PipBinnenTienWeken = new(
        Evaluatie, "regels 1835-1837",
        "Het PIP moet binnen tien weken na inschrijving in de Basis Registratie Personen (BRP), dus na vestiging in de gemeente, zijn vastgesteld.");

    public static readonly Citation TermijnDrieJaar = new(
        Evaluatie, "regels 348-350, 4940-4942",
        "Na het vaststellen van het PIP gaat immers de inburgeringstermijn van drie jaar in.");

    public static readonly Citation TermijnVerlengingDoorDuo = new(
        Evaluatie, "regels 9783-9785",
        "helpt het dat de termijn verlengd kan worden door DUO");

    public static readonly Citation OntzorgenZesMaanden = new(
        Evaluatie, "regels 1853-1855, 1884-1888",
        "bijstandsgerechtigde inburgeraars in de eerste zes maanden nadat het recht op bijstand ingaat financieel te ontzorgen");

    public static readonly Citation OntzorgenDoelgroep = new(
        Evaluatie, "regels 1950-1957",
        "gezinsmigranten geen recht op maatschappelijke begeleiding, financiële ontzorging en financiering van het taalonderwijs");

    public static readonly Citation VoortgangsgesprekCadans = new(
        Kempen, "regels 345-346",
        "De overleggen zoals wettelijk voorgeschreven (een cadans van 3 maanden) worden gevoerd.");

    public static readonly Citation HercontactNietStartklaar = new(
        Kempen, "regels 185-186",
        "Wanneer iemand niet gemotiveerd is, neemt KempenPlus gemiddeld om de 2 à 3 maanden opnieuw contact op");

    public static readonly Citation BezwaarZesWeken = new(
        "Algemene wet bestuursrecht", "art. 6:7 en 6:8 lid 1",
        "De termijn voor het indienen van een bezwaar- of beroepschrift bedraagt zes weken; hij vangt aan met ingang van de dag na die waarop het besluit op de voorgeschreven wijze is bekendgemaakt.");

    public static readonly Citation AlgemeneTermijnenwet = new(
        "Algemene termijnenwet", "art. 1 en 3",
        "Een termijn die op een zaterdag, zondag of algemeen erkende feestdag eindigt, wordt verlengd tot en met de eerstvolgende dag die niet een zaterdag, zondag of algemeen erkende feestdag is.");

    public static readonly Citation PipIsBeschikking = new(
        Evaluatie, "regels 1843-1849",
        "Het PIP heeft de vorm van een beschikking.");

    public static readonly Citation ZRouteUren = new(
        Evaluatie, "regels 1925-1928",
        "Binnen deze route moeten inburgeraars 800 uur aan taallessen volgen en 800 uur besteden aan het onderdeel participatie.");

    public static readonly Citation MapUren = new(
        Kempen, "regels 683, 692",
        "De MAP bestaat uit een praktijkelement van minimaal 40 uur en een theoretisch element ... De MAP omvat nu 108 uren");

    public static readonly Citation PvtUren = new(
        Dongemond, "regels 975-978",
        "Het PVT ... blijft onder de nieuwe Wet Inburgering een verplicht onderdeel ... en bedraagt minimaal 12 uur");

    public static readonly Citation MapPvtGezinsmigranten = new(
        Evaluatie, "regels 1963-1964",
        "Gezinsmigranten zijn verplicht deel te nemen aan de MAP en PVT.");

    public static readonly Citation Ondertussengroep = new(
        Kempen, "regels 139-140",
        "Einde Lening InburgeringsPlicht, ook wel ondertussengroep genoemd. Zij vallen nog onder de oude Wet Inburgering");

    public static readonly Citation LeeftijdInburgeringsplicht = new(
        "Beleidsplan statushouders Weert 2023-2025", "regels 72-73",
        "inburgeringsplicht vanaf 16 jaar tot de AOW-leeftijd");

    public static readonly Citation Bsn11Proef = new(
        "Wet algemene bepalingen burgerservicenummer", "art. 1, onder b (elfproef: Logius BSN-specificatie)",
        "Een burgerservicenummer bestaat uit negen cijfers en voldoet aan de elfproef.");
}

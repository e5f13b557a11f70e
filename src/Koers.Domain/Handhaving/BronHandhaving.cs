using Koers.Domain.Sources;

namespace Koers.Domain.Handhaving;

/// <summary>
/// The sources of the handhaving and closure rules. Seed documents are in shared/seeds; line numbers as `sed -n` counts
/// them (000 = Evaluatie Wet Inburgering Kempen, 003 = Beleids- en actieplan statushouders 2023-2025,
/// 004 = Beleidskader Wet inburgering Dongemond). The boete's amount is the law's, not configuration: Besluit inburgering
/// 2021 art. 7.1 (<see cref="Boeteberekening"/>) within the maximum of Wi2021 art. 26 lid 1
/// (<see cref="Handhavingsladder.MaximumBoete"/>); a municipality's ladder amount may only be lower.
/// </summary>
public static class BronHandhaving
{
    private const string Kempen = "Evaluatie Wet Inburgering Kempen 2024";
    private const string Beleidsplan = "Beleids- en actieplan integratie en participatie van statushouders 2023-2025";
    private const string Dongemond = "Beleidskader Wet inburgering Dongemond";

    public static readonly Citation Ladder = new(
        Kempen, "regels 358-361",
        "KempenPlus gaat eerst in gesprek. Vervolgens worden er waarschuwingen uitgedeeld. Mocht dit ook niet werken, dan wordt een boete opgelegd.",
        Grondslag: Wet.Boete);

    public static readonly Citation MaatregelOfBoete = new(
        Beleidsplan, "regels 141-145",
        "Hierdoor kan de gemeente het niet-nakomen van de afspraken handhaven door het opleggen van een maatregel of een bestuurlijke boete.",
        Grondslag: Wet.Boete);

    public static readonly Citation Omstandigheden = new(
        Dongemond, "regels 338-343",
        "Waar het toch nodig is een boete op te leggen, doen we dat met inachtneming van de omstandigheden en altijd als instrument om te komen tot verandering in gedrag.",
        Grondslag: Wet.BoeteOmstandigheden);

    public static readonly Citation OmstandighedenKeren = new(
        "Hof van Justitie EU 4 februari 2025, C-158/23 (Keren), ECLI:EU:C:2025:52; ABRvS 9 juli 2025, ECLI:NL:RVS:2025:3087",
        "changes-and-asks-2026.md (Law and case law)",
        "fines for asylum status holders only in exceptional cases, after weighing personal circumstances; record them.");

    public static readonly Citation VoldaanB1 = new(
        Beleidsplan, "regels 167-170",
        "Om te slagen voor de B1-route moet de nieuwkomer slagen voor het centrale inburgeringsexamen op de onderdelen lezen, luisteren, schrijven en spreken op niveau B1 en Kennis van de Nederlandse Maatschappij.",
        Grondslag: Wet.Inburgeringsexamen);

    public static readonly Citation VoldaanOnderwijsroute = new(
        Dongemond, "regels 737-745",
        "De inburgeraar voldoet aan de eisen van de inburgeringsplicht zodra deze: Is geslaagd voor het centraal examen (lezen, luisteren, schrijven en spreken) op B1-niveau of hoger; Is geslaagd voor het centraal examen KNM; Aan overige onderdelen van het taalschakeltraject heeft voldaan",
        Grondslag: Wet.Onderwijsroute);

    public static readonly Citation VoldaanZRoute = new(
        Dongemond, "regels 915-925",
        "De inburgeraar die deze route volgt hoeft geen examens af te leggen, maar sluit de inburgering af met een eindgesprek.",
        Grondslag: Wet.ZRoute);

    public static readonly Citation VerlengingDoorDuo = new(
        Beleidsplan, "regels 228-231",
        "DUO stelt vast wanneer de inburgeringstermijn start en behandelt aanvragen voor verlenging van de inburgeringstermijn.",
        Grondslag: Wet.TermijnVerlenging);
}

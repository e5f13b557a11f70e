using Koers.Domain.Sources;

namespace Koers.Domain.Participatie;

/// <summary>
/// The sources of participation monitoring. Seed documents are in shared/seeds; line numbers as `sed -n` counts them
/// (000 = Evaluatie Wet Inburgering Kempen, 002 = Evaluatie pilot Inburgering+ Hart van Brabant, 003 = Beleids- en
/// actieplan statushouders Weert 2023-2025); shared/domain/seed-000-002-003-practice.md §4 summarises them.
/// There is NO statutory basis: the Wet inburgering 2021 prescribes neither a participation questionnaire nor a
/// participatieladder. Both follow practice (the Hart van Brabant pilot, the Weert group offer), so every setting
/// (anchor, moments, questions, rungs) is configuration per municipality and no refusal cites a law.
/// </summary>
public static class BronParticipatie
{
    private const string HartVanBrabant = "Evaluatie pilot Inburgering+ Hart van Brabant (Verwey-Jonker Instituut 2021)";
    private const string Weert = "Beleids- en actieplan integratie en participatie van statushouders 2023-2025";
    private const string Kempen = "Evaluatie Wet Inburgering Kempen 2024";

    public const string GeenWettelijkeBasis =
        "Geen wettelijke grondslag: de Wet inburgering 2021 schrijft geen participatiemonitor of participatieladder voor. Dit volgt de praktijk van de pilot in Hart van Brabant; de gemeente stelt het in.";

    public static readonly Citation Vragenlijst = new(
        HartVanBrabant, "regels 18-22 (seed 002)",
        "We hebben ten behoeve van de monitoring een vragenlijstonderzoek uitgevoerd, waarbij er per statushouder op meerdere meetmomenten vragenlijsten werden afgenomen om diens ontwikkelingen in participatie te kunnen volgen.");

    /// <summary>The only moment the seed names (6 months) and its anchor (housing); the other moments are a default.</summary>
    public static readonly Citation MeetmomentNaHuisvesting = new(
        HartVanBrabant, "regels 83-88 (seed 002)",
        "Wel zien we dat de maatschappelijke en sociale participatie van statushouders al snel toeneemt na het moment van huisvesting. Na 6 maanden zijn de meeste statushouders bijvoorbeeld lid van een vereniging, zijn actief in de buurt, in een geloofsgemeenschap of op de school van de kinderen (indien van toepassing), en/of ondersteunen, helpen of verzorgen andere mensen.");

    public static readonly Citation WerkEnOpleiding = new(
        HartVanBrabant, "regels 80-81 (seed 002)",
        "Participatie in de vorm van werk en opleiding komt nog weinig voor onder statushouders in de regio Hart van Brabant.");

    public static readonly Citation Uitstroomcategorieen = new(
        Weert, "regels 309-316 (seed 003)",
        "Geplaatst op een betaalde baan: 21 / Vrijwilligerswerk: 17 / Opleiding/onderwijs: 1");

    public static readonly Citation BetaaldWerk = new(
        Weert, "regels 17-18 (seed 003)",
        "gericht op het maatschappelijk effect: snel en volwaardig meedoen, liefst via betaald werk.");

    public static readonly Citation Competenties = new(
        HartVanBrabant, "regels 160-164 (seed 002)",
        "het toegenomen zelfvertrouwen, het uitbreiden van hun (sociale) netwerk, betere beheersing van de Nederlandse taal, kennis over de Nederlandse samenleving en kennis en vaardigheden voor het vinden van (vrijwilligers)werk");

    public static readonly Citation Welbevinden = new(
        Kempen, "regels 303-304 (seed 000)",
        "We hebben oog voor het mentaal welbevinden van de inburgeraars, kijken wat ingezet kan worden om dit mentaal welbevinden te verbeteren");

    public static readonly Citation Participatieladder = new(
        Weert, "regels 603-610 (seed 003)",
        "Door middel van het behandelen/bespreken van belangrijke thema's, worden statushouders geïnformeerd, gestimuleerd om stappen op de participatielader te maken.");
}

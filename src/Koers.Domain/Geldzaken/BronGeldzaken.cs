using Koers.Domain.Sources;

namespace Koers.Domain.Geldzaken;

/// <summary>
/// The sources of the money rules around the person: the inrichtingskrediet and the monthly statement of what
/// ontzorgen paid. Statutory basis first, practice second. Seed documents are in shared/seeds; line numbers as
/// `sed -n` counts them (000 = Evaluatie Wet Inburgering Kempen 2024, 001 = Evaluatie eerste fase Wi2021).
/// </summary>
public static class BronGeldzaken
{
    private const string Kempen = "Evaluatie Wet Inburgering Kempen 2024";
    private const string Evaluatie = "Evaluatie eerste fase Wi2021 (RadarAdvies 2024)";

    /// <summary>
    /// The krediet is bijzondere bijstand (Participatiewet art. 35 lid 1); the municipality's own regeling says how it is
    /// granted. This named the Participatiewet as its source with the Kempen passage as quote, so neither was checked;
    /// now the Kempen lines are the practice source and the article its Grondslag.
    /// </summary>
    public static readonly Citation InrichtingskredietGrondslag = new(
        Kempen, "regels 607-609",
        "Het beleid omtrent het inrichtingskrediet is verbeterd. De inhoudelijke aandachtspunten zijn al verwerkt in de nieuwe regeling bijzondere bijstand die in januari door de colleges in de Kempen wordt vastgesteld.",
        Grondslag: Wet.BijzondereBijstand);

    /// <summary>Why there is a timer at all: two weeks to furnish the home and move in.</summary>
    public static readonly Citation InrichtingskredietTweeWeken = new(
        Kempen, "regels 626-629",
        "Het inrichtingskrediet wordt regelmatig niet op tijd verstrekt. ... De inburgeraars hebben namelijk slechts twee weken om het huis in te richten en erin te trekken.",
        Grondslag: Wet.BijzondereBijstand);

    /// <summary>Applied together with the uitkering, at the moment of housing.</summary>
    public static readonly Citation InrichtingskredietBijHuisvesting = new(
        Evaluatie, "regels 10733-10737",
        "Op hetzelfde moment wordt ook het inrichtingskrediet aangevraagd. In de eerste maand worden de vaste lasten vaak uit dit krediet betaald, omdat de uitkering achteraf wordt uitbetaald en dus niet op tijd binnenkomt.",
        Grondslag: Wet.BijzondereBijstand);

    /// <summary>The wish behind the monthly statement: what is withheld, and for how long.</summary>
    public static readonly Citation MaandelijkseSpecificatie = new(
        Kempen, "regels 622-624",
        "Het geeft statushouders meer inzicht als de uitkeringsspecificaties maandelijks worden verstuurd en duidelijker wordt gemaakt wat hiervan wordt ingehouden voor de inburgeraar en hoe lang nog.",
        Grondslag: Bron.OntzorgenParticipatiewet);
}

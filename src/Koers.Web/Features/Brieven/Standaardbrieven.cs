using Koers.Domain.Besluiten;

namespace Koers.Web.Features.Brieven;

/// <summary>
/// Koers's own text of each letter (version 0, "standaardtekst"): what a municipality gets until its functioneel
/// beheerder saves its own version, and what "terug naar de standaardtekst" starts from. Plain Dutch (B1). The parts in
/// brackets are written by Koers from the case (<see cref="Briefsjabloon.Vastdelen"/>).
/// </summary>
public static class Standaardbrieven
{
    public static string Tekst(Briefsoort soort) => soort switch
    {
        Briefsoort.PipVaststelling => PipVaststelling,
        Briefsoort.PipBijstelling => PipBijstelling,
        Briefsoort.HandhavingBrief => HandhavingBrief,
        Briefsoort.Sanctie => Sanctie,
        Briefsoort.OntzorgenBesluit => OntzorgenBesluit,
        _ => throw new ArgumentOutOfRangeException(nameof(soort)),
    };

    private const string RechtenEnPlichten = """
        ## Uw rechten en plichten
        Dit moet u doen:
        - U doet mee aan alle onderdelen van uw plan.
        - U komt op tijd naar de lessen en afspraken.
        - Bent u ziek, kunt u niet komen of gaat er iets mis? Neem dan zo snel mogelijk contact met ons op.
        - U komt naar de voortgangsgesprekken. Daarin bespreken wij hoe het met uw inburgering gaat. Wij spreken u {voortgangsgesprekken}.

        Houdt u zich niet aan de afspraken in uw plan? Dan krijgt u eerst een waarschuwing. Houdt u zich daarna nog steeds niet aan de afspraken? Dan kunnen wij u een boete geven.

        Dit zijn uw rechten:
        - U heeft recht op begeleiding bij uw inburgering. In uw plan staat welke begeleiding u krijgt.
        - Past uw plan niet meer bij uw situatie? Dan kunt u ons vragen om het plan aan te passen.
        - Wij gebruiken uw gegevens alleen om uw inburgering te regelen. Wij delen uw gegevens alleen als dat nodig is en de wet het toestaat, bijvoorbeeld met DUO en met de taalschool. U mag altijd vragen welke gegevens wij van u hebben.
        """;

    private const string Slot = """
        ## Heeft u vragen?
        Neem dan contact op met {contactpersoon}. Bel ons op {telefoon} en noem het kenmerk van deze brief.

        [ondertekening]
        """;

    /// <summary>Everything after the opening paragraph, the same for a vaststelling and a bijstelling.</summary>
    private const string PlanTotSlot = $"""
        [besluit]

        [plan]

        [motivering]

        [termijn]

        Voor het einde van deze termijn moet u klaar zijn met uw inburgering. Denkt u dat dit niet lukt, bijvoorbeeld door ziekte? Neem dan op tijd contact met ons op.

        {RechtenEnPlichten}

        [bezwaar]

        {Slot}
        """;

    private const string PipVaststelling = $"""
        Beste {"{naam}"},

        U moet inburgeren. Daarom hebben wij samen met u een plan gemaakt: het persoonlijk plan inburgering en participatie. Wij noemen dit plan het PIP. In het PIP staat hoe u gaat inburgeren. Bijvoorbeeld welke leerroute u volgt, wat uw doelen zijn en welke hulp u krijgt.

        {PlanTotSlot}
        """;

    private const string PipBijstelling = $"""
        Beste {"{naam}"},

        U heeft een persoonlijk plan inburgering en participatie (PIP). In het PIP staat hoe u inburgert. Wij hebben uw plan met u besproken en passen het aan.

        {PlanTotSlot}
        """;

    private const string HandhavingBrief = """
        Beste {naam},

        [staptekst]

        [feiten]

        [reactie]

        ## Heeft u vragen?
        Bel ons op {telefoon} en noem het kenmerk van deze brief.

        [ondertekening]
        """;

    private const string Sanctie = """
        Beste {naam},

        [staptekst]

        [motivering]

        [bezwaar]

        ## Heeft u vragen?
        Bel ons op {telefoon} en noem het kenmerk van deze brief.

        [ondertekening]
        """;

    private const string OntzorgenBesluit = $"""
        Beste {"{naam}"},

        Wij hebben een besluit genomen over het betalen van uw vaste lasten. Dat leest u in deze brief.

        [besluit]

        [motivering]

        [bezwaar]

        {Slot}
        """;
}

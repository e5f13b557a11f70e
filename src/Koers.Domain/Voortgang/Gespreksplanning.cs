using Koers.Domain.Clock;
using Koers.Domain.Dossier;

namespace Koers.Domain.Voortgang;

/// <summary>
/// Planning of progress talks. The due date is the legal clock's voortgangsgesprek deadline (the municipality's
/// interval from the PIP or the last talk held), so the worklist and the talk screen never disagree.
/// </summary>
public static class Gespreksplanning
{
    /// <summary>The date the next talk is due, or null when no talk is due (no PIP yet, closed, not Wi2021).</summary>
    public static DateOnly? VolgendeUiterlijk(DossierFeiten feiten, ClockSettings instellingen)
    {
        var termijn = LegalClock.Voortgangsgesprek(feiten, instellingen);
        return termijn.Toepasselijk ? termijn.Vervaldatum : null;
    }

    /// <summary>Rules for recording a talk as held (or as a no-show) on a date.</summary>
    public static IReadOnlyList<Overtreding> ControleerUitvoering(DossierFeiten feiten, DateOnly datum, DateOnly vandaag)
    {
        var fouten = new List<Overtreding>();
        if (datum > vandaag)
        {
            fouten.Add(new("Datum", $"De datum {datum:dd-MM-yyyy} ligt in de toekomst. Leg een gesprek vast nadat het is gevoerd; plan het anders in."));
        }

        if (feiten.Datum(Mijlpaal.PipVastgesteld) is not { } pip)
        {
            fouten.Add(new("Datum", "Er is nog geen PIP vastgesteld; voortgangsgesprekken gaan over de uitvoering van het PIP."));
        }
        else if (datum < pip)
        {
            fouten.Add(new("Datum", $"De datum ligt vóór de vaststelling van het PIP ({pip:dd-MM-yyyy})."));
        }

        return fouten;
    }

    /// <summary>
    /// The new 'last progress talk' milestone after a talk on <paramref name="gehouden"/>: a talk entered late,
    /// older than the last one known, does not move the clock back.
    /// </summary>
    public static DateOnly NieuweLaatste(DateOnly? huidig, DateOnly gehouden) => huidig is { } h && h > gehouden ? h : gehouden;
}

using Koers.Domain.Dossier;
using Koers.Domain.Sources;

namespace Koers.Domain.Participatie;

/// <summary>The event the measurement moments count from (practice notes §4.1: housing and/or the intake).</summary>
public enum Meetanker
{
    /// <summary>Housing: the BRP registration in the municipality is the date Koers has of it.</summary>
    Huisvesting,
    BredeIntake,
    Pip,
}

public enum MeetmomentStatus
{
    /// <summary>The anchor is not known yet, so the date cannot be computed.</summary>
    AnkerOnbekend,
    NogNiet,
    /// <summary>Due: on or after its date, before the next moment's date (or within the window of the last one).</summary>
    Open,
    Gedaan,
    /// <summary>Not measured and the next moment (or the window) has passed; it no longer appears on the worklist.</summary>
    Gemist,
    /// <summary>The case was closed before the moment came.</summary>
    Vervallen,
}

/// <summary>A municipality's monitoring settings: the anchor, the moments in months after it, questions switched off.</summary>
public sealed record Participatieinstellingen(Meetanker Anker, IReadOnlyList<int> Maanden, IReadOnlyList<string> UitgezetteVragen)
{
    /// <summary>0, 6, 12 and 24 months after housing: the pilot's one named moment (6 months after housing, 002:L83-88)
    /// with a baseline and yearly follow-up. A default, not a rule.</summary>
    public static readonly Participatieinstellingen Standaard = new(Meetanker.Huisvesting, [0, 6, 12, 24], []);
}

/// <summary>One moment of one person: when, in what state, and where the moment comes from.</summary>
public sealed record Meetmoment(int Maanden, DateOnly? Datum, DateOnly? OpenTot, MeetmomentStatus Status, Citation Bron)
{
    public string Omschrijving => Maanden == 0 ? "Nulmeting" : $"{Maanden} maanden";
}

/// <summary>
/// When a person's participation is measured. No statutory basis (<see cref="BronParticipatie.GeenWettelijkeBasis"/>):
/// the moments follow the Hart van Brabant pilot, which measured repeatedly per person (002:L18-22) from housing
/// (002:L83-88). A moment is due from its date until the next moment's date; the last one for
/// <see cref="VensterLaatsteMaanden"/> months. A moment passed unmeasured is "gemist", so the worklist never fills with
/// questionnaires nobody can still ask meaningfully.
/// </summary>
public static class Meetmomenten
{
    public const int VensterLaatsteMaanden = 6;
    public const int MaxMaanden = 60;
    public const int MaxAantal = 8;

    public static Mijlpaal Mijlpaal(this Meetanker anker) => anker switch
    {
        Meetanker.Huisvesting => Dossier.Mijlpaal.BrpInschrijving,
        Meetanker.BredeIntake => Dossier.Mijlpaal.BredeIntake,
        _ => Dossier.Mijlpaal.PipVastgesteld,
    };

    public static string Omschrijving(this Meetanker anker) => anker switch
    {
        Meetanker.Huisvesting => "Huisvesting (inschrijving BRP)",
        Meetanker.BredeIntake => "Brede intake afgerond",
        _ => "PIP vastgesteld",
    };

    /// <summary>The anchor inside a sentence ("… maanden na huisvesting (inschrijving BRP)"): only a word is written in lower
    /// case, never an abbreviation (BRP, PIP).</summary>
    public static string InZin(this Meetanker anker) => Omschrijving(anker) is var o && o.Length > 1 && char.IsLower(o[1])
        ? char.ToLowerInvariant(o[0]) + o[1..]
        : Omschrijving(anker);

    /// <summary>The moments of one person, given the months already measured.</summary>
    public static IReadOnlyList<Meetmoment> Bepaal(DossierFeiten feiten, Participatieinstellingen instellingen, IReadOnlySet<int> gemeten, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(feiten);
        ArgumentNullException.ThrowIfNull(instellingen);
        ArgumentNullException.ThrowIfNull(gemeten);
        var anker = feiten.Datum(instellingen.Anker.Mijlpaal());
        var afgesloten = feiten.Afsluiting?.Datum;
        var maanden = instellingen.Maanden.Order().Distinct().ToList();
        var bron = BronParticipatie.MeetmomentNaHuisvesting;
        var uit = new List<Meetmoment>();
        for (var i = 0; i < maanden.Count; i++)
        {
            var m = maanden[i];
            if (gemeten.Contains(m))
            {
                uit.Add(new(m, anker?.AddMonths(m), null, MeetmomentStatus.Gedaan, bron));
                continue;
            }

            if (anker is not { } a)
            {
                uit.Add(new(m, null, null, MeetmomentStatus.AnkerOnbekend, bron));
                continue;
            }

            var datum = a.AddMonths(m);
            var tot = i + 1 < maanden.Count ? a.AddMonths(maanden[i + 1]).AddDays(-1) : datum.AddMonths(VensterLaatsteMaanden).AddDays(-1);
            var status = afgesloten is { } s && s <= datum ? MeetmomentStatus.Vervallen
                : vandaag < datum ? MeetmomentStatus.NogNiet
                : vandaag > tot ? MeetmomentStatus.Gemist
                : afgesloten is not null ? MeetmomentStatus.Vervallen
                : MeetmomentStatus.Open;
            uit.Add(new(m, datum, tot, status, bron));
        }

        return uit;
    }

    /// <summary>The moment due today, if any (at most one: the windows do not overlap).</summary>
    public static Meetmoment? Open(DossierFeiten feiten, Participatieinstellingen instellingen, IReadOnlySet<int> gemeten, DateOnly vandaag) =>
        Bepaal(feiten, instellingen, gemeten, vandaag).FirstOrDefault(m => m.Status == MeetmomentStatus.Open);

    /// <summary>Checks the months a beheerder enters: 0 to 60, distinct, at most eight.</summary>
    public static IReadOnlyList<Antwoordfout> ControleerMaanden(IReadOnlyList<int> maanden)
    {
        ArgumentNullException.ThrowIfNull(maanden);
        var fouten = new List<Antwoordfout>();
        var bron = BronParticipatie.Vragenlijst;
        if (maanden.Count == 0) fouten.Add(new("Maanden", "Geef ten minste één meetmoment, bijvoorbeeld 0, 6, 12, 24.", bron));
        if (maanden.Count > MaxAantal) fouten.Add(new("Maanden", $"Hoogstens {MaxAantal} meetmomenten.", bron));
        if (maanden.Any(m => m < 0 || m > MaxMaanden)) fouten.Add(new("Maanden", $"Een meetmoment ligt tussen 0 en {MaxMaanden} maanden na het ankermoment.", bron));
        if (maanden.Distinct().Count() != maanden.Count) fouten.Add(new("Maanden", "Elk meetmoment komt één keer voor.", bron));
        return fouten;
    }
}

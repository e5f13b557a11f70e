using Koers.Data.Model;

namespace Koers.Web.Features.Logistiek;

/// <summary>One partner traject of a person: a started referral, ended when the partner marked it afgerond.</summary>
public sealed record Traject(Guid VerwijzingId, string Omschrijving, DateOnly Start, DateOnly? Einde);

/// <summary>
/// The time between the end of one traject and the start of the next. <see cref="StartVolgende"/> null: nothing started
/// or planned yet (the gap runs to today). <see cref="Actueel"/>: the next traject has not started yet, so the klantregisseur
/// can still act; a gap that is over stays on the case page as history but leaves the worklist.
/// </summary>
public sealed record Tussenpoze(DateOnly EindeVorige, DateOnly? StartVolgende, int Dagen, bool Actueel, bool TeLang);

/// <summary>
/// The pure rules of this feature (no EF, no HTTP), so the tests and the worklist read the same thing. None of this is
/// statutory: the maxima are each municipality's choice (practice source: the Z-route location unreachable from several
/// villages, 000:L1081-1103 via seed-000-002-003-practice.md §6.1 #8 and §6.2 A16/A17).
/// </summary>
public static class Logistiekregels
{
    public const int StandaardMaxReistijdMinuten = 60;
    public const int StandaardVervoerEindeDagen = 14;
    public const int StandaardMaxTussenpozeDagen = 28;

    /// <summary>Weekday daytime dayparts (of 10, Monday to Friday morning and afternoon) someone needs free to follow daytime classes.</summary>
    public const int MinDagdelenOverdag = 3;

    public static readonly IReadOnlyList<string> Dagen = ["ma", "di", "wo", "do", "vr", "za", "zo"];
    public static readonly IReadOnlyList<string> DagNamen = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
    public static readonly IReadOnlyList<string> Delen = ["ochtend", "middag", "avond"];

    /// <summary>The code of a daypart as used in forms and the API: "ma-ochtend", "za-avond".</summary>
    public static string Code(int dag, int deel) => $"{Dagen[dag]}-{Delen[deel]}";

    public static int Bit(int dag, int deel) => 1 << ((dag * 3) + deel);

    /// <summary>The bit mask for the codes; the unknown codes are returned for a message at the field.</summary>
    public static (int Masker, List<string> Onbekend) Masker(IEnumerable<string>? codes)
    {
        var masker = 0;
        var onbekend = new List<string>();
        foreach (var c in (codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToLowerInvariant()))
        {
            var delen = c.Split('-');
            var dag = delen.Length == 2 ? Dagen.ToList().IndexOf(delen[0]) : -1;
            var deel = delen.Length == 2 ? Delen.ToList().IndexOf(delen[1]) : -1;
            if (dag < 0 || deel < 0) onbekend.Add(c);
            else masker |= Bit(dag, deel);
        }

        return (masker, onbekend);
    }

    public static IReadOnlyList<string> Codes(int masker) =>
        [.. from dag in Enumerable.Range(0, 7) from deel in Enumerable.Range(0, 3) where (masker & Bit(dag, deel)) != 0 select Code(dag, deel)];

    /// <summary>How many of the ten weekday mornings and afternoons are free.</summary>
    public static int VrijOverdag(int masker) =>
        (from dag in Enumerable.Range(0, 5) from deel in Enumerable.Range(0, 2) where (masker & Bit(dag, deel)) == 0 select 1).Count();

    /// <summary>Cannot follow daytime classes: fewer than <see cref="MinDagdelenOverdag"/> weekday mornings and afternoons free.</summary>
    public static bool OverdagNiet(int masker) => VrijOverdag(masker) < MinDagdelenOverdag;

    public static bool AvondMogelijk(int masker) => Enumerable.Range(0, 5).Any(dag => (masker & Bit(dag, 2)) == 0);

    public static bool WeekendMogelijk(int masker) =>
        (from dag in new[] { 5, 6 } from deel in Enumerable.Range(0, 3) where (masker & Bit(dag, deel)) == 0 select 1).Any();

    /// <summary>The travel time that counts: the fastest way recorded (public transport or bike); null when neither was recorded.</summary>
    public static int? Reistijd(Reisprofiel? p) => p is null ? null : (p.ReistijdOvMinuten, p.ReistijdFietsMinuten) switch
    {
        ({ } ov, { } fiets) => Math.Min(ov, fiets),
        ({ } ov, null) => ov,
        (null, { } fiets) => fiets,
        _ => null,
    };

    public static bool Loopt(Vervoersvoorziening v, DateOnly dag) => v.Van <= dag && (v.Tot is null || v.Tot >= dag);

    /// <summary>
    /// Transport support that ends within <paramref name="dagen"/> days from today (today included) and that no other
    /// support takes over from the next day: a bus for six weeks followed by an OV-vergoeding is no signal.
    /// </summary>
    public static IEnumerable<Vervoersvoorziening> EindigtBinnenkort(IReadOnlyList<Vervoersvoorziening> alle, DateOnly vandaag, int dagen) =>
        alle.Where(v => v.Tot is { } tot && tot >= vandaag && tot <= vandaag.AddDays(dagen)
            && !alle.Any(w => w.Id != v.Id && Loopt(w, tot.AddDays(1))));

    /// <summary>Travel time above the maximum and no transport support running today.</summary>
    public static bool ReistijdTeLang(Reisprofiel? p, IReadOnlyList<Vervoersvoorziening> voorzieningen, DateOnly vandaag, int max) =>
        Reistijd(p) is { } t && t > max && !voorzieningen.Any(v => Loopt(v, vandaag));

    /// <summary>
    /// The gaps after each ended traject: to the first traject that starts after its end (started or planned), or to
    /// today when none is. A traject still running on the day another ended leaves no gap.
    /// </summary>
    public static IReadOnlyList<Tussenpoze> Tussenpozen(IReadOnlyList<Traject> trajecten, DateOnly vandaag, int max)
    {
        var uit = new List<Tussenpoze>();
        foreach (var t in trajecten.Where(t => t.Einde is { } e && e <= vandaag).OrderBy(t => t.Einde))
        {
            var einde = t.Einde!.Value;
            if (trajecten.Any(o => o != t && o.Start <= einde && (o.Einde is null || o.Einde > einde))) continue;
            var volgende = trajecten.Where(o => o != t && o.Start > einde).Select(o => (DateOnly?)o.Start).Min();
            var tot = volgende ?? vandaag;
            var dagen = tot.DayNumber - einde.DayNumber;
            uit.Add(new Tussenpoze(einde, volgende, dagen, volgende is null || volgende > vandaag, dagen > max));
        }

        return uit;
    }

    /// <summary>
    /// A referral as a traject: started (a start date, accepted or finished); it ended on the day the partner marked it
    /// afgerond. A finished referral without a usable end (none, or before its start) has no reliable dates and is left
    /// out rather than guessed, so it can neither cause nor hide a gap.
    /// </summary>
    public static Traject? AlsTraject(Guid id, string omschrijving, Data.Model.Keten.Verwijzingsstatus status, DateOnly? start, DateOnly? beslistOp)
    {
        if (start is not { } s) return null;
        if (status == Data.Model.Keten.Verwijzingsstatus.Geaccepteerd) return new Traject(id, omschrijving, s, null);
        if (status == Data.Model.Keten.Verwijzingsstatus.Afgerond && beslistOp is { } e && e >= s) return new Traject(id, omschrijving, s, e);
        return null;
    }

    public static string Omschrijving(Vervoerssoort s) => s switch
    {
        Vervoerssoort.Busabonnement => "Busabonnement",
        Vervoerssoort.OvVergoeding => "OV-vergoeding",
        Vervoerssoort.Fiets => "Fiets",
        Vervoerssoort.Taxi => "Taxi",
        Vervoerssoort.Busje => "Busje (vervoer geregeld)",
        _ => "Anders",
    };

    public static string Omschrijving(Beschikbaarheidsreden r) => r switch
    {
        Beschikbaarheidsreden.Kinderopvang => "Kinderopvang (halen en brengen)",
        Beschikbaarheidsreden.Schooltijden => "Schooltijden van de kinderen",
        Beschikbaarheidsreden.Werk => "Werk",
        Beschikbaarheidsreden.Mantelzorg => "Mantelzorg",
        _ => "Anders",
    };

    public static readonly IReadOnlyList<Beschikbaarheidsreden> AlleRedenen =
        [Beschikbaarheidsreden.Kinderopvang, Beschikbaarheidsreden.Schooltijden, Beschikbaarheidsreden.Werk, Beschikbaarheidsreden.Mantelzorg, Beschikbaarheidsreden.Anders];

    public static IReadOnlyList<Beschikbaarheidsreden> Lijst(Beschikbaarheidsreden r) => [.. AlleRedenen.Where(x => r.HasFlag(x))];
}

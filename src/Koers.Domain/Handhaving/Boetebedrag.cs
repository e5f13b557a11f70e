using System.Globalization;
using Koers.Domain.Sources;

namespace Koers.Domain.Handhaving;

/// <summary>
/// How much the inburgeraar is to blame, the four steps of Besluit inburgering 2021 art. 7.1 lid 4 (only for the boete
/// of Wi2021 art. 23; the boete of art. 22 has one amount).
/// </summary>
public enum Verwijtbaarheid
{
    /// <summary>Opzet: 100 %.</summary>
    Opzet,

    /// <summary>Grove schuld: 75 %.</summary>
    GroveSchuld,

    /// <summary>Geen opzet of grove schuld: 50 %.</summary>
    GeenOpzetOfGroveSchuld,

    /// <summary>Verminderde verwijtbaarheid: 25 %.</summary>
    Verminderd,
}

/// <summary>
/// An earlier boete of the college on this person: the obligation, the day the overtreding was constated, the amount
/// imposed, and whether it has become onherroepelijk by the day of the new boete.
/// </summary>
public sealed record EerdereBoete(PipVerplichting Verplichting, DateOnly Constatering, decimal Bedrag, bool Onherroepelijk);

/// <summary>
/// The amount the Besluit prescribes and how it was reached, in words the letter can print. <see cref="Bedrag"/> 0 means
/// no boete can be imposed: the total of lid 5 has been reached.
/// </summary>
public sealed record Boetebedrag(
    decimal Bedrag,
    decimal Basisbedrag,
    int Verhogingen,
    int Percentage,
    decimal EerderOpgelegd,
    bool DoorTotaalBegrensd,
    IReadOnlyList<string> Toelichting)
{
    /// <summary>The articles applied, statute first: Besluit art. 7.1 and, above it, the maximum of Wi2021 art. 26 lid 1.</summary>
    public IReadOnlyList<Citation> Bronnen { get; init; } = [];
}

/// <summary>
/// The amount of a boete of the college as Besluit inburgering 2021 art. 7.1 prescribes it (text in
/// docs/bronnen/BWBR0045555.md). The Besluit fixes the amount: a municipality does not choose it (a configured ladder
/// amount above it is refused, see <see cref="BovenWettelijk"/>).
/// <list type="bullet">
/// <item>art. 22 (brede intake): € 250 (lid 1);</item>
/// <item>art. 23 (ondersteuning en begeleiding): € 50 (lid 2), raised by 100 % for each earlier art. 23 overtreding
/// constated in the twelve months before this one's constatering whose boete has become onherroepelijk, up to € 800
/// (lid 3); then set at 100/75/50/25 % by culpability (lid 4);</item>
/// <item>all boetes of lid 1 and 2 together at most € 2,400 during the inburgeringstermijn (lid 5): a new boete is
/// lowered to what is left, and none can be imposed once it is reached.</item>
/// </list>
/// Reading of lid 3: "steeds met 100 procent verhoogd" is applied per qualifying earlier overtreding (€ 50, 100, 200,
/// 400, 800). The lower totals of lid 5 for a new termijn after a boete of the Minister (art. 24/25) are not modelled:
/// Koers does not record such a termijn.
/// </summary>
public static class Boeteberekening
{
    public const decimal BedragBredeIntake = 250m;
    public const decimal Grondbedrag = 50m;
    public const decimal HoogsteVerhoogd = 800m;
    public const decimal TotaalTermijn = 2400m;
    public const int TijdvakMaanden = 12;

    public static int Percentage(Verwijtbaarheid v) => v switch
    {
        Verwijtbaarheid.Opzet => 100,
        Verwijtbaarheid.GroveSchuld => 75,
        Verwijtbaarheid.GeenOpzetOfGroveSchuld => 50,
        Verwijtbaarheid.Verminderd => 25,
        _ => throw new ArgumentOutOfRangeException(nameof(v)),
    };

    public static string Omschrijving(this Verwijtbaarheid v) => v switch
    {
        Verwijtbaarheid.Opzet => "opzet",
        Verwijtbaarheid.GroveSchuld => "grove schuld",
        Verwijtbaarheid.GeenOpzetOfGroveSchuld => "geen opzet of grove schuld",
        Verwijtbaarheid.Verminderd => "verminderde verwijtbaarheid",
        _ => v.ToString(),
    };

    /// <summary>Whether an earlier overtreding counts for the raise of lid 3: art. 23, constated in the twelve months before, onherroepelijk.</summary>
    public static bool TeltVoorVerhoging(EerdereBoete eerder, DateOnly constatering) =>
        eerder.Verplichting != PipVerplichting.BredeIntakeEnPip
        && eerder.Onherroepelijk
        && eerder.Constatering < constatering
        && eerder.Constatering >= constatering.AddMonths(-TijdvakMaanden);

    /// <summary>
    /// The amount for a boete for <paramref name="verplichting"/> constated on <paramref name="constatering"/>.
    /// <paramref name="verwijtbaarheid"/> is required for an art. 23 boete and ignored for art. 22.
    /// </summary>
    public static Boetebedrag Bereken(PipVerplichting verplichting, DateOnly constatering, Verwijtbaarheid? verwijtbaarheid, IReadOnlyList<EerdereBoete> eerder)
    {
        ArgumentNullException.ThrowIfNull(eerder);
        var nl = CultureInfo.GetCultureInfo("nl-NL");
        string Euro(decimal d) => d.ToString("C", nl);
        var toelichting = new List<string>();
        decimal basis;
        int verhogingen = 0, percentage = 100;
        decimal bedrag;
        if (verplichting == PipVerplichting.BredeIntakeEnPip)
        {
            basis = BedragBredeIntake;
            bedrag = basis;
            toelichting.Add($"Een boete omdat u niet bent gekomen of niet genoeg hebt meegewerkt aan de brede intake is {Euro(basis)} (artikel 7.1, eerste lid, van het Besluit inburgering 2021).");
        }
        else
        {
            if (verwijtbaarheid is not { } v || !Enum.IsDefined(v)) throw new ArgumentException("Een boete op grond van artikel 23 vraagt de mate van verwijtbaarheid.", nameof(verwijtbaarheid));
            verhogingen = eerder.Count(e => TeltVoorVerhoging(e, constatering));
            basis = Grondbedrag;
            for (var i = 0; i < verhogingen && basis < HoogsteVerhoogd; i++) basis = Math.Min(basis * 2, HoogsteVerhoogd);
            toelichting.Add(verhogingen == 0
                ? $"De boete is {Euro(Grondbedrag)} (artikel 7.1, tweede lid, van het Besluit inburgering 2021): in de twaalf maanden vóór {Datum(constatering)} is geen eerdere overtreding vastgesteld waarvoor de boete onherroepelijk is."
                : $"De boete is {Euro(Grondbedrag)}, voor elke eerdere overtreding in de twaalf maanden vóór {Datum(constatering)} waarvoor de boete onherroepelijk is ({verhogingen}) verhoogd met 100 procent tot {Euro(basis)}, ten hoogste {Euro(HoogsteVerhoogd)} (artikel 7.1, tweede en derde lid).");
            percentage = Percentage(v);
            bedrag = decimal.Round(basis * percentage / 100m, 2);
            toelichting.Add($"Verwijtbaarheid: {v.Omschrijving()}, dus {percentage} procent: {Euro(bedrag)} (artikel 7.1, vierde lid).");
        }

        var opgelegd = eerder.Sum(e => e.Bedrag);
        var ruimte = Math.Max(0m, TotaalTermijn - opgelegd);
        var begrensd = bedrag > ruimte;
        if (begrensd)
        {
            bedrag = ruimte;
            toelichting.Add(ruimte == 0
                ? $"U hebt al {Euro(opgelegd)} aan boetes opgelegd gekregen; meer dan {Euro(TotaalTermijn)} in de inburgeringstermijn mag niet (artikel 7.1, vijfde lid). Er kan geen boete meer worden opgelegd."
                : $"U hebt al {Euro(opgelegd)} aan boetes opgelegd gekregen; samen ten hoogste {Euro(TotaalTermijn)} in de inburgeringstermijn (artikel 7.1, vijfde lid), dus deze boete is {Euro(bedrag)}.");
        }

        return new Boetebedrag(bedrag, basis, verhogingen, percentage, opgelegd, begrensd, toelichting)
        {
            Bronnen = verplichting == PipVerplichting.BredeIntakeEnPip
                ? [Wet.BoeteBedragBredeIntake, Wet.BoeteTotaal, Wet.BoeteMaximum]
                : [Wet.BoeteBedrag, Wet.BoeteVerwijtbaarheid, Wet.BoeteTotaal, Wet.BoeteMaximum],
        };
    }

    /// <summary>
    /// What is imposed: the Besluit's amount, or the municipality's ladder amount when that is lower (a milder choice of
    /// the college; one above it is refused by <see cref="BovenWettelijk"/>).
    /// </summary>
    public static decimal OpTeLeggen(decimal? ladderbedrag, Boetebedrag wettelijk)
    {
        ArgumentNullException.ThrowIfNull(wettelijk);
        return Math.Min(ladderbedrag ?? wettelijk.Bedrag, wettelijk.Bedrag);
    }

    /// <summary>Why a configured ladder amount cannot be imposed because it is above what the Besluit prescribes here, or null.</summary>
    public static string? BovenWettelijk(decimal? geconfigureerd, Boetebedrag wettelijk)
    {
        ArgumentNullException.ThrowIfNull(wettelijk);
        if (wettelijk.Bedrag <= 0)
            return $"Er kan geen boete meer worden opgelegd: er is al € {wettelijk.EerderOpgelegd:N0} aan boetes opgelegd en het Besluit inburgering 2021 staat in de inburgeringstermijn samen hoogstens € {TotaalTermijn:N0} toe ({Wet.BoeteTotaal}).";
        return geconfigureerd is { } b && b > wettelijk.Bedrag
            ? $"De boete van € {b:N2} uit de ladder is hoger dan het Besluit inburgering 2021 hier voorschrijft: € {wettelijk.Bedrag:N2} ({string.Join(" ", wettelijk.Toelichting)}). Laat het bedrag in de ladder leeg (dan geldt het wettelijke bedrag) of sla deze stap over."
            : null;
    }

    private static string Datum(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));
}

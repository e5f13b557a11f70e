namespace Koers.Domain.Dossier;

/// <summary>
/// The facts of one case that the legal clock and the phase derive from. Immutable: a change of facts
/// gives a new instance, so the clock before and after a change can be compared and the difference kept.
/// </summary>
public sealed record DossierFeiten
{
    public required Doelgroep Doelgroep { get; init; }
    public DateOnly? Geboortedatum { get; init; }
    public Leerroute? Leerroute { get; init; }

    /// <summary>Set when the person cannot start yet (e.g. not motivated, illness); triggers periodic recontact.</summary>
    public bool NogNietStartklaar { get; init; }

    /// <summary>
    /// Date of sending (bekendmaking, Awb 3:41) of the newest beschikking; the bezwaartermijn runs from the day after
    /// it (Awb 6:8 lid 1). Null while it has not been sent, or when no beschikking was made in Koers.
    /// </summary>
    public DateOnly? LaatsteBeschikking { get; init; }

    /// <summary>
    /// True when the newest beschikking was made but its date of sending is not recorded yet: the bezwaartermijn
    /// cannot be computed (the dagtekening is not the bekendmaking).
    /// </summary>
    public bool LaatsteBeschikkingNietVerzonden { get; init; }

    /// <summary>The municipality extended financieel ontzorgen until this day (a local decision after the 6 months).</summary>
    public DateOnly? OntzorgenVerlengdTot { get; init; }

    /// <summary>The municipality decided not to apply ontzorgen ('nee, tenzij' or a reasoned waiver).</summary>
    public bool OntzorgenAfgezien { get; init; }

    public IReadOnlyDictionary<Mijlpaal, DateOnly> Mijlpalen { get; init; } = new Dictionary<Mijlpaal, DateOnly>();

    public DateOnly? Datum(Mijlpaal mijlpaal) =>
        Mijlpalen.TryGetValue(mijlpaal, out var datum) ? datum : null;

    /// <summary>The third party's information for the PIP (art. 5.3 lid 2), when the college recorded asking for it.</summary>
    public Clock.InformatieDerde? InformatieDerde() =>
        Datum(Mijlpaal.InformatieDerdeGevraagd) is { } gevraagd ? new Clock.InformatieDerde(gevraagd, Datum(Mijlpaal.InformatieDerdeOntvangen)) : null;

    public DossierFeiten Met(Mijlpaal mijlpaal, DateOnly? datum)
    {
        var copy = new Dictionary<Mijlpaal, DateOnly>(Mijlpalen);
        if (datum is { } d)
        {
            copy[mijlpaal] = d;
        }
        else
        {
            copy.Remove(mijlpaal);
        }

        return this with { Mijlpalen = copy };
    }

    /// <summary>The closing milestone (voldaan, ontheffing, verhuisd, uitgeschreven) if there is one.</summary>
    /// <remarks>
    /// A plain loop: the clock asks this several times per case, and the recomputation of all deadlines asks it for
    /// 150,000 cases, where a LINQ chain's iterators and delegates were garbage to collect on every call.
    /// </remarks>
    public (Mijlpaal Soort, DateOnly Datum)? Afsluiting
    {
        get
        {
            var afsluitend = MijlpaalInfo.Afsluitend;
            for (var k = 0; k < afsluitend.Count; k++)
            {
                if (Mijlpalen.TryGetValue(afsluitend[k], out var datum)) return (afsluitend[k], datum);
            }

            return null;
        }
    }
}

/// <summary>Per-municipality settings the clock needs. Defaults follow the sources.</summary>
public sealed record ClockSettings
{
    /// <summary>Months between progress talks (sources: a statutory cadence of 3 months).</summary>
    public int VoortgangsgesprekIntervalMaanden { get; init; } = 3;

    /// <summary>Months between contacts with someone who cannot start yet (sources: every 2 to 3 months).</summary>
    public int HercontactIntervalMaanden { get; init; } = 3;

    /// <summary>Length of mandatory financieel ontzorgen in months (law: 6; a municipality may extend).</summary>
    public int OntzorgenMaanden { get; init; } = 6;

    public static readonly ClockSettings Default = new();
}

using Koers.Domain.Dossier;
using Koers.Domain.Sources;

namespace Koers.Domain.Geldzaken;

/// <summary>Where the application for the inrichtingskrediet stands; each step has its own date.</summary>
public enum KredietStatus
{
    NietAangevraagd,
    Aangevraagd,
    Toegekend,
    Uitbetaald,
}

/// <summary>What is recorded about one case's inrichtingskrediet.</summary>
public sealed record KredietFeiten
{
    /// <summary>The day the person got the keys of their home in the municipality; the timer starts here.</summary>
    public DateOnly? HuisvestingOp { get; init; }
    public DateOnly? AangevraagdOp { get; init; }
    public DateOnly? ToegekendOp { get; init; }
    public decimal? ToegekendBedrag { get; init; }
    public DateOnly? UitbetaaldOp { get; init; }
    public decimal? UitbetaaldBedrag { get; init; }
}

/// <summary>
/// The timer of one case: the last day by which the krediet should be paid, how many days are left (negative:
/// passed), and whether the term has passed without payment: the worklist signal.
/// </summary>
public sealed record KredietStand(KredietStatus Status, DateOnly? Uiterlijk, int? DagenResterend, bool TermijnVerstreken, string Toelichting, Citation Bron);

/// <summary>
/// The inrichtingskrediet as rules: the term runs from the date of housing for the municipality's number of days
/// (practice: two weeks, <see cref="BronGeldzaken.InrichtingskredietTweeWeken"/>); it is met by the payment date.
/// </summary>
public static class InrichtingskredietRegels
{
    /// <summary>The default term when functioneel beheer has not set one: the two weeks of the Kempen evaluation.</summary>
    public const int StandaardTermijnDagen = 14;
    public const int MinimaleTermijnDagen = 1;
    public const int MaximaleTermijnDagen = 90;
    public const decimal MaximumBedrag = 25_000m;

    public static KredietStatus Status(KredietFeiten f) => f switch
    {
        { UitbetaaldOp: not null } => KredietStatus.Uitbetaald,
        { ToegekendOp: not null } => KredietStatus.Toegekend,
        { AangevraagdOp: not null } => KredietStatus.Aangevraagd,
        _ => KredietStatus.NietAangevraagd,
    };

    public static KredietStand Bereken(KredietFeiten f, int termijnDagen, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(f);
        var status = Status(f);
        if (f.HuisvestingOp is not { } huisvesting)
        {
            return new KredietStand(status, null, null, false,
                "De datum van huisvesting is nog niet vastgelegd; pas daarna loopt de termijn voor het inrichtingskrediet.", BronGeldzaken.InrichtingskredietBijHuisvesting);
        }

        var uiterlijk = huisvesting.AddDays(termijnDagen);
        if (f.UitbetaaldOp is { } betaald)
        {
            var optijd = betaald <= uiterlijk;
            return new KredietStand(status, uiterlijk, null, false,
                optijd
                    ? $"Uitbetaald op {betaald:dd-MM-yyyy}, binnen de termijn van {termijnDagen} dagen na huisvesting."
                    : $"Uitbetaald op {betaald:dd-MM-yyyy}, {betaald.DayNumber - uiterlijk.DayNumber} dag(en) na het einde van de termijn ({uiterlijk:dd-MM-yyyy}).",
                BronGeldzaken.InrichtingskredietTweeWeken);
        }

        var resterend = uiterlijk.DayNumber - vandaag.DayNumber;
        var verstreken = resterend < 0;
        return new KredietStand(status, uiterlijk, resterend, verstreken,
            verstreken
                ? $"De termijn van {termijnDagen} dagen na huisvesting ({huisvesting:dd-MM-yyyy}) is op {uiterlijk:dd-MM-yyyy} verstreken en het inrichtingskrediet is nog niet uitbetaald."
                : $"Het inrichtingskrediet moet uiterlijk {uiterlijk:dd-MM-yyyy} uitbetaald zijn ({termijnDagen} dagen na huisvesting op {huisvesting:dd-MM-yyyy}).",
            BronGeldzaken.InrichtingskredietTweeWeken);
    }

    /// <summary>Checks what is to be recorded: the steps in order, no step without the one before it, no dates in the future.</summary>
    public static IReadOnlyList<Overtreding> Controleer(KredietFeiten f, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(f);
        var fouten = new List<Overtreding>();
        void Toekomst(DateOnly? d, string veld, string wat)
        {
            if (d > vandaag) fouten.Add(new(veld, $"De datum {wat} ligt in de toekomst. Leg vast wat er gebeurd is."));
        }

        Toekomst(f.HuisvestingOp, nameof(f.HuisvestingOp), "van huisvesting");
        Toekomst(f.AangevraagdOp, nameof(f.AangevraagdOp), "van aanvraag");
        Toekomst(f.ToegekendOp, nameof(f.ToegekendOp), "van toekenning");
        Toekomst(f.UitbetaaldOp, nameof(f.UitbetaaldOp), "van uitbetaling");

        if (f.ToegekendOp is not null && f.AangevraagdOp is null)
            fouten.Add(new(nameof(f.AangevraagdOp), "Vul ook in wanneer het krediet is aangevraagd: toekennen kan alleen na een aanvraag.", BronGeldzaken.InrichtingskredietGrondslag));
        if (f.UitbetaaldOp is not null && f.ToegekendOp is null)
            fouten.Add(new(nameof(f.ToegekendOp), "Vul ook in wanneer het krediet is toegekend: uitbetalen kan alleen na toekenning.", BronGeldzaken.InrichtingskredietGrondslag));
        if (f.ToegekendOp < f.AangevraagdOp)
            fouten.Add(new(nameof(f.ToegekendOp), "De toekenning ligt vóór de aanvraag."));
        if (f.UitbetaaldOp < f.ToegekendOp)
            fouten.Add(new(nameof(f.UitbetaaldOp), "De uitbetaling ligt vóór de toekenning."));

        if (f.ToegekendOp is not null && f.ToegekendBedrag is null)
            fouten.Add(new(nameof(f.ToegekendBedrag), "Vul het toegekende bedrag in."));
        if (f.ToegekendBedrag is not null && f.ToegekendOp is null)
            fouten.Add(new(nameof(f.ToegekendOp), "Vul de datum van toekenning in bij het toegekende bedrag."));
        if (f.UitbetaaldOp is not null && f.UitbetaaldBedrag is null)
            fouten.Add(new(nameof(f.UitbetaaldBedrag), "Vul het uitbetaalde bedrag in."));
        if (f.UitbetaaldBedrag is not null && f.UitbetaaldOp is null)
            fouten.Add(new(nameof(f.UitbetaaldOp), "Vul de datum van uitbetaling in bij het uitbetaalde bedrag."));
        foreach (var (bedrag, veld) in new[] { (f.ToegekendBedrag, nameof(f.ToegekendBedrag)), (f.UitbetaaldBedrag, nameof(f.UitbetaaldBedrag)) })
        {
            if (bedrag is not { } b) continue;
            if (b <= 0) fouten.Add(new(veld, "Het bedrag moet meer dan € 0 zijn."));
            else if (b > MaximumBedrag) fouten.Add(new(veld, $"Het bedrag is hoogstens € 25.000; controleer het bedrag."));
            else if (decimal.Round(b, 2) != b) fouten.Add(new(veld, "Het bedrag heeft hoogstens twee cijfers achter de komma."));
        }

        if (f.UitbetaaldBedrag > f.ToegekendBedrag)
            fouten.Add(new(nameof(f.UitbetaaldBedrag), "Er is meer uitbetaald dan toegekend; controleer de bedragen."));
        return fouten;
    }

    /// <summary>Null when the term in days is acceptable; else why not.</summary>
    public static string? ControleerTermijn(int? dagen) => dagen switch
    {
        null => "Vul de termijn in dagen in.",
        < MinimaleTermijnDagen => $"De termijn is minstens {MinimaleTermijnDagen} dag.",
        > MaximaleTermijnDagen => $"De termijn is hoogstens {MaximaleTermijnDagen} dagen; het krediet is nodig om het huis in te richten.",
        _ => null,
    };

    public static string Omschrijving(this KredietStatus s) => s switch
    {
        KredietStatus.NietAangevraagd => "Nog niet aangevraagd",
        KredietStatus.Aangevraagd => "Aangevraagd",
        KredietStatus.Toegekend => "Toegekend",
        KredietStatus.Uitbetaald => "Uitbetaald",
        _ => s.ToString(),
    };
}

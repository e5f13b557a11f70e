using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Sources;

namespace Koers.Domain.Voortgang;

/// <summary>Hours done per kind, summed over all partners and the municipality.</summary>
/// <param name="Participatie">Z-route participation hours whose kind was not given.</param>
/// <param name="Arbeid">Participation by work: werkervaringsplaats, taalstage, werkstage, proefplaatsing, (start)baan.</param>
/// <param name="Vrijwilligerswerk">Participation by volunteering.</param>
/// <param name="Maatschappelijk">Maatschappelijke participatie: taalcafé, vereniging, activering.</param>
public sealed record UrenTotalen(decimal Taal, decimal Knm, decimal Participatie, decimal MapTheorie, decimal MapPraktijk, decimal Pvt,
    decimal Arbeid = 0, decimal Vrijwilligerswerk = 0, decimal Maatschappelijk = 0)
{
    public static readonly UrenTotalen Geen = new(0, 0, 0, 0, 0, 0);
}

/// <summary>Which hour norm of the PIP a progress bar measures.</summary>
public enum NormOnderdeel
{
    ZRouteTaal,
    ZRouteParticipatie,
    Map,
    Pvt,
}

/// <summary>Hours of one kind within a norm, with their share of the norm (e.g. vrijwilligerswerk in the Z-route's 800).</summary>
public sealed record UrenDeel(string Soort, decimal Uren, int Procent);

/// <summary>Progress against one hour norm: hours done, the share of the norm, and whether it is met (incl. the MAP's practical part).</summary>
/// <param name="Delen">The hours done by kind, for the Z-route's norms (taal and KNM; participation by kind); empty otherwise.</param>
public sealed record NormVoortgang(
    NormOnderdeel Onderdeel,
    Urennorm Norm,
    decimal Gedaan,
    decimal? PraktijkGedaan,
    int Procent,
    bool Voldaan,
    string Tekst,
    IReadOnlyList<UrenDeel> Delen);

/// <summary>
/// Progress against the PIP's hour requirements. The norms themselves come from the legal clock
/// (<see cref="LegalClock.Urennormen"/>), so there is one place where "800 + 800, 108 with 40, 12" lives.
/// </summary>
public static class Voortgangsberekening
{
    /// <summary>Which norm this is; decided on the norm's source and shape, not on its display name.</summary>
    public static NormOnderdeel Onderdeel(Urennorm norm)
    {
        if (norm.WaarvanPraktijk is not null) return NormOnderdeel.Map;
        if (norm.Bron == Bron.PvtUren) return NormOnderdeel.Pvt;
        if (norm.Bron == Bron.ZRouteUren)
        {
            return norm.Onderdeel.Contains("taal", StringComparison.OrdinalIgnoreCase) ? NormOnderdeel.ZRouteTaal : NormOnderdeel.ZRouteParticipatie;
        }

        throw new ArgumentException($"Onbekende urennorm '{norm.Onderdeel}'.", nameof(norm));
    }

    /// <summary>The hours that count for a norm: the Z-route's 800 language hours include KNM (Bron.ZRouteUren).</summary>
    public static decimal Gedaan(NormOnderdeel onderdeel, UrenTotalen uren) => onderdeel switch
    {
        NormOnderdeel.ZRouteTaal => uren.Taal + uren.Knm,
        NormOnderdeel.ZRouteParticipatie => uren.Participatie + uren.Arbeid + uren.Vrijwilligerswerk + uren.Maatschappelijk,
        NormOnderdeel.Map => uren.MapTheorie + uren.MapPraktijk,
        NormOnderdeel.Pvt => uren.Pvt,
        _ => 0,
    };

    /// <summary>
    /// The hours of a Z-route norm by kind. Besluit inburgering 2021 art. 3.14 lid 2 (<see cref="Wet.ZRoute"/>) sets
    /// 800 course hours and 800 hours of "activiteiten gericht op zelfredzaamheid, activering en participatie"; how the
    /// participation hours divide between work and society is maatwerk (Kempen 000:L727-729), so every kind counts
    /// towards the one 800 and none has a norm of its own. A kind without hours is left out, except the ones the
    /// norm is named after. Other norms have no split.
    /// </summary>
    public static IReadOnlyList<UrenDeel> Delen(NormOnderdeel onderdeel, Urennorm norm, UrenTotalen uren)
    {
        ArgumentNullException.ThrowIfNull(norm);
        ArgumentNullException.ThrowIfNull(uren);
        (string Soort, decimal Uren, bool Altijd)[] delen = onderdeel switch
        {
            NormOnderdeel.ZRouteTaal => [("Taal", uren.Taal, true), ("KNM", uren.Knm, true)],
            NormOnderdeel.ZRouteParticipatie =>
            [
                ("Werk (arbeidsparticipatie)", uren.Arbeid, true), ("Vrijwilligerswerk", uren.Vrijwilligerswerk, true),
                ("Maatschappelijke participatie", uren.Maatschappelijk, true), ("Participatie, soort niet opgegeven", uren.Participatie, false),
            ],
            _ => [],
        };
        return [.. delen.Where(d => d.Altijd || d.Uren != 0).Select(d => new UrenDeel(d.Soort, d.Uren, Procent(d.Uren, norm.Uren)))];
    }

    /// <summary>Whole percent of the norm, rounded down and capped at 100 (as the bar shows it).</summary>
    private static int Procent(decimal gedaan, int norm) => norm <= 0 ? 100 : (int)Math.Min(100, Math.Floor(gedaan * 100 / norm));

    public static IReadOnlyList<NormVoortgang> Bereken(DossierFeiten feiten, UrenTotalen uren) =>
        LegalClock.Urennormen(feiten).Select(n => Bereken(n, uren)).ToList();

    public static NormVoortgang Bereken(Urennorm norm, UrenTotalen uren)
    {
        var onderdeel = Onderdeel(norm);
        var gedaan = Gedaan(onderdeel, uren);
        decimal? praktijk = onderdeel == NormOnderdeel.Map ? uren.MapPraktijk : null;
        var procent = Procent(gedaan, norm.Uren);
        // The MAP needs 108 hours of which at least 40 practical: 108 theory hours alone do not meet it.
        var voldaan = gedaan >= norm.Uren && (norm.WaarvanPraktijk is not { } minPraktijk || (praktijk ?? 0) >= minPraktijk);
        var tekst = $"{Uren(gedaan)} van {norm.Uren} uur ({procent}%)";
        if (norm.WaarvanPraktijk is { } p)
        {
            tekst += $", waarvan {Uren(praktijk ?? 0)} van minimaal {p} uur praktijk";
        }

        return new NormVoortgang(onderdeel, norm, gedaan, praktijk, procent, voldaan, tekst + (voldaan ? "; voldaan" : string.Empty), Delen(onderdeel, norm, uren));
    }

    /// <summary>Absent hours as a whole percentage of the hours expected (present + absent); null when nothing was expected.</summary>
    public static int? AfwezigheidsProcent(decimal aanwezig, decimal afwezig)
    {
        var verwacht = aanwezig + afwezig;
        return verwacht <= 0 ? null : (int)Math.Round(afwezig * 100 / verwacht, MidpointRounding.AwayFromZero);
    }

    /// <summary>Hours as people write them: "12" or "12,5".</summary>
    public static string Uren(decimal uren) => uren.ToString(uren == decimal.Truncate(uren) ? "0" : "0.##", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
}

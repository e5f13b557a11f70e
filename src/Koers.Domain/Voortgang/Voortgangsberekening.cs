using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Sources;

namespace Koers.Domain.Voortgang;

/// <summary>Hours done per kind, summed over all partners and the municipality.</summary>
public sealed record UrenTotalen(decimal Taal, decimal Knm, decimal Participatie, decimal MapTheorie, decimal MapPraktijk, decimal Pvt)
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

/// <summary>Progress against one hour norm: hours done, the share of the norm, and whether it is met (incl. the MAP's practical part).</summary>
public sealed record NormVoortgang(
    NormOnderdeel Onderdeel,
    Urennorm Norm,
    decimal Gedaan,
    decimal? PraktijkGedaan,
    int Procent,
    bool Voldaan,
    string Tekst);

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
        NormOnderdeel.ZRouteParticipatie => uren.Participatie,
        NormOnderdeel.Map => uren.MapTheorie + uren.MapPraktijk,
        NormOnderdeel.Pvt => uren.Pvt,
        _ => 0,
    };

    public static IReadOnlyList<NormVoortgang> Bereken(DossierFeiten feiten, UrenTotalen uren) =>
        LegalClock.Urennormen(feiten).Select(n => Bereken(n, uren)).ToList();

    public static NormVoortgang Bereken(Urennorm norm, UrenTotalen uren)
    {
        var onderdeel = Onderdeel(norm);
        var gedaan = Gedaan(onderdeel, uren);
        decimal? praktijk = onderdeel == NormOnderdeel.Map ? uren.MapPraktijk : null;
        var procent = norm.Uren <= 0 ? 100 : (int)Math.Min(100, Math.Floor(gedaan * 100 / norm.Uren));
        // The MAP needs 108 hours of which at least 40 practical: 108 theory hours alone do not meet it.
        var voldaan = gedaan >= norm.Uren && (norm.WaarvanPraktijk is not { } minPraktijk || (praktijk ?? 0) >= minPraktijk);
        var tekst = $"{Uren(gedaan)} van {norm.Uren} uur ({procent}%)";
        if (norm.WaarvanPraktijk is { } p)
        {
            tekst += $", waarvan {Uren(praktijk ?? 0)} van minimaal {p} uur praktijk";
        }

        return new NormVoortgang(onderdeel, norm, gedaan, praktijk, procent, voldaan, tekst + (voldaan ? "; voldaan" : string.Empty));
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

using Koers.Domain.Ontzorgen;
using Koers.Domain.Sources;

namespace Koers.Domain.Geldzaken;

/// <summary>A payee the municipality pays each month from the bijstand, as recorded on the case.</summary>
public sealed record VasteLast(Guid BetalingId, Begunstigde Soort, string Aan, string? Omschrijving, decimal BedragPerMaand, DateOnly? Vanaf, DateOnly? Tot);

/// <summary>What a payment run actually transferred for this case in one month.</summary>
public sealed record BetaaldeLast(Guid BetalingId, Begunstigde Soort, string Aan, decimal Bedrag, DateOnly Van, DateOnly Tot);

/// <summary>One line of the statement: to whom, for what, how much, and whether it is paid already or still planned.</summary>
public sealed record OverzichtRegel(Begunstigde Soort, string Aan, string? Omschrijving, decimal Bedrag, DateOnly Van, DateOnly Tot, bool Betaald);

/// <summary>
/// The monthly statement for the inburgeraar: what the municipality paid (or will pay) from their bijstand in one
/// month, to whom, the total, what remains of the bijstand when its net amount is known, and until when ontzorgen runs.
/// </summary>
public sealed record Maandoverzicht(
    DateOnly Maand,
    IReadOnlyList<OverzichtRegel> Regels,
    decimal Totaal,
    decimal? NettoBijstand,
    decimal? Restant,
    DateOnly? OntzorgenTot,
    bool OntzorgenLoopt,
    Citation Bron)
{
    public bool Leeg => Regels.Count == 0;
}

/// <summary>
/// Builds the statement from the ontzorgen data: the payment runs' lines for the month where a run has paid, else the
/// pro-rata amount the next run will pay (<see cref="OntzorgenRegels.Maanddeel"/>), so the person sees the month
/// before the run as well. What remains is the net bijstand minus the total; a negative remainder is shown as is,
/// because it means the fixed charges exceed the benefit (the energy-cost case of 2023).
/// </summary>
public static class MaandoverzichtRegels
{
    public static Maandoverzicht Maak(DateOnly maand, OntzorgenPeriode? periode, IReadOnlyList<VasteLast> lasten, IReadOnlyList<BetaaldeLast> betaald, decimal? nettoBijstand)
    {
        ArgumentNullException.ThrowIfNull(lasten);
        ArgumentNullException.ThrowIfNull(betaald);
        var eerste = new DateOnly(maand.Year, maand.Month, 1);
        var regels = betaald.Select(b => new OverzichtRegel(b.Soort, b.Aan, lasten.FirstOrDefault(l => l.BetalingId == b.BetalingId)?.Omschrijving, b.Bedrag, b.Van, b.Tot, true)).ToList();
        if (periode is { IsLeeg: false } p)
        {
            foreach (var l in lasten.Where(l => betaald.All(b => b.BetalingId != l.BetalingId)))
            {
                if (OntzorgenRegels.Betaalperiode(p, l.Vanaf, l.Tot) is not { } dagen) continue;
                if (OntzorgenRegels.Maanddeel(l.BedragPerMaand, eerste, dagen.Van, dagen.Tot) is not { } deel) continue;
                regels.Add(new OverzichtRegel(l.Soort, l.Aan, l.Omschrijving, deel.Bedrag, deel.Van, deel.Tot, false));
            }
        }

        regels = regels.OrderBy(r => r.Soort).ThenBy(r => r.Aan, StringComparer.Ordinal).ToList();
        var totaal = regels.Sum(r => r.Bedrag);
        var einde = periode is { IsLeeg: false } q ? q.Einde : (DateOnly?)null;
        var loopt = einde is { } e && e >= eerste;
        return new Maandoverzicht(eerste, regels, totaal, nettoBijstand, nettoBijstand is { } netto ? netto - totaal : null, einde, loopt, BronGeldzaken.MaandelijkseSpecificatie);
    }
}

using Koers.Data;
using Koers.Data.Model.Ontzorgen;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Ontzorgen;
using Koers.Web.Features.Dossier;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Ontzorgen;

public sealed record OntzorgenSignaalRegel(
    Guid InburgeraarId,
    string Naam,
    string Gemeente,
    string? Klantregisseur,
    OntzorgenSignaalSoort Soort,
    string Omschrijving,
    DateOnly Datum,
    int DagenResterend,
    string Toelichting,
    BronDto Bron);

/// <summary>
/// The ontzorgen signals for the worklist: ontzorgen ending within 4 weeks, extension to be assessed, debts
/// signalled. SQL narrows the cases (stored legal deadlines, extensions, open debt signals within the horizon);
/// the rules (<see cref="OntzorgenRegels.Signalen"/>) decide.
/// </summary>
public sealed class OntzorgenSignalenQuery(KoersDbContext db, Beveiliging.Toegang toegang)
{
    public async Task<IReadOnlyList<OntzorgenSignaalRegel>> HaalAsync(string? gemeente, DateOnly vandaag, CancellationToken ct = default)
    {
        var horizon = vandaag.AddDays(OntzorgenRegels.VerlengingSignaalDagen);
        var code = string.IsNullOrWhiteSpace(gemeente) ? null : gemeente.Trim().ToUpperInvariant();

        var dossiers = (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct))
            .Where(i => i.Doelgroep == Doelgroep.Asielstatushouder || i.Doelgroep == Doelgroep.Nareiziger);
        if (code is not null) dossiers = dossiers.Where(i => i.Gemeente!.Code == code);

        var ontzorgingen = db.Set<Ontzorging>().AsNoTracking();
        // The few cases with something to signal, found from the deadline and ontzorging side (a range on the
        // termijn index, the ontzorging rows) rather than by probing every asylum case in reach: at national scale
        // the per-case OR of two EXISTS cost 20-30 ms on every worklist page.
        var kandidaatIds = db.Termijnen
            .Where(t => t.Code == TermijnCode.OntzorgenEinde && t.Toepasselijk && t.Vervaldatum >= vandaag && t.Vervaldatum <= horizon)
            .Select(t => t.InburgeraarId)
            .Union(ontzorgingen.Where(o => o.SchuldenGesignaleerd || (o.VerlengdTot >= vandaag && o.VerlengdTot <= horizon)).Select(o => o.InburgeraarId));
        var kandidaten = await dossiers
            .Where(i => kandidaatIds.Contains(i.Id))
            .Select(i => new
            {
                i.Id,
                i.Voornamen,
                i.Achternaam,
                i.GemeenteId,
                GemeenteCode = i.Gemeente!.Code,
                Gemeente = i.Gemeente!.Naam,
                Klantregisseur = i.Klantregisseur != null ? i.Klantregisseur.Naam : null,
            })
            .ToListAsync(ct);
        if (kandidaten.Count == 0) return [];

        var ids = kandidaten.Select(k => k.Id).ToList();
        var termijnen = await db.Termijnen.AsNoTracking().Where(t => ids.Contains(t.InburgeraarId) && t.Code == TermijnCode.OntzorgenEinde)
            .ToDictionaryAsync(t => t.InburgeraarId, ct);
        var perDossier = await ontzorgingen.Where(o => ids.Contains(o.InburgeraarId)).ToDictionaryAsync(o => o.InburgeraarId, ct);
        var eindevaluaties = (await db.Set<OntzorgenEvaluatie>().AsNoTracking()
                .Where(e => ids.Contains(e.InburgeraarId) && e.Soort == EvaluatieSoort.Eindevaluatie && e.Gehouden)
                .Select(e => new { e.InburgeraarId, e.Datum }).ToListAsync(ct))
            .GroupBy(e => e.InburgeraarId).ToDictionary(g => g.Key, g => g.Max(e => e.Datum));
        var gemeenteIds = kandidaten.Select(k => k.GemeenteId).Distinct().ToList();
        var beleid = await db.Set<OntzorgenBeleid>().AsNoTracking().Where(b => gemeenteIds.Contains(b.GemeenteId)).ToDictionaryAsync(b => b.GemeenteId, ct);

        var regels = new List<OntzorgenSignaalRegel>();
        foreach (var k in kandidaten)
        {
            var o = perDossier.GetValueOrDefault(k.Id);
            // A municipality whose policy was never opened has its default policy (Standaardbeleid).
            var beleidsregels = beleid.GetValueOrDefault(k.GemeenteId)?.Regels() ?? Standaardbeleid.Voor(k.GemeenteCode).Regels;
            var termijn = termijnen.GetValueOrDefault(k.Id);
            // Without a recorded decision the municipality's default counts.
            var besluit = o?.Besluit ?? (beleidsregels.Benadering == OntzorgenBenadering.NeeTenzij ? OntzorgenBesluit.Afzien : null);
            DateOnly? einde = termijn is { Toepasselijk: true, Vervaldatum: { } wettelijk }
                ? besluit == OntzorgenBesluit.Verlengen && o?.VerlengdTot is { } verlengd && verlengd > wettelijk ? verlengd : wettelijk
                : null;
            var signalen = OntzorgenRegels.Signalen(new OntzorgenRegels.SignaalFeiten
            {
                Besluit = besluit,
                Einde = einde,
                VerlengenToegestaan = beleidsregels.VerlengenToegestaan,
                LaatsteEindevaluatie = eindevaluaties.TryGetValue(k.Id, out var e) ? e : null,
                SchuldenGesignaleerd = o?.SchuldenGesignaleerd ?? false,
                SchuldenOp = o?.SchuldenOp,
                SchuldenNotitie = o?.SchuldenNotitie,
            }, vandaag);
            regels.AddRange(signalen.Select(s => new OntzorgenSignaalRegel(k.Id, $"{k.Voornamen} {k.Achternaam}", k.Gemeente, k.Klantregisseur,
                s.Soort, s.Soort.Omschrijving(), s.Datum, s.Datum.DayNumber - vandaag.DayNumber, s.Toelichting, BronDto.Van(s.Bron))));
        }

        return regels.OrderBy(r => r.Soort == OntzorgenSignaalSoort.SchuldenGesignaleerd ? 0 : 1).ThenBy(r => r.Datum).ThenBy(r => r.Naam).ToList();
    }
}

using Koers.Data;
using Koers.Data.Model.Ontzorgen;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Ontzorgen;
using Koers.Web.Features.Dossier;
using Koers.Web.Features.Werkvoorraad;
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
public sealed class OntzorgenSignalenQuery(KoersDbContext db, Kern.Toegang toegang, Kern.Instellingencache instellingencache)
{
    public async Task<IReadOnlyList<OntzorgenSignaalRegel>> HaalAsync(Dossierselectie selectie, DateOnly vandaag, CancellationToken ct = default)
    {
        var horizon = vandaag.AddDays(OntzorgenRegels.VerlengingSignaalDagen);
        var dossiers = selectie.Pas(await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct))
            .Where(i => i.Doelgroep == Doelgroep.Asielstatushouder || i.Doelgroep == Doelgroep.Nareiziger);

        var ontzorgingen = db.Set<Ontzorging>().AsNoTracking();
        var eindtermijnen = db.Termijnen.Where(t => t.Code == TermijnCode.OntzorgenEinde && t.Toepasselijk && t.Vervaldatum >= vandaag && t.Vervaldatum <= horizon);
        var metSignaal = ontzorgingen.Where(o => o.SchuldenGesignaleerd || (o.VerlengdTot >= vandaag && o.VerlengdTot <= horizon));
        // Two ways to the few cases with something to signal, the same set either way (a test holds them equal):
        // one klantregisseur's few dozen cases are cheapest probed one by one on the primary keys; for a whole
        // municipality or region, start from the deadlines within the horizon (a range on the termijn index) and the
        // ontzorging rows, rather than probing thousands of asylum cases (that cost 20-30 ms per worklist page).
        var gevonden = selectie.KlantregisseurId is not null
            ? dossiers.Where(i => eindtermijnen.Any(t => t.InburgeraarId == i.Id) || metSignaal.Any(o => o.InburgeraarId == i.Id))
            : dossiers.Where(i => eindtermijnen.Select(t => t.InburgeraarId).Union(metSignaal.Select(o => o.InburgeraarId)).Contains(i.Id));
        var kandidaten = await gevonden
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
        // The policy rules per municipality with a row, kept in the settings cache (emptied when an OntzorgenBeleid is saved).
        var beleid = await instellingencache.VoorGemeentenAsync<OntzorgenBeleid, IReadOnlyDictionary<int, OntzorgenBeleidsregels>>(
            "ontzorgen-beleidsregels", kandidaten.Select(k => k.GemeenteId), async gemeenteIds =>
                await db.Set<OntzorgenBeleid>().AsNoTracking().Where(b => gemeenteIds.Contains(b.GemeenteId)).ToDictionaryAsync(b => b.GemeenteId, b => b.Regels(), ct));

        var regels = new List<OntzorgenSignaalRegel>();
        foreach (var k in kandidaten)
        {
            var o = perDossier.GetValueOrDefault(k.Id);
            // A municipality whose policy was never opened has its default policy (Standaardbeleid).
            var beleidsregels = beleid.GetValueOrDefault(k.GemeenteId) ?? Standaardbeleid.Voor(k.GemeenteCode).Regels;
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

    /// <summary>The worklist section; its links keep the municipality filter.</summary>
    public static Signaalsectie Sectie(IReadOnlyList<OntzorgenSignaalRegel> signalen, Dossierselectie selectie)
    {
        var filter = selectie.GemeenteCode is { } code ? $"?gemeente={Uri.EscapeDataString(code)}" : "";
        return new Signaalsectie(
            "signalen-ontzorgen",
            "Signalen ontzorgen",
            signalen.Select(x => new SignaalRegel(x.InburgeraarId, x.Naam, $"/inburgeraars/{x.InburgeraarId}/ontzorgen", x.Omschrijving,
                x.Soort == OntzorgenSignaalSoort.SchuldenGesignaleerd,
                $"{Shared.Weergave.Datum(x.Datum)} ({Shared.Weergave.Dagen(x.DagenResterend)}) · {x.Gemeente} · {x.Klantregisseur ?? "niet toegewezen"}")).ToList(),
            "Geen signalen ontzorgen.",
            Enum.GetValues<OntzorgenSignaalSoort>().Select(s => new Signaalsectie.Telling(s.Omschrijving(), signalen.Count(x => x.Soort == s))).ToList(),
            // Not the policy page: only functioneel beheer may open it, and they reach it from their own menu.
            [new("Betaalruns", "/beheer/ontzorgen/betaalruns" + filter)]);
    }
}

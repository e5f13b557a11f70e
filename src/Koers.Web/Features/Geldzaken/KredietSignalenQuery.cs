using Koers.Data;
using Koers.Data.Model.Geldzaken;
using Koers.Domain.Geldzaken;
using Koers.Web.Features.Dossier;
using Koers.Web.Features.Werkvoorraad;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Geldzaken;

public sealed record KredietSignaalRegel(
    Guid InburgeraarId,
    string Naam,
    string Gemeente,
    string? Klantregisseur,
    KredietStatus Status,
    DateOnly HuisvestingOp,
    DateOnly Uiterlijk,
    int DagenTeLaat,
    string Toelichting,
    BronDto Bron);

/// <summary>
/// The worklist signal 'inrichtingskrediet te laat': housed, not paid, and the municipality's term has passed. SQL
/// narrows to housed cases without a payment within the user's reach; the rule (<see cref="InrichtingskredietRegels.Bereken"/>) decides.
/// </summary>
public sealed class KredietSignalenQuery(KoersDbContext db, Kern.Toegang toegang, Kern.Instellingencache instellingencache)
{
    public async Task<IReadOnlyList<KredietSignaalRegel>> HaalAsync(Dossierselectie selectie, DateOnly vandaag, CancellationToken ct = default)
    {
        var dossiers = selectie.Pas(await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct));
        // The shortest possible term: nothing housed after this can be late yet, whatever the municipality set.
        var uiterlijkGehuisvest = vandaag.AddDays(-InrichtingskredietRegels.MinimaleTermijnDagen);
        var kandidaten = await (from g in db.Set<Geldzaak>().AsNoTracking()
                                join i in dossiers on g.InburgeraarId equals i.Id
                                where g.KredietUitbetaaldOp == null && g.HuisvestingOp != null && g.HuisvestingOp < uiterlijkGehuisvest
                                select new
                                {
                                    i.Id, i.Voornamen, i.Achternaam, i.GemeenteId, Gemeente = i.Gemeente!.Naam,
                                    Klantregisseur = i.Klantregisseur != null ? i.Klantregisseur.Naam : null,
                                    g.HuisvestingOp, g.KredietAangevraagdOp, g.KredietToegekendOp, g.KredietToegekendBedrag,
                                })
            .ToListAsync(ct);
        if (kandidaten.Count == 0) return [];

        // Kept in the settings cache (emptied when GeldzakenInstellingen are saved).
        var termijnen = await instellingencache.VoorGemeentenAsync<GeldzakenInstellingen, IReadOnlyDictionary<int, int>>("krediet-termijnen",
            kandidaten.Select(k => k.GemeenteId), async gemeenteIds =>
            await db.Set<GeldzakenInstellingen>().AsNoTracking().Where(x => gemeenteIds.Contains(x.GemeenteId))
                .ToDictionaryAsync(x => x.GemeenteId, x => x.InrichtingskredietTermijnDagen, ct));
        var regels = new List<KredietSignaalRegel>();
        foreach (var k in kandidaten)
        {
            var feiten = new KredietFeiten { HuisvestingOp = k.HuisvestingOp, AangevraagdOp = k.KredietAangevraagdOp, ToegekendOp = k.KredietToegekendOp, ToegekendBedrag = k.KredietToegekendBedrag };
            var stand = InrichtingskredietRegels.Bereken(feiten, termijnen.GetValueOrDefault(k.GemeenteId, InrichtingskredietRegels.StandaardTermijnDagen), vandaag);
            if (!stand.TermijnVerstreken) continue;
            regels.Add(new KredietSignaalRegel(k.Id, $"{k.Voornamen} {k.Achternaam}", k.Gemeente, k.Klantregisseur, stand.Status, k.HuisvestingOp!.Value,
                stand.Uiterlijk!.Value, -stand.DagenResterend!.Value, stand.Toelichting, BronDto.Van(stand.Bron)));
        }

        return regels.OrderByDescending(r => r.DagenTeLaat).ThenBy(r => r.Naam, StringComparer.Ordinal).ToList();
    }

    /// <summary>The worklist section: each line links to the case's geldzaken tab.</summary>
    public static Signaalsectie Sectie(IReadOnlyList<KredietSignaalRegel> signalen) => new(
        "signalen-inrichtingskrediet",
        "Inrichtingskrediet te laat",
        signalen.Select(x => new SignaalRegel(x.InburgeraarId, x.Naam, $"/inburgeraars/{x.InburgeraarId}/geldzaken", x.Status.Omschrijving(), true,
            $"termijn verstreken op {Shared.Weergave.Datum(x.Uiterlijk)} ({Shared.Weergave.Dagen(-x.DagenTeLaat)}) · {x.Gemeente} · {x.Klantregisseur ?? "niet toegewezen"}")).ToList(),
        "Geen inrichtingskredieten over de termijn.",
        Enum.GetValues<KredietStatus>().Where(s => s != KredietStatus.Uitbetaald)
            .Select(s => new Signaalsectie.Telling(s.Omschrijving(), signalen.Count(x => x.Status == s))).ToList(),
        [],
        "Gehuisvest, maar het inrichtingskrediet is niet uitbetaald binnen de termijn van de gemeente.");
}

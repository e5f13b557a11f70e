using Vaardigheid = Koers.Domain.Pip.Vaardigheid;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Intake;
using Koers.Domain.Participatie;
using Koers.Domain.Pip;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Machtigingen;
using Koers.Web.Features.Participatie;
using Koers.Web.Features.Pip;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Partnerportaal;

public sealed record PartnerDossierRegel(Guid Id, string Naam, string Gemeente, IReadOnlyList<Gegevenscategorie> Categorieen, DateOnly? MachtigingTot);

public sealed record BasisgegevensDto(string Voornamen, string Achternaam, DateOnly Geboortedatum, string? Telefoon, string? Email, string? Adres,
    IReadOnlyList<string> Talen, string Gemeente);

public sealed record UrennormDto(string Onderdeel, int Uren, int? WaarvanPraktijk);

public sealed record LeerrouteDto(Leerroute? Leerroute, IReadOnlyDictionary<Vaardigheid, Taalniveau> Niveaus, bool Knm, bool Map, bool Pvt,
    ParticipatieVorm? Participatie, DateOnly? GeplandeStart, IReadOnlyList<UrennormDto> Urennormen);

public sealed record LeefgebiedDto(Leefgebied Leefgebied, string AntwoordenJson, string? Notities);

public sealed record GezinslidDto(string Naam, string Relatie, DateOnly? Geboortedatum);

public sealed record UrenDto(Urensoort Soort, decimal Uren, decimal AfwezigUren);

/// <summary>A running placement as a partner with consent for werk en participatie sees it: where, what kind, when, how many hours.</summary>
public sealed record PartnerPlaatsingDto(string Waar, Plaatsingssoort Soort, DateOnly Start, DateOnly? Einde, decimal? UrenPerWeek);

/// <summary>
/// A referral to care as a partner with consent for gezondheid sees it: the kind and the status only. Not the screening
/// (signal, kind, severity), not the provider, not a reason: the consent covers that there is care, not what it is for.
/// </summary>
public sealed record PartnerZorgverwijzingDto(Zorgsoort Naar, Zorgstatus Status);

/// <summary>A score on the participatieladder as a partner with consent for werk en participatie sees it: the date and the rung, not the note.</summary>
public sealed record PartnerLadderscoreDto(DateOnly Datum, int Trede, string TredeNaam);

/// <summary>
/// One domain of a measurement: how many questions were answered, never how. A count of positive answers is left out on
/// purpose: with one or two questions in a domain it gives the answers away, and the portal tells the inburgeraar that
/// only municipal staff see their answers.
/// </summary>
public sealed record PartnerDomeinDto(Participatiedomein Domein, int Beantwoord);

/// <summary>A completed participation measurement as a partner with consent for werk en participatie sees it: the moment, the date, per-domain counts.</summary>
public sealed record PartnerParticipatiemetingDto(int Maanden, string Moment, DateOnly Datum, IReadOnlyList<PartnerDomeinDto> Domeinen);

/// <summary>What a partner sees of one case: only the categories consented to; the others are null, not empty.</summary>
public sealed record PartnerDossierDto(Guid Id, IReadOnlyList<Gegevenscategorie> Categorieen, BasisgegevensDto? Basisgegevens, LeerrouteDto? Leerroute,
    IReadOnlyList<LeefgebiedDto>? Gezondheid, IReadOnlyList<LeefgebiedDto>? WerkEnParticipatie, IReadOnlyList<GezinslidDto>? Gezin,
    IReadOnlyList<UrenDto>? Voortgang, IReadOnlyList<PartnerPlaatsingDto>? Plaatsingen = null, IReadOnlyList<PartnerZorgverwijzingDto>? Zorgverwijzingen = null,
    IReadOnlyList<PartnerLadderscoreDto>? Participatieladder = null, IReadOnlyList<PartnerParticipatiemetingDto>? Participatiemetingen = null);

/// <summary>
/// Reads of case data by chain-partner users. Access and the categories shown are decided only by <see cref="Toegang"/>
/// (active consent of the user's organisation, a case of the partner's region); every read is written to the audit under
/// the user's account, like every other audit row, with the organisation filled in by the audit infrastructure.
/// </summary>
public sealed class PartnerInzage(KoersDbContext db, Toegang toegang, Klok klok, Auditlog audit)
{
    private void Audit(Guid id, string omschrijving) =>
        audit.Schrijf(AuditActie.Inzien, id, omschrijving);

    /// <summary>The partner's consented cases (basisgegevens), with the categories each consent opens.</summary>
    public async Task<IReadOnlyList<PartnerDossierRegel>> DossiersAsync(CancellationToken ct)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (!bereik.IsPartner) return [];
        var zichtbaar = await toegang.PartnerDossiersAsync(db.Inburgeraars.AsNoTracking(), Gegevenscategorie.Basisgegevens, ct);
        var rijen = await zichtbaar.OrderBy(i => i.Achternaam).ThenBy(i => i.Voornamen)
            .Select(i => new { i.Id, Naam = i.Voornamen + " " + i.Achternaam, Gemeente = i.Gemeente!.Naam }).ToListAsync(ct);
        var ids = rijen.Select(r => r.Id).ToList();
        var categorieen = await toegang.PartnerCategorieenAsync(ids, ct);
        var looptijd = await LooptijdAsync(ids, bereik.PartnerorganisatieId!.Value, ct);
        var lijst = rijen.Select(r => new PartnerDossierRegel(r.Id, r.Naam, r.Gemeente,
            MachtigingService.Lijst(categorieen.GetValueOrDefault(r.Id)), looptijd.GetValueOrDefault(r.Id))).ToList();
        foreach (var r in lijst) Audit(r.Id, "Ketenpartner: naam in de lijst van dossiers getoond");
        await db.SaveChangesAsync(ct);
        return lijst;
    }

    /// <summary>Until when the partner's consents for each case run (null: until withdrawn); which consents count is Toegang's.</summary>
    private async Task<Dictionary<Guid, DateOnly?>> LooptijdAsync(List<Guid> ids, int partner, CancellationToken ct)
    {
        var vandaag = klok.Vandaag;
        var rijen = await db.Machtigingen.AsNoTracking()
            .Where(m => ids.Contains(m.InburgeraarId) && m.PartnerorganisatieId == partner && m.IngetrokkenOp == null && m.Van <= vandaag && (m.Tot == null || m.Tot >= vandaag))
            .Select(m => new { m.InburgeraarId, m.Tot }).ToListAsync(ct);
        return rijen.GroupBy(m => m.InburgeraarId).ToDictionary(g => g.Key, g => g.Any(m => m.Tot is null) ? null : g.Max(m => m.Tot));
    }

    /// <summary>
    /// One case as the partner may see it, or null (404) without an active consent for basisgegevens. With
    /// <paramref name="alleen"/> only that category, or null when it is not consented.
    /// </summary>
    public async Task<PartnerDossierDto?> DossierAsync(Guid id, Gegevenscategorie? alleen, CancellationToken ct)
    {
        var vereist = alleen ?? Gegevenscategorie.Basisgegevens;
        if (!await toegang.MagPartnerAsync(id, vereist, ct)) return null;
        var cat = (await toegang.PartnerCategorieenAsync([id], ct)).GetValueOrDefault(id);
        if (alleen is { } a1) cat &= a1;
        bool Mag(Gegevenscategorie c) => cat.HasFlag(c);

        var i = await db.Inburgeraars.AsNoTracking().Include(x => x.Gemeente).Include(x => x.Mijlpalen).Include(x => x.Gezinsleden)
            .AsSplitQuery().FirstAsync(x => x.Id == id, ct);

        BasisgegevensDto? basis = Mag(Gegevenscategorie.Basisgegevens)
            ? new(i.Voornamen, i.Achternaam, i.Geboortedatum, i.Telefoon, i.Email, i.Adres, i.TalenLijst, i.Gemeente!.Naam)
            : null;

        LeerrouteDto? route = null;
        if (Mag(Gegevenscategorie.Leerroute))
        {
            var pip = await db.PipVersies.AsNoTracking().Where(p => p.InburgeraarId == id && p.Status == PipStatus.Vastgesteld)
                .OrderByDescending(p => p.Versie).FirstOrDefaultAsync(ct);
            var inhoud = pip is null ? null : OpgeslagenInhoud.Pip(pip.InhoudJson);
            var normen = LegalClock.Urennormen(i.Feiten()).Select(n => new UrennormDto(n.Onderdeel, n.Uren, n.WaarvanPraktijk)).ToList();
            route = new LeerrouteDto(inhoud?.Leerroute ?? i.Leerroute, inhoud?.Niveaus ?? new Dictionary<Vaardigheid, Taalniveau>(), inhoud?.Knm ?? false,
                inhoud?.Map ?? false, inhoud?.Pvt ?? false, inhoud?.Participatie, inhoud?.GeplandeStart, normen);
        }

        async Task<IReadOnlyList<LeefgebiedDto>> LeefgebiedenAsync(params Leefgebied[] gebieden) =>
            (await db.Leefgebieden.AsNoTracking().Where(l => l.InburgeraarId == id && gebieden.Contains(l.Leefgebied)).ToListAsync(ct))
            .OrderBy(l => l.Leefgebied).Select(l => new LeefgebiedDto(l.Leefgebied, l.AntwoordenJson, l.Notities)).ToList();

        var gezondheid = Mag(Gegevenscategorie.Gezondheid) ? await LeefgebiedenAsync(Leefgebied.FysiekeGezondheid, Leefgebied.MentaleGezondheid) : null;
        var werk = Mag(Gegevenscategorie.WerkEnParticipatie) ? await LeefgebiedenAsync(Leefgebied.Opleiding, Leefgebied.Werkervaring, Leefgebied.Werknemersvaardigheden) : null;
        var gezin = Mag(Gegevenscategorie.Gezin) ? i.Gezinsleden.Select(g => new GezinslidDto(g.Naam, g.Relatie, g.Geboortedatum)).ToList() : null;
        IReadOnlyList<UrenDto>? voortgang = null;
        if (Mag(Gegevenscategorie.Voortgang))
        {
            var uren = await db.Urenregistraties.AsNoTracking().Where(u => u.InburgeraarId == id).ToListAsync(ct);
            voortgang = uren.GroupBy(u => u.Soort).OrderBy(g => g.Key).Select(g => new UrenDto(g.Key, g.Sum(u => u.Uren), g.Sum(u => u.AfwezigUren))).ToList();
        }

        // Running placements (Werk) under werk en participatie; referrals to care (Welzijn) under gezondheid, kind and status
        // only. Without the category: null, so not even a count reaches the partner (issue #22, "where its consent allows").
        IReadOnlyList<PartnerPlaatsingDto>? plaatsingen = null;
        if (Mag(Gegevenscategorie.WerkEnParticipatie))
        {
            plaatsingen = (await db.Set<Plaatsing>().AsNoTracking().Include(p => p.Werkgever).Where(p => p.InburgeraarId == id && p.Uitkomst == null).ToListAsync(ct))
                .OrderBy(p => p.Start).Select(p => new PartnerPlaatsingDto(p.Werkgever?.Naam ?? (p.InternAfdeling is { } a ? $"Intern: {a}" : "Intern"), p.Soort, p.Start, p.Einde, p.UrenPerWeek))
                .ToList();
        }

        IReadOnlyList<PartnerZorgverwijzingDto>? zorg = null;
        if (Mag(Gegevenscategorie.Gezondheid))
        {
            zorg = (await db.Set<Zorgverwijzing>().AsNoTracking().Where(v => v.InburgeraarId == id).ToListAsync(ct))
                .OrderByDescending(v => v.AangemeldOp).Select(v => new PartnerZorgverwijzingDto(v.Naar, v.Status)).ToList();
        }

        // The participation monitor (Participatie) under werk en participatie: the ladder's rungs with their dates, and the
        // completed measurements with a count per domain. Not the ladder's free-text note, not a single answer: the consent
        // covers how someone takes part, not what they said. Well-being answers are health data (AVG art. 9): their domain
        // is counted only when the consent covers gezondheid too.
        IReadOnlyList<PartnerLadderscoreDto>? ladder = null;
        IReadOnlyList<PartnerParticipatiemetingDto>? metingen = null;
        if (Mag(Gegevenscategorie.WerkEnParticipatie))
        {
            ladder = (await db.Set<Ladderscore>().AsNoTracking().Where(l => l.InburgeraarId == id)
                    .Select(l => new { l.Datum, l.VastgelegdOp, l.Trede, l.TredeNaam }).ToListAsync(ct))
                .OrderByDescending(l => l.Datum).ThenByDescending(l => l.VastgelegdOp).Select(l => new PartnerLadderscoreDto(l.Datum, l.Trede, l.TredeNaam)).ToList();
            var gemeten = await db.Set<Participatiemeting>().AsNoTracking().Include(m => m.Antwoorden).Where(m => m.InburgeraarId == id).OrderBy(m => m.Maanden).ToListAsync(ct);
            var versies = await Vragenlijstversies.VanCodesAsync(db, gemeten.Select(m => m.Versie), ct);
            var welbevinden = Mag(Gegevenscategorie.Gezondheid);
            metingen = gemeten.Select(m => new PartnerParticipatiemetingDto(m.Maanden, m.Maanden == 0 ? "Nulmeting" : $"{m.Maanden} maanden", m.Datum,
                    Vragenlijstversies.PerDomein(m, versies[m.Versie]).Where(d => welbevinden || d.Domein != Participatiedomein.Welbevinden)
                        .Select(d => new PartnerDomeinDto(d.Domein, d.Beantwoord)).ToList()))
                .ToList();
        }

        var lijst = MachtigingService.Lijst(cat);
        var ook = new[]
        {
            plaatsingen is null ? null : "lopende plaatsingen", zorg is null ? null : "zorgverwijzingen (soort en status)",
            ladder is null ? null : "participatieladder (treden)", metingen is null ? null : "participatiemetingen (datum en aantal beantwoorde vragen per domein)",
        }.OfType<string>().ToList();
        Audit(id, $"Ketenpartner: dossier ingezien ({string.Join(", ", lijst.Select(MachtigingService.Naam))}){(ook.Count > 0 ? $"; getoond: {string.Join(", ", ook)}" : "")}");
        await db.SaveChangesAsync(ct);
        return new PartnerDossierDto(id, lijst, basis, route, gezondheid, werk, gezin, voortgang, plaatsingen, zorg, ladder, metingen);
    }
}

using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Dossier;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Werk;

/// <summary>A placement with what the worklist and the pages derive from it.</summary>
public sealed record Plaatsingsregel(Plaatsing Plaatsing, DateOnly? LaatsteEvaluatie, bool EvaluatieTeLaat, bool EindigtBinnenkort)
{
    public bool Loopt => Plaatsing.Uitkomst is null;
    public string Waar => Plaatsing.Werkgever?.Naam ?? $"Intern{(Plaatsing.InternAfdeling is { } a ? $": {a}" : string.Empty)}";
}

/// <summary>Everything the Werk tab shows of one case.</summary>
public sealed record WerkStand(Inburgeraar Dossier, IReadOnlyList<Plaatsingsregel> Plaatsingen, IReadOnlyList<Uitstroom> Uitstromen, IReadOnlyList<Werkgever> Werkgevers,
    IReadOnlyList<Jobcoachkeuze> Jobcoaches);

/// <summary>A jobcoach with an account that a placement of this case can be assigned to.</summary>
public sealed record Jobcoachkeuze(string Id, string Naam, string Organisatie);

/// <summary>An employer register of one municipality.</summary>
public sealed record Werkgeversregister(Gemeente Gemeente, IReadOnlyList<Werkgever> Werkgevers, IReadOnlyDictionary<Guid, int> Lopend);

/// <summary>A signal on the worklist: an evaluation overdue or a placement ending soon.</summary>
public sealed record Plaatsingssignaal(Guid InburgeraarId, string Naam, string Gemeente, string? Klantregisseur, Plaatsingsregel Regel);

/// <summary>One jobcoach's running placements.</summary>
public sealed record Caseload(string Jobcoach, IReadOnlyList<(Guid InburgeraarId, string Naam, Plaatsingsregel Regel)> Plaatsingen);

/// <summary>
/// Work for inburgeraars (issue #22): the employer register per municipality, placements with weekly evaluations,
/// the jobcoach's caseload and exits. Placements and exits are personal data: every read and write goes through
/// <see cref="DossierService"/> / <see cref="Kern.Toegang"/> (case workers of the municipality) and is audited.
/// </summary>
public sealed class WerkService(KoersDbContext db, Klok klok, HuidigeGebruiker gebruiker, Kern.Toegang toegang, DossierService dossiers, Auditlog audit)
{
    public const int MaxTekst = 2000;

    /// <summary>
    /// A running placement is evaluated every week: the practice follows MAP practice weekly
    /// (../shared/domain/seed-000-002-003-practice.md §3.9, 000:L696-701 "wekelijks"); after this many days without
    /// an evaluation the worklist shows it.
    /// </summary>
    public const int EvaluatieElkeDagen = 7;

    /// <summary>A placement whose planned end is this close shows on the worklist (to plan what comes next).</summary>
    public const int EindeSignaalDagen = 14;

    // ---- employer register -------------------------------------------------------------------------------------

    public async Task<List<Gemeente>> GemeentenAsync(CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (!bereik.WerktMetDossiers) return [];
        var ids = bereik.Gemeenten.ToList();
        return await db.Gemeenten.AsNoTracking().Where(g => ids.Contains(g.Id)).OrderBy(g => g.Naam).ToListAsync(ct);
    }

    /// <summary>The register of a municipality within reach (the first one when no code is given), or null.</summary>
    public async Task<Werkgeversregister?> RegisterAsync(string? gemeenteCode, CancellationToken ct = default)
    {
        var gemeenten = await GemeentenAsync(ct);
        var gemeente = string.IsNullOrWhiteSpace(gemeenteCode) ? gemeenten.FirstOrDefault()
            : gemeenten.FirstOrDefault(g => string.Equals(g.Code, gemeenteCode.Trim(), StringComparison.OrdinalIgnoreCase));
        if (gemeente is null) return null;
        var lijst = await db.Set<Werkgever>().AsNoTracking().Include(w => w.Ervaringen).Where(w => w.GemeenteId == gemeente.Id)
            .OrderBy(w => w.Naam).ToListAsync(ct);
        var ids = lijst.Select(w => w.Id).ToList();
        var lopend = await db.Set<Plaatsing>().AsNoTracking().Where(p => p.WerkgeverId != null && ids.Contains(p.WerkgeverId.Value) && p.Uitkomst == null)
            .GroupBy(p => p.WerkgeverId!.Value).Select(g => new { g.Key, Aantal = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Aantal, ct);
        return new Werkgeversregister(gemeente, lijst, lopend);
    }

    /// <summary>One employer within reach, or null.</summary>
    public async Task<Werkgever?> WerkgeverAsync(Guid id, CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (!bereik.WerktMetDossiers) return null;
        var w = await db.Set<Werkgever>().AsNoTracking().Include(x => x.Ervaringen).FirstOrDefaultAsync(x => x.Id == id, ct);
        return w is not null && bereik.Gemeenten.Contains(w.GemeenteId) ? w : null;
    }

    /// <summary>Adds an employer (<paramref name="id"/> null) or changes one within reach.</summary>
    public async Task<Uitkomst<Guid>> WerkgeverOpslaanAsync(Guid? id, WerkgeverInvoer invoer, CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (!bereik.WerktMetDossiers) return Uitkomst<Guid>.Onbekend();
        Werkgever? w = null;
        Gemeente? gemeente = null;
        if (id is { } bestaand)
        {
            w = await db.Set<Werkgever>().FirstOrDefaultAsync(x => x.Id == bestaand, ct);
            if (w is null || !bereik.Gemeenten.Contains(w.GemeenteId)) return Uitkomst<Guid>.Onbekend();
        }

        var fouten = Veldfouten.Nieuw();
        if (w is null)
        {
            var code = invoer.Gemeente?.Trim().ToUpperInvariant();
            gemeente = code is null ? null : await db.Gemeenten.AsNoTracking().FirstOrDefaultAsync(g => g.Code == code, ct);
            if (gemeente is null || !bereik.Gemeenten.Contains(gemeente.Id)) fouten.Voeg(nameof(invoer.Gemeente), "Kies een gemeente waarin u werkt.");
        }

        if (string.IsNullOrWhiteSpace(invoer.Naam)) fouten.Voeg(nameof(invoer.Naam), "Vul de naam van de werkgever in.");
        fouten.Lengte(invoer.Naam?.Trim(), nameof(invoer.Naam), 200);
        fouten.Lengte(invoer.Sector?.Trim(), nameof(invoer.Sector), 100);
        fouten.Lengte(invoer.Contactpersoon?.Trim(), nameof(invoer.Contactpersoon), 200);
        fouten.Lengte(invoer.Telefoon?.Trim(), nameof(invoer.Telefoon), 40);
        fouten.Lengte(invoer.Email?.Trim(), nameof(invoer.Email), 200);
        var aanbod = (invoer.Aanbod ?? []).Aggregate(Werkaanbod.Geen, (a, b) => a | b);
        if ((invoer.Aanbod ?? []).Any(a => !WerkWeergave.AlleAanbod.Contains(a))) fouten.Voeg(nameof(invoer.Aanbod), "Kies uit: MAP-praktijk, taalstage, werkervaringsplaats, startbaan of betaalde baan.");
        else if (aanbod == Werkaanbod.Geen) fouten.Voeg(nameof(invoer.Aanbod), "Kies ten minste één vorm die de werkgever wil bieden.");
        if (invoer.Capaciteit is < 0 or > 1000) fouten.Voeg(nameof(invoer.Capaciteit), "De capaciteit is een aantal plaatsen van 0 tot en met 1000.");
        var taaleis = string.IsNullOrWhiteSpace(invoer.Taaleis) ? null : invoer.Taaleis.Trim().ToUpperInvariant();
        if (taaleis is not null && !WerkWeergave.Taalniveaus.Contains(taaleis)) fouten.Voeg(nameof(invoer.Taaleis), "Kies een taalniveau: A0, A1, A2, B1 of B2.");
        var email = Leeg(invoer.Email);
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.Contains(' ', StringComparison.Ordinal)))
            fouten.Voeg(nameof(invoer.Email), "Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.");
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var nieuw = w is null;
        w ??= new Werkgever { Id = Guid.NewGuid(), GemeenteId = gemeente!.Id, Naam = string.Empty };
        if (nieuw) db.Add(w);
        w.Naam = invoer.Naam!.Trim();
        w.Sector = Leeg(invoer.Sector);
        w.Aanbod = aanbod;
        w.Capaciteit = invoer.Capaciteit;
        w.Taaleis = taaleis;
        w.Contactpersoon = Leeg(invoer.Contactpersoon);
        w.Telefoon = Leeg(invoer.Telefoon);
        w.Email = email;
        w.Actief = invoer.Actief;
        audit.Schrijf(nieuw ? AuditActie.Aanmaken : AuditActie.Wijzigen, null, $"Werkgeversregister: werkgever '{w.Naam}' {(nieuw ? "toegevoegd" : "gewijzigd")}",
            AuditObject.Van<Werkgever>(w.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(w.Id);
    }

    /// <summary>Records an experience with an employer within reach.</summary>
    public async Task<Uitkomst<long>> ErvaringAsync(Guid werkgeverId, ErvaringInvoer invoer, CancellationToken ct = default)
    {
        var w = await WerkgeverAsync(werkgeverId, ct);
        if (w is null) return Uitkomst<long>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (invoer.Datum is not { } datum) fouten.Voeg(nameof(invoer.Datum), "Vul de datum in.");
        else if (datum > klok.Vandaag) fouten.Voeg(nameof(invoer.Datum), "De datum ligt in de toekomst.");
        if (string.IsNullOrWhiteSpace(invoer.Tekst)) fouten.Voeg(nameof(invoer.Tekst), "Beschrijf de ervaring.");
        fouten.Lengte(invoer.Tekst?.Trim(), nameof(invoer.Tekst), MaxTekst);
        if (fouten.Count > 0) return Uitkomst<long>.Geweigerd(fouten);
        var e = new Werkgeverervaring { WerkgeverId = w.Id, Datum = invoer.Datum!.Value, Tekst = invoer.Tekst!.Trim(), Door = gebruiker.Naam, VastgelegdOp = klok.NuUtc };
        db.Add(e);
        audit.Schrijf(AuditActie.Wijzigen, null, $"Werkgeversregister: ervaring vastgelegd bij '{w.Naam}'", AuditObject.Van<Werkgever>(w.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<long>.Ok(e.Id);
    }

    // ---- one case -----------------------------------------------------------------------------------------------

    /// <summary>The Werk tab of a case within reach; the read is audited with <paramref name="doel"/>.</summary>
    public async Task<WerkStand?> HaalAsync(Guid id, string doel, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return null;
        var dossier = await dossiers.InzienAsync(id, doel, ct);
        if (dossier is null) return null;
        var plaatsingen = await db.Set<Plaatsing>().AsNoTracking().Include(p => p.Werkgever).Include(p => p.Evaluaties)
            .Where(p => p.InburgeraarId == id).ToListAsync(ct);
        var uitstromen = await db.Set<Uitstroom>().AsNoTracking().Where(u => u.InburgeraarId == id).OrderByDescending(u => u.Datum).ToListAsync(ct);
        var werkgevers = await db.Set<Werkgever>().AsNoTracking().Where(w => w.GemeenteId == dossier.GemeenteId && w.Actief).OrderBy(w => w.Naam).ToListAsync(ct);
        return new WerkStand(dossier, plaatsingen.Select(p => Regel(p, klok.Vandaag)).OrderByDescending(r => r.Plaatsing.Start).ToList(), uitstromen, werkgevers,
            await JobcoachesAsync(dossier.GemeenteId, ct));
    }

    /// <summary>
    /// The jobcoaches with an account a placement in this municipality may be assigned to: partner users (role Partner) of an
    /// active jobcoach organisation (<see cref="Partnersoort.MapJobcoach"/>) of the municipality's region. A partner works
    /// for one region (Toegang reads cases of that region only), so a coach of another region could never see the placement.
    /// </summary>
    public async Task<IReadOnlyList<Jobcoachkeuze>> JobcoachesAsync(int gemeenteId, CancellationToken ct = default)
    {
        var regio = await db.Gemeenten.AsNoTracking().Where(g => g.Id == gemeenteId).Select(g => (int?)g.RegioId).FirstOrDefaultAsync(ct);
        if (regio is null) return [];
        var partnerrol = db.Roles.Where(r => r.Name == Rollen.Partner).Select(r => r.Id);
        var rijen = await (from u in db.Users.AsNoTracking()
                           join o in db.Partnerorganisaties.AsNoTracking() on u.PartnerorganisatieId equals o.Id
                           where o.Soort == Partnersoort.MapJobcoach && o.Actief && o.RegioId == regio
                               && db.UserRoles.Any(ur => ur.UserId == u.Id && partnerrol.Contains(ur.RoleId))
                           select new { u.Id, u.Weergavenaam, u.UserName, Organisatie = o.Naam }).ToListAsync(ct);
        return rijen.Select(r => new Jobcoachkeuze(r.Id, string.IsNullOrEmpty(r.Weergavenaam) ? r.UserName ?? r.Id : r.Weergavenaam, r.Organisatie))
            .OrderBy(j => j.Naam, StringComparer.Ordinal).ThenBy(j => j.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The running placements of a case for the case page's summary. Not audited separately: the case page has audited its
    /// read; still only for a case worker with the case in reach.
    /// </summary>
    // Compiled (Koers.Data.Gecompileerd): on every case page.
    private static readonly Gecompileerd.Lijst<Guid, Plaatsing> Lopend = Gecompileerd.Rijen((KoersDbContext db, Guid id) =>
        db.Set<Plaatsing>().AsNoTracking().Include(p => p.Werkgever).Include(p => p.Evaluaties).Where(p => p.InburgeraarId == id && p.Uitkomst == null));

    public async Task<IReadOnlyList<Plaatsingsregel>?> LopendAsync(Guid id, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return null;
        if (!await toegang.IsInBereikAsync(id, ct)) return null;
        var lopend = await Lopend.ToListAsync(db, id, ct);
        return lopend.Select(p => Regel(p, klok.Vandaag)).OrderBy(r => r.Plaatsing.Start).ToList();
    }

    /// <summary>
    /// The inburgeraar's own placements (running first, then ended, newest first) for the portal; null for anyone else.
    /// Only the own case (the account's link, never an id from the request); the read is audited.
    /// </summary>
    public async Task<IReadOnlyList<Plaatsing>?> EigenAsync(CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (bereik.EigenDossier is not { } id || !bereik.Heeft(Rollen.Inburgeraar)) return null;
        var dossier = await dossiers.InzienAsync(id, "Portaal: eigen plaatsingen bekeken", ct);
        if (dossier is null) return null;
        return (await db.Set<Plaatsing>().AsNoTracking().Include(p => p.Werkgever).Where(p => p.InburgeraarId == id).ToListAsync(ct))
            .OrderBy(p => p.Uitkomst is null ? 0 : 1).ThenByDescending(p => p.Start).ToList();
    }

    public static Plaatsingsregel Regel(Plaatsing p, DateOnly vandaag)
    {
        var laatste = p.Evaluaties.Count == 0 ? (DateOnly?)null : p.Evaluaties.Max(e => e.Datum);
        var loopt = p.Uitkomst is null && p.Start <= vandaag;
        var sinds = laatste ?? p.Start;
        var teLaat = loopt && vandaag.DayNumber - sinds.DayNumber > EvaluatieElkeDagen;
        var binnenkort = p.Uitkomst is null && p.Einde is { } e && e >= vandaag && e.DayNumber - vandaag.DayNumber <= EindeSignaalDagen;
        return new Plaatsingsregel(p, laatste, teLaat, binnenkort);
    }

    public async Task<Uitkomst<Guid>> PlaatsingAsync(Guid id, PlaatsingInvoer invoer, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return Uitkomst<Guid>.Onbekend();
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        Werkgever? werkgever = null;
        if (invoer.Werkgever is { } wid)
        {
            werkgever = await db.Set<Werkgever>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == wid && w.GemeenteId == dossier.GemeenteId, ct);
            if (werkgever is null) fouten.Voeg(nameof(invoer.Werkgever), "Kies een werkgever uit het register van de gemeente van de inburgeraar.");
            else if (!werkgever.Actief) fouten.Voeg(nameof(invoer.Werkgever), $"'{werkgever.Naam}' staat niet meer actief in het register.");
        }
        else if (string.IsNullOrWhiteSpace(invoer.InternAfdeling))
        {
            fouten.Voeg(nameof(invoer.Werkgever), "Kies een werkgever, of vul bij een interne plaatsing de afdeling in.");
        }

        fouten.Lengte(invoer.InternAfdeling?.Trim(), nameof(invoer.InternAfdeling), 200);
        if (invoer.Soort is not { } soort || !Enum.IsDefined(soort)) fouten.Voeg(nameof(invoer.Soort), "Kies de soort plaatsing.");
        fouten.Lengte(invoer.Subsidie?.Trim(), nameof(invoer.Subsidie), 200);
        if (invoer.SubsidieBedrag is { } bedrag && (bedrag < 0 || bedrag > 1_000_000)) fouten.Voeg(nameof(invoer.SubsidieBedrag), "Het subsidiebedrag ligt tussen 0 en 1.000.000 euro.");
        if (invoer.SubsidieBedrag is not null && string.IsNullOrWhiteSpace(invoer.Subsidie)) fouten.Voeg(nameof(invoer.Subsidie), "Vul in welke subsidie het bedrag is (bijvoorbeeld loonkostensubsidie).");
        if (invoer.Start is not { } start) fouten.Voeg(nameof(invoer.Start), "Vul de startdatum in.");
        else if (invoer.Einde is { } einde && einde < start) fouten.Voeg(nameof(invoer.Einde), "De einddatum ligt vóór de startdatum.");
        if (invoer.UrenPerWeek is { } uren && (uren <= 0 || uren > 60)) fouten.Voeg(nameof(invoer.UrenPerWeek), "Het aantal uren per week ligt tussen 0 en 60.");
        var coach = await JobcoachKiezenAsync(dossier.GemeenteId, invoer.Jobcoach, invoer.JobcoachGebruiker, fouten, ct);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var p = new Plaatsing
        {
            Id = Guid.NewGuid(), InburgeraarId = id, WerkgeverId = werkgever?.Id, InternAfdeling = werkgever is null ? Leeg(invoer.InternAfdeling) : null,
            Soort = invoer.Soort!.Value, Startbaan = invoer.Startbaan, Subsidie = Leeg(invoer.Subsidie), SubsidieBedrag = invoer.SubsidieBedrag,
            Start = invoer.Start!.Value, Einde = invoer.Einde, UrenPerWeek = invoer.UrenPerWeek,
            // The name is kept beside the account: the staff caseload groups on it, and it outlives a removed account.
            Jobcoach = coach is null ? Leeg(invoer.Jobcoach) : $"{coach.Naam} ({coach.Organisatie})", JobcoachGebruikerId = coach?.Id,
            VastgelegdOp = klok.NuUtc, VastgelegdDoor = gebruiker.Naam,
        };
        db.Add(p);
        dossiers.Audit(AuditActie.Aanmaken, id, $"Plaatsing vastgelegd: {p.Soort.Omschrijving()} {(werkgever is null ? "intern" : $"bij {werkgever.Naam}")} vanaf {Shared.Weergave.Datum(p.Start)}");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(p.Id);
    }

    /// <summary>
    /// The jobcoach rule of a new placement and of a reassignment (one rule for both): an account only from the ones the
    /// form offers, a partner user of an active jobcoach organisation of the case's region (deny by default: an id from
    /// elsewhere is refused at the field), or an external name, not both.
    /// </summary>
    private async Task<Jobcoachkeuze?> JobcoachKiezenAsync(int gemeenteId, string? naam, string? gebruikerId, Dictionary<string, string[]> fouten, CancellationToken ct)
    {
        fouten.Lengte(naam?.Trim(), nameof(PlaatsingInvoer.Jobcoach), 200);
        if (Leeg(gebruikerId) is not { } coachId) return null;
        var coach = (await JobcoachesAsync(gemeenteId, ct)).FirstOrDefault(j => j.Id == coachId);
        if (coach is null) fouten.Voeg(nameof(PlaatsingInvoer.JobcoachGebruiker), "Kies een jobcoach met een account bij een jobcoachorganisatie in de regio van de inburgeraar.");
        else if (Leeg(naam) is not null)
            fouten.Voeg(nameof(PlaatsingInvoer.Jobcoach), "Kies een jobcoach met een account óf vul de naam van een externe jobcoach in, niet allebei.");
        return coach;
    }

    /// <summary>
    /// Another jobcoach for a running placement (h-demo, #22). The old jobcoach's account loses the placement from the own
    /// caseload at once (the caseload reads <see cref="Plaatsing.JobcoachGebruikerId"/>); the new one sees it when the
    /// inburgeraar's consent allows. Audited with the old and the new name.
    /// </summary>
    public async Task<Uitkomst<Guid>> JobcoachWijzigenAsync(Guid id, Guid plaatsingId, JobcoachInvoer invoer, CancellationToken ct = default)
    {
        var p = await PlaatsingVoorWijzigingAsync(id, plaatsingId, ct);
        if (p is null) return Uitkomst<Guid>.Onbekend();
        var gemeenteId = await db.Inburgeraars.Where(i => i.Id == id).Select(i => i.GemeenteId).FirstAsync(ct);
        var fouten = Veldfouten.Nieuw();
        if (p.Uitkomst is not null) fouten.Voeg(nameof(invoer.JobcoachGebruiker), "Deze plaatsing is beëindigd; de jobcoach wijzigt niet meer.");
        var coach = await JobcoachKiezenAsync(gemeenteId, invoer.Jobcoach, invoer.JobcoachGebruiker, fouten, ct);
        var naam = coach is null ? Leeg(invoer.Jobcoach) : $"{coach.Naam} ({coach.Organisatie})";
        if (fouten.Count == 0 && naam == p.Jobcoach && coach?.Id == p.JobcoachGebruikerId)
            fouten.Voeg(nameof(invoer.JobcoachGebruiker), "Dit is al de jobcoach van deze plaatsing.");
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        var oud = p.Jobcoach ?? "geen jobcoach";
        p.Jobcoach = naam;
        p.JobcoachGebruikerId = coach?.Id;
        audit.Schrijf(AuditActie.Wijzigen, id, $"Jobcoach van plaatsing bij {p.Werkgever?.Naam ?? "intern"} gewijzigd: {oud} → {naam ?? "geen jobcoach"}", AuditObject.Van<Plaatsing>(p.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(p.Id);
    }

    private async Task<Plaatsing?> PlaatsingVoorWijzigingAsync(Guid id, Guid plaatsingId, CancellationToken ct)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return null;
        if (await dossiers.LaadVoorWijzigingAsync(id, ct) is null) return null;
        return await db.Set<Plaatsing>().Include(p => p.Werkgever).FirstOrDefaultAsync(p => p.Id == plaatsingId && p.InburgeraarId == id, ct);
    }

    public async Task<Uitkomst<long>> EvaluatieAsync(Guid id, Guid plaatsingId, EvaluatieInvoer invoer, CancellationToken ct = default)
    {
        var p = await PlaatsingVoorWijzigingAsync(id, plaatsingId, ct);
        if (p is null) return Uitkomst<long>.Onbekend();
        return await EvaluatieVastleggenAsync(p, invoer, null, ct);
    }

    /// <summary>
    /// Validates and stores a weekly evaluation of a placement the caller has already authorised (the case worker through
    /// <see cref="PlaatsingVoorWijzigingAsync"/>, the jobcoach through <see cref="JobcoachService"/>): one rule for both.
    /// </summary>
    internal async Task<Uitkomst<long>> EvaluatieVastleggenAsync(Plaatsing p, EvaluatieInvoer invoer, string? wie, CancellationToken ct)
    {
        var fouten = Veldfouten.Nieuw();
        if (p.Uitkomst is not null) fouten.Voeg(nameof(invoer.Datum), "Deze plaatsing is beëindigd.");
        if (invoer.Datum is not { } datum) fouten.Voeg(nameof(invoer.Datum), "Vul de datum van de evaluatie in.");
        else if (datum > klok.Vandaag) fouten.Voeg(nameof(invoer.Datum), "De datum ligt in de toekomst.");
        else if (datum < p.Start) fouten.Voeg(nameof(invoer.Datum), "De datum ligt vóór de start van de plaatsing.");
        if (string.IsNullOrWhiteSpace(invoer.Tekst)) fouten.Voeg(nameof(invoer.Tekst), "Beschrijf hoe de week ging.");
        fouten.Lengte(invoer.Tekst?.Trim(), nameof(invoer.Tekst), MaxTekst);
        if (invoer.Score is not (>= 1 and <= 5)) fouten.Voeg(nameof(invoer.Score), "Geef een score van 1 (slecht) tot en met 5 (heel goed).");
        if (fouten.Count > 0) return Uitkomst<long>.Geweigerd(fouten);
        var e = new Plaatsingsevaluatie { PlaatsingId = p.Id, Datum = invoer.Datum!.Value, Tekst = invoer.Tekst!.Trim(), Score = invoer.Score!.Value, Door = gebruiker.Naam, VastgelegdOp = klok.NuUtc };
        db.Add(e);
        audit.Schrijf(AuditActie.Wijzigen, p.InburgeraarId, $"Weekevaluatie van plaatsing bij {p.Werkgever?.Naam ?? "intern"} vastgelegd ({Shared.Weergave.Datum(e.Datum)}){wie}",
            AuditObject.Van<Plaatsing>(p.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<long>.Ok(e.Id);
    }

    public async Task<Uitkomst<Guid>> BeeindigenAsync(Guid id, Guid plaatsingId, BeeindigInvoer invoer, CancellationToken ct = default)
    {
        var p = await PlaatsingVoorWijzigingAsync(id, plaatsingId, ct);
        if (p is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (p.Uitkomst is not null) fouten.Voeg(nameof(invoer.Uitkomst), "Deze plaatsing is al beëindigd.");
        if (invoer.Uitkomst is not { } uitkomst || !Enum.IsDefined(uitkomst)) fouten.Voeg(nameof(invoer.Uitkomst), "Kies hoe de plaatsing eindigde.");
        if (invoer.Datum is not { } datum) fouten.Voeg(nameof(invoer.Datum), "Vul de datum van beëindiging in.");
        else if (datum > klok.Vandaag) fouten.Voeg(nameof(invoer.Datum), "De datum ligt in de toekomst.");
        else if (datum < p.Start) fouten.Voeg(nameof(invoer.Datum), "De datum ligt vóór de start van de plaatsing.");
        // A failed placement needs its reason: the register learns from it (issue #22: "reason when a placement fails").
        if (invoer.Uitkomst == Plaatsingsuitkomst.Mislukt && string.IsNullOrWhiteSpace(invoer.Reden))
            fouten.Voeg(nameof(invoer.Reden), "Vul de reden in waarom de plaatsing voortijdig is beëindigd.");
        fouten.Lengte(invoer.Reden?.Trim(), nameof(invoer.Reden), MaxTekst);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        p.Uitkomst = invoer.Uitkomst;
        p.BeeindigdOp = invoer.Datum;
        p.Reden = Leeg(invoer.Reden);
        dossiers.Audit(AuditActie.Wijzigen, id, $"Plaatsing bij {p.Werkgever?.Naam ?? "intern"} beëindigd: {p.Uitkomst!.Value.Omschrijving()}");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(p.Id);
    }

    public async Task<Uitkomst<Guid>> UitstroomAsync(Guid id, UitstroomInvoer invoer, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return Uitkomst<Guid>.Onbekend();
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (invoer.Soort is not { } soort || !Enum.IsDefined(soort)) fouten.Voeg(nameof(invoer.Soort), "Kies waarnaar de inburgeraar uitstroomt.");
        if (invoer.Datum is not { } datum) fouten.Voeg(nameof(invoer.Datum), "Vul de datum van uitstroom in.");
        else if (datum > klok.Vandaag) fouten.Voeg(nameof(invoer.Datum), "De datum ligt in de toekomst.");
        fouten.Lengte(invoer.Toelichting?.Trim(), nameof(invoer.Toelichting), MaxTekst);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        var u = new Uitstroom { Id = Guid.NewGuid(), InburgeraarId = id, Soort = invoer.Soort!.Value, Datum = invoer.Datum!.Value, Toelichting = Leeg(invoer.Toelichting), VastgelegdOp = klok.NuUtc, VastgelegdDoor = gebruiker.Naam };
        db.Add(u);
        dossiers.Audit(AuditActie.Aanmaken, id, $"Uitstroom vastgelegd: {u.Soort.Omschrijving()} per {Shared.Weergave.Datum(u.Datum)}");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(u.Id);
    }

    // ---- worklist and caseload ---------------------------------------------------------------------------------

    private async Task<List<(Guid Id, string Naam, string Gemeente, string? Regisseur, Plaatsingsregel Regel)>> LopendInBereikAsync(
        Werkvoorraad.Dossierselectie selectie, CancellationToken ct)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return [];
        var inBereik = selectie.Pas(await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct)).Where(i => i.GeanonimiseerdOp == null);
        var personen = await inBereik.Where(i => db.Set<Plaatsing>().Any(p => p.InburgeraarId == i.Id && p.Uitkomst == null))
            .Select(i => new { i.Id, Naam = i.Voornamen + " " + i.Achternaam, Gemeente = i.Gemeente!.Naam, Regisseur = i.Klantregisseur!.Naam })
            .ToDictionaryAsync(x => x.Id, ct);
        var ids = personen.Keys.ToList();
        var plaatsingen = await db.Set<Plaatsing>().AsNoTracking().Include(p => p.Werkgever).Include(p => p.Evaluaties)
            .Where(p => p.Uitkomst == null && ids.Contains(p.InburgeraarId)).AsSplitQuery().ToListAsync(ct);
        var rijen = plaatsingen.Select(p => new { p, personen[p.InburgeraarId].Naam, personen[p.InburgeraarId].Gemeente, personen[p.InburgeraarId].Regisseur }).ToList();
        return rijen.Select(r => (r.p.InburgeraarId, r.Naam, r.Gemeente, (string?)r.Regisseur, Regel(r.p, klok.Vandaag))).ToList();
    }

    /// <summary>Running placements within reach with an evaluation overdue or an end within two weeks.</summary>
    public async Task<IReadOnlyList<Plaatsingssignaal>> SignalenAsync(Werkvoorraad.Dossierselectie selectie, CancellationToken ct = default) =>
        (await LopendInBereikAsync(selectie, ct)).Where(r => r.Regel.EvaluatieTeLaat || r.Regel.EindigtBinnenkort)
            .Select(r => new Plaatsingssignaal(r.Id, r.Naam, r.Gemeente, r.Regisseur, r.Regel))
            .OrderBy(s => s.Regel.Plaatsing.Einde ?? DateOnly.MaxValue).ThenBy(s => s.Naam, StringComparer.Ordinal).ToList();

    public static Werkvoorraad.Signaalsectie Sectie(IReadOnlyList<Plaatsingssignaal> signalen, DateOnly vandaag) => new(
        "werk-plaatsingen",
        "Plaatsingen",
        signalen.Select(s => new Werkvoorraad.SignaalRegel(s.InburgeraarId, s.Naam, $"/inburgeraars/{s.InburgeraarId}/werk#plaatsingen",
            s.Regel.EvaluatieTeLaat ? "Weekevaluatie te laat" : "Eindigt binnenkort",
            s.Regel.EindigtBinnenkort,
            $"{s.Regel.Waar}{(s.Regel.LaatsteEvaluatie is { } l ? $" · laatste evaluatie {Shared.Weergave.Datum(l)}" : " · nog geen evaluatie")}" +
            $"{(s.Regel.Plaatsing.Einde is { } e ? $" · eindigt {Shared.Weergave.Datum(e)}" : string.Empty)} · {s.Gemeente} · {s.Klantregisseur ?? "niet toegewezen"}")).ToList(),
        "Geen plaatsingen die aandacht vragen.",
        [new Werkvoorraad.Signaalsectie.Telling("Evaluatie te laat", signalen.Count(s => s.Regel.EvaluatieTeLaat)),
            new Werkvoorraad.Signaalsectie.Telling("Eindigt binnen 2 weken", signalen.Count(s => s.Regel.EindigtBinnenkort))],
        [],
        $"Lopende plaatsingen zonder weekevaluatie in de laatste {EvaluatieElkeDagen} dagen, of met een einddatum binnen {EindeSignaalDagen} dagen.");

    /// <summary>The running placements within reach, per jobcoach (placements without a jobcoach under "Geen jobcoach").</summary>
    public async Task<IReadOnlyList<Caseload>> CaseloadAsync(CancellationToken ct = default)
    {
        var rijen = await LopendInBereikAsync(Werkvoorraad.Dossierselectie.Alles, ct);
        audit.Inzien(null, $"Caseload jobcoaches bekeken ({rijen.Count} lopende plaatsingen)");
        await db.SaveChangesAsync(ct);
        return rijen.GroupBy(r => r.Regel.Plaatsing.Jobcoach ?? "Geen jobcoach")
            .OrderBy(g => g.Key == "Geen jobcoach").ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Caseload(g.Key, g.OrderBy(r => r.Naam, StringComparer.Ordinal).Select(r => (r.Id, r.Naam, r.Regel)).ToList())).ToList();
    }

    private static string? Leeg(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

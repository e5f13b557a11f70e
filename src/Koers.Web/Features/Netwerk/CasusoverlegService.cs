using System.ComponentModel;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Data.Model.Netwerk;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Netwerk;

public sealed class OverlegInvoer
{
    [Description("CBS-code van de gemeente van het overleg, bijvoorbeeld GM1724.")] public string? Gemeente { get; set; }
    [Description("Onderwerp (verplicht, hoogstens 200 tekens).")] public string? Onderwerp { get; set; }
    public DateOnly? Datum { get; set; }
    public TimeOnly? Aanvang { get; set; }
    public string? Locatie { get; set; }
    [Description("Medewerkers die deelnemen (id's).")] public List<int> Medewerkers { get; set; } = [];
    [Description("Ketenpartners die deelnemen (id's); zij zien een besproken dossier alleen met hun machtiging.")] public List<int> Partners { get; set; } = [];
}

public sealed class BesprekingInvoer
{
    public Guid? InburgeraarId { get; set; }
    [Description("Verslag van de bespreking (hoogstens 4000 tekens).")] public string? Verslag { get; set; }
}

public sealed class ActieInvoer
{
    [Description("Wat er moet gebeuren (verplicht, hoogstens 500 tekens).")] public string? Tekst { get; set; }
    [Description("Medewerker die de actie uitvoert; een deelnemer aan het overleg.")] public int? EigenaarId { get; set; }
    public DateOnly? Deadline { get; set; }
}

public sealed record OverlegRegel(Guid Id, string Onderwerp, DateOnly Datum, TimeOnly? Aanvang, string Gemeente, int Besprekingen, int OpenActies);

/// <summary>A meeting as the user may see it: <see cref="Besprekingen"/> holds only the cases within the user's reach (or consent).</summary>
public sealed record OverlegStand(Casusoverleg Overleg, IReadOnlyList<Casusbespreking> Besprekingen, int NietZichtbaar, bool IsPartner);

/// <summary>A discussion of one case, for the case's tab and the case page.</summary>
public sealed record BesprekingVanDossier(Guid OverlegId, string Onderwerp, DateOnly Datum, string? Verslag, IReadOnlyList<Overlegactie> Acties);

/// <summary>
/// Casusoverleg with chain partners: a meeting of a municipality with staff and partner organisations, the cases
/// discussed (only cases within the user's reach), minutes per case and actions with an owner and a due date that reach
/// the owner's worklist. Practice: "extra ingezet op periodieke casus-overleggen en intensievere afstemming over
/// casuïstiek", after talks on "wie waarover gaat" (000:L444-447; seed-000-002-003-practice.md §6.2 A5 and A26).
/// A partner participant sees a discussed case only with an active consent of that person for its organisation covering
/// basisgegevens and voortgang (<see cref="Kern.Toegang.PartnerDossiersAsync"/>), the same rule as the partner portal.
/// </summary>
public sealed class CasusoverlegService(KoersDbContext db, Klok klok, HuidigeGebruiker gebruiker, Kern.Toegang toegang, Auditlog audit)
{
    /// <summary>What a partner must have consent for to see a discussed case: who it is and how it goes.</summary>
    public const Gegevenscategorie PartnerCategorie = Gegevenscategorie.Basisgegevens | Gegevenscategorie.Voortgang;

    /// <summary>An open action shows on the worklist from this many days before its due date.</summary>
    public const int SignaalDagenVooraf = 7;

    private async Task<IQueryable<Casusoverleg>> ZichtbaarAsync(CancellationToken ct)
    {
        var bereik = await toegang.BereikAsync(ct);
        var bron = db.Set<Casusoverleg>().AsNoTracking();
        if (bereik.WerktMetDossiers)
        {
            var gemeenten = bereik.Gemeenten.ToList();
            return bron.Where(o => gemeenten.Contains(o.GemeenteId));
        }

        if (bereik.IsPartner)
        {
            var partner = bereik.PartnerorganisatieId!.Value;
            var regio = bereik.Regio.ToList();
            return bron.Where(o => regio.Contains(o.GemeenteId) && o.Deelnemers.Any(d => d.PartnerorganisatieId == partner));
        }

        return bron.Where(_ => false);
    }

    public async Task<IReadOnlyList<OverlegRegel>> LijstAsync(CancellationToken ct = default)
    {
        var q = await ZichtbaarAsync(ct);
        return await q.OrderByDescending(o => o.Datum).ThenByDescending(o => o.Aanvang)
            .Select(o => new OverlegRegel(o.Id, o.Onderwerp, o.Datum, o.Aanvang, o.Gemeente!.Naam, o.Besprekingen.Count,
                o.Besprekingen.SelectMany(b => b.Acties).Count(a => a.GedaanOp == null)))
            .ToListAsync(ct);
    }

    /// <summary>The municipalities, staff and partners to choose from when planning a meeting.</summary>
    public Task<(List<Gemeente> Gemeenten, List<Medewerker> Medewerkers, List<Partnerorganisatie> Partners)> KeuzesAsync(CancellationToken ct = default) =>
        Regiodeelnemers.KeuzesAsync(db, toegang, ct);

    /// <summary>Plans a meeting of a municipality within reach, with staff of its region and partners of its region.</summary>
    public async Task<Uitkomst<Guid>> NieuwAsync(OverlegInvoer invoer, CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (!bereik.WerktMetDossiers) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        var code = invoer.Gemeente?.Trim().ToUpperInvariant();
        var gemeente = code is null ? null : await db.Gemeenten.AsNoTracking().FirstOrDefaultAsync(g => g.Code == code, ct);
        if (gemeente is null || !bereik.Gemeenten.Contains(gemeente.Id)) fouten.Voeg(nameof(invoer.Gemeente), "Kies een gemeente waarvoor u werkt.");
        var onderwerp = invoer.Onderwerp?.Trim() ?? string.Empty;
        if (onderwerp.Length == 0) fouten.Voeg(nameof(invoer.Onderwerp), "Vul het onderwerp in.");
        else if (onderwerp.Length > 200) fouten.Voeg(nameof(invoer.Onderwerp), "Het onderwerp mag hoogstens 200 tekens zijn.");
        if (invoer.Datum is not { } datum) fouten.Voeg(nameof(invoer.Datum), "Vul de datum van het overleg in.");
        else if (datum < klok.Vandaag.AddYears(-1) || datum > klok.Vandaag.AddYears(1)) fouten.Voeg(nameof(invoer.Datum), "Vul een datum in binnen een jaar van vandaag.");
        if (invoer.Locatie?.Trim().Length > 200) fouten.Voeg(nameof(invoer.Locatie), "De locatie mag hoogstens 200 tekens zijn.");
        var medewerkers = invoer.Medewerkers.Distinct().ToList();
        var partners = invoer.Partners.Distinct().ToList();
        if (medewerkers.Count == 0) fouten.Voeg(nameof(invoer.Medewerkers), "Kies ten minste één medewerker die deelneemt.");
        if (gemeente is not null && fouten.Count == 0)
        {
            var regio = await db.Gemeenten.AsNoTracking().Where(g => g.RegioId == gemeente.RegioId).Select(g => g.Id).ToListAsync(ct);
            var bekend = await Regiodeelnemers.Medewerkers(db, regio).Where(m => medewerkers.Contains(m.Id)).CountAsync(ct);
            if (bekend != medewerkers.Count) fouten.Voeg(nameof(invoer.Medewerkers), "Kies medewerkers uit de regio van de gemeente.");
            var bekendePartners = await db.Partnerorganisaties.AsNoTracking().CountAsync(p => partners.Contains(p.Id) && p.RegioId == gemeente.RegioId, ct);
            if (bekendePartners != partners.Count) fouten.Voeg(nameof(invoer.Partners), "Kies ketenpartners uit de regio van de gemeente.");
        }

        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        var overleg = new Casusoverleg
        {
            Id = Guid.NewGuid(), GemeenteId = gemeente!.Id, Onderwerp = onderwerp, Datum = invoer.Datum!.Value, Aanvang = invoer.Aanvang,
            Locatie = string.IsNullOrWhiteSpace(invoer.Locatie) ? null : invoer.Locatie.Trim(),
        };
        overleg.Deelnemers.AddRange(medewerkers.Select(m => new Overlegdeelnemer { MedewerkerId = m }));
        overleg.Deelnemers.AddRange(partners.Select(p => new Overlegdeelnemer { PartnerorganisatieId = p }));
        db.Add(overleg);
        audit.Aanmaken(null, $"Casusoverleg '{onderwerp}' gepland op {Shared.Weergave.Datum(overleg.Datum)} (gemeente {gemeente.Naam})", AuditObject.Van<Casusoverleg>(overleg.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(overleg.Id);
    }

    /// <summary>
    /// A meeting the user may see (null: 404), with the discussions of cases within the user's reach; for a partner only
    /// those with consent. Each case shown is audited as read.
    /// </summary>
    public async Task<OverlegStand?> HaalAsync(Guid id, CancellationToken ct = default)
    {
        var overleg = await (await ZichtbaarAsync(ct))
            .Include(o => o.Gemeente)
            .Include(o => o.Deelnemers).ThenInclude(d => d.Medewerker)
            .Include(o => o.Deelnemers).ThenInclude(d => d.Partnerorganisatie)
            .AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == id, ct);
        if (overleg is null) return null;
        var bereik = await toegang.BereikAsync(ct);
        var zichtbaar = bereik.IsPartner
            ? await toegang.PartnerDossiersAsync(db.Inburgeraars.AsNoTracking(), PartnerCategorie, ct)
            : await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct);
        var alle = await db.Set<Casusbespreking>().AsNoTracking().Where(b => b.CasusoverlegId == id).CountAsync(ct);
        var besprekingen = await db.Set<Casusbespreking>().AsNoTracking()
            .Include(b => b.Inburgeraar)
            .Include(b => b.Acties).ThenInclude(a => a.Eigenaar)
            .Where(b => b.CasusoverlegId == id && zichtbaar.Any(i => i.Id == b.InburgeraarId))
            .AsSplitQuery()
            .ToListAsync(ct);
        besprekingen = [.. besprekingen.OrderBy(b => b.Inburgeraar!.Achternaam).ThenBy(b => b.Inburgeraar!.Voornamen)];
        foreach (var b in besprekingen)
        {
            audit.Inzien(b.InburgeraarId, $"Casusoverleg '{overleg.Onderwerp}': bespreking bekeken{(bereik.IsPartner ? " door ketenpartner" : "")}", AuditObject.Van<Casusbespreking>(b.Id));
        }

        await db.SaveChangesAsync(ct);
        return new OverlegStand(overleg, besprekingen, alle - besprekingen.Count, bereik.IsPartner);
    }

    private async Task<Casusoverleg?> VoorWijzigingAsync(Guid id, CancellationToken ct) =>
        (await toegang.BereikAsync(ct)).WerktMetDossiers ? await (await ZichtbaarAsync(ct)).Include(o => o.Deelnemers).FirstOrDefaultAsync(o => o.Id == id, ct) : null;

    /// <summary>Cases to put on the agenda: open cases of the meeting's municipality within the user's reach, not yet on it.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Naam)>> KandidatenAsync(Guid overlegId, CancellationToken ct = default)
    {
        var overleg = await VoorWijzigingAsync(overlegId, ct);
        if (overleg is null) return [];
        var rijen = await (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct))
            .Where(i => i.GemeenteId == overleg.GemeenteId && i.GeanonimiseerdOp == null
                && !db.Set<Casusbespreking>().Any(b => b.CasusoverlegId == overlegId && b.InburgeraarId == i.Id))
            .OrderBy(i => i.Achternaam).ThenBy(i => i.Voornamen)
            .Select(i => new { i.Id, Naam = i.Achternaam + ", " + i.Voornamen, i.Geboortedatum }).Take(500).ToListAsync(ct);
        // Two persons with the same name get their year (or date) of birth, so the right one is chosen (no BSN in a picker).
        var labels = Shared.Keuzelabel.Onderscheiden([.. rijen.Select(r => (r.Naam, Shared.Keuzelabel.Persoon(r.Geboortedatum)))]);
        return [.. rijen.Select((r, n) => (r.Id, labels[n]))];
    }

    /// <summary>Adds a case to the meeting's agenda: only a case within the user's reach, once per meeting.</summary>
    public async Task<Uitkomst<Guid>> BesprekingAsync(Guid overlegId, BesprekingInvoer invoer, CancellationToken ct = default)
    {
        var overleg = await VoorWijzigingAsync(overlegId, ct);
        if (overleg is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (invoer.InburgeraarId is not { } dossier) fouten.Voeg(nameof(invoer.InburgeraarId), "Kies het dossier dat besproken wordt.");
        else if (!await toegang.MagDossierAsync(dossier, ct)) fouten.Voeg(nameof(invoer.InburgeraarId), "Er is geen dossier binnen uw bereik met dit kenmerk.");
        else if (await db.Set<Casusbespreking>().AnyAsync(b => b.CasusoverlegId == overlegId && b.InburgeraarId == dossier, ct))
            fouten.Voeg(nameof(invoer.InburgeraarId), "Dit dossier staat al op de agenda van dit overleg.");
        if (invoer.Verslag?.Trim().Length > 4000) fouten.Voeg(nameof(invoer.Verslag), "Het verslag mag hoogstens 4000 tekens zijn.");
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        var b = new Casusbespreking
        {
            Id = Guid.NewGuid(), CasusoverlegId = overlegId, InburgeraarId = invoer.InburgeraarId!.Value,
            Verslag = string.IsNullOrWhiteSpace(invoer.Verslag) ? null : invoer.Verslag.Trim(),
        };
        db.Add(b);
        audit.Aanmaken(b.InburgeraarId, $"Casusoverleg '{overleg.Onderwerp}' op {Shared.Weergave.Datum(overleg.Datum)}: dossier besproken", AuditObject.Van<Casusbespreking>(b.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(b.Id);
    }

    private async Task<(Casusoverleg? Overleg, Casusbespreking? Bespreking)> BesprekingVoorWijzigingAsync(Guid overlegId, Guid besprekingId, CancellationToken ct)
    {
        var overleg = await VoorWijzigingAsync(overlegId, ct);
        if (overleg is null) return (null, null);
        var b = await db.Set<Casusbespreking>().FirstOrDefaultAsync(x => x.Id == besprekingId && x.CasusoverlegId == overlegId, ct);
        if (b is null || !await toegang.MagDossierAsync(b.InburgeraarId, ct)) return (null, null);
        return (overleg, b);
    }

    /// <summary>The minutes of one case discussed.</summary>
    public async Task<Uitkomst<Guid>> VerslagAsync(Guid overlegId, Guid besprekingId, string? verslag, CancellationToken ct = default)
    {
        var (overleg, b) = await BesprekingVoorWijzigingAsync(overlegId, besprekingId, ct);
        if (overleg is null || b is null) return Uitkomst<Guid>.Onbekend();
        if (verslag?.Trim().Length > 4000) return Uitkomst<Guid>.Geweigerd(Veldfouten.Nieuw().Voeg("Verslag", "Het verslag mag hoogstens 4000 tekens zijn."));
        b.Verslag = string.IsNullOrWhiteSpace(verslag) ? null : verslag.Trim();
        audit.Wijzigen(b.InburgeraarId, $"Casusoverleg '{overleg.Onderwerp}': verslag bijgewerkt", AuditObject.Van<Casusbespreking>(b.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(b.Id);
    }

    /// <summary>An action on a discussed case, owned by a staff participant of the meeting, with a due date.</summary>
    public async Task<Uitkomst<Guid>> ActieAsync(Guid overlegId, Guid besprekingId, ActieInvoer invoer, CancellationToken ct = default)
    {
        var (overleg, b) = await BesprekingVoorWijzigingAsync(overlegId, besprekingId, ct);
        if (overleg is null || b is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        var tekst = invoer.Tekst?.Trim() ?? string.Empty;
        if (tekst.Length == 0) fouten.Voeg(nameof(invoer.Tekst), "Beschrijf de actie.");
        else if (tekst.Length > 500) fouten.Voeg(nameof(invoer.Tekst), "De actie mag hoogstens 500 tekens zijn.");
        if (invoer.EigenaarId is not { } eigenaar) fouten.Voeg(nameof(invoer.EigenaarId), "Kies wie de actie uitvoert.");
        else if (!overleg.Deelnemers.Any(d => d.MedewerkerId == eigenaar)) fouten.Voeg(nameof(invoer.EigenaarId), "Kies een medewerker die deelneemt aan dit overleg.");
        if (invoer.Deadline is not { } deadline) fouten.Voeg(nameof(invoer.Deadline), "Vul de datum in waarop de actie klaar moet zijn.");
        else if (deadline < overleg.Datum) fouten.Voeg(nameof(invoer.Deadline), $"De deadline ligt vóór het overleg ({Shared.Weergave.Datum(overleg.Datum)}).");
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        var actie = new Overlegactie { Id = Guid.NewGuid(), CasusbesprekingId = b.Id, Tekst = tekst, EigenaarId = invoer.EigenaarId!.Value, Deadline = invoer.Deadline!.Value };
        db.Add(actie);
        audit.Aanmaken(b.InburgeraarId, $"Casusoverleg '{overleg.Onderwerp}': actie afgesproken, deadline {Shared.Weergave.Datum(actie.Deadline)}", AuditObject.Van<Overlegactie>(actie.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(actie.Id);
    }

    /// <summary>Marks an action done (any staff member with the case in reach): it leaves the owner's worklist.</summary>
    public async Task<Uitkomst<Guid>> GedaanAsync(Guid actieId, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return Uitkomst<Guid>.Onbekend();
        var actie = await db.Set<Overlegactie>().Include(a => a.Casusbespreking).ThenInclude(b => b!.Casusoverleg).FirstOrDefaultAsync(a => a.Id == actieId, ct);
        if (actie is null || !await toegang.MagDossierAsync(actie.Casusbespreking!.InburgeraarId, ct)) return Uitkomst<Guid>.Onbekend();
        if (actie.GedaanOp is not null) return Uitkomst<Guid>.Geweigerd(Veldfouten.Nieuw().Voeg("Actie", "Deze actie is al afgerond."));
        actie.GedaanOp = klok.NuUtc;
        actie.GedaanDoor = gebruiker.Naam;
        audit.Wijzigen(actie.Casusbespreking.InburgeraarId, $"Casusoverleg '{actie.Casusbespreking.Casusoverleg!.Onderwerp}': actie afgerond", AuditObject.Van<Overlegactie>(actie.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(actie.Id);
    }

    /// <summary>The discussions of one case (staff with the case in reach; null: 404), newest first.</summary>
    // Compiled (Koers.Data.Gecompileerd): on every case page.
    private static readonly Gecompileerd.Lijst<Guid, Casusbespreking> Besprekingen = Gecompileerd.Rijen((KoersDbContext db, Guid id) =>
        db.Set<Casusbespreking>().AsNoTracking().Include(b => b.Casusoverleg).Include(b => b.Acties).ThenInclude(a => a.Eigenaar)
            .Where(b => b.InburgeraarId == id).AsSplitQuery());

    public async Task<IReadOnlyList<BesprekingVanDossier>?> VanDossierAsync(Guid dossierId, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers || !await toegang.MagDossierAsync(dossierId, ct)) return null;
        var rijen = await Besprekingen.ToListAsync(db, dossierId, ct);
        return rijen.OrderByDescending(b => b.Casusoverleg!.Datum)
            .Select(b => new BesprekingVanDossier(b.CasusoverlegId, b.Casusoverleg!.Onderwerp, b.Casusoverleg.Datum, b.Verslag, [.. b.Acties.OrderBy(a => a.Deadline)]))
            .ToList();
    }

    /// <summary>
    /// The worklist section: open actions due within <see cref="SignaalDagenVooraf"/> days or overdue, of the owner: the
    /// klantregisseur chosen in the worklist filter, else the signed-in user. Only cases within reach and the selection.
    /// </summary>
    public async Task<Signaalsectie> SectieAsync(Dossierselectie selectie, DateOnly vandaag, CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        var eigenaar = selectie.KlantregisseurId ?? bereik.MedewerkerId;
        var grens = vandaag.AddDays(SignaalDagenVooraf);
        var regels = new List<SignaalRegel>();
        if (eigenaar is { } e)
        {
            var dossiers = selectie.Pas(await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct));
            var acties = await db.Set<Overlegactie>().AsNoTracking()
                .Where(a => a.EigenaarId == e && a.GedaanOp == null && a.Deadline <= grens && dossiers.Any(i => i.Id == a.Casusbespreking!.InburgeraarId))
                .OrderBy(a => a.Deadline)
                .Select(a => new
                {
                    a.Tekst, a.Deadline, a.Casusbespreking!.InburgeraarId, a.Casusbespreking.CasusoverlegId, Overleg = a.Casusbespreking.Casusoverleg!.Onderwerp,
                    Naam = a.Casusbespreking.Inburgeraar!.Voornamen + " " + a.Casusbespreking.Inburgeraar.Achternaam,
                })
                .Take(Signaalsectie.Maximaal + 1).ToListAsync(ct);
            regels.AddRange(acties.Select(a => new SignaalRegel(a.InburgeraarId, a.Naam, $"/casusoverleg/{a.CasusoverlegId}", a.Deadline < vandaag ? "Te laat" : "Actie",
                a.Deadline < vandaag, $"{a.Tekst} · deadline {Shared.Weergave.Datum(a.Deadline)} · {a.Overleg}")));
        }

        return new Signaalsectie("signalen-casusoverleg", "Acties uit casusoverleg", regels, "Geen acties uit casusoverleg die binnen een week klaar moeten zijn.",
            [new Signaalsectie.Telling("Te laat", regels.Count(r => r.Urgent))], [new Signaalsectie.Link("Alle casusoverleggen", "/casusoverleg")]);
    }
}

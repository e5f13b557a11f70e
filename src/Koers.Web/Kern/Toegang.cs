using System.Security.Claims;
using Koers.Data;
using Koers.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Kern;

/// <summary>What the signed-in user may see: which municipalities' cases, or only their own file, or none.</summary>
public sealed record Bereik(
    bool Ingelogd,
    IReadOnlySet<string> Rollen,
    IReadOnlySet<int> Gemeenten,
    Guid? EigenDossier,
    string Naam,
    int? MedewerkerId,
    int? PartnerorganisatieId = null,
    int? RegioId = null,
    IReadOnlySet<int>? RegioGemeenten = null,
    string Organisatie = "onbekend")
{
    public static readonly Bereik Niemand = new(false, new HashSet<string>(), new HashSet<int>(), null, "anoniem", null);

    /// <summary>
    /// All municipalities of the user's region (of the partner's region for a chain partner). Figures (monitor) and the audit
    /// trail are kept per region; case files per <see cref="Gemeenten"/>, which is narrower when the region does not share.
    /// </summary>
    public IReadOnlySet<int> Regio => RegioGemeenten ?? new HashSet<int>();

    public bool IsPartner => Heeft(Data.Model.Rollen.Partner) && PartnerorganisatieId is not null;

    public bool Heeft(string rol) => Rollen.Contains(rol);

    public bool WerktMetDossiers => Rollen.Overlaps(Data.Model.Rollen.Dossierrollen);
}

/// <summary>
/// Decides every read and write of a case on role and municipality, and for chain partners on the inburgeraar's
/// consent (machtiging) per data category. A case outside the user's reach answers 404, never 403, so ids
/// cannot be probed.
/// </summary>
public sealed class Toegang(IHttpContextAccessor http, KoersDbContext db, Infrastructure.Klok klok, Bereikcache bereikcache, Kern.AuditVerzoek verzoek)
{
    private Bereik? _bereik;
    private readonly Dictionary<Guid, bool> _magDossier = [];
    private readonly Dictionary<Guid, Inburgeraar> _geopend = [];

    private bool AlleenLezen => http.HttpContext?.Request.Method is { } m && (HttpMethods.IsGet(m) || HttpMethods.IsHead(m));

    /// <summary>The reach when this request already loaded it (the audit writer uses it without another query).</summary>
    public Bereik? Geladen => _bereik;

    /// <summary>The municipalities within the user's reach (their own, or their sharing region), by name: the choice on every per-municipality settings page.</summary>
    public async Task<List<Gemeente>> GemeentenInBereikAsync(CancellationToken ct = default)
    {
        var bereik = (await BereikAsync(ct)).Gemeenten.ToList();
        return await db.Gemeenten.AsNoTracking().Where(g => bereik.Contains(g.Id)).OrderBy(g => g.Naam).ToListAsync(ct);
    }

    public async Task<Bereik> BereikAsync(CancellationToken ct = default)
    {
        if (_bereik is not null) return _bereik;
        var user = http.HttpContext?.User;
        var id = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user?.Identity?.IsAuthenticated != true || id is null) return _bereik = Bereik.Niemand;

        var gegevens = await bereikcache.HaalAsync(id, () => LaadAsync(id, ct));
        if (gegevens is null) return _bereik = Bereik.Niemand;
        var rollen = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        return _bereik = new Bereik(true, rollen, gegevens.Gemeenten, gegevens.EigenDossier, gegevens.Naam, gegevens.MedewerkerId, gegevens.PartnerorganisatieId,
            gegevens.RegioId, gegevens.RegioGemeenten, gegevens.Organisatie);
    }

    private async Task<Bereikcache.Gegevens?> LaadAsync(string id, CancellationToken ct)
    {
        var gebruiker = await db.Users.AsNoTracking()
            .Include(g => g.Medewerker).ThenInclude(m => m!.Team).ThenInclude(t => t!.Regio)
            .FirstOrDefaultAsync(g => g.Id == id, ct);
        if (gebruiker is null) return null;

        var gemeenten = new HashSet<int>();
        var thuis = gebruiker.Medewerker?.GemeenteId ?? gebruiker.GemeenteId;
        if (thuis is { } g) gemeenten.Add(g);
        var regio = gebruiker.Medewerker?.Team?.Regio;
        if (regio is null && thuis is { } gid)
        {
            regio = await db.Gemeenten.AsNoTracking().Where(x => x.Id == gid).Select(x => x.Regio).FirstOrDefaultAsync(ct);
        }

        // A chain partner belongs to the region of its organisation; it sees cases of that region only (with consent).
        string? partnernaam = null;
        if (gebruiker.PartnerorganisatieId is { } pid)
        {
            var partner = await db.Partnerorganisaties.AsNoTracking().Where(p => p.Id == pid).Select(p => new { p.Naam, p.Regio }).FirstOrDefaultAsync(ct);
            partnernaam = partner?.Naam;
            regio ??= partner?.Regio;
        }

        var regioGemeenten = regio is null
            ? new HashSet<int>()
            : (await db.Gemeenten.AsNoTracking().Where(x => x.RegioId == regio.Id).Select(x => x.Id).ToListAsync(ct)).ToHashSet();

        // A sharing region (one executor for several municipalities) opens all its municipalities; so does
        // the absence of a home municipality for staff of a region-wide team.
        if (regio is not null && gebruiker.PartnerorganisatieId is null && (regio.DeeltDossiers || thuis is null))
        {
            gemeenten.UnionWith(regioGemeenten);
        }

        var thuisnaam = thuis is { } t ? await db.Gemeenten.AsNoTracking().Where(x => x.Id == t).Select(x => x.Naam).FirstOrDefaultAsync(ct) : null;
        var organisatie = partnernaam
            ?? (thuisnaam is not null ? $"Gemeente {thuisnaam}" : null)
            ?? regio?.Naam
            ?? (gebruiker.InburgeraarId is not null ? "Inburgeraar (eigen dossier)" : "onbekend");

        return new Bereikcache.Gegevens(gemeenten, gebruiker.InburgeraarId,
            string.IsNullOrEmpty(gebruiker.Weergavenaam) ? gebruiker.UserName ?? gebruiker.Id : gebruiker.Weergavenaam, gebruiker.MedewerkerId,
            gebruiker.PartnerorganisatieId, regio?.Id, regioGemeenten, organisatie);
    }

    /// <summary>Only the cases this user may open as a case worker.</summary>
    public async Task<IQueryable<Inburgeraar>> DossiersAsync(IQueryable<Inburgeraar> bron, CancellationToken ct = default)
    {
        var bereik = await BereikAsync(ct);
        if (bereik.WerktMetDossiers)
        {
            var gemeenten = bereik.Gemeenten.ToList();
            return bron.Where(i => gemeenten.Contains(i.GemeenteId));
        }

        if (bereik.Heeft(Data.Model.Rollen.Inburgeraar) && bereik.EigenDossier is { } eigen)
        {
            return bron.Where(i => i.Id == eigen);
        }

        return bron.Where(_ => false);
    }

    /// <summary>
    /// Whether the user may open this case. Both answers are noted for the audit: a refusal becomes a 'geweigerd' row, an
    /// allowed read that no feature logged gets a row at the end of the request (<see cref="Audit.AuditVerzoeken"/>).
    /// </summary>
    public async Task<bool> MagDossierAsync(Guid id, CancellationToken ct = default)
    {
        // A case page asks once per part (eight times for one page). Within a request that only reads, the answer
        // cannot change, so it is asked once; a request that writes asks every time, since it may move the case.
        var mag = await IsInBereikAsync(id, ct);
        Noteer(id, mag, "Dossier buiten het bereik van de gebruiker (andere gemeente of regio, of onbekend)");
        return mag;
    }

    /// <summary>
    /// Whether the case is among <see cref="DossiersAsync"/>, without noting anything for the audit: for a part of a page
    /// that has already opened (and audited) the case. Within a request that only reads, the answer is asked once and is
    /// known without a query when the request opened the case (<see cref="OnthoudGeopend"/>).
    /// </summary>
    public async Task<bool> IsInBereikAsync(Guid id, CancellationToken ct = default)
    {
        if (AlleenLezen && _magDossier.TryGetValue(id, out var bekend)) return bekend;
        return _magDossier[id] = await (await DossiersAsync(db.Inburgeraars.AsNoTracking(), ct)).AnyAsync(i => i.Id == id, ct);
    }

    /// <summary>
    /// Keeps a case this request loaded through <see cref="DossiersAsync"/> (<see cref="DossierService.InzienAsync"/>): in a
    /// request that only reads, the case is in reach for the rest of the request, and the parts of the page that need its
    /// municipality or BSN take them from here instead of reading the case again. A request that writes keeps nothing.
    /// </summary>
    internal void OnthoudGeopend(Inburgeraar dossier)
    {
        if (!AlleenLezen) return;
        _magDossier[dossier.Id] = true;
        _geopend[dossier.Id] = dossier;
    }

    /// <summary>
    /// For a part of the case page read in a scope of its own (<see cref="Dossierdelen"/>), at the same time as the others:
    /// what <paramref name="pagina"/>, the page's own access check, already knows (the user's reach, the cases in reach and
    /// the case it opened), so the part decides exactly as it would in the page's scope, without asking the database again.
    /// </summary>
    internal void NeemOver(Toegang pagina)
    {
        _bereik = pagina._bereik;
        foreach (var (id, mag) in pagina._magDossier) _magDossier[id] = mag;
        foreach (var (id, dossier) in pagina._geopend) _geopend[id] = dossier;
    }

    /// <summary>
    /// The case as this request, which only reads, opened it through <see cref="DossierService.InzienAsync"/> (with its
    /// municipality, klantregisseur, milestones and family; not tracked, not to be changed); null when it did not.
    /// Having it means the case is in the user's reach.
    /// </summary>
    public Inburgeraar? Geopend(Guid id) => AlleenLezen && _geopend.TryGetValue(id, out var dossier) ? dossier : null;

    /// <summary>
    /// For a feature that loaded a case through <see cref="DossiersAsync"/> itself: notes a refusal (not found within reach)
    /// for the audit, as <see cref="MagDossierAsync"/> does.
    /// </summary>
    public void NoteerDossier(Guid id, bool gevonden) =>
        Noteer(id, gevonden, "Dossier buiten het bereik van de gebruiker (andere gemeente of regio, of onbekend)");

    /// <summary>
    /// Notes an attempt on a case outside the user's reach that the feature refuses without saying so (the user gets a
    /// neutral message, not a 404); it is audited as refused all the same.
    /// </summary>
    public void WeigerZonderAntwoord(Guid id, string reden) => verzoek.GeweigerdInStilte.TryAdd(id, reden);

    private void Noteer(Guid id, bool toegestaan, string reden)
    {
        if (toegestaan) verzoek.Toegestaan.Add(id);
        else verzoek.Geweigerd.TryAdd(id, reden);
    }

    /// <summary>Creating or changing cases: case workers, and only in a municipality within their reach.</summary>
    public async Task<bool> MagWerkenInGemeenteAsync(int gemeenteId, CancellationToken ct = default)
    {
        var bereik = await BereikAsync(ct);
        return bereik.WerktMetDossiers && bereik.Gemeenten.Contains(gemeenteId);
    }

    /// <summary>
    /// The cases a chain-partner user may see for one data category: those of the partner's own region with a consent of the
    /// inburgeraar for the user's organisation that is active today and includes that category. Nothing for anyone else.
    /// </summary>
    public async Task<IQueryable<Inburgeraar>> PartnerDossiersAsync(
        IQueryable<Inburgeraar> bron, Data.Model.Keten.Gegevenscategorie categorie, CancellationToken ct = default)
    {
        var bereik = await BereikAsync(ct);
        if (!bereik.IsPartner || categorie == Data.Model.Keten.Gegevenscategorie.Geen) return bron.Where(_ => false);
        var machtigingen = ActieveMachtigingen(bereik.PartnerorganisatieId!.Value).Where(m => (m.Categorieen & categorie) == categorie);
        // A consent row cannot open a case of another region (such a row should not exist, but the read side does not rely on that).
        var regio = bereik.Regio.ToList();
        return bron.Where(i => i.GeanonimiseerdOp == null && regio.Contains(i.GemeenteId) && machtigingen.Any(m => m.InburgeraarId == i.Id));
    }

    /// <summary>Whether the signed-in partner user may see this category of this case today (noted for the audit).</summary>
    public async Task<bool> MagPartnerAsync(Guid id, Data.Model.Keten.Gegevenscategorie categorie, CancellationToken ct = default)
    {
        var mag = await (await PartnerDossiersAsync(db.Inburgeraars.AsNoTracking(), categorie, ct)).AnyAsync(i => i.Id == id, ct);
        Noteer(id, mag, $"Ketenpartner zonder geldige machtiging voor {categorie} (of dossier buiten de regio van de partner)");
        return mag;
    }

    /// <summary>
    /// The categories the partner may see of each of these cases today: the union of its active consents, for cases that pass
    /// <see cref="PartnerDossiersAsync"/>. The one place that decides which consent counts, for the combined view as for access.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, Data.Model.Keten.Gegevenscategorie>> PartnerCategorieenAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        var bereik = await BereikAsync(ct);
        if (!bereik.IsPartner || ids.Count == 0) return new Dictionary<Guid, Data.Model.Keten.Gegevenscategorie>();
        var lijst = ids.ToList();
        var regio = bereik.Regio.ToList();
        var rijen = await ActieveMachtigingen(bereik.PartnerorganisatieId!.Value)
            .Where(m => lijst.Contains(m.InburgeraarId))
            .Join(db.Inburgeraars.Where(i => i.GeanonimiseerdOp == null && regio.Contains(i.GemeenteId)), m => m.InburgeraarId, i => i.Id, (m, _) => new { m.InburgeraarId, m.Categorieen })
            .ToListAsync(ct);
        return rijen.GroupBy(r => r.InburgeraarId)
            .ToDictionary(g => g.Key, g => g.Aggregate(Data.Model.Keten.Gegevenscategorie.Geen, (a, r) => a | r.Categorieen));
    }

    /// <summary>Consents of the organisation in force today: not withdrawn, begun, not ended (the last day counts).</summary>
    private IQueryable<Data.Model.Keten.Machtiging> ActieveMachtigingen(int partner)
    {
        var vandaag = klok.Vandaag;
        return db.Machtigingen.AsNoTracking().Where(m =>
            m.PartnerorganisatieId == partner && m.IngetrokkenOp == null && m.Van <= vandaag && (m.Tot == null || m.Tot >= vandaag));
    }

    /// <summary>
    /// The municipalities whose figures the user may see in the monitor: all of the user's region (policy and team leads work
    /// for the region), never another region's.
    /// </summary>
    public async Task<IReadOnlySet<int>> MonitorGemeentenAsync(CancellationToken ct = default) => (await BereikAsync(ct)).Regio;

    /// <summary>The region whose audit trail an auditor may read; null for anyone else or an auditor without a region.</summary>
    public async Task<int?> AuditRegioAsync(CancellationToken ct = default)
    {
        var bereik = await BereikAsync(ct);
        return bereik.Heeft(Data.Model.Rollen.Auditor) ? bereik.RegioId : null;
    }
}

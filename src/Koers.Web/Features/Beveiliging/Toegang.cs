using System.Security.Claims;
using Koers.Data;
using Koers.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Beveiliging;

/// <summary>What the signed-in user may see: which municipalities' cases, or only their own file, or none.</summary>
public sealed record Bereik(
    bool Ingelogd,
    IReadOnlySet<string> Rollen,
    IReadOnlySet<int> Gemeenten,
    Guid? EigenDossier,
    string Naam,
    int? MedewerkerId,
    int? PartnerorganisatieId = null)
{
    public static readonly Bereik Niemand = new(false, new HashSet<string>(), new HashSet<int>(), null, "anoniem", null);

    public bool IsPartner => Heeft(Data.Model.Rollen.Partner) && PartnerorganisatieId is not null;

    public bool Heeft(string rol) => Rollen.Contains(rol);

    public bool WerktMetDossiers => Rollen.Overlaps(Data.Model.Rollen.Dossierrollen);
}

/// <summary>
/// Decides every read and write of a case on role and municipality, and for chain partners on the inburgeraar's
/// consent (machtiging) per data category. A case outside the user's reach answers 404, never 403, so ids
/// cannot be probed.
/// </summary>
public sealed class Toegang(IHttpContextAccessor http, KoersDbContext db, Infrastructure.Klok klok, Bereikcache bereikcache)
{
    private Bereik? _bereik;

    public async Task<Bereik> BereikAsync(CancellationToken ct = default)
    {
        if (_bereik is not null) return _bereik;
        var user = http.HttpContext?.User;
        var id = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user?.Identity?.IsAuthenticated != true || id is null) return _bereik = Bereik.Niemand;

        var gegevens = await bereikcache.HaalAsync(id, () => LaadAsync(id, ct));
        if (gegevens is null) return _bereik = Bereik.Niemand;
        var rollen = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        return _bereik = new Bereik(true, rollen, gegevens.Gemeenten, gegevens.EigenDossier, gegevens.Naam, gegevens.MedewerkerId, gegevens.PartnerorganisatieId);
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

        // A sharing region (one executor for several municipalities) opens all its municipalities; so does
        // the absence of a home municipality for staff of a region-wide team.
        if (regio is not null && (regio.DeeltDossiers || thuis is null))
        {
            gemeenten.UnionWith(await db.Gemeenten.AsNoTracking().Where(x => x.RegioId == regio.Id).Select(x => x.Id).ToListAsync(ct));
        }

        return new Bereikcache.Gegevens(gemeenten, gebruiker.InburgeraarId,
            string.IsNullOrEmpty(gebruiker.Weergavenaam) ? gebruiker.UserName ?? gebruiker.Id : gebruiker.Weergavenaam, gebruiker.MedewerkerId,
            gebruiker.PartnerorganisatieId);
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

    public async Task<bool> MagDossierAsync(Guid id, CancellationToken ct = default) =>
        await (await DossiersAsync(db.Inburgeraars.AsNoTracking(), ct)).AnyAsync(i => i.Id == id, ct);

    /// <summary>Creating or changing cases: case workers, and only in a municipality within their reach.</summary>
    public async Task<bool> MagWerkenInGemeenteAsync(int gemeenteId, CancellationToken ct = default)
    {
        var bereik = await BereikAsync(ct);
        return bereik.WerktMetDossiers && bereik.Gemeenten.Contains(gemeenteId);
    }

    /// <summary>
    /// The cases a chain-partner user may see for one data category: those with a consent of the inburgeraar for
    /// the user's organisation that is active today and includes that category. Nothing for anyone else.
    /// </summary>
    public async Task<IQueryable<Inburgeraar>> PartnerDossiersAsync(
        IQueryable<Inburgeraar> bron, Data.Model.Keten.Gegevenscategorie categorie, CancellationToken ct = default)
    {
        var bereik = await BereikAsync(ct);
        if (!bereik.IsPartner || categorie == Data.Model.Keten.Gegevenscategorie.Geen) return bron.Where(_ => false);
        var partner = bereik.PartnerorganisatieId!.Value;
        var vandaag = klok.Vandaag;
        var machtigingen = db.Machtigingen.Where(m =>
            m.PartnerorganisatieId == partner && m.IngetrokkenOp == null && m.Van <= vandaag &&
            (m.Tot == null || m.Tot >= vandaag) && (m.Categorieen & categorie) == categorie);
        return bron.Where(i => i.GeanonimiseerdOp == null && machtigingen.Any(m => m.InburgeraarId == i.Id));
    }

    /// <summary>Whether the signed-in partner user may see this category of this case today.</summary>
    public async Task<bool> MagPartnerAsync(Guid id, Data.Model.Keten.Gegevenscategorie categorie, CancellationToken ct = default) =>
        await (await PartnerDossiersAsync(db.Inburgeraars.AsNoTracking(), categorie, ct)).AnyAsync(i => i.Id == id, ct);
}

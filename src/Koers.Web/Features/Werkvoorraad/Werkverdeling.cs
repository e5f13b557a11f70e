using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Dossier;
using Koers.Web.Features.Audit;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Werkvoorraad;

/// <summary>The selection on the werk-verdelen page: municipality code, current klantregisseur (an id, or "geen"), phase, route.</summary>
public sealed record VerdeelFilter(string? Gemeente = null, string? Klantregisseur = null, Fase? Fase = null, Leerroute? Leerroute = null)
{
    /// <summary>The value of the klantregisseur filter for cases without a klantregisseur.</summary>
    public const string NietToegewezen = "geen";
}

public sealed record VerdeelRegel(Guid Id, string Naam, string Gemeente, string? Klantregisseur, Fase Fase, Leerroute? Leerroute);

/// <summary>A klantregisseur a teamleider may give cases to, with their caseload (open cases) and where they may work.</summary>
public sealed record KlantregisseurCaseload(int Id, string Naam, string Team, int Lopend, IReadOnlySet<int> Gemeenten);

public sealed record VerdeelResultaat(int Aantal, int AlToegewezen, string Klantregisseur);

/// <summary>
/// Werk verdelen: a teamleider gives many cases at once to one klantregisseur. Only cases within the teamleider's reach
/// (<see cref="Kern.Toegang.DossiersAsync"/>) can be given; one id outside it refuses the whole request, so nothing
/// changes half. The new klantregisseur must be a user with the klantregisseur role who may work in each case's municipality
/// (their own municipality, or the whole region when their team's region shares case files or they have no home municipality,
/// the same rule as <see cref="Kern.Toegang"/>). Every changed case gets one audit row: from whom, to whom; who did
/// it is the row's user.
/// </summary>
public sealed class Werkverdeling(KoersDbContext db, Kern.Toegang toegang, Auditlog audit)
{
    public const int MaxRegels = 200;

    private static readonly List<Fase> Afgesloten = Enum.GetValues<Fase>().Where(f => f.IsAfgesloten()).ToList();

    /// <summary>The phases of cases that still need a klantregisseur (closed cases are not offered).</summary>
    public static IEnumerable<Fase> LopendeFasen => Enum.GetValues<Fase>().Where(f => !f.IsAfgesloten());

    /// <summary>The municipalities within the user's reach, by name.</summary>
    public async Task<List<(int Id, string Code, string Naam)>> GemeentenAsync(CancellationToken ct)
    {
        var ids = (await toegang.BereikAsync(ct)).Gemeenten.ToList();
        return (await db.Gemeenten.AsNoTracking().Where(g => ids.Contains(g.Id)).OrderBy(g => g.Naam)
                .Select(g => new { g.Id, g.Code, g.Naam }).ToListAsync(ct))
            .Select(g => (g.Id, g.Code, g.Naam)).ToList();
    }

    /// <summary>
    /// The klantregisseurs who may work in at least one municipality within the user's reach, with the number of open cases
    /// each has now (all their open cases, wherever: that is their workload).
    /// </summary>
    public async Task<List<KlantregisseurCaseload>> KlantregisseursAsync(CancellationToken ct)
    {
        var bereik = (await toegang.BereikAsync(ct)).Gemeenten.ToList();
        var rolId = await db.Roles.AsNoTracking().Where(r => r.Name == Rollen.Klantregisseur).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var metRol = db.Users.Where(u => u.MedewerkerId != null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == rolId))
            .Select(u => u.MedewerkerId!.Value);
        var kandidaten = await db.Medewerkers.AsNoTracking()
            .Where(m => metRol.Contains(m.Id))
            .Where(m => (m.GemeenteId != null && bereik.Contains(m.GemeenteId.Value))
                        || ((m.GemeenteId == null || m.Team!.Regio!.DeeltDossiers) && m.Team!.Regio!.Gemeenten.Any(g => bereik.Contains(g.Id))))
            .Select(m => new
            {
                m.Id, m.Naam, Team = m.Team!.Naam, m.GemeenteId, m.Team.RegioId, m.Team.Regio!.DeeltDossiers,
                Regio = m.Team.Regio.Gemeenten.Select(g => g.Id).ToList(),
            })
            .ToListAsync(ct);
        var ids = kandidaten.Select(k => k.Id).ToList();
        var lopend = await db.Inburgeraars.AsNoTracking()
            .Where(i => i.KlantregisseurId != null && ids.Contains(i.KlantregisseurId.Value) && !Afgesloten.Contains(i.Fase))
            .GroupBy(i => i.KlantregisseurId!.Value)
            .Select(g => new { Id = g.Key, Aantal = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Aantal, ct);
        var namen = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true);
        return kandidaten
            .Select(k => new KlantregisseurCaseload(k.Id, k.Naam, k.Team, lopend.GetValueOrDefault(k.Id),
                Gemeenten(k.GemeenteId, k.DeeltDossiers, k.Regio)))
            .OrderBy(k => k.Naam, namen).ThenBy(k => k.Id)
            .ToList();
    }

    /// <summary>Where a klantregisseur may work: as <see cref="Kern.Toegang"/> decides their own reach.</summary>
    private static HashSet<int> Gemeenten(int? eigen, bool deeltDossiers, List<int> regio)
    {
        var gemeenten = new HashSet<int>();
        if (eigen is { } g) gemeenten.Add(g);
        if (eigen is null || deeltDossiers) gemeenten.UnionWith(regio);
        return gemeenten;
    }

    /// <summary>Open cases within the user's reach without a klantregisseur.</summary>
    public async Task<int> NietToegewezenAsync(CancellationToken ct) =>
        await (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct))
            .CountAsync(i => i.KlantregisseurId == null && !Afgesloten.Contains(i.Fase), ct);

    /// <summary>The open cases within reach that match the filter: how many, and the first <see cref="MaxRegels"/> by name.</summary>
    public async Task<(int Totaal, List<VerdeelRegel> Regels)> ZoekAsync(VerdeelFilter filter, CancellationToken ct)
    {
        var q = (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct)).Where(i => !Afgesloten.Contains(i.Fase));
        if (!string.IsNullOrWhiteSpace(filter.Gemeente))
        {
            var code = filter.Gemeente.Trim().ToUpperInvariant();
            q = q.Where(i => i.Gemeente!.Code == code);
        }

        if (filter.Klantregisseur == VerdeelFilter.NietToegewezen) q = q.Where(i => i.KlantregisseurId == null);
        else if (int.TryParse(filter.Klantregisseur, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var kid))
            q = q.Where(i => i.KlantregisseurId == kid);
        if (filter.Fase is { } fase) q = q.Where(i => i.Fase == fase);
        if (filter.Leerroute is { } route) q = q.Where(i => i.Leerroute == route);

        var totaal = await q.CountAsync(ct);
        var regels = await q.OrderBy(i => i.Achternaam).ThenBy(i => i.Voornamen).ThenBy(i => i.Id).Take(MaxRegels)
            .Select(i => new VerdeelRegel(i.Id, i.Voornamen + " " + i.Achternaam, i.Gemeente!.Naam,
                i.Klantregisseur != null ? i.Klantregisseur.Naam : null, i.Fase, i.Leerroute))
            .ToListAsync(ct);
        return (totaal, regels);
    }

    /// <summary>
    /// Gives the chosen cases to one klantregisseur, all or nothing. Field errors: "Dossiers" (none chosen, or not all
    /// within reach) and "Klantregisseur" (none chosen, unknown, or not allowed in a case's municipality).
    /// </summary>
    public async Task<Kern.Uitkomst<VerdeelResultaat>> ToewijzenAsync(IReadOnlyCollection<Guid> dossiers, int? klantregisseurId, CancellationToken ct)
    {
        var fouten = Veldfouten.Nieuw();
        var ids = dossiers.Distinct().ToList();
        if (ids.Count == 0) fouten.Voeg("Dossiers", "Kies een of meer dossiers om toe te wijzen.");
        if (klantregisseurId is null) fouten.Voeg("Klantregisseur", "Kies de klantregisseur die de dossiers krijgt.");
        if (ids.Count > 5000) fouten.Voeg("Dossiers", "Kies hoogstens 5000 dossiers tegelijk.");
        if (fouten.Count > 0) return Kern.Uitkomst<VerdeelResultaat>.Geweigerd(fouten);

        var gevonden = await (await toegang.DossiersAsync(db.Inburgeraars, ct))
            .Where(i => ids.Contains(i.Id))
            .Include(i => i.Gemeente)
            .Include(i => i.Klantregisseur)
            .ToListAsync(ct);
        var buiten = ids.Except(gevonden.Select(i => i.Id)).ToList();
        if (buiten.Count > 0)
        {
            // Refused as a whole; each id outside the reach is audited as a refused attempt, and the message does not say
            // whether such a case exists elsewhere.
            foreach (var id in buiten) toegang.WeigerZonderAntwoord(id, "Werk verdelen: dossier buiten het bereik van de gebruiker (andere gemeente of regio, of onbekend)");
            fouten.Voeg("Dossiers", buiten.Count == 1
                ? "Eén gekozen dossier is niet gevonden binnen uw gemeenten. Er is niets toegewezen."
                : $"{buiten.Count} gekozen dossiers zijn niet gevonden binnen uw gemeenten. Er is niets toegewezen.");
            return Kern.Uitkomst<VerdeelResultaat>.Geweigerd(fouten);
        }

        var doel = (await KlantregisseursAsync(ct)).FirstOrDefault(k => k.Id == klantregisseurId);
        if (doel is null)
        {
            fouten.Voeg("Klantregisseur", "Deze klantregisseur is onbekend of werkt niet in uw gemeenten.");
            return Kern.Uitkomst<VerdeelResultaat>.Geweigerd(fouten);
        }

        foreach (var groep in gevonden.Where(i => !doel.Gemeenten.Contains(i.GemeenteId)).GroupBy(i => i.Gemeente!.Naam).OrderBy(g => g.Key))
        {
            var n = groep.Count();
            fouten.Voeg("Klantregisseur", $"{doel.Naam} werkt niet in gemeente {groep.Key} ({n} gekozen {(n == 1 ? "dossier" : "dossiers")}). Er is niets toegewezen.");
        }

        if (fouten.Count > 0) return Kern.Uitkomst<VerdeelResultaat>.Geweigerd(fouten);

        var medewerker = await db.Medewerkers.FirstAsync(m => m.Id == doel.Id, ct);
        var al = 0;
        foreach (var i in gevonden)
        {
            if (i.KlantregisseurId == doel.Id)
            {
                al++;
                continue;
            }

            var van = i.Klantregisseur?.Naam ?? "niet toegewezen";
            i.Klantregisseur = medewerker;
            i.KlantregisseurId = medewerker.Id;
            audit.Schrijf(AuditActie.Wijzigen, i.Id, $"Klantregisseur gewijzigd (werk verdelen): van {van} naar {doel.Naam}");
        }

        await db.SaveChangesAsync(ct);
        return Kern.Uitkomst<VerdeelResultaat>.Ok(new VerdeelResultaat(gevonden.Count - al, al, doel.Naam));
    }
}

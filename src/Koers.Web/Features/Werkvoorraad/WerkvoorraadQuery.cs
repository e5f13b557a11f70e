using Koers.Data;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Werkvoorraad;

public enum Signaal
{
    /// <summary>Overdue and due within the horizon.</summary>
    Alle,
    Verlopen,
    Binnenkort,
}

public enum Sortering
{
    Vervaldatum,
    Naam,
    Gemeente,
    Klantregisseur,
    Termijn,
}

public sealed record WerkvoorraadFilter
{
    public int? KlantregisseurId { get; init; }
    public int? TeamId { get; init; }
    public string? Gemeente { get; init; }
    public TermijnCode? Termijn { get; init; }
    public Signaal Signaal { get; init; } = Signaal.Alle;
    public Sortering Sortering { get; init; } = Sortering.Vervaldatum;
    public bool Aflopend { get; init; }
    /// <summary>
    /// A fixed number of days ahead for every deadline; null (the default): each municipality's termijnsignalering per kind
    /// of deadline (/beheer/termijnen, 14 days where not set).
    /// </summary>
    public int? Horizon { get; init; }
    public int Pagina { get; init; } = 1;
    public int PaginaGrootte { get; init; } = 100;
}

public sealed record WerkvoorraadRegel(
    Guid InburgeraarId,
    string Naam,
    string Gemeente,
    string? Klantregisseur,
    Fase Fase,
    TermijnCode Code,
    TermijnSoort Soort,
    DateOnly Vervaldatum,
    int DagenResterend,
    bool Verlopen);

public sealed record WerkvoorraadPagina(int Totaal, int Verlopen, int Binnenkort, IReadOnlyList<WerkvoorraadRegel> Regels);

/// <summary>
/// The worklist: every open deadline that is overdue or due within the municipality's alert days for its kind (default 14
/// days, <see cref="Termijnen.SignaleringService"/>), from the stored deadlines in one SQL query, so it stays fast on a
/// national caseload.
/// </summary>
public sealed class WerkvoorraadQuery(KoersDbContext db, Kern.Toegang toegang, Kern.Bereikcache bereikcache, Termijnen.SignaleringService signalering)
{
    /// <summary>The worklist filter's choices: klantregisseurs (with their team), teams and municipalities.</summary>
    public async Task<(List<(int Id, string Naam, string Team)> Regisseurs, List<(int Id, string Naam)> Teams, List<(string Code, string Naam)> Gemeenten)>
        FilterKeuzesAsync(CancellationToken ct = default)
    {
        // The filter lists hold only what is within the user's reach: nationally there are thousands of staff, and the
        // names of other municipalities' staff are none of this user's business.
        var bereik = await toegang.BereikAsync(ct);
        var ids = bereik.Gemeenten.Order().ToList();
        // The same lists for everyone with the same reach; they change only with staff, teams or municipalities, so
        // they are kept with the reach (emptied when one of those is saved).
        return await bereikcache.HaalAsync(("werkvoorraad-filters", string.Join(',', ids)), async () =>
        {
            var regisseurs = (await db.Medewerkers.AsNoTracking()
                    .Where(m => m.GemeenteId == null ? m.Team!.Regio!.Gemeenten.Any(g => ids.Contains(g.Id)) : ids.Contains(m.GemeenteId.Value))
                    .OrderBy(m => m.Naam).Select(m => new { m.Id, m.Naam, Team = m.Team!.Naam }).ToListAsync(ct))
                .Select(m => (m.Id, m.Naam, m.Team)).ToList();
            var teams = (await db.Teams.AsNoTracking().Where(t => t.Regio!.Gemeenten.Any(g => ids.Contains(g.Id)))
                .OrderBy(t => t.Naam).Select(t => new { t.Id, t.Naam }).ToListAsync(ct)).Select(t => (t.Id, t.Naam)).ToList();
            var gemeenten = (await db.Gemeenten.AsNoTracking().Where(g => ids.Contains(g.Id))
                .OrderBy(g => g.Naam).Select(g => new { g.Code, g.Naam }).ToListAsync(ct)).Select(g => (g.Code, g.Naam)).ToList();
            return (regisseurs, teams, gemeenten);
        });
    }

    public async Task<WerkvoorraadPagina> HaalAsync(WerkvoorraadFilter filter, DateOnly vandaag, CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        var gemeenten = bereik.WerktMetDossiers ? bereik.Gemeenten.ToList() : [];
        // SQL fetches up to the largest setting in reach; each row is then held against its own municipality and kind.
        var signaleringen = filter.Horizon is null ? await signalering.VoorAsync(gemeenten, ct) : null;
        var dagenVooruit = Math.Clamp(filter.Horizon ?? signaleringen!.Grootste, 0, 365);
        var horizon = vandaag.AddDays(dagenVooruit);
        var basis = db.Termijnen.AsNoTracking()
            .Where(t => t.Toepasselijk && t.VoldaanOp == null && t.Vervaldatum != null && t.Vervaldatum <= horizon)
            // A period that has already ended (e.g. ontzorgen) needs no more action; a missed deadline does.
            .Where(t => t.Soort == TermijnSoort.Uiterlijk || t.Vervaldatum >= vandaag);

        basis = basis.Where(t => gemeenten.Contains(t.Inburgeraar!.GemeenteId));
        if (filter.KlantregisseurId is { } kid) basis = basis.Where(t => t.Inburgeraar!.KlantregisseurId == kid);
        if (filter.TeamId is { } tid) basis = basis.Where(t => t.Inburgeraar!.Klantregisseur!.TeamId == tid);
        if (!string.IsNullOrWhiteSpace(filter.Gemeente))
        {
            var code = filter.Gemeente.Trim().ToUpperInvariant();
            basis = basis.Where(t => t.Inburgeraar!.Gemeente!.Code == code);
        }

        if (filter.Termijn is { } termijn) basis = basis.Where(t => t.Code == termijn);

        // One statement fetches every row that needs attention in the selection; counting, sorting and paging happen
        // here. Even a sharing region's whole worklist is a few thousand rows, and PostgreSQL reaches them fastest
        // from the cases (municipality or klantregisseur index, then each case's deadlines). With ORDER BY ... LIMIT
        // in SQL it instead walked the national deadline index in date order until it had found a page of this
        // region's rows: 0.2-0.5 s per region-wide page at 150,000 cases, and a second statement for the counts.
        var alle = await basis.Select(t => new Rij(
                t.InburgeraarId,
                t.Inburgeraar!.GemeenteId,
                t.Inburgeraar.Achternaam,
                t.Inburgeraar.Voornamen,
                t.Inburgeraar.Gemeente!.Naam,
                t.Inburgeraar.Klantregisseur != null ? t.Inburgeraar.Klantregisseur.Naam : null,
                t.Inburgeraar.Fase,
                t.Code,
                t.Soort,
                t.Vervaldatum!.Value))
            .ToListAsync(ct);
        if (signaleringen is not null)
        {
            alle = alle.Where(r => r.Vervaldatum < vandaag || signaleringen.Signaleert(r.GemeenteId, r.Code, r.Vervaldatum.DayNumber - vandaag.DayNumber)).ToList();
        }

        // The tiles always show both numbers, also when the list shows only one kind.
        var verlopen = alle.Count(r => r.Vervaldatum < vandaag);
        var binnenkort = alle.Count - verlopen;
        var rijen = filter.Signaal switch
        {
            Signaal.Verlopen => alle.Where(r => r.Vervaldatum < vandaag).ToList(),
            Signaal.Binnenkort => alle.Where(r => r.Vervaldatum >= vandaag).ToList(),
            _ => alle,
        };

        var grootte = Math.Clamp(filter.PaginaGrootte, 1, 500);
        var pagina = Math.Max(1, filter.Pagina);
        var regels = Sorteer(rijen, filter.Sortering, filter.Aflopend)
            .Skip((pagina - 1) * grootte).Take(grootte)
            .Select(r => new WerkvoorraadRegel(
                r.InburgeraarId,
                $"{r.Voornamen} {r.Achternaam}",
                r.Gemeente,
                r.Klantregisseur,
                r.Fase,
                r.Code,
                r.Soort,
                r.Vervaldatum,
                r.Vervaldatum.DayNumber - vandaag.DayNumber,
                r.Vervaldatum < vandaag)).ToList();
        var totaal = rijen.Count;

        return new WerkvoorraadPagina(totaal, verlopen, binnenkort, regels);
    }

    private sealed record Rij(
        Guid InburgeraarId, int GemeenteId, string Achternaam, string Voornamen, string Gemeente, string? Klantregisseur, Fase Fase,
        TermijnCode Code, TermijnSoort Soort, DateOnly Vervaldatum);

    // Names sort the Dutch way (case-insensitive, accents after their letter), whatever the database's collation.
    private static readonly StringComparer Namen = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true);

    private static IEnumerable<Rij> Sorteer(List<Rij> rijen, Sortering sortering, bool aflopend) => (sortering, aflopend) switch
    {
        (Sortering.Naam, false) => rijen.OrderBy(r => r.Achternaam, Namen).ThenBy(r => r.Voornamen, Namen).ThenBy(r => r.Vervaldatum).ThenBy(r => r.InburgeraarId),
        (Sortering.Naam, true) => rijen.OrderByDescending(r => r.Achternaam, Namen).ThenByDescending(r => r.Voornamen, Namen).ThenBy(r => r.Vervaldatum).ThenBy(r => r.InburgeraarId),
        (Sortering.Gemeente, false) => rijen.OrderBy(r => r.Gemeente, Namen).ThenBy(r => r.Vervaldatum).ThenBy(r => r.InburgeraarId),
        (Sortering.Gemeente, true) => rijen.OrderByDescending(r => r.Gemeente, Namen).ThenBy(r => r.Vervaldatum).ThenBy(r => r.InburgeraarId),
        (Sortering.Klantregisseur, false) => rijen.OrderBy(r => r.Klantregisseur, Namen).ThenBy(r => r.Vervaldatum).ThenBy(r => r.InburgeraarId),
        (Sortering.Klantregisseur, true) => rijen.OrderByDescending(r => r.Klantregisseur, Namen).ThenBy(r => r.Vervaldatum).ThenBy(r => r.InburgeraarId),
        (Sortering.Termijn, false) => rijen.OrderBy(r => r.Code).ThenBy(r => r.Vervaldatum).ThenBy(r => r.InburgeraarId),
        (Sortering.Termijn, true) => rijen.OrderByDescending(r => r.Code).ThenBy(r => r.Vervaldatum).ThenBy(r => r.InburgeraarId),
        (_, true) => rijen.OrderByDescending(r => r.Vervaldatum).ThenBy(r => r.Achternaam, Namen).ThenBy(r => r.InburgeraarId),
        _ => rijen.OrderBy(r => r.Vervaldatum).ThenBy(r => r.Achternaam, Namen).ThenBy(r => r.InburgeraarId),
    };
}

using System.Linq.Expressions;
using Koers.Data;
using Koers.Data.Model;
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
        // SQL fetches up to the largest setting in reach, and holds each row against its own municipality and kind.
        var signaleringen = filter.Horizon is null ? await signalering.VoorAsync(gemeenten, ct) : null;
        var dagenVooruit = Math.Clamp(filter.Horizon ?? signaleringen!.Grootste, 0, 365);
        var horizon = vandaag.AddDays(dagenVooruit);
        var basis = db.Termijnen.AsNoTracking()
            .Where(t => t.Toepasselijk && t.VoldaanOp == null && t.Vervaldatum != null && t.Vervaldatum <= horizon)
            // A period that has already ended (e.g. ontzorgen) needs no more action; a missed deadline does.
            .Where(t => t.Soort == TermijnSoort.Uiterlijk || t.Vervaldatum >= vandaag);
        if (signaleringen is not null) basis = basis.Where(Signalerend(signaleringen, vandaag));

        basis = basis.Where(t => gemeenten.Contains(t.Inburgeraar!.GemeenteId));
        if (filter.KlantregisseurId is { } kid) basis = basis.Where(t => t.Inburgeraar!.KlantregisseurId == kid);
        if (filter.TeamId is { } tid) basis = basis.Where(t => t.Inburgeraar!.Klantregisseur!.TeamId == tid);
        if (!string.IsNullOrWhiteSpace(filter.Gemeente))
        {
            var code = filter.Gemeente.Trim().ToUpperInvariant();
            basis = basis.Where(t => t.Inburgeraar!.Gemeente!.Code == code);
        }

        if (filter.Termijn is { } termijn) basis = basis.Where(t => t.Code == termijn);

        var grootte = Math.Clamp(filter.PaginaGrootte, 1, 500);
        var pagina = Math.Max(1, filter.Pagina);
        // Sorted by due date without a klantregisseur (a team, a municipality or the whole region: thousands of rows),
        // the counts come from SQL per due date and only the rows of the page's dates are read; see PerDatumAsync.
        if (filter.Sortering == Sortering.Vervaldatum && filter.KlantregisseurId is null)
            return await PerDatumAsync(basis, filter, vandaag, (pagina - 1) * grootte, grootte, ct);

        // One statement fetches every row that needs attention in the selection; counting, sorting and paging happen
        // here. One klantregisseur's worklist is a few dozen rows, and PostgreSQL reaches them fastest from the cases
        // (klantregisseur index, then each case's deadlines). With ORDER BY ... LIMIT in SQL it instead walked the
        // national deadline index in date order until it had found a page of this selection's rows. The other sorts
        // (name, municipality, klantregisseur: Dutch collation, whatever the database's) also sort here.
        var alle = await Rijen(basis).ToListAsync(ct);

        var (rijen, verlopen, binnenkort) = Tegels(alle, r => r.Vervaldatum, filter.Signaal, vandaag);

        var regels = Sorteer(rijen, filter.Sortering, filter.Aflopend).Skip((pagina - 1) * grootte).Take(grootte).Select(r => Regel(r, vandaag)).ToList();
        return new WerkvoorraadPagina(rijen.Count, verlopen, binnenkort, regels);
    }

    /// <summary>
    /// The rows the list shows (all, or only the overdue or the coming ones) and both tiles' numbers, which always count
    /// both kinds, also when the list shows only one.
    /// </summary>
    private static (List<T> Getoond, int Verlopen, int Binnenkort) Tegels<T>(List<T> alle, Func<T, DateOnly> datum, Signaal signaal, DateOnly vandaag)
    {
        var verlopen = alle.Count(r => datum(r) < vandaag);
        var getoond = signaal switch
        {
            Signaal.Verlopen => alle.Where(r => datum(r) < vandaag).ToList(),
            Signaal.Binnenkort => alle.Where(r => datum(r) >= vandaag).ToList(),
            _ => alle,
        };
        return (getoond, verlopen, alle.Count - verlopen);
    }

    /// <summary>
    /// The worklist sorted by due date (either way) over a large selection: one statement reads only the case and due
    /// date of every row (both tiles, the total, and which dates the requested page spans), a second one the full rows
    /// of the cases due on the page's dates, by key, which are sorted here (a tie on the date goes by surname in Dutch
    /// collation, then case) and cut to the page. The same page as sorting every full row here, without reading the
    /// names, municipality and klantregisseur of the region's thousands of rows and sorting them on every request.
    /// </summary>
    private static async Task<WerkvoorraadPagina> PerDatumAsync(IQueryable<Termijnregel> basis, WerkvoorraadFilter filter, DateOnly vandaag, int overslaan, int grootte,
        CancellationToken ct)
    {
        var alle = await basis.Select(t => new { t.InburgeraarId, Datum = t.Vervaldatum!.Value }).ToListAsync(ct);
        var (getoond, verlopen, binnenkort) = Tegels(alle, r => r.Datum, filter.Signaal, vandaag);
        if (overslaan >= getoond.Count) return new WerkvoorraadPagina(getoond.Count, verlopen, binnenkort, []);

        // The page's rows are due between the dates of its first and last row (in the page's order), and each row
        // before the first of those dates comes before the page.
        var datums = getoond.Select(r => r.Datum.DayNumber).ToArray();
        Array.Sort(datums);
        if (filter.Aflopend) Array.Reverse(datums);
        var eerste = DateOnly.FromDayNumber(datums[overslaan]);
        var laatste = DateOnly.FromDayNumber(datums[Math.Min(overslaan + grootte, datums.Length) - 1]);
        var ervoor = filter.Aflopend ? datums.Count(d => d > eerste.DayNumber) : datums.Count(d => d < eerste.DayNumber);
        var (van, tot) = filter.Aflopend ? (laatste, eerste) : (eerste, laatste);
        var ids = getoond.Where(r => r.Datum >= van && r.Datum <= tot).Select(r => r.InburgeraarId).Distinct().ToList();
        var rijen = await Rijen(basis.Where(t => ids.Contains(t.InburgeraarId) && t.Vervaldatum >= van && t.Vervaldatum <= tot)).ToListAsync(ct);
        var regels = Sorteer(rijen, Sortering.Vervaldatum, filter.Aflopend).Skip(overslaan - ervoor).Take(grootte).Select(r => Regel(r, vandaag)).ToList();
        return new WerkvoorraadPagina(getoond.Count, verlopen, binnenkort, regels);
    }

    /// <summary>
    /// Whether a deadline is on the worklist by its municipality's setting for its kind: overdue, or due within that many
    /// days (<see cref="Signaleringen.Signaleert"/>), as one SQL condition: the due-date limit is a CASE over the
    /// settings that differ from the default (none: a plain comparison).
    /// </summary>
    private static Expression<Func<Termijnregel, bool>> Signalerend(Termijnen.Signaleringen signaleringen, DateOnly vandaag)
    {
        var t = Expression.Parameter(typeof(Termijnregel), "t");
        var vervaldatum = Expression.Property(t, nameof(Termijnregel.Vervaldatum));
        var gemeente = Expression.Property(Expression.Property(t, nameof(Termijnregel.Inburgeraar)), nameof(Inburgeraar.GemeenteId));
        var code = Expression.Property(t, nameof(Termijnregel.Code));
        static Expression Datum(DateOnly d) => Expression.Constant((DateOnly?)d, typeof(DateOnly?));
        Expression grens = Datum(vandaag.AddDays(Termijnsignalering.Standaard));
        foreach (var ((g, c), dagen) in signaleringen.Afwijkend.Reverse())
        {
            grens = Expression.Condition(
                Expression.AndAlso(Expression.Equal(gemeente, Expression.Constant(g)), Expression.Equal(code, Expression.Constant(c))),
                Datum(vandaag.AddDays(dagen)),
                grens);
        }

        return Expression.Lambda<Func<Termijnregel, bool>>(
            Expression.OrElse(Expression.LessThan(vervaldatum, Datum(vandaag)), Expression.LessThanOrEqual(vervaldatum, grens)), t);
    }

    private static IQueryable<Rij> Rijen(IQueryable<Termijnregel> basis) => basis.Select(t => new Rij(
        t.InburgeraarId,
        t.Inburgeraar!.Achternaam,
        t.Inburgeraar.Voornamen,
        t.Inburgeraar.Gemeente!.Naam,
        t.Inburgeraar.Klantregisseur != null ? t.Inburgeraar.Klantregisseur.Naam : null,
        t.Inburgeraar.Fase,
        t.Code,
        t.Soort,
        t.Vervaldatum!.Value));

    private static WerkvoorraadRegel Regel(Rij r, DateOnly vandaag) => new(
        r.InburgeraarId,
        $"{r.Voornamen} {r.Achternaam}",
        r.Gemeente,
        r.Klantregisseur,
        r.Fase,
        r.Code,
        r.Soort,
        r.Vervaldatum,
        r.Vervaldatum.DayNumber - vandaag.DayNumber,
        r.Vervaldatum < vandaag);

    private sealed record Rij(
        Guid InburgeraarId, string Achternaam, string Voornamen, string Gemeente, string? Klantregisseur, Fase Fase,
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

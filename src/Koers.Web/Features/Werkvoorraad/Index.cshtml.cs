using System.Globalization;
using Koers.Data;
using Koers.Domain.Clock;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Werkvoorraad;

public sealed class IndexModel(
    WerkvoorraadQuery query,
    KoersDbContext db,
    Klok klok,
    Kern.Toegang toegang,
    Kern.Bereikcache bereikcache,
    IEnumerable<ISignaalbron> signaalbronnen) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Klantregisseur { get; set; }
    [BindProperty(SupportsGet = true)] public int? Team { get; set; }
    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }
    [BindProperty(SupportsGet = true)] public TermijnCode? Termijn { get; set; }
    [BindProperty(SupportsGet = true)] public Signaal Signaal { get; set; } = Signaal.Alle;
    [BindProperty(SupportsGet = true)] public Sortering Sortering { get; set; } = Sortering.Vervaldatum;
    [BindProperty(SupportsGet = true)] public bool Aflopend { get; set; }
    [BindProperty(SupportsGet = true)] public int Pagina { get; set; } = 1;

    public WerkvoorraadPagina Resultaat { get; private set; } = new(0, 0, 0, []);
    public DateOnly Vandaag { get; private set; }
    public List<(int Id, string Naam, string Team)> Regisseurs { get; private set; } = [];
    public List<(int Id, string Naam)> Teams { get; private set; } = [];
    public List<(string Code, string Naam)> Gemeenten { get; private set; } = [];
    public IReadOnlyList<Signaalsectie> Signalen { get; private set; } = [];
    public const int PaginaGrootte = 50;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Vandaag = klok.Vandaag;
        // The filter lists hold only what is within the user's reach: nationally there are thousands of staff, and the
        // names of other municipalities' staff are none of this user's business.
        var bereik = await toegang.BereikAsync(ct);
        var ids = bereik.Gemeenten.Order().ToList();
        // The same lists for everyone with the same reach; they change only with staff, teams or municipalities, so
        // they are kept with the reach (emptied when one of those is saved).
        (Regisseurs, Teams, Gemeenten) = await bereikcache.HaalAsync(("werkvoorraad-filters", string.Join(',', ids)), async () =>
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
        Resultaat = await query.HaalAsync(new WerkvoorraadFilter
        {
            KlantregisseurId = Klantregisseur,
            TeamId = Team,
            Gemeente = Gemeente,
            Termijn = Termijn,
            Signaal = Signaal,
            Sortering = Sortering,
            Aflopend = Aflopend,
            Pagina = Pagina,
            PaginaGrootte = PaginaGrootte,
        }, Vandaag, ct);

        // The signal sections follow the same selection as the table: filtered on one klantregisseur, they show that
        // klantregisseur's signals.
        var selectie = new Dossierselectie(Gemeente, Klantregisseur, Team);
        // One query at a time: the sources share the request's DbContext.
        var secties = new List<Signaalsectie>();
        foreach (var bron in signaalbronnen.OrderBy(b => b.Volgorde)) secties.Add(await bron.SectieAsync(selectie, Vandaag, ct));
        Signalen = secties;
    }

    /// <summary>The current filter with one value changed, for sort headers and paging links.</summary>
    public string Link(Sortering? sortering = null, int? pagina = null, Signaal? signaal = null)
    {
        var s = sortering ?? Sortering;
        var aflopend = sortering is null ? Aflopend : sortering == Sortering && !Aflopend;
        var q = new Dictionary<string, string?>
        {
            ["klantregisseur"] = Klantregisseur?.ToString(CultureInfo.InvariantCulture),
            ["team"] = Team?.ToString(CultureInfo.InvariantCulture),
            ["gemeente"] = Gemeente,
            ["termijn"] = Termijn?.ToString(),
            ["signaal"] = (signaal ?? Signaal).ToString(),
            ["sortering"] = s.ToString(),
            ["aflopend"] = aflopend ? "true" : null,
            ["pagina"] = (pagina ?? (sortering is null && signaal is null ? Pagina : 1)).ToString(CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/werkvoorraad", q.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    public string? SortAria(Sortering kolom) =>
        kolom != Sortering ? null : Aflopend ? "descending" : "ascending";
}

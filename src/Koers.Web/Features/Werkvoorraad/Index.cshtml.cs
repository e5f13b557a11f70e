using System.Globalization;
using Koers.Domain.Clock;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Werkvoorraad;

public sealed class IndexModel(
    WerkvoorraadQuery query,
    Klok klok,
    IEnumerable<ISignaalbron> signaalbronnen,
    Werkvoorraadcache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Klantregisseur { get; set; }
    [BindProperty(SupportsGet = true)] public int? Team { get; set; }
    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }
    [BindProperty(SupportsGet = true)] public TermijnCode? Termijn { get; set; }
    [BindProperty(SupportsGet = true)] public Signaal Signaal { get; set; } = Signaal.Alle;
    [BindProperty(SupportsGet = true)] public Sortering Sortering { get; set; } = Sortering.Vervaldatum;
    [BindProperty(SupportsGet = true)] public bool Aflopend { get; set; }
    [BindProperty(SupportsGet = true)] public int Pagina { get; set; } = 1;

    /// <summary>"Vernieuwen": read fresh instead of what was read within the last seconds (<see cref="Werkvoorraadcache"/>).</summary>
    [BindProperty(SupportsGet = true)] public bool Vers { get; set; }

    public WerkvoorraadPagina Resultaat { get; private set; } = new(0, 0, 0, []);
    public DateOnly Vandaag { get; private set; }
    public IReadOnlyList<(int Id, string Naam, string Team)> Regisseurs { get; private set; } = [];
    public IReadOnlyList<(int Id, string Naam)> Teams { get; private set; } = [];
    public IReadOnlyList<(string Code, string Naam)> Gemeenten { get; private set; } = [];
    public IReadOnlyList<Signaalsectie> Signalen { get; private set; } = [];
    public const int PaginaGrootte = 50;

    /// <summary>When what the page shows was read (UTC); older than this request when it came from the cache.</summary>
    public DateTime GelezenUtc { get; private set; }

    /// <summary>How long the page keeps what it read (zero: it does not).</summary>
    public TimeSpan Bewaartijd => cache.Duur;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Vandaag = klok.Vandaag;
        // The key is the day and this view's own link, so every filter value the page links with is in it.
        var filter = Vandaag.ToString("O", CultureInfo.InvariantCulture) + Link();
        var beeld = await cache.HaalAsync(User, Request, filter, Vers, nu => LeesAsync(nu, ct));
        (Resultaat, Regisseurs, Teams, Gemeenten, Signalen, GelezenUtc) = beeld;
    }

    private async Task<Werkvoorraadbeeld> LeesAsync(DateTime nu, CancellationToken ct)
    {
        var (regisseurs, teams, gemeenten) = await query.FilterKeuzesAsync(ct);
        var resultaat = await query.HaalAsync(new WerkvoorraadFilter
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
        foreach (var bron in signaalbronnen.OrderBy(b => b.Volgorde))
        {
            var sectie = await bron.SectieAsync(selectie, Vandaag, ct);
            if (sectie.Tonen) secties.Add(sectie);
        }

        return new Werkvoorraadbeeld(resultaat, regisseurs, teams, gemeenten, secties, nu);
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

    /// <summary>"Vernieuwen": this view, read fresh.</summary>
    public string VernieuwLink() => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Link(), "vers", "true");

    public string? SortAria(Sortering kolom) =>
        kolom != Sortering ? null : Aflopend ? "descending" : "ascending";
}

using System.Globalization;
using Koers.Data;
using Koers.Domain.Dossier;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Dossier;

public sealed class LijstModel(KoersDbContext db, Kern.Toegang toegang, Koers.Data.Versleuteling.BsnBescherming bescherming, Kern.Auditlog audit)
    : PageModel
{
    /// <summary>'kop' when the search came from the header's search box: one exact hit on a number then opens that case.</summary>
    [BindProperty] public string? Bron { get; set; }

    /// <summary>Name, BSN or V-nummer. Posted, never in the URL: a URL lands in access logs and browser history.</summary>
    [BindProperty] public string? Zoek { get; set; }
    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }
    [BindProperty(SupportsGet = true)] public Fase? Fase { get; set; }
    [BindProperty(SupportsGet = true)] public int Pagina { get; set; } = 1;
    public const int PaginaGrootte = 50;

    public int Totaal { get; private set; }
    public List<InburgeraarSamenvatting> Regels { get; private set; } = [];
    public List<(string Code, string Naam)> Gemeenten { get; private set; } = [];
    public Dictionary<Fase, int> PerFase { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct)
    {
        Zoek = null;
        return LaadAsync(ct);
    }

    /// <summary>After a search: what was searched for, in words (never the number itself).</summary>
    public string? ZoekSoort => string.IsNullOrWhiteSpace(Zoek) ? null : Zoekterm.Soort(Zoek);

    /// <summary>
    /// A search (list filters or the header's search box). Only cases within the user's reach are searched (the same rule
    /// as every case read); the search is audited: one line per case listed, or one line saying nothing was found. The
    /// term itself is never written down, only its kind: a BSN must not end up in the audit text, a log or a URL.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LaadAsync(ct);
        if (string.IsNullOrWhiteSpace(Zoek)) return Page();

        var soort = Zoekterm.Soort(Zoek);
        var omschrijving = $"Zoeken op {soort}";
        if (Regels.Count == 0)
        {
            audit.Inzien(null, $"{omschrijving}: geen dossier gevonden binnen het bereik");
        }

        foreach (var r in Regels)
        {
            audit.Inzien(r.Id, $"{omschrijving}: gevonden");
        }

        await db.SaveChangesAsync(ct);
        // From the header: a BSN or V-nummer is one person, so go straight to that case (its id in the URL, not the number).
        if (Bron == "kop" && soort != "naam" && Totaal == 1) return Redirect($"/inburgeraars/{Regels[0].Id}");
        return Page();
    }

    private async Task LaadAsync(CancellationToken ct)
    {
        Gemeenten = (await db.Gemeenten.AsNoTracking().OrderBy(g => g.Naam).Select(g => new { g.Code, g.Naam }).ToListAsync(ct)).Select(g => (g.Code, g.Naam)).ToList();
        var q = await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct);
        if (!string.IsNullOrWhiteSpace(Gemeente)) q = q.Where(i => i.Gemeente!.Code == Gemeente);
        PerFase = await q.GroupBy(i => i.Fase).Select(g => new { g.Key, Aantal = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Aantal, ct);
        if (Fase is { } f) q = q.Where(i => i.Fase == f);
        q = Zoekterm.Filter(q, Zoek, bescherming);

        Totaal = await q.CountAsync(ct);
        Pagina = Math.Max(1, Pagina);
        Regels = await q.OrderBy(i => i.Achternaam).ThenBy(i => i.Voornamen).ThenBy(i => i.Id)
            .Skip((Pagina - 1) * PaginaGrootte).Take(PaginaGrootte)
            .Select(i => new InburgeraarSamenvatting(i.Id, i.Voornamen + " " + i.Achternaam, i.Geboortedatum, i.Doelgroep,
                i.Gemeente!.Naam, i.Klantregisseur != null ? i.Klantregisseur.Naam : null, i.Fase))
            .ToListAsync(ct);
    }

    /// <summary>Paging link without a search term (a search pages through posted forms).</summary>
    public string Link(int pagina) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/inburgeraars",
        new Dictionary<string, string?> { ["gemeente"] = Gemeente, ["fase"] = Fase?.ToString(), ["pagina"] = pagina.ToString(CultureInfo.InvariantCulture) }
            .Where(kv => !string.IsNullOrEmpty(kv.Value)));
}

using Koers.Data;
using Koers.Domain.Dossier;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Dossier;

/// <summary>One page of the case list (/inburgeraars): the municipalities to filter on, the count per phase, and the rows.</summary>
public sealed record DossierlijstPagina(
    List<(string Code, string Naam)> Gemeenten,
    Dictionary<Fase, int> PerFase,
    int Totaal,
    int Pagina,
    List<InburgeraarSamenvatting> Regels);

/// <summary>
/// The case list and its search for the screen: only cases within the user's reach (the same rule as every case read),
/// and a search audited per case found, without the term.
/// </summary>
public sealed class Dossierlijst(KoersDbContext db, Kern.Toegang toegang, Koers.Data.Versleuteling.BsnBescherming bescherming, Kern.Auditlog audit)
{
    public async Task<DossierlijstPagina> HaalAsync(string? gemeente, Fase? fase, string? zoek, int pagina, int paginaGrootte, CancellationToken ct = default)
    {
        var gemeenten = (await db.Gemeenten.AsNoTracking().OrderBy(g => g.Naam).Select(g => new { g.Code, g.Naam }).ToListAsync(ct)).Select(g => (g.Code, g.Naam)).ToList();
        var q = await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct);
        if (!string.IsNullOrWhiteSpace(gemeente)) q = q.Where(i => i.Gemeente!.Code == gemeente);
        var perFase = await q.GroupBy(i => i.Fase).Select(g => new { g.Key, Aantal = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Aantal, ct);
        if (fase is { } f) q = q.Where(i => i.Fase == f);
        q = Zoekterm.Filter(q, zoek, bescherming);

        var totaal = await q.CountAsync(ct);
        pagina = Math.Max(1, pagina);
        var regels = await q.OrderBy(i => i.Achternaam).ThenBy(i => i.Voornamen).ThenBy(i => i.Id)
            .Skip((pagina - 1) * paginaGrootte).Take(paginaGrootte)
            .Select(i => new InburgeraarSamenvatting(i.Id, i.Voornamen + " " + i.Achternaam, i.Geboortedatum, i.Doelgroep,
                i.Gemeente!.Naam, i.Klantregisseur != null ? i.Klantregisseur.Naam : null, i.Fase))
            .ToListAsync(ct);
        return new DossierlijstPagina(gemeenten, perFase, totaal, pagina, regels);
    }

    /// <summary>
    /// Audits a search: one line per case listed, or one line saying nothing was found. The term itself is never written
    /// down, only its kind (<paramref name="omschrijving"/>): a BSN must not end up in the audit text, a log or a URL.
    /// </summary>
    public async Task NoteerZoekopdrachtAsync(string omschrijving, IReadOnlyList<InburgeraarSamenvatting> regels, CancellationToken ct = default)
    {
        if (regels.Count == 0)
        {
            audit.Inzien(null, $"{omschrijving}: geen dossier gevonden binnen het bereik");
        }

        foreach (var r in regels)
        {
            audit.Inzien(r.Id, $"{omschrijving}: gevonden");
        }

        await db.SaveChangesAsync(ct);
    }
}

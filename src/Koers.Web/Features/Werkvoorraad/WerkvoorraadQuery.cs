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
    public int Horizon { get; init; } = 14;
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
/// The worklist: every open deadline that is overdue or due within the horizon (default 14 days), from
/// the stored deadlines in one SQL query, so it stays fast on a national caseload.
/// </summary>
public sealed class WerkvoorraadQuery(KoersDbContext db, Beveiliging.Toegang toegang)
{
    public async Task<WerkvoorraadPagina> HaalAsync(WerkvoorraadFilter filter, DateOnly vandaag, CancellationToken ct = default)
    {
        var horizon = vandaag.AddDays(Math.Clamp(filter.Horizon, 0, 365));
        var basis = db.Termijnen.AsNoTracking()
            .Where(t => t.Toepasselijk && t.VoldaanOp == null && t.Vervaldatum != null && t.Vervaldatum <= horizon)
            // A period that has already ended (e.g. ontzorgen) needs no more action; a missed deadline does.
            .Where(t => t.Soort == TermijnSoort.Uiterlijk || t.Vervaldatum >= vandaag);

        var bereik = await toegang.BereikAsync(ct);
        var gemeenten = bereik.WerktMetDossiers ? bereik.Gemeenten.ToList() : [];
        basis = basis.Where(t => gemeenten.Contains(t.Inburgeraar!.GemeenteId));
        if (filter.KlantregisseurId is { } kid) basis = basis.Where(t => t.Inburgeraar!.KlantregisseurId == kid);
        if (filter.TeamId is { } tid) basis = basis.Where(t => t.Inburgeraar!.Klantregisseur!.TeamId == tid);
        if (!string.IsNullOrWhiteSpace(filter.Gemeente))
        {
            var code = filter.Gemeente.Trim().ToUpperInvariant();
            basis = basis.Where(t => t.Inburgeraar!.Gemeente!.Code == code);
        }

        if (filter.Termijn is { } termijn) basis = basis.Where(t => t.Code == termijn);

        // Both counts in one pass over the same rows (one statement instead of two on every worklist request).
        var tellingen = await basis.GroupBy(_ => 1)
            .Select(g => new { Verlopen = g.Count(t => t.Vervaldatum < vandaag), Binnenkort = g.Count(t => t.Vervaldatum >= vandaag) })
            .FirstOrDefaultAsync(ct);
        var (verlopen, binnenkort) = (tellingen?.Verlopen ?? 0, tellingen?.Binnenkort ?? 0);

        var gefilterd = filter.Signaal switch
        {
            Signaal.Verlopen => basis.Where(t => t.Vervaldatum < vandaag),
            Signaal.Binnenkort => basis.Where(t => t.Vervaldatum >= vandaag),
            _ => basis,
        };

        var totaal = filter.Signaal switch
        {
            Signaal.Verlopen => verlopen,
            Signaal.Binnenkort => binnenkort,
            _ => verlopen + binnenkort,
        };

        var projectie = gefilterd.Select(t => new
        {
            t.InburgeraarId,
            t.Inburgeraar!.Achternaam,
            t.Inburgeraar.Voornamen,
            Gemeente = t.Inburgeraar.Gemeente!.Naam,
            Klantregisseur = t.Inburgeraar.Klantregisseur != null ? t.Inburgeraar.Klantregisseur.Naam : null,
            t.Inburgeraar.Fase,
            t.Code,
            t.Soort,
            Vervaldatum = t.Vervaldatum!.Value,
        });

        var geordend = (filter.Sortering, filter.Aflopend) switch
        {
            (Sortering.Naam, false) => projectie.OrderBy(r => r.Achternaam).ThenBy(r => r.Voornamen).ThenBy(r => r.Vervaldatum),
            (Sortering.Naam, true) => projectie.OrderByDescending(r => r.Achternaam).ThenByDescending(r => r.Voornamen).ThenBy(r => r.Vervaldatum),
            (Sortering.Gemeente, false) => projectie.OrderBy(r => r.Gemeente).ThenBy(r => r.Vervaldatum),
            (Sortering.Gemeente, true) => projectie.OrderByDescending(r => r.Gemeente).ThenBy(r => r.Vervaldatum),
            (Sortering.Klantregisseur, false) => projectie.OrderBy(r => r.Klantregisseur).ThenBy(r => r.Vervaldatum),
            (Sortering.Klantregisseur, true) => projectie.OrderByDescending(r => r.Klantregisseur).ThenBy(r => r.Vervaldatum),
            (Sortering.Termijn, false) => projectie.OrderBy(r => r.Code).ThenBy(r => r.Vervaldatum),
            (Sortering.Termijn, true) => projectie.OrderByDescending(r => r.Code).ThenBy(r => r.Vervaldatum),
            (_, true) => projectie.OrderByDescending(r => r.Vervaldatum).ThenBy(r => r.Achternaam),
            _ => projectie.OrderBy(r => r.Vervaldatum).ThenBy(r => r.Achternaam),
        };

        var grootte = Math.Clamp(filter.PaginaGrootte, 1, 500);
        var pagina = Math.Max(1, filter.Pagina);
        var rijen = await geordend.ThenBy(r => r.InburgeraarId).Skip((pagina - 1) * grootte).Take(grootte).ToListAsync(ct);

        var regels = rijen.Select(r => new WerkvoorraadRegel(
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

        return new WerkvoorraadPagina(totaal, verlopen, binnenkort, regels);
    }
}

using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Dossier;
using Koers.Domain.Monitor;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Monitor;

/// <summary>Only a name and a link: the case itself is opened (and audited again) on its own page.</summary>
public sealed record DoorklikDossier(Guid Id, string Naam, string Link);

public sealed record DoorklikLijst(
    Figuur Figuur, string Sleutel, string Omschrijving, MonitorFilterDto Filter, int Aantal, int Pagina, int PaginaGrootte,
    IReadOnlyList<DoorklikDossier> Dossiers, bool AlleenEigenBereik = false);

/// <summary>
/// The cases behind a figure: names and links only. Every list that is read puts one line per listed case in
/// the audit table with the purpose 'Monitor: doorklik', as reading a case does.
/// </summary>
public sealed class MonitorDoorklik(MonitorQuery query, KoersDbContext db, Toegang toegang, Auditlog audit)
{
    public const string Doel = "Monitor: doorklik";
    public const int MaximalePaginaGrootte = 500;

    public async Task<DoorklikLijst?> HaalAsync(Figuur figuur, string? sleutel, MonitorFilter f, int pagina = 1, int paginaGrootte = 100, CancellationToken ct = default)
    {
        var s = string.IsNullOrWhiteSpace(sleutel) ? "alle" : sleutel.Trim();
        var ids = query.Selectie(figuur, s, f);
        if (ids is null) return null;

        // A klantregisseur's caseload: only one of the user's own region, and named, not numbered. Another region's
        // klantregisseur is unknown here, as in the monitor filter (no 'klantregisseur 9 ... 0 dossiers').
        string? regisseur = null;
        if (figuur == Figuur.Caseload && int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var medewerker))
        {
            var regio = (await toegang.BereikAsync(ct)).RegioId;
            regisseur = await db.Medewerkers.AsNoTracking().Where(m => m.Id == medewerker && m.Team!.RegioId == regio).Select(m => m.Naam).FirstOrDefaultAsync(ct);
            if (regisseur is null) return null;
        }

        paginaGrootte = Math.Clamp(paginaGrootte, 1, MaximalePaginaGrootte);
        pagina = Math.Max(1, pagina);
        // Only cases the user may open: the municipal isolation of case work applies to the drill-down too.
        var q = (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct)).Where(i => ids.Contains(i.Id));
        var aantal = await q.CountAsync(ct);
        var rijen = await q.OrderBy(i => i.Achternaam).ThenBy(i => i.Voornamen).ThenBy(i => i.Id)
            .Skip((pagina - 1) * paginaGrootte).Take(paginaGrootte)
            .Select(i => new { i.Id, i.Voornamen, i.Achternaam })
            .ToListAsync(ct);

        var omschrijving = Omschrijving(figuur, s, f, regisseur);
        var regel = $"{Doel}: {omschrijving}";
        if (regel.Length > 1000) regel = regel[..1000];
        foreach (var r in rijen)
        {
            audit.Schrijf(AuditActie.Inzien, r.Id, regel);
        }

        await db.SaveChangesAsync(ct);

        var filter = new MonitorFilterDto(f.GemeenteCode, f.RegioId, f.KlantregisseurId, f.Doelgroep,
            new PeriodeDto(f.Periode.Soort, f.Periode.Van, f.Periode.Tot, f.Periode.Omschrijving), f.VerbergKleineAantallen);
        // Figures count the whole region; a region that does not share case files lets the user open only some of them.
        var bereik = await toegang.BereikAsync(ct);
        var deels = !(f.GemeenteCode is { } code
            ? await db.Gemeenten.AsNoTracking().Where(g => g.Code == code).Select(g => g.Id).ToListAsync(ct)
            : (IEnumerable<int>)f.Bereik).All(bereik.Gemeenten.Contains);
        return new DoorklikLijst(figuur, s, omschrijving, filter, aantal, pagina, paginaGrootte,
            rijen.Select(r => new DoorklikDossier(r.Id, $"{r.Voornamen} {r.Achternaam}", $"/inburgeraars/{r.Id}")).ToList(), deels);
    }

    /// <summary>What the list is, in words: the figure, the key and the period (or 'stand van vandaag').</summary>
    public static string Omschrijving(Figuur figuur, string sleutel, MonitorFilter f, string? klantregisseur = null)
    {
        var delen = sleutel.Split(':', 2);
        string Enum<T>(string tekst, Func<T, string> omschrijf) where T : struct, System.Enum =>
            string.Equals(tekst, "alle", StringComparison.OrdinalIgnoreCase) ? "alle" : System.Enum.TryParse<T>(tekst, true, out var w) ? omschrijf(w) : tekst;
        var periode = f.Periode.Omschrijving;
        return figuur switch
        {
            Figuur.Instroom => sleutel.ToLowerInvariant() switch
            {
                "asiel" => $"instroom asielstatushouders en nareizigers, {periode}",
                "overig" => $"instroom overige doelgroepen, {periode}",
                _ => $"instroom, {periode}",
            },
            Figuur.Fase => $"dossiers in fase '{Enum<Fase>(sleutel, x => x.Omschrijving())}' (stand van vandaag)",
            Figuur.Doorlooptijd => $"doorlooptijd {Enum<Doorlooptijd>(sleutel, MonitorOverzichtBouwer.Omschrijving)}, einde in {periode}",
            Figuur.PipTijdig => sleutel.ToLowerInvariant() switch
            {
                "binnen" => $"PIP binnen de termijn, vastgesteld in {periode}",
                "zonder" => $"PIP zonder PIP-termijn (Wi2013, vrijgesteld), vastgesteld in {periode}",
                _ => $"PIP na de termijn, vastgesteld in {periode}",
            },
            Figuur.Pip => $"PIP vastgesteld in {periode}",
            Figuur.Route => $"leerroute {Enum<Leerroute>(delen.ElementAtOrDefault(1) ?? "alle", x => x.Omschrijving())}, doelgroep {Enum<Doelgroep>(delen[0], x => x.Omschrijving())}, PIP vastgesteld in {periode}",
            Figuur.Lbt => $"{Enum<LbtVergelijking>(delen[0], x => x.Omschrijving())}, leerroute {Enum<Leerroute>(delen.ElementAtOrDefault(1) ?? "alle", x => x.Omschrijving())}, PIP vastgesteld in {periode}",
            Figuur.Resultaat => sleutel.ToLowerInvariant() switch
            {
                "alle" => $"dossiers afgesloten in {periode}",
                "voldaan" => $"inburgeringsplicht voldaan in {periode}",
                "uitval" => $"uitval (uitgeschreven) in {periode}",
                _ => $"{Enum<Resultaat>(sleutel, MonitorOverzichtBouwer.Omschrijving)}, in {periode}",
            },
            Figuur.Caseload => sleutel.ToLowerInvariant() switch
            {
                "alle" => "lopende dossiers (stand van vandaag)",
                "geen" => "lopende dossiers zonder klantregisseur (stand van vandaag)",
                _ => $"lopende dossiers van {klantregisseur ?? "een klantregisseur"} (stand van vandaag)",
            },
            Figuur.Start => sleutel.ToLowerInvariant() switch
            {
                "asielmigrant" => $"asielmigranten ingeschreven in de BRP in {periode}",
                "gezinsmigrant" => $"gezinsmigranten ingeschreven in de BRP in {periode}",
                "voldaan" => $"ingeschreven in de BRP in {periode} en binnen de termijn voldaan",
                _ => $"inburgeraars voor de uitkering, ingeschreven in de BRP in {periode}",
            },
            _ => $"{figuur} {sleutel}",
        };
    }
}

using System.Globalization;
using System.Text;
using Koers.Data;
using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Audit;

public sealed record AuditFilter(Guid? Dossier, string? Gebruiker, AuditActie? Actie, DateOnly? Van, DateOnly? Tot, AuditResultaat? Resultaat = null);

public sealed record AuditRegelDto(long Id, DateTime Op, string Gebruiker, string? Rol, string? Organisatie, string? IpAdres, AuditActie Actie,
    AuditResultaat Resultaat, string Doel, Guid? InburgeraarId, string Omschrijving, long? Volgnummer);

/// <summary>
/// One page of the auditor's search: the count of all matching rows (at most <see cref="AuditQuery.Telgrens"/> + 1), the
/// rows of this page, newest first, and the cursor for the next (older) page, null on the last page.
/// </summary>
public sealed record AuditPagina(int Totaal, List<AuditRegelDto> Regels, long? Volgende);

/// <summary>Reads the append-only audit log for the auditor (own region only), and the AVG inzage (who looked at my file).</summary>
public sealed class AuditQuery(KoersDbContext db, Toegang toegang, Auditlog audit)
{
    /// <summary>
    /// The rows an auditor may read: those about a case of the auditor's region, those written by someone acting for that
    /// region (a refused attempt on another region's case included), and system rows that concern no case and no region.
    /// Nothing for anyone who is not an auditor with a region.
    /// </summary>
    public async Task<IQueryable<AuditRegel>> ZichtbaarAsync(CancellationToken ct = default)
    {
        if (await toegang.AuditRegioAsync(ct) is not { } regio) return db.Audit.AsNoTracking().Where(_ => false);
        var gemeenten = (await toegang.BereikAsync(ct)).Regio.ToList();
        return db.Audit.AsNoTracking().Where(a =>
            a.RegioId == regio
            || (a.InburgeraarId != null && db.Inburgeraars.Any(i => i.Id == a.InburgeraarId && gemeenten.Contains(i.GemeenteId)))
            || (a.RegioId == null && a.InburgeraarId == null));
    }

    /// <summary>
    /// The count stops here (the answer says "more than"): counting every matching row of a year of national audit
    /// (tens of millions) would cost seconds, and beyond this an auditor narrows the search anyway.
    /// </summary>
    public const int Telgrens = 10_000;

    /// <summary>Rows per page of the API when the caller does not say (<c>aantal</c>), and the most it may ask for.</summary>
    public const int PaginaStandaard = 500;
    public const int PaginaMaximum = 1_000;

    /// <summary>
    /// The auditor's search; the search itself is audited too (purpose 'audit'). A user term with an '@' is an account
    /// name and is matched exactly (an index finds it among millions of rows); any other term matches part of the name.
    /// The count is that of the matching rows, at most <see cref="Telgrens"/> + 1. The rows come a page at a time, newest
    /// (highest Id) first: <paramref name="na"/> is the cursor of the previous page (only rows with a lower Id), and
    /// <see cref="AuditPagina.Volgende"/> the cursor of the next page, null on the last. A keyset on Id, not an offset: a
    /// page deep in a year of audit costs what the first page costs, and rows written meanwhile do not shift the pages.
    /// </summary>
    public async Task<AuditPagina> ZoekAsync(AuditFilter f, int max, long? na = null, CancellationToken ct = default)
    {
        var q = await GefilterdAsync(f, ct);
        var pagina = na is { } cursor ? q.Where(a => a.Id < cursor) : q;
        // One row more than asked: whether there is a next page, without a second query.
        var lezing = pagina.OrderByDescending(a => a.Id).Take(max + 1)
            .Select(a => new AuditRegelDto(a.Id, a.Op, a.Gebruiker, a.Rol, a.Organisatie, a.IpAdres, a.Actie, a.Resultaat, a.Doel, a.InburgeraarId, a.Omschrijving, a.Volgnummer));
        const string Voor = "Auditlog doorzocht: ";
        var achter = $" regels (filter: {Beschrijf(f, na)})";
        List<AuditRegelDto> regels;
        int totaal;
        if (audit.KanMetLezingMeesturen)
        {
            // PostgreSQL: the page, the count and the search's own audit row in one round trip (issue #21).
            (regels, totaal) = await audit.LeesGeteldAsync(lezing, Regel, q.Select(a => a.Id), Telgrens, AuditActie.Inzien, f.Dossier, Voor, achter, ct);
        }
        else
        {
            regels = await lezing.ToListAsync(ct);
            // The first page without a next one holds every matching row, so it is the count. Otherwise the rows are
            // counted, up to the limit.
            totaal = na is null && regels.Count <= max ? Math.Min(regels.Count, Telgrens + 1) : await q.Take(Telgrens + 1).CountAsync(ct);
            audit.Schrijf(AuditActie.Inzien, f.Dossier, Voor + Telling(totaal) + achter);
            await db.SaveChangesAsync(ct);
        }

        long? volgende = null;
        if (regels.Count > max)
        {
            regels.RemoveAt(max);
            volgende = regels[^1].Id;
        }

        return new AuditPagina(totaal, regels, volgende);
    }

    /// <summary>The count as the search's audit row names it (the same text the batch of <see cref="Auditlog.LeesGeteldAsync{T}"/> builds in SQL).</summary>
    private static string Telling(int totaal) => totaal > Telgrens ? $"meer dan {Telgrens}" : totaal.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// One row of the page as <see cref="Auditlog.LeesGeteldAsync{T}"/> reads it from EF's own SQL for the projection above
    /// (columns by name; the enums stored as their names, as the model converts them).
    /// </summary>
    private static AuditRegelDto Regel(System.Data.Common.DbDataReader r)
    {
        string? Tekst(string kolom) => r.IsDBNull(r.GetOrdinal(kolom)) ? null : r.GetString(r.GetOrdinal(kolom));
        return new AuditRegelDto(
            r.GetInt64(r.GetOrdinal(nameof(AuditRegel.Id))),
            r.GetDateTime(r.GetOrdinal(nameof(AuditRegel.Op))),
            r.GetString(r.GetOrdinal(nameof(AuditRegel.Gebruiker))),
            Tekst(nameof(AuditRegel.Rol)),
            Tekst(nameof(AuditRegel.Organisatie)),
            Tekst(nameof(AuditRegel.IpAdres)),
            Enum.Parse<AuditActie>(r.GetString(r.GetOrdinal(nameof(AuditRegel.Actie)))),
            Enum.Parse<AuditResultaat>(r.GetString(r.GetOrdinal(nameof(AuditRegel.Resultaat)))),
            r.GetString(r.GetOrdinal(nameof(AuditRegel.Doel))),
            r.IsDBNull(r.GetOrdinal(nameof(AuditRegel.InburgeraarId))) ? null : r.GetGuid(r.GetOrdinal(nameof(AuditRegel.InburgeraarId))),
            r.GetString(r.GetOrdinal(nameof(AuditRegel.Omschrijving))),
            r.IsDBNull(r.GetOrdinal(nameof(AuditRegel.Volgnummer))) ? null : r.GetInt64(r.GetOrdinal(nameof(AuditRegel.Volgnummer))));
    }

    /// <summary>The rows of the region that match the filter.</summary>
    private async Task<IQueryable<AuditRegel>> GefilterdAsync(AuditFilter f, CancellationToken ct)
    {
        IQueryable<AuditRegel> q;
        if (f.Dossier is { } d)
        {
            // By case, what may be seen (ZichtbaarAsync) comes down to: every row about it when the case belongs to the
            // region, else only the rows written for the region (a refused attempt on it). The case test no longer depends on
            // the row, so it is asked once per search (an InitPlan), not once for every row of the case.
            if (await toegang.AuditRegioAsync(ct) is not { } regio) return db.Audit.AsNoTracking().Where(_ => false);
            var gemeenten = (await toegang.BereikAsync(ct)).Regio.ToList();
            q = db.Audit.AsNoTracking().Where(a => a.InburgeraarId == d
                && (a.RegioId == regio || db.Inburgeraars.Any(i => i.Id == d && gemeenten.Contains(i.GemeenteId))));
        }
        else
        {
            q = await ZichtbaarAsync(ct);
        }

        if (!string.IsNullOrWhiteSpace(f.Gebruiker))
        {
            var term = f.Gebruiker.Trim();
            q = term.Contains('@') ? q.Where(a => a.Gebruiker == term) : q.Where(a => a.Gebruiker.Contains(term));
        }

        if (f.Actie is { } actie) q = q.Where(a => a.Actie == actie);
        if (f.Resultaat is { } resultaat) q = q.Where(a => a.Resultaat == resultaat);
        if (f.Van is { } van) { var v = van.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); q = q.Where(a => a.Op >= v); }
        if (f.Tot is { } tot) { var t = tot.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); q = q.Where(a => a.Op < t); }
        return q;
    }

    /// <summary>AVG inzage: the allowed reads of one case (a refused attempt is not a "look"). The caller checked access.</summary>
    public Task<List<AuditRegelDto>> InzagesAsync(Guid dossier, int max, CancellationToken ct = default) =>
        db.Audit.AsNoTracking().Where(a => a.InburgeraarId == dossier && a.Actie == AuditActie.Inzien && a.Resultaat == AuditResultaat.Toegestaan)
            .OrderByDescending(a => a.Id).Take(max)
            .Select(a => new AuditRegelDto(a.Id, a.Op, a.Gebruiker, a.Rol, a.Organisatie, a.IpAdres, a.Actie, a.Resultaat, a.Doel, a.InburgeraarId, a.Omschrijving, a.Volgnummer))
            .ToListAsync(ct);

    private static string Beschrijf(AuditFilter f, long? na)
    {
        var delen = new List<string>();
        if (f.Dossier is { } d) delen.Add($"dossier {d}");
        if (!string.IsNullOrWhiteSpace(f.Gebruiker)) delen.Add($"gebruiker '{f.Gebruiker.Trim()}'");
        if (f.Actie is { } a) delen.Add($"actie {a}");
        if (f.Resultaat is { } r) delen.Add($"resultaat {r}");
        if (f.Van is { } van) delen.Add($"van {van:yyyy-MM-dd}");
        if (f.Tot is { } tot) delen.Add($"tot en met {tot:yyyy-MM-dd}");
        if (na is { } cursor) delen.Add($"ouder dan regel {cursor}");
        return delen.Count == 0 ? "geen" : string.Join(", ", delen);
    }

    public static string AlsCsv(IEnumerable<AuditRegelDto> regels)
    {
        var sb = new StringBuilder("id;volgnummer;tijdstip_utc;gebruiker;rol;organisatie;ip_adres;actie;resultaat;doel;dossier;omschrijving\n");
        foreach (var r in regels)
        {
            sb.Append(r.Id).Append(';').Append(r.Volgnummer).Append(';').Append(r.Op.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append(';')
              .Append(Csv(r.Gebruiker)).Append(';').Append(Csv(r.Rol ?? string.Empty)).Append(';').Append(Csv(r.Organisatie ?? string.Empty)).Append(';')
              .Append(Csv(r.IpAdres ?? string.Empty)).Append(';').Append(r.Actie).Append(';').Append(r.Resultaat).Append(';').Append(Csv(r.Doel)).Append(';')
              .Append(r.InburgeraarId).Append(';').Append(Csv(r.Omschrijving)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Quotes a CSV field and neutralises spreadsheet formulas (CSV injection).</summary>
    public static string Csv(string waarde)
    {
        if (waarde.Length > 0 && "=+-@\t\r".Contains(waarde[0])) waarde = "'" + waarde;
        return "\"" + waarde.Replace("\"", "\"\"") + "\"";
    }
}

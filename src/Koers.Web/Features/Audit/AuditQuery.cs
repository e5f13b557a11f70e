using System.Globalization;
using System.Text;
using Koers.Data;
using Koers.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Audit;

public sealed record AuditFilter(Guid? Dossier, string? Gebruiker, AuditActie? Actie, DateOnly? Van, DateOnly? Tot);

public sealed record AuditRegelDto(long Id, DateTime Op, string Gebruiker, AuditActie Actie, Guid? InburgeraarId, string Omschrijving);

/// <summary>Reads the append-only audit log for the auditor, and the AVG inzage (who looked at my file).</summary>
public sealed class AuditQuery(KoersDbContext db)
{
    public async Task<(int Totaal, List<AuditRegelDto> Regels)> ZoekAsync(AuditFilter f, int max, CancellationToken ct = default)
    {
        var q = db.Audit.AsNoTracking().AsQueryable();
        if (f.Dossier is { } d) q = q.Where(a => a.InburgeraarId == d);
        if (!string.IsNullOrWhiteSpace(f.Gebruiker)) q = q.Where(a => a.Gebruiker.Contains(f.Gebruiker.Trim()));
        if (f.Actie is { } actie) q = q.Where(a => a.Actie == actie);
        if (f.Van is { } van) { var v = van.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); q = q.Where(a => a.Op >= v); }
        if (f.Tot is { } tot) { var t = tot.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); q = q.Where(a => a.Op < t); }
        var totaal = await q.CountAsync(ct);
        var regels = await q.OrderByDescending(a => a.Id).Take(max)
            .Select(a => new AuditRegelDto(a.Id, a.Op, a.Gebruiker, a.Actie, a.InburgeraarId, a.Omschrijving)).ToListAsync(ct);
        return (totaal, regels);
    }

    public static string AlsCsv(IEnumerable<AuditRegelDto> regels)
    {
        var sb = new StringBuilder("id;tijdstip_utc;gebruiker;actie;dossier;omschrijving\n");
        foreach (var r in regels)
        {
            sb.Append(r.Id).Append(';').Append(r.Op.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append(';')
              .Append(Csv(r.Gebruiker)).Append(';').Append(r.Actie).Append(';').Append(r.InburgeraarId).Append(';').Append(Csv(r.Omschrijving)).Append('\n');
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

using Koers.Data;
using Koers.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Beveiliging;

/// <summary>A klantregisseur's own switch for the daily e-mail about deadlines, and the municipalities (in their team's region) that send it.</summary>
public sealed record Termijnmailstand(Medewerker Medewerker, List<string> Gemeenten);

/// <summary>
/// What the account page reads and writes outside Identity: the klantregisseur's own choice about the daily e-mail
/// about deadlines. Only for the signed-in account itself: the page passes the account it loaded through the
/// UserManager, never an id from a form.
/// </summary>
public sealed class AccountService(KoersDbContext db, Auditlog audit)
{
    /// <summary>The stand for a klantregisseur's account; null for any other account (or a staff record that is gone).</summary>
    public async Task<Termijnmailstand?> TermijnmailAsync(Gebruiker gebruiker, IList<string> rollen, CancellationToken ct = default)
    {
        if (gebruiker.MedewerkerId is not { } medewerkerId || !rollen.Contains(Rollen.Klantregisseur)) return null;
        var medewerker = await db.Medewerkers.AsNoTracking().Include(m => m.Team).FirstOrDefaultAsync(m => m.Id == medewerkerId, ct);
        if (medewerker is null) return null;
        var regio = medewerker.Team?.RegioId;
        var gemeenten = await db.Gemeenten.AsNoTracking()
            .Where(g => g.DagelijkseTermijnmail && (g.RegioId == regio || g.Id == medewerker.GemeenteId)).OrderBy(g => g.Naam).Select(g => g.Naam).ToListAsync(ct);
        return new Termijnmailstand(medewerker, gemeenten);
    }

    /// <summary>Records the choice (audited, as done by the account itself); nothing is written when it did not change.</summary>
    public async Task ZetTermijnmailAsync(Gebruiker gebruiker, Medewerker medewerker, bool geen, CancellationToken ct = default)
    {
        if (geen == medewerker.GeenTermijnmail) return;
        await db.Medewerkers.Where(m => m.Id == medewerker.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.GeenTermijnmail, geen), ct);
        audit.Schrijf(AuditActie.Wijzigen, null, $"Dagelijkse e-mail met naderende termijnen voor {medewerker.Naam}: {(geen ? "uit" : "aan")} (eigen keuze)", door: gebruiker.Email ?? gebruiker.Id);
        await db.SaveChangesAsync(ct);
    }
}

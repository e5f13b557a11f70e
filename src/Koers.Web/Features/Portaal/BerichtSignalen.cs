using Koers.Data;
using Koers.Data.Model;
using Koers.Web.Features.Werkvoorraad;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Portaal;

public sealed record BerichtSignaal(long Id, Guid InburgeraarId, string Naam, string? Klantregisseur, DateTime VerstuurdOp, string Begin);

/// <summary>
/// Messages an inburgeraar sent from the portal that no staff member has marked handled yet: a section on the
/// worklist, so a question is not left waiting until someone happens to open the case.
/// </summary>
public sealed class BerichtSignalen(KoersDbContext db, Kern.Toegang toegang, Kern.DossierService dossiers, Infrastructure.Klok klok, Infrastructure.HuidigeGebruiker gebruiker)
{
    public async Task<IReadOnlyList<BerichtSignaal>> OpenAsync(Dossierselectie selectie, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return [];
        var dossiers = selectie.Pas(await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct));
        var rijen = await (from b in db.Berichten.AsNoTracking()
                           join i in dossiers on b.InburgeraarId equals i.Id
                           where b.AfgehandeldOp == null && !b.VanKlantregisseur
                           orderby b.VerstuurdOp
                           select new { b.Id, b.InburgeraarId, i.Voornamen, i.Achternaam, Regisseur = i.Klantregisseur!.Naam, b.VerstuurdOp, b.Tekst })
            .Take(Signaalsectie.Maximaal + 1).ToListAsync(ct);
        return rijen.Select(r => new BerichtSignaal(r.Id, r.InburgeraarId, $"{r.Voornamen} {r.Achternaam}", r.Regisseur, r.VerstuurdOp,
            r.Tekst.Length > 120 ? r.Tekst[..120] + "…" : r.Tekst)).ToList();
    }

    public static Signaalsectie Sectie(IReadOnlyList<BerichtSignaal> berichten) => new(
        "signalen-berichten",
        "Berichten van inburgeraars",
        berichten.Select(b => new SignaalRegel(b.InburgeraarId, b.Naam, $"/inburgeraars/{b.InburgeraarId}#berichten", "Nieuw bericht", false,
            $"{Infrastructure.Klok.NaarNederlandseTijd(b.VerstuurdOp):dd-MM-yyyy HH:mm} · {b.Begin} · {b.Klantregisseur ?? "niet toegewezen"}")).ToList(),
        "Geen onbeantwoorde berichten.",
        [new Signaalsectie.Telling("Nieuw bericht", berichten.Count)],
        []);

    /// <summary>
    /// The newest 50 messages the inburgeraar sent, for the case page that has already opened (and audited) the case.
    /// </summary>
    public Task<List<Bericht>> VanDossierAsync(Guid inburgeraarId, CancellationToken ct = default) => Nieuwste.ToListAsync(db, inburgeraarId, ct);

    // Compiled (Koers.Data.Gecompileerd): on every case page.
    private static readonly Gecompileerd.Lijst<Guid, Bericht> Nieuwste = Gecompileerd.Rijen((KoersDbContext db, Guid id) =>
        db.Berichten.AsNoTracking().Where(b => b.InburgeraarId == id && !b.VanKlantregisseur).OrderByDescending(b => b.Id).Take(50));

    /// <summary>
    /// Marks a message handled, audited; false (a 404 for the caller) when the case is outside the user's reach or the
    /// message is not an open one of this case. The reach check is here, not in the page, so every caller has it.
    /// </summary>
    public async Task<bool> AfhandelenAsync(Guid inburgeraarId, long berichtId, CancellationToken ct = default)
    {
        if (!await toegang.MagDossierAsync(inburgeraarId, ct)) return false;
        var bericht = await db.Berichten.FirstOrDefaultAsync(b => b.Id == berichtId && b.InburgeraarId == inburgeraarId && b.AfgehandeldOp == null && !b.VanKlantregisseur, ct);
        if (bericht is null) return false;
        bericht.AfgehandeldOp = klok.NuUtc;
        bericht.AfgehandeldDoor = gebruiker.Naam;
        dossiers.Audit(AuditActie.Wijzigen, inburgeraarId, $"Bericht van de inburgeraar van {Infrastructure.Klok.NaarNederlandseTijd(bericht.VerstuurdOp):dd-MM-yyyy HH:mm} afgehandeld");
        await db.SaveChangesAsync(ct);
        return true;
    }
}

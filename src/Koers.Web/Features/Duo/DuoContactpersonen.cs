using System.Text.RegularExpressions;
using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Dossier;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Duo;

/// <summary>A staff member of the region as DUO's contactpersoon: registered or not, and for how many running cases.</summary>
public sealed record ContactpersoonRegel(int MedewerkerId, string Naam, string Email, string? Telefoon, int? DuoId, int LopendeDossiers, int Gekoppeld);

/// <summary>
/// DUO's Contactpersoon API: the person in the municipality the chain (DUO, schools, COA) can ask about an
/// inburgeraar. Functioneel beheer registers a klantregisseur once (POST /contactpersonen, DUO gives an id); from then
/// on each of their running cases is linked to that id at DUO, and when a case gets another klantregisseur the link
/// follows (POST …/personen/{bsn} replaces the earlier link, README "Koppelen van een Contactpersoon").
///
/// The links are kept by comparing what should be at DUO (the klantregisseur's id) with what Koers last reported
/// (<see cref="Inburgeraar.DuoContactpersoonGemeld"/>) rather than by hooking every place a klantregisseur can change
/// (a form, the API, werk verdelen, a transfer): whatever changed it, the next round reports the difference. Each
/// difference is claimed with a conditional update, so two instances never report it twice.
/// </summary>
public sealed partial class DuoContactpersonen(KoersDbContext db, DuoClient duo, DuoOutbox outbox, Toegang toegang, Auditlog audit)
{
    /// <summary>Reported per round at most; the rest follows in the next round.</summary>
    public const int RondeGrootte = 200;

    // DUO's patterns (Contactpersoon API 1.0.0, schema Contactpersoongegevens), so the form refuses what DUO would.
    [GeneratedRegex(@"^[\s'‘.\p{L}\p{Pd}]{0,100}$")]
    private static partial Regex NaamPatroon();

    /// <summary>DUO's pattern for telefoonnummer; the simulator refuses by the same one.</summary>
    [GeneratedRegex(@"^(\+|[0-9])((\s|\s?(-|\(0\))\s?)?[0-9]){2,15}([,][1-9][0-9]{1,8})?$")]
    internal static partial Regex TelefoonPatroon();

    /// <summary>Staff of the user's region with their DUO registration and how many of their running cases are linked.</summary>
    public async Task<IReadOnlyList<ContactpersoonRegel>> OverzichtAsync(CancellationToken ct = default)
    {
        var regio = (await toegang.BereikAsync(ct)).RegioId;
        var afgesloten = Afgesloten;
        var medewerkers = await db.Medewerkers.AsNoTracking().Where(m => m.Team!.RegioId == regio).OrderBy(m => m.Naam)
            .Select(m => new { m.Id, m.Naam, m.Email, m.Telefoon, m.DuoContactpersoonId }).ToListAsync(ct);
        var ids = medewerkers.Select(m => m.Id).ToList();
        var tellingen = await db.Inburgeraars.AsNoTracking()
            .Where(i => i.KlantregisseurId != null && ids.Contains(i.KlantregisseurId.Value) && !afgesloten.Contains(i.Fase))
            .GroupBy(i => i.KlantregisseurId!.Value)
            .Select(g => new { Id = g.Key, Lopend = g.Count(), Gekoppeld = g.Count(i => i.DuoContactpersoonGemeld != null && i.DuoContactpersoonGemeld == i.Klantregisseur!.DuoContactpersoonId) })
            .ToListAsync(ct);
        return medewerkers.Select(m =>
        {
            var t = tellingen.FirstOrDefault(x => x.Id == m.Id);
            return new ContactpersoonRegel(m.Id, m.Naam, m.Email, m.Telefoon, m.DuoContactpersoonId, t?.Lopend ?? 0, t?.Gekoppeld ?? 0);
        }).ToList();
    }

    /// <summary>Registers the staff member at DUO (or changes their details when already registered). Audited.</summary>
    public async Task<Uitkomst<int>> AanmeldenAsync(int medewerkerId, string? telefoon, CancellationToken ct = default)
    {
        var m = await MedewerkerAsync(medewerkerId, ct);
        if (m is null) return Uitkomst<int>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        telefoon = telefoon?.Trim();
        if (string.IsNullOrEmpty(telefoon)) fouten.Voeg("Telefoon", "Vul een telefoonnummer in: DUO vraagt er een voor vragen uit de keten.");
        else if (telefoon.Length > 22 || !TelefoonPatroon().IsMatch(telefoon)) fouten.Voeg("Telefoon", "Dit telefoonnummer neemt DUO niet aan. Gebruik cijfers, eventueel met + vooraan, spaties of streepjes (bijvoorbeeld 040 123 4567).");
        if (m.Naam.Length > 100 || !NaamPatroon().IsMatch(m.Naam)) fouten.Voeg("Telefoon", "De naam van deze medewerker bevat tekens die DUO niet aanneemt (alleen letters, spaties, punten, apostrofs en streepjes).");
        if (m.Email.Length is < 4 or > 241) fouten.Voeg("Telefoon", "Het e-mailadres van deze medewerker neemt DUO niet aan (4 tot 241 tekens).");
        if (fouten.Count > 0) return Uitkomst<int>.Geweigerd(fouten);

        var gegevens = new DuoContactpersoongegevens(m.Naam, m.Email, telefoon!);
        var bestond = m.DuoContactpersoonId is not null;
        try
        {
            if (m.DuoContactpersoonId is { } bestaand)
            {
                await duo.ContactpersoonWijzigenAsync(bestaand, gegevens, ct);
            }
            else
            {
                m.DuoContactpersoonId = await duo.ContactpersoonAanmeldenAsync(gegevens, ct);
            }
        }
        catch (DuoWeigeringException w)
        {
            return Uitkomst<int>.Geweigerd(new() { ["Telefoon"] = [$"DUO weigerde: {string.Join(" ", w.Fouten)}"] });
        }
        catch (DuoOnbereikbaarException o)
        {
            return Uitkomst<int>.Geweigerd(new() { ["Telefoon"] = [$"{o.Message} Er is niets gewijzigd; probeer het later opnieuw."] });
        }

        m.Telefoon = telefoon;
        Audit($"DUO-contactpersoon {m.Naam} {(bestond ? "bijgewerkt" : "aangemeld")} (DUO-id {m.DuoContactpersoonId})");
        await db.SaveChangesAsync(ct);
        await SynchroniseerAsync(ct);
        return Uitkomst<int>.Ok(m.DuoContactpersoonId!.Value);
    }

    /// <summary>
    /// Removes the staff member as DUO's contactpersoon. DUO removes their links to persons itself (README, "Verwijderen
    /// van een contactpersoon"), so Koers only records that no link is left. Audited.
    /// </summary>
    public async Task<Uitkomst<bool>> AfmeldenAsync(int medewerkerId, CancellationToken ct = default)
    {
        var m = await MedewerkerAsync(medewerkerId, ct);
        if (m is null) return Uitkomst<bool>.Onbekend();
        if (m.DuoContactpersoonId is not { } id) return Uitkomst<bool>.Geweigerd(new() { ["Telefoon"] = ["Deze medewerker is niet aangemeld bij DUO."] });
        try
        {
            await duo.ContactpersoonAfmeldenAsync(id, ct);
        }
        catch (DuoWeigeringException w) when (w.Status != 404)
        {
            return Uitkomst<bool>.Geweigerd(new() { ["Telefoon"] = [$"DUO weigerde: {string.Join(" ", w.Fouten)}"] });
        }
        catch (DuoOnbereikbaarException o)
        {
            return Uitkomst<bool>.Geweigerd(new() { ["Telefoon"] = [$"{o.Message} Er is niets gewijzigd; probeer het later opnieuw."] });
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        m.DuoContactpersoonId = null;
        Audit($"DUO-contactpersoon {m.Naam} afgemeld (DUO-id {id}); DUO verwijderde de koppelingen met inburgeraars");
        await db.SaveChangesAsync(ct);
        await db.Inburgeraars.Where(i => i.DuoContactpersoonGemeld == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.DuoContactpersoonGemeld, (int?)null), ct);
        await tx.CommitAsync(ct);
        return Uitkomst<bool>.Ok(true);
    }

    /// <summary>
    /// Reports to DUO every running case whose klantregisseur's DUO id differs from what was last reported: a link to the
    /// new contactpersoon, or its removal when the case has none any more. Returns how many were queued.
    /// </summary>
    public async Task<int> SynchroniseerAsync(CancellationToken ct = default)
    {
        var afgesloten = Afgesloten;
        var verschillen = await db.Inburgeraars.AsNoTracking()
            .Where(i => i.BsnIndex != null && !afgesloten.Contains(i.Fase))
            .Select(i => new
            {
                i.Id,
                Gewenst = i.Klantregisseur == null ? null : i.Klantregisseur.DuoContactpersoonId,
                Naam = i.Klantregisseur == null ? null : i.Klantregisseur.Naam,
                Gemeld = i.DuoContactpersoonGemeld,
            })
            .Where(x => x.Gewenst != x.Gemeld)
            .OrderBy(x => x.Id)
            .Take(RondeGrootte)
            .ToListAsync(ct);
        var gedaan = 0;
        foreach (var v in verschillen)
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Claim the difference: only the instance whose update finds the old value reports it.
            var geclaimd = await db.Inburgeraars.Where(i => i.Id == v.Id && i.DuoContactpersoonGemeld == v.Gemeld)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.DuoContactpersoonGemeld, v.Gewenst), ct);
            if (geclaimd != 1) continue;
            var dossier = await db.Inburgeraars.AsNoTracking().FirstAsync(i => i.Id == v.Id, ct);
            if (v.Gewenst is { } nieuw) outbox.MeldContactpersoon(dossier, nieuw, koppelen: true, v.Naam ?? "klantregisseur");
            else outbox.MeldContactpersoon(dossier, v.Gemeld!.Value, koppelen: false, "geen klantregisseur meer");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            gedaan++;
        }

        return gedaan;
    }

    private static readonly List<Fase> Afgesloten = [.. Enum.GetValues<Fase>().Where(f => f.IsAfgesloten())];

    private async Task<Medewerker?> MedewerkerAsync(int id, CancellationToken ct)
    {
        var regio = (await toegang.BereikAsync(ct)).RegioId;
        return await db.Medewerkers.FirstOrDefaultAsync(m => m.Id == id && m.Team!.RegioId == regio, ct);
    }

    private void Audit(string omschrijving) =>
        audit.Schrijf(AuditActie.Wijzigen, null, omschrijving);
}

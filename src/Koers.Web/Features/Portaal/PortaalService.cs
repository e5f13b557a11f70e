using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Clock;
using Koers.Web.Features.Machtigingen;
using Koers.Web.Features.Pip;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Portaal;

/// <summary>What the inburgeraar's own page shows from the database, read after the case was opened for the person.</summary>
public sealed record MijnDossier(
    Inburgeraar Dossier,
    PipStand? Pip,
    IReadOnlyList<PortaalBrief> Brieven,
    IReadOnlyList<Data.Model.Keten.Voortgangsgesprek> Afspraken,
    GevolgdeUren? Gevolgd,
    int InzagesTotaal,
    IReadOnlyList<Inzage> Inzages,
    IReadOnlyList<MachtigingDto> ActieveMachtigingen);

/// <summary>How a message from the person to their klantregisseur went; the page words a refusal in the person's language.</summary>
public enum PortaalBerichtUitkomst
{
    Verstuurd,
    NietGevonden,
    Leeg,
    TeLang,
}

/// <summary>
/// The inburgeraar's own portal page: reading their case (every visit audited) and their message to the klantregisseur.
/// Both go through the access check: <see cref="DossierService.InzienAsync"/> and <see cref="Toegang.MagDossierAsync"/>
/// only find the person's own case.
/// </summary>
public sealed class PortaalService(KoersDbContext db, Toegang toegang, DossierService dossiers, PipService pips, MachtigingService machtigingen, Klok klok)
{
    public const int MaxInzage = 50;

    /// <summary>
    /// Opens the case (audited with <paramref name="doel"/>) and reads what the page shows; null when it is not found.
    /// <paramref name="zelf"/> is the signed-in account: its own visits are not news to the person.
    /// </summary>
    public async Task<MijnDossier?> MijnDossierAsync(Guid id, string doel, string zelf, CancellationToken ct = default)
    {
        var dossier = await dossiers.InzienAsync(id, doel, ct);
        if (dossier is null) return null;

        var stand = await pips.HaalAsync(id, ct);
        var brieven = await BrievenAsync(id, stand?.Beschikkingen ?? [], ct);

        // What comes next and what was done: planned progress talks from today on, and the hours reported so far.
        var vandaag = klok.Vandaag;
        var afspraken = await db.Voortgangsgesprekken.AsNoTracking()
            .Where(g => g.InburgeraarId == id && g.Status == Data.Model.Keten.Gespreksstatus.Gepland && g.GeplandOp >= vandaag)
            .OrderBy(g => g.GeplandOp).ThenBy(g => g.Tijd).Take(5).ToListAsync(ct);
        var uren = await db.Urenregistraties.AsNoTracking().Where(u => u.InburgeraarId == id).Select(u => new { u.Week, u.Uren, u.AfwezigUren }).ToListAsync(ct);
        var recent = Koers.Domain.Voortgang.Week.Maandag(vandaag).AddDays(-21);
        var gevolgd = uren.Count == 0 ? null
            : new GevolgdeUren(uren.Sum(u => u.Uren), uren.Where(u => u.Week >= recent).Sum(u => u.Uren), uren.Sum(u => u.AfwezigUren));

        // Who else looked: the person's own visits (two rows per page load) are not news to them.
        var inzage = db.Audit.AsNoTracking().Where(a => a.InburgeraarId == id && a.Actie == AuditActie.Inzien && a.Resultaat == AuditResultaat.Toegestaan
            && a.Gebruiker != zelf);
        var inzagesTotaal = await inzage.CountAsync(ct);
        var rijen = await inzage.OrderByDescending(a => a.Id).Take(MaxInzage).Select(a => new { a.Gebruiker, a.Op }).ToListAsync(ct);
        var namen = await NamenAsync(rijen.Select(r => r.Gebruiker).Distinct().ToList(), ct);
        var inzages = rijen.Select(r => new Inzage(namen.GetValueOrDefault(r.Gebruiker, r.Gebruiker), Klok.NaarNederlandseTijd(r.Op))).ToList();
        var actief = ((await machtigingen.LijstAsync(id, ct)) ?? []).Where(m => m.Actief).ToList();
        return new MijnDossier(dossier, stand, brieven, afspraken, gevolgd, inzagesTotaal, inzages, actief);
    }

    /// <summary>A message to the klantregisseur; it appears on the case page. Empty or too long is refused, nothing saved.</summary>
    public async Task<PortaalBerichtUitkomst> BerichtAanKlantregisseurAsync(Guid id, string? tekst, CancellationToken ct = default)
    {
        if (!await toegang.MagDossierAsync(id, ct)) return PortaalBerichtUitkomst.NietGevonden;
        var schoon = tekst?.Trim() ?? string.Empty;
        if (schoon.Length == 0) return PortaalBerichtUitkomst.Leeg;
        if (schoon.Length > Bericht.MaxLengte) return PortaalBerichtUitkomst.TeLang;
        var bereik = await toegang.BereikAsync(ct);
        db.Berichten.Add(new Bericht { InburgeraarId = id, Tekst = schoon, VerstuurdOp = klok.NuUtc, Afzender = bereik.Naam });
        dossiers.Audit(AuditActie.Wijzigen, id, "Portaal: bericht aan de klantregisseur gestuurd");
        await db.SaveChangesAsync(ct);
        return PortaalBerichtUitkomst.Verstuurd;
    }

    /// <summary>
    /// A staff account as the person knows it: name and organisation ('Sanne de Vries, gemeente Eersel'), never the
    /// e-mail address the audit keeps. An account that no longer exists: its organisation is unknown, so only that a
    /// staff member looked. System actors ('Koers (DUO-koppeling)') keep their name.
    /// </summary>
    private async Task<Dictionary<string, string>> NamenAsync(List<string> gebruikers, CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => gebruikers.Contains(u.UserName!))
            .Select(u => new
            {
                u.UserName, u.Weergavenaam, Gemeente = u.GemeenteId == null ? null : db.Gemeenten.Where(g => g.Id == u.GemeenteId).Select(g => g.Naam).FirstOrDefault(),
                Partner = u.PartnerorganisatieId == null ? null : db.Partnerorganisaties.Where(p => p.Id == u.PartnerorganisatieId).Select(p => p.Naam).FirstOrDefault()
            })
            .ToListAsync(ct);
        var namen = new Dictionary<string, string>();
        foreach (var g in gebruikers)
        {
            var a = accounts.FirstOrDefault(x => x.UserName == g);
            var naam = a is null ? null : string.IsNullOrWhiteSpace(a.Weergavenaam) ? null : a.Weergavenaam;
            var organisatie = a?.Partner ?? (a?.Gemeente is { } gm ? $"gemeente {gm}" : null);
            namen[g] = (naam, organisatie) switch
            {
                ({ } n, { } o) => $"{n}, {o}",
                ({ } n, null) => n,
                (null, { } o) => o,
                _ => g.Contains('@') ? "—" : g,
            };
        }

        return namen;
    }

    /// <summary>Every letter of the case, newest first: the PIP beschikkingen, the handhaving and the ontzorgen letters, and the monthly statements.</summary>
    private async Task<List<PortaalBrief>> BrievenAsync(Guid id, IReadOnlyList<BeschikkingInfo> beschikkingen, CancellationToken ct)
    {
        var brieven = beschikkingen.Select(b => new PortaalBrief($"/mijn/beschikkingen/{b.Id}", b.Soort.ToString(), b.Datum, b.Kenmerk, true,
            b.Verzenddatum is { } v ? LegalClock.BezwaarEinde(v) : null, null, null)).ToList();
        var handhaving = await db.Set<Data.Model.Keten.Handhavingsbesluit>().AsNoTracking()
            .Where(b => b.InburgeraarId == id && b.Pdf != null && b.Kenmerk != null)
            .Select(b => new { b.Id, b.Soort, b.Datum, b.Kenmerk, b.Verzenddatum, b.ReactieUiterlijk, b.Bedrag }).ToListAsync(ct);
        foreach (var b in handhaving)
        {
            var besluit = Domain.Handhaving.Handhavingsladder.IsSanctie(b.Soort);
            brieven.Add(new PortaalBrief($"/mijn/brieven/{b.Id}", b.Soort.ToString(), b.Datum, b.Kenmerk!, besluit,
                besluit && b.Verzenddatum is { } v ? LegalClock.BezwaarEinde(v) : null, besluit ? null : b.ReactieUiterlijk,
                b.Soort == Domain.Handhaving.Handhavingssoort.BoeteWi2021 ? b.Bedrag : null));
        }

        var ontzorgen = await db.Set<Data.Model.Ontzorgen.Ontzorgenbrief>().AsNoTracking().Where(b => b.InburgeraarId == id)
            .Select(b => new { b.Id, b.Besluit, b.Datum, b.Kenmerk, b.Verzenddatum }).ToListAsync(ct);
        brieven.AddRange(ontzorgen.Select(b => new PortaalBrief($"/mijn/brieven/{b.Id}", $"Ontzorgen{b.Besluit}", b.Datum, b.Kenmerk, true,
            b.Verzenddatum is { } v ? LegalClock.BezwaarEinde(v) : null, null, null)));

        // The monthly statement of financieel ontzorgen (issue #23): one letter for each month the municipality paid
        // something from the person's bijstand, with that month's total, so the person finds it where their other
        // letters are. The PDF itself is made on request by /mijn/geld/brief from the same payment rows.
        var maanden = await db.Set<Data.Model.Ontzorgen.Betaalregel>().AsNoTracking().Where(r => r.InburgeraarId == id)
            .GroupBy(r => r.Maand).Select(g => new { Maand = g.Key, Totaal = g.Sum(r => r.Bedrag) }).ToListAsync(ct);
        brieven.AddRange(maanden.Select(m => new PortaalBrief(
            $"/mijn/geld/brief?maand={m.Maand.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)}", "Maandoverzicht",
            m.Maand, $"maandoverzicht-{m.Maand.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)}", false, null, null, m.Totaal)));
        return brieven.OrderByDescending(b => b.Datum).ThenBy(b => b.Kenmerk, StringComparer.Ordinal).ToList();
    }
}

using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Clock;
using Koers.Domain.Pip;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Dossier;
using Koers.Web.Features.Pip;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Portaal;

public sealed record Inzage(string Wie, DateTime OpLokaal);

/// <summary>
/// A letter in the portal: the Dutch original (PDF) and what is needed for a summary in the person's own language.
/// <paramref name="Soort"/> names the resource texts (Brief_x, Samenvatting_x): a BeschikkingSoort or a Handhavingssoort.
/// </summary>
public sealed record PortaalBrief(string Url, string Soort, DateOnly Datum, string Kenmerk, bool IsBesluit, DateOnly? BezwaarUiterlijk,
    DateOnly? ReactieUiterlijk, decimal? Bedrag)
{
    /// <summary>An amount as a Dutch letter writes it ("€ 250,00"): the currency is the euro in every language.</summary>
    public string? BedragTekst => Bedrag?.ToString("C", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
}

/// <summary>Hours followed in total and in the last four weeks (this week included), and hours absent.</summary>
public sealed record GevolgdeUren(decimal Totaal, decimal Recent, decimal Afwezig);

/// <summary>
/// The inburgeraar's own page: their PIP in plain words, their deadlines, hours, letters, who looked at their
/// file and how to reach their klantregisseur. Every visit is written to the audit log.
/// </summary>
public sealed class IndexModel(Toegang toegang, DossierService dossiers, PipService pips, KoersDbContext db, Klok klok,
    Machtigingen.MachtigingService machtigingen, Berichten.BerichtVoorkeuren berichtvoorkeuren) : PageModel
{
    public const string Doel = "Portaal: eigen dossier bekeken";
    public const int MaxInzage = 50;

    public Inburgeraar? Dossier { get; private set; }
    public PipVersie? Pip { get; private set; }
    public PipInhoud? PipInhoud { get; private set; }
    public IReadOnlyList<BeschikkingInfo> Beschikkingen { get; private set; } = [];
    public IReadOnlyList<Termijn> Termijnen { get; private set; } = [];
    public IReadOnlyList<Urennorm> Urennormen { get; private set; } = [];
    public IReadOnlyList<Inzage> Inzages { get; private set; } = [];
    public int InzagesTotaal { get; private set; }
    public DateOnly Vandaag => klok.Vandaag;

    /// <summary>Planned progress talks from today on (date, time, place), so the person knows when to come.</summary>
    public IReadOnlyList<Data.Model.Keten.Voortgangsgesprek> Afspraken { get; private set; } = [];

    /// <summary>Hours reported by the language school or the municipality; null when none were reported yet.</summary>
    public GevolgdeUren? Gevolgd { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // '?taal=ar' switches the language for this request (the localization middleware) and remembers it.
        var taal = Request.Query[Talen.Parameter].ToString();
        if (Talen.Bestaat(taal)) Talen.Onthoud(HttpContext, taal);
        // An unknown code (a typo, an old link) keeps the current language, but says so instead of silently ignoring it.
        else if (!string.IsNullOrWhiteSpace(taal)) OnbekendeTaal = taal.Length > 10 ? taal[..10] : taal;

        var bereik = await toegang.BereikAsync(ct);
        if (bereik.EigenDossier is not { } id) return Page();
        // The chosen language is kept on the case too: e-mails and SMS to the person are written in it.
        if (Talen.Bestaat(taal)) await berichtvoorkeuren.OnthoudTaalAsync(id, taal, ct);
        var dossier = await dossiers.InzienAsync(id, Doel, ct);
        if (dossier is null) return Page();
        Dossier = dossier;

        var stand = await pips.HaalAsync(id, ct);
        Pip = stand?.Huidige;
        PipInhoud = stand?.HuidigeInhoud;
        Beschikkingen = stand?.Beschikkingen ?? [];
        Brieven = await BrievenAsync(id, Beschikkingen, ct);

        var feiten = dossier.Feiten();
        var alle = LegalClock.Bereken(feiten, dossier.Gemeente!.Instellingen);
        Termijnen = alle.Where(t => t.Code is TermijnCode.Inburgeringstermijn or TermijnCode.Voortgangsgesprek or TermijnCode.OntzorgenEinde).ToList();
        Urennormen = LegalClock.Urennormen(feiten);

        // What comes next and what was done: planned progress talks from today on, and the hours reported so far.
        var vandaag = klok.Vandaag;
        Afspraken = await db.Voortgangsgesprekken.AsNoTracking()
            .Where(g => g.InburgeraarId == id && g.Status == Data.Model.Keten.Gespreksstatus.Gepland && g.GeplandOp >= vandaag)
            .OrderBy(g => g.GeplandOp).ThenBy(g => g.Tijd).Take(5).ToListAsync(ct);
        var uren = await db.Urenregistraties.AsNoTracking().Where(u => u.InburgeraarId == id).Select(u => new { u.Week, u.Uren, u.AfwezigUren }).ToListAsync(ct);
        var recent = Koers.Domain.Voortgang.Week.Maandag(vandaag).AddDays(-21);
        Gevolgd = uren.Count == 0 ? null
            : new GevolgdeUren(uren.Sum(u => u.Uren), uren.Where(u => u.Week >= recent).Sum(u => u.Uren), uren.Sum(u => u.AfwezigUren));

        // Who else looked: the person's own visits (two rows per page load) are not news to them.
        var zelf = User.Identity?.Name ?? "";
        var inzage = db.Audit.AsNoTracking().Where(a => a.InburgeraarId == id && a.Actie == AuditActie.Inzien && a.Resultaat == AuditResultaat.Toegestaan
            && a.Gebruiker != zelf);
        InzagesTotaal = await inzage.CountAsync(ct);
        var rijen = await inzage.OrderByDescending(a => a.Id).Take(MaxInzage).Select(a => new { a.Gebruiker, a.Op }).ToListAsync(ct);
        var namen = await NamenAsync(rijen.Select(r => r.Gebruiker).Distinct().ToList(), ct);
        Inzages = rijen.Select(r => new Inzage(namen.GetValueOrDefault(r.Gebruiker, r.Gebruiker), Klok.NaarNederlandseTijd(r.Op))).ToList();
        Machtigingen = ((await machtigingen.LijstAsync(id, ct)) ?? []).Where(m => m.Actief).ToList();
        return Page();
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

    /// <summary>Every letter of the case, newest first: the PIP beschikkingen, the handhaving and the ontzorgen letters.</summary>
    public IReadOnlyList<PortaalBrief> Brieven { get; private set; } = [];

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
        return brieven.OrderByDescending(b => b.Datum).ThenBy(b => b.Kenmerk, StringComparer.Ordinal).ToList();
    }

    /// <summary>The consents in force: who may see which of the inburgeraar's data.</summary>
    public IReadOnlyList<Machtigingen.MachtigingDto> Machtigingen { get; private set; } = [];

    /// <summary>The consent whose withdrawal was not confirmed, so its form shows the message.</summary>
    public Guid? IntrekkenFout { get; private set; }

    /// <summary>
    /// The inburgeraar withdraws a consent, after ticking the confirmation (no script needed). It takes effect at
    /// once: the partner's next request is refused.
    /// </summary>
    public async Task<IActionResult> OnPostIntrekkenAsync(Guid machtiging, bool bevestigd, CancellationToken ct)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (bereik.EigenDossier is not { } id) return NotFound();
        if (!bevestigd)
        {
            IntrekkenFout = machtiging;
            return await OnGetAsync(ct);
        }

        var u = await machtigingen.IntrekkenAsync(id, machtiging, "Ingetrokken door de inburgeraar in Mijn inburgering", ct);
        if (u.NietGevonden) return NotFound();
        TempData["MachtigingIngetrokken"] = true;
        return Redirect("/mijn#machtigingen");
    }

    /// <summary>A message to the klantregisseur; it appears on the case page. Empty or too long is refused, nothing lost.</summary>
    public async Task<IActionResult> OnPostBerichtAsync(string? tekst, CancellationToken ct)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (bereik.EigenDossier is not { } id || !await toegang.MagDossierAsync(id, ct)) return NotFound();
        var schoon = tekst?.Trim() ?? string.Empty;
        if (schoon.Length == 0 || schoon.Length > Bericht.MaxLengte)
        {
            BerichtFout = schoon.Length == 0 ? "BerichtLeeg" : "BerichtTeLang";
            BerichtTekst = tekst;
            return await OnGetAsync(ct);
        }

        db.Berichten.Add(new Bericht { InburgeraarId = id, Tekst = schoon, VerstuurdOp = klok.NuUtc, Afzender = bereik.Naam });
        dossiers.Audit(AuditActie.Wijzigen, id, "Portaal: bericht aan de klantregisseur gestuurd");
        await db.SaveChangesAsync(ct);
        TempData["BerichtVerstuurd"] = true;
        return Redirect("/mijn#bericht");
    }

    public string? BerichtFout { get; private set; }

    /// <summary>The '?taal=' value that is not one of the portal's languages (shown back, cut to 10 characters).</summary>
    public string? OnbekendeTaal { get; private set; }
    public string? BerichtTekst { get; private set; }

    public async Task<IActionResult> OnPostTaalAsync(string? taal, CancellationToken ct)
    {
        if (Talen.Bestaat(taal))
        {
            Talen.Onthoud(HttpContext, taal!);
            if ((await toegang.BereikAsync(ct)).EigenDossier is { } id) await berichtvoorkeuren.OnthoudTaalAsync(id, taal!, ct);
        }

        return Redirect("/mijn");
    }

    public static string UrenSleutel(Urennorm norm) => norm.Onderdeel switch
    {
        var o when o.StartsWith("Z-route: taal", StringComparison.Ordinal) => "Uren_ZTaal",
        var o when o.StartsWith("Z-route: participatie", StringComparison.Ordinal) => "Uren_ZParticipatie",
        var o when o.StartsWith("MAP", StringComparison.Ordinal) => "Uren_Map",
        var o when o.StartsWith("PVT", StringComparison.Ordinal) => "Uren_Pvt",
        _ => string.Empty,
    };
}

using Koers.Data.Model;
using Koers.Domain.Clock;
using Koers.Domain.Pip;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Dossier;
using Koers.Web.Features.Pip;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
public sealed class IndexModel(Toegang toegang, PortaalService portaal, Klok klok, Machtigingen.MachtigingService machtigingen,
    Berichten.BerichtVoorkeuren berichtvoorkeuren) : PageModel
{
    public const string Doel = "Portaal: eigen dossier bekeken";

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
        if (await portaal.MijnDossierAsync(id, Doel, User.Identity?.Name ?? "", ct) is not { } mijn) return Page();
        var dossier = mijn.Dossier;
        Dossier = dossier;

        var stand = mijn.Pip;
        Pip = stand?.Huidige;
        PipInhoud = stand?.HuidigeInhoud;
        Beschikkingen = stand?.Beschikkingen ?? [];
        Brieven = mijn.Brieven;

        var feiten = dossier.Feiten();
        var alle = LegalClock.Bereken(feiten, dossier.Gemeente!.Instellingen);
        Termijnen = alle.Where(t => t.Code is TermijnCode.Inburgeringstermijn or TermijnCode.Voortgangsgesprek or TermijnCode.OntzorgenEinde).ToList();
        Urennormen = LegalClock.Urennormen(feiten);

        Afspraken = mijn.Afspraken;
        Gevolgd = mijn.Gevolgd;
        InzagesTotaal = mijn.InzagesTotaal;
        Inzages = mijn.Inzages;
        Machtigingen = mijn.ActieveMachtigingen;
        return Page();
    }

    /// <summary>Every letter of the case, newest first: the PIP beschikkingen, the handhaving and the ontzorgen letters.</summary>
    public IReadOnlyList<PortaalBrief> Brieven { get; private set; } = [];

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
        if (bereik.EigenDossier is not { } id) return NotFound();
        var uitkomst = await portaal.BerichtAanKlantregisseurAsync(id, tekst, ct);
        if (uitkomst == PortaalBerichtUitkomst.NietGevonden) return NotFound();
        if (uitkomst != PortaalBerichtUitkomst.Verstuurd)
        {
            // The resource key: the page says it in the person's language.
            BerichtFout = uitkomst == PortaalBerichtUitkomst.Leeg ? "BerichtLeeg" : "BerichtTeLang";
            BerichtTekst = tekst;
            return await OnGetAsync(ct);
        }

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

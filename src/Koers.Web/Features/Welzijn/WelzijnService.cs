using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Web.Features.Audit;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Welzijn;

/// <summary>Everything the Welzijn tab shows of one case.</summary>
public sealed record WelzijnStand(
    Inburgeraar Dossier,
    IReadOnlyList<Welzijnsscreening> Screenings,
    IReadOnlyList<Zorgverwijzing> Verwijzingen,
    IReadOnlyList<Voortgangsgesprek> Gesprekken,
    DateOnly? HercheckSinds)
{
    /// <summary>The re-check is due: a voortgangsgesprek was held after the last screening (or there is none).</summary>
    public bool HercheckNodig => HercheckSinds is not null;
}

/// <summary>A line for the worklist: a re-check due or a referral's follow-up date reached.</summary>
public sealed record Welzijnstaak(Guid InburgeraarId, string Naam, string Gemeente, string? Klantregisseur, string Soort, DateOnly Sinds, Guid? VerwijzingId);

/// <summary>The heading line on the case page: counts only, no content.</summary>
public sealed record WelzijnKop(int Lopend, bool HercheckNodig);

/// <summary>
/// Mental well-being of a case (issue #22; practice source 000:L86-133 via seed-000-002-003-practice.md §6.1 row 1):
/// the screening at the brede intake and its re-check at each voortgangsgesprek, and referrals to GGZ, POH-GGZ or trauma
/// care with their status and follow-up. This is special-category health data (AVG art. 9): only the case workers of
/// the municipality (klantregisseur, teamleider) read or write it, through <see cref="Kern.Toegang"/>; the
/// beleidsmedewerker never sees a person, and chain partners get none of it. Every read and write is audited; the audit
/// names what was done, never the signal, its kind or any free text.
/// </summary>
public sealed class WelzijnService(KoersDbContext db, Klok klok, HuidigeGebruiker gebruiker, Kern.Toegang toegang, Kern.DossierService dossiers, Auditlog audit)
{
    public const int MaxTekst = 2000;
    public const int MaxAanbieder = 200;

    /// <summary>Referral statuses that are still running (follow-up tasks apply).</summary>
    public static readonly IReadOnlyList<Zorgstatus> Lopend = [Zorgstatus.Aangemeld, Zorgstatus.ZorgGestart];

    // ---- one case (klantregisseur) ------------------------------------------------------------------------------

    /// <summary>The Welzijn tab of a case within reach; the read is audited with <paramref name="doel"/>.</summary>
    public async Task<WelzijnStand?> HaalAsync(Guid id, string doel, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return null;
        var dossier = await dossiers.InzienAsync(id, doel, ct);
        if (dossier is null) return null;
        var screenings = await db.Set<Welzijnsscreening>().AsNoTracking().Where(s => s.InburgeraarId == id)
            .OrderByDescending(s => s.Datum).ThenByDescending(s => s.VastgelegdOp).ToListAsync(ct);
        var verwijzingen = await db.Set<Zorgverwijzing>().AsNoTracking().Where(v => v.InburgeraarId == id)
            .OrderByDescending(v => v.AangemeldOp).ThenByDescending(v => v.VastgelegdOp).ToListAsync(ct);
        var gesprekken = await GehoudenAsync(id, ct);
        return new WelzijnStand(dossier, screenings, verwijzingen, gesprekken, HercheckSinds(screenings.FirstOrDefault()?.Datum, gesprekken.FirstOrDefault()?.Datum));
    }

    private Task<List<Voortgangsgesprek>> GehoudenAsync(Guid id, CancellationToken ct) =>
        db.Voortgangsgesprekken.AsNoTracking().Where(g => g.InburgeraarId == id && g.Status == Gespreksstatus.Gehouden && g.Datum != null)
            .OrderByDescending(g => g.Datum).ToListAsync(ct);

    /// <summary>The day since when the re-check is due: the last held voortgangsgesprek when no screening is on or after it.</summary>
    public static DateOnly? HercheckSinds(DateOnly? laatsteScreening, DateOnly? laatsteGesprek) =>
        laatsteGesprek is { } g && (laatsteScreening is not { } s || s < g) ? g : null;

    public async Task<Uitkomst<Guid>> ScreeningAsync(Guid id, ScreeningInvoer invoer, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return Uitkomst<Guid>.Onbekend();
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (invoer.Moment is not { } moment || !Enum.IsDefined(moment)) fouten.Voeg(nameof(invoer.Moment), "Kies het moment: brede intake, voortgangsgesprek of tussentijds.");
        Voortgangsgesprek? gesprek = null;
        if (invoer.Voortgangsgesprek is { } gid)
        {
            gesprek = await db.Voortgangsgesprekken.AsNoTracking().FirstOrDefaultAsync(g => g.Id == gid && g.InburgeraarId == id, ct);
            if (gesprek is null || gesprek.Status != Gespreksstatus.Gehouden || gesprek.Datum is null)
                fouten.Voeg(nameof(invoer.Voortgangsgesprek), "Kies een gehouden voortgangsgesprek van deze inburgeraar.");
        }
        else if (invoer.Moment == Screeningsmoment.Voortgangsgesprek)
        {
            fouten.Voeg(nameof(invoer.Voortgangsgesprek), "Kies het voortgangsgesprek waarin de hercheck is gedaan.");
        }

        if (invoer.Signaal is not { } signaal || !Enum.IsDefined(signaal)) fouten.Voeg(nameof(invoer.Signaal), "Kies of er een signaal is: ja, nee of onbekend.");
        else if (signaal == Welzijnssignaal.Ja)
        {
            if (invoer.Soort is not { } soort || !Enum.IsDefined(soort)) fouten.Voeg(nameof(invoer.Soort), "Kies de soort signaal.");
            if (invoer.Ernst is not { } ernst || !Enum.IsDefined(ernst)) fouten.Voeg(nameof(invoer.Ernst), "Kies de ernst: licht, matig of ernstig.");
            if (invoer.Bron is not { } bron || !Enum.IsDefined(bron)) fouten.Voeg(nameof(invoer.Bron), "Kies de bron van het signaal.");
        }

        var datum = invoer.Datum ?? gesprek?.Datum;
        if (datum is not { } d) fouten.Voeg(nameof(invoer.Datum), "Vul de datum in.");
        else if (d > klok.Vandaag) fouten.Voeg(nameof(invoer.Datum), "De datum ligt in de toekomst.");
        fouten.Lengte(invoer.Toelichting, nameof(invoer.Toelichting), MaxTekst);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var ja = invoer.Signaal == Welzijnssignaal.Ja;
        var screening = new Welzijnsscreening
        {
            Id = Guid.NewGuid(), InburgeraarId = id, Moment = invoer.Moment!.Value, VoortgangsgesprekId = gesprek?.Id, Signaal = invoer.Signaal!.Value,
            Soort = ja ? invoer.Soort : null, Ernst = ja ? invoer.Ernst : null, Bron = ja ? invoer.Bron : null, Datum = datum!.Value,
            Toelichting = string.IsNullOrWhiteSpace(invoer.Toelichting) ? null : invoer.Toelichting.Trim(), VastgelegdOp = klok.NuUtc, VastgelegdDoor = gebruiker.Naam,
        };
        db.Add(screening);
        // What was done and when, never the signal or its kind: the audit trail is read by more people than the case.
        audit.Aanmaken(id, $"Welzijnsscreening vastgelegd ({Omschrijving(screening.Moment)}, {Shared.Weergave.Datum(screening.Datum)})", AuditObject.Van<Welzijnsscreening>(screening.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(screening.Id);
    }

    public async Task<Uitkomst<Guid>> VerwijzingAsync(Guid id, ZorgverwijzingInvoer invoer, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return Uitkomst<Guid>.Onbekend();
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (invoer.Naar is not { } naar || !Enum.IsDefined(naar)) fouten.Voeg(nameof(invoer.Naar), "Kies waarheen: GGZ, praktijkondersteuner GGZ, traumazorg, maatschappelijk werk of anders.");
        fouten.Lengte(invoer.Zorgaanbieder, nameof(invoer.Zorgaanbieder), MaxAanbieder);
        if (invoer.AangemeldOp is not { } op) fouten.Voeg(nameof(invoer.AangemeldOp), "Vul de datum van aanmelding in.");
        else if (op > klok.Vandaag) fouten.Voeg(nameof(invoer.AangemeldOp), "De datum van aanmelding ligt in de toekomst.");
        if (invoer.Opvolgdatum is { } opvolg && invoer.AangemeldOp is { } a && opvolg < a)
            fouten.Voeg(nameof(invoer.Opvolgdatum), "De opvolgdatum ligt vóór de aanmelding.");
        if (invoer.Screening is { } sid && !await db.Set<Welzijnsscreening>().AnyAsync(s => s.Id == sid && s.InburgeraarId == id, ct))
            fouten.Voeg(nameof(invoer.Screening), "Kies een screening van deze inburgeraar.");
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var v = new Zorgverwijzing
        {
            Id = Guid.NewGuid(), InburgeraarId = id, ScreeningId = invoer.Screening, Naar = invoer.Naar!.Value,
            Zorgaanbieder = string.IsNullOrWhiteSpace(invoer.Zorgaanbieder) ? null : invoer.Zorgaanbieder.Trim(),
            Status = Zorgstatus.Aangemeld, AangemeldOp = invoer.AangemeldOp!.Value, Opvolgdatum = invoer.Opvolgdatum, VastgelegdOp = klok.NuUtc, VastgelegdDoor = gebruiker.Naam,
        };
        db.Add(v);
        audit.Aanmaken(id, $"Zorgverwijzing aangemeld ({Shared.Weergave.Datum(v.AangemeldOp)})", AuditObject.Van<Zorgverwijzing>(v.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(v.Id);
    }

    /// <summary>The statuses a referral may move to from <paramref name="status"/>.</summary>
    public static IReadOnlyList<Zorgstatus> Volgende(Zorgstatus status) => status switch
    {
        Zorgstatus.Aangemeld => [Zorgstatus.ZorgGestart, Zorgstatus.Afgewezen, Zorgstatus.Gestopt],
        Zorgstatus.ZorgGestart => [Zorgstatus.Afgerond, Zorgstatus.Gestopt],
        _ => [],
    };

    public async Task<Uitkomst<Guid>> StatusAsync(Guid id, Guid verwijzingId, ZorgstatusInvoer invoer, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return Uitkomst<Guid>.Onbekend();
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var v = await db.Set<Zorgverwijzing>().FirstOrDefaultAsync(x => x.Id == verwijzingId && x.InburgeraarId == id, ct);
        if (v is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        var volgende = Volgende(v.Status);
        if (invoer.Status is not { } status || !volgende.Contains(status))
        {
            fouten.Voeg(nameof(invoer.Status), volgende.Count == 0
                ? $"Deze verwijzing is al {Omschrijving(v.Status).ToLowerInvariant()}."
                : $"Van '{Omschrijving(v.Status)}' kan de verwijzing naar: {string.Join(", ", volgende.Select(Omschrijving))}.");
        }

        var afgebroken = invoer.Status is Zorgstatus.Afgewezen or Zorgstatus.Gestopt;
        if (afgebroken && string.IsNullOrWhiteSpace(invoer.Reden)) fouten.Voeg(nameof(invoer.Reden), "Vul de reden in waarom de verwijzing is afgewezen of gestopt.");
        fouten.Lengte(invoer.Reden, nameof(invoer.Reden), MaxTekst);
        if (invoer.Datum is not { } d) fouten.Voeg(nameof(invoer.Datum), "Vul de datum in.");
        else if (d > klok.Vandaag) fouten.Voeg(nameof(invoer.Datum), "De datum ligt in de toekomst.");
        else if (d < (v.ZorgGestartOp ?? v.AangemeldOp)) fouten.Voeg(nameof(invoer.Datum), $"De datum ligt vóór {Shared.Weergave.Datum(v.ZorgGestartOp ?? v.AangemeldOp)}.");
        if (invoer.Opvolgdatum is { } o && invoer.Datum is { } dd && o < dd) fouten.Voeg(nameof(invoer.Opvolgdatum), "De opvolgdatum ligt vóór de datum van deze stap.");
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var van = v.Status;
        v.Status = invoer.Status!.Value;
        if (v.Status == Zorgstatus.ZorgGestart) v.ZorgGestartOp = invoer.Datum;
        else v.BeeindigdOp = invoer.Datum;
        if (afgebroken) v.Reden = invoer.Reden!.Trim();
        // A running referral keeps a follow-up date only when one is given; an ended one has nothing left to follow up.
        v.Opvolgdatum = Lopend.Contains(v.Status) ? invoer.Opvolgdatum : null;
        v.GewijzigdOp = klok.NuUtc;
        v.GewijzigdDoor = gebruiker.Naam;
        audit.Wijzigen(id, $"Zorgverwijzing: status van '{Omschrijving(van)}' naar '{Omschrijving(v.Status)}' ({Shared.Weergave.Datum(invoer.Datum)})", AuditObject.Van<Zorgverwijzing>(v.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(v.Id);
    }

    /// <summary>
    /// The heading line of the case page: running referrals and whether the re-check is due. Counts only; not audited
    /// separately (the case page audited its read), and only for the case workers who may read the tab.
    /// </summary>
    public async Task<WelzijnKop?> KopAsync(Guid id, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return null;
        if (!await (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct)).AnyAsync(i => i.Id == id, ct)) return null;
        var lopend = await db.Set<Zorgverwijzing>().CountAsync(v => v.InburgeraarId == id && Lopend.Contains(v.Status), ct);
        var laatste = await db.Set<Welzijnsscreening>().Where(s => s.InburgeraarId == id).MaxAsync(s => (DateOnly?)s.Datum, ct);
        var gesprek = await db.Voortgangsgesprekken.Where(g => g.InburgeraarId == id && g.Status == Gespreksstatus.Gehouden).MaxAsync(g => g.Datum, ct);
        if (laatste is null && lopend == 0 && gesprek is null) return null;
        return new WelzijnKop(lopend, HercheckSinds(laatste, gesprek) is not null);
    }

    // ---- portal ------------------------------------------------------------------------------------------------

    /// <summary>The inburgeraar's own referrals (not the screenings), newest first; null for anyone else. Audited.</summary>
    public async Task<IReadOnlyList<Zorgverwijzing>?> EigenAsync(CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (bereik.EigenDossier is not { } id || !bereik.Heeft(Rollen.Inburgeraar)) return null;
        var dossier = await dossiers.InzienAsync(id, "Portaal: eigen zorgverwijzingen bekeken", ct);
        if (dossier is null) return null;
        return await db.Set<Zorgverwijzing>().AsNoTracking().Where(v => v.InburgeraarId == id)
            .OrderByDescending(v => v.AangemeldOp).ThenByDescending(v => v.VastgelegdOp).ToListAsync(ct);
    }

    // ---- worklist ----------------------------------------------------------------------------------------------

    /// <summary>Cases within reach (and the selection) with a well-being re-check due or a referral's follow-up date reached.</summary>
    public async Task<IReadOnlyList<Welzijnstaak>> OpenAsync(Werkvoorraad.Dossierselectie selectie, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return [];
        var vandaag = klok.Vandaag;
        var inBereik = selectie.Pas(await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct)).Where(i => i.GeanonimiseerdOp == null);
        var afsluitend = Domain.Dossier.MijlpaalInfo.Afsluitend.ToList();
        var open = inBereik.Where(i => !i.Mijlpalen.Any(m => afsluitend.Contains(m.Soort)));
        var screenings = db.Set<Welzijnsscreening>();
        var hercheck = await open
            .Select(i => new
            {
                i.Id, i.Voornamen, i.Achternaam, Gemeente = i.Gemeente!.Naam, Regisseur = i.Klantregisseur!.Naam,
                Gesprek = db.Voortgangsgesprekken.Where(g => g.InburgeraarId == i.Id && g.Status == Gespreksstatus.Gehouden).Max(g => g.Datum),
                Screening = screenings.Where(s => s.InburgeraarId == i.Id).Max(s => (DateOnly?)s.Datum),
            })
            .Where(r => r.Gesprek != null && (r.Screening == null || r.Screening < r.Gesprek))
            .ToListAsync(ct);
        var opvolging = await (from v in db.Set<Zorgverwijzing>().AsNoTracking()
                               join i in open on v.InburgeraarId equals i.Id
                               where Lopend.Contains(v.Status) && v.Opvolgdatum != null && v.Opvolgdatum <= vandaag
                               select new { i.Id, i.Voornamen, i.Achternaam, Gemeente = i.Gemeente!.Naam, Regisseur = i.Klantregisseur!.Naam, v.Opvolgdatum, Verwijzing = v.Id })
            .ToListAsync(ct);
        return hercheck.Select(r => new Welzijnstaak(r.Id, $"{r.Voornamen} {r.Achternaam}", r.Gemeente, r.Regisseur, "Hercheck welzijn", r.Gesprek!.Value, null))
            .Concat(opvolging.Select(r => new Welzijnstaak(r.Id, $"{r.Voornamen} {r.Achternaam}", r.Gemeente, r.Regisseur, "Opvolging zorgverwijzing", r.Opvolgdatum!.Value, r.Verwijzing)))
            .OrderBy(t => t.Sinds).ThenBy(t => t.Naam, StringComparer.Ordinal).ToList();
    }

    /// <summary>The worklist section. The line says only what to do, never the signal: the worklist is seen by the whole team.</summary>
    public static Werkvoorraad.Signaalsectie Sectie(IReadOnlyList<Welzijnstaak> taken, DateOnly vandaag) => new(
        "welzijn",
        "Welzijn",
        taken.Select(t => new Werkvoorraad.SignaalRegel(t.InburgeraarId, t.Naam, $"/inburgeraars/{t.InburgeraarId}/welzijn" + (t.VerwijzingId is null ? "#screening" : "#verwijzingen"), t.Soort,
            vandaag.DayNumber - t.Sinds.DayNumber > 28,
            $"{(t.VerwijzingId is null ? "voortgangsgesprek gehouden op" : "opvolgen sinds")} {Shared.Weergave.Datum(t.Sinds)} · {t.Gemeente} · {t.Klantregisseur ?? "niet toegewezen"}")).ToList(),
        "Geen hercheck of opvolging van welzijn die nu openstaat.",
        [new Werkvoorraad.Signaalsectie.Telling("Hercheck", taken.Count(t => t.VerwijzingId is null)), new Werkvoorraad.Signaalsectie.Telling("Opvolging", taken.Count(t => t.VerwijzingId is not null))],
        [],
        "Na elk voortgangsgesprek een nieuwe welzijnsscreening (hercheck), en zorgverwijzingen waarvan de opvolgdatum is bereikt.");

    // ---- texts -------------------------------------------------------------------------------------------------

    public static string Omschrijving(Screeningsmoment m) => m switch
    {
        Screeningsmoment.BredeIntake => "brede intake",
        Screeningsmoment.Voortgangsgesprek => "voortgangsgesprek",
        _ => "tussentijds",
    };

    public static string Omschrijving(Zorgstatus s) => s switch
    {
        Zorgstatus.Aangemeld => "Aangemeld",
        Zorgstatus.ZorgGestart => "Zorg gestart",
        Zorgstatus.Afgerond => "Afgerond",
        Zorgstatus.Afgewezen => "Afgewezen",
        _ => "Gestopt",
    };

    public static string Omschrijving(Zorgsoort z) => z switch
    {
        Zorgsoort.Ggz => "GGZ",
        Zorgsoort.PohGgz => "Praktijkondersteuner GGZ (huisarts)",
        Zorgsoort.Traumazorg => "Traumazorg",
        Zorgsoort.MaatschappelijkWerk => "Maatschappelijk werk",
        _ => "Anders",
    };

    public static string Omschrijving(Welzijnssignaal s) => s switch { Welzijnssignaal.Ja => "Ja", Welzijnssignaal.Nee => "Nee", _ => "Onbekend" };

    public static string Omschrijving(Signaalsoort s) => s switch
    {
        Signaalsoort.Stress => "Stress en zorgen",
        Signaalsoort.Somberheid => "Somberheid",
        Signaalsoort.Angst => "Angst",
        Signaalsoort.Trauma => "Trauma",
        Signaalsoort.Slaapproblemen => "Slaapproblemen",
        Signaalsoort.Verslaving => "Verslaving",
        _ => "Overig",
    };

    public static string Omschrijving(Ernst e) => e switch { Ernst.Licht => "Licht", Ernst.Matig => "Matig", _ => "Ernstig" };

    public static string Omschrijving(Signaalherkomst b) => b switch
    {
        Signaalherkomst.EigenMelding => "Eigen melding",
        Signaalherkomst.Klantregisseur => "Klantregisseur",
        Signaalherkomst.Partner => "Ketenpartner",
        Signaalherkomst.Huisarts => "Huisarts",
        _ => "Anders",
    };
}

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
    DateOnly? HercheckSinds,
    IReadOnlyList<NietStartklaar> NietStartklaar,
    WelzijnInrichting Inrichting)
{
    /// <summary>The open "nog niet startklaar" registration, if any.</summary>
    public NietStartklaar? Open => NietStartklaar.FirstOrDefault(n => n.AfgehandeldOp is null);

    /// <summary>The re-check is due: something is open (a signal, a running referral) and a voortgangsgesprek was held after the last screening.</summary>
    public bool HercheckNodig => HercheckSinds is not null;
}

/// <summary>A municipality's well-being settings as configured, or the defaults.</summary>
public sealed record WelzijnInrichting(Gemeente Gemeente, IReadOnlyList<string> Redenen, int HerbenaderWeken, bool Standaard, DateTime? GewijzigdOp, string? GewijzigdDoor);

/// <summary>A line for the worklist: a re-check due or a referral's follow-up date reached.</summary>
public sealed record Welzijnstaak(Guid InburgeraarId, string Naam, string Gemeente, string? Klantregisseur, string Soort, DateOnly Sinds, Guid? VerwijzingId);

/// <summary>The heading line on the case page: counts only, no content.</summary>
public sealed record WelzijnKop(int Lopend, bool HercheckNodig);

/// <summary>
/// Mental well-being of a case (issue #22; practice source 000:L86-133 via seed-000-002-003-practice.md §6.1 row 1):
/// the screening at the brede intake and its re-check at each voortgangsgesprek, and referrals to GGZ, POH-GGZ or trauma
/// care with their status and follow-up. This is special-category health data (AVG art. 9): only the case workers of
/// the municipality (klantregisseur, teamleider) read or write it, through <see cref="Kern.Toegang"/>; the
/// beleidsmedewerker never sees a person; a chain partner with consent for gezondheid sees only the kind and status of the
/// referrals (<see cref="Partnerportaal.PartnerInzage"/>), never a screening. Every read and write is audited; the audit
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
        var nietStartklaar = await db.Set<NietStartklaar>().AsNoTracking().Where(n => n.InburgeraarId == id)
            .OrderByDescending(n => n.Datum).ThenByDescending(n => n.VastgelegdOp).ToListAsync(ct);
        var laatste = screenings.FirstOrDefault()?.Datum;
        var ietsOpen = screenings.Any(s => s.Datum == laatste && s.Signaal == Welzijnssignaal.Ja) || verwijzingen.Any(v => Lopend.Contains(v.Status));
        return new WelzijnStand(dossier, screenings, verwijzingen, gesprekken, HercheckSinds(laatste, gesprekken.FirstOrDefault()?.Datum, ietsOpen),
            nietStartklaar, await InrichtingVanAsync(dossier.Gemeente!, ct));
    }

    private Task<List<Voortgangsgesprek>> GehoudenAsync(Guid id, CancellationToken ct) =>
        db.Voortgangsgesprekken.AsNoTracking().Where(g => g.InburgeraarId == id && g.Status == Gespreksstatus.Gehouden && g.Datum != null)
            .OrderByDescending(g => g.Datum).ToListAsync(ct);

    /// <summary>
    /// The day since when the re-check is due: the last held voortgangsgesprek when no screening is on or after it, and only
    /// while something is open (<paramref name="ietsOpen"/>: the latest screening found a signal, or a referral is running).
    /// Someone screened without a signal and with no referral running needs no re-check after every conversation: before,
    /// every case with a held voortgangsgesprek reached the worklist, which buried the ones that matter.
    /// </summary>
    public static DateOnly? HercheckSinds(DateOnly? laatsteScreening, DateOnly? laatsteGesprek, bool ietsOpen) =>
        ietsOpen && laatsteGesprek is { } g && (laatsteScreening is not { } s || s < g) ? g : null;

    /// <summary>
    /// The checks of a screening, without storing it: the brede intake form checks the screening before it saves the
    /// leefgebied, so that a refused screening stores neither (one rule set for both screens, not a copy).
    /// </summary>
    public async Task<Dictionary<string, string[]>> ControleerScreeningAsync(Guid id, ScreeningInvoer invoer, CancellationToken ct = default) =>
        (await ControleerAsync(id, invoer, ct)).Fouten;

    private async Task<(Dictionary<string, string[]> Fouten, Voortgangsgesprek? Gesprek)> ControleerAsync(Guid id, ScreeningInvoer invoer, CancellationToken ct)
    {
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
        return (fouten, gesprek);
    }

    /// <summary>
    /// The screening recorded in the brede intake form (issue #22: "structured screening in the brede intake"): the moment
    /// is always the brede intake, never a voortgangsgesprek; the checks and storage are <see cref="ScreeningAsync"/>'s.
    /// </summary>
    public Task<Uitkomst<Guid>> IntakeScreeningAsync(Guid id, ScreeningInvoer invoer, CancellationToken ct = default)
    {
        invoer.Moment = Screeningsmoment.BredeIntake;
        invoer.Voortgangsgesprek = null;
        return ScreeningAsync(id, invoer, ct);
    }

    /// <summary>Whether the user may see and record health data of cases at all (the Welzijn tab's rule); the case itself is checked per read.</summary>
    public async Task<bool> MagGezondheidAsync(CancellationToken ct = default) => (await toegang.BereikAsync(ct)).WerktMetDossiers;

    /// <summary>The screenings recorded at the brede intake of a case within reach, newest first (the intake page audits its own read).</summary>
    public async Task<IReadOnlyList<Welzijnsscreening>?> IntakeScreeningsAsync(Guid id, CancellationToken ct = default)
    {
        if (!await MagGezondheidAsync(ct) || !await toegang.MagDossierAsync(id, ct)) return null;
        return await db.Set<Welzijnsscreening>().AsNoTracking().Where(s => s.InburgeraarId == id && s.Moment == Screeningsmoment.BredeIntake)
            .OrderByDescending(s => s.Datum).ThenByDescending(s => s.VastgelegdOp).ToListAsync(ct);
    }

    public async Task<Uitkomst<Guid>> ScreeningAsync(Guid id, ScreeningInvoer invoer, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return Uitkomst<Guid>.Onbekend();
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var (fouten, gesprek) = await ControleerAsync(id, invoer, ct);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        var datum = invoer.Datum ?? gesprek?.Datum;

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

    /// <summary>A referral of a case the user may change, tracked for the change; null when either is out of reach.</summary>
    private async Task<Zorgverwijzing?> VerwijzingVoorWijzigingAsync(Guid id, Guid verwijzingId, CancellationToken ct)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return null;
        if (await dossiers.LaadVoorWijzigingAsync(id, ct) is null) return null;
        return await db.Set<Zorgverwijzing>().FirstOrDefaultAsync(x => x.Id == verwijzingId && x.InburgeraarId == id, ct);
    }

    public async Task<Uitkomst<Guid>> StatusAsync(Guid id, Guid verwijzingId, ZorgstatusInvoer invoer, CancellationToken ct = default)
    {
        if (await VerwijzingVoorWijzigingAsync(id, verwijzingId, ct) is not { } v) return Uitkomst<Guid>.Onbekend();
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

    /// <summary>How far ahead an appointment may lie: further is taken for a typing error (2062 for 2026).</summary>
    public const int AfspraakMaxDagenVooruit = 366;

    /// <summary>
    /// Records (or with all fields empty removes) the appointment with the care provider on a running referral, so the
    /// inburgeraar sees it in the portal. Not before the referral was made, not more than a year ahead; an ended referral
    /// has no appointment to keep. The audit names the date, not the place.
    /// </summary>
    public async Task<Uitkomst<Guid>> AfspraakAsync(Guid id, Guid verwijzingId, AfspraakInvoer invoer, CancellationToken ct = default)
    {
        if (await VerwijzingVoorWijzigingAsync(id, verwijzingId, ct) is not { } v) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        var plaats = string.IsNullOrWhiteSpace(invoer.Plaats) ? null : invoer.Plaats.Trim();
        var wissen = invoer.Datum is null && invoer.Tijd is null && plaats is null;
        if (!Lopend.Contains(v.Status))
            fouten.Voeg(nameof(invoer.Datum), $"Deze verwijzing is {Omschrijving(v.Status).ToLowerInvariant()}; een afspraak kan alleen bij een lopende verwijzing.");
        else if (invoer.Datum is not { } datum)
        {
            if (!wissen) fouten.Voeg(nameof(invoer.Datum), "Vul de datum van de afspraak in.");
        }
        else if (datum < v.AangemeldOp) fouten.Voeg(nameof(invoer.Datum), $"De afspraak ligt vóór de aanmelding ({Shared.Weergave.Datum(v.AangemeldOp)}).");
        else if (datum > klok.Vandaag.AddDays(AfspraakMaxDagenVooruit)) fouten.Voeg(nameof(invoer.Datum), "De afspraak ligt meer dan een jaar vooruit. Klopt het jaartal?");
        fouten.Lengte(invoer.Plaats, nameof(invoer.Plaats), MaxAanbieder);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        v.AfspraakDatum = invoer.Datum;
        v.AfspraakTijd = wissen ? null : invoer.Tijd;
        v.AfspraakPlaats = wissen ? null : plaats;
        v.GewijzigdOp = klok.NuUtc;
        v.GewijzigdDoor = gebruiker.Naam;
        audit.Wijzigen(id, wissen ? "Zorgverwijzing: afspraak verwijderd"
            : $"Zorgverwijzing: afspraak vastgelegd op {Shared.Weergave.Datum(v.AfspraakDatum)}{(v.AfspraakTijd is { } t ? " om " + t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "")}", AuditObject.Van<Zorgverwijzing>(v.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(v.Id);
    }

    /// <summary>
    /// The appointment the inburgeraar sees in the portal: only one still to come, on a referral still running. One that
    /// has passed or belongs to an ended referral is history the person knows, not something to go to.
    /// </summary>
    public static bool AfspraakKomtNog(Zorgverwijzing v, DateOnly vandaag) => v.AfspraakDatum is { } d && d >= vandaag && Lopend.Contains(v.Status);

    /// <summary>
    /// The heading line of the case page: running referrals and whether the re-check is due. Counts only; not audited
    /// separately (the case page audited its read), and only for the case workers who may read the tab.
    /// </summary>
    private sealed record Kopstand(int Lopend, DateOnly? Laatste, DateOnly? Gesprek, bool Signaal);

    // Compiled (Koers.Data.Gecompileerd): on every case page.
    private static readonly Gecompileerd.Een<Guid, Kopstand?> Stand = Gecompileerd.Rij((KoersDbContext db, Guid id) =>
        db.Inburgeraars.AsNoTracking().Where(i => i.Id == id).Select(i => new Kopstand(
            db.Set<Zorgverwijzing>().Count(v => v.InburgeraarId == id && Lopend.Contains(v.Status)),
            db.Set<Welzijnsscreening>().Where(s => s.InburgeraarId == id).Max(s => (DateOnly?)s.Datum),
            db.Voortgangsgesprekken.Where(g => g.InburgeraarId == id && g.Status == Gespreksstatus.Gehouden).Max(g => g.Datum),
            db.Set<Welzijnsscreening>().Any(s => s.InburgeraarId == id && s.Signaal == Welzijnssignaal.Ja
                && !db.Set<Welzijnsscreening>().Any(later => later.InburgeraarId == id && later.Datum > s.Datum))))
            .FirstOrDefault());

    public async Task<WelzijnKop?> KopAsync(Guid id, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return null;
        if (!await toegang.IsInBereikAsync(id, ct)) return null;
        // One statement for the four figures (the case page counts its statements, issue #21). The signal is that of the
        // newest screening(s): a screening with a signal and none of a later date.
        var stand = await Stand.AlsAsync(db, id, ct);
        if (stand is null || (stand.Laatste is null && stand.Lopend == 0 && stand.Gesprek is null)) return null;
        return new WelzijnKop(stand.Lopend, HercheckSinds(stand.Laatste, stand.Gesprek, stand.Signaal || stand.Lopend > 0) is not null);
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
        // A re-check is only open with a screening that found a signal or a running referral (the Open test below).
        // For a municipality or region, start from those few cases instead of testing every open case of the region
        // with four correlated subqueries (a cost that grew with the region); one klantregisseur's few dozen cases
        // are still cheapest probed one by one. The same set either way: the prefilter is implied by Open.
        var kandidaten = selectie.KlantregisseurId is not null
            ? open
            : open.Where(i => screenings.Where(s => s.Signaal == Welzijnssignaal.Ja).Select(s => s.InburgeraarId)
                .Union(db.Set<Zorgverwijzing>().Where(v => Lopend.Contains(v.Status)).Select(v => v.InburgeraarId)).Contains(i.Id));
        var hercheck = await kandidaten
            .Select(i => new
            {
                i.Id, i.Voornamen, i.Achternaam, Gemeente = i.Gemeente!.Naam, Regisseur = i.Klantregisseur!.Naam,
                Gesprek = db.Voortgangsgesprekken.Where(g => g.InburgeraarId == i.Id && g.Status == Gespreksstatus.Gehouden).Max(g => g.Datum),
                Screening = screenings.Where(s => s.InburgeraarId == i.Id).Max(s => (DateOnly?)s.Datum),
                // Open: the latest screening (day) found a signal, or a referral is running (HercheckSinds, in SQL).
                Open = screenings.Any(s => s.InburgeraarId == i.Id && s.Signaal == Welzijnssignaal.Ja && !screenings.Any(t => t.InburgeraarId == i.Id && t.Datum > s.Datum))
                    || db.Set<Zorgverwijzing>().Any(v => v.InburgeraarId == i.Id && Lopend.Contains(v.Status)),
            })
            .Where(r => r.Open && r.Gesprek != null && (r.Screening == null || r.Screening < r.Gesprek))
            .ToListAsync(ct);
        var opvolging = await (from v in db.Set<Zorgverwijzing>().AsNoTracking()
                               join i in open on v.InburgeraarId equals i.Id
                               where Lopend.Contains(v.Status) && v.Opvolgdatum != null && v.Opvolgdatum <= vandaag
                               select new { i.Id, i.Voornamen, i.Achternaam, Gemeente = i.Gemeente!.Naam, Regisseur = i.Klantregisseur!.Naam, v.Opvolgdatum, Verwijzing = v.Id })
            .ToListAsync(ct);
        var herbenaderen = await (from n in db.Set<NietStartklaar>().AsNoTracking()
                                  join i in open on n.InburgeraarId equals i.Id
                                  where n.AfgehandeldOp == null && n.Herbenaderdatum <= vandaag
                                  select new { i.Id, i.Voornamen, i.Achternaam, Gemeente = i.Gemeente!.Naam, Regisseur = i.Klantregisseur!.Naam, n.Herbenaderdatum })
            .ToListAsync(ct);
        return herbenaderen.Select(r => new Welzijnstaak(r.Id, $"{r.Voornamen} {r.Achternaam}", r.Gemeente, r.Regisseur, Herbenaderen, r.Herbenaderdatum, null))
            .Concat(hercheck.Select(r => new Welzijnstaak(r.Id, $"{r.Voornamen} {r.Achternaam}", r.Gemeente, r.Regisseur, "Hercheck welzijn", r.Gesprek!.Value, null)))
            .Concat(opvolging.Select(r => new Welzijnstaak(r.Id, $"{r.Voornamen} {r.Achternaam}", r.Gemeente, r.Regisseur, "Opvolging zorgverwijzing", r.Opvolgdatum!.Value, r.Verwijzing)))
            .OrderBy(t => t.Sinds).ThenBy(t => t.Naam, StringComparer.Ordinal).ToList();
    }

    public const string Herbenaderen = "Herbenaderen: nog niet startklaar";

    /// <summary>The worklist section. The line says only what to do, never the signal: the worklist is seen by the whole team.</summary>
    public static Werkvoorraad.Signaalsectie Sectie(IReadOnlyList<Welzijnstaak> taken, DateOnly vandaag) => new(
        "welzijn",
        "Welzijn",
        taken.Select(t => new Werkvoorraad.SignaalRegel(t.InburgeraarId, t.Naam, $"/inburgeraars/{t.InburgeraarId}/welzijn" + (t.Soort == Herbenaderen ? "#startklaar" : t.VerwijzingId is null ? "#screening" : "#verwijzingen"), t.Soort,
            vandaag.DayNumber - t.Sinds.DayNumber > 28,
            $"{(t.Soort == Herbenaderen ? "herbenaderen sinds" : t.VerwijzingId is null ? "voortgangsgesprek gehouden op" : "opvolgen sinds")} {Shared.Weergave.Datum(t.Sinds)} · {t.Gemeente} · {t.Klantregisseur ?? "niet toegewezen"}")).ToList(),
        "Geen hercheck of opvolging van welzijn die nu openstaat.",
        [new Werkvoorraad.Signaalsectie.Telling("Herbenaderen", taken.Count(t => t.Soort == Herbenaderen)),
            new Werkvoorraad.Signaalsectie.Telling("Hercheck", taken.Count(t => t.VerwijzingId is null && t.Soort != Herbenaderen)), new Werkvoorraad.Signaalsectie.Telling("Opvolging", taken.Count(t => t.VerwijzingId is not null))],
        [],
        "Na een voortgangsgesprek een nieuwe welzijnsscreening (hercheck) zolang er een signaal of lopende zorgverwijzing is, zorgverwijzingen waarvan de opvolgdatum is bereikt, en wie nog niet startklaar was en nu opnieuw benaderd moet worden.");

    // ---- nog niet startklaar ------------------------------------------------------------------------------------

    /// <summary>
    /// The default reasons: the practice sources name why people in the AZC do not want to start yet, "psychische klachten,
    /// zorgen rondom gezinshereniging en werk" (000:L201-203, via seed-000-002-003-practice.md §3.3, line 338).
    /// </summary>
    public static readonly IReadOnlyList<string> StandaardRedenen = ["Psychische klachten", "Zorgen rondom gezinshereniging", "Werk"];

    /// <summary>The default recontact term: the practice notes give "next recontact date (2–3 months)" (seed-000-002-003-practice.md §3.3, line 338); 12 weeks.</summary>
    public const int StandaardHerbenaderWeken = 12;

    public const int MaxRedenen = 20;
    public const int MaxReden = 100;

    public Task<List<Gemeente>> GemeentenAsync(CancellationToken ct = default) => toegang.GemeentenInBereikAsync(ct);

    /// <summary>The settings of a municipality within the user's reach, or null.</summary>
    public async Task<WelzijnInrichting?> InrichtingAsync(string? gemeenteCode, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(gemeenteCode)) return null;
        var code = gemeenteCode.Trim().ToUpperInvariant();
        var gemeente = await db.Gemeenten.AsNoTracking().FirstOrDefaultAsync(g => g.Code == code, ct);
        if (gemeente is null || !(await toegang.BereikAsync(ct)).Gemeenten.Contains(gemeente.Id)) return null;
        return await InrichtingVanAsync(gemeente, ct);
    }

    private async Task<WelzijnInrichting> InrichtingVanAsync(Gemeente gemeente, CancellationToken ct)
    {
        var rij = await db.Set<WelzijnInstelling>().AsNoTracking().FirstOrDefaultAsync(x => x.GemeenteId == gemeente.Id, ct);
        if (rij is null) return new(gemeente, StandaardRedenen, StandaardHerbenaderWeken, true, null, null);
        return new(gemeente, rij.Redenen.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), rij.HerbenaderWeken, false, rij.GewijzigdOp, rij.GewijzigdDoor);
    }

    public async Task<Uitkomst<string>> InrichtingOpslaanAsync(string gemeenteCode, WelzijnInstellingenInvoer invoer, CancellationToken ct = default)
    {
        var huidig = await InrichtingAsync(gemeenteCode, ct);
        if (huidig is null) return Uitkomst<string>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        var redenen = (invoer.Redenen ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (redenen.Count == 0) fouten.Voeg(nameof(invoer.Redenen), "Geef ten minste één reden.");
        else if (redenen.Count > MaxRedenen) fouten.Voeg(nameof(invoer.Redenen), $"Hoogstens {MaxRedenen} redenen.");
        foreach (var r in redenen.Where(r => r.Length > MaxReden)) fouten.Voeg(nameof(invoer.Redenen), $"Een reden is hoogstens {MaxReden} tekens ('{r[..20]}…').");
        if (invoer.HerbenaderWeken is not { } weken || weken < 1 || weken > 52) fouten.Voeg(nameof(invoer.HerbenaderWeken), "Vul een termijn van 1 tot en met 52 weken in.");
        if (fouten.Count > 0) return Uitkomst<string>.Geweigerd(fouten);

        var gemeente = huidig.Gemeente;
        var rij = await db.Set<WelzijnInstelling>().FirstOrDefaultAsync(x => x.GemeenteId == gemeente.Id, ct);
        if (rij is null)
        {
            rij = new WelzijnInstelling { GemeenteId = gemeente.Id };
            db.Add(rij);
        }

        rij.Redenen = string.Join("\n", redenen);
        rij.HerbenaderWeken = invoer.HerbenaderWeken!.Value;
        audit.Schrijf(AuditActie.Wijzigen, null, $"Welzijn gemeente {gemeente.Naam}: {redenen.Count} redenen 'nog niet startklaar', herbenaderen na {rij.HerbenaderWeken} weken");
        await db.SaveChangesAsync(ct);
        return Uitkomst<string>.Ok(gemeente.Code);
    }

    /// <summary>Registers "nog niet startklaar" with reasons and a recontact date (by default the municipality's term); an earlier open one is closed.</summary>
    public async Task<Uitkomst<Guid>> NietStartklaarAsync(Guid id, NietStartklaarInvoer invoer, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return Uitkomst<Guid>.Onbekend();
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var inrichting = await InrichtingVanAsync(dossier.Gemeente!, ct);
        var fouten = Veldfouten.Nieuw();
        var redenen = (invoer.Redenen ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (redenen.Count == 0) fouten.Voeg(nameof(invoer.Redenen), "Kies ten minste één reden.");
        foreach (var r in redenen.Where(r => !inrichting.Redenen.Contains(r, StringComparer.Ordinal)))
            fouten.Voeg(nameof(invoer.Redenen), $"'{(r.Length > 40 ? r[..40] : r)}' is geen reden van gemeente {inrichting.Gemeente.Naam}.");
        if (invoer.Datum is not { } datum) fouten.Voeg(nameof(invoer.Datum), "Vul de datum in.");
        else if (datum > klok.Vandaag) fouten.Voeg(nameof(invoer.Datum), "De datum ligt in de toekomst.");
        var herbenader = invoer.Herbenaderdatum ?? invoer.Datum?.AddDays(7 * inrichting.HerbenaderWeken);
        if (invoer.Herbenaderdatum is { } h && invoer.Datum is { } d2 && h <= d2) fouten.Voeg(nameof(invoer.Herbenaderdatum), "De datum om opnieuw te benaderen ligt niet na de datum.");
        fouten.Lengte(invoer.Toelichting, nameof(invoer.Toelichting), MaxTekst);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        foreach (var eerder in await db.Set<NietStartklaar>().Where(n => n.InburgeraarId == id && n.AfgehandeldOp == null).ToListAsync(ct))
            eerder.AfgehandeldOp = invoer.Datum;
        var n = new NietStartklaar
        {
            Id = Guid.NewGuid(), InburgeraarId = id, Redenen = string.Join("\n", redenen), Datum = invoer.Datum!.Value, Herbenaderdatum = herbenader!.Value,
            Toelichting = string.IsNullOrWhiteSpace(invoer.Toelichting) ? null : invoer.Toelichting.Trim(), VastgelegdOp = klok.NuUtc, VastgelegdDoor = gebruiker.Naam,
        };
        db.Add(n);
        // Not the reasons: they can be health data.
        audit.Aanmaken(id, $"Nog niet startklaar vastgelegd, herbenaderen op {Shared.Weergave.Datum(n.Herbenaderdatum)}", AuditObject.Van<NietStartklaar>(n.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(n.Id);
    }

    /// <summary>The inburgeraar was contacted again and is startklaar: the open registration closes and leaves the worklist.</summary>
    public async Task<Uitkomst<Guid>> StartklaarAsync(Guid id, DateOnly? datum, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return Uitkomst<Guid>.Onbekend();
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var open = await db.Set<NietStartklaar>().FirstOrDefaultAsync(n => n.InburgeraarId == id && n.AfgehandeldOp == null, ct);
        var fouten = Veldfouten.Nieuw();
        if (open is null) fouten.Voeg("Datum", "Er staat geen 'nog niet startklaar' open.");
        else if (datum is not { } d) fouten.Voeg("Datum", "Vul de datum in.");
        else if (d > klok.Vandaag) fouten.Voeg("Datum", "De datum ligt in de toekomst.");
        else if (d < open.Datum) fouten.Voeg("Datum", $"De datum ligt vóór {Shared.Weergave.Datum(open.Datum)}.");
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        open!.AfgehandeldOp = datum;
        audit.Wijzigen(id, $"Startklaar op {Shared.Weergave.Datum(datum)}", AuditObject.Van<NietStartklaar>(open.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(open.Id);
    }

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

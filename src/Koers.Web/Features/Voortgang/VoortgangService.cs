using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using NotificatieSoort = Koers.Data.Model.NotificatieSoort;
using Koers.Domain.Dossier;
using Koers.Domain.Voortgang;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Voortgang;

public sealed record WeekUren(DateOnly Week, decimal Uren, decimal Afwezig, decimal AfwezigOngemeld);

/// <summary>Everything the Voortgang tab shows of one case.</summary>
public sealed record VoortgangStand(
    Inburgeraar Dossier,
    IReadOnlyList<NormVoortgang> Normen,
    UrenTotalen Totalen,
    decimal AfwezigTotaal,
    int? AfwezigProcent,
    int? AfwezigProcentRecent,
    IReadOnlyList<WeekUren> Weken,
    IReadOnlyList<Urenregistratie> Uren,
    IReadOnlyList<Vaardigheidsvoortgang> Vaardigheden,
    IReadOnlyList<Examenresultaat> Examens,
    IReadOnlyList<Voortgangssignaal> Signalen,
    IReadOnlyList<Voortgangsgesprek> Gesprekken,
    DateOnly? VolgendGesprekUiterlijk,
    IReadOnlyDictionary<int, string> Partners)
{
    public string Partner(int? id) => id is { } p ? Partners.GetValueOrDefault(p, $"ketenpartner {p}") : "gemeente";

    /// <summary>The newest estimate per skill.</summary>
    public IEnumerable<Vaardigheidsvoortgang> Actueel => Vaardigheden.GroupBy(v => v.Vaardigheid).Select(g => g.First()).OrderBy(v => v.Vaardigheid);
}

/// <summary>One consented case in a partner's list; the name only when the consent includes Basisgegevens.</summary>
public sealed record PartnerDossierRegel(Guid Id, string Weergave, DateOnly? LaatsteWeek, decimal UrenLaatsteWeek, int OpenSignalen);

public sealed record PartnerDossier(Guid Id, string Weergave, string Partner, IReadOnlyList<Urenregistratie> Uren,
    IReadOnlyList<Vaardigheidsvoortgang> Vaardigheden, IReadOnlyList<Examenresultaat> Examens, IReadOnlyList<Voortgangssignaal> Signalen);

public sealed record VoortgangSignaalRegel(Guid Id, Guid InburgeraarId, string Naam, string Gemeente, string? Klantregisseur, Voortgangssignaalsoort Soort,
    DateOnly Datum, string Notitie, string Melder);

/// <summary>Progress of a case for the klantregisseur (hours against the PIP's norms, skills, exams, signals) and the progress talks.</summary>
public sealed class VoortgangService(KoersDbContext db, Klok klok, HuidigeGebruiker gebruiker, Kern.Toegang toegang, DossierService dossiers,
    Berichten.BerichtOutbox berichten)
{
    public const int WekenInGrafiek = 16;

    public async Task<VoortgangStand?> HaalAsync(Guid id, string doel, CancellationToken ct = default)
    {
        var dossier = await dossiers.InzienAsync(id, doel, ct);
        if (dossier is null) return null;

        var uren = await db.Urenregistraties.AsNoTracking().Where(u => u.InburgeraarId == id).ToListAsync(ct);
        decimal Som(Urensoort s) => uren.Where(u => u.Soort == s).Sum(u => u.Uren);
        var totalen = new UrenTotalen(Som(Urensoort.Taal), Som(Urensoort.Knm), Som(Urensoort.Participatie), Som(Urensoort.MapTheorie), Som(Urensoort.MapPraktijk), Som(Urensoort.Pvt),
            Som(Urensoort.Arbeidsparticipatie), Som(Urensoort.Vrijwilligerswerk), Som(Urensoort.MaatschappelijkeParticipatie));
        var feiten = dossier.Feiten();
        var dezeWeek = Week.Maandag(klok.Vandaag);
        var weken = Enumerable.Range(0, WekenInGrafiek).Select(i => dezeWeek.AddDays(-7 * (WekenInGrafiek - 1 - i)))
            .Select(w => new WeekUren(w, uren.Where(u => u.Week == w).Sum(u => u.Uren), uren.Where(u => u.Week == w).Sum(u => u.AfwezigUren),
                uren.Where(u => u.Week == w && !u.AfwezigGemeld).Sum(u => u.AfwezigUren)))
            .ToList();
        var recent = uren.Where(u => u.Week > dezeWeek.AddDays(-28)).ToList();

        var partnerIds = uren.Select(u => u.PartnerorganisatieId).OfType<int>().ToHashSet();
        var vaardigheden = await db.Vaardigheidsvoortgang.AsNoTracking().Where(v => v.InburgeraarId == id)
            .OrderByDescending(v => v.Datum).ThenByDescending(v => v.VastgelegdOp).ToListAsync(ct);
        var examens = await db.Examenresultaten.AsNoTracking().Where(e => e.InburgeraarId == id).OrderByDescending(e => e.Datum).ToListAsync(ct);
        var signalen = await db.Voortgangssignalen.AsNoTracking().Where(s => s.InburgeraarId == id).OrderByDescending(s => s.Datum).ThenByDescending(s => s.VastgelegdOp).ToListAsync(ct);
        var gesprekken = await db.Voortgangsgesprekken.AsNoTracking().Include(g => g.Afspraken).Where(g => g.InburgeraarId == id)
            .OrderByDescending(g => g.GeplandOp).ToListAsync(ct);
        partnerIds.UnionWith(vaardigheden.Select(v => v.PartnerorganisatieId).OfType<int>());
        partnerIds.UnionWith(examens.Select(v => v.PartnerorganisatieId).OfType<int>());
        partnerIds.UnionWith(signalen.Select(v => v.PartnerorganisatieId).OfType<int>());
        var partners = await db.Partnerorganisaties.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Naam, ct);

        return new VoortgangStand(dossier, Voortgangsberekening.Bereken(feiten, totalen), totalen, uren.Sum(u => u.AfwezigUren),
            Voortgangsberekening.AfwezigheidsProcent(uren.Sum(u => u.Uren), uren.Sum(u => u.AfwezigUren)),
            Voortgangsberekening.AfwezigheidsProcent(recent.Sum(u => u.Uren), recent.Sum(u => u.AfwezigUren)),
            weken, uren.OrderByDescending(u => u.Week).ThenBy(u => u.Soort).Take(40).ToList(), vaardigheden, examens, signalen, gesprekken,
            Gespreksplanning.VolgendeUiterlijk(feiten, dossier.Gemeente!.Instellingen), partners);
    }

    public async Task<Uitkomst<Guid>> PlanAsync(Guid id, GesprekPlanInvoer invoer, CancellationToken ct = default)
    {
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var fouten = ControleerPlanning(invoer);
        if (dossier.Feiten().Datum(Mijlpaal.PipVastgesteld) is null) fouten.Voeg(nameof(invoer.GeplandOp), "Er is nog geen PIP vastgesteld; voortgangsgesprekken volgen na het PIP.");
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var gesprek = new Voortgangsgesprek
        {
            Id = Guid.NewGuid(), InburgeraarId = id, GeplandOp = invoer.GeplandOp!.Value, Tijd = invoer.Tijd, Locatie = Leeg(invoer.Locatie),
            Status = Gespreksstatus.Gepland, VastgelegdOp = klok.NuUtc, VastgelegdDoor = gebruiker.Naam,
        };
        db.Voortgangsgesprekken.Add(gesprek);
        dossiers.Audit(AuditActie.Wijzigen, id, $"Voortgangsgesprek gepland op {gesprek.GeplandOp:dd-MM-yyyy}{(gesprek.Tijd is { } t ? $" om {t:HH\\:mm}" : "")}");
        // The invitation (with calendar entry) is queued in the same transaction as the talk.
        await berichten.AfspraakAsync(gesprek, NotificatieSoort.AfspraakGepland, ct);
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(gesprek.Id);
    }

    /// <summary>Moves a planned talk (day, time, place). The inburgeraar's calendar entry is updated (same UID, higher SEQUENCE).</summary>
    public async Task<Uitkomst<Guid>> VerplaatsAsync(Guid id, Guid gesprekId, GesprekPlanInvoer invoer, CancellationToken ct = default)
    {
        var gesprek = await GeplandAsync(id, gesprekId, ct);
        if (gesprek is null) return Uitkomst<Guid>.Onbekend();
        var fouten = ControleerPlanning(invoer);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        var locatie = Leeg(invoer.Locatie);
        if (gesprek.GeplandOp == invoer.GeplandOp && gesprek.Tijd == invoer.Tijd && gesprek.Locatie == locatie) return Uitkomst<Guid>.Ok(gesprek.Id);
        gesprek.GeplandOp = invoer.GeplandOp!.Value;
        gesprek.Tijd = invoer.Tijd;
        gesprek.Locatie = locatie;
        gesprek.Volgnummer++;
        gesprek.VastgelegdOp = klok.NuUtc;
        gesprek.VastgelegdDoor = gebruiker.Naam;
        dossiers.Audit(AuditActie.Wijzigen, id, $"Voortgangsgesprek verplaatst naar {gesprek.GeplandOp:dd-MM-yyyy}{(gesprek.Tijd is { } t ? $" om {t:HH\\:mm}" : "")}");
        await berichten.AfspraakAsync(gesprek, NotificatieSoort.AfspraakGewijzigd, ct);
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(gesprek.Id);
    }

    /// <summary>Cancels a planned talk; the inburgeraar gets a calendar cancellation (METHOD CANCEL) when opted in.</summary>
    public async Task<Uitkomst<Guid>> AnnuleerAsync(Guid id, Guid gesprekId, CancellationToken ct = default)
    {
        var gesprek = await GeplandAsync(id, gesprekId, ct);
        if (gesprek is null) return Uitkomst<Guid>.Onbekend();
        gesprek.Status = Gespreksstatus.Geannuleerd;
        gesprek.Volgnummer++;
        gesprek.VastgelegdOp = klok.NuUtc;
        gesprek.VastgelegdDoor = gebruiker.Naam;
        dossiers.Audit(AuditActie.Wijzigen, id, $"Voortgangsgesprek van {gesprek.GeplandOp:dd-MM-yyyy} geannuleerd");
        await berichten.AfspraakAsync(gesprek, NotificatieSoort.AfspraakGeannuleerd, ct);
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(gesprek.Id);
    }

    private async Task<Voortgangsgesprek?> GeplandAsync(Guid id, Guid gesprekId, CancellationToken ct)
    {
        if (await dossiers.LaadVoorWijzigingAsync(id, ct) is null) return null;
        return await db.Voortgangsgesprekken.FirstOrDefaultAsync(g => g.Id == gesprekId && g.InburgeraarId == id && g.Status == Gespreksstatus.Gepland, ct);
    }

    private Dictionary<string, string[]> ControleerPlanning(GesprekPlanInvoer invoer)
    {
        var fouten = Veldfouten.Nieuw();
        if (invoer.GeplandOp is not { } datum) fouten.Voeg(nameof(invoer.GeplandOp), "Vul de datum van het gesprek in.");
        else if (datum < klok.Vandaag) fouten.Voeg(nameof(invoer.GeplandOp), "Die datum is voorbij. Leg een gevoerd gesprek vast met ‘Gesprek vastleggen’.");
        else if (datum > klok.Vandaag.AddYears(1)) fouten.Voeg(nameof(invoer.GeplandOp), "Plan hoogstens een jaar vooruit.");
        if (invoer.Tijd is { } tijd && (tijd < new TimeOnly(7, 0) || tijd > new TimeOnly(21, 0))) fouten.Voeg(nameof(invoer.Tijd), "Plan het gesprek tussen 07:00 en 21:00 uur.");
        if (invoer.Locatie?.Trim().Length > 300) fouten.Voeg(nameof(invoer.Locatie), "De plaats is hoogstens 300 tekens.");
        return fouten;
    }

    private static string? Leeg(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>
    /// Records a talk as held (report and agreed actions) or as a no-show; for a talk not planned in Koers, pass no
    /// talk id. A held talk sets the milestone 'last progress talk', so the legal clock plans the next one.
    /// </summary>
    public async Task<Uitkomst<Guid>> VastleggenAsync(Guid id, Guid? gesprekId, GesprekVerslagInvoer invoer, CancellationToken ct = default)
    {
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        Voortgangsgesprek? gesprek = null;
        if (gesprekId is { } gid)
        {
            gesprek = await db.Voortgangsgesprekken.Include(g => g.Afspraken).FirstOrDefaultAsync(g => g.Id == gid && g.InburgeraarId == id, ct);
            if (gesprek is null) return Uitkomst<Guid>.Onbekend();
        }

        var fouten = Veldfouten.Nieuw();
        if (invoer.Status is not ({ } status and (Gespreksstatus.Gehouden or Gespreksstatus.NietVerschenen)))
        {
            fouten.Voeg(nameof(invoer.Status), "Kies of het gesprek is gehouden of dat de inburgeraar niet verscheen.");
        }

        if (invoer.Datum is not { } datum) fouten.Voeg(nameof(invoer.Datum), "Vul de datum van het gesprek in.");
        else foreach (var o in Gespreksplanning.ControleerUitvoering(dossier.Feiten(), datum, klok.Vandaag)) fouten.Voeg(nameof(invoer.Datum), o.Melding);
        if (invoer.Status == Gespreksstatus.Gehouden && string.IsNullOrWhiteSpace(invoer.Verslag)) fouten.Voeg(nameof(invoer.Verslag), "Schrijf een kort verslag van het gesprek.");
        if (invoer.Verslag?.Trim().Length > 8000) fouten.Voeg(nameof(invoer.Verslag), "Het verslag is hoogstens 8000 tekens.");
        if (invoer.Aanwezigen?.Trim().Length > 500) fouten.Voeg(nameof(invoer.Aanwezigen), "Hoogstens 500 tekens.");
        var afspraken = (invoer.Afspraken ?? []).Where(a => !string.IsNullOrWhiteSpace(a.Omschrijving) || !string.IsNullOrWhiteSpace(a.Eigenaar) || a.Uiterlijk is not null).ToList();
        for (var i = 0; i < afspraken.Count; i++)
        {
            var a = afspraken[i];
            if (string.IsNullOrWhiteSpace(a.Omschrijving)) fouten.Voeg($"Afspraken[{i}].Omschrijving", $"Afspraak {i + 1}: beschrijf wat er is afgesproken.");
            else if (a.Omschrijving.Trim().Length > 1000) fouten.Voeg($"Afspraken[{i}].Omschrijving", $"Afspraak {i + 1}: hoogstens 1000 tekens.");
            if (string.IsNullOrWhiteSpace(a.Eigenaar)) fouten.Voeg($"Afspraken[{i}].Eigenaar", $"Afspraak {i + 1}: vul in wie dit doet.");
            else if (a.Eigenaar.Trim().Length > 200) fouten.Voeg($"Afspraken[{i}].Eigenaar", $"Afspraak {i + 1}: hoogstens 200 tekens.");
            if (a.Uiterlijk is { } u && invoer.Datum is { } d && u < d) fouten.Voeg($"Afspraken[{i}].Uiterlijk", $"Afspraak {i + 1}: de uiterste datum ligt vóór het gesprek.");
        }

        if (invoer.Status == Gespreksstatus.NietVerschenen && afspraken.Count > 0) fouten.Voeg(nameof(invoer.Afspraken), "Bij een gesprek waarvoor de inburgeraar niet verscheen, zijn geen afspraken gemaakt.");
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        if (gesprek is null)
        {
            gesprek = new Voortgangsgesprek { Id = Guid.NewGuid(), InburgeraarId = id, GeplandOp = invoer.Datum!.Value, VastgelegdDoor = gebruiker.Naam };
            db.Voortgangsgesprekken.Add(gesprek);
        }

        gesprek.Status = invoer.Status!.Value;
        gesprek.Datum = invoer.Datum!.Value;
        gesprek.Aanwezigen = string.IsNullOrWhiteSpace(invoer.Aanwezigen) ? null : invoer.Aanwezigen.Trim();
        gesprek.Verslag = string.IsNullOrWhiteSpace(invoer.Verslag) ? null : invoer.Verslag.Trim();
        gesprek.VastgelegdOp = klok.NuUtc;
        gesprek.VastgelegdDoor = gebruiker.Naam;
        gesprek.Afspraken.Clear();
        gesprek.Afspraken.AddRange(afspraken.Select(a => new Voortgangsafspraak
        {
            Omschrijving = a.Omschrijving!.Trim(), Eigenaar = a.Eigenaar!.Trim(), Uiterlijk = a.Uiterlijk, Gedaan = a.Gedaan,
        }));

        if (gesprek.Status == Gespreksstatus.Gehouden)
        {
            var nieuw = Gespreksplanning.NieuweLaatste(dossier.Feiten().Datum(Mijlpaal.LaatsteVoortgangsgesprek), gesprek.Datum.Value);
            var overtredingen = dossiers.PasMijlpalenToe(dossier, new Dictionary<Mijlpaal, DateOnly?> { [Mijlpaal.LaatsteVoortgangsgesprek] = nieuw }, "Voortgangsgesprek gehouden");
            if (overtredingen.Count > 0) return Uitkomst<Guid>.Geweigerd(new() { [nameof(invoer.Datum)] = overtredingen.Select(o => o.Melding).ToArray() });
        }

        dossiers.Audit(AuditActie.Wijzigen, id, $"Voortgangsgesprek van {gesprek.Datum:dd-MM-yyyy} vastgelegd: {gesprek.Status.Omschrijving().InZin()}, {gesprek.Afspraken.Count} afspraak/afspraken");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(gesprek.Id);
    }

    public async Task<Uitkomst<Guid>> AfspraakAsync(Guid id, long afspraakId, bool gedaan, CancellationToken ct = default)
    {
        if (!await toegang.MagDossierAsync(id, ct) || !(await toegang.BereikAsync(ct)).WerktMetDossiers) return Uitkomst<Guid>.Onbekend();
        var afspraak = await db.Set<Voortgangsafspraak>()
            .Where(a => a.Id == afspraakId && db.Voortgangsgesprekken.Any(g => g.Id == a.VoortgangsgesprekId && g.InburgeraarId == id))
            .FirstOrDefaultAsync(ct);
        if (afspraak is null) return Uitkomst<Guid>.Onbekend();
        if (afspraak.Gedaan != gedaan)
        {
            afspraak.Gedaan = gedaan;
            dossiers.Audit(AuditActie.Wijzigen, id, $"Afspraak uit voortgangsgesprek {(gedaan ? "gedaan" : "weer open")}");
            await db.SaveChangesAsync(ct);
        }

        return Uitkomst<Guid>.Ok(afspraak.VoortgangsgesprekId);
    }

    public async Task<Uitkomst<Guid>> SignaalAfhandelenAsync(Guid id, Guid signaalId, AfhandelInvoer invoer, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers || !await toegang.MagDossierAsync(id, ct)) return Uitkomst<Guid>.Onbekend();
        var signaal = await db.Voortgangssignalen.FirstOrDefaultAsync(s => s.Id == signaalId && s.InburgeraarId == id, ct);
        if (signaal is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (string.IsNullOrWhiteSpace(invoer.Afhandeling)) fouten.Voeg(nameof(invoer.Afhandeling), "Beschrijf wat er met het signaal is gedaan.");
        else if (invoer.Afhandeling.Trim().Length > 2000) fouten.Voeg(nameof(invoer.Afhandeling), "Hoogstens 2000 tekens.");
        if (signaal.AfgehandeldOp is not null) fouten.Voeg(nameof(invoer.Afhandeling), "Dit signaal is al afgehandeld.");
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        signaal.AfgehandeldOp = klok.NuUtc;
        signaal.AfgehandeldDoor = gebruiker.Naam;
        signaal.Afhandeling = invoer.Afhandeling!.Trim();
        dossiers.Audit(AuditActie.Wijzigen, id, $"Voortgangssignaal '{signaal.Soort.Omschrijving()}' afgehandeld");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(signaal.Id);
    }

    /// <summary>Open signals of the cases within the staff user's reach, newest first, for the worklist.</summary>
    public async Task<IReadOnlyList<VoortgangSignaalRegel>> OpenSignalenAsync(Werkvoorraad.Dossierselectie selectie, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return [];
        var dossiersInBereik = selectie.Pas(await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct));

        var rijen = await (from s in db.Voortgangssignalen.AsNoTracking()
                           join i in dossiersInBereik on s.InburgeraarId equals i.Id
                           where s.AfgehandeldOp == null
                           orderby s.Datum descending
                           select new { s.Id, s.InburgeraarId, i.Voornamen, i.Achternaam, Gemeente = i.Gemeente!.Naam, Regisseur = i.Klantregisseur!.Naam, s.Soort, s.Datum, s.Notitie, s.PartnerorganisatieId })
            .Take(200).ToListAsync(ct);
        var ids = rijen.Select(r => r.PartnerorganisatieId).OfType<int>().Distinct().ToList();
        // Most pages have no partner signal: then there is no name to look up.
        var namen = ids.Count == 0 ? [] : await db.Partnerorganisaties.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Naam, ct);
        return rijen.Select(r => new VoortgangSignaalRegel(r.Id, r.InburgeraarId, $"{r.Voornamen} {r.Achternaam}", r.Gemeente, r.Regisseur, r.Soort, r.Datum,
            r.Notitie.Length > 120 ? r.Notitie[..120] + "…" : r.Notitie, r.PartnerorganisatieId is { } p ? namen.GetValueOrDefault(p, "ketenpartner") : "gemeente")).ToList();
    }

    // ---- partner views ------------------------------------------------------------------------------------------

    /// <summary>The partner's consented cases (Voortgang), with the name only where Basisgegevens are consented too.</summary>
    public async Task<IReadOnlyList<PartnerDossierRegel>> PartnerLijstAsync(CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (!bereik.IsPartner) return [];
        var partner = bereik.PartnerorganisatieId!.Value;
        var zichtbaar = await toegang.PartnerDossiersAsync(db.Inburgeraars.AsNoTracking(), Gegevenscategorie.Voortgang, ct);
        var basis = await toegang.PartnerDossiersAsync(db.Inburgeraars.AsNoTracking(), Gegevenscategorie.Voortgang | Gegevenscategorie.Basisgegevens, ct);
        var lijst = await zichtbaar.Select(i => new { i.Id, i.Voornamen, i.Achternaam }).ToListAsync(ct);
        var metNaam = (await basis.Select(i => i.Id).ToListAsync(ct)).ToHashSet();
        var ids = lijst.Select(l => l.Id).ToList();
        var uren = await db.Urenregistraties.AsNoTracking().Where(u => u.PartnerorganisatieId == partner && ids.Contains(u.InburgeraarId))
            .GroupBy(u => new { u.InburgeraarId, u.Week }).Select(g => new { g.Key.InburgeraarId, g.Key.Week, Uren = g.Sum(x => x.Uren) }).ToListAsync(ct);
        var signalen = await db.Voortgangssignalen.AsNoTracking().Where(s => s.PartnerorganisatieId == partner && s.AfgehandeldOp == null && ids.Contains(s.InburgeraarId))
            .GroupBy(s => s.InburgeraarId).Select(g => new { g.Key, Aantal = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Aantal, ct);
        return lijst.Select(l =>
            {
                var laatste = uren.Where(u => u.InburgeraarId == l.Id).MaxBy(u => u.Week);
                return new PartnerDossierRegel(l.Id, metNaam.Contains(l.Id) ? $"{l.Voornamen} {l.Achternaam}" : Anoniem(l.Id), laatste?.Week, laatste?.Uren ?? 0, signalen.GetValueOrDefault(l.Id));
            })
            .OrderBy(r => r.Weergave, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>What the partner itself reported on one consented case; every read is written to the audit log.</summary>
    public async Task<PartnerDossier?> PartnerDossierAsync(Guid id, CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (!bereik.IsPartner || !await toegang.MagPartnerAsync(id, Gegevenscategorie.Voortgang, ct)) return null;
        var partner = bereik.PartnerorganisatieId!.Value;
        var naam = await (await toegang.PartnerDossiersAsync(db.Inburgeraars.AsNoTracking(), Gegevenscategorie.Voortgang | Gegevenscategorie.Basisgegevens, ct))
            .Where(i => i.Id == id).Select(i => i.Voornamen + " " + i.Achternaam).FirstOrDefaultAsync(ct);
        var organisatie = await db.Partnerorganisaties.AsNoTracking().Where(p => p.Id == partner).Select(p => p.Naam).FirstAsync(ct);
        var uren = await db.Urenregistraties.AsNoTracking().Where(u => u.InburgeraarId == id && u.PartnerorganisatieId == partner)
            .OrderByDescending(u => u.Week).ThenBy(u => u.Soort).Take(60).ToListAsync(ct);
        var vaardigheden = await db.Vaardigheidsvoortgang.AsNoTracking().Where(v => v.InburgeraarId == id && v.PartnerorganisatieId == partner)
            .OrderByDescending(v => v.Datum).ToListAsync(ct);
        var examens = await db.Examenresultaten.AsNoTracking().Where(e => e.InburgeraarId == id && e.PartnerorganisatieId == partner)
            .OrderByDescending(e => e.Datum).ToListAsync(ct);
        var signalen = await db.Voortgangssignalen.AsNoTracking().Where(s => s.InburgeraarId == id && s.PartnerorganisatieId == partner)
            .OrderByDescending(s => s.Datum).ToListAsync(ct);
        dossiers.Audit(AuditActie.Inzien, id, $"Ketenpartner {organisatie}: voortgang bekeken");
        await db.SaveChangesAsync(ct);
        return new PartnerDossier(id, naam ?? Anoniem(id), organisatie, uren, vaardigheden, examens, signalen);
    }

    private static string Anoniem(Guid id) => $"Inburgeraar {id.ToString()[..8]}";

    /// <summary>The worklist section of open partner signals.</summary>
    public static Werkvoorraad.Signaalsectie Sectie(IReadOnlyList<VoortgangSignaalRegel> signalen) => new(
        "signalen-voortgang",
        "Signalen voortgang",
        signalen.Select(x => new Werkvoorraad.SignaalRegel(x.InburgeraarId, x.Naam, $"/inburgeraars/{x.InburgeraarId}/voortgang#signalen", x.Soort.Omschrijving(),
            x.Soort == Voortgangssignaalsoort.Uitval,
            $"{Shared.Weergave.Datum(x.Datum)} · {x.Melder}: {x.Notitie} · {x.Klantregisseur ?? "niet toegewezen"}")).ToList(),
        "Geen open signalen van ketenpartners.",
        Enum.GetValues<Voortgangssignaalsoort>().Select(s => new Werkvoorraad.Signaalsectie.Telling(s.Omschrijving(), signalen.Count(x => x.Soort == s))).ToList(),
        []);
}

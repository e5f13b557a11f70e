using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Monitor;
using Koers.Web.Features.Monitor;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Koers.Web.Features.Logistiek;

/// <summary>A municipality's logistics settings as configured, or the defaults.</summary>
public sealed record LogistiekInrichting(Gemeente Gemeente, int MaxReistijdMinuten, int VervoerEindeDagen, int MaxTussenpozeDagen, IReadOnlyList<string> Kernen,
    bool Standaard, DateTime? GewijzigdOp, string? GewijzigdDoor);

/// <summary>Everything the Reizen tab shows of one case.</summary>
public sealed record LogistiekStand(
    Inburgeraar Dossier,
    Reisprofiel? Profiel,
    IReadOnlyList<Vervoersvoorziening> Voorzieningen,
    IReadOnlyList<Traject> Trajecten,
    IReadOnlyList<Tussenpoze> Tussenpozen,
    LogistiekInrichting Inrichting,
    IReadOnlyList<string> Leslocaties,
    DateOnly Vandaag)
{
    public int? Reistijd => Logistiekregels.Reistijd(Profiel);

    public bool ReistijdTeLang => Logistiekregels.ReistijdTeLang(Profiel, Voorzieningen, Vandaag, Inrichting.MaxReistijdMinuten);

    public IReadOnlyList<Vervoersvoorziening> EindigtBinnenkort => [.. Logistiekregels.EindigtBinnenkort(Voorzieningen, Vandaag, Inrichting.VervoerEindeDagen)];
}

/// <summary>The heading line on the case page.</summary>
public sealed record LogistiekKop(string? Woonkern, string? Leslocatie, int? Reistijd, string? Vervoer, bool Signaal);

/// <summary>A line for the worklist.</summary>
public sealed record Logistiektaak(Guid InburgeraarId, string Naam, string Gemeente, string? Klantregisseur, string Soort, DateOnly Datum, string Details);

/// <summary>One lesson location in the demand view; null counts are hidden (fewer than the threshold).</summary>
public sealed record VraagLeslocatieDto(string Leslocatie, int? Vastgelegd, int? OverdagNiet, int? AvondMogelijk, int? WeekendMogelijk);

/// <summary>One kern (village) in the reachability view; null counts are hidden.</summary>
public sealed record BereikbaarheidKernDto(string Gemeente, string Kern, int? MetReistijd, int? BovenMaximum, int? ZonderVervoer);

public sealed record LogistiekVraagDto(int Grens, string HoeBerekend, IReadOnlyList<VraagLeslocatieDto> Leslocaties, IReadOnlyList<BereikbaarheidKernDto> Kernen);

/// <summary>
/// Logistics of a case (issue #23; practice source 000:L1081-1103 via seed-000-002-003-practice.md §6.1 #8 and §6.2
/// A16/A17): where someone lives, how long the journey to the lesson location takes, the transport support given and
/// when it ends, the dayparts that are impossible (childcare, school hours, work), and the gaps between consecutive
/// partner trajecten. Personal data of the case: only the municipality's case workers (klantregisseur, teamleider) read
/// or write it, every read and write audited. The policy officer sees only the aggregated demand, small numbers hidden.
/// </summary>
public sealed class LogistiekService(KoersDbContext db, Klok klok, HuidigeGebruiker gebruiker, Kern.Toegang toegang, Kern.DossierService dossiers, Kern.Auditlog audit,
    IOptions<MonitorInstellingen> monitor, Kern.Instellingencache instellingencache)
{
    public const int MaxTekst = 2000;
    public const int MaxKern = 100;
    public const int MaxLeslocatie = 200;
    public const int MaxOmschrijving = 200;
    public const int MaxReistijd = 600;

    /// <summary>Who may see the aggregated demand: the policy officer and the team lead (never a person).</summary>
    public static readonly string[] Vraaglezers = [Rollen.Beleidsmedewerker, Rollen.Teamleider];

    // ---- one case ------------------------------------------------------------------------------------------------

    public async Task<LogistiekStand?> HaalAsync(Guid id, string doel, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return null;
        var dossier = await dossiers.InzienAsync(id, doel, ct);
        if (dossier is null) return null;
        var profiel = await db.Set<Reisprofiel>().AsNoTracking().FirstOrDefaultAsync(p => p.InburgeraarId == id, ct);
        var voorzieningen = await db.Set<Vervoersvoorziening>().AsNoTracking().Where(v => v.InburgeraarId == id)
            .OrderByDescending(v => v.Van).ThenByDescending(v => v.VastgelegdOp).ToListAsync(ct);
        var inrichting = await InrichtingVanAsync(dossier.Gemeente!, ct);
        var trajecten = await TrajectenAsync(id, ct);
        var leslocaties = await db.Set<Reisprofiel>().AsNoTracking()
            .Where(p => p.Leslocatie != null && db.Inburgeraars.Any(i => i.Id == p.InburgeraarId && i.GemeenteId == dossier.GemeenteId))
            .Select(p => p.Leslocatie!).Distinct().OrderBy(l => l).Take(50).ToListAsync(ct);
        return new LogistiekStand(dossier, profiel, voorzieningen, trajecten, Logistiekregels.Tussenpozen(trajecten, klok.Vandaag, inrichting.MaxTussenpozeDagen),
            inrichting, leslocaties, klok.Vandaag);
    }

    private async Task<List<Traject>> TrajectenAsync(Guid id, CancellationToken ct) =>
        (await db.Verwijzingen.AsNoTracking().Where(v => v.InburgeraarId == id && v.Startdatum != null
                && (v.Status == Verwijzingsstatus.Geaccepteerd || v.Status == Verwijzingsstatus.Afgerond))
            .Select(v => new { v.Id, v.Onderdeel, Partner = v.Partnerorganisatie!.Naam, v.Startdatum, v.Status, v.BeslistOp }).ToListAsync(ct))
        .Select(v => Logistiekregels.AlsTraject(v.Id, $"{Ketenpartners.KetenpartnersService.Omschrijving(v.Onderdeel)} bij {v.Partner}", v.Status, v.Startdatum, v.BeslistOp))
        .OfType<Traject>().OrderBy(t => t.Start).ToList();

    public async Task<Uitkomst<Guid>> ProfielAsync(Guid id, ReisprofielInvoer invoer, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return Uitkomst<Guid>.Onbekend();
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        fouten.Lengte(invoer.Woonkern, nameof(invoer.Woonkern), MaxKern);
        fouten.Lengte(invoer.Leslocatie, nameof(invoer.Leslocatie), MaxLeslocatie);
        fouten.Lengte(invoer.Toelichting, nameof(invoer.Toelichting), MaxTekst);
        if (invoer.ReistijdOvMinuten is { } ov && (ov < 0 || ov > MaxReistijd))
            fouten.Voeg(nameof(invoer.ReistijdOvMinuten), $"Vul een reistijd van 0 tot en met {MaxReistijd} minuten in.");
        if (invoer.ReistijdFietsMinuten is { } fiets && (fiets < 0 || fiets > MaxReistijd))
            fouten.Voeg(nameof(invoer.ReistijdFietsMinuten), $"Vul een reistijd van 0 tot en met {MaxReistijd} minuten in.");
        if ((invoer.ReistijdOvMinuten is not null || invoer.ReistijdFietsMinuten is not null) && string.IsNullOrWhiteSpace(invoer.Leslocatie))
            fouten.Voeg(nameof(invoer.Leslocatie), "Vul de leslocatie in waar de reistijd naartoe is.");
        var (masker, onbekend) = Logistiekregels.Masker(invoer.Onmogelijk);
        if (onbekend.Count > 0) fouten.Voeg(nameof(invoer.Onmogelijk), $"Onbekend dagdeel: {string.Join(", ", onbekend.Take(3))}. Gebruik bijvoorbeeld 'ma-ochtend' of 'vr-avond'.");
        var redenen = Beschikbaarheidsreden.Geen;
        foreach (var r in invoer.Redenen ?? [])
        {
            if (!Logistiekregels.AlleRedenen.Contains(r)) fouten.Voeg(nameof(invoer.Redenen), "Kies de redenen uit de lijst.");
            else redenen |= r;
        }

        if (masker != 0 && redenen == Beschikbaarheidsreden.Geen) fouten.Voeg(nameof(invoer.Redenen), "Kies waarom deze dagdelen niet kunnen: kinderopvang, schooltijden, werk, mantelzorg of anders.");
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var p = await db.Set<Reisprofiel>().FirstOrDefaultAsync(x => x.InburgeraarId == id, ct);
        var nieuw = p is null;
        if (p is null)
        {
            p = new Reisprofiel { Id = Guid.NewGuid(), InburgeraarId = id };
            db.Add(p);
        }

        p.Woonkern = Leeg(invoer.Woonkern);
        p.Leslocatie = Leeg(invoer.Leslocatie);
        p.ReistijdOvMinuten = invoer.ReistijdOvMinuten;
        p.ReistijdFietsMinuten = invoer.ReistijdFietsMinuten;
        p.OnmogelijkeDagdelen = masker;
        p.Redenen = redenen;
        p.Toelichting = Leeg(invoer.Toelichting);
        // What was recorded, never the reasons or the free text: the audit trail is read by more people than the case.
        audit.Schrijf(nieuw ? AuditActie.Aanmaken : AuditActie.Wijzigen, id, "Reizen en beschikbaarheid vastgelegd", AuditObject.Van<Reisprofiel>(p.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(p.Id);
    }

    public async Task<Uitkomst<Guid>> VervoerAsync(Guid id, Guid? voorzieningId, VervoerInvoer invoer, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return Uitkomst<Guid>.Onbekend();
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        Vervoersvoorziening? v = null;
        if (voorzieningId is { } vid)
        {
            v = await db.Set<Vervoersvoorziening>().FirstOrDefaultAsync(x => x.Id == vid && x.InburgeraarId == id, ct);
            if (v is null) return Uitkomst<Guid>.Onbekend();
        }

        var fouten = Veldfouten.Nieuw();
        if (invoer.Soort is not { } soort || !Enum.IsDefined(soort)) fouten.Voeg(nameof(invoer.Soort), "Kies de soort vervoersvoorziening: busabonnement, OV-vergoeding, fiets, taxi, busje of anders.");
        fouten.Lengte(invoer.Omschrijving, nameof(invoer.Omschrijving), MaxOmschrijving);
        if (invoer.Van is null) fouten.Voeg(nameof(invoer.Van), "Vul de begindatum in.");
        if (invoer.Tot is { } tot && invoer.Van is { } van && tot < van) fouten.Voeg(nameof(invoer.Tot), "De einddatum ligt vóór de begindatum.");
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var nieuw = v is null;
        if (v is null)
        {
            v = new Vervoersvoorziening { Id = Guid.NewGuid(), InburgeraarId = id, VastgelegdOp = klok.NuUtc, VastgelegdDoor = gebruiker.Naam };
            db.Add(v);
        }

        v.Soort = invoer.Soort!.Value;
        v.Omschrijving = Leeg(invoer.Omschrijving);
        v.Van = invoer.Van!.Value;
        v.Tot = invoer.Tot;
        audit.Schrijf(nieuw ? AuditActie.Aanmaken : AuditActie.Wijzigen, id,
            $"Vervoersvoorziening {(nieuw ? "vastgelegd" : "gewijzigd")} ({Logistiekregels.Omschrijving(v.Soort)}, {Shared.Weergave.Datum(v.Van)} tot {(v.Tot is { } t2 ? Shared.Weergave.Datum(t2) : "nader order")})",
            AuditObject.Van<Vervoersvoorziening>(v.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(v.Id);
    }

    // Compiled (Koers.Data.Gecompileerd): both are on every case page.
    private static readonly Gecompileerd.Een<Guid, Reisprofiel?> Profiel = Gecompileerd.Rij((KoersDbContext db, Guid id) =>
        db.Set<Reisprofiel>().AsNoTracking().FirstOrDefault(p => p.InburgeraarId == id));

    private static readonly Gecompileerd.Lijst<Guid, Vervoersvoorziening> Voorzieningen = Gecompileerd.Rijen((KoersDbContext db, Guid id) =>
        db.Set<Vervoersvoorziening>().AsNoTracking().Where(v => v.InburgeraarId == id));

    /// <summary>The heading line of the case page; only for the case workers (the page already audited its read).</summary>
    public async Task<LogistiekKop?> KopAsync(Guid id, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return null;
        // The case page has opened the case in this request: its municipality is known and the case is in reach.
        var gemeente = toegang.Geopend(id)?.Gemeente
            ?? await (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct)).Where(i => i.Id == id).Select(i => i.Gemeente).FirstOrDefaultAsync(ct);
        if (gemeente is null) return null;
        var profiel = await Profiel.AlsAsync(db, id, ct);
        var voorzieningen = await Voorzieningen.ToListAsync(db, id, ct);
        var inrichting = await InrichtingVanAsync(gemeente, ct);
        var vandaag = klok.Vandaag;
        var lopend = voorzieningen.Where(v => Logistiekregels.Loopt(v, vandaag)).OrderBy(v => v.Tot ?? DateOnly.MaxValue).FirstOrDefault();
        var signaal = Logistiekregels.ReistijdTeLang(profiel, voorzieningen, vandaag, inrichting.MaxReistijdMinuten)
            || Logistiekregels.EindigtBinnenkort(voorzieningen, vandaag, inrichting.VervoerEindeDagen).Any();
        return new LogistiekKop(profiel?.Woonkern, profiel?.Leslocatie, Logistiekregels.Reistijd(profiel),
            lopend is null ? null : $"{Logistiekregels.Omschrijving(lopend.Soort)}{(lopend.Tot is { } t ? $" tot {Shared.Weergave.Datum(t)}" : "")}", signaal);
    }

    // ---- worklist ------------------------------------------------------------------------------------------------

    public const string SoortVervoerEindigt = "Vervoer eindigt";
    public const string SoortReistijd = "Reistijd boven maximum";
    public const string SoortTussenpoze = "Tussenpoos tussen trajecten";

    /// <summary>Open cases within reach (and the selection) whose transport support ends soon, whose travel time is too long without support, or with a gap between trajecten.</summary>
    public async Task<IReadOnlyList<Logistiektaak>> SignalenAsync(Werkvoorraad.Dossierselectie selectie, CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (!bereik.WerktMetDossiers) return [];
        var vandaag = klok.Vandaag;
        var afsluitend = Domain.Dossier.MijlpaalInfo.Afsluitend.ToList();
        var open = selectie.Pas(await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct))
            .Where(i => i.GeanonimiseerdOp == null && !i.Mijlpalen.Any(m => afsluitend.Contains(m.Soort)));

        // Only the cases that can signal are read: on a region-wide page reading every travel profile, transport and
        // trajectory of all open cases (thousands of rows) to find the few signals cost more than the rest of the page.
        // The filter is a superset of the three rules below, with the loosest setting of any municipality in reach
        // (longest notice for transport ending, lowest maximum travel time); the rules themselves still decide.
        var instellingen = await InstellingenAsync([.. bereik.Gemeenten], ct);
        var eindeTot = vandaag.AddDays(instellingen.Values.Select(i => i.VervoerEindeDagen).Append(Logistiekregels.StandaardVervoerEindeDagen).Max());
        var minReistijd = instellingen.Values.Select(i => i.MaxReistijdMinuten).Append(Logistiekregels.StandaardMaxReistijdMinuten).Min();
        // Started from the few rows that can signal (each set below is one rule's superset), not from every open case
        // of the selection: on a region-wide page that would read every case row to find none.
        var vervoerEindigt = db.Set<Vervoersvoorziening>().Where(v => v.Tot != null && v.Tot >= vandaag && v.Tot <= eindeTot).Select(v => v.InburgeraarId);
        // a travel time above the lowest maximum (the shorter of public transport and bicycle, Logistiekregels.Reistijd)
        var verWeg = db.Set<Reisprofiel>().Where(p => (p.ReistijdOvMinuten != null || p.ReistijdFietsMinuten != null)
            && (p.ReistijdOvMinuten == null || p.ReistijdOvMinuten > minReistijd) && (p.ReistijdFietsMinuten == null || p.ReistijdFietsMinuten > minReistijd)).Select(p => p.InburgeraarId);
        // an ended trajectory and none accepted that has started: only then can a current gap exist (Tussenpozen)
        var zonderVervolg = db.Verwijzingen.Where(v => v.Status == Verwijzingsstatus.Afgerond && v.Startdatum != null && v.BeslistOp != null && v.BeslistOp <= vandaag
                && !db.Verwijzingen.Any(w => w.InburgeraarId == v.InburgeraarId && w.Status == Verwijzingsstatus.Geaccepteerd && w.Startdatum != null && w.Startdatum <= vandaag))
            .Select(v => v.InburgeraarId);
        var kandidaten = await open.Where(i => vervoerEindigt.Union(verWeg).Union(zonderVervolg).Contains(i.Id))
            // The cases that can signal, with what their lines show, in one statement: most pages have none, and then
            // nothing more is read. The details below are read for these ids only.
            .Select(i => new { i.Id, i.Voornamen, i.Achternaam, i.GemeenteId, Gemeente = i.Gemeente!.Naam, Regisseur = i.Klantregisseur!.Naam })
            .ToListAsync(ct);
        if (kandidaten.Count == 0) return [];
        var ids = kandidaten.Select(k => k.Id).ToList();
        var profielen = await db.Set<Reisprofiel>().AsNoTracking().Where(p => ids.Contains(p.InburgeraarId)).ToDictionaryAsync(p => p.InburgeraarId, ct);
        var voorzieningen = (await db.Set<Vervoersvoorziening>().AsNoTracking().Where(v => ids.Contains(v.InburgeraarId)).ToListAsync(ct))
            .ToLookup(v => v.InburgeraarId);
        var verwijzingen = (await db.Verwijzingen.AsNoTracking()
                .Where(v => ids.Contains(v.InburgeraarId) && v.Startdatum != null && (v.Status == Verwijzingsstatus.Geaccepteerd || v.Status == Verwijzingsstatus.Afgerond))
                .Select(v => new { v.Id, v.InburgeraarId, v.Startdatum, v.Status, v.BeslistOp }).ToListAsync(ct))
            .Select(v => (v.InburgeraarId, Traject: Logistiekregels.AlsTraject(v.Id, string.Empty, v.Status, v.Startdatum, v.BeslistOp)))
            .Where(v => v.Traject is not null).ToLookup(v => v.InburgeraarId, v => v.Traject!);
        var metIets = profielen.Keys.Concat(voorzieningen.Select(g => g.Key)).Concat(verwijzingen.Where(g => g.Any(t => t.Einde is not null)).Select(g => g.Key)).ToHashSet();
        if (metIets.Count == 0) return [];
        // The candidates are open cases in the selection already (the same set the query on `open` gave before).
        var personen = kandidaten.Where(k => metIets.Contains(k.Id)).ToList();

        var taken = new List<Logistiektaak>();
        foreach (var p in personen)
        {
            var (maxReistijd, eindeDagen, maxTussenpoze) = instellingen.TryGetValue(p.GemeenteId, out var i)
                ? (i.MaxReistijdMinuten, i.VervoerEindeDagen, i.MaxTussenpozeDagen)
                : (Logistiekregels.StandaardMaxReistijdMinuten, Logistiekregels.StandaardVervoerEindeDagen, Logistiekregels.StandaardMaxTussenpozeDagen);
            var naam = $"{p.Voornamen} {p.Achternaam}";
            var eigen = voorzieningen[p.Id].ToList();
            foreach (var v in Logistiekregels.EindigtBinnenkort(eigen, vandaag, eindeDagen))
                taken.Add(new(p.Id, naam, p.Gemeente, p.Regisseur, SoortVervoerEindigt, v.Tot!.Value, $"{Logistiekregels.Omschrijving(v.Soort)} eindigt op {Shared.Weergave.Datum(v.Tot)}"));
            var profiel = profielen.GetValueOrDefault(p.Id);
            if (Logistiekregels.ReistijdTeLang(profiel, eigen, vandaag, maxReistijd))
                taken.Add(new(p.Id, naam, p.Gemeente, p.Regisseur, SoortReistijd, DateOnly.FromDateTime(profiel!.GewijzigdOp),
                    $"{Logistiekregels.Reistijd(profiel)} min naar {profiel.Leslocatie} (maximum {maxReistijd}), geen vervoersvoorziening"));
            foreach (var g in Logistiekregels.Tussenpozen([.. verwijzingen[p.Id]], vandaag, maxTussenpoze).Where(g => g.Actueel && g.TeLang))
                taken.Add(new(p.Id, naam, p.Gemeente, p.Regisseur, SoortTussenpoze, g.EindeVorige, g.StartVolgende is { } start
                    ? $"traject afgerond op {Shared.Weergave.Datum(g.EindeVorige)}, volgend traject start pas op {Shared.Weergave.Datum(start)} (maximum {maxTussenpoze} dagen)"
                    : $"traject afgerond op {Shared.Weergave.Datum(g.EindeVorige)}, {g.Dagen} dagen zonder vervolgtraject (maximum {maxTussenpoze} dagen)"));
        }

        return [.. taken.OrderBy(t => t.Datum).ThenBy(t => t.Naam, StringComparer.Ordinal)];
    }

    /// <summary>The worklist section; one line per signal, linked to the part of the Reizen tab it concerns.</summary>
    public static Werkvoorraad.Signaalsectie Sectie(IReadOnlyList<Logistiektaak> taken, DateOnly vandaag) => new(
        "logistiek",
        "Reizen en trajecten",
        [.. taken.Select(t => new Werkvoorraad.SignaalRegel(t.InburgeraarId, t.Naam,
            $"/inburgeraars/{t.InburgeraarId}/logistiek" + (t.Soort == SoortVervoerEindigt ? "#vervoer" : t.Soort == SoortReistijd ? "#reizen" : "#trajecten"), t.Soort,
            t.Soort == SoortVervoerEindigt ? t.Datum.DayNumber - vandaag.DayNumber <= 3 : t.Soort == SoortTussenpoze,
            $"{t.Details} · {t.Gemeente} · {t.Klantregisseur ?? "niet toegewezen"}"))],
        "Geen vervoer dat binnenkort eindigt, geen te lange reistijd zonder vervoer en geen te lange tussenpoos tussen trajecten.",
        [new("Vervoer eindigt", taken.Count(t => t.Soort == SoortVervoerEindigt)), new("Reistijd", taken.Count(t => t.Soort == SoortReistijd)),
            new("Tussenpoos", taken.Count(t => t.Soort == SoortTussenpoze))],
        [],
        "Vervoersvoorzieningen die binnen de termijn van de gemeente eindigen zonder opvolger, een reistijd naar de leslocatie boven het maximum van de gemeente zonder lopende vervoersvoorziening, en een afgerond traject zonder vervolgtraject binnen de maximale tussenpoos.");

    // ---- demand for evening and weekend classes (policy) ---------------------------------------------------------

    public const string HoeBerekend =
        "Per leslocatie: open dossiers in uw gemeente(n) waarvan de klantregisseur reizen en beschikbaarheid heeft vastgelegd. "
        + "‘Kan overdag niet’: minder dan 3 van de 10 ochtenden en middagen van maandag tot en met vrijdag zijn mogelijk (kinderopvang, schooltijden, werk). "
        + "Daarvan ‘avond mogelijk’: ten minste één doordeweekse avond kan; ‘weekend mogelijk’: ten minste één dagdeel op zaterdag of zondag kan. "
        + "Per kern: wie een reistijd heeft vastgelegd, bij wie die boven het maximum van de gemeente ligt, en daarvan wie vandaag geen vervoersvoorziening heeft. "
        + "Aantallen onder de grens voor kleine aantallen staan er als ‘<grens’; ‘kan overdag niet’ ook als het aantal dat overdag wél kan klein is, en de avond- en weekendcijfers dan ook.";

    public async Task<LogistiekVraagDto?> VraagAsync(CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (!Vraaglezers.Any(bereik.Heeft)) return null;
        var gemeenteIds = bereik.Gemeenten.ToList();
        var gemeenten = await db.Gemeenten.AsNoTracking().Where(g => gemeenteIds.Contains(g.Id)).ToListAsync(ct);
        var grens = monitor.Value.GrensVoor(gemeenten.Select(g => g.Code));
        var vandaag = klok.Vandaag;
        var afsluitend = Domain.Dossier.MijlpaalInfo.Afsluitend.ToList();
        var rijen = await (from p in db.Set<Reisprofiel>().AsNoTracking()
                           join i in db.Inburgeraars.AsNoTracking() on p.InburgeraarId equals i.Id
                           where gemeenteIds.Contains(i.GemeenteId) && i.GeanonimiseerdOp == null && !i.Mijlpalen.Any(m => afsluitend.Contains(m.Soort))
                           select new { p.InburgeraarId, i.GemeenteId, p.Leslocatie, p.Woonkern, p.OnmogelijkeDagdelen, p.ReistijdOvMinuten, p.ReistijdFietsMinuten }).ToListAsync(ct);
        var ids = rijen.Select(r => r.InburgeraarId).ToList();
        var lopend = (await db.Set<Vervoersvoorziening>().AsNoTracking().Where(v => ids.Contains(v.InburgeraarId) && v.Van <= vandaag && (v.Tot == null || v.Tot >= vandaag))
            .Select(v => v.InburgeraarId).ToListAsync(ct)).ToHashSet();
        var instellingen = await InstellingenAsync(gemeenteIds, ct);
        int? Toon(int n) => KleineAantallen.Verbergen(n, grens) ? null : n;

        var leslocaties = rijen.Where(r => r.Leslocatie != null).GroupBy(r => r.Leslocatie!.Trim(), StringComparer.OrdinalIgnoreCase).Select(g =>
        {
            var overdagNiet = g.Where(r => Logistiekregels.OverdagNiet(r.OnmogelijkeDagdelen)).ToList();
            // Also hidden when the rest (those who can come by day) is small: "9 of 10 cannot" tells as much as "1 can".
            var verborgen = KleineAantallen.VerbergAandeel(overdagNiet.Count, g.Count(), grens);
            return new VraagLeslocatieDto(g.First().Leslocatie!.Trim(), Toon(g.Count()), verborgen ? null : overdagNiet.Count,
                verborgen ? null : Toon(overdagNiet.Count(r => Logistiekregels.AvondMogelijk(r.OnmogelijkeDagdelen))),
                verborgen ? null : Toon(overdagNiet.Count(r => Logistiekregels.WeekendMogelijk(r.OnmogelijkeDagdelen))));
        }).OrderBy(l => l.Leslocatie, StringComparer.OrdinalIgnoreCase).ToList();

        var namen = gemeenten.ToDictionary(g => g.Id, g => g.Naam);
        var kernen = rijen.Where(r => r.Woonkern != null && (r.ReistijdOvMinuten != null || r.ReistijdFietsMinuten != null))
            .GroupBy(r => (r.GemeenteId, Kern: r.Woonkern!.Trim().ToLowerInvariant())).Select(g =>
            {
                var max = instellingen.TryGetValue(g.Key.GemeenteId, out var i) ? i.MaxReistijdMinuten : Logistiekregels.StandaardMaxReistijdMinuten;
                var boven = g.Where(r => Math.Min(r.ReistijdOvMinuten ?? int.MaxValue, r.ReistijdFietsMinuten ?? int.MaxValue) > max).ToList();
                return new BereikbaarheidKernDto(namen[g.Key.GemeenteId], g.First().Woonkern!.Trim(), Toon(g.Count()), Toon(boven.Count), Toon(boven.Count(r => !lopend.Contains(r.InburgeraarId))));
            }).OrderBy(k => k.Gemeente, StringComparer.Ordinal).ThenBy(k => k.Kern, StringComparer.OrdinalIgnoreCase).ToList();

        // No person is shown, but who looked at which figures is still worth knowing.
        audit.Inzien(null, "Logistiek: vraag naar avond- en weekendlessen en bereikbaarheid per kern bekeken");
        await db.SaveChangesAsync(ct);
        return new LogistiekVraagDto(grens, HoeBerekend, leslocaties, kernen);
    }

    // ---- settings (functioneel beheer) ---------------------------------------------------------------------------

    public Task<List<Gemeente>> GemeentenAsync(CancellationToken ct = default) => toegang.GemeentenInBereikAsync(ct);

    public async Task<LogistiekInrichting?> InrichtingAsync(string? gemeenteCode, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(gemeenteCode)) return null;
        var code = gemeenteCode.Trim().ToUpperInvariant();
        var gemeente = await db.Gemeenten.AsNoTracking().FirstOrDefaultAsync(g => g.Code == code, ct);
        if (gemeente is null || !(await toegang.BereikAsync(ct)).Gemeenten.Contains(gemeente.Id)) return null;
        return await InrichtingVanAsync(gemeente, ct);
    }

    /// <summary>The three limits per municipality that has a row; kept in the settings cache (emptied when a LogistiekInstelling is saved).</summary>
    private sealed record Grenzen(int MaxReistijdMinuten, int VervoerEindeDagen, int MaxTussenpozeDagen);

    private Task<IReadOnlyDictionary<int, Grenzen>> InstellingenAsync(List<int> gemeenteIds, CancellationToken ct) =>
        instellingencache.VoorGemeentenAsync<LogistiekInstelling, IReadOnlyDictionary<int, Grenzen>>("logistiek-grenzen", gemeenteIds, async ids =>
            await db.Set<LogistiekInstelling>().AsNoTracking().Where(x => ids.Contains(x.GemeenteId))
                .ToDictionaryAsync(x => x.GemeenteId, x => new Grenzen(x.MaxReistijdMinuten, x.VervoerEindeDagen, x.MaxTussenpozeDagen), ct));

    private sealed record Inrichtingsrij(int MaxReistijdMinuten, int VervoerEindeDagen, int MaxTussenpozeDagen, string Kernen, DateTime GewijzigdOp, string GewijzigdDoor);

    private async Task<LogistiekInrichting> InrichtingVanAsync(Gemeente gemeente, CancellationToken ct)
    {
        // The municipality's row, kept per municipality until a LogistiekInstelling is saved (Kern.Instellingencache),
        // as a read-only record: what is cached is shared between requests.
        var rij = await instellingencache.HaalAsync<LogistiekInstelling, Inrichtingsrij?>(("logistiek-rij", gemeente.Id),
            () => db.Set<LogistiekInstelling>().AsNoTracking().Where(x => x.GemeenteId == gemeente.Id)
                .Select(x => new Inrichtingsrij(x.MaxReistijdMinuten, x.VervoerEindeDagen, x.MaxTussenpozeDagen, x.Kernen, x.GewijzigdOp, x.GewijzigdDoor))
                .FirstOrDefaultAsync(ct));
        if (rij is null)
        {
            return new(gemeente, Logistiekregels.StandaardMaxReistijdMinuten, Logistiekregels.StandaardVervoerEindeDagen, Logistiekregels.StandaardMaxTussenpozeDagen, [], true, null, null);
        }

        return new(gemeente, rij.MaxReistijdMinuten, rij.VervoerEindeDagen, rij.MaxTussenpozeDagen,
            rij.Kernen.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), false, rij.GewijzigdOp, rij.GewijzigdDoor);
    }

    public async Task<Uitkomst<string>> InrichtingOpslaanAsync(string gemeenteCode, LogistiekInstellingenInvoer invoer, CancellationToken ct = default)
    {
        var huidig = await InrichtingAsync(gemeenteCode, ct);
        if (huidig is null) return Uitkomst<string>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (invoer.MaxReistijdMinuten is not { } r || r < 10 || r > 240) fouten.Voeg(nameof(invoer.MaxReistijdMinuten), "Vul een maximale reistijd van 10 tot en met 240 minuten in.");
        if (invoer.VervoerEindeDagen is not { } e || e < 1 || e > 90) fouten.Voeg(nameof(invoer.VervoerEindeDagen), "Vul een signaaltermijn van 1 tot en met 90 dagen in.");
        if (invoer.MaxTussenpozeDagen is not { } t || t < 1 || t > 365) fouten.Voeg(nameof(invoer.MaxTussenpozeDagen), "Vul een maximale tussenpoos van 1 tot en met 365 dagen in.");
        var kernen = (invoer.Kernen ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (kernen.Count > 50) fouten.Voeg(nameof(invoer.Kernen), "Hoogstens 50 kernen.");
        foreach (var k in kernen.Where(k => k.Length > MaxKern).Take(1)) fouten.Voeg(nameof(invoer.Kernen), $"Een kern is hoogstens {MaxKern} tekens ('{k[..20]}…').");
        if (fouten.Count > 0) return Uitkomst<string>.Geweigerd(fouten);

        var gemeente = huidig.Gemeente;
        var rij = await db.Set<LogistiekInstelling>().FirstOrDefaultAsync(x => x.GemeenteId == gemeente.Id, ct);
        if (rij is null)
        {
            rij = new LogistiekInstelling { GemeenteId = gemeente.Id };
            db.Add(rij);
        }

        rij.MaxReistijdMinuten = invoer.MaxReistijdMinuten!.Value;
        rij.VervoerEindeDagen = invoer.VervoerEindeDagen!.Value;
        rij.MaxTussenpozeDagen = invoer.MaxTussenpozeDagen!.Value;
        rij.Kernen = string.Join("\n", kernen);
        audit.Schrijf(AuditActie.Wijzigen, null,
            $"Logistiek gemeente {gemeente.Naam}: maximale reistijd {rij.MaxReistijdMinuten} min, signaal {rij.VervoerEindeDagen} dagen voor einde vervoer, maximale tussenpoos {rij.MaxTussenpozeDagen} dagen, {kernen.Count} kernen");
        await db.SaveChangesAsync(ct);
        return Uitkomst<string>.Ok(gemeente.Code);
    }

    private static string? Leeg(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

using System.ComponentModel;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Groepen;
using Koers.Data.Model.Keten;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Netwerk;

public sealed class GroepInvoer
{
    [Description("CBS-code van de gemeente van de groep, bijvoorbeeld GM1724.")] public string? Gemeente { get; set; }
    [Description("Naam (verplicht, hoogstens 200 tekens, uniek binnen de gemeente).")] public string? Naam { get; set; }
    public Groepssoort? Soort { get; set; }
    [Description("Organisator: een medewerker (id) ...")] public int? MedewerkerId { get; set; }
    [Description("... of een ketenpartner (id) van de regio; precies één van beide.")] public int? PartnerId { get; set; }
    [Description("Locatie van de bijeenkomsten (verplicht, hoogstens 200 tekens).")] public string? Locatie { get; set; }
    [Description("Het aantal deelnemers dat de groep hoogstens heeft (1 tot en met 100).")] public int? Capaciteit { get; set; }
    [Description("Omschrijving (hoogstens 2000 tekens).")] public string? Omschrijving { get; set; }
}

/// <summary>What can change of a group after it was created; the municipality and the organiser stay.</summary>
public sealed class GroepWijzigingInvoer
{
    [Description("Naam (verplicht, hoogstens 200 tekens, uniek binnen de gemeente).")] public string? Naam { get; set; }
    public Groepssoort? Soort { get; set; }
    [Description("Locatie van de bijeenkomsten (verplicht, hoogstens 200 tekens).")] public string? Locatie { get; set; }
    [Description("Capaciteit (1 tot en met 100, niet lager dan het aantal ingeschreven deelnemers). Een hogere capaciteit schrijft wachtenden in.")] public int? Capaciteit { get; set; }
    [Description("Omschrijving (hoogstens 2000 tekens).")] public string? Omschrijving { get; set; }
}

public sealed class BijeenkomstInvoer
{
    public DateOnly? Datum { get; set; }
    public TimeOnly? Aanvang { get; set; }
    public TimeOnly? Einde { get; set; }
    [Description("Andere locatie voor alleen deze bijeenkomst (niet verplicht).")] public string? Locatie { get; set; }
}

public sealed class InschrijvingInvoer
{
    public Guid? InburgeraarId { get; set; }
}

public sealed class UitschrijvingInvoer
{
    [Description("Reden van uitschrijving (verplicht, hoogstens 500 tekens).")] public string? Reden { get; set; }
}

public sealed record AanwezigheidRegel(Guid DeelnameId, Aanwezigheidsstatus Status);

public sealed class AanwezigheidInvoer
{
    [Description("Per ingeschreven deelnemer: aanwezig, afwezigMetBericht of afwezigZonderBericht.")] public List<AanwezigheidRegel> Regels { get; set; } = [];
}

public sealed record GroepRegel(Guid Id, string Naam, Groepssoort Soort, string Gemeente, string Organisator, int Capaciteit, int Ingeschreven, DateOnly? Volgende);

/// <summary>A person enrolled, as the user may see them: <see cref="Naam"/> null when a partner has no consent for basisgegevens.</summary>
public sealed record DeelnemerStand(Groepsdeelname Deelname, string? Naam, int Aanwezig, int Geregistreerd)
{
    /// <summary>The attendance rate in whole percent of the sessions recorded; null before any session is recorded.</summary>
    public int? Percentage => Geregistreerd == 0 ? null : (int)Math.Round(100.0 * Aanwezig / Geregistreerd);
}

/// <summary>A place on the waiting list, with its position (1 = next to be enrolled).</summary>
public sealed record WachtplaatsStand(Groepswachtplaats Plaats, string Naam, int Positie);

/// <summary>A group whose waiting list a person is on, with their position.</summary>
public sealed record WachtendOp(Guid GroepId, string Groep, int Positie, DateOnly Sinds);

/// <summary>A group as the user may see it; for a partner, names only of persons with consent, and no waiting list.</summary>
public sealed record GroepStand(Groepsaanbod Groep, IReadOnlyList<Groepsbijeenkomst> Bijeenkomsten, IReadOnlyList<DeelnemerStand> Deelnemers,
    IReadOnlyList<Groepsdeelname> Uitgeschreven, bool IsPartner, IReadOnlyList<WachtplaatsStand> Wachtlijst)
{
    public int Ingeschreven => Deelnemers.Count;
    public bool Vol => Ingeschreven >= Groep.Capaciteit;
}

/// <summary>A group of one person, for the case page and the portal.</summary>
public sealed record GroepVanDossier(Groepsaanbod Groep, Groepsdeelname Deelname, IReadOnlyList<(Groepsbijeenkomst Bijeenkomst, Aanwezigheidsstatus? Status)> Bijeenkomsten)
{
    public int Aanwezig => Bijeenkomsten.Count(b => b.Status == Aanwezigheidsstatus.Aanwezig);
    public int Geregistreerd => Bijeenkomsten.Count(b => b.Status is not null);
    public int? Percentage => Geregistreerd == 0 ? null : (int)Math.Round(100.0 * Aanwezig / Geregistreerd);
}

/// <summary>
/// Group offers of a municipality (KNM workshops, a taalcafé group, a group for those not yet ready for work, sollicitatie-
/// training; issue #22) with sessions, enrolment of cases within the user's reach up to the capacity, and attendance per
/// session. Staff (klantregisseur, teamleider) manage the groups of their municipalities; a partner organisation that
/// organises a group sees it and records attendance, naming only the persons that gave it consent for basisgegevens
/// (<see cref="Kern.Toegang.PartnerDossiersAsync"/>, as for the partner's casusoverleg). Every read of a person is audited.
/// </summary>
public sealed class GroepenService(KoersDbContext db, Klok klok, Kern.Toegang toegang, Auditlog audit)
{
    /// <summary>What a partner must have consent for to see who is enrolled and record their attendance.</summary>
    public const Gegevenscategorie PartnerCategorie = Gegevenscategorie.Basisgegevens;

    /// <summary>Sessions missed in a row without notice that put a person on the worklist.</summary>
    public const int SignaalAfwezig = 2;

    public static string Omschrijving(Groepssoort s) => s switch
    {
        Groepssoort.KnmWorkshop => "KNM-workshop",
        Groepssoort.Taalcafegroep => "Taalcafé-groep",
        Groepssoort.NogNietStartklaar => "Groep nog niet startklaar",
        Groepssoort.Sollicitatietraining => "Sollicitatietraining",
        _ => "Andere groep",
    };

    public static string Omschrijving(Aanwezigheidsstatus s) => s switch
    {
        Aanwezigheidsstatus.Aanwezig => "Aanwezig",
        Aanwezigheidsstatus.AfwezigMetBericht => "Afwezig met bericht",
        _ => "Afwezig zonder bericht",
    };

    public static string Organisator(Groepsaanbod g) => g.OrganisatorPartner?.Naam ?? g.OrganisatorMedewerker?.Naam ?? "?";

    private async Task<IQueryable<Groepsaanbod>> ZichtbaarAsync(CancellationToken ct)
    {
        var bereik = await toegang.BereikAsync(ct);
        var bron = db.Set<Groepsaanbod>().AsNoTracking();
        if (bereik.WerktMetDossiers)
        {
            var gemeenten = bereik.Gemeenten.ToList();
            return bron.Where(g => gemeenten.Contains(g.GemeenteId));
        }

        if (bereik.IsPartner)
        {
            var partner = bereik.PartnerorganisatieId!.Value;
            var regio = bereik.Regio.ToList();
            return bron.Where(g => regio.Contains(g.GemeenteId) && g.OrganisatorPartnerId == partner);
        }

        return bron.Where(_ => false);
    }

    public async Task<IReadOnlyList<GroepRegel>> LijstAsync(CancellationToken ct = default)
    {
        var vandaag = klok.Vandaag;
        var q = await ZichtbaarAsync(ct);
        return await q.OrderBy(g => g.Gemeente!.Naam).ThenBy(g => g.Naam)
            .Select(g => new GroepRegel(g.Id, g.Naam, g.Soort, g.Gemeente!.Naam,
                g.OrganisatorPartner != null ? g.OrganisatorPartner.Naam : g.OrganisatorMedewerker != null ? g.OrganisatorMedewerker.Naam : "?",
                g.Capaciteit, g.Deelnames.Count(d => d.UitgeschrevenOp == null),
                g.Bijeenkomsten.Where(b => b.Datum >= vandaag).OrderBy(b => b.Datum).Select(b => (DateOnly?)b.Datum).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <summary>The municipalities, staff and partners to choose from when creating a group.</summary>
    public Task<(List<Gemeente> Gemeenten, List<Medewerker> Medewerkers, List<Partnerorganisatie> Partners)> KeuzesAsync(CancellationToken ct = default) =>
        Regiodeelnemers.KeuzesAsync(db, toegang, ct);

    /// <summary>A new group of a municipality within reach, organised by staff of its region or a partner of its region.</summary>
    public async Task<Uitkomst<Guid>> NieuwAsync(GroepInvoer invoer, CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (!bereik.WerktMetDossiers) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        var code = invoer.Gemeente?.Trim().ToUpperInvariant();
        var gemeente = code is null ? null : await db.Gemeenten.AsNoTracking().FirstOrDefaultAsync(g => g.Code == code, ct);
        if (gemeente is null || !bereik.Gemeenten.Contains(gemeente.Id)) fouten.Voeg(nameof(invoer.Gemeente), "Kies een gemeente waarvoor u werkt.");
        var naam = invoer.Naam?.Trim() ?? string.Empty;
        if (naam.Length == 0) fouten.Voeg(nameof(invoer.Naam), "Vul de naam van de groep in.");
        else if (naam.Length > 200) fouten.Voeg(nameof(invoer.Naam), "De naam mag hoogstens 200 tekens zijn.");
        else if (gemeente is not null && await db.Set<Groepsaanbod>().AnyAsync(g => g.GemeenteId == gemeente.Id && g.Naam == naam, ct))
            fouten.Voeg(nameof(invoer.Naam), $"Er is al een groep met deze naam in {gemeente.Naam}.");
        if (invoer.Soort is not { } soort || !Enum.IsDefined(soort)) fouten.Voeg(nameof(invoer.Soort), "Kies de soort groep.");
        var locatie = invoer.Locatie?.Trim() ?? string.Empty;
        if (locatie.Length == 0) fouten.Voeg(nameof(invoer.Locatie), "Vul de locatie in.");
        else if (locatie.Length > 200) fouten.Voeg(nameof(invoer.Locatie), "De locatie mag hoogstens 200 tekens zijn.");
        if (invoer.Capaciteit is not { } capaciteit || capaciteit < 1 || capaciteit > 100) fouten.Voeg(nameof(invoer.Capaciteit), "Vul een capaciteit in van 1 tot en met 100 deelnemers.");
        if (invoer.Omschrijving?.Trim().Length > 2000) fouten.Voeg(nameof(invoer.Omschrijving), "De omschrijving mag hoogstens 2000 tekens zijn.");
        if ((invoer.MedewerkerId is null) == (invoer.PartnerId is null))
            fouten.Voeg(nameof(invoer.MedewerkerId), "Kies wie de groep organiseert: een medewerker of een ketenpartner.");
        else if (gemeente is not null)
        {
            var regio = await db.Gemeenten.AsNoTracking().Where(g => g.RegioId == gemeente.RegioId).Select(g => g.Id).ToListAsync(ct);
            if (invoer.MedewerkerId is { } m && !await Regiodeelnemers.Medewerkers(db, regio).AnyAsync(x => x.Id == m, ct))
                fouten.Voeg(nameof(invoer.MedewerkerId), "Kies een medewerker uit de regio van de gemeente.");
            if (invoer.PartnerId is { } p && !await db.Partnerorganisaties.AnyAsync(x => x.Id == p && x.RegioId == gemeente.RegioId, ct))
                fouten.Voeg(nameof(invoer.PartnerId), "Kies een ketenpartner uit de regio van de gemeente.");
        }

        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        var groep = new Groepsaanbod
        {
            Id = Guid.NewGuid(), GemeenteId = gemeente!.Id, Naam = naam, Soort = invoer.Soort!.Value, OrganisatorMedewerkerId = invoer.MedewerkerId,
            OrganisatorPartnerId = invoer.PartnerId, Locatie = locatie, Capaciteit = invoer.Capaciteit!.Value,
            Omschrijving = string.IsNullOrWhiteSpace(invoer.Omschrijving) ? null : invoer.Omschrijving.Trim(),
        };
        db.Add(groep);
        audit.Aanmaken(null, $"Groep '{naam}' aangemaakt (gemeente {gemeente.Naam}, capaciteit {groep.Capaciteit})", AuditObject.Van<Groepsaanbod>(groep.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(groep.Id);
    }

    /// <summary>
    /// A group the user may see (null: 404) with its sessions and enrolled persons; a partner gets names only of persons
    /// with consent. Each person shown by name is audited as read.
    /// </summary>
    public async Task<GroepStand?> HaalAsync(Guid id, CancellationToken ct = default)
    {
        var groep = await (await ZichtbaarAsync(ct))
            .Include(g => g.Gemeente).Include(g => g.OrganisatorMedewerker).Include(g => g.OrganisatorPartner)
            .FirstOrDefaultAsync(g => g.Id == id, ct);
        if (groep is null) return null;
        var bereik = await toegang.BereikAsync(ct);
        var bijeenkomsten = await db.Set<Groepsbijeenkomst>().AsNoTracking().Where(b => b.GroepsaanbodId == id).OrderBy(b => b.Datum).ThenBy(b => b.Aanvang).ToListAsync(ct);
        var deelnames = await db.Set<Groepsdeelname>().AsNoTracking().Include(d => d.Inburgeraar).Include(d => d.Aanwezigheid)
            .Where(d => d.GroepsaanbodId == id).AsSplitQuery().ToListAsync(ct);
        // The waiting list is the municipality's planning: staff see it (persons within their reach), the partner does not.
        var plaatsen = bereik.IsPartner ? [] : await WachtrijAsync(id, ct);
        var ids = deelnames.Select(d => d.InburgeraarId).Concat(plaatsen.Select(p => p.InburgeraarId)).Distinct().ToList();
        var bron = bereik.IsPartner
            ? await toegang.PartnerDossiersAsync(db.Inburgeraars.AsNoTracking(), PartnerCategorie, ct)
            : await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct);
        var zichtbaar = (await bron.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct)).ToHashSet();
        var actief = deelnames.Where(d => d.UitgeschrevenOp == null)
            .Select(d => new DeelnemerStand(d, zichtbaar.Contains(d.InburgeraarId) ? d.Inburgeraar!.VolledigeNaam : null,
                d.Aanwezigheid.Count(a => a.Status == Aanwezigheidsstatus.Aanwezig), d.Aanwezigheid.Count))
            .OrderBy(d => d.Naam is null).ThenBy(d => d.Deelname.Inburgeraar!.Achternaam).ThenBy(d => d.Deelname.Inburgeraar!.Voornamen).ToList();
        // Unenrolled persons are history for staff; a partner needs only who is in the group now.
        var uit = bereik.IsPartner ? [] : deelnames.Where(d => d.UitgeschrevenOp != null && zichtbaar.Contains(d.InburgeraarId)).OrderByDescending(d => d.UitgeschrevenOp).ToList();
        foreach (var d in actief.Where(d => d.Naam is not null).Select(d => d.Deelname).Concat(uit))
        {
            audit.Inzien(d.InburgeraarId, $"Groep '{groep.Naam}': deelname bekeken{(bereik.IsPartner ? " door ketenpartner" : "")}", AuditObject.Van<Groepsdeelname>(d.Id));
        }

        // One reach check serves the enrolled and the waiting: the same query, the same rule.
        List<WachtplaatsStand> wachtlijst = [.. plaatsen.Select((p, i) => new WachtplaatsStand(p, p.Inburgeraar!.VolledigeNaam, i + 1))
            .Where(w => zichtbaar.Contains(w.Plaats.InburgeraarId))];
        foreach (var w in wachtlijst) audit.Inzien(w.Plaats.InburgeraarId, $"Groep '{groep.Naam}': wachtlijst bekeken", AuditObject.Van<Groepswachtplaats>(w.Plaats.Id));

        await db.SaveChangesAsync(ct);
        return new GroepStand(groep, bijeenkomsten, actief, uit, bereik.IsPartner, wachtlijst);
    }

    private async Task<Groepsaanbod?> VoorWijzigingAsync(Guid id, CancellationToken ct) =>
        (await toegang.BereikAsync(ct)).WerktMetDossiers ? await (await ZichtbaarAsync(ct)).FirstOrDefaultAsync(g => g.Id == id, ct) : null;

    private Dictionary<string, string[]> ControleerBijeenkomst(BijeenkomstInvoer invoer)
    {
        var fouten = Veldfouten.Nieuw();
        if (invoer.Datum is not { } datum) fouten.Voeg(nameof(invoer.Datum), "Vul de datum van de bijeenkomst in.");
        else if (datum < klok.Vandaag.AddYears(-1) || datum > klok.Vandaag.AddYears(2)) fouten.Voeg(nameof(invoer.Datum), "Vul een datum in van ten hoogste een jaar geleden tot twee jaar vooruit.");
        if (invoer.Aanvang is not { } aanvang) fouten.Voeg(nameof(invoer.Aanvang), "Vul de aanvangstijd in.");
        else if (invoer.Einde is { } einde && einde <= aanvang) fouten.Voeg(nameof(invoer.Einde), "De eindtijd ligt niet na de aanvangstijd.");
        if (invoer.Locatie?.Trim().Length > 200) fouten.Voeg(nameof(invoer.Locatie), "De locatie mag hoogstens 200 tekens zijn.");
        return fouten;
    }

    private static string? Tekst(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>A session of a group within reach: date, time and, when it differs, the location.</summary>
    public async Task<Uitkomst<Guid>> BijeenkomstAsync(Guid groepId, BijeenkomstInvoer invoer, CancellationToken ct = default)
    {
        var groep = await VoorWijzigingAsync(groepId, ct);
        if (groep is null) return Uitkomst<Guid>.Onbekend();
        var fouten = ControleerBijeenkomst(invoer);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        var b = new Groepsbijeenkomst
        {
            Id = Guid.NewGuid(), GroepsaanbodId = groep.Id, Datum = invoer.Datum!.Value, Aanvang = invoer.Aanvang!.Value, Einde = invoer.Einde,
            Locatie = Tekst(invoer.Locatie),
        };
        db.Add(b);
        audit.Aanmaken(null, $"Groep '{groep.Naam}': bijeenkomst gepland op {Shared.Weergave.Datum(b.Datum)}", AuditObject.Van<Groepsbijeenkomst>(b.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(b.Id);
    }

    /// <summary>
    /// Moves or corrects a session. Once attendance is recorded its date and time are fixed (the attendance belongs to that
    /// moment, and recording refuses sessions in the future); only the end time and the location can still change.
    /// </summary>
    public async Task<Uitkomst<Guid>> BijeenkomstWijzigenAsync(Guid groepId, Guid bijeenkomstId, BijeenkomstInvoer invoer, CancellationToken ct = default)
    {
        var groep = await VoorWijzigingAsync(groepId, ct);
        if (groep is null) return Uitkomst<Guid>.Onbekend();
        var b = await db.Set<Groepsbijeenkomst>().FirstOrDefaultAsync(x => x.Id == bijeenkomstId && x.GroepsaanbodId == groepId, ct);
        if (b is null) return Uitkomst<Guid>.Onbekend();
        var fouten = ControleerBijeenkomst(invoer);
        if (fouten.Count == 0 && (invoer.Datum != b.Datum || invoer.Aanvang != b.Aanvang)
            && await db.Set<Groepsaanwezigheid>().AnyAsync(a => a.GroepsbijeenkomstId == b.Id, ct))
            fouten.Voeg(nameof(invoer.Datum), "Voor deze bijeenkomst is al aanwezigheid vastgelegd; datum en aanvang liggen daarmee vast.");
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        var was = $"{Shared.Weergave.Datum(b.Datum)} {b.Aanvang:HH\\:mm}";
        (b.Datum, b.Aanvang, b.Einde, b.Locatie) = (invoer.Datum!.Value, invoer.Aanvang!.Value, invoer.Einde, Tekst(invoer.Locatie));
        audit.Wijzigen(null, $"Groep '{groep.Naam}': bijeenkomst van {was} gewijzigd naar {Shared.Weergave.Datum(b.Datum)} {b.Aanvang:HH\\:mm}", AuditObject.Van<Groepsbijeenkomst>(b.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(b.Id);
    }

    /// <summary>Cancels a session that has no attendance recorded; one with attendance is history and stays.</summary>
    public async Task<Uitkomst<Guid>> BijeenkomstAfzeggenAsync(Guid groepId, Guid bijeenkomstId, CancellationToken ct = default)
    {
        var groep = await VoorWijzigingAsync(groepId, ct);
        if (groep is null) return Uitkomst<Guid>.Onbekend();
        var b = await db.Set<Groepsbijeenkomst>().FirstOrDefaultAsync(x => x.Id == bijeenkomstId && x.GroepsaanbodId == groepId, ct);
        if (b is null) return Uitkomst<Guid>.Onbekend();
        if (await db.Set<Groepsaanwezigheid>().AnyAsync(a => a.GroepsbijeenkomstId == b.Id, ct))
            return Uitkomst<Guid>.Geweigerd(Veldfouten.Nieuw().Voeg("Bijeenkomst", "Voor deze bijeenkomst is al aanwezigheid vastgelegd; afzeggen kan niet meer."));
        db.Remove(b);
        audit.Wijzigen(null, $"Groep '{groep.Naam}': bijeenkomst van {Shared.Weergave.Datum(b.Datum)} {b.Aanvang:HH\\:mm} afgezegd", AuditObject.Van<Groepsbijeenkomst>(b.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(b.Id);
    }

    /// <summary>
    /// Changes a group's name, kind, location, capacity and description. The capacity cannot go below the persons enrolled
    /// now (nobody is put out by a form); a higher capacity enrolls the first on the waiting list in the same transaction.
    /// </summary>
    public async Task<Uitkomst<Guid>> WijzigenAsync(Guid groepId, GroepWijzigingInvoer invoer, CancellationToken ct = default)
    {
        var gezien = await VoorWijzigingAsync(groepId, ct);
        if (gezien is null) return Uitkomst<Guid>.Onbekend();
        return await SerieelAsync(async () =>
        {
            var groep = await db.Set<Groepsaanbod>().Include(g => g.Gemeente).FirstAsync(g => g.Id == groepId, ct);
            var fouten = Veldfouten.Nieuw();
            var naam = invoer.Naam?.Trim() ?? string.Empty;
            if (naam.Length == 0) fouten.Voeg(nameof(invoer.Naam), "Vul de naam van de groep in.");
            else if (naam.Length > 200) fouten.Voeg(nameof(invoer.Naam), "De naam mag hoogstens 200 tekens zijn.");
            else if (await db.Set<Groepsaanbod>().AnyAsync(g => g.GemeenteId == groep.GemeenteId && g.Naam == naam && g.Id != groep.Id, ct))
                fouten.Voeg(nameof(invoer.Naam), $"Er is al een groep met deze naam in {groep.Gemeente!.Naam}.");
            if (invoer.Soort is not { } soort || !Enum.IsDefined(soort)) fouten.Voeg(nameof(invoer.Soort), "Kies de soort groep.");
            var locatie = invoer.Locatie?.Trim() ?? string.Empty;
            if (locatie.Length == 0) fouten.Voeg(nameof(invoer.Locatie), "Vul de locatie in.");
            else if (locatie.Length > 200) fouten.Voeg(nameof(invoer.Locatie), "De locatie mag hoogstens 200 tekens zijn.");
            var ingeschreven = await Actief(groep.Id).CountAsync(ct);
            if (invoer.Capaciteit is not { } capaciteit || capaciteit < 1 || capaciteit > 100) fouten.Voeg(nameof(invoer.Capaciteit), "Vul een capaciteit in van 1 tot en met 100 deelnemers.");
            else if (capaciteit < ingeschreven)
                fouten.Voeg(nameof(invoer.Capaciteit), $"Er {(ingeschreven == 1 ? "is 1 deelnemer" : $"zijn {ingeschreven} deelnemers")} ingeschreven; de capaciteit kan niet lager zijn. Schrijf eerst iemand uit.");
            if (invoer.Omschrijving?.Trim().Length > 2000) fouten.Voeg(nameof(invoer.Omschrijving), "De omschrijving mag hoogstens 2000 tekens zijn.");
            if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
            var wijzigingen = new List<string>();
            if (groep.Naam != naam) wijzigingen.Add($"naam '{groep.Naam}' → '{naam}'");
            if (groep.Soort != invoer.Soort) wijzigingen.Add($"soort {Omschrijving(groep.Soort)} → {Omschrijving(invoer.Soort!.Value)}");
            if (groep.Locatie != locatie) wijzigingen.Add($"locatie → {locatie}");
            if (groep.Capaciteit != invoer.Capaciteit) wijzigingen.Add($"capaciteit {groep.Capaciteit} → {invoer.Capaciteit}");
            if (groep.Omschrijving != Tekst(invoer.Omschrijving)) wijzigingen.Add("omschrijving");
            (groep.Naam, groep.Soort, groep.Locatie, groep.Capaciteit, groep.Omschrijving) = (naam, invoer.Soort!.Value, locatie, invoer.Capaciteit!.Value, Tekst(invoer.Omschrijving));
            audit.Wijzigen(null, $"Groep '{naam}' gewijzigd: {(wijzigingen.Count == 0 ? "niets" : string.Join(", ", wijzigingen))}", AuditObject.Van<Groepsaanbod>(groep.Id));
            await db.SaveChangesAsync(ct);
            await VulVanWachtlijstAsync(groep, ct);
            return Uitkomst<Guid>.Ok(groep.Id);
        }, ct);
    }

    /// <summary>How many are enrolled and waiting in a group (counts only, no person), to tell the user what a change did.</summary>
    public async Task<(int Ingeschreven, int Wachtend)> BezettingAsync(Guid groepId, CancellationToken ct = default) =>
        (await Actief(groepId).CountAsync(ct),
         await db.Set<Groepswachtplaats>().CountAsync(w => w.GroepsaanbodId == groepId, ct));

    /// <summary>The waiting list of a group in order: first put on the list, first enrolled.</summary>
    private Task<List<Groepswachtplaats>> WachtrijAsync(Guid groepId, CancellationToken ct) =>
        db.Set<Groepswachtplaats>().Include(w => w.Inburgeraar).Where(w => w.GroepsaanbodId == groepId)
            .OrderBy(w => w.Volgnummer).ToListAsync(ct);

    /// <summary>
    /// Fills free places from the waiting list, in order, inside the caller's transaction. A person whose case was closed
    /// (anonymised) meanwhile is taken off the list rather than enrolled.
    /// </summary>
    private async Task VulVanWachtlijstAsync(Groepsaanbod groep, CancellationToken ct)
    {
        var vrij = groep.Capaciteit - await Actief(groep.Id).CountAsync(ct);
        if (vrij <= 0) return;
        foreach (var w in await WachtrijAsync(groep.Id, ct))
        {
            if (w.Inburgeraar!.GeanonimiseerdOp is not null)
            {
                db.Remove(w);
                continue;
            }

            if (vrij == 0) break;
            vrij--;
            db.Remove(w);
            var d = new Groepsdeelname { Id = Guid.NewGuid(), GroepsaanbodId = groep.Id, InburgeraarId = w.InburgeraarId, IngeschrevenOp = klok.Vandaag };
            db.Add(d);
            audit.Aanmaken(w.InburgeraarId, $"Groep '{groep.Naam}': van de wachtlijst ingeschreven (wachtend sinds {Shared.Weergave.Datum(w.Sinds)})", AuditObject.Van<Groepsdeelname>(d.Id));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Runs a change in one serializable transaction, so counting places and taking one cannot interleave with another
    /// enrolment. PostgreSQL refuses the loser of a race (40001); it is tried again and then sees the winner's change.
    /// </summary>
    private async Task<Uitkomst<Guid>> SerieelAsync(Func<Task<Uitkomst<Guid>>> werk, CancellationToken ct)
    {
        for (var poging = 1; ; poging++)
        {
            try
            {
                await using var transactie = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
                var u = await werk();
                if (u.Gelukt) await transactie.CommitAsync(ct);
                return u;
            }
            catch (Exception e) when (poging < 3 && IsSerialisatiefout(e))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Cases to enrol: open cases of the group's municipality within the user's reach, not enrolled now.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Naam)>> KandidatenAsync(Guid groepId, CancellationToken ct = default)
    {
        var groep = await VoorWijzigingAsync(groepId, ct);
        if (groep is null) return [];
        var rijen = await (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct))
            .Where(i => i.GemeenteId == groep.GemeenteId && i.GeanonimiseerdOp == null
                && !db.Set<Groepsdeelname>().Any(d => d.GroepsaanbodId == groepId && d.InburgeraarId == i.Id && d.UitgeschrevenOp == null))
            .OrderBy(i => i.Achternaam).ThenBy(i => i.Voornamen)
            .Select(i => new { i.Id, Naam = i.Achternaam + ", " + i.Voornamen, i.Geboortedatum }).Take(500).ToListAsync(ct);
        // Two persons with the same name get their year (or date) of birth, so the right one is chosen (no BSN in a picker).
        var labels = Shared.Keuzelabel.Onderscheiden([.. rijen.Select(r => (r.Naam, Shared.Keuzelabel.Persoon(r.Geboortedatum)))]);
        return [.. rijen.Select((r, n) => (r.Id, labels[n]))];
    }

    /// <summary>Persons enrolled in a group now.</summary>
    private IQueryable<Groepsdeelname> Actief(Guid groepId) => db.Set<Groepsdeelname>().Where(d => d.GroepsaanbodId == groepId && d.UitgeschrevenOp == null);

    /// <summary>The case to enrol or put on the waiting list: chosen, within the user's reach and of the group's municipality.</summary>
    private async Task<(Guid Dossier, Dictionary<string, string[]> Fouten)> KandidaatAsync(Groepsaanbod groep, InschrijvingInvoer invoer, string leeg, CancellationToken ct)
    {
        var fouten = Veldfouten.Nieuw();
        var veld = nameof(invoer.InburgeraarId);
        if (invoer.InburgeraarId is not { } dossier) return (Guid.Empty, fouten.Voeg(veld, leeg));
        if (!await toegang.MagDossierAsync(dossier, ct)) return (dossier, fouten.Voeg(veld, "Er is geen dossier binnen uw bereik met dit kenmerk."));
        if (!await db.Inburgeraars.AnyAsync(i => i.Id == dossier && i.GemeenteId == groep.GemeenteId, ct))
            fouten.Voeg(veld, "Deze inburgeraar woont niet in de gemeente van de groep.");
        return (dossier, fouten);
    }

    /// <summary>
    /// Enrols a case within the user's reach, of the group's municipality, once at a time; a full group refuses. The count
    /// and the insert run in one serializable transaction so two enrolments at once cannot both take the last place.
    /// </summary>
    public async Task<Uitkomst<Guid>> InschrijvenAsync(Guid groepId, InschrijvingInvoer invoer, CancellationToken ct = default)
    {
        var groep = await VoorWijzigingAsync(groepId, ct);
        if (groep is null) return Uitkomst<Guid>.Onbekend();
        var (dossier, fouten) = await KandidaatAsync(groep, invoer, "Kies de inburgeraar die u inschrijft.", ct);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        var veld = nameof(invoer.InburgeraarId);
        return await SerieelAsync(async () =>
        {
            if (await Actief(groep.Id).AnyAsync(d => d.InburgeraarId == dossier, ct))
                return Uitkomst<Guid>.Geweigerd(fouten.Voeg(veld, "Deze inburgeraar is al ingeschreven voor deze groep."));
            var ingeschreven = await Actief(groep.Id).CountAsync(ct);
            if (ingeschreven >= groep.Capaciteit)
                return Uitkomst<Guid>.Geweigerd(fouten.Voeg(veld, $"De groep is vol: alle {groep.Capaciteit} plaatsen zijn bezet. Schrijf eerst iemand uit, zet de inburgeraar op de wachtlijst of kies een andere groep."));
            var d = new Groepsdeelname { Id = Guid.NewGuid(), GroepsaanbodId = groep.Id, InburgeraarId = dossier, IngeschrevenOp = klok.Vandaag };
            db.Add(d);
            // Enrolled directly: a place on the waiting list for this group is no longer needed.
            await db.Set<Groepswachtplaats>().Where(w => w.GroepsaanbodId == groep.Id && w.InburgeraarId == dossier).ExecuteDeleteAsync(ct);
            audit.Aanmaken(dossier, $"Groep '{groep.Naam}': ingeschreven", AuditObject.Van<Groepsdeelname>(d.Id));
            await db.SaveChangesAsync(ct);
            return Uitkomst<Guid>.Ok(d.Id);
        }, ct);
    }

    /// <summary>
    /// Puts a case on the waiting list of a full group (a group with a free place refuses: enrol directly). The position is
    /// the order of arrival; when a place frees up the first in line is enrolled.
    /// </summary>
    public async Task<Uitkomst<Guid>> WachtlijstAsync(Guid groepId, InschrijvingInvoer invoer, CancellationToken ct = default)
    {
        var groep = await VoorWijzigingAsync(groepId, ct);
        if (groep is null) return Uitkomst<Guid>.Onbekend();
        var (dossier, fouten) = await KandidaatAsync(groep, invoer, "Kies de inburgeraar die u op de wachtlijst zet.", ct);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        var veld = nameof(invoer.InburgeraarId);
        return await SerieelAsync(async () =>
        {
            if (await Actief(groep.Id).AnyAsync(d => d.InburgeraarId == dossier, ct))
                return Uitkomst<Guid>.Geweigerd(fouten.Voeg(veld, "Deze inburgeraar is al ingeschreven voor deze groep."));
            var wachtend = await db.Set<Groepswachtplaats>().CountAsync(w => w.GroepsaanbodId == groep.Id, ct);
            if (await db.Set<Groepswachtplaats>().AnyAsync(w => w.GroepsaanbodId == groep.Id && w.InburgeraarId == dossier, ct))
                return Uitkomst<Guid>.Geweigerd(fouten.Voeg(veld, "Deze inburgeraar staat al op de wachtlijst van deze groep."));
            var ingeschreven = await Actief(groep.Id).CountAsync(ct);
            if (ingeschreven < groep.Capaciteit)
                return Uitkomst<Guid>.Geweigerd(fouten.Voeg(veld, $"Er is nog plaats in de groep ({ingeschreven} van {groep.Capaciteit}); schrijf de inburgeraar direct in."));
            // Inside the serializable transaction, so two arrivals cannot take the same number.
            var volgnummer = (await db.Set<Groepswachtplaats>().Where(w => w.GroepsaanbodId == groep.Id).MaxAsync(w => (int?)w.Volgnummer, ct) ?? 0) + 1;
            var w = new Groepswachtplaats { Id = Guid.NewGuid(), GroepsaanbodId = groep.Id, InburgeraarId = dossier, Sinds = klok.Vandaag, Volgnummer = volgnummer };
            db.Add(w);
            audit.Aanmaken(dossier, $"Groep '{groep.Naam}': op de wachtlijst gezet (plaats {wachtend + 1})", AuditObject.Van<Groepswachtplaats>(w.Id));
            await db.SaveChangesAsync(ct);
            return Uitkomst<Guid>.Ok(w.Id);
        }, ct);
    }

    /// <summary>Takes a person off a group's waiting list (no longer interested, another group found).</summary>
    public async Task<Uitkomst<Guid>> VanWachtlijstAsync(Guid groepId, Guid wachtplaatsId, CancellationToken ct = default)
    {
        var groep = await VoorWijzigingAsync(groepId, ct);
        if (groep is null) return Uitkomst<Guid>.Onbekend();
        var w = await db.Set<Groepswachtplaats>().FirstOrDefaultAsync(x => x.Id == wachtplaatsId && x.GroepsaanbodId == groepId, ct);
        if (w is null || !await toegang.MagDossierAsync(w.InburgeraarId, ct)) return Uitkomst<Guid>.Onbekend();
        db.Remove(w);
        audit.Wijzigen(w.InburgeraarId, $"Groep '{groep.Naam}': van de wachtlijst gehaald", AuditObject.Van<Groepswachtplaats>(w.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(w.Id);
    }

    /// <summary>PostgreSQL's "could not serialize access" (40001), also when EF wraps it.</summary>
    private static bool IsSerialisatiefout(Exception e) =>
        e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.SerializationFailure }
        || (e.InnerException is { } binnen && IsSerialisatiefout(binnen));

    /// <summary>Unenrols a person with a reason; the enrolment and its attendance stay as history.</summary>
    public async Task<Uitkomst<Guid>> UitschrijvenAsync(Guid groepId, Guid deelnameId, UitschrijvingInvoer invoer, CancellationToken ct = default)
    {
        var groep = await VoorWijzigingAsync(groepId, ct);
        if (groep is null) return Uitkomst<Guid>.Onbekend();
        var gezien = await db.Set<Groepsdeelname>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == deelnameId && x.GroepsaanbodId == groepId, ct);
        if (gezien is null || !await toegang.MagDossierAsync(gezien.InburgeraarId, ct)) return Uitkomst<Guid>.Onbekend();
        var reden = invoer.Reden?.Trim() ?? string.Empty;
        return await SerieelAsync(async () =>
        {
            var d = await db.Set<Groepsdeelname>().FirstAsync(x => x.Id == deelnameId, ct);
            var fouten = Veldfouten.Nieuw();
            if (d.UitgeschrevenOp is not null) fouten.Voeg(nameof(invoer.Reden), "Deze inburgeraar is al uitgeschreven.");
            else if (reden.Length == 0) fouten.Voeg(nameof(invoer.Reden), "Vul de reden van uitschrijving in.");
            else if (reden.Length > 500) fouten.Voeg(nameof(invoer.Reden), "De reden mag hoogstens 500 tekens zijn.");
            if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
            d.UitgeschrevenOp = klok.Vandaag;
            d.Uitschrijfreden = reden;
            audit.Wijzigen(d.InburgeraarId, $"Groep '{groep.Naam}': uitgeschreven", AuditObject.Van<Groepsdeelname>(d.Id));
            await db.SaveChangesAsync(ct);
            // The freed place goes to the first on the waiting list, in the same transaction.
            await VulVanWachtlijstAsync(groep, ct);
            return Uitkomst<Guid>.Ok(d.Id);
        }, ct);
    }

    /// <summary>
    /// Records attendance of a session that has begun (not a future one) for persons enrolled now. Staff: any person within
    /// reach; the organising partner: only persons with consent. A person not allowed is refused, nothing is stored.
    /// </summary>
    public async Task<Uitkomst<Guid>> AanwezigheidAsync(Guid groepId, Guid bijeenkomstId, AanwezigheidInvoer invoer, CancellationToken ct = default)
    {
        var groep = await (await ZichtbaarAsync(ct)).FirstOrDefaultAsync(g => g.Id == groepId, ct);
        if (groep is null) return Uitkomst<Guid>.Onbekend();
        var b = await db.Set<Groepsbijeenkomst>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == bijeenkomstId && x.GroepsaanbodId == groepId, ct);
        if (b is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (b.Datum > klok.Vandaag) return Uitkomst<Guid>.Geweigerd(fouten.Voeg("Regels", $"De bijeenkomst is op {Shared.Weergave.Datum(b.Datum)}; leg de aanwezigheid vast op of na die dag."));
        if (invoer.Regels.Count == 0) return Uitkomst<Guid>.Geweigerd(fouten.Voeg("Regels", "Kies voor ten minste één deelnemer of hij of zij aanwezig was."));
        if (invoer.Regels.Select(r => r.DeelnameId).Distinct().Count() != invoer.Regels.Count) return Uitkomst<Guid>.Geweigerd(fouten.Voeg("Regels", "Elke deelnemer hoort één keer in de lijst."));
        if (invoer.Regels.Any(r => !Enum.IsDefined(r.Status))) return Uitkomst<Guid>.Geweigerd(fouten.Voeg("Regels", "Kies aanwezig, afwezig met bericht of afwezig zonder bericht."));
        var ids = invoer.Regels.Select(r => r.DeelnameId).ToList();
        var deelnames = await db.Set<Groepsdeelname>().Where(d => ids.Contains(d.Id) && d.GroepsaanbodId == groepId && d.UitgeschrevenOp == null).ToListAsync(ct);
        var bereik = await toegang.BereikAsync(ct);
        var personen = deelnames.Select(d => d.InburgeraarId).ToList();
        var bron = bereik.IsPartner
            ? await toegang.PartnerDossiersAsync(db.Inburgeraars.AsNoTracking(), PartnerCategorie, ct)
            : await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct);
        var mag = (await bron.Where(i => personen.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct)).ToHashSet();
        if (deelnames.Count != ids.Count || deelnames.Any(d => !mag.Contains(d.InburgeraarId)))
            return Uitkomst<Guid>.Geweigerd(fouten.Voeg("Regels", bereik.IsPartner
                ? "U kunt alleen de aanwezigheid vastleggen van ingeschreven deelnemers die uw organisatie hebben gemachtigd."
                : "U kunt alleen de aanwezigheid vastleggen van deelnemers die nu ingeschreven zijn."));
        var bestaand = await db.Set<Groepsaanwezigheid>().Where(a => a.GroepsbijeenkomstId == bijeenkomstId && ids.Contains(a.GroepsdeelnameId)).ToListAsync(ct);
        foreach (var r in invoer.Regels)
        {
            var d = deelnames.Single(x => x.Id == r.DeelnameId);
            var a = bestaand.FirstOrDefault(x => x.GroepsdeelnameId == r.DeelnameId);
            if (a is null) db.Add(a = new Groepsaanwezigheid { Id = Guid.NewGuid(), GroepsbijeenkomstId = bijeenkomstId, GroepsdeelnameId = d.Id, Status = r.Status });
            else if (a.Status == r.Status) continue;
            else a.Status = r.Status;
            audit.Wijzigen(d.InburgeraarId, $"Groep '{groep.Naam}': bijeenkomst {Shared.Weergave.Datum(b.Datum)} {Omschrijving(r.Status).ToLowerInvariant()}{(bereik.IsPartner ? " (ketenpartner)" : "")}",
                AuditObject.Van<Groepsaanwezigheid>(a.Id));
        }

        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(bijeenkomstId);
    }

    // Compiled (Koers.Data.Gecompileerd): on every case page.
    private static readonly Gecompileerd.Lijst<Guid, bool, Groepsdeelname> Deelnames = Gecompileerd.Rijen((KoersDbContext db, Guid id, bool alleenActief) =>
        db.Set<Groepsdeelname>().AsNoTracking()
            .Include(d => d.Groepsaanbod!).ThenInclude(g => g.Bijeenkomsten)
            .Include(d => d.Groepsaanbod!).ThenInclude(g => g.OrganisatorMedewerker)
            .Include(d => d.Groepsaanbod!).ThenInclude(g => g.OrganisatorPartner)
            .Include(d => d.Aanwezigheid)
            .Where(d => d.InburgeraarId == id && (!alleenActief || d.UitgeschrevenOp == null))
            .AsSplitQuery());

    private async Task<IReadOnlyList<GroepVanDossier>> GroepenVanAsync(Guid dossierId, bool alleenActief, CancellationToken ct)
    {
        var deelnames = await Deelnames.ToListAsync(db, dossierId, alleenActief, ct);
        return deelnames.OrderBy(d => d.UitgeschrevenOp is not null).ThenBy(d => d.Groepsaanbod!.Naam)
            .Select(d => new GroepVanDossier(d.Groepsaanbod!, d, [.. d.Groepsaanbod!.Bijeenkomsten.OrderBy(b => b.Datum).ThenBy(b => b.Aanvang)
                .Select(b => (b, d.Aanwezigheid.FirstOrDefault(a => a.GroepsbijeenkomstId == b.Id)?.Status))]))
            .ToList();
    }

    /// <summary>The groups of one case with attendance (staff with the case in reach; null: 404).</summary>
    public async Task<IReadOnlyList<GroepVanDossier>?> VanDossierAsync(Guid dossierId, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers || !await toegang.MagDossierAsync(dossierId, ct)) return null;
        return await GroepenVanAsync(dossierId, false, ct);
    }

    /// <summary>The waiting lists a case is on, with its position on each (staff with the case in reach; otherwise none).</summary>
    private sealed record Wachtplaats(Guid GroepsaanbodId, string Groep, DateOnly Sinds, int Voor);

    // Compiled (Koers.Data.Gecompileerd): on every case page.
    private static readonly Gecompileerd.Lijst<Guid, Wachtplaats> Wachtplaatsen = Gecompileerd.Rijen((KoersDbContext db, Guid id) =>
        db.Set<Groepswachtplaats>().AsNoTracking().Where(w => w.InburgeraarId == id).Select(w => new Wachtplaats(
            w.GroepsaanbodId, w.Groepsaanbod!.Naam, w.Sinds,
            db.Set<Groepswachtplaats>().Count(x => x.GroepsaanbodId == w.GroepsaanbodId && x.Volgnummer < w.Volgnummer))));

    public async Task<IReadOnlyList<WachtendOp>> WachtlijstenVanAsync(Guid dossierId, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers || !await toegang.MagDossierAsync(dossierId, ct)) return [];
        // Position = those ahead in the same order the list is filled in, plus one; counted in the same statement.
        var eigen = await Wachtplaatsen.ToListAsync(db, dossierId, ct);
        return eigen.OrderBy(w => w.Groep).Select(w => new WachtendOp(w.GroepsaanbodId, w.Groep, w.Voor + 1, w.Sinds)).ToList();
    }

    /// <summary>The inburgeraar's own groups (enrolled now) for the portal; null for anyone else. Audited.</summary>
    public async Task<IReadOnlyList<GroepVanDossier>?> EigenAsync(CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (bereik.EigenDossier is not { } id || !bereik.Heeft(Rollen.Inburgeraar) || !await toegang.MagDossierAsync(id, ct)) return null;
        var lijst = await GroepenVanAsync(id, true, ct);
        audit.Inzien(id, "Portaal: groepen bekeken");
        await db.SaveChangesAsync(ct);
        return lijst;
    }

    /// <summary>
    /// Whether the person's last <see cref="SignaalAfwezig"/> recorded sessions of one group were all missed without
    /// notice: two in a row is the moment to call (one can be chance; an absence with notice is not a signal).
    /// </summary>
    public static bool TweeKeerZonderBericht(IEnumerable<(DateOnly Datum, TimeOnly Aanvang, Aanwezigheidsstatus Status)> geregistreerd) =>
        geregistreerd.OrderByDescending(a => a.Datum).ThenByDescending(a => a.Aanvang).Take(SignaalAfwezig)
            .Count(a => a.Status == Aanwezigheidsstatus.AfwezigZonderBericht) == SignaalAfwezig;

    /// <summary>
    /// The worklist section: persons enrolled now, within reach and the selection, whose last two recorded sessions of a
    /// group were both missed without notice.
    /// </summary>
    public async Task<Signaalsectie> SectieAsync(Dossierselectie selectie, DateOnly vandaag, CancellationToken ct = default)
    {
        var dossiers = selectie.Pas(await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct));
        var sinds = vandaag.AddDays(-180);
        var rijen = await db.Set<Groepsaanwezigheid>().AsNoTracking()
            .Where(a => a.Groepsdeelname!.UitgeschrevenOp == null && a.Groepsbijeenkomst!.Datum >= sinds && dossiers.Any(i => i.Id == a.Groepsdeelname.InburgeraarId))
            .Select(a => new
            {
                a.GroepsdeelnameId, a.Groepsdeelname!.InburgeraarId, a.Groepsdeelname.GroepsaanbodId, Groep = a.Groepsdeelname.Groepsaanbod!.Naam,
                Naam = a.Groepsdeelname.Inburgeraar!.Voornamen + " " + a.Groepsdeelname.Inburgeraar.Achternaam,
                a.Groepsbijeenkomst!.Datum, a.Groepsbijeenkomst.Aanvang, a.Status,
            })
            .ToListAsync(ct);
        var regels = rijen.GroupBy(r => r.GroepsdeelnameId)
            .Where(g => TweeKeerZonderBericht(g.Select(r => (r.Datum, r.Aanvang, r.Status))))
            .Select(g => (Laatste: g.Max(r => r.Datum), Eerste: g.First()))
            .OrderByDescending(x => x.Laatste).Take(Signaalsectie.Maximaal + 1)
            .Select(x => new SignaalRegel(x.Eerste.InburgeraarId, x.Eerste.Naam, $"/groepen/{x.Eerste.GroepsaanbodId}", "Afwezig", true,
                $"Twee bijeenkomsten op rij afwezig zonder bericht, laatst {Shared.Weergave.Datum(x.Laatste)} · {x.Eerste.Groep}"))
            .ToList();
        return new Signaalsectie("signalen-groepen", "Afwezig in groepsaanbod", regels, "Niemand miste twee groepsbijeenkomsten op rij zonder bericht.",
            [new Signaalsectie.Telling("Afwezig", regels.Count)], [new Signaalsectie.Link("Alle groepen", "/groepen")]);
    }
}

/// <summary>The worklist section of group offers: persons who missed two sessions in a row without notice.</summary>
public sealed class GroepenSignaalbron(GroepenService groepen) : ISignaalbron
{
    public int Volgorde => SignaalbronVolgorde.Groepen;

    public Task<Signaalsectie> SectieAsync(Dossierselectie selectie, DateOnly vandaag, CancellationToken ct) => groepen.SectieAsync(selectie, vandaag, ct);
}

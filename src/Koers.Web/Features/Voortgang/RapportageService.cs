using static Koers.Web.Infrastructure.Invoer;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Voortgang;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Voortgang;

/// <summary>Who reports: a partner organisation (with consent for Voortgang) or the municipality (within its reach).</summary>
public sealed record Rapporteur(int? PartnerorganisatieId, Gegevensbron Bron);

/// <summary>
/// Partner reporting on one case: weekly hours with absence, skill progress, exam results and warning signals.
/// Access is decided by <see cref="Kern.Toegang"/> only: a partner needs an active consent including
/// Voortgang, staff need the case within their reach; anything else is 'not found' and nothing is stored.
/// </summary>
public sealed class RapportageService(KoersDbContext db, Klok klok, HuidigeGebruiker gebruiker, Kern.Toegang toegang, DossierService dossiers, Duo.DuoOutbox duo)
{
    public const int MaxNotitie = 2000;

    public async Task<Rapporteur?> RapporteurAsync(Guid id, CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (bereik.IsPartner)
        {
            return await toegang.MagPartnerAsync(id, Gegevenscategorie.Voortgang, ct) ? new Rapporteur(bereik.PartnerorganisatieId, Gegevensbron.Partner) : null;
        }

        return bereik.WerktMetDossiers && await toegang.MagDossierAsync(id, ct) ? new Rapporteur(null, Gegevensbron.Gemeente) : null;
    }

    public async Task<Uitkomst<Opslagresultaat>> UrenAsync(Guid id, UrenInvoer invoer, CancellationToken ct = default)
    {
        var wie = await RapporteurAsync(id, ct);
        if (wie is null) return Uitkomst<Opslagresultaat>.Onbekend();

        var fouten = Veldfouten.Nieuw();
        DateOnly week = default;
        if (!Week.TryParse(invoer.Week, out week, out var weekFout)) fouten.Voeg(nameof(invoer.Week), Zin(weekFout!));
        if (invoer.Soort is not { } soort || !Enum.IsDefined(soort)) fouten.Voeg(nameof(invoer.Soort), "Kies de soort uren.");
        if (invoer.Uren is null) fouten.Voeg(nameof(invoer.Uren), "Vul het aantal aanwezige uren in (0 als er geen les was).");
        if (fouten.Count > 0) return Uitkomst<Opslagresultaat>.Geweigerd(fouten);

        var uren = invoer.Uren!.Value;
        var afwezig = invoer.AfwezigUren ?? 0;
        foreach (var (veld, melding) in Urenregels.Controleer(uren, afwezig, week, klok.Vandaag))
        {
            fouten.Voeg(veld, Zin(melding));
        }

        if (fouten.Count > 0) return Uitkomst<Opslagresultaat>.Geweigerd(fouten);

        var bestaand = await db.Urenregistraties.FirstOrDefaultAsync(u =>
            u.InburgeraarId == id && u.PartnerorganisatieId == wie.PartnerorganisatieId && u.Soort == invoer.Soort && u.Week == week, ct);
        var resultaat = Schrijf(bestaand, id, wie, invoer.Soort!.Value, week, uren, afwezig, afwezig > 0 && invoer.AfwezigGemeld, wie.Bron);
        if (resultaat != Opslagresultaat.Ongewijzigd)
        {
            dossiers.Audit(AuditActie.Wijzigen, id, $"Voortgang: {invoer.Soort.Value.Omschrijving()}-uren week {Week.IsoNotatie(week)} {(resultaat == Opslagresultaat.Toegevoegd ? "vastgelegd" : "gewijzigd")}{Door(wie)}");
            await MeldUrenAanDuoAsync([id], ct);
            await db.SaveChangesAsync(ct);
        }

        return Uitkomst<Opslagresultaat>.Ok(resultaat);
    }

    /// <summary>
    /// Queues DUO's new hour totals for cases whose hours changed (GevolgdeUren API: DUO keeps one total per kind, so
    /// the newest total replaces the earlier one). Totals include the changes not yet saved, so each message is stored
    /// in the same transaction as the hours it reports.
    /// <list type="bullet">
    /// <item>Every case: language and KNM hours followed during the brede intake (PUT …/uren/bredeintake/taallesknm).
    /// The brede intake ends with the PIP, so these are the weeks before the PIP's date (all weeks while there is no
    /// PIP yet). Sent only when that total changed: most hour reports are after the PIP and leave it alone.</item>
    /// <item>Z-route cases: language and KNM hours in the leerroute (…/participatietaalles; DUO's schema: "De uren uit
    /// Brede Intake tellen niet mee") and all participation hours (…/participatieactiviteiten; "De uren uit Brede
    /// Intake tellen mee", Besluit inburgering 2021 art. 3.14).</item>
    /// </list>
    /// </summary>
    internal async Task MeldUrenAanDuoAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var dossiers = await db.Inburgeraars.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new
            {
                i.Id,
                ZRoute = i.Leerroute == Koers.Domain.Dossier.Leerroute.ZRoute,
                Pip = i.Mijlpalen.Where(m => m.Soort == Koers.Domain.Dossier.Mijlpaal.PipVastgesteld).Select(m => (DateOnly?)m.Datum).FirstOrDefault(),
            })
            .ToListAsync(ct);
        if (dossiers.Count == 0) return;
        var metId = dossiers.Select(d => d.Id).ToList();
        // Sets, not lists: a 10,000-row CSV upload checks every tracked row against a few hundred cases.
        var metIdSet = metId.ToHashSet();
        Urensoort[] telt = [Urensoort.Taal, Urensoort.Knm, Urensoort.Participatie, Urensoort.Arbeidsparticipatie, Urensoort.Vrijwilligerswerk, Urensoort.MaatschappelijkeParticipatie];
        var opgeslagen = await db.Urenregistraties.AsNoTracking()
            .Where(u => metId.Contains(u.InburgeraarId) && telt.Contains(u.Soort))
            .Select(u => new { u.Id, u.InburgeraarId, u.Soort, u.Week, u.Uren }).ToListAsync(ct);
        var regels = opgeslagen.ToDictionary(u => (object)u.Id, u => (u.InburgeraarId, u.Soort, u.Week, u.Uren));
        foreach (var e in db.ChangeTracker.Entries<Urenregistratie>())
        {
            var u = e.Entity;
            if (!metIdSet.Contains(u.InburgeraarId) || !telt.Contains(u.Soort)) continue;
            object sleutel = e.State == EntityState.Added ? e : u.Id;
            if (e.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged) regels[sleutel] = (u.InburgeraarId, u.Soort, u.Week, u.Uren);
            else if (e.State == EntityState.Deleted) regels.Remove(sleutel);
        }

        var perDossier = regels.Values.ToLookup(r => r.InburgeraarId);
        var eerder = (await db.DuoUitgaandeBerichten.AsNoTracking()
                .Where(b => metId.Contains(b.InburgeraarId) && b.Soort == Data.Model.Duo.OutboxSoort.UrenTaallesKnm)
                .Select(b => new { b.InburgeraarId, b.AangemaaktOp, b.InhoudJson }).ToListAsync(ct))
            .ToLookup(b => b.InburgeraarId);
        var meldingen = new List<(Guid Id, Data.Model.Duo.OutboxSoort Soort, int Uren)>();
        foreach (var d in dossiers)
        {
            var vanCase = perDossier[d.Id].ToList();
            bool InIntake(DateOnly week) => d.Pip is not { } pip || week < pip;
            // DUO counts whole hours.
            var intake = (int)Math.Floor(vanCase.Where(r => !r.Soort.IsParticipatie() && InIntake(r.Week)).Sum(r => r.Uren));
            var vorige = eerder[d.Id].OrderBy(b => b.AangemaaktOp).LastOrDefault() is { } b
                ? System.Text.Json.JsonSerializer.Deserialize<Duo.DuoUren>(b.InhoudJson, Duo.DuoJson.Opties)?.Uren
                : null;
            if (intake != (vorige ?? 0)) meldingen.Add((d.Id, Data.Model.Duo.OutboxSoort.UrenTaallesKnm, intake));
            if (!d.ZRoute) continue;
            var taal = vanCase.Where(r => !r.Soort.IsParticipatie() && !InIntake(r.Week)).Sum(r => r.Uren);
            var participatie = vanCase.Where(r => r.Soort.IsParticipatie()).Sum(r => r.Uren);
            meldingen.Add((d.Id, Data.Model.Duo.OutboxSoort.UrenParticipatieTaalles, (int)Math.Floor(taal)));
            meldingen.Add((d.Id, Data.Model.Duo.OutboxSoort.UrenParticipatieactiviteiten, (int)Math.Floor(participatie)));
        }

        if (meldingen.Count == 0) return;
        // The cases the messages are for in one query (they carry the BSN), not one query per message.
        var nodig = meldingen.Select(m => m.Id).Distinct().ToList();
        var inburgeraars = await db.Inburgeraars.AsNoTracking().Where(i => nodig.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        foreach (var (id, soort, uren) in meldingen)
        {
            if (inburgeraars.TryGetValue(id, out var inburgeraar)) duo.MeldGevolgdeUren(inburgeraar, soort, uren);
        }
    }

    /// <summary>What storing these hours over the stored week would do: add, update, or nothing (the same values again).</summary>
    internal static Opslagresultaat Vergelijk(Urenregistratie? bestaand, decimal uren, decimal afwezig, bool gemeld) =>
        bestaand is null ? Opslagresultaat.Toegevoegd
        : bestaand.Uren == uren && bestaand.AfwezigUren == afwezig && bestaand.AfwezigGemeld == gemeld ? Opslagresultaat.Ongewijzigd
        : Opslagresultaat.Bijgewerkt;

    /// <summary>Adds or updates one week's hours on the tracked set; the unique key makes a repeated report a no-op.</summary>
    internal Opslagresultaat Schrijf(Urenregistratie? bestaand, Guid id, Rapporteur wie, Urensoort soort, DateOnly week, decimal uren, decimal afwezig, bool gemeld, Gegevensbron bron)
    {
        if (bestaand is null)
        {
            db.Urenregistraties.Add(new Urenregistratie
            {
                InburgeraarId = id, PartnerorganisatieId = wie.PartnerorganisatieId, Soort = soort, Week = week, Uren = uren, AfwezigUren = afwezig,
                AfwezigGemeld = gemeld, Bron = bron, VastgelegdOp = klok.NuUtc, VastgelegdDoor = gebruiker.Naam,
            });
            return Opslagresultaat.Toegevoegd;
        }

        if (Vergelijk(bestaand, uren, afwezig, gemeld) == Opslagresultaat.Ongewijzigd) return Opslagresultaat.Ongewijzigd;
        bestaand.Uren = uren;
        bestaand.AfwezigUren = afwezig;
        bestaand.AfwezigGemeld = gemeld;
        bestaand.Bron = bron;
        bestaand.VastgelegdOp = klok.NuUtc;
        bestaand.VastgelegdDoor = gebruiker.Naam;
        return Opslagresultaat.Bijgewerkt;
    }

    public async Task<Uitkomst<Guid>> VaardigheidAsync(Guid id, VaardigheidInvoer invoer, CancellationToken ct = default)
    {
        var wie = await RapporteurAsync(id, ct);
        if (wie is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (invoer.Vaardigheid is not { } vaardigheid || !Enum.IsDefined(vaardigheid)) fouten.Voeg(nameof(invoer.Vaardigheid), "Kies de vaardigheid.");
        Datum(invoer.Datum, nameof(invoer.Datum), fouten);
        var niveau = invoer.Niveau?.Trim() ?? string.Empty;
        var toegestaan = invoer.Vaardigheid == Vaardigheid.Knm ? Namen.KnmNiveaus : Namen.Niveaus;
        var gevonden = toegestaan.FirstOrDefault(n => string.Equals(n, niveau, StringComparison.OrdinalIgnoreCase));
        if (gevonden is null) fouten.Voeg(nameof(invoer.Niveau), $"Kies een niveau: {string.Join(", ", toegestaan)}.");
        Notitie(invoer.Notitie, nameof(invoer.Notitie), false, fouten);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var regel = new Vaardigheidsvoortgang
        {
            Id = Guid.NewGuid(), InburgeraarId = id, PartnerorganisatieId = wie.PartnerorganisatieId, Vaardigheid = invoer.Vaardigheid!.Value,
            Datum = invoer.Datum!.Value, Niveau = gevonden!, Notitie = Schoon(invoer.Notitie), Bron = wie.Bron, VastgelegdOp = klok.NuUtc, VastgelegdDoor = gebruiker.Naam,
        };
        db.Vaardigheidsvoortgang.Add(regel);
        dossiers.Audit(AuditActie.Wijzigen, id, $"Voortgang: {regel.Vaardigheid.Omschrijving()} ingeschat op {regel.Niveau}{Door(wie)}");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(regel.Id);
    }

    public async Task<Uitkomst<Guid>> ExamenAsync(Guid id, ExamenInvoer invoer, CancellationToken ct = default)
    {
        var wie = await RapporteurAsync(id, ct);
        if (wie is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        // Partners report exam components; the Z-route eindgesprek and onderwijsroute are closure (the municipality).
        if (invoer.Onderdeel is not { } onderdeel || !Enum.IsDefined(onderdeel) || onderdeel is Examenonderdeel.ZRouteEindgesprek or Examenonderdeel.Onderwijsroute)
        {
            fouten.Voeg(nameof(invoer.Onderdeel), "Kies een examenonderdeel: lezen, luisteren, schrijven, spreken of KNM.");
        }

        Datum(invoer.Datum, nameof(invoer.Datum), fouten);
        var niveau = invoer.Niveau?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(niveau)) niveau = null;
        if (niveau is not null && niveau is not ("A1" or "A2" or "B1" or "B2")) fouten.Voeg(nameof(invoer.Niveau), "Het niveau is A1, A2, B1 of B2 (of leeg voor KNM).");
        if (invoer.Score is < 0 or > 1000) fouten.Voeg(nameof(invoer.Score), "De score ligt tussen 0 en 1000.");
        var kenmerk = Schoon(invoer.Kenmerk);
        if (kenmerk?.Length > 80) fouten.Voeg(nameof(invoer.Kenmerk), "Het kenmerk is hoogstens 80 tekens.");
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        // The partner's key is made unique per reporter, so two schools using the same numbering never collide.
        var sleutel = kenmerk is null ? null : $"{(wie.PartnerorganisatieId is { } p ? $"P{p}" : "G")}:{kenmerk}";
        var bron = wie.PartnerorganisatieId is null ? Gegevensbron.Gemeente : Gegevensbron.Partner;
        var resultaat = sleutel is null ? null : await db.Examenresultaten.FirstOrDefaultAsync(e => e.Bron == bron && e.ExternKenmerk == sleutel, ct);
        if (resultaat is not null && resultaat.InburgeraarId != id)
        {
            return Uitkomst<Guid>.Geweigerd(new() { [nameof(invoer.Kenmerk)] = ["Dit kenmerk is al gebruikt voor een ander resultaat."] });
        }

        if (resultaat is null)
        {
            resultaat = new Examenresultaat { Id = Guid.NewGuid(), InburgeraarId = id, VastgelegdDoor = gebruiker.Naam, Bron = bron, ExternKenmerk = sleutel };
            db.Examenresultaten.Add(resultaat);
        }

        resultaat.Onderdeel = invoer.Onderdeel!.Value;
        resultaat.Datum = invoer.Datum!.Value;
        resultaat.Niveau = niveau;
        resultaat.Behaald = invoer.Behaald;
        resultaat.Score = invoer.Score;
        resultaat.PartnerorganisatieId = wie.PartnerorganisatieId;
        resultaat.VastgelegdOp = klok.NuUtc;
        resultaat.VastgelegdDoor = gebruiker.Naam;
        dossiers.Audit(AuditActie.Wijzigen, id, $"Voortgang: examenresultaat {resultaat.Onderdeel.Omschrijving()} ({(resultaat.Behaald ? "behaald" : "niet behaald")}) vastgelegd{Door(wie)}");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(resultaat.Id);
    }

    public async Task<Uitkomst<Guid>> SignaalAsync(Guid id, SignaalInvoer invoer, CancellationToken ct = default)
    {
        var wie = await RapporteurAsync(id, ct);
        if (wie is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (invoer.Soort is not { } soort || !Enum.IsDefined(soort)) fouten.Voeg(nameof(invoer.Soort), "Kies de soort signaal.");
        Datum(invoer.Datum, nameof(invoer.Datum), fouten);
        Notitie(invoer.Notitie, nameof(invoer.Notitie), true, fouten);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var signaal = new Voortgangssignaal
        {
            Id = Guid.NewGuid(), InburgeraarId = id, PartnerorganisatieId = wie.PartnerorganisatieId, Soort = invoer.Soort!.Value, Datum = invoer.Datum!.Value,
            Notitie = invoer.Notitie!.Trim(), Bron = wie.Bron, VastgelegdOp = klok.NuUtc, VastgelegdDoor = gebruiker.Naam,
        };
        db.Voortgangssignalen.Add(signaal);
        dossiers.Audit(AuditActie.Wijzigen, id, $"Voortgang: signaal '{signaal.Soort.Omschrijving()}' gemeld{Door(wie)}");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(signaal.Id);
    }

    private void Datum(DateOnly? datum, string veld, Dictionary<string, string[]> fouten)
    {
        if (datum is null) fouten.Voeg(veld, "Vul de datum in.");
        else if (datum > klok.Vandaag) fouten.Voeg(veld, "De datum ligt in de toekomst.");
        else if (datum < new DateOnly(2022, 1, 1)) fouten.Voeg(veld, "De datum ligt vóór de Wet inburgering 2021 (1 januari 2022).");
    }

    private static void Notitie(string? tekst, string veld, bool verplicht, Dictionary<string, string[]> fouten)
    {
        if (verplicht && string.IsNullOrWhiteSpace(tekst)) fouten.Voeg(veld, "Beschrijf kort wat er aan de hand is.");
        else if (tekst?.Trim().Length > MaxNotitie) fouten.Voeg(veld, $"Hoogstens {MaxNotitie} tekens.");
    }

    private static string Door(Rapporteur wie) => wie.PartnerorganisatieId is { } p ? $" (ketenpartner {p})" : string.Empty;

    internal static string Zin(string tekst) => tekst.Length == 0 ? tekst : char.ToUpperInvariant(tekst[0]) + tekst[1..] + (tekst.EndsWith('.') ? "" : ".");
}

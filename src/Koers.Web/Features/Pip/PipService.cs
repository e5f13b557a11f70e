using System.Security.Cryptography;
using System.Text.Json;
using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Intake;
using Koers.Domain.Pip;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Dossier;
using Koers.Web.Features.Pip.Beschikking;
using Koers.Web.Infrastructure;
using Koers.Web.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Pip;

/// <summary>What a klantregisseur fills in for a PIP (a draft until it is vastgesteld).</summary>
public sealed class PipInvoer
{
    public Leerroute? Leerroute { get; set; }
    public Dictionary<Vaardigheid, Taalniveau> Niveaus { get; set; } = [];
    public bool Knm { get; set; } = true;
    public Alfabetisering Alfabetisering { get; set; }
    public bool Pvt { get; set; } = true;
    public bool Map { get; set; } = true;
    public ParticipatieVorm Participatie { get; set; }
    public string? ParticipatieOmschrijving { get; set; }
    public bool MaatschappelijkeBegeleiding { get; set; }
    public bool Ontzorgen { get; set; }
    public Hoofddoel? Hoofddoel { get; set; }
    public List<string> Subdoelen { get; set; } = [];
    public List<Aandachtspunt> Aandachtspunten { get; set; } = [];
    public string? Aanbieder { get; set; }
    public DateOnly? GeplandeStart { get; set; }
    public int? GeschatteIntensiteitB1 { get; set; }
    public string? MotivatieAfwijkingLbt { get; set; }
    public int? AantalVoortgangsgesprekkenPerJaar { get; set; }

    public PipInhoud AlsInhoud() => new()
    {
        Leerroute = Leerroute,
        Niveaus = (Niveaus ?? []).ToDictionary(n => n.Key, n => n.Value),
        Knm = Knm,
        Alfabetisering = Alfabetisering,
        Pvt = Pvt,
        Map = Map,
        Participatie = Participatie,
        ParticipatieOmschrijving = string.IsNullOrWhiteSpace(ParticipatieOmschrijving) ? null : ParticipatieOmschrijving.Trim(),
        MaatschappelijkeBegeleiding = MaatschappelijkeBegeleiding,
        Ontzorgen = Ontzorgen,
        Hoofddoel = Hoofddoel,
        Subdoelen = (Subdoelen ?? []).Select(s => s?.Trim() ?? string.Empty).Where(s => s.Length > 0).ToList(),
        Aandachtspunten = (Aandachtspunten ?? []).Distinct().ToList(),
        Aanbieder = string.IsNullOrWhiteSpace(Aanbieder) ? null : Aanbieder.Trim(),
        GeplandeStart = GeplandeStart,
        GeschatteIntensiteitB1 = GeschatteIntensiteitB1,
        MotivatieAfwijkingLbt = string.IsNullOrWhiteSpace(MotivatieAfwijkingLbt) ? null : MotivatieAfwijkingLbt.Trim(),
        AantalVoortgangsgesprekkenPerJaar = AantalVoortgangsgesprekkenPerJaar,
    };

    public static PipInvoer Van(PipInhoud i) => new()
    {
        Leerroute = i.Leerroute,
        Niveaus = i.Niveaus.ToDictionary(n => n.Key, n => n.Value),
        Knm = i.Knm,
        Alfabetisering = i.Alfabetisering,
        Pvt = i.Pvt,
        Map = i.Map,
        Participatie = i.Participatie,
        ParticipatieOmschrijving = i.ParticipatieOmschrijving,
        MaatschappelijkeBegeleiding = i.MaatschappelijkeBegeleiding,
        Ontzorgen = i.Ontzorgen,
        Hoofddoel = i.Hoofddoel,
        Subdoelen = i.Subdoelen.ToList(),
        Aandachtspunten = i.Aandachtspunten.ToList(),
        Aanbieder = i.Aanbieder,
        GeplandeStart = i.GeplandeStart,
        GeschatteIntensiteitB1 = i.GeschatteIntensiteitB1,
        MotivatieAfwijkingLbt = i.MotivatieAfwijkingLbt,
        AantalVoortgangsgesprekkenPerJaar = i.AantalVoortgangsgesprekkenPerJaar,
    };
}

public sealed class VaststellingInvoer
{
    public DateOnly? Dagtekening { get; set; }

    /// <summary>When the letter is sent the same moment (or was already sent): the bezwaar clause then names the last day.</summary>
    public DateOnly? Verzenddatum { get; set; }
    public string? RedenTeLaat { get; set; }
    public string? RedenBijstelling { get; set; }
}

/// <summary>Withdrawing the PIP in force: the reason is part of the decision.</summary>
public sealed class IntrekkingInvoer
{
    public string? Reden { get; set; }
}

public sealed record PipStand(
    PipVersie? Concept,
    PipInhoud? ConceptInhoud,
    PipVersie? Huidige,
    PipInhoud? HuidigeInhoud,
    IReadOnlyList<PipVersie> Versies,
    IReadOnlyList<BeschikkingInfo> Beschikkingen,
    PipControle? Controle,
    LbtFeiten? Leerbaarheidstoets,
    bool IntakeAfgerond,
    DateOnly? UiterlijkeDatum,
    string UiterlijkToelichting);

public sealed record BeschikkingInfo(Guid Id, Guid PipVersieId, BeschikkingSoort Soort, DateOnly Datum, string Kenmerk, string Sha256, int Bytes, DateTime AangemaaktOp,
    DateOnly? Verzenddatum);

/// <summary>The recorded date a letter was sent (bekendmaking, Awb 3:41).</summary>
public sealed class VerzendingInvoer
{
    public DateOnly? Verzenddatum { get; set; }
}

/// <summary>
/// The PIP as a formal decision: drafts, validation against DUO's and the law's rules, vaststelling with a
/// generated beschikking (PDF, stored and hashed), and bijstellingen as new versions with their own beschikking.
/// </summary>
public sealed class PipService(KoersDbContext db, DossierService dossiers, Klok klok, HuidigeGebruiker gebruiker, Kern.Toegang toegang, Duo.DuoOutbox duoOutbox,
    Berichten.BerichtOutbox berichten)
{
    public async Task<PipStand?> HaalAsync(Guid id, CancellationToken ct = default)
    {
        var inburgeraar = await (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct)).Include(i => i.Mijlpalen).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inburgeraar is null) return null;
        var versies = await db.PipVersies.AsNoTracking().Where(p => p.InburgeraarId == id).OrderByDescending(p => p.Versie).ToListAsync(ct);
        var beschikkingen = await db.Beschikkingen.AsNoTracking().Where(b => b.InburgeraarId == id).OrderByDescending(b => b.AangemaaktOp)
            .Select(b => new BeschikkingInfo(b.Id, b.PipVersieId, b.Soort, b.Datum, b.Kenmerk, b.Sha256, b.Pdf.Length, b.AangemaaktOp, b.Verzenddatum)).ToListAsync(ct);
        var toets = await db.Leerbaarheidstoetsen.AsNoTracking().FirstOrDefaultAsync(t => t.InburgeraarId == id, ct);
        var intake = await db.BredeIntakes.AsNoTracking().FirstOrDefaultAsync(b => b.InburgeraarId == id, ct);
        var concept = versies.FirstOrDefault(v => v.Status == PipStatus.Concept);
        var huidige = versies.FirstOrDefault(v => v.Status == PipStatus.Vastgesteld);
        var conceptInhoud = concept is null ? null : OpgeslagenInhoud.Pip(concept.InhoudJson);
        var huidigeInhoud = huidige is null ? null : OpgeslagenInhoud.Pip(huidige.InhoudJson);
        var context = Context(inburgeraar, versies, toets, intake, klok.Vandaag);
        var controle = conceptInhoud is null ? null : PipRegels.Controleer(PipRegels.Normaliseer(conceptInhoud), context);
        // The same last day as the case's deadline (Besluit inburgering 2021 art. 5.3 with the Algemene termijnenwet), and why.
        var termijn = LegalClock.PipVaststelling(inburgeraar.Feiten());
        return new PipStand(concept, conceptInhoud, huidige, huidigeInhoud, versies, beschikkingen, controle, toets?.Feiten(),
            intake?.AfgerondOp is not null, termijn.Vervaldatum, termijn.Toelichting);
    }

    /// <summary>Saves the draft. A draft may break rules; they are shown, and block only the vaststelling.</summary>
    public async Task<Uitkomst<PipControle>> ConceptOpslaanAsync(Guid id, PipInvoer invoer, CancellationToken ct = default)
    {
        var inburgeraar = await (await toegang.DossiersAsync(db.Inburgeraars, ct)).Include(i => i.Mijlpalen).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inburgeraar is null) return Uitkomst<PipControle>.Onbekend();
        var fouten = ControleerInvoer(invoer);
        if (fouten.Count > 0) return Uitkomst<PipControle>.Geweigerd(fouten);

        var inhoud = invoer.AlsInhoud();
        var versies = await db.PipVersies.Where(p => p.InburgeraarId == id).ToListAsync(ct);
        var concept = versies.FirstOrDefault(v => v.Status == PipStatus.Concept);
        if (concept is null)
        {
            concept = new PipVersie
            {
                Id = Guid.NewGuid(),
                InburgeraarId = id,
                Versie = versies.Count == 0 ? 1 : versies.Max(v => v.Versie) + 1,
                Status = PipStatus.Concept,
            };
            db.PipVersies.Add(concept);
        }

        concept.InhoudJson = JsonSerializer.Serialize(inhoud, OpgeslagenInhoud.PipOpties);
        concept.Leerroute = inhoud.Leerroute;
        dossiers.Audit(AuditActie.Wijzigen, id, $"Concept-PIP versie {concept.Versie} opgeslagen", AuditObject.Van<PipVersie>(concept.Id));
        await db.SaveChangesAsync(ct);

        var toets = await db.Leerbaarheidstoetsen.AsNoTracking().FirstOrDefaultAsync(t => t.InburgeraarId == id, ct);
        var intake = await db.BredeIntakes.AsNoTracking().FirstOrDefaultAsync(b => b.InburgeraarId == id, ct);
        return Uitkomst<PipControle>.Ok(PipRegels.Controleer(PipRegels.Normaliseer(inhoud), Context(inburgeraar, versies, toets, intake, klok.Vandaag)));
    }

    /// <summary>Starts a bijstelling: a new draft that begins as a copy of the PIP in force.</summary>
    public async Task<Uitkomst<int>> BijstellingStartenAsync(Guid id, CancellationToken ct = default)
    {
        var versies = await db.PipVersies.Where(p => p.InburgeraarId == id).ToListAsync(ct);
        if (!await toegang.MagDossierAsync(id, ct)) return Uitkomst<int>.Onbekend();
        var huidige = versies.FirstOrDefault(v => v.Status == PipStatus.Vastgesteld);
        if (huidige is null) return Uitkomst<int>.Geweigerd(new() { ["Pip"] = ["Er is nog geen vastgesteld PIP om bij te stellen."] });
        if (versies.Any(v => v.Status == PipStatus.Concept)) return Uitkomst<int>.Geweigerd(new() { ["Pip"] = ["Er is al een concept; werk dat bij of stel het vast."] });
        var concept = new PipVersie
        {
            Id = Guid.NewGuid(),
            InburgeraarId = id,
            Versie = versies.Max(v => v.Versie) + 1,
            Status = PipStatus.Concept,
            InhoudJson = huidige.InhoudJson,
            Leerroute = huidige.Leerroute,
        };
        db.PipVersies.Add(concept);
        dossiers.Audit(AuditActie.Wijzigen, id, $"Bijstelling PIP gestart (versie {concept.Versie})", AuditObject.Van<PipVersie>(concept.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<int>.Ok(concept.Versie);
    }

    /// <summary>Sets the draft as the PIP in force, generates and stores the beschikking, and starts or keeps the clock.</summary>
    public async Task<Uitkomst<Guid>> VaststellenAsync(Guid id, VaststellingInvoer invoer, CancellationToken ct = default)
    {
        var inburgeraar = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (inburgeraar is null) return Uitkomst<Guid>.Onbekend();
        await db.Entry(inburgeraar).Reference(i => i.Klantregisseur).LoadAsync(ct);
        var versies = await db.PipVersies.Where(p => p.InburgeraarId == id).ToListAsync(ct);
        var concept = versies.FirstOrDefault(v => v.Status == PipStatus.Concept);
        var huidige = versies.FirstOrDefault(v => v.Status == PipStatus.Vastgesteld);
        var fouten = Veldfouten.Nieuw();
        if (inburgeraar.Fase.GeenBesluitenMeer() is { } afgesloten)
        {
            fouten.Voeg("Pip", afgesloten);
            return Uitkomst<Guid>.Geweigerd(fouten);
        }

        if (concept is null)
        {
            fouten.Voeg("Pip", "Er is geen concept-PIP om vast te stellen.");
            return Uitkomst<Guid>.Geweigerd(fouten);
        }

        if (invoer.Dagtekening is null) fouten.Voeg("Dagtekening", "Vul de dagtekening (datum van het besluit) in.");
        if (VerzenddatumFout(invoer.Verzenddatum, invoer.Dagtekening, klok.Vandaag) is { } verzendFout) fouten.Voeg("Verzenddatum", verzendFout);
        if (Domain.Besluiten.Adressering.Fout(inburgeraar.Adres, inburgeraar.AzcLocatie) is { } adresFout) fouten.Voeg("Adres", adresFout);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var dagtekening = invoer.Dagtekening!.Value;
        var toets = await db.Leerbaarheidstoetsen.AsNoTracking().FirstOrDefaultAsync(t => t.InburgeraarId == id, ct);
        var intake = await db.BredeIntakes.AsNoTracking().FirstOrDefaultAsync(b => b.InburgeraarId == id, ct);
        var context = Context(inburgeraar, versies, toets, intake, klok.Vandaag) with { Dagtekening = dagtekening };
        var nieuw = PipRegels.Normaliseer(OpgeslagenInhoud.Pip(concept.InhoudJson));
        var vorige = huidige is null ? null : OpgeslagenInhoud.Pip(huidige.InhoudJson);
        var overtredingen = vorige is null
            ? PipRegels.Controleer(nieuw, context).Fouten
            : BijstellingRegels.Controleer(vorige, nieuw, context, invoer.RedenBijstelling);
        foreach (var o in overtredingen) fouten.Voeg(o.Veld, o.Melding);

        var feitenVoor = inburgeraar.Feiten();
        var uiterlijk = LegalClock.PipVaststelling(feitenVoor).Vervaldatum;
        var teLaat = vorige is null && uiterlijk is { } u && dagtekening > u;
        if (teLaat && (invoer.RedenTeLaat?.Trim().Length ?? 0) < 10)
        {
            fouten.Voeg("RedenTeLaat", $"Het PIP wordt later vastgesteld dan de termijn toelaat (uiterlijk {uiterlijk:dd-MM-yyyy}, Besluit inburgering 2021 art. 5.3). Leg vast waarom (minstens 10 tekens).");
        }

        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        // Apply: the first PIP starts the inburgeringstermijn; a bijstelling keeps it and restarts only the bezwaartermijn.
        inburgeraar.Leerroute = nieuw.Leerroute;
        // The bezwaartermijn runs from the sending, not the dagtekening (Awb 6:8 lid 1): unknown until it is recorded.
        inburgeraar.LaatsteBeschikkingOp = invoer.Verzenddatum;
        inburgeraar.LaatsteBeschikkingNietVerzonden = invoer.Verzenddatum is null;
        var mijlpalen = new Dictionary<Mijlpaal, DateOnly?>();
        if (vorige is null) mijlpalen[Mijlpaal.PipVastgesteld] = dagtekening;
        var mijlpaalFouten = dossiers.PasMijlpalenToe(inburgeraar, mijlpalen, vorige is null ? "PIP vastgesteld" : "PIP bijgesteld", feitenVoor,
            vorige is null ? "PIP vastgesteld (beschikking)" : $"PIP bijgesteld (versie {concept.Versie})");
        if (mijlpaalFouten.Count > 0)
        {
            foreach (var o in mijlpaalFouten) fouten.Voeg(o.Veld == nameof(Mijlpaal.PipVastgesteld) ? "Dagtekening" : o.Veld, o.Melding);
            return Uitkomst<Guid>.Geweigerd(fouten);
        }

        concept.Status = PipStatus.Vastgesteld;
        concept.Dagtekening = dagtekening;
        concept.InhoudJson = JsonSerializer.Serialize(nieuw, OpgeslagenInhoud.PipOpties);
        concept.Leerroute = nieuw.Leerroute;
        concept.TeLaat = teLaat;
        concept.RedenTeLaat = teLaat ? invoer.RedenTeLaat!.Trim() : null;
        concept.RedenBijstelling = vorige is null ? null : invoer.RedenBijstelling?.Trim();
        concept.VastgesteldDoor = gebruiker.Naam;
        if (huidige is not null) huidige.Status = PipStatus.Vervangen;

        var feitenNa = inburgeraar.Feiten();
        var termijn = LegalClock.Inburgeringstermijn(feitenNa);
        var gemeente = inburgeraar.Gemeente!;
        var kenmerk = $"PIP-{gemeente.Code}-{dagtekening:yyyy}-{id.ToString("N")[..8].ToUpperInvariant()}-V{concept.Versie}";
        var antwoorden = (await db.Leefgebieden.AsNoTracking().Where(l => l.InburgeraarId == id).ToListAsync(ct))
            .ToDictionary(l => l.Leefgebied, l => (IReadOnlyDictionary<string, string?>)OpgeslagenInhoud.IntakeAntwoorden(l.AntwoordenJson));
        var motivering = PipMotivering.Redenen(nieuw, toets?.Feiten(), antwoorden, inburgeraar.Doelgroep);
        var ondertekening = await Mandaten.MandaatService.OndertekeningAsync(db, gemeente, Domain.Besluiten.Besluitsoort.PipBeschikking, ct);
        var gegevens = Gegevens(inburgeraar, gemeente, nieuw, vorige, concept, dagtekening, kenmerk, toets?.Feiten(),
            // The first PIP starts the term; a bijstelling does not move it (Wi2021 art. 11 lid 2 and 3).
            LegalClock.EersteDagInburgeringstermijn(termijn.Startdatum ?? dagtekening), termijn.Vervaldatum ?? Kalender.JarenLater(dagtekening, 3), invoer.Verzenddatum, motivering, ondertekening);
        // The municipality's text as it stands now; the letter records which version it was made with.
        var (sjabloonversie, sjabloon) = await Brieven.BriefsjabloonService.HuidigAsync(db, gemeente.Id,
            gegevens.IsBijstelling ? Domain.Besluiten.Briefsoort.PipBijstelling : Domain.Besluiten.Briefsoort.PipVaststelling, ct);
        var pdf = BeschikkingBrief.Maak(gegevens, sjabloon);
        var beschikking = new Data.Model.Beschikking
        {
            Id = Guid.NewGuid(),
            InburgeraarId = id,
            PipVersieId = concept.Id,
            Soort = vorige is null ? BeschikkingSoort.PipVaststelling : BeschikkingSoort.PipBijstelling,
            Datum = dagtekening,
            Kenmerk = kenmerk,
            Pdf = pdf,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
            Verzenddatum = invoer.Verzenddatum,
            VerzondenGeregistreerdDoor = invoer.Verzenddatum is null ? null : gebruiker.Naam,
            Sjabloonversie = sjabloonversie,
        };
        db.Beschikkingen.Add(beschikking);
        dossiers.Audit(AuditActie.Wijzigen, id, vorige is null ? $"PIP vastgesteld, beschikking {kenmerk}" : $"PIP bijgesteld, beschikking {kenmerk}");
        // Queued for DUO in the same transaction: the PIP is never set without its message to DUO, nor the reverse.
        duoOutbox.MeldPip(inburgeraar, nieuw, dagtekening, eerstePip: !context.HeeftEerderPipGehad, huidige?.Dagtekening);
        // The letter is readable in the portal from now on: the person hears so (when opted in), in the same transaction.
        await berichten.NieuweBriefAsync(id, beschikking.Id, ct);
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(beschikking.Id);
    }

    /// <summary>
    /// Withdraws (herroept) the PIP in force (Awb 7:11 lid 2): it stops being the PIP, the milestone 'PIP vastgesteld'
    /// and the leerroute go, and DUO is asked to remove its copy (DELETE /personen/{bsn}/PIP) in the same transaction.
    /// DUO's conditions are checked first (<see cref="PipIntrekking"/>). A DELETE is queued only when DUO has (or will
    /// get) the PIP: after DUO refused the PIP itself there is nothing to remove there.
    /// </summary>
    public async Task<Uitkomst<Guid>> IntrekkenAsync(Guid id, IntrekkingInvoer invoer, CancellationToken ct = default)
    {
        var inburgeraar = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (inburgeraar is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (inburgeraar.Fase.GeenBesluitenMeer() is { } afgesloten)
        {
            fouten.Voeg("Pip", afgesloten);
            return Uitkomst<Guid>.Geweigerd(fouten);
        }

        if (invoer.Reden?.Length > 2000) fouten.Voeg("Reden", Veldfouten.TeLang(Veldfouten.Label("Reden"), 2000, invoer.Reden.Length));
        var versies = await db.PipVersies.Where(p => p.InburgeraarId == id).ToListAsync(ct);
        var huidige = versies.FirstOrDefault(v => v.Status == PipStatus.Vastgesteld);
        var duoTermijn = await db.DuoNotificaties.AsNoTracking().AnyAsync(n => n.InburgeraarId == id && n.GebeurtenisId == "SS102", ct);
        var feiten = new PipIntrekkingFeiten(huidige is not null, !versies.Any(v => v.Status == PipStatus.Vervangen), duoTermijn, invoer.Reden);
        foreach (var f in PipIntrekking.Controleer(feiten)) fouten.Voeg(f.Veld, f.Melding);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var mijlpaalFouten = dossiers.PasMijlpalenToe(inburgeraar, new Dictionary<Mijlpaal, DateOnly?> { [Mijlpaal.PipVastgesteld] = null }, "PIP ingetrokken");
        foreach (var o in mijlpaalFouten) fouten.Voeg("Pip", o.Melding);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var pip = huidige!;
        pip.Status = PipStatus.Ingetrokken;
        pip.IngetrokkenOp = klok.NuUtc;
        pip.IngetrokkenDoor = gebruiker.Naam;
        pip.RedenIntrekking = invoer.Reden!.Trim();
        inburgeraar.Leerroute = null;
        dossiers.Audit(AuditActie.Wijzigen, id, $"PIP ingetrokken (versie {pip.Versie}, dagtekening {pip.Dagtekening:dd-MM-yyyy}): {pip.RedenIntrekking}", AuditObject.Van<PipVersie>(pip.Id));
        var naarDuo = await db.DuoUitgaandeBerichten.AsNoTracking()
            .Where(b => b.InburgeraarId == id && b.Soort == Data.Model.Duo.OutboxSoort.Pip)
            .OrderByDescending(b => b.AangemaaktOp).Select(b => (Data.Model.Duo.OutboxStatus?)b.Status).FirstOrDefaultAsync(ct);
        if (naarDuo is Data.Model.Duo.OutboxStatus.Verzonden or Data.Model.Duo.OutboxStatus.Wachtend)
        {
            duoOutbox.MeldPipIngetrokken(inburgeraar, pip.Dagtekening ?? klok.Vandaag);
        }

        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(pip.Id);
    }

    /// <summary>
    /// Records the date a beschikking was sent. For the newest beschikking of the case this starts the bezwaartermijn
    /// on the legal clock (Awb 6:8 lid 1). Recorded once: a wrong date is corrected by the beheerder, not overwritten here.
    /// </summary>
    public async Task<Uitkomst<Guid>> VerzondenAsync(Guid id, Guid beschikkingId, VerzendingInvoer invoer, CancellationToken ct = default)
    {
        var inburgeraar = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (inburgeraar is null) return Uitkomst<Guid>.Onbekend();
        var beschikkingen = await db.Beschikkingen.Where(b => b.InburgeraarId == id).ToListAsync(ct);
        var beschikking = beschikkingen.FirstOrDefault(b => b.Id == beschikkingId);
        if (beschikking is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (LaterVerzondenFout(beschikking.Verzenddatum, invoer.Verzenddatum, beschikking.Datum, klok.Vandaag) is { } verzendFout) fouten.Voeg("Verzenddatum", verzendFout);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var verzonden = invoer.Verzenddatum!.Value;
        beschikking.Verzenddatum = verzonden;
        beschikking.VerzondenGeregistreerdDoor = gebruiker.Naam;
        var nieuwste = beschikkingen.OrderByDescending(b => b.AangemaaktOp).First();
        if (nieuwste.Id == beschikking.Id)
        {
            var voor = inburgeraar.Feiten();
            inburgeraar.LaatsteBeschikkingOp = verzonden;
            inburgeraar.LaatsteBeschikkingNietVerzonden = false;
            dossiers.PasMijlpalenToe(inburgeraar, new Dictionary<Mijlpaal, DateOnly?>(), null, voor, $"Beschikking {beschikking.Kenmerk} verzonden");
        }

        dossiers.Audit(AuditActie.Wijzigen, id, $"Verzenddatum van beschikking {beschikking.Kenmerk} vastgelegd: {verzonden:dd-MM-yyyy}");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(beschikking.Id);
    }

    /// <summary>A letter cannot leave before its dagtekening, and a date of sending is a fact, so not in the future.</summary>
    internal static string? VerzenddatumFout(DateOnly? verzenddatum, DateOnly? dagtekening, DateOnly vandaag)
    {
        if (verzenddatum is not { } v) return null;
        if (dagtekening is { } d && v < d) return $"De verzenddatum ({v:dd-MM-yyyy}) ligt vóór de dagtekening ({d:dd-MM-yyyy}). Een brief gaat niet weg voordat hij gedateerd is.";
        if (v > vandaag) return "De verzenddatum ligt in de toekomst. Leg de verzenddatum vast als de brief echt verzonden is.";
        return null;
    }

    /// <summary>
    /// Recording afterwards when a letter (beschikking or handhaving letter) went out: once only, a date is needed,
    /// and it obeys <see cref="VerzenddatumFout"/>.
    /// </summary>
    internal static string? LaterVerzondenFout(DateOnly? alVastgelegd, DateOnly? verzenddatum, DateOnly dagtekening, DateOnly vandaag) =>
        alVastgelegd is { } al ? $"De verzenddatum van deze brief is al vastgelegd: {al:dd-MM-yyyy}."
        : verzenddatum is null ? "Vul de datum in waarop de brief is verzonden."
        : VerzenddatumFout(verzenddatum, dagtekening, vandaag);

    public async Task<Data.Model.Beschikking?> BeschikkingAsync(Guid id, Guid beschikkingId, CancellationToken ct = default)
    {
        if (!await toegang.MagDossierAsync(id, ct)) return null;
        var beschikking = await db.Beschikkingen.AsNoTracking().FirstOrDefaultAsync(b => b.Id == beschikkingId && b.InburgeraarId == id, ct);
        if (beschikking is null) return null;
        dossiers.Audit(AuditActie.Inzien, id, $"Beschikking {beschikking.Kenmerk} geopend", AuditObject.Van<Data.Model.Beschikking>(beschikking.Id));
        await db.SaveChangesAsync(ct);
        return beschikking;
    }

    internal static Dictionary<string, string[]> ControleerInvoer(PipInvoer invoer)
    {
        var fouten = Veldfouten.Nieuw();
        if (invoer.Leerroute is { } r && !Enum.IsDefined(r)) fouten.Voeg("Leerroute", "Onbekende leerroute.");
        if ((invoer.Niveaus ?? []).Any(n => !Enum.IsDefined(n.Key) || !Enum.IsDefined(n.Value))) fouten.Voeg("Niveaus", "Onbekend taalniveau of onbekende vaardigheid.");
        if ((invoer.Subdoelen ?? []).Count > 30) fouten.Voeg("Subdoelen", "Hoogstens 30 subdoelen.");
        if ((invoer.Subdoelen ?? []).Any(s => s?.Length > 500)) fouten.Voeg("Subdoelen", "Een subdoel is hoogstens 500 tekens.");
        fouten.Lengte(invoer.MotivatieAfwijkingLbt, "MotivatieAfwijkingLbt", 4000);
        fouten.Lengte(invoer.ParticipatieOmschrijving, "ParticipatieOmschrijving", 1000);
        if (invoer.Aanbieder?.Length > 200) fouten.Voeg("Aanbieder", "Hoogstens 200 tekens.");
        if (invoer.AantalVoortgangsgesprekkenPerJaar is < 1 or > 52) fouten.Voeg("AantalVoortgangsgesprekkenPerJaar", "Kies tussen 1 en 52 gesprekken per jaar.");
        return fouten;
    }

    private static PipContext Context(Inburgeraar inburgeraar, IReadOnlyList<PipVersie> versies, Leerbaarheidstoets? toets, BredeIntake? intake, DateOnly vandaag)
    {
        var feiten = inburgeraar.Feiten();
        var huidige = versies.FirstOrDefault(v => v.Status == PipStatus.Vastgesteld);
        return new PipContext
        {
            Doelgroep = inburgeraar.Doelgroep,
            Dagtekening = vandaag,
            Koppeling = feiten.Datum(Mijlpaal.Koppeling),
            BrpInschrijving = feiten.Datum(Mijlpaal.BrpInschrijving),
            KennisgevingInburgeringsplicht = feiten.Datum(Mijlpaal.KennisgevingInburgeringsplicht),
            InformatieDerde = feiten.InformatieDerde(),
            Leerbaarheidstoets = toets?.Feiten(),
            IntakeAfgerond = intake?.AfgerondOp is not null,
            VorigeDagtekening = huidige?.Dagtekening,
            VorigePip = huidige is null ? null : OpgeslagenInhoud.Pip(huidige.InhoudJson),
            // A PIP from a previous municipality (DUO's SS121) counts too: Koers' own versions cannot know it.
            HeeftEerderPipGehad = versies.Any(v => v.Status is PipStatus.Vastgesteld or PipStatus.Vervangen) || inburgeraar.PipVorigeGemeenteOp is not null,
            DuoPlichtSinds = inburgeraar.DuoPlichtSinds,
            Vandaag = vandaag,
        };
    }

    /// <summary>The municipality's letterhead, shared by every letter Koers writes (beschikkingen, handhaving).</summary>
    internal static Briefhoofd BriefhoofdVan(Gemeente gemeente) => new(
        $"Gemeente {gemeente.Naam}",
        gemeente.Afdeling,
        gemeente.Postadres ?? $"Postbus 1, {gemeente.Naam}",
        gemeente.Telefoon ?? "14 0497",
        gemeente.Website ?? $"www.{gemeente.Naam.ToLowerInvariant().Replace(' ', '-')}.nl",
        gemeente.BezwaarAdres ?? $"Het college van burgemeester en wethouders van {gemeente.Naam}, Postbus 1, {gemeente.Naam}");

    internal static BeschikkingGegevens Gegevens(Inburgeraar i, Gemeente gemeente, PipInhoud pip, PipInhoud? vorige, PipVersie versie, DateOnly datum,
        string kenmerk, LbtFeiten? toets, DateOnly termijnStart, DateOnly termijnEinde, DateOnly? verzenddatum, IReadOnlyList<string> motivering,
        Domain.Besluiten.Ondertekening? ondertekening = null)
    {
        var onderdelen = new List<string>();
        if (pip.Knm) onderdelen.Add("Kennis van de Nederlandse Maatschappij (KNM)");
        if (pip.Pvt) onderdelen.Add("Participatieverklaringstraject (PVT), minimaal 12 uur");
        if (pip.Map) onderdelen.Add("Module Arbeidsmarkt en Participatie (MAP), 108 uur waarvan minimaal 40 uur praktijk");
        if (pip.Alfabetisering != Alfabetisering.Nvt) onderdelen.Add(pip.Alfabetisering.Omschrijving());
        if (pip.Leerroute == Leerroute.ZRoute) onderdelen.Add("Z-route: 800 uur taal en KNM en 800 uur participatie");
        var begeleiding = new List<string>();
        if (pip.MaatschappelijkeBegeleiding) begeleiding.Add("Maatschappelijke begeleiding");
        if (pip.Ontzorgen) begeleiding.Add("Financieel ontzorgen: de gemeente betaalt de eerste zes maanden van uw bijstand de vaste lasten (huur, energie, water, zorgverzekering)");
        var gesprekken = pip.AantalVoortgangsgesprekkenPerJaar is { } n
            ? $"{n} keer per jaar"
            : $"elke {gemeente.VoortgangsgesprekIntervalMaanden} maanden";
        string? lbt = toets is null ? null
            : toets.Overgeslagen ? $"niet afgenomen ({toets.RedenOverslaan})"
            : toets.Score is { } s && toets.Afgenomen is { } a ? $"{s} van de 40 vragen goed; {LbtRegels.Uitkomst(toets).Omschrijving()}" : null;
        return new BeschikkingGegevens(
            Briefhoofd: BriefhoofdVan(gemeente),
            Datum: datum,
            Kenmerk: kenmerk,
            Versie: versie.Versie,
            IsBijstelling: vorige is not null,
            RedenBijstelling: vorige is null ? null : versie.RedenBijstelling,
            Wijzigingen: vorige is null ? [] : BijstellingRegels.Wijzigingen(vorige, pip),
            Naam: i.VolledigeNaam,
            Adresregels: Domain.Besluiten.Adressering.Regels(i.VolledigeNaam, i.Adres, i.AzcLocatie),
            Geboortedatum: i.Geboortedatum,
            Klantregisseur: i.Klantregisseur?.Naam,
            Leerroute: pip.Leerroute?.Omschrijving() ?? "—",
            Niveaus: pip.Niveaus.OrderBy(n => n.Key).Select(n => (n.Key.Omschrijving(), n.Value.Omschrijving())).ToList(),
            Onderdelen: onderdelen,
            Participatie: pip.Participatie == ParticipatieVorm.Geen ? null
                : pip.Participatie.Omschrijving() + (pip.ParticipatieOmschrijving is { } po ? $": {po}" : string.Empty),
            Hoofddoel: pip.Hoofddoel?.Omschrijving() ?? "—",
            Subdoelen: pip.Subdoelen,
            Aandachtspunten: pip.Aandachtspunten.Select(a => a.Omschrijving()).ToList(),
            Begeleiding: begeleiding,
            Aanbieder: pip.Aanbieder,
            GeplandeStart: pip.GeplandeStart,
            Motivering: motivering,
            MotivatieAfwijkingLbt: pip.MotivatieAfwijkingLbt,
            LbtUitslag: lbt,
            TermijnStart: termijnStart,
            TermijnEinde: termijnEinde,
            AantalVoortgangsgesprekken: gesprekken,
            Verzenddatum: verzenddatum,
            Ondertekenaar: (ondertekening ?? new Domain.Besluiten.Ondertekening(gemeente.Naam, null, null)).Tekst);
    }
}

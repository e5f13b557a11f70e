using System.Globalization;
using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Dossier;
using Koers.Domain.Participatie;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Participatie;

/// <summary>A municipality's monitoring as configured: moments, its questionnaire and its ladder.</summary>
/// <param name="Versie">The newest version of its questionnaire; null while it asks the default instrument unchanged (or as switched off before versions existed).</param>
public sealed record Inrichting(Gemeente Gemeente, Participatieinstellingen Instellingen, Vragenlijst Vragenlijst, IReadOnlyList<Trede> Ladder,
    bool Standaard, DateTime? GewijzigdOp, string? GewijzigdDoor, Vragenlijstversie? Versie = null);

/// <summary>A score with its movement from the score before.</summary>
public sealed record Ladderregel(Ladderscore Score, Ladderbeweging Beweging);

/// <summary>Everything the Participatie tab shows of one case.</summary>
public sealed record ParticipatieStand(
    Inburgeraar Dossier,
    Inrichting Inrichting,
    IReadOnlyList<Meetmoment> Momenten,
    IReadOnlyList<Participatiemeting> Metingen,
    IReadOnlyList<Ladderregel> Ladderscores,
    IReadOnlyList<Data.Model.Keten.Voortgangsgesprek> Gesprekken,
    IReadOnlyDictionary<string, Vragenlijst> Versies)
{
    /// <summary>The questions a measurement was answered with: those of its own version, never today's.</summary>
    public Vragenlijst VragenVan(Participatiemeting m) => Versies.TryGetValue(m.Versie, out var l) ? l : Vragenlijsten.Standaard;

    public Meetmoment? Open => Momenten.FirstOrDefault(m => m.Status == MeetmomentStatus.Open);

    /// <summary>The newest score and its movement, for the dossier page.</summary>
    public Ladderregel? Laatste => Ladderscores.Count > 0 ? Ladderscores[0] : null;
}

/// <summary>What the inburgeraar sees in the portal: the moment due (if any) and the questions.</summary>
public sealed record PortaalVragenlijst(Guid InburgeraarId, Meetmoment? Open, Vragenlijst Vragenlijst, IReadOnlyList<Participatiemeting> Eerder);

public sealed record OpenMeting(Guid InburgeraarId, string Naam, string Gemeente, string? Klantregisseur, Meetmoment Moment);

/// <summary>
/// Participation monitoring of a case: the questionnaire at its moments (entered by the klantregisseur in a talk or by
/// the inburgeraar in the portal) and the participatieladder. Personal data: every read and write goes through
/// <see cref="DossierService"/> / <see cref="Kern.Toegang"/> (role and municipality) and is audited; the audit names what
/// was done, never the answers. A chain partner with consent for werk en participatie sees the ladder's rungs and the
/// measurements' dates with a per-domain count (<see cref="Partnerportaal.PartnerInzage"/>), never an answer or a note.
/// </summary>
public sealed class ParticipatieService(KoersDbContext db, Klok klok, HuidigeGebruiker gebruiker, Kern.Toegang toegang, DossierService dossiers, Auditlog audit,
    Kern.Instellingencache instellingencache)
{
    public const int MaxToelichting = 2000;

    // ---- configuration (functioneel beheer) ---------------------------------------------------------------------

    public Task<List<Gemeente>> GemeentenAsync(CancellationToken ct = default) => toegang.GemeentenInBereikAsync(ct);

    /// <summary>The configuration of a municipality within the user's reach, or null.</summary>
    public async Task<Inrichting?> InrichtingAsync(string? gemeenteCode, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(gemeenteCode)) return null;
        var code = gemeenteCode.Trim().ToUpperInvariant();
        var gemeente = await db.Gemeenten.AsNoTracking().FirstOrDefaultAsync(g => g.Code == code, ct);
        if (gemeente is null || !(await toegang.BereikAsync(ct)).Gemeenten.Contains(gemeente.Id)) return null;
        return await InrichtingVanAsync(gemeente, ct);
    }

    private async Task<Inrichting> InrichtingVanAsync(Gemeente gemeente, CancellationToken ct)
    {
        var rij = await db.Set<ParticipatieInstelling>().AsNoTracking().FirstOrDefaultAsync(x => x.GemeenteId == gemeente.Id, ct);
        var versie = await db.Set<Participatievragenlijstversie>().AsNoTracking().Where(v => v.GemeenteId == gemeente.Id)
            .OrderByDescending(v => v.Nummer).FirstOrDefaultAsync(ct);
        return Lees(gemeente, rij, versie is null ? null : Vragenlijstversies.Lees(versie));
    }

    public static Inrichting Lees(Gemeente gemeente, ParticipatieInstelling? rij, Vragenlijstversie? versie = null)
    {
        if (rij is null)
        {
            var s = Participatieinstellingen.Standaard;
            return new(gemeente, s, versie?.Vragenlijst ?? Vragenlijsten.Standaard, Participatieladder.Standaard, versie is null, versie?.VastgesteldOp, versie?.VastgesteldDoor, versie);
        }

        var instellingen = InstellingenVan(rij);
        var uit = instellingen.UitgezetteVragen;
        var treden = rij.Ladder.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ladder = treden.Length >= 2 ? treden.Select((n, i) => new Trede(i + 1, n)).ToList() : Participatieladder.Standaard;
        var (op, door) = versie is not null && versie.VastgesteldOp > rij.GewijzigdOp ? (versie.VastgesteldOp, versie.VastgesteldDoor) : (rij.GewijzigdOp, rij.GewijzigdDoor);
        return new(gemeente, instellingen, versie?.Vragenlijst ?? Vragenlijsten.Standaard.Zonder(uit), ladder, false, op, door, versie);
    }

    /// <summary>The moments part of a municipality's settings; the default when it has none of its own.</summary>
    public static Participatieinstellingen InstellingenVan(ParticipatieInstelling? rij)
    {
        if (rij is null) return Participatieinstellingen.Standaard;
        var maanden = rij.Maanden.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(m => int.Parse(m, CultureInfo.InvariantCulture)).ToList();
        var uit = rij.UitgezetteVragen.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return new Participatieinstellingen(rij.Anker, maanden, uit);
    }

    /// <summary>All versions of a municipality's questionnaire within the user's reach, newest first; null for a municipality out of reach.</summary>
    public async Task<IReadOnlyList<Vragenlijstversie>?> VersiesAsync(string? gemeenteCode, CancellationToken ct = default)
    {
        if (await InrichtingAsync(gemeenteCode, ct) is not { } inrichting) return null;
        return (await db.Set<Participatievragenlijstversie>().AsNoTracking().Where(v => v.GemeenteId == inrichting.Gemeente.Id)
            .OrderByDescending(v => v.Nummer).ToListAsync(ct)).Select(Vragenlijstversies.Lees).ToList();
    }

    /// <summary>The questionnaires behind version codes (the default instrument for its own code and for an unknown code).</summary>
    public Task<IReadOnlyDictionary<string, Vragenlijst>> VragenlijstenAsync(IEnumerable<string> codes, CancellationToken ct = default) =>
        Vragenlijstversies.VanCodesAsync(db, codes, ct);

    /// <summary>
    /// Stores <paramref name="vragen"/> as the municipality's new questionnaire version, unless it asks exactly what the
    /// current one asks (then nothing: a version is a change). The caller saves; the audit names the version and the change.
    /// </summary>
    private async Task<string?> NieuweVersieAsync(Inrichting huidig, IEnumerable<Vraag> vragen, string wijziging, CancellationToken ct)
    {
        var gemeente = huidig.Gemeente;
        var nummer = (await db.Set<Participatievragenlijstversie>().Where(v => v.GemeenteId == gemeente.Id).MaxAsync(v => (int?)v.Nummer, ct) ?? 0) + 1;
        var code = $"{gemeente.Code}-v{nummer}";
        var lijst = Vragenlijstversies.Ordenen(code, vragen);
        if (Vragenlijstversies.Gelijk(lijst, huidig.Vragenlijst)) return null;
        db.Add(new Participatievragenlijstversie
        {
            GemeenteId = gemeente.Id, Nummer = nummer, Code = code, Vragen = Vragenlijstversies.Schrijf(lijst),
            Wijziging = wijziging.Length > 1000 ? wijziging[..1000] : wijziging, VastgesteldOp = klok.NuUtc, VastgesteldDoor = gebruiker.Naam,
        });
        audit.Schrijf(AuditActie.Wijzigen, null, $"Participatievragenlijst gemeente {gemeente.Naam}: versie {nummer} ({code}) vastgesteld: {wijziging} ({lijst.Vragen.Count} vragen)");
        return code;
    }

    /// <summary>
    /// Adds an own question to the municipality's questionnaire (<paramref name="code"/> null) or changes one
    /// (<paramref name="code"/> of an own question). Either is a new version; measurements made before keep theirs.
    /// </summary>
    public async Task<Uitkomst<string>> EigenVraagAsync(string gemeenteCode, string? code, EigenVraagInvoer invoer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        var huidig = await InrichtingAsync(gemeenteCode, ct);
        if (huidig is null) return Uitkomst<string>.Onbekend();
        var bestaand = code is null ? null : huidig.Vragenlijst.Vragen.FirstOrDefault(v => v.Eigen && v.Code == code);
        if (code is not null && bestaand is null) return Uitkomst<string>.Onbekend();
        var vertalingen = invoer.Vertalingen ?? [];
        var fouten = Veldfouten.Nieuw();
        foreach (var f in Vragenlijsten.ControleerEigenVraag(invoer.Nl, invoer.Domein, invoer.Schaal, vertalingen)) fouten.Voeg(f.Veld, f.Melding);
        var nl = invoer.Nl?.Trim() ?? string.Empty;
        if (nl.Length > 0 && huidig.Vragenlijst.Vragen.Any(v => v.Code != code && string.Equals(v.Teksten["nl"], nl, StringComparison.OrdinalIgnoreCase)))
            fouten.Voeg(nameof(invoer.Nl), "Deze vraag staat al in de vragenlijst.");
        // The options count only for a meerkeuze question; for a scale the form's spare rows (or stray API input) are dropped.
        var meerkeuze = invoer.Schaal == Antwoordschaal.Meerkeuze;
        var opties = (invoer.Opties ?? []).Select(o => (o?.Code, o?.Nl, (IReadOnlyDictionary<string, string?>)(o?.Vertalingen ?? []))).ToList();
        if (meerkeuze)
        {
            foreach (var f in Vragenlijsten.ControleerKeuzes(opties)) fouten.Voeg(f.Veld, f.Melding); // Opties, Opties[i].Code, …
        }

        if (fouten.Count > 0) return Uitkomst<string>.Geweigerd(fouten);

        var teksten = new Dictionary<string, string> { ["nl"] = nl };
        foreach (var (taal, tekst) in vertalingen.Where(t => !string.IsNullOrWhiteSpace(t.Value))) teksten[taal] = tekst!.Trim();
        var keuzes = !meerkeuze ? [] : opties
            .Where(o => !(string.IsNullOrWhiteSpace(o.Code) && string.IsNullOrWhiteSpace(o.Nl) && o.Item3.Values.All(string.IsNullOrWhiteSpace)))
            .Select(o =>
            {
                var labels = new Dictionary<string, string> { ["nl"] = o.Nl!.Trim() };
                foreach (var (taal, tekst) in o.Item3.Where(t => !string.IsNullOrWhiteSpace(t.Value))) labels[taal] = tekst!.Trim();
                return new Keuzeoptie(o.Code!.Trim(), labels);
            }).ToList();
        var vraag = new Vraag(bestaand?.Code ?? "eigen-" + Guid.NewGuid().ToString("N")[..10], invoer.Domein!.Value, invoer.Schaal!.Value, teksten, invoer.Domein.Value.Bron())
        {
            Eigen = true, Keuzes = keuzes,
        };
        var vragen = huidig.Vragenlijst.Vragen.Select(v => v.Code == vraag.Code ? vraag : v).ToList();
        if (bestaand is null) vragen.Add(vraag);
        var wijziging = bestaand is null ? $"eigen vraag toegevoegd: '{Kort(nl)}'" : $"eigen vraag gewijzigd: '{Kort(bestaand.Teksten["nl"])}' wordt '{Kort(nl)}'";
        await NieuweVersieAsync(huidig, vragen, wijziging, ct);
        await db.SaveChangesAsync(ct);
        return Uitkomst<string>.Ok(vraag.Code);
    }

    /// <summary>Removes an own question: a new version without it. Measurements that answered it keep it, with its text.</summary>
    public async Task<Uitkomst<string>> EigenVraagVerwijderenAsync(string gemeenteCode, string code, CancellationToken ct = default)
    {
        var huidig = await InrichtingAsync(gemeenteCode, ct);
        if (huidig?.Vragenlijst.Vragen.FirstOrDefault(v => v.Eigen && v.Code == code) is not { } vraag) return Uitkomst<string>.Onbekend();
        if (huidig.Vragenlijst.Vragen.Count == 1)
            return Uitkomst<string>.Geweigerd(new() { ["Vragen"] = ["Dit is de laatste vraag van de vragenlijst. Zet eerst een andere vraag aan."] });
        await NieuweVersieAsync(huidig, huidig.Vragenlijst.Vragen.Where(v => v.Code != code), $"eigen vraag verwijderd: '{Kort(vraag.Teksten["nl"])}'", ct);
        await db.SaveChangesAsync(ct);
        return Uitkomst<string>.Ok(huidig.Gemeente.Code);
    }

    private static string Kort(string tekst) => tekst.Length > 80 ? tekst[..80] + "…" : tekst;

    public async Task<Uitkomst<string>> InrichtingOpslaanAsync(string gemeenteCode, InstellingenInvoer invoer, CancellationToken ct = default)
    {
        var huidig = await InrichtingAsync(gemeenteCode, ct);
        if (huidig is null) return Uitkomst<string>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (invoer.Anker is not { } anker || !Enum.IsDefined(anker)) fouten.Voeg(nameof(invoer.Anker), "Kies het ankermoment: huisvesting, brede intake of PIP.");
        var maanden = new List<int>();
        foreach (var deel in (invoer.Maanden ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(deel, NumberStyles.None, CultureInfo.InvariantCulture, out var m)) maanden.Add(m);
            else fouten.Voeg(nameof(invoer.Maanden), $"'{(deel.Length > 10 ? deel[..10] : deel)}' is geen aantal maanden. Schrijf bijvoorbeeld: 0, 6, 12, 24.");
        }

        if (!fouten.ContainsKey(nameof(invoer.Maanden)))
        {
            foreach (var f in Meetmomenten.ControleerMaanden(maanden)) fouten.Voeg(nameof(invoer.Maanden), f.Melding);
        }

        var vragen = (invoer.Vragen ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var v in vragen.Where(v => Vragenlijsten.Standaard.Zoek(v) is null)) fouten.Voeg(nameof(invoer.Vragen), $"Onbekende vraag '{(v.Length > 40 ? v[..40] : v)}'.");
        var eigen = huidig.Vragenlijst.Vragen.Where(v => v.Eigen).ToList();
        if (vragen.Count == 0 && eigen.Count == 0) fouten.Voeg(nameof(invoer.Vragen), "Zet ten minste één vraag aan.");
        var treden = (invoer.Treden ?? []).Select(t => t?.Trim() ?? string.Empty).ToList();
        while (treden.Count > 0 && treden[^1].Length == 0) treden.RemoveAt(treden.Count - 1); // empty rows at the end of the form
        foreach (var f in Participatieladder.ControleerTreden(treden)) fouten.Voeg(nameof(invoer.Treden), f.Melding);
        if (fouten.Count > 0) return Uitkomst<string>.Geweigerd(fouten);

        var gemeente = huidig.Gemeente;
        var rij = await db.Set<ParticipatieInstelling>().FirstOrDefaultAsync(x => x.GemeenteId == gemeente.Id, ct);
        if (rij is null)
        {
            rij = new ParticipatieInstelling { GemeenteId = gemeente.Id };
            db.Add(rij);
        }

        var uit = Vragenlijsten.Standaard.Vragen.Select(v => v.Code).Where(c => !vragen.Contains(c)).ToList();
        rij.Anker = invoer.Anker!.Value;
        rij.Maanden = string.Join(",", maanden.Order().Select(m => m.ToString(CultureInfo.InvariantCulture)));
        rij.UitgezetteVragen = string.Join(",", uit);
        rij.Ladder = string.Join("\n", treden);
        // The questions switched on or off are a change of the questionnaire: a new version (own questions stay as they are).
        var nieuw = Vragenlijsten.Standaard.Vragen.Where(v => vragen.Contains(v.Code)).Concat(eigen).ToList();
        var aan = nieuw.Where(v => huidig.Vragenlijst.Zoek(v.Code) is null).Select(v => v.Code).ToList();
        var af = huidig.Vragenlijst.Vragen.Where(v => !v.Eigen && !vragen.Contains(v.Code)).Select(v => v.Code).ToList();
        await NieuweVersieAsync(huidig, nieuw, string.Join("; ", new[] { aan.Count > 0 ? "aangezet: " + string.Join(", ", aan) : null, af.Count > 0 ? "uitgezet: " + string.Join(", ", af) : null }.OfType<string>()), ct);
        audit.Schrijf(AuditActie.Wijzigen, null, $"Participatiemonitor gemeente {gemeente.Naam}: anker {rij.Anker.Omschrijving()}, meetmomenten {rij.Maanden} maanden, " +
                $"{vragen.Count} vragen aan, {uit.Count} uit, ladder met {treden.Count} treden");
        await db.SaveChangesAsync(ct);
        return Uitkomst<string>.Ok(gemeente.Code);
    }

    // ---- one case (klantregisseur) ------------------------------------------------------------------------------

    /// <summary>The Participatie tab of a case within reach; the read is audited with <paramref name="doel"/>.</summary>
    public async Task<ParticipatieStand?> HaalAsync(Guid id, string doel, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return null;
        var dossier = await dossiers.InzienAsync(id, doel, ct);
        if (dossier is null) return null;
        var inrichting = await InrichtingVanAsync(dossier.Gemeente!, ct);
        var metingen = await MetingenAsync(id, ct);
        var scores = await db.Set<Ladderscore>().AsNoTracking().Where(l => l.InburgeraarId == id).ToListAsync(ct);
        var versies = await VragenlijstenAsync(metingen.Select(m => m.Versie), ct);
        var gesprekken = await db.Voortgangsgesprekken.AsNoTracking()
            .Where(g => g.InburgeraarId == id && g.Status == Data.Model.Keten.Gespreksstatus.Gehouden).OrderByDescending(g => g.Datum).ToListAsync(ct);
        return new ParticipatieStand(dossier, inrichting,
            Meetmomenten.Bepaal(dossier.Feiten(), inrichting.Instellingen, metingen.Select(m => m.Maanden).ToHashSet(), klok.Vandaag),
            metingen, MetBeweging(scores), gesprekken, versies);
    }

    /// <summary>Scores newest first, each with its movement from the one before it in time.</summary>
    public static IReadOnlyList<Ladderregel> MetBeweging(IEnumerable<Ladderscore> scores)
    {
        var opVolgorde = scores.OrderBy(s => s.Datum).ThenBy(s => s.VastgelegdOp).ToList();
        return opVolgorde.Select((s, i) => new Ladderregel(s, Participatieladder.Beweging(i == 0 ? null : opVolgorde[i - 1].Trede, s.Trede)))
            .Reverse().ToList();
    }

    private Task<List<Participatiemeting>> MetingenAsync(Guid id, CancellationToken ct) =>
        db.Set<Participatiemeting>().AsNoTracking().Include(m => m.Antwoorden).Where(m => m.InburgeraarId == id).OrderBy(m => m.Maanden).ToListAsync(ct);

    /// <summary>
    /// The klantregisseur records a questionnaire filled in together during a talk. A moment that is due or has passed
    /// unmeasured (a paper form entered late) may be recorded; one not yet due may not, nor one already measured.
    /// </summary>
    public async Task<Uitkomst<Guid>> GesprekAsync(Guid id, MetingInvoer invoer, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return Uitkomst<Guid>.Onbekend();
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        return await VastleggenAsync(dossier, invoer, Invulwijze.Gesprek, null, ct);
    }

    /// <summary>The inburgeraar answers the questionnaire due now in the portal, in the language chosen there.</summary>
    public async Task<Uitkomst<Guid>> PortaalAsync(MetingInvoer invoer, string taal, CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (bereik.EigenDossier is not { } id || !bereik.Heeft(Rollen.Inburgeraar) || !await toegang.MagDossierAsync(id, ct)) return Uitkomst<Guid>.Onbekend();
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        invoer.Datum = klok.Vandaag;
        return await VastleggenAsync(dossier, invoer, Invulwijze.Portaal, taal, ct);
    }

    private async Task<Uitkomst<Guid>> VastleggenAsync(Inburgeraar dossier, MetingInvoer invoer, Invulwijze wijze, string? taal, CancellationToken ct)
    {
        var inrichting = await InrichtingVanAsync(dossier.Gemeente!, ct);
        var gemeten = (await db.Set<Participatiemeting>().AsNoTracking().Where(m => m.InburgeraarId == dossier.Id).Select(m => m.Maanden).ToListAsync(ct)).ToHashSet();
        var momenten = Meetmomenten.Bepaal(dossier.Feiten(), inrichting.Instellingen, gemeten, klok.Vandaag);
        var fouten = Veldfouten.Nieuw();
        var moment = momenten.FirstOrDefault(m => m.Maanden == invoer.Maanden);
        if (invoer.Maanden is null) fouten.Voeg(nameof(invoer.Maanden), "Kies het meetmoment.");
        else if (moment is null) fouten.Voeg(nameof(invoer.Maanden), $"{invoer.Maanden} maanden is geen meetmoment van gemeente {inrichting.Gemeente.Naam}.");
        else if (moment.Status == MeetmomentStatus.Gedaan) fouten.Voeg(nameof(invoer.Maanden), $"Het meetmoment '{moment.Omschrijving}' is al ingevuld.");
        else if (moment.Status == MeetmomentStatus.AnkerOnbekend) fouten.Voeg(nameof(invoer.Maanden), $"Het ankermoment ({inrichting.Instellingen.Anker.Omschrijving()}) staat nog niet in het dossier; het meetmoment heeft nog geen datum.");
        else if (moment.Status == MeetmomentStatus.NogNiet) fouten.Voeg(nameof(invoer.Maanden), $"Het meetmoment '{moment.Omschrijving}' is pas vanaf {Shared.Weergave.Datum(moment.Datum!.Value)}.");
        else if (moment.Status == MeetmomentStatus.Vervallen) fouten.Voeg(nameof(invoer.Maanden), "Het dossier is afgesloten vóór dit meetmoment.");
        else if (wijze == Invulwijze.Portaal && moment.Status != MeetmomentStatus.Open) fouten.Voeg(nameof(invoer.Maanden), "Deze vragenlijst staat niet meer open.");

        if (invoer.Datum is not { } datum) fouten.Voeg(nameof(invoer.Datum), "Vul de datum van het gesprek in.");
        else if (datum > klok.Vandaag) fouten.Voeg(nameof(invoer.Datum), "De datum ligt in de toekomst.");
        else if (moment?.Datum is { } vanaf && datum < vanaf) fouten.Voeg(nameof(invoer.Datum), $"De datum ligt vóór het meetmoment ({Shared.Weergave.Datum(vanaf)}).");

        var antwoorden = invoer.Antwoorden ?? [];
        var keuzes = invoer.Keuzes ?? [];
        // Checked against the questionnaire as it is now, the version this measurement will keep: a code of an option
        // that an earlier version had, or that another question has, is refused.
        foreach (var f in Vragenlijsten.Controleer(inrichting.Vragenlijst, antwoorden, keuzes))
            fouten.Voeg(f.Veld.Length == 0 ? nameof(invoer.Antwoorden) : f.Veld.StartsWith("Keuzes[", StringComparison.Ordinal) ? f.Veld : $"{nameof(invoer.Antwoorden)}[{f.Veld}]", f.Melding);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var meting = new Participatiemeting
        {
            Id = Guid.NewGuid(), InburgeraarId = dossier.Id, Maanden = moment!.Maanden, Versie = inrichting.Vragenlijst.Versie, Datum = invoer.Datum!.Value,
            Invulwijze = wijze, Taal = taal, VastgelegdOp = klok.NuUtc, VastgelegdDoor = gebruiker.Naam,
            Antwoorden = antwoorden.Where(a => a.Value is not null).Select(a => new Participatieantwoord { VraagCode = a.Key, Waarde = a.Value!.Value })
                .Concat(keuzes.Where(k => !string.IsNullOrEmpty(k.Value)).Select(k => new Participatieantwoord { VraagCode = k.Key, Keuze = k.Value }))
                .ToList(),
        };
        db.Add(meting);
        dossiers.Audit(AuditActie.Wijzigen, dossier.Id, $"Participatiemeting '{moment.Omschrijving}' vastgelegd " +
            $"({(wijze == Invulwijze.Portaal ? "door de inburgeraar in het portaal" : "in een gesprek")}, {meting.Antwoorden.Count} van {inrichting.Vragenlijst.Vragen.Count} vragen beantwoord)");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(meting.Id);
    }

    /// <summary>A score on the municipality's ladder; at a held voortgangsgesprek of this case, or on its own date.</summary>
    public async Task<Uitkomst<Guid>> LadderAsync(Guid id, LadderInvoer invoer, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return Uitkomst<Guid>.Onbekend();
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var inrichting = await InrichtingVanAsync(dossier.Gemeente!, ct);
        var fouten = Veldfouten.Nieuw();
        var trede = inrichting.Ladder.FirstOrDefault(t => t.Niveau == invoer.Trede);
        if (trede is null) fouten.Voeg(nameof(invoer.Trede), $"Kies een trede van de participatieladder (1 tot en met {inrichting.Ladder.Count}).");
        Data.Model.Keten.Voortgangsgesprek? gesprek = null;
        if (invoer.Voortgangsgesprek is { } gid)
        {
            gesprek = await db.Voortgangsgesprekken.AsNoTracking().FirstOrDefaultAsync(g => g.Id == gid && g.InburgeraarId == id, ct);
            if (gesprek is null || gesprek.Status != Data.Model.Keten.Gespreksstatus.Gehouden)
                fouten.Voeg(nameof(invoer.Voortgangsgesprek), "Kies een gehouden voortgangsgesprek van deze inburgeraar.");
        }

        var datum = invoer.Datum ?? gesprek?.Datum;
        if (datum is not { } d) fouten.Voeg(nameof(invoer.Datum), "Vul de datum in (of kies het voortgangsgesprek).");
        else if (d > klok.Vandaag) fouten.Voeg(nameof(invoer.Datum), "De datum ligt in de toekomst.");
        fouten.Lengte(invoer.Toelichting, nameof(invoer.Toelichting), MaxToelichting);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var vorige = await db.Set<Ladderscore>().AsNoTracking().Where(l => l.InburgeraarId == id && l.Datum <= datum)
            .OrderByDescending(l => l.Datum).ThenByDescending(l => l.VastgelegdOp).Select(l => (int?)l.Trede).FirstOrDefaultAsync(ct);
        var score = new Ladderscore
        {
            Id = Guid.NewGuid(), InburgeraarId = id, VoortgangsgesprekId = gesprek?.Id, Datum = datum!.Value, Trede = trede!.Niveau, TredeNaam = trede.Naam,
            Toelichting = string.IsNullOrWhiteSpace(invoer.Toelichting) ? null : invoer.Toelichting.Trim(), VastgelegdOp = klok.NuUtc, VastgelegdDoor = gebruiker.Naam,
        };
        db.Add(score);
        var beweging = Participatieladder.Beweging(vorige, score.Trede);
        dossiers.Audit(AuditActie.Wijzigen, id, $"Participatieladder gescoord op {Shared.Weergave.Datum(score.Datum)}: trede {score.Trede} ({beweging.Omschrijving})");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(score.Id);
    }

    // ---- portal ------------------------------------------------------------------------------------------------

    /// <summary>The inburgeraar's own questionnaire state; null for anyone else. The read is audited.</summary>
    public async Task<PortaalVragenlijst?> EigenAsync(CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (bereik.EigenDossier is not { } id || !bereik.Heeft(Rollen.Inburgeraar)) return null;
        var dossier = await dossiers.InzienAsync(id, "Portaal: participatievragenlijst bekeken", ct);
        if (dossier is null) return null;
        var inrichting = await InrichtingVanAsync(dossier.Gemeente!, ct);
        var metingen = await MetingenAsync(id, ct);
        var open = Meetmomenten.Open(dossier.Feiten(), inrichting.Instellingen, metingen.Select(m => m.Maanden).ToHashSet(), klok.Vandaag);
        return new PortaalVragenlijst(id, open, inrichting.Vragenlijst, metingen);
    }

    /// <summary>
    /// The moment due for the signed-in inburgeraar, for the notice on Mijn inburgering. Not audited separately: the
    /// page that asks has audited its read of the case already.
    /// </summary>
    public async Task<Meetmoment?> EigenOpenAsync(CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (bereik.EigenDossier is not { } id || !bereik.Heeft(Rollen.Inburgeraar)) return null;
        var dossier = await (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct)).Include(i => i.Gemeente).Include(i => i.Mijlpalen)
            .FirstOrDefaultAsync(i => i.Id == id, ct);
        if (dossier is null) return null;
        var inrichting = await InrichtingVanAsync(dossier.Gemeente!, ct);
        var gemeten = (await db.Set<Participatiemeting>().AsNoTracking().Where(m => m.InburgeraarId == id).Select(m => m.Maanden).ToListAsync(ct)).ToHashSet();
        return Meetmomenten.Open(dossier.Feiten(), inrichting.Instellingen, gemeten, klok.Vandaag);
    }

    /// <summary>
    /// The newest ladder score with its movement, for the case overview. Not audited separately: the overview has audited
    /// its read of the case; still only for a case worker with the case in reach.
    /// </summary>
    // Compiled (Koers.Data.Gecompileerd): on every case page.
    private static readonly Gecompileerd.Lijst<Guid, Ladderscore> LaatsteTwee = Gecompileerd.Rijen((KoersDbContext db, Guid id) =>
        db.Set<Ladderscore>().AsNoTracking().Where(l => l.InburgeraarId == id).OrderByDescending(l => l.Datum).ThenByDescending(l => l.VastgelegdOp).Take(2));

    public async Task<Ladderregel?> LaatsteLadderAsync(Guid id, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return null;
        if (!await toegang.IsInBereikAsync(id, ct)) return null;
        var laatste = await LaatsteTwee.ToListAsync(db, id, ct);
        return laatste.Count == 0 ? null : MetBeweging(laatste)[0];
    }

    // ---- worklist ----------------------------------------------------------------------------------------------

    /// <summary>Cases within reach (and the worklist's selection) with a questionnaire due today.</summary>
    public async Task<IReadOnlyList<OpenMeting>> OpenAsync(Werkvoorraad.Dossierselectie selectie, CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (!bereik.WerktMetDossiers) return [];
        var vandaag = klok.Vandaag;

        // The settings of every municipality in reach (a region at most) come first, so the case query can ask only
        // for cases whose anchor lies in a window where some moment can be open: on a region-wide worklist that leaves
        // out every case housed long ago, and its milestones are never read. The window is the loosest one in reach
        // (a superset); Meetmomenten.Open below decides exactly, per municipality.
        // Kept per reach in the settings cache (emptied when a ParticipatieInstelling is saved): read on every worklist page.
        var perGemeente = await instellingencache.VoorGemeentenAsync<ParticipatieInstelling, IReadOnlyDictionary<int, Participatieinstellingen>>(
            "participatie-werkvoorraad", bereik.Gemeenten, async inReik =>
            {
                var rijen = (await db.Set<ParticipatieInstelling>().AsNoTracking().Where(x => inReik.Contains(x.GemeenteId)).ToListAsync(ct))
                    .ToDictionary(x => x.GemeenteId);
                return inReik.ToDictionary(g => g, g => InstellingenVan(rijen.GetValueOrDefault(g)));
            });
        if (perGemeente.Count == 0) return [];
        // A moment m months after the anchor is open from anchor + m months until at most the last moment plus the
        // last window; one month more absorbs AddMonths's clamping at the end of a month.
        var langste = perGemeente.Values.Max(i => i.Maanden.DefaultIfEmpty(0).Max()) + Meetmomenten.VensterLaatsteMaanden + 1;
        var vanaf = vandaag.AddMonths(-langste);

        // A closed case gets no questionnaire (its moments are 'vervallen'); the stored phase says whether it is closed.
        // The cases come joined to their anchor milestones within the window: one row per case and anchor kind. Only
        // the anchors some municipality in reach uses are read (Meetmomenten.Open looks at its municipality's anchor
        // alone, and an anchor outside the window opens no moment), so with every municipality on the default anchor
        // that is one row per case. A correlated probe per anchor read each case's milestones three times on
        // PostgreSQL (EF repeats the subquery in SELECT and in both bounds of the window); the join reads the window of
        // the (kind, date) index once and hashes it against the region's cases, or probes each case's milestone key
        // once (bench/README.md "Werkvoorraadpagina"). The window's dates are constants in the SQL text: as parameters,
        // PostgreSQL's generic plan for the auto-prepared statement guessed a few hundred milestones in the window and
        // probed the case of each of the country's ~80,000 (3.5x slower than before).
        Fase[] afgesloten = [.. Enum.GetValues<Fase>().Where(f => f.IsAfgesloten())];
        Mijlpaal[] ankers = [.. perGemeente.Values.Select(i => i.Anker.Mijlpaal()).Distinct().Order()];
        var rijen = await (
                from i in selectie.Pas(await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct))
                where i.GeanonimiseerdOp == null && !afgesloten.Contains(i.Fase)
                join m in db.Mijlpalen.AsNoTracking() on i.Id equals m.InburgeraarId
                where EF.Constant(ankers).Contains(m.Soort) && m.Datum >= EF.Constant(vanaf) && m.Datum <= EF.Constant(vandaag)
                select new { i.Id, i.Voornamen, i.Achternaam, i.Doelgroep, i.GemeenteId, Gemeente = i.Gemeente!.Naam, Regisseur = i.Klantregisseur!.Naam, m.Soort, m.Datum })
            .ToListAsync(ct);
        if (rijen.Count == 0) return [];
        var gevonden = rijen.GroupBy(r => r.Id).Select(g => (Eerste: g.First(), Mijlpalen: g.ToDictionary(r => r.Soort, r => r.Datum))).ToList();
        var ids = gevonden.Select(r => r.Eerste.Id).ToList();
        var gemeten = (await db.Set<Participatiemeting>().AsNoTracking().Where(m => ids.Contains(m.InburgeraarId)).Select(m => new { m.InburgeraarId, m.Maanden }).ToListAsync(ct))
            .ToLookup(m => m.InburgeraarId, m => m.Maanden);
        var uit = new List<OpenMeting>();
        foreach (var (r, mijlpalen) in gevonden)
        {
            var feiten = new DossierFeiten { Doelgroep = r.Doelgroep, Mijlpalen = mijlpalen };
            if (Meetmomenten.Open(feiten, perGemeente[r.GemeenteId], gemeten[r.Id].ToHashSet(), vandaag) is { } moment)
                uit.Add(new OpenMeting(r.Id, $"{r.Voornamen} {r.Achternaam}", r.Gemeente, r.Regisseur, moment));
        }

        return uit.OrderBy(o => o.Moment.OpenTot).ThenBy(o => o.Naam, StringComparer.Ordinal).ThenBy(o => o.InburgeraarId).ToList();
    }

    /// <summary>The worklist section of questionnaires due.</summary>
    public static Werkvoorraad.Signaalsectie Sectie(IReadOnlyList<OpenMeting> open, DateOnly vandaag) => new(
        "participatiemetingen",
        "Participatiemetingen",
        open.Select(o => new Werkvoorraad.SignaalRegel(o.InburgeraarId, o.Naam, $"/inburgeraars/{o.InburgeraarId}/participatie#meting", o.Moment.Omschrijving,
            o.Moment.OpenTot is { } tot && tot.DayNumber - vandaag.DayNumber <= 14,
            $"open sinds {Shared.Weergave.Datum(o.Moment.Datum!.Value)}, tot en met {Shared.Weergave.Datum(o.Moment.OpenTot!.Value)} · {o.Gemeente} · {o.Klantregisseur ?? "niet toegewezen"}")).ToList(),
        "Geen participatievragenlijsten die nu openstaan.",
        [new Werkvoorraad.Signaalsectie.Telling("Open", open.Count)],
        [],
        "Vragenlijsten van de participatiemonitor die nu af te nemen zijn (in een gesprek, of de inburgeraar vult ze in via Mijn inburgering).");
}

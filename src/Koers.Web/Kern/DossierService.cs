using static Koers.Web.Infrastructure.Invoer;
using System.Net.Mail;
using Koers.Data;
using Koers.Data.Versleuteling;
using Koers.Data.Model;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Identity;
using Koers.Web.Features.Audit;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Kern;

/// <summary>
/// The commands on a case file. Each validates everything first and saves in one transaction, so a
/// refused change leaves nothing half-saved; each change recomputes the legal clock and keeps history.
/// </summary>
public sealed class DossierService(KoersDbContext db, Klok klok, HuidigeGebruiker gebruiker, Kern.Toegang toegang, BsnBescherming bescherming, Auditlog audit)
{
    public async Task<Uitkomst<Guid>> RegistreerAsync(InburgeraarInvoer invoer, Registratiebron bron, CancellationToken ct = default)
    {
        var fouten = Veldfouten.Nieuw();
        var (gemeente, klantregisseur) = await ControleerInvoerAsync(invoer, null, fouten, ct);
        if (bron == Registratiebron.CoaKoppeling && invoer.Koppelingsdatum is null)
        {
            fouten.Voeg(nameof(invoer.Koppelingsdatum), "Een koppeling door het COA heeft een koppelingsdatum nodig.");
        }

        var inburgeraar = new Inburgeraar
        {
            Id = Guid.NewGuid(),
            Voornamen = string.Empty,
            Achternaam = string.Empty,
            Nationaliteit = string.Empty,
            Bron = bron,
        };
        Neem(invoer, inburgeraar, gemeente, klantregisseur);
        if (invoer.Koppelingsdatum is { } koppeling)
        {
            inburgeraar.Mijlpalen.Add(new MijlpaalRegel { InburgeraarId = inburgeraar.Id, Soort = Mijlpaal.Koppeling, Datum = koppeling });
        }

        foreach (var o in MijlpaalRegels.Controleer(inburgeraar.Feiten(), klok.Vandaag))
        {
            fouten.Voeg(o.Veld == nameof(Mijlpaal.Koppeling) ? nameof(invoer.Koppelingsdatum) : o.Veld, o.Melding);
        }

        if (fouten.Count > 0)
        {
            return Uitkomst<Guid>.Geweigerd(fouten);
        }

        inburgeraar.Fase = FaseBepaling.Bepaal(inburgeraar.Feiten());
        inburgeraar.Termijnen.AddRange(Bereken(inburgeraar, gemeente!));
        db.Inburgeraars.Add(inburgeraar);
        if (invoer.Koppelingsdatum is { } k)
        {
            db.MijlpaalWijzigingen.Add(Wijziging(inburgeraar.Id, Mijlpaal.Koppeling, null, k,
                bron == Registratiebron.CoaKoppeling ? "Koppeling door COA" : "Registratie"));
        }

        Audit(AuditActie.Aanmaken, inburgeraar.Id,
            bron == Registratiebron.CoaKoppeling ? "Dossier aangemaakt uit COA-koppeling" : "Dossier handmatig aangemaakt");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(inburgeraar.Id);
    }

    public async Task<Uitkomst<Guid>> WijzigAsync(Guid id, InburgeraarInvoer invoer, CancellationToken ct = default)
    {
        var inburgeraar = await LaadAsync(id, ct);
        if (inburgeraar is null) return Uitkomst<Guid>.Onbekend();

        var fouten = Veldfouten.Nieuw();
        var (gemeente, klantregisseur) = await ControleerInvoerAsync(invoer, id, fouten, ct);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var voor = inburgeraar.Feiten();
        Neem(invoer, inburgeraar, gemeente, klantregisseur);
        foreach (var o in MijlpaalRegels.Controleer(inburgeraar.Feiten(), klok.Vandaag))
        {
            fouten.Voeg(o.Veld, o.Melding);
        }

        if (fouten.Count > 0)
        {
            return Uitkomst<Guid>.Geweigerd(fouten);
        }

        HerberekenKlok(inburgeraar, gemeente!, voor, "Persoonsgegevens gewijzigd");
        Audit(AuditActie.Wijzigen, id, "Persoonsgegevens gewijzigd");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(id);
    }

    /// <summary>Sets (or clears, with null) milestone dates together; validated as one new history.</summary>
    public async Task<Uitkomst<Guid>> ZetMijlpalenAsync(Guid id, IReadOnlyDictionary<Mijlpaal, DateOnly?> wijzigingen, string? reden, CancellationToken ct = default)
    {
        var inburgeraar = await LaadVoorWijzigingAsync(id, ct);
        if (inburgeraar is null) return Uitkomst<Guid>.Onbekend();

        var fouten = Veldfouten.Nieuw();
        if (reden?.Length > 1000)
        {
            fouten.Voeg("Reden", "De reden mag hoogstens 1000 tekens zijn.");
        }

        foreach (var o in PasMijlpalenToe(inburgeraar, wijzigingen, reden))
        {
            fouten.Voeg(o.Veld, o.Melding);
        }

        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(id);
    }

    /// <summary>
    /// Applies milestone changes to a tracked case without saving, so other commands (intake, PIP) can change
    /// milestones in their own transaction. Returns the rule violations; on violations nothing is changed.
    /// </summary>
    /// <param name="voor">The facts before the command started, when it already changed other fields of the case.</param>
    /// <param name="aanleiding">Forces a recomputation of the clock with this reason even without milestone changes.</param>
    internal IReadOnlyList<Overtreding> PasMijlpalenToe(Inburgeraar inburgeraar, IReadOnlyDictionary<Mijlpaal, DateOnly?> wijzigingen, string? reden,
        DossierFeiten? voor = null, string? aanleiding = null)
    {
        voor ??= inburgeraar.Feiten();
        var na = inburgeraar.Feiten();
        foreach (var (soort, datum) in wijzigingen)
        {
            na = na.Met(soort, datum);
        }

        var overtredingen = MijlpaalRegels.Controleer(na, klok.Vandaag);
        if (overtredingen.Count > 0) return overtredingen;

        var id = inburgeraar.Id;
        var gewijzigd = new List<string>();
        foreach (var (soort, datum) in wijzigingen)
        {
            var oud = inburgeraar.Feiten().Datum(soort);
            if (oud == datum) continue;
            var regel = inburgeraar.Mijlpalen.FirstOrDefault(m => m.Soort == soort);
            if (datum is null)
            {
                if (regel is not null) inburgeraar.Mijlpalen.Remove(regel);
            }
            else if (regel is null)
            {
                inburgeraar.Mijlpalen.Add(new MijlpaalRegel { InburgeraarId = id, Soort = soort, Datum = datum.Value });
            }
            else
            {
                regel.Datum = datum.Value;
            }

            db.MijlpaalWijzigingen.Add(Wijziging(id, soort, oud, datum, reden));
            gewijzigd.Add(soort.Omschrijving());
        }

        if (gewijzigd.Count > 0 || aanleiding is not null)
        {
            aanleiding ??= "Mijlpaal gewijzigd: " + string.Join(", ", gewijzigd);
            HerberekenKlok(inburgeraar, inburgeraar.Gemeente!, voor, aanleiding);
            if (gewijzigd.Count > 0) Audit(AuditActie.Wijzigen, id, "Mijlpalen gewijzigd: " + string.Join(", ", gewijzigd));
        }

        return [];
    }

    /// <summary>Loads a case with everything a change needs, tracked.</summary>
    internal async Task<Inburgeraar?> LaadVoorWijzigingAsync(Guid id, CancellationToken ct) => await LaadAsync(id, ct);

    /// <summary>The choices of the case form: every municipality, and every klantregisseur with their team.</summary>
    public async Task<(List<(string Code, string Naam)> Gemeenten, List<(int Id, string Naam, string Team)> Regisseurs)> FormulierKeuzesAsync(CancellationToken ct = default)
    {
        var gemeenten = (await db.Gemeenten.AsNoTracking().OrderBy(g => g.Naam).Select(g => new { g.Code, g.Naam }).ToListAsync(ct))
            .Select(g => (g.Code, g.Naam)).ToList();
        var regisseurs = (await db.Medewerkers.AsNoTracking().OrderBy(m => m.Naam).Select(m => new { m.Id, m.Naam, Team = m.Team!.Naam }).ToListAsync(ct))
            .Select(m => (m.Id, m.Naam, m.Team)).ToList();
        return (gemeenten, regisseurs);
    }

    /// <summary>
    /// The newest 100 changes of milestones and of deadlines of a case the caller has already opened through
    /// <see cref="InzienAsync"/> (access checked, the read audited), for the case page.
    /// </summary>
    public async Task<(List<MijlpaalWijziging> Mijlpalen, List<TermijnWijziging> Termijnen)> RecenteHistorieAsync(Guid id, CancellationToken ct = default)
    {
        var mijlpalen = await RecenteMijlpalen.ToListAsync(db, id, ct);
        var termijnen = await RecenteTermijnen.ToListAsync(db, id, ct);
        return (mijlpalen, termijnen);
    }

    private static readonly Gecompileerd.Lijst<Guid, MijlpaalWijziging> RecenteMijlpalen = Gecompileerd.Rijen((KoersDbContext db, Guid id) =>
        db.MijlpaalWijzigingen.AsNoTracking().Where(w => w.InburgeraarId == id).OrderByDescending(w => w.Id).Take(100));

    private static readonly Gecompileerd.Lijst<Guid, TermijnWijziging> RecenteTermijnen = Gecompileerd.Rijen((KoersDbContext db, Guid id) =>
        db.TermijnWijzigingen.AsNoTracking().Where(w => w.InburgeraarId == id).OrderByDescending(w => w.Id).Take(100));

    /// <summary>
    /// The case read of <see cref="InzienAsync"/> for a user who works with cases: what <see cref="Toegang.DossiersAsync"/>
    /// and the includes below compose, compiled (<see cref="Gecompileerd"/>). One statement: a case has a handful of
    /// milestones and family members, so the joined rows stay few, and every statement less counts on the case page and
    /// the API (issue #21).
    /// </summary>
    private static readonly Gecompileerd.Een<List<int>, Guid, Inburgeraar?> InzienInGemeenten = Gecompileerd.Rij((KoersDbContext db, List<int> gemeenten, Guid id) =>
        db.Inburgeraars.TagWith(Auditlog.MeeTag).AsNoTracking()
            // The filter the audit row's condition repeats (InzienAsync: alleenAlsDossierIn): the case, in these municipalities.
            .Where(i => gemeenten.Contains(i.GemeenteId))
            .Include(i => i.Gemeente)
            .Include(i => i.Klantregisseur).ThenInclude(k => k!.Team)
            .Include(i => i.Mijlpalen)
            .Include(i => i.Gezinsleden)
            .AsSingleQuery()
            .FirstOrDefault(i => i.Id == id));

    /// <summary>Loads a case for reading and writes the read to the audit log.</summary>
    public async Task<Inburgeraar?> InzienAsync(Guid id, string doel, CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        // PostgreSQL: the read writes its own audit row, in the same statement, only when it finds the case (one round trip
        // instead of two; issue #21). Elsewhere the row is added after the read.
        var meelezen = bereik.WerktMetDossiers && audit.KanMeelezen;
        Inburgeraar? inburgeraar;
        if (meelezen)
        {
            List<int> gemeenten = [.. bereik.Gemeenten];
            using var mee = await audit.MeelezenAsync(AuditActie.Inzien, id, doel, alleenAlsDossierIn: gemeenten, ct);
            inburgeraar = await InzienInGemeenten.AlsAsync(db, gemeenten, id, ct);
            mee.Bevestig();
        }
        else
        {
            inburgeraar = bereik.WerktMetDossiers
                ? await InzienInGemeenten.AlsAsync(db, [.. bereik.Gemeenten], id, ct)
                // The inburgeraar's own case (the portal): the reach's other filter, composed.
                : await (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct))
                    .Include(i => i.Gemeente)
                    .Include(i => i.Klantregisseur).ThenInclude(k => k!.Team)
                    .Include(i => i.Mijlpalen)
                    .Include(i => i.Gezinsleden)
                    .AsSingleQuery()
                    .FirstOrDefaultAsync(i => i.Id == id, ct);
        }

        toegang.NoteerDossier(id, inburgeraar is not null);
        if (inburgeraar is null) return null;

        if (!meelezen)
        {
            Audit(AuditActie.Inzien, id, doel);
            await audit.BewaarLezingAsync(ct);
        }

        toegang.OnthoudGeopend(inburgeraar);
        return inburgeraar;
    }

    private async Task<Inburgeraar?> LaadAsync(Guid id, CancellationToken ct)
    {
        var inburgeraar = await (await toegang.DossiersAsync(db.Inburgeraars, ct))
            .Include(i => i.Gemeente)
            .Include(i => i.Mijlpalen)
            .Include(i => i.Termijnen)
            .Include(i => i.Gezinsleden)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, ct);
        toegang.NoteerDossier(id, inburgeraar is not null);
        return inburgeraar;
    }

    private async Task<(Gemeente?, Medewerker?)> ControleerInvoerAsync(InburgeraarInvoer invoer, Guid? eigenId, Dictionary<string, string[]> fouten, CancellationToken ct)
    {
        Verplicht(invoer.Voornamen, nameof(invoer.Voornamen), "Vul de voornamen in.", 200, fouten);
        Verplicht(invoer.Achternaam, nameof(invoer.Achternaam), "Vul de achternaam in.", 200, fouten);
        Verplicht(invoer.Nationaliteit, nameof(invoer.Nationaliteit), "Vul de nationaliteit in (of 'staatloos' / 'onbekend').", 100, fouten);

        if (invoer.Geboortedatum is null)
        {
            fouten.Voeg(nameof(invoer.Geboortedatum), "Vul de geboortedatum in.");
        }
        else if (invoer.Geboortedatum > klok.Vandaag)
        {
            fouten.Voeg(nameof(invoer.Geboortedatum), "De geboortedatum ligt in de toekomst.");
        }
        else if (invoer.Geboortedatum < new DateOnly(1900, 1, 1))
        {
            fouten.Voeg(nameof(invoer.Geboortedatum), "De geboortedatum ligt vóór 1900; controleer het jaar.");
        }

        var heeftBsn = !string.IsNullOrWhiteSpace(invoer.Bsn);
        var heeftVNummer = !string.IsNullOrWhiteSpace(invoer.VNummer);
        if (!heeftBsn && !heeftVNummer)
        {
            fouten.Voeg(nameof(invoer.Bsn), "Vul een BSN of een V-nummer in (of allebei).");
        }

        if (heeftBsn)
        {
            if (!Bsn.TryParse(invoer.Bsn, out var bsn, out var fout))
            {
                fouten.Voeg(nameof(invoer.Bsn), fout!);
            }
            else
            {
                invoer.Bsn = bsn.Value;
                await ControleerDubbelBsnAsync(bsn, eigenId, fouten, ct);
            }
        }

        if (heeftVNummer)
        {
            if (!VNummer.TryNormalize(invoer.VNummer, out var vnummer, out var fout))
            {
                fouten.Voeg(nameof(invoer.VNummer), fout!);
            }
            else
            {
                invoer.VNummer = vnummer;
            }
        }

        if (invoer.Doelgroep is null || !Enum.IsDefined(invoer.Doelgroep.Value))
        {
            fouten.Voeg(nameof(invoer.Doelgroep), "Kies een doelgroep.");
        }

        if (invoer.Leerroute is { } route && !Enum.IsDefined(route))
        {
            fouten.Voeg(nameof(invoer.Leerroute), "Onbekende leerroute.");
        }

        Gemeente? gemeente = null;
        if (string.IsNullOrWhiteSpace(invoer.Gemeente))
        {
            fouten.Voeg(nameof(invoer.Gemeente), "Kies een gemeente.");
        }
        else
        {
            var code = invoer.Gemeente.Trim().ToUpperInvariant();
            gemeente = await db.Gemeenten.FirstOrDefaultAsync(g => g.Code == code, ct);
            if (gemeente is null)
            {
                fouten.Voeg(nameof(invoer.Gemeente), $"Onbekende gemeente '{invoer.Gemeente.Trim()}'. Kies een gemeente die in Koers is ingericht.");
            }
            else if (!await toegang.MagWerkenInGemeenteAsync(gemeente.Id, ct))
            {
                fouten.Voeg(nameof(invoer.Gemeente), $"U werkt niet voor gemeente {gemeente.Naam} en kunt daar geen dossiers vastleggen.");
            }
        }

        Medewerker? klantregisseur = null;
        if (invoer.KlantregisseurId is { } kid)
        {
            klantregisseur = await db.Medewerkers.Include(m => m.Team).FirstOrDefaultAsync(m => m.Id == kid, ct);
            if (klantregisseur is null)
            {
                fouten.Voeg(nameof(invoer.KlantregisseurId), "Onbekende klantregisseur.");
            }
            else if (gemeente is not null && klantregisseur.Team!.RegioId != gemeente.RegioId)
            {
                fouten.Voeg(nameof(invoer.KlantregisseurId), $"{klantregisseur.Naam} werkt niet in de regio van gemeente {gemeente.Naam}.");
            }
        }

        if (!string.IsNullOrWhiteSpace(invoer.Email) && !MailAddress.TryCreate(invoer.Email.Trim(), out _))
        {
            fouten.Voeg(nameof(invoer.Email), "Dit is geen geldig e-mailadres.");
        }

        if (!string.IsNullOrWhiteSpace(invoer.Telefoon) && !invoer.Telefoon.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')'))
        {
            fouten.Voeg(nameof(invoer.Telefoon), "Een telefoonnummer bevat alleen cijfers, spaties, '+', '-' en haakjes.");
        }

        fouten.Lengte(invoer.Telefoon, nameof(invoer.Telefoon), 40);
        fouten.Lengte(invoer.Email, nameof(invoer.Email), 200);
        fouten.Lengte(invoer.Adres, nameof(invoer.Adres), 300);
        fouten.Lengte(invoer.AzcLocatie, nameof(invoer.AzcLocatie), 200);
        invoer.Talen = (invoer.Talen ?? []).Select(t => t?.Trim() ?? string.Empty).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (invoer.Talen.Any(t => t.Contains(';')) || string.Join(";", invoer.Talen).Length > 500)
        {
            fouten.Voeg(nameof(invoer.Talen), "Talen mogen geen ';' bevatten en samen hoogstens 500 tekens zijn.");
        }

        invoer.Gezinsleden ??= [];
        for (var i = 0; i < invoer.Gezinsleden.Count; i++)
        {
            var lid = invoer.Gezinsleden[i];
            Verplicht(lid.Naam, $"Gezinsleden[{i}].Naam", $"Gezinslid {i + 1}: vul de naam in.", 200, fouten);
            Verplicht(lid.Relatie, $"Gezinsleden[{i}].Relatie", $"Gezinslid {i + 1}: vul de relatie in (bijvoorbeeld partner of kind).", 100, fouten);
            if (lid.Geboortedatum > klok.Vandaag)
            {
                fouten.Voeg($"Gezinsleden[{i}].Geboortedatum", $"Gezinslid {i + 1}: de geboortedatum ligt in de toekomst.");
            }
        }

        return (gemeente, klantregisseur);
    }

    public const string BsnBestaatAl = "Er bestaat al een dossier met dit BSN. Zoek dat dossier op in plaats van een nieuw te maken.";

    /// <summary>Says nothing about cases outside the user's reach: not that one exists, nor where.</summary>
    public const string BsnNietRegistreerbaar = "Dit BSN kan niet worden geregistreerd. Neem contact op met functioneel beheer.";

    /// <summary>
    /// A BSN belongs to one case. Within the user's reach the message helps (open that case); outside it, the message is the
    /// same whatever the reason, so a klantregisseur cannot learn that the person is known in another municipality or region.
    /// That refusal is audited on the other case, so functioneel beheer and the auditor can trace it.
    /// </summary>
    private async Task ControleerDubbelBsnAsync(Bsn bsn, Guid? eigenId, Dictionary<string, string[]> fouten, CancellationToken ct)
    {
        var bestaand = await db.Inburgeraars.AsNoTracking().MetBsn(bescherming, bsn).Where(i => i.Id != eigenId).Select(i => i.Id).ToListAsync(ct);
        if (bestaand.Count == 0) return;
        var binnenBereik = await (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct)).AnyAsync(i => bestaand.Contains(i.Id), ct);
        if (binnenBereik)
        {
            fouten.Voeg(nameof(InburgeraarInvoer.Bsn), BsnBestaatAl);
            return;
        }

        fouten.Voeg(nameof(InburgeraarInvoer.Bsn), BsnNietRegistreerbaar);
        foreach (var id in bestaand) toegang.WeigerZonderAntwoord(id, "Registratie met een BSN dat al in een dossier buiten het bereik van de gebruiker staat");
    }

    private static void Verplicht(string? waarde, string veld, string melding, int max, Dictionary<string, string[]> fouten)
    {
        if (string.IsNullOrWhiteSpace(waarde)) fouten.Voeg(veld, melding);
        else fouten.Lengte(waarde, veld, max);
    }


    private static void Neem(InburgeraarInvoer invoer, Inburgeraar doel, Gemeente? gemeente, Medewerker? klantregisseur)
    {
        doel.Voornamen = invoer.Voornamen?.Trim() ?? string.Empty;
        doel.Achternaam = invoer.Achternaam?.Trim() ?? string.Empty;
        doel.Geboortedatum = invoer.Geboortedatum ?? default;
        // Parsed into the value types at the form's edge. An invalid number has its message from the validation already
        // (the case is refused); it is left empty here rather than failing twice.
        doel.Bsn = Bsn.TryParse(invoer.Bsn, out var bsn, out _) ? bsn : null;
        doel.VNummer = VNummer.TryParse(invoer.VNummer, out var vnummer, out _) ? vnummer : null;
        doel.Nationaliteit = invoer.Nationaliteit?.Trim() ?? string.Empty;
        doel.Talen = string.Join(";", invoer.Talen);
        doel.Doelgroep = invoer.Doelgroep ?? default;
        doel.Gemeente = gemeente;
        doel.GemeenteId = gemeente?.Id ?? 0;
        doel.Klantregisseur = klantregisseur;
        doel.KlantregisseurId = klantregisseur?.Id;
        doel.Telefoon = Schoon(invoer.Telefoon);
        doel.Email = Schoon(invoer.Email);
        doel.Adres = Schoon(invoer.Adres);
        doel.AzcLocatie = Schoon(invoer.AzcLocatie);
        doel.NogNietStartklaar = invoer.NogNietStartklaar;
        doel.Leerroute = invoer.Leerroute;
        doel.Gezinsleden.Clear();
        doel.Gezinsleden.AddRange(invoer.Gezinsleden.Select(g => new Gezinslid
        {
            InburgeraarId = doel.Id,
            Naam = g.Naam!.Trim(),
            Relatie = g.Relatie!.Trim(),
            Geboortedatum = g.Geboortedatum,
        }));
    }

    private static IEnumerable<Termijnregel> Bereken(Inburgeraar inburgeraar, Gemeente gemeente) =>
        LegalClock.Bereken(inburgeraar.Feiten(), gemeente.Instellingen).Select(t => Termijnregel.Uit(inburgeraar.Id, t));

    /// <summary>Rewrites the stored deadlines and records every deadline whose date moved.</summary>
    private void HerberekenKlok(Inburgeraar inburgeraar, Gemeente gemeente, DossierFeiten voor, string aanleiding)
    {
        var oud = LegalClock.Bereken(voor, gemeente.Instellingen).ToDictionary(t => t.Code);
        var nieuw = Bereken(inburgeraar, gemeente).ToList();
        foreach (var termijn in nieuw)
        {
            var bestaand = inburgeraar.Termijnen.FirstOrDefault(t => t.Code == termijn.Code);
            if (bestaand is null)
            {
                inburgeraar.Termijnen.Add(termijn);
            }
            else
            {
                bestaand.Soort = termijn.Soort;
                bestaand.Toepasselijk = termijn.Toepasselijk;
                bestaand.Startdatum = termijn.Startdatum;
                bestaand.Vervaldatum = termijn.Vervaldatum;
                bestaand.VoldaanOp = termijn.VoldaanOp;
                bestaand.Toelichting = termijn.Toelichting;
            }

            var vorige = oud.GetValueOrDefault(termijn.Code);
            if (vorige?.Vervaldatum != termijn.Vervaldatum)
            {
                db.TermijnWijzigingen.Add(new TermijnWijziging
                {
                    InburgeraarId = inburgeraar.Id,
                    Code = termijn.Code,
                    OudeVervaldatum = vorige?.Vervaldatum,
                    NieuweVervaldatum = termijn.Vervaldatum,
                    Aanleiding = aanleiding.Length > 1000 ? aanleiding[..1000] : aanleiding,
                    Op = klok.NuUtc,
                });
            }
        }

        inburgeraar.Fase = FaseBepaling.Bepaal(inburgeraar.Feiten());
    }

    private MijlpaalWijziging Wijziging(Guid id, Mijlpaal soort, DateOnly? oud, DateOnly? nieuw, string? reden) => new()
    {
        InburgeraarId = id,
        Soort = soort,
        OudeDatum = oud,
        NieuweDatum = nieuw,
        Door = gebruiker.Naam,
        Op = klok.NuUtc,
        Reden = string.IsNullOrWhiteSpace(reden) ? null : reden.Trim(),
    };

    internal void Audit(AuditActie actie, Guid id, string omschrijving, AuditObject? over = null) =>
        audit.Schrijf(actie, id, omschrijving, over);
}

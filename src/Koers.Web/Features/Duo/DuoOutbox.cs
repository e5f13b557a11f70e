using System.Text.Json;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Duo;
using Koers.Domain.Duo;
using Koers.Domain.Pip;
using Koers.Web.Features.Audit;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Duo;

/// <summary>
/// Messages for DUO. <see cref="MeldPip"/> and <see cref="MeldGevolgdeUrenAsync"/> only add a message to the
/// caller's context, so it is saved in the same transaction as the change it reports; <see cref="VerstuurAsync"/>
/// sends them later and records DUO's answer. A message is first checked against DUO's own rules, so a refusal by
/// DUO is the exception; any refusal is kept and shown on the case.
/// </summary>
public sealed class DuoOutbox(KoersDbContext db, DuoClient duo, DuoOpties opties, Klok klok, HuidigeGebruiker gebruiker, ILogger<DuoOutbox> log, Infrastructure.Bedrijfsvoering.KoersMetingen metingen, Auditlog audit)
{
    /// <summary>Queues the vastgestelde PIP (POST /personen/{bsn}/PIP). Call before the PIP's own SaveChanges.</summary>
    public DuoUitgaandBericht MeldPip(Inburgeraar inburgeraar, PipInhoud inhoud, DateOnly dagtekening, bool eerstePip, DateOnly? vorigeDagtekening)
    {
        var velden = DuoPipControle.Velden(inhoud, dagtekening, inburgeraar.Doelgroep, eerstePip, vorigeDagtekening);
        var bericht = new DuoPip(dagtekening, velden.Leerroute, velden.Niveau, velden.GeschatteIntensiteitB1Route, null, velden.Alfabetisering);
        var fouten = DuoPipControle.Controleer(velden).ToList();
        return Voeg(inburgeraar, OutboxSoort.Pip, "POST", "PIP", bericht, $"PIP met dagtekening {dagtekening:dd-MM-yyyy}", fouten);
    }

    /// <summary>
    /// Queues reported hours (GevolgdeUren API: PUT …/uren/bredeintake/taallesknm, …/participatieactiviteiten,
    /// …/participatietaalles). DUO keeps one total per kind, so the newest total replaces the earlier one. The caller saves.
    /// </summary>
    public async Task<DuoUitgaandBericht?> MeldGevolgdeUrenAsync(Guid inburgeraarId, OutboxSoort soort, int uren, CancellationToken ct = default)
    {
        var inburgeraar = await db.Inburgeraars.FirstOrDefaultAsync(i => i.Id == inburgeraarId, ct);
        return inburgeraar is null ? null : MeldGevolgdeUren(inburgeraar, soort, uren);
    }

    /// <summary>As <see cref="MeldGevolgdeUrenAsync"/> for a case the caller already read (a CSV upload reads all its cases in one query).</summary>
    public DuoUitgaandBericht MeldGevolgdeUren(Inburgeraar inburgeraar, OutboxSoort soort, int uren)
    {
        var pad = soort switch
        {
            OutboxSoort.UrenTaallesKnm => "uren/bredeintake/taallesknm",
            OutboxSoort.UrenParticipatieactiviteiten => "uren/participatieactiviteiten",
            OutboxSoort.UrenParticipatieTaalles => "uren/participatietaalles",
            _ => throw new ArgumentOutOfRangeException(nameof(soort)),
        };
        var fouten = new List<string>();
        if (uren is < 0 or > 9999) fouten.Add("DUO accepteert 0 tot en met 9999 uur.");
        return Voeg(inburgeraar, soort, "PUT", pad, new DuoUren(uren), $"Gevolgde uren ({pad}): {uren}", fouten);
    }

    /// <summary>
    /// Queues the completion of the Z-route (PUT /personen/{bsn}/zroute, schema ResultaatZroute): the Z-route has no
    /// exam, so DUO learns the plicht is met only from this date. DUO's rules (README, MAP/PVT): the municipality has a
    /// current PIP and the date is not in the future. The caller saves.
    /// </summary>
    public DuoUitgaandBericht MeldZrouteAfgerond(Inburgeraar inburgeraar, DateOnly datum)
    {
        var fouten = new List<string>();
        if (datum > klok.Vandaag) fouten.Add("De datum afronding Z-route ligt in de toekomst.");
        if (inburgeraar.Leerroute != Koers.Domain.Dossier.Leerroute.ZRoute) fouten.Add("Het dossier volgt niet de Z-route.");
        return Voeg(inburgeraar, OutboxSoort.ZrouteAfgerond, "PUT", "zroute", new DuoResultaatZroute(datum), $"Z-route afgerond op {datum:dd-MM-yyyy}", fouten);
    }

    /// <summary>
    /// Queues the end of the MAP (PUT /personen/{bsn}/map, schema ResultaatMap) or of the PVT (PUT …/pvt, schema
    /// ResultaatPvt). A PUT replaces DUO's whole resource, so the message carries the date and, only when given, the
    /// verwijtbaar indicator. DUO's rules (README, MAP and PVT) are checked again on the message, as for the PIP. The
    /// caller saves.
    /// </summary>
    public DuoUitgaandBericht MeldMapPvt(Inburgeraar inburgeraar, MapPvtFeiten feiten)
    {
        ArgumentNullException.ThrowIfNull(feiten);
        var fouten = DuoMapPvtControle.Controleer(feiten).Select(f => f.Melding).ToList();
        var verwijtbaar = DuoMapPvtControle.JaNee(feiten.Verwijtbaar);
        var extra = verwijtbaar is null ? "" : $", verwijtbaar: {verwijtbaar.ToLowerInvariant()}";
        return feiten.Onderdeel == MapPvtOnderdeel.Map
            ? Voeg(inburgeraar, OutboxSoort.MapEindgesprek, "PUT", "map", new DuoResultaatMap(feiten.Datum, verwijtbaar),
                $"Eindgesprek MAP op {feiten.Datum:dd-MM-yyyy}{extra}", fouten)
            : Voeg(inburgeraar, OutboxSoort.PvtOndertekend, "PUT", "pvt", new DuoResultaatPvt(feiten.Datum, verwijtbaar),
                $"Participatieverklaring ondertekend op {feiten.Datum:dd-MM-yyyy}{extra}", fouten);
    }

    /// <summary>
    /// Queues the removal of the PIP in force (DELETE /personen/{bsn}/PIP, no body). DUO's conditions (README, "Het
    /// verwijderen van een PIP") were checked by <see cref="PipIntrekking"/> before the PIP was withdrawn. The caller saves.
    /// </summary>
    public DuoUitgaandBericht MeldPipIngetrokken(Inburgeraar inburgeraar, DateOnly dagtekening) =>
        Voeg<object?>(inburgeraar, OutboxSoort.PipIngetrokken, "DELETE", "PIP", null, $"PIP met dagtekening {dagtekening:dd-MM-yyyy} ingetrokken", []);

    /// <summary>
    /// Queues the withdrawal of the exam number (Leerbaarheidstoets API: DELETE /personen/{bsn}/lbt/examennummer, "Aangeven
    /// dat de leerbaarheidstoets is overgeslagen"): the toets will not be taken, so DUO's registration for it is void. A 404
    /// (DUO gave no number) means there is nothing to withdraw and counts as done. The caller saves.
    /// </summary>
    public DuoUitgaandBericht MeldLbtOvergeslagen(Inburgeraar inburgeraar) =>
        Voeg<object?>(inburgeraar, OutboxSoort.LbtOvergeslagen, "DELETE", "lbt/examennummer", null, "Leerbaarheidstoets overgeslagen: examennummer intrekken", []);

    /// <summary>
    /// Queues an inburgeringsaanbod (POST /personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}); DUO keeps one per
    /// instelling and replaces an earlier one. The rules were checked by the caller with <see cref="DuoAanbodControle"/>. The caller saves.
    /// </summary>
    public DuoUitgaandBericht MeldInburgeringsaanbod(Inburgeraar inburgeraar, Data.Model.Keten.Inburgeringsaanbod aanbod, string partner)
    {
        ArgumentNullException.ThrowIfNull(aanbod);
        var bericht = new DuoInburgeringsaanbod(DuoVertaling.Alfabetisering(aanbod.Alfabetisering), aanbod.DatumAanbod, aanbod.VerwachteStart, aanbod.VerwachteEinde);
        return Voeg(inburgeraar, OutboxSoort.Inburgeringsaanbod, "POST", $"Inburgeringsaanbod/{aanbod.Instellingsnummer}", bericht,
            $"Inburgeringsaanbod bij {partner} vanaf {aanbod.DatumAanbod:dd-MM-yyyy}", []);
    }

    /// <summary>Queues the withdrawal of an inburgeringsaanbod (DELETE, same path, no body). The caller saves.</summary>
    public DuoUitgaandBericht MeldInburgeringsaanbodIngetrokken(Inburgeraar inburgeraar, Data.Model.Keten.Inburgeringsaanbod aanbod, string partner)
    {
        ArgumentNullException.ThrowIfNull(aanbod);
        return Voeg<object?>(inburgeraar, OutboxSoort.InburgeringsaanbodVerwijderd, "DELETE", $"Inburgeringsaanbod/{aanbod.Instellingsnummer}", null,
            $"Inburgeringsaanbod bij {partner} ingetrokken", []);
    }

    /// <summary>
    /// Queues the link of the person to a contact person of the municipality (POST /contactpersonen/{id}/personen/{bsn},
    /// which replaces any earlier link) or its removal (DELETE, same path). Used by <see cref="DuoContactpersonen"/>. The caller saves.
    /// </summary>
    public DuoUitgaandBericht MeldContactpersoon(Inburgeraar inburgeraar, int contactpersoonId, bool koppelen, string naam)
    {
        ArgumentNullException.ThrowIfNull(inburgeraar);
        var pad = $"contactpersonen/{contactpersoonId.ToString(System.Globalization.CultureInfo.InvariantCulture)}/personen/{inburgeraar.Bsn?.Value}";
        return Voeg<object?>(inburgeraar, koppelen ? OutboxSoort.ContactpersoonGekoppeld : OutboxSoort.ContactpersoonOntkoppeld, koppelen ? "POST" : "DELETE", null, null,
            koppelen ? $"Contactpersoon bij DUO: {naam}" : $"Contactpersoon bij DUO verwijderd: {naam}", [], pad);
    }

    private DuoUitgaandBericht Voeg<T>(Inburgeraar i, OutboxSoort soort, string methode, string? pad, T inhoud, string omschrijving, List<string> fouten, string? volledigPad = null)
    {
        if (i.Bsn is null) fouten.Add("Het dossier heeft geen BSN; DUO kan het bericht niet ontvangen. Vul het BSN aan.");
        var bericht = new DuoUitgaandBericht
        {
            Id = Guid.NewGuid(),
            InburgeraarId = i.Id,
            Soort = soort,
            Methode = methode,
            // DUO addresses the person by the full number; the value type alone would print masked.
            Pad = volledigPad ?? $"personen/{i.Bsn?.Value}/{pad}",
            // No body (DELETE): an empty text, so nothing is sent.
            InhoudJson = inhoud is null ? string.Empty : JsonSerializer.Serialize(inhoud, DuoJson.Opties),
            Omschrijving = omschrijving,
            // Refused by our own copy of DUO's rules: never sent, shown on the case like a refusal by DUO.
            Status = fouten.Count > 0 ? OutboxStatus.Geweigerd : OutboxStatus.Wachtend,
            Melding = fouten.Count > 0 ? "Niet verzonden, Koers controleerde de regels van DUO: " + string.Join(" ", fouten) : null,
        };
        db.DuoUitgaandeBerichten.Add(bericht);
        return bericht;
    }

    /// <summary>Sends due messages; returns how many were handled.</summary>
    public async Task<int> VerstuurAsync(CancellationToken ct = default)
    {
        var nu = klok.NuUtc;
        var ids = await db.DuoUitgaandeBerichten.AsNoTracking()
            .Where(b => b.Status == OutboxStatus.Wachtend && (b.VolgendePogingOp == null || b.VolgendePogingOp <= nu))
            .OrderBy(b => b.AangemaaktOp)
            .Select(b => b.Id)
            .Take(50)
            .ToListAsync(ct);
        var gedaan = 0;
        foreach (var id in ids)
        {
            // As in the inbox: stop between messages, never inside one. A request cancelled halfway may have reached
            // DUO without us recording it, and a POST sent again would give DUO a second PIP.
            if (ct.IsCancellationRequested) break;
            if (await VerstuurEenAsync(id, CancellationToken.None)) gedaan++;
        }

        return gedaan;
    }

    private async Task<bool> VerstuurEenAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var b = db.Database.IsNpgsql()
            ? await db.DuoUitgaandeBerichten.FromSqlRaw(
                "SELECT * FROM duo_uitgaand_bericht WHERE \"Id\" = {0} AND \"Status\" = 'Wachtend' FOR UPDATE SKIP LOCKED", id).FirstOrDefaultAsync(ct)
            : await db.DuoUitgaandeBerichten.FirstOrDefaultAsync(x => x.Id == id && x.Status == OutboxStatus.Wachtend, ct);
        if (b is null) return false;
        b.Pogingen++;
        try
        {
            b.Antwoordcode = await duo.VerstuurAsync(b.Methode, b.Pad, b.InhoudJson, ct);
            b.Status = OutboxStatus.Verzonden;
            b.VerzondenOp = klok.NuUtc;
            b.Melding = null;
            Audit(b.InburgeraarId, $"Naar DUO verzonden: {b.Omschrijving}");
        }
        catch (DuoWeigeringException w) when (w.Status == 404 && b.Soort == OutboxSoort.LbtOvergeslagen)
        {
            // DUO gave no exam number for this person: nothing to withdraw, which is what the message asked for.
            b.Status = OutboxStatus.Verzonden;
            b.Antwoordcode = w.Status;
            b.VerzondenOp = klok.NuUtc;
            b.Melding = "DUO had geen examennummer voor deze persoon; er was niets in te trekken.";
            Audit(b.InburgeraarId, $"Naar DUO verzonden: {b.Omschrijving} (DUO had geen examennummer)");
        }
        catch (DuoWeigeringException w)
        {
            b.Status = OutboxStatus.Geweigerd;
            b.Antwoordcode = w.Status;
            b.Melding = DuoInbox.Kort("DUO weigerde: " + string.Join(" ", w.Fouten));
            Audit(b.InburgeraarId, $"DUO weigerde: {b.Omschrijving}");
            metingen.DuoUitgaandMislukt("geweigerd");
        }
        catch (DuoOnbereikbaarException o)
        {
            b.Melding = o.Message;
            metingen.DuoUitgaandMislukt("onbereikbaar");
            if (b.Pogingen >= opties.MaxPogingen)
            {
                b.Status = OutboxStatus.Mislukt;
                b.VolgendePogingOp = null;
            }
            else
            {
                b.VolgendePogingOp = klok.NuUtc + DuoOpties.Wachttijd(b.Pogingen);
            }

            log.LogWarning("Bericht {Id} naar DUO niet verzonden (poging {Poging})", b.Id, b.Pogingen);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Whether this outgoing message is one of this case (read only; the case page checks it before access).</summary>
    public Task<bool> IsVanDossierAsync(Guid bericht, Guid inburgeraarId, CancellationToken ct = default) =>
        db.DuoUitgaandeBerichten.AsNoTracking().AnyAsync(b => b.Id == bericht && b.InburgeraarId == inburgeraarId, ct);

    /// <summary>
    /// Offers a message DUO refused, or that failed, again: DUO's data may have changed since (a person DUO did not
    /// know yet, a plicht date corrected). A message Koers held back by DUO's rules itself is not offered: its content
    /// is wrong and must be corrected on the case. Audited on the case.
    /// </summary>
    public async Task<bool> OpnieuwAsync(Guid id, CancellationToken ct = default)
    {
        var b = await db.DuoUitgaandeBerichten.FirstOrDefaultAsync(x => x.Id == id
            && (x.Status == OutboxStatus.Mislukt || (x.Status == OutboxStatus.Geweigerd && x.Antwoordcode != null)), ct);
        if (b is null) return false;
        b.Status = OutboxStatus.Wachtend;
        b.Pogingen = 0;
        b.VolgendePogingOp = null;
        b.Melding = null;
        b.Antwoordcode = null;
        Audit(b.InburgeraarId, $"Opnieuw aangeboden aan DUO door {gebruiker.Naam}: {b.Omschrijving}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    private void Audit(Guid id, string omschrijving) =>
        audit.Schrijf(AuditActie.Wijzigen, id, omschrijving, door: "Koers (DUO-koppeling)");
}

using System.ComponentModel;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Dossier;
using Koers.Domain.Duo;
using Koers.Domain.Pip;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Duo;

public sealed class AanbodInvoer
{
    public int? PartnerorganisatieId { get; set; }

    [Description("De verwijzing waaruit het aanbod volgt (optioneel).")] public Guid? VerwijzingId { get; set; }

    [Description("Inschrijfdatum bij de instelling; voor de B1- en Z-route ook de start van taalles en KNM.")] public DateOnly? DatumAanbod { get; set; }
    public DateOnly? VerwachteStart { get; set; }

    [Description("De eerste dag na de opleiding (DUO telt de einddatum exclusief).")] public DateOnly? VerwachteEinde { get; set; }

    [Description("Leeg: zoals in het PIP.")] public Alfabetisering? Alfabetisering { get; set; }
}

public sealed record AanbodDto(Guid Id, int PartnerorganisatieId, string Partner, string Instellingsnummer, Guid? VerwijzingId, DateOnly DatumAanbod,
    DateOnly? VerwachteStart, DateOnly? VerwachteEinde, Alfabetisering Alfabetisering, DateTime GemeldOp, string GemeldDoor, DateTime? IngetrokkenOp, string? IngetrokkenDoor,
    string? DuoStatus);

/// <summary>
/// The inburgeringsaanbod of an asielmigrant (Wi2021 art. 16) as DUO registers it: the klantregisseur reports the course
/// at a partner with DUO's instellingsnummer, usually when the referral to that school starts, and withdraws it when the
/// offer ends. Each report is checked against DUO's rules (<see cref="DuoAanbodControle"/>), queued in the same save, sent
/// by the outbox and audited on the case. DUO keeps one offer per instelling, so a new report for the same partner
/// replaces the earlier one in Koers as well.
/// </summary>
public sealed class DuoAanbod(KoersDbContext db, Toegang toegang, DossierService dossiers, DuoOutbox outbox, Klok klok, HuidigeGebruiker gebruiker)
{
    public async Task<IReadOnlyList<AanbodDto>?> VanDossierAsync(Guid id, CancellationToken ct = default)
    {
        if (!await toegang.MagDossierAsync(id, ct)) return null;
        var lijst = await db.Inburgeringsaanbiedingen.AsNoTracking().Include(a => a.Partnerorganisatie).Where(a => a.InburgeraarId == id)
            .OrderByDescending(a => a.GemeldOp).ToListAsync(ct);
        var berichten = await db.DuoUitgaandeBerichten.AsNoTracking()
            .Where(b => b.InburgeraarId == id && (b.Soort == Data.Model.Duo.OutboxSoort.Inburgeringsaanbod || b.Soort == Data.Model.Duo.OutboxSoort.InburgeringsaanbodVerwijderd))
            .OrderByDescending(b => b.AangemaaktOp).Select(b => new { b.Pad, b.Status, b.Melding, b.AangemaaktOp }).ToListAsync(ct);
        return lijst.Select(a =>
        {
            // The newest message about this offer says where it stands at DUO: DUO's path ends in the instellingsnummer
            // (a partner's name may change; the number of the report does not).
            var laatste = berichten.FirstOrDefault(b => b.AangemaaktOp >= (a.IngetrokkenOp ?? a.GemeldOp) && b.Pad.EndsWith("/" + a.Instellingsnummer, StringComparison.Ordinal));
            var status = laatste is null ? null : laatste.Status switch
            {
                Data.Model.Duo.OutboxStatus.Wachtend => "wacht op verzending naar DUO",
                Data.Model.Duo.OutboxStatus.Verzonden => "door DUO aangenomen",
                Data.Model.Duo.OutboxStatus.Geweigerd => "geweigerd: " + laatste.Melding,
                _ => "niet verzonden: " + laatste.Melding,
            };
            return new AanbodDto(a.Id, a.PartnerorganisatieId, a.Partnerorganisatie!.Naam, a.Instellingsnummer, a.VerwijzingId, a.DatumAanbod, a.VerwachteStart, a.VerwachteEinde,
                a.Alfabetisering, a.GemeldOp, a.GemeldDoor, a.IngetrokkenOp, a.IngetrokkenDoor, status);
        }).ToList();
    }

    /// <summary>Partners of the case's region that DUO knows as instelling (with an instellingsnummer).</summary>
    public async Task<IReadOnlyList<Partnerorganisatie>> InstellingenVoorAsync(Guid id, CancellationToken ct = default)
    {
        var regio = await db.Inburgeraars.AsNoTracking().Where(i => i.Id == id).Select(i => (int?)i.Gemeente!.RegioId).FirstOrDefaultAsync(ct);
        return await db.Partnerorganisaties.AsNoTracking().Where(p => p.RegioId == regio && p.Actief && p.DuoInstellingsnummer != null).OrderBy(p => p.Naam).ToListAsync(ct);
    }

    public async Task<Uitkomst<Guid>> MeldenAsync(Guid id, AanbodInvoer invoer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        var bereik = await toegang.BereikAsync(ct);
        if (!bereik.WerktMetDossiers || !await toegang.MagDossierAsync(id, ct)) return Uitkomst<Guid>.Onbekend();
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();

        var fouten = Veldfouten.Nieuw();
        Partnerorganisatie? partner = null;
        if (invoer.PartnerorganisatieId is null) fouten.Voeg(nameof(AanbodInvoer.PartnerorganisatieId), "Kies de instelling.");
        else
        {
            var regio = await db.Gemeenten.AsNoTracking().Where(g => g.Id == dossier.GemeenteId).Select(g => g.RegioId).FirstAsync(ct);
            partner = await db.Partnerorganisaties.AsNoTracking().FirstOrDefaultAsync(p => p.Id == invoer.PartnerorganisatieId && p.RegioId == regio && p.Actief, ct);
            if (partner is null) fouten.Voeg(nameof(AanbodInvoer.PartnerorganisatieId), "Deze instelling werkt niet (meer) voor de regio van deze inburgeraar.");
        }

        if (invoer.DatumAanbod is null) fouten.Voeg(nameof(AanbodInvoer.DatumAanbod), "Vul de datum van het aanbod in (de inschrijfdatum bij de instelling).");
        // DUO knows the person by BSN only: without one the report could never arrive, so it is not recorded at all
        // (found from the outside: the demo has cases with only a V-nummer, and the offer was saved and then refused).
        if (dossier.Bsn is null)
        {
            fouten.Voeg(nameof(AanbodInvoer.PartnerorganisatieId), "Dit dossier heeft geen BSN. DUO ontvangt een inburgeringsaanbod alleen met BSN: vul eerst het BSN aan op het dossier.");
        }
        if (invoer.VerwijzingId is { } vId && !await db.Verwijzingen.AnyAsync(v => v.Id == vId && v.InburgeraarId == id && v.PartnerorganisatieId == invoer.PartnerorganisatieId, ct))
        {
            fouten.Voeg(nameof(AanbodInvoer.VerwijzingId), "Deze verwijzing hoort niet bij deze inburgeraar en instelling.");
        }

        var pip = await db.PipVersies.AsNoTracking().Where(p => p.InburgeraarId == id && p.Status == Data.Model.PipStatus.Vastgesteld)
            .OrderByDescending(p => p.Versie).FirstOrDefaultAsync(ct);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var feiten = new AanbodFeiten(dossier.Doelgroep.IsAsielgerelateerd(), pip?.Dagtekening, partner!.DuoInstellingsnummer, invoer.DatumAanbod!.Value,
            invoer.VerwachteStart, invoer.VerwachteEinde);
        foreach (var f in DuoAanbodControle.Controleer(feiten))
        {
            fouten.Voeg(f.Veld == "Partner" ? nameof(AanbodInvoer.PartnerorganisatieId) : f.Veld, f.Melding);
        }

        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var alfabetisering = invoer.Alfabetisering ?? (pip is null ? Alfabetisering.Nvt : OpgeslagenInhoud.Pip(pip.InhoudJson).Alfabetisering);
        // DUO keeps one offer per instelling and overwrites it: so does Koers.
        var aanbod = await db.Inburgeringsaanbiedingen.FirstOrDefaultAsync(a => a.InburgeraarId == id && a.Instellingsnummer == partner.DuoInstellingsnummer && a.IngetrokkenOp == null, ct);
        if (aanbod is null)
        {
            aanbod = new Inburgeringsaanbod { Id = Guid.NewGuid(), InburgeraarId = id, Instellingsnummer = partner.DuoInstellingsnummer!, GemeldDoor = gebruiker.Naam };
            db.Inburgeringsaanbiedingen.Add(aanbod);
        }

        aanbod.PartnerorganisatieId = partner.Id;
        aanbod.VerwijzingId = invoer.VerwijzingId;
        aanbod.DatumAanbod = invoer.DatumAanbod.Value;
        aanbod.VerwachteStart = invoer.VerwachteStart;
        aanbod.VerwachteEinde = invoer.VerwachteEinde;
        aanbod.Alfabetisering = alfabetisering;
        aanbod.GemeldOp = klok.NuUtc;
        aanbod.GemeldDoor = gebruiker.Naam;
        outbox.MeldInburgeringsaanbod(dossier, aanbod, partner.Naam);
        dossiers.Audit(AuditActie.Wijzigen, id, $"Inburgeringsaanbod bij {partner.Naam} gemeld aan DUO (vanaf {aanbod.DatumAanbod:dd-MM-yyyy})");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(aanbod.Id);
    }

    public async Task<Uitkomst<Guid>> IntrekkenAsync(Guid id, Guid aanbodId, CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (!bereik.WerktMetDossiers || !await toegang.MagDossierAsync(id, ct)) return Uitkomst<Guid>.Onbekend();
        var aanbod = await db.Inburgeringsaanbiedingen.Include(a => a.Partnerorganisatie).FirstOrDefaultAsync(a => a.Id == aanbodId && a.InburgeraarId == id, ct);
        if (aanbod is null) return Uitkomst<Guid>.Onbekend();
        if (aanbod.IngetrokkenOp is not null) return Uitkomst<Guid>.Geweigerd(new() { ["Aanbod"] = ["Dit aanbod is al ingetrokken."] });
        var dossier = (await dossiers.LaadVoorWijzigingAsync(id, ct))!;
        aanbod.IngetrokkenOp = klok.NuUtc;
        aanbod.IngetrokkenDoor = gebruiker.Naam;
        outbox.MeldInburgeringsaanbodIngetrokken(dossier, aanbod, aanbod.Partnerorganisatie!.Naam);
        dossiers.Audit(AuditActie.Wijzigen, id, $"Inburgeringsaanbod bij {aanbod.Partnerorganisatie.Naam} ingetrokken bij DUO");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(aanbod.Id);
    }
}

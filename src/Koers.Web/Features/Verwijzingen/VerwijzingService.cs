using System.ComponentModel;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Dossier;
using Koers.Web.Features.Ketenpartners;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Verwijzingen;

public sealed class VerwijzingInvoer
{
    public int? PartnerorganisatieId { get; set; }
    public Onderdeel? Onderdeel { get; set; }
    [Description("Wat de partner moet weten bij de aanmelding (hoogstens 2000 tekens).")] public string? Toelichting { get; set; }
}

public enum PartnerBesluit
{
    Accepteren,
    Afwijzen,
    Afronden,
}

public sealed class BeslissingInvoer
{
    public PartnerBesluit? Besluit { get; set; }
    [Description("Verplicht bij afwijzen.")] public string? Reden { get; set; }
    public DateOnly? Intakedatum { get; set; }
    public DateOnly? Startdatum { get; set; }
}

public sealed record VerwijzingDto(Guid Id, Guid InburgeraarId, string? Naam, int PartnerorganisatieId, string Partner, Onderdeel Onderdeel,
    Verwijzingsstatus Status, DateOnly AangemeldOp, string AangemeldDoor, string? Toelichting, DateOnly? BeslistOp, string? BeslistDoor,
    string? RedenAfwijzing, DateOnly? Intakedatum, DateOnly? Startdatum, int? Wachtdagen, bool Wachtend);

/// <summary>
/// Referrals of a case to a chain partner. The klantregisseur refers (only with an active consent covering at least
/// basisgegevens); the partner accepts or declines and sets intake and start dates. Every step is audited on the case.
/// </summary>
public sealed class VerwijzingService(KoersDbContext db, Toegang toegang, DossierService dossiers, Klok klok, Auditlog audit)
{
    public static string Status(Verwijzing v, DateOnly vandaag) => v.Status switch
    {
        Verwijzingsstatus.Aangemeld => "Aangemeld, wacht op antwoord",
        Verwijzingsstatus.Geaccepteerd when v.LooptOp(vandaag) => "Gestart",
        Verwijzingsstatus.Geaccepteerd => "Geaccepteerd, wacht op start",
        Verwijzingsstatus.Afgewezen => "Afgewezen",
        Verwijzingsstatus.Ingetrokken => "Ingetrokken",
        Verwijzingsstatus.Afgerond => "Afgerond",
        _ => v.Status.ToString(),
    };

    public static VerwijzingDto Dto(Verwijzing v, string? naam, DateOnly vandaag) =>
        new(v.Id, v.InburgeraarId, naam, v.PartnerorganisatieId, v.Partnerorganisatie?.Naam ?? string.Empty, v.Onderdeel, v.Status, v.AangemeldOp, v.AangemeldDoor,
            v.Toelichting, v.BeslistOp, v.BeslistDoor, v.RedenAfwijzing, v.Intakedatum, v.Startdatum, v.Wachtdagen(vandaag), v.WachtOp(vandaag));

    public async Task<IReadOnlyList<Verwijzing>?> VanDossierAsync(Guid id, CancellationToken ct)
    {
        if (!await toegang.MagDossierAsync(id, ct)) return null;
        return await db.Verwijzingen.AsNoTracking().Include(v => v.Partnerorganisatie).Where(v => v.InburgeraarId == id)
            .OrderByDescending(v => v.AangemeldOp).ThenByDescending(v => v.GewijzigdOp).ToListAsync(ct);
    }

    public async Task<Uitkomst<Guid>> AanmeldenAsync(Guid id, VerwijzingInvoer invoer, CancellationToken ct)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (!bereik.WerktMetDossiers || !await toegang.MagDossierAsync(id, ct)) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        var vandaag = klok.Vandaag;
        Partnerorganisatie? partner = null;
        if (invoer.PartnerorganisatieId is null) fouten.Voeg(nameof(VerwijzingInvoer.PartnerorganisatieId), "Kies de ketenpartner.");
        else
        {
            var regio = await db.Inburgeraars.AsNoTracking().Where(i => i.Id == id).Select(i => i.Gemeente!.RegioId).FirstAsync(ct);
            partner = await db.Partnerorganisaties.AsNoTracking().FirstOrDefaultAsync(p => p.Id == invoer.PartnerorganisatieId && p.RegioId == regio && p.Actief, ct);
            if (partner is null) fouten.Voeg(nameof(VerwijzingInvoer.PartnerorganisatieId), "Deze ketenpartner werkt niet (meer) voor de regio van deze inburgeraar.");
            else
            {
                var machtigingen = await db.Machtigingen.AsNoTracking().Where(m => m.InburgeraarId == id && m.PartnerorganisatieId == partner.Id).ToListAsync(ct);
                if (!machtigingen.Any(m => m.IsActiefOp(vandaag) && m.Categorieen.HasFlag(Gegevenscategorie.Basisgegevens)))
                {
                    fouten.Voeg(nameof(VerwijzingInvoer.PartnerorganisatieId),
                        $"Er is geen geldige machtiging van de inburgeraar voor {partner.Naam} met ten minste basisgegevens. Leg eerst de getekende machtiging vast op het tabblad Machtigingen.");
                }
            }
        }

        if (invoer.Onderdeel is null) fouten.Voeg(nameof(VerwijzingInvoer.Onderdeel), "Kies waarvoor u de inburgeraar aanmeldt.");
        if (invoer.Toelichting?.Trim().Length > 2000) fouten.Voeg(nameof(VerwijzingInvoer.Toelichting), "De toelichting is te lang (hoogstens 2000 tekens).");
        if (fouten.Count == 0 && await db.Verwijzingen.AnyAsync(v => v.InburgeraarId == id && v.PartnerorganisatieId == partner!.Id && v.Onderdeel == invoer.Onderdeel
                && (v.Status == Verwijzingsstatus.Aangemeld || v.Status == Verwijzingsstatus.Geaccepteerd), ct))
        {
            fouten.Voeg(nameof(VerwijzingInvoer.Onderdeel), "Deze inburgeraar is voor dit onderdeel al bij deze partner aangemeld.");
        }

        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        var v = new Verwijzing
        {
            Id = Guid.NewGuid(), InburgeraarId = id, PartnerorganisatieId = partner!.Id, Onderdeel = invoer.Onderdeel!.Value, Status = Verwijzingsstatus.Aangemeld,
            AangemeldOp = vandaag, AangemeldDoor = bereik.Naam, Toelichting = string.IsNullOrWhiteSpace(invoer.Toelichting) ? null : invoer.Toelichting.Trim(),
        };
        db.Verwijzingen.Add(v);
        dossiers.Audit(AuditActie.Wijzigen, id, $"Aangemeld bij {partner.Naam} voor {KetenpartnersService.Omschrijving(v.Onderdeel)}", AuditObject.Van<Verwijzing>(v.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(v.Id);
    }

    public async Task<Uitkomst<Guid>> IntrekkenAsync(Guid id, Guid verwijzingId, CancellationToken ct)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers || !await toegang.MagDossierAsync(id, ct)) return Uitkomst<Guid>.Onbekend();
        var v = await db.Verwijzingen.Include(x => x.Partnerorganisatie).FirstOrDefaultAsync(x => x.Id == verwijzingId && x.InburgeraarId == id, ct);
        if (v is null) return Uitkomst<Guid>.Onbekend();
        if (v.Status is not (Verwijzingsstatus.Aangemeld or Verwijzingsstatus.Geaccepteerd))
        {
            return Uitkomst<Guid>.Geweigerd(new() { ["Verwijzing"] = ["Alleen een lopende aanmelding kan worden ingetrokken."] });
        }

        v.Status = Verwijzingsstatus.Ingetrokken;
        dossiers.Audit(AuditActie.Wijzigen, id, $"Aanmelding bij {v.Partnerorganisatie?.Naam} ingetrokken", AuditObject.Van<Verwijzing>(v.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(v.Id);
    }

    /// <summary>
    /// The signed-in partner's referrals, only of cases it may still see (an active consent with basisgegevens):
    /// after withdrawal the referral disappears from the partner's lists.
    /// </summary>
    public async Task<IReadOnlyList<VerwijzingDto>> VoorPartnerAsync(bool alleenWachtend, CancellationToken ct)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (!bereik.IsPartner) return [];
        var partner = bereik.PartnerorganisatieId!.Value;
        var zichtbaar = await toegang.PartnerDossiersAsync(db.Inburgeraars.AsNoTracking(), Gegevenscategorie.Basisgegevens, ct);
        var rijen = await db.Verwijzingen.AsNoTracking().Include(v => v.Partnerorganisatie)
            .Where(v => v.PartnerorganisatieId == partner)
            .Join(zichtbaar, v => v.InburgeraarId, i => i.Id, (v, i) => new { v, Naam = i.Voornamen + " " + i.Achternaam })
            .ToListAsync(ct);
        var vandaag = klok.Vandaag;
        var lijst = rijen.Where(r => !alleenWachtend || r.v.WachtOp(vandaag))
            .OrderBy(r => r.v.WachtOp(vandaag) ? 0 : 1).ThenBy(r => r.v.AangemeldOp).Select(r => Dto(r.v, r.Naam, vandaag)).ToList();
        audit.Schrijf(AuditActie.Inzien, null, $"Ketenpartner: {(alleenWachtend ? "wachtlijst" : "aanmeldingen")} bekeken ({lijst.Count} dossiers)");
        await db.SaveChangesAsync(ct);
        return lijst;
    }

    public async Task<Uitkomst<Guid>> BeslissenAsync(Guid verwijzingId, BeslissingInvoer invoer, CancellationToken ct)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (!bereik.IsPartner) return Uitkomst<Guid>.Onbekend();
        var v = await db.Verwijzingen.Include(x => x.Partnerorganisatie)
            .FirstOrDefaultAsync(x => x.Id == verwijzingId && x.PartnerorganisatieId == bereik.PartnerorganisatieId, ct);
        if (v is null || !await toegang.MagPartnerAsync(v.InburgeraarId, Gegevenscategorie.Basisgegevens, ct)) return Uitkomst<Guid>.Onbekend();

        var fouten = Veldfouten.Nieuw();
        if (invoer.Besluit is null) fouten.Voeg(nameof(BeslissingInvoer.Besluit), "Kies: accepteren, afwijzen of afronden.");
        if (v.Status is Verwijzingsstatus.Ingetrokken or Verwijzingsstatus.Afgerond or Verwijzingsstatus.Afgewezen)
        {
            fouten.Voeg(nameof(BeslissingInvoer.Besluit), $"Deze aanmelding is al {v.Status.ToString().ToLowerInvariant()}; er valt niets meer te beslissen.");
        }

        if (invoer.Besluit == PartnerBesluit.Afwijzen && string.IsNullOrWhiteSpace(invoer.Reden)) fouten.Voeg(nameof(BeslissingInvoer.Reden), "Vul de reden van de afwijzing in; de klantregisseur ziet die.");
        if (invoer.Reden?.Trim().Length > 1000) fouten.Voeg(nameof(BeslissingInvoer.Reden), "De reden is te lang (hoogstens 1000 tekens).");
        if (invoer.Besluit == PartnerBesluit.Afronden && v.Status != Verwijzingsstatus.Geaccepteerd) fouten.Voeg(nameof(BeslissingInvoer.Besluit), "Alleen een geaccepteerde aanmelding kan worden afgerond.");
        if (invoer.Besluit == PartnerBesluit.Accepteren)
        {
            if (invoer.Intakedatum is { } intake && intake < v.AangemeldOp) fouten.Voeg(nameof(BeslissingInvoer.Intakedatum), "De intakedatum ligt vóór de aanmelding.");
            if (invoer.Startdatum is { } start && start < v.AangemeldOp) fouten.Voeg(nameof(BeslissingInvoer.Startdatum), "De startdatum ligt vóór de aanmelding.");
            if (invoer.Startdatum is { } s2 && invoer.Intakedatum is { } i2 && s2 < i2) fouten.Voeg(nameof(BeslissingInvoer.Startdatum), "De startdatum ligt vóór de intakedatum.");
        }

        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        switch (invoer.Besluit!.Value)
        {
            case PartnerBesluit.Accepteren:
                v.Status = Verwijzingsstatus.Geaccepteerd;
                v.Intakedatum = invoer.Intakedatum;
                v.Startdatum = invoer.Startdatum;
                v.RedenAfwijzing = null;
                break;
            case PartnerBesluit.Afwijzen:
                v.Status = Verwijzingsstatus.Afgewezen;
                v.RedenAfwijzing = invoer.Reden!.Trim();
                break;
            case PartnerBesluit.Afronden:
                v.Status = Verwijzingsstatus.Afgerond;
                break;
        }

        v.BeslistOp = klok.Vandaag;
        v.BeslistDoor = bereik.Naam;
        dossiers.Audit(AuditActie.Wijzigen, v.InburgeraarId,
            $"Ketenpartner {bereik.Naam} ({v.Partnerorganisatie?.Naam}): aanmelding {KetenpartnersService.Omschrijving(v.Onderdeel)} {invoer.Besluit.Value.ToString().ToLowerInvariant()}");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(v.Id);
    }
}

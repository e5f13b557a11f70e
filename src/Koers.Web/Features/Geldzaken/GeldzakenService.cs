using static Koers.Web.Infrastructure.Invoer;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Geldzaken;
using Koers.Data.Model.Ontzorgen;
using Koers.Domain.Geldzaken;
using Koers.Domain.Ontzorgen;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Geldzaken;

/// <summary>What the geldzaken screen and API show for one case: the krediet with its timer.</summary>
public sealed record GeldzakenStand(Inburgeraar Dossier, Geldzaak? Geldzaak, int TermijnDagen, KredietStand Krediet);

/// <summary>The monthly statement of one case, with the case it belongs to (for the letter and the screen).</summary>
public sealed record OverzichtStand(Inburgeraar Dossier, Maandoverzicht Overzicht, string? NietVanToepassing);

/// <summary>
/// The money around the person: the inrichtingskrediet with its term from the date of housing, and the monthly
/// statement built from the ontzorgen payees and payment runs. Reads go through <see cref="DossierService.InzienAsync"/>
/// (role, municipality and the audit of the read); every change is audited.
/// </summary>
public sealed class GeldzakenService(KoersDbContext db, DossierService dossiers, Klok klok, HuidigeGebruiker gebruiker, Kern.Toegang toegang, Auditlog audit)
{
    public async Task<GeldzakenStand?> HaalAsync(Guid id, string doel, CancellationToken ct = default)
    {
        var dossier = await dossiers.InzienAsync(id, doel, ct);
        if (dossier is null) return null;
        var geldzaak = await db.Set<Geldzaak>().AsNoTracking().FirstOrDefaultAsync(g => g.InburgeraarId == id, ct);
        var dagen = await TermijnDagenAsync(dossier.GemeenteId, ct);
        return new GeldzakenStand(dossier, geldzaak, dagen, InrichtingskredietRegels.Bereken(geldzaak?.Krediet() ?? new KredietFeiten(), dagen, klok.Vandaag));
    }

    public async Task<Uitkomst<Guid>> KredietOpslaanAsync(Guid id, KredietInvoer invoer, CancellationToken ct = default)
    {
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var feiten = new KredietFeiten
        {
            HuisvestingOp = invoer.HuisvestingOp,
            AangevraagdOp = invoer.AangevraagdOp,
            ToegekendOp = invoer.ToegekendOp,
            ToegekendBedrag = invoer.ToegekendBedrag,
            UitbetaaldOp = invoer.UitbetaaldOp,
            UitbetaaldBedrag = invoer.UitbetaaldBedrag,
        };
        var fouten = Veldfouten.Van(InrichtingskredietRegels.Controleer(feiten, klok.Vandaag));
        fouten.Lengte(invoer.Notitie, nameof(invoer.Notitie), 1000);
        if (invoer.NettoBijstandPerMaand is { } netto && (netto <= 0 || netto > OntzorgenRegels.MaximumBedragPerMaand || decimal.Round(netto, 2) != netto))
        {
            fouten.Voeg(nameof(invoer.NettoBijstandPerMaand), "De netto bijstand per maand is meer dan € 0 en hoogstens € 10.000, in hele centen.");
        }

        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var g = await db.Set<Geldzaak>().FirstOrDefaultAsync(x => x.InburgeraarId == id, ct);
        if (g is null)
        {
            g = new Geldzaak { InburgeraarId = id };
            db.Add(g);
        }

        g.HuisvestingOp = invoer.HuisvestingOp;
        g.KredietAangevraagdOp = invoer.AangevraagdOp;
        g.KredietToegekendOp = invoer.ToegekendOp;
        g.KredietToegekendBedrag = invoer.ToegekendBedrag;
        g.KredietUitbetaaldOp = invoer.UitbetaaldOp;
        g.KredietUitbetaaldBedrag = invoer.UitbetaaldBedrag;
        g.KredietNotitie = Schoon(invoer.Notitie);
        g.NettoBijstandPerMaand = invoer.NettoBijstandPerMaand;
        var status = InrichtingskredietRegels.Status(feiten);
        dossiers.Audit(AuditActie.Wijzigen, id, $"Geldzaken: inrichtingskrediet vastgelegd (status ‘{status.Omschrijving().ToLowerInvariant()}’"
            + (invoer.UitbetaaldBedrag is { } b ? $", uitbetaald {GeldWeergave.Euro(b)}" : string.Empty) + ")");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(id);
    }

    /// <summary>
    /// The statement of one month for one case. Staff and the inburgeraar both come through here; the read is
    /// authorised and audited by <see cref="DossierService.InzienAsync"/> (an inburgeraar reaches only their own case).
    /// </summary>
    public async Task<OverzichtStand?> MaandoverzichtAsync(Guid id, DateOnly maand, string doel, CancellationToken ct = default)
    {
        var dossier = await dossiers.InzienAsync(id, doel, ct);
        if (dossier is null) return null;
        var eerste = new DateOnly(maand.Year, maand.Month, 1);
        var nietVanToepassing = OntzorgenRegels.WaaromNietVanToepassing(dossier.Doelgroep);
        var o = await db.Set<Ontzorging>().AsNoTracking().FirstOrDefaultAsync(x => x.InburgeraarId == id, ct);
        var periode = nietVanToepassing is null ? OntzorgenRegels.Periode(dossier.Feiten(), dossier.Gemeente!.OntzorgenMaanden, o?.Besluit, o?.VerlengdTot) : null;
        var lasten = (await db.Set<OntzorgenBetaling>().AsNoTracking().Where(b => b.InburgeraarId == id && !b.Verwijderd).ToListAsync(ct))
            .Select(b => new VasteLast(b.Id, b.Soort, b.Naam, b.Omschrijving, b.BedragPerMaand, b.Vanaf, b.Tot)).ToList();
        var betaald = (await db.Set<Betaalregel>().AsNoTracking().Where(r => r.InburgeraarId == id && r.Maand == eerste).ToListAsync(ct))
            .Select(r => new BetaaldeLast(r.BetalingId, r.Soort, r.CrediteurNaam, r.Bedrag, r.Van, r.Tot)).ToList();
        var netto = await db.Set<Geldzaak>().AsNoTracking().Where(g => g.InburgeraarId == id).Select(g => g.NettoBijstandPerMaand).FirstOrDefaultAsync(ct);
        return new OverzichtStand(dossier, MaandoverzichtRegels.Maak(eerste, periode, lasten, betaald, netto), nietVanToepassing);
    }

    /// <summary>
    /// The statement as a letter (PDF) in plain language, on the municipality's letterhead. Written in
    /// <paramref name="taal"/> when given (a portal language), else in the language the person chose in the portal
    /// (<see cref="Inburgeraar.PortaalTaal"/>, kept on the case), else in Dutch. A letter in another language than
    /// Dutch gets the language in its file name, so a Dutch copy downloaded beside it does not overwrite it.
    /// </summary>
    public async Task<(byte[] Pdf, string Bestandsnaam, string Taal)?> BriefAsync(Guid id, DateOnly maand, string? taal = null, CancellationToken ct = default)
    {
        var stand = await MaandoverzichtAsync(id, maand, $"Geldzaken: maandoverzicht {OntzorgenRegels.MaandNaam(maand)} als brief gemaakt", ct);
        if (stand is null) return null;
        var gekozen = BriefTaal(taal, stand.Dossier);
        var pdf = MaandoverzichtBrief.Maak(stand.Dossier, stand.Overzicht, klok.Vandaag, gekozen);
        return (pdf, $"maandoverzicht-{stand.Overzicht.Maand:yyyy-MM}{(gekozen == "nl" ? "" : "-" + gekozen)}.pdf", gekozen);
    }

    /// <summary>The language of the letter: the one asked for, else the case's portal language, else Dutch.</summary>
    public static string BriefTaal(string? gevraagd, Inburgeraar dossier) =>
        Talen.Bestaat(gevraagd) ? gevraagd! : Talen.Bestaat(dossier.PortaalTaal) ? dossier.PortaalTaal! : "nl";

    /// <summary>The municipality's term, or the default when functioneel beheer never set one.</summary>
    public async Task<int> TermijnDagenAsync(int gemeenteId, CancellationToken ct = default) =>
        await db.Set<GeldzakenInstellingen>().AsNoTracking().Where(i => i.GemeenteId == gemeenteId).Select(i => (int?)i.InrichtingskredietTermijnDagen).FirstOrDefaultAsync(ct)
        ?? InrichtingskredietRegels.StandaardTermijnDagen;

    /// <summary>The municipalities within the user's reach (their own, or their sharing region).</summary>
    public Task<List<Gemeente>> GemeentenAsync(CancellationToken ct = default) => toegang.GemeentenInBereikAsync(ct);

    /// <summary>A municipality's settings (stored or default); a municipality outside the user's reach is unknown.</summary>
    public async Task<(Gemeente Gemeente, GeldzakenInstellingen Instellingen)?> InstellingenAsync(string? gemeenteCode, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(gemeenteCode)) return null;
        var code = gemeenteCode.Trim().ToUpperInvariant();
        var gemeente = await db.Gemeenten.FirstOrDefaultAsync(g => g.Code == code, ct);
        if (gemeente is null || !(await toegang.BereikAsync(ct)).Gemeenten.Contains(gemeente.Id)) return null;
        var instellingen = await db.Set<GeldzakenInstellingen>().FirstOrDefaultAsync(i => i.GemeenteId == gemeente.Id, ct)
            ?? new GeldzakenInstellingen { GemeenteId = gemeente.Id, GewijzigdOp = DateTime.MinValue, GewijzigdDoor = "Koers (standaard)" };
        return (gemeente, instellingen);
    }

    public async Task<Uitkomst<string>> InstellingenOpslaanAsync(string gemeenteCode, InstellingenInvoer invoer, CancellationToken ct = default)
    {
        var gevonden = await InstellingenAsync(gemeenteCode, ct);
        if (gevonden is null) return Uitkomst<string>.Onbekend();
        var (gemeente, instellingen) = gevonden.Value;
        if (InrichtingskredietRegels.ControleerTermijn(invoer.InrichtingskredietTermijnDagen) is { } fout)
        {
            return Uitkomst<string>.Geweigerd(new() { [nameof(invoer.InrichtingskredietTermijnDagen)] = [fout] });
        }

        var oud = instellingen.InrichtingskredietTermijnDagen;
        var nieuw = invoer.InrichtingskredietTermijnDagen!.Value;
        if (db.Entry(instellingen).State == EntityState.Detached) db.Add(instellingen);
        else if (oud == nieuw) return Uitkomst<string>.Ok(gemeente.Code);
        instellingen.InrichtingskredietTermijnDagen = nieuw;
        // By hand: the unsaved default above names "Koers (standaard)", which the stamps would keep on insert as if meant.
        instellingen.GewijzigdDoor = gebruiker.Naam;
        audit.Schrijf(AuditActie.Wijzigen, null, $"Geldzaken: termijn inrichtingskrediet gemeente {gemeente.Naam} gewijzigd van {oud} naar {nieuw} dagen", AuditObject.Van<Gemeente>(gemeente.Code));
        await db.SaveChangesAsync(ct);
        return Uitkomst<string>.Ok(gemeente.Code);
    }
}

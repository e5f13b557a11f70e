using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Dossier;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Bewaartermijn;

public sealed record TeAnonimiserenDossier(Guid Id, string Gemeente, Fase Fase, DateOnly AfgeslotenOp, DateOnly BewarenTot);

public sealed record BewaarRapport(int BewaarMaanden, DateOnly Peildatum, IReadOnlyList<TeAnonimiserenDossier> Dossiers);

/// <summary>
/// Retention: closed cases keep their personal data for a configured number of months after closure
/// (Koers:Bewaren:MaandenNaAfsluiting, default 24), then the data that identifies the person is removed.
/// Dates, route and phase stay, so the monitor's figures do not change. A dry run lists what would happen;
/// only a functioneel beheerder can run it, and each anonymised case is written to the audit log.
/// </summary>
public sealed class BewaartermijnService(KoersDbContext db, Klok klok, Toegang toegang, IConfiguration configuration, Auditlog audit)
{
    private static readonly Mijlpaal[] Afsluitend = [.. MijlpaalInfo.Afsluitend];

    public int BewaarMaanden => Math.Clamp(configuration.GetValue("Koers:Bewaren:MaandenNaAfsluiting", 24), 1, 1200);

    public async Task<BewaarRapport> ProefAsync(CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        var gemeenten = bereik.Gemeenten.ToList();
        var peildatum = klok.Vandaag;
        var grens = peildatum.AddMonths(-BewaarMaanden);
        var kandidaten = await db.Inburgeraars.AsNoTracking()
            .Where(i => i.GeanonimiseerdOp == null && gemeenten.Contains(i.GemeenteId))
            .Select(i => new
            {
                i.Id,
                Gemeente = i.Gemeente!.Naam,
                i.Fase,
                Afgesloten = i.Mijlpalen.Where(m => Afsluitend.Contains(m.Soort)).Select(m => (DateOnly?)m.Datum).Max(),
            })
            .Where(x => x.Afgesloten != null && x.Afgesloten <= grens)
            .OrderBy(x => x.Afgesloten)
            .ToListAsync(ct);
        return new BewaarRapport(BewaarMaanden, peildatum,
            kandidaten.Select(k => new TeAnonimiserenDossier(k.Id, k.Gemeente, k.Fase, k.Afgesloten!.Value, k.Afgesloten.Value.AddMonths(BewaarMaanden))).ToList());
    }

    /// <summary>Anonymises exactly the cases of the dry run (recomputed now), in one transaction.</summary>
    public async Task<int> UitvoerenAsync(CancellationToken ct = default)
    {
        var rapport = await ProefAsync(ct);
        var ids = rapport.Dossiers.Select(d => d.Id).ToList();
        if (ids.Count == 0) return 0;

        await using var transactie = await db.Database.BeginTransactionAsync(ct);
        var dossiers = await db.Inburgeraars.Include(i => i.Gezinsleden).Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        foreach (var d in dossiers)
        {
            d.Voornamen = "Geanonimiseerd";
            d.Achternaam = d.Id.ToString("N")[..8];
            d.Geboortedatum = new DateOnly(d.Geboortedatum.Year, 1, 1);
            d.Bsn = null;
            d.VNummer = null;
            d.Telefoon = null;
            d.Email = null;
            d.Adres = null;
            d.AzcLocatie = null;
            d.Talen = string.Empty;
            d.Gezinsleden.Clear();
            d.GeanonimiseerdOp = klok.NuUtc;
            audit.Schrijf(AuditActie.Wijzigen, d.Id, $"Geanonimiseerd: bewaartermijn van {rapport.BewaarMaanden} maanden na afsluiting verstreken");
        }

        await db.Leefgebieden.Where(l => ids.Contains(l.InburgeraarId)).ExecuteDeleteAsync(ct);
        await db.Diplomas.Where(l => ids.Contains(l.InburgeraarId)).ExecuteDeleteAsync(ct);
        await db.Intakegesprekken.Where(g => ids.Contains(g.InburgeraarId))
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Notities, (string?)null).SetProperty(g => g.Aanwezigen, (string?)null), ct);
        await db.Beschikkingen.Where(b => ids.Contains(b.InburgeraarId)).ExecuteDeleteAsync(ct);
        await db.Set<Data.Model.Ontzorgen.Ontzorgenbrief>().Where(b => ids.Contains(b.InburgeraarId)).ExecuteDeleteAsync(ct);
        await db.MijlpaalWijzigingen.Where(w => ids.Contains(w.InburgeraarId))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Reden, (string?)null), ct);
        // Free text written along the way (by the inburgeraar, partners and staff) can name anyone and anything:
        // it goes; the dated facts (hours, results, steps taken) stay for the figures.
        await db.Berichten.Where(b => ids.Contains(b.InburgeraarId)).ExecuteDeleteAsync(ct);
        // Notifications hold an address and a text with name and appointment; consents an address-less history. Both go.
        await db.Notificaties.Where(n => ids.Contains(n.InburgeraarId)).ExecuteDeleteAsync(ct);
        await db.Berichttoestemmingen.Where(b => ids.Contains(b.InburgeraarId)).ExecuteDeleteAsync(ct);
        await db.Vaardigheidsvoortgang.Where(v => ids.Contains(v.InburgeraarId)).ExecuteUpdateAsync(s => s.SetProperty(v => v.Notitie, (string?)null), ct);
        await db.Voortgangssignalen.Where(v => ids.Contains(v.InburgeraarId))
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Notitie, string.Empty).SetProperty(v => v.Afhandeling, (string?)null), ct);
        await db.Set<Data.Model.Keten.Voortgangsafspraak>().Where(a => db.Voortgangsgesprekken.Any(g => g.Id == a.VoortgangsgesprekId && ids.Contains(g.InburgeraarId)))
            .ExecuteDeleteAsync(ct);
        await db.Voortgangsgesprekken.Where(g => ids.Contains(g.InburgeraarId))
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Verslag, (string?)null).SetProperty(g => g.Aanwezigen, (string?)null), ct);
        await db.Set<Data.Model.Ladderscore>().Where(l => ids.Contains(l.InburgeraarId)).ExecuteUpdateAsync(s => s.SetProperty(l => l.Toelichting, (string?)null), ct);
        // Welzijn: the dated facts (signal, kind, severity, referral status) stay for the figures, free text about health goes.
        await db.Set<Data.Model.Welzijnsscreening>().Where(w => ids.Contains(w.InburgeraarId)).ExecuteUpdateAsync(s => s.SetProperty(w => w.Toelichting, (string?)null), ct);
        await db.Set<Data.Model.Zorgverwijzing>().Where(z => ids.Contains(z.InburgeraarId))
            .ExecuteUpdateAsync(s => s.SetProperty(z => z.Reden, (string?)null).SetProperty(z => z.Zorgaanbieder, (string?)null).SetProperty(z => z.Opvolgdatum, (DateOnly?)null), ct);
        await db.Set<Data.Model.NietStartklaar>().Where(n => ids.Contains(n.InburgeraarId)).ExecuteUpdateAsync(s => s.SetProperty(n => n.Toelichting, (string?)null), ct);
        await db.Verwijzingen.Where(v => ids.Contains(v.InburgeraarId))
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Toelichting, (string?)null).SetProperty(v => v.RedenAfwijzing, (string?)null), ct);
        await db.Set<Data.Model.Keten.Tekortkoming>().Where(t => ids.Contains(t.InburgeraarId))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Omschrijving, string.Empty).SetProperty(t => t.RedenAfsluiting, (string?)null), ct);
        // Letters carry name and address: the PDF goes, its hash stays as proof that a letter was sent.
        await db.Set<Data.Model.Keten.Handhavingsbesluit>().Where(b => ids.Contains(b.InburgeraarId))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Pdf, (byte[]?)null).SetProperty(b => b.Reden, string.Empty).SetProperty(b => b.Uitkomst, (string?)null), ct);
        await db.Set<Data.Model.Keten.Eindgesprek>().Where(e => ids.Contains(e.InburgeraarId)).ExecuteUpdateAsync(s => s.SetProperty(e => e.Verslag, string.Empty), ct);
        await db.Set<Data.Model.Keten.Verlengingsaanvraag>().Where(v => ids.Contains(v.InburgeraarId)).ExecuteUpdateAsync(s => s.SetProperty(v => v.Reden, string.Empty), ct);
        await db.Set<Data.Model.Keten.MapPvtAfronding>().Where(m => ids.Contains(m.InburgeraarId)).ExecuteUpdateAsync(s => s.SetProperty(m => m.Toelichting, (string?)null), ct);
        await db.Set<Data.Model.Keten.Afsluiting>().Where(a => ids.Contains(a.InburgeraarId)).ExecuteUpdateAsync(s => s.SetProperty(a => a.Toelichting, string.Empty), ct);
        // Geldzaken: the krediet's dates and amounts stay for the figures, the note goes; a voorlopig plan is free text and goes.
        await db.Set<Data.Model.Geldzaken.Geldzaak>().Where(g => ids.Contains(g.InburgeraarId)).ExecuteUpdateAsync(s => s.SetProperty(g => g.KredietNotitie, (string?)null), ct);
        await db.Set<Data.Model.VoorlopigPlan>().Where(p => ids.Contains(p.InburgeraarId)).ExecuteDeleteAsync(ct);
        // Netwerk: the links to the sociale kaart and the discussions in casusoverleg stay as facts; their free text goes.
        await db.Set<Data.Model.Netwerk.Kaartkoppeling>().Where(k => ids.Contains(k.InburgeraarId)).ExecuteUpdateAsync(s => s.SetProperty(k => k.Toelichting, (string?)null), ct);
        await db.Set<Data.Model.Netwerk.Casusbespreking>().Where(b => ids.Contains(b.InburgeraarId)).ExecuteUpdateAsync(s => s.SetProperty(b => b.Verslag, (string?)null), ct);
        // Logistiek: travel times, dayparts and transport periods stay for the figures; the kern, the free text and the note go.
        await db.Set<Data.Model.Reisprofiel>().Where(r => ids.Contains(r.InburgeraarId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Woonkern, (string?)null).SetProperty(r => r.Toelichting, (string?)null), ct);
        await db.Set<Data.Model.Vervoersvoorziening>().Where(v => ids.Contains(v.InburgeraarId)).ExecuteUpdateAsync(s => s.SetProperty(v => v.Omschrijving, (string?)null), ct);
        // Groepen (h-groepen): enrolment and attendance stay as facts; the reason for unenrolment is free text and goes.
        await db.Set<Data.Model.Groepen.Groepsdeelname>().Where(d => ids.Contains(d.InburgeraarId)).ExecuteUpdateAsync(s => s.SetProperty(d => d.Uitschrijfreden, (string?)null), ct);
        // A closed case waits for nothing: its places on waiting lists go.
        await db.Set<Data.Model.Groepen.Groepswachtplaats>().Where(w => ids.Contains(w.InburgeraarId)).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        await transactie.CommitAsync(ct);
        return dossiers.Count;
    }
}

using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Logistiek;

/// <summary>
/// Synthetic logistics data for the demo, after the practice source (000:L1081-1103): people in the outlying kernen of
/// Bergeijk with a long journey to the Z-route location and no transport, one whose six-week bus ends within days, some
/// who cannot come by day (childcare, work) but could in the evening, and one whose traject ended weeks ago with nothing
/// after it. All made up.
/// </summary>
public static class LogistiekDemo
{
    /// <summary>How many Kempen cases get a travel and availability profile (Bergeijk first).</summary>
    public const int Aantal = 30;

    public static async Task VulAsync(KoersDbContext db, Klok klok, CancellationToken ct = default)
    {
        if (await db.Set<Reisprofiel>().AnyAsync(ct)) return;
        var vandaag = klok.Vandaag;
        var afsluitend = MijlpaalInfo.Afsluitend.ToList();
        // Bergeijk first (its outlying kernen), then the other Kempen municipalities: enough people per location that the
        // demand for evening and weekend classes shows numbers instead of only "<5" (issue #23 finding).
        string[] kempen = ["GM1724", "GM1728", "GM0770", "GM1667"];
        var dossiers = (await db.Inburgeraars.AsNoTracking()
                .Where(i => i.GeanonimiseerdOp == null && kempen.Contains(i.Gemeente!.Code) && !i.Mijlpalen.Any(m => afsluitend.Contains(m.Soort)))
                .Select(i => new { i.Id, i.Bsn, i.VNummer, Bergeijk = i.Gemeente!.Code == "GM1724", Gemeente = i.Gemeente!.Naam }).ToListAsync(ct))
            // In content order, not id order: demo ids are random per install, the demo's content is not.
            .OrderByDescending(i => i.Bergeijk).ThenBy(i => i.Bsn?.Value ?? "", StringComparer.Ordinal).ThenBy(i => i.VNummer?.Value ?? "", StringComparer.Ordinal)
            .Take(Aantal).ToList();
        if (dossiers.Count == 0) return;
        string[] kernen = ["Westerhoven", "Riethoven", "Luyksgestel", "Bergeijk"];
        int Dagdelen(params (int Dag, int Deel)[] d) => d.Aggregate(0, (m, x) => m | Logistiekregels.Bit(x.Dag, x.Deel));
        // Childcare: no mornings and afternoons on four weekdays (only Wednesday morning free).
        var kinderopvang = Dagdelen([.. from dag in new[] { 0, 1, 3, 4 } from deel in new[] { 0, 1 } select (dag, deel), (2, 1)]);
        // Work: every weekday daytime.
        var werk = Dagdelen([.. from dag in Enumerable.Range(0, 5) from deel in new[] { 0, 1 } select (dag, deel)]);
        for (var n = 0; n < dossiers.Count; n++)
        {
            var kern = dossiers[n].Bergeijk ? kernen[n % kernen.Length] : dossiers[n].Gemeente;
            var ver = dossiers[n].Bergeijk && kern != "Bergeijk";
            var (masker, redenen) = (n % 3) switch
            {
                0 => (kinderopvang, Beschikbaarheidsreden.Kinderopvang | Beschikbaarheidsreden.Schooltijden),
                1 => (werk, Beschikbaarheidsreden.Werk),
                _ => (0, Beschikbaarheidsreden.Geen),
            };
            db.Add(new Reisprofiel
            {
                Id = Guid.NewGuid(), InburgeraarId = dossiers[n].Id, Woonkern = kern, Leslocatie = n % 4 == 3 ? "Stavoor Eindhoven (demo)" : "Z-route Bladel (demo)",
                ReistijdOvMinuten = ver ? 70 + (n * 5) : 25, ReistijdFietsMinuten = ver ? 65 + (n * 3) : 15, OnmogelijkeDagdelen = masker, Redenen = redenen,
                GewijzigdOp = klok.NuUtc, GewijzigdDoor = "demodata",
            });
        }

        // The bus for six weeks, ending within the week; and an OV-vergoeding running until further notice.
        db.Add(new Vervoersvoorziening
        {
            Id = Guid.NewGuid(), InburgeraarId = dossiers[1].Id, Soort = Vervoerssoort.Busje, Omschrijving = "Busje van de gemeente, 6 weken (demo)",
            Van = vandaag.AddDays(-37), Tot = vandaag.AddDays(5), VastgelegdOp = klok.NuUtc, VastgelegdDoor = "demodata",
        });
        if (dossiers.Count > 2)
        {
            db.Add(new Vervoersvoorziening
            {
                Id = Guid.NewGuid(), InburgeraarId = dossiers[2].Id, Soort = Vervoerssoort.OvVergoeding, Van = vandaag.AddDays(-60),
                VastgelegdOp = klok.NuUtc, VastgelegdDoor = "demodata",
            });
        }

        // A traject that ended seven weeks ago with nothing after it.
        var partner = await db.Partnerorganisaties.AsNoTracking().OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var ids = dossiers.Select(d => d.Id).ToList();
        // Someone without a running traject, or the running one would cover the gap.
        var metLopend = await db.Verwijzingen.AsNoTracking().Where(v => ids.Contains(v.InburgeraarId) && v.Status == Verwijzingsstatus.Geaccepteerd)
            .Select(v => v.InburgeraarId).ToListAsync(ct);
        if (partner is { } pid && ids.LastOrDefault(id => !metLopend.Contains(id)) is var gat && gat != Guid.Empty)
        {
            db.Verwijzingen.Add(new Verwijzing
            {
                Id = Guid.NewGuid(), InburgeraarId = gat, PartnerorganisatieId = pid, Onderdeel = Onderdeel.Knm, Status = Verwijzingsstatus.Afgerond,
                AangemeldOp = vandaag.AddDays(-160), AangemeldDoor = "demodata", Intakedatum = vandaag.AddDays(-150), Startdatum = vandaag.AddDays(-140),
                BeslistOp = vandaag.AddDays(-49), BeslistDoor = "demodata",
            });
        }

        await db.SaveChangesAsync(ct);
    }
}

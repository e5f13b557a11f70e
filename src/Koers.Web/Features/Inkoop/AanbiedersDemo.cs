using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Dossier;
using Koers.Data.Model.Keten;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Inkoop;

/// <summary>
/// Synthetic exam results from the Kempen language school for persons in a running language trajectory there (after the
/// referrals and the demo progress), so the provider page shows exam figures beside presence, waiting time and cost.
/// Three in four results passed; deterministic order so every install shows the same figures.
/// </summary>
public static class AanbiedersDemo
{
    public const string Door = "demodata (aanbieders)";

    public static async Task VulAsync(KoersDbContext db, Klok klok, CancellationToken ct = default)
    {
        if (await db.Examenresultaten.AnyAsync(e => e.VastgelegdDoor == Door, ct)) return;
        var taalschool = await db.Partnerorganisaties.FirstOrDefaultAsync(p => p.Naam == "Taalschool De Kempen", ct);
        if (taalschool is null) return;
        var vandaag = klok.Vandaag;
        var lopend = (await db.Verwijzingen.AsNoTracking()
                .Where(v => v.PartnerorganisatieId == taalschool.Id && v.Onderdeel == Onderdeel.Taal && v.Status == Verwijzingsstatus.Geaccepteerd
                    && v.Startdatum != null && v.Startdatum <= vandaag)
                .Select(v => new { v.InburgeraarId, Start = v.Startdatum!.Value, v.AangemeldOp }).ToListAsync(ct))
            .OrderBy(v => v.Start).ThenBy(v => v.AangemeldOp).Take(16).ToList();
        var n = 0;
        foreach (var v in lopend)
        {
            foreach (var onderdeel in new[] { Examenonderdeel.Lezen, Examenonderdeel.Luisteren })
            {
                db.Examenresultaten.Add(new Examenresultaat
                {
                    Id = Guid.NewGuid(), InburgeraarId = v.InburgeraarId, Onderdeel = onderdeel, Datum = vandaag.AddDays(-7 - n % 20), Niveau = "A2",
                    Behaald = n++ % 4 != 0, Bron = Gegevensbron.Partner, PartnerorganisatieId = taalschool.Id, VastgelegdOp = klok.NuUtc, VastgelegdDoor = Door,
                });
            }
        }

        await db.SaveChangesAsync(ct);
        await RoutewisselsAsync(db, klok, taalschool.Id, ct);
    }

    /// <summary>How many route switches the demo makes (scaling down first, see <see cref="RoutewisselsAsync"/>).</summary>
    public const int Wissels = 6;

    public const string BijstellingReden = "Demodata: leerroute bijgesteld na de eerste maanden les (voortgang wijkt af van de verwachting).";

    /// <summary>
    /// A few route switches by PIP bijstelling (Besluit art. 5.3 lid 6) after the start at the language school (persons there with an
    /// established PIP, B1-route and onderwijsroute first; B1-route to Z-route and onderwijsroute to B1-route are a scaling down), written as the PIP service writes a bijstelling: the old
    /// version replaced, a new version with the new route and a reason, and the route on the case. The provider page then shows
    /// route switches (hidden as a small number, the count is in the team lead's drill-down).
    /// </summary>
    private static async Task RoutewisselsAsync(KoersDbContext db, Klok klok, int taalschool, CancellationToken ct)
    {
        if (await db.PipVersies.AnyAsync(v => v.RedenBijstelling == BijstellingReden, ct)) return;
        var vandaag = klok.Vandaag;
        var portaal = await db.Users.AsNoTracking().Where(u => u.Email == "inburgeraar@demo.example").Select(u => u.InburgeraarId).FirstOrDefaultAsync(ct);
        var starts = await db.Verwijzingen.AsNoTracking()
            .Where(v => v.PartnerorganisatieId == taalschool && v.Onderdeel == Onderdeel.Taal && v.Status == Verwijzingsstatus.Geaccepteerd
                && v.Startdatum != null && v.Startdatum <= vandaag.AddDays(-45) && v.InburgeraarId != portaal)
            .Select(v => new { v.InburgeraarId, Start = v.Startdatum!.Value }).ToListAsync(ct);
        var ids = starts.Select(s => s.InburgeraarId).Distinct().ToList();
        // B1-route and onderwijsroute first: their switch goes to a lower route (afschaling), so the demo shows afschalingen
        // beside route switches (issue #23 finding: the demo had none); then Z-route persons, whose switch goes up.
        var huidig = (await db.PipVersies.Where(v => ids.Contains(v.InburgeraarId) && v.Status == PipStatus.Vastgesteld && v.Leerroute != null).ToListAsync(ct))
            .OrderBy(v => v.Leerroute == Leerroute.ZRoute).ThenBy(v => starts.Where(s => s.InburgeraarId == v.InburgeraarId).Min(s => s.Start)).ThenBy(v => v.InburgeraarId).ToList();
        var gewisseld = new List<Guid>();
        foreach (var oud in huidig)
        {
            if (gewisseld.Count == Wissels) break;
            // B1-route to Z-route (a scaling down), Z-route to B1-route, onderwijsroute to B1-route.
            var naar = oud.Leerroute == Leerroute.B1Route ? Leerroute.ZRoute : Leerroute.B1Route;
            var start = starts.Where(s => s.InburgeraarId == oud.InburgeraarId).Min(s => s.Start);
            var dag = start.AddDays(30);
            if (oud.Dagtekening is { } d && dag <= d) dag = d.AddDays(1);
            if (dag > vandaag) continue;
            // Two steps: the partial unique index allows one established version per person at a time.
            var versie = await db.PipVersies.Where(x => x.InburgeraarId == oud.InburgeraarId).MaxAsync(x => x.Versie, ct) + 1;
            oud.Status = PipStatus.Vervangen;
            await db.SaveChangesAsync(ct);
            db.PipVersies.Add(new PipVersie
            {
                Id = Guid.NewGuid(), InburgeraarId = oud.InburgeraarId, Versie = versie, Status = PipStatus.Vastgesteld, Leerroute = naar,
                InhoudJson = oud.InhoudJson, Dagtekening = dag, RedenBijstelling = BijstellingReden, VastgesteldDoor = oud.VastgesteldDoor,
            });
            await db.Inburgeraars.Where(i => i.Id == oud.InburgeraarId).ExecuteUpdateAsync(u => u.SetProperty(i => i.Leerroute, naar), ct);
            await db.SaveChangesAsync(ct);
            gewisseld.Add(oud.InburgeraarId);
        }

        // The route was set with a bulk update, which the monitor's projection does not see; rewrite those rows so the
        // monitor counts the new route, as it does after a bijstelling through the PIP service.
        if (gewisseld.Count > 0) await Data.Model.Monitor.MonitorDossiers.VernieuwAsync(db, gewisseld, ct);
    }
}

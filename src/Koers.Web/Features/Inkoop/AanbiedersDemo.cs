using Koers.Data;
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
    }
}

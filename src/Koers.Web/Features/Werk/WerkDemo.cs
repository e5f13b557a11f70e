using Koers.Data;
using Koers.Data.Model;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Werk;

/// <summary>
/// Synthetic work data for the demo: a few made-up employers per municipality (kinds of offer from the practice, 000:L679-680,
/// L715-716, L813), placements for some open cases with weekly evaluations (one overdue, one ending soon, one failed with its
/// reason) and exits in Werk.Kom's categories (003:L307-318). Every name is invented.
/// </summary>
public static class WerkDemo
{
    private static readonly (string Naam, string Sector, Werkaanbod Aanbod, int Capaciteit, string? Taaleis)[] Werkgevers =
    [
        ("Bakkerij De Korenschoof", "Voeding", Werkaanbod.MapPraktijk | Werkaanbod.Taalstage, 2, "A1"),
        ("Zorgcentrum Het Anker", "Zorg", Werkaanbod.Werkervaringsplaats | Werkaanbod.Startbaan | Werkaanbod.BetaaldeBaan, 4, "A2"),
        ("Groenbedrijf De Linde", "Groenvoorziening", Werkaanbod.MapPraktijk | Werkaanbod.Werkervaringsplaats, 3, null),
        ("Logistiek Kempenland", "Logistiek", Werkaanbod.Startbaan | Werkaanbod.BetaaldeBaan, 5, "A2"),
    ];

    public static async Task VulAsync(KoersDbContext db, Klok klok, CancellationToken ct = default)
    {
        if (await db.Set<Werkgever>().AnyAsync(ct)) return;
        var vandaag = klok.Vandaag;
        var gemeenten = await db.Gemeenten.AsNoTracking().OrderBy(g => g.Code).ToListAsync(ct);
        var perGemeente = new Dictionary<int, List<Werkgever>>();
        foreach (var g in gemeenten)
        {
            var lijst = Werkgevers.Select((w, n) => new Werkgever
            {
                Id = Guid.NewGuid(), GemeenteId = g.Id, Naam = $"{w.Naam} {g.Naam}", Sector = w.Sector, Aanbod = w.Aanbod, Capaciteit = w.Capaciteit, Taaleis = w.Taaleis,
                Contactpersoon = $"Contactpersoon {n + 1}", Telefoon = "0497-000000", Email = $"werk{n + 1}@voorbeeld.example",
                // Demo data: the register was filled before the demo's "today", signed as the demo.
                GewijzigdOp = klok.NuUtc, GewijzigdDoor = "demodata",
                Ervaringen = n == 0 ? [new Werkgeverervaring { Datum = vandaag.AddDays(-40), Tekst = "Goede begeleiding op de werkvloer; wil een tweede plek bieden.", Door = "demodata", VastgelegdOp = klok.NuUtc }] : [],
            }).ToList();
            db.AddRange(lijst);
            perGemeente[g.Id] = lijst;
        }

        var dossiers = (await db.Inburgeraars.AsNoTracking().Where(i => i.GeanonimiseerdOp == null).Select(i => new { i.Id, i.GemeenteId, i.Bsn, i.VNummer }).ToListAsync(ct))
            .OrderBy(i => i.Bsn?.Value ?? "", StringComparer.Ordinal).ThenBy(i => i.VNummer?.Value ?? "", StringComparer.Ordinal).ToList();
        var n = 0;
        var geplaatst = new HashSet<Guid>();
        foreach (var d in dossiers.Where(d => perGemeente.ContainsKey(d.GemeenteId)).Take(12))
        {
            var w = perGemeente[d.GemeenteId][n % Werkgevers.Length];
            var start = vandaag.AddDays(-7 * (3 + (n % 5)));
            var p = new Plaatsing
            {
                Id = Guid.NewGuid(), InburgeraarId = d.Id, WerkgeverId = n % 6 == 5 ? null : w.Id, InternAfdeling = n % 6 == 5 ? "Groenvoorziening" : null,
                Soort = (n % 4) switch { 0 => Plaatsingssoort.MapPraktijk, 1 => Plaatsingssoort.Werkervaringsplaats, 2 => Plaatsingssoort.Taalstage, _ => Plaatsingssoort.Proefplaatsing },
                Startbaan = n % 4 == 3, Subsidie = n % 4 == 3 ? "Loonkostensubsidie" : null, SubsidieBedrag = n % 4 == 3 ? 4500m : null,
                Start = start, Einde = n % 3 == 0 ? vandaag.AddDays(10) : start.AddDays(7 * 12), UrenPerWeek = 16,
                Jobcoach = n % 2 == 0 ? "Jobcoach Samira (Werk)" : "Jobcoach Pieter (Werk)", VastgelegdOp = klok.NuUtc, VastgelegdDoor = "demodata",
            };
            // Weekly evaluations up to last week; every fourth placement misses the last two weeks (overdue on the worklist).
            var tot = n % 4 == 1 ? vandaag.AddDays(-15) : vandaag.AddDays(-3);
            for (var e = start.AddDays(7); e <= tot; e = e.AddDays(7))
                p.Evaluaties.Add(new Plaatsingsevaluatie { Datum = e, Tekst = "Op tijd, leert de taken snel; oefent de woorden van de werkvloer.", Score = 3 + (e.DayNumber % 3 == 0 ? 1 : 0), Door = "demodata", VastgelegdOp = klok.NuUtc });
            if (n == 7)
            {
                p.Uitkomst = Plaatsingsuitkomst.Mislukt;
                p.BeeindigdOp = vandaag.AddDays(-5);
                p.Reden = "Reistijd met het openbaar vervoer te lang naast de taallessen.";
            }

            db.Add(p);
            if (n is 2 or 9)
                db.Add(new Uitstroom { Id = Guid.NewGuid(), InburgeraarId = d.Id, Soort = n == 2 ? Uitstroomsoort.BetaaldeBaanDeeltijd : Uitstroomsoort.Vrijwilligerswerk, Datum = vandaag.AddDays(-20), VastgelegdOp = klok.NuUtc, VastgelegdDoor = "demodata" });
            geplaatst.Add(d.Id);
            n++;
        }

        // h-demo (#22): Weert's own placements, so the Weert login sees its register in use: a taalstage at the care centre
        // (evaluations up to date), a werkervaringsplaats in the green sector whose evaluations stopped three weeks ago (the
        // worklist signal), and a proefplaatsing at the logistics firm ending within two weeks.
        var weert = gemeenten.FirstOrDefault(g => g.Code == "GM0988");
        if (weert is not null)
        {
            var werkgevers = perGemeente[weert.Id];
            (int Werkgever, Plaatsingssoort Soort, int StartWeken, int? EindeDagen, int LaatsteEvaluatie, int Uren)[] weertPlaatsingen =
            [
                (1, Plaatsingssoort.Taalstage, 6, 60, -3, 12),
                (2, Plaatsingssoort.Werkervaringsplaats, 8, null, -22, 20),
                (3, Plaatsingssoort.Proefplaatsing, 5, 9, -4, 24),
            ];
            var weertDossiers = dossiers.Where(d => d.GemeenteId == weert.Id && !geplaatst.Contains(d.Id)).Take(weertPlaatsingen.Length).ToList();
            for (var k = 0; k < weertDossiers.Count; k++)
            {
                var w = weertPlaatsingen[k];
                var start = vandaag.AddDays(-7 * w.StartWeken);
                var p = new Plaatsing
                {
                    Id = Guid.NewGuid(), InburgeraarId = weertDossiers[k].Id, WerkgeverId = werkgevers[w.Werkgever].Id, Soort = w.Soort, Start = start,
                    Einde = w.EindeDagen is { } eind ? vandaag.AddDays(eind) : null, UrenPerWeek = w.Uren, Jobcoach = "Jobcoach Ilse (Werkgeversservicepunt Weert)",
                    VastgelegdOp = klok.NuUtc, VastgelegdDoor = "demodata",
                };
                for (var e = start.AddDays(7); e <= vandaag.AddDays(w.LaatsteEvaluatie); e = e.AddDays(7))
                    p.Evaluaties.Add(new Plaatsingsevaluatie { Datum = e, Tekst = "Werkt zelfstandig mee; vraagt na bij onbekende woorden.", Score = 3 + (e.DayNumber % 2), Door = "demodata", VastgelegdOp = klok.NuUtc });
                db.Add(p);
            }
        }

        await db.SaveChangesAsync(ct);
        await JobcoachAsync(db, klok, ct);
    }

    /// <summary>
    /// h-jobcoach: the demo jobcoach of Kempen Werkt (KetenpartnersDemo) gets three running Kempen placements, and each
    /// inburgeraar a consent for Kempen Werkt (basisgegevens, werk en participatie) where there was none, so the jobcoach's
    /// caseload is not empty. The other placements keep their free-text jobcoach (an external coach without an account).
    /// </summary>
    private static async Task JobcoachAsync(KoersDbContext db, Klok klok, CancellationToken ct)
    {
        var coach = await db.Users.FirstOrDefaultAsync(u => u.Email == "jobcoach@kempenwerkt.example", ct);
        var organisatie = coach?.PartnerorganisatieId is { } oid ? await db.Partnerorganisaties.FirstOrDefaultAsync(o => o.Id == oid, ct) : null;
        if (coach is null || organisatie is null) return;
        var vandaag = klok.Vandaag;
        var kempen = db.Gemeenten.Where(g => g.RegioId == organisatie.RegioId).Select(g => g.Id);
        var lopend = (await db.Set<Plaatsing>().Where(p => p.Uitkomst == null && p.Start <= vandaag && db.Inburgeraars.Any(i => i.Id == p.InburgeraarId && kempen.Contains(i.GemeenteId)))
            .ToListAsync(ct)).OrderBy(p => p.Start).ThenBy(p => p.Soort).ThenBy(p => p.Einde).Take(3).ToList();
        var nodig = Koers.Data.Model.Keten.Gegevenscategorie.Basisgegevens | Koers.Data.Model.Keten.Gegevenscategorie.WerkEnParticipatie;
        foreach (var p in lopend)
        {
            p.JobcoachGebruikerId = coach.Id;
            p.Jobcoach = $"{coach.Weergavenaam} ({organisatie.Naam})";
            var heeft = await db.Machtigingen.AnyAsync(m => m.InburgeraarId == p.InburgeraarId && m.PartnerorganisatieId == organisatie.Id && m.IngetrokkenOp == null
                && m.Van <= vandaag && (m.Tot == null || m.Tot >= vandaag) && (m.Categorieen & nodig) == nodig, ct);
            if (!heeft)
            {
                db.Machtigingen.Add(new Koers.Data.Model.Keten.Machtiging
                {
                    Id = Guid.NewGuid(), InburgeraarId = p.InburgeraarId, PartnerorganisatieId = organisatie.Id, Categorieen = nodig | Koers.Data.Model.Keten.Gegevenscategorie.Leerroute,
                    Van = p.Start.AddDays(-7), Vorm = "Ondertekend formulier (demo)", VastgelegdOp = klok.NuUtc, VastgelegdDoor = "demodata",
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }
}

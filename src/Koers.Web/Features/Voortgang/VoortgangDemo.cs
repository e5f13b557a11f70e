using Koers.Data;
using Koers.Data.Model.Keten;
using Koers.Domain.Dossier;
using Koers.Domain.Voortgang;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Voortgang;

/// <summary>
/// Synthetic progress for demo cases with a PIP: twelve weeks of hours, skill estimates, a few signals and the
/// progress talks matching the case's milestones. Milestones are not changed, so the demo clock stays as seeded.
/// </summary>
public static class VoortgangDemo
{
    private static readonly string[] EerdereVerslagen =
    [
        "Start van de lessen besproken; de reistijd naar de taalschool is goed te doen.",
        "Voortgang besproken; oefent thuis weinig, afgesproken de taalapp te gebruiken.",
        "Gaat goed; vraagt naar vrijwilligerswerk naast de lessen.",
        "Lessen gemist door ziekte in het gezin; weer opgepakt.",
    ];

    public static async Task VulAsync(KoersDbContext db, Klok klok, CancellationToken ct = default)
    {
        if (await db.Urenregistraties.AnyAsync(ct)) return;
        var random = new Random(2024);
        var vandaag = klok.Vandaag;
        var dezeWeek = Week.Maandag(vandaag);
        var dossiers = (await db.Inburgeraars.Include(i => i.Mijlpalen)
            .Where(i => i.GeanonimiseerdOp == null && i.Mijlpalen.Any(m => m.Soort == Mijlpaal.PipVastgesteld))
            .ToListAsync(ct))
            // In content order, not id order: demo ids are random per install, the demo's content is not.
            .OrderBy(i => i.Bsn?.Value ?? "", StringComparer.Ordinal).ThenBy(i => i.VNummer?.Value ?? "", StringComparer.Ordinal).ToList();
        var partners = await db.Partnerorganisaties.Where(p => p.Actief && p.Soort == Partnersoort.Taalaanbieder).ToListAsync(ct);
        var gemeenten = (await db.Gemeenten.ToListAsync(ct)).ToDictionary(g => g.Id);
        // h-demo (#22): the earlier talks draw from their own stream, so the rest of the demo stays as it was.
        var gesprekRandom = new Random(2026);
        var zRoute = 0;

        foreach (var i in dossiers)
        {
            var feiten = i.Feiten();
            if (feiten.Afsluiting is not null || !i.Doelgroep.ValtOnderWi2021()) continue;
            var pip = feiten.Datum(Mijlpaal.PipVastgesteld)!.Value;
            var partner = partners.FirstOrDefault(p => p.RegioId == gemeenten[i.GemeenteId].RegioId)?.Id;
            var bron = partner is null ? Gegevensbron.Gemeente : Gegevensbron.Partner;
            var soorten = i.Leerroute == Leerroute.ZRoute ? new[] { Urensoort.Taal, Urensoort.Participatie } : [Urensoort.Taal, Urensoort.Knm];
            var haakAf = random.Next(6) == 0; // some trajectories falter, to show absence and signals
            // h-demo (#22): the Z-route's participation hours by kind (art. 3.14 lid 2 onder b; the split is maatwerk,
            // 000:L727-729): in turn only maatschappelijke participatie, half vrijwilligerswerk, or mostly work. Decided
            // per case without a draw, so the random stream (and the rest of the demo) is unchanged.
            (Urensoort Soort, int Uren)[] participatie = i.Leerroute != Leerroute.ZRoute ? [] : (zRoute++ % 3) switch
            {
                0 => [(Urensoort.MaatschappelijkeParticipatie, 8)],
                1 => [(Urensoort.Vrijwilligerswerk, 4), (Urensoort.MaatschappelijkeParticipatie, 4)],
                _ => [(Urensoort.Arbeidsparticipatie, 6), (Urensoort.MaatschappelijkeParticipatie, 2)],
            };
            for (var w = 11; w >= 0; w--)
            {
                var week = dezeWeek.AddDays(-7 * w);
                if (week < Week.Maandag(pip)) continue;
                foreach (var soort in soorten)
                {
                    var gepland = soort == Urensoort.Knm ? 2 : soort == Urensoort.Participatie ? 8 : 10;
                    var afwezig = haakAf && w < 4 ? gepland - random.Next(0, 3) : random.Next(10) == 0 ? 2 : 0;
                    var gemeld = afwezig > 0 && random.Next(2) == 0;
                    if (soort == Urensoort.Participatie)
                    {
                        // The absence falls on the first kind (the largest share); the week's total stays as before.
                        for (var k = 0; k < participatie.Length; k++)
                        {
                            var weg = k == 0 ? Math.Min(afwezig, participatie[k].Uren) : Math.Max(0, afwezig - participatie[0].Uren);
                            db.Urenregistraties.Add(new Urenregistratie
                            {
                                InburgeraarId = i.Id, PartnerorganisatieId = partner, Soort = participatie[k].Soort, Week = week, Uren = participatie[k].Uren - weg, AfwezigUren = weg,
                                AfwezigGemeld = weg > 0 && gemeld, Bron = bron, VastgelegdOp = klok.NuUtc, VastgelegdDoor = "demodata",
                            });
                        }

                        continue;
                    }

                    db.Urenregistraties.Add(new Urenregistratie
                    {
                        InburgeraarId = i.Id, PartnerorganisatieId = partner, Soort = soort, Week = week, Uren = gepland - afwezig, AfwezigUren = afwezig,
                        AfwezigGemeld = gemeld, Bron = bron, VastgelegdOp = klok.NuUtc, VastgelegdDoor = "demodata",
                    });
                }
            }

            foreach (var vaardigheid in new[] { Vaardigheid.Lezen, Vaardigheid.Luisteren, Vaardigheid.Schrijven, Vaardigheid.Spreken })
            {
                db.Vaardigheidsvoortgang.Add(new Vaardigheidsvoortgang
                {
                    Id = Guid.NewGuid(), InburgeraarId = i.Id, PartnerorganisatieId = partner, Vaardigheid = vaardigheid, Datum = vandaag.AddDays(-random.Next(7, 40)),
                    Niveau = Namen.Niveaus[1 + random.Next(4)], Bron = bron, VastgelegdOp = klok.NuUtc, VastgelegdDoor = "demodata",
                });
            }

            if (haakAf)
            {
                db.Voortgangssignalen.Add(new Voortgangssignaal
                {
                    Id = Guid.NewGuid(), InburgeraarId = i.Id, PartnerorganisatieId = partner, Soort = random.Next(2) == 0 ? Voortgangssignaalsoort.Afwezigheid : Voortgangssignaalsoort.DreigendeUitval,
                    Datum = vandaag.AddDays(-random.Next(1, 10)), Notitie = "Meerdere lessen gemist zonder afmelding; contact met de klantregisseur gewenst.",
                    Bron = bron, VastgelegdOp = klok.NuUtc, VastgelegdDoor = "demodata",
                });
            }

            // The talks the milestones already record, and the next one planned.
            if (feiten.Datum(Mijlpaal.LaatsteVoortgangsgesprek) is { } laatste)
            {
                // h-demo (#22): the talks before the last one, at the municipality's interval back to the PIP (at most
                // three), so the participatieladder has a score per talk and the monitor shows movement.
                var interval = Math.Max(1, gemeenten[i.GemeenteId].VoortgangsgesprekIntervalMaanden);
                var eerder = laatste.AddMonths(-interval);
                for (var n = 0; n < 3 && eerder > pip.AddDays(14); n++, eerder = eerder.AddMonths(-interval))
                {
                    var datum = eerder.AddDays(-gesprekRandom.Next(0, 8));
                    db.Voortgangsgesprekken.Add(new Voortgangsgesprek
                    {
                        Id = Guid.NewGuid(), InburgeraarId = i.Id, GeplandOp = datum, Datum = datum, Status = Gespreksstatus.Gehouden,
                        Aanwezigen = "inburgeraar, klantregisseur", Verslag = EerdereVerslagen[gesprekRandom.Next(EerdereVerslagen.Length)], VastgelegdOp = klok.NuUtc, VastgelegdDoor = "demodata",
                    });
                }

                db.Voortgangsgesprekken.Add(new Voortgangsgesprek
                {
                    Id = Guid.NewGuid(), InburgeraarId = i.Id, GeplandOp = laatste, Datum = laatste, Status = Gespreksstatus.Gehouden,
                    Aanwezigen = "inburgeraar, klantregisseur", Verslag = "Voortgang besproken; de lessen lopen volgens plan.", VastgelegdOp = klok.NuUtc, VastgelegdDoor = "demodata",
                    Afspraken = [new Voortgangsafspraak { Omschrijving = "Oefenen met de taalapp, 2 uur per week", Eigenaar = "Inburgeraar", Uiterlijk = laatste.AddMonths(1), Gedaan = random.Next(2) == 0 }],
                });
            }

            var volgende = Gespreksplanning.VolgendeUiterlijk(feiten, gemeenten[i.GemeenteId].Instellingen);
            if (volgende is { } v && v >= vandaag && random.Next(2) == 0)
            {
                db.Voortgangsgesprekken.Add(new Voortgangsgesprek
                {
                    Id = Guid.NewGuid(), InburgeraarId = i.Id, GeplandOp = v.AddDays(-random.Next(0, 10)) < vandaag ? vandaag : v.AddDays(-random.Next(0, 10)),
                    Status = Gespreksstatus.Gepland, VastgelegdOp = klok.NuUtc, VastgelegdDoor = "demodata",
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }
}

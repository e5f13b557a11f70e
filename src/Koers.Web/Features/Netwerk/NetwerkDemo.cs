using Koers.Data;
using Koers.Data.Model.Netwerk;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Netwerk;

/// <summary>
/// Synthetic network for the demo: a sociale kaart for every municipality (a taalcafé of the library, verenigingen,
/// vrijwilligerswerk, a taalmaatjesproject: the kinds practice names, 000:L528-538), two entries linked to the demo
/// inburgeraar, and a casusoverleg in Bergeijk with the taalschool and VluchtelingenWerk where the demo inburgeraar and two
/// other cases were discussed, with actions for Sanne de Vries (one overdue, one due this week, one done). All made up.
/// </summary>
public static class NetwerkDemo
{
    public static async Task VulAsync(KoersDbContext db, Infrastructure.Klok klok, Guid? demoInburgeraar, CancellationToken ct = default)
    {
        if (await db.Set<Kaartitem>().AnyAsync(ct)) return;
        var vandaag = klok.Vandaag;
        var gemeenten = await db.Gemeenten.AsNoTracking().OrderBy(g => g.Code).ToListAsync(ct);
        foreach (var g in gemeenten)
        {
            db.AddRange(
                new Kaartitem { GemeenteId = g.Id, Naam = $"Taalcafé bibliotheek {g.Naam}", Soort = Kaartsoort.Taalcafe, Adres = "Bibliotheekplein 1", Plaats = g.Naam, Contact = "taalcafe@bibliotheek.example", Talen = "Nederlands", Notities = "Elke dinsdagochtend; ook klik en tik en voorleesuurtje." },
                new Kaartitem { GemeenteId = g.Id, Naam = $"Sportvereniging {g.Naam}", Soort = Kaartsoort.Vereniging, Plaats = g.Naam, Contact = "secretariaat@sport.example", Talen = "Nederlands, Engels" },
                new Kaartitem { GemeenteId = g.Id, Naam = $"Koffieuurtje voor moeders {g.Naam}", Soort = Kaartsoort.Anders, Plaats = g.Naam, Talen = "Nederlands, Arabisch, Tigrinya" },
                new Kaartitem { GemeenteId = g.Id, Naam = $"Vrijwilligerscentrale {g.Naam}", Soort = Kaartsoort.Vrijwilligerswerk, Plaats = g.Naam, Contact = "vrijwilligers@centrale.example", Talen = "Nederlands" },
                new Kaartitem { GemeenteId = g.Id, Naam = $"Taalmaatjes {g.Naam}", Soort = Kaartsoort.Taalmaatje, Plaats = g.Naam, Contact = "taalmaatjes@vluchtelingenhulp.example", Talen = "Nederlands, Engels, Arabisch" });
        }

        await db.SaveChangesAsync(ct);
        await WeertAsync(db, klok, ct); // h-demo (#22)

        var bergeijk = gemeenten.FirstOrDefault(g => g.Code == "GM1724");
        if (bergeijk is null) return;
        var items = await db.Set<Kaartitem>().AsNoTracking().Where(i => i.GemeenteId == bergeijk.Id).ToListAsync(ct);
        var demo = demoInburgeraar is { } d ? await db.Inburgeraars.AsNoTracking().FirstOrDefaultAsync(i => i.Id == d && i.GemeenteId == bergeijk.Id, ct) : null;
        if (demo is not null)
        {
            db.AddRange(
                new Kaartkoppeling { Id = Guid.NewGuid(), InburgeraarId = demo.Id, KaartitemId = items.Single(i => i.Soort == Kaartsoort.Taalcafe).Id, Datum = vandaag.AddDays(-40), Status = Koppelstatus.Gestart },
                new Kaartkoppeling { Id = Guid.NewGuid(), InburgeraarId = demo.Id, KaartitemId = items.Single(i => i.Soort == Kaartsoort.Taalmaatje).Id, Datum = vandaag.AddDays(-5), Status = Koppelstatus.Voorgesteld, Toelichting = "Wil graag oefenen met spreken." });
        }

        var sanne = await db.Medewerkers.AsNoTracking().FirstOrDefaultAsync(m => m.Email == "sanne.devries@kempen.example", ct);
        var anouk = await db.Medewerkers.AsNoTracking().FirstOrDefaultAsync(m => m.Email == "anouk.vandenberg@kempen.example", ct);
        var partners = await db.Partnerorganisaties.AsNoTracking().Where(p => p.RegioId == bergeijk.RegioId).OrderBy(p => p.Id).Take(2).ToListAsync(ct);
        if (sanne is null)
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        var overleg = new Casusoverleg
        {
            Id = Guid.NewGuid(), GemeenteId = bergeijk.Id, Onderwerp = "Casusoverleg Bergeijk met taalschool en VluchtelingenWerk", Datum = vandaag.AddDays(-14),
            Aanvang = new TimeOnly(10, 0), Locatie = "Gemeentehuis Bergeijk",
        };
        overleg.Deelnemers.Add(new Overlegdeelnemer { MedewerkerId = sanne.Id });
        if (anouk is not null) overleg.Deelnemers.Add(new Overlegdeelnemer { MedewerkerId = anouk.Id });
        overleg.Deelnemers.AddRange(partners.Select(p => new Overlegdeelnemer { PartnerorganisatieId = p.Id }));
        var andere = await db.Inburgeraars.AsNoTracking().Where(i => i.GemeenteId == bergeijk.Id && i.GeanonimiseerdOp == null && i.Id != (demo != null ? demo.Id : Guid.Empty))
            .OrderBy(i => i.Achternaam).ThenBy(i => i.Voornamen).Take(2).ToListAsync(ct);
        var besproken = (demo is null ? andere : [demo, .. andere]).ToList();
        string[] verslagen =
        [
            "Gaat goed naar de taalles; wil meer oefenen met spreken. Taalmaatje voorgesteld.",
            "Afwezig bij de laatste lessen door zorg voor de kinderen; kinderopvang uitzoeken.",
            "Wacht op de start bij de taalschool; vraagt naar vrijwilligerswerk.",
        ];
        for (var n = 0; n < besproken.Count; n++)
        {
            var b = new Casusbespreking { Id = Guid.NewGuid(), InburgeraarId = besproken[n].Id, Verslag = verslagen[n % verslagen.Length] };
            b.Acties.Add(new Overlegactie
            {
                Id = Guid.NewGuid(), Tekst = n switch { 0 => "Taalmaatje benaderen", 1 => "Kinderopvang navragen bij de gemeente", _ => "Vrijwilligerscentrale bellen" },
                EigenaarId = sanne.Id, Deadline = n switch { 0 => vandaag.AddDays(3), 1 => vandaag.AddDays(-2), _ => vandaag.AddDays(-7) },
                GedaanOp = n == 2 ? klok.NuUtc.AddDays(-8) : null, GedaanDoor = n == 2 ? "sanne.devries@kempen.example" : null,
            });
            overleg.Besprekingen.Add(b);
        }

        db.Add(overleg);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// h-demo (#22): a casusoverleg in Weert a week ago, chaired by Fleur Hendriks with the Taalhuis Weert and VluchtelingenWerk
    /// Weert: three of Weert's own cases discussed, with minutes and an action each for Fleur (one overdue, one due in
    /// two days, one done), so the actions reach her worklist. Made up.
    /// </summary>
    private static async Task WeertAsync(KoersDbContext db, Infrastructure.Klok klok, CancellationToken ct)
    {
        var weert = await db.Gemeenten.AsNoTracking().FirstOrDefaultAsync(g => g.Code == "GM0988", ct);
        var fleur = await db.Medewerkers.AsNoTracking().FirstOrDefaultAsync(m => m.Email == "fleur.hendriks@weert.example", ct);
        if (weert is null || fleur is null) return;
        var vandaag = klok.Vandaag;
        var partners = await db.Partnerorganisaties.AsNoTracking().Where(p => p.RegioId == weert.RegioId).OrderBy(p => p.Naam).ToListAsync(ct);
        var besproken = (await db.Inburgeraars.AsNoTracking().Where(i => i.GemeenteId == weert.Id && i.GeanonimiseerdOp == null)
                .Select(i => new { i.Id, i.Bsn, i.VNummer }).ToListAsync(ct))
            .OrderBy(i => i.Bsn?.Value ?? "", StringComparer.Ordinal).ThenBy(i => i.VNummer?.Value ?? "", StringComparer.Ordinal).Take(3).ToList();
        if (besproken.Count == 0) return;
        var overleg = new Casusoverleg
        {
            Id = Guid.NewGuid(), GemeenteId = weert.Id, Onderwerp = "Casusoverleg Weert met Taalhuis en VluchtelingenWerk", Datum = vandaag.AddDays(-7),
            Aanvang = new TimeOnly(13, 30), Locatie = "Stadhuis Weert, Wilhelminasingel",
        };
        overleg.Deelnemers.Add(new Overlegdeelnemer { MedewerkerId = fleur.Id });
        overleg.Deelnemers.AddRange(partners.Select(p => new Overlegdeelnemer { PartnerorganisatieId = p.Id }));
        (string Verslag, string Actie, int Deadline, bool Gedaan)[] punten =
        [
            ("Mist lessen bij het Taalhuis sinds de verhuizing; reistijd met de bus is lang. Fietsles via VluchtelingenWerk geregeld.", "Fietsles bevestigen bij VluchtelingenWerk", -3, false),
            ("Wil graag aan het werk in de zorg; eerst een taalstage. Werkgever uit het register benaderen.", "Zorgcentrum benaderen voor een taalstage", 2, false),
            ("Gezinshereniging afgerond; het gezin is gehuisvest. Kinderen ingeschreven op school.", "Brief over de schoolkeuze nabellen", -10, true),
        ];
        for (var n = 0; n < besproken.Count; n++)
        {
            var b = new Casusbespreking { Id = Guid.NewGuid(), InburgeraarId = besproken[n].Id, Verslag = punten[n].Verslag };
            b.Acties.Add(new Overlegactie
            {
                Id = Guid.NewGuid(), Tekst = punten[n].Actie, EigenaarId = fleur.Id, Deadline = vandaag.AddDays(punten[n].Deadline),
                GedaanOp = punten[n].Gedaan ? klok.NuUtc.AddDays(-2) : null, GedaanDoor = punten[n].Gedaan ? "fleur.hendriks@weert.example" : null,
            });
            overleg.Besprekingen.Add(b);
        }

        db.Add(overleg);
        await db.SaveChangesAsync(ct);
    }
}

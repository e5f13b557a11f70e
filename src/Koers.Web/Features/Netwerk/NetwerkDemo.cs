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
}

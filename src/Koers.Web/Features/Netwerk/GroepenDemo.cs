using Koers.Data;
using Koers.Data.Model.Groepen;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Netwerk;

/// <summary>
/// Synthetic group offers for the demo: a KNM workshop in Bergeijk organised by Taalschool De Kempen, with four past
/// sessions whose attendance is recorded and two to come; the demo inburgeraar and three other cases are enrolled, one of
/// whom missed the last two sessions without notice (so the worklist shows the signal). And a group for those not yet
/// ready for work, organised by Sanne de Vries, without sessions yet; a full sollicitatietraining with one person waiting; a
/// taalcafé group of VluchtelingenWerk. All made up.
/// </summary>
public static class GroepenDemo
{
    public static async Task VulAsync(KoersDbContext db, Infrastructure.Klok klok, Guid? demoInburgeraar, CancellationToken ct = default)
    {
        if (await db.Set<Groepsaanbod>().AnyAsync(ct)) return;
        await WeertAsync(db, klok, ct); // h-demo (#22)
        var bergeijk = await db.Gemeenten.AsNoTracking().FirstOrDefaultAsync(g => g.Code == "GM1724", ct);
        var taalschool = await db.Partnerorganisaties.AsNoTracking().FirstOrDefaultAsync(p => p.Naam == "Taalschool De Kempen", ct);
        var sanne = await db.Medewerkers.AsNoTracking().FirstOrDefaultAsync(m => m.Email == "sanne.devries@kempen.example", ct);
        if (bergeijk is null || (taalschool is null && sanne is null)) return;
        var vandaag = klok.Vandaag;
        var knm = new Groepsaanbod
        {
            Id = Guid.NewGuid(), GemeenteId = bergeijk.Id, Naam = "KNM-workshop Bergeijk voorjaar", Soort = Groepssoort.KnmWorkshop,
            OrganisatorPartnerId = taalschool?.Id, OrganisatorMedewerkerId = taalschool is null ? sanne!.Id : null,
            Locatie = "Bibliotheek Bergeijk, zaal 2", Capaciteit = 12,
            Omschrijving = "Zes bijeenkomsten Kennis van de Nederlandse Maatschappij: wonen, werk, zorg, onderwijs, geld en de gemeente.",
        };
        int[] dagen = [-28, -21, -14, -7, 7, 14];
        knm.Bijeenkomsten.AddRange(dagen.Select((d, n) => new Groepsbijeenkomst
        {
            Id = Guid.NewGuid(), Datum = vandaag.AddDays(d), Aanvang = new TimeOnly(13, 30), Einde = new TimeOnly(15, 30),
            Locatie = n == 4 ? "Gemeentehuis Bergeijk (excursie)" : null,
        }));
        var demo = demoInburgeraar is { } id ? await db.Inburgeraars.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.GemeenteId == bergeijk.Id, ct) : null;
        var andere = await db.Inburgeraars.AsNoTracking().Where(i => i.GemeenteId == bergeijk.Id && i.GeanonimiseerdOp == null && i.Id != (demo != null ? demo.Id : Guid.Empty))
            .OrderBy(i => i.Achternaam).ThenBy(i => i.Voornamen).Take(6).ToListAsync(ct);
        // Three for the KNM workshop; the other three fill the small sollicitatietraining and wait for a place.
        var reserve = andere.Skip(3).ToList();
        andere = [.. andere.Take(3)];
        var personen = (demo is null ? andere : [demo, .. andere]).Select(i => i.Id).ToList();
        const Aanwezigheidsstatus A = Aanwezigheidsstatus.Aanwezig, M = Aanwezigheidsstatus.AfwezigMetBericht, Z = Aanwezigheidsstatus.AfwezigZonderBericht;
        // Per person the four past sessions; the second row misses the last two without notice (the worklist signal).
        Aanwezigheidsstatus[][] patronen = [[A, A, M, A], [A, A, Z, Z], [A, M, A, A], [Z, A, A, M]];
        for (var n = 0; n < personen.Count; n++)
        {
            var patroon = patronen[demo is null ? n + 1 : n];
            var deelname = new Groepsdeelname { Id = Guid.NewGuid(), InburgeraarId = personen[n], IngeschrevenOp = vandaag.AddDays(-35) };
            deelname.Aanwezigheid.AddRange(patroon.Select((s, k) => new Groepsaanwezigheid { Id = Guid.NewGuid(), GroepsbijeenkomstId = knm.Bijeenkomsten[k].Id, Status = s }));
            knm.Deelnames.Add(deelname);
        }

        db.Add(knm);
        if (sanne is not null)
        {
            db.Add(new Groepsaanbod
            {
                Id = Guid.NewGuid(), GemeenteId = bergeijk.Id, Naam = "Groep nog niet startklaar Bergeijk", Soort = Groepssoort.NogNietStartklaar,
                OrganisatorMedewerkerId = sanne.Id, Locatie = "Wijkcentrum De Kom, Bergeijk", Capaciteit = 8,
                Omschrijving = "Wekelijkse groep voor wie nog niet klaar is voor werk: structuur, zelfvertrouwen en oriëntatie op vrijwilligerswerk.",
            });
        }

        // A full sollicitatietraining with one person on the waiting list: what the waiting list looks like in use.
        if (sanne is not null && reserve.Count == 3)
        {
            var training = new Groepsaanbod
            {
                Id = Guid.NewGuid(), GemeenteId = bergeijk.Id, Naam = "Sollicitatietraining Bergeijk", Soort = Groepssoort.Sollicitatietraining,
                OrganisatorMedewerkerId = sanne.Id, Locatie = "Gemeentehuis Bergeijk, kamer 1.04", Capaciteit = 2,
                Omschrijving = "Vier ochtenden: cv, brief, gesprek oefenen. Kleine groep, daarom een wachtlijst.",
            };
            training.Bijeenkomsten.Add(new Groepsbijeenkomst { Id = Guid.NewGuid(), Datum = vandaag.AddDays(10), Aanvang = new TimeOnly(9, 30), Einde = new TimeOnly(12, 0) });
            training.Deelnames.AddRange(reserve.Take(2).Select(i => new Groepsdeelname { Id = Guid.NewGuid(), InburgeraarId = i.Id, IngeschrevenOp = vandaag.AddDays(-3) }));
            db.Add(training);
            db.Add(new Groepswachtplaats { Id = Guid.NewGuid(), GroepsaanbodId = training.Id, InburgeraarId = reserve[2].Id, Sinds = vandaag.AddDays(-1), Volgnummer = 1 });
        }

        // A taalcafé group of VluchtelingenWerk with a session to come: every partner of the region has a group to open.
        var vwn = await db.Partnerorganisaties.AsNoTracking().FirstOrDefaultAsync(p => p.Naam == "VluchtelingenWerk Zuid-Nederland", ct);
        if (vwn is not null)
        {
            var taalcafe = new Groepsaanbod
            {
                Id = Guid.NewGuid(), GemeenteId = bergeijk.Id, Naam = "Taalcafé-groep Bergeijk", Soort = Groepssoort.Taalcafegroep,
                OrganisatorPartnerId = vwn.Id, Locatie = "Bibliotheek Bergeijk, leescafé", Capaciteit = 15,
            };
            taalcafe.Bijeenkomsten.Add(new Groepsbijeenkomst { Id = Guid.NewGuid(), Datum = vandaag.AddDays(5), Aanvang = new TimeOnly(10, 0), Einde = new TimeOnly(11, 30) });
            db.Add(taalcafe);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// h-demo (#22): Weert's groups, so the Weert login (fleur.hendriks@weert.example) has some: a KNM workshop of the Taalhuis
    /// Weert with three past sessions (attendance recorded, one person missing the last two without notice: the worklist
    /// signal) and two to come, and a group for those not yet ready for work organised by Fleur Hendriks with one session
    /// to come. Only Weert's own cases (Weert keeps its cases to itself). Made up.
    /// </summary>
    private static async Task WeertAsync(KoersDbContext db, Infrastructure.Klok klok, CancellationToken ct)
    {
        var weert = await db.Gemeenten.AsNoTracking().FirstOrDefaultAsync(g => g.Code == "GM0988", ct);
        var taalhuis = await db.Partnerorganisaties.AsNoTracking().FirstOrDefaultAsync(p => p.Naam == "Taalhuis Weert (gemeente Weert)", ct);
        var fleur = await db.Medewerkers.AsNoTracking().FirstOrDefaultAsync(m => m.Email == "fleur.hendriks@weert.example", ct);
        if (weert is null || fleur is null) return;
        var vandaag = klok.Vandaag;
        var personen = (await db.Inburgeraars.AsNoTracking().Where(i => i.GemeenteId == weert.Id && i.GeanonimiseerdOp == null)
                .Select(i => new { i.Id, i.Achternaam, i.Voornamen, i.Bsn, i.VNummer }).ToListAsync(ct))
            .OrderBy(i => i.Bsn?.Value ?? "", StringComparer.Ordinal).ThenBy(i => i.VNummer?.Value ?? "", StringComparer.Ordinal).Select(i => i.Id).ToList();
        if (personen.Count == 0) return;
        var knm = new Groepsaanbod
        {
            Id = Guid.NewGuid(), GemeenteId = weert.Id, Naam = "KNM-workshop Weert najaar", Soort = Groepssoort.KnmWorkshop,
            OrganisatorPartnerId = taalhuis?.Id, OrganisatorMedewerkerId = taalhuis is null ? fleur.Id : null,
            Locatie = "Bibliotheek Weert, Wilhelminasingel", Capaciteit = 10,
            Omschrijving = "Vijf bijeenkomsten Kennis van de Nederlandse Maatschappij: wonen, werk, zorg, geld en de gemeente Weert.",
        };
        int[] dagen = [-21, -14, -7, 7, 14];
        knm.Bijeenkomsten.AddRange(dagen.Select(d => new Groepsbijeenkomst { Id = Guid.NewGuid(), Datum = vandaag.AddDays(d), Aanvang = new TimeOnly(9, 30), Einde = new TimeOnly(11, 30) }));
        const Aanwezigheidsstatus A = Aanwezigheidsstatus.Aanwezig, M = Aanwezigheidsstatus.AfwezigMetBericht, Z = Aanwezigheidsstatus.AfwezigZonderBericht;
        Aanwezigheidsstatus[][] patronen = [[A, A, A], [A, Z, Z], [A, M, A], [M, A, A]];
        for (var n = 0; n < Math.Min(4, personen.Count); n++)
        {
            var deelname = new Groepsdeelname { Id = Guid.NewGuid(), InburgeraarId = personen[n], IngeschrevenOp = vandaag.AddDays(-28) };
            deelname.Aanwezigheid.AddRange(patronen[n].Select((st, k) => new Groepsaanwezigheid { Id = Guid.NewGuid(), GroepsbijeenkomstId = knm.Bijeenkomsten[k].Id, Status = st }));
            knm.Deelnames.Add(deelname);
        }

        db.Add(knm);
        var startklaar = new Groepsaanbod
        {
            Id = Guid.NewGuid(), GemeenteId = weert.Id, Naam = "Groep nog niet startklaar Weert", Soort = Groepssoort.NogNietStartklaar,
            OrganisatorMedewerkerId = fleur.Id, Locatie = "Wijkcentrum Moesel, Weert", Capaciteit = 8,
            Omschrijving = "Wekelijkse ochtend voor wie nog niet klaar is voor taal of werk: ritme, kennismaken en een eerste stap naar vrijwilligerswerk.",
        };
        startklaar.Bijeenkomsten.Add(new Groepsbijeenkomst { Id = Guid.NewGuid(), Datum = vandaag.AddDays(3), Aanvang = new TimeOnly(10, 0), Einde = new TimeOnly(12, 0) });
        startklaar.Deelnames.AddRange(personen.Skip(4).Take(2).Select(i => new Groepsdeelname { Id = Guid.NewGuid(), InburgeraarId = i, IngeschrevenOp = vandaag.AddDays(-6) }));
        db.Add(startklaar);
        await db.SaveChangesAsync(ct);
    }
}

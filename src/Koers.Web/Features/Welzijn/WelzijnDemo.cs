using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Welzijn;

/// <summary>
/// Synthetic well-being data for the demo: a screening at the brede intake of most open cases (about one in three with a
/// signal, as the practice sources describe psychische klachten as a common reason not to start, 000:L201-203), a
/// referral for most signals in every status, and the demo inburgeraar's own referral with an appointment coming up for the portal. Held
/// voortgangsgesprekken after the intake make re-checks due on the worklist. All made up.
/// </summary>
public static class WelzijnDemo
{
    private static bool Lopend(Zorgstatus s) => WelzijnService.Lopend.Contains(s);

    public static async Task VulAsync(KoersDbContext db, Klok klok, Guid? demoInburgeraar, CancellationToken ct = default)
    {
        if (await db.Set<Welzijnsscreening>().AnyAsync(ct)) return;
        var random = new Random(2023);
        var vandaag = klok.Vandaag;
        var dossiers = (await db.Inburgeraars.AsNoTracking().Include(i => i.Mijlpalen)
                .Where(i => i.GeanonimiseerdOp == null && i.Mijlpalen.Any(m => m.Soort == Mijlpaal.BredeIntake))
                .ToListAsync(ct))
            // In content order, not id order: demo ids are random per install, the demo's content is not.
            .OrderBy(i => i.Bsn?.Value ?? "", StringComparer.Ordinal).ThenBy(i => i.VNummer?.Value ?? "", StringComparer.Ordinal).ToList();
        var soorten = Enum.GetValues<Signaalsoort>();
        var bronnen = Enum.GetValues<Signaalherkomst>();
        var aanbieders = new Dictionary<Zorgsoort, string>
        {
            [Zorgsoort.Ggz] = "GGZ Oost Brabant (demo)", [Zorgsoort.PohGgz] = "Huisartsenpraktijk De Kempen (demo)",
            [Zorgsoort.Traumazorg] = "Stichting Papili (demo)", [Zorgsoort.MaatschappelijkWerk] = "Maatschappelijk werk Kempen (demo)",
        };
        foreach (var i in dossiers)
        {
            var eigen = i.Id == demoInburgeraar;
            if (!eigen && random.Next(5) == 0) continue; // one in five intakes without a screening recorded
            var intake = i.Mijlpalen.First(m => m.Soort == Mijlpaal.BredeIntake).Datum;
            var signaal = eigen || random.Next(3) == 0;
            var screening = new Welzijnsscreening
            {
                Id = Guid.NewGuid(), InburgeraarId = i.Id, Moment = Screeningsmoment.BredeIntake, Datum = intake,
                Signaal = signaal ? Welzijnssignaal.Ja : random.Next(6) == 0 ? Welzijnssignaal.Onbekend : Welzijnssignaal.Nee,
                Soort = signaal ? soorten[random.Next(soorten.Length)] : null, Ernst = signaal ? (Ernst)random.Next(3) : null,
                Bron = signaal ? bronnen[random.Next(bronnen.Length)] : null, VastgelegdOp = klok.NuUtc, VastgelegdDoor = "demodata",
            };
            db.Add(screening);
            if (!signaal || (!eigen && random.Next(4) == 0)) continue; // not every signal leads to a referral
            var naar = eigen ? Zorgsoort.PohGgz : (Zorgsoort)random.Next(4);
            var aangemeld = intake.AddDays(random.Next(3, 20));
            if (aangemeld > vandaag) aangemeld = vandaag;
            var v = new Zorgverwijzing
            {
                Id = Guid.NewGuid(), InburgeraarId = i.Id, ScreeningId = screening.Id, Naar = naar, Zorgaanbieder = aanbieders[naar], Status = Zorgstatus.Aangemeld,
                AangemeldOp = aangemeld, Opvolgdatum = aangemeld.AddDays(42), VastgelegdOp = klok.NuUtc, VastgelegdDoor = "demodata",
            };
            var stap = eigen ? 1 : random.Next(5);
            var gestart = aangemeld.AddDays(random.Next(14, 60));
            if (stap >= 1 && gestart <= vandaag)
            {
                v.Status = Zorgstatus.ZorgGestart;
                v.ZorgGestartOp = gestart;
                v.Opvolgdatum = gestart.AddDays(90);
                var einde = gestart.AddDays(random.Next(60, 200));
                if (stap >= 3 && einde <= vandaag)
                {
                    v.Status = stap == 3 ? Zorgstatus.Afgerond : Zorgstatus.Gestopt;
                    v.BeeindigdOp = einde;
                    v.Opvolgdatum = null;
                    if (v.Status == Zorgstatus.Gestopt) v.Reden = "Inburgeraar wilde de behandeling niet voortzetten (demo).";
                }
            }
            else if (stap == 2 && aangemeld.AddDays(30) <= vandaag)
            {
                v.Status = Zorgstatus.Afgewezen;
                v.BeeindigdOp = aangemeld.AddDays(30);
                v.Opvolgdatum = null;
                v.Reden = "Wachtlijst; doorverwezen naar de POH-GGZ (demo).";
            }

            // The demo inburgeraar's referral has an appointment coming up, for the portal (/mijn/welzijn).
            if (eigen && Lopend(v.Status))
            {
                v.AfspraakDatum = vandaag.AddDays(6);
                v.AfspraakTijd = new TimeOnly(14, 0);
                v.AfspraakPlaats = "Huisartsenpraktijk De Kempen, Dorpsstraat 1, Bergeijk (demo)";
            }

            db.Add(v);
        }

        await db.SaveChangesAsync(ct);
        await NietStartklaarAsync(db, klok, demoInburgeraar, ct);
        await PartnerAsync(db, klok, ct);
    }

    /// <summary>
    /// h-demo (#22): the demo login of VluchtelingenWerk (partner@vluchtelingenwerk.example) gets two cases whose consent
    /// covers gezondheid and werk en participatie (a supplement to the consent KetenpartnersDemo gave, as a begeleider asks
    /// when the participation plan starts), with a referral to care and a completed questionnaire, so the partner view
    /// shows the care referrals and the welbevinden domain. Made up.
    /// </summary>
    private static async Task PartnerAsync(KoersDbContext db, Klok klok, CancellationToken ct)
    {
        var vwn = await db.Partnerorganisaties.AsNoTracking().FirstOrDefaultAsync(p => p.Naam == "VluchtelingenWerk Zuid-Nederland", ct);
        if (vwn is null) return;
        var vandaag = klok.Vandaag;
        var regio = db.Gemeenten.Where(g => g.RegioId == vwn.RegioId).Select(g => g.Id);
        var kandidaten = (await db.Inburgeraars.AsNoTracking()
                .Where(i => i.GeanonimiseerdOp == null && regio.Contains(i.GemeenteId)
                    && db.Set<Zorgverwijzing>().Any(v => v.InburgeraarId == i.Id) && db.Set<Participatiemeting>().Any(m => m.InburgeraarId == i.Id))
                .Select(i => new
                {
                    i.Id, i.Bsn, i.VNummer,
                    Gemachtigd = db.Machtigingen.Any(m => m.InburgeraarId == i.Id && m.PartnerorganisatieId == vwn.Id && m.IngetrokkenOp == null && m.Tot == null),
                })
                .ToListAsync(ct))
            .OrderBy(i => i.Gemachtigd ? 0 : 1).ThenBy(i => i.Bsn?.Value ?? "", StringComparer.Ordinal).ThenBy(i => i.VNummer?.Value ?? "", StringComparer.Ordinal)
            .Take(2).ToList();
        foreach (var i in kandidaten)
        {
            db.Machtigingen.Add(new Koers.Data.Model.Keten.Machtiging
            {
                Id = Guid.NewGuid(), InburgeraarId = i.Id, PartnerorganisatieId = vwn.Id, Van = vandaag.AddDays(-10),
                Categorieen = Koers.Data.Model.Keten.Gegevenscategorie.Basisgegevens | Koers.Data.Model.Keten.Gegevenscategorie.Gezondheid
                    | Koers.Data.Model.Keten.Gegevenscategorie.WerkEnParticipatie,
                Vorm = "Ondertekend formulier (demo): aanvulling gezondheid en werk en participatie", VastgelegdOp = klok.NuUtc.AddDays(-10), VastgelegdDoor = "demodata",
            });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// h-demo (#22): "nog niet startklaar" for open cases that are marked so (or, when too few are, the first open cases with
    /// a brede intake but no learning route started), with the default reasons (000:L201-203) and the default term: in
    /// turn one recontact overdue, one due today, one due in a week and one later, so the worklist shows the first two and
    /// one more comes up soon. One earlier registration of each third case is closed (contacted, still not ready). Made up.
    /// </summary>
    private static async Task NietStartklaarAsync(KoersDbContext db, Klok klok, Guid? demoInburgeraar, CancellationToken ct)
    {
        if (await db.Set<NietStartklaar>().AnyAsync(ct)) return;
        var vandaag = klok.Vandaag;
        var afsluitend = MijlpaalInfo.Afsluitend.ToList();
        var kandidaten = (await db.Inburgeraars.AsNoTracking().Include(i => i.Mijlpalen)
                .Where(i => i.GeanonimiseerdOp == null && i.Id != (demoInburgeraar ?? Guid.Empty) && i.Mijlpalen.Any(m => m.Soort == Mijlpaal.BredeIntake)
                    && !i.Mijlpalen.Any(m => afsluitend.Contains(m.Soort)) && !i.Mijlpalen.Any(m => m.Soort == Mijlpaal.StartLeerroute))
                .ToListAsync(ct))
            .OrderBy(i => i.NogNietStartklaar ? 0 : 1).ThenBy(i => i.Bsn?.Value ?? "", StringComparer.Ordinal).ThenBy(i => i.VNummer?.Value ?? "", StringComparer.Ordinal)
            .Take(8).ToList();
        string[][] redenen = [["Psychische klachten"], ["Zorgen rondom gezinshereniging"], ["Psychische klachten", "Werk"], ["Werk"]];
        string[] toelichtingen =
        [
            "Slaapt slecht; is aangemeld bij de POH-GGZ. Over een paar weken opnieuw bellen.",
            "Wacht op nieuws over de nareis van het gezin; kan zich nu niet op de lessen richten.",
            "Werkt in de schoonmaak en wil eerst de uren vastleggen.",
            "Wil eerst werk houden; lessen in de avond bespreken.",
        ];
        int[] herbenaderOver = [-9, 0, 7, 45];
        for (var n = 0; n < kandidaten.Count; n++)
        {
            var i = kandidaten[n];
            var herbenader = vandaag.AddDays(herbenaderOver[n % herbenaderOver.Length]);
            var datum = herbenader.AddDays(-7 * WelzijnService.StandaardHerbenaderWeken);
            var intake = i.Mijlpalen.First(m => m.Soort == Mijlpaal.BredeIntake).Datum;
            if (datum < intake) datum = intake;
            if (datum >= herbenader) herbenader = datum.AddDays(7);
            if (n % 3 == 2 && datum.AddDays(-7 * WelzijnService.StandaardHerbenaderWeken) >= intake)
            {
                db.Add(new NietStartklaar
                {
                    Id = Guid.NewGuid(), InburgeraarId = i.Id, Redenen = redenen[(n + 1) % redenen.Length][0], Datum = datum.AddDays(-7 * WelzijnService.StandaardHerbenaderWeken),
                    Herbenaderdatum = datum, AfgehandeldOp = datum, VastgelegdOp = klok.NuUtc, VastgelegdDoor = "demodata",
                });
            }

            db.Add(new NietStartklaar
            {
                Id = Guid.NewGuid(), InburgeraarId = i.Id, Redenen = string.Join("\n", redenen[n % redenen.Length]), Datum = datum, Herbenaderdatum = herbenader,
                Toelichting = toelichtingen[n % toelichtingen.Length], VastgelegdOp = klok.NuUtc, VastgelegdDoor = "demodata",
            });
        }

        await db.SaveChangesAsync(ct);
    }
}

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
    }
}

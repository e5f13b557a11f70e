using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Geldzaken;
using Koers.Data.Model.Ontzorgen;
using Koers.Domain.Dossier;
using Koers.Domain.Ontzorgen;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Geldzaken;

/// <summary>
/// Synthetic demo data for geldzaken: inrichtingskredieten at every step for recently housed asylum cases (one past
/// its term, so the worklist shows it), and ontzorgen payees with a net bijstand for a few running cases of Bergeijk
/// and for the demo inburgeraar, so the monthly statement has content in the portal. Only Bergeijk gets payees: the
/// payment-run tests of the other municipalities count exactly their own transfers. Deterministic: fixed order.
/// </summary>
public static class GeldzakenDemo
{
    private static readonly (Begunstigde Soort, string Naam, string Iban, string Kenmerk, decimal Bedrag)[] Lasten =
    [
        (Begunstigde.Verhuurder, "Woonstichting De Kempen (demo)", "NL91ABNA0417164300", "HUUR-DEMO", 645.30m),
        (Begunstigde.Energieleverancier, "Energie Brabant (demo)", "NL20INGB0001234567", "ENERGIE-DEMO", 142.00m),
        (Begunstigde.Waterbedrijf, "Waterbedrijf Zuid (demo)", "NL44RABO0123456789", "WATER-DEMO", 21.50m),
        (Begunstigde.Zorgverzekeraar, "Zorgverzekeraar Kempen (demo)", "NL69INGB0123456789", "POLIS-DEMO", 138.75m),
    ];

    public static async Task SeedAsync(KoersDbContext db, DateOnly vandaag, Guid? demoInburgeraar, CancellationToken ct = default)
    {
        var asiel = await db.Inburgeraars.AsNoTracking().Include(i => i.Gemeente).Include(i => i.Mijlpalen)
            .Where(i => i.Doelgroep == Doelgroep.Asielstatushouder || i.Doelgroep == Doelgroep.Nareiziger)
            .OrderBy(i => i.Achternaam).ThenBy(i => i.Voornamen).ThenBy(i => i.Geboortedatum).ThenBy(i => i.BsnIndex).ThenBy(i => i.VNummerIndex)
            .AsSplitQuery().ToListAsync(ct);
        var geldzaken = new Dictionary<Guid, Geldzaak>();
        Geldzaak Geldzaak(Guid id) => geldzaken.TryGetValue(id, out var g) ? g
            : geldzaken[id] = new Geldzaak { InburgeraarId = id, GewijzigdDoor = "demodata" };

        // Krediet: recently housed (BRP within 60 days), one at each step; the 'toegekend' one is past the default term.
        var gehuisvest = asiel.Select(i => (i, Brp: i.Mijlpalen.FirstOrDefault(m => m.Soort == Mijlpaal.BrpInschrijving)?.Datum))
            .Where(x => x.Brp is { } d && d >= vandaag.AddDays(-60) && d <= vandaag).Take(8).ToList();
        for (var n = 0; n < gehuisvest.Count; n++)
        {
            var (i, brp) = gehuisvest[n];
            var g = Geldzaak(i.Id);
            var huis = brp!.Value;
            g.HuisvestingOp = huis;
            switch (n % 4)
            {
                case 0: // paid in time
                    g.KredietAangevraagdOp = huis;
                    g.KredietToegekendOp = Min(huis.AddDays(5), vandaag);
                    g.KredietToegekendBedrag = 2750.00m;
                    g.KredietUitbetaaldOp = Min(huis.AddDays(9), vandaag);
                    g.KredietUitbetaaldBedrag = 2750.00m;
                    break;
                case 1: // granted, not paid: late once the term has passed
                    g.KredietAangevraagdOp = huis;
                    g.KredietToegekendOp = Min(huis.AddDays(6), vandaag);
                    g.KredietToegekendBedrag = 3100.00m;
                    g.KredietNotitie = "Wacht op uitbetaling door Maatschappelijke Dienstverlening.";
                    break;
                case 2: // applied for
                    g.KredietAangevraagdOp = Min(huis.AddDays(2), vandaag);
                    break;
                default: // housed, nothing applied for yet
                    break;
            }
        }

        // Ontzorgen payees: Bergeijk cases whose period covers this month, and the demo inburgeraar's own case.
        var metOntzorgen = asiel.Where(i => i.Gemeente!.Code == "GM1724" && OntzorgenRegels.Periode(i.Feiten(), i.Gemeente.OntzorgenMaanden, null, null) is { IsLeeg: false } p
                && p.Bevat(vandaag))
            .Take(3).ToList();
        if (demoInburgeraar is { } eigen && asiel.FirstOrDefault(i => i.Id == eigen) is { } demo && metOntzorgen.All(i => i.Id != eigen)
            && demo.Feiten().Datum(Mijlpaal.StartBijstand) is not null)
        {
            metOntzorgen.Add(demo);
        }

        var bestaand = await db.Set<Ontzorging>().Select(o => o.InburgeraarId).ToListAsync(ct);
        foreach (var i in metOntzorgen.Where(i => !bestaand.Contains(i.Id)))
        {
            var start = i.Feiten().Datum(Mijlpaal.StartBijstand)!.Value;
            db.Add(new Ontzorging { InburgeraarId = i.Id, Besluit = OntzorgenBesluit.Toepassen, Besluitdatum = start, GewijzigdDoor = "demodata" });
            foreach (var (soort, naam, iban, kenmerk, bedrag) in Lasten)
            {
                db.Add(new OntzorgenBetaling
                {
                    Id = Guid.NewGuid(), InburgeraarId = i.Id, Soort = soort, Naam = naam, Iban = iban, Betalingskenmerk = $"{kenmerk}-{i.Id.ToString()[..8]}",
                    BedragPerMaand = bedrag,
                });
            }

            Geldzaak(i.Id).NettoBijstandPerMaand = 1389.72m;
        }

        db.AddRange(geldzaken.Values);
        await db.SaveChangesAsync(ct);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

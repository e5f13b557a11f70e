using Koers.Data;
using Koers.Data.Model.Keten;
using Koers.Domain.Dossier;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Inkoop;

/// <summary>
/// Synthetic catalogue and volumes on the demo partners' contracts (after KetenpartnersDemo): a B1 product with a price
/// change (two versions), a B2 product that is not SPUK-eligible (practice: "Check whether the B2 offer of
/// Werkvloertaal is SPUK-eligible", seed-000-002-003-practice.md §6.2 A22), and a contract that ends within the
/// signal term, as the Kempen contracts did unnoticed (000:L843-850, contracts until 1 January 2026).
/// </summary>
public static class InkoopDemo
{
    public static async Task SeedAsync(KoersDbContext db, DateOnly vandaag, CancellationToken ct)
    {
        if (await db.Trajectproducten.AnyAsync(ct)) return;
        var partners = await db.Partnerorganisaties.ToDictionaryAsync(p => p.Naam, ct);
        if (!partners.TryGetValue("Taalschool De Kempen", out var taalschool)) return;
        var jaar = new DateOnly(vandaag.Year, 1, 1);
        Trajectproduct Maak(Partnerorganisatie p, string naam, Onderdeel o, Leerroute? r, string? niveau, Lesvorm l, decimal prijs, int maanden, bool spuk, DateOnly vanaf,
            Guid? sleutel = null, int versie = 1) => new()
            {
                Productsleutel = sleutel ?? Guid.NewGuid(), Versie = versie, PartnerorganisatieId = p.Id, Naam = naam, Onderdeel = o, Leerroute = r, Niveau = niveau, Lesvorm = l,
                PrijsPerPeriode = prijs, PeriodeMaanden = maanden, SpukDeclarabel = spuk, GeldigVanaf = vanaf,
            };

        var b1 = Maak(taalschool, "B1-route dagprogramma", Onderdeel.Taal, Leerroute.B1Route, "B1", Lesvorm.Klassikaal, 790m, 1, true, jaar.AddYears(-1));
        db.Trajectproducten.AddRange(
            b1,
            Maak(taalschool, "B1-route dagprogramma", Onderdeel.Taal, Leerroute.B1Route, "B1", Lesvorm.Klassikaal, 820m, 1, true, jaar, b1.Productsleutel, 2),
            Maak(taalschool, "Z-route taal en participatie", Onderdeel.Taal, Leerroute.ZRoute, "A1", Lesvorm.Klassikaal, 410m, 1, true, jaar),
            Maak(taalschool, "B1-route online (AZC buiten de regio)", Onderdeel.Taal, Leerroute.B1Route, "B1", Lesvorm.Online, 560m, 1, true, jaar),
            Maak(taalschool, "B2-vervolgtraject", Onderdeel.Taal, null, "B2", Lesvorm.Gemengd, 2400m, 6, false, jaar),
            Maak(taalschool, "KNM-module", Onderdeel.Knm, null, null, Lesvorm.Klassikaal, 650m, 3, true, jaar));
        if (partners.TryGetValue("VluchtelingenWerk Zuid-Nederland", out var vwn))
        {
            db.Trajectproducten.Add(Maak(vwn, "Maatschappelijke begeleiding", Onderdeel.MaatschappelijkeBegeleiding, null, null, Lesvorm.Klassikaal, 1175m, 12, true, jaar));
            db.Trajectproducten.Add(Maak(vwn, "PVT in taalgroepen", Onderdeel.Pvt, null, null, Lesvorm.Klassikaal, 310m, 3, true, jaar));
        }

        if (partners.TryGetValue("Kempen Werkt (jobcoach)", out var job))
        {
            db.Trajectproducten.Add(Maak(job, "MAP-traject", Onderdeel.Map, null, null, Lesvorm.Gemengd, 520m, 1, true, jaar));
        }

        if (partners.TryGetValue("Taalhuis Weert (gemeente Weert)", out var weert))
        {
            db.Trajectproducten.Add(Maak(weert, "Taaltraject B1", Onderdeel.Taal, Leerroute.B1Route, "B1", Lesvorm.Klassikaal, 780m, 1, true, jaar));
        }

        // Volumes on the existing contracts; the Z-route contract ends two months from now, inside the default signal term.
        foreach (var c in await db.Partnercontracten.Where(c => c.PartnerorganisatieId == taalschool.Id).ToListAsync(ct))
        {
            c.Volume = c.Leerroute switch { Leerroute.B1Route => 30, Leerroute.ZRoute => 12, _ => 40 };
            if (c.Leerroute == Leerroute.ZRoute) c.Tot = vandaag.AddMonths(2);
        }

        await db.SaveChangesAsync(ct);
    }
}

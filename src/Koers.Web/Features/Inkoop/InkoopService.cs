using static Koers.Web.Infrastructure.Invoer;
using System.ComponentModel;
using Koers.Data;
using Koers.Data.Model.Keten;
using Koers.Domain.Dossier;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Ketenpartners;
using Koers.Web.Features.Shared;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Inkoop;

public sealed class ProductInvoer
{
    [Description("De ketenpartner die het product levert (binnen de regio van de gebruiker).")] public int? PartnerorganisatieId { get; set; }
    [Description("Naam van het product (hoogstens 200 tekens).")] public string? Naam { get; set; }
    public Onderdeel? Onderdeel { get; set; }
    [Description("Alleen voor deze leerroute; leeg: elke route.")] public Leerroute? Leerroute { get; set; }
    [Description("Niveau, zoals A2, B1 of B2 (hoogstens 20 tekens).")] public string? Niveau { get; set; }
    public Lesvorm? Lesvorm { get; set; }
    [Description("Prijs in euro's per periode, meer dan 0, in hele centen.")] public decimal? PrijsPerPeriode { get; set; }
    [Description("Lengte van één prijsperiode in maanden (1 tot en met 60).")] public int? PeriodeMaanden { get; set; }
    [Description("Mag de gemeente dit product uit de specifieke uitkering (SPUK) betalen?")] public bool SpukDeclarabel { get; set; }
    [Description("Datum vanaf wanneer deze versie geldt; bij een nieuwe versie na de vorige.")] public DateOnly? GeldigVanaf { get; set; }
}

public sealed class InkoopInstellingInvoer
{
    [Description("Aantal maanden vóór het einde van een contract waarin het signaal verschijnt (1 tot en met 24).")] public int? ContractSignaalMaanden { get; set; }
}

public sealed record ProductversieDto(int Id, int Versie, string Naam, Onderdeel Onderdeel, Leerroute? Leerroute, string? Niveau, Lesvorm Lesvorm,
    decimal PrijsPerPeriode, int PeriodeMaanden, bool SpukDeclarabel, DateOnly GeldigVanaf, DateOnly? GeldigTot);

public sealed record ProductDto(Guid Productsleutel, int PartnerorganisatieId, string Partner, ProductversieDto Actueel, IReadOnlyList<ProductversieDto> Versies);

/// <summary>A contract with its use: persons placed via referrals against the bought volume, and whether its end is near.</summary>
public sealed record ContractOverzichtDto(int Id, int PartnerorganisatieId, string Partner, string Regio, Onderdeel Onderdeel, Leerroute? Leerroute,
    DateOnly Van, DateOnly? Tot, string? Kenmerk, int? Volume, int Geplaatst, int? GebruikProcent, bool LooptAf, int? DagenTotEinde, int SignaalMaanden);

public sealed record InkoopInstellingDto(int GemeenteId, string Gemeente, int ContractSignaalMaanden);

/// <summary>
/// Procurement: the versioned product catalogue per partner, the partners' contracts with volume and use, and the
/// signal before a contract ends. Partners and contracts themselves stay in Ketenpartners; this reads them.
/// </summary>
public sealed class InkoopService(KoersDbContext db, KetenpartnersService partners, Toegang toegang, Klok klok)
{
    public static string Omschrijving(Lesvorm l) => l switch
    {
        Lesvorm.Klassikaal => "Klassikaal",
        Lesvorm.Online => "Online",
        Lesvorm.Zelfstudie => "Zelfstudie",
        Lesvorm.Gemengd => "Gemengd (klassikaal en online)",
        _ => l.ToString(),
    };

    private async Task<List<int>> RegioIdsAsync(CancellationToken ct) => (await partners.RegiosAsync(ct)).Select(r => r.Id).ToList();

    /// <summary>The partners within the user's regions, for the product form.</summary>
    public async Task<IReadOnlyList<(int Id, string Naam)>> PartnersAsync(CancellationToken ct)
    {
        var regios = await RegioIdsAsync(ct);
        var lijst = await db.Partnerorganisaties.AsNoTracking().Where(p => regios.Contains(p.RegioId)).OrderBy(p => p.Naam)
            .Select(p => new { p.Id, p.Naam }).ToListAsync(ct);
        return lijst.Select(p => (p.Id, p.Naam)).ToList();
    }

    // ---- products ------------------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<ProductDto>> ProductenAsync(CancellationToken ct)
    {
        var regios = await RegioIdsAsync(ct);
        var rijen = await db.Trajectproducten.AsNoTracking().Include(p => p.Partnerorganisatie)
            .Where(p => regios.Contains(p.Partnerorganisatie!.RegioId)).ToListAsync(ct);
        var vandaag = klok.Vandaag;
        return rijen.GroupBy(p => p.Productsleutel)
            .Select(g => Product(g.ToList(), vandaag))
            .OrderBy(p => p.Partner).ThenBy(p => p.Actueel.Onderdeel).ThenBy(p => p.Actueel.Naam, StringComparer.Ordinal).ToList();
    }

    public async Task<ProductDto?> ProductAsync(Guid sleutel, CancellationToken ct)
    {
        var regios = await RegioIdsAsync(ct);
        var rijen = await db.Trajectproducten.AsNoTracking().Include(p => p.Partnerorganisatie)
            .Where(p => p.Productsleutel == sleutel && regios.Contains(p.Partnerorganisatie!.RegioId)).ToListAsync(ct);
        return rijen.Count == 0 ? null : Product(rijen, klok.Vandaag);
    }

    /// <summary>All versions, newest first, each valid up to the day before the next; the current one is the latest already in force (else the first).</summary>
    private static ProductDto Product(List<Trajectproduct> versies, DateOnly vandaag)
    {
        var opVolgorde = versies.OrderBy(v => v.Versie).ToList();
        var dtos = opVolgorde.Select((v, i) => new ProductversieDto(v.Id, v.Versie, v.Naam, v.Onderdeel, v.Leerroute, v.Niveau, v.Lesvorm, v.PrijsPerPeriode,
            v.PeriodeMaanden, v.SpukDeclarabel, v.GeldigVanaf, i + 1 < opVolgorde.Count ? opVolgorde[i + 1].GeldigVanaf.AddDays(-1) : null)).ToList();
        var actueel = dtos.LastOrDefault(v => v.GeldigVanaf <= vandaag) ?? dtos[0];
        var eerste = opVolgorde[0];
        return new ProductDto(eerste.Productsleutel, eerste.PartnerorganisatieId, eerste.Partnerorganisatie?.Naam ?? string.Empty, actueel,
            dtos.AsEnumerable().Reverse().ToList());
    }

    /// <summary>The version of a product in force on a date (for the cost of a trajectory that started then).</summary>
    public static ProductversieDto? VersieOp(ProductDto product, DateOnly datum) =>
        product.Versies.Where(v => v.GeldigVanaf <= datum).OrderByDescending(v => v.GeldigVanaf).FirstOrDefault();

    public async Task<Uitkomst<Guid>> ProductToevoegenAsync(ProductInvoer invoer, CancellationToken ct)
    {
        var regios = await RegioIdsAsync(ct);
        var fouten = Controleer(invoer);
        if (invoer.PartnerorganisatieId is null) fouten.Voeg(nameof(ProductInvoer.PartnerorganisatieId), "Kies de ketenpartner die het product levert.");
        else if (!await db.Partnerorganisaties.AnyAsync(p => p.Id == invoer.PartnerorganisatieId && regios.Contains(p.RegioId), ct))
        {
            fouten.Voeg(nameof(ProductInvoer.PartnerorganisatieId), "Deze ketenpartner valt niet onder de regio van uw gemeente.");
        }

        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        var product = Nieuw(invoer, Guid.NewGuid(), 1, invoer.PartnerorganisatieId!.Value);
        db.Trajectproducten.Add(product);
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(product.Productsleutel);
    }

    /// <summary>A change to a product: a new version from a later date; the earlier versions stay as they were.</summary>
    public async Task<Uitkomst<Guid>> NieuweVersieAsync(Guid sleutel, ProductInvoer invoer, CancellationToken ct)
    {
        var regios = await RegioIdsAsync(ct);
        var laatste = await db.Trajectproducten.AsNoTracking().Where(p => p.Productsleutel == sleutel && regios.Contains(p.Partnerorganisatie!.RegioId))
            .OrderByDescending(p => p.Versie).FirstOrDefaultAsync(ct);
        if (laatste is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Controleer(invoer);
        if (invoer.PartnerorganisatieId is { } pid && pid != laatste.PartnerorganisatieId)
        {
            fouten.Voeg(nameof(ProductInvoer.PartnerorganisatieId), "Een nieuwe versie hoort bij dezelfde ketenpartner; voeg voor een andere partner een nieuw product toe.");
        }

        if (invoer.GeldigVanaf is { } vanaf && vanaf <= laatste.GeldigVanaf)
        {
            fouten.Voeg(nameof(ProductInvoer.GeldigVanaf), $"Een nieuwe versie geldt na de vorige (versie {laatste.Versie} geldt vanaf {Weergave.Datum(laatste.GeldigVanaf)}).");
        }

        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        db.Trajectproducten.Add(Nieuw(invoer, sleutel, laatste.Versie + 1, laatste.PartnerorganisatieId));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(sleutel);
    }

    private static Dictionary<string, string[]> Controleer(ProductInvoer invoer)
    {
        var fouten = Veldfouten.Nieuw();
        var naam = invoer.Naam?.Trim();
        if (string.IsNullOrEmpty(naam)) fouten.Voeg(nameof(ProductInvoer.Naam), "Vul de naam van het product in.");
        else if (naam.Length > 200) fouten.Voeg(nameof(ProductInvoer.Naam), "De naam is te lang (hoogstens 200 tekens).");
        if (invoer.Onderdeel is null) fouten.Voeg(nameof(ProductInvoer.Onderdeel), "Kies het onderdeel (taal, KNM, MAP, PVT …).");
        if (invoer.Niveau?.Trim().Length > 20) fouten.Voeg(nameof(ProductInvoer.Niveau), "Het niveau is te lang (hoogstens 20 tekens), bijvoorbeeld B1.");
        if (invoer.Lesvorm is null) fouten.Voeg(nameof(ProductInvoer.Lesvorm), "Kies de lesvorm: klassikaal, online, zelfstudie of gemengd.");
        if (invoer.PrijsPerPeriode is not { } prijs || prijs <= 0 || prijs > 1_000_000) fouten.Voeg(nameof(ProductInvoer.PrijsPerPeriode), "Vul een prijs in euro's in, meer dan 0 en hoogstens 1000000.");
        else if (decimal.Round(prijs, 2) != prijs) fouten.Voeg(nameof(ProductInvoer.PrijsPerPeriode), "Vul de prijs in hele centen in.");
        if (invoer.PeriodeMaanden is not (>= 1 and <= 60)) fouten.Voeg(nameof(ProductInvoer.PeriodeMaanden), "Vul de lengte van de prijsperiode in maanden in, van 1 tot en met 60.");
        if (invoer.GeldigVanaf is null) fouten.Voeg(nameof(ProductInvoer.GeldigVanaf), "Vul de datum in vanaf wanneer deze prijs geldt.");
        return fouten;
    }

    private static Trajectproduct Nieuw(ProductInvoer invoer, Guid sleutel, int versie, int partnerId) => new()
    {
        Productsleutel = sleutel, Versie = versie, PartnerorganisatieId = partnerId, Naam = invoer.Naam!.Trim(), Onderdeel = invoer.Onderdeel!.Value,
        Leerroute = invoer.Leerroute, Niveau = Schoon(invoer.Niveau), Lesvorm = invoer.Lesvorm!.Value, PrijsPerPeriode = invoer.PrijsPerPeriode!.Value,
        PeriodeMaanden = invoer.PeriodeMaanden!.Value, SpukDeclarabel = invoer.SpukDeclarabel, GeldigVanaf = invoer.GeldigVanaf!.Value,
    };

    // ---- contracts -----------------------------------------------------------------------------------------------

    /// <summary>
    /// The contracts of the partners in the user's regions. Placed: the distinct persons with a referral to that partner
    /// for that onderdeel (and, for a route contract, with that leerroute) that was accepted or finished and started within
    /// the contract period. The end is near from <c>ContractSignaalMaanden</c> months before the end date up to it; the
    /// months are those of the user's municipalities in the contract's region (the largest, so no one is warned late).
    /// </summary>
    public async Task<IReadOnlyList<ContractOverzichtDto>> ContractenAsync(CancellationToken ct)
    {
        var bereik = (await toegang.BereikAsync(ct)).Gemeenten.ToList();
        var gemeenten = await db.Gemeenten.AsNoTracking().Where(g => bereik.Contains(g.Id)).Select(g => new { g.RegioId, g.ContractSignaalMaanden }).ToListAsync(ct);
        var regios = gemeenten.Select(g => g.RegioId).Distinct().ToList();
        var lijst = await db.Partnercontracten.AsNoTracking()
            .Join(db.Partnerorganisaties.Include(p => p.Regio), c => c.PartnerorganisatieId, p => p.Id, (c, p) => new { c, p })
            .Where(x => regios.Contains(x.p.RegioId)).ToListAsync(ct);
        var partnerIds = lijst.Select(x => x.p.Id).Distinct().ToList();
        var plaatsingen = await db.Verwijzingen.AsNoTracking()
            .Where(v => partnerIds.Contains(v.PartnerorganisatieId) && v.Startdatum != null
                && (v.Status == Verwijzingsstatus.Geaccepteerd || v.Status == Verwijzingsstatus.Afgerond))
            .Join(db.Inburgeraars, v => v.InburgeraarId, i => i.Id, (v, i) => new { v.PartnerorganisatieId, v.Onderdeel, v.InburgeraarId, Start = v.Startdatum!.Value, i.Leerroute })
            .ToListAsync(ct);
        var vandaag = klok.Vandaag;
        // Placed = actually started (not a start in the future) within the contract period, on the route of the PIP that applied
        // on the start date (a later route switch does not move a placement to another route contract).
        var personen = plaatsingen.Select(p => p.InburgeraarId).Distinct().ToList();
        var pips = (await db.PipVersies.AsNoTracking()
                .Where(v => personen.Contains(v.InburgeraarId) && v.Dagtekening != null && (v.Status == Koers.Data.Model.PipStatus.Vastgesteld || v.Status == Koers.Data.Model.PipStatus.Vervangen))
                .Select(v => new { v.InburgeraarId, v.Versie, Dagtekening = v.Dagtekening!.Value, v.Leerroute }).ToListAsync(ct))
            .ToLookup(v => v.InburgeraarId);
        Leerroute? RouteOp(Guid id, DateOnly start, Leerroute? nu) =>
            pips[id].Where(v => v.Dagtekening <= start && v.Leerroute != null).OrderByDescending(v => v.Dagtekening).ThenByDescending(v => v.Versie)
                .Select(v => v.Leerroute).FirstOrDefault() ?? nu;
        plaatsingen = [.. plaatsingen.Where(v => v.Start <= vandaag).Select(v => v with { Leerroute = RouteOp(v.InburgeraarId, v.Start, v.Leerroute) })];
        return lijst.Select(x =>
        {
            var c = x.c;
            var maanden = gemeenten.Where(g => g.RegioId == x.p.RegioId).Max(g => g.ContractSignaalMaanden);
            var geplaatst = plaatsingen.Where(v => v.PartnerorganisatieId == c.PartnerorganisatieId && v.Onderdeel == c.Onderdeel
                    && (c.Leerroute == null || v.Leerroute == c.Leerroute) && v.Start >= c.Van && (c.Tot == null || v.Start <= c.Tot))
                .Select(v => v.InburgeraarId).Distinct().Count();
            int? procent = c.Volume is > 0 ? (int)Math.Round(100.0 * geplaatst / c.Volume.Value, MidpointRounding.AwayFromZero) : null;
            return new ContractOverzichtDto(c.Id, x.p.Id, x.p.Naam, x.p.Regio?.Naam ?? string.Empty, c.Onderdeel, c.Leerroute, c.Van, c.Tot, c.Kenmerk, c.Volume,
                geplaatst, procent, LooptAf(c.Tot, vandaag, maanden), c.Tot is { } t ? t.DayNumber - vandaag.DayNumber : null, maanden);
        }).OrderBy(c => c.Tot ?? DateOnly.MaxValue).ThenBy(c => c.Partner).ThenBy(c => c.Onderdeel).ToList();
    }

    /// <summary>The partners of one region within the user's reach (for the worklist section filtered on a municipality).</summary>
    public async Task<List<int>> PartnerIdsInRegioAsync(int regioId, CancellationToken ct)
    {
        var regios = await RegioIdsAsync(ct);
        if (!regios.Contains(regioId)) return [];
        return await db.Partnerorganisaties.AsNoTracking().Where(p => p.RegioId == regioId).Select(p => p.Id).ToListAsync(ct);
    }

    /// <summary>A contract's end is near from <paramref name="maanden"/> months before its end date up to and including that date.</summary>
    public static bool LooptAf(DateOnly? tot, DateOnly vandaag, int maanden) => tot is { } t && vandaag <= t && vandaag >= t.AddMonths(-maanden);

    // ---- settings ------------------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<InkoopInstellingDto>> InstellingenAsync(CancellationToken ct)
    {
        var bereik = (await toegang.BereikAsync(ct)).Gemeenten.ToList();
        return await db.Gemeenten.AsNoTracking().Where(g => bereik.Contains(g.Id)).OrderBy(g => g.Naam)
            .Select(g => new InkoopInstellingDto(g.Id, g.Naam, g.ContractSignaalMaanden)).ToListAsync(ct);
    }

    public async Task<Uitkomst<int>> InstellingOpslaanAsync(int gemeenteId, InkoopInstellingInvoer invoer, CancellationToken ct)
    {
        var bereik = (await toegang.BereikAsync(ct)).Gemeenten;
        var gemeente = bereik.Contains(gemeenteId) ? await db.Gemeenten.FirstOrDefaultAsync(g => g.Id == gemeenteId, ct) : null;
        if (gemeente is null) return Uitkomst<int>.Onbekend();
        if (invoer.ContractSignaalMaanden is not (>= 1 and <= 24))
        {
            return Uitkomst<int>.Geweigerd(Veldfouten.Nieuw().Voeg(nameof(InkoopInstellingInvoer.ContractSignaalMaanden), "Vul een aantal maanden in van 1 tot en met 24."));
        }

        gemeente.ContractSignaalMaanden = invoer.ContractSignaalMaanden.Value;
        await db.SaveChangesAsync(ct);
        return Uitkomst<int>.Ok(gemeente.Id);
    }
}

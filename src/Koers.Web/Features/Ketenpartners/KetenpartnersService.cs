using static Koers.Web.Infrastructure.Invoer;
using System.ComponentModel;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Dossier;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Ketenpartners;

public sealed class PartnerInvoer
{
    [Description("Naam van de organisatie (hoogstens 200 tekens).")] public string? Naam { get; set; }
    public Partnersoort? Soort { get; set; }
    [Description("De regio waarvoor de partner werkt; leeg: de regio van de gebruiker (als dat er één is).")] public int? RegioId { get; set; }
    public string? Contactpersoon { get; set; }
    public string? Email { get; set; }
    public string? Telefoon { get; set; }
    [Description("Aantal plaatsen tegelijk; leeg: onbeperkt.")] public int? Capaciteit { get; set; }
    [Description("KvK-nummer (8 cijfers); nodig voor inloggen met eHerkenning.")] public string? KvkNummer { get; set; }
    [Description("Instellingsnummer van DUO (10 tekens) uit de lijst van instellingen met een keurmerk; nodig om een inburgeringsaanbod te melden.")] public string? DuoInstellingsnummer { get; set; }
    public bool Actief { get; set; } = true;
}

public sealed class ContractInvoer
{
    public Onderdeel? Onderdeel { get; set; }
    [Description("Alleen voor deze leerroute; leeg: elke route.")] public Leerroute? Leerroute { get; set; }
    public DateOnly? Van { get; set; }
    public DateOnly? Tot { get; set; }
    public Tariefsoort? Tariefsoort { get; set; }
    [Description("Prijs in euro's per traject of per uur, meer dan 0.")] public decimal? Prijs { get; set; }
    public string? Kenmerk { get; set; }
    [Description("Ingekocht aantal plaatsen (personen) voor de contractperiode; leeg: geen afgesproken volume.")] public int? Volume { get; set; }
}

public sealed record ContractDto(int Id, Onderdeel Onderdeel, Leerroute? Leerroute, DateOnly Van, DateOnly? Tot, Tariefsoort Tariefsoort, decimal Prijs, string? Kenmerk, int? Volume = null);

public sealed record PartnerDto(int Id, string Naam, Partnersoort Soort, int RegioId, string Regio, string? Contactpersoon, string? Email, string? Telefoon,
    int? Capaciteit, bool Actief, IReadOnlyList<ContractDto> Contracten, string? KvkNummer = null, string? DuoInstellingsnummer = null);

/// <summary>The waiting list of one partner: who waits, how long, and how full the partner is.</summary>
public sealed record WachtlijstDto(int PartnerorganisatieId, string Naam, Partnersoort Soort, string Regio, int Wachtend, int? MediaanWachtdagen,
    int? LangsteWachtdagen, int Lopend, int? Capaciteit, int? BezettingProcent);

/// <summary>Functioneel beheer of chain partners and their contracts, for the regions within the user's reach; waiting lists.</summary>
public sealed class KetenpartnersService(KoersDbContext db, Toegang toegang, Klok klok, Duo.DuoClient duo)
{
    public static string Omschrijving(Partnersoort soort) => soort switch
    {
        Partnersoort.Taalaanbieder => "Taalaanbieder",
        Partnersoort.MaatschappelijkeBegeleiding => "Maatschappelijke begeleiding",
        Partnersoort.MapJobcoach => "MAP / jobcoach",
        Partnersoort.PvtAanbieder => "PVT-aanbieder",
        Partnersoort.Budgetbeheer => "Budgetbeheer",
        Partnersoort.Kinderopvang => "Kinderopvang",
        Partnersoort.Ggz => "GGZ",
        _ => soort.ToString(),
    };

    public static string Omschrijving(Onderdeel o) => o switch
    {
        Onderdeel.Taal => "Taal",
        Onderdeel.Knm => "KNM",
        Onderdeel.Map => "MAP",
        Onderdeel.Pvt => "PVT",
        Onderdeel.Participatie => "Participatie",
        Onderdeel.MaatschappelijkeBegeleiding => "Maatschappelijke begeleiding",
        Onderdeel.Jobcoaching => "Jobcoaching",
        Onderdeel.Budgetbeheer => "Budgetbeheer",
        Onderdeel.Kinderopvang => "Kinderopvang",
        Onderdeel.Ggz => "GGZ",
        _ => o.ToString(),
    };

    /// <summary>The regions whose partners this user may manage or see: those of the municipalities within reach.</summary>
    public async Task<List<Regio>> RegiosAsync(CancellationToken ct)
    {
        var gemeenten = (await toegang.BereikAsync(ct)).Gemeenten.ToList();
        var ids = await db.Gemeenten.AsNoTracking().Where(g => gemeenten.Contains(g.Id)).Select(g => g.RegioId).Distinct().ToListAsync(ct);
        return await db.Regios.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Naam).ToListAsync(ct);
    }

    private async Task<IQueryable<Partnerorganisatie>> BinnenBereikAsync(CancellationToken ct)
    {
        var regios = (await RegiosAsync(ct)).Select(r => r.Id).ToList();
        return db.Partnerorganisaties.Where(p => regios.Contains(p.RegioId));
    }

    public async Task<IReadOnlyList<PartnerDto>> LijstAsync(CancellationToken ct)
    {
        var partners = await (await BinnenBereikAsync(ct)).AsNoTracking().Include(p => p.Regio).OrderBy(p => p.Naam).ToListAsync(ct);
        var ids = partners.Select(p => p.Id).ToList();
        var contracten = await db.Partnercontracten.AsNoTracking().Where(c => ids.Contains(c.PartnerorganisatieId)).ToListAsync(ct);
        return partners.Select(p => Dto(p, contracten.Where(c => c.PartnerorganisatieId == p.Id))).ToList();
    }

    public async Task<PartnerDto?> HaalAsync(int id, CancellationToken ct)
    {
        var p = await (await BinnenBereikAsync(ct)).AsNoTracking().Include(x => x.Regio).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        var contracten = await db.Partnercontracten.AsNoTracking().Where(c => c.PartnerorganisatieId == id).ToListAsync(ct);
        return Dto(p, contracten);
    }

    private static PartnerDto Dto(Partnerorganisatie p, IEnumerable<Partnercontract> contracten) =>
        new(p.Id, p.Naam, p.Soort, p.RegioId, p.Regio?.Naam ?? string.Empty, p.Contactpersoon, p.Email, p.Telefoon, p.Capaciteit, p.Actief,
            contracten.OrderBy(c => c.Onderdeel).ThenBy(c => c.Van)
                .Select(c => new ContractDto(c.Id, c.Onderdeel, c.Leerroute, c.Van, c.Tot, c.Tariefsoort, c.Prijs, c.Kenmerk, c.Volume)).ToList(), p.KvkNummer, p.DuoInstellingsnummer);

    public async Task<Uitkomst<int>> OpslaanAsync(int? id, PartnerInvoer invoer, CancellationToken ct)
    {
        Partnerorganisatie? partner = null;
        if (id is { } pid)
        {
            partner = await (await BinnenBereikAsync(ct)).FirstOrDefaultAsync(p => p.Id == pid, ct);
            if (partner is null) return Uitkomst<int>.Onbekend();
        }

        var regios = await RegiosAsync(ct);
        var fouten = Veldfouten.Nieuw();
        var naam = invoer.Naam?.Trim();
        if (string.IsNullOrEmpty(naam)) fouten.Voeg(nameof(PartnerInvoer.Naam), "Vul de naam van de organisatie in.");
        else if (naam.Length > 200) fouten.Voeg(nameof(PartnerInvoer.Naam), "De naam is te lang (hoogstens 200 tekens).");
        if (invoer.Soort is null) fouten.Voeg(nameof(PartnerInvoer.Soort), "Kies wat voor organisatie dit is.");
        var regioId = invoer.RegioId ?? partner?.RegioId ?? (regios.Count == 1 ? regios[0].Id : null);
        if (regioId is null) fouten.Voeg(nameof(PartnerInvoer.RegioId), "Kies de regio waarvoor de partner werkt.");
        else if (regios.All(r => r.Id != regioId)) fouten.Voeg(nameof(PartnerInvoer.RegioId), "Deze regio valt niet onder uw gemeente.");
        if (invoer.Capaciteit is < 0 or > 100_000) fouten.Voeg(nameof(PartnerInvoer.Capaciteit), "De capaciteit is een aantal plaatsen van 0 tot 100000; laat leeg voor onbeperkt.");
        var email = invoer.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && (email.Length > 200 || !email.Contains('@') || email.StartsWith('@') || email.EndsWith('@')))
        {
            fouten.Voeg(nameof(PartnerInvoer.Email), "Vul een geldig e-mailadres in, zoals naam@organisatie.nl.");
        }

        if (invoer.Contactpersoon?.Trim().Length > 200) fouten.Voeg(nameof(PartnerInvoer.Contactpersoon), "De naam van de contactpersoon is te lang (hoogstens 200 tekens).");
        var kvk = invoer.KvkNummer?.Replace(" ", string.Empty).Trim();
        if (!string.IsNullOrEmpty(kvk) && (kvk.Length != 8 || !kvk.All(char.IsAsciiDigit)))
        {
            fouten.Voeg(nameof(PartnerInvoer.KvkNummer), "Een KvK-nummer bestaat uit 8 cijfers.");
        }

        if (invoer.Telefoon?.Trim().Length > 40) fouten.Voeg(nameof(PartnerInvoer.Telefoon), "Het telefoonnummer is te lang (hoogstens 40 tekens).");
        var instelling = invoer.DuoInstellingsnummer?.Replace(" ", string.Empty).Trim();
        if (!string.IsNullOrEmpty(instelling) && instelling.Length != 10)
        {
            fouten.Voeg(nameof(PartnerInvoer.DuoInstellingsnummer), "Een instellingsnummer van DUO bestaat uit 10 tekens.");
        }
        else if (!string.IsNullOrEmpty(instelling) && instelling != partner?.DuoInstellingsnummer && await DuoKentAsync(instelling, ct) is { } fout)
        {
            fouten.Voeg(nameof(PartnerInvoer.DuoInstellingsnummer), fout);
        }

        if (fouten.Count > 0) return Uitkomst<int>.Geweigerd(fouten);

        partner ??= db.Partnerorganisaties.Add(new Partnerorganisatie { Naam = naam! }).Entity;
        partner.Naam = naam!;
        partner.Soort = invoer.Soort!.Value;
        partner.RegioId = regioId!.Value;
        partner.Contactpersoon = Schoon(invoer.Contactpersoon);
        partner.Email = Schoon(email);
        partner.Telefoon = Schoon(invoer.Telefoon);
        partner.Capaciteit = invoer.Capaciteit;
        partner.KvkNummer = Schoon(kvk);
        partner.DuoInstellingsnummer = Schoon(instelling);
        partner.Actief = invoer.Actief;
        await db.SaveChangesAsync(ct);
        return Uitkomst<int>.Ok(partner.Id);
    }

    /// <summary>
    /// A new instellingsnummer is checked against DUO's own list (Inburgeringsaanbod API, GET /instellingen): DUO accepts an
    /// inburgeringsaanbod only at a provider it knows with the BoW or TST keurmerk. Null when DUO knows it.
    /// </summary>
    private async Task<string?> DuoKentAsync(string nummer, CancellationToken ct)
    {
        try
        {
            var lijst = await duo.InstellingenAsync(ct);
            return lijst.Any(i => i.Instellingsnummer == nummer) ? null
                : "DUO kent geen instelling met dit nummer in zijn lijst van instellingen met een keurmerk (Blik op Werk of Taalschakeltraject). Kies een nummer uit die lijst (Beheer › DUO: contactpersonen en instellingen).";
        }
        catch (Exception e) when (e is Duo.DuoOnbereikbaarException or Duo.DuoWeigeringException)
        {
            return "DUO is nu niet bereikbaar, dus het nummer kan niet worden gecontroleerd. Er is niets opgeslagen; probeer het later opnieuw.";
        }
    }

    public async Task<Uitkomst<int>> ContractToevoegenAsync(int partnerId, ContractInvoer invoer, CancellationToken ct)
    {
        if (!await (await BinnenBereikAsync(ct)).AnyAsync(p => p.Id == partnerId, ct)) return Uitkomst<int>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (invoer.Onderdeel is null) fouten.Voeg(nameof(ContractInvoer.Onderdeel), "Kies het onderdeel van het contract.");
        if (invoer.Van is null) fouten.Voeg(nameof(ContractInvoer.Van), "Vul de begindatum van het contract in.");
        if (invoer.Van is { } van && invoer.Tot is { } tot && tot < van) fouten.Voeg(nameof(ContractInvoer.Tot), "De einddatum ligt vóór de begindatum.");
        if (invoer.Tariefsoort is null) fouten.Voeg(nameof(ContractInvoer.Tariefsoort), "Kies of de prijs per traject of per uur is.");
        if (invoer.Prijs is not { } prijs || prijs <= 0 || prijs > 1_000_000) fouten.Voeg(nameof(ContractInvoer.Prijs), "Vul een prijs in euro's in, meer dan 0 en hoogstens 1000000.");
        else if (decimal.Round(prijs, 2) != prijs) fouten.Voeg(nameof(ContractInvoer.Prijs), "Vul de prijs in hele centen in.");
        if (invoer.Kenmerk?.Trim().Length > 100) fouten.Voeg(nameof(ContractInvoer.Kenmerk), "Het kenmerk is te lang (hoogstens 100 tekens).");
        if (invoer.Volume is < 1 or > 100_000) fouten.Voeg(nameof(ContractInvoer.Volume), "Het volume is een aantal plaatsen van 1 tot en met 100000; laat leeg als er geen volume is afgesproken.");
        if (fouten.Count > 0) return Uitkomst<int>.Geweigerd(fouten);

        var contract = new Partnercontract
        {
            PartnerorganisatieId = partnerId, Onderdeel = invoer.Onderdeel!.Value, Leerroute = invoer.Leerroute, Van = invoer.Van!.Value, Tot = invoer.Tot,
            Tariefsoort = invoer.Tariefsoort!.Value, Prijs = invoer.Prijs!.Value, Kenmerk = Schoon(invoer.Kenmerk), Volume = invoer.Volume,
        };
        db.Partnercontracten.Add(contract);
        await db.SaveChangesAsync(ct);
        return Uitkomst<int>.Ok(contract.Id);
    }

    public async Task<bool> ContractVerwijderenAsync(int partnerId, int contractId, CancellationToken ct)
    {
        if (!await (await BinnenBereikAsync(ct)).AnyAsync(p => p.Id == partnerId, ct)) return false;
        var contract = await db.Partnercontracten.FirstOrDefaultAsync(c => c.Id == contractId && c.PartnerorganisatieId == partnerId, ct);
        if (contract is null) return false;
        db.Partnercontracten.Remove(contract);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Waiting lists of all partners within reach (or one), computed on today's date.</summary>
    public async Task<IReadOnlyList<WachtlijstDto>> WachtlijstenAsync(int? alleen, CancellationToken ct)
    {
        var partners = await (await BinnenBereikAsync(ct)).AsNoTracking().Include(p => p.Regio)
            .Where(p => alleen == null || p.Id == alleen).OrderBy(p => p.Naam).ToListAsync(ct);
        var ids = partners.Select(p => p.Id).ToList();
        var verwijzingen = await db.Verwijzingen.AsNoTracking()
            .Where(v => ids.Contains(v.PartnerorganisatieId) && (v.Status == Verwijzingsstatus.Aangemeld || v.Status == Verwijzingsstatus.Geaccepteerd))
            .ToListAsync(ct);
        return partners.Select(p => Wachtlijst(p, verwijzingen.Where(v => v.PartnerorganisatieId == p.Id), klok.Vandaag)).ToList();
    }

    public static WachtlijstDto Wachtlijst(Partnerorganisatie p, IEnumerable<Verwijzing> verwijzingen, DateOnly vandaag)
    {
        var lijst = verwijzingen.ToList();
        var wachtend = lijst.Where(v => v.WachtOp(vandaag)).Select(v => v.Wachtdagen(vandaag)!.Value).OrderBy(d => d).ToList();
        var lopend = lijst.Count(v => v.LooptOp(vandaag));
        int? bezetting = p.Capaciteit is > 0 ? (int)Math.Round(100.0 * lopend / p.Capaciteit.Value) : null;
        return new WachtlijstDto(p.Id, p.Naam, p.Soort, p.Regio?.Naam ?? string.Empty, wachtend.Count, Mediaan(wachtend),
            wachtend.Count == 0 ? null : wachtend[^1], lopend, p.Capaciteit, bezetting);
    }

    /// <summary>The median of sorted whole days; for an even count the lower-rounded mean of the middle two.</summary>
    public static int? Mediaan(IReadOnlyList<int> gesorteerd)
    {
        if (gesorteerd.Count == 0) return null;
        var m = gesorteerd.Count / 2;
        return gesorteerd.Count % 2 == 1 ? gesorteerd[m] : (gesorteerd[m - 1] + gesorteerd[m]) / 2;
    }
}

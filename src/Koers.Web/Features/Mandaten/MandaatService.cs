using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Besluiten;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Mandaten;

public sealed record MandaatRegel(Besluitsoort Soort, string Omschrijving, string? Naam, string? Functie, DateTime? GewijzigdOp, string? GewijzigdDoor)
{
    public bool Ontbreekt => string.IsNullOrWhiteSpace(Naam);
}

public sealed class MandaatRegelInvoer
{
    public Besluitsoort? Soort { get; set; }
    public string? Naam { get; set; }
    public string? Functie { get; set; }
}

public sealed class MandaatInvoer
{
    public List<MandaatRegelInvoer> Regels { get; set; } = [];
}

/// <summary>
/// The mandate register per municipality (functioneel beheer): for each kind of decision letter, the official who signs
/// on behalf of the college (Awb 10:10). Letters read it when they are made; every change is audited.
/// </summary>
public sealed class MandaatService(KoersDbContext db, Kern.Toegang toegang, Auditlog audit)
{
    public const int MaxLengte = 200;

    public Task<List<Gemeente>> GemeentenAsync(CancellationToken ct = default) => toegang.GemeentenInBereikAsync(ct);

    /// <summary>The register of a municipality in reach: one row per decision kind, empty where no one is mandated.</summary>
    public async Task<(Gemeente Gemeente, IReadOnlyList<MandaatRegel> Regels)?> RegisterAsync(string? gemeenteCode, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(gemeenteCode)) return null;
        var code = gemeenteCode.Trim().ToUpperInvariant();
        var gemeente = await db.Gemeenten.AsNoTracking().FirstOrDefaultAsync(g => g.Code == code, ct);
        if (gemeente is null || !(await toegang.BereikAsync(ct)).Gemeenten.Contains(gemeente.Id)) return null;
        var mandaten = await db.Set<Mandaat>().AsNoTracking().Where(m => m.GemeenteId == gemeente.Id).ToListAsync(ct);
        var regels = Enum.GetValues<Besluitsoort>().Select(s => mandaten.FirstOrDefault(m => m.Besluitsoort == s) is { } m
            ? new MandaatRegel(s, s.Omschrijving(), m.Naam, m.Functie, m.GewijzigdOp, m.GewijzigdDoor)
            : new MandaatRegel(s, s.Omschrijving(), null, null, null, null)).ToList();
        return (gemeente, regels);
    }

    /// <summary>Saves the rows given; a row with name and function both empty removes the mandate for that kind.</summary>
    public async Task<Uitkomst<string>> OpslaanAsync(string gemeenteCode, MandaatInvoer invoer, CancellationToken ct = default)
    {
        var gevonden = await RegisterAsync(gemeenteCode, ct);
        if (gevonden is null) return Uitkomst<string>.Onbekend();
        var gemeente = gevonden.Value.Gemeente;
        var fouten = Veldfouten.Nieuw();
        var regels = invoer.Regels ?? [];
        for (var i = 0; i < regels.Count; i++)
        {
            var r = regels[i];
            var naam = r.Naam?.Trim() ?? string.Empty;
            var functie = r.Functie?.Trim() ?? string.Empty;
            if (r.Soort is not { } soort || !Enum.IsDefined(soort)) fouten.Voeg($"Regels[{i}].Soort", "Onbekende soort besluit.");
            else if (regels.Take(i).Any(e => e.Soort == soort)) fouten.Voeg($"Regels[{i}].Soort", $"{soort.Omschrijving()} staat twee keer in de invoer.");
            if (naam.Length > 0 && functie.Length == 0) fouten.Voeg($"Regels[{i}].Functie", "Vul ook de functie van de ondertekenaar in (bijvoorbeeld: teamleider Inburgering).");
            if (functie.Length > 0 && naam.Length == 0) fouten.Voeg($"Regels[{i}].Naam", "Vul ook de naam van de ondertekenaar in.");
            if (naam.Length > MaxLengte) fouten.Voeg($"Regels[{i}].Naam", $"De naam is hoogstens {MaxLengte} tekens.");
            if (functie.Length > MaxLengte) fouten.Voeg($"Regels[{i}].Functie", $"De functie is hoogstens {MaxLengte} tekens.");
        }

        if (fouten.Count > 0) return Uitkomst<string>.Geweigerd(fouten);

        var bestaand = await db.Set<Mandaat>().Where(m => m.GemeenteId == gemeente.Id).ToListAsync(ct);
        foreach (var r in regels)
        {
            var soort = r.Soort!.Value;
            var naam = r.Naam?.Trim() ?? string.Empty;
            var functie = r.Functie?.Trim() ?? string.Empty;
            var m = bestaand.FirstOrDefault(x => x.Besluitsoort == soort);
            string? wijziging = null;
            if (naam.Length == 0)
            {
                if (m is null) continue;
                db.Remove(m);
                wijziging = $"{soort.Omschrijving()}: mandaat van {m.Naam} ({m.Functie}) verwijderd";
            }
            else if (m is null)
            {
                db.Add(new Mandaat { GemeenteId = gemeente.Id, Besluitsoort = soort, Naam = naam, Functie = functie });
                wijziging = $"{soort.Omschrijving()}: {naam} ({functie})";
            }
            else if (m.Naam != naam || m.Functie != functie)
            {
                wijziging = $"{soort.Omschrijving()}: {m.Naam} ({m.Functie}) → {naam} ({functie})";
                (m.Naam, m.Functie) = (naam, functie);
            }

            if (wijziging is not null)
            {
                audit.Schrijf(AuditActie.Wijzigen, null, $"Mandaatregister gemeente {gemeente.Naam}: {wijziging}", AuditObject.Van<Gemeente>(gemeente.Code));
            }
        }

        await db.SaveChangesAsync(ct);
        return Uitkomst<string>.Ok(gemeente.Code);
    }

    /// <summary>Who signs a letter of this kind for this municipality now; the college itself when no one is mandated.</summary>
    public static async Task<Ondertekening> OndertekeningAsync(KoersDbContext db, Gemeente gemeente, Besluitsoort soort, CancellationToken ct = default)
    {
        var m = await db.Set<Mandaat>().AsNoTracking().FirstOrDefaultAsync(x => x.GemeenteId == gemeente.Id && x.Besluitsoort == soort, ct);
        return new Ondertekening(gemeente.Naam, m?.Naam, m?.Functie);
    }
}

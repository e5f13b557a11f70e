using System.ComponentModel;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Netwerk;
using Koers.Web.Features.Audit;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Netwerk;

public sealed class KaartitemInvoer
{
    [Description("Naam van het taalcafé, de vereniging, bibliotheek, … (verplicht, hoogstens 200 tekens).")] public string? Naam { get; set; }
    public Kaartsoort? Soort { get; set; }
    public string? Adres { get; set; }
    public string? Plaats { get; set; }
    [Description("Contactpersoon, telefoon of e-mail van de plek.")] public string? Contact { get; set; }
    [Description("Talen die er gesproken worden, met komma's.")] public string? Talen { get; set; }
    public string? Notities { get; set; }
    public bool Actief { get; set; } = true;
}

public sealed class KoppelingInvoer
{
    public int? KaartitemId { get; set; }
    public DateOnly? Datum { get; set; }
    public Koppelstatus? Status { get; set; }
    [Description("Toelichting (hoogstens 1000 tekens).")] public string? Toelichting { get; set; }
}

/// <summary>A municipality's sociale kaart as its staff see it.</summary>
public sealed record SocialeKaart(Gemeente Gemeente, IReadOnlyList<Kaartitem> Items, bool MagWijzigen);

/// <summary>
/// The sociale kaart per municipality (taalcafé, verenigingen, bibliotheek, vrijwilligerswerk, taalmaatjes) and the
/// entries a klantregisseur links to a person. Practice asks for it: "een activiteitenaanbod per gemeente" with the
/// library's taalcafé and the verenigingen (000:L528-538, vervolgactie 6 in seed-000-002-003-practice.md §6.1), and the
/// inburgeringsmap hands the person a sociale kaart (000:L353-357). The kaart itself holds no personal data; a link does,
/// and is read and written only through <see cref="Kern.Toegang"/> with an audit row.
/// </summary>
public sealed class SocialeKaartService(KoersDbContext db, Klok klok, Kern.Toegang toegang, DossierService dossiers, Auditlog audit)
{
    public static string Omschrijving(Kaartsoort s) => s switch
    {
        Kaartsoort.Taalcafe => "Taalcafé",
        Kaartsoort.Vereniging => "Vereniging",
        Kaartsoort.Bibliotheek => "Bibliotheek",
        Kaartsoort.Vrijwilligerswerk => "Vrijwilligerswerk",
        Kaartsoort.Taalmaatje => "Taalmaatje",
        _ => "Anders",
    };

    public static string Omschrijving(Koppelstatus s) => s switch
    {
        Koppelstatus.Voorgesteld => "Voorgesteld",
        Koppelstatus.Gestart => "Gestart",
        _ => "Gestopt",
    };

    private static bool MagLezen(Kern.Bereik b) => b.WerktMetDossiers || b.Heeft(Rollen.FunctioneelBeheerder);

    private static bool MagBeheren(Kern.Bereik b) => b.Heeft(Rollen.Klantregisseur) || b.Heeft(Rollen.FunctioneelBeheerder);

    /// <summary>The municipalities whose kaart the user may see.</summary>
    public async Task<List<Gemeente>> GemeentenAsync(CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (!MagLezen(bereik)) return [];
        var ids = bereik.Gemeenten.ToList();
        return await db.Gemeenten.AsNoTracking().Where(g => ids.Contains(g.Id)).OrderBy(g => g.Naam).ToListAsync(ct);
    }

    private async Task<Gemeente?> GemeenteAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var c = code.Trim().ToUpperInvariant();
        var bereik = await toegang.BereikAsync(ct);
        if (!MagLezen(bereik)) return null;
        var g = await db.Gemeenten.AsNoTracking().FirstOrDefaultAsync(x => x.Code == c, ct);
        return g is not null && bereik.Gemeenten.Contains(g.Id) ? g : null;
    }

    /// <summary>The kaart of a municipality within reach, or null (404).</summary>
    public async Task<SocialeKaart?> KaartAsync(string? gemeenteCode, CancellationToken ct = default)
    {
        var g = await GemeenteAsync(gemeenteCode, ct);
        if (g is null) return null;
        var items = await db.Set<Kaartitem>().AsNoTracking().Where(i => i.GemeenteId == g.Id).OrderBy(i => i.Soort).ThenBy(i => i.Naam).ToListAsync(ct);
        return new SocialeKaart(g, items, MagBeheren(await toegang.BereikAsync(ct)));
    }

    /// <summary>Adds an entry (<paramref name="id"/> null) or changes one of this municipality's kaart.</summary>
    public async Task<Uitkomst<int>> OpslaanAsync(string? gemeenteCode, int? id, KaartitemInvoer invoer, CancellationToken ct = default)
    {
        var g = await GemeenteAsync(gemeenteCode, ct);
        if (g is null || !MagBeheren(await toegang.BereikAsync(ct))) return Uitkomst<int>.Onbekend();
        Kaartitem? item = null;
        if (id is { } bestaand)
        {
            item = await db.Set<Kaartitem>().FirstOrDefaultAsync(i => i.Id == bestaand && i.GemeenteId == g.Id, ct);
            if (item is null) return Uitkomst<int>.Onbekend();
        }

        var naam = invoer.Naam?.Trim() ?? string.Empty;
        var fouten = Veldfouten.Nieuw();
        if (naam.Length == 0) fouten.Voeg(nameof(invoer.Naam), "Vul de naam in.");
        else if (naam.Length > 200) fouten.Voeg(nameof(invoer.Naam), "De naam mag hoogstens 200 tekens zijn.");
        else if (await db.Set<Kaartitem>().AnyAsync(i => i.GemeenteId == g.Id && i.Naam == naam && i.Id != (id ?? 0), ct))
            fouten.Voeg(nameof(invoer.Naam), $"'{naam}' staat al op de sociale kaart van {g.Naam}.");
        if (invoer.Soort is not { } soort || !Enum.IsDefined(soort)) fouten.Voeg(nameof(invoer.Soort), "Kies de soort: taalcafé, vereniging, bibliotheek, vrijwilligerswerk, taalmaatje of anders.");
        Lengte(fouten, nameof(invoer.Adres), invoer.Adres, 300, "Het adres");
        Lengte(fouten, nameof(invoer.Plaats), invoer.Plaats, 100, "De plaats");
        Lengte(fouten, nameof(invoer.Contact), invoer.Contact, 300, "Het contact");
        Lengte(fouten, nameof(invoer.Talen), invoer.Talen, 300, "De talen");
        Lengte(fouten, nameof(invoer.Notities), invoer.Notities, 2000, "De notities");
        if (fouten.Count > 0) return Uitkomst<int>.Geweigerd(fouten);

        if (item is null)
        {
            item = new Kaartitem { GemeenteId = g.Id, Naam = naam };
            db.Add(item);
        }

        item.Naam = naam;
        item.Soort = invoer.Soort!.Value;
        item.Adres = Leeg(invoer.Adres);
        item.Plaats = Leeg(invoer.Plaats);
        item.Contact = Leeg(invoer.Contact);
        item.Talen = string.Join(", ", (invoer.Talen ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        item.Notities = Leeg(invoer.Notities);
        item.Actief = invoer.Actief;
        audit.Schrijf(AuditActie.Wijzigen, null, $"Sociale kaart gemeente {g.Naam}: '{naam}' {(id is null ? "toegevoegd" : "gewijzigd")}{(invoer.Actief ? "" : " (niet actief)")}");
        await db.SaveChangesAsync(ct);
        return Uitkomst<int>.Ok(item.Id);
    }

    private static void Lengte(Dictionary<string, string[]> fouten, string veld, string? waarde, int max, string wat)
    {
        if (waarde?.Trim().Length > max) fouten.Voeg(veld, $"{wat} mag hoogstens {max} tekens zijn.");
    }

    private static string? Leeg(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    // ---- links to a person ----------------------------------------------------------------------------------------

    /// <summary>The entries linked to a case within reach (null: 404); the read is audited.</summary>
    public async Task<IReadOnlyList<Kaartkoppeling>?> KoppelingenAsync(Guid dossierId, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers || !await toegang.MagDossierAsync(dossierId, ct)) return null;
        if (audit.KanMeelezen)
        {
            // PostgreSQL: the read writes its own audit row (access was checked above), no round trip of its own.
            using var mee = await audit.MeelezenAsync(AuditActie.Inzien, dossierId, KoppelingenGelezen, alleenAlsDossierIn: null, ct);
            var gelezen = await Koppelingen.ToListAsync(db, dossierId, ct);
            mee.Bevestig();
            return gelezen;
        }

        var lijst = await Koppelingen.ToListAsync(db, dossierId, ct);
        audit.Inzien(dossierId, KoppelingenGelezen);
        await audit.BewaarLezingAsync(ct);
        return lijst;
    }

    private const string KoppelingenGelezen = "Sociale kaart: koppelingen van de inburgeraar bekeken";

    // A case's linked entries, newest first: on every case page and in the portal (compiled, Koers.Data.Gecompileerd).
    // Tagged: on the case page the read carries its own audit row (KoppelingenAsync).
    private static readonly Gecompileerd.Lijst<Guid, Kaartkoppeling> Koppelingen = Gecompileerd.Rijen((KoersDbContext db, Guid id) =>
        db.Set<Kaartkoppeling>().TagWith(Auditlog.MeeTag).AsNoTracking().Include(k => k.Kaartitem).Where(k => k.InburgeraarId == id).OrderByDescending(k => k.Datum));

    /// <summary>The active entries of the case's municipality, to choose from when linking (null: case out of reach).</summary>
    public async Task<IReadOnlyList<Kaartitem>?> KeuzesAsync(Guid dossierId, CancellationToken ct = default)
    {
        var gemeente = await (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct)).Where(i => i.Id == dossierId).Select(i => (int?)i.GemeenteId).FirstOrDefaultAsync(ct);
        if (gemeente is null) return null;
        return await db.Set<Kaartitem>().AsNoTracking().Where(i => i.GemeenteId == gemeente && i.Actief).OrderBy(i => i.Naam).ToListAsync(ct);
    }

    /// <summary>The klantregisseur links an active entry of the case's own municipality to the person.</summary>
    public async Task<Uitkomst<Guid>> KoppelAsync(Guid dossierId, KoppelingInvoer invoer, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return Uitkomst<Guid>.Onbekend();
        var dossier = await dossiers.LaadVoorWijzigingAsync(dossierId, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        var item = invoer.KaartitemId is { } kid
            ? await db.Set<Kaartitem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == kid && i.GemeenteId == dossier.GemeenteId, ct)
            : null;
        if (invoer.KaartitemId is null) fouten.Voeg(nameof(invoer.KaartitemId), "Kies een plek van de sociale kaart.");
        else if (item is null) fouten.Voeg(nameof(invoer.KaartitemId), $"Deze plek staat niet op de sociale kaart van {dossier.Gemeente!.Naam}.");
        else if (!item.Actief) fouten.Voeg(nameof(invoer.KaartitemId), $"'{item.Naam}' is niet meer actief op de sociale kaart.");
        else if (await db.Set<Kaartkoppeling>().AnyAsync(k => k.InburgeraarId == dossierId && k.KaartitemId == item.Id && k.Status != Koppelstatus.Gestopt, ct))
            fouten.Voeg(nameof(invoer.KaartitemId), $"'{item.Naam}' is al gekoppeld aan deze inburgeraar.");
        if (invoer.Datum is not { } datum) fouten.Voeg(nameof(invoer.Datum), "Vul de datum in.");
        else if (datum > klok.Vandaag.AddYears(1) || datum < klok.Vandaag.AddYears(-5)) fouten.Voeg(nameof(invoer.Datum), "Vul een datum in die niet ver in het verleden of de toekomst ligt.");
        if (invoer.Status is { } s && !Enum.IsDefined(s)) fouten.Voeg(nameof(invoer.Status), "Kies voorgesteld, gestart of gestopt.");
        Lengte(fouten, nameof(invoer.Toelichting), invoer.Toelichting, 1000, "De toelichting");
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var koppeling = new Kaartkoppeling
        {
            Id = Guid.NewGuid(), InburgeraarId = dossierId, KaartitemId = item!.Id, Datum = invoer.Datum!.Value,
            Status = invoer.Status ?? Koppelstatus.Voorgesteld, Toelichting = Leeg(invoer.Toelichting),
        };
        db.Add(koppeling);
        audit.Aanmaken(dossierId, $"Sociale kaart: '{item.Naam}' gekoppeld ({Omschrijving(koppeling.Status).ToLowerInvariant()})", AuditObject.Van<Kaartkoppeling>(koppeling.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(koppeling.Id);
    }

    /// <summary>A link moves on: voorgesteld → gestart → gestopt (or straight to gestopt). Going back is refused.</summary>
    public async Task<Uitkomst<Guid>> StatusAsync(Guid dossierId, Guid koppelingId, Koppelstatus? status, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers || !await toegang.MagDossierAsync(dossierId, ct)) return Uitkomst<Guid>.Onbekend();
        var k = await db.Set<Kaartkoppeling>().Include(x => x.Kaartitem).FirstOrDefaultAsync(x => x.Id == koppelingId && x.InburgeraarId == dossierId, ct);
        if (k is null) return Uitkomst<Guid>.Onbekend();
        if (status is not { } nieuw || !Enum.IsDefined(nieuw)) return Uitkomst<Guid>.Geweigerd(Veldfouten.Nieuw().Voeg("Status", "Kies gestart of gestopt."));
        if (nieuw <= k.Status) return Uitkomst<Guid>.Geweigerd(Veldfouten.Nieuw().Voeg("Status", $"De koppeling staat al op '{Omschrijving(k.Status).ToLowerInvariant()}'."));
        k.Status = nieuw;
        audit.Wijzigen(dossierId, $"Sociale kaart: '{k.Kaartitem!.Naam}' {Omschrijving(nieuw).ToLowerInvariant()}", AuditObject.Van<Kaartkoppeling>(k.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(k.Id);
    }

    /// <summary>The inburgeraar's own linked entries, for the portal (null without an own case).</summary>
    public async Task<IReadOnlyList<Kaartkoppeling>?> EigenAsync(CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (bereik.EigenDossier is not { } id || !bereik.Heeft(Rollen.Inburgeraar) || !await toegang.MagDossierAsync(id, ct)) return null;
        // The stopped ones left out here: a case has a handful of links, so one compiled query serves both readers.
        var lijst = (await Koppelingen.ToListAsync(db, id, ct)).Where(k => k.Status != Koppelstatus.Gestopt).ToList();
        audit.Inzien(id, "Portaal: sociale kaart bekeken");
        await db.SaveChangesAsync(ct);
        return lijst;
    }
}

using System.ComponentModel;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Machtigingen;

public sealed class MachtigingInvoer
{
    public int? PartnerorganisatieId { get; set; }
    [Description("De gegevenscategorieën waarvoor de inburgeraar tekende.")] public List<Gegevenscategorie> Categorieen { get; set; } = [];
    public DateOnly? Van { get; set; }
    [Description("Laatste dag van de machtiging; leeg: tot intrekking.")] public DateOnly? Tot { get; set; }
    [Description("Hoe de inburgeraar tekende, bijvoorbeeld 'Ondertekend formulier'.")] public string? Vorm { get; set; }
    [Description("Verplicht als gezondheidsgegevens naar een taalaanbieder gaan: de inburgeraar tekende daar uitdrukkelijk voor.")]
    public bool GezondheidUitdrukkelijk { get; set; }
}

public sealed class IntrekkingInvoer
{
    public string? Reden { get; set; }
}

public sealed record MachtigingDto(Guid Id, int PartnerorganisatieId, string Partner, Partnersoort Soort, IReadOnlyList<Gegevenscategorie> Categorieen,
    DateOnly Van, DateOnly? Tot, string Vorm, DateTime VastgelegdOp, string VastgelegdDoor, DateTime? IngetrokkenOp, string? IngetrokkenDoor,
    string? RedenIntrekking, bool Actief);

/// <summary>
/// The inburgeraar's consents to chain partners: registered by the klantregisseur from the signed form, withdrawn by
/// the klantregisseur or by the inburgeraar in the portal. Withdrawal ends the partner's access at once (Toegang reads
/// the consent on every request); the record stays for the history. Every change is audited.
/// </summary>
public sealed class MachtigingService(KoersDbContext db, Toegang toegang, DossierService dossiers, Klok klok)
{
    public static readonly Gegevenscategorie[] Categorieen =
    [
        Gegevenscategorie.Basisgegevens, Gegevenscategorie.Leerroute, Gegevenscategorie.Voortgang, Gegevenscategorie.Gezondheid,
        Gegevenscategorie.Financien, Gegevenscategorie.WerkEnParticipatie, Gegevenscategorie.Gezin,
    ];

    public static string Naam(Gegevenscategorie c) => c switch
    {
        Gegevenscategorie.Basisgegevens => "Basisgegevens",
        Gegevenscategorie.Leerroute => "Leerroute en plan",
        Gegevenscategorie.Voortgang => "Voortgang",
        Gegevenscategorie.Gezondheid => "Gezondheid",
        Gegevenscategorie.Financien => "Financiën",
        Gegevenscategorie.WerkEnParticipatie => "Werk en participatie",
        Gegevenscategorie.Gezin => "Gezin",
        _ => c.ToString(),
    };

    /// <summary>What the partner gets to see, in plain words for the klantregisseur and the inburgeraar.</summary>
    public static string Uitleg(Gegevenscategorie c) => c switch
    {
        Gegevenscategorie.Basisgegevens => "Naam, geboortedatum, telefoon, e-mail, adres en talen. Nodig voor elke aanmelding.",
        Gegevenscategorie.Leerroute => "De leerroute uit het plan (PIP): niveaus, onderdelen en het aantal uren.",
        Gegevenscategorie.Voortgang => "Aanwezigheid, uren, voortgang per vaardigheid en examenuitslagen.",
        Gegevenscategorie.Gezondheid => "Lichamelijke en psychische gezondheid uit de brede intake, en de verwijzingen naar zorg (alleen soort en status).",
        Gegevenscategorie.Financien => "Inkomen, vaste lasten, schulden en financieel ontzorgen.",
        Gegevenscategorie.WerkEnParticipatie => "Opleiding, werkervaring en participatie uit de brede intake, lopende plaatsingen, de treden op de participatieladder en de ingevulde participatiemetingen (datum en het aantal beantwoorde vragen per domein, niet de antwoorden).",
        Gegevenscategorie.Gezin => "Gezinsleden en kinderopvang.",
        _ => string.Empty,
    };

    public static IReadOnlyList<Gegevenscategorie> Lijst(Gegevenscategorie flags) => Categorieen.Where(c => flags.HasFlag(c)).ToList();

    public async Task<IReadOnlyList<MachtigingDto>?> LijstAsync(Guid id, CancellationToken ct)
    {
        if (!await toegang.MagDossierAsync(id, ct)) return null;
        var vandaag = klok.Vandaag;
        var rijen = await db.Machtigingen.AsNoTracking().Include(m => m.Partnerorganisatie).Where(m => m.InburgeraarId == id).ToListAsync(ct);
        return rijen.OrderByDescending(m => m.IsActiefOp(vandaag)).ThenByDescending(m => m.VastgelegdOp)
            .Select(m => Dto(m, vandaag)).ToList();
    }

    public static MachtigingDto Dto(Machtiging m, DateOnly vandaag) =>
        new(m.Id, m.PartnerorganisatieId, m.Partnerorganisatie?.Naam ?? string.Empty, m.Partnerorganisatie?.Soort ?? default, Lijst(m.Categorieen), m.Van, m.Tot,
            m.Vorm, m.VastgelegdOp, m.VastgelegdDoor, m.IngetrokkenOp, m.IngetrokkenDoor, m.RedenIntrekking, m.IsActiefOp(vandaag));

    /// <summary>Active partners of the case's region, the only ones a consent can be given to.</summary>
    public async Task<IReadOnlyList<Partnerorganisatie>> PartnersVoorAsync(Guid id, CancellationToken ct)
    {
        var regio = await db.Inburgeraars.AsNoTracking().Where(i => i.Id == id).Select(i => (int?)i.Gemeente!.RegioId).FirstOrDefaultAsync(ct);
        return await db.Partnerorganisaties.AsNoTracking().Where(p => p.RegioId == regio && p.Actief).OrderBy(p => p.Naam).ToListAsync(ct);
    }

    public async Task<Uitkomst<Guid>> RegistreerAsync(Guid id, MachtigingInvoer invoer, CancellationToken ct)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers || !await toegang.MagDossierAsync(id, ct)) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        var partners = await PartnersVoorAsync(id, ct);
        var partner = partners.FirstOrDefault(p => p.Id == invoer.PartnerorganisatieId);
        if (invoer.PartnerorganisatieId is null) fouten.Voeg(nameof(MachtigingInvoer.PartnerorganisatieId), "Kies de ketenpartner.");
        else if (partner is null) fouten.Voeg(nameof(MachtigingInvoer.PartnerorganisatieId), "Deze ketenpartner werkt niet (meer) voor de regio van deze inburgeraar.");
        var categorieen = (invoer.Categorieen ?? []).Aggregate(Gegevenscategorie.Geen, (a, c) => a | c);
        if (categorieen == Gegevenscategorie.Geen) fouten.Voeg(nameof(MachtigingInvoer.Categorieen), "Kies ten minste één soort gegevens waarvoor de inburgeraar tekende.");
        if (partner?.Soort == Partnersoort.Taalaanbieder && categorieen.HasFlag(Gegevenscategorie.Gezondheid) && !invoer.GezondheidUitdrukkelijk)
        {
            fouten.Voeg(nameof(MachtigingInvoer.GezondheidUitdrukkelijk),
                "U geeft gezondheidsgegevens aan een taalaanbieder. Dat mag alleen als de inburgeraar daar uitdrukkelijk voor tekende: vink dat aan, of haal het vinkje bij Gezondheid weg.");
        }

        if (invoer.Van is null) fouten.Voeg(nameof(MachtigingInvoer.Van), "Vul de ingangsdatum van de machtiging in.");
        if (invoer.Van is { } van && invoer.Tot is { } tot && tot < van) fouten.Voeg(nameof(MachtigingInvoer.Tot), "De einddatum ligt vóór de ingangsdatum.");
        var vorm = invoer.Vorm?.Trim();
        if (string.IsNullOrEmpty(vorm)) fouten.Voeg(nameof(MachtigingInvoer.Vorm), "Vul in hoe de inburgeraar tekende, bijvoorbeeld ‘Ondertekend formulier’.");
        else if (vorm.Length > 200) fouten.Voeg(nameof(MachtigingInvoer.Vorm), "Te lang (hoogstens 200 tekens).");
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var bereik = await toegang.BereikAsync(ct);
        var m = new Machtiging
        {
            Id = Guid.NewGuid(), InburgeraarId = id, PartnerorganisatieId = partner!.Id, Categorieen = categorieen, Van = invoer.Van!.Value, Tot = invoer.Tot,
            Vorm = vorm!, VastgelegdOp = klok.NuUtc, VastgelegdDoor = bereik.Naam,
        };
        db.Machtigingen.Add(m);
        dossiers.Audit(AuditActie.Wijzigen, id,
            $"Machtiging vastgelegd voor {partner.Naam}: {string.Join(", ", Lijst(categorieen).Select(Naam))} vanaf {invoer.Van:yyyy-MM-dd}" +
            (invoer.Tot is { } t2 ? $" tot en met {t2:yyyy-MM-dd}" : string.Empty));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(m.Id);
    }

    /// <summary>
    /// Withdraws a consent at once. Staff may withdraw any consent of a case within reach; an inburgeraar only their own
    /// (Toegang gives them just their own file).
    /// </summary>
    public async Task<Uitkomst<Guid>> IntrekkenAsync(Guid id, Guid machtigingId, string? reden, CancellationToken ct)
    {
        if (!await toegang.MagDossierAsync(id, ct)) return Uitkomst<Guid>.Onbekend();
        var m = await db.Machtigingen.Include(x => x.Partnerorganisatie).FirstOrDefaultAsync(x => x.Id == machtigingId && x.InburgeraarId == id, ct);
        if (m is null) return Uitkomst<Guid>.Onbekend();
        if (m.IngetrokkenOp is not null)
        {
            return Uitkomst<Guid>.Geweigerd(new() { ["Machtiging"] = ["Deze machtiging is al ingetrokken."] });
        }

        if (reden?.Trim().Length > 1000) return Uitkomst<Guid>.Geweigerd(new() { ["Reden"] = ["De reden is te lang (hoogstens 1000 tekens)."] });
        var bereik = await toegang.BereikAsync(ct);
        m.IngetrokkenOp = klok.NuUtc;
        m.IngetrokkenDoor = bereik.Naam;
        m.RedenIntrekking = string.IsNullOrWhiteSpace(reden) ? null : reden.Trim();
        var door = bereik.Heeft(Rollen.Inburgeraar) && !bereik.WerktMetDossiers ? "door de inburgeraar in het portaal" : "door de gemeente";
        dossiers.Audit(AuditActie.Wijzigen, id, $"Machtiging voor {m.Partnerorganisatie?.Naam} ingetrokken {door}");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(m.Id);
    }
}

using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Besluiten;
using Koers.Domain.Handhaving;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Dossier;
using Koers.Web.Features.Handhaving;
using Koers.Web.Features.Pip;
using Koers.Web.Features.Pip.Beschikking;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Brieven;

/// <summary>A kind of letter as the beheerder sees it in the overview.</summary>
public sealed record SjabloonStand(Briefsoort Soort, string Omschrijving, int Versie, DateTime? OpgeslagenOp, string? OpgeslagenDoor);

/// <summary>One version in the history of a template; version 0 is Koers's standard text.</summary>
public sealed record SjabloonVersieInfo(int Versie, string Tekst, string? Toelichting, DateTime? OpgeslagenOp, string? OpgeslagenDoor);

/// <summary>What the beheerder asks to save.</summary>
public sealed class SjabloonInvoer
{
    public string? Tekst { get; set; }
    public string? Toelichting { get; set; }
}

/// <summary>
/// Letter templates per municipality (functioneel beheer): the text around the parts Koers writes, checked by
/// <see cref="Briefsjabloon.Lees"/> so the legal parts cannot be edited away, saved as a new version each time (never
/// overwritten), previewed as the real PDF before saving, and read by the PIP and handhaving letters when they are
/// made, which record the version they used. Every save is audited.
/// </summary>
public sealed class BriefsjabloonService(KoersDbContext db, Klok klok, HuidigeGebruiker gebruiker, Kern.Toegang toegang, Auditlog audit,
    IEnumerable<IBriefvoorbeeld> voorbeelden)
{
    public const int MaxToelichting = 500;

    public Task<List<Gemeente>> GemeentenAsync(CancellationToken ct = default) => toegang.GemeentenInBereikAsync(ct);

    /// <summary>A municipality in the beheerder's reach by its code; null otherwise (the caller answers 404).</summary>
    public async Task<Gemeente?> GemeenteAsync(string? code, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var c = code.Trim().ToUpperInvariant();
        var gemeente = await db.Gemeenten.AsNoTracking().FirstOrDefaultAsync(g => g.Code == c, ct);
        return gemeente is not null && (await toegang.BereikAsync(ct)).Gemeenten.Contains(gemeente.Id) ? gemeente : null;
    }

    public async Task<IReadOnlyList<SjabloonStand>> OverzichtAsync(Gemeente gemeente, CancellationToken ct = default)
    {
        var laatste = (await db.Set<Briefsjabloonversie>().AsNoTracking().Where(v => v.GemeenteId == gemeente.Id).ToListAsync(ct))
            .GroupBy(v => v.Soort).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Versie)!);
        return Enum.GetValues<Briefsoort>().Select(s => laatste.TryGetValue(s, out var v)
            ? new SjabloonStand(s, s.Omschrijving(), v.Versie, v.OpgeslagenOp, v.OpgeslagenDoor)
            : new SjabloonStand(s, s.Omschrijving(), 0, null, null)).ToList();
    }

    /// <summary>Every version of one template, newest first, ending with Koers's standard text (version 0).</summary>
    public async Task<IReadOnlyList<SjabloonVersieInfo>> VersiesAsync(Gemeente gemeente, Briefsoort soort, CancellationToken ct = default)
    {
        var versies = (await db.Set<Briefsjabloonversie>().AsNoTracking().Where(v => v.GemeenteId == gemeente.Id && v.Soort == soort).ToListAsync(ct))
            .OrderByDescending(v => v.Versie)
            .Select(v => new SjabloonVersieInfo(v.Versie, v.Tekst, v.Toelichting, v.OpgeslagenOp, v.OpgeslagenDoor))
            .ToList();
        versies.Add(new SjabloonVersieInfo(0, Standaardbrieven.Tekst(soort), "Standaardtekst van Koers", null, null));
        return versies;
    }

    /// <summary>The text a new letter of this kind uses now, and its version (0: Koers's standard text).</summary>
    public static async Task<(int Versie, string Tekst)> HuidigAsync(KoersDbContext db, int gemeenteId, Briefsoort soort, CancellationToken ct = default)
    {
        var v = await db.Set<Briefsjabloonversie>().AsNoTracking()
            .Where(x => x.GemeenteId == gemeenteId && x.Soort == soort)
            .OrderByDescending(x => x.Versie).FirstOrDefaultAsync(ct);
        return v is null ? (0, Standaardbrieven.Tekst(soort)) : (v.Versie, v.Tekst);
    }

    /// <summary>Checks the text; the field errors name what is wrong. Nothing is changed.</summary>
    public static Dictionary<string, string[]> Controleer(Briefsoort soort, SjabloonInvoer invoer)
    {
        var fouten = Veldfouten.Nieuw();
        foreach (var f in Briefsjabloon.Lees(soort, invoer.Tekst).Fouten) fouten.Voeg(nameof(SjabloonInvoer.Tekst), f);
        if (invoer.Toelichting is { Length: > MaxToelichting } t)
            fouten.Voeg(nameof(SjabloonInvoer.Toelichting), Veldfouten.TeLang("De toelichting", MaxToelichting, t.Length));
        return fouten;
    }

    /// <summary>Saves the text as the next version; the letters made from now on use it.</summary>
    public async Task<Uitkomst<int>> OpslaanAsync(Gemeente gemeente, Briefsoort soort, SjabloonInvoer invoer, CancellationToken ct = default)
    {
        var fouten = Controleer(soort, invoer);
        if (fouten.Count > 0) return Uitkomst<int>.Geweigerd(fouten);
        var tekst = invoer.Tekst!.Replace("\r\n", "\n").Trim();
        var (huidigeVersie, huidigeTekst) = await HuidigAsync(db, gemeente.Id, soort, ct);
        if (huidigeTekst.Replace("\r\n", "\n").Trim() == tekst)
            return Uitkomst<int>.Geweigerd(Veldfouten.Nieuw().Voeg(nameof(SjabloonInvoer.Tekst),
                $"De tekst is gelijk aan de versie die nu geldt (versie {huidigeVersie}). Er is geen nieuwe versie opgeslagen."));

        var versie = huidigeVersie + 1;
        db.Add(new Briefsjabloonversie
        {
            GemeenteId = gemeente.Id, Soort = soort, Versie = versie, Tekst = tekst,
            Toelichting = string.IsNullOrWhiteSpace(invoer.Toelichting) ? null : invoer.Toelichting.Trim(),
            OpgeslagenOp = klok.NuUtc, OpgeslagenDoor = gebruiker.Naam,
        });
        audit.Schrijf(AuditActie.Wijzigen, null, $"Briefsjabloon gemeente {gemeente.Naam}: {soort.Omschrijving()} versie {versie} opgeslagen (was versie {huidigeVersie})", AuditObject.Van<Gemeente>(gemeente.Code));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another beheerder saved the same version number first (unique index): nothing of ours was stored.
            db.ChangeTracker.Clear();
            return Uitkomst<int>.Geweigerd(Veldfouten.Nieuw().Voeg(nameof(SjabloonInvoer.Tekst),
                "Iemand anders heeft zojuist een nieuwe versie van deze brief opgeslagen. Uw tekst staat hieronder nog; bekijk de nieuwe versie en sla daarna opnieuw op."));
        }

        return Uitkomst<int>.Ok(versie);
    }

    /// <summary>
    /// The letter as it would look with this text, for a made-up person (synthetic data only), on the municipality's
    /// own letterhead and with its own signatory. Refused with the same errors as saving.
    /// </summary>
    public async Task<Uitkomst<byte[]>> VoorbeeldAsync(Gemeente gemeente, Briefsoort soort, SjabloonInvoer invoer, CancellationToken ct = default)
    {
        var fouten = Controleer(soort, invoer);
        if (fouten.Count > 0) return Uitkomst<byte[]>.Geweigerd(fouten);
        // The feature that sends this kind of letter draws it with sample data (IBriefvoorbeeld, registered in its module).
        var voorbeeld = voorbeelden.Single(v => v.Soorten.Contains(soort));
        return Uitkomst<byte[]>.Ok(await voorbeeld.VoorbeeldAsync(gemeente, soort, invoer.Tekst!, klok.Vandaag, ct));
    }
}

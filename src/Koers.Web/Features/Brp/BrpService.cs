using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Brp;
using Koers.Domain.Dossier;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Brp;

/// <summary>What Koers has next to what the BRP says, for the klantregisseur to compare and confirm.</summary>
public sealed record BrpVergelijking(
    BrpPersoon Brp,
    string? KoersVoornamen,
    string? KoersAchternaam,
    DateOnly? KoersGeboortedatum,
    string? KoersAdres,
    string? KoersGemeente,
    DateOnly? KoersInschrijving,
    IReadOnlyList<string> KoersGezinsleden,
    bool AndereGemeente,
    string Versie);

/// <summary>The outcome of a lookup: the person, or a Dutch message why not (not found, BRP unreachable, not allowed).</summary>
public sealed record BrpUitkomst<T>(T? Waarde, string? Fout, bool NietToegestaan = false)
{
    public static BrpUitkomst<T> Ok(T waarde) => new(waarde, null);
    public static BrpUitkomst<T> Mislukt(string fout) => new(default, fout);
    public static BrpUitkomst<T> Geweigerd() => new(default, "U mag de BRP niet raadplegen voor dit dossier.", true);
}

/// <summary>The case's BRP page before any lookup: the person's name and the open signals of the daily check.</summary>
public sealed record BrpDossier(string Naam, IReadOnlyList<BrpSignaal> Signalen);

public sealed record BrpSignaalRegel(long Id, Guid InburgeraarId, string Naam, string? Klantregisseur, BrpSignaalSoort Soort, string Omschrijving, DateTime GevondenOp);

/// <summary>
/// Lookups in the BRP for one case or one registration, and taking the confirmed data over. Every lookup is allowed
/// only to a klantregisseur or teamleider of the case's municipality, states its purpose to the BRP and is written to
/// the audit trail (who, which case, purpose, when) without the BSN.
/// </summary>
public sealed class BrpService(KoersDbContext db, BrpClient client, BrpOpties opties, Toegang toegang, Kern.DossierService dossiers,
    HuidigeGebruiker gebruiker, Klok klok, ILogger<BrpService> log, Auditlog audit, BrpControle controle)
{
    /// <summary>The audit trail's purpose codes (AuditRegel.Doel) of the two kinds of lookup.</summary>
    public const string AuditDoelRegistratie = "BRP-bevraging: registratie en koppeling";
    public const string AuditDoelControle = "BRP-bevraging: controle verhuizing en overlijden";

    public const string NietGevonden = "Dit BSN is niet gevonden in de BRP. Controleer het BSN; de gegevens in Koers zijn niet gewijzigd.";

    /// <summary>The case's BRP page (nothing is asked of the BRP yet); null when the case is out of reach.</summary>
    public async Task<BrpDossier?> DossierAsync(Guid id, CancellationToken ct = default)
    {
        if (!await toegang.MagDossierAsync(id, ct)) return null;
        var naam = await db.Inburgeraars.AsNoTracking().Where(i => i.Id == id).Select(i => i.Voornamen + " " + i.Achternaam).FirstAsync(ct);
        return new BrpDossier(naam, await OpenSignalenAsync(id, ct));
    }

    /// <summary>
    /// The check in the BRP on request, over the cases within the user's reach (functioneel beheer: all); null when a
    /// check is running now.
    /// </summary>
    public async Task<BrpControleUitkomst?> ControleerNuAsync(CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        var binnenBereik = bereik.Heeft(Rollen.FunctioneelBeheerder) ? db.Inburgeraars : await toegang.DossiersAsync(db.Inburgeraars, ct);
        return await controle.HandmatigAsync(binnenBereik, gebruiker.Naam, ct);
    }

    /// <summary>Looks the person of a case up, for the comparison on the case's BRP page.</summary>
    public async Task<BrpUitkomst<BrpVergelijking>> VergelijkAsync(Guid id, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers || !await toegang.MagDossierAsync(id, ct)) return BrpUitkomst<BrpVergelijking>.Geweigerd();
        var dossier = await db.Inburgeraars.AsNoTracking().Include(i => i.Gemeente).Include(i => i.Mijlpalen).Include(i => i.Gezinsleden)
            .AsSplitQuery().FirstAsync(i => i.Id == id, ct);
        if (dossier.Bsn is not { } bsn) return BrpUitkomst<BrpVergelijking>.Mislukt("Dit dossier heeft geen BSN. Vul eerst het BSN in; de BRP is alleen op BSN te raadplegen.");
        var gevonden = await RaadpleegAsync(bsn, id, dossier.Gemeente!.Naam, ct);
        if (gevonden.Waarde is not { } brp) return BrpUitkomst<BrpVergelijking>.Mislukt(gevonden.Fout!);
        return BrpUitkomst<BrpVergelijking>.Ok(new BrpVergelijking(brp, dossier.Voornamen, dossier.Achternaam,
            dossier.Geboortedatum == default ? null : dossier.Geboortedatum, dossier.Adres, dossier.Gemeente.Naam,
            dossier.Mijlpalen.FirstOrDefault(m => m.Soort == Mijlpaal.BrpInschrijving)?.Datum,
            dossier.Gezinsleden.Select(g => $"{g.Naam} ({g.Relatie})").ToList(),
            brp.GemeenteCbs is { } cbs && !string.Equals(cbs, dossier.Gemeente.Code, StringComparison.OrdinalIgnoreCase), Versie(brp)));
    }

    /// <summary>
    /// Looks a BSN up while a case is being registered (no case yet): only for a municipality within the user's reach.
    /// </summary>
    public async Task<BrpUitkomst<BrpPersoon>> VoorRegistratieAsync(string? bsn, string? gemeenteCode, CancellationToken ct = default)
    {
        if (!Koers.Domain.Identity.Bsn.TryParse(bsn, out var geldig, out var fout)) return BrpUitkomst<BrpPersoon>.Mislukt(fout ?? "Vul een geldig BSN in.");
        var code = gemeenteCode?.Trim().ToUpperInvariant();
        var gemeente = await db.Gemeenten.AsNoTracking().FirstOrDefaultAsync(g => g.Code == code, ct);
        if (gemeente is null) return BrpUitkomst<BrpPersoon>.Mislukt("Kies eerst de gemeente; de BRP wordt geraadpleegd namens die gemeente.");
        if (!await toegang.MagWerkenInGemeenteAsync(gemeente.Id, ct)) return BrpUitkomst<BrpPersoon>.Geweigerd();
        return await RaadpleegAsync(geldig, null, gemeente.Naam, ct);
    }

    private async Task<BrpUitkomst<BrpPersoon>> RaadpleegAsync(Koers.Domain.Identity.Bsn bsn, Guid? dossier, string gemeente, CancellationToken ct)
    {
        string? fout = null;
        BrpPersoon? persoon = null;
        try
        {
            persoon = (await client.RaadpleegAsync([bsn.Value], BrpDoel.Registratie, ct)).FirstOrDefault(p => p.Bsn == bsn.Value);
            if (persoon is null) fout = NietGevonden;
        }
        catch (BrpOnbereikbaarException e)
        {
            // Never the BSN in a log line: the case id says which lookup failed.
            log.LogWarning(e, "BRP niet bereikbaar bij raadplegen voor dossier {Dossier}", dossier);
            fout = "De BRP is nu niet bereikbaar. Probeer het later opnieuw; er is niets gewijzigd en wat u invulde blijft staan.";
        }
        catch (BrpWeigeringException e)
        {
            log.LogError("BRP weigerde de vraag voor dossier {Dossier}: status {Status}", dossier, e.Status);
            fout = "De BRP weigerde de vraag. Neem contact op met functioneel beheer (instellingen van de BRP-koppeling); er is niets gewijzigd.";
        }

        // The lookup is audited whatever its outcome: the question reached (or was meant for) the BRP.
        audit.Schrijf(AuditActie.Inzien, dossier, $"BRP geraadpleegd (naam, adres, inschrijving, huishouden) {(dossier is null ? "bij registratie" : "voor het dossier")}, gemeente {gemeente}; "
                           + $"doel: {opties.DoelRegistratie}; uitkomst: {(persoon is not null ? "gevonden" : fout == NietGevonden ? "niet gevonden" : "mislukt")}", doel: AuditDoelRegistratie);
        await db.SaveChangesAsync(ct);
        return persoon is null ? BrpUitkomst<BrpPersoon>.Mislukt(fout!) : BrpUitkomst<BrpPersoon>.Ok(persoon);
    }

    /// <summary>A fingerprint of what was shown, so the confirmation takes over exactly that and nothing newer unseen.</summary>
    public static string Versie(BrpPersoon p) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(p, BrpClient.Json))))[..16];

    /// <summary>
    /// The klantregisseur confirmed what the BRP says: name, birth date, address, the household members Koers did not
    /// have yet and, when the BRP registers the person in the case's municipality, the BRP milestone. The BRP is asked
    /// again (audited); when its answer differs from what was shown, nothing is saved.
    /// </summary>
    public async Task<BrpUitkomst<IReadOnlyList<string>>> OvernemenAsync(Guid id, string? versie, CancellationToken ct = default)
    {
        var vergelijking = await VergelijkAsync(id, ct);
        if (vergelijking.NietToegestaan) return BrpUitkomst<IReadOnlyList<string>>.Geweigerd();
        if (vergelijking.Waarde is not { } v) return BrpUitkomst<IReadOnlyList<string>>.Mislukt(vergelijking.Fout!);
        if (v.Versie != versie) return BrpUitkomst<IReadOnlyList<string>>.Mislukt("De BRP geeft nu andere gegevens dan u zag. Bekijk ze opnieuw en bevestig dan; er is niets gewijzigd.");
        if (v.Brp.Overleden) return BrpUitkomst<IReadOnlyList<string>>.Mislukt("Volgens de BRP is deze persoon overleden. Er is niets overgenomen; handel dit af op het dossier.");

        var dossier = (await dossiers.LaadVoorWijzigingAsync(id, ct))!;
        var voor = dossier.Feiten();
        var gewijzigd = new List<string>();
        if (v.Brp.Voornamen is { } vn && vn != dossier.Voornamen) { dossier.Voornamen = vn; gewijzigd.Add("voornamen"); }
        if (v.Brp.Achternaam is { } an && an != dossier.Achternaam) { dossier.Achternaam = an; gewijzigd.Add("achternaam"); }
        if (v.Brp.Geboortedatum is { } gd && gd != dossier.Geboortedatum) { dossier.Geboortedatum = gd; gewijzigd.Add("geboortedatum"); }
        if (v.Brp.Adres is { } ad && ad != dossier.Adres) { dossier.Adres = ad; gewijzigd.Add("adres"); }
        foreach (var lid in v.Brp.Gezinsleden.Where(l => !dossier.Gezinsleden.Any(g => string.Equals(g.Naam, l.Naam, StringComparison.OrdinalIgnoreCase))))
        {
            dossier.Gezinsleden.Add(new Gezinslid { InburgeraarId = id, Naam = lid.Naam, Geboortedatum = lid.Geboortedatum, Relatie = lid.Relatie });
            gewijzigd.Add($"gezinslid ({lid.Relatie})");
        }

        var mijlpalen = new Dictionary<Mijlpaal, DateOnly?>();
        if (!v.AndereGemeente && v.Brp.DatumInschrijvingInGemeente is { } inschrijving && inschrijving != v.KoersInschrijving)
        {
            mijlpalen[Mijlpaal.BrpInschrijving] = inschrijving;
        }

        var overtredingen = dossiers.PasMijlpalenToe(dossier, mijlpalen, "Overgenomen uit de BRP na bevestiging door " + gebruiker.Naam, voor,
            gewijzigd.Count > 0 ? "Gegevens overgenomen uit de BRP" : null);
        if (overtredingen.Count > 0) return BrpUitkomst<IReadOnlyList<string>>.Mislukt(string.Join(" ", overtredingen.Select(o => o.Melding)) + " Er is niets overgenomen.");
        if (mijlpalen.Count > 0) gewijzigd.Add("inschrijving BRP");
        if (gewijzigd.Count > 0)
        {
            audit.Schrijf(AuditActie.Wijzigen, id, "Gegevens uit de BRP overgenomen na bevestiging: " + string.Join(", ", gewijzigd), doel: AuditDoelRegistratie);
        }

        await db.SaveChangesAsync(ct);
        return BrpUitkomst<IReadOnlyList<string>>.Ok(gewijzigd);
    }

    /// <summary>The open signals of one case (the case page; access already checked there).</summary>
    public async Task<IReadOnlyList<BrpSignaal>> OpenSignalenAsync(Guid id, CancellationToken ct = default) => await Open.ToListAsync(db, id, ct);

    // Compiled (Koers.Data.Gecompileerd): on every case page.
    private static readonly Gecompileerd.Lijst<Guid, BrpSignaal> Open = Gecompileerd.Rijen((KoersDbContext db, Guid id) =>
        db.BrpSignalen.AsNoTracking().Where(s => s.InburgeraarId == id && s.AfgehandeldOp == null).OrderBy(s => s.GevondenOp));

    /// <summary>Open signals within the user's reach for the worklist.</summary>
    public async Task<IReadOnlyList<BrpSignaalRegel>> OpenAsync(Werkvoorraad.Dossierselectie selectie, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return [];
        var zichtbaar = selectie.Pas(await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct));
        var rijen = await (from s in db.BrpSignalen.AsNoTracking()
                           join i in zichtbaar on s.InburgeraarId equals i.Id
                           where s.AfgehandeldOp == null
                           orderby s.GevondenOp
                           select new { s, i.Voornamen, i.Achternaam, Regisseur = i.Klantregisseur!.Naam })
            .Take(Werkvoorraad.Signaalsectie.Maximaal + 1).ToListAsync(ct);
        return rijen.Select(r => new BrpSignaalRegel(r.s.Id, r.s.InburgeraarId, $"{r.Voornamen} {r.Achternaam}", r.Regisseur, r.s.Soort, Omschrijving(r.s), r.s.GevondenOp)).ToList();
    }

    public static string Omschrijving(BrpSignaal s) => s.Soort switch
    {
        BrpSignaalSoort.Overleden => $"Overleden volgens de BRP{(s.Datum is { } d ? $" op {d:dd-MM-yyyy}" : "")}",
        _ => $"Verhuisd naar {s.Gemeentenaam ?? "een andere gemeente"} volgens de BRP{(s.Datum is { } d ? $" (ingeschreven op {d:dd-MM-yyyy})" : "")}",
    };

    public static Werkvoorraad.Signaalsectie Sectie(IReadOnlyList<BrpSignaalRegel> signalen) => new(
        "signalen-brp",
        "Signalen uit de BRP: verhuisd of overleden",
        signalen.Select(s => new Werkvoorraad.SignaalRegel(s.InburgeraarId, s.Naam, $"/inburgeraars/{s.InburgeraarId}#brp", s.Omschrijving,
            s.Soort == BrpSignaalSoort.Overleden,
            $"{Klok.NaarNederlandseTijd(s.GevondenOp):dd-MM-yyyy} · {s.Klantregisseur ?? "niet toegewezen"}")).ToList(),
        "Geen signalen uit de BRP.",
        [new Werkvoorraad.Signaalsectie.Telling("Te beoordelen", signalen.Count)],
        [],
        "De dagelijkse controle in de BRP vond een verhuizing buiten de gemeente of een overlijden. Koers sluit het dossier niet zelf: beoordeel het en markeer het signaal als afgehandeld.");

    /// <summary>Marks a signal handled; false (a 404) when the case is out of reach or the signal is not open.</summary>
    public async Task<bool> AfhandelenAsync(Guid id, long signaalId, CancellationToken ct = default)
    {
        if (!await toegang.MagDossierAsync(id, ct)) return false;
        var s = await db.BrpSignalen.FirstOrDefaultAsync(x => x.Id == signaalId && x.InburgeraarId == id && x.AfgehandeldOp == null, ct);
        if (s is null) return false;
        s.AfgehandeldOp = klok.NuUtc;
        s.AfgehandeldDoor = gebruiker.Naam;
        dossiers.Audit(AuditActie.Wijzigen, id, $"BRP-signaal afgehandeld: {Omschrijving(s)}");
        await db.SaveChangesAsync(ct);
        return true;
    }
}

using static Koers.Web.Infrastructure.Invoer;
using System.Text.Json;
using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Dossier;
using Koers.Domain.Intake;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Intake;

public sealed class GesprekInvoer
{
    public DateOnly? Datum { get; set; }
    public TolkSoort Tolk { get; set; }
    public string? Tolktaal { get; set; }
    public string? Aanwezigen { get; set; }
    public bool NoShow { get; set; }
    public string? Notities { get; set; }
}

public sealed class LeefgebiedInvoer
{
    public Dictionary<string, string?> Antwoorden { get; set; } = [];
    public string? Notities { get; set; }
}

public sealed class DiplomaInvoer
{
    public string? Omschrijving { get; set; }
    public string? Land { get; set; }
    public int? Jaar { get; set; }
    public Diplomawaardering Waardering { get; set; }
    public string? WaarderingUitkomst { get; set; }
}

public sealed class LbtInvoer
{
    public DateOnly? Aangemeld { get; set; }
    public DateOnly? Afgenomen { get; set; }
    public string? Afnemer { get; set; }
    public int? Score { get; set; }
    public int? CesuurVolgensDuo { get; set; }
    public bool Overgeslagen { get; set; }
    public string? RedenOverslaan { get; set; }
}

/// <summary>Everything recorded in the brede intake of one case, for screens and the API.</summary>
public sealed record IntakeStand(
    IReadOnlyList<Intakegesprek> Gesprekken,
    IReadOnlyDictionary<Leefgebied, (IReadOnlyDictionary<string, string?> Antwoorden, string? Notities, DateTime GewijzigdOp)> Leefgebieden,
    IReadOnlyList<Data.Model.Diploma> Diplomas,
    DateOnly? AfgerondOp,
    IReadOnlyList<Overtreding> Ontbrekend,
    Leerbaarheidstoets? Toets);

/// <summary>
/// The brede intake and the leerbaarheidstoets: drafts are saved as they are typed (values checked, completeness
/// not); completing the intake requires every mandatory leefgebied and sets the milestone on the legal clock.
/// </summary>
public sealed class IntakeService(KoersDbContext db, DossierService dossiers, Klok klok, HuidigeGebruiker gebruiker, Kern.Toegang toegang, Duo.DuoOutbox duo)
{

    public async Task<IntakeStand?> HaalAsync(Guid id, CancellationToken ct = default)
    {
        if (!await toegang.MagDossierAsync(id, ct)) return null;
        var gesprekken = await db.Intakegesprekken.AsNoTracking().Where(g => g.InburgeraarId == id).OrderBy(g => g.Datum).ThenBy(g => g.Id).ToListAsync(ct);
        var verslagen = await db.Leefgebieden.AsNoTracking().Where(l => l.InburgeraarId == id).ToListAsync(ct);
        var diplomas = await db.Diplomas.AsNoTracking().Where(d => d.InburgeraarId == id).OrderBy(d => d.Id).ToListAsync(ct);
        var intake = await db.BredeIntakes.AsNoTracking().FirstOrDefaultAsync(b => b.InburgeraarId == id, ct);
        var toets = await db.Leerbaarheidstoetsen.AsNoTracking().FirstOrDefaultAsync(t => t.InburgeraarId == id, ct);
        var leefgebieden = verslagen.ToDictionary(
            v => v.Leefgebied,
            v => (Antwoorden: (IReadOnlyDictionary<string, string?>)OpgeslagenInhoud.IntakeAntwoorden(v.AntwoordenJson), v.Notities, v.GewijzigdOp));
        var ontbrekend = IntakeRegels.ControleerVolledigheid(leefgebieden.ToDictionary(l => l.Key, l => l.Value.Antwoorden));
        return new IntakeStand(gesprekken, leefgebieden, diplomas, intake?.AfgerondOp, ontbrekend, toets);
    }

    public async Task<Uitkomst<long>> GesprekToevoegenAsync(Guid id, GesprekInvoer invoer, CancellationToken ct = default)
    {
        if (!await toegang.MagDossierAsync(id, ct)) return Uitkomst<long>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (invoer.Datum is null) fouten.Voeg("Datum", "Vul de datum van het gesprek in.");
        else if (invoer.Datum > klok.Vandaag) fouten.Voeg("Datum", "De datum van het gesprek ligt in de toekomst.");
        if (!Enum.IsDefined(invoer.Tolk)) fouten.Voeg("Tolk", "Onbekende soort tolk.");
        if (invoer.Tolk != TolkSoort.Geen && string.IsNullOrWhiteSpace(invoer.Tolktaal)) fouten.Voeg("Tolktaal", "Vul in in welke taal getolkt is.");
        fouten.Lengte(invoer.Aanwezigen, "Aanwezigen", 500);
        fouten.Lengte(invoer.Notities, "Notities", 4000);
        fouten.Lengte(invoer.Tolktaal, "Tolktaal", 100);
        if (fouten.Count > 0) return Uitkomst<long>.Geweigerd(fouten);

        var gesprek = new Intakegesprek
        {
            InburgeraarId = id,
            Datum = invoer.Datum!.Value,
            Tolk = invoer.Tolk,
            Tolktaal = Schoon(invoer.Tolktaal),
            Aanwezigen = Schoon(invoer.Aanwezigen),
            NoShow = invoer.NoShow,
            Notities = Schoon(invoer.Notities),
            VastgelegdDoor = gebruiker.Naam,
            VastgelegdOp = klok.NuUtc,
        };
        db.Intakegesprekken.Add(gesprek);
        dossiers.Audit(AuditActie.Wijzigen, id, invoer.NoShow ? "Intakegesprek vastgelegd (niet verschenen)" : "Intakegesprek vastgelegd");
        await db.SaveChangesAsync(ct);
        return Uitkomst<long>.Ok(gesprek.Id);
    }

    /// <summary>Saves a draft of one leefgebied: values are checked, missing fields are fine until completion.</summary>
    public async Task<Uitkomst<Leefgebied>> LeefgebiedOpslaanAsync(Guid id, Leefgebied leefgebied, LeefgebiedInvoer invoer, CancellationToken ct = default)
    {
        if (!await toegang.MagDossierAsync(id, ct)) return Uitkomst<Leefgebied>.Onbekend();
        var antwoorden = Antwoorden(invoer);
        var fouten = ControleerLeefgebied(leefgebied, invoer);
        if (fouten.Count > 0) return Uitkomst<Leefgebied>.Geweigerd(fouten);

        var verslag = await db.Leefgebieden.FirstOrDefaultAsync(l => l.InburgeraarId == id && l.Leefgebied == leefgebied, ct);
        if (verslag is null)
        {
            verslag = new LeefgebiedVerslag { InburgeraarId = id, Leefgebied = leefgebied };
            db.Leefgebieden.Add(verslag);
        }

        verslag.AntwoordenJson = JsonSerializer.Serialize(antwoorden.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value), OpgeslagenInhoud.IntakeOpties);
        verslag.Notities = Schoon(invoer.Notities);
        dossiers.Audit(AuditActie.Wijzigen, id, $"Brede intake: leefgebied {Leefgebieden.Van(leefgebied).Titel} opgeslagen");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Leefgebied>.Ok(leefgebied);
    }

    private static Dictionary<string, string?> Antwoorden(LeefgebiedInvoer invoer) =>
        (invoer.Antwoorden ?? []).ToDictionary(a => a.Key, a => string.IsNullOrWhiteSpace(a.Value) ? null : a.Value.Trim());

    /// <summary>
    /// The checks of a leefgebied draft without storing it: the form checks it together with the well-being screening of
    /// the same form, so one refusal shows every message and stores nothing.
    /// </summary>
    public static Dictionary<string, string[]> ControleerLeefgebied(Leefgebied leefgebied, LeefgebiedInvoer invoer)
    {
        var fouten = Veldfouten.Nieuw();
        fouten.Voeg(IntakeRegels.ControleerWaarden(leefgebied, Antwoorden(invoer)));
        fouten.Lengte(invoer.Notities, "Notities", 4000);
        return fouten;
    }

    public async Task<Uitkomst<long>> DiplomaToevoegenAsync(Guid id, DiplomaInvoer invoer, CancellationToken ct = default)
    {
        if (!await toegang.MagDossierAsync(id, ct)) return Uitkomst<long>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (string.IsNullOrWhiteSpace(invoer.Omschrijving)) fouten.Voeg("Omschrijving", "Vul in welk diploma het is.");
        fouten.Lengte(invoer.Omschrijving, "Omschrijving", 300);
        fouten.Lengte(invoer.Land, "Land", 100);
        fouten.Lengte(invoer.WaarderingUitkomst, "WaarderingUitkomst", 300);
        if (invoer.Jaar is { } jaar && (jaar < 1940 || jaar > klok.Vandaag.Year)) fouten.Voeg("Jaar", $"Het jaar moet tussen 1940 en {klok.Vandaag.Year} liggen.");
        if (!Enum.IsDefined(invoer.Waardering)) fouten.Voeg("Waardering", "Onbekende stand van de diplomawaardering.");
        if (fouten.Count > 0) return Uitkomst<long>.Geweigerd(fouten);

        var diploma = new Data.Model.Diploma
        {
            InburgeraarId = id,
            Omschrijving = invoer.Omschrijving!.Trim(),
            Land = Schoon(invoer.Land),
            Jaar = invoer.Jaar,
            Waardering = invoer.Waardering,
            WaarderingUitkomst = Schoon(invoer.WaarderingUitkomst),
        };
        db.Diplomas.Add(diploma);
        dossiers.Audit(AuditActie.Wijzigen, id, "Diploma toegevoegd");
        await db.SaveChangesAsync(ct);
        return Uitkomst<long>.Ok(diploma.Id);
    }

    /// <summary>Completes the intake when every mandatory leefgebied is filled; sets the milestone on the clock.</summary>
    public async Task<Uitkomst<DateOnly>> AfrondenAsync(Guid id, DateOnly? datum, CancellationToken ct = default)
    {
        var stand = await HaalAsync(id, ct);
        if (stand is null) return Uitkomst<DateOnly>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        fouten.Voeg(stand.Ontbrekend);

        if (stand.Gesprekken.All(g => g.NoShow))
        {
            fouten.Voeg("Gesprekken", "Leg eerst minstens één gevoerd intakegesprek vast.");
        }

        var afgerond = datum ?? klok.Vandaag;
        if (fouten.Count > 0) return Uitkomst<DateOnly>.Geweigerd(fouten);

        var inburgeraar = (await dossiers.LaadVoorWijzigingAsync(id, ct))!;
        var overtredingen = dossiers.PasMijlpalenToe(inburgeraar, new Dictionary<Mijlpaal, DateOnly?> { [Mijlpaal.BredeIntake] = afgerond }, "Brede intake afgerond");
        if (overtredingen.Count > 0)
        {
            return Uitkomst<DateOnly>.Geweigerd(overtredingen.GroupBy(o => o.Veld).ToDictionary(g => g.Key == nameof(Mijlpaal.BredeIntake) ? "Datum" : g.Key, g => g.Select(o => o.Melding).ToArray()));
        }

        var intake = await db.BredeIntakes.FirstOrDefaultAsync(b => b.InburgeraarId == id, ct);
        if (intake is null)
        {
            intake = new BredeIntake { InburgeraarId = id };
            db.BredeIntakes.Add(intake);
        }

        intake.AfgerondOp = afgerond;
        intake.AfgerondDoor = gebruiker.Naam;
        dossiers.Audit(AuditActie.Wijzigen, id, "Brede intake afgerond");
        await db.SaveChangesAsync(ct);
        return Uitkomst<DateOnly>.Ok(afgerond);
    }

    public async Task<Uitkomst<LbtFeiten>> LeerbaarheidstoetsOpslaanAsync(Guid id, LbtInvoer invoer, LbtBron bron = LbtBron.Gemeente, CancellationToken ct = default)
    {
        var inburgeraar = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (inburgeraar is null) return Uitkomst<LbtFeiten>.Onbekend();
        var feiten = new LbtFeiten
        {
            Aangemeld = invoer.Aangemeld,
            Afgenomen = invoer.Afgenomen,
            Afnemer = Schoon(invoer.Afnemer),
            Score = invoer.Score,
            CesuurVolgensDuo = invoer.CesuurVolgensDuo,
            Overgeslagen = invoer.Overgeslagen,
            RedenOverslaan = Schoon(invoer.RedenOverslaan),
        };
        var fouten = Veldfouten.Nieuw();
        fouten.Voeg(LbtRegels.Controleer(feiten, klok.Vandaag));

        fouten.Lengte(invoer.Afnemer, "Afnemer", 200);
        fouten.Lengte(invoer.RedenOverslaan, "RedenOverslaan", 1000);
        if (fouten.Count > 0) return Uitkomst<LbtFeiten>.Geweigerd(fouten);

        var mijlpaal = feiten.Afgenomen ?? (feiten.Overgeslagen ? klok.Vandaag : null);
        var overtredingen = dossiers.PasMijlpalenToe(inburgeraar, new Dictionary<Mijlpaal, DateOnly?> { [Mijlpaal.Leerbaarheidstoets] = mijlpaal }, "Leerbaarheidstoets vastgelegd");
        if (overtredingen.Count > 0)
        {
            return Uitkomst<LbtFeiten>.Geweigerd(overtredingen.GroupBy(o => o.Veld).ToDictionary(g => g.Key == nameof(Mijlpaal.Leerbaarheidstoets) ? "Afgenomen" : g.Key, g => g.Select(o => o.Melding).ToArray()));
        }

        var toets = await db.Leerbaarheidstoetsen.FirstOrDefaultAsync(t => t.InburgeraarId == id, ct);
        if (toets is null)
        {
            toets = new Leerbaarheidstoets { InburgeraarId = id };
            db.Leerbaarheidstoetsen.Add(toets);
        }

        // Skipped now and not before: DUO's registration for the toets is void, so its exam number is withdrawn
        // (Leerbaarheidstoets API, DELETE …/lbt/examennummer). What DUO itself reported needs no message back.
        if (feiten.Overgeslagen && !toets.Overgeslagen && bron == LbtBron.Gemeente) duo.MeldLbtOvergeslagen(inburgeraar);

        toets.Aangemeld = feiten.Aangemeld;
        toets.Afgenomen = feiten.Afgenomen;
        toets.Afnemer = feiten.Afnemer;
        toets.Score = feiten.Overgeslagen ? null : feiten.Score;
        toets.CesuurVolgensDuo = feiten.CesuurVolgensDuo;
        toets.Overgeslagen = feiten.Overgeslagen;
        toets.RedenOverslaan = feiten.RedenOverslaan;
        toets.Bron = bron;
        dossiers.Audit(AuditActie.Wijzigen, id, "Leerbaarheidstoets vastgelegd");
        await db.SaveChangesAsync(ct);
        return Uitkomst<LbtFeiten>.Ok(toets.Feiten());
    }
}

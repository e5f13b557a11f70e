using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Afsluiting;
using Koers.Domain.Dossier;
using Koers.Domain.Sources;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Afsluiting;

public sealed class ExamenresultaatInvoer
{
    public Examenonderdeel? Onderdeel { get; set; }
    public DateOnly? Datum { get; set; }
    public string? Niveau { get; set; }
    public bool Behaald { get; set; }
    public decimal? Score { get; set; }
}

public sealed class EindgesprekInvoer
{
    public DateOnly? Datum { get; set; }
    public string? Verslag { get; set; }
    public bool Behaald { get; set; }
}

public sealed class MapPvtInvoer
{
    public Koers.Domain.Duo.MapPvtOnderdeel? Onderdeel { get; set; }
    public DateOnly? Datum { get; set; }

    /// <summary>Only when the inburgeringstermijn was overschreden: whether that is verwijtbaar (DUO's Ja/Nee).</summary>
    public bool? Verwijtbaar { get; set; }
    public string? Toelichting { get; set; }
}

public sealed class VerlengingInvoer
{
    public DateOnly? Datum { get; set; }
    public string? Reden { get; set; }
    public DateOnly? GevraagdTot { get; set; }
}

public sealed class VerlengingBesluitInvoer
{
    public bool Toegekend { get; set; }
    public DateOnly? Datum { get; set; }
    public DateOnly? ToegekendTot { get; set; }
}

public sealed class AfsluitingInvoer
{
    public Afsluitingssoort? Soort { get; set; }
    public DateOnly? Datum { get; set; }
    public string? Toelichting { get; set; }
    public Ontheffingsgrond? Ontheffingsgrond { get; set; }
    public string? NieuweGemeente { get; set; }
}

public sealed record AfsluitingStand(
    Inburgeraar Dossier,
    IReadOnlyList<Examenresultaat> Examenresultaten,
    IReadOnlyList<Eindgesprek> Eindgesprekken,
    IReadOnlyList<Verlengingsaanvraag> Verlengingen,
    IReadOnlyList<MapPvtAfronding> MapPvt,
    Data.Model.Keten.Afsluiting? Afsluiting,
    (Mijlpaal Soort, DateOnly Datum)? AfsluitendeMijlpaal,
    IReadOnlyList<string> VereistVoorVoldaan,
    IReadOnlyList<string> OntbreektVoorVoldaan,
    Citation? BronVoldaan);

/// <summary>
/// The end of the trajectory: exam results, the Z-route eindgesprek, verlenging at DUO, and the closing itself
/// (voldaan, ontheffing, verhuizing, einde begeleiding). Each closing event goes through the milestones
/// (<see cref="DossierService.PasMijlpalenToe"/>), so the phase and the legal clock follow.
/// </summary>
public sealed class AfsluitingService(KoersDbContext db, DossierService dossiers, Klok klok, HuidigeGebruiker gebruiker, Kern.Toegang toegang, Duo.DuoOutbox duo)
{
    public async Task<AfsluitingStand?> HaalAsync(Guid id, string doel, CancellationToken ct = default)
    {
        var dossier = await dossiers.InzienAsync(id, doel, ct);
        if (dossier is null) return null;
        var resultaten = await db.Examenresultaten.AsNoTracking().Where(e => e.InburgeraarId == id).ToListAsync(ct);
        var gesprekken = await db.Set<Eindgesprek>().AsNoTracking().Where(e => e.InburgeraarId == id).ToListAsync(ct);
        var verlengingen = await db.Set<Verlengingsaanvraag>().AsNoTracking().Where(v => v.InburgeraarId == id).ToListAsync(ct);
        var afsluiting = await db.Set<Data.Model.Keten.Afsluiting>().AsNoTracking().FirstOrDefaultAsync(a => a.InburgeraarId == id, ct);
        var mapPvt = await db.Set<MapPvtAfronding>().AsNoTracking().Where(m => m.InburgeraarId == id).ToListAsync(ct);
        var vereist = dossier.Leerroute is { } r ? Afsluitingsregels.Vereist(r) : ((IReadOnlyList<string>)[], (Citation?)null);
        return new AfsluitingStand(dossier,
            resultaten.OrderBy(e => e.Datum).ThenBy(e => e.Onderdeel).ToList(),
            gesprekken.OrderBy(g => g.Datum).ToList(),
            verlengingen.OrderBy(v => v.AangevraagdOp).ToList(),
            mapPvt.OrderBy(m => m.Onderdeel).ThenBy(m => m.Op).ToList(),
            afsluiting, dossier.Feiten().Afsluiting, vereist.Item1,
            Afsluitingsregels.Ontbrekend(dossier.Leerroute, Behaald(resultaten)), vereist.Item2);
    }

    private static HashSet<string> Behaald(IEnumerable<Examenresultaat> resultaten) =>
        resultaten.Where(e => e.Behaald).Select(e => e.Onderdeel.ToString()).ToHashSet();

    public async Task<Uitkomst<Guid>> ExamenresultaatAsync(Guid id, ExamenresultaatInvoer invoer, CancellationToken ct = default)
    {
        if (!await toegang.MagDossierAsync(id, ct)) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (invoer.Onderdeel is not { } onderdeel || !Enum.IsDefined(onderdeel)) fouten.Voeg("Onderdeel", "Kies het examenonderdeel.");
        else if (onderdeel == Examenonderdeel.ZRouteEindgesprek) fouten.Voeg("Onderdeel", "Leg het Z-route eindgesprek vast bij 'Eindgesprek Z-route', met verslag.");
        Datum(invoer.Datum, "Datum", fouten);
        var niveau = string.IsNullOrWhiteSpace(invoer.Niveau) ? null : invoer.Niveau.Trim().ToUpperInvariant();
        if (niveau is not null && niveau is not ("A0" or "A1" or "A2" or "B1" or "B2" or "C1" or "C2")) fouten.Voeg("Niveau", "Kies een niveau zoals A2 of B1, of laat het leeg.");
        if (invoer.Score is < 0 or > 1000) fouten.Voeg("Score", "De score ligt tussen 0 en 1000.");
        if ((fouten.Count > 0)) return Uitkomst<Guid>.Geweigerd(fouten);

        var resultaat = new Examenresultaat
        {
            Id = Guid.NewGuid(), InburgeraarId = id, Onderdeel = invoer.Onderdeel!.Value, Datum = invoer.Datum!.Value, Niveau = niveau,
            Behaald = invoer.Behaald, Score = invoer.Score, Bron = Gegevensbron.Gemeente, VastgelegdOp = klok.NuUtc, VastgelegdDoor = gebruiker.Naam,
        };
        db.Examenresultaten.Add(resultaat);
        dossiers.Audit(AuditActie.Aanmaken, id, $"Examenresultaat vastgelegd: {resultaat.Onderdeel} ({(resultaat.Behaald ? "behaald" : "niet behaald")})");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(resultaat.Id);
    }

    public async Task<Uitkomst<Guid>> EindgesprekAsync(Guid id, EindgesprekInvoer invoer, CancellationToken ct = default)
    {
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (dossier.Leerroute != Leerroute.ZRoute) fouten.Voeg("Datum", "Een eindgesprek hoort bij de Z-route; dit dossier volgt een andere leerroute.");
        Datum(invoer.Datum, "Datum", fouten);
        if (string.IsNullOrWhiteSpace(invoer.Verslag)) fouten.Voeg("Verslag", "Schrijf een kort verslag van het eindgesprek.");
        else if (invoer.Verslag.Length > 8000) fouten.Voeg("Verslag", Veldfouten.TeLang(Veldfouten.Label("Verslag"), 8000, invoer.Verslag.Length));
        if ((fouten.Count > 0)) return Uitkomst<Guid>.Geweigerd(fouten);

        var datum = invoer.Datum!.Value;
        var gesprek = new Eindgesprek { Id = Guid.NewGuid(), InburgeraarId = id, Datum = datum, Verslag = invoer.Verslag!.Trim(), Behaald = invoer.Behaald, Door = gebruiker.Naam, Op = klok.NuUtc };
        db.Add(gesprek);
        // The eindgesprek is the Z-route's result, so it sits with the exam results that decide 'voldaan'.
        db.Examenresultaten.Add(new Examenresultaat
        {
            Id = Guid.NewGuid(), InburgeraarId = id, Onderdeel = Examenonderdeel.ZRouteEindgesprek, Datum = datum, Behaald = invoer.Behaald,
            Bron = Gegevensbron.Gemeente, VastgelegdOp = klok.NuUtc, VastgelegdDoor = gebruiker.Naam,
        });
        var overtredingen = dossiers.PasMijlpalenToe(dossier, new Dictionary<Mijlpaal, DateOnly?> { [Mijlpaal.EindgesprekOfExamens] = datum }, "Z-route eindgesprek");
        foreach (var o in overtredingen) fouten.Voeg("Datum", o.Melding);
        if ((fouten.Count > 0)) return Uitkomst<Guid>.Geweigerd(fouten);
        dossiers.Audit(AuditActie.Aanmaken, id, $"Z-route eindgesprek vastgelegd ({(invoer.Behaald ? "afgerond" : "niet afgerond")})");
        // A completed Z-route is what DUO needs to know (it has no exam); saved together with the eindgesprek.
        if (invoer.Behaald) duo.MeldZrouteAfgerond(dossier, datum);
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(gesprek.Id);
    }

    /// <summary>
    /// Records the MAP eindgesprek or the signing of the participatieverklaring (Wi2021 art. 7), checked against DUO's
    /// rules (<see cref="Koers.Domain.Duo.DuoMapPvtControle"/>), and queues the PUT to DUO in the same transaction.
    /// A new recording replaces the earlier one for that part, at DUO as well.
    /// </summary>
    public async Task<Uitkomst<Guid>> MapPvtAsync(Guid id, MapPvtInvoer invoer, CancellationToken ct = default)
    {
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (invoer.Onderdeel is not { } onderdeel || !Enum.IsDefined(onderdeel)) fouten.Voeg("Onderdeel", "Kies wat er is afgerond: het eindgesprek MAP of de ondertekening van de participatieverklaring.");
        if (invoer.Datum is null) fouten.Voeg("Datum", "Vul de datum in.");
        if (invoer.Toelichting?.Length > 2000) fouten.Voeg("Toelichting", Veldfouten.TeLang(Veldfouten.Label("Toelichting"), 2000, invoer.Toelichting.Length));
        if ((fouten.Count > 0)) return Uitkomst<Guid>.Geweigerd(fouten);

        var feiten = await MapPvtFeitenAsync(dossier, invoer.Onderdeel!.Value, invoer.Datum!.Value, invoer.Verwijtbaar, ct);
        foreach (var f in Koers.Domain.Duo.DuoMapPvtControle.Controleer(feiten))
        {
            fouten.Voeg(f.Bron == Koers.Domain.Duo.DuoMapPvtControle.Verwijtbaarheid ? "Verwijtbaar" : "Datum", f.Melding);
        }

        if ((fouten.Count > 0)) return Uitkomst<Guid>.Geweigerd(fouten);

        var afronding = new MapPvtAfronding
        {
            Id = Guid.NewGuid(), InburgeraarId = id, Onderdeel = feiten.Onderdeel, Datum = feiten.Datum, Verwijtbaar = feiten.Verwijtbaar,
            Toelichting = string.IsNullOrWhiteSpace(invoer.Toelichting) ? null : invoer.Toelichting.Trim(), Door = gebruiker.Naam, Op = klok.NuUtc,
        };
        db.Add(afronding);
        var verwijtbaar = feiten.Verwijtbaar switch { true => " (termijn overschreden, verwijtbaar)", false => " (termijn overschreden, niet verwijtbaar)", null => "" };
        dossiers.Audit(AuditActie.Aanmaken, id, $"{Koers.Domain.Duo.DuoMapPvtControle.Naam(feiten.Onderdeel)} vastgelegd op {feiten.Datum:dd-MM-yyyy}{verwijtbaar}");
        // DUO learns it from the same transaction: the case and the message are saved together or not at all.
        duo.MeldMapPvt(dossier, feiten);
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(afronding.Id);
    }

    private async Task<Koers.Domain.Duo.MapPvtFeiten> MapPvtFeitenAsync(Inburgeraar dossier, Koers.Domain.Duo.MapPvtOnderdeel onderdeel, DateOnly datum, bool? verwijtbaar, CancellationToken ct)
    {
        var feiten = dossier.Feiten();
        var termijn = Domain.Clock.LegalClock.Inburgeringstermijn(feiten);
        var zroute = await db.Set<Eindgesprek>().AsNoTracking().Where(e => e.InburgeraarId == dossier.Id && e.Behaald)
            .Select(e => (DateOnly?)e.Datum).MinAsync(ct);
        return new Koers.Domain.Duo.MapPvtFeiten(onderdeel, datum, verwijtbaar, klok.Vandaag,
            feiten.Datum(Mijlpaal.PipVastgesteld) is not null, zroute, termijn.Startdatum, termijn.Vervaldatum);
    }

    public async Task<Uitkomst<Guid>> VerlengingAanvragenAsync(Guid id, VerlengingInvoer invoer, CancellationToken ct = default)
    {
        var dossier = await (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct)).Include(i => i.Termijnen).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        Datum(invoer.Datum, "Datum", fouten);
        if (string.IsNullOrWhiteSpace(invoer.Reden)) fouten.Voeg("Reden", "Geef de reden van de aanvraag (bijvoorbeeld ziekte of zwangerschap).");
        else if (invoer.Reden.Length > 2000) fouten.Voeg("Reden", Veldfouten.TeLang(Veldfouten.Label("Reden"), 2000, invoer.Reden.Length));
        var huidigEinde = dossier.Termijnen.FirstOrDefault(t => t.Code == Domain.Clock.TermijnCode.Inburgeringstermijn)?.Vervaldatum;
        if (invoer.GevraagdTot is null) fouten.Voeg("GevraagdTot", "Vul de gevraagde nieuwe einddatum in.");
        else if (huidigEinde is { } einde && invoer.GevraagdTot <= einde) fouten.Voeg("GevraagdTot", $"De gevraagde datum ligt niet na het huidige einde van de termijn ({einde:dd-MM-yyyy}).");
        else if (invoer.Datum is { } d && invoer.GevraagdTot <= d) fouten.Voeg("GevraagdTot", "De gevraagde datum ligt niet na de aanvraagdatum.");
        if (await db.Set<Verlengingsaanvraag>().AnyAsync(v => v.InburgeraarId == id && v.Status == VerlengingStatus.Aangevraagd, ct))
            fouten.Voeg("Reden", "Er loopt al een aanvraag bij DUO. Leg eerst het besluit daarop vast.");
        if ((fouten.Count > 0)) return Uitkomst<Guid>.Geweigerd(fouten);

        var aanvraag = new Verlengingsaanvraag
        {
            Id = Guid.NewGuid(), InburgeraarId = id, AangevraagdOp = invoer.Datum!.Value, Reden = invoer.Reden!.Trim(), GevraagdTot = invoer.GevraagdTot!.Value,
            Status = VerlengingStatus.Aangevraagd, Door = gebruiker.Naam, Op = klok.NuUtc,
        };
        db.Add(aanvraag);
        dossiers.Audit(AuditActie.Aanmaken, id, $"Verlenging inburgeringstermijn aangevraagd bij DUO tot {aanvraag.GevraagdTot:dd-MM-yyyy}");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(aanvraag.Id);
    }

    /// <summary>DUO's answer. A granted extension becomes the milestone TermijnVerlengdTot, which moves the legal clock.</summary>
    public async Task<Uitkomst<Guid>> VerlengingBesluitAsync(Guid id, Guid aanvraagId, VerlengingBesluitInvoer invoer, CancellationToken ct = default)
    {
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var aanvraag = await db.Set<Verlengingsaanvraag>().FirstOrDefaultAsync(v => v.Id == aanvraagId && v.InburgeraarId == id, ct);
        if (aanvraag is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (aanvraag.Status != VerlengingStatus.Aangevraagd) fouten.Voeg("Toegekend", $"Op deze aanvraag is al besloten ({aanvraag.Status.ToString().ToLowerInvariant()}).");
        Datum(invoer.Datum, "Datum", fouten);
        if (invoer.Datum is { } d && d < aanvraag.AangevraagdOp) fouten.Voeg("Datum", "Het besluit ligt vóór de aanvraag.");
        if (invoer.Toegekend && invoer.ToegekendTot is null) fouten.Voeg("ToegekendTot", "Vul in tot wanneer DUO de termijn heeft verlengd.");
        if ((fouten.Count > 0)) return Uitkomst<Guid>.Geweigerd(fouten);

        aanvraag.Status = invoer.Toegekend ? VerlengingStatus.Toegekend : VerlengingStatus.Afgewezen;
        aanvraag.BesluitOp = invoer.Datum;
        if (invoer.Toegekend)
        {
            aanvraag.ToegekendTot = invoer.ToegekendTot;
            var overtredingen = dossiers.PasMijlpalenToe(dossier, new Dictionary<Mijlpaal, DateOnly?> { [Mijlpaal.TermijnVerlengdTot] = invoer.ToegekendTot },
                "Verlenging toegekend door DUO");
            foreach (var o in overtredingen) fouten.Voeg("ToegekendTot", o.Melding);
            if ((fouten.Count > 0)) return Uitkomst<Guid>.Geweigerd(fouten);
        }

        dossiers.Audit(AuditActie.Wijzigen, id, invoer.Toegekend
            ? $"Verlenging toegekend door DUO tot {invoer.ToegekendTot:dd-MM-yyyy}"
            : "Verlenging afgewezen door DUO");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(aanvraag.Id);
    }

    public async Task<Uitkomst<Guid>> AfsluitenAsync(Guid id, AfsluitingInvoer invoer, CancellationToken ct = default)
    {
        var dossier = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        var bestaand = await db.Set<Data.Model.Keten.Afsluiting>().AsNoTracking().FirstOrDefaultAsync(a => a.InburgeraarId == id, ct);
        if (bestaand is not null)
        {
            fouten.Voeg("Soort", $"Dit dossier is al afgesloten op {bestaand.Datum:dd-MM-yyyy} ({bestaand.Soort.Omschrijving().InZin()}). Een dossier wordt maar één keer afgesloten.");
            return Uitkomst<Guid>.Geweigerd(fouten);
        }

        if (dossier.Feiten().Afsluiting is { } al)
        {
            fouten.Voeg("Soort", $"Dit dossier heeft al een afsluitende mijlpaal: {al.Soort.Omschrijving().InZin()} op {al.Datum:dd-MM-yyyy}.");
            return Uitkomst<Guid>.Geweigerd(fouten);
        }

        if (invoer.Soort is not { } soort || !Enum.IsDefined(soort)) fouten.Voeg("Soort", "Kies hoe de begeleiding eindigt.");
        Datum(invoer.Datum, "Datum", fouten);
        if (string.IsNullOrWhiteSpace(invoer.Toelichting)) fouten.Voeg("Toelichting", "Geef een toelichting.");
        else if (invoer.Toelichting.Length > 2000) fouten.Voeg("Toelichting", Veldfouten.TeLang(Veldfouten.Label("Toelichting"), 2000, invoer.Toelichting.Length));
        if (invoer.Soort == Afsluitingssoort.Ontheffing && (invoer.Ontheffingsgrond is not { } grond || !Enum.IsDefined(grond)))
            fouten.Voeg("Ontheffingsgrond", "Kies de grond van de ontheffing.");
        if (invoer.Soort == Afsluitingssoort.Verhuisd && string.IsNullOrWhiteSpace(invoer.NieuweGemeente))
            fouten.Voeg("NieuweGemeente", "Vul de gemeente in waarnaar de inburgeraar verhuist.");
        else if (invoer.NieuweGemeente?.Length > 200) fouten.Voeg("NieuweGemeente", Veldfouten.TeLang("Nieuwe gemeente", 200, invoer.NieuweGemeente.Length));
        if (invoer.Soort == Afsluitingssoort.InburgeringsplichtVoldaan)
        {
            var resultaten = await db.Examenresultaten.AsNoTracking().Where(e => e.InburgeraarId == id).ToListAsync(ct);
            var ontbreekt = Afsluitingsregels.Ontbrekend(dossier.Leerroute, Behaald(resultaten));
            if (ontbreekt.Count > 0)
            {
                var bron = dossier.Leerroute is { } r ? $" ({Afsluitingsregels.Vereist(r).Bron})" : string.Empty;
                fouten.Voeg("Soort", $"De inburgeringsplicht is nog niet voldaan: er is geen behaald resultaat voor {string.Join(", ", ontbreekt.Select(Voortgang.Namen.ExamenonderdeelNaam))}{bron}.");
            }
        }

        if ((fouten.Count > 0)) return Uitkomst<Guid>.Geweigerd(fouten);

        var afsluitSoort = invoer.Soort!.Value;
        var datum = invoer.Datum!.Value;
        var overtredingen = dossiers.PasMijlpalenToe(dossier, new Dictionary<Mijlpaal, DateOnly?> { [afsluitSoort.Mijlpaal()] = datum },
            $"Afsluiting: {afsluitSoort.Omschrijving()}");
        foreach (var o in overtredingen) fouten.Voeg("Datum", o.Melding);
        if ((fouten.Count > 0)) return Uitkomst<Guid>.Geweigerd(fouten);

        db.Add(new Data.Model.Keten.Afsluiting
        {
            InburgeraarId = id, Soort = afsluitSoort, Datum = datum, Toelichting = invoer.Toelichting!.Trim(),
            Ontheffingsgrond = afsluitSoort == Afsluitingssoort.Ontheffing ? invoer.Ontheffingsgrond : null,
            NieuweGemeente = afsluitSoort == Afsluitingssoort.Verhuisd ? invoer.NieuweGemeente!.Trim() : null,
            Door = gebruiker.Naam, Op = klok.NuUtc,
        });
        dossiers.Audit(AuditActie.Wijzigen, id, $"Dossier afgesloten: {afsluitSoort.Omschrijving()}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people closing at the same moment: the primary key lets only one through.
            return Uitkomst<Guid>.Geweigerd(new() { ["Soort"] = ["Dit dossier is zojuist door iemand anders afgesloten."] });
        }

        return Uitkomst<Guid>.Ok(id);
    }

    private void Datum(DateOnly? datum, string veld, Dictionary<string, string[]> fouten)
    {
        if (datum is null) fouten.Voeg(veld, "Vul de datum in.");
        else if (datum > klok.Vandaag) fouten.Voeg(veld, "De datum ligt in de toekomst. Leg alleen vast wat al gebeurd is.");
    }
}

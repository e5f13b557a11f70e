using System.Globalization;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Duo;
using Koers.Data.Model.Keten;
using Koers.Data.Versleuteling;
using Koers.Domain.Afsluiting;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Duo;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Duo;

/// <summary>What processing one event did: a Dutch sentence, the case it concerns, and what a person must now do.</summary>
public sealed record DuoEffect(string Resultaat, Guid? InburgeraarId, string? Actie);

/// <summary>
/// The effect of one DUO event on the case ("fetch and reconcile"): the notification is thin, so Koers reads the
/// relevant DUO API and brings the case in line. Every effect is idempotent (doing it twice changes nothing) and
/// audited. Changes are tracked on the context; <see cref="DuoInbox"/> saves them together with the event's status.
/// </summary>
public sealed class DuoVerwerker(KoersDbContext db, DuoClient duo, DossierService dossiers, DuoOpties opties, Klok klok, BsnBescherming bescherming, Auditlog audit)
{
    public const string Gebruiker = "DUO (notificatie)";

    /// <summary>The full BSN for DUO's APIs (the value type prints masked); only asked for after the check that there is one.</summary>
    private static string VolledigBsn(DuoNotificatie n) =>
        n.Bsn?.Value ?? throw new DuoFunctioneleFout($"{n.GebeurtenisId} zonder BSN (alleen V-nummer): DUO kan niet worden bevraagd.");

    public async Task<DuoEffect> VerwerkAsync(DuoNotificatie n, CancellationToken ct)
    {
        var gebeurtenis = DuoGebeurtenissen.Zoek(n.GebeurtenisId)
                          ?? throw new DuoFunctioneleFout($"Onbekende gebeurtenis {n.GebeurtenisId}: staat niet in de gebeurteniscatalogus van DUO.");
        // Events that only note something on the case need its id; the others the case with its municipality,
        // milestones and deadlines (three statements instead of one, for a DUO burst most of the inbox's reads).
        Inburgeraar? inburgeraar = null;
        Guid? dossierId;
        if (AlleenId(gebeurtenis.Reactie))
        {
            // Ordered by id as the split query below is, so the same case is found when a BSN and a V-nummer match two.
            dossierId = await db.Inburgeraars.MetBsnOfVNummer(bescherming, n.Bsn, n.VNummer).OrderBy(i => i.Id).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        }
        else
        {
            inburgeraar = await db.Inburgeraars.MetBsnOfVNummer(bescherming, n.Bsn, n.VNummer)
                .Include(i => i.Gemeente).Include(i => i.Mijlpalen).Include(i => i.Termijnen)
                .AsSplitQuery()
                .FirstOrDefaultAsync(ct);
            dossierId = inburgeraar?.Id;
        }

        if (gebeurtenis.Reactie == DuoReactie.NogNietInGebruik)
        {
            // DUO lists it as planned, not in use: stored and shown (linked to the case when there is one), never parked.
            var tekst = $"Vastgelegd: {gebeurtenis.Omschrijving}. DUO gebruikt deze gebeurtenis nog niet ({DuoGebeurtenissen.BronNogNietInGebruik.Reference}); er volgt geen automatische wijziging.";
            if (dossierId is { } gekoppeld) Audit(gekoppeld, $"DUO-melding {gebeurtenis.Code}: {tekst}");
            return new(tekst, dossierId, null);
        }

        if (n.Bsn is null)
        {
            // DUO's APIs are all keyed on the BSN; with only a V-nummer a person must link it.
            throw new DuoFunctioneleFout($"{gebeurtenis.Code} zonder BSN (alleen V-nummer): DUO kan niet worden bevraagd. Vul het BSN aan op het dossier en bied de melding opnieuw aan.");
        }

        var bsn = VolledigBsn(n);

        if (gebeurtenis.Reactie == DuoReactie.NieuwePlichtige) return await NieuwePlichtigeAsync(n, gebeurtenis, inburgeraar, ct);
        if (gebeurtenis.Reactie == DuoReactie.PipVorigeGemeente)
        {
            var nieuw = await NieuwePlichtigeAsync(n, gebeurtenis, inburgeraar, ct);
            var dossier = inburgeraar ?? db.Inburgeraars.Local.First(i => i.Id == nieuw.InburgeraarId);
            var overgenomen = await PipVorigeGemeenteAsync(bsn, dossier, ct);
            Audit(dossier.Id, $"DUO-melding {gebeurtenis.Code} ({gebeurtenis.Omschrijving}): {overgenomen}");
            return new($"{nieuw.Resultaat} {overgenomen}", dossier.Id, gebeurtenis.Actie);
        }

        if (dossierId is not { } id)
        {
            throw new DuoFunctioneleFout($"{gebeurtenis.Code} ({gebeurtenis.Omschrijving}): er is geen dossier met dit BSN in Koers.");
        }

        var (resultaat, actie) = gebeurtenis.Reactie switch
        {
            DuoReactie.ToetsAangemeld => (await ToetsAangemeldAsync(n, id, ct), null),
            DuoReactie.Examenresultaat => (await ExamensAsync(bsn, id, ct), null),
            DuoReactie.DuoBesluit => ($"Besluit van DUO vastgelegd: {(await BesluitAsync(bsn, gebeurtenis, ct)).Tekst}", gebeurtenis.Actie),
            DuoReactie.DoelgroepGewijzigd => (await DoelgroepAsync(bsn, inburgeraar!, ct), null),
            DuoReactie.ToetsResultaat => (await ToetsAsync(bsn, inburgeraar!, ct), null),
            DuoReactie.TermijnGestart => (await TermijnGestartAsync(bsn, inburgeraar!, ct), null),
            DuoReactie.TermijnVerlengd => (await TermijnVerlengdAsync(bsn, inburgeraar!, ct), null),
            DuoReactie.PlichtBeeindigd => await PlichtBeeindigdAsync(n, gebeurtenis, inburgeraar!, ct),
            _ => throw new DuoFunctioneleFout($"{gebeurtenis.Code}: Koers weet niet wat deze gebeurtenis betekent."),
        };
        Audit(id, $"DUO-melding {gebeurtenis.Code} ({gebeurtenis.Omschrijving}): {resultaat}");
        return new(resultaat, id, actie);
    }

    /// <summary>The reactions whose effect needs only the case's id (a note, a decision's text, a toets date, exam rows).</summary>
    internal static bool AlleenId(DuoReactie reactie) =>
        reactie is DuoReactie.NogNietInGebruik or DuoReactie.ToetsAangemeld or DuoReactie.Examenresultaat or DuoReactie.DuoBesluit;

    /// <summary>The day DUO registered the event, in Dutch time, never later than today.</summary>
    private DateOnly Registratiedag(DuoNotificatie n)
    {
        var dag = DateOnly.FromDateTime(Klok.NaarNederlandseTijd(DateTime.SpecifyKind(n.RegistratieDatumTijd, DateTimeKind.Utc)));
        return dag > klok.Vandaag ? klok.Vandaag : dag;
    }

    /// <summary>
    /// The plicht ended (diploma, whole vrijstelling or ontheffing, withdrawn, death): the case closes with the
    /// matching milestone. Closing as "einde begeleiding" ends ontzorgen payments the day before
    /// (OntzorgenRegels.Periode), and a closed case gets no new letters (PIP, handhaving). Already closed: nothing changes.
    /// </summary>
    private async Task<(string, string?)> PlichtBeeindigdAsync(DuoNotificatie n, DuoGebeurtenis g, Inburgeraar i, CancellationToken ct)
    {
        var soort = g.Afsluiting ?? throw new InvalidOperationException($"{g.Code} heeft geen afsluitingssoort in de catalogus.");
        var bestaand = await db.Set<Koers.Data.Model.Keten.Afsluiting>().AsNoTracking().FirstOrDefaultAsync(a => a.InburgeraarId == i.Id, ct);
        if (bestaand is not null || i.Feiten().Afsluiting is not null)
        {
            return ($"Het dossier was al afgesloten{(bestaand is null ? "" : $" op {bestaand.Datum:dd-MM-yyyy} ({bestaand.Soort.Omschrijving().ToLowerInvariant()})")}; melding vastgelegd.", null);
        }

        // DUO is asked only for a case that actually closes now, and once: the decision's text and (ontheffing) its grond.
        var (besluit, grond) = g.Besluitbron == DuoBesluitbron.Geen ? (null, null) : await BesluitAsync(VolledigBsn(n), g, ct);
        var datum = Registratiedag(n);
        Controleer(dossiers.PasMijlpalenToe(i, new Dictionary<Mijlpaal, DateOnly?> { [soort.Mijlpaal()] = datum }, $"Afsluiting na DUO-melding {g.Code}"));
        db.Add(new Koers.Data.Model.Keten.Afsluiting
        {
            InburgeraarId = i.Id, Soort = soort, Datum = datum, Ontheffingsgrond = soort == Afsluitingssoort.Ontheffing ? grond : null, Door = Gebruiker, Op = klok.NuUtc,
            Toelichting = $"DUO meldde {g.Code}: {g.Omschrijving}.{(besluit is null ? "" : " " + besluit)}",
        });
        return ($"Dossier afgesloten op {datum:dd-MM-yyyy}: {soort.Omschrijving().ToLowerInvariant()} ({g.Omschrijving.ToLowerInvariant()}).{(besluit is null ? "" : " " + besluit)}", g.Actie);
    }

    /// <summary>
    /// DUO's decision behind the event, read from the Vrijstelling or Ontheffing API (one call), in one Dutch sentence,
    /// with the grond of the newest whole ontheffing when there is one.
    /// </summary>
    private async Task<(string? Tekst, Ontheffingsgrond? Grond)> BesluitAsync(string bsn, DuoGebeurtenis g, CancellationToken ct)
    {
        switch (g.Besluitbron)
        {
            case DuoBesluitbron.Vrijstelling:
                return (Nieuwste((await duo.VrijstellingenAsync(bsn, ct)).Select(Omschrijf), g), null);
            case DuoBesluitbron.Ontheffing:
                var ontheffingen = await duo.OntheffingenAsync(bsn, ct);
                var gehele = ontheffingen.Select(o => o.GeheleOntheffing).OfType<DuoGeheleOntheffing>().OrderByDescending(o => o.DatumOordeel).FirstOrDefault();
                var grond = gehele?.Grond switch
                {
                    "MED" => Ontheffingsgrond.Medisch,
                    "BIO" => Ontheffingsgrond.BijzondereIndividueleOmstandigheden,
                    _ => (Ontheffingsgrond?)null,
                };
                return (Nieuwste(ontheffingen.Select(Omschrijf), g), grond);
            default:
                return (g.Omschrijving + ".", null);
        }
    }

    private static string Nieuwste(IEnumerable<(DateOnly? Datum, string Tekst)> regels, DuoGebeurtenis g) =>
        regels.OrderByDescending(r => r.Datum).Select(r => r.Tekst).FirstOrDefault() ?? $"{g.Omschrijving} (DUO geeft geen details).";

    /// <summary>
    /// SS121: the person brings a PIP from the previous municipality. Its date is taken over as the PIP milestone
    /// (the termijn runs from it, as DUO has it), with the leerroute and any extension, and remembered so the next
    /// PIP made here is not treated as the first (DUO's rule on A2 in the B1-route).
    /// </summary>
    private async Task<string> PipVorigeGemeenteAsync(string bsn, Inburgeraar i, CancellationToken ct)
    {
        var pip = await duo.PipAsync(bsn, ct) ?? throw new DuoFunctioneleFout("SS121: DUO meldt een PIP van de vorige gemeente, maar geeft geen PIP terug.");
        var termijn = await duo.InburgeringstermijnAsync(bsn, ct);
        i.PipVorigeGemeenteOp = pip.Pip.DagtekeningPip;
        i.PipVorigeGemeente = pip.Gemeentecode;
        var route = pip.Pip.Leerroute switch { "B" => Leerroute.B1Route, "O" => Leerroute.Onderwijsroute, "Z" => Leerroute.ZRoute, _ => (Leerroute?)null };
        i.Leerroute ??= route;
        var start = termijn?.Startdatum ?? pip.Pip.DagtekeningPip;
        var wijzigingen = new Dictionary<Mijlpaal, DateOnly?>();
        if (i.Feiten().Datum(Mijlpaal.PipVastgesteld) is null) wijzigingen[Mijlpaal.PipVastgesteld] = start;
        if (termijn is not null && termijn.Einddatum > start.AddYears(3) && i.Feiten().Datum(Mijlpaal.TermijnVerlengdTot) != termijn.Einddatum)
            wijzigingen[Mijlpaal.TermijnVerlengdTot] = termijn.Einddatum;
        if (wijzigingen.Count > 0) Controleer(dossiers.PasMijlpalenToe(i, wijzigingen, "PIP van de vorige gemeente (DUO)"));
        return $"PIP van gemeente {pip.Gemeentecode} met dagtekening {pip.Pip.DagtekeningPip:dd-MM-yyyy} overgenomen (leerroute {route?.Omschrijving() ?? pip.Pip.Leerroute})"
               + (termijn is null ? "." : $"; inburgeringstermijn {termijn.Startdatum:dd-MM-yyyy} t/m {termijn.Einddatum:dd-MM-yyyy}.");
    }

    /// <summary>SS137: DUO registered the person for the leerbaarheidstoets; the date goes on the case when it has none.</summary>
    private async Task<string> ToetsAangemeldAsync(DuoNotificatie n, Guid id, CancellationToken ct)
    {
        var dag = Registratiedag(n);
        var toets = await db.Leerbaarheidstoetsen.FirstOrDefaultAsync(t => t.InburgeraarId == id, ct);
        if (toets?.Aangemeld is { } al) return $"Aanmelding voor de leerbaarheidstoets stond al op {al:dd-MM-yyyy}.";
        if (toets is null)
        {
            toets = new Leerbaarheidstoets { InburgeraarId = id };
            db.Leerbaarheidstoetsen.Add(toets);
        }

        toets.Aangemeld = dag;
        return $"Aangemeld voor de leerbaarheidstoets op {dag:dd-MM-yyyy} (volgens DUO).";
    }

    private async Task<DuoEffect> NieuwePlichtigeAsync(DuoNotificatie n, DuoGebeurtenis g, Inburgeraar? bestaand, CancellationToken ct)
    {
        var plicht = await duo.InburgeringsplichtAsync(VolledigBsn(n), ct)
                     ?? throw new DuoFunctioneleFout($"{g.Code}: DUO kent deze persoon niet (inburgeringsplicht 404).");
        var doelgroep = await duo.DoelgroepAsync(VolledigBsn(n), ct);
        if (bestaand is not null)
        {
            bestaand.DuoPlichtSinds = plicht.Begindatum ?? bestaand.DuoPlichtSinds;
            // DUO's notice starts the 10-week PIP term (Besluit inburgering 2021 art. 5.3 lid 1): the case takes DUO's date.
            var kennisgeving = plicht.DatumKennisgevingInburgeringsplicht;
            var overgenomen = kennisgeving is { } k && bestaand.Feiten().Datum(Mijlpaal.KennisgevingInburgeringsplicht) != k;
            if (overgenomen)
            {
                Controleer(dossiers.PasMijlpalenToe(bestaand, new Dictionary<Mijlpaal, DateOnly?> { [Mijlpaal.KennisgevingInburgeringsplicht] = kennisgeving },
                    "Kennisgeving inburgeringsplicht volgens DUO"));
            }

            Audit(bestaand.Id, $"DUO-melding {g.Code} ({g.Omschrijving}); het dossier bestond al."
                + (overgenomen ? $" Kennisgeving inburgeringsplicht volgens DUO: {kennisgeving:dd-MM-yyyy}." : ""));
            return new("Dossier bestond al; melding vastgelegd." + (overgenomen ? $" Kennisgeving van DUO op {kennisgeving:dd-MM-yyyy} overgenomen." : ""), bestaand.Id, null);
        }

        if (!plicht.IndicatorInburgeringsplicht)
        {
            throw new DuoFunctioneleFout($"{g.Code}: DUO meldt een nieuwe inburgeringsplichtige, maar de inburgeringsplicht staat bij DUO op 'nee' ({plicht.RedenGeenInburgeringsplicht ?? "geen reden"}).");
        }

        // Which municipality DUO notified is configuration (Duo:Gemeente), never a guess.
        var code = opties.Gemeente?.Trim().ToUpperInvariant()
                   ?? throw new DuoFunctioneleFout("Duo:Gemeente is niet ingesteld: Koers weet niet in welke gemeente het nieuwe dossier hoort.");
        var gemeente = await db.Gemeenten.FirstOrDefaultAsync(x => x.Code == code, ct);
        if (gemeente is null) throw new DuoFunctioneleFout($"Gemeente '{code}' (Duo:Gemeente) is niet ingericht in Koers.");

        var id = Guid.NewGuid();
        var inburgeraar = new Inburgeraar
        {
            Id = id,
            // DUO does not deliver names or birth dates (they come from the BRP); the case shows it must be completed.
            Voornamen = "(aanvullen uit BRP)",
            Achternaam = "Nieuw via DUO",
            Nationaliteit = "onbekend",
            Bsn = n.Bsn,
            VNummer = n.VNummer,
            Doelgroep = DuoVertaling.Doelgroep(doelgroep?.Indeling) ?? Koers.Domain.Dossier.Doelgroep.OverigeMigrant,
            GemeenteId = gemeente.Id,
            Gemeente = gemeente,
            Bron = Registratiebron.DuoMelding,
            DuoPlichtSinds = plicht.Begindatum,
        };
        if (plicht.DatumKennisgevingInburgeringsplicht is { } brief && brief <= klok.Vandaag)
        {
            // The notice starts the 10-week PIP term (Besluit inburgering 2021 art. 5.3 lid 1).
            inburgeraar.Mijlpalen.Add(new MijlpaalRegel { InburgeraarId = id, Soort = Mijlpaal.KennisgevingInburgeringsplicht, Datum = brief });
        }

        inburgeraar.Fase = FaseBepaling.Bepaal(inburgeraar.Feiten());
        inburgeraar.Termijnen.AddRange(LegalClock.Bereken(inburgeraar.Feiten(), gemeente.Instellingen).Select(t => Termijnregel.Uit(id, t)));
        db.Inburgeraars.Add(inburgeraar);
        audit.Schrijf(AuditActie.Aanmaken, id, $"Dossier aangemaakt uit DUO-melding {g.Code} ({g.Omschrijving}); doelgroep volgens DUO: {doelgroep?.Indeling ?? "onbekend"}.", door: Gebruiker);
        return new($"Dossier aangemaakt in {gemeente.Naam} (doelgroep {inburgeraar.Doelgroep.Omschrijving()}).", id, null);
    }


    private async Task<string> DoelgroepAsync(string bsn, Inburgeraar i, CancellationToken ct)
    {
        var d = await duo.DoelgroepAsync(bsn, ct) ?? throw new DuoFunctioneleFout("DUO geeft geen doelgroep voor deze persoon.");
        var nieuw = DuoVertaling.Doelgroep(d.Indeling, i.Doelgroep) ?? throw new DuoFunctioneleFout($"Onbekende doelgroepindeling '{d.Indeling}'.");
        if (nieuw == i.Doelgroep) return "Doelgroep ongewijzigd.";
        var oud = i.Doelgroep;
        var voor = i.Feiten();
        i.Doelgroep = nieuw;
        Controleer(dossiers.PasMijlpalenToe(i, new Dictionary<Mijlpaal, DateOnly?>(), "Doelgroep gewijzigd door DUO", voor, "Doelgroep gewijzigd (DUO)"));
        return $"Doelgroep gewijzigd van {oud.Omschrijving()} naar {nieuw.Omschrijving()}.";
    }

    private async Task<string> ToetsAsync(string bsn, Inburgeraar i, CancellationToken ct)
    {
        var resultaten = await duo.LbtResultatenAsync(bsn, ct);
        var r = resultaten.OrderByDescending(x => x.DatumAfname).FirstOrDefault()
                ?? throw new DuoFunctioneleFout("DUO meldt een toetsresultaat, maar geeft geen resultaat terug.");
        if (!DuoVertaling.TryScore(r.BehaaldeScore, out var score) || !DuoVertaling.TryScore(r.BenodigdeScore, out var cesuur))
        {
            throw new DuoFunctioneleFout("De score van DUO heeft niet de vorm ddd,dd.");
        }

        var toets = await db.Leerbaarheidstoetsen.FirstOrDefaultAsync(t => t.InburgeraarId == i.Id, ct);
        if (toets is { Bron: LbtBron.Duo } && toets.Afgenomen == r.DatumAfname && toets.Score == score && toets.CesuurVolgensDuo == cesuur)
        {
            return "Toetsresultaat was al vastgelegd.";
        }

        Controleer(dossiers.PasMijlpalenToe(i, new Dictionary<Mijlpaal, DateOnly?> { [Mijlpaal.Leerbaarheidstoets] = r.DatumAfname }, "Leerbaarheidstoets (DUO)"));
        if (toets is null)
        {
            toets = new Leerbaarheidstoets { InburgeraarId = i.Id };
            db.Leerbaarheidstoetsen.Add(toets);
        }

        toets.Afgenomen = r.DatumAfname;
        toets.Score = score;
        toets.CesuurVolgensDuo = cesuur;
        toets.Overgeslagen = false;
        toets.RedenOverslaan = null;
        toets.Afnemer = "DUO";
        toets.Bron = LbtBron.Duo;
        return $"Leerbaarheidstoets {r.DatumAfname:dd-MM-yyyy}: {r.Resultaat} ({r.BehaaldeScore} van benodigd {r.BenodigdeScore}).";
    }

    private async Task<string> TermijnGestartAsync(string bsn, Inburgeraar i, CancellationToken ct)
    {
        var t = await duo.InburgeringstermijnAsync(bsn, ct) ?? throw new DuoFunctioneleFout("DUO meldt een gestarte termijn, maar geeft geen termijn terug.");
        var pip = i.Feiten().Datum(Mijlpaal.PipVastgesteld);
        if (pip == t.Startdatum) return $"Termijn {t.Startdatum:dd-MM-yyyy} t/m {t.Einddatum:dd-MM-yyyy} klopt met het dossier.";
        if (pip is { } eigen)
        {
            // Koers keeps its own PIP date; a difference needs a person, not a silent overwrite.
            throw new DuoFunctioneleFout($"DUO laat de termijn starten op {t.Startdatum:dd-MM-yyyy}, het dossier heeft PIP-dagtekening {eigen:dd-MM-yyyy}. Controleer welke juist is.");
        }

        Controleer(dossiers.PasMijlpalenToe(i, new Dictionary<Mijlpaal, DateOnly?> { [Mijlpaal.PipVastgesteld] = t.Startdatum }, "Termijn gestart volgens DUO"));
        return $"Inburgeringstermijn gestart op {t.Startdatum:dd-MM-yyyy} (einde {t.Einddatum:dd-MM-yyyy}).";
    }

    private async Task<string> TermijnVerlengdAsync(string bsn, Inburgeraar i, CancellationToken ct)
    {
        var t = await duo.InburgeringstermijnAsync(bsn, ct) ?? throw new DuoFunctioneleFout("DUO meldt een verlenging, maar geeft geen termijn terug.");
        if (i.Feiten().Datum(Mijlpaal.TermijnVerlengdTot) == t.Einddatum) return "Verlenging was al vastgelegd.";
        Controleer(dossiers.PasMijlpalenToe(i, new Dictionary<Mijlpaal, DateOnly?> { [Mijlpaal.TermijnVerlengdTot] = t.Einddatum },
            $"Termijn verlengd door DUO{(t.Verlengingsgrondomschrijving is { } g ? " (" + g + ")" : "")}"));
        return $"Inburgeringstermijn verlengd tot {t.Einddatum:dd-MM-yyyy}.";
    }

    private async Task<string> ExamensAsync(string bsn, Guid id, CancellationToken ct)
    {
        var resultaten = await duo.ExamenresultatenAsync(bsn, ct);
        var bestaand = await db.Examenresultaten.Where(e => e.InburgeraarId == id && e.Bron == Gegevensbron.Duo).Select(e => e.ExternKenmerk).ToListAsync(ct);
        var nieuw = 0;
        foreach (var r in resultaten.Where(r => r.Resultaat is "Geslaagd" or "Gezakt"))
        {
            if (DuoVertaling.Examenonderdeel(r.Onderdeel) is not { } naam || !Enum.TryParse<Examenonderdeel>(naam, out var onderdeel)) continue;
            // DUO's result has no key of its own; case + component + date + level identifies it.
            var kenmerk = $"{id:N}-{r.Onderdeel}-{r.Examendatum:yyyyMMdd}-{r.Niveau ?? "-"}";
            if (bestaand.Contains(kenmerk)) continue;
            db.Examenresultaten.Add(new Examenresultaat
            {
                Id = Guid.NewGuid(),
                InburgeraarId = id,
                Onderdeel = onderdeel,
                Datum = r.Examendatum,
                Niveau = r.Niveau,
                Behaald = r.Resultaat == "Geslaagd",
                Bron = Gegevensbron.Duo,
                ExternKenmerk = kenmerk,
                VastgelegdOp = klok.NuUtc,
                VastgelegdDoor = Gebruiker,
            });
            bestaand.Add(kenmerk);
            nieuw++;
        }

        return nieuw == 0 ? "Geen nieuwe examenresultaten." : $"{nieuw} nieuw(e) examenresultaat/-resultaten vastgelegd.";
    }

    private static (DateOnly? Datum, string Tekst) Omschrijf(DuoVrijstelling v) => v switch
    {
        { GeheleVrijstelling: { } g } => (g.DatumOordeel, $"Gehele vrijstelling: {Oordeel(g.Oordeel)}{Op(g.DatumOordeel)}, reden {g.Reden}."),
        { TijdelijkeVrijstelling: { } t } => (t.DatumOordeel,
            $"Tijdelijke vrijstelling: {Oordeel(t.Oordeel)}{Op(t.DatumOordeel)}, reden {t.Reden}{(t.Startdatum is { } s ? $", van {s:dd-MM-yyyy}" : "")}{(t.Einddatum is { } e ? $" tot {e:dd-MM-yyyy}" : "")}."),
        { GedeeltelijkeVrijstelling: { } d } => (d.DatumOordeel,
            $"Gedeeltelijke vrijstelling: {Oordeel(d.Oordeel)}{Op(d.DatumOordeel)}, reden {d.Reden}{(d.Examenonderdeel is { } o ? $", onderdeel {Onderdeel(o)}" : "")}{(d.Examenniveau is { } n ? $" ({n})" : "")}."),
        _ => (null, "Vrijstelling zonder details."),
    };

    private static (DateOnly? Datum, string Tekst) Omschrijf(DuoOntheffing o) => o switch
    {
        { GeheleOntheffing: { } g } => (g.DatumOordeel, $"Gehele ontheffing: {Oordeel(g.Oordeel)}{Op(g.DatumOordeel)}, grond {Grond(g.Grond)}."),
        { GedeeltelijkeOntheffing: { } d } => (d.DatumOordeel,
            $"Gedeeltelijke ontheffing: {Oordeel(d.Oordeel)}{Op(d.DatumOordeel)}, grond {Grond(d.Grond)}{(d.Examenonderdeel is { } e ? $", onderdeel {Onderdeel(e)}" : "")}."),
        _ => (null, "Ontheffing zonder details."),
    };

    private static string Op(DateOnly? datum) => datum is { } d ? $" op {d:dd-MM-yyyy}" : "";

    private static string Oordeel(string oordeel) => oordeel switch
    {
        "Toekenning" => "toegekend",
        "Afwijzing" => "afgewezen",
        _ => oordeel,
    };

    /// <summary>DUO's exam component codes in vrijstelling and ontheffing (LE, LU, SC, SP, KNM).</summary>
    private static string Onderdeel(string code) => code switch
    {
        "LE" => "lezen",
        "LU" => "luisteren",
        "SC" => "schrijven",
        "SP" => "spreken",
        "KNM" => "KNM",
        _ => code,
    };

    private static string Grond(string grond) => grond switch
    {
        "MED" => "medisch",
        "BIO" => "bijzondere individuele omstandigheden",
        _ => grond,
    };

    private static void Controleer(IReadOnlyList<Overtreding> overtredingen)
    {
        if (overtredingen.Count > 0) throw new DuoFunctioneleFout("Het dossier laat deze wijziging niet toe: " + string.Join(" ", overtredingen.Select(o => o.Melding)));
    }

    private void Audit(Guid id, string omschrijving) =>
        audit.Schrijf(AuditActie.Wijzigen, id, InboxKort(omschrijving), door: Gebruiker);

    private static string InboxKort(string s) => s.Length > 1000 ? s[..1000] : s;
}

using System.Globalization;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Duo;
using Koers.Data.Model.Keten;
using Koers.Data.Versleuteling;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Duo;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Duo;

/// <summary>
/// The effect of one DUO event on the case ("fetch and reconcile"): the notification is thin, so Koers reads the
/// relevant DUO API and brings the case in line. Every effect is idempotent (doing it twice changes nothing) and
/// audited. Changes are tracked on the context; <see cref="DuoInbox"/> saves them together with the event's status.
/// </summary>
public sealed class DuoVerwerker(KoersDbContext db, DuoClient duo, DossierService dossiers, DuoOpties opties, Klok klok, BsnBescherming bescherming)
{
    public const string Gebruiker = "DUO (notificatie)";

    public async Task<(string Resultaat, Guid? InburgeraarId)> VerwerkAsync(DuoNotificatie n, CancellationToken ct)
    {
        var gebeurtenis = DuoGebeurtenissen.Zoek(n.GebeurtenisId)
                          ?? throw new DuoFunctioneleFout($"Onbekende gebeurtenis {n.GebeurtenisId}: staat niet in de gebeurteniscatalogus van DUO.");
        var vnummer = n.VNummer?.ToString("D10", CultureInfo.InvariantCulture);
        var inburgeraar = await db.Inburgeraars.MetBsnOfVNummer(bescherming, n.Bsn, vnummer)
            .Include(i => i.Gemeente).Include(i => i.Mijlpalen).Include(i => i.Termijnen)
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        if (n.Bsn is null)
        {
            // DUO's APIs are all keyed on the BSN; with only a V-nummer a person must link it.
            throw new DuoFunctioneleFout($"{gebeurtenis.Code} zonder BSN (alleen V-nummer): DUO kan niet worden bevraagd. Vul het BSN aan op het dossier en bied de melding opnieuw aan.");
        }

        if (gebeurtenis.Reactie == DuoReactie.NieuwePlichtige) return await NieuwePlichtigeAsync(n, gebeurtenis, inburgeraar, ct);
        if (inburgeraar is null)
        {
            throw new DuoFunctioneleFout($"{gebeurtenis.Code} ({gebeurtenis.Omschrijving}): er is geen dossier met dit BSN in Koers.");
        }

        var resultaat = gebeurtenis.Reactie switch
        {
            DuoReactie.DoelgroepGewijzigd => await DoelgroepAsync(n.Bsn, inburgeraar, ct),
            DuoReactie.ToetsResultaat => await ToetsAsync(n.Bsn, inburgeraar, ct),
            DuoReactie.TermijnGestart => await TermijnGestartAsync(n.Bsn, inburgeraar, ct),
            DuoReactie.TermijnVerlengd => await TermijnVerlengdAsync(n.Bsn, inburgeraar, ct),
            DuoReactie.Examenresultaat => await ExamensAsync(n.Bsn, inburgeraar, ct),
            _ => $"Vastgelegd op het dossier: {gebeurtenis.Omschrijving}.",
        };
        Audit(inburgeraar.Id, $"DUO-melding {gebeurtenis.Code} ({gebeurtenis.Omschrijving}): {resultaat}");
        return (resultaat, inburgeraar.Id);
    }

    private async Task<(string, Guid?)> NieuwePlichtigeAsync(DuoNotificatie n, DuoGebeurtenis g, Inburgeraar? bestaand, CancellationToken ct)
    {
        var plicht = await duo.InburgeringsplichtAsync(n.Bsn!, ct)
                     ?? throw new DuoFunctioneleFout($"{g.Code}: DUO kent deze persoon niet (inburgeringsplicht 404).");
        var doelgroep = await duo.DoelgroepAsync(n.Bsn!, ct);
        if (bestaand is not null)
        {
            Audit(bestaand.Id, $"DUO-melding {g.Code} ({g.Omschrijving}); het dossier bestond al.");
            return ("Dossier bestond al; melding vastgelegd.", bestaand.Id);
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
            VNummer = n.VNummer?.ToString("D10", CultureInfo.InvariantCulture),
            Doelgroep = DuoVertaling.Doelgroep(doelgroep?.Indeling) ?? Koers.Domain.Dossier.Doelgroep.OverigeMigrant,
            GemeenteId = gemeente.Id,
            Gemeente = gemeente,
            Bron = Registratiebron.DuoMelding,
            AangemaaktOp = klok.NuUtc,
            GewijzigdOp = klok.NuUtc,
        };
        inburgeraar.Fase = FaseBepaling.Bepaal(inburgeraar.Feiten());
        inburgeraar.Termijnen.AddRange(LegalClock.Bereken(inburgeraar.Feiten(), gemeente.Instellingen).Select(t => Termijnregel.Uit(id, t)));
        db.Inburgeraars.Add(inburgeraar);
        db.Audit.Add(new AuditRegel
        {
            Op = klok.NuUtc, Gebruiker = Gebruiker, Actie = AuditActie.Aanmaken, InburgeraarId = id,
            Omschrijving = $"Dossier aangemaakt uit DUO-melding {g.Code} ({g.Omschrijving}); doelgroep volgens DUO: {doelgroep?.Indeling ?? "onbekend"}.",
        });
        return ($"Dossier aangemaakt in {gemeente.Naam} (doelgroep {inburgeraar.Doelgroep.Omschrijving()}).", id);
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
        toets.GewijzigdOp = klok.NuUtc;
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

    private async Task<string> ExamensAsync(string bsn, Inburgeraar i, CancellationToken ct)
    {
        var resultaten = await duo.ExamenresultatenAsync(bsn, ct);
        var bestaand = await db.Examenresultaten.Where(e => e.InburgeraarId == i.Id && e.Bron == Gegevensbron.Duo).Select(e => e.ExternKenmerk).ToListAsync(ct);
        var nieuw = 0;
        foreach (var r in resultaten.Where(r => r.Resultaat is "Geslaagd" or "Gezakt"))
        {
            if (DuoVertaling.Examenonderdeel(r.Onderdeel) is not { } naam || !Enum.TryParse<Examenonderdeel>(naam, out var onderdeel)) continue;
            // DUO's result has no key of its own; case + component + date + level identifies it.
            var kenmerk = $"{i.Id:N}-{r.Onderdeel}-{r.Examendatum:yyyyMMdd}-{r.Niveau ?? "-"}";
            if (bestaand.Contains(kenmerk)) continue;
            db.Examenresultaten.Add(new Examenresultaat
            {
                Id = Guid.NewGuid(),
                InburgeraarId = i.Id,
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

    private static void Controleer(IReadOnlyList<Overtreding> overtredingen)
    {
        if (overtredingen.Count > 0) throw new DuoFunctioneleFout("Het dossier laat deze wijziging niet toe: " + string.Join(" ", overtredingen.Select(o => o.Melding)));
    }

    private void Audit(Guid id, string omschrijving) =>
        db.Audit.Add(new AuditRegel { Op = klok.NuUtc, Gebruiker = Gebruiker, Actie = AuditActie.Wijzigen, InburgeraarId = id, Omschrijving = InboxKort(omschrijving) });

    private static string InboxKort(string s) => s.Length > 1000 ? s[..1000] : s;
}

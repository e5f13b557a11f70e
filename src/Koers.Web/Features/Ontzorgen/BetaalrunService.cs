using System.Security.Cryptography;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Ontzorgen;
using Koers.Domain.Dossier;
using Koers.Domain.Ontzorgen;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Ontzorgen;

/// <summary>One payment a run would make (or made): which case, which payee, which days of the month, how much.</summary>
public sealed record BetaalVoorstelRegel(Guid InburgeraarId, string Naam, Guid BetalingId, Begunstigde Soort, string CrediteurNaam, string Iban, string? Bic,
    string Omschrijving, string EndToEndId, decimal BedragPerMaand, MaandDeel Deel);

/// <summary>A case with payees that is not paid this month, and why.</summary>
public sealed record Overgeslagen(Guid InburgeraarId, string Naam, string Reden);

/// <summary>What a run for a month would pay now: the new payments, what earlier runs of the month paid, and what is skipped.</summary>
public sealed record BetaalVoorstel(Gemeente Gemeente, OntzorgenBeleid Beleid, DateOnly Maand, IReadOnlyList<BetaalVoorstelRegel> Nieuw, int AlBetaald,
    decimal AlBetaaldBedrag, IReadOnlyList<Overgeslagen> Overgeslagen)
{
    public decimal TotaalNieuw => Nieuw.Sum(r => r.Deel.Bedrag);
}

/// <summary>The outcome of asking for a run: a new run, or (nothing new to pay) only a message.</summary>
public sealed record BetaalrunUitkomst(Guid? BetaalrunId, string Melding, BetaalVoorstel Voorstel);

/// <summary>
/// The monthly payment run of a municipality: per payee of every running ontzorging the amount for the chosen month,
/// pro rata for a partial month, as one SEPA credit-transfer file (pain.001.001.03). Idempotent: a payment is stored
/// with the unique key (municipality, month, case, payee), so a second run of a month only pays what is new.
/// </summary>
public sealed class BetaalrunService(KoersDbContext db, OntzorgenBeleidService beleidService, DossierService dossiers, Klok klok, Kern.Toegang toegang, ILogger<BetaalrunService> log, Infrastructure.Bedrijfsvoering.KoersMetingen metingen)
{

    /// <summary>The earliest month a run may pay: the Wi2021 took effect on 1 January 2022.</summary>
    public static readonly DateOnly EersteMaand = new(2022, 1, 1);

    public DateOnly StandaardMaand => EersteVan(klok.Vandaag);

    /// <summary>The execution date a run gets by default: today, or the first day of a month still to come.</summary>
    public DateOnly StandaardUitvoerdatum(DateOnly maand) => maand > klok.Vandaag ? maand : klok.Vandaag;

    public async Task<Uitkomst<BetaalVoorstel>> VoorstelAsync(string? gemeenteCode, string? maandTekst, CancellationToken ct = default)
    {
        var fouten = new Dictionary<string, string[]>();
        var maand = LeesMaand(maandTekst, fouten);
        var gevonden = await LeesGemeenteAsync(gemeenteCode, fouten, ct);
        if (fouten.Count > 0) return Uitkomst<BetaalVoorstel>.Geweigerd(fouten);
        return Uitkomst<BetaalVoorstel>.Ok(await BerekenAsync(gevonden!.Value.Gemeente, gevonden.Value.Beleid, maand!.Value, ct));
    }

    public async Task<Uitkomst<BetaalrunUitkomst>> UitvoerenAsync(BetaalrunInvoer invoer, CancellationToken ct = default)
    {
        var fouten = new Dictionary<string, string[]>();
        var maand = LeesMaand(invoer.Maand, fouten);
        var gevonden = await LeesGemeenteAsync(invoer.Gemeente, fouten, ct);
        var vandaag = klok.Vandaag;
        if (invoer.Uitvoerdatum is { } datum)
        {
            if (datum < vandaag) fouten[nameof(invoer.Uitvoerdatum)] = ["De uitvoeringsdatum ligt in het verleden; een bank voert een opdracht niet met terugwerkende kracht uit."];
            else if (datum > vandaag.AddYears(1)) fouten[nameof(invoer.Uitvoerdatum)] = ["Kies een uitvoeringsdatum binnen een jaar."];
        }

        if (gevonden is { Beleid: var beleid, Gemeente: var g })
        {
            if (string.IsNullOrWhiteSpace(beleid.DebiteurIban) || !Iban.TryParse(beleid.DebiteurIban, out _, out _))
            {
                fouten["Debiteur"] = [$"Voor gemeente {g.Naam} is nog geen rekening (IBAN) vastgelegd waarvan betaald wordt. Vul die eerst in bij Beheer › Ontzorgen."];
            }
        }

        if (fouten.Count > 0) return Uitkomst<BetaalrunUitkomst>.Geweigerd(fouten);

        var (gemeente, beleidGemeente) = gevonden!.Value;
        var voorstel = await BerekenAsync(gemeente, beleidGemeente, maand!.Value, ct);
        var maandNaam = OntzorgenRegels.MaandNaam(voorstel.Maand);
        if (voorstel.Nieuw.Count == 0)
        {
            var melding = voorstel.AlBetaald > 0
                ? $"Er is niets nieuws te betalen voor {maandNaam}: alle {voorstel.AlBetaald} betaling(en) zitten al in een eerdere betaalrun. Er is geen bestand gemaakt."
                : $"Er is niets te betalen voor {maandNaam}: geen lopend ontzorgen met ontvangers in deze maand. Er is geen bestand gemaakt.";
            return Uitkomst<BetaalrunUitkomst>.Ok(new BetaalrunUitkomst(null, melding, voorstel));
        }

        var volgnummer = await db.Set<Betaalrun>().CountAsync(r => r.GemeenteId == gemeente.Id && r.Maand == voorstel.Maand, ct) + 1;
        var msgId = $"KOERS-{gemeente.Code}-{voorstel.Maand:yyyyMM}-{volgnummer}";
        var uitvoerdatum = invoer.Uitvoerdatum ?? StandaardUitvoerdatum(voorstel.Maand);
        // A name that keeps no Latin letter (recorded in Arabic or Ge'ez script only) cannot go into a SEPA file: say which.
        var zonderLatijn = voorstel.Nieuw.Where(r => !SepaTekst.HeeftLatijn(r.CrediteurNaam)).Select(r => r.CrediteurNaam).Distinct().ToList();
        if (!SepaTekst.HeeftLatijn(beleidGemeente.DebiteurNaam)) zonderLatijn.Insert(0, beleidGemeente.DebiteurNaam);
        if (zonderLatijn.Count > 0)
        {
            return Uitkomst<BetaalrunUitkomst>.Geweigerd(new Dictionary<string, string[]>
            {
                ["Ontvangers"] = [.. zonderLatijn.Select(n => $"De naam '{n}' heeft geen vorm in Latijnse letters, en een SEPA-bestand kent alleen die. Leg de naam vast zoals hij op de bankrekening staat (in Latijnse letters). Er is geen bestand gemaakt.")],
            });
        }

        byte[] xml;
        try
        {
            xml = Pain001.Maak(new Pain001Opdracht(
            msgId,
            Klok.NaarNederlandseTijd(klok.NuUtc),
            msgId + "-1",
            uitvoerdatum,
            beleidGemeente.DebiteurNaam,
            beleidGemeente.DebiteurIban!,
            beleidGemeente.DebiteurBic,
            voorstel.Nieuw.Select(r => new Pain001Transactie(r.EndToEndId, r.Deel.Bedrag, r.CrediteurNaam, r.Iban, r.Bic, r.Omschrijving)).ToList()));
        }
        catch (OngeldigBetaalbestandException e)
        {
            // The schema messages quote field values (names, IBANs): they go to the user who may see them, not to the log.
            log.LogError("Betaalrun {MsgId} gaf een bestand dat niet aan het schema voldoet ({Aantal} fouten); niet opgeslagen", msgId, e.Fouten.Count);
            return Uitkomst<BetaalrunUitkomst>.Geweigerd(new Dictionary<string, string[]>
            {
                ["Bestand"] = ["Het betaalbestand voldoet niet aan de SEPA-standaard (pain.001.001.03) en is daarom niet gemaakt. Neem contact op met functioneel beheer.", .. e.Fouten],
            });
        }

        var run = new Betaalrun
        {
            Id = Guid.NewGuid(),
            GemeenteId = gemeente.Id,
            Maand = voorstel.Maand,
            Volgnummer = volgnummer,
            MsgId = msgId,
            Uitvoerdatum = uitvoerdatum,
            AantalTransacties = voorstel.Nieuw.Count,
            Totaal = voorstel.TotaalNieuw,
            DebiteurNaam = beleidGemeente.DebiteurNaam,
            DebiteurIban = beleidGemeente.DebiteurIban!,
            DebiteurBic = beleidGemeente.DebiteurBic,
            Xml = xml,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(xml)),
            Regels = voorstel.Nieuw.Select(r => new Betaalregel
            {
                GemeenteId = gemeente.Id,
                Maand = voorstel.Maand,
                InburgeraarId = r.InburgeraarId,
                BetalingId = r.BetalingId,
                Soort = r.Soort,
                CrediteurNaam = r.CrediteurNaam,
                Iban = r.Iban,
                Bic = r.Bic,
                Omschrijving = r.Omschrijving,
                EndToEndId = r.EndToEndId,
                Bedrag = r.Deel.Bedrag,
                BedragPerMaand = r.BedragPerMaand,
                Van = r.Deel.Van,
                Tot = r.Deel.Tot,
                Dagen = r.Deel.Dagen,
                DagenInMaand = r.Deel.DagenInMaand,
            }).ToList(),
        };
        db.Add(run);
        foreach (var perDossier in voorstel.Nieuw.GroupBy(r => r.InburgeraarId))
        {
            dossiers.Audit(AuditActie.Wijzigen, perDossier.Key,
                $"Ontzorgen: {perDossier.Count()} betaling(en) voor {maandNaam} in betaalrun {msgId}, samen {OntzorgenWeergave.Euro(perDossier.Sum(r => r.Deel.Bedrag))}");
        }

        beleidService.AuditGemeente(AuditActie.Aanmaken,
            $"Ontzorgen: betaalrun {msgId} voor gemeente {gemeente.Naam}, {maandNaam}: {run.AantalTransacties} betaling(en), {OntzorgenWeergave.Euro(run.Totaal)}, uitvoering {uitvoerdatum:dd-MM-yyyy}");
        try
        {
            await db.SaveChangesAsync(ct);
            metingen.Betaalrun();
        }
        catch (DbUpdateException)
        {
            // The unique keys on (gemeente, maand, dossier, ontvanger) and on the run number: another run of this month won.
            return Uitkomst<BetaalrunUitkomst>.Geweigerd(new()
            {
                ["Maand"] = [$"Tegelijk is een andere betaalrun voor {maandNaam} gemaakt. Er is niets opgeslagen; bekijk het overzicht en probeer het opnieuw."],
            });
        }

        var tekst = $"Betaalrun {msgId} is gemaakt: {run.AantalTransacties} betaling(en), samen {OntzorgenWeergave.Euro(run.Totaal)}."
                    + (voorstel.AlBetaald > 0 ? $" {voorstel.AlBetaald} betaling(en) van {maandNaam} zaten al in een eerdere run en zijn niet opnieuw opgenomen." : string.Empty);
        return Uitkomst<BetaalrunUitkomst>.Ok(new BetaalrunUitkomst(run.Id, tekst, voorstel));
    }

    public async Task<List<Betaalrun>> LijstAsync(string? gemeenteCode, CancellationToken ct = default)
    {
        var q = await RunsInBereikAsync(ct);
        if (!string.IsNullOrWhiteSpace(gemeenteCode))
        {
            var code = gemeenteCode.Trim().ToUpperInvariant();
            q = q.Where(r => r.Gemeente!.Code == code);
        }

        return (await q.ToListAsync(ct)).OrderByDescending(r => r.Maand).ThenByDescending(r => r.Volgnummer).ToList();
    }

    /// <summary>
    /// A run with its lines and the names of the cases, for the overview. It shows personal data of several cases, so
    /// a read with a <paramref name="doel"/> is logged.
    /// </summary>
    public async Task<(Betaalrun Run, IReadOnlyDictionary<Guid, string> Namen)?> HaalAsync(Guid runId, string? doel = null, CancellationToken ct = default)
    {
        var run = await (await RunsInBereikAsync(ct)).Include(r => r.Regels).FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return null;
        if (doel is not null)
        {
            beleidService.AuditGemeente(AuditActie.Inzien, $"{doel}: betaalrun {run.MsgId}");
            await db.SaveChangesAsync(ct);
        }

        var ids = run.Regels.Select(r => r.InburgeraarId).Distinct().ToList();
        var namen = (await db.Inburgeraars.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Voornamen, i.Achternaam }).ToListAsync(ct))
            .ToDictionary(i => i.Id, i => $"{i.Voornamen} {i.Achternaam}");
        run.Regels = run.Regels.OrderBy(r => namen.GetValueOrDefault(r.InburgeraarId)).ThenBy(r => r.Soort).ToList();
        return (run, namen);
    }

    /// <summary>The stored SEPA file; the download is logged.</summary>
    public async Task<Betaalrun?> BestandAsync(Guid runId, CancellationToken ct = default)
    {
        var run = await (await RunsInBereikAsync(ct)).FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return null;
        beleidService.AuditGemeente(AuditActie.Inzien, $"Ontzorgen: betaalbestand {run.MsgId} gedownload");
        await db.SaveChangesAsync(ct);
        return run;
    }

    private async Task<BetaalVoorstel> BerekenAsync(Gemeente gemeente, OntzorgenBeleid beleid, DateOnly maand, CancellationToken ct)
    {
        var regels = beleid.Regels();
        var betalingen = await db.Set<OntzorgenBetaling>().AsNoTracking()
            .Where(b => !b.Verwijderd && db.Inburgeraars.Any(i => i.Id == b.InburgeraarId && i.GemeenteId == gemeente.Id))
            .ToListAsync(ct);
        var ids = betalingen.Select(b => b.InburgeraarId).Distinct().ToList();
        var dossiersMetBetalingen = await db.Inburgeraars.AsNoTracking().Include(i => i.Mijlpalen).Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        var ontzorgingen = await db.Set<Ontzorging>().AsNoTracking().Where(o => ids.Contains(o.InburgeraarId)).ToDictionaryAsync(o => o.InburgeraarId, ct);
        var alBetaald = await db.Set<Betaalregel>().AsNoTracking()
            .Where(r => r.GemeenteId == gemeente.Id && r.Maand == maand)
            .Select(r => new { r.InburgeraarId, r.BetalingId, r.Bedrag })
            .ToListAsync(ct);
        var betaaldeSleutels = alBetaald.Select(r => (r.InburgeraarId, r.BetalingId)).ToHashSet();

        var nieuw = new List<BetaalVoorstelRegel>();
        var overgeslagen = new List<Overgeslagen>();
        foreach (var dossier in dossiersMetBetalingen.OrderBy(d => d.Achternaam).ThenBy(d => d.Voornamen).ThenBy(d => d.Id))
        {
            var naam = dossier.VolledigeNaam;
            var eigen = betalingen.Where(b => b.InburgeraarId == dossier.Id && !betaaldeSleutels.Contains((dossier.Id, b.Id))).ToList();
            if (eigen.Count == 0) continue;
            if (OntzorgenRegels.WaaromNietVanToepassing(dossier.Doelgroep) is not null)
            {
                overgeslagen.Add(new(dossier.Id, naam, $"Doelgroep {dossier.Doelgroep.Omschrijving().InZin()}: geen ontzorgen."));
                continue;
            }

            var o = ontzorgingen.GetValueOrDefault(dossier.Id);
            if (o?.Besluit is not (OntzorgenBesluit.Toepassen or OntzorgenBesluit.Verlengen))
            {
                overgeslagen.Add(new(dossier.Id, naam, o?.Besluit == OntzorgenBesluit.Afzien ? "Besloten af te zien van ontzorgen." : "Nog geen besluit vastgelegd."));
                continue;
            }

            var periode = OntzorgenRegels.Periode(dossier.Feiten(), gemeente.OntzorgenMaanden, o.Besluit, o.VerlengdTot);
            if (periode is null)
            {
                overgeslagen.Add(new(dossier.Id, naam, "De ingang van de bijstand is niet vastgelegd."));
                continue;
            }

            foreach (var b in eigen.OrderBy(b => b.Soort).ThenBy(b => b.AangemaaktOp))
            {
                if (OntzorgenRegels.Betaalperiode(periode, b.Vanaf, b.Tot) is not { } dagen) continue;
                if (OntzorgenRegels.Maanddeel(b.BedragPerMaand, maand, dagen.Van, dagen.Tot) is not { } deel) continue;
                if (!regels.Omvat(b.Soort))
                {
                    overgeslagen.Add(new(dossier.Id, naam, $"{b.Soort.Omschrijving()} valt buiten het beleid van de gemeente."));
                    continue;
                }

                nieuw.Add(new BetaalVoorstelRegel(dossier.Id, naam, b.Id, b.Soort, b.Naam, b.Iban, b.Bic,
                    Omschrijving(b, maand, deel), EndToEndId(maand, dossier.Id, b.Id), b.BedragPerMaand, deel));
            }
        }

        return new BetaalVoorstel(gemeente, beleid, maand, nieuw, alBetaald.Count, alBetaald.Sum(r => r.Bedrag), overgeslagen);
    }

    /// <summary>The remittance text: the payee's reference, the month, and the days when only part of the month is paid.</summary>
    public static string Omschrijving(OntzorgenBetaling b, DateOnly maand, MaandDeel deel)
    {
        var tekst = $"{SepaTekst.Schoon(b.Betalingskenmerk, 100)} {OntzorgenRegels.MaandNaam(maand)}";
        if (!deel.HeleMaand) tekst += $" dag {deel.Van.Day}-{deel.Tot.Day}";
        return SepaTekst.Schoon(tekst, 140);
    }

    /// <summary>Deterministic per month, case and payee, so the bank and Koers can find each other's records.</summary>
    public static string EndToEndId(DateOnly maand, Guid dossier, Guid betaling) =>
        $"ONTZ-{maand:yyyyMM}-{dossier.ToString("N")[..8].ToUpperInvariant()}{betaling.ToString("N")[..8].ToUpperInvariant()}";

    private DateOnly? LeesMaand(string? tekst, Dictionary<string, string[]> fouten)
    {
        if (string.IsNullOrWhiteSpace(tekst))
        {
            fouten["Maand"] = ["Kies de maand die u wilt betalen (JJJJ-MM)."];
            return null;
        }

        if (!OntzorgenWeergave.TryMaand(tekst, out var maand))
        {
            fouten["Maand"] = [$"'{tekst.Trim()}' is geen maand. Schrijf de maand als JJJJ-MM, bijvoorbeeld 2026-07."];
            return null;
        }

        var volgende = EersteVan(klok.Vandaag).AddMonths(1);
        if (maand > volgende)
        {
            fouten["Maand"] = [$"U kunt hoogstens één maand vooruit betalen (tot en met {OntzorgenRegels.MaandNaam(volgende)})."];
            return null;
        }

        if (maand < EersteMaand)
        {
            fouten["Maand"] = ["Financieel ontzorgen bestaat sinds de Wet inburgering 2021, die op 1 januari 2022 inging. Kies een latere maand."];
            return null;
        }

        return maand;
    }

    private async Task<(Gemeente Gemeente, OntzorgenBeleid Beleid)?> LeesGemeenteAsync(string? code, Dictionary<string, string[]> fouten, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            fouten["Gemeente"] = ["Kies een gemeente."];
            return null;
        }

        var gevonden = await beleidService.HaalAsync(code, ct);
        if (gevonden is null) fouten["Gemeente"] = [$"Onbekende gemeente '{code.Trim()}'. Kies een gemeente die in Koers is ingericht."];
        return gevonden;
    }

    /// <summary>Runs of the municipalities within the user's reach only.</summary>
    private async Task<IQueryable<Betaalrun>> RunsInBereikAsync(CancellationToken ct)
    {
        var bereik = (await toegang.BereikAsync(ct)).Gemeenten.ToList();
        return db.Set<Betaalrun>().AsNoTracking().Include(r => r.Gemeente).Where(r => bereik.Contains(r.GemeenteId));
    }

    private static DateOnly EersteVan(DateOnly datum) => new(datum.Year, datum.Month, 1);
}

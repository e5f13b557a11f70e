using static Koers.Web.Infrastructure.Invoer;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Ontzorgen;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Ontzorgen;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Ontzorgen;

/// <summary>A payment already made for this case, from the stored payment runs.</summary>
public sealed record BetaaldRegel(DateOnly Maand, Guid BetalingId, Begunstigde Soort, string CrediteurNaam, decimal Bedrag, DateOnly Van, DateOnly Tot,
    Guid BetaalrunId, string MsgId);

/// <summary>Everything the ontzorgen screen and API show for one case.</summary>
public sealed record OntzorgenStand(
    Inburgeraar Dossier,
    string? NietVanToepassing,
    OntzorgenBeleid Beleid,
    DateOnly? StartBijstand,
    DateOnly? StandaardEinde,
    OntzorgenPeriode? Periode,
    Ontzorging? Ontzorging,
    OntzorgenBesluit VoorgesteldBesluit,
    IReadOnlyList<OntzorgenBetaling> Betalingen,
    IReadOnlyList<OntzorgenEvaluatie> Evaluaties,
    IReadOnlyList<BetaaldRegel> Betaald,
    IReadOnlyList<OntzorgenSignaal> Signalen,
    IReadOnlyList<string> Waarschuwingen)
{
    public bool VanToepassing => NietVanToepassing is null;

    /// <summary>Payees can be recorded once the decision is to apply (or extend) ontzorgen.</summary>
    public bool BetalingenMogelijk => VanToepassing && Ontzorging?.Besluit is OntzorgenBesluit.Toepassen or OntzorgenBesluit.Verlengen;
}

/// <summary>
/// Financieel ontzorgen of one case: the decision, the payees, the afbouwplan and the debts signal. Every command
/// validates first and saves in one go, so a refused change leaves nothing half-saved; every change is audited.
/// Only for asielstatushouders and nareizigers: for anyone else each command is refused with the reason.
/// </summary>
public sealed class OntzorgenService(KoersDbContext db, DossierService dossiers, OntzorgenBeleidService beleidService, Klok klok, HuidigeGebruiker gebruiker,
    Kern.Toegang toegang)
{
    public const int MaximumBetalingen = 20;
    public const int MaximumEvaluaties = 20;

    /// <summary>Loads the case for reading (logged as a read with <paramref name="doel"/>) with its ontzorgen.</summary>
    public async Task<OntzorgenStand?> HaalAsync(Guid id, string doel, CancellationToken ct = default)
    {
        var dossier = await dossiers.InzienAsync(id, doel, ct);
        if (dossier is null) return null;
        var beleid = await beleidService.VoorGemeenteAsync(dossier.Gemeente!, ct);
        var ontzorging = await db.Set<Ontzorging>().AsNoTracking().FirstOrDefaultAsync(o => o.InburgeraarId == id, ct);
        var betalingen = await db.Set<OntzorgenBetaling>().AsNoTracking().Where(b => b.InburgeraarId == id && !b.Verwijderd).OrderBy(b => b.AangemaaktOp).ToListAsync(ct);
        var evaluaties = (await db.Set<OntzorgenEvaluatie>().AsNoTracking().Where(e => e.InburgeraarId == id).ToListAsync(ct))
            .OrderBy(e => e.Datum).ThenBy(e => e.Id).ToList();
        var betaald = (await (from r in db.Set<Betaalregel>().AsNoTracking()
                              join run in db.Set<Betaalrun>().AsNoTracking() on r.BetaalrunId equals run.Id
                              where r.InburgeraarId == id
                              select new { r.Maand, r.BetalingId, r.Soort, r.CrediteurNaam, r.Bedrag, r.Van, r.Tot, r.BetaalrunId, run.MsgId }).ToListAsync(ct))
            .Select(r => new BetaaldRegel(r.Maand, r.BetalingId, r.Soort, r.CrediteurNaam, r.Bedrag, r.Van, r.Tot, r.BetaalrunId, r.MsgId))
            .OrderByDescending(r => r.Maand).ThenBy(r => r.CrediteurNaam).ToList();
        return Stand(dossier, beleid, ontzorging, betalingen, evaluaties, betaald);
    }

    private OntzorgenStand Stand(Inburgeraar dossier, OntzorgenBeleid beleid, Ontzorging? o, List<OntzorgenBetaling> betalingen,
        List<OntzorgenEvaluatie> evaluaties, List<BetaaldRegel> betaald)
    {
        var gemeente = dossier.Gemeente!;
        var feiten = dossier.Feiten();
        var nietVanToepassing = OntzorgenRegels.WaaromNietVanToepassing(dossier.Doelgroep);
        var vandaag = klok.Vandaag;
        var voorgesteld = beleid.Benadering == OntzorgenBenadering.NeeTenzij ? OntzorgenBesluit.Afzien : OntzorgenBesluit.Toepassen;
        if (nietVanToepassing is not null)
        {
            return new OntzorgenStand(dossier, nietVanToepassing, beleid, null, null, null, o, voorgesteld, [], [], betaald, [], []);
        }

        var klokTermijn = LegalClock.Bereken(feiten, gemeente.Instellingen).Single(t => t.Code == TermijnCode.OntzorgenEinde);
        var start = feiten.Datum(Mijlpaal.StartBijstand);
        var standaardEinde = start is null ? null : LegalClock.OntzorgenEinde(feiten with { OntzorgenVerlengdTot = null, OntzorgenAfgezien = false }, gemeente.Instellingen).Vervaldatum;
        var periode = OntzorgenRegels.Periode(feiten, gemeente.OntzorgenMaanden, o?.Besluit, o?.VerlengdTot);
        var regels = beleid.Regels();

        var waarschuwingen = new List<string>();
        if (start is null)
        {
            waarschuwingen.Add("De ingang van de bijstand is nog niet vastgelegd (Dossier › mijlpalen). Zonder die datum is er geen periode en wordt er niets betaald.");
        }

        if (o?.Besluit is OntzorgenBesluit.Toepassen or OntzorgenBesluit.Verlengen && betalingen.Count == 0)
        {
            waarschuwingen.Add("Er zijn nog geen ontvangers vastgelegd: er wordt nog niets betaald.");
        }

        foreach (var b in betalingen.Where(b => !regels.Omvat(b.Soort)))
        {
            waarschuwingen.Add($"De betaling aan {b.Naam} ({b.Soort.Last()}) valt buiten het huidige beleid van de gemeente en wordt niet meer meegenomen in een betaalrun.");
        }

        if (periode is { IsLeeg: false } p && o?.TrainingAfgerond is null)
        {
            if (o?.TrainingGepland is { } gepland && gepland > p.Einde)
            {
                waarschuwingen.Add($"De training financiële zelfredzaamheid is gepland op {Shared.Weergave.Datum(gepland)}, na het einde van het ontzorgen ({Shared.Weergave.Datum(p.Einde)}). Plan haar eerder of overweeg verlenging ({BronOntzorgen.TrainingVoorEinde}).");
            }
            else if (o?.TrainingGepland is null && p.Einde >= vandaag && p.Einde.DayNumber - vandaag.DayNumber <= OntzorgenRegels.VerlengingSignaalDagen)
            {
                waarschuwingen.Add($"Er is nog geen training financiële zelfredzaamheid gepland, terwijl het ontzorgen op {Shared.Weergave.Datum(p.Einde)} eindigt ({BronOntzorgen.TrainingVoorEinde}).");
            }
        }

        var signaalBesluit = o?.Besluit ?? (beleid.Benadering == OntzorgenBenadering.NeeTenzij ? OntzorgenBesluit.Afzien : null);
        var signalen = OntzorgenRegels.Signalen(new OntzorgenRegels.SignaalFeiten
        {
            Besluit = signaalBesluit,
            Einde = klokTermijn.Toepasselijk ? periode?.Einde : null,
            VerlengenToegestaan = beleid.VerlengenToegestaan,
            LaatsteEindevaluatie = evaluaties.Where(e => e.Soort == EvaluatieSoort.Eindevaluatie && e.Gehouden).Select(e => (DateOnly?)e.Datum).Max(),
            SchuldenGesignaleerd = o?.SchuldenGesignaleerd ?? false,
            SchuldenOp = o?.SchuldenOp,
            SchuldenNotitie = o?.SchuldenNotitie,
        }, vandaag);

        return new OntzorgenStand(dossier, null, beleid, start, standaardEinde, periode, o, voorgesteld, betalingen, evaluaties, betaald, signalen, waarschuwingen);
    }

    public async Task<Uitkomst<Guid>> BesluitAsync(Guid id, BesluitInvoer invoer, CancellationToken ct = default)
    {
        var geladen = await LaadAsync(id, ct);
        if (geladen.Dossier is not { } inburgeraar) return geladen.Weigering<Guid>();
        var gemeente = inburgeraar.Gemeente!;
        var beleid = await beleidService.VoorGemeenteAsync(gemeente, ct);
        var feiten = inburgeraar.Feiten();
        var standaardEinde = feiten.Datum(Mijlpaal.StartBijstand) is null ? null
            : LegalClock.OntzorgenEinde(feiten with { OntzorgenVerlengdTot = null, OntzorgenAfgezien = false }, gemeente.Instellingen).Vervaldatum;
        var overtredingen = OntzorgenRegels.ControleerBesluit(invoer.Besluit, invoer.Reden, invoer.Besluitdatum, invoer.VerlengdTot, beleid.Regels(), standaardEinde, klok.Vandaag);
        if (overtredingen.Count > 0) return Uitkomst<Guid>.Geweigerd(Veldfouten.Van(overtredingen));
        if (Pip.PipService.VerzenddatumFout(invoer.Verzenddatum, invoer.Besluitdatum, klok.Vandaag) is { } verzendFout)
            return Uitkomst<Guid>.Geweigerd(Veldfouten.Nieuw().Voeg(nameof(BesluitInvoer.Verzenddatum), verzendFout));
        // A decision is sent to the person (Awb 3:41): without a full address no letter, so no decision.
        if (Domain.Besluiten.Adressering.Fout(inburgeraar.Adres, inburgeraar.AzcLocatie) is { } adresfout)
            return Uitkomst<Guid>.Geweigerd(Veldfouten.Nieuw().Voeg("Besluit", adresfout));

        var o = await OntzorgingAsync(id, ct);
        var besluit = invoer.Besluit!.Value;
        o.Besluit = besluit;
        o.Reden = Schoon(invoer.Reden);
        o.Besluitdatum = invoer.Besluitdatum;
        o.VerlengdTot = besluit == OntzorgenBesluit.Verlengen ? invoer.VerlengdTot : null;

        // The decision moves the legal clock's end of ontzorgen, so the worklist and history follow it.
        inburgeraar.OntzorgenAfgezien = besluit == OntzorgenBesluit.Afzien;
        inburgeraar.OntzorgenVerlengdTot = o.VerlengdTot;
        dossiers.PasMijlpalenToe(inburgeraar, new Dictionary<Mijlpaal, DateOnly?>(), o.Reden, feiten, $"Ontzorgen: besluit ‘{besluit.Omschrijving().InZin()}’");
        var brief = await BriefMakenAsync(inburgeraar, besluit, invoer.Besluitdatum!.Value, feiten.Datum(Mijlpaal.StartBijstand),
            besluit == OntzorgenBesluit.Verlengen ? invoer.VerlengdTot : besluit == OntzorgenBesluit.Toepassen ? standaardEinde : null, o.Reden, invoer.Verzenddatum, ct);
        dossiers.Audit(AuditActie.Wijzigen, id, $"Ontzorgen: besluit ‘{besluit.Omschrijving().InZin()}’ vastgelegd"
            + (besluit == OntzorgenBesluit.Verlengen ? $", verlengd tot {invoer.VerlengdTot:dd-MM-yyyy}" : string.Empty) + $", brief {brief.Kenmerk}");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(id);
    }

    /// <summary>The decision letter (Participatiewet art. 56a/57), from the municipality's current template; stored with its hash and template version.</summary>
    private async Task<Ontzorgenbrief> BriefMakenAsync(Inburgeraar inburgeraar, OntzorgenBesluit besluit, DateOnly datum, DateOnly? startBijstand, DateOnly? einde,
        string? reden, DateOnly? verzenddatum, CancellationToken ct)
    {
        var gemeente = inburgeraar.Gemeente!;
        var volgnummer = await db.Set<Ontzorgenbrief>().CountAsync(b => b.InburgeraarId == inburgeraar.Id, ct) + 1;
        var kenmerk = $"OZ-{gemeente.Code}-{datum:yyyy}-{inburgeraar.Id.ToString("N")[..8].ToUpperInvariant()}-{volgnummer}";
        var (sjabloonversie, sjabloon) = await Brieven.BriefsjabloonService.HuidigAsync(db, gemeente.Id, Domain.Besluiten.Briefsoort.OntzorgenBesluit, ct);
        var ondertekening = await Mandaten.MandaatService.OndertekeningAsync(db, gemeente, Domain.Besluiten.Besluitsoort.OntzorgenBesluit, ct);
        var pdf = OntzorgenBesluitBrief.Maak(new OntzorgenBesluitGegevens(Pip.PipService.BriefhoofdVan(gemeente), datum, kenmerk, besluit, inburgeraar.VolledigeNaam,
            Domain.Besluiten.Adressering.Regels(inburgeraar.VolledigeNaam, inburgeraar.Adres, inburgeraar.AzcLocatie), inburgeraar.Klantregisseur?.Naam,
            startBijstand, einde, reden, verzenddatum, ondertekening.Tekst), sjabloon);
        var brief = new Ontzorgenbrief
        {
            Id = Guid.NewGuid(), InburgeraarId = inburgeraar.Id, Besluit = besluit, Datum = datum, Kenmerk = kenmerk, Pdf = pdf,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), Sjabloonversie = sjabloonversie,
            Verzenddatum = verzenddatum,
        };
        db.Add(brief);
        return brief;
    }

    /// <summary>An ontzorgen letter of a case within reach, audited; null for any other id.</summary>
    public async Task<Ontzorgenbrief?> BriefAsync(Guid id, Guid briefId, CancellationToken ct = default)
    {
        if (!await toegang.MagDossierAsync(id, ct)) return null;
        var brief = await db.Set<Ontzorgenbrief>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == briefId && b.InburgeraarId == id, ct);
        if (brief is null) return null;
        dossiers.Audit(AuditActie.Inzien, id, $"Ontzorgenbrief {brief.Kenmerk} geopend", AuditObject.Van<Ontzorgenbrief>(brief.Id));
        await db.SaveChangesAsync(ct);
        return brief;
    }

    /// <summary>
    /// Records, once, the date a besluitbrief was sent when it was not known at the decision (Awb 3:41); from then on the
    /// screen and the portal name the last day for bezwaar (Awb 6:7/6:8). The PDF itself is not changed: made before the
    /// date was known, it states the rule. Same checks as the PIP's (PipService.LaterVerzondenFout).
    /// </summary>
    public async Task<Uitkomst<Guid>> VerzendingAsync(Guid id, Guid briefId, Pip.VerzendingInvoer invoer, CancellationToken ct = default)
    {
        var geladen = await LaadAsync(id, ct);
        if (geladen.Dossier is null) return geladen.Weigering<Guid>();
        var brief = await db.Set<Ontzorgenbrief>().FirstOrDefaultAsync(b => b.Id == briefId && b.InburgeraarId == id, ct);
        if (brief is null) return Uitkomst<Guid>.Onbekend();
        if (Pip.PipService.LaterVerzondenFout(brief.Verzenddatum, invoer.Verzenddatum, brief.Datum, klok.Vandaag) is { } fout)
            return Uitkomst<Guid>.Geweigerd(Veldfouten.Nieuw().Voeg(nameof(Pip.VerzendingInvoer.Verzenddatum), fout));
        brief.Verzenddatum = invoer.Verzenddatum;
        dossiers.Audit(AuditActie.Wijzigen, id, $"Ontzorgenbrief {brief.Kenmerk} verzonden op {invoer.Verzenddatum:dd-MM-yyyy}");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(brief.Id);
    }

    /// <summary>The ontzorgen letters of a case, newest first, without their PDF.</summary>
    public async Task<List<(Guid Id, OntzorgenBesluit Besluit, DateOnly Datum, string Kenmerk, DateOnly? Verzenddatum)>> BrievenAsync(Guid id, CancellationToken ct = default) =>
        (await db.Set<Ontzorgenbrief>().AsNoTracking().Where(b => b.InburgeraarId == id).Select(b => new { b.Id, b.Besluit, b.Datum, b.Kenmerk, b.Verzenddatum }).ToListAsync(ct))
            .OrderByDescending(b => b.Datum).ThenByDescending(b => b.Kenmerk, StringComparer.Ordinal).Select(b => (b.Id, b.Besluit, b.Datum, b.Kenmerk, b.Verzenddatum)).ToList();

    public Task<Uitkomst<Guid>> BetalingToevoegenAsync(Guid id, BetalingInvoer invoer, CancellationToken ct = default) =>
        BetalingOpslaanAsync(id, null, invoer, ct);

    public Task<Uitkomst<Guid>> BetalingWijzigenAsync(Guid id, Guid betalingId, BetalingInvoer invoer, CancellationToken ct = default) =>
        BetalingOpslaanAsync(id, betalingId, invoer, ct);

    private async Task<Uitkomst<Guid>> BetalingOpslaanAsync(Guid id, Guid? betalingId, BetalingInvoer invoer, CancellationToken ct)
    {
        var geladen = await LaadAsync(id, ct);
        if (geladen.Dossier is not { } inburgeraar) return geladen.Weigering<Guid>();
        var gemeente = inburgeraar.Gemeente!;
        var beleid = await beleidService.VoorGemeenteAsync(gemeente, ct);
        var bestaande = await db.Set<OntzorgenBetaling>().Where(b => b.InburgeraarId == id && !b.Verwijderd).ToListAsync(ct);
        OntzorgenBetaling? betaling = null;
        if (betalingId is { } bid)
        {
            betaling = bestaande.FirstOrDefault(b => b.Id == bid);
            if (betaling is null) return Uitkomst<Guid>.Onbekend();
        }

        var o = await db.Set<Ontzorging>().AsNoTracking().FirstOrDefaultAsync(x => x.InburgeraarId == id, ct);
        if (o?.Besluit is not (OntzorgenBesluit.Toepassen or OntzorgenBesluit.Verlengen))
        {
            return Uitkomst<Guid>.Geweigerd(new()
            {
                ["Besluit"] = [o?.Besluit == OntzorgenBesluit.Afzien
                    ? "Er is besloten af te zien van ontzorgen; dan betaalt de gemeente niets. Leg eerst een ander besluit vast."
                    : "Leg eerst vast dat ontzorgen wordt toegepast (of verlengd) voordat u ontvangers toevoegt."],
            });
        }

        var controle = OntzorgenRegels.ControleerBetaling(invoer.Soort, invoer.Naam, invoer.Iban, invoer.Bic, invoer.Betalingskenmerk, invoer.BedragPerMaand,
            invoer.Vanaf, invoer.Tot, invoer.Omschrijving, beleid.Regels(), gemeente.Naam);
        var fouten = Veldfouten.Van(controle.Fouten);
        if (betaling is null && bestaande.Count >= MaximumBetalingen)
        {
            fouten.Voeg("Soort", $"Een dossier heeft hoogstens {MaximumBetalingen} ontvangers.");
        }

        var kenmerk = invoer.Betalingskenmerk?.Trim();
        if (controle.Iban is { } iban && bestaande.Any(b => b.Id != betalingId && b.Iban == iban && string.Equals(b.Betalingskenmerk, kenmerk, StringComparison.OrdinalIgnoreCase)))
        {
            fouten.Voeg("Iban", "Er is al een ontvanger met dit IBAN en dit betalingskenmerk; zo zou er dubbel betaald worden. Wijzig die ontvanger in plaats van een nieuwe toe te voegen.");
        }

        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var nieuw = betaling is null;
        betaling ??= new OntzorgenBetaling
        {
            Id = Guid.NewGuid(),
            InburgeraarId = id,
            Naam = string.Empty,
            Iban = string.Empty,
            Betalingskenmerk = string.Empty,
        };
        betaling.Soort = invoer.Soort!.Value;
        betaling.Omschrijving = betaling.Soort == Begunstigde.Overig ? Schoon(invoer.Omschrijving) : null;
        betaling.Naam = invoer.Naam!.Trim();
        betaling.Iban = controle.Iban!;
        betaling.Bic = controle.Bic;
        betaling.Betalingskenmerk = kenmerk!;
        betaling.BedragPerMaand = invoer.BedragPerMaand!.Value;
        betaling.Vanaf = invoer.Vanaf;
        betaling.Tot = invoer.Tot;
        if (nieuw) db.Add(betaling);
        dossiers.Audit(AuditActie.Wijzigen, id, $"Ontzorgen: ontvanger {betaling.Soort.Last()} {(nieuw ? "toegevoegd" : "gewijzigd")} ({OntzorgenWeergave.Euro(betaling.BedragPerMaand)} per maand)");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(betaling.Id);
    }

    /// <summary>Stops paying a payee. It stays in the history, with the payments already made.</summary>
    public async Task<Uitkomst<Guid>> BetalingVerwijderenAsync(Guid id, Guid betalingId, CancellationToken ct = default)
    {
        var geladen = await LaadAsync(id, ct);
        if (geladen.Dossier is not { } inburgeraar) return geladen.Weigering<Guid>();
        var betaling = await db.Set<OntzorgenBetaling>().FirstOrDefaultAsync(b => b.Id == betalingId && b.InburgeraarId == id && !b.Verwijderd, ct);
        if (betaling is null) return Uitkomst<Guid>.Onbekend();
        betaling.Verwijderd = true;
        dossiers.Audit(AuditActie.Wijzigen, id, $"Ontzorgen: ontvanger {betaling.Soort.Last()} verwijderd", AuditObject.Van<OntzorgenBetaling>(betaling.Id));
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(betalingId);
    }

    public async Task<Uitkomst<Guid>> AfbouwplanAsync(Guid id, AfbouwplanInvoer invoer, CancellationToken ct = default)
    {
        var geladen = await LaadAsync(id, ct);
        if (geladen.Dossier is not { } inburgeraar) return geladen.Weigering<Guid>();
        var vandaag = klok.Vandaag;
        var fouten = Veldfouten.Nieuw();

        if (invoer.TrainingNaam?.Trim().Length > 200) fouten.Voeg(nameof(invoer.TrainingNaam), "De naam van de training is hoogstens 200 tekens.");
        if (invoer.TrainingAfgerond is { } af)
        {
            if (af > vandaag) fouten.Voeg(nameof(invoer.TrainingAfgerond), "De training is nog niet afgerond: de datum ligt in de toekomst.");
            if (string.IsNullOrWhiteSpace(invoer.TrainingNaam)) fouten.Voeg(nameof(invoer.TrainingNaam), "Vul in welke training is afgerond.");
        }

        if (invoer.TrainingGepland is not null && string.IsNullOrWhiteSpace(invoer.TrainingNaam)) fouten.Voeg(nameof(invoer.TrainingNaam), "Vul in welke training is gepland.");
        fouten.Lengte(invoer.Afspraken, nameof(invoer.Afspraken), 4000);
        fouten.Lengte(invoer.OverdrachtAan, nameof(invoer.OverdrachtAan), 200);

        var evaluaties = invoer.Evaluaties ?? [];
        if (evaluaties.Count > MaximumEvaluaties) fouten.Voeg(nameof(invoer.Evaluaties), $"Hoogstens {MaximumEvaluaties} evaluatiemomenten.");
        for (var i = 0; i < evaluaties.Count; i++)
        {
            var e = evaluaties[i];
            var pad = $"Evaluaties[{i}]";
            if (e.Soort is null || !Enum.IsDefined(e.Soort.Value)) fouten.Voeg($"{pad}.Soort", $"Evaluatiemoment {i + 1}: kies de soort.");
            if (e.Datum is null) fouten.Voeg($"{pad}.Datum", $"Evaluatiemoment {i + 1}: vul de datum in.");
            else if (e.Gehouden && e.Datum > vandaag) fouten.Voeg($"{pad}.Datum", $"Evaluatiemoment {i + 1}: een gesprek in de toekomst kan nog niet gehouden zijn.");
            if (e.Verslag?.Trim().Length > 2000) fouten.Voeg($"{pad}.Verslag", $"Evaluatiemoment {i + 1}: het verslag is hoogstens 2000 tekens.");
        }

        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var o = await OntzorgingAsync(id, ct);
        o.TrainingNaam = Schoon(invoer.TrainingNaam);
        o.TrainingGepland = invoer.TrainingGepland;
        o.TrainingAfgerond = invoer.TrainingAfgerond;
        o.Afspraken = Schoon(invoer.Afspraken);
        o.OverdrachtAan = Schoon(invoer.OverdrachtAan);
        // By hand: the plan's evaluation moments are rows of their own; when only they change, the Ontzorging itself is
        // unchanged and the stamps would not move, yet the plan (shown as one) did change.
        Gewijzigd(o);
        db.RemoveRange(await db.Set<OntzorgenEvaluatie>().Where(e => e.InburgeraarId == id).ToListAsync(ct));
        db.AddRange(evaluaties.Select(e => new OntzorgenEvaluatie
        {
            InburgeraarId = id,
            Soort = e.Soort!.Value,
            Datum = e.Datum!.Value,
            Gehouden = e.Gehouden,
            Verslag = Schoon(e.Verslag),
        }));
        var training = o.TrainingAfgerond is { } klaar ? $"training afgerond op {klaar:dd-MM-yyyy}"
            : o.TrainingGepland is { } gepland ? $"training gepland op {gepland:dd-MM-yyyy}" : "geen training gepland";
        dossiers.Audit(AuditActie.Wijzigen, id, $"Ontzorgen: afbouwplan bijgewerkt ({training}, {evaluaties.Count} evaluatiemoment(en))");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(id);
    }

    /// <summary>Adds the standard evaluation moments (<see cref="OntzorgenRegels.StandaardEvaluaties"/>) that are not planned yet.</summary>
    public async Task<Uitkomst<int>> EvaluatiesInplannenAsync(Guid id, CancellationToken ct = default)
    {
        var geladen = await LaadAsync(id, ct);
        if (geladen.Dossier is not { } inburgeraar) return geladen.Weigering<int>();
        var o = await db.Set<Ontzorging>().AsNoTracking().FirstOrDefaultAsync(x => x.InburgeraarId == id, ct);
        var periode = OntzorgenRegels.Periode(inburgeraar.Feiten(), inburgeraar.Gemeente!.OntzorgenMaanden, o?.Besluit, o?.VerlengdTot);
        if (periode is null || periode.IsLeeg)
        {
            return Uitkomst<int>.Geweigerd(new()
            {
                ["Evaluaties"] = [o?.Besluit == OntzorgenBesluit.Afzien
                    ? "Er is besloten af te zien van ontzorgen; er zijn geen evaluaties van het ontzorgen nodig."
                    : "Leg eerst de ingang van de bijstand vast: daar rekenen de evaluatiemomenten vanaf."],
            });
        }

        var bestaand = await db.Set<OntzorgenEvaluatie>().Where(e => e.InburgeraarId == id).Select(e => e.Soort).ToListAsync(ct);
        var nieuw = OntzorgenRegels.StandaardEvaluaties(periode).Where(g => !bestaand.Contains(g.Soort)).ToList();
        if (nieuw.Count == 0) return Uitkomst<int>.Ok(0);
        db.AddRange(nieuw.Select(g => new OntzorgenEvaluatie { InburgeraarId = id, Soort = g.Soort, Datum = g.Datum, Verslag = g.Omschrijving }));
        if (await db.Set<Ontzorging>().AnyAsync(x => x.InburgeraarId == id, ct) is false) db.Add(NieuweOntzorging(id));
        dossiers.Audit(AuditActie.Wijzigen, id, $"Ontzorgen: {nieuw.Count} standaard evaluatiemoment(en) ingepland");
        await db.SaveChangesAsync(ct);
        return Uitkomst<int>.Ok(nieuw.Count);
    }

    public async Task<Uitkomst<Guid>> SchuldenAsync(Guid id, SchuldenInvoer invoer, CancellationToken ct = default)
    {
        var geladen = await LaadAsync(id, ct);
        if (geladen.Dossier is not { } inburgeraar) return geladen.Weigering<Guid>();
        var fouten = Veldfouten.Nieuw();
        if (invoer.Datum > klok.Vandaag) fouten.Voeg(nameof(invoer.Datum), "De datum ligt in de toekomst.");
        if (invoer.Notitie?.Trim().Length > 1000) fouten.Voeg(nameof(invoer.Notitie), "De notitie is hoogstens 1000 tekens.");
        if (invoer.Gesignaleerd)
        {
            if (invoer.Datum is null) fouten.Voeg(nameof(invoer.Datum), "Vul in wanneer de schulden zijn gesignaleerd.");
            if (string.IsNullOrWhiteSpace(invoer.Notitie)) fouten.Voeg(nameof(invoer.Notitie), "Beschrijf kort wat er is gesignaleerd, bijvoorbeeld ‘huurachterstand van twee maanden, melding woningcorporatie’.");
        }

        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);

        var o = await OntzorgingAsync(id, ct);
        if (invoer.Gesignaleerd)
        {
            o.SchuldenGesignaleerd = true;
            o.SchuldenOp = invoer.Datum;
            o.SchuldenNotitie = Schoon(invoer.Notitie);
            o.SchuldenAfgehandeldOp = null;
            dossiers.Audit(AuditActie.Wijzigen, id, $"Ontzorgen: schulden gesignaleerd op {invoer.Datum:dd-MM-yyyy}");
        }
        else
        {
            if (!o.SchuldenGesignaleerd) return Uitkomst<Guid>.Geweigerd(new() { [nameof(invoer.Gesignaleerd)] = ["Er staat geen schuldensignaal open om af te handelen."] });
            o.SchuldenGesignaleerd = false;
            o.SchuldenAfgehandeldOp = invoer.Datum ?? klok.Vandaag;
            if (Schoon(invoer.Notitie) is { } notitie) o.SchuldenNotitie = notitie;
            dossiers.Audit(AuditActie.Wijzigen, id, $"Ontzorgen: schuldensignaal afgehandeld op {o.SchuldenAfgehandeldOp:dd-MM-yyyy}");
        }

        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(id);
    }

    private sealed record Geladen(Inburgeraar? Dossier, bool Onbekend, Dictionary<string, string[]>? Fouten)
    {
        public Uitkomst<T> Weigering<T>() => Onbekend ? Uitkomst<T>.Onbekend() : Uitkomst<T>.Geweigerd(Fouten!);
    }

    /// <summary>The case, tracked, or the refusal: unknown case, or a target group without ontzorgen.</summary>
    private async Task<Geladen> LaadAsync(Guid id, CancellationToken ct)
    {
        var inburgeraar = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (inburgeraar is null) return new Geladen(null, true, null);
        if (OntzorgenRegels.WaaromNietVanToepassing(inburgeraar.Doelgroep) is { } reden)
        {
            return new Geladen(null, false, new() { ["Doelgroep"] = [reden] });
        }

        return new Geladen(inburgeraar, false, null);
    }

    private async Task<Ontzorging> OntzorgingAsync(Guid id, CancellationToken ct)
    {
        var o = await db.Set<Ontzorging>().FirstOrDefaultAsync(x => x.InburgeraarId == id, ct);
        if (o is not null) return o;
        o = NieuweOntzorging(id);
        db.Add(o);
        return o;
    }

    private Ontzorging NieuweOntzorging(Guid id) => new() { InburgeraarId = id };

    private void Gewijzigd(Ontzorging o)
    {
        o.GewijzigdOp = klok.NuUtc;
        o.GewijzigdDoor = gebruiker.Naam;
    }
}

using System.Globalization;
using System.Security.Cryptography;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Clock;
using Koers.Domain.Handhaving;
using Koers.Domain.Pip;
using Koers.Domain.Sources;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Dossier;
using Koers.Web.Features.Pip;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Handhaving;

public sealed class LadderstapInvoer
{
    public Handhavingssoort? Soort { get; set; }
    public string? Naam { get; set; }
    public string? Brieftekst { get; set; }
    public int? ReactietermijnDagen { get; set; }
    public decimal? Bedrag { get; set; }
}

public sealed class LadderInvoer
{
    public List<LadderstapInvoer> Stappen { get; set; } = [];
}

public sealed class TekortkomingInvoer
{
    public PipVerplichting? Verplichting { get; set; }
    public DateOnly? Datum { get; set; }
    public string? Omschrijving { get; set; }
}

public enum BesluitActie
{
    Nemen,
    Overslaan,
}

public sealed class StapBesluitInvoer
{
    public BesluitActie? Actie { get; set; }

    /// <summary>The step the person saw proposed; a stale page (someone else decided meanwhile) is refused.</summary>
    public int? Volgorde { get; set; }
    public DateOnly? Datum { get; set; }
    public string? Reden { get; set; }

    /// <summary>For a boete or maatregel: the person confirms the circumstances were weighed (Dongemond 338-343).</summary>
    public bool Bevestigd { get; set; }

    /// <summary>For a boete or maatregel: the personal circumstances weighed; required, printed in the letter.</summary>
    public string? Omstandigheden { get; set; }

    /// <summary>
    /// For a boete under Wi2021 art. 23: how much the inburgeraar is to blame; sets the percentage of Besluit
    /// inburgering 2021 art. 7.1 lid 4 (<see cref="Boeteberekening"/>). Not asked for the brede intake (one amount).
    /// </summary>
    public Verwijtbaarheid? Verwijtbaarheid { get; set; }

    /// <summary>When the letter leaves at once (or already left): the bezwaar clause of a sanction then names the last day.</summary>
    public DateOnly? Verzenddatum { get; set; }
}

public sealed class UitkomstInvoer
{
    public string? Uitkomst { get; set; }
    public DateOnly? Datum { get; set; }
}

public sealed class AfsluitenInvoer
{
    public string? Reden { get; set; }
}

/// <param name="Boetebedragen">
/// When the proposed step is an art. 23 boete: what it would be for each degree of culpability (Besluit inburgering 2021
/// art. 7.1, with the case's earlier boetes and a lower ladder amount applied), so the person deciding sees the amount
/// before choosing. Null otherwise.
/// </param>
public sealed record TekortkomingStand(Tekortkoming Tekortkoming, Voorstel? Voorstel, IReadOnlyDictionary<Verwijtbaarheid, decimal>? Boetebedragen = null);

public sealed record HandhavingStand(
    Inburgeraar Dossier,
    IReadOnlyList<PipVerplichting> Verplichtingen,
    IReadOnlyList<Ladderstap> Ladder,
    bool StandaardLadder,
    IReadOnlyList<TekortkomingStand> Tekortkomingen);

public sealed record VerstrekenReactie(Guid InburgeraarId, string Naam, string Gemeente, string Stapnaam, DateOnly ReactieUiterlijk, PipVerplichting Verplichting);

/// <summary>
/// The escalation ladder per municipality and its use on a case. Koers proposes the next step and why; nothing is
/// taken until a person decides (take, skip, or close the tekortkoming). A boete or maatregel needs an explicit
/// confirmation that the circumstances were weighed. Each taken step with a letter stores the PDF and its SHA-256.
/// </summary>
public sealed class HandhavingService(KoersDbContext db, DossierService dossiers, Klok klok, HuidigeGebruiker gebruiker, Kern.Toegang toegang, Auditlog audit)
{
    // ---- ladder (functioneel beheer) ------------------------------------------------------------------------------

    public Task<List<Gemeente>> GemeentenAsync(CancellationToken ct = default) => toegang.GemeentenInBereikAsync(ct);

    /// <summary>The municipality (when in reach) with its ladder; the default ladder when none is configured.</summary>
    public async Task<(Gemeente Gemeente, IReadOnlyList<Ladderstap> Ladder, bool Standaard)?> LadderAsync(string? gemeenteCode, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(gemeenteCode)) return null;
        var code = gemeenteCode.Trim().ToUpperInvariant();
        var gemeente = await db.Gemeenten.AsNoTracking().FirstOrDefaultAsync(g => g.Code == code, ct);
        if (gemeente is null || !(await toegang.BereikAsync(ct)).Gemeenten.Contains(gemeente.Id)) return null;
        var (ladder, standaard) = await LadderVanAsync(gemeente.Id, ct);
        return (gemeente, ladder, standaard);
    }

    private async Task<(IReadOnlyList<Ladderstap>, bool)> LadderVanAsync(int gemeenteId, CancellationToken ct)
    {
        var stappen = await db.Set<HandhavingLadderstap>().AsNoTracking().Where(s => s.GemeenteId == gemeenteId).OrderBy(s => s.Volgorde).ToListAsync(ct);
        return stappen.Count == 0 ? (Handhavingsladder.Standaard, true) : (stappen.Select(s => s.AlsStap()).ToList(), false);
    }

    public async Task<Uitkomst<string>> LadderOpslaanAsync(string gemeenteCode, LadderInvoer invoer, CancellationToken ct = default)
    {
        var gevonden = await LadderAsync(gemeenteCode, ct);
        if (gevonden is null) return Uitkomst<string>.Onbekend();
        var gemeente = gevonden.Value.Gemeente;
        var fouten = Veldfouten.Nieuw();
        var invoerStappen = invoer.Stappen ?? [];
        for (var i = 0; i < invoerStappen.Count; i++)
        {
            if (invoerStappen[i].Soort is null) fouten.Voeg($"Stappen[{i}].Soort", $"Stap {i + 1}: kies een soort.");
            if (invoerStappen[i].ReactietermijnDagen is null) fouten.Voeg($"Stappen[{i}].ReactietermijnDagen", $"Stap {i + 1}: vul de reactietermijn in dagen in.");
        }

        var ladder = invoerStappen.Select((s, i) => new Ladderstap(i + 1, s.Soort ?? Handhavingssoort.Contact, s.Naam?.Trim() ?? string.Empty,
            s.Brieftekst?.Trim() ?? string.Empty, s.ReactietermijnDagen ?? 0, s.Bedrag)).ToList();
        foreach (var o in Handhavingsladder.Controleer(ladder)) fouten.Voeg(o.Veld, o.Melding);
        if ((fouten.Count > 0)) return Uitkomst<string>.Geweigerd(fouten);

        var oud = await db.Set<HandhavingLadderstap>().Where(s => s.GemeenteId == gemeente.Id).ToListAsync(ct);
        db.RemoveRange(oud);
        await db.SaveChangesAsync(ct); // the unique (gemeente, volgorde) index: old rows go before new ones arrive
        db.AddRange(ladder.Select(s => new HandhavingLadderstap
        {
            GemeenteId = gemeente.Id, Volgorde = s.Volgorde, Soort = s.Soort, Naam = s.Naam, Brieftekst = s.Brieftekst,
            ReactietermijnDagen = s.ReactietermijnDagen, Bedrag = s.Soort == Handhavingssoort.BoeteWi2021 ? s.Bedrag : null,
        }));
        audit.Schrijf(AuditActie.Wijzigen, null, $"Handhavingsladder van gemeente {gemeente.Naam} gewijzigd ({ladder.Count} stappen)", AuditObject.Van<Gemeente>(gemeente.Code));
        await db.SaveChangesAsync(ct);
        return Uitkomst<string>.Ok(gemeente.Code);
    }

    // ---- the case ---------------------------------------------------------------------------------------------------

    public async Task<HandhavingStand?> HaalAsync(Guid id, string doel, CancellationToken ct = default)
    {
        var dossier = await dossiers.InzienAsync(id, doel, ct);
        if (dossier is null) return null;
        return await StandAsync(dossier, ct);
    }

    private async Task<HandhavingStand> StandAsync(Inburgeraar dossier, CancellationToken ct)
    {
        var (ladder, standaard) = await LadderVanAsync(dossier.GemeenteId, ct);
        var pip = await HuidigePipAsync(dossier.Id, ct);
        var tekortkomingen = await db.Set<Tekortkoming>().AsNoTracking().Include(t => t.Besluiten)
            .Where(t => t.InburgeraarId == dossier.Id).OrderByDescending(t => t.Datum).ThenByDescending(t => t.VastgelegdOp).ToListAsync(ct);
        var vandaag = klok.Vandaag;
        var standen = new List<TekortkomingStand>();
        List<EerdereBoete>? eerder = null;
        foreach (var t in tekortkomingen)
        {
            var voorstel = t.AfgeslotenOp is null ? Handhavingsladder.Volgende(ladder, Genomen(t), vandaag) : null;
            IReadOnlyDictionary<Verwijtbaarheid, decimal>? bedragen = null;
            if (voorstel?.Stap.Soort == Handhavingssoort.BoeteWi2021 && t.Verplichting != PipVerplichting.BredeIntakeEnPip)
            {
                // As it would be imposed today (BesluitAsync uses the decision's date).
                eerder ??= await EerdereBoetesAsync(dossier.Id, vandaag, ct);
                bedragen = Enum.GetValues<Verwijtbaarheid>().ToDictionary(v => v,
                    v => Boeteberekening.OpTeLeggen(voorstel.Stap.Bedrag, Boeteberekening.Bereken(t.Verplichting, t.Datum, v, eerder)));
            }

            standen.Add(new TekortkomingStand(t, voorstel, bedragen));
        }

        return new HandhavingStand(dossier, Handhavingsladder.Verplichtingen(pip), ladder, standaard, standen);
    }

    private static List<GenomenStap> Genomen(Tekortkoming t) =>
        t.Besluiten.Select(b => new GenomenStap(b.Volgorde, b.Overgeslagen, b.Datum, b.ReactieUiterlijk)).ToList();

    /// <summary>The dagtekening of the first PIP that was vastgesteld (later replaced or not): obligations from the PIP start there.</summary>
    private Task<DateOnly?> EerstePipDagtekeningAsync(Guid id, CancellationToken ct) =>
        db.PipVersies.AsNoTracking().Where(p => p.InburgeraarId == id && (p.Status == PipStatus.Vastgesteld || p.Status == PipStatus.Vervangen) && p.Dagtekening != null)
            .MinAsync(p => p.Dagtekening, ct);

    private async Task<PipInhoud?> HuidigePipAsync(Guid id, CancellationToken ct)
    {
        var json = await db.PipVersies.AsNoTracking().Where(p => p.InburgeraarId == id && p.Status == PipStatus.Vastgesteld)
            .Select(p => p.InhoudJson).FirstOrDefaultAsync(ct);
        return json is null ? null : OpgeslagenInhoud.Pip(json);
    }

    public async Task<Uitkomst<Guid>> TekortkomingAsync(Guid id, TekortkomingInvoer invoer, CancellationToken ct = default)
    {
        var dossier = await (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct)).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (Koers.Domain.Dossier.FaseBepaling.GeenBesluitenMeer(dossier.Fase) is { } afgesloten)
        {
            fouten.Voeg("Verplichting", afgesloten);
            return Uitkomst<Guid>.Geweigerd(fouten);
        }

        var toegestaan = Handhavingsladder.Verplichtingen(await HuidigePipAsync(id, ct));
        if (invoer.Verplichting is not { } verplichting || !Enum.IsDefined(verplichting)) fouten.Voeg("Verplichting", "Kies de verplichting uit het PIP die niet is nagekomen.");
        else if (!toegestaan.Contains(verplichting))
            fouten.Voeg("Verplichting", $"'{verplichting.Omschrijving()}' staat niet in het huidige PIP. Kies uit: {string.Join(", ", toegestaan.Select(v => v.Omschrijving()))}.");
        DatumControle(invoer.Datum, "Datum", fouten);
        if (invoer.Verplichting is { } v && toegestaan.Contains(v) && invoer.Datum is { } datum
            && Handhavingsladder.DatumFout(v, datum, await EerstePipDagtekeningAsync(id, ct)) is { } datumFout)
        {
            fouten.Voeg("Datum", datumFout);
        }

        if (string.IsNullOrWhiteSpace(invoer.Omschrijving)) fouten.Voeg("Omschrijving", "Beschrijf wat er niet is nagekomen (bijvoorbeeld: drie weken niet bij de taalles).");
        else if (invoer.Omschrijving.Length > 2000) fouten.Voeg("Omschrijving", Veldfouten.TeLang(Veldfouten.Label("Omschrijving"), 2000, invoer.Omschrijving.Length));
        if ((fouten.Count > 0)) return Uitkomst<Guid>.Geweigerd(fouten);

        var t = new Tekortkoming
        {
            Id = Guid.NewGuid(), InburgeraarId = id, Verplichting = invoer.Verplichting!.Value, Datum = invoer.Datum!.Value,
            Omschrijving = invoer.Omschrijving!.Trim(), VastgelegdDoor = gebruiker.Naam, VastgelegdOp = klok.NuUtc,
        };
        db.Add(t);
        dossiers.Audit(AuditActie.Aanmaken, id, $"Handhaving: tekortkoming vastgelegd ({t.Verplichting.Omschrijving()})");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(t.Id);
    }

    /// <summary>A person's decision on the proposed step. Only the proposed step can be decided on: the ladder is not skipped silently.</summary>
    public async Task<Uitkomst<Guid>> BesluitAsync(Guid id, Guid tekortkomingId, StapBesluitInvoer invoer, CancellationToken ct = default)
    {
        var dossier = await (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct))
            .Include(i => i.Gemeente).Include(i => i.Klantregisseur).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (dossier is null) return Uitkomst<Guid>.Onbekend();
        var t = await db.Set<Tekortkoming>().Include(x => x.Besluiten).FirstOrDefaultAsync(x => x.Id == tekortkomingId && x.InburgeraarId == id, ct);
        if (t is null) return Uitkomst<Guid>.Onbekend();

        var fouten = Veldfouten.Nieuw();
        if (Koers.Domain.Dossier.FaseBepaling.GeenBesluitenMeer(dossier.Fase) is { } afgesloten)
        {
            fouten.Voeg("Actie", afgesloten);
            return Uitkomst<Guid>.Geweigerd(fouten);
        }

        if (t.AfgeslotenOp is not null)
        {
            fouten.Voeg("Actie", $"Deze tekortkoming is al afgesloten op {t.AfgeslotenOp:dd-MM-yyyy}; leg een nieuwe vast als dat nodig is.");
            return Uitkomst<Guid>.Geweigerd(fouten);
        }

        var (ladder, _) = await LadderVanAsync(dossier.GemeenteId, ct);
        var voorstel = Handhavingsladder.Volgende(ladder, Genomen(t), klok.Vandaag);
        if (voorstel is null)
        {
            fouten.Voeg("Actie", "De ladder is doorlopen: er is geen volgende stap. Sluit de tekortkoming af met een reden.");
            return Uitkomst<Guid>.Geweigerd(fouten);
        }

        var stap = voorstel.Stap;
        if (invoer.Actie is not { } actie || !Enum.IsDefined(actie)) fouten.Voeg("Actie", "Kies of u de voorgestelde stap neemt of overslaat.");
        if (invoer.Volgorde is { } gezien && gezien != stap.Volgorde)
            fouten.Voeg("Volgorde", "Intussen is al over deze stap besloten. Bekijk het nieuwe voorstel en besluit opnieuw.");
        DatumControle(invoer.Datum, "Datum", fouten);
        if (invoer.Datum is { } d && t.Besluiten.Count > 0 && d < t.Besluiten.Max(b => b.Datum))
            fouten.Voeg("Datum", "De datum ligt vóór de vorige stap.");
        if (string.IsNullOrWhiteSpace(invoer.Reden)) fouten.Voeg("Reden", "Geef de reden van uw besluit.");
        else if (invoer.Reden.Length > 2000) fouten.Voeg("Reden", Veldfouten.TeLang(Veldfouten.Label("Reden"), 2000, invoer.Reden.Length));
        if (invoer.Verzenddatum is not null && !(invoer.Actie == BesluitActie.Nemen && Handhavingsladder.HeeftBrief(stap.Soort)))
            fouten.Voeg("Verzenddatum", "Alleen een genomen stap met een brief heeft een verzenddatum.");
        else if (Pip.PipService.VerzenddatumFout(invoer.Verzenddatum, invoer.Datum, klok.Vandaag) is { } verzendFout) fouten.Voeg("Verzenddatum", verzendFout);
        if (invoer.Actie == BesluitActie.Nemen && Handhavingsladder.IsSanctie(stap.Soort) && !invoer.Bevestigd)
            fouten.Voeg("Bevestigd", $"Een {stap.Soort.Omschrijving().InZin()} is een besluit met gevolgen: bevestig dat u de omstandigheden van de inburgeraar hebt meegewogen.");
        if (invoer.Actie == BesluitActie.Nemen && stap.Soort == Handhavingssoort.BoeteWi2021 && Handhavingsladder.BoeteBovenMaximum(stap.Bedrag, t.Verplichting) is { } maximumFout)
            fouten.Voeg("Actie", maximumFout);
        Boetebedrag? wettelijk = null;
        if (invoer.Actie == BesluitActie.Nemen && stap.Soort == Handhavingssoort.BoeteWi2021 && invoer.Datum is { } boetedatum)
        {
            if (t.Verplichting != PipVerplichting.BredeIntakeEnPip && (invoer.Verwijtbaarheid is not { } vw || !Enum.IsDefined(vw)))
            {
                fouten.Voeg("Verwijtbaarheid", $"Kies de mate van verwijtbaarheid: opzet, grove schuld, geen opzet of grove schuld, of verminderde verwijtbaarheid. Die bepaalt de hoogte van de boete ({Wet.BoeteVerwijtbaarheid}).");
            }
            else
            {
                // The amount is the Besluit's, from this person's earlier boetes; a ladder amount above it is refused.
                wettelijk = Boeteberekening.Bereken(t.Verplichting, t.Datum, invoer.Verwijtbaarheid, await EerdereBoetesAsync(id, boetedatum, ct));
                if (Boeteberekening.BovenWettelijk(stap.Bedrag, wettelijk) is { } wettelijkFout) fouten.Voeg("Actie", wettelijkFout);
            }
        }

        if (invoer.Actie == BesluitActie.Nemen && Handhavingsladder.OmstandighedenFout(stap.Soort, invoer.Omstandigheden) is { } omstandighedenFout)
            fouten.Voeg("Omstandigheden", omstandighedenFout);
        if (invoer.Actie == BesluitActie.Nemen && Handhavingsladder.HeeftBrief(stap.Soort) && Domain.Besluiten.Adressering.Fout(dossier.Adres, dossier.AzcLocatie) is { } adresFout)
            fouten.Voeg("Actie", adresFout);
        if ((fouten.Count > 0)) return Uitkomst<Guid>.Geweigerd(fouten);

        var datum = invoer.Datum!.Value;
        var nemen = invoer.Actie == BesluitActie.Nemen;
        var besluit = new Handhavingsbesluit
        {
            Id = Guid.NewGuid(), TekortkomingId = t.Id, InburgeraarId = id, Volgorde = stap.Volgorde, Soort = stap.Soort, Stapnaam = stap.Naam,
            Overgeslagen = !nemen, Datum = datum, Reden = invoer.Reden!.Trim(),
            ReactieUiterlijk = nemen && stap.ReactietermijnDagen > 0 ? Termijnenwet.Verschuif(datum.AddDays(stap.ReactietermijnDagen)) : null,
            Bedrag = !nemen ? null : wettelijk is { } w ? Boeteberekening.OpTeLeggen(stap.Bedrag, w) : stap.Bedrag,
            BevestigdDoor = nemen && Handhavingsladder.IsSanctie(stap.Soort) ? gebruiker.Naam : null,
            Omstandigheden = nemen && Handhavingsladder.IsSanctie(stap.Soort) ? invoer.Omstandigheden!.Trim() : null,
            Door = gebruiker.Naam, Op = klok.NuUtc, Verzenddatum = invoer.Verzenddatum,
        };

        if (nemen && Handhavingsladder.HeeftBrief(stap.Soort))
        {
            var gemeente = dossier.Gemeente!;
            besluit.Kenmerk = $"HH-{gemeente.Code}-{datum:yyyy}-{id.ToString("N")[..8].ToUpperInvariant()}-{t.Besluiten.Count + 1}-{stap.Volgorde}";
            var waarden = new Dictionary<string, string>
            {
                ["{naam}"] = dossier.VolledigeNaam,
                ["{verplichting}"] = t.Verplichting.Omschrijving(),
                ["{omschrijving}"] = t.Omschrijving,
                ["{datum}"] = Pip.Beschikking.BeschikkingBrief.Datum(t.Datum),
                ["{reactiedatum}"] = besluit.ReactieUiterlijk is { } r ? Pip.Beschikking.BeschikkingBrief.Datum(r) : "zo snel mogelijk",
                ["{bedrag}"] = besluit.Bedrag is { } b ? b.ToString("C", CultureInfo.GetCultureInfo("nl-NL")) : string.Empty,
                ["{gemeente}"] = gemeente.Naam,
            };
            var (sjabloonversie, sjabloon) = await Brieven.BriefsjabloonService.HuidigAsync(db, gemeente.Id, HandhavingBrief.Soort(stap.Soort), ct);
            var pdf = HandhavingBrief.Maak(new HandhavingBriefGegevens(
                PipService.BriefhoofdVan(gemeente), datum, besluit.Kenmerk, stap.Soort, stap.Naam, dossier.VolledigeNaam,
                Domain.Besluiten.Adressering.Regels(dossier.VolledigeNaam, dossier.Adres, dossier.AzcLocatie),
                dossier.Klantregisseur?.Naam, Handhavingsladder.VulIn(stap.Brieftekst, waarden), besluit.ReactieUiterlijk,
                invoer.Verzenddatum,
                (await Mandaten.MandaatService.OndertekeningAsync(db, gemeente, Domain.Besluiten.BesluitsoortInfo.VoorHandhaving(stap.Soort), ct)).Tekst,
                Feiten(t), besluit.Omstandigheden, besluit.Reden, besluit.Bedrag, t.Verplichting, Berekening(wettelijk, besluit.Bedrag)), sjabloon);
            besluit.Pdf = pdf;
            besluit.Sjabloonversie = sjabloonversie;
            besluit.Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        }

        db.Add(besluit);
        var bedragTekst = besluit.Bedrag is { } opgelegd
            ? $", boete € {opgelegd.ToString("N2", CultureInfo.GetCultureInfo("nl-NL"))}{(invoer.Verwijtbaarheid is { } vb && t.Verplichting != PipVerplichting.BredeIntakeEnPip ? $" ({vb.Omschrijving()})" : string.Empty)}"
            : string.Empty;
        dossiers.Audit(AuditActie.Wijzigen, id, nemen
            ? $"Handhaving: stap '{stap.Naam}' genomen{bedragTekst}{(besluit.Kenmerk is null ? string.Empty : $", brief {besluit.Kenmerk}")}"
            : $"Handhaving: stap '{stap.Naam}' overgeslagen");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(besluit.Id);
    }

    /// <summary>
    /// The boetes already imposed on this person, for the raise and the total of Besluit inburgering 2021 art. 7.1 lid 3
    /// and 5. An earlier boete counts as onherroepelijk on <paramref name="datum"/> when its letter was sent and the
    /// bezwaartermijn ended before that day; Koers records no bezwaar against a boete, so one pending must be known to
    /// the person deciding (the letter shows the count).
    /// </summary>
    private async Task<List<EerdereBoete>> EerdereBoetesAsync(Guid id, DateOnly datum, CancellationToken ct)
    {
        var rijen = await (
            from b in db.Set<Handhavingsbesluit>().AsNoTracking()
            join t in db.Set<Tekortkoming>().AsNoTracking() on b.TekortkomingId equals t.Id
            where b.InburgeraarId == id && b.Soort == Handhavingssoort.BoeteWi2021 && !b.Overgeslagen && b.Bedrag != null
            select new { t.Verplichting, t.Datum, b.Bedrag, b.Verzenddatum }).ToListAsync(ct);
        return rijen.Select(r => new EerdereBoete(r.Verplichting, r.Datum, r.Bedrag!.Value,
            r.Verzenddatum is { } verzonden && Domain.Clock.LegalClock.BezwaarEinde(verzonden) < datum)).ToList();
    }

    /// <summary>How the amount follows from the Besluit, for the letter; a lower ladder amount is said to be the college's choice.</summary>
    private static List<string>? Berekening(Boetebedrag? wettelijk, decimal? opgelegd)
    {
        if (wettelijk is null) return null;
        var regels = wettelijk.Toelichting.ToList();
        if (opgelegd is { } o && o < wettelijk.Bedrag)
            regels.Add($"Het college heeft in zijn handhavingsbeleid een lager bedrag vastgesteld: {o.ToString("C", CultureInfo.GetCultureInfo("nl-NL"))}.");
        return regels;
    }

    /// <summary>The facts of the tekortkoming and the steps already taken, as the letter states them.</summary>
    internal static List<string> Feiten(Tekortkoming t)
    {
        var feiten = new List<string>
        {
            $"Op {Pip.Beschikking.BeschikkingBrief.Datum(t.Datum)} hebben wij vastgesteld dat u zich niet hield aan deze afspraak uit uw PIP: {t.Verplichting.Omschrijving().ToLowerInvariant()}. {t.Omschrijving}",
        };
        foreach (var eerder in t.Besluiten.Where(b => !b.Overgeslagen).OrderBy(b => b.Datum).ThenBy(b => b.Volgorde))
            feiten.Add($"Op {Pip.Beschikking.BeschikkingBrief.Datum(eerder.Datum)}: {eerder.Stapnaam.ToLowerInvariant()}.{(eerder.Uitkomst is { } u ? $" Uitkomst: {u}" : string.Empty)}");
        return feiten;
    }

    public async Task<Uitkomst<Guid>> UitkomstAsync(Guid id, Guid besluitId, UitkomstInvoer invoer, CancellationToken ct = default)
    {
        if (!await toegang.MagDossierAsync(id, ct)) return Uitkomst<Guid>.Onbekend();
        var besluit = await db.Set<Handhavingsbesluit>().FirstOrDefaultAsync(b => b.Id == besluitId && b.InburgeraarId == id, ct);
        if (besluit is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (string.IsNullOrWhiteSpace(invoer.Uitkomst)) fouten.Voeg("Uitkomst", "Beschrijf de uitkomst (bijvoorbeeld: inburgeraar is weer aanwezig).");
        else if (invoer.Uitkomst.Length > 2000) fouten.Voeg("Uitkomst", Veldfouten.TeLang(Veldfouten.Label("Uitkomst"), 2000, invoer.Uitkomst.Length));
        DatumControle(invoer.Datum, "Datum", fouten);
        if (invoer.Datum is { } d && d < besluit.Datum) fouten.Voeg("Datum", "De uitkomst ligt vóór de stap zelf.");
        if ((fouten.Count > 0)) return Uitkomst<Guid>.Geweigerd(fouten);
        besluit.Uitkomst = invoer.Uitkomst!.Trim();
        besluit.UitkomstOp = invoer.Datum;
        dossiers.Audit(AuditActie.Wijzigen, id, $"Handhaving: uitkomst van stap '{besluit.Stapnaam}' vastgelegd");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(besluit.Id);
    }

    public async Task<Uitkomst<Guid>> AfsluitenAsync(Guid id, Guid tekortkomingId, AfsluitenInvoer invoer, CancellationToken ct = default)
    {
        if (!await toegang.MagDossierAsync(id, ct)) return Uitkomst<Guid>.Onbekend();
        var t = await db.Set<Tekortkoming>().FirstOrDefaultAsync(x => x.Id == tekortkomingId && x.InburgeraarId == id, ct);
        if (t is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (t.AfgeslotenOp is not null) fouten.Voeg("Reden", $"Deze tekortkoming is al afgesloten op {t.AfgeslotenOp:dd-MM-yyyy}.");
        if (string.IsNullOrWhiteSpace(invoer.Reden)) fouten.Voeg("Reden", "Geef de reden van het afsluiten (bijvoorbeeld: weer aanwezig sinds 1 juni).");
        else if (invoer.Reden.Length > 2000) fouten.Voeg("Reden", Veldfouten.TeLang(Veldfouten.Label("Reden"), 2000, invoer.Reden.Length));
        if ((fouten.Count > 0)) return Uitkomst<Guid>.Geweigerd(fouten);
        t.AfgeslotenOp = klok.Vandaag;
        t.AfgeslotenDoor = gebruiker.Naam;
        t.RedenAfsluiting = invoer.Reden!.Trim();
        dossiers.Audit(AuditActie.Wijzigen, id, $"Handhaving: tekortkoming afgesloten ({t.Verplichting.Omschrijving()})");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(t.Id);
    }

    /// <summary>Records the date a handhaving letter was sent; for a sanction the bezwaartermijn runs from the day after.</summary>
    public async Task<Uitkomst<Guid>> VerzondenAsync(Guid id, Guid besluitId, Pip.VerzendingInvoer invoer, CancellationToken ct = default)
    {
        if (!await toegang.MagDossierAsync(id, ct)) return Uitkomst<Guid>.Onbekend();
        var besluit = await db.Set<Handhavingsbesluit>().FirstOrDefaultAsync(b => b.Id == besluitId && b.InburgeraarId == id && b.Pdf != null, ct);
        if (besluit is null) return Uitkomst<Guid>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        if (Pip.PipService.LaterVerzondenFout(besluit.Verzenddatum, invoer.Verzenddatum, besluit.Datum, klok.Vandaag) is { } verzendFout) fouten.Voeg("Verzenddatum", verzendFout);
        if (fouten.Count > 0) return Uitkomst<Guid>.Geweigerd(fouten);
        besluit.Verzenddatum = invoer.Verzenddatum;
        dossiers.Audit(AuditActie.Wijzigen, id, $"Handhaving: verzenddatum van brief {besluit.Kenmerk} vastgelegd: {invoer.Verzenddatum:dd-MM-yyyy}");
        await db.SaveChangesAsync(ct);
        return Uitkomst<Guid>.Ok(besluit.Id);
    }

    public async Task<Handhavingsbesluit?> BriefAsync(Guid id, Guid besluitId, CancellationToken ct = default)
    {
        if (!await toegang.MagDossierAsync(id, ct)) return null;
        var besluit = await db.Set<Handhavingsbesluit>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == besluitId && b.InburgeraarId == id && b.Pdf != null, ct);
        if (besluit is null) return null;
        dossiers.Audit(AuditActie.Inzien, id, $"Handhavingsbrief {besluit.Kenmerk} geopend");
        await db.SaveChangesAsync(ct);
        return besluit;
    }

    /// <summary>Taken steps whose response deadline passed without a recorded outcome, on open tekortkomingen within reach.</summary>
    public async Task<IReadOnlyList<VerstrekenReactie>> VerstrekenAsync(Werkvoorraad.Dossierselectie selectie, CancellationToken ct = default)
    {
        var dossiersInBereik = selectie.Pas(await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct));

        var vandaag = klok.Vandaag;
        var regels = await (
            from b in db.Set<Handhavingsbesluit>().AsNoTracking()
            join t in db.Set<Tekortkoming>().AsNoTracking() on b.TekortkomingId equals t.Id
            join i in dossiersInBereik on b.InburgeraarId equals i.Id
            where !b.Overgeslagen && b.UitkomstOp == null && b.ReactieUiterlijk != null && b.ReactieUiterlijk < vandaag && t.AfgeslotenOp == null
                // Only the newest step of a tekortkoming counts: a later decision supersedes the earlier deadline.
                && !db.Set<Handhavingsbesluit>().Any(later => later.TekortkomingId == b.TekortkomingId && later.Volgorde > b.Volgorde)
            select new { b.InburgeraarId, i.Voornamen, i.Achternaam, Gemeente = i.Gemeente!.Naam, b.Stapnaam, b.ReactieUiterlijk, t.Verplichting })
            .ToListAsync(ct);
        return regels.Select(r => new VerstrekenReactie(r.InburgeraarId, $"{r.Voornamen} {r.Achternaam}", r.Gemeente, r.Stapnaam, r.ReactieUiterlijk!.Value, r.Verplichting))
            .OrderBy(r => r.ReactieUiterlijk).ToList();
    }

    private void DatumControle(DateOnly? datum, string veld, Dictionary<string, string[]> fouten)
    {
        if (datum is null) fouten.Voeg(veld, "Vul de datum in.");
        else if (datum > klok.Vandaag) fouten.Voeg(veld, "De datum ligt in de toekomst. Leg alleen vast wat al gebeurd is.");
    }

    /// <summary>The worklist section of steps whose response period has passed.</summary>
    public static Werkvoorraad.Signaalsectie Sectie(IReadOnlyList<VerstrekenReactie> verstreken) => new(
        "signalen-handhaving",
        "Handhaving: reactietermijn verstreken",
        verstreken.Select(x => new Werkvoorraad.SignaalRegel(x.InburgeraarId, x.Naam, $"/inburgeraars/{x.InburgeraarId}/handhaving", "Verstreken", true,
            $"{x.Stapnaam} ({x.Verplichting.Omschrijving()}) · {Shared.Weergave.Datum(x.ReactieUiterlijk)} · {x.Gemeente}")).ToList(),
        "Geen verstreken reactietermijnen.",
        [],
        [],
        verstreken.Count == 1 ? "1 stap wacht op uw besluit over de volgende stap of op de uitkomst."
            : $"{verstreken.Count} stappen wachten op uw besluit over de volgende stap of op de uitkomst.");
}

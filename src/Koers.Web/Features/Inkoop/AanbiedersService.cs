using System.Globalization;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Dossier;
using Koers.Domain.Monitor;
using Koers.Domain.Pip;
using Koers.Domain.Voortgang;
using Koers.Web.Features.Ketenpartners;
using Koers.Web.Features.Monitor;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vaardigheid = Koers.Domain.Pip.Vaardigheid;

namespace Koers.Web.Features.Inkoop;

/// <summary>
/// One figure in the provider table: the value (null when hidden as a small number, or when there is nothing to count)
/// and the text shown. A hidden figure says so ("&lt;5"), an empty one "—".
/// </summary>
public sealed record Cijfer(decimal? Waarde, bool Verborgen, string Tekst)
{
    public static Cijfer Geen { get; } = new(null, false, "—");

    /// <summary>
    /// A hidden amount or median: "&lt;5" there would read as "less than 5 euros/days", so a neutral dash (the page adds
    /// "verborgen: klein aantal" for screen readers and explains it under the table).
    /// </summary>
    public const string VerborgenWaarde = "–";
}

/// <summary>The cost of one onderdeel at one provider: persons with a priced trajectory and the average cost per person.</summary>
public sealed record OnderdeelKostenDto(Onderdeel Onderdeel, Cijfer Personen, Cijfer KostenPerPersoon, Cijfer SpukPerPersoon);

/// <summary>One provider's performance, each column with its own rule (see <see cref="AanbiedersService.HoeBerekend"/>).</summary>
public sealed record AanbiederPrestatieDto(
    int PartnerorganisatieId, string Partner, string Regio,
    Cijfer InTraject, Cijfer Aanwezigheid, Cijfer OpSchema, Cijfer Routewissels, Cijfer Afschalingen, Cijfer WachttijdMediaan,
    Cijfer Examens, IReadOnlyList<OnderdeelKostenDto> Kosten, Cijfer KostenTotaal, Cijfer KostenSpuk, int ZonderPrijs);

/// <summary>
/// The figures as of <paramref name="Peildatum"/>; the cost columns over the calendar year <paramref name="Jaar"/> only (the SPUK/SiSa
/// verantwoordingsjaar). <paramref name="Jaren"/>: the years that can be chosen (those with trajectories, and the default).
/// </summary>
public sealed record AanbiedersDto(DateOnly Peildatum, int Jaar, IReadOnlyList<int> Jaren, int Grens, IReadOnlyDictionary<string, string> HoeBerekend,
    IReadOnlyList<AanbiederPrestatieDto> Aanbieders);

/// <summary>A narrower view than the user's reach: some of its municipalities (null: all), one leerroute (null: all).</summary>
public sealed record AanbiedersSelectie(IReadOnlyCollection<int>? Gemeenten, Leerroute? Leerroute);

/// <summary>One person behind a provider's figures (drill-down, team lead only): name and link, and that person's own values.</summary>
public sealed record AanbiederPersoonDto(Guid Id, string Naam, string Link, IReadOnlyList<Onderdeel> Onderdelen, DateOnly Start, bool Loopt,
    int? Wachtdagen, int? AanwezigheidProcent, bool? OpSchema, int Routewissels, int Afschalingen, decimal? Kosten, decimal? KostenJaar);

/// <summary>
/// The persons behind one provider: <see cref="AanbiederPersoonDto.Kosten"/> over all years, <see cref="AanbiederPersoonDto.KostenJaar"/>
/// over the verantwoordingsjaar <paramref name="Jaar"/> only, by the same rule as the provider table, so the two add up.
/// </summary>
public sealed record AanbiederPersonenDto(int PartnerorganisatieId, string Partner, int Jaar, IReadOnlyList<AanbiederPersoonDto> Personen);

/// <summary>
/// Provider performance for procurement and the SPUK/SiSa accountability (issue #23): per partner of the user's regions the
/// persons in a trajectory, presence, progress against the PIP's hour norms, route switches and afschaling, waiting time,
/// exam results and the cost per person per onderdeel. Only the persons of the municipalities within the user's reach
/// (<see cref="Kern.Toegang.GemeentenInBereikAsync"/>) count. Counts below the monitor's threshold are hidden; the list of
/// persons behind a provider is for the team lead only (who works with the cases) and every person listed is audited.
/// </summary>
public sealed class AanbiedersService(KoersDbContext db, Kern.Toegang toegang, InkoopService inkoop, KetenpartnersService partners, Klok klok,
    IOptions<MonitorInstellingen> opties, Kern.Auditlog audit)
{
    public const string DoorklikDoel = "Inkoop: prestaties aanbieder";

    /// <summary>The rule behind each column, shown under "Hoe berekend" and returned by the API.</summary>
    public static readonly IReadOnlyDictionary<string, string> HoeBerekend = new Dictionary<string, string>
    {
        ["inTraject"] = "Verschillende personen met een geaccepteerde verwijzing naar deze aanbieder die vandaag loopt (gestart, niet afgerond).",
        ["aanwezigheid"] = "Koers kent geen geplande uren: aanwezig = uren aanwezig / (uren aanwezig + uren afwezig) uit de presentielijsten van deze aanbieder, "
            + "over alle weken, van de personen met een traject bij de aanbieder. Verborgen als minder personen dan de grens uren hebben.",
        ["opSchema"] = "Personen met een lopend traject voor taal, KNM, participatie, MAP of PVT en een urennorm in het PIP daarvoor (Z-route 800 + 800, MAP 108, PVT 12). "
            + "Op schema: elke norm voldaan, of het percentage van de norm (alle uren van de persoon, zoals op het tabblad Voortgang) is minstens het deel van de "
            + "inburgeringstermijn dat verstreken is sinds de start van de leerroute (zonder start: de start bij de aanbieder; zonder termijneinde: drie jaar daarna).",
        ["routewissels"] = "Personen van wie een PIP-bijstelling op of na hun start bij de aanbieder een andere leerroute heeft dan het PIP ervoor.",
        ["afschalingen"] = "Personen van wie een PIP-bijstelling op of na hun start bij de aanbieder naar een lagere route gaat (onderwijsroute → B1-route → Z-route) "
            + "of een vaardigheid op een lager niveau zet (B1 → A2).",
        ["wachttijd"] = "Mediaan van het aantal dagen van aanmelding tot start, over de gestarte verwijzingen naar deze aanbieder.",
        ["examens"] = "Behaalde / afgelegde examenonderdelen: resultaten met deze aanbieder, en resultaten zonder aanbieder (DUO) van wie op de examendatum als laatste "
            + "bij deze aanbieder met taal of KNM was gestart.",
        ["kosten"] = "Per gestart traject: de prijs per periode van het product van de aanbieder voor dat onderdeel en de leerroute van de persoon (het routeproduct, "
            + "anders het algemene; bij meer producten het eerste op naam), in de versie die gold op de startdatum, maal het aantal begonnen perioden (van die in het verantwoordingsjaar beginnen, zie daar) van start tot "
            + "vandaag (afgerond: tot de laatste week met uren bij de aanbieder, anders één periode). Zonder product: het contract (per traject de prijs, per uur "
            + "de prijs maal de aanwezige uren), niet SPUK-declarabel. Per onderdeel: totaal gedeeld door het aantal personen. SPUK: alleen producten met het "
            + "kenmerk SPUK-declarabel, de posten voor de SiSa-verantwoording.",
        ["jaar"] = "De SPUK wordt per kalenderjaar verstrekt en verantwoord (Wet inburgering 2021 art. 40 lid 1, 3 en 5: de verantwoordingsinformatie van "
            + "art. 17a Financiële-verhoudingswet, de SiSa-bijlage bij de jaarrekening; niet bestede middelen worden per kalenderjaar gereserveerd, Besluit "
            + "inburgering 2021 art. 10.5 lid 1). Daarom tellen de kosten alleen over het gekozen verantwoordingsjaar: van een traject alleen de prijsperioden "
            + "die in dat jaar beginnen (een periode telt in het jaar waarin zij begint, zodat de jaren samen elke periode precies één keer tellen), de uren "
            + "van weken die in dat jaar beginnen, en een prijs per traject in het jaar van de start. Een traject dat over de jaargrens loopt, wordt zo over "
            + "beide jaren verdeeld. Personen per onderdeel: wie in dat jaar een traject met een prijs had. Zonder keuze: in het eerste kwartaal het vorige "
            + "jaar (waarover dan de SiSa-verantwoording wordt opgesteld), daarna het lopende jaar. De andere kolommen zijn de stand van vandaag.",
    };

    /// <summary>The message at the year field when the chosen year cannot be accounted for.</summary>
    public static string? JaarFout(int? jaar, DateOnly vandaag) =>
        jaar is null || (jaar >= Verantwoordingsjaar.Eerste && jaar <= vandaag.Year) ? null
            : $"Kies een verantwoordingsjaar van {Verantwoordingsjaar.Eerste} tot en met {vandaag.Year}.";

    private sealed record Traject(Guid Id, Guid InburgeraarId, int PartnerId, Onderdeel Onderdeel, Verwijzingsstatus Status, DateOnly AangemeldOp, DateOnly Start);

    private sealed record Persoon(Guid Id, string Voornamen, string Achternaam, Doelgroep Doelgroep, Leerroute? Leerroute);

    private sealed record Basis(
        DateOnly Vandaag, int Grens, List<(int Id, string Naam, string Regio)> Partners, List<Traject> Trajecten, Dictionary<Guid, Persoon> Personen,
        List<Urenregistratie> Uren, List<PipVersie> Pips, List<Examenresultaat> Examens, Dictionary<Guid, (DateOnly? Start, DateOnly? Einde)> Termijnen,
        IReadOnlyList<ProductDto> Producten, List<Partnercontract> Contracten);

    /// <summary>Who may see the persons behind the figures: the team lead, who works with the cases of the municipality.</summary>
    public static bool MagPersonenZien(System.Security.Claims.ClaimsPrincipal gebruiker) =>
        InkoopModule.PersonenLezers.Any(gebruiker.IsInRole);

    /// <summary>The figures, with the costs over <paramref name="jaar"/> (null: <see cref="Verantwoordingsjaar.Standaard"/>); check <see cref="JaarFout"/> first.</summary>
    public Task<AanbiedersDto> OverzichtAsync(int? jaar, CancellationToken ct) => OverzichtAsync(jaar, null, ct);

    /// <summary>
    /// The figures for a selection (the monitor's filter): only the persons of <see cref="AanbiedersSelectie.Gemeenten"/> (always
    /// intersected with the user's reach, so a filter can never widen it) and, when given, of one leerroute.
    /// </summary>
    public async Task<AanbiedersDto> OverzichtAsync(int? jaar, AanbiedersSelectie? selectie, CancellationToken ct)
    {
        var b = await BasisAsync(null, ct, selectie);
        if (JaarFout(jaar, b.Vandaag) is { } fout) throw new ArgumentOutOfRangeException(nameof(jaar), fout);
        var j = jaar ?? Verantwoordingsjaar.Standaard(b.Vandaag);
        var lijst = b.Partners.Select(p => Prestatie(b, p.Id, p.Naam, p.Regio, j)).ToList();
        // The years with trajectories (from the first start up to today), and always the default and the one shown.
        var eerste = b.Trajecten.Count == 0 ? b.Vandaag.Year : Math.Max(Verantwoordingsjaar.Eerste, b.Trajecten.Min(t => t.Start.Year));
        var jaren = Enumerable.Range(eerste, b.Vandaag.Year - eerste + 1).Append(Verantwoordingsjaar.Standaard(b.Vandaag)).Append(j)
            .Distinct().OrderDescending().ToList();
        return new AanbiedersDto(b.Vandaag, j, jaren, b.Grens, HoeBerekend, lijst);
    }

    /// <summary>
    /// The persons behind one provider's figures, or null when the provider is not within the user's regions; the year's
    /// costs over <paramref name="jaar"/> (null: <see cref="Verantwoordingsjaar.Standaard"/>; check <see cref="JaarFout"/> first).
    /// </summary>
    public async Task<AanbiederPersonenDto?> PersonenAsync(int partnerId, int? jaar, CancellationToken ct)
    {
        var b = await BasisAsync(partnerId, ct);
        if (JaarFout(jaar, b.Vandaag) is { } fout) throw new ArgumentOutOfRangeException(nameof(jaar), fout);
        var j = jaar ?? Verantwoordingsjaar.Standaard(b.Vandaag);
        if (b.Partners.Count == 0) return null;
        var partner = b.Partners[0];
        // Only cases the user may open as a case worker (municipal isolation), as the monitor's drill-down does.
        var ids = b.Trajecten.Select(t => t.InburgeraarId).Distinct().ToList();
        var mag = (await (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct)).Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct)).ToHashSet();
        var personen = b.Trajecten.Where(t => mag.Contains(t.InburgeraarId)).GroupBy(t => t.InburgeraarId).Select(g =>
        {
            var p = b.Personen[g.Key];
            var start = g.Min(t => t.Start);
            var uren = b.Uren.Where(u => u.InburgeraarId == g.Key && u.PartnerorganisatieId == partnerId).ToList();
            var (wissels, afschalingen) = Bijstellingen(b.Pips.Where(v => v.InburgeraarId == g.Key), start);
            var loopt = g.Where(t => t.Status == Verwijzingsstatus.Geaccepteerd).ToList();
            var kosten = g.Select(t => Kosten(b, t, null)).Where(k => k is not null).Select(k => k!.Value.Bedrag).ToList();
            var kostenJaar = g.Select(t => Kosten(b, t, j)).Where(k => k is not null).Select(k => k!.Value.Bedrag).ToList();
            return new AanbiederPersoonDto(p.Id, $"{p.Voornamen} {p.Achternaam}", $"/inburgeraars/{p.Id}", g.Select(t => t.Onderdeel).Distinct().Order().ToList(), start,
                loopt.Count > 0, g.OrderBy(t => t.Start).Select(t => (int?)(t.Start.DayNumber - t.AangemeldOp.DayNumber)).First(),
                Voortgangsberekening.AfwezigheidsProcent(uren.Sum(u => u.Uren), uren.Sum(u => u.AfwezigUren)) is { } afwezig ? 100 - afwezig : null,
                loopt.Count == 0 ? null : OpSchema(b, g.Key, loopt), wissels ? 1 : 0, afschalingen ? 1 : 0, kosten.Count == 0 ? null : kosten.Sum(),
                kostenJaar.Count == 0 ? null : kostenJaar.Sum());
        }).OrderBy(p => p.Naam, StringComparer.Ordinal).ToList();
        foreach (var p in personen) audit.Inzien(p.Id, $"{DoorklikDoel}: {partner.Naam}");
        await db.SaveChangesAsync(ct);
        return new AanbiederPersonenDto(partner.Id, partner.Naam, j, personen);
    }

    private async Task<Basis> BasisAsync(int? alleenPartner, CancellationToken ct, AanbiedersSelectie? selectie = null)
    {
        var vandaag = klok.Vandaag;
        var gemeenten = (await toegang.GemeentenInBereikAsync(ct)).Where(g => selectie?.Gemeenten is not { } alleen || alleen.Contains(g.Id)).ToList();
        var route = selectie?.Leerroute;
        var gemeenteIds = gemeenten.Select(g => g.Id).ToList();
        var grens = opties.Value.GrensVoor(gemeenten.Select(g => g.Code));
        var regios = (await partners.RegiosAsync(ct)).Select(r => r.Id).ToList();
        var partnerRijen = await db.Partnerorganisaties.AsNoTracking().Where(p => regios.Contains(p.RegioId) && (alleenPartner == null || p.Id == alleenPartner))
            .OrderBy(p => p.Naam).Select(p => new { p.Id, p.Naam, Regio = p.Regio!.Naam }).ToListAsync(ct);
        var partnerIds = partnerRijen.Select(p => p.Id).ToList();
        var trajecten = await db.Verwijzingen.AsNoTracking()
            .Where(v => partnerIds.Contains(v.PartnerorganisatieId) && v.Startdatum != null && v.Startdatum <= vandaag
                && (v.Status == Verwijzingsstatus.Geaccepteerd || v.Status == Verwijzingsstatus.Afgerond))
            .Join(db.Inburgeraars.Where(i => gemeenteIds.Contains(i.GemeenteId) && (route == null || i.Leerroute == route)), v => v.InburgeraarId, i => i.Id,
                (v, i) => new Traject(v.Id, v.InburgeraarId, v.PartnerorganisatieId, v.Onderdeel, v.Status, v.AangemeldOp, v.Startdatum!.Value))
            .ToListAsync(ct);
        var ids = trajecten.Select(t => t.InburgeraarId).Distinct().ToList();
        var personen = await db.Inburgeraars.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new Persoon(i.Id, i.Voornamen, i.Achternaam, i.Doelgroep, i.Leerroute)).ToDictionaryAsync(p => p.Id, ct);
        var uren = await db.Urenregistraties.AsNoTracking().Where(u => ids.Contains(u.InburgeraarId)).ToListAsync(ct);
        var pips = await db.PipVersies.AsNoTracking().Where(v => ids.Contains(v.InburgeraarId) && (v.Status == PipStatus.Vastgesteld || v.Status == PipStatus.Vervangen))
            .ToListAsync(ct);
        var examens = await db.Examenresultaten.AsNoTracking().Where(e => ids.Contains(e.InburgeraarId)).ToListAsync(ct);
        var termijnen = await db.MonitorDossiers.AsNoTracking().Where(m => ids.Contains(m.InburgeraarId))
            .Select(m => new { m.InburgeraarId, m.StartLeerroute, m.TermijnEinde }).ToDictionaryAsync(m => m.InburgeraarId, m => (m.StartLeerroute, m.TermijnEinde), ct);
        var producten = (await inkoop.ProductenAsync(ct)).Where(p => partnerIds.Contains(p.PartnerorganisatieId)).ToList();
        var contracten = await db.Partnercontracten.AsNoTracking().Where(c => partnerIds.Contains(c.PartnerorganisatieId)).ToListAsync(ct);
        return new Basis(vandaag, grens, partnerRijen.Select(p => (p.Id, p.Naam, p.Regio)).ToList(), trajecten, personen, uren, pips, examens, termijnen, producten, contracten);
    }

    private static AanbiederPrestatieDto Prestatie(Basis b, int partnerId, string naam, string regio, int jaar)
    {
        var trajecten = b.Trajecten.Where(t => t.PartnerId == partnerId).ToList();
        var personen = trajecten.Select(t => t.InburgeraarId).Distinct().ToList();
        var lopend = trajecten.Where(t => t.Status == Verwijzingsstatus.Geaccepteerd).ToList();

        var inTraject = Aantal(lopend.Select(t => t.InburgeraarId).Distinct().Count(), b.Grens);

        var uren = b.Uren.Where(u => u.PartnerorganisatieId == partnerId && personen.Contains(u.InburgeraarId)).ToList();
        var metUren = uren.Where(u => u.Uren + u.AfwezigUren > 0).Select(u => u.InburgeraarId).Distinct().Count();
        var aanwezig = uren.Sum(u => u.Uren);
        var verwacht = aanwezig + uren.Sum(u => u.AfwezigUren);
        var aanwezigheid = verwacht <= 0 ? Cijfer.Geen
            : KleineAantallen.Verbergen(metUren, b.Grens) ? Klein(b.Grens)
            : Procent(Math.Round(100m * aanwezig / verwacht, 0, MidpointRounding.AwayFromZero));

        var schema = lopend.GroupBy(t => t.InburgeraarId).Select(g => OpSchema(b, g.Key, g.ToList())).Where(x => x is not null).ToList();
        var opSchema = Aandeel(schema.Count(x => x == true), schema.Count, b.Grens);

        var bijstellingen = personen.Select(id => Bijstellingen(b.Pips.Where(v => v.InburgeraarId == id), trajecten.Where(t => t.InburgeraarId == id).Min(t => t.Start))).ToList();
        var wissels = Aantal(bijstellingen.Count(x => x.Wissel), b.Grens, nulTonen: personen.Count > 0);
        var afschalingen = Aantal(bijstellingen.Count(x => x.Afschaling), b.Grens, nulTonen: personen.Count > 0);

        var wachtdagen = trajecten.Select(t => t.Start.DayNumber - t.AangemeldOp.DayNumber).ToList();
        var wachttijd = wachtdagen.Count == 0 ? Cijfer.Geen
            : KleineAantallen.Verbergen(wachtdagen.Count, b.Grens) ? VerborgenBedrag
            : Mediaan(wachtdagen) is var m ? new Cijfer(m, false, $"{m.ToString("0.#", Nl)} dagen") : Cijfer.Geen;

        var examens = b.Examens.Where(e => ExamenVan(b, e) == partnerId).ToList();
        var behaald = examens.Count(e => e.Behaald);
        var examenCijfer = examens.Count == 0 ? Cijfer.Geen
            : KleineAantallen.VerbergAandeel(behaald, examens.Count, b.Grens) ? Klein(b.Grens)
            : new Cijfer(Math.Round(100m * behaald / examens.Count, 0, MidpointRounding.AwayFromZero), false, $"{behaald} / {examens.Count}");

        // Costs: only the trajectories that ran in the year (started by its end, not ended before it), each with its part in that year.
        var kosten = trajecten.Where(t => t.Start.Year <= jaar && Einde(b, t).Year >= jaar).Select(t => (t, k: Kosten(b, t, jaar))).ToList();
        var geprijsd = kosten.Where(x => x.k is not null).Select(x => (x.t, k: x.k!.Value)).ToList();
        var perOnderdeel = geprijsd.GroupBy(x => x.t.Onderdeel).OrderBy(g => g.Key).Select(g =>
        {
            var n = g.Select(x => x.t.InburgeraarId).Distinct().Count();
            var verborgen = KleineAantallen.Verbergen(n, b.Grens);
            return (Dto: new OnderdeelKostenDto(g.Key, Aantal(n, b.Grens), verborgen ? VerborgenBedrag : Bedrag(g.Sum(x => x.k.Bedrag) / n),
                verborgen ? VerborgenBedrag : Bedrag(g.Where(x => x.k.Spuk).Sum(x => x.k.Bedrag) / n)), Som: g.Sum(x => x.k.Bedrag));
        }).ToList();
        var geprijsdePersonen = geprijsd.Select(x => x.t.InburgeraarId).Distinct().Count();
        var spukPersonen = geprijsd.Where(x => x.k.Spuk).Select(x => x.t.InburgeraarId).Distinct().Count();
        var totaal = geprijsd.Count == 0 ? Cijfer.Geen : KleineAantallen.Verbergen(geprijsdePersonen, b.Grens) ? VerborgenBedrag : Bedrag(geprijsd.Sum(x => x.k.Bedrag));
        var spuk = spukPersonen == 0 ? (geprijsd.Count == 0 ? Cijfer.Geen : Bedrag(0)) : KleineAantallen.Verbergen(spukPersonen, b.Grens) ? VerborgenBedrag
            : Bedrag(geprijsd.Where(x => x.k.Spuk).Sum(x => x.k.Bedrag));

        return new AanbiederPrestatieDto(partnerId, naam, regio, inTraject, aanwezigheid, opSchema, wissels, afschalingen, wachttijd, examenCijfer,
            Secundair(perOnderdeel, totaal.Waarde is not null || spuk.Waarde is not null), totaal, spuk, kosten.Count(x => x.k is null));
    }

    /// <summary>
    /// Secondary suppression, as the monitor does it (<see cref="Geheimhouding"/>): the row total is the sum of persons ×
    /// cost per person over the onderdelen, so with exactly one onderdeel hidden and the total shown, total minus the
    /// others gives the hidden one away. Then the onderdeel with the smallest shown amount is hidden as well (the least
    /// information lost, the same choice for the same figures); two hidden ones only give their sum.
    /// </summary>
    private static List<OnderdeelKostenDto> Secundair(List<(OnderdeelKostenDto Dto, decimal Som)> perOnderdeel, bool totaalGetoond)
    {
        var lijst = perOnderdeel.Select(x => x.Dto).ToList();
        if (!totaalGetoond || lijst.Count(k => k.KostenPerPersoon.Verborgen) != 1) return lijst;
        var kleinste = perOnderdeel.Where(x => !x.Dto.KostenPerPersoon.Verborgen).OrderBy(x => x.Som).ThenBy(x => x.Dto.Onderdeel).Select(x => x.Dto.Onderdeel).FirstOrDefault();
        return [.. lijst.Select(k => k.Onderdeel == kleinste && !k.KostenPerPersoon.Verborgen ? k with { KostenPerPersoon = VerborgenBedrag, SpukPerPersoon = VerborgenBedrag } : k)];
    }

    // ---- the rules per column ------------------------------------------------------------------------------------

    /// <summary>
    /// Whether a person's running trajectories here are on schedule against the PIP's hour norms that belong to them; null when
    /// none of the person's norms belongs to them (a B1-route language course has no hour norm).
    /// </summary>
    private static bool? OpSchema(Basis b, Guid id, IReadOnlyList<Traject> lopend)
    {
        var p = b.Personen[id];
        var soorten = lopend.Select(t => t.Onderdeel).SelectMany(Normen).ToHashSet();
        var normen = LegalClockNormen(p).Where(n => soorten.Contains(Voortgangsberekening.Onderdeel(n))).ToList();
        if (normen.Count == 0) return null;
        var eigen = b.Uren.Where(u => u.InburgeraarId == id).ToList();
        decimal Som(Urensoort s) => eigen.Where(u => u.Soort == s).Sum(u => u.Uren);
        var totalen = new UrenTotalen(Som(Urensoort.Taal), Som(Urensoort.Knm), Som(Urensoort.Participatie), Som(Urensoort.MapTheorie), Som(Urensoort.MapPraktijk), Som(Urensoort.Pvt));
        var (start, einde) = b.Termijnen.GetValueOrDefault(id);
        var van = start ?? lopend.Min(t => t.Start);
        var tot = einde ?? van.AddYears(3);
        var verwacht = VerwachtProcent(van, tot, b.Vandaag);
        return normen.Select(n => Voortgangsberekening.Bereken(n, totalen)).All(v => v.Voldaan || v.Procent >= verwacht);
    }

    private static IReadOnlyList<Domain.Clock.Urennorm> LegalClockNormen(Persoon p) =>
        Domain.Clock.LegalClock.Urennormen(new DossierFeiten { Doelgroep = p.Doelgroep, Leerroute = p.Leerroute });

    /// <summary>The hour norms an onderdeel works towards (KNM hours count for the Z-route's language norm).</summary>
    private static IEnumerable<NormOnderdeel> Normen(Onderdeel o) => o switch
    {
        Onderdeel.Taal or Onderdeel.Knm => [NormOnderdeel.ZRouteTaal],
        Onderdeel.Participatie => [NormOnderdeel.ZRouteParticipatie],
        Onderdeel.Map => [NormOnderdeel.Map],
        Onderdeel.Pvt => [NormOnderdeel.Pvt],
        _ => [],
    };

    /// <summary>The share of the term gone by, in whole percents (0 before the start, 100 from its end).</summary>
    public static int VerwachtProcent(DateOnly van, DateOnly tot, DateOnly vandaag)
    {
        if (vandaag <= van) return 0;
        if (vandaag >= tot || tot <= van) return 100;
        return (int)Math.Floor(100m * (vandaag.DayNumber - van.DayNumber) / (tot.DayNumber - van.DayNumber));
    }

    private static int Rang(Leerroute r) => r switch { Leerroute.ZRoute => 0, Leerroute.B1Route => 1, _ => 2 };

    /// <summary>Whether a bijstelling dated on or after <paramref name="start"/> switched the route, and whether it scaled down.</summary>
    private static (bool Wissel, bool Afschaling) Bijstellingen(IEnumerable<PipVersie> versies, DateOnly start)
    {
        var lijst = versies.OrderBy(v => v.Versie).ToList();
        bool wissel = false, afschaling = false;
        for (var i = 1; i < lijst.Count; i++)
        {
            var vorige = lijst[i - 1];
            var deze = lijst[i];
            if (deze.Dagtekening is not { } d || d < start) continue;
            if (vorige.Leerroute is { } a && deze.Leerroute is { } n && a != n)
            {
                wissel = true;
                if (Rang(n) < Rang(a)) afschaling = true;
            }

            var oud = PipRegels.Normaliseer(Kern.OpgeslagenInhoud.Pip(vorige.InhoudJson)).Niveaus;
            var nieuw = PipRegels.Normaliseer(Kern.OpgeslagenInhoud.Pip(deze.InhoudJson)).Niveaus;
            if (Enum.GetValues<Vaardigheid>().Any(v => oud.TryGetValue(v, out var o) && nieuw.TryGetValue(v, out var x) && x < o)) afschaling = true;
        }

        return (wissel, afschaling);
    }

    /// <summary>The provider an exam result belongs to: its own, or (DUO, no provider) the last language or KNM start on or before the exam.</summary>
    private static int? ExamenVan(Basis b, Examenresultaat e)
    {
        if (e.PartnerorganisatieId is { } p) return p;
        return b.Trajecten.Where(t => t.InburgeraarId == e.InburgeraarId && t.Onderdeel is Onderdeel.Taal or Onderdeel.Knm && t.Start <= e.Datum)
            .OrderByDescending(t => t.Start).Select(t => (int?)t.PartnerId).FirstOrDefault();
    }

    /// <summary>The number of price periods begun from <paramref name="start"/> up to and including <paramref name="einde"/> (at least one).</summary>
    public static int Perioden(DateOnly start, DateOnly einde, int periodeMaanden)
    {
        var n = 1;
        while (start.AddMonths(n * periodeMaanden) <= einde) n++;
        return n;
    }

    /// <summary>The last day a trajectory's cost runs to: today while it runs; when completed, the end of its last week with hours here, else its start.</summary>
    private static DateOnly Einde(Basis b, Traject t) =>
        t.Status == Verwijzingsstatus.Geaccepteerd ? b.Vandaag
            : b.Uren.Where(u => u.InburgeraarId == t.InburgeraarId && u.PartnerorganisatieId == t.PartnerId && u.Week >= Week.Maandag(t.Start))
                .Select(u => (DateOnly?)u.Week.AddDays(6)).Max() ?? t.Start;

    /// <summary>A trajectory's cost, over all years (<paramref name="jaar"/> null) or only its part in one calendar year (<see cref="Verantwoordingsjaar"/>).</summary>
    private static (decimal Bedrag, bool Spuk)? Kosten(Basis b, Traject t, int? jaar)
    {
        var route = b.Personen[t.InburgeraarId].Leerroute;
        var einde = Einde(b, t);
        var product = b.Producten.Where(p => p.PartnerorganisatieId == t.PartnerId)
            .Select(p => (p, v: InkoopService.VersieOp(p, t.Start)))
            .Where(x => x.v is not null && x.v.Onderdeel == t.Onderdeel && (x.v.Leerroute == null || x.v.Leerroute == route))
            .OrderBy(x => x.v!.Leerroute == null).ThenBy(x => x.v!.Naam, StringComparer.Ordinal).Select(x => x.v).FirstOrDefault();
        if (product is not null)
        {
            var perioden = jaar is { } j ? Verantwoordingsjaar.PeriodenIn(j, t.Start, einde, product.PeriodeMaanden) : Perioden(t.Start, einde, product.PeriodeMaanden);
            return (product.PrijsPerPeriode * perioden, product.SpukDeclarabel);
        }

        var contract = b.Contracten.Where(c => c.PartnerorganisatieId == t.PartnerId && c.Onderdeel == t.Onderdeel && (c.Leerroute == null || c.Leerroute == route)
                && c.Van <= t.Start && (c.Tot == null || c.Tot >= t.Start))
            .OrderBy(c => c.Leerroute == null).ThenBy(c => c.Id).FirstOrDefault();
        if (contract is null) return null;
        if (contract.Tariefsoort == Tariefsoort.PerTraject) return (jaar is not { } jt || Verantwoordingsjaar.In(jt, t.Start) ? contract.Prijs : 0m, false);
        var soorten = Urensoorten(t.Onderdeel);
        var uren = b.Uren.Where(u => u.InburgeraarId == t.InburgeraarId && u.PartnerorganisatieId == t.PartnerId && soorten.Contains(u.Soort)
            && (jaar is not { } ju || Verantwoordingsjaar.In(ju, u.Week))).Sum(u => u.Uren);
        return (contract.Prijs * uren, false);
    }

    private static Urensoort[] Urensoorten(Onderdeel o) => o switch
    {
        Onderdeel.Taal => [Urensoort.Taal],
        Onderdeel.Knm => [Urensoort.Knm],
        Onderdeel.Participatie => [Urensoort.Participatie],
        Onderdeel.Map => [Urensoort.MapTheorie, Urensoort.MapPraktijk],
        Onderdeel.Pvt => [Urensoort.Pvt],
        _ => Enum.GetValues<Urensoort>(),
    };

    public static decimal Mediaan(IReadOnlyList<int> waarden)
    {
        var s = waarden.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2m;
    }

    // ---- figures ---------------------------------------------------------------------------------------------------

    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    private static Cijfer Klein(int grens) => new(null, true, KleineAantallen.Tekst(grens));

    /// <summary>A hidden amount or median (days): not "&lt;5", see <see cref="Cijfer.VerborgenWaarde"/>.</summary>
    private static readonly Cijfer VerborgenBedrag = new(null, true, Cijfer.VerborgenWaarde);

    private static Cijfer Aantal(int n, int grens, bool nulTonen = true) =>
        KleineAantallen.Verbergen(n, grens) ? Klein(grens) : n == 0 && !nulTonen ? Cijfer.Geen : new Cijfer(n, false, n.ToString(Nl));

    private static Cijfer Aandeel(int teller, int noemer, int grens) =>
        noemer == 0 ? Cijfer.Geen : KleineAantallen.VerbergAandeel(teller, noemer, grens) ? Klein(grens)
            : Procent(Math.Round(100m * teller / noemer, 0, MidpointRounding.AwayFromZero)) with { Tekst = $"{Math.Round(100m * teller / noemer, 0, MidpointRounding.AwayFromZero):0}% ({teller} van {noemer})" };

    private static Cijfer Procent(decimal p) => new(p, false, $"{p:0}%");

    private static Cijfer Bedrag(decimal bedrag)
    {
        var b = Math.Round(bedrag, 2, MidpointRounding.AwayFromZero);
        return new Cijfer(b, false, "€ " + b.ToString("N2", Nl));
    }
}

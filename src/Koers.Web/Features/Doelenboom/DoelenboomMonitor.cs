using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Groepen;
using Koers.Data.Model.Keten;
using Koers.Domain.Dossier;
using Koers.Domain.Monitor;
using Koers.Web.Features.Monitor;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Koers.Web.Features.Doelenboom;

/// <summary>How a KPI's actual value compares to its target.</summary>
public enum KpiStand
{
    Gehaald,
    NietGehaald,
    /// <summary>Hidden by the small-number suppression: no judgement either, which would give the value's range away.</summary>
    Verborgen,
    GeenGegevens,
}

/// <summary>One KPI as shown: its figure after suppression, its target and its definition.</summary>
public sealed record KpiUitslag(string Sleutel, string Naam, string Periode, Indicatorsoort Soort, string Eenheid, decimal Streefwaarde, Cel Werkelijk, KpiStand Stand, string Definitie, string Bron);

/// <summary>The doelenboom of one municipality with its KPIs computed (<see cref="Kpis"/> by <see cref="KpiUitslag.Sleutel"/>).</summary>
public sealed record DoelenboomRapport(string GemeenteCode, string Gemeente, BoomKnoop Boom, IReadOnlyList<Tabel> Tabellen, IReadOnlyDictionary<string, KpiUitslag> Kpis)
{
    public const string Aandelen = "doelenboom-aandelen";
    public const string Aantallen = "doelenboom-aantallen";
}

/// <summary>
/// Computes the KPIs of a municipality's doelenboom (issue #22) from the records of its cases, for the monitor roles.
/// Every count goes through the monitor's own small-number suppression, exactly as the other monitor views: cells from
/// <see cref="Cellen"/>, secondary suppression by <see cref="Optelling.Beveilig"/>, and the region with all its
/// municipalities protected together (<see cref="MonitorQuery.FamilieAsync"/>, issue #24), each member computed with the
/// same KPIs, so a hidden count cannot be worked out by setting the region next to its municipalities. Only counts: no
/// names, no drill-down.
/// </summary>
public sealed class DoelenboomMonitor(KoersDbContext db, MonitorQuery query, MonitorLezer lezer, Klok klok, IOptions<MonitorInstellingen> opties)
{
    /// <summary>
    /// Reads the request of the page and the API: the municipality (by default the first in the user's region with a
    /// doelenboom) and whether small counts are hidden (as everywhere in the monitor: only for those who may see them).
    /// </summary>
    public async Task<(DoelenboomRapport? Rapport, Dictionary<string, string[]> Fouten, List<(string Code, string Naam)> MetBoom)> LeesAsync(
        string? gemeente, bool? verbergKleineAantallen, CancellationToken ct = default)
    {
        var keuzes = await lezer.KeuzesAsync(ct);
        var metBoom = await MetBoomAsync(keuzes.Gemeenten.Select(g => g.Code), ct);
        var code = string.IsNullOrWhiteSpace(gemeente) ? metBoom.Select(g => g.Code).FirstOrDefault() : gemeente.Trim().ToUpperInvariant();
        if (code is null) return (null, new() { ["gemeente"] = ["Er is nog geen doelenboom ingesteld voor een gemeente in uw regio. De functioneel beheerder stelt hem in onder Beheer → Doelenboom."] }, metBoom);
        var (filter, fouten) = await lezer.LeesAsync(new MonitorVraag { Gemeente = code, VerbergKleineAantallen = verbergKleineAantallen }, ct);
        if (filter is null || fouten.Count > 0) return (null, fouten, metBoom);
        var rapport = await BouwAsync(filter, ct);
        if (rapport is null) fouten["gemeente"] = [$"Gemeente {code} heeft (nog) geen doelenboom."];
        return (rapport, fouten, metBoom);
    }

    /// <summary>Shares: people with / without out of the group; the share is derived, so it is hidden with a hidden count.</summary>
    private static readonly Dictionary<string, Optelling> Optellingen = new()
    {
        [DoelenboomRapport.Aandelen] = new(["met", "zonder"], "groep", false, Afgeleid: ["waarde"]),
        [DoelenboomRapport.Aantallen] = new(["aantal"], null, false, Afgeleid: ["waarde"]),
    };

    /// <summary>The municipalities (code, name) among these that have a doelenboom.</summary>
    public async Task<List<(string Code, string Naam)>> MetBoomAsync(IEnumerable<string> codes, CancellationToken ct = default)
    {
        var lijst = codes.ToList();
        var rijen = await (from d in db.Set<Data.Model.Doelenboom>().AsNoTracking()
                           join g in db.Gemeenten.AsNoTracking() on d.GemeenteId equals g.Id
                           where lijst.Contains(g.Code)
                           orderby g.Naam
                           select new { g.Code, g.Naam }).ToListAsync(ct);
        return [.. rijen.Select(r => (r.Code, r.Naam))];
    }

    /// <summary>The report for the one municipality of <paramref name="f"/> (which must name one in reach), or null without a doelenboom.</summary>
    public async Task<DoelenboomRapport?> BouwAsync(MonitorFilter f, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        var gemeenten = await query.GemeentenAsync(f, ct);
        if (f.GemeenteCode is null || gemeenten.Count != 1) return null;
        var gemeente = gemeenten[0];
        var json = await db.Set<Data.Model.Doelenboom>().AsNoTracking().Where(d => d.GemeenteId == gemeente.Id).Select(d => d.InhoudJson).FirstOrDefaultAsync(ct);
        if (json is null) return null;
        var boom = DoelenboomService.Lees(json);
        // One figure per distinct KPI: the same indicator and period on two nodes is one row, so it is hidden or shown once.
        var kpis = boom.MetAfstammelingen().SelectMany(k => k.Kpis).DistinctBy(k => k.Sleutel).ToList();

        var familie = f.VerbergKleineAantallen ? await query.FamilieAsync(f, gemeenten, ct) : null;
        var c = new Cellen(f.VerbergKleineAantallen, opties.Value.GrensVoor((familie?.SelectMany(l => l.Gemeenten) ?? gemeenten).Select(g => g.Code)));
        var eigen = await RuwAsync(f, gemeenten, kpis, c, ct);
        IReadOnlyList<Tabel> tabellen;
        if (familie is null)
        {
            tabellen = f.VerbergKleineAantallen ? Optelling.Beveilig(eigen, Optellingen, [], c) : eigen;
        }
        else
        {
            var leden = new List<IReadOnlyList<Tabel>>();
            foreach (var lid in familie) leden.Add(lid.Filter == f ? eigen : await RuwAsync(lid.Filter, lid.Gemeenten, kpis, c, ct));
            tabellen = Optelling.BeveiligFamilie([.. leden.Select(l => (l, (IEnumerable<Koppeling>)[]))], Optellingen, c)[familie.ToList().FindIndex(l => l.Filter == f)];
        }

        // The judgement against the target is made after suppression, from what is shown.
        tabellen = [.. tabellen.Select(t => t with { Rijen = [.. t.Rijen.Select(r => Beoordeel(t, r, kpis.Single(k => k.Sleutel == r.Sleutel)))] })];
        var uitslagen = new Dictionary<string, KpiUitslag>();
        foreach (var kpi in kpis)
        {
            var def = Indicatorcatalogus.Van(kpi.Indicator);
            var tabel = tabellen.Single(t => t.Id == TabelVan(def));
            var rij = tabel.Rijen.Single(r => r.Sleutel == kpi.Sleutel);
            var werkelijk = rij.Cellen[tabel.Index("waarde")];
            uitslagen[kpi.Sleutel] = new KpiUitslag(kpi.Sleutel, kpi.Naam, kpi.Periode, def.Soort, def.Eenheid, kpi.Streefwaarde, werkelijk, Stand(werkelijk, kpi),
                def.Definitie.Replace(" N ", $" {kpi.Maanden} ", StringComparison.Ordinal), def.Bron);
        }

        return new DoelenboomRapport(gemeente.Code, gemeente.Naam, boom, tabellen, uitslagen);
    }

    private static string TabelVan(Indicatordefinitie d) => d.Soort == Indicatorsoort.Aandeel ? DoelenboomRapport.Aandelen : DoelenboomRapport.Aantallen;

    private static KpiStand Stand(Cel werkelijk, BoomKpi kpi) =>
        werkelijk.Verborgen ? KpiStand.Verborgen
        : werkelijk.Waarde is not { } w ? KpiStand.GeenGegevens
        : w >= kpi.Streefwaarde ? KpiStand.Gehaald : KpiStand.NietGehaald;

    public static string Omschrijving(KpiStand s) => s switch
    {
        KpiStand.Gehaald => "streefwaarde gehaald",
        KpiStand.NietGehaald => "streefwaarde niet gehaald",
        KpiStand.Verborgen => "verborgen (kleine aantallen)",
        _ => "nog geen gegevens",
    };

    private static Rij Beoordeel(Tabel t, Rij r, BoomKpi kpi)
    {
        var cellen = r.Cellen.ToArray();
        cellen[t.Index("status")] = Cellen.Tekst(Omschrijving(Stand(cellen[t.Index("waarde")], kpi)));
        return r with { Cellen = cellen };
    }

    /// <summary>The two tables of one view (a municipality or the region) before secondary suppression.</summary>
    private async Task<IReadOnlyList<Tabel>> RuwAsync(MonitorFilter f, IReadOnlyList<GemeenteInfo> gemeenten, IReadOnlyList<BoomKpi> kpis, Cellen c, CancellationToken ct)
    {
        var gemeenteIds = gemeenten.Select(g => g.Id).ToList();
        var dossiers = db.Inburgeraars.AsNoTracking().Where(i => gemeenteIds.Contains(i.GemeenteId));
        if (f.Doelgroep is { } dg) dossiers = dossiers.Where(i => i.Doelgroep == dg);
        var ids = dossiers.Select(i => i.Id); // a subquery, never a list of ids
        var vandaag = klok.Vandaag;
        var bron = new Bronnen(db, ids, dossiers);

        var aandelen = new List<Rij>();
        var aantallen = new List<Rij>();
        foreach (var kpi in kpis)
        {
            var def = Indicatorcatalogus.Van(kpi.Indicator);
            var van = new DateOnly(kpi.VanJaar, 1, 1);
            var tot = new DateOnly(kpi.TotJaar, 12, 31);
            var label = $"{kpi.Naam} ({kpi.Periode})";
            var streef = Cellen.Getal(kpi.Streefwaarde);
            if (def.Soort == Indicatorsoort.Aandeel)
            {
                var (met, groep) = await AandeelAsync(kpi, bron, van, tot, vandaag, ct);
                aandelen.Add(new Rij(kpi.Sleutel, label, [c.Aantal(met), c.Aantal(groep - met), c.Aantal(groep), c.Percentage(met, groep), streef, Cel.Leeg]));
            }
            else if (def.Soort == Indicatorsoort.Aantal)
            {
                var n = await AantalAsync(kpi, bron, van, tot, ct);
                aantallen.Add(new Rij(kpi.Sleutel, label, [c.Aantal(n), Afgeleid(c, n, n), streef, Cel.Leeg]));
            }
            else
            {
                var (n, som) = await GemiddeldeAsync(kpi, bron, van, tot, ct);
                aantallen.Add(new Rij(kpi.Sleutel, label, [c.Aantal(n), n == 0 ? Cel.Leeg : Afgeleid(c, n, som / n), streef, Cel.Leeg]));
            }
        }

        var aandeelTabel = new Tabel(DoelenboomRapport.Aandelen, "KPI's: aandelen", "KPI (doelperiode)",
        [
            new("met", "Teller (mensen)", KolomSoort.Aantal), new("zonder", "Overig (mensen)", KolomSoort.Aantal), new("groep", "Groep (mensen)", KolomSoort.Aantal),
            new("waarde", "Werkelijk (%)", KolomSoort.Percentage), new("streef", "Streefwaarde (%)", KolomSoort.Getal), new("status", "Stand", KolomSoort.Tekst),
        ], aandelen, "Ieder mens telt één keer per KPI. Teller en groep staan per KPI in 'Hoe berekend'; de periode is die van de streefwaarde (hele kalenderjaren).",
            [new BronVerwijzing("../shared/seeds/003_f486892e5cf4b065.txt", "003:L13-19", "Het beleidskader is vormgegeven aan de hand van een doelenboom")]);
        var aantalTabel = new Tabel(DoelenboomRapport.Aantallen, "KPI's: aantallen en gemiddelden", "KPI (doelperiode)",
        [
            new("aantal", "Mensen", KolomSoort.Aantal), new("waarde", "Werkelijk", KolomSoort.Getal), new("streef", "Streefwaarde", KolomSoort.Getal), new("status", "Stand", KolomSoort.Tekst),
        ], aantallen, "Bij een aantal is de waarde het aantal mensen; bij een gemiddelde het gemiddelde over die mensen.");
        return [aandeelTabel, aantalTabel];
    }

    /// <summary>A figure derived from <paramref name="n"/> people: hidden when n is a small count (primary); a secondary hidden n hides it via <see cref="Optelling.Afgeleid"/>.</summary>
    private static Cel Afgeleid(Cellen c, int n, decimal waarde) =>
        c.Verberg && KleineAantallen.Verbergen(n, c.Grens) ? new Cel(null, c.AfgeleidTekst, true) : Cellen.Getal(Math.Round(waarde, 1, MidpointRounding.AwayFromZero));

    /// <summary>The record sets of one view, each a query over the view's cases.</summary>
    private sealed record Bronnen(KoersDbContext Db, IQueryable<Guid> Ids, IQueryable<Inburgeraar> Dossiers);

    private static readonly PipStatus[] VastgesteldeStatussen = [PipStatus.Vastgesteld, PipStatus.Vervangen];
    private static readonly Examenonderdeel[] Taalonderdelen = [Examenonderdeel.Lezen, Examenonderdeel.Luisteren, Examenonderdeel.Schrijven, Examenonderdeel.Spreken];
    private static readonly string[] B1OfHoger = ["B1", "B2", "C1", "C2"];
    private static readonly Urensoort[] Participatieuren = [.. Enum.GetValues<Urensoort>().Where(s => s.IsParticipatie())];

    /// <summary>Per person the dagtekening of the first PIP that was ever in force (vastgesteld, later perhaps vervangen).</summary>
    private static async Task<Dictionary<Guid, DateOnly>> EerstePipAsync(Bronnen b, CancellationToken ct) =>
        (await b.Db.PipVersies.AsNoTracking()
            .Where(p => b.Ids.Contains(p.InburgeraarId) && p.Dagtekening != null && VastgesteldeStatussen.Contains(p.Status))
            .Select(p => new { p.InburgeraarId, Datum = p.Dagtekening!.Value }).ToListAsync(ct))
        .GroupBy(p => p.InburgeraarId).ToDictionary(g => g.Key, g => g.Min(p => p.Datum));

    private static async Task<(int Met, int Groep)> AandeelAsync(BoomKpi kpi, Bronnen b, DateOnly van, DateOnly tot, DateOnly vandaag, CancellationToken ct)
    {
        switch (kpi.Indicator)
        {
            case Indicator.BetaaldWerkNaPip:
            {
                var n = kpi.Maanden ?? 12;
                var cohort = (await EerstePipAsync(b, ct)).Where(p => p.Value >= van && p.Value <= tot && p.Value.AddMonths(n) <= vandaag).ToDictionary();
                var betaald = new[] { Uitstroomsoort.BetaaldeBaanDeeltijd, Uitstroomsoort.BetaaldeBaanVoltijd };
                var uit = await b.Db.Set<Data.Model.Uitstroom>().AsNoTracking().Where(u => b.Ids.Contains(u.InburgeraarId) && betaald.Contains(u.Soort))
                    .Select(u => new { u.InburgeraarId, u.Datum }).ToListAsync(ct);
                var plaatsingen = await b.Db.Set<Plaatsing>().AsNoTracking()
                    .Where(p => b.Ids.Contains(p.InburgeraarId) && (p.Soort == Plaatsingssoort.BetaaldDienstverband || p.Uitkomst == Plaatsingsuitkomst.Baan))
                    .Select(p => new { p.InburgeraarId, p.Soort, p.Start, p.Uitkomst, p.BeeindigdOp }).ToListAsync(ct);
                bool Binnen(Guid id, DateOnly d) => d >= cohort[id] && d <= cohort[id].AddMonths(n);
                var met = cohort.Keys.Count(id =>
                    uit.Any(u => u.InburgeraarId == id && Binnen(id, u.Datum))
                    || plaatsingen.Any(p => p.InburgeraarId == id && ((p.Soort == Plaatsingssoort.BetaaldDienstverband && Binnen(id, p.Start))
                                                                     || (p.Uitkomst == Plaatsingsuitkomst.Baan && p.BeeindigdOp is { } e && Binnen(id, e)))));
                return (met, cohort.Count);
            }

            case Indicator.PlaatsingNaPip:
            {
                var cohort = (await EerstePipAsync(b, ct)).Where(p => p.Value >= van && p.Value <= tot).ToDictionary();
                var einde = tot < vandaag ? tot : vandaag;
                var starts = await b.Db.Set<Plaatsing>().AsNoTracking().Where(p => b.Ids.Contains(p.InburgeraarId) && p.Start <= einde)
                    .Select(p => new { p.InburgeraarId, p.Start }).ToListAsync(ct);
                return (cohort.Count(p => starts.Any(s => s.InburgeraarId == p.Key && s.Start >= p.Value)), cohort.Count);
            }

            case Indicator.LadderStijging:
            {
                var scores = await b.Db.Set<Ladderscore>().AsNoTracking().Where(l => b.Ids.Contains(l.InburgeraarId) && l.Datum <= tot)
                    .Select(l => new { l.InburgeraarId, l.Datum, l.VastgelegdOp, l.Trede }).ToListAsync(ct);
                var groep = scores.GroupBy(s => s.InburgeraarId)
                    .Select(g => g.OrderBy(s => s.Datum).ThenBy(s => s.VastgelegdOp).ToList())
                    .Where(l => l.Count >= 2 && l[^1].Datum >= van).ToList();
                return (groep.Count(l => l[^1].Trede >= l[0].Trede + 1), groep.Count);
            }

            case Indicator.B1Behaald:
            {
                var b1 = b.Dossiers.Where(i => i.Leerroute == Leerroute.B1Route).Select(i => i.Id);
                var res = await b.Db.Examenresultaten.AsNoTracking().Where(e => b1.Contains(e.InburgeraarId) && Taalonderdelen.Contains(e.Onderdeel) && e.Datum <= tot)
                    .Select(e => new { e.InburgeraarId, e.Onderdeel, e.Datum, e.Behaald, e.Niveau }).ToListAsync(ct);
                var groep = res.GroupBy(e => e.InburgeraarId).Where(g => g.Any(e => e.Datum >= van)).ToList();
                var met = groep.Count(g => Taalonderdelen.All(o => g.Any(e => e.Onderdeel == o && e.Behaald && B1OfHoger.Contains(e.Niveau?.Trim().ToUpperInvariant()))));
                return (met, groep.Count);
            }

            case Indicator.ZorgGestart:
            {
                var verwijzingen = await b.Db.Set<Zorgverwijzing>().AsNoTracking().Where(v => b.Ids.Contains(v.InburgeraarId) && v.AangemeldOp >= van && v.AangemeldOp <= tot)
                    .Select(v => new { v.InburgeraarId, v.AangemeldOp, v.VastgelegdOp, v.ZorgGestartOp }).ToListAsync(ct);
                var eerste = verwijzingen.GroupBy(v => v.InburgeraarId).Select(g => g.OrderBy(v => v.AangemeldOp).ThenBy(v => v.VastgelegdOp).First()).ToList();
                return (eerste.Count(v => v.ZorgGestartOp is not null), eerste.Count);
            }

            default:
                throw new InvalidOperationException($"{kpi.Indicator} is geen aandeel.");
        }
    }

    private static async Task<int> AantalAsync(BoomKpi kpi, Bronnen b, DateOnly van, DateOnly tot, CancellationToken ct) => kpi.Indicator switch
    {
        Indicator.Groepsdeelname => await b.Db.Set<Groepsdeelname>().AsNoTracking()
            .Where(d => b.Ids.Contains(d.InburgeraarId) && d.IngeschrevenOp <= tot && (d.UitgeschrevenOp == null || d.UitgeschrevenOp >= van))
            .Select(d => d.InburgeraarId).Distinct().CountAsync(ct),
        _ => throw new InvalidOperationException($"{kpi.Indicator} is geen aantal."),
    };

    private static async Task<(int N, decimal Som)> GemiddeldeAsync(BoomKpi kpi, Bronnen b, DateOnly van, DateOnly tot, CancellationToken ct)
    {
        if (kpi.Indicator != Indicator.ZrouteParticipatieuren) throw new InvalidOperationException($"{kpi.Indicator} is geen gemiddelde.");
        var z = b.Dossiers.Where(i => i.Leerroute == Leerroute.ZRoute).Select(i => i.Id);
        var uren = await b.Db.Urenregistraties.AsNoTracking().Where(u => z.Contains(u.InburgeraarId) && Participatieuren.Contains(u.Soort) && u.Week >= van && u.Week <= tot)
            .Select(u => new { u.InburgeraarId, u.Uren }).ToListAsync(ct);
        var perPersoon = uren.GroupBy(u => u.InburgeraarId).Select(g => g.Sum(u => u.Uren)).Where(s => s > 0).ToList();
        return (perPersoon.Count, perPersoon.Sum());
    }
}

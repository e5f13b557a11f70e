using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Intake;
using Koers.Domain.Monitor;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Monitor;

/// <summary>The lead times the monitor reports, each from one milestone to a later one.</summary>
public enum Doorlooptijd
{
    KoppelingBrp,
    BrpIntake,
    BrpPip,
    PipStartLeerroute,
}

/// <summary>How a case ended in the period: the plicht met (within the term or not), an ontheffing, or a drop-out.</summary>
public enum Resultaat
{
    VoldaanBinnenTermijn,
    VoldaanNaTermijn,
    /// <summary>Met, but there is no Wi2021 term to compare with (e.g. no PIP recorded).</summary>
    VoldaanTermijnOnbekend,
    Ontheffing,
    Verhuisd,
    Uitgeschreven,
}

/// <summary>A figure of the monitor whose cases can be listed (the drill-down).</summary>
public enum Figuur
{
    /// <summary>New cases by koppeling date, else BRP date, in the period. Sleutel: asiel, overig or alle.</summary>
    Instroom,
    /// <summary>Current stage of the case. Sleutel: the fase.</summary>
    Fase,
    /// <summary>Cases whose lead time ended in the period. Sleutel: the doorlooptijd.</summary>
    Doorlooptijd,
    /// <summary>PIPs set in the period within 10 weeks after BRP or not. Sleutel: binnen or buiten.</summary>
    PipTijdig,
    /// <summary>PIPs set in the period, by doelgroep and route. Sleutel: doelgroep:leerroute (each may be 'alle').</summary>
    Route,
    /// <summary>PIPs set in the period, route against the leerbaarheidstoets. Sleutel: vergelijking:leerroute.</summary>
    Lbt,
    /// <summary>Cases closed in the period. Sleutel: the resultaat or alle.</summary>
    Resultaat,
    /// <summary>Running cases per klantregisseur. Sleutel: medewerker id, geen or alle.</summary>
    Caseload,
    /// <summary>Cases that settled in the municipality (BRP) in the period and count for the grant. Sleutel: asielmigrant, gezinsmigrant, alle or voldaan.</summary>
    Start,
    /// <summary>Cases with a PIP set in the period (development over the years).</summary>
    Pip,
}

public sealed record GemeenteInfo(int Id, string Code, string Naam, int RegioId, string Regio);
public sealed record InstroomVak(Periode Vak, int Asiel, int Overig);
public sealed record InstroomGemeente(GemeenteInfo Gemeente, int Asiel, int Overig);
public sealed record DoorlooptijdCijfer(Doorlooptijd Soort, int Aantal, double? MediaanDagen, int? BinnenNorm);
public sealed record CaseloadCijfer(int? MedewerkerId, string Naam, string? Team, int Lopend);
public sealed record JaarCijfer(int Jaar, int Instroom, int PipVastgesteld, int Voldaan, int Uitval);
public sealed record StartCijfer(int Asielmigranten, int Gezinsmigranten, int VoldaanBinnenTermijn)
{
    public int Totaal => Asielmigranten + Gezinsmigranten;
}

/// <summary>
/// Every figure of the monitor as SQL aggregation (GROUP BY / COUNT) on SQLite and PostgreSQL alike: no case
/// is loaded into memory. Each figure has one row query that both the count and its drill-down use, so the
/// number on the screen and the list behind it cannot drift apart.
///
/// Built for national scale (issue #10: 150,000 cases, under 500 ms): the row queries start from the milestone
/// index (Soort, Datum), so a period reads only that period's milestones, and join the case only for what they
/// show (gemeente, doelgroep, route). Figures that read the same rows are counted in one grouped query; the
/// development over five years reads the milestone index alone when the filter does not narrow the cases.
/// Medians come from a frequency table (GROUP BY the number of days): exact, one query for all four lead times,
/// and the same SQL on both providers (SQLite has no percentile_cont).
/// </summary>
public sealed class MonitorQuery(KoersDbContext db)
{
    /// <summary>The PIP norm in days: 10 weeks after BRP, as the legal clock computes it (Kalender.WekenLater).</summary>
    public const int PipNormDagen = LegalClock.PipTermijnWeken * 7;

    private static readonly DateOnly HuidigeCesuurVanaf = LbtRegels.HuidigeCesuurVanaf;

    // ---------------------------------------------------------------- row queries

    internal sealed class InstroomRij
    {
        public Guid Id { get; init; }
        public int GemeenteId { get; init; }
        public bool Asiel { get; init; }
        public DateOnly Datum { get; init; }
    }

    internal sealed class PaarRij
    {
        public Guid Id { get; init; }

        /// <summary>The later milestone: it tells which lead time this is (each lead time ends at another kind).</summary>
        public Mijlpaal Eind { get; init; }
        public int Dagen { get; init; }
    }

    internal sealed class PipRij
    {
        public Guid Id { get; init; }
        public Doelgroep Doelgroep { get; init; }
        public Leerroute? Leerroute { get; init; }
        public DateOnly Datum { get; init; }
    }

    internal sealed class LbtRij
    {
        public Guid Id { get; init; }
        public Doelgroep Doelgroep { get; init; }
        public Leerroute Leerroute { get; init; }
        public LbtVergelijking Vergelijking { get; init; }
    }

    internal sealed class ResultaatRij
    {
        public Guid Id { get; init; }
        public Resultaat Resultaat { get; init; }
        public DateOnly Datum { get; init; }
    }

    internal sealed class StartRij
    {
        public Guid Id { get; init; }
        public Uitkeringsgroep Groep { get; init; }
        public bool VoldaanBinnenTermijn { get; init; }
        public DateOnly Datum { get; init; }
    }

    /// <summary>The cases in the filter's place and group; the period is applied per figure.</summary>
    internal IQueryable<Inburgeraar> Scope(MonitorFilter f)
    {
        var q = db.Inburgeraars.AsNoTracking();
        if (f.GemeenteCode is { } code) q = q.Where(i => i.Gemeente!.Code == code);
        if (f.RegioId is { } regio) q = q.Where(i => i.Gemeente!.RegioId == regio);
        if (f.KlantregisseurId is { } k) q = q.Where(i => i.KlantregisseurId == k);
        if (f.Doelgroep is { } d) q = q.Where(i => i.Doelgroep == d);
        return q;
    }

    /// <summary>Whether the filter narrows the cases at all; the national view does not.</summary>
    private static bool Beperkt(MonitorFilter f) =>
        f.GemeenteCode is not null || f.RegioId is not null || f.KlantregisseurId is not null || f.Doelgroep is not null;

    /// <summary>
    /// Milestones of the cases in scope. Without a narrowing filter every milestone belongs to a case in scope, so
    /// the case table is not read at all (a join PostgreSQL cannot drop by itself); otherwise a semi-join.
    /// </summary>
    internal IQueryable<MijlpaalRegel> MijlpalenIn(MonitorFilter f)
    {
        var q = db.Mijlpalen.AsNoTracking();
        if (!Beperkt(f)) return q;
        var scope = Scope(f);
        return q.Where(m => scope.Any(i => i.Id == m.InburgeraarId));
    }

    /// <summary>
    /// Inflow: the koppeling date, or the BRP date when there was no koppeling (gezinsmigranten, overigen).
    /// Written as koppelingen in the period plus BRP dates in the period of cases without a koppeling, so both
    /// halves are a range on the milestone index instead of a pass over every case.
    /// </summary>
    internal IQueryable<InstroomRij> Instroom(MonitorFilter f)
    {
        var (van, tot) = (f.Periode.Van, f.Periode.Tot);
        var gekoppeld =
            from k in db.Mijlpalen
            where k.Soort == Mijlpaal.Koppeling && k.Datum >= van && k.Datum <= tot
            join i in Scope(f) on k.InburgeraarId equals i.Id
            select new InstroomRij
            {
                Id = i.Id,
                GemeenteId = i.GemeenteId,
                Asiel = i.Doelgroep == Doelgroep.Asielstatushouder || i.Doelgroep == Doelgroep.Nareiziger,
                Datum = k.Datum,
            };
        var zonderKoppeling =
            from b in db.Mijlpalen
            where b.Soort == Mijlpaal.BrpInschrijving && b.Datum >= van && b.Datum <= tot
                  && !db.Mijlpalen.Any(k => k.InburgeraarId == b.InburgeraarId && k.Soort == Mijlpaal.Koppeling)
            join i in Scope(f) on b.InburgeraarId equals i.Id
            select new InstroomRij
            {
                Id = i.Id,
                GemeenteId = i.GemeenteId,
                Asiel = i.Doelgroep == Doelgroep.Asielstatushouder || i.Doelgroep == Doelgroep.Nareiziger,
                Datum = b.Datum,
            };
        return gekoppeld.Concat(zonderKoppeling);
    }

    public static (Mijlpaal Van, Mijlpaal Tot) Mijlpalen(Doorlooptijd soort) => soort switch
    {
        Doorlooptijd.KoppelingBrp => (Mijlpaal.Koppeling, Mijlpaal.BrpInschrijving),
        Doorlooptijd.BrpIntake => (Mijlpaal.BrpInschrijving, Mijlpaal.BredeIntake),
        Doorlooptijd.BrpPip => (Mijlpaal.BrpInschrijving, Mijlpaal.PipVastgesteld),
        Doorlooptijd.PipStartLeerroute => (Mijlpaal.PipVastgesteld, Mijlpaal.StartLeerroute),
        _ => throw new ArgumentOutOfRangeException(nameof(soort)),
    };

    /// <summary>The lead time that ends at this milestone (every lead time ends at a different kind).</summary>
    public static Doorlooptijd DoorlooptijdNaar(Mijlpaal eind) =>
        Enum.GetValues<Doorlooptijd>().Single(d => Mijlpalen(d).Tot == eind);

    /// <summary>
    /// Cases with both milestones whose later one falls in the period, with the days between them, for one or
    /// more lead times at once: the later milestone is read by range, the earlier one by primary key.
    /// </summary>
    internal IQueryable<PaarRij> Paren(MonitorFilter f, params Doorlooptijd[] soorten)
    {
        var (van, tot) = (f.Periode.Van, f.Periode.Tot);
        var eindes = soorten.Select(s => Mijlpalen(s).Tot).ToList();
        return from b in MijlpalenIn(f)
               where eindes.Contains(b.Soort) && b.Datum >= van && b.Datum <= tot
               join a in db.Mijlpalen
                   on new
                   {
                       b.InburgeraarId,
                       Soort = b.Soort == Mijlpaal.BrpInschrijving ? Mijlpaal.Koppeling
                           : b.Soort == Mijlpaal.StartLeerroute ? Mijlpaal.PipVastgesteld
                           : Mijlpaal.BrpInschrijving,
                   }
                   equals new { a.InburgeraarId, a.Soort }
               select new PaarRij { Id = b.InburgeraarId, Eind = b.Soort, Dagen = b.Datum.DayNumber - a.Datum.DayNumber };
    }

    /// <summary>Cases whose PIP was set in the period (milestone PipVastgesteld), with the route of the case.</summary>
    internal IQueryable<PipRij> Pips(MonitorFilter f)
    {
        var (van, tot) = (f.Periode.Van, f.Periode.Tot);
        return from p in db.Mijlpalen
               where p.Soort == Mijlpaal.PipVastgesteld && p.Datum >= van && p.Datum <= tot
               join i in Scope(f) on p.InburgeraarId equals i.Id
               select new PipRij { Id = i.Id, Doelgroep = i.Doelgroep, Leerroute = i.Leerroute, Datum = p.Datum };
    }

    /// <summary>
    /// Route against the leerbaarheidstoets in SQL; mirrors <see cref="LbtVergelijkingRegels.Vergelijk"/>
    /// (cesuur: DUO's benodigde score, else 31 before 12 April 2023 and 28 from then on).
    /// </summary>
    internal IQueryable<LbtRij> Lbt(MonitorFilter f) =>
        from p in Pips(f)
        where p.Leerroute != null
        join l in db.Leerbaarheidstoetsen on p.Id equals l.InburgeraarId into lj
        from l in lj.DefaultIfEmpty()
        select new LbtRij
        {
            Id = p.Id,
            Doelgroep = p.Doelgroep,
            Leerroute = p.Leerroute!.Value,
            Vergelijking = l == null || l.Overgeslagen || l.Score == null || l.Afgenomen == null
                ? LbtVergelijking.GeenUitslag
                : l.Score >= (l.CesuurVolgensDuo ?? (l.Afgenomen < HuidigeCesuurVanaf ? LbtRegels.OudeCesuur : LbtRegels.HuidigeCesuur))
                    ? (p.Leerroute == Leerroute.ZRoute ? LbtVergelijking.AfwijkingOmlaag : LbtVergelijking.Conform)
                    : (p.Leerroute == Leerroute.ZRoute ? LbtVergelijking.Conform : LbtVergelijking.AfwijkingOmhoog),
        };

    private static readonly Mijlpaal[] Afsluitend =
        [Mijlpaal.InburgeringsplichtVoldaan, Mijlpaal.Ontheffing, Mijlpaal.Verhuisd, Mijlpaal.Uitgeschreven];

    /// <summary>Cases closed in the period; 'within the term' compares with the stored inburgeringstermijn (incl. DUO's extension).</summary>
    internal IQueryable<ResultaatRij> Resultaten(MonitorFilter f)
    {
        var (van, tot) = (f.Periode.Van, f.Periode.Tot);
        return from m in MijlpalenIn(f)
               where Afsluitend.Contains(m.Soort) && m.Datum >= van && m.Datum <= tot
               join t in db.Termijnen.Where(t => t.Code == TermijnCode.Inburgeringstermijn) on m.InburgeraarId equals t.InburgeraarId into tj
               from t in tj.DefaultIfEmpty()
               select new ResultaatRij
               {
                   Id = m.InburgeraarId,
                   Datum = m.Datum,
                   Resultaat = m.Soort == Mijlpaal.InburgeringsplichtVoldaan
                       ? (t == null || t.Vervaldatum == null
                           ? Resultaat.VoldaanTermijnOnbekend
                           : m.Datum <= t.Vervaldatum ? Resultaat.VoldaanBinnenTermijn : Resultaat.VoldaanNaTermijn)
                       : m.Soort == Mijlpaal.Ontheffing ? Resultaat.Ontheffing
                       : m.Soort == Mijlpaal.Verhuisd ? Resultaat.Verhuisd
                       : Resultaat.Uitgeschreven,
               };
    }

    /// <summary>Running cases today (not closed), whatever the period.</summary>
    internal IQueryable<Inburgeraar> Lopend(MonitorFilter f) =>
        Scope(f).Where(i => i.Fase != Fase.Voldaan && i.Fase != Fase.Ontheven && i.Fase != Fase.Verhuisd && i.Fase != Fase.Uitgeschreven);

    /// <summary>
    /// Cases that settled in the municipality (BRP) in the period and count for the grant: the SPUK money comes
    /// when a statushouder is housed (Kempen, regels 272-273). Voldaan: met the plicht within the term, as of today.
    /// </summary>
    internal IQueryable<StartRij> Starters(MonitorFilter f)
    {
        var (van, tot) = (f.Periode.Van, f.Periode.Tot);
        return from b in db.Mijlpalen
               where b.Soort == Mijlpaal.BrpInschrijving && b.Datum >= van && b.Datum <= tot
               join i in Scope(f) on b.InburgeraarId equals i.Id
               where i.Doelgroep == Doelgroep.Asielstatushouder || i.Doelgroep == Doelgroep.Nareiziger || i.Doelgroep == Doelgroep.Gezinsmigrant
               join v in db.Mijlpalen.Where(m => m.Soort == Mijlpaal.InburgeringsplichtVoldaan) on i.Id equals v.InburgeraarId into vj
               from v in vj.DefaultIfEmpty()
               join t in db.Termijnen.Where(t => t.Code == TermijnCode.Inburgeringstermijn) on i.Id equals t.InburgeraarId into tj
               from t in tj.DefaultIfEmpty()
               select new StartRij
               {
                   Id = i.Id,
                   Datum = b.Datum,
                   Groep = i.Doelgroep == Doelgroep.Gezinsmigrant ? Uitkeringsgroep.Gezinsmigrant : Uitkeringsgroep.Asielmigrant,
                   VoldaanBinnenTermijn = v != null && t != null && t.Vervaldatum != null && v.Datum <= t.Vervaldatum,
               };
    }

    // ---------------------------------------------------------------- aggregates

    public async Task<IReadOnlyList<GemeenteInfo>> GemeentenAsync(MonitorFilter f, CancellationToken ct = default)
    {
        var q = db.Gemeenten.AsNoTracking();
        if (f.GemeenteCode is { } code) q = q.Where(g => g.Code == code);
        if (f.RegioId is { } regio) q = q.Where(g => g.RegioId == regio);
        return await q.OrderBy(g => g.Naam)
            .Select(g => new GemeenteInfo(g.Id, g.Code, g.Naam, g.RegioId, g.Regio!.Naam))
            .ToListAsync(ct);
    }

    /// <summary>Inflow per month and per municipality in one grouped query (both are sums of the same cells).</summary>
    public async Task<(IReadOnlyList<InstroomVak> PerMaand, IReadOnlyList<InstroomGemeente> PerGemeente)> InstroomAsync(
        MonitorFilter f, IReadOnlyList<GemeenteInfo> gemeenten, CancellationToken ct = default)
    {
        var cellen = await Instroom(f)
            .GroupBy(r => new { r.GemeenteId, r.Datum.Year, r.Datum.Month, r.Asiel })
            .Select(g => new { g.Key.GemeenteId, g.Key.Year, g.Key.Month, g.Key.Asiel, Aantal = g.Count() })
            .ToListAsync(ct);

        var vakken = f.Periode.Maanden().Select(vak => new InstroomVak(vak,
                cellen.Where(r => r.Year == vak.Van.Year && r.Month == vak.Van.Month && r.Asiel).Sum(r => r.Aantal),
                cellen.Where(r => r.Year == vak.Van.Year && r.Month == vak.Van.Month && !r.Asiel).Sum(r => r.Aantal)))
            .ToList();
        var perGemeente = cellen.ToLookup(r => r.GemeenteId);
        var gemeenteRijen = gemeenten.Select(g => new InstroomGemeente(g,
                perGemeente[g.Id].Where(r => r.Asiel).Sum(r => r.Aantal),
                perGemeente[g.Id].Where(r => !r.Asiel).Sum(r => r.Aantal)))
            .ToList();
        return (vakken, gemeenteRijen);
    }

    /// <summary>
    /// Stage of every case and the caseload of running cases, from one pass over the cases: grouped by stage and,
    /// for running cases only, by klantregisseur.
    /// </summary>
    public async Task<(IReadOnlyDictionary<Fase, int> Fasen, IReadOnlyList<CaseloadCijfer> Caseload)> FasenEnCaseloadAsync(
        MonitorFilter f, CancellationToken ct = default)
    {
        var rijen = await Scope(f)
            .GroupBy(i => new
            {
                i.Fase,
                Regisseur = i.Fase == Fase.Voldaan || i.Fase == Fase.Ontheven || i.Fase == Fase.Verhuisd || i.Fase == Fase.Uitgeschreven
                    ? null
                    : i.KlantregisseurId,
            })
            .Select(g => new { g.Key.Fase, g.Key.Regisseur, Aantal = g.Count() })
            .ToListAsync(ct);
        var fasen = Enum.GetValues<Fase>().ToDictionary(fase => fase, fase => rijen.Where(r => r.Fase == fase).Sum(r => r.Aantal));

        var lopend = rijen.Where(r => !r.Fase.IsAfgesloten())
            .GroupBy(r => r.Regisseur)
            .Select(g => new { Id = g.Key, Aantal = g.Sum(r => r.Aantal) })
            .ToList();
        var ids = lopend.Where(r => r.Id != null).Select(r => r.Id!.Value).ToList();
        var namen = (await db.Medewerkers.AsNoTracking().Where(m => ids.Contains(m.Id))
                .Select(m => new { m.Id, m.Naam, Team = m.Team!.Naam }).ToListAsync(ct))
            .ToDictionary(n => n.Id);
        var caseload = lopend
            .Select(r => r.Id is { } id && namen.TryGetValue(id, out var n)
                ? new CaseloadCijfer(id, n.Naam, n.Team, r.Aantal)
                : new CaseloadCijfer(null, "Niet toegewezen", null, r.Aantal))
            .OrderBy(c => c.MedewerkerId is null).ThenBy(c => c.Naam, StringComparer.Create(new System.Globalization.CultureInfo("nl-NL"), false))
            .ToList();
        return (fasen, caseload);
    }

    /// <summary>All four lead times from one frequency table (lead time, days, how many); medians and the norm from it.</summary>
    public async Task<IReadOnlyList<DoorlooptijdCijfer>> DoorlooptijdenAsync(MonitorFilter f, CancellationToken ct = default)
    {
        var verdeling = await Paren(f, Enum.GetValues<Doorlooptijd>())
            .GroupBy(p => new { p.Eind, p.Dagen })
            .Select(g => new { g.Key.Eind, g.Key.Dagen, Aantal = g.Count() })
            .ToListAsync(ct);
        return Enum.GetValues<Doorlooptijd>().Select(soort =>
        {
            var eind = Mijlpalen(soort).Tot;
            var rijen = verdeling.Where(r => r.Eind == eind).ToList();
            var aantal = rijen.Sum(r => r.Aantal);
            int? binnen = soort == Doorlooptijd.BrpPip ? rijen.Where(r => r.Dagen <= PipNormDagen).Sum(r => r.Aantal) : null;
            return new DoorlooptijdCijfer(soort, aantal, MediaanPositie.UitVerdeling(rijen.Select(r => (r.Dagen, r.Aantal))), binnen);
        }).ToList();
    }

    /// <summary>Routes per doelgroep and route against the leerbaarheidstoets: the same PIPs, one grouped query.</summary>
    public async Task<(IReadOnlyDictionary<(Doelgroep Doelgroep, Leerroute Leerroute), int> Routes,
        IReadOnlyDictionary<(LbtVergelijking Vergelijking, Leerroute Leerroute), int> Lbt)> RoutesEnLbtAsync(MonitorFilter f, CancellationToken ct = default)
    {
        var rijen = await Lbt(f)
            .GroupBy(r => new { r.Doelgroep, r.Leerroute, r.Vergelijking })
            .Select(g => new { g.Key.Doelgroep, g.Key.Leerroute, g.Key.Vergelijking, Aantal = g.Count() })
            .ToListAsync(ct);
        return (
            rijen.GroupBy(r => (r.Doelgroep, r.Leerroute)).ToDictionary(g => g.Key, g => g.Sum(r => r.Aantal)),
            rijen.GroupBy(r => (r.Vergelijking, r.Leerroute)).ToDictionary(g => g.Key, g => g.Sum(r => r.Aantal)));
    }

    public async Task<IReadOnlyDictionary<Resultaat, int>> ResultatenAsync(MonitorFilter f, CancellationToken ct = default)
    {
        var rijen = await Resultaten(f).GroupBy(r => r.Resultaat).Select(g => new { Resultaat = g.Key, Aantal = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<Resultaat>().ToDictionary(r => r, r => rijen.Where(x => x.Resultaat == r).Sum(x => x.Aantal));
    }

    /// <summary>The grant counts for several calendar years (the budget year and the t-2 cohort) in one query.</summary>
    public async Task<IReadOnlyDictionary<int, StartCijfer>> StartersAsync(MonitorFilter f, IReadOnlyCollection<int> jaren, CancellationToken ct = default)
    {
        var bereik = f with { Periode = Periode.Eigen(new DateOnly(jaren.Min(), 1, 1), new DateOnly(jaren.Max(), 12, 31)) };
        var rijen = await Starters(bereik)
            .GroupBy(r => new { r.Datum.Year, r.Groep, r.VoldaanBinnenTermijn })
            .Select(g => new { g.Key.Year, g.Key.Groep, g.Key.VoldaanBinnenTermijn, Aantal = g.Count() })
            .ToListAsync(ct);
        return jaren.Distinct().ToDictionary(jaar => jaar, jaar =>
        {
            var inJaar = rijen.Where(r => r.Year == jaar).ToList();
            return new StartCijfer(
                inJaar.Where(r => r.Groep == Uitkeringsgroep.Asielmigrant).Sum(r => r.Aantal),
                inJaar.Where(r => r.Groep == Uitkeringsgroep.Gezinsmigrant).Sum(r => r.Aantal),
                inJaar.Where(r => r.VoldaanBinnenTermijn).Sum(r => r.Aantal));
        });
    }

    private static readonly Mijlpaal[] OntwikkelingSoorten =
    [
        Mijlpaal.Koppeling, Mijlpaal.BrpInschrijving, Mijlpaal.PipVastgesteld,
        Mijlpaal.InburgeringsplichtVoldaan, Mijlpaal.Verhuisd, Mijlpaal.Uitgeschreven,
    ];

    /// <summary>
    /// Inflow, PIPs, results and drop-out per calendar year, for the development over time: one grouped query on
    /// the milestones. The counts need no case column, so the same definitions as <see cref="Instroom"/>,
    /// <see cref="Pips"/> and <see cref="Resultaten"/> (which the drill-down lists use) reduce to milestone kinds:
    /// inflow is a koppeling, or a BRP date without a koppeling; voldaan is InburgeringsplichtVoldaan (within the
    /// term or not); drop-out is Verhuisd or Uitgeschreven.
    /// </summary>
    public async Task<IReadOnlyList<JaarCijfer>> OntwikkelingAsync(MonitorFilter f, int totJaar, int jaren, CancellationToken ct = default)
    {
        var (van, tot) = (new DateOnly(totJaar - jaren + 1, 1, 1), new DateOnly(totJaar, 12, 31));
        var rijen = await MijlpalenIn(f)
            .Where(m => OntwikkelingSoorten.Contains(m.Soort) && m.Datum >= van && m.Datum <= tot
                        && (m.Soort != Mijlpaal.BrpInschrijving
                            || !db.Mijlpalen.Any(k => k.InburgeraarId == m.InburgeraarId && k.Soort == Mijlpaal.Koppeling)))
            .GroupBy(m => new { m.Soort, m.Datum.Year })
            .Select(g => new { g.Key.Soort, g.Key.Year, Aantal = g.Count() })
            .ToListAsync(ct);
        int Tel(int jaar, params Mijlpaal[] soorten) => rijen.Where(r => r.Year == jaar && soorten.Contains(r.Soort)).Sum(r => r.Aantal);
        return Enumerable.Range(totJaar - jaren + 1, jaren).Select(jaar => new JaarCijfer(
                jaar,
                Tel(jaar, Mijlpaal.Koppeling, Mijlpaal.BrpInschrijving),
                Tel(jaar, Mijlpaal.PipVastgesteld),
                Tel(jaar, Mijlpaal.InburgeringsplichtVoldaan),
                Tel(jaar, Mijlpaal.Verhuisd, Mijlpaal.Uitgeschreven)))
            .ToList();
    }

    // ---------------------------------------------------------------- drill-down

    /// <summary>
    /// The ids of the cases behind one figure, from the same row query as the count. Null when the sleutel is not
    /// one of the figure's keys.
    /// </summary>
    public IQueryable<Guid>? Selectie(Figuur figuur, string? sleutel, MonitorFilter f)
    {
        var s = (sleutel ?? "alle").Trim();
        bool Is(string waarde) => string.Equals(s, waarde, StringComparison.OrdinalIgnoreCase);
        var delen = s.Split(':', 2);
        switch (figuur)
        {
            case Figuur.Instroom:
                if (Is("asiel")) return Instroom(f).Where(r => r.Asiel).Select(r => r.Id);
                if (Is("overig")) return Instroom(f).Where(r => !r.Asiel).Select(r => r.Id);
                return Is("alle") ? Instroom(f).Select(r => r.Id) : null;

            case Figuur.Fase:
                return Enum.TryParse<Fase>(s, true, out var fase) && Enum.IsDefined(fase) && !int.TryParse(s, out _)
                    ? Scope(f).Where(i => i.Fase == fase).Select(i => i.Id)
                    : null;

            case Figuur.Doorlooptijd:
                return Enum.TryParse<Doorlooptijd>(s, true, out var soort) && Enum.IsDefined(soort) && !int.TryParse(s, out _)
                    ? Paren(f, soort).Select(p => p.Id)
                    : null;

            case Figuur.PipTijdig:
                if (Is("binnen")) return Paren(f, Doorlooptijd.BrpPip).Where(p => p.Dagen <= PipNormDagen).Select(p => p.Id);
                return Is("buiten") ? Paren(f, Doorlooptijd.BrpPip).Where(p => p.Dagen > PipNormDagen).Select(p => p.Id) : null;

            case Figuur.Pip:
                return Is("alle") ? Pips(f).Select(p => p.Id) : null;

            case Figuur.Route:
            {
                if (delen.Length != 2 || !LeesOfAlle<Doelgroep>(delen[0], out var doelgroep) || !LeesOfAlle<Leerroute>(delen[1], out var route)) return null;
                var q = Pips(f).Where(p => p.Leerroute != null);
                if (doelgroep is { } d) q = q.Where(p => p.Doelgroep == d);
                if (route is { } r) q = q.Where(p => p.Leerroute == r);
                return q.Select(p => p.Id);
            }

            case Figuur.Lbt:
            {
                if (delen.Length != 2 || !LeesOfAlle<LbtVergelijking>(delen[0], out var vergelijking) || !LeesOfAlle<Leerroute>(delen[1], out var route)) return null;
                var q = Lbt(f);
                if (vergelijking is { } v) q = q.Where(r => r.Vergelijking == v);
                if (route is { } r) q = q.Where(x => x.Leerroute == r);
                return q.Select(r => r.Id);
            }

            case Figuur.Resultaat:
                if (Is("alle")) return Resultaten(f).Select(r => r.Id);
                if (Is("voldaan")) return Resultaten(f).Where(r => r.Resultaat == Resultaat.VoldaanBinnenTermijn || r.Resultaat == Resultaat.VoldaanNaTermijn || r.Resultaat == Resultaat.VoldaanTermijnOnbekend).Select(r => r.Id);
                if (Is("uitval")) return Resultaten(f).Where(r => r.Resultaat == Resultaat.Verhuisd || r.Resultaat == Resultaat.Uitgeschreven).Select(r => r.Id);
                return Enum.TryParse<Resultaat>(s, true, out var resultaat) && Enum.IsDefined(resultaat) && !int.TryParse(s, out _)
                    ? Resultaten(f).Where(r => r.Resultaat == resultaat).Select(r => r.Id)
                    : null;

            case Figuur.Caseload:
                if (Is("alle")) return Lopend(f).Select(i => i.Id);
                if (Is("geen")) return Lopend(f).Where(i => i.KlantregisseurId == null).Select(i => i.Id);
                return int.TryParse(s, out var medewerker) ? Lopend(f).Where(i => i.KlantregisseurId == medewerker).Select(i => i.Id) : null;

            case Figuur.Start:
                if (Is("alle")) return Starters(f).Select(r => r.Id);
                if (Is("asielmigrant")) return Starters(f).Where(r => r.Groep == Uitkeringsgroep.Asielmigrant).Select(r => r.Id);
                if (Is("gezinsmigrant")) return Starters(f).Where(r => r.Groep == Uitkeringsgroep.Gezinsmigrant).Select(r => r.Id);
                return Is("voldaan") ? Starters(f).Where(r => r.VoldaanBinnenTermijn).Select(r => r.Id) : null;

            default:
                return null;
        }
    }

    private static bool LeesOfAlle<TEnum>(string tekst, out TEnum? waarde) where TEnum : struct, Enum
    {
        waarde = null;
        if (string.Equals(tekst, "alle", StringComparison.OrdinalIgnoreCase)) return true;
        if (!Enum.TryParse<TEnum>(tekst, true, out var w) || !Enum.IsDefined(w) || int.TryParse(tekst, out _)) return false;
        waarde = w;
        return true;
    }
}

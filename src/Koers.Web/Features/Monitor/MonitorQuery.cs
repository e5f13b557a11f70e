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
/// Medians are computed by the database too, without window functions or percentile_cont (SQLite has none):
/// count the lead times, then let the database order them and skip to the middle (OFFSET (n-1)/2 LIMIT 1 or 2).
/// Lead times in days are DateOnly.DayNumber differences, which EF translates on both providers
/// (julianday on SQLite, date subtraction on PostgreSQL). So only one or two numbers per median leave the database.
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

    /// <summary>Inflow: the koppeling date, or the BRP date when there was no koppeling (gezinsmigranten, overigen).</summary>
    internal IQueryable<InstroomRij> Instroom(MonitorFilter f)
    {
        var (van, tot) = (f.Periode.Van, f.Periode.Tot);
        return from i in Scope(f)
               join k in db.Mijlpalen.Where(m => m.Soort == Mijlpaal.Koppeling) on i.Id equals k.InburgeraarId into kj
               from k in kj.DefaultIfEmpty()
               join b in db.Mijlpalen.Where(m => m.Soort == Mijlpaal.BrpInschrijving) on i.Id equals b.InburgeraarId into bj
               from b in bj.DefaultIfEmpty()
               let datum = k != null ? (DateOnly?)k.Datum : b != null ? (DateOnly?)b.Datum : null
               where datum >= van && datum <= tot
               select new InstroomRij
               {
                   Id = i.Id,
                   GemeenteId = i.GemeenteId,
                   Asiel = i.Doelgroep == Doelgroep.Asielstatushouder || i.Doelgroep == Doelgroep.Nareiziger,
                   Datum = datum!.Value,
               };
    }

    public static (Mijlpaal Van, Mijlpaal Tot) Mijlpalen(Doorlooptijd soort) => soort switch
    {
        Doorlooptijd.KoppelingBrp => (Mijlpaal.Koppeling, Mijlpaal.BrpInschrijving),
        Doorlooptijd.BrpIntake => (Mijlpaal.BrpInschrijving, Mijlpaal.BredeIntake),
        Doorlooptijd.BrpPip => (Mijlpaal.BrpInschrijving, Mijlpaal.PipVastgesteld),
        Doorlooptijd.PipStartLeerroute => (Mijlpaal.PipVastgesteld, Mijlpaal.StartLeerroute),
        _ => throw new ArgumentOutOfRangeException(nameof(soort)),
    };

    /// <summary>Cases with both milestones whose later one falls in the period, with the days between them.</summary>
    internal IQueryable<PaarRij> Paren(MonitorFilter f, Doorlooptijd soort)
    {
        var (start, eind) = Mijlpalen(soort);
        var (van, tot) = (f.Periode.Van, f.Periode.Tot);
        return from i in Scope(f)
               join a in db.Mijlpalen on i.Id equals a.InburgeraarId
               join b in db.Mijlpalen on i.Id equals b.InburgeraarId
               where a.Soort == start && b.Soort == eind && b.Datum >= van && b.Datum <= tot
               select new PaarRij { Id = i.Id, Dagen = b.Datum.DayNumber - a.Datum.DayNumber };
    }

    /// <summary>Cases whose PIP was set in the period (milestone PipVastgesteld), with the route of the case.</summary>
    internal IQueryable<PipRij> Pips(MonitorFilter f)
    {
        var (van, tot) = (f.Periode.Van, f.Periode.Tot);
        return from i in Scope(f)
               join p in db.Mijlpalen on i.Id equals p.InburgeraarId
               where p.Soort == Mijlpaal.PipVastgesteld && p.Datum >= van && p.Datum <= tot
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
            Leerroute = p.Leerroute!.Value,
            Vergelijking = l == null || l.Overgeslagen || l.Score == null || l.Afgenomen == null
                ? LbtVergelijking.GeenUitslag
                : l.Score >= (l.CesuurVolgensDuo ?? (l.Afgenomen < HuidigeCesuurVanaf ? LbtRegels.OudeCesuur : LbtRegels.HuidigeCesuur))
                    ? (p.Leerroute == Leerroute.ZRoute ? LbtVergelijking.AfwijkingOmlaag : LbtVergelijking.Conform)
                    : (p.Leerroute == Leerroute.ZRoute ? LbtVergelijking.Conform : LbtVergelijking.AfwijkingOmhoog),
        };

    /// <summary>Cases closed in the period; 'within the term' compares with the stored inburgeringstermijn (incl. DUO's extension).</summary>
    internal IQueryable<ResultaatRij> Resultaten(MonitorFilter f)
    {
        var (van, tot) = (f.Periode.Van, f.Periode.Tot);
        return from i in Scope(f)
               join m in db.Mijlpalen on i.Id equals m.InburgeraarId
               where (m.Soort == Mijlpaal.InburgeringsplichtVoldaan || m.Soort == Mijlpaal.Ontheffing
                      || m.Soort == Mijlpaal.Verhuisd || m.Soort == Mijlpaal.Uitgeschreven)
                     && m.Datum >= van && m.Datum <= tot
               join t in db.Termijnen.Where(t => t.Code == TermijnCode.Inburgeringstermijn) on i.Id equals t.InburgeraarId into tj
               from t in tj.DefaultIfEmpty()
               select new ResultaatRij
               {
                   Id = i.Id,
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
        return from i in Scope(f)
               where i.Doelgroep == Doelgroep.Asielstatushouder || i.Doelgroep == Doelgroep.Nareiziger || i.Doelgroep == Doelgroep.Gezinsmigrant
               join b in db.Mijlpalen on i.Id equals b.InburgeraarId
               where b.Soort == Mijlpaal.BrpInschrijving && b.Datum >= van && b.Datum <= tot
               join v in db.Mijlpalen.Where(m => m.Soort == Mijlpaal.InburgeringsplichtVoldaan) on i.Id equals v.InburgeraarId into vj
               from v in vj.DefaultIfEmpty()
               join t in db.Termijnen.Where(t => t.Code == TermijnCode.Inburgeringstermijn) on i.Id equals t.InburgeraarId into tj
               from t in tj.DefaultIfEmpty()
               select new StartRij
               {
                   Id = i.Id,
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

    public async Task<(IReadOnlyList<InstroomVak> PerMaand, IReadOnlyList<InstroomGemeente> PerGemeente)> InstroomAsync(
        MonitorFilter f, IReadOnlyList<GemeenteInfo> gemeenten, CancellationToken ct = default)
    {
        var perMaand = await Instroom(f)
            .GroupBy(r => new { r.Datum.Year, r.Datum.Month, r.Asiel })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Asiel, Aantal = g.Count() })
            .ToListAsync(ct);
        var perGemeente = await Instroom(f)
            .GroupBy(r => new { r.GemeenteId, r.Asiel })
            .Select(g => new { g.Key.GemeenteId, g.Key.Asiel, Aantal = g.Count() })
            .ToListAsync(ct);

        var vakken = f.Periode.Maanden().Select(vak => new InstroomVak(vak,
                perMaand.Where(r => r.Year == vak.Van.Year && r.Month == vak.Van.Month && r.Asiel).Sum(r => r.Aantal),
                perMaand.Where(r => r.Year == vak.Van.Year && r.Month == vak.Van.Month && !r.Asiel).Sum(r => r.Aantal)))
            .ToList();
        var gemeenteRijen = gemeenten.Select(g => new InstroomGemeente(g,
                perGemeente.Where(r => r.GemeenteId == g.Id && r.Asiel).Sum(r => r.Aantal),
                perGemeente.Where(r => r.GemeenteId == g.Id && !r.Asiel).Sum(r => r.Aantal)))
            .ToList();
        return (vakken, gemeenteRijen);
    }

    public async Task<IReadOnlyDictionary<Fase, int>> FasenAsync(MonitorFilter f, CancellationToken ct = default)
    {
        var rijen = await Scope(f).GroupBy(i => i.Fase).Select(g => new { Fase = g.Key, Aantal = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<Fase>().ToDictionary(fase => fase, fase => rijen.Where(r => r.Fase == fase).Sum(r => r.Aantal));
    }

    public async Task<IReadOnlyList<DoorlooptijdCijfer>> DoorlooptijdenAsync(MonitorFilter f, CancellationToken ct = default)
    {
        var lijst = new List<DoorlooptijdCijfer>();
        foreach (var soort in Enum.GetValues<Doorlooptijd>())
        {
            var dagen = Paren(f, soort).Select(p => p.Dagen);
            var aantal = await dagen.CountAsync(ct);
            double? mediaan = null;
            if (aantal > 0)
            {
                var (overslaan, nemen) = MediaanPositie.Van(aantal);
                var midden = await dagen.OrderBy(d => d).Skip(overslaan).Take(nemen).ToListAsync(ct);
                mediaan = MediaanPositie.Mediaan(midden);
            }

            int? binnen = soort == Doorlooptijd.BrpPip ? await dagen.CountAsync(d => d <= PipNormDagen, ct) : null;
            lijst.Add(new DoorlooptijdCijfer(soort, aantal, mediaan, binnen));
        }

        return lijst;
    }

    public async Task<IReadOnlyDictionary<(Doelgroep Doelgroep, Leerroute Leerroute), int>> RoutesAsync(MonitorFilter f, CancellationToken ct = default)
    {
        var rijen = await Pips(f).Where(p => p.Leerroute != null)
            .GroupBy(p => new { p.Doelgroep, p.Leerroute })
            .Select(g => new { g.Key.Doelgroep, g.Key.Leerroute, Aantal = g.Count() })
            .ToListAsync(ct);
        return rijen.ToDictionary(r => (r.Doelgroep, r.Leerroute!.Value), r => r.Aantal);
    }

    public async Task<IReadOnlyDictionary<(LbtVergelijking Vergelijking, Leerroute Leerroute), int>> LbtAsync(MonitorFilter f, CancellationToken ct = default)
    {
        var rijen = await Lbt(f)
            .GroupBy(r => new { r.Vergelijking, r.Leerroute })
            .Select(g => new { g.Key.Vergelijking, g.Key.Leerroute, Aantal = g.Count() })
            .ToListAsync(ct);
        return rijen.ToDictionary(r => (r.Vergelijking, r.Leerroute), r => r.Aantal);
    }

    public async Task<IReadOnlyDictionary<Resultaat, int>> ResultatenAsync(MonitorFilter f, CancellationToken ct = default)
    {
        var rijen = await Resultaten(f).GroupBy(r => r.Resultaat).Select(g => new { Resultaat = g.Key, Aantal = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<Resultaat>().ToDictionary(r => r, r => rijen.Where(x => x.Resultaat == r).Sum(x => x.Aantal));
    }

    public async Task<IReadOnlyList<CaseloadCijfer>> CaseloadAsync(MonitorFilter f, CancellationToken ct = default)
    {
        var rijen = await Lopend(f).GroupBy(i => i.KlantregisseurId).Select(g => new { Id = g.Key, Aantal = g.Count() }).ToListAsync(ct);
        var ids = rijen.Where(r => r.Id != null).Select(r => r.Id!.Value).ToList();
        var namen = await db.Medewerkers.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Naam, Team = m.Team!.Naam }).ToListAsync(ct);
        return rijen
            .Select(r => r.Id is { } id && namen.FirstOrDefault(n => n.Id == id) is { } n
                ? new CaseloadCijfer(id, n.Naam, n.Team, r.Aantal)
                : new CaseloadCijfer(null, "Niet toegewezen", null, r.Aantal))
            .OrderBy(c => c.MedewerkerId is null).ThenBy(c => c.Naam, StringComparer.Create(new System.Globalization.CultureInfo("nl-NL"), false))
            .ToList();
    }

    public async Task<StartCijfer> StartersAsync(MonitorFilter f, CancellationToken ct = default)
    {
        var rijen = await Starters(f)
            .GroupBy(r => new { r.Groep, r.VoldaanBinnenTermijn })
            .Select(g => new { g.Key.Groep, g.Key.VoldaanBinnenTermijn, Aantal = g.Count() })
            .ToListAsync(ct);
        return new StartCijfer(
            rijen.Where(r => r.Groep == Uitkeringsgroep.Asielmigrant).Sum(r => r.Aantal),
            rijen.Where(r => r.Groep == Uitkeringsgroep.Gezinsmigrant).Sum(r => r.Aantal),
            rijen.Where(r => r.VoldaanBinnenTermijn).Sum(r => r.Aantal));
    }

    /// <summary>Inflow, PIPs, results and drop-out per calendar year, for the development over time.</summary>
    public async Task<IReadOnlyList<JaarCijfer>> OntwikkelingAsync(MonitorFilter f, int totJaar, int jaren, CancellationToken ct = default)
    {
        var bereik = f with { Periode = Periode.Eigen(new DateOnly(totJaar - jaren + 1, 1, 1), new DateOnly(totJaar, 12, 31)) };
        var instroom = await Instroom(bereik).GroupBy(r => r.Datum.Year).Select(g => new { Jaar = g.Key, Aantal = g.Count() }).ToListAsync(ct);
        var pips = await Pips(bereik).GroupBy(r => r.Datum.Year).Select(g => new { Jaar = g.Key, Aantal = g.Count() }).ToListAsync(ct);
        var resultaten = await Resultaten(bereik)
            .GroupBy(r => new { r.Datum.Year, r.Resultaat })
            .Select(g => new { Jaar = g.Key.Year, g.Key.Resultaat, Aantal = g.Count() })
            .ToListAsync(ct);
        return Enumerable.Range(totJaar - jaren + 1, jaren).Select(jaar => new JaarCijfer(
                jaar,
                instroom.Where(r => r.Jaar == jaar).Sum(r => r.Aantal),
                pips.Where(r => r.Jaar == jaar).Sum(r => r.Aantal),
                resultaten.Where(r => r.Jaar == jaar && r.Resultaat is Resultaat.VoldaanBinnenTermijn or Resultaat.VoldaanNaTermijn or Resultaat.VoldaanTermijnOnbekend).Sum(r => r.Aantal),
                resultaten.Where(r => r.Jaar == jaar && r.Resultaat is Resultaat.Verhuisd or Resultaat.Uitgeschreven).Sum(r => r.Aantal)))
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

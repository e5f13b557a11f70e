using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Monitor;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Intake;
using Koers.Domain.Monitor;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Monitor;

/// <summary>The lead times the monitor reports, each from one milestone to a later one.</summary>
public enum Doorlooptijd
{
    KoppelingBrp,
    BrpIntake,
    BrpPip,
    PipStartLeerroute,

    /// <summary>
    /// From the COA koppeling to the PIP: the whole wait a statushouder has for a plan, including the time before
    /// housing that BRP → PIP leaves out (issue #24).
    /// </summary>
    KoppelingPip,
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
    /// <summary>
    /// Cases whose 10-week PIP term (from BRP) ended in the period, before today. Sleutel: binnen (PIP in time), telaat
    /// (PIP after the term), geen (no PIP yet) or alle.
    /// </summary>
    PipTermijn,
}

/// <summary>Where a case whose PIP term has passed stands: PIP in time, PIP late, or no PIP yet.</summary>
public enum PipTermijnUitkomst
{
    Binnen,
    TeLaat,
    Geen,
}

public sealed record GemeenteInfo(int Id, string Code, string Naam, int RegioId, string Regio);

/// <summary>A view whose suppression is decided together with the others of its family (<see cref="MonitorQuery.FamilieAsync"/>).</summary>
public sealed record Familielid(MonitorFilter Filter, IReadOnlyList<GemeenteInfo> Gemeenten);
/// <param name="Gehuisvest">Asielstatushouders and nareizigers housed (BRP) in the period: what the taakstelling counts.</param>
public sealed record InstroomVak(Periode Vak, int Asiel, int Overig, int Gehuisvest);
public sealed record InstroomGemeente(GemeenteInfo Gemeente, int Asiel, int Overig, int Gehuisvest);
/// <param name="BinnenNorm">BRP → PIP only: PIPs set within the legal term (the one the legal clock stored).</param>
/// <param name="NaNorm">BRP → PIP only: PIPs set after it; the rest of <paramref name="Aantal"/> had no PIP term (Wi2013, vrijgesteld).</param>
public sealed record DoorlooptijdCijfer(Doorlooptijd Soort, int Aantal, double? MediaanDagen, int? BinnenNorm, int? NaNorm);
/// <param name="Wi2021">Running cases under the Wet inburgering 2021 (<see cref="DoelgroepRegels.ValtOnderWi2021"/>).</param>
/// <param name="BuitenWi2021">Running cases outside it: the ondertussengroep (Wi2013) and the vrijgestelden, guided without the Wi2021 clock.</param>
public sealed record CaseloadCijfer(int? MedewerkerId, string Naam, string? Team, int Wi2021, int BuitenWi2021)
{
    public int Lopend => Wi2021 + BuitenWi2021;
}
/// <param name="Uitval">Uitgeschreven (left the country): the plicht ends without being met.</param>
/// <param name="Verhuisd">Moved to another municipality: not uitval, the plicht goes with the person.</param>
public sealed record JaarCijfer(int Jaar, int Instroom, int PipVastgesteld, int Voldaan, int Uitval, int Verhuisd);
public sealed record StartCijfer(int Asielmigranten, int Gezinsmigranten, int VoldaanBinnenTermijn)
{
    public int Totaal => Asielmigranten + Gezinsmigranten;
}

/// <summary>
/// Every figure of the monitor as SQL aggregation (GROUP BY / COUNT) on SQLite and PostgreSQL alike: no case
/// is loaded into memory. Each figure has one row query that both the count and its drill-down use, so the
/// number on the screen and the list behind it cannot drift apart.
///
/// Built for national scale (issue #10: 150,000 cases, under 500 ms also with four users at once): the row
/// queries read <see cref="MonitorDossier"/>, one row per case with its dimensions and milestone dates side by side,
/// kept in step with every save (see there). A figure is then a range scan on one date column, without the joins
/// of milestone with milestone and with the case that cost seconds at that scale. Figures that read the same rows
/// are counted in one grouped query. Medians come from a frequency table (GROUP BY the number of days): exact,
/// one query for all four lead times, and the same SQL on both providers (SQLite has no percentile_cont).
/// </summary>
public sealed class MonitorQuery(KoersDbContext db, Klok klok)
{
    /// <summary>Ten weeks in days: the norm line of the lead-time chart. Whether a PIP was in time is the legal clock's stored end, not this.</summary>
    public const int PipNormDagen = PipTermijn.Weken * 7;

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
        public Doorlooptijd Soort { get; init; }
        public int Dagen { get; init; }

        /// <summary>BRP → PIP only: whether that PIP came within the legal term (<see cref="MonitorDossier.PipUiterlijk"/>); null without a term.</summary>
        public PipTermijnUitkomst? Termijn { get; init; }
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

    internal sealed class PipTermijnRij
    {
        public Guid Id { get; init; }
        public PipTermijnUitkomst Uitkomst { get; init; }
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
    internal IQueryable<MonitorDossier> Scope(MonitorFilter f)
    {
        // The user's reach first: no filter value (gemeente, regio, klantregisseur) can widen it.
        var bereik = f.Bereik;
        var q = db.MonitorDossiers.AsNoTracking().Where(d => bereik.Contains(d.GemeenteId));
        if (f.GemeenteCode is { } code) q = q.Where(d => db.Gemeenten.Any(g => g.Id == d.GemeenteId && g.Code == code));
        if (f.RegioId is { } regio) q = q.Where(d => db.Gemeenten.Any(g => g.Id == d.GemeenteId && g.RegioId == regio));
        if (f.KlantregisseurId is { } k) q = q.Where(d => d.KlantregisseurId == k);
        if (f.Doelgroep is { } dg) q = q.Where(d => d.Doelgroep == dg);
        return q;
    }

    /// <summary>Inflow: the koppeling date, or the BRP date when there was no koppeling (gezinsmigranten, overigen).</summary>
    internal IQueryable<InstroomRij> Instroom(MonitorFilter f)
    {
        var (van, tot) = (f.Periode.Van, f.Periode.Tot);
        return Scope(f)
            .Where(d => d.Instroom >= van && d.Instroom <= tot)
            .Select(d => new InstroomRij
            {
                Id = d.InburgeraarId,
                GemeenteId = d.GemeenteId,
                Asiel = d.Doelgroep == Doelgroep.Asielstatushouder || d.Doelgroep == Doelgroep.Nareiziger,
                Datum = d.Instroom!.Value,
            });
    }

    /// <summary>
    /// Housed in the period: asielstatushouders and nareizigers by the date of their BRP registration, the date they
    /// settle (vestigen) in the municipality. This is what the housing taakstelling counts ("taakstelling voor het
    /// huisvesten van statushouders", Weert 003 L282-293; "realisatie ... huisvestingen", Evaluatie 001 L10272), and the
    /// date the budget counts by; inflow (<see cref="Instroom"/>) counts by the earlier koppeling (issue #24).
    /// </summary>
    internal IQueryable<InstroomRij> Huisvestingen(MonitorFilter f)
    {
        var (van, tot) = (f.Periode.Van, f.Periode.Tot);
        return Scope(f)
            .Where(d => d.Brp >= van && d.Brp <= tot && (d.Doelgroep == Doelgroep.Asielstatushouder || d.Doelgroep == Doelgroep.Nareiziger))
            .Select(d => new InstroomRij { Id = d.InburgeraarId, GemeenteId = d.GemeenteId, Asiel = true, Datum = d.Brp!.Value });
    }

    public static (Mijlpaal Van, Mijlpaal Tot) Mijlpalen(Doorlooptijd soort) => soort switch
    {
        Doorlooptijd.KoppelingBrp => (Mijlpaal.Koppeling, Mijlpaal.BrpInschrijving),
        Doorlooptijd.BrpIntake => (Mijlpaal.BrpInschrijving, Mijlpaal.BredeIntake),
        Doorlooptijd.BrpPip => (Mijlpaal.BrpInschrijving, Mijlpaal.PipVastgesteld),
        Doorlooptijd.PipStartLeerroute => (Mijlpaal.PipVastgesteld, Mijlpaal.StartLeerroute),
        Doorlooptijd.KoppelingPip => (Mijlpaal.Koppeling, Mijlpaal.PipVastgesteld),
        _ => throw new ArgumentOutOfRangeException(nameof(soort)),
    };

    /// <summary>Cases with both milestones whose later one falls in the period, with the days between them.</summary>
    internal IQueryable<PaarRij> Paren(MonitorFilter f, Doorlooptijd soort)
    {
        var (van, tot) = (f.Periode.Van, f.Periode.Tot);
        var q = Scope(f);
        // The milestone pairs of Mijlpalen(soort), as columns of the case row.
        return soort switch
        {
            Doorlooptijd.KoppelingBrp => q.Where(d => d.Koppeling != null && d.Brp >= van && d.Brp <= tot)
                .Select(d => new PaarRij { Id = d.InburgeraarId, Soort = Doorlooptijd.KoppelingBrp, Dagen = d.Brp!.Value.DayNumber - d.Koppeling!.Value.DayNumber, Termijn = null }),
            Doorlooptijd.BrpIntake => q.Where(d => d.Brp != null && d.Intake >= van && d.Intake <= tot)
                .Select(d => new PaarRij { Id = d.InburgeraarId, Soort = Doorlooptijd.BrpIntake, Dagen = d.Intake!.Value.DayNumber - d.Brp!.Value.DayNumber, Termijn = null }),
            Doorlooptijd.BrpPip => q.Where(d => d.Brp != null && d.Pip >= van && d.Pip <= tot)
                .Select(d => new PaarRij
                {
                    Id = d.InburgeraarId, Soort = Doorlooptijd.BrpPip, Dagen = d.Pip!.Value.DayNumber - d.Brp!.Value.DayNumber,
                    Termijn = d.PipUiterlijk == null ? null : d.Pip <= d.PipUiterlijk ? PipTermijnUitkomst.Binnen : PipTermijnUitkomst.TeLaat,
                }),
            Doorlooptijd.PipStartLeerroute => q.Where(d => d.Pip != null && d.StartLeerroute >= van && d.StartLeerroute <= tot)
                .Select(d => new PaarRij { Id = d.InburgeraarId, Soort = Doorlooptijd.PipStartLeerroute, Dagen = d.StartLeerroute!.Value.DayNumber - d.Pip!.Value.DayNumber, Termijn = null }),
            Doorlooptijd.KoppelingPip => q.Where(d => d.Koppeling != null && d.Pip >= van && d.Pip <= tot)
                .Select(d => new PaarRij { Id = d.InburgeraarId, Soort = Doorlooptijd.KoppelingPip, Dagen = d.Pip!.Value.DayNumber - d.Koppeling!.Value.DayNumber, Termijn = null }),
            _ => throw new ArgumentOutOfRangeException(nameof(soort)),
        };
    }

    /// <summary>Cases whose PIP was set in the period (milestone PipVastgesteld), with the route set in that PIP (<see cref="MonitorDossier.Leerroute"/>).</summary>
    internal IQueryable<PipRij> Pips(MonitorFilter f)
    {
        var (van, tot) = (f.Periode.Van, f.Periode.Tot);
        return Scope(f)
            .Where(d => d.Pip >= van && d.Pip <= tot)
            .Select(d => new PipRij { Id = d.InburgeraarId, Doelgroep = d.Doelgroep, Leerroute = d.Leerroute, Datum = d.Pip!.Value });
    }

    /// <summary>
    /// Everyone whose term for the first PIP ended in the period and before today, with or without a PIP: the figure
    /// that says how many got their plan in time. The end is the one the legal clock stored for the case
    /// (<see cref="MonitorDossier.PipUiterlijk"/>: Besluit inburgering 2021 art. 5.3 lid 1 with the Algemene
    /// termijnenwet), so this figure and the deadline on the case answer the same question the same way. PIPs set in the
    /// period (<see cref="Paren"/>) leave out exactly the people still waiting, who are the ones that matter (issue #24).
    /// </summary>
    internal IQueryable<PipTermijnRij> PipTermijnen(MonitorFilter f)
    {
        var laatsteEinde = klok.Vandaag.AddDays(-1) < f.Periode.Tot ? klok.Vandaag.AddDays(-1) : f.Periode.Tot;
        var van = f.Periode.Van;
        // Only the Wi2021 has the term: the legal clock stores no end for the ondertussengroep (Wi2013) and the
        // vrijgestelden (LegalClock.PipVaststelling), so they are neither late nor waiting.
        return Scope(f)
            .Where(d => d.PipUiterlijk >= van && d.PipUiterlijk <= laatsteEinde)
            .Select(d => new PipTermijnRij
            {
                Id = d.InburgeraarId,
                Uitkomst = d.Pip == null ? PipTermijnUitkomst.Geen
                    : d.Pip <= d.PipUiterlijk ? PipTermijnUitkomst.Binnen : PipTermijnUitkomst.TeLaat,
            });
    }

    /// <summary>
    /// Route against the leerbaarheidstoets of the cases whose PIP was set in the period (same cases as
    /// <see cref="Pips"/> with a route); mirrors <see cref="LbtVergelijkingRegels.Vergelijk"/>.
    /// </summary>
    internal IQueryable<LbtRij> Lbt(MonitorFilter f)
    {
        var (van, tot) = (f.Periode.Van, f.Periode.Tot);
        // LbtScore is null without a usable result (skipped, no score or no date); LbtCesuur is the cesuur that
        // applies to it, both set by MonitorDossiers from the leerbaarheidstoets.
        return Scope(f)
            .Where(d => d.Pip >= van && d.Pip <= tot && d.Leerroute != null)
            .Select(d => new LbtRij
            {
                Id = d.InburgeraarId,
                Doelgroep = d.Doelgroep,
                Leerroute = d.Leerroute!.Value,
                Vergelijking = d.LbtScore == null
                    ? LbtVergelijking.GeenUitslag
                    : d.LbtScore >= d.LbtCesuur
                        ? (d.Leerroute == Leerroute.ZRoute ? LbtVergelijking.AfwijkingOmlaag : LbtVergelijking.Conform)
                        : (d.Leerroute == Leerroute.ZRoute ? LbtVergelijking.Conform : LbtVergelijking.AfwijkingOmhoog),
            });
    }

    /// <summary>
    /// Cases closed in the period, one row per closing milestone in it; 'within the term' compares with the stored
    /// inburgeringstermijn (incl. DUO's extension).
    /// </summary>
    internal IQueryable<ResultaatRij> Resultaten(MonitorFilter f)
    {
        var (van, tot) = (f.Periode.Van, f.Periode.Tot);
        var q = Scope(f);
        var voldaan = q.Where(d => d.Voldaan >= van && d.Voldaan <= tot)
            .Select(d => new ResultaatRij
            {
                Id = d.InburgeraarId,
                Datum = d.Voldaan!.Value,
                Resultaat = d.TermijnEinde == null ? Resultaat.VoldaanTermijnOnbekend
                    : d.Voldaan <= d.TermijnEinde ? Resultaat.VoldaanBinnenTermijn : Resultaat.VoldaanNaTermijn,
            });
        var ontheffing = q.Where(d => d.Ontheffing >= van && d.Ontheffing <= tot)
            .Select(d => new ResultaatRij { Id = d.InburgeraarId, Datum = d.Ontheffing!.Value, Resultaat = Resultaat.Ontheffing });
        var verhuisd = q.Where(d => d.Verhuisd >= van && d.Verhuisd <= tot)
            .Select(d => new ResultaatRij { Id = d.InburgeraarId, Datum = d.Verhuisd!.Value, Resultaat = Resultaat.Verhuisd });
        var uitgeschreven = q.Where(d => d.Uitgeschreven >= van && d.Uitgeschreven <= tot)
            .Select(d => new ResultaatRij { Id = d.InburgeraarId, Datum = d.Uitgeschreven!.Value, Resultaat = Resultaat.Uitgeschreven });
        return voldaan.Concat(ontheffing).Concat(verhuisd).Concat(uitgeschreven);
    }

    /// <summary>Running cases today (not closed), whatever the period; Wi2021 and outside it together (the caseload shows them apart).</summary>
    internal IQueryable<MonitorDossier> Lopend(MonitorFilter f) =>
        Scope(f).Where(i => i.Fase != Fase.Voldaan && i.Fase != Fase.Ontheven && i.Fase != Fase.Verhuisd && i.Fase != Fase.Uitgeschreven);

    /// <summary>
    /// Cases that settled in the municipality (BRP) in the period and count for the grant: the SPUK money comes
    /// when a statushouder is housed (Kempen, regels 272-273). Voldaan: met the plicht within the term, as of today.
    /// </summary>
    internal IQueryable<StartRij> Starters(MonitorFilter f)
    {
        var (van, tot) = (f.Periode.Van, f.Periode.Tot);
        return Scope(f)
            .Where(d => d.Brp >= van && d.Brp <= tot
                        && (d.Doelgroep == Doelgroep.Asielstatushouder || d.Doelgroep == Doelgroep.Nareiziger || d.Doelgroep == Doelgroep.Gezinsmigrant))
            .Select(d => new StartRij
            {
                Id = d.InburgeraarId,
                Datum = d.Brp!.Value,
                Groep = d.Doelgroep == Doelgroep.Gezinsmigrant ? Uitkeringsgroep.Gezinsmigrant : Uitkeringsgroep.Asielmigrant,
                VoldaanBinnenTermijn = d.Voldaan != null && d.TermijnEinde != null && d.Voldaan <= d.TermijnEinde,
            });
    }

    // ---------------------------------------------------------------- aggregates

    /// <summary>
    /// The views a user who sees small counts hidden can put next to this one to difference them: the region (or the
    /// whole reach within it) first, then each of its municipalities, for the same period and other filters. Their
    /// suppression is decided together (issue #24), so a count hidden in the region view cannot be worked out from the
    /// municipalities' views, nor one municipality's from the region minus the others. The requested view is one of the
    /// members. Null when there is no such family: a klantregisseur filter (refused with hidden counts anyway) or
    /// nothing in reach.
    /// A monitor reach is one region by construction (<see cref="Kern.Toegang.MonitorGemeentenAsync"/>: the municipalities
    /// of the user's own region), whatever its size; there is no national or multi-region reach, so every view a user
    /// can open is a member of one family. Should a caller ever pass municipalities of two regions, this refuses rather
    /// than protect the views one by one, which differencing between regions would undo.
    /// </summary>
    public async Task<IReadOnlyList<Familielid>?> FamilieAsync(MonitorFilter f, IReadOnlyList<GemeenteInfo> gemeenten, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(gemeenten);
        if (f.KlantregisseurId is not null || gemeenten.Count == 0) return null;
        var regio = EenRegio(gemeenten);
        var top = f.GemeenteCode is null ? f : f with { GemeenteCode = null, RegioId = regio };
        var alle = f.GemeenteCode is null ? gemeenten : await GemeentenAsync(top, ct);
        EenRegio(alle);
        var leden = new List<Familielid> { new(top, alle) };
        leden.AddRange(alle.Select(g => new Familielid(f.GemeenteCode == g.Code ? f : f with { GemeenteCode = g.Code, RegioId = null }, [g])));
        return leden;
    }

    private static int EenRegio(IReadOnlyList<GemeenteInfo> gemeenten)
    {
        var regios = gemeenten.Select(g => g.RegioId).Distinct().ToList();
        return regios.Count == 1 ? regios[0]
            : throw new InvalidOperationException($"Een monitorbereik beslaat één regio; deze weergave beslaat er {regios.Count}. Kleine aantallen zijn dan niet samen te beschermen.");
    }

    public async Task<IReadOnlyList<GemeenteInfo>> GemeentenAsync(MonitorFilter f, CancellationToken ct = default)
    {
        var bereik = f.Bereik;
        var q = db.Gemeenten.AsNoTracking().Where(g => bereik.Contains(g.Id));
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
        var huisvesting = await Huisvestingen(f)
            .GroupBy(r => new { r.GemeenteId, r.Datum.Year, r.Datum.Month })
            .Select(g => new { g.Key.GemeenteId, g.Key.Year, g.Key.Month, Aantal = g.Count() })
            .ToListAsync(ct);

        var vakken = f.Periode.Maanden().Select(vak => new InstroomVak(vak,
                cellen.Where(r => r.Year == vak.Van.Year && r.Month == vak.Van.Month && r.Asiel).Sum(r => r.Aantal),
                cellen.Where(r => r.Year == vak.Van.Year && r.Month == vak.Van.Month && !r.Asiel).Sum(r => r.Aantal),
                huisvesting.Where(r => r.Year == vak.Van.Year && r.Month == vak.Van.Month).Sum(r => r.Aantal)))
            .ToList();
        var perGemeente = cellen.ToLookup(r => r.GemeenteId);
        var gemeenteRijen = gemeenten.Select(g => new InstroomGemeente(g,
                perGemeente[g.Id].Where(r => r.Asiel).Sum(r => r.Aantal),
                perGemeente[g.Id].Where(r => !r.Asiel).Sum(r => r.Aantal),
                huisvesting.Where(r => r.GemeenteId == g.Id).Sum(r => r.Aantal)))
            .ToList();
        return (vakken, gemeenteRijen);
    }

    /// <summary>
    /// Stage of every case and the caseload of running cases, from one pass over the cases grouped by stage and
    /// klantregisseur.
    /// </summary>
    public async Task<(IReadOnlyDictionary<Fase, int> Fasen, IReadOnlyList<CaseloadCijfer> Caseload)> FasenEnCaseloadAsync(
        MonitorFilter f, CancellationToken ct = default)
    {
        // Grouped in the order of the index (Fase, KlantregisseurId), so PostgreSQL streams it from an index-only scan.
        var rijen = await Scope(f)
            .GroupBy(i => new { i.Fase, Regisseur = i.KlantregisseurId, i.Doelgroep })
            .Select(g => new { g.Key.Fase, g.Key.Regisseur, g.Key.Doelgroep, Aantal = g.Count() })
            .ToListAsync(ct);
        var fasen = Enum.GetValues<Fase>().ToDictionary(fase => fase, fase => rijen.Where(r => r.Fase == fase).Sum(r => r.Aantal));

        var lopend = rijen.Where(r => !r.Fase.IsAfgesloten())
            .GroupBy(r => r.Regisseur)
            .Select(g => new { Id = g.Key, Wi2021 = g.Where(r => r.Doelgroep.ValtOnderWi2021()).Sum(r => r.Aantal), Buiten = g.Where(r => !r.Doelgroep.ValtOnderWi2021()).Sum(r => r.Aantal) })
            .ToList();
        var ids = lopend.Where(r => r.Id != null).Select(r => r.Id!.Value).ToList();
        var namen = (await db.Medewerkers.AsNoTracking().Where(m => ids.Contains(m.Id))
                .Select(m => new { m.Id, m.Naam, Team = m.Team!.Naam }).ToListAsync(ct))
            .ToDictionary(n => n.Id);
        var caseload = lopend
            .Select(r => r.Id is { } id && namen.TryGetValue(id, out var n)
                ? new CaseloadCijfer(id, n.Naam, n.Team, r.Wi2021, r.Buiten)
                : new CaseloadCijfer(null, "Niet toegewezen", null, r.Wi2021, r.Buiten))
            .OrderBy(c => c.MedewerkerId is null).ThenBy(c => c.Naam, StringComparer.Create(new System.Globalization.CultureInfo("nl-NL"), false))
            .ToList();
        return (fasen, caseload);
    }

    /// <summary>All four lead times from one frequency table (lead time, days, how many); medians and the norm from it.</summary>
    public async Task<IReadOnlyList<DoorlooptijdCijfer>> DoorlooptijdenAsync(MonitorFilter f, CancellationToken ct = default)
    {
        var soorten = Enum.GetValues<Doorlooptijd>();
        var verdeling = await soorten.Skip(1).Aggregate(Paren(f, soorten[0]), (q, s) => q.Concat(Paren(f, s)))
            .GroupBy(p => new { p.Soort, p.Dagen, p.Termijn })
            .Select(g => new { g.Key.Soort, g.Key.Dagen, g.Key.Termijn, Aantal = g.Count() })
            .ToListAsync(ct);
        return soorten.Select(soort =>
        {
            var rijen = verdeling.Where(r => r.Soort == soort).ToList();
            var aantal = rijen.Sum(r => r.Aantal);
            var mediaan = MediaanPositie.UitVerdeling(rijen.GroupBy(r => r.Dagen).Select(g => (g.Key, g.Sum(r => r.Aantal))));
            if (soort != Doorlooptijd.BrpPip) return new DoorlooptijdCijfer(soort, aantal, mediaan, null, null);
            return new DoorlooptijdCijfer(soort, aantal, mediaan,
                rijen.Where(r => r.Termijn == PipTermijnUitkomst.Binnen).Sum(r => r.Aantal),
                rijen.Where(r => r.Termijn == PipTermijnUitkomst.TeLaat).Sum(r => r.Aantal));
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

    /// <summary>PIPs set in the period without a route (yet), per doelgroep: the "onbekend" column of the route table.</summary>
    public async Task<IReadOnlyDictionary<Doelgroep, int>> RouteOnbekendAsync(MonitorFilter f, CancellationToken ct = default) =>
        (await Pips(f).Where(p => p.Leerroute == null).GroupBy(p => p.Doelgroep).Select(g => new { g.Key, Aantal = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Aantal);

    public async Task<IReadOnlyDictionary<PipTermijnUitkomst, int>> PipTermijnenAsync(MonitorFilter f, CancellationToken ct = default)
    {
        var rijen = await PipTermijnen(f).GroupBy(r => r.Uitkomst).Select(g => new { g.Key, Aantal = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<PipTermijnUitkomst>().ToDictionary(u => u, u => rijen.Where(r => r.Key == u).Sum(r => r.Aantal));
    }

    public async Task<IReadOnlyDictionary<Resultaat, int>> ResultatenAsync(MonitorFilter f, CancellationToken ct = default)
    {
        var rijen = await Resultaten(f).GroupBy(r => r.Resultaat).Select(g => new { Resultaat = g.Key, Aantal = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<Resultaat>().ToDictionary(r => r, r => rijen.Where(x => x.Resultaat == r).Sum(x => x.Aantal));
    }

    /// <summary>The grant counts for several calendar years (the budget year and the t-2 cohort) in one query.</summary>
    public async Task<IReadOnlyDictionary<int, StartCijfer>> StartersAsync(MonitorFilter f, IReadOnlyCollection<int> jaren, CancellationToken ct = default)
    {
        // One range per year (not the years in between), glued with UNION ALL.
        var perJaar = jaren.Distinct().Select(jaar => Starters(f with { Periode = Periode.Jaar(jaar) })).ToList();
        var rijen = await perJaar.Skip(1).Aggregate(perJaar[0], (q, j) => q.Concat(j))
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

    /// <summary>
    /// Inflow, PIPs, results and drop-out per calendar year, for the development over time: one pass over the
    /// cases (the same definitions as <see cref="Instroom"/>,
    /// <see cref="Pips"/> and <see cref="Resultaten"/>, which the drill-down lists use).
    /// </summary>
    public async Task<IReadOnlyList<JaarCijfer>> OntwikkelingAsync(MonitorFilter f, int totJaar, int jaren, CancellationToken ct = default)
    {
        var (van, tot) = (new DateOnly(totJaar - jaren + 1, 1, 1), new DateOnly(totJaar, 12, 31));
        // One pass over the cases instead of five ranges glued together: group by the combination of the five years
        // (a few hundred combinations), then add each combination's count to the years it touches.
        var rijen = await Scope(f)
            .Where(d => (d.Instroom >= van && d.Instroom <= tot) || (d.Pip >= van && d.Pip <= tot) || (d.Voldaan >= van && d.Voldaan <= tot)
                        || (d.Verhuisd >= van && d.Verhuisd <= tot) || (d.Uitgeschreven >= van && d.Uitgeschreven <= tot))
            .GroupBy(d => new
            {
                Instroom = d.Instroom.HasValue ? d.Instroom.Value.Year : (int?)null,
                Pip = d.Pip.HasValue ? d.Pip.Value.Year : (int?)null,
                Voldaan = d.Voldaan.HasValue ? d.Voldaan.Value.Year : (int?)null,
                Verhuisd = d.Verhuisd.HasValue ? d.Verhuisd.Value.Year : (int?)null,
                Uitgeschreven = d.Uitgeschreven.HasValue ? d.Uitgeschreven.Value.Year : (int?)null,
            })
            .Select(g => new { g.Key.Instroom, g.Key.Pip, g.Key.Voldaan, g.Key.Verhuisd, g.Key.Uitgeschreven, Aantal = g.Count() })
            .ToListAsync(ct);
        return Enumerable.Range(totJaar - jaren + 1, jaren)
            .Select(jaar => new JaarCijfer(jaar,
                rijen.Where(r => r.Instroom == jaar).Sum(r => r.Aantal),
                rijen.Where(r => r.Pip == jaar).Sum(r => r.Aantal),
                rijen.Where(r => r.Voldaan == jaar).Sum(r => r.Aantal),
                rijen.Where(r => r.Uitgeschreven == jaar).Sum(r => r.Aantal),
                rijen.Where(r => r.Verhuisd == jaar).Sum(r => r.Aantal)))
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
                if (Is("gehuisvest")) return Huisvestingen(f).Select(r => r.Id);
                return Is("alle") ? Instroom(f).Select(r => r.Id) : null;

            case Figuur.Fase:
                return Enum.TryParse<Fase>(s, true, out var fase) && Enum.IsDefined(fase) && !int.TryParse(s, out _)
                    ? Scope(f).Where(i => i.Fase == fase).Select(i => i.InburgeraarId)
                    : null;

            case Figuur.Doorlooptijd:
                return Enum.TryParse<Doorlooptijd>(s, true, out var soort) && Enum.IsDefined(soort) && !int.TryParse(s, out _)
                    ? Paren(f, soort).Select(p => p.Id)
                    : null;

            case Figuur.PipTijdig:
                if (Is("binnen")) return Paren(f, Doorlooptijd.BrpPip).Where(p => p.Termijn == PipTermijnUitkomst.Binnen).Select(p => p.Id);
                if (Is("buiten")) return Paren(f, Doorlooptijd.BrpPip).Where(p => p.Termijn == PipTermijnUitkomst.TeLaat).Select(p => p.Id);
                return Is("zonder") ? Paren(f, Doorlooptijd.BrpPip).Where(p => p.Termijn == null).Select(p => p.Id) : null;

            case Figuur.Pip:
                return Is("alle") ? Pips(f).Select(p => p.Id) : null;

            case Figuur.PipTermijn:
                if (Is("alle")) return PipTermijnen(f).Select(r => r.Id);
                if (Is("binnen")) return PipTermijnen(f).Where(r => r.Uitkomst == PipTermijnUitkomst.Binnen).Select(r => r.Id);
                if (Is("telaat")) return PipTermijnen(f).Where(r => r.Uitkomst == PipTermijnUitkomst.TeLaat).Select(r => r.Id);
                return Is("geen") ? PipTermijnen(f).Where(r => r.Uitkomst == PipTermijnUitkomst.Geen).Select(r => r.Id) : null;

            case Figuur.Route:
            {
                // 'onbekend': PIPs without a route; 'alle': every PIP of the period, with or without a route.
                var onbekend = delen.Length == 2 && string.Equals(delen[1], "onbekend", StringComparison.OrdinalIgnoreCase);
                Leerroute? route = null;
                if (delen.Length != 2 || !LeesOfAlle<Doelgroep>(delen[0], out var doelgroep) || (!onbekend && !LeesOfAlle(delen[1], out route))) return null;
                var q = Pips(f);
                if (doelgroep is { } d) q = q.Where(p => p.Doelgroep == d);
                if (onbekend) q = q.Where(p => p.Leerroute == null);
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
                // Moving away is not uitval: the plicht goes with the person to the new municipality.
                if (Is("uitval")) return Resultaten(f).Where(r => r.Resultaat == Resultaat.Uitgeschreven).Select(r => r.Id);
                return Enum.TryParse<Resultaat>(s, true, out var resultaat) && Enum.IsDefined(resultaat) && !int.TryParse(s, out _)
                    ? Resultaten(f).Where(r => r.Resultaat == resultaat).Select(r => r.Id)
                    : null;

            case Figuur.Caseload:
                if (Is("alle")) return Lopend(f).Select(i => i.InburgeraarId);
                if (Is("geen")) return Lopend(f).Where(i => i.KlantregisseurId == null).Select(i => i.InburgeraarId);
                return int.TryParse(s, out var medewerker) ? Lopend(f).Where(i => i.KlantregisseurId == medewerker).Select(i => i.InburgeraarId) : null;

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

using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Brp;
using Koers.Domain.Dossier;
using Koers.Web.Features.Audit;
using Koers.Web.Infrastructure;
using Koers.Web.Infrastructure.Planning;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Brp;

public sealed record BrpControleUitkomst(int Gecontroleerd, int NieuweSignalen, int NietGevonden, int Mislukt);

/// <summary>
/// The periodic check of open cases against the BRP: registered in another municipality than the case's, or deceased,
/// gives a signal for the klantregisseur. Cases are never closed here. Asks 20 BSNs per question (the spec's maximum),
/// writes one audit row per case looked up (purpose: controle), and a signal only once per finding, so a handled
/// signal does not come back the next night.
/// </summary>
public sealed class BrpControle(KoersDbContext db, BrpClient client, BrpOpties opties, Klok klok, Taaksloten sloten, ILogger<BrpControle> log, Auditlog audit)
{
    public const string Taak = "brp-controle";
    public const string Systeemactor = "BRP-controle";
    private static readonly TimeSpan Lease = TimeSpan.FromHours(1);
    public const int MaxOnbereikbaarNaElkaar = 3;

    /// <summary>
    /// The daily run over all open cases; null when another instance runs it, it already ran today, or no BRP is
    /// configured. Without a BRP the run is not started at all (and the day is not marked done): asking would fail for
    /// every group of 20 cases, one logged exception each (900 for 18,000 open cases, found in a benchmark run).
    /// </summary>
    public Task<BrpControleUitkomst?> DagelijksAsync(CancellationToken ct = default)
    {
        if (!opties.Ingesteld)
        {
            log.LogWarning("BRP-controle overgeslagen: de koppeling met de BRP is niet ingesteld (Brp:BaseUrl)");
            return Task.FromResult<BrpControleUitkomst?>(null);
        }

        return sloten.OnderSlotAsync(Taak, klok.Vandaag.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Lease,
            c => ControleerAsync(db.Inburgeraars.AsNoTracking(), Systeemactor, c), ct);
    }

    /// <summary>A run on request over <paramref name="dossiers"/> (the caller's reach); null when a run is going on now.</summary>
    public Task<BrpControleUitkomst?> HandmatigAsync(IQueryable<Inburgeraar> dossiers, string door, CancellationToken ct = default) =>
        sloten.OnderSlotAsync(Taak + "-handmatig", null, Lease, c => ControleerAsync(dossiers, door, c), ct);

    private async Task<BrpControleUitkomst> ControleerAsync(IQueryable<Inburgeraar> dossiers, string door, CancellationToken ct)
    {
        Fase[] afgesloten = [Fase.Voldaan, Fase.Ontheven, Fase.Verhuisd, Fase.Uitgeschreven];
        var open = await dossiers.Where(i => i.GeanonimiseerdOp == null && i.BsnIndex != null && !afgesloten.Contains(i.Fase))
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.Bsn, Gemeente = i.Gemeente!.Code }).ToListAsync(ct);
        int gecontroleerd = 0, nieuw = 0, nietGevonden = 0, mislukt = 0, onbereikbaarNaElkaar = 0;
        var delen = open.Where(d => d.Bsn is not null).Chunk(BrpClient.MaxPerVraag).ToList();
        for (var n = 0; n < delen.Count; n++)
        {
            var deel = delen[n];
            IReadOnlyList<BrpPersoon> personen;
            try
            {
                personen = await client.RaadpleegAsync(deel.Select(d => d.Bsn?.Value!).Distinct().ToList(), BrpDoel.Controle, ct);
                onbereikbaarNaElkaar = 0;
            }
            catch (Exception e) when (e is BrpOnbereikbaarException or BrpWeigeringException)
            {
                // The next run tries again; no BSN in the log, only how many cases waited.
                log.LogWarning(e, "BRP-controle: vraag voor {Aantal} dossiers mislukt", deel.Length);
                mislukt += deel.Length;
                // A BRP that is down stays down for the rest of this run: after three unreachable answers in a row
                // the run stops, instead of asking (and logging) once more for every 20 cases left.
                if (e is BrpOnbereikbaarException && ++onbereikbaarNaElkaar >= MaxOnbereikbaarNaElkaar)
                {
                    var rest = delen.Skip(n + 1).Sum(d => d.Length);
                    mislukt += rest;
                    log.LogWarning("BRP-controle gestopt: de BRP was {Keer} keer na elkaar onbereikbaar; {Rest} dossiers wachten op de volgende run",
                        onbereikbaarNaElkaar, rest);
                    break;
                }

                continue;
            }

            var bestaand = await db.BrpSignalen.AsNoTracking().Where(s => deel.Select(d => d.Id).Contains(s.InburgeraarId)).ToListAsync(ct);
            foreach (var d in deel)
            {
                var p = personen.FirstOrDefault(x => x.Bsn == d.Bsn?.Value);
                string uitkomst;
                if (p is null)
                {
                    nietGevonden++;
                    uitkomst = "niet gevonden";
                }
                else
                {
                    gecontroleerd++;
                    var bevindingen = new List<BrpSignaal>();
                    if (p.Overleden)
                    {
                        bevindingen.Add(new BrpSignaal { InburgeraarId = d.Id, Soort = BrpSignaalSoort.Overleden, Datum = p.Overlijdensdatum, GevondenOp = klok.NuUtc });
                    }
                    else if (p.GemeenteCbs is { } cbs && !string.Equals(cbs, d.Gemeente, StringComparison.OrdinalIgnoreCase))
                    {
                        bevindingen.Add(new BrpSignaal
                        {
                            InburgeraarId = d.Id, Soort = BrpSignaalSoort.VerhuisdBuitenGemeente, Gemeentecode = p.Gemeentecode,
                            Gemeentenaam = p.Gemeentenaam, Datum = p.DatumInschrijvingInGemeente, GevondenOp = klok.NuUtc,
                        });
                    }

                    var echtNieuw = bevindingen.Where(b => !bestaand.Any(s => s.InburgeraarId == b.InburgeraarId && s.Soort == b.Soort
                        && s.Gemeentecode == b.Gemeentecode && s.Datum == b.Datum)).ToList();
                    db.BrpSignalen.AddRange(echtNieuw);
                    nieuw += echtNieuw.Count;
                    uitkomst = echtNieuw.Count > 0 ? "signaal: " + string.Join(", ", echtNieuw.Select(BrpService.Omschrijving))
                        : bevindingen.Count > 0 ? "signaal was er al" : "geen wijziging";
                }

                audit.Schrijf(AuditActie.Inzien, d.Id, $"BRP geraadpleegd (gemeente van inschrijving, overlijden); doel: {opties.DoelControle}; uitkomst: {uitkomst}", door: door, doel: BrpService.AuditDoelControle);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        log.LogInformation("BRP-controle: {Gecontroleerd} dossiers gecontroleerd, {Nieuw} nieuwe signalen, {NietGevonden} niet gevonden, {Mislukt} mislukt",
            gecontroleerd, nieuw, nietGevonden, mislukt);
        return new BrpControleUitkomst(gecontroleerd, nieuw, nietGevonden, mislukt);
    }
}

/// <summary>
/// Starts the daily BRP check. Every instance looks every few minutes; the lease in <see cref="Taaksloten"/> makes sure
/// one of them does it, once per Dutch date, from Brp:ControleUur. Off in tests (Brp:Achtergrond), which call it.
/// </summary>
public sealed class BrpAchtergrond(IServiceScopeFactory scopes, TimeProvider tijd, BrpOpties opties, ILogger<BrpAchtergrond> log) : BackgroundService
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, opties.ControleMinuten)), tijd);
        do
        {
            try
            {
                if (TimeZoneInfo.ConvertTime(tijd.GetUtcNow(), Amsterdam).Hour >= opties.ControleUur)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<BrpControle>().DagelijksAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A failed run is retried at the next look; the lease was freed.
                log.LogError(e, "BRP-controle mislukt");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using Koers.Data;
using Koers.Data.Model.Duo;
using Koers.Web.Features.Beveiliging;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Koers.Web.Infrastructure.Bedrijfsvoering;

/// <summary>
/// Koers's own measurements (meter "Koers"), beside what ASP.NET Core, HttpClient, EF Core and the runtime measure
/// themselves. Names follow the OpenTelemetry conventions (dots, unit in the instrument, no unit in the name), so the
/// Prometheus endpoint turns them into e.g. <c>koers_duo_inbox_wachtend</c>. No instrument has a tag that can hold a
/// person: tags are closed sets (task name, outcome, status).
/// </summary>
public sealed class KoersMetingen
{
    public const string Naam = "Koers";

    private readonly Counter<long> _uitgaandMislukt;
    private readonly Counter<long> _betaalruns;
    private readonly Counter<long> _taken;
    private readonly Histogram<double> _taakduur;
    private volatile InboxStand _inbox = new(new Dictionary<string, long>(), null);

    public KoersMetingen(IMeterFactory meters)
    {
        var meter = meters.Create(Naam);
        _uitgaandMislukt = meter.CreateCounter<long>("koers.duo.uitgaand.mislukt", "{bericht}",
            "Berichten aan DUO die niet verzonden konden worden (per poging), naar uitkomst: onbereikbaar of geweigerd.");
        _betaalruns = meter.CreateCounter<long>("koers.ontzorgen.betaalruns", "{run}", "Uitgevoerde betaalruns (SEPA-bestanden).");
        _taken = meter.CreateCounter<long>("koers.achtergrond.taken", "{uitvoering}", "Uitvoeringen van achtergrondtaken, naar taak en uitkomst.");
        // Seconds to an hour: the nightly recalculation of 150,000 cases takes minutes, a DUO round milliseconds.
        _taakduur = meter.CreateHistogram<double>("koers.achtergrond.duur", "s", "Duur van achtergrondtaken.", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600] });
        meter.CreateObservableGauge("koers.duo.inbox.wachtend", () => _inbox.Aantallen.Select(a => new Measurement<long>(a.Value, new KeyValuePair<string, object?>("status", a.Key))),
            "{notificatie}", "DUO-notificaties in de inbox die nog niet verwerkt zijn, naar status (Ontvangen, Geparkeerd).");
        meter.CreateObservableGauge("koers.duo.inbox.leeftijd", () => _inbox.OudsteSeconden ?? 0,
            "s", "Leeftijd van de oudste DUO-notificatie die nog wacht op verwerking (0: er wacht niets).");
    }

    public void DuoUitgaandMislukt(string uitkomst) => _uitgaandMislukt.Add(1, new KeyValuePair<string, object?>("uitkomst", uitkomst));

    public void Betaalrun() => _betaalruns.Add(1);

    public void Taak(string taak, string uitkomst, TimeSpan duur)
    {
        var t = new TagList { { "taak", taak }, { "uitkomst", uitkomst } };
        _taken.Add(1, t);
        _taakduur.Record(duur.TotalSeconds, t);
    }

    /// <summary>
    /// Reads the inbox depth and age into the gauges. A scrape reads the last snapshot and never queries the database
    /// itself, so a scraper (or an attacker who reaches it) cannot load the database.
    /// </summary>
    public async Task VernieuwInboxAsync(KoersDbContext db, DateTime nuUtc, CancellationToken ct = default)
    {
        var open = new[] { InboxStatus.Ontvangen, InboxStatus.Geparkeerd };
        var aantallen = await db.DuoNotificaties.AsNoTracking().Where(n => open.Contains(n.Status))
            .GroupBy(n => n.Status).Select(g => new { g.Key, Aantal = g.LongCount() }).ToListAsync(ct);
        var oudste = await db.DuoNotificaties.AsNoTracking().Where(n => n.Status == InboxStatus.Ontvangen)
            .OrderBy(n => n.OntvangenOp).Select(n => (DateTime?)n.OntvangenOp).FirstOrDefaultAsync(ct);
        var stand = open.ToDictionary(s => s.ToString(), s => aantallen.FirstOrDefault(a => a.Key == s)?.Aantal ?? 0);
        _inbox = new InboxStand(stand, oudste is { } o ? Math.Max(0, (nuUtc - DateTime.SpecifyKind(o, DateTimeKind.Utc)).TotalSeconds) : null);
    }

    private sealed record InboxStand(IReadOnlyDictionary<string, long> Aantallen, double? OudsteSeconden);
}

/// <summary>Refreshes the inbox gauges every 15 seconds; a failed read (database briefly away) keeps the last figures.</summary>
public sealed class MetingenVerversing(IServiceScopeFactory scopes, KoersMetingen metingen, Klok klok, ILogger<MetingenVerversing> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await metingen.VernieuwInboxAsync(scope.ServiceProvider.GetRequiredService<KoersDbContext>(), klok.NuUtc, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogDebug("Metingen van de DUO-inbox niet ververst: {Fout}", e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}

/// <summary>
/// Masks every BSN- or V-nummer-like value in a finished span's tags before any exporter sees it: an HttpClient span
/// to DUO carries <c>url.full</c> with <c>personen/{bsn}/…</c>, and a request path typed by a client can hold one.
/// The same rule as the log mask (<see cref="Nummers"/>), so traces promise what logs promise.
/// </summary>
public sealed class BsnMaskerendeSpans : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        List<KeyValuePair<string, string>>? te = null;
        foreach (var tag in data.TagObjects)
        {
            if (tag.Value is string s && Nummers.BevatNummer(s)) (te ??= []).Add(new(tag.Key, Nummers.Maskeer(s)));
        }

        if (te is not null)
        {
            foreach (var (k, v) in te) data.SetTag(k, v);
        }

        if (Nummers.BevatNummer(data.DisplayName)) data.DisplayName = Nummers.Maskeer(data.DisplayName);
        foreach (var e in data.Events)
        {
            // A recorded event cannot be changed. Exception recording is off in every instrumentation (the only source
            // of events with free text), so this should never fire; if one does, the span is flagged for the collector.
            foreach (var t in e.Tags)
            {
                if (t.Value is string s && Nummers.BevatNummer(s)) data.SetTag("koers.gebeurtenis.gemaskeerd", true);
            }
        }
    }
}

public static class Telemetrie
{
    /// <summary>Records traces without an OTLP endpoint too (for an exporter added in code, e.g. a test's).</summary>
    public const string SporenInstelling = "Koers:Telemetrie:Sporen";

    /// <summary>
    /// OpenTelemetry traces and metrics. Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the
    /// standard variable; also headers, protocol), and metrics on a Prometheus scrape endpoint (<see cref="MapMetingen"/>).
    /// Exception events are not recorded on spans: their messages can quote a value.
    /// </summary>
    public static IServiceCollection AddKoersTelemetrie(this IServiceCollection services, IConfiguration configuration, IHostEnvironment env)
    {
        services.AddSingleton<KoersMetingen>();
        services.AddHostedService<MetingenVerversing>();
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName: configuration["OTEL_SERVICE_NAME"] ?? "koers",
                serviceVersion: typeof(Telemetrie).Assembly.GetName().Version?.ToString(), serviceInstanceId: Environment.MachineName));
        // Traces only when something reads them (an OTLP endpoint, or Koers:Telemetrie:Sporen=true): without an exporter
        // every request and every EF statement still became a recorded span with its tags, the SQL text sanitised and
        // each tag scanned for a BSN, then dropped: 3-4 % of Koers's CPU on the case and worklist pages (issue #21).
        if (configuration.GetValue(SporenInstelling, otlp))
        {
            otel.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o =>
                {
                    // Health probes and scrapes every few seconds would drown the traces that matter.
                    o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health") && !ctx.Request.Path.StartsWithSegments("/metrics");
                    o.RecordException = false;
                })
                .AddHttpClientInstrumentation(o => o.RecordException = false)
                .AddEntityFrameworkCoreInstrumentation()
                .AddProcessor(new BsnMaskerendeSpans()));
        }

        otel.WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(KoersMetingen.Naam)
                // EF Core's own counters: queries, SaveChanges, and the compiled-query cache's hits and misses (a miss
                // compiles the query again: expression trees, IL, JIT; issue #21).
                .AddMeter("Microsoft.EntityFrameworkCore")
                .AddPrometheusExporter());
        if (otlp)
        {
            otel.UseOtlpExporter();
        }

        return services;
    }

    /// <summary>
    /// The Prometheus scrape endpoint at /metrics. With <c>Koers:Telemetrie:MetingenPoort</c> set it answers only on
    /// that port (e.g. 9090, listed in ASPNETCORE_HTTP_PORTS but not in the Service the ingress uses), so the
    /// figures never reach the internet; without it, on every port (a single server behind a proxy that does not
    /// forward /metrics).
    /// </summary>
    public static void MapMetingen(this WebApplication app)
    {
        var poort = app.Configuration.GetValue<int?>("Koers:Telemetrie:MetingenPoort");
        app.UseOpenTelemetryPrometheusScrapingEndpoint(ctx =>
            ctx.Request.Path == "/metrics" && (poort is null || ctx.Connection.LocalPort == poort));
    }
}

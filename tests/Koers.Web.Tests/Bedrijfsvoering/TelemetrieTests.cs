using System.Globalization;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Koers.Data;
using Koers.Data.Model.Duo;
using Koers.Web.Features.Duo;
using Koers.Web.Infrastructure;
using Koers.Web.Infrastructure.Bedrijfsvoering;
using Koers.Web.Infrastructure.Planning;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Koers.Web.Tests.Bedrijfsvoering;

/// <summary>
/// Traces and metrics (#18): requests, EF Core and HttpClient spans exist, and no BSN reaches any of them, also not
/// through DUO's URLs (<c>personen/{bsn}/…</c>) or a path a client typed; Koers's own instruments reach /metrics.
/// </summary>
[Collection(Metingen.Naam)]
public sealed partial class TelemetrieTests : IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly TelemetrieFactory _app;

    public TelemetrieTests() => _app = new TelemetrieFactory(_spans);

    public void Dispose() => _app.Dispose();

    /// <summary>
    /// One host only (WithWebHostBuilder would start the base host too, and with it a second "Koers" meter). Nothing
    /// listens on port 9: the DUO calls fail at once, but their spans (with the URL) are made.
    /// </summary>
    private sealed class TelemetrieFactory(List<Activity> spans) : KoersFactory
    {
        private readonly string _pad = Path.Combine(Path.GetTempPath(), $"koers-test-{Guid.NewGuid():N}.db");
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
        protected override string ConnectionString => $"Data Source={_pad};Pooling=false";

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // No OTLP endpoint here: the in-memory exporter below reads the traces, so they are switched on by setting.
            builder.UseSetting("Duo:Simulator", "false").UseSetting("Duo:BaseUrl", "http://127.0.0.1:9/v1").UseSetting(Telemetrie.SporenInstelling, "true")
                .ConfigureTestServices(s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            File.Delete(_pad);
        }
    }

    [GeneratedRegex("(?<![0-9])[0-9]{9,10}(?![0-9])")]
    private static partial Regex BsnAchtig();

    private List<Activity> Spans()
    {
        lock (_spans) return [.. _spans];
    }

    [Fact]
    public async Task Sporen_van_verzoeken_database_en_DUO_bevatten_geen_BSN()
    {
        using var client = _app.CreateClient();
        const string bsn = "999990019";
        // A client puts a BSN in a path (no such route): the request's span must not keep it.
        using (var a = await client.GetAsync($"/api/v1/inburgeraars/{bsn}?bsn={bsn}")) Assert.NotEqual(HttpStatusCode.InternalServerError, a.StatusCode);
        using (var a = await client.GetAsync("/api/v1/werkvoorraad")) Assert.Equal(HttpStatusCode.OK, a.StatusCode);

        // Koers asks DUO about a person: the URL holds the BSN.
        using (var scope = _app.Services.CreateScope())
        {
            var duo = scope.ServiceProvider.GetRequiredService<DuoClient>();
            await Assert.ThrowsAnyAsync<Exception>(() => duo.InburgeringsplichtAsync(bsn));
        }

        await Task.Delay(200);
        var spans = Spans();
        var http = spans.Where(s => s.Kind == ActivityKind.Client && s.GetTagItem("url.full") is string u && u.StartsWith("http://127.0.0.1:9/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(http);
        Assert.All(http, s => Assert.Contains("personen/*********/inburgeringsplicht", (string)s.GetTagItem("url.full")!));
        Assert.Contains(spans, s => s.Kind == ActivityKind.Server && s.GetTagItem("http.route") is "/api/v1/werkvoorraad");
        Assert.Contains(spans, s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") is string p && p.Contains("*********"));
        Assert.Contains(spans, s => s.Source.Name.Contains("EntityFrameworkCore") || s.GetTagItem("db.system") is not null || s.GetTagItem("db.system.name") is not null);

        // Not one tag, name or event of any span holds a 9- or 10-digit number.
        foreach (var s in spans)
        {
            Assert.False(BsnAchtig().IsMatch(s.DisplayName), s.DisplayName);
            foreach (var tag in s.TagObjects)
            {
                var tekst = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                Assert.False(BsnAchtig().IsMatch(tekst), $"{s.DisplayName}: {tag.Key}={tekst}");
            }

            foreach (var e in s.Events)
            {
                foreach (var t in e.Tags) Assert.False(BsnAchtig().IsMatch(Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? ""), $"{s.DisplayName} {e.Name}: {t.Key}");
            }
        }
    }

    /// <summary>
    /// Without an OTLP endpoint (and without Koers:Telemetrie:Sporen) nothing reads traces, so none are made: no tracer
    /// provider, and a request and its EF statements start no recorded activity (issue #21: they cost 3-4 % of the CPU of
    /// a page). Metrics stay on.
    /// </summary>
    [Fact]
    public async Task Zonder_exporter_worden_geen_sporen_gemaakt()
    {
        using var app = new SqliteFactory();
        using var client = app.CreateClient();
        Assert.Null(app.Services.GetService<TracerProvider>());
        var opgenomen = new List<string>();
        using var luisteraar = new ActivityListener
        {
            ShouldListenTo = bron => bron.Name.Contains("AspNetCore", StringComparison.Ordinal) || bron.Name.Contains("EntityFramework", StringComparison.Ordinal),
            // Only what another listener (OpenTelemetry's) asked to record counts; this one asks for nothing itself.
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
            ActivityStopped = a =>
            {
                if (a.Recorded) lock (opgenomen) opgenomen.Add(a.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(luisteraar);
        using (var a = await client.GetAsync("/api/v1/werkvoorraad")) Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        lock (opgenomen) Assert.Empty(opgenomen);
        Assert.NotNull(_app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task Metingen_van_verzoeken_DUO_inbox_en_achtergrondtaken_staan_op_metrics()
    {
        using var client = _app.CreateClient();
        using (var a = await client.GetAsync("/api/v1/werkvoorraad")) Assert.Equal(HttpStatusCode.OK, a.StatusCode);

        // Two notifications waiting, the oldest ten minutes: depth 2, age 600 s.
        var klok = _app.Services.GetRequiredService<Klok>();
        _app.Services.GetRequiredService<KoersMetingen>();
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KoersDbContext>();
            foreach (var minuten in new[] { 10, 2 })
            {
                db.DuoNotificaties.Add(new DuoNotificatie
                {
                    GebeurtenisId = "SS101", RegistratieDatumTijd = klok.NuUtc.AddMinutes(-minuten), OntvangenOp = klok.NuUtc.AddMinutes(-minuten),
                    Status = InboxStatus.Ontvangen, Persoonssleutel = "test-" + minuten, BerichtId = Guid.NewGuid(), Afzender = "test",
                });
            }

            await db.SaveChangesAsync();
            await _app.Services.GetRequiredService<KoersMetingen>().VernieuwInboxAsync(db, klok.NuUtc);
            await scope.ServiceProvider.GetRequiredService<Taaksloten>().OnderSlotAsync("telemetrietest", null, TimeSpan.FromMinutes(1), _ => Task.FromResult("klaar"));

            // An hours message to DUO, which is unreachable here (port 9): one failed send is counted.
            var dossier = db.Inburgeraars.First(i => i.Bsn != null).Id;
            var outbox = scope.ServiceProvider.GetRequiredService<DuoOutbox>();
            Assert.NotNull(await outbox.MeldGevolgdeUrenAsync(dossier, OutboxSoort.UrenTaallesKnm, 12));
            await db.SaveChangesAsync();
            Assert.Equal(1, await outbox.VerstuurAsync());
        }

        var tekst = await client.GetStringAsync("/metrics");
        var koers = string.Join('\n', tekst.Split('\n').Where(r => r.StartsWith("koers_", StringComparison.Ordinal)));
        foreach (var patroon in new[]
        {
            @"koers_duo_inbox_wachtend\{[^}]*status=""Ontvangen""[^}]*\} 2\b",
            @"koers_duo_inbox_leeftijd_seconds\{[^}]*\} 600\b",
            @"koers_achtergrond_taken_total\{[^}]*taak=""telemetrietest""[^}]*uitkomst=""voltooid""[^}]*\} 1\b",
            @"koers_duo_uitgaand_mislukt_total\{[^}]*uitkomst=""onbereikbaar""[^}]*\} 1\b",
        })
        {
            Assert.True(Regex.IsMatch(koers, patroon), $"{patroon} niet in:\n{koers}");
        }

        Assert.Contains("http_server_request_duration_seconds_bucket", tekst);
        // EF Core's own counters (docs/operations.md): the requests above compiled at least one query, so a miss.
        Assert.Matches(@"microsoft_entityframeworkcore_compiled_query_cache_misses_total\{[^}]*\} [1-9]", tekst);
        Assert.Contains("microsoft_entityframeworkcore_compiled_query_cache_hits_total", tekst);
        // No label holds a person's number (values are counts and bytes; labels are closed sets).
        foreach (Match labels in Regex.Matches(tekst, @"\{[^}]*\}")) Assert.False(BsnAchtig().IsMatch(labels.Value), labels.Value);
    }
}

/// <summary>
/// Alone: OpenTelemetry collects every meter named "Koers" in the process, so another test's host would add its own
/// inbox gauge to this host's /metrics.
/// </summary>
[CollectionDefinition(Naam, DisableParallelization = true)]
public sealed class Metingen
{
    public const string Naam = "Metingen (niet parallel)";
}

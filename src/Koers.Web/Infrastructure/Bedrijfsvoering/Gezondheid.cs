using System.Text.Json;
using Koers.Data;
using Koers.Web.Features.Duo;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Koers.Web.Infrastructure.Bedrijfsvoering;

/// <summary>
/// Whether the database schema is behind this version of Koers (migrations it knows that are not applied). Read at
/// most every <see cref="Geldig"/>; a schema that is <em>ahead</em> (a newer version migrated during a rolling
/// upgrade) is fine by the expand/contract rule in docs/operations.md.
/// </summary>
public sealed class Schemastand(IServiceScopeFactory scopes, TimeProvider tijd) : IDisposable
{
    public static readonly TimeSpan Geldig = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim _een = new(1, 1);

    /// <summary>The container disposes the singleton at shutdown.</summary>
    public void Dispose() => _een.Dispose();

    // A reference, replaced whole: requests read it without the semaphore, and a struct of two fields could tear.
    private sealed record Stand(DateTimeOffset Op, IReadOnlyList<string> Open);

    private volatile Stand? _laatst;

    /// <summary>The migrations not applied yet (empty: current); cached for <see cref="Geldig"/>.</summary>
    public async Task<IReadOnlyList<string>> OpenAsync(CancellationToken ct = default)
    {
        if (_laatst is { } l && tijd.GetUtcNow() - l.Op < Geldig) return l.Open;
        await _een.WaitAsync(ct);
        try
        {
            if (_laatst is { } l2 && tijd.GetUtcNow() - l2.Op < Geldig) return l2.Open;
            return await VernieuwAsync(ct);
        }
        finally
        {
            _een.Release();
        }
    }

    /// <summary>Reads the state now (after a migration, or in tests).</summary>
    public async Task<IReadOnlyList<string>> VernieuwAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KoersDbContext>();
        var open = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        _laatst = new Stand(tijd.GetUtcNow(), open);
        return open;
    }
}

/// <summary>The database answers a query.</summary>
public sealed class DatabaseCheck(KoersDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct)
                ? HealthCheckResult.Healthy("Database bereikbaar.")
                : HealthCheckResult.Unhealthy("Database niet bereikbaar.");
        }
        catch (Exception e)
        {
            // The type only: a driver's message can hold the host and user name.
            return HealthCheckResult.Unhealthy($"Database niet bereikbaar ({e.GetType().Name}).");
        }
    }
}

/// <summary>Every migration this version knows is applied.</summary>
public sealed class SchemaCheck(Schemastand stand) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var open = await stand.OpenAsync(ct);
            return open.Count == 0
                ? HealthCheckResult.Healthy("Schema is bij.")
                : HealthCheckResult.Unhealthy($"Schema loopt achter: {open.Count} migratie(s) niet uitgevoerd (nieuwste {open[^1]}). Voer 'Koers.Web migrate' uit.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"Schema niet te lezen ({e.GetType().Name}).");
        }
    }
}

/// <summary>Once SIGTERM arrived the instance reports not ready, so the load balancer stops sending new work while it drains.</summary>
public sealed class StoptCheck(IHostApplicationLifetime levensloop) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(levensloop.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("Instantie stopt.")
            : HealthCheckResult.Healthy("Instantie neemt werk aan."));
}

/// <summary>
/// DUO answers on its address (any HTTP answer counts; only no connection or a timeout does not). Degraded, never
/// unhealthy: without DUO the klantregisseurs keep working and the outbox waits, so taking Koers out of the load
/// balancer would turn a DUO outage into a Koers outage. Read at most once a minute.
/// </summary>
public sealed class DuoCheck(IHttpClientFactory http, DuoOpties opties, TimeProvider tijd) : IHealthCheck
{
    public const string Client = "DuoGezondheid";
    private sealed record Uitslag(DateTimeOffset Op, HealthCheckResult Uitkomst);

    private volatile Uitslag? _laatst;
    private static readonly TimeSpan Geldig = TimeSpan.FromMinutes(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (opties.Simulator && string.IsNullOrEmpty(opties.BaseUrl)) return HealthCheckResult.Healthy("DUO-simulator (in Koers zelf).");
        if (string.IsNullOrEmpty(opties.BaseUrl)) return HealthCheckResult.Degraded("Geen DUO-adres ingesteld (Duo__BaseUrl).");
        var nu = tijd.GetUtcNow();
        if (_laatst is { } l && l.Op > nu - Geldig) return l.Uitkomst;
        HealthCheckResult uitkomst;
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(TimeSpan.FromSeconds(3));
            using var verzoek = new HttpRequestMessage(HttpMethod.Head, opties.BaseUrl);
            using var antwoord = await http.CreateClient(Client).SendAsync(verzoek, cts.Token);
            uitkomst = HealthCheckResult.Healthy($"DUO antwoordt ({(int)antwoord.StatusCode}).");
        }
        catch (Exception e)
        {
            uitkomst = HealthCheckResult.Degraded($"DUO niet bereikbaar ({e.GetType().Name}); berichten wachten in de outbox.");
        }

        _laatst = new Uitslag(nu, uitkomst);
        return uitkomst;
    }
}

public static class Gezondheid
{
    private const string Gereed = "gereed";

    public static IServiceCollection AddKoersGezondheid(this IServiceCollection services)
    {
        services.AddSingleton<Schemastand>();
        services.AddHostedService<AfsluitVertraging>();
        services.AddHttpClient(DuoCheck.Client);
        services.AddSingleton<DuoCheck>(); // one instance, so its one-minute memory holds
        services.AddHealthChecks()
            .AddCheck<StoptCheck>("stopt", tags: [Gereed])
            .AddCheck<DatabaseCheck>("database", tags: [Gereed])
            .AddCheck<SchemaCheck>("schema", tags: [Gereed])
            .AddCheck<DuoCheck>("duo", failureStatus: HealthStatus.Degraded, tags: [Gereed]);
        return services;
    }

    /// <summary>
    /// /health/live: the process serves requests (no checks: a database outage must not make the orchestrator kill
    /// every instance). /health/ready: database, schema and not stopping; DUO as degraded (still 200). Anonymous,
    /// outside audit and rate limits; the answer names checks and states, never hosts or accounts.
    /// </summary>
    public static void MapGezondheid(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = SchrijfAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(Gereed),
            ResponseWriter = SchrijfAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
    }

    private static Task SchrijfAsync(HttpContext ctx, HealthReport rapport)
    {
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(ctx.Response.Body, new
        {
            status = rapport.Status.ToString(),
            duurMs = Math.Round(rapport.TotalDuration.TotalMilliseconds, 1),
            controles = rapport.Entries.Select(e => new { naam = e.Key, status = e.Value.Status.ToString(), omschrijving = e.Value.Description }),
        }, JsonSerializerOptions.Web);
    }

    /// <summary>
    /// Refuses to serve (503, Retry-After) while the schema is behind: a page or API call on missing columns would
    /// fail halfway or, worse, write half. Health and metrics stay reachable so the orchestrator can see why.
    /// </summary>
    public static void UseSchemabewaking(this WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            var pad = ctx.Request.Path;
            if (pad.StartsWithSegments("/health") || pad.StartsWithSegments("/metrics"))
            {
                await next();
                return;
            }

            var stand = ctx.RequestServices.GetRequiredService<Schemastand>();
            IReadOnlyList<string> open;
            try
            {
                open = await stand.OpenAsync(ctx.RequestAborted);
            }
            catch (Exception) when (!ctx.RequestAborted.IsCancellationRequested)
            {
                open = []; // database away: the request itself will say so; the ready probe already does
            }

            if (open.Count == 0)
            {
                await next();
                return;
            }

            ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            ctx.Response.Headers.RetryAfter = "30";
            const string tekst = "Koers wordt bijgewerkt: de database heeft nog niet de nieuwste inrichting. Probeer het over een minuut opnieuw.";
            if (pad.StartsWithSegments("/api"))
            {
                await Results.Problem(title: "Koers wordt bijgewerkt", detail: tekst, statusCode: 503).ExecuteAsync(ctx);
            }
            else
            {
                ctx.Response.ContentType = "text/html; charset=utf-8";
                await ctx.Response.WriteAsync($"<!doctype html><html lang=\"nl\"><meta charset=\"utf-8\"><title>Koers wordt bijgewerkt</title><h1>Koers wordt bijgewerkt</h1><p>{tekst}</p></html>");
            }
        });
    }
}

/// <summary>
/// On SIGTERM, keeps serving for <c>Koers:AfsluitVertragingSeconden</c> (default 0) while /health/ready already says
/// 503: the load balancer's next health check takes the instance out of the pool before Kestrel stops accepting, so
/// no new request meets a closed port. Runs before the server stops (IHostedLifecycleService.StoppingAsync).
/// </summary>
public sealed class AfsluitVertraging(IConfiguration configuration, ILogger<AfsluitVertraging> log) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var seconden = configuration.GetValue("Koers:AfsluitVertragingSeconden", 0);
        if (seconden <= 0) return;
        log.LogInformation("Stoppen: nog {Seconden} s verzoeken aannemen terwijl de load balancer de instantie uit de pool haalt", seconden);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(seconden), cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

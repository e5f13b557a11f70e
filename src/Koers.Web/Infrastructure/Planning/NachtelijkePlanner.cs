using Koers.Web.Features.Termijnen;

namespace Koers.Web.Infrastructure.Planning;

/// <summary>
/// Starts the nightly tasks. Every instance runs this timer; the lease in <see cref="Taaksloten"/> makes sure only
/// one of them does the work, once per Dutch date. A plain hosted timer: one daily task needs no scheduler library.
/// Settings: Koers:Planning:Aan (default on, off in the Test environment), Koers:Planning:Uur (Dutch hour from which
/// the run is due, default 2), Koers:Planning:ControleMinuten (how often an instance looks, default 5).
/// </summary>
public sealed class NachtelijkePlanner(IServiceScopeFactory scopes, TimeProvider tijd, IConfiguration configuration,
    IHostEnvironment env, ILogger<NachtelijkePlanner> log) : BackgroundService
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Koers:Planning:Aan", !env.IsEnvironment("Test"))) return;
        var uur = configuration.GetValue("Koers:Planning:Uur", 2);
        var interval = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Koers:Planning:ControleMinuten", 5)));
        using var timer = new PeriodicTimer(interval, tijd);
        do
        {
            try
            {
                var lokaal = TimeZoneInfo.ConvertTime(tijd.GetUtcNow(), Amsterdam);
                if (lokaal.Hour >= uur)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var uitkomst = await scope.ServiceProvider.GetRequiredService<TermijnTaak>().NachtelijkAsync(stoppingToken);
                    if (uitkomst is not null)
                    {
                        log.LogInformation("Nachtelijke herberekening uitgevoerd: {Open} open dossiers, {Termijnen} termijnen gewijzigd",
                            uitkomst.OpenDossiers, uitkomst.TermijnenGewijzigd);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A failed night is retried at the next check; the lease was freed.
                log.LogError(e, "Nachtelijke herberekening mislukt");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class PlanningRegistratie
{
    public static IServiceCollection AddPlanning(this IServiceCollection services)
    {
        services.AddSingleton<Instantie>();
        services.AddScoped<Taaksloten>();
        services.AddScoped<TermijnHerberekening>();
        services.AddScoped<TermijnTaak>();
        services.AddHostedService<NachtelijkePlanner>();
        return services;
    }
}

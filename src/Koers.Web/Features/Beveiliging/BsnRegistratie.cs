using Koers.Data;
using Koers.Data.Versleuteling;

namespace Koers.Web.Features.Beveiliging;

/// <summary>
/// The BSN keys (Koers:Bsn, see <see cref="BsnBescherming"/>): read and checked when the app is built, so a missing
/// or broken key stops the start with a message naming the setting, before anything is served or stored.
/// </summary>
public static class BsnRegistratie
{
    public static IServiceCollection AddBsnBescherming(this IServiceCollection services, IConfiguration configuration, IHostEnvironment env)
    {
        var bescherming = BsnBescherming.UitConfiguratie(configuration);
        // The development keys are in the repository; outside Development and Test they protect nothing.
        if (bescherming.GebruiktOntwikkelsleutel && !env.IsDevelopment() && !env.IsEnvironment("Test"))
        {
            throw new BsnSleutelFout(
                $"Omgeving {env.EnvironmentName} gebruikt de openbare ontwikkelsleutel uit appsettings.Development.json voor BSN's. " +
                "Zet eigen sleutels in Koers:Bsn:Sleutels en Koers:Bsn:IndexSleutels (openssl rand -base64 32).");
        }

        services.AddSingleton(bescherming);
        return services;
    }

    /// <summary>
    /// Start-up step after the migrations: encrypts what is still clear and, with Koers:Bsn:Herversleutel=true,
    /// re-encrypts and re-indexes everything under the active keys (key rotation). Logs counts only.
    /// </summary>
    public static async Task BijwerkenAsync(IServiceProvider scope, IConfiguration configuration)
    {
        var db = scope.GetRequiredService<KoersDbContext>();
        var herversleutelen = configuration.GetValue($"{BsnBescherming.Sectie}:Herversleutel", false);
        var rapport = await BsnOpslag.BijwerkenAsync(db, herversleutelen);
        var log = scope.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BsnRegistratie));
        if (rapport.Herschreven > 0 || herversleutelen)
        {
            log.LogInformation("BSN-opslag bijgewerkt ({Modus}): {Rijen} rijen herschreven ({PerTabel}); actieve sleutel {Sleutel}, indexsleutel {Index}",
                herversleutelen ? "herversleutelen" : "versleutelen", rapport.Herschreven,
                string.Join(", ", rapport.HerschrevenPerTabel.Where(t => t.Value > 0).Select(t => $"{t.Key}: {t.Value}")),
                scope.GetRequiredService<BsnBescherming>().ActieveSleutel, scope.GetRequiredService<BsnBescherming>().ActieveIndexSleutel);
        }
    }
}

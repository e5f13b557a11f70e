namespace Koers.Web.Features.Ontzorgen;

public static class OntzorgenRegistratie
{
    /// <summary>The services of financieel ontzorgen: policy, case commands, payment runs and the worklist signals.</summary>
    public static IServiceCollection AddOntzorgen(this IServiceCollection services) => services
        .AddScoped<OntzorgenBeleidService>()
        .AddScoped<OntzorgenService>()
        .AddScoped<BetaalrunService>()
        .AddScoped<OntzorgenSignalenQuery>();
}

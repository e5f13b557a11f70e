namespace Koers.Web.Features.Geldzaken;

public static class GeldzakenRegistratie
{
    /// <summary>The services of geldzaken: the case's krediet and statement, and the worklist signal.</summary>
    public static IServiceCollection AddGeldzaken(this IServiceCollection services) => services
        .AddScoped<GeldzakenService>()
        .AddScoped<KredietSignalenQuery>();
}

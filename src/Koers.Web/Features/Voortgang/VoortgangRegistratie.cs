namespace Koers.Web.Features.Voortgang;

public static class VoortgangRegistratie
{
    /// <summary>The services of progress: partner reporting, the CSV attendance import, and the case's progress and talks.</summary>
    public static IServiceCollection AddVoortgang(this IServiceCollection services) => services
        .AddScoped<RapportageService>()
        .AddScoped<UrenCsvImport>()
        .AddScoped<VoortgangService>();
}

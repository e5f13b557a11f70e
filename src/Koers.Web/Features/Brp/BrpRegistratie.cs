using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure;

namespace Koers.Web.Features.Brp;

public static class BrpRegistratie
{
    /// <summary>Who may start the BRP check by hand: functioneel beheer (all cases) and teamleiders (their reach).</summary>
    public const string ControleBeleid = "BrpControle";

    public static IServiceCollection AddBrp(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment env)
    {
        var opties = configuration.GetSection("Brp").Get<BrpOpties>() ?? new BrpOpties();
        if (configuration["Brp:Simulator"] is null) opties.Simulator = env.IsDevelopment() || env.IsEnvironment("Test");
        if (configuration["Brp:Achtergrond"] is null && env.IsEnvironment("Test")) opties.Achtergrond = false;
        services.AddSingleton(opties);
        services.AddHttpClient<BrpClient>(h => h.Timeout = TimeSpan.FromSeconds(20));
        services.AddSingleton<BrpSimulator>();
        services.AddScoped<BrpService>();
        services.AddScoped<BrpControle>();
        if (opties.Achtergrond) services.AddHostedService<BrpAchtergrond>();
        services.AddAuthorizationBuilder().AddPolicy(ControleBeleid, p => p.RequireRole(Rollen.FunctioneelBeheerder, Rollen.Teamleider));
        return services;
    }

    public static void MapBrp(this WebApplication app, RouteGroupBuilder api)
    {
        var dossier = api.MapGroup("/inburgeraars/{id:guid}/brp").RequireAuthorization(Beleid.Dossierwerk).WithTags("BRP");
        dossier.MapPost("/raadplegen", async (Guid id, BrpService brp, CancellationToken ct) => Antwoord(await brp.VergelijkAsync(id, ct)))
            .WithSummary("De BRP raadplegen voor dit dossier (naam, adres, inschrijving, huishouden) naast wat Koers heeft; wijzigt niets, wel gelogd");
        dossier.MapPost("/overnemen", async (Guid id, BrpOvernemenInvoer invoer, BrpService brp, CancellationToken ct) => Antwoord(await brp.OvernemenAsync(id, invoer.Versie, ct)))
            .WithSummary("De getoonde BRP-gegevens bevestigen en overnemen (met de mijlpaal Inschrijving BRP); 'versie' komt uit het antwoord van raadplegen");
        dossier.MapGet("/signalen", async (Guid id, BrpService brp, Toegang toegang, CancellationToken ct) =>
                await toegang.MagDossierAsync(id, ct) ? Results.Ok(await brp.OpenSignalenAsync(id, ct)) : Problemen.NietGevonden())
            .WithSummary("Open signalen uit de BRP-controle (verhuisd buiten de gemeente, overleden)");
        dossier.MapPost("/signalen/{signaal:long}/afgehandeld", async (Guid id, long signaal, BrpService brp, CancellationToken ct) =>
                await brp.AfhandelenAsync(id, signaal, ct) ? Results.NoContent() : Problemen.NietGevonden())
            .WithSummary("Een BRP-signaal als afgehandeld markeren; het dossier wordt niet automatisch gesloten");
        api.MapPost("/brp/registratie/raadplegen", async (BrpRegistratieInvoer invoer, BrpService brp, CancellationToken ct) =>
                Antwoord(await brp.VoorRegistratieAsync(invoer.Bsn, invoer.Gemeente, ct)))
            .RequireAuthorization(Beleid.Dossierwerk)
            .WithTags("BRP")
            .WithSummary("De BRP raadplegen bij registratie (nog geen dossier): BSN en gemeente in de body, nooit in het adres");
        api.MapPost("/brp/controle", async (BrpService brp, CancellationToken ct) =>
                await brp.ControleerNuAsync(ct) is { } uitkomst
                    ? Results.Ok(uitkomst)
                    : Problemen.Validatie(new() { ["controle"] = ["Er loopt al een BRP-controle. Probeer het over een paar minuten opnieuw."] }))
            .RequireAuthorization(ControleBeleid)
            .WithTags("BRP")
            .WithSummary("De controle van lopende dossiers in de BRP (verhuizing, overlijden) nu uitvoeren");
        if (app.Services.GetRequiredService<BrpOpties>().Simulator) BrpSimulator.MapBrpSimulator(app);
    }

    private static IResult Antwoord<T>(BrpUitkomst<T> uitkomst) =>
        uitkomst.NietToegestaan ? Problemen.NietGevonden()
        : uitkomst.Waarde is { } w ? Results.Ok(w)
        : Problemen.Validatie(new() { ["brp"] = [uitkomst.Fout!] });
}

public sealed record BrpOvernemenInvoer(string? Versie);

public sealed record BrpRegistratieInvoer(string? Bsn, string? Gemeente);

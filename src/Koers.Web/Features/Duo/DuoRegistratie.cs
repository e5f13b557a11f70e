using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Duo;
using Koers.Data.Versleuteling;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Duo;

public static class DuoRegistratie
{
    /// <summary>Who may see and resolve parked DUO events: functioneel beheer and the case workers.</summary>
    public const string Beleidsnaam = "DuoBeheer";

    public static IServiceCollection AddDuo(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment env)
    {
        var opties = configuration.GetSection("Duo").Get<DuoOpties>() ?? new DuoOpties();
        if (configuration["Duo:Simulator"] is null) opties.Simulator = env.IsDevelopment() || env.IsEnvironment("Test");
        // Tests call the processor and sender themselves, so every step is deterministic.
        if (configuration["Duo:Achtergrond"] is null && env.IsEnvironment("Test")) opties.Achtergrond = false;
        if (configuration["Duo:Gemeente"] is null && opties.Simulator) opties.Gemeente = "GM1724";
        opties.Vul();
        services.AddSingleton(opties);
        services.AddHttpClient<DuoClient>(h => h.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(DuoSimulator.NotificatieClient);
        services.AddSingleton<DuoSimulator>();
        services.AddScoped<DuoVerwerker>();
        services.AddScoped<DuoInbox>();
        services.AddScoped<DuoOutbox>();
        services.AddScoped<DuoOverzicht>();
        if (opties.Achtergrond) services.AddHostedService<DuoAchtergrond>();
        services.AddAuthorizationBuilder().AddPolicy(Beleidsnaam, p => p.RequireRole(Rollen.FunctioneelBeheerder, Rollen.Klantregisseur, Rollen.Teamleider));
        return services;
    }

    public static void MapDuo(this WebApplication app, RouteGroupBuilder api)
    {
        api.MapDuoNotificatieApi();
        var beheer = api.MapGroup("/duo").RequireAuthorization(Beleidsnaam).WithTags("DUO");
        beheer.MapGet("/inbox", async (InboxStatus? status, DuoOverzicht overzicht, CancellationToken ct) =>
                TypedResults.Ok(await overzicht.InboxAsync(status, ct)))
            .WithSummary("DUO-notificaties (standaard: geparkeerd)");
        beheer.MapPost("/inbox/{id:long}/opnieuw", async (long id, DuoInbox inbox, DuoOverzicht overzicht, HuidigeGebruiker g, CancellationToken ct) =>
                !await overzicht.MagAsync(id, ct) ? Problemen.NietGevonden() : await inbox.OpnieuwAsync(id, g.Naam, ct) ? Results.NoContent() : Problemen.Validatie(new() { ["id"] = ["Geen geparkeerde melding met dit nummer."] }))
            .WithSummary("Geparkeerde notificatie opnieuw aanbieden");
        beheer.MapPost("/inbox/{id:long}/afhandelen", async (long id, AfhandelInvoer? invoer, DuoInbox inbox, DuoOverzicht overzicht, HuidigeGebruiker g, CancellationToken ct) =>
            {
                if (!await overzicht.MagAsync(id, ct)) return Problemen.NietGevonden();
                if (invoer?.Toelichting?.Length > 1000) return Problemen.Validatie(new() { ["toelichting"] = ["Hoogstens 1000 tekens."] });
                return await inbox.AfhandelenAsync(id, g.Naam, invoer?.Toelichting, ct) ? Results.NoContent() : Problemen.Validatie(new() { ["id"] = ["Geen geparkeerde melding met dit nummer."] });
            })
            .WithSummary("Geparkeerde notificatie als afgehandeld markeren");
        api.MapGet("/inburgeraars/{id:guid}/duo", async (Guid id, DuoOverzicht overzicht, Toegang toegang, CancellationToken ct) =>
                await toegang.MagDossierAsync(id, ct) ? Results.Ok(await overzicht.BerichtenAsync(id, ct)) : Problemen.NietGevonden())
            .RequireAuthorization(Beleid.Dossierwerk)
            .WithTags("DUO")
            .WithSummary("Berichten van en naar DUO voor één dossier, met weigeringen");
        if (app.Services.GetRequiredService<DuoOpties>().Simulator) DuoSimulator.MapDuoSimulator(app);
    }
}

public sealed record AfhandelInvoer(string? Toelichting);

public sealed record InboxRegel(long Id, string GebeurtenisId, string? Omschrijving, DateTime RegistratieDatumTijd, DateTime OntvangenOp,
    InboxStatus Status, int Pogingen, string? LaatsteFout, string? Resultaat, Guid? InburgeraarId, string? BsnGemaskeerd, string? AfgehandeldDoor);

public sealed record UitgaandRegel(Guid Id, OutboxSoort Soort, string Omschrijving, OutboxStatus Status, int? Antwoordcode, string? Melding,
    DateTime AangemaaktOp, DateTime? VerzondenOp);

public sealed record DossierDuo(IReadOnlyList<UitgaandRegel> Uitgaand, IReadOnlyList<InboxRegel> Ontvangen);

/// <summary>Read side for the beheer page, the case page and the API. BSNs leave only masked.</summary>
public sealed class DuoOverzicht(KoersDbContext db, Toegang toegang, BsnBescherming bescherming)
{
    /// <summary>
    /// The events this user may see: a functioneel beheerder all of them (BSN masked; they resolve technical
    /// parking), a klantregisseur or teamleider only events linked to a case within their reach, so one
    /// municipality never sees another's inburgeraars through the DUO inbox.
    /// </summary>
    private async Task<IQueryable<DuoNotificatie>> ZichtbaarAsync(CancellationToken ct)
    {
        var bereik = await toegang.BereikAsync(ct);
        var alle = db.DuoNotificaties.AsNoTracking();
        if (bereik.Heeft(Rollen.FunctioneelBeheerder)) return alle;
        var dossiers = (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct)).Select(i => i.Id);
        return alle.Where(n => n.InburgeraarId != null && dossiers.Contains(n.InburgeraarId.Value));
    }

    /// <summary>Whether this user may retry or resolve the event (same rule as seeing it).</summary>
    public async Task<bool> MagAsync(long id, CancellationToken ct = default) =>
        await (await ZichtbaarAsync(ct)).AnyAsync(n => n.Id == id, ct);

    private static readonly System.Globalization.CultureInfo Nl = new("nl-NL");

    public static string Tijd(DateTime utc) => Klok.NaarNederlandseTijd(utc).ToString("d MMM yyyy HH:mm", Nl);

    public async Task<IReadOnlyList<InboxRegel>> InboxAsync(InboxStatus? status, CancellationToken ct = default)
    {
        var s = status ?? InboxStatus.Geparkeerd;
        var rijen = await (await ZichtbaarAsync(ct)).Where(n => n.Status == s)
            .OrderByDescending(n => n.OntvangenOp).ThenByDescending(n => n.Id).Take(200).ToListAsync(ct);
        return rijen.Select(Regel).ToList();
    }

    public async Task<DossierDuo> BerichtenAsync(Guid inburgeraarId, CancellationToken ct = default)
    {
        var uit = await db.DuoUitgaandeBerichten.AsNoTracking().Where(b => b.InburgeraarId == inburgeraarId)
            .OrderByDescending(b => b.AangemaaktOp).Take(50).ToListAsync(ct);
        var bsn = await db.Inburgeraars.AsNoTracking().Where(i => i.Id == inburgeraarId).Select(i => i.Bsn).FirstOrDefaultAsync(ct);
        // Also the events of this person not (yet) linked to the case, by the blind index of the BSN.
        var sleutels = bsn is null ? [] : bescherming.Indexen(Nummersoort.Bsn, bsn);
        var ontvangen = await db.DuoNotificaties.AsNoTracking()
            .Where(n => n.InburgeraarId == inburgeraarId || sleutels.Contains(n.Persoonssleutel))
            .OrderByDescending(n => n.RegistratieDatumTijd).Take(50).ToListAsync(ct);
        return new DossierDuo(
            uit.Select(b => new UitgaandRegel(b.Id, b.Soort, b.Omschrijving, b.Status, b.Antwoordcode, b.Melding, b.AangemaaktOp, b.VerzondenOp)).ToList(),
            ontvangen.Select(Regel).ToList());
    }

    private static InboxRegel Regel(DuoNotificatie n) => new(n.Id, n.GebeurtenisId, Koers.Domain.Duo.DuoGebeurtenissen.Zoek(n.GebeurtenisId)?.Omschrijving,
        n.RegistratieDatumTijd, n.OntvangenOp, n.Status, n.Pogingen, n.LaatsteFout, n.Resultaat, n.InburgeraarId,
        n.Bsn is { Length: 9 } b ? "******" + b[^3..] : n.VNummer is { } v ? "V-nummer ****" + (v % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture) : null,
        n.AfgehandeldDoor);
}

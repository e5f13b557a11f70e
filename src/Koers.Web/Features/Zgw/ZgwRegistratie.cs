using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Zgw;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Zgw;

public sealed record ZgwStapRegel(long Id, ZgwOpdrachtSoort Soort, string Omschrijving, ZgwOpdrachtStatus Status, int Pogingen, string? Melding, string? Url,
    DateTime AangemaaktOp, DateTime? VerwerktOp, DateTime? VolgendePogingOp, Guid InburgeraarId);

/// <summary>The case's zaaksysteem page: the person's name and the zaak with its steps.</summary>
public sealed record ZgwDossier(string Naam, ZgwZaakStand Stand);

public sealed record ZgwZaakStand(bool Aan, string? Identificatie, string? Url, DateOnly? Einddatum, string? Archiefnominatie, DateOnly? Archiefactiedatum, IReadOnlyList<ZgwStapRegel> Stappen);

public static class ZgwRegistratie
{
    /// <summary>Who sees every step and may run the outbox now: functioneel beheer. Retrying a case's step is dossierwerk within reach.</summary>
    public const string BeheerBeleid = "ZgwBeheer";

    /// <summary>The stand-in's secret in Development and Test when none is set (the demo signs its own tokens).</summary>
    public const string DemoGeheim = "koers-demo-geheim-voor-de-zaaksysteem-stand-in";

    public static IServiceCollection AddZgw(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment env)
    {
        var opties = configuration.GetSection("Zgw").Get<ZgwOpties>() ?? new ZgwOpties();
        if (configuration["Zgw:Simulator"] is null) opties.Simulator = env.IsDevelopment() || env.IsEnvironment("Test");
        if (configuration["Zgw:Achtergrond"] is null && env.IsEnvironment("Test")) opties.Achtergrond = false;
        if (opties.Simulator && string.IsNullOrEmpty(opties.Secret)) opties.Secret = DemoGeheim;
        services.AddSingleton(opties);
        services.AddSingleton<ZgwGemeenten>();
        services.AddSingleton<ZgwCatalogi>();
        // The demo keeps the stand-in's zaken in a file beside its database, so a restart does not orphan them.
        var bestand = env.IsDevelopment() ? configuration["Zgw:SimulatorBestand"] ?? Path.Combine(env.ContentRootPath, "zgw-demo", "zaaksysteem.json") : configuration["Zgw:SimulatorBestand"];
        services.AddSingleton(sp => new ZgwSimulator(opties, sp.GetRequiredService<TimeProvider>(), bestand, bewaarVerzoeken: env.IsEnvironment("Test")));
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, ZgwVastlegger>();
        services.AddHttpClient<ZgwClient>(h => h.Timeout = TimeSpan.FromSeconds(60));
        services.AddScoped<ZgwVerwerker>();
        services.AddScoped<ZgwService>();
        if (opties.Achtergrond && opties.Aan) services.AddHostedService<ZgwAchtergrond>();
        services.AddAuthorizationBuilder().AddPolicy(BeheerBeleid, p => p.RequireRole(Rollen.FunctioneelBeheerder));
        return services;
    }

    public static void MapZgw(this WebApplication app, RouteGroupBuilder api)
    {
        var d = api.MapGroup("/inburgeraars/{id:guid}/zaaksysteem").RequireAuthorization(Beleid.Dossierwerk).WithTags("Zaaksysteem (ZGW)");
        d.MapGet("", async Task<Results<Ok<ZgwZaakStand>, ProblemHttpResult>> (Guid id, ZgwService zgw, CancellationToken ct) =>
                await zgw.StandAsync(id, ct) is { } s ? TypedResults.Ok(s) : Problemen.NietGevonden())
            .WithSummary("De zaak van dit dossier in het zaaksysteem (identificatie, archiefnominatie, archiefactiedatum) en elke stap ernaartoe met zijn status");
        var b = api.MapGroup("/zaaksysteem").WithTags("Zaaksysteem (ZGW)");
        b.MapPost("/stappen/{stap:long}/opnieuw", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (long stap, ZgwService zgw, CancellationToken ct) =>
                await zgw.OpnieuwAsync(stap, ct) switch
                {
                    null => Problemen.NietGevonden(),
                    true => TypedResults.NoContent(),
                    false => Problemen.Validatie(new() { ["stap"] = ["Alleen een mislukte stap kan opnieuw worden aangeboden."] }),
                })
            .RequireAuthorization(Beleid.Dossierwerk)
            .WithSummary("Een mislukte stap naar het zaaksysteem opnieuw aanbieden (eigen bereik; functioneel beheer: alle); wordt gelogd");
        b.MapGet("/stappen", async (ZgwService zgw, CancellationToken ct) => TypedResults.Ok(await zgw.OpenAsync(ct)))
            .RequireAuthorization(BeheerBeleid)
            .WithSummary("Stappen naar het zaaksysteem die wachten of mislukt zijn");
        if (app.Services.GetRequiredService<ZgwOpties>().Simulator) ZgwSimulator.MapZgwSimulator(app);
    }
}

/// <summary>The staff side of the archive link: what a case's zaak looks like, retrying a failed step, the open steps for beheer.</summary>
public sealed class ZgwService(KoersDbContext db, Toegang toegang, DossierService dossiers, ZgwOpties opties, HuidigeGebruiker gebruiker)
{
    public const string Doel = "Zaak in het zaaksysteem bekeken";

    public Task<ZgwZaakStand?> StandAsync(Guid id, CancellationToken ct = default) => StandAsync(id, alleenZichtbaar: false, ct);

    /// <summary>
    /// The stand for the case page's block, which shows nothing unless the municipality archives in a zaaksysteem or the
    /// case has a zaak: then null, without reading the steps (one statement less on most case pages).
    /// </summary>
    public Task<ZgwZaakStand?> StandOpDossierpaginaAsync(Guid id, CancellationToken ct = default) => StandAsync(id, alleenZichtbaar: true, ct);

    // Compiled (Koers.Data.Gecompileerd): on every case page.
    private static readonly Gecompileerd.Een<Guid, ZgwZaak?> Zaak = Gecompileerd.Rij((KoersDbContext db, Guid id) =>
        db.ZgwZaken.AsNoTracking().FirstOrDefault(z => z.InburgeraarId == id));

    private async Task<ZgwZaakStand?> StandAsync(Guid id, bool alleenZichtbaar, CancellationToken ct)
    {
        if (!await toegang.MagDossierAsync(id, ct) || !(await toegang.BereikAsync(ct)).WerktMetDossiers) return null;
        // On the case page the case is already open in this request: its municipality is known.
        var code = toegang.Geopend(id) is { } geopend
            ? geopend.Gemeente!.Code
            : await db.Inburgeraars.AsNoTracking().Where(i => i.Id == id).Select(i => i.Gemeente!.Code).FirstOrDefaultAsync(ct);
        var aan = opties.Voor(code) is not null;
        var zaak = await Zaak.AlsAsync(db, id, ct);
        if (alleenZichtbaar && !aan && zaak?.Identificatie is null) return null;
        var stappen = await db.ZgwOpdrachten.AsNoTracking().Where(o => o.InburgeraarId == id).OrderByDescending(o => o.Id).Take(200).ToListAsync(ct);
        return new ZgwZaakStand(aan, zaak?.Identificatie, zaak?.Url, zaak?.Einddatum, zaak?.Archiefnominatie, zaak?.Archiefactiedatum,
            stappen.Select(Regel).ToList());
    }

    /// <summary>The case's zaaksysteem page; null when the case is out of reach (as <see cref="StandAsync"/>).</summary>
    public async Task<ZgwDossier?> DossierAsync(Guid id, CancellationToken ct = default)
    {
        var stand = await StandAsync(id, ct);
        if (stand is null) return null;
        var naam = await db.Inburgeraars.AsNoTracking().Where(i => i.Id == id).Select(i => i.Voornamen + " " + i.Achternaam).FirstAsync(ct);
        return new ZgwDossier(naam, stand);
    }

    /// <summary>
    /// <see cref="OpnieuwAsync"/> for a step of this case only: a step id from a form cannot reach another case's step
    /// through the case's page. Null: not a step of this case, or out of reach.
    /// </summary>
    public async Task<bool?> OpnieuwVoorDossierAsync(Guid id, long stap, CancellationToken ct = default)
    {
        var vanDitDossier = await db.ZgwOpdrachten.AsNoTracking().AnyAsync(o => o.Id == stap && o.InburgeraarId == id, ct);
        return vanDitDossier ? await OpnieuwAsync(stap, ct) : null;
    }

    /// <summary>Every municipality's name by its code, for the catalogus check on the beheer page.</summary>
    public async Task<Dictionary<string, string>> GemeentenamenAsync(CancellationToken ct = default) =>
        await db.Gemeenten.AsNoTracking().ToDictionaryAsync(g => g.Code, g => g.Naam, StringComparer.OrdinalIgnoreCase, ct);

    /// <summary>Waiting and failed steps within the user's reach (functioneel beheer: all), the failed first.</summary>
    public async Task<IReadOnlyList<ZgwStapRegel>> OpenAsync(CancellationToken ct = default) =>
        (await (await ZichtbaarAsync(ct)).Where(o => o.Status == ZgwOpdrachtStatus.Mislukt || o.Status == ZgwOpdrachtStatus.Wachtend)
            .OrderBy(o => o.Status == ZgwOpdrachtStatus.Mislukt ? 0 : 1).ThenBy(o => o.Id).Take(500).ToListAsync(ct)).Select(Regel).ToList();

    public async Task<(int Klaar, int Wachtend, int Mislukt)> TellingAsync(CancellationToken ct = default)
    {
        var q = await ZichtbaarAsync(ct);
        var per = await q.GroupBy(o => o.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        int N(ZgwOpdrachtStatus s) => per.FirstOrDefault(p => p.Key == s)?.N ?? 0;
        return (N(ZgwOpdrachtStatus.Klaar), N(ZgwOpdrachtStatus.Wachtend), N(ZgwOpdrachtStatus.Mislukt));
    }

    private async Task<IQueryable<ZgwOpdracht>> ZichtbaarAsync(CancellationToken ct)
    {
        var bereik = await toegang.BereikAsync(ct);
        var alle = db.ZgwOpdrachten.AsNoTracking();
        if (bereik.Heeft(Rollen.FunctioneelBeheerder)) return alle;
        var ids = (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct)).Select(i => i.Id);
        return alle.Where(o => ids.Contains(o.InburgeraarId));
    }

    /// <summary>Null: not found or out of reach; false: not failed. The step is offered again from scratch (it finds what was made already).</summary>
    public async Task<bool?> OpnieuwAsync(long stap, CancellationToken ct = default)
    {
        var o = await (await ZichtbaarAsync(ct)).AsTracking().FirstOrDefaultAsync(x => x.Id == stap, ct);
        if (o is null) return null;
        if (o.Status != ZgwOpdrachtStatus.Mislukt) return false;
        o.Status = ZgwOpdrachtStatus.Wachtend;
        o.Pogingen = 0;
        o.VolgendePogingOp = null;
        o.BezigSinds = null;
        o.Melding = $"Opnieuw aangeboden door {gebruiker.Naam} (was mislukt: {o.Melding})";
        if (o.Melding.Length > 1900) o.Melding = o.Melding[..1900] + "…";
        dossiers.Audit(AuditActie.Wijzigen, o.InburgeraarId, $"Zaaksysteem: {ZgwVerwerker.Omschrijving(o)} opnieuw aangeboden");
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static ZgwStapRegel Regel(ZgwOpdracht o) =>
        new(o.Id, o.Soort, ZgwVerwerker.Omschrijving(o), o.Status, o.Pogingen, o.Melding, o.Url, o.AangemaaktOp, o.VerwerktOp, o.VolgendePogingOp, o.InburgeraarId);
}

using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Duo;
using Koers.Data.Versleuteling;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure;
using Koers.Domain.Identity;
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
        var duoClient = services.AddHttpClient<DuoClient>(h => h.Timeout = TimeSpan.FromSeconds(30));
        if (opties.Digikoppeling.Aan)
        {
            // Every call to DUO carries our PKIoverheid certificate; DUO's server certificate must chain to DUO's CA.
            // Loaded now, so a missing or wrong certificate stops the start instead of the first call to DUO.
            _ = opties.Digikoppeling.Ca;
            if (!string.IsNullOrWhiteSpace(opties.BaseUrl)) _ = Digikoppeling.LaadEigenCertificaat(opties.Digikoppeling);
            if (!string.IsNullOrWhiteSpace(opties.Digikoppeling.Certificaat))
            {
                duoClient.ConfigurePrimaryHttpMessageHandler(() => Digikoppeling.Handler(opties.Digikoppeling));
            }
        }

        // DUO's M2M API answers, it never redirects. A redirect means a wrong Duo:BaseUrl or something in between (a portal's
        // login page), and following it would send the request, the BSN in its path and the body, on to another address.
        // Found in the benchmark: messages the simulator did not know were sent on to Koers's own login and error pages,
        // fifty times each, as PUTs. Not followed, a redirect is an error (DuoClient.FoutAsync) and the message waits.
        duoClient.ConfigurePrimaryHttpMessageHandler((handler, _) =>
        {
            if (handler is SocketsHttpHandler sockets) sockets.AllowAutoRedirect = false;
            else if (handler is HttpClientHandler client) client.AllowAutoRedirect = false;
        });

        services.AddHttpClient(DuoSimulator.NotificatieClient);
        services.AddSingleton<DuoSimulator>();
        services.AddScoped<DuoVerwerker>();
        services.AddScoped<DuoInbox>();
        services.AddScoped<DuoOutbox>();
        services.AddScoped<DuoOverzicht>();
        services.AddScoped<DuoGegevens>();
        services.AddScoped<DuoActies>();
        services.AddScoped<DuoContactpersonen>();
        services.AddScoped<DuoAanbod>();
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
        api.MapPost("/inburgeraars/{id:guid}/duo/meldingen/{melding:long}/actie-afgehandeld", async (Guid id, long melding, DuoActies acties, CancellationToken ct) =>
                await acties.AfhandelenAsync(id, melding, ct) ? Results.NoContent() : Problemen.NietGevonden())
            .RequireAuthorization(Beleid.Dossierwerk)
            .WithTags("DUO")
            .WithSummary("De actie op een DUO-melding (overlijden, besluit, overgenomen PIP) als gedaan markeren; verdwijnt van de werkvoorraad");
        api.MapPost("/inburgeraars/{id:guid}/duo/meldingen/{melding:long}/opnieuw", async (Guid id, long melding, DuoInbox inbox, Toegang toegang, HuidigeGebruiker g, CancellationToken ct) =>
                !await toegang.MagDossierAsync(id, ct) ? Problemen.NietGevonden()
                : await inbox.OpnieuwVoorDossierAsync(id, melding, g.Naam, ct) ? Results.NoContent()
                : Problemen.Validatie(new() { ["melding"] = ["Geen geparkeerde melding van dit dossier met dit nummer."] }))
            .RequireAuthorization(Beleid.Dossierwerk)
            .WithTags("DUO")
            .WithSummary("Een geparkeerde DUO-melding van dit dossier opnieuw aanbieden");
        api.MapPost("/duo/uitgaand/{bericht:guid}/opnieuw", async (Guid bericht, DuoOutbox outbox, DuoOverzicht overzicht, CancellationToken ct) =>
                !await overzicht.MagBerichtAsync(bericht, ct) ? Problemen.NietGevonden()
                : await outbox.OpnieuwAsync(bericht, ct) ? Results.NoContent()
                : Problemen.Validatie(new() { ["bericht"] = ["Dit bericht kan niet opnieuw worden verstuurd: alleen een bericht dat DUO weigerde of dat mislukte. Een bericht dat Koers zelf tegenhield, moet eerst op het dossier worden verbeterd."] }))
            .RequireAuthorization(Beleidsnaam)
            .WithTags("DUO")
            .WithSummary("Een door DUO geweigerd of mislukt bericht opnieuw versturen");
        api.MapGet("/inburgeraars/{id:guid}/duo", async (Guid id, DuoOverzicht overzicht, Toegang toegang, CancellationToken ct) =>
                await toegang.MagDossierAsync(id, ct) ? Results.Ok(await overzicht.BerichtenAsync(id, ct)) : Problemen.NietGevonden())
            .RequireAuthorization(Beleid.Dossierwerk)
            .WithTags("DUO")
            .WithSummary("Berichten van en naar DUO voor één dossier, met weigeringen");
        api.MapGet("/inburgeraars/{id:guid}/duo/gegevens", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<DuoGegevensStand>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> (
                Guid id, DuoGegevens gegevens, CancellationToken ct) =>
                await gegevens.LeesAsync(id, ct) is { } stand ? TypedResults.Ok(stand) : Problemen.NietGevonden())
            .RequireAuthorization(Beleid.Dossierwerk)
            .WithTags("DUO")
            .WithSummary("Wat DUO nu weet: historie van plicht, doelgroep en termijn, gratis examenpogingen, examennummer leerbaarheidstoets (gelogd)");
        var aanbod = api.MapGroup("/inburgeraars/{id:guid}/inburgeringsaanbod").WithTags("DUO").RequireAuthorization(Beleid.Dossierwerk);
        aanbod.MapGet("/", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<IReadOnlyList<AanbodDto>>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> (
                Guid id, DuoAanbod s, CancellationToken ct) => await s.VanDossierAsync(id, ct) is { } l ? TypedResults.Ok(l) : Problemen.NietGevonden())
            .WithSummary("Het inburgeringsaanbod van de inburgeraar zoals aan DUO gemeld (Wi2021 art. 16), met de stand bij DUO");
        aanbod.MapPost("/", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Created<Guid>, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> (
                Guid id, AanbodInvoer invoer, DuoAanbod s, CancellationToken ct) =>
            {
                var u = await s.MeldenAsync(id, invoer, ct);
                if (u.NietGevonden) return Problemen.NietGevonden();
                return u.Gelukt ? TypedResults.Created($"/api/v1/inburgeraars/{id}/inburgeringsaanbod", u.Waarde) : Problemen.Validatie(u.Fouten);
            })
            .WithSummary("Een inburgeringsaanbod bij een instelling vastleggen en aan DUO melden; per instelling vervangt een nieuwe melding de vorige");
        aanbod.MapDelete("/{aanbodId:guid}", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.NoContent, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> (
                Guid id, Guid aanbodId, DuoAanbod s, CancellationToken ct) =>
            {
                var u = await s.IntrekkenAsync(id, aanbodId, ct);
                if (u.NietGevonden) return Problemen.NietGevonden();
                return u.Gelukt ? TypedResults.NoContent() : Problemen.Validatie(u.Fouten);
            })
            .WithSummary("Een inburgeringsaanbod intrekken; DUO krijgt bericht");
        if (app.Services.GetRequiredService<DuoOpties>().Simulator) DuoSimulator.MapDuoSimulator(app);
    }
}

public sealed record AfhandelInvoer(string? Toelichting);

public sealed record InboxRegel(long Id, string GebeurtenisId, string? Omschrijving,
    // DUO's moment of registration; not named "…DatumTijd" in Koers's own API, where a "datum" field holds a date (NL API Design Rules).
    [property: System.Text.Json.Serialization.JsonPropertyName("registratieMoment")] DateTime RegistratieDatumTijd, DateTime OntvangenOp,
    InboxStatus Status, int Pogingen, string? LaatsteFout, string? Resultaat, Guid? InburgeraarId, string? BsnGemaskeerd, string? AfgehandeldDoor,
    string? Actie = null, DateTime? ActieAfgehandeldOp = null, string? ActieAfgehandeldDoor = null)
{
    /// <summary>The klantregisseur still has to act on this event.</summary>
    public bool ActieOpen => Actie is not null && ActieAfgehandeldOp is null;
}

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
        var uit = await Uitgaand.ToListAsync(db, inburgeraarId, ct);
        // On the case page the case is already open in this request: its BSN need not be read again.
        var bsn = toegang.Geopend(inburgeraarId) is { } geopend
            ? geopend.Bsn
            : await db.Inburgeraars.AsNoTracking().Where(i => i.Id == inburgeraarId).Select(i => i.Bsn).FirstOrDefaultAsync(ct);
        // Also the events of this person not (yet) linked to the case, by the blind index of the BSN.
        var sleutels = bsn is { } b ? bescherming.Indexen(b) : [];
        var ontvangen = await Ontvangen.ToListAsync(db, inburgeraarId, sleutels, ct);
        return new DossierDuo(
            uit.Select(b => new UitgaandRegel(b.Id, b.Soort, b.Omschrijving, b.Status, b.Antwoordcode, b.Melding, b.AangemaaktOp, b.VerzondenOp)).ToList(),
            ontvangen.Select(Regel).ToList());
    }

    // Compiled (Koers.Data.Gecompileerd): both are on every case page.
    private static readonly Gecompileerd.Lijst<Guid, DuoUitgaandBericht> Uitgaand = Gecompileerd.Rijen((KoersDbContext db, Guid id) =>
        db.DuoUitgaandeBerichten.AsNoTracking().Where(b => b.InburgeraarId == id).OrderByDescending(b => b.AangemaaktOp).Take(50));

    private static readonly Gecompileerd.Lijst<Guid, string[], DuoNotificatie> Ontvangen = Gecompileerd.Rijen((KoersDbContext db, Guid id, string[] sleutels) =>
        db.DuoNotificaties.AsNoTracking().Where(n => n.InburgeraarId == id || sleutels.Contains(n.Persoonssleutel))
            .OrderByDescending(n => n.RegistratieDatumTijd).Take(50));

    private static InboxRegel Regel(DuoNotificatie n) => new(n.Id, n.GebeurtenisId, Koers.Domain.Duo.DuoGebeurtenissen.Zoek(n.GebeurtenisId)?.Omschrijving,
        n.RegistratieDatumTijd, n.OntvangenOp, n.Status, n.Pogingen, n.LaatsteFout, n.Resultaat, n.InburgeraarId,
        n.Bsn is { } b ? b.Masked : n.VNummer is { } v ? "V-nummer ****" + v.Value[^3..] : null,
        n.AfgehandeldDoor, n.Actie, n.ActieAfgehandeldOp, n.ActieAfgehandeldDoor);

    /// <summary>Outgoing messages DUO refused or that failed, for the beheer page (within the user's reach).</summary>
    public async Task<IReadOnlyList<(UitgaandRegel Bericht, Guid InburgeraarId)>> WeigeringenAsync(CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        var berichten = db.DuoUitgaandeBerichten.AsNoTracking().Where(b => b.Status == OutboxStatus.Geweigerd || b.Status == OutboxStatus.Mislukt);
        if (!bereik.Heeft(Rollen.FunctioneelBeheerder))
        {
            var dossiers = (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct)).Select(i => i.Id);
            berichten = berichten.Where(b => dossiers.Contains(b.InburgeraarId));
        }

        var rijen = await berichten.OrderByDescending(b => b.AangemaaktOp).Take(200).ToListAsync(ct);
        return rijen.Select(b => (new UitgaandRegel(b.Id, b.Soort, b.Omschrijving, b.Status, b.Antwoordcode, b.Melding, b.AangemaaktOp, b.VerzondenOp), b.InburgeraarId)).ToList();
    }

    /// <summary>Whether this user may offer the outgoing message again (the case is within reach; beheer: all).</summary>
    public async Task<bool> MagBerichtAsync(Guid id, CancellationToken ct = default)
    {
        var inburgeraarId = await db.DuoUitgaandeBerichten.AsNoTracking().Where(b => b.Id == id).Select(b => (Guid?)b.InburgeraarId).FirstOrDefaultAsync(ct);
        if (inburgeraarId is null) return false;
        return (await toegang.BereikAsync(ct)).Heeft(Rollen.FunctioneelBeheerder) || await toegang.MagDossierAsync(inburgeraarId.Value, ct);
    }
}

public sealed record DuoActieSignaal(long Id, Guid InburgeraarId, string Naam, string? Klantregisseur, string GebeurtenisId, string? Omschrijving, DateTime RegistratieDatumTijd, string Actie);

/// <summary>
/// DUO events that ask the klantregisseur to act (a death, an ended plicht, a decision on vrijstelling or
/// ontheffing, a PIP taken over): a section on the worklist until someone marks the action done, audited.
/// </summary>
public sealed class DuoActies(KoersDbContext db, Toegang toegang, Kern.DossierService dossiers, Klok klok, HuidigeGebruiker gebruiker)
{
    public async Task<IReadOnlyList<DuoActieSignaal>> OpenAsync(Werkvoorraad.Dossierselectie selectie, CancellationToken ct = default)
    {
        if (!(await toegang.BereikAsync(ct)).WerktMetDossiers) return [];
        var zichtbaar = selectie.Pas(await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct));
        var rijen = await (from n in db.DuoNotificaties.AsNoTracking()
                           join i in zichtbaar on n.InburgeraarId equals i.Id
                           where n.Actie != null && n.ActieAfgehandeldOp == null
                           orderby n.RegistratieDatumTijd
                           select new { n.Id, InburgeraarId = i.Id, i.Voornamen, i.Achternaam, Regisseur = i.Klantregisseur!.Naam, n.GebeurtenisId, n.RegistratieDatumTijd, n.Actie })
            .Take(Werkvoorraad.Signaalsectie.Maximaal + 1).ToListAsync(ct);
        return rijen.Select(r => new DuoActieSignaal(r.Id, r.InburgeraarId, $"{r.Voornamen} {r.Achternaam}", r.Regisseur, r.GebeurtenisId,
            Koers.Domain.Duo.DuoGebeurtenissen.Zoek(r.GebeurtenisId)?.Omschrijving, r.RegistratieDatumTijd, r.Actie!)).ToList();
    }

    public static Werkvoorraad.Signaalsectie Sectie(IReadOnlyList<DuoActieSignaal> acties) => new(
        "signalen-duo",
        "Meldingen van DUO die om actie vragen",
        acties.Select(a => new Werkvoorraad.SignaalRegel(a.InburgeraarId, a.Naam, $"/inburgeraars/{a.InburgeraarId}#duo", a.Omschrijving ?? a.GebeurtenisId,
            a.GebeurtenisId is "SS111" or "SS110",
            $"{Klok.NaarNederlandseTijd(a.RegistratieDatumTijd):dd-MM-yyyy} · {a.Actie} · {a.Klantregisseur ?? "niet toegewezen"}")).ToList(),
        "Geen meldingen van DUO die om actie vragen.",
        [new Werkvoorraad.Signaalsectie.Telling("Actie nodig", acties.Count)],
        []);

    /// <summary>Marks the action on one event done; false (a 404) when the case is out of reach or the action is not open.</summary>
    public async Task<bool> AfhandelenAsync(Guid inburgeraarId, long meldingId, CancellationToken ct = default)
    {
        if (!await toegang.MagDossierAsync(inburgeraarId, ct)) return false;
        var n = await db.DuoNotificaties.FirstOrDefaultAsync(x => x.Id == meldingId && x.InburgeraarId == inburgeraarId && x.Actie != null && x.ActieAfgehandeldOp == null, ct);
        if (n is null) return false;
        n.ActieAfgehandeldOp = klok.NuUtc;
        n.ActieAfgehandeldDoor = gebruiker.Naam;
        dossiers.Audit(AuditActie.Wijzigen, inburgeraarId, $"Actie op DUO-melding {n.GebeurtenisId} afgehandeld");
        await db.SaveChangesAsync(ct);
        return true;
    }
}

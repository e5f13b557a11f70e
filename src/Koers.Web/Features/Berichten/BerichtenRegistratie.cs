using Koers.Data;
using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Berichten;

public sealed record BerichtInvoer(string? Tekst);

public sealed record NotificatieRegel(Guid Id, Guid InburgeraarId, NotificatieSoort Soort, Berichtkanaal Kanaal, string Taal, string AanGemaskeerd, string Onderwerp,
    NotificatieStatus Status, int Pogingen, DateTime? VolgendePogingOp, string? Melding, DateTime AangemaaktOp, DateTime? VerzondenOp);

public static class BerichtenRegistratie
{
    /// <summary>Who may see the outbox and offer a message again: functioneel beheer and the case workers (their own cases).</summary>
    public const string Beleidsnaam = "BerichtenBeheer";

    public static IServiceCollection AddBerichten(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment env)
    {
        var opties = configuration.GetSection("Berichten").Get<BerichtOpties>() ?? new BerichtOpties();
        // Development and demo: no SMTP server needed, e-mails land as .eml files in a folder (README, docs/operations.md).
        if (string.IsNullOrWhiteSpace(opties.Smtp.Host) && configuration["Berichten:Map"] is null && env.IsDevelopment()) opties.Map = "berichten-demo";
        if (configuration["Berichten:Achtergrond"] is null && env.IsEnvironment("Test")) opties.Achtergrond = false;
        services.AddSingleton(opties);
        if (!string.IsNullOrWhiteSpace(opties.Smtp.Host)) services.AddSingleton<IEmailKanaal, SmtpEmailKanaal>();
        else if (!string.IsNullOrWhiteSpace(opties.Map)) services.AddSingleton<IEmailKanaal, MapEmailKanaal>();
        else services.AddSingleton<IEmailKanaal, GeenEmailKanaal>();
        if (!string.IsNullOrWhiteSpace(opties.Sms.Url)) services.AddHttpClient<ISmsKanaal, HttpSmsKanaal>(h => h.Timeout = TimeSpan.FromSeconds(30));
        else services.AddSingleton<ISmsKanaal, GeenSmsKanaal>();
        services.AddScoped<BerichtOutbox>();
        services.AddScoped<BerichtVerzender>();
        services.AddScoped<BerichtVoorkeuren>();
        services.AddScoped<BerichtenService>();
        if (opties.Achtergrond) services.AddHostedService<BerichtAchtergrond>();
        services.AddAuthorizationBuilder().AddPolicy(Beleidsnaam, p => p.RequireRole(Rollen.FunctioneelBeheerder, Rollen.Klantregisseur, Rollen.Teamleider));
        return services;
    }

    public static void MapBerichtenApi(this RouteGroupBuilder api)
    {
        var d = api.MapGroup("/inburgeraars/{id:guid}").RequireAuthorization(Beleid.Dossierwerk).WithTags("Berichten aan de inburgeraar");
        d.MapGet("/berichtvoorkeuren", async Task<Results<Ok<BerichtVoorkeurStand>, ProblemHttpResult>> (Guid id, BerichtenService berichten, CancellationToken ct) =>
                await berichten.VoorkeurenAsync(id, ct) is { } s ? TypedResults.Ok(s) : Problemen.NietGevonden())
            .WithSummary("E-mailadres, mobiel nummer, taal en toestemming per kanaal (met historie) voor berichten aan de inburgeraar");
        d.MapPut("/berichtvoorkeuren", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (Guid id, BerichtVoorkeurInvoer invoer, BerichtenService berichten, CancellationToken ct) =>
            {
                var u = await berichten.VoorkeurenZettenAsync(id, invoer, ct);
                if (u.NietGevonden) return Problemen.NietGevonden();
                return u.Gelukt ? TypedResults.NoContent() : Problemen.Validatie(u.Fouten);
            })
            .WithSummary("Toestemming (aan of uit) per kanaal vastleggen namens de inburgeraar, met hoe die is gegeven; wordt gelogd");
        d.MapPost("/berichten", async Task<Results<Created<BerichtIdDto>, ValidationProblem, ProblemHttpResult>> (Guid id, BerichtInvoer invoer, BerichtenService berichten, CancellationToken ct) =>
            {
                var u = await berichten.StuurAsync(id, invoer.Tekst, ct);
                if (u.NietGevonden) return Problemen.NietGevonden();
                return u.Gelukt ? TypedResults.Created($"/api/v1/inburgeraars/{id}/berichten/{u.Waarde}", new BerichtIdDto(u.Waarde)) : Problemen.Validatie(u.Fouten);
            })
            .WithSummary("Bericht van de klantregisseur aan de inburgeraar: te lezen in het portaal; de inburgeraar krijgt een e-mail of sms als die dat wil (zonder de tekst)");
        d.MapGet("/notificaties", async Task<Results<Ok<IReadOnlyList<NotificatieRegel>>, ProblemHttpResult>> (Guid id, BerichtenService berichten, CancellationToken ct) =>
                await berichten.NotificatiesAsync(id, ct) is { } l ? TypedResults.Ok(l) : Problemen.NietGevonden())
            .WithSummary("E-mails en sms'jes aan deze inburgeraar met hun status (wachtend, verzonden, mislukt, onzeker)");

        var b = api.MapGroup("/berichten/uitgaand").RequireAuthorization(Beleidsnaam).WithTags("Berichten aan de inburgeraar");
        b.MapGet("", async (BerichtenService berichten, CancellationToken ct) => TypedResults.Ok(await berichten.OpenAsync(ct)))
            .WithSummary("Berichten aan inburgeraars die (nog) niet zijn verzonden: wachtend, mislukt of onzeker");
        b.MapPost("/{bericht:guid}/opnieuw", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (Guid bericht, BerichtenService berichten, CancellationToken ct) =>
                await berichten.OpnieuwAsync(bericht, ct) switch
                {
                    null => Problemen.NietGevonden(),
                    true => TypedResults.NoContent(),
                    false => Problemen.Validatie(new() { ["bericht"] = ["Alleen een mislukt of onzeker bericht kan opnieuw worden aangeboden."] }),
                })
            .WithSummary("Een mislukt of onzeker bericht opnieuw aanbieden; wordt gelogd");
    }
}

public sealed record BerichtIdDto(long Id);

/// <summary>The Berichten tab of a case: the person's name, their settings, the messages sent to them and the notifications.</summary>
public sealed record BerichtenDossier(string Naam, BerichtVoorkeurStand Stand, IReadOnlyList<Bericht> AanInburgeraar, IReadOnlyList<NotificatieRegel> Notificaties);

/// <summary>The inburgeraar's own messages page: their settings and the messages their klantregisseur sent.</summary>
public sealed record MijnBerichten(BerichtVoorkeurStand? Stand, IReadOnlyList<Bericht> Berichten);

/// <summary>
/// Notifications: settings on the case, messages to the person, the outbox for beheer (staff), and the person's own
/// messages page in the portal.
/// </summary>
public sealed class BerichtenService(KoersDbContext db, Toegang toegang, DossierService dossiers, BerichtVoorkeuren voorkeuren, BerichtOutbox outbox, Klok klok, HuidigeGebruiker gebruiker)
{
    public const string Doel = "Berichtvoorkeuren van de inburgeraar bekeken";

    public async Task<BerichtVoorkeurStand?> VoorkeurenAsync(Guid id, CancellationToken ct = default) =>
        await dossiers.InzienAsync(id, Doel, ct) is null ? null : await voorkeuren.HaalAsync(id, ct);

    /// <summary>
    /// Everything the case's Berichten tab shows; null when the case is out of reach. Reading the settings is what is
    /// audited (<see cref="VoorkeurenAsync"/>), so the rest is read only after that check.
    /// </summary>
    public async Task<BerichtenDossier?> DossierAsync(Guid id, CancellationToken ct = default)
    {
        var stand = await VoorkeurenAsync(id, ct);
        if (stand is null) return null;
        var naam = await db.Inburgeraars.AsNoTracking().Where(i => i.Id == id).Select(i => i.Voornamen + " " + i.Achternaam).FirstAsync(ct);
        var aanInburgeraar = await VanKlantregisseur(id).ToListAsync(ct);
        var notificaties = await NotificatiesAsync(id, ct) ?? [];
        return new BerichtenDossier(naam, stand, aanInburgeraar, notificaties);
    }

    /// <summary>
    /// The person's own messages page: the case is opened (and the read audited with <paramref name="doel"/>) through
    /// <see cref="DossierService.InzienAsync"/>, which only finds the own case; null when it is not found.
    /// </summary>
    public async Task<MijnBerichten?> MijnAsync(Guid id, string doel, CancellationToken ct = default)
    {
        if (await dossiers.InzienAsync(id, doel, ct) is null) return null;
        var stand = await voorkeuren.HaalAsync(id, ct);
        var berichten = await VanKlantregisseur(id).ToListAsync(ct);
        return new MijnBerichten(stand, berichten);
    }

    /// <summary>The 50 newest messages the klantregisseur sent to the person (not those the person sent).</summary>
    private IQueryable<Bericht> VanKlantregisseur(Guid id) =>
        db.Berichten.AsNoTracking().Where(b => b.InburgeraarId == id && b.VanKlantregisseur).OrderByDescending(b => b.Id).Take(50);

    public async Task<Uitkomst<bool>> VoorkeurenZettenAsync(Guid id, BerichtVoorkeurInvoer invoer, CancellationToken ct = default) =>
        await dossiers.LaadVoorWijzigingAsync(id, ct) is null ? Uitkomst<bool>.Onbekend() : await voorkeuren.ZetAsync(id, invoer, ToestemmingBron.Klantregisseur, ct);

    /// <summary>
    /// A message from the klantregisseur: saved, announced and audited in one transaction (the notification needs
    /// the message's id, so the message is saved first, inside it).
    /// </summary>
    public async Task<Uitkomst<long>> StuurAsync(Guid id, string? tekst, CancellationToken ct = default)
    {
        var i = await dossiers.LaadVoorWijzigingAsync(id, ct);
        if (i is null || !(await toegang.BereikAsync(ct)).WerktMetDossiers) return Uitkomst<long>.Onbekend();
        var schoon = tekst?.Trim() ?? string.Empty;
        if (schoon.Length == 0) return Uitkomst<long>.Geweigerd(new() { ["tekst"] = ["Schrijf eerst een bericht."] });
        if (schoon.Length > Bericht.MaxLengte) return Uitkomst<long>.Geweigerd(new() { ["tekst"] = [$"Het bericht is hoogstens {Bericht.MaxLengte} tekens."] });
        var strategie = db.Database.CreateExecutionStrategy();
        return await strategie.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var bericht = new Bericht { InburgeraarId = id, Tekst = schoon, VerstuurdOp = klok.NuUtc, Afzender = gebruiker.Naam, VanKlantregisseur = true };
            db.Berichten.Add(bericht);
            await db.SaveChangesAsync(ct);
            await outbox.BerichtAsync(id, bericht.Id, ct);
            dossiers.Audit(AuditActie.Wijzigen, id, "Bericht aan de inburgeraar gestuurd (te lezen in het portaal)");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Uitkomst<long>.Ok(bericht.Id);
        });
    }

    public async Task<IReadOnlyList<NotificatieRegel>?> NotificatiesAsync(Guid id, CancellationToken ct = default)
    {
        if (!await toegang.MagDossierAsync(id, ct) || !(await toegang.BereikAsync(ct)).WerktMetDossiers) return null;
        var rijen = await db.Notificaties.AsNoTracking().Where(n => n.InburgeraarId == id).OrderByDescending(n => n.AangemaaktOp).Take(100).ToListAsync(ct);
        return rijen.Select(Regel).ToList();
    }

    /// <summary>The messages not (yet) sent, within the user's reach (functioneel beheer: all), and the 20 most recently sent.</summary>
    public async Task<IReadOnlyList<NotificatieRegel>> OpenAsync(CancellationToken ct = default) =>
        (await ZichtbaarAsync(ct)).Where(n => n.Status != NotificatieStatus.Verzonden && n.Status != NotificatieStatus.Vervallen)
            .OrderByDescending(n => n.AangemaaktOp).Take(200).AsEnumerable().Select(Regel).ToList();

    public async Task<IReadOnlyList<NotificatieRegel>> RecentVerzondenAsync(CancellationToken ct = default) =>
        (await ZichtbaarAsync(ct)).Where(n => n.Status == NotificatieStatus.Verzonden)
            .OrderByDescending(n => n.VerzondenOp).Take(20).AsEnumerable().Select(Regel).ToList();

    private async Task<IQueryable<Notificatie>> ZichtbaarAsync(CancellationToken ct)
    {
        var bereik = await toegang.BereikAsync(ct);
        var alle = db.Notificaties.AsNoTracking();
        if (bereik.Heeft(Rollen.FunctioneelBeheerder)) return alle;
        var dossierIds = (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct)).Select(i => i.Id);
        return alle.Where(n => dossierIds.Contains(n.InburgeraarId));
    }

    /// <summary>Null: not found or out of reach; false: not in a state that can be retried.</summary>
    public async Task<bool?> OpnieuwAsync(Guid berichtId, CancellationToken ct = default)
    {
        var n = await (await ZichtbaarAsync(ct)).AsTracking().FirstOrDefaultAsync(x => x.Id == berichtId, ct);
        if (n is null) return null;
        if (n.Status is not (NotificatieStatus.Mislukt or NotificatieStatus.Onzeker)) return false;
        var was = n.Status;
        n.Status = NotificatieStatus.Wachtend;
        n.Pogingen = 0;
        n.VolgendePogingOp = null;
        n.BezigSinds = null;
        n.Melding = $"Opnieuw aangeboden door {gebruiker.Naam} (was {(was == NotificatieStatus.Onzeker ? "onzeker" : "mislukt")}).";
        dossiers.Audit(AuditActie.Wijzigen, n.InburgeraarId, $"Bericht aan de inburgeraar opnieuw aangeboden (was {(was == NotificatieStatus.Onzeker ? "onzeker" : "mislukt")})");
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static NotificatieRegel Regel(Notificatie n) => new(n.Id, n.InburgeraarId, n.Soort, n.Kanaal, n.Taal, Maskeer(n.Aan, n.Kanaal), n.Onderwerp, n.Status, n.Pogingen,
        n.VolgendePogingOp, n.Melding, n.AangemaaktOp, n.VerzondenOp);

    /// <summary>'s•••@example.org' / '06•••••678': enough to recognise a typo, not enough to copy.</summary>
    public static string Maskeer(string aan, Berichtkanaal kanaal)
    {
        if (kanaal == Berichtkanaal.Sms) return aan.Length <= 5 ? "•••" : aan[..2] + new string('•', Math.Max(3, aan.Length - 5)) + aan[^3..];
        var at = aan.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "•••" : aan[..1] + "•••" + aan[at..];
    }
}

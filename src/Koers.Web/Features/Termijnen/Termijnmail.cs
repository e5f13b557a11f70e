using System.Globalization;
using System.Text;
using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Clock;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Berichten;
using Koers.Web.Infrastructure;
using Koers.Web.Infrastructure.Planning;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Koers.Web.Features.Termijnen;

/// <summary>
/// Settings under 'Koers:Termijnmail'. Aan: run the daily round (default on, off in the Test environment, where tests
/// call it themselves); Uur: the Dutch hour from which the day's mail is due (default 7); ControleMinuten: how often an
/// instance looks (default 5); KoersUrl: the address of Koers for the links in the mail.
/// </summary>
public sealed class TermijnmailOpties
{
    public bool Aan { get; set; } = true;
    public int Uur { get; set; } = 7;
    public int ControleMinuten { get; set; } = 5;
    public string KoersUrl { get; set; } = "http://localhost:5080";
}

public sealed record TermijnmailRonde(int Verzonden, int AlVerzonden, int Mislukt);

/// <summary>One deadline in the mail: the case by its Koers id (no name, no BSN), the kind, the date.</summary>
public sealed record TermijnmailRegel(Guid InburgeraarId, string Gemeente, TermijnCode Code, DateOnly Vervaldatum, int DagenResterend);

/// <summary>
/// The daily e-mail to each klantregisseur about their own cases whose deadlines are overdue or orange (within the
/// municipality's termijnsignalering for that kind). Only for municipalities that switched it on (/beheer/termijnen),
/// only for klantregisseurs who did not opt out (/account), only cases assigned to them and within their reach (the
/// same rule as <see cref="Kern.Toegang"/>: home municipality, the whole region when it shares cases or the
/// employee has no home municipality). What the mail says: the case's Koers id and link, the kind of deadline, its
/// date and the municipality; no name, no BSN, nothing about health: the reader opens the case in Koers, where the
/// reading is authorised and logged. Exactly once per person per Dutch date, also with several instances: a row in
/// termijnmail (unique per medewerker and date) is claimed before the mail leaves. Every mail sent is audited.
/// </summary>
public sealed class TermijnmailService(KoersDbContext db, Klok klok, Instantie instantie, IEmailKanaal email, BerichtOpties berichtOpties,
    TermijnmailOpties opties, UserManager<Gebruiker> users, SignaleringService signalering, ILogger<TermijnmailService> log, Auditlog audit)
{
    public const string Systeem = "Koers (termijnmail)";
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    public async Task<TermijnmailRonde> VerstuurAsync(DateOnly datum, CancellationToken ct = default)
    {
        var aan = await db.Gemeenten.AsNoTracking().Where(g => g.DagelijkseTermijnmail).Select(g => g.Id).ToListAsync(ct);
        if (aan.Count == 0 || !email.Ingesteld) return new(0, 0, 0);

        var nu = klok.NuUtc;
        var regisseurs = (await users.GetUsersInRoleAsync(Rollen.Klantregisseur))
            .Where(u => u.MedewerkerId is not null && (u.LockoutEnd is null || u.LockoutEnd <= nu))
            .Select(u => u.MedewerkerId!.Value).Distinct().ToList();
        var medewerkers = await db.Medewerkers.AsNoTracking().Include(m => m.Team).ThenInclude(t => t!.Regio)
            .Where(m => regisseurs.Contains(m.Id) && !m.GeenTermijnmail).OrderBy(m => m.Id).ToListAsync(ct);
        var signaleringen = await signalering.VoorAsync(aan, ct);

        int verzonden = 0, alVerzonden = 0, mislukt = 0;
        foreach (var m in medewerkers)
        {
            if (ct.IsCancellationRequested) break;
            var gemeenten = (await BereikAsync(m, ct)).Intersect(aan).ToList();
            if (gemeenten.Count == 0) continue;
            var regels = await RegelsAsync(m.Id, gemeenten, signaleringen, datum, ct);
            if (regels.Count == 0) continue;
            switch (await StuurAsync(m, regels, datum, ct))
            {
                case true: verzonden++; break;
                case false: mislukt++; break;
                default: alVerzonden++; break;
            }
        }

        return new(verzonden, alVerzonden, mislukt);
    }

    /// <summary>The municipalities whose cases this employee may open: the rule of Toegang (home, or the region when it shares).</summary>
    private async Task<HashSet<int>> BereikAsync(Medewerker m, CancellationToken ct)
    {
        var gemeenten = new HashSet<int>();
        if (m.GemeenteId is { } thuis) gemeenten.Add(thuis);
        var regio = m.Team?.Regio;
        if (regio is not null && (regio.DeeltDossiers || m.GemeenteId is null))
        {
            gemeenten.UnionWith(await db.Gemeenten.AsNoTracking().Where(g => g.RegioId == regio.Id).Select(g => g.Id).ToListAsync(ct));
        }

        return gemeenten;
    }

    /// <summary>The open deadlines of the employee's own cases that are overdue or orange: the worklist's rule.</summary>
    public async Task<List<TermijnmailRegel>> RegelsAsync(int medewerkerId, IReadOnlyCollection<int> gemeenten, Signaleringen signaleringen, DateOnly vandaag, CancellationToken ct = default)
    {
        var ids = gemeenten.ToList();
        var horizon = vandaag.AddDays(signaleringen.Grootste);
        var rijen = await db.Termijnen.AsNoTracking()
            .Where(t => t.Toepasselijk && t.VoldaanOp == null && t.Vervaldatum != null && t.Vervaldatum <= horizon)
            .Where(t => t.Soort == TermijnSoort.Uiterlijk || t.Vervaldatum >= vandaag)
            .Where(t => t.Inburgeraar!.KlantregisseurId == medewerkerId && ids.Contains(t.Inburgeraar.GemeenteId) && t.Inburgeraar.GeanonimiseerdOp == null)
            .Select(t => new { t.InburgeraarId, t.Inburgeraar!.GemeenteId, Gemeente = t.Inburgeraar.Gemeente!.Naam, t.Code, Vervaldatum = t.Vervaldatum!.Value })
            .ToListAsync(ct);
        return rijen
            .Where(r => r.Vervaldatum < vandaag || signaleringen.Signaleert(r.GemeenteId, r.Code, r.Vervaldatum.DayNumber - vandaag.DayNumber))
            .Select(r => new TermijnmailRegel(r.InburgeraarId, r.Gemeente, r.Code, r.Vervaldatum, r.Vervaldatum.DayNumber - vandaag.DayNumber))
            .OrderBy(r => r.Vervaldatum).ThenBy(r => r.InburgeraarId).ToList();
    }

    /// <summary>True: sent; false: the mail server refused or failed (the claim is given back); null: already claimed today.</summary>
    private async Task<bool?> StuurAsync(Medewerker m, List<TermijnmailRegel> regels, DateOnly datum, CancellationToken ct)
    {
        var claim = new Termijnmail { MedewerkerId = m.Id, Datum = datum, Aantal = regels.Count, GeclaimdOp = klok.NuUtc, GeclaimdDoor = instantie.Naam };
        db.Add(claim);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance (or an earlier round) claimed this person's day: it sends, not we.
            db.ChangeTracker.Clear();
            return null;
        }

        try
        {
            await email.VerstuurAsync(Mail(m, regels, datum, claim.Id), CancellationToken.None);
        }
#pragma warning disable CA1031 // any failure of the mail channel: give the claim back, so a later round retries
        catch (Exception e)
#pragma warning restore CA1031
        {
            await db.Set<Termijnmail>().Where(t => t.Id == claim.Id).ExecuteDeleteAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            // No address, no case in the log: only the employee's id and the kind of failure.
            log.LogWarning("Termijnmail aan medewerker {Medewerker} niet verzonden: {Fout}", m.Id, e.GetType().Name);
            return false;
        }

        claim.VerzondenOp = klok.NuUtc;
        audit.Schrijf(AuditActie.Inzien, null, Kort($"Dagelijkse termijnmail aan {m.Naam} ({datum:dd-MM-yyyy}): {regels.Count} termijn(en) in {regels.Select(r => r.InburgeraarId).Distinct().Count()} dossier(s): " +
                                string.Join(", ", regels.Select(r => r.InburgeraarId).Distinct())), door: Systeem);
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>The mail: plain Dutch text, per deadline the kind, the date and the case's Koers id with its link.</summary>
    public MimeMessage Mail(Medewerker m, IReadOnlyList<TermijnmailRegel> regels, DateOnly datum, long id)
    {
        var basis = opties.KoersUrl.TrimEnd('/');
        var verlopen = regels.Where(r => r.DagenResterend < 0).ToList();
        var binnenkort = regels.Where(r => r.DagenResterend >= 0).ToList();
        var dossiers = regels.Select(r => r.InburgeraarId).Distinct().Count();
        var tekst = new StringBuilder();
        tekst.Append(CultureInfo.InvariantCulture, $"Goedemorgen {m.Naam},\n\n");
        tekst.Append(CultureInfo.InvariantCulture, $"In {dossiers} van uw dossiers in Koers vraagt een termijn aandacht: verlopen, of binnen de dagen waarop de gemeente hem oranje laat worden.\n");
        tekst.Append("Deze e-mail noemt alleen het dossiernummer (Koers-id); open het dossier in Koers via de link.\n");
        void Blok(string kop, List<TermijnmailRegel> lijst)
        {
            if (lijst.Count == 0) return;
            tekst.Append(CultureInfo.InvariantCulture, $"\n{kop} ({lijst.Count})\n");
            foreach (var r in lijst)
            {
                var wanneer = r.DagenResterend switch
                {
                    < -1 => $"{-r.DagenResterend} dagen geleden",
                    -1 => "gisteren",
                    0 => "vandaag",
                    1 => "morgen",
                    _ => $"over {r.DagenResterend} dagen",
                };
                tekst.Append(CultureInfo.InvariantCulture, $"- {r.Code.Omschrijving()}: {r.Vervaldatum.ToString("d MMMM yyyy", Nl)} ({wanneer}), gemeente {r.Gemeente}\n");
                tekst.Append(CultureInfo.InvariantCulture, $"  Dossier {r.InburgeraarId:D}: {basis}/inburgeraars/{r.InburgeraarId:D}\n");
            }
        }

        Blok("Verlopen", verlopen);
        Blok("Binnenkort", binnenkort);
        tekst.Append(CultureInfo.InvariantCulture, $"\nDe hele werkvoorraad: {basis}/werkvoorraad\n");
        tekst.Append(CultureInfo.InvariantCulture, $"\nU krijgt deze e-mail elke ochtend omdat uw gemeente hem heeft aangezet. Uitzetten voor uzelf kan op {basis}/account.\n");

        var mail = new MimeMessage
        {
            Subject = $"Koers: {regels.Count} {(regels.Count == 1 ? "termijn vraagt" : "termijnen vragen")} aandacht ({datum.ToString("d MMMM yyyy", Nl)})",
            MessageId = $"termijnmail-{id}@koers.berichten",
            Date = DateTime.SpecifyKind(klok.NuUtc, DateTimeKind.Utc),
        };
        mail.From.Add(new MailboxAddress(berichtOpties.Smtp.AfzenderNaam, berichtOpties.Smtp.Afzender));
        mail.To.Add(new MailboxAddress(m.Naam, m.Email.Trim()));
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        var deel = new TextPart("plain") { Text = tekst.ToString() };
        deel.ContentType.Charset = "utf-8";
        deel.Headers.Add(HeaderId.ContentLanguage, "nl");
        mail.Body = deel;
        return mail;
    }

    private static string Kort(string s) => s.Length > 1000 ? s[..999] + "…" : s;
}

/// <summary>The day's round under a lease, from the configured hour on: once per Dutch date over all instances.</summary>
public sealed class TermijnmailTaak(Taaksloten sloten, TermijnmailService service, TermijnmailOpties opties, Klok klok, TimeProvider tijd)
{
    public const string Naam = "termijnmail";
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>Null before the hour, when another instance runs the round now, or when today's round is done.</summary>
    public async Task<TermijnmailRonde?> AlsHetTijdIsAsync(CancellationToken ct = default)
    {
        if (TimeZoneInfo.ConvertTime(tijd.GetUtcNow(), Amsterdam).Hour < opties.Uur) return null;
        var vandaag = klok.Vandaag;
        return await sloten.OnderSlotAsync(Naam, $"dag:{vandaag:yyyy-MM-dd}", Lease, c => service.VerstuurAsync(vandaag, c), ct);
    }
}

/// <summary>Looks every few minutes whether the day's mail is due (every instance; the lease and the claims decide).</summary>
public sealed class TermijnmailPlanner(IServiceScopeFactory scopes, TermijnmailOpties opties, TimeProvider tijd, ILogger<TermijnmailPlanner> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!opties.Aan) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, opties.ControleMinuten)), tijd);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<TermijnmailTaak>().AlsHetTijdIsAsync(stoppingToken) is { } ronde)
                {
                    log.LogInformation("Termijnmail: {Verzonden} verzonden, {Al} al verzonden, {Mislukt} mislukt", ronde.Verzonden, ronde.AlVerzonden, ronde.Mislukt);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Termijnmail: ronde mislukt");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class TermijnmailRegistratie
{
    public static IServiceCollection AddTermijnmail(this IServiceCollection services, IConfiguration configuration, IHostEnvironment env)
    {
        var opties = configuration.GetSection("Koers:Termijnmail").Get<TermijnmailOpties>() ?? new TermijnmailOpties();
        if (configuration["Koers:Termijnmail:Aan"] is null && env.IsEnvironment("Test")) opties.Aan = false;
        services.AddSingleton(opties);
        services.AddScoped<TermijnmailService>();
        services.AddScoped<TermijnmailTaak>();
        services.AddHostedService<TermijnmailPlanner>();
        return services;
    }
}

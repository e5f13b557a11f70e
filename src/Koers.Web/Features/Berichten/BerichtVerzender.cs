using Koers.Data;
using Koers.Data.Model;
using Koers.Web.Features.Audit;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Koers.Web.Features.Berichten;

/// <summary>
/// Sends what <see cref="BerichtOutbox"/> queued. Nothing is lost: a row exists from the moment its cause is saved
/// and stays until it is sent, refused for good, or handled by beheer. Nothing is sent twice:
/// <list type="number">
/// <item>one row per cause and channel (unique <see cref="Notificatie.Sleutel"/>);</item>
/// <item>a row is claimed with one conditional UPDATE (Wachtend → Bezig), atomic on SQLite and PostgreSQL, so two
/// senders (two Koers instances, or a run that overlaps the next) never both take it;</item>
/// <item>the claim is committed before the SMTP conversation starts and the row becomes Verzonden right after it;
/// a crash in between leaves it Bezig, and after <see cref="BerichtOpties.OnzekerNa"/> it becomes Onzeker: shown to
/// beheer, never sent again by itself. So delivery is at most once automatically; a human decides about the rare
/// message that may or may not have left (its Message-ID is stable, so a resend is recognisable).</item>
/// </list>
/// A failure before the server accepted the message (connection refused, timeout, 4xx) is certain non-delivery:
/// back to Wachtend with a growing wait, Mislukt after <see cref="BerichtOpties.MaxPogingen"/>.
/// </summary>
public sealed class BerichtVerzender(KoersDbContext db, BerichtOpties opties, IEmailKanaal email, ISmsKanaal sms, Klok klok, ILogger<BerichtVerzender> log, Auditlog auditlog)
{
    public const string Systeem = "Koers (berichten)";

    public async Task<int> VerstuurAsync(CancellationToken ct = default)
    {
        await MarkeerOnderbrokenAsync(ct);
        var nu = klok.NuUtc;
        var kanalen = new List<Berichtkanaal>();
        if (email.Ingesteld) kanalen.Add(Berichtkanaal.Email);
        if (sms.Ingesteld) kanalen.Add(Berichtkanaal.Sms);
        var ids = await db.Notificaties.AsNoTracking()
            .Where(n => n.Status == NotificatieStatus.Wachtend && (n.VolgendePogingOp == null || n.VolgendePogingOp <= nu) && kanalen.Contains(n.Kanaal))
            .OrderBy(n => n.AangemaaktOp).Select(n => n.Id).Take(50).ToListAsync(ct);
        var gedaan = 0;
        foreach (var id in ids)
        {
            // Stop between messages, never inside one: a send cut off halfway is exactly the uncertain case.
            if (ct.IsCancellationRequested) break;
            if (await VerstuurEenAsync(id, CancellationToken.None)) gedaan++;
        }

        return gedaan;
    }

    private async Task<bool> VerstuurEenAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var nu = klok.NuUtc;
        var geclaimd = await db.Notificaties.Where(n => n.Id == id && n.Status == NotificatieStatus.Wachtend)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificatieStatus.Bezig).SetProperty(n => n.BezigSinds, nu).SetProperty(n => n.Pogingen, n => n.Pogingen + 1), ct);
        if (geclaimd == 0) return false;
        var n = await db.Notificaties.AsNoTracking().FirstAsync(x => x.Id == id, ct);

        // Consent withdrawn after the message was written: it does not leave.
        if (!(await BerichtVoorkeuren.ActieveKanalenAsync(db, n.InburgeraarId, ct)).Contains(n.Kanaal))
        {
            await AfrondenAsync(n, NotificatieStatus.Vervallen, "Niet verzonden: de inburgeraar zette dit kanaal uit voordat het bericht weg was.", null,
                $"{Soort(n)} niet verzonden: toestemming ingetrokken", ct);
            return true;
        }

        try
        {
            if (n.Kanaal == Berichtkanaal.Email) await email.VerstuurAsync(Mime(n, opties), ct);
            else await sms.VerstuurAsync(n.Aan, n.Tekst, n.Id.ToString("N"), ct);
        }
        catch (BerichtGeweigerdException w)
        {
            await AfrondenAsync(n, NotificatieStatus.Mislukt, w.Message, null, $"{Soort(n)} geweigerd door het {(n.Kanaal == Berichtkanaal.Email ? "e-mail" : "sms")}kanaal", ct);
            return true;
        }
#pragma warning disable CA1031 // Any other failure of the channel means 'not delivered': it is recorded and retried, not thrown.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var laatste = n.Pogingen >= opties.MaxPogingen;
            var melding = Kort($"Poging {n.Pogingen} mislukt: {e.GetType().Name}: {e.Message}");
            await db.Notificaties.Where(x => x.Id == id && x.Status == NotificatieStatus.Bezig).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, laatste ? NotificatieStatus.Mislukt : NotificatieStatus.Wachtend)
                .SetProperty(x => x.VolgendePogingOp, laatste ? null : klok.NuUtc + BerichtOpties.Wachttijd(n.Pogingen))
                .SetProperty(x => x.BezigSinds, (DateTime?)null)
                .SetProperty(x => x.Melding, melding), CancellationToken.None);
            // No address, no text in the log: only the id and the kind of failure.
            log.LogWarning("Bericht {Id} ({Kanaal}) niet verzonden, poging {Poging}: {Fout}", n.Id, n.Kanaal, n.Pogingen, e.GetType().Name);
            return true;
        }

        // Sent. Until this commits, a crash leaves the row Bezig, which becomes Onzeker and is not sent again.
        await AfrondenAsync(n, NotificatieStatus.Verzonden, null, klok.NuUtc, $"{Soort(n)} verzonden per {(n.Kanaal == Berichtkanaal.Email ? "e-mail" : "sms")}", CancellationToken.None);
        return true;
    }

    private async Task AfrondenAsync(Notificatie n, NotificatieStatus status, string? melding, DateTime? verzonden, string audit, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Notificaties.Where(x => x.Id == n.Id && x.Status == NotificatieStatus.Bezig).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, status)
            .SetProperty(x => x.Melding, melding)
            .SetProperty(x => x.VerzondenOp, verzonden)
            .SetProperty(x => x.BezigSinds, (DateTime?)null)
            .SetProperty(x => x.VolgendePogingOp, (DateTime?)null), ct);
        auditlog.Schrijf(AuditActie.Wijzigen, n.InburgeraarId, audit, AuditObject.Van<Notificatie>(n.Id), door: Systeem);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Messages left Bezig by a sender that stopped mid-send: may have left, so Onzeker, for beheer to decide.</summary>
    private async Task MarkeerOnderbrokenAsync(CancellationToken ct)
    {
        var grens = klok.NuUtc - opties.OnzekerNa;
        var onderbroken = await db.Notificaties.AsNoTracking().Where(n => n.Status == NotificatieStatus.Bezig && n.BezigSinds < grens)
            .Select(n => new { n.Id, n.InburgeraarId }).ToListAsync(ct);
        foreach (var o in onderbroken)
        {
            var gezet = await db.Notificaties.Where(n => n.Id == o.Id && n.Status == NotificatieStatus.Bezig && n.BezigSinds < grens).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Status, NotificatieStatus.Onzeker)
                .SetProperty(n => n.Melding, "Het versturen werd onderbroken; het bericht is misschien al aangekomen. Koers verstuurt het niet vanzelf opnieuw: controleer en bied het zo nodig opnieuw aan."), ct);
            if (gezet == 0) continue;
            auditlog.Schrijf(AuditActie.Wijzigen, o.InburgeraarId, "Bericht aan de inburgeraar: versturen onderbroken, status onzeker", AuditObject.Van<Notificatie>(o.Id), door: Systeem);
            await db.SaveChangesAsync(ct);
            log.LogWarning("Bericht {Id}: versturen onderbroken, status onzeker", o.Id);
        }
    }

    /// <summary>
    /// The e-mail: plain text in the person's language, and for appointments a text/calendar part with METHOD, as
    /// mail programs expect (RFC 6047). The Message-ID is derived from the notification id, so it never changes.
    /// </summary>
    public static MimeMessage Mime(Notificatie n, BerichtOpties opties)
    {
        var m = new MimeMessage { Subject = n.Onderwerp, MessageId = $"{n.Id:N}@koers.berichten", Date = DateTime.SpecifyKind(n.AangemaaktOp, DateTimeKind.Utc) };
        m.From.Add(new MailboxAddress(opties.Smtp.AfzenderNaam, opties.Smtp.Afzender));
        m.To.Add(MailboxAddress.Parse(n.Aan));
        m.Headers.Add("Auto-Submitted", "auto-generated");
        var tekst = new TextPart("plain") { Text = n.Tekst };
        tekst.ContentType.Charset = "utf-8";
        tekst.Headers.Add(HeaderId.ContentLanguage, n.Taal);
        if (n.Ics is null)
        {
            m.Body = tekst;
            return m;
        }

        var ics = new TextPart("calendar") { Text = n.Ics, ContentTransferEncoding = ContentEncoding.Base64 };
        ics.ContentType.Charset = "utf-8";
        ics.ContentType.Parameters.Add("method", n.IcsMethode ?? "REQUEST");
        ics.ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "afspraak.ics" };
        m.Body = new Multipart("mixed") { tekst, ics };
        return m;
    }

    private static string Soort(Notificatie n) => n.Soort switch
    {
        NotificatieSoort.AfspraakGepland => "Bericht over een nieuwe afspraak",
        NotificatieSoort.AfspraakGewijzigd => "Bericht over een gewijzigde afspraak",
        NotificatieSoort.AfspraakGeannuleerd => "Bericht over een geannuleerde afspraak",
        NotificatieSoort.NieuweBrief => "Bericht over een nieuwe brief",
        _ => "Bericht over een nieuw bericht van de klantregisseur",
    };

    private static string Kort(string s) => s.Length > 1900 ? s[..1900] + "…" : s;
}

/// <summary>Runs the sender every <see cref="BerichtOpties.Interval"/>.</summary>
public sealed class BerichtAchtergrond(IServiceScopeFactory scopes, BerichtOpties opties, ILogger<BerichtAchtergrond> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<BerichtVerzender>().VerstuurAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Berichten: ronde mislukt");
            }

            try
            {
                await Task.Delay(opties.Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

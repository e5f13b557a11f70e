using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Berichten;

/// <summary>
/// /beheer/berichten: e-mails and SMS to inburgeraars that have not gone out (waiting for a retry, failed, or
/// uncertain after an interrupted send), with a button to offer them again; and the most recent ones sent.
/// </summary>
public sealed class BeheerModel(BerichtenService berichten, BerichtOpties opties, IEmailKanaal email, ISmsKanaal sms) : PageModel
{
    public IReadOnlyList<NotificatieRegel> Open { get; private set; } = [];
    public IReadOnlyList<NotificatieRegel> Verzonden { get; private set; } = [];
    public string EmailKanaal => email switch
    {
        SmtpEmailKanaal => $"SMTP-server {opties.Smtp.Host}:{opties.Smtp.Port}",
        MapEmailKanaal m => $"geen SMTP-server: e-mails worden als .eml-bestand bewaard in {m.Pad} (demo)",
        _ => "niet ingesteld: e-mails blijven wachten tot Berichten:Smtp:Host is ingesteld",
    };
    public string SmsKanaal => sms.Ingesteld ? "sms-dienst ingesteld" : "niet ingesteld: sms'jes blijven wachten";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Open = await berichten.OpenAsync(ct);
        Verzonden = await berichten.RecentVerzondenAsync(ct);
    }

    public async Task<IActionResult> OnPostOpnieuwAsync(Guid bericht, CancellationToken ct)
    {
        var u = await berichten.OpnieuwAsync(bericht, ct);
        if (u is null) return NotFound();
        TempData["Melding"] = u.Value ? "Het bericht wordt opnieuw verstuurd." : "Dit bericht kan niet opnieuw worden aangeboden: alleen een mislukt of onzeker bericht.";
        return RedirectToPage();
    }

    public static string Status(Koers.Data.Model.NotificatieStatus s) => s switch
    {
        Koers.Data.Model.NotificatieStatus.Wachtend => "Wachtend",
        Koers.Data.Model.NotificatieStatus.Bezig => "Wordt verstuurd",
        Koers.Data.Model.NotificatieStatus.Verzonden => "Verzonden",
        Koers.Data.Model.NotificatieStatus.Mislukt => "Mislukt",
        Koers.Data.Model.NotificatieStatus.Onzeker => "Onzeker (onderbroken)",
        _ => "Vervallen (toestemming ingetrokken)",
    };

    public static string Soort(Koers.Data.Model.NotificatieSoort s) => s switch
    {
        Koers.Data.Model.NotificatieSoort.AfspraakGepland => "Afspraak gepland",
        Koers.Data.Model.NotificatieSoort.AfspraakGewijzigd => "Afspraak gewijzigd",
        Koers.Data.Model.NotificatieSoort.AfspraakGeannuleerd => "Afspraak geannuleerd",
        Koers.Data.Model.NotificatieSoort.NieuweBrief => "Nieuwe brief",
        _ => "Bericht van de klantregisseur",
    };
}

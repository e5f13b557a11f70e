namespace Koers.Web.Features.Berichten;

/// <summary>
/// Settings under 'Berichten' (docs/operations.md). Without <see cref="SmtpOpties.Host"/> no e-mail leaves Koers:
/// with <see cref="Map"/> set (the default in Development and Test) each e-mail is written there as an .eml file,
/// otherwise e-mails wait in the outbox until SMTP is configured. SMS goes out only with <see cref="SmsOpties.Url"/>.
/// </summary>
public sealed class BerichtOpties
{
    public SmtpOpties Smtp { get; set; } = new();
    public SmsOpties Sms { get; set; } = new();

    /// <summary>Folder for e-mails when no SMTP server is configured (demo): one .eml file per message, never sent.</summary>
    public string? Map { get; set; }

    /// <summary>The address of 'Mijn inburgering' that e-mails point to (the person logs in there to read).</summary>
    public string PortaalUrl { get; set; } = "http://localhost:5080/mijn";

    /// <summary>Runs the background sender (off in tests, which call it themselves).</summary>
    public bool Achtergrond { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>After this many failed attempts a message is Mislukt and shown on /beheer/berichten.</summary>
    public int MaxPogingen { get; set; } = 8;

    /// <summary>
    /// A message still 'Bezig' after this long belonged to a sender that stopped mid-send (crash, kill): it may have
    /// left, so it becomes Onzeker for beheer instead of being sent a second time.
    /// </summary>
    public TimeSpan OnzekerNa { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>30 s, 1, 2, 4 … minutes, at most an hour: an SMTP server that is down for maintenance is not hammered.</summary>
    public static TimeSpan Wachttijd(int pogingen) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, pogingen - 1))));

    public bool EmailIngesteld => !string.IsNullOrWhiteSpace(Smtp.Host) || !string.IsNullOrWhiteSpace(Map);
}

public sealed class SmtpOpties
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>StartTls (default, port 587), SslOnConnect (port 465), Auto, or Geen (only for a relay on a trusted network or a test server).</summary>
    public string Beveiliging { get; set; } = "StartTls";
    public string? Gebruiker { get; set; }
    public string? Wachtwoord { get; set; }
    public string Afzender { get; set; } = "noreply@koers.example";
    public string AfzenderNaam { get; set; } = "Gemeente (Koers)";
    public int TimeoutSeconden { get; set; } = 30;
}

/// <summary>A generic HTTP SMS gateway: POST {Url} with JSON {to, text, reference} and 'Authorization: Bearer {Token}'.</summary>
public sealed class SmsOpties
{
    public string? Url { get; set; }
    public string? Token { get; set; }
    public string Afzender { get; set; } = "Gemeente";
}

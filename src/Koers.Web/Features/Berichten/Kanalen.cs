using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Koers.Web.Features.Berichten;

/// <summary>The channel refused this message for good (unknown mailbox, number refused): retrying will not help.</summary>
public sealed class BerichtGeweigerdException(string melding, Exception? oorzaak = null) : Exception(melding, oorzaak);

/// <summary>Where e-mail goes: an SMTP server, or (demo) a folder.</summary>
public interface IEmailKanaal
{
    bool Ingesteld { get; }
    Task VerstuurAsync(MimeMessage bericht, CancellationToken ct);
}

/// <summary>
/// SMS as a pluggable channel: one implementation per provider. Koers ships <see cref="HttpSmsKanaal"/> (a generic
/// HTTP gateway) and <see cref="GeenSmsKanaal"/> (the default: SMS off). A municipality with another provider
/// registers its own implementation.
/// </summary>
public interface ISmsKanaal
{
    bool Ingesteld { get; }

    /// <param name="referentie">Stable per message, so a gateway that deduplicates never sends it twice.</param>
    Task VerstuurAsync(string nummer, string tekst, string referentie, CancellationToken ct);
}

public sealed class SmtpEmailKanaal(BerichtOpties opties) : IEmailKanaal
{
    public bool Ingesteld => true;

    public async Task VerstuurAsync(MimeMessage bericht, CancellationToken ct)
    {
        var s = opties.Smtp;
        using var client = new SmtpClient { Timeout = s.TimeoutSeconden * 1000 };
        var beveiliging = s.Beveiliging.ToUpperInvariant() switch
        {
            "GEEN" => SecureSocketOptions.None,
            "SSLONCONNECT" => SecureSocketOptions.SslOnConnect,
            "AUTO" => SecureSocketOptions.Auto,
            _ => SecureSocketOptions.StartTls,
        };
        try
        {
            await client.ConnectAsync(s.Host!, s.Port, beveiliging, ct);
            if (!string.IsNullOrEmpty(s.Gebruiker)) await client.AuthenticateAsync(s.Gebruiker, s.Wachtwoord ?? string.Empty, ct);
            await client.SendAsync(bericht, ct);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            // 5xx on the recipient or the message itself: permanent (RFC 5321 4.2.1). A 4xx or a 5xx on connect is not.
            throw new BerichtGeweigerdException($"De mailserver weigerde het bericht ({(int)e.StatusCode}).", e);
        }

        // The server accepted the message (250 after DATA): it is sent. A failing QUIT must not make it look unsent,
        // or it would be sent again.
        try
        {
            await client.DisconnectAsync(true, CancellationToken.None);
        }
#pragma warning disable CA1031 // see above: after acceptance nothing may turn the send into a failure
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}

/// <summary>
/// Demo and development: writes each e-mail as an .eml file (openable in any mail program) instead of sending it.
/// The file name is the message id, so writing the same message again overwrites rather than duplicates.
/// </summary>
public sealed class MapEmailKanaal(BerichtOpties opties, IWebHostEnvironment env) : IEmailKanaal
{
    public bool Ingesteld => true;

    public string Pad => Path.GetFullPath(Path.Combine(env.ContentRootPath, opties.Map!));

    public async Task VerstuurAsync(MimeMessage bericht, CancellationToken ct)
    {
        Directory.CreateDirectory(Pad);
        var naam = new string((bericht.MessageId ?? Guid.NewGuid().ToString("N")).Where(char.IsLetterOrDigit).ToArray());
        await bericht.WriteToAsync(Path.Combine(Pad, naam + ".eml"), ct);
    }
}

public sealed class GeenEmailKanaal : IEmailKanaal
{
    public bool Ingesteld => false;
    public Task VerstuurAsync(MimeMessage bericht, CancellationToken ct) => throw new InvalidOperationException("Geen e-mailkanaal ingesteld.");
}

public sealed class GeenSmsKanaal : ISmsKanaal
{
    public bool Ingesteld => false;
    public Task VerstuurAsync(string nummer, string tekst, string referentie, CancellationToken ct) => throw new InvalidOperationException("Geen sms-kanaal ingesteld.");
}

/// <summary>
/// A generic HTTP SMS gateway (most Dutch providers accept a variant of this): POST JSON {to, from, text, reference}
/// with a bearer token and the reference as Idempotency-Key. 2xx is sent; 400/422 a permanent refusal; anything
/// else is retried.
/// </summary>
public sealed class HttpSmsKanaal(HttpClient http, BerichtOpties opties) : ISmsKanaal
{
    public bool Ingesteld => true;

    public async Task VerstuurAsync(string nummer, string tekst, string referentie, CancellationToken ct)
    {
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, opties.Sms.Url)
        {
            Content = JsonContent.Create(new { to = nummer, from = opties.Sms.Afzender, text = tekst, reference = referentie }),
        };
        if (!string.IsNullOrEmpty(opties.Sms.Token)) verzoek.Headers.Authorization = new("Bearer", opties.Sms.Token);
        verzoek.Headers.Add("Idempotency-Key", referentie);
        using var antwoord = await http.SendAsync(verzoek, ct);
        if (antwoord.IsSuccessStatusCode) return;
        var code = (int)antwoord.StatusCode;
        if (code is 400 or 422) throw new BerichtGeweigerdException($"De sms-dienst weigerde het bericht ({code}).");
        throw new HttpRequestException($"De sms-dienst antwoordde {code}.");
    }
}

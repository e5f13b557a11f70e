using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Koers.Web.Features.Duo;

/// <summary>
/// Settings of the Digikoppeling REST API profile for DUO (section "Duo:Digikoppeling"): mutual TLS with PKIoverheid
/// certificates, the organisation identified by the OIN in the certificate's subject serialNumber. Switched on by
/// naming the CA bundle that issues DUO's certificates (<see cref="VertrouwdeCa"/>); from then on the notification
/// endpoint accepts only DUO's client certificate and the bearer token no longer counts.
/// </summary>
public sealed class DigikoppelingOpties
{
    /// <summary>Our own PKIoverheid certificate with private key: a PFX file, or a PEM certificate with <see cref="Sleutel"/>.</summary>
    public string? Certificaat { get; set; }

    /// <summary>The PEM private key belonging to a PEM <see cref="Certificaat"/>.</summary>
    public string? Sleutel { get; set; }

    /// <summary>Password of a PFX <see cref="Certificaat"/> (from a secret, never in appsettings).</summary>
    public string? Wachtwoord { get; set; }

    /// <summary>
    /// PEM bundle of the CA certificates that issue DUO's certificates (PKIoverheid Private Root CA G1 and its
    /// intermediates). DUO's client certificate and DUO's server certificate must chain to one of these; the
    /// operating system's trust store is not used (a public web CA must not be able to pose as DUO).
    /// </summary>
    public string? VertrouwdeCa { get; set; }

    /// <summary>
    /// When TLS ends at the load balancer: the request header in which it passes the verified client certificate
    /// (PEM, URL-encoded PEM, or base64 DER), e.g. HAProxy's <c>%[ssl_c_der,base64]</c>. Read only from a proxy
    /// listed in Koers:Proxy; from anyone else the header is removed before anything reads it.
    /// </summary>
    public string? CertificaatHeader { get; set; }

    /// <summary>Check revocation (CRL/OCSP) of DUO's certificates online. Off only where no CRL can be reached (tests).</summary>
    public bool Intrekkingscontrole { get; set; } = true;

    public bool Aan => !string.IsNullOrWhiteSpace(VertrouwdeCa);

    private X509Certificate2Collection? _ca;

    /// <summary>The trusted CA bundle, read from <see cref="VertrouwdeCa"/> once (at start, by AddDuo) and kept.</summary>
    public X509Certificate2Collection Ca => _ca ??= Digikoppeling.LaadCa(VertrouwdeCa!);
}

/// <summary>
/// Digikoppeling for the DUO connection: our client certificate on every call, DUO's client certificate checked on
/// the notification endpoint (chain to the configured CA, client-authentication usage, OIN in the subject equal to
/// DUO's, and the 'bron' header equal to that OIN).
/// </summary>
public static class Digikoppeling
{
    /// <summary>X.520 serialNumber: PKIoverheid puts the OIN there.</summary>
    private const string SerialNumberOid = "2.5.4.5";

    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    /// <summary>The OIN of a PKIoverheid certificate (20 digits in the subject's serialNumber), or null.</summary>
    public static string? Oin(X509Certificate2 certificaat)
    {
        ArgumentNullException.ThrowIfNull(certificaat);
        foreach (var rdn in certificaat.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.GetSingleElementType().Value == SerialNumberOid && rdn.GetSingleElementValue() is { Length: 20 } waarde && waarde.All(char.IsAsciiDigit))
            {
                return waarde;
            }
        }

        return null;
    }

    public static X509Certificate2Collection LaadCa(string pad)
    {
        var ca = new X509Certificate2Collection();
        ca.ImportFromPemFile(pad);
        if (ca.Count == 0) throw new InvalidOperationException($"Duo:Digikoppeling:VertrouwdeCa '{pad}' bevat geen certificaat.");
        return ca;
    }

    public static X509Certificate2 LaadEigenCertificaat(DigikoppelingOpties o)
    {
        if (string.IsNullOrWhiteSpace(o.Certificaat)) throw new InvalidOperationException("Duo:Digikoppeling:Certificaat is niet ingesteld.");
        var certificaat = o.Sleutel is { Length: > 0 } sleutel
            ? X509Certificate2.CreateFromPemFile(o.Certificaat, sleutel)
            : X509CertificateLoader.LoadPkcs12FromFile(o.Certificaat, o.Wachtwoord);
        if (!certificaat.HasPrivateKey) throw new InvalidOperationException("Duo:Digikoppeling:Certificaat heeft geen private sleutel.");
        // An ephemeral PEM key cannot be used by SslStream on every platform; a PKCS#12 round trip makes it usable.
        return X509CertificateLoader.LoadPkcs12(certificaat.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Whether the certificate chains to one of the trusted CAs (and only those), is valid now and may authenticate a client.</summary>
    public static string? Fout(X509Certificate2 certificaat, X509Certificate2Collection ca, bool intrekking, bool client)
    {
        ArgumentNullException.ThrowIfNull(certificaat);
        using var keten = new X509Chain();
        keten.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        keten.ChainPolicy.CustomTrustStore.AddRange(ca);
        keten.ChainPolicy.ExtraStore.AddRange(ca);
        keten.ChainPolicy.RevocationMode = intrekking ? X509RevocationMode.Online : X509RevocationMode.NoCheck;
        if (client) keten.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid(ClientAuthOid));
        if (!keten.Build(certificaat))
        {
            return "het certificaat is niet uitgegeven door een vertrouwde CA of is niet geldig ("
                   + string.Join(", ", keten.ChainStatus.Select(s => s.Status.ToString()).Distinct()) + ")";
        }

        return null;
    }

    /// <summary>
    /// The client certificate of this request: the TLS connection's, or (TLS ended at a listed proxy) the one the
    /// proxy passed in the configured header. <see cref="FilterHeader"/> has already removed that header when the
    /// sender was not a listed proxy.
    /// </summary>
    public static async Task<X509Certificate2?> ClientCertificaatAsync(HttpContext http, DigikoppelingOpties o)
    {
        var verbinding = await http.Connection.GetClientCertificateAsync(http.RequestAborted);
        if (verbinding is not null) return verbinding;
        if (o.CertificaatHeader is not { Length: > 0 } kop || http.Request.Headers[kop].ToString() is not { Length: > 0 } waarde) return null;
        try
        {
            // nginx passes URL-encoded PEM ($ssl_client_escaped_cert); HAProxy base64 DER, where '+' must stay '+'.
            var tekst = waarde.Contains('%', StringComparison.Ordinal) ? WebUtility.UrlDecode(waarde) : waarde;
            return tekst.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(tekst)
                : X509CertificateLoader.LoadCertificate(Convert.FromBase64String(tekst));
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// First in the pipeline (before the forwarded-headers middleware rewrites the peer address): the certificate
    /// header counts only from a proxy listed in Koers:Proxy. From anyone else it is removed, so a caller cannot pose
    /// as DUO by pasting DUO's public certificate into a header.
    /// </summary>
    public static IApplicationBuilder UseDigikoppelingHeaderFilter(this IApplicationBuilder app)
    {
        var opties = app.ApplicationServices.GetRequiredService<DuoOpties>().Digikoppeling;
        if (opties.CertificaatHeader is not { Length: > 0 } kop) return app;
        var forwarded = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>>().Value;
        return app.Use(async (http, volgende) =>
        {
            if (http.Request.Headers.ContainsKey(kop))
            {
                var peer = http.Connection.RemoteIpAddress;
                var bekend = peer is not null && (forwarded.KnownProxies.Contains(peer) || forwarded.KnownIPNetworks.Any(n => n.Contains(peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer)));
                if (!bekend) http.Request.Headers.Remove(kop);
            }

            await volgende();
        });
    }

    /// <summary>
    /// Direct TLS (no proxy in front): Kestrel asks every HTTPS client for a certificate but does not judge it; the
    /// notification endpoint does, against DUO's CA. Browsers without a certificate go on as before.
    /// </summary>
    public static void VraagClientCertificaat(HttpsConnectionAdapterOptions https)
    {
        ArgumentNullException.ThrowIfNull(https);
        https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
        https.ClientCertificateValidation = (_, _, _) => true;
    }

    /// <summary>Our certificate on every call to DUO, and DUO's server certificate checked against DUO's CA and host name.</summary>
    public static SocketsHttpHandler Handler(DigikoppelingOpties o)
    {
        var eigen = LaadEigenCertificaat(o);
        var ca = o.Ca;
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // see DuoRegistratie: a redirect is never followed with a person's data
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [eigen],
                RemoteCertificateValidationCallback = (_, certificaat, _, fouten) =>
                    certificaat is X509Certificate2 c
                    && (fouten & SslPolicyErrors.RemoteCertificateNameMismatch) == 0
                    && (fouten & SslPolicyErrors.RemoteCertificateNotAvailable) == 0
                    && Fout(c, ca, o.Intrekkingscontrole, client: false) is null,
            },
        };
    }
}

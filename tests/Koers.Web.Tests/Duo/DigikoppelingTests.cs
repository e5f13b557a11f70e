using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Koers.Data.Model.Duo;
using Koers.Web.Features.Duo;
using Koers.Web.Tests.Beveiliging;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Duo;

/// <summary>
/// A PKIoverheid-like test PKI made by the tests (nothing real in the repository): a root CA that issues DUO's and
/// Koers's certificates with the OIN in the subject's serialNumber, and a second, untrusted root.
/// </summary>
public sealed class TestPki : IDisposable
{
    public const string DuoOin = "00000001888888888000";
    public const string KoersOin = "00000001999999999000";

    private readonly string _map = Directory.CreateTempSubdirectory("koers-pki-").FullName;

    public TestPki()
    {
        Root = MaakRoot("Test PKIoverheid Private Root CA");
        AndereRoot = MaakRoot("Onbekende CA");
        CaPad = Path.Combine(_map, "duo-ca.pem");
        File.WriteAllText(CaPad, Root.ExportCertificatePem());
        Duo = Geef(Root, "DUO", DuoOin, client: true);
        Koers = Geef(Root, "Gemeente Koers", KoersOin, client: true);
        Server = Geef(Root, "localhost", "00000001777777777000", client: false, server: true);
        KoersPfx = Path.Combine(_map, "koers.pfx");
        File.WriteAllBytes(KoersPfx, Koers.Export(X509ContentType.Pkcs12, Wachtwoord));
    }

    public const string Wachtwoord = "test-pki-wachtwoord";
    public X509Certificate2 Root { get; }
    public X509Certificate2 AndereRoot { get; }
    public X509Certificate2 Duo { get; }
    public X509Certificate2 Koers { get; }
    public X509Certificate2 Server { get; }
    public string CaPad { get; }
    public string KoersPfx { get; }

    private static X509Certificate2 MaakRoot(string naam)
    {
        using var sleutel = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest($"CN={naam}, O=Koers test", sleutel, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddYears(2));
    }

    /// <summary>A certificate issued by <paramref name="ca"/>; the OIN goes where PKIoverheid puts it (subject serialNumber).</summary>
    public static X509Certificate2 Geef(X509Certificate2 ca, string naam, string oin, bool client, bool server = false, DateTimeOffset? tot = null)
    {
        using var sleutel = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest($"CN={naam}, SERIALNUMBER={oin}, O={naam}, C=NL", sleutel, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var gebruik = new OidCollection();
        if (client) gebruik.Add(new Oid("1.3.6.1.5.5.7.3.2"));
        if (server)
        {
            gebruik.Add(new Oid("1.3.6.1.5.5.7.3.1"));
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName("localhost");
            san.AddIpAddress(IPAddress.Loopback);
            req.CertificateExtensions.Add(san.Build());
        }

        req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(gebruik, false));
        var eind = tot ?? DateTimeOffset.UtcNow.AddYears(1);
        var begin = eind < DateTimeOffset.UtcNow ? eind.AddDays(-30) : DateTimeOffset.UtcNow.AddDays(-1);
        using var cert = req.Create(ca, begin, eind, RandomNumberGenerator.GetBytes(12));
        return X509CertificateLoader.LoadPkcs12(cert.CopyWithPrivateKey(sleutel).Export(X509ContentType.Pkcs12), null);
    }

    public void Dispose()
    {
        Directory.Delete(_map, recursive: true);
        foreach (var c in new[] { Root, AndereRoot, Duo, Koers, Server }) c.Dispose();
    }
}

/// <summary>
/// Digikoppeling (REST API profile) on loopback with real TLS: the notification endpoint accepts DUO's client
/// certificate only (right CA, client usage, DUO's OIN, 'bron' equal to it), the bearer token no longer counts, and
/// every call Koers makes to DUO carries Koers's certificate (the simulator, playing DUO, demands it).
/// </summary>
public sealed class DigikoppelingTests : IDisposable
{
    private readonly TestPki _pki = new();
    private readonly SqliteFactory _basis = new();
    private readonly WebApplicationFactory<Program> _app;
    private readonly int _poort;

    public DigikoppelingTests()
    {
        _poort = VrijePoort();
        _app = Start(_basis, _pki.Server);
    }

    private static int VrijePoort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private WebApplicationFactory<Program> Start(SqliteFactory basis, X509Certificate2 servercertificaat)
    {
        var app = basis.WithWebHostBuilder(b =>
        {
            b.UseSetting("Duo:Simulator", "true");
            MetDigikoppeling(b, $"https://localhost:{_poort}/duo-simulator/v1");
        });
        app.UseKestrel(k => k.Listen(IPAddress.Loopback, _poort, l => l.UseHttps(servercertificaat)));
        app.StartServer();
        return app;
    }

    /// <summary>Koers calling DUO at <paramref name="baseUrl"/> over Digikoppeling, with the test PKI's certificates.</summary>
    private void MetDigikoppeling(IWebHostBuilder b, string baseUrl)
    {
        b.UseSetting("Duo:BaseUrl", baseUrl);
        b.UseSetting("Duo:NotificatieToken", DuoOmgeving.Token);
        b.UseSetting("Duo:Digikoppeling:VertrouwdeCa", _pki.CaPad);
        b.UseSetting("Duo:Digikoppeling:Certificaat", _pki.KoersPfx);
        b.UseSetting("Duo:Digikoppeling:Wachtwoord", TestPki.Wachtwoord);
        b.UseSetting("Duo:Digikoppeling:Intrekkingscontrole", "false"); // the test CA publishes no CRL
    }

    private HttpClient Client(X509Certificate2? certificaat) => new(new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            ClientCertificates = certificaat is null ? null : [certificaat],
            RemoteCertificateValidationCallback = (_, c, _, _) => c is X509Certificate2 x && Digikoppeling.Fout(x, [_pki.Root], intrekking: false, client: false) is null,
        },
    })
    { BaseAddress = new Uri($"https://localhost:{_poort}") };

    private async Task<(HttpStatusCode Status, string Tekst, Guid BerichtId)> NotificeerAsync(X509Certificate2? certificaat, string bron = TestPki.DuoOin, bool token = false)
    {
        using var client = Client(certificaat);
        var berichtId = Guid.NewGuid();
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, DuoNotificatieApi.Pad)
        {
            Content = new StringContent($$"""{"registratieDatumTijd":"2026-06-10T09:00:00Z","gebeurtenisId":"SS142","bsn":"{{Testdata.NieuwBsn()}}"}""", Encoding.UTF8, "application/json"),
        };
        verzoek.Headers.Add("bron", bron);
        verzoek.Headers.Add("doel", TestPki.KoersOin);
        verzoek.Headers.Add("berichtId", berichtId.ToString());
        if (token) verzoek.Headers.Authorization = new("Bearer", DuoOmgeving.Token);
        using var antwoord = await client.SendAsync(verzoek);
        return (antwoord.StatusCode, await antwoord.Content.ReadAsStringAsync(), berichtId);
    }

    private bool Opgeslagen(Guid berichtId) => _basis.MetDatabase(db => db.DuoNotificaties.Any(n => n.BerichtId == berichtId));

    [Fact]
    public async Task Alleen_het_certificaat_van_DUO_wordt_aangenomen()
    {
        var goed = await NotificeerAsync(_pki.Duo);
        Assert.Equal(HttpStatusCode.Created, goed.Status);
        Assert.True(Opgeslagen(goed.BerichtId));

        // No certificate: the bearer token that used to be enough is not.
        var zonder = await NotificeerAsync(null, token: true);
        Assert.Equal(HttpStatusCode.Unauthorized, zonder.Status);
        Assert.Contains("PKIoverheid-clientcertificaat", zonder.Tekst);
        Assert.False(Opgeslagen(zonder.BerichtId));

        // Right CA, another organisation's OIN (Koers's own certificate).
        var anderOin = await NotificeerAsync(_pki.Koers, bron: TestPki.KoersOin);
        Assert.Equal(HttpStatusCode.Forbidden, anderOin.Status);
        Assert.Contains("is niet dat van DUO", anderOin.Tekst);
        Assert.False(Opgeslagen(anderOin.BerichtId));

        // DUO's OIN, but issued by a CA Koers does not trust.
        using var nep = TestPki.Geef(_pki.AndereRoot, "DUO", TestPki.DuoOin, client: true);
        var nepCa = await NotificeerAsync(nep);
        Assert.Equal(HttpStatusCode.Forbidden, nepCa.Status);
        Assert.Contains("niet uitgegeven door een vertrouwde CA", nepCa.Tekst);
        Assert.False(Opgeslagen(nepCa.BerichtId));

        // DUO's certificate, but the 'bron' header claims someone else.
        var andereBron = await NotificeerAsync(_pki.Duo, bron: "00000001555555555000");
        Assert.Equal(HttpStatusCode.Forbidden, andereBron.Status);
        Assert.Contains("'bron'", andereBron.Tekst);
        Assert.False(Opgeslagen(andereBron.BerichtId));

        // Expired.
        using var verlopen = TestPki.Geef(_pki.Root, "DUO", TestPki.DuoOin, client: true, tot: DateTimeOffset.UtcNow.AddDays(-1));
        var oud = await NotificeerAsync(verlopen);
        Assert.Equal(HttpStatusCode.Forbidden, oud.Status);
        Assert.False(Opgeslagen(oud.BerichtId));

        // A certificate for a server, not a client (no clientAuth usage).
        using var server = TestPki.Geef(_pki.Root, "DUO", TestPki.DuoOin, client: false, server: true);
        Assert.Equal(HttpStatusCode.Forbidden, (await NotificeerAsync(server)).Status);
    }

    [Fact]
    public async Task Koers_stuurt_zijn_eigen_certificaat_mee_en_DUO_ziet_het_OIN()
    {
        var bsn = Testdata.NieuwBsn();
        _app.Services.GetRequiredService<DuoSimulator>().Persoon(bsn).Plicht = new DuoInburgeringsplicht(true, new DateOnly(2026, 1, 5));
        using var scope = _app.Services.CreateScope();
        var duo = scope.ServiceProvider.GetRequiredService<DuoClient>();
        // Over real TLS to the simulator, which (as DUO) refuses a caller without Koers's certificate.
        var plicht = await duo.InburgeringsplichtAsync(bsn);
        Assert.Equal(new DateOnly(2026, 1, 5), plicht!.Begindatum);

        // The simulator's own check can fail: a call without a certificate is refused.
        using var kaal = Client(null);
        using var verzoek = new HttpRequestMessage(HttpMethod.Get, $"/duo-simulator/v1/personen/{bsn}/inburgeringsplicht");
        verzoek.Headers.Add("bron", TestPki.KoersOin);
        verzoek.Headers.Add("doel", TestPki.DuoOin);
        verzoek.Headers.Add("berichtId", Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await kaal.SendAsync(verzoek)).StatusCode);
    }

    [Fact]
    public async Task Koers_praat_niet_met_een_server_die_geen_DUO_certificaat_heeft()
    {
        // Koers itself now serves with a certificate from an untrusted CA: its DuoClient must refuse that 'DUO'.
        _app.Dispose();
        using var basis = new SqliteFactory();
        using var nepServer = TestPki.Geef(_pki.AndereRoot, "localhost", "00000001777777777000", client: false, server: true);
        using var app = Start(basis, nepServer);
        using var scope = app.Services.CreateScope();
        var fout = await Assert.ThrowsAsync<DuoOnbereikbaarException>(() => scope.ServiceProvider.GetRequiredService<DuoClient>().InburgeringsplichtAsync(Testdata.NieuwBsn()));
        Assert.NotNull(fout.InnerException);
    }

    [Fact]
    public async Task Over_Digikoppeling_volgt_Koers_geen_doorverwijzing()
    {
        // A stand-in for DUO over TLS with a trusted server certificate, answering every call under /duo/ with 302 to
        // another path on the same host: what a wrong Duo:BaseUrl in front of a portal's login page would do.
        var poort = VrijePoort();
        var naarDuo = new List<string>();
        var elders = new List<string>();
        var bouwer = WebApplication.CreateSlimBuilder();
        bouwer.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, poort, l => l.UseHttps(_pki.Server)));
        await using var standIn = bouwer.Build();
        standIn.Run(c =>
        {
            var regel = $"{c.Request.Method} {c.Request.Path}";
            if (c.Request.Path.StartsWithSegments("/duo"))
            {
                lock (naarDuo) naarDuo.Add(regel);
                c.Response.StatusCode = 302;
                c.Response.Headers.Location = $"https://localhost:{poort}/elders/inloggen";
            }
            else
            {
                lock (elders) elders.Add(regel);
            }

            return Task.CompletedTask;
        });
        await standIn.StartAsync();

        using var app = _basis.WithWebHostBuilder(b => MetDigikoppeling(b, $"https://localhost:{poort}/duo/v1"));
        using var scope = app.Services.CreateScope();
        var bsn = Testdata.NieuwBsn();
        var fout = await Assert.ThrowsAsync<DuoOnbereikbaarException>(() => scope.ServiceProvider.GetRequiredService<DuoClient>().InburgeringsplichtAsync(bsn));
        await standIn.StopAsync();

        // Asked once over Digikoppeling (the TLS handshake with Koers's certificate succeeded), and not followed.
        Assert.Equal([$"GET /duo/v1/personen/{bsn}/inburgeringsplicht"], naarDuo);
        Assert.Empty(elders);
        Assert.Contains("doorverwijzing (status 302)", fout.Message);
    }

    public void Dispose()
    {
        _app.Dispose();
        _basis.Dispose();
        _pki.Dispose();
    }
}

/// <summary>
/// TLS ended at the load balancer, which passes DUO's certificate in a header: believed only from a listed proxy, so
/// nobody can paste DUO's public certificate into that header and pose as DUO.
/// </summary>
public sealed class DigikoppelingProxyTests : IDisposable
{
    private const string Kop = "X-SSL-Client-Cert";
    private readonly TestPki _pki = new();
    private readonly SqliteFactory _basis = new();
    private readonly WebApplicationFactory<Program> _app;

    public DigikoppelingProxyTests()
    {
        _app = _basis.WithWebHostBuilder(b =>
        {
            b.UseSetting("Duo:Digikoppeling:VertrouwdeCa", _pki.CaPad);
            b.UseSetting("Duo:Digikoppeling:CertificaatHeader", Kop);
            b.UseSetting("Duo:Digikoppeling:Intrekkingscontrole", "false");
            b.UseSetting("Koers:Proxy:BekendeProxies:0", "10.0.0.5");
            b.ConfigureTestServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, AfzenderFilter>());
        });
    }

    private async Task<HttpStatusCode> NotificeerAsync(string afzender)
    {
        using var client = _app.CreateClient();
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, DuoNotificatieApi.Pad)
        {
            Content = new StringContent($$"""{"registratieDatumTijd":"2026-06-10T09:00:00Z","gebeurtenisId":"SS142","bsn":"{{Testdata.NieuwBsn()}}"}""", Encoding.UTF8, "application/json"),
        };
        verzoek.Headers.Add("bron", TestPki.DuoOin);
        verzoek.Headers.Add("doel", TestPki.KoersOin);
        verzoek.Headers.Add("berichtId", Guid.NewGuid().ToString());
        // As HAProxy sends it: %[ssl_c_der,base64].
        verzoek.Headers.Add(Kop, Convert.ToBase64String(_pki.Duo.RawData));
        verzoek.Van(afzender, doorgestuurdVoor: "192.0.2.10");
        using var antwoord = await client.SendAsync(verzoek);
        return antwoord.StatusCode;
    }

    [Fact]
    public async Task Certificaat_uit_een_header_telt_alleen_van_een_bekende_proxy()
    {
        Assert.Equal(HttpStatusCode.Created, await NotificeerAsync("10.0.0.5"));
        Assert.Equal(HttpStatusCode.Unauthorized, await NotificeerAsync("10.0.0.99"));
        Assert.Equal(1, _basis.MetDatabase(db => db.DuoNotificaties.Count(n => n.GebeurtenisId == "SS142" && n.Status != InboxStatus.Afgehandeld)));
    }

    public void Dispose()
    {
        _app.Dispose();
        _basis.Dispose();
        _pki.Dispose();
    }
}

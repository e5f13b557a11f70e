using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Koers.Web.Features.Duo;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Duo;

/// <summary>
/// Koers with the DUO simulator wired in-process: DuoClient and the simulator's notifications go through the test
/// server. <see cref="Herstart"/> builds a new app instance on the same database (a crash and restart, or a second
/// Koers instance). <see cref="DuoStoring"/> makes DUO answer 503 to test retries.
/// </summary>
public abstract class DuoOmgeving : IDisposable
{
    public const string Token = "duo-test-token-3f1c9a7e52b04d1d";

    protected DuoOmgeving(KoersFactory basis)
    {
        Basis = basis;
        App = Maak();
    }

    public KoersFactory Basis { get; }
    public WebApplicationFactory<Program> App { get; private set; }

    /// <summary>While true, every call from Koers to DUO answers 503 Service Unavailable.</summary>
    public bool DuoStoring { get; set; }

    public DuoSimulator Sim => App.Services.GetRequiredService<DuoSimulator>();

    public WebApplicationFactory<Program> Maak()
    {
        WebApplicationFactory<Program>? app = null;
        app = Basis.WithWebHostBuilder(b =>
        {
            b.UseSetting("Duo:BaseUrl", "http://localhost/duo-simulator/v1");
            b.UseSetting("Duo:NotificatieToken", Token);
            b.UseSetting("Duo:Gemeente", "GM1724");
            b.ConfigureTestServices(s =>
            {
                s.AddHttpClient<DuoClient>().ConfigurePrimaryHttpMessageHandler(() => new Storing(this) { InnerHandler = app!.Server.CreateHandler() });
                s.AddHttpClient(DuoSimulator.NotificatieClient)
                    .ConfigureHttpClient(c => c.BaseAddress = new Uri("http://localhost/"))
                    .ConfigurePrimaryHttpMessageHandler(() => app!.Server.CreateHandler());
            });
        });
        return app;
    }

    /// <summary>A new Koers instance on the same database; the old one is gone (its simulator state too).</summary>
    public void Herstart()
    {
        App.Dispose();
        App = Maak();
    }

    public async Task<int> VerwerkAsync(WebApplicationFactory<Program>? app = null)
    {
        using var scope = (app ?? App).Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DuoInbox>().VerwerkAsync();
    }

    public async Task<int> VerstuurAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DuoOutbox>().VerstuurAsync();
    }

    /// <summary>Posts a notification as DUO does: bearer token, bron/doel/berichtId headers, body per schema Notificatie.</summary>
    public async Task<HttpResponseMessage> NotificeerAsync(string json, Guid? berichtId = null, string? token = Token, bool metKoppen = true)
    {
        using var client = App.CreateClient();
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, DuoNotificatieApi.Pad) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null) verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (metKoppen)
        {
            verzoek.Headers.Add("bron", "00000001888888888000");
            verzoek.Headers.Add("doel", "00000001999999999000");
            verzoek.Headers.Add("berichtId", (berichtId ?? Guid.NewGuid()).ToString());
        }

        return await client.SendAsync(verzoek);
    }

    public Task<HttpResponseMessage> NotificeerAsync(string gebeurtenis, string bsn, DateTimeOffset tijd, Guid? berichtId = null) =>
        NotificeerAsync($$"""{"registratieDatumTijd":"{{tijd.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","gebeurtenisId":"{{gebeurtenis}}","bsn":"{{bsn}}"}""", berichtId);

    public void Dispose()
    {
        App.Dispose();
        Basis.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class Storing(DuoOmgeving omgeving) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            omgeving.DuoStoring
                ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable))
                : base.SendAsync(request, cancellationToken);
    }
}

public sealed class DuoSqliteOmgeving() : DuoOmgeving(new SqliteFactory());

public sealed class DuoPostgresOmgeving() : DuoOmgeving(new PostgresFactory());

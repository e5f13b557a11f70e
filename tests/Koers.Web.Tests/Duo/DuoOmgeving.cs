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

    /// <summary>How long each call from Koers to DUO takes (a real DUO is not on loopback); zero by default.</summary>
    public TimeSpan DuoVertraging { get; set; }

    private int _duoLopend;
    private int _duoMaxLopend;

    /// <summary>The most calls to DUO that were under way at the same moment since the last <see cref="NulMaxLopend"/>.</summary>
    public int DuoMaxLopend => Volatile.Read(ref _duoMaxLopend);

    public void NulMaxLopend() => Volatile.Write(ref _duoMaxLopend, 0);

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
                s.AddHttpClient<DuoClient>().ConfigurePrimaryHttpMessageHandler(() => new Storing(this) { InnerHandler = new LaterServerHandler(() => app!.Server.CreateHandler()) });
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

    /// <summary>Reads the database through a fresh scope of the current instance.</summary>
    public T Db<T>(Func<Koers.Data.KoersDbContext, T> werk)
    {
        using var scope = App.Services.CreateScope();
        return werk(scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>());
    }

    /// <summary>A client signed in as <paramref name="email"/> instead of the default all-roles test user.</summary>
    public HttpClient Als(string email)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Remove(Koers.Web.Features.Beveiliging.TestAuthenticatie.Header);
        client.DefaultRequestHeaders.Add(Koers.Web.Features.Beveiliging.TestAuthenticatie.Header, email);
        return client;
    }

    /// <summary>
    /// A case registered by Koers (koppeling 2 March, BRP 14 April, intake, toets) with a concept PIP ready to be
    /// vastgesteld. By default DUO's plicht starts 5 January; <paramref name="simKent"/> false leaves DUO's data to
    /// what the simulator learns from Koers itself.
    /// </summary>
    public async Task<string> DossierMetPipConceptAsync(string bsn, string leerroute, DateOnly? duoPlichtSinds = null, bool simKent = true)
    {
        var client = App.CreateClient();
        var invoer = Testdata.Inburgeraar(bsn: bsn, koppelingsdatum: "2026-03-02");
        var r = await client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var id = (await r.LeesAsync())["id"]!.GetValue<string>();
        if (simKent) Sim.Persoon(bsn).Plicht = new DuoInburgeringsplicht(true, duoPlichtSinds ?? new DateOnly(2026, 1, 5));
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = "2026-04-14" })).StatusCode);
        await Testdata.IntakeVolledigAsync(client, id);
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/leerbaarheidstoets",
            new { aangemeld = "2026-04-20", afgenomen = "2026-05-06", afnemer = "Afnemer", score = 30 })).StatusCode);
        var concept = await (await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/pip/concept", new
        {
            leerroute, knm = true, pvt = true, map = true, participatie = "vrijwilligerswerk", hoofddoel = "betaaldWerken",
            aanbieder = "Taalschool", geplandeStart = "2026-07-01",
            // The toets advised the B1-route; another route needs its reason in the PIP.
            motivatieAfwijkingLbt = leerroute == "b1Route" ? null : "Medische beperking maakt de B1-route nu niet haalbaar.",
        })).LeesAsync();
        Assert.True(concept["magVastgesteld"]!.GetValue<bool>(), concept.ToJsonString());
        return id;
    }

    /// <summary>Vaststellen of the concept with dagtekening 15 June 2026 (later than 10 weeks after BRP, so with a reason).</summary>
    public async Task<HttpResponseMessage> VaststellenAsync(string id) =>
        await App.CreateClient().PostJsonAsync($"/api/v1/inburgeraars/{id}/pip/vaststellen", new { dagtekening = "2026-06-15", redenTeLaat = "Wachten op de uitslag van de proefles." });

    public async Task<string> DossierMetVastgesteldPipAsync(string bsn, string leerroute, DateOnly? duoPlichtSinds = null, bool simKent = true)
    {
        var id = await DossierMetPipConceptAsync(bsn, leerroute, duoPlichtSinds, simKent);
        Assert.Equal(HttpStatusCode.Created, (await VaststellenAsync(id)).StatusCode);
        return id;
    }

    public void Dispose()
    {
        App.Dispose();
        Basis.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class Storing(DuoOmgeving omgeving) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (omgeving.DuoStoring) return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            var lopend = Interlocked.Increment(ref omgeving._duoLopend);
            try
            {
                // Counts how many calls overlap: the inbox's parallel workers show here.
                int max;
                while (lopend > (max = Volatile.Read(ref omgeving._duoMaxLopend)) && Interlocked.CompareExchange(ref omgeving._duoMaxLopend, lopend, max) != max)
                {
                }

                if (omgeving.DuoVertraging > TimeSpan.Zero) await Task.Delay(omgeving.DuoVertraging, cancellationToken);
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref omgeving._duoLopend);
            }
        }
    }
}

public sealed class DuoSqliteOmgeving() : DuoOmgeving(new SqliteFactory());

public sealed class DuoPostgresOmgeving() : DuoOmgeving(new PostgresFactory());

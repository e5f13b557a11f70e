using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Infrastructure;

/// <summary>
/// Koers with one of its chain links pointed at the stand-in inside the same test server (BRP, zaaksysteem): the
/// feature's typed HttpClient gets the test server's handler, so its calls go through the real HTTP pipeline without a
/// socket. <paramref name="inrichten"/> sets the link's settings and swaps the handler (it is given a factory for it).
/// </summary>
public abstract class KoppelingOmgeving : IDisposable
{
    protected KoppelingOmgeving(KoersFactory basis, Action<IWebHostBuilder, Func<HttpMessageHandler>> inrichten)
    {
        Basis = basis;
        WebApplicationFactory<Program>? app = null;
        // A handler made at the first request: asking the factory for its server while the app is still starting (a
        // typed client made during seeding) would start a second app with a stand-in the test never sees.
        app = basis.WithWebHostBuilder(b => inrichten(b, () => new LaterServerHandler(() => app!.Server.CreateHandler())));
        App = app;
    }

    public KoersFactory Basis { get; }
    public WebApplicationFactory<Program> App { get; }

    public HttpClient Als(string? email = null, bool volgRedirects = true)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = volgRedirects });
        if (email is null) return client;
        client.DefaultRequestHeaders.Remove(Koers.Web.Features.Beveiliging.TestAuthenticatie.Header);
        client.DefaultRequestHeaders.Add(Koers.Web.Features.Beveiliging.TestAuthenticatie.Header, email);
        return client;
    }

    public T Db<T>(Func<Koers.Data.KoersDbContext, T> werk)
    {
        using var scope = App.Services.CreateScope();
        return werk(scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>());
    }

    public void Dispose()
    {
        App.Dispose();
        Basis.Dispose();
        GC.SuppressFinalize(this);
    }
}

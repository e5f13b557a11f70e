namespace Koers.Web.Tests.Infrastructure;

/// <summary>
/// A handler to the in-process test server that is made at the first request, not when the HTTP client is made. The demo
/// seeding creates DUO's client (the PIP service needs the DUO outbox) while the app is still starting; asking a
/// WebApplicationFactory for its server at that moment starts a second app, whose DUO simulator the test never sees.
/// </summary>
public sealed class LaterServerHandler(Func<HttpMessageHandler> maak) : HttpMessageHandler
{
    private readonly Lazy<HttpMessageInvoker> _invoker = new(() => new HttpMessageInvoker(maak(), disposeHandler: true));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _invoker.Value.SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _invoker.IsValueCreated) _invoker.Value.Dispose();
        base.Dispose(disposing);
    }
}

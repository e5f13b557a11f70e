using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Koers.Web.Tests.Beveiliging;

/// <summary>
/// The TCP sender of a test request. TestServer has no socket, so the peer address is set from this header by a
/// startup filter that runs before Koers's own pipeline, exactly where Kestrel would have set it.
/// </summary>
public sealed class AfzenderFilter : IStartupFilter
{
    public const string Header = "X-Test-Afzender";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, volgende) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var afzender))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(afzender.ToString());
                context.Request.Headers.Remove(Header);
            }

            await volgende();
        });
        next(app);
    };
}

public static class RandHulp
{
    /// <summary>A request as sent by <paramref name="afzender"/> (the TCP peer), optionally with X-Forwarded-* headers.</summary>
    public static HttpRequestMessage Van(this HttpRequestMessage verzoek, string afzender, string? doorgestuurdVoor = null, string? proto = null, string? host = null)
    {
        verzoek.Headers.Add(AfzenderFilter.Header, afzender);
        if (doorgestuurdVoor is not null) verzoek.Headers.Add("X-Forwarded-For", doorgestuurdVoor);
        if (proto is not null) verzoek.Headers.Add("X-Forwarded-Proto", proto);
        if (host is not null) verzoek.Headers.Host = host;
        return verzoek;
    }
}

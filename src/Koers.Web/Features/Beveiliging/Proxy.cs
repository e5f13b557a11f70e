using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Koers.Web.Features.Beveiliging;

/// <summary>
/// Koers behind a reverse proxy that terminates TLS. Only the proxies named in configuration are believed:
/// <c>Koers:Proxy:BekendeProxies</c> (IP addresses) and <c>Koers:Proxy:BekendeNetwerken</c> (CIDR, e.g. 10.0.0.0/24).
/// From those, X-Forwarded-For sets the client IP (used by the rate limits and the audit log) and X-Forwarded-Proto the
/// scheme (so cookies get Secure and HSTS applies); X-Forwarded-Host only with <c>Koers:Proxy:VertrouwHost</c>=true,
/// because the host decides the origin the CSRF guard compares with. ASP.NET Core's own defaults (trust loopback) are
/// cleared: a sender that is not listed has its X-Forwarded-* ignored. Without configuration nothing is forwarded.
/// </summary>
public static class Proxy
{
    public const string Sectie = "Koers:Proxy";

    /// <summary>HSTS for a year: long enough to matter, and the site is HTTPS-only anyway. No preload or subdomains:
    /// the municipality's other hosts under the same domain are not ours to decide for.</summary>
    public static readonly TimeSpan HstsDuur = TimeSpan.FromDays(365);

    public static IServiceCollection AddKoersProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var sectie = configuration.GetSection(Sectie);
        var proxies = sectie.GetSection("BekendeProxies").Get<string[]>() ?? [];
        var netwerken = sectie.GetSection("BekendeNetwerken").Get<string[]>() ?? [];
        var host = sectie.GetValue("VertrouwHost", false);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | (host ? ForwardedHeaders.XForwardedHost : 0);
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var ip in proxies.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                o.KnownProxies.Add(IPAddress.TryParse(ip.Trim(), out var adres)
                    ? adres
                    : throw new InvalidOperationException($"{Sectie}:BekendeProxies: '{ip}' is geen IP-adres."));
            }

            foreach (var netwerk in netwerken.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(netwerk.Trim(), out var net)
                    ? net
                    : throw new InvalidOperationException($"{Sectie}:BekendeNetwerken: '{netwerk}' is geen netwerk in CIDR-notatie (zoals 10.0.0.0/24)."));
            }

            // A chain of listed proxies is walked back to the first address that is not one of them: that is the client.
            o.ForwardLimit = null;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = HstsDuur;
            o.IncludeSubDomains = false;
            o.Preload = false;
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after it sees the client's IP and scheme.</summary>
    public static IApplicationBuilder UseKoersProxy(this IApplicationBuilder app, IConfiguration configuration)
    {
        var sectie = configuration.GetSection(Sectie);
        var ingesteld = (sectie.GetSection("BekendeProxies").Get<string[]>() ?? []).Any(p => !string.IsNullOrWhiteSpace(p))
            || (sectie.GetSection("BekendeNetwerken").Get<string[]>() ?? []).Any(n => !string.IsNullOrWhiteSpace(n));
        return ingesteld ? app.UseForwardedHeaders() : app;
    }
}

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Koers.Web.Features.Beveiliging;

/// <summary>
/// CSRF protection of the JSON API for requests that are signed in by the session cookie. The browser sends that
/// cookie by itself, also with a form or fetch from another site (or from a sibling subdomain, which SameSite=Lax
/// counts as the same site), so a state-changing request (POST/PUT/PATCH/DELETE) under /api needs both:
/// <list type="number">
/// <item>an <c>Origin</c> header (or, when a browser sends none, a <c>Referer</c>) that is this app's own origin
///   (scheme, host and port of the request as the client saw it, see <see cref="Proxy"/>), and</item>
/// <item>a valid ASP.NET Core antiforgery token in the <see cref="Header"/> header, bound to the signed-in user; the
///   screens get it from <c>GET /api/v1/antiforgery</c>.</item>
/// </list>
/// Otherwise the answer is 403 (problem+json, in Dutch) before the endpoint runs, so nothing is changed.
/// Requests authenticated by a header the browser never adds by itself — <c>Authorization: Bearer</c> (API clients,
/// DUO's notifications) or the test header — carry no ambient credentials and are not affected; nor are requests
/// without a signed-in user (they can do nothing a stranger could not do anyway).
/// </summary>
public static class ApiCsrf
{
    public const string Header = "X-CSRF-TOKEN";

    /// <summary>The antiforgery header name (ASP.NET Core's default is RequestVerificationToken; this one is what API clients expect).</summary>
    public static IServiceCollection AddApiCsrf(this IServiceCollection services) => services.AddAntiforgery(o => o.HeaderName = Header);

    public static IApplicationBuilder UseApiCsrfBescherming(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (MoetControleren(context) && await WeigerredenAsync(context) is { } reden)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiCsrf))
                .LogWarning("API-verzoek {Methode} {Pad} geweigerd (CSRF): {Reden}", context.Request.Method, context.Request.Path, reden.Log);
            await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Verzoek geweigerd", detail: reden.Melding)
                .ExecuteAsync(context);
            return;
        }

        await next();
    });

    /// <summary>GET /api/v1/antiforgery: a token for the signed-in user, to send back in <see cref="Header"/>.</summary>
    public static RouteGroupBuilder MapAntiforgeryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/antiforgery", (IAntiforgery antiforgery, HttpContext context) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(context);
                return TypedResults.Ok(new AntiforgeryTokenDto(tokens.RequestToken!, tokens.HeaderName ?? Header));
            })
            .WithTags("Inloggen")
            .WithSummary("Antiforgery-token voor schermen die met de sessiecookie de API aanroepen (meesturen in de header X-CSRF-TOKEN)");
        return api;
    }

    private static bool MoetControleren(HttpContext context)
    {
        var m = context.Request.Method;
        if (HttpMethods.IsGet(m) || HttpMethods.IsHead(m) || HttpMethods.IsOptions(m) || HttpMethods.IsTrace(m)) return false;
        if (!context.Request.Path.StartsWithSegments("/api")) return false; // Razor Pages validate their own form token
        if (context.User.Identity?.IsAuthenticated != true) return false;
        // Fail closed: every signed-in request counts as cookie-borne unless a header scheme authenticated it.
        var schema = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Ticket?.AuthenticationScheme;
        return !(schema is not null && (schema.StartsWith(IdentityConstants.BearerScheme, StringComparison.Ordinal) || schema == TestAuthenticatie.Schema));
    }

    private sealed record Weigering(string Melding, string Log);

    private static async Task<Weigering?> WeigerredenAsync(HttpContext context)
    {
        var herkomst = Herkomst(context.Request);
        if (herkomst is null)
        {
            return new("Dit verzoek zegt niet van welke site het komt (de header Origin ontbreekt). Er is niets gewijzigd.", "geen Origin of Referer");
        }

        if (!IsEigen(herkomst, context.Request))
        {
            return new("Dit verzoek komt van een andere site dan Koers. Er is niets gewijzigd.", "Origin is van een andere site");
        }

        if (string.IsNullOrEmpty(context.Request.Headers[Header]))
        {
            return new($"Het beveiligingstoken ontbreekt. Haal het op met GET /api/v1/antiforgery en stuur het mee in de header {Header}. Er is niets gewijzigd.", "geen antiforgery-token");
        }

        // The header is there, so the token store reads it from the header and never reads a (large) form body.
        if (!await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            return new($"Het beveiligingstoken in de header {Header} is ongeldig of hoort bij een andere gebruiker. Haal een nieuw token op met GET /api/v1/antiforgery. Er is niets gewijzigd.", "ongeldig antiforgery-token");
        }

        return null;
    }

    /// <summary>Origin, else the origin part of Referer; null when neither is usable ("null" included).</summary>
    private static Uri? Herkomst(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (!string.IsNullOrEmpty(origin))
        {
            return Uri.TryCreate(origin, UriKind.Absolute, out var o) ? o : null;
        }

        var referer = request.Headers.Referer.ToString();
        return !string.IsNullOrEmpty(referer) && Uri.TryCreate(referer, UriKind.Absolute, out var r) ? r : null;
    }

    private static bool IsEigen(Uri herkomst, HttpRequest request)
    {
        if (!string.Equals(herkomst.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)) return false;
        if (!Uri.TryCreate($"{request.Scheme}://{request.Host.Value}", UriKind.Absolute, out var eigen)) return false;
        if (!string.Equals(herkomst.IdnHost, eigen.IdnHost, StringComparison.OrdinalIgnoreCase)) return false;
        var eigenPoort = request.Host.Port ?? (request.IsHttps ? 443 : 80);
        return herkomst.Port == eigenPoort;
    }
}

public sealed record AntiforgeryTokenDto(string Token, string Header);

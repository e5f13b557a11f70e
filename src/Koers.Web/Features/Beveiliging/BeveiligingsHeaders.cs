namespace Koers.Web.Features.Beveiliging;

/// <summary>
/// Security headers on every response (BIO / NCSC web guidelines): a strict Content-Security-Policy (no
/// inline or third-party scripts), no framing, no MIME sniffing, no referrer leaking case ids.
/// HSTS is added by UseHsts outside development, and only over HTTPS.
/// </summary>
public static class BeveiligingsHeaders
{
    public const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseBeveiligingsHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = Csp;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            // Pages, API answers, exports and PDFs carry personal data: no browser, proxy or shared computer may keep a
            // copy. Only the static files (css, scripts, fonts) may be cached; see Cachebeleid.
            if (!Cachebeleid.IsStatisch(context))
            {
                h.CacheControl = "no-store";
                h.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        await next();
    });
}

/// <summary>
/// Refuses bodies above the limit before they are read (413), also where the server itself sets no limit
/// (behind a proxy, in tests); chunked bodies are capped through the server's body-size feature.
/// </summary>
public static class VerzoekLimiet
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static IApplicationBuilder UseVerzoekLimiet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var feature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = MaxBytes;
        if (context.Request.ContentLength > MaxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = 413, Title = "Het verzoek is te groot", Detail = $"Stuur hoogstens {MaxBytes / 1024 / 1024} MB per verzoek." },
            });
            return;
        }

        await next();
    });
}

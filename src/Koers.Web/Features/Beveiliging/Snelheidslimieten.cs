using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;

namespace Koers.Web.Features.Beveiliging;

/// <summary>One limit: at most <see cref="Aantal"/> requests per <see cref="Venster"/>.</summary>
public sealed class Limiet
{
    public int Aantal { get; set; }
    public TimeSpan Venster { get; set; }
}

/// <summary>The limits, configurable under <c>Koers:Beveiliging:Limieten</c> (e.g. <c>Koers:Beveiliging:Limieten:InloggenPerIp:Aantal</c>).</summary>
public sealed class Limieten
{
    public const string Sectie = "Koers:Beveiliging:Limieten";

    /// <summary>Sign-in attempts per client IP: a password spray over many accounts from one place. Not lower: a town
    /// hall's staff often share one outgoing address, and they all sign in around half past eight.</summary>
    public Limiet InloggenPerIp { get; set; } = new() { Aantal = 100, Venster = TimeSpan.FromMinutes(5) };

    /// <summary>Sign-in attempts per account name, from anywhere: guessing one password from many addresses. Identity's
    /// lockout (5 failures) protects the password; this keeps the lockout itself from being hammered.</summary>
    public Limiet InloggenPerAccount { get; set; } = new() { Aantal = 10, Venster = TimeSpan.FromMinutes(5) };

    /// <summary>Downloads of exports (CSV, Excel, handover zip) per user: bulk copying of personal data.</summary>
    public Limiet Exports { get; set; } = new() { Aantal = 30, Venster = TimeSpan.FromMinutes(1) };

    /// <summary>File uploads (CSV) per user: each is parsed, checked against the database and stored.</summary>
    public Limiet Uploads { get; set; } = new() { Aantal = 10, Venster = TimeSpan.FromMinutes(1) };
}

/// <summary>
/// Rate limits at the edge (issue #15): sign-in (the /inloggen form, the 2FA step and POST /api/v1/inloggen) per client
/// IP and per account name; exports and uploads per signed-in user (or IP). Over the limit the answer is 429 with
/// problem+json in Dutch and Retry-After, before the page or endpoint runs. The client IP is the forwarded one only when
/// the sender is a configured proxy (<see cref="Proxy"/>). Built on System.Threading.RateLimiting's fixed windows;
/// idle partitions are cleaned up by the partitioned limiter itself. A custom middleware rather than UseRateLimiter,
/// because the account name is in the request body, which a synchronous partitioner cannot read.
/// </summary>
public sealed class Snelheidslimieten : IDisposable
{
    public enum Soort { InloggenPerIp, InloggenPerAccount, Export, Upload }

    private readonly Dictionary<Soort, PartitionedRateLimiter<string>> _limiters;

    public Snelheidslimieten(Microsoft.Extensions.Options.IOptions<Limieten> opties)
    {
        var l = opties.Value;
        _limiters = new()
        {
            [Soort.InloggenPerIp] = Maak(l.InloggenPerIp),
            [Soort.InloggenPerAccount] = Maak(l.InloggenPerAccount),
            [Soort.Export] = Maak(l.Exports),
            [Soort.Upload] = Maak(l.Uploads),
        };
    }

    private static PartitionedRateLimiter<string> Maak(Limiet limiet) => PartitionedRateLimiter.Create<string, string>(sleutel =>
        RateLimitPartition.GetFixedWindowLimiter(sleutel, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limiet.Aantal),
            Window = limiet.Venster > TimeSpan.Zero ? limiet.Venster : TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Null when allowed; otherwise how long to wait.</summary>
    public TimeSpan? Probeer(Soort soort, string sleutel)
    {
        using var lease = _limiters[soort].AttemptAcquire(sleutel);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wacht) ? wacht : TimeSpan.FromMinutes(1);
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values) limiter.Dispose();
    }

    /// <summary>What kind of request this is, for the limits; null when no limit applies.</summary>
    public static Soort? Classificeer(HttpRequest request)
    {
        var pad = request.Path;
        if (HttpMethods.IsPost(request.Method) && (pad.StartsWithSegments("/inloggen") || pad.StartsWithSegments("/api/v1/inloggen")))
        {
            return Soort.InloggenPerIp;
        }

        if ((HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)) && IsBestand(request.ContentType)) return Soort.Upload;
        if (HttpMethods.IsGet(request.Method) && IsExport(request)) return Soort.Export;
        return null;
    }

    /// <summary>A file upload: multipart (forms, API clients) or a raw CSV body (the partner API accepts both).</summary>
    private static bool IsBestand(string? contentType) =>
        contentType is not null && (contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The exports: the monitor's tables (…/tabellen/{tabel}/csv or /xlsx; other files as .csv/.xlsx), the handover dossier (.zip of letters), the partner's refused rows
    /// (API and page) and the audit log as CSV. New exports should use one of these shapes (or be added here).
    /// </summary>
    private static bool IsExport(HttpRequest request)
    {
        var pad = request.Path.Value ?? string.Empty;
        if (pad.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || pad.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            || pad.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
            || pad.EndsWith("/csv", StringComparison.OrdinalIgnoreCase) || pad.EndsWith("/xlsx", StringComparison.OrdinalIgnoreCase)
            || pad.EndsWith("/overdrachtsdossier", StringComparison.OrdinalIgnoreCase)
            || pad.EndsWith("/fouten", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var handler = request.Query["handler"].ToString();
        return handler.Equals("csv", StringComparison.OrdinalIgnoreCase) || handler.Equals("fouten", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The account name a sign-in is for: the form's Email field or the JSON body's "email". Bounded reads only.</summary>
    public static async Task<string?> AccountAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            if (request.ContentLength is > 64 * 1024) return null;
            var form = await request.ReadFormAsync(ct); // cached: the page's model binding reads the same form
            return Normaliseer(form["Email"].ToString());
        }

        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true || request.ContentLength is > 16 * 1024) return null;
        request.EnableBuffering(16 * 1024);
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var veld in doc.RootElement.EnumerateObject())
            {
                if (veld.Name.Equals("email", StringComparison.OrdinalIgnoreCase) && veld.Value.ValueKind == JsonValueKind.String)
                {
                    return Normaliseer(veld.Value.GetString());
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null; // the endpoint itself answers a malformed body
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static string? Normaliseer(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant() is var e && e.Length <= 256 ? e : e[..256];
}

public static class SnelheidslimietenInstellingen
{
    public static IServiceCollection AddSnelheidslimieten(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<Limieten>(configuration.GetSection(Limieten.Sectie));
        services.AddSingleton<Snelheidslimieten>();
        return services;
    }

    /// <summary>After authentication (exports and uploads count per user), before CSRF checks, audit and the endpoints.</summary>
    public static IApplicationBuilder UseSnelheidslimieten(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var soort = Snelheidslimieten.Classificeer(context.Request);
        if (soort is null)
        {
            await next();
            return;
        }

        var limieten = context.RequestServices.GetRequiredService<Snelheidslimieten>();
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "onbekend";
        TimeSpan? wacht;
        Snelheidslimieten.Soort geraakt;
        if (soort == Snelheidslimieten.Soort.InloggenPerIp)
        {
            geraakt = Snelheidslimieten.Soort.InloggenPerIp;
            wacht = limieten.Probeer(geraakt, ip);
            if (wacht is null && await Snelheidslimieten.AccountAsync(context.Request, context.RequestAborted) is { } account)
            {
                geraakt = Snelheidslimieten.Soort.InloggenPerAccount;
                wacht = limieten.Probeer(geraakt, account);
            }
        }
        else
        {
            geraakt = soort.Value;
            var wie = context.User.Identity?.IsAuthenticated == true && context.User.Identity.Name is { Length: > 0 } naam ? "gebruiker:" + naam : "ip:" + ip;
            wacht = limieten.Probeer(geraakt, wie);
        }

        if (wacht is null)
        {
            await next();
            return;
        }

        // No IP or account name in the log: both are personal data; the kind and path are enough to see an attack.
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<Snelheidslimieten>()
            .LogWarning("Snelheidslimiet {Soort} bereikt voor {Methode} {Pad}", geraakt, context.Request.Method, context.Request.Path);
        var seconden = Math.Max(1, (int)Math.Ceiling(wacht.Value.TotalSeconds));
        context.Response.Headers.RetryAfter = seconden.ToString(CultureInfo.InvariantCulture);
        var detail = geraakt switch
        {
            Snelheidslimieten.Soort.InloggenPerIp => "Er zijn te veel inlogpogingen gedaan vanaf dit adres.",
            Snelheidslimieten.Soort.InloggenPerAccount => "Er zijn te veel inlogpogingen gedaan voor dit account.",
            Snelheidslimieten.Soort.Export => "U heeft in korte tijd te veel bestanden gedownload.",
            _ => "U heeft in korte tijd te veel bestanden geüpload.",
        };
        await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Te veel verzoeken",
                detail: $"{detail} Probeer het over {seconden} seconden opnieuw.")
            .ExecuteAsync(context);
    });
}

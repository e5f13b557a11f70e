using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Koers.Web.Infrastructure;

/// <summary>
/// The Koers API against Logius's NL API Design Rules (ADR 2.x, the "core" rules its Spectral ruleset checks; the ruleset
/// itself is in tests/Koers.Web.Tests/Api/Spec, byte-identical to Logius's, and runs in CI):
/// <list type="bullet">
/// <item>/core/version-header: every response of the API carries <c>API-Version</c> with the full version, and the
/// document says so for every 2xx and 3xx answer.</item>
/// <item>/core/uri-version: the server URL holds the major version (<c>…/api/v1</c>); paths are relative to it.</item>
/// <item>/core/doc-openapi-contact, semver: contact with name, e-mail and URL; <c>info.version</c> is semver.</item>
/// <item>/core/error-handling/invalid-input: every operation that takes input documents its 400, as problem+json
/// (RFC 9457) with status, title and detail; Koers answers bad input that way (Problemen, the exception handler).</item>
/// </list>
/// The security scheme is documented too: API clients sign in with POST /inloggen and send the bearer token.
/// </summary>
public static class ApiRichtlijnen
{
    /// <summary>The API's full version (semver). Raise the minor for additions, the major (and /v2) for breaking changes.</summary>
    public const string Versie = "1.0.0";

    public const string VersieHeader = "API-Version";
    public const string Basispad = "/api/v1";

    public static IServiceCollection AddKoersOpenApi(this IServiceCollection services, IConfiguration configuration)
    {
        var contact = configuration.GetSection("Koers:Api:Contact");
        services.AddOpenApi("v1", o =>
        {
            // A time of day without a zone (TimeOnly, e.g. the start of a progress talk, Dutch wall-clock time) is
            // 'time-local' in the NL API Design Rules (nlgov:time-without-timezone), not 'time'.
            o.AddSchemaTransformer((schema, ctx, _) =>
            {
                if ((Nullable.GetUnderlyingType(ctx.JsonTypeInfo.Type) ?? ctx.JsonTypeInfo.Type) == typeof(TimeOnly)) schema.Format = "time-local";
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer((doc, ctx, _) =>
            {
                doc.Info.Title = "Koers API";
                doc.Info.Version = Versie;
                doc.Info.Description = "Dossiers, mijlpalen en wettelijke termijnen van inburgeraars onder de Wet inburgering 2021. " +
                    "Het ontvangstpunt voor DUO (POST /duo/notificaties) staat hier niet: dat volgt DUO's eigen Notificatie API.";
                // Whom a client developer asks; each municipality sets its own (Koers:Api:Contact, docs/operations.md).
                doc.Info.Contact = new OpenApiContact
                {
                    Name = contact["Naam"] ?? "Functioneel beheer Koers",
                    Email = contact["Email"] ?? "functioneel.beheer@gemeente.example",
                    Url = new Uri(contact["Url"] ?? "https://koers.example/api"),
                };
                var verzoek = ctx.ApplicationServices.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request;
                var publiek = configuration["Koers:Api:PubliekAdres"]?.TrimEnd('/')
                    ?? (verzoek is null ? string.Empty : $"{verzoek.Scheme}://{verzoek.Host}{verzoek.PathBase}");
                doc.Servers = [new OpenApiServer { Url = publiek + Basispad, Description = "Koers API, hoofdversie 1" }];
                var paden = new OpenApiPaths();
                foreach (var (pad, item) in doc.Paths)
                {
                    paden.Add(pad.StartsWith(Basispad + "/", StringComparison.Ordinal) ? pad[Basispad.Length..] : pad, item);
                }

                doc.Paths = paden;
                doc.Components ??= new OpenApiComponents();
                doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                doc.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer",
                    Description = "Token van POST /inloggen (met TOTP-code voor rollen die dat vereisen); vernieuwen met POST /inloggen/vernieuwen.",
                };
                doc.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", doc)] = [] }];
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operatie, ctx, _) =>
            {
                operatie.Responses ??= [];
                var methode = ctx.Description.HttpMethod?.ToUpperInvariant();
                var neemtInvoer = methode is "POST" or "PUT" or "PATCH" || ctx.Description.ParameterDescriptions.Count > 0;
                if (neemtInvoer && !operatie.Responses.ContainsKey("400"))
                {
                    operatie.Responses["400"] = new OpenApiResponse
                    {
                        Description = "Ongeldige invoer: een parameter of de body is niet te lezen of voldoet niet.",
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = Probleemschema() } },
                    };
                }

                foreach (var (code, antwoord) in operatie.Responses)
                {
                    if (antwoord is not OpenApiResponse r) continue;
                    if (code.StartsWith('2') || code.StartsWith('3'))
                    {
                        r.Headers ??= new Dictionary<string, IOpenApiHeader>();
                        r.Headers[VersieHeader] = new OpenApiHeader
                        {
                            Description = "De volledige versie van de API (semver).", Required = true,
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [System.Text.Json.Nodes.JsonValue.Create(Versie)] },
                        };
                    }
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>RFC 9457 problem details as Koers sends them (Problemen; the exception handler for unreadable input).</summary>
    private static OpenApiSchema Probleemschema() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "status", "title" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object, Description = "Per veld de meldingen (bij een validatiefout).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };

    /// <summary>
    /// An operation whose contract has no body (POST …/opnieuw, /uitloggen, …) refuses one with a 400 problem: a client
    /// that sends data there has misread the contract, and silently ignoring it would hide that (NL API Design Rules,
    /// /core/error-handling/invalid-input: every operation that takes a request can answer 400). An empty body, "{}" and
    /// "null" are no data and pass. Runs after authorisation, so 401 and 403 still come first.
    /// </summary>
    public static IApplicationBuilder UseGeenOnverwachteBody(this IApplicationBuilder app) => app.Use(async (ctx, volgende) =>
    {
        if (ctx.Request.Path.StartsWithSegments(Basispad) && (HttpMethods.IsPost(ctx.Request.Method) || HttpMethods.IsPut(ctx.Request.Method) || HttpMethods.IsPatch(ctx.Request.Method)))
        {
            var endpoint = ctx.GetEndpoint();
            if (endpoint is not null && NeemtGeenBody(endpoint)
                && (ctx.Request.ContentLength > 0 || (ctx.Request.ContentLength is null && ctx.Request.Headers.TransferEncoding.Count > 0)))
            {
                using var lezer = new StreamReader(ctx.Request.Body);
                var buffer = new char[64];
                var gelezen = await lezer.ReadBlockAsync(buffer, ctx.RequestAborted);
                var inhoud = new string(buffer, 0, gelezen).Trim();
                if (inhoud.Length > 0 && inhoud is not ("{}" or "null"))
                {
                    ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await ctx.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = ctx,
                        ProblemDetails = { Status = 400, Title = "Deze operatie neemt geen body", Detail = "Stuur het verzoek zonder body (of met een leeg JSON-object). Er is niets gedaan." },
                    });
                    return;
                }
            }
        }

        await volgende(ctx);
    });

    /// <summary>
    /// An endpoint takes no body when nothing declares one (a JSON parameter adds accepts metadata) and its handler has no
    /// parameter that could read the body itself (the request, a form file, a stream).
    /// </summary>
    private static bool NeemtGeenBody(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null) return false;
        var methode = endpoint.Metadata.GetMetadata<System.Reflection.MethodInfo>();
        if (methode is null) return false;
        Type[] lezers = [typeof(HttpContext), typeof(HttpRequest), typeof(Stream), typeof(System.IO.Pipelines.PipeReader), typeof(IFormFile), typeof(IFormFileCollection), typeof(IFormCollection)];
        return !methode.GetParameters().Any(p => lezers.Contains(Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType));
    }

    /// <summary>Every answer under /api carries the version, errors and redirects included (/core/version-header).</summary>
    public static IApplicationBuilder UseApiVersieHeader(this IApplicationBuilder app) => app.Use((ctx, volgende) =>
    {
        if (ctx.Request.Path.StartsWithSegments(Basispad))
        {
            ctx.Response.OnStarting(() =>
            {
                ctx.Response.Headers[VersieHeader] = Versie;
                return Task.CompletedTask;
            });
        }

        return volgende(ctx);
    });
}

using Koers.Data;
using Koers.Data.Model;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Koers.Web.Features.Audit;

/// <summary>
/// The audit at the end of every request, so no endpoint can forget it:
/// <list type="bullet">
/// <item>a refused attempt (a role policy's 403, or a case the access checks refused, which the user sees as 404) gets a
/// row with result 'geweigerd' and the reason;</item>
/// <item>a read of a case the access checks allowed, for which the feature itself wrote no audit row, gets an 'inzien' row
/// named after the endpoint (a safety net: the machtigingen, verwijzingen and DUO block of a case were read without one).</item>
/// </list>
/// Written in a scope of its own: whatever the request left unsaved in its context is not saved by accident.
/// </summary>
public sealed class AuditVerzoeken(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AuditVerzoek verzoek, IServiceScopeFactory scopes)
    {
        // The 404 page re-executes the pipeline inside the same request: the outer pass writes this request's rows.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        await next(context);
        if (context.User.Identity is not { IsAuthenticated: true, Name: { } naam }) return;
        var regels = Regels(context, verzoek);
        if (regels.Count == 0) return;
        // A scope of its own: the request's context may hold changes that were never saved, and they must not ride along.
        await using var scope = scopes.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<Auditlog>();
        foreach (var r in regels) audit.Schrijf(r.Actie, r.Dossier, r.Omschrijving, door: naam, resultaat: r.Resultaat);
        await scope.ServiceProvider.GetRequiredService<KoersDbContext>().SaveChangesAsync(CancellationToken.None);
    }

    private sealed record Regel(AuditActie Actie, Guid? Dossier, string Omschrijving, AuditResultaat Resultaat);

    private static List<Regel> Regels(HttpContext context, AuditVerzoek verzoek)
    {
        var regels = new List<Regel>();
        var status = context.Response.StatusCode;
        var lezen = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        var actie = lezen ? AuditActie.Inzien : AuditActie.Wijzigen;
        var dossierInRoute = DossierUitRoute(context);
        Regel Regel(Guid? dossier, string omschrijving, AuditResultaat resultaat) => new(actie, dossier, omschrijving, resultaat);

        foreach (var (id, waarom) in verzoek.GeweigerdInStilte)
        {
            regels.Add(Regel(id, $"Geweigerd: {waarom} ({Wat(context)})", AuditResultaat.Geweigerd));
        }

        if (verzoek.Verboden is { } reden)
        {
            regels.Add(Regel(dossierInRoute, $"Geweigerd: {reden} ({Wat(context)})", AuditResultaat.Geweigerd));
            return regels;
        }

        if (status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
        {
            foreach (var (id, waarom) in verzoek.Geweigerd.Where(g => !verzoek.Toegestaan.Contains(g.Key)))
            {
                regels.Add(Regel(id, $"Geweigerd: {waarom} ({Wat(context)})", AuditResultaat.Geweigerd));
            }

            // A case in the URL that no check allowed (or noted), answered with 404: probing an id outside the reach.
            if (dossierInRoute is { } inRoute && !verzoek.Toegestaan.Contains(inRoute) && !verzoek.Geweigerd.ContainsKey(inRoute))
            {
                regels.Add(Regel(inRoute, $"Geweigerd: dossier niet gevonden binnen het bereik van de gebruiker ({Wat(context)})", AuditResultaat.Geweigerd));
            }

            return regels;
        }

        if (lezen && status is >= 200 and < 300)
        {
            foreach (var id in verzoek.Toegestaan.Where(id => !verzoek.Gelogd.Contains(id)))
            {
                regels.Add(Regel(id, Wat(context), AuditResultaat.Toegestaan));
            }
        }

        return regels;
    }

    /// <summary>What was asked, in words: the endpoint's summary from the OpenAPI metadata, else its route.</summary>
    private static string Wat(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var kanaal = context.Request.Path.StartsWithSegments("/api") ? "API" : "Scherm";
        if (endpoint?.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary is { Length: > 0 } samenvatting) return $"{kanaal}: {samenvatting}";
        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value;
        return $"{kanaal}: {context.Request.Method} {route}";
    }

    /// <summary>The case a URL is about: the route value 'id' of the case routes (not a letter's or a referral's id).</summary>
    private static Guid? DossierUitRoute(HttpContext context)
    {
        if (context.GetEndpoint() is not RouteEndpoint { RoutePattern: var patroon }) return null;
        var tekst = "/" + (patroon.RawText ?? string.Empty).TrimStart('/');
        string[] dossierroutes = ["inburgeraars/{id", "partner/dossiers/{id", "partner/rapportage/{id"];
        if (!dossierroutes.Any(r => tekst.Contains(r, StringComparison.OrdinalIgnoreCase))) return null;
        return context.Request.RouteValues.TryGetValue("id", out var waarde) && Guid.TryParse(waarde?.ToString(), out var id) ? id : null;
    }
}

/// <summary>Notes a refusal by a role policy for <see cref="AuditVerzoeken"/>, then answers as ASP.NET Core would (403 or a redirect).</summary>
public sealed class AuditAutorisatie : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _standaard = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true && context.RequestServices.GetService<AuditVerzoek>() is { } verzoek)
        {
            var vereist = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Select(a => a.Policy ?? a.Roles).Where(x => !string.IsNullOrEmpty(x)).Distinct().ToList() ?? [];
            verzoek.Verboden = $"de rol ({AuditAanvuller.Rollen(context.User)}) heeft geen toegang" +
                (vereist.Count > 0 ? $" (vereist: {string.Join(", ", vereist)})" : string.Empty);
        }

        return _standaard.HandleAsync(next, context, policy, authorizeResult);
    }
}

public static class AuditRegistratie
{
    /// <summary>The audit infrastructure: context of every row, refused attempts and unlogged reads per request, the hash chain.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditQuery>();
        services.AddScoped<AuditVerzoek>();
        services.AddScoped<Auditlog>();
        // Created/modified stamps (Koers.Data StempelInterceptor) with the business clock and the acting user.
        services.AddSingleton<Koers.Data.IStempelbron, KoersStempelbron>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Koers.Data.StempelInterceptor>();
        // One instance: the interceptor of every context, and the filler of a row sent with its read (Auditlog.LeesGeteldAsync).
        services.AddSingleton<AuditAanvuller>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<AuditAanvuller>());
        services.AddSingleton<Kern.IAuditAanvulling>(sp => sp.GetRequiredService<AuditAanvuller>());
        // A read's audit row in the read's own statement (Auditlog.MeelezenAsync).
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Kern.AuditMeelezer>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditAutorisatie>();
        services.AddAuditKeten();
        return services;
    }

    /// <summary>After authentication (the user is known) and before authorization (so its refusals are seen).</summary>
    public static IApplicationBuilder UseAuditVerzoeken(this IApplicationBuilder app) => app.UseMiddleware<AuditVerzoeken>();
}

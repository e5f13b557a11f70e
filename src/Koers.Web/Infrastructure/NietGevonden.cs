using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Koers.Web.Infrastructure;

/// <summary>
/// Renders /niet-gevonden for an empty 404 on a page (an unknown path, or a page that answered NotFound for an id the
/// user may not see or that does not exist), keeping the 404 status and the URL, as UseStatusCodePagesWithReExecute
/// does, but only for GET/HEAD outside the API: a POST re-executed as a page would fail its antiforgery check.
/// </summary>
public static class NietGevonden
{
    public const string Pad = "/niet-gevonden";

    public static async Task ToonAsync(StatusCodeContext ctx)
    {
        var http = ctx.HttpContext;
        if (http.Response.StatusCode != StatusCodes.Status404NotFound) return;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)) return;

        var (pad, query, endpoint) = (http.Request.Path, http.Request.QueryString, http.GetEndpoint());
        var routeValues = http.Features.Get<IRouteValuesFeature>();
        var oudeRouteValues = routeValues?.RouteValues;
        http.Features.Set<IStatusCodeReExecuteFeature>(new StatusCodeReExecuteFeature
        {
            OriginalPath = pad.Value ?? string.Empty,
            OriginalPathBase = http.Request.PathBase.Value ?? string.Empty,
            OriginalQueryString = query.HasValue ? query.Value : null,
            Endpoint = endpoint,
            RouteValues = oudeRouteValues,
        });
        http.SetEndpoint(null);
        if (routeValues is not null) routeValues.RouteValues = new();
        http.Request.Path = Pad;
        // The portal's language choice in the URL stays, so the page speaks it.
        http.Request.QueryString = http.Request.Query.TryGetValue(Kern.Talen.Parameter, out var taal)
            ? QueryString.Create(Kern.Talen.Parameter, taal.ToString())
            : QueryString.Empty;
        try
        {
            await ctx.Next(http);
        }
        finally
        {
            http.Request.Path = pad;
            http.Request.QueryString = query;
            http.SetEndpoint(endpoint);
            if (routeValues is not null && oudeRouteValues is not null) routeValues.RouteValues = oudeRouteValues;
            http.Features.Set<IStatusCodeReExecuteFeature>(null);
        }
    }
}

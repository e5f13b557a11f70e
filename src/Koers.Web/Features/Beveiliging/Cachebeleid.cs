using Microsoft.AspNetCore.StaticFiles;

namespace Koers.Web.Features.Beveiliging;

/// <summary>
/// Which responses may be cached: only the static files. Everything else (pages, API answers, exports, PDFs) gets
/// Cache-Control: no-store from <see cref="BeveiligingsHeaders"/>, because nearly every response holds personal data
/// and a list of "public" pages would go stale as soon as someone adds a page. The static-file middleware marks its
/// own responses, so the rule cannot be fooled by a path that merely looks like a file.
/// </summary>
public static class Cachebeleid
{
    private const string Statisch = "Koers.StatischBestand";

    public static bool IsStatisch(HttpContext context) => context.Items.ContainsKey(Statisch);

    public static IApplicationBuilder UseStatischeBestanden(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        OnPrepareResponse = ctx => ctx.Context.Items[Statisch] = true,
    });
}

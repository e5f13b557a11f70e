namespace Koers.Web.Infrastructure;

/// <summary>Who is acting, for the audit trail and the stamps: the signed-in user's name, or 'systeem' for background work.</summary>
public sealed class HuidigeGebruiker(IHttpContextAccessor accessor)
{
    public const string Systeem = "systeem";

    public string Naam => NaamVan(accessor.HttpContext);

    public static string NaamVan(HttpContext? context) =>
        context?.User.Identity?.IsAuthenticated == true
            ? context.User.Identity!.Name ?? "onbekend"
            : Systeem;
}

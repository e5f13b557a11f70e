namespace Koers.Web.Infrastructure;

/// <summary>Who is acting, for the audit trail: the signed-in user's name, or 'systeem' for background work.</summary>
public sealed class HuidigeGebruiker(IHttpContextAccessor accessor)
{
    public string Naam =>
        accessor.HttpContext?.User.Identity?.IsAuthenticated == true
            ? accessor.HttpContext.User.Identity!.Name ?? "onbekend"
            : "systeem";
}

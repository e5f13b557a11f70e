namespace Koers.Web.Infrastructure;

/// <summary>
/// Who is acting, for the audit trail. Until sign-in exists (security issue) this is the name the
/// request carries, or 'demo-gebruiker'.
/// </summary>
public sealed class HuidigeGebruiker(IHttpContextAccessor accessor)
{
    public string Naam =>
        accessor.HttpContext?.User.Identity?.IsAuthenticated == true
            ? accessor.HttpContext.User.Identity!.Name ?? "onbekend"
            : "demo-gebruiker";
}

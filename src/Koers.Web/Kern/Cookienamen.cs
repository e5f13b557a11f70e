using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Koers.Web.Kern;

/// <summary>
/// The names and Secure flag of Koers's cookies (session, antiforgery, portal language). Outside Development and Test
/// they carry the <c>__Host-</c> prefix and are always Secure: the browser then refuses them over plain HTTP, from a
/// subdomain (no Domain attribute) or for another path, so a sibling host cannot plant or overwrite them.
/// Development and Test keep plain names with Secure as the request: `dotnet run` serves http://localhost, where
/// Firefox and Safari drop Secure cookies, and the tests' HttpClient (its CookieContainer) never sends a Secure cookie
/// back over http://localhost. Behind a TLS proxy (see <see cref="Proxy"/>) the request is HTTPS, so they are Secure there too.
/// </summary>
public sealed record Cookienamen(string Sessie, string Antiforgery, string Taal, CookieSecurePolicy Beleid)
{
    public static Cookienamen Voor(IHostEnvironment env) => Omgeving.IsProductie(env)
        ? new("__Host-koers", "__Host-koers-af", "__Host-koers-taal", CookieSecurePolicy.Always)
        : new("koers", "koers-af", "koers-taal", CookieSecurePolicy.SameAsRequest);

    /// <summary>Whether a cookie written by hand (the language choice) is Secure.</summary>
    public bool Veilig(HttpRequest request) => Beleid == CookieSecurePolicy.Always || request.IsHttps;
}

public static class CookieInstellingen
{
    public static IServiceCollection AddKoersCookies(this IServiceCollection services, IHostEnvironment env)
    {
        var namen = Cookienamen.Voor(env);
        services.AddSingleton(namen);
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            o.Cookie.Name = namen.Sessie;
            o.Cookie.SecurePolicy = namen.Beleid;
            o.Cookie.Path = "/";
        });
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => Prefix(o, namen));
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => Prefix(o, namen));
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => Prefix(o, namen));
        services.PostConfigure<AntiforgeryOptions>(o =>
        {
            o.Cookie.Name = namen.Antiforgery;
            o.Cookie.SecurePolicy = namen.Beleid;
            o.Cookie.Path = "/";
        });
        return services;
    }

    /// <summary>Identity's other cookies (2FA step, external sign-in) get the same prefix and Secure rule.</summary>
    private static void Prefix(CookieAuthenticationOptions o, Cookienamen namen)
    {
        if (namen.Beleid == CookieSecurePolicy.Always && o.Cookie.Name is { } naam && !naam.StartsWith("__Host-", StringComparison.Ordinal))
        {
            o.Cookie.Name = "__Host-" + naam.TrimStart('.');
        }

        o.Cookie.SecurePolicy = namen.Beleid;
        o.Cookie.Path = "/";
    }
}

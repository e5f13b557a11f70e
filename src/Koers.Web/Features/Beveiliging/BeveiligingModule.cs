using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Beveiliging;

/// <summary>Sign-in (Identity, OpenID Connect, DigiD/eHerkenning), sessions, cookies, CSRF, rate limits and the security log.</summary>
public sealed class BeveiligingModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddKoersBeveiliging(d.Configuration, d.Environment);
        d.Services.AddKoersCookies(d.Environment);
        d.Services.AddKoersProxy(d.Configuration);
        d.Services.AddSnelheidslimieten(d.Configuration);
        d.Services.AddKoersLogboek();
        d.Services.AddApiCsrf();
        d.Services.AddScoped<AccountService>();
    }

    public void Paginas(PaginaToegang p)
    {
        // Signing in, the second step, signing out (also with an expired session) and the refusal notice need no session.
        p.Anoniem("Inloggen").Anoniem("Extern").Anoniem("Tweestaps").Anoniem("Uitloggen").Anoniem("GeenToegang");
        // Account: every signed-in role manages its own password, second factor and sessions (fallback policy).
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapInloggenApi();
        r.Api.MapAntiforgeryApi();
    }
}

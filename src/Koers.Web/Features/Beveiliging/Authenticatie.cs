using System.Security.Claims;
using System.Text.Encodings.Web;
using Koers.Data;
using Koers.Data.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Koers.Web.Features.Beveiliging;

public static class Beleid
{
    public const string Dossierwerk = "Dossierwerk";
    public const string Monitor = "Monitor";
    public const string Beheer = "Beheer";
    public const string Audit = "Audit";
    public const string Portaal = "Portaal";
    public const string Partner = "Partner";
}

/// <summary>
/// Sign-in for Koers: ASP.NET Core Identity (hashed passwords, lockout, TOTP) with a cookie for the screens
/// and bearer tokens for API clients; OpenID Connect when a municipality configures its own identity
/// provider. Every page and endpoint needs a signed-in user unless it says otherwise.
/// </summary>
public static class Authenticatie
{
    public const string Schema = "Koers";

    public static IServiceCollection AddKoersBeveiliging(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment env)
    {
        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = Schema;
                o.DefaultChallengeScheme = Schema;
            })
            .AddPolicyScheme(Schema, "Koers", o => o.ForwardDefaultSelector = ctx =>
            {
                if (env.IsEnvironment("Test") && ctx.Request.Headers.ContainsKey(TestAuthenticatie.Header)) return TestAuthenticatie.Schema;
                return ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme);
        // Short-lived bearer tokens with a refresh token (POST /api/v1/inloggen/vernieuwen); both on the app's clock.
        services.AddOptions<SessieOpties>().Bind(configuration.GetSection(SessieOpties.Sectie));
        services.AddOptions<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(IdentityConstants.BearerScheme)
            .Configure<IOptions<SessieOpties>, TimeProvider>((o, sessies, tijd) =>
            {
                o.BearerTokenExpiration = TimeSpan.FromMinutes(sessies.Value.BearerTokenMinuten);
                o.RefreshTokenExpiration = TimeSpan.FromHours(sessies.Value.VernieuwTokenUren);
                o.TimeProvider = tijd;
            });
        // The cookie re-checks its security stamp at least every minute (Sessiecontrole checks it on every request too).
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, tijd) =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.TimeProvider = tijd;
        });
        foreach (var cookie in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.ExternalScheme })
        {
            services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(cookie).Configure<TimeProvider>((o, tijd) => o.TimeProvider = tijd);
        }

        services.AddSingleton<Stempelcache>();
        auth.AddIdentityCookies(c =>
        {
            c.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/inloggen";
                o.LogoutPath = "/uitloggen";
                o.AccessDeniedPath = "/geen-toegang";
                // Name (__Host- prefix) and Secure flag: see Cookienamen.
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // An API call gets a status code, not a login page.
                o.Events.OnRedirectToLogin = ctx => ApiOfDoorsturen(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOfDoorsturen(ctx, StatusCodes.Status403Forbidden);
            });
        });
        if (env.IsEnvironment("Test"))
        {
            auth.AddScheme<AuthenticationSchemeOptions, TestAuthenticatie>(TestAuthenticatie.Schema, null);
        }

        auth.AddDigiD(configuration);
        auth.AddEHerkenning(configuration);

        var oidc = configuration.GetSection("Authentication:Oidc");
        if (!string.IsNullOrWhiteSpace(oidc["Authority"]))
        {
            auth.AddOpenIdConnect("oidc", oidc["Naam"] ?? "de inlogdienst van de gemeente", o =>
            {
                o.Authority = oidc["Authority"];
                o.ClientId = oidc["ClientId"];
                o.ClientSecret = oidc["ClientSecret"];
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Scope.Add("email");
                o.CallbackPath = "/inloggen/oidc";
                o.RequireHttpsMetadata = DigiD.HttpsVereist(o.Authority);
            });
        }

        services.AddIdentityCore<Gebruiker>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<KoersDbContext>()
            .AddUserManager<KoersUserManager>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<NederlandseIdentityFouten>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Beleid.Dossierwerk, p => p.RequireRole(Rollen.Klantregisseur, Rollen.Teamleider))
            .AddPolicy(Beleid.Monitor, p => p.RequireRole(Rollen.Beleidsmedewerker, Rollen.Teamleider))
            .AddPolicy(Beleid.Beheer, p => p.RequireRole(Rollen.FunctioneelBeheerder))
            .AddPolicy(Beleid.Audit, p => p.RequireRole(Rollen.Auditor))
            .AddPolicy(Beleid.Portaal, p => p.RequireRole(Rollen.Inburgeraar))
            .AddPolicy(Beleid.Partner, p => p.RequireRole(Rollen.Partner));
        services.AddScoped<Toegang>();
        services.AddMemoryCache();
        services.AddSingleton<Bereikcache>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, BereikWijzigingen>();
        // Per-municipality settings read by the worklist's sections and the case page (issue #21), emptied on save.
        services.AddSingleton<Instellingencache>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, InstellingWijzigingen>();
        return services;
    }

    private static Task ApiOfDoorsturen(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Test-only sign-in: the header names the user (by e-mail) and the principal is built exactly as a real
/// sign-in builds it, roles included. Registered only in the 'Test' environment.
/// </summary>
public sealed class TestAuthenticatie(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    UserManager<Gebruiker> users, SignInManager<Gebruiker> signIn)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Schema = "Test";
    public const string Header = "X-Koers-Test-Gebruiker";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var email = Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(email)) return AuthenticateResult.NoResult();
        var gebruiker = await users.FindByEmailAsync(email);
        if (gebruiker is null) return AuthenticateResult.Fail("Onbekende testgebruiker");
        var principal = await signIn.CreateUserPrincipalAsync(gebruiker);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, Schema, ClaimTypes.Name, ClaimTypes.Role)), Schema));
    }
}

/// <summary>Identity's messages in Dutch, so a refused password or locked account reads as a sentence.</summary>
public sealed class NederlandseIdentityFouten : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Een wachtwoord heeft minstens {length} tekens." };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Een wachtwoord bevat minstens één cijfer." };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Een wachtwoord bevat minstens één kleine letter." };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Een wachtwoord bevat minstens één hoofdletter." };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = "Dit e-mailadres is al in gebruik." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = "Deze gebruikersnaam is al in gebruik." };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "De code is ongeldig of verlopen." };
}

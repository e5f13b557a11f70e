using System.Collections.Concurrent;
using System.Security.Claims;
using Koers.Data.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Koers.Web.Features.Beveiliging;

/// <summary>Session settings from <c>Koers:Beveiliging</c>.</summary>
public sealed class SessieOpties
{
    public const string Sectie = "Koers:Beveiliging";

    /// <summary>
    /// Roles that may only work after switching on two-step sign-in (TOTP). No initializer on purpose: the
    /// configuration binder appends to an existing array, so a configured list could never drop a default role.
    /// Unset means <see cref="StandaardTweestapsVerplichtVoor"/>; "Geen" as only entry switches the requirement off.
    /// </summary>
    public string[]? TweestapsVerplichtVoor { get; set; }

    public static readonly string[] StandaardTweestapsVerplichtVoor = [Rollen.FunctioneelBeheerder, Rollen.Auditor];

    public IReadOnlyList<string> VerplichtVoor => TweestapsVerplichtVoor is { Length: > 0 } lijst
        ? lijst.Where(r => !string.IsNullOrWhiteSpace(r) && !r.Equals("Geen", StringComparison.OrdinalIgnoreCase)).ToArray()
        : StandaardTweestapsVerplichtVoor;

    /// <summary>Lifetime of an API bearer token; short because a stolen token is only ended by its expiry or the stamp check.</summary>
    public int BearerTokenMinuten { get; set; } = 10;

    /// <summary>Lifetime of the refresh token that POST /api/v1/inloggen/vernieuwen exchanges for a new bearer token.</summary>
    public int VernieuwTokenUren { get; set; } = 8;

    /// <summary>How long a looked-up security stamp is trusted on this instance (at most 60 s): bounds how late another instance notices a logout.</summary>
    public int StempelCacheSeconden { get; set; } = 30;
}

/// <summary>
/// UserManager whose role and lockout changes renew the security stamp, so existing cookies and bearer tokens of
/// that user stop working (Identity itself only renews it for password, 2FA and login changes). Every write also
/// drops the user from the <see cref="Stempelcache"/> of this instance, so the change counts at once here.
/// </summary>
public sealed class KoersUserManager(
    IUserStore<Gebruiker> store, IOptions<IdentityOptions> optionsAccessor, IPasswordHasher<Gebruiker> passwordHasher,
    IEnumerable<IUserValidator<Gebruiker>> userValidators, IEnumerable<IPasswordValidator<Gebruiker>> passwordValidators,
    ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<Gebruiker>> logger,
    Stempelcache cache)
    : UserManager<Gebruiker>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AddToRoleAsync(Gebruiker user, string role) =>
        await NieuweStempelNa(user, await base.AddToRoleAsync(user, role));

    public override async Task<IdentityResult> AddToRolesAsync(Gebruiker user, IEnumerable<string> roles) =>
        await NieuweStempelNa(user, await base.AddToRolesAsync(user, roles));

    public override async Task<IdentityResult> RemoveFromRoleAsync(Gebruiker user, string role) =>
        await NieuweStempelNa(user, await base.RemoveFromRoleAsync(user, role));

    public override async Task<IdentityResult> RemoveFromRolesAsync(Gebruiker user, IEnumerable<string> roles) =>
        await NieuweStempelNa(user, await base.RemoveFromRolesAsync(user, roles));

    /// <summary>Locking (or deactivating: a lockout until <see cref="DateTimeOffset.MaxValue"/>) ends the sessions too.</summary>
    public override async Task<IdentityResult> SetLockoutEndDateAsync(Gebruiker user, DateTimeOffset? lockoutEnd) =>
        await NieuweStempelNa(user, await base.SetLockoutEndDateAsync(user, lockoutEnd));

    protected override async Task<IdentityResult> UpdateUserAsync(Gebruiker user)
    {
        var resultaat = await base.UpdateUserAsync(user);
        cache.Vergeet(user.Id);
        return resultaat;
    }

    private async Task<IdentityResult> NieuweStempelNa(Gebruiker user, IdentityResult resultaat) =>
        resultaat.Succeeded ? await UpdateSecurityStampAsync(user) : resultaat;
}

/// <summary>What the stamp check needs of a user, read from the database at most once per interval.</summary>
public sealed record Stempelstand(string? Stempel, bool TweestapsAan, IReadOnlyList<string> Rollen, DateTimeOffset Opgehaald);

/// <summary>
/// Per-instance cache of security stamps. Entries live <see cref="SessieOpties.StempelCacheSeconden"/> by the app's
/// <see cref="TimeProvider"/> (so tests can move the clock); a change through the UserManager removes the entry at once.
/// </summary>
public sealed class Stempelcache(TimeProvider tijd, IOptions<SessieOpties> opties)
{
    private readonly ConcurrentDictionary<string, Stempelstand> _standen = new();

    public TimeSpan Duur => TimeSpan.FromSeconds(Math.Clamp(opties.Value.StempelCacheSeconden, 0, 60));

    public async Task<Stempelstand?> HaalAsync(string gebruikerId, Func<Task<Stempelstand?>> lees)
    {
        var nu = tijd.GetUtcNow();
        if (_standen.TryGetValue(gebruikerId, out var stand) && nu - stand.Opgehaald < Duur && nu >= stand.Opgehaald) return stand;
        var nieuw = await lees();
        if (nieuw is null) _standen.TryRemove(gebruikerId, out _);
        else _standen[gebruikerId] = nieuw with { Opgehaald = nu };
        return nieuw;
    }

    public void Vergeet(string gebruikerId) => _standen.TryRemove(gebruikerId, out _);
}

/// <summary>
/// Runs after authentication on every request: (1) a cookie or bearer principal whose security stamp no longer
/// matches the database is treated as signed out — the bearer handler never checks the stamp, and the cookie's own
/// validator only does so per interval; (2) a user in a role of <see cref="SessieOpties.TweestapsVerplichtVoor"/>
/// without two-step sign-in switched on can only reach the set-up page and logout.
/// </summary>
public static class Sessiecontrole
{
    /// <summary>Where a user who still has to switch on two-step sign-in may go.</summary>
    private static readonly string[] VrijBijVerplichteTweestaps =
        ["/account", "/uitloggen", "/inloggen", "/fout", "/geen-toegang", "/api/v1/uitloggen", "/api/v1/antiforgery", "/api/v1/inloggen"];

    public static IApplicationBuilder UseSessiecontrole(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var schema = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Ticket?.AuthenticationScheme;
            if (schema != TestAuthenticatie.Schema && !await ControleerAsync(context, schema)) return;
        }

        await next();
    });

    /// <summary>False when the response has been written (two-step sign-in required).</summary>
    private static async Task<bool> ControleerAsync(HttpContext context, string? schema)
    {
        var services = context.RequestServices;
        var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = context.User.FindFirstValue(identity.UserIdClaimType);
        var stempel = context.User.FindFirstValue(identity.SecurityStampClaimType);
        var stand = id is null ? null : await services.GetRequiredService<Stempelcache>().HaalAsync(id, async () =>
        {
            var users = services.GetRequiredService<UserManager<Gebruiker>>();
            var gebruiker = await users.FindByIdAsync(id);
            if (gebruiker is null) return null;
            return new Stempelstand(gebruiker.SecurityStamp, gebruiker.TwoFactorEnabled, (await users.GetRolesAsync(gebruiker)).ToList(), default);
        });

        if (stand is null || stempel is null || !string.Equals(stand.Stempel, stempel, StringComparison.Ordinal))
        {
            var bearer = schema?.StartsWith(IdentityConstants.BearerScheme, StringComparison.Ordinal) == true;
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Sessiecontrole))
                .LogInformation("Sessie geweigerd: beveiligingsstempel klopt niet meer ({Soort})", bearer ? "bearer token" : "cookie");
            if (!bearer) await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
            return true;
        }

        var verplicht = services.GetRequiredService<IOptions<SessieOpties>>().Value.VerplichtVoor;
        if (stand.TweestapsAan || !stand.Rollen.Any(r => verplicht.Contains(r, StringComparer.OrdinalIgnoreCase))) return true;
        if (VrijBijVerplichteTweestaps.Any(p => context.Request.Path.StartsWithSegments(p))) return true;

        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Inloggen in twee stappen verplicht",
                    detail: "Voor uw rol is inloggen in twee stappen verplicht. Zet het aan op /account (met een authenticator-app) en log opnieuw in.",
                    type: "https://koers.example/problemen/tweestaps-verplicht")
                .ExecuteAsync(context);
        }
        else
        {
            context.Response.Redirect("/account?tweestaps=verplicht");
        }

        return false;
    }
}

/// <summary>Sign-in with an unknown e-mail address does the same password-hash work as with a known one.</summary>
public static class Inlogpoging
{
    private static readonly Gebruiker Niemand = new() { Id = "onbekend", UserName = "onbekend" };
    private static string? _nephash;

    /// <summary>Verifies the password against a fixed hash, so the unknown-user path costs one hash like a real check.</summary>
    public static void DoeAlsOfOnbekend(IPasswordHasher<Gebruiker> hasher, string? wachtwoord)
    {
        _nephash ??= hasher.HashPassword(Niemand, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(Niemand, _nephash, wachtwoord ?? string.Empty);
    }
}

using Koers.Data.Model;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Koers.Web.Features.Beveiliging;

public sealed record InlogInvoer(string? Email, string? Wachtwoord, string? Code);

public sealed record VernieuwInvoer(string? RefreshToken);

/// <summary>
/// Sign-in for API clients: a short-lived bearer token (Koers:Beveiliging:BearerTokenMinuten, default 10) plus a
/// refresh token, for the same users and roles as the screens; refresh and logout for API clients.
/// </summary>
public static class InloggenApi
{
    private const string Mislukt = "Het e-mailadres of het wachtwoord klopt niet.";

    public static RouteGroupBuilder MapInloggenApi(this RouteGroupBuilder api)
    {
        api.MapPost("/inloggen", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (InlogInvoer invoer, SignInManager<Gebruiker> signIn, UserManager<Gebruiker> users, IPasswordHasher<Gebruiker> hasher) =>
            {
                signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
                var gebruiker = string.IsNullOrWhiteSpace(invoer.Email) ? null : await users.FindByEmailAsync(invoer.Email.Trim());
                if (gebruiker is null || string.IsNullOrEmpty(invoer.Wachtwoord))
                {
                    // Same work and same answer as a wrong password, so the answer does not reveal which addresses exist.
                    Inlogpoging.DoeAlsOfOnbekend(hasher, invoer.Wachtwoord);
                    return TypedResults.Problem(statusCode: 401, title: "Inloggen mislukt", detail: Mislukt);
                }

                var resultaat = await signIn.PasswordSignInAsync(gebruiker, invoer.Wachtwoord, false, lockoutOnFailure: true);
                if (resultaat.RequiresTwoFactor && !string.IsNullOrEmpty(invoer.Code))
                {
                    resultaat = await signIn.TwoFactorAuthenticatorSignInAsync(invoer.Code.Replace(" ", string.Empty), false, false);
                }

                if (resultaat.Succeeded) return TypedResults.Empty; // the token response is written by the sign-in
                return TypedResults.Problem(statusCode: 401, title: "Inloggen mislukt",
                    detail: resultaat.IsLockedOut ? "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen."
                        : resultaat.RequiresTwoFactor ? "Geef ook de code uit uw authenticator-app mee (veld 'code')."
                        : Mislukt);
            })
            .AllowAnonymous().WithTags("Inloggen").WithSummary("Inloggen voor API-clients: geeft een bearer token en een refresh token");

        // As MapIdentityApi's /refresh: the refresh token is only honoured while the user's security stamp is
        // unchanged, so logout, lockout, role or password changes also end the refresh chain.
        api.MapPost("/inloggen/vernieuwen", async Task<Results<SignInHttpResult, ProblemHttpResult>> (VernieuwInvoer invoer,
                SignInManager<Gebruiker> signIn, IOptionsMonitor<BearerTokenOptions> opties, TimeProvider tijd) =>
            {
                var ticket = string.IsNullOrEmpty(invoer.RefreshToken) ? null
                    : opties.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(invoer.RefreshToken);
                if (ticket?.Properties.ExpiresUtc is not { } verloopt || tijd.GetUtcNow() >= verloopt
                    || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } gebruiker)
                {
                    return TypedResults.Problem(statusCode: 401, title: "Vernieuwen mislukt",
                        detail: "Het refresh token is ongeldig, verlopen of ingetrokken. Log opnieuw in.");
                }

                return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(gebruiker), authenticationScheme: IdentityConstants.BearerScheme);
            })
            .AllowAnonymous().WithTags("Inloggen").WithSummary("Nieuw bearer token voor een refresh token");

        // Logout for API clients: a new security stamp ends every cookie, bearer and refresh token of this user.
        // ClaimsPrincipal, not HttpContext: the operation takes no body, and ApiRichtlijnen refuses one only where no parameter could read it.
        api.MapPost("/uitloggen", async Task<NoContent> (System.Security.Claims.ClaimsPrincipal user, UserManager<Gebruiker> users, SignInManager<Gebruiker> signIn) =>
            {
                if (await users.GetUserAsync(user) is { } gebruiker) await users.UpdateSecurityStampAsync(gebruiker);
                await signIn.SignOutAsync();
                return TypedResults.NoContent();
            })
            .WithTags("Inloggen").WithSummary("Uitloggen: beëindigt alle sessies en tokens van de gebruiker");
        return api;
    }
}

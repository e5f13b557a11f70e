using Koers.Data.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Koers.Web.Features.Beveiliging;

public sealed record InlogInvoer(string? Email, string? Wachtwoord, string? Code);

/// <summary>Sign-in for API clients: returns a bearer token (one hour) for the same users and roles as the screens.</summary>
public static class InloggenApi
{
    public static RouteGroupBuilder MapInloggenApi(this RouteGroupBuilder api)
    {
        api.MapPost("/inloggen", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (InlogInvoer invoer, SignInManager<Gebruiker> signIn, UserManager<Gebruiker> users) =>
            {
                signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
                var gebruiker = string.IsNullOrWhiteSpace(invoer.Email) ? null : await users.FindByEmailAsync(invoer.Email.Trim());
                if (gebruiker is null || string.IsNullOrEmpty(invoer.Wachtwoord))
                {
                    return TypedResults.Problem(statusCode: 401, title: "Inloggen mislukt", detail: "Het e-mailadres of het wachtwoord klopt niet.");
                }

                var resultaat = await signIn.PasswordSignInAsync(gebruiker, invoer.Wachtwoord, false, lockoutOnFailure: true);
                if (resultaat.RequiresTwoFactor && !string.IsNullOrEmpty(invoer.Code))
                {
                    resultaat = await signIn.TwoFactorAuthenticatorSignInAsync(invoer.Code, false, false);
                }

                if (resultaat.Succeeded) return TypedResults.Empty; // the token response is written by the sign-in
                return TypedResults.Problem(statusCode: 401, title: "Inloggen mislukt",
                    detail: resultaat.IsLockedOut ? "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen."
                        : resultaat.RequiresTwoFactor ? "Geef ook de code uit uw authenticator-app mee (veld 'code')."
                        : "Het e-mailadres of het wachtwoord klopt niet.");
            })
            .AllowAnonymous().WithTags("Inloggen").WithSummary("Inloggen voor API-clients: geeft een bearer token");
        return api;
    }
}

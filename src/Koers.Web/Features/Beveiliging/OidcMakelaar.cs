using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Koers.Web.Features.Beveiliging;

/// <summary>
/// The sign-in through the municipality's OpenID Connect broker that DigiD and eHerkenning share: code flow with PKCE,
/// scope <c>openid</c> only, the level asked for as <c>acr_values</c>, and the two claims Koers decides on (the number and
/// the level reached) copied from the validated id_token under Koers's own names, whatever claim mapping the handler
/// applies (it maps and deletes <c>acr</c> by default). What is done with them is up to the caller's sign-in step.
/// </summary>
public static class OidcMakelaar
{
    public static void Voeg(AuthenticationBuilder auth, string schema, string naam, string authority, string? clientId, string? clientSecret,
        string acrGevraagd, string nummerClaim, string nummerNaar, string niveauNaar) =>
        auth.AddOpenIdConnect(schema, naam, o =>
        {
            o.Authority = authority;
            o.ClientId = clientId;
            o.ClientSecret = clientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = "/inloggen/" + schema;
            o.RequireHttpsMetadata = DigiD.HttpsVereist(authority);
            // No e-mail or profile scopes: the number and the level are all Koers needs and all it should receive.
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Events.OnRedirectToIdentityProvider = ctx =>
            {
                ctx.ProtocolMessage.AcrValues = acrGevraagd;
                return Task.CompletedTask;
            };
            o.Events.OnTokenValidated = ctx =>
            {
                var payload = ctx.SecurityToken.Payload;
                var identity = (ClaimsIdentity)ctx.Principal!.Identity!;
                if (payload.TryGetValue(nummerClaim, out var nummer) && nummer is string n) identity.AddClaim(new Claim(nummerNaar, n));
                if (payload.TryGetValue("acr", out var acr) && acr is string a) identity.AddClaim(new Claim(niveauNaar, a));
                return Task.CompletedTask;
            };
        });
}

using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Koers.Web.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider (OpenIddict's server) on a loopback port, standing in for the municipality's DigiD
/// broker: discovery, signing keys, the authorization endpoint, the code flow with PKCE and a signed id_token. The test
/// says who the next person to "sign in" is (<see cref="VolgendeAanmelding"/>): the claims the broker would pass.
/// The authorization endpoint answers at once, as a broker would after DigiD's own screens.
/// </summary>
public sealed class TestOidcAanbieder : IAsyncDisposable
{
    public const string ClientId = "koers";
    public const string ClientSecret = "geheim-voor-de-test";

    private WebApplication app = null!;

    /// <summary>The claims of the next sign-in (e.g. bsn, acr). The subject is added.</summary>
    public IDictionary<string, string> VolgendeAanmelding { get; } = new ConcurrentDictionary<string, string>();

    /// <summary>What Koers asked for in each authorization request (to check the acr_values and scopes it sends).</summary>
    public ConcurrentQueue<(string? AcrValues, string? Scope, string? CodeChallengeMethod)> Verzoeken { get; } = new();

    public string Authority { get; private set; } = string.Empty;

    public static async Task<TestOidcAanbieder> StartAsync(params string[] redirectUris)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication();
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(OpenIddictConstants.Scopes.Email, OpenIddictConstants.Scopes.Profile);
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            o.DisableAccessTokenEncryption();
            // No database: OpenIddict's degraded mode, with the client checks done here instead of by its stores.
            o.EnableDegradedMode();
            o.AddEventHandler<ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(ctx =>
            {
                if (ctx.ClientId != ClientId) ctx.Reject(OpenIddictConstants.Errors.InvalidClient, "Onbekende client.");
                else if (!redirectUris.Contains(ctx.RedirectUri)) ctx.Reject(OpenIddictConstants.Errors.InvalidRequest, $"Onbekende redirect_uri {ctx.RedirectUri}.");
                return default;
            }));
            o.AddEventHandler<ValidateTokenRequestContext>(b => b.UseInlineHandler(ctx =>
            {
                if (ctx.ClientId != ClientId || ctx.Request.ClientSecret != ClientSecret) ctx.Reject(OpenIddictConstants.Errors.InvalidClient, "Onjuiste client.");
                return default;
            }));
            o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
        });

        var app = builder.Build();
        var aanbieder = new TestOidcAanbieder { app = app };
        app.MapMethods("/connect/authorize", ["GET", "POST"], (HttpContext ctx) =>
        {
            var verzoek = ctx.GetOpenIddictServerRequest()!;
            aanbieder.Verzoeken.Enqueue((verzoek.AcrValues, verzoek.Scope, verzoek.CodeChallengeMethod));
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            identity.AddClaim(new Claim(OpenIddictConstants.Claims.Subject, "pseudoniem-" + Guid.NewGuid().ToString("N")));
            foreach (var (type, waarde) in aanbieder.VolgendeAanmelding) identity.AddClaim(new Claim(type, waarde));
            foreach (var claim in identity.Claims) claim.SetDestinations(OpenIddictConstants.Destinations.IdentityToken, OpenIddictConstants.Destinations.AccessToken);
            var principal = new ClaimsPrincipal(identity);
            principal.SetScopes(verzoek.GetScopes());
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        app.MapPost("/connect/token", async (HttpContext ctx) =>
        {
            var resultaat = await ctx.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return Results.SignIn(resultaat.Principal!, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await app.StartAsync();
        aanbieder.Authority = app.Urls.First().TrimEnd('/') + "/";
        return aanbieder;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

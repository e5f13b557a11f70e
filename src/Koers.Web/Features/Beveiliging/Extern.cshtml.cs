using Koers.Data.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Beveiliging;

/// <summary>
/// Return from the municipality's OpenID Connect provider: the e-mail claim must match an existing Koers
/// user (accounts and roles are managed in Koers); the link is remembered for next time.
/// </summary>
[AllowAnonymous]
public sealed class ExternModel(SignInManager<Gebruiker> signIn, UserManager<Gebruiker> users, DigiDAanmelding digid) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Fout { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) return RedirectToPage("/Beveiliging/Inloggen");
        var doel = !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        if (info.LoginProvider == DigiDOpties.Schema) return await DigiDAsync(info, doel);

        var resultaat = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (resultaat.Succeeded) return LocalRedirect(doel);

        var email = info.Principal.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? info.Principal.FindFirst("email")?.Value;
        var gebruiker = email is null ? null : await users.FindByEmailAsync(email);
        if (gebruiker is null)
        {
            Fout = "Er is geen Koers-account voor dit e-mailadres. Vraag functioneel beheer om een account.";
            return Page();
        }

        // The municipality's staff sign-in links staff accounts only. An inburgeraar's account is found by BSN through
        // DigiD; an e-mail address that someone controls at the identity provider is no proof of being that person.
        if (await users.IsInRoleAsync(gebruiker, Rollen.Inburgeraar))
        {
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            Fout = "Inburgeraars loggen in met DigiD, niet met de inlogdienst voor medewerkers.";
            return Page();
        }

        await users.AddLoginAsync(gebruiker, info);
        await signIn.SignInAsync(gebruiker, isPersistent: false, info.LoginProvider);
        return LocalRedirect(doel);
    }

    /// <summary>
    /// DigiD: no remembered link and no e-mail matching; the account is looked up by the BSN on every sign-in (see
    /// <see cref="DigiDAanmelding"/>), so a corrected BSN or a removed account takes effect at once.
    /// </summary>
    private async Task<IActionResult> DigiDAsync(ExternalLoginInfo info, string doel)
    {
        var uitkomst = await digid.ZoekAsync(info.Principal, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (uitkomst.Gebruiker is null)
        {
            Fout = uitkomst.Fout;
            return Page();
        }

        await signIn.SignInAsync(uitkomst.Gebruiker, isPersistent: false, DigiDOpties.Schema);
        return LocalRedirect(doel);
    }
}

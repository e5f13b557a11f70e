using Koers.Data.Model;
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
public sealed class ExternModel(SignInManager<Gebruiker> signIn, UserManager<Gebruiker> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Fout { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) return RedirectToPage("/Beveiliging/Inloggen");
        var doel = !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        var resultaat = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (resultaat.Succeeded) return LocalRedirect(doel);

        var email = info.Principal.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? info.Principal.FindFirst("email")?.Value;
        var gebruiker = email is null ? null : await users.FindByEmailAsync(email);
        if (gebruiker is null)
        {
            Fout = "Er is geen Koers-account voor dit e-mailadres. Vraag functioneel beheer om een account.";
            return Page();
        }

        await users.AddLoginAsync(gebruiker, info);
        await signIn.SignInAsync(gebruiker, isPersistent: false, info.LoginProvider);
        return LocalRedirect(doel);
    }
}

using Koers.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Beveiliging;

/// <summary>The second step of sign-in: the 6-digit code from the authenticator app (TOTP).</summary>
public sealed class TweestapsModel(SignInManager<Gebruiker> signIn) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Beveiliging/Inloggen") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var code = (Code ?? string.Empty).Replace(" ", string.Empty).Replace("-", string.Empty);
        var resultaat = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (resultaat.Succeeded) return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError(nameof(Code), resultaat.IsLockedOut
            ? "Dit account is tijdelijk geblokkeerd. Probeer het over 15 minuten opnieuw."
            : "De code klopt niet. Gebruik de code die nu in uw app staat.");
        return Page();
    }
}

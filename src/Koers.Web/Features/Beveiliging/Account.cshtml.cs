using System.Text.Encodings.Web;
using Koers.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Beveiliging;

/// <summary>The signed-in user's own account: roles, and switching on two-step verification (TOTP).</summary>
public sealed class AccountModel(UserManager<Gebruiker> users, SignInManager<Gebruiker> signIn) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    public Gebruiker Gebruiker { get; private set; } = null!;
    public IList<string> Rollen { get; private set; } = [];
    public string? Sleutel { get; private set; }
    public string? OtpAuthUri { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LaadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostActiverenAsync()
    {
        if (!await LaadAsync()) return Challenge();
        var code = (Code ?? string.Empty).Replace(" ", string.Empty).Replace("-", string.Empty);
        if (!await users.VerifyTwoFactorTokenAsync(Gebruiker, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "De code klopt niet. Controleer of de tijd op uw telefoon goed staat.");
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(Gebruiker, true);
        await signIn.RefreshSignInAsync(Gebruiker);
        TempData["Melding"] = "Inloggen in twee stappen staat aan.";
        return RedirectToPage();
    }

    private async Task<bool> LaadAsync()
    {
        var gebruiker = await users.GetUserAsync(User);
        if (gebruiker is null) return false;
        Gebruiker = gebruiker;
        Rollen = await users.GetRolesAsync(gebruiker);
        if (!gebruiker.TwoFactorEnabled)
        {
            var sleutel = await users.GetAuthenticatorKeyAsync(gebruiker);
            if (string.IsNullOrEmpty(sleutel))
            {
                await users.ResetAuthenticatorKeyAsync(gebruiker);
                sleutel = await users.GetAuthenticatorKeyAsync(gebruiker);
            }

            Sleutel = sleutel;
            OtpAuthUri = $"otpauth://totp/{UrlEncoder.Default.Encode("Koers")}:{UrlEncoder.Default.Encode(gebruiker.Email!)}?secret={sleutel}&issuer=Koers&digits=6";
        }

        return true;
    }
}

using System.Text.Encodings.Web;
using Koers.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Koers.Web.Features.Beveiliging;

/// <summary>
/// The signed-in user's own account: roles, and switching two-step verification (TOTP) on or off. Both switches
/// ask for the password again, so a borrowed unlocked screen or a stolen cookie cannot change how the account signs in.
/// </summary>
public sealed class AccountModel(UserManager<Gebruiker> users, SignInManager<Gebruiker> signIn, IOptions<SessieOpties> sessies, EHerkenningOpties eherkenning,
    AccountService account) : PageModel
{
    /// <summary>For a klantregisseur: their own switch for the daily e-mail about deadlines (null for other users).</summary>
    public Medewerker? Medewerker { get; private set; }

    /// <summary>The municipalities (in this klantregisseur's team region) that send the daily e-mail about deadlines.</summary>
    public List<string> GemeentenMetTermijnmail { get; private set; } = [];

    [BindProperty] public bool TermijnmailOntvangen { get; set; }

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Wachtwoord { get; set; }
    public Gebruiker Gebruiker { get; private set; } = null!;
    public IList<string> Rollen { get; private set; } = [];
    public string? Sleutel { get; private set; }
    public string? OtpAuthUri { get; private set; }

    /// <summary>True when a role of this user requires two-step sign-in (Koers:Beveiliging:TweestapsVerplichtVoor).</summary>
    public bool TweestapsVerplicht { get; private set; }

    /// <summary>For partner staff when eHerkenning is configured: null (not offered), or whether it is linked.</summary>
    public bool? EHerkenningGekoppeld { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // The inburgeraar's account is the portal: it speaks their language and has the logout. This page (roles, an
        // authenticator app for two-step sign-in) is the staff's and Dutch only; the portal never links to it.
        if (User.IsInRole(Koers.Data.Model.Rollen.Inburgeraar)) return Redirect("/mijn");
        return await LaadAsync() ? Page() : Challenge();
    }

    /// <summary>Starts linking eHerkenning to this account; the user id travels in the challenge (see ExternModel).</summary>
    public async Task<IActionResult> OnPostEHerkenningAsync()
    {
        if (!await LaadAsync()) return Challenge();
        if (EHerkenningGekoppeld is null) return RedirectToPage();
        var eigenschappen = signIn.ConfigureExternalAuthenticationProperties(EHerkenningOpties.Schema,
            Url.Page("/Beveiliging/Extern", new { Koppelen = true }), Gebruiker.Id);
        return Challenge(eigenschappen, EHerkenningOpties.Schema);
    }

    public async Task<IActionResult> OnPostActiverenAsync()
    {
        if (!await LaadAsync()) return Challenge();
        if (!await WachtwoordKloptAsync()) return Page();
        var code = (Code ?? string.Empty).Replace(" ", string.Empty).Replace("-", string.Empty);
        if (!await users.VerifyTwoFactorTokenAsync(Gebruiker, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "De code klopt niet. Controleer of de tijd op uw telefoon goed staat.");
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(Gebruiker, true);
        await signIn.RefreshSignInAsync(Gebruiker); // the stamp changed; this browser gets a cookie with the new one
        TempData["Melding"] = "Inloggen in twee stappen staat aan.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUitzettenAsync()
    {
        if (!await LaadAsync()) return Challenge();
        if (TweestapsVerplicht)
        {
            ModelState.AddModelError(nameof(Wachtwoord), "Voor uw rol is inloggen in twee stappen verplicht; u kunt het niet uitzetten.");
            return Page();
        }

        if (!await WachtwoordKloptAsync()) return Page();
        await users.SetTwoFactorEnabledAsync(Gebruiker, false);
        await users.ResetAuthenticatorKeyAsync(Gebruiker); // a later switch-on starts with a fresh key
        await signIn.RefreshSignInAsync(Gebruiker);
        TempData["Melding"] = "Inloggen in twee stappen staat uit.";
        return RedirectToPage();
    }

    /// <summary>The klantregisseur's own choice about the daily e-mail about deadlines; audited.</summary>
    public async Task<IActionResult> OnPostTermijnmailAsync()
    {
        var geen = !TermijnmailOntvangen; // as posted: loading the page sets the stored choice
        if (!await LaadAsync()) return Challenge();
        if (Medewerker is null) return RedirectToPage();
        await account.ZetTermijnmailAsync(Gebruiker, Medewerker, geen);

        TempData["Melding"] = geen ? "U krijgt geen dagelijkse e-mail meer over uw termijnen." : "U krijgt de dagelijkse e-mail over uw termijnen (als uw gemeente die verstuurt).";
        return RedirectToPage();
    }

    /// <summary>Re-authentication; wrong passwords count towards the lockout like at sign-in.</summary>
    private async Task<bool> WachtwoordKloptAsync()
    {
        var resultaat = string.IsNullOrEmpty(Wachtwoord)
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.CheckPasswordSignInAsync(Gebruiker, Wachtwoord, lockoutOnFailure: true);
        if (resultaat.Succeeded) return true;
        ModelState.AddModelError(nameof(Wachtwoord), resultaat.IsLockedOut
            ? "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen."
            : "Vul uw huidige wachtwoord in om dit te bevestigen.");
        return false;
    }

    private async Task<bool> LaadAsync()
    {
        var gebruiker = await users.GetUserAsync(User);
        if (gebruiker is null) return false;
        Gebruiker = gebruiker;
        Rollen = await users.GetRolesAsync(gebruiker);
        EHerkenningGekoppeld = eherkenning.Aan && Rollen.Contains(Koers.Data.Model.Rollen.Partner)
            ? (await users.GetLoginsAsync(gebruiker)).Any(l => l.LoginProvider == EHerkenningOpties.Schema)
            : null;
        TweestapsVerplicht = Rollen.Any(r => sessies.Value.VerplichtVoor.Contains(r, StringComparer.OrdinalIgnoreCase));
        if (await account.TermijnmailAsync(gebruiker, Rollen) is { } termijnmail)
        {
            Medewerker = termijnmail.Medewerker;
            TermijnmailOntvangen = !Medewerker.GeenTermijnmail;
            GemeentenMetTermijnmail = termijnmail.Gemeenten;
        }

        if (!gebruiker.TwoFactorEnabled)
        {
            var sleutel = await users.GetAuthenticatorKeyAsync(gebruiker);
            if (string.IsNullOrEmpty(sleutel))
            {
                // Not ResetAuthenticatorKeyAsync: that renews the security stamp, and merely opening this page
                // must not end the user's other sessions. A key that is not switched on yet changes nothing.
                sleutel = users.GenerateNewAuthenticatorKey();
                await users.SetAuthenticationTokenAsync(gebruiker, "[AspNetUserStore]", "AuthenticatorKey", sleutel);
            }

            Sleutel = sleutel;
            OtpAuthUri = $"otpauth://totp/{UrlEncoder.Default.Encode("Koers")}:{UrlEncoder.Default.Encode(gebruiker.Email!)}?secret={sleutel}&issuer=Koers&digits=6";
        }

        return true;
    }
}

using Koers.Data.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Beveiliging;

/// <summary>
/// Return from the municipality's OpenID Connect provider: the e-mail claim must match an existing Koers
/// user (accounts and roles are managed in Koers); the link is remembered for next time.
/// </summary>
public sealed class ExternModel(SignInManager<Gebruiker> signIn, UserManager<Gebruiker> users, DigiDAanmelding digid, EHerkenningAanmelding eherkenning) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>Set when a signed-in partner employee links eHerkenning to their account (from Mijn account).</summary>
    [BindProperty(SupportsGet = true)] public bool Koppelen { get; set; }
    public string? Fout { get; private set; }

    /// <summary>The page's language and heading: a DigiD refusal speaks the portal language chosen at sign-in.</summary>
    public string Taal { get; private set; } = "nl";
    public string? Kop { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Koppelen) return await KoppelenAsync();
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) return RedirectToPage("/Beveiliging/Inloggen");
        var doel = !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        if (info.LoginProvider == DigiDOpties.Schema) return await DigiDAsync(info, doel);
        if (info.LoginProvider == EHerkenningOpties.Schema) return await EHerkenningAsync(info, doel);

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

    private async Task<IActionResult> EHerkenningAsync(ExternalLoginInfo info, string doel)
    {
        var (gebruiker, fout) = await eherkenning.InloggenAsync(info, Audit.AuditAanvuller.IpAdres(HttpContext), HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (gebruiker is null)
        {
            Fout = fout;
            return Page();
        }

        await signIn.SignInAsync(gebruiker, isPersistent: false, EHerkenningOpties.Schema);
        return LocalRedirect(doel);
    }

    /// <summary>
    /// Back from eHerkenning to link it: Identity checks that the round trip was started by this same signed-in user (the
    /// user id in the challenge's properties), so a link cannot be planted in someone else's session.
    /// </summary>
    private async Task<IActionResult> KoppelenAsync()
    {
        var gebruiker = await users.GetUserAsync(User);
        var info = gebruiker is null ? null : await signIn.GetExternalLoginInfoAsync(gebruiker.Id);
        if (gebruiker is null || info is null || info.LoginProvider != EHerkenningOpties.Schema)
        {
            Fout = "Koppelen is niet gelukt: begin opnieuw bij 'Mijn account'.";
            return Page();
        }

        Fout = await eherkenning.KoppelenAsync(gebruiker, info, Audit.AuditAanvuller.IpAdres(HttpContext), HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (Fout is not null) return Page();
        TempData["Melding"] = "eHerkenning is gekoppeld. U kunt voortaan met eHerkenning inloggen.";
        return RedirectToPage("/Beveiliging/Account");
    }

    /// <summary>
    /// DigiD: no remembered link and no e-mail matching; the account is looked up by the BSN on every sign-in (see
    /// <see cref="DigiDAanmelding"/>), so a corrected BSN or a removed account takes effect at once.
    /// </summary>
    private async Task<IActionResult> DigiDAsync(ExternalLoginInfo info, string doel)
    {
        var uitkomst = await digid.ZoekAsync(info.Principal, Audit.AuditAanvuller.IpAdres(HttpContext), HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (uitkomst.Gebruiker is null)
        {
            var t = new Shared.Resources.Kopteksten(Kern.Talen.Huidig);
            Taal = Kern.Talen.Huidig;
            Kop = t["DigiDKop"];
            Fout = string.Format(System.Globalization.CultureInfo.InvariantCulture, t[uitkomst.Fout!], uitkomst.Argumenten);
            return Page();
        }

        await signIn.SignInAsync(uitkomst.Gebruiker, isPersistent: false, DigiDOpties.Schema);
        return LocalRedirect(doel);
    }
}

using Koers.Data.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Beveiliging;

public sealed class InloggenModel(SignInManager<Gebruiker> signIn, UserManager<Gebruiker> users, IPasswordHasher<Gebruiker> hasher) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Wachtwoord { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public IReadOnlyList<AuthenticationScheme> Extern { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Extern = await ExternAsync();
        // A language picked here is remembered like the portal's choice, so the portal opens in it after login.
        if (Request.Query[Kern.Talen.Parameter].ToString() is var taal && Kern.Talen.Bestaat(taal))
        {
            Kern.Talen.Onthoud(HttpContext, taal);
        }
    }

    /// <summary>
    /// The identity providers a user can be sent to (OpenID Connect). Identity lists every scheme with a display name,
    /// which includes Koers's own policy scheme; a button for that one would lead nowhere, so only remote handlers count.
    /// </summary>
    private async Task<List<AuthenticationScheme>> ExternAsync() =>
        (await signIn.GetExternalAuthenticationSchemesAsync()).Where(s => IsExtern(s.HandlerType)).ToList();

    private static bool IsExtern(Type handler)
    {
        for (var t = handler; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(RemoteAuthenticationHandler<>)) return true;
        }

        return false;
    }

    private Shared.Resources.Kopteksten Teksten => new(Kern.Talen.Huidig);

    public async Task<IActionResult> OnPostAsync()
    {
        Extern = await ExternAsync();
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Wachtwoord))
        {
            ModelState.AddModelError(nameof(Email), Teksten["FoutLeeg"]);
            return Page();
        }

        var gebruiker = await users.FindByEmailAsync(Email.Trim());
        Microsoft.AspNetCore.Identity.SignInResult resultaat;
        if (gebruiker is null)
        {
            // Same hash work and the same message as a wrong password: the page does not reveal which addresses exist.
            Inlogpoging.DoeAlsOfOnbekend(hasher, Wachtwoord);
            resultaat = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        else
        {
            resultaat = await signIn.PasswordSignInAsync(gebruiker, Wachtwoord, isPersistent: false, lockoutOnFailure: true);
        }

        if (resultaat.Succeeded) return LocalRedirect(VeiligDoel());
        if (resultaat.RequiresTwoFactor) return RedirectToPage("/Beveiliging/Tweestaps", new { ReturnUrl = VeiligDoel() });
        ModelState.AddModelError(nameof(Email), resultaat.IsLockedOut
            ? Teksten["FoutGeblokkeerd"]
            : Teksten["FoutOnjuist"]);
        return Page();
    }

    public IActionResult OnPostExtern(string schema) =>
        Challenge(signIn.ConfigureExternalAuthenticationProperties(schema, Url.Page("/Beveiliging/Extern", new { ReturnUrl = VeiligDoel() })), schema);

    private string VeiligDoel() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}

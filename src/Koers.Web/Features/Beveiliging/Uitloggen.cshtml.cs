using Koers.Data.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Beveiliging;

[AllowAnonymous]
public sealed class UitloggenModel(SignInManager<Gebruiker> signIn, UserManager<Gebruiker> users) : PageModel
{
    public IActionResult OnGet() => Redirect("/inloggen");

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp also ends copies of this cookie and the user's bearer tokens, not just this browser's cookie.
        if (await users.GetUserAsync(User) is { } gebruiker) await users.UpdateSecurityStampAsync(gebruiker);
        await signIn.SignOutAsync();
        return Redirect("/inloggen");
    }
}

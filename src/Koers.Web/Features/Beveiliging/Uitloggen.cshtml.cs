using Koers.Data.Model;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Beveiliging;

/// <summary>
/// Logout. A signed-in request must carry the form's antiforgery token (no logout by a foreign site); a session that
/// was already ended on the server (stamp changed) has nothing left to protect and simply lands on /inloggen,
/// instead of the 400 the token check would give because the token belongs to the user it was issued for.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UitloggenModel(SignInManager<Gebruiker> signIn, UserManager<Gebruiker> users, IAntiforgery antiforgery) : PageModel
{
    public IActionResult OnGet() => Redirect("/inloggen");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            if (!await antiforgery.IsRequestValidAsync(HttpContext)) return BadRequest();
            // A new security stamp also ends copies of this cookie and the user's bearer tokens, not just this browser's cookie.
            if (await users.GetUserAsync(User) is { } gebruiker) await users.UpdateSecurityStampAsync(gebruiker);
        }

        await signIn.SignOutAsync();
        return Redirect("/inloggen");
    }
}

using Koers.Data.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Beveiliging;

[AllowAnonymous]
public sealed class UitloggenModel(SignInManager<Gebruiker> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/inloggen");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/inloggen");
    }
}

using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Berichten;

/// <summary>
/// /mijn/berichten: the inburgeraar turns e-mail and SMS on or off, in their own language, and reads the messages
/// their klantregisseur sent. Saving also keeps the portal language on the case, so the e-mails use it.
/// </summary>
public sealed class MijnModel(Toegang toegang, BerichtVoorkeuren voorkeuren, BerichtenService berichten) : PageModel
{
    public const string Doel = "Portaal: eigen berichten bekeken";

    [BindProperty] public BerichtVoorkeurInvoer Voorkeur { get; set; } = new();
    public BerichtVoorkeurStand? Stand { get; private set; }
    public IReadOnlyList<Bericht> Berichten { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var taal = Request.Query[Talen.Parameter].ToString();
        if (Talen.Bestaat(taal)) Talen.Onthoud(HttpContext, taal);
        var bereik = await toegang.BereikAsync(ct);
        if (bereik.EigenDossier is not { } id) return Page();
        if (await berichten.MijnAsync(id, Doel, ct) is not { } mijn) return Page();
        Stand = mijn.Stand;
        Berichten = mijn.Berichten;
        if (Request.Method == "GET" && Stand is not null)
        {
            Voorkeur.EmailAdres = Stand.Email;
            Voorkeur.Telefoon = Stand.Telefoon;
            Voorkeur.Email = Stand.Kanaal(Berichtkanaal.Email).Aan;
            Voorkeur.Sms = Stand.Kanaal(Berichtkanaal.Sms).Aan;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (bereik.EigenDossier is not { } id || !await toegang.MagDossierAsync(id, ct)) return NotFound();
        // The messages come in the language the person is using now; a klantregisseur's note does not apply here.
        Voorkeur.Taal = Talen.Huidig;
        Voorkeur.Toelichting = null;
        var u = await voorkeuren.ZetAsync(id, Voorkeur, ToestemmingBron.Portaal, ct);
        if (u.NietGevonden) return NotFound();
        if (!u.Gelukt)
        {
            ModelState.VoegToe(u.Fouten, "Voorkeur");

            return await OnGetAsync(ct);
        }

        TempData["Opgeslagen"] = true;
        return Redirect("/mijn/berichten");
    }
}

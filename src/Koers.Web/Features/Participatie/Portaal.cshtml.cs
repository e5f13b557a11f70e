using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Portaal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Koers.Web.Features.Participatie;

/// <summary>
/// The inburgeraar fills in the questionnaire that is due, in the portal's language: question texts where the instrument
/// has them (Dutch and English in the default), otherwise Dutch with a note saying so. Own case only; every view audited.
/// </summary>
public sealed class PortaalModel(ParticipatieService participatie, IStringLocalizer<Resources.PortaalVragen> t) : PageModel
{
    [BindProperty] public MetingInvoer Meting { get; set; } = new();

    public PortaalVragenlijst? Stand { get; private set; }
    public string Taal => Talen.Huidig;

    /// <summary>Whether some question has no text in the chosen language (shown in Dutch, with the note).</summary>
    public bool NietVertaald => Stand?.Vragenlijst.Vragen.Any(v => !v.Tekst(Taal).Vertaald || v.Keuzes.Any(k => !k.Tekst(Taal).Vertaald)) == true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var taal = Request.Query[Talen.Parameter].ToString();
        if (Talen.Bestaat(taal)) Talen.Onthoud(HttpContext, taal);
        Stand = await participatie.EigenAsync(ct);
        return Stand is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var u = await participatie.PortaalAsync(Meting, Taal, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt)
            {
                TempData["ParticipatieVerstuurd"] = true;
                return Redirect("/mijn/participatie");
            }

            // The service speaks Dutch; the inburgeraar gets the message in their own language, at the question.
            foreach (var veld in u.Fouten.Keys)
            {
                var (sleutel, tekst) = veld switch
                {
                    "Antwoorden" => ("Meting.Antwoorden", t["FoutMinstensEen"].Value),
                    _ when veld.StartsWith("Antwoorden[", StringComparison.Ordinal) || veld.StartsWith("Keuzes[", StringComparison.Ordinal) => ($"Meting.{veld}", t["FoutAntwoord"].Value),
                    _ => ("vragenlijst", t["FoutNietOpen"].Value),
                };
                ModelState.AddModelError(sleutel, tekst);
            }
        }

        Stand = await participatie.EigenAsync(ct);
        return Stand is null ? NotFound() : Page();
    }
}

using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Verwijzingen;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Partnerportaal;

/// <summary>The partner's referrals: accept (with intake and start date), decline (with reason) or finish; waiting times.</summary>
public sealed class PartnerWachtlijstModel(VerwijzingService verwijzingen) : PageModel
{
    [BindProperty] public BeslissingInvoer Beslissing { get; set; } = new();

    /// <summary>The referral whose form was refused, so its form shows the errors and keeps what was typed.</summary>
    public Guid? FoutRij { get; private set; }
    public IReadOnlyList<VerwijzingDto> Lijst { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Lijst = await verwijzingen.VoorPartnerAsync(false, ct);

    public async Task<IActionResult> OnPostAsync(Guid verwijzing, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var u = await verwijzingen.BeslissenAsync(verwijzing, Beslissing, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt)
            {
                TempData["Melding"] = "Uw antwoord is vastgelegd; de klantregisseur ziet het in het dossier.";
                return Redirect("/partner/wachtlijst");
            }

            ModelState.VoegToe(u.Fouten, nameof(Beslissing));
        }

        FoutRij = verwijzing;
        Lijst = await verwijzingen.VoorPartnerAsync(false, ct);
        return Page();
    }

    public IReadOnlyList<string> FoutenVoor(string key) =>
        ModelState.TryGetValue(key, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

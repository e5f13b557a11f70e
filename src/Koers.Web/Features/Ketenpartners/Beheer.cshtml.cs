using Koers.Data.Model;
using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Ketenpartners;

/// <summary>Functioneel beheer: the chain partners of the region(s), and adding one.</summary>
public sealed class BeheerModel(KetenpartnersService partners) : PageModel
{
    [BindProperty] public PartnerInvoer Invoer { get; set; } = new();
    public IReadOnlyList<PartnerDto> Lijst { get; private set; } = [];
    public IReadOnlyList<Regio> Regios { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LaadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var u = await partners.OpslaanAsync(null, Invoer, ct);
            if (u.Gelukt)
            {
                TempData["Melding"] = "De ketenpartner is toegevoegd.";
                return Redirect($"/beheer/partners/{u.Waarde}");
            }

            ModelState.VoegToe(u.Fouten, nameof(Invoer));
        }

        await LaadAsync(ct);
        return Page();
    }

    private async Task LaadAsync(CancellationToken ct)
    {
        Lijst = await partners.LijstAsync(ct);
        Regios = await partners.RegiosAsync(ct);
    }
}

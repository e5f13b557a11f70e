using Koers.Data.Model.Planning;
using Koers.Web.Infrastructure.Planning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Brp;

/// <summary>
/// The BRP link for functioneel beheer and teamleiders: where Koers asks, which purposes it states, when the daily check
/// last ran, and a button to run the check now (beheer: all open cases; a teamleider: those within reach).
/// </summary>
public sealed class BeheerModel(BrpOpties opties, BrpService brp, Taaksloten sloten) : PageModel
{
    public BrpOpties Opties => opties;
    public Taakslot? Dagelijks { get; private set; }
    public Taakslot? Handmatig { get; private set; }
    public BrpControleUitkomst? Uitkomst { get; private set; }
    public string? Fout { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LaadAsync(ct);

    public async Task<IActionResult> OnPostControleAsync(CancellationToken ct)
    {
        Uitkomst = await brp.ControleerNuAsync(ct);
        if (Uitkomst is null) Fout = "Er loopt al een BRP-controle. Probeer het over een paar minuten opnieuw.";
        await LaadAsync(ct);
        return Page();
    }

    private async Task LaadAsync(CancellationToken ct)
    {
        Dagelijks = await sloten.StandAsync(BrpControle.Taak, ct);
        Handmatig = await sloten.StandAsync(BrpControle.Taak + "-handmatig", ct);
    }
}

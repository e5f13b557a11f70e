using Koers.Domain.Monitor;
using Koers.Web.Kern;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Doelenboom;

/// <summary>
/// Functioneel beheer: a municipality's doelenboom as an outline, one line per effect, doel, subdoel, activiteit or KPI
/// (a KPI belongs to the line above it). Works without script: empty lines below to add, clear a line to remove it.
/// </summary>
public sealed class InrichtingModel(DoelenboomService service) : PageModel
{
    public const int ExtraRegels = 6;

    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }
    [BindProperty] public List<Boomregel> Regels { get; set; } = [];

    public List<Data.Model.Gemeente> Gemeenten { get; private set; } = [];
    public DoelenboomInrichting Huidige { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        Regels = Huidige.Boom is null ? [] : [.. Doelenboomregels.AlsRegels(Huidige.Boom)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Binding errors (a letter in a number) are reported by the rules as a missing value at the line; the rest of
        // what was typed stays in the form.
        foreach (var k in ModelState.Keys.ToList()) ModelState.Remove(k);
        var u = await service.OpslaanAsync(Gemeente ?? string.Empty, Regels, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "De doelenboom is opgeslagen.";
            return Redirect($"/beheer/doelenboom?gemeente={Uri.EscapeDataString(u.Waarde!)}");
        }

        ModelState.VoegToe(u.Fouten);
        return await LaadAsync(ct) ? Page() : NotFound();
    }

    public IEnumerable<string> Fouten(int regel) =>
        ModelState.TryGetValue($"Regels[{regel}]", out var e) ? e.Errors.Select(x => x.ErrorMessage) : [];

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        Gemeenten = await service.GemeentenAsync(ct);
        Gemeente ??= Gemeenten.FirstOrDefault()?.Code;
        var inrichting = await service.InrichtingAsync(Gemeente, ct);
        if (inrichting is null) return false;
        Huidige = inrichting;
        return true;
    }
}

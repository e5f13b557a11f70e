using Koers.Web.Features.Beveiliging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Termijnen;

/// <summary>Functioneel beheer: per municipality, how many days ahead each kind of deadline turns orange.</summary>
public sealed class SignaleringModel(SignaleringService signalering) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }

    /// <summary>Days per deadline code, as typed (kept as text, so a wrong entry is shown back as it was).</summary>
    [BindProperty] public Dictionary<string, string?> Dagen { get; set; } = [];

    /// <summary>The daily e-mail to the klantregisseurs (checkbox with a hidden 'false'); absent from a post: unchanged.</summary>
    [BindProperty] public bool? Termijnmail { get; set; }

    public List<Data.Model.Gemeente> Gemeenten { get; private set; } = [];
    public Data.Model.Gemeente Huidige { get; private set; } = null!;
    public IReadOnlyList<SignaleringRegel> Regels { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        Dagen = Regels.ToDictionary(r => r.Termijn.ToString(), r => (string?)r.Dagen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Termijnmail = Huidige.DagelijkseTermijnmail;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        foreach (var sleutel in ModelState.Keys.ToList()) ModelState.Remove(sleutel); // the service checks every value itself
        var u = await signalering.OpslaanAsync(Gemeente ?? string.Empty, Dagen, Termijnmail, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "De termijnsignalering is opgeslagen. Werkvoorraad en dossiers volgen direct de nieuwe instelling.";
            return Redirect($"/beheer/termijnen?gemeente={Uri.EscapeDataString(u.Waarde!)}");
        }

        ModelState.VoegToe(u.Fouten);
        return await LaadAsync(ct) ? Page() : NotFound(); // what was typed stays in the form
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        Gemeenten = await signalering.GemeentenAsync(ct);
        Gemeente ??= Gemeenten.FirstOrDefault()?.Code;
        var instelling = await signalering.InstellingAsync(Gemeente, ct);
        if (instelling is null) return false;
        (Huidige, Regels) = (instelling.Value.Gemeente, instelling.Value.Regels);
        return true;
    }
}

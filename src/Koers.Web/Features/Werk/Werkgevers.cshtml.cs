using Koers.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Werk;

/// <summary>The employer register of a municipality: employers willing to offer MAP practice, taalstages, werkervaringsplaatsen and jobs.</summary>
public sealed class WerkgeversModel(WerkService werk) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }

    /// <summary>The employer being changed (empty: a new one).</summary>
    [BindProperty(SupportsGet = true)] public Guid? Wijzig { get; set; }

    [BindProperty] public WerkgeverInvoer Invoer { get; set; } = new();
    [BindProperty] public ErvaringInvoer Ervaring { get; set; } = new();

    public Werkgeversregister Register { get; private set; } = null!;
    public IReadOnlyList<Gemeente> Gemeenten { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        if (Wijzig is { } id)
        {
            var w = Register.Werkgevers.FirstOrDefault(x => x.Id == id);
            if (w is null) return NotFound();
            Invoer = new WerkgeverInvoer
            {
                Naam = w.Naam, Sector = w.Sector, Aanbod = WerkWeergave.AlleAanbod.Where(a => w.Aanbod.HasFlag(a)).ToList(), Capaciteit = w.Capaciteit,
                Taaleis = w.Taaleis, Contactpersoon = w.Contactpersoon, Telefoon = w.Telefoon, Email = w.Email, Actief = w.Actief,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        Invoer.Gemeente = Register.Gemeente.Code;
        var u = await werk.WerkgeverOpslaanAsync(Wijzig, Invoer, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = $"Werkgever '{Invoer.Naam?.Trim()}' is opgeslagen.";
            return Redirect($"/werkgevers?gemeente={Register.Gemeente.Code}#werkgever-{u.Waarde}");
        }

        ModelState.VoegToe(u.Fouten, nameof(Invoer));
        return Page();
    }

    public async Task<IActionResult> OnPostErvaringAsync(Guid werkgever, CancellationToken ct)
    {
        var u = await werk.ErvaringAsync(werkgever, Ervaring, ct);
        if (u.NietGevonden) return NotFound();
        if (!await LaadAsync(ct)) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "De ervaring is vastgelegd.";
            return Redirect($"/werkgevers?gemeente={Register.Gemeente.Code}#werkgever-{werkgever}");
        }

        Wijzig = null;
        ModelState.VoegToe(u.Fouten, f => $"{nameof(Ervaring)}.{f}.{werkgever}");
        return Page();
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        var r = await werk.RegisterAsync(Gemeente, ct);
        if (r is null) return false;
        Register = r;
        Gemeenten = await werk.GemeentenAsync(ct);
        return true;
    }

    public IReadOnlyList<string> FoutenVoor(string key) =>
        ModelState.TryGetValue(key, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

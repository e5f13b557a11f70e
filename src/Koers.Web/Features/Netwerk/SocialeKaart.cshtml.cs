using Koers.Data.Model;
using Koers.Data.Model.Netwerk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Netwerk;

/// <summary>A municipality's sociale kaart: read by its staff, kept by klantregisseurs and functioneel beheer.</summary>
public sealed class SocialeKaartModel(SocialeKaartService kaart) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Gemeente { get; set; }
    [BindProperty(SupportsGet = true)] public int? Bewerk { get; set; }
    [BindProperty] public KaartitemInvoer Invoer { get; set; } = new();

    public SocialeKaart Kaart { get; private set; } = null!;
    public IReadOnlyList<Gemeente> Gemeenten { get; private set; } = [];
    public Kaartitem? Bewerkt => Bewerk is { } b ? Kaart.Items.FirstOrDefault(i => i.Id == b) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LaadAsync(ct)) return NotFound();
        if (Bewerkt is { } i)
        {
            Invoer = new KaartitemInvoer { Naam = i.Naam, Soort = i.Soort, Adres = i.Adres, Plaats = i.Plaats, Contact = i.Contact, Talen = i.Talen, Notities = i.Notities, Actief = i.Actief };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var u = await kaart.OpslaanAsync(Gemeente, Bewerk, Invoer, ct);
            if (u.NietGevonden) return NotFound();
            if (u.Gelukt)
            {
                TempData["Melding"] = $"'{Invoer.Naam?.Trim()}' is opgeslagen op de sociale kaart.";
                return Redirect($"/sociale-kaart?gemeente={Uri.EscapeDataString(Gemeente!.Trim().ToUpperInvariant())}");
            }

            ModelState.VoegToe(u.Fouten, nameof(Invoer));
        }

        return await LaadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        Gemeenten = await kaart.GemeentenAsync(ct);
        Gemeente ??= Gemeenten.Count > 0 ? Gemeenten[0].Code : null;
        var k = await kaart.KaartAsync(Gemeente, ct);
        if (k is null) return false;
        Kaart = k;
        return true;
    }

    public IReadOnlyList<string> FoutenVoor(string key) =>
        ModelState.TryGetValue(key, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

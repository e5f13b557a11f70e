using Koers.Data.Model.Groepen;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Netwerk;

/// <summary>What the attendance partial shows: the session, the group, and on a refused post what was chosen and why.</summary>
public sealed record AanwezigheidWeergave(GroepStand Stand, Groepsbijeenkomst Bijeenkomst, IReadOnlyDictionary<Guid, Aanwezigheidsstatus> Gekozen, string? Fout);

/// <summary>
/// The session page of a group, for staff (<see cref="BijeenkomstModel"/>) and the organising partner
/// (<see cref="PartnerBijeenkomstModel"/>): the same form, the same service; the service decides what each may record.
/// </summary>
public abstract class AanwezigheidPagina(GroepenService groepen, bool partner) : PageModel
{
    protected GroepenService Groepen => groepen;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid Bijeenkomst { get; set; }

    public AanwezigheidWeergave Formulier { get; private set; } = null!;

    public string Terug => partner ? $"/partner/groepen/{Id}" : $"/groepen/{Id}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LaadAsync(new Dictionary<Guid, Aanwezigheidsstatus>(), null, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var gekozen = new Dictionary<Guid, Aanwezigheidsstatus>();
        foreach (var (sleutel, waarde) in Request.Form)
        {
            if (sleutel.StartsWith("status-", StringComparison.Ordinal) && Guid.TryParse(sleutel["status-".Length..], out var d)
                && Enum.TryParse<Aanwezigheidsstatus>(waarde, out var s) && Enum.IsDefined(s))
                gekozen[d] = s;
        }

        var u = await groepen.AanwezigheidAsync(Id, Bijeenkomst, new AanwezigheidInvoer { Regels = [.. gekozen.Select(g => new AanwezigheidRegel(g.Key, g.Value))] }, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "De aanwezigheid is opgeslagen.";
            return Redirect($"{Terug}/bijeenkomsten/{Bijeenkomst}");
        }

        return await LaadAsync(gekozen, string.Join(" ", u.Fouten.Values.SelectMany(f => f)), ct) ? Page() : NotFound();
    }

    protected async Task<bool> LaadAsync(Dictionary<Guid, Aanwezigheidsstatus> gekozen, string? fout, CancellationToken ct)
    {
        var s = await groepen.HaalAsync(Id, ct);
        if (s is null || s.IsPartner != partner) return false;
        var b = s.Bijeenkomsten.FirstOrDefault(x => x.Id == Bijeenkomst);
        if (b is null) return false;
        Formulier = new AanwezigheidWeergave(s, b, gekozen, fout);
        return true;
    }
}

/// <summary>Staff's session page: attendance, and moving or cancelling the session.</summary>
public sealed class BijeenkomstModel(GroepenService service) : AanwezigheidPagina(service, false)
{
    [BindProperty] public BijeenkomstInvoer Wijziging { get; set; } = new();

    /// <summary>Whether the edit form was posted and refused, so it shows what was typed rather than the stored session.</summary>
    public bool WijzigingGeweigerd { get; private set; }

    public string? AfzegFout { get; private set; }

    public async Task<IActionResult> OnPostWijzigenAsync(CancellationToken ct)
    {
        var u = await Groepen.BijeenkomstWijzigenAsync(Id, Bijeenkomst, Wijziging, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "De bijeenkomst is gewijzigd.";
            return Redirect($"/groepen/{Id}/bijeenkomsten/{Bijeenkomst}");
        }

        WijzigingGeweigerd = true;
        ModelState.VoegToe(u.Fouten, nameof(Wijziging));
        return await LaadAsync(new Dictionary<Guid, Aanwezigheidsstatus>(), null, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAfzeggenAsync(CancellationToken ct)
    {
        var u = await Groepen.BijeenkomstAfzeggenAsync(Id, Bijeenkomst, ct);
        if (u.NietGevonden) return NotFound();
        if (u.Gelukt)
        {
            TempData["Melding"] = "De bijeenkomst is afgezegd.";
            return Redirect($"/groepen/{Id}#bijeenkomsten");
        }

        AfzegFout = string.Join(" ", u.Fouten.Values.SelectMany(f => f));
        return await LaadAsync(new Dictionary<Guid, Aanwezigheidsstatus>(), null, ct) ? Page() : NotFound();
    }

    public IReadOnlyList<string> FoutenVoor(string key) =>
        ModelState.TryGetValue(key, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

public sealed class PartnerBijeenkomstModel(GroepenService groepen) : AanwezigheidPagina(groepen, true);

using Koers.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Berichten;

/// <summary>
/// The Berichten tab of a case: the person's consent per channel (with its history), recording a choice the person
/// made by phone or at the desk, writing a message to them, and what was sent.
/// </summary>
public sealed class DossierModel(BerichtenService berichten) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public BerichtVoorkeurInvoer Voorkeur { get; set; } = new();
    [BindProperty] public string? Tekst { get; set; }

    public string Naam { get; private set; } = string.Empty;
    public BerichtVoorkeurStand Stand { get; private set; } = null!;
    public IReadOnlyList<Bericht> AanInburgeraar { get; private set; } = [];
    public IReadOnlyList<NotificatieRegel> Notificaties { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LaadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostVoorkeurAsync(CancellationToken ct)
    {
        var u = await berichten.VoorkeurenZettenAsync(Id, Voorkeur, ct);
        if (u.NietGevonden) return NotFound();
        if (!u.Gelukt) return await FoutAsync(u.Fouten, nameof(Voorkeur), ct);
        TempData["Melding"] = u.Waarde ? "De keuze van de inburgeraar is vastgelegd." : "Er was niets veranderd.";
        return Redirect($"/inburgeraars/{Id}/berichten#voorkeuren");
    }

    public async Task<IActionResult> OnPostBerichtAsync(CancellationToken ct)
    {
        var u = await berichten.StuurAsync(Id, Tekst, ct);
        if (u.NietGevonden) return NotFound();
        if (!u.Gelukt) return await FoutAsync(u.Fouten, null, ct);
        TempData["Melding"] = "Het bericht staat in Mijn inburgering van de inburgeraar.";
        return Redirect($"/inburgeraars/{Id}/berichten#bericht");
    }

    private async Task<IActionResult> FoutAsync(Dictionary<string, string[]> fouten, string? voorvoegsel, CancellationToken ct)
    {
        ModelState.VoegToe(fouten, veld => voorvoegsel is null ? (veld == "tekst" ? nameof(Tekst) : veld) : $"{voorvoegsel}.{veld}");

        return await LaadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        if (await berichten.DossierAsync(Id, ct) is not { } dossier) return false;
        var stand = dossier.Stand;
        Stand = stand;
        Naam = dossier.Naam;
        AanInburgeraar = dossier.AanInburgeraar;
        Notificaties = dossier.Notificaties;
        if (Request.Method == "GET")
        {
            Voorkeur.EmailAdres = stand.Email;
            Voorkeur.Telefoon = stand.Telefoon;
            Voorkeur.Taal = stand.Taal;
            Voorkeur.Email = stand.Kanaal(Berichtkanaal.Email).Aan;
            Voorkeur.Sms = stand.Kanaal(Berichtkanaal.Sms).Aan;
        }

        return true;
    }
}

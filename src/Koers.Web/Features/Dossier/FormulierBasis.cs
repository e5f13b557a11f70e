using Koers.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Dossier;

/// <summary>Shared by the create and edit pages: the choice lists and the mapping of refusals to fields.</summary>
public abstract class FormulierBasis(KoersDbContext db) : PageModel
{
    [BindProperty] public InburgeraarInvoer Invoer { get; set; } = new();

    /// <summary>Languages as typed: comma separated.</summary>
    [BindProperty] public string? TalenTekst { get; set; }

    public List<(string Code, string Naam)> Gemeenten { get; private set; } = [];
    public List<(int Id, string Naam, string Team)> Regisseurs { get; private set; } = [];

    protected KoersDbContext Db => db;

    protected async Task LaadKeuzesAsync(CancellationToken ct)
    {
        Gemeenten = (await db.Gemeenten.AsNoTracking().OrderBy(g => g.Naam).Select(g => new { g.Code, g.Naam }).ToListAsync(ct))
            .Select(g => (g.Code, g.Naam)).ToList();
        Regisseurs = (await db.Medewerkers.AsNoTracking().OrderBy(m => m.Naam).Select(m => new { m.Id, m.Naam, Team = m.Team!.Naam }).ToListAsync(ct))
            .Select(m => (m.Id, m.Naam, m.Team)).ToList();
    }

    /// <summary>Reads the form's extra fields into the input: languages from text, blank family rows dropped.</summary>
    protected void NormaliseerFormulier()
    {
        Invoer.Talen = (TalenTekst ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        Invoer.Gezinsleden = (Invoer.Gezinsleden ?? [])
            .Where(g => !string.IsNullOrWhiteSpace(g.Naam) || !string.IsNullOrWhiteSpace(g.Relatie) || g.Geboortedatum is not null)
            .ToList();
    }

    protected void ToonFouten(Dictionary<string, string[]> fouten)
    {
        ModelState.VoegToe(fouten, veld => veld == nameof(InburgeraarInvoer.Talen) ? nameof(TalenTekst) : $"{nameof(Invoer)}.{veld}");
    }

    /// <summary>Always offer two empty family rows, so a household member can be added without scripts.</summary>
    public IEnumerable<GezinslidInvoer> GezinsledenMetLegeRegels() =>
        (Invoer.Gezinsleden ?? []).Concat(Enumerable.Range(0, 2).Select(_ => new GezinslidInvoer()));
}

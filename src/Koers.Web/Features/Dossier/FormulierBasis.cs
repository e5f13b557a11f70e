using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Dossier;

/// <summary>Shared by the create and edit pages: the choice lists and the mapping of refusals to fields.</summary>
public abstract class FormulierBasis(DossierService service) : PageModel
{
    [BindProperty] public InburgeraarInvoer Invoer { get; set; } = new();

    /// <summary>Languages as typed: comma separated.</summary>
    [BindProperty] public string? TalenTekst { get; set; }

    public List<(string Code, string Naam)> Gemeenten { get; private set; } = [];
    public List<(int Id, string Naam, string Team)> Regisseurs { get; private set; } = [];

    /// <summary>The commands on the case (the same service the API uses).</summary>
    protected DossierService Service => service;

    protected async Task LaadKeuzesAsync(CancellationToken ct) => (Gemeenten, Regisseurs) = await service.FormulierKeuzesAsync(ct);

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

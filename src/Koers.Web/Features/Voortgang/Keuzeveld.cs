using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Koers.Web.Features.Voortgang;

/// <summary>A select field with its label, help, and errors tied to it for screen readers.</summary>
public sealed record Keuzeveld(string Naam, string Label, IReadOnlyList<(string Waarde, string Tekst)> Opties, string? Gekozen, ModelStateDictionary ModelState)
{
    public bool Verplicht { get; init; } = true;
    public string? Hulp { get; init; }
    public string? Leeg { get; init; } = "Kies…";

    public IReadOnlyList<string> Fouten => ModelState.TryGetValue(Naam, out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];
}

using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Koers.Web.Features.Shared;

public sealed record VeldModel(string Naam, string Label, string? Waarde, ModelStateDictionary ModelState)
{
    public string Type { get; init; } = "text";
    public bool Verplicht { get; init; }
    public string? Hulp { get; init; }
    public string? Autocomplete { get; init; }

    public IReadOnlyList<string> Fouten =>
        ModelState.TryGetValue(Naam, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
}

using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Koers.Web.Kern;

/// <summary>
/// The one way a page shows a service's refusal: each message of <see cref="Koers.Web.Infrastructure.Veldfouten"/> goes to the form field it is
/// about, so it appears beside that field and in the error summary. Pages differ only in how a service's field name maps
/// to the form's (a prefix for a bound sub-object, or a few fields that are bound as text), which the overloads take.
/// </summary>
public static class ModelStateFouten
{
    /// <summary>Every message under "<paramref name="voorvoegsel"/>.veld" (or the service's field name itself without a prefix).</summary>
    public static void VoegToe(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> fouten, string? voorvoegsel = null) =>
        modelState.VoegToe(fouten, veld => voorvoegsel is null ? veld : $"{voorvoegsel}.{veld}");

    /// <summary>Every message under the form key <paramref name="sleutel"/> gives for the service's field name.</summary>
    public static void VoegToe(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> fouten, Func<string, string> sleutel)
    {
        foreach (var (veld, meldingen) in fouten)
        {
            var s = sleutel(veld);
            foreach (var m in meldingen)
            {
                // A page that first runs a form check and then the service can meet the same message twice; show it once.
                if (modelState.TryGetValue(s, out var al) && al.Errors.Any(e => e.ErrorMessage == m)) continue;
                modelState.AddModelError(s, m);
            }
        }
    }
}

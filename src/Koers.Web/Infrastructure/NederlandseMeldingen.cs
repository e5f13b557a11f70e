using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Koers.Web.Infrastructure;

/// <summary>Model-binding messages in Dutch, so a mistyped date on a form reads as a sentence a user understands.</summary>
public static class NederlandseMeldingen
{
    public static void Zet(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((waarde, veld) => $"'{waarde}' is geen geldige waarde voor {veld}.");
        p.SetValueMustBeANumberAccessor(veld => $"{veld} moet een getal zijn.");
        p.SetMissingBindRequiredValueAccessor(veld => $"{veld} ontbreekt.");
        p.SetMissingKeyOrValueAccessor(() => "Er ontbreekt een waarde.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Het verzoek heeft geen inhoud.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(waarde => $"'{waarde}' is geen geldige waarde.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "De waarde is ongeldig.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "De waarde moet een getal zijn.");
        p.SetUnknownValueIsInvalidAccessor(veld => $"De waarde voor {veld} is ongeldig.");
        p.SetValueIsInvalidAccessor(waarde => $"'{waarde}' is ongeldig.");
        p.SetValueMustNotBeNullAccessor(waarde => "Dit veld is verplicht.");
    }
}

using Koers.Domain.Participatie;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Koers.Web.Features.Participatie;

/// <summary>
/// How <c>_Vragen.cshtml</c> shows a questionnaire: in which language (question texts per language, falling back to Dutch),
/// with which form prefix, and what was chosen before a refused submit.
/// </summary>
public sealed record VragenWeergave(Vragenlijst Vragenlijst, string Prefix, string Taal, IReadOnlyDictionary<string, int?> Antwoorden, ModelStateDictionary ModelState,
    string Overslaan)
{
    /// <summary>The language of an option's label: the reader's where the label has it, else Dutch.</summary>
    public string OptieTaal(Antwoordoptie o) => o.HeeftTaal(Taal) ? Taal : "nl";

    /// <summary>Domain headings exist in all seven portal languages.</summary>
    public string DomeinTaal => Taal is "nl" or "en" or "ar" or "fa" or "ti" or "tr" or "uk" ? Taal : "nl";

    public string Optie(Antwoordoptie o) => o.Tekst(Taal);

    public string Domein(Participatiedomein d) => d.Omschrijving(DomeinTaal);

    public int? Gekozen(string code) => Antwoorden.TryGetValue(code, out var w) ? w : null;

    /// <summary>Question code → option code chosen before a refused submit (own meerkeuze questions).</summary>
    public IReadOnlyDictionary<string, string?> Keuzes { get; init; } = new Dictionary<string, string?>();

    public string? GekozenKeuze(string code) => Keuzes.TryGetValue(code, out var k) ? k : null;

    /// <summary>Whether the question, or one of its own options, is shown in Dutch for lack of a translation.</summary>
    public bool NietVertaald(Vraag v) => !v.Tekst(Taal).Vertaald || v.Keuzes.Any(k => !k.Tekst(Taal).Vertaald);

    /// <summary>The short note, in the reader's language, at a question shown in Dutch for lack of a translation (portal only).</summary>
    public string? AlleenNl { get; init; }
}

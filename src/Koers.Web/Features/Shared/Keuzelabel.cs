namespace Koers.Web.Features.Shared;

/// <summary>
/// Labels for a picker (a select of persons, employers, places, staff): two entries with the same name would read the
/// same, and choosing the wrong one enrols or discusses the wrong person (issue #22). A name shared with another entry
/// gets its first detail, and a tie on that too the next one. Details never include a BSN.
/// </summary>
public static class Keuzelabel
{
    /// <param name="items">
    /// Per entry its name and, from short to full, what may follow it in brackets: each a complete text, the next one
    /// saying more (use <see cref="Oplopend"/> to build them from separate details). Null or empty: not known.
    /// </param>
    public static IReadOnlyList<string> Onderscheiden(IReadOnlyList<(string Naam, IReadOnlyList<string?> Details)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var diepte = new int[items.Count];
        string Label(int i)
        {
            var detail = diepte[i] == 0 ? null : items[i].Details[diepte[i] - 1];
            return string.IsNullOrWhiteSpace(detail) ? items[i].Naam : $"{items[i].Naam} ({detail})";
        }

        // Each round gives every entry whose label is still shared one detail more, until the labels differ or no detail is left.
        for (var ronde = 0; ronde <= items.Select(x => x.Details.Count).DefaultIfEmpty(0).Max(); ronde++)
        {
            var gedeeld = Enumerable.Range(0, items.Count).GroupBy(Label, StringComparer.CurrentCultureIgnoreCase).Where(g => g.Count() > 1).SelectMany(g => g).ToList();
            if (gedeeld.Count == 0) break;
            foreach (var i in gedeeld.Where(i => diepte[i] < items[i].Details.Count)) diepte[i]++;
        }

        return [.. Enumerable.Range(0, items.Count).Select(Label)];
    }

    /// <summary>Separate details as growing texts: "Bergeijk", then "Bergeijk, Dorpsstraat 1" (unknown ones left out).</summary>
    public static IReadOnlyList<string?> Oplopend(params string?[] details)
    {
        var bekend = details.Where(d => !string.IsNullOrWhiteSpace(d)).ToList();
        return [.. Enumerable.Range(1, bekend.Count).Select(n => string.Join(", ", bekend.Take(n)))];
    }

    /// <summary>A person's details for a picker: year of birth, then the full date of birth.</summary>
    public static IReadOnlyList<string?> Persoon(DateOnly? geboortedatum) =>
        geboortedatum is { } g ? [$"geboren {g.Year}", $"geboren {Weergave.Datum(g)}"] : [];
}

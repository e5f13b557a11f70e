using Koers.Domain.Sources;

namespace Koers.Web.Kern;

/// <summary>A rule's source; for a practice rule <paramref name="Grondslag"/> is the statute article it rests on, and a statute has its official text as <paramref name="Link"/>.</summary>
public sealed record BronDto(string Bron, string Verwijzing, string? Citaat, BronDto? Grondslag = null, Uri? Link = null)
{
    public static BronDto Van(Citation c) => new(c.Source, c.Reference, c.Quote, c.Grondslag is { } wet ? Van(wet) : null, c.Link);
}

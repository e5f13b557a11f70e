using Koers.Domain.Sources;

namespace Koers.Web.Kern;

public sealed record BronDto(string Bron, string Verwijzing, string? Citaat)
{
    public static BronDto Van(Citation c) => new(c.Source, c.Reference, c.Quote);
}

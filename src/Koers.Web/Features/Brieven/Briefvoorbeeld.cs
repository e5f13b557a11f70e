using Koers.Data.Model;
using Koers.Domain.Besluiten;

namespace Koers.Web.Features.Brieven;

/// <summary>
/// A feature whose letters use a municipality's template (PIP, ontzorgen, handhaving) draws the template's preview with
/// sample data. The letter layout belongs to that feature; Brieven keeps the templates and lists the previews the
/// features registered in their modules (<see cref="BriefvoorbeeldRegistratie.AddBriefvoorbeeld{T}"/>), so it does not
/// depend on the features that depend on it.
/// </summary>
public interface IBriefvoorbeeld
{
    /// <summary>The kinds of letter this feature sends.</summary>
    IReadOnlyCollection<Briefsoort> Soorten { get; }

    /// <summary>The letter as a PDF with <paramref name="tekst"/> as the template text, sample data and the real letterhead and signature.</summary>
    Task<byte[]> VoorbeeldAsync(Gemeente gemeente, Briefsoort soort, string tekst, DateOnly datum, CancellationToken ct);
}

public static class BriefvoorbeeldRegistratie
{
    public static IServiceCollection AddBriefvoorbeeld<T>(this IServiceCollection services)
        where T : class, IBriefvoorbeeld => services.AddScoped<IBriefvoorbeeld, T>();
}

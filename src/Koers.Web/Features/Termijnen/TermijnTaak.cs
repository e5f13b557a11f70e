using Koers.Web.Infrastructure;
using Koers.Web.Infrastructure.Planning;

namespace Koers.Web.Features.Termijnen;

/// <summary>
/// The deadline recomputation as a task: nightly (once per Dutch date over all instances together) or on request
/// by beheer. Both go through the same lease, so two instances never recompute at the same time.
/// </summary>
public sealed class TermijnTaak(Taaksloten sloten, TermijnHerberekening herberekening, Klok klok)
{
    public const string Naam = "termijnen-herberekening";

    /// <summary>Long enough for a national run; a crashed instance frees the task after this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);

    public static string Nachtperiode(DateOnly datum) => $"nacht:{datum:yyyy-MM-dd}";

    /// <summary>The nightly run; null when another instance runs it now or tonight's run is already done.</summary>
    public Task<HerberekeningResultaat?> NachtelijkAsync(CancellationToken ct = default) =>
        sloten.OnderSlotAsync(Naam, Nachtperiode(klok.Vandaag), Lease,
            c => herberekening.HerberekenAlleAsync("Nachtelijke herberekening van de termijnen", c), ct);

    /// <summary>A run on request; null when another instance is running it now.</summary>
    public Task<HerberekeningResultaat?> HandmatigAsync(string door, CancellationToken ct = default) =>
        sloten.OnderSlotAsync(Naam, null, Lease,
            c => herberekening.HerberekenAlleAsync($"Herberekening van de termijnen op verzoek van {door}", c), ct);
}

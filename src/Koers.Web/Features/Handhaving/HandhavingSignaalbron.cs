using Koers.Web.Features.Werkvoorraad;

namespace Koers.Web.Features.Handhaving;

/// <summary>The worklist section of this feature: Shortcomings whose reaction term has passed.</summary>
public sealed class HandhavingSignaalbron(HandhavingService handhaving) : ISignaalbron
{
    public int Volgorde => SignaalbronVolgorde.Handhaving;

    public async Task<Signaalsectie> SectieAsync(Dossierselectie selectie, DateOnly vandaag, CancellationToken ct) =>
        HandhavingService.Sectie(await handhaving.VerstrekenAsync(selectie, ct));
}

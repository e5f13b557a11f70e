using Koers.Web.Features.Werkvoorraad;

namespace Koers.Web.Features.Brp;

/// <summary>The worklist section of this feature: BRP check findings (moved out of the municipality, deceased).</summary>
public sealed class BrpSignaalbron(BrpService brp) : ISignaalbron
{
    public int Volgorde => SignaalbronVolgorde.Brp;

    public async Task<Signaalsectie> SectieAsync(Dossierselectie selectie, DateOnly vandaag, CancellationToken ct) =>
        BrpService.Sectie(await brp.OpenAsync(selectie, ct));
}

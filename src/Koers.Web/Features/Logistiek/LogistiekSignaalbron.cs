using Koers.Web.Features.Werkvoorraad;

namespace Koers.Web.Features.Logistiek;

/// <summary>The worklist section of this feature: transport support ending, travel time too long without support, gaps between trajecten.</summary>
public sealed class LogistiekSignaalbron(LogistiekService logistiek) : ISignaalbron
{
    public int Volgorde => SignaalbronVolgorde.Logistiek;

    public async Task<Signaalsectie> SectieAsync(Dossierselectie selectie, DateOnly vandaag, CancellationToken ct) =>
        LogistiekService.Sectie(await logistiek.SignalenAsync(selectie, ct), vandaag);
}

using Koers.Web.Features.Werkvoorraad;

namespace Koers.Web.Features.Werk;

/// <summary>The worklist section of this feature: placements with a weekly evaluation overdue or ending within two weeks.</summary>
public sealed class WerkSignaalbron(WerkService werk) : ISignaalbron
{
    public int Volgorde => SignaalbronVolgorde.Werk;

    public async Task<Signaalsectie> SectieAsync(Dossierselectie selectie, DateOnly vandaag, CancellationToken ct) =>
        WerkService.Sectie(await werk.SignalenAsync(selectie, ct), vandaag);
}

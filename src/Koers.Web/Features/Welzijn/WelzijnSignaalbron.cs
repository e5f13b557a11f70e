using Koers.Web.Features.Werkvoorraad;

namespace Koers.Web.Features.Welzijn;

/// <summary>The worklist section of this feature: well-being re-checks due and referrals to follow up.</summary>
public sealed class WelzijnSignaalbron(WelzijnService welzijn) : ISignaalbron
{
    public int Volgorde => SignaalbronVolgorde.Welzijn;

    public async Task<Signaalsectie> SectieAsync(Dossierselectie selectie, DateOnly vandaag, CancellationToken ct) =>
        WelzijnService.Sectie(await welzijn.OpenAsync(selectie, ct), vandaag);
}

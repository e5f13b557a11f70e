using Koers.Web.Features.Werkvoorraad;

namespace Koers.Web.Features.Voortgang;

/// <summary>The worklist section of this feature: Signals chain partners reported on a case.</summary>
public sealed class VoortgangSignaalbron(VoortgangService voortgang) : ISignaalbron
{
    public int Volgorde => SignaalbronVolgorde.Voortgang;

    public async Task<Signaalsectie> SectieAsync(Dossierselectie selectie, DateOnly vandaag, CancellationToken ct) =>
        VoortgangService.Sectie(await voortgang.OpenSignalenAsync(selectie, ct));
}

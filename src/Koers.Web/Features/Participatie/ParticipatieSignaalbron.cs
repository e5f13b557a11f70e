using Koers.Web.Features.Werkvoorraad;

namespace Koers.Web.Features.Participatie;

/// <summary>The worklist section of this feature: Participation questionnaires that are due.</summary>
public sealed class ParticipatieSignaalbron(ParticipatieService participatie) : ISignaalbron
{
    public int Volgorde => SignaalbronVolgorde.Participatie;

    public async Task<Signaalsectie> SectieAsync(Dossierselectie selectie, DateOnly vandaag, CancellationToken ct) =>
        ParticipatieService.Sectie(await participatie.OpenAsync(selectie, ct), vandaag);
}
